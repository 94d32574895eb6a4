"""The fast path of ingestion: landing lines read in batches and validated into Arrow columns.

Most landing lines are valid events. :data:`_LINE_DECODER` (msgspec, in C) parses and type-checks a line against
a mirror of the event contract (:mod:`feedback_loop.schema`) that is stricter than the contract, never looser;
what a mirror cannot check line by line (blank strings, timestamps, counts and ratings written as floats, a signal
in a feedback or behaviour event) is checked on whole columns with pyarrow. A line that either check does not
accept goes to the slow path, the pydantic contract itself (:func:`~feedback_loop.ingest.landing.parse_line`),
which stores it or says exactly what is wrong with it. So the fast path changes how fast a line is judged, never
how it is judged.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated, BinaryIO, Literal, cast

import msgspec
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from feedback_loop import schema

# Lines validated, hashed and written together (at most BATCH_LINES, or as many as fill about BATCH_BYTES: a
# batch of 20,000 long lines held whole would be gigabytes), and bytes read from a landing file at a time.
BATCH_LINES = 20_000
BATCH_BYTES = 32 << 20
READ_BYTES = 1 << 20
_BOM = b"\xef\xbb\xbf"
# What is kept of a line longer than the limit: enough to recognise it, redacted like any quarantined line.
OVERSIZE_EXCERPT_BYTES = 2_000

# A count or a rating may be written 12.0 (the contract takes a whole float as its int): msgspec takes any float in
# bounds, and the column check (:func:`_whole_numbers`) sends one that is not whole to the slow path.
_Count = (
    Annotated[int, msgspec.Meta(ge=0, le=schema.MAX_COUNT)] | Annotated[float, msgspec.Meta(ge=0, le=schema.MAX_COUNT)]
)
_Rating = Annotated[int, msgspec.Meta(ge=1, le=5)] | Annotated[float, msgspec.Meta(ge=1, le=5)]
_Milliseconds = Annotated[float, msgspec.Meta(ge=0, le=schema.MAX_MILLISECONDS)]


class _Line(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, tag_field="event_type"):
    """The envelope; ``timestamp`` is checked on the column (:func:`_utc_timestamps`), strings for blanks."""

    schema_version: Literal[1]
    event_id: str
    timestamp: str
    interaction_id: str
    session_id: str
    user_id: str


class _InteractionLine(_Line, tag="interaction", kw_only=True):
    use_case: str
    user_segment: str | None = None
    prompt: str
    system_prompt_version: str
    response: str
    model_version: str
    adapter_version: str | None = None
    latency_ms: _Milliseconds
    prompt_tokens: _Count
    completion_tokens: _Count


class _FeedbackLine(_Line, tag="feedback", kw_only=True):
    thumb: schema.ThumbValue | None = None
    rating: _Rating | None = None
    correction: str | None = None
    flag: schema.FlagReason | None = None
    comment: str | None = None


class _BehaviourLine(_Line, tag="behaviour", kw_only=True):
    reading_time_ms: _Milliseconds | None = None
    action: schema.Action | None = None
    outcome: schema.Outcome | None = None


_LINE_TYPES: dict[type[_Line], str] = {
    _InteractionLine: "interaction",
    _FeedbackLine: "feedback",
    _BehaviourLine: "behaviour",
}
_LINE_DECODER = msgspec.json.Decoder(_InteractionLine | _FeedbackLine | _BehaviourLine)
# The contract's NonEmpty strings (not blank) and the fields of which a feedback or behaviour event needs one.
_NOT_BLANK = (
    "event_id", "interaction_id", "session_id", "user_id", "use_case", "user_segment", "prompt",
    "system_prompt_version", "model_version", "adapter_version", "correction", "comment",
)  # fmt: skip
# The contract's integer fields, which a line may write as whole floats.
_WHOLE_NUMBERS = ("prompt_tokens", "completion_tokens", "rating")
_SIGNALS = {
    "feedback": ("thumb", "rating", "correction", "flag", "comment"),
    "behaviour": ("reading_time_ms", "action", "outcome"),
}
# A string that may be blank to Python's str.strip: only white space and control characters (a superset of
# what Python strips, so the slow path decides).
_MAYBE_BLANK = r"^[\p{Z}\s\x{00}-\x{1f}\x{7f}-\x{9f}]*$"
# Timestamps the fast path converts itself: ISO 8601 with seconds, at most microseconds, and an explicit offset;
# anything else (other spellings pydantic accepts, or rejects) goes to the slow path.
_PLAIN_TIMESTAMP = (
    r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?"
    r"(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$"
)
_UTC_MICROSECONDS = pa.timestamp("us", tz="UTC")
_MAX_STRING_BYTES = 2**31 - 1  # what the 32-bit offsets of an Arrow string array reach


@dataclass(frozen=True)
class LineBatch:
    """Consecutive lines of one landing file: ``numbers[i]`` is the line number of ``lines[i]`` (blank lines are
    left out); ``oversize`` maps an index whose line was longer than the limit to its length in bytes (its
    entry in ``lines`` then holds only its first :data:`OVERSIZE_EXCERPT_BYTES` bytes)."""

    numbers: list[int]
    lines: list[bytes]
    oversize: dict[int, int]


def open_landing_file(path: Path) -> BinaryIO:
    """``path`` opened for reading, refusing a symbolic link put in its place since the folder was listed."""
    stream = os.fdopen(os.open(path, os.O_RDONLY | os.O_NOFOLLOW), "rb")
    return cast(BinaryIO, gzip.GzipFile(fileobj=stream)) if path.name.endswith(".gz") else stream


def line_batches(path: Path, max_line_bytes: int) -> Iterator[LineBatch]:
    """The non-blank lines of a landing file in batches of about :data:`BATCH_LINES` (fewer when they read more
    than :data:`BATCH_BYTES`).

    Splits on ``\\n`` only: ``str.splitlines`` would also split on U+2028 and friends, which are legal inside
    JSON strings. A ``\\r`` before the ``\\n`` is not part of the line, nor is a UTF-8 byte order mark at the
    start of the file. The file is read :data:`READ_BYTES` at a time, and a line longer than ``max_line_bytes``
    is never held whole: only its first bytes are kept while the rest is counted.
    """
    number = 1
    pending = bytearray()  # the start of the line that the last read cut, at most max_line_bytes of it
    pending_length = 0
    first = True
    batch = LineBatch([], [], {})
    batch_bytes = 0
    with open_landing_file(path) as stream:
        while block := stream.read(READ_BYTES):
            batch_bytes += len(block)
            if first and block.startswith(_BOM):
                block = block[len(_BOM) :]
            first = False
            pieces = block.split(b"\n")
            head = pieces[0]
            pending_length += len(head)
            if len(pending) < max_line_bytes:
                pending += head[: max_line_bytes - len(pending)]
            if len(pieces) == 1:
                continue
            _add(batch, number, bytes(pending), pending_length, max_line_bytes)
            number += 1
            for piece in pieces[1:-1]:
                _add(batch, number, piece, len(piece), max_line_bytes)
                number += 1
            tail = pieces[-1]
            pending, pending_length = bytearray(tail[:max_line_bytes]), len(tail)
            if len(batch.lines) >= BATCH_LINES or (batch.lines and batch_bytes >= BATCH_BYTES):
                yield batch
                batch, batch_bytes = LineBatch([], [], {}), 0
    if pending_length:
        _add(batch, number, bytes(pending), pending_length, max_line_bytes)
    if batch.lines:
        yield batch


def _add(batch: LineBatch, number: int, data: bytes, length: int, max_line_bytes: int) -> None:
    """Add a line to ``batch`` unless it is blank; ``length`` counts its bytes, ``data`` may hold only the first."""
    if length > max_line_bytes:
        batch.numbers.append(number)
        batch.oversize[len(batch.lines)] = length
        batch.lines.append(data[:OVERSIZE_EXCERPT_BYTES])
        return
    if data.endswith(b"\r"):
        data = data[:-1]
    if not data.strip():
        return
    batch.numbers.append(number)
    batch.lines.append(data)


def read_lines(path: Path, numbers: set[int]) -> Iterator[tuple[int, bytes]]:
    """The lines of a landing file with the given numbers, as :func:`line_batches` gives them, with their numbers,
    one at a time: the caller decides what it holds (they may be many lines of up to ``max_line_bytes``)."""
    found = 0
    with open_landing_file(path) as stream:
        for number, data in enumerate(stream, start=1):
            if number in numbers:
                data = data.removesuffix(b"\n").removesuffix(b"\r")
                yield number, data[len(_BOM) :] if number == 1 and data.startswith(_BOM) else data
                found += 1
                if found == len(numbers):
                    break


def fast_rows(batch: LineBatch, first_year: int, last_year: int) -> tuple[pa.Table, list[int]]:
    """The events of ``batch`` that the fast path accepts, as a table of the events columns (as landed, not
    redacted) plus ``_line`` (the index of the line in the batch), and the indices of every other line (not
    JSON, not valid, or not certain), which the slow path must judge."""
    decode = _LINE_DECODER.decode
    by_type: dict[type[_Line], tuple[list[tuple], list[int]]] = {kind: ([], []) for kind in _LINE_TYPES}
    slow: list[int] = []
    astuple = msgspec.structs.astuple
    oversize = batch.oversize
    for index, line in enumerate(batch.lines):
        if oversize and index in oversize:
            slow.append(index)
            continue
        try:
            event = decode(line)
        except (msgspec.DecodeError, RecursionError):
            slow.append(index)
            continue
        rows, indices = by_type[type(event)]
        rows.append(astuple(event))
        indices.append(index)
    tables = []
    for kind, (rows, indices) in by_type.items():
        if not rows:
            continue
        table, uncertain = _typed_table(kind, rows, indices, first_year, last_year)
        tables.append(table)
        slow.extend(uncertain)
    events = pa.concat_tables(tables) if tables else _empty_rows()
    return events, sorted(slow)


def _empty_rows() -> pa.Table:
    return landed_schema().empty_table()


def landed_schema() -> pa.Schema:
    """The events schema plus ``_line``, the index of an event's line in its batch."""
    return schema.events_arrow_schema().append(pa.field("_line", pa.int64()))


def _typed_table(
    kind: type[_Line], rows: list[tuple], indices: list[int], first_year: int, last_year: int
) -> tuple[pa.Table, list[int]]:
    """The rows of one event type as a table of the landed schema, without the rows the column checks do not
    accept, and the line indices of those."""
    target = landed_schema()
    names = kind.__struct_fields__
    columns = dict(zip(names, zip(*rows, strict=True), strict=True))
    count = len(rows)
    arrays: dict[str, pa.Array] = {}
    timestamps = pa.array(columns["timestamp"], pa.string())
    uncertain = pc.invert(pc.match_substring_regex(timestamps, _PLAIN_TIMESTAMP))
    for name in target.names:
        if name == "_line":
            arrays[name] = pa.array(indices, pa.int64())
        elif name == "event_type":
            arrays[name] = pa.array([_LINE_TYPES[kind]] * count, pa.string())
        elif name == "timestamp":
            continue
        elif name in columns:
            field_type = target.field(name).type
            values = columns[name]
            if field_type == pa.string():
                arrays[name] = _string_array(values)
            elif name in _WHOLE_NUMBERS:
                arrays[name], not_whole = _whole_numbers(values, field_type)
                if not_whole is not None:
                    uncertain = pc.or_(uncertain, not_whole)
            else:
                arrays[name] = pa.array(values, field_type)
        else:
            arrays[name] = pa.nulls(count, target.field(name).type)
    for name in _NOT_BLANK:
        if name in columns:
            blank = pc.fill_null(pc.match_substring_regex(arrays[name], _MAYBE_BLANK), False)
            uncertain = pc.or_(uncertain, blank)
    signals = _SIGNALS.get(_LINE_TYPES[kind])
    if signals:
        present = [pc.is_valid(arrays[name]) for name in signals]
        any_signal = present[0]
        for more in present[1:]:
            any_signal = pc.or_(any_signal, more)
        uncertain = pc.or_(uncertain, pc.invert(any_signal))
    any_uncertain = pc.any(uncertain).as_py()
    if any_uncertain:
        timestamps = pc.if_else(uncertain, pa.scalar(None, pa.string()), timestamps)
    utc, unparsed = _utc_timestamps(timestamps, first_year, last_year)
    if pc.any(unparsed).as_py():
        uncertain, any_uncertain = pc.or_(uncertain, unparsed), True
    arrays["timestamp"] = utc
    table = pa.table([arrays[name] for name in target.names], schema=target)
    if not any_uncertain:  # the usual batch: nothing to copy out
        return table, []
    return table.filter(pc.invert(uncertain)), arrays["_line"].filter(uncertain).to_pylist()


