"""Shops named "<given name>'s", titles of works and institutions named after people stay; names written surname
first in capitals and a brand's word that does what a person does are found."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    "sentence",
    [
        # A shop's possessive before what a shop has.
        "Carla's menu does not list allergens.",
        "Jimmy's drive-thru gave me someone else's burger.",
        "Paolo's franchise owner refused the coupon.",
        # After "at" or "from", owning nothing, where the sentence orders, eats or pays.
        "I ordered from Nando's and the fries were soggy.",
        "At Giovanni's the waiter forgot our order.",
        "Can I use the coupon from Dominic's on the website?",
        "At Marco's they charged my card twice for one pizza.",
        # Titles of works after their kind or a verb that reads, plays or streams them.
        "I keep playing Elden Ring on my PS5.",
        "Have you read the novel Jane Eyre?",
        'I am reading "Anna Karenina" for book club.',
        "I finished reading Jane Eyre on my Kindle.",
        "The series Ted Lasso is great.",
        "The film Anna Karenina won an award.",
        "We watched the movie Erin Brockovich last night.",
        # A name, "and the" and a capitalised word opens a title.
        "Percy Jackson and the Olympians is on my list.",
        # An institution named after a person, its place or kind between; a carmaker's bank.
        "Our flight lands at Louis Armstrong New Orleans International.",
        "Mercedes-Benz Financial called me about the lease.",
        # Capitals lines and records that are no names.
        "NOTE, THIS IS URGENT",
        "SALE, FREE SHIPPING TODAY",
        "BROWN, WHITE AND GREEN",
        "ORDER STATUS: SHIPPED, ON TIME",
        # Companies speak too: a verb a company does, or a brand no name list holds.
        "Ford recalled the model last spring.",
        "Ford said the recall covers my car.",
        "Apple said the update is coming.",
        "Wise emailed me a code.",
        "Castro crashed again on my phone.",
    ],
)
def test_shops_works_and_institutions_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # A person's possessive: what the person owns, or "at"/"from" where nothing is ordered.
        ("Please forward the invoice to Tom's assistant.", "Please forward the invoice to <PERSON>'s assistant."),
        ("Dinner at Marco's house was lovely.", "Dinner at <PERSON>'s house was lovely."),
        ("Send the receipt to Maria's email.", "Send the receipt to <PERSON>'s email."),
        ("Ask Priya's manager to approve the order.", "Ask <PERSON>'s manager to approve the order."),
        ("I picked up the keys from Sofia's house.", "I picked up the keys from <PERSON>'s house."),
        ("Amara's invoice is overdue.", "<PERSON>'s invoice is overdue."),
        ("Kevin's order number is wrong.", "<PERSON>'s order number is wrong."),
        # A person where a work's title could stand.
        ("The book Tom recommended was great.", "The book <PERSON> recommended was great."),
        ("I'm playing Tom Jenkins at chess tomorrow.", "I'm playing <PERSON> at chess tomorrow."),
        ("I was reading Anna's email.", "I was reading <PERSON>'s email."),
        ("Thanks for reading Maria Lopez!", "Thanks for reading <PERSON>!"),
        ("I played Tom Baker last week and lost.", "I played <PERSON> last week and lost."),
        ("Maria Lopez and the team will join.", "<PERSON> and the team will join."),
        ("Carlos Mendez and the Board approved the budget.", "<PERSON> and the Board approved the budget."),
        # Surname first in capitals, a given name an English word or a particle too.
        ("Account holder: NGUYEN, THI HOA", "Account holder: <PERSON>"),
        ("Guest: TRAN, MINH DUC (adult)", "Guest: <PERSON> (adult)"),
        ("Beneficiary: HOANG, VAN LONG", "Beneficiary: <PERSON>"),
        ("the booking is under PHAM, THI LAN", "the booking is under <PERSON>"),
        # A brand's word that a name list holds, doing what a person does in a support chat.
        ("Castro called me back yesterday.", "<PERSON> called me back yesterday."),
        ("Ford told me the refund was processed.", "<PERSON> told me the refund was processed."),
        ("Dell promised me a replacement.", "<PERSON> promised me a replacement."),
        ("Ford said he would call tomorrow.", "<PERSON> said he would call tomorrow."),
    ],
)
def test_people_next_to_shops_works_and_records_are_found(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted
