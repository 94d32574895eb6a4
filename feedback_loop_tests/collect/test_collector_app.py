"""The collector's endpoints in process (Starlette's test client): landing, validation, limits, auth, OTLP."""

from __future__ import annotations

import functools
import gzip
import json
import re
import time
from dataclasses import replace
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from feedback_loop.collect.app import CollectorConfig, CollectorSetupError, build_app, is_loopback, read_token
from feedback_loop.settings import load_settings
from feedback_loop.storage import DataStore
from feedback_loop_tests.collect.otlp_builders import genai_attributes, log_record, logs, otlp_json, span, traces

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
# Published at once, so the test reads the landing files while the app is still running.
CONFIG = CollectorConfig(rotate_seconds=0.05)


def event(event_id: str = "e-1", **overrides) -> dict:
    return {
        "schema_version": 1,
        "event_id": event_id,
        "event_type": "feedback",
        "timestamp": "2026-11-01T09:31:10Z",
        "interaction_id": "int-1",
        "session_id": "ses-1",
        "user_id": "usr-1",
        "thumb": "up",
        **overrides,
    }


@pytest.fixture
def landing(tmp_path) -> Path:
    return tmp_path / "landing"


def client(landing: Path, config: CollectorConfig = CONFIG, token: str | None = TOKEN, champion=None) -> TestClient:
    return TestClient(build_app(landing, token.encode() if token else None, config, champion))


def landed(landing: Path) -> list[dict]:
    """Every line of the visible landing files (the app must have been closed, or rotated)."""
    paths = [path for path in sorted(landing.glob("*/*.jsonl")) if not path.name.startswith(".")]
    return [json.loads(line) for path in paths for line in path.read_text().splitlines()]


def test_events_land_as_json_array_and_as_ndjson_before_the_answer(landing):
    with client(landing) as http:
        answer = http.post("/v1/events", content=json.dumps([event("a"), event("b")]), headers=AUTH)
        assert answer.status_code == 200 and answer.json() == {"accepted": 2}
        ndjson = "\n".join(json.dumps(event(i)) for i in ("c", "d")) + "\n\n"
        assert http.post("/v1/events", content=ndjson, headers=AUTH).json() == {"accepted": 2}
        health = http.get("/healthz").json()
    assert health["accepted_events"] == 4 and health["status"] == "ok"
    assert [line["event_id"] for line in landed(landing)] == ["a", "b", "c", "d"]
    [path] = landing.glob("*/*.jsonl")
    assert path.name.startswith("collector-") and not list(landing.glob("*/.*"))


def test_events_are_declared_as_json_or_ndjson_and_may_open_with_a_byte_order_mark(landing):
    with client(landing) as http:
        ndjson = {**AUTH, "Content-Type": "application/x-ndjson"}
        assert http.post("/v1/events", content=json.dumps(event("a")), headers=ndjson).status_code == 200
        declared = {**AUTH, "Content-Type": "application/json; charset=utf-8"}
        bom = "\ufeff" + json.dumps([event("b")])
        assert http.post("/v1/events", content=bom.encode(), headers=declared).json() == {"accepted": 1}
        refused = http.post(
            "/v1/events", content=json.dumps([event("c")]), headers={**AUTH, "Content-Type": "text/plain"}
        )
    assert refused.status_code == 415 and "text/plain" in refused.text
    assert [line["event_id"] for line in landed(landing)] == ["a", "b"]


def test_a_malformed_batch_gets_400_naming_position_and_field_and_nothing_lands(landing):
    batch = [event("a"), event("b", rating=9), event("c", thumb=None, rating=None), "not an object"]
    with client(landing) as http:
        answer = http.post("/v1/events", content=json.dumps(batch), headers=AUTH)
        ndjson = http.post("/v1/events", content=json.dumps(event("x")) + "\n{broken\n", headers=AUTH)
        version = http.post("/v1/events", content=json.dumps([event("v", schema_version=True)]), headers=AUTH)
    assert answer.status_code == 400
    problems = answer.json()["problems"]
    assert problems[0] == {"position": "events[1]", "field": "rating", "message": problems[0]["message"]}
    assert "less than or equal to 5" in problems[0]["message"]
    assert problems[1]["position"] == "events[2]" and "carries none of" in problems[1]["message"]
    assert problems[2] == {
        "position": "events[3]",
        "field": None,
        "message": "an event must be a JSON object, got a string",
    }
    assert ndjson.status_code == 400 and ndjson.json()["problems"][0]["position"] == "line 2"
    assert version.status_code == 400 and version.json()["problems"][0]["field"] == "schema_version"
    assert landed(landing) == []


def test_wrong_or_missing_token_gets_401(landing):
    with client(landing) as http:
        wrong = http.post("/v1/events", content=json.dumps([event()]), headers={"Authorization": "Bearer nope"})
        missing = http.post("/v1/events", content=json.dumps([event()]))
        otlp = http.post("/v1/traces", content=b"", headers={"Content-Type": "application/x-protobuf"})
        champion = http.get("/v1/champion")
        assert http.get("/healthz").status_code == 200  # liveness needs no token
    assert wrong.status_code == missing.status_code == otlp.status_code == champion.status_code == 401
    assert wrong.headers["WWW-Authenticate"] == "Bearer"
    assert landed(landing) == []


def test_size_limits_give_413_also_after_decompression(landing):
    small = replace(CONFIG, max_request_bytes=2000)
    big = json.dumps([event(str(i)) for i in range(30)]).encode()
    with client(landing, small) as http:
        assert http.post("/v1/events", content=big, headers=AUTH).status_code == 413
        bomb = gzip.compress(b"[" + b" " * 100_000 + b"]")
        assert len(bomb) < 2000
        assert http.post("/v1/events", content=bomb, headers={**AUTH, "Content-Encoding": "gzip"}).status_code == 413
        fits = gzip.compress(json.dumps([event("z")]).encode())
        assert http.post("/v1/events", content=fits, headers={**AUTH, "Content-Encoding": "gzip"}).status_code == 200
        assert http.post("/v1/events", content=fits, headers={**AUTH, "Content-Encoding": "br"}).status_code == 415


def test_every_member_of_a_gzip_body_lands_and_bytes_after_the_last_are_refused(landing):
    gzipped = {**AUTH, "Content-Encoding": "gzip", "Content-Type": "application/x-ndjson"}
    lines = [(json.dumps(event(name)) + "\n").encode() for name in ("a", "b", "c")]
    members = [gzip.compress(line) for line in lines]
    with client(landing, replace(CONFIG, max_request_bytes=len(b"".join(lines)))) as http:
        whole = http.post("/v1/events", content=b"".join(members), headers=gzipped)
        trailing = http.post("/v1/events", content=members[0] + b"trailing bytes", headers=gzipped)
        too_big = http.post("/v1/events", content=b"".join(members * 2), headers=gzipped)
    assert whole.status_code == 200 and whole.json() == {"accepted": 3}
    assert trailing.status_code == 400 and "after gzip member 1" in trailing.json()["error"]
    assert too_big.status_code == 413  # the limit holds over all members together
    assert [line["event_id"] for line in landed(landing)] == ["a", "b", "c"]


@pytest.mark.parametrize("limit", [{"max_in_flight": 0}, {"max_pending_bytes": 0}])
def test_overload_gets_429_with_retry_after(landing, limit):
    with client(landing, replace(CONFIG, retry_after_seconds=3, **limit)) as http:
        answer = http.post("/v1/events", content=json.dumps([event()]), headers=AUTH)
    assert answer.status_code == 429 and answer.headers["Retry-After"] == "3"
    assert landed(landing) == []


def test_otlp_protobuf_and_json_land_events_and_rejections_with_partial_success(landing):
    from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceResponse

    good = span()
    unmappable = span("00f067aa0ba902b8", attributes=genai_attributes(**{"user.id": None}))
    request = traces(good, unmappable)
    with client(landing) as http:
        answer = http.post(
            "/v1/traces",
            content=request.SerializeToString(),
            headers={**AUTH, "Content-Type": "application/x-protobuf"},
        )
        as_json = http.post(
            "/v1/logs",
            content=otlp_json(
                logs(log_record("gen_ai.evaluation.result", {"gen_ai.evaluation.name": "thumbs",
                                                             "gen_ai.evaluation.score.value": 0, "user.id": "usr-1"}))
            ),
            headers={**AUTH, "Content-Type": "application/json; charset=utf-8"},
        )  # fmt: skip
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/x-protobuf"
    response = ExportTraceServiceResponse.FromString(answer.content)
    assert response.partial_success.rejected_spans == 1
    assert "user.id: missing" in response.partial_success.error_message
    assert as_json.status_code == 200 and as_json.json() == {}
    lines = landed(landing)
    assert [line.get("event_type") for line in lines] == ["interaction", None, "feedback"]
    assert lines[1]["rejected"]["field"] == "user.id"
    assert lines[2]["thumb"] == "down"


def test_malformed_otlp_gets_400_with_a_status_body_in_the_request_encoding(landing):
    from google.rpc.status_pb2 import Status

    with client(landing) as http:
        protobuf = http.post(
            "/v1/traces", content=b"\xff\x01", headers={**AUTH, "Content-Type": "application/x-protobuf"}
        )
        as_json = http.post(
            "/v1/traces",
            content=json.dumps({"resourceSpans": [{"scopeSpans": [{"spans": [{"traceId": "zz", "spanId": "00"}]}]}]}),
            headers={**AUTH, "Content-Type": "application/json"},
        )
        wrong_type = http.post("/v1/logs", content=b"{}", headers={**AUTH, "Content-Type": "text/plain"})
    assert protobuf.status_code == 400 and Status.FromString(protobuf.content).code == 3
    assert as_json.status_code == 400
    assert as_json.json()["message"].startswith("resourceSpans[0].scopeSpans[0].spans[0].traceId:")
    assert wrong_type.status_code == 415
    assert landed(landing) == []


def test_the_champion_endpoint_passes_the_users_query(landing):
    asked = []

    def champion(user_id, user_segment):
        asked.append((user_id, user_segment))
        return {"champion": None}

    with client(landing, champion=champion) as http:
        answer = http.get("/v1/champion", params={"user_id": "usr-7", "user_segment": "pro"}, headers=AUTH)
    assert answer.json() == {"champion": None} and asked == [("usr-7", "pro")]


def test_without_a_token_file_only_loopback_is_allowed(tmp_path):
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("10.1.2.3") and not is_loopback("collector.internal")
    assert read_token(None, "127.0.0.1") is None
    with pytest.raises(CollectorSetupError, match=r"refusing to listen on 0\.0\.0\.0 without a token"):
        read_token(None, "0.0.0.0")
    empty = tmp_path / "empty"
    empty.write_text("\n")
    with pytest.raises(CollectorSetupError, match="is empty"):
        read_token(empty, "0.0.0.0")
    secret = tmp_path / "token"
    secret.write_text(f"{TOKEN}\n")
    assert read_token(secret, "0.0.0.0") == TOKEN.encode()


def test_the_token_file_is_a_setting_from_the_environment_or_the_settings_file(tmp_path):
    secret = tmp_path / "token"
    secret.write_text(f"{TOKEN}\n")
    settings_file = tmp_path / "feedback-loop.toml"
    settings_file.write_text(f'collector_token_file = "{secret}"\n')
    from_file = load_settings({"FEEDBACK_LOOP_SETTINGS_FILE": str(settings_file)})
    from_environment = load_settings({"FEEDBACK_LOOP_COLLECTOR_TOKEN_FILE": str(secret)})
    assert from_file.collector_token_file == from_environment.collector_token_file == secret.resolve()
    assert from_file.with_data_dir(tmp_path / "elsewhere").collector_token_file == secret.resolve()
    assert load_settings({"FEEDBACK_LOOP_COLLECTOR_TOKEN_FILE": ""}).collector_token_file is None
    assert read_token(from_file.collector_token_file, "0.0.0.0") == TOKEN.encode()


