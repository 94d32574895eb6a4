"""Names after the fields of insurance, payment, school and ticket forms ("Proposer:", "Payee:", "Pupil:", "Reported
by:"), the other names of a list that holds names, relatives named in the plural or in brackets, a name with its
relative after a comma, a reply or praise said to a person, "remind ...", "let ... know", "calling me ...", and a
surname that names a case or a file: the kinds, products, weekdays and everyday words in the same places stay."""

import pytest

from feedback_loop.privacy.redactor import Redactor


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor("patterns+ner")


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("Payee: K. Fifita\nAmount: 200", "Payee: <PERSON>\nAmount: 200"),
        ("Claimant: Hone Ruatapu Waaka\nPolicy: 2231", "Claimant: <PERSON>\nPolicy: 2231"),
        ("Pupil: Alapati Tuilagi\nYear: 9", "Pupil: <PERSON>\nYear: 9"),
        (
            "Raised by: J. Nakamura\nAffected customer: Ngaio Brightwater",
            "Raised by: <PERSON>\nAffected customer: <PERSON>",
        ),
        ("Seating plan: Keoni, Ingrid, Tavita and Olga sit at table two.", None),
        ("We booked for our sons Faisal and Tavake.", None),
        ("Could you remind Losaline to sign the form?", "Could you remind <PERSON> to sign the form?"),
        ("Please let Sefo know I called.", "Please let <PERSON> know I called."),
        ("Coach's note: Great effort on Saturday, Tevita!", "Coach's note: Great effort on Saturday, <PERSON>!"),
        ("Yes Sefa I saw it.", "Yes <PERSON> I saw it."),
        ("my nana (Ofa Tuilagi) called about the bill", "my nana (<PERSON>) called about the bill"),
        ("Transcript. Agent (Kalolaine): Good morning!", "Transcript. Agent (<PERSON>): Good morning!"),
        ("The payment came from Ofa, my sister.", "The payment came from <PERSON>, my sister."),
        ("The app keeps calling me Gwen, please fix it.", "The app keeps calling me <PERSON>, please fix it."),
        ("Please reopen the Papadopoulos claim today.", "Please reopen the <PERSON> claim today."),
    ],
)
def test_names_in_these_places_are_found(redactor: Redactor, text: str, redacted: str | None) -> None:
    result = redactor.redact(text).text
    if redacted is None:
        # Each name of the list is taken, however the placeholders of names side by side are joined.
        assert not any(name in result for name in ("Keoni", "Ingrid", "Tavita", "Olga", "Faisal", "Tavake"))
    else:
        assert result == redacted


@pytest.mark.parametrize(
    "text",
    [
        "Student: Year 10",
        "Student: Undergraduate",
        "Created by: System",
        "Owner: System",
        "Tenant: Vacant",
        "Tutor: Online",
        "Affected user: All users",
        "Reported by: Automated alert",
        "Account holder - Northwind Traders",
        "Please remind Support to call me back.",
        "Let Chrome update first.",
        "Great deals this week, Microsoft!",
        "Yes Google I know.",
        "No Sunday I can't do",
        "My nan (Nana's recipe) is the best.",
        "Agent (Tier 2): Hi there.",
        "Agent (Remote): Hi there.",
        "We use Slack, our favourite tool.",
        "They keep calling me Monday for some reason.",
        "We compared Jira, Asana and Slack.",
        "Offices in Lagos, Accra, Nairobi and Kigali.",
        "Sold at Nike, Adidas and Puma.",
        "Smith & Wesson and Barnes & Noble are both here.",
        "Monday, Tuesday and Friday work for me.",
        "Read the Johnson case study first.",
        "We plotted it on the Smith chart.",
    ],
)
def test_kinds_products_and_everyday_words_there_stay(redactor: Redactor, text: str) -> None:
    assert redactor.redact(text).text == text
