"""What an application must know to serve the loop's current choice: `GET /v1/champion` of the collector.

The answer names the base model, the champion and canary adapters (versions, paths, the canary's share),
the shadow challenger (answers recorded as shadow events, never shown: docs/telemetry-schema.md), the system prompt
arms, and the assignment rule with its salts, so that an application routes each user
exactly as :class:`~feedback_loop.serve.ModelServer` does. Given a ``user_id`` it also says that user's arms,
computed with the same functions (:func:`~feedback_loop.serve.assign_arm`,
:func:`~feedback_loop.serve.assign_prompt_arm`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from feedback_loop.serve.router import (
    SHADOW_SALT,
    SHADOW_SHARE,
    arm_salt,
    arms_from_registry,
    assign_arm,
    assign_prompt_arm,
    prompt_arms_from_registry,
    prompt_salt,
)

if TYPE_CHECKING:
    from feedback_loop.prompts import PromptStore
    from feedback_loop.registry import Registry

ASSIGNMENT_RULE = (
    "digest = sha256(f'{salt}:{user_id}'.encode('utf-8')); point = int.from_bytes(digest[:8], 'big') / 2**64; "
    "the user's arm is the first arm, in the listed order, whose cumulative share exceeds point (the last arm "
    "if rounding leaves none). Adapter arms use adapter_salt, system prompt arms use prompt_salt. A prompt the "
    "champion answers is also answered by the shadow challenger when sha256(f'{shadow_salt}:{interaction_id}') "
    "gives a point below the shadow's share."
)


def serving_state(
    registry: Registry,
    prompt_store: PromptStore,
    prompt_registry: Registry,
    base_model_dir: str | Path,
    *,
    user_id: str | None = None,
    user_segment: str | None = None,
) -> dict[str, Any]:
    """The champion, the canary, the system prompt arms and the assignment rule, as JSON-ready data.

    With ``user_id`` the answer also holds ``user``: that user's adapter and system prompt (the text the model
    reads first, including the instruction for ``user_segment``).
    """
    from feedback_loop.model.base import METADATA_FILE

    arms = arms_from_registry(registry)
    prompt_arms = prompt_arms_from_registry(prompt_store, prompt_registry)
    champion, canary, shadow = registry.champion(), registry.canary(), registry.shadow()
    base_dir = Path(base_model_dir)
    metadata_path = base_dir / METADATA_FILE
    fingerprint = json.loads(metadata_path.read_text())["fingerprint"] if metadata_path.is_file() else None
    state: dict[str, Any] = {
        "base_model": {"path": str(base_dir), "fingerprint": fingerprint},
        "champion": {"version": champion.version, "path": champion.path} if champion else None,
        "canary": {"version": canary.version, "path": canary.path, "share": arms[-1].share} if canary else None,
        "shadow": {"version": shadow.version, "path": shadow.path, "share": SHADOW_SHARE} if shadow else None,
        "adapter_arms": [
            {"adapter_version": arm.adapter_version, "adapter_path": arm.adapter_path, "share": arm.share}
            for arm in arms
        ],
        "system_prompt_arms": [
            {
                "version": arm.prompt.version,
                "share": arm.share,
                "text": arm.prompt.text,
                "segment_instructions": arm.prompt.segment_instructions,
            }
            for arm in prompt_arms
        ],
        "assignment": {
            "adapter_salt": arm_salt(arms),
            "prompt_salt": prompt_salt(prompt_arms),
            "shadow_salt": SHADOW_SALT,
            "rule": ASSIGNMENT_RULE,
        },
    }
    if user_id is not None:
        arm = assign_arm(user_id, arms, arm_salt(arms))
        prompt = assign_prompt_arm(user_id, prompt_arms).prompt
        state["user"] = {
            "user_id": user_id,
            "user_segment": user_segment,
            "adapter_version": arm.adapter_version,
            "adapter_path": arm.adapter_path,
            "system_prompt_version": prompt.version,
            "system_text": prompt.system_text(user_segment),
        }
    return state
