"""HaluEval and PandaLM as telemetry: the loaders' mapping and errors, the setting that finds them, and the
labeler on real text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyarrow.compute as pc
import pytest

from feedback_loop.label.learned import cross_validate_labeler, train_labeler
from feedback_loop.label.realdata import (
    HALUEVAL_FILE,
    PANDALM_FILE,
    halueval_events,
    halueval_file,
    halueval_labels,
    pandalm_labels,
)
from feedback_loop.schema import events_arrow_schema
from feedback_loop.settings import DEFAULT_REALDATA_DIR, load_settings


def write_records(path: Path, records: list) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def record(record_id: str = "1", **fields) -> dict:
    return {
        "ID": record_id,
        "user_query": "Name three prime numbers.",
        "chatgpt_response": "2, 3 and 5.",
        "hallucination": "no",
        "hallucination_spans": [],
        **fields,
    }


def test_the_realdata_folder_is_a_setting(tmp_path):
    assert load_settings({}).realdata_dir == DEFAULT_REALDATA_DIR
    assert DEFAULT_REALDATA_DIR.parts[-2:] == ("shared", "realdata")
    assert load_settings({"FEEDBACK_LOOP_REALDATA_DIR": str(tmp_path)}).realdata_dir == tmp_path.resolve()


def test_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match=re.escape(f"{HALUEVAL_FILE}) not found at {tmp_path / 'nowhere'}")):
        halueval_file(tmp_path / "nowhere")


def test_records_become_an_interaction_and_a_thumb_each(tmp_path):
    path = write_records(
        tmp_path / HALUEVAL_FILE,
        [record("1"), record("ID", hallucination="yes", chatgpt_response="7, 9 and 15."), record("ID")],
    )
    events = halueval_events(path)
    assert events.schema == events_arrow_schema()
    assert events["event_type"].to_pylist().count("interaction") == 3
    labels = {row["interaction_id"]: row for row in halueval_labels(path).to_pylist()}
    # Two records share the ID "ID": each line is an interaction of its own.
    assert sorted(labels) == ["halueval-line-1", "halueval-line-2", "halueval-line-3"]
    second = labels["halueval-line-2"]
    assert (second["prompt"], second["response"]) == ("Name three prime numbers.", "7, 9 and 15.")
    assert (second["thumb"], second["quality"], second["quality_source"]) == ("down", "bad", "explicit")
    assert [labels[f"halueval-line-{n}"]["quality"] for n in (1, 3)] == ["good", "good"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (json.dumps(record("7", hallucination="maybe")), r"line 2, record ID '7': field 'hallucination' is 'maybe'"),
        (json.dumps(record("8", user_query=None)), r"line 2, record ID '8': field 'user_query' is None"),
        (json.dumps(record("9", chatgpt_response="  ")), r"line 2, record ID '9': field 'chatgpt_response'"),
        (json.dumps({k: v for k, v in record("10").items() if k != "ID"}), r"line 2: field 'ID' is None"),
        ("{not json", r"line 2: not a JSON object"),
        ("[1, 2]", r"line 2: not a JSON object but list"),
    ],
)
def test_a_bad_record_names_its_line_id_and_field(tmp_path, line, message):
    path = tmp_path / HALUEVAL_FILE
    path.write_text(json.dumps(record("1")) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        halueval_events(path)


def test_the_real_file_imports_with_its_human_labels(halueval_path):
    limit = 300
    raw = [json.loads(line) for line in halueval_path.read_text(encoding="utf-8").splitlines()[:limit]]
    labels = halueval_labels(halueval_path, limit=limit)
    assert labels.num_rows == limit
    assert pc.all(pc.equal(labels["quality_source"], "explicit")).as_py()
    expected = {f"halueval-line-{n}": "bad" if r["hallucination"] == "yes" else "good" for n, r in enumerate(raw, 1)}
    assert dict(zip(labels["interaction_id"].to_pylist(), labels["quality"].to_pylist(), strict=True)) == expected


def test_the_labeler_predicts_human_hallucination_labels_from_text(halueval_path):
    """With the real MiniLM encoder, on a small sample (the full figures: `feedback-loop bench labeler`)."""
    labels = halueval_labels(halueval_path, limit=400)
    assert train_labeler(labels).metrics["auc"] > 0.6
    assert cross_validate_labeler(labels, folds=3)["auc_mean"] > 0.6


def comparison(idx: int, votes=(1, 1, 2), **fields) -> dict:
    return {
        "idx": idx,
        "motivation_app": "test",
        "cmp_key": "model-a_model-b",
        "instruction": "Name a prime number.",
        "input": "",
        "response1": "7",
        "response2": "8",
        **dict(zip(("annotator1", "annotator2", "annotator3"), votes, strict=True)),
        **fields,
    }


def test_pandalm_comparisons_become_two_interactions_and_a_preference(tmp_path):
    records = [
        comparison(0),
        comparison(1, (2, 2, 0), input="Between 1 and 10."),
        comparison(2, (0, 0, 1)),
        comparison(3, (0, 1, 2)),
        comparison(4, response1=True),
    ]
    path = tmp_path / PANDALM_FILE
    path.write_text(json.dumps(records), encoding="utf-8")
    labels, data = pandalm_labels(path)
    rows = {row["interaction_id"]: row for row in labels.to_pylist()}
    assert sorted(rows) == [f"pandalm-{i}-{side}" for i in range(4) for side in (1, 2)]
    assert data.preferences == [("pandalm-0-1", "pandalm-0-2"), ("pandalm-1-2", "pandalm-1-1")]
    assert (rows["pandalm-0-1"]["quality"], rows["pandalm-0-2"]["quality"]) == ("good", "bad")
    assert rows["pandalm-1-1"]["prompt"] == "Name a prime number.\n\nBetween 1 and 10."
    assert (rows["pandalm-0-1"]["model_version"], rows["pandalm-0-2"]["model_version"]) == ("model-a", "model-b")
    # A tie, and no majority: no feedback, the interactions stay unjudged.
    assert {rows[f"pandalm-{i}-{s}"]["quality_source"] for i in (2, 3) for s in (1, 2)} == {"none"}
    assert len(data.skipped) == 1 and "idx 4): field 'response1' is True, not text" in data.skipped[0]

    path.write_text(json.dumps([comparison(5, (1, 3, 1))]), encoding="utf-8")
    with pytest.raises(ValueError, match=r"idx 5\): field 'annotator2' is 3"):
        pandalm_labels(path)


def test_the_real_pandalm_file_imports_with_its_preferences(pandalm_path):
    labels, data = pandalm_labels(pandalm_path, limit=60)
    judged = [row for row in labels.to_pylist() if row["quality_source"] == "explicit"]
    assert len(judged) == 2 * len(data.preferences) > 0
    assert sum(row["quality"] == "good" for row in judged) == len(data.preferences)
