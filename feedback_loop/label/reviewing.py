"""The reviewer's side of the queue: what is still pending, recording decisions, and JSONL exchange.

The CLI (`feedback-loop review`, `review export`, `review import`) calls these; they read the warehouse's
``review_queue`` and ``labels`` tables and append to ``reviews``, the only table a person writes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from feedback_loop.files import write_text_atomic
from feedback_loop.label.decisions import (
    DECISION_FIELDS,
    REVIEWS_TABLE,
    DecisionError,
    decisions_table,
    new_decisions,
    parse_decision_lines,
    reviews_arrow_schema,
    standing_verdicts,
    unlabeled,
)
from feedback_loop.label.rules import labels_arrow_schema
from feedback_loop.warehouse import Warehouse

QUEUE_TABLE = "review_queue"
# What a reviewer needs to decide, in the order an export shows it.
EXPORT_COLUMNS = (
    "interaction_id",
    "priority",
    "review_reason",
    "label_quality",
    "quality_confidence",
    "quality_source",
    "model_good_probability",
    "use_case",
    "prompt",
    "response",
    "thumb",
    "rating",
    "correction",
    "flags",
    "comment",
    "actions",
    "outcome",
    "reading_time_ms",
    "timestamp",
    "date",
)


@dataclass(frozen=True)
class ImportResult:
    """What an import did: decisions added, decisions already recorded, lines left undecided, days touched."""

    imported: int
    unchanged: int
    undecided: int
    days: list[str]


def pending_reviews(warehouse: Warehouse, limit: int | None = None) -> list[dict[str, Any]]:
    """Queue rows without a verdict, most useful first; skipped ones stay, after those nobody has looked at yet."""
    queue = warehouse.read_table(QUEUE_TABLE)
    if queue.num_rows == 0:
        return []
    reviews = warehouse.read_appended(REVIEWS_TABLE, reviews_arrow_schema())
    decided = set(standing_verdicts(reviews))
    skipped = {row["interaction_id"] for row in reviews.to_pylist() if row["decision"] == "skip"}
    rows = [row for row in queue.to_pylist() if row["interaction_id"] not in decided]
    # A stable sort keeps the priority order within the unseen and within the skipped.
    rows.sort(key=lambda row: row["interaction_id"] in skipped)
    return rows if limit is None else rows[:limit]


def record_decisions(warehouse: Warehouse, rows: list[dict[str, Any]]) -> int:
    """Append the decisions that change something (see :func:`new_decisions`); returns how many were added.

    Every interaction must have been labeled: a decision about an unknown id is an error naming it, and nothing
    is recorded.
    """
    if not rows:
        return 0
    known = labeled_interactions(warehouse)
    unknown = sorted({row["interaction_id"] for row in rows} - known)
    if unknown:
        raise DecisionError(
            f"{len(unknown)} decision(s) refused, nothing recorded: " + "; ".join(unlabeled(i) for i in unknown[:10])
        )
    return _append_new(warehouse, rows)


def labeled_interactions(warehouse: Warehouse) -> set[str]:
    """The interaction ids of the ``labels`` table (none when nothing was labeled yet)."""
    labels = warehouse.read_partitions("labels", schema=labels_arrow_schema(), columns=["interaction_id"])
    return set(labels.column("interaction_id").to_pylist())


def _append_new(warehouse: Warehouse, rows: list[dict[str, Any]]) -> int:
    fresh = new_decisions(warehouse.read_appended(REVIEWS_TABLE, reviews_arrow_schema()), rows)
    if fresh:
        warehouse.append(REVIEWS_TABLE, decisions_table(fresh))
    return len(fresh)


def label_days(warehouse: Warehouse, interaction_ids: set[str]) -> list[str]:
    """The label partitions (days) holding the given interactions, sorted."""
    labels = warehouse.read_partitions("labels", columns=["interaction_id"])
    wanted = pc.is_in(labels["interaction_id"], pa.array(sorted(interaction_ids), pa.string()))
    return sorted(set(labels.filter(wanted).column("date").to_pylist()))


def export_queue(warehouse: Warehouse, path: Path, limit: int | None = None) -> int:
    """Write the pending queue as JSON Lines for an annotation tool; returns the number of lines.

    Each line carries what a reviewer needs (the automatic label as ``label_quality``) plus the empty decision
    fields to fill in (decision: accept, relabel, flag or skip; quality; flag; note; reviewer; decided_at).
    Written atomically.
    """
    rows = pending_reviews(warehouse, limit)
    lines = []
    for row in rows:
        line = {column: row.get(column) for column in EXPORT_COLUMNS}
        line["label_quality"] = row["quality"]
        line.update({field: None for field in DECISION_FIELDS})
        lines.append(json.dumps(line, ensure_ascii=False, default=str) + "\n")
    write_text_atomic(path, "".join(lines))
    return len(rows)


def import_decisions(warehouse: Warehouse, path: Path, *, default_reviewer: str | None) -> ImportResult:
    """Record the decisions of an edited export (whole file or nothing; see :func:`parse_decision_lines`): a line
    on an interaction the ``labels`` table does not hold is refused with the file's other invalid lines, each
    naming its line and the interaction_id."""
    labeled = labeled_interactions(warehouse)
    # Bytes that are not UTF-8 become lone surrogates, which the checks of each line refuse naming the line and
    # field, rather than one decoding error for the whole file.
    with path.open(encoding="utf-8", errors="surrogateescape") as lines:
        decisions, undecided = parse_decision_lines(
            lines, source=path.name, default_reviewer=default_reviewer, labeled=labeled
        )
    imported = _append_new(warehouse, decisions)
    days = label_days(warehouse, {row["interaction_id"] for row in decisions}) if imported else []
    return ImportResult(imported=imported, unchanged=len(decisions) - imported, undecided=undecided, days=days)
