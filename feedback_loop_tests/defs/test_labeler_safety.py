"""The labeler in the ingestion run: a planted pickle never runs, and a labeler that fails its quality check
labels nothing, and curation then trains on none of its labels."""

from __future__ import annotations

import json
import pickle

import dagster as dg

from feedback_loop.curate import load_sft_dataset
from feedback_loop.defs.curate import sft_dataset
from feedback_loop.defs.label import auto_labeler, labeled_interactions
from feedback_loop.defs.model import base_model
from feedback_loop.model.base import model_fingerprint
from feedback_loop.runs import run_ingestion
from feedback_loop.warehouse import Warehouse
from feedback_loop_tests.defs.conftest import DAYS
from feedback_loop_tests.model.tiny_models import build_gpt2_dir
from feedback_loop_tests.train.assets import write_manifest


class _Payload:
    """Unpickling this creates the file ``marker``: a stand-in for any code a planted pickle could run."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (type(self.marker).touch, (self.marker,))


def test_a_planted_labeler_pickle_does_not_run(landed, resources, instance, tmp_path):
    """The old format (models/labeler/<version>/model.joblib, loaded with joblib) ran the payload here."""
    ingested = run_ingestion(landed, DAYS[0], DAYS[-1], instance=instance)
    assert ingested.success
    root = landed.layout.label_models
    marker = tmp_path / "payload-ran"
    planted = root / "0123456789abcdef"
    planted.mkdir(parents=True)
    (planted / "model.joblib").write_bytes(pickle.dumps({"model": _Payload(marker)}))
    # What the old save_labeler wrote beside its pickle, so that the old loader went on to unpickle it.
    from sklearn import __version__ as sklearn_version

    old_metadata = {"version": planted.name, "spec": {}, "metrics": {}, "sklearn_version": sklearn_version}
    (planted / "metadata.json").write_text(json.dumps({**old_metadata, "feature_set_version": 1}))
    (root / "current.json").write_text(json.dumps({"version": planted.name}))

    result = dg.materialize(
        [labeled_interactions],
        resources=resources,
        instance=instance,
        partition_key=DAYS[0],
        raise_on_error=False,
    )
    assert not result.success
    assert not marker.exists()


def test_a_labeler_that_fails_its_quality_check_labels_nothing(landed, resources, instance):
    assert run_ingestion(landed, DAYS[0], DAYS[-1], instance=instance).success
    config = {"ops": {"auto_labeler": {"config": {"min_holdout_auc": 1.01}}}}
    result = dg.materialize([auto_labeler], resources=resources, run_config=config, instance=instance)
    materialization = result.asset_materializations_for_node("auto_labeler")[0]
    assert materialization.metadata["published"].value is False
    assert "labels nothing" in materialization.metadata["outcome"].value
    check = result.get_asset_check_evaluations()[0]
    assert check.check_name == "labeler_quality" and not check.passed
    assert check.severity == dg.AssetCheckSeverity.ERROR

    relabel = dg.materialize([labeled_interactions], resources=resources, instance=instance, partition_key=DAYS[0])
    assert relabel.success
    labels = Warehouse(landed.layout.warehouse).read_partitions("labels", [DAYS[0]]).to_pylist()
    assert labels and not [row for row in labels if row["quality_source"] == "model"]
    assert all(row["model_good_probability"] is None for row in labels)
    metadata = relabel.asset_materializations_for_node("labeled_interactions")[0].metadata
    assert metadata["labels_with_model"].value is False
    assert metadata["label_sources_used"].value == "explicit, human, rule"

    # The other day's labels were written while the labeler stood: curation uses none of its labels now.

    base_dir = build_gpt2_dir(landed.data_dir / "gpt2", n_positions=512)
    write_manifest(landed.data_dir, "base_model", {"path": str(base_dir), "fingerprint": model_fingerprint(base_dir)})

    curated = dg.materialize([sft_dataset, base_model], selection=[sft_dataset], resources=resources, instance=instance)
    assert curated.success
    metadata = curated.asset_materializations_for_node("sft_dataset")[0].metadata
    assert metadata["model_labels_used"].value is False and "model" not in metadata["label_sources_used"].value
    model_labeled = {
        row["interaction_id"]
        for row in Warehouse(landed.layout.warehouse).read_partitions("labels").to_pylist()
        if row["quality_source"] == "model"
    }
    dataset = load_sft_dataset(metadata["path"].path)
    responses = [row for split in ("train", "eval") for row in dataset[split] if row["target_source"] == "response"]
    assert model_labeled and responses and not {row["example_id"] for row in responses} & model_labeled
