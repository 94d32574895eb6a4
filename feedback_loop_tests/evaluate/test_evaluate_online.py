"""The online A/B decision: evidence in both directions, users as the unit, daily looks at a held error rate."""

from __future__ import annotations

import numpy
import pytest

from feedback_loop.evaluate.bench import Traffic, online_outcome, simulate_experiment
from feedback_loop.evaluate.online import ABSpec, compare_canary, decide, looks_from_counts
from feedback_loop.evaluate.stats import required_sample_size


def _looks(difference: float, days: int, seed: int, **traffic):
    counts = simulate_experiment(numpy.random.default_rng(seed), Traffic(**traffic), difference, days)
    return looks_from_counts([f"2026-11-{day + 1:02d}" for day in range(days)], **counts)


def _first_decision(looks, spec):
    for count in range(1, len(looks) + 1):
        result = decide(looks[:count], spec)
        if result.decision != "wait":
            return result
    return result


def test_a_worse_canary_is_rolled_back_before_its_deadline():
    result = _first_decision(_looks(-0.10, 14, seed=1), ABSpec())
    assert result.decision == "rollback" and result.look < 14 and not result.final
    assert result.canary.thumbs_up_rate < result.champion.thumbs_up_rate - 0.05
    assert -result.thumbs_up_worse.statistic >= result.rollback_boundary
    assert "the canary is shown worse on its thumbs-up rate" in result.reasons[-1]


def test_a_better_canary_is_promoted_with_its_evidence():
    result = _first_decision(_looks(0.10, 14, seed=2), ABSpec())
    assert result.decision == "promote" and result.look < 14
    assert result.thumbs_up_non_inferiority.statistic >= result.promotion_boundary
    assert result.thumbs_up_non_inferiority.value == -0.02
    assert result.escalation_worse.pvalue >= 0.05
    assert "non-inferiority shown" in result.reasons[-1]


def test_an_inconclusive_canary_is_rolled_back_at_its_deadline():
    spec = ABSpec(max_days=5)
    looks = _looks(0.0, 5, seed=3, interactions_per_day=600)
    waits = [decide(looks[:count], spec) for count in range(1, 5)]
    assert [w.decision for w in waits] == ["wait"] * 4
    assert all(0 < w.plan.information_fraction < 1 for w in waits)
    # Progress grows day by day, and the ETA says the deadline comes first at this traffic.
    fractions = [w.plan.information_fraction for w in waits]
    assert fractions == sorted(fractions)
    assert waits[-1].plan.eta_days > waits[-1].plan.days_left == 1
    assert "underpowered" in waits[-1].reasons[2]
    final = decide(looks, spec)
    assert final.decision == "rollback" and final.final and final.look == 5
    assert "an inconclusive canary never wins" in final.reasons[-1]


def test_the_planned_sample_is_normal_ind_power_times_the_design_effect():
    result = decide(_looks(0.0, 3, seed=4), ABSpec())
    plan, champion, canary = result.plan, result.champion, result.canary
    ratio = champion.thumbs / canary.thumbs
    binomial = required_sample_size(champion.thumbs_up_rate, 0.02, 0.0, 0.05, 0.8, ratio)
    assert plan.required_thumbs_canary == pytest.approx(binomial * plan.design_effect)
    assert plan.required_thumbs_champion == pytest.approx(binomial * ratio * plan.design_effect)
    assert plan.design_effect > 1  # several thumbs per user
    assert plan.information_fraction == pytest.approx(
        (1 / plan.required_thumbs_canary + 1 / plan.required_thumbs_champion)
        / (1 / canary.thumbs + 1 / champion.thumbs)
    )
    assert plan.eta_days == pytest.approx((1 - plan.information_fraction) / (plan.information_fraction / 3))


def test_reaching_the_planned_sample_is_the_final_look():
    looks = _looks(0.0, 6, seed=5, interactions_per_day=20000)
    results = [decide(looks[:count], ABSpec()) for count in range(1, 7)]
    reached = next(r for r in results if r.plan.information_fraction >= 1)
    assert reached.final and reached.decision in ("promote", "rollback")


def test_higher_escalation_rolls_back_and_blocks_a_promotion():
    """A canary far better on thumbs: 800 users over two days, each with 5 questions a day; a quarter of the
    champion's users escalate once a day (5% of interactions), ``share`` of the canary's users do."""
    users = 800
    index = numpy.arange(users)
    canary = index < 200
    interactions = numpy.full(users, 5)
    thumbs_up = numpy.random.default_rng(6).binomial(interactions, numpy.where(canary, 0.9, 0.6))

    def decision(share_percent: int):
        escalations = numpy.where(canary, index % 100 < share_percent, index % 4 == 0).astype(int)
        looks = looks_from_counts(
            ["d1", "d2"],
            user=numpy.concatenate([index, index]),
            day=numpy.repeat([0, 1], users),
            canary=numpy.concatenate([canary, canary]),
            thumbs=numpy.concatenate([interactions, interactions]),
            thumbs_up=numpy.concatenate([thumbs_up, thumbs_up]),
            interactions=numpy.concatenate([interactions, interactions]),
            escalations=numpy.concatenate([escalations, escalations]),
        )
        return decide(looks, ABSpec())

    assert decision(25).decision == "promote"  # the same escalation rate
    worse = decision(40)  # 8% of interactions
    assert worse.decision == "rollback" and "shown worse on its escalation rate" in worse.reasons[-1]
    # 6.4%: significantly higher, not yet past the rollback boundary: no promotion, the canary keeps serving.
    blocked = decision(32)
    assert blocked.thumbs_up_non_inferiority.statistic >= blocked.promotion_boundary
    assert blocked.escalation_worse.pvalue < 0.05 and blocked.escalation_worse.statistic < blocked.rollback_boundary
    assert blocked.decision == "wait" and "escalation significantly higher" in blocked.reasons[-1]


