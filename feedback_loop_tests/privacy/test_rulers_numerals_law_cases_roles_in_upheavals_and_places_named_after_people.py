"""Figures of history, law and fiction asked about, kept: a ruler by a regnal numeral or an epithet ("... VIII", "...
the Great"), a party of a law report's case ("... v ..."), a figure's role in a revolution or a war the sentence
names, a character of a novel whose plot or ending is asked about, and places listed with the people they are named
after; people one deals with in the same frames stay redacted."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # Rulers by a regnal numeral or an epithet.
        (
            "Compare the reforms of Tsar Peter I and Frederick the Great.",
            "Compare the reforms of Tsar Peter I and Frederick the Great.",
        ),
        (
            "How did Mansa Musa I spend his gold on the pilgrimage to Mecca?",
            "How did Mansa Musa I spend his gold on the pilgrimage to Mecca?",
        ),
        (
            "Write a timeline from Charlemagne to Henry VIII for a quiz.",
            "Write a timeline from Charlemagne to Henry VIII for a quiz.",
        ),
        (
            "Summarise how Ivan the Terrible and Tamar the Great governed.",
            "Summarise how Ivan the Terrible and Tamar the Great governed.",
        ),
        # A ruler in a text about history that asks nothing.
        (
            "Episode 7: the Songhai Empire under Askia the Great and its scholars.",
            "Episode 7: the Songhai Empire under Askia the Great and its scholars.",
        ),
        # A painter's self-portraits.
        (
            "Podcast notes: we look at Amrita Sher-Gil's self-portraits and the Bombay Progressives.",
            "Podcast notes: we look at Amrita Sher-Gil's self-portraits and the Bombay Progressives.",
        ),
        # Characters of a novel whose plot or ending is asked about.
        (
            "Summarise the plot of The Tale of Genji, focusing on Murasaki's rivalry with Lady Rokujo.",
            "Summarise the plot of The Tale of Genji, focusing on Murasaki's rivalry with Lady Rokujo.",
        ),
        (
            "Summarise the plot of Half of a Yellow Sun and Olanna's choices.",
            "Summarise the plot of Half of a Yellow Sun and Olanna's choices.",
        ),
        # A figure's role in a revolution or a war the sentence names.
        (
            "Describe the Mexican Revolution and Emiliano Zapata's role in it.",
            "Describe the Mexican Revolution and Emiliano Zapata's role in it.",
        ),
        (
            "What was Józef Piłsudski's role in the Polish–Soviet War?",
            "What was Józef Piłsudski's role in the Polish–Soviet War?",
        ),
        # Parties of a law report's case.
        (
            "Does Carlill v Carbolic Smoke Ball still matter, or is Hadley v Baxendale the key contract case?",
            "Does Carlill v Carbolic Smoke Ball still matter, or is Hadley v Baxendale the key contract case?",
        ),
        # Places listed with the people they are named after.
        (
            "Which cities are named after explorers? Vancouver after George Vancouver and Brazzaville after Pierre de"
            " Brazza come to mind.",
            "Which cities are named after explorers? Vancouver after George Vancouver and Brazzaville after Pierre de"
            " Brazza come to mind.",
        ),
        (
            "Which towns in Africa are named after people? Lüderitz after Adolf Lüderitz is one.",
            "Which towns in Africa are named after people? Lüderitz after Adolf Lüderitz is one.",
        ),
        # Guards: people one deals with in the same frames.
        ("Ask Tunde the plumber to come back on Friday.", "Ask <PERSON> the plumber to come back on Friday."),
        (
            "Write a reply to Mateo Ruiz the Great about his invoice.",
            "Write a reply to <PERSON> the Great about his invoice.",
        ),
        ("Send the file to Ravi Kumar and Meera I. Shah by noon.", "Send the file to <PERSON> and <PERSON> by noon."),
        ("Tell Farida Haddad I said thanks for the lift.", "Tell <PERSON> I said thanks for the lift."),
        (
            "Compare the coaching styles of Tunde Bakare and Grace Mensah at the club.",
            "Compare the coaching styles of <PERSON> and <PERSON> at the club.",
        ),
        (
            "Explain the ending of the meeting and Amaka Obi's last point.",
            "Explain the ending of the meeting and <PERSON>'s last point.",
        ),
        (
            "Summarise the plot of my cousin's novel draft and Marisol Vega's comments on it.",
            "Summarise the plot of my cousin's novel draft and <PERSON>'s comments on it.",
        ),
        ("Explain Amaka's role in the project.", "Explain <PERSON>'s role in the project."),
        (
            "Describe the school fair and Joanna Kowalczyk's role in it.",
            "Describe the school fair and <PERSON>'s role in it.",
        ),
        (
            "What was Ines Duarte's role in the Lisbon office move?",
            "What was <PERSON>'s role in the Lisbon office move?",
        ),
        (
            "My landlord Kwabena Asante v me: can he keep the deposit? The court date is Friday.",
            "My landlord <PERSON> v me: can he keep the deposit? The court date is Friday.",
        ),
        (
            "Please forward the ruling in Hamid v Nouri to my manager Sara Nouri today.",
            "Please forward the ruling in Hamid v Nouri to my manager <PERSON> today.",
        ),
        (
            "I'll call Priya after Kwame Mensah leaves the office.",
            "I'll call <PERSON> after <PERSON> leaves the office.",
        ),
        (
            "The boat is named after my aunt, and Bongani Dube after lunch will paint it.",
            "The boat is named after my aunt, and <PERSON> after lunch will paint it.",
        ),
        (
            "Our street was named after a mayor. Kwame Mensah after the meeting said he would fix it.",
            "Our street was named after a mayor. <PERSON> after the meeting said he would fix it.",
        ),
        ("Avoid quoting Priya Raman in the report.", "Avoid quoting <PERSON> in the report."),
        (
            "Ravi Kumar's self-portraits from the wedding are ready.",
            "<PERSON>'s self-portraits from the wedding are ready.",
        ),
    ],
)
def test_figures_of_history_law_and_fiction(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted
