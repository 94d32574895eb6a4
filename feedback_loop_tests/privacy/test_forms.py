"""Names as forms and e-mails write them (the seventh round of name work): in capitals, surname first with a comma,
under a field's label, after a greeting or a title; and the same shapes with no person in them."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor
from feedback_loop.privacy.names import capitals_as_written
from feedback_loop_tests.privacy.dev_forms_corpus import generate_dev_forms_corpus
from feedback_loop_tests.privacy.measured import assert_keeps_measurement

# Measured on the fifth development set after the seventh round, which was tuned on it (in sample): before that round
# (main at f093a73) PERSON 74 of 126 (capitals 0 of 24, surname first 3 of 18, form fields 11 of 18, greetings 12 of
# 18) and 10 of 66 clean sentences altered.
DEV_FORMS_MEASURED = {"PERSON": (126, 126), "clean_altered": (1, 66)}


def test_the_forms_development_set_keeps_its_measurement() -> None:
    assert_keeps_measurement(generate_dev_forms_corpus(), DEV_FORMS_MEASURED)


# (rule, text with a name, the name's words that must go, a look-alike with no person that must stay as it is)
_RULES = [
    (
        "a title before a surname in capitals",
        "MR. OKAFOR called about the refund.",
        ["OKAFOR"],
        "MS TEAMS KEEPS CRASHING ON LOGIN",
    ),
    ("a line in capitals", "NAME: REZAEI HAMID", ["REZAEI", "HAMID"], "NAME: NORTHWIND TRADERS LTD"),
    (
        "capitals after a field's label",
        "ATTN: PRIYANKA SUBRAMANIAM, ACCOUNTS PAYABLE",
        ["PRIYANKA", "SUBRAMANIAM"],
        "ATTN: RETURNS DEPT",
    ),
    (
        "a surname in capitals next to a given name",
        "Passenger TEHRANI Arash missed the connection.",
        ["TEHRANI", "Arash"],
        "Please ask HMRC about the VAT on the API plan.",
    ),
    (
        "a name in capitals in a sentence",
        "Booking for JI-HOON PARK, 2 adults, 3 nights.",
        ["JI-HOON", "PARK"],
        "Booking for 2 adults, 3 nights, SEA VIEW.",
    ),
    (
        "surname and given name as airlines write them",
        "Passenger: CHAUDHRY/BILAL MS",
        ["CHAUDHRY", "BILAL"],
        "Passenger: ADULT/CHILD counts do not match",
    ),
    (
        "surname first with a comma",
        "Holder: Hakim, Rizal",
        ["Hakim", "Rizal"],
        "Go to Settings, Privacy and turn it off.",
    ),
    (
        "a record's entry surname first",
        "Srisuk, Kanya - no-show for the 10:00 appointment.",
        ["Srisuk", "Kanya"],
        "Outlook, Gmail and Yahoo all reject the mail.",
    ),
    (
        "surname first after a word that takes a person",
        "Please update the record for Dlamini, Mthunzi; it bounced.",
        ["Dlamini", "Mthunzi"],
        "Brazil, Portugal and Angola use the same locale.",
    ),
    (
        "a field's label with a dash",
        "Surname - O'Sullivan\nForename - Siobhan",
        ["O'Sullivan", "Siobhan"],
        "Surname - required for visa bookings",
    ),
    (
        "a field's label with a bar",
        "Recipient | Ikaika Kahananui | Building C",
        ["Ikaika", "Kahananui"],
        "Recipient | Warehouse Dock | Building C",
    ),
    (
        "given name(s)",
        "Given name(s): Pieter\nFamily name: van der Merwe",
        ["Pieter", "Merwe"],
        "Given name(s) as printed in the passport",
    ),
    (
        "a field holding English words only",
        "Family name: Adeyemi",
        ["Adeyemi"],
        "Family name: as shown in your passport",
    ),
    ("a field holding no initial", "Name: Wanjiru Mwangi", ["Wanjiru", "Mwangi"], "Name: N/A"),
    (
        "a field's value that runs on in English words",
        "Contact person: Tendai Moyo",
        ["Tendai", "Moyo"],
        "Contact person: see Vendor Portal",
    ),
    ("a cue before English words only", "Dear Amara,\nyour parcel is ready.", ["Amara"], "Dear Hiring Manager,"),
    ("a sign-off before a department", "Many thanks\nO. Adeyemi\nProcurement", ["Adeyemi"], "Many thanks\nProcurement"),
    (
        "a sign-off before a team's name",
        "Best,\nKofi Boateng | Help Center",
        ["Kofi", "Boateng"],
        "Best,\nAcme Support | Help Center",
    ),
    (
        "a greeting without good",
        "Morning Oksana - any update on the invoice?",
        ["Oksana"],
        "Morning all - any update on the invoice?",
    ),
    ("thanks again", "Thanks again, Zainab.", ["Zainab"], "Thanks again, everyone."),
    ("a Gaelic surname", "Last name: Mac Giolla", ["Giolla"], "Last name: ____________"),
    (
        "a listed given name where a person stands",
        "Could Thandeka get admin access too?",
        ["Thandeka"],
        "Could Tableau get admin access too?",
    ),
    (
        "a listed given name, not the end of a thing's name",
        "Can Bronwen work offline?",
        ["Bronwen"],
        "Does Amazon Echo Dot work offline?",
    ),
    (
        "a listed given name that is no English word",
        "Ask Thandeka when she is back.",
        ["Thandeka"],
        "Autumn is here, it's no lie.",
    ),
    (
        "a list after a field's label, not a table's header",
        "Name | Ikaika Kahananui",
        ["Ikaika", "Kahananui"],
        "Name | Role | Salary",
    ),
    ("any case only after a colon", "name: wanjiru mwangi", ["wanjiru", "mwangi"], "Username   | varchar  | 50"),
    (
        "a field's label and its value on one line",
        "Participants: Kofi Boateng",
        ["Kofi", "Boateng"],
        "Subject: The workshop / participants\n- Verb: had ended",
    ),
    (
        "surname first, not a list of things",
        "Name: Park, Ji-hoon",
        ["Park", "Ji-hoon"],
        "Classify these objects.\nApple, Orange, Pear",
    ),
]


@pytest.mark.parametrize(("rule", "text", "words", "look_alike"), _RULES, ids=[rule[0] for rule in _RULES])
def test_each_rule_finds_the_name_and_leaves_its_look_alike(rule: str, text: str, words: list[str], look_alike: str):
    redactor = Redactor("patterns+ner")

    redacted = redactor.redact(text).text

    assert "<PERSON>" in redacted and not any(word in redacted for word in words), redacted
    assert redactor.redact(look_alike).text == look_alike


def test_capitals_are_read_as_written_without_moving_a_character() -> None:
    text = "DEAR MS. O'SULLIVAN,\nYOUR <EMAIL> IS READY.\nAsk HMRC, <PERSON_1> and MR. AL-HARBI'S team."

    written = capitals_as_written(text)

    assert len(written) == len(text)
    # A line in capitals with no name in it is left as it is: the models read no more of it.
    assert "dear ms. O'Sullivan," in written and "YOUR <EMAIL> IS READY." in written
    assert "MR. Al-Harbi's" in written and "Ask HMRC" in written and "<PERSON_1>" in written
    assert capitals_as_written("Nothing in capitals here.") == "Nothing in capitals here."
