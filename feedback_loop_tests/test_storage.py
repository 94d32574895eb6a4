"""The data root in object storage: a working copy pulled and pushed against a local S3 server (moto)."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.fs as pafs
import pytest

from feedback_loop.storage import DataStore


def _objects(store: DataStore) -> dict[str, bytes]:
    prefix = store.base + "/"
    selector = pafs.FileSelector(store.base, recursive=True, allow_not_found=True)
    found = {}
    for info in store.fs.get_file_info(selector):
        if info.type == pafs.FileType.File:
            with store.fs.open_input_stream(info.path) as stream:
                found[info.path.removeprefix(prefix)] = stream.read()
    return found


def test_a_step_on_one_worker_hands_its_files_to_a_step_on_another(s3_root, tmp_path):
    first = DataStore(s3_root, tmp_path / "worker-1")
    with first.working_copy() as layout:
        (layout.datasets / "v1").mkdir(parents=True)
        (layout.datasets / "v1" / "train.jsonl").write_text("row\n")
        (layout.datasets / ".tmp-v2").mkdir()
        (layout.datasets / ".tmp-v2" / "half.jsonl").write_text("half")  # a write in progress: never uploaded
    assert _objects(first) == {"datasets/v1/train.jsonl": b"row\n"}

    second = DataStore(s3_root, tmp_path / "worker-2")
    with second.working_copy() as layout:
        assert (layout.datasets / "v1" / "train.jsonl").read_text() == "row\n"
        assert not (layout.datasets / ".tmp-v2").exists()
        (layout.datasets / "v1" / "train.jsonl").unlink()
        (layout.reports).mkdir()
        (layout.reports / "dashboard.html").write_text("<html/>")
    assert _objects(second) == {"reports/dashboard.html": b"<html/>"}


def test_a_pull_keeps_what_was_written_here_and_not_pushed_yet(s3_root, tmp_path):
    store = DataStore(s3_root, tmp_path / "copy")
    store.write_text("prompts/recommendations.json", "remote")
    store.pull("prompts")
    local = store.layout.prompts / "recommendations.json"
    assert local.read_text() == "remote"
    local.write_text("written here")
    store.pull("prompts")
    assert local.read_text() == "written here"


def test_a_newer_object_replaces_the_working_copy(s3_root, tmp_path):
    worker_1, worker_2 = DataStore(s3_root, tmp_path / "one"), DataStore(s3_root, tmp_path / "two")
    worker_1.write_text("models/labeler/current.json", '{"version": "a"}')
    worker_2.pull("models")
    with worker_1.working_copy("models") as layout:
        (layout.label_models / "current.json").write_text('{"version": "b"}')  # likely in the same second
    worker_2.pull("models")
    assert (worker_2.layout.label_models / "current.json").read_text() == '{"version": "b"}'


def test_a_push_uploads_the_folder_before_the_pointer_that_names_it(s3_root, tmp_path):
    store = DataStore(s3_root, tmp_path / "copy")
    snapshot = store.pull("models")
    (store.layout.label_models / "v3").mkdir(parents=True)
    (store.layout.label_models / "v3" / "weights.bin").write_bytes(b"w")
    (store.layout.label_models / "current.json").write_text('{"version": "v3"}')
    assert store.push(snapshot) == ["models/labeler/v3/weights.bin", "models/labeler/current.json"]


def test_the_warehouse_reads_and_writes_the_object_store_in_place(s3_root, tmp_path):
    store = DataStore(s3_root, tmp_path / "copy")
    store.warehouse().write_partition("events", "2026-11-01", pa.table({"event_id": ["e1"]}))
    assert "warehouse/events/date=2026-11-01/part-0.parquet" in _objects(store)
    assert not (store.layout.warehouse).exists()
    assert store.warehouse().read_partitions("events")["event_id"].to_pylist() == ["e1"]


def test_a_local_data_root_is_used_in_place(tmp_path):
    store = DataStore(tmp_path / "data")
    with store.working_copy() as layout:
        assert layout.root == tmp_path / "data"
        layout.datasets.mkdir(parents=True)
        (layout.datasets / "x").write_text("x")
    assert store.push(store.snapshot("datasets")) == []
    store.write_text("manifests/a.json", "{}")
    assert (tmp_path / "data" / "manifests" / "a.json").read_text() == "{}"
    assert store.read_text("manifests/missing.json") is None


def test_a_data_root_in_object_storage_needs_a_working_copy():
    with pytest.raises(ValueError, match="working_dir"):
        DataStore("s3://bucket/prefix")


def test_a_copy_another_step_pulled_meanwhile_is_not_uploaded_again(s3_root, tmp_path):
    store = DataStore(s3_root, tmp_path / "copy")
    store.write_text("models/labeler/current.json", '{"version": "a"}')
    before = store.snapshot("models")  # a step on this machine starts before the copy has the file
    store.pull("models")  # another step pulls it into the shared working copy
    assert store.push(before) == []
