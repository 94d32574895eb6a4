"""Cities named like people in a shop's or a courier's list of the places it delivers to ("Orders to ... and ...
are delayed"), a brand's possessive before one of its product lines and the product's size or what is sold of it
("...'s Triple Wood 70cl", "...'s Biggie Bag meal voucher"), a chain named by its founder's full name before its
product ("Tim Hortons Timbits"), and English "do" after a question word, which opens no Portuguese name ("How do
...'s fees compare?"). People in the same frames keep their names redacted."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # Cities named like people among the places a delivery lists, one of them a place to the model.
        (
            "Is express delivery available in Perth and Adelaide, or only Brisbane?",
            "Is express delivery available in Perth and Adelaide, or only Brisbane?",
        ),
        (
            "Orders to Sydney and Hobart are held at the depot until Tuesday.",
            "Orders to Sydney and Hobart are held at the depot until Tuesday.",
        ),
        (
            "Parcels for Dallas, Austin and Houston ship from the Texas warehouse.",
            "Parcels for Dallas, Austin and Houston ship from the Texas warehouse.",
        ),
        ("Deliveries to Charlotte and Raleigh are paused.", "Deliveries to Charlotte and Raleigh are paused."),
        (
            "Orders to Austin and Denver are delayed due to the storm.",
            "Orders to Austin and Denver are delayed due to the storm.",
        ),
        # People in a delivery's frame: a full name, names no dictionary knows, a name the model reads as no place.
        ("Orders to Florence Mbeki and Sipho are delayed.", "Orders to Florence Mbeki and <PERSON> are delayed."),
        ("Orders to Amara and Tendai are delayed.", "Orders to <PERSON> and <PERSON> are delayed."),
        ("Parcels for Chiamaka and Oluwaseun are at reception.", "Parcels for <PERSON> and <PERSON> are at reception."),
        ("Orders to Lucia Bianchi and Marco are delayed.", "Orders to <PERSON> and <PERSON> are delayed."),
        ("Orders to Chelsea and Hope are delayed.", "Orders to <PERSON> and <PERSON> are delayed."),
        # A brand's possessive before its product line, then a size or a meal, a combo, a voucher.
        (
            "Jack Daniel's Gentleman Jack 1L rang up at the wrong price.",
            "Jack Daniel's Gentleman Jack 1L rang up at the wrong price.",
        ),
        ("Grant's Triple Wood 70cl is reduced this week.", "Grant's Triple Wood 70cl is reduced this week."),
        ("Gordon's Pink Gin 1L was scanned twice.", "Gordon's Pink Gin 1L was scanned twice."),
        ("Grace's Jollof Rice 500g is out of date.", "Grace's Jollof Rice 500g is out of date."),
        ("Maggie's Lemon Drizzle 400g is short-dated.", "Maggie's Lemon Drizzle 400g is short-dated."),
        ("Jordan's Country Crisp 500g is on the wrong shelf.", "Jordan's Country Crisp 500g is on the wrong shelf."),
        (
            "Wendy's Biggie Bag meal voucher was refused at the till.",
            "Wendy's Biggie Bag meal voucher was refused at the till.",
        ),
        (
            "Jimmy John's Vito combo voucher works online only.",
            "Jimmy John's Vito combo voucher works online only.",
        ),
        # A person's possessive: what they own, another brand's voucher, another shop's possessive.
        ("Wendy's shift starts at 9.", "<PERSON>'s shift starts at 9."),
        ("Wendy's lunch voucher is in her drawer.", "<PERSON>'s lunch voucher is in her drawer."),
        ("Priya's Tesco voucher expired yesterday.", "<PERSON>'s Tesco voucher expired yesterday."),
        ("Frank's Lidl voucher is in the drawer.", "<PERSON>'s Lidl voucher is in the drawer."),
        ("Dylan's Nando's voucher is on the fridge.", "<PERSON>'s Nando's voucher is on the fridge."),
        # A chain named by a full name, its apostrophe dropped, before its product.
        ("Tim Hortons Timbits and two lattes, order 12.", "Tim Hortons Timbits and two lattes, order 12."),
        ("Tim Hortons Double-Double, large, no sugar.", "Tim Hortons Double-Double, large, no sugar."),
        # A person's full name in an order's frame.
        ("Tim Horton called about the order.", "<PERSON> called about the order."),
        ("Order for Megan Roberts ready for pickup at counter 4.", "Order for <PERSON> ready for pickup at counter 4."),
        # "do" after a question word: English, not a particle opening a name.
        (
            "What do Morgan Stanley's analysts forecast for oil?",
            "What do Morgan Stanley's analysts forecast for oil?",
        ),
        (
            "How do Morgan Stanley's advisory fees compare with Vanguard's?",
            "How do Morgan Stanley's advisory fees compare with Vanguard's?",
        ),
        ("Why do Maria do Carmo's emails bounce?", "Why do <PERSON>'s emails bounce?"),
        # People after "do", and a particle that opens a surname after a title.
        ("How do Ana and Tom reply?", "How do <PERSON> and <PERSON> reply?"),
        ("How do Thabo Nkosi's students rate him?", "How do <PERSON>'s students rate him?"),
        ("Ask Mr van der Merwe about the invoice.", "Ask Mr <PERSON> about the invoice."),
    ],
)
def test_redaction(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted
