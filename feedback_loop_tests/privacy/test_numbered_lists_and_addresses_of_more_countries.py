"""Numbered lists are no addresses: an English word ending as a street's suffix does ("-ring", "-gate") before the
next item's number or a count; and addresses of more countries found whole."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    "text",
    [
        # The next item's number on the line after a word ending in "ring".
        "Podcast names:\n1. Glimmering\n2. Echoes of Dawn\n3. Simmering\n4. Quiet Hours",
        "Electives:\n\n6. Bouldering\n\n7. Pottery\n\n8. Tutoring",
        "Phases:\n1) Scoping\n2) Tiering\n3) Monitoring\n4) Reporting",
        "Step 2 Gathering\nStep 3 Filtering\nStep 4 Mentoring",
        # The items on one line, and gerunds before a count or a course's number.
        "Weekly plan: 1. Mentoring 2. Tutoring 3. Review",
        "She passed Engineering 201 and Orienteering 3 with honours.",
        "Our squads: Layering 4, Catering 5, Tiering 6.",
        # An English word before "gate" names a film or a scandal.
        "We watched Stargate 2 after the Watergate 3 documentary.",
    ],
)
def test_numbered_lists_and_gerunds_are_no_addresses(text: str) -> None:
    assert "<ADDRESS>" not in Redactor("patterns+ner").redact(text).text


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # German ring roads, their word before "ring" ending in a consonant, and Norwegian streets by "gate".
        ("Bitte an Nordring 17, 90409 Nürnberg schicken.", "Bitte an <ADDRESS> schicken."),
        ("The tenant lives at Südring 4, Kiel.", "The tenant lives at <ADDRESS>."),
        ("Levér den til Kirkegate 9, Oslo.", "Levér den til <ADDRESS>."),
    ],
)
def test_suffixed_streets_stay_addresses(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # Romania: the flat before the street, the house's number after the street's name ("nr."), the sector.
        (
            "Please courier it to Ap. 12, Str. Avram Iancu nr. 5, sector 3, 030167 București, thanks.",
            "Please courier it to <ADDRESS>, thanks.",
        ),
        ("Ap. 2, Bd. Unirii nr. 40, sector 4, 040101 București", "<ADDRESS>"),
        # Greece: the house's number first, a street of names with no street word, the town and a spaced postcode.
        ("My sister moved to 18 Agias Sofias, Thessaloniki 546 22 in May.", "My sister moved to <ADDRESS> in May."),
        ("Parcel for 9 Apostolou Pavlou, Athens 118 51, please.", "Parcel for <ADDRESS>, please."),
        # Indonesia: the house and the lane before the road.
        (
            "Courier drop-off: No. 14, Lane 2, Jl. Melati Raya, Jakarta Barat 11530 after lunch.",
            "Courier drop-off: <ADDRESS> after lunch.",
        ),
        # Thailand: the soi's number after the road's name, the house's number with no slash.
        (
            "The invoice now shows 88 Ratchadaphisek Soi 7, Din Daeng, Bangkok 10400.",
            "The invoice now shows <ADDRESS>.",
        ),
        # Russia in Latin letters: "ul." and a street named by its ordinal.
        (
            "How far is the airport from ul. 3-ya Parkovaya 14, Moscow 105037 by taxi?",
            "How far is the airport from <ADDRESS> by taxi?",
        ),
    ],
)
def test_addresses_of_more_countries_are_found_whole(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "text",
    [
        "Ap. 4 of the style guide covers Str. 2 of the form.",
        "Lane 3 is closed and the No. 8 bus is late.",
        "The No. 5, Lane 2 and Lane 6 swimmers qualified.",
        "We sold 4 Golden Tickets, Paris 123 45 in total.",
        "Soi 11 is lively at night and Sukhumvit Soi 38 has great street food.",
        "Sector 2 grew 4% while version 2.4 shipped on 12 May.",
    ],
)
def test_parts_of_those_addresses_alone_are_none(text: str) -> None:
    assert "<ADDRESS>" not in Redactor("patterns+ner").redact(text).text
