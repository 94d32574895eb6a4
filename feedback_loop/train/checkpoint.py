"""Training checkpoints: the adapter weights, optimizer, schedule, random state and progress of a training run.

A checkpoint is one file, replaced atomically, so a run killed while writing one leaves the previous one intact.
It holds tensors, numbers, strings and lists only and is read back with ``torch.load(weights_only=True)``:
loading a checkpoint never runs code from it.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

CHECKPOINT_FILE = "checkpoint.pt"


@dataclass
class Progress:
    """How far a training run has come: steps done, the loss of each, and what the throughput figures count."""

    step: int = 0
    loss_curve: list[float] = field(default_factory=list)
    real_tokens: int = 0
    positions: int = 0  # real tokens plus padding
    seconds: float = 0.0
    cpu_seconds: float = 0.0


def save_checkpoint(directory: Path, version: str, model, optimizer, scheduler, progress: Progress) -> Path:
    """Write the trainable weights, optimizer and scheduler state, torch's random state and ``progress``."""
    import torch

    directory.mkdir(parents=True, exist_ok=True)
    state = {
        "adapter_version": version,
        "progress": asdict(progress),
        "trainable": {name: tensor.detach().cpu() for name, tensor in _trainable(model).items()},
        "optimizer": optimizer.state_dict(),
        "scheduler": scheduler.state_dict(),
        "rng_cpu": torch.get_rng_state(),
        "rng_cuda": torch.cuda.get_rng_state_all() if torch.cuda.is_available() else [],
    }
    path = directory / CHECKPOINT_FILE
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        torch.save(state, tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def read_checkpoint(directory: Path) -> dict[str, Any] | None:
    """The checkpoint saved in ``directory``, or None when there is none."""
    import torch

    path = directory / CHECKPOINT_FILE
    if not path.is_file():
        return None
    return torch.load(path, map_location="cpu", weights_only=True)


def restore_checkpoint(state: dict[str, Any], model, optimizer, scheduler) -> Progress:
    """Put a checkpoint's weights, optimizer, scheduler and random state back; returns its progress."""
    import torch

    trainable = _trainable(model)
    if set(state["trainable"]) != set(trainable):
        raise ValueError("the checkpoint's trainable weights do not match this model's adapter")
    with torch.no_grad():
        for name, tensor in state["trainable"].items():
            trainable[name].copy_(tensor)
    optimizer.load_state_dict(state["optimizer"])
    scheduler.load_state_dict(state["scheduler"])
    torch.set_rng_state(state["rng_cpu"])
    if state["rng_cuda"] and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["rng_cuda"])
    return Progress(**state["progress"])


def _trainable(model) -> dict[str, Any]:
    return {name: parameter for name, parameter in model.named_parameters() if parameter.requires_grad}
