"""Names in drafts pasted into a writing assistant: a quoted message opened by the person it is said to, a given name
quoted alone and said to be someone's, greetings of more languages, congratulations, Polish letter openings, a
Vietnamese given name that is a kinship word too, full names joined in quotes, and a Chinese or Japanese surname
signing a message; and what only looks like them stays."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # A quoted message opened by a name and a comma, the text presenting it or the message speaking to someone.
        (
            'Can you soften this? "Siobhan, the slides are due today and nothing is ready."',
            'Can you soften this? "<PERSON>, the slides are due today and nothing is ready."',
        ),
        (
            "make it friendlier: 'Chiamaka, the rota is wrong again, fix it'",
            "make it friendlier: '<PERSON>, the rota is wrong again, fix it'",
        ),
        (
            'Suggested reply:\n\n"Tendai, I checked the figures with the auditors."',
            'Suggested reply:\n\n"<PERSON>, I checked the figures with the auditors."',
        ),
        # A given name quoted alone where the sentence says it is someone's.
        (
            "The letter says 'Maeve' at the top and 'Niamh' in the signature. Are they the same person?",
            "The letter says '<PERSON>' at the top and '<PERSON>' in the signature. Are they the same person?",
        ),
        # Greetings of more languages.
        ("Aloha Keoni, the boards arrive on Tuesday.", "Aloha <PERSON>, the boards arrive on Tuesday."),
        ("Sawubona Thandeka, your parcel is here.", "Sawubona <PERSON>, your parcel is here."),
        ("Namaste Priya, thank you for the invite.", "Namaste <PERSON>, thank you for the invite."),
        ("Jambo Wanjiru, the car is ready.", "Jambo <PERSON>, the car is ready."),
        # Congratulations to names joined by "and", however they are spelled.
        ("congrats Adaeze and Chukwuemeka on your graduation!", "congrats <PERSON> and <PERSON> on your graduation!"),
        ("Congradulations Ngozi and Emeka on the new baby!", "Congradulations <PERSON> and <PERSON> on the new baby!"),
        # A Polish letter's opening, the given name in the vocative.
        ("Szanowna Pani Ewo Kowalska, dziękujemy za zamówienie.", "Szanowna Pani <PERSON>, dziękujemy za zamówienie."),
        # "Anh" opening a Vietnamese given name, in quotes.
        (
            "Please proofread: 'Anh Thảo keeps missing the deadline.'",
            "Please proofread: '<PERSON> keeps missing the deadline.'",
        ),
        # Full names joined by "and" in quotes are people, not a title.
        (
            "In Hungarian order, 'Ilona Szabó and László Nagy' becomes 'Szabó Ilona and Nagy László'.",
            "In Hungarian order, '<PERSON> and <PERSON>' becomes '<PERSON> and <PERSON>'.",
        ),
        # A Japanese surname signing the message at its end.
        (
            "鈴木様、資料を送ります。よろしくお願いします。中村",
            "<PERSON>様、資料を送ります。よろしくお願いします。<PERSON>",
        ),
    ],
)
def test_names_in_drafts_are_redacted(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        '"Note, the report is wrong."',
        "'Still, the figures are late'",
        '"However, the plan changed."',
        "'Python, the language, is great'",
        'The log shows "Nginx, the upstream timed out".',
        'The banner reads "Paris, the city of light".',
        'Type "Hey Google, what is the weather" to test.',
        "Kia ora everyone, welcome back.",
        "Aloha Friday is my favourite day.",
        "Namaste, everyone.",
        "congratulations on your wedding",
        "Congrats on the promotion!",
        "The draft mentions 'Python' in the title.",
        "Is the signature 'Best regards' too formal?",
        "I loved 'Pride and Prejudice' and 'Sense and Sensibility'.",
        "会議は10時からです。以上",
        "Szanowni Państwo, dziękujemy za zamówienie.",
        # A quoted phrase of another language after the comma is no message said to someone.
        'Quote: "Marianne, c\'est la France"',
        'Translate: "Chérie, c\'est fini"',
    ],
)
def test_what_only_looks_like_a_name_in_a_draft_stays(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence
