"""How good the learned labeler is, measured: `feedback-loop bench labeler` prints these figures.

* Simulated telemetry: days of simulated traffic are ingested and labeled like production data; the labeler
  trains on the explicitly labeled interactions and is measured on a held-out part of them. Also: the share
  of the interactions without explicit feedback that it labels with confidence of at least 0.8, and how long
  training took.
* HaluEval: the same labeler predicting the human hallucination label from the text alone (there is no
  behaviour in that data), on a held-out part and in 5-fold cross-validation, whose spread says how far a
  single held-out figure can be trusted.

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
from feedback_loop.label.learned import (
    TRAINING_SOURCES,
    LabelerSpec,
    cross_validate_labeler,
    train_labeler,
)
from feedback_loop.label.realdata import halueval_labels
from feedback_loop.label.rules import label_interactions

CONFIDENT = 0.8
FIRST_DAY = date(2026, 1, 1)
# The simulated ids are thrown away with the bench's temporary folder; any fixed key pseudonymizes them.
BENCH_PSEUDONYM_KEY = b"feedback-loop bench labeler"
HOLDOUT_FIGURES = ("auc", "brier", "log_loss", "ece", "accuracy", "base_rate", "n_train", "n_holdout")


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


def bench_simulated(labels: pa.Table, spec: LabelerSpec = LabelerSpec()) -> dict[str, Any]:
    """Held-out figures on ``labels``, training time, and the confident share of rows without explicit labels."""
    started = time.perf_counter()
    labeler = train_labeler(labels, spec)
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


def bench_halueval(path: str | Path, spec: LabelerSpec = LabelerSpec(), *, folds: int = 5) -> dict[str, Any]:
    """Held-out and cross-validated figures of the labeler predicting HaluEval's human labels from text."""
    labels = halueval_labels(path)
    started = time.perf_counter()
    labeler = train_labeler(labels, spec)
    train_seconds = time.perf_counter() - started
    cross_validated = cross_validate_labeler(labels, spec, folds=folds)
    aucs = [fold["auc"] for fold in cross_validated["per_fold"]]
    return {
        "records": labels.num_rows,
        **{name: labeler.metrics[name] for name in HOLDOUT_FIGURES},
        "train_seconds": train_seconds,
        "cv_folds": folds,
        "cv_auc_mean": cross_validated["auc_mean"],
        "cv_auc_std": cross_validated["auc_std"],
        "cv_auc_min": min(aucs),
        "cv_auc_max": max(aucs),
        "cv_brier_mean": cross_validated["brier_mean"],
        "cv_ece_mean": cross_validated["ece_mean"],
        "cv_per_fold": cross_validated["per_fold"],
    }
