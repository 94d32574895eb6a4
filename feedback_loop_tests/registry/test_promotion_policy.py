"""The human-approval promotion policy: promotions wait for `registry approve`, which then promotes."""

from __future__ import annotations

import pytest

from feedback_loop.registry import ConcurrentChangeError, IllegalTransitionError, Registry
from feedback_loop.registry.policy import PENDING, approve, promote_or_wait


@pytest.fixture
def store(tmp_path):
    registry = Registry(f"sqlite:///{tmp_path / 'registry.db'}")
    for version in ("v1", "v2"):
        registry.register(version, path=f"/adapters/{version}", metrics={}, lineage={}, actor="test")
    registry.promote("v1", actor="test", reason="first champion")
    registry.set_status("v2", "canary", actor="test", reason="canary", canary_share=0.2)
    return registry


def test_without_the_policy_a_promotion_goes_ahead(store):
    outcome = promote_or_wait(store, "v2", require_approval=False, actor="online_ab_test", reason="A/B passed")
    assert outcome.status == "promoted" and store.champion().version == "v2"


def test_with_the_policy_the_promotion_waits_then_approval_promotes(store):
    outcome = promote_or_wait(store, "v2", require_approval=True, actor="online_ab_test", reason="A/B passed")
    assert outcome.status == "awaiting_approval"
    assert "feedback-loop registry approve v2" in outcome.message
    assert store.champion().version == "v1" and store.get("v2").status == "canary"
    assert store.get("v2").metrics[PENDING] == {"requested_by": "online_ab_test", "reason": "A/B passed"}

    record, promoted = approve(store, "v2", approver="ana", note="read the A/B report")
    assert promoted and record.status == "champion" and store.champion().version == "v2"
    promotion = next(row for row in store.audit_log("v2") if row["to_status"] == "champion")
    assert promotion["actor"] == "ana" and promotion["reason"] == "A/B passed; approved by ana: read the A/B report"
    assert store.approval("v2")["approver"] == "ana"


def test_an_approval_given_early_lets_the_gates_promote(store):
    record, promoted = approve(store, "v2", approver="ana", note="fine by me")
    assert not promoted and record.status == "canary"
    outcome = promote_or_wait(store, "v2", require_approval=True, actor="online_ab_test", reason="A/B passed")
    assert outcome.status == "promoted"
    assert "approved by ana: fine by me" in store.audit_log("v2")[-1]["reason"]


def test_only_undecided_challengers_can_be_approved(store):
    with pytest.raises(IllegalTransitionError, match="'v1' is champion"):
        store.approve("v1", approver="ana", note="ok")
    with pytest.raises(ValueError, match="field 'approver'"):
        store.approve("v2", approver="", note="ok")
    assert store.approval("v2") is None
    approvals = [row for row in store.audit_log("v2") if row["reason"].startswith("approved")]
    assert approvals == []


def test_a_withdrawn_promotion_is_not_promoted_by_a_late_approval(store):
    from feedback_loop.registry.policy import withdraw_pending

    promote_or_wait(store, "v2", require_approval=True, actor="online_ab_test", reason="A/B passed")
    withdraw_pending(store, "v2", actor="online_ab_test")  # the next A/B run said "wait"
    record, promoted = approve(store, "v2", approver="ana", note="looked fine yesterday")
    assert not promoted and record.status == "canary" and store.champion().version == "v1"


def test_a_new_canary_supersedes_the_one_still_waiting(store):
    from feedback_loop.registry.policy import roll_out

    store.register("v3", path="/adapters/v3", metrics={}, lineage={}, actor="test")
    outcome = roll_out(
        store,
        "v3",
        rollout="canary",
        canary_share=0.3,
        require_approval=False,
        actor="champion_adapter",
        reason="gate",
        gated_against="v1",
    )
    assert (outcome.status, outcome.superseded) == ("canary", "v2")
    assert store.get("v2").status == "rejected" and store.audit_log("v2")[-1]["reason"] == "canary superseded by v3"
    assert (store.canary().version, store.canary().canary_share) == ("v3", 0.3)
    # Rolling out the canary again changes nothing.
    again = roll_out(
        store,
        "v3",
        rollout="canary",
        canary_share=0.5,
        require_approval=False,
        actor="champion_adapter",
        reason="gate",
        gated_against="v1",
    )
    assert (again.status, again.superseded, store.canary().canary_share) == ("canary", None, 0.3)


def test_an_immediate_rollout_promotes_or_waits_for_approval(store):
    from feedback_loop.registry.policy import roll_out

    store.register("v3", path="/adapters/v3", metrics={}, lineage={}, actor="test")
    waiting = roll_out(
        store,
        "v3",
        rollout="immediate",
        canary_share=0.2,
        require_approval=True,
        actor="champion_adapter",
        reason="g",
        gated_against="v1",
    )
    assert (waiting.status, waiting.promotion.status) == ("candidate", "awaiting_approval")
    promoted = roll_out(
        store,
        "v3",
        rollout="immediate",
        canary_share=0.2,
        require_approval=False,
        actor="champion_adapter",
        reason="g",
        gated_against="v1",
    )
    assert (promoted.status, store.champion().version, store.canary().version) == ("champion", "v3", "v2")


@pytest.mark.parametrize("rollout", ["immediate", "canary"])
def test_a_gate_against_a_champion_that_has_changed_since_rolls_nothing_out(store, rollout):
    from feedback_loop.registry.policy import StaleGateError, roll_out

    store.register("v3", path="/adapters/v3", metrics={}, lineage={}, actor="test")
    # Gated while the bare base model served; v1 was promoted meanwhile (another retraining, a manual promote).
    with pytest.raises(StaleGateError, match="compared it with the bare base model, but the champion is now v1"):
        roll_out(
            store, "v3", rollout=rollout, canary_share=0.2, require_approval=False, actor="champion_adapter",
            reason="gate", gated_against=None,
        )  # fmt: skip
    assert (store.get("v3").status, store.champion().version, store.canary().version) == ("candidate", "v1", "v2")
    # Re-running the rollout of a version already out (its gate older than its own promotion) changes nothing.
    promoted = roll_out(
        store, "v1", rollout="immediate", canary_share=0.2, require_approval=False, actor="champion_adapter",
        reason="gate", gated_against=None,
    )  # fmt: skip
    assert promoted.status == "champion"


def test_a_promotion_judged_against_another_champion_changes_nothing(store):
    store.register("v3", path="/adapters/v3", metrics={}, lineage={}, actor="test")
    with pytest.raises(ConcurrentChangeError, match="judged against the bare base model, but the champion is now v1"):
        store.promote("v3", actor="champion_adapter", reason="gate", replacing=None)
    assert store.champion().version == "v1" and store.get("v3").status == "candidate"
    assert store.promote("v3", actor="champion_adapter", reason="gate", replacing="v1").status == "champion"


@pytest.mark.parametrize(
    ("verdict", "status", "record_status"),
    [("promote", "promoted", "champion"), ("rollback", "rejected", "rejected"), ("wait", "serving", "canary")],
)
def test_the_online_verdict_moves_the_canary(store, verdict, status, record_status):
    from feedback_loop.registry.policy import apply_online_decision

    promote_or_wait(store, "v2", require_approval=True, actor="online_ab_test", reason="yesterday's A/B")
    outcome = apply_online_decision(
        store, "v2", verdict, require_approval=False, actor="online_ab_test", reason="online A/B: figures"
    )
    assert outcome.status == status and store.get("v2").status == record_status
    if verdict != "promote":
        # The evidence behind yesterday's request for approval no longer holds.
        assert store.get("v2").metrics[PENDING] is None
    with pytest.raises(ValueError, match="promote, rollback or wait"):
        apply_online_decision(store, "v1", "maybe", require_approval=False, actor="a", reason="r")


def test_a_challenger_goes_into_shadow_then_on_to_the_rollout_it_asked_for(store):
    from feedback_loop.registry.policy import ROLLOUT_PLAN, ShadowPeriod, apply_shadow_decision, roll_out

    for version in ("v3", "v4"):
        store.register(version, path=f"/adapters/{version}", metrics={}, lineage={}, actor="test")
    shadow = ShadowPeriod(days=2, prompts=500)
    first = roll_out(
        store, "v3", rollout="canary", canary_share=0.3, require_approval=False, actor="champion_adapter",
        reason="gate", gated_against="v1", shadow=shadow,
    )  # fmt: skip
    assert first.status == "shadow" and store.shadow().version == "v3" and store.canary().version == "v2"
    assert store.get("v3").metrics[ROLLOUT_PLAN] == {
        "rollout": "canary",
        "canary_share": 0.3,
        "shadow": {"days": 2, "prompts": 500},
        "gated_against": "v1",
    }
    # A newer shadow challenger supersedes one still in its period.
    second = roll_out(
        store, "v4", rollout="canary", canary_share=0.3, require_approval=False, actor="champion_adapter",
        reason="gate", gated_against="v1", shadow=shadow,
    )  # fmt: skip
    assert second.superseded == "v3" and store.get("v3").status == "rejected"
    assert store.audit_log("v3")[-1]["reason"] == "shadow superseded by v4"
    outcome = apply_shadow_decision(store, "v4", True, require_approval=False, actor="shadow_evaluation", reason="ok")
    assert (outcome.status, outcome.superseded) == ("canary", "v2")
    assert (store.canary().version, store.canary().canary_share) == ("v4", 0.3) and store.shadow() is None
    moves = [(row["from_status"], row["to_status"]) for row in store.audit_log("v4") if row["reason"] != "registered"]
    assert ("candidate", "shadow") in moves and ("shadow", "canary") in moves


def _v3_in_shadow(store, rollout: str, canary_share: float) -> None:
    """Register challenger v3 and roll it out (``rollout``) behind a shadow day, gated against champion v1."""
    from feedback_loop.registry.policy import ShadowPeriod, roll_out

    store.register("v3", path="/adapters/v3", metrics={}, lineage={}, actor="test")
    roll_out(
        store, "v3", rollout=rollout, canary_share=canary_share, require_approval=False, actor="champion_adapter",
        reason="gate", gated_against="v1", shadow=ShadowPeriod(days=1),
    )  # fmt: skip


def test_a_challenger_that_fails_in_shadow_never_reaches_users(store):
    from feedback_loop.registry.policy import apply_shadow_decision

    _v3_in_shadow(store, "immediate", 0.2)
    assert store.champion().version == "v1"  # an immediate rollout waits for the shadow too
    outcome = apply_shadow_decision(store, "v3", False, require_approval=False, actor="shadow_evaluation", reason="no")
    assert outcome.status == "rejected" and store.get("v3").status == "rejected"
    assert store.canary().version == "v2" and store.champion().version == "v1"
    with pytest.raises(ConcurrentChangeError, match="only a shadow challenger moves on"):
        apply_shadow_decision(store, "v3", True, require_approval=False, actor="shadow_evaluation", reason="again")
    with pytest.raises(IllegalTransitionError, match="rejected -> canary"):
        store.set_status("v3", "canary", actor="someone", reason="by hand", canary_share=0.2)


@pytest.mark.parametrize("passed", [True, False])
def test_two_shadow_evaluations_at_once_move_the_challenger_once(store, monkeypatch, passed):
    """Two runs evaluate the shadow challenger at once; one applies its decision while the other, which read the
    challenger in shadow, is about to apply the same: the second changes nothing and is told to retry (the
    asset re-runs and finds no challenger in shadow), rather than rejecting the new canary as superseded."""
    from feedback_loop.registry.policy import apply_shadow_decision

    _v3_in_shadow(store, "canary", 0.3)
    other = Registry(store.url)
    read_in_shadow = store.get("v3")

    def get_then_the_other_run_decides(version):
        monkeypatch.undo()
        apply_shadow_decision(other, version, passed, require_approval=False, actor="shadow_evaluation", reason="a")
        return read_in_shadow

    monkeypatch.setattr(store, "get", get_then_the_other_run_decides)
    with pytest.raises(ConcurrentChangeError, match=r"'v3' is (canary|rejected), no longer shadow"):
        apply_shadow_decision(store, "v3", passed, require_approval=False, actor="shadow_evaluation", reason="b")
    other.close()
    assert store.get("v3").status == ("canary" if passed else "rejected")
    moves = [(row["from_status"], row["to_status"], row["reason"]) for row in store.audit_log("v3")]
    assert [move[:2] for move in moves if move[0] == "shadow"] == [("shadow", "canary" if passed else "rejected")]
    assert all(not reason.startswith("canary superseded") for *_, reason in moves)
    assert store.get("v2").status == ("rejected" if passed else "canary")


def test_a_passed_shadow_with_an_immediate_rollout_promotes(store):
    from feedback_loop.registry.policy import apply_shadow_decision

    _v3_in_shadow(store, "immediate", 0.2)
    outcome = apply_shadow_decision(store, "v3", True, require_approval=False, actor="shadow_evaluation", reason="ok")
    assert outcome.status == "champion" and store.champion().version == "v3"


def test_a_shadow_gated_against_a_champion_replaced_meanwhile_is_not_promoted(store):
    from feedback_loop.registry.policy import apply_shadow_decision

    _v3_in_shadow(store, "immediate", 0.2)
    store.promote("v2", actor="ana", reason="promoted by hand during v3's shadow day")
    outcome = apply_shadow_decision(store, "v3", True, require_approval=False, actor="shadow_evaluation", reason="ok")
    assert outcome.status == "rejected" and store.champion().version == "v2"
    assert "compared it with v1 and the champion is now v2" in store.audit_log("v3")[-1]["reason"]


def test_an_approval_after_the_champion_changed_promotes_nothing(store):
    from feedback_loop.registry.policy import roll_out

    store.register("v3", path="/adapters/v3", metrics={}, lineage={}, actor="test")
    waiting = roll_out(
        store, "v3", rollout="immediate", canary_share=0.2, require_approval=True, actor="champion_adapter",
        reason="gate", gated_against="v1",
    )  # fmt: skip
    assert waiting.promotion.status == "awaiting_approval"
    store.promote("v2", actor="bo", reason="meanwhile")
    with pytest.raises(ConcurrentChangeError, match="judged against v1, but the champion is now v2"):
        approve(store, "v3", approver="ana", note="looks good")
    assert store.champion().version == "v2"


def test_a_shadow_without_its_rollout_plan_is_a_clear_error(store):
    from feedback_loop.registry.policy import apply_shadow_decision

    store.register("v3", path="/adapters/v3", metrics={}, lineage={}, actor="test")
    store.set_status("v3", "shadow", actor="someone", reason="by hand")
    with pytest.raises(ValueError, match=r"field 'metrics\.rollout_plan' is None"):
        apply_shadow_decision(store, "v3", True, require_approval=False, actor="shadow_evaluation", reason="ok")


@pytest.mark.parametrize(("days", "prompts"), [(0, None), (1, 0), (True, None), (1, 2.5)])
def test_a_shadow_period_needs_whole_positive_numbers(days, prompts):
    from feedback_loop.registry.policy import ShadowPeriod

    with pytest.raises(ValueError, match="shadow period: field"):
        ShadowPeriod(days, prompts)


def test_a_shadow_period_ends_after_its_days_or_its_prompts():
    from feedback_loop.registry.policy import ShadowPeriod

    assert not ShadowPeriod(2).over(1, 10_000) and ShadowPeriod(2).over(2, 0)
    assert ShadowPeriod(3, prompts=100).over(1, 100) and not ShadowPeriod(3, prompts=100).over(1, 99)


@pytest.mark.parametrize("share", [0.0, 1.5])
def test_a_bad_canary_share_is_refused_at_the_rollout_not_when_the_shadow_period_ends(store, share):
    from feedback_loop.registry.policy import ShadowPeriod, roll_out

    store.register("v3", path="/adapters/v3", metrics={}, lineage={}, actor="test")
    with pytest.raises(ValueError, match="field 'canary_share' must be a number within"):
        roll_out(
            store, "v3", rollout="canary", canary_share=share, require_approval=False, actor="champion_adapter",
            reason="gate", gated_against="v1", shadow=ShadowPeriod(days=1),
        )  # fmt: skip
    assert store.get("v3").status == "candidate"


def test_a_rollout_never_puts_an_adapter_whose_folder_is_gone_in_front_of_users(tmp_path):
    # Only promotions checked the folder: the rollout made it the shadow challenger, then the canary.
    import shutil

    from feedback_loop.registry import UnusableArtifactError, adapter_registry
    from feedback_loop.registry.policy import ShadowPeriod, apply_shadow_decision, roll_out
    from feedback_loop_tests.adapter_folders import adapter_folder

    store = adapter_registry(f"sqlite:///{tmp_path / 'registry.db'}")
    for version in ("v1", "v2", "v3"):
        store.register(version, path=adapter_folder(tmp_path / version), metrics={}, lineage={}, actor="test")
    store.promote("v1", actor="test", reason="first champion")
    store.set_status("v2", "canary", actor="test", reason="canary", canary_share=0.2)
    store.register("gone", path=str(tmp_path / "nonexistent"), metrics={}, lineage={}, actor="test")

    for shadow in (None, ShadowPeriod(days=1)):
        with pytest.raises(UnusableArtifactError, match=f"move 'gone' to {'shadow' if shadow else 'canary'}: "):
            roll_out(
                store, "gone", rollout="canary", canary_share=0.3, require_approval=False, actor="champion_adapter",
                reason="gate", gated_against="v1", shadow=shadow,
            )  # fmt: skip
    assert store.get("gone").status == "candidate" and store.canary().version == "v2" and store.shadow() is None
    # "nothing changed": the refused shadow rollout recorded no plan either.
    assert store.get("gone").metrics == {}
    assert [row["reason"] for row in store.audit_log("gone")] == ["registered"]

    roll_out(
        store, "v3", rollout="canary", canary_share=0.3, require_approval=False, actor="champion_adapter",
        reason="gate", gated_against="v1", shadow=ShadowPeriod(days=1),
    )  # fmt: skip
    shutil.rmtree(tmp_path / "v3")  # during its shadow period
    with pytest.raises(UnusableArtifactError, match=f"move 'v3' to canary: its adapter folder {tmp_path / 'v3'} "):
        apply_shadow_decision(store, "v3", True, require_approval=False, actor="shadow_evaluation", reason="ok")
    assert store.shadow().version == "v3" and store.canary().version == "v2"


def test_a_shadow_rollout_that_loses_a_race_records_no_plan(store, monkeypatch):
    from feedback_loop.registry.policy import ShadowPeriod, roll_out

    store.register("v3", path="/adapters/v3", metrics={}, lineage={}, actor="test")
    champion = store.champion

    def champion_after_another_writer_rejects_v3():
        # Between the rollout's read of v3's status and its move: another writer rejects v3.
        store.set_status("v3", "rejected", actor="test", reason="rejected meanwhile")
        return champion()

    monkeypatch.setattr(store, "champion", champion_after_another_writer_rejects_v3)
    with pytest.raises(ConcurrentChangeError, match="'v3' is rejected, no longer candidate"):
        roll_out(
            store, "v3", rollout="canary", canary_share=0.3, require_approval=False, actor="champion_adapter",
            reason="gate", gated_against="v1", shadow=ShadowPeriod(days=1),
        )  # fmt: skip
    assert store.get("v3").metrics == {} and store.shadow() is None
    assert [row["reason"] for row in store.audit_log("v3")] == ["registered", "rejected meanwhile"]
