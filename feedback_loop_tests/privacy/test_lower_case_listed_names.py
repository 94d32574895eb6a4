"""A given name and a surname of the lists in lower case, neither a dictionary's word, where a person stands, though
the PII model does not read them as a name (the fifteenth round)."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("pls forward it to grzegorz nowak asap", "pls forward it to <PERSON> asap"),
        ("talked to bogumila wojcik earlier", "talked to <PERSON> earlier"),
    ],
)
def test_a_listed_given_name_and_surname_in_lower_case_is_a_person(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    ["switched to kotlin gradle builds", "sent it to lisbon porto office", "send it to rose mark asap"],
)
def test_other_lower_case_pairs_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence
