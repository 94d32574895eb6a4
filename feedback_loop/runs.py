"""Starting the jobs from Python (the CLI and the demo): in-process runs recorded in the Dagster instance.

Every run is built by :func:`feedback_loop.definitions.build_defs` from the caller's settings, so it uses the
same resources (registries, policies, key file) as `dagster dev` with those settings.

Crash recovery. An in-process run's worker is the process that started it; when that process is killed
(SIGKILL, OOM, a lost machine) nothing marks the run failed, and it would stay STARTED for ever. Each run is
tagged with its worker (host, pid, the process's start time), and :class:`WorkerCheckingRunLauncher` tells
Dagster's run monitoring (the daemon, `run_monitoring` in dagster.yaml) whether that worker is alive, so a run
whose worker is gone is marked failed. The instance this module opens has the same settings, and opening it
does the same check once, so crash recovery works without a daemon too (the CLI, the demo).
"""

import ast
import logging
import re
import socket
from collections.abc import Mapping
from typing import Any

import dagster as dg
import psutil
import yaml
from dagster._core.errors import DagsterAssetCheckFailedError
from dagster._core.launcher import CheckRunHealthResult, DefaultRunLauncher, WorkerStatus
from dagster._core.log_manager import LOG_RECORD_EVENT_ATTR, LOG_RECORD_METADATA_ATTR
from dagster._loggers import colored_console_logger
from dagster._utils.error import SerializableErrorInfo

from feedback_loop.defs.run_tags import Trigger, trigger_tags
from feedback_loop.settings import Settings

# Runs started from Python log at INFO: the step-by-step DEBUG events stay in the run's log in the UI.
QUIET_LOGS = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}

WORKER_HOST_TAG = "feedback_loop/worker_host"
WORKER_PID_TAG = "feedback_loop/worker_pid"
WORKER_STARTED_TAG = "feedback_loop/worker_started"
"""The run's worker process: its host, pid and start time (a pid alone may have been reused since)."""

INSTANCE_SETTINGS: dict[str, Any] = {
    # No network here to report usage to; an explicit file also silences Dagster's first-run notice.
    "telemetry": {"enabled": False},
    "run_launcher": {"module": "feedback_loop.runs", "class": "WorkerCheckingRunLauncher"},
    "run_monitoring": {
        "enabled": True,
        "start_timeout_seconds": 180,
        # The default launcher cannot resume a run: one whose worker is gone is marked failed, and the next
        # run starts over (each asset reuses what is already done: the dataset, the base model, the adapter).
        "max_resume_run_attempts": 0,
        "poll_interval_seconds": 30,
    },
}
"""What the embedded instance's dagster.yaml holds (the repository's dagster.yaml: the same, on PostgreSQL)."""


def open_instance(settings: Settings) -> dg.DagsterInstance:
    """The Dagster instance at DAGSTER_HOME, created on first use with embedded SQLite storage.

    Its dagster.yaml gets the sections of :data:`INSTANCE_SETTINGS` it lacks (sections already there are kept),
    and runs whose worker process is gone are marked failed (see the module docstring).
    """
    settings.dagster_home.mkdir(parents=True, exist_ok=True)
    config = settings.dagster_home / "dagster.yaml"
    written = (yaml.safe_load(config.read_text()) or {}) if config.exists() else {}
    if not INSTANCE_SETTINGS.keys() <= written.keys():
        config.write_text(yaml.safe_dump({**INSTANCE_SETTINGS, **written}, sort_keys=False))
    instance = dg.DagsterInstance.from_config(str(settings.dagster_home))
    fail_runs_of_dead_workers(instance)
    return instance


def worker_tags() -> dict[str, str]:
    """The tags naming this process as the worker of the runs it executes in-process."""
    process = psutil.Process()
    return {
        WORKER_HOST_TAG: socket.gethostname(),
        WORKER_PID_TAG: str(process.pid),
        WORKER_STARTED_TAG: repr(process.create_time()),
    }


def worker_health(tags: Mapping[str, str]) -> CheckRunHealthResult:
    """Whether the worker a run's tags name is alive: RUNNING, FAILED when it is gone, UNKNOWN when this host
    cannot tell (a run without the tags, or one on another host)."""
    if WORKER_PID_TAG not in tags:
        return CheckRunHealthResult(WorkerStatus.UNKNOWN, "the run names no in-process worker")
    host, pid, started = tags.get(WORKER_HOST_TAG), int(tags[WORKER_PID_TAG]), tags.get(WORKER_STARTED_TAG)
    if host != socket.gethostname():
        return CheckRunHealthResult(WorkerStatus.UNKNOWN, f"its worker runs on {host}, not on this host")
    try:
        alive = repr(psutil.Process(pid).create_time()) == started
    except psutil.NoSuchProcess:
        alive = False
    if alive:
        return CheckRunHealthResult(WorkerStatus.RUNNING)
    return CheckRunHealthResult(WorkerStatus.FAILED, f"its worker process {pid} on {host} is gone (killed?)")


class WorkerCheckingRunLauncher(DefaultRunLauncher):
    """Dagster's default run launcher, which also answers run monitoring's health check for in-process runs.

    Runs it launched itself (from the UI, a schedule or a sensor) name no worker: they are reported RUNNING, as
    the default launcher, which has no health check, leaves them (their code server reports their crashes).
    """

    @property
    def supports_check_run_worker_health(self) -> bool:
        return True

    def check_run_worker_health(self, run: dg.DagsterRun) -> CheckRunHealthResult:
        health = worker_health(run.tags)
        if health.status == WorkerStatus.UNKNOWN:
            return CheckRunHealthResult(WorkerStatus.RUNNING, f"not checked: {health.msg}")
        return health


def fail_runs_of_dead_workers(instance: dg.DagsterInstance) -> list[str]:
    """Mark failed every in-progress run whose worker process is gone; returns their run ids."""
    failed = []
    for record in instance.get_run_records(filters=dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED])):
        run = record.dagster_run
        health = worker_health(run.tags)
        if health.status == WorkerStatus.FAILED:
            instance.report_run_failed(run, f"Marked failed: {health.msg}")
            failed.append(run.run_id)
    return failed


def definitions_for(settings: Settings) -> dg.Definitions:
    from feedback_loop.definitions import build_defs

    return build_defs(settings)


class FailedCheckWithoutTraceback(logging.Filter):
    """Shows a step failed by a blocking asset check, and the run failure it causes, in one line without Dagster's
    stack trace; the step's line is a warning. A step not executed because of it says so at INFO.

    A gate that rejects a challenger (`offline_gate`, `shadow_gate`) is an outcome the loop expects: the check's
    own reasons and figures say why, the stack of Dagster's executor says nothing, and the steps after the gate
    (`champion_adapter` after `adapter_evaluation`) are not executed by design: the champion stays. Any other
    failure keeps its error and stack trace, and a step not executed because of it stays an error. Each run has
    a logger, and so a filter, of its own (:func:`console_logger`): the steps it remembers are that run's.
    """

    def __init__(self) -> None:
        super().__init__()
        self._stopped_by_gates: dict[str, list[str]] = {}
        """The steps a gate stopped (failed by its check, or not executed after one it stopped): their gates."""

    def filter(self, record: logging.LogRecord) -> bool:
        event = getattr(record, LOG_RECORD_EVENT_ATTR, None)
        if event is None:
            self._say_not_executed_after_a_gate(record)
            return True
        error = getattr(event.event_specific_data, "error", None)
        if error is None or not _failed_check(error):
            return True
        # Dagster's message is its event line, a blank line, then the error ("module.Class: message") and stack.
        event_line = str(record.msg).split("\n\n")[0]
        record.msg = f"{event_line} {' '.join(error.message.split(': ', 1)[-1].split())}"
        if event.is_step_failure:
            self._stopped_by_gates[event.step_key] = _failed_checks(error)
            record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        return True

    def _say_not_executed_after_a_gate(self, record: logging.LogRecord) -> None:
        """Dagster's error "Dependencies for step X failed: [...]. Not executing." as what it is when every one of
        those dependencies was stopped by a gate: an INFO line naming the gates, and that the champion stays."""
        meta = getattr(record, LOG_RECORD_METADATA_ATTR, None)
        said = _NOT_EXECUTING.fullmatch(meta["orig_message"]) if meta else None
        if meta is None or said is None or not str(record.msg).endswith(meta["orig_message"]):
            return
        upstream = [*ast.literal_eval(said["failed"] or "[]"), *ast.literal_eval(said["not_executed"] or "[]")]
        # A gate's step whose checks could not be read from its error (an empty list) is left to Dagster's error.
        if not upstream or not all(self._stopped_by_gates.get(step) for step in upstream):
            return
        gates = list(dict.fromkeys(gate for step in upstream for gate in self._stopped_by_gates[step]))
        self._stopped_by_gates[said["step"]] = gates
        told = (
            f"Step {said['step']} not executed: the {'gate' if len(gates) == 1 else 'gates'} {', '.join(gates)} "
            "rejected the challenger, so the champion stays (a gate's verdict, not an error)."
        )
        record.msg = str(record.msg).removesuffix(meta["orig_message"]) + told
        record.levelno, record.levelname = logging.INFO, logging.getLevelName(logging.INFO)


