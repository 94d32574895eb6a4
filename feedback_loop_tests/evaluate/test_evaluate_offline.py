"""Offline evaluation: token F1, the promotion gate (no-ops, margins, target groups) and scoring real models."""

from __future__ import annotations

import random

import numpy
import pytest

from feedback_loop.evaluate.offline import EvalSpec, GateResult, compare, score_examples, token_f1
from feedback_loop.label.lexicons import is_offensive
from feedback_loop_tests.model.tiny_models import build_gpt2_dir

SPEC = EvalSpec(max_new_tokens=8, batch_size=4, n_resamples=1000, device="cpu")


def arm(losses, scores=None, offensive=(), generated=None, groups=8):
    """Scored rows as score_examples returns them, with ids e0, e1, ... sharing ``groups`` target texts."""
    scores = scores if scores is not None else [0.5] * len(losses)
    generated = generated if generated is not None else [f"answer {i}" for i in range(len(losses))]
    return [
        {
            "example_id": f"e{i}",
            "prompt": f"question {i}",
            "target": f"target {i % groups}",
            "loss": loss,
            "score": score,
            "generated": text,
            "offensive": i in offensive,
        }
        for i, (loss, score, text) in enumerate(zip(losses, scores, generated, strict=True))
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


def _pair(n=64, score_gain=0.0, loss_gain=0.0, seed=0):
    """(challenger, champion) rows: the challenger's score and loss shifted by the gains, with noise."""
    rng = random.Random(seed)
    champion_scores = [0.3 + 0.4 * rng.random() for _ in range(n)]
    champion_losses = [2.0 + rng.gauss(0, 0.5) for _ in range(n)]
    challenger = arm(
        [loss - loss_gain + rng.gauss(0, 0.02) for loss in champion_losses],
        [score + score_gain + rng.gauss(0, 0.02) for score in champion_scores],
    )
    champion = arm(champion_losses, champion_scores, generated=[f"old answer {i}" for i in range(n)])
    return challenger, champion


def test_gate_passes_a_challenger_whose_generated_responses_are_clearly_better():
    result = compare(*_pair(score_gain=0.2), SPEC)
    assert isinstance(result, GateResult) and result.passed, result.reasons
    assert (result.examples, result.groups, result.identical_responses, result.no_op) == (64, 8, 0, False)
    primary, guardrail = result.primary, result.guardrail
    assert (primary.metric, primary.role, guardrail.metric, guardrail.role) == ("score", "primary", "loss", "guardrail")
    assert primary.mean == pytest.approx(result.challenger.score - result.champion.score)
    assert primary.margin < primary.low < 0.2 < primary.high
    assert "lies above the practical margin +0.0100" in result.reasons[0]
    assert "BCa interval over 8 target groups" in result.reasons[0]
    assert "is within the guardrail" in result.reasons[1]


def test_a_no_op_challenger_is_refused_whatever_its_loss_says():
    challenger, champion = _pair(loss_gain=0.01)
    for row, same in zip(challenger, champion, strict=True):
        row["generated"], row["score"] = same["generated"], same["score"]
    result = compare(challenger, champion, SPEC.model_copy(update={"primary_metric": "loss", "loss_margin": 0.0}))
    assert result.primary.low > 0  # the loss alone would have passed
    assert result.no_op and not result.passed and result.identical_responses == 64
    assert result.reasons[0].startswith("no-op: the challenger generated the champion's responses on all 64")


def test_an_eval_set_of_one_target_group_gives_no_evidence():
    challenger, champion = _pair(n=12, score_gain=0.3)
    for row in (*challenger, *champion):
        row["target"] = "the same target"
    result = compare(challenger, champion, SPEC)
    assert not result.passed and result.primary is None and result.groups == 1
    assert "too few to resample" in result.reasons[0]


def test_gate_fails_a_challenger_inside_the_practical_margin():
    result = compare(*_pair(score_gain=0.005), SPEC)
    assert not result.passed and result.primary.low < result.primary.margin
    assert "does not lie above the practical margin" in result.reasons[0]


def test_gate_fails_a_better_scoring_challenger_with_a_much_worse_loss():
    result = compare(*_pair(score_gain=0.2, loss_gain=-0.3), SPEC)
    assert result.primary.passed and not result.guardrail.passed and not result.passed
    assert "is not within the guardrail (worse by at most 0.0200)" in result.reasons[1]


def test_gate_fails_a_better_but_more_offensive_challenger():
    challenger, champion = _pair(n=20, score_gain=0.3)
    challenger[3]["offensive"] = True
    result = compare(challenger, champion, SPEC)
    assert not result.passed and result.primary.passed
    assert result.challenger.offensive_rate == 0.05
    assert "challenger offensive rate 5.0% (1/20) exceeds champion's 0.0% (0/20)" in result.reasons


def test_gate_on_loss_uses_loss_improvements_and_its_margin():
    challenger, champion = _pair(loss_gain=0.1)
    assert compare(challenger, champion, EvalSpec(primary_metric="loss", loss_margin=0.05)).passed
    result = compare(challenger, champion, EvalSpec(primary_metric="loss", loss_margin=0.2))
    assert not result.passed and result.primary.mean == pytest.approx(0.1, abs=0.02)


def test_compare_ignores_row_order():
    challenger, champion = _pair(score_gain=0.05)
    assert compare(challenger[::-1], champion, SPEC) == compare(challenger, champion, SPEC)


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
    moved = arm([1.0] * 3)
    moved[1]["target"] = "another target"
    with pytest.raises(ValueError, match=r"example_id 'e1': field 'target' must be the same non-empty text"):
        compare(moved, arm([1.0] * 3), SPEC)


def test_spec_validation():
    with pytest.raises(ValueError, match="confidence"):
        EvalSpec(confidence=1.5)
    with pytest.raises(ValueError, match="primary_metric"):
        EvalSpec(primary_metric="bleu")


def test_score_examples_returns_one_row_per_example_in_order(models, eval_rows):
    base_dir, adapter_dir = models
    reports: list[tuple[int, int]] = []
    scored = score_examples(base_dir, adapter_dir, eval_rows, SPEC, progress=lambda *report: reports.append(report))

    assert [row["example_id"] for row in scored] == [row["example_id"] for row in eval_rows]
    # Generation reports its answers batch by batch.
    assert reports[-1] == (len(eval_rows), len(eval_rows)) and len(reports) == -(-len(eval_rows) // SPEC.batch_size)
    assert [done for done, _ in reports] == sorted({done for done, _ in reports})
    for row, example in zip(scored, eval_rows, strict=True):
        assert set(row) == {"example_id", "prompt", "target", "loss", "generated", "score", "offensive"}
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
    result = compare(
        score_examples(base_dir, adapter_dir, eval_rows, SPEC), score_examples(base_dir, None, eval_rows, SPEC), SPEC
    )
    assert result.passed, result.reasons
    assert result.challenger.loss < result.champion.loss - 0.5
    assert result.challenger.score > result.champion.score + 0.1


def test_the_adapter_against_itself_is_a_no_op(models, eval_rows):
    base_dir, adapter_dir = models
    scored = score_examples(base_dir, adapter_dir, eval_rows, SPEC)
    result = compare(scored, scored, SPEC)
    assert result.no_op and not result.passed


def test_a_gpt2_model_with_a_short_context_is_scored_within_it(tmp_path, eval_rows):
    model_dir = build_gpt2_dir(tmp_path / "gpt2", n_positions=32)
    rows = [{"example_id": "long", "prompt": "my router is broken " * 20, "target": "restart it"}, *eval_rows[:2]]
    scored = score_examples(model_dir, None, rows, EvalSpec(max_new_tokens=8, batch_size=2, device="cpu"))
    assert [row["example_id"] for row in scored] == ["long", *[row["example_id"] for row in eval_rows[:2]]]
    assert all(numpy.isfinite(row["loss"]) for row in scored)


def test_an_adapter_trained_on_another_base_model_is_not_scored_on_this_one(models, eval_rows, tmp_path):
    """The offline gate's challenger arm: the adapter would load onto another base of the same architecture
    without an error and be gated as a crippled model."""
    from feedback_loop.model.base import build_base_model, model_fingerprint
    from feedback_loop_tests.model.tiny_models import TINY_BASE_SPEC, support_corpus

    base_dir, adapter_dir = models
    other = tmp_path / "other"
    build_base_model(support_corpus(), other, TINY_BASE_SPEC.model_copy(update={"seed": 1}))
    expected = f"trained on base model {model_fingerprint(base_dir)}, but {other} is {model_fingerprint(other)}"
    with pytest.raises(ValueError, match=expected):
        score_examples(other, adapter_dir, eval_rows, SPEC)


def test_score_examples_names_bad_rows(models):
    with pytest.raises(ValueError, match=r"row 1: example_id 'a' appears more than once"):
        score_examples(models[0], None, [{"example_id": "a", "prompt": "p", "target": "t"}] * 2, SPEC)
    with pytest.raises(ValueError, match=r"row 0 \(example_id='a'\): field 'prompt' must be a non-empty string"):
        score_examples(models[0], None, [{"example_id": "a", "prompt": "", "target": "t"}], SPEC)
