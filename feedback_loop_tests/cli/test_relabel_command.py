"""`feedback-loop relabel` refuses days never ingested instead of storing empty labels and KPIs for them."""

from typer.testing import CliRunner

from feedback_loop.cli import app
from feedback_loop.schema import events_arrow_schema
from feedback_loop.settings import load_settings
from feedback_loop.warehouse import Warehouse


def test_relabel_refuses_a_range_with_days_never_ingested_and_names_them(tmp_path):
    env = {"FEEDBACK_LOOP_DATA_DIR": str(tmp_path / "data"), "DAGSTER_HOME": str(tmp_path / "dagster_home")}
    warehouse = Warehouse(load_settings(env).layout.warehouse)
    warehouse.write_partition("events", "2026-11-01", events_arrow_schema().empty_table())

    result = CliRunner().invoke(app, ["relabel", "--start", "2026-11-01", "--end", "2026-11-03"], env=env)

    assert result.exit_code == 1, result.output
    assert "not ingested yet: 2026-11-02, 2026-11-03" in result.output
    assert "feedback-loop backfill --start 2026-11-02 --end 2026-11-03" in result.output
    assert warehouse.partitions("labels") == [] and warehouse.partitions("kpi_daily") == []
