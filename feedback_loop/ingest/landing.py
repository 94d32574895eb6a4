"""Ingestion: turn one day of landing JSON Lines files into the ``events`` and ``quarantine`` tables.

Applications drop files into ``<landing_dir>/YYYY-MM-DD/*.jsonl`` (or ``*.jsonl.gz``), one event per line,
following the contract in :mod:`feedback_loop.schema`. Every non-blank line ends up in exactly one place:

* the events table, once per ``event_id`` (a later identical copy only counts as a duplicate);
* the quarantine table, with the file, line number, offending field and a readable reason, when the line is
  not JSON, not an object, longer than the line limit, of an unsupported schema version, fails validation,
  reuses an ``event_id`` with different content, or re-sends an interaction under a new ``event_id``. A bad
  line is never dropped silently, and a file that cannot be read to its end is quarantined whole.

Nothing personal reaches the warehouse: the free text of every event (``prompt``, ``response``,
``correction``, ``comment``) is redacted (:mod:`feedback_loop.privacy`), ``user_id`` and ``session_id``
are replaced by keyed pseudonyms, and a quarantined line is stored with its ids pseudonymized and its text
redacted too. The landing files themselves are only read.

The output depends only on the landing files of the day and of the earlier days it is compared with (sorted
file names, line order, sorted events) and the pseudonym key, never on what the warehouse holds, so a re-run of
a partition gives identical tables, in any order of days, and can safely replace the previous one.
"""

from __future__ import annotations

import ast
import enum
import gzip
import json
import os
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, cast

import pyarrow as pa
import pyarrow.compute as pc
from pydantic import Field, ValidationError, model_validator

from feedback_loop import schema
from feedback_loop.privacy import (
    DEFAULT_TIER,
    PLACEHOLDERS,
    REDACTION_TYPES,
    Redaction,
    Redactor,
    Tier,
    pseudonymize,
)
from feedback_loop.stage_config import StageConfig
from feedback_loop.warehouse import Warehouse

EVENTS_TABLE = "events"
QUARANTINE_COLUMNS: tuple[str, ...] = ("source_file", "line_number", "field", "reason", "raw_line")
MAX_RAW_LINE_CHARS = 10_000
# Longest offending value quoted in a reason; prompts and responses can be long.
_MAX_QUOTED_INPUT_CHARS = 80
# How much of a long line (of a long quoted string) is redacted: enough for what is kept of it, and then
# some, since placeholders are shorter than what they replace. What redaction leaves of the last
# _FRAGMENT_MARGIN_CHARS is dropped: an identifier the window cut in two is no longer recognised, and no
# identifier the detectors find is longer (an e-mail address has at most 254 characters).
_REDACTED_WINDOW_CHARS = 4 * MAX_RAW_LINE_CHARS
_QUOTE_WINDOW_CHARS = 2_000
_FRAGMENT_MARGIN_CHARS = 256
_PARTITION_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")
_LANDING_SUFFIXES = (".jsonl", ".jsonl.gz")
_CHUNK_BYTES = 1 << 16
_BOM = b"\xef\xbb\xbf"
# What is kept of a line longer than the limit: enough to recognise it, redacted like any quarantined line.
_OVERSIZE_EXCERPT_BYTES = 2_000
# Digits of the longest integer parsed as one: int64 has 19. Python refuses to convert 4,300 digits and more,
# and converting fewer still costs quadratic time.
_MAX_INTEGER_DIGITS = 19
ValidEvent = schema.InteractionEvent | schema.FeedbackEvent | schema.BehaviourEvent
PSEUDONYMIZED_FIELDS: tuple[str, ...] = ("user_id", "session_id")
# The application's keys, which a support engineer looks up, are kept as they are, unless a detector finds an
# identifier in one: then the whole key becomes its keyed pseudonym, since rewriting half a key could merge two
# keys into one, while the pseudonym keeps every key distinct and feedback still joins its interaction.
KEY_FIELDS: tuple[str, ...] = ("event_id", "interaction_id")
# A canonical UUID, what applications mostly use as keys, holds no identifier: no detector runs on it.
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# Every free-text field the application fills.
REDACTED_FIELDS: tuple[str, ...] = (
    "prompt", "response", "correction", "comment", "use_case", "user_segment", "system_prompt_version", "model_version",
    "adapter_version",
)  # fmt: skip
# Redacted fields with a handful of distinct values a day (labels and versions, not free text): each distinct
# value is redacted once per partition.
LOW_CARDINALITY_FIELDS: frozenset[str] = frozenset(
    {"use_case", "user_segment", "system_prompt_version", "model_version", "adapter_version"}
)
# A member in a raw line, even a line cut short or not JSON at all (a Python repr, a log line): its key quoted
# in double or single quotes (escapes included: "user\u005fid") or bare, and its value a string in either
# quotes (possibly unterminated, possibly ending in a lone backslash), a number or a bare word. Which keys are
# ids is decided on the decoded key.
_RAW_MEMBER = re.compile(
    r"""(?P<key>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\b[A-Za-z_]\w*)(?P<colon>\s*[:=]\s*)"""
    r"""(?P<value>"(?:[^"\\]|\\.)*(?:"|\\?$)|'(?:[^'\\]|\\.)*(?:'|\\?$)|[^\s,;:{}\[\]"']+)"""
)
_PLACEHOLDER_TEXT = re.compile("|".join(re.escape(placeholder) for placeholder in PLACEHOLDERS.values()))
_LONGEST_PLACEHOLDER = max(len(placeholder) for placeholder in PLACEHOLDERS.values())
_SURROGATE = re.compile("[\ud800-\udfff]")
# A JSON string literal, or the unterminated last one of a line cut short.
_STRING_LITERAL = re.compile(r'"(?:[^"\\]|\\.)*(?:"|\\?$)')
# An escape cut short at the end of a truncated literal ("\u00" or a lone "\").
_PARTIAL_ESCAPE = re.compile(r"\\(?:u[0-9a-fA-F]{0,3})?$")


def quarantine_arrow_schema() -> pa.Schema:
    """The pyarrow schema of the warehouse ``quarantine`` table (``field`` is null for whole-line errors)."""
    return pa.schema(
        [
            ("source_file", pa.string()),
            ("line_number", pa.int64()),
            ("field", pa.string()),
            ("reason", pa.string()),
            ("raw_line", pa.string()),
        ]
    )


@dataclass(frozen=True)
class IngestResult:
    """One partition's ingestion outcome; ``read == valid + quarantined + duplicates + earlier_duplicates``.

    ``read`` counts the non-blank lines, and a landing file that cannot be read to its end (a corrupt or
    truncated ``.jsonl.gz``) as one more: it is quarantined whole, as one row without a line number.
    ``earlier_duplicates`` counts lines whose event an earlier day landed (an upload retried the next day):
    the earlier copy stands, and the line is not stored twice. ``files`` are the landing files read;
    ``skipped`` names every other entry of the day's folder with the reason it was not read. ``landed`` is
    this day's :class:`LandedDay`, for the ingestion of the days after it.

    ``redactions`` counts the placeholders written into the stored rows, per redaction type (every type of
    :data:`~feedback_loop.privacy.REDACTION_TYPES`, 0 when none).
    """

    events: pa.Table
    quarantine: pa.Table
    read: int
    valid: int
    quarantined: int
    duplicates: int
    earlier_duplicates: int
    files: list[str]
    skipped: dict[str, str]
    redactions: dict[str, int]
    landed: LandedDay


@dataclass(frozen=True)
class LineProblem:
    """Why a line cannot become an event: the dotted field at fault (None for the whole line) and a reason."""

    field: str | None
    reason: str


