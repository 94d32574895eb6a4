"""Materialize the training assets on their own: the upstream manifests are written by hand, as the IO manager
would have kept them, so a test runs base_model, lora_adapter and adapter_evaluation without ingestion."""

from __future__ import annotations

import json
from pathlib import Path

import dagster as dg

from feedback_loop.curate.preference import PreferenceExamples, save_preference_dataset
from feedback_loop.defs.curate import kto_dataset, preference_pairs, sft_dataset
from feedback_loop.defs.evaluate import adapter_evaluation
from feedback_loop.defs.model import base_model
from feedback_loop.defs.resources import build_resources
from feedback_loop.defs.train import lora_adapter
from feedback_loop.settings import Settings

TRAINING_ASSETS = [sft_dataset, preference_pairs, kto_dataset, base_model, lora_adapter, adapter_evaluation]


def write_manifest(data_dir: Path, asset: str, manifest: dict) -> None:
    """What ManifestIOManager keeps for ``asset`` under ``data_dir``."""
    path = Path(data_dir) / "manifests" / f"{asset}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(manifest))


def write_empty_preference_manifests(data_dir: Path) -> None:
    """Save empty preference datasets (no rating or correction yet) and their manifests: `lora_adapter` takes them
    as inputs, and a run of the sft objective reads only their manifests."""
    for asset, kind in (("preference_pairs", "pairs"), ("kto_dataset", "kto")):
        empty = PreferenceExamples(kind=kind, train=[], eval=[], stats={"max_length": None})
        saved = save_preference_dataset(empty, Path(data_dir) / "datasets", {"test": "no preference data"})
        write_manifest(data_dir, asset, {"path": str(saved.path), "version": saved.version})


def materialize(
    data_dir: Path,
    selection: list,
    ops: dict,
    instance=None,
    torch_threads: int | None = 1,
    raise_on_error: bool = True,
):
    """Materialize ``selection`` (asset definitions) of the training assets with ``ops`` as run config."""
    resources = build_resources(Settings(data_dir=data_dir, torch_threads=torch_threads))
    return dg.materialize(
        TRAINING_ASSETS,
        selection=selection,
        resources=resources,
        run_config={"ops": {name: {"config": config} for name, config in ops.items()}},
        instance=instance,
        raise_on_error=raise_on_error,
    )
