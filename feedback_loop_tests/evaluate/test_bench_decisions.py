"""`feedback-loop bench decisions` runs the real gates and writes the rows the issue names."""

import json

from typer.testing import CliRunner

from feedback_loop.cli import app
from feedback_loop.evaluate.bench import OFFLINE_DIFFERENCES, ONLINE_DIFFERENCES


def test_bench_decisions_writes_one_row_per_gate_regime_and_difference(tmp_path):
    out = tmp_path / "decisions.json"
    result = CliRunner().invoke(
        app,
        [
            "bench",
            "decisions",
            "--online-replications",
            "2",
            "--offline-replications",
            "2",
            "--workers",
            "1",
            "--json-out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(out.read_text())
    online = [row for row in rows if row["gate"] == "online"]
    offline = [row for row in rows if row["gate"] == "offline"]
    assert [r["true_difference"] for r in online if r["regime"] == "default"] == list(ONLINE_DIFFERENCES)
    assert [r["true_difference"] for r in online if r["regime"] == "powered"] == list(ONLINE_DIFFERENCES)
    assert [r["true_difference"] for r in offline] == list(OFFLINE_DIFFERENCES)
    assert all(0 <= row["p_promote"] <= 1 and row["replications"] == 2 for row in rows)
    # The powered regime has the traffic to reach the planned sample before the deadline.
    powered = {row["interactions_per_day"] for row in online if row["regime"] == "powered"}
    assert min(powered) > 2000
    assert "P(promote)" in result.output


def test_a_test_planned_for_a_better_canary_needs_less_traffic_to_reach_its_planned_sample(tmp_path):
    def online_rows(*options: str) -> list[dict]:
        out = tmp_path / "decisions.json"
        arguments = ["bench", "decisions", "--online-replications", "2", "--offline-replications", "1"]
        result = CliRunner().invoke(app, [*arguments, "--workers", "1", *options, "--json-out", str(out)])
        assert result.exit_code == 0, result.output
        return [row for row in json.loads(out.read_text()) if row["gate"] == "online"]

    as_good = online_rows()
    better = online_rows("--expected-difference", "0.05")
    assert {row["expected_difference_points"] for row in as_good} == {0.0}
    assert {row["expected_difference_points"] for row in better} == {5.0}

    def powered(rows: list[dict]) -> int:
        return max(row["interactions_per_day"] for row in rows if row["regime"] == "powered")

    # The sample size scales with 1 / (margin + expected difference)^2, (2 / 7)^2 of it: the demo's own 2,000
    # interactions a day reach it within half the deadline, where a test planned for an equal canary needs more.
    assert powered(better) == 2000 < powered(as_good)