# What Dagster logs for a step whose upstream steps failed or were not executed themselves (its ActiveExecution).
_NOT_EXECUTING = re.compile(
    r"Dependencies for step (?P<step>.+?)(?: failed: (?P<failed>\[.*\]))?"
    r"(?: were not executed: (?P<not_executed>\[.*\]))?\. Not executing\."
)
# A line of Dagster's DagsterAssetCheckFailedError after its first: an asset and its failed checks ("a: c1,c2").
_FAILED_CHECKS_LINE = re.compile(r"(?P<asset>.+): (?P<checks>[^:]+)")


@dg.logger(colored_console_logger.config_schema, description="Dagster's console logger, gate failures in one line.")
def console_logger(init_context: dg.InitLoggerContext) -> logging.Logger:
    """The console logger of the runs started here: Dagster's own, with :class:`FailedCheckWithoutTraceback`."""
    logger = colored_console_logger.logger_fn(init_context)
    logger.addFilter(FailedCheckWithoutTraceback())
    return logger


def in_process(job: dg.JobDefinition) -> dg.JobDefinition:
    """``job`` as the runs started here execute it: logging to the console through :func:`console_logger`."""
    return job.with_logger_defs({"console": console_logger})


def _job(settings: Settings, name: str) -> dg.JobDefinition:
    return in_process(definitions_for(settings).resolve_job_def(name))


def _merge(run_config: dict | None) -> dict:
    return {**QUIET_LOGS, **(run_config or {})}


def _run_tags(tags: dict[str, str] | None = None) -> dict[str, str]:
    return {**(tags or {}), **worker_tags()}


def run_ingestion(
    settings: Settings,
    first: str,
    last: str,
    instance=None,
    run_config: dict | None = None,
    raise_on_error: bool = True,
    trigger: Trigger = "cli",
    iteration: int | None = None,
):
    """Ingest and label the landing days ``first``..``last`` in one run (single-run backfill); then A/B."""
    job = _job(settings, "ingestion_job")
    tags = {**partition_range_tags(settings, first, last), **trigger_tags(trigger, iteration)}
    return job.execute_in_process(
        instance=instance or open_instance(settings),
        run_config=_merge(run_config),
        tags=_run_tags(tags),
        raise_on_error=raise_on_error,
    )


def partition_range_tags(settings: Settings, first: str, last: str) -> dict[str, str]:
    """The run tags of a single-run backfill of the daily partitions ``first``..``last``, checked first: a day
    outside the partitions (before the first day, after today, not a date) or a range that ends before it starts
    would otherwise run unpartitioned and record its materializations under no day."""
    from feedback_loop.defs.partitions import daily_partitions_from

    keys = daily_partitions_from(settings.first_day).get_partition_keys()
    if not keys:
        raise ValueError(f"partition range: no daily partition yet, the first day {settings.first_day} is ahead")
    for field, day in (("start", first), ("end", last)):
        if day not in keys:
            raise ValueError(
                f"partition range: field '{field}' is {day!r}, not a daily partition: a YYYY-MM-DD day from the "
                f"first day {keys[0]} to {keys[-1]} (FEEDBACK_LOOP_FIRST_DAY sets the first)"
            )
    if first > last:
        raise ValueError(f"partition range: field 'start' {first} is after field 'end' {last}")
    return {"dagster/asset_partition_range_start": first, "dagster/asset_partition_range_end": last}


