"""Ingestion: landing JSONL files -> validated, deduplicated events in the warehouse."""

import tempfile
from datetime import date, timedelta
from pathlib import Path

import dagster as dg

from feedback_loop.defs.execution import INGEST_OP_TAGS
from feedback_loop.defs.metadata import markdown_table
from feedback_loop.defs.partitions import daily_partitions
from feedback_loop.defs.resources import DataRoot, LateFeedbackWindow, Privacy
from feedback_loop.ingest import (
    IngestCounts,
    IngestSpec,
    LandedDay,
    first_rows,
    ingest_partition_file,
    landed_day,
    not_day_folders,
)

# How many quarantined lines are logged one by one; the full list is in the quarantine table.
LOGGED_QUARANTINE_LINES = 20


class RawTelemetryConfig(dg.Config, IngestSpec):
    max_quarantine_fraction: float = 0.05
    """The `quarantine_rate` check warns when more than this share of a day's lines is invalid."""


@dg.asset(
    partitions_def=daily_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    group_name="telemetry",
    op_tags=INGEST_OP_TAGS,
    kinds={"parquet", "duckdb"},
    check_specs=[
        dg.AssetCheckSpec(
            "quarantine_rate",
            asset="raw_telemetry",
            description="WARN when more than max_quarantine_fraction of a day's lines is invalid (quarantined with "
            "a reason in warehouse/quarantine): the application or a collector may be writing a broken format. "
            "A run over several days judges each day and names every day over the limit.",
        )
    ],
)
def raw_telemetry(
    context: dg.AssetExecutionContext,
    config: RawTelemetryConfig,
    data_root: DataRoot,
    privacy: Privacy,
    late_feedback: LateFeedbackWindow,
):
    """Validated, redacted telemetry events of one landing day (warehouse table `events`).

    Reads `landing/<day>/*.jsonl` (and `*.jsonl.gz`; symbolic links are not followed). Every entry skipped, in the
    day's folder or at the top of `landing/` where no day reads it (`2026-11-8`, `nov-8`, a file beside the day
    folders), is listed in each day's metadata (`skipped`) with its reason and logged as a warning, those at the top
    once per run however many days it ingests. It validates every line
    strictly against the event schema, keeps each invalid line (and each unreadable file) in the `quarantine` table
    with its file, line number, field and reason, and removes duplicate event ids, also those an earlier day within
    the late-feedback window landed (an upload retried a day later). An interaction re-sent under a new event id is
    quarantined: the first stands. Earlier days are read from their landing files, so any order of days gives the
    same rows. Before anything is written, person names, addresses, e-mail addresses, phone numbers, card numbers,
    IBANs, IP addresses, national ids, passports, dates of birth, secrets and URL credentials in the free text
    become typed placeholders (`<EMAIL>`, ..., names numbered per session: `<PERSON_1>`), and user and session ids
    become keyed pseudonyms (the `privacy` resource's key file). The landing files stay as they are. Re-running a
    day replaces that day's partition with identical rows.
    """
    warehouse = data_root.warehouse()
    pseudonym_key = privacy.pseudonym_key()
    spec = IngestSpec.of(config)
    landing = data_root.layout.landing
    # Landing days are read as local files: each day, and the days it is compared with, from the working copy.
    days = sorted(context.partition_keys)
    data_root.pull(*sorted({f"landing/{d}" for day in days for d in [*_days_before(day, late_feedback.days), day]}))
    # One level of the landing folder, where the data root is (a remote one's misnamed folders are never pulled).
    not_days = not_day_folders(data_root.store().names("landing"))
    logged_once: set[str] = set()
    over_limit: dict[str, str] = {}
    worst_fraction = 0.0
    landed: dict[str, LandedDay] = {}
    for day in days:
        for earlier in _days_before(day, late_feedback.days):
            if earlier not in landed:  # a day before the run's first: read from its landing files once
                landed[earlier] = landed_day(landing, earlier, spec)
        earlier_days = [landed[earlier] for earlier in _days_before(day, late_feedback.days)]
        with tempfile.TemporaryDirectory(prefix=f"ingest-{day}-", dir=spec.work_dir) as scratch:
            # The events go from a work file into the warehouse: a day of any size is never held in memory.
            result = ingest_partition_file(landing, day, pseudonym_key, Path(scratch), earlier_days, spec, not_days)
            warehouse.write_partition_file("events", day, result.events_path)
            warehouse.write_partition_file("quarantine", day, result.quarantine_path)
            logged = first_rows(result.quarantine_path, LOGGED_QUARANTINE_LINES)
        landed[day] = result.landed
        for done in [seen for seen in landed if seen <= _days_before(day, late_feedback.days + 1)[0]]:
            del landed[done]  # no later day of the run looks back that far
        log_skipped(context, day, result, "landing", logged_once)
        for row in logged:
            context.log.warning(
                f"{day}: quarantined {row['source_file']}:{row['line_number']} ({row['field']}): {row['reason']}"
            )
        counts = {
            "files": len(result.files),
            "skipped_files": len(result.skipped),
            "read": result.read,
            "valid": result.valid,
            "quarantined": result.quarantined,
            "duplicates": result.duplicates,
            "earlier_duplicates": result.earlier_duplicates,
        }
        fraction = result.quarantined / result.read if result.read else 0.0
        worst_fraction = max(worst_fraction, fraction)
        if fraction > config.max_quarantine_fraction:
            over_limit[day] = f"{fraction:.1%} of {result.read} lines"
        # Scoped to the day's partition: metadata of the MaterializeResult would be recorded on every day of a
        # run over several days. Every day's materialization carries what a run of that day alone writes.
        context.add_asset_metadata(
            {
                **counts,
                "quarantine_fraction": fraction,
                "skipped": dg.MetadataValue.json(result.skipped),
                "redactions": dg.MetadataValue.json(result.redactions),
                "per_day": markdown_table([{"day": day, **counts, "redacted": sum(result.redactions.values())}]),
            },
            partition_key=day,
        )
    # Dagster 1.13 records one evaluation of a check per run, not one per partition (AssetCheckResult takes no
    # partition): over several days the check judges each day and fails naming every day over the limit, so
    # one bad day is not averaged away by the others.
    description = "Share of invalid lines, kept in the warehouse table `quarantine`."
    if over_limit:
        description += " Over the limit: " + "; ".join(f"{day} ({share})" for day, share in over_limit.items()) + "."
    return dg.MaterializeResult(
        check_results=[
            dg.AssetCheckResult(
                check_name="quarantine_rate",
                passed=not over_limit,
                severity=dg.AssetCheckSeverity.WARN,
                # The highest day's share: the day's own on a run of one day.
                metadata={"quarantine_fraction": worst_fraction, "limit": config.max_quarantine_fraction},
                description=description,
            )
        ],
    )


def log_skipped(
    context: dg.AssetExecutionContext, day: str, result: IngestCounts, folder: str, logged_once: set[str]
) -> None:
    """A warning for each entry that ``day``'s ingestion skipped: the day folder's own, and, once per run, those at
    the top of the landing ``folder`` that no day reads (every day lists them, the same; ``logged_once`` holds the
    names already said in this run)."""
    for name, reason in result.skipped.items():
        if name not in result.landing_skipped:
            context.log.warning(f"{day}: skipped {name}: {reason}")
        elif name not in logged_once:
            logged_once.add(name)
            context.log.warning(f"skipped {folder}/{name}: {reason}; no day reads it")


def _days_before(day: str, window_days: int) -> list[str]:
    """The ``window_days`` days before ``day``, earliest first."""
    last = date.fromisoformat(day)
    return [(last - timedelta(days=back)).isoformat() for back in range(window_days, 0, -1)]
