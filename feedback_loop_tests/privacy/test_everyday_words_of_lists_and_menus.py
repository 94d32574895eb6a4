"""Everyday words of lists, menus and notes that rules for people's names read too widely: an English compound joined
by a hyphen ("Check-in", "Half-price") is no Korean or Chinese given name of two syllables, wherever it stands; the
first word of a thing misread as a name is not sought again where the text writes it alone, unless it is a given
name of the lists, nor inside a longer run of capitalised words, which names another thing."""

import pytest

from feedback_loop.privacy.names import names_written_again
from feedback_loop.privacy.redactor import Redactor


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor("patterns+ner")


@pytest.mark.parametrize(
    "text",
    [
        "Check-in closes at noon on the day of departure.",
        "Hotel page:\n- Photo of the lobby\n- Check-in desk hours\n- Parking",
        "Party supplies:\n4. Balloon pump\n5. Make-up mirror\n6. Glow-up face paint",
        "Hiking gear:\n2. Water filter\n3. Sun-block cream\n4. Rain poncho",
        "Deli order:\n3. Half-price sandwiches\n4. Lean-cut turkey slices",
        "Week-long camps are popular with families.",
    ],
)
def test_english_compounds_joined_by_a_hyphen_are_no_given_names(redactor: Redactor, text: str) -> None:
    assert redactor.redact(text).text == text


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("On Tuesday Seo-jun signed the lease.", "On Tuesday <PERSON> signed the lease."),
        ("After lunch Ji-an phoned the landlord.", "After lunch <PERSON> phoned the landlord."),
        ("Guest list:\n1. LEE Ji-an\n2. PARK Do-yun", "Guest list:\n1. <PERSON>\n2. <PERSON>"),
    ],
)
def test_korean_given_names_joined_by_a_hyphen_stay_names(redactor: Redactor, text: str, redacted: str) -> None:
    assert redactor.redact(text).text == redacted


def test_the_first_word_of_a_thing_misread_as_a_name_is_not_sought_again() -> None:
    text = "Desserts:\n1. Pears with Blueberry Crumble\n2. Blueberry Muffins\n3. Lemon Tart"
    start = text.index("Blueberry Crumble")
    assert names_written_again(text, [(start, start + len("Blueberry Crumble"))]) == []


def test_a_given_name_that_is_an_english_word_too_is_sought_again() -> None:
    text = "Present: Hazel Okonjo, Tomasz Lis\nHazel to send the minutes."
    start = text.index("Hazel Okonjo")
    assert names_written_again(text, [(start, start + len("Hazel Okonjo"))]) == [
        (text.rindex("Hazel"), text.rindex("Hazel") + 5)
    ]


def test_a_name_written_again_inside_a_longer_run_of_capitalised_words_is_another_name() -> None:
    text = "Guide: Taranui Hohaia\nStops:\n1. Taranui Falls Lookout\n2. Upper Lake Taranui\n3. Lake Taranui"
    start = text.index("Taranui Hohaia")
    assert names_written_again(text, [(start, start + len("Taranui Hohaia"))]) == [(text.rindex("Taranui"), len(text))]


def test_a_name_written_again_after_a_greeting_or_before_a_function_word_is_sought() -> None:
    text = "Spoke with Tomasz Wierzbicki.\nDear Tomasz, thanks.\nMeet Tomasz at noon.\nTomasz I think agreed."
    start = text.index("Tomasz Wierzbicki")
    again = names_written_again(text, [(start, start + len("Tomasz Wierzbicki"))])
    assert [text[begin:end] for begin, end in again] == ["Tomasz"] * 3


def test_an_everyday_word_in_lower_case_found_after_a_field_is_not_sought_again() -> None:
    text = "Sheet name: oldest_bridges\n| Tower Bridge | the oldest bridge here |"
    assert names_written_again(text, [(12, 18)]) == []
