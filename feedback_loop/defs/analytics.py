"""Analytics for the people who watch the loop: daily KPIs with their cost, safety alerts by segment, and the
KPI dashboard."""

from datetime import date, timedelta

import dagster as dg

from feedback_loop.analytics.dashboard import build_dashboard, registry_history
from feedback_loop.analytics.kpi import KEY_COLUMNS, compute_kpis, load_prices, unpriced_models
from feedback_loop.analytics.safety import SafetySpec, safety_alerts, segment_safety
from feedback_loop.defs.execution import LABEL_OP_TAGS, LIGHT_OP_TAGS
from feedback_loop.defs.label import labeled_interactions
from feedback_loop.defs.metadata import markdown_table
from feedback_loop.defs.partitions import daily_partitions
from feedback_loop.defs.resources import AdapterRegistry, DataRoot, LateFeedbackWindow, on_working_copy
from feedback_loop.label import labels_arrow_schema
from feedback_loop.schema import events_arrow_schema

KPI_TABLE = "kpi_daily"
# The KPIs the tables on the asset page show (the partition holds every column, the metadata every total).
SUMMARY_COLUMNS = (
    "interactions", "thumbs_up_rate", "rating_mean", "resolution_rate", "escalation_rate", "correction_rate",
    "flag_rate", "complaint_rate", "cost_usd",
)  # fmt: skip
# Enough rows for every adapter x use case x segment of a normal day; the partition has the rest.
BREAKDOWN_ROWS = 50
_EVENT_COLUMNS = ["event_id", "event_type", "timestamp", "interaction_id", "outcome"]


class KpiDailyConfig(dg.Config, SafetySpec):
    prices_file: str | None = None
    """A TOML file of token prices by model version; the packaged `feedback_loop/analytics/prices.toml` if unset."""


def _shown(value):
    """A table cell: floats to four significant digits (costs are small), everything else as it is."""
    return float(f"{value:.4g}") if isinstance(value, float) else value


@dg.asset(
    partitions_def=daily_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    deps=[labeled_interactions],
    group_name="analytics",
    op_tags=LABEL_OP_TAGS,
    kinds={"duckdb", "parquet"},
    check_specs=[
        dg.AssetCheckSpec(
            "segment_safety",
            asset=KPI_TABLE,
            description="WARN when a segment (adapter x use case x segment) with at least min_segment_interactions "
            "in a day has a flag rate above max_flag_rate or a complaint rate above max_complaint_rate.",
        ),
        dg.AssetCheckSpec(
            "prices_known",
            asset=KPI_TABLE,
            description="WARN when a model that served has no token price in the prices file: the cost of its "
            "interactions, and of every KPI row they count in, is unknown.",
        ),
    ],
)
def kpi_daily(
    context: dg.AssetExecutionContext, config: KpiDailyConfig, data_root: DataRoot, late_feedback: LateFeedbackWindow
):
    """The day's KPIs by adapter version, use case and user segment, plus the day total (warehouse table
    `kpi_daily`; every definition is in `feedback_loop/analytics/kpi.py`).

    DuckDB SQL over the day's `labels` (late feedback already joined) and the events of the day and of the
    following `late_feedback` days (outcomes that complete its sessions). Materialized with the labels,
    so late feedback updates the day it belongs to. The day total's KPIs are the metadata of the day's
    materialization (also in a run over several days), which the UI plots across partitions. Checks (WARN):
    `segment_safety` (a segment's flag or complaint rate above the configured rate) and `prices_known`
    (interactions of models the prices file does not price).
    """
    prices = load_prices(config.prices_file)
    warehouse = data_root.warehouse()
    labeled_days = set(warehouse.partitions("labels"))
    available = warehouse.partitions("events")
    segments: list[dict] = []
    alerts: list[dict] = []
    unpriced: dict[str, int] = {}
    for day in context.partition_keys:
        if day not in labeled_days:
            raise ValueError(
                f"kpi_daily {day}: the day has no labels partition; materialize labeled_interactions first"
            )
        labels = warehouse.read_partitions("labels", [day], schema=labels_arrow_schema())
        window_end = (date.fromisoformat(day) + timedelta(days=late_feedback.days)).isoformat()
        window = [p for p in available if day <= p <= window_end]
        events = warehouse.read_partitions("events", window, schema=events_arrow_schema(), columns=_EVENT_COLUMNS)
        kpis = compute_kpis(labels, events, prices)
        # Alerts before the write, so that a bad threshold fails the run before any partition changes.
        day_alerts = safety_alerts(kpis, SafetySpec.of(config))
        warehouse.write_partition(KPI_TABLE, day, kpis)

        rows = kpis.to_pylist()
        total = {column: value for column, value in rows[0].items() if column not in KEY_COLUMNS}
        breakdown = markdown_table(
            [{column: _shown(row[column]) for column in (*KEY_COLUMNS, *SUMMARY_COLUMNS)} for row in rows],
            BREAKDOWN_ROWS,
        )
        segments += [{"day": day, **segment} for segment in segment_safety(kpis)]
        alerts += [{"day": day, **alert} for alert in day_alerts]
        for model, count in unpriced_models(labels, prices).items():
            unpriced[model] = unpriced.get(model, 0) + count
        # Scoped to the day's partition: metadata of the MaterializeResult would be recorded on every day of a
        # run over several days.
        context.add_asset_metadata({**total, "breakdown": breakdown}, partition_key=day)
    return dg.MaterializeResult(
        check_results=[_segment_safety_result(config, segments, alerts), _prices_known_result(prices.source, unpriced)],
    )


def _segment_safety_result(config: KpiDailyConfig, segments: list[dict], alerts: list[dict]) -> dg.AssetCheckResult:
    if alerts:
        description = "Above the configured rate: " + "; ".join(
            f"{a['segment']} on {a['day']} ({', '.join(f'{name} {a[name]:.1%}' for name in a['breached'])} "
            f"of {a['interactions']} interactions)"
            for a in alerts
        )
    else:
        description = "No segment's flag or complaint rate is above the configured rate."
    table = [
        {
            "day": s["day"],
            "segment": s["segment"],
            "interactions": s["interactions"],
            "flagged": s["flagged"],
            "flag_rate": _shown(s["flag_rate"]),
            "complaints": s["complaints"],
            "complaint_rate": _shown(s["complaint_rate"]),
            **{f"flags_{reason}": n for reason, n in s["flags_by_reason"].items()},
        }
        for s in segments
    ]
    return dg.AssetCheckResult(
        check_name="segment_safety",
        passed=not alerts,
        severity=dg.AssetCheckSeverity.WARN,
        description=description,
        metadata={
            "alerts": dg.MetadataValue.json(alerts),
            "segments": markdown_table(table, 100),
            **SafetySpec.of(config).model_dump(),
        },
    )


def _prices_known_result(source: str, unpriced: dict[str, int]) -> dg.AssetCheckResult:
    if unpriced:
        description = (
            f"No price in {source} for: "
            + ", ".join(f"{model} ({n} interactions)" for model, n in sorted(unpriced.items()))
            + "; their cost, and the cost of every row they count in, is unknown."
        )
    else:
        description = f"Every model that served has a price in {source}."
    return dg.AssetCheckResult(
        check_name="prices_known",
        passed=not unpriced,
        severity=dg.AssetCheckSeverity.WARN,
        description=description,
        metadata={"unpriced_models": dg.MetadataValue.json(dict(sorted(unpriced.items()))), "prices_file": source},
    )


@dg.asset(deps=[kpi_daily], group_name="analytics", op_tags=LIGHT_OP_TAGS, kinds={"html"})
@on_working_copy
def kpi_dashboard(data_root: DataRoot, registry: AdapterRegistry) -> dg.MaterializeResult:
    """The dashboard people open: `<data root>/reports/dashboard.html`, one self-contained page (inline SVG
    plots, no network needed) over every kpi_daily partition and the registry's history.

    KPI trends with the champion moves marked, feedback by use case and segment, escalation patterns, cost
    per resolved conversation by adapter version, and every challenger's offline gate and online A/B result
    (`feedback_loop/analytics/dashboard.py`). `feedback-loop dashboard --open` materializes and opens it.
    """
    report = build_dashboard(
        data_root.warehouse().read_partitions(KPI_TABLE),
        registry_history(registry.open()),
        data_root.layout.reports / "dashboard.html",
    )
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(report.path)),
            "days": len(report.days),
            "first_day": report.days[0] if report.days else "none",
            "last_day": report.days[-1] if report.days else "none",
            "plots": len(report.plots),
            "challengers": report.challengers,
        }
    )
