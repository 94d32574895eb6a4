"""Labeling: a learned auto-labeler, one labeled row per interaction, and the queue for human review."""

from collections import Counter
from datetime import date, timedelta

import dagster as dg
import pyarrow as pa
import pyarrow.compute as pc

from feedback_loop.defs.execution import LABEL_OP_TAGS, LIGHT_OP_TAGS
from feedback_loop.defs.ingest import raw_telemetry
from feedback_loop.defs.metadata import markdown_table
from feedback_loop.defs.partitions import daily_partitions
from feedback_loop.defs.resources import DataRoot, LateFeedbackWindow, on_working_copy
from feedback_loop.label import build_review_queue, label_interactions
from feedback_loop.label.combine import combine_labels, with_verdict_qualities
from feedback_loop.label.decisions import REVIEWS_TABLE, reviews_arrow_schema, standing_verdicts
from feedback_loop.label.learned import STORED_PREDICTION_COLUMNS, TRAINING_COLUMNS, LabelerSpec, predict_changed
from feedback_loop.label.review import ReviewBudgetSpec
from feedback_loop.label.rules import (
    INTERACTION_EVENT_COLUMNS,
    SIGNAL_COLUMNS,
    first_of_each_interaction,
    labels_arrow_schema,
)
from feedback_loop.schema import events_arrow_schema

review_decisions = dg.AssetSpec(
    "review_decisions",
    group_name="labeling",
    kinds={"parquet"},
    description=(
        "Human review decisions (warehouse table `reviews`, append-only), recorded by `feedback-loop review` "
        "and `feedback-loop review import`. The latest verdict per interaction overrides automatic labels."
    ),
)


class AutoLabelerConfig(dg.Config, LabelerSpec):
    training_days: int = 28
    """The latest this many days of events provide the explicitly labeled (and reviewed) training examples."""
    min_holdout_auc: float = 0.6
    """The quality check: a labeler whose held-out AUC is below this labels nothing (check severity ERROR)."""
    offensive_lexicon: str | None = None
    """A team's offensive word list for the model's lexicon-hit feature (the packaged one when unset)."""
    refit_min_new_share: float = 0.25
    """Refit once at least this share of the training rows is new, changed or gone since the labeler in use was
    fit (0: on any change). Below it that labeler stays: each day's refit would otherwise read and fit every
    stored day, while a share of new rows makes refits geometric, a bounded cost per day."""


def _training_labels(warehouse, days: list[str], verdicts) -> pa.Table:
    """The training columns of the label rows of ``days``, one row per interaction, with today's verdicts.

    A day whose stored `labels` partition was written after its events is read from it (only
    :data:`TRAINING_COLUMNS`): what `labeled_interactions` wrote, late feedback included as of its last run. A
    day without one, or whose events were written since (the days this run ingests, anew or again, before
    `labeled_interactions` labels them: their stored labels are of former events, none for a day ingested
    before its telemetry landed), is labeled by the rules from its events. An interaction stored under two days
    (re-sent further apart than the late-feedback window) counts once, from its earliest day, as ingestion
    would have kept it.
    """
    columns = list(TRAINING_COLUMNS)
    events_written = warehouse.written("events")
    labels_written = warehouse.written("labels")
    # Equal times (a store that keeps whole seconds) do not tell which came first: such labels count as stale.
    current = [d for d in days if labels_written.get(d, 0) > events_written[d]]
    parts = [warehouse.read_partitions("labels", current, schema=labels_arrow_schema(), columns=columns)]
    stale = [d for d in days if d not in current]
    if stale:
        parts.append(_labels_over(warehouse, stale).select([*columns, "date"]))
    labels = pa.concat_tables(parts, promote_options="default")
    ordered = labels.take(pc.sort_indices(labels, sort_keys=[("date", "ascending")]))
    return with_verdict_qualities(first_of_each_interaction(ordered).select(columns), verdicts)


def _labels_over(warehouse, days: list[str]) -> pa.Table:
    """Rule labels of the interactions of ``days``, with their signals from the same days, and the ``date``
    of each interaction's first event (see :func:`_first_events`)."""
    interactions = _first_events(
        warehouse.read_partitions(
            "events",
            days,
            schema=events_arrow_schema(),
            columns=list(INTERACTION_EVENT_COLUMNS),
            filter=pc.field("event_type") == "interaction",
        )
    )
    signals = warehouse.read_partitions(
        "events",
        days,
        schema=events_arrow_schema(),
        columns=list(SIGNAL_COLUMNS),
        filter=pc.field("event_type") != "interaction",
    )
    labels = label_interactions(interactions, signals)
    day_of = dict(zip(interactions["interaction_id"].to_pylist(), interactions["date"].to_pylist(), strict=True))
    first_days = [day_of[interaction_id] for interaction_id in labels["interaction_id"].to_pylist()]
    return labels.append_column("date", pa.array(first_days, pa.string()))


def _first_events(interactions: pa.Table) -> pa.Table:
    """``interactions`` with only the first event of each interaction id (by date, timestamp, event id)."""
    ordered = interactions.sort_by([("date", "ascending"), ("timestamp", "ascending"), ("event_id", "ascending")])
    return first_of_each_interaction(ordered)


def _verdicts(warehouse):
    return standing_verdicts(warehouse.read_appended(REVIEWS_TABLE, reviews_arrow_schema()))


def _quality_check(passed: bool, description: str, **metadata) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        check_name="labeler_quality",
        passed=passed,
        severity=dg.AssetCheckSeverity.WARN if passed else dg.AssetCheckSeverity.ERROR,
        description=description,
        metadata=metadata,
    )


def _labeler_in_use(
    previous, version: str, new_rows: int | None, rows: int, config: AutoLabelerConfig, root
) -> dg.MaterializeResult | None:
    """The result of not refitting, or None to fit anew. The labeler ``previous`` records was fit as its
    ``trained_version``; it stays when that is ``version`` (the same training rows, spec, encoder and
    lexicons), or when only ``new_rows`` of the ``rows`` training rows are new, changed or gone since, fewer
    than ``refit_min_new_share``; and when its quality check decides as it did and, if published, its folder is
    still under ``root``."""
    trained = previous.record.get("trained_version") if previous is not None else None
    if trained is None:
        return None
    if trained == version:
        why = f"training rows unchanged since {trained} was fit"
    elif new_rows is not None and new_rows < config.refit_min_new_share * rows:
        why = (
            f"{new_rows} of {rows} training rows new or changed since {trained} was fit "
            f"({new_rows / max(rows, 1):.1%} < refit_min_new_share {config.refit_min_new_share:.0%})"
        )
    else:
        return None
    published = previous.version == trained
    if published and not (root / trained).is_dir():
        return None  # the published files are gone: fit it again rather than fail labeling
    heldout_auc = (previous.record.get("quality_check") or {}).get("heldout_auc")
    if heldout_auc is None or (heldout_auc >= config.min_holdout_auc) != published:
        return None  # the threshold changed since: decide anew
    check = {"heldout_auc": heldout_auc, "min_holdout_auc": config.min_holdout_auc}
    outcome = (
        f"labels the interactions nobody judged (published {trained})"
        if published
        else f"labels nothing: held-out AUC {heldout_auc:.3f} < {config.min_holdout_auc}"
    )
    return dg.MaterializeResult(
        metadata={
            "version": trained,
            "published": published,
            "labels_with_model": published,
            "refit": False,
            "outcome": f"{why}, not refit; {outcome}",
            "rows_new_since_fit": new_rows if trained != version else 0,
            "training_days": previous.record.get("training_days") or "none",
            "heldout_auc": heldout_auc,
        },
        check_results=[
            _quality_check(published, f"Held-out AUC of {trained}, not refit; the labeler {outcome}.", **check)
        ],
    )


@dg.asset(
    deps=[raw_telemetry, review_decisions],
    group_name="labeling",
    op_tags=LABEL_OP_TAGS,
    kinds={"scikitlearn"},
    check_specs=[
        dg.AssetCheckSpec(
            "labeler_quality",
            asset="auto_labeler",
            description=(
                "The held-out AUC (prompt groups unseen in training) reaches min_holdout_auc. ERROR when it "
                "does not: that labeler labels nothing. WARN when too few labels to train a new one."
            ),
        )
    ],
)
@on_working_copy
def auto_labeler(context: dg.AssetExecutionContext, config: AutoLabelerConfig, data_root: DataRoot):
    """A calibrated model of label quality from the meaning of prompt and response, saved under
    `models/labeler/<version>` (JSON and safetensors) and published in `models/labeler/current.json`.

    Trained on the interactions of the latest `training_days` days that users judged explicitly or a reviewer
    decided, read from the stored `labels` (their feature and label columns; the rules label a day from its events
    when it has no labels or they are older than its events), and not refit (`refit: false`) while fewer than
    `refit_min_new_share` of those rows are new or changed since the labeler in use was fit (refits come as the
    data grows by a share, not every day). It reads sentence embeddings (all-MiniLM-L6-v2, or the base model's
    hidden states), word features, the shape of the response and the behaviour signals (never the feedback the
    labels come from); a Bradley-Terry term over responses to one prompt with different verdicts. Measured on
    held-out prompt groups. A labeler below `min_holdout_auc` is not published: labeling then uses explicit, human
    and rule labels only (check severity ERROR). With too few labeled examples no new model is trained: labeling
    keeps the previous one (or uses the rules alone) and `labeler_quality` warns.
    """
    from feedback_loop.label.encoders import build_encoder
    from feedback_loop.label.learned import (
        InsufficientLabels,
        labeled_rows,
        planned_version,
        settings_version,
        train_labeler,
        training_row_keys,
    )
    from feedback_loop.label.publication import (
        embedding_store,
        publish_labeler,
        read_publication,
        record_trained_rows,
        rows_new_since,
        withdraw_labeler,
    )

    warehouse = data_root.warehouse()
    days = warehouse.partitions("events")[-config.training_days :]
    labels = _training_labels(warehouse, days, _verdicts(warehouse))
    spec = LabelerSpec.of(config)
    root = data_root.layout.label_models
    encoder = build_encoder(spec.encoder, base_model_dir=data_root.layout.base_model, store_dir=embedding_store(root))
    version = planned_version(labels, spec, encoder.identity, offensive_lexicon=config.offensive_lexicon)
    row_keys = training_row_keys(labeled_rows(labels))
    settings = settings_version(spec, encoder.identity, offensive_lexicon=config.offensive_lexicon)
    previous = read_publication(root)
    trained = previous.record.get("trained_version") if previous is not None else None
    new_rows = rows_new_since(root, trained, settings, row_keys) if trained is not None else None
    in_use = _labeler_in_use(previous, version, new_rows, len(row_keys), config, root)
    if in_use is not None:
        context.log.info(f"auto-labeler not refit: {(in_use.metadata or {})['outcome']}")
        return in_use
    try:
        labeler = train_labeler(labels, spec, encoder=encoder, offensive_lexicon=config.offensive_lexicon)
    except InsufficientLabels as exc:
        published = previous.version if previous is not None else None
        # The previous labeler stays only while it passes the check as configured now (the threshold may have risen).
        previous_auc = (previous.record.get("quality_check") or {}).get("heldout_auc") if previous else None
        fails_now = published is not None and (previous_auc is None or previous_auc < config.min_holdout_auc)
        if published is None or fails_now:
            outcome = "labeling uses explicit, human and rule labels only"
            if fails_now:
                outcome = (
                    f"the previous model {published} (held-out AUC {previous_auc}) fails min_holdout_auc "
                    f"{config.min_holdout_auc} and labels nothing; {outcome}"
                )
            withdraw_labeler(root, f"{exc}; {outcome}")
        else:
            outcome = f"labeling keeps the previous model {published}"
        context.log.warning(f"no new auto-labeler trained ({exc}); {outcome}")
        return dg.MaterializeResult(
            metadata={
                "version": published if published and not fails_now else "none",
                "labels_with_model": published is not None and not fails_now,
                "refit": False,
                "reason": f"{exc}; {outcome}",
                # The days the model in use learned from, not those that were too few to learn from.
                "training_days": (previous.record.get("training_days") if previous else None) or "none",
            },
            check_results=[
                dg.AssetCheckResult(
                    check_name="labeler_quality",
                    passed=False,
                    severity=dg.AssetCheckSeverity.ERROR if fails_now else dg.AssetCheckSeverity.WARN,
                    description=f"No new model: {exc}; {outcome}.",
                )
            ],
        )
    record_trained_rows(root, labeler.version, settings, row_keys)
    training_days = f"{days[0]}..{days[-1]}"
    heldout = {k: labeler.metrics[k] for k in ("auc", "brier", "ece", "accuracy", "pairwise_accuracy")}
    passed = heldout["auc"] >= config.min_holdout_auc
    check = {"heldout_auc": heldout["auc"], "min_holdout_auc": config.min_holdout_auc}
    if passed:
        path = publish_labeler(
            root, labeler, training_days=training_days, quality_check=check, trained_version=labeler.version
        )
        outcome = f"labels the interactions nobody judged (published {labeler.version})"
    else:
        path = None
        outcome = (
            f"labels nothing: held-out AUC {heldout['auc']:.3f} < {config.min_holdout_auc}; labeling uses "
            "explicit, human and rule labels only"
        )
        withdraw_labeler(
            root,
            f"labeler {labeler.version} failed its quality check: {outcome}",
            quality_check=check,
            trained_version=labeler.version,
            training_days=training_days,
            metrics=labeler.metrics,
        )
        context.log.error(f"auto-labeler {labeler.version} {outcome}")
    return dg.MaterializeResult(
        metadata={
            "version": labeler.version,
            "published": passed,
            "labels_with_model": passed,
            "refit": True,
            "outcome": outcome,
            **({"path": dg.MetadataValue.path(str(path))} if path else {}),
            "encoder": labeler.encoder.identity,
            "training_days": training_days,
            **{f"heldout_{k}": v for k, v in heldout.items() if v is not None},
            "n_train": labeler.metrics["n_train"],
            "n_holdout": labeler.metrics["n_holdout"],
            "metrics": dg.MetadataValue.json(labeler.metrics),
        },
        check_results=[
            _quality_check(
                passed,
                f"Held-out AUC on prompt groups unseen in training; the labeler {outcome}.",
                **check,
            )
        ],
    )


class LabeledInteractionsConfig(dg.Config):
    review_below_confidence: float = 0.6
    """Automatic (rule or model) labels less confident than this go to the review queue."""
    use_auto_labeler: bool = True
    """Label the interactions nobody judged with the latest `auto_labeler` model (rules alone when false)."""
    offensive_lexicon: str | None = None
    """A team's offensive word list (one entry per line, `re:` for a pattern) replacing the packaged one."""


def _current_labeler(data_root: DataRoot):
    """(labeler, version) of the published auto_labeler, or (None, why not)."""
    from feedback_loop.label.publication import current_labeler

    return current_labeler(data_root.layout.label_models)


@dg.asset(
    partitions_def=daily_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    deps=[raw_telemetry, auto_labeler, review_decisions],
    group_name="labeling",
    op_tags=LABEL_OP_TAGS,
    kinds={"parquet"},
)
@on_working_copy
def labeled_interactions(
    context: dg.AssetExecutionContext,
    config: LabeledInteractionsConfig,
    data_root: DataRoot,
    late_feedback: LateFeedbackWindow,
) -> dg.MaterializeResult:
    """One row per interaction of the day with its labels (warehouse table `labels`).

    Joins the feedback and behaviour events of the same day and of the following `late_feedback` days
    (late feedback), then labels quality (good/bad/unknown) with its confidence and source, in this precedence:
    a reviewer's decision (`human`), what the user said (`explicit`), then behaviour rules (`rule`) and the
    auto-labeler's calibrated probability (`model`) combined. Also task success, escalation, offensive content
    and comment sentiment. Conflicting, flagged or unsure rows are marked `needs_review`. Re-materialize a day
    to pick up late feedback and new review decisions; decisions are never lost, they live in `reviews`.
    """
    warehouse = data_root.warehouse()
    available = warehouse.partitions("events")
    labeler, model_version = _current_labeler(data_root) if config.use_auto_labeler else (None, "disabled")
    if labeler is None:
        context.log.warning(f"labeling with rules only: {model_version}")
    verdicts = _verdicts(warehouse)
    labeling = {
        "auto_labeler": str(model_version),
        # Without a published labeler (never trained, too few labels, or withdrawn by its quality check):
        "labels_with_model": labeler is not None,
        "label_sources_used": "explicit, human, rule" + (", model" if labeler is not None else ""),
    }
    for day in context.partition_keys:
        window_end = (date.fromisoformat(day) + timedelta(days=late_feedback.days)).isoformat()
        window = [p for p in available if day <= p <= window_end]
        interactions = warehouse.read_partitions(
            "events",
            [day],
            schema=events_arrow_schema(),
            columns=list(INTERACTION_EVENT_COLUMNS),
            filter=pc.field("event_type") == "interaction",
        )
        # Only the signal columns, only about this day's interactions: the filter is pushed into the reader.
        signals = warehouse.read_partitions(
            "events",
            window,
            schema=events_arrow_schema(),
            columns=list(SIGNAL_COLUMNS),
            filter=(pc.field("event_type") != "interaction")
            & pc.field("interaction_id").isin(interactions["interaction_id"].combine_chunks()),
        )
        labels = label_interactions(interactions, signals, offensive_lexicon=config.offensive_lexicon)
        predicted = 0
        good_probability: list[float] | None = None
        if labeler is not None and labels.num_rows:
            stored = warehouse.read_partitions(
                "labels", [day], schema=labels_arrow_schema(), columns=list(STORED_PREDICTION_COLUMNS)
            )
            probabilities, predicted = predict_changed(labeler, labels, stored)
            good_probability = probabilities.tolist()
        labels = combine_labels(
            labels,
            good_probability=good_probability,
            model_version=model_version if labeler is not None else None,
            verdicts=verdicts,
            review_below_confidence=config.review_below_confidence,
        )
        warehouse.write_partition("labels", day, labels)
        late = signals.filter(pc.greater(signals["date"], day))
        counts = Counter(labels["quality"].to_pylist())
        sources = Counter(labels["quality_source"].to_pylist())
        figures = {
            "interactions": labels.num_rows,
            "good": counts.get("good", 0),
            "bad": counts.get("bad", 0),
            "unknown": counts.get("unknown", 0),
            **{f"source_{source}": sources.get(source, 0) for source in ("explicit", "human", "rule", "model", "none")},
            "needs_review": sum(labels["needs_review"].to_pylist()),
            "offensive": sum(labels["offensive"].to_pylist()),
            "late_signals": late.num_rows,
            # P(good) computed anew; the others kept the probability stored for this labeler version.
            "model_predicted": predicted,
        }
        # Scoped to the day's partition, as raw_telemetry's: a run over several days records each day's figures.
        context.add_asset_metadata(
            {**figures, **labeling, "per_day": markdown_table([{"day": day, **figures}])}, partition_key=day
        )
    return dg.MaterializeResult()


class ReviewQueueConfig(dg.Config, ReviewBudgetSpec):
    """The review budget (`ReviewBudgetSpec`, where each field is defined and documented)."""


@dg.asset(deps=[labeled_interactions], group_name="labeling", op_tags=LIGHT_OP_TAGS, kinds={"parquet"})
def review_queue(
    context: dg.AssetExecutionContext, config: ReviewQueueConfig, data_root: DataRoot
) -> dg.MaterializeResult:
    """Interactions a person should decide, as many as a day's review budget holds, most valuable first
    (warehouse table `review_queue`).

    Each day gets `share_per_day` of its interactions as places (at most `max_per_day`). Safety issues
    (offensive responses, users' harmful/privacy/offensive flags) come first but take at most
    `max_safety_share` of them; the rest go by the expected value of a decision: how unsure the label is times
    what it puts at stake (a wrong "good" trains the model on a bad answer). What did not fit is in the
    metadata. Interactions a reviewer already decided are not queued again. Work through it with
    `feedback-loop review`, or exchange it with an annotation tool via `feedback-loop review export/import`.
    """
    warehouse = data_root.warehouse()
    labels = warehouse.read_partitions("labels", schema=labels_arrow_schema())
    # A decision recorded without re-labeling its day (`review --no-relabel`, or a day older than the nightly
    # re-label window) is not in the labels yet: it must not hold a place that an undecided interaction needs.
    decided = pa.array(sorted(_verdicts(warehouse)), pa.string())
    undecided = pc.invert(pc.is_in(labels["interaction_id"], value_set=decided))
    labels = labels.set_column(
        labels.schema.get_field_index("needs_review"), "needs_review", pc.and_(labels["needs_review"], undecided)
    )
    spec = ReviewBudgetSpec.of(config)
    if labels.num_rows:
        built = build_review_queue(labels, spec)
        queue, left_out, per_day = built.queue, built.left_out, built.per_day
    else:
        queue = left_out = labels.append_column("priority", pa.array([], pa.float64()))
        per_day = []
    warehouse.write_table("review_queue", queue)
    columns = ("interaction_id", "priority", "review_reason", "quality")

    def reasons(table: pa.Table) -> dict:
        return dict(Counter(code for codes in table["review_codes"].to_pylist() for code in codes))

    if left_out.num_rows:
        context.log.info(f"{left_out.num_rows} interactions needing review did not fit the review budget")
    return dg.MaterializeResult(
        metadata={
            "queued": queue.num_rows,
            "places": sum(day["places"] for day in per_day),
            "left_out": left_out.num_rows,
            "by_reason": dg.MetadataValue.json(reasons(queue)),
            "left_out_by_reason": dg.MetadataValue.json(reasons(left_out)),
            "per_day": markdown_table(per_day),
            "top": markdown_table([{k: row.get(k) for k in columns} for row in queue.slice(0, 10).to_pylist()]),
            "top_left_out": markdown_table(
                [{k: row.get(k) for k in columns} for row in left_out.slice(0, 10).to_pylist()]
            ),
        }
    )
