"""The feedback volume sensor (with its cursor) and the daily ingestion schedule."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import dagster as dg
import pyarrow as pa
import pytest

from feedback_loop.defs.automation import daily_ingestion_schedule, feedback_volume_sensor
from feedback_loop.defs.resources import DataRoot, RetrainPolicy
from feedback_loop.defs.train import FEEDBACK_COUNTS
from feedback_loop.schema import events_arrow_schema
from feedback_loop.warehouse import Warehouse


def _write_feedback(warehouse: Warehouse, day: str, n: int) -> None:
    schema = events_arrow_schema()
    rows = [
        {
            "event_id": f"{day}-{i}",
            "event_type": "feedback",
            "schema_version": 1,
            "timestamp": datetime(2026, 11, 1, tzinfo=UTC),
            "interaction_id": f"i{i}",
            "session_id": "s",
            "user_id": "u",
            "thumb": "up",
        }
        for i in range(n)
    ]
    rows.append(
        {
            "event_id": f"{day}-x",
            "event_type": "interaction",
            "schema_version": 1,
            "timestamp": datetime(2026, 11, 1, tzinfo=UTC),
            "interaction_id": "ix",
            "session_id": "s",
            "user_id": "u",
        }
    )
    warehouse.write_partition("events", day, pa.Table.from_pylist(rows, schema=schema))


def _evaluate(data_dir, cursor, threshold=10, instance=None):
    context = dg.build_sensor_context(
        instance=instance or dg.DagsterInstance.ephemeral(),
        cursor=cursor,
        resources={
            "data_root": DataRoot(data_dir=str(data_dir)),
            "retrain_policy": RetrainPolicy(feedback_threshold=threshold),
        },
    )
    result = feedback_volume_sensor(context)
    return result, context.cursor


def test_sensor_requests_one_run_at_the_threshold_and_advances_its_cursor(tmp_path):
    warehouse = Warehouse(tmp_path / "warehouse")
    _write_feedback(warehouse, "2026-11-01", 6)

    result, cursor = _evaluate(tmp_path, None)
    assert isinstance(result, dg.SkipReason) and "6 new feedback events" in result.skip_message
    assert cursor is None  # below the threshold the batch keeps accumulating

    _write_feedback(warehouse, "2026-11-02", 4)  # the interaction rows are not counted
    result, cursor = _evaluate(tmp_path, cursor)
    assert isinstance(result, dg.RunRequest)
    assert result.run_key and result.tags["feedback_loop/new_feedback"] == "10"
    assert json.loads(cursor)["feedback"] == {"2026-11-01": 6, "2026-11-02": 4}

    # The same batch never asks twice; new feedback counts from the advanced cursor.
    result, cursor_after = _evaluate(tmp_path, cursor)
    assert isinstance(result, dg.SkipReason) and "0 new feedback events" in result.skip_message
    assert cursor_after == cursor
    _write_feedback(warehouse, "2026-11-02", 14)
    result, _ = _evaluate(tmp_path, cursor)
    assert isinstance(result, dg.RunRequest) and result.tags["feedback_loop/new_feedback"] == "10"


def _train_by_hand(instance, feedback: dict[str, int]) -> None:
    """What the demo's (or a person's) retrain leaves in the instance: a lora_adapter materialization whose
    metadata holds the feedback counts when training started (that lora_adapter records them:
    feedback_loop_tests/train/test_recovery.py)."""
    instance.report_runless_asset_event(
        dg.AssetMaterialization("lora_adapter", metadata={FEEDBACK_COUNTS: dg.MetadataValue.json(feedback)})
    )


def test_sensor_counts_from_a_retrain_it_did_not_start(tmp_path):
    warehouse = Warehouse(tmp_path / "warehouse")
    instance = dg.DagsterInstance.ephemeral()
    _write_feedback(warehouse, "2026-11-01", 12)
    _train_by_hand(instance, {"2026-11-01": 12})

    # Right after the demo's own retrain there is nothing new to train on.
    result, cursor = _evaluate(tmp_path, None, instance=instance)
    assert isinstance(result, dg.SkipReason) and "0 new feedback events" in result.skip_message
    _write_feedback(warehouse, "2026-11-02", 9)
    result, cursor = _evaluate(tmp_path, cursor, instance=instance)
    assert isinstance(result, dg.SkipReason) and "9 new feedback events" in result.skip_message

    # Feedback ingested while a retrain ran counts as new after it: the baseline is what training started from.
    _write_feedback(warehouse, "2026-11-03", 5)
    _train_by_hand(instance, {"2026-11-01": 12, "2026-11-02": 9})
    result, cursor = _evaluate(tmp_path, cursor, instance=instance)
    assert isinstance(result, dg.SkipReason) and "5 new feedback events" in result.skip_message
    _write_feedback(warehouse, "2026-11-04", 5)
    result, cursor = _evaluate(tmp_path, cursor, instance=instance)
    assert isinstance(result, dg.RunRequest) and result.tags["feedback_loop/new_feedback"] == "10"
    assert json.loads(cursor)["feedback"] == {"2026-11-01": 12, "2026-11-02": 9, "2026-11-03": 5, "2026-11-04": 5}


def test_sensor_reads_a_cursor_of_the_earlier_format(tmp_path):
    _write_feedback(Warehouse(tmp_path / "warehouse"), "2026-11-01", 12)
    result, _ = _evaluate(tmp_path, json.dumps({"2026-11-01": 6}))
    assert isinstance(result, dg.SkipReason) and "6 new feedback events" in result.skip_message


def test_sensor_run_key_is_stable_for_the_same_batch(tmp_path):
    _write_feedback(Warehouse(tmp_path / "warehouse"), "2026-11-01", 12)
    first, _ = _evaluate(tmp_path, None)
    second, _ = _evaluate(tmp_path, None)
    assert first.run_key == second.run_key


@pytest.mark.parametrize("late_days", [14, 3])
def test_daily_schedule_ingests_yesterday_and_relabels_the_late_feedback_window(late_days):
    from feedback_loop.defs.resources import LateFeedbackWindow

    context = dg.build_schedule_context(
        scheduled_execution_time=datetime(2026, 11, 20, 0, 15, tzinfo=UTC),
        resources={"late_feedback": LateFeedbackWindow(days=late_days)},
    )
    requests = list(daily_ingestion_schedule(context))
    assert requests[0].partition_key == "2026-11-19" and requests[0].asset_selection is None
    relabels = requests[1:]
    # Feedback may land up to `late_days` after its day; one more day covers last night's concurrent runs.
    oldest = date(2026, 11, 19) - timedelta(days=late_days + 1)
    assert [r.partition_key for r in relabels] == [
        (date(2026, 11, 18) - timedelta(days=back)).isoformat()
        for back in range((date(2026, 11, 18) - oldest).days + 1)
    ]
    # Late feedback changes a day's labels, and its KPIs must follow them.
    assert all(r.asset_selection == [dg.AssetKey("labeled_interactions"), dg.AssetKey("kpi_daily")] for r in relabels)
    assert len({r.run_key for r in requests}) == len(requests)
    assert all(r.tags["feedback_loop/trigger"] == "schedule" for r in requests)


def test_the_schedule_of_the_definitions_requests_no_day_before_the_first_day(tmp_path):
    from feedback_loop.definitions import build_defs
    from feedback_loop.settings import Settings

    definitions = build_defs(Settings(data_dir=tmp_path, first_day=date(2026, 11, 15)))
    context = dg.build_schedule_context(
        scheduled_execution_time=datetime(2026, 11, 20, 0, 15, tzinfo=UTC), resources=definitions.resources
    )
    schedule = definitions.resolve_schedule_def("daily_ingestion_schedule")
    requests = list(schedule(context))
    assert sorted(r.partition_key for r in requests) == [f"2026-11-{day}" for day in range(15, 20)]


@pytest.mark.parametrize("night", [datetime(2026, 11, 15, 0, 15, tzinfo=UTC), datetime(2026, 11, 2, 0, 15, tzinfo=UTC)])
def test_the_schedule_requests_nothing_on_the_first_days_night_or_before_it(tmp_path, night):
    from feedback_loop.definitions import build_defs
    from feedback_loop.settings import Settings

    definitions = build_defs(Settings(data_dir=tmp_path, first_day=date(2026, 11, 15)))
    context = dg.build_schedule_context(scheduled_execution_time=night, resources=definitions.resources)
    assert list(definitions.resolve_schedule_def("daily_ingestion_schedule")(context)) == []
