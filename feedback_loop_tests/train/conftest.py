"""A tiny base model and SFT dataset for the LoRA tests, built once; torch kept to one thread."""

from __future__ import annotations

import pytest

from feedback_loop_tests.model.tiny_models import (
    TINY_BASE_SPEC,
    one_torch_thread,
    save_dataset,
    sft_rows,
    support_corpus,
)


@pytest.fixture(autouse=True)
def _one_thread():
    with one_torch_thread():
        yield


@pytest.fixture(scope="session")
def base_dir(tmp_path_factory):
    from feedback_loop.model.base import build_base_model

    out_dir = tmp_path_factory.mktemp("train") / "base"
    with one_torch_thread():
        build_base_model(support_corpus(), out_dir, TINY_BASE_SPEC)
    return out_dir


@pytest.fixture(scope="session")
def dataset_dir(tmp_path_factory):
    """48 train and 8 eval rows of the delivery-day task."""
    rows = sft_rows(56)
    return save_dataset(tmp_path_factory.mktemp("train") / "dataset", rows[:48], rows[48:])
