"""compute_kpis against figures computed by hand on a small day, late feedback, prices and bad input."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from feedback_loop.analytics.kpi import (
    KPI_COLUMNS,
    KPI_SCHEMA,
    ModelPrice,
    Prices,
    compute_kpis,
    load_prices,
    unpriced_models,
)
from feedback_loop.label import label_interactions, labels_arrow_schema
from feedback_loop.schema import EVENT_ADAPTER, event_to_row, events_arrow_schema
from feedback_loop.warehouse import Warehouse

DAY, NEXT_DAY = "2026-11-01", "2026-11-02"
T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
LATE = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
# $1 per 1k prompt tokens and $2 per 1k completion tokens keep the cost arithmetic readable.
PRICES = Prices({"base-*": ModelPrice(1.0, 2.0)}, "test")


def interaction(iid, minute, session, adapter, use_case, segment, prompt_tokens, completion_tokens, *, at=None,
                model="base-abc"):  # fmt: skip
    event = {
        "schema_version": 1, "event_id": f"e-{iid}", "event_type": "interaction",
        "timestamp": at or T0 + timedelta(minutes=minute), "interaction_id": iid, "session_id": session,
        "user_id": f"u-{session}", "use_case": use_case, "prompt": f"question {iid}", "system_prompt_version": "sp-1",
        "response": f"answer {iid}", "model_version": model, "adapter_version": adapter, "latency_ms": 100.0,
        "prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
    }  # fmt: skip
    if segment is not None:
        event["user_segment"] = segment
    return event


def signal(kind, iid, event_id, minute=None, *, at=None, **fields):
    return {
        "schema_version": 1, "event_id": event_id, "event_type": kind,
        "timestamp": at or T0 + timedelta(minutes=minute), "interaction_id": iid, "session_id": "any",
        "user_id": "any", **fields,
    }  # fmt: skip


def table(events: list[dict], date: str) -> pa.Table:
    rows = [event_to_row(EVENT_ADAPTER.validate_python(event)) for event in events]
    events_table = pa.Table.from_pylist(rows, schema=events_arrow_schema())
    return events_table.append_column("date", pa.array([date] * len(rows), pa.string()))


# Groups: G1 base/support/free, G2 base/support/pro, G3 base/billing/free, G4 lora-a/support/pro,
# G5 lora-a/billing/pro, G6 lora-a/billing/no segment. Sessions s1..s8; s6 spans G4 and G5.
INTERACTIONS = [
    interaction("i1", 0, "s1", None, "support", "free", 100, 200),  # cost 0.1 + 0.4 = 0.5
    interaction("i2", 2, "s1", None, "support", "free", 50, 100),  # 0.05 + 0.2 = 0.25
    interaction("i3", 10, "s2", None, "support", "free", 200, 300),  # 0.2 + 0.6 = 0.8
    interaction("i4", 20, "s3", None, "support", "pro", 100, 100),  # 0.1 + 0.2 = 0.3
    interaction("i5", 25, "s3", None, "support", "pro", 100, 400),  # 0.1 + 0.8 = 0.9
    interaction("i6", 30, "s4", None, "billing", "free", 300, 100),  # 0.3 + 0.2 = 0.5
    interaction("i7", 40, "s5", "lora-a", "support", "pro", 100, 200),  # 0.5
    interaction("i8", 43, "s5", "lora-a", "support", "pro", 100, 200),  # 0.5
    interaction("i9", 50, "s6", "lora-a", "support", "pro", 150, 250),  # 0.15 + 0.5 = 0.65
    interaction("i10", 55, "s6", "lora-a", "billing", "pro", 50, 50),  # 0.05 + 0.1 = 0.15
    interaction("i11", 60, "s7", "lora-a", "billing", "pro", 100, 100),  # 0.3
    interaction("i12", 70, "s8", "lora-a", "billing", None, 200, 200),  # 0.2 + 0.4 = 0.6
]
SIGNALS_ON_THE_DAY = [
    signal("feedback", "i1", "f1", 1, thumb="up", rating=5),
    signal("behaviour", "i1", "b1", 1, reading_time_ms=4000, action="accept", outcome="resolved"),
    signal("feedback", "i2", "f2", 3, thumb="down", correction="the right answer"),
    signal("behaviour", "i2", "b2", 3, reading_time_ms=2000, outcome="abandoned"),
    signal("feedback", "i4", "f4", 21, rating=2, flag="wrong"),
    signal("behaviour", "i4", "b4", 21, action="escalate", outcome="escalated"),
    signal("feedback", "i5", "f5", 26, thumb="up"),
    signal("behaviour", "i5", "b5", 27, reading_time_ms=6000, action="copy", outcome="resolved"),
    signal("feedback", "i6", "f6", 31, thumb="down", comment="This answer is terrible."),
    signal("behaviour", "i6", "b6", 33, outcome="converted"),
    signal("feedback", "i7", "f7", 41, thumb="up", rating=4),
    signal("behaviour", "i7", "b7", 41, reading_time_ms=3000),
    signal("feedback", "i8", "f8", 44, thumb="down", flag="offensive"),
    signal("behaviour", "i8", "b8", 44, action="escalate"),
    signal("feedback", "i9", "f9", 51, thumb="up"),
    signal("behaviour", "i9", "b9", 52, outcome="resolved"),
    signal("feedback", "i10", "f10", 56, rating=3),
    signal("behaviour", "i10", "b10", 57, outcome="resolved"),  # s6's second success: not its completion
    signal("feedback", "i11", "f11", 61, flag="off_topic", comment="Thanks, great answer"),
    signal("behaviour", "i11", "b11", 61, outcome="abandoned"),
    signal("feedback", "i12", "f12", 71, thumb="down", correction="the right answer"),
    signal("behaviour", "i12", "b12", 71, reading_time_ms=1000),
]
# i3's feedback arrives the next morning, with the outcome that completes its session s2 (started 09:10).
LATE_SIGNALS = [
    signal("feedback", "i3", "f3-late", at=LATE, thumb="up", rating=4),
    signal("behaviour", "i3", "b3-late", at=LATE + timedelta(minutes=5), outcome="resolved"),
]
# The next day's own interaction, in the same partition as the late signals.
NEXT_DAY_EVENTS = [
    interaction("i13", 0, "s9", None, "support", "free", 10, 10, at=LATE + timedelta(hours=2)),
    signal("feedback", "i13", "f13", at=LATE + timedelta(hours=2, minutes=1), thumb="down"),
]


def day_kpis(day_events: pa.Table, window: pa.Table, day: str, prices: Prices = PRICES) -> dict[tuple, dict]:
    """KPIs of ``day`` as kpi_daily computes them: labels from the window's signals, rows by their keys."""
    interactions = window.filter(pc.and_(pc.equal(window["event_type"], "interaction"), pc.equal(window["date"], day)))
    labels = label_interactions(interactions, window.filter(pc.not_equal(window["event_type"], "interaction")))
    kpis = compute_kpis(labels, window, prices)
    assert kpis.schema == KPI_SCHEMA and tuple(kpis.column_names) == KPI_COLUMNS
    return {(r["adapter_version"], r["use_case"], r["user_segment"]): r for r in kpis.to_pylist()}


@pytest.fixture(scope="module")
def partitions() -> dict[str, pa.Table]:
    return {
        DAY: table(INTERACTIONS + SIGNALS_ON_THE_DAY, DAY),
        NEXT_DAY: table(LATE_SIGNALS + NEXT_DAY_EVENTS, NEXT_DAY),
    }


def _window(partitions, *days):
    return pa.concat_tables([partitions[d] for d in days])


def assert_row(row: dict, expected: dict) -> None:
    assert set(expected) == set(KPI_COLUMNS) - {"adapter_version", "use_case", "user_segment"}
    for column, value in expected.items():
        if value is None or isinstance(value, int):
            assert row[column] == value, column
        else:
            assert row[column] == pytest.approx(value), column


def test_every_kpi_matches_the_hand_computed_figures(partitions):
    rows = day_kpis(partitions[DAY], _window(partitions, DAY, NEXT_DAY), DAY)
    assert next(iter(rows)) == ("all", "all", "all")
    assert set(rows) == {
        ("all", "all", "all"),
        ("base", "support", "free"), ("base", "support", "pro"), ("base", "billing", "free"),
        ("lora-a", "support", "pro"), ("lora-a", "billing", "pro"), ("lora-a", "billing", "unknown"),
    }  # fmt: skip
    no_flags = {"flags_offensive": 0, "flags_wrong": 0, "flags_harmful": 0, "flags_off_topic": 0,
                "flags_privacy": 0, "flags_other": 0, "early_completions": 0}  # fmt: skip
    assert_row(rows["all", "all", "all"], {
        "interactions": 12, "sessions": 8,
        # thumbs: i1 up, i2 down, i3 up (late), i5 up, i6 down, i7 up, i8 down, i9 up, i12 down
        "thumbs": 9, "thumbs_up": 5, "thumbs_up_rate": 5 / 9,
        # ratings: i1 5, i3 4 (late), i4 2, i7 4, i10 3
        "ratings": 5, "rating_mean": (5 + 4 + 2 + 4 + 3) / 5,
        # outcomes: i1 res, i2 aband, i3 res (late), i4 esc, i5 res, i6 conv, i9 res, i10 res, i11 aband
        "outcomes": 9, "resolved": 6, "resolution_rate": 6 / 9,
        "escalated": 2, "escalation_rate": 2 / 12,  # i4 (action and outcome), i8 (action)
        # completions: s1 by i1 at +60 s, s2 by i3's late outcome at 09:10 -> next day 08:05 = 82,500 s,
        # s3 by i5 at +420 s (i4's escalation is no success), s4 by i6 (converted) at +180 s, s6 by i9 at +120 s
        "completed_sessions": 5, "time_to_completion_s_mean": (60 + 82_500 + 420 + 180 + 120) / 5,
        "reading_time_ms_mean": (4000 + 2000 + 6000 + 3000 + 1000) / 5,  # i1, i2, i5, i7, i12
        "corrections": 2, "correction_rate": 2 / 12,  # i2, i12
        **no_flags, "flags_offensive": 1, "flags_wrong": 1, "flags_off_topic": 1,  # i8, i4, i11
        "flagged": 3, "flag_rate": 3 / 12,
        "complaints": 4, "complaint_rate": 4 / 12,  # the three flagged, and i6's negative comment
        "prompt_tokens": 1550, "completion_tokens": 2200,
        "cost_usd": 1550 / 1000 * 1.0 + 2200 / 1000 * 2.0,  # 5.95
        "cost_per_resolved_usd": 5.95 / 6, "unpriced_interactions": 0,
    })  # fmt: skip
    assert_row(rows["base", "support", "free"], {  # i1, i2, i3
        "interactions": 3, "sessions": 2, "thumbs": 3, "thumbs_up": 2, "thumbs_up_rate": 2 / 3,
        "ratings": 2, "rating_mean": (5 + 4) / 2, "outcomes": 3, "resolved": 2, "resolution_rate": 2 / 3,
        "escalated": 0, "escalation_rate": 0.0, "completed_sessions": 2, "time_to_completion_s_mean": (60 + 82_500) / 2,
        "reading_time_ms_mean": (4000 + 2000) / 2, "corrections": 1, "correction_rate": 1 / 3, **no_flags,
        "flagged": 0, "flag_rate": 0.0, "complaints": 0, "complaint_rate": 0.0, "prompt_tokens": 350,
        "completion_tokens": 600,
        "cost_usd": 0.5 + 0.25 + 0.8, "cost_per_resolved_usd": 1.55 / 2, "unpriced_interactions": 0,
    })  # fmt: skip
    assert_row(rows["base", "support", "pro"], {  # i4, i5
        "interactions": 2, "sessions": 1, "thumbs": 1, "thumbs_up": 1, "thumbs_up_rate": 1.0,
        "ratings": 1, "rating_mean": 2.0, "outcomes": 2, "resolved": 1, "resolution_rate": 0.5,
        "escalated": 1, "escalation_rate": 0.5, "completed_sessions": 1, "time_to_completion_s_mean": 420.0,
        "reading_time_ms_mean": 6000.0, "corrections": 0, "correction_rate": 0.0, **no_flags, "flags_wrong": 1,
        "flagged": 1, "flag_rate": 0.5, "complaints": 1, "complaint_rate": 0.5, "prompt_tokens": 200,
        "completion_tokens": 500,
        "cost_usd": 0.3 + 0.9, "cost_per_resolved_usd": 1.2, "unpriced_interactions": 0,
    })  # fmt: skip
    assert_row(rows["base", "billing", "free"], {  # i6: converted, negative comment, nothing rated or read
        "interactions": 1, "sessions": 1, "thumbs": 1, "thumbs_up": 0, "thumbs_up_rate": 0.0,
        "ratings": 0, "rating_mean": None, "outcomes": 1, "resolved": 1, "resolution_rate": 1.0,
        "escalated": 0, "escalation_rate": 0.0, "completed_sessions": 1, "time_to_completion_s_mean": 180.0,
        "reading_time_ms_mean": None, "corrections": 0, "correction_rate": 0.0, **no_flags, "flagged": 0,
        "flag_rate": 0.0,
        "complaints": 1, "complaint_rate": 1.0, "prompt_tokens": 300, "completion_tokens": 100,
        "cost_usd": 0.5, "cost_per_resolved_usd": 0.5, "unpriced_interactions": 0,
    })  # fmt: skip
    assert_row(rows["lora-a", "support", "pro"], {  # i7, i8, i9; s6 completes here, by i9
        "interactions": 3, "sessions": 2, "thumbs": 3, "thumbs_up": 2, "thumbs_up_rate": 2 / 3,
        "ratings": 1, "rating_mean": 4.0, "outcomes": 1, "resolved": 1, "resolution_rate": 1.0,
        "escalated": 1, "escalation_rate": 1 / 3, "completed_sessions": 1, "time_to_completion_s_mean": 120.0,
        "reading_time_ms_mean": 3000.0, "corrections": 0, "correction_rate": 0.0, **no_flags, "flags_offensive": 1,
        "flagged": 1, "flag_rate": 1 / 3, "complaints": 1, "complaint_rate": 1 / 3, "prompt_tokens": 350,
        "completion_tokens": 650,
        "cost_usd": 0.5 + 0.5 + 0.65, "cost_per_resolved_usd": 1.65, "unpriced_interactions": 0,
    })  # fmt: skip
    assert_row(rows["lora-a", "billing", "pro"], {  # i10 (s6's later success), i11
        "interactions": 2, "sessions": 2, "thumbs": 0, "thumbs_up": 0, "thumbs_up_rate": None,
        "ratings": 1, "rating_mean": 3.0, "outcomes": 2, "resolved": 1, "resolution_rate": 0.5,
        "escalated": 0, "escalation_rate": 0.0, "completed_sessions": 0, "time_to_completion_s_mean": None,
        "reading_time_ms_mean": None, "corrections": 0, "correction_rate": 0.0, **no_flags, "flags_off_topic": 1,
        "flagged": 1, "flag_rate": 0.5, "complaints": 1, "complaint_rate": 0.5, "prompt_tokens": 150,
        "completion_tokens": 150,
        "cost_usd": 0.15 + 0.3, "cost_per_resolved_usd": 0.45, "unpriced_interactions": 0,
    })  # fmt: skip
    assert_row(rows["lora-a", "billing", "unknown"], {  # i12, no segment reported
        "interactions": 1, "sessions": 1, "thumbs": 1, "thumbs_up": 0, "thumbs_up_rate": 0.0,
        "ratings": 0, "rating_mean": None, "outcomes": 0, "resolved": 0, "resolution_rate": None,
        "escalated": 0, "escalation_rate": 0.0, "completed_sessions": 0, "time_to_completion_s_mean": None,
        "reading_time_ms_mean": 1000.0, "corrections": 1, "correction_rate": 1.0, **no_flags, "flagged": 0,
        "flag_rate": 0.0,
        "complaints": 0, "complaint_rate": 0.0, "prompt_tokens": 200, "completion_tokens": 200,
        "cost_usd": 0.6, "cost_per_resolved_usd": None, "unpriced_interactions": 0,
    })  # fmt: skip


def test_late_feedback_updates_its_own_day_and_not_the_day_it_landed(partitions):
    before = day_kpis(partitions[DAY], _window(partitions, DAY), DAY)["all", "all", "all"]
    after = day_kpis(partitions[DAY], _window(partitions, DAY, NEXT_DAY), DAY)["all", "all", "all"]
    # Without the next day's partition, i3 has no thumb, rating or outcome and s2 never completes.
    assert (before["thumbs"], before["thumbs_up"], after["thumbs"], after["thumbs_up"]) == (8, 4, 9, 5)
    assert before["thumbs_up_rate"] == pytest.approx(4 / 8) and after["thumbs_up_rate"] == pytest.approx(5 / 9)
    assert before["rating_mean"] == pytest.approx((5 + 2 + 4 + 3) / 4) and after["rating_mean"] == pytest.approx(3.6)
    assert (before["outcomes"], before["resolved"]) == (8, 5) and (after["outcomes"], after["resolved"]) == (9, 6)
    assert before["completed_sessions"] == 4 and before["time_to_completion_s_mean"] == pytest.approx(
        (60 + 420 + 180 + 120) / 4
    )
    assert before["cost_per_resolved_usd"] == pytest.approx(5.95 / 5)
    assert after["cost_per_resolved_usd"] == pytest.approx(5.95 / 6)

    # The late signals sit in the next day's partition but are about the first day: they count only there.
    next_day = day_kpis(partitions[NEXT_DAY], _window(partitions, NEXT_DAY), NEXT_DAY)
    assert set(next_day) == {("all", "all", "all"), ("base", "support", "free")}
    total = next_day["all", "all", "all"]
    assert (total["interactions"], total["sessions"], total["thumbs"], total["thumbs_up"]) == (1, 1, 1, 0)
    assert (total["ratings"], total["outcomes"], total["resolved"], total["completed_sessions"]) == (0, 0, 0, 0)
    assert total["rating_mean"] is None and total["time_to_completion_s_mean"] is None
    assert total["cost_usd"] == pytest.approx((10 * 1.0 + 10 * 2.0) / 1000)


def test_an_empty_day_has_only_its_total_with_zero_counts_and_null_rates(partitions):
    empty = partitions[DAY].slice(0, 0)
    rows = day_kpis(empty, empty, DAY)
    assert list(rows) == [("all", "all", "all")]
    total = rows["all", "all", "all"]
    assert total["interactions"] == total["sessions"] == total["prompt_tokens"] == 0
    assert total["thumbs_up_rate"] is None and total["escalation_rate"] is None and total["flag_rate"] is None
    assert total["cost_usd"] == 0.0 and total["cost_per_resolved_usd"] is None


def test_unpriced_models_have_no_cost_and_are_counted():
    events = table(
        [
            interaction("a", 0, "s1", None, "support", "free", 1000, 1000),
            interaction("b", 1, "s2", None, "support", "pro", 1000, 1000, model="mystery-7b"),
            interaction("c", 2, "s3", None, "support", "pro", 1000, 1000, model="mystery-7b"),
        ],
        DAY,
    )
    rows = day_kpis(events, events, DAY)
    assert rows["base", "support", "free"]["cost_usd"] == pytest.approx(3.0)
    assert rows["base", "support", "free"]["unpriced_interactions"] == 0
    pro = rows["base", "support", "pro"]
    assert pro["cost_usd"] is None and pro["unpriced_interactions"] == 2 and pro["prompt_tokens"] == 2000
    # A total with an unknown part is unknown, not an understatement.
    assert rows["all", "all", "all"]["cost_usd"] is None and rows["all", "all", "all"]["unpriced_interactions"] == 2
    labels = label_interactions(events, events.slice(0, 0))
    assert unpriced_models(labels, PRICES) == {"mystery-7b": 2}


