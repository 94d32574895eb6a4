"""Names in the frames of apps, cards, contracts, minutes and chat: a report's label with the kind of account
("Flagged by user: ..."), a sign-off on the same line as the thanks before it, birthday wishes and the kisses that
sign a card ("Beijinhos, ..."), a message or a call an app announces ("Missed call from ...:"), what a portal has
ready for a person, a contract's party before its defined term, an action line of minutes, the names an email is
copied to, a greeting that is a given name too inside a sentence, "it's ... again" and the name a booking is held
under in lower case; and the near-misses in the same frames that stay."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # A report's label, the kind of account after "by".
        ("Logged by staff: Keoni\nPriority: high", "Logged by staff: <PERSON>\nPriority: high"),
        (
            "Submitted by member: Tavita\nCategory: fake profile",
            "Submitted by member: <PERSON>\nCategory: fake profile",
        ),
        # The sign-off on the thanks' line, the name ending the message.
        ("Rent for March is paid in full. Thanks! Tuyet", "Rent for March is paid in full. Thanks! <PERSON>"),
        ("Hope the move went well. Cheers! Zanele", "Hope the move went well. Cheers! <PERSON>"),
        # Birthday wishes, and the kisses of other languages that sign a card.
        (
            "Card message: Happy birthday Ayumi! Love from all of us at the bakery.",
            "Card message: Happy birthday <PERSON>! Love from all of us at the bakery.",
        ),
        ("happy bday Oisín!! have the best day", "happy bday <PERSON>!! have the best day"),
        ("Thanks for the lovely scarf! Beijinhos, Luana", "Thanks for the lovely scarf! Beijinhos, <PERSON>"),
        # A contract's party, its defined term in brackets after the name.
        (
            'This Agreement is made between Busisiwe Ngcobo (the "Consultant") and Harbourline Events Ltd'
            ' (the "Client") on 9 September 2024.',
            'This Agreement is made between <PERSON> (the "Consultant") and Harbourline Events Ltd'
            ' (the "Client") on 9 September 2024.',
        ),
        # The action line of a meeting's minutes.
        (
            "Action: Fetu to update the rota before Monday.",
            "Action: <PERSON> to update the rota before Monday.",
        ),
        # The names an email is copied to, one after another.
        (
            "cc: Adaeze Nwankwo; Marie-Thérèse Ilunga\nSubject: Proof of address for the account\n\n"
            "The scans are attached.",
            "cc: <PERSON>; <PERSON>\nSubject: Proof of address for the account\n\nThe scans are attached.",
        ),
        # A greeting of another language that is a given name too, inside a sentence before a surname.
        ("Did you hear back about Selam Gebremedhin's passport?", "Did you hear back about <PERSON>'s passport?"),
        # One's real name behind a username.
        (
            "Can I switch my username to my real name, Nandini? It feels more professional.",
            "Can I switch my username to my real name, <PERSON>? It feels more professional.",
        ),
        # "It's ... again" and the name a booking is held under, in chat's lower case.
        ("hey its tamsin again, any update on my refund", "hey its <PERSON> again, any update on my refund"),
        ("the booking's under kowalczyk, first name agnieszka.", "the booking's under <PERSON>, first name <PERSON>."),
        ("appointment is under mensah, thanks", "appointment is under <PERSON>, thanks"),
    ],
)
def test_the_name_is_redacted(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        # Thanks before everyday words, and wishes to no one.
        "Everything arrived in one piece. Thanks! Great service",
        "Happy birthday to you!",
        # A brand's or a team's message (the rule now announces a person's: "New message from Min-seo Kang: ..."), a
        # season that something is ready for.
        "New message from Netflix: your plan renews soon.",
        "New message from Support: your ticket was closed.",
        "Your table is ready for Christmas Eve.",
        # A company as a contract's party, a team's action.
        'The Supply Agreement between Northwind Traders Ltd (the "Supplier") and us.',
        "Action: Finance to send the invoice by Friday.",
        # English words after "it's ... again" and "under".
        "it's pasta again tonight",
        "the claim is under review, first name field is empty",
    ],
)
def test_clean_sentences_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # A greeting opening a message stays a greeting; inside a sentence the same word names a person.
        ("Selam Ayşe, nasılsın?", "Selam <PERSON>, nasılsın?"),
        # Real people in the same frames are still redacted.
        (
            "Raised by customer: Nnamdi Okeke\nIssue: charged twice",
            "Raised by customer: <PERSON>\nIssue: charged twice",
        ),
        (
            "Your test results are ready for Ifeoma Chukwu. Sign in to view them.",
            "Your test results are ready for <PERSON>. Sign in to view them.",
        ),
    ],
)
def test_neighbouring_frames_keep_their_redaction(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted
