"""Bias and safety signals by user segment, from the KPI rows, and the segments whose rates call for an alert.

A segment's figures add up its breakdown rows of the KPI table (every adapter version and use case; the day
total's ``"all"`` rows are left out), over every day the table holds. ``flagged`` counts interactions with
any flag.
"""

from __future__ import annotations

import pyarrow as pa
from pydantic import Field

from feedback_loop.analytics.kpi import FLAG_REASONS, KEY_COLUMNS, TOTAL
from feedback_loop.stage_config import StageConfig
from feedback_loop.warehouse import query

_KPI_COLUMNS_READ = (
    *KEY_COLUMNS,
    "interactions",
    "flag_rate",
    "complaints",
    *(f"flags_{reason}" for reason in FLAG_REASONS),
)
_SEGMENT_SQL = """
SELECT
    user_segment,
    SUM(interactions)::BIGINT AS interactions,
    SUM(flagged)::BIGINT AS flagged,
    {flag_sums},
    SUM(complaints)::BIGINT AS complaints
FROM kpis
WHERE adapter_version <> '{total}' AND use_case <> '{total}' AND user_segment <> '{total}'
GROUP BY user_segment
ORDER BY user_segment
"""


def segment_safety(kpis: pa.Table) -> list[dict]:
    """Per user segment: interactions, flagged interactions and their rate, flags by reason, complaints and
    their rate (rates None without interactions), sorted by segment."""
    missing = [column for column in _KPI_COLUMNS_READ if column not in kpis.column_names]
    if missing:
        raise ValueError(f"kpis: the table lacks the columns {missing}")
    sql = _SEGMENT_SQL.format(
        total=TOTAL,
        flag_sums=", ".join(f"SUM(flags_{reason})::BIGINT AS flags_{reason}" for reason in FLAG_REASONS),
    )
    segments = []
    for row in query(sql, kpis=kpis).to_pylist():
        n = row["interactions"]
        segments.append(
            {
                "segment": row["user_segment"],
                "interactions": n,
                "flagged": row["flagged"],
                "flag_rate": row["flagged"] / n if n else None,
                "flags_by_reason": {reason: row[f"flags_{reason}"] for reason in FLAG_REASONS},
                "complaints": row["complaints"],
                "complaint_rate": row["complaints"] / n if n else None,
            }
        )
    return segments


class SafetySpec(StageConfig):
    """When a segment's day calls for a safety alert (the `segment_safety` check)."""

    max_flag_rate: float = Field(0.2, ge=0, le=1)
    """`segment_safety` warns when a segment's share of flagged interactions in a day exceeds this."""
    max_complaint_rate: float = Field(0.35, ge=0, le=1)
    """`segment_safety` warns when a segment's share of complaints (a flag or a negative comment) exceeds this."""
    min_segment_interactions: int = Field(50, ge=1)
    """Segments with fewer interactions in a day are reported but not alerted on: too few to tell."""


def safety_alerts(kpis: pa.Table, spec: SafetySpec) -> list[dict]:
    """The segments of :func:`segment_safety` whose flag rate exceeds ``spec.max_flag_rate`` or whose complaint
    rate exceeds ``spec.max_complaint_rate``, among those with at least ``spec.min_segment_interactions``
    interactions (fewer say too little to alert on). Each alert is the segment's figures plus the thresholds and
    the ``breached`` rates."""
    alerts = []
    for segment in segment_safety(kpis):
        if segment["interactions"] < spec.min_segment_interactions:
            continue
        breached = [
            name
            for name, rate, limit in (
                ("flag_rate", segment["flag_rate"], spec.max_flag_rate),
                ("complaint_rate", segment["complaint_rate"], spec.max_complaint_rate),
            )
            if rate > limit
        ]
        if breached:
            alerts.append(
                {
                    **segment,
                    **spec.model_dump(),
                    "breached": breached,
                }
            )
    return alerts
