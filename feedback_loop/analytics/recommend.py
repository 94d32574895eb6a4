"""Recommendations for the system prompt, from labeled telemetry.

:func:`recommend` looks at labeled interactions served with one prompt version and proposes a segment
instruction only where a one-sided two-proportion test supports it (Bonferroni-corrected over the tests it
runs), with at least ``min_samples`` on both sides and a rate that many times the other's:

* ``length``: within a segment, answers over N completion tokens (N configured, or the segment's upper
  quartile) are rated down (thumb down, or rating <= 2) ``min_ratio`` times as often as shorter ones -> keep
  answers to about 0.75 N words or fewer;
* ``escalation``: a segment escalates ``min_escalation_ratio`` times as often as all other users together ->
  say what to do next and how to reach a person.

The recommendations are stored and applied by :mod:`feedback_loop.prompts`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field

from feedback_loop.analytics.kpi import UNKNOWN_SEGMENT
from feedback_loop.prompts import Recommendation, recommendation_id
from feedback_loop.stage_config import StageConfig

if TYPE_CHECKING:
    import pyarrow as pa

ESCALATION_INSTRUCTION = (
    "Start with the step that solves the request, and say clearly what to do next if it does not, "
    "including how to reach a person."
)


class RecommendationSpec(StageConfig):
    """When the data supports a recommendation."""

    long_answer_tokens: int | None = Field(None, ge=1)
    """Answers over this many completion tokens count as long; unset: each segment's upper quartile."""
    min_ratio: float = Field(2.0, ge=1.0)
    """Long answers must be rated down at least this many times as often as shorter ones."""
    min_escalation_ratio: float = Field(1.5, ge=1.0)
    """A segment must escalate at least this many times as often as the other users."""
    min_samples: int = Field(50, ge=1)
    """Judged interactions (length) or interactions (escalation) each side of a comparison needs."""
    alpha: float = Field(0.05, gt=0.0, lt=1.0)
    """Family-wise significance level of the one-sided two-proportion tests (split evenly over the tests run)."""


# The evidence counts completion tokens but a model follows a limit in words; English runs ~0.75 words a token.
WORDS_PER_TOKEN = 0.75


def length_instruction(tokens: int) -> str:
    """The instruction for answers of at most ``tokens`` completion tokens, said in words."""
    return f"Keep answers to {max(1, round(tokens * WORDS_PER_TOKEN))} words or fewer."


_REQUIRED_COLUMNS = ("interaction_id", "user_segment", "completion_tokens", "thumb", "rating", "escalated")


