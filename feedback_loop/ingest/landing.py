"""Ingestion: turn one day of landing JSON Lines files into the ``events`` and ``quarantine`` tables.

Applications drop files into ``<landing_dir>/YYYY-MM-DD/*.jsonl`` (or ``*.jsonl.gz``), one event per line,
following the contract in :mod:`feedback_loop.schema`. Every non-blank line ends up in exactly one place:

* the events table, once per ``event_id`` (a later identical copy only counts as a duplicate);
* the quarantine table, with the file, line number, offending field and a readable reason, when the line is
  not JSON, not an object, of an unsupported schema version, fails validation, or reuses an ``event_id``
  with different content. A bad line is never dropped silently.

Nothing personal reaches the warehouse: the free text of every event (``prompt``, ``response``,
``correction``, ``comment``) is redacted (:mod:`feedback_loop.privacy`), ``user_id`` and ``session_id``
are replaced by keyed pseudonyms, and a quarantined line is stored with its ids pseudonymized and its text
redacted too. The landing files themselves are only read.

The output depends only on the landing files (sorted file names, line order, sorted events) and the pseudonym
key, so a re-run of a partition gives identical tables and can safely replace the previous one.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections import Counter
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
from pydantic import ValidationError

from feedback_loop import schema
from feedback_loop.privacy import DEFAULT_TIER, PLACEHOLDERS, REDACTION_TYPES, Redactor, pseudonymize, redact
from feedback_loop.warehouse import Warehouse

EVENTS_TABLE = "events"
QUARANTINE_COLUMNS: tuple[str, ...] = ("source_file", "line_number", "field", "reason", "raw_line")
MAX_RAW_LINE_CHARS = 10_000
# Longest offending value quoted in a reason; prompts and responses can be long.
_MAX_QUOTED_INPUT_CHARS = 80
_PARTITION_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")
_LANDING_SUFFIXES = (".jsonl", ".jsonl.gz")
_ValidEvent = schema.InteractionEvent | schema.FeedbackEvent | schema.BehaviourEvent
PSEUDONYMIZED_FIELDS: tuple[str, ...] = ("user_id", "session_id")
# Every free-text field the application fills. The event and interaction ids are kept as they are: they are
# the application's keys, which a support engineer looks up, and no detector should rewrite half a key.
REDACTED_FIELDS: tuple[str, ...] = (
    "prompt", "response", "correction", "comment", "use_case", "user_segment", "system_prompt_version", "model_version",
)  # fmt: skip
# An id's value in a raw line, even a line cut short or not JSON at all: a string (possibly unterminated,
# possibly ending in a lone backslash) or a number.
_RAW_ID_VALUE = re.compile(
    r'"(?P<field>user_id|session_id)"(?P<colon>\s*:\s*)(?P<value>"(?:[^"\\]|\\.)*(?:"|\\?$)|-?\d[\d.eE+-]*)'
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

    ``earlier_duplicates`` counts lines whose event id an earlier day already stored (an upload retried the
    next day): the earlier copy stands, and the line is not stored twice.

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
    redactions: dict[str, int]


@dataclass(frozen=True)
class _Problem:
    """Why a line cannot become an event: the dotted field at fault (None for the whole line) and a reason."""

    field: str | None
    reason: str


class _Privacy:
    """Pseudonymizes ids and redacts text with one key, counting the placeholders it writes."""

    def __init__(self, pseudonym_key: bytes, redactor: Redactor):
        self._key = pseudonym_key
        self._redactor = redactor
        self.counts: Counter[str] = Counter()

    def text(self, value: str | None, scope: str | None = None) -> str | None:
        if value is None:
            return None
        redaction = self._redactor.redact(value, scope)
        self.counts.update(redaction.counts)
        return redaction.text

    def event_row(self, row: dict[str, Any]) -> dict[str, Any]:
        private = dict(row)
        for column in PSEUDONYMIZED_FIELDS:
            private[column] = pseudonymize(row[column], self._key)
        for column in REDACTED_FIELDS:
            # Person names are numbered per session: "<PERSON_1> asked <PERSON_2>" stays readable.
            private[column] = self.text(row[column], scope=row["session_id"])
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
        :data:`_RAW_ID_VALUE`, each string literal in it (the unterminated last one too) decoded and redacted the
        same way, and is then redacted as a whole.
        """
        text, counts = self._json_line(line) or self._text_line(line)
        return self._kept(_cut(text, MAX_RAW_LINE_CHARS), counts)

    def _text_line(self, line: str) -> tuple[str, Counter[str]]:
        counts: Counter[str] = Counter()

        def literal(match: re.Match[str]) -> str:
            text, closed = match.group(), match.group().endswith('"') and len(match.group()) > 1
            body = text[1:-1] if closed else _PARTIAL_ESCAPE.sub("", text[1:])
            try:
                decoded = json.loads(f'"{body}"')
            except json.JSONDecodeError:
                decoded = body  # not a JSON string after all: redact its characters as they are
            redacted, found = _redacted(decoded)
            counts.update(found)
            encoded = _SURROGATE.sub(
                lambda match: f"\\u{ord(match.group()):04x}", json.dumps(redacted, ensure_ascii=False)
            )
            return encoded if closed else encoded[:-1]

        ids_hidden = _RAW_ID_VALUE.sub(self._pseudonymized_id, line)
        text, more = _redacted(_STRING_LITERAL.sub(literal, ids_hidden))
        return text, counts + more

    def quote(self, value: Any) -> str:
        """A short ``repr`` of an offending input value, for a reason: redacted (and its nested ids
        pseudonymized) whole, then cut without splitting a placeholder, so that the cut cannot leave a
        fragment of an identifier that the detectors no longer recognise ("jane.doe@exam")."""
        try:
            walked = repr(self._json_value(value, Counter(), is_id=False))
        except RecursionError:
            # Nested nearly as deep as the JSON parser allows: the walk, deeper in the stack, cannot follow.
            return "a value nested too deeply to quote"
        text, _ = _redacted(walked)
        if len(text) > _MAX_QUOTED_INPUT_CHARS:
            text = _cut(text, _MAX_QUOTED_INPUT_CHARS - 3) + "..."
        # Not counted: the quoted value is also in the line's raw_line, where its identifiers already count.
        return text

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
            private = self._json_value(json.loads(line), counts, is_id=False)
            compact = json.dumps(private, ensure_ascii=False, separators=(",", ":"))
        except (json.JSONDecodeError, RecursionError):
            return None
        # A lone surrogate ("\\ud800" in the line) cannot be stored as UTF-8: it stays escaped, as landed.
        compact = _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", compact)
        text, more = _redacted(compact)
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
        if is_id and isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return pseudonymize(value if isinstance(value, str) else json.dumps(value), self._key)
        if isinstance(value, str):
            text, found = _redacted(value)
            counts.update(found)
            return text
        return value

    def _pseudonymized_id(self, match: re.Match[str]) -> str:
        literal = match.group("value")
        if not literal.startswith('"'):
            value = literal
        else:
            try:
                value = json.loads(literal)
            except json.JSONDecodeError:
                # A string cut short with the line: its characters so far are the id to hide.
                value = literal[1:]
        return f'"{match.group("field")}"{match.group("colon")}"{pseudonymize(value, self._key)}"'


@dataclass(frozen=True)
class _Seen:
    """The first occurrence of an ``event_id``: its row and where it was read (``file:line``)."""

    row: dict[str, Any]
    where: str


def ingest_partition(
    landing_dir: str | Path,
    partition: str,
    pseudonym_key: bytes,
    earlier_event_ids: Collection[str] = frozenset(),
    redaction_tier: str = DEFAULT_TIER,
) -> IngestResult:
    """Validate, deduplicate and redact every line landed for ``partition`` (a ``YYYY-MM-DD`` day).

    ``pseudonym_key`` keys the pseudonyms of ``user_id`` and ``session_id``: the same key gives the same
    pseudonyms on every partition and every run. A missing day folder means the applications sent nothing
    that day: the result is empty. A missing ``landing_dir`` is a configuration error and raises
    ``FileNotFoundError``. ``earlier_event_ids`` are the event ids stored for earlier days (see
    :class:`IngestResult`); their stored rows are redacted, so a copy is recognised by its id alone.
    ``redaction_tier`` chooses the detectors (:data:`feedback_loop.privacy.TIERS`).
    """
    if not isinstance(pseudonym_key, bytes) or not pseudonym_key:
        raise ValueError("ingest_partition: field 'pseudonym_key' must be non-empty bytes")
    _check_partition(partition)
    landing_root = Path(landing_dir)
    if not landing_root.is_dir():
        raise FileNotFoundError(f"landing directory {landing_root} does not exist or is not a directory")

    files = _landing_files(landing_root / partition)
    rows: list[dict[str, Any]] = []
    quarantine: list[dict[str, Any]] = []
    seen: dict[str, _Seen] = {}
    privacy = _Privacy(pseudonym_key, Redactor(redaction_tier))
    read = duplicates = earlier_duplicates = 0
    relative_names = [path.relative_to(landing_root).as_posix() for path in files]
    for path, source_file in zip(files, relative_names, strict=True):
        for line_number, raw in _lines(path, source_file):
            if not raw.strip():
                continue
            read += 1
            outcome = _validate(raw, privacy)
            if isinstance(outcome, _Problem):
                quarantine.append(_quarantine_row(source_file, line_number, outcome, raw, privacy))
                continue
            # Duplicates and conflicts are judged on the rows as landed, before redaction: two events that
            # differ only in an e-mail address differ, and must not pass as copies once both read <EMAIL>.
            # Redaction is deterministic, so true copies still redact to the same stored row.
            row = schema.event_to_row(outcome)
            if row["event_id"] in earlier_event_ids:
                earlier_duplicates += 1
                continue
            first = seen.get(row["event_id"])
            if first is None:
                seen[row["event_id"]] = _Seen(row, f"{source_file}:{line_number}")
                rows.append(privacy.event_row(row))
            elif first.row == row:
                duplicates += 1
            else:
                quarantine.append(_quarantine_row(source_file, line_number, _conflict(row, first), raw, privacy))

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
        files=relative_names,
        redactions={kind: privacy.counts[kind] for kind in REDACTION_TYPES},
    )


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


