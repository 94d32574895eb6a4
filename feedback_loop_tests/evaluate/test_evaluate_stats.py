"""The statistics under both gates, checked against published values and other libraries' answers."""

from __future__ import annotations

import math

import numpy
import pytest

from feedback_loop.evaluate.stats import (
    ClusteredRate,
    clustered_rate,
    compare_rates,
    distinct_looks,
    group_bootstrap,
    required_sample_size,
    sequential_boundaries,
    spent,
)


def test_boundaries_match_gsdesign_for_five_equally_spaced_looks():
    # gsDesign::gsDesign(k=5, test.type=1, alpha=0.025, sfu=sfLDOF)$upper$bound
    published = [4.8769, 3.3569, 2.6803, 2.2898, 2.0310]
    assert sequential_boundaries([0.2, 0.4, 0.6, 0.8, 1.0], 0.025) == pytest.approx(published, abs=2e-4)

    # A single look at full information is the fixed-sample test.
    assert sequential_boundaries([1.0], 0.05) == pytest.approx([1.6449], abs=1e-4)


def test_boundaries_spend_exactly_alpha_by_scipys_multivariate_normal():
    from scipy.stats import multivariate_normal

    fractions = [0.15, 0.4, 0.55, 1.0]
    bounds = sequential_boundaries(fractions, 0.05)
    t = numpy.array(fractions)
    correlation = numpy.sqrt(numpy.minimum.outer(t, t) / numpy.maximum.outer(t, t))
    crossed = 1 - multivariate_normal(numpy.zeros(4), correlation).cdf(numpy.array(bounds))
    assert crossed == pytest.approx(0.05, abs=2e-4)
    # The error spent by each look follows the O'Brien-Fleming-type spending function.
    first = 1 - multivariate_normal(numpy.zeros(1), [[1.0]]).cdf(numpy.array(bounds[:1]))
    assert first == pytest.approx(spent(0.15, 0.05), rel=1e-3)
    assert spent(1.0, 0.05) == pytest.approx(0.05) == pytest.approx(spent(1.0, 0.05, "pocock"))
    # Pocock-type spending spends early: its first boundary is far lower, and it too spends exactly alpha.
    pocock = sequential_boundaries(fractions, 0.05, "pocock")
    assert pocock[0] < bounds[0] - 1 and pocock[-1] > bounds[-1]
    crossed = 1 - multivariate_normal(numpy.zeros(4), correlation).cdf(numpy.array(pocock))
    assert crossed == pytest.approx(0.05, abs=2e-4)
    # The second look spends what the spending function allows between the first and the second.
    for spending, (c1, c2) in (("obrien_fleming", bounds[:2]), ("pocock", pocock[:2])):
        both = multivariate_normal(numpy.zeros(2), correlation[:2, :2]).cdf(numpy.array([c1, c2]))
        second = multivariate_normal(numpy.zeros(1), [[1.0]]).cdf(numpy.array([c1])) - both
        assert second == pytest.approx(spent(0.4, 0.05, spending) - spent(0.15, 0.05, spending), abs=1e-4)


def test_a_final_look_past_the_plan_spends_what_is_left_at_its_real_information():
    from scipy.stats import multivariate_normal

    # Planned fractions 0.3 and 0.6, then the final look with 1.3 times the planned information.
    information = numpy.array([0.3, 0.6, 1.3])
    bounds = sequential_boundaries([0.3, 0.6, 1.0], 0.05, information=information)
    assert bounds[:2] == sequential_boundaries([0.3, 0.6], 0.05)
    correlation = numpy.sqrt(
        numpy.minimum.outer(information, information) / numpy.maximum.outer(information, information)
    )
    crossed = 1 - multivariate_normal(numpy.zeros(3), correlation).cdf(numpy.array(bounds))
    assert crossed == pytest.approx(0.05, abs=2e-4)
    # Treating the overrun as the plan would assume the looks more alike than they are, and spend too much.
    assumed = sequential_boundaries([0.3, 0.6, 1.0], 0.05)
    assert assumed[-1] < bounds[-1]
    with pytest.raises(ValueError, match="information must be positive and increase"):
        sequential_boundaries([0.3, 1.0], 0.05, information=[0.3, 0.2])


def test_a_look_too_early_to_spend_anything_has_no_boundary():
    bounds = sequential_boundaries([1e-4, 0.5, 1.0], 0.05)
    assert bounds[0] == math.inf and bounds[1:] == pytest.approx(sequential_boundaries([0.5, 1.0], 0.05))
    with pytest.raises(ValueError, match="must increase"):
        sequential_boundaries([0.5, 0.5], 0.05)
    assert distinct_looks([0.0, 0.1, 0.1, 0.3]) == [1, 3]


def test_required_sample_size_is_statsmodels_normal_ind_power():
    from statsmodels.stats.power import NormalIndPower

    # The figure: a 5-point drop at a 60% rate, 80% power, one-sided alpha 0.05: about 1,190 per arm.
    assert required_sample_size(0.6, 0.05, 0.0, 0.05, 0.8, 1.0) == pytest.approx(1187, abs=1)
    for rate, margin, expected, alpha, power, ratio in [
        (0.45, 0.02, 0.0, 0.05, 0.8, 4.0),
        (0.9, 0.03, 0.01, 0.1, 0.9, 2.5),
    ]:
        effect = (margin + expected) / math.sqrt(rate * (1 - rate))
        direct = NormalIndPower().solve_power(
            effect_size=effect, alpha=alpha, power=power, ratio=ratio, alternative="larger"
        )
        assert required_sample_size(rate, margin, expected, alpha, power, ratio) == pytest.approx(direct, rel=1e-6)
    with pytest.raises(ValueError, match="margin \\+ expected_difference > 0"):
        required_sample_size(0.5, 0.02, -0.02, 0.05, 0.8, 1.0)


def test_the_design_effect_is_the_cluster_robust_variance_of_statsmodels():
    import statsmodels.api as sm

    rng = numpy.random.default_rng(5)
    users = 300
    p_user = rng.beta(2, 2, users)
    trials = rng.integers(1, 12, users)
    successes = rng.binomial(trials, p_user)
    rate = clustered_rate(successes, trials)
    # The same rate as the mean of one row per trial, with statsmodels' cluster-robust standard error.
    y = numpy.concatenate([[1.0] * s + [0.0] * (n - s) for s, n in zip(successes, trials, strict=True)])
    groups = numpy.repeat(numpy.arange(users), trials)
    # Its small-sample correction G / (G - 1) (N - 1) / (N - K) is m / (m - 1) with one parameter.
    fit = sm.OLS(y, numpy.ones_like(y)).fit(cov_type="cluster", cov_kwds={"groups": groups})
    binomial = rate.rate * (1 - rate.rate) / rate.trials
    assert rate.rate == pytest.approx(fit.params[0])
    assert rate.design_effect == pytest.approx(fit.bse[0] ** 2 / binomial, rel=1e-9)
    assert rate.design_effect > 1.5  # users differ, so their thumbs are correlated
    assert rate.effective_trials == pytest.approx(rate.trials / rate.design_effect)


def test_independent_trials_have_no_design_effect_and_edge_cases_are_defined():
    rng = numpy.random.default_rng(0)
    independent = clustered_rate(rng.binomial(1, 0.3, 4000), numpy.ones(4000))
    assert 1.0 <= independent.design_effect < 1.1
    assert clustered_rate([3], [10]).design_effect == 10  # one user: one effective trial
    assert clustered_rate([0, 0], [0, 0]) == ClusteredRate(0, 0, 0, 1.0)
    assert clustered_rate([5, 5], [5, 5]).design_effect == 1.0  # all successes: no variance either way


def test_compare_rates_without_spread_for_the_score_test_is_no_evidence_not_a_nan():
    # A canary of one heavy user (one effective trial) and a champion both at 0% against a margin: statsmodels
    # gives NaN, which once failed online_ab_test when it stored the evidence.
    test = compare_rates(
        ClusteredRate(0, 150, 1, 150.0), ClusteredRate(0, 600, 200, 1.0), value=-0.02, alternative="larger"
    )
    assert (test.statistic, test.pvalue) == (0.0, 1.0)


def test_compare_rates_is_statsmodels_score_test_on_effective_counts():
    from statsmodels.stats.proportion import test_proportions_2indep

    canary, champion = ClusteredRate(300, 400, 80, 2.0), ClusteredRate(1000, 1600, 320, 1.5)
    test = compare_rates(canary, champion, value=-0.02, alternative="larger")
    direct = test_proportions_2indep(
        150, 200, 1000 / 1.5, 1600 / 1.5, value=-0.02, method="score", alternative="larger"
    )
    assert (test.statistic, test.pvalue) == pytest.approx((direct.statistic, direct.pvalue))
    assert test.difference == pytest.approx(0.75 - 0.625)
    # A larger design effect means less evidence for the same rates.
    assert (
        compare_rates(ClusteredRate(300, 400, 80, 4.0), champion, value=-0.02, alternative="larger").pvalue
        > test.pvalue
    )
    nothing = compare_rates(
        ClusteredRate(0, 50, 50, 1.0), ClusteredRate(0, 80, 80, 1.0), value=0.0, alternative="larger"
    )
    assert (nothing.statistic, nothing.pvalue) == (0.0, 0.5)


def test_group_bootstrap_resamples_groups_and_widens_the_interval_for_shared_targets():
    rng = numpy.random.default_rng(2)
    groups = numpy.repeat(numpy.arange(16), 8)
    values = 0.05 + rng.normal(0, 0.1, 16)[groups] + rng.normal(0, 0.05, groups.size)
    by_group = group_bootstrap(values, list(groups), confidence=0.95, n_resamples=2000, seed=0)
    by_example = group_bootstrap(values, list(range(values.size)), confidence=0.95, n_resamples=2000, seed=0)
    assert by_group.mean == pytest.approx(values.mean()) == pytest.approx(by_example.mean)
    assert by_group.low < by_group.mean < by_group.high
    assert (by_group.high - by_group.low) > 2 * (by_example.high - by_example.low)
    assert group_bootstrap(values, list(groups), confidence=0.95, n_resamples=2000, seed=0) == by_group


def test_group_bootstrap_covers_the_true_mean_at_its_confidence():
    rng = numpy.random.default_rng(11)
    groups = list(numpy.repeat(numpy.arange(20), 5))
    covered = []
    for trial in range(200):
        values = 0.3 + rng.normal(0, 0.2, 20)[groups] + rng.normal(0, 0.1, 100)
        interval = group_bootstrap(values, groups, confidence=0.9, n_resamples=500, seed=trial)
        covered.append(interval.low < 0.3 < interval.high)
    assert 0.82 <= sum(covered) / len(covered) <= 0.96


@pytest.mark.parametrize("group_count", [2, 3, 4, 6])
def test_group_bootstrap_with_few_groups_keeps_its_one_sided_error_near_nominal(group_count):
    # The BCa interval alone gave a lower bound above the true mean 6-23% of the time here (2.5% claimed).
    rng = numpy.random.default_rng(group_count)
    groups = list(numpy.repeat(numpy.arange(group_count), 8))
    trials, above = 300, 0
    for trial in range(trials):
        values = rng.normal(0, 0.04, group_count)[groups] + rng.normal(0, 0.08, len(groups))
        above += group_bootstrap(values, groups, confidence=0.95, n_resamples=300, seed=trial).low > 0
    assert above / trials <= 0.05


def test_group_bootstrap_of_two_groups_is_as_wide_as_two_groups_allow():
    interval = group_bootstrap(
        [0.05, 0.07, 0.20, 0.22], ["a", "a", "b", "b"], confidence=0.95, n_resamples=2000, seed=0
    )
    assert interval.low < -0.5 and interval.high > 0.8  # t with 1 degree of freedom over the two group means


def test_group_bootstrap_of_constant_differences_is_a_point_and_bad_input_is_refused():
    assert group_bootstrap([0.25] * 30, list(range(30)), confidence=0.95, n_resamples=100, seed=0).low == 0.25
    with pytest.raises(ValueError, match="at least two groups"):
        group_bootstrap([0.1, 0.2], ["a", "a"], confidence=0.95, n_resamples=100, seed=0)
    with pytest.raises(ValueError, match="index 1 is nan"):
        group_bootstrap([0.1, float("nan")], ["a", "b"], confidence=0.95, n_resamples=100, seed=0)
