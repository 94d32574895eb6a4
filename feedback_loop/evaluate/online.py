"""Online A/B decision: canary against champion on live telemetry, on evidence in both directions.

Each arm is the set of labeled interactions served with its version (an adapter version, or a system prompt
version: the label column that names the arm is a parameter) on the days on which the canary served. Users are
the unit randomised (a stable hash of the user id picks the arm), so every figure is clustered by user
(:mod:`feedback_loop.evaluate.stats`). Two rates are compared:

* the thumbs-up rate, thumbs up / interactions with a thumb (:data:`THUMBS_UP_RATE`, the same definition as
  ``kpi_daily``, the dashboard and the demo): promotion needs *non-inferiority*, H1: canary > champion - delta,
  shown at ``alpha``; the canary is *shown worse* when H1: canary < champion is shown at ``alpha``;
* the escalation rate, escalations / interactions: the canary is *shown worse* when H1: canary > champion is
  shown at ``alpha``; and a promotion also needs it not to be significantly higher at the nominal ``alpha``.

The test looks at the data once per day the canary served. Each look compares the z statistics with boundaries
that spend ``alpha`` over the looks (Lan-DeMets), against the information the planned sample gives: the sample
size per arm of a power calculation on delta, alpha and power, times the design effect. Promotion spends its
error rate O'Brien-Fleming style (overwhelming evidence early, nearly the fixed-sample test at the end); rollback
spends its error rate Pocock style, so that a clearly worse canary is stopped on its first days.
The decision is ``promote`` when non-inferiority is shown (and escalation is not higher), ``rollback`` when the
canary is shown worse or when the deadline (``max_days`` of canary traffic, or the planned sample reached) passes
without evidence, and ``wait`` in between. An inconclusive canary is never promoted.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy
from pydantic import BaseModel, Field, field_serializer, model_validator

from feedback_loop.evaluate.stats import (
    ClusteredRate,
    ProportionTest,
    Spending,
    clustered_rate,
    compare_rates,
    distinct_looks,
    required_sample_size,
    sequential_boundaries,
)
from feedback_loop.stage_config import StageConfig

THUMBS_UP_RATE = "thumbs up / interactions with a thumb"
# Information fractions closer than this are the same look.
_NO_INFORMATION = 1e-6
ESCALATION_RATE = "escalations / interactions"


class ABSpec(StageConfig):
    """How the online A/B test decides; every default is written here once."""

    alpha: float = Field(0.05, gt=0, lt=0.5)
    """One-sided error rate over all daily looks together: the chance of promoting a canary whose thumbs-up rate
    is lower than the champion's by the margin or more, and of rolling back one that is not worse."""
    non_inferiority_margin: float = Field(0.02, gt=0, lt=1)
    """delta: how much lower the canary's thumbs-up rate may truly be (0.02 = 2 rate points) and still count as
    not worse. A larger margin makes promotion *harder* to refuse, so keep it small."""
    power: float = Field(0.8, gt=0, lt=1)
    """Chance of showing non-inferiority at the planned sample size when the true difference is
    `expected_difference`."""
    expected_difference: float = Field(0.0, gt=-1, lt=1)
    """Canary minus champion thumbs-up rate that the power calculation assumes (0: as good as the champion)."""
    min_samples_per_arm: int = Field(100, ge=1)
    """Thumbs each arm needs before any decision; below it the normal approximation is not trusted."""
    max_days: int = Field(14, ge=1)
    """Deadline: after this many days of canary traffic, a canary not shown non-inferior is rolled back."""

    @model_validator(mode="after")
    def _powered_for_something(self) -> ABSpec:
        if self.non_inferiority_margin + self.expected_difference <= 0:
            raise ValueError(
                f"expected_difference ({self.expected_difference}) must lie above minus the non_inferiority_margin "
                f"({self.non_inferiority_margin}): no sample gives power against a canary worse than the margin"
            )
        return self


class ArmSummary(BaseModel):
    """One arm's figures at the latest look, clustered by user."""

    version: str | None
    users: int
    interactions: int
    thumbs: int
    thumbs_up: int
    thumbs_up_rate: float
    """Thumbs up / interactions with a thumb (0 without thumbs)."""
    escalations: int
    escalation_rate: float
    """Escalations / interactions (0 without interactions)."""
    thumbs_design_effect: float
    escalation_design_effect: float


