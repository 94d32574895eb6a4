"""The shadow evaluation's decision rules on paired answers, clustered by user."""

from __future__ import annotations

import random

import pytest

from feedback_loop.evaluate.shadow import (
    ShadowSpec,
    compare_shadow,
    pair_shadow_events,
    response_features,
    score_pairs,
)
from feedback_loop.label.learned import FEATURE_COLUMNS

SPEC = ShadowSpec(n_resamples=500)


def _pairs(n: int = 120, users: int = 30, shift: float = 0.0, seed: int = 0, **fields) -> list[dict]:
    """Paired answers whose shadow P(good) is the champion's plus ``shift`` and some noise."""
    rng = random.Random(seed)
    rows = []
    for index in range(n):
        champion = rng.uniform(0.2, 0.8)
        rows.append(
            {
                "interaction_id": f"i{index}",
                "user_id": f"u{index % users}",
                "prompt": f"question {index}",
                "champion_response": f"answer {index}",
                "shadow_response": f"other answer {index}",
                "champion_p_good": champion,
                "shadow_p_good": min(max(champion + shift + rng.gauss(0, 0.05), 0.0), 1.0),
                "correction": None,
                "champion_latency_ms": 100.0,
                "shadow_latency_ms": 150.0,
                **fields,
            }
        )
    return rows


def test_a_better_shadow_passes_and_reports_its_figures():
    result = compare_shadow(_pairs(shift=0.1), SPEC)
    assert result.passed, result.reasons
    assert result.primary.metric == "p_good" and result.primary.low > SPEC.margin
    assert result.users == 30 and result.prompts == 120 and result.differing_share == 1.0
    assert result.latency_ms.mean == pytest.approx(50.0) and result.length_words.mean == pytest.approx(1.0)
    assert result.guardrail is None and any("not applicable" in reason for reason in result.reasons)
    assert len(result.worst_examples) == SPEC.worst_examples


@pytest.mark.parametrize("shift", [-0.1, 0.0])
def test_a_shadow_not_better_by_the_margin_fails(shift):
    result = compare_shadow(_pairs(shift=shift), SPEC)
    assert not result.passed and not result.primary.passed
    worst = result.worst_examples[0]
    gaps = [row["shadow_p_good"] - row["champion_p_good"] for row in result.worst_examples]
    assert gaps == sorted(gaps) and worst["shadow_p_good"] - worst["champion_p_good"] == min(gaps)


def test_the_interval_resamples_users_not_prompts():
    """Ten users, each with many prompts whose gain is the user's own: the interval must be as wide as ten users
    allow, far wider than 400 independent prompts would make it."""
    rows = _pairs(n=400, users=10, shift=0.0)
    for row in rows:
        user_gain = 0.2 if int(row["user_id"][1:]) % 2 else -0.1
        row["shadow_p_good"] = min(max(row["champion_p_good"] + user_gain, 0.0), 1.0)
    result = compare_shadow(rows, SPEC)
    assert result.primary.high - result.primary.low > 0.1


def test_the_same_answers_everywhere_are_a_no_op():
    rows = _pairs(shift=0.1)
    for row in rows:
        row["shadow_response"] = row["champion_response"]
    result = compare_shadow(rows, SPEC)
    assert result.no_op and not result.passed and result.differing_share == 0.0


def test_disagreeing_with_users_corrections_fails_the_guardrail():
    rows = _pairs(shift=0.1)
    for index, row in enumerate(rows[:40]):
        row["correction"] = "open orders and select your order"
        row["champion_response"] = "open orders and select your order please"
        row["shadow_response"] = f"something unrelated {index}"
    result = compare_shadow(rows, SPEC)
    assert result.corrections == 40 and result.guardrail.metric == "correction_f1"
    assert not result.guardrail.passed and not result.passed


def test_more_offensive_answers_fail():
    rows = _pairs(shift=0.1)
    rows[0]["shadow_response"] = "what a stupid question"
    result = compare_shadow(rows, SPEC)
    assert result.challenger.offensive == 1 and not result.passed
    assert any("exceeds" in reason for reason in result.reasons)


