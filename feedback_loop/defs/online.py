"""The online A/B test: canary against champion on live telemetry, then promote or roll back."""

from collections.abc import Callable

import dagster as dg

from feedback_loop.defs.label import labeled_interactions
from feedback_loop.defs.resources import AdapterRegistry, DataRoot, PromotionPolicy
from feedback_loop.evaluate.online import ABSpec, compare_canary
from feedback_loop.registry import Registry
from feedback_loop.registry.policy import approve_command, promote_or_wait, withdraw_pending
from feedback_loop.warehouse import Warehouse


class OnlineABTestConfig(dg.Config):
    min_samples_per_arm: int = 100
    """Thumbs each arm needs before a decision; below it the canary keeps serving."""
    alpha: float = 0.05
    """Significance level of the one-sided tests for 'the canary is worse'."""
    non_inferiority_margin: float = 0.0
    """How much lower the canary's thumbs-up rate may be and still count as not worse."""
    lookback_days: int = 14
    """How many of the latest labeled days are searched for the canary's traffic."""


def canary_ab_test(
    context: dg.AssetExecutionContext,
    config: OnlineABTestConfig,
    warehouse: Warehouse,
    store: Registry,
    *,
    key: str,
    require_approval: bool,
    how_to_approve: Callable[[str], str] = approve_command,
) -> dg.Output[dict]:
    """Decide on ``store``'s canary from the labels whose ``key`` column names the arm, and move the registry.

    The asset's name is the actor of the registry changes; ``how_to_approve(version)`` is the command shown
    when the promotion waits for a person.
    """
    actor = context.asset_key.to_user_string()
    canary = store.canary()
    if canary is None:
        return dg.Output({"decision": "none", "reasons": ["no canary is serving"]}, metadata={"decision": "none"})
    champion = store.champion()
    champion_version = champion.version if champion else None
    recent = warehouse.partitions("labels")[-config.lookback_days :]
    rows = warehouse.read_partitions("labels", recent, columns=[key, "thumb", "escalated"]).to_pylist()
    spec = ABSpec(**config.model_dump(exclude={"lookback_days"}))
    result = compare_canary(rows, key, champion_version, canary.version, spec)
    reason = "online A/B: " + "; ".join(result["reasons"])
    store.add_metrics(canary.version, {actor: result}, actor=actor)
    if result["decision"] == "promote":
        outcome = promote_or_wait(
            store,
            canary.version,
            require_approval=require_approval,
            actor=actor,
            reason=reason,
            how_to_approve=how_to_approve(canary.version),
        )
        if outcome.status == "awaiting_approval":
            result["decision"] = outcome.status
            result["reasons"].append(outcome.message)
            context.log.warning(outcome.message)
    else:
        withdraw_pending(store, canary.version, actor=actor)
        if result["decision"] == "rollback":
            store.set_status(canary.version, "rejected", actor=actor, reason=reason)
    context.log.info(f"{actor} for canary {canary.version}: {result['decision']}: {reason}")
    return dg.Output(
        result,
        metadata={
            "decision": result["decision"],
            "canary": canary.version,
            "champion": str(champion_version),
            "canary_thumbs_up_rate": result["canary"]["thumbs_up_rate"],
            "champion_thumbs_up_rate": result["champion"]["thumbs_up_rate"],
            "canary_thumbs": result["canary"]["thumbs"],
            "champion_thumbs": result["champion"]["thumbs"],
            "reasons": "; ".join(result["reasons"]),
        },
    )


@dg.asset(deps=[labeled_interactions], group_name="evaluation", kinds={"duckdb"})
def online_ab_test(
    context: dg.AssetExecutionContext,
    config: OnlineABTestConfig,
    data_root: DataRoot,
    registry: AdapterRegistry,
    promotion_policy: PromotionPolicy,
) -> dg.Output[dict]:
    """Canary vs champion adapter on the telemetry of the days on which the canary served.

    Compares thumbs-up rate and escalation rate of the interactions each arm answered, with one-sided
    two-proportion tests and a minimum sample size per arm. Promotes the canary to champion when it is not
    worse, rolls it back (status `rejected`) when it is, and waits otherwise. The decision and its reasons
    land in the registry's audit log. Uses telemetry only. When the promotion policy requires a human approval,
    a canary that should be promoted keeps serving and the decision reads `awaiting_approval` until someone
    runs `feedback-loop registry approve VERSION`.
    """
    return canary_ab_test(
        context,
        config,
        data_root.warehouse(),
        registry.open(),
        key="adapter_version",
        require_approval=promotion_policy.require_approval,
    )
