"""The CLI fails fast: one line and a non-zero exit status on any failure, within seconds of a failed run, and
SIGTERM ends it even in the middle of a run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date

import dagster as dg
import pytest

from feedback_loop.settings import THIRD_PARTY_PROGRESS_BARS_OFF
from feedback_loop.simulate import simulate_day

CLI = [sys.executable, "-c", "from feedback_loop.cli import app; app()"]


def _env(tmp_path, **extra: str) -> dict[str, str]:
    home = tmp_path / "dagster_home"
    home.mkdir(exist_ok=True)
    return {**os.environ, "FEEDBACK_LOOP_DATA_DIR": str(tmp_path / "data"), "DAGSTER_HOME": str(home), **extra}


def test_an_unexpected_error_is_one_line_on_stderr_and_exit_status_1(tmp_path):
    (tmp_path / "data").write_text("a file where the data root should be")
    completed = subprocess.run(
        [*CLI, "simulate", "--day", "2026-11-01"], env=_env(tmp_path), capture_output=True, text=True, timeout=120
    )
    assert completed.returncode == 1
    landing = tmp_path / "data" / "landing" / "2026-11-01"
    assert completed.stderr.strip().splitlines() == [
        f"error: NotADirectoryError: [Errno 20] Not a directory: '{landing}'"
    ]
    assert "Traceback" not in completed.stdout + completed.stderr


@pytest.mark.slow
def test_backfill_of_a_failing_run_exits_1_within_10_s_of_the_failure_with_the_reason(tmp_path):
    simulate_day(tmp_path / "data" / "landing", date(2026, 11, 1), 20, 0)
    # A named key file that is missing is a configuration error: raw_telemetry fails at once.
    env = _env(tmp_path, FEEDBACK_LOOP_PSEUDONYM_KEY_FILE=str(tmp_path / "missing.key"))
    completed = subprocess.run(
        [*CLI, "backfill", "--start", "2026-11-01", "--end", "2026-11-01"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    exited = time.time()
    output = completed.stdout + completed.stderr
    assert completed.returncode == 1, output[-3000:]
    assert "Traceback" not in output
    failed = [line for line in output.splitlines() if "FAILED" in line]
    assert len(failed) == 1 and "raw_telemetry" in failed[0] and "missing.key" in failed[0], output[-3000:]

    with dg.DagsterInstance.from_config(env["DAGSTER_HOME"]) as instance:
        (run,) = instance.get_run_records()
        assert run.dagster_run.status == dg.DagsterRunStatus.FAILURE
        assert run.end_time is not None
        assert exited - run.end_time < 10


@pytest.mark.slow
def test_sigterm_ends_the_cli_in_the_middle_of_a_run(tmp_path):
    """The demo's first step, building the base model, runs for minutes: SIGTERM once its pre-training started."""
    env = _env(tmp_path)
    log = tmp_path / "cli.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [*CLI, "demo", "--iterations", "1", "--interactions", "10"], env=env, stdout=out, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + 240
        while "pre-training the base model" not in log.read_text() and process.poll() is None:
            assert time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.2)
        assert process.poll() is None, log.read_text()[-3000:]
        process.send_signal(signal.SIGTERM)
        signalled = time.monotonic()
        process.wait(timeout=60)
        assert time.monotonic() - signalled < 10, log.read_text()[-3000:]
    finally:
        if process.poll() is None:
            process.kill()
    output = log.read_text()
    assert process.returncode != 0, output[-3000:]
    assert "Traceback" not in output
    with dg.DagsterInstance.from_config(env["DAGSTER_HOME"]) as instance:
        (run,) = instance.get_runs()
        assert run.status in (dg.DagsterRunStatus.FAILURE, dg.DagsterRunStatus.CANCELED)


_LIBRARIES_AFTER_THE_CLI = """
import warnings
from feedback_loop.cli import app
try:
    app(["--help"])
except SystemExit:
    pass
# What the libraries print while a command of the CLI runs: their progress bars, beta and deprecation notices.
from datasets import Dataset
from tqdm.auto import tqdm
from transformers.utils import logging as transformers_logging
list(tqdm(range(3), desc="tqdm bar"))
list(transformers_logging.tqdm(range(3), desc="transformers bar"))
Dataset.from_list([{"x": 1}, {"x": 2}]).map(lambda row: row)
warnings.warn("`is_gradient_checkpointing` is deprecated", FutureWarning)
warnings.warn("Parameter `backfill_policy` of initializer `AssetsDefinition.__init__` is currently in beta")
"""


def test_third_party_progress_bars_and_notices_are_silenced_in_the_cli_itself(tmp_path):
    """Not only through the Makefile's environment: the variables are absent here."""
    env = {key: value for key, value in _env(tmp_path).items() if key not in THIRD_PARTY_PROGRESS_BARS_OFF}
    completed = subprocess.run(
        [sys.executable, "-c", _LIBRARIES_AFTER_THE_CLI], env=env, capture_output=True, text=True, timeout=300
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "Usage" in completed.stdout
    assert completed.stderr == ""


@pytest.mark.parametrize(
    "args",
    [
        ["demo", "--iterations", "0"],  # crashed with an IndexError
        ["bench", "loop", "--iterations", "0"],
        ["collect", "--port", "99999"],  # listened on 99999 mod 65536 = 34463
        ["simulate", "--day", "2026-11-01", "--interactions", "0"],
        ["bench", "loop", "--probe-questions", "-1"],  # a ZeroDivisionError after the first training
        ["demo", "--last-day", "2026-02-30"],
        ["simulate", "--day", "2026-11-31"],  # a ValueError traceback
    ],
)
def test_an_option_out_of_its_range_is_refused_naming_it_before_anything_runs(tmp_path, args):
    from typer.testing import CliRunner

    from feedback_loop.cli import app

    result = CliRunner().invoke(app, args, env=_env(tmp_path))
    assert result.exit_code == 2 and f"Invalid value for '{args[-2]}'" in result.output
    assert not (tmp_path / "data").exists()
