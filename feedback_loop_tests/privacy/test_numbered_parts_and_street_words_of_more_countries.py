"""Addresses made only of numbered parts (the Gulf states, parts of Asia), Spanish and Catalan floors and doors,
Hebrew, Arabic and Turkish street words in Latin letters, what is left after a found street (a Korean building and flat,
a numbered Dhaka area, the corner street), and German streets named by a date; and the sentences like them that
must stay."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


def _redacted(sentence: str) -> str:
    return Redactor("patterns+ner").redact(sentence).text


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # Three numbered parts or more.
        ("Bldg 19, Street 944, Zone 41, Al Gharrafa", "<ADDRESS>"),
        ("Villa 31, Road 1908, Block 419, Sanabis, Bahrain", "<ADDRESS>"),
        ("Courier pickup: Flat 6, Building 2213, Road 3650, Block 336, Adliya", "Courier pickup: <ADDRESS>"),
        ("Hi,\nplease send the parcel to:\nBlock 9, Street 27, House 14\nHawally\nRegards", None),
        # In lower case, after a cue.
        ("my address is block 6 street 18 house 40 mishref", "my address is <ADDRESS>"),
        ("pls deliver to zone 52, street 761, building 8 thx", "pls deliver to <ADDRESS> thx"),
        # Two parts after a cue or before a town.
        ("Ship to: Building 27, Street 340", "Ship to: <ADDRESS>"),
        ("We live at Way 2817, House 66, Al Khuwair.", "We live at <ADDRESS>."),
        ("Office: Plot 14, Sector 9, Islamabad", "Office: <ADDRESS>"),
        # A street of its own name among the parts.
        ("Please deliver it to Flat 12, Sheikh Zayed Road, Dubai", "Please deliver it to <ADDRESS>"),
    ],
)
def test_addresses_of_numbered_parts(sentence: str, redacted: str | None) -> None:
    if redacted is None:
        assert "Block 9" not in _redacted(sentence) and "House 14" not in _redacted(sentence)
    else:
        assert _redacted(sentence) == redacted


def test_a_form_address_line_of_one_numbered_part() -> None:
    assert _redacted("Address line 1: Villa 40, Way 2231\nAddress line 2: Block 117\nCity: Seeb") == (
        "Address line 1: <ADDRESS>\nAddress line 2: <ADDRESS>\nCity: Seeb"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Step 3, Section 4 of the guide explains it.",
        "Deliver to Building 12 by noon, the guard knows.",
        "Building 2 is closed today, use the side door.",
        "You can travel in Zone 1, Zone 2 and Zone 3 with this pass.",
        "Read Chapter 4, Block 2, Unit 3 before the exam.",
        "Building 3, Floor 2, Room 301 hosts the meeting.",
        "Level 5, Block 3 of the game is very hard.",
        "We finished Block 2, Street 5, The end.",
        "Road 66 is a famous highway, Street 5 is not.",
    ],
)
def test_numbered_everyday_words_with_no_address_shape_stay(sentence: str) -> None:
    assert _redacted(sentence) == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Envieu-ho a Carrer de Provença 212, 3r 2a, 08036 Barcelona", "Envieu-ho a <ADDRESS>"),
        ("Adreça: Carrer del Consell de Cent 330, 1r 1a", "Adreça: <ADDRESS>"),
        ("Mi piso: Calle de Atocha 70, bajo A, 28012 Madrid", "Mi piso: <ADDRESS>"),
        ("Envío a C/ Aribau 45, entlo. 1ª, 08011 Barcelona.", "Envío a <ADDRESS>."),
        ("Dirección: Calle de Serrano 21, pral. 2ª, Madrid", "Dirección: <ADDRESS>"),
        ("Vivo en Calle de Fuencarral 100, ático, 28004 Madrid", "Vivo en <ADDRESS>"),
        ("Paseo de Gracia 11, 4º izda., 08007 Barcelona", "<ADDRESS>"),
        ("Carrer de Sants 150, baixos 2a, Barcelona", "<ADDRESS>"),
    ],
)
def test_spanish_and_catalan_floors_and_doors_after_a_street(sentence: str, redacted: str) -> None:
    assert _redacted(sentence) == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "El bajo B del grupo tocó bien y el 2n 1a fue un empate.",
        "The principal said the ático was closed.",
    ],
)
def test_floor_words_with_no_street_stay(sentence: str) -> None:
    assert _redacted(sentence) == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Rehov Ibn Gabirol 71, Tel Aviv", "<ADDRESS>"),
        ("we moved to Rechov Yafo 97, Jerusalem last year", "we moved to <ADDRESS> last year"),
        ("Address: Sderot Ben Gurion 18, Haifa 3303218", "Address: <ADDRESS>"),
        ("Derech Menachem Begin 132, Tel Aviv", "<ADDRESS>"),
        ("Send it to Shari' Mohamed Mahmoud 9, Cairo", "Send it to <ADDRESS>"),
        ("Sharia el-Batal Ahmed 33, Giza", "<ADDRESS>"),
        ("Teslimat: İstiklal Cad. No: 56 D: 4, Beyoğlu, İstanbul", "Teslimat: <ADDRESS>"),
        ("Kızılay Sk. No:7 Kat: 2 Daire: 5, Ankara", "<ADDRESS>"),
        ("Cumhuriyet Blv. No: 102 K: 3 D: 9, İzmir", "<ADDRESS>"),
    ],
)
def test_hebrew_arabic_and_turkish_street_words(sentence: str, redacted: str) -> None:
    assert _redacted(sentence) == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "Shari Lewis 3 puppets were on the show.",
        "The Derech Eretz 2 lecture starts at noon.",
        "Read the Cad. 3 drawing and the D: 7 note.",
    ],
)
def test_street_words_of_other_languages_with_no_street_stay(sentence: str) -> None:
    assert _redacted(sentence) == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("our office is Sejong-daero 110, 102-1504, Jung-gu, Seoul", "our office is <ADDRESS>"),
        ("Address: 25 Banpo-daero, 108동 702호, Seocho-gu", "Address: <ADDRESS>"),
        ("House 3, Road 9, Dhanmondi-2, Dhaka 1205", "<ADDRESS>"),
        ("House 21, Road 4, Uttara, Dhaka-1230", "<ADDRESS>"),
        ("Our office: 40 Kazi Nazrul Islam Avenue, Mirpur-10, Dhaka", "Our office: <ADDRESS>"),
        ("We are at 210 W 23rd St corner 7th Ave, New York.", "We are at <ADDRESS>."),
        ("Shop: 15 Victoria Street cnr of 3rd Avenue, Durban", "Shop: <ADDRESS>"),
        ("meet me at 40 Elm Street near 2nd Avenue, Boston", "meet me at <ADDRESS>"),
    ],
)
def test_what_is_left_after_a_found_street(sentence: str, redacted: str) -> None:
    assert _redacted(sentence) == redacted


def test_a_landmark_near_a_street_stays() -> None:
    assert _redacted("The flat at 40 Elm Street near Riverside Park is lovely.") == (
        "The flat at <ADDRESS> near Riverside Park is lovely."
    )


def test_a_word_and_its_number_after_a_street_that_are_no_area_stay() -> None:
    assert _redacted("We follow COVID-19 rules at 12 Baker Street, Windows-10 laptops too.") == (
        "We follow COVID-19 rules at <ADDRESS>, Windows-10 laptops too."
    )


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Lieferadresse: Straße des 17. Juni 112, 10623 Berlin", "Lieferadresse: <ADDRESS>"),
        ("wir wohnen in der Str. des 17. Juni 8, Berlin", "wir wohnen in der <ADDRESS>"),
        ("Platz des 9. November 4, 10117 Berlin", "<ADDRESS>"),
        ("Allee der Kosmonauten 28, 12681 Berlin", "<ADDRESS>"),
    ],
)
def test_german_streets_named_by_a_date_or_with_an_article(sentence: str, redacted: str) -> None:
    assert _redacted(sentence) == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Straße des 17. Juni ist heute gesperrt.",
        "Der Ring des Nibelungen 3 Akte lang.",
        "Am Platz der Republik 2024 gab es ein Fest.",
    ],
)
def test_german_streets_with_no_house_stay(sentence: str) -> None:
    assert _redacted(sentence) == sentence
