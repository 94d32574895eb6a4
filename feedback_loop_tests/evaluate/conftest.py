"""A tiny base model and a LoRA adapter trained on the delivery-day task, built once; torch on one thread."""

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
def eval_rows():
    """Held-out rows of the task the adapter learns."""
    return sft_rows(12, seed=1, prefix="held-out")


@pytest.fixture(scope="session")
def models(tmp_path_factory):
    """(base directory, adapter directory): the adapter learned the task, the base never saw it."""
    from feedback_loop.model.base import build_base_model
    from feedback_loop.train.lora import LoraSpec, train_lora

    root = tmp_path_factory.mktemp("evaluate")
    rows = sft_rows(48)
    with one_torch_thread():
        build_base_model(support_corpus(), root / "base", TINY_BASE_SPEC)
        train_lora(
            root / "base",
            save_dataset(root / "dataset", rows[:40], rows[40:]),
            root / "adapter",
            LoraSpec(dropout=0.0, learning_rate=2e-2, epochs=4, batch_size=8, max_length=64, device="cpu"),
        )
    return root / "base", root / "adapter"
