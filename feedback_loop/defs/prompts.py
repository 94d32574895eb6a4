"""System prompt feedback: recommendations from the labeled telemetry, and the prompt canary's A/B test."""

import dagster as dg

from feedback_loop.analytics.recommend import RecommendationSpec, recommend
from feedback_loop.defs.execution import LIGHT_OP_TAGS
from feedback_loop.defs.label import labeled_interactions
from feedback_loop.defs.metadata import markdown_table
from feedback_loop.defs.online import OnlineABTestConfig, canary_ab_test
from feedback_loop.defs.resources import DataRoot, PromotionPolicy, PromptRegistry, on_working_copy
from feedback_loop.files import exclusive_lock
from feedback_loop.label.rules import labels_arrow_schema
from feedback_loop.prompts import (
    PromptStore,
    champion_prompt,
    merge_recommendations,
    read_recommendations,
    write_recommendations,
)


class PromptRecommendationsConfig(dg.Config, RecommendationSpec):
    """When the data supports a recommendation (`RecommendationSpec`), and how much of it is analysed."""

    lookback_days: int = 14
    """How many of the latest labeled days are analysed."""


@dg.asset(deps=[labeled_interactions], group_name="analytics", op_tags=LIGHT_OP_TAGS, kinds={"duckdb", "json"})
@on_working_copy
def prompt_recommendations(
    context: dg.AssetExecutionContext,
    config: PromptRecommendationsConfig,
    data_root: DataRoot,
    prompt_registry: PromptRegistry,
) -> dg.Output[dict]:
    """Changes to the system prompt that the labeled telemetry of the champion prompt supports, with evidence.

    Per user segment: a length instruction when long answers are rated down at least `min_ratio` times as often
    as shorter ones, an escalation instruction when the segment escalates at least `min_escalation_ratio` times
    as often as other users; each needs `min_samples` on both sides and a one-sided test below `alpha`. Written to
    `<data root>/prompts/recommendations.json`; applied ones keep their status. Nothing changes until a person
    runs `feedback-loop prompts apply ID --by NAME`, which starts a prompt canary for `prompt_ab_test`.
    """
    warehouse = data_root.warehouse()
    store = PromptStore(data_root.layout.prompts)
    champion = champion_prompt(store, prompt_registry.open())
    days = warehouse.partitions("labels")[-config.lookback_days :]
    labels = warehouse.read_partitions("labels", days, schema=labels_arrow_schema())
    spec = RecommendationSpec.of(config)
    fresh = recommend(labels, spec, prompt_version=champion.version) if labels.num_rows else []
    analysis = {"prompt_version": champion.version, "days": days, "spec": spec.model_dump()}
    # `prompts apply` may mark a recommendation applied meanwhile; the lock keeps that status from being lost.
    with exclusive_lock(store.recommendations_path):
        _, previous = read_recommendations(store.recommendations_path)
        recommendations = merge_recommendations(previous, fresh)
        write_recommendations(store.recommendations_path, recommendations, analysis)
    proposed = [r for r in recommendations if r.status == "proposed"]
    context.log.info(
        f"{len(proposed)} proposed prompt recommendation(s) for {champion.version} over {len(days)} day(s)"
    )
    table = [
        {
            "id": r.id,
            "status": r.status if r.prompt_version is None else f"{r.status} as {r.prompt_version}",
            "kind": r.kind,
            "segment": r.target,
            "change": r.change,
            "evidence": r.summary,
        }
        for r in recommendations
    ]
    return dg.Output(
        {"path": str(store.recommendations_path), "proposed": [r.id for r in proposed]},
        metadata={
            "recommendations": markdown_table(table),
            "proposed": len(proposed),
            "applied": len(recommendations) - len(proposed),
            "prompt_version": champion.version,
            "days": f"{days[0]}..{days[-1]}" if days else "none",
        },
    )


@dg.asset(deps=[labeled_interactions], group_name="evaluation", op_tags=LIGHT_OP_TAGS, kinds={"duckdb"})
def prompt_ab_test(
    context: dg.AssetExecutionContext,
    config: OnlineABTestConfig,
    data_root: DataRoot,
    prompt_registry: PromptRegistry,
    promotion_policy: PromotionPolicy,
) -> dg.Output[dict]:
    """Canary vs champion system prompt on the telemetry of the days on which the canary prompt served.

    The same test as `online_ab_test` (thumbs-up and escalation rates, one-sided two-proportion tests, minimum
    sample size per arm), with the arms named by `system_prompt_version` and the prompt registry's champion and
    canary: promotes the canary prompt, rejects it, or waits. With the human-approval policy a promotion waits
    for `feedback-loop prompts approve VERSION`.
    """
    return canary_ab_test(
        context,
        config,
        data_root.warehouse(),
        prompt_registry.open(),
        key="system_prompt_version",
        require_approval=promotion_policy.require_approval,
        how_to_approve=prompt_approve_command,
    )


def prompt_approve_command(version: str) -> str:
    return f"feedback-loop prompts approve {version} --approver NAME --note WHY"
