"""The ingestion run on hostile landing data (issue 9): no line fails a day, and labeling and KPIs run on."""

from __future__ import annotations

import json

import dagster as dg

from feedback_loop.defs.ingest import raw_telemetry
from feedback_loop.runs import run_ingestion
from feedback_loop.warehouse import Warehouse
from feedback_loop_tests.defs.conftest import DAYS
from feedback_loop_tests.ingest.fuzz_corpus import feedback, interaction, write_fuzz_corpus

# The pattern tier: what is under test is reading and validating, not the named-entity model.
PATTERN_TIER = {"ops": {"raw_telemetry": {"config": {"redaction_tier": "patterns"}}}}


def test_the_ingestion_job_succeeds_on_the_fuzz_corpus_beside_a_simulated_day(landed, instance, tmp_path):
    corpus = write_fuzz_corpus(landed.layout.landing, tmp_path / "outside")

    result = run_ingestion(landed, DAYS[0], DAYS[-1], instance=instance, run_config=PATTERN_TIER)

    assert result.success
    metadata = result.asset_materializations_for_node("raw_telemetry")[0].metadata
    counts = {name: metadata[name].value for name in ("read", "valid", "quarantined", "duplicates")}
    assert (
        counts["read"]
        == counts["valid"] + counts["quarantined"] + counts["duplicates"] + metadata["earlier_duplicates"].value
    )
    assert counts["quarantined"] >= sum(corpus.quarantined_lines.values()) + sum(corpus.unreadable_files.values())
    assert set(metadata["skipped"].value) == set().union(*corpus.skipped.values())
    assert metadata["skipped_files"].value == len(metadata["skipped"].value)
    for asset in ("auto_labeler", "labeled_interactions", "kpi_daily"):
        assert result.asset_materializations_for_node(asset), asset
    labels = Warehouse(landed.layout.warehouse).read_partitions("labels", [DAYS[0]])
    assert {"fuzz-i1", "fuzz-i2", "fuzz-i3"} <= set(labels["interaction_id"].to_pylist())


def _land(landing, day, lines):
    folder = landing / day
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "app.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))


def test_days_ingested_in_any_order_give_the_same_rows(settings, resources):
    first, second = DAYS
    _land(settings.layout.landing, first, [interaction("e1", "i1"), feedback("f1", "i1", rating=4)])
    retried = [
        interaction("e1", "i1"),  # an upload retried: stored on the first day only
        interaction("e1-again", "i1"),  # the interaction re-sent under a new event id
        feedback("f1", "i1", rating=1),  # the first day's event changed
        feedback("f2", "i1", timestamp="2026-11-02T08:00:00Z", rating=5),
    ]
    _land(settings.layout.landing, second, retried)
    warehouse = Warehouse(settings.layout.warehouse)

    def ingest(day):
        result = dg.materialize([raw_telemetry], partition_key=day, resources=resources, run_config=PATTERN_TIER)
        assert result.success
        return warehouse.read_partitions("events", [day]), warehouse.read_partitions("quarantine", [day])

    before = ingest(second)
    ingest(first)
    after = ingest(second)

    assert before[0].equals(after[0]) and before[1].equals(after[1])
    assert after[0]["event_id"].to_pylist() == ["f2"]
    assert [row["field"] for row in after[1].to_pylist()] == ["interaction_id", "event_id"]


def test_a_data_root_without_landing_is_a_day_without_traffic(settings, resources):
    result = dg.materialize([raw_telemetry], partition_key=DAYS[0], resources=resources, run_config=PATTERN_TIER)

    assert result.success
    metadata = result.asset_materializations_for_node("raw_telemetry")[0].metadata
    assert (metadata["read"].value, metadata["files"].value) == (0, 0)
