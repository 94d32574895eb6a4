"""The fast path of ingestion (columnar.py) accepts only what the contract accepts, and reads it as the contract
does; batches and hashes change how fast a day is judged, never how."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from feedback_loop import schema
from feedback_loop.ingest import IngestSpec, LineProblem, columnar, ingest_partition, parse_line
from feedback_loop.ingest.bench import BENCH_PARTITION, BENCH_PSEUDONYM_KEY, write_landing_day
from feedback_loop.ingest.columnar import LineBatch, fast_rows

SPEC = IngestSpec()
DAY = "2026-11-01"
KEY = b"test-pseudonym-key"


def _fast(lines: list[bytes]) -> tuple[list[dict], list[int]]:
    table, slow = fast_rows(LineBatch(list(range(1, len(lines) + 1)), lines, {}), *schema.TIMESTAMP_YEARS)
    return table.to_pylist(), slow


def _contract_row(line: bytes) -> dict:
    event = parse_line(line, SPEC)
    assert not isinstance(event, LineProblem), (line, event)
    return schema.event_to_row(event)


def _line(event_type: str = "feedback", **fields) -> bytes:
    record = {
        "schema_version": 1,
        "event_id": "e1",
        "event_type": event_type,
        "timestamp": "2026-11-01T09:30:00Z",
        "interaction_id": "i1",
        "session_id": "s1",
        "user_id": "u1",
        **({"thumb": "up"} if event_type == "feedback" else {}),
        **fields,
    }
    return json.dumps({key: value for key, value in record.items() if value is not ...}).encode()


def test_every_row_the_fast_path_accepts_is_the_row_the_contract_gives(tmp_path: Path) -> None:
    write_landing_day(tmp_path, 2000, seed=3)
    files = sorted((tmp_path / BENCH_PARTITION).iterdir())
    lines = [line for path in files for line in path.read_bytes().splitlines()]

    rows, slow = _fast(lines)

    assert len(rows) > 1900
    for row in rows:
        assert row == _contract_row(lines[row.pop("_line")])
    assert all(isinstance(parse_line(lines[index], SPEC), LineProblem) for index in slow)


_INTERACTION = {
    "thumb": ...,
    "use_case": "support",
    "prompt": "p",
    "system_prompt_version": "v3",
    "response": "r",
    "model_version": "m",
    "latency_ms": 1,
    "prompt_tokens": 12,
    "completion_tokens": 7,
}

# Lines the contract reads in ways the fast path does not check line by line: each must go to the slow path.
_UNCERTAIN = [
    _line(event_id="  "),
    _line(event_id="\x1c"),
    _line(session_id="\u3000"),
    _line(comment="\u2028"),
    _line(timestamp="2026-11-01t09:30:00Z"),
    _line(timestamp="2026-11-01 09:30:00Z"),
    _line(timestamp="2026-11-01T09:30Z"),
    _line(timestamp="2026-02-30T09:30:00Z"),
    _line(timestamp="2026-11-01T09:30:00.1234567Z"),
    _line(timestamp="2099-12-31T23:30:00-01:00"),
    _line(timestamp="2026-11-01T09:30:00"),
    _line(thumb=...),
    _line("behaviour"),
    _line(rating=True),
    _line(rating=6),
    _line(schema_version=2),
    _line(extra="field"),
    _line(prompt="a feedback has no prompt"),
    _line("behaviour", reading_time_ms=1e13),
    _line("behaviour", reading_time_ms=-1),
    _line("interaction", **{**_INTERACTION, "prompt_tokens": 12.5}),
    _line("interaction", **{**_INTERACTION, "completion_tokens": 2.0**31}),
    _line("interaction", **{**_INTERACTION, "completion_tokens": -1.0}),
    _line(rating=4.5),
    _line(rating=6.0),
    _line(rating=0.0),
    b'{"event_type": "feedback", "event_type": "behaviour", "action": "copy"}',
    b'{"event_id": "\\ud800"}',
    b"[1, 2]",
    b"{" * 100_000,
]


@pytest.mark.parametrize("line", _UNCERTAIN, ids=range(len(_UNCERTAIN)))
def test_what_the_fast_path_cannot_be_sure_of_goes_to_the_contract(line: bytes) -> None:
    rows, slow = _fast([line])
    assert (rows, slow) == ([], [0])


# Lines the fast path takes: the same rows as the contract's.
_CERTAIN = [
    _line(rating=4.0),  # JSON has one number type: a whole float is the count (or rating) it writes
    _line("interaction", **{**_INTERACTION, "prompt_tokens": 12.0, "completion_tokens": -0.0}),
    _line("interaction", **{**_INTERACTION, "completion_tokens": float(2**31 - 1)}),
    _line(timestamp="1999-12-31T23:30:00-01:00"),
    _line(timestamp="2026-11-01T09:30:00.5+02:00"),
    _line(rating=5, thumb=None, flag="other"),
    _line("behaviour", reading_time_ms=5, outcome="resolved"),
    _line("behaviour", reading_time_ms=-0.0),
    _line(comment=" padded but not blank ", correction="x"),
    b'{"schema_version": 1, "event_id": "e1", "event_id": "e2", "event_type": "feedback", "thumb": "down",'
    b' "timestamp": "2026-11-01T09:30:00Z", "interaction_id": "i", "session_id": "s", "user_id": "u"}',
    _line(
        "interaction",
        thumb=...,
        use_case="support",
        user_segment=None,
        prompt="caf\u00e9 \U0001f600",
        system_prompt_version="v3",
        response="",
        model_version="m",
        adapter_version="a",
        latency_ms=0,
        prompt_tokens=0,
        completion_tokens=2**31 - 1,
    ),
]


@pytest.mark.parametrize("line", _CERTAIN, ids=range(len(_CERTAIN)))
def test_what_the_fast_path_takes_it_reads_as_the_contract_does(line: bytes) -> None:
    [row], slow = _fast([line])
    assert slow == []
    del row["_line"]
    assert row == _contract_row(line)


def test_a_batch_of_counts_written_as_ints_and_floats_gives_the_rows_of_the_contract() -> None:
    # One column holding 12, 12.0 and 12.5: pa.array(values, pa.int64()) cut 12.5 to 12 without a word.
    counts = [12, 12.0, 12.5, 0, 3.0, 2**31 - 1]
    lines = [
        _line("interaction", **{**_INTERACTION, "event_id": f"e{index}", "prompt_tokens": count})
        for index, count in enumerate(counts)
    ]
    lines.append(_line(event_id="e-rated", rating=5.0))

    rows, slow = _fast(lines)

    assert slow == [2] and isinstance(parse_line(lines[2], SPEC), LineProblem)
    assert [row["prompt_tokens"] for row in rows if row["event_type"] == "interaction"] == [12, 12, 0, 3, 2**31 - 1]
    for row in rows:
        assert row == _contract_row(lines[row.pop("_line")])


def test_small_reads_and_batches_give_the_same_day(tmp_path: Path, monkeypatch) -> None:
    write_landing_day(tmp_path, 400, seed=4)
    whole = ingest_partition(tmp_path, BENCH_PARTITION, BENCH_PSEUDONYM_KEY)
    monkeypatch.setattr(columnar, "READ_BYTES", 7)
    monkeypatch.setattr(columnar, "BATCH_LINES", 3)

    pieces = ingest_partition(tmp_path, BENCH_PARTITION, BENCH_PSEUDONYM_KEY)

    assert pieces.events.equals(whole.events) and pieces.quarantine.equals(whole.quarantine)
    assert (pieces.read, pieces.duplicates, pieces.redactions) == (whole.read, whole.duplicates, whole.redactions)


def test_copies_that_differ_only_in_the_sign_of_zero_are_duplicates(tmp_path: Path) -> None:
    # 0.0 == -0.0 as the rows compare, though their hashes differ: the rows have the last word.
    folder = tmp_path / DAY
    folder.mkdir()
    lines = [_line("behaviour", reading_time_ms=0.0), _line("behaviour", reading_time_ms=-0.0)]
    (folder / "app.jsonl").write_bytes(b"\n".join(lines) + b"\n")

    result = ingest_partition(tmp_path, DAY, KEY)

    assert (result.valid, result.duplicates, result.quarantined) == (1, 1, 0)


@pytest.mark.parametrize(
    "values",
    [
        ("a", "bc", "", "d e"),  # ASCII: built from one joined buffer
        ("a", "é", "ü\u2028"),  # not ASCII: value by value
        ("a", None, "b"),  # a null: value by value
        (),
    ],
)
def test_string_columns_are_built_as_arrow_builds_them(values: tuple[str | None, ...]) -> None:
    import pyarrow as pa

    built = columnar._string_array(values)
    assert built.equals(pa.array(values, pa.string()))
    assert built.to_pylist() == list(values)
