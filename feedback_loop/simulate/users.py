"""Simulated users: how they react to each kind of answer, and the segment each of them belongs to.

:data:`REACTIONS` says how an average user reacts to each response kind of ``feedback_loop.simulate.world``:
good answers mostly get a thumbs up, an accept and a resolved outcome; bad ones thumbs down, corrections
carrying the right answer, retries, escalations, flags and comments. Calibrated on the canned answers of the
simulator: correct answers get about 80% thumbs up, every bad kind at most 20%, and most interactions get a
thumb either way, so the labeler always has explicit evidence to work with.

Every user belongs to one of :data:`SEGMENTS`, picked by a stable hash of the user id (:func:`segment_of`),
so a user keeps their segment across days and simulations, independently of the serving arm they are routed
to. A segment shifts the average reactions (:func:`reaction_for`): ``concise`` users punish long answers,
``detail_seeking`` users like them, ``impatient`` users read fast and escalate, ``thorough`` users read
carefully and write corrections. The application knows each user's segment (as it would know a plan or a
customer tier) and reports it on interaction events; how the users of a segment react stays the simulator's
secret, so the pipeline can only see its effects, as with real users.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from feedback_loop.serve.router import pick_by_share

MAX_READING_MS = 300_000.0
# Time to look at an answer before reading it, whatever its length.
_GLANCE_MS = (500.0, 2500.0)


@dataclass(frozen=True)
class Reaction:
    """How users react to one kind of response: probabilities and the values they pick from.

    ``correction`` is the probability of writing the right answer for users who did not give a thumbs up;
    ``flag_rate`` that of flagging for users who did not write a correction (a user either fixes the answer or
    complains about it). ``read_fraction`` is the share of the text a user reads before reacting.
    """

    thumb_up: float
    thumb_down: float
    rating: float
    ratings: tuple[int, ...]
    correction: float
    flag: str | None
    flag_rate: float
    comment: float
    comments: tuple[str, ...]
    actions: dict[str, float] = field(default_factory=dict)
    outcomes: dict[str, float] = field(default_factory=dict)
    read_fraction: float = 1.0


REACTIONS: dict[str, Reaction] = {
    "correct": Reaction(
        thumb_up=0.82,
        thumb_down=0.05,
        rating=0.3,
        ratings=(4, 5, 5),
        correction=0.0,
        flag=None,
        flag_rate=0.0,
        comment=0.15,
        comments=("Thanks, that solved it.", "Perfect, very clear.", "Great, that worked."),
        actions={"accept": 0.65, "copy": 0.3, "retry": 0.05},
        outcomes={"resolved": 0.85, "converted": 0.05, "abandoned": 0.05, "escalated": 0.05},
        read_fraction=1.0,
    ),
    "wrong_intent": Reaction(
        thumb_up=0.03,
        thumb_down=0.72,
        rating=0.3,
        ratings=(1, 2),
        correction=0.35,
        flag="off_topic",
        flag_rate=0.25,
        comment=0.3,
        comments=("That is not what I asked.", "Wrong answer, not helpful."),
        actions={"retry": 0.5, "escalate": 0.3, "edit": 0.1, "accept": 0.1},
        outcomes={"escalated": 0.4, "abandoned": 0.4, "resolved": 0.2},
        read_fraction=0.5,
    ),
    "verbose": Reaction(
        thumb_up=0.18,
        thumb_down=0.5,
        rating=0.25,
        ratings=(2, 3),
        correction=0.35,
        flag=None,
        flag_rate=0.0,
        comment=0.3,
        comments=("Way too long and confusing.", "Too much text, annoying."),
        actions={"accept": 0.3, "retry": 0.3, "copy": 0.2, "escalate": 0.2},
        outcomes={"resolved": 0.5, "abandoned": 0.3, "escalated": 0.2},
        read_fraction=0.6,
    ),
    "rude": Reaction(
        thumb_up=0.02,
        thumb_down=0.85,
        rating=0.4,
        ratings=(1,),
        correction=0.25,
        flag="offensive",
        flag_rate=0.6,
        comment=0.4,
        comments=("So rude!", "Terrible and rude answer."),
        actions={"escalate": 0.6, "retry": 0.4},
        outcomes={"escalated": 0.5, "abandoned": 0.5},
        read_fraction=0.3,
    ),
    "hallucinated": Reaction(
        thumb_up=0.08,
        thumb_down=0.64,
        rating=0.3,
        ratings=(1, 2),
        correction=0.35,
        flag="wrong",
        flag_rate=0.3,
        comment=0.3,
        comments=("That is incorrect, this is not your policy.", "Wrong information."),
        actions={"retry": 0.3, "escalate": 0.4, "accept": 0.3},
        outcomes={"escalated": 0.4, "abandoned": 0.3, "resolved": 0.3},
        read_fraction=0.9,
    ),
    "nonsense": Reaction(
        thumb_up=0.03,
        thumb_down=0.7,
        rating=0.2,
        ratings=(1,),
        correction=0.35,
        flag="other",
        flag_rate=0.1,
        comment=0.3,
        comments=("That makes no sense.", "The answer just stops halfway."),
        actions={"retry": 0.6, "escalate": 0.25, "edit": 0.15},
        outcomes={"abandoned": 0.5, "escalated": 0.4, "resolved": 0.1},
        read_fraction=0.3,
    ),
}


@dataclass(frozen=True)
class Segment:
    """A kind of user: hidden preferences that shift the average reactions of :data:`REACTIONS`.

    ``thumb_shift`` moves, per response kind, probability from thumbs down to thumbs up (negative: back);
    ``correction_factor`` multiplies the correction rate; ``action_factors`` and ``outcome_factors`` multiply
    the weights of actions and outcomes; ``words_per_minute`` is the reading speed.
    """

    name: str
    share: float
    thumb_shift: dict[str, float] = field(default_factory=dict)
    correction_factor: float = 1.0
    action_factors: dict[str, float] = field(default_factory=dict)
    outcome_factors: dict[str, float] = field(default_factory=dict)
    words_per_minute: float = 250.0


SEGMENTS: tuple[Segment, ...] = (
    Segment(
        "concise",
        0.3,
        thumb_shift={"correct": 0.04, "verbose": -0.18},
        action_factors={"retry": 1.5},
        words_per_minute=300.0,
    ),
    Segment(
        "detail_seeking",
        0.25,
        thumb_shift={"correct": -0.06, "verbose": 0.25},
        words_per_minute=200.0,
    ),
    Segment(
        "impatient",
        0.2,
        thumb_shift={"wrong_intent": -0.05, "verbose": -0.1, "hallucinated": -0.05, "nonsense": -0.03},
        correction_factor=0.4,
        action_factors={"escalate": 3.0, "retry": 0.5},
        outcome_factors={"escalated": 3.0},
        words_per_minute=400.0,
    ),
    Segment(
        "thorough",
        0.25,
        correction_factor=1.6,
        action_factors={"edit": 2.0, "copy": 1.5},
        words_per_minute=180.0,
    ),
)

SEGMENTS_BY_NAME: dict[str, Segment] = {segment.name: segment for segment in SEGMENTS}


def segment_of(user_id: str) -> Segment:
    """The segment of ``user_id``: a stable hash of the id into [0, 1), cut by the segments' shares.

    The hash input has its own prefix, so segments are independent of the serving arm (the router hashes the
    same user id with another salt) and an A/B comparison sees the same mix of users on each arm.
    """
    return pick_by_share(f"feedback-loop/simulate/segment:{user_id}", SEGMENTS, [s.share for s in SEGMENTS])


def _scaled(weights: dict[str, float], factors: Mapping[str, float]) -> dict[str, float]:
    return {key: weight * factors.get(key, 1.0) for key, weight in weights.items()}


def reaction_for(segment: Segment, kind: str) -> Reaction:
    """How users of ``segment`` react to a ``kind`` response: :data:`REACTIONS` shifted by the segment.

    The thumb shift keeps the chance of giving a thumb at all; it only moves users between up and down.
    """
    if kind not in REACTIONS:
        raise ValueError(f"segment {segment.name!r}: unknown response kind {kind!r}; known: {tuple(REACTIONS)}")
    base = REACTIONS[kind]
    thumbs = base.thumb_up + base.thumb_down
    thumb_up = min(max(base.thumb_up + segment.thumb_shift.get(kind, 0.0), 0.0), thumbs)
    return replace(
        base,
        thumb_up=thumb_up,
        thumb_down=thumbs - thumb_up,
        correction=min(1.0, base.correction * segment.correction_factor),
        actions=_scaled(base.actions, segment.action_factors),
        outcomes=_scaled(base.outcomes, segment.outcome_factors),
    )


def reading_time_ms(text: str, reaction: Reaction, segment: Segment, rng: random.Random) -> float:
    """How long a user of ``segment`` spends on ``text``: a glance, then the read share of its words.

    Longer answers take longer, bad ones are abandoned early (``reaction.read_fraction``), and the reading
    speed is the segment's. Capped at :data:`MAX_READING_MS`.
    """
    words_read = len(text.split()) * reaction.read_fraction
    reading = words_read * 60_000.0 / segment.words_per_minute * rng.uniform(0.8, 1.25)
    return round(min(rng.uniform(*_GLANCE_MS) + reading, MAX_READING_MS), 1)
