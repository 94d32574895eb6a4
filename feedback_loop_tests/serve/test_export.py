"""`export adapter`: the vLLM layout and the merged model load with transformers/peft and answer exactly as the
served model does; the PEFT export carries a filled card and a relative base reference; vLLM's refusals."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from feedback_loop.registry import Registry
from feedback_loop.serve.export import ExportError, export_adapter
from feedback_loop_tests.model.tiny_models import (
    TINY_BASE_SPEC,
    one_torch_thread,
    save_dataset,
    sft_rows,
    support_corpus,
)

PROMPTS = ["where is my laptop order 12?", "where is my phone order 7?", "my router is broken", "hello"]
NEW_TOKENS = 10


@pytest.fixture(autouse=True)
def _one_thread():
    with one_torch_thread():
        yield


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """(base dir, registry) with a tiny adapter `lora-test` registered and promoted to champion."""
    from feedback_loop.model.base import build_base_model
    from feedback_loop.train.lora import LoraSpec, train_lora

    work = tmp_path_factory.mktemp("export")
    with one_torch_thread():
        build_base_model(support_corpus(), work / "base", TINY_BASE_SPEC)
        rows = sft_rows(40)
        train_lora(
            work / "base",
            save_dataset(work / "ds", rows[:32], rows[32:]),
            work / "adapters" / "lora-test",
            LoraSpec(epochs=3, batch_size=8, max_length=64, learning_rate=5e-3, device="cpu"),
        )
    registry = Registry(f"sqlite:///{work / 'registry.db'}")
    registry.register(
        "lora-test", path=str(work / "adapters" / "lora-test"), metrics={}, lineage={"dataset": "ds-test"}, actor="t"
    )
    registry.promote("lora-test", actor="test", reason="round trip")
    return work / "base", registry


def _served(base: Path, registry) -> list[str]:
    from feedback_loop.serve import ChatRequest, ModelServer, arms_from_registry

    server = ModelServer(base, "base-test", arms_from_registry(registry), max_new_tokens=NEW_TOKENS, device="cpu")
    responses = server([ChatRequest(prompt, f"user-{n}", "s") for n, prompt in enumerate(PROMPTS)])
    assert {r.adapter_version for r in responses} == {"lora-test"}
    return [r.text for r in responses]


def _generate(model, tokenizer) -> list[str]:
    from feedback_loop.model.generation import generate_responses

    return generate_responses(model, tokenizer, PROMPTS, max_new_tokens=NEW_TOKENS, batch_size=8)


def test_the_vllm_layout_and_the_merged_model_answer_exactly_as_the_served_model(trained, tmp_path):
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    base, registry = trained
    served = _served(base, registry)
    plain = _generate(AutoModelForCausalLM.from_pretrained(base).eval(), AutoTokenizer.from_pretrained(base))
    assert plain != served  # the adapter changes the answers: an export that lost it could not pass

    vllm_dir = tmp_path / "vllm"
    metadata = export_adapter(registry, "lora-test", "vllm", vllm_dir)
    assert sorted(path.name for path in vllm_dir.iterdir()) == [
        "README.md",
        "adapter_config.json",
        "adapter_model.safetensors",
        "export_metadata.json",
    ]
    assert metadata["vllm"]["max_lora_rank"] >= json.loads((vllm_dir / "adapter_config.json").read_text())["r"]
    model = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(base), vllm_dir).eval()
    assert _generate(model, AutoTokenizer.from_pretrained(base)) == served

    merged_dir = tmp_path / "merged"
    export_adapter(registry, "lora-test", "merged", merged_dir)
    assert not (merged_dir / "adapter_config.json").exists()
    merged = AutoModelForCausalLM.from_pretrained(merged_dir).eval()
    assert _generate(merged, AutoTokenizer.from_pretrained(merged_dir)) == served


def test_the_card_shows_the_offline_gates_verdict_and_figures():
    from types import SimpleNamespace

    from feedback_loop.evaluate.offline import EvalSpec, compare
    from feedback_loop.serve.export import _model_card

    example = {"prompt": "p", "loss": 1.0, "score": 0.9, "offensive": False, "generated": "a"}
    challenger = [{**example, "example_id": f"e{i}", "target": f"t{i}"} for i in range(6)]
    champion = [{**r, "loss": 2.0 + 0.1 * i, "score": 0.2, "generated": "b"} for i, r in enumerate(challenger)]
    result = compare(challenger, champion, EvalSpec())
    metadata = {
        "format": "peft",
        "adapter_version": "v1",
        "adapter_fingerprint": "x",
        "base_model": {"relative_path": "../base", "fingerprint": "f"},
    }

    def gate_line(summary) -> str:
        record = SimpleNamespace(status="champion", metrics={"offline_evaluation": summary}, lineage={})
        card = _model_card(record, {"spec": {}}, metadata, Path("/tmp/x"))
        return next(line for line in card.splitlines() if "offline gate" in line)

    primary, guardrail = result.primary, result.guardrail
    assert result.passed and primary is not None and guardrail is not None
    assert gate_line(result.model_dump(mode="json")) == (
        f"- offline gate passed: primary score improvement {primary.mean:+.4f} (95% CI {primary.low:+.4f} to "
        f"{primary.high:+.4f}); guardrail loss improvement {guardrail.mean:+.4f} (95% CI {guardrail.low:+.4f} to "
        f"{guardrail.high:+.4f})"
    )
    failed = result.model_copy(update={"passed": False}).model_dump(mode="json")
    assert gate_line(failed).startswith("- offline gate failed: primary score improvement")
    assert gate_line({}) == "- offline gate: no figures recorded"


def test_the_peft_export_has_a_relative_base_reference_and_a_filled_card(trained, tmp_path):
    base, registry = trained
    out = tmp_path / "deploy" / "peft"
    metadata = export_adapter(registry, "lora-test", "peft", out)
    config = json.loads((out / "adapter_config.json").read_text())
    assert not os.path.isabs(config["base_model_name_or_path"])
    assert (out / config["base_model_name_or_path"]).resolve() == base.resolve()
    card = (out / "README.md").read_text()
    assert card.startswith("---\n") and f"base_model: {config['base_model_name_or_path']}" in card
    assert "More Information Needed" not in card and "None" not in card.split("## Evaluation")[0]
    assert metadata["base_model"]["fingerprint"] in card and "ds-test" in card
    assert "### User:" in card  # the prompt format the model expects


def test_vllm_refusals_and_a_base_model_that_is_not_the_adapters(trained, tmp_path):
    base, registry = trained
    source = Path(registry.get("lora-test").path)
    broken = tmp_path / "lora-broken"
    shutil.copytree(source, broken)
    config = json.loads((broken / "adapter_config.json").read_text())
    (broken / "adapter_config.json").write_text(
        json.dumps({**config, "modules_to_save": ["lm_head"], "use_dora": True})
    )
    registry.register("lora-broken", path=str(broken), metrics={}, lineage={}, actor="test")
    with pytest.raises(ExportError, match="modules_to_save") as refused:
        export_adapter(registry, "lora-broken", "vllm", tmp_path / "out")
    assert "DoRA" in str(refused.value) and not (tmp_path / "out").exists()
    other_base = tmp_path / "other-base"
    shutil.copytree(base, other_base)
    (other_base / "config.json").write_text((other_base / "config.json").read_text().replace("}", ', "x": 1}', 1))
    with pytest.raises(ExportError, match="trained on base model"):
        export_adapter(registry, "lora-test", "peft", tmp_path / "out", base_dir=other_base)


def test_export_from_a_fresh_machine_pulls_the_adapter_and_base_model_from_the_bucket(s3_root, tmp_path, monkeypatch):
    """`feedback-loop export adapter` with FEEDBACK_LOOP_DATA_DIR=s3://...: the adapter and its base model were
    trained on another machine and are only in the bucket; the export pulls them into this machine's working copy."""
    from typer.testing import CliRunner

    from feedback_loop.cli import app
    from feedback_loop.model.base import build_base_model
    from feedback_loop.storage import DataStore
    from feedback_loop.train.lora import LoraSpec, train_lora

    working_copy = tmp_path / "working-copy"
    store = DataStore(s3_root, working_copy)
    with store.uploading("models", "adapters", "datasets") as layout:  # the training machine
        build_base_model(support_corpus(), layout.base_model, TINY_BASE_SPEC)
        rows = sft_rows(24)
        adapter = layout.adapters / "lora-bucket"
        train_lora(
            layout.base_model,
            save_dataset(layout.datasets / "ds", rows[:16], rows[16:]),
            adapter,
            LoraSpec(epochs=1, batch_size=8, max_length=64, device="cpu"),
        )
    weights = (adapter / "adapter_model.safetensors").read_bytes()
    registry_url = f"sqlite:///{tmp_path / 'registry.db'}"
    Registry(registry_url).register("lora-bucket", path=str(adapter), metrics={}, lineage={}, actor="t")
    shutil.rmtree(working_copy)  # this machine has nothing but the bucket's address and the registry
    key_file = tmp_path / "pseudonym.key"
    key_file.write_text("5" * 64)
    for name, value in {
        "FEEDBACK_LOOP_DATA_DIR": s3_root,
        "FEEDBACK_LOOP_WORKING_DIR": str(working_copy),
        "FEEDBACK_LOOP_REGISTRY_URL": registry_url,
        "FEEDBACK_LOOP_PROMPT_REGISTRY_URL": f"sqlite:///{tmp_path / 'prompts.db'}",
        "FEEDBACK_LOOP_PSEUDONYM_KEY_FILE": str(key_file),
    }.items():
        monkeypatch.setenv(name, value)
    out = tmp_path / "export"
    result = CliRunner().invoke(app, ["export", "adapter", "lora-bucket", "--format", "peft", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "adapter_model.safetensors").read_bytes() == weights
    config = json.loads((out / "adapter_config.json").read_text())
    assert (out / config["base_model_name_or_path"]).resolve() == (working_copy / "models" / "base").resolve()
    assert (working_copy / "models" / "base" / "config.json").is_file()
