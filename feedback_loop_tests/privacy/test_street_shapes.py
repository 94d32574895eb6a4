"""Streets as more countries write them (the fifteenth round): the street word before the number, Korean roads,
Colombian numbered streets, German streets named by a preposition, Slavic and Malay street words, Turkish and
Indonesian house-number markers, Vienna's house/staircase/flat, house and road numbers of South Asia and the Gulf,
Thai "Moo" and "Soi", a British street of its own name, Brazil's " - " between the parts."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Ship it to Uhuru Highway 88, Nairobi 00200.", "Ship it to <ADDRESS>."),
        ("Our office: Ben Yehuda St 41, Jerusalem 9423001", "Our office: <ADDRESS>"),
        ("Deliver to 27 Dosan-daero, Gangnam-gu, Seoul 06040.", "Deliver to <ADDRESS>."),
        ("Mi dirección es Carrera 15 # 93-60, Bogotá.", "Mi dirección es <ADDRESS>."),
        ("Bitte liefern: Zum Steinbruch 4, 35390 Gießen", "Bitte liefern: <ADDRESS>"),
        ("Address: vul. Sumska 10, Kharkiv 61002", "Address: <ADDRESS>"),
        ("Send to bul. Tsar Osvoboditel 9, 1000 Sofia", "Send to <ADDRESS>"),
        ("Please ship to Jalan Braga No. 12, Bandung 40111.", "Please ship to <ADDRESS>."),
        ("Adres: Cumhuriyet Caddesi No: 48, Şişli, İstanbul 34367", "Adres: <ADDRESS>"),
        ("Lieferung an Favoritenstraße 32/4/9, 1040 Wien", "Lieferung an <ADDRESS>"),
        ("Ship to House 7, Road 27, Dhanmondi, Dhaka 1209.", "Ship to <ADDRESS>."),
        ("Address: Villa 9, Street 21, Al Wasl 2, Dubai", "Address: <ADDRESS>"),
        ("Address: 45/7 Moo 2, Chiang Mai Soi 3, Mueang, Chiang Mai 50200", "Address: <ADDRESS>"),
        ("Please update it to 3 Broadgate, Nottingham NG1 2AB thanks", "Please update it to <ADDRESS> thanks"),
        ("Entregar em Av. Rebouças, 3970 - Pinheiros, São Paulo - SP, 05402-600", "Entregar em <ADDRESS>"),
        ("Send it to 12 Liffey Street Lower, Dublin 1, D01 K2C8.", "Send it to <ADDRESS>."),
        ("Giao hàng: 27 Hai Bà Trưng, Bến Nghé, Quận 3", "Giao hàng: <ADDRESS>"),
        ("Envío a Av. 20 de Noviembre 85, Centro, 06090", "Envío a <ADDRESS>"),
    ],
)
def test_streets_as_their_countries_write_them_are_addresses(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "Route 66, Arizona is the best stretch.",
        "Sprint 12, Release 3 is planned.",
        "Chapter 4, Section 2 covers refunds.",
        "Version 12, 10000 users migrated.",
        "Step 3 - Confirm, Step 4 - Pay.",
        "The score was 3-1, Leicester City won.",
        "Pages 12/4, 3rd edition, Oxford 2019.",
        "We won 3 Grand Prix, Q. 4 results are in.",
    ],
)
def test_numbers_next_to_capitalised_words_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence
