"""A name found once is sought again where the text writes it again, but not where its words name something else
there: a word alone that no name list holds or that names a place, a name running on into another capitalised word
(another person's name, a fund's), or a franchise's name before its series, film or novel."""

import pytest

from feedback_loop.privacy.redactor import Redactor


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor("patterns+ner")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Tamsin Okoro wrote to the board. Later that year the Tamsin Trust paid for the new roof.",
            "the Tamsin Trust paid",
        ),
        (
            "Marcus Whitby stars as the spy. It is the third Marcus Whitby film and the best of the series.",
            "the third Marcus Whitby film",
        ),
    ],
)
def test_a_name_written_again_as_something_else_stays(redactor: Redactor, text: str, kept: str) -> None:
    assert kept in redactor.redact(text).text


def test_a_name_written_again_as_a_person_is_redacted(redactor: Redactor) -> None:
    text = "Notes: Oluwaseun Adeyemi joined. Oluwaseun to draft the budget by Friday."
    assert redactor.redact(text).text == "Notes: <PERSON> joined. <PERSON> to draft the budget by Friday."
