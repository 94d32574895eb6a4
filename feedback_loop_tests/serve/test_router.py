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


def test_model_server_answers_in_batches_and_records_each_users_arm(tmp_path):
    from feedback_loop.model.base import build_base_model
    from feedback_loop.serve import ChatRequest, ModelServer
    from feedback_loop.train.lora import LoraSpec, train_lora
    from feedback_loop_tests.model.tiny_models import TINY_BASE_SPEC, save_dataset, sft_rows, support_corpus

    build_base_model(support_corpus(), tmp_path / "base", TINY_BASE_SPEC)
    rows = sft_rows(24)
    train_lora(tmp_path / "base", save_dataset(tmp_path / "ds", rows[:20], rows[20:]), tmp_path / "adapter",
               LoraSpec(epochs=1, batch_size=8, max_length=64, device="cpu"))
    arms = traffic_split(None, ("v2", str(tmp_path / "adapter"), 0.5))
    server = ModelServer(tmp_path / "base", "base-test", arms, max_new_tokens=8, batch_size=4)
    requests = [ChatRequest(f"When does my {p} arrive?", f"user-{i}", "s") for i, p in enumerate(["laptop", "phone"] * 6)]
    responses = server(requests)
    assert len(responses) == len(requests)
    assert all(r.model_version == "base-test" and isinstance(r.text, str) for r in responses)
    expected = [assign_arm(r.user_id, arms, server.salt).adapter_version for r in requests]
    assert [r.adapter_version for r in responses] == expected
    assert set(expected) == {None, "v2"}
