"""The feedback volume sensor (with its cursor) and the daily ingestion schedule."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import dagster as dg
import pyarrow as pa
import pytest

from feedback_loop.defs.automation import daily_ingestion_schedule, feedback_volume_sensor
from feedback_loop.defs.resources import DataRoot, RetrainPolicy
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


def _evaluate(data_dir, cursor, threshold=10):
    context = dg.build_sensor_context(
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
    assert json.loads(cursor) == {"2026-11-01": 6, "2026-11-02": 4}

    # The same batch never asks twice; new feedback counts from the advanced cursor.
    result, cursor_after = _evaluate(tmp_path, cursor)
    assert isinstance(result, dg.SkipReason) and "0 new feedback events" in result.skip_message
    assert cursor_after == cursor
    _write_feedback(warehouse, "2026-11-02", 14)
    result, _ = _evaluate(tmp_path, cursor)
    assert isinstance(result, dg.RunRequest) and result.tags["feedback_loop/new_feedback"] == "10"


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
