"""Simulated telemetry: schema-valid, reproducible landing files with late feedback and broken lines."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pydantic import ValidationError

from feedback_loop.label.lexicons import is_offensive
from feedback_loop.schema import EVENT_ADAPTER
from feedback_loop.simulate.telemetry import CANNED_MODEL_VERSION, RESPONDER_MODEL_VERSION, simulate_day
from feedback_loop.simulate.world import INTENTS

DAY = date(2026, 11, 1)
NEXT_DAY = date(2026, 11, 2)


def _events(path: str | Path) -> list:
    return [EVENT_ADAPTER.validate_json(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


def _all_events(result: dict) -> list:
    events = _events(result["path"])
    if result["late_path"]:
        events += _events(result["late_path"])
    return events


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
    return start, start + timedelta(days=1)


def test_every_event_validates_and_counts_match(tmp_path):
    result = simulate_day(tmp_path, DAY, 300, seed=1)
    events = _all_events(result)  # validate_json raises on any invalid event
    by_type = {t: [e for e in events if e.event_type == t] for t in ("interaction", "feedback", "behaviour")}
    assert result["interactions"] == len(by_type["interaction"]) == 300
    assert result["feedback_events"] == len(by_type["feedback"]) > 0
    assert result["behaviour_events"] == len(by_type["behaviour"]) == 300
    assert sum(result["responses_by_kind"].values()) == 300
    assert len({e.event_id for e in events}) == len(events)
    assert Path(result["path"]) == tmp_path / "2026-11-01" / "sim-1.jsonl"

    interactions = {e.interaction_id: e for e in by_type["interaction"]}
    assert all(e.interaction_id in interactions for e in by_type["feedback"] + by_type["behaviour"])
    for event in by_type["interaction"]:
        assert event.use_case == "customer_support" and event.model_version == CANNED_MODEL_VERSION
        assert event.prompt_tokens == len(event.prompt.split()) and event.latency_ms > 0
    start, end = _day_bounds(DAY)
    for event in _events(result["path"]):
        assert event.timestamp.utcoffset() == timedelta(0) and start <= event.timestamp < end


def test_same_arguments_give_byte_identical_files(tmp_path):
    first = simulate_day(tmp_path / "a", DAY, 120, seed=5, invalid_lines=3)
    second = simulate_day(tmp_path / "b", DAY, 120, seed=5, invalid_lines=3)
    for key in ("path", "late_path"):
        assert Path(first[key]).read_bytes() == Path(second[key]).read_bytes()
    again = simulate_day(tmp_path / "a", DAY, 120, seed=5, invalid_lines=3)  # re-running replaces, same bytes
    assert Path(again["path"]).read_bytes() == Path(second["path"]).read_bytes()
    other_seed = simulate_day(tmp_path / "c", DAY, 120, seed=6, invalid_lines=3)
    assert Path(other_seed["path"]).read_bytes() != Path(first["path"]).read_bytes()
    other_day = simulate_day(tmp_path / "d", NEXT_DAY, 120, seed=5)
    first_ids = {e.event_id for e in _events(first["late_path"])}
    assert first_ids.isdisjoint(e.event_id for e in _all_events(other_day))


def test_late_feedback_lands_in_the_next_day_and_points_back(tmp_path):
    result = simulate_day(tmp_path, DAY, 400, seed=2, late_fraction=0.1)
    assert Path(result["late_path"]) == tmp_path / "2026-11-02" / "sim-2-late.jsonl"
    late = _events(result["late_path"])
    assert result["late_events"] == len(late)
    feedback_and_behaviour = result["feedback_events"] + result["behaviour_events"]
    assert 0.05 < len(late) / feedback_and_behaviour < 0.15
    day_interactions = {e.interaction_id: e for e in _events(result["path"]) if e.event_type == "interaction"}
    start, end = _day_bounds(NEXT_DAY)
    for event in late:
        assert event.event_type in ("feedback", "behaviour")
        assert event.interaction_id in day_interactions
        assert event.session_id == day_interactions[event.interaction_id].session_id
        assert start <= event.timestamp < end

    # Simulating the next day with the same seed writes its own file next to the late one.
    next_day = simulate_day(tmp_path, NEXT_DAY, 50, seed=2)
    assert Path(result["late_path"]).exists() and next_day["path"] != result["late_path"]


def test_no_late_fraction_writes_no_late_file_and_removes_a_stale_one(tmp_path):
    with_late = simulate_day(tmp_path, DAY, 100, seed=3, late_fraction=0.5)
    assert Path(with_late["late_path"]).exists()
    without = simulate_day(tmp_path, DAY, 100, seed=3, late_fraction=0.0)
    assert without["late_path"] is None and without["late_events"] == 0
    assert not Path(with_late["late_path"]).exists()


def test_invalid_lines_are_broken_and_the_rest_valid(tmp_path):
    result = simulate_day(tmp_path, DAY, 60, seed=4, invalid_lines=7)
    assert result["invalid_lines"] == 7
    valid, invalid = 0, 0
    for line in Path(result["path"]).read_text(encoding="utf-8").splitlines():
        try:
            EVENT_ADAPTER.validate_json(line)
            valid += 1
        except ValidationError:
            invalid += 1
    assert invalid == 7
    assert (
        valid
        == result["interactions"]
        + result["feedback_events"]
        + result["behaviour_events"]
        - result["late_events"]
    )


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_correct_answers_get_more_thumbs_up_than_rude_ones(tmp_path, seed):
    result = simulate_day(tmp_path, DAY, 600, seed=seed)
    events = _all_events(result)
    answers = {i.answer for i in INTENTS}
    quality = {}
    for e in events:
        if e.event_type == "interaction":
            quality[e.interaction_id] = (
                "rude" if is_offensive(e.response) else ("correct" if e.response in answers else "other")
            )
    up = {"correct": 0, "rude": 0}
    for e in events:
        if e.event_type == "feedback" and e.thumb == "up" and quality[e.interaction_id] in up:
            up[quality[e.interaction_id]] += 1
    totals = {k: sum(q == k for q in quality.values()) for k in up}
    assert totals["correct"] > 100 and totals["rude"] > 20
    assert up["correct"] / totals["correct"] > up["rude"] / totals["rude"] + 0.5


def test_feedback_signals_follow_response_quality(tmp_path):
    events = _all_events(simulate_day(tmp_path, DAY, 600, seed=9))
    interactions = {e.interaction_id: e for e in events if e.event_type == "interaction"}
    answer_of = {p.lower(): i.answer for i in INTENTS for p in i.phrasings}
    feedback = [e for e in events if e.event_type == "feedback"]
    offensive_flags = [e for e in feedback if e.flag == "offensive"]
    assert offensive_flags and all(
        is_offensive(interactions[e.interaction_id].response) for e in offensive_flags
    )
    corrections = [e for e in feedback if e.correction]
    assert corrections
    for e in corrections:
        interaction = interactions[e.interaction_id]
        assert e.correction != interaction.response
        assert any(
            e.correction == answer
            for phrase, answer in answer_of.items()
            if phrase in interaction.prompt.lower()
        )
    resolved = [e for e in events if e.event_type == "behaviour" and e.outcome == "resolved"]
    correct_share = sum(
        interactions[e.interaction_id].response in answer_of.values() for e in resolved
    ) / len(resolved)
    assert correct_share > 0.7


def test_responder_answers_every_prompt_and_is_judged(tmp_path):
    calls = []
    refund_answer = next(i.answer for i in INTENTS if i.name == "refund")

    def responder(prompts: list[str]) -> list[str]:
        calls.append(list(prompts))
        return ["You idiot." if n % 2 else refund_answer for n in range(len(prompts))]

    result = simulate_day(tmp_path, DAY, 40, seed=1, responder=responder, adapter_version="adapter-7")
    assert len(calls) == 1 and len(calls[0]) == 40
    interactions = [e for e in _all_events(result) if e.event_type == "interaction"]
    assert sorted(e.prompt for e in interactions) == sorted(calls[0])
    assert {e.model_version for e in interactions} == {RESPONDER_MODEL_VERSION}
    assert {e.adapter_version for e in interactions} == {"adapter-7"}
    assert result["responses_by_kind"]["rude"] == 20
    # Same seed and day, no responder: the users ask the same questions.
    canned = simulate_day(tmp_path / "canned", DAY, 40, seed=1)
    canned_prompts = [e.prompt for e in _events(canned["path"]) if e.event_type == "interaction"]
    assert sorted(canned_prompts) == sorted(calls[0])


def test_bad_arguments_and_responders_raise_clear_errors(tmp_path):
    with pytest.raises(ValueError, match="responder returned 1 responses for 5 prompts"):
        simulate_day(tmp_path, DAY, 5, seed=0, responder=lambda prompts: ["only one"])
    with pytest.raises(ValueError, match="responder response 0: expected a str"):
        simulate_day(tmp_path, DAY, 2, seed=0, responder=lambda prompts: [None, "x"])
    with pytest.raises(ValueError, match="field 'day'"):
        simulate_day(tmp_path, datetime(2026, 11, 1, 12), 5, seed=0)
    with pytest.raises(ValueError, match="field 'late_fraction'"):
        simulate_day(tmp_path, DAY, 5, seed=0, late_fraction=1.5)
    with pytest.raises(ValueError, match="field 'n_interactions'"):
        simulate_day(tmp_path, DAY, -1, seed=0)


def test_event_lines_are_plain_json_objects_in_time_order(tmp_path):
    result = simulate_day(tmp_path, DAY, 80, seed=8)
    rows = [json.loads(line) for line in Path(result["path"]).read_text(encoding="utf-8").splitlines()]
    stamps = [row["timestamp"] for row in rows]
    assert stamps == sorted(stamps) and all(s.endswith("Z") for s in stamps)