def _whole_numbers(values: Sequence[float | None], field_type: pa.DataType) -> tuple[pa.Array, pa.Array | None]:
    """``values`` (ints, floats in bounds, or None) as an integer column of ``field_type``, and where a value is a
    float that is no whole number (null in the column; the slow path says why), None when every value is an int.
    ``pa.array(values, pa.int64())`` would cut 12.5 to 12 without a word."""
    numbers = pa.array(values)  # int64 when every value was written as an integer: the usual column
    if not pa.types.is_floating(numbers.type):
        return numbers.cast(field_type), None
    whole = pc.fill_null(pc.equal(pc.floor(numbers), numbers), True)
    return pc.if_else(whole, numbers, None).cast(field_type), pc.invert(whole)


def _string_array(values: Sequence[str | None]) -> pa.Array:
    """``pa.array(values, pa.string())``, built from one joined buffer when every value is an ASCII string (most
    columns: ids, labels, English text), since Arrow converts a Python sequence value by value."""
    if None not in values:
        strings = cast("Sequence[str]", values)
        text = "".join(strings)
        if text.isascii() and len(text) <= _MAX_STRING_BYTES:
            offsets = np.zeros(len(strings) + 1, dtype=np.int32)
            np.cumsum(np.fromiter(map(len, strings), dtype=np.int32, count=len(strings)), out=offsets[1:])
            data = text.encode("ascii")
            return pa.StringArray.from_buffers(len(values), pa.py_buffer(offsets), pa.py_buffer(data))
    return pa.array(values, pa.string())


def _utc_timestamps(texts: pa.Array, first_year: int, last_year: int) -> tuple[pa.Array, pa.Array]:
    """``texts`` (null where not to convert) as UTC timestamps, and where a non-null text could not be converted
    or lies outside ``first_year``..``last_year`` in UTC (those go to the slow path, which says why)."""
    try:
        utc = pc.cast(texts, _UTC_MICROSECONDS)
    except pa.ArrowInvalid:
        # A date that does not exist (February 30): convert one by one, leaving the ones that fail to the slow path.
        utc = pa.array([_one_timestamp(text) for text in texts.to_pylist()], _UTC_MICROSECONDS)
    years = pc.year(utc)
    outside = pc.or_(pc.less(years, first_year), pc.greater(years, last_year))
    failed = pc.and_(pc.is_valid(texts), pc.or_(pc.is_null(utc), pc.fill_null(outside, True)))
    return utc, pc.fill_null(failed, False)


def _one_timestamp(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        return pc.cast(pa.array([text]), _UTC_MICROSECONDS)[0].as_py()
    except pa.ArrowInvalid:
        return None
