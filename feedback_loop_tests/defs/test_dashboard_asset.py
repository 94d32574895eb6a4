"""kpi_dashboard: the page from the kpi_daily partitions and the registry, through Dagster and the CLI."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import dagster as dg
from typer.testing import CliRunner

from feedback_loop.cli import app
from feedback_loop.defs.analytics import kpi_dashboard
from feedback_loop.registry import Registry
from feedback_loop.warehouse import Warehouse
from feedback_loop_tests.analytics.kpi_tables import day_partition, registry_with_two_challengers, three_days


def _land_kpis(settings) -> list[str]:
    """Three kpi_daily partitions ending today, so that the registry's promotion falls inside the period."""
    first = (datetime.now(UTC).date() - timedelta(days=2)).isoformat()
    warehouse = Warehouse(settings.layout.warehouse)
    days = three_days(first)
    for day, rows in days.items():
        warehouse.write_partition("kpi_daily", day, day_partition(rows))
    return list(days)


def test_the_dashboard_covers_every_partition_and_every_challenger(settings, resources):
    days = _land_kpis(settings)
    registry_with_two_challengers(settings.registry_url)

    result = dg.materialize([kpi_dashboard], resources=resources)
    assert result.success
    metadata = result.asset_materializations_for_node("kpi_dashboard")[0].metadata
    path = settings.layout.reports / "dashboard.html"
    assert metadata["path"].value == str(path)
    assert (
        metadata["days"].value == 3
        and metadata["first_day"].value == days[0]
        and metadata["last_day"].value == days[-1]
    )
    assert metadata["plots"].value == 5 and metadata["challengers"].value == 2

    text = path.read_text()
    assert f"{days[0]} to {days[-1]} (3 days)" in text
    assert 'data-plot="gate_intervals"' in text and "<!-- promoted v1 -->" in text
    assert '<span class="status status-champion">champion</span>' in text
    assert '<span class="status status-rejected">rejected</span>' in text
    assert "Moves right of the newest day" not in text, "the promotion happened on the newest day"


def test_before_any_data_the_dashboard_says_so(settings, resources):
    result = dg.materialize([kpi_dashboard], resources=resources)
    assert result.success
    metadata = result.asset_materializations_for_node("kpi_dashboard")[0].metadata
    assert metadata["days"].value == 0 and metadata["plots"].value == 0 and metadata["challengers"].value == 0
    text = (settings.layout.reports / "dashboard.html").read_text()
    assert "No KPI data yet" in text and "No challengers registered yet" in text


def test_the_cli_builds_it_in_a_recorded_run_and_opens_it(settings, monkeypatch):
    _land_kpis(settings)
    Registry(settings.registry_url).register("v1", path="/adapters/v1", metrics={}, lineage={}, actor="test")
    opened = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    monkeypatch.setenv("DAGSTER_HOME", str(settings.dagster_home))

    completed = CliRunner().invoke(app, ["dashboard", "--open", "--data-dir", str(settings.data_dir)])
    assert completed.exit_code == 0, completed.output
    path = settings.layout.reports / "dashboard.html"
    assert opened == [path.as_uri()]
    # v1 has no offline evaluation yet: its row in the table, but no gate plot.
    assert "days 3, plots 4, challengers 1" in " ".join(completed.output.split())

    with dg.DagsterInstance.from_config(str(settings.dagster_home)) as instance:
        runs = instance.get_runs()
        assert len(runs) == 1 and runs[0].is_success
        assert instance.get_latest_materialization_event(dg.AssetKey("kpi_dashboard")).run_id == runs[0].run_id


def test_the_cli_reports_a_failed_run(settings, monkeypatch):
    Warehouse(settings.layout.warehouse).write_partition(
        "kpi_daily", "2026-11-01", day_partition(three_days()["2026-11-01"]).drop_columns(["resolved"])
    )
    monkeypatch.setenv("DAGSTER_HOME", str(settings.dagster_home))
    completed = CliRunner().invoke(app, ["dashboard", "--data-dir", str(settings.data_dir)])
    assert completed.exit_code == 1
    assert "FAILED" in completed.output and "'resolved'" in completed.output
