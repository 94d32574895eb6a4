"""The ingestion run on hostile landing data (issue 9): no line fails a day, and labeling and KPIs run on."""

from __future__ import annotations

import json
from datetime import date

import dagster as dg

from feedback_loop.defs.ingest import raw_telemetry
from feedback_loop.defs.label import auto_labeler
from feedback_loop.runs import definitions_for
from feedback_loop.simulate import simulate_day
from feedback_loop.warehouse import Warehouse
from feedback_loop_tests.defs.conftest import DAYS
from feedback_loop_tests.ingest.fuzz_corpus import feedback, interaction, write_fuzz_corpus

# The pattern tier: what is under test is reading and validating, not the named-entity model.
PATTERN_TIER = {"ops": {"raw_telemetry": {"config": {"redaction_tier": "patterns"}}}}


def test_the_ingestion_job_succeeds_on_the_fuzz_corpus_beside_a_simulated_day(settings, instance, tmp_path):
    for seed, day in enumerate(DAYS):
        simulate_day(settings.layout.landing, date.fromisoformat(day), 40, seed, invalid_lines=2)
    corpus = write_fuzz_corpus(settings.layout.landing, tmp_path / "outside")

    # The ingestion job's chain from landing to KPIs; the A/B tests and prompt recommendations read only its
    # output, and the labeler of a 40-interaction day is a small one.
    chain = [dg.AssetKey(name) for name in ("raw_telemetry", "auto_labeler", "labeled_interactions", "kpi_daily")]
    result = (
        definitions_for(settings)
        .resolve_job_def("ingestion_job")
        .execute_in_process(
            instance=instance,
            run_config=PATTERN_TIER,
            tags={"dagster/asset_partition_range_start": DAYS[0], "dagster/asset_partition_range_end": DAYS[-1]},
            asset_selection=chain,
        )
    )

    assert result.success
    recorded = {m.partition: m.metadata for m in result.asset_materializations_for_node("raw_telemetry")}
    assert set(recorded) == set(DAYS)
    for metadata in recorded.values():
        counts = {name: metadata[name].value for name in ("read", "valid", "quarantined", "duplicates")}
        assert (
            counts["read"]
            == counts["valid"] + counts["quarantined"] + counts["duplicates"] + metadata["earlier_duplicates"].value
        )
        assert metadata["skipped_files"].value == len(metadata["skipped"].value)
    quarantined = sum(metadata["quarantined"].value for metadata in recorded.values())
    assert quarantined >= sum(corpus.quarantined_lines.values()) + sum(corpus.unreadable_files.values())
    assert set().union(*(metadata["skipped"].value for metadata in recorded.values())) == set().union(
        *corpus.skipped.values()
    )
    for asset in ("auto_labeler", "labeled_interactions", "kpi_daily"):
        assert result.asset_materializations_for_node(asset), asset
    labels = Warehouse(settings.layout.warehouse).read_partitions("labels", [DAYS[0]])
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


def test_an_interaction_re_sent_beyond_the_late_window_does_not_fail_the_auto_labeler(settings, resources, instance):
    late = "2026-11-25"  # beyond the 14 days ingestion looks back, within the labeler's 28 training days
    _land(settings.layout.landing, DAYS[0], [interaction("e1", "i1"), feedback("f1", "i1")])
    _land(settings.layout.landing, late, [interaction("e1-again", "i1", timestamp="2026-11-25T09:00:00Z")])
    for day in (DAYS[0], late):
        assert dg.materialize([raw_telemetry], partition_key=day, resources=resources, run_config=PATTERN_TIER).success
    # No model is trained on two interactions (too few examples), but the labels it would learn from are built.
    config = {"ops": {"auto_labeler": {"config": {"min_examples_per_class": 100_000}}}}

    result = dg.materialize([auto_labeler], resources=resources, run_config=config, instance=instance)

    assert result.success


def test_a_data_root_without_landing_is_a_day_without_traffic(settings, resources):
    result = dg.materialize([raw_telemetry], partition_key=DAYS[0], resources=resources, run_config=PATTERN_TIER)

    assert result.success
    metadata = result.asset_materializations_for_node("raw_telemetry")[0].metadata
    assert (metadata["read"].value, metadata["files"].value) == (0, 0)
