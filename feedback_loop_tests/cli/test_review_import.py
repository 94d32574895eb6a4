"""`feedback-loop review import`: a file naming an interaction the warehouse never labeled is refused at once."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from feedback_loop.cli import app
from feedback_loop.label.decisions import REVIEWS_TABLE, reviews_arrow_schema
from feedback_loop.warehouse import Warehouse
from feedback_loop_tests.label.test_decisions import _labeled


def test_an_unknown_interaction_id_is_refused_naming_the_line_and_the_id_and_nothing_is_recorded(tmp_path):
    warehouse = Warehouse(tmp_path / "data" / "warehouse")
    _labeled(warehouse, "i1")
    path = tmp_path / "queue.jsonl"
    lines = [
        {"interaction_id": "i1", "decision": "relabel", "quality": "good"},
        {"interaction_id": "[bold]ghost", "decision": "relabel", "quality": "bad"},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    env = {"DAGSTER_HOME": str(tmp_path / "home")}
    args = ["review", "import", str(path), "--reviewer", "ana", "--no-relabel", "--data-dir", str(tmp_path / "data")]
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == 1, result.output
    output = " ".join(result.output.split())
    assert "refused: 1 invalid decision line(s), nothing imported:" in output
    assert "queue.jsonl:2: field 'interaction_id': '[bold]ghost' is no labeled interaction" in output
    assert warehouse.read_appended(REVIEWS_TABLE, reviews_arrow_schema()).num_rows == 0
