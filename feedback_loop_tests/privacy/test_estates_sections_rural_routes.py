"""Parts of addresses before and after the street, and whole addresses the street detectors missed (the
eighteenth round): estates, sectors and sections before the street, floors and flats spelled out after it, rural
routes, subdivision lots, lower-case blocks, postal blocks and Hindi addresses."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # An estate's name between the flat and the street.
        ("Ship to Flat B, 22/F, Block 5, Kornhill, 33 Hong Shing Street, Quarry Bay", "Ship to <ADDRESS>"),
        # A numbered street before a sector code.
        ("Deliver to House 12-B, Street 7, G-9/4, Islamabad 44090 please", "Deliver to <ADDRESS> please"),
        # A Taiwanese road's section, spelled out.
        ("Office: Room 301, 3/F, No. 55, Section 4, Nanjing East Road, Taipei 105", "Office: <ADDRESS>"),
        # A locality's numbered stage.
        ("Send to 22/5, 8th Main, Jayanagar 4th Block, Bengaluru 560011 thanks", "Send to <ADDRESS> thanks"),
    ],
)
def test_the_parts_before_the_street_go_with_it(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Címem: Andrássy út 60, 3. emelet 12., 1062 Budapest", "Címem: <ADDRESS>"),
        ("Deliver to 27 Rizal St., Brgy. Poblacion, Tagum City 8100 today", "Deliver to <ADDRESS> today"),
        ("Livrer au 14 rue Ibn Batouta, appt 7, Rabat 10000", "Livrer au <ADDRESS>"),
        ("адрес: Москва, Тверская улица 12, кв 48", "адрес: <ADDRESS>"),
        ("Post it to 11 Warrender Park Road, 3F2, Edinburgh EH9 1EG", "Post it to <ADDRESS>"),
        ("Alamat: No. 8, Jalan Mawar 3, 81200 Johor Bahru, Johor Darul Ta'zim", "Alamat: <ADDRESS>"),
    ],
)
def test_the_parts_after_the_street_go_with_it(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Mail goes to RR 4, Site 12, Comp 3, Didsbury, AB T0M 0W0 now", "Mail goes to <ADDRESS> now"),
        ("Rural Route 1, Box 48, Emporia, KS 66801 is the farm", "<ADDRESS> is the farm"),
        ("Block 12, Lot 5, Phase 2, Lancaster New City, Imus, Cavite 4103", "<ADDRESS>"),
        ("Lot 318, Kampung Sungai Penchala Lama, 60000 Kuala Lumpur", "<ADDRESS>"),
        ("Kedai kami: Lot 9, Jalan Pasar, 41000 Klang, Selangor Darul Ehsan", "Kedai kami: <ADDRESS>"),
        ("R.R. 2, Site 6, Comp 11, Lacombe, AB T4L 2N2", "<ADDRESS>"),
        ("pls send to 48 e. 23rd street apt 5c, new york ny 10010 thanks", "pls send to <ADDRESS> thanks"),
        ("send to blk 108 bishan st 12 #04-221 s570108 ok", "send to <ADDRESS> ok"),
        ("Ms Price\n9 Heol y Nant\nSwansea\nSA2 0EF", "Ms <PERSON>\n<ADDRESS>"),
        ("पता: मकान नं. 112, गली नं. 9, करोल बाग, नई दिल्ली 110005", "पता: <ADDRESS>"),
    ],
)
def test_whole_addresses_are_found(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "Block 4 of the syllabus is the hardest.",
        "Lot 17 sold at the auction for $2,500.",
        "Phase 2 trial enrolled 340 patients.",
        "See Section 3 of the form, item 2.",
        "Room 402 is booked until 3 pm.",
        "Site 12 is down, RR 3 team is on it.",
        "Run a 2nd Cross-check before release 4.1.",
        "Phase 2, Block 3 and Step 4 of the rollout.",
        "RR 2, Site 9 and Comp 14 are the test rigs.",
        "Use appt 12 in the form.",
        "मकान नं. 27 की कीमत 5 लाख है",
        "The blk 12 sector has 3 errors.",
    ],
)
def test_near_misses_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


def test_a_persons_name_between_the_flat_and_the_street_stays_a_name() -> None:
    redacted = Redactor("patterns+ner").redact("Room 9, Maria Lopez, 40 Elm Street, Leeds LS6 2AB").text
    assert redacted == "<ADDRESS>, <PERSON>, <ADDRESS>"


@pytest.mark.parametrize(
    "sentence",
    ["Plot 4, 12000 Euros were spent.", "Flat 3, Rental, 10000 Euros total.", "House 3, Season 2, 12000 Viewers"],
)
def test_a_number_before_an_everyday_word_is_no_postcode(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence
