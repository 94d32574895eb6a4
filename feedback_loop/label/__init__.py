"""Labeling: a quality label per interaction from its feedback and behaviour, a learned labeler for those
nobody judged, and the human review queue."""

from feedback_loop.label.learned import (
    InsufficientLabels,
    LabelerSpec,
    TrainedLabeler,
    cross_validate_labeler,
    load_labeler,
    save_labeler,
    train_labeler,
)
from feedback_loop.label.realdata import halueval_events, halueval_file, halueval_labels
from feedback_loop.label.review import ReviewBudgetSpec, ReviewQueue, build_review_queue
from feedback_loop.label.rules import label_interactions, labels_arrow_schema

__all__ = [
    "InsufficientLabels",
    "LabelerSpec",
    "ReviewBudgetSpec",
    "ReviewQueue",
    "TrainedLabeler",
    "build_review_queue",
    "cross_validate_labeler",
    "halueval_events",
    "halueval_file",
    "halueval_labels",
    "label_interactions",
    "labels_arrow_schema",
    "load_labeler",
    "save_labeler",
    "train_labeler",
]
