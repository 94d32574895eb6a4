"""Names in lower case after the cues chat writes in lower case (the nineteenth round): a title ("hi mrs ..."), a
relative's or a teacher's word after "my" ("my coach ...", "my mum, ..."), thanks or a greeting of any language
("thx ...", "merci ..."); and lower-case chat with the same cues and no name, which stays."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # A title before a surname, after a greeting or opening the sentence.
        ("hello mrs adeyemi, the essay is attached", "hello mrs <PERSON>, the essay is attached"),
        ("ms ferreira gave us extra time", "ms <PERSON> gave us extra time"),
        ("i asked dr nwosu about the dose", "i asked dr <PERSON> about the dose"),
        # A surname with an apostrophe that the dictionary knows too (a famous namesake's), after a title.
        ("pls tell mrs o'brien that the bus is late", "pls tell mrs <PERSON> that the bus is late"),
        ("can u ask miss o'neill if the trip is on", "can u ask miss <PERSON> if the trip is on"),
        # A relative's, a teacher's or a landlord's word after "my", the word of the lists too ("son", "nan").
        ("my landlord dariusz keeps the deposit", "my landlord <PERSON> keeps the deposit"),
        ("could you email my son tariq the receipt", "could you email my son <PERSON> the receipt"),
        ("my nan siobhan cant log in", "my nan <PERSON> cant log in"),
        # A full name after the word and a comma, in no name list.
        (
            "please ship it to my mum, mereana tuhoe, at the same address",
            "please ship it to my mum, <PERSON>, at the same address",
        ),
        ("add my husband, hemi waititi to the booking", "add my husband, <PERSON> to the booking"),
        # Thanks in chat's words, something after the name.
        ("thanks oisin appreciated", "thanks <PERSON> appreciated"),
        ("cheers tadhg great help", "cheers <PERSON> great help"),
        # Thanks of other languages, before a given name of the lists, accented letters in it.
        ("gracias mateo, todo bien ahora", "gracias <PERSON>, todo bien ahora"),
        ("merci chloé pour ton aide", "merci <PERSON> pour ton aide"),
        ("danke jürgen, hat geklappt", "danke <PERSON>, hat geklappt"),
        ("grazie giuseppe!! funziona", "grazie <PERSON>!! funziona"),
    ],
)
def test_lower_case_names_after_titles_kin_and_thanks_are_found(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "hi miss, i forgot my homework",
        "mr right is still out there",
        "ms teams wont load again",
        "dr oetker pizza was cold",
        "mr clean spray is out of stock",
        "the mr bean episode was funny",
        "hi my dr pepper order came flat",
        "my tutor said i should revise more",
        "my wife, as usual, forgot the password",
        "my son ravioli recipe is better",
        "my boss asked for the report",
        "my nan's house has no wifi",
        "my daughter roblox password",
        "thx again",
        "cheers mate",
        "ty so much",
        "gracias amigo",
        "obrigado pela ajuda",
        "grazie mille",
        "danke schön",
        "asante sana",
        "hey siri set a timer",
    ],
)
def test_lower_case_chat_with_the_same_cues_stays(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence
