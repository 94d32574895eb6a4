"""Labeling: a quality label per interaction from its feedback and behaviour, and the human review queue."""

from feedback_loop.label.review import build_review_queue
from feedback_loop.label.rules import label_interactions, labels_arrow_schema

__all__ = ["build_review_queue", "label_interactions", "labels_arrow_schema"]
