"""Rollout: after the offline gate, the challenger goes into shadow, then becomes a canary (or the champion)."""

import dagster as dg
from pydantic import Field

from feedback_loop.defs.execution import LIGHT_OP_TAGS
from feedback_loop.defs.resources import AdapterRegistry, PromotionPolicy
from feedback_loop.evaluate.offline import GateResult
from feedback_loop.registry import ConcurrentChangeError
from feedback_loop.registry.policy import Rollout, ShadowPeriod, roll_out

# A champion move that lost a race to another run's (two retrainings at once) changed nothing: the step runs again
# on the new state, up to this many times.
ROLLOUT_RACE_RETRIES = 3


class ChampionAdapterConfig(dg.Config):
    rollout: Rollout = "canary"
    """'canary': serve `canary_share` of users and let `online_ab_test` decide; 'immediate': promote now."""
    canary_share: float = Field(0.2, gt=0, lt=1)
    """Share of users the canary serves while the online A/B test runs."""
    shadow: bool = True
    """Whether the challenger first answers live prompts unseen (`shadow`) until `shadow_evaluation` lets it on to
    the rollout above; False: the rollout starts at once."""
    shadow_days: int = Field(1, ge=1)
    """The shadow period in days with shadow traffic (or `shadow_prompts`, whichever comes first)."""
    shadow_prompts: int | None = Field(None, ge=1)
    """The shadow period in shadowed prompts; None: days only."""


@dg.asset(group_name="evaluation", op_tags=LIGHT_OP_TAGS, kinds={"sqlite"})
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
    goes into `shadow` first (a shadow challenger still in its period is superseded): it answers a share of the
    champion's live prompts unseen until `shadow_evaluation` lets it on to the rollout below or rejects it. Then
    (or at once with `shadow: false`) it becomes the `canary` (a canary still waiting for its verdict is
    superseded) and `online_ab_test` later promotes it or rolls it back; with `rollout: immediate` the champion
    pointer moves now, in one transaction, and the previous champion is retired, unless the promotion policy
    requires a human approval: then the challenger waits, and the metadata says which command approves it. Every
    transition lands in the audit log. A gate against a champion that has changed since (another rollout, a
    promotion or rollback) is refused: re-materialize `adapter_evaluation`. The rules live in
    `feedback_loop.registry.policy`.
    """
    store = registry.open()
    version = lora_adapter["version"]
    gate = GateResult.model_validate(adapter_evaluation)
    if not gate.passed:
        raise RuntimeError(f"refusing to roll out {version}: its offline gate did not pass")
    try:
        outcome = roll_out(
            store,
            version,
            rollout=config.rollout,
            canary_share=config.canary_share,
            require_approval=promotion_policy.require_approval,
            actor="champion_adapter",
            reason=f"passed the offline gate: {'; '.join(gate.reasons)}",
            gated_against=gate.champion_version,
            shadow=ShadowPeriod(config.shadow_days, config.shadow_prompts) if config.shadow else None,
        )
    except ConcurrentChangeError as error:
        raise dg.RetryRequested(max_retries=ROLLOUT_RACE_RETRIES, seconds_to_wait=1) from error
    if outcome.superseded:
        context.log.info(f"canary {outcome.superseded} superseded by {version}")
    if outcome.promotion is not None and outcome.promotion.status == "awaiting_approval":
        context.log.warning(outcome.promotion.message)
    champion = store.champion()
    canary = store.canary()
    shadow = store.shadow()
    manifest = {
        "version": version,
        "status": outcome.status,
        "champion": champion.version if champion else None,
        "canary": canary.version if canary else None,
        "canary_share": canary.canary_share if canary else None,
        "shadow": shadow.version if shadow else None,
        "superseded": outcome.superseded,
        "promotion": outcome.promotion.message if outcome.promotion else None,
    }
    return dg.Output(manifest, metadata={k: str(v) for k, v in manifest.items()})
