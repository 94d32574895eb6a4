"""The online A/B test: canary against champion on live telemetry, then promote, roll back or wait."""

from collections.abc import Callable

import dagster as dg
import pyarrow.compute as pc

from feedback_loop.defs.execution import LIGHT_OP_TAGS
from feedback_loop.defs.label import labeled_interactions
from feedback_loop.defs.resources import AdapterRegistry, DataRoot, PromotionPolicy, withdraw_rejected_adapter
from feedback_loop.evaluate.online import ABDecision, ABSpec, compare_canary
from feedback_loop.label.rules import labels_arrow_schema
from feedback_loop.registry import Registry
from feedback_loop.registry.policy import apply_online_decision, approve_command
from feedback_loop.warehouse import Warehouse

LABEL_COLUMNS = ["interaction_id", "user_id", "thumb", "escalated"]


class OnlineABTestConfig(dg.Config, ABSpec):
    """The A/B test's settings: :class:`feedback_loop.evaluate.online.ABSpec` (each default written there)."""


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
    when the promotion waits for a person. The output (and the canary's registry metrics under the asset's name)
    is the :class:`ABDecision` as JSON, whose ``decision`` becomes ``awaiting_approval`` when a promotion waits for
    a person; with no canary serving it is ``{"decision": "none"}``.
    """
    actor = context.asset_key.to_user_string()
    canary = store.canary()
    if canary is None:
        return dg.Output({"decision": "none", "reasons": ["no canary is serving"]}, metadata={"decision": "none"})
    champion = store.champion()
    champion_version = champion.version if champion else None
    # Every day since the canary's first traffic: a window of the latest days would lose the test's first days
    # once days without canary traffic (weekends, outages) pass, and with them the deadline of `max_days`.
    days = days_since_first_served(warehouse, key, canary.version)
    labels = warehouse.read_partitions("labels", days, schema=labels_arrow_schema(), columns=[key, *LABEL_COLUMNS])
    rows = labels.to_pylist()
    result = compare_canary(rows, key, champion_version, canary.version, ABSpec.of(config))
    stored = result.model_dump(mode="json")
    # The evidence is stored before the registry moves: a move whose evidence failed to land could not be
    # explained, and a re-run would find no canary to decide on again.
    store.add_metrics(canary.version, {actor: stored}, actor=actor)
    outcome = apply_online_decision(
        store,
        canary.version,
        result.decision,
        require_approval=require_approval,
        actor=actor,
        reason="online A/B: " + "; ".join(result.reasons),
        how_to_approve=how_to_approve(canary.version),
        replacing=champion_version,
    )
    if outcome.status == "awaiting_approval":
        stored = {**stored, "decision": "awaiting_approval", "reasons": [*result.reasons, outcome.message]}
        store.add_metrics(canary.version, {actor: stored}, actor=actor)
        context.log.warning(outcome.message)
    context.log.info(f"{actor} for canary {canary.version}: {stored['decision']}: {'; '.join(stored['reasons'])}")
    return dg.Output(stored, metadata=_metadata(result, stored["decision"], stored["reasons"]))


def days_since_first_served(warehouse: Warehouse, key: str, version: str) -> list[str]:
    """The labels partitions from the first one in which ``version`` (in the ``key`` column) served, on; none
    while it has served nothing. Read from the data, one column, so that simulated days work as real ones."""
    served = warehouse.read_partitions("labels", schema=labels_arrow_schema(), columns=[key])
    days = served.filter(pc.equal(served[key], version))["date"]
    if len(days) == 0:
        return []
    first = pc.min(days).as_py()
    return [day for day in warehouse.partitions("labels") if day >= first]


def _metadata(result: ABDecision, decision: str, reasons: list[str]) -> dict:
    """The figures the Dagster UI shows (and plots over runs): rates, the planned sample and the progress."""
    metadata = {
        "decision": decision,
        "canary": str(result.canary_version),
        "champion": str(result.champion_version),
        "look": result.look,
        "final_look": result.final,
        "canary_thumbs_up_rate": result.canary.thumbs_up_rate,
        "champion_thumbs_up_rate": result.champion.thumbs_up_rate,
        "canary_thumbs": result.canary.thumbs,
        "champion_thumbs": result.champion.thumbs,
        "canary_users": result.canary.users,
        "champion_users": result.champion.users,
        "reasons": "; ".join(reasons),
    }
    if result.plan is not None:
        plan = result.plan
        metadata.update(
            {
                "required_thumbs_canary": round(plan.required_thumbs_canary),
                "required_thumbs_champion": round(plan.required_thumbs_champion),
                "design_effect": plan.design_effect,
                "progress": min(plan.information_fraction, 1.0),
                "eta_days": plan.eta_days if plan.eta_days is not None else 0.0,
                "days_left": plan.days_left,
                "promotion_boundary": result.promotion_boundary,
                "rollback_boundary": result.rollback_boundary,
            }
        )
    if result.thumbs_up_non_inferiority is not None:
        metadata["non_inferiority_z"] = result.thumbs_up_non_inferiority.statistic
    return metadata


@dg.asset(deps=[labeled_interactions], group_name="evaluation", op_tags=LIGHT_OP_TAGS, kinds={"duckdb"})
def online_ab_test(
    context: dg.AssetExecutionContext,
    config: OnlineABTestConfig,
    data_root: DataRoot,
    registry: AdapterRegistry,
    promotion_policy: PromotionPolicy,
) -> dg.Output[dict]:
    """Canary vs champion adapter on the telemetry of the days on which the canary served, one look per day.

    Users are the unit randomised, so every figure is clustered by user. Promotes the canary only when
    non-inferiority of its thumbs-up rate (thumbs up / thumbs, above the champion's minus `non_inferiority_margin`)
    is shown at `alpha` and its escalation rate is not significantly higher; rolls it back (status `rejected`)
    when it is shown worse, or when `max_days` of canary traffic or the planned sample pass without evidence;
    waits otherwise. Daily looks spend `alpha` over the looks (Lan-DeMets: O'Brien-Fleming for promotion, Pocock
    for rollback), so looking every day does not inflate the error rates. The metadata gives the sample size per
    arm that the power calculation asks for, the progress toward it and the days still needed. The decision and its
    reasons land in the registry's audit log. When the promotion policy requires a human approval, a canary that
    should be promoted keeps serving and the decision reads `awaiting_approval` until someone runs
    `feedback-loop registry approve VERSION`.
    """
    store = registry.open()
    result = canary_ab_test(
        context,
        config,
        data_root.warehouse(),
        store,
        key="adapter_version",
        require_approval=promotion_policy.require_approval,
    )
    if withdrawn := withdraw_rejected_adapter(data_root, store):
        context.log.info(withdrawn)
    return result