def test_prices_exact_keys_win_over_patterns_and_the_packaged_file_prices_the_projects_models(tmp_path):
    path = tmp_path / "prices.toml"
    path.write_text(
        '[models."base-*"]\nprompt_per_1k_tokens_usd = 1\ncompletion_per_1k_tokens_usd = 2\n'
        '[models."base-special"]\nprompt_per_1k_tokens_usd = 0.5\ncompletion_per_1k_tokens_usd = 0.0\n'
    )
    prices = load_prices(path)
    assert prices.price_of("base-1234abcd") == ModelPrice(1.0, 2.0)
    assert prices.price_of("base-special") == ModelPrice(0.5, 0.0)
    assert prices.price_of("gpt-4o") is None and prices.source == str(path)

    packaged = load_prices()
    assert packaged.source.endswith("prices.toml")
    for model in ("sim-canned-v1", "base-0123abcd", "gpt-4o", "gpt-4o-mini"):
        assert packaged.price_of(model) is not None, model


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[models."m"]\nprompt_per_1k_tokens_usd = 1\n', r"model 'm': field 'completion_per_1k_tokens_usd' is missing"),
        ('[models."m"]\nprompt_per_1k_tokens_usd = -1\ncompletion_per_1k_tokens_usd = 1\n',
         r"model 'm': field 'prompt_per_1k_tokens_usd' must be a finite number >= 0, got -1"),
        ('[models."m"]\nprompt_per_1k_tokens_usd = "1"\ncompletion_per_1k_tokens_usd = 1\n',
         r"model 'm': field 'prompt_per_1k_tokens_usd' must be a finite number >= 0, got '1'"),
        ('[models."m"]\nprompt_per_1k_tokens_usd = true\ncompletion_per_1k_tokens_usd = 1\n',
         r"model 'm': field 'prompt_per_1k_tokens_usd' must be a finite number >= 0, got True"),
        ('[models."m"]\nprompt_per_1k_tokens_usd = nan\ncompletion_per_1k_tokens_usd = 1\n',
         r"model 'm': field 'prompt_per_1k_tokens_usd' must be a finite number"),
        ('[models."m"]\nprompt_per_1k_tokens_usd = 1\ncompletion_per_1k_tokens_usd = 1\nprompt_usd = 2\n',
         r"model 'm': unknown fields \['prompt_usd'\]"),
        ('[models]\nm = 3\n', r"model 'm': must be a table"),
        ('[prices."m"]\nprompt_per_1k_tokens_usd = 1\n', r"unknown top-level keys \['prices'\]"),
        ('[models."m"\n', r"not valid TOML"),
    ],
)  # fmt: skip
def test_a_bad_price_entry_is_an_error_naming_the_model_and_field(tmp_path, text, message):
    path = tmp_path / "prices.toml"
    path.write_text(text)
    with pytest.raises(ValueError, match=message):
        load_prices(path)


def test_bad_input_names_the_interaction_or_event_and_field(partitions):
    window = _window(partitions, DAY, NEXT_DAY)
    is_interaction = pc.equal(window["event_type"], "interaction")
    labels = label_interactions(window.filter(is_interaction), window.filter(pc.invert(is_interaction)))

    segments = labels["user_segment"].to_pylist()
    segments[0] = "all"
    clashing = labels.set_column(labels.schema.get_field_index("user_segment"), "user_segment", pa.array(segments))
    with pytest.raises(ValueError, match="interaction 'i1' has user_segment 'all'"):
        compute_kpis(clashing, window, PRICES)

    # A completion stamped before its session began (a client clock off) is counted, but has no duration.
    early = table([signal("behaviour", "i5", "b-early", 15, outcome="resolved")], DAY)  # s3 starts at minute 20
    before = compute_kpis(labels, window, PRICES).to_pylist()[0]
    after = compute_kpis(labels, pa.concat_tables([window, early]), PRICES).to_pylist()[0]
    assert (before["early_completions"], after["early_completions"]) == (0, 1)
    # s3 still completed (by the early event now), but only the four other sessions have a duration.
    assert before["completed_sessions"] == after["completed_sessions"] == 5
    assert before["time_to_completion_s_mean"] == pytest.approx((60 + 82_500 + 420 + 180 + 120) / 5)
    assert after["time_to_completion_s_mean"] == pytest.approx((60 + 82_500 + 180 + 120) / 4)

    with pytest.raises(ValueError, match=r"labels: the table lacks the columns \['flags'\]"):
        compute_kpis(labels.drop_columns(["flags"]), window, PRICES)


def test_labels_written_before_user_segment_existed_count_as_unknown(partitions, tmp_path):
    window = _window(partitions, DAY, NEXT_DAY)
    is_interaction = pc.equal(window["event_type"], "interaction")
    labels = label_interactions(window.filter(is_interaction), window.filter(pc.invert(is_interaction)))
    warehouse = Warehouse(tmp_path)
    warehouse.write_partition("labels", DAY, labels.drop_columns(["user_segment"]))
    stored = warehouse.read_partitions("labels", [DAY], schema=labels_arrow_schema()).drop_columns(["date"])
    rows = compute_kpis(stored, window, PRICES).to_pylist()
    assert {row["user_segment"] for row in rows} == {"all", "unknown"}
    assert rows[0]["interactions"] == 13
