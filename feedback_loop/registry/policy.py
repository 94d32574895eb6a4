"""The promotion policy: a challenger that passed its gates becomes champion, or waits for a person.

With ``require_approval`` a challenger whose gates say "promote" is not promoted until someone runs
``feedback-loop registry approve VERSION``: the pending promotion is written into the version's metrics
(``pending_promotion``, with who asked and why) and audited, and approving it then promotes at once. A later
verdict that is not "promote" withdraws the pending promotion. An approval given before the gates decide is
kept, and the promotion goes ahead as soon as they do.
"""

from __future__ import annotations

from dataclasses import dataclass

from feedback_loop.registry.store import AdapterRecord, Registry

PENDING = "pending_promotion"


@dataclass(frozen=True)
class PromotionOutcome:
    """What :func:`promote_or_wait` did: ``promoted`` or ``awaiting_approval``, and the message to show."""

    status: str
    message: str


def approve_command(version: str) -> str:
    return f"feedback-loop registry approve {version} --approver NAME --note WHY"


def promote_or_wait(
    store: Registry, version: str, *, require_approval: bool, actor: str, reason: str, how_to_approve: str | None = None
) -> PromotionOutcome:
    """Promote ``version`` now, unless the policy requires an approval that nobody has given yet.

    ``how_to_approve`` is the command the waiting message shows (default: :func:`approve_command`, for adapters).
    """
    approval = store.approval(version) if require_approval else None
    if require_approval and approval is None:
        store.add_metrics(version, {PENDING: {"requested_by": actor, "reason": reason}}, actor=actor)
        return PromotionOutcome(
            "awaiting_approval",
            f"{version} passed its gates and waits for a human approval: {how_to_approve or approve_command(version)}",
        )
    if approval is not None:
        reason = f"{reason}; approved by {approval['approver']}: {approval['note']}"
    store.promote(version, actor=actor, reason=reason)
    return PromotionOutcome("promoted", f"{version} is now the champion")


def approve(store: Registry, version: str, *, approver: str, note: str) -> tuple[AdapterRecord, bool]:
    """Record the approval; promote at once when the gates already asked for it. Returns (record, promoted)."""
    record = store.approve(version, approver=approver, note=note)
    pending = record.metrics.get(PENDING)
    if pending is None:
        return record, False
    reason = f"{pending['reason']}; approved by {approver}: {note}"
    return store.promote(version, actor=approver, reason=reason), True


def withdraw_pending(store: Registry, version: str, *, actor: str) -> None:
    """Forget a pending promotion whose evidence no longer holds, so an approval cannot act on stale gates."""
    if store.get(version).metrics.get(PENDING) is not None:
        store.add_metrics(version, {PENDING: None}, actor=actor)