def _rows(labels: pa.Table, prompt_version: str | None) -> pa.Table:
    """The columns the analysis needs, of the interactions served with ``prompt_version`` (all when None)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    required = _REQUIRED_COLUMNS + (("system_prompt_version",) if prompt_version is not None else ())
    missing = [column for column in required if column not in labels.column_names]
    if missing:
        raise ValueError(f"the labels table lacks the columns {missing}")
    if prompt_version is not None:
        labels = labels.filter(pc.equal(labels["system_prompt_version"], prompt_version))
    for column in ("completion_tokens", "escalated"):
        nulls = labels.filter(pc.is_null(labels[column]))
        if nulls.num_rows:
            raise ValueError(f"label {nulls['interaction_id'][0].as_py()!r}: field {column!r} is null")
    segment = pc.fill_null(labels["user_segment"].cast(pa.string()), UNKNOWN_SEGMENT)
    return pa.table(
        {
            "segment": segment,
            "tokens": labels["completion_tokens"].cast(pa.int64()),
            "thumb": labels["thumb"].cast(pa.string()),
            "rating": labels["rating"].cast(pa.int64()),
            "escalated": labels["escalated"].cast(pa.bool_()),
        }
    )


def _length_candidates(rows: pa.Table, spec: RecommendationSpec) -> list[dict]:
    """Per known segment: the long/short split of judged answers and their rated-down counts."""
    import pyarrow as pa

    from feedback_loop.warehouse import query

    judged = "(thumb IS NOT NULL OR rating IS NOT NULL)"
    down = "(thumb = 'down' OR rating <= 2)"
    quartiles = query(
        f"SELECT segment, quantile_disc(tokens, 0.75) AS n FROM rows WHERE segment <> '{UNKNOWN_SEGMENT}' "
        "GROUP BY segment",
        rows=rows,
    ).to_pylist()
    thresholds = pa.Table.from_pylist(
        [
            {
                "segment": q["segment"],
                "n": spec.long_answer_tokens or int(q["n"]),
                "source": "config" if spec.long_answer_tokens else "upper quartile",
            }
            for q in quartiles
        ],
        schema=pa.schema([("segment", pa.string()), ("n", pa.int64()), ("source", pa.string())]),
    )
    return query(
        f"""
        SELECT t.segment, t.n AS threshold_tokens, t.source AS threshold_source,
               count(*) FILTER (WHERE r.tokens > t.n) AS long_judged,
               count(*) FILTER (WHERE r.tokens > t.n AND {down}) AS long_down,
               count(*) FILTER (WHERE r.tokens <= t.n) AS short_judged,
               count(*) FILTER (WHERE r.tokens <= t.n AND {down}) AS short_down
        FROM rows r JOIN thresholds t USING (segment)
        WHERE {judged}
        GROUP BY ALL ORDER BY t.segment
        """,
        rows=rows,
        thresholds=thresholds,
    ).to_pylist()


def _escalation_candidates(rows: pa.Table) -> list[dict]:
    """Per known segment: its interactions and escalations, and those of everybody else."""
    from feedback_loop.warehouse import query

    return query(
        f"""
        WITH per AS (SELECT segment, count(*) AS n, count(*) FILTER (WHERE escalated) AS e FROM rows GROUP BY segment),
             total AS (SELECT sum(n)::BIGINT AS n, sum(e)::BIGINT AS e FROM per)
        SELECT per.segment, per.n AS interactions, per.e AS escalated,
               total.n - per.n AS rest_interactions, total.e - per.e AS rest_escalated
        FROM per, total WHERE per.segment <> '{UNKNOWN_SEGMENT}' ORDER BY per.segment
        """,
        rows=rows,
    ).to_pylist()


def _ratio(worse: float, better: float) -> float | None:
    """``worse / better``; None when ``better`` is 0 (the ratio is unbounded)."""
    return worse / better if better else None


def recommend(labels: pa.Table, spec: RecommendationSpec, prompt_version: str | None = None) -> list[Recommendation]:
    """The recommendations the labeled interactions support (of ``prompt_version`` only, when given).

    ``labels`` needs ``interaction_id``, ``user_segment`` (null: unknown, never a target), ``completion_tokens``,
    ``thumb``, ``rating`` and ``escalated`` (and ``system_prompt_version`` to filter by version).
    """
    # The evaluate package loads the offline evaluation's model code; serving imports this module, not that.
    from feedback_loop.evaluate.stats import ClusteredRate, compare_rates

    def p_higher(successes: int, trials: int, other_successes: int, other_trials: int) -> float:
        """One-sided p-value of H1: the first rate is higher (statsmodels' score test, independent trials)."""
        first = ClusteredRate.independent(successes, trials)
        other = ClusteredRate.independent(other_successes, other_trials)
        return compare_rates(first, other, value=0.0, alternative="larger").pvalue

    rows = _rows(labels, prompt_version)
    length = [
        c
        for c in _length_candidates(rows, spec)
        if c["long_judged"] >= spec.min_samples and c["short_judged"] >= spec.min_samples
    ]
    escalation = [
        c
        for c in _escalation_candidates(rows)
        if c["interactions"] >= spec.min_samples and c["rest_interactions"] >= spec.min_samples
    ]
    tests = len(length) + len(escalation)
    alpha_per_test = spec.alpha / tests if tests else spec.alpha
    common = {
        "alpha": spec.alpha,
        "tests": tests,
        "alpha_per_test": alpha_per_test,
        "min_samples": spec.min_samples,
        "prompt_version": prompt_version,
    }
    recommendations = []
    for c in length:
        long_rate, short_rate = c["long_down"] / c["long_judged"], c["short_down"] / c["short_judged"]
        p = p_higher(c["long_down"], c["long_judged"], c["short_down"], c["short_judged"])
        if p < alpha_per_test and long_rate > 0 and long_rate >= spec.min_ratio * short_rate:
            tokens = c["threshold_tokens"]
            evidence = {
                **common,
                "min_ratio": spec.min_ratio,
                "threshold_tokens": tokens,
                "threshold_source": c["threshold_source"],
                "long": {"judged": c["long_judged"], "rated_down": c["long_down"], "rate": long_rate},
                "short": {"judged": c["short_judged"], "rated_down": c["short_down"], "rate": short_rate},
                "ratio": _ratio(long_rate, short_rate),
                "p_value": p,
            }
            summary = (
                f"segment {c['segment']}: answers over {tokens} tokens rated down {long_rate:.1%} "
                f"({c['long_down']}/{c['long_judged']}) vs {short_rate:.1%} ({c['short_down']}/{c['short_judged']}) "
                f"for shorter ones, p={p:.2g}"
            )
            recommendations.append(
                _recommendation("length", c["segment"], length_instruction(tokens), summary, evidence)
            )
    for c in escalation:
        rate, rest_rate = c["escalated"] / c["interactions"], c["rest_escalated"] / c["rest_interactions"]
        p = p_higher(c["escalated"], c["interactions"], c["rest_escalated"], c["rest_interactions"])
        if p < alpha_per_test and rate > 0 and rate >= spec.min_escalation_ratio * rest_rate:
            evidence = {
                **common,
                "min_ratio": spec.min_escalation_ratio,
                "segment": {"interactions": c["interactions"], "escalated": c["escalated"], "rate": rate},
                "rest": {"interactions": c["rest_interactions"], "escalated": c["rest_escalated"], "rate": rest_rate},
                "ratio": _ratio(rate, rest_rate),
                "p_value": p,
            }
            summary = (
                f"segment {c['segment']}: escalated {rate:.1%} ({c['escalated']}/{c['interactions']}) vs "
                f"{rest_rate:.1%} ({c['rest_escalated']}/{c['rest_interactions']}) for other users, p={p:.2g}"
            )
            recommendations.append(
                _recommendation("escalation", c["segment"], ESCALATION_INSTRUCTION, summary, evidence)
            )
    return recommendations


def _recommendation(kind: str, target: str, change: str, summary: str, evidence: dict) -> Recommendation:
    return Recommendation(recommendation_id(kind, target, change), kind, target, change, summary, evidence)