def test_one_user_is_no_evidence():
    result = compare_shadow(_pairs(n=20, users=1, shift=0.3), SPEC)
    assert not result.passed and result.primary is None and "too few users" in result.reasons[0]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("shadow_p_good", 1.5, "field 'shadow_p_good' must be a probability"),
        ("user_id", "", "field 'user_id' must be a non-empty string"),
        ("shadow_latency_ms", float("nan"), "field 'shadow_latency_ms' must be a finite number"),
        ("correction", 3, "field 'correction' must be a string or None"),
    ],
)
def test_a_bad_pair_is_named(field, value, message):
    rows = _pairs(n=10)
    rows[4][field] = value
    with pytest.raises(ValueError, match=f"shadow pair 4 \\(interaction_id='i4'\\): {message}"):
        compare_shadow(rows, SPEC)


def test_shadow_events_pair_with_the_live_answers_they_shadowed():
    labels = [
        {
            "interaction_id": f"i{index}",
            "user_id": f"u{index}",
            "use_case": "support",
            "prompt": f"q{index}",
            "response": f"live {index}",
            "adapter_version": None,
            "latency_ms": 10.0,
            "correction": "right" if index == 1 else None,
        }
        for index in range(3)
    ]
    events = [
        {"interaction_id": "i1", "adapter_version": "v2", "response": "shadow 1", "latency_ms": 20.0},
        {"interaction_id": "i1", "adapter_version": "v2", "response": "shadow 1", "latency_ms": 20.0},  # re-sent
        {"interaction_id": "i2", "adapter_version": "v1", "response": "older shadow", "latency_ms": 20.0},
        {"interaction_id": "i9", "adapter_version": "v2", "response": "no label yet", "latency_ms": 20.0},
    ]
    pairs, unmatched = pair_shadow_events(events, labels, "v2")
    assert unmatched == 1
    assert pairs == [
        {
            "interaction_id": "i1",
            "user_id": "u1",
            "use_case": "support",
            "prompt": "q1",
            "champion_version": None,
            "champion_response": "live 1",
            "shadow_response": "shadow 1",
            "correction": "right",
            "champion_latency_ms": 10.0,
            "shadow_latency_ms": 20.0,
        }
    ]
    features = response_features(pairs)
    assert features.column_names == list(FEATURE_COLUMNS)
    assert features["response"].to_pylist() == ["live 1", "shadow 1"]
    # Nobody reacted to the shadow answer: both rows carry the same neutral behaviour and latency.
    assert features["latency_ms"].to_pylist() == [10.0, 10.0] and features["actions"].to_pylist() == [[], []]
    scored = score_pairs(
        pairs, lambda table: [0.25 if "live" in text else 0.75 for text in table["response"].to_pylist()]
    )
    assert (scored[0]["champion_p_good"], scored[0]["shadow_p_good"]) == (0.25, 0.75)
    with pytest.raises(ValueError, match="returned"):
        score_pairs(pairs, lambda table: [0.5])


def _unscored(pairs: list[dict]) -> list[dict]:
    return score_pairs(pairs, None)


def test_without_p_good_the_corrections_are_the_primary_evidence():
    """No published labeler: where users corrected the champion, the answer closer to the correction wins."""
    closer = _unscored(_pairs(shadow_response="Order 42 ships today", correction="Order 42 ships today."))
    farther = _unscored(_pairs(champion_response="Order 42 ships today", correction="Order 42 ships today."))

    better, worse = compare_shadow(closer, SPEC), compare_shadow(farther, SPEC)

    assert better.passed and not better.insufficient, better.reasons
    assert better.primary.metric == "correction_f1" and better.primary.low > SPEC.margin and better.guardrail is None
    assert better.challenger.p_good is None and better.corrections == 120
    assert not worse.passed and not worse.insufficient and worse.primary.high < 0
    assert worse.worst_examples[0]["correction"] == "Order 42 ships today."


def test_without_p_good_and_too_few_corrections_there_is_no_verdict():
    rows = _unscored(_pairs())
    rows[0]["correction"] = "a better answer"  # one user's correction: nothing to resample

    result = compare_shadow(rows, SPEC)

    assert result.insufficient and not result.passed and result.primary is None
    assert "too few to resample" in result.reasons[0]


def test_p_good_on_some_pairs_only_is_an_error():
    rows = _pairs()
    rows[3] = {**rows[3], "champion_p_good": None, "shadow_p_good": None}
    with pytest.raises(ValueError, match="score all of them or none"):
        compare_shadow(rows, SPEC)
    rows[3]["shadow_p_good"] = 0.5
    with pytest.raises(ValueError, match=r"interaction_id='i3'.*both be set or both be None"):
        compare_shadow(rows, SPEC)
