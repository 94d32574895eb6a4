"""Route each user to an arm (champion or canary adapter, or the bare base model) and answer in batches.

A user always lands on the same arm (a stable hash of the user id), so an A/B comparison compares users, not
requests, and one person never sees two models flip within a day. Each arm's model (base + adapter) is loaded
once per :class:`ModelServer` and answers its requests in length-grouped batches.

The system prompt is a second experiment: each user also lands on a system prompt arm (the champion prompt
version, or the canary for its share), hashed with another salt so that who tries a new prompt does not
depend on who tries a new adapter. The model reads the prompt version's text and the instruction for the
user's segment before the request; an empty one leaves the model input exactly as in training.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from feedback_loop.progress import ProgressCallback
from feedback_loop.prompts import INITIAL_PROMPT, INITIAL_PROMPT_VERSION, PromptVersion, champion_prompt

if TYPE_CHECKING:
    from feedback_loop.prompts import PromptStore
    from feedback_loop.registry import Registry

T = TypeVar("T")

# Hashed into every system prompt assignment, so prompt arms are independent of adapter arms.
PROMPT_SALT = "system-prompt"


@dataclass(frozen=True)
class ChatRequest:
    """A user's request; ``user_segment`` is the segment the application knows the user by (None: unknown)."""

    prompt: str
    user_id: str
    session_id: str
    user_segment: str | None = None


@dataclass(frozen=True)
class ServedResponse:
    text: str
    model_version: str
    adapter_version: str | None
    system_prompt_version: str = INITIAL_PROMPT_VERSION


@dataclass(frozen=True)
class Arm:
    """One way of serving: an adapter version (None: the bare base model), its path, its share of users."""

    adapter_version: str | None
    adapter_path: str | None
    share: float


@dataclass(frozen=True)
class PromptArm:
    """One system prompt version and its share of users."""

    prompt: PromptVersion
    share: float


# Serving without a prompt registry: the initial version, whose empty text leaves the model input unchanged.
INITIAL_PROMPT_ARMS = [PromptArm(INITIAL_PROMPT, 1.0)]


def _check_share(version: str, share: float) -> None:
    if not 0.0 < share < 1.0:
        raise ValueError(f"canary {version}: field 'share' must be within (0, 1), got {share}")


def traffic_split(champion: tuple[str, str] | None, canary: tuple[str, str, float] | None) -> list[Arm]:
    """The arms for a champion ``(version, path)`` and an optional canary ``(version, path, share)``.

    Without a champion the bare base model takes the champion's place.
    """
    control_version, control_path = champion if champion is not None else (None, None)
    if canary is None:
        return [Arm(control_version, control_path, 1.0)]
    version, path, share = canary
    _check_share(version, share)
    return [Arm(control_version, control_path, 1.0 - share), Arm(version, path, share)]


def prompt_split(champion: PromptVersion, canary: tuple[PromptVersion, float] | None) -> list[PromptArm]:
    """The system prompt arms for the champion prompt and an optional canary ``(prompt, share)``."""
    if canary is None:
        return [PromptArm(champion, 1.0)]
    prompt, share = canary
    _check_share(prompt.version, share)
    return [PromptArm(champion, 1.0 - share), PromptArm(prompt, share)]


def pick_by_share(key: str, items: Sequence[T], shares: Sequence[float]) -> T:
    """The item whose share of [0, 1) a stable hash of ``key`` falls into; the same key always picks the same item."""
    digest = hashlib.sha256(key.encode()).digest()
    point = int.from_bytes(digest[:8], "big") / 2**64
    edge = 0.0
    for item, share in zip(items, shares, strict=True):
        edge += share
        if point < edge:
            return item
    return items[-1]  # only reached through rounding of the shares' sum


def assign_arm(user_id: str, arms: list[Arm], salt: str = "") -> Arm:
    """The arm of ``user_id``: a stable hash of the user (and ``salt``, e.g. the canary version) into [0, 1)."""
    return pick_by_share(f"{salt}:{user_id}", arms, [arm.share for arm in arms])


def arm_salt(arms: list[Arm]) -> str:
    """The salt of the adapter assignment: the arms' versions, so a new canary reshuffles who is in it."""
    return "|".join(str(arm.adapter_version) for arm in arms)


def prompt_salt(arms: list[PromptArm]) -> str:
    """The salt of the system prompt assignment: :data:`PROMPT_SALT` and the arms' versions."""
    return "|".join([PROMPT_SALT, *(arm.prompt.version for arm in arms)])


def assign_prompt_arm(user_id: str, arms: list[PromptArm]) -> PromptArm:
    """The system prompt arm of ``user_id``: like :func:`assign_arm`, salted with :func:`prompt_salt`."""
    return pick_by_share(f"{prompt_salt(arms)}:{user_id}", arms, [arm.share for arm in arms])


class ModelServer:
    """Answers :class:`ChatRequest` batches with the base model plus each user's arm adapter, reading each
    user's system prompt arm (default: the initial, empty prompt) before the request.

    ``temperature`` 0 decodes greedily; above 0 it samples (seeded), as a product usually does. ``progress`` is
    called with (requests answered, requests) as a batch of requests is answered.
    """

    def __init__(
        self,
        base_dir: str | Path,
        model_version: str,
        arms: list[Arm],
        *,
        prompt_arms: list[PromptArm] | None = None,
        max_new_tokens: int = 48,
        batch_size: int = 128,
        temperature: float = 0.0,
        seed: int = 0,
        device: str = "auto",
        progress: ProgressCallback | None = None,
    ):
        self.base_dir = str(base_dir)
        self.model_version = model_version
        self.arms = arms
        self.salt = arm_salt(arms)
        self.prompt_arms = INITIAL_PROMPT_ARMS if prompt_arms is None else prompt_arms
        self.max_new_tokens = max_new_tokens
        self.batch_size = batch_size
        self.temperature = temperature
        self.seed = seed
        self.device = device
        self.progress = progress
        self._models: dict[str | None, tuple] = {}

    def _model(self, arm: Arm):
        if arm.adapter_version not in self._models:
            from feedback_loop.model import load_causal_lm

            model, tokenizer = load_causal_lm(self.base_dir, arm.adapter_path, self.device)
            if arm.adapter_path is not None:
                # Serving only reads the weights: folding the adapter in makes each forward pass one matmul.
                model = model.merge_and_unload()
            self._models[arm.adapter_version] = (model, tokenizer)
        return self._models[arm.adapter_version]

    def _arm_progress(self, before: int, total: int) -> ProgressCallback | None:
        """The progress of one arm's answers as the count of all ``total`` requests, ``before`` already answered."""
        progress = self.progress
        if progress is None:
            return None
        return lambda done, _in_arm: progress(before + done, total)

    def __call__(self, requests: list[ChatRequest]) -> list[ServedResponse]:
        from feedback_loop.model.generation import generate_responses

        by_arm: dict[int, list[int]] = {}
        prompts = [assign_prompt_arm(request.user_id, self.prompt_arms).prompt for request in requests]
        for index, request in enumerate(requests):
            arm = assign_arm(request.user_id, self.arms, self.salt)
            by_arm.setdefault(self.arms.index(arm), []).append(index)
        responses: list[ServedResponse | None] = [None] * len(requests)
        answered = 0
        for arm_index, indices in sorted(by_arm.items()):
            arm = self.arms[arm_index]
            model, tokenizer = self._model(arm)
            texts = generate_responses(
                model,
                tokenizer,
                [requests[i].prompt for i in indices],
                systems=[prompts[i].system_text(requests[i].user_segment) for i in indices],
                max_new_tokens=self.max_new_tokens,
                batch_size=self.batch_size,
                temperature=self.temperature,
                seed=self.seed,
                progress=self._arm_progress(answered, len(requests)),
            )
            answered += len(indices)
            for i, text in zip(indices, texts, strict=True):
                responses[i] = ServedResponse(text, self.model_version, arm.adapter_version, prompts[i].version)
        # Every request belongs to exactly one arm, so every place was filled.
        return cast(list[ServedResponse], responses)


def arms_from_registry(store) -> list[Arm]:
    """The arms the registry asks for: its champion (or the bare base model) and its canary, if any."""
    champion, canary = store.champion(), store.canary()
    return traffic_split(
        (champion.version, champion.path) if champion else None,
        (canary.version, canary.path, _canary_share(canary)) if canary else None,
    )


def prompt_arms_from_registry(store: PromptStore, registry: Registry) -> list[PromptArm]:
    """The system prompt arms the prompt registry asks for: its champion prompt and its canary, if any."""
    canary = registry.canary()
    return prompt_split(
        champion_prompt(store, registry),
        (store.get(canary.version), _canary_share(canary)) if canary else None,
    )


def _canary_share(canary) -> float:
    """The registry's ``canary_share`` of the canary record; a clear error when it has none."""
    if canary.canary_share is None:
        raise ValueError(
            f"canary {canary.version}: field 'canary_share' is empty in the registry, so nobody knows how many users "
            "it should serve; reject it (`feedback-loop registry` commands) or roll it out again"
        )
    return canary.canary_share