def _landing_files(day_dir: Path) -> list[Path]:
    """The day's landing files in sorted name order; dot-files are skipped as writes still in progress."""
    if not day_dir.is_dir():
        return []
    return sorted(
        (
            path
            for path in day_dir.iterdir()
            if path.is_file() and not path.name.startswith(".") and path.name.endswith(_LANDING_SUFFIXES)
        ),
        key=lambda path: path.name,
    )


def _lines(path: Path, source_file: str) -> Iterator[tuple[int, bytes]]:
    """Yield ``(1-based line number, raw bytes without the line terminator)`` for every line of a file.

    Splits on ``\\n`` only: ``str.splitlines`` would also split on U+2028 and friends, which are legal
    inside JSON strings.
    """
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise ValueError(f"landing file {source_file} is not a readable gzip file: {exc}") from exc
    for index, line in enumerate(data.split(b"\n"), start=1):
        yield index, line.removesuffix(b"\r")


def _validate(raw: bytes, privacy: _Privacy) -> _ValidEvent | _Problem:
    """Parse and validate one line against the event contract, or say what is wrong with it (quoting the
    offending values through ``privacy``)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _Problem(None, f"line is not UTF-8 text: {exc}")
    try:
        record = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        return _Problem(None, f"invalid JSON: {exc.msg} at column {exc.colno}")
    except ValueError as exc:
        return _Problem(None, f"invalid JSON: {exc}")
    except RecursionError:
        return _Problem(None, "invalid JSON: nested too deeply")
    if not isinstance(record, dict):
        return _Problem(None, f"line is a JSON {_json_kind(record)}, not an object")
    if set(record) == {schema.REJECTED_KEY}:
        return _rejected_at_collection(record[schema.REJECTED_KEY])
    if "schema_version" in record and not _is_supported_version(record["schema_version"]):
        return _Problem(
            "schema_version",
            f"schema_version: unsupported version {privacy.quote(record['schema_version'])};"
            f" this reader supports {schema.SCHEMA_VERSION}",
        )
    try:
        return schema.EVENT_ADAPTER.validate_python(record)
    except ValidationError as exc:
        return _validation_problem(exc, record, privacy)


def _rejected_at_collection(rejection: Any) -> _Problem:
    """The problem a collector or importer found with a record it landed as a rejection line."""
    if not isinstance(rejection, dict) or not isinstance(rejection.get("reason"), str):
        return _Problem(schema.REJECTED_KEY, f"{schema.REJECTED_KEY}: must be an object with a 'reason' string")
    field = rejection.get("field") if isinstance(rejection.get("field"), str) else None
    source = rejection.get("source") if isinstance(rejection.get("source"), str) else "unknown source"
    return _Problem(field, f"rejected at collection ({source}): {rejection['reason']}")


def _reject_constant(name: str) -> Any:
    """``json.loads`` hook: NaN and Infinity are not JSON, so a line using them is invalid."""
    raise ValueError(f"{name} is not a valid JSON value")


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


def _validation_problem(exc: ValidationError, record: dict[str, Any], privacy: _Privacy) -> _Problem:
    """Turn pydantic's errors into one problem: the first error's field, every error as ``field: message``."""
    located = [_locate(error, record, privacy) for error in exc.errors(include_url=False)]
    reason = "; ".join(f"{name}: {message}" if name else message for name, message in located)
    return _Problem(located[0][0], reason)


def _locate(error: Mapping[str, Any], record: dict[str, Any], privacy: _Privacy) -> tuple[str | None, str]:
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
        message = f"{message} (got {privacy.quote(error['input'])})"
    return name, message


def _redacted(text: str) -> tuple[str, Counter[str]]:
    """``text`` redacted, and the placeholders written into it per type."""
    redaction = redact(text)
    return redaction.text, Counter(redaction.counts)


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


def _conflict(row: dict[str, Any], first: _Seen) -> _Problem:
    """The problem of an ``event_id`` seen again with different content; the first occurrence stays."""
    differing = [column for column in schema.EVENT_COLUMNS if row[column] != first.row[column]]
    return _Problem(
        "event_id",
        f"event_id: {row['event_id']!r} was first seen at {first.where} with different content"
        f" ({', '.join(differing)} differ); the first occurrence is kept",
    )


def _quarantine_row(
    source_file: str, line_number: int, problem: _Problem, raw: bytes, privacy: _Privacy
) -> dict[str, Any]:
    """One quarantine row; the raw line is kept (cut to :data:`MAX_RAW_LINE_CHARS`) for diagnosis.

    The line is redacted before it is cut, so that the cut cannot split an identifier into an unrecognisable
    but still personal fragment. Field and reason quote the input, so they are redacted as well.
    """
    raw_line = privacy.raw_line(raw.decode("utf-8", errors="replace"))
    return {
        "source_file": source_file,
        "line_number": line_number,
        "field": privacy.text(problem.field),
        "reason": privacy.text(problem.reason),
        "raw_line": raw_line,
    }
