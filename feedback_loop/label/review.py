"""The human review queue: the labels that need a person, as many as people can review, most valuable first.

A decision is worth what it is likely to change times what the change is worth: the **expected value** of a
row is ``uncertainty x impact``.

* uncertainty: how likely the label is wrong, ``min(1, 2 * (1 - confidence))``: 0 for a certain label, 1 for a
  coin flip, an unknown or a conflict;
* impact: what the reason for review puts at stake (:data:`REASON_IMPACT`: a safety issue most, a user's
  contradicting signals more than weak behaviour), times what the label does downstream
  (:data:`LABEL_STAKE`): a wrong "good" trains the model on a bad answer, a wrong "bad" only loses an example.
  More reasons add :data:`EXTRA_REASON_WEIGHT` each.

**Budget.** People review a fixed number a day, not a share of whatever arrives: each day (UTC, by the
interaction's timestamp) gets ``min(max_per_day, ceil(share_per_day * interactions of that day))`` places
(:class:`ReviewBudgetSpec`). **Safety first, bounded**: safety issues (a response matching the offensive
lexicon, a user's offensive/harmful/privacy flag) take up to ``max_safety_share`` of a day's places, most
valuable first, ahead of everything else (their ``priority`` is raised by :data:`SAFETY_LANE`); the other
places go to the remaining rows by expected value, and to the remaining safety rows only when nothing else
is left. What does not fit is returned too, so that the asset's metadata can show it.

Ties are broken by timestamp (oldest first) and interaction_id, so the order is deterministic.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import pyarrow as pa
from pydantic import Field

from feedback_loop.label.rules import (
    REVIEW_EXPLICIT_CONFLICT,
    REVIEW_EXPLICIT_VS_BEHAVIOUR,
    REVIEW_LOW_CONFIDENCE,
    REVIEW_MIXED_IMPLICIT,
    REVIEW_OFFENSIVE,
    REVIEW_RULE_VS_MODEL,
    REVIEW_SAFETY_FLAG,
)
from feedback_loop.schema import event_day
from feedback_loop.stage_config import StageConfig

SAFETY_CODES = frozenset({REVIEW_OFFENSIVE, REVIEW_SAFETY_FLAG})
REASON_IMPACT: dict[str, float] = {
    REVIEW_OFFENSIVE: 1.0,
    REVIEW_SAFETY_FLAG: 1.0,
    REVIEW_EXPLICIT_CONFLICT: 0.8,
    REVIEW_EXPLICIT_VS_BEHAVIOUR: 0.8,
    REVIEW_RULE_VS_MODEL: 0.6,
    REVIEW_MIXED_IMPLICIT: 0.5,
    REVIEW_LOW_CONFIDENCE: 0.5,
}
LABEL_STAKE: dict[str, float] = {"good": 1.0, "unknown": 0.75, "bad": 0.5}
EXTRA_REASON_WEIGHT = 0.05
# Added to the priority of the safety rows within their share: expected values stay below it.
SAFETY_LANE = 10.0

_REQUIRED = ("interaction_id", "timestamp", "quality", "quality_confidence", "needs_review", "review_codes")


class ReviewBudgetSpec(StageConfig):
    """How many reviews a day the queue holds, and how many of them safety issues may take."""

    share_per_day: float = Field(0.02, gt=0, le=1)
    """Places per day as a share of that day's interactions (rounded up)."""
    max_per_day: int = Field(300, ge=1)
    """Places per day at most, whatever the traffic: what reviewers can work through."""
    max_safety_share: float = Field(0.5, ge=0, le=1)
    """Safety issues go first but take at most this share of a day's places (rounded down); the rest go by
    expected value, to safety rows again only when no other row is left."""

    def places(self, interactions: int) -> int:
        """The places of a day with ``interactions`` interactions."""
        return min(self.max_per_day, math.ceil(self.share_per_day * interactions))


@dataclass(frozen=True)
class ReviewQueue:
    """The rows that fit the budget (the queue), those that did not, and each day's figures."""

    queue: pa.Table
    """Label rows plus ``priority``, most valuable first."""
    left_out: pa.Table
    """Rows that needed review but did not fit their day's places, plus ``priority``, most valuable first."""
    per_day: list[dict]
    """day, interactions, places, candidates, queued, safety_queued, left_out."""


