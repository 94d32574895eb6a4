"""A simulated customer-support application: its worlds of questions and answers, its users, and its telemetry."""

from feedback_loop.simulate.slot_world import FeedbackNoise, SlotWorld
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
from feedback_loop.simulate.worlds import LOOKUP_WORLD, WORLD_NAMES, LookupWorld, World, make_world

__all__ = [
    "BASE_ARM",
    "CORPUS_HABITS",
    "INTENTS",
    "LOOKUP_WORLD",
    "REACTIONS",
    "RESPONSE_KINDS",
    "SEGMENTS",
    "WORLD_NAMES",
    "FeedbackNoise",
    "Intent",
    "LookupWorld",
    "Reaction",
    "Responder",
    "Segment",
    "SlotWorld",
    "World",
    "classify_response",
    "corpus_response",
    "make_world",
    "pretraining_corpus",
    "reaction_for",
    "segment_of",
    "simulate_day",
    "write_corpus",
]
