"""Training throughput benchmark: real (non-pad) tokens per second with and without length grouping.

`feedback-loop bench train` runs it. The examples are the prompt/answer pairs of the pretraining corpus, whose
lengths vary like real support answers; the same base model, examples and recipe are trained twice, once in
length-grouped batches and once in shuffled ones, so the difference is the padding alone.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from feedback_loop.model.prompting import PROMPT_TEMPLATE

_ASSISTANT = PROMPT_TEMPLATE.split("{prompt}")[1]


def corpus_examples(documents: list[str], limit: int) -> list[dict]:
    """The first ``limit`` corpus documents split into SFT rows (example_id, prompt, target)."""
    head = PROMPT_TEMPLATE.split("{prompt}")[0]
    rows = []
    for index, document in enumerate(documents[:limit]):
        if not document.startswith(head) or _ASSISTANT not in document:
            raise ValueError(f"corpus document {index} is not in the prompt format of model/prompting.py")
        prompt, target = document[len(head) :].split(_ASSISTANT, 1)
        rows.append({"example_id": f"bench-{index}", "prompt": prompt, "target": target})
    return rows


def bench_lora_throughput(base_dir: str | Path, rows: list[dict], spec, work_dir: str | Path) -> dict:
    """Train ``spec`` on ``rows`` with grouped and with shuffled batches; tokens/s and padding of each."""
    import datasets

    from feedback_loop.train.lora import train_lora

    work_dir = Path(work_dir)
    dataset_dir = work_dir / "dataset"
    datasets.DatasetDict(
        {"train": datasets.Dataset.from_list(rows), "eval": datasets.Dataset.from_list(rows[:8])}
    ).save_to_disk(str(dataset_dir))
    (dataset_dir / "metadata.json").write_text(json.dumps({"version": "bench"}))
    results: dict[str, Any] = {}
    for name, grouped in (("length_grouped", True), ("shuffled", False)):
        metadata = train_lora(base_dir, dataset_dir, work_dir / name, replace(spec, group_by_length=grouped))
        results[name] = {
            "tokens_per_second": metadata["tokens_per_second"],
            "padding_fraction": metadata["padding_fraction"],
            "train_seconds": metadata["train_seconds"],
            "device": metadata["device"],
        }
    results["speedup"] = results["length_grouped"]["tokens_per_second"] / results["shuffled"]["tokens_per_second"]
    results["examples"] = len(rows)
    return results
