"""The parts of an address the street's detectors leave around it: a Korean flat's building ("dong") before the
road, a room and its building on the lines above a Japanese block, an East African post office box followed by its
building and floor, Iran's town and squares before the street and the house's "No." after it, Brazil's "casa" after
the number, Bengaluru's door number after "No.", the floor written after the postcode and town (Czech, Slovak,
Polish, Taiwanese), Saudi Arabia's additional number, a form's labelled lines ("City:", "ZIP:", "Postcode:") and an
Ethiopian sub-city before its woreda."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # A Korean flat's building (dong) before the road.
        ("Deliver to Apt 903, 207-dong, 88 Olympic-ro, Songpa-gu, Seoul 05551 please", "Deliver to <ADDRESS> please"),
        (
            "My sister lives at 1502-ho, 104-dong, 31 Gwangnaru-ro, Seongdong-gu, Seoul.",
            "My sister lives at <ADDRESS>.",
        ),
        # A room and its building on the line above a Japanese block, the ward on the line after the district.
        (
            "Send it to:\nRoom 201, Maple Mansion\n2-14-7 Kita-Aoyama\nMinato-ku, Tokyo 107-0061",
            "Send it to:\n<ADDRESS>",
        ),
        (
            "Room 5, Green Heights\n1-3-9 Higashi-Ikebukuro\nToshima-ku, Tokyo 170-0013",
            "<ADDRESS>\n<ADDRESS>",
        ),
        # A Saudi national address's additional number.
        (
            "My national address is Building 3318, Prince Sultan Street, Al Rawdah, Jeddah 23435, additional no. 7720.",
            "My national address is <ADDRESS>.",
        ),
        # A post office box, then the building and its floor.
        (
            "Please mail the forms to P.O. Box 7788-00200, Uchumi House, 3rd floor, Aga Khan Walk, Nairobi.",
            "Please mail the forms to <ADDRESS>.",
        ),
        # Iran: the town and squares, the street, the house's "No.", the unit and a postcode of ten digits.
        ("Mashhad, Shohada Sq., Imam Reza St., No. 9, Unit 4", "<ADDRESS>"),
        ("Shiraz, Zand Blvd., No. 240, postal code 7134845794", "Shiraz, <ADDRESS>"),
        # Brazil's house on a shared plot after the number.
        (
            "Moro na Rua das Palmeiras, 412, casa 3, Boa Viagem, Recife - PE, 51020-170.",
            "Moro na <ADDRESS>.",
        ),
        (
            "Fica na Rua Sergipe, 77, casa 1, Savassi, Belo Horizonte - MG, 30130-170, perto da praça.",
            "Fica na <ADDRESS>, perto da praça.",
        ),
        # A door's number after "No.", as Bengaluru writes it.
        (
            "Parcel for the flat at No. 47, 5th Main, Jayanagar, Bengaluru 560041.",
            "Parcel for the flat at <ADDRESS>.",
        ),
        # The floor after the postcode and town.
        ("Adresa: Korunní 810/104, 101 00 Praha 10, 4. patro", "Adresa: <ADDRESS>"),
        ("Štefánikova 12, 811 05 Bratislava, 2. poschodie", "<ADDRESS>"),
        ("ul. Długa 5, 00-238 Warszawa, 3. piętro", "<ADDRESS>"),
        (
            "Ship to No. 18, Ln. 60, Sec. 2, Minsheng E. Rd., Zhongshan Dist., Taipei City 104, 9F.",
            "Ship to <ADDRESS>.",
        ),
        ("No. 33, Zhongzheng Rd., West Dist., Taichung City 403, 12F", "<ADDRESS>"),
        # A form's labelled lines after its street's line; the country's line stays.
        (
            "Street: 4410 Larkspur Ave, Apt 7\nCity: Tucson\nState: AZ\nZIP: 85712\nCountry: USA",
            "Street: <ADDRESS>\nCountry: USA",
        ),
        ("Address line 1: 22 Orchard Lane\nCity: Dayton\nState: OH\nZIP code: 45402", "Address line 1: <ADDRESS>"),
        ("Line 1: 7 Heather Close\nLine 2: Flat B\nTown: Norwich\nPostcode: NR2 4TJ", "Line 1: <ADDRESS>"),
        # An Ethiopian sub-city, its woreda and the house.
        (
            "The clinic is at Kirkos Sub-city, Woreda 02, House No. 415, Addis Ababa.",
            "The clinic is at <ADDRESS>.",
        ),
        ("Take her to Yeka Sub-City, Woreda 11, House No. 2209 tonight.", "Take her to <ADDRESS> tonight."),
        # Guards: a person's name after the street stays the name detectors', and an everyday word before the
        # streets stays the sentence's.
        ("Drop it at 12 Elm St, Tom Hall, my neighbour, will sign.", "Drop it at <ADDRESS>, my neighbour, will sign."),
        ("Name: Ama Owusu\nCity: Kumasi\nPhone: call me", "Name: <PERSON>\nCity: Kumasi\nPhone: call me"),
        ("Street: 9 Birch Road\nName: Kofi Mensah", "Street: <ADDRESS>\nName: <PERSON>"),
        ("Yesterday, Main St., 14 Oak Road was closed.", "Yesterday, Main St., <ADDRESS> was closed."),
        ("Thanks, 12 Elm Street is fine.", "Thanks, <ADDRESS> is fine."),
        # An address a cue announces stays whole, the streets' detector finding it first.
        (
            "Ship to Isfahan, Naqsh-e Jahan Sq., Hafez St., No. 18, Unit 2, postal code 8143614511.",
            "Ship to <ADDRESS>.",
        ),
    ],
)
def test_the_address_is_redacted_whole(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        # Numbers near the same words in clean text.
        "He finished No. 3, Federer No. 4, in the rankings.",
        "The additional no. 2 pencil is in the drawer.",
        "Our team meets in Building 4, additional number 12 is pending.",
        "Line 2: add a comma after the date",
        "City: Lagos is big and Town: Ibadan is smaller.",
        "The postal code field accepts 5 digits.",
        "Sub-city councils met in Woreda 5 and Woreda 6.",
        "Bole Sub-city, Woreda 03 has new clinics.",
        "We bought casa 2 of the new development, Centro is nice.",
        "My score was 3-8 on Monday, 2-14-7 last week.",
        "In 1998, 4F students in Room 12, Block C, went home.",
    ],
)
def test_clean_sentences_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence
