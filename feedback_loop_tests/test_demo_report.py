"""What the demo says when the offline gate rejects a challenger: one paragraph with the gate's figures."""

from feedback_loop.demo import gate_rejection
from feedback_loop.evaluate.offline import EvalSpec, compare
from feedback_loop_tests.evaluate.test_evaluate_offline import _pair


def _rejected(champion_version):
    challenger, champion = _pair(score_gain=0.0)
    result = compare(challenger, champion, EvalSpec(n_resamples=500))
    assert not result.passed
    return result.model_copy(update={"challenger_version": "c0ffee123456", "champion_version": champion_version})


def test_a_rejected_challenger_is_one_paragraph_with_the_gate_its_intervals_and_the_champion_that_stays():
    result = _rejected("1751260dc14f")
    paragraph = gate_rejection(2, result)
    assert "\n" not in paragraph
    assert paragraph.startswith("iteration 2: the offline gate (offline_gate) rejected the challenger c0ffee123456")
    primary = result.primary
    assert f"[{primary.low:+.4f}, {primary.high:+.4f}]" in paragraph
    assert f"practical margin {primary.margin:+.4f}" in paragraph
    assert "Champion 1751260dc14f stays" in paragraph


def test_before_any_promotion_the_bare_base_model_stays():
    paragraph = gate_rejection(1, _rejected(None), challenger="the poisoned challenger")
    assert "rejected the poisoned challenger c0ffee123456 against the bare base model" in paragraph
    assert "The bare base model stays" in paragraph
