"""System prompt versions, used by serving and by analytics: the versioned store, its registry lifecycle, and the
recommendations a person may apply to it (the statistics that propose them live in analytics)."""

from feedback_loop.prompts.recommendations import (
    KINDS,
    Recommendation,
    apply_recommendation,
    merge_recommendations,
    read_recommendations,
    recommendation_id,
    write_recommendations,
)
from feedback_loop.prompts.versions import (
    INITIAL_PROMPT,
    INITIAL_PROMPT_VERSION,
    PromptError,
    PromptStore,
    PromptVersion,
    champion_prompt,
    register_child_prompt,
    seed_registry,
    version_statuses,
)

__all__ = [
    "INITIAL_PROMPT",
    "INITIAL_PROMPT_VERSION",
    "KINDS",
    "PromptError",
    "PromptStore",
    "PromptVersion",
    "Recommendation",
    "apply_recommendation",
    "champion_prompt",
    "merge_recommendations",
    "read_recommendations",
    "recommendation_id",
    "register_child_prompt",
    "seed_registry",
    "version_statuses",
    "write_recommendations",
]
