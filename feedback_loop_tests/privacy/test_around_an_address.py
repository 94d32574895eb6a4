"""The flat before a street and the postcode after a town (the fourteenth round)."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Deliver to Flat 12, 9 Mercer Street, Bristol please.", "Deliver to <ADDRESS> please."),
        ("Ship to Unit 7C, 41 Albert Road, Cardiff.", "Ship to <ADDRESS>."),
        ("Send it to 3 Merrion Square, Dublin 2, D02 XY45.", "Send it to <ADDRESS>."),
        ("Entrega em Rua Oscar Freire 900, apto 12, Sao Paulo - SP, 01426-001.", "Entrega em <ADDRESS>."),
        ("Ship to Av. Santa Fe 1860, C1123 Buenos Aires today.", "Ship to <ADDRESS> today."),
    ],
)
def test_the_unit_and_postcode_around_an_address_go_with_it(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    ["Flat 4 of the plan, 3 units, 12 rooms.", "Unit 5B tests pass; 12345 rows loaded."],
)
def test_units_and_numbers_with_no_address_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Our depot: Gewerbestr. 5, Halle 2, D-79100 Freiburg", "Our depot: <ADDRESS>"),
        ("Address: C/ Valencia 120, 3-2, 08011 Barcelona", "Address: <ADDRESS>"),
        ("address: Kungsgatan 12 lgh 1203, 111 35 Stockholm", "address: <ADDRESS>"),
        ("enviar a Av. Apoquindo 3000, of. 804, Las Condes, Santiago.", "enviar a <ADDRESS>."),
        ("address: bul. Bulgaria 10, et. 4, Sofia 1404", "address: <ADDRESS>"),
        ("Deliver to 3 Bree Street, Cape Town City Centre, Cape Town, 8001.", "Deliver to <ADDRESS>."),
        ("Kirim ke Jl. Thamrin No. 10, RT 02/RW 07, Menteng, Jakarta Pusat 10310.", "Kirim ke <ADDRESS>."),
        ("ship to Carrer de Pujades 77, 4a planta, 08005 Barcelona", "ship to <ADDRESS>"),
        ("Levering: Dorpsstraat 12 B, 3511 LK Utrecht, side door", "Levering: <ADDRESS>, side door"),
        ("Send it to 50 Collins St Hobart Tasmania 7000 please", "Send it to <ADDRESS> please"),
        ("Ship to 41 Lakeview Dr, Suite 5\nDenver, CO 80202\nUSA", "Ship to <ADDRESS>"),
        ("Ship to Lindenstr. 14\n10115 Berlin\nDeutschland", "Ship to <ADDRESS>"),
        ("Ship to 7 Elm Grove, Suite 2\nLeeds\nLS6 2AB", "Ship to <ADDRESS>"),
        ("Post it to Via Dante 8\n20121 Milano (MI)\nItalia", "Post it to <ADDRESS>"),
        ("Post it to Lindenstr. 14\n10115 Berlin\nThanks a lot", "Post it to <ADDRESS>\nThanks a lot"),
    ],
)
def test_the_flat_and_the_place_lines_after_a_street_go_with_it(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Address: Level 12, 200 George St, Sydney NSW 2000", "Address: <ADDRESS>"),
        ("Deliver at 3rd floor, 22/B Camac Street, Kolkata 700017", "Deliver at <ADDRESS>"),
        ("Ship to Room 805, Building 2, No. 16 Xueyuan Road, Haidian District, Beijing 100083.", "Ship to <ADDRESS>."),
        ("Send to Flat D, 9/F, Pacific Tower, 12 Hennessy Road, Wan Chai", "Send to <ADDRESS>"),
        ("adresse : appartement 5, 12 rue des Lilas, 69003 Lyon", "adresse : <ADDRESS>"),
        ("ADDRESS: FLAT 3 ROSE COURT 12 CHURCH ROAD LEEDS LS2 7AB", "ADDRESS: <ADDRESS>"),
        ("address: 1101-ho, 22 Teheran-ro, Gangnam-gu, Seoul", "address: <ADDRESS>"),
        ("Physical address: Erf 552, 9 Disa Close, Stellenbosch, 7600", "Physical address: <ADDRESS>"),
        ("Ship to Résidence Le Parc, Apt 3\n14 avenue Jean Jaurès\n69007 Lyon\nFrance", "Ship to <ADDRESS>"),
        ("Send it to Apt 4\n17 Harbour Road\nDublin", "Send it to <ADDRESS>\nDublin"),
    ],
)
def test_the_flat_floor_and_building_before_a_street_go_with_it(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "Room 4 is booked for Monday.",
        "Level 3 support will call you.",
        "Suite 210 of the test suite passed",
        "Version 2-1 shipped",
        "Order 5521\nDelivered 12 May",
    ],
)
def test_flats_floors_and_numbers_with_no_address_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


def test_a_persons_name_before_a_street_is_no_building() -> None:
    redacted = Redactor("patterns+ner").redact("I met Tom Hall, 12 Baker Street is his home.").text
    assert redacted.endswith(", <ADDRESS> is his home.")


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Please ship to Blk 45 Tampines Street 42, #03-11, Singapore 520045.", "Please ship to <ADDRESS>."),
        ("Ship to Block 45 Tampines Street 42, Singapore 520045", "Ship to <ADDRESS>"),
        ("Send to 88/12 Soi Thonglor 10, Sukhumvit Rd, Bangkok 10110", "Send to <ADDRESS>"),
    ],
)
def test_the_block_or_soi_before_a_street_is_the_address_not_a_name(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Ship to c/o Bergström, Drottninggatan 4, 111 51 Stockholm", "Ship to c/o <PERSON>, <ADDRESS>"),
        ("Post: c/o Okonkwo, 14 Marina Road, Lagos", "Post: c/o <PERSON>, <ADDRESS>"),
        ("Ship to c/o Acme Logistics GmbH, Hafenstr. 5, 20457 Hamburg", "Ship to c/o Acme Logistics GmbH, <ADDRESS>"),
    ],
)
def test_the_person_care_of_whom_mail_goes_is_a_name(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # The phone after the postcode was read as a second postcode, its last group left in the clear.
        (
            "My address is 221B Baker Street, London NW1 6XE, 07700 900123 is my mobile",
            "My address is <ADDRESS>, <PHONE> is my mobile",
        ),
        (
            "Ship to 12 Rue de Rivoli, 75001 Paris, 01 42 68 53 00 for the door",
            "Ship to <ADDRESS>, <PHONE> for the door",
        ),
        ("Skickas till Drottninggatan 5, 111 51 Stockholm tack", "Skickas till <ADDRESS> tack"),
    ],
)
def test_a_phone_after_the_place_is_no_postcode(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


def test_a_words_end_is_no_house_before_the_address() -> None:
    sentence = "Deliver to Warehouse 12 Jalan Perusahaan 3, Kawasan Perindustrian, 43000 Kajang, Selangor please"
    assert Redactor("patterns+ner").redact(sentence).text == "Deliver to Warehouse <ADDRESS> please"
