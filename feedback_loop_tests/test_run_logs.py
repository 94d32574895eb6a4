"""What the runs started from Python (the CLI, the demo) print: a gate's rejection is one line, a crash its stack."""

import dagster as dg

from feedback_loop.runs import QUIET_LOGS, failure_reason, in_process


@dg.asset(check_specs=[dg.AssetCheckSpec("offline_gate", asset="challenger", blocking=True)])
def challenger():
    yield dg.Output(1)
    yield dg.AssetCheckResult(check_name="offline_gate", passed=False, severity=dg.AssetCheckSeverity.ERROR)


@dg.asset
def champion(challenger):
    return challenger


@dg.asset
def dashboard(champion):
    return champion


@dg.asset
def crashing():
    raise ValueError("the disk is full")


@dg.asset
def after_the_crash(crashing):
    return crashing


@dg.asset
def after_the_gate_and_the_crash(challenger, crashing):
    return challenger, crashing


def _run(*assets):
    job = dg.define_asset_job("job", list(assets))
    definitions = dg.Definitions(assets=list(assets), jobs=[job])
    return in_process(definitions.resolve_job_def("job")).execute_in_process(
        run_config=QUIET_LOGS, raise_on_error=False
    )


def test_a_failed_gate_is_one_warning_line_without_a_stack_trace(capfd):
    result = _run(challenger, champion)
    assert not result.success
    err = capfd.readouterr().err
    assert "Stack Trace" not in err and "Traceback" not in err, err
    [step_failure] = [line for line in err.splitlines() if "STEP_FAILURE" in line]
    assert " - WARNING - " in step_failure
    assert step_failure.endswith("1 blocking asset check failed with ERROR severity: challenger: offline_gate")
    [run_failure] = [line for line in err.splitlines() if "RUN_FAILURE" in line]
    assert run_failure.endswith("offline_gate")


def test_a_crash_keeps_its_error_and_stack_trace_and_is_the_reason_the_run_failed(capfd):
    result = _run(challenger, champion, crashing)
    err = capfd.readouterr().err
    assert "ValueError: the disk is full" in err and "Stack Trace" in err
    assert " - ERROR - " in next(line for line in err.splitlines() if 'step "crashing" failed' in line)
    assert failure_reason(result) == "crashing: ValueError: the disk is full"


def _lines(err: str, text: str) -> list[str]:
    return [line for line in err.splitlines() if text in line]


def test_the_steps_a_gate_stopped_say_so_at_info_that_the_champion_stays(capfd):
    _run(challenger, champion, dashboard)
    err = capfd.readouterr().err
    assert "Dependencies for step" not in err, err
    [champion_line] = _lines(err, "Step champion not executed")
    assert " - INFO - " in champion_line
    assert champion_line.endswith(
        "the gate offline_gate on challenger rejected the challenger, so the champion stays (a gate's verdict, "
        "not an error)."
    )
    # One step further: not executed because the gate stopped the one before it.
    [dashboard_line] = _lines(err, "Step dashboard not executed")
    assert " - INFO - " in dashboard_line and "the gate offline_gate on challenger" in dashboard_line
    # The run's own failure is the only error line.
    assert [line for line in err.splitlines() if " - ERROR - " in line] == _lines(err, "RUN_FAILURE")


def test_a_step_not_executed_after_a_crash_stays_an_error_even_beside_a_gate(capfd):
    _run(challenger, crashing, after_the_crash, after_the_gate_and_the_crash)
    err = capfd.readouterr().err
    [after_the_crash_line] = _lines(err, "Dependencies for step after_the_crash ")
    assert " - ERROR - " in after_the_crash_line
    [beside_the_gate] = _lines(err, "Dependencies for step after_the_gate_and_the_crash ")
    assert " - ERROR - " in beside_the_gate and "the champion stays" not in err
