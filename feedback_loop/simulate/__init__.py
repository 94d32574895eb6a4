"""A simulated customer-support application: its world of questions and answers, and its telemetry."""

from feedback_loop.simulate.telemetry import REACTIONS, simulate_day
from feedback_loop.simulate.world import (
    INTENTS,
    RESPONSE_KINDS,
    Intent,
    classify_response,
    pretraining_corpus,
    write_corpus,
)

__all__ = [
    "INTENTS",
    "REACTIONS",
    "RESPONSE_KINDS",
    "Intent",
    "classify_response",
    "pretraining_corpus",
    "simulate_day",
    "write_corpus",
]