def _objects(store) -> dict[str, bytes]:
    """The landing objects of a data root in object storage, by path under it."""
    import pyarrow.fs as pafs

    selector = pafs.FileSelector(f"{store.base}/landing", recursive=True, allow_not_found=True)
    found = {}
    for info in store.fs.get_file_info(selector):
        if info.type == pafs.FileType.File:
            with store.fs.open_input_stream(info.path) as stream:
                found[info.path.removeprefix(store.base + "/")] = stream.read()
    return found


def bucket_client(spool: Path, store, config: CollectorConfig = CONFIG) -> TestClient:
    """The collector of a data root in object storage, as `feedback-loop collect` builds it: a local spool whose
    published files are uploaded to the bucket."""
    return TestClient(build_app(spool, TOKEN.encode(), config, upload=functools.partial(store.upload, once=True)))


def test_on_a_bucket_the_landing_files_are_uploaded_whole_and_leave_the_spool(s3_root, tmp_path):
    store = DataStore(s3_root, tmp_path / "working-copy")
    spool = tmp_path / "spool"
    with bucket_client(spool, store) as http:
        for batch in (["a", "b"], ["c"]):
            answer = http.post("/v1/events", content=json.dumps([event(i) for i in batch]), headers=AUTH)
            assert answer.status_code == 200
    objects = _objects(store)
    assert objects, "nothing was uploaded"
    assert all(re.fullmatch(r"landing/\d{4}-\d{2}-\d{2}/collector-[\w-]+\.jsonl", name) for name in objects)
    lines = [json.loads(line) for data in objects.values() for line in data.decode().splitlines()]
    assert sorted(line["event_id"] for line in lines) == ["a", "b", "c"]
    assert [path for path in spool.rglob("*") if path.is_file()] == []  # uploaded, then removed here
    # Ingestion of the day, on any machine, finds them in the bucket.
    [day] = {name.split("/")[1] for name in objects}
    DataStore(s3_root, tmp_path / "another-machine").pull(f"landing/{day}")
    assert landed(tmp_path / "another-machine" / "landing") == landed_lines(objects)


def landed_lines(objects: dict[str, bytes]) -> list[dict]:
    return [json.loads(line) for _, data in sorted(objects.items()) for line in data.decode().splitlines()]


def test_a_failed_upload_keeps_the_file_is_reported_and_goes_up_later(s3_root, tmp_path):
    """The bucket is gone (or the network, or the credentials): acknowledged events stay in the spool, /healthz
    says why, and the next collector on the spool uploads them."""
    store = DataStore(s3_root, tmp_path / "working-copy")
    missing = DataStore(s3_root.replace("s3://feedback-", "s3://missing-", 1), tmp_path / "working-copy")
    spool = tmp_path / "spool"
    with bucket_client(spool, missing, replace(CONFIG, upload_retry_seconds=0.05)) as http:
        assert http.post("/v1/events", content=json.dumps([event("a")]), headers=AUTH).status_code == 200
        deadline = time.monotonic() + 30
        while (health := http.get("/healthz").json())["upload_error"] is None:
            assert time.monotonic() < deadline, health
            time.sleep(0.05)
    assert health["status"] == "ok" and health["upload_waiting"] == 1 and health["uploaded_segments"] == 0
    assert "missing-" in health["upload_error"]
    assert [line["event_id"] for line in landed(spool)] == ["a"]  # kept whole, visible, in the spool
    assert _objects(store) == {}

    with bucket_client(spool, store) as http:
        pass  # a collector that starts on the spool uploads what the last one left
    assert [line["event_id"] for line in landed_lines(_objects(store))] == ["a"]
    assert landed(spool) == []
