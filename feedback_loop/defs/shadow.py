"""Shadow deployment: the shadow challenger's unseen answers, ingested apart, and the evaluation that lets it on
to the canary or rejects it."""

import tempfile
from pathlib import Path

import dagster as dg
from pydantic import Field

from feedback_loop.defs.execution import INGEST_OP_TAGS, LIGHT_OP_TAGS
from feedback_loop.defs.ingest import LOGGED_QUARANTINE_LINES, RawTelemetryConfig, log_skipped
from feedback_loop.defs.label import labeled_interactions
from feedback_loop.defs.online import online_ab_test
from feedback_loop.defs.partitions import daily_partitions
from feedback_loop.defs.registry import ROLLOUT_RACE_RETRIES
from feedback_loop.defs.resources import (
    AdapterRegistry,
    DataRoot,
    Privacy,
    PromotionPolicy,
    on_working_copy,
    withdraw_rejected_adapter,
)
from feedback_loop.evaluate.shadow import ShadowResult, ShadowSpec
from feedback_loop.files import replacing, write_json_atomic
from feedback_loop.ingest import IngestSpec
from feedback_loop.registry import ConcurrentChangeError
from feedback_loop.registry.policy import SHADOW_EVALUATION

SHADOW_CHECK = "shadow_gate"
SHADOW_EVENTS = "shadow_events"
SHADOW_COLUMNS = ["response", "adapter_version", "latency_ms"]
LIVE_COLUMNS = [
    "interaction_id",
    "user_id",
    "use_case",
    "prompt",
    "response",
    "adapter_version",
    "latency_ms",
    "correction",
]


class ShadowTelemetryConfig(RawTelemetryConfig):
    """The same validation and redaction settings as `raw_telemetry` (each default written there)."""


@dg.asset(
    partitions_def=daily_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    group_name="telemetry",
    op_tags=INGEST_OP_TAGS,
    kinds={"parquet", "duckdb"},
)
def shadow_telemetry(
    context: dg.AssetExecutionContext, config: ShadowTelemetryConfig, data_root: DataRoot, privacy: Privacy
) -> dg.MaterializeResult:
    """A shadow challenger's answers of one day (warehouse table `shadow_events`), never in `events`.

    Reads `shadow_landing/<day>/*.jsonl`: interaction events that name the live interaction they shadowed, with
    the shadow's answer, adapter version, measured latency and tokens. They pass through the same code as
    `raw_telemetry` (strict validation, quarantine in `shadow_quarantine` with file, line, field and reason,
    redaction of the free text, keyed pseudonyms of user and session ids), but into tables of their own: nobody
    saw these answers, so no KPI, label or training set reads them. Every entry skipped, in the day's folder or
    at the top of `shadow_landing/` where no day reads it, is listed in each day's metadata (`skipped`) and logged
    as a warning, as `raw_telemetry` does. Re-running a day replaces its partition.
    """
    from feedback_loop.ingest import first_rows, ingest_partition_file, not_day_folders

    warehouse = data_root.warehouse()
    key = privacy.pseudonym_key()
    spec = IngestSpec.of(config)
    # As raw_telemetry: one level of the folder, where the data root is.
    not_days = not_day_folders(data_root.store().names("shadow_landing"))
    logged_once: set[str] = set()
    for day in sorted(context.partition_keys):
        data_root.pull(f"shadow_landing/{day}")
        with tempfile.TemporaryDirectory(prefix=f"shadow-ingest-{day}-", dir=spec.work_dir) as scratch:
            # As raw_telemetry: from a work file into the warehouse, so a day of any size is never held in memory.
            result = ingest_partition_file(data_root.layout.shadow_landing, day, key, Path(scratch), (), spec, not_days)
            warehouse.write_partition_file(SHADOW_EVENTS, day, result.events_path)
            warehouse.write_partition_file("shadow_quarantine", day, result.quarantine_path)
            logged = first_rows(result.quarantine_path, LOGGED_QUARANTINE_LINES)
        log_skipped(context, day, result, "shadow_landing", logged_once)
        for row in logged:
            context.log.warning(
                f"{day}: quarantined shadow {row['source_file']}:{row['line_number']} ({row['field']}): {row['reason']}"
            )
        # Scoped to the day's partition, as raw_telemetry's: a run over several days records each day's counts.
        context.add_asset_metadata(
            {
                **{name: getattr(result, name) for name in ("read", "valid", "quarantined", "duplicates")},
                "skipped_files": len(result.skipped),
                "skipped": dg.MetadataValue.json(result.skipped),
            },
            partition_key=day,
        )
    return dg.MaterializeResult()


class ShadowEvaluationConfig(dg.Config, ShadowSpec):
    """The shadow evaluation's settings: :class:`feedback_loop.evaluate.shadow.ShadowSpec` (each default written
    there), and how far back the warehouse is searched for the shadow's answers."""

    lookback_days: int = Field(14, ge=1)
    """How many of the latest days of `shadow_events` (and their labels) are searched."""


@dg.asset(
    deps=[labeled_interactions, shadow_telemetry, online_ab_test],
    group_name="evaluation",
    op_tags=LIGHT_OP_TAGS,
    kinds={"duckdb"},
    check_specs=[
        dg.AssetCheckSpec(
            SHADOW_CHECK,
            asset=SHADOW_EVALUATION,
            blocking=True,
            description="Shadow gate, with the offline gate's rules and margins on live prompts: the shadow's "
            "answers differ from the champion's, its P(good) improvement's interval (resampling users) lies above "
            "the margin, its agreement with users' corrections of the champion is not worse by more than the "
            "margin, and offensive answers are no more frequent. A challenger that fails never reaches the canary.",
        )
    ],
)
@on_working_copy
def shadow_evaluation(
    context: dg.AssetExecutionContext,
    config: ShadowEvaluationConfig,
    data_root: DataRoot,
    registry: AdapterRegistry,
    promotion_policy: PromotionPolicy,
):
    """The shadow challenger against the champion on the same live prompts, and its move to the canary.

    Runs after the online A/B test, so a canary's verdict comes before a new canary could supersede it. With a
    version in `shadow`: once its shadow period (days with shadow traffic, or shadowed prompts, as its rollout
    asked) is over, its answers are paired with the champion's answers to the same prompts, both scored by the
    published auto-labeler (P(good)), and compared (`feedback_loop.evaluate.shadow`). Passed: the rollout goes
    ahead (canary, or champion with an immediate rollout); failed: the version is rejected and the blocking
    `shadow_gate` check fails. Both land in the audit log, the figures in the registry under `shadow_evaluation`
    and the pairs in `evaluations/<version>/shadow_pairs.parquet`. Before the period is over: `wait`.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from feedback_loop.evaluate.shadow import compare_shadow, pair_shadow_events, score_pairs
    from feedback_loop.label.publication import current_labeler
    from feedback_loop.registry.policy import ShadowPeriod, apply_shadow_decision, rollout_plan
    from feedback_loop.schema import events_arrow_schema

    store = registry.open()
    shadow = store.shadow()
    if shadow is None:
        yield from _events(context, {"decision": "none", "reasons": ["no challenger is in shadow"]}, None)
        return
    version = shadow.version
    period = ShadowPeriod(**rollout_plan(shadow)["shadow"])
    warehouse = data_root.warehouse()
    days = warehouse.partitions(SHADOW_EVENTS)[-config.lookback_days :]
    events = warehouse.read_partitions(
        SHADOW_EVENTS, days, schema=events_arrow_schema(), columns=["interaction_id", *SHADOW_COLUMNS]
    )
    answered = events.filter(pc.equal(events["adapter_version"], version))
    shadow_days = sorted(set(answered["date"].to_pylist()))
    waiting = {"decision": "wait", "version": version, "shadow_days": len(shadow_days), "prompts": answered.num_rows}
    if not period.over(len(shadow_days), answered.num_rows):
        waiting["reasons"] = [
            f"{version} answered {answered.num_rows} prompts on {len(shadow_days)} day(s) in shadow; its period is "
            f"{period.days} day(s)" + (f" or {period.prompts} prompts" if period.prompts else "")
        ]
        yield from _events(context, waiting, None)
        return

    labeled = [day for day in warehouse.partitions("labels") if day in shadow_days]
    labels = warehouse.read_partitions("labels", labeled, columns=LIVE_COLUMNS).to_pylist()
    pairs, unmatched = pair_shadow_events(answered.to_pylist(), labels, version)
    labeler, labeler_version = current_labeler(data_root.layout.label_models)
    spec = ShadowSpec.of(config)
    # Without a published labeler the users' corrections are the evidence (compare_shadow says so in its reasons).
    result = compare_shadow(score_pairs(pairs, labeler.predict_good_proba if labeler else None), spec)
    # No evidence is no verdict: rejection is final, so the challenger waits in shadow for more users or
    # corrections (until the period's lookback has them, or a newer challenger supersedes it).
    if result.insufficient:
        waiting["reasons"] = result.reasons
        yield from _events(context, waiting, None)
        return
    champions = sorted({str(pair["champion_version"] or "base") for pair in pairs})
    result = result.model_copy(update={"challenger_version": version, "champion_version": ", ".join(champions)})
    if unmatched:
        result.reasons.append(f"{unmatched} shadow answers found no labeled live interaction and were not compared")

    out_dir = data_root.layout.evaluations / version
    out_dir.mkdir(parents=True, exist_ok=True)
    if pairs:
        with replacing(out_dir / "shadow_pairs.parquet") as pairs_file:  # an evaluation at once writes it too
            pq.write_table(pa.Table.from_pylist(pairs), pairs_file)
    summary = {
        **result.model_dump(mode="json"),
        "decision": "passed" if result.passed else "rejected",
        "labeler_version": labeler_version if labeler else None,
        "shadow_days": len(shadow_days),
        "unmatched": unmatched,
    }
    write_json_atomic(out_dir / "shadow_summary.json", summary)
    store.add_metrics(version, {SHADOW_EVALUATION: summary}, actor=SHADOW_EVALUATION)
    try:
        outcome = apply_shadow_decision(
            store,
            version,
            result.passed,
            require_approval=promotion_policy.require_approval,
            actor=SHADOW_EVALUATION,
            reason="shadow: " + "; ".join(result.reasons),
        )
    except ConcurrentChangeError as error:
        # Another evaluation at once (two runs of the job) moved the challenger, or the canary it supersedes, first:
        # nothing changed here; the step runs again on the new state.
        raise dg.RetryRequested(max_retries=ROLLOUT_RACE_RETRIES, seconds_to_wait=1) from error
    summary["status"] = outcome.status
    if outcome.superseded:
        context.log.info(f"canary {outcome.superseded} superseded by {version}")
    if withdrawn := withdraw_rejected_adapter(data_root, store):
        context.log.info(withdrawn)
    yield from _events(context, summary, result)


def _events(context: dg.AssetExecutionContext, summary: dict, result: ShadowResult | None):
    """The output and the `shadow_gate` check: it fails only on a rejected challenger (waiting is no failure)."""
    figures: dict = {}
    if result is not None:
        figures = {"prompts": result.prompts, "users": result.users, "corrections": result.corrections}
        if result.primary is not None:
            primary = result.primary
            figures |= {
                "differing_share": result.differing_share,
                "primary_metric": primary.metric,
                **{f"{primary.metric}_{name}": getattr(primary, name) for name in ("mean", "low", "high", "margin")},
            }
        if result.guardrail is not None:
            figures |= {f"correction_f1_{name}": getattr(result.guardrail, name) for name in ("mean", "low", "high")}
    context.log.info(f"shadow evaluation: {summary['decision']}: {'; '.join(summary.get('reasons', []))}")
    yield dg.Output(
        summary,
        metadata={
            "decision": summary["decision"],
            "version": str(summary.get("version") or summary.get("challenger_version")),
            **figures,
            "worst_examples": dg.MetadataValue.json(result.worst_examples if result else []),
        },
    )
    yield dg.AssetCheckResult(
        check_name=SHADOW_CHECK,
        passed=summary["decision"] != "rejected",
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={"decision": summary["decision"], "reasons": "; ".join(summary.get("reasons", [])), **figures},
    )
