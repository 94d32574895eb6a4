"""Streets as more countries write them (addr17): Belgian and Peruvian street words and towns with a particle, the
street word before the number with a flat after it, India's "221/B", a Thai house and its soi, Malaysia's "No. 12"
and numbered streets, Vietnamese addresses in English."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


def _redacted(sentence: str) -> str:
    return Redactor("patterns+ner").redact(sentence).text


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Livraison au 112 Chaussée d'Ixelles, 1050 Ixelles", "Livraison au <ADDRESS>"),
        ("Adresse: 5 Drève de Lorraine, 1180 Uccle.", "Adresse: <ADDRESS>."),
        ("Envíe a Jr. Huallaga 320, Cercado de Lima 15001.", "Envíe a <ADDRESS>."),
        ("Vivo en Psje. Los Pinos 12, Miraflores 15074", "Vivo en <ADDRESS>"),
        ("Zustellung: Lindenweg 3, 78462 Konstanz am Montag.", "Zustellung: <ADDRESS> am Montag."),
    ],
)
def test_belgian_and_peruvian_street_words_and_towns_with_a_particle(sentence: str, redacted: str) -> None:
    assert _redacted(sentence) == redacted


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Send it to Sahaidachnoho St 14, apt 3, Kyiv 04070.", "Send it to <ADDRESS>."),
        ("Deliver to 14/C, Hill Road, Bandra West, Mumbai 400050.", "Deliver to <ADDRESS>."),
        ("Send to 55/3 Ratchadaphisek Soi 7, Din Daeng, Bangkok 10400.", "Send to <ADDRESS>."),
        ("Send to No. 8, Jalan USJ 4/5, 47600 Subang Jaya.", "Send to <ADDRESS>."),
    ],
)
def test_house_numbers_and_numbered_streets_of_more_countries(sentence: str, redacted: str) -> None:
    assert _redacted(sentence) == redacted


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Ship to 120 Le Loi, Ben Thanh Ward, District 1, Ho Chi Minh City.", "Ship to <ADDRESS>."),
        ("Ship to 8 Tran Phu, Ward 4, District 5", "Ship to <ADDRESS>"),
        ("Ship to 31 Pasteur, District 3, Ho Chi Minh City.", "Ship to <ADDRESS>."),
    ],
)
def test_vietnamese_addresses_written_in_english(sentence: str, redacted: str) -> None:
    assert _redacted(sentence) == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "Martin Luther King Jr. Day 2025 is a holiday.",
        "Sammy Davis Jr. Award 3 winners were named.",
        "We shipped 12 New Features, District 3 residents liked them.",
        "Ref 221/B was filed, Case 45/C closed.",
        "Run 99/12 tests, Soi 31 is the next.",
        "In 2024 we had 31 Chaussée incidents.",
        "Invoice 12, Jalan project, 47300 units.",
    ],
)
def test_numbers_near_these_street_words_with_no_street_stay(sentence: str) -> None:
    assert _redacted(sentence) == sentence
