"""Tests of the ingestion stage: validation, quarantine, deduplication, determinism and the warehouse."""

from __future__ import annotations

import gzip
import json
import os
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from feedback_loop import schema
from feedback_loop.ingest import (
    QUARANTINE_COLUMNS,
    columnar,
    feedback_counts,
    ingest_partition,
    ingest_partition_file,
    landed_day,
    landing,
    not_day_folders,
    quarantine_arrow_schema,
)
from feedback_loop.ingest.landing import NOT_A_DAY_FOLDER
from feedback_loop.privacy import pseudonymize
from feedback_loop.storage import DataStore
from feedback_loop.warehouse import Warehouse

DAY = "2026-11-01"
KEY = b"test-pseudonym-key"


def _event(event_type: str, event_id: str, **overrides) -> dict:
    """A valid event of ``event_type``; ``overrides`` replace fields, and a value of ``...`` removes one."""
    envelope = {
        "schema_version": 1,
        "event_id": event_id,
        "event_type": event_type,
        "timestamp": "2026-11-01T09:30:00Z",
        "interaction_id": "int-1",
        "session_id": "ses-1",
        "user_id": "usr-1",
    }
    specific = {
        "interaction": {
            "use_case": "support",
            "prompt": "How do I reset my password?",
            "system_prompt_version": "v3",
            "response": "Open Settings, then Security.",
            "model_version": "base-1",
            "adapter_version": None,
            "latency_ms": 812.5,
            "prompt_tokens": 12,
            "completion_tokens": 9,
        },
        "feedback": {"rating": 4},
        "behaviour": {"action": "copy"},
    }.get(event_type, {})
    record = {**envelope, **specific, **overrides}
    return {key: value for key, value in record.items() if value is not ...}


def _land(landing: Path, name: str, lines: list, day: str = DAY) -> Path:
    """Write ``lines`` (dicts as JSON, strings verbatim) as one landing file; returns its path."""
    folder = landing / day
    folder.mkdir(parents=True, exist_ok=True)
    text = "\n".join(json.dumps(line) if isinstance(line, dict) else line for line in lines) + "\n"
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_events_become_sorted_utc_rows(tmp_path: Path) -> None:
    _land(
        tmp_path,
        "app.jsonl",
        [
            _event("feedback", "e3", timestamp="2026-11-01T12:00:00+02:00", thumb="up"),
            _event("interaction", "e2", timestamp="2026-11-01T09:30:00Z"),
            _event("behaviour", "e1", timestamp="2026-11-01T09:30:00Z", reading_time_ms=1500),
        ],
    )

    result = ingest_partition(tmp_path, DAY, KEY)

    assert result.events.schema == schema.events_arrow_schema()
    assert result.events.column("event_id").to_pylist() == ["e1", "e2", "e3"]
    assert result.events.column("timestamp").to_pylist() == [
        datetime(2026, 11, 1, 9, 30, tzinfo=UTC),
        datetime(2026, 11, 1, 9, 30, tzinfo=UTC),
        datetime(2026, 11, 1, 10, 0, tzinfo=UTC),
    ]
    feedback = result.events.slice(2, 1).to_pylist()[0]
    assert (feedback["event_type"], feedback["thumb"], feedback["rating"], feedback["prompt"]) == (
        "feedback",
        "up",
        4,
        None,
    )
    assert (result.read, result.valid, result.quarantined, result.duplicates) == (3, 3, 0, 0)
    assert result.quarantine.num_rows == 0
    assert result.files == [f"{DAY}/app.jsonl"]


_NO_EVENT_TYPE = {key: value for key, value in _event("feedback", "e1").items() if key != "event_type"}

# (test id, landing line, expected quarantine field, fragments the reason must contain)
_INVALID_LINES = [
    ("bad-json", '{"event_id": "e1", ', None, ["invalid JSON"]),
    ("nan-is-not-json", '{"latency_ms": NaN}', None, ["invalid JSON", "NaN"]),
    ("not-an-object", "[1, 2]", None, ["array, not an object"]),
    ("missing-field", _event("interaction", "e1", prompt=...), "prompt", ["prompt: Field required"]),
    ("rating-9", _event("feedback", "e1", rating=9), "rating", ["rating:", "less than or equal to 5", "9"]),
    ("bad-thumb", _event("feedback", "e1", thumb="sideways"), "thumb", ["thumb:", "'up' or 'down'"]),
    ("unknown-event-type", _event("click", "e1"), "event_type", ["event_type:", "'click'"]),
    ("no-event-type", _NO_EVENT_TYPE, "event_type", ["event_type: Field required"]),
    (
        "naive-timestamp",
        _event("feedback", "e1", timestamp="2026-11-01T09:30:00"),
        "timestamp",
        ["timestamp:", "must carry a time zone"],
    ),
    ("feedback-no-signal", _event("feedback", "e1", rating=...), None, ["carries none of thumb, rating"]),
    ("extra-field", _event("feedback", "e1", mood="grumpy"), "mood", ["mood:", "Extra inputs are not"]),
    ("version-2", _event("feedback", "e1", schema_version=2), "schema_version", ["unsupported version 2"]),
    (
        "version-as-string",
        _event("feedback", "e1", schema_version="1"),
        "schema_version",
        ["unsupported version '1'", "the JSON integer 1, not the string"],
    ),
]


# The landed lines of _INVALID_LINES that parse as JSON (NaN too: Python's parser reads it) are stored compact.
_COMPACT_JSON_LINES = {'{"latency_ms": NaN}': '{"latency_ms":NaN}', "[1, 2]": "[1,2]"}


def _compact(record: object) -> str:
    """A JSON value as a quarantined JSON line stores it."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize(
    ("line", "field", "reason_parts"),
    [pytest.param(line, field, parts, id=case_id) for case_id, line, field, parts in _INVALID_LINES],
)
def test_invalid_line_is_quarantined_with_field_and_reason(
    tmp_path: Path, line: dict | str, field: str | None, reason_parts: list[str]
) -> None:
    _land(tmp_path, "app.jsonl", [_event("behaviour", "ok-1"), line])
    # The stored line is the landed one with its ids pseudonymized, written back as compact JSON when it is JSON.
    ids = {key: pseudonymize(line[key], KEY) for key in ("user_id", "session_id") if isinstance(line, dict)}
    raw_line = _compact({**line, **ids}) if isinstance(line, dict) else _COMPACT_JSON_LINES.get(line, line)

    result = ingest_partition(tmp_path, DAY, KEY)

    assert (result.read, result.valid, result.quarantined, result.duplicates) == (2, 1, 1, 0)
    assert result.events.column("event_id").to_pylist() == ["ok-1"]
    [row] = result.quarantine.to_pylist()
    assert row["source_file"] == f"{DAY}/app.jsonl"
    assert row["line_number"] == 2
    assert row["field"] == field
    assert row["raw_line"] == raw_line
    for part in reason_parts:
        assert part in row["reason"]


def test_every_validation_error_is_listed_and_the_first_names_the_field(tmp_path: Path) -> None:
    _land(tmp_path, "app.jsonl", [_event("interaction", "e1", prompt=..., latency_ms=-5)])

    [row] = ingest_partition(tmp_path, DAY, KEY).quarantine.to_pylist()

    assert row["field"] == "prompt"
    assert "prompt: Field required" in row["reason"]
    assert "latency_ms: Input should be greater than or equal to 0 (got -5)" in row["reason"]


def test_a_line_with_thousands_of_errors_keeps_a_bounded_reason_and_field(tmp_path: Path) -> None:
    # A client bug that sends 5,000 unknown keys once stored every error: a reason of megabytes a line.
    unknown = {f"extra_field_number_{k}": k for k in range(5_000)}
    _land(tmp_path, "app.jsonl", [{**_event("behaviour", "e1"), "k" * 5_000: 1, **unknown}])

    [row] = ingest_partition(tmp_path, DAY, KEY).quarantine.to_pylist()

    assert row["field"] == "k" * 200 and row["reason"] == "k" * 4_000  # the first error alone fills it
    assert len(row["reason"]) <= 4_000


def test_a_line_with_thousands_of_unknown_keys_lists_twenty_and_counts_the_rest(tmp_path: Path) -> None:
    unknown = {f"extra_{k}": k for k in range(5_000)}
    _land(tmp_path, "app.jsonl", [{**_event("behaviour", "e1"), **unknown}])

    [row] = ingest_partition(tmp_path, DAY, KEY).quarantine.to_pylist()

    assert row["field"] == "extra_0" and "extra_19: Extra inputs are not permitted" in row["reason"]
    assert "extra_20:" not in row["reason"] and row["reason"].endswith("; and 4980 more errors")


def test_non_utf8_line_is_quarantined_not_fatal(tmp_path: Path) -> None:
    folder = tmp_path / DAY
    folder.mkdir()
    valid = json.dumps(_event("behaviour", "ok")).encode()
    (folder / "app.jsonl").write_bytes(b'{"event_id": "\xff"}\n' + valid)

    result = ingest_partition(tmp_path, DAY, KEY)

    assert (result.read, result.valid, result.quarantined) == (2, 1, 1)
    [row] = result.quarantine.to_pylist()
    assert (row["line_number"], row["field"]) == (1, None)
    assert "not UTF-8" in row["reason"]


def test_raw_line_is_truncated(tmp_path: Path) -> None:
    long_line = '{"comment": "' + "x" * 20_000
    _land(tmp_path, "app.jsonl", [long_line])

    [row] = ingest_partition(tmp_path, DAY, KEY).quarantine.to_pylist()

    assert row["raw_line"] == long_line[:10_000]


def test_counts_add_up_across_files_in_name_order(tmp_path: Path) -> None:
    _land(tmp_path, "b.jsonl", [_event("feedback", "b1"), "not json", "", _event("feedback", "a1")])
    _land(tmp_path, "a.jsonl", ["", _event("interaction", "a1"), "   ", "42", _event("behaviour", "a2")])
    (tmp_path / DAY / "notes.txt").write_text("not a landing file\n")
    (tmp_path / DAY / ".app.jsonl.partial").write_text("still being written\n")
    _land(tmp_path, ".c.jsonl", ["in-progress write"])

    result = ingest_partition(tmp_path, DAY, KEY)

    assert result.files == [f"{DAY}/a.jsonl", f"{DAY}/b.jsonl"]
    # Blank lines are not records but still advance the line numbers.
    assert [(r["source_file"], r["line_number"]) for r in result.quarantine.to_pylist()] == [
        (f"{DAY}/a.jsonl", 4),
        (f"{DAY}/b.jsonl", 2),
        (f"{DAY}/b.jsonl", 4),
    ]
    assert (result.read, result.valid, result.quarantined, result.duplicates) == (6, 3, 3, 0)
    assert result.read == result.valid + result.quarantined + result.duplicates
    assert result.events.num_rows == result.valid
    assert result.quarantine.num_rows == result.quarantined


def test_identical_duplicates_are_stored_once(tmp_path: Path) -> None:
    original = _event("feedback", "e1", thumb="down", timestamp="2026-11-01T09:30:00Z")
    # Same event, other key order and another spelling of the same instant: still the same content.
    same = dict(reversed(list({**original, "timestamp": "2026-11-01T10:30:00+01:00"}.items())))
    _land(tmp_path, "a.jsonl", [original, original])
    _land(tmp_path, "b.jsonl", [same])

    result = ingest_partition(tmp_path, DAY, KEY)

    assert (result.read, result.valid, result.quarantined, result.duplicates) == (3, 1, 0, 2)
    assert result.events.column("event_id").to_pylist() == ["e1"]


def test_conflicting_duplicate_is_quarantined_and_first_wins(tmp_path: Path) -> None:
    _land(tmp_path, "a.jsonl", [_event("behaviour", "other"), _event("feedback", "e1", rating=5)])
    _land(tmp_path, "b.jsonl", [_event("feedback", "e1", rating=1)])

    result = ingest_partition(tmp_path, DAY, KEY)

    assert (result.read, result.valid, result.quarantined, result.duplicates) == (3, 2, 1, 0)
    kept = [row for row in result.events.to_pylist() if row["event_id"] == "e1"]
    assert [row["rating"] for row in kept] == [5]
    [row] = result.quarantine.to_pylist()
    assert (row["source_file"], row["line_number"], row["field"]) == (f"{DAY}/b.jsonl", 1, "event_id")
    assert "'e1'" in row["reason"]
    assert f"{DAY}/a.jsonl:2" in row["reason"]
    assert "rating" in row["reason"]


def test_reruns_give_identical_tables(tmp_path: Path) -> None:
    _land(
        tmp_path,
        "app.jsonl",
        [_event("interaction", f"i{n}", timestamp=f"2026-11-01T0{n}:00:00Z") for n in range(5, 0, -1)]
        + ["broken", _event("feedback", "i1", rating=2), _event("feedback", "f1", thumb="up")],
    )

    first = ingest_partition(tmp_path, DAY, KEY)
    second = ingest_partition(tmp_path, DAY, KEY)

    assert first.events.equals(second.events)
    assert first.quarantine.equals(second.quarantine)
    assert first == second


def test_gzip_files_are_read(tmp_path: Path) -> None:
    folder = tmp_path / DAY
    folder.mkdir()
    payload = "\n".join(json.dumps(_event("behaviour", f"g{n}")) for n in range(3)) + "\n"
    (folder / "app.jsonl.gz").write_bytes(gzip.compress(payload.encode()))

    result = ingest_partition(tmp_path, DAY, KEY)

    assert result.files == [f"{DAY}/app.jsonl.gz"]
    assert result.events.column("event_id").to_pylist() == ["g0", "g1", "g2"]


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"definitely not gzip", id="corrupt"),
        pytest.param(gzip.compress(b"".join(b'{"n": %d}\n' % n for n in range(2000)))[:-20], id="truncated"),
    ],
)
def test_an_unreadable_gzip_is_quarantined_as_a_file_and_the_files_beside_it_ingested(
    tmp_path: Path, content: bytes
) -> None:
    _land(tmp_path, "a.jsonl", [_event("behaviour", "e1")])
    (tmp_path / DAY / "b.jsonl.gz").write_bytes(content)

    result = ingest_partition(tmp_path, DAY, KEY)

    assert result.events.column("event_id").to_pylist() == ["e1"]
    [row] = result.quarantine.to_pylist()
    assert (row["source_file"], row["line_number"], row["field"]) == (f"{DAY}/b.jsonl.gz", None, None)
    assert "not a readable gzip file" in row["reason"]
    assert (result.read, result.valid, result.quarantined) == (2, 1, 1)


@pytest.mark.parametrize("partition", ["2026-13-01", "2026-02-30", "20261101", "2026-11-1", "yesterday", ""])
def test_partition_must_be_an_iso_date(tmp_path: Path, partition: str) -> None:
    with pytest.raises(ValueError, match=f"partition '{partition}'"):
        ingest_partition(tmp_path, partition, KEY)


def test_missing_day_folder_means_no_traffic(tmp_path: Path) -> None:
    _land(tmp_path, "app.jsonl", [_event("behaviour", "e1")], day="2026-10-31")

    result = ingest_partition(tmp_path, DAY, KEY)

    assert (result.read, result.valid, result.quarantined, result.duplicates) == (0, 0, 0, 0)
    assert result.files == []
    assert result.events.schema == schema.events_arrow_schema()
    assert result.events.num_rows == 0
    assert result.quarantine.schema == quarantine_arrow_schema()
    assert result.quarantine.num_rows == 0


def test_a_file_that_cannot_be_opened_is_quarantined_as_a_file(tmp_path: Path, monkeypatch) -> None:
    _land(tmp_path, "a.jsonl", [_event("behaviour", "e1")])
    _land(tmp_path, "b.jsonl", [_event("behaviour", "e2")])
    real_open = os.open

    def refuse_b(path, flags, *args):
        # As root every permission check passes: the refusal is simulated.
        if str(path).endswith("b.jsonl"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse_b)

    result = ingest_partition(tmp_path, DAY, KEY)

    assert result.events.column("event_id").to_pylist() == ["e1"]
    [row] = result.quarantine.to_pylist()
    assert (row["source_file"], row["line_number"]) == (f"{DAY}/b.jsonl", None)
    assert "file is not readable" in row["reason"] and "Permission denied" in row["reason"]


def test_a_missing_landing_dir_is_an_empty_one(tmp_path: Path) -> None:
    result = ingest_partition(tmp_path / "nowhere", DAY, KEY)

    assert (result.read, result.events.num_rows, result.quarantine.num_rows, result.files) == (0, 0, 0, [])


def test_entries_at_the_top_of_landing_that_no_day_reads_are_named_with_the_reason(tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    _land(landing, "a.jsonl", [_event("behaviour", "e1")])
    for misnamed in ("2026-11-8", "nov-8", "2026-13-01"):
        _land(landing, "a.jsonl", [_event("behaviour", "e2")], day=misnamed)
    (landing / "loose.jsonl").write_text(json.dumps(_event("behaviour", "e3")) + "\n")
    (landing / "2026-11-02").write_text("")  # a file named as a day
    (landing / ".2026-11-03.partial").mkdir()  # a write in progress

    found = not_day_folders(DataStore(tmp_path).names("landing"))

    assert found == {
        "2026-11-02": "a file, not a day folder: a day's files go inside its folder",
        "2026-11-8": NOT_A_DAY_FOLDER,
        "2026-13-01": NOT_A_DAY_FOLDER,
        "loose.jsonl": NOT_A_DAY_FOLDER,
        "nov-8": NOT_A_DAY_FOLDER,
    }
    assert not_day_folders(DataStore(tmp_path).names("nowhere")) == {}
    # A day's ingestion lists them with its own skipped entries, their names redacted as those are.
    (landing / "jane.doe@example.com").mkdir()
    found = not_day_folders(DataStore(tmp_path).names("landing"))
    _land(landing, "notes.txt", ["not landing"])
    result = ingest_partition_file(landing, DAY, KEY, tmp_path / "work", landing_skipped=found)
    assert result.valid == 1
    assert result.skipped == {
        **{name: reason for name, reason in found.items() if "@" not in name},
        "<EMAIL>": NOT_A_DAY_FOLDER,
        f"{DAY}/notes.txt": "not named *.jsonl or *.jsonl.gz (names are case-sensitive)",
    }
    # Those at the top, the same on every day (a run warns of them once), apart from the day's own.
    assert sorted(result.landing_skipped) == sorted(set(result.skipped) - {f"{DAY}/notes.txt"})


def test_quarantine_schema_follows_the_declared_columns() -> None:
    assert tuple(quarantine_arrow_schema().names) == QUARANTINE_COLUMNS
    assert quarantine_arrow_schema().field("line_number").type == pa.int64()


def test_warehouse_round_trip_and_feedback_counts(tmp_path: Path) -> None:
    landing, warehouse = tmp_path / "landing", Warehouse(tmp_path / "warehouse")
    _land(
        landing,
        "app.jsonl",
        [_event("interaction", "i1"), _event("feedback", "f1"), _event("feedback", "f2", thumb="up"), "bad"],
    )
    _land(landing, "app.jsonl", [_event("feedback", "f3", comment="late but welcome")], day="2026-11-02")
    _land(landing, "app.jsonl", [_event("behaviour", "b1")], day="2026-11-03")
    assert feedback_counts(warehouse) == {}

    for day in ("2026-11-01", "2026-11-02", "2026-11-03"):
        result = ingest_partition(landing, day, KEY)
        warehouse.write_partition("events", day, result.events)
        warehouse.write_partition("quarantine", day, result.quarantine)

    first_day = ingest_partition(landing, DAY, KEY)
    stored = warehouse.read_partitions("events", [DAY])
    assert stored.drop_columns(["date"]).equals(first_day.events)
    quarantined = warehouse.read_partitions("quarantine", [DAY])
    assert quarantined.drop_columns(["date"]).equals(first_day.quarantine)
    assert feedback_counts(warehouse) == {"2026-11-01": 2, "2026-11-02": 1, "2026-11-03": 0}


# --- privacy: redaction and pseudonymization before anything is stored --------------------------------------

_PII_PROMPT = "I am jane.doe@example.com, call me on +44 20 7946 0958 about card 4111 1111 1111 1111"


def _private_day(landing: Path) -> list[Path]:
    """A day whose events carry PII in every free-text field, and lines that will be quarantined."""
    return [
        _land(
            landing,
            "app.jsonl",
            [
                _event(
                    "interaction",
                    "i1",
                    user_id="jane.doe@example.com",
                    session_id="sess-42",
                    prompt=_PII_PROMPT,
                    response="Sent a reset link to jane.doe@example.com.",
                ),
                _event(
                    "feedback",
                    "f1",
                    user_id="jane.doe@example.com",
                    thumb="down",
                    correction="Your IBAN DE89 3704 0044 0532 0130 00 is on file.",
                    comment="my SSN is 123-45-6789, password=hunter2",
                ),
                # Invalid (rating 9) and full of PII: quarantined, redacted, ids pseudonymized.
                _event("feedback", "bad", user_id="jane.doe@example.com", rating=9, comment="from 203.0.113.9"),
                # Not JSON, cut short inside the user id.
                '{"event_id": "cut", "user_id": "jane.doe@exam',
                # A number is no user id; the reason must not quote it.
                _event("behaviour", "num", user_id=5551234567),
            ],
        )
    ]


def test_events_store_placeholders_and_pseudonyms_not_pii(tmp_path: Path) -> None:
    _private_day(tmp_path)

    result = ingest_partition(tmp_path, DAY, KEY)

    events = {row["event_id"]: row for row in result.events.to_pylist()}
    interaction, feedback = events["i1"], events["f1"]
    assert interaction["prompt"] == "I am <EMAIL>, call me on <PHONE> about card <CARD>"
    assert interaction["response"] == "Sent a reset link to <EMAIL>."
    assert feedback["correction"] == "Your IBAN <IBAN> is on file."
    assert feedback["comment"] == "my SSN is <SSN>, password=<SECRET>"
    assert interaction["user_id"] == feedback["user_id"] == pseudonymize("jane.doe@example.com", KEY)
    assert interaction["session_id"] == pseudonymize("sess-42", KEY)
    assert interaction["user_id"].startswith("p_") and len(interaction["user_id"]) == 22
    stored = json.dumps(result.events.to_pylist() + result.quarantine.to_pylist(), default=str)
    for secret in (
        "jane.doe",
        "7946",
        "4111",
        "DE89",
        "123-45-6789",
        "hunter2",
        "203.0.113.9",
        "sess-42",
        "5551234567",
    ):
        assert secret not in stored, secret


def test_quarantined_lines_are_pseudonymized_and_redacted(tmp_path: Path) -> None:
    _private_day(tmp_path)
    jane = pseudonymize("jane.doe@example.com", KEY)

    quarantine = {row["line_number"]: row for row in ingest_partition(tmp_path, DAY, KEY).quarantine.to_pylist()}

    invalid = json.loads(quarantine[3]["raw_line"])
    assert (invalid["user_id"], invalid["comment"], invalid["rating"]) == (jane, "from <IP>", 9)
    assert quarantine[3]["field"] == "rating"
    cut = quarantine[4]["raw_line"]
    assert cut == '{"event_id": "cut", "user_id": "' + pseudonymize("jane.doe@exam", KEY) + '"'
    assert quarantine[5]["field"] == "user_id"
    assert "value withheld" in quarantine[5]["reason"] and "555" not in quarantine[5]["reason"]
    assert json.loads(quarantine[5]["raw_line"])["user_id"] == pseudonymize("5551234567", KEY)


def test_redaction_counts_cover_events_and_quarantine(tmp_path: Path) -> None:
    _private_day(tmp_path)

    result = ingest_partition(tmp_path, DAY, KEY)

    assert result.redactions == {
        "EMAIL": 2,
        "PHONE": 1,
        "CARD": 1,
        "IBAN": 1,
        "IP": 1,
        "SSN": 1,
        "SECRET": 1,
        "URL_CREDENTIALS": 0,
        # Types the lines plant none of: names, addresses, national ids, passports, dates of birth.
        **{kind: 0 for kind in ("NATIONAL_ID", "PASSPORT", "DOB", "ADDRESS", "PERSON")},
    }


def test_landing_files_are_never_modified(tmp_path: Path) -> None:
    files = _private_day(tmp_path)
    gz = tmp_path / DAY / "more.jsonl.gz"
    gz.write_bytes(gzip.compress(json.dumps(_event("feedback", "g1", comment="mail a@b.io")).encode()))
    before = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in [*files, gz]}

    ingest_partition(tmp_path, DAY, KEY)

    assert {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in before} == before
    assert sorted(path.name for path in (tmp_path / DAY).iterdir()) == ["app.jsonl", "more.jsonl.gz"]


def test_same_files_and_key_give_identical_tables_another_key_other_pseudonyms(tmp_path: Path) -> None:
    _private_day(tmp_path)

    first, second = ingest_partition(tmp_path, DAY, KEY), ingest_partition(tmp_path, DAY, KEY)
    other = ingest_partition(tmp_path, DAY, b"another-key")

    assert first == second
    assert first.events.equals(second.events) and first.quarantine.equals(second.quarantine)
    assert first.events["prompt"].equals(other.events["prompt"])
    assert set(first.events["user_id"].to_pylist()).isdisjoint(other.events["user_id"].to_pylist())


def test_events_differing_only_in_pii_conflict_rather_than_pass_as_duplicates(tmp_path: Path) -> None:
    _land(
        tmp_path,
        "app.jsonl",
        [
            _event("feedback", "e1", comment="write to ann@example.com"),
            _event("feedback", "e1", comment="write to bob@example.com"),
            _event("feedback", "e1", comment="write to ann@example.com"),
        ],
    )

    result = ingest_partition(tmp_path, DAY, KEY)

    assert (result.valid, result.quarantined, result.duplicates) == (1, 1, 1)
    assert result.events["comment"].to_pylist() == ["write to <EMAIL>"]
    [conflict] = result.quarantine.to_pylist()
    assert conflict["line_number"] == 2 and "comment" in conflict["reason"]
    assert "bob" not in conflict["raw_line"]


def _pay_with(separator: str) -> str:
    """A card, an SSN, an IP address and a phone number, each right after ``separator``."""
    return separator.join(
        ["Pay with:", "4111 1111 1111 1111 or", "123-45-6789 ip:", "10.1.2.3 call:", "+44 20 7946 0958"]
    )


_LANDED_IDS = {"user_id": pseudonymize("usr-1", KEY), "session_id": pseudonymize("ses-1", KEY)}


@pytest.mark.parametrize("separator", ["\n", "\t", "\u00a0"], ids=["newline", "tab", "no-break-space"])
def test_quarantined_json_line_is_redacted_decoded_not_as_escaped_text(tmp_path: Path, separator: str) -> None:
    line = _event("interaction", "i1", prompt=_pay_with(separator), latency_ms=-1)
    _land(tmp_path, "app.jsonl", [line])
    # As landed, a letter of the escape ("\n", "\t", "\u00a0") sits right before every number.
    assert json.dumps(separator)[1:-1] + "4111" in (tmp_path / DAY / "app.jsonl").read_text()

    result = ingest_partition(tmp_path, DAY, KEY)

    [row] = result.quarantine.to_pylist()
    for identifier in ("4111 1111 1111 1111", "123-45-6789", "10.1.2.3", "7946 0958"):
        assert identifier not in row["raw_line"], identifier
    redacted = f"Pay with:{separator}<CARD> or{separator}<SSN> ip:{separator}<IP> call:{separator}<PHONE>"
    assert row["raw_line"] == _compact({**line, **_LANDED_IDS, "prompt": redacted})
    assert {kind: result.redactions[kind] for kind in ("CARD", "SSN", "IP", "PHONE")} == {
        "CARD": 1,
        "SSN": 1,
        "IP": 1,
        "PHONE": 1,
    }


def test_quarantined_json_is_redacted_and_pseudonymized_at_any_depth(tmp_path: Path) -> None:
    context = {
        "user_id": "jane",
        "history": [{"session_id": 42, "note": "ip:\n10.1.2.3"}, ["mail\tjane.doe@example.com"]],
    }
    event = _event("feedback", "f1", context=context)  # an unknown field
    array = [{"user_id": ["jane", 7]}, "card:\n4111 1111 1111 1111"]  # not an object
    _land(tmp_path, "app.jsonl", [event, json.dumps(array)])
    jane = pseudonymize("jane", KEY)

    first, second = ingest_partition(tmp_path, DAY, KEY).quarantine.to_pylist()

    for identifier in ('"jane"', "jane.doe", "10.1.2.3", "4111 1111", '"session_id": 42'):
        assert identifier not in first["raw_line"] + second["raw_line"], identifier
    private_context = {
        "user_id": jane,
        "history": [{"session_id": pseudonymize("42", KEY), "note": "ip:\n<IP>"}, ["mail\t<EMAIL>"]],
    }
    assert first["raw_line"] == _compact({**event, **_LANDED_IDS, "context": private_context})
    assert first["field"] == "context"
    # The reason quotes the unknown field's value: with its ids pseudonymized too.
    assert "(got {'user_id': '" + jane in first["reason"] and "jane'" not in first["reason"]
    assert second["raw_line"] == _compact([{"user_id": [jane, pseudonymize("7", KEY)]}, "card:\n<CARD>"])


def test_a_lone_surrogate_in_a_quarantined_json_line_stays_escaped(tmp_path: Path) -> None:
    # Decoded, "\ud800" is a character that UTF-8, and so the quarantine table, cannot hold.
    line = json.dumps(_event("feedback", "f1", comment="bad \ud800 byte, mail jane.doe@example.com"))
    assert "\\ud800" in line
    _land(tmp_path, "app.jsonl", [line])

    [row] = ingest_partition(tmp_path, DAY, KEY).quarantine.to_pylist()

    assert row["field"] == "comment"
    assert '"comment":"bad \\ud800 byte, mail <EMAIL>"' in row["raw_line"]


def test_a_secret_named_only_by_its_member_is_redacted_in_a_quarantined_json_line(tmp_path: Path) -> None:
    auth = {"password": "hunter2xyz", "api_key": "k7x9q2w8e4r5"}
    _land(tmp_path, "app.jsonl", [_event("feedback", "f1", rating=9, auth=auth)])

    [row] = ingest_partition(tmp_path, DAY, KEY).quarantine.to_pylist()

    assert json.loads(row["raw_line"])["auth"] == {"password": "<SECRET>", "api_key": "<SECRET>"}


def test_a_line_that_is_not_json_is_redacted_as_text(tmp_path: Path) -> None:
    line = '{"user_id": "jane", "comment": "call +44 20 7946 0958 or mail jane.doe@example.com",'

    _land(tmp_path, "app.jsonl", [line])
    [row] = ingest_partition(tmp_path, DAY, KEY).quarantine.to_pylist()

    assert row["raw_line"] == (
        '{"user_id": "' + pseudonymize("jane", KEY) + '", "comment": "call <PHONE> or mail <EMAIL>",'
    )


def test_a_long_raw_line_is_cut_after_redaction_never_inside_a_placeholder(tmp_path: Path) -> None:
    # Each line is padded so that, redacted, its "<EMAIL>" starts 3 characters before the 10,000-character cut.
    text_head = '{"comment": "' + "x" * (9_996 - len('{"comment": "')) + " "
    text_line = text_head + "jane.doe@example.com and more"  # an unterminated string: not JSON
    unpadded = _compact({**_event("interaction", "i1", latency_ms=-1, prompt=" <EMAIL>"), **_LANDED_IDS})
    padding = "x" * (9_997 - unpadded.index("<EMAIL>"))
    json_line = _event("interaction", "i1", latency_ms=-1, prompt=padding + " jane.doe@example.com")
    _land(tmp_path, "app.jsonl", [text_line, json_line])

    text_row, json_row = ingest_partition(tmp_path, DAY, KEY).quarantine.to_pylist()

    assert text_row["raw_line"] == text_head
    stored = _compact({**json_line, **_LANDED_IDS, "prompt": padding + " <EMAIL>"})
    assert stored.index("<EMAIL>") == 9_997
    assert json_row["raw_line"] == stored[:9_997]


_PROMPT_TOKENS_NOT_AN_INTEGER = "prompt_tokens: Input should be a valid integer (got "


@pytest.mark.parametrize(
    ("padding", "identifier", "placeholder"),
    # Quoted as landed and cut to 77 characters, each identifier would be cut to a fragment no detector
    # recognises: "jane.doe@exam", "4111 1111 1111 ".
    [(62, "jane.doe@example.com", "<EMAIL>"), (60, "4111 1111 1111 1111", "<CARD>")],
    ids=["email", "card"],
)
def test_a_quoted_value_is_redacted_whole_before_it_is_cut(
    tmp_path: Path, padding: int, identifier: str, placeholder: str
) -> None:
    _land(tmp_path, "app.jsonl", [_event("interaction", "i1", prompt_tokens="x" * padding + " " + identifier)])

    [row] = ingest_partition(tmp_path, DAY, KEY).quarantine.to_pylist()

    assert _PROMPT_TOKENS_NOT_AN_INTEGER + repr("x" * padding + " " + placeholder) + ")" in row["reason"]


def test_a_quote_is_cut_before_a_placeholder_not_inside_it(tmp_path: Path) -> None:
    # Redacted, the quote is 82 characters, its "<EMAIL>" from character 74 to 81: across the cut at 77.
    _land(tmp_path, "app.jsonl", [_event("interaction", "i1", prompt_tokens="x" * 72 + " jane.doe@example.com")])

    result = ingest_partition(tmp_path, DAY, KEY)

    [row] = result.quarantine.to_pylist()
    assert _PROMPT_TOKENS_NOT_AN_INTEGER + "'" + "x" * 72 + " ...)" in row["reason"]
    assert result.redactions["EMAIL"] == 1  # the raw line's; the quote's was cut off, so it is not stored


def test_lines_nested_up_to_and_past_the_parsers_limit_are_quarantined_and_redacted(tmp_path: Path) -> None:
    # Around the parser's nesting limit the walk over a value, deeper in the stack, cannot always follow the
    # parser: the reason then quotes no content and the line is redacted as text. Past it, the line is not JSON.
    event = json.dumps(_event("feedback", "f1"))
    lines = [
        event[:-1] + ', "context": ' + "[" * depth + '"mail jane.doe@example.com"' + "]" * depth + "}"
        for depth in range(850, 1_010)
    ]
    _land(tmp_path, "app.jsonl", lines)

    result = ingest_partition(tmp_path, DAY, KEY)

    assert (result.quarantined, result.redactions["EMAIL"]) == (len(lines), len(lines))
    assert not any("jane" in row["reason"] + row["raw_line"] for row in result.quarantine.to_pylist())


@pytest.mark.parametrize("key", [b"", "a text key", None])
def test_pseudonym_key_must_be_non_empty_bytes(tmp_path: Path, key) -> None:
    with pytest.raises(ValueError, match="pseudonym_key"):
        ingest_partition(tmp_path, DAY, key)


def test_a_line_cut_short_has_its_string_literals_decoded_and_redacted(tmp_path: Path) -> None:
    # Not JSON any more (the app's write was cut), so no walk: each literal, the unterminated one too, is
    # decoded before redaction, or "\n4111..." and "\u0040" would hide the identifiers from the detectors.
    prompt = "x\n4111111111111111 or\n123-45-6789 mail jane.doe\u0040example.com call +44\u00a020\u00a07946\u00a00958"
    line = json.dumps(_event("interaction", "i1", prompt=prompt))
    cut = line[: line.index("0958") + 4]  # inside the prompt literal, which never closes
    _land(tmp_path, "app.jsonl", [cut])

    (row,) = ingest_partition(tmp_path, DAY, KEY).quarantine.to_pylist()

    for identifier in ("4111111111111111", "123-45-6789", "jane.doe", "7946"):
        assert identifier not in row["raw_line"], identifier
    assert "<CARD>" in row["raw_line"] and "<SSN>" in row["raw_line"] and "<EMAIL>" in row["raw_line"]
    assert row["raw_line"].endswith("<PHONE>")  # still unterminated, as landed


def test_an_identifier_in_a_quarantined_line_counts_once(tmp_path: Path) -> None:
    # The reason quotes the offending value and raw_line holds it too: one identifier, one redaction.
    _land(tmp_path, "app.jsonl", [json.dumps(_event("feedback", "f1", context="mail jane.doe@example.com"))])
    result = ingest_partition(tmp_path, DAY, KEY)
    (row,) = result.quarantine.to_pylist()
    assert "<EMAIL>" in row["raw_line"] and "<EMAIL>" in row["reason"]
    assert result.redactions["EMAIL"] == 1


def test_every_free_text_field_is_redacted(tmp_path: Path) -> None:
    event = _event("interaction", "i1", use_case="ask jane.doe@example.com", model_version="m 10.1.2.3")
    _land(tmp_path, "app.jsonl", [json.dumps(event)])
    (row,) = ingest_partition(tmp_path, DAY, KEY).events.to_pylist()
    assert (row["use_case"], row["model_version"]) == ("ask <EMAIL>", "m <IP>")


def test_an_event_an_earlier_day_landed_is_not_stored_again(tmp_path: Path) -> None:
    _land(tmp_path, "app.jsonl", [_event("feedback", "f1")], day="2026-10-31")
    _land(tmp_path, "app.jsonl", [json.dumps(_event("feedback", "f1")), json.dumps(_event("feedback", "f2"))])
    result = ingest_partition(tmp_path, DAY, KEY, [landed_day(tmp_path, "2026-10-31")])
    assert [row["event_id"] for row in result.events.to_pylist()] == ["f2"]
    assert (result.read, result.valid, result.duplicates, result.earlier_duplicates) == (2, 1, 0, 1)


@pytest.mark.parametrize(
    ("batch_rows", "bucket_bytes", "max_buckets"),
    [(2, 1, 256), (2, 700, 256), (2, 1, 2), (20_000, 32 * 1024 * 1024, 256)],
)
def test_rows_landed_in_order_and_out_of_order_are_stored_sorted_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch_rows: int, bucket_bytes: int, max_buckets: int
) -> None:
    # Stored rows that come in the events table's order are written as they are, without a sort; the order is
    # checked within and across batches (two rows a batch: the later batch below starts before the earlier
    # ends), and a day that is not in order is sorted. Event ids that a detector finds an identifier in become
    # pseudonyms, yet the rows sort by the ids as landed.
    # The sort orders keys only and gathers the rows in buckets of at most `bucket_bytes` of text (1: a row each).
    # Stored rows are checked a batch of the scan at a time: `batch_rows` lines, read 7 bytes at a time.
    monkeypatch.setattr(columnar, "READ_BYTES", 7)
    monkeypatch.setattr(columnar, "BATCH_LINES", batch_rows)
    monkeypatch.setattr("feedback_loop.ingest.landing._SORT_BATCH_ROWS", batch_rows)
    monkeypatch.setattr("feedback_loop.ingest.landing._SORT_BUCKET_BYTES", bucket_bytes)
    monkeypatch.setattr("feedback_loop.ingest.landing._MAX_SORT_BUCKETS", max_buckets)  # then neighbours merge
    times = ["2026-11-01T09:00:00Z", "2026-11-01T09:00:00Z", "2026-11-01T10:00:00Z", "2026-11-01T11:00:00Z"]
    ids = ["jane@example.org", "k", "b", "a"]  # the pseudonym, "p_...", would sort after "k"
    in_order = [_event("behaviour", event_id, timestamp=time) for event_id, time in zip(ids, times, strict=True)]
    _land(tmp_path / "ordered", "app.jsonl", in_order)
    swapped = in_order[2:] + in_order[:2]
    _land(tmp_path / "swapped", "app.jsonl", swapped)
    _land(tmp_path / "within", "app.jsonl", [in_order[1], in_order[0], *in_order[2:]])

    stored = [ingest_partition(tmp_path / name, DAY, KEY).events for name in ("ordered", "swapped", "within")]

    expected = [pseudonymize("jane@example.org", KEY), "k", "b", "a"]
    assert [events.column("event_id").to_pylist() for events in stored] == [expected] * 3
    assert stored[0].equals(stored[1]) and stored[0].equals(stored[2])


def test_a_day_of_wide_texts_landed_by_two_servers_sorts_within_duckdbs_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rows passed whole through DuckDB's sort once: two servers' interleaved rows of 900 KB failed at 256 MB. The
    # same at a smaller scale: 40 MB of rows of 1 MB in a 16 MB budget (32 MB for the retry).
    monkeypatch.setattr("feedback_loop.ingest.landing._DUCKDB_MEMORY", "16MB")
    monkeypatch.setattr("feedback_loop.ingest.landing._LARGE_SORT_MEMORY", "32MB")
    text = ("The quick brown fox jumps over the lazy dog. " * 23_000)[:1_000_000]
    for server in (1, 2):
        lines = [
            _event("feedback", f"s{server}-{i}", timestamp=f"2026-11-01T09:{2 * i + server - 1:02d}:00Z", comment=text)
            for i in range(20)
        ]
        _land(tmp_path, f"server-{server}.jsonl", lines)

    events = ingest_partition(tmp_path, DAY, KEY).events

    assert events.num_rows == 40
    assert events.column("timestamp").to_pylist() == sorted(events.column("timestamp").to_pylist())


@pytest.mark.parametrize("held", [1, 2_500])
def test_quarantine_rows_spooled_to_their_work_file_come_back_in_line_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, held: int
) -> None:
    # Rows beyond `held` bytes go to a work file (a day of broken lines is not held in memory; 1: each row, 2,500:
    # two or three); the quarantine is the same, in the order of the lines, with the scan's problems and the
    # conflicts judged after the scan.
    _land(tmp_path, "a.jsonl", ["not json", _event("feedback", "f1"), "{}", _event("feedback", "f2", rating=2)])
    _land(tmp_path, "b.jsonl", [_event("feedback", "f1", rating=1), "[1]", "x" * 50])
    expected = ingest_partition(tmp_path, DAY, KEY).quarantine
    monkeypatch.setattr("feedback_loop.ingest.landing._QUARANTINE_BYTES_HELD", held)

    spooled = ingest_partition(tmp_path, DAY, KEY)

    assert spooled.quarantine.equals(expected) and spooled.quarantined == expected.num_rows == 5
    rows = [(row["source_file"], row["line_number"]) for row in spooled.quarantine.to_pylist()]
    assert rows == [(f"{DAY}/a.jsonl", 1), (f"{DAY}/a.jsonl", 3), (f"{DAY}/b.jsonl", 1), (f"{DAY}/b.jsonl", 2),
                    (f"{DAY}/b.jsonl", 3)]  # fmt: skip


def test_wide_quarantine_rows_go_to_their_work_file_and_back_in_bounded_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A quarantine row keeps up to 10,000 characters of its line: 40 KB in 4-byte characters. Held 2,000 at a time,
    # 6,000 such rows took a day's peak to 680 MB; read back pre-buffered (pyarrow keeps each row group it read until
    # the end), the whole work file was in memory while the rows were sorted. Here 60 rows (2.4 MB) spooled in
    # 200 KB and sorted in buckets of 400 KB, read two rows at a time.
    monkeypatch.setattr(landing, "_QUARANTINE_BYTES_HELD", 200_000)
    monkeypatch.setattr(landing, "_SORT_BUCKET_BYTES", 400_000)
    _land(tmp_path, "app.jsonl", ['{"comment": "' + "\U0001f600" * 12_000 + str(line) for line in range(60)])
    spooled_groups: list[int] = []
    write_in_order = landing._write_in_order

    def spooled(connection: object, source: Path, *args: object) -> None:
        metadata = pq.ParquetFile(source).metadata
        spooled_groups.extend(metadata.row_group(group).total_byte_size for group in range(metadata.num_row_groups))
        write_in_order(connection, source, *args)

    allocated: list[int] = []  # Arrow's memory in use as each piece is scattered to its sort bucket
    new_file = pa.ipc.new_file

    class Sampled:
        def __init__(self, *args: object) -> None:
            self._writer = new_file(*args)

        def write_batch(self, batch: pa.RecordBatch) -> None:
            allocated.append(pa.total_allocated_bytes())
            self._writer.write_batch(batch)

        def close(self) -> None:
            self._writer.close()

    monkeypatch.setattr(landing, "_write_in_order", spooled)
    monkeypatch.setattr(pa.ipc, "new_file", Sampled)
    before = pa.total_allocated_bytes()

    result = ingest_partition(tmp_path, DAY, KEY)

    assert result.quarantined == 60 and len(result.quarantine["raw_line"][0].as_py()) == 10_000
    assert len(spooled_groups) > 5 and max(spooled_groups) < 300_000, spooled_groups  # the budget and a row
    assert max(allocated) - before < 1_000_000, max(allocated) - before  # about a row group, never the 2.4 MB


def test_long_lines_read_again_for_their_reasons_are_never_held_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A conflicting event id and a re-sent interaction are described from their lines, read again from the landing
    # files after the scan; held together, 800 long copies took a day's peak from 620 to 964 MB. Here 20 copies made
    # 500 KB long with white space (which redaction passes quickly), 10 MB, and the scan's batches cut at each 1 MiB
    # read: the peak of Python's memory is a batch or a line or two, never the copies together.
    monkeypatch.setattr(columnar, "BATCH_BYTES", 1)
    _land(tmp_path, "a.jsonl", [_event("interaction", f"e{i}", interaction_id=f"i{i}") for i in range(20)])
    ids = [f"e{i}" if i % 2 else f"new-{i}" for i in range(20)]  # odd: the event id again, even: the interaction's
    copies = [_event("interaction", event_id, interaction_id=f"i{i}", prompt="Hi") for i, event_id in enumerate(ids)]
    _land(tmp_path, "b.jsonl", ["{" + " " * 500_000 + json.dumps(copy)[1:] for copy in copies])
    ingest_partition(tmp_path, DAY, KEY)  # warm: the detectors compile their patterns once

    tracemalloc.start()
    result = ingest_partition(tmp_path, DAY, KEY)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    assert (result.valid, result.quarantined) == (20, 20)
    reasons = [row["reason"] for row in result.quarantine.to_pylist()]
    assert "already names interaction event 'e0' (2026-11-01/a.jsonl:1)" in reasons[0]
    assert "was first seen (2026-11-01/a.jsonl:2) with different content (prompt differ)" in reasons[1]
    assert peak < 8 * (1 << 20), peak  # the copies are 10 MB


def test_stored_rows_are_redacted_a_batch_of_the_scan_at_most_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Landed rows were read back for redaction 20,000 at a time, whatever their size: the long lines of a day, stored
    # or quarantined after the scan, were read together (800 of up to 1 MiB: 1.8 GB). A batch is now a row group of
    # the landed rows, a batch of the scan, which ends here at each 1 MiB read.
    monkeypatch.setattr(columnar, "BATCH_BYTES", 1)
    text = "The quick brown fox jumps over the lazy dog. " * 6_700
    _land(tmp_path, "app.jsonl", [_event("feedback", f"f{i}", comment=text) for i in range(12)])
    redacted: list[int] = []
    private_rows = landing._private_rows

    def recorded(rows: pa.Table, privacy: object) -> tuple[pa.Table, pa.Table]:
        redacted.append(rows.nbytes)
        return private_rows(rows, privacy)

    monkeypatch.setattr(landing, "_private_rows", recorded)

    assert ingest_partition(tmp_path, DAY, KEY).valid == 12
    assert len(redacted) > 1 and max(redacted) < 2 * columnar.READ_BYTES, redacted  # never the day's 3.6 MB
