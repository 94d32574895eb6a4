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
import contextlib
import dataclasses
import itertools
import json
import multiprocessing
import os
import re
import sys
import tempfile
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from pydantic import Field, ValidationError, model_validator

from feedback_loop import schema
from feedback_loop.ingest.columnar import LineBatch, fast_rows, line_batches, open_landing_file, read_lines
from feedback_loop.model.compute import usable_cpus
from feedback_loop.privacy import (
    ALL_KINDS,
    DEFAULT_TIER,
    PLACEHOLDERS,
    REDACTION_TYPES,
    Redaction,
    Redactor,
    Tier,
    pseudonymize,
)
from feedback_loop.privacy.redactor import Detected, column_prescan_kinds
from feedback_loop.stage_config import StageConfig
from feedback_loop.warehouse import Warehouse

EVENTS_TABLE = "events"
QUARANTINE_COLUMNS: tuple[str, ...] = ("source_file", "line_number", "field", "reason", "raw_line")
MAX_RAW_LINE_CHARS = 10_000
# A quarantine row's reason and field stay readable and bounded: a line with 60,000 unknown keys once stored a
# reason of 3 MB. The reason lists the first _MAX_ERRORS_LISTED validation errors and counts the rest.
MAX_REASON_CHARS = 4_000
_MAX_FIELD_CHARS = 200
_MAX_ERRORS_LISTED = 20
# Longest offending value quoted in a reason; prompts and responses can be long.
_MAX_QUOTED_INPUT_CHARS = 80
# How much of a long line (of a long quoted string) is redacted: enough for what is kept of it, and then
# some, since placeholders are shorter than what they replace. What redaction leaves of the last
# _FRAGMENT_MARGIN_CHARS is dropped: an identifier the window cut in two is no longer recognised, and no
# identifier the detectors find is longer (an e-mail address has at most 254 characters).
_REDACTED_WINDOW_CHARS = 4 * MAX_RAW_LINE_CHARS
_QUOTE_WINDOW_CHARS = 2_000
_FRAGMENT_MARGIN_CHARS = 256
_LANDING_SUFFIXES = (".jsonl", ".jsonl.gz")
_CHUNK_BYTES = 1 << 16
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
_WHOLE_UUID = f"^{_UUID.pattern}$"  # the same, for pyarrow's RE2 over a whole column
# Pseudonyms remembered at once: a day's users and the sessions of its last hours (a session's events are close
# together), not every session of a day of ten million events.
_PSEUDONYMS_KEPT = 200_000
# Texts whose redaction ingestion remembers: repeated messages recur within minutes; the low-cardinality fields
# are remembered apart (_Privacy), and a memo of long chat texts would grow to hundreds of megabytes.
_REDACTIONS_KEPT = 8_192
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


_QUARANTINE_SPOOL_SCHEMA = quarantine_arrow_schema().append(pa.field("_position", pa.int64()))


@dataclass(frozen=True)
class IngestCounts:
    """One partition's ingestion outcome but its events; ``read == valid + quarantined + duplicates +
    earlier_duplicates``.

    ``read`` counts the non-blank lines, and a landing file that cannot be read to its end (a corrupt or
    truncated ``.jsonl.gz``) as one more: it is quarantined whole, as one row without a line number.
    ``earlier_duplicates`` counts lines whose event an earlier day landed (an upload retried the next day):
    the earlier copy stands, and the line is not stored twice. ``files`` are the landing files read;
    ``skipped`` names every other entry of the day's folder, and the entries at the top of the landing folder
    that no day reads (see :func:`ingest_partition_file`), with the reason it was not read; ``landing_skipped``
    are the names in ``skipped`` of those at the top (the same on every day), not of the day's own. ``landed``
    is this day's :class:`LandedDay`, for the ingestion of the days after it.

    ``redactions`` counts the placeholders written into the stored rows, per redaction type (every type of
    :data:`~feedback_loop.privacy.REDACTION_TYPES`, 0 when none).
    """

    read: int
    valid: int
    quarantined: int
    duplicates: int
    earlier_duplicates: int
    files: list[str]
    skipped: dict[str, str]
    landing_skipped: tuple[str, ...]
    redactions: dict[str, int]
    landed: LandedDay


@dataclass(frozen=True)
class IngestResult(IngestCounts):
    """:class:`IngestCounts` with the ``events`` and ``quarantine`` rows in memory (:func:`ingest_partition`)."""

    events: pa.Table
    quarantine: pa.Table


@dataclass(frozen=True)
class IngestedFile(IngestCounts):
    """:class:`IngestCounts` with the ``events`` and ``quarantine`` rows in Parquet files
    (:func:`ingest_partition_file`)."""

    events_path: Path
    quarantine_path: Path


@dataclass(frozen=True)
class LineProblem:
    """Why a line cannot become an event: the dotted field at fault (None for the whole line) and a reason."""

    field: str | None
    reason: str


class _Privacy:
    """Pseudonymizes ids and redacts text with one key, counting the placeholders it writes.

    One instance serves one partition: it remembers the pseudonyms of the last :data:`_PSEUDONYMS_KEPT` ids it
    has seen (a user's id recurs in each of their events, and an HMAC costs more than a lookup) and the redaction
    of every value of the :data:`LOW_CARDINALITY_FIELDS`.
    """

    def __init__(self, pseudonym_key: bytes, redactor: Redactor):
        self._key = pseudonym_key
        self._redactor = redactor
        self._pseudonyms: dict[str, str] = {}
        self._labels: dict[str, Redaction] = {}
        self.counts: Counter[str] = Counter()
        # The `patterns+ner` tier's workers, while _redact_rows lends them: they find what a batch's texts hold.
        self.workers: _Workers | None = None

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
            if len(self._pseudonyms) >= _PSEUDONYMS_KEPT:
                del self._pseudonyms[next(iter(self._pseudonyms))]
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

    def event_rows(self, rows: pa.Table) -> pa.Table:
        """``rows`` (events as landed, in reading order) with ids pseudonymized, keys checked and text redacted.

        Each distinct id of the batch is pseudonymized once, a key that is a UUID is not searched, each distinct
        value of a low-cardinality field is redacted once, and the free texts are pre-scanned by column
        (:func:`~feedback_loop.privacy.redactor.column_prescan_kinds`): in the pattern tier a text the pre-scan does
        not match stays as it is (it can trigger no detector); in both tiers a text is read only by the detectors of the
        types its pre-scan allows, and those of names and addresses. The texts that remain are redacted together
        (the model reads them in batches), row by row, in field order, so that person names are numbered per
        session as they first appear.
        """
        private = {name: rows[name].combine_chunks() for name in rows.column_names}
        for name in PSEUDONYMIZED_FIELDS:
            private[name] = self._each_distinct(private[name], self.pseudonym)
        for name in KEY_FIELDS:
            unsure = pc.invert(pc.match_substring_regex(private[name], _WHOLE_UUID))
            if pc.any(unsure).as_py():
                keys = [self.key(value) for value in private[name].filter(unsure).to_pylist()]
                private[name] = pc.replace_with_mask(private[name], unsure, pa.array(keys, pa.string()))
        cells: list[tuple[int, int, int]] = []  # (row, field, types it may hold) of every text still to redact
        # The free-text columns pre-scanned together: each RE2 pass over them builds its automaton once.
        texts = [name for name in REDACTED_FIELDS if name not in LOW_CARDINALITY_FIELDS]
        together = column_prescan_kinds(pa.chunked_array([rows[name].combine_chunks() for name in texts]))
        prescanned = {name: together[i * rows.num_rows : (i + 1) * rows.num_rows] for i, name in enumerate(texts)}
        for field, name in enumerate(REDACTED_FIELDS):
            values = rows[name].combine_chunks()
            if name in LOW_CARDINALITY_FIELDS:
                private[name], with_names = self._labels_of(values)
                rows_to_redact = np.flatnonzero(with_names)
                kinds = None
            else:
                kinds = prescanned[name]
                rows_to_redact = (
                    np.flatnonzero(pc.is_valid(values).to_numpy(zero_copy_only=False))
                    if self._redactor.redacts_every_text
                    else np.flatnonzero(kinds)
                )
            if kinds is None:
                cells.extend((int(row), field, ALL_KINDS) for row in rows_to_redact)
            else:
                found = rows_to_redact.tolist()
                cells.extend(zip(found, [field] * len(found), kinds[rows_to_redact].tolist(), strict=True))
        if not cells:
            return pa.table(private)
        cells.sort()
        # Only the values to redact become Python strings: a whole column of chat text would be a hundred MB.
        fields = sorted({field for _, field, _ in cells})
        rows_of = {field: [row for row, cell_field, _ in cells if cell_field == field] for field in fields}
        values = {
            field: dict(zip(rows_of[field], rows[REDACTED_FIELDS[field]].take(rows_of[field]).to_pylist(), strict=True))
            for field in fields
        }
        scope_rows = sorted({row for row, _, _ in cells})
        sessions = dict(zip(scope_rows, rows["session_id"].take(scope_rows).to_pylist(), strict=True))
        cell_texts = [values[field][row] for row, field, _ in cells]
        cell_kinds = [kinds for _, _, kinds in cells]
        detected = self._redactor.detect_many(
            cell_texts, cell_kinds, find=None if self.workers is None else self.workers.detect_many
        )
        # Named here, in reading order: a session's names get the same numbers whoever found them.
        redactions = self._redactor.render_many(detected, [sessions[row] for row, _, _ in cells])
        replaced: dict[int, list[str | None]] = {field: [] for field in fields}
        for (_, field, _), redaction in zip(cells, redactions, strict=True):
            if redaction is not None:
                self.counts.update(redaction.counts)
            replaced[field].append(None if redaction is None else redaction.text)
        for field, new_texts in replaced.items():
            name = REDACTED_FIELDS[field]
            mask = np.zeros(rows.num_rows, dtype=bool)
            mask[rows_of[field]] = True
            private[name] = pc.replace_with_mask(private[name], pa.array(mask), pa.array(new_texts, pa.string()))
        return pa.table(private)

    def detect_many(self, texts: Sequence[str], kinds: Sequence[int] | None) -> list[Redaction | Detected | None]:
        """:meth:`Redactor.detect_many` of this partition's redactor (a worker's, in :func:`_detected_in_worker`)."""
        return self._redactor.detect_many(texts, kinds)

    def load(self) -> None:
        """:meth:`Redactor.load` of this partition's redactor (a worker's, in :func:`_load_in_worker`)."""
        self._redactor.load()

    def _each_distinct(self, values: pa.Array, function: Callable[[str], str]) -> pa.Array:
        """``function`` of each value, called once per distinct value of the batch (nulls stay null)."""
        encoded = pc.dictionary_encode(values)
        mapped = [None if value is None else function(value) for value in encoded.dictionary.to_pylist()]
        return pc.take(pa.array(mapped, pa.string()), encoded.indices)

    def _labels_of(self, values: pa.Array) -> tuple[pa.Array, np.ndarray]:
        """A low-cardinality field redacted like :meth:`label`, each distinct value once, counting per row; and
        which rows hold a person name, to be redacted within their session's scope, row by row."""
        encoded = pc.dictionary_encode(values)
        distinct = encoded.dictionary.to_pylist()
        indices = encoded.indices.to_numpy(zero_copy_only=False)
        valid = pc.is_valid(encoded.indices).to_numpy(zero_copy_only=False)
        occurrences = np.bincount(indices[valid].astype(np.int64), minlength=len(distinct))
        redacted: list[str] = []
        with_names = np.zeros(len(values), dtype=bool)
        for index, value in enumerate(distinct):
            redaction = self._labels.get(value)
            if redaction is None:
                redaction = self._redactor.redact(value)
                if "PERSON" in redaction.counts:
                    with_names |= valid & (indices == index)
                    redacted.append(value)
                    continue
                self._labels[value] = redaction
            for kind, found in redaction.counts.items():
                self.counts[kind] += found * int(occurrences[index])
            redacted.append(redaction.text)
        return pc.take(pa.array(redacted, pa.string()), encoded.indices), with_names

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
    work_dir: str | None = None
    """Local folder for ingestion's work files (the day's rows as landed and as redacted, DuckDB's spill while it
    judges and sorts): up to about three times the landing day's size while a day is ingested, removed after.
    None: the system's temporary folder (``TMPDIR``), which must then be on disk, not in memory (tmpfs)."""
    workers: int | None = Field(1, ge=1)
    """The `patterns` tier's worker processes, which validate, redact and pseudonymize a day's batches side by side
    (None: one per usable CPU; 1: none, all in the ingesting process). Reading, dedupe, order and writes stay in the
    ingesting process, so the tables are the same with any number. Each worker adds about 240 MB of memory (1M
    events: 1,006 MB with 2 against 503 MB with 1, over the 600 MB goal) and its batches go to it and back through a
    pipe (48% more CPU): one by default."""
    ner_workers: int = Field(2, ge=1)
    """The `patterns+ner` tier's worker processes, which find the identifiers, addresses and person names in parts
    of each batch's texts side by side (at most one per usable CPU; 1: none, all in the ingesting process). That
    tier spends some 95% of ingestion's time there, on texts alone; everything else stays in the ingesting process,
    which numbers the person names per session in reading order, so the tables are the same with any number. Used
    on days of more than one batch (20,000 lines). Each worker loads the lists and the models: about 4 CPU-seconds
    and 0.5-0.7 GB, so the default is two (the 2-core machine the speed goal is for), not one per core of a large
    node."""

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
    """The first occurrence of an ``event_id`` (or ``interaction_id``), read again from its landing file for a
    reason: its row as landed and where it was read (``file:line``)."""

    row: dict[str, Any]
    where: str


@dataclass(frozen=True)
class _DayFiles:
    """Where a day's lines are: its landing files (names under ``landing_root``, sorted), which a position names
    (see :class:`LandedDay`)."""

    day: str
    files: tuple[str, ...]
    landing_root: str

    def where(self, position: int) -> tuple[str, int]:
        """The landing file (relative to the landing root) and line number of ``position``."""
        return self.files[position >> _LINE_BITS], position & _LINE_MASK


@dataclass(frozen=True)
class LandedDay(_DayFiles):
    """What one day landed, for the days after it, as compact 64-bit hashes (never the rows themselves): the first
    valid occurrence of each event id (``events``: ``event_hash``, ``content_hash`` of the whole row as landed,
    ``position``), and of each interaction id among the interaction events that were the first of their event id
    (``interactions``: ``interaction_hash``, ``position``), in reading order (file names sorted, then line order).

    A position is the index of the file in ``files`` (names under ``landing_root``) shifted left by
    :data:`_LINE_BITS`, plus the line number: a reason that needs the row reads that line again.

    It depends on that day's landing files alone, never on what the warehouse holds, so a day's ingestion
    gives the same rows whichever days were ingested before it.
    """

    events: pa.Table
    interactions: pa.Table


def landed_day(landing_dir: str | Path, partition: str, spec: IngestSpec | None = None) -> LandedDay:
    """The :class:`LandedDay` of ``partition``: its lines read and validated, nothing redacted or stored."""
    spec = spec or IngestSpec()
    schema.calendar_day(partition, "partition")
    landing_root = Path(landing_dir)
    files = _landing_files(landing_root, partition)[0]
    with _scratch("landed-day-", spec.work_dir) as scratch, _duckdb(scratch) as connection:
        keys = scratch / "keys.parquet"
        _scan_day(files, spec, connection, keys)
        return _landed(connection, keys, partition, files, landing_root)


