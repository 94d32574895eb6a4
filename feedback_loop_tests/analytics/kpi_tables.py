"""Hand-made kpi_daily tables with the contract's exact columns, and a registry with a challenger history."""

from __future__ import annotations

from datetime import date, timedelta

import pyarrow as pa

from feedback_loop.analytics.kpi import KPI_SCHEMA

COUNTS = [field.name for field in KPI_SCHEMA if field.type == pa.int64()]


def _ratio(numerator, denominator):
    return None if not denominator or numerator is None else numerator / denominator


def kpi_row(
    adapter_version,
    use_case,
    user_segment,
    interactions,
    thumbs,
    thumbs_up,
    resolved,
    escalated,
    corrections=0,
    flagged=0,
    complaints=0,
    cost_usd: float | None = 0.01,
    unpriced=0,
) -> dict:
    """One breakdown row; every interaction has an outcome, flags count as 'other'."""
    row = {name: 0 for name in COUNTS}
    row.update(
        adapter_version=adapter_version,
        use_case=use_case,
        user_segment=user_segment,
        interactions=interactions,
        sessions=interactions,
        thumbs=thumbs,
        thumbs_up=thumbs_up,
        outcomes=interactions,
        resolved=resolved,
        escalated=escalated,
        corrections=corrections,
        flags_other=flagged,
        complaints=complaints,
        prompt_tokens=40 * interactions,
        completion_tokens=60 * interactions,
        unpriced_interactions=unpriced,
        cost_usd=cost_usd,
        rating_mean=None,
        time_to_completion_s_mean=None,
        reading_time_ms_mean=None,
    )
    return _with_rates(row)


def _with_rates(row: dict) -> dict:
    n = row["interactions"]
    row.update(
        thumbs_up_rate=_ratio(row["thumbs_up"], row["thumbs"]),
        resolution_rate=_ratio(row["resolved"], row["outcomes"]),
        escalation_rate=_ratio(row["escalated"], n),
        correction_rate=_ratio(row["corrections"], n),
        flag_rate=_ratio(row["flags_other"], n),
        complaint_rate=_ratio(row["complaints"], n),
        cost_per_resolved_usd=_ratio(row["cost_usd"], row["resolved"]),
    )
    return row


def total_row(rows: list[dict]) -> dict:
    """The day's total row (all three keys 'all'): counts summed, rates recomputed; cost NULL if any is."""
    total = {name: sum(row[name] for row in rows) for name in COUNTS}
    costs = [row["cost_usd"] for row in rows]
    total.update(
        adapter_version="all",
        use_case="all",
        user_segment="all",
        cost_usd=None if None in costs else sum(costs),
        rating_mean=None,
        time_to_completion_s_mean=None,
        reading_time_ms_mean=None,
    )
    return _with_rates(total)


def kpi_table(days: dict[str, list[dict]]) -> pa.Table:
    """kpi_daily as read back from the warehouse: every day's rows plus its total row, with a ``date`` column."""
    rows = []
    for day, breakdown in days.items():
        for row in [*breakdown, total_row(breakdown)]:
            rows.append({**{name: row[name] for name in KPI_SCHEMA.names}, "date": day})
    return pa.Table.from_pylist(rows, schema=KPI_SCHEMA.append(pa.field("date", pa.string())))


def day_partition(rows: list[dict]) -> pa.Table:
    """One day's kpi_daily partition as the asset writes it (no ``date`` column)."""
    return pa.Table.from_pylist(
        [{n: r[n] for n in KPI_SCHEMA.names} for r in [*rows, total_row(rows)]], schema=KPI_SCHEMA
    )


ESCALATION_BY_SEGMENT = {"free": 1.0, "pro": 0.5, "unknown": 1.5}


def three_days(first: str = "2026-11-01") -> dict[str, list[dict]]:
    """Three days on which adapter v1 takes over from the base model; thumbs-up and escalation improve."""
    start = date.fromisoformat(first)
    days = {}
    for offset, (base_share, up_rate) in enumerate([(1.0, 0.40), (0.8, 0.50), (0.2, 0.70)]):
        rows = []
        for use_case, segment, n in [
            ("billing", "free", 100),
            ("billing", "pro", 60),
            ("shipping", "free", 80),
            ("shipping", "unknown", 20),
        ]:
            escalation = (0.2 - 0.05 * offset) * ESCALATION_BY_SEGMENT[segment]
            for version, share in (("base", base_share), ("v1", 1 - base_share)):
                count = round(n * share)
                if count:
                    thumbs = count // 2
                    rows.append(
                        kpi_row(
                            version,
                            use_case,
                            segment,
                            count,
                            thumbs,
                            round(thumbs * up_rate),
                            resolved=round(count * (0.5 + 0.1 * offset)),
                            escalated=round(count * escalation),
                            corrections=count // 10,
                            flagged=count // 20,
                            complaints=count // 15,
                            cost_usd=0.0005 * count,
                        )
                    )
        days[(start + timedelta(days=offset)).isoformat()] = rows
    return days


def registry_with_two_challengers(url: str, promoted_at_day: str | None = None):
    """A registry where v1 passed its gates and was promoted and v2 failed the offline gate (rejected)."""
    from feedback_loop.registry import Registry

    store = Registry(url)
    store.register(
        "v1",
        path="/adapters/v1",
        metrics={"offline_evaluation": _evaluation("v1", None, 0.08, True)},
        lineage={},
        actor="test",
    )
    store.set_status("v1", "canary", actor="test", reason="offline gate passed", canary_share=0.2)
    store.add_metrics(
        "v1",
        {
            "online_ab_test": {
                "decision": "promote",
                "reasons": ["canary not worse"],
                "days": ["2026-11-02", "2026-11-03"],
                "canary": {"thumbs": 120, "thumbs_up_rate": 0.7, "escalation_rate": 0.1},
                "champion": {"thumbs": 400, "thumbs_up_rate": 0.45, "escalation_rate": 0.15},
            }
        },
        actor="online_ab_test",
    )
    store.promote("v1", actor="online_ab_test", reason="online A/B: canary not worse")
    store.register(
        "v2",
        path="/adapters/v2",
        metrics={"offline_evaluation": _evaluation("v2", "v1", -0.03, False)},
        lineage={},
        actor="test",
    )
    store.set_status("v2", "rejected", actor="adapter_evaluation", reason="interval does not lie above the margin")
    return store


def _evaluation(challenger: str, champion: str | None, mean: float, passed: bool) -> dict:
    """An offline_evaluation summary shaped as feedback_loop.evaluate.compare returns it (loss primary)."""
    from feedback_loop.evaluate.offline import ArmFigures, EvalSpec, GateResult, MetricComparison

    spec = EvalSpec(primary_metric="loss", loss_margin=0.0, n_resamples=1000)
    figures = ArmFigures(loss=1.0, score=0.5, offensive=0, offensive_rate=0.0)
    return GateResult(
        passed=passed,
        reasons=[f"loss improvement {mean:+.4f}"],
        challenger_version=challenger,
        champion_version=champion,
        dataset_version="ds1",
        examples=64,
        groups=16,
        challenger=figures,
        champion=figures,
        primary=MetricComparison(
            metric="loss", role="primary", mean=mean, low=mean - 0.04, high=mean + 0.04, margin=0.0, passed=passed
        ),
        guardrail=MetricComparison(
            metric="score", role="guardrail", mean=0.0, low=-0.01, high=0.01, margin=0.01, passed=True
        ),
        spec=spec,
    ).model_dump(mode="json")
