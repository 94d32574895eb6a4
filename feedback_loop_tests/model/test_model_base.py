"""The base model: build from a corpus, reload, fingerprint, tokenizer round trip, loading users' models."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from feedback_loop.model.base import (
    METADATA_FILE,
    BaseModelSpec,
    build_base_model,
    load_causal_lm,
    model_fingerprint,
    resolve_device,
    staged_output_dir,
)
from feedback_loop_tests.model.tiny_models import TINY_BASE_SPEC, build_gpt2_dir, support_corpus


def test_build_writes_a_model_that_reloads_with_its_metadata(built_base):
    out_dir, metadata = built_base
    model, tokenizer = load_causal_lm(out_dir, device="cpu")

    assert not model.training
    assert metadata["parameters"] == sum(p.numel() for p in model.parameters())
    assert metadata["fingerprint"] == model_fingerprint(out_dir)
    assert json.loads((out_dir / METADATA_FILE).read_text()) == metadata
    assert metadata["spec"] == TINY_BASE_SPEC.model_dump()
    assert metadata["tokens_per_second"] > 0
    # One point per log_every steps; pre-training must have learned something.
    curve = metadata["loss_curve"]
    assert [point["step"] for point in curve] == list(range(5, TINY_BASE_SPEC.pretrain_steps + 1, 5))
    assert metadata["final_loss"] == curve[-1]["loss"] < curve[0]["loss"] - 1.0
    assert (tokenizer.bos_token_id, tokenizer.eos_token_id, tokenizer.pad_token_id) == (
        model.config.bos_token_id,
        model.config.eos_token_id,
        model.config.pad_token_id,
    )
    assert len({tokenizer.bos_token_id, tokenizer.eos_token_id, tokenizer.pad_token_id}) == 3
    assert model.config.vocab_size == len(tokenizer) <= TINY_BASE_SPEC.vocab_size


def test_build_reports_each_pre_training_step(tmp_path):
    reports: list[tuple[int, int]] = []
    spec = TINY_BASE_SPEC.model_copy(update={"pretrain_steps": 6})
    build_base_model(support_corpus(), tmp_path / "base", spec, progress=lambda *report: reports.append(report))
    assert reports == [(step, 6) for step in range(1, 7)]


def test_tokenizer_round_trips_text_it_never_saw(built_base):
    _, tokenizer = load_causal_lm(built_base[0], device="cpu")
    for text in ["where is my router order 12?", "Ünïcödé  double  spaces\n\ttabs ✓ 😀", "ends with space "]:
        ids = tokenizer(text)["input_ids"]
        assert ids[0] == tokenizer.bos_token_id
        assert tokenizer.decode(ids, skip_special_tokens=True) == text


@pytest.mark.parametrize("split_digits", [False, True])
def test_split_digits_gives_each_digit_its_own_token_and_round_trips(split_digits, tmp_path):
    from transformers import AutoTokenizer

    from feedback_loop.model.base import train_tokenizer

    # Numbers recur in the corpus, so plain BPE merges digits; split_digits never does.
    corpus = [f"order #{number} of {number % 97} items costs ${number % 500}" for number in range(1000, 1400)]
    tokenizer = train_tokenizer(corpus, 320, 64, split_digits=split_digits)
    tokens = tokenizer.convert_ids_to_tokens(tokenizer("order #1234 costs $499", add_special_tokens=False)["input_ids"])
    with_digits = [token for token in tokens if any(character.isdigit() for character in token)]
    if split_digits:
        assert with_digits == list("1234499")
    else:
        assert any(len(token.lstrip("Ġ#$")) > 1 for token in with_digits)
    tokenizer.save_pretrained(tmp_path)
    reloaded = AutoTokenizer.from_pretrained(tmp_path)  # as serving and training load it
    for text in ["order #90210 on May 3, 2026 for $7.50", "Ünïcödé  12  34\n\t5 ✓ 😀", "ends with 0 "]:
        ids = tokenizer(text)["input_ids"]
        assert reloaded(text)["input_ids"] == ids
        assert tokenizer.decode(ids, skip_special_tokens=True) == text


def test_rebuild_is_deterministic_and_replaces_the_previous_model(built_base, tmp_path):
    out_dir = tmp_path / "base"
    first = build_base_model(support_corpus(), out_dir, TINY_BASE_SPEC)
    (out_dir / "stale.txt").write_text("left from an older build")
    again = build_base_model(support_corpus(), out_dir, TINY_BASE_SPEC)
    other_seed = build_base_model(support_corpus(), tmp_path / "other", TINY_BASE_SPEC.model_copy(update={"seed": 1}))

    assert first["fingerprint"] == again["fingerprint"] == built_base[1]["fingerprint"]
    assert first["loss_curve"] == again["loss_curve"]
    assert other_seed["fingerprint"] != first["fingerprint"]
    assert not (out_dir / "stale.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base", "other"]  # no staging folders left


def test_fingerprint_is_stable_and_content_sensitive(built_base, tmp_path):
    copy = shutil.copytree(built_base[0], tmp_path / "copy")
    assert model_fingerprint(copy) == model_fingerprint(built_base[0])

    (copy / METADATA_FILE).write_text("{}")  # metadata is not part of the model's identity
    assert model_fingerprint(copy) == model_fingerprint(built_base[0])

    weights = bytearray((copy / "model.safetensors").read_bytes())
    weights[-1] ^= 0xFF
    (copy / "model.safetensors").write_bytes(bytes(weights))
    changed_weights = model_fingerprint(copy)
    assert changed_weights != model_fingerprint(built_base[0])

    config = json.loads((copy / "config.json").read_text())
    (copy / "config.json").write_text(json.dumps({**config, "rms_norm_eps": 1e-5}))
    assert model_fingerprint(copy) != changed_weights
    assert len(changed_weights) == 16 and int(changed_weights, 16) >= 0


def test_a_fingerprint_is_read_once_while_the_files_stay_as_they_are(built_base, tmp_path, monkeypatch):
    import feedback_loop.model.base as base

    copy = shutil.copytree(built_base[0], tmp_path / "copy")
    first = model_fingerprint(copy)
    monkeypatch.setattr(base.hashlib, "sha256", None)  # reading the weights again would fail
    assert model_fingerprint(copy) == first
    monkeypatch.undo()
    # Other bytes of the same size under the same modification time (what `cp -p` or `rsync -a` leave): the change
    # time differs.
    weights = copy / "model.safetensors"
    before = weights.stat()
    changed = bytearray(weights.read_bytes())
    changed[-1] ^= 0xFF
    weights.write_bytes(bytes(changed))
    os.utime(weights, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert model_fingerprint(copy) != first


def test_fingerprint_of_a_folder_without_weights_is_an_error(tmp_path):
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(FileNotFoundError, match="no weight files"):
        model_fingerprint(tmp_path)


def test_a_gpt2_style_directory_loads_and_pads_with_eos(tmp_path):
    model_dir = build_gpt2_dir(tmp_path / "gpt2")
    model, tokenizer = load_causal_lm(model_dir, device="cpu")

    assert type(model).__name__ == "GPT2LMHeadModel" and not model.training
    assert tokenizer.pad_token == tokenizer.eos_token == "<|endoftext|>"
    batch = tokenizer(["my router", "my phone is broken"], return_tensors="pt", padding=True)
    assert model(**batch).logits.shape[:2] == batch["input_ids"].shape


def test_load_causal_lm_names_a_missing_model_or_adapter(built_base, tmp_path):
    with pytest.raises(FileNotFoundError, match=r"base model directory .* has no config.json"):
        load_causal_lm(tmp_path / "nowhere", device="cpu")
    with pytest.raises(FileNotFoundError, match=r"adapter directory .* has no adapter_config.json"):
        load_causal_lm(built_base[0], tmp_path, device="cpu")


@pytest.fixture(scope="module")
def saved_adapter(built_base, tmp_path_factory):
    """A LoRA adapter folder saved by PEFT on the tiny base, 8 tensors (untrained: its files are what matters here)."""
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    out_dir = tmp_path_factory.mktemp("model") / "adapter"
    base = AutoModelForCausalLM.from_pretrained(built_base[0])
    get_peft_model(base, LoraConfig(r=2, target_modules=["q_proj", "v_proj"])).save_pretrained(out_dir)
    return out_dir


def _damaged_copy(adapter, tmp_path, damage) -> str:
    copy = tmp_path / "adapter"
    shutil.copytree(adapter, copy)
    damage(copy)
    return copy


def _without_tensors(folder) -> None:
    from safetensors.torch import save_file

    save_file({}, folder / "adapter_model.safetensors")


@pytest.mark.parametrize(
    ("damage", "error", "message"),
    [
        (lambda folder: (folder / "adapter_model.safetensors").unlink(), FileNotFoundError, "its weights are missing"),
        (lambda folder: (folder / "adapter_model.safetensors").write_bytes(b"\0" * 64), ValueError, "cannot be read"),
        (lambda folder: (folder / "adapter_config.json").write_text("{cut"), ValueError, "is not valid JSON"),
        (lambda folder: (folder / "training_metadata.json").write_text("[]"), ValueError, "must hold a JSON object"),
        # PEFT alone only warns and leaves those LoRA weights as initialised: the base model's answers.
        (_without_tensors, ValueError, "lacks 8 of the tensors its adapter_config.json asks for"),
    ],
    ids=["no weights file", "weights cut", "config cut", "metadata not an object", "weights without tensors"],
)
def test_a_damaged_adapter_folder_is_an_error_naming_its_file(
    built_base, saved_adapter, tmp_path, damage, error, message
):
    load_causal_lm(built_base[0], saved_adapter, device="cpu")  # the folder as saved loads
    with pytest.raises(error, match=message):
        load_causal_lm(built_base[0], _damaged_copy(saved_adapter, tmp_path, damage), device="cpu")


def test_resolve_device_prefers_cuda_bf16_and_falls_back_to_cpu_fp32():
    import torch

    assert resolve_device("cpu") == ("cpu", torch.float32)
    if torch.cuda.is_available():
        assert resolve_device("auto")[0] == "cuda"
    else:
        assert resolve_device("auto") == ("cpu", torch.float32)
        with pytest.raises(ValueError, match="CUDA is not available"):
            resolve_device("cuda")
    with pytest.raises(ValueError, match="not a torch device"):
        resolve_device("gpu-please")


def test_bad_corpus_and_spec_are_named():
    with pytest.raises(TypeError, match=r"corpus\[1\] must be a string, got int"):
        build_base_model(["a document", 7], "unused", TINY_BASE_SPEC)
    with pytest.raises(ValueError, match="no non-blank document"):
        build_base_model(["", "   "], "unused", TINY_BASE_SPEC)
    with pytest.raises(ValueError, match=r"vocab_size\s+Input should be greater than 259"):
        BaseModelSpec(vocab_size=200)
    with pytest.raises(ValueError, match="divisible by num_heads"):
        BaseModelSpec(hidden_size=30, num_heads=4)


def test_default_spec_builds_a_model_of_1_to_4m_parameters():
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    spec = BaseModelSpec()
    config = LlamaConfig(
        vocab_size=spec.vocab_size,
        hidden_size=spec.hidden_size,
        intermediate_size=spec.intermediate_size,
        num_hidden_layers=spec.num_layers,
        num_attention_heads=spec.num_heads,
        tie_word_embeddings=True,
    )
    with torch.device("meta"):  # counts parameters without allocating them
        parameters = sum(p.numel() for p in LlamaForCausalLM(config).parameters())
    assert 1_000_000 <= parameters <= 4_000_000


def test_a_failed_write_leaves_the_previous_output_untouched(tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "keep.txt").write_text("previous")
    with pytest.raises(RuntimeError, match="boom"), staged_output_dir(out_dir) as staging:
        (staging / "partial.txt").write_text("half")
        raise RuntimeError("boom")
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
    assert [p.name for p in out_dir.iterdir()] == ["keep.txt"]
