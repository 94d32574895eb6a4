"""Serving: route each user to the champion or the canary adapter and answer prompts in batches."""

from feedback_loop.serve.router import (
    Arm,
    ChatRequest,
    ModelServer,
    PromptArm,
    ServedResponse,
    arm_salt,
    arms_from_registry,
    assign_arm,
    assign_prompt_arm,
    prompt_arms_from_registry,
    prompt_salt,
    prompt_split,
    traffic_split,
)

__all__ = [
    "Arm",
    "ChatRequest",
    "ModelServer",
    "PromptArm",
    "ServedResponse",
    "arm_salt",
    "arms_from_registry",
    "assign_arm",
    "assign_prompt_arm",
    "prompt_arms_from_registry",
    "prompt_salt",
    "prompt_split",
    "traffic_split",
]
