"""OpenTelemetry GenAI telemetry -> events: the attribute mapping shared by the collector and `import otlp`.

Decoding uses the messages of the ``opentelemetry-proto`` package for both OTLP/HTTP encodings: protobuf,
and JSON (whose trace and span ids are hex, not the base64 of protobuf's JSON mapping, so they are converted
before parsing). The mapping follows the GenAI semantic conventions (development status; the attribute names
are checked against the ``opentelemetry-semantic-conventions`` package in the tests):

* a span whose ``gen_ai.operation.name`` is an inference operation (:data:`INTERACTION_OPERATIONS`) becomes an
  ``interaction``; its prompt and response come from ``gen_ai.input.messages`` / ``gen_ai.output.messages``
  on the span or on its ``gen_ai.client.inference.operation.details`` span event;
* a ``gen_ai.evaluation.result`` event (a span event, or a log record) whose ``gen_ai.evaluation.name`` is a
  user feedback signal (:data:`EVALUATION_SIGNALS`) becomes a ``feedback`` event about the span it is
  parented to;
* ``feedback_loop.feedback.*`` and ``feedback_loop.behaviour.*`` attributes on a span or log record become a
  ``feedback`` or ``behaviour`` event;
* a ``gen_ai.client.inference.operation.details`` log record becomes an ``interaction`` when it says its
  latency (``feedback_loop.latency_ms``): the event carries no duration of its own.

The full table is in docs/connect.md. A record meant as LLM telemetry that cannot be mapped (no ``user.id``,
no prompt, an evaluation that is not user feedback, ...) is rejected with every reason found, and lands as a
rejection line that ingestion quarantines. The rejection names the span or log record, and each reason the attribute
at fault: a value the event contract refuses is named by the attribute it came from (or the span's times), with the
event field it would have filled. Spans and log records that are not LLM telemetry at all are counted
as ignored.
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from feedback_loop.collect.records import Mapped, Problem, content_id
from feedback_loop.schema import NO_SYSTEM_PROMPT

# --- attribute names (GenAI semantic conventions, and this project's own namespace) ---------------------------
OPERATION = "gen_ai.operation.name"
REQUEST_MODEL = "gen_ai.request.model"
RESPONSE_MODEL = "gen_ai.response.model"
INPUT_TOKENS = "gen_ai.usage.input_tokens"
OUTPUT_TOKENS = "gen_ai.usage.output_tokens"
# Deprecated names of the token counts, still emitted by instrumentations on semantic conventions 1.26 or older.
INPUT_TOKENS_OLD = "gen_ai.usage.prompt_tokens"
OUTPUT_TOKENS_OLD = "gen_ai.usage.completion_tokens"
INPUT_MESSAGES = "gen_ai.input.messages"
OUTPUT_MESSAGES = "gen_ai.output.messages"
SYSTEM_INSTRUCTIONS = "gen_ai.system_instructions"
PROMPT_NAME = "gen_ai.prompt.name"
CONVERSATION_ID = "gen_ai.conversation.id"
AGENT_NAME = "gen_ai.agent.name"
EVALUATION_NAME = "gen_ai.evaluation.name"
EVALUATION_SCORE_VALUE = "gen_ai.evaluation.score.value"
EVALUATION_SCORE_LABEL = "gen_ai.evaluation.score.label"
EVALUATION_EXPLANATION = "gen_ai.evaluation.explanation"
USER_ID = "user.id"
ENDUSER_ID = "enduser.id"  # deprecated in favour of user.id
SESSION_ID = "session.id"
SERVICE_NAME = "service.name"
EVENT_NAME = "event.name"  # where log records carried their event name before LogRecord.event_name existed

DETAILS_EVENT = "gen_ai.client.inference.operation.details"
EVALUATION_EVENT = "gen_ai.evaluation.result"
INTERACTION_OPERATIONS = frozenset({"chat", "text_completion", "generate_content"})

OWN = "feedback_loop."
OWN_INTERACTION_ID = OWN + "interaction_id"
OWN_USE_CASE = OWN + "use_case"
OWN_USER_SEGMENT = OWN + "user_segment"
OWN_SYSTEM_PROMPT_VERSION = OWN + "system_prompt_version"
OWN_ADAPTER_VERSION = OWN + "adapter_version"
OWN_LATENCY_MS = OWN + "latency_ms"
FEEDBACK_PREFIX = OWN + "feedback."
BEHAVIOUR_PREFIX = OWN + "behaviour."
FEEDBACK_FIELDS = ("thumb", "rating", "correction", "flag", "comment")
BEHAVIOUR_FIELDS = ("reading_time_ms", "action", "outcome")

# gen_ai.evaluation.name (lower case) -> the feedback field it fills. Other evaluations (an automated
# "Relevance" score, say) are not what a user said, and are rejected with that reason.
EVALUATION_SIGNALS: dict[str, str] = {
    "user_feedback": "thumb",
    "thumbs": "thumb",
    "thumb": "thumb",
    "user_rating": "rating",
    "rating": "rating",
    "correction": "correction",
    "flag": "flag",
}
# gen_ai.evaluation.score.label (lower case) of a thumb evaluation -> thumb; score.value 1 / 0 work as well.
THUMB_LABELS: dict[str, str] = {
    "up": "up", "thumbs_up": "up", "pass": "up", "positive": "up",
    "down": "down", "thumbs_down": "down", "fail": "down", "negative": "down",
}  # fmt: skip
THUMB_VALUES: dict[int | None, str] = {1: "up", 0: "down"}

SPAN_SOURCE, LOG_SOURCE = "otlp span", "otlp log record"
# What of a span its interaction's latency comes from, as a rejection names it.
SPAN_DURATION = "endTimeUnixNano - startTimeUnixNano"


class OtlpRequestError(ValueError):
    """A request body that is not a valid OTLP export request; ``position`` names where (or ``body``)."""

    def __init__(self, position: str, message: str):
        super().__init__(f"{position}: {message}")
        self.position = position
        self.message = message


# --- decoding -------------------------------------------------------------------------------------------------


def decode_traces(body: bytes, encoding: str):
    """An ``ExportTraceServiceRequest`` from an OTLP/HTTP body (``encoding``: ``protobuf`` or ``json``)."""
    from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

    request = _decode(ExportTraceServiceRequest(), body, encoding, _TRACE_ID_PATHS)
    for r, resource_spans in enumerate(request.resource_spans):
        for s, scope_spans in enumerate(resource_spans.scope_spans):
            for i, span in enumerate(scope_spans.spans):
                where = f"resourceSpans[{r}].scopeSpans[{s}].spans[{i}]"
                _check_id(span.trace_id, 16, f"{where}.traceId", required=True)
                _check_id(span.span_id, 8, f"{where}.spanId", required=True)
                _check_id(span.parent_span_id, 8, f"{where}.parentSpanId", required=False)
    return request


def decode_logs(body: bytes, encoding: str):
    """An ``ExportLogsServiceRequest`` from an OTLP/HTTP body (``encoding``: ``protobuf`` or ``json``)."""
    from opentelemetry.proto.collector.logs.v1.logs_service_pb2 import ExportLogsServiceRequest

    request = _decode(ExportLogsServiceRequest(), body, encoding, _LOG_ID_PATHS)
    for r, resource_logs in enumerate(request.resource_logs):
        for s, scope_logs in enumerate(resource_logs.scope_logs):
            for i, log in enumerate(scope_logs.log_records):
                where = f"resourceLogs[{r}].scopeLogs[{s}].logRecords[{i}]"
                _check_id(log.trace_id, 16, f"{where}.traceId", required=False)
                _check_id(log.span_id, 8, f"{where}.spanId", required=False)
    return request


def _decode(message, body: bytes, encoding: str, id_paths):
    from google.protobuf import json_format
    from google.protobuf.message import DecodeError

    if encoding == "protobuf":
        try:
            message.ParseFromString(body)
        except DecodeError as error:
            raise OtlpRequestError(
                "body", f"not a valid {type(message).__name__} protobuf message ({error})"
            ) from error
        return message
    try:
        document = json.loads(body, parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:  # nested deeper than Python's stack
        raise OtlpRequestError("body", f"not valid JSON ({error})") from error
    if not isinstance(document, dict):
        raise OtlpRequestError(
            "body", f"must be a JSON object ({type(message).__name__}), got {type(document).__name__}"
        )
    for path in id_paths:
        _hex_ids_to_base64(document, path, [])
    try:
        # OTLP receivers must ignore fields they do not know (a newer sender's additions).
        json_format.ParseDict(document, message, ignore_unknown_fields=True)
    except json_format.ParseError as error:
        raise OtlpRequestError("body", str(error)) from error
    return message


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a valid JSON value")


# Where OTLP/JSON puts hex ids: a path of (camelCase, snake_case) member names, "*" for every list item.
_TRACE_ID_PATHS = [
    (("resourceSpans", "resource_spans"), "*", ("scopeSpans", "scope_spans"), "*", ("spans",), "*", ids)
    for ids in (("traceId", "trace_id"), ("spanId", "span_id"), ("parentSpanId", "parent_span_id"))
] + [
    (
        ("resourceSpans", "resource_spans"), "*", ("scopeSpans", "scope_spans"), "*", ("spans",), "*",
        ("links",), "*", ids,
    )
    for ids in (("traceId", "trace_id"), ("spanId", "span_id"))
]  # fmt: skip
_LOG_ID_PATHS = [
    (("resourceLogs", "resource_logs"), "*", ("scopeLogs", "scope_logs"), "*", ("logRecords", "log_records"), "*", ids)
    for ids in (("traceId", "trace_id"), ("spanId", "span_id"))
]


def _hex_ids_to_base64(node: Any, path: tuple, where: list[str]) -> None:
    step, rest = path[0], path[1:]
    if step == "*":
        if isinstance(node, list):
            for index, item in enumerate(node):
                _hex_ids_to_base64(item, rest, [*where[:-1], f"{where[-1]}[{index}]"])
        return
    if not isinstance(node, dict):
        return
    for name in step:
        if name not in node:
            continue
        if rest:
            _hex_ids_to_base64(node[name], rest, [*where, name])
            continue
        value = node[name]
        position = ".".join([*where, name])
        if not isinstance(value, str):
            raise OtlpRequestError(position, f"must be a hex string, got {type(value).__name__}")
        try:
            node[name] = base64.b64encode(bytes.fromhex(value)).decode()
        except ValueError as error:
            raise OtlpRequestError(position, f"must be hex digits ({error})") from error


def _check_id(value: bytes, length: int, position: str, *, required: bool) -> None:
    if (value or required) and (len(value) != length or not any(value)):
        raise OtlpRequestError(position, f"must be {length} bytes ({2 * length} hex digits), not all zero")


# --- mapping --------------------------------------------------------------------------------------------------


def map_traces(request) -> Mapped:
    """The events (and rejections) of an ``ExportTraceServiceRequest``."""
    mapped = Mapped()
    for resource_spans in request.resource_spans:
        resource = _attributes(resource_spans.resource.attributes)
        for scope_spans in resource_spans.scope_spans:
            for span in scope_spans.spans:
                mapped.extend(_map_span(span, resource))
    return mapped


def map_logs(request) -> Mapped:
    """The events (and rejections) of an ``ExportLogsServiceRequest``."""
    mapped = Mapped()
    for resource_logs in request.resource_logs:
        resource = _attributes(resource_logs.resource.attributes)
        for scope_logs in resource_logs.scope_logs:
            for log in scope_logs.log_records:
                mapped.extend(_map_log(log, resource, scope_logs.scope))
    return mapped


def _map_span(span, resource: dict[str, Any]) -> Mapped:
    mapped = Mapped()
    trace_id, span_id = span.trace_id.hex(), span.span_id.hex()
    source = f"{SPAN_SOURCE} {span.name[:100]!r} (trace {trace_id}, span {span_id})"
    # Merged dicts rather than ChainMaps: looked up a dozen times per span, a plain dict is several times faster.
    attributes = {**resource, **_attributes(span.attributes)}
    events = [(event, _attributes(event.attributes)) for event in span.events]
    record = None  # rendered only when something is rejected

    def rendered():
        nonlocal record
        record = record or _render_span(span, attributes, events)
        return record

    is_interaction = attributes.get(OPERATION) in INTERACTION_OPERATIONS
    span_key = f"otel-{trace_id}-{span_id}"
    interaction_id = _id(attributes.get(OWN_INTERACTION_ID)) or span_key
    handled = is_interaction
    if is_interaction:
        details = next((attrs for event, attrs in events if event.name == DETAILS_EVENT), {})
        content = {**details, **attributes}
        latency = (span.end_time_unix_nano - span.start_time_unix_nano) / 1e6
        origins = {"timestamp": "startTimeUnixNano", "latency_ms": SPAN_DURATION, **_named(interaction_id, span_key)}
        candidate, problems = _interaction(content, latency, span.start_time_unix_nano, trace_id, origins)
        if candidate is not None:
            candidate.update(event_id=span_key, interaction_id=interaction_id)
        mapped.add(source, candidate, problems, rendered, origins)
    for index, (event, event_attributes) in enumerate(events):
        if event.name != EVALUATION_EVENT:
            continue
        handled = True
        scope = {**attributes, **event_attributes}
        about = _id(event_attributes.get(OWN_INTERACTION_ID)) or interaction_id
        time = f"events[{index}].timeUnixNano" if event.time_unix_nano else "endTimeUnixNano"
        origins = {"timestamp": time, **_named(about, span_key)}
        unix_nano = event.time_unix_nano or span.end_time_unix_nano
        candidate, problems = _evaluation(scope, about, unix_nano, trace_id, origins)
        if candidate is not None:
            candidate["event_id"] = f"{span_key}-event{index}"
        mapped.add(source, candidate, problems, rendered, origins)
    # A span that carries feedback attributes is about the interaction it names, or about itself if it is one.
    signals_about = _id(attributes.get(OWN_INTERACTION_ID)) or (interaction_id if is_interaction else None)
    origins = {"timestamp": "endTimeUnixNano", **_named(signals_about, span_key)}
    signals = _own_signals(attributes, signals_about, span.end_time_unix_nano, trace_id, origins)
    for kind, candidate, problems, signal_origins in signals:
        handled = True
        if candidate is not None:
            candidate["event_id"] = f"{span_key}-{kind}"
        mapped.add(source, candidate, problems, rendered, signal_origins)
    if not handled:
        mapped.ignored += 1
    return mapped


def _map_log(log, resource: dict[str, Any], scope) -> Mapped:
    mapped = Mapped()
    own = _attributes(log.attributes)
    attributes = {**resource, **own}
    name = log.event_name or _text(own.get(EVENT_NAME))
    trace_id, span_id = log.trace_id.hex(), log.span_id.hex()
    parent = f"otel-{trace_id}-{span_id}" if log.span_id else None
    source = f"{LOG_SOURCE} {str(name)[:100]!r}" + (f" (trace {trace_id}, span {span_id})" if parent else "")
    timestamp = log.time_unix_nano or log.observed_time_unix_nano
    time = "timeUnixNano" if log.time_unix_nano else "observedTimeUnixNano"
    # Log records have no id of their own: the id is their content, so a re-sent record gets the same one.
    record_id = content_id(
        "otel-log", log.SerializeToString(deterministic=True).hex(), sorted(resource.items(), key=str), scope.name
    )
    record = None

    def rendered():
        nonlocal record
        record = record or _render_log(log, name, attributes)
        return record

    handled = False
    about = _id(own.get(OWN_INTERACTION_ID)) or parent
    record_origins = {"timestamp": time, **_named(about, parent)}
    if name == EVALUATION_EVENT:
        handled = True
        origins = dict(record_origins)
        candidate, problems = _evaluation(attributes, about, timestamp, trace_id or None, origins)
        if candidate is not None:
            candidate["event_id"] = f"{record_id}-feedback"
        mapped.add(source, candidate, problems, rendered, origins)
    elif name == DETAILS_EVENT:
        handled = True
        latency = attributes.get(OWN_LATENCY_MS)
        origins = {**record_origins, "latency_ms": OWN_LATENCY_MS}
        candidate, problems = _interaction(attributes, latency, timestamp, trace_id or None, origins)
        if latency is None:
            problems.append(
                Problem(
                    OWN_LATENCY_MS,
                    f"missing: a {DETAILS_EVENT} log record carries no duration; send the GenAI span with its "
                    f"content (capture mode SPAN_ONLY) or set {OWN_LATENCY_MS}",
                )
            )
        if candidate is not None:
            candidate.update(event_id=f"{record_id}-interaction", interaction_id=about or record_id)
        mapped.add(source, candidate, problems, rendered, origins)
    for kind, candidate, problems, signal_origins in _own_signals(
        attributes, about, timestamp, trace_id or None, record_origins
    ):
        handled = True
        if candidate is not None:
            candidate["event_id"] = f"{record_id}-{kind}"
        mapped.add(source, candidate, problems, rendered, signal_origins)
    if not handled:
        mapped.ignored += 1
    return mapped


def _interaction(
    attributes: Mapping[str, Any], latency_ms: Any, start_unix_nano: int, trace_id: str | None, origins: dict[str, str]
) -> tuple[dict | None, list[Problem]]:
    """The interaction fields of a GenAI inference (without event_id and interaction_id), and its problems; the
    attribute each field came from goes into ``origins``."""
    problems: list[Problem] = []
    envelope = _envelope(attributes, start_unix_nano, trace_id, problems, origins)
    prompt = _last_user_text(attributes.get(INPUT_MESSAGES), problems)
    response = _first_output_text(attributes.get(OUTPUT_MESSAGES), problems)
    text = {
        name: _text_attribute(attributes, name, problems)
        for name in (
            RESPONSE_MODEL,
            REQUEST_MODEL,
            OWN_USE_CASE,
            AGENT_NAME,
            SERVICE_NAME,
            OWN_USER_SEGMENT,
            OWN_ADAPTER_VERSION,
        )
    }
    system_prompt_version = _system_prompt_version(attributes, problems, origins)
    use_case, origins["use_case"] = _first_set(text, OWN_USE_CASE, AGENT_NAME, SERVICE_NAME)
    model, origins["model_version"] = _first_set(text, RESPONSE_MODEL, REQUEST_MODEL)
    origins |= {
        "prompt": INPUT_MESSAGES,
        "response": OUTPUT_MESSAGES,
        "user_segment": OWN_USER_SEGMENT,
        "adapter_version": OWN_ADAPTER_VERSION,
    }
    if model is None and not any(problem.field in (RESPONSE_MODEL, REQUEST_MODEL) for problem in problems):
        problems.append(Problem(REQUEST_MODEL, f"missing: neither {RESPONSE_MODEL} nor {REQUEST_MODEL} is set"))
    tokens = {}
    for column, name, old in (
        ("prompt_tokens", INPUT_TOKENS, INPUT_TOKENS_OLD),
        ("completion_tokens", OUTPUT_TOKENS, OUTPUT_TOKENS_OLD),
    ):
        value = attributes.get(name, attributes.get(old))
        if value is None:
            problems.append(Problem(name, "missing: the token count is required"))
        tokens[column] = value
        origins[column] = name if name in attributes else old
    if problems:
        return None, problems
    return {
        **envelope,
        "event_type": "interaction",
        "use_case": use_case,
        "user_segment": text[OWN_USER_SEGMENT],
        "prompt": prompt,
        "system_prompt_version": system_prompt_version,
        "response": response,
        "model_version": model,
        "adapter_version": text[OWN_ADAPTER_VERSION],
        "latency_ms": latency_ms,
        **tokens,
    }, []


def _evaluation(
    attributes: Mapping[str, Any],
    interaction_id: str | None,
    unix_nano: int,
    trace_id: str | None,
    origins: dict[str, str],
) -> tuple[dict | None, list[Problem]]:
    """The feedback event of a ``gen_ai.evaluation.result`` (without event_id), and its problems; the attribute each
    field came from goes into ``origins``."""
    problems: list[Problem] = []
    envelope = _envelope(attributes, unix_nano, trace_id, problems, origins)
    _require_interaction(interaction_id, problems)
    name = _text_attribute(attributes, EVALUATION_NAME, problems)
    target = EVALUATION_SIGNALS.get((name or "").lower())
    if target is None and any(problem.field == EVALUATION_NAME for problem in problems):
        return None, problems
    if target is None:
        known = ", ".join(sorted(EVALUATION_SIGNALS))
        problems.append(Problem(EVALUATION_NAME, f"{name!r} is not a user feedback signal (mapped names: {known})"))
        return None, problems
    label = _text_attribute(attributes, EVALUATION_SCORE_LABEL, problems)
    value = attributes.get(EVALUATION_SCORE_VALUE)
    explanation = _text_attribute(attributes, EVALUATION_EXPLANATION, problems)
    signal: dict[str, Any] = {}
    origins |= {
        "comment": EVALUATION_EXPLANATION,
        "correction": EVALUATION_EXPLANATION,
        "flag": EVALUATION_SCORE_LABEL,
        "rating": EVALUATION_SCORE_VALUE,
    }
    if target == "thumb":
        labelled = THUMB_LABELS.get((label or "").lower())
        origins["thumb"] = EVALUATION_SCORE_LABEL if labelled else EVALUATION_SCORE_VALUE
        thumb = labelled or THUMB_VALUES.get(_integral(value))
        if thumb is None:
            problems.append(
                Problem(EVALUATION_SCORE_LABEL, f"a thumb needs a label in {sorted(THUMB_LABELS)} or a value 1 or 0")
            )
        signal = {"thumb": thumb, "comment": explanation}
    elif target == "rating":
        signal = {"rating": _integral(value) if value is not None else None, "comment": explanation}
        if signal["rating"] is None:
            problems.append(Problem(EVALUATION_SCORE_VALUE, f"a rating needs a whole number 1 to 5, got {value!r}"))
    elif target == "correction":
        signal = {"correction": explanation}
    else:
        signal = {"flag": (label or "").lower() or None, "comment": explanation}
    if problems:
        return None, problems
    return {**envelope, "event_type": "feedback", "interaction_id": interaction_id, **signal}, []


def _own_signals(
    attributes: Mapping[str, Any],
    interaction_id: str | None,
    unix_nano: int,
    trace_id: str | None,
    origins: Mapping[str, str],
):
    """``(kind, candidate, problems, origins)`` for the feedback and behaviour attributes of this project on a record:
    ``origins`` (of the record's timestamp and interaction) with the attribute each field came from."""
    for kind, prefix, fields in (
        ("feedback", FEEDBACK_PREFIX, FEEDBACK_FIELDS),
        ("behaviour", BEHAVIOUR_PREFIX, BEHAVIOUR_FIELDS),
    ):
        present = {name.removeprefix(prefix): value for name, value in attributes.items() if name.startswith(prefix)}
        if not present:
            continue
        problems: list[Problem] = []
        unknown = sorted(set(present) - set(fields))
        if unknown:
            problems.append(Problem(prefix + unknown[0], f"unknown attribute(s) {unknown}; known: {list(fields)}"))
        signal_origins = {**origins, **{name: prefix + name for name in present}}
        envelope = _envelope(attributes, unix_nano, trace_id, problems, signal_origins)
        _require_interaction(interaction_id, problems)
        candidate = None
        if not problems:
            candidate = {**envelope, "event_type": kind, "interaction_id": interaction_id, **present}
        yield kind, candidate, problems, signal_origins


def _envelope(
    attributes: Mapping[str, Any],
    unix_nano: int,
    trace_id: str | None,
    problems: list[Problem],
    origins: dict[str, str],
) -> dict:
    """The fields every event has, and their problems; the attribute each came from goes into ``origins``."""
    user, origins["user_id"] = _first_id(attributes, USER_ID, ENDUSER_ID)
    if user is None:
        given = next((f"{name} is {attributes[name]!r}" for name in (USER_ID, ENDUSER_ID) if name in attributes), None)
        why = f"not a string or integer id: {given}" if given else "missing: every event needs the user it is about"
        problems.append(Problem(USER_ID, why))
    session, origins["session_id"] = _first_id(attributes, SESSION_ID, CONVERSATION_ID)
    if session is None and trace_id:
        session = f"otel-trace-{trace_id}"
    if session is None:
        problems.append(Problem(SESSION_ID, f"missing: set {SESSION_ID} or {CONVERSATION_ID}"))
    if not unix_nano:
        problems.append(Problem("timeUnixNano", "missing: the record has no time"))
    return {
        "schema_version": 1,
        "timestamp": _iso(unix_nano) if unix_nano else None,
        "session_id": session,
        "user_id": user,
    }


def _require_interaction(interaction_id: str | None, problems: list[Problem]) -> None:
    if interaction_id is None:
        problems.append(
            Problem(
                OWN_INTERACTION_ID,
                "missing: parent the record to the GenAI span it is about, or name the interaction with "
                f"{OWN_INTERACTION_ID}",
            )
        )


def _system_prompt_version(attributes: Mapping[str, Any], problems: list[Problem], origins: dict[str, str]) -> str:
    origins["system_prompt_version"] = OWN_SYSTEM_PROMPT_VERSION
    version = _text_attribute(attributes, OWN_SYSTEM_PROMPT_VERSION, problems)
    if not version:
        origins["system_prompt_version"] = PROMPT_NAME
        version = _text_attribute(attributes, PROMPT_NAME, problems)
    if version:
        return version
    origins["system_prompt_version"] = SYSTEM_INSTRUCTIONS
    instructions = _parts_text(_json_value(attributes.get(SYSTEM_INSTRUCTIONS)))
    # The same instructions always give the same version, so analytics can compare them without a registry.
    return content_id("sha256", instructions) if instructions else NO_SYSTEM_PROMPT


def _last_user_text(messages: Any, problems: list[Problem]) -> str | None:
    messages = _json_value(messages)
    if not isinstance(messages, list):
        problems.append(
            Problem(
                INPUT_MESSAGES,
                "missing: turn on content capture on spans (e.g. OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT"
                "=SPAN_ONLY; instrumentations on conventions 1.36 or older also need "
                "OTEL_SEMCONV_STABILITY_OPT_IN=gen_ai_latest_experimental)",
            )
        )
        return None
    for message in reversed(messages):
        if isinstance(message, dict) and message.get("role") == "user":
            text = _parts_text(message.get("parts"))
            if text:
                return text
    problems.append(Problem(INPUT_MESSAGES, "has no user message with a text part"))
    return None


def _first_output_text(messages: Any, problems: list[Problem]) -> str | None:
    messages = _json_value(messages)
    if not isinstance(messages, list) or not messages:
        problems.append(Problem(OUTPUT_MESSAGES, "missing: the model's answer is needed (content capture on spans)"))
        return None
    first = messages[0]
    text = _parts_text(first.get("parts")) if isinstance(first, dict) else None
    if text is None:
        problems.append(Problem(OUTPUT_MESSAGES, "the first output message has no text part (a tool call?)"))
    return text


def _parts_text(parts: Any) -> str | None:
    """The text parts of a message (or of system instructions) joined by newlines; None when there are none."""
    if not isinstance(parts, list):
        return None
    texts = [
        part["content"]
        for part in parts
        if isinstance(part, dict) and part.get("type") == "text" and isinstance(part.get("content"), str)
    ]
    return "\n".join(texts) if texts else None


def _json_value(value: Any) -> Any:
    """Structured attributes may come as a JSON string (the conventions allow it on spans)."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except (ValueError, RecursionError):
            return None
    return value


def _first_set(values: Mapping[str, Any], *names: str) -> tuple[Any, str]:
    """The first of ``values`` under ``names`` that is set (None and empty are not), and its name; (None, the first
    name) when none is: a value taken from one attribute, or from its fallbacks, and which one it was."""
    for name in names:
        value = values.get(name)
        if value:
            return value, name
    return None, names[0]


def _first_id(attributes: Mapping[str, Any], name: str, fallback: str) -> tuple[str | None, str]:
    """The id attribute ``name``, else ``fallback`` (:func:`_id`), and which one it was (``name`` when neither)."""
    value = _id(attributes.get(name))
    if value is None and (value := _id(attributes.get(fallback))) is not None:
        return value, fallback
    return value, name


def _named(interaction_id: str | None, derived: str | None) -> dict[str, str]:
    """The origin of an event's interaction id: ``feedback_loop.interaction_id`` when the record named it, rather
    than the id ``derived`` from the span's ids."""
    return {"interaction_id": OWN_INTERACTION_ID} if interaction_id is not None and interaction_id != derived else {}


def _integral(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return int(value) if float(value).is_integer() else None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _text_attribute(attributes: Mapping[str, Any], name: str, problems: list[Problem]) -> str | None:
    """A string attribute, None when absent or empty. A value of another type is a problem that names the attribute:
    taken as absent, it would silently lose what the sender meant (an adapter version sent as a number)."""
    value = attributes.get(name)
    if value is None or isinstance(value, str):
        return value or None
    problems.append(Problem(name, f"must be a string, got {type(value).__name__} {str(value)[:100]!r}"))
    return None


def _id(value: Any) -> str | None:
    """An id attribute: a non-empty string, or an integer (SDKs send numeric ids as intValue) as its digits."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _text(value)


def _iso(unix_nano: int) -> str:
    return (datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=unix_nano // 1000)).isoformat()


def _attributes(key_values: Iterable) -> dict[str, Any]:
    return {kv.key: _value(kv.value) for kv in key_values}


def _value(any_value) -> Any:
    kind = any_value.WhichOneof("value")
    if kind is None:
        return None
    if kind == "array_value":
        return [_value(item) for item in any_value.array_value.values]
    if kind == "kvlist_value":
        return {kv.key: _value(kv.value) for kv in any_value.kvlist_value.values}
    if kind == "bytes_value":
        return base64.b64encode(any_value.bytes_value).decode()
    value = getattr(any_value, kind)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # NaN and infinities have no JSON spelling
    return value


# --- rendering rejected records ---------------------------------------------------------------------------------

# Identity attributes move under user_id / session_id members, where ingestion pseudonymizes quarantined ids.
_IDENTITY_MEMBERS = {USER_ID: "user_id", ENDUSER_ID: "user_id", SESSION_ID: "session_id", CONVERSATION_ID: "session_id"}


def _render_attributes(attributes: Mapping[str, Any]) -> dict[str, Any]:
    rendered: dict[str, Any] = {"attributes": {}}
    for name, value in dict(attributes).items():
        member = _IDENTITY_MEMBERS.get(name)
        if member is None:
            rendered["attributes"][name] = value
        else:
            rendered.setdefault(member, {})[name] = value
    return rendered


def _render_span(span, attributes: Mapping[str, Any], events) -> dict[str, Any]:
    return {
        "name": span.name,
        "trace_id": span.trace_id.hex(),
        "span_id": span.span_id.hex(),
        "start_time_unix_nano": span.start_time_unix_nano,
        "end_time_unix_nano": span.end_time_unix_nano,
        **_render_attributes(attributes),
        "events": [{"name": event.name, **_render_attributes(attrs)} for event, attrs in events],
    }


def _render_log(log, name: str | None, attributes: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "event_name": name,
        "trace_id": log.trace_id.hex(),
        "span_id": log.span_id.hex(),
        "time_unix_nano": log.time_unix_nano,
        "body": _value(log.body),
        **_render_attributes(attributes),
    }
