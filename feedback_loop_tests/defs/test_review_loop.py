"""Human review end to end: the auto-labeler in the ingestion run, the review queue exchanged as JSONL with an
annotation tool or worked through in the terminal, and decisions that survive re-materialization."""

from __future__ import annotations

import json

import dagster as dg
import pytest
from typer.testing import CliRunner

from feedback_loop.cli import app
from feedback_loop.defs.label import auto_labeler, labeled_interactions, review_queue
from feedback_loop.label.decisions import make_decision
from feedback_loop.label.reviewing import record_decisions
from feedback_loop.runs import run_ingestion
from feedback_loop.warehouse import Warehouse
from feedback_loop_tests.defs.conftest import DAYS


def _cli(settings, *args, input=None):
    env = {"FEEDBACK_LOOP_DATA_DIR": str(settings.data_dir), "DAGSTER_HOME": str(settings.dagster_home)}
    result = CliRunner().invoke(app, list(args), env=env, input=input)
    assert result.exit_code == 0, result.output
    return result.output


def _labels(settings) -> dict[str, dict]:
    labels = Warehouse(settings.layout.warehouse).read_partitions("labels")
    return {row["interaction_id"]: row for row in labels.to_pylist()}


@pytest.fixture
def ingested(landed, instance):
    result = run_ingestion(landed, DAYS[0], DAYS[-1], instance=instance)
    assert result.success
    return landed


def test_the_ingestion_run_trains_the_auto_labeler_and_uses_it(ingested, instance):
    materialization = instance.get_latest_materialization_event(dg.AssetKey("auto_labeler")).asset_materialization
    version = materialization.metadata["version"].value
    assert materialization.metadata["heldout_auc"].value > 0.5
    rows = _labels(ingested).values()
    model_rows = [row for row in rows if row["quality_source"] == "model"]
    assert model_rows and all(row["label_model_version"] == version for row in model_rows)
    # What users said explicitly is never overwritten by the model.
    for row in rows:
        if row["thumb"] is not None and not row["flags"] and row["rating"] is None and row["correction"] is None:
            assert row["quality_source"] == "explicit" and row["quality"] == ("good" if row["thumb"] == "up" else "bad")


def test_export_edit_import_round_trip(ingested, instance, tmp_path):
    exported = tmp_path / "queue.jsonl"
    _cli(ingested, "review", "export", "--out", str(exported), "--limit", "3")
    lines = [json.loads(line) for line in exported.read_text().splitlines()]
    assert len(lines) == 3 and all(line["decision"] is None and line["prompt"] for line in lines)
    labels_now = _labels(ingested)
    assert all(line["label_quality"] == labels_now[line["interaction_id"]]["quality"] for line in lines)
    assert [line["priority"] for line in lines] == sorted((line["priority"] for line in lines), reverse=True)
    relabeled, flagged, undecided = (line["interaction_id"] for line in lines)
    before = _labels(ingested)
    new_quality = "bad" if before[relabeled]["quality"] == "good" else "good"
    lines[0].update(decision="relabel", quality=new_quality, note="checked the answer")
    lines[1].update(decision="flag", flag="privacy", reviewer="bo")
    exported.write_text("".join(json.dumps(line) + "\n" for line in lines))

    output = _cli(ingested, "review", "import", str(exported), "--reviewer", "ana", "--no-relabel")
    assert "2 decision(s) imported, 0 already recorded, 1 line(s) undecided" in output
    # Not re-labeled yet: the command it prints does it (it once printed one that Dagster refuses).
    command = output.split("labeled again: ", 1)[1].split()
    assert command[:2] == ["feedback-loop", "relabel"]
    assert "succeeded" in _cli(ingested, *command[1:])
    after = _labels(ingested)
    assert (after[relabeled]["quality"], after[relabeled]["quality_source"]) == (new_quality, "human")
    assert (after[relabeled]["reviewer"], after[relabeled]["quality_confidence"]) == ("ana", 1.0)
    assert after[flagged]["quality"] == "bad" and "privacy" in after[flagged]["flags"]
    assert after[flagged]["reviewer"] == "bo" and not after[flagged]["needs_review"]
    queue = Warehouse(ingested.layout.warehouse).read_table("review_queue").column("interaction_id").to_pylist()
    assert relabeled not in queue and flagged not in queue and undecided in queue

    # Importing the same file again adds nothing; re-running the whole ingestion keeps the decisions.
    assert "0 decision(s) imported, 2 already recorded" in _cli(
        ingested, "review", "import", str(exported), "--reviewer", "ana", "--no-relabel"
    )
    assert run_ingestion(ingested, DAYS[0], DAYS[-1], instance=instance).success
    again = _labels(ingested)
    assert (again[relabeled]["quality"], again[relabeled]["quality_source"]) == (new_quality, "human")
    assert again[flagged]["quality_source"] == "human"


