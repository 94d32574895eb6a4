"""Real human judgements as telemetry: HaluEval's ChatGPT answers with their human hallucination labels.

HaluEval (``halueval-general_data.json`` in the real-data folder, ``FEEDBACK_LOOP_REALDATA_DIR``; JSON Lines,
one object per line with ``ID``, ``user_query``, ``chatgpt_response`` and ``hallucination`` "yes"/"no") is
imported the way a user of feedback-loop would import it (see the folder's README): each record becomes an
``interaction`` event (prompt = ``user_query``, response = ``chatgpt_response``) and a ``feedback`` event
with a thumb down where the response hallucinates and up where it does not. Both go through the telemetry
contract, so :func:`~feedback_loop.label.rules.label_interactions` turns them into explicit labels: ``bad``
exactly where a person found a hallucination.

HaluEval's IDs do not identify a record (two records carry the ID "ID", one an empty ID), so interactions are
named after the line they come from; errors name both. It records no latency or token counts: latency is 0 and the token
counts are whitespace-separated word counts.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from pydantic import ValidationError

from feedback_loop.label.rules import label_interactions
from feedback_loop.schema import EVENT_ADAPTER, event_to_row, events_arrow_schema

HALUEVAL_FILE = "halueval-general_data.json"
HALUEVAL_USE_CASE = "halueval_general"
HALUEVAL_MODEL = "chatgpt"
# Any fixed day: HaluEval has no timestamps, and labeling only needs a consistent order.
HALUEVAL_DAY = date(2026, 1, 1)
_HALLUCINATION_THUMBS = {"yes": "down", "no": "up"}


def halueval_file(realdata_dir: str | Path) -> Path:
    """The HaluEval file in ``realdata_dir``; FileNotFoundError, saying what is missing where, if absent."""
    path = Path(realdata_dir) / HALUEVAL_FILE
    if not path.is_file():
        raise FileNotFoundError(
            f"HaluEval ({HALUEVAL_FILE}) not found at {path}: set FEEDBACK_LOOP_REALDATA_DIR to the folder "
            "holding the real-data sets (default: shared/realdata next to the repository)"
        )
    return path


def halueval_events(path: str | Path, *, limit: int | None = None) -> pa.Table:
    """The interaction and feedback events of the first ``limit`` (default all) HaluEval records.

    A table in the warehouse event schema (:func:`feedback_loop.schema.events_arrow_schema`). Raises
    ValueError naming the line, record ID and field of a record that cannot be imported.
    """
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be >= 0, got {limit}")
    path = Path(path)
    start = datetime.combine(HALUEVAL_DAY, time(0), tzinfo=UTC)
    rows = []
    records = 0
    with path.open(encoding="utf-8") as lines:
        for line_number, line in enumerate(lines, start=1):
            if limit is not None and records == limit:
                break
            if not line.strip():
                continue  # JSON Lines allows blank lines; they hold no record
            records += 1
            record = _record(line, f"{path.name} line {line_number}")
            at = start + timedelta(seconds=line_number)
            rows.extend(_events(record, line_number, at, f"{path.name} line {line_number}"))
    return pa.Table.from_pylist(rows, schema=events_arrow_schema())


def halueval_labels(path: str | Path, *, limit: int | None = None) -> pa.Table:
    """The labels table of :func:`halueval_events`: one explicit good/bad label per record."""
    events = halueval_events(path, limit=limit)
    interactions = events.filter(pc.equal(events["event_type"], "interaction"))
    return label_interactions(interactions, events)


def _record(line: str, where: str) -> dict:
    """One HaluEval record, checked: ValueError naming ``where``, the record ID and the field at fault."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{where}: not a JSON object: {exc}") from exc
    if not isinstance(record, dict):
        raise ValueError(f"{where}: not a JSON object but {type(record).__name__}")
    record_id = record.get("ID")
    if not isinstance(record_id, str):
        raise ValueError(f"{where}: field 'ID' is {record_id!r}, expected a string")
    for field in ("user_query", "chatgpt_response"):
        value = record.get(field)
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{where}, record ID {record_id!r}: field {field!r} is {value!r}, expected text")
    if record.get("hallucination") not in _HALLUCINATION_THUMBS:
        raise ValueError(
            f"{where}, record ID {record_id!r}: field 'hallucination' is {record.get('hallucination')!r}, "
            "expected 'yes' or 'no'"
        )
    return record


def _events(record: dict, line_number: int, at: datetime, where: str) -> list[dict]:
    """The record's interaction and feedback events, validated by the telemetry contract, as warehouse rows."""
    interaction_id = f"halueval-line-{line_number}"
    envelope = {
        "schema_version": 1,
        "interaction_id": interaction_id,
        "session_id": interaction_id,
        "user_id": "halueval-annotators",
    }
    interaction = {
        **envelope,
        "event_id": f"{interaction_id}-interaction",
        "event_type": "interaction",
        "timestamp": at,
        "use_case": HALUEVAL_USE_CASE,
        "prompt": record["user_query"],
        "system_prompt_version": "none",
        "response": record["chatgpt_response"],
        "model_version": HALUEVAL_MODEL,
        "latency_ms": 0.0,
        "prompt_tokens": len(record["user_query"].split()),
        "completion_tokens": len(record["chatgpt_response"].split()),
    }
    feedback = {
        **envelope,
        "event_id": f"{interaction_id}-feedback",
        "event_type": "feedback",
        "timestamp": at + timedelta(minutes=1),
        "thumb": _HALLUCINATION_THUMBS[record["hallucination"]],
    }
    rows = []
    for event in (interaction, feedback):
        try:
            rows.append(event_to_row(EVENT_ADAPTER.validate_python(event)))
        except ValidationError as exc:
            fields = ", ".join(".".join(str(part) for part in error["loc"]) for error in exc.errors())
            raise ValueError(
                f"{where}, record ID {record['ID']!r}: the {event['event_type']} event is invalid ({fields}): {exc}"
            ) from exc
    return rows
