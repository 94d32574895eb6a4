"""Prompt recommendations: proposed where the planted pattern is in the labels, and nowhere else."""

import math
from dataclasses import replace

import pyarrow as pa
import pytest

from feedback_loop.analytics.recommend import ESCALATION_INSTRUCTION, RecommendationSpec, length_instruction, recommend
from feedback_loop.label.rules import labels_arrow_schema
from feedback_loop.prompts import merge_recommendations, recommendation_id

VERSION = "support-v1"
SHORT, LONG = 20, 80


def _group(segment, n, *, tokens=SHORT, down=0, escalated=0, version=VERSION, unjudged=0):
    """``n`` judged interactions of ``segment`` (``down`` of them thumbed down, the rest up; ``escalated`` of
    them escalated), plus ``unjudged`` ones without thumb or rating."""
    return [
        {
            "segment": segment,
            "tokens": tokens,
            "version": version,
            "escalated": i < escalated,
            "thumb": None if i >= n else ("down" if i < down else "up"),
        }
        for i in range(n + unjudged)
    ]


def _labels(*groups) -> pa.Table:
    rows = [
        {
            "interaction_id": f"i-{index}",
            "user_segment": row["segment"],
            "completion_tokens": row["tokens"],
            "system_prompt_version": row["version"],
            "thumb": row["thumb"],
            "escalated": row["escalated"],
        }
        for index, row in enumerate(row for group in groups for row in group)
    ]
    return pa.Table.from_pylist(rows, schema=labels_arrow_schema())


def _baseline(long_down_concise: int):
    """Two segments, 600 short and 200 long judged answers each; short ones rated down 10% everywhere, long
    ones 10% in 'thorough' and ``long_down_concise`` of 200 in 'concise'; escalation 5% everywhere."""
    return [
        _group("concise", 600, down=60, escalated=30),
        _group("concise", 200, tokens=LONG, down=long_down_concise, escalated=10),
        _group("thorough", 600, down=60, escalated=30),
        _group("thorough", 200, tokens=LONG, down=20, escalated=10),
    ]


def test_long_answers_rated_down_twice_as_often_yield_a_length_instruction_for_that_segment():
    recommendations = recommend(_labels(*_baseline(long_down_concise=80)), RecommendationSpec(), VERSION)
    assert [(r.kind, r.target) for r in recommendations] == [("length", "concise")]
    (r,) = recommendations
    # The upper quartile of 600 answers of 20 tokens and 200 of 80 is 20: long means over 20 tokens.
    assert r.change == length_instruction(20) == "Keep answers to 15 words or fewer."
    evidence = r.evidence
    assert (evidence["threshold_tokens"], evidence["threshold_source"]) == (20, "upper quartile")
    assert evidence["long"] == {"judged": 200, "rated_down": 80, "rate": 0.4}
    assert evidence["short"] == {"judged": 600, "rated_down": 60, "rate": 0.1}
    assert evidence["ratio"] == pytest.approx(4.0)
    # Pooled rate 140/800; z = (0.1 - 0.4) / sqrt(0.175 * 0.825 * (1/600 + 1/200)).
    z = (0.1 - 0.4) / math.sqrt(0.175 * 0.825 * (1 / 600 + 1 / 200))
    assert evidence["p_value"] == pytest.approx(0.5 * math.erfc(-z / math.sqrt(2)))
    # Four tests ran (length and escalation in two segments): each at alpha / 4.
    assert (evidence["tests"], evidence["alpha_per_test"]) == (4, pytest.approx(0.0125))
    assert (evidence["min_ratio"], evidence["min_samples"], evidence["prompt_version"]) == (2.0, 50, VERSION)
    assert "concise" in r.summary and "80/200" in r.summary and "60/600" in r.summary
    assert r.status == "proposed" and r.prompt_version is None


def test_same_volumes_without_a_difference_yield_nothing():
    assert recommend(_labels(*_baseline(long_down_concise=20)), RecommendationSpec(), VERSION) == []


def test_a_difference_below_the_minimum_ratio_yields_nothing():
    # 18% vs 10%: significant at these volumes, but not twice as often.
    labels = _labels(*_baseline(long_down_concise=36))
    assert recommend(labels, RecommendationSpec(), VERSION) == []
    assert [r.target for r in recommend(labels, RecommendationSpec(min_ratio=1.5), VERSION)] == ["concise"]


def test_thin_data_yields_nothing_however_large_the_difference():
    labels = _labels(_group("concise", 60, down=0), _group("concise", 30, tokens=LONG, down=30))
    assert recommend(labels, RecommendationSpec(), VERSION) == []
    # The same pattern with enough answers on the long side is proposed.
    labels = _labels(_group("concise", 200, down=0), _group("concise", 60, tokens=LONG, down=60))
    assert [r.kind for r in recommend(labels, RecommendationSpec(), VERSION)] == ["length"]


def test_unjudged_answers_count_for_neither_side():
    labels = _labels(
        _group("concise", 600, down=60, unjudged=400), _group("concise", 200, tokens=LONG, down=80, unjudged=400)
    )
    (r,) = recommend(labels, RecommendationSpec(long_answer_tokens=50), VERSION)
    assert (r.evidence["threshold_tokens"], r.evidence["threshold_source"]) == (50, "config")
    assert (r.evidence["long"]["judged"], r.evidence["short"]["judged"]) == (200, 600)


def test_a_segment_that_escalates_more_often_yields_an_escalation_instruction():
    labels = _labels(
        _group("impatient", 400, down=40, escalated=120),
        _group("concise", 400, down=40, escalated=20),
        _group("thorough", 400, down=40, escalated=20),
    )
    (r,) = recommend(labels, RecommendationSpec(), VERSION)
    assert (r.kind, r.target, r.change) == ("escalation", "impatient", ESCALATION_INSTRUCTION)
    assert r.evidence["segment"] == {"interactions": 400, "escalated": 120, "rate": 0.3}
    assert r.evidence["rest"] == {"interactions": 800, "escalated": 40, "rate": 0.05}
    assert r.evidence["ratio"] == pytest.approx(6.0)


def test_only_the_analysed_prompt_version_and_known_segments_count():
    planted = _baseline(long_down_concise=80)
    other_version = [[{**row, "version": "support-v0"} for row in group] for group in planted]
    assert recommend(_labels(*other_version), RecommendationSpec(), VERSION) == []
    assert [r.target for r in recommend(_labels(*other_version), RecommendationSpec(), "support-v0")] == ["concise"]
    no_segment = [[{**row, "segment": None} for row in group] for group in planted[:2]]
    assert recommend(_labels(*no_segment), RecommendationSpec(), VERSION) == []


def test_ids_are_stable_across_data_and_name_the_proposal():
    first = recommend(_labels(*_baseline(long_down_concise=80)), RecommendationSpec(), VERSION)
    again = recommend(_labels(*_baseline(long_down_concise=80)), RecommendationSpec(), VERSION)
    assert first == again
    # More data with the same proposal: the same id, other evidence.
    more = recommend(_labels(*_baseline(long_down_concise=90)), RecommendationSpec(), VERSION)
    assert [r.id for r in more] == [r.id for r in first]
    assert more[0].evidence != first[0].evidence
    assert first[0].id == recommendation_id("length", "concise", length_instruction(20))
    assert len({recommendation_id("length", "concise", length_instruction(n)) for n in (20, 21)}) == 2


def test_merging_keeps_applied_recommendations_and_drops_stale_proposals():
    (fresh,) = recommend(_labels(*_baseline(long_down_concise=80)), RecommendationSpec(), VERSION)
    applied = replace(fresh, status="applied", prompt_version="support-v2", applied_by="ana", applied_at="t")
    stale = replace(fresh, id="stale", target="thorough")
    assert merge_recommendations([applied, stale], [fresh]) == [applied]
    assert merge_recommendations([stale], [fresh]) == [fresh]


def test_missing_columns_and_null_fields_are_named():
    labels = _labels(*_baseline(long_down_concise=80))
    with pytest.raises(ValueError, match="user_segment"):
        recommend(labels.drop_columns(["user_segment"]), RecommendationSpec(), VERSION)
    broken = labels.set_column(
        labels.schema.get_field_index("completion_tokens"),
        "completion_tokens",
        pa.array([None] + [SHORT] * (labels.num_rows - 1), pa.int64()),
    )
    with pytest.raises(ValueError, match="label 'i-0': field 'completion_tokens' is null"):
        recommend(broken, RecommendationSpec(), VERSION)
    with pytest.raises(ValueError, match="min_ratio"):
        RecommendationSpec(min_ratio=0.5)
