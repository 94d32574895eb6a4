"""The code location as the Dagster UI shows it: a name, and a description for every check."""

from pathlib import Path

import yaml

from feedback_loop.definitions import build_defs
from feedback_loop.settings import Settings

REPO = Path(__file__).resolve().parents[1]


def test_every_asset_check_has_a_description(tmp_path):
    """Issue 9: non-blocking checks showed "No description provided" in the UI."""
    graph = build_defs(Settings(data_dir=tmp_path)).resolve_asset_graph()
    checks = {key: graph.get_check_spec(key) for key in graph.asset_check_keys}
    assert len(checks) >= 5
    missing = sorted(key.to_user_string() for key, spec in checks.items() if not (spec.description or "").strip())
    assert not missing, f"checks without a description: {missing}"


def test_the_workspace_names_the_code_location():
    """Issue 9: the code location was unnamed in the UI."""
    [entry] = yaml.safe_load((REPO / "workspace.yaml").read_text())["load_from"]
    assert entry["python_module"]["location_name"] == "feedback-loop"
    assert (entry["python_module"]["module_name"], entry["python_module"]["attribute"]) == (
        "feedback_loop.definitions",
        "defs",
    )
