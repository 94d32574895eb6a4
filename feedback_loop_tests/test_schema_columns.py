"""The warehouse's event columns are the event models' fields, in a stable order."""

from feedback_loop.schema import (
    EVENT_COLUMNS,
    BehaviourEvent,
    FeedbackEvent,
    InteractionEvent,
    event_to_row,
    events_arrow_schema,
)


def test_event_columns_are_every_field_of_every_event_type_once():
    fields = {name for model in (InteractionEvent, FeedbackEvent, BehaviourEvent) for name in model.model_fields}
    assert set(EVENT_COLUMNS) == fields and len(EVENT_COLUMNS) == len(fields)
    # Stored partitions were written in this order: the keys of a row, the envelope, then each type's fields.
    assert EVENT_COLUMNS[:7] == (
        "event_id",
        "event_type",
        "schema_version",
        "timestamp",
        "interaction_id",
        "session_id",
        "user_id",
    )
    assert EVENT_COLUMNS[-3:] == ("reading_time_ms", "action", "outcome")
    assert events_arrow_schema().names == list(EVENT_COLUMNS)


def test_a_row_has_every_column():
    event = FeedbackEvent(
        schema_version=1,
        event_id="e1",
        event_type="feedback",
        timestamp="2026-11-01T10:00:00Z",
        interaction_id="i1",
        session_id="s1",
        user_id="u1",
        thumb="up",
    )
    row = event_to_row(event)
    assert list(row) == list(EVENT_COLUMNS)
    assert (row["thumb"], row["prompt"], row["outcome"]) == ("up", None, None)
