"""Lower-case names where a person acts or a message goes: before what they do ("... needing", "... already has"),
before their team in lower case and what they said ("... from accounts told"), after a message's verb and "to"
ending the clause or a quote ("'text to ...'"); a given name opening the text before a verb's bare form that heads
a label ("Sofia address for the courier:"); a given name before "Mall" or "Plaza", a place's name. And the same
shapes with no person in them, which stay."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # A given name before what its person does, an adverb between allowed.
        ("the nurse phoned about kenji needing new glasses", "the nurse phoned about <PERSON> needing new glasses"),
        ("apparently tomasz already has the spare key", "apparently <PERSON> already has the spare key"),
        ("so wanjiru wants the late shift again", "so <PERSON> wants the late shift again"),
        # A person's team in lower case, then what they said; the name in no list too.
        ("oksana from accounts told me the refund is done", "<PERSON> from accounts told me the refund is done"),
        ("then rekha from legal said we can sign", "then <PERSON> from legal said we can sign"),
        # A message's verb and "to", the clause or a quote ending after the name.
        ("i typed 'text to akira' and nothing happened", "i typed 'text to <PERSON>' and nothing happened"),
        ("can you forward this to wanjiru?", "can you forward this to <PERSON>?"),
        # A person opening the text, then what they did or are told to do to something.
        ("Tomasz addressed the envelope yesterday", "<PERSON> addressed the envelope yesterday"),
        ("Nomvula checks the inbox daily", "<PERSON> checks the inbox daily"),
        ("Oksana send me the slides please", "<PERSON> send me the slides please"),
        # "Plaza" after a name where what follows says what a person did.
        ("Daniela Plaza confirmed the booking", "<PERSON> confirmed the booking"),
    ],
)
def test_persons_where_they_act_or_a_message_goes_are_found(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        # Everyday words, tools and surnames in the same places.
        "forward it to legal.",
        "i said 'send to prod'",
        "pls send to kindle",
        "i sent to jenkins",
        "about pilates needing more room",
        "the docker image needs rebuilding",
        "pytest needs a conftest file",
        "someone from accounts said its fine",
        # A given name opening the text before a verb's bare form that heads a label or a heading.
        "Sofia address for the courier: see below",
        "Marina check in starts at 4pm",
        # A given name before a mall's or a square's head noun.
        "the flat is two minutes from Mary Mall",
        "wait for me outside Selam Mall at noon",
        "the Tanya Plaza launch party",
    ],
)
def test_the_same_shapes_with_no_person_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence
