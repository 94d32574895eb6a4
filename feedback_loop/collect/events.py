"""`POST /v1/events`: a batch in this project's own event schema, checked whole before anything lands.

The body is a JSON array of events or NDJSON (one event per line, blank lines skipped); a body that starts
with ``[`` is an array. Every event is checked against the contract (:mod:`feedback_loop.schema`) with the
rule ingestion applies; if any fails, nothing of the batch lands and the caller gets every problem with its
position (``events[3]`` in an array, ``line 4`` in NDJSON) and field.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from feedback_loop.collect.records import contract_problems, landing_line

# A 400 response lists at most this many problems; the first ones are enough to fix a client.
MAX_LISTED_PROBLEMS = 20


@dataclass(frozen=True)
class BatchProblem:
    position: str
    field: str | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"position": self.position, "field": self.field, "message": self.message}

    def text(self) -> str:
        return f"{self.position}: {self.field}: {self.message}" if self.field else f"{self.position}: {self.message}"


class BatchError(ValueError):
    """A batch that cannot land; ``problems`` says where and why (at most :data:`MAX_LISTED_PROBLEMS`)."""

    def __init__(self, problems: list[BatchProblem], total: int):
        self.problems = problems[:MAX_LISTED_PROBLEMS]
        self.total = total
        more = f" (and {total - len(self.problems)} more)" if total > len(self.problems) else ""
        super().__init__("; ".join(problem.text() for problem in self.problems) + more)


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a valid JSON value")


def parse_event_batch(body: bytes, max_events: int) -> list[bytes]:
    """The landing lines of a valid batch, in order; raises :class:`BatchError` naming every problem."""
    try:
        # A byte order mark opens the body as it may open a landing file, which ignores it too.
        text = body.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise BatchError([BatchProblem(f"byte {error.start}", None, "the body is not UTF-8")], 1) from error
    items = _array_items(text) if text.lstrip().startswith("[") else _ndjson_items(text)
    if len(items) > max_events:
        raise BatchError([BatchProblem("body", None, f"{len(items)} events; at most {max_events} per request")], 1)
    if not items:
        raise BatchError([BatchProblem("body", None, "no events")], 1)
    problems: list[BatchProblem] = []
    lines = []
    for position, item in items:
        if isinstance(item, BatchProblem):
            problems.append(item)
        elif not isinstance(item, dict):
            problems.append(BatchProblem(position, None, f"an event must be a JSON object, got {_json_kind(item)}"))
        else:
            found = contract_problems(item)
            problems.extend(BatchProblem(position, problem.field, problem.message) for problem in found)
            if not found:
                lines.append(landing_line(item))
    if problems:
        raise BatchError(problems, len(problems))
    return lines


def _array_items(text: str) -> list[tuple[str, Any]]:
    try:
        document = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise BatchError(
            [BatchProblem(f"line {error.lineno} column {error.colno}", None, f"invalid JSON: {error.msg}")], 1
        ) from error
    except (ValueError, RecursionError) as error:
        raise BatchError([BatchProblem("body", None, f"invalid JSON: {error}")], 1) from error
    if not isinstance(document, list):
        raise BatchError([BatchProblem("body", None, "must be a JSON array of events or NDJSON")], 1)
    return [(f"events[{index}]", item) for index, item in enumerate(document)]


def _ndjson_items(text: str) -> list[tuple[str, Any]]:
    items: list[tuple[str, Any]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        position = f"line {number}"
        try:
            items.append((position, json.loads(line, parse_constant=_reject_constant)))
        except json.JSONDecodeError as error:
            items.append((position, BatchProblem(position, None, f"invalid JSON: {error.msg} at column {error.colno}")))
        except (ValueError, RecursionError) as error:
            items.append((position, BatchProblem(position, None, f"invalid JSON: {error}")))
    return items


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array"
