"""The ingestion stage: landing JSON Lines files -> validated, deduplicated ``events`` plus ``quarantine``."""

from feedback_loop.ingest.landing import (
    EVENTS_TABLE,
    QUARANTINE_COLUMNS,
    IngestResult,
    feedback_counts,
    ingest_partition,
    quarantine_arrow_schema,
)

__all__ = [
    "EVENTS_TABLE",
    "QUARANTINE_COLUMNS",
    "IngestResult",
    "feedback_counts",
    "ingest_partition",
    "quarantine_arrow_schema",
]
