"""A short question of general knowledge about a figure's life, death, deeds, sayings or historicity, a creator's
works by their name, a kind of toys or creatures asked about in the plural, an eponymous law by its ordinal, the
characters of a work the text names, the people of a text about history, and eponymous units and adjectives are no
people to redact; the same words about someone the writer knows (a first-person word, a service's matters, a title
with no work named) keep the name redacted."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    "prompt",
    [
        "How did Joan of Arc die?",
        "What did Alan Turing actually contribute to cryptography?",
        "Was Robin Hood a real man?",
        "How did Louis Pasteur invent pasteurisation?",
        "Is Isaac Newton's apple story true?",
        "Did Galileo Galilei really say 'And yet it moves'?",
        "Was Prester John a real king?",
        "Could you suggest some novels by Chimamanda Ngozi Adichie?",
        "Any good albums by Fela Kuti?",
        "I loved The Left Hand of Darkness by Ursula Le Guin. What else should I read?",
        "Help me understand Newton's first law using a bus.",
        "I just finished Jane Eyre. Why does Mr. Rochester hide Bertha in the attic?",
        "I'm rereading Great Expectations. Why is Miss Havisham so bitter?",
        "How does Poirot deduce Ratchett was really Cassetti?",
        "In 1485 Henry Tudor's army defeated Richard at Bosworth, and the Tudor dynasty began.",
        "Explain the Gregorian and Julian calendars in simple terms.",
        "Why is Kelvin used in physics instead of Celsius?",
        "Which Gundam are the easiest kits to build?",
        "Which Beyblade are the fastest for a stadium battle?",
    ],
)
def test_a_figure_asked_about_in_a_short_question_is_no_person(prompt: str) -> None:
    assert Redactor("patterns+ner").redact(prompt).text == prompt


@pytest.mark.parametrize(
    ("prompt", "name"),
    [
        ("How did Chiamaka get my address?", "Chiamaka"),
        ("What did Kwabena say about the deadline in the email?", "Kwabena"),
        ("Was Agnieszka Wójcik in the office on Monday?", "Agnieszka Wójcik"),
        ("Why was Sofia so angry with me?", "Sofia"),
        ("Why did Rahul betray us?", "Rahul"),
        ("How did Oluwaseun die? He was my neighbour.", "Oluwaseun"),
        ("Please find the poems by my cousin Adaeze Nwosu.", "Adaeze Nwosu"),
        ("Mrs. Balogun's second request came in yesterday.", "Balogun"),
        ("Is Mrs. Tanaka supposed to email me the forms?", "Tanaka"),
        ("I'm reading Priya's notes. Is Mr. Chen supposed to sign them?", "Chen"),
        ("I watched Tomasz Nowak play. Is Mr. Kowalczyk going to join?", "Kowalczyk"),
        ("The King Suite for 1250 euros was booked by Tomasz Nowak.", "Tomasz Nowak"),
        ("Kelvin prefers Celsius for the lab.", "Kelvin"),
        ("Hi Kelvin, the 20 degrees setting is fine.", "Kelvin"),
        ("Kelvin and Ruth from finance will join us.", "Ruth"),
        ("Which Priya are you talking about?", "Priya"),
        ("Priya's third law exam is on Friday.", "Priya"),
    ],
)
def test_someone_the_writer_knows_stays_redacted(prompt: str, name: str) -> None:
    assert name not in Redactor("patterns+ner").redact(prompt).text
