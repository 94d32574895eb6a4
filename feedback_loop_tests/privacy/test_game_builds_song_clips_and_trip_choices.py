"""Things named like people in prompts about games, songs and trips: a game's character a build is "for" before a
sequel's title, two characters set against each other before "which series has ...", a song's quoted title after
what music is made of or a clip taken from it ("the chord progression in '...'", "20 seconds of '...'") or listed
in a playlist after a colon, two places a question weighs for a trip ("Which is better for a first visit to ...: ...
or ...?") and the sights an itinerary for a place lists after a colon. People in the same frames (a gift for someone,
a team lunch, who comes on a trip, lunch with a friend, two people compared) stay redacted."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # A game's character a build is for, before a sequel's title, in a sentence about the game's world.
        (
            "Which build for Kratos in God of War 3 works best for the boss fights?",
            "Which build for Kratos in God of War 3 works best for the boss fights?",
        ),
        (
            "What's the best build for Yennefer in The Witcher 3 for the final boss?",
            "What's the best build for Yennefer in The Witcher 3 for the final boss?",
        ),
        # Two characters set against each other before a question which of their series does better.
        (
            "Master Chief vs Samus Aran: which franchise has aged better?",
            "Master Chief vs Samus Aran: which franchise has aged better?",
        ),
        (
            "Geralt of Rivia vs Arthur Morgan — which game has the better open world?",
            "Geralt of Rivia vs Arthur Morgan — which game has the better open world?",
        ),
        # A song's quoted title after its chords or a clip taken from it.
        (
            "What's the chord progression in 'Billie Jean', and how does the bass line work?",
            "What's the chord progression in 'Billie Jean', and how does the bass line work?",
        ),
        (
            "Can I use 20 seconds of 'Sweet Caroline' in a wedding video I post online?",
            "Can I use 20 seconds of 'Sweet Caroline' in a wedding video I post online?",
        ),
        # Quoted titles a playlist is to hold.
        (
            "Make a playlist for a road trip through Ghana: 'Angela Baker', 'Tom Sawyer', and highlife classics.",
            "Make a playlist for a road trip through Ghana: 'Angela Baker', 'Tom Sawyer', and highlife classics.",
        ),
        # Sights an itinerary lists after a colon; a friend met for lunch stays a person.
        (
            "Plan a two-day itinerary for Kyoto: Fushimi Inari, lunch with Haruto Sato, and Arashiyama.",
            "Plan a two-day itinerary for Kyoto: Fushimi Inari, lunch with <PERSON>, and Arashiyama.",
        ),
        # Guards: people in the same frames.
        ("What's the best gift for Amaka Obi in Lagos?", "What's the best gift for <PERSON> in Lagos?"),
        (
            "What's the best build for Adaeze in Human Resources?",
            "What's the best build for <PERSON> in Human Resources?",
        ),
        (
            "Who should come on our trip to Kenya: Wanjiru Kamau or Achieng Otieno?",
            "Who should come on our trip to Kenya: <PERSON> or <PERSON>?",
        ),
        (
            "Tunde Bakare vs Grace Adeyemi — which team won the debate?",
            "Tunde Bakare vs <PERSON> — which team won the debate?",
        ),
        (
            "Kofi Boateng vs Ama Serwaa: which film should we pick tonight?",
            "Kofi Boateng vs <PERSON>: which film should we pick tonight?",
        ),
        ("Play the song my friend Kofi Boateng wrote.", "Play the song my friend <PERSON> wrote."),
    ],
)
def test_game_builds_song_clips_and_trip_choices(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted
