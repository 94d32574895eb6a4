"""The human review queue: the labels that need a person, most useful first.

Priority = tier of the most serious reason + how unsure the label is + a little per further reason:

* tier 4: a safety issue: the response matches the offensive lexicon (perhaps a false positive of the word
  list to fix), or a user flagged it offensive, harmful or a privacy problem;
* tier 3: explicit signals conflict with each other or with the user's behaviour (a reviewer's verdict
  settles a label that the rules cannot);
* tier 2: weak evidence pointing both ways: behaviour against behaviour, or behaviour against the model;
* tier 1: an automatic label with low confidence.

Within a tier, lower label confidence comes first (``UNCERTAINTY_WEIGHT * (1 - confidence)``), then rows with
more reasons (``EXTRA_REASON_WEIGHT`` each). Both stay below 1 so tiers never interleave. Ties are broken by
timestamp (oldest first) and interaction_id, so the order is deterministic.
"""

from __future__ import annotations

import pyarrow as pa

from feedback_loop.label.rules import (
    REVIEW_EXPLICIT_CONFLICT,
    REVIEW_EXPLICIT_VS_BEHAVIOUR,
    REVIEW_LOW_CONFIDENCE,
    REVIEW_MIXED_IMPLICIT,
    REVIEW_OFFENSIVE,
    REVIEW_RULE_VS_MODEL,
    REVIEW_SAFETY_FLAG,
)

REASON_TIERS: dict[str, float] = {
    REVIEW_OFFENSIVE: 4.0,
    REVIEW_SAFETY_FLAG: 4.0,
    REVIEW_EXPLICIT_CONFLICT: 3.0,
    REVIEW_EXPLICIT_VS_BEHAVIOUR: 3.0,
    REVIEW_RULE_VS_MODEL: 2.0,
    REVIEW_MIXED_IMPLICIT: 2.0,
    REVIEW_LOW_CONFIDENCE: 1.0,
}
UNCERTAINTY_WEIGHT = 0.5
EXTRA_REASON_WEIGHT = 0.05

_REQUIRED = ("interaction_id", "timestamp", "quality_confidence", "needs_review", "review_codes")


def review_priority(review_codes: list[str], confidence: float, interaction_id: str) -> float:
    """The priority of one label that needs review (higher is reviewed sooner); see the module docstring."""
    if not review_codes:
        raise ValueError(f"label {interaction_id!r}: needs_review is set but review_codes is empty")
    unknown = [code for code in review_codes if code not in REASON_TIERS]
    if unknown:
        raise ValueError(f"label {interaction_id!r}: unknown review_codes {unknown}")
    if confidence is None or not 0.0 <= confidence <= 1.0:
        raise ValueError(f"label {interaction_id!r}: quality_confidence {confidence!r} is not within 0..1")
    tier = max(REASON_TIERS[code] for code in review_codes)
    extra = EXTRA_REASON_WEIGHT * (len(set(review_codes)) - 1)
    return round(tier + UNCERTAINTY_WEIGHT * (1.0 - confidence) + extra, 6)


def build_review_queue(labels: pa.Table) -> pa.Table:
    """The labels with ``needs_review``, plus a ``priority`` column, sorted most useful first.

    Every column of ``labels`` is kept (so a reviewer sees prompt, response and signals).
    """
    missing = [column for column in _REQUIRED if column not in labels.column_names]
    if missing:
        raise ValueError(f"labels lack the columns {missing} needed to build the review queue")
    rows = labels.select(list(_REQUIRED)).to_pylist()
    queued = [
        (
            review_priority(row["review_codes"] or [], row["quality_confidence"], row["interaction_id"]),
            index,
            row,
        )
        for index, row in enumerate(rows)
        if row["needs_review"]
    ]
    queued.sort(key=lambda item: (-item[0], item[2]["timestamp"], item[2]["interaction_id"]))
    queue = labels.take(pa.array([index for _, index, _ in queued], pa.int64()))
    return queue.append_column("priority", pa.array([priority for priority, _, _ in queued], pa.float64()))
