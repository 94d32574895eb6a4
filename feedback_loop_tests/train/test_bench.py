"""The throughput benchmark: grouping by length pads less than shuffled batches of the same examples."""

from feedback_loop.model.pretraining_corpus import read_corpus
from feedback_loop.model.prompting import format_prompt
from feedback_loop.train.bench import bench_lora_throughput, corpus_examples
from feedback_loop.train.lora import LoraSpec


def test_corpus_examples_split_each_document_into_prompt_and_target():
    rows = corpus_examples(read_corpus(), 5)
    assert len(rows) == 5
    assert all(format_prompt(r["prompt"]) + r["target"] == d for r, d in zip(rows, read_corpus()[:5], strict=True))


def test_length_grouping_pads_less(base_dir, tmp_path):
    # The tiny test model's context is short: cut the answers to varied lengths that fit it.
    rows = [
        {**row, "target": " ".join(row["target"].split()[: 1 + i % 12])}
        for i, row in enumerate(corpus_examples(read_corpus(), 48))
    ]
    results = bench_lora_throughput(
        base_dir, rows, LoraSpec(epochs=1, batch_size=8, max_length=64, device="cpu"), tmp_path
    )
    assert results["length_grouped"]["padding_fraction"] < results["shuffled"]["padding_fraction"]
    assert results["examples"] == 48 and results["speedup"] > 0
