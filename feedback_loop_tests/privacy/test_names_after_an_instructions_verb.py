"""A person's name right after the verb of an instruction that opens a sentence, a line or a list's item ("Summarise
...'s notes", "Check ...'s timesheet", "- Ping ... about the invoice"): the verb is no part of the name, and the
words after it are judged as a name on their own, a possessive or a verb that takes a person ("remind", "ping",
"congratulate") marking a person's place. Things, places and famous figures after such verbs stay: a company's or a
city's possessive, software, and what a figure of history, science or art did or made ("...'s laws of motion",
"...'s and ...'s painting styles", "...'s new album", "...'s military campaigns")."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # A possessive after the verb, the verb kept out of the name.
        ("Summarise Seo-yeon's notes from the retro.", "Summarise <PERSON>'s notes from the retro."),
        ("Summarize Jiho's feedback on the mock-ups.", "Summarize <PERSON>'s feedback on the mock-ups."),
        ("Check Wojciech's timesheet before payroll.", "Check <PERSON>'s timesheet before payroll."),
        ("Review Nkechi's draft before Friday.", "Review <PERSON>'s draft before Friday."),
        ("Proofread Björn Lindqvist's cover letter.", "Proofread <PERSON>'s cover letter."),
        ("Cancel Farida's dentist appointment.", "Cancel <PERSON>'s dentist appointment."),
        (
            "Explain Aigerim Bekova's policy on remote work to the new team.",
            "Explain <PERSON>'s policy on remote work to the new team.",
        ),
        ("Describe Haruto Sato's influence on the new hires", "Describe <PERSON>'s influence on the new hires"),
        ("Please Check Ayesha's expense report.", "Please Check <PERSON>'s expense report."),
        # A plain object after a verb that takes a person.
        ("Ping Tevita about the invoice.", "Ping <PERSON> about the invoice."),
        ("Congratulate Sunita on her promotion!", "Congratulate <PERSON> on her promotion!"),
        ("Message Dilnoza when the van arrives.", "Message <PERSON> when the van arrives."),
        ("Introduce Kwabena to the new designer.", "Introduce <PERSON> to the new designer."),
        ("Warn Tavita that the road is closed.", "Warn <PERSON> that the road is closed."),
        ("Brief Ruslan before the audit.", "Brief <PERSON> before the audit."),
        ("please message Itzel when the cake is ready", "please message <PERSON> when the cake is ready"),
        # Lists of instructions.
        (
            "To do:\n- Nudge Rangimarie about the deposit\n- Summarise Dmitri's notes",
            "To do:\n- Nudge <PERSON> about the deposit\n- Summarise <PERSON>'s notes",
        ),
        (
            "1. Congratulate Oyelaran on the launch 2. Check Kalani's rota",
            "1. Congratulate <PERSON> on the launch 2. Check <PERSON>'s rota",
        ),
        # A famous figure's deeds, and a given name alone, in a workplace's frame.
        ("Compare Kofi's and Ama's painting styles.", "Compare <PERSON>'s and <PERSON>'s painting styles."),
    ],
)
def test_the_name_is_redacted(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        # Companies, places and software after an instruction's verb.
        "Check Microsoft's status page",
        "Visit Lisbon's old town",
        "Install Docker Desktop",
        "Track Amazon's delivery status.",
        "Introduce Kubernetes to the team.",
        "Open Google Maps and search for cafes.",
        # Figures of history, science and art asked about.
        "Explain Newton's third law",
        "Explain Isaac Newton's laws of motion.",
        "Compare Bismarck's and Cavour's foreign policy",
        "Compare Frida Kahlo's and Diego Rivera's painting styles.",
        "Please compare Frida Kahlo's and Diego Rivera's painting styles.",
        "Play Taylor Swift's new album.",
        "Please play Taylor Swift's new album.",
        "Outline Attila's military campaigns in Gaul.",
        "Describe Marie Curie's discoveries.",
    ],
)
def test_things_and_figures_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # Names caught before keep their spans; a verb the name lists hold opens a name.
        ("Forward Amaka's email to me.", "Forward <PERSON>'s email to me."),
        ("Ask Kofi to call me", "Ask <PERSON> to call me"),
        ("Invite Siosaia Taufa to the call", "Invite <PERSON> to the call"),
        ("Mark Lee called about the order.", "<PERSON> called about the order."),
        ("Grant Thompson left early.", "<PERSON> left early."),
        # A modal is a verb too, but opens no instruction: a name that opens a line or ends the text stays whole.
        ("Describe a celebrity in three sentences.\nWill Smith", "Describe a celebrity in three sentences.\n<PERSON>"),
        # A private person's work, near a famous one's.
        (
            "Listen to Tane Walker's new song from my cousin's band.",
            "Listen to <PERSON>'s new song from my cousin's band.",
        ),
    ],
)
def test_names_keep_their_spans(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted
