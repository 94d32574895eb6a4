"""Crash recovery of retraining: a run killed with SIGKILL during its offline gate is marked failed by Dagster's run
monitoring (the daemon), and its candidate is evaluated by the next run; a candidate whose evaluation never
finished expires when a newer challenger is evaluated; the lora_adapter manifest never names a rejected adapter;
lora_adapter records the feedback it was trained on, so the feedback volume sensor counts from there."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import pytest
import yaml

from feedback_loop.defs.automation import feedback_volume_sensor
from feedback_loop.defs.evaluate import adapter_evaluation
from feedback_loop.defs.resources import DataRoot, RetrainPolicy
from feedback_loop.defs.train import FEEDBACK_COUNTS, lora_adapter
from feedback_loop.model.base import model_fingerprint
from feedback_loop.registry import Registry
from feedback_loop.registry.policy import OFFLINE_EVALUATION
from feedback_loop.settings import DataLayout
from feedback_loop.warehouse import Warehouse
from feedback_loop_tests.defs.test_automation import _write_feedback
from feedback_loop_tests.model.tiny_models import save_dataset, sft_rows
from feedback_loop_tests.train.assets import materialize, write_empty_preference_manifests, write_manifest

LORA = {"r": 4, "alpha": 8, "epochs": 1, "batch_size": 8, "max_length": 64, "device": "cpu"}
# Too high a margin for any tiny adapter: the gate rejects the challenger.
REJECTING_GATE = {"score_margin": 0.99, "n_resamples": 50, "max_new_tokens": 8, "device": "cpu"}

_RETRAIN = """
import json, sys
import dagster as dg
from feedback_loop.runs import run_retraining
from feedback_loop.settings import load_settings
selection = [dg.AssetKey("lora_adapter"), dg.AssetKey("adapter_evaluation")]
result = run_retraining(load_settings(), json.loads(sys.argv[1]), asset_selection=selection)
"""


def _manifests(data_dir: Path, base_dir: Path, dataset_dir: Path, dataset_version: str = "ds-test") -> None:
    write_manifest(data_dir, "base_model", {"path": str(base_dir), "fingerprint": model_fingerprint(base_dir)})
    write_manifest(data_dir, "sft_dataset", {"path": str(dataset_dir), "version": dataset_version})
    write_empty_preference_manifests(data_dir)


def _registry(data_dir: Path) -> Registry:
    return Registry(DataLayout(data_dir).default_registry_url())


def _stop(process: subprocess.Popen) -> str:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
    return process.communicate()[0] or ""


@pytest.mark.slow
def test_a_run_killed_during_its_gate_is_marked_failed_by_run_monitoring_and_its_candidate_evaluated_next_time(
    base_dir, tmp_path
):
    data_dir, home = tmp_path / "data", tmp_path / "dagster_home"
    home.mkdir()
    # Enough eval examples that generating for both arms takes a few seconds: time to kill the run inside its gate.
    rows = sft_rows(400)
    dataset_dir = save_dataset(tmp_path / "dataset", rows[:48], rows[48:])
    _manifests(data_dir, base_dir, dataset_dir)
    env = {
        **os.environ,
        "FEEDBACK_LOOP_DATA_DIR": str(data_dir),
        "DAGSTER_HOME": str(home),
        "FEEDBACK_LOOP_TORCH_THREADS": "1",
        "OMP_NUM_THREADS": "1",
    }
    gate = {"n_resamples": 50, "max_new_tokens": 8, "batch_size": 8, "device": "cpu"}
    run_config = {"ops": {"lora_adapter": {"config": LORA}, "adapter_evaluation": {"config": gate}}}
    worker = subprocess.Popen(
        [sys.executable, "-c", _RETRAIN, json.dumps(run_config)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        run_id = _wait_for_step(home, "adapter_evaluation", worker)
        worker.send_signal(signal.SIGKILL)
        _, stderr = worker.communicate(timeout=60)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert worker.returncode == -signal.SIGKILL, stderr.decode()[-2000:]
    (candidate,) = _registry(data_dir).list()
    assert candidate.status == "candidate" and OFFLINE_EVALUATION not in candidate.metrics
    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert instance.get_run_by_id(run_id).status == dg.DagsterRunStatus.STARTED

    # The daemon's run monitoring, polling every second here, finds the run's worker gone and fails the run.
    config = yaml.safe_load((home / "dagster.yaml").read_text())
    config["run_monitoring"]["poll_interval_seconds"] = 1
    (home / "dagster.yaml").write_text(yaml.safe_dump(config))
    daemon = subprocess.Popen(
        [str(Path(sys.executable).with_name("dagster-daemon")), "run", "-m", "feedback_loop.definitions"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        status = _wait_for_status(home, run_id, dg.DagsterRunStatus.FAILURE, daemon, timeout=180)
    finally:
        daemon_output = _stop(daemon)
    assert status == dg.DagsterRunStatus.FAILURE, daemon_output[-3000:]
    with dg.DagsterInstance.from_config(str(home)) as instance:
        failure = instance.all_logs(run_id, of_type=dg.DagsterEventType.RUN_FAILURE)
        assert "is gone" in failure[-1].message

    # The next run with the same inputs trains nothing and evaluates the candidate the killed run left.
    completed = subprocess.run(
        [sys.executable, "-c", _RETRAIN, json.dumps(run_config)], env=env, capture_output=True, text=True, timeout=600
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    (evaluated,) = _registry(data_dir).list()
    assert evaluated.version == candidate.version and OFFLINE_EVALUATION in evaluated.metrics


def _wait_for_step(home: Path, step: str, worker: subprocess.Popen, timeout: float = 300) -> str:
    """The id of the run whose ``step`` has started (once it has)."""
    deadline = time.monotonic() + timeout
    with dg.DagsterInstance.from_config(str(home)) as instance:
        while time.monotonic() < deadline and worker.poll() is None:
            for run in instance.get_runs():
                starts = instance.all_logs(run.run_id, of_type=dg.DagsterEventType.STEP_START)
                if any(event.step_key == step for event in starts):
                    return run.run_id
            time.sleep(0.05)
    raise AssertionError(f"{step} did not start (worker exit status {worker.poll()})")


def _wait_for_status(home: Path, run_id: str, status, daemon: subprocess.Popen, timeout: float):
    deadline = time.monotonic() + timeout
    with dg.DagsterInstance.from_config(str(home)) as instance:
        while time.monotonic() < deadline and daemon.poll() is None:
            current = instance.get_run_by_id(run_id).status
            if current == status:
                return current
            time.sleep(0.5)
        return instance.get_run_by_id(run_id).status


def test_a_candidate_whose_evaluation_never_finished_expires_and_the_rejected_challengers_manifest_goes(
    base_dir, dataset_dir, tmp_path
):
    data_dir = tmp_path / "data"
    _manifests(data_dir, base_dir, dataset_dir)
    store = _registry(data_dir)
    store.register("0ld0ca9d1d8e", path=str(tmp_path / "stale"), metrics={}, lineage={}, actor="lora_adapter")

    # While another run is in progress, its candidate may be waiting for its gate: nothing expires.
    busy = dg.DagsterInstance.ephemeral()
    busy.add_run(dg.DagsterRun(job_name="retrain_job", status=dg.DagsterRunStatus.STARTED))
    ops = {"lora_adapter": LORA, "adapter_evaluation": REJECTING_GATE}
    assert not materialize(
        data_dir, [lora_adapter, adapter_evaluation], ops, instance=busy, raise_on_error=False
    ).success  # the gate
    assert store.get("0ld0ca9d1d8e").status == "candidate"

    result = materialize(
        data_dir, [lora_adapter, adapter_evaluation], ops, instance=dg.DagsterInstance.ephemeral(), raise_on_error=False
    )
    assert not result.success  # the blocking gate rejected the challenger
    stale = store.get("0ld0ca9d1d8e")
    assert stale.status == "rejected"
    (expiry,) = [entry for entry in store.audit_log("0ld0ca9d1d8e") if entry["to_status"] == "rejected"]
    assert expiry["reason"].startswith("expired: its offline evaluation never finished")
    challenger = json.loads((data_dir / "manifests" / "adapter_evaluation.json").read_text())["challenger_version"]
    assert store.get(challenger).status == "rejected"
    # No adapter serves (the bare base model does): the manifest that named the rejected challenger is gone.
    assert not (data_dir / "manifests" / "lora_adapter.json").exists()


def test_the_adapter_manifest_names_the_serving_adapter_once_its_own_is_rejected(base_dir, dataset_dir, tmp_path):
    data_dir = tmp_path / "data"
    _manifests(data_dir, base_dir, dataset_dir)
    manifest = data_dir / "manifests" / "lora_adapter.json"
    instance = dg.DagsterInstance.ephemeral()
    assert materialize(data_dir, [lora_adapter], {"lora_adapter": {**LORA, "epochs": 2}}, instance=instance).success
    champion = json.loads(manifest.read_text())
    store = _registry(data_dir)
    store.promote(champion["version"], actor="test", reason="the champion")

    ops = {"lora_adapter": LORA, "adapter_evaluation": REJECTING_GATE}
    materialize(data_dir, [lora_adapter, adapter_evaluation], ops, instance=instance, raise_on_error=False)
    rejected = json.loads((data_dir / "manifests" / "adapter_evaluation.json").read_text())["challenger_version"]
    assert rejected != champion["version"] and store.get(rejected).status == "rejected"
    assert json.loads(manifest.read_text()) == champion


def test_lora_adapter_records_the_feedback_it_started_from_and_the_sensor_counts_from_there(
    base_dir, dataset_dir, tmp_path
):
    data_dir = tmp_path / "data"
    _manifests(data_dir, base_dir, dataset_dir)
    warehouse = Warehouse(DataLayout(data_dir).warehouse)
    _write_feedback(warehouse, "2026-11-01", 15)
    instance = dg.DagsterInstance.ephemeral()
    assert materialize(data_dir, [lora_adapter], {"lora_adapter": LORA}, instance=instance).success
    recorded = instance.get_latest_materialization_event(lora_adapter.key).asset_materialization.metadata
    assert recorded[FEEDBACK_COUNTS].data == {"2026-11-01": 15}

    context = dg.build_sensor_context(
        instance=instance,
        resources={
            "data_root": DataRoot(data_dir=str(data_dir)),
            "retrain_policy": RetrainPolicy(feedback_threshold=10),
        },
    )
    result = feedback_volume_sensor(context)
    assert isinstance(result, dg.SkipReason) and "0 new feedback events" in result.skip_message
