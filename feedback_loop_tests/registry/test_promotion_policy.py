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
    registry.set_status("v2", "canary", actor="test", reason="canary")
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
