"""A British or an Australian street with no street word ("5 Ffordd y Castell", "48 Hindley Arcade") where the town
and its postcode follow it, a locality between them."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


def _redacted(sentence: str) -> str:
    return Redactor("patterns+ner").redact(sentence).text


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Please call at 5 Ffordd y Castell, Bangor LL57 2DG after six.", "Please call at <ADDRESS> after six."),
        (
            "Invoice from Hartley Mills Ltd, 8 Wool Yard, Canal Road, Bradford BD2 1AB",
            "Invoice from Hartley Mills Ltd, <ADDRESS>",
        ),
        ("Our café moved to Shop 2, 48 Hindley Arcade, Adelaide SA 5000.", "Our café moved to <ADDRESS>."),
    ],
)
def test_a_street_of_its_own_name_before_a_town_and_its_postcode(sentence: str, redacted: str) -> None:
    assert _redacted(sentence) == redacted


def test_a_numbered_section_before_a_town_and_its_postcode_stays() -> None:
    sentence = "Section 2 Field Notes, Perth WA 6000 office"
    assert _redacted(sentence) == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Anna Nowak\nos. Kwiatowe 7/12\n60-101 Poznań\nPolska", "<PERSON>\n<ADDRESS>"),
        ("Biuro: al. Niepodległości 44, 00-950 Warszawa", "Biuro: <ADDRESS>"),
    ],
)
def test_a_street_with_no_street_word_before_its_postcode_on_the_next_line_or_after_an_abbreviation(
    sentence: str, redacted: str
) -> None:
    assert _redacted(sentence) == redacted


def test_a_sprint_before_a_year_on_the_next_line_stays() -> None:
    assert _redacted("Sprint 12\n2024 MX planning") == "Sprint 12\n2024 MX planning"
