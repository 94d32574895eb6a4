"""Routing users to arms: stable per user, close to the configured shares, validated."""

import pytest

from feedback_loop.serve import Arm, assign_arm, traffic_split


def test_without_canary_everyone_gets_the_champion_or_the_base_model():
    assert traffic_split(None, None) == [Arm(None, None, 1.0)]
    assert traffic_split(("v1", "/a/v1"), None) == [Arm("v1", "/a/v1", 1.0)]


def test_canary_share_is_respected_and_each_user_keeps_one_arm():
    arms = traffic_split(("v1", "/a/v1"), ("v2", "/a/v2", 0.2))
    users = [f"user-{i}" for i in range(5000)]
    first = [assign_arm(u, arms, salt="v2").adapter_version for u in users]
    assert first == [assign_arm(u, arms, salt="v2").adapter_version for u in users]
    share = first.count("v2") / len(users)
    assert 0.18 < share < 0.22
    # Another canary reshuffles who is in it, so one unlucky group is not always the test group.
    other = [assign_arm(u, arms, salt="v3").adapter_version for u in users]
    assert other != first


@pytest.mark.parametrize("share", [0.0, 1.0, 1.5])
def test_canary_share_must_be_strictly_between_zero_and_one(share):
    with pytest.raises(ValueError, match="share"):
        traffic_split(None, ("v2", "/a/v2", share))


def _tiny_base_and_adapter(tmp_path, train: int, eval_: int) -> None:
    """A tiny base model at ``tmp_path/base`` and an adapter trained on it at ``tmp_path/adapter``."""
    from feedback_loop.model.base import build_base_model
    from feedback_loop.train.lora import LoraSpec, train_lora
    from feedback_loop_tests.model.tiny_models import TINY_BASE_SPEC, save_dataset, sft_rows, support_corpus

    build_base_model(support_corpus(), tmp_path / "base", TINY_BASE_SPEC)
    rows = sft_rows(train + eval_)
    train_lora(
        tmp_path / "base",
        save_dataset(tmp_path / "ds", rows[:train], rows[train:]),
        tmp_path / "adapter",
        LoraSpec(epochs=1, batch_size=8, max_length=64, device="cpu"),
    )


def test_model_server_answers_in_batches_and_records_each_users_arm(tmp_path):
    from feedback_loop.serve import ChatRequest, ModelServer

    _tiny_base_and_adapter(tmp_path, 20, 4)
    arms = traffic_split(None, ("v2", str(tmp_path / "adapter"), 0.5))
    reports: list[tuple[int, int]] = []
    server = ModelServer(
        tmp_path / "base",
        "base-test",
        arms,
        max_new_tokens=8,
        batch_size=4,
        progress=lambda *report: reports.append(report),
    )
    requests = [
        ChatRequest(f"When does my {p} arrive?", f"user-{i}", "s") for i, p in enumerate(["laptop", "phone"] * 6)
    ]
    responses = server(requests)
    assert len(responses) == len(requests)
    # One count of all requests over both arms' batches.
    assert {total for _, total in reports} == {12} and reports[-1] == (12, 12)
    assert [done for done, _ in reports] == sorted({done for done, _ in reports}) and len(reports) >= 4
    assert all(r.model_version == "base-test" and isinstance(r.text, str) for r in responses)
    expected = [assign_arm(r.user_id, arms, server.salt).adapter_version for r in requests]
    assert [r.adapter_version for r in responses] == expected
    assert set(expected) == {None, "v2"}


def test_model_server_refuses_an_adapter_trained_on_another_base_model(tmp_path):
    from feedback_loop.model.base import build_base_model, model_fingerprint
    from feedback_loop.serve import ChatRequest, ModelServer
    from feedback_loop_tests.model.tiny_models import TINY_BASE_SPEC, support_corpus

    _tiny_base_and_adapter(tmp_path, 8, 2)
    build_base_model(support_corpus(), tmp_path / "other", TINY_BASE_SPEC.model_copy(update={"seed": 1}))
    server = ModelServer(tmp_path / "other", "other", traffic_split(("v1", str(tmp_path / "adapter")), None))
    trained_on, serving = model_fingerprint(tmp_path / "base"), model_fingerprint(tmp_path / "other")
    assert trained_on != serving
    with pytest.raises(ValueError, match=f"trained on base model {trained_on}, but .* is {serving}"):
        server([ChatRequest("where is my router order 5?", "u1", "s")])


# --- system prompt arms --------------------------------------------------------------------------------------


def _prompt(version: str, instructions: dict | None = None):
    from feedback_loop.prompts import PromptVersion

    return PromptVersion(version, "", instructions or {}, None, "2026-11-01T00:00:00+00:00", "test", None)


def test_system_prompt_arms_follow_their_share_independently_of_adapter_arms():
    from feedback_loop.serve import assign_prompt_arm, prompt_split

    users = [f"user-{i}" for i in range(20000)]
    prompt_arms = prompt_split(_prompt("support-v1"), (_prompt("support-v2"), 0.2))
    adapter_arms = traffic_split(("v1", "/a/v1"), ("v2", "/a/v2", 0.2))
    in_prompt_canary = {u for u in users if assign_prompt_arm(u, prompt_arms).prompt.version == "support-v2"}
    in_adapter_canary = {u for u in users if assign_arm(u, adapter_arms, salt="v1|v2").adapter_version == "v2"}
    assert in_prompt_canary == {u for u in users if assign_prompt_arm(u, prompt_arms).prompt.version == "support-v2"}
    assert 0.18 < len(in_prompt_canary) / len(users) < 0.22
    # Independent experiments: about 20% of each adapter arm tries the new prompt, not all or none of one arm.
    overlap = len(in_prompt_canary & in_adapter_canary) / len(in_adapter_canary)
    rest = len(in_prompt_canary - in_adapter_canary) / (len(users) - len(in_adapter_canary))
    assert 0.17 < overlap < 0.23 and 0.17 < rest < 0.23
    with pytest.raises(ValueError, match="share"):
        prompt_split(_prompt("support-v1"), (_prompt("support-v2"), 1.0))


def test_an_empty_system_text_leaves_the_model_input_unchanged(tmp_path):
    from feedback_loop.model.base import build_base_model, load_causal_lm
    from feedback_loop.model.encoding import encode_prompt
    from feedback_loop.model.generation import generate_responses
    from feedback_loop.model.prompting import format_prompt
    from feedback_loop_tests.model.tiny_models import TINY_BASE_SPEC, support_corpus

    question = "  where is my phone order 12? "
    assert format_prompt(question, "") == format_prompt(question, " \n") == format_prompt(question)
    assert format_prompt(question) == "### User:\nwhere is my phone order 12?\n### Assistant:\n"
    assert format_prompt(question, "Be brief.") == "### System:\nBe brief.\n" + format_prompt(question)

    build_base_model(support_corpus(), tmp_path / "base", TINY_BASE_SPEC)
    model, tokenizer = load_causal_lm(tmp_path / "base", None, "cpu")
    assert encode_prompt(tokenizer, question, 64, "") == encode_prompt(tokenizer, question, 64)
    assert encode_prompt(tokenizer, question, 64, "Be brief.") != encode_prompt(tokenizer, question, 64)
    prompts = ["my router is broken", "how do I reset my laptop?"]
    plain = generate_responses(model, tokenizer, prompts, max_new_tokens=6, batch_size=2)
    assert generate_responses(model, tokenizer, prompts, systems=["", ""], max_new_tokens=6, batch_size=2) == plain
    with pytest.raises(ValueError, match="1 system texts for 2 prompts"):
        generate_responses(model, tokenizer, prompts, systems=[""], max_new_tokens=6, batch_size=2)


def test_model_server_reads_each_users_prompt_arm_and_records_its_version(monkeypatch):
    import feedback_loop.model.generation as generation
    from feedback_loop.serve import ChatRequest, ModelServer, assign_prompt_arm, prompt_split

    seen: dict[str, str] = {}

    def fake_generate(model, tokenizer, prompts, *, systems, **_):
        seen.update(zip(prompts, systems, strict=True))
        return [f"answer to {p}" for p in prompts]

    monkeypatch.setattr(generation, "generate_responses", fake_generate)
    prompt_arms = prompt_split(_prompt("support-v1"), (_prompt("support-v2", {"concise": "Be brief."}), 0.5))
    server = ModelServer("/no/base", "base-test", traffic_split(None, None), prompt_arms=prompt_arms)
    monkeypatch.setattr(server, "_model", lambda arm: (None, None))
    requests = [ChatRequest(f"q{i}", f"user-{i}", "s", "concise" if i % 2 else "thorough") for i in range(40)]
    responses = server(requests)

    versions = [assign_prompt_arm(r.user_id, prompt_arms).prompt.version for r in requests]
    assert [r.system_prompt_version for r in responses] == versions
    assert set(versions) == {"support-v1", "support-v2"}
    for request, version in zip(requests, versions, strict=True):
        expected = "Be brief." if version == "support-v2" and request.user_segment == "concise" else ""
        assert seen[request.prompt] == expected
    assert "Be brief." in seen.values()
    # Without prompt arms every user gets the initial, empty prompt.
    default = ModelServer("/no/base", "base-test", traffic_split(None, None))
    monkeypatch.setattr(default, "_model", lambda arm: (None, None))
    assert {r.system_prompt_version for r in default(requests)} == {"support-v1"}
    assert set(seen.values()) == {""}


def test_the_simulator_records_the_served_system_prompt_version_and_tells_the_segment(tmp_path):
    import json
    from datetime import date

    from feedback_loop.serve import ServedResponse
    from feedback_loop.simulate import simulate_day
    from feedback_loop.simulate.users import segment_of

    asked = []

    def version(user_id: str) -> str:
        return "support-v2" if segment_of(user_id).name == "concise" else "support-v1"

    def responder(requests):
        asked.extend(requests)
        return [ServedResponse("Restart it.", "m", None, version(r.user_id)) for r in requests]

    truth = simulate_day(tmp_path, date(2026, 11, 1), 40, seed=0, responder=responder, late_fraction=0.0)
    events = [json.loads(line) for line in truth.path.read_text().splitlines()]
    interactions = [e for e in events if e["event_type"] == "interaction"]
    assert len(interactions) == 40
    assert all(e["system_prompt_version"] == version(e["user_id"]) for e in interactions)
    assert {e["system_prompt_version"] for e in interactions} == {"support-v1", "support-v2"}
    assert all(r.user_segment == segment_of(r.user_id).name for r in asked)
    with pytest.raises(ValueError, match="field 'system_prompt_version'"):
        simulate_day(
            tmp_path, date(2026, 11, 1), 2, seed=0, responder=lambda rs: [ServedResponse("x", "m", None, "")] * len(rs)
        )


def test_arms_come_from_the_registry_share_column(tmp_path):
    from feedback_loop.registry import Registry
    from feedback_loop.registry.store import adapters_table
    from feedback_loop.serve import arms_from_registry

    store = Registry(f"sqlite:///{tmp_path / 'registry.db'}")
    assert arms_from_registry(store) == [Arm(None, None, 1.0)]
    for version in ("v1", "v2"):
        store.register(version, path=f"/a/{version}", metrics={}, lineage={}, actor="test")
    store.promote("v1", actor="test", reason="first")
    store.set_status("v2", "canary", actor="test", reason="canary", canary_share=0.25)
    assert arms_from_registry(store) == [Arm("v1", "/a/v1", 0.75), Arm("v2", "/a/v2", 0.25)]
    # A canary whose share is missing (a registry edited by hand) is a clear error naming it, not a KeyError.
    with store.engine.begin() as conn:
        conn.execute(adapters_table.update().where(adapters_table.c.version == "v2").values(canary_share=None))
    with pytest.raises(ValueError, match=r"canary v2: field 'canary_share' is empty"):
        arms_from_registry(store)


# --- shadow serving ----------------------------------------------------------------------------------------------


class _WordTokenizer:
    def __call__(self, texts, add_special_tokens=False):
        return {"input_ids": [text.split() for text in texts]}


def _shadow_server(monkeypatch, **options):
    import feedback_loop.model.generation as generation
    from feedback_loop.serve import ModelServer

    def fake_generate(model, tokenizer, prompts, **_):
        return [f"{model} says {prompt}" for prompt in prompts]

    monkeypatch.setattr(generation, "generate_responses", fake_generate)
    server = ModelServer("/no/base", "base-test", traffic_split(("v1", "/a/v1"), ("v2", "/a/v2", 0.3)), **options)
    monkeypatch.setattr(server, "_model", lambda arm: (arm.adapter_version, _WordTokenizer()))
    return server


def test_the_shadow_answers_a_share_of_the_champions_prompts_unseen(monkeypatch):
    from feedback_loop.serve import ChatRequest, shadowed

    server = _shadow_server(monkeypatch, shadow=Arm("v3", "/a/v3", 0.0), shadow_share=0.4)
    requests = [ChatRequest(f"q{i}", f"user-{i % 70}", "s", interaction_id=f"i{i}") for i in range(300)]
    responses = server(requests)
    with_shadow = [
        (request, response) for request, response in zip(requests, responses, strict=True) if response.shadow
    ]
    # Only the champion's answers are shadowed, each picked by its interaction, about the share of them.
    assert all(response.adapter_version == "v1" for _, response in with_shadow)
    champion = [
        request for request, response in zip(requests, responses, strict=True) if response.adapter_version == "v1"
    ]
    assert len(with_shadow) == sum(shadowed(request, 0.4) for request in champion)
    assert 0.3 * len(champion) < len(with_shadow) < 0.5 * len(champion)
    for request, response in with_shadow:
        # The user is shown the champion's answer; the shadow's rides along, never in its place.
        assert response.text == f"v1 says {request.prompt}"
        assert (response.shadow.text, response.shadow.adapter_version) == (f"v3 says {request.prompt}", "v3")
        assert response.shadow.completion_tokens == 3 and response.shadow.latency_ms >= 0
    cost = server.shadow_cost
    assert (cost.prompts, cost.tokens, cost.by_version) == (
        len(with_shadow),
        3 * len(with_shadow),
        {"v3": cost.prompts},
    )
    assert cost.live_prompts == 300 and cost.seconds >= 0 and cost.live_seconds > 0
    # The same interactions are picked again.
    assert [bool(r.shadow) for r in server(requests)] == [bool(r.shadow) for r in responses]


def test_shadow_serving_needs_interaction_ids_a_version_and_a_share(monkeypatch):
    from feedback_loop.serve import ChatRequest, ModelServer

    server = _shadow_server(monkeypatch, shadow=Arm("v3", "/a/v3", 0.0))
    with pytest.raises(ValueError, match="field 'interaction_id' is missing"):
        server([ChatRequest(f"q{i}", f"user-{i}", "s") for i in range(20)])
    with pytest.raises(ValueError, match="field 'adapter_version' must name the shadow"):
        ModelServer("/no/base", "m", traffic_split(None, None), shadow=Arm(None, None, 0.0))
    with pytest.raises(ValueError, match="field 'share' must be within"):
        ModelServer("/no/base", "m", traffic_split(None, None), shadow=Arm("v3", "/a/v3", 0.0), shadow_share=1.0)


def test_the_simulator_keeps_shadow_answers_out_of_the_users_telemetry(tmp_path):
    import json
    from datetime import date

    from feedback_loop.schema import InteractionEvent
    from feedback_loop.serve import ServedResponse, ShadowAnswer
    from feedback_loop.simulate import simulate_day

    def responder(with_shadow: bool):
        def answer(requests):
            return [
                ServedResponse(
                    "Open Orders and select your order.",
                    "m",
                    None,
                    shadow=ShadowAnswer("SHADOW ANSWER that is rude: stupid", "v3", 12.5, 6)
                    if with_shadow and index % 3 == 0
                    else None,
                )
                for index, _ in enumerate(requests)
            ]

        return answer

    day = date(2026, 11, 3)
    plain = simulate_day(tmp_path / "plain", day, 60, 1, responder=responder(False), shadow_dir=tmp_path / "s0")
    shadowed = simulate_day(tmp_path / "landing", day, 60, 1, responder=responder(True), shadow_dir=tmp_path / "s1")
    # Users never react to the shadow answer: the same events, byte for byte, and the same truth.
    assert shadowed.path.read_bytes() == plain.path.read_bytes() and shadowed.total == plain.total
    assert "SHADOW" not in shadowed.path.read_text() and plain.shadow_path is None
    events = [json.loads(line) for line in shadowed.shadow_path.read_text().splitlines()]
    assert len(events) == shadowed.shadow_events == 20
    live = {
        event["interaction_id"]: event
        for event in map(json.loads, shadowed.path.read_text().splitlines())
        if event["event_type"] == "interaction"
    }
    for event in events:
        InteractionEvent.model_validate(event)  # the shadow stream speaks the interaction schema
        served = live[event["interaction_id"]]
        assert (event["prompt"], event["user_id"]) == (served["prompt"], served["user_id"])
        assert (event["adapter_version"], event["latency_ms"], event["completion_tokens"]) == ("v3", 12.5, 6)
    with pytest.raises(ValueError, match="field 'shadow_dir' is None"):
        simulate_day(tmp_path / "other", day, 60, 1, responder=responder(True))
