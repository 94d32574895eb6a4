"""LoRA training: example encoding and batching, then a real run on a tiny model."""

from __future__ import annotations

import json
import random

import pytest

from feedback_loop.model.base import load_causal_lm, model_fingerprint
from feedback_loop.model.prompting import format_prompt
from feedback_loop.train.lora import (
    IGNORE_INDEX,
    METADATA_FILE,
    LoraSpec,
    adapter_version,
    collate,
    encode_examples,
    encode_prompt,
    length_grouped_batches,
    padding_fraction,
    read_sft_splits,
    response_nll,
    train_lora,
)
from feedback_loop_tests.model.tiny_models import one_torch_thread, save_dataset, sft_rows

SPEC = LoraSpec(r=8, alpha=16, dropout=0.0, learning_rate=2e-2, epochs=4, batch_size=8, max_length=64, device="cpu")


@pytest.fixture(scope="module")
def tokenizer(base_dir):
    return load_causal_lm(base_dir, device="cpu")[1]


@pytest.fixture(scope="module")
def trained(base_dir, dataset_dir, tmp_path_factory):
    """(adapter directory, metadata, base fingerprint before training) of one training run."""
    fingerprint_before = model_fingerprint(base_dir)
    out_dir = tmp_path_factory.mktemp("adapters") / "adapter"
    with one_torch_thread():
        metadata = train_lora(base_dir, dataset_dir, out_dir, SPEC, lineage={"run": "test"})
    return out_dir, metadata, fingerprint_before


def test_encoding_takes_loss_on_the_response_and_eos_only(tokenizer):
    [(input_ids, labels)] = encode_examples(tokenizer, [("where is my phone?", "on monday.")], max_length=64)
    prompt_ids = tokenizer(format_prompt("where is my phone?"))["input_ids"]
    response_ids = tokenizer("on monday.", add_special_tokens=False)["input_ids"] + [tokenizer.eos_token_id]

    assert input_ids == prompt_ids + response_ids
    assert labels == [IGNORE_INDEX] * len(prompt_ids) + response_ids


def test_truncation_keeps_the_prompt_and_cuts_a_long_prompt_from_the_left(tokenizer):
    prompt_len = len(tokenizer(format_prompt("where is my phone?"))["input_ids"])
    [(ids, labels)] = encode_examples(tokenizer, [("where is my phone?", "on monday " * 40)], prompt_len + 3)
    assert len(ids) == prompt_len + 3
    assert labels[:prompt_len] == [IGNORE_INDEX] * prompt_len and IGNORE_INDEX not in labels[prompt_len:]

    long_prompt = "my router is broken " * 30 + "where is it?"
    full = tokenizer(format_prompt(long_prompt))["input_ids"]
    [(ids, labels)] = encode_examples(tokenizer, [(long_prompt, "on monday.")], max_length=20)
    assert ids[:19] == full[-19:]  # the end of the prompt (the answer marker) survives
    assert labels == [IGNORE_INDEX] * 19 + ids[19:] and len(ids) == 20
    assert encode_prompt(tokenizer, long_prompt, 20) == full[-20:]


def test_collate_pads_right_and_masks_padding_and_prompt():
    batch = collate([([5, 6, 7, 8], [IGNORE_INDEX, IGNORE_INDEX, 7, 8]), ([5, 9], [IGNORE_INDEX, 9])], pad_token_id=0)
    assert batch["input_ids"].tolist() == [[5, 6, 7, 8], [5, 9, 0, 0]]
    assert batch["attention_mask"].tolist() == [[1, 1, 1, 1], [1, 1, 0, 0]]
    assert batch["labels"].tolist() == [
        [IGNORE_INDEX, IGNORE_INDEX, 7, 8],
        [IGNORE_INDEX, 9, IGNORE_INDEX, IGNORE_INDEX],
    ]


def test_collate_masks_padding_even_when_pad_is_a_real_token():
    batch = collate([([3, 4, 2], [IGNORE_INDEX, 4, 2]), ([3], [IGNORE_INDEX])], pad_token_id=2)
    assert batch["attention_mask"].tolist() == [[1, 1, 1], [1, 0, 0]]
    assert batch["labels"].tolist() == [[IGNORE_INDEX, 4, 2], [IGNORE_INDEX] * 3]


def test_length_grouping_partitions_the_examples_and_cuts_padding():
    rng = random.Random(0)
    lengths = [rng.randint(5, 120) for _ in range(203)]
    batches = length_grouped_batches(lengths, batch_size=16, seed=3)
    in_order = list(range(len(lengths)))
    rng.shuffle(in_order)
    random_batches = [in_order[start : start + 16] for start in range(0, len(in_order), 16)]

    assert sorted(index for batch in batches for index in batch) == list(range(203))
    assert sorted(len(batch) for batch in batches) == [11] + [16] * 12
    assert padding_fraction(lengths, batches) < 0.1 < 0.3 < padding_fraction(lengths, random_batches)
    assert length_grouped_batches(lengths, 16, seed=3) == batches
    assert length_grouped_batches(lengths, 16, seed=4) != batches