def test_decided_interactions_leave_the_queue_even_before_their_day_is_labeled_again(ingested, resources, instance):
    warehouse = Warehouse(ingested.layout.warehouse)
    before = warehouse.read_table("review_queue").column("interaction_id").to_pylist()
    decided = before[:2]
    record_decisions(warehouse, [make_decision(i, "relabel", reviewer="ana", quality="good") for i in decided])
    # Not re-labeled (review --no-relabel, or a day older than the nightly re-label window): the decided kept their
    # places in the day's budget while undecided interactions stayed left out.
    assert dg.materialize([review_queue], resources=resources, instance=instance).success
    after = warehouse.read_table("review_queue").column("interaction_id").to_pylist()
    assert not set(decided) & set(after) and set(before[2:]) <= set(after)


def test_a_bad_import_is_refused_whole(ingested, tmp_path):
    exported = tmp_path / "queue.jsonl"
    _cli(ingested, "review", "export", "--out", str(exported), "--limit", "2")
    lines = [json.loads(line) for line in exported.read_text().splitlines()]
    lines[0].update(decision="relabel", quality="good")
    lines[1].update(decision="relabel", quality="excellent")
    exported.write_text("".join(json.dumps(line) + "\n" for line in lines))
    env = {"FEEDBACK_LOOP_DATA_DIR": str(ingested.data_dir), "DAGSTER_HOME": str(ingested.dagster_home)}
    result = CliRunner().invoke(app, ["review", "import", str(exported), "--reviewer", "ana"], env=env)
    assert result.exit_code == 1
    assert "queue.jsonl:2: field 'quality'" in result.output and "nothing imported" in result.output
    assert Warehouse(ingested.layout.warehouse).read_appended("reviews").num_rows == 0


def test_reviewing_in_the_terminal(ingested):
    queue = Warehouse(ingested.layout.warehouse).read_table("review_queue").column("interaction_id").to_pylist()
    # good, then flag (reason harmful, a note), then quit.
    output = _cli(ingested, "review", "--reviewer", "cy", "--limit", "5", input="g\nf\nharmful\ntoo risky\nq\n")
    assert "2 decision(s) recorded by cy" in output and "re-labeled" in output
    labels = _labels(ingested)
    assert (labels[queue[0]]["quality"], labels[queue[0]]["reviewer"]) == ("good", "cy")
    assert labels[queue[1]]["flags"] == sorted(set(labels[queue[1]]["flags"]) | {"harmful"})
    assert labels[queue[1]]["quality_source"] == "human" and labels[queue[2]]["quality_source"] != "human"


def test_a_skipped_item_stays_in_the_queue_after_the_unseen_ones(ingested, tmp_path):
    queue = Warehouse(ingested.layout.warehouse).read_table("review_queue").column("interaction_id").to_pylist()
    assert "0 decision(s) recorded" in _cli(ingested, "review", "--reviewer", "cy", "--limit", "1", input="s\n")
    exported = tmp_path / "queue.jsonl"
    _cli(ingested, "review", "export", "--out", str(exported))
    order = [json.loads(line)["interaction_id"] for line in exported.read_text().splitlines()]
    assert order == queue[1:] + queue[:1]


def test_too_few_labels_keep_the_previous_labeler(ingested, resources, instance):
    trained = instance.get_latest_materialization_event(dg.AssetKey("auto_labeler")).asset_materialization
    version = trained.metadata["version"].value
    config = {"ops": {"auto_labeler": {"config": {"min_examples_per_class": 100_000}}}}
    result = dg.materialize([auto_labeler], resources=resources, run_config=config, instance=instance)
    materialization = result.asset_materializations_for_node("auto_labeler")[0]
    assert materialization.metadata["version"].value == version
    assert materialization.metadata["training_days"].value == trained.metadata["training_days"].value
    assert f"labeling keeps the previous model {version}" in materialization.metadata["reason"].value
    check = result.get_asset_check_evaluations()[0]
    assert check.check_name == "labeler_quality" and not check.passed
    assert check.severity == dg.AssetCheckSeverity.WARN

    # The same, with a threshold the previous labeler does not reach: it labels nothing (it kept labeling).
    config["ops"]["auto_labeler"]["config"]["min_holdout_auc"] = 1.01
    result = dg.materialize([auto_labeler], resources=resources, run_config=config, instance=instance)
    materialization = result.asset_materializations_for_node("auto_labeler")[0]
    assert materialization.metadata["labels_with_model"].value is False
    assert f"the previous model {version}" in materialization.metadata["reason"].value
    check = result.get_asset_check_evaluations()[0]
    assert not check.passed and check.severity == dg.AssetCheckSeverity.ERROR
    relabel = dg.materialize([labeled_interactions], resources=resources, instance=instance, partition_key=DAYS[0])
    assert (
        relabel.asset_materializations_for_node("labeled_interactions")[0].metadata["labels_with_model"].value is False
    )
