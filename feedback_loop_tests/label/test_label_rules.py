"""Labeling: aggregation of signals, label precedence, conflicts, late and duplicate events, offensiveness."""

from __future__ import annotations

import pyarrow as pa
import pytest

from feedback_loop.label import rules
from feedback_loop.label.rules import label_interactions, labels_arrow_schema
from feedback_loop.warehouse import Warehouse

# --- explicit signals ---------------------------------------------------------------------------


def test_single_thumb_up_is_explicit_good(ev):
    row = ev.label([ev.interaction("a")], [ev.feedback("a", "f1", thumb="up")])["a"]
    assert (row["quality"], row["quality_source"]) == ("good", "explicit")
    assert row["quality_confidence"] == rules.EXPLICIT_CONFIDENCE
    assert row["needs_review"] is False and row["review_reason"] is None


def test_more_agreeing_explicit_signals_raise_confidence(ev):
    rows = ev.label(
        [ev.interaction("one"), ev.interaction("two"), ev.interaction("three")],
        [
            ev.feedback("one", "f1", thumb="down"),
            ev.feedback("two", "f2", thumb="down"),
            ev.feedback("two", "f3", rating=1),
            ev.feedback("three", "f4", thumb="down", rating=2, correction="Use the reset link in the email."),
        ],
    )
    confidences = [rows[i]["quality_confidence"] for i in ("one", "two", "three")]
    assert [rows[i]["quality"] for i in rows] == ["bad", "bad", "bad"]
    assert confidences[0] < confidences[1] < confidences[2] <= rules.EXPLICIT_MAX_CONFIDENCE


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"rating": 4}, "good"),
        ({"rating": 5}, "good"),
        ({"rating": 2}, "bad"),
        ({"rating": 1}, "bad"),
        ({"correction": "Click Forgot password."}, "bad"),
        ({"flag": "wrong"}, "bad"),
    ],
)
def test_ratings_corrections_and_flags_are_judgements(ev, fields, expected):
    row = ev.label([ev.interaction("a")], [ev.feedback("a", "f1", **fields)])["a"]
    assert (row["quality"], row["quality_source"]) == (expected, "explicit")


@pytest.mark.parametrize(
    ("fields", "expected", "confidence"),
    [
        # The user liked the response and still wrote a better one: no verdict against the response.
        ({"thumb": "up", "correction": "Use the reset link."}, "good", rules.EXPLICIT_CONFIDENCE),
        ({"rating": 5, "correction": "Use the reset link."}, "good", rules.EXPLICIT_CONFIDENCE),
        # Said nothing else: having to write the answer is the verdict.
        ({"correction": "Use the reset link."}, "bad", rules.EXPLICIT_CONFIDENCE),
        ({"rating": 3, "correction": "Use the reset link."}, "bad", rules.EXPLICIT_CONFIDENCE),
        ({"thumb": "down", "correction": "Use the reset link."}, "bad", rules.EXPLICIT_CONFIDENCE + 0.05),
    ],
)
def test_a_correction_is_no_verdict_against_an_explicit_good(ev, fields, expected, confidence):
    row = ev.label([ev.interaction("a")], [ev.feedback("a", "f1", **fields)])["a"]
    assert (row["quality"], row["quality_source"]) == (expected, "explicit")
    assert row["quality_confidence"] == pytest.approx(confidence)
    assert row["correction"] == "Use the reset link."
    assert not row["needs_review"], row["review_reason"]


def test_a_correction_that_is_the_response_itself_is_no_verdict(ev):
    response = "Open Settings, choose Security and click Reset password."
    rows = ev.label(
        [ev.interaction("same"), ev.interaction("thumbed")],
        [
            ev.feedback("same", "f1", correction=f"  {response.replace(' ', '  ')} "),
            ev.feedback("thumbed", "f2", thumb="up", correction=response),
        ],
    )
    # It counted as a confident "bad": curation then dropped every thumbed-up copy of that answer.
    assert rows["same"]["quality"] == "unknown" and rows["same"]["correction"] is not None
    assert (rows["thumbed"]["quality"], rows["thumbed"]["quality_source"]) == ("good", "explicit")


def test_neutral_rating_leaves_the_label_to_behaviour(ev):
    rows = ev.label(
        [ev.interaction("a"), ev.interaction("b")],
        [
            ev.feedback("a", "f1", rating=3),
            ev.feedback("b", "f2", rating=3),
            ev.behaviour("b", "b1", action="retry"),
        ],
    )
    assert (rows["a"]["quality"], rows["a"]["quality_source"], rows["a"]["quality_confidence"]) == (
        "unknown",
        "none",
        0.0,
    )
    assert (rows["b"]["quality"], rows["b"]["quality_source"]) == ("bad", "rule")


def test_explicit_wins_over_rules(ev):
    rows = ev.label(
        [ev.interaction("a"), ev.interaction("b")],
        [
            ev.feedback("a", "f1", thumb="up"),
            ev.behaviour("a", "b1", action="retry", reading_time_ms=300),
            ev.feedback("b", "f2", thumb="down"),
            ev.behaviour("b", "b2", action="copy"),
        ],
    )
    assert (rows["a"]["quality"], rows["a"]["quality_source"]) == ("good", "explicit")
    assert (rows["b"]["quality"], rows["b"]["quality_source"]) == ("bad", "explicit")
    assert rows["a"]["quality_confidence"] == rules.EXPLICIT_CONFIDENCE
    assert not rows["a"]["needs_review"] and not rows["b"]["needs_review"]


def test_latest_feedback_wins_without_a_conflict(ev):
    # The user changed their mind: thumb down arrives later (and first in the input).
    row = ev.label(
        [ev.interaction("a")],
        [ev.feedback("a", "late", minute=30, thumb="down"), ev.feedback("a", "early", minute=5, thumb="up")],
    )["a"]
    assert (row["thumb"], row["quality"], row["needs_review"]) == ("down", "bad", False)


# --- conflicts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "names"),
    [
        ({"thumb": "up", "rating": 1}, ("thumb up", "rating 1")),
        ({"thumb": "up", "flag": "wrong"}, ("thumb up", "flag wrong")),
        ({"thumb": "down", "rating": 5}, ("thumb down", "rating 5")),
    ],
)
def test_conflicting_explicit_signals_go_to_review(ev, fields, names):
    row = ev.label([ev.interaction("a")], [ev.feedback("a", "f1", **fields)])["a"]
    assert row["needs_review"] is True
    assert row["review_codes"] == [rules.REVIEW_EXPLICIT_CONFLICT]
    assert "conflicting explicit signals" in row["review_reason"]
    assert all(name in row["review_reason"] for name in names)
    # One against one: no majority, so no label.
    assert (row["quality"], row["quality_confidence"]) == ("unknown", 0.0)


def test_conflict_follows_the_majority_with_low_confidence(ev):
    row = ev.label(
        [ev.interaction("a")],
        [ev.feedback("a", "f1", thumb="up", rating=1), ev.feedback("a", "f2", flag="wrong")],
    )["a"]
    assert row["quality"] == "bad"
    assert row["quality_confidence"] == rules.EXPLICIT_CONFLICT_CONFIDENCE < rules.EXPLICIT_CONFIDENCE
    assert row["needs_review"] is True


def test_thumb_up_then_escalation_goes_to_review(ev):
    row = ev.label(
        [ev.interaction("a")],
        [ev.feedback("a", "f1", minute=1, thumb="up"), ev.behaviour("a", "b1", minute=4, action="escalate")],
    )["a"]
    assert (row["quality"], row["quality_source"]) == ("good", "explicit")
    assert row["review_codes"] == [rules.REVIEW_EXPLICIT_VS_BEHAVIOUR]
    assert "escalate" in row["review_reason"]
    assert row["quality_confidence"] == rules.CONTRADICTED_CONFIDENCE < 0.7
    assert row["escalated"] is True


# --- implicit rules -----------------------------------------------------------------------------


def test_adopted_and_resolved_is_good_by_rule(ev):
    rows = ev.label(
        [ev.interaction("both"), ev.interaction("half")],
        [
            ev.behaviour("both", "b1", action="copy"),
            ev.behaviour("both", "b2", minute=2, outcome="resolved"),
            ev.behaviour("half", "b3", action="accept"),
        ],
    )
    assert (rows["both"]["quality"], rows["both"]["quality_source"]) == ("good", "rule")
    assert rows["both"]["quality_confidence"] == rules.IMPLICIT_CONFIDENCE
    assert rows["both"]["task_success"] is True
    assert rows["half"]["quality"] == "good"
    assert rows["half"]["quality_confidence"] == rules.IMPLICIT_WEAK_CONFIDENCE
    assert rules.IMPLICIT_CONFIDENCE < rules.EXPLICIT_CONFIDENCE


@pytest.mark.parametrize(
    "fields",
    [{"action": "retry"}, {"action": "escalate"}, {"outcome": "abandoned"}, {"outcome": "escalated"}],
)
def test_negative_behaviour_is_bad_by_rule(ev, fields):
    row = ev.label([ev.interaction("a")], [ev.behaviour("a", "b1", **fields)])["a"]
    assert (row["quality"], row["quality_source"]) == ("bad", "rule")
    assert row["quality_confidence"] == rules.IMPLICIT_CONFIDENCE
    assert row["needs_review"] is False


def test_quick_retry_is_more_confidently_bad_than_a_slow_one(ev):
    rows = ev.label(
        [ev.interaction("quick"), ev.interaction("slow")],
        [
            ev.behaviour("quick", "b1", action="retry", reading_time_ms=rules.SHORT_READ_MS / 4),
            ev.behaviour("slow", "b2", action="retry", reading_time_ms=rules.SHORT_READ_MS * 10),
        ],
    )
    assert rows["quick"]["quality_confidence"] == rules.IMPLICIT_CORROBORATED_CONFIDENCE
    assert rows["slow"]["quality_confidence"] == rules.IMPLICIT_CONFIDENCE
    assert rows["quick"]["quality"] == rows["slow"]["quality"] == "bad"


def test_mixed_behaviour_is_weak_and_reviewed(ev):
    rows = ev.label(
        [ev.interaction("tie"), ev.interaction("lean")],
        [
            ev.behaviour("tie", "b1", action="copy"),
            ev.behaviour("tie", "b2", action="retry"),
            ev.behaviour("lean", "b3", action="copy"),
            ev.behaviour("lean", "b4", action="accept"),
            ev.behaviour("lean", "b5", action="retry"),
        ],
    )
    assert (rows["tie"]["quality"], rows["tie"]["quality_confidence"]) == ("unknown", 0.0)
    assert (rows["lean"]["quality"], rows["lean"]["quality_confidence"]) == (
        "good",
        rules.IMPLICIT_MIXED_CONFIDENCE,
    )
    for row in rows.values():
        assert row["needs_review"] and row["review_codes"] == [rules.REVIEW_MIXED_IMPLICIT]
        assert row["quality_source"] == "rule"


def test_no_signal_is_unknown(ev):
    row = ev.label([ev.interaction("a")], [ev.behaviour("a", "b1", reading_time_ms=5000)])["a"]
    assert (row["quality"], row["quality_confidence"], row["quality_source"]) == ("unknown", 0.0, "none")
    assert row["needs_review"] is False
    untouched = ev.label([ev.interaction("b")], [])["b"]
    assert (untouched["quality_source"], untouched["n_feedback_events"], untouched["last_signal_at"]) == (
        "none",
        0,
        None,
    )


# --- aggregation, late and duplicate events ------------------------------------------------------


