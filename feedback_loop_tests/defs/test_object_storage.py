"""The loop on a data root in object storage (a local S3 server): ingestion, labeling, curation and a retraining
complete, everything they hand on lives in the bucket, and a worker with an empty working copy carries on."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import dagster as dg
import pyarrow.fs as pafs
import pytest

from feedback_loop.registry import Registry
from feedback_loop.runs import run_ingestion, run_retraining
from feedback_loop.settings import load_settings
from feedback_loop.storage import DataStore
from feedback_loop_tests.defs.conftest import DAYS, retrain_run_config

pytestmark = pytest.mark.slow


def _object_paths(store: DataStore) -> set[str]:
    selector = pafs.FileSelector(store.base, recursive=True)
    prefix = store.base + "/"
    return {i.path.removeprefix(prefix) for i in store.fs.get_file_info(selector) if i.type == pafs.FileType.File}


def _environment(s3_root: str, tmp_path: Path) -> dict[str, str]:
    """The settings of a data root in the bucket: local SQLite registries (one machine), a mounted key file."""
    key_file = tmp_path / "secrets" / "pseudonym.key"
    key_file.parent.mkdir()
    key_file.write_text("5" * 64)
    (tmp_path / "dagster_home").mkdir()
    return {
        "FEEDBACK_LOOP_DATA_DIR": s3_root,
        "FEEDBACK_LOOP_WORKING_DIR": str(tmp_path / "working-copy"),
        "FEEDBACK_LOOP_REGISTRY_URL": f"sqlite:///{tmp_path / 'registry.db'}",
        "FEEDBACK_LOOP_PROMPT_REGISTRY_URL": f"sqlite:///{tmp_path / 'prompt_registry.db'}",
        "FEEDBACK_LOOP_PSEUDONYM_KEY_FILE": str(key_file),
        "DAGSTER_HOME": str(tmp_path / "dagster_home"),
    }


def _land(store: DataStore, days: list[str]) -> None:
    """Simulated landing days, uploaded to the bucket; nothing of them stays on this disk."""
    from feedback_loop.simulate import simulate_day

    with store.uploading("landing") as layout:
        for seed, day in enumerate(days):
            simulate_day(layout.landing, date.fromisoformat(day), 150, seed, invalid_lines=2)
    shutil.rmtree(store.local_root)


def test_ingestion_labeling_curation_and_retraining_run_on_object_storage(s3_root, tmp_path):
    settings = load_settings(_environment(s3_root, tmp_path))
    working_copy = settings.working_root
    store = DataStore.of(settings)
    _land(store, DAYS)

    with dg.instance_for_test(temp_dir=str(tmp_path / "dagster_home")) as instance:
        ingestion = run_ingestion(settings, DAYS[0], DAYS[-1], instance)
        assert ingestion.success
        stored = _object_paths(store)
        for table in ("events", "quarantine", "labels"):
            assert {f"warehouse/{table}/date={day}/part-0.parquet" for day in DAYS} <= stored
        assert not (working_copy / "warehouse").exists()  # the warehouse is read and written in the bucket
        labels = store.warehouse().read_partitions("labels")
        assert labels.num_rows > 0
        # The labeler and the prompt recommendations went up from the working copy, the pointer with its version.
        published = store.read_text("models/labeler/current.json")
        assert published is not None and "prompts/recommendations.json" in stored
        labeler_version = json.loads(published)["version"]
        assert any(path.startswith(f"models/labeler/{labeler_version}/") for path in stored)

        first = run_retraining(settings, retrain_run_config(), instance)
        assert first.success, [e.message for e in first.all_events if e.event_type_value == "STEP_FAILURE"]
        registry = Registry(settings.registry_url)
        champion = registry.champion()
        assert champion is not None
        adapter = Path(champion.path).relative_to(working_copy).as_posix()
        stored = _object_paths(store)
        assert f"{adapter}/adapter_config.json" in stored and f"{adapter}/training_metadata.json" in stored
        assert f"evaluations/{champion.version}/summary.json" in stored
        assert "models/base/config.json" in stored
        assert any(path.startswith("datasets/") and path.endswith("metadata.json") for path in stored)
        assert {"manifests/lora_adapter.json", "manifests/sft_dataset.json", "manifests/base_model.json"} <= stored
        adapters = {path.split("/")[1] for path in stored if path.startswith("adapters/")}

        # Another worker, with nothing on its disk, finds everything in the bucket: the same inputs give the same
        # versions, and the champion stays.
        shutil.rmtree(working_copy)
        again = run_retraining(settings, retrain_run_config(), instance)
        assert again.success, [e.message for e in again.all_events if e.event_type_value == "STEP_FAILURE"]
        assert registry.champion().version == champion.version
        assert {path.split("/")[1] for path in _object_paths(store) if path.startswith("adapters/")} == adapters


def test_steps_in_processes_of_their_own_hand_off_through_the_bucket(s3_root, tmp_path):
    """`dagster asset materialize` with the default multiprocess executor: ingestion, in a process of its own,
    reads the landing days from the bucket and writes the warehouse there; labeling, in another, reads it."""
    environment = _environment(s3_root, tmp_path)
    store = DataStore.of(load_settings(environment))
    _land(store, DAYS)
    dagster = Path(sys.executable).with_name("dagster")
    completed = subprocess.run(
        [
            str(dagster),
            "asset",
            "materialize",
            "-m",
            "feedback_loop.definitions",
            "--select",
            "raw_telemetry,labeled_interactions",
            "--partition-range",
            f"{DAYS[0]}...{DAYS[-1]}",
        ],
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert store.warehouse().partitions("events") == DAYS
    assert store.warehouse().partitions("labels") == DAYS
    assert store.warehouse().read_partitions("labels").num_rows > 0
