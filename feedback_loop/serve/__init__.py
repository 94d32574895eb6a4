"""Serving: route each user to the champion or the canary adapter and answer prompts in batches."""

from feedback_loop.serve.router import (
    Arm,
    ChatRequest,
    ModelServer,
    ServedResponse,
    arms_from_registry,
    assign_arm,
    traffic_split,
)

__all__ = ["Arm", "ChatRequest", "ModelServer", "ServedResponse", "arms_from_registry", "assign_arm", "traffic_split"]
