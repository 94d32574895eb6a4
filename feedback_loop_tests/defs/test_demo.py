"""A short closed-loop demo completes through Dagster and reports what the issue asks for."""

import json
from datetime import date

import dagster as dg
import pytest

from feedback_loop.demo import DemoConfig, DemoRollout, plot_kpi, run_demo, write_json
from feedback_loop.registry import Registry
from feedback_loop_tests.defs.conftest import TINY_EVAL, retrain_run_config

pytestmark = pytest.mark.slow

KEYS = {
    "iteration", "interactions", "thumbs_up_rate", "gate_passed", "shadow_passed", "ab_decision", "champion_version",
    "ceiling", "share_of_ceiling", "exact_copy_share",
}  # fmt: skip


def _rollout_run_config() -> dict:
    """For the tests that follow a challenger past its gate: ~150 interactions leave ~5 eval examples in ~4 target
    groups, where an honest 95% interval can't tell a tiny adapter from the base model; the gate is at 50% here."""
    config = retrain_run_config()
    config["ops"]["adapter_evaluation"] = {"config": {**TINY_EVAL, "confidence": 0.5}}
    return config


def test_one_iteration_with_a_poisoned_challenger(settings, tmp_path):
    config = DemoConfig(
        iterations=1,
        interactions=200,
        seed=3,
        poison=True,
        last_day=date(2026, 11, 5),
        retrain_run_config=retrain_run_config(),
    )
    messages = []
    rows = run_demo(settings, config, progress=messages.append)
    [row] = rows
    assert set(row) >= KEYS
    assert row["interactions"] == 200 and 0.0 <= row["thumbs_up_rate"] <= 1.0
    # The lookup world's ceiling: every user gets the correct answer.
    assert row["world"] == "lookup" and 0.9 < row["ceiling"] < 0.95
    assert row["share_of_ceiling"] == pytest.approx(row["thumbs_up_rate"] / row["ceiling"])
    assert row["ab_decision"] == "none"  # no canary served on the first day
    assert row["poison_gate_passed"] is False
    if row["gate_passed"]:
        # The demo skips the shadow day: the new adapter is the canary of the next day's A/B test.
        assert row["canary_version"] == row["challenger"] and row["shadow_version"] is None
    assert row["shadow_passed"] is None and row["shadow_decision"] is None  # no challenger was in shadow yet
    assert any("ingestion_job" in m for m in messages) and any("retrain_job" in m for m in messages)
    assert any(m.startswith("iteration 1: serving: request 200/200 (100%)") for m in messages)
    # No champion yet on the first day: the summary names the base model, as the table does, not "None".
    assert any(m.startswith("iteration 1: thumbs-up") and m.endswith(", champion base") for m in messages), messages
    # The poisoned challenger was rejected last: the adapter manifest names an adapter that was not.
    registry = Registry(settings.registry_url)
    rejected = {record.version for record in registry.list() if record.status == "rejected"}
    assert rejected
    manifest = settings.layout.root / "manifests" / "lora_adapter.json"
    assert not manifest.exists() or json.loads(manifest.read_text())["version"] not in rejected
    # Every run says that the demo started it, and which iteration (0: the base model before the first).
    with dg.DagsterInstance.from_config(str(settings.dagster_home)) as instance:
        tags = [(run.tags["feedback_loop/trigger"], run.tags["feedback_loop/iteration"]) for run in instance.get_runs()]
    assert sorted(set(tags)) == [("demo", "0"), ("demo", "1")], tags

    out = tmp_path / "demo.json"
    write_json(rows, out)
    assert set(json.loads(out.read_text())[0]) >= KEYS
    png = tmp_path / "kpi.png"
    plot_kpi(rows, png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_challenger_spends_its_next_day_in_shadow_before_any_user_sees_it(settings):
    config = DemoConfig(
        iterations=2,
        interactions=150,
        seed=5,
        last_day=date(2026, 11, 5),
        rollout=DemoRollout(shadow=True),
        retrain_run_config=_rollout_run_config(),
    )
    messages: list[str] = []
    first, second = run_demo(settings, config, progress=messages.append)
    assert first["gate_passed"] and first["shadow_version"] == first["challenger"]
    assert first["shadow_cost"]["prompts"] == 0  # nobody was in shadow on the first day
    # Day 2: the shadow answered a share of the champion's prompts, unseen.
    cost = second["shadow_cost"]
    assert 0 < cost["prompts"] < cost["live_prompts"] == 150 and cost["tokens"] > 0 and cost["seconds"] > 0
    # 150 users a day give the auto-labeler too few labels to publish a model: no P(good), so the users'
    # corrections of the champion's answers judge the shadow's; it is not closer to them by the margin, so it is
    # rejected on its shadow day, and the day's own challenger takes its place in shadow. Neither reached a user.
    decision = second["shadow_decision"]
    assert decision["version"] == first["challenger"] and decision["metric"] == "correction_f1"
    assert first["shadow_passed"] is False and first["shadow_metric"] == "correction_f1"
    assert first["shadow_interval"] == decision["interval"] and decision["interval"][0] <= 0.01
    assert second["canary_version"] is None and second["gate_passed"]
    assert second["shadow_version"] == second["challenger"] != first["challenger"]
    registry = Registry(settings.registry_url)
    moves = [
        row["to_status"] for row in registry.audit_log(first["challenger"]) if row["from_status"] != row["to_status"]
    ]
    assert moves[:3] == ["candidate", "shadow", "rejected"] and not {"canary", "champion"} & set(moves)
    # The demo says the rejection in a paragraph of its own: the gate, its reasons with their figures, what stays.
    [said] = [message for message in messages if "the shadow gate (shadow_gate) rejected" in message]
    assert said.startswith(
        f"iteration 2: the shadow gate (shadow_gate) rejected the shadow challenger {first['challenger']}"
    )
    assert "correction_f1 improvement" in said and "The bare base model stays" in said
    # Users saw no shadow answer: the day's interactions are exactly the users' requests.
    assert second["interactions"] == 150


def test_without_a_shadow_day_the_canary_serves_the_next_day_on_the_sample_planned_for_its_expected_gain(settings):
    rollout = DemoRollout(canary_share=0.5, shadow=False, ab_expected_difference=0.05)
    config = DemoConfig(
        iterations=2,
        interactions=150,
        seed=5,
        last_day=date(2026, 11, 5),
        rollout=rollout,
        retrain_run_config=_rollout_run_config(),
    )
    first, second = run_demo(settings, config, progress=lambda message: None)
    # No shadow day: the challenger that passed its gate is the canary at once, and serves half the users next day.
    assert first["gate_passed"] and first["canary_version"] == first["challenger"]
    assert first["shadow_version"] is None and first["ab_decision"] == "none"
    assert f"{first['challenger']} 50%" in second["served_by"]
    assert second["shadow_cost"]["prompts"] == 0 and second["shadow_decision"] is None
    # Its A/B test looked at that day, with the sample planned for a canary 5 points better.
    assert second["ab_canary"] == first["challenger"] and second["ab_decision"] != "none"
    registry = Registry(settings.registry_url)
    assert registry.get(first["challenger"]).metrics["online_ab_test"]["spec"]["expected_difference"] == 0.05
    moves = [
        row["to_status"] for row in registry.audit_log(first["challenger"]) if row["from_status"] != row["to_status"]
    ]
    assert moves[:2] == ["candidate", "canary"]


def test_the_worlds_recipes_reach_base_model_and_lora_adapter_under_a_run_configs_own(settings):
    from feedback_loop.demo import _with_world_recipes
    from feedback_loop.simulate import SlotWorld

    world = SlotWorld(0, corpus_size=50)
    sft_recipe = dict(world.adapter_overrides["sft"])
    config = _with_world_recipes(
        {"ops": {"lora_adapter": {"config": {"epochs": 1, "objective": "sft"}}}}, settings, world
    )
    assert config["ops"]["lora_adapter"]["config"] == {**sft_recipe, "epochs": 1, "objective": "sft"}
    assert config["ops"]["base_model"]["config"]["num_layers"] == world.base_model_overrides["num_layers"]
    # LoraSpec's default objective is sft; kto has no recipe of this world.
    assert _with_world_recipes({}, settings, world)["ops"]["lora_adapter"]["config"] == sft_recipe
    kto = {"ops": {"lora_adapter": {"config": {"objective": "kto"}}}}
    assert _with_world_recipes(kto, settings, world)["ops"]["lora_adapter"]["config"] == {"objective": "kto"}
    sft_dpo = {"ops": {"lora_adapter": {"config": {"objective": "sft+dpo"}}}}
    assert _with_world_recipes(sft_dpo, settings, world)["ops"]["lora_adapter"]["config"] == {
        **sft_recipe,
        "objective": "sft+dpo",
    }


def test_the_application_names_the_users_context_in_its_prompt_once(settings):
    from feedback_loop.demo import _name_the_context
    from feedback_loop.prompts import INITIAL_PROMPT_VERSION, PromptStore, champion_prompt
    from feedback_loop.simulate import SlotWorld

    prompts, registry = PromptStore(settings.layout.prompts), Registry(settings.prompt_registry_url)
    # The lookup world's context is the hidden segment itself: it has none to name, and the demo says so.
    with pytest.raises(ValueError, match="'lookup' world has no user context to name in the prompt"):
        run_demo(settings, DemoConfig(iterations=1, interactions=1, context_in_prompt=True))
    assert champion_prompt(prompts, registry).version == INITIAL_PROMPT_VERSION and registry.champion() is None
    _name_the_context(prompts, registry, SlotWorld(0, corpus_size=50))
    named = champion_prompt(prompts, registry)
    assert (named.version, named.parent) == ("support-v2", INITIAL_PROMPT_VERSION)
    assert named.system_text("business") == "The user is on the business plan." and named.system_text(None) == ""
    _name_the_context(prompts, registry, SlotWorld(0, corpus_size=50))  # a second run on the same data root
    assert sorted(record.version for record in registry.list()) == [INITIAL_PROMPT_VERSION, "support-v2"]


def test_the_probe_reads_its_questions_after_the_champion_prompt_as_traffic_does(settings, monkeypatch):
    from types import SimpleNamespace

    import feedback_loop.serve
    from feedback_loop.demo import _name_the_context, _probe
    from feedback_loop.prompts import PromptStore, champion_prompt
    from feedback_loop.serve.router import INITIAL_PROMPT_ARMS, assign_prompt_arm
    from feedback_loop.simulate import SlotWorld

    world = SlotWorld(0, corpus_size=50)
    prompts, prompt_registry = PromptStore(settings.layout.prompts), Registry(settings.prompt_registry_url)
    _name_the_context(prompts, prompt_registry, world)
    system_texts = []

    class RecordingServer:
        """Records the system text each request is read after, as ModelServer picks it, and answers nothing."""

        def __init__(self, base_dir, model_version, arms, *, prompt_arms=None):
            self.prompt_arms = INITIAL_PROMPT_ARMS if prompt_arms is None else prompt_arms

        def __call__(self, requests):
            for request in requests:
                prompt = assign_prompt_arm(request.user_id, self.prompt_arms).prompt
                system_texts.append(prompt.system_text(request.user_segment))
            return [SimpleNamespace(text="") for _ in requests]

    monkeypatch.setattr(feedback_loop.serve, "ModelServer", RecordingServer)
    base_manifest = {"path": "unused", "fingerprint": "0" * 16}
    share = _probe(world, Registry(settings.registry_url), champion_prompt(prompts, prompt_registry), base_manifest, 30)
    assert 0 <= share < world.ceiling()
    assert set(system_texts) == {f"The user is on the {tier} plan." for tier in world.contexts}
