"""raw_telemetry and labeled_interactions as assets: quarantine, idempotent re-runs, late feedback."""

import json
import logging

import dagster as dg

from feedback_loop.defs.ingest import raw_telemetry
from feedback_loop.defs.label import labeled_interactions, review_queue
from feedback_loop.warehouse import Warehouse

DAY1, DAY2 = "2026-11-01", "2026-11-02"


def _event(event_id, event_type, interaction_id, timestamp, **fields):
    return {
        "schema_version": 1,
        "event_id": event_id,
        "event_type": event_type,
        "timestamp": timestamp,
        "interaction_id": interaction_id,
        "session_id": "s1",
        "user_id": "u1",
        **fields,
    }


def _interaction(event_id, interaction_id):
    return _event(
        event_id,
        "interaction",
        interaction_id,
        "2026-11-01T10:00:00Z",
        use_case="support",
        prompt="How do I reset my password?",
        system_prompt_version="v1",
        response="Open Settings and choose Reset password.",
        model_version="base",
        latency_ms=100.0,
        prompt_tokens=6,
        completion_tokens=6,
    )


def _land(landing, day, name, lines):
    folder = landing / day
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n")


def test_ingestion_and_labeling_assets_quarantine_dedupe_rerun_and_attach_late_feedback(settings, resources):
    landing = settings.layout.landing
    _land(
        landing,
        DAY1,
        "app.jsonl",
        [
            _interaction("e1", "i1"),
            _interaction("e2", "i2"),
            _interaction("e2", "i2"),  # the app resent an event: stored once
            '{"schema_version": 1, "event_id": "bad"',  # truncated line: quarantined
            _event("e3", "feedback", "i1", "2026-11-01T10:01:00Z", rating=9),  # out of range: quarantined
        ],
    )
    _land(
        landing,
        DAY2,
        "app.jsonl",
        [
            _event("e4", "feedback", "i1", "2026-11-02T08:00:00Z", thumb="up"),  # late feedback for day 1
            _event("e5", "behaviour", "i1", "2026-11-02T08:00:05Z", action="accept", outcome="resolved"),
        ],
    )
    assets = [raw_telemetry, labeled_interactions, review_queue]

    for day in (DAY1, DAY2):
        result = dg.materialize(assets, partition_key=day, resources=resources, selection=[raw_telemetry])
        assert result.success
    metadata = result.asset_materializations_for_node("raw_telemetry")[0].metadata
    assert (metadata["read"].value, metadata["valid"].value) == (2, 2)

    warehouse = Warehouse(settings.layout.warehouse)
    quarantine = warehouse.read_partitions("quarantine", [DAY1]).to_pylist()
    assert [(q["line_number"], q["field"]) for q in quarantine] == [(4, None), (5, "rating")]
    day1 = warehouse.read_partitions("events", [DAY1])
    assert sorted(day1["event_id"].to_pylist()) == ["e1", "e2"]

    first = dg.materialize(assets, partition_key=DAY1, resources=resources, selection=[raw_telemetry])
    meta = first.asset_materializations_for_node("raw_telemetry")[0].metadata
    assert (meta["read"].value, meta["valid"].value, meta["quarantined"].value, meta["duplicates"].value) == (
        5,
        2,
        2,
        1,
    )
    assert warehouse.read_partitions("events", [DAY1]).equals(day1)  # re-run: identical rows

    labeled = dg.materialize(
        assets, partition_key=DAY1, resources=resources, selection=[labeled_interactions, review_queue]
    )
    assert labeled.success
    assert labeled.asset_materializations_for_node("labeled_interactions")[0].metadata["late_signals"].value == 2
    labels = {row["interaction_id"]: row for row in warehouse.read_partitions("labels", [DAY1]).to_pylist()}
    assert labels["i1"]["thumb"] == "up" and labels["i1"]["quality"] == "good"
    assert labels["i1"]["task_success"] is True
    assert labels["i2"]["quality"] == "unknown"

    again = warehouse.read_partitions("labels", [DAY1])
    dg.materialize(assets, partition_key=DAY1, resources=resources, selection=[labeled_interactions])
    assert warehouse.read_partitions("labels", [DAY1]).equals(again)
    queue = warehouse.read_table("review_queue")
    figures = labeled.asset_materializations_for_node("review_queue")[0].metadata
    assert queue.num_rows == figures["queued"].value <= figures["places"].value
    assert figures["queued"].value + figures["left_out"].value == sum(row["needs_review"] for row in labels.values())


def test_an_upload_retried_the_next_day_is_stored_once(settings, resources):
    landing = settings.layout.landing
    _land(landing, DAY1, "app.jsonl", [_interaction("e1", "i1")])
    _land(landing, DAY2, "retry.jsonl", [_interaction("e1", "i1"), _interaction("e2", "i2")])
    tags = {"dagster/asset_partition_range_start": DAY1, "dagster/asset_partition_range_end": DAY2}
    result = dg.materialize([raw_telemetry], resources=resources, tags=tags)
    assert result.success
    recorded = {m.partition: m.metadata for m in result.asset_materializations_for_node("raw_telemetry")}
    assert [(recorded[day]["valid"].value, recorded[day]["earlier_duplicates"].value) for day in (DAY1, DAY2)] == [
        (1, 0),
        (1, 1),
    ]
    events = Warehouse(settings.layout.warehouse).read_partitions("events")
    assert sorted(zip(events["date"].to_pylist(), events["event_id"].to_pylist(), strict=True)) == [
        (DAY1, "e1"),
        (DAY2, "e2"),
    ]
    # Re-running the later day alone gives the same partition: the earlier day's copy still stands.
    assert dg.materialize([raw_telemetry], resources=resources, partition_key=DAY2).success
    assert Warehouse(settings.layout.warehouse).read_partitions("events", [DAY2])["event_id"].to_pylist() == ["e2"]


def test_days_without_interactions_label_as_empty_and_keep_later_runs_working(settings, instance):
    """A day that holds only late feedback and a day with no landing file at all (an outage) label as empty
    days, and re-running an earlier day alone still works (auto_labeler reads the empty days' events)."""
    from datetime import date

    from feedback_loop.runs import run_ingestion
    from feedback_loop.simulate import simulate_day

    simulate_day(settings.layout.landing, date.fromisoformat(DAY1), 40, 0, late_fraction=0.5)
    assert run_ingestion(settings, DAY1, "2026-11-03", instance).success
    warehouse = Warehouse(settings.layout.warehouse)
    assert warehouse.read_partitions("labels", [DAY1]).num_rows == 40
    assert [warehouse.read_partitions("labels", [day]).num_rows for day in (DAY2, "2026-11-03")] == [0, 0]
    assert warehouse.read_partitions("events", [DAY2]).num_rows > 0  # the late feedback itself is stored
    assert run_ingestion(settings, DAY1, DAY1, instance).success


def test_a_run_over_several_days_records_each_days_own_figures_and_judges_each_day(settings, resources, instance):
    """One run over three days (a good day, a day whose only interaction is followed by a broken line, a day
    with no landing file) records on every day's partition that day's figures, and the quarantine check fails
    for the bad day although the range's share of invalid lines is within the limit."""
    day3 = "2026-11-03"
    _land(settings.layout.landing, DAY1, "app.jsonl", [_interaction(f"e{n}", f"i{n}") for n in range(40)])
    _land(settings.layout.landing, DAY2, "app.jsonl", [_interaction("e40", "i40"), '{"event_id": "cut'])
    tags = {"dagster/asset_partition_range_start": DAY1, "dagster/asset_partition_range_end": day3}
    selection = [raw_telemetry, labeled_interactions]
    run_config = {"ops": {"labeled_interactions": {"config": {"use_auto_labeler": False}}}}
    result = dg.materialize(selection, resources=resources, instance=instance, tags=tags, run_config=run_config)
    assert result.success

    def recorded(asset: str, day: str) -> dict:
        records = instance.fetch_materializations(
            dg.AssetRecordsFilter(asset_key=dg.AssetKey(asset), asset_partitions=[day]), limit=1
        ).records
        return {name: value.value for name, value in records[0].asset_materialization.metadata.items()}

    counted = ("files", "read", "valid", "quarantined", "duplicates", "quarantine_fraction")
    assert {day: tuple(recorded("raw_telemetry", day)[k] for k in counted) for day in (DAY1, DAY2, day3)} == {
        DAY1: (1, 40, 40, 0, 0, 0.0),
        DAY2: (1, 2, 1, 1, 0, 0.5),
        day3: (0, 0, 0, 0, 0, 0.0),
    }
    assert [recorded("labeled_interactions", day)["interactions"] for day in (DAY1, DAY2, day3)] == [40, 1, 0]

    # The same keys as a run of the day alone writes, with the same figures.
    alone = dg.materialize(selection, resources=resources, partition_key=DAY2, run_config=run_config)
    for asset in ("raw_telemetry", "labeled_interactions"):
        metadata = alone.asset_materializations_for_node(asset)[0].metadata
        assert {name: value.value for name, value in metadata.items()} == recorded(asset, DAY2)

    # 1 invalid line of 42 is within the 5% limit; the day that holds it (50%) is not.
    (check,) = result.get_asset_check_evaluations()
    assert not check.passed and check.metadata["quarantine_fraction"].value == 0.5
    assert DAY2 in check.description and DAY1 not in check.description and day3 not in check.description


def test_entries_at_the_top_of_landing_that_no_day_reads_are_listed_and_logged(settings, resources, instance):
    """A day folder not written YYYY-MM-DD, and a file beside the day folders, are never ingested: every day's
    ingestion lists them in `skipped` with the reason and logs a warning naming them."""
    landing = settings.layout.landing
    _land(landing, DAY1, "app.jsonl", [_interaction("e1", "i1")])
    _land(landing, "2026-11-8", "a.jsonl", [_interaction("e2", "i2")])
    _land(landing, "nov-8", "a.jsonl", [_interaction("e3", "i3")])
    (landing / "loose.jsonl").write_text(json.dumps(_interaction("e4", "i4")) + "\n")
    result = dg.materialize([raw_telemetry], resources=resources, instance=instance, partition_key=DAY1)
    assert result.success

    metadata = result.asset_materializations_for_node("raw_telemetry")[0].metadata
    expected = dict.fromkeys(["2026-11-8", "loose.jsonl", "nov-8"], "not a day folder: expected YYYY-MM-DD")
    assert metadata["skipped"].value == expected
    assert (metadata["skipped_files"].value, metadata["valid"].value) == (3, 1)
    warnings = [
        entry.user_message
        for entry in instance.all_logs(result.run_id)
        if entry.level == logging.WARNING and "skipped" in entry.user_message
    ]
    assert sorted(warnings) == [
        f"skipped landing/{name}: {reason}; no day reads it" for name, reason in expected.items()
    ]


def test_a_run_over_several_days_warns_of_an_entry_no_day_reads_once_and_of_a_days_own_on_its_day(
    settings, resources, instance
):
    """Every day of a run lists the misnamed folder in its `skipped` (as a run of that day alone would), but the
    run says it once; an entry of one day's folder is said on that day."""
    landing = settings.layout.landing
    _land(landing, DAY1, "app.jsonl", [_interaction("e1", "i1")])
    _land(landing, DAY2, "app.jsonl", [_interaction("e2", "i2")])
    (landing / DAY2 / "notes.txt").write_text("not telemetry\n")
    _land(landing, "nov-8", "a.jsonl", [_interaction("e3", "i3")])
    tags = {"dagster/asset_partition_range_start": DAY1, "dagster/asset_partition_range_end": DAY2}
    result = dg.materialize([raw_telemetry], resources=resources, instance=instance, tags=tags)
    assert result.success

    warnings = [
        entry.user_message
        for entry in instance.all_logs(result.run_id)
        if entry.level == logging.WARNING and "skipped" in entry.user_message
    ]
    not_jsonl = "not named *.jsonl or *.jsonl.gz (names are case-sensitive)"
    assert sorted(warnings) == [
        f"{DAY2}: skipped {DAY2}/notes.txt: {not_jsonl}",
        "skipped landing/nov-8: not a day folder: expected YYYY-MM-DD; no day reads it",
    ]
    skipped = {
        day: instance.fetch_materializations(
            dg.AssetRecordsFilter(asset_key=dg.AssetKey("raw_telemetry"), asset_partitions=[day]), limit=1
        )
        .records[0]
        .asset_materialization.metadata["skipped"]
        .value
        for day in (DAY1, DAY2)
    }
    assert skipped[DAY1] == {"nov-8": "not a day folder: expected YYYY-MM-DD"}
    assert skipped[DAY2] == {**skipped[DAY1], f"{DAY2}/notes.txt": not_jsonl}
