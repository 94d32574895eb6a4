"""A figure of history, science, art or fiction that a prompt asks about as a topic of general knowledge is no
person to redact ("who was ...", "named after ...", "the character of ...", "... as generals", a question about a
plot hole or an empire), while the same words about someone the writer deals with keep the name redacted: a
service's matters, a colleague or a relative, a day or a time, a reply or a greeting (the nineteenth round)."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    "prompt",
    [
        "Who was Ada Lovelace and why does she matter in computing?",
        "Why was Tchaikovsky considered a master of ballet music?",
        "What was Ada Lovelace known for?",
        "Compare Wellington and Blücher as generals.",
        "Write a letter from the perspective of Anne Boleyn before her execution.",
        "The Fallopian tube is named after Gabriele Falloppio, an Italian anatomist.",
        "How did Attila conquer so much land, and why did his empire collapse?",
        "Why does Hermione never use a Time-Turner again in the books? seems like a plot hole",
        "Is Peter Rabbit still copyrighted? It's for a school presentation.",
        "Describe Elizabeth and Darcy's relationship in Pride and Prejudice.",
        "The Nobel Prize in Physics went to Donna Strickland in 2018 — explain her discovery.",
        "Did Rosalind Franklin ever win the Nobel Prize?",
        "Analyse the character of Holden Caulfield.",
        "Give me a short summary of Antony and Cleopatra for my literature essay.",
        "Tell me about Frida Kahlo's paintings.",
        "Describe the legacy of Simón Bolívar in South America.",
    ],
)
def test_a_figure_asked_about_as_a_topic_is_no_person(prompt: str) -> None:
    assert Redactor("patterns+ner").redact(prompt).text == prompt


@pytest.mark.parametrize(
    ("prompt", "name"),
    [
        ("Who was Nomvula Dlamini on the support call this morning?", "Nomvula Dlamini"),
        ("Who was Ngozi Adeyemi talking to at reception on Tuesday?", "Ngozi Adeyemi"),
        ("Tell me about Rahul Verma's subscription, it renewed twice.", "Rahul Verma"),
        ("Why is Grzegorz Kowalski still on my case?", "Grzegorz Kowalski"),
        ("Why is Ifeoma Eze so important to the team?", "Ifeoma Eze"),
        ("Write a reply to Mariana Costa about her refund.", "Mariana Costa"),
        ("Summarise what Chinedu Okeke said during the standup.", "Chinedu Okeke"),
        ("Compare Lucia Bianchi's and Marco Rossi's estimates for the bathroom.", "Marco Rossi"),
        ("Describe the rollout from the point of view of my supervisor, Hannah Schmidt.", "Hannah Schmidt"),
        ("Dear Oluwaseun Adebayo, the history essays are marked.", "Oluwaseun Adebayo"),
        ("Can you help Siobhan Murphy with her chemistry homework?", "Siobhan Murphy"),
        ("Explain why Oluwadamilare Bello thinks the plot hole matters, he sent it at 9am.", "Oluwadamilare Bello"),
        ("Our new meeting room is named after Joanne Whitfield from accounts.", "Joanne Whitfield"),
        ("Compare Joanne Price and Mark Ellis as team leaders.", "Mark Ellis"),
        ("I need a gift idea for Chiara Bianchi, she likes history and ancient Rome.", "Chiara Bianchi"),
    ],
)
def test_someone_the_writer_deals_with_stays_redacted(prompt: str, name: str) -> None:
    assert name not in Redactor("patterns+ner").redact(prompt).text
