"""The human-approval promotion policy: promotions wait for `registry approve`, which then promotes."""

from __future__ import annotations

import pytest

from feedback_loop.registry import IllegalTransitionError, Registry
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
        store, "v3", rollout="canary", canary_share=0.3, require_approval=False, actor="champion_adapter", reason="gate"
    )
    assert (outcome.status, outcome.superseded) == ("canary", "v2")
    assert store.get("v2").status == "rejected" and store.audit_log("v2")[-1]["reason"] == "canary superseded by v3"
    assert (store.canary().version, store.canary().canary_share) == ("v3", 0.3)
    # Rolling out the canary again changes nothing.
    again = roll_out(
        store, "v3", rollout="canary", canary_share=0.5, require_approval=False, actor="champion_adapter", reason="gate"
    )
    assert (again.status, again.superseded, store.canary().canary_share) == ("canary", None, 0.3)


def test_an_immediate_rollout_promotes_or_waits_for_approval(store):
    from feedback_loop.registry.policy import roll_out

    store.register("v3", path="/adapters/v3", metrics={}, lineage={}, actor="test")
    waiting = roll_out(
        store, "v3", rollout="immediate", canary_share=0.2, require_approval=True, actor="champion_adapter", reason="g"
    )
    assert (waiting.status, waiting.promotion.status) == ("candidate", "awaiting_approval")
    promoted = roll_out(
        store, "v3", rollout="immediate", canary_share=0.2, require_approval=False, actor="champion_adapter", reason="g"
    )
    assert (promoted.status, store.champion().version, store.canary().version) == ("champion", "v3", "v2")


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
