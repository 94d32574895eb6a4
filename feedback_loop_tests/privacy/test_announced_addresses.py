"""Addresses of any shape after a word that announces one ("ship to", "Address:", "alamat saya", "Dirección de
entrega:"): the street before the house number, lower-case one-liners, blocks, puroks and erven, Korean lots; and
what such a word announces that is no address ("We ship to 40 countries.")."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


def _redacted(sentence: str) -> str:
    return Redactor("patterns+ner").redact(sentence).text


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("please ship to hauptstrasse 45 10827 berlin", "please ship to <ADDRESS>"),
        ("ship to Skólavörðustígur 12, 101 Reykjavík", "ship to <ADDRESS>"),
        ("Address: Calle 21 No. 104, Col. Centro, 97000 Mérida", "Address: <ADDRESS>"),
        ("alamat saya Gang Kenari No. 8, Kel. Cempaka, Bogor", "alamat saya <ADDRESS>"),
        ("Indirizzo di consegna: Vico Storto 3, 80134 Napoli", "Indirizzo di consegna: <ADDRESS>"),
        ("Teslimat adresi: Kazım Dirik Mah. 372 Sok. No 5, Bornova", "Teslimat adresi: <ADDRESS>"),
        ("Dirección: Camino de la Sierra s/n, 18010 Granada", "Dirección: <ADDRESS>"),
        ("RETURN TO: 500 OCEAN VIEW LOOP, MONTEREY, CA 93940", "RETURN TO: <ADDRESS>"),
        ("ship to no 9 umuezeala close owerri imo state near the junction", "ship to <ADDRESS> near the junction"),
        ("deliver to Purok 6, Brgy. San Isidro, Tagum City 8100", "deliver to <ADDRESS>"),
        ("Delivery: Erf 455, Mamelodi East, 0122", "Delivery: <ADDRESS>"),
        ("send to Sinsa-dong 541-3, Gangnam-gu, Seoul thanks", "send to <ADDRESS> thanks"),
    ],
)
def test_an_address_of_any_shape_after_a_word_that_announces_one(sentence: str, redacted: str) -> None:
    assert _redacted(sentence) == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "We ship to 40 countries.",
        "Send it to 3 people by Friday.",
        "Deliver to Section 4.2 of the plan",
        "Address: see the FAQ, item 7",
        "Delivery: 3-5 business days",
        "Shipping: $4.99 for 2 items",
        "Adresse: siehe Seite 4",
        "send to Jira 4521 pls",
        "Send it to Halo 3 ODST team",
        "Send it to Python 3 users",
        "Shipping: DHL Express 12:00, UPS Standard 3",
        "We moved the meeting to Room 4, Building C.",
        "ship to Berlin 2024 onwards",
        "Er wohnt seit 2019 in Berlin",
    ],
)
def test_what_a_cue_announces_that_is_no_address_stays(sentence: str) -> None:
    assert _redacted(sentence) == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Our office takes mail at Caixa Postal 2210, Manaus AM.", "Our office takes mail at <ADDRESS>."),
        ("Antwoord graag naar Postbus 4410.", "Antwoord graag naar <ADDRESS>."),
        ("Correspondence goes to BP 88, 69002 Lyon.", "Correspondence goes to <ADDRESS>."),
        ("Write to Casilla 302 for the catalogue.", "Write to <ADDRESS> for the catalogue."),
    ],
)
def test_a_post_office_box_in_other_languages(sentence: str, redacted: str) -> None:
    assert _redacted(sentence) == redacted


def test_bp_before_no_postcode_is_no_box() -> None:
    assert _redacted("The BP 500 stations closed.") == "The BP 500 stations closed."


def test_an_australian_state_and_postcode_after_a_lower_case_street() -> None:
    sentence = "leave it by the back door, 7 banksia cres, bayswater wa 6053"
    assert _redacted(sentence) == "leave it by the back door, <ADDRESS>"


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Our office is at Pärnu mnt 21, 10141 Tallinn.", "Our office is at <ADDRESS>."),
        ("The workshop is located at Hafnarstræti 20, 600 Akureyri.", "The workshop is located at <ADDRESS>."),
        (
            "The lab is at Wenhua Road No. 56, Haidian District, Beijing 100080, east gate",
            "The lab is at <ADDRESS>",
        ),
    ],
)
def test_an_address_after_where_a_place_is(sentence: str, redacted: str) -> None:
    assert _redacted(sentence) == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting is at 3 pm in Room 4.",
        "The bug is at line 42 of Parser.java",
        "Support is at Tier 3 level",
        "The score is at 2-1 Chelsea, Leicester City",
        "Prices are at 1999 levels",
    ],
)
def test_a_time_a_line_or_a_level_after_is_at_stays(sentence: str) -> None:
    assert _redacted(sentence) == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("address: Glenmore Lodge, Ballinakill Rd, Co. Laois R32 X2T7", "address: <ADDRESS>"),
        ("Ship to: The Barn, Hollow Lane, Bewdley DY12 2AB", "Ship to: <ADDRESS>"),
    ],
)
def test_a_house_name_before_a_british_postcode_or_an_eircode(sentence: str, redacted: str) -> None:
    assert _redacted(sentence) == redacted


def test_a_postcode_area_before_everyday_words_stays() -> None:
    assert _redacted("Ship to LS6 3AA area customers") == "Ship to LS6 3AA area customers"
