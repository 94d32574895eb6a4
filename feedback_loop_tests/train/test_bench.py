"""`bench train`: the project's loop, the HF Trainer + PEFT and TRL SFTTrainer baselines on the same examples."""

from __future__ import annotations

import pytest

from feedback_loop.model.encoding import example_lengths
from feedback_loop.model.pretraining_corpus import read_corpus
from feedback_loop.model.prompting import format_prompt
from feedback_loop.train.bench import ARCHITECTURES, bench_train, bf16_peak_tflops, corpus_examples, training_flops
from feedback_loop.train.lora import LoraSpec


def test_corpus_examples_split_each_document_into_prompt_and_target():
    rows = corpus_examples(read_corpus(), 5)
    assert len(rows) == 5
    assert all(format_prompt(r["prompt"]) + r["target"] == d for r, d in zip(rows, read_corpus()[:5], strict=True))


def _short_rows(n: int, tokenizer, max_length: int) -> list[dict]:
    # The tiny test model's context is short: cut the answers to varied lengths, each example within max_length
    # (training refuses one that it would cut).
    rows = []
    for i, row in enumerate(corpus_examples(read_corpus(), 4 * n)):
        words = row["target"].split()[: 1 + i % 12]
        while words and sum(example_lengths(tokenizer, [(row["prompt"], " ".join(words))])[0]) > max_length:
            words.pop()
        if words:
            rows.append({**row, "target": " ".join(words)})
    return rows[:n]


def test_the_project_and_the_baseline_train_the_same_examples_and_are_compared(base_dir, tmp_path):
    from transformers import AutoTokenizer

    # Without dropout, whose random masks depend on the batch's shape, every layout learns exactly the same.
    spec = LoraSpec(epochs=1, batch_size=8, max_length=64, dropout=0.0, device="cpu")
    rows = _short_rows(48, AutoTokenizer.from_pretrained(base_dir), 64)
    results = bench_train(base_dir, rows, spec, tmp_path, ablations=True)

    assert results["device"] == "cpu" and results["mfu"] is None
    assert results["ratio"] == results["project_tokens_per_s"] / results["baseline_tokens_per_s"]
    project, baseline = results["project"], results["baseline"]
    # Both sides saw the same real tokens; only the baseline's shuffled batches carry much padding.
    assert project["tokens_per_second"] * project["train_seconds"] == pytest.approx(
        baseline["tokens_per_second"] * baseline["train_seconds"]
    )
    assert project["padding_fraction"] < baseline["padding_fraction"]
    assert project["layout"] == "padded" and baseline["attention"] == "sdpa"
    # TRL's SFTTrainer trains the same examples; it tokenizes prompt and answer together (a boundary may merge).
    trl_sft = results["trl_sft"]
    assert results["ratio_to_trl_sft"] == results["project_tokens_per_s"] / results["trl_sft_tokens_per_s"]
    assert trl_sft["tokens_per_second"] * trl_sft["train_seconds"] == pytest.approx(
        project["tokens_per_second"] * project["train_seconds"], rel=0.01
    )
    assert [a["change"] for a in results["ablations"]] == ["packing on", "lean LoRA off"]
    packed, peft_forward = results["ablations"]
    assert packed["layout"] == "packed_rows" and project["lean_lora_layers"] > 0
    assert peft_forward["lean_lora_layers"] == 0
    # Packing and the lean LoRA forward change how the examples reach the model, not what is learned.
    assert packed["eval_loss"] == pytest.approx(project["eval_loss"], rel=1e-4)
    assert peft_forward["eval_loss"] == pytest.approx(project["eval_loss"], rel=1e-6)
    assert results["conditions"]["examples"] == 48 and results["conditions"]["torch_threads"] >= 1


def test_mfu_counts_the_flops_lora_training_needs():
    from transformers import LlamaConfig, LlamaForCausalLM

    config = LlamaConfig(
        vocab_size=100, hidden_size=16, intermediate_size=32, num_hidden_layers=2, num_attention_heads=2
    )
    model = LlamaForCausalLM(config)
    block = 2 * (4 * 16 * 16 + 3 * 16 * 32)  # q, k, v, o and the gated MLP of two layers
    tokens, causal_pairs = 4 + 9, 4 * 5 // 2 + 9 * 10 // 2
    expected = 4 * block * tokens + 6 * 50 * tokens + 4 * 100 * 16 * 4 + 3 * 4 * 16 * causal_pairs * 2
    assert training_flops(model, [4, 9], labelled=4, lora_parameters=50) == expected
    assert bf16_peak_tflops("NVIDIA H100 80GB HBM3") == 989.0 and bf16_peak_tflops("NVIDIA H100 PCIe") == 756.0
    assert bf16_peak_tflops("NVIDIA L40S") == 362.0 and bf16_peak_tflops("Some future GPU") is None
    assert "qwen2-0.5b" in ARCHITECTURES


@pytest.mark.skipif(
    not __import__("torch").cuda.is_available(), reason="no CUDA device here: the GPU path runs where one is lent"
)
def test_the_cuda_path_trains_in_bf16_and_reports_memory_and_mfu(base_dir, tmp_path):
    from transformers import AutoTokenizer

    spec = LoraSpec(epochs=1, batch_size=16, max_length=64, dropout=0.0, device="cuda")
    rows = _short_rows(64, AutoTokenizer.from_pretrained(base_dir), 64)
    results = bench_train(base_dir, rows, spec, tmp_path, ablations=True, peak_tflops=100.0)
    assert [a["change"] for a in results["ablations"] if "error" in a] == []
    assert results["device"] != "cpu" and results["project"]["dtype"] == "bfloat16"
    assert results["project"]["peak_memory_gb"] > 0 and 0 < results["mfu"] < 1
    assert results["ratio"] > 0 and {a["change"] for a in results["ablations"]} >= {"bf16 off"}
    assert all(a["eval_loss"] == pytest.approx(results["project"]["eval_loss"], rel=0.05) for a in results["ablations"])
