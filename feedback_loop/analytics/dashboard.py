"""The KPI dashboard: one self-contained HTML page that stakeholders open to see how the model is doing.

Built from every day of the ``kpi_daily`` table and the adapter registry's history. The page needs no network:
CSS is inline and each plot is an inline SVG drawn by matplotlib (text as paths, so no font is needed either).
Sections: a header (period, generation time, champion, canary, the latest day's headline KPIs), KPI trends with
the champion moves marked, feedback by use case and segment, escalation patterns, cost per resolved
conversation by adapter version, and the evaluation history of every challenger. A section without data says
so instead of drawing an empty plot.

The ``kpi_daily`` rows follow the lead's contract: one row per (adapter_version, use_case, user_segment) of a
day plus one total row with all three set to ``"all"``; rates are NULL when their denominator is 0.
"""

from __future__ import annotations

import html
import io
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pyarrow as pa

from feedback_loop.analytics.kpi import KEY_COLUMNS, TOTAL
from feedback_loop.files import write_text_atomic

if TYPE_CHECKING:
    from feedback_loop.registry import Registry

COUNT_COLUMNS = ("interactions", "thumbs", "thumbs_up", "resolved", "escalated", "unpriced_interactions")
NULLABLE_COLUMNS = (
    "thumbs_up_rate",
    "resolution_rate",
    "escalation_rate",
    "correction_rate",
    "flag_rate",
    "complaint_rate",
    "cost_usd",
    "cost_per_resolved_usd",
)
REQUIRED_COLUMNS = ("date", *KEY_COLUMNS, *COUNT_COLUMNS, *NULLABLE_COLUMNS)

# The rates of the trend plot and the headline cards: (column, label, colour).
TREND_RATES = (
    ("thumbs_up_rate", "thumbs-up rate", "#2b6cb0"),
    ("resolution_rate", "resolution rate", "#2f855a"),
    ("escalation_rate", "escalation rate", "#c53030"),
    ("correction_rate", "correction rate", "#b7791f"),
)
# A month of daily totals in the table; the trend plot shows every day.
TABLE_DAYS = 31
UP_COLOUR, DOWN_COLOUR = "#38a169", "#e53e3e"
PROMOTE_COLOUR, ROLLBACK_COLOUR = "#2f855a", "#c53030"

# matplotlib writes an RDF block naming itself and its web site; the page needs none of it.
_SVG_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)


@dataclass(frozen=True)
class DashboardReport:
    """What :func:`build_dashboard` wrote."""

    path: Path
    days: list[str]
    """The KPI days covered, oldest first."""
    plots: list[str]
    """The names of the plots drawn (sections without data draw none)."""
    challengers: int


def registry_history(store: Registry) -> dict[str, Any]:
    """What the dashboard shows of the registry ``store``.

    ``champion`` and ``canary`` (versions or None); ``challengers``: every registered version, oldest first,
    with its status, registration time, ``offline_evaluation``, ``shadow_evaluation`` and ``online_ab_test``
    metrics (None when absent) and its latest status change from the audit log; ``champion_moves``: the
    champion pointer's history, oldest first.
    """
    last_change: dict[str, dict] = {}
    for entry in store.audit_log():
        if entry["from_status"] != entry["to_status"]:
            last_change[entry["version"]] = entry
    champion, canary = store.champion(), store.canary()
    return {
        "champion": champion.version if champion else None,
        "canary": canary.version if canary else None,
        "challengers": [
            {
                "version": record.version,
                "status": record.status,
                "registered_at": record.created_at,
                "offline_evaluation": record.metrics.get("offline_evaluation"),
                "shadow_evaluation": record.metrics.get("shadow_evaluation"),
                "online_ab_test": record.metrics.get("online_ab_test"),
                "last_change": last_change.get(record.version),
            }
            for record in reversed(store.list())
        ],
        "champion_moves": store.champion_history(),
    }


def build_dashboard(
    kpis: pa.Table, history: dict[str, Any], out: str | Path, generated_at: datetime | None = None
) -> DashboardReport:
    """Write the dashboard for the ``kpi_daily`` rows ``kpis`` (all days, with their ``date`` column) and the
    registry ``history`` (as :func:`registry_history` returns it) to ``out``, atomically.

    Raises ValueError naming the row and field when ``kpis`` breaks the kpi_daily contract, or the key when
    ``history`` lacks one.
    """
    import matplotlib

    for key in ("champion", "canary", "challengers", "champion_moves"):
        if key not in history:
            raise ValueError(f"registry history: key {key!r} is missing")
    generated_at = (generated_at or datetime.now(UTC)).astimezone(UTC)
    days, totals, details = _split(_rows(kpis))
    challengers = list(history["challengers"])
    moves = list(history["champion_moves"])

    # Text as glyph paths: the page renders the same without the fonts matplotlib used. No mathtext: a "$" in
    # a use case or version name is text, not a formula.
    with matplotlib.rc_context(
        {"svg.fonttype": "path", "text.parse_math": False, "font.size": 9, "axes.titlesize": 10}
    ):
        sections = [
            _trends_section(days, totals, details, moves),
            _feedback_section(details),
            _escalation_section(days, totals, details),
            _cost_section(details),
            _challengers_section(challengers, moves),
        ]
    plots = [name for section in sections for name in section.plots]
    page = _page(days, totals, history, generated_at, sections)
    path = Path(out)
    write_text_atomic(path, page)
    return DashboardReport(path=path, days=days, plots=plots, challengers=len(challengers))


# --- input -------------------------------------------------------------------------------------------------
def _rows(kpis: pa.Table) -> list[dict]:
    """The rows of ``kpis``, checked against the kpi_daily contract."""
    if kpis.num_rows == 0:
        return []
    missing = [column for column in REQUIRED_COLUMNS if column not in kpis.column_names]
    if missing:
        raise ValueError(f"kpi_daily: columns {missing} are missing (got {kpis.column_names})")
    rows = kpis.select(list(REQUIRED_COLUMNS)).to_pylist()
    for row in rows:
        where = f"kpi_daily row (date={row['date']!r}, " + ", ".join(f"{k}={row[k]!r}" for k in KEY_COLUMNS) + ")"
        try:
            date.fromisoformat(row["date"])
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{where}: field 'date' is not an ISO date") from exc
        for column in (*KEY_COLUMNS, *COUNT_COLUMNS):
            if row[column] is None:
                raise ValueError(f"{where}: field {column!r} is null")
        for column in KEY_COLUMNS:
            if not isinstance(row[column], str) or not row[column]:
                raise ValueError(f"{where}: field {column!r} must be a non-empty string")
    return rows


def _is_total(row: dict) -> bool:
    return all(row[column] == TOTAL for column in KEY_COLUMNS)


def _split(rows: list[dict]) -> tuple[list[str], dict[str, dict], list[dict]]:
    """The days (sorted), each day's total row, and the breakdown rows; every day must have one total row."""
    totals: dict[str, dict] = {}
    details = []
    for row in rows:
        if not _is_total(row):
            details.append(row)
        elif row["date"] in totals:
            raise ValueError(f"kpi_daily day {row['date']}: more than one total row (all three keys {TOTAL!r})")
        else:
            totals[row["date"]] = row
    days = sorted({row["date"] for row in rows})
    for day in days:
        if day not in totals:
            raise ValueError(
                f"kpi_daily day {day}: no total row (adapter_version, use_case and user_segment all {TOTAL!r})"
            )
    return days, totals, details


# --- sections ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Section:
    anchor: str
    title: str
    body: str
    plots: tuple[str, ...] = ()


def _no_data(text: str) -> str:
    return f'<p class="no-data">{html.escape(text)}</p>'


def _figure(name: str, svg: str, caption: str) -> str:
    return f'<figure class="plot" id="plot-{name}" data-plot="{name}">{svg}<figcaption>{caption}</figcaption></figure>'


def _svg(fig) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight")
    text = buffer.getvalue()
    # Drop the XML declaration and DOCTYPE: the SVG goes inline into an HTML5 document.
    return _SVG_METADATA.sub("", text[text.index("<svg") :])


def _new_figure(width: float, height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _noon(day: str) -> datetime:
    """A day's KPI plotted at its middle, so that a champion move sits between the days it separates."""
    return datetime.combine(date.fromisoformat(day), time(12), tzinfo=UTC)


def _start(day: str) -> datetime:
    return datetime.combine(date.fromisoformat(day), time(0), tzinfo=UTC)


def _nan(value: float | None, scale: float = 1.0) -> float:
    return math.nan if value is None else scale * value


def _move_label(move: dict) -> str:
    verb = "promoted" if move["kind"] == "promote" else "rolled back to"
    return f"{verb} {move['version']}"


def _trends_section(days: list[str], totals: dict[str, dict], details: list[dict], moves: list[dict]) -> _Section:
    title = "KPI trends"
    if not days:
        return _Section(
            "trends", title, _no_data("No KPI data yet: kpi_daily has no days. Materialize kpi_daily first.")
        )
    import matplotlib.dates as mdates

    x = [_noon(day) for day in days]
    period_start = _start(days[0])
    newest_end = _start(days[-1]) + timedelta(days=1)
    # A daily KPI run lags by a day or so: moves of the day after the newest KPI day are still drawn, later ones
    # only listed, so that one stale table does not squeeze the whole trend into a corner.
    drawn_until = newest_end + timedelta(days=1)
    earlier = [move for move in moves if _utc(move["moved_at"]) < period_start]
    shown = [move for move in moves if period_start <= _utc(move["moved_at"]) < drawn_until]
    later = [move for move in moves if _utc(move["moved_at"]) >= drawn_until]
    right = max([newest_end] + [_utc(move["moved_at"]) + timedelta(hours=6) for move in shown])

    fig = _new_figure(11, 8)
    fig.suptitle("Daily KPIs of all traffic, with champion moves", fontsize=10)
    rates, cost, share = fig.subplots(3, 1, sharex=True, height_ratios=[3, 1.5, 1.7])
    for column, label, colour in TREND_RATES:
        rates.plot(x, [_nan(totals[day][column], 100) for day in days], marker="o", color=colour, label=label)
    rates.set_ylabel("% (all traffic)")
    rates.set_ylim(0, 100)
    rates.legend(loc="lower left", bbox_to_anchor=(0, 1), ncols=4, fontsize=8, frameon=False)

    cost.plot(x, [_nan(totals[day]["cost_per_resolved_usd"]) for day in days], marker="s", color="#553c9a")
    cost.set_ylabel("USD per resolved\nconversation")
    cost.set_ylim(bottom=0)

    served: defaultdict[tuple[str, str], int] = defaultdict(int)
    for row in details:
        served[(row["date"], row["adapter_version"])] += row["interactions"]
    versions = sorted({version for _, version in served})
    bottom = [0.0] * len(days)
    for version, colour in zip(versions, _palette(len(versions)), strict=True):
        shares = [
            100 * served[(day, version)] / totals[day]["interactions"] if totals[day]["interactions"] else 0.0
            for day in days
        ]
        share.bar(x, shares, width=0.8, bottom=bottom, color=colour, label=version)
        bottom = [b + s for b, s in zip(bottom, shares, strict=True)]
    share.set_ylabel("% of interactions\nby adapter")
    share.set_ylim(0, 100)
    if versions:
        share.legend(loc="center left", bbox_to_anchor=(1, 0.5), fontsize=7, title="adapter", title_fontsize=7)

    for move in shown:
        colour = PROMOTE_COLOUR if move["kind"] == "promote" else ROLLBACK_COLOUR
        for axes in (rates, cost, share):
            axes.axvline(_utc(move["moved_at"]), color=colour, linestyle="--", linewidth=1.2)
        rates.annotate(
            _move_label(move),
            (_utc(move["moved_at"]), 98),
            rotation=90,
            fontsize=7,
            color=colour,
            va="top",
            ha="right",
            xytext=(-2, 0),
            textcoords="offset points",
        )
    for axes in (rates, cost, share):
        axes.grid(alpha=0.3)
    share.set_xlim(period_start, right)
    if len(days) <= 14:
        share.set_xticks(x, [day[5:] for day in days])
    else:
        share.xaxis.set_major_formatter(mdates.DateFormatter("%m-%d"))
    share.set_xlabel(f"day ({days[0][:4]}, UTC)")

    notes = [
        "Rates of the day's total row; a gap is a day whose rate has no denominator. Dashed lines: champion "
        "moves (green: promotion, red: rollback), at the time they happened."
    ]
    if earlier:
        notes.append(
            f"Champion at the start of the period: {html.escape(earlier[-1]['version'])} "
            f"({len(earlier)} earlier move{'s' if len(earlier) > 1 else ''} not drawn)."
        )
    if any(_utc(move["moved_at"]) >= newest_end for move in shown):
        notes.append("Moves right of the newest day happened after it: kpi_daily has not caught up with them yet.")
    uncosted = [day for day in days if totals[day]["cost_usd"] is None and totals[day]["unpriced_interactions"]]
    if uncosted:
        notes.append(
            f"No cost on {len(uncosted)} of the {len(days)} days: interactions of a model without a price served "
            "then (the 'unpriced' column below)."
        )
    if later:
        listed = ", ".join(f"{html.escape(_move_label(move))} ({_when(move['moved_at'])})" for move in later)
        notes.append(f"Not drawn, more than a day after the newest KPI day: {listed}.")
    body = _figure("kpi_trends", _svg(fig), " ".join(notes)) + _daily_table(days, totals)
    return _Section("trends", title, body, ("kpi_trends",))


def _daily_table(days: list[str], totals: dict[str, dict]) -> str:
    header = [
        "day",
        "interactions",
        "thumbs-up",
        "resolution",
        "escalation",
        "correction",
        "flag rate",
        "complaints",
        "cost",
        "cost / resolved",
        "unpriced",
    ]
    shown = days[-TABLE_DAYS:]
    body = []
    for day in reversed(shown):
        row = totals[day]
        cells = [
            day,
            f"{row['interactions']:,}",
            _percent(row["thumbs_up_rate"]),
            _percent(row["resolution_rate"]),
            _percent(row["escalation_rate"]),
            _percent(row["correction_rate"]),
            _percent(row["flag_rate"]),
            _percent(row["complaint_rate"]),
            _usd(row["cost_usd"]),
            _usd(row["cost_per_resolved_usd"]),
            f"{row['unpriced_interactions']:,}",
        ]
        body.append(cells)
    caption = "Daily totals, newest first" + (
        f" (the newest {len(shown)} of {len(days)} days)" if len(shown) < len(days) else ""
    )
    return _table(header, body, caption, "daily-totals")


def _feedback_section(details: list[dict]) -> _Section:
    title = "Feedback by use case and segment"
    thumbs: dict[str, defaultdict[str, list[int]]] = {
        "use_case": defaultdict(lambda: [0, 0]),
        "user_segment": defaultdict(lambda: [0, 0]),
    }
    for row in details:
        for column in thumbs:
            counts = thumbs[column][row[column]]
            counts[0] += row["thumbs_up"]
            counts[1] += row["thumbs"] - row["thumbs_up"]
    if not any(row["thumbs"] for row in details):
        return _Section("feedback", title, _no_data("No thumbs feedback yet in the period."))
    fig = _new_figure(11, 4.2)
    for axes, (column, label) in zip(
        fig.subplots(1, 2), (("use_case", "use case"), ("user_segment", "user segment")), strict=True
    ):
        names = sorted(thumbs[column])
        up = [thumbs[column][name][0] for name in names]
        down = [thumbs[column][name][1] for name in names]
        positions = range(len(names))
        axes.bar(positions, up, color=UP_COLOUR, label="thumbs up")
        axes.bar(positions, down, bottom=up, color=DOWN_COLOUR, label="thumbs down")
        for position, u, d in zip(positions, up, down, strict=True):
            if u + d:
                axes.annotate(f"{u / (u + d):.0%}", (position, u + d), ha="center", va="bottom", fontsize=7)
        axes.set_xticks(list(positions), names, rotation=30, ha="right")
        axes.set_title(f"Thumbs by {label} (label: thumbs-up share)")
        axes.set_ylabel("thumbs")
        axes.grid(axis="y", alpha=0.3)
        axes.legend(fontsize=8)
    caption = "All days of the period and all adapter versions together; a null segment counts as 'unknown'."
    return _Section("feedback", title, _figure("feedback_distribution", _svg(fig), caption), ("feedback_distribution",))


def _escalation_section(days: list[str], totals: dict[str, dict], details: list[dict]) -> _Section:
    title = "Escalation patterns"
    if not details:
        return _Section("escalation", title, _no_data("No interactions yet in the period."))
    cells: defaultdict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    daily: defaultdict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for row in details:
        for counts in (cells[(row["use_case"], row["user_segment"])], daily[(row["date"], row["use_case"])]):
            counts[0] += row["escalated"]
            counts[1] += row["interactions"]
    use_cases = sorted({use_case for use_case, _ in cells})
    segments = sorted({segment for _, segment in cells})
    rates = [
        [100 * cells[(u, s)][0] / cells[(u, s)][1] if cells[(u, s)][1] else math.nan for s in segments]
        for u in use_cases
    ]
    fig = _new_figure(11, max(3.6, 0.45 * len(use_cases) + 1.6))
    heat, trend = fig.subplots(1, 2, width_ratios=[1.1, 1])
    finite = [value for row in rates for value in row if not math.isnan(value)]
    top = max([*finite, 1.0])
    mesh = heat.pcolormesh(rates, cmap="Reds", vmin=0, vmax=top, edgecolors="white", linewidth=0.5)
    for i, use_case in enumerate(use_cases):
        for j, segment in enumerate(segments):
            interactions = cells[(use_case, segment)][1]
            if interactions:
                ink = "white" if rates[i][j] > 0.6 * top else "black"
                heat.text(
                    j + 0.5,
                    i + 0.5,
                    f"{rates[i][j]:.0f}%\nn={interactions}",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color=ink,
                )
    heat.set_xticks([j + 0.5 for j in range(len(segments))], segments, rotation=30, ha="right")
    heat.set_yticks([i + 0.5 for i in range(len(use_cases))], use_cases)
    heat.set_title("Escalation rate by use case and segment")
    fig.colorbar(mesh, ax=heat, label="escalation rate (%)")

    x = [_noon(day) for day in days]
    for use_case, colour in zip(use_cases, _palette(len(use_cases)), strict=True):
        series = [daily[(day, use_case)] for day in days]
        trend.plot(x, [100 * e / n if n else math.nan for e, n in series], marker=".", color=colour, label=use_case)
    trend.plot(
        x,
        [_nan(totals[day]["escalation_rate"], 100) for day in days],
        color="black",
        linestyle="--",
        linewidth=2,
        label="all traffic",
    )
    trend.set_title("Escalation rate over days, by use case")
    trend.set_ylabel("escalation rate (%)")
    trend.set_ylim(bottom=0)
    if len(days) <= 14:
        trend.set_xticks(x, [day[5:] for day in days], rotation=30)
    trend.grid(alpha=0.3)
    trend.legend(fontsize=7, ncols=2)
    caption = "Escalated interactions over all interactions; blank cells had no traffic."
    return _Section("escalation", title, _figure("escalation_patterns", _svg(fig), caption), ("escalation_patterns",))


def _cost_section(details: list[dict]) -> _Section:
    title = "Cost per resolved conversation"
    by_version: defaultdict[str, dict[str, float]] = defaultdict(lambda: {"cost": 0.0, "resolved": 0, "unpriced": 0})
    for row in details:
        figures = by_version[row["adapter_version"]]
        figures["unpriced"] += row["unpriced_interactions"]
        # A row without a cost has no price for its model: its resolved conversations cannot be costed either.
        if row["cost_usd"] is not None:
            figures["cost"] += row["cost_usd"]
            figures["resolved"] += row["resolved"]
    costed = {version: f for version, f in by_version.items() if f["resolved"]}
    unpriced = {version: f["unpriced"] for version, f in by_version.items() if f["unpriced"]}
    notes = []
    if unpriced:
        listed = ", ".join(f"{html.escape(v)}: {n:,}" for v, n in sorted(unpriced.items()))
        notes.append(
            "Breakdown rows holding interactions of a model without a price have no cost and are left out "
            f"(unpriced interactions by adapter version: {listed})."
        )
    if not costed:
        text = "No resolved conversations with a known cost yet."
        return _Section("cost", title, _no_data(text) + "".join(f"<p>{note}</p>" for note in notes))
    versions = sorted(costed)
    values = [costed[v]["cost"] / costed[v]["resolved"] for v in versions]
    fig = _new_figure(11, 3.6)
    axes = fig.subplots()
    axes.bar(range(len(versions)), values, color=_palette(len(versions)))
    for position, version, value in zip(range(len(versions)), versions, values, strict=True):
        axes.annotate(
            f"{_usd(value)}\n{costed[version]['resolved']:,} resolved",
            (position, value),
            ha="center",
            va="bottom",
            fontsize=7,
        )
    axes.set_xticks(range(len(versions)), versions, rotation=20, ha="right")
    axes.set_ylabel("USD per resolved conversation")
    axes.set_ylim(0, max(values) * 1.3 or 1)
    axes.set_title("Cost per resolved conversation by adapter version (whole period)")
    axes.grid(axis="y", alpha=0.3)
    caption = "Token cost of the version's interactions over its resolved conversations. " + " ".join(notes)
    return _Section("cost", title, _figure("cost_by_adapter", _svg(fig), caption), ("cost_by_adapter",))


def _challengers_section(challengers: list[dict], moves: list[dict]) -> _Section:
    title = "Challenger evaluations"
    if not challengers:
        return _Section("challengers", title, _no_data("No challengers registered yet: no adapter has been trained."))
    gated = [c for c in challengers if (c["offline_evaluation"] or {}).get("primary")]
    parts = []
    plots: tuple[str, ...] = ()
    if gated:
        parts.append(
            _figure(
                "gate_intervals",
                _svg(_gate_plot(gated)),
                "Offline gate of each challenger: the improvement of its primary metric over the champion of its "
                "day (positive is better) with its paired group-bootstrap interval; the gate passes when the "
                "interval's low end lies above the practical margin (dashed), the guardrail metric is not worse "
                "by more than its margin, the generated responses are not the champion's (no no-op) and offensive "
                "output is not more frequent.",
            )
        )
        plots = ("gate_intervals",)
    else:
        parts.append(_no_data("No challenger has an offline gate interval yet."))
    parts.append(_challenger_table(challengers))
    parts.append(_moves_table(moves))
    return _Section("challengers", title, "".join(parts), plots)


def _gate_plot(gated: list[dict]):
    fig = _new_figure(11, 3.8)
    axes = fig.subplots()
    metrics = set()
    for position, challenger in enumerate(gated):
        evaluation = challenger["offline_evaluation"]
        interval = evaluation["primary"]
        metrics.add(interval.get("metric", "?"))
        passed = bool(evaluation.get("passed"))
        colour = PROMOTE_COLOUR if passed else ROLLBACK_COLOUR
        axes.bar(
            position, interval["high"] - interval["low"], bottom=interval["low"], width=0.5, color=colour, alpha=0.35
        )
        axes.errorbar(
            [position],
            [interval["mean"]],
            yerr=[[interval["mean"] - interval["low"]], [interval["high"] - interval["mean"]]],
            fmt="o",
            color=colour,
            capsize=6,
            linewidth=2,
        )
        if "margin" in interval:
            axes.hlines(interval["margin"], position - 0.35, position + 0.35, colors="#4a5568", linestyles="--")
    axes.axhline(0, color="#a0aec0", linewidth=0.8)
    labels = [f"{c['version']}\n({c['offline_evaluation']['primary'].get('metric', '?')})" for c in gated]
    axes.set_xticks(range(len(gated)), labels, fontsize=7)
    axes.set_xlim(-0.6, len(gated) - 0.4)
    axes.set_ylabel("improvement of the\nprimary metric")
    axes.set_title("Offline gate intervals per challenger (green: passed, red: failed; dashed: margin)")
    axes.grid(axis="y", alpha=0.3)
    return fig


def _challenger_table(challengers: list[dict]) -> str:
    header = [
        "version",
        "registered",
        "status",
        "offline gate interval",
        "gate decision",
        "shadow (live prompts, unseen)",
        "online A/B",
        "last status change",
    ]
    rows = []
    for challenger in challengers:
        evaluation = challenger["offline_evaluation"] or {}
        rows.append(
            [
                html.escape(challenger["version"]),
                _when(challenger["registered_at"]),
                _status_cell(challenger["status"]),
                _interval_cell(evaluation),
                _gate_cell(evaluation),
                _shadow_cell(challenger.get("shadow_evaluation")),
                _ab_cell(challenger["online_ab_test"]),
                _change_cell(challenger["last_change"]),
            ]
        )
    return _table(header, rows, "Every challenger, oldest first", "challengers", escaped=True)


def _interval_cell(evaluation: dict) -> str:
    interval = evaluation.get("primary")
    if not interval:
        return "not evaluated" if not evaluation else "no interval"
    confidence = (evaluation.get("spec") or {}).get("confidence")
    level = f"{confidence:.0%} " if isinstance(confidence, (int, float)) else ""
    no_op = " (no-op: same responses as the champion)" if evaluation.get("no_op") else ""
    return html.escape(
        f"{interval.get('metric', '?')} {interval['mean']:+.4f}, {level}[{interval['low']:+.4f}, "
        f"{interval['high']:+.4f}], margin {interval.get('margin', float('nan')):+.4f}, "
        f"n={evaluation.get('examples', '?')}{no_op}"
    )


def _gate_cell(evaluation: dict) -> str:
    if "passed" not in evaluation:
        return "-"
    verdict = "passed" if evaluation["passed"] else "failed"
    reasons = "; ".join(str(reason) for reason in evaluation.get("reasons", []))
    return f'<span class="gate-{verdict}">{verdict}</span><br><small>{html.escape(reasons)}</small>'


def _shadow_cell(result: dict | None) -> str:
    """The shadow evaluation: its verdict, the P(good) difference's interval over users, how often the answers
    differed, and its reasons."""
    if not result:
        return "-"
    verdict = "passed" if result.get("passed") else "failed"
    parts = [f'<span class="gate-{verdict}">{verdict}</span>']
    primary = result.get("primary")
    if isinstance(primary, dict):
        parts.append(
            html.escape(
                f"P(good) {primary['mean']:+.3f} [{primary['low']:+.3f}, {primary['high']:+.3f}] over "
                f"{result.get('users', '?')} users, {result.get('prompts', '?')} prompts, answers differ on "
                f"{_percent(result.get('differing_share'))}"
            )
        )
    reasons = "; ".join(str(reason) for reason in result.get("reasons", []))
    parts.append(f"<small>{html.escape(reasons)}</small>")
    return "<br>".join(parts)


def _ab_cell(result: dict | None) -> str:
    if not result:
        return "-"
    parts = [f"<b>{html.escape(str(result.get('decision', '?')))}</b>"]
    canary, champion = result.get("canary"), result.get("champion")
    if isinstance(canary, dict) and isinstance(champion, dict):
        parts.append(
            f"thumbs-up {_percent(canary.get('thumbs_up_rate'))} (n={canary.get('thumbs', '?')}) vs "
            f"{_percent(champion.get('thumbs_up_rate'))} (n={champion.get('thumbs', '?')})"
        )
        parts.append(
            f"escalation {_percent(canary.get('escalation_rate'))} vs {_percent(champion.get('escalation_rate'))}"
        )
    days = result.get("days")
    if days:
        parts.append(f"days {html.escape(str(days[0]))} to {html.escape(str(days[-1]))}")
    return "<br>".join(parts)


def _change_cell(change: dict | None) -> str:
    if not change:
        return "-"
    return (
        f"{_when(change['ts'])}: {html.escape(str(change['from_status']))} &rarr; {html.escape(change['to_status'])} "
        f"by {html.escape(change['actor'])}<br><small>{html.escape(change['reason'])}</small>"
    )


def _moves_table(moves: list[dict]) -> str:
    if not moves:
        return _no_data("No champion moves yet: the base model serves alone.")
    rows = [
        [
            _when(move["moved_at"]),
            html.escape(move["kind"]),
            html.escape(move["version"]),
            html.escape(move["replaced_version"] or "base model"),
            html.escape(move["actor"]),
            html.escape(move["reason"]),
        ]
        for move in reversed(moves)
    ]
    header = ["moved at", "kind", "champion", "replaced", "actor", "reason"]
    return _table(header, rows, "Champion moves, newest first", "champion-moves", escaped=True)


def _status_cell(status: str) -> str:
    escaped = html.escape(status)
    return f'<span class="status status-{escaped}">{escaped}</span>'


# --- page --------------------------------------------------------------------------------------------------
_CSS = """
body {
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a202c; margin: 0; background: #f7fafc;
}
header { background: #1a365d; color: #fff; padding: 16px 28px; }
header h1 { margin: 0 0 6px; font-size: 22px; }
header dl { display: flex; flex-wrap: wrap; gap: 4px 28px; margin: 0; }
header dt { opacity: .75; font-size: 12px; } header dd { margin: 0; font-weight: 600; }
nav { padding: 8px 28px; background: #e2e8f0; } nav a { margin-right: 16px; color: #2a4365; }
main { padding: 0 28px 28px; }
section { background: #fff; margin: 18px 0; padding: 12px 18px; border-radius: 6px; box-shadow: 0 1px 2px #cbd5e0; }
h2 { font-size: 17px; margin: 4px 0 10px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 14px 28px 0; }
.card { background: #fff; border-radius: 6px; padding: 8px 14px; box-shadow: 0 1px 2px #cbd5e0; min-width: 150px; }
.card .value { font-size: 20px; font-weight: 700; } .card .label, .card .delta { font-size: 12px; color: #4a5568; }
figure.plot { margin: 0 0 8px; } figure.plot svg { width: 100%; height: auto; display: block; }
figcaption { font-size: 12px; color: #4a5568; }
table { border-collapse: collapse; font-size: 12px; margin: 8px 0; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border-bottom: 1px solid #e2e8f0; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #edf2f7; }
.no-data { color: #744210; background: #fefcbf; padding: 8px 12px; border-radius: 4px; }
.gate-passed, .status-champion { color: #276749; font-weight: 600; }
.gate-failed, .status-rejected { color: #9b2c2c; font-weight: 600; }
.status-canary { color: #975a16; font-weight: 600; }
"""

# Records what the browser laid out, so a headless-browser check (test_dashboard_browser) can tell drawn plots
# from an empty file; viewers see nothing of it.
_LAYOUT_PROBE = """
(function () {
  var plots = [];
  document.querySelectorAll("figure.plot").forEach(function (figure) {
    var svg = figure.querySelector("svg");
    var box = svg.getBoundingClientRect();
    var drawn = svg.getBBox();
    var paths = Array.prototype.filter.call(svg.querySelectorAll("path"), function (path) {
      if (path.closest("defs")) { return false; }
      var b = path.getBBox();
      return b.width > 0 || b.height > 0;
    });
    plots.push({name: figure.dataset.plot, left: box.left + window.scrollX, top: box.top + window.scrollY,
                width: box.width, height: box.height, drawnWidth: drawn.width, drawnHeight: drawn.height,
                drawnPaths: paths.length});
  });
  document.body.dataset.renderedPlots = JSON.stringify(plots);
  document.body.dataset.pageHeight = String(document.documentElement.scrollHeight);
})();
"""


def _page(
    days: list[str], totals: dict[str, dict], history: dict, generated_at: datetime, sections: list[_Section]
) -> str:
    period = f"{days[0]} to {days[-1]} ({len(days)} day{'s' if len(days) != 1 else ''})" if days else "no KPI days yet"
    facts = [
        ("period", period),
        ("generated", generated_at.strftime("%Y-%m-%d %H:%M UTC")),
        ("champion", history["champion"] or "base model (no promotion yet)"),
        ("canary", history["canary"] or "none"),
    ]
    header = "".join(f"<div><dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd></div>" for k, v in facts)
    nav = "".join(f'<a href="#{s.anchor}">{html.escape(s.title)}</a>' for s in sections)
    body = "".join(f'<section id="{s.anchor}"><h2>{html.escape(s.title)}</h2>{s.body}</section>' for s in sections)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>feedback-loop KPI dashboard</title><style>{_CSS}</style></head>\n"
        f"<body><header><h1>feedback-loop: is the model getting better?</h1><dl>{header}</dl></header>"
        f"<nav>{nav}</nav>{_cards(days, totals)}<main>{body}</main>"
        f"<script>{_LAYOUT_PROBE}</script></body></html>\n"
    )


def _cards(days: list[str], totals: dict[str, dict]) -> str:
    """The newest day's headline KPIs with the change since the day before."""
    if not days:
        return ""
    latest = totals[days[-1]]
    previous = totals[days[-2]] if len(days) > 1 else None
    cards = []
    for column, label, _ in TREND_RATES:
        cards.append(_card(label, _percent(latest[column]), _delta(latest, previous, column, 100, " pp", "{:+.1f}")))
    cards.append(
        _card(
            "cost per resolved",
            _usd(latest["cost_per_resolved_usd"]),
            _usd_delta(latest, previous, "cost_per_resolved_usd"),
        )
    )
    cards.append(_card("interactions", f"{latest['interactions']:,}", ""))
    return f'<div class="cards" title="{html.escape(days[-1])}">{"".join(cards)}</div>'


def _card(label: str, value: str, delta: str) -> str:
    return (
        f'<div class="card"><div class="label">{html.escape(label)}</div><div class="value">{value}</div>'
        f'<div class="delta">{delta}</div></div>'
    )


def _usd_delta(latest: dict, previous: dict | None, column: str) -> str:
    if previous is None or latest[column] is None or previous[column] is None:
        return "newest day"
    return f"{_usd(latest[column] - previous[column], signed=True)} vs the day before"


