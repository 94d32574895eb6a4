"""Names around greetings, sign-offs, titles and forms (the seventeenth round): the words around a name stay, the
whole name goes, and what only looks like a name after a cue stays."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # "I'm" and its kin are no part of the name a greeting announces.
        ("Hey, I'm Oluwatobi Adeyemi and my order never arrived.", "Hey, I'm <PERSON> and my order never arrived."),
        ("Hello, I’ve Kenji Watanabe on the line.", "Hello, I’ve <PERSON> on the line."),
        # Sign-offs of other languages announce the name; they are not its surname.
        ("Cordialement, Mathilde Girard", "Cordialement, <PERSON>"),
        ("Atentamente,\nRodrigo Salazar", "Atentamente,\n<PERSON>"),
        ("Pozdrawiam, Katarzyna Wójcik", "Pozdrawiam, <PERSON>"),
        ("Saygılarımla, Burak Aydın", "Saygılarımla, <PERSON>"),
        ("Met vriendelijke groet, Sanne Bakker", "Met vriendelijke groet, <PERSON>"),
        # Titles of other languages after "Dear" are titles, not names.
        ("Dear Sra. Beatriz Molina, your card is ready.", "Dear Sra. <PERSON>, your card is ready."),
        ("Dear Herr Albrecht Vogel, thank you.", "Dear Herr <PERSON>, thank you."),
        # A particle joined to the surname in lower case is the surname's.
        ("Approved by Yasmin el-Sayed this morning.", "Approved by <PERSON> this morning."),
        ("Please ask Tariq ul-Hassan to sign.", "Please ask <PERSON> to sign."),
        # Two given names joined by a hyphen: a person, whatever the model reads in the rest.
        ("Please contact Anne-Marie de la Roche in billing.", "Please contact <PERSON> in billing."),
        # Initials before a surname the lists know.
        ("Per A. V. Krishnan, the refund is approved.", "Per <PERSON>, the refund is approved."),
        # The person thanks or a greeting are said to, last in the sentence.
        ("Thanks for checking the logs, Kittipong!", "Thanks for checking the logs, <PERSON>!"),
        ("Hi again, Thanawat.", "Hi again, <PERSON>."),
        # A surname first in capitals, its comma, then the given name.
        ("Passenger: MWANGI, Wanjiru", "Passenger: <PERSON>"),
        ("Refund issued to OKONKWO, Emeka.", "Refund issued to <PERSON>."),
        ("The room is booked under the name FERREIRA SANTOS, Joana.", "The room is booked under the name <PERSON>."),
        # Introductions of other languages.
        ("Buenas, soy Rodrigo Salinas y no me llega el pedido.", "Buenas, soy <PERSON> y no me llega el pedido."),
        # A middle initial goes on with the name.
        ("Account owner: Gloria A. Henderson", "Account owner: <PERSON>"),
    ],
)
def test_the_whole_name_goes_and_the_words_around_it_stay(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "Dear Card Member, your statement is ready.",
        "Dear Valued Subscriber, your plan renews on Monday.",
        "Kind regards, Global Travel Reservations",
        "Our branches are closed for Hari Raya Haji.",
        "Offices close early for Yom Kippur.",
        "Thanks for the update, Microsoft.",
        "Thanks for waiting, Chrome is updating now.",
        "URGENT, Mark the invoice as paid.",
        "I read the al-Jazeera report on the outage.",
        "We chose Plan A. Then we shipped.",
        "Soy cliente desde 2019.",
    ],
)
def test_what_only_looks_like_a_name_after_a_cue_stays(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence
