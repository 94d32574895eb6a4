"""`GET /v1/champion`: what to serve, and an assignment rule an application can follow to route users as
ModelServer does."""

from __future__ import annotations

import hashlib

from starlette.testclient import TestClient

from feedback_loop.collect.app import CollectorConfig, build_app, champion_from_settings
from feedback_loop.prompts import PromptStore, PromptVersion, seed_registry
from feedback_loop.registry import Registry
from feedback_loop.serve import ModelServer, arms_from_registry
from feedback_loop.serve.champion import serving_state
from feedback_loop.settings import load_settings


def _registries(tmp_path):
    settings = load_settings({"FEEDBACK_LOOP_DATA_DIR": str(tmp_path / "data")})
    registry = Registry(settings.registry_url)
    for version in ("lora-1", "lora-2"):
        registry.register(version, path=f"/adapters/{version}", metrics={}, lineage={}, actor="test")
    registry.promote("lora-1", actor="test", reason="first")
    registry.set_status("lora-2", "canary", actor="test", reason="try it", canary_share=0.3)
    prompt_registry = Registry(settings.prompt_registry_url)
    prompts = PromptStore(settings.layout.prompts)
    seed_registry(prompts, prompt_registry)
    concise = prompts.write(
        PromptVersion("support-v2", "Be concise.", {"pro": "Mention the API."}, "support-v1", "", "t", None)
    )
    prompt_registry.register(
        concise.version, path=str(prompts.path(concise.version)), metrics={}, lineage={}, actor="t"
    )
    prompt_registry.set_status(concise.version, "canary", actor="test", reason="try it", canary_share=0.5)
    return settings, registry, prompts, prompt_registry


def _documented_rule(salt: str, user_id: str, arms: list[tuple[str | None, float]]):
    """The assignment rule as /v1/champion states it, written from its text alone."""
    point = int.from_bytes(hashlib.sha256(f"{salt}:{user_id}".encode()).digest()[:8], "big") / 2**64
    edge = 0.0
    for name, share in arms:
        edge += share
        if point < edge:
            return name
    return arms[-1][0]


def test_the_state_names_champion_canary_prompts_and_a_rule_that_routes_like_the_model_server(tmp_path):
    settings, registry, prompts, prompt_registry = _registries(tmp_path)
    state = serving_state(registry, prompts, prompt_registry, settings.layout.base_model)
    assert state["champion"] == {"version": "lora-1", "path": "/adapters/lora-1"}
    assert state["canary"] == {"version": "lora-2", "path": "/adapters/lora-2", "share": 0.3}
    assert [(a["adapter_version"], a["share"]) for a in state["adapter_arms"]] == [("lora-1", 0.7), ("lora-2", 0.3)]
    assert [(a["version"], a["share"]) for a in state["system_prompt_arms"]] == [
        ("support-v1", 0.5),
        ("support-v2", 0.5),
    ]
    server = ModelServer(settings.layout.base_model, "base-test", arms_from_registry(registry))
    assert state["assignment"]["adapter_salt"] == server.salt
    adapters = [(a["adapter_version"], a["share"]) for a in state["adapter_arms"]]
    prompt_arms = [(a["version"], a["share"]) for a in state["system_prompt_arms"]]
    canary_users = 0
    for number in range(200):
        user = f"user-{number}"
        mine = serving_state(registry, prompts, prompt_registry, settings.layout.base_model, user_id=user)["user"]
        assert mine["adapter_version"] == _documented_rule(state["assignment"]["adapter_salt"], user, adapters)
        assert mine["system_prompt_version"] == _documented_rule(state["assignment"]["prompt_salt"], user, prompt_arms)
        canary_users += mine["adapter_version"] == "lora-2"
    assert 0.2 < canary_users / 200 < 0.4


def test_the_collector_serves_it_with_the_users_segment_instruction(tmp_path):
    settings, *_ = _registries(tmp_path)
    app = build_app(settings.layout.landing, b"token", CollectorConfig(), champion_from_settings(settings))
    with TestClient(app) as http:
        answers = [
            http.get(
                "/v1/champion",
                params={"user_id": f"user-{n}", "user_segment": "pro"},
                headers={"Authorization": "Bearer token"},
            ).json()
            for n in range(20)
        ]
    assert {a["champion"]["version"] for a in answers} == {"lora-1"}
    texts = {a["user"]["system_prompt_version"]: a["user"]["system_text"] for a in answers}
    assert texts == {"support-v1": "", "support-v2": "Be concise.\nMention the API."}


def test_the_state_names_the_shadow_and_a_rule_that_picks_its_prompts_like_the_model_server(tmp_path):
    from feedback_loop.serve import ChatRequest, shadowed

    settings, registry, prompts, prompt_registry = _registries(tmp_path)
    assert serving_state(registry, prompts, prompt_registry, settings.layout.base_model)["shadow"] is None
    registry.register("lora-3", path="/adapters/lora-3", metrics={}, lineage={}, actor="test")
    registry.set_status("lora-3", "shadow", actor="test", reason="passed the offline gate")
    state = serving_state(registry, prompts, prompt_registry, settings.layout.base_model)
    shadow = state["shadow"]
    assert (shadow["version"], shadow["path"]) == ("lora-3", "/adapters/lora-3")
    salt = state["assignment"]["shadow_salt"]
    for index in range(200):
        request = ChatRequest("q", "user", "s", interaction_id=f"interaction-{index}")
        documented = _documented_rule(salt, request.interaction_id, [(True, shadow["share"]), (False, 1.0)])
        assert documented == shadowed(request, shadow["share"])


def test_on_a_bucket_the_collector_answers_with_the_prompts_and_base_model_in_the_bucket(s3_root, tmp_path):
    """A collector on a machine whose working copy is empty: the prompt versions the registry names and the base
    model's fingerprint are in the bucket alone, and `/v1/champion` pulls them before it answers."""
    import json
    import shutil

    from feedback_loop.model.base import METADATA_FILE
    from feedback_loop.storage import DataStore

    key_file = tmp_path / "pseudonym.key"
    key_file.write_text("5" * 64)
    settings = load_settings(
        {
            "FEEDBACK_LOOP_DATA_DIR": s3_root,
            "FEEDBACK_LOOP_WORKING_DIR": str(tmp_path / "working-copy"),
            "FEEDBACK_LOOP_REGISTRY_URL": f"sqlite:///{tmp_path / 'registry.db'}",
            "FEEDBACK_LOOP_PROMPT_REGISTRY_URL": f"sqlite:///{tmp_path / 'prompts.db'}",
            "FEEDBACK_LOOP_PSEUDONYM_KEY_FILE": str(key_file),
        }
    )
    store = DataStore.of(settings)
    prompt_registry = Registry(settings.prompt_registry_url)
    with store.uploading("prompts", "models") as layout:  # another machine
        prompts = PromptStore(layout.prompts)
        seed_registry(prompts, prompt_registry)
        concise = prompts.write(PromptVersion("support-v2", "Be concise.", {}, "support-v1", "", "t", None))
        prompt_registry.register(
            concise.version, path=str(prompts.path("support-v2")), metrics={}, lineage={}, actor="t"
        )
        prompt_registry.promote(concise.version, actor="t", reason="better")
        layout.base_model.mkdir(parents=True)
        (layout.base_model / METADATA_FILE).write_text(json.dumps({"fingerprint": "base-fingerprint"}))
    shutil.rmtree(settings.working_root)
    app = build_app(settings.collector_spool, b"token", CollectorConfig(), champion_from_settings(settings))
    with TestClient(app) as http:
        answer = http.get("/v1/champion", params={"user_id": "u-1"}, headers={"Authorization": "Bearer token"})
    assert answer.status_code == 200, answer.text
    state = answer.json()
    assert [arm["text"] for arm in state["system_prompt_arms"]] == ["Be concise."]
    assert state["base_model"]["fingerprint"] == "base-fingerprint"
