"""Human review decisions: validation, JSONL parsing, the standing verdict, and idempotent recording."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pyarrow as pa
import pytest

from feedback_loop.label.decisions import (
    REVIEWS_TABLE,
    DecisionError,
    decisions_table,
    make_decision,
    new_decisions,
    parse_decision_lines,
    reviews_arrow_schema,
    standing_verdicts,
)
from feedback_loop.label.reviewing import import_decisions, record_decisions
from feedback_loop.label.rules import labels_arrow_schema
from feedback_loop.warehouse import Warehouse

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
        ({"decision": "skip", "reviewer": "ana\x1b[2J"}, "reviewer"),
        ({"decision": "skip", "reviewer": "ana\r\nbo"}, "reviewer"),
        ({"decision": "skip", "reviewer": "ana\x00"}, "reviewer"),
        ({"decision": "skip", "reviewer": "a" * 101}, "reviewer"),
        ({"decision": "skip", "reviewer": 7}, "reviewer"),
        ({"decision": "skip", "decided_at": datetime.now(UTC) + timedelta(hours=1)}, "decided_at"),
        ({"decision": "skip", "note": "\ud800"}, "note"),
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


def test_a_decision_a_few_minutes_ahead_is_clock_skew_and_one_far_ahead_is_refused():
    """Issue 9: a decision dated 9999-12-31 outranked every later decision by other reviewers, forever."""
    ahead = datetime.now(UTC) + timedelta(minutes=2)
    assert make_decision("i1", "skip", reviewer="ana", decided_at=ahead)["decided_at"] == ahead
    with pytest.raises(
        DecisionError, match=r"interaction 'i1': field 'decided_at': 9999-12-31T23:59:59\+00:00 is in the"
    ):
        make_decision("i1", "skip", reviewer="ana", decided_at=datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC))


CRAFTED = {
    "a decision dated in the future": (
        json.dumps({"interaction_id": "i1", "decision": "skip", "decided_at": "9999-12-31T23:59:59Z"}),
        "q.jsonl:1: field 'decided_at': 9999-12-31T23:59:59+00:00 is in the future",
    ),
    "a time beyond the range of UTC": (
        json.dumps({"interaction_id": "i1", "decision": "skip", "decided_at": "9999-12-31T23:59:59-05:00"}),
        "q.jsonl:1: field 'decided_at': 9999-12-31T23:59:59-05:00 is out of range in UTC",
    ),
    "an integer of 5000 digits": (
        '{"interaction_id": ' + "7" * 5000 + ', "decision": "skip"}',
        "q.jsonl:1: invalid JSON",
    ),
    "a huge integer as the time": (
        '{"interaction_id": "i1", "decision": "skip", "decided_at": ' + "9" * 400 + "}",
        "q.jsonl:1: field 'decided_at': must be an ISO 8601 text with a zone, got a int",
    ),
    "a float beyond double": (
        '{"interaction_id": "i1", "decision": "skip", "decided_at": 1e999}',
        "q.jsonl:1: field 'decided_at'",
    ),
    "JSON nested 100,000 deep": ("[" * 100_000 + "]" * 100_000, "q.jsonl:1: invalid JSON: nested too deeply"),
    "a decision nested 900 deep": (
        '{"interaction_id": "i1", "decision": ' + "[" * 900 + "]" * 900 + "}",
        "q.jsonl:1:",
    ),
    "a reviewer with an escape sequence": (
        json.dumps({"interaction_id": "i1", "decision": "skip", "reviewer": "x\u001b[2J"}),
        "q.jsonl:1: field 'reviewer': must be printable text on one line, got '\\x1b' at position 1",
    ),
    "a lone surrogate in the note": (
        '{"interaction_id": "i1", "decision": "relabel", "quality": "bad", "note": "a \\ud800"}',
        "q.jsonl:1: field 'note': is not UTF-8 text",
    ),
}


@pytest.mark.parametrize("crafted", list(CRAFTED), ids=list(CRAFTED))
def test_crafted_import_lines_are_refused_naming_the_line_never_a_crash(crafted):
    """Issue 9: the import path failed with OverflowError and RecursionError on crafted input."""
    line, expected = CRAFTED[crafted]
    valid = json.dumps({"interaction_id": "i0", "decision": "skip"})
    with pytest.raises(DecisionError, match="1 invalid decision line") as error:
        parse_decision_lines([line, valid], source="q.jsonl", default_reviewer="lead")
    assert expected in str(error.value), str(error.value)


def test_an_import_file_with_bytes_that_are_not_utf8_names_the_line_and_field(tmp_path):
    path = tmp_path / "edited.jsonl"
    good = json.dumps({"interaction_id": "i0", "decision": "skip"}).encode()
    bad = b'{"interaction_id": "i1", "decision": "relabel", "quality": "bad", "note": "caf\xe9"}'
    path.write_bytes(good + b"\n" + bad + b"\n")
    with pytest.raises(DecisionError, match=re.escape("edited.jsonl:2: field 'note': is not UTF-8 text")):
        import_decisions(Warehouse(tmp_path / "warehouse"), path, default_reviewer="lead")


def test_importing_an_undated_file_again_adds_nothing_and_never_outranks_a_later_decision(tmp_path):
    warehouse = Warehouse(tmp_path / "warehouse")
    row = {field.name: None for field in labels_arrow_schema()}
    row.update(interaction_id="i1", timestamp=T0, flags=[], actions=[], review_codes=[])
    warehouse.write_partition("labels", "2026-11-01", pa.Table.from_pylist([row], schema=labels_arrow_schema()))
    path = tmp_path / "edited.jsonl"
    lines = [{"interaction_id": "i1", "decision": "relabel", "quality": q, "reviewer": "tool"} for q in ("good", "bad")]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    assert import_decisions(warehouse, path, default_reviewer=None).imported == 2
    # Dated anew on each import, the same lines were stored again (2 more rows each time).
    assert import_decisions(warehouse, path, default_reviewer=None).imported == 0
    record_decisions(warehouse, [make_decision("i1", "relabel", reviewer="senior", quality="good")])
    assert import_decisions(warehouse, path, default_reviewer=None).imported == 0
    # Edited (its lines in another order, a blank line), its lines are still the decisions recorded before.
    path.write_text("\n".join(reversed(path.read_text().splitlines())) + "\n\n")
    assert import_decisions(warehouse, path, default_reviewer=None).imported == 0
    verdict = standing_verdicts(warehouse.read_appended(REVIEWS_TABLE, reviews_arrow_schema()))["i1"]
    assert (verdict.quality, verdict.reviewer) == ("good", "senior")  # the old file no longer overrides it


def _labeled(warehouse: Warehouse, *interaction_ids: str) -> None:
    """A labels partition holding ``interaction_ids``."""
    rows = []
    for interaction_id in interaction_ids:
        row = {field.name: None for field in labels_arrow_schema()}
        row.update(interaction_id=interaction_id, timestamp=T0, flags=[], actions=[], review_codes=[])
        rows.append(row)
    warehouse.write_partition("labels", "2026-11-01", pa.Table.from_pylist(rows, schema=labels_arrow_schema()))


def test_a_decision_on_an_interaction_never_labeled_is_refused_at_import_naming_its_line_and_id(tmp_path):
    """Refused with the file's other invalid lines, before anything is recorded, each naming its line."""
    warehouse = Warehouse(tmp_path / "warehouse")
    _labeled(warehouse, "i1")
    path = tmp_path / "edited.jsonl"
    lines = [
        {"interaction_id": "i1", "decision": "relabel", "quality": "good"},
        {"interaction_id": "ghost-42", "decision": "relabel", "quality": "bad"},
        {"interaction_id": "i1", "decision": "relabel", "quality": "great"},
        {"interaction_id": "ghost-43", "decision": None},  # undecided: nothing to record, nothing to refuse
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    with pytest.raises(DecisionError) as refused:
        import_decisions(warehouse, path, default_reviewer="ana")
    message = str(refused.value)
    assert message.startswith("2 invalid decision line(s), nothing imported:")
    assert "edited.jsonl:2: field 'interaction_id': 'ghost-42' is no labeled interaction" in message
    assert "edited.jsonl:3: field 'quality'" in message and "ghost-43" not in message
    assert warehouse.read_appended(REVIEWS_TABLE, reviews_arrow_schema()).num_rows == 0


def test_before_anything_was_labeled_every_decision_is_refused_naming_its_line(tmp_path):
    warehouse = Warehouse(tmp_path / "warehouse")
    path = tmp_path / "edited.jsonl"
    path.write_text(json.dumps({"interaction_id": "i1", "decision": "skip"}) + "\n")
    with pytest.raises(DecisionError, match=re.escape("edited.jsonl:1: field 'interaction_id': 'i1' is no labeled")):
        import_decisions(warehouse, path, default_reviewer="ana")
    with pytest.raises(DecisionError, match=re.escape("'i1' is no labeled interaction")):
        record_decisions(warehouse, [make_decision("i1", "skip", reviewer="ana")])
