"""Ingestion: landing JSONL files -> validated, deduplicated events in the warehouse."""

from datetime import date, timedelta

import dagster as dg

from feedback_loop.defs.metadata import markdown_table
from feedback_loop.defs.partitions import daily_partitions
from feedback_loop.defs.resources import DataRoot, LateFeedbackWindow, Privacy
from feedback_loop.ingest import ingest_partition
from feedback_loop.privacy import DEFAULT_TIER, REDACTION_TYPES, Tier
from feedback_loop.schema import events_arrow_schema

# How many quarantined lines are logged one by one; the full list is in the quarantine table.
LOGGED_QUARANTINE_LINES = 20


class RawTelemetryConfig(dg.Config):
    max_quarantine_fraction: float = 0.05
    """The `quarantine_rate` check warns when more than this share of a day's lines is invalid."""
    redaction_tier: Tier = DEFAULT_TIER
    """Detectors that redact the text: `patterns` (shapes, checksums, rule-found names and addresses) or
    `patterns+ner` (the same plus a named-entity model for person names; docs/privacy.md)."""


@dg.asset(
    partitions_def=daily_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    group_name="telemetry",
    kinds={"parquet", "duckdb"},
    check_specs=[dg.AssetCheckSpec("quarantine_rate", asset="raw_telemetry")],
)
def raw_telemetry(
    context: dg.AssetExecutionContext,
    config: RawTelemetryConfig,
    data_root: DataRoot,
    privacy: Privacy,
    late_feedback: LateFeedbackWindow,
):
    """Validated, redacted telemetry events of one landing day (warehouse table `events`).

    Reads `landing/<day>/*.jsonl`, validates every line against the event schema, keeps each invalid line
    in the `quarantine` table with its file, line number, field and reason, and removes duplicate event ids,
    also those an earlier day within the late-feedback window already stored (an upload retried a day later).
    Before anything is written, person names, addresses, e-mail addresses, phone numbers, card numbers, IBANs,
    IP addresses, national ids, passports, dates of birth, secrets and URL credentials in the free text become
    typed placeholders (`<EMAIL>`, ..., names numbered per session: `<PERSON_1>`), and user and
    session ids become keyed pseudonyms (the `privacy` resource's key file). The landing files stay as
    they are. Re-running a day replaces that day's partition with identical rows.
    """
    warehouse = data_root.warehouse()
    pseudonym_key = privacy.pseudonym_key()
    per_day = []
    redactions = dict.fromkeys(REDACTION_TYPES, 0)
    ids_by_day = _stored_event_ids(warehouse, context.partition_keys, late_feedback.days)
    for day in context.partition_keys:
        first = (date.fromisoformat(day) - timedelta(days=late_feedback.days)).isoformat()
        earlier_ids = set().union(*(ids for stored_day, ids in ids_by_day.items() if first <= stored_day < day))
        result = ingest_partition(
            data_root.layout.landing, day, pseudonym_key, earlier_ids, redaction_tier=config.redaction_tier
        )
        warehouse.write_partition("events", day, result.events)
        ids_by_day[day] = set(result.events["event_id"].to_pylist())
        warehouse.write_partition("quarantine", day, result.quarantine)
        for row in result.quarantine.slice(0, LOGGED_QUARANTINE_LINES).to_pylist():
            context.log.warning(
                f"{day}: quarantined {row['source_file']}:{row['line_number']} ({row['field']}): {row['reason']}"
            )
        per_day.append(
            {
                "day": day,
                "files": len(result.files),
                "read": result.read,
                "valid": result.valid,
                "quarantined": result.quarantined,
                "duplicates": result.duplicates,
                "earlier_duplicates": result.earlier_duplicates,
                "redacted": sum(result.redactions.values()),
            }
        )
        for kind, count in result.redactions.items():
            redactions[kind] += count
    counted = ("files", "read", "valid", "quarantined", "duplicates", "earlier_duplicates")
    totals = {k: sum(d[k] for d in per_day) for k in counted}
    fraction = totals["quarantined"] / totals["read"] if totals["read"] else 0.0
    return dg.MaterializeResult(
        metadata={
            **totals,
            "quarantine_fraction": fraction,
            "redactions": dg.MetadataValue.json(redactions),
            "per_day": markdown_table(per_day),
        },
        check_results=[
            dg.AssetCheckResult(
                check_name="quarantine_rate",
                passed=fraction <= config.max_quarantine_fraction,
                severity=dg.AssetCheckSeverity.WARN,
                metadata={"quarantine_fraction": fraction, "limit": config.max_quarantine_fraction},
                description="Share of invalid lines, kept in the warehouse table `quarantine`.",
            )
        ],
    )


def _stored_event_ids(warehouse, days: list[str], window_days: int) -> dict[str, set[str]]:
    """The stored event ids per day, from ``window_days`` before the first of ``days`` to the last, read once."""
    first = (date.fromisoformat(days[0]) - timedelta(days=window_days)).isoformat()
    wanted = [p for p in warehouse.partitions("events") if first <= p <= days[-1]]
    stored = warehouse.read_partitions("events", wanted, schema=events_arrow_schema(), columns=["event_id"])
    ids_by_day: dict[str, set[str]] = {}
    for event_id, day in zip(stored["event_id"].to_pylist(), stored["date"].to_pylist(), strict=True):
        ids_by_day.setdefault(day, set()).add(event_id)
    return ids_by_day
