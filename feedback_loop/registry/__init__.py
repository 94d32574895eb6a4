"""The adapter registry: adapter versions, their status lifecycle, the champion pointer and the audit log."""

from feedback_loop.registry.store import (
    BASE,
    STATUSES,
    TRANSITIONS,
    AdapterRecord,
    ConcurrentChangeError,
    IllegalTransitionError,
    NoPreviousChampionError,
    Registry,
    RegistryError,
    UnknownVersionError,
    UnusableArtifactError,
    adapter_registry,
)

__all__ = [
    "BASE",
    "STATUSES",
    "TRANSITIONS",
    "AdapterRecord",
    "ConcurrentChangeError",
    "IllegalTransitionError",
    "NoPreviousChampionError",
    "Registry",
    "RegistryError",
    "UnknownVersionError",
    "UnusableArtifactError",
    "adapter_registry",
]
