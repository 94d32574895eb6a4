"""The people a meeting's notes list after their label ("Attendance:", "Apologies:", "Action items:", "Reviewers:"),
one name an item, found though the name lists do not know them (the eighteenth round): the departments, products
and brands such lists also hold stay."""

import pytest

from feedback_loop.privacy.redactor import Redactor


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor("patterns+ner")


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        (
            "Attendance: Keoni, Lani, Sefo. Apologies: Mele.",
            "Attendance: <PERSON>, <PERSON>, <PERSON>. Apologies: <PERSON>.",
        ),
        (
            "Action items: Anuhea → budget draft; Tavita → venue; Marama → catering.",
            "Action items: <PERSON> → budget draft; <PERSON> → venue; <PERSON> → catering.",
        ),
        ("Present: Kealoha and Sione (backend), Ngaio Marsh", "Present: <PERSON> and <PERSON> (backend), <PERSON>"),
    ],
)
def test_the_people_a_notes_label_lists_are_names(redactor: Redactor, text: str, redacted: str) -> None:
    assert redactor.redact(text).text == redacted


@pytest.mark.parametrize(
    "text",
    [
        "Attendees: Marketing, Sales, Finance",
        "Owners: Finance and Legal",
        "Present: all members of the board.",
        "Apologies: none received.",
        "Action items: Update the docs; Fix the login bug; Release 2.3",
        "Reviewers: GitHub Copilot, Dependabot",
        "Attendees: Google, Microsoft, Slack",
    ],
)
def test_departments_products_and_brands_in_such_lists_stay(redactor: Redactor, text: str) -> None:
    assert redactor.redact(text).text == text
