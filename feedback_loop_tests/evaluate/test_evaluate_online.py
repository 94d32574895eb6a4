"""The online A/B decision on telemetry counts: two-proportion tests and the minimum sample size."""

import math

import pytest

from feedback_loop.evaluate.online import ABSpec, ArmStats, arm_stats, decide, one_sided_p_lower


def _arm(version, thumbs, up, interactions=None, escalations=0):
    return ArmStats(version, interactions or thumbs, thumbs, up, escalations)


def test_p_value_matches_the_normal_approximation():
    # 40/100 vs 60/100: pooled 0.5, se = sqrt(0.5*0.5*0.02) = 0.0707, z = -2.828
    p = one_sided_p_lower(40, 100, 60, 100)
    assert p == pytest.approx(0.5 * math.erfc(2.828427 / math.sqrt(2)), rel=1e-4)
    assert one_sided_p_lower(60, 100, 40, 100) > 0.99
    with pytest.raises(ValueError, match="n_a=0"):
        one_sided_p_lower(0, 0, 1, 10)


def test_a_clearly_worse_canary_is_rolled_back():
    result = decide(_arm("champ", 400, 280), _arm("canary", 100, 40), ABSpec())
    assert result["decision"] == "rollback"
    assert "worse" in result["reasons"][0] and result["p_thumbs_worse"] < 0.05


def test_a_better_or_equal_canary_is_promoted():
    assert decide(_arm("champ", 400, 200), _arm("canary", 100, 70), ABSpec())["decision"] == "promote"
    assert decide(_arm("champ", 400, 200), _arm("canary", 100, 48), ABSpec())["decision"] == "promote"


def test_more_escalations_alone_roll_back():
    champion = _arm("champ", 400, 200, interactions=500, escalations=25)
    canary = _arm("canary", 100, 50, interactions=125, escalations=30)
    result = decide(champion, canary, ABSpec())
    assert result["decision"] == "rollback" and "escalation" in result["reasons"][1]


def test_too_few_samples_waits_and_says_which_arm():
    result = decide(_arm("champ", 400, 200), _arm("canary", 30, 5), ABSpec(min_samples_per_arm=50))
    assert result["decision"] == "wait"
    assert result["reasons"] == ["canary arm has 30 thumbs, fewer than the 50 required"]


def test_arm_stats_counts_only_the_arm_and_treats_none_as_the_base_model():
    rows = [
        {"adapter_version": None, "thumb": "up", "escalated": False},
        {"adapter_version": None, "thumb": None, "escalated": True},
        {"adapter_version": "v2", "thumb": "down", "escalated": False},
    ]
    base = arm_stats(rows, None)
    assert (base.interactions, base.thumbs, base.thumbs_up, base.escalations) == (2, 1, 1, 1)
    assert base.thumbs_up_rate == 1.0 and base.escalation_rate == 0.5
    assert arm_stats(rows, "v2").thumbs_up == 0


def test_spec_validation():
    with pytest.raises(ValueError, match="alpha"):
        ABSpec(alpha=1.5)
