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
        # The person thanks are said to, last in the sentence (the seventeenth round).
        ("cheers for the fast reply, bronwen!", "cheers for the fast reply, <PERSON>!"),
        ("thank u so much, ingrid", "thank u so much, <PERSON>"),
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
        "thanks for the help, mate",
        "thanks again, will test tonight",
    ],
)
def test_lower_case_words_no_dictionary_knows_that_are_no_names_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


def test_only_runs_that_may_be_names_are_sent_to_the_pii_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs of words no dictionary knows are common in chat (typos, jargon, tools): the PII model, which costs a
    quarter of the tier's speed when it reads each of them, reads one only with a word of the name lists in it or
    where a person stands ("customer (...)", "copied ...")."""
    from feedback_loop.privacy import ner, pii_model

    read: list[str] = []
    original = pii_model.name_spans

    def recording(sentences):
        read.extend(sentences)
        return original(sentences)

    monkeypatch.setattr(pii_model, "name_spans", recording)
    ner._lower_case_names(
        [
            "teh configg stil brokn after the deploy",
            "note: customer (keoni kahananui) prefers e-mail",
            "I have copied nattapong srisuk on this",
        ]
    )
    assert not any("configg" in sentence for sentence in read), read
    assert any("kahananui" in sentence for sentence in read) and any("srisuk" in sentence for sentence in read)
