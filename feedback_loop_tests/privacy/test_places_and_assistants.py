"""Assistants, places and eponyms where a person's name stands (the fourteenth round), and people next to them."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    "sentence",
    [
        # Assistants, as LLM telemetry names them.
        "Bixby opened the camera when I pressed the side key.",
        "Tell Siri to stop announcing notifications.",
        "Gemini wrote the summary in Spanish.",
        "Can Cortana read my calendar aloud?",
        # A word of places right before a place's name.
        "Flights to São Luís are cheap.",
        # A street's name without a house number.
        "Charles Street and Maria Road meet at the light.",
        # What science names after people.
        "Kruskal's algorithm builds the tree.",
        "Zorn's lemma is equivalent to choice.",
        "Bernoulli's principle explains the lift.",
    ],
)
def test_assistants_places_and_eponyms_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # "my name is" and a form's field announce a person whose name an assistant has too.
        ("Hi, my name is Alexa and my order is late.", "Hi, my name is <PERSON> and my order is late."),
        ("Full name: Claude Rivaud", "Full name: <PERSON>"),
        # With a surname, a person.
        ("Claude Rivaud approved the refund yesterday.", "<PERSON> approved the refund yesterday."),
        # A person's possessive before what a person owns.
        ("Tomasz Wierzbicki's laptop will not boot.", "<PERSON>'s laptop will not boot."),
    ],
)
def test_people_next_to_assistants_and_places_are_still_found(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        (
            "Reports shift by an hour for users in the Europe/London and America/Denver time zones.",
            "Reports shift by an hour for users in the Europe/London and America/Denver time zones.",
        ),
        (
            "Users in Europe/London and America/Chicago see the banner at 9.",
            "Users in Europe/London and America/Chicago see the banner at 9.",
        ),
        # A person's name next to a slash that names no time zone stays a name.
        ("Send it to Victoria Okafor/Finance.", "Send it to <PERSON>/Finance."),
    ],
)
def test_the_cities_of_time_zones_stay(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted
