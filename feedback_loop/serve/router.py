"""Route each user to an arm (champion or canary adapter, or the bare base model) and answer in batches.

A user always lands on the same arm (a stable hash of the user id), so an A/B comparison compares users, not
requests, and one person never sees two models flip within a day. Each arm's model (base + adapter) is loaded
once per :class:`ModelServer` and answers its requests in length-grouped batches.

A shadow challenger (the registry's ``shadow`` version) answers too, unseen: for :data:`SHADOW_SHARE` of the
prompts the champion arm answers (a stable hash of the interaction picks them), the server also generates the
shadow's answer and attaches it to the served response as :class:`ShadowAnswer`, with its measured latency and
tokens. The application shows ``text`` only and records the shadow answer as a shadow event, never as an
interaction (see ``feedback_loop.simulate.telemetry``); :attr:`ModelServer.shadow_cost` adds up what it cost.

The system prompt is a second experiment: each user also lands on a system prompt arm (the champion prompt
version, or the canary for its share), hashed with another salt so that who tries a new prompt does not
depend on who tries a new adapter. The model reads the prompt version's text and the instruction for the
user's segment before the request; an empty one leaves the model input exactly as in training.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
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
# Hashed into the choice of the prompts a shadow challenger answers too.
SHADOW_SALT = "shadow"
SHADOW_SHARE = 0.2
"""The default share of the champion's prompts that a shadow challenger also answers."""


@dataclass(frozen=True)
class ChatRequest:
    """A user's request; ``user_segment`` is the segment the application knows the user by (None: unknown).
    ``interaction_id`` names the interaction the application will record; a shadow answer refers to it."""

    prompt: str
    user_id: str
    session_id: str
    user_segment: str | None = None
    interaction_id: str | None = None


@dataclass(frozen=True)
class ShadowAnswer:
    """The shadow challenger's answer to a request the champion answered: never shown to the user."""

    text: str
    adapter_version: str
    latency_ms: float
    """Generation time of this answer (its share of its batch), measured."""
    completion_tokens: int


@dataclass(frozen=True)
class ServedResponse:
    text: str
    model_version: str
    adapter_version: str | None
    system_prompt_version: str = INITIAL_PROMPT_VERSION
    shadow: ShadowAnswer | None = None
    """The shadow challenger's answer, for the application to record as a shadow event and never show."""


@dataclass
class ShadowCost:
    """What shadow serving cost, added up over calls: the prompts answered twice, the shadow's generated tokens
    and generation time, next to the generation time of every live answer."""

    prompts: int = 0
    tokens: int = 0
    seconds: float = 0.0
    live_prompts: int = 0
    live_seconds: float = 0.0
    by_version: dict[str, int] = field(default_factory=dict)


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


def shadowed(request: ChatRequest, share: float) -> bool:
    """Whether the shadow challenger also answers ``request``: a stable hash of its interaction into [0, 1)."""
    if request.interaction_id is None:
        raise ValueError(
            f"request of user {request.user_id!r}: field 'interaction_id' is missing; a shadow answer must name the "
            "interaction it shadows"
        )
    return pick_by_share(f"{SHADOW_SALT}:{request.interaction_id}", [True, False], [share, 1.0 - share])


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
    called with (requests answered, requests) as a batch of requests is answered. With a ``shadow`` arm, the
    champion's requests picked by :func:`shadowed` at ``shadow_share`` also get the shadow's answer attached.
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
        shadow: Arm | None = None,
        shadow_share: float = SHADOW_SHARE,
    ):
        if shadow is not None:
            if shadow.adapter_version is None:
                raise ValueError("shadow arm: field 'adapter_version' must name the shadow challenger, got None")
            _check_share(shadow.adapter_version, shadow_share)
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
        self.shadow = shadow
        self.shadow_share = shadow_share
        self.shadow_cost = ShadowCost()
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
        by_arm: dict[int, list[int]] = {}
        prompts = [assign_prompt_arm(request.user_id, self.prompt_arms).prompt for request in requests]
        for index, request in enumerate(requests):
            arm = assign_arm(request.user_id, self.arms, self.salt)
            by_arm.setdefault(self.arms.index(arm), []).append(index)
        responses: list[ServedResponse | None] = [None] * len(requests)
        answered = 0
        for arm_index, indices in sorted(by_arm.items()):
            arm = self.arms[arm_index]
            started = time.perf_counter()
            texts = self._generate(arm, requests, prompts, indices, self._arm_progress(answered, len(requests)))
            self.shadow_cost.live_seconds += time.perf_counter() - started
            self.shadow_cost.live_prompts += len(indices)
            answered += len(indices)
            for i, text in zip(indices, texts, strict=True):
                responses[i] = ServedResponse(text, self.model_version, arm.adapter_version, prompts[i].version)
        if self.shadow is not None:
            # Only the champion's answers are shadowed: the shadow is compared with the champion, not the canary.
            picked = [i for i in by_arm.get(0, []) if shadowed(requests[i], self.shadow_share)]
            for i, answer in zip(picked, self._shadow_answers(requests, prompts, picked), strict=True):
                responses[i] = replace(cast(ServedResponse, responses[i]), shadow=answer)
        # Every request belongs to exactly one arm, so every place was filled.
        return cast(list[ServedResponse], responses)

    def _generate(self, arm: Arm, requests, prompts, indices: list[int], progress) -> list[str]:
        from feedback_loop.model.generation import generate_responses

        model, tokenizer = self._model(arm)
        return generate_responses(
            model,
            tokenizer,
            [requests[i].prompt for i in indices],
            systems=[prompts[i].system_text(requests[i].user_segment) for i in indices],
            max_new_tokens=self.max_new_tokens,
            batch_size=self.batch_size,
            temperature=self.temperature,
            seed=self.seed,
            progress=progress,
        )

    def _shadow_answers(self, requests, prompts, indices: list[int]) -> list[ShadowAnswer]:
        """The shadow's answers to ``indices``, each with its share of the generation time and its token count."""
        shadow = cast(Arm, self.shadow)
        if not indices:
            return []
        started = time.perf_counter()
        texts = self._generate(shadow, requests, prompts, indices, None)
        seconds = time.perf_counter() - started
        tokenizer = self._model(shadow)[1]
        tokens = [len(ids) for ids in tokenizer(texts, add_special_tokens=False)["input_ids"]]
        cost = self.shadow_cost
        cost.prompts += len(indices)
        cost.tokens += sum(tokens)
        cost.seconds += seconds
        version = cast(str, shadow.adapter_version)
        cost.by_version[version] = cost.by_version.get(version, 0) + len(indices)
        latency_ms = 1000 * seconds / len(indices)
        return [ShadowAnswer(text, version, latency_ms, count) for text, count in zip(texts, tokens, strict=True)]


def arms_from_registry(store) -> list[Arm]:
    """The arms the registry asks for: its champion (or the bare base model) and its canary, if any."""
    champion, canary = store.champion(), store.canary()
    return traffic_split(
        (champion.version, champion.path) if champion else None,
        (canary.version, canary.path, _canary_share(canary)) if canary else None,
    )


def shadow_arm_from_registry(store) -> Arm | None:
    """The registry's shadow challenger as an arm (its share is that of users, so 0: it is shown to nobody), or
    None when no version is in shadow."""
    shadow = store.shadow()
    return None if shadow is None else Arm(shadow.version, shadow.path, 0.0)


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
