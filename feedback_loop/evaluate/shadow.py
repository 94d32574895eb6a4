"""Shadow evaluation: the shadow challenger against the champion on the same live prompts, before any user sees it.

While a challenger is in shadow, the server also has it answer a share of the prompts the champion answers
(:mod:`feedback_loop.serve.router`); its answers are recorded, never shown. :func:`pair_shadow_events` joins each
shadow answer to the live interaction it shadowed, :func:`response_features` turns both answers into rows the
auto-labeler scores (P(good) of each response, with the same neutral behaviour for both, since nobody reacted to
the shadow answer), and :func:`compare_shadow` decides with the offline gate's rules and margins
(:func:`~feedback_loop.evaluate.offline.judge_improvement`), the unit of the bootstrap being the user:

* not a no-op: the shadow answer differs from the champion's on at least one prompt;
* primary: the P(good) improvement (shadow - champion) has its interval above ``margin``;
* guardrail: where a user corrected the champion's answer, the shadow answer's token F1 against that correction
  minus the champion's is not worse than ``-margin`` (with fewer than two users' corrections there is nothing to
  resample and the guardrail is reported as not applicable);
* offensive answers are no more frequent.

Without a published auto-labeler there is no P(good) (:func:`score_pairs` with no scorer): the users' corrections
are then the evidence, and their agreement is the primary metric (its interval above ``margin``), judged on the
corrected prompts alone; the canary's A/B test on every user's explicit feedback comes after. With fewer than two
users' corrections there is no evidence either way (``insufficient``): the challenger waits.

Length (words) and latency are compared and reported with their intervals; they do not decide.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy
from pydantic import BaseModel, Field

from feedback_loop.evaluate.offline import (
    EvalSpec,
    MetricComparison,
    comparison_reason,
    judge_improvement,
    token_f1,
)
from feedback_loop.evaluate.stats import group_bootstrap
from feedback_loop.label.lexicons import is_offensive
from feedback_loop.stage_config import StageConfig

# P(good) of a table of label-like rows (the auto-labeler's predict_good_proba, or any reward model).
GoodProbability = Callable[[Any], numpy.ndarray]

_EVAL = EvalSpec.model_fields


class ShadowSpec(StageConfig):
    """How the shadow evaluation decides. The margin, confidence, resamples and seed are the offline gate's
    (:class:`~feedback_loop.evaluate.offline.EvalSpec`): its defaults, read from there."""

    margin: float = Field(_EVAL["score_margin"].default, ge=0, lt=1)
    """Practical significance on a 0-1 scale: the P(good) improvement's interval must lie above it, and the
    correction agreement may be worse by at most this much (the offline gate's `score_margin`)."""
    confidence: float = Field(_EVAL["confidence"].default, gt=0, lt=1)
    """Confidence of the two-sided BCa bootstrap intervals, which resample whole users."""
    n_resamples: int = Field(_EVAL["n_resamples"].default, ge=1)
    """Bootstrap resamples per interval."""
    seed: int = _EVAL["seed"].default
    """Seed of the bootstrap resamples."""
    worst_examples: int = Field(5, ge=0)
    """How many prompts where the shadow answer lost the most P(good) the result shows (redacted texts)."""


class ShadowArm(BaseModel):
    """One arm's figures over the paired prompts."""

    p_good: float | None
    """Mean P(good); None without a published auto-labeler."""
    offensive: int
    offensive_rate: float
    mean_words: float
    mean_latency_ms: float


class Difference(BaseModel):
    """A paired mean difference (shadow - champion) and its interval over users."""

    mean: float
    low: float
    high: float


class ShadowResult(BaseModel):
    """The shadow evaluation's verdict, the figures it stands on and its reasons in words."""

    passed: bool
    reasons: list[str]
    insufficient: bool = False
    """No evidence either way (too few users to resample): not a verdict, the challenger waits."""
    challenger_version: str | None = None
    champion_version: str | None = None
    prompts: int = 0
    """Paired prompts: live prompts the champion answered and the shadow challenger answered too."""
    users: int = 0
    corrections: int = 0
    """Paired prompts on which the user corrected the champion's answer."""
    differing_share: float = 0.0
    """Share of the paired prompts on which the two answers differ."""
    no_op: bool = False
    challenger: ShadowArm | None = None
    champion: ShadowArm | None = None
    primary: MetricComparison | None = None
    guardrail: MetricComparison | None = None
    length_words: Difference | None = None
    latency_ms: Difference | None = None
    worst_examples: list[dict] = []
    """The prompts where the shadow answer lost the most on the primary metric (P(good), or agreement with the
    user's correction): prompt and both answers, redacted as stored."""
    spec: ShadowSpec | None = None


PAIR_FIELDS = (
    "interaction_id",
    "user_id",
    "prompt",
    "champion_response",
    "shadow_response",
    "champion_p_good",
    "shadow_p_good",
    "correction",
    "champion_latency_ms",
    "shadow_latency_ms",
)


def pair_shadow_events(
    shadow_events: Sequence[dict], labels: Sequence[dict], shadow_version: str
) -> tuple[list[dict], int]:
    """The shadow answers of ``shadow_version`` joined to the live interactions they shadowed (the server shadows
    only the champion's answers), and how many found no live interaction yet (its label is not there: those wait
    for a later run).

    ``shadow_events`` rows need interaction_id, adapter_version, response, latency_ms; ``labels`` rows
    interaction_id, user_id, use_case, prompt, response, adapter_version, latency_ms, correction. The result has
    :data:`PAIR_FIELDS` (without the P(good) columns, which :func:`score_pairs` adds), use_case and
    champion_version (the live answer's adapter version, None for the bare base model).
    """
    live = {row["interaction_id"]: row for row in labels}
    pairs, unmatched = [], 0
    seen = set()
    for row in shadow_events:
        if row["adapter_version"] != shadow_version or row["interaction_id"] in seen:
            continue
        seen.add(row["interaction_id"])
        served = live.get(row["interaction_id"])
        if served is None:
            unmatched += 1
            continue
        pairs.append(
            {
                "interaction_id": row["interaction_id"],
                "user_id": served["user_id"],
                "use_case": served["use_case"],
                "prompt": served["prompt"],
                "champion_version": served["adapter_version"],
                "champion_response": served["response"],
                "shadow_response": row["response"],
                "correction": served["correction"],
                "champion_latency_ms": served["latency_ms"],
                "shadow_latency_ms": row["latency_ms"],
            }
        )
    return pairs, unmatched


def response_features(pairs: Sequence[dict]):
    """Label-like rows (the auto-labeler's feature columns) of every pair's champion answer, then of every pair's
    shadow answer, in pair order. Nobody reacted to the shadow answer, so both get the same neutral behaviour
    (no reading time, action, outcome or sentiment) and the champion's latency: only the texts differ."""
    import pyarrow as pa

    rows = []
    for arm in ("champion", "shadow"):
        for pair in pairs:
            response = pair[f"{arm}_response"]
            rows.append(
                {
                    "interaction_id": f"{pair['interaction_id']}:{arm}",
                    "use_case": pair["use_case"],
                    "prompt": pair["prompt"],
                    "response": response,
                    "latency_ms": float(pair["champion_latency_ms"]),
                    "completion_tokens": len(response.split()),
                    "reading_time_ms": None,
                    "actions": [],
                    "outcome": None,
                    "escalated": False,
                    "task_success": None,
                    "sentiment_score": None,
                }
            )
    return pa.Table.from_pylist(rows)


def score_pairs(pairs: Sequence[dict], good_probability: GoodProbability | None) -> list[dict]:
    """``pairs`` with ``champion_p_good`` and ``shadow_p_good``: what ``good_probability`` says of each answer;
    both None when there is no scorer (no published auto-labeler)."""
    if good_probability is None:
        return [{**pair, "champion_p_good": None, "shadow_p_good": None} for pair in pairs]
    if not pairs:
        return []
    probabilities = numpy.asarray(good_probability(response_features(pairs)), dtype=float)
    if probabilities.shape != (2 * len(pairs),):
        raise ValueError(f"the P(good) scorer returned {probabilities.shape} values for {2 * len(pairs)} answers")
    champion, shadow = probabilities[: len(pairs)], probabilities[len(pairs) :]
    return [
        {**pair, "champion_p_good": float(a), "shadow_p_good": float(b)}
        for pair, a, b in zip(pairs, champion, shadow, strict=True)
    ]


def compare_shadow(pairs: Sequence[dict], spec: ShadowSpec) -> ShadowResult:
    """Decide whether the shadow challenger may go on to the canary (see the module docstring for the rules)."""
    rows = [_checked(index, row) for index, row in enumerate(pairs)]
    scored = {row["champion_p_good"] is not None for row in rows}
    if len(scored) > 1:
        raise ValueError("shadow pairs: some have P(good) and some do not; score all of them or none")
    by_labeler = scored == {True}
    # A fixed order makes the intervals independent of the order the rows arrived in.
    rows.sort(key=lambda row: str(row["interaction_id"]))
    users = [row["user_id"] for row in rows]
    if len(set(users)) < 2:
        return ShadowResult(
            passed=False,
            insufficient=True,
            reasons=[
                f"{len(rows)} paired prompt(s) from {len(set(users))} user(s): too few users to resample, so no "
                "interval and no evidence either way"
            ],
            prompts=len(rows),
            users=len(set(users)),
            spec=spec,
        )
    bootstrap: dict[str, Any] = {"confidence": spec.confidence, "n_resamples": spec.n_resamples, "seed": spec.seed}
    level = f"{spec.confidence:.0%} BCa interval over {len(set(users))} users"
    corrected = [row for row in rows if row["correction"] is not None]
    correction_users = len({row["user_id"] for row in corrected})
    too_few_corrections = f"{len(corrected)} corrected prompt(s) from {correction_users} user(s), too few to resample"
    if not by_labeler and correction_users < 2:
        return ShadowResult(
            passed=False,
            insufficient=True,
            reasons=[f"no P(good) without a published auto-labeler, and {too_few_corrections}: no evidence either way"],
            prompts=len(rows),
            users=len(set(users)),
            corrections=len(corrected),
            spec=spec,
        )
    differing = sum(row["shadow_response"] != row["champion_response"] for row in rows)
    no_op = differing == 0
    reasons = []
    if no_op:
        reasons.append(
            f"no-op: the shadow challenger gave the champion's answer on all {len(rows)} live prompts, so it changes "
            "nothing users would see"
        )

    def correction_agreement(role: str) -> MetricComparison:
        comparison = judge_improvement(
            "correction_f1",
            role,
            [_correction_f1_gain(row) for row in corrected],
            [row["user_id"] for row in corrected],
            margin=spec.margin,
            **bootstrap,
        )
        reasons.append(comparison_reason(comparison, f"{len(corrected)} corrected prompts, {level}"))
        return comparison

    guardrail = None
    if by_labeler:
        primary = judge_improvement(
            "p_good",
            "primary",
            [row["shadow_p_good"] - row["champion_p_good"] for row in rows],
            users,
            margin=spec.margin,
            **bootstrap,
        )
        reasons.append(comparison_reason(primary, level))
        if correction_users >= 2:
            guardrail = correction_agreement("guardrail")
        else:
            reasons.append(f"agreement with users' corrections not applicable: {too_few_corrections}")
    else:
        reasons.append("no P(good) without a published auto-labeler: judged on the users' corrections")
        primary = correction_agreement("primary")
    arms = {arm: _arm(rows, arm) for arm in ("shadow", "champion")}
    no_more_offensive = arms["shadow"].offensive <= arms["champion"].offensive
    reasons.append(
        f"shadow offensive rate {arms['shadow'].offensive_rate:.1%} ({arms['shadow'].offensive}/{len(rows)}) "
        f"{'does not exceed' if no_more_offensive else 'exceeds'} champion's {arms['champion'].offensive_rate:.1%} "
        f"({arms['champion'].offensive}/{len(rows)})"
    )
    if by_labeler:
        worst = sorted(rows, key=lambda row: row["shadow_p_good"] - row["champion_p_good"])
    else:
        worst = sorted(corrected, key=_correction_f1_gain)
    return ShadowResult(
        passed=not no_op and primary.passed and (guardrail is None or guardrail.passed) and no_more_offensive,
        reasons=reasons,
        prompts=len(rows),
        users=len(set(users)),
        corrections=len(corrected),
        differing_share=differing / len(rows),
        no_op=no_op,
        challenger=arms["shadow"],
        champion=arms["champion"],
        primary=primary,
        guardrail=guardrail,
        length_words=_difference(rows, lambda row, arm: len(row[f"{arm}_response"].split()), users, bootstrap),
        latency_ms=_difference(rows, lambda row, arm: row[f"{arm}_latency_ms"], users, bootstrap),
        worst_examples=[
            {
                "interaction_id": row["interaction_id"],
                "prompt": row["prompt"],
                "champion_response": row["champion_response"],
                "shadow_response": row["shadow_response"],
                "correction": row["correction"],
                "champion_p_good": row["champion_p_good"],
                "shadow_p_good": row["shadow_p_good"],
            }
            for row in worst[: spec.worst_examples]
        ],
        spec=spec,
    )


def _correction_f1_gain(row: dict) -> float:
    """How much closer the shadow answer is to the user's correction than the champion's (token F1)."""
    return token_f1(row["shadow_response"], row["correction"]) - token_f1(row["champion_response"], row["correction"])


def _difference(rows: list[dict], value: Callable[[dict, str], float], users: list, bootstrap: dict) -> Difference:
    interval = group_bootstrap([value(row, "shadow") - value(row, "champion") for row in rows], users, **bootstrap)
    return Difference(mean=interval.mean, low=interval.low, high=interval.high)


def _arm(rows: list[dict], arm: str) -> ShadowArm:
    offensive = sum(is_offensive(row[f"{arm}_response"]) for row in rows)
    probabilities = [row[f"{arm}_p_good"] for row in rows]
    return ShadowArm(
        p_good=None if probabilities[0] is None else float(numpy.mean(probabilities)),
        offensive=offensive,
        offensive_rate=offensive / len(rows),
        mean_words=float(numpy.mean([len(row[f"{arm}_response"].split()) for row in rows])),
        mean_latency_ms=float(numpy.mean([row[f"{arm}_latency_ms"] for row in rows])),
    )


def _checked(index: int, row: dict) -> dict:
    """``row`` if it has every field of :data:`PAIR_FIELDS` with a usable value; a clear error naming it otherwise."""
    where = f"shadow pair {index} (interaction_id={row.get('interaction_id')!r})"
    missing = [name for name in PAIR_FIELDS if name not in row]
    if missing:
        raise ValueError(f"{where}: fields {missing} are missing")
    for name in ("interaction_id", "user_id", "prompt"):
        if not isinstance(row[name], str) or not row[name]:
            raise ValueError(f"{where}: field {name!r} must be a non-empty string, got {row[name]!r}")
    for name in ("champion_response", "shadow_response"):
        if not isinstance(row[name], str):
            raise ValueError(f"{where}: field {name!r} must be a string, got {row[name]!r}")
    if row["correction"] is not None and not isinstance(row["correction"], str):
        raise ValueError(f"{where}: field 'correction' must be a string or None, got {row['correction']!r}")
    if (row["champion_p_good"] is None) != (row["shadow_p_good"] is None):
        raise ValueError(f"{where}: fields 'champion_p_good' and 'shadow_p_good' must both be set or both be None")
    for name in ("champion_p_good", "shadow_p_good"):
        value = row[name]
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise ValueError(f"{where}: field {name!r} must be a probability within [0, 1] or None, got {value!r}")
    for name in ("champion_latency_ms", "shadow_latency_ms"):
        value = row[name]
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
            raise ValueError(f"{where}: field {name!r} must be a finite number >= 0, got {value!r}")
    return row
