"""Human review decisions: what a reviewer said about an interaction, validated, stored append-only.

A decision is one of:

* ``accept``: the automatic label is right; the decision records which label was accepted (``quality``), so
  that it stays what the person saw even if the automatic label later changes;
* ``relabel``: the label is ``quality`` (good, bad or unknown);
* ``flag``: the response is a problem of kind ``flag`` (offensive, harmful, privacy, ...); it is labeled bad
  and the flag keeps it out of every training set;
* ``skip``: no verdict; the interaction stays in the queue.

Decisions live in the warehouse's append-only ``reviews`` table and are never rewritten: the latest verdict
(not ``skip``) for an interaction wins, so correcting a decision means adding a newer one. Each decision has a
content-derived ``decision_id``, which makes importing the same file twice a no-op.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Container, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pyarrow as pa

from feedback_loop.person_names import person_name
from feedback_loop.privacy import redact
from feedback_loop.schema import FLAG_REASONS

DECISIONS = ("accept", "relabel", "flag", "skip")
QUALITIES = ("good", "bad", "unknown")
REVIEWS_TABLE = "reviews"
# The fields a reviewer (or an annotation tool) fills in an exported queue line.
DECISION_FIELDS = ("decision", "quality", "flag", "note", "reviewer", "decided_at")
# How far ahead of this machine's clock a decision's time may be (another machine's clock runs ahead a little).
# The latest verdict wins, so a decision dated in the future would outrank every later one until that date.
MAX_CLOCK_SKEW = timedelta(minutes=5)


def reviews_arrow_schema() -> pa.Schema:
    """The pyarrow schema of the warehouse ``reviews`` table."""
    return pa.schema(
        [
            ("decision_id", pa.string()),
            ("interaction_id", pa.string()),
            ("decision", pa.string()),
            ("quality", pa.string()),
            ("flag", pa.string()),
            ("note", pa.string()),
            ("reviewer", pa.string()),
            ("decided_at", pa.timestamp("us", tz="UTC")),
        ]
    )


class DecisionError(ValueError):
    """A decision that cannot be recorded; the message names the record and the field."""


@dataclass(frozen=True)
class Verdict:
    """The standing human verdict on one interaction: the label it imposes and who gave it, when."""

    quality: str
    flag: str | None
    reviewer: str
    decided_at: datetime
    decision: str


def make_decision(
    interaction_id: object,
    decision: str,
    *,
    reviewer: object,
    quality: str | None = None,
    flag: str | None = None,
    note: str | None = None,
    decided_at: datetime | None = None,
    where: str | None = None,
    origin: str | None = None,
) -> dict[str, Any]:
    """One validated ``reviews`` row; ``where`` (e.g. ``file.jsonl:3``) prefixes error messages.

    ``accept`` and ``relabel`` need ``quality``; ``flag`` needs ``flag`` (its quality is ``bad``); ``skip``
    needs neither. ``decided_at`` defaults to now and must carry a time zone. The note is free text a person
    wrote into the warehouse, so it is redacted like telemetry. ``origin`` names where an undated decision was
    written (the digest of its line in a file): its ``decision_id`` then derives from that, not from the time it is
    recorded, so recording it again is recognised.
    """
    record = where or f"interaction {interaction_id!r}"

    def fail(field: str, message: str) -> DecisionError:
        return DecisionError(f"{record}: field {field!r}: {message}")

    if not isinstance(interaction_id, str) or not interaction_id:
        raise fail("interaction_id", f"must be a non-empty string, got {interaction_id!r}")
    if decision not in DECISIONS:
        raise fail("decision", f"must be one of {DECISIONS}, got {decision!r}")
    try:
        name = person_name(reviewer)
    except ValueError as exc:
        raise fail("reviewer", str(exc)) from exc
    if decision in ("accept", "relabel") and quality not in QUALITIES:
        raise fail("quality", f"{decision} needs one of {QUALITIES}, got {quality!r}")
    if decision == "flag":
        if flag not in FLAG_REASONS:
            raise fail("flag", f"flag needs one of {FLAG_REASONS}, got {flag!r}")
        quality = "bad"
    elif flag is not None:
        raise fail("flag", f"only a 'flag' decision carries a flag, this one is {decision!r}")
    if decision == "skip":
        quality = None
    if note is not None and not isinstance(note, str):
        raise fail("note", f"must be text, got {note!r}")
    for field, text in (("interaction_id", interaction_id), ("note", note)):
        if text is not None and not _encodable(text):
            raise fail(field, "is not UTF-8 text (an undecodable byte, or an escape like \\ud800 of no character)")
    now = datetime.now(UTC)
    undated = decided_at is None
    if decided_at is None:
        decided_at = now
    elif decided_at.tzinfo is None:
        raise fail("decided_at", "must carry a time zone (e.g. 2026-11-29T10:00:00Z)")
    try:
        decided_at = decided_at.astimezone(UTC)
    except OverflowError as exc:
        raise fail("decided_at", f"{decided_at.isoformat()} is out of range in UTC") from exc
    if decided_at > now + MAX_CLOCK_SKEW:
        raise fail(
            "decided_at",
            f"{decided_at.isoformat()} is in the future (now {now.isoformat(timespec='seconds')}, "
            f"allowed clock skew {MAX_CLOCK_SKEW})",
        )
    row = {
        "interaction_id": interaction_id,
        "decision": decision,
        "quality": quality,
        "flag": flag,
        "note": redact(note).text if note else None,
        "reviewer": name.strip(),
        "decided_at": decided_at,
    }
    identity = {**row, "decided_at": origin} if undated and origin is not None else row
    digest = hashlib.sha256(json.dumps(identity, sort_keys=True, default=str).encode()).hexdigest()
    return {"decision_id": digest[:20], **row}


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def decisions_table(rows: Iterable[dict[str, Any]]) -> pa.Table:
    """Rows from :func:`make_decision` as a ``reviews`` table."""
    return pa.Table.from_pylist(list(rows), schema=reviews_arrow_schema())


def parse_decision_lines(
    lines: Iterable[str],
    *,
    source: str,
    default_reviewer: str | None,
    labeled: Container[str] | None = None,
) -> tuple[list[dict], int]:
    """Decisions from JSON Lines (an exported queue edited by a person or a tool), and how many lines had none.

    Every line must be a JSON object with ``interaction_id``; a line whose ``decision`` is null or absent is
    still undecided and is counted, not imported. With ``labeled`` (the interaction ids of the ``labels`` table),
    a decision on an interaction not in it is an error of its line: a typo, or a file exported from another data
    root, whose decision no label would ever carry. ``reviewer`` falls back to ``default_reviewer``; an ``accept``
    without ``quality`` accepts the exported automatic label (``label_quality``).
    ``decided_at`` (ISO 8601 with a zone) is optional: a line without it is dated when it is first recorded,
    and identified by its own content, so that importing it again, in the same file or an edited one, adds
    nothing (dated anew, it would outrank every decision made since). All errors are collected and raised
    together, each naming ``source:line`` and the field, so a file is imported whole or not at all.
    """
    decisions, errors, undecided = [], [], 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        except ValueError as exc:  # an integer of more digits than Python converts (4300)
            errors.append(f"{where}: invalid JSON: {str(exc).split(':')[0]}")
            continue
        except RecursionError:
            errors.append(f"{where}: invalid JSON: nested too deeply")
            continue
        if not isinstance(record, dict):
            errors.append(f"{where}: expected a JSON object")
            continue
        if record.get("decision") is None:
            undecided += 1
            continue
        try:
            decided_at = record.get("decided_at")
            if decided_at is not None:
                if not isinstance(decided_at, str):
                    raise DecisionError(
                        f"{where}: field 'decided_at': must be an ISO 8601 text with a zone, got a "
                        f"{type(decided_at).__name__}"
                    )
                try:
                    decided_at = datetime.fromisoformat(decided_at.replace("Z", "+00:00"))
                except ValueError as exc:
                    raise DecisionError(f"{where}: field 'decided_at': {exc}") from exc
            decision = make_decision(
                record.get("interaction_id"),
                record["decision"],
                reviewer=record.get("reviewer") or default_reviewer,
                quality=record.get("quality")
                or (record.get("label_quality") if record["decision"] == "accept" else None),
                flag=record.get("flag"),
                note=record.get("note"),
                decided_at=decided_at,
                where=where,
                origin=hashlib.sha256(line.strip().encode("utf-8", "surrogateescape")).hexdigest(),
            )
            if labeled is not None and decision["interaction_id"] not in labeled:
                raise DecisionError(f"{where}: field 'interaction_id': {unlabeled(decision['interaction_id'])}")
            decisions.append(decision)
        except DecisionError as exc:
            errors.append(str(exc))
        except (OverflowError, RecursionError) as exc:  # crafted values, each field's checks notwithstanding
            errors.append(f"{where}: {type(exc).__name__}: {exc}")
    if errors:
        raise DecisionError(f"{len(errors)} invalid decision line(s), nothing imported:\n" + "\n".join(errors))
    return decisions, undecided


def unlabeled(interaction_id: str) -> str:
    """Why a decision on ``interaction_id``, which the ``labels`` table does not hold, is refused."""
    return (
        f"{interaction_id!r} is no labeled interaction: the labels table holds no such id (a typo, a file exported "
        "from another data root, or a day not labeled yet?)"
    )


def standing_verdicts(reviews: pa.Table) -> dict[str, Verdict]:
    """The latest verdict per interaction (``skip`` is no verdict); ties on time go to the larger decision_id."""
    rows = sorted(reviews.to_pylist(), key=lambda row: (row["decided_at"], row["decision_id"]))
    verdicts: dict[str, Verdict] = {}
    for row in rows:
        if row["decision"] == "skip":
            continue
        verdicts[row["interaction_id"]] = Verdict(
            row["quality"], row["flag"], row["reviewer"], row["decided_at"], row["decision"]
        )
    return verdicts


def _content(row: dict[str, Any]) -> tuple:
    return tuple(row[field] for field in ("interaction_id", "decision", "quality", "flag", "note", "reviewer"))


def new_decisions(existing: pa.Table, decisions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ``decisions`` that change something: not already stored, and not repeating the interaction's
    latest decision word for word. Re-importing the same file therefore adds nothing, while a reviewer who
    goes back to an earlier verdict (good, then bad, then good) is recorded each time."""
    known_ids = set(existing.column("decision_id").to_pylist()) if existing.num_rows else set()
    latest: dict[str, dict] = {}
    for row in sorted(existing.to_pylist(), key=lambda row: (row["decided_at"], row["decision_id"])):
        latest[row["interaction_id"]] = row
    fresh = []
    for row in decisions:
        previous = latest.get(row["interaction_id"])
        if row["decision_id"] in known_ids or (previous is not None and _content(previous) == _content(row)):
            continue
        fresh.append(row)
        latest[row["interaction_id"]] = row
    return fresh
