"""Crash recovery of in-process runs: each names its worker process, run monitoring asks whether it is alive, and
a run whose worker is gone is marked failed (the SIGKILL test with the daemon: train/test_recovery.py)."""

from __future__ import annotations

import subprocess
import sys

import dagster as dg
import psutil
import yaml
from dagster._core.launcher import WorkerStatus

from feedback_loop.runs import (
    WORKER_HOST_TAG,
    WORKER_PID_TAG,
    WORKER_STARTED_TAG,
    WorkerCheckingRunLauncher,
    fail_runs_of_dead_workers,
    open_instance,
    worker_health,
    worker_tags,
)
from feedback_loop.settings import Settings


def _dead_worker_tags() -> dict[str, str]:
    """The tags of a worker process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    tags = {**worker_tags(), WORKER_PID_TAG: str(process.pid)}
    tags[WORKER_STARTED_TAG] = repr(psutil.Process(process.pid).create_time())
    process.kill()
    process.wait()
    return tags


def test_the_worker_of_a_run_is_alive_gone_or_unknown():
    assert worker_health(worker_tags()).status == WorkerStatus.RUNNING
    gone = worker_health(_dead_worker_tags())
    assert gone.status == WorkerStatus.FAILED and "is gone" in gone.msg
    # A reused pid is another process: the start time tells them apart.
    reused = {**worker_tags(), WORKER_STARTED_TAG: "12.5"}
    assert worker_health(reused).status == WorkerStatus.FAILED
    assert worker_health({**worker_tags(), WORKER_HOST_TAG: "elsewhere"}).status == WorkerStatus.UNKNOWN
    assert worker_health({}).status == WorkerStatus.UNKNOWN


def test_the_launcher_reports_only_what_it_can_check():
    launcher = WorkerCheckingRunLauncher()
    assert launcher.supports_check_run_worker_health
    dead = dg.DagsterRun(job_name="retrain_job", tags=_dead_worker_tags())
    assert launcher.check_run_worker_health(dead).status == WorkerStatus.FAILED
    # A run the launcher started itself names no worker: as the default launcher, it is left running.
    launched = dg.DagsterRun(job_name="retrain_job")
    assert launcher.check_run_worker_health(launched).status == WorkerStatus.RUNNING


def test_opening_the_instance_turns_run_monitoring_on_and_fails_runs_of_dead_workers(tmp_path):
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: true\n")  # a section of one's own is kept
    settings = Settings(data_dir=tmp_path / "data", DAGSTER_HOME=home)

    with open_instance(settings) as instance:
        assert instance.run_monitoring_enabled and instance.run_monitoring_max_resume_run_attempts == 0
        assert isinstance(instance.run_launcher, WorkerCheckingRunLauncher)
        started = dg.DagsterRunStatus.STARTED
        dead = instance.add_run(dg.DagsterRun(job_name="retrain_job", tags=_dead_worker_tags(), status=started))
        alive = instance.add_run(dg.DagsterRun(job_name="retrain_job", tags=worker_tags(), status=started))
    assert yaml.safe_load((home / "dagster.yaml").read_text())["telemetry"] == {"enabled": True}

    with open_instance(settings) as instance:
        assert instance.get_run_by_id(dead.run_id).status == dg.DagsterRunStatus.FAILURE
        assert instance.get_run_by_id(alive.run_id).status == dg.DagsterRunStatus.STARTED
        assert fail_runs_of_dead_workers(instance) == []
