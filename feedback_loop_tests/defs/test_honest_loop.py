"""The labeler, curation and both gates see only telemetry, never the simulator's hidden truth."""

import json
import subprocess
import sys
import textwrap
from datetime import date

import pytest

from feedback_loop_tests.defs.conftest import DAYS, retrain_run_config
from feedback_loop_tests.package_imports import PACKAGE, imports, modules, room

# Only the simulator itself, and the demo, the CLI and the benchmarks of labeling's cost and of the loop that drive it,
# may import it.
ALLOWED = {PACKAGE / "demo.py", PACKAGE / "cli.py", PACKAGE / "labeling_cost.py", PACKAGE / "loop_bench.py"}


def test_no_pipeline_module_imports_the_simulator():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in modules()
        if room(path) != "simulate"
        and path not in ALLOWED
        and any(name.startswith("feedback_loop.simulate") for name in imports(path))
    ]
    assert offenders == []


@pytest.mark.slow
def test_the_pipeline_runs_with_the_simulator_unimportable(settings, tmp_path):
    from feedback_loop.simulate import simulate_day

    for seed, day in enumerate(DAYS):
        simulate_day(settings.layout.landing, date.fromisoformat(day), 150, seed)
    environment = {"FEEDBACK_LOOP_DATA_DIR": str(settings.data_dir), "DAGSTER_HOME": str(settings.dagster_home)}
    script = textwrap.dedent(
        f"""
        import importlib.abc, json, sys

        class BlockSimulator(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name == "feedback_loop.simulate" or name.startswith("feedback_loop.simulate."):
                    raise ImportError(name + " is blocked: the pipeline must not see the simulator")

        sys.meta_path.insert(0, BlockSimulator())
        from feedback_loop.runs import gate_evaluation, run_ingestion, run_retraining
        from feedback_loop.settings import load_settings

        settings = load_settings({json.dumps(environment)})
        ingestion = run_ingestion(settings, "{DAYS[0]}", "{DAYS[-1]}")
        retrain = run_retraining(settings, {retrain_run_config()!r})
        print(json.dumps({{"ingestion": ingestion.success, "retrain": retrain.success,
                          "gate": gate_evaluation(retrain) is not None,
                          "simulator_loaded": any(m.startswith("feedback_loop.simulate") for m in sys.modules)}}))
        """
    )
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert completed.returncode == 0, completed.stderr[-3000:]
    outcome = json.loads(completed.stdout.strip().splitlines()[-1])
    assert outcome == {"ingestion": True, "retrain": True, "gate": True, "simulator_loaded": False}
