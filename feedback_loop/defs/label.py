"""Labeling: one labeled row per interaction, and the queue of doubtful ones for a person."""

from collections import Counter
from datetime import date, timedelta

import dagster as dg
import pyarrow.compute as pc

from feedback_loop.defs.ingest import raw_telemetry
from feedback_loop.defs.metadata import markdown_table
from feedback_loop.defs.partitions import daily_partitions
from feedback_loop.defs.resources import DataRoot
from feedback_loop.label import build_review_queue, label_interactions
from feedback_loop.schema import events_arrow_schema


class LabeledInteractionsConfig(dg.Config):
    late_feedback_days: int = 14
    """Feedback and behaviour events that land up to this many days after their interaction still attach."""


@dg.asset(
    partitions_def=daily_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    deps=[raw_telemetry],
    group_name="labeling",
    kinds={"parquet"},
)
def labeled_interactions(
    context: dg.AssetExecutionContext, config: LabeledInteractionsConfig, data_root: DataRoot
) -> dg.MaterializeResult:
    """One row per interaction of the day with its labels (warehouse table `labels`).

    Joins the feedback and behaviour events of the same day and of the following `late_feedback_days` days
    (late feedback), then labels quality (good/bad/unknown, with confidence and source), task success,
    escalation, offensive content and comment sentiment. Rows whose signals conflict or are weak are marked
    `needs_review`. Re-materialize a day to pick up feedback that arrived since.
    """
    warehouse = data_root.warehouse()
    available = warehouse.partitions("events")
    per_day = []
    for day in context.partition_keys:
        window_end = (date.fromisoformat(day) + timedelta(days=config.late_feedback_days)).isoformat()
        window = [p for p in available if day <= p <= window_end]
        events = warehouse.read_partitions("events", window, schema=events_arrow_schema())
        is_interaction = pc.and_(pc.equal(events["event_type"], "interaction"), pc.equal(events["date"], day))
        interactions = events.filter(is_interaction)
        signals = events.filter(pc.not_equal(events["event_type"], "interaction"))
        labels = label_interactions(interactions, signals)
        warehouse.write_partition("labels", day, labels)
        late = signals.filter(pc.and_(pc.greater(signals["date"], day), pc.is_in(signals["interaction_id"], interactions["interaction_id"])))
        counts = Counter(labels["quality"].to_pylist())
        per_day.append(
            {
                "day": day,
                "interactions": labels.num_rows,
                "good": counts.get("good", 0),
                "bad": counts.get("bad", 0),
                "unknown": counts.get("unknown", 0),
                "needs_review": sum(labels["needs_review"].to_pylist()),
                "offensive": sum(labels["offensive"].to_pylist()),
                "late_signals": late.num_rows,
            }
        )
    totals = {k: sum(d[k] for d in per_day) for k in per_day[0] if k != "day"} if per_day else {}
    return dg.MaterializeResult(metadata={**totals, "per_day": markdown_table(per_day)})


@dg.asset(deps=[labeled_interactions], group_name="labeling", kinds={"parquet"})
def review_queue(context: dg.AssetExecutionContext, data_root: DataRoot) -> dg.MaterializeResult:
    """Interactions a person should decide, most useful first (warehouse table `review_queue`).

    Conflicting signals and offensive responses come first, then the least confident labels.
    """
    warehouse = data_root.warehouse()
    labels = warehouse.read_partitions("labels")
    queue = build_review_queue(labels) if labels.num_rows else labels
    warehouse.write_table("review_queue", queue)
    preview = [
        {k: row.get(k) for k in ("interaction_id", "priority", "review_reason", "quality")}
        for row in queue.slice(0, 10).to_pylist()
    ]
    return dg.MaterializeResult(metadata={"queued": queue.num_rows, "top": markdown_table(preview)})