def ingest_partition(
    landing_dir: str | Path,
    partition: str,
    pseudonym_key: bytes,
    earlier_days: Sequence[LandedDay] = (),
    spec: IngestSpec | None = None,
) -> IngestResult:
    """:func:`ingest_partition_file` with the events in memory: for tests and small days. The ``raw_telemetry``
    asset and ``bench ingest`` write the events file into the warehouse instead, in flat memory."""
    spec = spec or IngestSpec()
    with _scratch("ingest-", spec.work_dir) as scratch:
        ingested = ingest_partition_file(landing_dir, partition, pseudonym_key, scratch, earlier_days, spec)
        events = pq.read_table(ingested.events_path, schema=schema.events_arrow_schema())
        quarantine = pq.read_table(ingested.quarantine_path, schema=quarantine_arrow_schema())
    fields = {field.name: getattr(ingested, field.name) for field in dataclasses.fields(IngestCounts)}
    return IngestResult(**fields, events=events, quarantine=quarantine)


def ingest_partition_file(
    landing_dir: str | Path,
    partition: str,
    pseudonym_key: bytes,
    work_dir: Path,
    earlier_days: Sequence[LandedDay] = (),
    spec: IngestSpec | None = None,
    landing_skipped: Mapping[str, str] | None = None,
) -> IngestedFile:
    """Validate, deduplicate and redact every line landed for ``partition`` (a ``YYYY-MM-DD`` day), writing the
    ``events`` rows, sorted by timestamp and event id, to a Parquet file in ``work_dir`` (``events_path``).

    ``pseudonym_key`` keys the pseudonyms of ``user_id`` and ``session_id``: the same key gives the same
    pseudonyms on every partition and every run. A missing day folder, or a missing ``landing_dir``, means the
    applications sent nothing: the result is empty.

    ``earlier_days`` are the :class:`LandedDay` of the days before (the late-feedback window): an event they
    hold is not stored again (an upload retried the next day; see :class:`IngestCounts`), a changed copy of
    one is quarantined, and so is an interaction event whose ``interaction_id`` they give to another event.
    The first occurrence always stands: the earliest day's, then the first in reading order.

    ``landing_skipped`` are the entries at the top of the landing folder that no day reads (:func:`not_day_folders`,
    of the listing the caller has, the object store's for a remote data root): ``skipped`` lists them with the
    day's own, their names redacted alike.

    Memory stays flat whatever the size of the day: lines are read, validated (:mod:`.columnar`) and written
    as they landed in batches; duplicates are found on 64-bit hashes in DuckDB; only stored rows are redacted,
    batch by batch in reading order; DuckDB sorts the redacted rows out of core.
    """
    if not isinstance(pseudonym_key, bytes) or not pseudonym_key:
        raise ValueError("ingest_partition: field 'pseudonym_key' must be non-empty bytes")
    spec = spec or IngestSpec()
    schema.calendar_day(partition, "partition")
    earlier = sorted(earlier_days, key=lambda landed: landed.day)
    landing_root = Path(landing_dir)
    files, day_skipped = _landing_files(landing_root, partition)
    privacy = _Privacy(pseudonym_key, Redactor(spec.redaction_tier, memo_entries=_REDACTIONS_KEPT))
    top_skipped = _redacted_names(landing_skipped or {}, privacy)
    skipped = _redacted_names(day_skipped, privacy, top_skipped)
    work_dir.mkdir(parents=True, exist_ok=True)
    keys, landed_rows, landed_ids = work_dir / "keys.parquet", work_dir / "landed.parquet", work_dir / "ids.parquet"
    redacted, events_path = work_dir / "redacted.parquet", work_dir / "events.parquet"
    quarantine_path = work_dir / "quarantine.parquet"
    quarantine = _QuarantineSpool(work_dir / "quarantine-unsorted.parquet")
    with _duckdb(work_dir) as connection, _Workers(_worker_count(spec), pseudonym_key, spec.redaction_tier) as workers:
        read = _scan_day(files, spec, connection, keys, landed_rows, privacy, workers, quarantine)
        decisions = _decisions(connection, keys, earlier)
        day_files = _DayFiles(partition, tuple(source_file for _, source_file in files), str(landing_root))
        judged = _judge(decisions, day_files, earlier, spec, privacy, quarantine, work_dir)
        written = _redact_rows(landed_rows, judged.not_stored, privacy, redacted, landed_ids, workers)
        valid = written.stored
        if written.in_order:
            redacted.rename(events_path)  # already sorted: the events file as it is
        else:
            _sort_events(connection, redacted, landed_ids, events_path)
        quarantine.write_sorted(connection, quarantine_path)
        # The day's hashes (some 24 bytes an event) are read last: held through the sort, they would add to its peak.
        today = _landed(connection, keys, partition, files, landing_root)
    for path in (keys, landed_rows, redacted, landed_ids):
        path.unlink(missing_ok=True)
    return IngestedFile(
        read=read,
        valid=valid,
        quarantined=quarantine.count,
        duplicates=judged.duplicates,
        earlier_duplicates=judged.earlier_duplicates,
        files=[source_file for _, source_file in files],
        skipped=skipped,
        landing_skipped=tuple(top_skipped),
        redactions={kind: privacy.counts[kind] for kind in REDACTION_TYPES},
        landed=today,
        events_path=events_path,
        quarantine_path=quarantine_path,
    )


def _redacted_names(
    skipped: Mapping[str, str], privacy: _Privacy, named_before: Mapping[str, str] | None = None
) -> dict[str, str]:
    """``named_before`` followed by ``skipped`` keyed by redacted names; names that redact alike ("a@x.org.txt",
    "b@y.org.txt", also one of ``named_before``) are numbered, so that none is lost."""
    named = dict(named_before or {})
    for name, reason in skipped.items():
        redacted = _storable(privacy.text(name) or "")
        key, copy = redacted, 1
        while key in named:
            copy += 1
            key = f"{redacted} ({copy})"
        named[key] = reason
    return named


# A position: the file's index in the day's sorted landing files, shifted, plus the line number.
_LINE_BITS = 40
_LINE_MASK = (1 << _LINE_BITS) - 1
_KEYS_SCHEMA = pa.schema(
    [
        ("position", pa.int64()),
        ("event_hash", pa.uint64()),
        ("content_hash", pa.uint64()),
        ("interaction_hash", pa.uint64()),
    ]
)
# DuckDB's hash of the event id, of the whole row as landed, and of the interaction id of an interaction event.
_KEYS_SQL = (
    "SELECT _position AS position, hash(event_id) AS event_hash,"
    f" hash({', '.join(schema.EVENT_COLUMNS)}) AS content_hash,"
    " CASE WHEN event_type = 'interaction' THEN hash(interaction_id) END AS interaction_hash FROM landed_batch"
)
# DuckDB's memory while it judges duplicates and sorts: beyond this it spills to the work directory. The sort of
# the wide redacted rows of a large day needs more to spill at all (at 128 MB it fails to pin a block on a day of
# 10M events, at 256 MB it does not): it is given that only when the smaller budget failed, and only while it sorts
# (at 1M events 128 MB suffices, and 256 MB would lift the peak from about 525 to 623 MB).
_DUCKDB_MEMORY = "128MB"
_LARGE_SORT_MEMORY = "256MB"
_SORT_BATCH_ROWS = 20_000
# The text a sort bucket holds (plus at most one row) while it is ordered in memory (see `_write_in_order`), and
# the most buckets, each a work file open during the scatter: a day of more than 8 GB of text has larger buckets.
_SORT_BUCKET_BYTES = 32 * 1024 * 1024
_MAX_SORT_BUCKETS = 256
# What the quarantine rows held in memory may take before they go to their work file (see `_QuarantineSpool`).
_QUARANTINE_BYTES_HELD = 16 << 20
# Work files are written once and read once, on this machine: neither compressed nor dictionary-encoded.
_WORK_FILE: dict[str, Any] = {"compression": "none", "use_dictionary": False}


