"""Offline evaluation: paired per-example scores of two models and the bootstrap promotion gate."""

from feedback_loop.evaluate.offline import EvalSpec, compare, paired_bootstrap, score_examples, token_f1

__all__ = ["EvalSpec", "compare", "paired_bootstrap", "score_examples", "token_f1"]
