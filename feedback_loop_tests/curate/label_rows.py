"""Label rows as curation reads them, with only the fields it uses set."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pyarrow as pa

from feedback_loop.label.rules import labels_arrow_schema

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def row(
    interaction_id: str,
    prompt: str,
    *,
    minute: int = 0,
    response: str | None = None,
    quality: str = "good",
    confidence: float = 0.8,
    correction: str | None = None,
    flags: tuple[str, ...] = (),
    offensive: bool = False,
    use_case: str = "support",
    source: str = "explicit",
) -> dict:
    """A label row with only the fields curation reads set; the rest stay null."""
    return {
        "interaction_id": interaction_id,
        "timestamp": T0 + timedelta(minutes=minute),
        "use_case": use_case,
        "prompt": prompt,
        "response": f"Answer to: {prompt}" if response is None else response,
        "correction": correction,
        "flags": list(flags),
        "offensive": offensive,
        "quality": quality,
        "quality_confidence": confidence,
        "quality_source": source,
    }


def labels(rows: list[dict], *, date: str | None = None) -> pa.Table:
    table = pa.Table.from_pylist(rows, schema=labels_arrow_schema())
    if any("system" in r for r in rows):  # the system text curation's Dagster layer adds (with_system_texts)
        table = table.append_column("system", pa.array([r.get("system") for r in rows], pa.string()))
    if date is not None:  # as read back from the warehouse's labels partitions
        table = table.append_column("date", pa.array([date] * len(rows), pa.string()))
    return table
