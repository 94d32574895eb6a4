"""The learned labeler: calibration, learning a planted signal (and nothing without one), no label leakage,
no prompt shortcut, Bradley-Terry pairs, a split by prompt group, versioning, safe persistence, clear errors.

The logic tests use the ``hashed_encoder`` stand-in (conftest.py) so that they take seconds; the real encoder
is tested in test_encoders.py and on real data in test_realdata.py."""

from __future__ import annotations

import json
import math
import random
from datetime import UTC, datetime, timedelta

import numpy as np
import pyarrow as pa
import pytest

from feedback_loop.label.bench import bench_simulated, simulated_labels
from feedback_loop.label.learned import (
    NUMERIC_FEATURES,
    InsufficientLabels,
    LabelerIntegrityError,
    LabelerSpec,
    expected_calibration_error,
    feature_inputs,
    labeler_digest,
    load_labeler,
    planned_version,
    predict_changed,
    prompt_group,
    save_labeler,
    split_units,
    train_labeler,
)
from feedback_loop.label.rules import labels_arrow_schema

T0 = datetime(2026, 3, 1, tzinfo=UTC)
WORDS = [
    "account",
    "order",
    "refund",
    "password",
    "invoice",
    "delivery",
    "settings",
    "email",
    "profile",
    "billing",
    "plan",
    "device",
]
# The columns the explicit label is made of, and those derived from them; the model must not read any.
EXPLICIT_COLUMNS = ("thumb", "rating", "correction", "flags", "comment", "offensive", "n_feedback_events")
LABEL_COLUMNS = ("quality", "quality_confidence", "quality_source", "needs_review", "review_codes", "review_reason")


def label_row(index: int, quality: str, rng: random.Random, source: str = "explicit", **fields) -> dict:
    """A label row with neutral random text and behaviour; ``fields`` override any column."""
    row = {field.name: None for field in labels_arrow_schema()}
    row.update(
        interaction_id=f"i-{index:05d}",
        timestamp=T0 + timedelta(seconds=index),
        session_id=f"s-{index}",
        user_id=f"u-{index % 50}",
        use_case="support",
        prompt="How do I change my " + " ".join(rng.choices(WORDS, k=3)) + "?",
        system_prompt_version="sp-1",
        response="Open " + " ".join(rng.choices(WORDS, k=8)) + ".",
        model_version="base-1",
        latency_ms=rng.uniform(200, 900),
        prompt_tokens=8,
        completion_tokens=rng.randint(10, 40),
        flags=[],
        reading_time_ms=rng.uniform(1000, 20000),
        actions=[],
        n_feedback_events=1 if source == "explicit" else 0,
        n_behaviour_events=1,
        quality=quality,
        quality_confidence=0.8,
        quality_source=source,
        escalated=False,
        offensive=False,
        needs_review=False,
        review_codes=[],
    )
    if source == "explicit":
        row["thumb"] = "up" if quality == "good" else "down"
    row.update(fields)
    return row


def table(rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=labels_arrow_schema())


def planted(n: int, seed: int, good_probability, first_index: int = 0) -> pa.Table:
    """``n`` explicit labels whose quality is drawn with ``good_probability(rng) -> (P(good), fields)``."""
    rng = random.Random(seed)
    rows = []
    for index in range(first_index, first_index + n):
        probability, fields = good_probability(rng)
        rows.append(label_row(index, "good" if rng.random() < probability else "bad", rng, **fields))
    return table(rows)


def good(labels: pa.Table) -> np.ndarray:
    return np.array([quality == "good" for quality in labels["quality"].to_pylist()])


LOG_READING = (math.log(500.0), math.log(60_000.0))


def reading_probability(log_reading_ms: np.ndarray | float):
    """The known P(good): a logistic curve of the log reading time (users who read longer were helped)."""
    low, high = LOG_READING
    return 1.0 / (1.0 + np.exp(-2.5 * (log_reading_ms - (low + high) / 2) / ((high - low) / 2)))


def reading_truth(labels: pa.Table) -> np.ndarray:
    return reading_probability(np.log(np.array(labels["reading_time_ms"].to_pylist())))


def reading_signal(rng: random.Random):
    log_reading_ms = rng.uniform(*LOG_READING)
    return float(reading_probability(log_reading_ms)), {"reading_time_ms": math.exp(log_reading_ms)}


def copy_signal(rng: random.Random):
    """Copying the answer is the known truth: P(good) is 0.8 for copied answers, 0.3 for the others."""
    copied = rng.random() < 0.5
    return (0.8 if copied else 0.3), {"actions": ["copy"] if copied else []}


