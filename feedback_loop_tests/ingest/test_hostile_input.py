"""Ingestion under hostile input (issue 9): no line, file or link fails a day, and every one is accounted for."""

from __future__ import annotations

import gzip
import json
import time
import tracemalloc
from pathlib import Path

import pyarrow as pa
import pytest

from feedback_loop.ingest import IngestSpec, ingest_partition, landed_day
from feedback_loop.privacy import pseudonymize
from feedback_loop.warehouse import Warehouse
from feedback_loop_tests.ingest.fuzz_corpus import (
    DAY,
    NEXT_DAY,
    SECRET_EMAIL,
    SECRET_SESSION_ID,
    SECRET_USER_ID,
    feedback,
    interaction,
    write_fuzz_corpus,
)

KEY = b"test-pseudonym-key"
# The pattern tier: these tests are about reading and validating, not about the named-entity model.
SPEC = IngestSpec(redaction_tier="patterns")


def _land(landing: Path, name: str, lines: list[str | dict], day: str = DAY) -> Path:
    folder = landing / day
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines))
    return path


def _ingest(landing: Path, day: str = DAY, earlier=(), spec: IngestSpec = SPEC):
    return ingest_partition(landing, day, KEY, earlier, spec)


def _with(event: dict, field: str, value_json: str) -> str:
    """``event`` as a JSON line with ``field`` written as the JSON text ``value_json``."""
    return json.dumps({**event, field: "__value__"}).replace('"__value__"', value_json)