def test_signals_are_aggregated(ev):
    row = ev.label(
        [ev.interaction("a")],
        [
            ev.feedback("a", "f1", minute=1, flag="wrong", comment="first"),
            ev.feedback("a", "f2", minute=3, flag="harmful", comment="second"),
            ev.feedback("a", "f3", minute=2, flag="wrong"),
            ev.behaviour("a", "b1", minute=1, action="copy", reading_time_ms=900),
            ev.behaviour("a", "b2", minute=5, action="escalate", reading_time_ms=4000),
            ev.behaviour("a", "b3", minute=4, action="retry", reading_time_ms=1500),
            ev.behaviour("a", "b4", minute=6, outcome="escalated"),
            ev.behaviour("a", "b5", minute=7, outcome="resolved"),
        ],
    )["a"]
    assert row["flags"] == ["harmful", "wrong"]
    assert row["comment"] == "second"
    assert row["actions"] == ["copy", "retry", "escalate"]
    assert row["reading_time_ms"] == 4000
    assert row["outcome"] == "resolved" and row["task_success"] is True
    assert row["escalated"] is True
    assert (row["n_feedback_events"], row["n_behaviour_events"]) == (3, 5)
    assert row["last_signal_at"] == ev.at(7)


def test_late_feedback_from_another_partition_attaches(ev, tmp_path):
    warehouse = Warehouse(tmp_path)
    warehouse.write_partition(
        "events",
        "2026-11-01",
        ev.table([ev.interaction("a"), ev.interaction("b", minute=3), ev.behaviour("a", "b1", action="copy")]),
    )
    # Three days later: feedback on a (from day one) and on an interaction of another day.
    warehouse.write_partition(
        "events",
        "2026-11-04",
        ev.table(
            [
                ev.feedback("a", "f-late", minute=4 * 24 * 60, thumb="down"),
                ev.feedback("zz", "f-x", thumb="up"),
            ]
        ),
    )
    events = warehouse.read_partitions("events")
    day = warehouse.read_partitions("events", ["2026-11-01"])
    interactions = day.filter(pa.compute.equal(day["event_type"], "interaction"))
    labels = {row["interaction_id"]: row for row in label_interactions(interactions, events).to_pylist()}
    assert set(labels) == {"a", "b"}
    assert (labels["a"]["thumb"], labels["a"]["quality"], labels["a"]["quality_source"]) == (
        "down",
        "bad",
        "explicit",
    )
    assert labels["a"]["last_signal_at"] == ev.at(4 * 24 * 60)
    assert labels["b"]["n_feedback_events"] == 0


def test_duplicate_signal_events_count_once(ev):
    duplicate_retry = ev.behaviour("a", "b1", action="retry", reading_time_ms=300)
    duplicate_thumb = ev.feedback("a", "f1", thumb="down")
    signals = pa.concat_tables(
        [
            ev.table([duplicate_retry, duplicate_thumb], "2026-11-01"),
            ev.table([duplicate_retry, duplicate_thumb], "2026-11-02"),
        ]
    )
    row = {r["interaction_id"]: r for r in label_interactions(ev.table([ev.interaction("a")]), signals).to_pylist()}[
        "a"
    ]
    assert row["actions"] == ["retry"]
    assert (row["n_feedback_events"], row["n_behaviour_events"]) == (1, 1)
    assert row["quality_confidence"] == rules.EXPLICIT_CONFIDENCE  # one thumb, not two agreeing ones


# --- offensiveness and sentiment ------------------------------------------------------------------


def test_offensive_responses_and_safety_flags_go_to_review(ev):
    rude = "Figure it out yourself, this is a stupid question."
    rows = ev.label(
        [ev.interaction("a", response=rude), ev.interaction("b", response=rude), ev.interaction("c")],
        [ev.feedback("b", "f1", flag="offensive"), ev.feedback("c", "f2", flag="offensive")],
    )
    assert rows["a"]["offensive"] is True
    assert rows["a"]["review_codes"] == [rules.REVIEW_OFFENSIVE]
    assert "offensive" in rows["a"]["review_reason"]
    # A user's flag confirms the word list, so the reason is the flag, which a person must still see.
    assert rows["b"]["offensive"] is True and rows["b"]["review_codes"] == [rules.REVIEW_SAFETY_FLAG]
    assert rows["b"]["quality"] == "bad"
    # A user's flag alone marks it offensive, even when the word list does not.
    assert rows["c"]["offensive"] is True and rows["c"]["review_codes"] == [rules.REVIEW_SAFETY_FLAG]


