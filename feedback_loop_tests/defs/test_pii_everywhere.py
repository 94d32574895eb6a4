"""Personal data planted in every string field of the events reaches neither the warehouse, nor the dashboard, nor
the Dagster event log: the whole of ingestion_job and kpi_dashboard on a temporary instance, every output scanned."""

from __future__ import annotations

import json
from datetime import date

import dagster as dg
import pyarrow.parquet as pq
import pytest

from feedback_loop.runs import open_instance, run_dashboard, run_ingestion
from feedback_loop.settings import Settings
from feedback_loop.simulate import simulate_day

pytestmark = pytest.mark.slow

DAY = "2026-11-01"
# The string fields an application fills (thumb, flag, action, outcome are enumerations; ids too are strings).
INTERACTION_FIELDS = ("event_id", "interaction_id", "session_id", "user_id", "use_case", "user_segment", "prompt",
                      "system_prompt_version", "response", "model_version", "adapter_version")  # fmt: skip
FEEDBACK_FIELDS = ("event_id", "session_id", "user_id", "correction", "comment")
BEHAVIOUR_FIELDS = ("event_id", "session_id", "user_id")


def _card(seed: int) -> str:
    """A Visa-like card number that passes the Luhn check, grouped by four."""
    body = [4, *(int(d) for d in f"{seed:014d}")]
    total = sum(d if i % 2 else (2 * d if 2 * d < 10 else 2 * d - 9) for i, d in enumerate(reversed(body)))
    digits = "".join(map(str, body)) + str((10 - total % 10) % 10)
    return " ".join(digits[i : i + 4] for i in range(0, 16, 4))


def _pii(event_type: str, field: str, number: int) -> dict[str, str]:
    """Personal data of its own for one field, so that a leak names the field."""
    return {
        "email": f"{event_type}.{field.replace('_', '.')}@example.com",
        "phone": f"+1 415-555-{number:04d}",
        "card": _card(9_000 + number),
    }


def _planted(field: str, pii: dict[str, str]) -> str:
    return f"{field} of Ana, mail {pii['email']} or call {pii['phone']}, card {pii['card']} ok"


def _plant(settings: Settings) -> dict[tuple[str, str], dict[str, str]]:
    """An interaction, its feedback and behaviour with personal data in every string field; returns it by field."""
    planted, number = {}, 100
    events = {
        "interaction": {
            "event_type": "interaction", "latency_ms": 120.0, "prompt_tokens": 12, "completion_tokens": 30,
        },
        "feedback": {"event_type": "feedback", "thumb": "down", "rating": 2, "flag": "privacy"},
        "behaviour": {"event_type": "behaviour", "reading_time_ms": 900.0, "action": "copy", "outcome": "resolved"},
    }  # fmt: skip
    fields = {"interaction": INTERACTION_FIELDS, "feedback": FEEDBACK_FIELDS, "behaviour": BEHAVIOUR_FIELDS}
    lines = []
    for event_type, event in events.items():
        event = {"schema_version": 1, "timestamp": f"{DAY}T12:00:00Z", **event}
        for field in fields[event_type]:
            number += 1
            planted[(event_type, field)] = pii = _pii(event_type, field, number)
            event[field] = _planted(field, pii)
        lines.append(event)
    # Feedback and behaviour refer to the interaction by its id.
    for event in lines[1:]:
        event["interaction_id"] = lines[0]["interaction_id"]
    # And one invalid line: quarantined, with its text.
    number += 1
    planted[("quarantined", "comment")] = pii = _pii("quarantined", "comment", number)
    invalid = {**lines[1], "event_id": "bad-1", "rating": 9, "comment": _planted("comment", pii)}
    path = settings.layout.landing / DAY / "planted.jsonl"
    path.write_text("".join(json.dumps(event) + "\n" for event in [*lines, invalid]))
    return planted


def _warehouse_text(settings: Settings) -> dict[str, str]:
    """Every Parquet file under the data root (warehouse tables, embeddings), decoded row by row."""
    return {
        str(path.relative_to(settings.data_dir)): json.dumps(pq.read_table(path).to_pylist(), default=str)
        for path in settings.data_dir.rglob("*.parquet")
    }


def _other_files(settings: Settings) -> dict[str, str]:
    """Every other file the pipeline wrote (the dashboard, manifests, registries, models), as bytes read as text."""
    skipped = {settings.layout.landing, settings.dagster_home}
    return {
        str(path.relative_to(settings.data_dir)): path.read_bytes().decode("latin-1")
        for path in settings.data_dir.rglob("*")
        if path.is_file() and path.suffix != ".parquet" and not any(path.is_relative_to(s) for s in skipped)
    }


def _event_log(instance: dg.DagsterInstance) -> dict[str, str]:
    """Every record of every run's event log (metadata, check results, log messages), serialized."""
    return {
        f"event log of run {run.run_id} ({run.job_name})": "\n".join(
            dg.serialize_value(record) for record in instance.all_logs(run.run_id)
        )
        for run in instance.get_runs()
    }


def test_pii_planted_in_every_string_field_reaches_no_output(tmp_path):
    """Issue 9: an e-mail address in `adapter_version` reached the events, labels, review queue, KPIs, the
    dashboard and the Dagster event log. The application's keys (event and interaction ids) holding personal data
    become pseudonyms whole, and the feedback and behaviour still join their interaction."""
    settings = Settings(data_dir=tmp_path / "data", dagster_home=tmp_path / "home", first_day=date(2026, 11, 1))
    simulate_day(settings.layout.landing, date.fromisoformat(DAY), 150, seed=0)
    planted = _plant(settings)

    with open_instance(settings) as instance:
        assert run_ingestion(settings, DAY, DAY, instance).success
        assert run_dashboard(settings, instance).success
        outputs = {**_warehouse_text(settings), **_other_files(settings), **_event_log(instance)}
    assert any(name.startswith("warehouse/events/") for name in outputs)
    assert "reports/dashboard.html" in outputs
    assert sum(name.startswith("event log") for name in outputs) == 2
    # The planted rows were stored, not dropped: their placeholders are there.
    assert "<EMAIL>" in outputs["reports/dashboard.html"] or any(
        "<EMAIL>" in text for name, text in outputs.items() if name.startswith("warehouse/events/")
    )

    leaks = sorted(
        f"{event_type}.{field}: {kind} {value!r} in {name}"
        for (event_type, field), pii in planted.items()
        for kind, value in pii.items()
        for name, text in outputs.items()
        if value in text or value.replace(" ", "").replace("-", "") in text
    )
    assert not leaks, "\n".join(leaks)
    events = pq.read_table(settings.layout.warehouse / "events" / f"date={DAY}" / "part-0.parquet").to_pylist()
    planted_ids = {e["interaction_id"] for e in events if e["prompt"] and e["prompt"].startswith("prompt of")}
    (interaction_id,) = planted_ids
    assert interaction_id.startswith("p_")
    assert sorted(e["event_type"] for e in events if e["interaction_id"] == interaction_id) == [
        "behaviour", "feedback", "interaction"
    ]  # fmt: skip
