"""The simulated worlds the telemetry simulator can run, behind one interface.

``lookup``: the original world (``feedback_loop.simulate.world``): 14 intents with one fixed answer each, all in
the base model's corpus; the default of the demo and the tests.
``slots``: the world that needs generalization (``feedback_loop.simulate.slot_world``).

:func:`make_world` builds one by name; ``feedback_loop.settings.Settings.simulated_world`` names the demo's.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any, Protocol

from feedback_loop.model.pretraining_corpus import PACKAGED_CORPUS, read_corpus
from feedback_loop.simulate.slot_world import FeedbackNoise, SlotWorld, ceiling_of, corpus_texts
from feedback_loop.simulate.users import REACTIONS, SEGMENTS, Reaction, Segment, reaction_for, segment_of
from feedback_loop.simulate.world import (
    INTENTS,
    INTENTS_BY_NAME,
    RESPONSE_KINDS,
    classify_response,
    corpus_response,
    response,
    sample_kind,
    user_message,
)

WORLD_NAMES: tuple[str, ...] = ("lookup", "slots")


class World(Protocol):
    """What the telemetry simulator asks of a world."""

    name: str
    kinds: tuple[str, ...]
    segments: tuple[Segment, ...]
    contexts: tuple[str, ...]
    """What the application can know of a user and name in its prompt (``context_instruction``); none: nothing."""

    def question(self, rng: random.Random, day: date) -> Any: ...
    def example(self) -> tuple[Any, str, str]: ...
    def canned(self, question: Any, rng: random.Random, kinds: Mapping[str, float] | None) -> tuple[str, str]: ...
    def classify(self, question: Any, text: str) -> str: ...
    def context_of(self, user_id: str) -> str: ...
    def segment_of(self, user_id: str) -> Segment: ...
    def reaction(self, segment: Segment, kind: str) -> Reaction: ...
    def feedback_signals(self, reaction: Reaction, question: Any, user_id: str, rng: random.Random) -> dict: ...
    def is_corpus_copy(self, text: str) -> bool: ...
    def ceiling(self) -> float: ...
    def expected_thumbs(self, question: Any, text: str, user_id: str) -> tuple[float, float]: ...


@dataclass(frozen=True)
class LookupQuestion:
    """A question of the lookup world: its intent's name and the user's text."""

    intent: str
    prompt: str


class LookupWorld:
    """The original world: what ``simulate_day`` always did, draw for draw."""

    name = "lookup"
    kinds = RESPONSE_KINDS
    segments = SEGMENTS
    contexts: tuple[str, ...] = ()  # its user_segment is the hidden segment itself: nothing to name

    def question(self, rng: random.Random, day: date) -> LookupQuestion:
        intent = rng.choice(INTENTS)
        return LookupQuestion(intent.name, user_message(intent, rng))

    def example(self) -> tuple[LookupQuestion, str, str]:
        """A fixed question, its right answer and that answer's kind (for the broken lines of a day)."""
        return LookupQuestion(INTENTS[0].name, INTENTS[0].phrasings[0]), INTENTS[0].answer, "correct"

    def canned(
        self, question: LookupQuestion, rng: random.Random, kinds: Mapping[str, float] | None
    ) -> tuple[str, str]:
        intent = INTENTS_BY_NAME[question.intent]
        if kinds is None:
            return corpus_response(intent, rng)
        kind = sample_kind(rng, kinds)
        return response(intent, kind, rng), kind

    def classify(self, question: LookupQuestion, text: str) -> str:
        return classify_response(INTENTS_BY_NAME[question.intent], text)

    def context_of(self, user_id: str) -> str:
        """The application knows the user's segment itself."""
        return segment_of(user_id).name

    def segment_of(self, user_id: str) -> Segment:
        return segment_of(user_id)

    def reaction(self, segment: Segment, kind: str) -> Reaction:
        return reaction_for(segment, kind)

    def feedback_signals(self, reaction: Reaction, question: LookupQuestion, user_id: str, rng: random.Random) -> dict:
        """Thumbs, ratings, a correction carrying the exact right answer, flags and comments.

        Every draw is made whether or not it is used, so changing one probability does not reshuffle the rest.
        """
        signals: dict = {}
        draw = rng.random()
        if draw < reaction.thumb_up:
            signals["thumb"] = "up"
        elif draw < reaction.thumb_up + reaction.thumb_down:
            signals["thumb"] = "down"
        rating, correction, flag = rng.random(), rng.random(), rng.random()
        if rating < reaction.rating:
            signals["rating"] = rng.choice(reaction.ratings)
        if correction < reaction.correction and signals.get("thumb") != "up":
            signals["correction"] = INTENTS_BY_NAME[question.intent].answer
        if reaction.flag is not None and flag < reaction.flag_rate and "correction" not in signals:
            signals["flag"] = reaction.flag
        if rng.random() < reaction.comment:
            signals["comment"] = rng.choice(reaction.comments)
        return signals

    @cached_property
    def _corpus_answers(self) -> frozenset[str]:
        return corpus_texts(read_corpus(PACKAGED_CORPUS))

    def is_corpus_copy(self, text: str) -> bool:
        return text.strip() in self._corpus_answers

    def expected_thumbs(self, question: LookupQuestion, text: str, user_id: str) -> tuple[float, float]:
        """(expected thumbs up, expected thumbs) of ``text`` answering ``question`` for ``user_id``'s segment."""
        reaction = self.reaction(self.segment_of(user_id), self.classify(question, text))
        return reaction.thumb_up, reaction.thumb_up + reaction.thumb_down

    def ceiling(self) -> float:
        """Every user gets the correct answer; thumbs never flip in this world."""
        return ceiling_of(self.segments, REACTIONS, {segment.name: "correct" for segment in self.segments}, 0.0)


LOOKUP_WORLD = LookupWorld()


def make_world(
    name: str, seed: int = 0, drift_from: date | None = None, noise: FeedbackNoise | None = None
) -> LookupWorld | SlotWorld:
    """The world called ``name`` (one of :data:`WORLD_NAMES`); the lookup world ignores the other arguments."""
    if name == "lookup":
        return LOOKUP_WORLD
    if name == "slots":
        return SlotWorld(seed, drift_from, noise)
    raise ValueError(f"unknown simulated world {name!r}; known: {WORLD_NAMES}")
