"""`feedback-loop import ...`: what teams already have, landed as telemetry for a range of days.

* ``openai-chat``: JSON Lines of OpenAI chat-completions calls, one object per line: ``request`` (the request
  body, or a Batch API input line), ``response`` (the chat completion, or a Batch API output line, whole or from
  its ``response`` on) and optionally ``feedback`` (any of thumb, rating, correction, flag, comment, and its own
  ``timestamp``),
  ``user_id``, ``session_id``, ``timestamp``, ``latency_ms``, ``use_case``, ``user_segment``,
  ``system_prompt_version``, ``adapter_version``, ``interaction_id``. See docs/connect.md for where each
  field comes from when a line does not say it.
* ``preference``: ``prompt`` / ``chosen`` / ``rejected`` JSON Lines (strings, or chat message lists as in
  UltraFeedback; Anthropic HH lines without ``prompt`` are split at their last ``Assistant:`` turn). Each
  pair becomes two interactions with the same prompt, one answered by ``chosen`` with a thumb up and one by
  ``rejected`` with a thumb down; a pair whose two answers are one text (white space aside) is rejected.
* ``otlp``: OTLP JSON as the OpenTelemetry Collector's file exporter writes it (one export request per line),
  mapped exactly as the collector maps it (:mod:`feedback_loop.collect.otel`).

Events land in the day of their timestamp in UTC (:func:`~feedback_loop.schema.event_day`), the day ingestion
counts them in; lines that cannot be mapped land, as rejection lines, in the earliest day of the file's events (for
preference pairs: their ``--day``; for a file with no event, the day its first import landed them, the day of that
import), and are quarantined when that day is ingested. Event ids derive from the content, and each day's file is
named after the input's content, so importing a file twice changes nothing, on any day. Preference pairs without a
timestamp land on their ``--day`` (default: the day of the import); a file imported before lands them where its
first import did, found by that landing file, and a ``--day`` other than that one is refused
(:class:`ConflictingImportDay`): their event ids derive from the pairs alone, so ingestion would store them twice.

Imported calls rarely recorded their latency, and preference pairs were never served: ``latency_ms`` (and
for preference pairs the token counts) is then 0, the convention of :mod:`feedback_loop.label.realdata` for
data that was not measured, and the import counts such events in ``not_measured``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import tempfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow.fs as pafs

from feedback_loop.collect import otel
from feedback_loop.collect.landing import ImportWriter, utc_day
from feedback_loop.collect.records import Mapped, Problem, Rejection, content_id, landing_line
from feedback_loop.label.rules import normalise_text
from feedback_loop.schema import NO_SYSTEM_PROMPT, calendar_day, event_day
from feedback_loop.storage import day_folders_holding

KINDS = ("openai-chat", "preference", "otlp")
# A rejected line that is not JSON is kept as text, cut to this many characters (ingestion cuts it again).
_MAX_RAW_TEXT = 10_000
_HH_ASSISTANT = "\n\nAssistant:"


@dataclass
class ImportResult:
    """What an import landed: lines per day, events, rejected lines, records that are no LLM telemetry, events whose
    latency was not measured."""

    source: str
    files: list[str] = field(default_factory=list)
    days: dict[str, int] = field(default_factory=dict)
    events: int = 0
    rejected: int = 0
    ignored: int = 0
    """OTLP records that are no LLM telemetry (a database span, a metrics export), as the collector counts them."""
    not_measured: int = 0

    @property
    def day_range(self) -> tuple[str, str] | None:
        return (min(self.days), max(self.days)) if self.days else None


@dataclass(frozen=True)
class PreferenceDefaults:
    """What a preference line does not say: its day, the model and use case its answers are recorded under."""

    day: str | None = None
    """None: the day of the import, or, for a file imported before, the day its first import landed its pairs on."""
    model_version: str = "preference-data"
    use_case: str = "preference"

    def __post_init__(self):
        if self.day is not None:
            calendar_day(self.day, "preference import: field 'day'")


class ConflictingImportDay(ValueError):
    """A preference file imported before, given another ``--day`` than its first import's: its pairs without a
    timestamp would land on two days with the same event ids, and ingestion would store them twice."""


def import_file(
    kind: str,
    path: str | Path,
    landing_dir: str | Path,
    preference: PreferenceDefaults | None = None,
    landed_days: Callable[[str], list[str]] | None = None,
):
    """Import ``path`` as ``kind`` (one of :data:`KINDS`) into ``landing_dir``; returns an :class:`ImportResult`.

    ``landed_days(file_name)``: the days of the landing folder that already hold a file of that name, earliest first
    (default: those of ``landing_dir``; with a data root in object storage, :meth:`DataStore.days_holding`, since the
    working copy holds only what was pulled)."""
    if kind not in KINDS:
        raise ValueError(f"import kind {kind!r} is not one of {KINDS}")
    path = Path(path)
    landed_days = landed_days or partial(day_folders_holding, pafs.LocalFileSystem(), str(Path(landing_dir).resolve()))
    preference = preference or PreferenceDefaults()
    # The landing file's name: the input's content and what the import adds to it, but not the day of pairs without
    # a timestamp, so that a later import finds the first one's files whatever its default day.
    added = {"model_version": preference.model_version, "use_case": preference.use_case}
    digest = hashlib.sha256(json.dumps([kind, added if kind == "preference" else None]).encode())
    # Pairs without a timestamp are mapped on this day, and moved to the one the file decides once it is read whole.
    mapped_day = preference.day or utc_day()
    result = ImportResult(source=str(path))
    undated_events = 0
    with ImportWriter(landing_dir) as writer, tempfile.TemporaryFile() as undated, tempfile.TemporaryFile() as rejected:
        for number, raw in _lines(path):
            digest.update(raw)
            mapped = _map_line(kind, raw, number, preference, mapped_day)
            for event in mapped.events:
                writer.add(event_day(event["timestamp"]), [landing_line(event)])
            for event in mapped.undated:
                undated.write(landing_line(event))
            undated_events += len(mapped.undated)
            for event in (*mapped.events, *mapped.undated):
                result.not_measured += event.get("latency_ms") == 0 and event["event_type"] == "interaction"
            for rejection in mapped.rejections:
                rejected.write(landing_line(rejection.line()))
            result.events += len(mapped.events) + len(mapped.undated)
            result.rejected += len(mapped.rejections)
            result.ignored += mapped.ignored
        name = f"import-{kind}-{digest.hexdigest()[:16]}"
        if kind == "preference" and (undated_events or result.rejected):
            pairs_day = _pairs_day(path, preference.day, mapped_day, set(writer.lines), landed_days(f"{name}.jsonl"))
            undated.seek(0)
            writer.add(pairs_day, _redated(undated, mapped_day, pairs_day))
        # Lines that cannot be mapped have no trustworthy time. They land beside the file's first day, which the
        # file decides, so that importing it again on another day rewrites the same files: the preference data's
        # day, or the earliest day of the file's events. A file with no event has no day of its own: its first
        # import lands its rejections on the day of the import, and every later one where the first did (the
        # landing file is named after the input's content), or they would be quarantined once per import.
        if result.rejected:
            if kind == "preference":
                rejection_day = pairs_day
            elif writer.lines:
                rejection_day = min(writer.lines)
            else:
                rejection_day = next(iter(landed_days(f"{name}.jsonl")), None) or utc_day()
            rejected.seek(0)
            writer.add(rejection_day, iter(rejected))
        paths = writer.commit(name)
    result.files = [str(p) for p in paths]
    result.days = dict(sorted(writer.lines.items()))
    return result


def _pairs_day(path: Path, day: str | None, import_day: str, dated_days: set[str], landed: list[str]) -> str:
    """The day of a preference file's pairs without a timestamp (and of its rejection lines): ``day`` (None: the
    ``import_day``) on a first import; on a later one, the day the first import landed them on, read from the days
    ``landed`` that hold the file's landing file (those of its dated pairs, ``dated_days``, aside). Another ``day``
    than that one is :class:`ConflictingImportDay`, and so is a file whose first day cannot be told without one."""
    if not landed:
        return day or import_day
    undated_days = [landed_day for landed_day in landed if landed_day not in dated_days]
    first = undated_days if undated_days else landed if len(landed) == 1 else []
    if len(first) != 1:
        if day in landed:
            return day
        raise ConflictingImportDay(
            f"{path} was imported before, landing on {', '.join(landed)}, and which of these days holds its pairs "
            "without a timestamp cannot be told: give that day with --day; nothing of it was landed"
        )
    if day is not None and day != first[0]:
        raise ConflictingImportDay(
            f"{path} was imported before with its pairs without a timestamp on {first[0]}: landing them on {day} "
            f"too would store them twice (their event ids derive from the pairs alone); leave out --day, or give "
            f"--day {first[0]}; nothing of it was landed"
        )
    return first[0]


def _redated(lines: Iterator[bytes], mapped_day: str, day: str) -> Iterator[bytes]:
    """The landing ``lines`` of events of pairs without a timestamp, mapped on ``mapped_day``, as of ``day``."""
    if day == mapped_day:
        yield from lines
        return
    for line in lines:
        yield landing_line({**json.loads(line), "timestamp": _midnight(day)})


def _midnight(day: str) -> str:
    """The timestamp of a preference pair without one: midnight UTC of its day."""
    return f"{day}T00:00:00+00:00"


class UnreadableImportFile(ValueError):
    """An import file that cannot be read to its end (a ``.gz`` cut short or not gzip at all): nothing of it lands."""


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    opener = gzip.open if path.name.endswith(".gz") else open
    number = 0
    try:
        with opener(path, "rb") as handle:
            for number, line in enumerate(handle, start=1):
                yield number, line
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        where = f" after line {number}" if number else ""
        raise UnreadableImportFile(f"{path}: cannot be read{where} ({error}); nothing of it was landed") from error


@dataclass
class _LineMapped(Mapped):
    """The mapping of one line; ``undated``: the events of a preference pair without a timestamp, mapped on the
    import's day until the file decides theirs (:func:`_pairs_day`)."""

    undated: list[dict[str, Any]] = field(default_factory=list)


def _map_line(kind: str, raw: bytes, number: int, preference: PreferenceDefaults, day: str) -> _LineMapped:
    mapped = _LineMapped()
    source = f"{kind} line {number}"
    if not raw.strip():
        return mapped
    if kind == "otlp":
        mapped.extend(_map_otlp(raw, source))
        return mapped
    try:
        record = json.loads(raw, parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        text = raw.decode("utf-8", errors="replace").rstrip("\n")[:_MAX_RAW_TEXT]
        mapped.rejections.append(Rejection(source, (Problem(None, f"invalid JSON ({error})"),), text))
        return mapped
    if not isinstance(record, dict):
        mapped.rejections.append(Rejection(source, (Problem(None, "a line must be a JSON object"),), record))
        return mapped
    if kind == "openai-chat":
        _map_openai_chat(record, source, mapped)
    else:
        _map_preference(record, source, preference, day, mapped)
    return mapped


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a valid JSON value")


# --- otlp -------------------------------------------------------------------------------------------------------

# The members of the OTLP export requests of the signals that carry no LLM telemetry, in both JSON spellings.
_OTHER_SIGNALS = ("resourceMetrics", "resource_metrics", "resourceProfiles", "resource_profiles")


def _map_otlp(raw: bytes, source: str) -> Mapped:
    mapped = Mapped()
    try:
        document = json.loads(raw)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:  # nested deeper than Python's stack
        text = raw.decode("utf-8", errors="replace").rstrip("\n")[:_MAX_RAW_TEXT]
        mapped.rejections.append(Rejection(source, (Problem(None, f"invalid JSON ({error})"),), text))
        return mapped
    if not isinstance(document, dict):
        mapped.rejections.append(Rejection(source, (Problem(None, "not an OTLP export request object"),), document))
        return mapped
    spans = any(name in document for name in ("resourceSpans", "resource_spans"))
    logs = any(name in document for name in ("resourceLogs", "resource_logs"))
    try:
        if spans:
            return otel.map_traces(otel.decode_traces(raw, "json"))
        if logs:
            return otel.map_logs(otel.decode_logs(raw, "json"))
    except otel.OtlpRequestError as error:
        mapped.rejections.append(Rejection(source, (Problem(error.position, error.message),), document))
        return mapped
    if any(name in document for name in _OTHER_SIGNALS):
        mapped.ignored += 1  # metrics or profiles: no LLM telemetry
        return mapped
    # Another kind of file given to the wrong importer (an OpenAI chat log, say): every line of it would vanish.
    problem = Problem(
        None,
        "not an OTLP export request: it has none of resourceSpans, resourceLogs, resourceMetrics, resourceProfiles",
    )
    mapped.rejections.append(Rejection(source, (problem,), document))
    return mapped


# --- openai-chat --------------------------------------------------------------------------------------------------


def _map_openai_chat(record: dict[str, Any], source: str, mapped: Mapped) -> None:
    problems: list[Problem] = []
    request = _object(record, "request", problems)
    response = _object(record, "response", problems)
    # A Batch API input line ({custom_id, method, url, body}) holds the request in its body; an output line
    # ({id, custom_id, response: {status_code, body}, error}) the completion in its response's body; either may be
    # given whole, or (the output) from its response on.
    if isinstance(request.get("body"), dict) and "custom_id" in request:
        request = request["body"]
    if "custom_id" in response:
        if not isinstance(response.get("response"), dict):
            problems.append(Problem("response.error", f"the batch request failed: {str(response.get('error'))[:200]}"))
        response = response["response"] if isinstance(response.get("response"), dict) else {}
    if isinstance(response.get("body"), dict) or "status_code" in response:
        status, body = response.get("status_code", 200), response.get("body")
        if status != 200:
            problems.append(Problem("response.status_code", f"the batch request failed ({status!r}): no completion"))
        response = body if isinstance(body, dict) else {}
    metadata = _optional_object(request, "metadata")

    def given(container: dict[str, Any], name: str, field: str) -> str | None:
        return _given_text(container, name, field, problems)

    # For each event field, the key of the line it came from: the event contract's objection names that key.
    origins: dict[str, str] = {}

    def first_given(event_field: str, *keys: tuple[dict[str, Any], str, str]) -> str | None:
        """The first of ``keys`` (container, name, the line's key) given, its key kept in ``origins``."""
        origins[event_field] = keys[0][2]
        for container, name, key in keys:
            if (value := given(container, name, key)) is not None:
                origins[event_field] = key
                return value
        return None

    known = len(problems)
    interaction_id = first_given(
        "interaction_id", (record, "interaction_id", "interaction_id"), (response, "id", "response.id")
    )
    if interaction_id is None and len(problems) == known:
        problems.append(Problem("response.id", "missing: the completion's id names the interaction"))
    known = len(problems)
    timestamp = first_given("timestamp", (record, "timestamp", "timestamp"))
    if timestamp is None and len(problems) == known:
        origins["timestamp"] = "response.created"
        timestamp = _unix_seconds(response, problems)
    user = first_given(
        "user_id",
        (record, "user_id", "user_id"),
        (request, "user", "request.user"),
        (request, "safety_identifier", "request.safety_identifier"),
        (metadata, "user_id", "request.metadata.user_id"),
    )
    if user is None:
        problems.append(Problem("user_id", "missing: set user_id, or the request's user or safety_identifier"))
    session = first_given(
        "session_id", (record, "session_id", "session_id"), (metadata, "session_id", "request.metadata.session_id")
    )
    if session is None:
        origins["session_id"] = origins["interaction_id"]
    use_case = first_given(
        "use_case", (record, "use_case", "use_case"), (metadata, "use_case", "request.metadata.use_case")
    )
    user_segment = first_given("user_segment", (record, "user_segment", "user_segment"))
    prompt_version = first_given("system_prompt_version", (record, "system_prompt_version", "system_prompt_version"))
    model = first_given("model_version", (response, "model", "response.model"), (request, "model", "request.model"))
    adapter_version = first_given("adapter_version", (record, "adapter_version", "adapter_version"))
    feedback = record.get("feedback")
    feedback_time = given(feedback, "timestamp", "feedback.timestamp") if isinstance(feedback, dict) else None
    messages = request.get("messages")
    prompt = _last_message_text(messages, ("user",))
    if prompt is None:
        problems.append(Problem("request.messages", "has no user message with text"))
    choices = response.get("choices")
    first = choices[0] if isinstance(choices, list) and choices and isinstance(choices[0], dict) else {}
    answer = _content_text(first.get("message", {}).get("content")) if isinstance(first.get("message"), dict) else None
    if answer is None:
        problems.append(Problem("response.choices[0].message.content", "missing: the first choice has no text"))
    usage = _optional_object(response, "usage")
    event_id = content_id("openai-chat", record)
    latency = record.get("latency_ms", 0.0)
    system = _last_message_text(messages, ("system", "developer"))
    origins |= {
        "prompt": "request.messages",
        "response": "response.choices[0].message.content",
        "latency_ms": "latency_ms",
        "prompt_tokens": "response.usage.prompt_tokens",
        "completion_tokens": "response.usage.completion_tokens",
    }
    candidate = None
    if not problems:
        envelope = {
            "schema_version": 1,
            "interaction_id": interaction_id,
            "session_id": session or interaction_id,
            "user_id": user,
        }
        candidate = {
            **envelope,
            "event_id": event_id,
            "event_type": "interaction",
            "timestamp": timestamp,
            "use_case": use_case or "openai-chat",
            "user_segment": user_segment,
            "prompt": prompt,
            "system_prompt_version": prompt_version or (content_id("sha256", system) if system else NO_SYSTEM_PROMPT),
            "response": answer,
            "model_version": model,
            "adapter_version": adapter_version,
            "latency_ms": latency,
            "prompt_tokens": usage.get("prompt_tokens"),
            "completion_tokens": usage.get("completion_tokens"),
        }
    rendered = partial(_openai_rendered, record)  # rendered only for a rejection
    mapped.add(source, candidate, problems, rendered, origins)
    if feedback is None or candidate is None or mapped.rejections:
        return
    if not isinstance(feedback, dict):
        mapped.add(source, None, [Problem("feedback", "must be an object")], rendered)
        return
    signals = {name: value for name, value in feedback.items() if name != "timestamp"}
    feedback_origins = {
        **{name: origins[name] for name in (*envelope, "timestamp") if name in origins},
        **({"timestamp": "feedback.timestamp"} if feedback_time else {}),
        **{name: f"feedback.{name}" for name in signals},
    }
    mapped.add(
        source,
        {
            **envelope,
            "event_id": f"{event_id}-feedback",
            "event_type": "feedback",
            "timestamp": feedback_time or timestamp,
            **signals,
        },
        [],
        rendered,
        feedback_origins,
    )


def _openai_rendered(record: dict[str, Any]) -> dict[str, Any]:
    """The line with the request's end-user ids under a ``user_id`` member, which ingestion pseudonymizes."""
    rendered = dict(record)
    request = rendered.get("request")
    if isinstance(request, dict):
        request = dict(request)
        ids = {name: request.pop(name) for name in ("user", "safety_identifier") if name in request}
        if ids:
            request["user_id"] = ids
        rendered["request"] = request
    return rendered


def _object(record: dict[str, Any], name: str, problems: list[Problem]) -> dict[str, Any]:
    value = record.get(name)
    if isinstance(value, dict):
        return value
    problems.append(Problem(name, "missing: must be an object"))
    return {}


def _optional_object(record: dict[str, Any], name: str) -> dict[str, Any]:
    """``record[name]`` if it is an object, else an empty one: for parts a record may leave out."""
    value = record.get(name)
    return value if isinstance(value, dict) else {}


def _last_message_text(messages: Any, roles: tuple[str, ...]) -> str | None:
    if not isinstance(messages, list):
        return None
    for message in reversed(messages):
        if isinstance(message, dict) and message.get("role") in roles:
            text = _content_text(message.get("content"))
            if text:
                return text
    return None


def _content_text(content: Any) -> str | None:
    """A chat message's text: a string, or the text of its ``{"type": "text", "text": ...}`` parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        texts = [
            part["text"]
            for part in content
            if isinstance(part, dict) and part.get("type") == "text" and isinstance(part.get("text"), str)
        ]
        return "\n".join(texts) if texts else None
    return None


def _unix_seconds(response: dict[str, Any], problems: list[Problem]) -> str | None:
    """The response's ``created`` time (Unix seconds) as an ISO timestamp; a problem when it is absent, not a
    number or out of range."""
    value = response.get("created")
    if value is None:
        problems.append(Problem("response.created", "missing: no timestamp and no created time"))
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        problems.append(Problem("response.created", f"must be Unix seconds, got {type(value).__name__}"))
        return None
    try:
        return datetime.fromtimestamp(value, UTC).isoformat()
    except (OverflowError, ValueError, OSError):
        problems.append(Problem("response.created", f"is {value!r}: out of the range of dates"))
        return None


def _given_text(container: dict[str, Any], name: str, field: str, problems: list[Problem]) -> str | None:
    """``container[name]`` when it is a non-empty string, None when it is absent (or null, or empty); given as
    anything else (an id sent as a number), a problem on ``field``: never quietly replaced by a default."""
    value = container.get(name)
    if value is None or isinstance(value, str):
        return value or None
    problems.append(
        Problem(field, f"must be a string, got {type(value).__name__} {json.dumps(value, default=str)[:80]}")
    )
    return None


# --- preference -------------------------------------------------------------------------------------------------


def _map_preference(
    record: dict[str, Any], source: str, defaults: PreferenceDefaults, day: str, mapped: _LineMapped
) -> None:
    problems: list[Problem] = []
    prompt = _preference_prompt(record)
    if prompt is None:
        problems.append(Problem("prompt", "missing: a string, a message list, or an HH dialogue in chosen"))
    answers = {}
    for name in ("chosen", "rejected"):
        answers[name] = _preference_answer(record.get(name))
        if answers[name] is None:
            problems.append(Problem(name, "must be a string or a message list ending with the assistant's answer"))
    chosen, rejected = answers["chosen"], answers["rejected"]
    if chosen is not None and rejected is not None and normalise_text(chosen) == normalise_text(rejected):
        # One answer thumbed up and down at once teaches nothing, and curation would pair it with itself.
        problems.append(Problem("rejected", "is the same answer as chosen (ignoring white space): no preference"))
    given = {
        name: _given_text(record, name, name, problems)
        for name in ("user_id", "timestamp", "session_id", "use_case", "model_version")
    }
    if problems:
        mapped.add(source, None, problems, lambda: record)
        return
    pair = content_id("preference", prompt, answers["chosen"], answers["rejected"])
    user = given["user_id"] or pair
    timestamp = given["timestamp"] or _midnight(day)
    events = []
    for name, thumb in (("chosen", "up"), ("rejected", "down")):
        interaction_id = f"{pair}-{name}"
        envelope = {
            "schema_version": 1,
            "timestamp": timestamp,
            "interaction_id": interaction_id,
            "session_id": given["session_id"] or pair,
            "user_id": user,
        }
        interaction = {
            **envelope,
            "event_id": interaction_id,
            "event_type": "interaction",
            "use_case": given["use_case"] or defaults.use_case,
            "prompt": prompt,
            "system_prompt_version": NO_SYSTEM_PROMPT,
            "response": answers[name],
            "model_version": given["model_version"] or defaults.model_version,
            "latency_ms": 0.0,
            "prompt_tokens": 0,
            "completion_tokens": 0,
        }
        events += [
            interaction,
            {**envelope, "event_id": f"{interaction_id}-feedback", "event_type": "feedback", "thumb": thumb},
        ]
    pair_mapped = Mapped()
    pair_mapped.add_together(source, events, lambda: record)
    mapped.rejections += pair_mapped.rejections
    (mapped.events if given["timestamp"] else mapped.undated).extend(pair_mapped.events)


def _preference_prompt(record: dict[str, Any]) -> str | None:
    prompt = record.get("prompt")
    if isinstance(prompt, str) and prompt.strip():
        return prompt
    if isinstance(prompt, list):
        return _last_message_text(prompt, ("user",))
    chosen = record.get("chosen")
    if isinstance(chosen, list):
        return _last_message_text(chosen[:-1], ("user",))
    if isinstance(chosen, str) and _HH_ASSISTANT in chosen:
        dialogue = chosen[: chosen.rindex(_HH_ASSISTANT)]
        last_human = dialogue.rfind("\n\nHuman:")
        return dialogue[last_human + len("\n\nHuman:") :].strip() if last_human >= 0 else None
    return None


def _preference_answer(value: Any) -> str | None:
    """The answer of a chosen or rejected value; an empty answer is one (a model that said nothing)."""
    if isinstance(value, str):
        answer = value[value.rindex(_HH_ASSISTANT) + len(_HH_ASSISTANT) :] if _HH_ASSISTANT in value else value
        return answer.strip()
    if isinstance(value, list) and value and isinstance(value[-1], dict) and value[-1].get("role") == "assistant":
        return _content_text(value[-1].get("content"))
    return None
