"""Names in HR, clinic and property chats (names round 19d): a name's field without its colon before a name in
capitals, the lines of a list under a label of people (a shortlist, finalists), who logged or raised something,
Nordic thanks of more words, "instead of" and a person's department, a role's apposition, titles of care and trades,
and in lower case what a person is called and the name a booking is under; the clean sentences of the same
shapes stay as they are."""

import pytest

from feedback_loop.privacy.names import find_person_names
from feedback_loop.privacy.redactor import Redactor


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor("patterns+ner")


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        (
            "Visa form: surname PARK, given name JI-HOON, as on the card.",
            "Visa form: surname <PERSON>, given name <PERSON>, as on the card.",
        ),
        ("Badge request, first name TEVITA, urgent.", "Badge request, first name <PERSON>, urgent."),
        (
            "Shortlist for the warehouse lead role:\n1. Sofia Marino\n2. Daan de Jong\n3. Chidi Okafor",
            "Shortlist for the warehouse lead role:\n1. <PERSON>\n2. <PERSON>\n3. <PERSON>",
        ),
        ("Tack så mycket, Sámi! Vi ses imorgon.", "Tack så mycket, <PERSON>! Vi ses imorgon."),
        ("Mange tak, Søs! The keys arrived.", "Mange tak, <PERSON>! The keys arrived."),
        (
            "one of my direct reports, Oyelaran, keeps missing deadlines",
            "one of my direct reports, <PERSON>, keeps missing deadlines",
        ),
        (
            "two of my team members, Siosaia and Tevite, are off",
            "two of my team members, <PERSON> and <PERSON>, are off",
        ),
        ("Write a card for Nurse Oyelaran for her help", "Write a card for Nurse <PERSON> for her help"),
        ("i think she's called siobhán or something", "i think she's called <PERSON> or something"),
        ("the booking is under wiremu tamatea", "the booking is under <PERSON>"),
        ("my appt is under tama ngatoro", "my appt is under <PERSON>"),
    ],
)
def test_names_of_fields_lists_titles_and_appositions(redactor: Redactor, text: str, redacted: str) -> None:
    assert redactor.redact(text).text == redacted


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Boiler fault logged by Fergus Campbell: no hot water", "Fergus Campbell"),
        ("Rent query submitted by Laura Bianchi on Monday", "Laura Bianchi"),
        ("I had a long call with the recruiter, Lucia Romero. She was helpful.", "Lucia Romero"),
        ("We met the landlord, Henrik Larsen, at noon.", "Henrik Larsen"),
        ("Please pass my thanks to Midwife Teuila.", "Teuila"),
        ("Could you check that with Gabriela in payroll?", "Gabriela"),
    ],
)
def test_a_cue_announces_the_name_so_the_model_cannot_veto_it(text: str, name: str) -> None:
    start = text.index(name)
    assert (start, start + len(name), True) in find_person_names(text)


def test_a_given_name_instead_of_whom_something_went_is_a_name() -> None:
    text = "The payslip went to the old address instead of Gabriela."
    start = text.index("Gabriela")
    assert (start, start + len("Gabriela")) in [(begin, end) for begin, end, _ in find_person_names(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Please type your surname field in capitals.",
        "The surname TBC until we see the passport.",
        "The first name and last name fields are required.",
        "Shortlist for the award:\n1. Lifetime Achievement\n2. Design",
        "Applicants:\nPlease upload your CV.\nThe deadline is Friday.",
        "The error was logged by the system at 3am.",
        "The ticket was raised by Finance last week.",
        "Tack så mycket! Det var jättebra.",
        "Tusen takk for hjelpen.",
        "Can we meet on Tuesday instead of Monday?",
        "Ask someone in HR about the policy.",
        "The recruiter, as usual, was late.",
        "I spoke to the manager, who said no.",
        "one of my reports, frankly, is late",
        "Our Nurse practitioner will see you now.",
        "Try the Chef's special tonight.",
        "Captain America is my favourite film.",
        "its under review at the moment",
        "my order is under warranty",
        "the bread is called sourdough",
        "the folder is named backups",
    ],
)
def test_clean_text_of_the_same_shapes_stays(redactor: Redactor, text: str) -> None:
    assert redactor.redact(text).text == text
