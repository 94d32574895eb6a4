"""Names in lower case that no name list holds (the fourteenth round), and lower-case text that stays."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # Words no dictionary knows, as chat writes names of many cultures.
        ("the parcel is for ngozi okonjo-adebayo not me", "the parcel is for <PERSON> not me"),
        ("sorry, adebola ogunleye already paid", "sorry, <PERSON> already paid"),
        # Particles between the words, a name list's word among them.
        ("please refund maria del carmen arizmendi asap", "please refund <PERSON> asap"),
        # A word before the name that the PII model does not read as one.
        ("acct holder oyelaran babatunde wants a callback", "acct holder <PERSON> wants a callback"),
        # What is being done to a person, before a capitalised name.
        ("Sure - copying Ikechukwu Onyekachi on this one.", "Sure - copying <PERSON> on this one."),
        ("ok, looping in Tiwaloluwa Adeyinka now.", "ok, looping in <PERSON> now."),
    ],
)
def test_names_no_list_holds_are_found_in_lower_case(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "pip install numpy scipy matplotlib",
        "run kubectl rollout restart on the nginx deployment",
        "the fix is in webpack config, not in babel",
    ],
)
def test_lower_case_words_no_dictionary_knows_that_are_no_names_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence
