"""OTLP GenAI spans, events and logs -> events: every mapped attribute, the rejections and their reasons."""

from __future__ import annotations

import json

import pytest

from feedback_loop.collect import otel
from feedback_loop.schema import EVENT_ADAPTER, NO_SYSTEM_PROMPT
from feedback_loop_tests.collect.otlp_builders import (
    genai_attributes,
    log_record,
    logs,
    otlp_json,
    span,
    traces,
)

SPAN_KEY = "otel-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7"
SPAN = "trace 0af7651916cd43dd8448eb211c80319c, span 00f067aa0ba902b7"  # as a rejection names it


def test_attribute_names_are_those_of_the_semantic_conventions_package():
    from opentelemetry.semconv._incubating.attributes import gen_ai_attributes as g
    from opentelemetry.semconv._incubating.attributes import session_attributes, user_attributes

    assert (otel.OPERATION, otel.REQUEST_MODEL, otel.RESPONSE_MODEL) == (
        g.GEN_AI_OPERATION_NAME,
        g.GEN_AI_REQUEST_MODEL,
        g.GEN_AI_RESPONSE_MODEL,
    )
    assert (otel.INPUT_TOKENS, otel.OUTPUT_TOKENS) == (g.GEN_AI_USAGE_INPUT_TOKENS, g.GEN_AI_USAGE_OUTPUT_TOKENS)
    assert (otel.INPUT_TOKENS_OLD, otel.OUTPUT_TOKENS_OLD) == (
        g.GEN_AI_USAGE_PROMPT_TOKENS,
        g.GEN_AI_USAGE_COMPLETION_TOKENS,
    )
    assert (otel.INPUT_MESSAGES, otel.OUTPUT_MESSAGES, otel.SYSTEM_INSTRUCTIONS) == (
        g.GEN_AI_INPUT_MESSAGES,
        g.GEN_AI_OUTPUT_MESSAGES,
        g.GEN_AI_SYSTEM_INSTRUCTIONS,
    )
    assert (otel.EVALUATION_NAME, otel.EVALUATION_SCORE_VALUE, otel.EVALUATION_SCORE_LABEL) == (
        g.GEN_AI_EVALUATION_NAME,
        g.GEN_AI_EVALUATION_SCORE_VALUE,
        g.GEN_AI_EVALUATION_SCORE_LABEL,
    )
    assert (otel.EVALUATION_EXPLANATION, otel.PROMPT_NAME, otel.CONVERSATION_ID, otel.AGENT_NAME) == (
        g.GEN_AI_EVALUATION_EXPLANATION,
        g.GEN_AI_PROMPT_NAME,
        g.GEN_AI_CONVERSATION_ID,
        g.GEN_AI_AGENT_NAME,
    )
    assert (otel.USER_ID, otel.SESSION_ID) == (user_attributes.USER_ID, session_attributes.SESSION_ID)


def test_a_chat_span_becomes_an_interaction_with_every_field_mapped():
    attributes = genai_attributes(
        **{
            "gen_ai.system_instructions": [{"type": "text", "content": "Be brief."}],
            "feedback_loop.use_case": "support",
            "feedback_loop.user_segment": "pro",
            "feedback_loop.adapter_version": "lora-12",
        }
    )
    mapped = otel.map_traces(traces(span(attributes=attributes)))
    assert mapped.rejections == [] and mapped.ignored == 0
    [event] = mapped.events
    assert event == {
        "schema_version": 1,
        "event_id": SPAN_KEY,
        "event_type": "interaction",
        "timestamp": "2026-11-01T09:30:00+00:00",
        "interaction_id": SPAN_KEY,
        "session_id": "ses-1",
        "user_id": "usr-1",
        "use_case": "support",
        "user_segment": "pro",
        "prompt": "How do I reset my password?",
        "system_prompt_version": event["system_prompt_version"],
        "response": "Open Settings, then Security.",
        "model_version": "gpt-4o-mini-2024-07-18",
        "adapter_version": "lora-12",
        "latency_ms": 812.0,
        "prompt_tokens": 12,
        "completion_tokens": 7,
    }
    assert event["system_prompt_version"].startswith("sha256-")
    EVENT_ADAPTER.validate_python(event)


def test_fallbacks_service_name_conversation_id_json_string_messages_and_the_last_user_turn():
    attributes = genai_attributes(structured=False, **{"session.id": None, "gen_ai.conversation.id": "conv-9"})
    inputs = [
        {"role": "system", "parts": [{"type": "text", "content": "ignored"}]},
        {"role": "user", "parts": [{"type": "text", "content": "first question"}]},
        {"role": "assistant", "parts": [{"type": "text", "content": "first answer"}]},
        {"role": "user", "parts": [{"type": "text", "content": "second"}, {"type": "text", "content": "question"}]},
    ]
    attributes["gen_ai.input.messages"] = json.dumps(inputs)
    del attributes["gen_ai.response.model"]
    [event] = otel.map_traces(traces(span(attributes=attributes))).events
    assert event["prompt"] == "second\nquestion"
    assert event["session_id"] == "conv-9"
    assert event["use_case"] == "support-bot"  # the resource's service.name
    assert event["model_version"] == "gpt-4o-mini"  # the requested model when the response does not say
    assert event["system_prompt_version"] == NO_SYSTEM_PROMPT


def test_content_on_the_details_span_event_and_deprecated_token_names():
    attributes = genai_attributes(
        **{
            "gen_ai.input.messages": None,
            "gen_ai.output.messages": None,
            "gen_ai.usage.input_tokens": None,
            "gen_ai.usage.output_tokens": None,
            "gen_ai.usage.prompt_tokens": 3,
            "gen_ai.usage.completion_tokens": 4,
        }
    )
    content = genai_attributes("from the event", "event answer")
    details = {name: content[name] for name in (otel.INPUT_MESSAGES, otel.OUTPUT_MESSAGES)}
    [event] = otel.map_traces(traces(span(attributes=attributes, events=[(otel.DETAILS_EVENT, details)]))).events
    assert (event["prompt"], event["response"]) == ("from the event", "event answer")
    assert (event["prompt_tokens"], event["completion_tokens"]) == (3, 4)


@pytest.mark.parametrize(
    ("evaluation", "signal"),
    [
        ({"gen_ai.evaluation.name": "user_feedback", "gen_ai.evaluation.score.label": "thumbs_down"},
         {"thumb": "down"}),
        ({"gen_ai.evaluation.name": "Thumbs", "gen_ai.evaluation.score.value": 1.0}, {"thumb": "up"}),
        (
            {"gen_ai.evaluation.name": "user_rating", "gen_ai.evaluation.score.value": 4.0,
             "gen_ai.evaluation.explanation": "mostly right"},
            {"rating": 4, "comment": "mostly right"},
        ),
        ({"gen_ai.evaluation.name": "correction", "gen_ai.evaluation.explanation": "Use Security."},
         {"correction": "Use Security."}),
        ({"gen_ai.evaluation.name": "flag", "gen_ai.evaluation.score.label": "Wrong"}, {"flag": "wrong"}),
    ],
)  # fmt: skip
def test_evaluation_results_in_the_span_become_feedback_about_it(evaluation, signal):
    mapped = otel.map_traces(traces(span(events=[(otel.EVALUATION_EVENT, evaluation)])))
    assert mapped.rejections == []
    interaction, feedback = mapped.events
    assert feedback["event_type"] == "feedback"
    assert feedback["interaction_id"] == interaction["interaction_id"] == SPAN_KEY
    assert feedback["event_id"] == f"{SPAN_KEY}-event0"
    assert feedback["timestamp"] == "2026-11-01T09:30:01+00:00"
    assert {k: v for k, v in feedback.items() if k in ("thumb", "rating", "correction", "flag", "comment") and v} == (
        signal
    )


def test_an_evaluation_log_record_is_feedback_about_its_parent_span():
    record = log_record(
        otel.EVALUATION_EVENT,
        {"gen_ai.evaluation.name": "user_feedback", "gen_ai.evaluation.score.label": "up", "user.id": "usr-1"},
    )
    [feedback] = otel.map_logs(logs(record)).events
    assert feedback["interaction_id"] == SPAN_KEY
    assert feedback["thumb"] == "up"
    assert feedback["session_id"] == "otel-trace-0af7651916cd43dd8448eb211c80319c"
    assert feedback["event_id"].startswith("otel-log-")
    # The same record again (a retried export) gets the same id, so ingestion stores it once.
    assert otel.map_logs(logs(record)).events[0]["event_id"] == feedback["event_id"]


def test_feedback_and_behaviour_attributes_of_the_project_namespace():
    attributes = {
        "feedback_loop.interaction_id": "int-4821",
        "feedback_loop.feedback.thumb": "down",
        "feedback_loop.feedback.comment": "wrong menu",
        "feedback_loop.behaviour.action": "retry",
        "user.id": "usr-1",
        "session.id": "ses-1",
    }
    events = otel.map_traces(traces(span(attributes=attributes))).events
    assert [(e["event_type"], e["interaction_id"]) for e in events] == [
        ("feedback", "int-4821"),
        ("behaviour", "int-4821"),
    ]
    assert events[0]["thumb"] == "down" and events[1]["action"] == "retry"


def test_unmappable_records_are_rejected_with_every_reason_and_ids_kept_where_ingestion_hides_them():
    attributes = genai_attributes(**{"gen_ai.usage.input_tokens": None, "gen_ai.input.messages": None})
    evaluation = {"gen_ai.evaluation.name": "Relevance", "gen_ai.evaluation.score.value": 0.9}
    mapped = otel.map_traces(traces(span(attributes=attributes, events=[(otel.EVALUATION_EVENT, evaluation)])))
    assert mapped.events == []
    interaction, relevance = mapped.rejections
    assert interaction.field == "gen_ai.input.messages"
    assert "gen_ai.usage.input_tokens: missing" in interaction.reason
    assert relevance.field == "gen_ai.evaluation.name"
    assert "'Relevance' is not a user feedback signal" in relevance.reason
    line = interaction.line()["rejected"]
    assert line["source"] == f"otlp span 'chat gpt-4o-mini' ({SPAN})"
    assert line["record"]["user_id"] == {"user.id": "usr-1"}
    assert line["record"]["session_id"] == {"session.id": "ses-1"}
    assert "user.id" not in line["record"]["attributes"]


def test_a_chat_span_without_user_or_an_out_of_range_rating_is_rejected():
    no_user = genai_attributes(**{"user.id": None})
    [rejection] = otel.map_traces(traces(span(attributes=no_user))).rejections
    assert rejection.field == "user.id"
    rating = {"gen_ai.evaluation.name": "rating", "gen_ai.evaluation.score.value": 9}
    mapped = otel.map_traces(traces(span(events=[(otel.EVALUATION_EVENT, rating)])))
    # The event contract's own check, on the attribute the rating came from.
    assert [r.field for r in mapped.rejections] == ["gen_ai.evaluation.score.value"]


def test_token_counts_sent_as_whole_doubles_are_counts_and_other_doubles_are_rejected_naming_the_field():
    # JavaScript exporters send every number as a doubleValue: 12.0 was rejected as "not a valid integer".
    counts = {"gen_ai.usage.input_tokens": 12.0, "gen_ai.usage.output_tokens": 7.0}
    body = otlp_json(traces(span(attributes=genai_attributes(**counts))))
    assert '"doubleValue": 12.0' in body
    [event] = otel.map_traces(otel.decode_traces(body.encode(), "json")).events
    interaction = EVENT_ADAPTER.validate_python(event)
    assert (interaction.prompt_tokens, interaction.completion_tokens) == (12, 7)
    assert type(interaction.prompt_tokens) is int
    for value, reason in [
        (12.5, "gen_ai.usage.input_tokens: must be a whole number"),
        (float("nan"), "valid integer"),  # NaN has no JSON spelling: it arrives as the text 'nan'
        (-3.0, "greater than or equal to 0"),
        (1e30, "less than or equal to 2147483647"),
    ]:
        attributes = genai_attributes(**{"gen_ai.usage.input_tokens": value})
        [rejection] = otel.map_traces(traces(span(attributes=attributes))).rejections
        assert rejection.field == "gen_ai.usage.input_tokens" and reason in rejection.reason, (value, rejection)


def _blank_prompt() -> list:
    return [{"role": "user", "parts": [{"type": "text", "content": "  "}]}]


@pytest.mark.parametrize(
    ("attributes", "attribute", "field"),
    [
        ({"gen_ai.usage.input_tokens": -3}, "gen_ai.usage.input_tokens", "prompt_tokens"),
        ({"gen_ai.usage.output_tokens": 12.5}, "gen_ai.usage.output_tokens", "completion_tokens"),
        (
            {"gen_ai.usage.input_tokens": None, "gen_ai.usage.prompt_tokens": -1},
            "gen_ai.usage.prompt_tokens",
            "prompt_tokens",
        ),
        ({"user.id": " "}, "user.id", "user_id"),
        ({"user.id": None, "enduser.id": " "}, "enduser.id", "user_id"),
        ({"session.id": " "}, "session.id", "session_id"),
        ({"session.id": None, "gen_ai.conversation.id": " "}, "gen_ai.conversation.id", "session_id"),
        ({"feedback_loop.interaction_id": " "}, "feedback_loop.interaction_id", "interaction_id"),
        ({"feedback_loop.use_case": " "}, "feedback_loop.use_case", "use_case"),
        ({"gen_ai.agent.name": " "}, "gen_ai.agent.name", "use_case"),
        ({"feedback_loop.user_segment": " "}, "feedback_loop.user_segment", "user_segment"),
        ({"feedback_loop.system_prompt_version": " "}, "feedback_loop.system_prompt_version", "system_prompt_version"),
        ({"gen_ai.prompt.name": " "}, "gen_ai.prompt.name", "system_prompt_version"),
        ({"gen_ai.response.model": " "}, "gen_ai.response.model", "model_version"),
        ({"gen_ai.response.model": None, "gen_ai.request.model": " "}, "gen_ai.request.model", "model_version"),
        ({"feedback_loop.adapter_version": " "}, "feedback_loop.adapter_version", "adapter_version"),
        ({"gen_ai.input.messages": _blank_prompt()}, "gen_ai.input.messages", "prompt"),
    ],
)
def test_a_span_attribute_the_event_contract_refuses_is_named_with_its_field_and_span(attributes, attribute, field):
    # The reason named the schema's field (prompt_tokens), not the attribute the sender set, nor which span it was.
    [rejection] = otel.map_traces(traces(span(attributes=genai_attributes(**attributes)))).rejections
    assert rejection.field == attribute
    assert rejection.reason.startswith(f"{attribute}: ") and f"(as the event's {field})" in rejection.reason
    assert rejection.source == f"otlp span 'chat gpt-4o-mini' ({SPAN})"


def test_a_span_that_ends_before_it_starts_or_an_evaluation_out_of_range_names_what_the_sender_set():
    [latency] = otel.map_traces(traces(span(duration_ms=-5.0))).rejections
    assert latency.field == "endTimeUnixNano - startTimeUnixNano" and "(as the event's latency_ms)" in latency.reason
    last_century = span()
    last_century.start_time_unix_nano = 915_148_800 * 10**9  # 1999-01-01
    [timestamp] = otel.map_traces(traces(last_century)).rejections
    assert timestamp.field == "startTimeUnixNano" and "(as the event's timestamp)" in timestamp.reason
    evaluations = [
        {"gen_ai.evaluation.name": "rating", "gen_ai.evaluation.score.value": 9},
        {"gen_ai.evaluation.name": "flag", "gen_ai.evaluation.score.label": "boring"},
        {
            "gen_ai.evaluation.name": "thumb",
            "gen_ai.evaluation.score.label": "up",
            "gen_ai.evaluation.explanation": " ",
        },
        {"gen_ai.evaluation.name": "correction", "gen_ai.evaluation.explanation": " "},
    ]
    mapped = otel.map_traces(traces(span(events=[(otel.EVALUATION_EVENT, attrs) for attrs in evaluations])))
    assert [(rejection.field, rejection.reason.split("(as the event's ")[1]) for rejection in mapped.rejections] == [
        ("gen_ai.evaluation.score.value", "rating)"),
        ("gen_ai.evaluation.score.label", "flag)"),
        ("gen_ai.evaluation.explanation", "comment)"),
        ("gen_ai.evaluation.explanation", "correction)"),
    ]
    own = {"feedback_loop.feedback.rating": 9, "feedback_loop.behaviour.reading_time_ms": -1.0}
    mapped = otel.map_traces(traces(span(attributes=genai_attributes(**own))))
    assert [rejection.field for rejection in mapped.rejections] == [
        "feedback_loop.feedback.rating",
        "feedback_loop.behaviour.reading_time_ms",
    ]
    details = {**genai_attributes(), "feedback_loop.latency_ms": -5.0}
    [log] = otel.map_logs(logs(log_record(otel.DETAILS_EVENT, details))).rejections
    assert log.field == "feedback_loop.latency_ms" and "(as the event's latency_ms)" in log.reason
    assert log.source == f"otlp log record '{otel.DETAILS_EVENT}' ({SPAN})"


def test_integer_ids_are_ids_and_a_user_id_of_another_type_is_named_not_called_missing():
    # SDKs send numeric ids as intValue: they were taken as absent (a session became the trace, a user "missing").
    ids = {"user.id": 1034, "session.id": 77, "feedback_loop.interaction_id": 4821}
    [event] = otel.map_traces(traces(span(attributes=genai_attributes(**ids)))).events
    assert (event["user_id"], event["session_id"], event["interaction_id"]) == ("1034", "77", "4821")
    [rejection] = otel.map_traces(traces(span(attributes=genai_attributes(**{"user.id": 10.5})))).rejections
    assert rejection.field == "user.id" and "not a string or integer id: user.id is 10.5" in rejection.reason


@pytest.mark.parametrize(
    "name",
    [
        "feedback_loop.adapter_version",
        "feedback_loop.user_segment",
        "feedback_loop.use_case",
        "feedback_loop.system_prompt_version",
        "gen_ai.response.model",
    ],
)
def test_a_text_attribute_of_another_type_is_rejected_naming_it_not_taken_as_absent(name):
    # A number was taken as absent: an adapter version sent as 3 landed as no adapter, a use case fell back to the
    # service name, a model "missing".
    [rejection] = otel.map_traces(traces(span(attributes=genai_attributes(**{name: 3})))).rejections
    assert rejection.field == name and "must be a string, got int '3'" in rejection.reason


def test_an_evaluation_with_a_label_or_name_of_another_type_is_rejected_naming_it():
    thumb = {"gen_ai.evaluation.name": "thumb", "gen_ai.evaluation.score.label": 1, "gen_ai.evaluation.score.value": 1}
    named = {"gen_ai.evaluation.name": 7, "gen_ai.evaluation.score.label": "up"}
    mapped = otel.map_traces(traces(span(events=[(otel.EVALUATION_EVENT, thumb), (otel.EVALUATION_EVENT, named)])))
    assert [event["event_type"] for event in mapped.events] == ["interaction"]
    assert [rejection.field for rejection in mapped.rejections] == [
        "gen_ai.evaluation.score.label",
        "gen_ai.evaluation.name",
    ]


def test_a_details_log_record_needs_its_latency():
    attributes = genai_attributes()
    [rejection] = otel.map_logs(logs(log_record(otel.DETAILS_EVENT, attributes))).rejections
    assert rejection.field == "feedback_loop.latency_ms"
    [event] = otel.map_logs(
        logs(log_record(otel.DETAILS_EVENT, {**attributes, "feedback_loop.latency_ms": 950.0}))
    ).events
    assert event["latency_ms"] == 950.0 and event["interaction_id"] == SPAN_KEY


def test_spans_and_logs_that_are_not_llm_telemetry_are_counted_as_ignored():
    database = span(attributes={"db.system": "postgresql", "user.id": "usr-1"})
    embeddings = span("00f067aa0ba902b8", attributes={"gen_ai.operation.name": "embeddings"})
    mapped = otel.map_traces(traces(database, embeddings))
    assert (mapped.events, mapped.rejections, mapped.ignored) == ([], [], 2)
    assert otel.map_logs(logs(log_record("http.access", {"http.status": 200}))).ignored == 1


def test_json_encoding_with_hex_ids_decodes_to_the_same_request():
    request = traces(span())
    decoded = otel.decode_traces(otlp_json(request).encode(), "json")
    assert decoded == request
    assert otel.decode_traces(request.SerializeToString(), "protobuf") == request


@pytest.mark.parametrize(
    ("body", "position"),
    [
        (b"{not json", "body"),
        (b"[]", "body"),
        (json.dumps({"resourceSpans": [{"scopeSpans": [{"spans": [{"traceId": "xyz",
                                                                    "spanId": "00f067aa0ba902b7"}]}]}]}),
         "resourceSpans[0].scopeSpans[0].spans[0].traceId"),
        (json.dumps({"resourceSpans": [{"scopeSpans": [{}, {"spans": [{"traceId": "0af7651916cd43dd8448eb211c80319c",
                                                                       "spanId": "00f0"}]}]}]}),
         "resourceSpans[0].scopeSpans[1].spans[0].spanId"),
    ],
)  # fmt: skip
def test_malformed_otlp_json_names_the_position(body, position):
    with pytest.raises(otel.OtlpRequestError) as error:
        otel.decode_traces(body if isinstance(body, bytes) else body.encode(), "json")
    assert error.value.position == position


def test_malformed_protobuf_is_a_request_error():
    with pytest.raises(otel.OtlpRequestError, match="protobuf"):
        otel.decode_traces(b"\xff\xff\xff", "protobuf")
