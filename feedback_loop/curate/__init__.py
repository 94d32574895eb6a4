"""Curation: supervised fine-tuning examples from labels, versioned by content and saved with datasets."""

from feedback_loop.curate.sft import (
    SavedDataset,
    SFTExamples,
    build_sft_examples,
    dataset_version,
    load_sft_dataset,
    save_sft_dataset,
)

__all__ = [
    "SFTExamples",
    "SavedDataset",
    "build_sft_examples",
    "dataset_version",
    "load_sft_dataset",
    "save_sft_dataset",
]
