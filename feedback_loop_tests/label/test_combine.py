"""Precedence of the final label: human > explicit > rules and model combined; low confidence goes to review."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from feedback_loop.label import rules
from feedback_loop.label.combine import DISAGREEMENT_CONFIDENCE, combine_labels
from feedback_loop.label.decisions import decisions_table, make_decision, standing_verdicts
from feedback_loop.label.rules import label_interactions
from feedback_loop_tests.label.conftest import behaviour, events_table, feedback, interaction

T0 = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)


@pytest.fixture
def labels():
    """explicit good (e), rule bad via escalation (r), no evidence (n), weak rule good: only copied (w)."""
    interactions = [interaction(i, minute=k) for k, i in enumerate(["e", "r", "n", "w"])]
    signals = [
        feedback("e", "f1", thumb="up"),
        behaviour("r", "b1", action="escalate"),
        behaviour("w", "b2", action="copy"),
    ]
    return label_interactions(events_table(interactions), events_table(signals))


def combine(labels, probabilities=None, decisions=(), threshold=0.6):
    return {
        row["interaction_id"]: row
        for row in combine_labels(
            labels,
            good_probability=probabilities,
            model_version="m1" if probabilities is not None else None,
            verdicts=standing_verdicts(decisions_table(list(decisions))),
            review_below_confidence=threshold,
        ).to_pylist()
    }


def test_the_model_never_overrides_an_explicit_label(labels):
    rows = combine(labels, [0.01, 0.5, 0.5, 0.5])
    assert (rows["e"]["quality"], rows["e"]["quality_source"]) == ("good", "explicit")
    assert rows["e"]["quality_confidence"] == rules.EXPLICIT_CONFIDENCE
    assert rows["e"]["model_good_probability"] == 0.01 and rows["e"]["label_model_version"] == "m1"
    assert not rows["e"]["needs_review"]


def test_the_model_labels_what_nobody_judged_and_unsure_labels_go_to_review(labels):
    rows = combine(labels, [0.5, 0.2, 0.9, 0.55])
    assert (rows["n"]["quality"], rows["n"]["quality_source"], rows["n"]["quality_confidence"]) == (
        "good",
        "model",
        0.9,
    )
    assert not rows["n"]["needs_review"]
    # Agreement: the more confident side is the source (model 0.8 beats the escalation rule's 0.6).
    assert (rows["r"]["quality"], rows["r"]["quality_source"], rows["r"]["quality_confidence"]) == ("bad", "model", 0.8)
    # A weak rule (0.4) that the model barely confirms (0.55) stays unsure: a person should look.
    assert rows["w"]["quality"] == "good" and rows["w"]["quality_confidence"] == 0.55
    assert rows["w"]["review_codes"] == [rules.REVIEW_LOW_CONFIDENCE]


def test_rules_and_model_disagreeing_goes_to_review_with_capped_confidence(labels):
    rows = combine(labels, [0.5, 0.9, 0.5, 0.5])
    row = rows["r"]  # escalated (bad, 0.6) but the model is sure it was good (0.9)
    assert (row["quality"], row["quality_source"]) == ("good", "model")
    assert row["quality_confidence"] == DISAGREEMENT_CONFIDENCE
    assert rules.REVIEW_RULE_VS_MODEL in row["review_codes"]
    assert "behaviour says bad (0.60), model says good (P(good)=0.90)" in row["review_reason"]


def test_without_a_model_rules_stand_and_no_evidence_is_not_queued(labels):
    rows = combine(labels)
    assert rows["n"]["quality"] == "unknown" and not rows["n"]["needs_review"]
    assert rows["n"]["model_good_probability"] is None
    assert rows["w"]["review_codes"] == [rules.REVIEW_LOW_CONFIDENCE]  # rule confidence 0.4


def test_a_human_verdict_wins_over_everything(labels):
    decisions = [
        make_decision("e", "relabel", reviewer="ana", quality="bad", decided_at=T0),
        make_decision("w", "flag", reviewer="bo", flag="harmful", decided_at=T0),
    ]
    rows = combine(labels, [0.99, 0.5, 0.5, 0.99], decisions)
    assert (rows["e"]["quality"], rows["e"]["quality_source"], rows["e"]["quality_confidence"]) == ("bad", "human", 1.0)
    assert (rows["e"]["reviewer"], rows["e"]["reviewed_at"]) == ("ana", T0)
    assert rows["w"]["quality"] == "bad" and rows["w"]["flags"] == ["harmful"] and not rows["w"]["needs_review"]


def test_bad_model_output_is_an_error(labels):
    with pytest.raises(ValueError, match="3 model probabilities for 4 label rows"):
        combine(labels, [0.5, 0.5, 0.5])
    with pytest.raises(ValueError, match=r"label 'n': model probability 1.5"):
        combine(labels, [0.5, 0.5, 1.5, 0.5])
