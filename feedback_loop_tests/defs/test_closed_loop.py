"""The whole asset graph on a small simulated data set: a champion comes out, and a worse challenger does not."""

from __future__ import annotations

import json
from pathlib import Path

import dagster as dg
import pytest
import torch

from feedback_loop.registry import Registry
from feedback_loop.runs import gate_evaluation, run_ingestion, run_retraining
from feedback_loop_tests.defs.conftest import DAYS, retrain_run_config

pytestmark = pytest.mark.slow


def test_full_chain_promotes_a_champion_and_a_worse_challenger_is_rejected(landed, instance):
    settings = landed
    ingestion = run_ingestion(settings, DAYS[0], DAYS[-1], instance)
    assert ingestion.success
    assert instance.get_materialized_partitions(dg.AssetKey("labeled_interactions")) == set(DAYS)

    first = run_retraining(settings, retrain_run_config(), instance)
    assert first.success, [e.message for e in first.all_events if e.event_type_value == "STEP_FAILURE"]
    registry = Registry(settings.registry_url)
    champion = registry.champion()
    assert champion is not None and champion.status == "champion"
    gate = gate_evaluation(first)
    assert gate.passed
    # Curation chose the length from the data, up to the base model's context, and training used it.
    curated = next(
        e.materialization.metadata
        for e in first.get_asset_materialization_events()
        if e.asset_key == dg.AssetKey("sft_dataset")
    )
    max_length = curated["max_length"].value
    assert 0 < max_length <= 128 and curated["label_sources_used"].value
    kept = next(e for e in first.get_asset_check_evaluations() if e.check_name == "target_tokens_kept")
    assert kept.severity == dg.AssetCheckSeverity.WARN
    assert kept.passed == (curated["target_tokens_lost_share"].value <= 0.01)
    trained = json.loads((Path(champion.path) / "training_metadata.json").read_text())
    assert trained["spec"]["max_length"] == max_length

    # The champion loads as a PEFT adapter on the base model; LoRA weights moved, base weights did not.
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    base_dir = settings.layout.base_model
    base = AutoModelForCausalLM.from_pretrained(base_dir)
    base_state = {k: v.clone() for k, v in base.state_dict().items()}
    model = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(base_dir), champion.path)
    lora_b = [p for n, p in model.named_parameters() if "lora_B" in n]
    assert lora_b and any(p.abs().sum() > 0 for p in lora_b)  # lora_B starts at zero: non-zero means trained
    merged = model.merge_and_unload()
    fresh = AutoModelForCausalLM.from_pretrained(base_dir).state_dict()
    assert all(torch.equal(base_state[k], fresh[k]) for k in base_state)  # base files untouched
    assert any(not torch.equal(merged.state_dict()[k], base_state[k]) for k in base_state if k in merged.state_dict())

    # A challenger trained on the responses users disliked must be stopped by the gate in the same run.
    poisoned = run_retraining(settings, retrain_run_config(target_quality="bad"), instance)
    assert not poisoned.success
    gate = gate_evaluation(poisoned)
    assert not gate.passed
    assert registry.champion().version == champion.version
    rejected = [r for r in registry.list() if r.status == "rejected"]
    assert len(rejected) == 1 and rejected[0].version != champion.version
    assert not any(
        e.event_type_value == "STEP_SUCCESS" and e.step_key == "champion_adapter" for e in poisoned.all_events
    )
    transitions = [(a["version"], a["to_status"]) for a in registry.audit_log()]
    assert (rejected[0].version, "rejected") in transitions

    # Re-running with the same inputs is idempotent: same versions, champion unchanged, no new adapter.
    adapters_before = sorted(p.name for p in settings.layout.adapters.iterdir())
    again = run_retraining(settings, retrain_run_config(), instance)
    assert again.success
    assert registry.champion().version == champion.version
    assert sorted(p.name for p in settings.layout.adapters.iterdir()) == adapters_before
