"""Landmarks and islands whose names read like a person's: a name ending with the head noun of a landmark that is
nobody's surname ("Victoria Falls", "... Grand Mosque"), a name followed by such a noun in lower case ("Fushimi Inari
shrine", "Soekarno Hatta airport"), and the island, mountain and beach words of Malay, Indonesian, Spanish and
Portuguese that open a place's name ("Pulau Tioman", "Nusa Lembongan", "Praia Vermelha"). People named in the same
frames, and people whose surname is a landmark's noun too ("Grace Temple"), stay redacted."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    "sentence",
    [
        # A landmark's head noun that is nobody's surname, after a given name.
        "Tell me about Victoria Falls.",
        "How many people visit Angel Falls every year?",
        "Can you swim at the top of Victoria Falls in September?",
        "We have one day in Livingstone, is the walk to Victoria Falls bridge worth it?",
        "Is Sheikh Zayed Grand Mosque open on Fridays?",
        # A landmark's noun in lower case after its name.
        "What time does Kiyomizu-dera open, and is Fushimi Inari shrine crowded at dawn?",
        "How far is Soekarno Hatta airport from the old town?",
        "Is Kawah Ijen volcano hike doable with teens?",
        "Is Mae Kampong waterfall reachable by scooter?",
        # The island, mountain and beach words of other languages opening a place's name.
        "Which ferry goes to Pulau Tioman from Mersing?",
        "Is Gunung Bromo sunrise tour worth it?",
        "Is Pantai Cenang in Langkawi busy at Christmas?",
        "Is Praia Vermelha good for swimming with kids?",
        "Is Ilha Grande safe for solo hikers?",
        "Is Playa Paraiso crowded in March?",
        # Island words that are given names too, before a word no name list holds.
        "Is Nusa Lembongan quieter than Bali?",
        "Can you walk around Nusa Ceningan in an hour?",
        "Is Isla Mujeres a good base for snorkeling?",
    ],
)
def test_landmarks_and_islands_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # Island words that are given names too, before a name the lists hold.
        ("Please forward the contract to Isla Bennett.", "Please forward the contract to <PERSON>."),
        ("Nusa Kovač will join the call at noon.", "<PERSON> will join the call at noon."),
        # Surnames that are a landmark's noun too, after a given name.
        ("Tell Grace Temple that the meeting moved.", "Tell <PERSON> that the meeting moved."),
        ("My aunt Rosa Beach lives near the harbour.", "My aunt <PERSON> lives near the harbour."),
        ("Ana Park said the room is ready.", "<PERSON> said the room is ready."),
        # People in the same frames as the landmarks: at the airport, near the falls, a temple's fair.
        ("I'm meeting Lyonel Park at the airport", "I'm meeting <PERSON> at the airport"),
        ("Ms. Hyde will pick us up at the falls", "Ms. <PERSON> will pick us up at the falls"),
        ("Ask Zayed about the airport pickup.", "Ask <PERSON> about the airport pickup."),
        ("My neighbour Tanah Lopez bakes for the temple fair.", "My neighbour <PERSON> bakes for the temple fair."),
        (
            "Ravi's temple trip got cancelled, can you rebook it?",
            "<PERSON>'s temple trip got cancelled, can you rebook it?",
        ),
        # "falls" in lower case is a verb too: a person falls asleep.
        ("My cousin Victoria falls asleep on every bus ride.", "My cousin <PERSON> falls asleep on every bus ride."),
        # A street with a house number is still an address.
        ("Rua Augusta, 1500, apto 12, São Paulo", "<ADDRESS>"),
    ],
)
def test_people_and_addresses_in_the_same_frames_stay_redacted(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted
