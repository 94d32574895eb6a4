"""Famous people asked about as topics of general knowledge stay: what they did in history, politics, science or
art after their possessive ("...'s foreign policy", "...'s use of light", "...'s and ...'s ideology"), prizes they
won ("... won two Oscars"), works they made ("Which opera did ... write?"), sayings credited to them ("As ... said:
'...'"), and artists listed in a request for a playlist. Private people in the same frames are still redacted: what
anyone has ("...'s order status", "...'s quotes for the fence"), a workplace's matters, a given name alone, a first
person's doings, a playlist shared with someone."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    "sentence",
    [
        # What a figure did in history, politics, science or art, after their possessive.
        "Can you summarise Kwame Nkrumah's foreign policy after independence?",
        "Give me three points on Mustafa Kemal's reforms for my essay.",
        "Outline Genghis Khan's military campaigns and Kublai Khan's influence on China.",
        "How did Rembrandt van Rijn's use of light change Dutch painting?",
        "Compare Sun Yat-sen's and Chiang Kai-shek's economic policies.",
        "Compare Lenin's and Trotsky's ideology.",
        "Analyse Toussaint Louverture's military career.",
        "Write a short essay on Eva Perón's social reforms.",
        "Explain how Ramanujan's contributions to number theory are still used.",
        "Summarise Akbar the Great's religious policy.",
        # Prizes won, works made.
        "Is it true that Ennio Morricone won two Oscars?",
        "Which opera did Verdi write for the opening of the Suez Canal?",
        "Which poems did Rabindranath Tagore write in Bengali?",
        "Which paintings did Amrita Sher-Gil paint in Hungary?",
        "What inventions did Nikola Tesla propose?",
        # Sayings credited to their authors.
        'As Lao Tzu said: "A journey of a thousand miles begins with a single step."',
        '"Know thyself," as Socrates said.',
        "As Voltaire said, common sense is not so common.",
        "As Rumi famously said, what you seek is seeking you.",
        'As Ibn Khaldun said: "Geography is destiny."',
        # Artists listed in a request for a playlist, for a private occasion too.
        "Can you make a road trip playlist with Fela Kuti, Miriam Makeba and Salif Keita?",
        "Put together a birthday playlist featuring Celia Cruz, Tito Puente and Héctor Lavoe.",
        "Suggest a dinner party mix with Nina Simone, Ella Fitzgerald and Billie Holiday.",
        "Make me a study playlist with Ryuichi Sakamoto, Joe Hisaishi and Ravi Shankar.",
    ],
)
def test_the_figure_stays(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # What anyone has, or does at work, after a possessive.
        ("Tell me about Chukwuemeka Eze's order status.", "Tell me about <PERSON>'s order status."),
        (
            "Can you summarise Chiamaka Eze's impact on the team this quarter?",
            "Can you summarise <PERSON>'s impact on the team this quarter?",
        ),
        (
            "Compare Ikaika's and Sione's quotes for the fence.",
            "Compare <PERSON>'s and <PERSON>'s quotes for the fence.",
        ),
        (
            "Compare Kofi's and Ama's reforms of the chore chart.",
            "Compare <PERSON>'s and <PERSON>'s reforms of the chore chart.",
        ),
        (
            "Tell me about Priya Raman's use of colour in the office redesign.",
            "Tell me about <PERSON>'s use of colour in the office redesign.",
        ),
        (
            "Tell me about Tevita Fifita's reforms of the rota at work.",
            "Tell me about <PERSON>'s reforms of the rota at work.",
        ),
        # Prizes and songs of private people.
        (
            "Did Sipho Ndlovu win a prize at the school fair yesterday?",
            "Did <PERSON> win a prize at the school fair yesterday?",
        ),
        ("Which song did Tariq sing at the wedding?", "Which song did <PERSON> sing at the wedding?"),
        ("Which song did Mateus Rocha write for my cousin?", "Which song did <PERSON> write for my cousin?"),
        # A colleague's or a neighbour's word.
        ("As Okafor said, we need more chairs for Friday.", "<PERSON> said, we need more chairs for Friday."),
        (
            "As Mrs Tanaka said in the meeting, the invoice is late.",
            "As Mrs <PERSON> said in the meeting, the invoice is late.",
        ),
        ("As Dolapo said, the garden needs weeding.", "<PERSON> said, the garden needs weeding."),
        ("As Grace said, the keys are under the mat.", "<PERSON> said, the keys are under the mat."),
        # A playlist shared with people, or a person's favourite songs.
        ("Share the playlist with Ngozi Adeyemi and Lars Eriksen.", "Share the playlist with <PERSON> and <PERSON>."),
        (
            "Make a wedding playlist with songs that Farah likes.",
            "Make a wedding playlist with songs that <PERSON> likes.",
        ),
        (
            "Build a gym playlist together with Aisling Byrne and Marek Novak.",
            "Build a gym playlist together with <PERSON> and <PERSON>.",
        ),
    ],
)
def test_the_private_person_is_redacted(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted
