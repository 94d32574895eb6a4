"""A learned, calibrated quality labeler: P(quality == good) for interactions nobody judged explicitly.

Public API (what the labeling data flow composes with):

* :func:`train_labeler` ``(labels, spec) -> TrainedLabeler``: fit on label rows (schema
  :func:`~feedback_loop.label.rules.labels_arrow_schema`); it reads only the rows a person judged (source
  ``explicit`` or ``human``, quality ``good`` or ``bad``) and, of every row, only :data:`FEATURE_COLUMNS`.
* :meth:`TrainedLabeler.predict_good_proba` ``(labels) -> ndarray``: calibrated P(good) per row, in row order;
  rows are independent (a row's probability does not depend on the other rows passed with it), so predicting
  only new or changed interactions gives the same numbers as predicting a whole day.
* :func:`save_labeler` / :func:`load_labeler`: a folder of JSON and safetensors, loaded only after its content
  hash matched the one its publisher recorded (:mod:`feedback_loop.label.publication`).

What it reads (never the explicit signals the training labels are made of: thumb, rating, correction, flags,
nor ``offensive``, ``n_feedback_events``, the label and review columns):

* meaning: sentence embeddings of the response and of the prompt, and their cosine similarity, from a
  pretrained encoder (:mod:`feedback_loop.label.encoders`: all-MiniLM-L6-v2 by default, or the hidden states of
  the team's own model);
* words: hashed TF-IDF word n-grams of the prompt and of the response, and character n-grams of the response;
* the shape of the response and how it relates to the prompt: lengths, repeated words and trigrams, the share
  of its words taken from the prompt and of the prompt's words it covers, whether it echoes the prompt, ends
  a sentence, is empty, declines or apologises (lexicon ``refusal``), the density of numbers, years, capitals
  and symbols, and whether the prompt asks for live or external information (lexicon ``time_sensitive``);
* what the response adds to its prompt (or to the passage or input in it): the share and number of content
  words, numbers, capitalised names and quotations the prompt does not contain, the length ratio, links, and
  whether the prompt carries an input after its first line;
* behaviour: size and latency, reading time, actions, outcome, escalation, task success, the comment's
  sentiment and an offensive-lexicon hit; and the use case.

**Prompts are groups, and the model cannot learn a prompt's label.** Every row belongs to the group of its
normalised prompt text. Where a group holds both a good and a bad response (with different texts), it
contributes only pairs ``(good, bad)`` to a Bradley-Terry term (P(good beats bad) = sigmoid(s(good) -
s(bad)), at most ``max_pairs_per_prompt`` per group): what the two share, the prompt above all, cancels out,
so only what distinguishes the responses is learned. The other rows contribute a pointwise logistic term.
Both terms fit one linear score ``s`` (scikit-learn's ``LogisticRegression``, the Bradley-Terry rows as
feature differences without intercept), which is then calibrated to P(good) (Platt or isotonic) on
out-of-fold scores. The old labeler, trained pointwise on hashed prompt words, gave a held-back reply the
label of its sibling and scored 0.35 AUC on a random split of preference pairs; see docs/labeling.md.

**Measured, not assumed:** the labeled rows are split by a hash of their prompt group (salted with the
seed), so no prompt is on both sides; a model fit on the training part gives the held-out figures in
:attr:`TrainedLabeler.metrics` (AUC, Brier, ECE, accuracy, and pairwise accuracy where the held-out part has
pairs). The labeler returned is then refit on all rows.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import os
import re
import shutil
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Protocol, get_args

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from pydantic import Field, model_validator

from feedback_loop.label.encoders import EncoderSpec, build_encoder
from feedback_loop.label.lexicons import PACKAGED, load_lexicon
from feedback_loop.schema import Action, Outcome
from feedback_loop.stage_config import StageConfig

# Part of every labeler version: bump it whenever the features below change meaning.
FEATURE_SET_VERSION = 3
TRAINING_SOURCES = ("explicit", "human")
QUALITIES = ("good", "bad")
ACTIONS: tuple[str, ...] = get_args(Action)
OUTCOMES: tuple[str, ...] = get_args(Outcome)
ECE_BINS = 10
PARAMETERS_FILE = "parameters.safetensors"
METADATA_FILE = "labeler.json"
LABELER_FILES = (METADATA_FILE, PARAMETERS_FILE)
# The intercept is a feature column of this value in pointwise rows and 0 in Bradley-Terry rows; large, so
# that the L2 penalty on its weight is negligible.
INTERCEPT_FEATURE = 10.0
_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
_SYMBOL = re.compile(r"[=+*/^<>|_{}\[\]\\]")
_LINK = re.compile(r"https?://|www\.", re.IGNORECASE)
_QUOTED = re.compile(r"\"([^\"\n]{3,80})\"")
# A capitalised word that does not open a sentence: a name, a title, a place.
_NAME = re.compile(r"(?<![.!?:\n]\s)(?<![.!?:\n])(?<=\s)[A-Z][\w'-]+")

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
# What training reads of a stored labels partition: the features and the label.
TRAINING_COLUMNS = (*FEATURE_COLUMNS, "quality", "quality_source")
# What re-labeling reads of a day's stored labels to reuse the probabilities of unchanged interactions.
STORED_PREDICTION_COLUMNS = (*FEATURE_COLUMNS, "model_good_probability", "label_model_version")
TEXT_FEATURES: tuple[str, ...] = (
    "log_prompt_chars",
    "log_response_words",
    "response_empty",
    "distinct_word_share",
    "distinct_trigram_share",
    "words_from_prompt_share",
    "prompt_words_covered_share",
    "echoes_prompt",
    "ends_sentence",
    "log_newlines",
    "digit_share",
    "numbers_per_word",
    "years_per_word",
    "capitalised_per_word",
    "symbol_share",
    "refusal",
    "refusal_at_start",
    "prompt_time_sensitive",
    # What the response adds to its prompt (or the passage in it): an unsupported fact is a new number, name,
    # quotation or content word; a request that carries an input or a link is judged against it.
    "new_content_words_share",
    "log_new_content_words",
    "new_numbers_per_word",
    "log_new_numbers",
    "new_numbers_share",
    "new_names_per_word",
    "log_new_names",
    "log_new_quotations",
    "log_length_ratio",
    "prompt_has_link",
    "response_has_link",
    "prompt_has_input",
    "log_prompt_input_chars",
    "prompt_response_cosine",
)
BEHAVIOUR_FEATURES: tuple[str, ...] = (
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
NUMERIC_FEATURES: tuple[str, ...] = (*BEHAVIOUR_FEATURES, *TEXT_FEATURES)


class InsufficientLabels(ValueError):
    """Too few good or bad labeled rows to train, or to measure, the labeler."""

    def __init__(self, message: str, counts: dict[str, int], minimum: int):
        super().__init__(message)
        self.counts = counts
        self.minimum = minimum


class LabelerIntegrityError(ValueError):
    """A saved labeler's files do not match the content hash its publisher recorded: it is not loaded."""


class LabelerSpec(StageConfig):
    """How the labeler is trained; every field is part of its version."""

    min_examples_per_class: int = Field(25, ge=1)
    """Fewest good and fewest bad labeled rows (explicit or human) to train at all."""
    holdout_fraction: float = Field(0.2, gt=0.0, lt=1.0)
    """Share of the prompt groups held out, by a hash of the group and seed, to measure the labeler."""
    calibration: Literal["sigmoid", "isotonic"] = "sigmoid"
    """How scores become probabilities: Platt scaling or isotonic regression, fit on out-of-fold scores."""
    calibration_folds: int = Field(3, ge=2)
    """Folds (by prompt group) of the out-of-fold scores the calibration is fit on."""
    seed: int = 0
    """Salt of the held-out split, the calibration folds and the choice of pairs."""
    text_features: int = Field(2**14, ge=1)
    """Hash buckets of each of the three text vectorizers (prompt words, response words, response chars)."""
    word_ngram_max: int = Field(2, ge=1)
    """Longest word n-gram of the prompt and response vectorizers (all from 1 to this)."""
    char_ngram_min: int = Field(2, ge=1)
    """Shortest character n-gram of the response (taken within words, padded by spaces)."""
    char_ngram_max: int = Field(4, ge=1)
    """Longest character n-gram of the response."""
    embedding_weight: float = Field(0.03, gt=0.0)
    """Scale of the standardised embedding columns against the others: the L2 penalty on their weights is
    ``1 / embedding_weight**2`` times stronger (hundreds of correlated columns need it; tuned on the shared
    real data, see docs/labeling.md)."""
    max_pairs_per_prompt: int = Field(50, ge=1)
    """Bradley-Terry pairs taken from one prompt group at most (chosen at random with ``seed``)."""
    regularization_c: float = Field(1.0, gt=0.0)
    """Inverse regularisation strength ``C`` of the logistic regression (smaller: simpler model)."""
    max_iter: int = Field(2000, ge=1)
    """Iteration limit of the logistic regression's solver."""
    text_encoder: Literal["minilm", "base_model"] = "minilm"
    """Sentence embeddings from the packaged all-MiniLM-L6-v2, or from the hidden states of a team's own model."""
    text_encoder_dir: str | None = None
    """The model directory of ``text_encoder: base_model`` (default: the project's base model)."""
    encoder_max_length: int = Field(256, ge=8)
    """Tokens of a text that are encoded (the rest is cut); all-MiniLM-L6-v2 was trained on 256."""
    encoder_batch_size: int = Field(32, ge=1)
    """Texts per forward pass of the encoder."""

    @model_validator(mode="after")
    def _char_range(self) -> LabelerSpec:
        if self.char_ngram_min > self.char_ngram_max:
            raise ValueError(f"char n-gram range ({self.char_ngram_min}, {self.char_ngram_max}) is empty")
        return self

    @property
    def encoder(self) -> EncoderSpec:
        """The text encoder these fields name."""
        return EncoderSpec(
            kind=self.text_encoder,
            model_dir=self.text_encoder_dir,
            max_length=self.encoder_max_length,
            batch_size=self.encoder_batch_size,
        )


class Encoder(Protocol):
    """What the labeler needs of a text encoder (:class:`~feedback_loop.label.encoders.TextEncoder`)."""

    @property
    def identity(self) -> str: ...

    def encode(self, texts: list[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class LabelerParameters:
    """Everything a fitted labeler computes with: plain arrays and names, nothing executable."""

    arrays: dict[str, np.ndarray]
    """``idf_prompt_words``, ``idf_response_words``, ``idf_response_chars``, ``embedding_mean``,
    ``embedding_scale``, ``numeric_mean``, ``numeric_scale``, ``weights`` and the calibration's
    ``platt`` (slope, intercept) or ``isotonic_x`` / ``isotonic_y``."""
    use_cases: tuple[str, ...]
    """The use cases of the one-hot columns, in order."""


@dataclass(frozen=True)
class TrainedLabeler:
    """A calibrated scorer of label rows, its version, and the figures measured on held-out prompt groups."""

    version: str
    """16 hex digits of a sha256 over the training rows (interaction_id, quality, features), the spec, the
    encoder's identity, the feature set version and the lexicons (:func:`planned_version` computes it without
    training)."""
    spec: LabelerSpec
    metrics: dict[str, Any]
    """Held-out figures (auc, brier, log_loss, ece, accuracy, base_rate, pairwise_accuracy, n_train,
    n_holdout, groups and class counts of both parts) and the training data (training_rows,
    training_digest, rows by source, pairs and pointwise rows)."""
    parameters: LabelerParameters
    encoder: Encoder
    lexicons: dict[str, str]
    """The patterns of the offensive, refusal and time-sensitive lexicons the features were computed with
    (kept with the model, so that a later edit of a list does not change what a trained labeler sees)."""

    def predict_good_proba(self, labels: pa.Table) -> np.ndarray:
        """Calibrated P(quality == good) for each row of ``labels``, in row order.

        Raises ValueError naming the interaction_id and field of a row whose features cannot be computed.
        """
        return _calibrate(self.parameters, self.scores(labels), self.spec.calibration)

    def scores(self, labels: pa.Table) -> np.ndarray:
        """The uncalibrated score of each row (higher: better); compare two responses to one prompt with it."""
        if labels.num_rows == 0:
            return np.empty(0, dtype=np.float64)
        inputs = feature_inputs(labels, self.encoder, self.lexicons)
        return _score(self.parameters, _design(self.parameters, inputs, self.spec))


def train_labeler(
    labels: pa.Table,
    spec: LabelerSpec | None = None,
    *,
    encoder: Encoder | None = None,
    offensive_lexicon: str | Path | None = None,
) -> TrainedLabeler:
    """Train, measure on held-out prompt groups, then refit on all labeled rows; see the module docstring.

    ``encoder`` defaults to the one ``spec.encoder`` names (pass one built with an embedding store to keep
    embeddings between runs). ``offensive_lexicon`` replaces the packaged offensive word list. Raises
    :class:`InsufficientLabels` when either class has fewer than ``spec.min_examples_per_class`` rows or a
    part of the split lacks the rows to fit or to measure, and ValueError for a row that cannot be used.
    """
    spec = spec or LabelerSpec()
    encoder = encoder or build_encoder(spec.encoder)
    lexicons = _lexicons(offensive_lexicon)
    training, inputs, y, groups = _prepare(labels, spec, encoder, lexicons)
    holdout = split_units(groups, spec.seed) < spec.holdout_fraction
    _check_part(y[~holdout], "training part", spec.calibration_folds, spec)
    _check_part(y[holdout], "held-out part", 1, spec)

    measured = _fit(inputs.take(~holdout), y[~holdout], groups[~holdout], spec)
    held_scores = _score(measured, _design(measured, inputs.take(holdout), spec))
    held_proba = _calibrate(measured, held_scores, spec.calibration)
    metrics = {
        **probability_metrics(y[holdout], held_proba),
        **pairwise_metrics(y[holdout], groups[holdout], held_scores, training["response"].filter(holdout)),
        "n_train": int((~holdout).sum()),
        "n_holdout": int(holdout.sum()),
        "train_groups": len(set(groups[~holdout])),
        "holdout_groups": len(set(groups[holdout])),
        "train_good": int(y[~holdout].sum()),
        "train_bad": int((~holdout).sum() - y[~holdout].sum()),
        "holdout_good": int(y[holdout].sum()),
        "holdout_bad": int(holdout.sum() - y[holdout].sum()),
        "split": "prompt_group",
        "refit_on_all_rows": True,
        **training_summary(training),
    }
    parameters = _fit(inputs, y, groups, spec)
    metrics.update(_objective_rows(y, groups, training["response"], spec))
    version = _version(metrics["training_digest"], spec, encoder.identity, lexicons)
    return TrainedLabeler(version, spec, metrics, parameters, encoder, lexicons)


def cross_validate_labeler(
    labels: pa.Table,
    spec: LabelerSpec | None = None,
    *,
    folds: int = 5,
    encoder: Encoder | None = None,
    offensive_lexicon: str | Path | None = None,
) -> dict[str, Any]:
    """AUC, Brier score, ECE (and pairwise accuracy where there are pairs) in ``folds``-fold cross-validation
    by prompt group, per fold and their mean and spread.

    Each fold is predicted by a labeler fit on the others; ``out_of_fold`` maps each interaction_id to its
    (fold, score), for figures of one's own (e.g. against known preferences). Raises
    :class:`InsufficientLabels` like :func:`train_labeler`.
    """
    if folds < 2:
        raise ValueError(f"cross-validation needs at least 2 folds, got {folds}")
    spec = spec or LabelerSpec()
    encoder = encoder or build_encoder(spec.encoder)
    training, inputs, y, groups = _prepare(labels, spec, encoder, _lexicons(offensive_lexicon))
    fold_of = _folds(groups, folds, spec.seed)
    responses = training["response"]
    per_fold = []
    out_of_fold = np.zeros(len(y))
    for fold in range(folds):
        held_out = fold_of == fold
        _check_part(y[~held_out], f"training part of fold {fold}", spec.calibration_folds, spec)
        _check_part(y[held_out], f"fold {fold}", 1, spec)
        parameters = _fit(inputs.take(~held_out), y[~held_out], groups[~held_out], spec)
        scores = _score(parameters, _design(parameters, inputs.take(held_out), spec))
        out_of_fold[held_out] = scores
        figures = probability_metrics(y[held_out], _calibrate(parameters, scores, spec.calibration))
        figures.update(pairwise_metrics(y[held_out], groups[held_out], scores, responses.filter(held_out)))
        per_fold.append({"n": int(held_out.sum()), **figures})
    result: dict[str, Any] = {"folds": folds, "rows": len(y), "base_rate": float(y.mean()), "per_fold": per_fold}
    ids = training["interaction_id"].to_pylist()
    result["out_of_fold"] = {i: (int(f), float(v)) for i, f, v in zip(ids, fold_of, out_of_fold, strict=True)}
    for name in ("auc", "brier", "ece", "pairwise_accuracy"):
        values = np.array([fold[name] for fold in per_fold if fold.get(name) is not None], dtype=np.float64)
        result[f"{name}_mean"] = float(values.mean()) if len(values) else None
        result[f"{name}_std"] = float(values.std(ddof=1)) if len(values) > 1 else None
    return result


# --- persistence ----------------------------------------------------------------------------


def save_labeler(labeler: TrainedLabeler, root: str | Path) -> Path:
    """Write ``labeler`` to ``<root>/<version>/`` (labeler.json, parameters.safetensors); returns that folder.

    Plain JSON and safetensors: loading them runs no code. The folder appears whole or not at all (written
    under a temporary name, then renamed). A version already saved is left as it is.
    """
    from safetensors.numpy import save_file

    final = Path(root) / labeler.version
    if all((final / name).is_file() for name in LABELER_FILES):
        return final
    metadata = {
        "version": labeler.version,
        "spec": labeler.spec.model_dump(mode="json"),
        "metrics": labeler.metrics,
        "feature_set_version": FEATURE_SET_VERSION,
        "encoder_identity": labeler.encoder.identity,
        "use_cases": list(labeler.parameters.use_cases),
        "lexicons": labeler.lexicons,
        "created_at": datetime.now(UTC).isoformat(),
    }
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.parent / f".tmp-{labeler.version}-{uuid.uuid4().hex}"
    tmp.mkdir()
    try:
        arrays = {name: np.ascontiguousarray(array) for name, array in labeler.parameters.arrays.items()}
        save_file(arrays, str(tmp / PARAMETERS_FILE))
        (tmp / METADATA_FILE).write_text(json.dumps(metadata, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        if final.exists():
            shutil.rmtree(final)  # an incomplete folder of this version (a planted or foreign file)
        try:
            os.rename(tmp, final)
        except OSError:
            if not all((final / name).is_file() for name in LABELER_FILES):
                raise
            # Another run saved the same version between our check and our rename: theirs is identical.
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    return final


def labeler_digest(path: str | Path) -> str:
    """The sha256 over the names and contents of a saved labeler's files (what a publisher records)."""
    path = Path(path)
    digest = hashlib.sha256()
    for name in LABELER_FILES:
        file = path / name
        if not file.is_file():
            raise FileNotFoundError(f"{path} holds no {name}: not a labeler saved by save_labeler")
        digest.update(name.encode() + b"\0")
        digest.update(file.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def load_labeler(
    path: str | Path, *, expected_sha256: str, encoder: Encoder | None = None, embedding_store: Path | None = None
) -> TrainedLabeler:
    """The labeler saved in the folder ``path``, after its files matched ``expected_sha256``.

    Only the JSON metadata and the safetensors parameters are read (any other file in the folder is
    ignored), and only after the hash matched: :class:`LabelerIntegrityError` otherwise. Raises
    FileNotFoundError when a file is missing, and ValueError when the labeler was computed with another
    feature set or encoder (its predictions could silently differ: retrain it). ``encoder`` defaults to the
    one its spec names, keeping embeddings in ``embedding_store`` when given.
    """
    from safetensors.numpy import load_file

    path = Path(path)
    found = labeler_digest(path)
    if found != expected_sha256:
        raise LabelerIntegrityError(
            f"labeler files in {path} have sha256 {found}, not the published {expected_sha256}: not loaded"
        )
    metadata = json.loads((path / METADATA_FILE).read_text(encoding="utf-8"))
    if metadata["feature_set_version"] != FEATURE_SET_VERSION:
        raise ValueError(
            f"labeler {metadata['version']} uses feature set {metadata['feature_set_version']}, "
            f"this code computes feature set {FEATURE_SET_VERSION}: retrain it"
        )
    spec = LabelerSpec.model_validate(metadata["spec"])
    encoder = encoder or build_encoder(spec.encoder, store_dir=embedding_store)
    if encoder.identity != metadata["encoder_identity"]:
        raise ValueError(
            f"labeler {metadata['version']} was trained with encoder {metadata['encoder_identity']}, "
            f"this one is {encoder.identity}: retrain it"
        )
    return TrainedLabeler(
        version=metadata["version"],
        spec=spec,
        metrics=metadata["metrics"],
        parameters=LabelerParameters(load_file(str(path / PARAMETERS_FILE)), tuple(metadata["use_cases"])),
        encoder=encoder,
        lexicons=metadata["lexicons"],
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


def prompt_group(prompt: str) -> str:
    """The group of a prompt: the sha256 (16 hex digits) of its text, case-folded, NFKC, whitespace collapsed."""
    normalised = " ".join(unicodedata.normalize("NFKC", prompt).casefold().split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def feature_digests(labels: pa.Table) -> list[str]:
    """The sha256 of each row's :data:`FEATURE_COLUMNS` values, in row order: equal digests, equal features."""
    return [
        hashlib.sha256(json.dumps(row, sort_keys=True).encode("utf-8")).hexdigest()
        for row in labels.select(list(FEATURE_COLUMNS)).to_pylist()
    ]


def training_row_keys(training: pa.Table) -> list[str]:
    """One key per training row (interaction_id, quality and features), sorted: a row whose key is not among
    a labeler's keys is new or changed since that labeler was trained."""
    return sorted(
        "\t".join(row)
        for row in zip(
            training["interaction_id"].to_pylist(),
            training["quality"].to_pylist(),
            feature_digests(training),
            strict=True,
        )
    )


def training_summary(training: pa.Table) -> dict[str, Any]:
    """Rows, sources and the digest of the training rows (interaction_id, quality and features) of a labeler."""
    rows = training_row_keys(training)
    digest = hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()[:16]
    sources = training["quality_source"].to_pylist()
    return {
        "training_rows": len(rows),
        "training_digest": digest,
        **{f"training_{source}_rows": sources.count(source) for source in TRAINING_SOURCES},
    }


def planned_version(
    labels: pa.Table, spec: LabelerSpec, encoder_identity: str, *, offensive_lexicon: str | Path | None = None
) -> str:
    """The version :func:`train_labeler` gives a labeler trained on ``labels`` with these settings, computed
    without training: equal versions mean equal training rows, spec, encoder, features and lexicons, so a
    labeler of that version need not be fit again."""
    digest = training_summary(labeled_rows(labels))["training_digest"]
    return _version(digest, spec, encoder_identity, _lexicons(offensive_lexicon))


def settings_version(spec: LabelerSpec, encoder_identity: str, *, offensive_lexicon: str | Path | None = None) -> str:
    """What a labeler's version says besides its training rows (spec, encoder, feature set, lexicons): two
    labelers with different settings versions are different models, however alike their rows."""
    return _version("", spec, encoder_identity, _lexicons(offensive_lexicon))


def predict_changed(labeler: TrainedLabeler, labels: pa.Table, stored: pa.Table) -> tuple[np.ndarray, int]:
    """(P(good) per row of ``labels``, how many rows were predicted).

    ``stored`` holds earlier label rows (:data:`STORED_PREDICTION_COLUMNS`, e.g. the day's labels partition as
    it was written last time). A row whose interaction was given a probability by this labeler's version, with
    the same features, keeps that probability; only new or changed interactions are predicted. Rows are
    predicted independently, so the result equals predicting all of ``labels``.
    """
    kept: dict[str, tuple[str, float]] = {}
    if stored.num_rows:
        for interaction_id, digest, probability, version in zip(
            stored["interaction_id"].to_pylist(),
            feature_digests(stored),
            stored["model_good_probability"].to_pylist(),
            stored["label_model_version"].to_pylist(),
            strict=True,
        ):
            if version == labeler.version and probability is not None:
                kept[interaction_id] = (digest, probability)
    probabilities = np.empty(labels.num_rows, dtype=np.float64)
    changed = []
    for index, (interaction_id, digest) in enumerate(
        zip(labels["interaction_id"].to_pylist(), feature_digests(labels), strict=True)
    ):
        previous = kept.get(interaction_id)
        if previous is not None and previous[0] == digest:
            probabilities[index] = previous[1]
        else:
            changed.append(index)
    if changed:
        probabilities[changed] = labeler.predict_good_proba(labels.take(changed))
    return probabilities, len(changed)


def split_units(keys: list[str] | np.ndarray, seed: int) -> np.ndarray:
    """A number in [0, 1) per key, from a hash of it and ``seed``: the same key always lands alike."""
    return np.array(
        [int.from_bytes(hashlib.sha256(f"{seed}:{key}".encode()).digest()[:8], "big") / 2**64 for key in keys],
        dtype=np.float64,
    )


def _folds(groups: np.ndarray, folds: int, seed: int) -> np.ndarray:
    return np.minimum((split_units(groups, seed) * folds).astype(int), folds - 1)


def _lexicons(offensive_lexicon: str | Path | None) -> dict[str, str]:
    return {
        "offensive": load_lexicon(offensive_lexicon or PACKAGED / "offensive.txt").pattern,
        "refusal": load_lexicon(PACKAGED / "refusal.txt").pattern,
        "time_sensitive": load_lexicon(PACKAGED / "time_sensitive.txt").pattern,
    }


def _prepare(labels: pa.Table, spec: LabelerSpec, encoder: Encoder, lexicons: dict[str, str]):
    """(labeled rows, their feature inputs, targets 1 = good, prompt groups), the class counts checked."""
    training = labeled_rows(labels)
    y = np.array([quality == "good" for quality in training["quality"].to_pylist()], dtype=np.int64)
    _check_counts({"good": int(y.sum()), "bad": int(len(y) - y.sum())}, spec)
    inputs = feature_inputs(training, encoder, lexicons)
    return training, inputs, y, np.array([prompt_group(p) for p in inputs.prompts])


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


@dataclass(frozen=True)
class FeatureInputs:
    """What the model computes from, one entry per row: texts, embeddings, numbers, use cases."""

    prompts: list[str]
    responses: list[str]
    embeddings: np.ndarray
    """Response embedding, then prompt embedding, side by side."""
    numeric: np.ndarray
    """The columns of :data:`NUMERIC_FEATURES`."""
    use_cases: list[str]

    def take(self, mask: np.ndarray) -> FeatureInputs:
        index = np.flatnonzero(mask)
        return FeatureInputs(
            [self.prompts[i] for i in index],
            [self.responses[i] for i in index],
            self.embeddings[index],
            self.numeric[index],
            [self.use_cases[i] for i in index],
        )


def feature_inputs(labels: pa.Table, encoder: Encoder, lexicons: dict[str, str]) -> FeatureInputs:
    """The model's inputs for each label row; the encoder embeds each distinct prompt and response once.

    Raises ValueError naming the interaction_id and field of a row with a missing or impossible value.
    """
    missing = [c for c in FEATURE_COLUMNS if c not in labels.column_names]
    if missing:
        raise ValueError(f"the labels table lacks the columns {missing}")
    patterns = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in lexicons.items()}
    rows = labels.select(list(FEATURE_COLUMNS)).to_pylist()
    behaviour = [_behaviour_features(index, row, patterns["offensive"]) for index, row in enumerate(rows)]
    prompts = [row["prompt"] for row in rows]
    responses = [row["response"] for row in rows]
    vectors = encoder.encode(prompts + responses)
    prompt_vectors, response_vectors = vectors[: len(rows)], vectors[len(rows) :]
    cosine = np.einsum("ij,ij->i", prompt_vectors, response_vectors)
    text = [
        [*_text_features(prompt, response, patterns), float(similarity)]
        for prompt, response, similarity in zip(prompts, responses, cosine, strict=True)
    ]
    return FeatureInputs(
        prompts,
        responses,
        np.hstack([response_vectors, prompt_vectors]).astype(np.float64),
        np.hstack([np.array(behaviour, dtype=np.float64), np.array(text, dtype=np.float64)]).reshape(
            len(rows), len(NUMERIC_FEATURES)
        ),
        [row["use_case"] for row in rows],
    )


def _behaviour_features(index: int, row: dict, offensive: re.Pattern[str]) -> list[float]:
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
    return [
        math.log1p(len(response)),
        math.log1p(row["completion_tokens"]),
        math.log1p(row["latency_ms"]),
        0.0 if reading is None else math.log1p(reading),
        float(reading is None),
        *(float(actions.count(action)) for action in ACTIONS),
        *(float(row["outcome"] == outcome) for outcome in OUTCOMES),
        float(row["outcome"] is None),
        float(row["escalated"]),
        float(row["task_success"] is True),
        float(row["task_success"] is False),
        float(row["task_success"] is None),
        0.0 if sentiment is None else float(sentiment),
        float(sentiment is None),
        float(offensive.search(response) is not None),
    ]


def _text_features(prompt: str, response: str, patterns: dict[str, re.Pattern[str]]) -> list[float]:
    """The values of :data:`TEXT_FEATURES` but the last (the embeddings' cosine similarity)."""
    words = _WORD.findall(response.casefold())
    prompt_words = set(_WORD.findall(prompt.casefold()))
    n = len(words)
    trigrams = [tuple(words[i : i + 3]) for i in range(n - 2)]
    stripped = response.strip()
    raw_words = response.split()
    chars = max(1, len(response))
    return [
        math.log1p(len(prompt)),
        math.log1p(n),
        float(n == 0),
        len(set(words)) / n if n else 0.0,
        len(set(trigrams)) / len(trigrams) if trigrams else 1.0,
        sum(word in prompt_words for word in words) / n if n else 0.0,
        len(prompt_words & set(words)) / len(prompt_words) if prompt_words else 0.0,
        float(bool(stripped) and stripped.casefold().startswith(prompt.strip().casefold()[:30])),
        float(stripped[-1:] in ".!?\"')]`*") if stripped else 0.0,
        math.log1p(response.count("\n")),
        sum(c.isdigit() for c in response) / chars,
        len(_NUMBER.findall(response)) / max(1, n),
        len(_YEAR.findall(response)) / max(1, n),
        sum(word[:1].isupper() for word in raw_words[1:]) / max(1, len(raw_words)),
        len(_SYMBOL.findall(response)) / chars,
        float(patterns["refusal"].search(response) is not None),
        float(patterns["refusal"].search(response[:150]) is not None),
        float(patterns["time_sensitive"].search(prompt) is not None),
        *_novelty_features(prompt, response, words, prompt_words),
    ]


def _novelty_features(prompt: str, response: str, words: list[str], prompt_words: set[str]) -> list[float]:
    """The values of the ``new_*`` to ``log_prompt_input_chars`` features of :data:`TEXT_FEATURES`: what the
    response (its case-folded ``words``) states that its prompt (``prompt_words``) does not."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    n = max(1, len(words))
    content = {word for word in words if len(word) > 2 and not word.isdigit() and word not in ENGLISH_STOP_WORDS}
    new_content = content - prompt_words
    prompt_numbers = set(_NUMBER.findall(prompt))
    numbers = _NUMBER.findall(response)
    new_numbers = [number for number in numbers if number not in prompt_numbers]
    new_names = {name.casefold() for name in _NAME.findall(response)} - prompt_words
    folded_prompt = prompt.casefold()
    new_quotations = [q for q in _QUOTED.findall(response) if q.casefold() not in folded_prompt]
    given = prompt.strip().partition("\n")[2]
    return [
        len(new_content) / max(1, len(content)),
        math.log1p(len(new_content)),
        len(new_numbers) / n,
        math.log1p(len(set(new_numbers))),
        len(new_numbers) / max(1, len(numbers)),
        len(new_names) / n,
        math.log1p(len(new_names)),
        math.log1p(len(new_quotations)),
        math.log1p(len(response)) - math.log1p(len(prompt)),
        float(_LINK.search(prompt) is not None),
        float(_LINK.search(response) is not None),
        float(bool(given.strip())),
        math.log1p(len(given.strip())),
    ]


def _is_count(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value >= 0


# --- model ----------------------------------------------------------------------------------


def _hashed(inputs: FeatureInputs, spec: LabelerSpec):
    """The hashed n-gram counts of prompt words, response words and response characters (3 sparse blocks)."""
    from sklearn.feature_extraction.text import HashingVectorizer

    def vectorizer(analyzer: str, ngrams: tuple[int, int]):
        return HashingVectorizer(
            analyzer=analyzer, ngram_range=ngrams, n_features=spec.text_features, alternate_sign=False, norm=None
        )

    words = vectorizer("word", (1, spec.word_ngram_max))
    chars = vectorizer("char_wb", (spec.char_ngram_min, spec.char_ngram_max))
    return {
        "idf_prompt_words": words.transform(inputs.prompts),
        "idf_response_words": words.transform(inputs.responses),
        "idf_response_chars": chars.transform(inputs.responses),
    }


def _design(parameters: LabelerParameters, inputs: FeatureInputs, spec: LabelerSpec):
    """The sparse feature matrix (without the intercept column) of ``inputs`` under fitted ``parameters``."""
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfTransformer

    arrays = parameters.arrays
    blocks = []
    for name, counts in _hashed(inputs, spec).items():
        tfidf = TfidfTransformer(sublinear_tf=True)
        tfidf.idf_ = arrays[name]
        blocks.append(tfidf.transform(counts))
    embeddings = (inputs.embeddings - arrays["embedding_mean"]) / arrays["embedding_scale"] * spec.embedding_weight
    numeric = (inputs.numeric - arrays["numeric_mean"]) / arrays["numeric_scale"]
    index = {use_case: i for i, use_case in enumerate(parameters.use_cases)}
    one_hot = np.zeros((len(inputs.use_cases), len(index)))
    for row, use_case in enumerate(inputs.use_cases):
        if use_case in index:  # an unseen use case sets none
            one_hot[row, index[use_case]] = 1.0
    return sp.hstack([*blocks, sp.csr_matrix(embeddings), sp.csr_matrix(numeric), sp.csr_matrix(one_hot)]).tocsr()


def _score(parameters: LabelerParameters, design) -> np.ndarray:
    weights = parameters.arrays["weights"]
    return np.asarray(design @ weights[:-1]).ravel() + INTERCEPT_FEATURE * weights[-1]


def _fit(inputs: FeatureInputs, y: np.ndarray, groups: np.ndarray, spec: LabelerSpec) -> LabelerParameters:
    """Feature transforms, the linear score (pointwise and Bradley-Terry terms) and its calibration."""
    from sklearn.feature_extraction.text import TfidfTransformer

    arrays = {
        name: TfidfTransformer(sublinear_tf=True).fit(counts).idf_ for name, counts in _hashed(inputs, spec).items()
    }
    arrays["embedding_mean"], arrays["embedding_scale"] = _standardiser(inputs.embeddings)
    arrays["numeric_mean"], arrays["numeric_scale"] = _standardiser(inputs.numeric)
    use_cases = tuple(sorted(set(inputs.use_cases)))
    unfitted = LabelerParameters(arrays, use_cases)
    design = _design(unfitted, inputs, spec)
    weights = _fit_weights(design, y, groups, inputs.responses, spec)
    # Out-of-fold scores by prompt group (the features above read no labels, so they are shared).
    fold_of = _folds(groups, spec.calibration_folds, spec.seed + 1)
    out_of_fold = np.zeros(len(y))
    for fold in range(spec.calibration_folds):
        held = fold_of == fold
        if held.all() or not held.any() or len(set(y[~held])) < 2:
            raise InsufficientLabels(
                f"calibration fold {fold} of {spec.calibration_folds} leaves no good or no bad rows to fit on: "
                "too few prompt groups; add labeled rows or lower calibration_folds",
                {"good": int(y.sum()), "bad": int(len(y) - y.sum())},
                spec.min_examples_per_class,
            )
        fold_weights = _fit_weights(design[~held], y[~held], groups[~held], _subset(inputs.responses, ~held), spec)
        out_of_fold[held] = np.asarray(design[held] @ fold_weights[:-1]).ravel() + INTERCEPT_FEATURE * fold_weights[-1]
    arrays.update(weights=weights, **_calibrator(out_of_fold, y, spec))
    return LabelerParameters(arrays, use_cases)


def _subset(values: list, mask: np.ndarray) -> list:
    return [value for value, keep in zip(values, mask, strict=True) if keep]


def _standardiser(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = matrix.mean(axis=0)
    scale = matrix.std(axis=0)
    return mean, np.where(scale > 0, scale, 1.0)


def bradley_terry_pairs(
    y: np.ndarray, groups: np.ndarray, responses: list[str], spec: LabelerSpec
) -> tuple[list[tuple[int, int]], np.ndarray]:
    """(pairs (good row, bad row) within prompt groups, mask of the rows trained pointwise).

    A group with a good and a bad response of different texts gives at most ``spec.max_pairs_per_prompt``
    pairs (a seeded random choice) and no pointwise rows; every other row is pointwise.
    """
    by_group: dict[str, list[int]] = {}
    for index, group in enumerate(groups):
        by_group.setdefault(group, []).append(index)
    pairs: list[tuple[int, int]] = []
    pointwise = np.ones(len(y), dtype=bool)
    rng = np.random.default_rng(spec.seed)
    for group in sorted(by_group):
        members = by_group[group]
        candidates = [
            (good, bad)
            for good in members
            if y[good] == 1
            for bad in members
            if y[bad] == 0 and responses[good] != responses[bad]
        ]
        if not candidates:
            continue
        if len(candidates) > spec.max_pairs_per_prompt:
            chosen = rng.choice(len(candidates), spec.max_pairs_per_prompt, replace=False)
            candidates = [candidates[i] for i in sorted(chosen)]
        pairs.extend(candidates)
        pointwise[members] = False
    return pairs, pointwise


def _objective_rows(y: np.ndarray, groups: np.ndarray, responses, spec: LabelerSpec) -> dict[str, int]:
    pairs, pointwise = bradley_terry_pairs(y, groups, list(responses.to_pylist()), spec)
    return {"bradley_terry_pairs": len(pairs), "pointwise_rows": int(pointwise.sum())}


def _fit_weights(design, y: np.ndarray, groups: np.ndarray, responses: list[str], spec: LabelerSpec) -> np.ndarray:
    """The weights (last: intercept) of one logistic regression over pointwise rows and Bradley-Terry pairs."""
    import scipy.sparse as sp
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    pairs, pointwise = bradley_terry_pairs(y, groups, responses, spec)
    points = design[pointwise]
    parts = [sp.hstack([points, sp.csr_matrix(np.full((points.shape[0], 1), INTERCEPT_FEATURE))])]
    targets = [y[pointwise]]
    if pairs:
        good = np.array([g for g, _ in pairs])
        bad = np.array([b for _, b in pairs])
        difference = sp.hstack([design[good] - design[bad], sp.csr_matrix((len(pairs), 1))])
        # Both orders, so that the pair rows carry no bias of their own.
        parts += [difference, -difference]
        targets += [np.ones(len(pairs)), np.zeros(len(pairs))]
    target = np.concatenate(targets)
    if len(set(target)) < 2:
        raise InsufficientLabels(
            "the rows to fit hold a single class", {"good": int(y.sum()), "bad": int(len(y) - y.sum())}, 1
        )
    logistic = LogisticRegression(C=spec.regularization_c, fit_intercept=False, max_iter=spec.max_iter)
    # A sparse logistic regression of this size gains little from threads, and on a busy machine competing
    # OpenMP threads made one fit five times slower (measured).
    with threadpool_limits(1):
        logistic.fit(sp.vstack(parts).tocsr(), target)
    return logistic.coef_[0].astype(np.float64)


def _calibrator(scores: np.ndarray, y: np.ndarray, spec: LabelerSpec) -> dict[str, np.ndarray]:
    if spec.calibration == "isotonic":
        from sklearn.isotonic import IsotonicRegression

        isotonic = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(scores, y)
        return {"isotonic_x": isotonic.X_thresholds_, "isotonic_y": isotonic.y_thresholds_}
    from sklearn.linear_model import LogisticRegression

    platt = LogisticRegression(C=1e6, max_iter=1000).fit(scores.reshape(-1, 1), y)
    return {"platt": np.array([platt.coef_[0, 0], platt.intercept_[0]], dtype=np.float64)}


def _calibrate(parameters: LabelerParameters, scores: np.ndarray, calibration: str) -> np.ndarray:
    arrays = parameters.arrays
    if calibration == "isotonic":
        return np.interp(scores, arrays["isotonic_x"], arrays["isotonic_y"]).astype(np.float64)
    slope, intercept = arrays["platt"]
    return 1.0 / (1.0 + np.exp(-(slope * scores + intercept)))


def _version(digest: str, spec: LabelerSpec, encoder_identity: str, lexicons: dict[str, str]) -> str:
    identity = {
        "training_digest": digest,
        "spec": spec.model_dump(mode="json"),
        "encoder": encoder_identity,
        "feature_set_version": FEATURE_SET_VERSION,
        "lexicons": lexicons,
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


def pairwise_metrics(y: np.ndarray, groups: np.ndarray, scores: np.ndarray, responses) -> dict[str, Any]:
    """The share of (good, bad) pairs of different responses to one prompt that the scores order right (ties
    count half), and how many pairs there were; None where there are none."""
    texts = responses.to_pylist() if hasattr(responses, "to_pylist") else list(responses)
    by_group: dict[str, list[int]] = {}
    for index, group in enumerate(groups):
        by_group.setdefault(group, []).append(index)
    right, pairs = 0.0, 0
    for members in by_group.values():
        for good in members:
            if y[good] != 1:
                continue
            for bad in members:
                if y[bad] == 0 and texts[good] != texts[bad]:
                    pairs += 1
                    right += 1.0 if scores[good] > scores[bad] else 0.5 if scores[good] == scores[bad] else 0.0
    return {"pairwise_accuracy": right / pairs if pairs else None, "pairs": pairs}
