"""The telemetry event contract (JSON Lines, one event per line) and its version.

Three event types share an envelope (``schema_version``, ``event_id``, ``event_type``, ``timestamp``,
``interaction_id``, ``session_id``, ``user_id``):

* ``interaction``: the application answered a prompt (prompt, response, model and adapter version, latency,
  token counts, and optionally the user's segment as the application knows it, e.g. their plan). Its
  ``interaction_id`` names the interaction that feedback and behaviour events refer to.
* ``feedback``: what the user said about an interaction: any of ``thumb`` (up/down), ``rating`` (1-5),
  ``correction`` (the response the user wanted), ``flag`` (a reason such as offensive or wrong) and
  ``comment`` (free text). At least one must be present.
* ``behaviour``: what the user did: any of ``reading_time_ms``, ``action`` (retry, copy, edit, escalate,
  accept) and ``outcome`` (resolved, escalated, converted, abandoned). At least one must be present.

Feedback and behaviour may arrive days after their interaction: they are stored in the partition of the day
they landed and joined to the interaction by ``interaction_id`` at labeling time.

The warehouse stores every valid event as one row of :data:`EVENT_COLUMNS` (fields that do not apply to an
event type are null). The README section "Telemetry schema" has examples.

Validation is strict (docs/telemetry-schema.md, "Validation rules"): nothing is coerced from another JSON type
(``"14"`` and ``true`` are not counts, ``"5"`` is not a rating, an epoch number is not a timestamp; ``14.0`` is the
number 14, and ``14.5`` no count), numbers are finite, counts
and durations are bounded (:data:`MAX_COUNT`, :data:`MAX_MILLISECONDS`), ids and labels are not blank, strings
hold no lone surrogate, and a timestamp lies in the years :data:`TIMESTAMP_YEARS` once converted to UTC (a caller
may move that range with the validation context ``{"timestamp_years": (first, last)}``; ingestion's is
configurable).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    TypeAdapter,
    ValidationInfo,
    field_validator,
    model_validator,
)

SCHEMA_VERSION = 1
# A landing line {"rejected": {"source", "field", "reason", "record"}} is a record that a collector or an
# importer received but could not turn into an event; ingestion quarantines it with that field and reason.
REJECTED_KEY = "rejected"

ThumbValue = Literal["up", "down"]
FlagReason = Literal["offensive", "wrong", "harmful", "off_topic", "privacy", "other"]
Action = Literal["retry", "copy", "edit", "escalate", "accept"]
Outcome = Literal["resolved", "escalated", "converted", "abandoned"]
FLAG_REASONS: tuple[str, ...] = get_args(FlagReason)

# The default first and last year of a valid timestamp, in UTC: wide enough for any real event, narrow enough
# that every date a stage derives from one (a day before, a window after) stays within what Python represents.
TIMESTAMP_YEARS = (2000, 2099)
TIMESTAMP_YEARS_CONTEXT = "timestamp_years"
# Bounds of one event's numbers, far beyond any real value, so that a day's sums still fit the KPI columns
# (int64 token sums of two billion interactions, float latencies summed without overflowing to infinity).
MAX_COUNT = 2**31 - 1
# The system_prompt_version of an interaction served without any system prompt (the collector and the importers
# write it where a source has no instructions and names no version).
NO_SYSTEM_PROMPT = "none"
MAX_MILLISECONDS = 1e12
# The start of an ISO 8601 date-time: a string of digits alone would pass pydantic as seconds since the epoch.
DAY_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME_START = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")
# The contract's parser of a timestamp (the envelope's field type): :func:`event_day` reads one as validation did.
_TIMESTAMP: TypeAdapter[datetime] = TypeAdapter(datetime)


def calendar_day(value: object, what: str) -> date:
    """``value`` as a date if it is a real calendar day written ``YYYY-MM-DD`` (days name landing folders and
    partitions; ``date.fromisoformat`` alone also takes 20260105 and 2026-W02-1), else a ValueError naming ``what``."""
    if not isinstance(value, str) or not DAY_PATTERN.fullmatch(value):
        raise ValueError(f"{what} {value!r} is not a calendar day YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:  # 2026-02-30 would name a partition that nothing reads
        raise ValueError(f"{what} {value!r} is not a calendar day YYYY-MM-DD ({exc})") from exc


def event_day(timestamp: str | datetime) -> str:
    """The calendar day (``YYYY-MM-DD``) in UTC of a timestamp the contract accepts: the day an event lands in and
    is counted under, as ingestion and the collector count days. Its written date may be another one:
    ``2026-11-01T23:30:00-05:00`` is 2026-11-02 in UTC."""
    parsed = timestamp if isinstance(timestamp, datetime) else _TIMESTAMP.validate_python(timestamp)
    if parsed.tzinfo is None:
        raise ValueError(f"timestamp {timestamp!r} carries no time zone: it names no UTC day")
    return parsed.astimezone(UTC).date().isoformat()


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


def _whole_number(value: Any) -> Any:
    """A float that is a whole number as the int it is: JSON has one number type, and OTLP/JSON clients (every
    JavaScript exporter) write each number as a double, ``12.0``. Any other float is no count, nor a rating."""
    if type(value) is float:
        if not value.is_integer():
            raise ValueError("must be a whole number")
        return int(value)
    return value


# A number that must be whole: an int, or a float such as 12.0 (as that int); never "12", 12.5 or true.
_WholeNumber = BeforeValidator(_whole_number)
# Not blank: an id or label of spaces names nothing.
NonEmpty = Annotated[str, Field(min_length=1), AfterValidator(_not_blank)]
# A token count: a whole JSON number (14 or 14.0, not "14", 14.5 or true), bounded (2**63 and beyond are not counts).
Count = Annotated[int, _WholeNumber, Strict(), Field(ge=0, le=MAX_COUNT)]
# A duration in milliseconds: a finite JSON number (an int is a number too; "inf", 1e999 and true are not).
Milliseconds = Annotated[float, Strict(), Field(ge=0, le=MAX_MILLISECONDS, allow_inf_nan=False)]


class _Envelope(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)

    schema_version: Literal[1]
    event_id: NonEmpty
    timestamp: datetime
    interaction_id: NonEmpty
    session_id: NonEmpty
    user_id: NonEmpty

    # Field validators (not model validators) so that an error's location names the field.
    @field_validator("timestamp", mode="before")
    @classmethod
    def _timestamp_is_iso_text(cls, value: Any) -> Any:
        if isinstance(value, datetime):
            return value
        if not isinstance(value, str) or not _ISO_DATETIME_START.match(value):
            raise ValueError("timestamp must be an ISO 8601 date-time string such as 2026-11-01T09:30:00Z")
        return value

    @field_validator("timestamp")
    @classmethod
    def _timestamp_in_range(cls, value: datetime, info: ValidationInfo) -> datetime:
        if value.tzinfo is None:
            raise ValueError("timestamp must carry a time zone (e.g. 2026-11-01T09:30:00Z)")
        first, last = (info.context or {}).get(TIMESTAMP_YEARS_CONTEXT, TIMESTAMP_YEARS)
        try:
            utc = value.astimezone(UTC)
        except OverflowError:
            utc = None  # year 1 or 9999 pushed past Python's dates by its offset
        if utc is None or not first <= utc.year <= last:
            raise ValueError(f"timestamp must lie in the years {first} to {last} (UTC)")
        return utc


class InteractionEvent(_Envelope):
    event_type: Literal["interaction"]
    use_case: NonEmpty
    # Optional and additive, so the schema version stays 1; KPIs group a missing segment as "unknown".
    user_segment: NonEmpty | None = None
    prompt: NonEmpty
    system_prompt_version: NonEmpty
    response: str
    model_version: NonEmpty
    adapter_version: NonEmpty | None = None
    latency_ms: Milliseconds
    prompt_tokens: Count
    completion_tokens: Count

    # "\ud800" is valid JSON but no UTF-8 text: no table, log or Parquet file could store it. pydantic itself
    # refuses one in a constrained string (every other string field); the response may be blank, so it is not one.
    @field_validator("response")
    @classmethod
    def _no_lone_surrogate(cls, value: str) -> str:
        if _SURROGATE.search(value):
            raise ValueError("string holds a lone surrogate (an escape such as \\ud800), which is not text")
        return value


class FeedbackEvent(_Envelope):
    event_type: Literal["feedback"]
    thumb: ThumbValue | None = None
    rating: Annotated[int, _WholeNumber, Strict(), Field(ge=1, le=5)] | None = None
    correction: NonEmpty | None = None
    flag: FlagReason | None = None
    comment: NonEmpty | None = None

    @model_validator(mode="after")
    def _carries_a_signal(self):
        if all(getattr(self, f) is None for f in ("thumb", "rating", "correction", "flag", "comment")):
            raise ValueError("feedback event carries none of thumb, rating, correction, flag, comment")
        return self


class BehaviourEvent(_Envelope):
    event_type: Literal["behaviour"]
    reading_time_ms: Milliseconds | None = None
    action: Action | None = None
    outcome: Outcome | None = None

    @model_validator(mode="after")
    def _carries_a_signal(self):
        if all(getattr(self, f) is None for f in ("reading_time_ms", "action", "outcome")):
            raise ValueError("behaviour event carries none of reading_time_ms, action, outcome")
        return self


Event = Annotated[InteractionEvent | FeedbackEvent | BehaviourEvent, Field(discriminator="event_type")]
EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)

# The models of the Event union, in order.
EVENT_MODELS: tuple[type[BaseModel], ...] = get_args(get_args(Event)[0])
# Column order of the warehouse ``events`` table, every event type mapped onto it: the row's keys first, then
# every model's fields in the order they are declared (the envelope's, then each event type's own).
EVENT_COLUMNS: tuple[str, ...] = tuple(
    dict.fromkeys(["event_id", "event_type", *(name for model in EVENT_MODELS for name in model.model_fields)])
)


def event_to_row(event: InteractionEvent | FeedbackEvent | BehaviourEvent) -> dict:
    """Flatten a validated event into one warehouse row (absent fields are None)."""
    data = event.model_dump()
    return {column: data.get(column) for column in EVENT_COLUMNS}


def events_arrow_schema():
    """The pyarrow schema of the warehouse ``events`` table."""
    import pyarrow as pa

    string = pa.string()
    types = {
        "schema_version": pa.int32(),
        "timestamp": pa.timestamp("us", tz="UTC"),
        "latency_ms": pa.float64(),
        "prompt_tokens": pa.int64(),
        "completion_tokens": pa.int64(),
        "rating": pa.int32(),
        "reading_time_ms": pa.float64(),
    }
    return pa.schema([(c, types.get(c, string)) for c in EVENT_COLUMNS])
