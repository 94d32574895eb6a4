"""The tags that say what started a run: the UI filters and groups runs by them."""

from typing import Literal

TRIGGER_TAG = "feedback_loop/trigger"
ITERATION_TAG = "feedback_loop/iteration"

Trigger = Literal["demo", "backfill", "sensor", "schedule", "cli"]
"""What started a run: a demo iteration, `feedback-loop backfill`, the feedback volume sensor, the nightly
schedule, or another CLI command."""


def trigger_tags(trigger: Trigger, iteration: int | None = None) -> dict[str, str]:
    """The tags of a run started by ``trigger``; ``iteration``: the demo iteration it belongs to (0: the base
    model built before the first one)."""
    tags: dict[str, str] = {TRIGGER_TAG: trigger}
    if iteration is not None:
        tags[ITERATION_TAG] = str(iteration)
    return tags