def text_signal(rng: random.Random):
    """Answers that mention a missing page are usually bad."""
    broken = rng.random() < 0.5
    response = "Sorry, that page does not exist." if broken else "Open " + " ".join(rng.choices(WORDS, k=8)) + "."
    return (0.1 if broken else 0.9), {"response": response}


def no_signal(rng: random.Random):
    return 0.5, {}


def held_out(labels: pa.Table, spec: LabelerSpec = LabelerSpec()) -> pa.Table:
    groups = [prompt_group(prompt) for prompt in labels["prompt"].to_pylist()]
    return labels.filter(pa.array(split_units(groups, spec.seed) < spec.holdout_fraction))


@pytest.fixture(scope="module")
def copy_data() -> pa.Table:
    return planted(2000, 1, copy_signal)


@pytest.fixture(scope="module")
def copy_labeler(copy_data, hashed_encoder):
    return train_labeler(copy_data, encoder=hashed_encoder)


@pytest.fixture(scope="module")
def train(hashed_encoder):
    """train_labeler with the stand-in encoder."""

    def train(labels: pa.Table, spec: LabelerSpec = LabelerSpec()):
        return train_labeler(labels, spec, encoder=hashed_encoder)

    return train


def test_probabilities_are_calibrated_where_the_truth_is_known(train):
    labeler = train(planted(2000, 1, reading_signal))
    assert labeler.metrics["ece"] < 0.1
    fresh = planted(4000, 2, reading_signal, first_index=10_000)
    predicted = labeler.predict_good_proba(fresh)
    assert expected_calibration_error(good(fresh), predicted) < 0.05
    # Looser per row: what the model reads into the random text spreads its predictions around the truth.
    assert np.abs(predicted - reading_truth(fresh)).mean() < 0.12


def test_isotonic_calibration_recovers_a_step_shaped_truth(copy_data, train):
    labeler = train(copy_data, LabelerSpec(calibration="isotonic"))
    fresh = planted(4000, 2, copy_signal, first_index=10_000)
    predicted = labeler.predict_good_proba(fresh)
    copied = np.array([actions == ["copy"] for actions in fresh["actions"].to_pylist()])
    assert abs(predicted[copied].mean() - 0.8) < 0.05
    assert abs(predicted[~copied].mean() - 0.3) < 0.05
    assert expected_calibration_error(good(fresh), predicted) < 0.05


def test_metrics_describe_the_held_out_part_and_the_training_data(copy_labeler, copy_data):
    metrics = copy_labeler.metrics
    holdout = held_out(copy_data)
    assert metrics["n_holdout"] == holdout.num_rows
    assert metrics["n_train"] + metrics["n_holdout"] == metrics["training_rows"] == copy_data.num_rows
    assert metrics["holdout_good"] + metrics["holdout_bad"] == metrics["n_holdout"]
    assert metrics["base_rate"] == pytest.approx(metrics["holdout_good"] / metrics["n_holdout"])
    assert metrics["refit_on_all_rows"] is True
    assert (metrics["training_explicit_rows"], metrics["training_human_rows"]) == (copy_data.num_rows, 0)
    for name in ("auc", "brier", "log_loss", "ece", "accuracy"):
        assert np.isfinite(metrics[name])


def test_the_model_learns_a_planted_text_signal(train):
    labeler = train(planted(1500, 2, text_signal))
    assert labeler.metrics["auc"] > 0.8
    assert labeler.metrics["accuracy"] > 0.8


def test_without_a_signal_the_auc_is_about_one_half(train):
    labeler = train(planted(2000, 3, no_signal))
    assert abs(labeler.metrics["auc"] - 0.5) < 0.1


def test_the_explicit_signals_do_not_leak_into_the_model(copy_labeler, copy_data):
    rows = copy_data.to_pylist()
    for row in rows:  # everything the explicit label is made of, turned upside down
        row.update(
            thumb="down" if row["thumb"] == "up" else "up",
            rating=1,
            correction="The answer I wanted.",
            flags=["offensive", "wrong"],
            comment="awful",
            offensive=True,
            n_feedback_events=7,
            quality="unknown",
            quality_confidence=0.0,
            quality_source="none",
            needs_review=True,
            review_codes=["explicit_conflict"],
            review_reason="conflicting explicit signals",
        )
    changed = table(rows)
    assert all(changed[c].to_pylist() != copy_data[c].to_pylist() for c in EXPLICIT_COLUMNS + LABEL_COLUMNS)
    assert np.array_equal(copy_labeler.predict_good_proba(changed), copy_labeler.predict_good_proba(copy_data))


