"""Malaysian "a/l" and "a/p" inside a name, an abbreviated given name opening it ("Md."), "and" of other languages
between two people, and a relative's given name in lower case (the eighteenth round's second hold-out)."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Nama: Ganesan a/l Subramaniam", "Nama: <PERSON>"),
        ("Nama penuh: Kavitha a/p Raju\nNo. telefon: 012-3456789", "Nama penuh: <PERSON>\nNo. telefon: <PHONE>"),
        (
            "Applicant: Md. Rafiqul Hasan Talukder\nPosition applied for: Accountant",
            "Applicant: <PERSON>\nPosition applied for: Accountant",
        ),
        ("Rui Manuel Ferreira e Inês Carvalho assinaram o contrato.", "<PERSON> e <PERSON> assinaram o contrato."),
        ("Mariana Lopes e Tiago Fernandes vão à reunião.", "<PERSON> e <PERSON> vão à reunião."),
        (
            "my wife oksana opened the account, can she ring instead?",
            "my wife <PERSON> opened the account, can she ring instead?",
        ),
    ],
)
def test_the_whole_name_is_redacted(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "Nama produk: Kopi Susu",
        "Nama: -",
        "Return policy a/c closed.",
        "Mango y Bershka abren hoy.",
        "Resume la teoría de la evolución de Darwin en dos frases.",
        "La música de Mozart en la radio me relaja.",
        "my husband also uses this account",
        "my wife rose early to call you",
        "my boss said no",
    ],
)
def test_clean_sentences_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence
