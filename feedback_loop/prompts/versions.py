"""System prompt versions: immutable JSON files, and their lifecycle in a registry of their own.

A system prompt version is ``<prompts dir>/<version>.json``: ``version``, ``text`` (the base system prompt),
``segment_instructions`` (user segment -> extra instruction), ``parent``, ``created_at``, ``created_by`` and
``recommendation_id``. A version is never rewritten: writing the same content again keeps the file, other
content under an existing version name is an error.

:data:`INITIAL_PROMPT`, the prompt the application has always used (empty text, so the model input stays
exactly as in training), is built in: a store without files and a registry without rows serve it as the
champion, the way an adapter registry without a champion serves the bare base model. Reading never writes;
:func:`seed_registry` writes the initial version's file and registers it as the first champion, and only the
first change of prompt (applying a recommendation) calls it.

Lifecycle. Prompt versions go through the adapters' lifecycle (candidate -> canary -> champion | rejected, the
audit log, the approval policy) in a :class:`feedback_loop.registry.Registry` of their own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from feedback_loop.files import write_json_atomic
from feedback_loop.schema import NO_SYSTEM_PROMPT

if TYPE_CHECKING:
    from feedback_loop.registry import Registry

INITIAL_PROMPT_VERSION = "support-v1"
RECOMMENDATIONS_FILE = "recommendations.json"
# The actor of registry changes made by the package itself (seeding), not by a person or an asset.
SEED_ACTOR = "feedback-loop"

# Version names become file names; "recommendations" is the recommendations file.
_VERSION_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
_NUMBERED = re.compile(r"^(?P<stem>.+)-v(?P<number>\d+)$")
_FIELDS = ("version", "text", "segment_instructions", "parent", "created_at", "created_by", "recommendation_id")


class PromptError(ValueError):
    """A prompt version or recommendation that cannot be read, written or applied as asked."""


def now() -> str:
    """The time stamp of a version or an applied recommendation."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _check_version_name(version: Any) -> str:
    if not isinstance(version, str) or not _VERSION_NAME.match(version) or version == Path(RECOMMENDATIONS_FILE).stem:
        raise PromptError(
            f"prompt version {version!r}: field 'version' must be letters, digits, '.', '_' or '-' (at most 100, "
            f"not starting with a symbol) and not {Path(RECOMMENDATIONS_FILE).stem!r}"
        )
    return version


@dataclass(frozen=True)
class PromptVersion:
    """One system prompt version as stored."""

    version: str
    text: str
    segment_instructions: dict[str, str]
    parent: str | None
    created_at: str
    created_by: str
    recommendation_id: str | None

    def system_text(self, segment: str | None) -> str:
        """What the model reads before a request of a user in ``segment``: the text, then the segment's
        instruction (empty when both are)."""
        instruction = self.segment_instructions.get(segment, "") if segment else ""
        return "\n".join(part for part in (self.text.strip(), instruction.strip()) if part)

    def content(self) -> dict:
        """What the version says, without when and by whom it was written."""
        return {
            "text": self.text,
            "segment_instructions": self.segment_instructions,
            "parent": self.parent,
            "recommendation_id": self.recommendation_id,
        }

    @classmethod
    def from_json(cls, obj: Any, source: str) -> PromptVersion:
        """Validate a stored version; an error names ``source`` and the field."""
        if not isinstance(obj, dict):
            raise PromptError(f"{source}: expected a JSON object, got {type(obj).__name__}")
        missing = [name for name in _FIELDS if name not in obj]
        if missing:
            raise PromptError(f"{source}: missing fields {missing}")
        _check_version_name(obj["version"])
        for name in ("text", "created_at", "created_by"):
            if not isinstance(obj[name], str):
                raise PromptError(f"{source}: field {name!r} must be a string, got {obj[name]!r}")
        for name in ("parent", "recommendation_id"):
            if obj[name] is not None and not isinstance(obj[name], str):
                raise PromptError(f"{source}: field {name!r} must be a string or null, got {obj[name]!r}")
        instructions = obj["segment_instructions"]
        if not isinstance(instructions, dict) or not all(
            isinstance(k, str) and k and isinstance(v, str) and v.strip() for k, v in instructions.items()
        ):
            raise PromptError(
                f"{source}: field 'segment_instructions' must map segment names to non-empty strings, "
                f"got {instructions!r}"
            )
        return cls(**{name: obj[name] for name in _FIELDS})


# Built in, so that serving and analysis need no file; created_at is empty until seed_registry() stores it.
INITIAL_PROMPT = PromptVersion(INITIAL_PROMPT_VERSION, "", {}, None, "", SEED_ACTOR, None)


class PromptStore:
    """Prompt version files under one folder (``<data root>/prompts``); opening it reads and writes nothing."""

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)

    def path(self, version: str) -> Path:
        return self.directory / f"{_check_version_name(version)}.json"

    @property
    def recommendations_path(self) -> Path:
        return self.directory / RECOMMENDATIONS_FILE

    def get(self, version: str) -> PromptVersion:
        """The stored ``version`` (the built-in initial one while it has no file); :class:`PromptError` when there
        is no such version."""
        path = self.path(version)
        if not path.exists():
            if version == INITIAL_PROMPT_VERSION:
                return INITIAL_PROMPT
            raise PromptError(f"prompt version {version!r} does not exist (no {path})")
        prompt = PromptVersion.from_json(json.loads(path.read_text()), str(path))
        if prompt.version != version:
            raise PromptError(f"{path}: field 'version' says {prompt.version!r}, the file name {version!r}")
        return prompt

    def find(self, version: Any) -> PromptVersion | None:
        """The stored ``version``, or None when it names no version here (an application may report versions of
        prompts it keeps elsewhere); a stored version that cannot be read is still a :class:`PromptError`."""
        if (
            not isinstance(version, str)
            or not _VERSION_NAME.match(version)
            or version == Path(RECOMMENDATIONS_FILE).stem
        ):
            return None
        if version != INITIAL_PROMPT_VERSION and not self.path(version).exists():
            return None
        return self.get(version)

    def served_system_texts(self, served: Iterable[tuple[Any, Any]]) -> list[str | None]:
        """The system text the model read (:meth:`PromptVersion.system_text`) for each (system_prompt_version,
        user_segment) of served interactions: empty for an interaction served without a system prompt
        (:data:`~feedback_loop.schema.NO_SYSTEM_PROMPT`), None where this store holds no such version."""
        found: dict[Any, PromptVersion | None] = {}
        texts: list[str | None] = []
        for version, segment in served:
            if version == NO_SYSTEM_PROMPT:
                texts.append("")
                continue
            if version not in found:
                found[version] = self.find(version)
            prompt = found[version]
            texts.append(None if prompt is None else prompt.system_text(segment))
        return texts

    def versions(self) -> list[PromptVersion]:
        """Every version, the initial one included, oldest first."""
        paths = sorted(self.directory.glob("*.json")) if self.directory.exists() else []
        stored = {path.stem for path in paths if path.name != RECOMMENDATIONS_FILE}
        prompts = [self.get(version) for version in stored | {INITIAL_PROMPT_VERSION}]
        return sorted(prompts, key=lambda prompt: (prompt.created_at, prompt.version))

    def write(self, prompt: PromptVersion) -> PromptVersion:
        """Store ``prompt`` (atomically); returns the stored version.

        Writing a version that exists with the same content keeps the stored file (and its ``created_at``);
        other content under an existing name is a :class:`PromptError`, because a version is never rewritten.
        """
        PromptVersion.from_json(asdict(prompt), f"prompt version {prompt.version!r}")
        path = self.path(prompt.version)
        if path.exists() or prompt.version == INITIAL_PROMPT_VERSION:
            stored = self.get(prompt.version)
            if stored.content() != prompt.content():
                changed = sorted(name for name, value in prompt.content().items() if stored.content()[name] != value)
                raise PromptError(
                    f"prompt version {prompt.version!r} exists with other {', '.join(changed)}; versions are never "
                    "rewritten, write the change under a new version"
                )
            if path.exists():
                return stored
        write_json_atomic(path, asdict(prompt))
        return prompt

    def next_version(self, parent: str) -> str:
        """A new version name after ``parent``: its ``-vN`` stem with the next free number (``support-v2``)."""
        match = _NUMBERED.match(parent)
        stem = match["stem"] if match else parent
        taken = {prompt.version for prompt in self.versions()}
        numbers = [int(m["number"]) for m in map(_NUMBERED.match, taken) if m and m["stem"] == stem]
        number = max(numbers, default=1) + 1
        while f"{stem}-v{number}" in taken:
            number += 1
        return _check_version_name(f"{stem}-v{number}")


def champion_prompt(store: PromptStore, registry: Registry) -> PromptVersion:
    """The champion's prompt version: the initial one while the registry has no champion."""
    record = registry.champion()
    return store.get(record.version if record is not None else INITIAL_PROMPT_VERSION)


def version_statuses(registry: Registry) -> dict[str, str]:
    """Each registered version's status, and the initial version's "champion" while nothing was registered."""
    statuses = {record.version: record.status for record in registry.list()}
    if registry.champion() is None:
        statuses.setdefault(INITIAL_PROMPT_VERSION, "champion")
    return statuses


def seed_registry(store: PromptStore, registry: Registry) -> None:
    """Before the first change of prompt: the initial version's file, and the initial version as the registry's
    first champion (nothing when the registry has a champion)."""
    if registry.champion() is not None:
        return
    initial = store.write(replace(INITIAL_PROMPT, created_at=now()))
    registry.register(
        initial.version, path=str(store.path(initial.version)), metrics={}, lineage={"parent": None}, actor=SEED_ACTOR
    )
    registry.promote(initial.version, actor=SEED_ACTOR, reason="initial system prompt")


def register_child_prompt(
    store: PromptStore,
    registry: Registry,
    instructions: Mapping[str, str],
    *,
    actor: str,
    recommendation_id: str | None = None,
    lineage: Mapping[str, Any] | None = None,
) -> PromptVersion:
    """A new version after the champion prompt, with ``instructions`` for their segments (the other segments' kept),
    written to ``store`` and registered in ``registry`` with ``lineage`` beside its parent (the initial prompt is
    registered first where nothing is). Its status is the caller's to set: a canary, or promoted."""
    seed_registry(store, registry)
    parent = champion_prompt(store, registry)
    prompt = store.write(
        PromptVersion(
            version=store.next_version(parent.version),
            text=parent.text,
            segment_instructions={**parent.segment_instructions, **instructions},
            parent=parent.version,
            created_at=now(),
            created_by=actor,
            recommendation_id=recommendation_id,
        )
    )
    registry.register(
        prompt.version,
        path=str(store.path(prompt.version)),
        metrics={},
        lineage={"parent": parent.version, **(lineage or {})},
        actor=actor,
    )
    return prompt
