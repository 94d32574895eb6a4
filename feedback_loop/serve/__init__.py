"""Serving: route each user to the champion or the canary adapter, answer prompts in batches, and let a shadow
challenger answer a share of the champion's prompts unseen."""

from feedback_loop.serve.router import (
    SHADOW_SHARE,
    Arm,
    ChatRequest,
    ModelServer,
    PromptArm,
    ServedResponse,
    ShadowAnswer,
    ShadowCost,
    arm_salt,
    arms_from_registry,
    assign_arm,
    assign_prompt_arm,
    prompt_arms_from_registry,
    prompt_salt,
    prompt_split,
    shadow_arm_from_registry,
    shadowed,
    traffic_split,
)

__all__ = [
    "SHADOW_SHARE",
    "Arm",
    "ChatRequest",
    "ModelServer",
    "PromptArm",
    "ServedResponse",
    "ShadowAnswer",
    "ShadowCost",
    "arm_salt",
    "arms_from_registry",
    "assign_arm",
    "assign_prompt_arm",
    "prompt_arms_from_registry",
    "prompt_salt",
    "prompt_split",
    "shadow_arm_from_registry",
    "shadowed",
    "traffic_split",
]
