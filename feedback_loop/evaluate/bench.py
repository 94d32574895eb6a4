"""Decision benchmark: how often each gate promotes a challenger whose true difference is planted.

`feedback-loop bench decisions` runs it. Both halves call the real decision code, many times over simulated data:

* online: :func:`~feedback_loop.evaluate.online.decide` at every daily look, until it promotes or rolls back.
  Simulated users come from a pool; each day a tenth of them are active and ask 1 + Poisson(3) questions, and
  give a thumb to 85% of the answers. Each user has a thumbs-up probability of their own, drawn from a Beta
  distribution around their arm's rate (intra-user correlation 0.1), and an escalation probability drawn the
  same way around 8% in both arms. A stable share of users (the canary share) sees the canary. The canary's
  true thumbs-up rate is the champion's plus the planted difference, so ``true_difference`` is exact on average
  over users.
* offline: :func:`~feedback_loop.evaluate.offline.compare` on eval sets of target groups (several prompts
  share one target text): per example, the champion's generated-response score and loss, and the challenger's
  with the planted score difference, a per-group shift (the same target is easy or hard for the new model) and
  per-example noise; the loss does not change on average.

``true_difference`` is in rate points (0.05 = 5 points is written 5.0), negative when the challenger is worse;
``p_promote`` is the share of replications that promoted (online) or passed the gate (offline).
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy

from feedback_loop.evaluate.offline import EvalSpec, compare
from feedback_loop.evaluate.online import ABSpec, decide, looks_from_counts

ONLINE_DIFFERENCES = (-10.0, -5.0, -2.0, -1.0, 0.0, 2.0, 5.0)
OFFLINE_DIFFERENCES = (-10.0, -5.0, -2.0, -1.0, 0.0, 2.0, 5.0, 10.0)


@dataclass(frozen=True)
class Traffic:
    """The simulated users of the online half."""

    interactions_per_day: int = 2000
    canary_share: float = 0.2
    champion_rate: float = 0.6
    escalation_rate: float = 0.08
    thumb_rate: float = 0.85
    questions_per_active_day: float = 4.0
    active_share: float = 0.1
    user_correlation: float = 0.1
    """Intra-user correlation of thumbs (and of escalations): 1 / (Beta concentration + 1)."""

    @property
    def users(self) -> int:
        return max(10, round(self.interactions_per_day / (self.active_share * self.questions_per_active_day)))


def simulate_experiment(rng: numpy.random.Generator, traffic: Traffic, difference: float, days: int):
    """Counts per (user, day) of one experiment of ``days`` days: the arguments of
    :func:`~feedback_loop.evaluate.online.looks_from_counts` after ``days``.
    """
    users = traffic.users
    concentration = 1 / traffic.user_correlation - 1
    canary = rng.random(users) < traffic.canary_share
    rate = numpy.where(canary, traffic.champion_rate + difference, traffic.champion_rate)
    if not ((rate > 0) & (rate < 1)).all():
        raise ValueError(f"champion rate {traffic.champion_rate} plus {difference} leaves (0, 1)")
    thumbs_up_p = rng.beta(concentration * rate, concentration * (1 - rate))
    escalation = traffic.escalation_rate
    escalation_p = rng.beta(concentration * escalation, concentration * (1 - escalation), size=users)
    active = rng.random((users, days)) < traffic.active_share
    user, day = numpy.nonzero(active)
    interactions = 1 + rng.poisson(traffic.questions_per_active_day - 1, size=user.size)
    thumbs = rng.binomial(interactions, traffic.thumb_rate)
    return {
        "user": user,
        "day": day,
        "canary": canary[user],
        "thumbs": thumbs,
        "thumbs_up": rng.binomial(thumbs, thumbs_up_p[user]),
        "interactions": interactions,
        "escalations": rng.binomial(interactions, escalation_p[user]),
    }


def online_outcome(looks, spec: ABSpec) -> tuple[str, int, float]:
    """Run the daily looks in order until a decision; (decision, look, information fraction at it)."""
    for count in range(1, len(looks) + 1):
        result = decide(looks[:count], spec)
        if result.decision != "wait":
            fraction = result.plan.information_fraction if result.plan else 0.0
            return result.decision, count, fraction
    return "wait", len(looks), 0.0


def powered_traffic(traffic: Traffic, spec: ABSpec, days: int, seed: int) -> Traffic:
    """``traffic`` with as many users as it takes to reach the planned sample in ``days`` days: measured on a
    pilot experiment of equal arms at the given traffic (its design effect and rates), then scaled."""
    rng = numpy.random.default_rng(seed)
    counts = simulate_experiment(rng, traffic, 0.0, days)
    looks = looks_from_counts([str(d) for d in range(days)], **counts)
    result = decide(looks, spec.model_copy(update={"max_days": days + 1}))
    if result.plan is None:
        raise ValueError(f"the pilot of {traffic} had too few thumbs to plan a sample size")
    scale = max(1.0, 1 / result.plan.information_fraction)
    return Traffic(**{**traffic.__dict__, "interactions_per_day": math.ceil(traffic.interactions_per_day * scale)})


def bench_online(
    spec: ABSpec, traffic: Traffic, differences: Sequence[float], replications: int, seed: int, regime: str
) -> list[dict]:
    """One row per planted difference: P(promote) over ``replications`` experiments of up to ``spec.max_days``."""
    rows = []
    for index, difference in enumerate(differences):
        rng = numpy.random.default_rng([seed, index])
        started = time.perf_counter()
        outcomes = []
        for _ in range(replications):
            counts = simulate_experiment(rng, traffic, difference / 100, spec.max_days)
            looks = looks_from_counts([str(day) for day in range(spec.max_days)], **counts)
            outcomes.append(online_outcome(looks, spec))
        decisions = [decision for decision, _, _ in outcomes]
        rows.append(
            {
                "gate": "online",
                "regime": regime,
                "true_difference": difference,
                "p_promote": decisions.count("promote") / replications,
                "p_rollback": decisions.count("rollback") / replications,
                "mean_days_to_decision": float(numpy.mean([look for _, look, _ in outcomes])),
                "replications": replications,
                "interactions_per_day": traffic.interactions_per_day,
                "canary_share": traffic.canary_share,
                "champion_rate": traffic.champion_rate,
                "non_inferiority_margin_points": 100 * spec.non_inferiority_margin,
                "expected_difference_points": 100 * spec.expected_difference,
                "alpha": spec.alpha,
                "max_days": spec.max_days,
                "seconds": time.perf_counter() - started,
            }
        )
    return rows


@dataclass(frozen=True)
class EvalSet:
    """The simulated eval sets of the offline half."""

    groups: int = 16
    examples_per_group: int = 8
    champion_score: float = 0.5
    group_sd: float = 0.04
    """Per-group shift of the challenger's score difference (the same target is easier or harder for it)."""
    example_sd: float = 0.08
    loss_sd: float = 0.05


