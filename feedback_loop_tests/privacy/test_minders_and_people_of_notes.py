"""People named in notes, lists and letters (the nineteenth round): a name found once written again by its given
name, a given name before what that person is to do ("Priya to book ..."), given names and initials after a "... list:"
label, one name a line, numbered and medical form labels ("Tenant 2:", "GP: ZHOU Guoqiang"), "w/" in notes, whom one
looks after, the people one lives or studies with, a desk's staff in brackets and a Korean given name before what
that person did. The teams, products, places and weekdays such places also hold stay."""

import pytest

from feedback_loop.privacy.redactor import Redactor


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor("patterns+ner")


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        (
            "Spoke with Dinesh Raghunathan today. Dinesh to send the draft contract on Thursday.",
            "Spoke with <PERSON> today. <PERSON> to send the draft contract on Thursday.",
        ),
        ("Actions from the retro. Priya to book the offsite.", "Actions from the retro. <PERSON> to book the offsite."),
        (
            "Guest list for Saturday: Noor T., Sipho D., Marta L.",
            "Guest list for Saturday: <PERSON>, <PERSON>, <PERSON>",
        ),
        (
            "Please put these in table order:\nHarriet Cole\nDaniel Okafor\nAkosua Darko-Mensah\nJoseph Kariuki",
            "Please put these in table order:\n<PERSON>\n<PERSON>\n<PERSON>\n<PERSON>",
        ),
        (
            "Tenant 1: Ms Harriet Cole, Principal\nTenant 2: Alasdair MacRae, Department Head",
            "Tenant 1: Ms <PERSON>, Principal\nTenant 2: <PERSON>, Department Head",
        ),
        ("Patient ref 7731\nGP: ZHOU Guoqiang\nWard 4", "Patient ref 7731\nGP: <PERSON>\nWard 4"),
        ("Ward 4\nReferring doctor: CHEN Zihan", "Ward 4\nReferring doctor: <PERSON>"),
        (
            "Turn this into an update: mtg w/ Chukwuemeka about the lease, then lunch.",
            "Turn this into an update: mtg w/ <PERSON> about the lease, then lunch.",
        ),
        (
            "We are grateful to you for taking care of Ingrid over the weekend.",
            "We are grateful to you for taking care of <PERSON> over the weekend.",
        ),
        (
            "Her roommate, Bolanle, moved in on Sunday.",
            "Her roommate, <PERSON>, moved in on Sunday.",
        ),
        ("I wrote to my pen pal Ingrid last week.", "I wrote to my pen pal <PERSON> last week."),
        ("My housemate, Funmilayo, is away.", "My housemate, <PERSON>, is away."),
        ("Kind regards,\nThe hotel team\nFront desk (Ingrid)", "Kind regards,\nThe hotel team\nFront desk (<PERSON>)"),
        (
            "On Monday Ji-hoon called the bank.",
            "On Monday <PERSON> called the bank.",
        ),
    ],
)
def test_the_people_of_notes_lists_and_letters_are_names(redactor: Redactor, text: str, redacted: str) -> None:
    assert redactor.redact(text).text == redacted


@pytest.mark.parametrize(
    "text",
    [
        "Present: all. Apologies: none.",
        "Referee 2: TBC",
        "Guest 3: Plus One",
        "Thanks for looking after Windows updates while I was away.",
        "Reception (ground floor) opens at 9.",
        "On Monday Jira went down and on Friday Co-op delivered the order.",
        "Built w/ Docker and tested w/ Python.",
        "Shopping list: Apples, Bread, Milk",
        "Packing list:\nPassport\nPhone Charger\nSun Cream\nTravel Adapter",
        "Paris to host the summit; Florence to Rome by train.",
        "Referring physician: see attached letter",
        "Her flatmate situation is messy.",
    ],
)
def test_teams_products_places_and_weekdays_there_stay(redactor: Redactor, text: str) -> None:
    assert redactor.redact(text).text == text
