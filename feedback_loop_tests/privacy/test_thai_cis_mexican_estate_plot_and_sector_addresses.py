"""Street addresses of more shapes: Thai roads and lanes in Latin letters ("Thanon", "Soi"), Russian and CIS
buildings, structures and offices after the street ("korpus 2", "str. 3", "office 9"), Mexican colonias and
"C.P." postcodes, British units on industrial estates and business parks, Ugandan and Ghanaian plots and Ghana's
digital addresses, and Islamabad's sectors; and the near misses that stay as they are."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # Thai roads and lanes by their words, the number first.
        ("The hostel is 23/8 Soi Kasemsan 1, Thanon Rama I, Pathum Wan, Bangkok 10330.", "The hostel is <ADDRESS>."),
        ("Our café sits at 61 Thanon Tha Phae, Chang Khlan, Chiang Mai 50100.", "Our café sits at <ADDRESS>."),
        ("Pick-up point: 5 Thnon Naresuan, Mueang, Phitsanulok 65000", "Pick-up point: <ADDRESS>"),
        (
            "Find us at 14 Soi Ekkamai 12, Thanon Sukhumvit 63, Watthana, Bangkok 10110 from May.",
            "Find us at <ADDRESS> from May.",
        ),
        ("I stay at 42/1 Moo 6, Thanon Thepkrasattri, Thalang, Phuket 83110.", "I stay at <ADDRESS>."),
        # Russian and CIS buildings, structures, flats and offices after the street.
        ("The notary is on ul. Myasnitskaya 13, str. 3, office 9, Moscow 101000.", "The notary is on <ADDRESS>."),
        ("Courier: Kutuzovsky prospekt 26, korpus 2, kv. 41, Moscow 121165", "Courier: <ADDRESS>"),
        ("Branch: ul. Dostyk 38, office 410, Almaty 050010", "Branch: <ADDRESS>"),
        ("Our desk is at ul. Gogolya 15, korp. 1, office 3, Novosibirsk 630005.", "Our desk is at <ADDRESS>."),
        # Mexican colonias and the postcode after "C.P.".
        ("Visit Calle Tonalá 118, Col. Roma Sur, C.P. 06760, Ciudad de México.", "Visit <ADDRESS>."),
        ("The studio is at Av. Juárez 975, Col. Americana, C.P. 44160.", "The studio is at <ADDRESS>."),
        ("Warehouse: Calle 20 de Noviembre 14, Col. Centro, C.P. 91700, Veracruz", "Warehouse: <ADDRESS>"),
        # British units on industrial estates and business parks.
        ("Collections from Unit 9, Westfield Industrial Estate, Horndean PO8 9JX.", "Collections from <ADDRESS>."),
        ("The lab moved: Unit 21 Cobalt Business Park, Newcastle NE28 9NZ.", "The lab moved: <ADDRESS>."),
        ("Unit 3, Tannery Trading Estate, Kendal LA9 6HB is our warehouse.", "<ADDRESS> is our warehouse."),
        ("Samples go to Unit 15, Barnwood Enterprise Centre, Gloucester GL4 3HX.", "Samples go to <ADDRESS>."),
        # Ugandan and Ghanaian plots, and Ghana's digital addresses.
        ("The depot is on Plot 56, Jinja Road, Kampala.", "The depot is on <ADDRESS>."),
        ("Office: Plot 17, Kampala Road, Kampala", "Office: <ADDRESS>"),
        ("They moved to Plot 29, Dansoman Estates, Accra.", "They moved to <ADDRESS>."),
        ("Plot 61, Kwabenya Estates, Accra\nTel. below", "<ADDRESS>\nTel. below"),
        ("Her GPS address is GE-231-0456, thanks.", "Her GPS address is <ADDRESS>, thanks."),
        ("The school is at Plot 4, Tesano, Accra (GA-058-2214).", "The school is at <ADDRESS>."),
        # Islamabad's sectors and sub-sectors, on one line or over two.
        ("House 71, Street 9\nE-7/3, Islamabad", "<ADDRESS>"),
        ("Plot 33-D, Sector I-10/1, Islamabad", "<ADDRESS>"),
        ("The clinic is Plot 8-A, Sector G-11/2, Islamabad since June.", "The clinic is <ADDRESS> since June."),
        ("Please visit Office 12, Plot 40, F-10 Markaz, Islamabad.", "Please visit <ADDRESS>."),
        ("House 15, Street 4, Sector F-6/3, Islamabad", "<ADDRESS>"),
    ],
)
def test_the_address_is_redacted(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "Upgrade from 3.11.4 to 3.12.1 before Friday.",
        "Unit 6 of the course is about graphs.",
        "Block 3 of the exam covers probability.",
        "Sector 9 in the game unlocks a new ship.",
        "Plot 4 of the novel is the weakest.",
        "Plot 14, Block 9 of the experiment failed.",
        "Flight TG 661 and flight PK 785 were delayed.",
        "The part GA-183-8164 replaced part GE-201-3344 in v2.",
        "We shipped GA-183-8164 units to the warehouse.",
        "Korpus 2 of the dataset is larger than korpus 1.",
        "Thanon and Soi are the Thai words for road and lane.",
        "Table 5, Col. 3 shows the totals.",
        "See F-7/2 on the chart, and I-9/3 in the appendix.",
        "Street 5, F-7/2 is my favourite tab.",
        "The F-16/2 variant and the I-95 corridor are in Sector 7.",
        "Unit 4, Riverside Park is a film from 1998.",
        "Read Unit 3, Science Park Design, Module 2.",
        "I moved to Chapter 3, Part Two, Conclusion.",
        "We shipped Lot 12, Batch Seven, Germany.",
        "Version 2, building 3 passes, office 5 fails.",
        "Il faut prendre soin de soi 3 fois par jour.",
    ],
)
def test_the_near_miss_stays(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence
