"""Simulated telemetry: schema-valid, reproducible landing files with late feedback and broken lines, users who
react to answer quality according to their segment (reported; its preferences hidden), per-user serving and the
ground truth of the day."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from feedback_loop.label.lexicons import is_offensive
from feedback_loop.schema import EVENT_ADAPTER
from feedback_loop.serve.router import ChatRequest, ServedResponse
from feedback_loop.simulate.telemetry import BASE_ARM, CANNED_MODEL_VERSION, simulate_day
from feedback_loop.simulate.users import SEGMENTS, segment_of
from feedback_loop.simulate.world import INTENTS, RESPONSE_KINDS, variants

DAY = date(2026, 11, 1)
NEXT_DAY = date(2026, 11, 2)


def _events(path: str | Path) -> list:
    return [EVENT_ADAPTER.validate_json(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


def _all_events(result: dict) -> list:
    events = _events(result.path)
    if result.late_path:
        events += _events(result.late_path)
    return events


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return start, start + timedelta(days=1)


def test_every_event_validates_and_counts_match(tmp_path):
    result = simulate_day(tmp_path, DAY, 300, seed=1)
    events = _all_events(result)  # validate_json raises on any invalid event
    by_type = {t: [e for e in events if e.event_type == t] for t in ("interaction", "feedback", "behaviour")}
    assert result.interactions == len(by_type["interaction"]) == 300
    assert result.feedback_events == len(by_type["feedback"]) > 0
    assert result.behaviour_events == len(by_type["behaviour"]) == 300
    assert sum(result.responses_by_kind.values()) == 300
    assert len({e.event_id for e in events}) == len(events)
    assert Path(result.path) == tmp_path / "2026-11-01" / "sim-1.jsonl"

    interactions = {e.interaction_id: e for e in by_type["interaction"]}
    assert all(e.interaction_id in interactions for e in by_type["feedback"] + by_type["behaviour"])
    for event in by_type["interaction"]:
        assert event.use_case == "customer_support" and event.model_version == CANNED_MODEL_VERSION
        assert event.prompt_tokens == len(event.prompt.split()) and event.latency_ms > 0
    start, end = _day_bounds(DAY)
    for event in _events(result.path):
        assert event.timestamp.utcoffset() == timedelta(0) and start <= event.timestamp < end


def test_same_arguments_give_byte_identical_files(tmp_path):
    first = simulate_day(tmp_path / "a", DAY, 120, seed=5, invalid_lines=3)
    second = simulate_day(tmp_path / "b", DAY, 120, seed=5, invalid_lines=3)
    for path, other in ((first.path, second.path), (first.late_path, second.late_path)):
        assert Path(path).read_bytes() == Path(other).read_bytes()
    again = simulate_day(tmp_path / "a", DAY, 120, seed=5, invalid_lines=3)  # re-running replaces, same bytes
    assert Path(again.path).read_bytes() == Path(second.path).read_bytes()
    other_seed = simulate_day(tmp_path / "c", DAY, 120, seed=6, invalid_lines=3)
    assert Path(other_seed.path).read_bytes() != Path(first.path).read_bytes()
    other_day = simulate_day(tmp_path / "d", NEXT_DAY, 120, seed=5)
    first_ids = {e.event_id for e in _events(first.late_path)}
    assert first_ids.isdisjoint(e.event_id for e in _all_events(other_day))


def test_late_feedback_lands_in_the_next_day_and_points_back(tmp_path):
    result = simulate_day(tmp_path, DAY, 400, seed=2, late_fraction=0.1)
    assert Path(result.late_path) == tmp_path / "2026-11-02" / "sim-2-late.jsonl"
    late = _events(result.late_path)
    assert result.late_events == len(late)
    feedback_and_behaviour = result.feedback_events + result.behaviour_events
    assert 0.05 < len(late) / feedback_and_behaviour < 0.15
    day_interactions = {e.interaction_id: e for e in _events(result.path) if e.event_type == "interaction"}
    start, end = _day_bounds(NEXT_DAY)
    for event in late:
        assert event.event_type in ("feedback", "behaviour")
        assert event.interaction_id in day_interactions
        assert event.session_id == day_interactions[event.interaction_id].session_id
        assert start <= event.timestamp < end

    # Simulating the next day with the same seed writes its own file next to the late one.
    next_day = simulate_day(tmp_path, NEXT_DAY, 50, seed=2)
    assert Path(result.late_path).exists() and next_day.path != result.late_path


def test_no_late_fraction_writes_no_late_file_and_removes_a_stale_one(tmp_path):
    with_late = simulate_day(tmp_path, DAY, 100, seed=3, late_fraction=0.5)
    assert Path(with_late.late_path).exists()
    without = simulate_day(tmp_path, DAY, 100, seed=3, late_fraction=0.0)
    assert without.late_path is None and without.late_events == 0
    assert not Path(with_late.late_path).exists()


def test_invalid_lines_are_broken_and_the_rest_valid(tmp_path):
    result = simulate_day(tmp_path, DAY, 60, seed=4, invalid_lines=7)
    assert result.invalid_lines == 7
    valid, invalid = 0, 0
    for line in Path(result.path).read_text(encoding="utf-8").splitlines():
        try:
            EVENT_ADAPTER.validate_json(line)
            valid += 1
        except ValidationError:
            invalid += 1
    assert invalid == 7
    assert valid == result.interactions + result.feedback_events + result.behaviour_events - result.late_events


def _intent_of(prompt: str):
    return next(intent for intent in INTENTS for phrasing in intent.phrasings if phrasing in prompt)


# The kind of every canned answer, by (intent, text): canned answers are exact variants.
_CANNED_KIND = {
    (intent.name, text): kind for intent in INTENTS for kind, texts in variants(intent).items() for text in texts
}


def _canned_kind(interaction) -> str:
    return _CANNED_KIND[(_intent_of(interaction.prompt).name, interaction.response)]


def _thumbs_by_interaction(events: list) -> dict[str, str]:
    return {e.interaction_id: e.thumb for e in events if e.event_type == "feedback" and e.thumb}


def _shown_and_liked(events, key) -> tuple[Counter, Counter]:
    """Interactions and thumbs-up per ``key(interaction event)``."""
    thumbs = _thumbs_by_interaction(events)
    shown: Counter = Counter()
    liked: Counter = Counter()
    for e in events:
        if e.event_type == "interaction":
            shown[key(e)] += 1
            liked[key(e)] += thumbs.get(e.interaction_id) == "up"
    return shown, liked


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_correct_answers_get_more_thumbs_up_than_rude_ones_in_every_segment(tmp_path, seed):
    result = simulate_day(tmp_path, DAY, 1200, seed=seed, canned_kinds={"correct": 1.0, "rude": 1.0})
    shown, liked = _shown_and_liked(
        _all_events(result), lambda e: (segment_of(e.user_id).name, "rude" if is_offensive(e.response) else "correct")
    )
    for segment in SEGMENTS:
        correct, rude = (segment.name, "correct"), (segment.name, "rude")
        assert shown[correct] > 50 and shown[rude] > 50, segment.name
        assert liked[correct] / shown[correct] > liked[rude] / shown[rude] + 0.5, segment.name


def test_thumbs_up_rates_are_calibrated(tmp_path):
    """Correct answers please ~80% of users, every bad kind at most 20%, the corpus mix 30-50%."""
    result = simulate_day(tmp_path / "kinds", DAY, 4200, seed=1, canned_kinds=dict.fromkeys(RESPONSE_KINDS, 1.0))
    shown, liked = _shown_and_liked(_all_events(result), _canned_kind)
    assert shown == Counter(result.responses_by_kind)
    rates = {kind: liked[kind] / shown[kind] for kind in RESPONSE_KINDS}
    assert 0.75 <= rates["correct"] <= 0.85
    assert all(rate <= 0.2 for kind, rate in rates.items() if kind != "correct"), rates
    mix = simulate_day(tmp_path / "mix", DAY, 2000, seed=1)
    assert 0.3 <= mix.total.thumbs_up_per_interaction <= 0.5
    assert mix.responses_by_kind["correct"] < 0.6 * mix.interactions


def test_bad_answers_get_thumbs_and_corrections_for_the_labeler(tmp_path):
    bad = {kind: 1.0 for kind in RESPONSE_KINDS if kind != "correct"}
    result = simulate_day(tmp_path, DAY, 1500, seed=3, canned_kinds=bad)
    feedback = [e for e in _all_events(result) if e.event_type == "feedback"]
    assert sum(e.thumb is not None for e in feedback) > 0.6 * result.interactions
    assert 0.25 <= sum(e.correction is not None for e in feedback) / result.interactions <= 0.4
    # A user either corrects an answer or flags it, so corrections stay usable for fine-tuning.
    assert not any(e.correction and e.flag for e in feedback)
    good = simulate_day(tmp_path / "good", DAY, 600, seed=3, canned_kinds={"correct": 1.0})
    good_feedback = [e for e in _all_events(good) if e.event_type == "feedback"]
    assert sum(e.thumb is not None for e in good_feedback) > 0.8 * good.interactions


def test_segments_are_deterministic_and_reported_on_interactions(tmp_path):
    result = simulate_day(tmp_path, DAY, 600, seed=4)
    interactions = [e for e in _all_events(result) if e.event_type == "interaction"]
    assert all(e.user_segment == segment_of(e.user_id).name for e in interactions)
    assert {e.user_segment for e in interactions} == {segment.name for segment in SEGMENTS}
    # The segments' effects are visible in aggregate: concise users dislike rambling more than detail seekers.
    verbose = simulate_day(tmp_path / "verbose", DAY, 1500, seed=4, canned_kinds={"verbose": 1.0}).by_segment
    assert verbose["concise"].thumbs_up_rate + 0.2 < verbose["detail_seeking"].thumbs_up_rate


def test_ground_truth_counts_add_up(tmp_path):
    result = simulate_day(tmp_path, DAY, 500, seed=6, late_fraction=0.3)
    events = _all_events(result)
    thumbs_up = sum(e.event_type == "feedback" and e.thumb == "up" for e in events)
    thumbs = sum(e.event_type == "feedback" and e.thumb is not None for e in events)
    assert result.thumbs_up == thumbs_up > 0 and result.thumbs == thumbs > thumbs_up
    # One definition of the thumbs-up rate, as kpi_daily's; per interaction is another figure with another name.
    assert result.thumbs_up_rate == pytest.approx(thumbs_up / thumbs)
    assert result.total.thumbs_up_per_interaction == pytest.approx(thumbs_up / 500)
    assert any(e.thumb == "up" for e in _events(result.late_path) if e.event_type == "feedback")
    for breakdown in (result.by_adapter, result.by_segment):
        assert sum(group.interactions for group in breakdown.values()) == 500
        assert sum(group.thumbs_up for group in breakdown.values()) == thumbs_up
        assert sum(group.thumbs for group in breakdown.values()) == thumbs
        for kind in RESPONSE_KINDS:
            assert sum(g.responses_by_kind[kind] for g in breakdown.values()) == result.responses_by_kind[kind]
        for group in breakdown.values():
            assert sum(group.responses_by_kind.values()) == group.interactions
            assert group.thumbs_up_rate == pytest.approx(group.thumbs_up / max(1, group.thumbs))
            assert group.thumbs_up_per_interaction == pytest.approx(group.thumbs_up / max(1, group.interactions))
    assert list(result.by_adapter) == [BASE_ARM]
    assert list(result.by_segment) == [segment.name for segment in SEGMENTS]
    empty = simulate_day(tmp_path / "empty", DAY, 0, seed=6)
    printed = json.loads(json.dumps(result.as_dict()))  # what `feedback-loop simulate` prints
    assert (printed["path"], printed["interactions"], printed["thumbs_up"]) == (str(result.path), 500, thumbs_up)
    assert printed["by_segment"]["concise"]["thumbs_up_rate"] == result.by_segment["concise"].thumbs_up_rate
    assert empty.thumbs_up == 0 and empty.thumbs_up_rate == 0.0 and empty.by_adapter == {}


def test_reading_time_grows_with_length_and_shrinks_for_bad_answers(tmp_path):
    result = simulate_day(tmp_path, DAY, 1200, seed=2, canned_kinds={"correct": 1, "verbose": 1, "rude": 1})
    events = _all_events(result)
    kind_of = {e.interaction_id: _canned_kind(e) for e in events if e.event_type == "interaction"}
    reading: dict[str, list[float]] = {"correct": [], "verbose": [], "rude": []}
    for e in events:
        if e.event_type == "behaviour":
            reading[kind_of[e.interaction_id]].append(e.reading_time_ms)
    mean = {kind: sum(times) / len(times) for kind, times in reading.items()}
    assert mean["verbose"] > 1.5 * mean["correct"] > 1.5 * mean["rude"]


def test_feedback_signals_follow_response_quality(tmp_path):
    events = _all_events(simulate_day(tmp_path, DAY, 600, seed=9))
    interactions = {e.interaction_id: e for e in events if e.event_type == "interaction"}
    answer_of = {p.lower(): i.answer for i in INTENTS for p in i.phrasings}
    feedback = [e for e in events if e.event_type == "feedback"]
    offensive_flags = [e for e in feedback if e.flag == "offensive"]
    assert offensive_flags and all(is_offensive(interactions[e.interaction_id].response) for e in offensive_flags)
    corrections = [e for e in feedback if e.correction]
    assert corrections
    for e in corrections:
        interaction = interactions[e.interaction_id]
        assert e.correction != interaction.response
        assert any(
            e.correction == answer for phrase, answer in answer_of.items() if phrase in interaction.prompt.lower()
        )
    resolved = [e for e in events if e.event_type == "behaviour" and e.outcome == "resolved"]
    correct_share = sum(interactions[e.interaction_id].response in answer_of.values() for e in resolved) / len(resolved)
    assert correct_share > 0.7


def _arm(user_id: str) -> str | None:
    """A stand-in router: about half of the users see adapter 'adapter-7', the rest the bare base model."""
    return "adapter-7" if hashlib.sha256(user_id.encode()).digest()[0] % 2 else None


def test_responder_serves_each_user_and_records_its_arm(tmp_path):
    calls = []

    def responder(requests: list[ChatRequest]) -> list[ServedResponse]:
        calls.append(list(requests))
        served = []
        for request in requests:
            adapter = _arm(request.user_id)
            # The adapter answers right, the base model insults every other user.
            answer = _intent_of(request.prompt).answer
            text = answer if adapter or len(served) % 2 else "You idiot."
            served.append(ServedResponse(text, "base-v3", adapter))
        return served

    result = simulate_day(tmp_path, DAY, 400, seed=1, responder=responder)
    assert len(calls) == 1 and len(calls[0]) == 400
    interactions = [e for e in _all_events(result) if e.event_type == "interaction"]
    requests = {(r.prompt, r.user_id, r.session_id) for r in calls[0]}
    assert {(e.prompt, e.user_id, e.session_id) for e in interactions} == requests
    assert {e.model_version for e in interactions} == {"base-v3"}
    assert all(e.adapter_version == _arm(e.user_id) for e in interactions)

    arms = result.by_adapter
    assert set(arms) == {BASE_ARM, "adapter-7"}
    assert arms["adapter-7"].interactions == sum(e.adapter_version == "adapter-7" for e in interactions)
    assert arms["adapter-7"].responses_by_kind["correct"] == arms["adapter-7"].interactions
    assert arms[BASE_ARM].responses_by_kind["rude"] > 0.4 * arms[BASE_ARM].interactions
    assert arms["adapter-7"].thumbs_up_rate > arms[BASE_ARM].thumbs_up_rate + 0.25

    # Same seed and day, no responder: the same users ask the same questions.
    canned = simulate_day(tmp_path / "canned", DAY, 400, seed=1)
    canned_interactions = [e for e in _events(canned.path) if e.event_type == "interaction"]
    assert {(e.prompt, e.user_id, e.session_id) for e in canned_interactions} == requests
    assert {e.model_version for e in canned_interactions} == {CANNED_MODEL_VERSION}
    assert all(e.adapter_version is None for e in canned_interactions)


def test_bad_arguments_and_responders_raise_clear_errors(tmp_path):
    def served(text="x", model="m", adapter=None):
        return lambda requests: [ServedResponse(text, model, adapter) for _ in requests]

    with pytest.raises(ValueError, match="responder returned 1 responses for 5 requests"):
        simulate_day(tmp_path, DAY, 5, seed=0, responder=lambda requests: [ServedResponse("x", "m", None)])
    with pytest.raises(ValueError, match="responder response 0: expected a ServedResponse, got str"):
        simulate_day(tmp_path, DAY, 2, seed=0, responder=lambda requests: ["x" for _ in requests])
    with pytest.raises(ValueError, match="responder response 0: field 'text' must be a str"):
        simulate_day(tmp_path, DAY, 2, seed=0, responder=served(text=None))
    with pytest.raises(ValueError, match="responder response 0: field 'model_version'"):
        simulate_day(tmp_path, DAY, 2, seed=0, responder=served(model=""))
    with pytest.raises(ValueError, match="responder response 0: field 'adapter_version'"):
        simulate_day(tmp_path, DAY, 2, seed=0, responder=served(adapter=""))
    with pytest.raises(ValueError, match="apply to canned answers only"):
        simulate_day(tmp_path, DAY, 2, seed=0, responder=served(), model_version="m")
    with pytest.raises(ValueError, match="unknown response kinds"):
        simulate_day(tmp_path, DAY, 2, seed=0, canned_kinds={"sarcastic": 1.0})
    with pytest.raises(ValueError, match="field 'day'"):
        simulate_day(tmp_path, datetime(2026, 11, 1, 12), 5, seed=0)
    with pytest.raises(ValueError, match="field 'late_fraction'"):
        simulate_day(tmp_path, DAY, 5, seed=0, late_fraction=1.5)
    with pytest.raises(ValueError, match="field 'n_interactions'"):
        simulate_day(tmp_path, DAY, -1, seed=0)


def test_event_lines_are_plain_json_objects_in_time_order(tmp_path):
    result = simulate_day(tmp_path, DAY, 80, seed=8)
    rows = [json.loads(line) for line in Path(result.path).read_text(encoding="utf-8").splitlines()]
    stamps = [row["timestamp"] for row in rows]
    assert stamps == sorted(stamps) and all(s.endswith("Z") for s in stamps)


def test_the_expected_thumbs_up_rate_is_the_worlds_reactions_without_the_days_luck(tmp_path):
    from feedback_loop.simulate.slot_world import SlotWorld

    world = SlotWorld(0)
    day = simulate_day(tmp_path, DAY, 3000, 0, canned_kinds={"brief": 1.0}, world=world)
    # Each canned answer is right and brief: every user expects what their segment's reaction to it says.
    assert day.total.expected_thumbs_up_rate == pytest.approx(day.total.thumbs_up_rate, abs=0.03)
    flip = world.noise.thumb_flip_rate
    for segment in world.segments:
        reaction = world.reaction(segment, "brief")
        up, down = reaction.thumb_up, reaction.thumb_down
        expected = (up * (1 - flip) + down * flip) / (up + down)
        assert day.by_segment[segment.name].expected_thumbs_up_rate == pytest.approx(expected)


def test_the_demos_true_difference_is_not_the_realized_sample_the_ab_test_decided_on():
    from feedback_loop.demo import _true_difference
    from feedback_loop.simulate.telemetry import GroundTruth

    # Equal answers, a lucky canary day: realized 0.90 against 0.50, expected 0.60 each.
    lucky = GroundTruth(100, 10, 9, {}, 0, expected_thumbs_up=30.0, expected_thumbs=50.0)
    plain = GroundTruth(100, 10, 5, {}, 0, expected_thumbs_up=30.0, expected_thumbs=50.0)
    ab = {"canary_version": "v2", "champion_version": "v1"}
    assert _true_difference({"v2": lucky, "v1": plain}, ab) == pytest.approx(0.0)  # was +0.40
