"""Rejection lines (records a collector or importer could not map) become quarantine rows with their reason."""

import json

from feedback_loop.ingest import ingest_partition

DAY = "2026-11-01"
KEY = b"rejected-lines-key"


def test_a_rejection_line_is_quarantined_with_its_field_and_reason_and_a_malformed_one_too(tmp_path):
    folder = tmp_path / DAY
    folder.mkdir()
    lines = [
        {"rejected": {"source": "otlp span", "field": "user.id", "reason": "user.id: missing", "record": {"n": 1}}},
        {"rejected": {"source": "otlp span", "field": None, "reason": "not JSON", "record": "jane@example.com"}},
        {"rejected": "no reason given"},
        {"rejected": {"reason": "x"}, "event_id": "e-1"},  # not a rejection line: an invalid event
    ]
    (folder / "collector-1.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    result = ingest_partition(tmp_path, DAY, KEY)
    rows = result.quarantine.to_pylist()
    assert (result.read, result.valid, result.quarantined) == (4, 0, 4)
    assert [(row["line_number"], row["field"]) for row in rows][:3] == [(1, "user.id"), (2, None), (3, "rejected")]
    assert rows[0]["reason"] == "rejected at collection (otlp span): user.id: missing"
    assert "jane@example.com" not in rows[1]["raw_line"] and "<EMAIL>" in rows[1]["raw_line"]
    assert rows[2]["reason"] == "rejected: must be an object with a 'reason' string"
    assert not rows[3]["reason"].startswith("rejected at collection")
