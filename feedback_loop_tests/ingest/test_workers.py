"""Ingestion's worker processes (IngestSpec.workers) change how fast a day is ingested, never what is stored."""

from __future__ import annotations

import json
import multiprocessing
import re
from pathlib import Path
from typing import Any

import pyarrow.compute as pc
import pytest

from feedback_loop.ingest import IngestResult, IngestSpec, columnar, ingest_partition, landing
from feedback_loop.ingest.bench import BENCH_PARTITION, BENCH_PSEUDONYM_KEY, write_landing_day
from feedback_loop.model.compute import usable_cpus


def _day_with_every_kind_of_line(landing_dir: Path) -> None:
    """A bench day (lines sent twice, lines cut short, personal data) and a file after it that conflicts with it:
    an event id reused with other content, an interaction re-sent under a new event id, a line that fails
    validation and quotes an e-mail address, a line that is not UTF-8, and events earlier than the day's first
    (so the stored rows must be sorted)."""
    write_landing_day(landing_dir, 600, seed=7)
    day = landing_dir / BENCH_PARTITION
    events = [json.loads(line) for line in (day / "app-0.jsonl").read_text().splitlines()[:40] if line.endswith("}")]
    interaction = next(event for event in events if event["event_type"] == "interaction")
    feedback = next(event for event in events if event["event_type"] == "feedback")
    lines = [
        json.dumps({**feedback, "thumb": "down" if feedback.get("thumb") == "up" else "up"}),
        json.dumps({**interaction, "event_id": "resent-1"}),
        json.dumps({**feedback, "event_id": "bad-1", "rating": 9, "comment": "mail me at jane.doe@example.org"}),
        json.dumps({**feedback, "event_id": "early-1", "timestamp": "2026-11-01T23:00:00Z"}),
        '{"schema_version": 1, "event_id": "\xff"}',
    ]
    (day / "app-9-late.jsonl").write_bytes("\n".join(lines).encode("utf-8", errors="surrogateescape") + b"\n")
    with (day / "app-9-late.jsonl").open("ab") as stream:
        stream.write(b'{"event_id": "\xff\xfe"}\n')


def _counted_calls(monkeypatch: pytest.MonkeyPatch, method: str) -> list[int]:
    """The worker count of each call of ``_Workers.<method>``, which still does its work."""
    calls: list[int] = []
    original = getattr(landing._Workers, method)

    def counted(self: landing._Workers, *args: Any) -> Any:
        calls.append(self.count)
        return original(self, *args)

    monkeypatch.setattr(landing._Workers, method, counted)
    return calls


def _ingest(landing_dir: Path, workers: int) -> IngestResult:
    return ingest_partition(
        landing_dir, BENCH_PARTITION, BENCH_PSEUDONYM_KEY, spec=IngestSpec(workers=workers, redaction_tier="patterns")
    )


def test_one_and_two_workers_store_and_quarantine_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _day_with_every_kind_of_line(tmp_path)
    # Small batches, so that the day is many tasks for the workers, in both phases (stored rows are redacted a batch
    # of the scan at a time, and a batch ends after a read: 4 KB here).
    monkeypatch.setattr(columnar, "READ_BYTES", 4096)
    monkeypatch.setattr(columnar, "BATCH_LINES", 50)
    monkeypatch.setattr(landing, "_SORT_BATCH_ROWS", 40)
    pools = _counted_calls(monkeypatch, "pool")

    one = _ingest(tmp_path, 1)
    assert pools == []
    two = _ingest(tmp_path, 2)
    assert pools and set(pools) == {2}
    again = _ingest(tmp_path, 2)

    assert one.duplicates > 0 and one.quarantined > 0 and sum(one.redactions.values()) > 0
    reasons = " ".join(one.quarantine.column("reason").to_pylist())
    assert "first seen" in reasons and "re-sent copy" in reasons and "not UTF-8" in reasons
    assert any("<EMAIL>" in raw_line for raw_line in one.quarantine.column("raw_line").to_pylist())
    for result in (two, again):
        assert result.events.equals(one.events)
        assert result.quarantine.equals(one.quarantine)
        counts = (result.read, result.valid, result.quarantined, result.duplicates, result.redactions)
        assert counts == (one.read, one.valid, one.quarantined, one.duplicates, one.redactions)
        assert result.landed.events.equals(one.landed.events)
        assert result.landed.interactions.equals(one.landed.interactions)


