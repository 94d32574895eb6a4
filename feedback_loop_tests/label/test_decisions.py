"""Human review decisions: validation, JSONL parsing, the standing verdict, and idempotent recording."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from feedback_loop.label.decisions import (
    DecisionError,
    decisions_table,
    make_decision,
    new_decisions,
    parse_decision_lines,
    reviews_arrow_schema,
    standing_verdicts,
)

T0 = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"decision": "approve"}, "decision"),
        ({"decision": "relabel"}, "quality"),
        ({"decision": "relabel", "quality": "great"}, "quality"),
        ({"decision": "accept"}, "quality"),
        ({"decision": "flag"}, "flag"),
        ({"decision": "flag", "flag": "rude"}, "flag"),
        ({"decision": "relabel", "quality": "bad", "flag": "harmful"}, "flag"),
        ({"decision": "skip", "reviewer": " "}, "reviewer"),
        ({"decision": "skip", "decided_at": datetime(2026, 11, 29, 10, 0)}, "decided_at"),
    ],
)
def test_invalid_decisions_name_the_record_and_field(kwargs, field):
    kwargs = {"reviewer": "ana", **kwargs}
    decision = kwargs.pop("decision")
    with pytest.raises(DecisionError, match=f"interaction 'i1': field '{field}'"):
        make_decision("i1", decision, **kwargs)


def test_flag_means_bad_and_skip_carries_no_label():
    flagged = make_decision("i1", "flag", reviewer="ana", flag="privacy", decided_at=T0)
    skipped = make_decision("i1", "skip", reviewer="ana", quality="good", decided_at=T0)
    assert (flagged["quality"], flagged["flag"]) == ("bad", "privacy")
    assert skipped["quality"] is None


def test_the_latest_verdict_wins_and_skips_do_not_count():
    rows = [
        make_decision("i1", "relabel", reviewer="ana", quality="good", decided_at=at(0)),
        make_decision("i1", "relabel", reviewer="bo", quality="bad", decided_at=at(5)),
        make_decision("i1", "skip", reviewer="cy", decided_at=at(9)),
        make_decision("i2", "skip", reviewer="cy", decided_at=at(9)),
    ]
    verdicts = standing_verdicts(decisions_table(rows))
    assert set(verdicts) == {"i1"}
    assert (verdicts["i1"].quality, verdicts["i1"].reviewer, verdicts["i1"].decided_at) == ("bad", "bo", at(5))


def test_parsing_an_edited_export_collects_every_error():
    lines = [
        json.dumps({"interaction_id": "i1", "decision": "relabel", "quality": "good", "reviewer": "ana"}),
        json.dumps({"interaction_id": "i2", "decision": None}),
        "",
        "{not json",
        json.dumps({"interaction_id": "i3", "decision": "flag"}),
        json.dumps({"interaction_id": "i4", "decision": "accept", "quality": "bad", "decided_at": "yesterday"}),
    ]
    with pytest.raises(DecisionError) as error:
        parse_decision_lines(lines, source="q.jsonl", default_reviewer="lead")
    message = str(error.value)
    assert "3 invalid decision line(s), nothing imported" in message
    assert "q.jsonl:4: invalid JSON" in message
    assert "q.jsonl:5: field 'flag'" in message
    assert "q.jsonl:6: field 'decided_at'" in message


def test_parsing_fills_the_default_reviewer_and_counts_undecided_lines():
    lines = [
        json.dumps({"interaction_id": "i1", "decision": "relabel", "quality": "good"}),
        json.dumps(
            {
                "interaction_id": "i2",
                "decision": "accept",
                "quality": "bad",
                "reviewer": "bo",
                "decided_at": "2026-11-29T10:00:00Z",
            }
        ),
        json.dumps({"interaction_id": "i3", "decision": None, "quality": None}),
    ]
    decisions, undecided = parse_decision_lines(lines, source="q.jsonl", default_reviewer="lead")
    assert undecided == 1
    assert [(d["interaction_id"], d["reviewer"]) for d in decisions] == [("i1", "lead"), ("i2", "bo")]
    assert decisions[1]["decided_at"] == T0


def test_recording_the_same_decisions_again_adds_nothing_but_a_change_of_mind_counts():
    first = [make_decision("i1", "relabel", reviewer="ana", quality="good", decided_at=at(0))]
    stored = decisions_table(first)
    # The same file imported again later (no decided_at in it, so a new time): nothing new.
    again = [make_decision("i1", "relabel", reviewer="ana", quality="good", decided_at=at(30))]
    assert new_decisions(stored, again) == []
    assert new_decisions(stored, first) == []
    # good -> bad -> good again: each change is recorded.
    bad = make_decision("i1", "relabel", reviewer="ana", quality="bad", decided_at=at(40))
    good = make_decision("i1", "relabel", reviewer="ana", quality="good", decided_at=at(50))
    assert new_decisions(stored, [bad, good]) == [bad, good]
    assert new_decisions(reviews_arrow_schema().empty_table(), first) == first


def test_a_reviewers_note_is_redacted_like_telemetry():
    row = make_decision(
        "i1", "relabel", reviewer="ana", quality="bad", note="user wrote jane.doe@example.com", decided_at=T0
    )
    assert row["note"] == "user wrote <EMAIL>"


def test_an_accept_without_quality_accepts_the_exported_label():
    lines = [json.dumps({"interaction_id": "i1", "label_quality": "bad", "decision": "accept", "reviewer": "ana"})]
    decisions, _ = parse_decision_lines(lines, source="q.jsonl", default_reviewer=None)
    assert (decisions[0]["decision"], decisions[0]["quality"]) == ("accept", "bad")
