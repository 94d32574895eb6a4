"""A name in capitals right after a cue that announces a person, though no name list holds it (the fifteenth
round)."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Talked to MAKERITA TUPOU about the missing box.", ["MAKERITA", "TUPOU"]),
        ("Spoke with NGOZI ADICHIE-OBI, she will resend it.", ["NGOZI", "ADICHIE-OBI"]),
        ("Forwarded this to KAWIKA NAKOA yesterday.", ["KAWIKA", "NAKOA"]),
    ],
)
def test_a_name_in_capitals_after_a_cue_is_a_person(sentence: str, words: list[str]) -> None:
    text = Redactor("patterns+ner").redact(sentence).text
    assert "<PERSON>" in text
    assert not any(word in text for word in words)


@pytest.mark.parametrize(
    "sentence",
    ["Spoke with IT ASAP about it.", "Talked to HMRC VAT team today.", "Ask BIC DEUTDEFF for the code."],
)
def test_acronyms_after_a_cue_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence
