"""Addresses of shapes the street detectors did not read whole: Ethiopian kebeles and woredas, an Irish Eircode after
the Dublin district, German streets with the number first, Edinburgh tenement flats, streets with no street word
before a short postcode and a town, offices by their floor and area, Hungarian floors in Roman numerals, Thai sois,
Korean buildings and floors, Nepali wards and Argentine doors and postcodes."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # Ethiopia: the numbered kebele or woreda, the house, the sub-city and the town.
        ("Woreda 05, Kebele 11, House No. 872, Kolfe Sub-City, Addis Ababa", "<ADDRESS>"),
        ("Send the form to Kebele 14, House No. 309, Arada Sub-City, Addis Ababa.", "Send the form to <ADDRESS>."),
        # Ireland: the Eircode after the Dublin district, a word of the sentence after it.
        (
            "Our new flat is Apartment 8, 40 Leinster Road, Rathmines, Dublin 6, D06 K2P3 so update it",
            "Our new flat is <ADDRESS> so update it",
        ),
        # A German street with the number first: after two words joined by hyphens, or with a postcode and town.
        ("We moved from 7 Hohenzollern-Ring, 50672 Köln last year.", "We moved from <ADDRESS> last year."),
        ("Visit us at 4 Konrad-Adenauer-Allee.", "Visit us at <ADDRESS>."),
        ("Send it to 12 Hauptstraße, 10115 Berlin today.", "Send it to <ADDRESS> today."),
        # Edinburgh's tenement flats before the street.
        ("Post: 3F2, 41 Warrender Park Road, Edinburgh EH9 1EU", "Post: <ADDRESS>"),
        ("PF1, 7 Comely Bank Avenue, Edinburgh EH4 1EW", "<ADDRESS>"),
        # A street with no street word, a short postcode and a town after it.
        ("Landlord's flat: Hverfisgata 12, 101 Reykjavík", "Landlord's flat: <ADDRESS>"),
        ("Hostel for the trip is Bievvat 3, 9520 Kautokeino", "Hostel for the trip is <ADDRESS>"),
        ("The cabin: Sjávargata 4, 600 Akureyri.", "The cabin: <ADDRESS>."),
        # An office by its unit, floor, area and street, the town's postcode before more of the sentence.
        (
            "Head office moved to Office 7, 3rd Floor, Blue Area, Fazal-ul-Haq Road, Islamabad 44000 this spring.",
            "Head office moved to <ADDRESS> this spring.",
        ),
        (
            "Our shop: Shop 12, Model Town, Ferozepur Road, Lahore 54700 as of May.",
            "Our shop: <ADDRESS> as of May.",
        ),
        # Hungary: the floor in Roman numerals and the door, the postcode after them.
        ("Lakcím: Budapest, Király utca 12. III. em. 4., 1061", "Lakcím: Budapest, <ADDRESS>"),
        # Thailand: the soi's word before its name, the house number with a slash or without one.
        (
            "The condo is 45/67 Soi Sukhumvit 24, Khlong Tan, Khlong Toei, Bangkok 10110.",
            "The condo is <ADDRESS>.",
        ),
        ("Deliver to 12 Soi Ratchadaphisek 36, Chatuchak, Bangkok 10900 tomorrow", "Deliver to <ADDRESS> tomorrow"),
        # Korea: the building's name and floor after the road address.
        ("부산광역시 해운대구 센텀중앙로 79, 센텀사이언스파크 5층 입니다", "<ADDRESS> 입니다"),
        # Nepal: the ward after the street.
        ("Ship to: House 9, Jhochhen Marg, Ward No. 20, Kathmandu 44600, Nepal", "Ship to: <ADDRESS>"),
        # Argentina: the floor and door ("Piso 3 Dto. B") and the CPA postcode.
        ("Domicilio: Av. Santa Fe 2200, Piso 3 Dto. B, C1123AAN CABA", "Domicilio: <ADDRESS>"),
    ],
)
def test_the_whole_address_goes(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


def test_a_count_after_a_street_is_no_postcode() -> None:
    assert Redactor("patterns+ner").redact("We stayed at 12 Elm Street, 200 Guests.").text == (
        "We stayed at <ADDRESS>, 200 Guests."
    )


def test_a_word_of_the_sentence_before_a_korean_floor_is_no_building() -> None:
    assert Redactor("patterns+ner").redact("서울 강남구 테헤란로 152 에서 3층 회의실").text == (
        "서울 <ADDRESS> 에서 3층 회의실"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Windows 11, 2024 Update",
        "Section 4, 2023 Report",
        "Room 12, 3 people",
        "Room 12, 300 Guests",
        "Python 3.12, 2 cores",
        "Table 5, 1998 Census",
        "Level 3, 200 points",
        "Chapter 7, 1999 Edition",
        "Release 4, 2025 Roadmap",
        "Office 4, 2nd Floor was cold today.",
        "The 2nd Floor, Blue Area of the museum.",
        "Top 3 Spring, 2024 Edition",
        "I have 2 Multi-Ring binders.",
        "Ward 5, Bed 12 was moved to Room 3.",
        "Versions 2.1.4 to 2.3.0, 2019-2021, cost $1,299.",
        "Order 4471, 12 items, shipped 3-5 June.",
        "The kebele 3 survey ran in 2019, Woreda 5 in 2020.",
    ],
)
def test_clean_sentences_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence
