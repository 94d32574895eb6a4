"""Real human judgements as telemetry: HaluEval's hallucination labels and PandaLM's human preferences.

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

PandaLM (``pandalm-testset-v1.json``: a JSON array of comparisons with ``idx``, ``cmp_key`` "modelA_modelB",
``instruction``, ``input``, ``response1``, ``response2`` and ``annotator1..3``, each 0 for a tie, 1 or 2 for the
better response) becomes two interactions per comparison, one per response (prompt = instruction, then the
input after a blank line when there is one; model version = the model that wrote the response), in one session.
The annotators' majority (two of three) gives a thumb up to the preferred response and down to the other; a
tie or no majority gives no feedback (the interactions stay unjudged). Six comparisons of the file store a
response as the JSON value ``true`` instead of text: they are skipped and reported in
:attr:`PandaLMData.skipped`, never turned into text silently (so would a comparison without any prompt text).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from pydantic import ValidationError

from feedback_loop.label.rules import label_interactions
from feedback_loop.schema import EVENT_ADAPTER, NO_SYSTEM_PROMPT, event_to_row, events_arrow_schema

HALUEVAL_FILE = "halueval-general_data.json"
PANDALM_FILE = "pandalm-testset-v1.json"
PANDALM_USE_CASE = "pandalm"
HALUEVAL_USE_CASE = "halueval_general"
HALUEVAL_MODEL = "chatgpt"
# Any fixed day: HaluEval has no timestamps, and labeling only needs a consistent order.
HALUEVAL_DAY = date(2026, 1, 1)
_HALLUCINATION_THUMBS = {"yes": "down", "no": "up"}


def halueval_file(realdata_dir: str | Path) -> Path:
    """The HaluEval file in ``realdata_dir``; FileNotFoundError, saying what is missing where, if absent."""
    return _realdata_file(realdata_dir, HALUEVAL_FILE, "HaluEval")


def pandalm_file(realdata_dir: str | Path) -> Path:
    """The PandaLM test set in ``realdata_dir``; FileNotFoundError, saying what is missing where, if absent."""
    return _realdata_file(realdata_dir, PANDALM_FILE, "PandaLM")


def _realdata_file(realdata_dir: str | Path, name: str, title: str) -> Path:
    path = Path(realdata_dir) / name
    if not path.is_file():
        raise FileNotFoundError(
            f"{title} ({name}) not found at {path}: set FEEDBACK_LOOP_REALDATA_DIR to the folder "
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
        "system_prompt_version": NO_SYSTEM_PROMPT,
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


@dataclass(frozen=True)
class PandaLMData:
    """PandaLM as telemetry, with the human preferences to measure pairwise accuracy against."""

    events: pa.Table
    """Interaction and feedback events in the warehouse event schema."""
    preferences: list[tuple[str, str]]
    """(preferred interaction_id, other interaction_id) of every comparison with a majority preference."""
    skipped: list[str]
    """Why each comparison that was not imported was skipped (naming its idx and field)."""


def pandalm_events(path: str | Path, *, limit: int | None = None) -> PandaLMData:
    """The events and preferences of the first ``limit`` (default all) PandaLM comparisons.

    Raises ValueError naming the comparison's idx and field where the file is not what PandaLM publishes
    (a missing field, an annotator vote other than 0, 1 or 2); a response that is not text is skipped and
    reported in :attr:`PandaLMData.skipped`.
    """
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be >= 0, got {limit}")
    path = Path(path)
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path.name}: not JSON: {exc}") from exc
    if not isinstance(records, list):
        raise ValueError(f"{path.name}: expected a JSON array of comparisons, found {type(records).__name__}")
    start = datetime.combine(HALUEVAL_DAY, time(0), tzinfo=UTC)
    rows: list[dict] = []
    preferences: list[tuple[str, str]] = []
    skipped: list[str] = []
    for position, record in enumerate(records[:limit] if limit is not None else records):
        where = f"{path.name} comparison {position}"
        comparison = _comparison(record, where)
        if isinstance(comparison, str):
            skipped.append(comparison)
            continue
        idx, prompt, models, responses, preferred = comparison
        at = start + timedelta(seconds=position)
        ids = [f"pandalm-{idx}-{side}" for side in (1, 2)]
        for side, (interaction_id, model, response) in enumerate(zip(ids, models, responses, strict=True), start=1):
            thumb = None if preferred is None else ("up" if preferred == side else "down")
            rows.extend(_pandalm_events(interaction_id, f"pandalm-{idx}", prompt, model, response, thumb, at, where))
        if preferred is not None:
            preferences.append((ids[preferred - 1], ids[2 - preferred]))
    return PandaLMData(pa.Table.from_pylist(rows, schema=events_arrow_schema()), preferences, skipped)


def pandalm_labels(path: str | Path, *, limit: int | None = None) -> tuple[pa.Table, PandaLMData]:
    """The labels table of :func:`pandalm_events` (explicit good/bad where annotators preferred one response,
    no label on ties) and the data it came from."""
    data = pandalm_events(path, limit=limit)
    interactions = data.events.filter(pc.equal(data.events["event_type"], "interaction"))
    return label_interactions(interactions, data.events), data


def _comparison(record, where: str):
    """(idx, prompt, (model1, model2), (response1, response2), preferred side or None), or why it is skipped."""
    if not isinstance(record, dict):
        raise ValueError(f"{where}: not a JSON object but {type(record).__name__}")
    idx = record.get("idx")
    if not isinstance(idx, int) or isinstance(idx, bool):
        raise ValueError(f"{where}: field 'idx' is {idx!r}, expected an integer")
    where = f"{where} (idx {idx})"
    for field in ("instruction", "input", "cmp_key"):
        if not isinstance(record.get(field), str):
            raise ValueError(f"{where}: field {field!r} is {record.get(field)!r}, expected text")
    models = record["cmp_key"].split("_")
    if len(models) != 2 or not all(models):
        raise ValueError(f"{where}: field 'cmp_key' is {record['cmp_key']!r}, expected 'modelA_modelB'")
    votes = []
    for field in ("annotator1", "annotator2", "annotator3"):
        vote = record.get(field)
        if vote not in (0, 1, 2) or isinstance(vote, bool):
            raise ValueError(f"{where}: field {field!r} is {vote!r}, expected 0, 1 or 2")
        votes.append(vote)
    for field in ("response1", "response2"):
        if not isinstance(record.get(field), str):
            return f"{where}: field {field!r} is {record.get(field)!r}, not text"
    prompt = "\n\n".join(part for part in (record["instruction"].strip(), record["input"].strip()) if part)
    if not prompt:
        return f"{where}: fields 'instruction' and 'input' are both blank"
    majority = max((1, 2, 0), key=votes.count)
    preferred = majority if votes.count(majority) >= 2 and majority != 0 else None
    return idx, prompt, tuple(models), (record["response1"], record["response2"]), preferred


def _pandalm_events(
    interaction_id: str, session_id: str, prompt: str, model: str, response: str, thumb, at: datetime, where: str
) -> list[dict]:
    envelope = {
        "schema_version": 1,
        "interaction_id": interaction_id,
        "session_id": session_id,
        "user_id": "pandalm-annotators",
    }
    events = [
        {
            **envelope,
            "event_id": f"{interaction_id}-interaction",
            "event_type": "interaction",
            "timestamp": at,
            "use_case": PANDALM_USE_CASE,
            "prompt": prompt,
            "system_prompt_version": NO_SYSTEM_PROMPT,
            "response": response,
            "model_version": model,
            "latency_ms": 0.0,
            "prompt_tokens": len(prompt.split()),
            "completion_tokens": len(response.split()),
        }
    ]
    if thumb is not None:
        events.append(
            {
                **envelope,
                "event_id": f"{interaction_id}-feedback",
                "event_type": "feedback",
                "timestamp": at + timedelta(minutes=1),
                "thumb": thumb,
            }
        )
    rows = []
    for event in events:
        try:
            rows.append(event_to_row(EVENT_ADAPTER.validate_python(event)))
        except ValidationError as exc:
            fields = ", ".join(".".join(str(part) for part in error["loc"]) for error in exc.errors())
            raise ValueError(f"{where}: the {event['event_type']} event is invalid ({fields}): {exc}") from exc
    return rows
