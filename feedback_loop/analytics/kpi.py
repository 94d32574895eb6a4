"""Daily KPIs of the assistant, by adapter version, use case and user segment, computed with DuckDB SQL.

:func:`compute_kpis` takes one day's ``labels`` (one row per interaction of the day, with the feedback and
behaviour that arrived up to the end of the late-feedback window already joined by labeling) and the ``events``
of that window (for the time to task completion), and returns one row per (``adapter_version``, ``use_case``,
``user_segment``) of the day, plus the day total, whose three keys are ``"all"``. An interaction without an
adapter counts under ``"base"``; one without a segment under ``"unknown"``. Columns (:data:`KPI_COLUMNS`):

* ``interactions``: interactions of the day. ``sessions``: distinct session ids among them.
* ``thumbs``, ``thumbs_up``: interactions with a thumb (the latest one counts), and with a thumb up;
  ``thumbs_up_rate = thumbs_up / thumbs``.
* ``ratings``: interactions rated (the latest rating counts); ``rating_mean``: their mean rating.
* ``outcomes``: interactions with an outcome (the latest counts); ``resolved``: those whose outcome is
  ``resolved`` or ``converted`` (what a support or a sales conversation is for);
  ``resolution_rate = resolved / outcomes``.
* ``escalated``: interactions the user escalated, by action or outcome, at any point;
  ``escalation_rate = escalated / interactions``.
* ``completed_sessions``, ``time_to_completion_s_mean``: a session completes with the first ``resolved`` or
  ``converted`` outcome event about one of its interactions of the day, in whatever partition of the window
  it landed; its time to completion is from the session's first interaction of the day to that event, in
  seconds. The session counts under the breakdown of the interaction that completed it (and in the total).
  A completion stamped before its session began (a client's clock off) has no duration: it is counted in
  ``early_completions`` (and in ``completed_sessions``) but left out of the mean.
* ``reading_time_ms_mean``: mean over interactions with a reading time of their longest reading time.
* ``corrections``: interactions the user corrected; ``correction_rate = corrections / interactions``.
* ``flags_<reason>``: interactions flagged for that reason (users' flags and reviewers', as labels hold
  them); ``flagged``: interactions with any flag; ``flag_rate = flagged / interactions``.
* ``complaints``: interactions with a negative-sentiment comment or any flag;
  ``complaint_rate = complaints / interactions``.
* ``prompt_tokens``, ``completion_tokens``: their sums. ``cost_usd``: the sum over interactions of
  ``prompt_tokens / 1000 * prompt price + completion_tokens / 1000 * completion price``, at the prices of each
  interaction's ``model_version`` (:class:`Prices`). An interaction whose model has no price has no cost, and
  neither has any row it counts in (NULL, not a partial sum that would understate it);
  ``unpriced_interactions`` counts them. ``cost_per_resolved_usd = cost_usd / resolved``.

Rates are NULL where their denominator is 0, as are means over nothing; counts are int64, rates float64.
"""

from __future__ import annotations

import fnmatch
import math
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from feedback_loop.schema import FLAG_REASONS
from feedback_loop.warehouse import query

# The keys of the day-total row, and what missing keys are grouped as.
TOTAL = "all"
BASE_ADAPTER = "base"
UNKNOWN_SEGMENT = "unknown"

SUCCESS_OUTCOMES = ("resolved", "converted")
_SUCCESS_SQL = "(" + ", ".join(f"'{outcome}'" for outcome in SUCCESS_OUTCOMES) + ")"
KEY_COLUMNS = ("adapter_version", "use_case", "user_segment")

_COUNT, _RATE, _STRING = pa.int64(), pa.float64(), pa.string()
KPI_SCHEMA = pa.schema(
    [(key, _STRING) for key in KEY_COLUMNS]
    + [
        ("interactions", _COUNT),
        ("sessions", _COUNT),
        ("thumbs", _COUNT),
        ("thumbs_up", _COUNT),
        ("thumbs_up_rate", _RATE),
        ("ratings", _COUNT),
        ("rating_mean", _RATE),
        ("outcomes", _COUNT),
        ("resolved", _COUNT),
        ("resolution_rate", _RATE),
        ("escalated", _COUNT),
        ("escalation_rate", _RATE),
        ("completed_sessions", _COUNT),
        ("time_to_completion_s_mean", _RATE),
        ("early_completions", _COUNT),
        ("reading_time_ms_mean", _RATE),
        ("corrections", _COUNT),
        ("correction_rate", _RATE),
        *[(f"flags_{reason}", _COUNT) for reason in FLAG_REASONS],
        ("flagged", _COUNT),
        ("flag_rate", _RATE),
        ("complaints", _COUNT),
        ("complaint_rate", _RATE),
        ("prompt_tokens", _COUNT),
        ("completion_tokens", _COUNT),
        ("cost_usd", _RATE),
        ("cost_per_resolved_usd", _RATE),
        ("unpriced_interactions", _COUNT),
    ]
)
KPI_COLUMNS: tuple[str, ...] = tuple(KPI_SCHEMA.names)

_LABEL_COLUMNS = (
    "interaction_id", "timestamp", "session_id", "use_case", "user_segment", "model_version", "adapter_version",
    "prompt_tokens", "completion_tokens", "thumb", "rating", "correction", "flags", "sentiment",
    "reading_time_ms", "outcome", "escalated",
)  # fmt: skip
_REQUIRED_LABEL_COLUMNS = ("interaction_id", "timestamp", "session_id", "use_case", "model_version")
_EVENT_COLUMNS = ("event_id", "event_type", "timestamp", "interaction_id", "outcome")

_PRICE_FIELDS = ("prompt_per_1k_tokens_usd", "completion_per_1k_tokens_usd")
DEFAULT_PRICES_FILE = "prices.toml"


@dataclass(frozen=True)
class ModelPrice:
    """What 1,000 tokens of one model cost, in USD."""

    prompt_per_1k_tokens_usd: float
    completion_per_1k_tokens_usd: float


@dataclass(frozen=True)
class Prices:
    """Token prices by model version or shell-style pattern (in file order), and the file they came from."""

    models: dict[str, ModelPrice]
    source: str

    def price_of(self, model_version: str) -> ModelPrice | None:
        """The price of ``model_version``: its exact entry, else the first matching pattern, else None."""
        if model_version in self.models:
            return self.models[model_version]
        for key, price in self.models.items():
            if fnmatch.fnmatchcase(model_version, key):
                return price
        return None


def load_prices(path: str | Path | None = None) -> Prices:
    """The prices of a TOML file (the packaged ``prices.toml`` when None); a clear error for a bad entry.

    The file holds ``[models."<model_version or pattern>"]`` tables, each with exactly the non-negative
    numbers ``prompt_per_1k_tokens_usd`` and ``completion_per_1k_tokens_usd``.
    """
    if path is None:
        resource = resources.files("feedback_loop.analytics") / DEFAULT_PRICES_FILE
        source, text = str(resource), resource.read_text(encoding="utf-8")
    else:
        source = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ValueError(f"prices file {source}: cannot be read: {exc}") from exc
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"prices file {source}: not valid TOML: {exc}") from exc
    unknown = sorted(set(document) - {"models"})
    if unknown:
        raise ValueError(f'prices file {source}: unknown top-level keys {unknown}; expected only [models."..."]')
    entries = document.get("models", {})
    if not isinstance(entries, dict):
        raise ValueError(f"prices file {source}: 'models' must be a table of [models.\"<model_version>\"] tables")
    return Prices({model: _model_price(source, model, entry) for model, entry in entries.items()}, source)


def _model_price(source: str, model: str, entry: object) -> ModelPrice:
    where = f"prices file {source}: model {model!r}"
    if not isinstance(entry, dict):
        raise ValueError(f"{where}: must be a table with {', '.join(_PRICE_FIELDS)}")
    extra = sorted(set(entry) - set(_PRICE_FIELDS))
    if extra:
        raise ValueError(f"{where}: unknown fields {extra}; expected {', '.join(_PRICE_FIELDS)}")
    values = {}
    for name in _PRICE_FIELDS:
        if name not in entry:
            raise ValueError(f"{where}: field {name!r} is missing")
        value = entry[name]
        # bool is an int in Python, but `true` is no price.
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
            raise ValueError(f"{where}: field {name!r} must be a finite number >= 0, got {value!r}")
        values[name] = float(value)
    return ModelPrice(**values)


def unpriced_models(labels: pa.Table, prices: Prices) -> dict[str, int]:
    """Interactions per model version of ``labels`` that ``prices`` has no price for."""
    counts: dict[str, int] = {}
    for model in labels["model_version"].to_pylist():
        if prices.price_of(model) is None:
            counts[model] = counts.get(model, 0) + 1
    return dict(sorted(counts.items()))


_KPI_SQL = """
WITH interactions AS (
    SELECT
        interaction_id, timestamp, session_id, model_version, prompt_tokens, completion_tokens, thumb, rating,
        correction, flags, sentiment, reading_time_ms, outcome, escalated,
        COALESCE(adapter_version, '{base}') AS adapter_version,
        use_case,
        COALESCE(user_segment, '{unknown}') AS user_segment
    FROM labels
),
session_starts AS (
    SELECT session_id, MIN(timestamp) AS started_at FROM interactions GROUP BY session_id
),
-- The first success outcome about any of a session's interactions of the day completes the session.
completions AS (
    SELECT
        i.session_id,
        i.interaction_id,
        e.timestamp AS completed_at,
        ROW_NUMBER() OVER (PARTITION BY i.session_id ORDER BY e.timestamp, e.event_id) AS nth
    FROM events AS e JOIN interactions AS i USING (interaction_id)
    WHERE e.event_type = 'behaviour' AND e.outcome IN {success}
),
session_completions AS (
    SELECT c.interaction_id, date_diff('microsecond', s.started_at, c.completed_at) / 1e6 AS seconds
    FROM completions AS c JOIN session_starts AS s USING (session_id)
    WHERE c.nth = 1
),
-- A completion stamped before its session began (a client clock off): no duration, but counted.
completion_times AS (
    SELECT interaction_id, CASE WHEN seconds >= 0 THEN seconds END AS seconds, seconds < 0 AS early
    FROM session_completions
),
facts AS (
    SELECT
        i.*,
        sc.seconds AS time_to_completion_s,
        COALESCE(sc.early, false) AS early_completion,
        p.model_version IS NULL AS unpriced,
        (i.prompt_tokens * p.prompt_per_1k + i.completion_tokens * p.completion_per_1k) / 1000.0 AS cost_usd,
        len(i.flags) > 0 AS flagged,
        len(i.flags) > 0 OR i.sentiment = 'negative' AS complaint,
        i.outcome IN {success} AS resolved
    FROM interactions AS i
    LEFT JOIN completion_times AS sc USING (interaction_id)
    LEFT JOIN prices AS p USING (model_version)
),
grouped AS (
    SELECT
        CASE WHEN GROUPING(adapter_version) = 1 THEN '{total}' ELSE adapter_version END AS adapter_version,
        CASE WHEN GROUPING(use_case) = 1 THEN '{total}' ELSE use_case END AS use_case,
        CASE WHEN GROUPING(user_segment) = 1 THEN '{total}' ELSE user_segment END AS user_segment,
        GROUPING(adapter_version) AS is_total,
        COUNT(*) AS interactions,
        COUNT(DISTINCT session_id) AS sessions,
        COUNT(thumb) AS thumbs,
        COUNT(*) FILTER (WHERE thumb = 'up') AS thumbs_up,
        COUNT(rating) AS ratings,
        AVG(rating) AS rating_mean,
        COUNT(outcome) AS outcomes,
        COUNT(*) FILTER (WHERE resolved) AS resolved,
        COUNT(*) FILTER (WHERE escalated) AS escalated,
        COUNT(*) FILTER (WHERE time_to_completion_s IS NOT NULL OR early_completion) AS completed_sessions,
        AVG(time_to_completion_s) AS time_to_completion_s_mean,
        COUNT(*) FILTER (WHERE early_completion) AS early_completions,
        AVG(reading_time_ms) AS reading_time_ms_mean,
        COUNT(correction) AS corrections,
        {flag_counts},
        COUNT(*) FILTER (WHERE flagged) AS flagged,
        COUNT(*) FILTER (WHERE complaint) AS complaints,
        COALESCE(SUM(prompt_tokens), 0) AS prompt_tokens,
        COALESCE(SUM(completion_tokens), 0) AS completion_tokens,
        COUNT(*) FILTER (WHERE unpriced) AS unpriced_interactions,
        COALESCE(SUM(cost_usd), 0.0) AS priced_cost_usd
    FROM facts
    GROUP BY GROUPING SETS ((adapter_version, use_case, user_segment), ())
)
SELECT
    adapter_version, use_case, user_segment,
    interactions, sessions,
    thumbs, thumbs_up, thumbs_up / NULLIF(thumbs, 0) AS thumbs_up_rate,
    ratings, rating_mean,
    outcomes, resolved, resolved / NULLIF(outcomes, 0) AS resolution_rate,
    escalated, escalated / NULLIF(interactions, 0) AS escalation_rate,
    completed_sessions, time_to_completion_s_mean, early_completions,
    reading_time_ms_mean,
    corrections, corrections / NULLIF(interactions, 0) AS correction_rate,
    {flag_columns},
    flagged, flagged / NULLIF(interactions, 0) AS flag_rate,
    complaints, complaints / NULLIF(interactions, 0) AS complaint_rate,
    prompt_tokens, completion_tokens,
    CASE WHEN unpriced_interactions = 0 THEN priced_cost_usd END AS cost_usd,
    CASE WHEN unpriced_interactions = 0 THEN priced_cost_usd / NULLIF(resolved, 0) END AS cost_per_resolved_usd,
    unpriced_interactions
FROM grouped
ORDER BY is_total DESC, adapter_version, use_case, user_segment
"""


def _kpi_sql() -> str:
    return _KPI_SQL.format(
        base=BASE_ADAPTER,
        unknown=UNKNOWN_SEGMENT,
        total=TOTAL,
        success=_SUCCESS_SQL,
        flag_counts=",\n        ".join(
            f"COUNT(*) FILTER (WHERE list_contains(flags, '{reason}')) AS flags_{reason}" for reason in FLAG_REASONS
        ),
        flag_columns=", ".join(f"flags_{reason}" for reason in FLAG_REASONS),
    )


def compute_kpis(labels: pa.Table, events: pa.Table, prices: Prices) -> pa.Table:
    """The KPI rows (schema :data:`KPI_SCHEMA`) of one day's ``labels``, the day total first.

    ``labels`` are one day's rows of the ``labels`` table; ``events`` are the warehouse events of that day and
    of the late-feedback window after it (other rows, such as interactions or events about other days'
    interactions, are ignored). Raises ValueError naming the interaction or event and the field when a key is
    missing or collides with the day total's ``"all"``.
    """
    labels = _label_rows(labels)
    events = _event_rows(events)
    price_rows = []
    for model in sorted(set(labels["model_version"].to_pylist())):
        price = prices.price_of(model)
        if price is not None:
            price_rows.append(
                {
                    "model_version": model,
                    "prompt_per_1k": price.prompt_per_1k_tokens_usd,
                    "completion_per_1k": price.completion_per_1k_tokens_usd,
                }
            )
    price_table = pa.Table.from_pylist(
        price_rows,
        schema=pa.schema([("model_version", _STRING), ("prompt_per_1k", _RATE), ("completion_per_1k", _RATE)]),
    )
    return query(_kpi_sql(), labels=labels, events=events, prices=price_table).cast(KPI_SCHEMA)


def _label_rows(labels: pa.Table) -> pa.Table:
    """The label columns the KPIs need, checked: keys present, and none named like the day total."""
    missing = [column for column in _LABEL_COLUMNS if column not in labels.column_names]
    if missing:
        raise ValueError(f"labels: the table lacks the columns {missing}")
    labels = labels.select(list(_LABEL_COLUMNS))
    for column in _REQUIRED_LABEL_COLUMNS:
        index = pc.index(pc.is_null(labels[column]), True).as_py()
        if index >= 0:
            raise ValueError(f"labels: interaction {labels['interaction_id'][index].as_py()!r} has no {column}")
    for column in KEY_COLUMNS:
        index = pc.index(pc.fill_null(pc.equal(labels[column], TOTAL), False), True).as_py()
        if index >= 0:
            raise ValueError(
                f"labels: interaction {labels['interaction_id'][index].as_py()!r} has {column} {TOTAL!r}, "
                "which names the day total in kpi_daily"
            )
    return labels


def _event_rows(events: pa.Table) -> pa.Table:
    missing = [column for column in _EVENT_COLUMNS if column not in events.column_names]
    if missing:
        raise ValueError(f"events: the table lacks the columns {missing}")
    return events.select(list(_EVENT_COLUMNS))
