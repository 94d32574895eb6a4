"""Where redaction lived before it became the privacy room: kept so that ``feedback_loop.ingest.redact``
imports go on working until every caller imports :mod:`feedback_loop.privacy`; adds nothing of its own."""

from feedback_loop.privacy import (
    PLACEHOLDER_PATTERN,
    PLACEHOLDERS,
    REDACTION_TYPES,
    Redaction,
    Redactor,
    pseudonymize,
    redact,
    redact_lines,
)

__all__ = [
    "PLACEHOLDERS",
    "PLACEHOLDER_PATTERN",
    "REDACTION_TYPES",
    "Redaction",
    "Redactor",
    "pseudonymize",
    "redact",
    "redact_lines",
]