def expected_value(review_codes: list[str], confidence: float, quality: str, interaction_id: str) -> float:
    """The expected value of a person's decision on one label (see the module docstring)."""
    if not review_codes:
        raise ValueError(f"label {interaction_id!r}: needs_review is set but review_codes is empty")
    unknown = [code for code in review_codes if code not in REASON_IMPACT]
    if unknown:
        raise ValueError(f"label {interaction_id!r}: unknown review_codes {unknown}")
    if confidence is None or not 0.0 <= confidence <= 1.0:
        raise ValueError(f"label {interaction_id!r}: quality_confidence {confidence!r} is not within 0..1")
    if quality not in LABEL_STAKE:
        raise ValueError(f"label {interaction_id!r}: quality {quality!r} is not one of {sorted(LABEL_STAKE)}")
    uncertainty = min(1.0, 2.0 * (1.0 - confidence))
    impact = max(REASON_IMPACT[code] for code in review_codes) * LABEL_STAKE[quality]
    extra = 1.0 + EXTRA_REASON_WEIGHT * (len(set(review_codes)) - 1)
    return round(uncertainty * impact * extra, 6)


def build_review_queue(labels: pa.Table, spec: ReviewBudgetSpec | None = None) -> ReviewQueue:
    """The rows of ``labels`` with ``needs_review`` that fit each day's places, with a ``priority`` column.

    Every column of ``labels`` is kept (so a reviewer sees prompt, response and signals). A day's interactions
    are all of its rows in ``labels``, reviewed or not.
    """
    spec = spec or ReviewBudgetSpec()
    missing = [column for column in _REQUIRED if column not in labels.column_names]
    if missing:
        raise ValueError(f"labels lack the columns {missing} needed to build the review queue")
    rows = labels.select(list(_REQUIRED)).to_pylist()
    interactions: Counter[str] = Counter()
    candidates: dict[str, list[tuple[float, int, dict]]] = {}
    for index, row in enumerate(rows):
        if row["timestamp"] is None:
            raise ValueError(f"label {row['interaction_id']!r} has no timestamp")
        day = event_day(row["timestamp"])
        interactions[day] += 1
        if row["needs_review"]:
            value = expected_value(
                row["review_codes"] or [], row["quality_confidence"], row["quality"], row["interaction_id"]
            )
            candidates.setdefault(day, []).append((value, index, row))
    queued: list[tuple[float, int, dict]] = []
    left_out: list[tuple[float, int, dict]] = []
    per_day = []
    for day in sorted(interactions):
        places = spec.places(interactions[day])
        ranked = sorted(candidates.get(day, []), key=_rank)
        safety = [item for item in ranked if SAFETY_CODES & set(item[2]["review_codes"])]
        others = [item for item in ranked if not SAFETY_CODES & set(item[2]["review_codes"])]
        lane = safety[: math.floor(spec.max_safety_share * places)]
        rest = (others + safety[len(lane) :])[: places - len(lane)]
        chosen = {index for _, index, _ in lane + rest}
        queued += [(SAFETY_LANE + value, index, row) for value, index, row in lane] + rest
        left_out += [item for item in ranked if item[1] not in chosen]
        per_day.append(
            {
                "day": day,
                "interactions": interactions[day],
                "places": places,
                "candidates": len(ranked),
                "queued": len(chosen),
                "safety_queued": sum(index in chosen for _, index, _ in safety),
                "left_out": len(ranked) - len(chosen),
            }
        )
    return ReviewQueue(_ranked_table(labels, queued), _ranked_table(labels, left_out), per_day)


def _rank(item: tuple[float, int, dict]) -> tuple:
    """Most valuable first; then oldest, then by interaction_id."""
    value, _, row = item
    return (-value, row["timestamp"], row["interaction_id"])


def _ranked_table(labels: pa.Table, items: list[tuple[float, int, dict]]) -> pa.Table:
    """The rows of ``labels`` at the items' indices, most valuable first, with their ``priority``."""
    items = sorted(items, key=_rank)
    table = labels.take(pa.array([index for _, index, _ in items], pa.int64()))
    return table.append_column("priority", pa.array([value for value, _, _ in items], pa.float64()))
