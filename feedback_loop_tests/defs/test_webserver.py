"""UI smoke test: a real dagster-webserver serves the code location with every asset and the gate check."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
EXPECTED_ASSETS = {
    "raw_telemetry",
    "review_decisions",
    "auto_labeler",
    "labeled_interactions",
    "review_queue",
    "sft_dataset",
    "preference_pairs",
    "kto_dataset",
    "base_model",
    "lora_adapter",
    "adapter_evaluation",
    "champion_adapter",
    "online_ab_test",
    "kpi_daily",
    "kpi_dashboard",
    "prompt_recommendations",
    "prompt_ab_test",
}
QUERY = """
{
  workspaceOrError { ... on Workspace { locationEntries { name } } }
  assetNodes {
    assetKey { path }
    assetChecksOrError { ... on AssetChecks { checks { name blocking description } } }
  }
}
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_webserver_lists_assets_and_the_blocking_gate(tmp_path):
    port = _free_port()
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "DAGSTER_HOME": str(home), "FEEDBACK_LOOP_DATA_DIR": str(tmp_path / "data")}
    webserver = Path(sys.executable).with_name("dagster-webserver")
    with (tmp_path / "webserver.log").open("w") as log:
        # Own process group, ended by its PID: the webserver starts a code server child of its own.
        process = subprocess.Popen(
            [str(webserver), "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 180
            while True:
                assert process.poll() is None, (tmp_path / "webserver.log").read_text()[-3000:]
                try:
                    if httpx.get(f"{base}/server_info", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert time.monotonic() < deadline, "webserver did not answer within 180 s"
                time.sleep(1)
            nodes = []
            while time.monotonic() < deadline:  # the code location loads after the server answers
                response = httpx.post(f"{base}/graphql", json={"query": QUERY}, timeout=30)
                assert response.status_code == 200, response.text
                data = response.json()["data"]
                nodes = data["assetNodes"]
                if nodes:
                    break
                time.sleep(1)
            keys = {"/".join(node["assetKey"]["path"]) for node in nodes}
            assert keys >= EXPECTED_ASSETS
            checks = {
                ("/".join(n["assetKey"]["path"]), c["name"]): c["blocking"]
                for n in nodes
                for c in (n["assetChecksOrError"] or {}).get("checks", [])
            }
            assert [entry["name"] for entry in data["workspaceOrError"]["locationEntries"]] == ["feedback-loop"]
            assert all(c["description"] for n in nodes for c in (n["assetChecksOrError"] or {}).get("checks", [])), (
                "a check shows no description"
            )
            assert checks[("adapter_evaluation", "offline_gate")] is True
            # The warnings people act on: invalid lines, labeler quality, segment safety, unpriced models.
            for warning in [("raw_telemetry", "quarantine_rate"), ("auto_labeler", "labeler_quality"),
                            ("kpi_daily", "segment_safety"), ("kpi_daily", "prices_known")]:  # fmt: skip
                assert checks[warning] is False, warning
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
