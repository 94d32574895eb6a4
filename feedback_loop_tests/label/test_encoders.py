"""The labeler's text encoders: the packaged MiniLM reads meaning, the base model's hidden states work as an
alternative, and embeddings are computed once per distinct text (in memory and in the on-disk store)."""

from __future__ import annotations

import numpy as np
import pytest

from feedback_loop.label.encoders import EmbeddingStore, EncoderSpec, build_encoder, packaged_minilm_dir, text_key


def test_the_packaged_minilm_ships_safetensors_and_its_licence():
    model_dir = packaged_minilm_dir()
    assert (model_dir / "model.safetensors").is_file()
    assert not list(model_dir.glob("*.bin")) and not list(model_dir.glob("*.pkl"))
    assert "license: apache-2.0" in (model_dir / "README.md").read_text(encoding="utf-8")


def test_minilm_places_paraphrases_closer_than_unrelated_text(tmp_path):
    encoder = build_encoder(EncoderSpec(), store_dir=tmp_path / "store")
    texts = [
        "How do I reset my password?",
        "I forgot my password, how can I change it?",
        "The capital of France is Paris.",
        "",
    ]
    vectors = encoder.encode(texts)
    assert vectors.shape == (4, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    similarity = vectors @ vectors.T
    assert similarity[0, 1] > 0.6 > 0.2 > similarity[0, 2]


def test_each_distinct_text_is_encoded_once_and_kept_on_disk(tmp_path):
    store_dir = tmp_path / "store"
    spec = EncoderSpec(max_length=64)  # another identity than the other tests: nothing in memory yet
    encoder = build_encoder(spec, store_dir=store_dir)
    forwarded: list[list[str]] = []
    original = encoder._forward

    def counting(texts):
        forwarded.append(list(texts))
        return original(texts)

    encoder._forward = counting
    first = encoder.encode(["a refund", "a delivery", "a refund"])
    assert forwarded == [["a refund", "a delivery"]]
    assert np.array_equal(first[0], first[2])
    encoder.encode(["a delivery", "a refund"])
    assert len(forwarded) == 1  # both from the cache

    stored = EmbeddingStore(store_dir).get_many(encoder.identity, [text_key("a refund"), text_key("a delivery")])
    assert set(stored) == {text_key("a refund"), text_key("a delivery")}
    assert np.array_equal(stored[text_key("a refund")], first[0])
    assert not list((store_dir / encoder.identity).glob(".tmp-*"))


def test_the_base_models_hidden_states_are_the_alternative_encoder(tmp_path):
    from feedback_loop.model.base import build_base_model
    from feedback_loop_tests.model.tiny_models import TINY_BASE_SPEC, one_torch_thread, support_corpus

    with one_torch_thread():
        build_base_model(support_corpus(), tmp_path / "base", TINY_BASE_SPEC)
        encoder = build_encoder(EncoderSpec(kind="base_model"), base_model_dir=tmp_path / "base")
        vectors = encoder.encode(["where is my order", "reset the router"])
    assert vectors.shape == (2, TINY_BASE_SPEC.hidden_size)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert encoder.identity.startswith("hidden-states:base-")
    with pytest.raises(FileNotFoundError, match="materialize base_model first"):
        build_encoder(EncoderSpec(kind="base_model"), base_model_dir=tmp_path / "nowhere")
