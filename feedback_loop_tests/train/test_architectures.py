"""The model families teams bring, from a local directory: base_model (source_dir), lora_adapter,
adapter_evaluation and serving run on a small random-initialised Llama, Qwen2, Mistral, Gemma and Phi-3; TRL's
preference trainers read the prompts serving sends with each of them, the project's model and a GPT-2."""

from __future__ import annotations

import json

import dagster as dg
import pytest

from feedback_loop.defs.evaluate import adapter_evaluation
from feedback_loop.defs.model import base_model
from feedback_loop.defs.train import lora_adapter
from feedback_loop_tests.model.architectures import FAMILIES, build_family_model
from feedback_loop_tests.model.tiny_models import build_gpt2_dir, save_dataset, sft_rows
from feedback_loop_tests.train.assets import materialize, write_empty_preference_manifests, write_manifest

pytestmark = pytest.mark.slow

LORA = {"r": 4, "alpha": 8, "epochs": 3, "batch_size": 8, "max_length": 128, "learning_rate": 1e-2, "device": "cpu"}
EVAL = {"max_new_tokens": 8, "n_resamples": 200, "batch_size": 16, "device": "cpu"}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_a_local_model_of_the_family_trains_evaluates_and_serves(family, tmp_path):
    from transformers import AutoTokenizer

    from feedback_loop.serve import ChatRequest, ModelServer, traffic_split

    model_dir = build_family_model(family, tmp_path / "model")
    rows = sft_rows(32)
    dataset_dir = save_dataset(tmp_path / "dataset", rows[:24], rows[24:])
    data_dir = tmp_path / "data"
    write_manifest(data_dir, "sft_dataset", {"path": str(dataset_dir), "version": "ds-test"})
    write_empty_preference_manifests(data_dir)

    result = materialize(
        data_dir,
        [base_model, lora_adapter, adapter_evaluation],
        {"base_model": {"source_dir": str(model_dir)}, "lora_adapter": LORA, "adapter_evaluation": EVAL},
        instance=dg.DagsterInstance.ephemeral(),
        raise_on_error=False,
    )
    # The offline gate may reject a random model's adapter (a blocking check fails the evaluation step), but
    # training and evaluation must have run to the end: nothing else may fail.
    succeeded = {e.step_key for e in result.all_events if e.event_type_value == "STEP_SUCCESS"}
    failures = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    assert {"base_model", "lora_adapter"} <= succeeded, [e.message for e in failures]
    if failures:
        assert [e.step_key for e in failures] == ["adapter_evaluation"]
        assert "offline_gate" in failures[0].event_specific_data.error.message
    adapter = result.output_for_node("lora_adapter")
    metadata = json.loads((data_dir / "adapters" / adapter["version"] / "training_metadata.json").read_text())
    assert metadata["architecture"] == family
    # The tokenizer's chat template wrote the prompts.
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    question = [{"role": "user", "content": "How do I reset my password?"}]
    assert metadata["prompt_example"] == tokenizer.apply_chat_template(
        question, tokenize=False, add_generation_prompt=True
    )
    # LoRA found every linear layer of the blocks, by the family's own names (Phi-3's fused qkv_proj...).
    assert {name.rsplit(".", 1)[-1] for name in metadata["target_modules"]} == FAMILIES[family].linear_layers
    assert len(metadata["target_modules"]) == 2 * len(FAMILIES[family].linear_layers)
    curve = metadata["loss_curve"]
    assert sum(curve[-3:]) / 3 < sum(curve[:3]) / 3
    summary = json.loads((data_dir / "evaluations" / adapter["version"] / "summary.json").read_text())
    assert summary["examples"] == 8 and summary["challenger_version"] == adapter["version"]

    arms = traffic_split(None, (adapter["version"], adapter["path"], 0.5))
    server = ModelServer(model_dir, family, arms, max_new_tokens=6, batch_size=4, device="cpu")
    requests = [ChatRequest(f"where is my {p} order?", f"user-{i}", "s") for i, p in enumerate(["phone", "laptop"] * 4)]
    responses = server(requests)
    assert [r.model_version for r in responses] == [family] * len(requests)
    assert {r.adapter_version for r in responses} == {None, adapter["version"]}
    assert all(isinstance(r.text, str) for r in responses)


class _BeforeTraining(Exception):
    """Raised in place of TRL's training loop, once the trainer has tokenized its dataset."""


@pytest.mark.parametrize("family", [*sorted(FAMILIES), "project", "gpt2"])
def test_trl_trains_on_the_prompt_ids_serving_sends(family, base_dir, tmp_path):
    """TRL renders the preference rows itself (with the tokenizer's chat template, or the project's format as one):
    the prompt ids it trains on are those of prompt_ids, which SFT, the offline gate and serving use, for
    tokenizers that add a bos (the project's) and those that do not (GPT-2's)."""
    from unittest import mock

    import trl
    from transformers import AutoTokenizer

    from feedback_loop.curate.preference import PreferenceExamples, save_preference_dataset
    from feedback_loop.model.encoding import prompt_ids
    from feedback_loop.train.lora import LoraSpec
    from feedback_loop.train.preference import train_preference

    if family == "project":
        model_dir = base_dir
    elif family == "gpt2":
        model_dir = build_gpt2_dir(tmp_path / "model", n_positions=64)
    else:
        model_dir = build_family_model(family, tmp_path / "model")
    rows = [
        {
            "example_id": row["example_id"],
            "system": "Be brief." if index % 2 else "",
            "prompt": row["prompt"],
            "chosen": "monday.",
            "rejected": "no.",
            "pair_source": "rating",
            "use_case": "x",
        }
        for index, row in enumerate(sft_rows(4))
    ]
    examples = PreferenceExamples("pairs", rows, [], {"max_length": 64})
    dataset = save_preference_dataset(examples, tmp_path / "datasets", {}).path
    tokenized = []

    def tokenized_then_stop(trainer, *args, **kwargs):
        tokenized.extend(trainer.train_dataset)
        raise _BeforeTraining

    spec = LoraSpec(r=4, alpha=8, epochs=1, batch_size=4, max_length=64, device="cpu", objective="dpo")
    with mock.patch.object(trl.DPOTrainer, "train", tokenized_then_stop), pytest.raises(_BeforeTraining):
        train_preference(model_dir, dataset, tmp_path / "adapter", spec)
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    served = sorted(prompt_ids(tokenizer, row["prompt"], row["system"]) for row in rows)
    assert sorted(example["prompt_ids"] for example in tokenized) == served
