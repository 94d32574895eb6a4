"""What the collector and the importers hand to the landing folder: valid events, and records they had to reject.

Both come out of a mapping (OTLP spans and log records, OpenAI chat logs, preference pairs) as plain dicts.
A candidate event is checked against the event contract (:data:`feedback_loop.schema.EVENT_ADAPTER`) before
it lands; one that fails, or a record that cannot be mapped at all, lands as a *rejection line*::

    {"rejected": {"source": "otlp span 'chat' (trace T, span S)", "field": "user.id", "reason": "...", "record": ...}}

which ingestion puts into the ``quarantine`` table with that field and reason (see
docs/telemetry-schema.md, "Rejected records"). The record is kept for diagnosis; identity attributes
(``user.id``, ``session.id``, ...) sit under ``user_id`` / ``session_id`` members so that ingestion
pseudonymizes them like the ids of any quarantined line.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from feedback_loop import schema


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a record: the field at fault (None for the whole record) and a readable message."""

    field: str | None
    message: str

    def text(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


@dataclass(frozen=True)
class Rejection:
    """A received record that does not become an event: where it came from, why, and the record itself."""

    source: str
    problems: tuple[Problem, ...]
    record: Any

    @property
    def field(self) -> str | None:
        return self.problems[0].field

    @property
    def reason(self) -> str:
        return "; ".join(problem.text() for problem in self.problems)

    def line(self) -> dict[str, Any]:
        """The landing line that ingestion quarantines with this rejection's field and reason."""
        return {
            schema.REJECTED_KEY: {
                "source": self.source,
                "field": self.field,
                "reason": self.reason,
                "record": self.record,
            }
        }


@dataclass
class Mapped:
    """The outcome of mapping a batch of received records.

    ``events`` are valid event dicts, ready to land; ``rejections`` land as rejection lines; ``ignored``
    counts records that are not LLM telemetry at all (a database span, an HTTP access log), which are neither
    events nor faults of the sender.
    """

    events: list[dict[str, Any]] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    ignored: int = 0

    def extend(self, other: Mapped) -> None:
        self.events.extend(other.events)
        self.rejections.extend(other.rejections)
        self.ignored += other.ignored

    def add(
        self,
        source: str,
        candidate: dict[str, Any] | None,
        problems: list[Problem],
        record: Callable[[], Any],
        origins: Mapping[str, str] | None = None,
    ) -> None:
        """Add ``candidate`` as an event if it has no ``problems`` and passes the event contract, else reject the
        received record (``record()`` renders it, only then) with every problem found. ``origins``: for a field of
        ``candidate``, what of the received record it came from (an OTLP attribute, a key of an OpenAI chat line):
        the contract's objection to that field names it, which the sender can fix, with the field's own name."""
        if not problems and candidate is not None:
            problems = [_as_received(problem, origins or {}) for problem in contract_problems(candidate)]
            if not problems:
                self.events.append(candidate)
                return
        self.rejections.append(Rejection(source, tuple(problems), record()))

    def add_together(self, source: str, candidates: list[dict[str, Any]], record: Callable[[], Any]) -> None:
        """Add ``candidates`` (the events of one received record) all as events if every one passes the event
        contract, else reject the record once, with each distinct problem: half of a record never lands."""
        problems = list(dict.fromkeys(problem for candidate in candidates for problem in contract_problems(candidate)))
        if problems:
            self.rejections.append(Rejection(source, tuple(problems), record()))
        else:
            self.events.extend(candidates)


def is_supported_version(version: Any) -> bool:
    """True only for the integer schema version (``True`` and ``"1"`` pass pydantic's ``Literal[1]`` but are
    not versions), the same rule ingestion applies."""
    return type(version) is int and version == schema.SCHEMA_VERSION


def contract_problems(record: dict[str, Any]) -> list[Problem]:
    """What keeps ``record`` from being a valid event (empty when it is one): every error as field and message."""
    if "schema_version" in record and not is_supported_version(record["schema_version"]):
        return [Problem("schema_version", f"unsupported version; this collector accepts {schema.SCHEMA_VERSION}")]
    try:
        schema.EVENT_ADAPTER.validate_python(record)
    except ValidationError as error:
        return [_problem(item, record) for item in error.errors(include_url=False)]
    return []


def _problem(error: ErrorDetails, record: dict[str, Any]) -> Problem:
    if error["type"] in ("union_tag_not_found", "union_tag_invalid"):
        return Problem("event_type", "must be one of 'interaction', 'feedback', 'behaviour'")
    location = list(error["loc"])
    if location and location[0] == record.get("event_type"):
        location = location[1:]  # the union member's tag, not a field
    return Problem(".".join(str(part) for part in location) or None, error["msg"].removeprefix("Value error, "))


def _as_received(problem: Problem, origins: Mapping[str, str]) -> Problem:
    """``problem``, an objection of the event contract to one field, on what of the received record that field came
    from (``origins``), the field's name kept in its message."""
    origin = origins.get(problem.field) if problem.field else None
    if origin is None or origin == problem.field:
        return problem
    return Problem(origin, f"{problem.message} (as the event's {problem.field})")


def content_id(prefix: str, *parts: Any) -> str:
    """A stable event id derived from content: the same content always gives the same id, so a re-sent or
    re-imported record is deduplicated by ingestion."""
    payload = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return f"{prefix}-{hashlib.sha256(payload.encode()).hexdigest()[:32]}"


def landing_line(item: dict[str, Any]) -> bytes:
    """One landing line (compact JSON, UTF-8, with its newline) for an event or a rejection line."""
    return (json.dumps(item, ensure_ascii=False, separators=(",", ":"), default=str) + "\n").encode()
