"""Rollout and promotion rules: how a challenger that passed its gates reaches users, and when it wins.

The life of a challenger, each step a function here that the Dagster layer and the CLI call:

1. :func:`roll_out`: after the offline gate, the challenger becomes the ``shadow`` challenger when the rollout
   uses a shadow period (the default): it answers a share of live prompts unseen while the shadow evaluation
   compares its answers with the champion's, and :func:`apply_shadow_decision` then moves it on, or rejects
   it. Moving on (or, without a shadow period, right away): the challenger becomes the canary for a share of
   users (a canary still waiting for its verdict is superseded: rejected, since the new challenger was trained
   on more feedback), or, with ``immediate`` rollout, the champion at once. A newer shadow challenger
   supersedes one still in its shadow period the same way;
2. :func:`apply_online_decision`: the online A/B test's verdict moves the canary: ``promote`` makes it champion,
   ``rollback`` rejects it, ``wait`` leaves it serving;
3. promotions go through :func:`promote_or_wait`: with ``require_approval`` a challenger whose gates say
   "promote" is not promoted until someone runs ``feedback-loop registry approve VERSION``: the pending
   promotion is written into the version's metrics (``pending_promotion``, with who asked and why) and audited,
   and approving it (:func:`approve`) then promotes at once. A later verdict that is not "promote" withdraws the
   pending promotion. An approval given before the gates decide is kept, and the promotion goes ahead as soon as
   they do.

The rollout asked for at the gate (kind, canary share, shadow period) is kept in the version's metrics under
:data:`ROLLOUT_PLAN`, so that the shadow evaluation, days later, carries it out as asked.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

from feedback_loop.registry.store import (
    ANY_CHAMPION,
    AdapterRecord,
    AnyChampion,
    ConcurrentChangeError,
    Registry,
    RegistryError,
    check_canary_share,
)

PENDING = "pending_promotion"
ROLLOUT_PLAN = "rollout_plan"
GATED_AGAINST = "gated_against"
"""The key, in :data:`ROLLOUT_PLAN` and :data:`PENDING`, of the champion the gates judged a challenger against."""
"""The metrics key under which :func:`roll_out` keeps the rollout asked for while the version is in shadow."""

Rollout = Literal["canary", "immediate"]
ROLLOUTS: tuple[Rollout, ...] = ("canary", "immediate")
# What an online verdict (the A/B test's decision) may say.
OnlineVerdict = Literal["promote", "rollback", "wait"]


class StaleGateError(RegistryError):
    """A challenger's offline gate compared it with a champion that is no longer the champion; nothing changed."""


@dataclass(frozen=True)
class ShadowPeriod:
    """How long a challenger answers live prompts unseen before its shadow evaluation decides: ``days`` days with
    shadow traffic, or ``prompts`` shadowed prompts (None: days only), whichever comes first."""

    days: int
    prompts: int | None = None

    def __post_init__(self):
        if isinstance(self.days, bool) or not isinstance(self.days, int) or self.days < 1:
            raise ValueError(f"shadow period: field 'days' must be an int >= 1, got {self.days!r}")
        if self.prompts is not None and (
            isinstance(self.prompts, bool) or not isinstance(self.prompts, int) or self.prompts < 1
        ):
            raise ValueError(f"shadow period: field 'prompts' must be None or an int >= 1, got {self.prompts!r}")

    def over(self, days: int, prompts: int) -> bool:
        """Whether ``days`` days with shadow traffic and ``prompts`` shadowed prompts complete the period."""
        return days >= self.days or (self.prompts is not None and prompts >= self.prompts)


@dataclass(frozen=True)
class PromotionOutcome:
    """What :func:`promote_or_wait` did: ``promoted`` or ``awaiting_approval``, and the message to show."""

    status: str
    message: str


@dataclass(frozen=True)
class RolloutOutcome:
    """What :func:`roll_out` did: the version's status now, the canary it superseded (if any), and, for an
    immediate rollout, the promotion's outcome."""

    status: str
    superseded: str | None = None
    promotion: PromotionOutcome | None = None


@dataclass(frozen=True)
class OnlineOutcome:
    """What :func:`apply_online_decision` did: ``promoted``, ``awaiting_approval``, ``rejected`` or ``serving``
    (the canary keeps its share), and the message to show."""

    status: Literal["promoted", "awaiting_approval", "rejected", "serving"]
    message: str


def approve_command(version: str) -> str:
    return f"feedback-loop registry approve {version} --approver NAME --note WHY"


def roll_out(
    store: Registry,
    version: str,
    *,
    rollout: Rollout,
    canary_share: float,
    require_approval: bool,
    actor: str,
    reason: str,
    gated_against: str | None,
    shadow: ShadowPeriod | None = None,
    how_to_approve: str | None = None,
) -> RolloutOutcome:
    """Put ``version`` (a challenger that passed the offline gate against the champion ``gated_against``, None
    for the bare base model) in front of live traffic.

    With a ``shadow`` period it becomes the shadow challenger first (a different one still in shadow is
    rejected as superseded), and the rollout asked for waits in its metrics (:data:`ROLLOUT_PLAN`) for
    :func:`apply_shadow_decision`. Without one, ``canary``: it serves ``canary_share`` of users while the online
    A/B test decides; a different canary still waiting is rejected as superseded first. ``immediate``:
    :func:`promote_or_wait` now. A version already champion, canary or shadow is left as it is (re-running a
    rollout changes nothing).

    A gate against another champion than the current one (two retrainings at once, a promotion or rollback since,
    a re-run of an old run's rollout) is :class:`StaleGateError`: passing against that one says nothing about
    this one. An ``immediate`` promotion checks it again in its own transaction.
    """
    if rollout not in ROLLOUTS:
        raise ValueError(f"rollout of {version!r}: field 'rollout' must be one of {ROLLOUTS}, got {rollout!r}")
    check_canary_share(version, canary_share)  # now, not days later when a shadow period ends
    status = store.get(version).status
    if status in ("champion", "canary", "shadow"):
        return RolloutOutcome(status)
    champion = store.champion()
    if gated_against != (champion.version if champion else None):
        raise StaleGateError(
            f"refusing to roll out {version}: its offline gate compared it with "
            f"{gated_against or 'the bare base model'}, but the champion is now "
            f"{champion.version if champion else 'the bare base model'}; gate it again against the current champion"
        )
    if shadow is not None:
        plan = {
            "rollout": rollout,
            "canary_share": canary_share,
            "shadow": asdict(shadow),
            GATED_AGAINST: gated_against,
        }
        period = f"{shadow.days} day(s)" + (f" or {shadow.prompts} prompts" if shadow.prompts else "")
        superseded = store.take_over(
            version,
            "shadow",
            actor=actor,
            reason=f"shadow for {period}: {reason}",
            expected_status=status,
            metrics={ROLLOUT_PLAN: plan},  # in the move's transaction: a refused move records no plan
        )
        return RolloutOutcome("shadow", superseded=superseded)
    return _go_live(
        store,
        version,
        status,
        rollout=rollout,
        canary_share=canary_share,
        require_approval=require_approval,
        actor=actor,
        reason=reason,
        how_to_approve=how_to_approve,
        replacing=gated_against,
    )


def apply_shadow_decision(
    store: Registry,
    version: str,
    passed: bool,
    *,
    require_approval: bool,
    actor: str,
    reason: str,
    how_to_approve: str | None = None,
) -> RolloutOutcome:
    """Move the shadow challenger ``version`` on as its shadow evaluation decided: passed, the rollout kept in
    :data:`ROLLOUT_PLAN` goes ahead (canary or immediate); failed, it is rejected and never reaches users.

    Only a shadow challenger moves on: a version no longer in shadow (another evaluation of it decided first) is
    :class:`~feedback_loop.registry.store.ConcurrentChangeError`, and so is one that moves on meanwhile; nothing
    changes then."""
    record = store.get(version)
    if record.status != "shadow":
        raise ConcurrentChangeError(
            f"adapter {version!r}: field 'status' is {record.status!r}; only a shadow challenger moves on"
            " (another evaluation decided first?)"
        )
    if not passed:
        store.set_status(version, "rejected", actor=actor, reason=reason, expected_status="shadow")
        return RolloutOutcome("rejected")
    plan = rollout_plan(record)
    champion = store.champion()
    current = champion.version if champion else None
    if plan["rollout"] == "immediate" and GATED_AGAINST in plan and plan[GATED_AGAINST] != current:
        # Its offline gate spoke of another champion (promoted or rolled back meanwhile): promoting it now would
        # replace one it was never compared with. A newer challenger will be gated against the current one.
        why = (
            f"{reason}; but its offline gate compared it with {plan[GATED_AGAINST] or 'the bare base model'} and "
            f"the champion is now {current or 'the bare base model'}: not promoted"
        )
        store.set_status(version, "rejected", actor=actor, reason=why, expected_status="shadow")
        return RolloutOutcome("rejected")
    # A plan recorded before the gate's champion was kept in it replaces whichever champion there is.
    return _go_live(
        store,
        version,
        "shadow",
        rollout=plan["rollout"],
        canary_share=plan["canary_share"],
        require_approval=require_approval,
        actor=actor,
        reason=reason,
        how_to_approve=how_to_approve,
        replacing=plan.get(GATED_AGAINST, ANY_CHAMPION),
    )


def rollout_plan(record: AdapterRecord) -> dict:
    """The rollout :func:`roll_out` recorded for the shadow challenger ``record``; a clear error without one."""
    plan = record.metrics.get(ROLLOUT_PLAN)
    shadow = plan.get("shadow") if isinstance(plan, dict) else None
    if not isinstance(plan, dict) or plan.get("rollout") not in ROLLOUTS or not isinstance(shadow, dict):
        raise ValueError(
            f"adapter {record.version!r}: field 'metrics.{ROLLOUT_PLAN}' is {plan!r}, not the rollout roll_out "
            "recorded; reject the version or roll it out again"
        )
    return plan


def _go_live(
    store: Registry,
    version: str,
    status: str,
    *,
    rollout: Rollout,
    canary_share: float,
    require_approval: bool,
    actor: str,
    reason: str,
    how_to_approve: str | None,
    replacing: str | AnyChampion | None = ANY_CHAMPION,
) -> RolloutOutcome:
    """The canary (superseding a waiting one, in the same transaction) or, ``immediate``, the champion (through
    :func:`promote_or_wait`, in place of the champion ``replacing`` only), of ``version`` in ``status`` (a version
    or champion that moved meanwhile is left as it is: :class:`~feedback_loop.registry.store.ConcurrentChangeError`)."""
    if rollout == "immediate":
        promotion = promote_or_wait(
            store,
            version,
            require_approval=require_approval,
            actor=actor,
            reason=reason,
            how_to_approve=how_to_approve,
            replacing=replacing,
        )
        return RolloutOutcome(store.get(version).status, promotion=promotion)
    superseded = store.take_over(
        version,
        "canary",
        actor=actor,
        reason=f"canary for {canary_share:.0%} of users: {reason}",
        canary_share=canary_share,
        expected_status=status,
    )
    return RolloutOutcome("canary", superseded=superseded)


def apply_online_decision(
    store: Registry,
    version: str,
    verdict: OnlineVerdict,
    *,
    require_approval: bool,
    actor: str,
    reason: str,
    how_to_approve: str | None = None,
    replacing: str | AnyChampion | None = ANY_CHAMPION,
) -> OnlineOutcome:
    """Move the canary ``version`` as the online verdict says: ``promote`` (through :func:`promote_or_wait`),
    ``rollback`` (rejected), ``wait`` (keeps serving). A verdict other than ``promote`` withdraws a pending
    promotion, so that an approval cannot act on evidence that no longer holds."""
    if verdict == "promote":
        outcome = promote_or_wait(
            store,
            version,
            require_approval=require_approval,
            actor=actor,
            reason=reason,
            how_to_approve=how_to_approve,
            replacing=replacing,
        )
        if outcome.status == "promoted":
            return OnlineOutcome("promoted", outcome.message)
        return OnlineOutcome("awaiting_approval", outcome.message)
    withdraw_pending(store, version, actor=actor)
    if verdict == "rollback":
        store.set_status(version, "rejected", actor=actor, reason=reason)
        return OnlineOutcome("rejected", f"{version} is rolled back (rejected)")
    if verdict != "wait":
        raise ValueError(f"online verdict for {version!r} must be promote, rollback or wait, got {verdict!r}")
    return OnlineOutcome("serving", f"{version} keeps serving as the canary")


def promote_or_wait(
    store: Registry,
    version: str,
    *,
    require_approval: bool,
    actor: str,
    reason: str,
    how_to_approve: str | None = None,
    replacing: str | AnyChampion | None = ANY_CHAMPION,
) -> PromotionOutcome:
    """Promote ``version`` now, unless the policy requires an approval that nobody has given yet.

    ``how_to_approve`` is the command the waiting message shows (default: :func:`approve_command`, for adapters);
    ``replacing`` the champion it was judged against (see :meth:`Registry.promote`).
    """
    approval = store.approval(version) if require_approval else None
    if require_approval and approval is None:
        pending: dict[str, str | None] = {"requested_by": actor, "reason": reason}
        if not isinstance(replacing, AnyChampion):
            pending[GATED_AGAINST] = replacing
        store.add_metrics(version, {PENDING: pending}, actor=actor)
        return PromotionOutcome(
            "awaiting_approval",
            f"{version} passed its gates and waits for a human approval: {how_to_approve or approve_command(version)}",
        )
    if approval is not None:
        reason = f"{reason}; approved by {approval['approver']}: {approval['note']}"
    store.promote(version, actor=actor, reason=reason, replacing=replacing)
    return PromotionOutcome("promoted", f"{version} is now the champion")


def approve(store: Registry, version: str, *, approver: str, note: str) -> tuple[AdapterRecord, bool]:
    """Record the approval; promote at once when the gates already asked for it. Returns (record, promoted)."""
    record = store.approve(version, approver=approver, note=note)
    pending = record.metrics.get(PENDING)
    if pending is None:
        return record, False
    reason = f"{pending['reason']}; approved by {approver}: {note}"
    # The gates judged it against the champion of then: if another one is champion now, nothing changes.
    replacing = pending.get(GATED_AGAINST, ANY_CHAMPION)
    return store.promote(version, actor=approver, reason=reason, replacing=replacing), True


def withdraw_pending(store: Registry, version: str, *, actor: str) -> None:
    """Forget a pending promotion whose evidence no longer holds, so an approval cannot act on stale gates."""
    if store.get(version).metrics.get(PENDING) is not None:
        store.add_metrics(version, {PENDING: None}, actor=actor)


OFFLINE_EVALUATION = "offline_evaluation"
"""The metrics key under which the offline gate records a challenger's evaluation."""
SHADOW_EVALUATION = "shadow_evaluation"
"""The metrics key under which the shadow evaluation records a challenger's evaluation (and its asset's name)."""


def expire_unevaluated(store: Registry, challenger: str, *, actor: str) -> list[str]:
    """Reject, as expired, every candidate other than ``challenger`` that the offline gate never evaluated.

    Such a candidate was registered by a retraining that ended before its gate (killed, or failed in between);
    ``challenger`` is trained on at least as much feedback and supersedes it, and nothing else would ever move it
    out of ``candidate``. (A retraining with the same inputs evaluates the same version again instead: the
    version is a hash of them.) The caller makes sure no other retraining is still running, whose candidate
    would be waiting for its gate. Returns the expired versions.
    """
    expired = []
    for record in store.list():
        if record.status == "candidate" and record.version != challenger and OFFLINE_EVALUATION not in record.metrics:
            store.set_status(
                record.version,
                "rejected",
                actor=actor,
                reason=f"expired: its offline evaluation never finished, and {challenger} supersedes it",
            )
            expired.append(record.version)
    return expired
