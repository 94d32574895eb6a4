"""Recommended changes to the system prompt, as stored, and applying one.

The recommendations (made from telemetry by :mod:`feedback_loop.analytics.recommend`) are kept in
``<prompts dir>/recommendations.json`` with what the analysis looked at. A person applies one
(:func:`apply_recommendation`): it becomes a new version whose parent is the champion prompt, registered as the
canary, and the recommendation is marked applied with that version.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from feedback_loop.files import exclusive_lock, write_json_atomic
from feedback_loop.prompts.versions import (
    PromptError,
    PromptStore,
    PromptVersion,
    champion_prompt,
    register_child_prompt,
)

if TYPE_CHECKING:
    from feedback_loop.registry import Registry

KINDS = ("length", "escalation")


@dataclass(frozen=True)
class Recommendation:
    """A proposed change to the system prompt: an instruction for the users of one segment, with its evidence.

    ``status`` is ``proposed`` until a person applies it; then ``applied``, with the ``prompt_version`` it
    became, who applied it and when.
    """

    id: str
    kind: str
    target: str
    change: str
    summary: str
    evidence: dict
    status: str = "proposed"
    prompt_version: str | None = None
    applied_by: str | None = None
    applied_at: str | None = None


def recommendation_id(kind: str, target: str, change: str) -> str:
    """A stable id: the same proposal from other data keeps its id."""
    return hashlib.sha256(f"{kind}\x1f{target}\x1f{change}".encode()).hexdigest()[:12]


def merge_recommendations(previous: list[Recommendation], fresh: list[Recommendation]) -> list[Recommendation]:
    """The recommendations to keep after a new analysis: every applied one (as it was applied), then the fresh
    proposals that were not applied yet. Earlier proposals the data no longer supports are dropped."""
    applied = [r for r in previous if r.status == "applied"]
    applied_ids = {r.id for r in applied}
    return applied + [r for r in fresh if r.id not in applied_ids]


def read_recommendations(path: str | Path) -> tuple[dict, list[Recommendation]]:
    """What the last analysis looked at, and the recommendations stored at ``path`` (nothing when the file does
    not exist)."""
    path = Path(path)
    if not path.exists():
        return {}, []
    stored = json.loads(path.read_text())
    if not isinstance(stored, dict) or not isinstance(stored.get("recommendations"), list):
        raise PromptError(f"{path}: expected an object with a 'recommendations' list")
    recommendations = []
    for index, item in enumerate(stored["recommendations"]):
        try:
            recommendation = Recommendation(**item)
        except TypeError as exc:
            raise PromptError(f"{path}: recommendation {index}: {exc}") from exc
        if recommendation.kind not in KINDS or recommendation.status not in ("proposed", "applied"):
            raise PromptError(
                f"{path}: recommendation {recommendation.id!r}: field 'kind' must be one of {KINDS} and 'status' "
                f"proposed or applied, got {recommendation.kind!r}, {recommendation.status!r}"
            )
        recommendations.append(recommendation)
    return {key: value for key, value in stored.items() if key != "recommendations"}, recommendations


def write_recommendations(path: str | Path, recommendations: list[Recommendation], analysis: dict) -> None:
    """Store ``recommendations`` (atomically) with what the analysis looked at (``analysis``)."""
    write_json_atomic(Path(path), {**analysis, "recommendations": [asdict(r) for r in recommendations]})


def _instruction_after(current: str, change: str, superseded: list[str]) -> str:
    """The segment instruction once ``change`` is applied: earlier applied changes of the same kind and segment
    (``superseded``) are taken out, and ``change`` is added unless the instruction already says it."""
    for old in superseded:
        current = current.replace(old, "")
    current = " ".join(current.split())
    if change in current:
        return current
    return f"{current} {change}".strip()


def apply_recommendation(
    store: PromptStore, registry: Registry, recommendation_id: str, *, by: str, canary_share: float = 0.2
) -> PromptVersion:
    """Turn the recommendation into a new prompt version (parent: the champion prompt) and make it the canary.

    Only one prompt canary serves at a time; applying again, or a change the champion prompt already says,
    is refused. The recommendation is then marked applied with the new version.
    """
    if not isinstance(by, str) or not by.strip():
        raise PromptError(f"apply {recommendation_id!r}: field 'by' must name the person applying it, got {by!r}")
    if not 0.0 < canary_share < 1.0:
        raise PromptError(
            f"apply {recommendation_id!r}: field 'canary_share' must be within (0, 1), got {canary_share}"
        )
    path = store.recommendations_path
    with exclusive_lock(path):
        return _apply(store, registry, path, recommendation_id, by=by, canary_share=canary_share)


def _apply(
    store: PromptStore, registry: Registry, path: Path, recommendation_id: str, *, by: str, canary_share: float
) -> PromptVersion:
    analysis, recommendations = read_recommendations(path)
    found = [r for r in recommendations if r.id == recommendation_id]
    if not found:
        raise PromptError(f"no recommendation {recommendation_id!r} in {path}; `feedback-loop prompts list` shows them")
    recommendation = found[0]
    if recommendation.status == "applied":
        raise PromptError(
            f"recommendation {recommendation_id!r} was already applied as {recommendation.prompt_version}"
        )
    canary = registry.canary()
    if canary is not None:
        raise PromptError(
            f"prompt version {canary.version} is still the canary; prompt_ab_test promotes or rejects it first"
        )
    parent = champion_prompt(store, registry)
    current = parent.segment_instructions.get(recommendation.target, "")
    superseded = [
        r.change
        for r in recommendations
        if r.status == "applied" and r.kind == recommendation.kind and r.target == recommendation.target
    ]
    instruction = _instruction_after(current, recommendation.change, superseded)
    if instruction == current:
        raise PromptError(
            f"recommendation {recommendation_id!r}: the champion prompt {parent.version} already tells segment "
            f"{recommendation.target!r}: {current!r}"
        )
    # The canary is compared with a registered champion: the first change registers the initial prompt.
    prompt = register_child_prompt(
        store,
        registry,
        {recommendation.target: instruction},
        actor=by,
        recommendation_id=recommendation.id,
        lineage={"recommendation_id": recommendation.id, "evidence": recommendation.evidence},
    )
    reason = f"applied recommendation {recommendation.id}: {recommendation.summary}"
    registry.set_status(prompt.version, "canary", actor=by, reason=reason, canary_share=canary_share)
    applied = replace(
        recommendation, status="applied", prompt_version=prompt.version, applied_by=by, applied_at=prompt.created_at
    )
    write_recommendations(path, [applied if r.id == recommendation.id else r for r in recommendations], analysis)
    return prompt
