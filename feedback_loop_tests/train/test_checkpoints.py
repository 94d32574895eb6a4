"""Checkpoints: a lora_adapter run killed with SIGKILL resumes from its last checkpoint on the next run, and ends
with the adapter an uninterrupted run trains."""

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

from feedback_loop.model.base import model_fingerprint
from feedback_loop.train.checkpoint import CHECKPOINT_FILE
from feedback_loop.train.lora import LoraSpec, adapter_version, train_lora
from feedback_loop_tests.train.assets import materialize, write_empty_preference_manifests, write_manifest

# Long enough (120 steps) that the kill lands well before the end, short enough to train in seconds.
CONFIG = {"r": 4, "alpha": 8, "epochs": 20, "batch_size": 8, "max_length": 64, "device": "cpu", "checkpoint_every": 4}

_KILLED_RUN = """
import json, sys
from pathlib import Path
from feedback_loop_tests.train.assets import materialize
from feedback_loop.defs.train import lora_adapter
materialize(Path(sys.argv[1]), [lora_adapter], {"lora_adapter": json.loads(sys.argv[2])})
"""


def _lora_weights(adapter_dir: Path) -> dict:
    from safetensors.torch import load_file

    return load_file(adapter_dir / "adapter_model.safetensors")


def test_a_killed_training_resumes_from_its_checkpoint_and_ends_like_an_uninterrupted_one(
    base_dir, dataset_dir, tmp_path
):
    data_dir = tmp_path / "data"
    write_manifest(data_dir, "base_model", {"path": str(base_dir), "fingerprint": model_fingerprint(base_dir)})
    write_manifest(data_dir, "sft_dataset", {"path": str(dataset_dir), "version": "ds-test"})
    write_empty_preference_manifests(data_dir)
    version = adapter_version("ds-test", model_fingerprint(base_dir), LoraSpec(**CONFIG))
    checkpoint = data_dir / "checkpoints" / version / CHECKPOINT_FILE

    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2]), "OMP_NUM_THREADS": "1"}
    process = subprocess.Popen(
        [sys.executable, "-c", _KILLED_RUN, str(data_dir), json.dumps(CONFIG)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while not checkpoint.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL, stderr.decode()[-2000:]
    assert checkpoint.exists() and not (data_dir / "adapters" / version).exists()

    instance = dg.DagsterInstance.ephemeral()
    result = materialize(data_dir, [_asset()], {"lora_adapter": CONFIG}, instance=instance)
    assert result.success
    messages = [entry.user_message for entry in instance.all_logs(result.run_id)]
    resumed = [m for m in messages if m.startswith(f"resuming adapter {version} from its checkpoint at step ")]
    assert resumed, messages
    step = int(resumed[0].split(" at step ")[1].split()[0])
    assert 4 <= step < 120 and step % 4 == 0
    assert not checkpoint.parent.exists()  # removed once the adapter is saved

    resumed_dir = data_dir / "adapters" / version
    uninterrupted = train_lora(base_dir, dataset_dir, tmp_path / "uninterrupted", LoraSpec(**CONFIG))
    finished = json.loads((resumed_dir / "training_metadata.json").read_text())
    assert finished["steps"] == uninterrupted["steps"] == 120
    assert finished["loss_curve"] == pytest.approx(uninterrupted["loss_curve"], rel=1e-4)
    assert finished["eval_loss"] == pytest.approx(uninterrupted["eval_loss"], rel=0.01)
    reference = _lora_weights(tmp_path / "uninterrupted")
    for name, tensor in _lora_weights(resumed_dir).items():
        assert (tensor - reference[name]).norm() <= 1e-4 * reference[name].norm() + 1e-6, name


def test_a_checkpoint_of_another_training_is_ignored(base_dir, dataset_dir, tmp_path):
    import torch

    checkpoints = tmp_path / "checkpoints"
    checkpoints.mkdir()
    torch.save({"adapter_version": "0123456789ab"}, checkpoints / CHECKPOINT_FILE)
    logged: list[str] = []
    spec = LoraSpec(**{**CONFIG, "epochs": 1})
    metadata = train_lora(
        base_dir, dataset_dir, tmp_path / "adapter", spec, checkpoint_dir=checkpoints, log=logged.append
    )
    assert logged == [
        f"ignoring the checkpoint in {checkpoints}: it belongs to adapter 0123456789ab, not "
        f"{metadata['adapter_version']}"
    ]
    assert metadata["steps"] == 6 and not checkpoints.exists()


def _asset():
    from feedback_loop.defs.train import lora_adapter

    return lora_adapter
