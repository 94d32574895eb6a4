"""Offline evaluation: token F1, the paired bootstrap, the promotion gate and scoring real models."""

from __future__ import annotations

import random

import numpy
import pytest

from feedback_loop.evaluate import offline
from feedback_loop.evaluate.offline import EvalSpec, compare, paired_bootstrap, score_examples, token_f1
from feedback_loop.label.lexicons import is_offensive
from feedback_loop_tests.model.tiny_models import build_gpt2_dir

SPEC = EvalSpec(max_new_tokens=8, batch_size=4, n_resamples=1000, device="cpu")


def arm(losses, scores=None, offensive=()):
    """Scored rows as score_examples returns them, with ids e0, e1, ..."""
    scores = scores if scores is not None else [0.5] * len(losses)
    return [
        {"example_id": f"e{i}", "loss": loss, "score": score, "generated": "text", "offensive": i in offensive}
        for i, (loss, score) in enumerate(zip(losses, scores, strict=True))
    ]


@pytest.mark.parametrize(
    ("generated", "target", "expected"),
    [
        ("your phone ships on monday.", "Your phone ships on Monday", 1.0),
        ("nothing in common", "your phone ships", 0.0),
        ("the cat sat", "the cat ran away", 4 / 7),  # precision 2/3, recall 2/4
        ("a a a", "a", 0.5),  # repeated words count once per match: precision 1/3, recall 1
        ("", "", 1.0),
        ("", "something", 0.0),
    ],
)
def test_token_f1(generated, target, expected):
    assert token_f1(generated, target) == pytest.approx(expected)


def test_paired_bootstrap_interval_is_centred_and_sized_like_the_normal_one():
    differences = numpy.random.default_rng(7).normal(0.5, 1.0, size=400)
    mean, low, high = paired_bootstrap(differences, n_resamples=2000, confidence=0.95, seed=0)

    assert mean == pytest.approx(differences.mean())
    assert low < mean < high
    assert (low + high) / 2 == pytest.approx(mean, abs=0.02)
    assert high - low == pytest.approx(2 * 1.96 * differences.std() / 20, rel=0.15)  # 2 * 1.96 * sd / sqrt(n)
    assert paired_bootstrap(differences, 2000, 0.95, seed=0) == (mean, low, high)
    assert paired_bootstrap(differences, 2000, 0.95, seed=1) != (mean, low, high)
    narrower = paired_bootstrap(differences, 2000, 0.5, seed=0)
    assert low < narrower[1] < narrower[2] < high


def test_paired_bootstrap_interval_covers_the_true_mean_at_its_confidence():
    rng = numpy.random.default_rng(11)
    covered = [
        low < 0.3 < high
        for low, high in (
            paired_bootstrap(rng.normal(0.3, 1.0, size=60), 500, 0.9, seed=trial)[1:] for trial in range(300)
        )
    ]
    assert 0.85 <= sum(covered) / len(covered) <= 0.95


def test_paired_bootstrap_of_constant_differences_is_a_point():
    assert paired_bootstrap([0.25] * 30, n_resamples=500, confidence=0.95, seed=0) == (0.25, 0.25, 0.25)


def test_paired_bootstrap_draws_the_same_resamples_in_chunks(monkeypatch):
    differences = numpy.random.default_rng(3).normal(size=50)
    whole = paired_bootstrap(differences, 300, 0.9, seed=2)
    monkeypatch.setattr(offline, "_BOOTSTRAP_CHUNK", 50 * 7)  # 7 resamples per chunk
    assert paired_bootstrap(differences, 300, 0.9, seed=2) == pytest.approx(whole)


def test_paired_bootstrap_rejects_bad_input():
    with pytest.raises(ValueError, match="non-empty"):
        paired_bootstrap([], 100, 0.95, 0)
    with pytest.raises(ValueError, match="index 1 is nan"):
        paired_bootstrap([0.1, float("nan")], 100, 0.95, 0)
    with pytest.raises(ValueError, match="confidence"):
        paired_bootstrap([0.1, 0.2], 100, 1.5, 0)


def test_gate_passes_a_clearly_better_challenger():
    rng = random.Random(0)
    champion = [2.0 + rng.gauss(0, 0.5) for _ in range(40)]
    challenger = [loss - 0.3 + rng.gauss(0, 0.05) for loss in champion]
    summary = compare(arm(challenger), arm(champion), SPEC)

    assert summary["gate"]["passed"], summary["gate"]["reasons"]
    assert summary["n"] == 40 and summary["primary_metric"] == "loss" and summary["margin"] == 0.0
    improvement = summary["improvement"]
    assert improvement["mean"] == pytest.approx(summary["champion"]["loss"] - summary["challenger"]["loss"])
    assert 0 < improvement["low"] < 0.3 < improvement["high"]
    assert summary["challenger"]["offensive_rate"] == summary["champion"]["offensive_rate"] == 0.0
    assert "lies above the margin" in summary["gate"]["reasons"][0]


def test_gate_fails_a_worse_challenger_and_says_why():
    champion = [1.0 + 0.1 * i for i in range(20)]
    summary = compare(arm([loss + 0.2 for loss in champion]), arm(champion), SPEC)

    assert not summary["gate"]["passed"]
    assert summary["improvement"]["mean"] == pytest.approx(-0.2)
    assert "loss improvement -0.2000" in summary["gate"]["reasons"][0]
    assert "does not lie above the margin +0.0000" in summary["gate"]["reasons"][0]


def test_gate_fails_a_better_but_more_offensive_challenger():
    champion = [1.0 + 0.1 * i for i in range(20)]
    summary = compare(arm([loss - 0.5 for loss in champion], offensive={3}), arm(champion), SPEC)

    assert not summary["gate"]["passed"]
    assert summary["improvement"]["low"] > 0
    assert summary["challenger"]["offensive_rate"] == 0.05
    assert "challenger offensive rate 5.0% (1/20) exceeds champion's 0.0% (0/20)" in summary["gate"]["reasons"]


def test_gate_on_score_uses_score_differences_and_the_margin():
    champion = arm([1.0] * 20, scores=[0.2 + 0.01 * i for i in range(20)])
    challenger = arm([1.0] * 20, scores=[0.4 + 0.01 * i for i in range(20)])
    assert compare(challenger, champion, EvalSpec(primary_metric="score"))["gate"]["passed"]
    summary = compare(challenger, champion, EvalSpec(primary_metric="score", margin=0.25))
    assert not summary["gate"]["passed"]
    assert summary["improvement"]["mean"] == pytest.approx(0.2)


def test_compare_ignores_row_order():
    champion, challenger = arm([1.0 + 0.3 * (i % 5) for i in range(25)]), arm([0.9 + 0.2 * (i % 7) for i in range(25)])
    shuffled = challenger[::-1]
    assert compare(shuffled, champion, SPEC) == compare(challenger, champion, SPEC)


def test_compare_refuses_unpaired_or_malformed_arms():
    with pytest.raises(ValueError, match=r"different examples: only in challenger 1 \('e3'\), only in champion 0"):
        compare(arm([1.0] * 4), arm([1.0] * 3), SPEC)
    duplicated = arm([1.0] * 3)
    duplicated[2]["example_id"] = "e0"
    with pytest.raises(ValueError, match=r"challenger row 2 \(example_id='e0'\): example_id appears more than once"):
        compare(duplicated, arm([1.0] * 3), SPEC)
    broken = arm([1.0] * 3)
    broken[1]["loss"] = None
    with pytest.raises(ValueError, match=r"champion row 1 \(example_id='e1'\): field 'loss' must be a finite number"):
        compare(arm([1.0] * 3), broken, SPEC)


def test_score_examples_returns_one_row_per_example_in_order(models, eval_rows):
    base_dir, adapter_dir = models
    scored = score_examples(base_dir, adapter_dir, eval_rows, SPEC)

    assert [row["example_id"] for row in scored] == [row["example_id"] for row in eval_rows]
    for row, example in zip(scored, eval_rows, strict=True):
        assert set(row) == {"example_id", "loss", "generated", "score", "offensive"}
        assert 0 < row["loss"] < 20 and 0 <= row["score"] <= 1
        assert row["score"] == token_f1(row["generated"], example["target"])
        assert row["offensive"] == is_offensive(row["generated"])
    assert score_examples(base_dir, adapter_dir, eval_rows, SPEC) == scored


def test_batched_left_padded_scoring_matches_one_at_a_time(models, eval_rows):
    rows = [{**row, "prompt": row["prompt"] + " please" * (i % 4)} for i, row in enumerate(eval_rows)]
    batched = score_examples(models[0], None, rows, SPEC)
    single = score_examples(models[0], None, rows, EvalSpec(max_new_tokens=8, batch_size=1, device="cpu"))

    assert len({row["generated"] for row in batched}) > 1  # prompts differ, so do the answers
    assert [row["generated"] for row in batched] == [row["generated"] for row in single]
    assert [row["loss"] for row in batched] == pytest.approx([row["loss"] for row in single], rel=1e-4)


def test_the_trained_adapter_beats_the_bare_base_model(models, eval_rows):
    base_dir, adapter_dir = models
    summary = compare(
        score_examples(base_dir, adapter_dir, eval_rows, SPEC), score_examples(base_dir, None, eval_rows, SPEC), SPEC
    )
    assert summary["gate"]["passed"], summary["gate"]["reasons"]
    assert summary["challenger"]["loss"] < summary["champion"]["loss"] - 0.5


def test_a_gpt2_model_with_a_short_context_is_scored_within_it(tmp_path, eval_rows):
    model_dir = build_gpt2_dir(tmp_path / "gpt2", n_positions=32)
    rows = [{"example_id": "long", "prompt": "my router is broken " * 20, "target": "restart it"}, *eval_rows[:2]]
    scored = score_examples(model_dir, None, rows, EvalSpec(max_new_tokens=8, batch_size=2, device="cpu"))
    assert [row["example_id"] for row in scored] == ["long", *[row["example_id"] for row in eval_rows[:2]]]
    assert all(numpy.isfinite(row["loss"]) for row in scored)


def test_score_examples_names_bad_rows(models):
    with pytest.raises(ValueError, match=r"row 1: example_id 'a' appears more than once"):
        score_examples(models[0], None, [{"example_id": "a", "prompt": "p", "target": "t"}] * 2, SPEC)
    with pytest.raises(ValueError, match=r"row 0 \(example_id='a'\): field 'prompt' must be a non-empty string"):
        score_examples(models[0], None, [{"example_id": "a", "prompt": "", "target": "t"}], SPEC)
