"""Addresses found whole where their town ends a question, an exclamation or a clause, and of more shapes: a floor
between a street with no street word and its postcode, an Irish or British street with no number before its lettered
postcode, Malaysian areas and states, lower-case British postcodes after a cue, Maghreb streets, Chilean streets with
a flat and no postcode, Ethiopian sub-cities before the woreda."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # Iceland's three-digit postcode and town before every end of a clause.
        (
            "Please mail the keys to Skólavörðustígur 8, 101 Reykjavík! Thanks",
            "Please mail the keys to <ADDRESS>! Thanks",
        ),
        (
            "Is the parcel going to Bankastræti 5, 101 Reykjavík? It says so.",
            "Is the parcel going to <ADDRESS>? It says so.",
        ),
        ("The gallery (Hverfisgata 40, 101 Reykjavík) opens at ten.", "The gallery (<ADDRESS>) opens at ten."),
        ("Office: Bankastræti 5, 101 Reykjavík; call first", "Office: <ADDRESS>; call first"),
        ("Our shop is Bankastræti 5, 101 Reykjavík — open daily", "Our shop is <ADDRESS> — open daily"),
        ("Bankastræti 5, 101 Reykjavík\nSee you there", "<ADDRESS>\nSee you there"),
        (
            "Send it to Hverfisgata 40, 101 Reykjavík and we will pay on arrival.",
            "Send it to <ADDRESS> and we will pay on arrival.",
        ),
        # A floor between a street with no street word and a Greek postcode written with a space.
        (
            "Courier left it at Patision 120, 2nd floor, 112 57 Athens by mistake.",
            "Courier left it at <ADDRESS> by mistake.",
        ),
        # Ireland and Britain: a flat, a building's name, a street with no number, the district and the postcode.
        ("Flat 4, The Granary, Mill Lane, Ranelagh, Dublin 6, D06 K2P3", "<ADDRESS>"),
        (
            "Billing details below:\nUnit 3, Harbour Court, Quay Street, Galway, H91 X2Y7\nCheers",
            "Billing details below:\n<ADDRESS>\nCheers",
        ),
        ("They moved to Church Road, Hove BN3 2FL last spring.", "They moved to <ADDRESS> last spring."),
        # Malaysia: an industrial area or a housing estate by its word, the postcode and town, the state.
        ("Lot 5, Jalan Perusahaan 2, Kawasan Perindustrian Prai, 13600 Perai, Penang", "<ADDRESS>"),
        ("No. 7, Jalan Mawar 3, Taman Sri Muda, 40400 Shah Alam, Selangor", "<ADDRESS>"),
        # A British postcode in lower case ends the address after a cue, its street's words English ones or not.
        ("my address is 7 chy an dour, hayle tr27 4ab, just in case", "my address is <ADDRESS>, just in case"),
        ("send to 22 bryn gwyn, llanberis ll55 4ab, cheap postage please", "send to <ADDRESS>, cheap postage please"),
        # The Maghreb's street words in Latin letters.
        ("Guesthouse directions: Derb Moulay Abdellah 9, Kasbah, Marrakech 40000", "Guesthouse directions: <ADDRESS>"),
        ("Meet me at Zankat Ibn Batouta 14, Tangier.", "Meet me at <ADDRESS>."),
        # Chile: a street with no street word, its flat or office, the comuna and the town.
        ("Pedro de Valdivia 2150, dpto 84, Ñuñoa, Santiago.", "<ADDRESS>."),
        ("Isidora Goyenechea 3000, of. 1201, Las Condes, Santiago — ask at the desk", "<ADDRESS> — ask at the desk"),
        # Ethiopia: the sub-city before the woreda or kebele.
        (
            "Yeka Sub-City, Woreda 08, House No. 512, Addis Ababa — next to the church",
            "<ADDRESS> — next to the church",
        ),
        ("Kirkos Subcity, Kebele 02, House No. 44, Addis Ababa!", "<ADDRESS>!"),
    ],
)
def test_the_whole_address_goes(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "Chapter 4, 2nd edition, 105 pages",
        "Level 3, 200 points?",
        "Room 12, 3 guests!",
        "Windows 11, 2024 Update?",
        "Version 3, 2nd floor plan, 100 Things to do",
        "Order 55821, 3rd floor, 105 63 items — shipped",
        "Prices: 12 Euro, 300 Dollars; dates 2021-2023!",
        "Python 3, Suite 5, Ubuntu 22 — works fine",
        "Release 2.4, 3rd floor demo, Monday.",
        "Halo 3, 2nd Floor, Seattle",
        "Item 4, apt 3, Paris!",
        "Team 7, depto 3, Marketing, Sales — done",
        "Section 5, Floor 2, Providencia, Santiago — meeting room",
        "I scored 101 Points and 300 Reykjavík fans cheered?",
        "Flight 204, 3rd floor lounge, 101 Gates!",
        "The Beatles, Abbey Road, London 1969",
        "My favourite Kawasan Perindustrian is 3 km away.",
    ],
)
def test_clean_text_stays(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


def test_a_count_after_a_street_before_a_question_is_no_postcode() -> None:
    assert Redactor("patterns+ner").redact("Was it 12 Elm Street, 200 Guests? Yes.").text == (
        "Was it <ADDRESS>, 200 Guests? Yes."
    )
