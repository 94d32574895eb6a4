"""The ingestion stage: landing JSON Lines files -> validated, deduplicated ``events`` plus ``quarantine``."""

from feedback_loop.ingest.landing import (
    EVENTS_TABLE,
    QUARANTINE_COLUMNS,
    IngestCounts,
    IngestedFile,
    IngestResult,
    IngestSpec,
    LandedDay,
    LineProblem,
    feedback_counts,
    first_rows,
    ingest_partition,
    ingest_partition_file,
    landed_day,
    not_day_folders,
    parse_line,
    quarantine_arrow_schema,
)

__all__ = [
    "EVENTS_TABLE",
    "QUARANTINE_COLUMNS",
    "IngestCounts",
    "IngestResult",
    "IngestSpec",
    "IngestedFile",
    "LandedDay",
    "LineProblem",
    "feedback_counts",
    "first_rows",
    "ingest_partition",
    "ingest_partition_file",
    "landed_day",
    "not_day_folders",
    "parse_line",
    "quarantine_arrow_schema",
]