def test_too_few_thumbs_wait_and_say_which_arm_until_the_deadline():
    looks = _looks(0.0, 2, seed=7, interactions_per_day=300)
    result = decide(looks[:1], ABSpec(min_samples_per_arm=200))
    assert result.decision == "wait" and result.plan is None
    assert result.reasons == [f"canary arm has {result.canary.thumbs} thumbs, fewer than the 200 required"]
    final = decide(looks, ABSpec(min_samples_per_arm=5000, max_days=2))
    assert final.decision == "rollback" and "deadline of 2 days reached without evidence" in final.reasons[-1]


def test_the_sequential_design_holds_its_error_rate_under_daily_looks():
    """Canaries worse by exactly the margin, looked at every day for a week: the design promotes at most alpha
    of them, where testing each day at the nominal level would promote far more."""
    spec = ABSpec(max_days=7)
    rng = numpy.random.default_rng(20261130)
    traffic = Traffic(interactions_per_day=1500)
    days = [str(day) for day in range(7)]
    promoted = naive = 0
    runs = 300
    for _ in range(runs):
        looks = looks_from_counts(days, **simulate_experiment(rng, traffic, -spec.non_inferiority_margin, 7))
        decision, _, _ = online_outcome(looks, spec)
        promoted += decision == "promote"
        naive += any(decide(looks[:count], spec).thumbs_up_non_inferiority.pvalue < spec.alpha for count in range(1, 8))
    assert promoted / runs <= spec.alpha + 0.025  # 2 standard errors of 300 runs
    assert naive / runs >= 2 * spec.alpha


def test_compare_canary_reads_label_rows_clustered_by_user():
    def row(day, version, user, thumb, escalated=False):
        return {
            "date": day,
            "interaction_id": f"{day}-{user}-{thumb}",
            "user_id": user,
            "adapter_version": version,
            "thumb": thumb,
            "escalated": escalated,
        }

    rows = [row("2026-11-01", None, "old", "down")] * 500  # before the canary served: not counted
    for day in ("2026-11-02", "2026-11-03"):
        rows += [row(day, "v2", f"c{u}", "up" if u % 10 < 9 else "down") for u in range(150)]
        rows += [row(day, None, f"b{u}", "up" if u % 10 < 5 else None) for u in range(600)]
    result = compare_canary(rows, "adapter_version", None, "v2", ABSpec())
    assert result.days == ["2026-11-02", "2026-11-03"] and result.look == 2
    assert (result.canary.users, result.canary.thumbs, result.canary.thumbs_up) == (150, 300, 270)
    assert (result.champion.users, result.champion.thumbs, result.champion.thumbs_up_rate) == (600, 600, 1.0)
    assert result.champion.interactions == 1200 and result.canary_version == "v2" and result.champion_version is None
    with pytest.raises(ValueError, match="interaction '2026-11-02-None-up' has no user_id"):
        compare_canary([*rows, row("2026-11-02", "v2", None, "up")], "adapter_version", None, "v2", ABSpec())


def test_spec_validation():
    with pytest.raises(ValueError, match="alpha"):
        ABSpec(alpha=1.5)
    with pytest.raises(ValueError, match="non_inferiority_margin"):
        ABSpec(non_inferiority_margin=0.0)
    with pytest.raises(ValueError, match="max_days"):
        ABSpec(max_days=0)
    with pytest.raises(ValueError, match="expected_difference"):
        ABSpec(expected_difference=-0.03)


def test_an_unreachable_boundary_is_null_in_the_json_the_registry_stores():
    """An early O'Brien-Fleming look may spend nothing: its boundary is infinite, which JSON cannot hold (a slot
    world run's A/B step failed on it when the registry stored the decision)."""
    import json
    import math

    result = decide(_looks(0.0, 2, seed=6), ABSpec()).model_copy(update={"promotion_boundary": math.inf})

    stored = json.loads(json.dumps(result.model_dump(mode="json"), allow_nan=False))

    assert stored["promotion_boundary"] is None and stored["rollback_boundary"] == result.rollback_boundary
    assert result.model_dump()["promotion_boundary"] == math.inf  # the Python value stays what the statistics say
