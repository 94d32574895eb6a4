"""The review queue: which labels need a person, and in what order."""

from __future__ import annotations

import itertools

import pytest

from feedback_loop.label import rules
from feedback_loop.label.review import REASON_TIERS, build_review_queue, review_priority
from feedback_loop.label.rules import label_interactions, labels_arrow_schema

RUDE = "Figure it out yourself."


def _labels(ev, order=None):
    interactions = [
        ev.interaction("quiet", minute=0),  # thumb up only: no review
        ev.interaction("mixed", minute=1),  # copy + retry: mixed behaviour
        ev.interaction("conflict", minute=2),  # thumb up + rating 1: explicit conflict, no majority
        ev.interaction("lean", minute=3),  # thumb up + rating 1 + flag: conflict with a majority
        ev.interaction("rude", minute=4, response=RUDE),  # offensive response nobody flagged
        ev.interaction("contradicted", minute=5),  # thumb up then escalation
    ]
    signals = [
        ev.feedback("quiet", "f0", thumb="up"),
        ev.behaviour("mixed", "b1", action="copy"),
        ev.behaviour("mixed", "b2", action="retry"),
        ev.feedback("conflict", "f1", thumb="up", rating=1),
        ev.feedback("lean", "f2", thumb="up", rating=1),
        ev.feedback("lean", "f3", flag="wrong"),
        ev.feedback("contradicted", "f4", thumb="up"),
        ev.behaviour("contradicted", "b3", minute=3, action="escalate"),
    ]
    if order is not None:
        interactions = [interactions[i] for i in order]
    return label_interactions(ev.table(interactions), ev.table(signals))


def test_queue_holds_only_rows_that_need_review_in_priority_order(ev):
    queue = build_review_queue(_labels(ev))
    ids = queue.column("interaction_id").to_pylist()
    # Offensive first; then conflicts, the least confident first; then mixed behaviour.
    assert ids == ["rude", "conflict", "lean", "contradicted", "mixed"]
    priorities = queue.column("priority").to_pylist()
    assert priorities == sorted(priorities, reverse=True)
    assert all(queue.column("needs_review").to_pylist())
    assert queue.schema.names == [*labels_arrow_schema().names, "priority"]


def test_queue_order_is_deterministic(ev):
    first = build_review_queue(_labels(ev))
    shuffled = build_review_queue(_labels(ev, order=[5, 3, 1, 0, 4, 2]))
    assert first.column("interaction_id").to_pylist() == shuffled.column("interaction_id").to_pylist()
    assert first.column("priority").to_pylist() == shuffled.column("priority").to_pylist()


def test_equal_priorities_are_ordered_oldest_first(ev):
    labels = label_interactions(
        ev.table([ev.interaction("late", minute=9), ev.interaction("early", minute=1)]),
        ev.table(
            [
                ev.feedback("late", "f1", thumb="up", flag="wrong"),
                ev.feedback("early", "f2", thumb="up", flag="wrong"),
            ]
        ),
    )
    queue = build_review_queue(labels)
    assert queue.column("interaction_id").to_pylist() == ["early", "late"]


def test_tiers_never_interleave():
    ordered = sorted(set(REASON_TIERS.values()))
    for lower, higher in itertools.pairwise(ordered):
        lower_codes = [code for code, tier in REASON_TIERS.items() if tier <= lower]
        highest_of_lower = review_priority(lower_codes, 0.0, "x")
        higher_code = next(code for code, tier in REASON_TIERS.items() if tier == higher)
        lowest_of_higher = review_priority([higher_code], 1.0, "y")
        assert highest_of_lower < lowest_of_higher


def test_lower_confidence_and_more_reasons_rank_higher():
    conflict = rules.REVIEW_EXPLICIT_CONFLICT
    assert review_priority([conflict], 0.2, "a") > review_priority([conflict], 0.4, "b")
    both = [conflict, rules.REVIEW_EXPLICIT_VS_BEHAVIOUR]
    assert review_priority(both, 0.4, "c") > review_priority([conflict], 0.4, "d")


def test_inconsistent_review_rows_raise():
    with pytest.raises(ValueError, match=r"'a'.*unknown review_codes \['bogus'\]"):
        review_priority(["bogus"], 0.5, "a")
    with pytest.raises(ValueError, match=r"'b'.*review_codes is empty"):
        review_priority([], 0.5, "b")


def test_no_review_needed_gives_an_empty_queue(ev):
    labels = label_interactions(ev.table([ev.interaction("a")]), ev.table([ev.feedback("a", "f1", thumb="up")]))
    queue = build_review_queue(labels)
    assert queue.num_rows == 0 and "priority" in queue.column_names
    with pytest.raises(ValueError, match="review_codes"):
        build_review_queue(labels.drop_columns(["review_codes"]))
