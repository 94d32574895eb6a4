"""Curation assets over the warehouse's labels."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import dagster as dg

from feedback_loop.curate import load_sft_dataset
from feedback_loop.defs.curate import sft_dataset
from feedback_loop.defs.model import base_model
from feedback_loop.model.base import model_fingerprint
from feedback_loop.runs import run_ingestion
from feedback_loop.warehouse import Warehouse
from feedback_loop_tests.defs.conftest import DAYS
from feedback_loop_tests.model.tiny_models import build_gpt2_dir
from feedback_loop_tests.train.assets import write_manifest

LATER_DAY = "2026-11-20"


def test_an_interaction_resent_weeks_later_is_curated_once(landed, resources, instance):
    # Ingestion stores an interaction re-sent later than the late-feedback window under both days, and each day's
    # labels hold it: curation failed ("interaction_id ... appears more than once") for every dataset.
    landing = Path(landed.layout.landing)
    lines = [line for path in sorted((landing / DAYS[0]).glob("*.jsonl")) for line in path.open()]
    first = next(json.loads(line) for line in lines if '"event_type":"interaction"' in line.replace(" ", ""))
    resent = {**first, "event_id": str(uuid.uuid4()), "timestamp": f"{LATER_DAY}T09:00:00.000Z"}
    (landing / LATER_DAY).mkdir(parents=True)
    (landing / LATER_DAY / "resend.jsonl").write_text(json.dumps(resent) + "\n")
    assert run_ingestion(landed, DAYS[0], DAYS[-1], instance=instance).success
    assert run_ingestion(landed, LATER_DAY, LATER_DAY, instance=instance).success
    labels = Warehouse(landed.layout.warehouse).read_partitions("labels")
    assert labels["interaction_id"].to_pylist().count(first["interaction_id"]) == 2

    base_dir = build_gpt2_dir(landed.data_dir / "gpt2", n_positions=512)
    write_manifest(landed.data_dir, "base_model", {"path": str(base_dir), "fingerprint": model_fingerprint(base_dir)})
    curated = dg.materialize([sft_dataset, base_model], selection=[sft_dataset], resources=resources, instance=instance)
    assert curated.success
    path = curated.asset_materializations_for_node("sft_dataset")[0].metadata["path"].path
    dataset = load_sft_dataset(path)
    ids = [row["example_id"] for split in ("train", "eval") for row in dataset[split]]
    assert len(ids) == len(set(ids))
    lineage = json.loads((Path(path) / "metadata.json").read_text())["lineage"]
    assert lineage["repeated_label_rows"] == 1
