"""The ingestion stage: landing JSON Lines files -> validated, deduplicated ``events`` plus ``quarantine``."""

from feedback_loop.ingest.landing import (
    EVENTS_TABLE,
    QUARANTINE_COLUMNS,
    IngestResult,
    IngestSpec,
    LandedDay,
    LineProblem,
    feedback_counts,
    ingest_partition,
    landed_day,
    parse_line,
    quarantine_arrow_schema,
)

__all__ = [
    "EVENTS_TABLE",
    "QUARANTINE_COLUMNS",
    "IngestResult",
    "IngestSpec",
    "LandedDay",
    "LineProblem",
    "feedback_counts",
    "ingest_partition",
    "landed_day",
    "parse_line",
    "quarantine_arrow_schema",
]
