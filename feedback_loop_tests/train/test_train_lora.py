"""LoRA training: example encoding and batching, then a real run on a tiny model."""

from __future__ import annotations

import json
import shutil

import pytest

from feedback_loop.model.base import TRAINING_METADATA_FILE, load_causal_lm, model_fingerprint
from feedback_loop.model.encoding import collate, encode_examples, example_lengths, response_nll
from feedback_loop.train.lora import LoraSpec, adapter_version, read_sft_splits, reusable_adapter, train_lora
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


def test_adapter_version_is_stable_and_names_the_recipe():
    version = adapter_version("ds1", "abcd" * 4, SPEC)
    assert len(version) == 12 and int(version, 16) >= 0
    assert adapter_version("ds1", "abcd" * 4, LoraSpec(**SPEC.model_dump())) == version
    for execution in ({"device": "cuda"}, {"attention": "eager"}, {"compile": True}, {"checkpoint_every": 3}):
        assert adapter_version("ds1", "abcd" * 4, SPEC.model_copy(update=execution)) == version
    assert adapter_version("ds2", "abcd" * 4, SPEC) != version
    assert adapter_version("ds1", "dcba" * 4, SPEC) != version
    for recipe in ({"learning_rate": 1e-3}, {"target_modules": ["q_proj"]}, {"batching": "shuffled"}):
        assert adapter_version("ds1", "abcd" * 4, SPEC.model_copy(update=recipe)) != version


def test_training_lowers_the_loss_and_records_its_metadata(trained, base_dir, dataset_dir):
    out_dir, metadata, base_fingerprint = trained
    curve = metadata["loss_curve"]

    assert json.loads((out_dir / TRAINING_METADATA_FILE).read_text()) == metadata
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


def test_a_re_run_reuses_a_whole_adapter_folder_and_trains_a_damaged_one_again(trained, tmp_path):
    copy = tmp_path / "adapter"
    shutil.copytree(trained[0], copy)
    warnings: list[str] = []
    saved = json.loads((copy / TRAINING_METADATA_FILE).read_text())
    assert reusable_adapter(copy, warnings.append) == saved and warnings == []
    assert reusable_adapter(tmp_path / "never-trained", warnings.append) is None and warnings == []
    (copy / "adapter_model.safetensors").write_bytes(b"")  # a copy or a sync cut short after training
    assert reusable_adapter(copy, warnings.append) is None
    [warning] = warnings
    assert f"{copy / 'adapter_model.safetensors'} cannot be read" in warning and "training it again" in warning


def test_training_reports_each_step(base_dir, dataset_dir, tmp_path):
    reports: list[tuple[int, int]] = []
    spec = SPEC.model_copy(update={"epochs": 1})
    metadata = train_lora(base_dir, dataset_dir, tmp_path / "adapter", spec, progress=lambda *r: reports.append(r))
    assert reports == [(step, metadata["steps"]) for step in range(1, metadata["steps"] + 1)]


def test_an_empty_train_split_is_refused(base_dir, tmp_path):
    dataset = save_dataset(tmp_path / "empty", [], sft_rows(4))
    with pytest.raises(ValueError, match=r"'train' split .* is empty"):
        train_lora(base_dir, dataset, tmp_path / "adapter", SPEC)
    assert not (tmp_path / "adapter").exists()


def test_an_example_that_max_length_would_cut_is_refused_unless_curation_flagged_it(base_dir, tokenizer, tmp_path):
    rows = sft_rows(10)
    rows[3]["target"] = " ".join([rows[3]["target"]] * 3)
    dataset = save_dataset(tmp_path / "dataset", rows[:8], rows[8:])
    totals = [p + a for p, a in example_lengths(tokenizer, [(r["prompt"], r["target"]) for r in rows])]
    others = max(totals[:3] + totals[4:])
    assert totals[3] > others
    # A LoRA max_length below the curated one would train on ex-3's target cut (its eos lost): refused.
    metadata = {"version": "ds-test", "stats": {"max_length": totals[3]}}
    (dataset / "metadata.json").write_text(json.dumps(metadata))
    spec = SPEC.model_copy(update={"epochs": 1, "max_length": others})
    expected = rf"train row 3 \(example_id='ex-3'\): field 'target' does not fit in max_length {others} .* Re-curate"
    with pytest.raises(ValueError, match=expected):
        train_lora(base_dir, dataset, tmp_path / "adapter", spec)
    assert not (tmp_path / "adapter").exists()
    # Curation with cut_targets='flag' kept it knowingly cut and listed it: it trains.
    metadata["stats"]["lengths"] = {"flagged_target_cut": ["ex-3"]}
    (dataset / "metadata.json").write_text(json.dumps(metadata))
    assert train_lora(base_dir, dataset, tmp_path / "adapter", spec)["train_size"] == 8


def test_a_bad_row_is_named_with_its_field(tmp_path):
    rows = sft_rows(4)
    rows[2]["target"] = "  "
    dataset = save_dataset(tmp_path / "bad", rows, rows[:1])
    with pytest.raises(ValueError, match=r"train row 2 \(example_id='ex-2'\): field 'target' must be a non-empty"):
        read_sft_splits(dataset)

    (dataset / "metadata.json").write_text(json.dumps({"name": "no version"}))
    with pytest.raises(ValueError, match="field 'version' must be a non-empty string"):
        read_sft_splits(dataset)


def test_the_row_length_is_the_specs_else_the_curated_one_capped_by_the_context(tmp_path):
    from types import SimpleNamespace

    from feedback_loop.train.lora import training_max_length

    model = SimpleNamespace(config=SimpleNamespace(max_position_embeddings=96))
    curated = tmp_path / "curated"
    curated.mkdir()
    (curated / "metadata.json").write_text(json.dumps({"version": "v", "stats": {"max_length": 72}}))
    assert training_max_length(LoraSpec(), curated, model) == 72
    assert training_max_length(LoraSpec(max_length=200), curated, model) == 96
    assert training_max_length(LoraSpec(max_length=40), curated, model) == 40
    unmeasured = tmp_path / "unmeasured"
    unmeasured.mkdir()
    (unmeasured / "metadata.json").write_text(json.dumps({"version": "v"}))
    with pytest.raises(ValueError, match="states no max_length"):
        training_max_length(LoraSpec(), unmeasured, model)
    (unmeasured / "metadata.json").write_text(json.dumps({"version": "v", "stats": {"max_length": "long"}}))
    with pytest.raises(ValueError, match=r"stats\.max_length must be an integer"):
        training_max_length(LoraSpec(), unmeasured, model)
