"""The real OpenTelemetry SDK and its OTLP/HTTP exporters against a collector process, through ingestion and
labeling: GenAI spans with prompts and completions, thumbs as `gen_ai.evaluation.result` events."""

from __future__ import annotations

import json
from pathlib import Path

import dagster as dg

from feedback_loop.collect.bench import free_port, start_collector, stop_collector
from feedback_loop.defs.ingest import raw_telemetry
from feedback_loop.defs.label import labeled_interactions
from feedback_loop.defs.resources import build_resources
from feedback_loop.privacy import pseudonymize
from feedback_loop.settings import Settings
from feedback_loop.warehouse import Warehouse

# (prompt, answer, thumb, how the thumb is sent: an event in the span, or a log record parented to it later)
CONVERSATIONS = [
    ("How do I reset my password?", "Open Settings > Security and choose Reset password.", "up", "span event"),
    ("Where is my order 42?", "It ships on Monday.", "down", "span event"),
    ("Can I change my plan?", "Yes: Billing > Plan > Change.", "up", "log record"),
    ("My router is broken", "Please restart it.", "down", "log record"),
]


def _messages(role: str, text: str) -> str:
    return json.dumps([{"role": role, "parts": [{"type": "text", "content": text}]}])


def test_genai_spans_and_evaluation_events_from_the_sdk_land_are_ingested_and_labeled(tmp_path):
    from opentelemetry.exporter.otlp.proto.http._log_exporter import OTLPLogExporter
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk._logs import LoggerProvider
    from opentelemetry.sdk._logs.export import SimpleLogRecordProcessor
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.trace import SpanKind, set_span_in_context

    token_file = tmp_path / "token"
    token_file.write_text("sdk-test-token")
    data_dir = tmp_path / "data"
    collector = start_collector(data_dir, free_port(), token_file)
    endpoint, headers = f"http://127.0.0.1:{collector.port}", {"Authorization": "Bearer sdk-test-token"}
    resource = Resource.create({"service.name": "support-bot"})
    tracer_provider = TracerProvider(resource=resource)
    span_exporter = OTLPSpanExporter(endpoint=f"{endpoint}/v1/traces", headers=headers)
    tracer_provider.add_span_processor(SimpleSpanProcessor(span_exporter))
    logger_provider = LoggerProvider(resource=resource)
    logger_provider.add_log_record_processor(
        SimpleLogRecordProcessor(OTLPLogExporter(endpoint=f"{endpoint}/v1/logs", headers=headers))
    )
    tracer, logger = tracer_provider.get_tracer("support-bot"), logger_provider.get_logger("support-bot")
    later = []
    try:
        for number, (prompt, answer, thumb, via) in enumerate(CONVERSATIONS):
            with tracer.start_as_current_span("chat tiny-support", kind=SpanKind.CLIENT) as span:
                span.set_attributes(
                    {
                        "gen_ai.operation.name": "chat",
                        "gen_ai.provider.name": "feedback-loop",
                        "gen_ai.request.model": "tiny-support",
                        "gen_ai.usage.input_tokens": 5 + number,
                        "gen_ai.usage.output_tokens": 9,
                        "gen_ai.input.messages": _messages("user", prompt),
                        "gen_ai.output.messages": _messages("assistant", answer),
                        "user.id": f"usr-{number}",
                        "session.id": f"ses-{number}",
                        "feedback_loop.use_case": "support",
                    }
                )
                evaluation = {
                    "gen_ai.evaluation.name": "user_feedback",
                    "gen_ai.evaluation.score.label": thumb,
                    "user.id": f"usr-{number}",
                }
                if via == "span event":
                    span.add_event("gen_ai.evaluation.result", evaluation)
                else:
                    later.append((set_span_in_context(span), evaluation))
        # Feedback given after the answer: log records parented to the GenAI span they are about.
        for context, evaluation in later:
            logger.emit(event_name="gen_ai.evaluation.result", attributes=evaluation, context=context)
        # A span the collector cannot map (no token counts): quarantined with its reason, ids pseudonymized.
        with tracer.start_as_current_span("chat tiny-support") as span:
            span.set_attributes(
                {
                    "gen_ai.operation.name": "chat",
                    "gen_ai.request.model": "tiny-support",
                    "gen_ai.input.messages": _messages("user", "hello"),
                    "gen_ai.output.messages": _messages("assistant", "hi"),
                    "user.id": "usr-secret-7",
                }
            )
        assert tracer_provider.force_flush() and logger_provider.force_flush()
    finally:
        tracer_provider.shutdown()
        logger_provider.shutdown()
        stop_collector(collector)

    days = sorted(path.name for path in collector.landing.iterdir())
    landed = [
        json.loads(line)
        for day in days
        for path in (collector.landing / day).glob("collector-*.jsonl")
        for line in path.open()
    ]
    assert sorted(line.get("event_type", "rejected") for line in landed) == ["feedback"] * 4 + ["interaction"] * 4 + [
        "rejected"
    ]

    resources = build_resources(Settings(data_dir=data_dir))
    for day in days:
        result = dg.materialize([raw_telemetry, labeled_interactions], partition_key=day, resources=resources)
        assert result.success
    warehouse = Warehouse(data_dir / "warehouse")
    labels = warehouse.read_partitions("labels", days).to_pylist()
    by_prompt = {row["prompt"]: row for row in labels}
    assert set(by_prompt) == {prompt for prompt, *_ in CONVERSATIONS}
    for prompt, answer, thumb, _ in CONVERSATIONS:
        row = by_prompt[prompt]
        assert (row["response"], row["thumb"], row["use_case"]) == (answer, thumb, "support")
        assert row["quality"] == ("good" if thumb == "up" else "bad")
        assert row["quality_source"] == "explicit"
    [quarantined] = warehouse.read_partitions("quarantine", days).to_pylist()
    assert quarantined["field"] == "gen_ai.usage.input_tokens"
    assert quarantined["reason"].startswith("rejected at collection (otlp span '")
    assert ": gen_ai.usage.input_tokens: missing" in quarantined["reason"]
    key = resources["privacy"].pseudonym_key()
    assert "usr-secret-7" not in quarantined["raw_line"]
    assert pseudonymize("usr-secret-7", key) in quarantined["raw_line"]