def test_a_label_written_only_in_the_explicit_signals_cannot_be_learned(train):
    rng = random.Random(4)
    rows = []
    for index in range(1500):
        quality = rng.choice(["good", "bad"])
        rows.append(label_row(index, quality, rng, rating=5 if quality == "good" else 1))
    labeler = train(table(rows))
    assert abs(labeler.metrics["auc"] - 0.5) < 0.1


def test_only_explicit_and_human_labels_train_the_model(copy_labeler, copy_data, train):
    rng = random.Random(5)
    others = [
        label_row(100_000 + index, quality, rng, source=source)
        for index, (quality, source) in enumerate([("bad", "rule"), ("good", "model"), ("unknown", "explicit")] * 20)
    ]
    with_others = train(table(copy_data.to_pylist() + others))
    assert with_others.version == copy_labeler.version
    human = [label_row(200_000 + index, "bad", rng, source="human") for index in range(5)]
    with_human = train(table(copy_data.to_pylist() + human))
    assert with_human.metrics["training_human_rows"] == 5
    assert with_human.version != copy_labeler.version


def test_version_depends_on_data_and_spec_not_on_row_order(copy_labeler, copy_data, train):
    shuffled = copy_data.take(np.random.default_rng(0).permutation(copy_data.num_rows))
    again = train(shuffled)
    assert again.version == copy_labeler.version
    assert np.array_equal(again.predict_good_proba(copy_data), copy_labeler.predict_good_proba(copy_data))

    rows = copy_data.to_pylist()
    rows[0]["quality"] = "good" if rows[0]["quality"] == "bad" else "bad"
    assert train(table(rows)).version != copy_labeler.version
    assert train(copy_data, LabelerSpec(regularization_c=0.5)).version != copy_labeler.version


def test_what_a_response_adds_to_its_prompt_is_measured(copy_labeler, hashed_encoder):
    rng = random.Random(0)
    prompt = "Name a film with the input name, released in 2014.\nGrace"
    supported = "Grace was released in 2014."
    invented = 'Grace (2019) stars Emma Stone in Paris; critics called it "a quiet triumph" at https://example.com.'
    rows = [
        label_row(i, "good", rng, prompt=prompt, response=response) for i, response in enumerate((supported, invented))
    ]
    inputs = feature_inputs(table(rows), hashed_encoder, copy_labeler.lexicons)
    value = {name: inputs.numeric[:, NUMERIC_FEATURES.index(name)] for name in NUMERIC_FEATURES}
    # The supported answer repeats the prompt's name and year; the invented one adds a year, names, a quotation.
    assert value["log_new_numbers"].tolist() == [0.0, pytest.approx(math.log(2))]
    assert value["new_numbers_share"].tolist() == [0.0, 1.0]
    assert value["log_new_names"].tolist() == [0.0, pytest.approx(math.log1p(3))]  # Emma, Stone, Paris
    assert value["log_new_quotations"].tolist() == [0.0, pytest.approx(math.log(2))]
    assert value["new_content_words_share"][0] == 0.0 < value["new_content_words_share"][1]
    assert value["response_has_link"].tolist() == [0.0, 1.0] and value["prompt_has_link"].tolist() == [0.0, 0.0]
    assert value["prompt_has_input"].tolist() == [1.0, 1.0]
    assert value["log_prompt_input_chars"][0] == pytest.approx(math.log1p(len("Grace")))
    assert value["log_length_ratio"][0] < 0 < value["log_length_ratio"][1]  # shorter, longer than the prompt


def test_the_planned_version_is_the_trained_one_and_follows_the_training_rows(copy_labeler, copy_data, hashed_encoder):
    spec = LabelerSpec()
    assert planned_version(copy_data, spec, hashed_encoder.identity) == copy_labeler.version
    # Rows nobody judged are not training rows: adding one leaves the version (and so the refit is skipped).
    rows = copy_data.to_pylist()
    unjudged = {**rows[0], "interaction_id": "i-unjudged", "quality": "unknown", "quality_source": "none"}
    assert planned_version(table([*rows, unjudged]), spec, hashed_encoder.identity) == copy_labeler.version
    # A training row whose features changed (late behaviour) is a different training set.
    changed = [{**rows[0], "reading_time_ms": 123.0}, *rows[1:]]
    assert planned_version(table(changed), spec, hashed_encoder.identity) != copy_labeler.version
    assert planned_version(copy_data, spec, "another-encoder") != copy_labeler.version


