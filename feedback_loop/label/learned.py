"""A learned, calibrated quality labeler: P(quality == good) for interactions nobody judged explicitly.

It learns from the label rows (schema :func:`~feedback_loop.label.rules.labels_arrow_schema`) whose quality a
person stated: source ``explicit`` (the user's thumb, rating, correction or flag) or ``human`` (a reviewer's
verdict), quality ``good`` or ``bad``. It predicts from what every interaction has:

* text: hashed TF-IDF word n-grams of the prompt and of the response, and character n-grams of the response;
* size and speed: response length, completion tokens and latency (log scale), reading time (log scale, with an
  indicator where it is missing);
* behaviour: the count of each action, the outcome (one-hot, ``none`` included), escalation, task success
  (succeeded, failed or unknown);
* the comment's sentiment score (with an indicator where there is no comment), and whether the response
  matches the offensive lexicon (the lexicon's pattern is kept with the model, so a later edit of the list
  does not change what a trained labeler sees);
* the use case (one-hot; a use case unseen in training sets none of them).

Never the explicit signals the training labels are made of (thumb, rating, correction, flags, nor the columns
derived from them: ``offensive``, ``n_feedback_events``, the label and review columns): that would leak the
label, and the rows to predict do not have them.

The labeler is measured, not assumed: the labeled rows are split by a hash of ``interaction_id`` (salted with
the seed) into a training and a held-out part; a model fit on the training part gives the held-out figures in
:attr:`TrainedLabeler.metrics`. The labeler returned is then refit on all labeled rows (``refit_on_all_rows``
in the metrics): the figures describe a model that saw fewer rows than the one in use.

A saved labeler is a joblib pickle: load only the folders your own pipeline wrote.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import os
import re
import shutil
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, get_args

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from feedback_loop.label.lexicons import PACKAGED, load_lexicon
from feedback_loop.schema import Action, Outcome

# Part of every labeler version: bump it whenever the features below change meaning.
FEATURE_SET_VERSION = 1
TRAINING_SOURCES = ("explicit", "human")
QUALITIES = ("good", "bad")
ACTIONS: tuple[str, ...] = get_args(Action)
OUTCOMES: tuple[str, ...] = get_args(Outcome)
ECE_BINS = 10
MODEL_FILE = "model.joblib"
METADATA_FILE = "metadata.json"

# The label columns the features are computed from; nothing else of a row is read.
FEATURE_COLUMNS = (
    "interaction_id",
    "use_case",
    "prompt",
    "response",
    "latency_ms",
    "completion_tokens",
    "reading_time_ms",
    "actions",
    "outcome",
    "escalated",
    "task_success",
    "sentiment_score",
)
NUMERIC_FEATURES: tuple[str, ...] = (
    "log_response_chars",
    "log_completion_tokens",
    "log_latency_ms",
    "log_reading_time_ms",
    "reading_time_missing",
    *(f"action_{action}" for action in ACTIONS),
    *(f"outcome_{outcome}" for outcome in (*OUTCOMES, "none")),
    "escalated",
    "task_succeeded",
    "task_failed",
    "task_success_unknown",
    "sentiment_score",
    "comment_missing",
    "offensive_lexicon_hit",
)


class InsufficientLabels(ValueError):
    """Too few good or bad labeled rows to train, or to measure, the labeler."""

    def __init__(self, message: str, counts: dict[str, int], minimum: int):
        super().__init__(message)
        self.counts = counts
        self.minimum = minimum


@dataclass(frozen=True)
class LabelerSpec:
    """How the labeler is trained; every field is part of its version."""

    min_examples_per_class: int = 25
    """Fewest good and fewest bad labeled rows (explicit or human) to train at all."""
    holdout_fraction: float = 0.2
    """Share of the labeled rows held out, by a hash of interaction_id and seed, to measure the labeler."""
    calibration: Literal["sigmoid", "isotonic"] = "sigmoid"
    """How ``CalibratedClassifierCV`` maps scores to probabilities: Platt scaling or isotonic regression."""
    calibration_folds: int = 3
    """Cross-validation folds of ``CalibratedClassifierCV`` (stratified, shuffled with ``seed``)."""
    seed: int = 0
    """Salt of the held-out split and of the calibration folds."""
    text_features: int = 2**14
    """Hash buckets of each of the three text vectorizers (prompt words, response words, response chars)."""
    word_ngram_max: int = 2
    """Longest word n-gram of the prompt and response vectorizers (all from 1 to this)."""
    char_ngram_min: int = 2
    """Shortest character n-gram of the response (taken within words, padded by spaces)."""
    char_ngram_max: int = 4
    """Longest character n-gram of the response."""
    regularization_c: float = 1.0
    """Inverse regularisation strength ``C`` of the logistic regression (smaller: simpler model)."""
    max_iter: int = 1000
    """Iteration limit of the logistic regression's solver."""

    def __post_init__(self):
        problems = []
        if self.calibration not in ("sigmoid", "isotonic"):
            problems.append(f"calibration {self.calibration!r} is not 'sigmoid' or 'isotonic'")
        if not 0.0 < self.holdout_fraction < 1.0:
            problems.append(f"holdout_fraction {self.holdout_fraction} is not strictly between 0 and 1")
        if self.calibration_folds < 2:
            problems.append(f"calibration_folds {self.calibration_folds} is below 2")
        if self.min_examples_per_class < 1:
            problems.append(f"min_examples_per_class {self.min_examples_per_class} is below 1")
        if self.text_features < 1 or self.word_ngram_max < 1 or self.max_iter < 1:
            problems.append("text_features, word_ngram_max and max_iter must be positive")
        if not 1 <= self.char_ngram_min <= self.char_ngram_max:
            problems.append(f"char n-gram range ({self.char_ngram_min}, {self.char_ngram_max}) is empty")
        if not self.regularization_c > 0:
            problems.append(f"regularization_c {self.regularization_c} is not positive")
        if problems:
            raise ValueError("LabelerSpec: " + "; ".join(problems))


