"""A simulated customer-support application: its world of questions and answers, its users, and its telemetry."""

from feedback_loop.simulate.telemetry import BASE_ARM, Responder, simulate_day
from feedback_loop.simulate.users import REACTIONS, SEGMENTS, Reaction, Segment, reaction_for, segment_of
from feedback_loop.simulate.world import (
    CORPUS_HABITS,
    INTENTS,
    RESPONSE_KINDS,
    Intent,
    classify_response,
    corpus_response,
    pretraining_corpus,
    write_corpus,
)

__all__ = [
    "BASE_ARM",
    "CORPUS_HABITS",
    "INTENTS",
    "REACTIONS",
    "RESPONSE_KINDS",
    "SEGMENTS",
    "Intent",
    "Reaction",
    "Responder",
    "Segment",
    "classify_response",
    "corpus_response",
    "pretraining_corpus",
    "reaction_for",
    "segment_of",
    "simulate_day",
    "write_corpus",
]
