"""The long training assets log a step counter and an ETA to the run's log (the terminal of a CLI run, too)."""

from __future__ import annotations

import re

import dagster as dg

from feedback_loop.defs.evaluate import adapter_evaluation
from feedback_loop.defs.model import base_model
from feedback_loop.defs.train import lora_adapter
from feedback_loop_tests.model.tiny_models import TINY_BASE_SPEC
from feedback_loop_tests.train.assets import materialize, write_empty_preference_manifests, write_manifest

LORA = {"r": 4, "alpha": 8, "epochs": 1, "batch_size": 8, "max_length": 64, "device": "cpu"}
GATE = {"n_resamples": 50, "max_new_tokens": 8, "batch_size": 4, "device": "cpu"}


def _messages(instance: dg.DagsterInstance, result) -> list[str]:
    return [entry.user_message for entry in instance.all_logs(result.run_id)]


def test_base_model_training_and_the_gate_log_their_progress(dataset_dir, tmp_path):
    data_dir = tmp_path / "data"
    write_manifest(data_dir, "sft_dataset", {"path": str(dataset_dir), "version": "ds-test"})
    write_empty_preference_manifests(data_dir)
    instance = dg.DagsterInstance.ephemeral()
    base = {**TINY_BASE_SPEC.model_dump(), "device": "cpu"}
    result = materialize(
        data_dir,
        [base_model, lora_adapter, adapter_evaluation],
        {"base_model": base, "lora_adapter": LORA, "adapter_evaluation": GATE},
        instance=instance,
        raise_on_error=False,
    )
    messages = _messages(instance, result)
    steps = TINY_BASE_SPEC.pretrain_steps
    assert any(
        re.fullmatch(rf"pre-training the base model: step 1/{steps} \(\d+%\), .* elapsed, ETA .*", m) for m in messages
    )
    assert any(m.startswith(f"pre-training the base model: step {steps}/{steps} (100%)") for m in messages)
    assert any(re.fullmatch(r"training adapter \w+: step (\d+)/\1 \(100%\), \S+ elapsed", m) for m in messages)
    for arm in ("challenger", "the bare base model"):
        assert any(m.startswith(f"offline gate: answers of {arm}") and "example 8/8 (100%)" in m for m in messages)
