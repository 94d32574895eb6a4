"""HaluEval as telemetry: the loader's mapping and errors, the setting that finds it, and the labeler on it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyarrow.compute as pc
import pytest

from feedback_loop.label.learned import cross_validate_labeler, train_labeler
from feedback_loop.label.realdata import HALUEVAL_FILE, halueval_events, halueval_file, halueval_labels
from feedback_loop.schema import events_arrow_schema
from feedback_loop.settings import DEFAULT_REALDATA_DIR, load_settings


@pytest.fixture(scope="module")
def halueval_path() -> Path:
    realdata_dir = load_settings().realdata_dir
    try:
        return halueval_file(realdata_dir)
    except FileNotFoundError:
        pytest.skip(f"HaluEval ({HALUEVAL_FILE}) not found at {realdata_dir} (FEEDBACK_LOOP_REALDATA_DIR)")


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
    labels = halueval_labels(halueval_path, limit=400)
    assert train_labeler(labels).metrics["auc"] > 0.6
    assert cross_validate_labeler(labels, folds=3)["auc_mean"] > 0.6
