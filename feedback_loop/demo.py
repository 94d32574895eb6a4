"""The closed-loop demo: simulated users talk to the served model, and the loop makes it better.

Each iteration is one day of traffic:

1. serve: the registry's champion (the bare base model before the first promotion) answers the simulated
   users, the canary a configured share of them, each with the system prompt of the prompt registry's
   champion (or canary); every interaction records the adapter and the system prompt version that answered.
   The shadow challenger, if any, also answers ``shadow_share`` of the champion's prompts: nobody sees those
   answers, they land in the shadow stream;
2. ingest and label that day (and re-label the day before, for its late feedback), then `online_ab_test`
   promotes the canary or rolls it back on that telemetry, and `shadow_evaluation` lets the shadow challenger
   on to the canary or rejects it;
3. retrain: curate, train a LoRA adapter, gate it offline against the champion and put it in shadow;
   with ``poison`` also a challenger trained on the responses users disliked, which the gate must reject.

Steps 2 and 3 are Dagster runs, visible in `dagster dev` afterwards. The pipeline sees only telemetry; the
per-iteration ``thumbs_up_rate`` (thumbs up / interactions with a thumb, the definition of ``kpi_daily`` and the
A/B test) is the simulator's ground truth and is only reported, as is the truth per serving arm, which says
whether a canary the A/B test promoted was really better.

A challenger's shadow decision comes one iteration after its offline gate (its shadow day), and its A/B test one
more: each row carries its own challenger's ``shadow_passed`` once decided (None: it never reached shadow, or the
demo ended first), and the shadow decision made on its day (``shadow_decision``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from feedback_loop.registry.policy import SHADOW_EVALUATION
from feedback_loop.serve.router import SHADOW_SHARE
from feedback_loop.settings import Settings

if TYPE_CHECKING:
    from feedback_loop.evaluate.offline import GateResult
    from feedback_loop.evaluate.shadow import ShadowResult

# Who the demo's own changes of system prompt are written by, in the prompt registry's audit log.
DEMO_ACTOR = "demo"


@dataclass(frozen=True)
class DemoRollout:
    """How a challenger that passed its offline gate reaches the demo's users. The demo has few days, so by default
    it skips the shadow day (the product's rollout keeps it: `champion_adapter`'s `shadow`) and plans the A/B
    test's sample for a canary that is better, as one that passed its gate is expected to be; the A/B test still
    decides every promotion."""

    canary_share: float = 0.2
    """Share of users the canary serves while its A/B test runs."""
    shadow: bool = False
    """Whether a challenger that passed its gate answers live prompts unseen for a day (its shadow day) before its
    canary; False: its canary serves the next day."""
    ab_expected_difference: float = 0.05
    """The canary's thumbs-up rate minus the champion's that the A/B test's power calculation plans for
    (`online_ab_test`'s `expected_difference`; 0 is its default). A positive one plans a smaller sample, so that
    a clearly better canary is promoted after fewer days; the chance of promoting one worse by the margin stays
    `alpha`, and a canary only as good as the champion is rolled back more often."""


@dataclass(frozen=True)
class DemoConfig:
    iterations: int = 3
    """Days of traffic: a challenger reaches all users on its third (trained, canary day, champion), its fourth with a
    shadow day."""
    interactions: int = 2000
    seed: int = 0
    poison: bool = False
    rollout: DemoRollout = DemoRollout()
    shadow_share: float = SHADOW_SHARE
    """Share of the champion's prompts that the shadow challenger also answers, unseen."""
    objective: str = "sft"
    """The training objective of the challengers (`lora_adapter`'s objective: sft, kto, dpo or sft+dpo)."""
    probe_questions: int = 0
    """Held-out questions the champion answers after each iteration, scored by the simulator (`probe_share_of_ceiling`
    in each row); 0: no probe. Only the `slots` world has held-out questions."""
    context_in_prompt: bool = False
    """Whether the application's system prompt names what it knows of each user (the world's context instruction,
    such as the slot world's tier), so that adapters can learn each context's style; the lookup world has none.
    Off by default: in the slot world it gained nothing sure and made preference training slower (docs/demo.md)."""
    last_day: date | None = None
    """The last simulated day (default: yesterday); iterations run on consecutive days ending there."""

    @property
    def days(self) -> list[date]:
        """The simulated days, one per iteration."""
        last = self.last_day or date.today() - timedelta(days=1)
        return [last - timedelta(days=self.iterations - 1 - i) for i in range(self.iterations)]

    retrain_run_config: dict | None = None
    """Extra run config for `retrain_job` (e.g. smaller models in tests)."""


def demo_settings(settings: Settings, config: DemoConfig) -> Settings:
    """``settings`` with the daily partitions starting at the demo's first day, unless a first day is configured:
    a first run then shows its own days in the UI rather than months of missing partitions before them."""
    first = config.days[0]
    if not settings.configured("first_day"):
        return settings.model_copy(update={"first_day": first})
    if settings.first_day > first:
        raise ValueError(
            f"the demo's first day {first} is before FEEDBACK_LOOP_FIRST_DAY {settings.first_day}, where the daily "
            "partitions start: set it to that day or earlier, or leave it unset"
        )
    return settings


def run_demo(settings: Settings, config: DemoConfig, progress: Callable[[str], None] = print) -> list[dict]:
    """Run ``config.iterations`` closed-loop iterations; returns one summary dict per iteration. The Dagster runs
    use :func:`demo_settings`, and carry the iteration they belong to as a tag (0: the base model)."""
    from feedback_loop.defs.shadow import SHADOW_CHECK
    from feedback_loop.evaluate.offline import GateResult
    from feedback_loop.evaluate.shadow import ShadowResult
    from feedback_loop.progress import ProgressLog
    from feedback_loop.prompts import PromptStore, champion_prompt
    from feedback_loop.registry import Registry
    from feedback_loop.runs import (
        check_evaluation,
        failure_reason,
        gate_evaluation,
        open_instance,
        run_ingestion,
        run_retraining,
    )
    from feedback_loop.serve import ModelServer, arms_from_registry, prompt_arms_from_registry, shadow_arm_from_registry
    from feedback_loop.simulate import make_world, simulate_day
    from feedback_loop.storage import DataStore

    if config.iterations < 1 or config.interactions < 1:
        raise ValueError(f"iterations and interactions must be >= 1, got {config.iterations}, {config.interactions}")
    if config.probe_questions < 0:
        raise ValueError(f"probe_questions must be >= 0 (0: no probe), got {config.probe_questions}")
    settings = demo_settings(settings, config)
    instance = open_instance(settings)
    store = Registry(settings.registry_url)
    prompt_registry = Registry(settings.prompt_registry_url)
    prompts = PromptStore(settings.layout.prompts)
    days = config.days
    retrain_config = _with_objective(_with_rollout(config.retrain_run_config, config), config.objective)
    ingestion_config = _ab_test_config(config)
    # New intents of a drifting world appear halfway through the run.
    world = make_world(settings.simulated_world, seed=config.seed, drift_from=days[len(days) // 2])
    if config.probe_questions and not hasattr(world, "probe_questions"):
        raise ValueError(f"the {world.name!r} world has no held-out questions to probe with; set probe_questions to 0")
    if world.name != "lookup":
        retrain_config = _with_world_recipes(retrain_config, settings, world)
    if config.context_in_prompt and not world.contexts:
        raise ValueError(
            f"the {world.name!r} world has no user context to name in the prompt; leave context_in_prompt off"
        )
    if config.context_in_prompt:
        _name_the_context(prompts, prompt_registry, world)
    ceiling = world.ceiling()

    progress("building the base model (Dagster: base_model)")
    base = run_retraining(
        settings, retrain_config, instance, asset_selection=[_key("base_model")], trigger="demo", iteration=0
    )
    if not base.success:
        raise RuntimeError(f"base_model run {base.run_id} failed: {failure_reason(base)}")
    base_manifest = base.output_for_node("base_model")

    rows: list[dict] = []
    for iteration, day in enumerate(days, start=1):
        arms = arms_from_registry(store)
        shadow = shadow_arm_from_registry(store)
        serving = ", ".join(f"{arm.adapter_version or 'base'} {arm.share:.0%}" for arm in arms)
        if shadow is not None:
            serving += f", shadow {shadow.adapter_version} on {config.shadow_share:.0%} of the champion's prompts"
        progress(f"iteration {iteration}/{config.iterations} ({day}): serving {config.interactions} users: {serving}")
        prompt_arms = prompt_arms_from_registry(prompts, prompt_registry)
        server = ModelServer(
            base_manifest["path"],
            f"base-{base_manifest['fingerprint'][:8]}",
            arms,
            prompt_arms=prompt_arms,
            progress=ProgressLog(f"iteration {iteration}: serving", progress, unit="request"),
            shadow=shadow,
            shadow_share=config.shadow_share,
        )
        with DataStore.of(settings).uploading("landing", "shadow_landing"):
            truth = simulate_day(
                settings.layout.landing,
                day,
                config.interactions,
                config.seed + iteration,
                responder=server,
                shadow_dir=settings.layout.shadow_landing,
                world=world,
            )

        progress(
            f"iteration {iteration}: ingesting, labeling, the online A/B test and the shadow evaluation "
            "(Dagster: ingestion_job)"
        )
        first = max(days[0], day - timedelta(days=1))
        ingestion = run_ingestion(
            settings,
            first.isoformat(),
            day.isoformat(),
            instance,
            run_config=ingestion_config,
            raise_on_error=False,
            trigger="demo",
            iteration=iteration,
        )
        # A rejected shadow challenger fails its blocking check, and so its step and the run: the demo goes on.
        # Any other failure stops it.
        shadow_check = check_evaluation(ingestion, SHADOW_CHECK)
        rejected_in_shadow = {SHADOW_EVALUATION} if shadow_check is not None and not shadow_check.passed else set()
        failed = set(ingestion.get_failed_step_keys())
        if not ingestion.success and (not failed or failed - rejected_in_shadow):
            raise RuntimeError(f"ingestion run {ingestion.run_id} failed: {failure_reason(ingestion)}")
        if rejected_in_shadow:
            rejected = ShadowResult.model_validate(ingestion.output_for_node(SHADOW_EVALUATION))
            progress(shadow_rejection(iteration, rejected, _version(store.champion())))
        ab = ingestion.output_for_node("online_ab_test")
        shadow_decision = _shadow_decision(store, shadow)
        if shadow_decision is not None:
            decided = next((row for row in rows if row["challenger"] == shadow_decision["version"]), None)
            if decided is not None:
                decided["shadow_passed"] = shadow_decision["passed"]
                decided["shadow_interval"] = shadow_decision["interval"]
                decided["shadow_metric"] = shadow_decision["metric"]

        progress(f"iteration {iteration}: curating, training, gating, rolling out (Dagster: retrain_job)")
        retrain = run_retraining(settings, retrain_config, instance, trigger="demo", iteration=iteration)
        gate = gate_evaluation(retrain)
        if gate is None:
            raise RuntimeError(
                f"retrain run {retrain.run_id} failed before its offline gate: {failure_reason(retrain)}"
            )
        evaluation = GateResult.model_validate(retrain.output_for_node("adapter_evaluation"))
        if not evaluation.passed:
            progress(gate_rejection(iteration, evaluation))
        by_adapter = truth.by_adapter
        row = {
            "iteration": iteration,
            "day": day.isoformat(),
            "interactions": truth.interactions,
            "thumbs_up_rate": truth.thumbs_up_rate,
            "thumbs_up_per_interaction": truth.total.thumbs_up_per_interaction,
            "world": world.name,
            # The simulator's ceiling: a perfect responder's expected thumbs-up rate, and the share of it reached.
            "ceiling": ceiling,
            "share_of_ceiling": truth.thumbs_up_rate / ceiling,
            "exact_copy_share": truth.total.exact_copy_share,
            "thumbs_up_rate_by_adapter": {arm: stats.thumbs_up_rate for arm, stats in by_adapter.items()},
            "served_by": serving,
            "gate_passed": gate.passed,
            "gate_no_op": evaluation.no_op,
            "gate_metric": evaluation.primary.metric if evaluation.primary else None,
            "gate_interval": [evaluation.primary.low, evaluation.primary.high] if evaluation.primary else None,
            "challenger": evaluation.challenger_version,
            # Decided on the challenger's shadow day, the next iteration (filled in then).
            "shadow_passed": None,
            "shadow_interval": None,
            "shadow_metric": None,
            "shadow_decision": shadow_decision,
            "shadow_cost": _shadow_cost(server),
            "ab_decision": ab["decision"],
            "ab_canary": ab.get("canary_version"),
            "ab_progress": (ab.get("plan") or {}).get("information_fraction"),
            # The simulator's truth on the A/B day: the canary's thumbs-up rate minus the champion's.
            "ab_true_difference": _true_difference(by_adapter, ab),
            "champion_version": _version(store.champion()),
            "canary_version": _version(store.canary()),
            "shadow_version": _version(store.shadow()),
        }
        if config.poison:
            progress(f"iteration {iteration}: training a poisoned challenger on disliked responses")
            poisoned = run_retraining(
                settings, _with_poison(retrain_config), instance, trigger="demo", iteration=iteration
            )
            poison_gate = gate_evaluation(poisoned)
            if poison_gate is None:
                raise RuntimeError(
                    f"poisoned retrain run {poisoned.run_id} failed before its offline gate: {failure_reason(poisoned)}"
                )
            poison_evaluation = GateResult.model_validate(poisoned.output_for_node("adapter_evaluation"))
            if not poison_evaluation.passed:
                progress(gate_rejection(iteration, poison_evaluation, challenger="the poisoned challenger"))
            row["poison_gate_passed"] = poison_gate.passed
        if config.probe_questions:
            progress(f"iteration {iteration}: the champion answers {config.probe_questions} held-out questions")
            prompt = champion_prompt(prompts, prompt_registry)
            row["probe_share_of_ceiling"] = (
                _probe(world, store, prompt, base_manifest, config.probe_questions) / ceiling
            )
        rows.append(row)
        shadow_said = (
            "none"
            if shadow_decision is None
            else f"{shadow_decision['version']} {'passed' if shadow_decision['passed'] else 'rejected'}"
        )
        progress(
            f"iteration {iteration}: thumbs-up {row['thumbs_up_rate']:.1%}, gate "
            f"{'passed' if row['gate_passed'] else 'failed'}, shadow {shadow_said}, A/B {row['ab_decision']}, "
            f"champion {row['champion_version'] or 'base'}"
        )
    return rows


def gate_rejection(iteration: int, evaluation: GateResult, challenger: str = "the challenger") -> str:
    """What the demo says when the offline gate rejects a challenger, in one paragraph: an outcome the loop expects
    (the retrain run fails by design), told by the gate's reasons with their figures and intervals."""
    champion = _champions_named(evaluation.champion_version)
    return _rejection(
        iteration,
        "the offline gate (offline_gate)",
        f"{challenger} {evaluation.challenger_version} against {champion} on {evaluation.examples} eval examples",
        evaluation.reasons,
        evaluation.challenger_version,
        stays=champion,
    )


def shadow_rejection(iteration: int, result: ShadowResult, champion_version: str | None) -> str:
    """What the demo says when the shadow gate rejects the shadow challenger, in one paragraph, as
    :func:`gate_rejection` does for the offline gate. ``result.champion_version`` names the arms it was compared
    with on the live prompts (``base``: the bare base model); ``champion_version`` is the champion now, which stays
    (the A/B test of the same run may have promoted a canary since)."""
    return _rejection(
        iteration,
        "the shadow gate (shadow_gate)",
        f"the shadow challenger {result.challenger_version} against the answers of "
        f"{_champions_named(result.champion_version)} on {result.prompts} live prompts from {result.users} users "
        f"({result.corrections} corrected)",
        result.reasons,
        result.challenger_version,
        stays=_champions_named(champion_version),
        after=" and will not reach the canary: no user saw its answers",
    )


def _rejection(
    iteration: int,
    gate: str,
    compared: str,
    reasons: list[str],
    challenger_version: str | None,
    *,
    stays: str,
    after: str = "",
) -> str:
    """A gate's rejection in one paragraph: the gate, what it compared, its reasons, what stays, where the
    rejection is recorded and, ``after`` that, what else follows for the challenger."""
    return (
        f"iteration {iteration}: {gate} rejected {compared}: {'; '.join(reasons)}. {stays[0].upper()}{stays[1:]} "
        f"stays; {challenger_version} is marked rejected in the registry "
        f"(`feedback-loop registry audit {challenger_version}`){after}."
    )


def _champions_named(versions: str | None) -> str:
    """The champion(s) a gate compared with, in words: ``versions`` is one version, several joined by ", " (a
    shadow period across a promotion), or None or ``base`` for the bare base model."""
    named = [
        "the bare base model" if version == "base" else f"champion {version}"
        for version in (versions or "base").split(", ")
    ]
    return " and ".join(named)


def write_json(rows: list[dict], path: str | Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(rows, indent=2, default=str))


def plot_kpi(rows: list[dict], path: str | Path) -> None:
    """The thumbs-up rate per iteration as a PNG, with the iterations where a new champion took over marked."""
    import matplotlib

    matplotlib.use("Agg")  # no display needed
    import matplotlib.pyplot as plt

    x = [row["iteration"] for row in rows]
    y = [100 * row["thumbs_up_rate"] for row in rows]
    fig, ax = plt.subplots(figsize=(7, 4), dpi=120)
    ax.plot(x, y, marker="o", color="#2b6cb0", label="thumbs-up rate (simulated users)")
    for row in rows:
        if row["ab_decision"] == "promote":
            ax.axvline(row["iteration"], color="#2f855a", linestyle="--", alpha=0.6)
            ax.annotate(
                f"promoted {row['champion_version']}",
                (row["iteration"], min(y)),
                rotation=90,
                fontsize=7,
                color="#2f855a",
                xytext=(3, 0),
                textcoords="offset points",
            )
    ax.set_xlabel("iteration (one day of traffic)")
    ax.set_ylabel("thumbs-up rate (%)")
    ax.set_ylim(0, 100)
    ax.set_xticks(x)
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right")
    ax.set_title("feedback-loop: KPI over iterations")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def _probe(world, store, prompt, base_manifest: dict, count: int) -> float:
    """The thumbs-up rate the champion (the bare base model before any promotion) would earn on ``count`` held-out
    questions of ``world``, as the simulator expects it, read after the system prompt version ``prompt`` (the
    champion prompt, as traffic reads it); each question comes from a user whose tier the request carries, as in
    traffic."""
    from feedback_loop.serve import ModelServer
    from feedback_loop.serve.router import ChatRequest, prompt_split, traffic_split

    champion = store.champion()
    arms = traffic_split((champion.version, champion.path) if champion else None, None)
    server = ModelServer(
        base_manifest["path"],
        f"base-{base_manifest['fingerprint'][:8]}",
        arms,
        prompt_arms=prompt_split(prompt, None),
    )
    questions, users = world.probe_questions(count), world.probe_users(count)
    requests = [
        ChatRequest(question.prompt, user, f"{user}-session", user_segment=world.context_of(user))
        for question, user in zip(questions, users, strict=True)
    ]
    expected = [
        world.expected_thumbs(question, answer.text, user)
        for question, answer, user in zip(questions, server(requests), users, strict=True)
    ]
    return sum(up for up, _ in expected) / sum(thumbs for _, thumbs in expected)


def _with_world_recipes(run_config: dict, settings: Settings, world) -> dict:
    """``run_config`` with the base model pre-trained on ``world``'s corpus, written under the data root, and the
    world's recipes of the base model and of the adapters of the run config's objective."""
    from feedback_loop.model.pretraining_corpus import write_corpus_file
    from feedback_loop.train.lora import LoraSpec

    path = write_corpus_file(world.corpus, settings.layout.root / "simulated_world" / f"{world.name}-corpus.txt")
    ops = dict(run_config.get("ops", {}))
    # The world's recipes first: a run config's own (a test's smaller model) overrides them.
    base = {**world.base_model_overrides, **ops.get("base_model", {}).get("config", {}), "corpus_path": str(path)}
    ops["base_model"] = {"config": base}
    lora = ops.get("lora_adapter", {}).get("config", {})
    recipe = world.adapter_overrides.get(lora.get("objective", LoraSpec().objective), {})
    ops["lora_adapter"] = {"config": {**recipe, **lora}}
    return {**run_config, "ops": ops}


def _name_the_context(prompts, prompt_registry, world) -> None:
    """Before the first day, the application's system prompt becomes one that names the user's context: the
    instruction ``world.context_instruction`` for each of ``world.contexts``, as a version after the initial one,
    promoted. Nothing where the prompt registry has a champion other than the seeded initial prompt (a run on a data
    root that already has its prompts)."""
    from feedback_loop.prompts import INITIAL_PROMPT_VERSION, register_child_prompt

    champion = prompt_registry.champion()
    if champion is not None and champion.version != INITIAL_PROMPT_VERSION:
        return
    instructions = {context: world.context_instruction.format(context=context) for context in world.contexts}
    prompt = register_child_prompt(prompts, prompt_registry, instructions, actor=DEMO_ACTOR)
    prompt_registry.promote(prompt.version, actor=DEMO_ACTOR, reason="the application names the user's context")


def _key(name: str):
    import dagster as dg

    return dg.AssetKey(name)


def _version(record) -> str | None:
    return record.version if record is not None else None


def _shadow_decision(store, shadow) -> dict | None:
    """What the shadow evaluation decided today on the challenger that was in shadow: its version, passed, its
    primary metric (`p_good`, or `correction_f1` without a published auto-labeler) and that difference's interval;
    None when no challenger was in shadow or it is still in its period."""
    if shadow is None:
        return None
    record = store.get(shadow.adapter_version)
    summary = record.metrics.get(SHADOW_EVALUATION)
    if record.status == "shadow" or summary is None:
        return None
    primary = summary.get("primary") or {}
    return {
        "version": record.version,
        "passed": summary["passed"],
        "metric": primary.get("metric"),
        "interval": [primary["low"], primary["high"]] if primary else None,
        "differing_share": summary["differing_share"],
        "prompts": summary["prompts"],
    }


def _shadow_cost(server) -> dict:
    """What shadow serving cost on the day: prompts answered twice, tokens, and generation time next to the live
    answers' generation time."""
    cost = server.shadow_cost
    return {
        "prompts": cost.prompts,
        "tokens": cost.tokens,
        "seconds": round(cost.seconds, 2),
        "live_prompts": cost.live_prompts,
        "live_seconds": round(cost.live_seconds, 2),
    }


def _true_difference(by_adapter: dict, ab: dict) -> float | None:
    """The expected thumbs-up rate of the A/B test's canary minus its champion's, on the day served: what the
    answers they gave that day earn from those users by the world's reactions. Not the day's realized thumbs, which
    the A/B test itself decided on (a canary promoted on a lucky day had a lucky realized rate too)."""
    canary, champion = ab.get("canary_version"), ab.get("champion_version")
    canary_truth, champion_truth = by_adapter.get(canary), by_adapter.get(champion or "base")
    if canary_truth is None or champion_truth is None:
        return None
    canary_rate, champion_rate = canary_truth.expected_thumbs_up_rate, champion_truth.expected_thumbs_up_rate
    return None if canary_rate is None or champion_rate is None else canary_rate - champion_rate


def _with_rollout(run_config: dict | None, config: DemoConfig) -> dict:
    ops = dict((run_config or {}).get("ops", {}))
    ops["champion_adapter"] = {
        "config": {"rollout": "canary", "canary_share": config.rollout.canary_share, "shadow": config.rollout.shadow}
    }
    return {**(run_config or {}), "ops": ops}


def _ab_test_config(config: DemoConfig) -> dict:
    """`ingestion_job`'s run config for the adapters' A/B test."""
    return {"ops": {"online_ab_test": {"config": {"expected_difference": config.rollout.ab_expected_difference}}}}


def _with_objective(run_config: dict, objective: str) -> dict:
    ops = dict(run_config.get("ops", {}))
    ops["lora_adapter"] = {"config": {**ops.get("lora_adapter", {}).get("config", {}), "objective": objective}}
    return {**run_config, "ops": ops}


def _with_poison(run_config: dict) -> dict:
    """The poisoned challenger: SFT on the responses labeled bad, whatever the demo's objective."""
    ops = dict(_with_objective(run_config, "sft")["ops"])
    ops["sft_dataset"] = {"config": {**ops.get("sft_dataset", {}).get("config", {}), "target_quality": "bad"}}
    return {**run_config, "ops": ops}
