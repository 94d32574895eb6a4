"""The preference assets on labels in the warehouse, and `lora_adapter` training and registering a DPO adapter."""

from __future__ import annotations

import json
from pathlib import Path

from feedback_loop.defs.curate import kto_dataset, preference_pairs
from feedback_loop.defs.train import lora_adapter
from feedback_loop.model.base import TRAINING_METADATA_FILE, model_fingerprint
from feedback_loop.registry import Registry
from feedback_loop.settings import Settings
from feedback_loop.warehouse import Warehouse
from feedback_loop_tests.curate.label_rows import labels, row
from feedback_loop_tests.model.tiny_models import DELIVERY_DAY, PRODUCTS
from feedback_loop_tests.train.assets import materialize, write_manifest

LORA = {"r": 4, "alpha": 8, "epochs": 2, "batch_size": 8, "max_length": 64, "device": "cpu", "objective": "dpo"}


def delivery_labels(n: int) -> list[dict]:
    """For each of ``n`` prompts, the right delivery day thumbed up and a wrong one thumbed down."""
    rows = []
    for k in range(n):
        product = PRODUCTS[k % len(PRODUCTS)]
        prompt = f"where is my {product} order {k}?"
        right, wrong = f"your {product} ships on {DELIVERY_DAY[product]}.", "sorry to hear that, please restart it."
        rows.append({**row(f"up{k}", prompt, response=right, minute=2 * k), "thumb": "up"})
        down = row(f"down{k}", prompt, response=wrong, quality="bad", minute=2 * k + 1)
        rows.append({**down, "thumb": "down"})
    return rows


def test_preference_assets_feed_a_dpo_adapter_whose_objective_the_registry_records(base_dir, dataset_dir, tmp_path):
    data_dir = tmp_path / "data"
    Warehouse(data_dir / "warehouse").write_partition("labels", "2026-11-01", labels(delivery_labels(30)))
    write_manifest(data_dir, "base_model", {"path": str(base_dir), "fingerprint": model_fingerprint(base_dir)})
    write_manifest(data_dir, "sft_dataset", {"path": str(dataset_dir), "version": "ds-test"})

    result = materialize(data_dir, [preference_pairs, kto_dataset, lora_adapter], {"lora_adapter": LORA})

    pairs = result.output_for_node("preference_pairs")
    kto = result.output_for_node("kto_dataset")
    pairs_meta = result.asset_materializations_for_node("preference_pairs")[0].metadata
    assert pairs_meta["pairs_from_ratings"].value == 30 and pairs_meta["pairs_from_corrections"].value == 0
    assert pairs["train"] + pairs["eval"] == 30 and pairs["train"] > 0 and pairs["max_length"] <= 64
    assert kto["train"] + kto["eval"] == 60
    adapter = result.output_for_node("lora_adapter")
    assert (adapter["objective"], adapter["dataset_version"]) == ("dpo", pairs["version"])
    trained = json.loads((Path(adapter["path"]) / TRAINING_METADATA_FILE).read_text())
    assert trained["trainer"].startswith("trl.DPOTrainer") and trained["train_size"] == pairs["train"]
    assert trained["lineage"]["preference_pairs"] == pairs
    record = Registry(Settings(data_dir=data_dir).registry_url).get(adapter["version"])
    assert (record.objective, record.lineage["dataset_version"]) == ("dpo", pairs["version"])

    # Materializing again reuses the datasets' versions and the adapter trained from them.
    again = materialize(data_dir, [preference_pairs, kto_dataset, lora_adapter], {"lora_adapter": LORA})
    assert again.output_for_node("lora_adapter") == adapter