def test_the_fuzz_corpus_is_ingested_whole_and_every_line_accounted_for(tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    corpus = write_fuzz_corpus(landing, tmp_path / "outside")
    assert corpus.malformed_inputs >= 100
    warehouse = Warehouse(tmp_path / "warehouse")

    earlier = []
    for day in (DAY, NEXT_DAY):
        result = _ingest(landing, day, earlier)
        earlier.append(result.landed)
        assert result.read == result.valid + result.quarantined + result.duplicates + result.earlier_duplicates
        assert set(result.events["event_id"].to_pylist()) == corpus.stored[day]
        assert result.quarantined == corpus.quarantined_lines[day] + corpus.unreadable_files[day]
        assert (result.duplicates, result.earlier_duplicates) == (
            corpus.duplicates[day],
            corpus.earlier_duplicates[day],
        )
        assert set(result.skipped) == corpus.skipped[day]
        # Both tables store: no surrogate, overlong integer or infinity left in them.
        warehouse.write_partition("events", day, result.events)
        warehouse.write_partition("quarantine", day, result.quarantine)
        stored = json.dumps([*result.events.to_pylist(), *result.quarantine.to_pylist()], default=str)
        for secret in (SECRET_USER_ID, SECRET_SESSION_ID, SECRET_EMAIL, "user7:x:7:7", "foreign-1"):
            assert secret not in stored


@pytest.mark.parametrize(
    ("field", "value_json", "reason"),
    [
        ("prompt_tokens", '"14"', "valid integer"),
        ("prompt_tokens", "14.5", "must be a whole number (got 14.5)"),
        ("prompt_tokens", "-1.0", "greater than or equal to 0"),
        ("prompt_tokens", "true", "valid integer"),
        ("prompt_tokens", str(2**63), "less than or equal to 2147483647"),
        ("completion_tokens", str(2**31), "less than or equal to 2147483647"),
        ("latency_ms", "1e308", "less than or equal to 1000000000000"),
        ("prompt_tokens", "7" * 5000, "valid integer (got '77777777777777777777... (5,000 characters)')"),
        ("latency_ms", "1e999", "finite number"),
        ("latency_ms", '"inf"', "valid number"),
        ("timestamp", "1730000000", "ISO 8601"),
        ("timestamp", '"1730000000"', "ISO 8601"),
        ("timestamp", '"9999-12-31T23:59:59-05:00"', "years 2000 to 2099"),
        ("timestamp", '"0001-01-01T00:00:00+05:00"', "years 2000 to 2099"),
        ("event_id", '"   "', "must not be blank"),
        ("interaction_id", '"\\t"', "must not be blank"),
        ("response", '"ok \\ud800"', "lone surrogate"),
        ("adapter_version", '"\\udfff"', "unicode"),
        # A blank version names no adapter: KPIs would count its traffic as an arm of its own, not the base model's.
        ("adapter_version", '""', "at least 1 character"),
        ("adapter_version", '"   "', "must not be blank"),
        ("prompt", '"\\ud800"', "unicode"),
    ],
)
def test_strict_validation_quarantines_what_it_used_to_coerce_or_crash_on(
    tmp_path: Path, field: str, value_json: str, reason: str
) -> None:
    _land(tmp_path, "app.jsonl", [interaction("ok", "i-ok"), _with(interaction("bad", "i-bad"), field, value_json)])

    result = _ingest(tmp_path)

    assert result.events["event_id"].to_pylist() == ["ok"]
    [row] = result.quarantine.to_pylist()
    assert (row["line_number"], row["field"]) == (2, field)
    assert reason in row["reason"]
    Warehouse(tmp_path / "warehouse").write_partition("quarantine", DAY, result.quarantine)


@pytest.mark.parametrize(
    ("value_json", "reason"),
    [
        ('"5"', "Input should be a valid integer"),
        ("true", "Input should be a valid integer"),
        ("4.5", "must be a whole number (got 4.5)"),
    ],
)
def test_a_rating_is_a_whole_json_number(tmp_path: Path, value_json: str, reason: str) -> None:
    _land(tmp_path, "app.jsonl", [_with(feedback("f", "i", thumb=None), "rating", value_json)])

    [row] = _ingest(tmp_path).quarantine.to_pylist()

    assert (row["field"], f"rating: {reason}" in row["reason"]) == ("rating", True)


def test_the_largest_count_and_duration_and_integer_latencies_are_valid(tmp_path: Path) -> None:
    _land(tmp_path, "app.jsonl", [interaction("e", "i", prompt_tokens=2**31 - 1, latency_ms=10**12)])

    [row] = _ingest(tmp_path).events.to_pylist()

    assert (row["prompt_tokens"], row["latency_ms"]) == (2**31 - 1, 1e12)


def test_the_timestamp_years_are_configurable(tmp_path: Path) -> None:
    _land(tmp_path, "app.jsonl", [interaction("e", "i")])
    narrow = IngestSpec(redaction_tier="patterns", first_timestamp_year=2027, last_timestamp_year=2030)

    [row] = _ingest(tmp_path, spec=narrow).quarantine.to_pylist()

    assert row["field"] == "timestamp" and "years 2027 to 2030" in row["reason"]
    with pytest.raises(ValueError, match="first_timestamp_year"):
        IngestSpec(first_timestamp_year=2050, last_timestamp_year=2049)


_TWENTY_MB = 20 * (1 << 20)


@pytest.mark.parametrize(
    "line",
    [
        pytest.param(lambda: json.dumps(interaction("big", "i", prompt="x" * _TWENTY_MB)), id="valid"),
        pytest.param(lambda: json.dumps(interaction("big", "i", prompt_tokens="x" * _TWENTY_MB)), id="invalid"),
        pytest.param(lambda: '{"prompt_tokens": "' + "7" * _TWENTY_MB, id="unterminated-digits"),
    ],
)
def test_a_20_mb_line_costs_little_cpu_and_little_memory(tmp_path: Path, line) -> None:
    _land(tmp_path, "app.jsonl", [line(), interaction("after", "i-after")])
    _ingest(tmp_path)  # warm: the detectors compile their patterns once

    started = time.process_time()
    result = _ingest(tmp_path)
    seconds = time.process_time() - started
    tracemalloc.start()
    _ingest(tmp_path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    assert result.events["event_id"].to_pylist() == ["after"]
    [row] = result.quarantine.to_pylist()
    assert row["field"] is None and "longer than max_line_bytes (1,048,576)" in row["reason"]
    assert seconds < 1.5, seconds  # CPU-seconds: a pass over the whole line would take many
    assert peak < 8 * (1 << 20), peak  # the 1 MiB limit and 64 KiB chunks, never the 20 MB line


def test_an_oversize_line_is_quarantined_as_a_redacted_excerpt(tmp_path: Path) -> None:
    spec = IngestSpec(redaction_tier="patterns", max_line_bytes=4096)
    line = json.dumps(interaction("big", "i", prompt=f"write to {SECRET_EMAIL} " + "y" * 10_000))
    _land(tmp_path, "app.jsonl", [line])

    result = _ingest(tmp_path, spec=spec)

    [row] = result.quarantine.to_pylist()
    assert "longer than max_line_bytes (4,096)" in row["reason"]
    assert len(row["raw_line"]) <= 2_000
    assert SECRET_EMAIL not in row["raw_line"] and "<EMAIL>" in row["raw_line"]
    assert SECRET_USER_ID not in row["raw_line"] and pseudonymize(SECRET_USER_ID, KEY) in row["raw_line"]


def test_symlinks_are_never_followed_and_every_skipped_entry_is_listed(tmp_path: Path) -> None:
    landing, outside = tmp_path / "landing", tmp_path / "outside"
    outside.mkdir()
    (outside / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\n")
    _land(outside, "foreign.jsonl", [interaction("foreign", "foreign")])
    day = _land(landing, "app.jsonl", [interaction("ok", "i")]).parent
    (day / "passwd.jsonl").symlink_to(outside / "passwd")
    (day / "foreign.jsonl").symlink_to(outside / DAY / "foreign.jsonl")
    (day / "dangling.jsonl").symlink_to(tmp_path / "gone.jsonl")
    (day / "APP.JSONL").write_text("{}\n")
    (day / "app.json").write_text("{}\n")
    (day / ".app.jsonl").write_text("{}\n")
    (day / "nested.jsonl").mkdir()
    # A day folder that is itself a link is not followed either.
    (landing / NEXT_DAY).symlink_to(outside / DAY)

    result = _ingest(landing)

    assert result.events["event_id"].to_pylist() == ["ok"]
    assert (result.read, result.quarantined) == (1, 0)
    assert result.skipped == {
        f"{DAY}/.app.jsonl": "a dot-file: a write still in progress or a hidden file",
        f"{DAY}/APP.JSONL": "not named *.jsonl or *.jsonl.gz (names are case-sensitive)",
        f"{DAY}/app.json": "not named *.jsonl or *.jsonl.gz (names are case-sensitive)",
        f"{DAY}/dangling.jsonl": "a symbolic link; links are not followed (and this one is dangling)",
        f"{DAY}/foreign.jsonl": "a symbolic link; links are not followed",
        f"{DAY}/nested.jsonl": "not a regular file",
        f"{DAY}/passwd.jsonl": "a symbolic link; links are not followed",
    }
    linked_day = _ingest(landing, NEXT_DAY)
    assert (linked_day.read, linked_day.skipped) == (0, {NEXT_DAY: "a symbolic link; links are not followed"})


def test_a_byte_order_mark_does_not_cost_the_first_event(tmp_path: Path) -> None:
    folder = tmp_path / DAY
    folder.mkdir()
    lines = [json.dumps(interaction(f"e{n}", f"i{n}")).encode() for n in range(2)]
    (folder / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + b"\r\n".join(lines))
    (folder / "bom.jsonl.gz").write_bytes(gzip.compress(b"\xef\xbb\xbf" + json.dumps(interaction("g", "g")).encode()))

    result = _ingest(tmp_path)

    assert sorted(result.events["event_id"].to_pylist()) == ["e0", "e1", "g"]
    assert result.quarantined == 0


def test_an_interaction_re_sent_under_a_new_event_id_keeps_its_first_event(tmp_path: Path) -> None:
    _land(tmp_path, "a.jsonl", [interaction("first", "i1", response="one")])
    _land(tmp_path, "b.jsonl", [interaction("second", "i1", response="two"), feedback("f", "i1")])

    result = _ingest(tmp_path)

    assert sorted(result.events["event_id"].to_pylist()) == ["f", "first"]
    [row] = result.quarantine.to_pylist()
    assert (row["source_file"], row["line_number"], row["field"]) == (f"{DAY}/b.jsonl", 1, "interaction_id")
    assert "'first'" in row["reason"] and f"{DAY}/a.jsonl:1" in row["reason"] and "'second'" in row["reason"]


def test_an_earlier_days_events_re_sent_changed_or_under_a_new_id_are_quarantined(tmp_path: Path) -> None:
    _land(tmp_path, "app.jsonl", [interaction("e1", "i1"), feedback("f1", "i1", rating=4)])
    _land(
        tmp_path,
        "retry.jsonl",
        [feedback("f1", "i1", rating=1), interaction("e1-again", "i1"), interaction("e1", "i1")],
        day=NEXT_DAY,
    )

    result = _ingest(tmp_path, NEXT_DAY, [landed_day(tmp_path, DAY, SPEC)])

    assert result.events.num_rows == 0
    assert (result.read, result.quarantined, result.earlier_duplicates) == (3, 2, 1)
    changed, resent = result.quarantine.to_pylist()
    assert changed["field"] == "event_id" and f"landed {DAY}, {DAY}/app.jsonl:2" in changed["reason"]
    assert "rating differ" in changed["reason"]
    assert resent["field"] == "interaction_id" and "'e1'" in resent["reason"]


def test_a_day_reads_the_same_whatever_was_ingested_before(tmp_path: Path) -> None:
    _land(tmp_path, "app.jsonl", [interaction("e1", "i1"), feedback("f1", "i1")])
    _land(tmp_path, "app.jsonl", [feedback("f1", "i1"), feedback("f2", "i1")], day=NEXT_DAY)

    alone = landed_day(tmp_path, DAY, SPEC)
    after_ingestion = _ingest(tmp_path, DAY).landed

    assert alone == after_ingestion
    assert _ingest(tmp_path, NEXT_DAY, [alone]).events["event_id"].to_pylist() == ["f2"]


@pytest.mark.parametrize(
    "line",
    [
        pytest.param(repr(interaction("r", "i")), id="python-repr"),
        pytest.param(
            '{"user\\u005fid": "' + SECRET_USER_ID + '", "session\\u005fid": "' + SECRET_SESSION_ID + '", "x": "cut',
            id="escaped-keys-cut-short",
        ),
        pytest.param(f"user_id={SECRET_USER_ID} session_id={SECRET_SESSION_ID} prompt=hi", id="log-line"),
        pytest.param("{'user_id': '" + SECRET_USER_ID + "', 'session_id': '" + SECRET_SESSION_ID, id="repr-cut-short"),
    ],
)
def test_a_quarantined_line_of_any_shape_hides_the_raw_ids(tmp_path: Path, line: str) -> None:
    _land(tmp_path, "app.jsonl", [line])

    [row] = _ingest(tmp_path).quarantine.to_pylist()

    stored = row["raw_line"] + row["reason"]
    assert SECRET_USER_ID not in stored and SECRET_SESSION_ID not in stored
    assert pseudonymize(SECRET_USER_ID, KEY) in row["raw_line"]
    assert pseudonymize(SECRET_SESSION_ID, KEY) in row["raw_line"]


def test_the_adapter_version_is_redacted_before_storage(tmp_path: Path) -> None:
    _land(tmp_path, "app.jsonl", [interaction("e", "i", adapter_version=f"lora {SECRET_EMAIL}")])

    [row] = _ingest(tmp_path).events.to_pylist()

    assert row["adapter_version"] == "lora <EMAIL>"


def test_tables_of_a_hostile_day_convert_to_arrow_and_back(tmp_path: Path) -> None:
    write_fuzz_corpus(tmp_path / "landing", tmp_path / "outside")
    result = _ingest(tmp_path / "landing")
    for table in (result.events, result.quarantine):
        assert pa.Table.from_pylist(table.to_pylist(), schema=table.schema).equals(table)


def test_a_long_line_under_the_limit_is_redacted_only_as_far_as_it_is_kept(tmp_path: Path) -> None:
    # A megabyte of words under the line limit, with an e-mail address at the start and one far in.
    words = "word " * 7_990 + SECRET_EMAIL + " " + "word " * 200_000
    line = json.dumps(interaction("long", "i", prompt_tokens=f"{SECRET_EMAIL} {words}"))
    _land(tmp_path, "app.jsonl", [line])
    _ingest(tmp_path)

    started = time.process_time()
    [row] = _ingest(tmp_path).quarantine.to_pylist()
    seconds = time.process_time() - started

    assert seconds < 1.5, seconds  # CPU-seconds: a pass over the whole line would take many
    assert len(row["raw_line"]) <= 10_000 and "<EMAIL>" in row["raw_line"] and "<EMAIL>" in row["reason"]
    stored = row["raw_line"] + row["reason"]
    for fragment in (SECRET_EMAIL, SECRET_EMAIL[:12], SECRET_USER_ID):
        assert fragment not in stored


def test_skipped_names_that_redact_alike_are_all_listed(tmp_path):
    landing = tmp_path / "landing"
    day = _land(landing, "app.jsonl", [interaction("ok", "i")]).parent
    (day / "jane@example.org.txt").write_text("{}\n")
    (day / "john@example.org.txt").write_text("{}\n")

    result = _ingest(landing)

    assert result.skipped == {
        f"{DAY}/<EMAIL>": "not named *.jsonl or *.jsonl.gz (names are case-sensitive)",
        f"{DAY}/<EMAIL> (2)": "not named *.jsonl or *.jsonl.gz (names are case-sensitive)",
    }
