"""Names of support chats, e-mails and forms: a sign-off after a slash ending the message ("... shortly. /Mads"), a
dash's sign-off with a department in brackets after the name ("- Neha (Billing)"), the sign-offs of Māori, Hungarian
letters ("Ngā mihi, Mere", "Tisztelettel,") and the Hungarian "Dear" ("Kedves Zsófia,"), a surname before ", first
name ..." in an agent's note, and a given name of the lists after "loop in". Guards: tone tags and paths after a
slash, a version in brackets after a dash, departments looped in, a letter's opening before a common word."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor("patterns+ner")


CASES = [
    # Caught now.
    ("Kedves Gábor, the invoice for March is attached.", "<PERSON>, the invoice for March is attached."),
    (
        "The refund went through. Ngā mihi, Aroha",
        "The refund went through. Ngā mihi, <PERSON>",
    ),
    (
        "Your bond has been lodged with the tenancy board.\nNgā mihi nui,\nHemi",
        "Your bond has been lodged with the tenancy board.\nNgā mihi nui,\n<PERSON>",
    ),
    (
        "The contract is attached for your review.\nTisztelettel,\nKatalin",
        "The contract is attached for your review.\nTisztelettel,\n<PERSON>",
    ),
    (
        "Your order ships Friday. /Ingrid",
        "Your order ships Friday. /<PERSON>",
    ),
    ("I've updated the delivery address on file. /Tomás", "I've updated the delivery address on file. /<PERSON>"),
    (
        "Could you send a photo of the damaged box? - Priya (Returns)",
        "Could you send a photo of the damaged box? - <PERSON> (Returns)",
    ),
    ("The new rota starts on Monday. - Oluwaseun (HR)", "The new rota starts on Monday. - <PERSON> (HR)"),
    ("Can you loop in Fatima before Friday's call?", "Can you loop in <PERSON> before Friday's call?"),
    ("Caller identified as Begay, first name Shiloh.", "Caller identified as <PERSON>, first name <PERSON>."),
    (
        "Patient registered as Nakamura, given name Haruto, born 1984.",
        "Patient registered as <PERSON>, given name <PERSON>, born <DOB>.",
    ),
    # Guards: kept as they were.
    ("We should loop in Legal before we sign.", "We should loop in Legal before we sign."),
    ("Please loop in Finance when the quote is ready.", "Please loop in Finance when the quote is ready."),
    ("That was hilarious. /s", "That was hilarious. /s"),
    ("Great work everyone. /Applications", "Great work everyone. /Applications"),
    ("The fix is in the next build. - Python (3.11)", "The fix is in the next build. - Python (3.11)"),
    ("Estimado cliente, su pedido ha sido enviado.", "Estimado cliente, su pedido ha sido enviado."),
    ("Kedves ügyfelünk, the invoice is attached.", "Kedves ügyfelünk, the invoice is attached."),
    ("Set the field to last name, first name order.", "Set the field to last name, first name order."),
    ("We are looping in Dmitri on the warranty claim.", "We are looping in <PERSON> on the warranty claim."),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_redaction(redactor: Redactor, text: str, expected: str) -> None:
    assert redactor.redact_many([text])[0].text == expected