class _Privacy:
    """Pseudonymizes ids and redacts text with one key, counting the placeholders it writes.

    One instance serves one partition: it remembers the pseudonym of every id it has seen (a user's id recurs in
    each of their events, and an HMAC costs more than a lookup) and the redaction of every value of the
    :data:`LOW_CARDINALITY_FIELDS`, so memory grows with the partition's distinct ids and labels.
    """

    def __init__(self, pseudonym_key: bytes, redactor: Redactor):
        self._key = pseudonym_key
        self._redactor = redactor
        self._pseudonyms: dict[str, str] = {}
        self._labels: dict[str, Redaction] = {}
        self.counts: Counter[str] = Counter()

    def text(self, value: str | None, scope: str | None = None) -> str | None:
        if value is None:
            return None
        redaction = self._redactor.redact(value, scope)
        self.counts.update(redaction.counts)
        return redaction.text

    def key(self, value: str | None) -> str | None:
        """An application key as it is, or its keyed pseudonym when a detector finds an identifier in it."""
        if value is None or _UUID.fullmatch(value):
            return value
        redaction = self._redactor.redact(value)
        if not redaction.counts:
            return value
        self.counts.update(redaction.counts)
        return self.pseudonym(value)

    def pseudonym(self, value: str) -> str:
        """The keyed pseudonym of ``value`` (:func:`~feedback_loop.privacy.pseudonymize`), computed once."""
        pseudonym = self._pseudonyms.get(value)
        if pseudonym is None:
            pseudonym = self._pseudonyms[value] = pseudonymize(value, self._key)
        return pseudonym

    def label(self, value: str | None, scope: str) -> str | None:
        """A low-cardinality field's value redacted like :meth:`text`, each distinct value once. A value with a
        person name in it is not remembered: its placeholder is numbered within ``scope``."""
        if value is None:
            return None
        redaction = self._labels.get(value)
        if redaction is None:
            redaction = self._redactor.redact(value, scope)
            if "PERSON" not in redaction.counts:
                self._labels[value] = redaction
        self.counts.update(redaction.counts)
        return redaction.text

    def event_row(self, row: dict[str, Any]) -> dict[str, Any]:
        private = dict(row)
        for column in PSEUDONYMIZED_FIELDS:
            private[column] = self.pseudonym(row[column])
        for column in KEY_FIELDS:
            private[column] = self.key(row[column])
        for column in REDACTED_FIELDS:
            # Person names are numbered per session: "<PERSON_1> asked <PERSON_2>" stays readable.
            redact = self.label if column in LOW_CARDINALITY_FIELDS else self.text
            private[column] = redact(row[column], row["session_id"])
        return private

    def raw_line(self, line: str) -> str:
        """A raw landing line with its ids pseudonymized (as in the events table) and its text redacted, cut to
        :data:`MAX_RAW_LINE_CHARS` after redaction without splitting a placeholder.

        A line that parses as JSON is redacted value by value, decoded, and written back as compact JSON: in
        the JSON text an escape such as ``\\n`` or ``\\u00a0`` puts a letter right before a number, and the
        detectors that want a boundary there (card, SSN, IP, phone) would miss it. ``user_id`` and
        ``session_id`` values are pseudonymized at any depth. The JSON text written back is then redacted as a
        whole as well, for what only a member's name reveals (``"password":"hunter2"``). A line that is not
        JSON, or is nested too deeply to walk (a line cut short, say), has its ids found by
        :data:`_RAW_MEMBER`, each string literal in it (the unterminated last one too) decoded and redacted the
        same way, and is then redacted as a whole. A line longer than :data:`_REDACTED_WINDOW_CHARS` is
        treated as text, only that far, and what the window's end may have cut is dropped.
        """
        if len(line) <= _REDACTED_WINDOW_CHARS:
            text, counts = self._json_line(line) or self._text_line(line)
            return self._kept(_cut(text, MAX_RAW_LINE_CHARS), counts)
        # Only the start of a long line can be kept, and only its start is redacted: a megabyte costs seconds.
        text, counts = self._text_line(line[:_REDACTED_WINDOW_CHARS])
        return self._kept(_cut(text, max(0, min(MAX_RAW_LINE_CHARS, len(text) - _FRAGMENT_MARGIN_CHARS))), counts)

    def _text_line(self, line: str) -> tuple[str, Counter[str]]:
        counts: Counter[str] = Counter()

        def literal(match: re.Match[str]) -> str:
            text, closed = match.group(), match.group().endswith('"') and len(match.group()) > 1
            body = text[1:-1] if closed else _PARTIAL_ESCAPE.sub("", text[1:])
            try:
                decoded = json.loads(f'"{body}"')
            except json.JSONDecodeError:
                decoded = body  # not a JSON string after all: redact its characters as they are
            redacted, found = self._redacted(decoded)
            counts.update(found)
            encoded = _storable(json.dumps(redacted, ensure_ascii=False))
            return encoded if closed else encoded[:-1]

        ids_hidden = _RAW_MEMBER.sub(self._pseudonymized_member, line)
        text, more = self._redacted(_STRING_LITERAL.sub(literal, ids_hidden))
        return text, counts + more

    def quote(self, value: Any) -> str:
        """A short ``repr`` of an offending input value, for a reason: redacted (and its nested ids
        pseudonymized) whole, then cut without splitting a placeholder, so that the cut cannot leave a
        fragment of an identifier that the detectors no longer recognise ("jane.doe@exam"). Of a long string
        only the start is redacted, as in :meth:`raw_line`."""
        windowed = isinstance(value, str) and len(value) > _QUOTE_WINDOW_CHARS
        if windowed:
            value = value[:_QUOTE_WINDOW_CHARS]
        try:
            walked = repr(self._json_value(value, Counter(), is_id=False))
        except RecursionError:
            # Nested nearly as deep as the JSON parser allows: the walk, deeper in the stack, cannot follow.
            return "a value nested too deeply to quote"
        text, _ = self._redacted(walked)
        if windowed:
            text = _cut(text, max(0, min(_MAX_QUOTED_INPUT_CHARS - 3, len(text) - _FRAGMENT_MARGIN_CHARS))) + "..."
        elif len(text) > _MAX_QUOTED_INPUT_CHARS:
            text = _cut(text, _MAX_QUOTED_INPUT_CHARS - 3) + "..."
        # Not counted: the quoted value is also in the line's raw_line, where its identifiers already count.
        return text

    def _redacted(self, text: str) -> tuple[str, Counter[str]]:
        """``text`` redacted with the configured tier, and the placeholders written into it per type."""
        redaction = self._redactor.redact(text)
        return redaction.text, Counter(redaction.counts)

    def _kept(self, text: str, counts: Counter[str]) -> str:
        """``text`` as it is stored, counting the placeholders that redaction wrote into it (``counts``) and
        that its cut kept."""
        self.counts.update({kind: min(found, text.count(PLACEHOLDERS[kind])) for kind, found in counts.items()})
        return text

    def _json_line(self, line: str) -> tuple[str, Counter[str]] | None:
        """The private compact JSON of a JSON line and the placeholders written into it; None when the line is
        not JSON or is too deep to walk."""
        counts: Counter[str] = Counter()
        try:
            private = self._json_value(json.loads(line, parse_int=_parse_int), counts, is_id=False)
            compact = json.dumps(private, ensure_ascii=False, separators=(",", ":"))
        except (json.JSONDecodeError, RecursionError):
            return None
        # A lone surrogate ("\\ud800" in the line) cannot be stored as UTF-8: it stays escaped, as landed.
        compact = _storable(compact)
        text, more = self._redacted(compact)
        return text, counts + more

    def _json_value(self, value: Any, counts: Counter[str], *, is_id: bool) -> Any:
        """A parsed JSON value with its strings redacted and, under a ``user_id`` or ``session_id`` member at
        any depth (``is_id``), its strings and numbers pseudonymized; ``counts`` gains the placeholders."""
        if isinstance(value, dict):
            private: dict[str, Any] = {}
            for name, item in value.items():
                private[name] = self._json_value(item, counts, is_id=is_id or name in PSEUDONYMIZED_FIELDS)
            return private
        if isinstance(value, list):
            # A loop, not a comprehension: a comprehension is one more stack frame per level of nesting.
            items: list[Any] = []
            for item in value:
                items.append(self._json_value(item, counts, is_id=is_id))
            return items
        if isinstance(value, _LongInteger):
            value = repr(value)  # stored as text: JSON has no way to write the shortened number
        if is_id and isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return self.pseudonym(_storable(value) if isinstance(value, str) else json.dumps(value))
        if isinstance(value, str):
            text, found = self._redacted(value)
            counts.update(found)
            return text
        return value

    def _pseudonymized_member(self, match: re.Match[str]) -> str:
        """A :data:`_RAW_MEMBER` match with its value pseudonymized when its key is ``user_id`` or
        ``session_id``, unchanged otherwise."""
        if _decoded_literal(match.group("key")) not in PSEUDONYMIZED_FIELDS:
            return match.group()
        value = _storable(_decoded_literal(match.group("value")))
        return f'{match.group("key")}{match.group("colon")}"{self.pseudonym(value)}"'


def _decoded_literal(literal: str) -> str:
    """The text of a string literal in JSON (``"..."``) or Python (``'...'``) quoting, or of a bare word; a
    literal cut short with its line gives its characters so far."""
    if literal[:1] not in ('"', "'"):
        return literal
    try:
        decoded = json.loads(literal) if literal[0] == '"' else ast.literal_eval(literal)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return literal[1:]
    return decoded if isinstance(decoded, str) else literal[1:]


class IngestSpec(StageConfig):
    """How ingestion reads and validates a landing day."""

    max_line_bytes: int = Field(1 << 20, ge=1024)
    """Longest landing line read, in bytes (1 MiB); a longer line is quarantined with its first bytes, read in
    chunks so that it never sits in memory whole."""
    first_timestamp_year: int = Field(schema.TIMESTAMP_YEARS[0], ge=2, le=9998)
    """Earliest valid year of an event's timestamp, in UTC."""
    last_timestamp_year: int = Field(schema.TIMESTAMP_YEARS[1], ge=2, le=9998)
    """Latest valid year of an event's timestamp, in UTC (inclusive)."""
    redaction_tier: Tier = DEFAULT_TIER
    """Detectors that redact the text: `patterns` (shapes, checksums, rule-found names and addresses) or
    `patterns+ner` (the same plus a named-entity model for person names; docs/privacy.md)."""

    @model_validator(mode="after")
    def _years_in_order(self) -> IngestSpec:
        if self.first_timestamp_year > self.last_timestamp_year:
            raise ValueError("first_timestamp_year must not be after last_timestamp_year")
        return self

    @property
    def validation_context(self) -> dict[str, Any]:
        """The context :data:`schema.EVENT_ADAPTER` validates a line with (the timestamp years)."""
        return {schema.TIMESTAMP_YEARS_CONTEXT: (self.first_timestamp_year, self.last_timestamp_year)}


@dataclass(frozen=True)
class _Seen:
    """The first occurrence of an ``event_id`` (or ``interaction_id``): its row as landed, where it was read
    (``file:line``) and the day it landed."""

    row: dict[str, Any]
    where: str


@dataclass(frozen=True)
class LandedDay:
    """What one day landed, for the days after it: the first valid occurrence of each event id, and of each
    interaction id among the interaction events, in reading order (file names sorted, then line order).

    It depends on that day's landing files alone, never on what the warehouse holds, so a day's ingestion
    gives the same rows whichever days were ingested before it.
    """

    day: str
    events: dict[str, _Seen]
    interactions: dict[str, _Seen]


def landed_day(landing_dir: str | Path, partition: str, spec: IngestSpec | None = None) -> LandedDay:
    """The :class:`LandedDay` of ``partition``: its lines read and validated, nothing redacted or stored."""
    spec = spec or IngestSpec()
    _check_partition(partition)
    landed = LandedDay(partition, {}, {})
    landing_root = Path(landing_dir)
    for path, source_file in _landing_files(landing_root, partition)[0]:
        if _file_problem(path) is not None:
            continue
        for line in _lines(path, spec.max_line_bytes):
            if line.length is None and line.data.strip():
                outcome = parse_line(line.data, spec)
                if not isinstance(outcome, LineProblem):
                    _remember(landed, schema.event_to_row(outcome), f"{source_file}:{line.number}")
    return landed


def ingest_partition(
    landing_dir: str | Path,
    partition: str,
    pseudonym_key: bytes,
    earlier_days: Sequence[LandedDay] = (),
    spec: IngestSpec | None = None,
) -> IngestResult:
    """Validate, deduplicate and redact every line landed for ``partition`` (a ``YYYY-MM-DD`` day).

    ``pseudonym_key`` keys the pseudonyms of ``user_id`` and ``session_id``: the same key gives the same
    pseudonyms on every partition and every run. A missing day folder, or a missing ``landing_dir``, means the
    applications sent nothing: the result is empty.

    ``earlier_days`` are the :class:`LandedDay` of the days before (the late-feedback window): an event they
    hold is not stored again (an upload retried the next day; see :class:`IngestResult`), a changed copy of
    one is quarantined, and so is an interaction event whose ``interaction_id`` they give to another event.
    The first occurrence always stands: the earliest day's, then the first in reading order.
    """
    if not isinstance(pseudonym_key, bytes) or not pseudonym_key:
        raise ValueError("ingest_partition: field 'pseudonym_key' must be non-empty bytes")
    spec = spec or IngestSpec()
    _check_partition(partition)
    earlier = sorted(earlier_days, key=lambda landed: landed.day)
    landing_root = Path(landing_dir)
    files, skipped = _landing_files(landing_root, partition)
    privacy = _Privacy(pseudonym_key, Redactor(spec.redaction_tier))
    landed = LandedDay(partition, {}, {})
    rows: list[dict[str, Any]] = []
    quarantine: list[dict[str, Any]] = []
    read = duplicates = earlier_duplicates = 0
    for path, source_file in files:
        unreadable = _file_problem(path)
        if unreadable is not None:
            read += 1
            quarantine.append(_quarantine_row(source_file, None, LineProblem(None, unreadable), b"", privacy))
            continue
        for line in _lines(path, spec.max_line_bytes):
            if line.length is None and not line.data.strip():
                continue
            read += 1
            if line.length is not None:
                problem = LineProblem(
                    None,
                    f"line is {line.length:,} bytes, longer than max_line_bytes ({spec.max_line_bytes:,});"
                    f" only its first {len(line.data):,} bytes are kept here",
                )
                quarantine.append(_quarantine_row(source_file, line.number, problem, line.data, privacy))
                continue
            outcome = parse_line(line.data, spec, privacy.quote)
            if isinstance(outcome, LineProblem):
                quarantine.append(_quarantine_row(source_file, line.number, outcome, line.data, privacy))
                continue
            # Duplicates and conflicts are judged on the rows as landed, before redaction: two events that
            # differ only in an e-mail address differ, and must not pass as copies once both read <EMAIL>.
            # Redaction is deterministic, so true copies still redact to the same stored row.
            row = schema.event_to_row(outcome)
            where = f"{source_file}:{line.number}"
            decision = _decide(row, where, earlier, landed)
            _remember(landed, row, where)
            if decision is _Decision.STORE:
                rows.append(privacy.event_row(row))
            elif decision is _Decision.DUPLICATE:
                duplicates += 1
            elif decision is _Decision.EARLIER_DUPLICATE:
                earlier_duplicates += 1
            else:
                quarantine.append(_quarantine_row(source_file, line.number, decision, line.data, privacy))

    # Zone-aware datetimes compare by instant, and the events schema's timestamp(us, UTC) column converts
    # every offset to UTC, so "+02:00" and "Z" spellings of one instant sort, dedupe and store alike.
    rows.sort(key=lambda r: (r["timestamp"], r["event_id"]))
    return IngestResult(
        events=pa.Table.from_pylist(rows, schema=schema.events_arrow_schema()),
        quarantine=pa.Table.from_pylist(quarantine, schema=quarantine_arrow_schema()),
        read=read,
        valid=len(rows),
        quarantined=len(quarantine),
        duplicates=duplicates,
        earlier_duplicates=earlier_duplicates,
        files=[source_file for _, source_file in files],
        skipped={_storable(privacy.text(name) or ""): reason for name, reason in skipped.items()},
        redactions={kind: privacy.counts[kind] for kind in REDACTION_TYPES},
        landed=landed,
    )


class _Decision(enum.Enum):
    STORE = "store"
    DUPLICATE = "duplicate"
    EARLIER_DUPLICATE = "earlier duplicate"


def _decide(row: dict[str, Any], where: str, earlier: Sequence[LandedDay], today: LandedDay) -> _Decision | LineProblem:
    """What becomes of a valid row: stored, a copy of an event already stored (today or on an earlier day),
    or a problem (its event id or interaction id taken by other content). Earlier days are judged first, the
    earliest first, so the first occurrence stands whatever the order days are ingested in."""
    event_id = row["event_id"]
    for landed in earlier:
        first = landed.events.get(event_id)
        if first is not None:
            return _Decision.EARLIER_DUPLICATE if first.row == row else _conflict(row, first, landed.day)
    first = today.events.get(event_id)
    if first is not None:
        return _Decision.DUPLICATE if first.row == row else _conflict(row, first, None)
    if row["event_type"] == "interaction":
        for landed in (*earlier, today):
            used = landed.interactions.get(row["interaction_id"])
            if used is not None:
                return LineProblem(
                    "interaction_id",
                    f"interaction_id: {row['interaction_id']!r} already names interaction event"
                    f" {used.row['event_id']!r} ({_on(landed.day, today.day)}{used.where}); an interaction is"
                    f" kept once, its first event, and {event_id!r} is a re-sent copy under a new event id",
                )
    return _Decision.STORE


def _remember(landed: LandedDay, row: dict[str, Any], where: str) -> None:
    """Note ``row`` in the day's :class:`LandedDay` when it is the first of its event id (and interaction id)."""
    if row["event_id"] in landed.events:
        return
    landed.events[row["event_id"]] = _Seen(row, where)
    if row["event_type"] == "interaction":
        landed.interactions.setdefault(row["interaction_id"], _Seen(row, where))


def _on(day: str, today: str) -> str:
    """How a reason names where an earlier occurrence landed: nothing more on the same day."""
    return "" if day == today else f"landed {day}, "


def feedback_counts(warehouse: Warehouse) -> dict[str, int]:
    """Number of ``feedback`` events in each ingested partition of the ``events`` table (0 when none).

    Reads only the ``event_type`` column, so counting stays cheap however long prompts and responses are.
    """
    partitions = warehouse.partitions(EVENTS_TABLE)
    counts = {partition: 0 for partition in partitions}
    if not partitions:
        return counts
    table = warehouse.read_partitions(EVENTS_TABLE, partitions, columns=["event_type"])
    feedback_dates = table.filter(pc.equal(table["event_type"], "feedback"))["date"]
    for entry in pc.value_counts(feedback_dates).to_pylist():
        counts[entry["values"]] = entry["counts"]
    return counts


def _check_partition(partition: str) -> None:
    """Reject anything but a real calendar day written ``YYYY-MM-DD`` (it names folders and partitions)."""
    if not isinstance(partition, str) or not _PARTITION_PATTERN.fullmatch(partition):
        raise ValueError(f"partition {partition!r} is not an ISO date YYYY-MM-DD")
    try:
        date.fromisoformat(partition)
    except ValueError as exc:
        raise ValueError(f"partition {partition!r} is not a valid calendar date: {exc}") from exc


def _landing_files(landing_root: Path, partition: str) -> tuple[list[tuple[Path, str]], dict[str, str]]:
    """The day's landing files in sorted name order with their names relative to the landing root, and every
    other entry of the day's folder with the reason it is skipped.

    Symbolic links are never followed (a link could bring in any file of the machine), the day folder's own
    neither; dot-files are writes still in progress; names are case-sensitive (``.JSONL`` is not landing).
    """
    day_dir = landing_root / partition
    if day_dir.is_symlink():
        return [], {partition: "a symbolic link; links are not followed"}
    if not day_dir.is_dir():
        return [], {}
    files: list[tuple[Path, str]] = []
    skipped: dict[str, str] = {}
    with os.scandir(day_dir) as entries:
        for entry in sorted(entries, key=lambda entry: entry.name):
            name = f"{partition}/{entry.name}"
            if entry.is_symlink():
                skipped[name] = "a symbolic link; links are not followed" + (
                    "" if os.path.exists(entry.path) else " (and this one is dangling)"
                )
            elif entry.name.startswith("."):
                skipped[name] = "a dot-file: a write still in progress or a hidden file"
            elif not entry.is_file(follow_symlinks=False):
                skipped[name] = "not a regular file"
            elif not entry.name.endswith(_LANDING_SUFFIXES):
                skipped[name] = "not named *.jsonl or *.jsonl.gz (names are case-sensitive)"
            else:
                files.append((Path(entry.path), name))
    return files, skipped


def _open(path: Path) -> BinaryIO:
    """``path`` opened for reading, refusing a symbolic link put in its place since the folder was listed."""
    stream = os.fdopen(os.open(path, os.O_RDONLY | os.O_NOFOLLOW), "rb")
    return cast(BinaryIO, gzip.GzipFile(fileobj=stream)) if path.name.endswith(".gz") else stream


def _file_problem(path: Path) -> str | None:
    """Why a landing file cannot be read (it cannot be opened, or a ``.jsonl.gz`` is corrupt or truncated),
    or None when it can. Checked before any of its lines counts: a broken file is quarantined whole."""
    compressed = path.name.endswith(".gz")
    try:
        with _open(path) as stream:
            while compressed and stream.read(_CHUNK_BYTES):
                pass
    except (OSError, EOFError, zlib.error) as exc:
        kind = "a readable gzip file" if compressed else "readable"
        return f"file is not {kind}, none of its lines is ingested: {exc}"
    return None


@dataclass(frozen=True)
class _Line:
    """A landing line without its terminator; ``length`` is set when the line is longer than the limit, and
    ``data`` then holds only its first bytes."""

    number: int
    data: bytes
    length: int | None = None


def _lines(path: Path, max_line_bytes: int) -> Iterator[_Line]:
    """Every line of a landing file, read in chunks: a line longer than ``max_line_bytes`` is never held
    whole, only its first :data:`_OVERSIZE_EXCERPT_BYTES` bytes.

    Splits on ``\\n`` only: ``str.splitlines`` would also split on U+2028 and friends, which are legal
    inside JSON strings. A UTF-8 byte order mark at the start of the file is not part of the first line.
    """
    number, length, pending = 1, 0, bytearray()
    with _open(path) as stream:
        while chunk := stream.read(_CHUNK_BYTES):
            start = 0
            while True:
                end = chunk.find(b"\n", start)
                piece = chunk[start:] if end < 0 else chunk[start:end]
                length += len(piece)
                if len(pending) < max_line_bytes:
                    pending += piece[: max_line_bytes - len(pending)]
                if end < 0:
                    break
                yield _line(number, pending, length, max_line_bytes)
                number, length, pending = number + 1, 0, bytearray()
                start = end + 1
    yield _line(number, pending, length, max_line_bytes)


def _line(number: int, pending: bytearray, length: int, max_line_bytes: int) -> _Line:
    if number == 1 and pending.startswith(_BOM):
        del pending[: len(_BOM)]
        length -= len(_BOM)
    if length > max_line_bytes:
        return _Line(number, bytes(pending[:_OVERSIZE_EXCERPT_BYTES]), length)
    return _Line(number, bytes(pending.removesuffix(b"\r")))


def parse_line(raw: bytes, spec: IngestSpec, quote: Callable[[Any], str] = repr) -> ValidEvent | LineProblem:
    """Parse and validate one line against the event contract, or say what is wrong with it (quoting the
    offending values with ``quote``)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return LineProblem(None, f"line is not UTF-8 text: {exc}")
    try:
        record = json.loads(text, parse_constant=_reject_constant, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        return LineProblem(None, f"invalid JSON: {exc.msg} at column {exc.colno}")
    except ValueError as exc:
        return LineProblem(None, f"invalid JSON: {exc}")
    except RecursionError:
        return LineProblem(None, "invalid JSON: nested too deeply")
    if not isinstance(record, dict):
        return LineProblem(None, f"line is a JSON {_json_kind(record)}, not an object")
    if set(record) == {schema.REJECTED_KEY}:
        return _rejected_at_collection(record[schema.REJECTED_KEY])
    if "schema_version" in record and not _is_supported_version(record["schema_version"]):
        return LineProblem(
            "schema_version",
            f"schema_version: unsupported version {quote(record['schema_version'])};"
            f" this reader supports {schema.SCHEMA_VERSION}",
        )
    try:
        return schema.EVENT_ADAPTER.validate_python(record, context=spec.validation_context)
    except ValidationError as exc:
        return _validation_problem(exc, record, quote)


def _rejected_at_collection(rejection: Any) -> LineProblem:
    """The problem a collector or importer found with a record it landed as a rejection line."""
    if not isinstance(rejection, dict) or not isinstance(rejection.get("reason"), str):
        return LineProblem(schema.REJECTED_KEY, f"{schema.REJECTED_KEY}: must be an object with a 'reason' string")
    field = rejection.get("field") if isinstance(rejection.get("field"), str) else None
    source = rejection.get("source") if isinstance(rejection.get("source"), str) else "unknown source"
    return LineProblem(field, f"rejected at collection ({source}): {rejection['reason']}")


def _reject_constant(name: str) -> Any:
    """``json.loads`` hook: NaN and Infinity are not JSON, so a line using them is invalid."""
    raise ValueError(f"{name} is not a valid JSON value")


@dataclass(frozen=True)
class _LongInteger:
    """An integer literal longer than any count (:data:`_MAX_INTEGER_DIGITS`), kept as its digits: no field
    accepts it, and its error quotes it shortened."""

    digits: str

    def __repr__(self) -> str:
        return f"{self.digits[:20]}... ({len(self.digits):,} characters)"


def _parse_int(digits: str) -> int | _LongInteger:
    """``json.loads`` hook for integer literals: a long one is never converted (see :class:`_LongInteger`)."""
    return _LongInteger(digits) if len(digits.lstrip("-")) > _MAX_INTEGER_DIGITS else int(digits)


def _json_kind(value: Any) -> str:
    """The JSON name of a parsed value's type, for messages about non-object lines."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array"


def _is_supported_version(version: Any) -> bool:
    """True only for the integer :data:`schema.SCHEMA_VERSION` (``True`` and ``"1"`` are not versions)."""
    return type(version) is int and version == schema.SCHEMA_VERSION


def _validation_problem(exc: ValidationError, record: dict[str, Any], quote: Callable[[Any], str]) -> LineProblem:
    """Turn pydantic's errors into one problem: the first error's field, every error as ``field: message``."""
    located = [_locate(error, record, quote) for error in exc.errors(include_url=False)]
    reason = "; ".join(f"{name}: {message}" if name else message for name, message in located)
    return LineProblem(located[0][0], reason)


def _locate(error: Mapping[str, Any], record: dict[str, Any], quote: Callable[[Any], str]) -> tuple[str | None, str]:
    """The dotted field and readable message of one pydantic error on ``record``.

    Errors inside a union member are located under the member's tag (``('feedback', 'rating')``); the tag is
    not a field, so it is dropped. Discriminator errors carry no location but are about ``event_type``.
    """
    if error["type"] == "union_tag_not_found":
        return "event_type", "Field required (one of 'interaction', 'feedback', 'behaviour')"
    if error["type"] == "union_tag_invalid":
        return "event_type", error["msg"]
    loc = list(error["loc"])
    if loc and loc[0] == record.get("event_type"):
        loc = loc[1:]
    name = ".".join(str(part) for part in loc) or None
    message = error["msg"].removeprefix("Value error, ")
    if name in PSEUDONYMIZED_FIELDS and error["type"] != "missing":
        message = f"{message} (value withheld: {name} is pseudonymized)"
    elif name is not None and error["type"] != "missing":
        message = f"{message} (got {quote(error['input'])})"
    return name, message


def _cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, earlier where the cut would split a placeholder: "<EMA"
    would read as neither the placeholder nor the text it replaced."""
    if len(text) <= limit:
        return text
    # A placeholder that starts before this position ends at or before the limit.
    for placeholder in _PLACEHOLDER_TEXT.finditer(text, max(0, limit - _LONGEST_PLACEHOLDER + 1)):
        if placeholder.start() >= limit:
            break
        if placeholder.end() > limit:
            return text[: placeholder.start()]
    return text[:limit]


def _conflict(row: dict[str, Any], first: _Seen, day: str | None) -> LineProblem:
    """The problem of an ``event_id`` seen again with different content, first seen on ``day`` (None: the
    same day); the first occurrence stays."""
    differing = [column for column in schema.EVENT_COLUMNS if row[column] != first.row[column]]
    landed = "" if day is None else f"landed {day}, "
    return LineProblem(
        "event_id",
        f"event_id: {row['event_id']!r} was first seen ({landed}{first.where}) with different content"
        f" ({', '.join(differing)} differ); the first occurrence is kept",
    )


def _storable(text: str) -> str:
    """``text`` with every lone surrogate written as its escape: no UTF-8 column can hold one, and a file name
    that is not UTF-8 decodes to some."""
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _quarantine_row(
    source_file: str, line_number: int | None, problem: LineProblem, raw: bytes, privacy: _Privacy
) -> dict[str, Any]:
    """One quarantine row; the raw line is kept (cut to :data:`MAX_RAW_LINE_CHARS`) for diagnosis.

    The line is redacted before it is cut, so that the cut cannot split an identifier into an unrecognisable
    but still personal fragment. Field and reason quote the input, so they are redacted as well.
    """
    raw_line = privacy.raw_line(raw.decode("utf-8", errors="replace"))
    field = None if problem.field is None else _storable(problem.field)
    return {
        "source_file": _storable(source_file),
        "line_number": line_number,
        "field": privacy.text(field),
        "reason": privacy.text(_storable(problem.reason)),
        "raw_line": raw_line,
    }