def test_only_new_or_changed_interactions_are_predicted(copy_labeler, copy_data, monkeypatch):
    day = copy_data.slice(0, 50)
    whole = copy_labeler.predict_good_proba(day)
    stored = day.to_pylist()
    for row, probability in zip(stored, whole, strict=True):
        row.update(model_good_probability=0.123 + probability / 10, label_model_version=copy_labeler.version)
    stored[3]["label_model_version"] = "0123456789abcdef"  # written by another labeler: predicted again
    stored[7]["model_good_probability"] = None  # no probability stored: predicted again
    relabeled = day.to_pylist()
    relabeled[11]["actions"] = ["copy", "accept"]  # late behaviour changed its features: predicted again
    relabeled = table(relabeled)
    seen = []
    predict = type(copy_labeler).predict_good_proba
    monkeypatch.setattr(
        type(copy_labeler),
        "predict_good_proba",
        lambda self, rows: seen.extend(rows["interaction_id"].to_pylist()) or predict(self, rows),
    )
    probabilities, predicted = predict_changed(copy_labeler, relabeled, table(stored))
    ids = day["interaction_id"].to_pylist()
    assert predicted == 3 and seen == [ids[3], ids[7], ids[11]]
    fresh = copy_labeler.predict_good_proba(relabeled)
    for index in range(50):
        expected = fresh[index] if index in (3, 7, 11) else stored[index]["model_good_probability"]
        assert probabilities[index] == pytest.approx(expected)
    # Nothing stored: everything is predicted, as predicting the whole day would.
    again, predicted = predict_changed(copy_labeler, relabeled, table([]))
    assert predicted == 50 and np.allclose(again, fresh)


def test_save_and_load_round_trip(copy_labeler, copy_data, tmp_path, hashed_encoder):
    path = save_labeler(copy_labeler, tmp_path / "labelers")
    assert path == tmp_path / "labelers" / copy_labeler.version
    assert sorted(p.name for p in path.iterdir()) == ["labeler.json", "parameters.safetensors"]
    loaded = load_labeler(path, expected_sha256=labeler_digest(path), encoder=hashed_encoder)
    assert (loaded.version, loaded.spec) == (copy_labeler.version, copy_labeler.spec)
    assert loaded.metrics == copy_labeler.metrics
    assert np.array_equal(loaded.predict_good_proba(copy_data), copy_labeler.predict_good_proba(copy_data))
    metadata = json.loads((path / "labeler.json").read_text())
    assert metadata["metrics"]["training_digest"] == copy_labeler.metrics["training_digest"]

    written = {p.name: p.stat().st_mtime_ns for p in path.iterdir()}
    assert save_labeler(copy_labeler, tmp_path / "labelers") == path
    assert {p.name: p.stat().st_mtime_ns for p in path.iterdir()} == written


def test_load_checks_the_hash_then_the_feature_set_and_encoder(copy_labeler, tmp_path, hashed_encoder):
    path = save_labeler(copy_labeler, tmp_path)
    digest = labeler_digest(path)
    parameters = path / "parameters.safetensors"
    original = parameters.read_bytes()
    parameters.write_bytes(original[:-1] + bytes([original[-1] ^ 1]))
    with pytest.raises(LabelerIntegrityError, match="not the published"):
        load_labeler(path, expected_sha256=digest, encoder=hashed_encoder)
    parameters.write_bytes(original)

    metadata = json.loads((path / "labeler.json").read_text())
    (path / "labeler.json").write_text(json.dumps({**metadata, "feature_set_version": 1}))
    with pytest.raises(ValueError, match="feature set 1"):
        load_labeler(path, expected_sha256=labeler_digest(path), encoder=hashed_encoder)
    (path / "labeler.json").write_text(json.dumps({**metadata, "encoder_identity": "another-encoder"}))
    with pytest.raises(ValueError, match="encoder another-encoder"):
        load_labeler(path, expected_sha256=labeler_digest(path), encoder=hashed_encoder)
    parameters.unlink()
    with pytest.raises(FileNotFoundError, match=r"parameters\.safetensors"):
        load_labeler(path, expected_sha256=digest, encoder=hashed_encoder)


