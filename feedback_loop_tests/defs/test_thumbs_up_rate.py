"""One definition of the thumbs-up rate: the simulator's truth (the demo's table), kpi_daily (the dashboard) and
the A/B test count thumbs up / interactions with a thumb; per interaction is another figure with another name."""

from datetime import date

import dagster as dg
import pytest

from feedback_loop.defs.analytics import kpi_daily
from feedback_loop.defs.ingest import raw_telemetry
from feedback_loop.defs.label import labeled_interactions
from feedback_loop.evaluate.online import ABSpec, compare_canary
from feedback_loop.warehouse import Warehouse

DAY = "2026-11-01"


def test_the_demo_the_kpis_and_the_ab_test_report_the_same_thumbs_up_rate(settings, resources):
    from feedback_loop.simulate import simulate_day

    # No late feedback, so that everything the simulator counted is in the day's labels.
    truth = simulate_day(settings.layout.landing, date.fromisoformat(DAY), 300, seed=5, late_fraction=0.0)
    result = dg.materialize(
        [raw_telemetry, labeled_interactions, kpi_daily],
        partition_key=DAY,
        resources=resources,
        run_config={"ops": {"labeled_interactions": {"config": {"use_auto_labeler": False}}}},
    )
    assert result.success
    warehouse = Warehouse(settings.layout.warehouse)
    total = warehouse.read_partitions("kpi_daily", [DAY]).to_pylist()[0]
    assert (total["thumbs"], total["thumbs_up"]) == (truth.thumbs, truth.thumbs_up)
    assert total["thumbs_up_rate"] == pytest.approx(truth.thumbs_up_rate)
    assert truth.total.thumbs_up_per_interaction < truth.thumbs_up_rate - 0.05  # a different figure

    # The A/B test's arm figures on the same labels: half of the users played a canary arm here.
    labels = warehouse.read_partitions("labels", [DAY]).to_pylist()
    users = sorted({row["user_id"] for row in labels})
    canary_users = set(users[::2])
    rows = [{**row, "adapter_version": "v2" if row["user_id"] in canary_users else None} for row in labels]
    ab = compare_canary(rows, "adapter_version", None, "v2", ABSpec())
    assert ab.canary.thumbs + ab.champion.thumbs == truth.thumbs
    assert ab.canary.thumbs_up + ab.champion.thumbs_up == truth.thumbs_up
