"""Safety signals by segment: figures added up over breakdown rows, alerts above the rates, evidence."""

from __future__ import annotations

import pyarrow as pa
import pydantic
import pytest

from feedback_loop.analytics.kpi import KPI_SCHEMA
from feedback_loop.analytics.safety import SafetySpec, safety_alerts, segment_safety


def row(adapter, segment, interactions, flagged=0, complaints=0, **flags) -> dict:
    """A breakdown row: ``flagged`` interactions with any flag, ``flags`` the per-reason counts."""
    values = {field.name: 0 if field.type == pa.int64() else None for field in KPI_SCHEMA}
    values.update(adapter_version=adapter, use_case="support", user_segment=segment, interactions=interactions,
                  complaints=complaints, flagged=flagged, **{f"flags_{reason}": n for reason, n in flags.items()},
                  flag_rate=flagged / interactions if interactions else None,
                  complaint_rate=complaints / interactions if interactions else None)  # fmt: skip
    return values


def kpis(rows: list[dict]) -> pa.Table:
    total = row("all", "all", sum(r["interactions"] for r in rows))
    total["use_case"] = "all"
    return pa.Table.from_pylist([total, *rows], schema=KPI_SCHEMA)


# "pro" spans two adapters: 7 flagged of 100 (7%), 20 complaints (20%).
# "free": 30 flagged of 100 (30%; one interaction flagged both wrong and offensive), 32 complaints (32%).
# "trial": 4 of 10 flagged (40%), but only 10 interactions.
TABLE = kpis([
    row("base", "pro", 60, flagged=5, complaints=12, wrong=5),
    row("lora-a", "pro", 40, flagged=2, complaints=8, offensive=2),
    row("base", "free", 100, flagged=30, complaints=32, wrong=21, offensive=10),
    row("base", "trial", 10, flagged=4, complaints=4, harmful=4),
])  # fmt: skip


def test_segment_figures_add_up_the_breakdown_rows_and_leave_out_the_day_total():
    segments = {s["segment"]: s for s in segment_safety(TABLE)}
    assert list(segments) == ["free", "pro", "trial"]
    pro = segments["pro"]
    assert (pro["interactions"], pro["flagged"], pro["complaints"]) == (100, 7, 20)
    assert pro["flag_rate"] == pytest.approx(0.07) and pro["complaint_rate"] == pytest.approx(0.20)
    assert pro["flags_by_reason"] == {
        "offensive": 2, "wrong": 5, "harmful": 0, "off_topic": 0, "privacy": 0, "other": 0
    }  # fmt: skip
    # Interactions flagged for two reasons count once in the rate.
    assert segments["free"]["flagged"] == 30 and sum(segments["free"]["flags_by_reason"].values()) == 31


STRICT = SafetySpec(max_flag_rate=0.1, max_complaint_rate=0.25, min_segment_interactions=50)


def test_alerts_fire_above_the_rates_only_with_enough_interactions_and_carry_the_evidence():
    alerts = safety_alerts(TABLE, STRICT)
    assert [a["segment"] for a in alerts] == ["free"]  # trial is above both rates but has 10 interactions
    free = alerts[0]
    assert free["breached"] == ["flag_rate", "complaint_rate"]
    assert (free["interactions"], free["flagged"], free["complaints"]) == (100, 30, 32)
    assert free["flag_rate"] == pytest.approx(0.30) and free["complaint_rate"] == pytest.approx(0.32)
    assert (free["max_flag_rate"], free["max_complaint_rate"], free["min_segment_interactions"]) == (0.1, 0.25, 50)
    assert free["flags_by_reason"]["wrong"] == 21

    with_trial = safety_alerts(
        TABLE, SafetySpec(max_flag_rate=0.1, max_complaint_rate=0.25, min_segment_interactions=10)
    )
    assert [a["segment"] for a in with_trial] == ["free", "trial"]
    # A rate equal to the limit is not above it; only the complaint rate breaches here.
    at_limit = safety_alerts(
        TABLE, SafetySpec(max_flag_rate=0.30, max_complaint_rate=0.31, min_segment_interactions=50)
    )
    assert [(a["segment"], a["breached"]) for a in at_limit] == [("free", ["complaint_rate"])]
    assert safety_alerts(TABLE, SafetySpec(max_flag_rate=0.5, max_complaint_rate=0.5, min_segment_interactions=1)) == []


def test_bad_thresholds_and_tables_are_errors_naming_the_field():
    with pytest.raises(pydantic.ValidationError, match="max_flag_rate"):
        SafetySpec(max_flag_rate=1.5)
    with pytest.raises(pydantic.ValidationError, match="max_complaint_rate"):
        SafetySpec(max_complaint_rate=-0.1)
    with pytest.raises(pydantic.ValidationError, match="min_segment_interactions"):
        SafetySpec(min_segment_interactions=0)
    with pytest.raises(ValueError, match=r"lacks the columns \['complaints'\]"):
        segment_safety(TABLE.drop_columns(["complaints"]))