class _Payload:
    """Unpickling this creates the file ``marker``: what a planted pickle could do (run any code)."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (type(self.marker).touch, (self.marker,))


def plant_pickle(folder, marker) -> None:
    """A joblib/pickle file with a payload in ``folder``, as the old labeler format stored its model."""
    import pickle

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "model.joblib").write_bytes(pickle.dumps({"model": _Payload(marker)}))


def test_a_planted_pickle_in_a_labeler_folder_never_runs(copy_labeler, tmp_path, hashed_encoder):
    from feedback_loop.label.publication import current_labeler, publish_labeler

    root = tmp_path / "labeler"
    marker = tmp_path / "payload-ran"
    path = publish_labeler(root, copy_labeler)
    plant_pickle(path, marker)  # beside the real files: ignored
    labeler, version = current_labeler(root, encoder=hashed_encoder)
    assert version == copy_labeler.version and labeler is not None

    # A version folder holding only a pickle, with a pointer to it (the old format, or an attacker's).
    planted = root / "0123456789abcdef"
    plant_pickle(planted, marker)
    (planted / "metadata.json").write_text(json.dumps({"version": planted.name}))
    (root / "current.json").write_text(json.dumps({"version": planted.name}))
    with pytest.raises(ValueError, match="no recorded sha256"):
        current_labeler(root, encoder=hashed_encoder)
    (root / "current.json").write_text(json.dumps({"version": planted.name, "sha256": "0" * 64}))
    with pytest.raises(FileNotFoundError, match=r"labeler\.json"):
        current_labeler(root, encoder=hashed_encoder)
    (root / "current.json").write_text(json.dumps({"version": "../../etc", "sha256": "0" * 64}))
    with pytest.raises(ValueError, match="not a labeler version"):
        current_labeler(root, encoder=hashed_encoder)
    assert not marker.exists()


def test_publication_withdrawn_means_no_labeler(copy_labeler, tmp_path, hashed_encoder):
    from feedback_loop.label.publication import current_labeler, publish_labeler, read_publication, withdraw_labeler

    root = tmp_path / "labeler"
    assert current_labeler(root, encoder=hashed_encoder) == (None, "auto_labeler was never materialized")
    publish_labeler(root, copy_labeler, training_days="2026-01-01..2026-01-02")
    assert read_publication(root).record["training_days"] == "2026-01-01..2026-01-02"
    withdraw_labeler(root, "failed its quality check")
    assert current_labeler(root, encoder=hashed_encoder) == (None, "failed its quality check")


def test_no_prompt_is_on_both_sides_of_the_split(train):
    rng = random.Random(7)
    rows = []
    for index in range(600):
        prompt = f"Question {index // 3}: how do I change my " + " ".join(WORDS[(index // 3) % 12 :][:2]) + "?"
        rows.append(
            label_row(index, rng.choice(["good", "bad"]), rng, prompt=prompt if index % 3 else f" {prompt.upper()}  ")
        )
    data = table(rows)
    labeler = train(data)
    groups = {prompt_group(p) for p in data["prompt"].to_pylist()}
    assert len(groups) == 200  # case and spacing do not make another prompt
    assert labeler.metrics["train_groups"] + labeler.metrics["holdout_groups"] == 200
    assert labeler.metrics["split"] == "prompt_group"
    assert labeler.metrics["n_holdout"] == held_out(data).num_rows
    assert held_out(data).num_rows % 3 == 0


def sibling_pairs(n_prompts: int, seed: int) -> pa.Table:
    """Preference data: each prompt has a good and a bad response; the good one gives the steps (``Open``),
    the bad one says the page does not exist. Prompts carry many distinct words."""
    rng = random.Random(seed)
    rows = []
    for group in range(n_prompts):
        prompt = f"Topic {group} " + " ".join(rng.choices(WORDS, k=6)) + f" {rng.random():.6f}?"
        for side, quality in enumerate(rng.sample(["good", "bad"], 2)):
            if quality == "good":
                response = "Open " + " ".join(rng.choices(WORDS, k=6)) + " and save."
            else:
                response = "Sorry, that page about " + " ".join(rng.choices(WORDS, k=2)) + " does not exist."
            rows.append(label_row(2 * group + side, quality, rng, prompt=prompt, response=response))
    return table(rows)


def test_pairs_of_responses_to_one_prompt_train_a_bradley_terry_term(train):
    labeler = train(sibling_pairs(150, 8))
    assert labeler.metrics["bradley_terry_pairs"] == 150 and labeler.metrics["pointwise_rows"] == 0
    assert labeler.metrics["pairwise_accuracy"] > 0.95 and labeler.metrics["pairs"] > 0
    assert labeler.metrics["auc"] > 0.9


def test_a_held_back_reply_does_not_get_its_siblings_label(train):
    """As in a deployment: a random half of the interactions is held back, so a held-back reply's sibling
    (same prompt, the opposite label) is often in training. A labeler that learned prompts would score
    below 0.5 here; one that reads responses ranks them right."""
    from sklearn.metrics import roc_auc_score

    data = sibling_pairs(300, 9)
    rng = np.random.default_rng(0)
    hidden = rng.random(data.num_rows) < 0.5
    labeler = train(data.filter(pa.array(~hidden)))
    target = data.filter(pa.array(hidden))
    assert roc_auc_score(good(target), labeler.predict_good_proba(target)) > 0.9


def test_rows_are_predicted_independently(copy_labeler, copy_data):
    whole = copy_labeler.predict_good_proba(copy_data)
    some = copy_data.take([5, 17, 3])
    assert np.allclose(copy_labeler.predict_good_proba(some), whole[[5, 17, 3]])


def test_too_few_labels_of_a_class(copy_data, train):
    rng = random.Random(6)
    rows = [label_row(i, "good", rng) for i in range(100)] + [label_row(100 + i, "bad", rng) for i in range(10)]
    rows += [label_row(200 + i, "bad", rng, source="rule") for i in range(50)]  # behaviour labels do not count
    with pytest.raises(InsufficientLabels, match=r"at least 25 good and 25 bad.*100 good and 10 bad") as raised:
        train(table(rows))
    assert (raised.value.counts, raised.value.minimum) == ({"good": 100, "bad": 10}, 25)
    with pytest.raises(InsufficientLabels, match="1 good"):
        train(table([label_row(0, "good", rng)]), LabelerSpec(min_examples_per_class=1))


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("prompt", None, "a non-empty string"),
        ("response", None, "a string"),
        ("latency_ms", -5.0, "a finite number >= 0"),
        ("completion_tokens", None, "a finite number >= 0"),
        ("actions", ["dance"], "a list of"),
        ("escalated", None, "true or false"),
    ],
)
def test_a_bad_row_names_the_interaction_and_field(copy_labeler, copy_data, field, value, expected, train):
    rows = copy_data.to_pylist()
    rows[7][field] = value
    message = rf"label row 'i-00007': field '{field}' is .*expected {expected}"
    with pytest.raises(ValueError, match=message):
        copy_labeler.predict_good_proba(table(rows))
    with pytest.raises(ValueError, match=message):
        train(table(rows))


def test_missing_values_that_mean_no_signal_are_accepted(copy_labeler, copy_data):
    rows = copy_data.to_pylist()[:3]
    rows[0].update(reading_time_ms=None, outcome=None, task_success=None, sentiment_score=None)
    rows[1].update(outcome="abandoned", task_success=False, sentiment_score=-1.0, use_case="never seen")
    rows[2].update(response="")
    predicted = copy_labeler.predict_good_proba(table(rows))
    assert predicted.shape == (3,) and np.all((predicted >= 0) & (predicted <= 1))
    assert copy_labeler.predict_good_proba(table([])).shape == (0,)


def test_spec_rejects_impossible_settings():
    with pytest.raises(ValueError, match="holdout_fraction"):
        LabelerSpec(holdout_fraction=1.0)
    with pytest.raises(ValueError, match="calibration"):
        LabelerSpec(calibration="platt")


def test_expected_calibration_error():
    y = np.array([1, 0, 1, 0])
    assert expected_calibration_error(y, np.array([0.5, 0.5, 0.5, 0.5])) == pytest.approx(0.0)
    assert expected_calibration_error(y, np.array([0.0, 1.0, 0.0, 1.0])) == pytest.approx(1.0)
    assert expected_calibration_error(np.array([1, 1]), np.array([0.75, 0.75])) == pytest.approx(0.25)


def test_bench_on_a_small_simulation(tmp_path, hashed_encoder):
    from feedback_loop.simulate import simulate_day

    labels = simulated_labels(simulate_day, tmp_path / "landing", days=1, interactions=400, seed=0)
    figures = bench_simulated(labels, encoder=hashed_encoder)
    assert figures["interactions"] == 400
    assert figures["labeled_rows"] + figures["rows_without_explicit_label"] <= 400
    assert figures["n_train"] + figures["n_holdout"] == figures["labeled_rows"]
    assert figures["confident_rows"] <= figures["rows_without_explicit_label"]
    assert figures["auc"] > 0.7
