"""The final label of each interaction: rules, the learned model and human verdicts, in a fixed precedence.

1. A human verdict (see :mod:`feedback_loop.label.decisions`) wins over everything: the reviewer saw the
   prompt, the response and every signal. Source ``human``, confidence 1 (0 for a verdict of ``unknown``).
2. An explicit label (what the user said) is never changed by the model.
3. Where nobody judged explicitly, the model's calibrated probability and the behaviour rules are combined:
   with no rule label the model labels alone (source ``model``); when both agree the more confident one is
   the source and its confidence stands; when they disagree the more confident side wins, capped at
   :data:`DISAGREEMENT_CONFIDENCE`, and the row goes to review.
4. Any remaining automatic label less confident than ``review_below_confidence`` goes to review, except
   interactions with no evidence at all and no model (nothing a reviewer could be asked to confirm).

Every row keeps the model's probability (``model_good_probability``) and version, even where the model did
not decide, so disagreements with explicit feedback stay visible.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa

from feedback_loop.label.decisions import Verdict
from feedback_loop.label.rules import (
    REVIEW_LOW_CONFIDENCE,
    REVIEW_RULE_VS_MODEL,
    labels_arrow_schema,
)

DISAGREEMENT_CONFIDENCE = 0.5
HUMAN_CONFIDENCE = 1.0


def model_judgement(good_probability: float) -> tuple[str, float]:
    """(quality, confidence) the model's probability of ``good`` stands for."""
    if good_probability >= 0.5:
        return "good", good_probability
    return "bad", 1.0 - good_probability


def combine_labels(
    labels: pa.Table,
    *,
    good_probability: Sequence[float] | None,
    model_version: str | None,
    verdicts: dict[str, Verdict],
    review_below_confidence: float,
) -> pa.Table:
    """``labels`` (from :func:`~feedback_loop.label.rules.label_interactions`) with the precedence above applied.

    ``good_probability`` holds one calibrated P(good) per row, or is None when no model is available.
    """
    if not 0.0 <= review_below_confidence <= 1.0:
        raise ValueError(f"review_below_confidence must be within 0..1, got {review_below_confidence}")
    if good_probability is not None and len(good_probability) != labels.num_rows:
        raise ValueError(f"{len(good_probability)} model probabilities for {labels.num_rows} label rows")
    rows = labels.to_pylist()
    for index, row in enumerate(rows):
        probability = None if good_probability is None else float(good_probability[index])
        if probability is not None and not 0.0 <= probability <= 1.0:
            raise ValueError(f"label {row['interaction_id']!r}: model probability {probability} is not within 0..1")
        row["model_good_probability"] = probability
        row["label_model_version"] = model_version if probability is not None else None
        verdict = verdicts.get(row["interaction_id"])
        if verdict is not None:
            _apply_verdict(row, verdict)
            continue
        if probability is not None and row["quality_source"] in ("rule", "none"):
            _apply_model(row, probability)
        automatic = row["quality_source"] in ("rule", "model")
        if automatic and row["quality"] != "unknown" and row["quality_confidence"] < review_below_confidence:
            _add_review(row, REVIEW_LOW_CONFIDENCE, f"label confidence {row['quality_confidence']:.2f} is low")
    return pa.Table.from_pylist(rows, schema=labels_arrow_schema())


def with_verdict_qualities(labels: pa.Table, verdicts: dict[str, Verdict]) -> pa.Table:
    """``labels`` (any columns, among them interaction_id, quality and quality_source) with the quality of each
    interaction a person decided set to the verdict's, source ``human``: what training needs of a stored label
    row whose verdict came after it was written."""
    if not verdicts:
        return labels
    ids = labels["interaction_id"].to_pylist()
    decided = [verdicts.get(interaction_id) for interaction_id in ids]
    quality = [v.quality if v is not None else q for v, q in zip(decided, labels["quality"].to_pylist(), strict=True)]
    source = [
        "human" if v is not None else s for v, s in zip(decided, labels["quality_source"].to_pylist(), strict=True)
    ]
    labels = labels.set_column(labels.schema.get_field_index("quality"), "quality", pa.array(quality, pa.string()))
    return labels.set_column(
        labels.schema.get_field_index("quality_source"), "quality_source", pa.array(source, pa.string())
    )


def _apply_model(row: dict, probability: float) -> None:
    quality, confidence = model_judgement(probability)
    if row["quality_source"] == "none" or row["quality"] == "unknown":
        row.update(quality=quality, quality_confidence=round(confidence, 6), quality_source="model")
        return
    rule_quality, rule_confidence = row["quality"], row["quality_confidence"]
    if quality == rule_quality:
        if confidence > rule_confidence:
            row.update(quality_confidence=round(confidence, 6), quality_source="model")
        return
    if confidence > rule_confidence:
        row.update(quality=quality, quality_source="model")
    row["quality_confidence"] = min(max(confidence, rule_confidence), DISAGREEMENT_CONFIDENCE)
    _add_review(
        row,
        REVIEW_RULE_VS_MODEL,
        f"behaviour says {rule_quality} ({rule_confidence:.2f}), model says {quality} (P(good)={probability:.2f})",
    )


def _apply_verdict(row: dict, verdict: Verdict) -> None:
    row.update(
        quality=verdict.quality,
        quality_confidence=HUMAN_CONFIDENCE if verdict.quality != "unknown" else 0.0,
        quality_source="human",
        needs_review=False,
        review_codes=[],
        review_reason=None,
        reviewer=verdict.reviewer,
        reviewed_at=verdict.decided_at,
    )
    if verdict.flag is not None:
        row["flags"] = sorted(set(row["flags"] or []) | {verdict.flag})
        row["offensive"] = row["offensive"] or verdict.flag == "offensive"


def _add_review(row: dict, code: str, reason: str) -> None:
    row["needs_review"] = True
    row["review_codes"] = [*(row["review_codes"] or []), code]
    row["review_reason"] = "; ".join(filter(None, [row["review_reason"], reason]))
