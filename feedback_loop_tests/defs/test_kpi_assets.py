"""kpi_daily as an asset on simulated telemetry: the partition, its metadata, late feedback and the checks."""

import dagster as dg
import pytest

from feedback_loop.analytics.kpi import KPI_COLUMNS
from feedback_loop.defs.analytics import kpi_daily
from feedback_loop.defs.ingest import raw_telemetry
from feedback_loop.defs.label import labeled_interactions
from feedback_loop.simulate.users import SEGMENTS
from feedback_loop.warehouse import Warehouse
from feedback_loop_tests.defs.conftest import DAYS

DAY1, DAY2 = DAYS
ASSETS = [raw_telemetry, labeled_interactions, kpi_daily]
RULES_ONLY = {"labeled_interactions": {"config": {"use_auto_labeler": False}}}
RANGE = {"dagster/asset_partition_range_start": DAY1, "dagster/asset_partition_range_end": DAY2}


def _run(resources, selection, partition_key=None, kpi_config=None, tags=None):
    ops = {**(RULES_ONLY if labeled_interactions in selection else {})}
    if kpi_config:
        ops["kpi_daily"] = {"config": kpi_config}
    result = dg.materialize(
        ASSETS,
        partition_key=partition_key,
        resources=resources,
        selection=selection,
        run_config={"ops": ops},
        tags=tags,
    )
    assert result.success
    return result


def _checks(result) -> dict:
    return {evaluation.check_name: evaluation for evaluation in result.get_asset_check_evaluations()}


def _total(warehouse: Warehouse, day: str) -> dict:
    rows = warehouse.read_partitions("kpi_daily", [day]).to_pylist()
    assert (rows[0]["adapter_version"], rows[0]["use_case"], rows[0]["user_segment"]) == ("all", "all", "all")
    return rows[0]


def test_kpi_daily_writes_the_day_with_its_metadata_and_follows_late_feedback(landed, resources):
    warehouse = Warehouse(landed.layout.warehouse)
    _run(resources, [raw_telemetry, labeled_interactions], DAY1)
    early = _run(resources, [kpi_daily], DAY1)
    before = _total(warehouse, DAY1)

    table = warehouse.read_partitions("kpi_daily", [DAY1])
    assert table.column_names == [*KPI_COLUMNS, "date"]
    labels = warehouse.read_partitions("labels", [DAY1])
    assert before["interactions"] == labels.num_rows == 150
    segments = {row["user_segment"] for row in table.to_pylist()[1:]}
    assert segments <= {segment.name for segment in SEGMENTS} and len(segments) > 1
    assert before["cost_usd"] > 0 and before["unpriced_interactions"] == 0  # sim-canned-v1 is priced

    metadata = early.asset_materializations_for_node("kpi_daily")[0].metadata
    assert metadata["interactions"].value == 150
    assert metadata["thumbs_up_rate"].value == pytest.approx(before["thumbs_up_rate"])
    assert metadata["cost_usd"].value == pytest.approx(before["cost_usd"])
    assert isinstance(metadata["thumbs_up_rate"], dg.FloatMetadataValue)
    assert "user_segment" in metadata["breakdown"].value and "concise" in metadata["breakdown"].value
    checks = _checks(early)
    assert checks["prices_known"].passed and checks["segment_safety"].passed

    # The day's late feedback lands with the next day; re-materializing the day picks it up.
    _run(resources, [raw_telemetry], DAY2)
    _run(resources, [labeled_interactions, kpi_daily], DAY1)
    after = _total(warehouse, DAY1)
    assert after["interactions"] == 150
    signals = ("thumbs", "ratings", "outcomes")
    assert all(after[s] >= before[s] for s in signals) and any(after[s] > before[s] for s in signals)


def test_kpi_daily_over_several_days_records_each_days_figures_on_its_partition(landed, resources):
    result = _run(resources, [raw_telemetry, labeled_interactions, kpi_daily], tags=RANGE)
    warehouse = Warehouse(landed.layout.warehouse)
    assert warehouse.partitions("kpi_daily") == [DAY1, DAY2]
    recorded = {m.partition: m.metadata for m in result.asset_materializations_for_node("kpi_daily")}
    assert set(recorded) == {DAY1, DAY2}
    for day in (DAY1, DAY2):
        assert recorded[day]["interactions"].value == _total(warehouse, day)["interactions"]
        assert recorded[day]["flag_rate"].value == pytest.approx(_total(warehouse, day)["flag_rate"])
    assert recorded[DAY1]["breakdown"].value != recorded[DAY2]["breakdown"].value


def test_kpi_checks_warn_with_the_evidence(landed, resources, tmp_path):
    _run(resources, [raw_telemetry, labeled_interactions], DAY1)
    prices = tmp_path / "prices.toml"
    prices.write_text('[models."gpt-4o"]\nprompt_per_1k_tokens_usd = 0.0025\ncompletion_per_1k_tokens_usd = 0.01\n')
    strict = {
        "prices_file": str(prices), "max_flag_rate": 0.0, "max_complaint_rate": 0.0, "min_segment_interactions": 1
    }  # fmt: skip
    result = _run(resources, [kpi_daily], DAY1, kpi_config=strict)
    checks = _checks(result)

    safety = checks["segment_safety"]
    assert not safety.passed and safety.severity == dg.AssetCheckSeverity.WARN
    alerts = safety.metadata["alerts"].value
    # Simulated traffic has one adapter and one use case: a segment's rates are those of its breakdown row.
    breakdown = Warehouse(landed.layout.warehouse).read_partitions("kpi_daily", [DAY1]).to_pylist()[1:]
    complaining = {row["user_segment"] for row in breakdown if row["flag_rate"] or row["complaint_rate"]}
    assert complaining and {alert["segment"] for alert in alerts} == complaining
    assert all(alert["day"] == DAY1 and alert["max_flag_rate"] == 0.0 and alert["interactions"] > 0 for alert in alerts)
    assert "segment" in safety.metadata["segments"].value

    prices_known = checks["prices_known"]
    assert not prices_known.passed and prices_known.severity == dg.AssetCheckSeverity.WARN
    assert prices_known.metadata["unpriced_models"].value == {"sim-canned-v1": 150}
    assert "sim-canned-v1" in prices_known.description
    assert _total(Warehouse(landed.layout.warehouse), DAY1)["cost_usd"] is None


def test_kpi_daily_refuses_a_day_that_was_never_labeled(landed, resources):
    _run(resources, [raw_telemetry], DAY1)
    with pytest.raises(ValueError, match=f"kpi_daily {DAY1}: the day has no labels partition"):
        dg.materialize(ASSETS, partition_key=DAY1, resources=resources, selection=[kpi_daily])


def test_the_late_feedback_window_decides_what_attaches_to_labels_and_kpis(landed, resources):
    from feedback_loop.defs.resources import LateFeedbackWindow

    warehouse = Warehouse(landed.layout.warehouse)
    _run(resources, [raw_telemetry], tags=RANGE)  # both days: day 1's late feedback landed on day 2
    totals = {}
    for days in (0, 1):
        windowed = {**resources, "late_feedback": LateFeedbackWindow(days=days)}
        result = _run(windowed, [labeled_interactions, kpi_daily], DAY1)
        late = result.asset_materializations_for_node("labeled_interactions")[0].metadata["late_signals"].value
        totals[days] = (late, _total(warehouse, DAY1))
    (late_0, kpis_0), (late_1, kpis_1) = totals[0], totals[1]
    assert late_0 == 0 and late_1 > 0
    assert kpis_1["thumbs"] > kpis_0["thumbs"] or kpis_1["outcomes"] > kpis_0["outcomes"]