def test_the_named_entity_tiers_workers_find_and_this_process_numbers_the_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The workers find what parts of each batch's texts hold; this process numbers the names per session in reading
    # order, so a session's names get the same numbers whichever worker found them, and the tables are the same.
    write_landing_day(tmp_path, 400, seed=3)
    day = tmp_path / BENCH_PARTITION
    interaction = next(
        event
        for event in map(json.loads, (day / "app-0.jsonl").read_text().splitlines())
        if event["event_type"] == "interaction"
    )
    names = ["Thandiwe Nkosi", "Oluwaseun Adebayo", "Mei-Ling Chen"]
    # One session's messages, each naming two of three people, spread over many batches: numbered in another
    # order, or by a process that saw only some of them, the placeholders would differ.
    lines = [
        json.dumps(
            {
                **interaction,
                "event_id": f"named-{index}",
                "interaction_id": f"named-interaction-{index}",
                "prompt": f"Please ask {names[index % 3]} to call {names[(index + 1) % 3]} back today.",
                "response": f"I have let {names[(index + 2) % 3]} know.",
            }
        )
        for index in range(24)
    ]
    (day / "app-5-named.jsonl").write_text("\n".join(lines) + "\n")
    monkeypatch.setattr(columnar, "READ_BYTES", 4096)
    monkeypatch.setattr(columnar, "BATCH_LINES", 50)
    parts = _counted_calls(monkeypatch, "detect_many")
    loads = _counted_calls(monkeypatch, "start_loading")
    sent: list[str] = []
    counted_detect_many = landing._Workers.detect_many

    def recorded(self: landing._Workers, texts: list[str], kinds: list[int] | None) -> Any:
        sent.extend(texts)
        return counted_detect_many(self, texts, kinds)

    monkeypatch.setattr(landing._Workers, "detect_many", recorded)

    def ingested(workers: int) -> IngestResult:
        spec = IngestSpec(redaction_tier="patterns+ner", ner_workers=workers)
        return ingest_partition(tmp_path, BENCH_PARTITION, BENCH_PSEUDONYM_KEY, spec=spec)

    one = ingested(1)
    assert parts == [] and loads == []
    two = ingested(2)
    # The workers started loading the models while the day was read, before its first batch of texts.
    assert len(parts) > 5 and loads and set(loads) == {2}
    # A text is given to the workers once a day, whichever batch repeats it: this process remembers what they found
    # (the three distinct prompts recur in many batches).
    assert len(sent) == len(set(sent))
    assert sum(text.startswith("Please ask ") for text in sent) == 3

    named = one.events.filter(pc.starts_with(one.events["event_id"], "named-")).to_pylist()
    assert len(named) == 24
    texts = " ".join(f"{row['prompt']} {row['response']}" for row in named)
    assert all(name not in texts for name in names)
    assert set(re.findall(r"<PERSON_\d+>", texts)) == {"<PERSON_1>", "<PERSON_2>", "<PERSON_3>"}
    assert two.events.equals(one.events)
    assert two.quarantine.equals(one.quarantine)
    assert (two.read, two.valid, two.quarantined, two.duplicates, two.redactions) == (
        one.read,
        one.valid,
        one.quarantined,
        one.duplicates,
        one.redactions,
    )


def test_each_tier_takes_its_own_worker_setting() -> None:
    # The named-entity tier's workers each load the models (0.5-0.7 GB): at most one per usable CPU.
    assert landing._worker_count(IngestSpec(workers=4, ner_workers=1, redaction_tier="patterns+ner")) == 1
    assert landing._worker_count(IngestSpec(workers=4, ner_workers=64, redaction_tier="patterns+ner")) == usable_cpus()
    assert landing._worker_count(IngestSpec(workers=4, ner_workers=1, redaction_tier="patterns")) == 4


def _worker_count_asked_for_two() -> int:
    return landing._worker_count(IngestSpec(workers=2, ner_workers=2, redaction_tier="patterns+ner"))


def test_a_daemonic_process_ingests_without_workers() -> None:
    # A Celery prefork worker's child or a pool's worker may start no process ("daemonic processes are not allowed
    # to have children"): it ingests in one process, whatever the setting.
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert pool.apply(_worker_count_asked_for_two) == 1
    assert _worker_count_asked_for_two() == min(2, usable_cpus())
