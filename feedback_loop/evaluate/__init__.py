"""Offline evaluation (paired per-example scores, the offline gate) and the online A/B decision, on the
statistics of :mod:`feedback_loop.evaluate.stats`."""

from feedback_loop.evaluate.offline import EvalSpec, GateResult, compare, score_examples, token_f1
from feedback_loop.evaluate.online import ABDecision, ABSpec, compare_canary, decide, looks_from_counts

__all__ = [
    "ABDecision",
    "ABSpec",
    "EvalSpec",
    "GateResult",
    "compare",
    "compare_canary",
    "decide",
    "looks_from_counts",
    "score_examples",
    "token_f1",
]
