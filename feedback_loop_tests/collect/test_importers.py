"""`import openai-chat | preference | otlp`: days, ids derived from content, idempotence, rejections, real data."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from feedback_loop.collect.importers import PreferenceDefaults, import_file
from feedback_loop.ingest import ingest_partition
from feedback_loop.schema import EVENT_ADAPTER
from feedback_loop.settings import load_settings
from feedback_loop_tests.collect.otlp_builders import genai_attributes, otlp_json, span, traces

KEY = b"importer-test-key"
CHAT_LINE = {
    "request": {
        "model": "gpt-4o-mini",
        "user": "usr-42",
        "messages": [
            {"role": "system", "content": "You are a support agent."},
            {"role": "user", "content": "Where is my order?"},
            {"role": "assistant", "content": "Which order?"},
            {"role": "user", "content": [{"type": "text", "text": "Order 17"}]},
        ],
    },
    "response": {
        "id": "chatcmpl-17",
        "object": "chat.completion",
        "created": 1793525400,
        "model": "gpt-4o-mini-2024-07-18",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "It ships Monday."}}],
        "usage": {"prompt_tokens": 30, "completion_tokens": 4, "total_tokens": 34},
    },
    "latency_ms": 640.0,
    "feedback": {"thumb": "down", "comment": "too late", "timestamp": "2026-11-02T08:00:00Z"},
}


def write_jsonl(path: Path, lines: list) -> Path:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines))
    return path


def landed(landing: Path) -> dict[str, list[dict]]:
    return {
        path.parent.name: [json.loads(line) for line in path.read_text().splitlines()]
        for path in sorted(landing.glob("*/import-*.jsonl"))
    }


def test_openai_chat_takes_whole_batch_api_lines_and_rejects_a_failed_request(tmp_path):
    request = {"custom_id": "r3", "method": "POST", "url": "/v1/chat/completions", "body": CHAT_LINE["request"]}
    output = {
        "id": "batch_req_3",
        "custom_id": "r3",
        "response": {"status_code": 200, "request_id": "q3", "body": {**CHAT_LINE["response"], "id": "chatcmpl-19"}},
        "error": None,
    }
    failed = {**output, "response": {"status_code": 500, "request_id": "q4", "body": {"error": {"message": "boom"}}}}
    expired = {**output, "response": None, "error": {"code": "batch_expired", "message": "not run"}}
    lines = [{"request": request, "response": answer} for answer in (output, failed, expired)]
    source = write_jsonl(tmp_path / "batch.jsonl", lines)

    result = import_file("openai-chat", source, tmp_path / "landing")

    assert (result.events, result.rejected) == (1, 2)
    [interaction] = landed(tmp_path / "landing")["2026-11-01"][:1]
    assert (interaction["interaction_id"], interaction["prompt"]) == ("chatcmpl-19", "Order 17")
    rejections = [
        line["rejected"] for lines in landed(tmp_path / "landing").values() for line in lines if "rejected" in line
    ]
    assert [
        (rejection["field"], "500" in rejection["reason"] or "batch_expired" in rejection["reason"])
        for rejection in rejections
    ] == [
        ("response.status_code", True),
        ("response.error", True),
    ]


def test_openai_chat_lines_become_interactions_and_feedback_in_their_days(tmp_path):
    batch_line = {
        "custom_id": "r2",
        "response": {"status_code": 200, "body": {**CHAT_LINE["response"], "id": "chatcmpl-18", "created": 1793611800}},
        "request": {**CHAT_LINE["request"], "user": None, "safety_identifier": "usr-43"},
    }
    source = write_jsonl(tmp_path / "chat.jsonl", [CHAT_LINE, "", batch_line])
    result = import_file("openai-chat", source, tmp_path / "landing")
    assert (result.events, result.rejected, result.not_measured) == (3, 0, 1)
    # The feedback came a day later: it lands in the day of its own timestamp, as late feedback does.
    assert result.days == {"2026-11-01": 1, "2026-11-02": 2} and result.day_range == ("2026-11-01", "2026-11-02")
    days = landed(tmp_path / "landing")
    [interaction] = days["2026-11-01"]
    feedback, second = days["2026-11-02"]
    assert interaction["event_type"] == "interaction"
    assert (interaction["interaction_id"], interaction["user_id"], interaction["session_id"]) == (
        "chatcmpl-17",
        "usr-42",
        "chatcmpl-17",
    )
    assert (interaction["prompt"], interaction["response"]) == ("Order 17", "It ships Monday.")
    assert (interaction["prompt_tokens"], interaction["completion_tokens"], interaction["latency_ms"]) == (30, 4, 640.0)
    assert interaction["model_version"] == "gpt-4o-mini-2024-07-18"
    assert interaction["system_prompt_version"].startswith("sha256-")
    assert interaction["timestamp"] == "2026-11-01T09:30:00+00:00"
    assert (feedback["thumb"], feedback["comment"], feedback["interaction_id"]) == ("down", "too late", "chatcmpl-17")
    assert second["user_id"] == "usr-43" and second["latency_ms"] == 0.0  # not measured
    for events in days.values():
        for event in events:
            EVENT_ADAPTER.validate_python(event)


def test_importing_twice_changes_nothing_and_ids_derive_from_content(tmp_path):
    source = write_jsonl(tmp_path / "chat.jsonl", [CHAT_LINE])
    first = import_file("openai-chat", source, tmp_path / "landing")
    before = {path: path.read_bytes() for path in (tmp_path / "landing").rglob("*.jsonl")}
    second = import_file("openai-chat", source, tmp_path / "landing")
    assert first.files == second.files
    assert {path: path.read_bytes() for path in (tmp_path / "landing").rglob("*.jsonl")} == before
    # The same call in another file (another name) has the same event ids: ingestion stores it once.
    copy = write_jsonl(
        tmp_path / "copy.jsonl", [CHAT_LINE, {**CHAT_LINE, "response": {**CHAT_LINE["response"], "id": "x"}}]
    )
    import_file("openai-chat", copy, tmp_path / "landing")
    interactions = ingest_partition(tmp_path / "landing", "2026-11-01", KEY)
    assert (interactions.valid, interactions.duplicates, interactions.quarantined) == (2, 1, 0)
    feedback = ingest_partition(tmp_path / "landing", "2026-11-02", KEY)
    assert (feedback.valid, feedback.duplicates, feedback.quarantined) == (2, 1, 0)


def test_events_land_on_the_utc_day_of_their_timestamp_not_the_date_written_in_it(tmp_path):
    # 23:30 at -05:00 is 04:30 the next day in UTC, the day ingestion and the collector count it in; the written
    # date landed it a day early.
    line = {
        **CHAT_LINE,
        "timestamp": "2026-11-01T23:30:00-05:00",
        "feedback": {"thumb": "up", "timestamp": "2026-11-03T01:00:00+09:00"},
    }
    result = import_file("openai-chat", write_jsonl(tmp_path / "chat.jsonl", [line]), tmp_path / "landing")
    assert result.days == {"2026-11-02": 2}  # the feedback's 01:00 at +09:00 is 16:00 the day before in UTC
    ingested = ingest_partition(tmp_path / "landing", "2026-11-02", KEY)
    assert (ingested.valid, ingested.quarantined) == (2, 0)
    assert {row["timestamp"].date().isoformat() for row in ingested.events.to_pylist()} == {"2026-11-02"}


def test_lines_that_cannot_be_mapped_land_as_rejections_that_ingestion_quarantines(tmp_path):
    no_user = {**CHAT_LINE, "request": {**CHAT_LINE["request"], "user": None}}
    tool_call = {
        **CHAT_LINE,
        "response": {**CHAT_LINE["response"], "choices": [{"message": {"role": "assistant", "content": None}}]},
    }
    source = write_jsonl(tmp_path / "chat.jsonl", ["{not json", no_user, tool_call, [1, 2]])
    result = import_file("openai-chat", source, tmp_path / "landing")
    assert (result.events, result.rejected) == (0, 4)
    [(day, lines)] = landed(tmp_path / "landing").items()
    assert [line["rejected"]["field"] for line in lines] == [
        None,
        "user_id",
        "response.choices[0].message.content",
        None,
    ]
    ingested = ingest_partition(tmp_path / "landing", day, KEY)
    rows = ingested.quarantine.to_pylist()
    assert [row["field"] for row in rows] == [None, "user_id", "response.choices[0].message.content", None]
    assert rows[0]["reason"].startswith("rejected at collection (openai-chat line 1): invalid JSON")
    assert "usr-42" not in rows[2]["raw_line"]  # the request's end-user id is pseudonymized in quarantine


def test_a_value_of_the_wrong_type_or_out_of_range_rejects_its_line_instead_of_a_default(tmp_path):
    # Ids sent as numbers were once dropped for defaults ("u1", the completion id), and a `created` beyond the
    # platform's dates ended the whole import with an OverflowError naming no line.
    lines = [
        {**CHAT_LINE, "user_id": 4821},
        {**CHAT_LINE, "session_id": 77},
        {**CHAT_LINE, "timestamp": 1793525400},
        {**CHAT_LINE, "response": {**CHAT_LINE["response"], "created": 1e20}},
        {**CHAT_LINE, "feedback": {**CHAT_LINE["feedback"], "timestamp": 1793611800}},
        CHAT_LINE,
    ]
    result = import_file("openai-chat", write_jsonl(tmp_path / "chat.jsonl", lines), tmp_path / "landing")
    assert (result.events, result.rejected) == (2, 5)
    rejected = [line["rejected"] for line in landed(tmp_path / "landing")["2026-11-01"] if "rejected" in line]
    assert [r["field"] for r in rejected] == [
        "user_id", "session_id", "timestamp", "response.created", "feedback.timestamp"
    ]  # fmt: skip
    assert "must be a string, got int 4821" in rejected[0]["reason"]
    assert "out of the range of dates" in rejected[3]["reason"]


def with_response(**members) -> dict:
    return {**CHAT_LINE, "response": {**CHAT_LINE["response"], **members}}


@pytest.mark.parametrize(
    ("line", "key", "field"),
    [
        (with_response(usage={"completion_tokens": 4}), "response.usage.prompt_tokens", "prompt_tokens"),
        (with_response(usage={"prompt_tokens": 3, "completion_tokens": -1}), "response.usage.completion_tokens",
         "completion_tokens"),
        (with_response(created=915148800), "response.created", "timestamp"),  # 1999
        ({**CHAT_LINE, "feedback": {"rating": 9}}, "feedback.rating", "rating"),
        ({**CHAT_LINE, "feedback": {**CHAT_LINE["feedback"], "timestamp": "late"}}, "feedback.timestamp", "timestamp"),
    ],
)  # fmt: skip
def test_a_value_the_event_contract_refuses_is_named_by_the_key_of_the_line_it_came_from(tmp_path, line, key, field):
    # The rejection named the event's field (prompt_tokens): not a key of the line the user can find and fix.
    result = import_file("openai-chat", write_jsonl(tmp_path / "chat.jsonl", [line]), tmp_path / "landing")
    landed_lines = [line for lines in landed(tmp_path / "landing").values() for line in lines]
    [rejection] = [line["rejected"] for line in landed_lines if "rejected" in line]
    assert result.rejected == 1 and rejection["field"] == key
    assert rejection["reason"].startswith(f"{key}: ") and rejection["reason"].endswith(f"(as the event's {field})")


def test_rejections_land_on_a_day_the_file_decides_so_a_re_import_on_another_day_changes_nothing(tmp_path, monkeypatch):
    import feedback_loop.collect.importers as importers

    source = write_jsonl(tmp_path / "chat.jsonl", [CHAT_LINE, "{not json"])
    monkeypatch.setattr(importers, "utc_day", lambda: "2026-11-20")
    import_file("openai-chat", source, tmp_path / "landing")
    before = {path: path.read_bytes() for path in (tmp_path / "landing").rglob("*.jsonl")}
    monkeypatch.setattr(importers, "utc_day", lambda: "2026-11-21")
    import_file("openai-chat", source, tmp_path / "landing")
    assert {path: path.read_bytes() for path in (tmp_path / "landing").rglob("*.jsonl")} == before
    assert sorted(landed(tmp_path / "landing")) == ["2026-11-01", "2026-11-02"]  # with the file's first day


def test_a_file_with_no_valid_event_lands_its_rejections_once_whatever_day_it_is_imported_again(tmp_path, monkeypatch):
    # Its rejections landed on the day of each import: imported on two days, each line was quarantined twice.
    import feedback_loop.collect.importers as importers

    source = write_jsonl(tmp_path / "chat.jsonl", ["{not json", {**CHAT_LINE, "request": {}}])
    monkeypatch.setattr(importers, "utc_day", lambda: "2026-11-20")
    first = import_file("openai-chat", source, tmp_path / "landing")
    before = {path: path.read_bytes() for path in (tmp_path / "landing").rglob("*.jsonl")}
    monkeypatch.setattr(importers, "utc_day", lambda: "2026-11-21")
    second = import_file("openai-chat", source, tmp_path / "landing")
    assert {path: path.read_bytes() for path in (tmp_path / "landing").rglob("*.jsonl")} == before
    assert first.days == second.days == {"2026-11-20": 2}
    # Another file with no valid event, imported that day, lands on it.
    other = import_file("openai-chat", write_jsonl(tmp_path / "other.jsonl", ["{nor this"]), tmp_path / "landing")
    assert other.days == {"2026-11-21": 1}


@pytest.mark.parametrize("day", ["2026-02-30", "20260105", "2026-W02-1", 20260105])  # None: the import's day
def test_a_preference_day_that_is_no_calendar_day_is_refused(day):
    with pytest.raises(ValueError, match=f"field 'day' {day!r} is not a calendar day"):
        PreferenceDefaults(day=day)


def test_json_nested_deeper_than_the_stack_is_a_rejected_line_not_a_crash(tmp_path):
    source = write_jsonl(tmp_path / "spans.jsonl", ['{"resourceSpans":' + "[" * 100_000 + "]" * 100_000 + "}"])
    result = import_file("otlp", source, tmp_path / "landing")
    assert (result.events, result.rejected) == (0, 1)


def test_preference_pairs_become_two_interactions_with_opposite_thumbs(tmp_path):
    lines = [
        {"prompt": "Name a color", "chosen": "Blue.", "rejected": "Seven."},
        {
            "prompt": "Say hi",
            "chosen": [{"role": "user", "content": "Say hi"}, {"role": "assistant", "content": "Hi!"}],
            "rejected": [{"role": "user", "content": "Say hi"}, {"role": "assistant", "content": "No."}],
        },
        {"chosen": "\n\nHuman: What is 2+2?\n\nAssistant: 4", "rejected": "\n\nHuman: What is 2+2?\n\nAssistant: 5"},
        {"prompt": "broken", "chosen": "yes"},
    ]
    source = write_jsonl(tmp_path / "pairs.jsonl", lines)
    result = import_file("preference", source, tmp_path / "landing", PreferenceDefaults(day="2026-10-01"))
    assert (result.events, result.rejected, result.not_measured) == (12, 1, 6)
    *events, rejection = landed(tmp_path / "landing")["2026-10-01"]  # a line that cannot be mapped: the same day
    assert rejection["rejected"]["field"] == "rejected"
    interactions = [e for e in events if e["event_type"] == "interaction"]
    thumbs = {e["interaction_id"]: e["thumb"] for e in events if e["event_type"] == "feedback"}
    assert [(e["prompt"], e["response"], thumbs[e["interaction_id"]]) for e in interactions] == [
        ("Name a color", "Blue.", "up"),
        ("Name a color", "Seven.", "down"),
        ("Say hi", "Hi!", "up"),
        ("Say hi", "No.", "down"),
        ("What is 2+2?", "4", "up"),
        ("What is 2+2?", "5", "down"),
    ]
    assert {e["model_version"] for e in interactions} == {"preference-data"}


def test_a_preference_pair_failing_the_event_contract_is_one_rejection_and_no_event(tmp_path):
    line = {"prompt": "Name a color", "chosen": "Blue.", "rejected": "Seven.", "timestamp": "last tuesday"}
    source = write_jsonl(tmp_path / "pairs.jsonl", [line])
    result = import_file("preference", source, tmp_path / "landing", PreferenceDefaults(day="2026-10-01"))
    assert (result.events, result.rejected) == (0, 1)  # was 0 and 4: one rejection per event of the pair
    [rejection] = landed(tmp_path / "landing")["2026-10-01"]
    assert rejection["rejected"]["field"] == "timestamp"
    assert rejection["rejected"]["record"] == line


def test_otlp_file_exporter_lines_are_mapped_like_the_collector_maps_them(tmp_path):
    request = traces(span(), span("00f067aa0ba902b8", attributes=genai_attributes(**{"user.id": None})))
    source = write_jsonl(tmp_path / "traces.jsonl", [otlp_json(request), '{"resourceMetrics": []}', "nope"])
    result = import_file("otlp", source, tmp_path / "landing")
    assert (result.events, result.rejected) == (1, 2)
    assert "2026-11-01" in result.days


def test_an_otlp_import_of_another_kind_of_file_rejects_each_line_and_counts_what_it_ignores(tmp_path):
    not_llm = traces(span(attributes={"db.system": "postgresql", "user.id": "usr-1"}))
    lines = [json.dumps(CHAT_LINE), otlp_json(not_llm), '{"resource_metrics": []}']
    result = import_file("otlp", write_jsonl(tmp_path / "mixed.jsonl", lines), tmp_path / "landing")
    assert (result.events, result.rejected) == (0, 1)
    assert result.ignored == 2  # the database span and the metrics line, counted rather than lost without a word
    [rejection] = [line["rejected"] for lines in landed(tmp_path / "landing").values() for line in lines]
    assert rejection["source"] == "otlp line 1" and rejection["reason"].startswith("not an OTLP export request")


def test_pandalm_human_preferences_import_and_every_pair_is_stored_or_quarantined(tmp_path):
    path = load_settings().realdata_dir / "pandalm-testset-v1.json"
    if not path.is_file():
        pytest.skip(f"PandaLM not found at {path} (FEEDBACK_LOOP_REALDATA_DIR)")
    pairs = []
    for record in json.loads(path.read_text())[:200]:
        votes = Counter(record[f"annotator{i}"] for i in (1, 2, 3)).most_common(1)[0][0]
        if votes == 0:
            continue  # a tie says nothing about which answer is better
        prompt = "\n".join(part for part in (record["instruction"], record["input"]) if part)
        better, worse = (record["response1"], record["response2"])[:: 1 if votes == 1 else -1]
        pairs.append({"prompt": prompt, "chosen": better, "rejected": worse})
    source = write_jsonl(tmp_path / "pandalm.jsonl", pairs)
    result = import_file("preference", source, tmp_path / "landing", PreferenceDefaults(day="2026-10-01"))
    ingested = ingest_partition(tmp_path / "landing", "2026-10-01", KEY)
    valid_pairs = result.events // 4
    assert valid_pairs + result.rejected == len(pairs) and valid_pairs > 0.95 * len(pairs)
    assert ingested.valid + ingested.duplicates == result.events
    assert ingested.quarantined == result.rejected


def test_a_preference_pair_whose_two_answers_are_one_is_rejected_naming_the_line_and_fields(tmp_path):
    # Was landed as two identical answers, one thumbed up and one down: a pair that prefers nothing.
    lines = [
        {"prompt": "a", "chosen": "b", "rejected": "b"},
        {"prompt": "a", "chosen": "The  answer.\n", "rejected": " The answer."},
        {"chosen": "\n\nHuman: hi\n\nAssistant: Hello", "rejected": "\n\nHuman: hi\n\nAssistant: Hello "},
        {"prompt": "a", "chosen": "b", "rejected": "B"},
        {"prompt": "a", "chosen": "", "rejected": 7},  # one problem only: rejected is no answer
    ]
    source = write_jsonl(tmp_path / "pairs.jsonl", lines)
    result = import_file("preference", source, tmp_path / "landing", PreferenceDefaults(day="2026-10-01"))
    assert (result.events, result.rejected) == (4, 4)
    *events, first, second, third, no_answer = landed(tmp_path / "landing")["2026-10-01"]
    assert "same answer" not in no_answer["rejected"]["reason"]
    assert {event["response"] for event in events if event["event_type"] == "interaction"} == {"b", "B"}
    for number, rejection in enumerate((first, second, third), start=1):
        assert rejection["rejected"]["source"] == f"preference line {number}"
        assert rejection["rejected"]["field"] == "rejected"
        assert "same answer as chosen" in rejection["rejected"]["reason"]
        assert rejection["rejected"]["record"] == lines[number - 1]
    ingested = ingest_partition(tmp_path / "landing", "2026-10-01", KEY)
    assert (ingested.valid, ingested.quarantined) == (4, 4)


def test_a_preference_file_imported_again_lands_nothing_twice_whatever_the_default_day(tmp_path, monkeypatch):
    # Its landing file was named after the day too: imported again on a later day, the same pairs (same event ids)
    # landed on a second day, and ingestion stored them twice once the days were further apart than its dedupe window.
    import feedback_loop.collect.importers as importers
    from feedback_loop.collect.importers import ConflictingImportDay

    lines = [
        {"prompt": "Name a color", "chosen": "Blue.", "rejected": "Seven."},
        {"prompt": "Say hi", "chosen": "Hi!", "rejected": "No.", "timestamp": "2026-09-12T10:00:00Z"},
        {"prompt": "broken", "chosen": "yes"},
    ]
    source = write_jsonl(tmp_path / "pairs.jsonl", lines)
    landing = tmp_path / "landing"
    first = import_file("preference", source, landing, PreferenceDefaults(day="2026-10-01"))
    files = {path: path.read_bytes() for path in landing.glob("*/import-*.jsonl")}
    assert sorted(first.days) == ["2026-09-12", "2026-10-01"] and first.rejected == 1

    monkeypatch.setattr(importers, "utc_day", lambda: "2026-10-20")  # the day of the next import
    again = import_file("preference", source, landing, PreferenceDefaults())
    assert again.days == first.days and again.files == first.files
    assert {path: path.read_bytes() for path in landing.glob("*/import-*.jsonl")} == files

    for day in ("2026-10-20", "2026-09-12"):
        with pytest.raises(
            ConflictingImportDay, match=f"pairs without a timestamp on 2026-10-01: landing them on {day}"
        ):
            import_file("preference", source, landing, PreferenceDefaults(day=day))
    assert import_file("preference", source, landing, PreferenceDefaults(day="2026-10-01")).days == first.days
    assert {path: path.read_bytes() for path in landing.glob("*/import-*.jsonl")} == files
    ids = [event["event_id"] for events in landed(landing).values() for event in events if "event_id" in event]
    assert len(ids) == len(set(ids)) == 8


def test_a_preference_file_whose_first_day_cannot_be_told_is_refused_without_that_day(tmp_path):
    # Its first import put the pairs without a timestamp on the day of a dated pair: both days hold the landing file.
    lines = [
        {"prompt": "Name a color", "chosen": "Blue.", "rejected": "Seven."},
        {"prompt": "Say hi", "chosen": "Hi!", "rejected": "No.", "timestamp": "2026-09-12T10:00:00Z"},
        {"prompt": "Say bye", "chosen": "Bye!", "rejected": "No.", "timestamp": "2026-10-01T10:00:00Z"},
    ]
    source = write_jsonl(tmp_path / "pairs.jsonl", lines)
    landing = tmp_path / "landing"
    first = import_file("preference", source, landing, PreferenceDefaults(day="2026-10-01"))
    files = {path: path.read_bytes() for path in landing.glob("*/import-*.jsonl")}

    from feedback_loop.collect.importers import ConflictingImportDay

    with pytest.raises(ConflictingImportDay, match="landing on 2026-09-12, 2026-10-01, and which of these days"):
        import_file("preference", source, landing, PreferenceDefaults())
    assert import_file("preference", source, landing, PreferenceDefaults(day="2026-10-01")).days == first.days
    assert {path: path.read_bytes() for path in landing.glob("*/import-*.jsonl")} == files
