"""Offline evaluation (paired per-example scores, bootstrap gate) and the online A/B decision."""

from feedback_loop.evaluate.offline import EvalSpec, compare, paired_bootstrap, score_examples, token_f1
from feedback_loop.evaluate.online import ABSpec, ArmStats, arm_stats, compare_canary, decide, one_sided_p_lower

__all__ = [
    "ABSpec",
    "ArmStats",
    "EvalSpec",
    "arm_stats",
    "compare",
    "compare_canary",
    "decide",
    "one_sided_p_lower",
    "paired_bootstrap",
    "score_examples",
    "token_f1",
]