@contextlib.contextmanager
def _scratch(prefix: str, parent: str | None) -> Iterator[Path]:
    """A new private folder for work files in ``parent`` (None: the system's temporary folder), removed at the end
    with what is in it. Walked with ``pathlib``, not ``shutil.rmtree``, whose descriptor-relative calls fail where
    ``os.open`` is wrapped (the tests simulate an unreadable landing file that way)."""
    directory = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    try:
        yield directory
    finally:
        for path in sorted(directory.rglob("*"), reverse=True):
            if path.is_dir():
                path.rmdir()
            else:
                path.unlink()
        directory.rmdir()


@contextlib.contextmanager
def _duckdb(work_dir: Path) -> Iterator[Any]:
    import duckdb

    # One thread: a sort keeps state per thread, and two would not fit the memory limit. Every query whose order
    # matters says ORDER BY, so DuckDB need not keep the order of what it reads (which costs memory).
    config: dict[str, str | bool | int | float | list[str]] = {
        "memory_limit": _DUCKDB_MEMORY,
        "threads": 1,
        "temp_directory": str(work_dir / "duckdb-spill"),
        "preserve_insertion_order": False,
    }
    connection = duckdb.connect(":memory:", config=config)
    try:
        connection.execute("SET enable_progress_bar = false")
        yield connection
    finally:
        connection.close()


def _scan_day(
    files: Sequence[tuple[Path, str]],
    spec: IngestSpec,
    connection: Any,
    keys_path: Path,
    landed_path: Path | None = None,
    privacy: _Privacy | None = None,
    workers: _Workers | None = None,
    quarantine: _QuarantineSpool | None = None,
) -> int:
    """Read and validate every line of the day's ``files``: the keys of every valid line go to ``keys_path``,
    and, when given, the valid rows as landed (with their ``_position``, in reading order) to ``landed_path``
    and the quarantine rows of the invalid lines, with their positions, to ``quarantine`` (with ``privacy``).
    Batches are validated by ``workers`` when given, and written here in reading order.
    Returns the lines read (a file that cannot be read counts as one)."""
    read = 0
    landed_schema = schema.events_arrow_schema().append(pa.field("_position", pa.int64()))

    def batches() -> Iterator[tuple[LineBatch, int, str, IngestSpec]]:
        nonlocal read
        for file_index, (path, source_file) in enumerate(files):
            base = file_index << _LINE_BITS
            unreadable = _file_problem(path)
            if unreadable is not None:
                read += 1
                if privacy is not None and quarantine is not None:
                    problem = LineProblem(None, unreadable)
                    quarantine.extend([(base, _quarantine_row(source_file, None, problem, b"", privacy))])
                continue
            for batch in line_batches(path, spec.max_line_bytes):
                read += len(batch.lines)
                yield batch, base, source_file, spec

    with contextlib.ExitStack() as stack:
        keys_writer = stack.enter_context(pq.ParquetWriter(keys_path, _KEYS_SCHEMA))
        keys_writer.write_table(_KEYS_SCHEMA.empty_table())
        rows_writer = (
            None
            if landed_path is None
            else stack.enter_context(pq.ParquetWriter(landed_path, landed_schema, **_WORK_FILE))
        )
        # Entered after the writers, so left before them: the last batch is written before they close.
        background = stack.enter_context(_InBackground())
        for rows, problems in _in_order(workers, _scan_batch, batches(), privacy):
            if quarantine is not None:
                quarantine.extend(problems)
            background.submit(_write_landed, rows, connection, keys_writer, rows_writer)
    return read


def _scan_batch(
    batch: LineBatch, base: int, source_file: str, spec: IngestSpec, privacy: _Privacy | None
) -> tuple[pa.Table, list[tuple[int, dict[str, Any]]]]:
    """The valid rows of one batch of a landing file as landed, with their ``_position`` (``base`` plus the line
    number), and, with ``privacy``, the quarantine rows of its other lines with their positions."""
    fast, slow = fast_rows(batch, spec.first_timestamp_year, spec.last_timestamp_year)
    slow_rows: list[dict[str, Any]] = []
    quarantine: list[tuple[int, dict[str, Any]]] = []
    for index in slow:
        number, data = batch.numbers[index], batch.lines[index]
        length = batch.oversize.get(index)
        if length is not None:
            problem = LineProblem(
                None,
                f"line is {length:,} bytes, longer than max_line_bytes ({spec.max_line_bytes:,});"
                f" only its first {len(data):,} bytes are kept here",
            )
        else:
            outcome = parse_line(data, spec, repr if privacy is None else privacy.quote)
            if not isinstance(outcome, LineProblem):
                slow_rows.append({**schema.event_to_row(outcome), "_line": index})
                continue
            problem = outcome
        if privacy is not None:
            quarantine.append((base + number, _quarantine_row(source_file, number, problem, data, privacy)))
    rows = fast
    if slow_rows:
        rows = pa.concat_tables([fast, pa.Table.from_pylist(slow_rows, schema=fast.schema)])
    positions = pc.add(pc.take(pa.array(batch.numbers, pa.int64()), rows["_line"]), base)
    return rows.drop_columns(["_line"]).append_column("_position", positions), quarantine


class _Workers:
    """Worker processes (spawned: nothing of this process's state, its DuckDB connection and threads included)
    that run the pure part of ingestion: each has its own :class:`_Privacy` with the same key and tier. In the
    pattern tier they take whole batches, whose results depend on the batch alone; in the `patterns+ner` tier they
    find what parts of a batch's texts hold (:meth:`detect_many`), and this process numbers the names. Which process
    runs a piece changes nothing. Started when a day has more than one batch to give them (starting one costs about
    half a CPU-second, and loading the models in the `patterns+ner` tier some 4 more)."""

    def __init__(self, count: int, pseudonym_key: bytes, tier: Tier):
        self.count = count
        self.take_batches = tier == "patterns"
        # The `patterns+ner` tier's: they find what the texts of the batches run here hold.
        self.find_texts = not self.take_batches and count > 1
        self._initargs = (pseudonym_key, tier)
        self._pool: ProcessPoolExecutor | None = None
        self._loading: list[Future[None]] = []

    def start_loading(self) -> None:
        """Start the workers, each reading the lists and the models (:meth:`Redactor.load`), while this process goes
        on reading the day: their first batch of texts then finds them ready. Once."""
        if not self._loading:
            pool = self.pool()
            self._loading = [pool.submit(_load_in_worker) for _ in range(self.count)]

    def pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.count,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=self._initargs,
            )
        return self._pool

    def detect_many(self, texts: list[str], kinds: list[int] | None) -> list[Redaction | Detected | None]:
        """:meth:`Redactor.detect_many` of ``texts`` (distinct: the ingesting redactor gives those its memo lacks),
        in parts of about the same length, two for each worker, so that one that finishes early takes the next."""
        if not texts:
            return []
        for loading in self._loading:
            loading.result()  # raises here what failed there
        ends = np.cumsum([len(text) for text in texts])
        parts = min(2 * self.count, len(texts))
        cuts = [0, *np.searchsorted(ends, ends[-1] * np.arange(1, parts) / parts, side="right").tolist(), len(texts)]
        pool = self.pool()
        futures = [
            pool.submit(_detected_in_worker, texts[start:end], None if kinds is None else kinds[start:end])
            for start, end in itertools.pairwise(cuts)
            if start < end
        ]
        return [detection for future in futures for detection in future.result()]

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def _worker_count(spec: IngestSpec) -> int:
    """The processes ``spec`` asks for its tier (see :attr:`IngestSpec.workers` and :attr:`IngestSpec.ner_workers`);
    one in a daemonic process (a Celery prefork worker's child, a pool's worker), which may start none."""
    if multiprocessing.current_process().daemon:
        return 1
    if spec.redaction_tier != "patterns":
        return min(spec.ner_workers, usable_cpus())
    return spec.workers or usable_cpus()