def simulate_eval(rng: numpy.random.Generator, eval_set: EvalSet, difference: float) -> tuple[list[dict], list[dict]]:
    """Scored rows (challenger, champion) as ``score_examples`` returns them, with targets shared in groups."""
    n = eval_set.groups * eval_set.examples_per_group
    group = numpy.repeat(numpy.arange(eval_set.groups), eval_set.examples_per_group)
    # Not clipped to [0, 1], so that the planted difference is exact on average.
    champion_score = eval_set.champion_score + rng.normal(0, 0.2, eval_set.groups)[group] + rng.normal(0, 0.1, n)
    group_shift = rng.normal(0, eval_set.group_sd, eval_set.groups)[group]
    challenger_score = champion_score + difference + group_shift + rng.normal(0, eval_set.example_sd, n)
    champion_loss = 2 + rng.normal(0, 0.3, eval_set.groups)[group] + rng.normal(0, 0.2, n)
    challenger_loss = champion_loss + rng.normal(0, eval_set.loss_sd, n)

    def rows(scores, losses, generated):
        return [
            {
                "example_id": f"e{i}",
                "target": f"target {group[i]}",
                "loss": float(losses[i]),
                "score": float(scores[i]),
                "generated": generated[i],
                "offensive": False,
            }
            for i in range(n)
        ]

    return rows(challenger_score, challenger_loss, [f"new {i}" for i in range(n)]), rows(
        champion_score, champion_loss, [f"old {i}" for i in range(n)]
    )


def bench_offline(
    spec: EvalSpec, eval_set: EvalSet, differences: Sequence[float], replications: int, seed: int
) -> list[dict]:
    """One row per planted score difference: the share of replications whose gate passed."""
    rows = []
    for index, difference in enumerate(differences):
        rng = numpy.random.default_rng([seed, 1000 + index])
        started = time.perf_counter()
        passed = [compare(*simulate_eval(rng, eval_set, difference / 100), spec).passed for _ in range(replications)]
        rows.append(
            {
                "gate": "offline",
                "regime": "default",
                "true_difference": difference,
                "p_promote": sum(passed) / replications,
                "replications": replications,
                "examples": eval_set.groups * eval_set.examples_per_group,
                "target_groups": eval_set.groups,
                "primary_metric": spec.primary_metric,
                "margin": spec.margin(spec.primary_metric),
                "seconds": time.perf_counter() - started,
            }
        )
    return rows


def bench_decisions(
    *,
    online_replications: int = 400,
    offline_replications: int = 200,
    seed: int = 0,
    workers: int = 2,
    ab_spec: ABSpec | None = None,
) -> list[dict]:
    """Every row of the decision benchmark at the default settings (:class:`EvalSpec`, and :class:`ABSpec` unless
    ``ab_spec`` is given):

    * ``online``, ``regime`` ``default``: the demo's traffic (:class:`Traffic`), up to ``max_days`` of looks;
    * ``online``, ``regime`` ``powered``: as many users as it takes to reach the planned sample size in half of
      ``max_days`` (measured on a pilot), so the test ends at the sample size its power calculation asked for;
    * ``offline``: eval sets of 16 target groups of 8 examples with a planted score difference.

    Scenarios run in ``workers`` processes; each has its own seed, so the rows do not depend on ``workers``.
    """
    from concurrent.futures import ProcessPoolExecutor

    spec, traffic = ab_spec or ABSpec(), Traffic()
    powered = powered_traffic(traffic, spec, max(1, spec.max_days // 2), seed)
    tasks = [
        ("online", regime, regime_traffic, difference, online_replications, spec)
        for regime, regime_traffic in (("default", traffic), ("powered", powered))
        for difference in ONLINE_DIFFERENCES
    ] + [("offline", "default", None, difference, offline_replications, spec) for difference in OFFLINE_DIFFERENCES]
    with ProcessPoolExecutor(max_workers=max(1, workers)) as pool:
        rows = list(pool.map(_run_task, [(*task, seed) for task in tasks]))
    return rows


def _run_task(task: tuple) -> dict:
    gate, regime, traffic, difference, replications, spec, seed = task
    offset = ONLINE_DIFFERENCES.index(difference) if gate == "online" else OFFLINE_DIFFERENCES.index(difference)
    offset += {"online": 0, "offline": 100}[gate] + {"default": 0, "powered": 200}[regime]
    if gate == "online":
        [row] = bench_online(spec, traffic, [difference], replications, seed * 1000 + offset, regime)
    else:
        [row] = bench_offline(EvalSpec(), EvalSet(), [difference], replications, seed * 1000 + offset)
    return row
