"""The online A/B test: canary against champion on live telemetry, then promote or roll back."""

import dagster as dg

from feedback_loop.defs.label import labeled_interactions
from feedback_loop.defs.resources import AdapterRegistry, DataRoot
from feedback_loop.evaluate.online import ABSpec, arm_stats, decide


class OnlineABTestConfig(dg.Config):
    min_samples_per_arm: int = 100
    """Thumbs each arm needs before a decision; below it the canary keeps serving."""
    alpha: float = 0.05
    """Significance level of the one-sided tests for 'the canary is worse'."""
    non_inferiority_margin: float = 0.0
    """How much lower the canary's thumbs-up rate may be and still count as not worse."""
    lookback_days: int = 14
    """How many of the latest labeled days are searched for the canary's traffic."""


@dg.asset(deps=[labeled_interactions], group_name="evaluation", kinds={"duckdb"})
def online_ab_test(
    context: dg.AssetExecutionContext, config: OnlineABTestConfig, data_root: DataRoot, registry: AdapterRegistry
) -> dg.Output[dict]:
    """Canary vs champion on the telemetry of the days on which the canary served.

    Compares thumbs-up rate and escalation rate of the interactions each arm answered, with one-sided
    two-proportion tests and a minimum sample size per arm. Promotes the canary to champion when it is not
    worse, rolls it back (status `rejected`) when it is, and waits otherwise. The decision and its reasons
    land in the registry's audit log. Uses telemetry only.
    """
    store = registry.open()
    canary = store.canary()
    if canary is None:
        return dg.Output({"decision": "none", "reasons": ["no canary is serving"]}, metadata={"decision": "none"})
    champion = store.champion()
    champion_version = champion.version if champion else None
    warehouse = data_root.warehouse()
    recent = warehouse.partitions("labels")[-config.lookback_days :]
    rows = warehouse.read_partitions("labels", recent, columns=["adapter_version", "thumb", "escalated"]).to_pylist()
    # Both arms on the same days: those on which the canary served (its version marks its traffic).
    days = sorted({row["date"] for row in rows if row["adapter_version"] == canary.version})
    rows = [row for row in rows if row["date"] in days]
    spec = ABSpec(**config.model_dump(exclude={"lookback_days"}))
    result = decide(arm_stats(rows, champion_version), arm_stats(rows, canary.version), spec)
    result.update({"canary_version": canary.version, "champion_version": champion_version, "days": days})
    reason = "online A/B: " + "; ".join(result["reasons"])
    store.add_metrics(canary.version, {"online_ab_test": result}, actor="online_ab_test")
    if result["decision"] == "promote":
        store.promote(canary.version, actor="online_ab_test", reason=reason)
    elif result["decision"] == "rollback":
        store.set_status(canary.version, "rejected", actor="online_ab_test", reason=reason)
    context.log.info(f"online A/B for canary {canary.version}: {result['decision']}: {reason}")
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
