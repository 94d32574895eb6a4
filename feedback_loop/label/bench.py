"""How good the learned labeler is, measured: `feedback-loop bench labeler` prints these figures.

* Simulated telemetry: days of simulated traffic are ingested and labeled like production data; the labeler
  trains on the explicitly labeled interactions and is measured on held-out prompt groups. Also: the share
  of the interactions without explicit feedback that it labels with confidence of at least 0.8, how long
  training took, and the encoder's throughput (texts per second, distinct texts only).
* Real human judgements (:mod:`feedback_loop.label.realdata`), text only, in 5-fold cross-validation by
  prompt group (no prompt on both sides), whose spread says how far a single figure can be trusted:
  HaluEval (AUC, Brier, ECE of P(good) against the human hallucination labels) and PandaLM (the same against
  the thumbs of the preferred and the other response, and the pairwise accuracy: the share of human
  preferences whose preferred response scores higher). For PandaLM also a random split of the responses,
  as a deployment sees it (the other response to a held-back reply's prompt may be in training, with the
  opposite label): a labeler that learns prompts instead of responses falls below 0.5 there.

The pipeline may not import the simulator (only the CLI and demo do), so the caller passes ``simulate_day``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from feedback_loop.ingest import ingest_partition
from feedback_loop.label.encoders import text_key
from feedback_loop.label.learned import (
    TRAINING_SOURCES,
    Encoder,
    LabelerSpec,
    cross_validate_labeler,
    labeled_rows,
    probability_metrics,
    prompt_group,
    split_units,
    train_labeler,
)
from feedback_loop.label.realdata import halueval_labels, pandalm_labels
from feedback_loop.label.rules import label_interactions

CONFIDENT = 0.8
FIRST_DAY = date(2026, 1, 1)
# The simulated ids are thrown away with the bench's temporary folder; any fixed key pseudonymizes them.
BENCH_PSEUDONYM_KEY = b"feedback-loop bench labeler"
HOLDOUT_FIGURES = ("auc", "brier", "log_loss", "ece", "accuracy", "base_rate", "n_train", "n_holdout")
CV_FIGURES = ("auc", "brier", "ece", "pairwise_accuracy")


def simulated_labels(
    simulate_day: Callable[..., object], landing_dir: str | Path, *, days: int, interactions: int, seed: int
) -> pa.Table:
    """Simulate ``days`` days of ``interactions`` each into ``landing_dir``, then ingest and label them all.

    Day ``i`` uses seed ``seed + i``; the day after the last is ingested too, for the feedback that lands late.
    Ingestion redacts text and pseudonymizes ids as in production.
    """
    if days < 1 or interactions < 1:
        raise ValueError(f"days ({days}) and interactions ({interactions}) must be at least 1")
    landing = Path(landing_dir)
    landing.mkdir(parents=True, exist_ok=True)
    for offset in range(days):
        simulate_day(landing, FIRST_DAY + timedelta(days=offset), interactions, seed + offset)
    partitions = [(FIRST_DAY + timedelta(days=offset)).isoformat() for offset in range(days + 1)]
    events = pa.concat_tables(
        ingest_partition(landing, partition, pseudonym_key=BENCH_PSEUDONYM_KEY).events for partition in partitions
    )
    return label_interactions(events.filter(pc.equal(events["event_type"], "interaction")), events)


def encoding_throughput(encoder: Encoder, labels: pa.Table) -> dict[str, Any]:
    """Distinct prompt and response texts of ``labels`` not yet cached, and texts per second to encode them."""
    texts = sorted(set(labels["prompt"].to_pylist()) | set(labels["response"].to_pylist()))
    started = time.perf_counter()
    encoder.encode(texts)
    seconds = time.perf_counter() - started
    return {"distinct_texts": len(texts), "encode_seconds": seconds, "texts_per_second": len(texts) / seconds}


def bench_simulated(labels: pa.Table, spec: LabelerSpec | None = None, *, encoder: Encoder) -> dict[str, Any]:
    """Held-out figures on ``labels``, training time, and the confident share of rows without explicit labels."""
    spec = spec or LabelerSpec()
    started = time.perf_counter()
    labeler = train_labeler(labels, spec, encoder=encoder)
    train_seconds = time.perf_counter() - started
    unlabeled = labels.filter(
        pc.invert(pc.fill_null(pc.is_in(labels["quality_source"], value_set=pa.array(TRAINING_SOURCES)), False))
    )
    good = labeler.predict_good_proba(unlabeled)
    confident = int(np.sum(np.maximum(good, 1.0 - good) >= CONFIDENT))
    return {
        "version": labeler.version,
        "interactions": labels.num_rows,
        "labeled_rows": labeler.metrics["training_rows"],
        **{name: labeler.metrics[name] for name in HOLDOUT_FIGURES},
        "train_seconds": train_seconds,
        "rows_without_explicit_label": unlabeled.num_rows,
        "confident_rows": confident,
        "confident_share": confident / unlabeled.num_rows if unlabeled.num_rows else None,
        "confident_threshold": CONFIDENT,
    }


def bench_halueval(
    path: str | Path, spec: LabelerSpec | None = None, *, encoder: Encoder, folds: int = 5
) -> dict[str, Any]:
    """Cross-validated figures (by prompt group) of the labeler predicting HaluEval's human labels from text."""
    spec = spec or LabelerSpec()
    labels = halueval_labels(path)
    started = time.perf_counter()
    figures = _cross_validated(labels, spec, encoder, folds)
    return {"records": labels.num_rows, **figures, "seconds": time.perf_counter() - started}


