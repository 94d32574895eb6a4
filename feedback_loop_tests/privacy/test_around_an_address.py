"""The flat before a street and the postcode after a town (the fourteenth round)."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Deliver to Flat 12, 9 Mercer Street, Bristol please.", "Deliver to <ADDRESS> please."),
        ("Ship to Unit 7C, 41 Albert Road, Cardiff.", "Ship to <ADDRESS>."),
        ("Send it to 3 Merrion Square, Dublin 2, D02 XY45.", "Send it to <ADDRESS>."),
        ("Entrega em Rua Oscar Freire 900, apto 12, Sao Paulo - SP, 01426-001.", "Entrega em <ADDRESS>."),
        ("Ship to Av. Santa Fe 1860, C1123 Buenos Aires today.", "Ship to <ADDRESS> today."),
    ],
)
def test_the_unit_and_postcode_around_an_address_go_with_it(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    ["Flat 4 of the plan, 3 units, 12 rooms.", "Unit 5B tests pass; 12345 rows loaded."],
)
def test_units_and_numbers_with_no_address_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence
