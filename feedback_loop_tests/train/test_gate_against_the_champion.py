"""The offline gate's champion arm: a champion trained on another base model (before `base_model` was rebuilt) is
not loaded onto the current one, where it would answer as a crippled model that any challenger beats."""

from __future__ import annotations

import json

from feedback_loop.defs.evaluate import adapter_evaluation
from feedback_loop.defs.train import lora_adapter
from feedback_loop_tests.train.assets import materialize
from feedback_loop_tests.train.test_recovery import LORA, REJECTING_GATE, _manifests, _registry


def test_a_champion_of_another_base_model_is_replaced_by_the_bare_base_model_in_the_gate(
    base_dir, dataset_dir, tmp_path
):
    data_dir = tmp_path / "data"
    _manifests(data_dir, base_dir, dataset_dir)
    store = _registry(data_dir)
    # Its folder is gone too: loading it would fail, so the gate must not try.
    store.register("old", path=str(tmp_path / "gone"), metrics={}, lineage={"base_model_fingerprint": "0ld"}, actor="t")
    store.promote("old", actor="test", reason="the champion before base_model was rebuilt")

    ops = {"lora_adapter": LORA, "adapter_evaluation": REJECTING_GATE}
    materialize(data_dir, [lora_adapter, adapter_evaluation], ops, raise_on_error=False)

    gate = json.loads((data_dir / "manifests" / "adapter_evaluation.json").read_text())
    assert gate["champion_version"] == "old" and gate["examples"] > 0
    assert any("champion old was trained on base model 0ld" in reason for reason in gate["reasons"])
