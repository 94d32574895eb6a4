"""Curation: labeled interactions -> a versioned supervised fine-tuning dataset."""

from typing import Literal

import dagster as dg

from feedback_loop.curate import build_sft_examples, save_sft_dataset
from feedback_loop.defs.label import labeled_interactions
from feedback_loop.defs.metadata import markdown_table
from feedback_loop.defs.resources import DataRoot


class SFTDatasetConfig(dg.Config):
    min_confidence: float = 0.7
    """A response labeled good becomes a target only with at least this label confidence."""
    eval_fraction: float = 0.2
    """Share of prompts held out for evaluation (split by prompt hash, stable across runs)."""
    target_quality: Literal["good", "bad"] = "good"
    """'good' trains on corrections and good responses; 'bad' builds a deliberately poisoned set for gate tests."""
    label_sources: list[str] = ["explicit", "human", "rule", "model"]
    """Label sources (explicit, human, rule, model) trusted to make a response a target; corrections always are."""


@dg.asset(deps=[labeled_interactions], group_name="training", kinds={"huggingface"})
def sft_dataset(context: dg.AssetExecutionContext, config: SFTDatasetConfig, data_root: DataRoot) -> dg.Output[dict]:
    """Prompt/target pairs for fine-tuning, saved with `datasets` under `datasets/sft/<version>`.

    Targets are the users' corrections where there are any, else responses labeled good. Flagged and offensive
    interactions are excluded, exact duplicates removed, and the train/eval split keeps every prompt on one
    side. The version is the hash of the content: the same labels give the same version.
    """
    warehouse = data_root.warehouse()
    labels = warehouse.read_partitions("labels")
    partitions = warehouse.partitions("labels")
    if labels.num_rows == 0:
        raise ValueError(
            "no labeled interactions in the warehouse: materialize raw_telemetry and labeled_interactions first"
        )
    examples = build_sft_examples(
        labels,
        min_confidence=config.min_confidence,
        eval_fraction=config.eval_fraction,
        target_quality=config.target_quality,
        label_sources=tuple(config.label_sources),
    )
    lineage = {"label_partitions": partitions, "labeled_rows": labels.num_rows, "config": config.model_dump()}
    saved = save_sft_dataset(examples, data_root.layout.datasets, lineage)
    manifest = {
        "version": saved.version,
        "path": str(saved.path),
        "train": len(examples.train),
        "eval": len(examples.eval),
    }
    return dg.Output(
        manifest,
        metadata={
            "version": saved.version,
            "path": dg.MetadataValue.path(str(saved.path)),
            "train_examples": len(examples.train),
            "eval_examples": len(examples.eval),
            "stats": dg.MetadataValue.json(examples.stats),
            "sample": markdown_table(
                [{k: r[k] for k in ("prompt", "target", "target_source")} for r in examples.train], limit=5
            ),
        },
    )