def failure_reason(result) -> str:
    """Why the run of ``result`` failed, in one line: the first failed step and its error's message. A step that
    raised comes before one that a blocking check failed (a gate's verdict: :class:`FailedCheckWithoutTraceback`)."""
    failures = [event for event in result.all_events if event.event_type_value == "STEP_FAILURE"]
    if not failures:
        return "no step failed; see the run in the Dagster UI"
    first = min(failures, key=lambda event: _failed_check(event.event_specific_data.error))
    error = first.event_specific_data.error
    # A step's error wraps the asset's own exception, whose message (with its type) says what is wrong.
    return f"{first.step_key}: {' '.join((error.cause or error).message.split())}"


def _failed_check(error: SerializableErrorInfo) -> bool:
    """Whether a step's ``error`` is a blocking asset check that failed."""
    return error.cls_name == DagsterAssetCheckFailedError.__name__


def _failed_checks(error: SerializableErrorInfo) -> list[str]:
    """The blocking checks that a step's ``error`` says failed, as "check on asset"."""
    failed: list[str] = []
    for line in error.message.splitlines()[1:]:
        named = _FAILED_CHECKS_LINE.fullmatch(line.strip())
        if named:
            failed.extend(f"{check} on {named['asset']}" for check in named["checks"].split(","))
    return failed


def run_retraining(
    settings: Settings,
    run_config: dict | None = None,
    instance=None,
    asset_selection=None,
    trigger: Trigger = "cli",
    iteration: int | None = None,
):
    """Run `retrain_job` (or part of it); a failed offline gate fails the run and leaves the champion unchanged."""
    job = _job(settings, "retrain_job")
    return job.execute_in_process(
        instance=instance or open_instance(settings),
        run_config=_merge(run_config),
        tags=_run_tags(trigger_tags(trigger, iteration)),
        raise_on_error=False,
        asset_selection=asset_selection,
    )


def gate_evaluation(result):
    """The `offline_gate` check evaluation of a run, or None when the run did not get that far."""
    return check_evaluation(result, "offline_gate")


def check_evaluation(result, check_name: str):
    """The evaluation of the asset check ``check_name`` in a run, or None when the run did not get that far."""
    for event in result.all_events:
        if event.event_type_value == "ASSET_CHECK_EVALUATION" and event.event_specific_data.check_name == check_name:
            return event.event_specific_data
    return None


def run_relabel(settings: Settings, first: str, last: str, instance=None):
    """Re-label the days ``first``..``last``, their KPIs and the review queue (after review decisions, say)."""
    from feedback_loop.defs.analytics import kpi_daily
    from feedback_loop.defs.label import labeled_interactions, review_queue

    job = _job(settings, "ingestion_job")
    tags = {**partition_range_tags(settings, first, last), **trigger_tags("cli")}
    return job.execute_in_process(
        instance=instance or open_instance(settings),
        run_config=QUIET_LOGS,
        tags=_run_tags(tags),
        asset_selection=[labeled_interactions.key, kpi_daily.key, review_queue.key],
    )


def run_dashboard(settings: Settings, instance=None, trigger: Trigger = "cli"):
    """Materialize `kpi_dashboard` from the kpi_daily partitions present and the registry, in one run."""
    key = dg.AssetKey("kpi_dashboard")
    job = definitions_for(settings).resolve_implicit_job_def_def_for_assets([key])
    if job is None:
        raise LookupError("no job materializes kpi_dashboard in the definitions")
    return in_process(job).execute_in_process(
        instance=instance or open_instance(settings),
        run_config=QUIET_LOGS,
        tags=_run_tags(trigger_tags(trigger)),
        asset_selection=[key],
        raise_on_error=False,
    )