def _delta(latest: dict, previous: dict | None, column: str, scale: float, unit: str, form: str) -> str:
    if previous is None or latest[column] is None or previous[column] is None:
        return "newest day"
    return f"{form.format(scale * (latest[column] - previous[column]))}{unit} vs the day before"


def _table(header: list[str], rows: Iterable[list[str]], caption: str, css_id: str, escaped: bool = False) -> str:
    """An HTML table; cells are escaped here unless ``escaped`` says the caller already built safe HTML."""
    head = "".join(f"<th>{html.escape(cell)}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{cell if escaped else html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f'<table id="{css_id}"><caption>{html.escape(caption)}</caption><tr>{head}</tr>{body}</table>'


# --- formatting --------------------------------------------------------------------------------------------
def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def _usd(value: float | None, signed: bool = False) -> str:
    """Dollars with three significant digits at least: a small local model costs fractions of a cent."""
    if value is None:
        return "-"
    digits = 4 if value == 0 else max(4, 2 - math.floor(math.log10(abs(value))))
    return f"{'+' if signed and value >= 0 else '-' if value < 0 else ''}${abs(value):,.{digits}f}"


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _when(value: datetime) -> str:
    return html.escape(_utc(value).strftime("%Y-%m-%d %H:%M UTC"))


def _palette(n: int) -> list:
    from matplotlib import colormaps
    from matplotlib.colors import ListedColormap

    colormap = colormaps["tab10" if n <= 10 else "tab20"]
    assert isinstance(colormap, ListedColormap)  # the qualitative maps list their colours
    colours = cast("Sequence[tuple[float, float, float]]", colormap.colors)
    return [colours[i % len(colours)] for i in range(n)]