@dataclass(frozen=True)
class TrainedLabeler:
    """A calibrated classifier of label rows, its version and the figures measured on held-out rows."""

    version: str
    """16 hex digits of a sha256 over the training pairs (interaction_id, quality), the spec, the scikit-learn
    version, the feature set version and the offensive lexicon."""
    spec: LabelerSpec
    metrics: dict[str, Any]
    """Held-out figures (auc, brier, log_loss, ece, accuracy, base_rate, n_train, n_holdout and class counts
    of both parts) and the training data (training_rows, training_digest, rows by source)."""
    model: Any
    """The fitted scikit-learn pipeline (features, then ``CalibratedClassifierCV``), refit on all labeled rows."""
    offensive_pattern: re.Pattern[str]

    def predict_good_proba(self, labels: pa.Table) -> np.ndarray:
        """Calibrated P(quality == good) for each row of ``labels``, in row order.

        Raises ValueError naming the interaction_id and field of a row whose features cannot be computed.
        """
        if labels.num_rows == 0:
            return np.empty(0, dtype=np.float64)
        return _good_proba(self.model, feature_frame(labels, self.offensive_pattern))


def train_labeler(
    labels: pa.Table, spec: LabelerSpec = LabelerSpec(), *, offensive_lexicon: str | Path | None = None
) -> TrainedLabeler:
    """Train, measure on held-out rows, then refit on all labeled rows; see the module docstring.

    ``offensive_lexicon`` replaces the packaged offensive word list for the lexicon-hit feature. Raises
    :class:`InsufficientLabels` when either class has fewer than ``spec.min_examples_per_class`` rows or a
    part of the split lacks the rows to fit or to measure, and ValueError for a row that cannot be used.
    """
    from sklearn import __version__ as sklearn_version

    offensive_pattern, training, frame, y = _prepare(labels, spec, offensive_lexicon)
    holdout = split_units(training["interaction_id"].to_pylist(), spec.seed) < spec.holdout_fraction
    _check_part(y[~holdout], "training part", spec.calibration_folds, spec)
    _check_part(y[holdout], "held-out part", 1, spec)

    measured = _fit(frame[~holdout], y[~holdout], spec)
    metrics = {
        **probability_metrics(y[holdout], _good_proba(measured, frame[holdout])),
        "n_train": int((~holdout).sum()),
        "n_holdout": int(holdout.sum()),
        "train_good": int(y[~holdout].sum()),
        "train_bad": int((~holdout).sum() - y[~holdout].sum()),
        "holdout_good": int(y[holdout].sum()),
        "holdout_bad": int(holdout.sum() - y[holdout].sum()),
        "refit_on_all_rows": True,
        **training_summary(training),
    }
    version = _version(metrics["training_digest"], spec, sklearn_version, offensive_pattern)
    return TrainedLabeler(version, spec, metrics, _fit(frame, y, spec), offensive_pattern)