@pytest.mark.parametrize(
    ("flag", "reviewed"), [("harmful", True), ("privacy", True), ("wrong", False), ("off_topic", False)]
)
def test_only_safety_flags_go_to_review(ev, flag, reviewed):
    row = ev.label([ev.interaction("a")], [ev.feedback("a", "f1", flag=flag)])["a"]
    assert row["quality"] == "bad" and row["needs_review"] is reviewed


def test_custom_offensive_lexicon(ev, tmp_path):
    lexicon = tmp_path / "offensive.txt"
    lexicon.write_text("# team list\nbanana brain\n", encoding="utf-8")
    response = "Only a Banana Brain asks that."
    packaged = ev.label([ev.interaction("a", response=response)], [])["a"]
    custom = ev.label([ev.interaction("a", response=response)], [], offensive_lexicon=lexicon)["a"]
    assert packaged["offensive"] is False
    assert custom["offensive"] is True and custom["needs_review"] is True


@pytest.mark.parametrize(
    ("comment", "sentiment"),
    [
        ("Thanks, that worked perfectly!", "positive"),
        ("Not helpful at all", "negative"),
        ("This is wrong and confusing", "negative"),
        ("I read it on the train", "neutral"),
        (None, None),
    ],
)
def test_comment_sentiment(ev, comment, sentiment):
    fields = {"comment": comment} if comment else {"rating": 3}
    row = ev.label([ev.interaction("a")], [ev.feedback("a", "f1", **fields)])["a"]
    assert row["sentiment"] == sentiment
    if comment is None:
        assert row["sentiment_score"] is None
    else:
        assert (row["sentiment_score"] > 0, row["sentiment_score"] < 0) == (
            sentiment == "positive",
            sentiment == "negative",
        )


# --- table contract -----------------------------------------------------------------------------


def test_output_schema_and_order(ev):
    interactions = ev.table(
        [ev.interaction("c", minute=5), ev.interaction("b", minute=1), ev.interaction("a", minute=5)]
    )
    table = label_interactions(interactions, ev.table([]))
    assert table.schema == labels_arrow_schema()
    assert table.column("interaction_id").to_pylist() == ["b", "a", "c"]


def test_empty_interactions_give_an_empty_table(ev):
    table = label_interactions(ev.table([]), ev.table([ev.feedback("a", "f1", thumb="up")]))
    assert table.num_rows == 0 and table.schema == labels_arrow_schema()


def test_bad_input_names_the_record_and_field(ev):
    with pytest.raises(ValueError, match=r"'f1'.*event_type 'feedback'"):
        label_interactions(ev.table([ev.interaction("a"), ev.feedback("a", "f1", thumb="up")]), ev.table([]))
    with pytest.raises(ValueError, match=r"interaction_id 'a'.*'ev-a'.*'other'"):
        label_interactions(ev.table([ev.interaction("a"), {**ev.interaction("a"), "event_id": "other"}]), ev.table([]))
    with pytest.raises(ValueError, match=r"signals table lacks the event columns \['thumb'\]"):
        label_interactions(ev.table([ev.interaction("a")]), ev.table([]).drop_columns(["thumb"]))
    feedback_table = ev.table([ev.feedback("a", "f9", thumb="up")])
    bad_thumb = feedback_table.set_column(
        feedback_table.schema.get_field_index("thumb"), "thumb", pa.array(["sideways"], pa.string())
    )
    with pytest.raises(ValueError, match="'f9' has thumb 'sideways'"):
        label_interactions(ev.table([ev.interaction("a")]), bad_thumb)
