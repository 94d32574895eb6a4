"""The simulated support world: intents, response variants, the judge and the pretraining corpus."""

from __future__ import annotations

import random

import pytest

from feedback_loop.label.lexicons import is_offensive
from feedback_loop.model.pretraining_corpus import PACKAGED_CORPUS, read_corpus
from feedback_loop.model.prompting import format_prompt
from feedback_loop.simulate import world
from feedback_loop.simulate.world import (
    INTENTS,
    RESPONSE_KINDS,
    classify_response,
    pretraining_corpus,
    variants,
    write_corpus,
)


def test_world_has_a_dozen_distinct_intents_with_several_phrasings():
    assert len(INTENTS) >= 12
    assert len({i.name for i in INTENTS}) == len(INTENTS)
    assert len({i.answer for i in INTENTS}) == len(INTENTS)
    for intent in INTENTS:
        assert len(intent.phrasings) >= 3 and intent.answer and intent.hallucination
        assert set(variants(intent)) == set(RESPONSE_KINDS)


def test_only_rude_variants_are_offensive():
    for intent in INTENTS:
        for kind, texts in variants(intent).items():
            for text in texts:
                assert is_offensive(text) == (kind == "rude"), (intent.name, kind, text)


def test_classify_response_recovers_the_kind_of_every_canned_variant():
    for intent in INTENTS:
        for kind, texts in variants(intent).items():
            for text in texts:
                assert classify_response(intent, text) == kind, (intent.name, kind, text)


def test_classify_response_judges_free_text():
    refund = world.INTENTS_BY_NAME["refund"]
    assert (
        classify_response(refund, "Request a refund within 30 days of delivery from Orders > Request refund.")
        == "correct"
    )
    assert classify_response(refund, "The weather is lovely today.") == "wrong_intent"
    assert classify_response(refund, "") == "wrong_intent"
    assert classify_response(refund, "Shut up, loser.") == "rude"


def test_sample_kind_rejects_unknown_kinds():
    with pytest.raises(ValueError, match="unknown response kinds"):
        world.sample_kind(random.Random(0), {"correct": 1.0, "sarcastic": 1.0})


def test_pretraining_corpus_is_seeded_formatted_and_of_mixed_quality():
    docs = pretraining_corpus(seed=3, size=400)
    assert docs == pretraining_corpus(seed=3, size=400)
    assert docs != pretraining_corpus(seed=4, size=400)
    assert len(docs) == 400
    kinds = set()
    by_answer = {}
    for intent in INTENTS:
        for kind, texts in variants(intent).items():
            for text in texts:
                by_answer.setdefault(text, kind)
    for doc in docs:
        prompt_part, answer = doc.split("### Assistant:\n")
        question = prompt_part.removeprefix("### User:\n").removesuffix("\n")
        assert doc == format_prompt(question) + answer
        kinds.add(by_answer[answer])
    assert kinds == set(RESPONSE_KINDS)
    with pytest.raises(ValueError, match="field 'size'"):
        pretraining_corpus(seed=0, size=-1)


def test_packaged_corpus_matches_the_generator():
    assert read_corpus(PACKAGED_CORPUS) == pretraining_corpus()
    assert len(read_corpus()) == 2000


def test_write_corpus_round_trips_one_document_per_line(tmp_path):
    path = write_corpus(tmp_path / "corpus.txt", seed=1, size=50)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 50 and all("\n" not in line and "\\n" in line for line in lines)
    assert read_corpus(path) == pretraining_corpus(seed=1, size=50)
    assert write_corpus(tmp_path / "again.txt", seed=1, size=50).read_bytes() == path.read_bytes()


def test_write_corpus_refuses_documents_the_escape_cannot_represent(tmp_path, monkeypatch):
    monkeypatch.setattr(world, "pretraining_corpus", lambda seed, size: ["fine", "C:\\path"])
    with pytest.raises(ValueError, match="corpus document 1: contains a backslash"):
        write_corpus(tmp_path / "corpus.txt")
    assert not (tmp_path / "corpus.txt").exists()
