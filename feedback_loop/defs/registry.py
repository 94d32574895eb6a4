"""Rollout: after the offline gate, the challenger becomes a canary (or the champion straight away)."""

from typing import Literal

import dagster as dg

from feedback_loop.defs.resources import AdapterRegistry, PromotionPolicy
from feedback_loop.registry.policy import promote_or_wait


class ChampionAdapterConfig(dg.Config):
    rollout: Literal["canary", "immediate"] = "canary"
    """'canary': serve `canary_share` of users and let `online_ab_test` decide; 'immediate': promote now."""
    canary_share: float = 0.2
    """Share of users the canary serves while the online A/B test runs."""


@dg.asset(group_name="evaluation", kinds={"sqlite"})
def champion_adapter(
    context: dg.AssetExecutionContext,
    config: ChampionAdapterConfig,
    registry: AdapterRegistry,
    promotion_policy: PromotionPolicy,
    lora_adapter: dict,
    adapter_evaluation: dict,
) -> dg.Output[dict]:
    """The rollout of a challenger that passed the offline gate, recorded in the registry.

    Runs only when the blocking `offline_gate` check on `adapter_evaluation` passed. By default the challenger
    becomes the `canary` (a canary still waiting for its verdict is superseded) and `online_ab_test` later
    promotes it or rolls it back; with `rollout: immediate` the champion pointer moves now, in one transaction,
    and the previous champion is retired, unless the promotion policy requires a human approval: then the
    challenger waits, and the metadata says which command approves it. Every transition lands in the audit log.
    """
    store = registry.open()
    version = lora_adapter["version"]
    if not adapter_evaluation["gate"]["passed"]:
        raise RuntimeError(f"refusing to roll out {version}: its offline gate did not pass")
    gate_reasons = "; ".join(adapter_evaluation["gate"]["reasons"])
    status = store.get(version).status
    promotion = None
    if status in ("champion", "canary"):
        context.log.info(f"{version} is already {status}; nothing to do")
    elif config.rollout == "immediate":
        outcome = promote_or_wait(
            store,
            version,
            require_approval=promotion_policy.require_approval,
            actor="champion_adapter",
            reason=f"passed the offline gate: {gate_reasons}",
        )
        promotion = outcome.message
        if outcome.status == "awaiting_approval":
            context.log.warning(outcome.message)
    else:
        previous = store.canary()
        if previous is not None:
            store.set_status(
                previous.version, "rejected", actor="champion_adapter", reason=f"canary superseded by {version}"
            )
        store.add_metrics(version, {"canary": {"share": config.canary_share}}, actor="champion_adapter")
        store.set_status(
            version,
            "canary",
            actor="champion_adapter",
            reason=f"canary for {config.canary_share:.0%} of users: {gate_reasons}",
        )
    champion = store.champion()
    canary = store.canary()
    manifest = {
        "version": version,
        "status": store.get(version).status,
        "champion": champion.version if champion else None,
        "canary": canary.version if canary else None,
        "promotion": promotion,
    }
    return dg.Output(manifest, metadata={k: str(v) for k, v in manifest.items()})