class OneSidedTest(BaseModel):
    """One one-sided test at the latest look: canary minus champion against ``value``."""

    difference: float
    value: float
    alternative: Literal["larger", "smaller"]
    statistic: float
    pvalue: float
    """Nominal one-sided p-value of this look alone; the decision compares ``statistic`` with the boundary."""


class SamplePlan(BaseModel):
    """What the power calculation asks for, and how far the test has come."""

    required_thumbs_canary: float
    """Thumbs the canary arm needs: NormalIndPower's sample size times ``design_effect``."""
    required_thumbs_champion: float
    design_effect: float
    """Variance of the rate difference over its variance were thumbs independent (at least 1)."""
    information_fraction: float
    """Share of the planned information reached (1: the planned sample)."""
    eta_days: float | None
    """Days of canary traffic still needed at the information gained per day so far (None once reached)."""
    days_left: int
    """Days of canary traffic before the deadline (``max_days``)."""


class ABDecision(BaseModel):
    """The online A/B decision, its evidence and its reasons in words."""

    decision: Literal["promote", "rollback", "wait"]
    reasons: list[str]
    key: str
    champion_version: str | None
    canary_version: str | None
    days: list[str]
    """The days the canary served (one look each)."""
    champion: ArmSummary
    canary: ArmSummary
    look: int
    """The number of this look (the days of canary traffic)."""
    final: bool
    """This look spent all that was left of alpha: the deadline or the planned sample was reached."""
    promotion_boundary: float | None
    """The z boundary non-inferiority must reach at this look (O'Brien-Fleming spending; None while too few
    thumbs to test; ``inf``, null in JSON, while this look may spend nothing: early looks of O'Brien-Fleming)."""
    rollback_boundary: float | None
    """The z boundary a 'shown worse' test must reach at this look (Pocock spending; ``inf`` as above)."""
    thumbs_up_non_inferiority: OneSidedTest | None
    thumbs_up_worse: OneSidedTest | None
    escalation_worse: OneSidedTest | None
    plan: SamplePlan | None
    spec: ABSpec

    @field_serializer("promotion_boundary", "rollback_boundary", when_used="json")
    def _infinite_as_null(self, boundary: float | None) -> float | None:
        # JSON has no infinity, and the registry stores the decision as JSON: an unreachable boundary is null.
        return boundary if boundary is not None and math.isfinite(boundary) else None


@dataclass(frozen=True)
class ArmData:
    """One arm's data up to a look, by user: thumbs up per thumb, escalations per interaction."""

    thumbs_up: ClusteredRate
    escalations: ClusteredRate


@dataclass(frozen=True)
class Look:
    """Both arms' cumulative data at the end of one day of canary traffic."""

    day: str
    champion: ArmData
    canary: ArmData


def looks_from_counts(
    days: Sequence[str],
    user: numpy.ndarray,
    day: numpy.ndarray,
    canary: numpy.ndarray,
    thumbs: numpy.ndarray,
    thumbs_up: numpy.ndarray,
    interactions: numpy.ndarray,
    escalations: numpy.ndarray,
) -> list[Look]:
    """One :class:`Look` per day of ``days``, from counts per row (a row: one interaction, or a user's day).

    ``user`` holds integer user codes (0..U-1), ``day`` indices into ``days``, ``canary`` whether the row belongs
    to the canary arm; the rest are counts. A user's counts add up over the days up to each look.
    """
    user, day = numpy.asarray(user, dtype=numpy.int64), numpy.asarray(day, dtype=numpy.int64)
    canary = numpy.asarray(canary, dtype=bool)
    counts = [numpy.asarray(values, dtype=float) for values in (thumbs, thumbs_up, interactions, escalations)]
    n_days, n_users = len(days), int(user.max()) + 1 if user.size else 0
    cumulative = {}
    for arm in (False, True):
        mask = canary == arm
        cells = user[mask] * n_days + day[mask]
        cumulative[arm] = [
            numpy.bincount(cells, weights=values[mask], minlength=n_users * n_days)
            .reshape(n_users, n_days)
            .cumsum(axis=1)
            for values in counts
        ]
    looks = []
    for index, name in enumerate(days):
        arms = {
            arm: ArmData(
                thumbs_up=clustered_rate(up[:, index], th[:, index]),
                escalations=clustered_rate(esc[:, index], inter[:, index]),
            )
            for arm, (th, up, inter, esc) in cumulative.items()
        }
        looks.append(Look(name, arms[False], arms[True]))
    return looks


def compare_canary(rows: list[dict], key: str, champion: str | None, canary: str, spec: ABSpec) -> ABDecision:
    """:func:`decide` for ``canary`` against ``champion``, the arms named by the ``key`` column of label ``rows``
    (each also with ``date``, ``interaction_id``, ``user_id``, ``thumb`` and ``escalated``), with one look per
    day on which the canary served.

    Days without the canary would compare the champion with itself and let its other days count for or against
    the canary. For adapters, ``champion`` None is the bare base model, whose rows have no adapter version.
    """
    days = sorted({row["date"] for row in rows if row[key] == canary})
    day_index = {name: index for index, name in enumerate(days)}
    mine = [row for row in rows if row["date"] in day_index and row[key] in (champion, canary)]
    users: dict[str, int] = {}
    for row in mine:
        if not row.get("user_id"):
            raise ValueError(f"labels: interaction {row.get('interaction_id')!r} has no user_id to cluster on")
        users.setdefault(row["user_id"], len(users))
    looks = looks_from_counts(
        days,
        user=numpy.array([users[row["user_id"]] for row in mine], dtype=numpy.int64),
        day=numpy.array([day_index[row["date"]] for row in mine], dtype=numpy.int64),
        canary=numpy.array([row[key] == canary for row in mine], dtype=bool),
        thumbs=numpy.array([row["thumb"] in ("up", "down") for row in mine], dtype=float),
        thumbs_up=numpy.array([row["thumb"] == "up" for row in mine], dtype=float),
        interactions=numpy.ones(len(mine)),
        escalations=numpy.array([bool(row["escalated"]) for row in mine], dtype=float),
    )
    return decide(looks, spec, champion_version=champion, canary_version=canary, key=key)


def decide(
    looks: Sequence[Look],
    spec: ABSpec,
    *,
    champion_version: str | None = None,
    canary_version: str | None = None,
    key: str = "adapter_version",
) -> ABDecision:
    """The decision at the latest of ``looks`` (one per day of canary traffic, oldest first), with its evidence.

    Earlier looks count only through their information fractions, which set this look's boundary: a canary
    that crossed a boundary on an earlier day would have been decided then.
    """
    if not looks:
        raise ValueError("decide needs at least one look (a day on which the canary served)")
    current = looks[-1]
    days = [look.day for look in looks]
    common = {
        "key": key,
        "champion_version": champion_version,
        "canary_version": canary_version,
        "days": days,
        "champion": _summary(champion_version, current.champion),
        "canary": _summary(canary_version, current.canary),
        "look": len(looks),
        "spec": spec,
    }
    deadline = len(looks) >= spec.max_days
    short = [
        f"{name} arm has {arm.thumbs_up.trials} thumbs, fewer than the {spec.min_samples_per_arm} required"
        for name, arm in (("champion", current.champion), ("canary", current.canary))
        if arm.thumbs_up.trials < spec.min_samples_per_arm
    ]
    if short:
        if deadline:
            reasons = [*short, f"deadline of {spec.max_days} days reached without evidence: rolled back"]
            return ABDecision(decision="rollback", reasons=reasons, final=True, **_no_test(), **common)
        return ABDecision(decision="wait", reasons=short, final=False, **_no_test(), **common)

    plan, fractions = _plan(looks, spec)
    final = deadline or fractions[-1] >= 1
    promotion = _boundary(fractions, final, spec.alpha, "obrien_fleming")
    rollback = _boundary(fractions, final, spec.alpha, "pocock")
    champion, canary = current.champion, current.canary
    non_inferiority = compare_rates(
        canary.thumbs_up, champion.thumbs_up, value=-spec.non_inferiority_margin, alternative="larger"
    )
    thumbs_worse = compare_rates(canary.thumbs_up, champion.thumbs_up, value=0.0, alternative="smaller")
    escalation_worse = compare_rates(canary.escalations, champion.escalations, value=0.0, alternative="larger")

    shown_non_inferior = non_inferiority.statistic >= promotion
    shown_worse = -thumbs_worse.statistic >= rollback
    escalation_shown_worse = escalation_worse.statistic >= rollback
    escalation_higher = escalation_worse.pvalue < spec.alpha
    reasons = [
        _thumbs_reason(canary.thumbs_up, champion.thumbs_up, non_inferiority, thumbs_worse, promotion, rollback, spec),
        _escalation_reason(canary.escalations, champion.escalations, escalation_worse, rollback, spec),
        _plan_reason(plan, len(looks), final, spec),
    ]
    if shown_worse or escalation_shown_worse:
        what = "thumbs-up rate" if shown_worse else "escalation rate"
        decision, verdict = "rollback", f"the canary is shown worse on its {what}: rolled back"
    elif shown_non_inferior and not escalation_higher:
        decision, verdict = "promote", "non-inferiority shown and escalation not higher: promoted"
    elif final:
        why = "escalation significantly higher" if shown_non_inferior else "non-inferiority not shown"
        decision, verdict = "rollback", f"{why} by the final look: rolled back (an inconclusive canary never wins)"
    else:
        why = "escalation significantly higher" if shown_non_inferior else "no evidence yet either way"
        decision, verdict = "wait", f"{why}: the canary keeps serving"
    return ABDecision(
        decision=decision,
        reasons=[*reasons, verdict],
        final=final,
        promotion_boundary=promotion,
        rollback_boundary=rollback,
        thumbs_up_non_inferiority=_test(non_inferiority),
        thumbs_up_worse=_test(thumbs_worse),
        escalation_worse=_test(escalation_worse),
        plan=plan,
        **common,
    )


def _plan(looks: Sequence[Look], spec: ABSpec) -> tuple[SamplePlan, list[float]]:
    """The planned thumbs per arm at the latest look's rates, ratio and design effect, and the information
    fraction of every look against it (the latest estimates stand for every look, so fractions never decrease).
    """
    current = looks[-1]
    champion, canary = current.champion.thumbs_up, current.canary.thumbs_up
    ratio = champion.trials / canary.trials
    design_effect = _design_effect(champion, canary)
    independent_thumbs = required_sample_size(
        champion.rate, spec.non_inferiority_margin, spec.expected_difference, spec.alpha, spec.power, ratio
    )
    required_canary = independent_thumbs * design_effect
    required_champion = independent_thumbs * ratio * design_effect
    planned = 1 / required_canary + 1 / required_champion
    fractions = [
        planned / (1 / look.canary.thumbs_up.trials + 1 / look.champion.thumbs_up.trials)
        if look.canary.thumbs_up.trials and look.champion.thumbs_up.trials
        else 0.0
        for look in looks
    ]
    reached = fractions[-1]
    # The information still missing over the information gained per day so far.
    eta = (1 - reached) * len(looks) / reached if 0 < reached < 1 else None
    plan = SamplePlan(
        required_thumbs_canary=required_canary,
        required_thumbs_champion=required_champion,
        design_effect=design_effect,
        information_fraction=reached,
        eta_days=eta,
        days_left=max(0, spec.max_days - len(looks)),
    )
    return plan, fractions


def _design_effect(champion: ClusteredRate, canary: ClusteredRate) -> float:
    """The design effect of the rate difference: clustered over binomial variance of the two arms together."""
    binomial = [arm.rate * (1 - arm.rate) / arm.trials for arm in (champion, canary)]
    if sum(binomial) == 0:
        return max(champion.design_effect, canary.design_effect)
    return (champion.design_effect * binomial[0] + canary.design_effect * binomial[1]) / sum(binomial)


def _boundary(fractions: list[float], final: bool, alpha: float, spending: Spending) -> float:
    """The boundary of the latest look after the distinct earlier looks short of the planned information.

    ``fractions`` are the looks' information over the planned information. The final look spends what is left
    (spending fraction 1) at the information it really has, more or less than planned.
    """
    latest = fractions[-1]
    if latest <= _NO_INFORMATION:
        return math.inf
    earlier = [fractions[i] for i in distinct_looks(fractions[:-1]) if fractions[i] < 1]
    if earlier and latest - earlier[-1] <= _NO_INFORMATION:
        if not final:
            # No information since the last look: the same data against the same boundary spends nothing new.
            return sequential_boundaries(earlier, alpha, spending)[-1]
        earlier = earlier[:-1]  # that look is the final one
    spending_fractions = [*earlier, 1.0 if final else latest]
    return sequential_boundaries(spending_fractions, alpha, spending, information=[*earlier, latest])[-1]


def _summary(version: str | None, arm: ArmData) -> ArmSummary:
    return ArmSummary(
        version=version,
        users=max(arm.thumbs_up.users, arm.escalations.users),
        interactions=arm.escalations.trials,
        thumbs=arm.thumbs_up.trials,
        thumbs_up=arm.thumbs_up.successes,
        thumbs_up_rate=arm.thumbs_up.rate,
        escalations=arm.escalations.successes,
        escalation_rate=arm.escalations.rate,
        thumbs_design_effect=arm.thumbs_up.design_effect,
        escalation_design_effect=arm.escalations.design_effect,
    )


def _no_test() -> dict:
    return {
        "promotion_boundary": None,
        "rollback_boundary": None,
        "thumbs_up_non_inferiority": None,
        "thumbs_up_worse": None,
        "escalation_worse": None,
        "plan": None,
    }


def _test(test: ProportionTest) -> OneSidedTest:
    return OneSidedTest(
        difference=test.difference,
        value=test.value,
        alternative=test.alternative,
        statistic=test.statistic,
        pvalue=test.pvalue,
    )


def _thumbs_reason(
    canary: ClusteredRate,
    champion: ClusteredRate,
    non_inferiority: ProportionTest,
    worse: ProportionTest,
    promotion: float,
    rollback: float,
    spec: ABSpec,
) -> str:
    return (
        f"thumbs-up rate ({THUMBS_UP_RATE}) canary {canary.rate:.1%} ({canary.trials} thumbs, {canary.users} users) "
        f"vs champion {champion.rate:.1%} ({champion.trials} thumbs, {champion.users} users), difference "
        f"{100 * non_inferiority.difference:+.1f} points; non-inferiority at a margin of "
        f"{100 * spec.non_inferiority_margin:.1f} points z={non_inferiority.statistic:.2f} (promotion boundary "
        f"{promotion:.2f}), worse z={-worse.statistic:.2f} (rollback boundary {rollback:.2f})"
    )


def _escalation_reason(
    canary: ClusteredRate, champion: ClusteredRate, worse: ProportionTest, rollback: float, spec: ABSpec
) -> str:
    return (
        f"escalation rate ({ESCALATION_RATE}) canary {canary.rate:.1%} vs champion {champion.rate:.1%}: higher "
        f"z={worse.statistic:.2f} (rollback boundary {rollback:.2f}; nominal p={worse.pvalue:.3f}, a promotion "
        f"needs p >= {spec.alpha})"
    )


def _plan_reason(plan: SamplePlan, look: int, final: bool, spec: ABSpec) -> str:
    progress = (
        f"look {look} of at most {spec.max_days} days; planned {plan.required_thumbs_canary:,.0f} canary and "
        f"{plan.required_thumbs_champion:,.0f} champion thumbs (power {spec.power:.0%} at a true difference of "
        f"{100 * spec.expected_difference:+.1f} points, design effect {plan.design_effect:.2f}), "
        f"{min(plan.information_fraction, 1):.0%} reached"
    )
    if final:
        return f"{progress}; final look"
    if plan.eta_days is None:
        return f"{progress}; no information yet"
    late = " (after the deadline: at this traffic the test is underpowered)" if plan.eta_days > plan.days_left else ""
    return f"{progress}; about {plan.eta_days:.1f} more days at the current traffic{late}"