# A worker process's own _Privacy (_start_worker), which _in_worker hands to the work.
_worker_privacy: _Privacy | None = None


def _start_worker(pseudonym_key: bytes, tier: Tier) -> None:
    global _worker_privacy
    _worker_privacy = _Privacy(pseudonym_key, Redactor(tier, memo_entries=_REDACTIONS_KEPT))


def _load_in_worker() -> None:
    """:meth:`Redactor.load` in a worker process started by :class:`_Workers` (:meth:`_Workers.start_loading`)."""
    if _worker_privacy is None:
        raise RuntimeError("ingestion: _load_in_worker ran outside a worker process started by _Workers")
    _worker_privacy.load()


def _detected_in_worker(texts: list[str], kinds: list[int] | None) -> list[Redaction | Detected | None]:
    """What ``texts`` hold, found in a worker process started by :class:`_Workers` (:meth:`_Workers.detect_many`)."""
    if _worker_privacy is None:
        raise RuntimeError("ingestion: _detected_in_worker ran outside a worker process started by _Workers")
    return _worker_privacy.detect_many(texts, kinds)


def _in_worker(work: Callable[..., Any], *args: Any) -> tuple[Any, Counter[str]]:
    """``work(*args, privacy)`` in a worker process, and the placeholders it counted."""
    if _worker_privacy is None:
        raise RuntimeError("ingestion: _in_worker ran outside a worker process started by _Workers")
    _worker_privacy.counts = Counter()
    try:
        return work(*args, _worker_privacy), _worker_privacy.counts
    finally:
        pa.default_memory_pool().release_unused()  # as in _write_landed: a worker's peak stays about one task's


def _in_order(
    workers: _Workers | None, work: Callable[..., Any], tasks: Iterable[tuple[Any, ...]], privacy: _Privacy | None
) -> Iterator[Any]:
    """``work(*task, privacy)`` of each task, in the order of ``tasks``: run here (no ``workers`` or one, a single
    task, or no ``privacy``), or by the worker processes with their own, at most one task more than there are
    workers in flight, each worker's placeholder counts added to ``privacy``'s. A task is let go as soon as its
    result is given (a batch of lines is some 15 MB). Workers that do not take batches (the `patterns+ner` tier's)
    leave the tasks here (:func:`_redact_rows` lends them to ``privacy``), and start loading on a day of more than one
    batch."""
    source = iter(tasks)
    queued = deque(itertools.islice(source, 2))

    def each_task() -> Iterator[tuple[Any, ...]]:
        while queued:
            yield queued.popleft()
        yield from source

    if workers is not None and workers.find_texts and len(queued) > 1:
        # A day of more than one batch: the `patterns+ner` tier's workers will find what its texts hold
        # (_redact_rows), and load what they read while this process reads the day.
        workers.start_loading()
    if workers is None or workers.count == 1 or len(queued) < 2 or privacy is None or not workers.take_batches:
        for task in each_task():
            result = work(*task, privacy)
            del task
            yield result
        return
    pool = workers.pool()
    pending: deque[Future[tuple[Any, Counter[str]]]] = deque()

    def done() -> Any:
        result, counts = pending.popleft().result()
        privacy.counts.update(counts)
        return result

    for task in each_task():
        pending.append(pool.submit(_in_worker, work, *task))
        del task
        if len(pending) > workers.count:
            yield done()
    while pending:
        yield done()


def _write_landed(rows: pa.Table, connection: Any, keys_writer: Any, rows_writer: Any | None) -> None:
    """Write the keys of a batch of landed rows and, with ``rows_writer``, the rows, in reading order."""
    rows = rows.take(pc.sort_indices(rows["_position"]))
    connection.register("landed_batch", rows)
    keys_writer.write_table(connection.sql(_KEYS_SQL).to_arrow_table().cast(_KEYS_SCHEMA))
    connection.unregister("landed_batch")
    if rows_writer is not None:
        rows_writer.write_table(rows)
    # Arrow's allocator keeps freed batches for reuse; given back, the peak stays about one batch's size.
    pa.default_memory_pool().release_unused()


class _InBackground:
    """Runs work on a second thread, one piece at a time and in the order given: a piece waits for the one before
    it, so at most one is in flight while the caller prepares the next, and an error is raised in the caller.
    What it runs (Parquet writes, DuckDB, Arrow kernels) leaves Python's lock, so reading, validating and
    redacting the next batch overlap with writing the last."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest-writer")
        self._last: Future[None] | None = None

    def submit(self, work: Callable[..., None], *args: Any) -> None:
        self.wait()
        self._last = self._pool.submit(work, *args)

    def wait(self) -> None:
        last, self._last = self._last, None
        if last is not None:
            last.result()

    def __enter__(self) -> _InBackground:
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            self.wait()
        finally:
            self._pool.shutdown()


def _landed(connection: Any, keys: Path, day: str, files: Sequence[tuple[Path, str]], root: Path) -> LandedDay:
    """The :class:`LandedDay` of a day from the keys :func:`_scan_day` wrote."""
    events = connection.sql(
        "SELECT event_hash, arg_min(content_hash, position) AS content_hash, min(position) AS position"
        " FROM read_parquet($keys) GROUP BY event_hash ORDER BY position",
        params={"keys": str(keys)},
    ).to_arrow_table()
    interactions = connection.sql(
        "SELECT interaction_hash, min(position) AS position FROM read_parquet($keys)"
        " WHERE interaction_hash IS NOT NULL AND position IN"
        " (SELECT min(position) FROM read_parquet($keys) GROUP BY event_hash)"
        " GROUP BY interaction_hash ORDER BY position",
        params={"keys": str(keys)},
    ).to_arrow_table()
    return LandedDay(
        day=day,
        files=tuple(source_file for _, source_file in files),
        landing_root=str(root),
        events=events.cast(_FIRST_EVENTS_SCHEMA),
        interactions=interactions.cast(_FIRST_INTERACTIONS_SCHEMA),
    )


_FIRST_EVENTS_SCHEMA = pa.schema([("event_hash", pa.uint64()), ("content_hash", pa.uint64()), ("position", pa.int64())])
_FIRST_INTERACTIONS_SCHEMA = pa.schema([("interaction_hash", pa.uint64()), ("position", pa.int64())])
# What becomes of a valid line that is not stored (every other is): the rules of ingest_partition_file, in order.
# An interaction id counts when its interaction event was the first of its event id (as LandedDay keeps it).
_DECISIONS_SQL = """
WITH k AS (SELECT * FROM read_parquet($keys)),
first_event AS (
    SELECT event_hash, min(position) AS first_position, arg_min(content_hash, position) AS first_content
    FROM k GROUP BY event_hash),
first_interaction AS (
    SELECT k.interaction_hash, min(k.position) AS first_position
    FROM k JOIN first_event f ON k.event_hash = f.event_hash AND k.position = f.first_position
    WHERE k.interaction_hash IS NOT NULL GROUP BY k.interaction_hash),
earlier_event AS (
    SELECT event_hash, min(rank) AS rank, arg_min(content_hash, rank) AS content_hash,
        arg_min(position, rank) AS position
    FROM earlier_events GROUP BY event_hash),
earlier_interaction AS (
    SELECT interaction_hash, min(rank) AS rank, arg_min(position, rank) AS position
    FROM earlier_interactions GROUP BY interaction_hash),
judged AS (
    SELECT k.position,
        CASE WHEN ee.rank IS NOT NULL THEN
                CASE WHEN ee.content_hash = k.content_hash THEN 'earlier duplicate' ELSE 'conflict' END
            WHEN fe.first_position <> k.position THEN
                CASE WHEN fe.first_content = k.content_hash THEN 'duplicate' ELSE 'conflict' END
            WHEN ei.rank IS NOT NULL OR fi.first_position <> k.position THEN 'resent'
        END AS decision,
        CASE WHEN ee.rank IS NOT NULL THEN ee.rank
            WHEN fe.first_position <> k.position THEN NULL
            ELSE ei.rank END AS earlier_rank,
        CASE WHEN ee.rank IS NOT NULL THEN ee.position
            WHEN fe.first_position <> k.position THEN fe.first_position
            WHEN ei.rank IS NOT NULL THEN ei.position
            ELSE fi.first_position END AS first_position
    FROM k
    JOIN first_event fe ON k.event_hash = fe.event_hash
    LEFT JOIN earlier_event ee ON k.event_hash = ee.event_hash
    LEFT JOIN first_interaction fi ON k.interaction_hash = fi.interaction_hash
    LEFT JOIN earlier_interaction ei ON k.interaction_hash = ei.interaction_hash)
SELECT * FROM judged WHERE decision IS NOT NULL ORDER BY position
"""


def _decisions(connection: Any, keys: Path, earlier: Sequence[LandedDay]) -> list[dict[str, Any]]:
    """Every valid line of the day that is not stored: a duplicate, an earlier duplicate, a conflict or a
    re-sent interaction, by position, with the rank in ``earlier`` (None: today) and position of the first
    occurrence it is judged against."""
    events = [
        day.events.append_column("rank", pa.array([rank] * day.events.num_rows, pa.int32()))
        for rank, day in enumerate(earlier)
    ]
    interactions = [
        day.interactions.append_column("rank", pa.array([rank] * day.interactions.num_rows, pa.int32()))
        for rank, day in enumerate(earlier)
    ]
    rank = pa.field("rank", pa.int32())
    connection.register("earlier_events", pa.concat_tables([_FIRST_EVENTS_SCHEMA.append(rank).empty_table(), *events]))
    connection.register(
        "earlier_interactions", pa.concat_tables([_FIRST_INTERACTIONS_SCHEMA.append(rank).empty_table(), *interactions])
    )
    try:
        return connection.sql(_DECISIONS_SQL, params={"keys": str(keys)}).to_arrow_table().to_pylist()
    finally:
        connection.unregister("earlier_events")
        connection.unregister("earlier_interactions")


@dataclass(frozen=True)
class _Judged:
    """The lines not stored: their positions and the duplicates of each kind (the rest went to quarantine)."""

    not_stored: np.ndarray
    duplicates: int
    earlier_duplicates: int


def _judge(
    decisions: list[dict[str, Any]],
    today: _DayFiles,
    earlier: Sequence[LandedDay],
    spec: IngestSpec,
    privacy: _Privacy,
    quarantine: _QuarantineSpool,
    work_dir: Path,
) -> _Judged:
    """Count the duplicates and quarantine the conflicts and re-sent interactions of :func:`_decisions`, each
    described from its line and the first occurrence's, read again from their landing files (through a work file
    in ``work_dir``, see :func:`_spooled_lines`). The rows, not the hashes, have the last word: a "conflict" whose
    rows are equal (0.0 and -0.0) is a duplicate."""
    wanted: dict[tuple[str, str], set[int]] = {}
    for decision in decisions:
        if decision["decision"] in ("conflict", "resent"):
            first_day = today if decision["earlier_rank"] is None else earlier[decision["earlier_rank"]]
            for day, position in ((today, decision["position"]), (first_day, decision["first_position"])):
                source_file, number = day.where(position)
                wanted.setdefault((day.landing_root, source_file), set()).add(number)
    with _spooled_lines(wanted, work_dir) as line:

        def landed_row(day: _DayFiles, position: int) -> tuple[dict[str, Any], str, int, bytes]:
            source_file, number = day.where(position)
            data = line(day.landing_root, source_file, number)
            outcome = None if data is None else parse_line(data, spec)
            if data is None or isinstance(outcome, LineProblem) or outcome is None:
                raise RuntimeError(f"ingestion: {source_file}:{number} changed while it was being ingested")
            return schema.event_to_row(outcome), source_file, number, data

        duplicates = earlier_duplicates = 0
        for decision in decisions:
            kind, position = decision["decision"], decision["position"]
            if kind == "duplicate":
                duplicates += 1
                continue
            if kind == "earlier duplicate":
                earlier_duplicates += 1
                continue
            first_day = today if decision["earlier_rank"] is None else earlier[decision["earlier_rank"]]
            row, source_file, number, data = landed_row(today, position)
            first, first_file, first_number, _ = landed_row(first_day, decision["first_position"])
            where = f"{first_file}:{first_number}"
            same_key = "event_id" if kind == "conflict" else "interaction_id"
            if first[same_key] != row[same_key]:
                raise RuntimeError(
                    f"ingestion: the 64-bit hashes of {source_file}:{number} and {where} collide; re-run the day"
                )
            if kind == "conflict" and first == row:
                if first_day is today:
                    duplicates += 1
                else:
                    earlier_duplicates += 1
                continue
            if kind == "conflict":
                problem = _conflict(row, _Seen(first, where), None if first_day is today else first_day.day)
            else:
                problem = LineProblem(
                    "interaction_id",
                    f"interaction_id: {row['interaction_id']!r} already names interaction event"
                    f" {first['event_id']!r} ({_on(first_day.day, today.day)}{where}); an interaction is"
                    f" kept once, its first event, and {row['event_id']!r} is a re-sent copy under a new event id",
                )
            quarantine.extend([(position, _quarantine_row(source_file, number, problem, data, privacy))])
    not_stored = np.array(sorted(decision["position"] for decision in decisions), dtype=np.int64)
    return _Judged(not_stored, duplicates, earlier_duplicates)


@contextlib.contextmanager
def _spooled_lines(
    wanted: Mapping[tuple[str, str], set[int]], work_dir: Path
) -> Iterator[Callable[[str, str, int], bytes | None]]:
    """The ``wanted`` lines (line numbers by landing root and file) copied to a work file in ``work_dir``, and a
    reader of one of them by root, file and line number (None when it is not there). Never held together: a day
    can re-send many long lines (800 copies of up to 1 MiB, held at once, took its peak RSS from 619 to 964 MB)."""
    with tempfile.TemporaryFile(dir=work_dir) as spool:
        spans: dict[tuple[str, str, int], tuple[int, int]] = {}
        for (root, source_file), numbers in wanted.items():
            for number, data in read_lines(Path(root) / source_file, numbers):
                spans[(root, source_file, number)] = (spool.tell(), len(data))
                spool.write(data)

        def line(root: str, source_file: str, number: int) -> bytes | None:
            span = spans.get((root, source_file, number))
            if span is None:
                return None
            spool.seek(span[0])
            return spool.read(span[1])

        yield line


def _redact_rows(
    landed_rows: Path, not_stored: np.ndarray, privacy: _Privacy, out: Path, landed_ids: Path, workers: _Workers
) -> _Redacted:
    """Redact and pseudonymize the rows of ``landed_rows`` that are stored, batch by batch in reading order (those
    of a batch of the scan together, by ``workers``), into ``out`` (the events schema), and their event ids as landed
    (the sort key's second part) into ``landed_ids``, row for row; says how many and whether they came in the order
    of the events table (timestamp, then event id as landed), checked batch by batch: then ``out`` is the day's
    events file as it is, and needs no sort."""
    stored = 0
    in_order = True
    last: tuple[Any, Any] | None = None  # the sort key of the last row written
    source = pq.ParquetFile(landed_rows, pre_buffer=False)
    events_schema = schema.events_arrow_schema()

    def stored_rows() -> Iterator[tuple[pa.Table]]:
        nonlocal stored, in_order, last
        # A row group is a batch of the scan (_write_landed), bounded in lines and bytes: batches of 20,000 rows
        # across row groups read the long lines of a day together (800 of up to 1 MiB, later quarantined: 1.8 GB).
        for group in range(source.num_row_groups):
            rows = source.read_row_group(group)
            keep = np.isin(rows["_position"].to_numpy(), not_stored, invert=True)
            rows = rows.filter(pa.array(keep))
            if rows.num_rows == 0:
                continue
            stored += rows.num_rows
            if in_order:
                in_order, last = _still_in_order(rows["timestamp"], rows["event_id"], last)
            yield (rows,)

    with (
        pq.ParquetWriter(out, events_schema) as writer,
        pq.ParquetWriter(landed_ids, _LANDED_IDS_SCHEMA, **_WORK_FILE) as ids_writer,
        _InBackground() as background,
    ):
        writer.write_table(events_schema.empty_table())
        ids_writer.write_table(_LANDED_IDS_SCHEMA.empty_table())
        # The `patterns+ner` tier's workers find what the texts of each batch hold, on a day of more than one.
        if workers.find_texts and source.num_row_groups > 1:
            privacy.workers = workers
        try:
            for private, landed in _in_order(workers, _private_rows, stored_rows(), privacy):
                background.submit(_write_redacted, private.cast(events_schema), landed, writer, ids_writer)
        finally:
            privacy.workers = None
    return _Redacted(stored, in_order)


def _private_rows(rows: pa.Table, privacy: _Privacy) -> tuple[pa.Table, pa.Table]:
    """:meth:`_Privacy.event_rows` of stored rows as landed, with their ``_position``, and their event ids as
    landed."""
    landed = pa.table([rows["event_id"]], schema=_LANDED_IDS_SCHEMA)
    return privacy.event_rows(rows.drop_columns(["_position"])), landed


def _write_redacted(private: pa.Table, landed: pa.Table, writer: Any, ids_writer: Any) -> None:
    writer.write_table(private)
    ids_writer.write_table(landed)
    pa.default_memory_pool().release_unused()  # as in _write_landed


@dataclass(frozen=True)
class _Redacted:
    """What :func:`_redact_rows` wrote: how many rows, and whether they are already sorted."""

    stored: int
    in_order: bool


_LANDED_IDS_SCHEMA = pa.schema([("_landed_event_id", pa.string())])


def _still_in_order(
    timestamps: pa.ChunkedArray, event_ids: pa.ChunkedArray, last: tuple[Any, Any] | None
) -> tuple[bool, tuple[Any, Any]]:
    """Whether the rows with these sort keys (timestamp, event id as landed) follow ``last`` (the key of the row
    before them, None: none) and each other in strictly increasing order, compared as DuckDB's ORDER BY compares
    them (instants, then UTF-8 bytes); and the key of their last row. Stored rows never share an event id, so no
    two keys are equal."""
    times = pc.cast(timestamps.combine_chunks(), pa.int64())
    ids = event_ids.combine_chunks()
    if last is not None:
        times = pa.concat_arrays([pa.array([last[0]], pa.int64()), times])
        ids = pa.concat_arrays([pa.array([last[1]], pa.string()), ids])
    end = (times[-1].as_py(), ids[-1].as_py())
    if len(times) < 2 or times.null_count:
        return times.null_count == 0, end
    before, after = times.slice(0, len(times) - 1), times.slice(1)
    # Where the times are equal, the event ids decide.
    ordered = pc.or_(
        pc.less(before, after),
        pc.and_(pc.equal(before, after), pc.less(ids.slice(0, len(ids) - 1), ids.slice(1))),
    )
    return pc.all(ordered).as_py() is True, end


def _sort_events(connection: Any, redacted: Path, landed_ids: Path, out: Path) -> None:
    """Write the rows of ``redacted`` to ``out`` sorted by timestamp and event id as landed (``landed_ids``, row for
    row; see :func:`_write_in_order`). Zone-aware timestamps compare by instant, and the events schema's
    timestamp(us, UTC) column converts every offset to UTC, so "+02:00" and "Z" spellings of one instant sort,
    dedupe and store alike."""
    events_schema = schema.events_arrow_schema()
    keys = (
        f"SELECT r.file_row_number AS row, {_text_bytes(events_schema)} AS size"
        " FROM read_parquet($source, file_row_number = true) r POSITIONAL JOIN read_parquet($landed_ids) i"
        " ORDER BY r.timestamp, i._landed_event_id, r.file_row_number"
    )
    _write_in_order(connection, redacted, keys, {"landed_ids": str(landed_ids)}, out, events_schema)


def _text_bytes(table_schema: pa.Schema) -> str:
    """DuckDB's expression of a row's size in bytes (of ``r``): its strings, and a little for the rest."""
    strings = [f'coalesce(strlen(r."{field.name}"), 0)' for field in table_schema if pa.types.is_string(field.type)]
    return " + ".join([*strings, "64"])


def _write_in_order(
    connection: Any, source: Path, keys_sql: str, params: dict[str, str], out: Path, out_schema: pa.Schema
) -> None:
    """Write the rows of ``source`` to ``out`` (``out_schema``'s columns) in the order of ``keys_sql``: a DuckDB
    query over ``$source`` that yields each row's ``row`` number in it and ``size``, in the order wanted.

    DuckDB sorts the keys only; the rows never pass through its sort, where wide texts exhausted its memory (two
    servers' 150 interleaved rows of 900 KB failed at 256 MB after 3 minutes). The order is cut into buckets of at
    most :data:`_SORT_BUCKET_BYTES` and one row (at most :data:`_MAX_SORT_BUCKETS` of them); one pass over
    ``source`` scatters each row into its bucket's work file, one take and a slice per bucket a batch, and then
    each bucket in turn is ordered in memory and written. Memory: 12 bytes a row, and a bucket or two. A key sort
    that fails in DuckDB's usual budget runs again, from the start, in the larger one."""
    import duckdb

    params = {**params, "source": str(source)}
    try:
        rank, bucket, batch_rows = _sorted_ranks(connection, keys_sql, params, source)
    except duckdb.OutOfMemoryException:
        connection.execute(f"SET memory_limit = '{_LARGE_SORT_MEMORY}'")
        try:
            rank, bucket, batch_rows = _sorted_ranks(connection, keys_sql, params, source)
        finally:
            connection.execute(f"SET memory_limit = '{_DUCKDB_MEMORY}'")
    buckets_dir = out.parent / f"{out.stem}-buckets"
    buckets_dir.mkdir(exist_ok=True)
    writers: dict[int, Any] = {}
    try:
        start = 0
        # Not pre-buffered: pyarrow would keep every row group it read ahead until the last batch, the whole file
        # (6,000 quarantine rows of 40 KB held together took the quarantine's write from 350 to 670 MB).
        reader = pq.ParquetFile(source, pre_buffer=False)
        for batch in reader.iter_batches(batch_size=batch_rows, columns=out_schema.names):
            stop = start + batch.num_rows
            # One take groups the batch by bucket; each bucket's run is then a slice of it.
            by_bucket = np.argsort(bucket[start:stop], kind="stable")
            grouped = batch.append_column("_rank", pa.array(rank[start:stop])).take(pa.array(by_bucket))
            runs = bucket[start:stop][by_bucket]
            cuts = [0, *(np.flatnonzero(np.diff(runs)) + 1).tolist(), len(runs)]
            for low, high in itertools.pairwise(cuts):
                index = int(runs[low])
                piece = grouped.slice(low, high - low)
                if index not in writers:
                    writers[index] = pa.ipc.new_file(str(buckets_dir / f"{index}.arrow"), piece.schema)
                writers[index].write_batch(piece)
            start = stop
    finally:
        for writer in writers.values():
            writer.close()
    with pq.ParquetWriter(out, out_schema) as writer:
        writer.write_table(out_schema.empty_table())
        for index in sorted(writers):
            path = buckets_dir / f"{index}.arrow"
            with pa.memory_map(str(path)) as mapped:
                rows = pa.ipc.open_file(mapped).read_all()
                ordered = rows.take(pc.sort_indices(rows["_rank"])).drop_columns(["_rank"])
                writer.write_table(ordered.cast(out_schema))
            del rows, ordered
            path.unlink()
            pa.default_memory_pool().release_unused()
    buckets_dir.rmdir()


def _sorted_ranks(
    connection: Any, keys_sql: str, params: dict[str, str], source: Path
) -> tuple[np.ndarray, np.ndarray, int]:
    """For each row of ``source``, in its order: its rank in the order of ``keys_sql`` and its sort bucket; and
    how many rows to read at once so that a read batch stays within a quarter of a bucket."""
    reader = connection.sql(keys_sql, params=params).to_arrow_reader(_SORT_BATCH_ROWS)
    count = pq.ParquetFile(source).metadata.num_rows
    rank, bucket = np.empty(count, np.int64), np.empty(count, np.int32)
    done, filled, widest = 0, 0, 1
    for batch in reader:
        rows = batch.column("row").to_numpy()
        size = batch.column("size").to_numpy().astype(np.int64)
        running = filled + np.cumsum(size)
        rank[rows] = np.arange(done, done + len(rows))
        bucket[rows] = (running - size) // _SORT_BUCKET_BYTES  # the bucket its first byte falls in
        done, filled, widest = done + len(rows), int(running[-1]), max(widest, int(size.max()))
    if done != count:
        raise RuntimeError(f"sorting {source.name}: {done} keys for {count} rows")
    buckets = int(bucket.max()) + 1 if count else 0
    if buckets > _MAX_SORT_BUCKETS:  # a work file is open per bucket: merge neighbours into larger buckets
        np.floor_divide(bucket, -(-buckets // _MAX_SORT_BUCKETS), out=bucket)
    return rank, bucket, max(1, min(_SORT_BATCH_ROWS, _SORT_BUCKET_BYTES // 4 // widest))


class _QuarantineSpool:
    """The day's quarantine rows with their positions, written to a work file whenever those held take
    :data:`_QUARANTINE_BYTES_HELD`: a day of broken lines must not be held in memory (2,000 lines of 12 KB held
    whole peaked at 579 MB, 20,000 at 1,071 MB). Counted in bytes, not rows: a row keeps up to 10,000 characters
    of its line and 4,000 of its reason, from a few hundred bytes to 57 KB in memory (4-byte characters)."""

    def __init__(self, path: Path):
        self.path = path
        self.count = 0
        self._held: list[tuple[int, dict[str, Any]]] = []
        self._held_bytes = 0
        self._writer: pq.ParquetWriter | None = None

    def extend(self, entries: Iterable[tuple[int, dict[str, Any]]]) -> None:
        for position, row in entries:
            self._held.append((position, row))
            self._held_bytes += sys.getsizeof(row) + sum(sys.getsizeof(value) for value in row.values())
            self.count += 1
            if self._held_bytes >= _QUARANTINE_BYTES_HELD:
                self._flush()

    def _flush(self) -> None:
        if self._writer is None:
            self._writer = pq.ParquetWriter(self.path, _QUARANTINE_SPOOL_SCHEMA, **_WORK_FILE)
        rows = [{**row, "_position": position} for position, row in self._held]
        self._writer.write_table(pa.Table.from_pylist(rows, schema=_QUARANTINE_SPOOL_SCHEMA))
        self._held, self._held_bytes = [], 0

    def write_sorted(self, connection: Any, out: Path) -> None:
        """Write every row, in position order (the order of the lines in the day's files), to ``out``."""
        self._flush()  # opens the work file when no row came: an empty quarantine is written the same way
        if self._writer is not None:
            self._writer.close()
        keys = (
            f"SELECT r.file_row_number AS row, {_text_bytes(quarantine_arrow_schema())} AS size"
            " FROM read_parquet($source, file_row_number = true) r ORDER BY r._position, r.file_row_number"
        )
        _write_in_order(connection, self.path, keys, {}, out, quarantine_arrow_schema())
        self.path.unlink()


def _on(day: str, today: str) -> str:
    """How a reason names where an earlier occurrence landed: nothing more on the same day."""
    return "" if day == today else f"landed {day}, "


def first_rows(path: Path, count: int) -> list[dict[str, Any]]:
    """The first ``count`` rows of the Parquet file at ``path`` (what a log shows of a quarantine file)."""
    batches = pq.ParquetFile(path).iter_batches(batch_size=count)
    return next(batches, pa.RecordBatch.from_pylist([])).to_pylist()


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


NOT_A_DAY_FOLDER = "not a day folder: expected YYYY-MM-DD"


def not_day_folders(names: Mapping[str, bool]) -> dict[str, str]:
    """The entries at the top of a landing folder (``names``: name -> whether it is a folder) that no day reads,
    with the reason: a folder or file whose name is not a calendar day ``YYYY-MM-DD`` (``2026-11-8``, ``nov-8``, a
    ``.jsonl`` put beside the day folders), or a file named as a day. Names starting with a dot are writes in
    progress, as in a day folder, and left out."""
    skipped: dict[str, str] = {}
    for name, is_folder in sorted(names.items()):
        if name.startswith("."):
            continue
        try:
            schema.calendar_day(name, "landing folder")
        except ValueError:
            skipped[name] = NOT_A_DAY_FOLDER
        else:
            if not is_folder:
                skipped[name] = "a file, not a day folder: a day's files go inside its folder"
    return skipped


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


def _file_problem(path: Path) -> str | None:
    """Why a landing file cannot be read (it cannot be opened, or a ``.jsonl.gz`` is corrupt or truncated),
    or None when it can. Checked before any of its lines counts: a broken file is quarantined whole."""
    compressed = path.name.endswith(".gz")
    try:
        with open_landing_file(path) as stream:
            while compressed and stream.read(_CHUNK_BYTES):
                pass
    except (OSError, EOFError, zlib.error) as exc:
        kind = "a readable gzip file" if compressed else "readable"
        return f"file is not {kind}, none of its lines is ingested: {exc}"
    return None


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
        version = record["schema_version"]
        # "1" or true: the version the sender meant, written as another JSON type.
        written_as = (
            ""
            if type(version) is int
            else f" (the JSON integer {schema.SCHEMA_VERSION}, not the {_json_kind(version)})"
        )
        return LineProblem(
            "schema_version",
            f"schema_version: unsupported version {quote(version)}; this reader supports {schema.SCHEMA_VERSION}"
            + written_as,
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
    """Turn pydantic's errors into one problem: the first error's field, the first :data:`_MAX_ERRORS_LISTED`
    errors as ``field: message`` and how many more there are."""
    errors = exc.errors(include_url=False)
    located = [_locate(error, record, quote) for error in errors[:_MAX_ERRORS_LISTED]]
    reason = "; ".join(f"{name}: {message}" if name else message for name, message in located)
    if len(errors) > _MAX_ERRORS_LISTED:
        reason += f"; and {len(errors) - _MAX_ERRORS_LISTED} more errors"
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
    """One quarantine row; the raw line is kept (cut to :data:`MAX_RAW_LINE_CHARS`) for diagnosis, the reason cut to
    :data:`MAX_REASON_CHARS` and the field to :data:`_MAX_FIELD_CHARS`.

    The line is redacted before it is cut, so that the cut cannot split an identifier into an unrecognisable
    but still personal fragment. Field and reason quote the input, so they are redacted as well.
    """
    raw_line = privacy.raw_line(raw.decode("utf-8", errors="replace"))
    field = None if problem.field is None else privacy.text(_storable(problem.field))
    return {
        "source_file": _storable(source_file),
        "line_number": line_number,
        "field": None if field is None else _cut(field, _MAX_FIELD_CHARS),
        "reason": _cut(privacy.text(_storable(problem.reason)) or "", MAX_REASON_CHARS),
        "raw_line": raw_line,
    }
