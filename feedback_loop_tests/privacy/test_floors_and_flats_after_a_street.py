"""The floor, side or flat written between the street and the town, as each country writes it, and Hong Kong's floor
before the street: the postcode and town after them are part of the address too."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Entregar na Rua do Carmo 8, 1.º andar, 4050-164 Porto", "Entregar na <ADDRESS>"),
        ("Morada: Avenida Almirante Reis 77, 4.º Esq, 1150-012 Lisboa.", "Morada: <ADDRESS>."),
        ("Proszę wysłać na ul. Piotrkowska 112 m. 4, 90-006 Łódź.", "Proszę wysłać na <ADDRESS>."),
        ("Send til Vesterbrogade 41, 3. tv., 1620 København V", "Send til <ADDRESS>"),
        ("Bor på Østergade 7, st. mf., 8000 Aarhus C", "Bor på <ADDRESS>"),
        ("Adresim: Bahariye Caddesi No: 14 Kat 3 Daire 9, Kadıköy, 34714 İstanbul", "Adresim: <ADDRESS>"),
        ("Deliver to Flat C, 7/F, 18 Hennessy Road, Wan Chai", "Deliver to <ADDRESS>"),
        ("Shop 3, G/F, 45 Queen's Road Central, Hong Kong", "<ADDRESS>"),
    ],
)
def test_a_floor_or_flat_after_the_street_keeps_the_town_in_the_address(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "Chapter 2. The Beginning, page 14.",
        "We counted 2. th. and 3. tv. as abbreviations in the glossary.",
        "The m. 15 measurement was off by 3 cm.",
        "Kat 3 was sold out, Daire 6 is a word.",
        "See 12/F of the report, page 3.",
        "Order 4471-22 shipped, see Section 4.2 of version 2.3.1.",
    ],
)
def test_floor_and_flat_words_with_no_street_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


def test_a_polish_flat_is_only_right_after_the_house_number() -> None:
    assert Redactor("patterns+ner").redact("Visit 12 Baker Street m. 5 minutes later.").text == (
        "Visit <ADDRESS> m. 5 minutes later."
    )
