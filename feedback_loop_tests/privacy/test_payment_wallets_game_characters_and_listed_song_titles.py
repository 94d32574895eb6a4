"""Things named like people that stay: an e-wallet or an app a payment is made with ("paid with Maya at the
counter"), a game's character whose best build is asked for ("the best Zhongli's shield build") or who stands before
"in" and a sequel's title in a sentence about the work's world ("Ezio Auditore in Assassin's Creed 2 is iconic"), and
song titles quoted one after
another ("play 'Jolene' then '...'") or whose meaning is asked ("the meaning of '...'"). People in the same frames
stay redacted."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    "sentence",
    [
        # An e-wallet or an app a payment is made with.
        "Can I pay with Maya at the Jollibee drive-thru?",
        "Can I pay with Tala at the sari-sari store?",
        "The cashier asked if I'd pay with Dana or cash.",
        "I topped up with Maya but the load never arrived.",
        # A game's character whose best kit is asked for.
        "Best Raiden Shogun team comp without Bennett?",
        "What is the strongest Kazuha's sword loadout?",
        # A character before "in" and a sequel's title, the sentence about the work's world.
        "Ezio Auditore in Assassin's Creed 2 is the most iconic protagonist.",
        "Is Arthur Morgan in Red Dead Redemption 2 the best protagonist ever?",
        "Which DLC adds Bayek Siwa in Assassin's Creed 4?",
        # Song titles quoted in a list after a verb, or whose meaning is asked.
        "Alexa, play 'Jolene' then 'Ana Ng'.",
        'Play "Hey Jude" and then "Eleanor Rigby".',
        "The band played 'Layla', 'Maggie May' and 'Peggy Sue' last night.",
        'What\'s the meaning of "Eleanor Rigby"?',
        'Can you explain the lyrics of "Billie Jean"?',
        'What\'s the meaning behind "Emily Kane"?',
    ],
)
def test_the_namesake_stays(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # People a payment is made with or to.
        ("I paid with Maya Okonkwo at the counter, we split it.", "I paid with <PERSON> at the counter, we split it."),
        ("I paid Ifeoma Chukwu back for the tickets.", "I paid <PERSON> back for the tickets."),
        ("We paid with Tomás and Ines for the cabin.", "We paid with <PERSON> and <PERSON> for the cabin."),
        # A person's build, team or game.
        ("Priyanka's build failed on CI again.", "<PERSON>'s build failed on CI again."),
        ("My teammate Zhong Li carried the raid last night.", "My teammate <PERSON> carried the raid last night."),
        ("My daughter Lara wants the game for her birthday.", "My daughter <PERSON> wants the game for her birthday."),
        (
            "My cousin Lara Croft lives in Tomb Street now.",
            "My cousin <PERSON> lives in Tomb Street now.",
        ),
        # People "in" a place or a department, words of games around them.
        (
            "Tomás Herrera in Buenos Aires is our lead character designer.",
            "<PERSON> in Buenos Aires is our lead character designer.",
        ),
        (
            "Wanjiru Kamau in Human Resources runs the cosplay club.",
            "<PERSON> in Human Resources runs the cosplay club.",
        ),
        (
            "My brother Diego Ramos in Grand Rapids 2 loves boss fights.",
            "My brother <PERSON> in Grand Rapids 2 loves boss fights.",
        ),
        # Quoted people, not titles in a list.
        (
            'She wrote "Dear Ingrid" then "Hi Ingrid" and deleted both.',
            'She wrote "Dear <PERSON>" then "Hi <PERSON>" and deleted both.',
        ),
    ],
)
def test_the_person_is_redacted(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted
