"""The KPI dashboard page: self-contained, every section and plot drawn from the data, data text escaped,
empty data rendered as notes, and a clear error for a kpi_daily table that breaks its contract."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

import pyarrow as pa
import pytest

from feedback_loop.analytics.dashboard import build_dashboard, registry_history
from feedback_loop_tests.analytics.kpi_tables import kpi_row, kpi_table, registry_with_two_challengers, three_days

PLOTS = ["kpi_trends", "feedback_distribution", "escalation_patterns", "cost_by_adapter", "gate_intervals"]
SECTIONS = ["trends", "feedback", "escalation", "cost", "challengers"]
GENERATED = datetime(2026, 11, 4, 8, 30, tzinfo=UTC)


class Page(HTMLParser):
    """What a test needs of the page: URL attributes, tag counts, section ids, and per plot its SVG paths and
    the text matplotlib wrote (as comments, since text is drawn as glyph paths)."""

    def __init__(self, text: str):
        super().__init__()
        self.urls: list[str] = []
        self.tags: dict[str, int] = {}
        self.sections: list[str] = []
        self.plots: dict[str, dict] = {}
        self.text: list[str] = []
        self._plot: str | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        self.urls += [value for name, value in attrs.items() if name in ("src", "href", "xlink:href") and value]
        if tag == "section":
            self.sections.append(attrs["id"])
        if tag == "figure":
            self._plot = attrs["data-plot"]
            self.plots[self._plot] = {"svg": 0, "paths": 0, "comments": [], "caption": ""}
        elif self._plot and tag in ("svg", "path"):
            self.plots[self._plot][{"svg": "svg", "path": "paths"}[tag]] += 1

    def handle_endtag(self, tag):
        if tag == "figure":
            self._plot = None

    def handle_comment(self, data):
        if self._plot:
            self.plots[self._plot]["comments"].append(data.strip())

    def handle_data(self, data):
        self.text.append(data)
        if self._plot:
            self.plots[self._plot]["caption"] += data

    @property
    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def _history(**changes) -> dict:
    return {"champion": None, "canary": None, "challengers": [], "champion_moves": [], **changes}


def _move(version: str, at: datetime, kind: str = "promote") -> dict:
    return {"moved_at": at, "version": version, "replaced_version": None, "kind": kind, "actor": "t", "reason": "r"}


@pytest.fixture
def full(tmp_path):
    """The dashboard of three days and a registry with one promoted and one rejected challenger."""
    store = registry_with_two_challengers(f"sqlite:///{tmp_path / 'registry.db'}")
    report = build_dashboard(
        kpi_table(three_days()),
        registry_history(store),
        tmp_path / "reports" / "dashboard.html",
        generated_at=GENERATED,
    )
    return report, report.path.read_text(encoding="utf-8")


def test_the_page_is_self_contained(full):
    _, text = full
    page = Page(text)
    assert page.urls, "the navigation's anchors at least"
    # In-page anchors and inline data (matplotlib draws a colour bar as an embedded PNG): nothing to fetch.
    outside = [url for url in page.urls if not url.startswith(("#", "data:"))]
    assert not outside, outside
    assert "link" not in page.tags and "img" not in page.tags and "iframe" not in page.tags
    assert page.tags["script"] == 1 and "src=" not in text.split("<script")[1].split(">")[0]
    assert "@import" not in text and not re.search(r"url\((?!#)", text), "only in-page references in url()"
    assert "<?xml" not in text and "<!DOCTYPE svg" not in text


def test_every_section_and_plot_is_drawn_from_the_data(full):
    report, text = full
    page = Page(text)
    assert page.sections == SECTIONS
    assert report.plots == PLOTS and list(page.plots) == PLOTS
    assert report.days == ["2026-11-01", "2026-11-02", "2026-11-03"] and report.challengers == 2
    for name, plot in page.plots.items():
        assert plot["svg"] == 1 and plot["paths"] >= 10, (name, plot["paths"])

    header = page.all_text
    assert "2026-11-01 to 2026-11-03 (3 days)" in header
    assert "2026-11-04 08:30 UTC" in header
    assert "champion v1" in header and "canary none" in header
    # The newest day's cards against the day before (hand-computed from three_days()).
    assert "thumbs-up rate 70.0% +20.0 pp vs the day before" in header

    trends = page.plots["kpi_trends"]["comments"]
    assert {"thumbs-up rate", "resolution rate", "escalation rate", "correction rate"} <= set(trends)
    assert {"base", "v1"} <= set(trends), "the traffic share by adapter version"
    feedback = page.plots["feedback_distribution"]["comments"]
    assert {"billing", "shipping", "free", "pro", "unknown", "thumbs up", "thumbs down"} <= set(feedback)
    escalation = page.plots["escalation_patterns"]["comments"]
    pro = [
        row
        for row in kpi_table(three_days()).to_pylist()
        if (row["use_case"], row["user_segment"]) == ("billing", "pro")
    ]
    rate = sum(row["escalated"] for row in pro) / sum(row["interactions"] for row in pro)
    assert f"{rate:.0%}" in escalation and "n=180" in escalation
    cost = page.plots["cost_by_adapter"]["comments"]
    assert {"base", "v1"} <= set(cost)
    gate = page.plots["gate_intervals"]["comments"]
    assert {"v1", "v2", "(loss)"} <= set(gate)


def test_the_daily_totals_and_the_challenger_history_read_as_computed(full):
    _, text = full
    words = Page(text).all_text
    # Day 3: 260 interactions, 130 thumbs of which 91 up (70.0%), 182 resolved (70.0%), cost 0.13 USD.
    assert "2026-11-03 260 70.0% 70.0%" in words
    assert "$0.1300 $0.0007" in words
    assert "v1 " in words and "champion loss +0.0800, 95% [+0.0400, +0.1200], margin +0.0000, n=64 passed" in words
    assert "promote thumbs-up 70.0% (n=120) vs 45.0% (n=400)" in words
    assert "rejected loss -0.0300, 95% [-0.0700, +0.0100], margin +0.0000, n=64 failed" in words
    assert "candidate → rejected by adapter_evaluation interval does not lie above the margin" in words
    assert "promote v1 base model online_ab_test" in words


def test_text_from_the_data_is_escaped(tmp_path):
    evil = '<script>alert("x")</script>'
    rows = [kpi_row("v&<b>", evil, "pro", 10, 4, 2, resolved=5, escalated=1)]
    challenger = {
        "version": "v&<b>",
        "status": "candidate",
        "registered_at": GENERATED,
        "online_ab_test": None,
        "offline_evaluation": {"passed": False, "reasons": [evil]},
        "last_change": {"ts": GENERATED, "from_status": None, "to_status": "candidate", "actor": evil, "reason": evil},
    }
    history = _history(
        challengers=[challenger],
        champion="v&<b>",
        champion_moves=[_move("v&<b>", datetime(2026, 11, 1, 15, tzinfo=UTC))],
    )
    report = build_dashboard(kpi_table({"2026-11-01": rows}), history, tmp_path / "d.html", generated_at=GENERATED)
    text = report.path.read_text()
    assert "<script>alert" not in text and "<b>" not in text
    assert text.count("<script") == 1
    assert "v&amp;&lt;b&gt;" in text and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text
    page = Page(text)
    assert page.urls and all(url.startswith(("#", "data:")) for url in page.urls)
    # matplotlib writes each text as a comment beside its glyphs, escaped too.
    assert "promoted v&amp;&lt;b&gt;" in page.plots["kpi_trends"]["comments"]


def test_empty_data_renders_no_data_notes(tmp_path):
    report = build_dashboard(
        pa.table({"date": pa.array([], pa.string())}), _history(), tmp_path / "d.html", generated_at=GENERATED
    )
    assert report.plots == [] and report.days == [] and report.challengers == 0
    page = Page(report.path.read_text())
    assert page.sections == SECTIONS and page.plots == {}
    words = page.all_text
    assert "period no KPI days yet" in words and "champion base model (no promotion yet)" in words
    assert "No KPI data yet" in words and "No challengers registered yet" in words
    assert words.count("No ") >= 5


def test_challengers_without_an_interval_render_their_table_without_a_plot(tmp_path):
    challenger = {
        "version": "v9",
        "status": "candidate",
        "registered_at": GENERATED,
        "offline_evaluation": None,
        "online_ab_test": None,
        "last_change": None,
    }
    report = build_dashboard(kpi_table(three_days()), _history(challengers=[challenger]), tmp_path / "d.html")
    assert "gate_intervals" not in report.plots and report.challengers == 1
    words = Page(report.path.read_text()).all_text
    assert "No challenger has an offline gate interval yet" in words and "v9" in words and "not evaluated" in words


def test_champion_moves_are_drawn_in_the_period_and_named_outside_it(tmp_path):
    at = lambda day, hour: datetime.fromisoformat(f"{day}T{hour:02d}:00:00+00:00")  # noqa: E731
    moves = [
        _move("v0", at("2026-10-20", 9)),
        _move("v1", at("2026-11-02", 10)),
        _move("v0", at("2026-11-04", 3), kind="rollback"),
        _move("v2", at("2026-11-20", 3)),
    ]
    report = build_dashboard(kpi_table(three_days()), _history(champion_moves=moves), tmp_path / "d.html")
    trends = Page(report.path.read_text()).plots["kpi_trends"]
    assert "promoted v1" in trends["comments"] and "rolled back to v0" in trends["comments"]
    assert "promoted v2" not in trends["comments"] and "promoted v0" not in trends["comments"]
    caption = " ".join(trends["caption"].split())
    assert "Champion at the start of the period: v0" in caption
    assert "kpi_daily has not caught up" in caption
    assert "Not drawn, more than a day after the newest KPI day: promoted v2 (2026-11-20 03:00 UTC)" in caption


def test_cost_per_resolved_leaves_out_rows_without_a_price(tmp_path):
    rows = [
        kpi_row("v1", "billing", "pro", 100, 10, 5, resolved=40, escalated=0, cost_usd=0.2),
        kpi_row("v1", "billing", "free", 50, 10, 5, resolved=30, escalated=0, cost_usd=None, unpriced=50),
    ]
    report = build_dashboard(kpi_table({"2026-11-01": rows}), _history(), tmp_path / "d.html")
    plot = Page(report.path.read_text()).plots["cost_by_adapter"]
    # 0.2 USD over the 40 resolved of the priced row; the unpriced row's 30 resolved do not dilute it.
    assert "$0.00500" in plot["comments"] and "40 resolved" in plot["comments"]
    assert "unpriced interactions by adapter version: v1: 50" in " ".join(plot["caption"].split())
    trends = " ".join(Page(report.path.read_text()).plots["kpi_trends"]["caption"].split())
    assert "No cost on 1 of the 1 days" in trends


def test_a_long_period_is_plotted_whole_and_tabled_for_its_newest_month(tmp_path):
    start = datetime(2026, 9, 1)
    days = {
        (start + timedelta(days=i)).date().isoformat(): [kpi_row("v1", "billing", "pro", 10 + i, 4, 2, 5, 1)]
        for i in range(40)
    }
    report = build_dashboard(kpi_table(days), _history(), tmp_path / "d.html")
    assert len(report.days) == 40 and "kpi_trends" in report.plots
    words = Page(report.path.read_text()).all_text
    assert "2026-09-01 to 2026-10-10 (40 days)" in words
    assert "Daily totals, newest first (the newest 31 of 40 days)" in words
    assert "2026-10-10 49 " in words and "2026-09-10 " in words and "2026-09-09 " not in words


def test_the_file_is_replaced_whole(tmp_path):
    out = tmp_path / "reports" / "dashboard.html"
    build_dashboard(kpi_table(three_days()), _history(), out)
    first = out.read_text()
    build_dashboard(pa.table({"date": pa.array([], pa.string())}), _history(), out)
    assert out.read_text() != first
    assert [p.name for p in out.parent.iterdir()] == ["dashboard.html"]


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (lambda t: t.drop_columns(["resolved"]), r"columns \['resolved'\] are missing"),
        (lambda t: t.filter(pa.compute.not_equal(t["use_case"], "all")), r"day 2026-11-0\d: no total row"),
        (lambda t: pa.concat_tables([t, t.slice(t.num_rows - 1)]), r"day 2026-11-03: more than one total row"),
        (
            lambda t: t.set_column(
                t.column_names.index("user_segment"),
                "user_segment",
                pa.array([None, *t["user_segment"].to_pylist()[1:]], pa.string()),
            ),
            r"kpi_daily row \(date='2026-11-01', adapter_version='base', use_case='billing', user_segment=None\): "
            r"field 'user_segment' is null",
        ),
        (
            lambda t: t.set_column(t.column_names.index("date"), "date", pa.array(["11/01/2026"] * t.num_rows)),
            r"field 'date' is not an ISO date",
        ),
    ],
)
def test_a_table_breaking_the_contract_is_refused_with_the_row_and_field(tmp_path, breakage, message):
    with pytest.raises(ValueError, match=message):
        build_dashboard(breakage(kpi_table(three_days())), _history(), tmp_path / "d.html")
    assert not (tmp_path / "d.html").exists()


def test_a_history_without_a_key_is_refused(tmp_path):
    history = _history()
    del history["champion_moves"]
    with pytest.raises(ValueError, match="'champion_moves' is missing"):
        build_dashboard(kpi_table(three_days()), history, tmp_path / "d.html")


def test_registry_history_lists_challengers_oldest_first_with_their_decisions(tmp_path):
    store = registry_with_two_challengers(f"sqlite:///{tmp_path / 'registry.db'}")
    history = registry_history(store)
    assert history["champion"] == "v1" and history["canary"] is None
    assert [(c["version"], c["status"]) for c in history["challengers"]] == [("v1", "champion"), ("v2", "rejected")]
    v1, v2 = history["challengers"]
    assert v1["online_ab_test"]["decision"] == "promote" and v1["offline_evaluation"]["passed"]
    assert v1["last_change"]["to_status"] == "champion" and v1["last_change"]["actor"] == "online_ab_test"
    assert v2["online_ab_test"] is None and v2["last_change"]["reason"] == "interval does not lie above the margin"
    assert [(m["kind"], m["version"]) for m in history["champion_moves"]] == [("promote", "v1")]
    assert datetime.now(UTC) - history["champion_moves"][0]["moved_at"] < timedelta(minutes=5)


def test_small_costs_keep_three_significant_digits():
    from feedback_loop.analytics.dashboard import _usd

    # A small local model costs fractions of a cent per conversation: "$0.0000" would say nothing.
    assert [_usd(v) for v in (1.2345e-5, 0.005, 12.3456, 0.0, None)] == [
        "$0.0000123",
        "$0.00500",
        "$12.3456",
        "$0.0000",
        "-",
    ]
    assert _usd(-3e-6, signed=True) == "-$0.00000300" and _usd(2e-6, signed=True) == "+$0.00000200"


def test_a_challengers_shadow_decision_is_shown_with_its_interval(tmp_path):
    challenger = {
        "version": "v7",
        "status": "rejected",
        "registered_at": GENERATED,
        "offline_evaluation": None,
        "online_ab_test": None,
        "shadow_evaluation": {
            "passed": False,
            "prompts": 412,
            "users": 288,
            "differing_share": 0.75,
            "primary": {"metric": "p_good", "mean": -0.21, "low": -0.26, "high": -0.16},
            "reasons": ["p_good improvement -0.2100 does not lie above the practical margin"],
        },
        "last_change": None,
    }
    report = build_dashboard(kpi_table(three_days()), _history(challengers=[challenger]), tmp_path / "d.html")
    words = Page(report.path.read_text()).all_text
    assert "shadow (live prompts, unseen)" in words
    assert "failed P(good) -0.210 [-0.260, -0.160] over 288 users, 412 prompts, answers differ on 75.0%" in words
    assert "does not lie above the practical margin" in words
