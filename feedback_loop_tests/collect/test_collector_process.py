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
