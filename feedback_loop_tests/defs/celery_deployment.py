"""A deployment of deploy/: Celery workers on RabbitMQ, Dagster's run storage in PostgreSQL, the steps of the
runs that Dagster's own CLI starts going to the workers. The tests start and stop every process themselves.

Each deployment gets a RabbitMQ virtual host of its own, so the workers of two test sessions sharing the broker
(engineers, CI) never take each other's steps; its PostgreSQL database is fresh and dropped afterwards.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg
import pytest

from feedback_loop.settings import child_environment

REPO = Path(__file__).resolve().parents[2]
BROKER = ("127.0.0.1", 5672)
WORKER_READY_SECONDS = 90


def require_service(what: str, error: Exception) -> None:
    """A service the test needs is missing: fail under CI=true (where `.ci/run` starts it), skip elsewhere."""
    message = f"{what} is not available: {error}"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (CI=true: it is required; .ci/run starts it)")
    pytest.skip(message)


def _rabbitmqctl(*arguments: str) -> None:
    subprocess.run(["rabbitmqctl", "-q", *arguments], check=True, capture_output=True, timeout=60)


@contextmanager
def rabbitmq_vhost() -> Iterator[str]:
    """A fresh RabbitMQ virtual host that guest may use, deleted afterwards; its name."""
    try:
        socket.create_connection(BROKER, timeout=3).close()
        if shutil.which("rabbitmqctl") is None:
            raise FileNotFoundError("rabbitmqctl is not on PATH")
    except OSError as error:
        require_service(f"RabbitMQ on {BROKER[0]}:{BROKER[1]}", error)
    vhost = f"feedback-loop-test-{uuid.uuid4().hex[:10]}"
    _rabbitmqctl("add_vhost", vhost)
    try:
        _rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*")
        yield vhost
    finally:
        _rabbitmqctl("delete_vhost", vhost)


@dataclass
class Deployment:
    """Where the deployment keeps its data and Dagster instance, and the environment its processes share."""

    data_dir: Path
    dagster_home: Path
    env: dict[str, str]
    workers: dict[str, subprocess.Popen] = field(default_factory=dict)

    def start_worker(self, queue: str, name: str) -> None:
        """A `feedback-loop worker` process in a process group of its own, taking one step at a time."""
        log = (self.dagster_home / f"worker-{name}.log").open("w")
        self.workers[name] = subprocess.Popen(
            [sys.executable, "-c", "from feedback_loop.cli import app; app()", "worker", queue, "--name", name],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_for_workers(self) -> None:
        deadline = time.monotonic() + WORKER_READY_SECONDS
        for name, process in self.workers.items():
            log = self.dagster_home / f"worker-{name}.log"
            while f"{name}@" not in log.read_text() or " ready." not in log.read_text():
                assert process.poll() is None, f"worker {name} exited: {log.read_text()[-3000:]}"
                assert time.monotonic() < deadline, f"worker {name} not ready: {log.read_text()[-3000:]}"
                time.sleep(0.5)

    def stop_workers(self) -> None:
        """SIGTERM to each worker's own process group (the worker and its pool's children), SIGKILL if needed."""
        for process in self.workers.values():
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.workers.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                with suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)

    def dagster(self, *arguments: str, timeout: int = 600) -> subprocess.Popen:
        """Dagster's own CLI on the code location, as an operator runs it; the caller waits for it."""
        command = [sys.executable, "-m", "dagster", *arguments, "-m", "feedback_loop.definitions", "-a", "defs"]
        return subprocess.Popen(command, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def instance(self) -> dg.DagsterInstance:
        """The deployment's Dagster instance; its dagster.yaml reads the connection from the environment, which
        this process has only while the instance connects."""
        connection = {key: value for key, value in self.env.items() if key.startswith("DAGSTER_PG_")}
        with pytest.MonkeyPatch.context() as patch:
            for key, value in connection.items():
                patch.setenv(key, value)
            return dg.DagsterInstance.from_config(str(self.dagster_home))


def finished(process: subprocess.Popen, timeout: int = 900) -> str:
    """Wait for a CLI process; its output, after asserting that it succeeded."""
    output, _ = process.communicate(timeout=timeout)
    assert process.returncode == 0, output[-4000:]
    return output


def run_config_file(path: Path, run_config: dict) -> str:
    path.write_text(json.dumps(run_config))
    return str(path)


@contextmanager
def celery_deployment(
    tmp_path: Path, database: str, data_root: str | None = None, **settings: object
) -> Iterator[Deployment]:
    """deploy/dagster.yaml as the instance (PostgreSQL database ``database``), FEEDBACK_LOOP_EXECUTOR=celery on
    a fresh RabbitMQ virtual host, and ``settings`` (by field name) for every process. The data root is
    ``data_root`` (an ``s3://`` URL) when given, else the local folder ``Deployment.data_dir``. No worker runs yet."""
    with rabbitmq_vhost() as vhost:
        home = tmp_path / "dagster_home"
        home.mkdir()
        shutil.copy(REPO / "deploy" / "dagster.yaml", home / "dagster.yaml")
        data_dir = tmp_path / "data"
        env = child_environment(
            data_dir=data_root or data_dir,
            dagster_home=home,
            executor="celery",
            celery_broker_url=f"pyamqp://guest:guest@{BROKER[0]}:{BROKER[1]}/{vhost}",
            **settings,
        )
        env.update(
            DAGSTER_PG_HOST="127.0.0.1", DAGSTER_PG_PORT="5432", DAGSTER_PG_USER="postgres", DAGSTER_PG_PASSWORD=""
        )
        env["DAGSTER_PG_DB"] = database
        # The worktree's package, whether or not it is the one installed.
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
        deployment = Deployment(data_dir, home, env)
        # Dagster creates its tables on first use; processes that start at once on a fresh database would race
        # to create them (as in production, where the webserver or `dagster instance migrate` comes first).
        deployment.instance().dispose()
        try:
            yield deployment
        finally:
            deployment.stop_workers()


def step_workers(instance: dg.DagsterInstance, run_id: str) -> dict[str, str]:
    """Step key -> the Celery worker (node name) that executed it, from the run's event log."""
    workers = {}
    for record in instance.get_records_for_run(run_id, of_type=dg.DagsterEventType.ENGINE_EVENT).records:
        event = record.event_log_entry.dagster_event
        entry = event.event_specific_data.metadata.get("Celery worker") if event else None
        if entry is not None:
            workers[event.step_key] = entry.value
    return workers
