"""Online A/B decision: canary against champion on live telemetry alone.

Each arm is the set of labeled interactions served with its version (an adapter version, or a system prompt
version: the label column that names the arm is a parameter) on the days on which the canary served. Two
rates are compared with a one-sided two-proportion z-test:

* thumbs-up rate (thumbs up / interactions that got a thumb): the canary is *worse* when it is significantly
  lower than the champion's minus ``non_inferiority_margin``;
* escalation rate (escalated / interactions): the canary is *worse* when it is significantly higher.

The decision is ``promote`` when neither rate is worse, ``rollback`` when one is, and ``wait`` while an arm has
fewer than ``min_samples_per_arm`` thumbs (no decision on thin evidence).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

BASE_ARM = "base"


@dataclass(frozen=True)
class ABSpec:
    min_samples_per_arm: int = 100
    alpha: float = 0.05
    non_inferiority_margin: float = 0.0

    def __post_init__(self) -> None:
        if self.min_samples_per_arm < 1:
            raise ValueError(f"ABSpec.min_samples_per_arm must be >= 1, got {self.min_samples_per_arm}")
        if not 0.0 < self.alpha < 1.0:
            raise ValueError(f"ABSpec.alpha must be within (0, 1), got {self.alpha}")
        if self.non_inferiority_margin < 0:
            raise ValueError(f"ABSpec.non_inferiority_margin must be >= 0, got {self.non_inferiority_margin}")


@dataclass(frozen=True)
class ArmStats:
    version: str | None
    interactions: int
    thumbs: int
    thumbs_up: int
    escalations: int

    @property
    def thumbs_up_rate(self) -> float:
        return self.thumbs_up / self.thumbs if self.thumbs else 0.0

    @property
    def escalation_rate(self) -> float:
        return self.escalations / self.interactions if self.interactions else 0.0


def arm_stats(rows: list[dict], version: str | None, key: str = "adapter_version") -> ArmStats:
    """Counts over the labeled interactions of ``rows`` whose ``key`` column is ``version`` (for adapters, None
    is the bare base model)."""
    mine = [row for row in rows if row[key] == version]
    return ArmStats(
        version=version,
        interactions=len(mine),
        thumbs=sum(row["thumb"] in ("up", "down") for row in mine),
        thumbs_up=sum(row["thumb"] == "up" for row in mine),
        escalations=sum(bool(row["escalated"]) for row in mine),
    )


def one_sided_p_lower(successes_a: int, n_a: int, successes_b: int, n_b: int, margin: float = 0.0) -> float:
    """P-value of H1: rate_a < rate_b - margin (pooled two-proportion z-test; normal approximation)."""
    if n_a == 0 or n_b == 0:
        raise ValueError(f"two-proportion test needs samples in both arms, got n_a={n_a}, n_b={n_b}")
    p_a, p_b = successes_a / n_a, successes_b / n_b
    pooled = (successes_a + successes_b) / (n_a + n_b)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    if se == 0:
        return 0.0 if p_a < p_b - margin else 1.0
    z = (p_a - (p_b - margin)) / se
    return 0.5 * math.erfc(-z / math.sqrt(2))  # standard normal CDF at z


def decide(champion: ArmStats, canary: ArmStats, spec: ABSpec) -> dict[str, Any]:
    """The decision (promote, rollback or wait) with the figures and the reasons in words."""
    figures = {
        "champion": {
            **asdict(champion),
            "thumbs_up_rate": champion.thumbs_up_rate,
            "escalation_rate": champion.escalation_rate,
        },
        "canary": {
            **asdict(canary),
            "thumbs_up_rate": canary.thumbs_up_rate,
            "escalation_rate": canary.escalation_rate,
        },
        "spec": asdict(spec),
    }
    short = [
        name for name, arm in (("champion", champion), ("canary", canary)) if arm.thumbs < spec.min_samples_per_arm
    ]
    if short:
        reasons = [
            f"{name} arm has {arm.thumbs} thumbs, fewer than the {spec.min_samples_per_arm} required"
            for name, arm in (("champion", champion), ("canary", canary))
            if name in short
        ]
        return {**figures, "decision": "wait", "reasons": reasons}
    p_thumbs = one_sided_p_lower(
        canary.thumbs_up, canary.thumbs, champion.thumbs_up, champion.thumbs, spec.non_inferiority_margin
    )
    # Higher escalation is worse: test the champion's rate being lower than the canary's.
    p_escalation = one_sided_p_lower(
        champion.escalations, champion.interactions, canary.escalations, canary.interactions
    )
    thumbs_worse = p_thumbs < spec.alpha
    escalation_worse = p_escalation < spec.alpha
    reasons = [
        f"thumbs-up rate canary {canary.thumbs_up_rate:.1%} vs champion {champion.thumbs_up_rate:.1%} "
        f"(p={p_thumbs:.4f} for canary worse): {'worse' if thumbs_worse else 'not worse'}",
        f"escalation rate canary {canary.escalation_rate:.1%} vs champion {champion.escalation_rate:.1%} "
        f"(p={p_escalation:.4f} for canary higher): {'worse' if escalation_worse else 'not worse'}",
    ]
    decision = "rollback" if thumbs_worse or escalation_worse else "promote"
    return {
        **figures,
        "p_thumbs_worse": p_thumbs,
        "p_escalation_worse": p_escalation,
        "thumbs_up_difference": canary.thumbs_up_rate - champion.thumbs_up_rate,
        "decision": decision,
        "reasons": reasons,
    }


def compare_canary(rows: list[dict], key: str, champion: str | None, canary: str, spec: ABSpec) -> dict[str, Any]:
    """:func:`decide` for ``canary`` against ``champion``, the arms named by the ``key`` column of label ``rows``
    (each also with ``date``, ``thumb`` and ``escalated``), on the days on which the canary served.

    Days without the canary would compare the champion with itself and let its other days count for or against
    the canary. The result adds ``key``, ``canary_version``, ``champion_version`` and ``days``.
    """
    days = sorted({row["date"] for row in rows if row[key] == canary})
    rows = [row for row in rows if row["date"] in days]
    result = decide(arm_stats(rows, champion, key), arm_stats(rows, canary, key), spec)
    result.update({"key": key, "canary_version": canary, "champion_version": champion, "days": days})
    return result
