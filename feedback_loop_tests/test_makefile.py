"""The Makefile: `make clean` removes everything the pipeline wrote under the data root and nothing else, and the
quickstart's daily partitions start at its first landing day."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from feedback_loop.settings import DataLayout, load_settings

REPO = Path(__file__).resolve().parents[1]


def _make(*args: str, data_dir: Path, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in {"FEEDBACK_LOOP_FIRST_DAY", "DAGSTER_HOME"}}
    environment |= {"FEEDBACK_LOOP_DATA_DIR": str(data_dir), **env}
    completed = subprocess.run(
        ["make", "--no-print-directory", *args], cwd=REPO, env=environment, capture_output=True, text=True
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def test_clean_removes_every_entry_of_the_data_layout(tmp_path):
    [command] = _make("-n", "clean", data_dir=tmp_path).splitlines()
    assert command.startswith("rm -rf ")
    removed = {Path(path).relative_to(tmp_path).as_posix() for path in command.split()[2:]}
    assert removed == set(DataLayout(tmp_path).written_entries())
    # The layout's paths all lie under those entries: a new folder in DataLayout must reach the Makefile.
    assert {"reports", "prompts", "prompt_registry.db", "secrets", "models", "checkpoints", "manifests"} <= removed


def _recipe_line(output: str, program: str) -> str:
    [line] = [line for line in output.splitlines() if program in line]
    return line


def test_the_quickstart_partitions_start_at_the_first_landing_day(tmp_path):
    """Issue 9: partitions from 2026-01-01 showed a first run as hundreds of missing days."""
    # A fresh data root: empty, so the demo starts the partitions at its own first day (demo_settings).
    assert _recipe_line(_make("-n", "demo", data_dir=tmp_path), "feedback-loop demo").startswith(
        "FEEDBACK_LOOP_FIRST_DAY= "
    )
    for day in ("2026-11-04", "2026-11-03", "2026-11-05"):
        (tmp_path / "landing" / day).mkdir(parents=True)
    (tmp_path / "landing" / "not-a-day").mkdir()
    for target, program in (("ui", "dagster dev"), ("demo", "feedback-loop demo")):
        line = _recipe_line(_make("-n", target, data_dir=tmp_path), program)
        assert line.startswith("FEEDBACK_LOOP_FIRST_DAY=2026-11-03 "), line
    # A first day of one's own wins.
    line = _recipe_line(_make("-n", "ui", data_dir=tmp_path, FEEDBACK_LOOP_FIRST_DAY="2026-10-01"), "dagster dev")
    assert line.startswith("FEEDBACK_LOOP_FIRST_DAY=2026-10-01 "), line


@pytest.mark.slow
def test_clean_after_a_demo_leaves_only_what_git_tracks_in_the_data_root(tmp_path):
    """Issue 9: `make clean` left reports/, prompts/, prompt_registry.db and secrets/ behind."""
    from feedback_loop.demo import DemoConfig, plot_kpi, run_demo, write_json
    from feedback_loop.runs import run_dashboard
    from feedback_loop_tests.defs.conftest import retrain_run_config

    data_dir = tmp_path / "data"
    tracked = subprocess.run(
        ["git", "ls-files", "data"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    assert tracked, "git tracks no file under data/"
    # The tracked files of data/ (its README), as a checkout has them.
    kept = sorted(Path(name).relative_to("data").as_posix() for name in tracked)
    for name in kept:
        (data_dir / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "data" / name, data_dir / name)
    # What `make demo` runs, smaller: the Dagster home is the default one under the data root.
    settings = load_settings({"FEEDBACK_LOOP_DATA_DIR": str(data_dir)})
    config = DemoConfig(
        iterations=1, interactions=120, seed=1, last_day=date(2026, 11, 5), retrain_run_config=retrain_run_config()
    )
    rows = run_demo(settings, config, progress=lambda message: None)
    write_json(rows, settings.layout.reports / "demo.json")
    plot_kpi(rows, settings.layout.reports / "demo_kpi.png")
    assert run_dashboard(settings).success
    written = {path.name for path in data_dir.iterdir()}
    assert {"reports", "prompts", "prompt_registry.db", "secrets", "dagster_home", "warehouse"} <= written

    _make("clean", data_dir=data_dir)

    remaining = sorted(path.relative_to(data_dir).as_posix() for path in data_dir.rglob("*") if path.is_file())
    assert remaining == kept
