"""`dagster asset materialize --partition-range` backfills a range of days in one run."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import dagster as dg
import pytest

from feedback_loop.simulate import simulate_day
from feedback_loop.warehouse import Warehouse

pytestmark = pytest.mark.slow

RANGE = ["2026-11-01", "2026-11-02", "2026-11-03"]


def test_cli_backfill_of_three_days_materializes_three_partitions(tmp_path):
    data_dir, home = tmp_path / "data", tmp_path / "home"
    home.mkdir()
    for seed, day in enumerate(RANGE):
        simulate_day(data_dir / "landing", date.fromisoformat(day), 30, seed)
    env = {**os.environ, "FEEDBACK_LOOP_DATA_DIR": str(data_dir), "DAGSTER_HOME": str(home)}
    dagster = Path(sys.executable).with_name("dagster")
    completed = subprocess.run(
        [
            str(dagster),
            "asset",
            "materialize",
            "-m",
            "feedback_loop.definitions",
            "--select",
            "raw_telemetry,labeled_interactions",
            "--partition-range",
            f"{RANGE[0]}...{RANGE[-1]}",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]

    with dg.DagsterInstance.from_config(str(home)) as instance:
        for key in ("raw_telemetry", "labeled_interactions"):
            assert instance.get_materialized_partitions(dg.AssetKey(key)) == set(RANGE)
        runs = instance.get_runs()
        assert len(runs) == 1  # single-run backfill policy: one run for the whole range
    warehouse = Warehouse(data_dir / "warehouse")
    assert warehouse.partitions("events") == RANGE
    assert warehouse.partitions("labels") == RANGE
