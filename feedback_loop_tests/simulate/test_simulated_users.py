"""Simulated users: stable hidden segments and the reactions they shift."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from feedback_loop.serve.router import Arm, assign_arm
from feedback_loop.simulate.users import (
    MAX_READING_MS,
    REACTIONS,
    SEGMENTS,
    SEGMENTS_BY_NAME,
    reaction_for,
    reading_time_ms,
    segment_of,
)
from feedback_loop.simulate.world import RESPONSE_KINDS

USERS = [f"sim-user-{n:04d}" for n in range(4000)]


def _share(reaction_weights: dict[str, float], key: str) -> float:
    return reaction_weights.get(key, 0.0) / sum(reaction_weights.values())


def test_every_response_kind_has_a_reaction_and_the_segments_split_all_users():
    assert set(REACTIONS) == set(RESPONSE_KINDS)
    assert sum(segment.share for segment in SEGMENTS) == pytest.approx(1.0)
    assert len(SEGMENTS_BY_NAME) == len(SEGMENTS) >= 3


def test_segment_assignment_is_deterministic_and_follows_the_shares():
    counts = Counter(segment_of(user).name for user in USERS)
    assert [segment_of(user).name for user in USERS[:50]] == [segment_of(user).name for user in USERS[:50]]
    for segment in SEGMENTS:
        assert counts[segment.name] / len(USERS) == pytest.approx(segment.share, abs=0.03), segment.name


def test_segments_are_independent_of_the_serving_arm():
    arms = [Arm(None, None, 0.5), Arm("canary", "/adapters/canary", 0.5)]
    by_arm: dict[str | None, Counter] = {None: Counter(), "canary": Counter()}
    for user in USERS:
        by_arm[assign_arm(user, arms, "None|canary").adapter_version][segment_of(user).name] += 1
    for segment in SEGMENTS:
        shares = [counts[segment.name] / sum(counts.values()) for counts in by_arm.values()]
        assert abs(shares[0] - shares[1]) < 0.05, segment.name


@pytest.mark.parametrize("segment", SEGMENTS, ids=lambda segment: segment.name)
def test_every_segment_prefers_correct_answers(segment):
    correct = reaction_for(segment, "correct")
    assert correct.thumb_up >= 0.7
    for kind in RESPONSE_KINDS:
        reaction = reaction_for(segment, kind)
        base = REACTIONS[kind]
        # The shift moves users between up and down; it never changes how many give a thumb.
        assert reaction.thumb_up + reaction.thumb_down == pytest.approx(base.thumb_up + base.thumb_down)
        assert reaction.thumb_up >= 0.0 and reaction.thumb_down >= 0.0 and 0.0 <= reaction.correction <= 1.0
        if kind not in ("correct", "verbose"):
            assert reaction.thumb_up <= 0.1 and correct.thumb_up > reaction.thumb_up + 0.5, kind


def test_segments_shift_reactions_the_way_their_names_say():
    concise, detail, impatient, thorough = (
        SEGMENTS_BY_NAME[name] for name in ("concise", "detail_seeking", "impatient", "thorough")
    )
    assert reaction_for(concise, "verbose").thumb_up + 0.3 < reaction_for(detail, "verbose").thumb_up
    wrong = REACTIONS["wrong_intent"]
    hasty = reaction_for(impatient, "wrong_intent")
    assert _share(hasty.actions, "escalate") > _share(wrong.actions, "escalate") + 0.2
    assert _share(hasty.outcomes, "escalated") > _share(wrong.outcomes, "escalated") + 0.2
    assert reaction_for(thorough, "hallucinated").correction > REACTIONS["hallucinated"].correction
    assert reaction_for(impatient, "hallucinated").correction < REACTIONS["hallucinated"].correction
    with pytest.raises(ValueError, match="segment 'concise': unknown response kind 'sarcastic'"):
        reaction_for(concise, "sarcastic")


def _mean_reading(text: str, kind: str, segment_name: str) -> float:
    rng = random.Random(0)
    segment = SEGMENTS_BY_NAME[segment_name]
    return sum(reading_time_ms(text, reaction_for(segment, kind), segment, rng) for _ in range(200)) / 200


def test_reading_time_depends_on_length_kind_and_reading_speed():
    short, long = "word " * 10, "word " * 60
    assert _mean_reading(long, "correct", "thorough") > 3 * _mean_reading(short, "correct", "thorough")
    assert _mean_reading(long, "rude", "thorough") < 0.5 * _mean_reading(long, "correct", "thorough")
    assert _mean_reading(long, "correct", "impatient") < 0.6 * _mean_reading(long, "correct", "thorough")
    segment = SEGMENTS_BY_NAME["thorough"]
    reaction = reaction_for(segment, "correct")
    assert reading_time_ms(long, reaction, segment, random.Random(3)) == reading_time_ms(
        long, reaction, segment, random.Random(3)
    )
    assert reading_time_ms("word " * 100_000, reaction, segment, random.Random(3)) == MAX_READING_MS
