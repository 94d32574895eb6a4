"""Builders of OTLP export requests (opentelemetry-proto messages) for the collector tests."""

from __future__ import annotations

import json
from typing import Any

from opentelemetry.proto.collector.logs.v1.logs_service_pb2 import ExportLogsServiceRequest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.proto.common.v1.common_pb2 import AnyValue, ArrayValue, KeyValue, KeyValueList
from opentelemetry.proto.logs.v1.logs_pb2 import LogRecord
from opentelemetry.proto.trace.v1.trace_pb2 import Span

START = 1_793_525_400_000_000_000  # 2026-11-01T09:30:00Z in nanoseconds
TRACE_ID = bytes.fromhex("0af7651916cd43dd8448eb211c80319c")


def any_value(value: Any) -> AnyValue:
    if isinstance(value, bool):
        return AnyValue(bool_value=value)
    if isinstance(value, int):
        return AnyValue(int_value=value)
    if isinstance(value, float):
        return AnyValue(double_value=value)
    if isinstance(value, str):
        return AnyValue(string_value=value)
    if isinstance(value, list):
        return AnyValue(array_value=ArrayValue(values=[any_value(item) for item in value]))
    if isinstance(value, dict):
        return AnyValue(kvlist_value=KeyValueList(values=key_values(value)))
    raise TypeError(type(value))


def key_values(attributes: dict[str, Any]) -> list[KeyValue]:
    return [KeyValue(key=key, value=any_value(value)) for key, value in attributes.items()]


def genai_attributes(
    prompt: str = "How do I reset my password?",
    answer: str = "Open Settings, then Security.",
    *,
    structured: bool = True,
    **extra: Any,
) -> dict[str, Any]:
    """The attributes of a chat span with content, as the GenAI conventions write them."""
    inputs = [{"role": "user", "parts": [{"type": "text", "content": prompt}]}]
    outputs = [{"role": "assistant", "parts": [{"type": "text", "content": answer}], "finish_reason": "stop"}]
    attributes = {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.request.model": "gpt-4o-mini",
        "gen_ai.response.model": "gpt-4o-mini-2024-07-18",
        "gen_ai.usage.input_tokens": 12,
        "gen_ai.usage.output_tokens": 7,
        "gen_ai.input.messages": inputs if structured else json.dumps(inputs),
        "gen_ai.output.messages": outputs if structured else json.dumps(outputs),
        "user.id": "usr-1",
        "session.id": "ses-1",
    }
    attributes.update(extra)
    return {key: value for key, value in attributes.items() if value is not None}


def span(
    span_id: str = "00f067aa0ba902b7",
    attributes: dict[str, Any] | None = None,
    events: list[tuple[str, dict[str, Any]]] = (),
    *,
    duration_ms: float = 812.0,
) -> Span:
    return Span(
        trace_id=TRACE_ID,
        span_id=bytes.fromhex(span_id),
        name="chat gpt-4o-mini",
        kind=Span.SPAN_KIND_CLIENT,
        start_time_unix_nano=START,
        end_time_unix_nano=START + int(duration_ms * 1e6),
        attributes=key_values(genai_attributes() if attributes is None else attributes),
        events=[
            Span.Event(name=name, time_unix_nano=START + 10**9, attributes=key_values(attrs)) for name, attrs in events
        ],
    )


def traces(*spans: Span, resource: dict[str, Any] | None = None) -> ExportTraceServiceRequest:
    request = ExportTraceServiceRequest()
    resource_spans = request.resource_spans.add()
    resource_spans.resource.attributes.extend(key_values(resource or {"service.name": "support-bot"}))
    resource_spans.scope_spans.add().spans.extend(spans)
    return request


def log_record(event_name: str, attributes: dict[str, Any], *, span_id: str | None = "00f067aa0ba902b7") -> LogRecord:
    return LogRecord(
        time_unix_nano=START + 2 * 10**9,
        event_name=event_name,
        trace_id=TRACE_ID if span_id else b"",
        span_id=bytes.fromhex(span_id) if span_id else b"",
        attributes=key_values(attributes),
    )


def logs(*records: LogRecord, resource: dict[str, Any] | None = None) -> ExportLogsServiceRequest:
    request = ExportLogsServiceRequest()
    resource_logs = request.resource_logs.add()
    resource_logs.resource.attributes.extend(key_values(resource or {"service.name": "support-bot"}))
    resource_logs.scope_logs.add().log_records.extend(records)
    return request


def otlp_json(request) -> str:
    """The OTLP/JSON encoding of ``request``: protobuf's JSON mapping, with trace and span ids in hex."""
    from google.protobuf import json_format

    document = json_format.MessageToDict(request)
    _ids_to_hex(document)
    return json.dumps(document)


def _ids_to_hex(node: Any) -> None:
    import base64

    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("traceId", "spanId", "parentSpanId") and isinstance(value, str):
                node[key] = base64.b64decode(value).hex()
            else:
                _ids_to_hex(value)
    elif isinstance(node, list):
        for item in node:
            _ids_to_hex(item)