def test_adapter_version_is_stable_and_names_the_recipe():
    version = adapter_version("ds1", "abcd" * 4, SPEC)
    assert len(version) == 12 and int(version, 16) >= 0
    assert adapter_version("ds1", "abcd" * 4, LoraSpec(**{**SPEC.__dict__})) == version
    assert adapter_version("ds1", "abcd" * 4, LoraSpec(**{**SPEC.__dict__, "device": "cuda"})) == version
    assert adapter_version("ds2", "abcd" * 4, SPEC) != version
    assert adapter_version("ds1", "dcba" * 4, SPEC) != version
    assert adapter_version("ds1", "abcd" * 4, LoraSpec(**{**SPEC.__dict__, "learning_rate": 1e-3})) != version
    assert adapter_version("ds1", "abcd" * 4, LoraSpec(**{**SPEC.__dict__, "target_modules": ("q_proj",)})) != version


def test_training_lowers_the_loss_and_records_its_metadata(trained, base_dir, dataset_dir):
    out_dir, metadata, base_fingerprint = trained
    curve = metadata["loss_curve"]

    assert json.loads((out_dir / METADATA_FILE).read_text()) == metadata
    assert metadata["adapter_version"] == adapter_version("ds-test", base_fingerprint, SPEC)
    assert metadata["dataset_version"] == "ds-test"
    assert metadata["base_model"] == {"path": str(base_dir.resolve()), "fingerprint": base_fingerprint}
    assert metadata["spec"]["device"] == metadata["device"] == "cpu" and metadata["dtype"] == "float32"
    assert (metadata["train_size"], metadata["eval_size"]) == (48, 8)
    assert metadata["steps"] == len(curve) == SPEC.epochs * 48 // SPEC.batch_size
    assert sum(curve[-3:]) / 3 < sum(curve[:3]) / 3 - 0.5
    assert metadata["final_train_loss"] == pytest.approx(sum(curve[-6:]) / 6)
    assert metadata["eval_loss"] < curve[0]
    assert 0 <= metadata["padding_fraction"] < 0.2 and metadata["tokens_per_second"] > 0
    assert metadata["lineage"] == {"run": "test"}


def test_only_the_adapter_weights_change(trained, base_dir):
    import torch
    from peft import PeftModel
    from safetensors.torch import load_file
    from transformers import AutoModelForCausalLM

    out_dir, _, base_fingerprint = trained
    assert model_fingerprint(base_dir) == base_fingerprint
    saved = load_file(out_dir / "adapter_model.safetensors")
    assert saved and all("lora_" in name for name in saved)
    assert trained[1]["trainable_parameters"] == sum(tensor.numel() for tensor in saved.values())
    # PEFT starts lora_B at zero, so a non-zero lora_B is a trained one.
    assert all(tensor.abs().sum() > 0 for name, tensor in saved.items() if "lora_B" in name)

    base_state = AutoModelForCausalLM.from_pretrained(base_dir).state_dict()
    adapted = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(base_dir), out_dir)
    for name, tensor in adapted.get_base_model().state_dict().items():
        if "lora_" not in name:
            original = name.replace(".base_layer", "")
            assert torch.equal(tensor, base_state[original]), name


def test_the_adapter_loads_and_fits_the_task_better_than_the_base(trained, base_dir, dataset_dir):
    import torch

    _, eval_rows, _ = read_sft_splits(dataset_dir)
    losses = {}
    for name, adapter in (("base", None), ("adapted", trained[0])):
        model, tokenizer = load_causal_lm(base_dir, adapter, device="cpu")
        batch = collate(
            encode_examples(tokenizer, [(r["prompt"], r["target"]) for r in eval_rows], 64), tokenizer.pad_token_id
        )
        with torch.no_grad():
            nll, counted = response_nll(model, batch)
        losses[name] = (nll.sum() / counted.sum()).item()
    assert type(model).__name__ == "PeftModelForCausalLM"
    assert losses["adapted"] == pytest.approx(trained[1]["eval_loss"], rel=1e-4)
    assert losses["adapted"] < losses["base"] - 0.5


def test_retraining_is_deterministic_and_replaces_the_adapter(trained, base_dir, dataset_dir):
    out_dir, metadata, _ = trained
    again = train_lora(base_dir, dataset_dir, out_dir, SPEC, lineage={"run": "test"})
    assert again["loss_curve"] == metadata["loss_curve"]
    assert sorted(p.name for p in out_dir.parent.iterdir()) == ["adapter"]


def test_an_empty_train_split_is_refused(base_dir, tmp_path):
    dataset = save_dataset(tmp_path / "empty", [], sft_rows(4))
    with pytest.raises(ValueError, match=r"'train' split .* is empty"):
        train_lora(base_dir, dataset, tmp_path / "adapter", SPEC)
    assert not (tmp_path / "adapter").exists()


def test_a_bad_row_is_named_with_its_field(tmp_path):
    rows = sft_rows(4)
    rows[2]["target"] = "  "
    dataset = save_dataset(tmp_path / "bad", rows, rows[:1])
    with pytest.raises(ValueError, match=r"train row 2 \(example_id='ex-2'\): field 'target' must be a non-empty"):
        read_sft_splits(dataset)

    (dataset / "metadata.json").write_text(json.dumps({"name": "no version"}))
    with pytest.raises(ValueError, match="field 'version' must be a non-empty string"):
        read_sft_splits(dataset)
