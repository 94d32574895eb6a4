"""Addresses found whole of more shapes: a district's number and an Eircode on the lines after the street, a town alone
ending a letter's address block, a building named by its word after the street, boxes by a short word before the town
and its postcode, Swedish, Turkish and Egyptian street words, Malaysian section roads, Vietnamese lanes and streets,
numbered Gulf areas and warehouses, market kiosks off a road; a name ending as a street's suffix on the line above a
street is no street."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # Ireland: the district's number and the Eircode each on a line of their own.
        (
            "Please post it to:\n\n4 Merrion Square\nDublin 2\nD02 KH59\n\nMany thanks",
            "Please post it to:\n\n<ADDRESS>\n\nMany thanks",
        ),
        ("8 Leeson Street\nDublin 4\nD04 W2K7", "<ADDRESS>"),
        # A building by its word and its name after the street, a floor, the town alone on the last line.
        (
            "Ship the samples here:\n\n40 Rue Verdun, Bldg. Al Amal, 5th floor\nTripoli\n\nKind regards",
            "Ship the samples here:\n\n<ADDRESS>\n\nKind regards",
        ),
        (
            "Our office:\n9 Avenue Habib Bourguiba, Immeuble Ennour\nSfax\n\nSee you",
            "Our office:\n<ADDRESS>\n\nSee you",
        ),
        # Boxes by a short word before the town and its postcode.
        ("Mailing: Box 88, Kautokeino 9520, Norway. Thanks!", "Mailing: <ADDRESS>. Thanks!"),
        ("The envelope reads:\n\nPL 12\n33101 Tampere", "The envelope reads:\n\n<ADDRESS>"),
        ("Postadresse: PB 410, 0103 Oslo", "Postadresse: <ADDRESS>"),
        # Swedish streets by their suffixes, the postcode of three digits and two.
        ("Drop the key at 7 Järntorget, 413 04 Göteborg before noon.", "Drop the key at <ADDRESS> before noon."),
        ("We moved to 15 Storgatan, 111 51 Stockholm last year.", "We moved to <ADDRESS> last year."),
        ("It is 3 Prästgatan, 111 29 Stockholm, second door.", "It is <ADDRESS>, second door."),
        # Turkish street words after the name, the house's number first.
        ("The sender wrote 118 Atatürk Caddesi, Konak, 35250 İzmir.", "The sender wrote <ADDRESS>."),
        ("The café is at 9 Kıbrıs Şehitleri Sokak, Alsancak, İzmir.", "The café is at <ADDRESS>."),
        # Malaysian roads named by a section's code.
        (
            "Pick it up from No. 3, Jalan PJU 1A/20, 47301 Petaling Jaya, Selangor today",
            "Pick it up from <ADDRESS> today",
        ),
        (
            "The shop is at 21, Jalan USJ9/5, Subang Jaya, and opens at nine.",
            "The shop is at <ADDRESS>, and opens at nine.",
        ),
        # Egypt: "Sharia" before the street's name.
        ("Our clinic: 7 Sharia Qasr El Nil, Garden City, Cairo 11519", "Our clinic: <ADDRESS>"),
        ("Meet us at 22 Sharia Mohamed Mahmoud, Bab El Louk.", "Meet us at <ADDRESS>."),
        # Vietnamese: the house, its lanes, the street's word and the places after commas.
        (
            "Giao hàng tới số 5 ngách 8 ngõ 12 phố Hàng Bạc, Hoàn Kiếm, Hà Nội giúp mình",
            "Giao hàng tới <ADDRESS> giúp mình",
        ),
        ("Địa điểm: 88 đường Lê Lợi, phường Bến Nghé, quận 1, TP. Hồ Chí Minh.", "Địa điểm: <ADDRESS>."),
        ("Nhà mình ở 27 hẻm 102 Nguyễn Trãi, Quận 5 nha", "Nhà mình ở <ADDRESS> nha"),
        # The Gulf: a numbered industrial area, a street, a warehouse.
        ("Collect it from Ras Al Khor Industrial Area 2, Street 14, Warehouse 9, Dubai.", "Collect it from <ADDRESS>."),
        # Ghana and Nigeria: a kiosk or stall of a market, off a road.
        (
            "Find me at Stall 22, Kejetia Market, off Guggisberg Avenue, Kumasi — ask for the blue tent",
            "Find me at <ADDRESS> — ask for the blue tent",
        ),
    ],
)
def test_the_whole_address_goes(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "Box 3, 2024 results are in the appendix.",
        "PL 56 is the course code for linear algebra.",
        "Street 6 of the game has the hidden coin.",
        "Industrial Area 3 is closed for the holiday.",
        "Kiosk 7, 3 people waiting in the queue.",
        "Warehouse 14 holds 300 pallets of rice.",
        "Stall 2, 5 minutes from the entrance.",
        "Box 12, 4 apples, 2 pears.",
        "Upgrade to version 2.4, 3rd floor demo on Monday.",
        "Order 55821 ships between 12-14 March for $4.99.",
        "See section 4.2, page 17 of the manual.",
        "There are 85 Sharia Councils, Britain.",
        "Sprint 12 ended.\nThanks\n\nSee you",
        "Released on 2024 Edition 3, Storgatan mentioned twice",
        "Model SS2/24 sold 300 units in 2023.",
    ],
)
def test_clean_text_stays(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


def test_a_sign_off_on_the_line_after_an_address_stays() -> None:
    assert Redactor("patterns+ner").redact("Deliver to 12 Baker Street\nCheers\n\nSee you soon").text == (
        "Deliver to <ADDRESS>\nCheers\n\nSee you soon"
    )


def test_a_name_ending_as_a_street_suffix_on_the_line_above_a_street_is_no_street() -> None:
    # "Westgate" ends as the Norwegian "gate" does, but only a house number on its line makes a street of it.
    lines = Redactor("patterns+ner").redact("Label:\n\nSam Westgate\n22 Fenton Street\nRotorua 3010\nNew Zealand").text
    assert lines.split("\n")[-1] == "<ADDRESS>"
    assert "ADDRESS" not in lines.split("\n")[-2]


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # A day on the line after an address in a sentence, a sign-off after one opening its line.
        ("Meet at 5 Elm Street\nMonday\n\nSee you", "Meet at <ADDRESS>\nMonday\n\nSee you"),
        ("Header:\n5 Elm Street, 2nd floor\nFriday\n\nSee you", "Header:\n<ADDRESS>\nFriday\n\nSee you"),
    ],
)
def test_a_word_alone_after_an_address_is_a_town_only_where_it_could_be(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted
