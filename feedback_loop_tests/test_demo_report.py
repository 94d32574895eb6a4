"""What the demo says when a gate (offline or shadow) rejects a challenger: one paragraph with the gate's figures."""

from feedback_loop.demo import gate_rejection, shadow_rejection
from feedback_loop.evaluate.offline import EvalSpec, compare
from feedback_loop.evaluate.shadow import ShadowSpec, compare_shadow
from feedback_loop_tests.evaluate.test_evaluate_offline import _pair
from feedback_loop_tests.evaluate.test_evaluate_shadow import _pairs


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


def _rejected_in_shadow(champion_version):
    result = compare_shadow(_pairs(shift=0.0), ShadowSpec(n_resamples=500))
    assert not result.passed
    return result.model_copy(update={"challenger_version": "5ad0ffee1234", "champion_version": champion_version})


def test_a_shadow_rejection_is_one_paragraph_with_the_gate_its_interval_and_margin_and_what_happens_now():
    result = _rejected_in_shadow("1751260dc14f")
    paragraph = shadow_rejection(3, result, champion_version="59bb2f9ff820")
    assert "\n" not in paragraph
    assert paragraph.startswith(
        "iteration 3: the shadow gate (shadow_gate) rejected the shadow challenger 5ad0ffee1234 against the answers "
        f"of champion 1751260dc14f on {result.prompts} live prompts from {result.users} users (0 corrected): "
    )
    primary = result.primary
    assert primary.metric == "p_good" and f"p_good improvement {primary.mean:+.4f}" in paragraph
    assert f"[{primary.low:+.4f}, {primary.high:+.4f}]" in paragraph
    assert f"practical margin {primary.margin:+.4f}" in paragraph
    # The champion now (the A/B test of the same run promoted its canary) stays; the challenger never met a user.
    assert paragraph.endswith(
        "Champion 59bb2f9ff820 stays; 5ad0ffee1234 is marked rejected in the registry (`feedback-loop registry audit "
        "5ad0ffee1234`) and will not reach the canary: no user saw its answers."
    )


def test_a_shadow_period_across_a_promotion_names_both_champions_it_was_compared_with():
    paragraph = shadow_rejection(2, _rejected_in_shadow("base, 1751260dc14f"), champion_version=None)
    assert "against the answers of the bare base model and champion 1751260dc14f on" in paragraph
    assert "The bare base model stays" in paragraph
