"""The collector as a real process: refusing to start unsafely, 401 on the wire, and no acknowledged event lost
to a SIGKILL under load."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys

from feedback_loop.collect.bench import (
    expected_ids,
    free_port,
    kill_under_load,
    landed_event_ids,
    start_collector,
    stop_collector,
)


def test_refuses_to_listen_beyond_loopback_without_a_token_file(tmp_path):
    env = {name: value for name, value in os.environ.items() if name != "FEEDBACK_LOOP_COLLECTOR_TOKEN_FILE"}
    command = [sys.executable, "-m", "feedback_loop.collect", "--host", "0.0.0.0", "--port", str(free_port())]
    finished = subprocess.run(
        [*command, "--data-dir", str(tmp_path)], env=env, capture_output=True, text=True, timeout=120
    )
    assert finished.returncode == 2
    assert "refusing to listen on 0.0.0.0 without a token" in finished.stdout + finished.stderr
    assert not (tmp_path / "landing").exists()


def test_wrong_token_gets_401_and_a_sigkill_under_load_loses_no_acknowledged_event(tmp_path):
    token_file = tmp_path / "token"
    token_file.write_text("the-right-token\n")
    data_dir = tmp_path / "data"
    collector = start_collector(data_dir, free_port(), token_file)
    try:
        connection = http.client.HTTPConnection("127.0.0.1", collector.port, timeout=30)
        connection.request("POST", "/v1/events", b"[]", {"Authorization": "Bearer the-wrong-token"})
        assert connection.getresponse().status == 401
        connection.close()
        killed = kill_under_load(collector, clients=4, batch=50, kill_after=1.5)
    finally:
        if collector.process.poll() is None:
            collector.process.kill()
    assert killed.acknowledged, "no batch was acknowledged before the kill"
    assert killed.errors, "the kill did not cut any request short"
    _, torn, _ = landed_event_ids(collector.landing)
    assert torn == 0  # what ingestion can read is whole even before recovery
    restarted = start_collector(data_dir, free_port(), token_file)
    stop_collector(restarted)
    landed, torn, hidden = landed_event_ids(collector.landing)
    assert (torn, hidden) == (0, 0)
    assert expected_ids([killed], 50) <= landed
    lines = [json.loads(line) for path in collector.landing.glob("*/collector-*.jsonl") for line in path.open()]
    assert all(line["event_type"] == "interaction" for line in lines)  # nothing but the events sent


def test_on_a_bucket_data_root_a_sigkill_under_load_loses_no_acknowledged_event(s3_root, tmp_path):
    """`feedback-loop collect` with FEEDBACK_LOOP_DATA_DIR=s3://...: killed under load, then restarted on the same
    spool and stopped, it has every acknowledged event in the bucket under landing/<day>/, in whole lines, and
    nothing left in its spool."""
    import pyarrow.fs as pafs

    from feedback_loop.storage import DataStore

    token_file = tmp_path / "token"
    token_file.write_text("the-token\n")
    key_file = tmp_path / "pseudonym.key"
    key_file.write_text("5" * 64)
    spool = tmp_path / "spool"
    settings = {
        "working_dir": tmp_path / "working-copy",
        "collector_spool_dir": spool,
        "registry_url": f"sqlite:///{tmp_path / 'registry.db'}",
        "prompt_registry_url": f"sqlite:///{tmp_path / 'prompt_registry.db'}",
        "pseudonym_key_file": key_file,
    }
    collector = start_collector(s3_root, free_port(), token_file, **settings)
    try:
        killed = kill_under_load(collector, clients=4, batch=50, kill_after=1.5)
    finally:
        if collector.process.poll() is None:
            collector.process.kill()
    assert killed.acknowledged, "no batch was acknowledged before the kill"
    restarted = start_collector(s3_root, free_port(), token_file, **settings)
    try:
        connection = http.client.HTTPConnection("127.0.0.1", restarted.port, timeout=30)
        body = json.dumps([{**EVENT, "event_id": "after-restart"}])
        connection.request("POST", "/v1/events", body, {"Authorization": "Bearer the-token"})
        assert connection.getresponse().status == 200
        connection.close()
    finally:
        stop_collector(restarted)

    store = DataStore(s3_root, tmp_path / "working-copy")
    selector = pafs.FileSelector(f"{store.base}/landing", recursive=True, allow_not_found=True)
    objects = [info.path for info in store.fs.get_file_info(selector) if info.type == pafs.FileType.File]
    assert objects and all("/collector-" in path and path.endswith(".jsonl") for path in objects), objects
    landed = set()
    for path in objects:
        with store.fs.open_input_stream(path) as stream:
            data = stream.read()
        assert data.endswith(b"\n"), path  # whole lines only
        landed |= {json.loads(line)["event_id"] for line in data.splitlines()}
    assert expected_ids([killed], 50) | {"after-restart"} <= landed
    assert [path for path in spool.rglob("*") if path.is_file()] == []


EVENT = {
    "schema_version": 1,
    "event_type": "feedback",
    "timestamp": "2026-11-01T09:31:10Z",
    "interaction_id": "int-1",
    "session_id": "ses-1",
    "user_id": "usr-1",
    "thumb": "up",
}
