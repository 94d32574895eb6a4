"""The review queue: which labels need a person, in what order, and how many fit a day's budget."""

from __future__ import annotations

from datetime import timedelta

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feedback_loop.label import rules
from feedback_loop.label.review import (
    LABEL_STAKE,
    SAFETY_LANE,
    ReviewBudgetSpec,
    build_review_queue,
    expected_value,
)
from feedback_loop.label.rules import label_interactions, labels_arrow_schema

RUDE = "Figure it out yourself."
# Room for every row of the small tables below.
ROOMY = ReviewBudgetSpec(share_per_day=1.0)


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


def test_queue_holds_only_rows_that_need_review_most_valuable_first(ev):
    queue = build_review_queue(_labels(ev), ROOMY).queue
    ids = queue.column("interaction_id").to_pylist()
    # Safety first; then a thumb up that escalation contradicts (a "good" that may train on a bad answer), the
    # conflict with no majority (unknown), the one whose majority says "bad"; weak behaviour last.
    assert ids == ["rude", "contradicted", "conflict", "lean", "mixed"]
    priorities = queue.column("priority").to_pylist()
    assert priorities == sorted(priorities, reverse=True) and priorities[0] > SAFETY_LANE
    assert all(queue.column("needs_review").to_pylist())
    assert queue.schema.names == [*labels_arrow_schema().names, "priority"]


def test_queue_order_is_deterministic(ev):
    first = build_review_queue(_labels(ev), ROOMY).queue
    shuffled = build_review_queue(_labels(ev, order=[5, 3, 1, 0, 4, 2]), ROOMY).queue
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
    queue = build_review_queue(labels, ROOMY).queue
    assert queue.column("interaction_id").to_pylist() == ["early", "late"]


def test_expected_value_is_uncertainty_times_impact():
    low = rules.REVIEW_LOW_CONFIDENCE
    conflict = rules.REVIEW_EXPLICIT_CONFLICT
    # Less sure, more valuable; a certain label is worth nothing to review.
    assert expected_value([low], 0.55, "good", "a") > expected_value([low], 0.7, "good", "b") > 0
    assert expected_value([low], 1.0, "good", "c") == 0.0
    # A wrong "good" trains on a bad answer; a wrong "bad" only loses an example.
    assert LABEL_STAKE["good"] > LABEL_STAKE["bad"]
    assert expected_value([low], 0.55, "good", "d") > expected_value([low], 0.55, "bad", "e")
    # Users' contradicting signals weigh more than an unsure automatic label; more reasons add a little.
    assert expected_value([conflict], 0.55, "good", "f") > expected_value([low], 0.55, "good", "g")
    both = [conflict, rules.REVIEW_EXPLICIT_VS_BEHAVIOUR]
    assert expected_value(both, 0.4, "good", "h") > expected_value([conflict], 0.4, "good", "i")


def test_inconsistent_review_rows_raise():
    with pytest.raises(ValueError, match=r"'a'.*unknown review_codes \['bogus'\]"):
        expected_value(["bogus"], 0.5, "good", "a")
    with pytest.raises(ValueError, match=r"'b'.*review_codes is empty"):
        expected_value([], 0.5, "good", "b")
    with pytest.raises(ValueError, match=r"'c'.*quality 'great'"):
        expected_value([rules.REVIEW_LOW_CONFIDENCE], 0.5, "great", "c")


def test_no_review_needed_gives_an_empty_queue(ev):
    labels = label_interactions(ev.table([ev.interaction("a")]), ev.table([ev.feedback("a", "f1", thumb="up")]))
    built = build_review_queue(labels)
    assert built.queue.num_rows == 0 and "priority" in built.queue.column_names
    assert built.per_day == [
        {
            "day": "2026-11-01",
            "interactions": 1,
            "places": 1,
            "candidates": 0,
            "queued": 0,
            "safety_queued": 0,
            "left_out": 0,
        }
    ]
    with pytest.raises(ValueError, match="review_codes"):
        build_review_queue(labels.drop_columns(["review_codes"]))


# --- the budget ---------------------------------------------------------------------------------------


def synthetic_labels(rows: list[tuple[int, str, float, str]], interactions_per_day: dict[int, int]) -> pa.Table:
    """Label rows: (day offset, review code or '' for none, confidence, quality); each day padded with rows that
    need no review up to ``interactions_per_day``."""
    base = rules.labels_arrow_schema()
    records = []
    from feedback_loop_tests.label.conftest import T0

    def record(index: int, day: int, code: str, confidence: float, quality: str) -> dict:
        return {
            **{name: None for name in base.names},
            "interaction_id": f"d{day}-{index:05d}",
            "timestamp": T0 + timedelta(days=day, milliseconds=index),
            "quality": quality,
            "quality_confidence": confidence,
            "needs_review": bool(code),
            "review_codes": [code] if code else [],
        }

    for index, (day, code, confidence, quality) in enumerate(rows):
        records.append(record(index, day, code, confidence, quality))
    for day, total in interactions_per_day.items():
        have = sum(1 for row in rows if row[0] == day)
        records += [record(100_000 + k, day, "", 0.9, "good") for k in range(total - have)]
    return pa.Table.from_pylist(records, schema=base)


def test_a_day_gets_two_percent_of_its_interactions_up_to_a_cap():
    spec = ReviewBudgetSpec()
    assert (spec.places(1), spec.places(100), spec.places(101), spec.places(10_000), spec.places(100_000)) == (
        1,
        2,
        3,
        200,
        300,
    )


def test_safety_comes_first_but_takes_at_most_half_the_places():
    low, safety = rules.REVIEW_LOW_CONFIDENCE, rules.REVIEW_SAFETY_FLAG
    rows = [(0, safety, 0.8, "bad")] * 30 + [(0, low, 0.55, "good")] * 30
    built = build_review_queue(synthetic_labels(rows, {0: 1000}))  # 20 places
    queue = built.queue.to_pylist()
    assert len(queue) == 20
    assert [safety in row["review_codes"] for row in queue] == [True] * 10 + [False] * 10
    assert built.per_day[0] | {"day": None} == {
        "day": None,
        "interactions": 1000,
        "places": 20,
        "candidates": 60,
        "queued": 20,
        "safety_queued": 10,
        "left_out": 40,
    }
    left_out = built.left_out.to_pylist()
    assert len(left_out) == 40 and sum(safety in row["review_codes"] for row in left_out) == 20
    # With too few other rows, safety rows take the places left.
    few = build_review_queue(synthetic_labels([(0, safety, 0.8, "bad")] * 30 + [(0, low, 0.55, "good")] * 3, {0: 1000}))
    assert few.per_day[0]["safety_queued"] == 17 and few.queue.num_rows == 20


SAFETY = {rules.REVIEW_SAFETY_FLAG, rules.REVIEW_OFFENSIVE}
CODES = ["", rules.REVIEW_LOW_CONFIDENCE, rules.REVIEW_EXPLICIT_CONFLICT, *sorted(SAFETY)]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 2), st.sampled_from(CODES), st.floats(0.0, 1.0), st.sampled_from(["good", "bad"])),
        max_size=120,
    ),
    st.floats(0.001, 1.0),
    st.integers(1, 50),
    st.floats(0.0, 1.0),
    st.integers(0, 400),
)
def test_the_queue_never_exceeds_its_budget(rows, share, cap, safety_share, padding):
    spec = ReviewBudgetSpec(share_per_day=share, max_per_day=cap, max_safety_share=safety_share)
    per_day = {day: sum(1 for row in rows if row[0] == day) + padding for day in range(3)}
    labels = synthetic_labels(rows, {day: n for day, n in per_day.items() if n})
    built = build_review_queue(labels, spec)

    def of_day(table: pa.Table, day: str) -> list[dict]:
        return [row for row in table.to_pylist() if row["timestamp"].date().isoformat() == day]

    for figures in built.per_day:
        queued, left_out = of_day(built.queue, figures["day"]), of_day(built.left_out, figures["day"])
        assert len(queued) == figures["queued"] <= figures["places"] == spec.places(figures["interactions"]) <= cap
        # Nothing is lost: each candidate is queued or left out, and the queue is full while rows wait.
        assert len(queued) + len(left_out) == figures["candidates"]
        assert not left_out or len(queued) == figures["places"]
        # Safety takes no more than its share while other rows wait.
        safety = sum(bool(SAFETY & set(row["review_codes"])) for row in queued)
        if any(not SAFETY & set(row["review_codes"]) for row in left_out):
            assert safety <= int(safety_share * figures["places"])
    assert built.queue.num_rows + built.left_out.num_rows == sum(labels["needs_review"].to_pylist())
    assert not set(built.queue["interaction_id"].to_pylist()) & set(built.left_out["interaction_id"].to_pylist())


# --- on real human judgments --------------------------------------------------------------------------


@pytest.mark.slow
def test_the_top_100_on_halueval_hold_more_bad_responses_than_a_random_100(halueval_path):
    """HaluEval as telemetry, the feedback of a random half held back: the labeler (MiniLM) trained on the
    visible half labels the rest, and a person reviews 100. The queue finds more hallucinations than chance."""
    import random

    import pyarrow.compute as pc

    from feedback_loop.label.combine import combine_labels
    from feedback_loop.label.learned import train_labeler
    from feedback_loop.label.realdata import halueval_events

    events = halueval_events(halueval_path, limit=800)
    is_interaction = pc.equal(events["event_type"], "interaction")
    interactions, signals = events.filter(is_interaction), events.filter(pc.invert(is_interaction))
    truly_bad = {row["interaction_id"] for row in signals.to_pylist() if row["thumb"] == "down"}
    ids = sorted(interactions["interaction_id"].to_pylist())
    held_back = sorted(random.Random(12).sample(ids, len(ids) // 2))
    visible = signals.filter(pc.invert(pc.is_in(signals["interaction_id"], value_set=pa.array(held_back))))
    labels = label_interactions(interactions, visible)
    labeler = train_labeler(labels)
    labels = combine_labels(
        labels,
        good_probability=labeler.predict_good_proba(labels),
        model_version=labeler.version,
        verdicts={},
        review_below_confidence=0.8,
    )
    built = build_review_queue(labels, ReviewBudgetSpec(share_per_day=1.0, max_per_day=100))
    top = built.queue["interaction_id"].to_pylist()
    assert len(top) == 100 and built.left_out.num_rows > 0  # the budget binds
    assert set(top) <= set(held_back)  # what users judged needs no reviewer
    random_100 = random.Random(0).sample(held_back, 100)
    found, by_chance = len(truly_bad & set(top)), len(truly_bad & set(random_100))
    base_rate = len(truly_bad & set(held_back)) / len(held_back)
    assert found > by_chance and found > 100 * base_rate, (found, by_chance, base_rate)
