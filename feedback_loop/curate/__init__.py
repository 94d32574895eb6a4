"""Curation: supervised fine-tuning examples from labels, versioned by content and saved with datasets."""

from feedback_loop.curate.sft import (
    CurateSpec,
    SavedDataset,
    SFTExamples,
    TokenBudget,
    build_sft_examples,
    dataset_version,
    load_sft_dataset,
    save_sft_dataset,
)

__all__ = [
    "CurateSpec",
    "SFTExamples",
    "SavedDataset",
    "TokenBudget",
    "build_sft_examples",
    "dataset_version",
    "load_sft_dataset",
    "save_sft_dataset",
]
