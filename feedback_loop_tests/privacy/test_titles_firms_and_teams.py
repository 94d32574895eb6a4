"""Works, firms, shops, products and teams named like people are no person where they stand: quoted titles and films
on a streaming service, firms' results and switches between firms, shops where things were bought or that are open,
drinks by the bottle, goods in an aisle, a brand's product, a product named again after its maker, a team that won a
game of a series, halls and gates with a letter, German verbs before "Sie"; people next to the same shapes stay
people; what a prompt asks of a work ("Summarise Anna Karenina in 100 words") and the verb that opens a
prompt, which the model takes into a name (the eighteenth round)."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    "sentence",
    [
        "We're staging 'Antony and Cleopatra' at the community theatre.",
        "Summarise Oliver Twist in 200 words.",
        "Summarize Jane Eyre in three sentences.",
        "My kids keep singing 'Hey Jude' in the car.",
        "Switching our vans from Ford Transits to Iveco Dailys.",
        "Annie Hall is on Netflix now, if you want to see it.",
        "Last night we watched Edward Scissorhands and then Big Fish.",
        "Hugo Boss and Tommy Hilfiger both posted higher quarterly revenue.",
        "I moved my pension from Edward Jones to Vanguard.",
        "A jar of Hellmann's is cheaper at Aldi.",
        "Grab a case of Sam Adams for the party.",
        "Denny's and Chili's are both closed on Christmas Day.",
        "Mrs. Smith's pies and Pepperidge Farm cookies are in aisle 12.",
        "Jenny Craig is now called Craig Wellness Group.",
        "Tanduay won Game 2 at the Big Dome.",
        "Drücken Sie die Taste, bis die Lampe leuchtet.",
        "Adidas Rod Laver in navy, size 10.",
        "Zara e Massimo Dutti sono in saldo.",
        "Registration desks 1-9, Hall B.",
        "Lync keeps asking for a password, so I reinstalled Microsoft Lync.",
        "Can I return a toaster I bought at Peter Jones?",
    ],
)
def test_titles_firms_shops_and_teams_are_no_person(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ('She said "Tom will call you back" and hung up.', 'She said "<PERSON> will call you back" and hung up.'),
        ("We moved the account from Maria Lopez to Ana Silva.", "We moved the account from <PERSON> to <PERSON>."),
        ("I bought it from Tom.", "I bought it from <PERSON>."),
        ("A bottle of Tom's homemade wine is on the table.", "A bottle of <PERSON>'s homemade wine is on the table."),
        ("Maria's bread recipe is on the fridge.", "<PERSON>'s bread recipe is on the fridge."),
        ("Ralph called about his Q3 sales report.", "<PERSON> called about his Q3 sales report."),
        ("Ralph reported his sales to the manager.", "<PERSON> reported his sales to the manager."),
        ("Tom is now called Tamsin by his friends.", "<PERSON> is now called <PERSON> by his friends."),
        ("Tom won Game 2 of the chess match.", "<PERSON> won Game 2 of the chess match."),
        ("Hi, Adidas Maria here, how can I help?", "Hi, <PERSON> here, how can I help?"),
        ('Our contact is "Ana Ruiz from Billing".', 'Our contact is "<PERSON> from Billing".'),
        ('The card just said "Thanks Ana Ruiz" in pen.', 'The card just said "Thanks <PERSON>" in pen.'),
        (
            "Ana Silva and Tom Baker both posted record Q2 sales in their regions.",
            "<PERSON> and <PERSON> both posted record Q2 sales in their regions.",
        ),
        ("Jens Sie haben recht.", "<PERSON> haben recht."),
        ("Nina Brandt's and Ravi Menon's are both closed today.", "<PERSON>'s and <PERSON>'s are both closed today."),
        (
            "Ana Silva and Tom Baker both reported the Q3 sales figures to me.",
            "<PERSON> and <PERSON> both reported the Q3 sales figures to me.",
        ),
        ("Please ask Hall B. to sign the form.", "Please ask <PERSON>. to sign the form."),
        ("Nkechi phoned at 9. Tell Nkechi the van is ready.", "<PERSON> phoned at 9. Tell <PERSON> the van is ready."),
        ("Ask Priya's manager about the Q3 figures.", "Ask <PERSON>'s manager about the Q3 figures."),
        (
            "Dear Ms. Wijesuriya, your refund is on its way. (Ref: Tharindu Wijesuriya)",
            "Dear Ms. <PERSON>, your refund is on its way. (Ref: <PERSON>)",
        ),
        ("Email Tom Baker about the invoice.", "Email <PERSON> about the invoice."),
        ("Will Smith called about the refund.", "<PERSON> called about the refund."),
        ("Pan Tomasz Nowak prosi o kontakt.", "<PERSON> prosi o kontakt."),
        (
            "Please summarize the call with Maria Lopez in 100 words.",
            "Please summarize the call with <PERSON> in 100 words.",
        ),
    ],
)
def test_people_next_to_the_same_shapes_stay_people(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted
