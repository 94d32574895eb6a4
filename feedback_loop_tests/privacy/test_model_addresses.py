"""Addresses the rules leave, read by the PII model (feedback_loop.privacy.model_addresses), and what it must not take.

The sentences are the project's own, written for these tests; none comes from a hold-out.
"""

from __future__ import annotations

import pytest

from feedback_loop.privacy.model_addresses import _addresses
from feedback_loop.privacy.pii_model import address_parts
from feedback_loop.privacy.redactor import Redactor


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor("patterns+ner")


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # Lower-case chat with a city after a comma, in street words of several languages.
        ("im at 301 jalan bukit bintang, kuala lumpur", ["301", "bukit bintang", "kuala lumpur"]),
        ("can u drop it at 45 rua augusta, lisboa", ["45", "augusta", "lisboa"]),
        ("we moved to 58 kastanienallee, berlin last month", ["58", "kastanienallee", "berlin"]),
        ("it's 3 karori road, karori, wellington", ["3 karori", "wellington"]),
        ("the courier left it at 230 calle de alcalá, 4º izq, madrid", ["230", "alcalá", "4º", "madrid"]),
        ("my new place is 9 rowan avenue, stillorgan, co dublin", ["9 rowan", "stillorgan"]),
        ("reach me at 16 rue des lilas, lyon", ["16", "lilas", "lyon"]),
        # The street first, as the text's first words; a street no dictionary knows after a sentence's first word.
        ("jalan bukit bintang 301, kuala lumpur", ["301", "bintang", "kuala lumpur"]),
        ("Visit 18 Hàng Bạc, Hoàn Kiếm, Hà Nội for pho", ["18", "Hàng Bạc", "Hà Nội"]),
        # The rules leave the Korean building and flat before the street they read.
        (
            "Shipping label, in English: 1502, 14 Olympic-ro 35-gil, Songpa-gu, Seoul 05510",
            ["1502", "Olympic", "05510"],
        ),
    ],
)
def test_addresses_the_rules_leave_are_read_by_the_model(redactor: Redactor, text: str, gone: list[str]) -> None:
    redaction = redactor.redact(text)

    assert "<ADDRESS>" in redaction.text
    assert [part for part in gone if part in redaction.text] == []
    assert redaction.counts == {"ADDRESS": 1}


@pytest.mark.parametrize(
    "text",
    [
        # A product's name and number, a version, a count.
        "My macOS Sonoma 14.4.1 update failed",
        "We moved payroll from Sage 50 to Workday last year",
        "The Greenstar 30i is showing code EA229",
        "Studio 2 has Profoto B10 lights",
        "Population of India in 2021 was 1,393,409,038.",
        # A lane, a route, an invoice's or a list's number; a score.
        "Take Lane 4 for the 400m",
        "Invoice 44, Jalan project, 12000 units",
        "Final score: Leeds 2-1 Burnley, Stoke City drew",
        # A recipe's lines and plans in lower case.
        "- 3 cloves garlic, crushed",
        "- 2 sweet potatoes, cubed",
        "dinner at 8, taco place, downtown",
        "see you at 5 main st tomorrow",
        "we watched 21 jump street, hilarious, recommend",
        # Scores, a product's model number, a hotel's room, an album's edition, before a place.
        "Lakers 112 Celtics 108, Boston Garden, Massachusetts.",
        "Manchester United 2 Liverpool 1, Old Trafford, Manchester.",
        "Boeing 737 Max, Seattle, Washington had issues.",
        "We stayed in Room 214, Hilton Garden Inn, Denver.",
        "Abbey Road 50 Anniversary Edition, Apple Records, London.",
        # English words with no street word, and a street's name that goes on as goods'.
        "there are 5 Hill Walks, Lake District, Cumbria, for beginners",
    ],
)
def test_near_misses_stay(redactor: Redactor, text: str) -> None:
    assert "<ADDRESS>" not in redactor.redact(text).text


def test_the_model_reads_the_parts_of_an_address() -> None:
    sentence = "Please ship it to 27 Rue de la Paix, 75002 Paris."

    (parts,) = address_parts([sentence])

    assert [(part, sentence[start:end]) for part, start, end in parts] == [
        ("BUILDING_NUMBER", "27"),
        ("STREET_NAME", "Rue de la Paix"),
        ("ZIP_CODE", "75002"),
        ("CITY", "Paris"),
    ]


@pytest.mark.parametrize(
    ("window", "parts", "expected"),
    [
        # A house number beside a street with a city after it: from the number to the city.
        ("at 12 Kauri Way, Napier", [("BUILDING_NUMBER", 3, 5), ("STREET_NAME", 6, 15), ("CITY", 17, 23)], [(3, 23)]),
        # A street alone after a number, no street word and nothing after: a product's name.
        ("the Kauri 12 model", [("STREET_NAME", 4, 9), ("BUILDING_NUMBER", 10, 12)], []),
        # Lower case: a strong street word and a city after a comma.
        ("at 12 kauri road, napier", [("BUILDING_NUMBER", 3, 5), ("STREET_NAME", 6, 16), ("CITY", 18, 24)], [(3, 24)]),
        ("at 12 kauri road napier", [("BUILDING_NUMBER", 3, 5), ("STREET_NAME", 6, 16), ("CITY", 17, 23)], []),
        ("at 12 kauri place, napier", [("BUILDING_NUMBER", 3, 5), ("STREET_NAME", 6, 17), ("CITY", 19, 25)], []),
        # What stands right before the rules' address joins it; what follows it does not.
        ("to 302, <ADDRESS>, side door", [("BUILDING_NUMBER", 3, 6), ("SECONDARY_ADDRESS", 19, 28)], [(3, 17)]),
        ("Invoice 302, <ADDRESS>", [("BUILDING_NUMBER", 8, 11)], []),
        # A house number and street of their own right before the rules' address are one address with it.
        (
            "at 12 Kauri Road, <ADDRESS>",
            [("BUILDING_NUMBER", 3, 5), ("STREET_NAME", 6, 16)],
            [(3, 27)],
        ),
    ],
)
def test_which_parts_make_an_address(window: str, parts: list, expected: list) -> None:
    assert _addresses(window, parts) == expected


def test_an_address_read_from_two_windows_is_one_address(redactor: Redactor) -> None:
    # The first number's window is cut at its width inside the address; the address's own window holds it whole.
    text = "we had 2 dogs and 3 cats when we lived on the corner of the park at 301 jalan bukit bintang, kuala lumpur"

    redaction = redactor.redact(text)

    assert redaction.text == "we had 2 dogs and 3 cats when we lived on the corner of the park at <ADDRESS>"
    assert redaction.counts == {"ADDRESS": 1}


def test_an_address_after_many_numbers_in_one_long_sentence_is_read(redactor: Redactor) -> None:
    # Overlapping windows are joined only up to twice their width: the model reads 510 tokens.
    text = " ".join(["Gift 2 Blue Widget,"] * 60) + " im at 301 jalan bukit bintang, kuala lumpur"

    assert redactor.redact(text).text.endswith(" im at <ADDRESS>")


def test_a_placeholder_the_text_held_already_is_not_counted_away(redactor: Redactor) -> None:
    redaction = redactor.redact("Shipping label, in English: 1502, <ADDRESS>")

    assert redaction.text == "Shipping label, in English: <ADDRESS>"
    assert redaction.counts == {"ADDRESS": 1}


def test_a_part_the_model_reads_over_another_placeholder_is_none() -> None:
    window = "at 12 Kauri Road, <PHONE>"

    assert _addresses(window, [("BUILDING_NUMBER", 3, 5), ("STREET_NAME", 6, 16), ("CITY", 18, 25)]) == [(3, 16)]


def test_an_address_that_joins_the_rules_placeholder_counts_once(redactor: Redactor) -> None:
    redaction = redactor.redact("Shipping label, in English: 1502, 14 Olympic-ro 35-gil, Songpa-gu, Seoul 05510")

    assert redaction.text == "Shipping label, in English: <ADDRESS>"
    assert redaction.counts == {"ADDRESS": 1}