def _example_app() -> str:
    """The Python block of docs/connect.md's "Example app" section."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "connect.md").read_text()
    section = text.split("## Example app", 1)[1]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


def test_the_documented_example_app_records_an_answer_and_its_thumb(tmp_path, monkeypatch):
    token_file = tmp_path / "token"
    token_file.write_text("example-token")
    collector = start_collector(tmp_path / "data", free_port(), token_file)
    monkeypatch.setenv("COLLECTOR_URL", f"http://127.0.0.1:{collector.port}")
    monkeypatch.setenv("COLLECTOR_TOKEN_FILE", str(token_file))
    app: dict = {}
    try:
        exec(compile(_example_app(), "docs/connect.md", "exec"), app)
        seen = []

        def generate(prompt, adapter_path, system_text):
            seen.append((adapter_path, system_text))
            return "Open Settings.", 6, 3

        reply, span = app["answer"]("usr-1", "How do I reset my password?", generate)
        app["thumb"](span, "usr-1", up=False)
        assert app["tracing"].force_flush() and app["logging"].force_flush()
    finally:
        stop_collector(collector)
    assert reply == "Open Settings." and seen == [(None, "")]  # no champion yet: the base model, the initial prompt
    landed = [json.loads(line) for path in collector.landing.glob("*/collector-*.jsonl") for line in path.open()]
    interaction, feedback = sorted(landed, key=lambda event: event["event_type"], reverse=True)
    assert (interaction["prompt"], interaction["response"], interaction["adapter_version"]) == (
        "How do I reset my password?",
        "Open Settings.",
        None,
    )
    assert interaction["system_prompt_version"] == "support-v1"
    assert (feedback["thumb"], feedback["interaction_id"]) == ("down", interaction["interaction_id"])