def cross_validate_labeler(
    labels: pa.Table,
    spec: LabelerSpec = LabelerSpec(),
    *,
    folds: int = 5,
    offensive_lexicon: str | Path | None = None,
) -> dict[str, Any]:
    """AUC, Brier score and ECE of the labeler in ``folds``-fold cross-validation, per fold and their spread.

    The folds are cut by the same hash of interaction_id as the held-out split; each fold is predicted by a
    labeler fit on the others. Raises :class:`InsufficientLabels` like :func:`train_labeler`.
    """
    if folds < 2:
        raise ValueError(f"cross-validation needs at least 2 folds, got {folds}")
    _, training, frame, y = _prepare(labels, spec, offensive_lexicon)
    units = split_units(training["interaction_id"].to_pylist(), spec.seed)
    fold_of = np.minimum((units * folds).astype(int), folds - 1)
    per_fold = []
    for fold in range(folds):
        held_out = fold_of == fold
        _check_part(y[~held_out], f"training part of fold {fold}", spec.calibration_folds, spec)
        _check_part(y[held_out], f"fold {fold}", 1, spec)
        model = _fit(frame[~held_out], y[~held_out], spec)
        figures = probability_metrics(y[held_out], _good_proba(model, frame[held_out]))
        per_fold.append({"n": int(held_out.sum()), **figures})
    result: dict[str, Any] = {"folds": folds, "rows": len(y), "base_rate": float(y.mean()), "per_fold": per_fold}
    for name in ("auc", "brier", "ece"):
        values = np.array([fold[name] for fold in per_fold])
        result[f"{name}_mean"] = float(values.mean())
        result[f"{name}_std"] = float(values.std(ddof=1))
    return result


