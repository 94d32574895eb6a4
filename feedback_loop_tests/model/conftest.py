"""A tiny base model built once for the model tests, and torch kept to one thread while they run."""

from __future__ import annotations

import pytest

from feedback_loop_tests.model.tiny_models import TINY_BASE_SPEC, one_torch_thread, support_corpus


@pytest.fixture(autouse=True)
def _one_thread():
    with one_torch_thread():
        yield


@pytest.fixture(scope="session")
def built_base(tmp_path_factory):
    """(directory, metadata) of a tiny base model pre-trained on a generated support corpus."""
    from feedback_loop.model.base import build_base_model

    out_dir = tmp_path_factory.mktemp("model") / "base"
    with one_torch_thread():
        return out_dir, build_base_model(support_corpus(), out_dir, TINY_BASE_SPEC)
