"""The shadow stage end to end on tiny trained models: gate offline, roll out into shadow, serve live prompts with
the shadow answering unseen, compare, and move the registry.

The tiny world has two intents. The base model answers "how do I reset my X?" right and "where is my X order N?"
with a stock reply. A *narrow* challenger, fine-tuned on order questions only, learns them (its eval split holds
only order questions, so it passes the offline gate) but forgets the reset answer; live traffic is mostly reset
questions, so the shadow stage must stop it. A *broad* challenger learns both and goes on to the canary.
P(good) comes from the world's own reward model: the token F1 of an answer against the intent's right answer.
"""

from __future__ import annotations

import random

import pytest

from feedback_loop.evaluate.offline import EvalSpec, compare, score_examples, token_f1
from feedback_loop.evaluate.shadow import ShadowSpec, compare_shadow
from feedback_loop.registry import Registry
from feedback_loop.registry.policy import ShadowPeriod, apply_shadow_decision, roll_out
from feedback_loop.serve import Arm, ChatRequest, ModelServer
from feedback_loop_tests.model.tiny_models import (
    DELIVERY_DAY,
    PRODUCTS,
    TINY_BASE_SPEC,
    one_torch_thread,
    save_dataset,
)

pytestmark = pytest.mark.slow

STOCK_REPLY = "thanks for writing, we will check your order."
# Resampled by prompt: this world has only about ten distinct target texts, too few groups for an interval that
# tells a clear gain from noise on every machine. On one (2026-12-01) the broad challenger of 48 examples and 4
# epochs gained +0.14 with an interval by target crossing zero, and +0.03 on live prompts in shadow; with 72
# examples and 8 epochs it gains +0.22 [+0.13, +0.31] offline and +0.07 [+0.02, +0.13] in shadow.
EVAL = EvalSpec(max_new_tokens=16, n_resamples=1000, batch_size=16, device="cpu", resample_by="prompt")
SHADOW = ShadowSpec(n_resamples=1000)
USERS = 30
# Eval rows of each challenger, distinct prompts nearly all. With 24 (17 prompt groups), on the machine and fresh
# install of 2026-12-03 afternoon, the broad challenger gained +0.113 offline with an interval [-0.003, +0.230] at
# the code that had passed the day before: 48 rows give the interval the groups it needs.
EVAL_ROWS = 48


def _order(rng: random.Random, index: int, prefix: str) -> dict:
    product = rng.choice(PRODUCTS)
    return {
        "example_id": f"{prefix}-{index}",
        "prompt": f"where is my {product} order {rng.randint(1, 99)}?",
        "target": f"your {product} ships on {DELIVERY_DAY[product]}.",
        "weight": 1.0,
    }


def _reset(rng: random.Random, index: int, prefix: str) -> dict:
    product = rng.choice(PRODUCTS)
    return {
        "example_id": f"{prefix}-{index}",
        "prompt": f"how do I reset my {product}?",
        "target": f"hold the {product} button for ten seconds.",
        "weight": 1.0,
    }


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """(base directory, {name: adapter directory}, eval splits by name), trained once."""
    from feedback_loop.model.base import build_base_model
    from feedback_loop.model.prompting import format_prompt
    from feedback_loop.train.lora import LoraSpec, train_lora

    rng = random.Random(0)
    root = tmp_path_factory.mktemp("shadow")
    corpus = []
    for index in range(160):
        row = (_reset if rng.random() < 0.5 else _order)(rng, index, "corpus")
        answer = row["target"] if row["prompt"].startswith("how") else STOCK_REPLY
        corpus.append(format_prompt(row["prompt"]) + answer)
    spec = LoraSpec(dropout=0.0, learning_rate=2e-2, epochs=8, batch_size=8, max_length=64, device="cpu")
    splits = {
        "narrow": [_order(rng, index, "narrow") for index in range(36 + EVAL_ROWS)],
        # One reset question to one order question: enough reset answers to keep them, enough orders to learn. (With
        # one reset to two orders, on the machine of 2026-12-03 the broad challenger lost reset answers in shadow:
        # -0.034 [-0.136, +0.068], at the code that had passed there the day before: its numerics, not the code.)
        "broad": [(_reset if index % 2 == 0 else _order)(rng, index, "broad") for index in range(72 + EVAL_ROWS)],
    }
    with one_torch_thread():
        build_base_model(
            corpus, root / "base", TINY_BASE_SPEC.model_copy(update={"pretrain_steps": 300, "pretrain_batch_size": 16})
        )
        for name, rows in splits.items():
            train, eval_ = rows[:-EVAL_ROWS], rows[-EVAL_ROWS:]
            train_lora(root / "base", save_dataset(root / f"data-{name}", train, eval_), root / name, spec)
    evals = {name: rows[-EVAL_ROWS:] for name, rows in splits.items()}
    return root / "base", {name: root / name for name in splits}, evals


@pytest.fixture(autouse=True)
def _one_thread():
    with one_torch_thread():
        yield


def _live_traffic(n: int = 120) -> list[dict]:
    """Live prompts: mostly reset questions, which the eval split of the narrow challenger never asks."""
    rng = random.Random(7)
    return [(_order if rng.random() < 0.3 else _reset)(rng, index, "live") for index in range(n)]


def _through_the_stages(world, name: str, tmp_path):
    """Offline gate, rollout into shadow, one day of live traffic with the shadow answering, shadow evaluation."""
    base, adapters, evals = world
    store = Registry(f"sqlite:///{tmp_path / 'registry.db'}")
    store.register(name, path=str(adapters[name]), metrics={}, lineage={}, actor="test")
    rows = evals[name]
    gate = compare(score_examples(base, adapters[name], rows, EVAL), score_examples(base, None, rows, EVAL), EVAL)
    assert gate.passed, gate.reasons  # the eval split says: better than the champion
    roll_out(
        store,
        name,
        rollout="canary",
        canary_share=0.2,
        require_approval=False,
        actor="champion_adapter",
        reason="passed the offline gate",
        gated_against=None,
        shadow=ShadowPeriod(days=1),
    )
    assert store.get(name).status == "shadow" and store.canary() is None

    shadow = store.shadow()
    server = ModelServer(
        base, "base", [Arm(None, None, 1.0)], shadow=Arm(shadow.version, shadow.path, 0.0), max_new_tokens=16,
        shadow_share=0.5, device="cpu",
    )  # fmt: skip
    live = _live_traffic()
    requests = [
        ChatRequest(row["prompt"], f"user-{index % USERS}", f"session-{index}", interaction_id=row["example_id"])
        for index, row in enumerate(live)
    ]
    served = server(requests)
    pairs = [
        {
            "interaction_id": row["example_id"],
            "user_id": request.user_id,
            "prompt": row["prompt"],
            "champion_response": answer.text,
            "shadow_response": answer.shadow.text,
            # The world's reward model: how much of the right answer an answer says.
            "champion_p_good": token_f1(answer.text, row["target"]),
            "shadow_p_good": token_f1(answer.shadow.text, row["target"]),
            "correction": None,
            "champion_latency_ms": 1.0,
            "shadow_latency_ms": answer.shadow.latency_ms,
        }
        for row, request, answer in zip(live, requests, served, strict=True)
        if answer.shadow is not None
    ]
    assert 0.3 * len(live) < len(pairs) < 0.7 * len(live)
    assert server.shadow_cost.prompts == len(pairs) and server.shadow_cost.tokens > 0
    result = compare_shadow(pairs, SHADOW)
    apply_shadow_decision(
        store, name, result.passed, require_approval=False, actor="shadow_evaluation", reason="; ".join(result.reasons)
    )
    return store, result


def test_a_challenger_trained_on_a_narrow_slice_passes_offline_and_is_stopped_in_shadow(world, tmp_path):
    store, result = _through_the_stages(world, "narrow", tmp_path)
    assert not result.passed, result.reasons
    assert result.primary.high < 0  # clearly worse on live prompts
    assert (
        result.worst_examples
        and result.worst_examples[0]["shadow_p_good"] < result.worst_examples[0]["champion_p_good"]
    )
    assert store.get("narrow").status == "rejected" and store.canary() is None and store.shadow() is None
    assert [row["to_status"] for row in store.audit_log("narrow") if row["from_status"] != row["to_status"]] == [
        "candidate",
        "shadow",
        "rejected",
    ]


def test_a_good_challenger_passes_shadow_and_goes_on_to_the_canary(world, tmp_path):
    store, result = _through_the_stages(world, "broad", tmp_path)
    assert result.passed, result.reasons
    canary = store.canary()
    assert (canary.version, canary.canary_share) == ("broad", 0.2)
    assert [row["to_status"] for row in store.audit_log("broad") if row["from_status"] != row["to_status"]] == [
        "candidate",
        "shadow",
        "canary",
    ]
