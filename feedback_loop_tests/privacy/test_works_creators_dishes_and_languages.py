"""What prompts ask about and name after people, kept as written: a franchise before what belongs to it ("...
characters", "... types"), a character whose name ends with an everyday noun speaking, the life of a figure of
history, the place of a weather forecast, a quoted title after the kind of work and its author, a creator's
possessive before a quoted title or their style, a creator after a quoted title ("'...' by ..."), works like a
creator's, a thought experiment, a publisher in a reference, a dish a recipe is for, a language translated to, a
programming language's tutorials, a question about a figure's renown. The same words about people the writer deals
with keep the names redacted."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    "prompt",
    [
        "Plan a birthday party with Harry Potter characters as the theme.",
        "I need Sherlock Holmes books for a 12-year-old.",
        "Make flashcards about Pokémon types for a child.",
        "Draw up a quiz with Pokémon names.",
        "Write a scene from Mickey Mouse's point of view about a picnic.",
        "Outline the early life of Mary Seacole for a Year 5 lesson.",
        "The forecast for Kiruna says clear skies and Kp 4 on Friday night.",
        "Review the Charlotte Brontë novel 'Shirley' in 100 words.",
        "What is the Thomas Hardy poem 'Julie' about?",
        "Explain the Henry James novel 'Daisy Miller' briefly.",
        "Translate to Kannada: the bus leaves at noon.",
        "Translate this sentence to Tamil please: the shop is closed.",
        "Summarise Kazuo Ishiguro's 'Never Let Me Go' for a sixth former.",
        "What makes Yayoi Kusama's artistic style so recognisable?",
        "Why does Schrödinger's cat confuse so many students?",
        "Format the reference: Mill, J. S. (1859). On Liberty. London: John Parker.",
        "What is a good recipe for Peach Melba?",
        "How to make Beef Stroganoff in a slow cooker?",
        "How did Jane Austen become so popular after her death?",
        "Suggest novels similar to Kazuo Ishiguro's, but shorter.",
        "Best Julia tutorials for a beginner?",
        "Who wrote the lyrics of 'Jolene' by Dolly Parton?",
        "Is 'Rosanna' by Toto about a real person?",
    ],
)
def test_a_work_a_creator_a_dish_or_a_language_is_no_person(prompt: str) -> None:
    assert Redactor("patterns+ner").redact(prompt).text == prompt


@pytest.mark.parametrize(
    ("prompt", "name"),
    [
        ("Write a birthday card from Tomasz Nowak's perspective for the party.", "Tomasz Nowak"),
        ("Send the forecast for Priya Sharma's team by Friday.", "Priya Sharma"),
        ("Send the revenue forecast for Priya Sharma.", "Priya Sharma"),
        ("Translate to Maria: the hotel is near the station.", "Maria"),
        ("Tell me about Kwame's painting style.", "Kwame"),
        ("Give me a recipe for Maria, who is vegan.", "Maria"),
        ("Forward the letter by Siobhan Kelly to legal.", "Siobhan Kelly"),
        ("Write something similar to Daniel Osei's proposal.", "Daniel Osei"),
        ("Tomasz Nowak books the room every week.", "Tomasz Nowak"),
        ("Ana Costa types the minutes.", "Ana Costa"),
        ("Aisha Bello fans the flames every time.", "Aisha Bello"),
        ("Why did Priya Sharma become so popular with the team?", "Priya Sharma"),
        ("Thanks to Tomasz Nowak for reviewing 'Quarterly Plan' draft.", "Tomasz Nowak"),
        ("Ask Tomasz Nowak to send the character reference.", "Tomasz Nowak"),
    ],
)
def test_someone_the_writer_deals_with_stays_redacted(prompt: str, name: str) -> None:
    assert name not in Redactor("patterns+ner").redact(prompt).text