def bench_pandalm(
    path: str | Path, spec: LabelerSpec | None = None, *, encoder: Encoder, folds: int = 5
) -> dict[str, Any]:
    """Cross-validated figures (by prompt group) on PandaLM, with the pairwise accuracy against the human
    preferences, and the AUC on a random half of the interactions held back (as a deployment sees it)."""
    spec = spec or LabelerSpec()
    labels, data = pandalm_labels(path)
    started = time.perf_counter()
    cross_validated = cross_validate_labeler(labels, spec, folds=folds, encoder=encoder)
    figures = _summary(cross_validated, folds)
    scores = cross_validated["out_of_fold"]
    per_fold = []
    for fold in range(folds):
        right = [scores[a][1] > scores[b][1] for a, b in data.preferences if scores[a][0] == fold]
        per_fold.append(float(np.mean(right)) if right else None)
    measured = [value for value in per_fold if value is not None]
    figures.update(
        preferences=len(data.preferences),
        skipped_comparisons=data.skipped,
        cv_preference_accuracy_per_fold=per_fold,
        cv_preference_accuracy_mean=float(np.mean(measured)),
        cv_preference_accuracy_std=float(np.std(measured, ddof=1)),
        random_split_auc=random_split_auc(labels, spec, encoder),
        seconds=time.perf_counter() - started,
    )
    return {"interactions": labels.num_rows, **figures}


def random_split_auc(labels: pa.Table, spec: LabelerSpec, encoder: Encoder, *, held_back: float = 0.5) -> float:
    """AUC on a random ``held_back`` share of the labeled responses whose labels were hidden from training, as a
    deployment sees it: the other response to a held-back reply's prompt is often in training, with the opposite
    label, and a labeler that learned prompts gives the held-back reply that label. Interactions with the same
    prompt and response text are held back together, so that an exact copy cannot carry its label across."""
    training = labeled_rows(labels)
    units = [
        f"{prompt_group(prompt)}:{text_key(response)}"
        for prompt, response in zip(training["prompt"].to_pylist(), training["response"].to_pylist(), strict=True)
    ]
    hidden = split_units(units, spec.seed) < held_back
    labeler = train_labeler(training.filter(pa.array(~hidden)), spec, encoder=encoder)
    target = training.filter(pa.array(hidden))
    y = np.array([q == "good" for q in target["quality"].to_pylist()], dtype=np.int64)
    return probability_metrics(y, labeler.predict_good_proba(target))["auc"]


def _cross_validated(labels: pa.Table, spec: LabelerSpec, encoder: Encoder, folds: int) -> dict[str, Any]:
    return _summary(cross_validate_labeler(labels, spec, folds=folds, encoder=encoder), folds)


def _summary(cross_validated: dict[str, Any], folds: int) -> dict[str, Any]:
    figures: dict[str, Any] = {
        "cv_folds": folds,
        "rows": cross_validated["rows"],
        "base_rate": cross_validated["base_rate"],
    }
    for name in CV_FIGURES:
        figures[f"cv_{name}_mean"] = cross_validated[f"{name}_mean"]
        figures[f"cv_{name}_std"] = cross_validated[f"{name}_std"]
    aucs = [fold["auc"] for fold in cross_validated["per_fold"]]
    figures.update(cv_auc_min=min(aucs), cv_auc_max=max(aucs), cv_per_fold=cross_validated["per_fold"])
    return figures