def save_labeler(labeler: TrainedLabeler, root: str | Path) -> Path:
    """Write ``labeler`` to ``<root>/<version>/`` (model.joblib, metadata.json); returns that folder.

    The folder appears whole or not at all (written under a temporary name, then renamed). A version already
    saved is left as it is: the same version is the same data, spec and library.
    """
    import joblib
    from sklearn import __version__ as sklearn_version

    final = Path(root) / labeler.version
    if (final / METADATA_FILE).is_file():
        return final
    metadata = {
        "version": labeler.version,
        "spec": asdict(labeler.spec),
        "metrics": labeler.metrics,
        "sklearn_version": sklearn_version,
        "feature_set_version": FEATURE_SET_VERSION,
        "created_at": datetime.now(UTC).isoformat(),
    }
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.parent / f".tmp-{labeler.version}-{uuid.uuid4().hex}"
    tmp.mkdir()
    try:
        joblib.dump({"model": labeler.model, "offensive_pattern": labeler.offensive_pattern}, tmp / MODEL_FILE)
        (tmp / METADATA_FILE).write_text(json.dumps(metadata, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        try:
            os.rename(tmp, final)
        except OSError:
            if not (final / METADATA_FILE).is_file():
                raise
            # Another run saved the same version between our check and our rename: theirs is identical.
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    return final


def load_labeler(path: str | Path) -> TrainedLabeler:
    """The labeler saved in the folder ``path`` by :func:`save_labeler`.

    Raises FileNotFoundError when a file is missing, and ValueError when it was saved by another scikit-learn
    or feature set version (its predictions could silently differ: retrain it).
    """
    import joblib
    from sklearn import __version__ as sklearn_version

    path = Path(path)
    for name in (METADATA_FILE, MODEL_FILE):
        if not (path / name).is_file():
            raise FileNotFoundError(f"{path} holds no {name}: not a labeler saved by save_labeler")
    metadata = json.loads((path / METADATA_FILE).read_text(encoding="utf-8"))
    if metadata["sklearn_version"] != sklearn_version:
        raise ValueError(
            f"labeler {metadata['version']} was trained with scikit-learn {metadata['sklearn_version']}, "
            f"this is {sklearn_version}: retrain it"
        )
    if metadata["feature_set_version"] != FEATURE_SET_VERSION:
        raise ValueError(
            f"labeler {metadata['version']} uses feature set {metadata['feature_set_version']}, "
            f"this code computes feature set {FEATURE_SET_VERSION}: retrain it"
        )
    saved = joblib.load(path / MODEL_FILE)
    return TrainedLabeler(
        version=metadata["version"],
        spec=LabelerSpec(**metadata["spec"]),
        metrics=metadata["metrics"],
        model=saved["model"],
        offensive_pattern=saved["offensive_pattern"],
    )


# --- data -----------------------------------------------------------------------------------


def labeled_rows(labels: pa.Table) -> pa.Table:
    """The rows a person labeled good or bad (source explicit or human), sorted by interaction_id.

    Sorting makes the model independent of the order the rows came in. Raises ValueError for a missing
    column or an interaction_id that occurs twice among them.
    """
    missing = [c for c in ("quality", "quality_source", *FEATURE_COLUMNS) if c not in labels.column_names]
    if missing:
        raise ValueError(f"the labels table lacks the columns {missing}")
    wanted = pc.and_(
        pc.is_in(labels["quality_source"], value_set=pa.array(TRAINING_SOURCES)),
        pc.is_in(labels["quality"], value_set=pa.array(QUALITIES)),
    )
    rows = labels.filter(pc.fill_null(wanted, False))
    rows = rows.take(pc.sort_indices(rows, sort_keys=[("interaction_id", "ascending")]))
    ids = rows["interaction_id"].to_pylist()
    if None in ids:
        raise ValueError("a labeled row has no interaction_id")
    duplicates = sorted({i for i, j in itertools.pairwise(ids) if i == j})
    if duplicates:
        raise ValueError(f"interaction_id {duplicates[0]!r} has more than one labeled row")
    return rows


def training_summary(training: pa.Table) -> dict[str, Any]:
    """Rows, sources and the digest of the (interaction_id, quality) pairs a labeler was trained on."""
    pairs = sorted(zip(training["interaction_id"].to_pylist(), training["quality"].to_pylist(), strict=True))
    digest = hashlib.sha256("\n".join(f"{i}\t{q}" for i, q in pairs).encode("utf-8")).hexdigest()[:16]
    sources = training["quality_source"].to_pylist()
    return {
        "training_rows": len(pairs),
        "training_digest": digest,
        **{f"training_{source}_rows": sources.count(source) for source in TRAINING_SOURCES},
    }


def split_units(interaction_ids: list[str], seed: int) -> np.ndarray:
    """A number in [0, 1) per interaction_id, from a hash of it and ``seed``: the same id always lands alike."""
    return np.array(
        [int.from_bytes(hashlib.sha256(f"{seed}:{i}".encode()).digest()[:8], "big") / 2**64 for i in interaction_ids],
        dtype=np.float64,
    )


def _prepare(labels: pa.Table, spec: LabelerSpec, offensive_lexicon: str | Path | None):
    """(offensive pattern, labeled rows, their feature frame, targets 1 = good), the class counts checked."""
    offensive_pattern = load_lexicon(offensive_lexicon or PACKAGED / "offensive.txt")
    training = labeled_rows(labels)
    y = np.array([quality == "good" for quality in training["quality"].to_pylist()], dtype=np.int64)
    _check_counts({"good": int(y.sum()), "bad": int(len(y) - y.sum())}, spec)
    return offensive_pattern, training, feature_frame(training, offensive_pattern), y


def _check_counts(counts: dict[str, int], spec: LabelerSpec) -> None:
    if min(counts.values()) < spec.min_examples_per_class:
        raise InsufficientLabels(
            f"the labeler needs at least {spec.min_examples_per_class} good and {spec.min_examples_per_class} bad "
            f"rows labeled explicitly or by a person; there are {counts['good']} good and {counts['bad']} bad",
            counts,
            spec.min_examples_per_class,
        )


def _check_part(y: np.ndarray, name: str, minimum: int, spec: LabelerSpec) -> None:
    counts = {"good": int(y.sum()), "bad": int(len(y) - y.sum())}
    if min(counts.values()) < minimum:
        raise InsufficientLabels(
            f"the {name} of the labeled rows has {counts['good']} good and {counts['bad']} bad rows, "
            f"fewer than {minimum} of a class; add labeled rows or change holdout_fraction "
            f"({spec.holdout_fraction}) or seed ({spec.seed})",
            counts,
            minimum,
        )


# --- features -------------------------------------------------------------------------------


def feature_frame(labels: pa.Table, offensive_pattern: re.Pattern[str]):
    """A pandas DataFrame of the model's inputs, one row per label row: the texts, use case and numbers.

    Raises ValueError naming the interaction_id and field of a row with a missing or impossible value.
    """
    import pandas as pd

    missing = [c for c in FEATURE_COLUMNS if c not in labels.column_names]
    if missing:
        raise ValueError(f"the labels table lacks the columns {missing}")
    records = [
        _row_features(index, row, offensive_pattern)
        for index, row in enumerate(labels.select(list(FEATURE_COLUMNS)).to_pylist())
    ]
    return pd.DataFrame.from_records(records, columns=["prompt", "response", "use_case", *NUMERIC_FEATURES])


def _row_features(index: int, row: dict, offensive_pattern: re.Pattern[str]) -> dict[str, Any]:
    interaction_id = row["interaction_id"]
    if not isinstance(interaction_id, str) or not interaction_id:
        raise ValueError(f"label row {index}: field 'interaction_id' is {interaction_id!r}, expected an id")

    def bad(field: str, expected: str) -> ValueError:
        return ValueError(f"label row {interaction_id!r}: field {field!r} is {row[field]!r}, expected {expected}")

    for field in ("prompt", "response", "use_case"):
        if not isinstance(row[field], str) or (field != "response" and not row[field]):
            raise bad(field, "a string" if field == "response" else "a non-empty string")
    for field in ("latency_ms", "completion_tokens"):
        if not _is_count(row[field]):
            raise bad(field, "a finite number >= 0")
    reading = row["reading_time_ms"]
    if reading is not None and not _is_count(reading):
        raise bad("reading_time_ms", "a finite number >= 0 or null")
    actions = row["actions"]
    if not isinstance(actions, list) or any(action not in ACTIONS for action in actions):
        raise bad("actions", f"a list of {ACTIONS}")
    if row["outcome"] not in (*OUTCOMES, None):
        raise bad("outcome", f"one of {OUTCOMES} or null")
    if not isinstance(row["escalated"], bool):
        raise bad("escalated", "true or false")
    if row["task_success"] not in (True, False, None):
        raise bad("task_success", "true, false or null")
    sentiment = row["sentiment_score"]
    if sentiment is not None and not (isinstance(sentiment, (int, float)) and -1.0 <= sentiment <= 1.0):
        raise bad("sentiment_score", "a number within -1..1 or null")

    response = row["response"]
    features: dict[str, Any] = {
        "prompt": row["prompt"],
        "response": response,
        "use_case": row["use_case"],
        "log_response_chars": math.log1p(len(response)),
        "log_completion_tokens": math.log1p(row["completion_tokens"]),
        "log_latency_ms": math.log1p(row["latency_ms"]),
        "log_reading_time_ms": 0.0 if reading is None else math.log1p(reading),
        "reading_time_missing": float(reading is None),
        **{f"action_{action}": float(actions.count(action)) for action in ACTIONS},
        **{f"outcome_{outcome}": float(row["outcome"] == outcome) for outcome in OUTCOMES},
        "outcome_none": float(row["outcome"] is None),
        "escalated": float(row["escalated"]),
        "task_succeeded": float(row["task_success"] is True),
        "task_failed": float(row["task_success"] is False),
        "task_success_unknown": float(row["task_success"] is None),
        "sentiment_score": 0.0 if sentiment is None else float(sentiment),
        "comment_missing": float(sentiment is None),
        "offensive_lexicon_hit": float(offensive_pattern.search(response) is not None),
    }
    return features


def _is_count(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value >= 0


# --- model ----------------------------------------------------------------------------------


def _fit(frame, y: np.ndarray, spec: LabelerSpec):
    """The feature pipeline, then a ``CalibratedClassifierCV`` around a logistic regression, fit on ``frame``.

    The features (IDF weights, scaling) are fit once on all of ``frame`` and the calibration folds split the
    feature matrix. They read no labels, so no label leaks into the calibration; fitting them per fold would
    only repeat the text hashing.
    """
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import Pipeline, make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler
    from threadpoolctl import threadpool_limits

    def text(analyzer: str, ngram_range: tuple[int, int]):
        hashing = HashingVectorizer(
            analyzer=analyzer, ngram_range=ngram_range, n_features=spec.text_features, alternate_sign=False, norm=None
        )
        return make_pipeline(hashing, TfidfTransformer(sublinear_tf=True))

    words = (1, spec.word_ngram_max)
    features = ColumnTransformer(
        [
            ("prompt_words", text("word", words), "prompt"),
            ("response_words", text("word", words), "response"),
            ("response_chars", text("char_wb", (spec.char_ngram_min, spec.char_ngram_max)), "response"),
            ("use_case", OneHotEncoder(handle_unknown="ignore"), ["use_case"]),
            ("signals", StandardScaler(), list(NUMERIC_FEATURES)),
        ]
    )
    logistic = LogisticRegression(C=spec.regularization_c, max_iter=spec.max_iter)
    folds = StratifiedKFold(spec.calibration_folds, shuffle=True, random_state=spec.seed)
    # ensemble=False: one regression fit on all rows, its calibrator fit on out-of-fold scores; a single model
    # is smaller and faster to predict with than the average of one per fold, and was as well calibrated.
    calibrated = CalibratedClassifierCV(logistic, method=spec.calibration, cv=folds, ensemble=False)
    model = Pipeline([("features", features), ("calibrated", calibrated)])
    # A sparse logistic regression of this size gains little from threads, and on a busy machine competing
    # OpenMP threads made one fit five times slower (measured).
    with threadpool_limits(1):
        return model.fit(frame, y)


def _good_proba(model, frame) -> np.ndarray:
    from threadpoolctl import threadpool_limits

    good_column = list(model.classes_).index(1)
    with threadpool_limits(1):
        return model.predict_proba(frame)[:, good_column].astype(np.float64)


def _version(digest: str, spec: LabelerSpec, sklearn_version: str, offensive_pattern: re.Pattern[str]) -> str:
    identity = {
        "training_digest": digest,
        "spec": asdict(spec),
        "sklearn_version": sklearn_version,
        "feature_set_version": FEATURE_SET_VERSION,
        "offensive_lexicon": offensive_pattern.pattern,
    }
    return hashlib.sha256(json.dumps(identity, sort_keys=True).encode("utf-8")).hexdigest()[:16]


# --- measurement ----------------------------------------------------------------------------


def expected_calibration_error(y_true: np.ndarray, good_proba: np.ndarray, bins: int = ECE_BINS) -> float:
    """The share-weighted mean |observed good rate - mean P(good)| over ``bins`` equal-width bins of P(good)."""
    y_true, good_proba = np.asarray(y_true, dtype=np.float64), np.asarray(good_proba, dtype=np.float64)
    if len(y_true) == 0:
        raise ValueError("the expected calibration error of no predictions is undefined")
    which = np.minimum((good_proba * bins).astype(int), bins - 1)
    error = 0.0
    for b in range(bins):
        in_bin = which == b
        if in_bin.any():
            error += in_bin.mean() * abs(y_true[in_bin].mean() - good_proba[in_bin].mean())
    return float(error)


def probability_metrics(y_true: np.ndarray, good_proba: np.ndarray) -> dict[str, float]:
    """AUC, Brier score, log loss, ECE, accuracy (at 0.5) and base rate (share good) of predictions."""
    from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score

    return {
        "auc": float(roc_auc_score(y_true, good_proba)),
        "brier": float(brier_score_loss(y_true, good_proba)),
        "log_loss": float(log_loss(y_true, good_proba, labels=[0, 1])),
        "ece": expected_calibration_error(y_true, good_proba),
        "accuracy": float(np.mean((good_proba >= 0.5) == (np.asarray(y_true) == 1))),
        "base_rate": float(np.mean(y_true)),
    }
