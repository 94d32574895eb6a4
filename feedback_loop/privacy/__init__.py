"""Privacy: personal data redacted and ids pseudonymized before anything is stored (docs/privacy.md).

:class:`Redactor` (tiers ``patterns`` and ``patterns+ner``, conversation scopes, ``redact_many`` for batches)
and :func:`redact` for one text; :func:`pseudonymize` for user and session ids.
"""

from feedback_loop.privacy.placeholders import PLACEHOLDER_PATTERN, PLACEHOLDERS, REDACTION_TYPES
from feedback_loop.privacy.redactor import (
    ALL_KINDS,
    DEFAULT_TIER,
    TIER_TYPES,
    TIERS,
    Redaction,
    Redactor,
    Tier,
    pseudonymize,
    redact,
    redact_lines,
)

__all__ = [
    "ALL_KINDS",
    "DEFAULT_TIER",
    "PLACEHOLDERS",
    "PLACEHOLDER_PATTERN",
    "REDACTION_TYPES",
    "TIERS",
    "TIER_TYPES",
    "Redaction",
    "Redactor",
    "Tier",
    "pseudonymize",
    "redact",
    "redact_lines",
]
