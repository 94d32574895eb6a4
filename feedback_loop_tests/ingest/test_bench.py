"""`feedback-loop bench ingest`: the figures the issue names, and line counts that add up (no timed assertion)."""

import json

from typer.testing import CliRunner

from feedback_loop.cli import app
from feedback_loop.ingest import ingest_partition
from feedback_loop.ingest.bench import BENCH_PARTITION, BENCH_PSEUDONYM_KEY, LANDING_FILES, write_landing_day


def test_landing_day_plants_duplicates_broken_lines_and_personal_data(tmp_path):
    planted = write_landing_day(tmp_path, 3000, seed=1)
    assert planted["duplicates"] > 0 and planted["broken"] > 0 and planted["events_with_personal_data"] > 0
    files = sorted((tmp_path / BENCH_PARTITION).iterdir())
    assert len(files) == LANDING_FILES
    assert sum(len(path.read_text().splitlines()) for path in files) == 3000

    result = ingest_partition(tmp_path, BENCH_PARTITION, BENCH_PSEUDONYM_KEY)
    assert result.read == 3000
    assert result.duplicates == planted["duplicates"]
    assert result.quarantined == planted["broken"]
    assert result.valid == 3000 - planted["duplicates"] - planted["broken"]
    assert sum(result.redactions.values()) > 0


def test_bench_ingest_writes_the_figures_and_counts_add_up(tmp_path):
    out = tmp_path / "ingest.json"
    work = tmp_path / "not" / "there" / "yet"  # a work folder that does not exist yet is made
    result = CliRunner().invoke(
        app, ["bench", "ingest", "--events", "300", "--json-out", str(out), "--work-dir", str(work)]
    )
    assert result.exit_code == 0, result.output
    assert work.is_dir() and not any(work.iterdir())  # its work files are gone
    figures = json.loads(out.read_text())
    assert {"events", "project_events_per_s", "duckdb_events_per_s", "ratio", "peak_rss_mb"} <= set(figures)
    assert figures["events"] == figures["read"] == 300
    assert figures["tier"] == "patterns"
    assert figures["valid"] + figures["quarantined"] + figures["duplicates"] == 300
    assert figures["quarantined"] == figures["planted"]["broken"]
    assert figures["duplicates"] == figures["planted"]["duplicates"]
    assert figures["duckdb_rows"] == 300 - figures["planted"]["broken"]
    assert figures["ratio"] == figures["project_events_per_s"] / figures["duckdb_events_per_s"]
    assert figures["peak_rss_mb"] > 0 and figures["duckdb_peak_rss_mb"] > 0
    assert "project / DuckDB" in result.output


def test_bench_ingest_refuses_an_unknown_tier():
    result = CliRunner().invoke(app, ["bench", "ingest", "--events", "10", "--tier", "regex"])
    assert result.exit_code != 0
    assert "unknown tier" in result.output
