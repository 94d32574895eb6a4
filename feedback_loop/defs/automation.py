"""Jobs, the feedback volume sensor and the daily ingestion schedule."""

import hashlib
import json
from datetime import date, timedelta

import dagster as dg

from feedback_loop.defs.analytics import kpi_daily
from feedback_loop.defs.curate import kto_dataset, preference_pairs, sft_dataset
from feedback_loop.defs.evaluate import adapter_evaluation
from feedback_loop.defs.execution import COMPUTE_TAG, DEFAULT_GPU_POOL, GPU_POOL_TAG, INGESTION_TAG
from feedback_loop.defs.ingest import raw_telemetry
from feedback_loop.defs.label import auto_labeler, labeled_interactions, review_queue
from feedback_loop.defs.model import base_model
from feedback_loop.defs.online import online_ab_test
from feedback_loop.defs.partitions import daily_partitions
from feedback_loop.defs.prompts import prompt_ab_test, prompt_recommendations
from feedback_loop.defs.registry import champion_adapter
from feedback_loop.defs.resources import DataRoot, LateFeedbackWindow, RetrainPolicy
from feedback_loop.defs.run_tags import trigger_tags
from feedback_loop.defs.shadow import shadow_evaluation, shadow_telemetry
from feedback_loop.defs.train import FEEDBACK_COUNTS, lora_adapter
from feedback_loop.ingest import feedback_counts

ingestion_job = dg.define_asset_job(
    "ingestion_job",
    selection=[
        raw_telemetry,
        shadow_telemetry,
        auto_labeler,
        labeled_interactions,
        review_queue,
        online_ab_test,
        shadow_evaluation,
        prompt_ab_test,
        prompt_recommendations,
        kpi_daily,
    ],
    # The job takes its partitions from its daily assets, whose first day build_defs sets from the settings.
    # The tag lets the run coordinator cap how many ingestion runs (a backfill's partitions) run at once.
    tags={INGESTION_TAG: "true"},
    description=(
        "Ingest landing days (and the shadow challenger's answers apart), retrain the auto-labeler, label the days, "
        "refresh the review queue, let the online A/B tests of adapters and system prompts and the shadow "
        "evaluation decide, refresh the prompt recommendations and compute the "
        "days' KPIs."
    ),
)

retrain_job = dg.define_asset_job(
    "retrain_job",
    selection=[
        sft_dataset,
        preference_pairs,
        kto_dataset,
        base_model,
        lora_adapter,
        adapter_evaluation,
        champion_adapter,
    ],
    # One training at a time per pool of GPU nodes (deploy/dagster.yaml); a run started with another `gpu_pool`
    # tag waits only for runs of that pool.
    tags={COMPUTE_TAG: "gpu", GPU_POOL_TAG: DEFAULT_GPU_POOL},
    description=(
        "Curate the SFT and preference datasets, train a LoRA adapter, gate it against the champion and roll it out."
    ),
)


@dg.sensor(job=retrain_job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED)
def feedback_volume_sensor(context: dg.SensorEvaluationContext, data_root: DataRoot, retrain_policy: RetrainPolicy):
    """Starts `retrain_job` once enough new feedback events have been ingested since the last retraining.

    The last retraining is the newer of this sensor's last request and the last materialization of
    `lora_adapter`, however that was started (the demo, a person in the UI or the CLI): the sensor would
    otherwise ask for a retraining right after one. The cursor holds the feedback count per ingested day at the
    last retraining (for a materialization, the counts its metadata recorded when training started) and the
    materialization's storage id; new feedback is what the warehouse holds beyond those counts. The run key is
    derived from the counts, so one batch never starts two runs.
    """
    cursor = _sensor_cursor(context.cursor)
    counted, trained_id = cursor["feedback"], cursor["training_storage_id"]
    current = feedback_counts(data_root.warehouse())
    latest = context.instance.fetch_materializations(lora_adapter.key, limit=1).records
    if latest and latest[0].storage_id != trained_id:
        trained_id = latest[0].storage_id
        materialization = latest[0].asset_materialization
        recorded = materialization.metadata.get(FEEDBACK_COUNTS) if materialization else None
        # A materialization from before the counts were recorded: what the warehouse holds now is the best guess.
        counted = (
            recorded.data if isinstance(recorded, dg.JsonMetadataValue) and isinstance(recorded.data, dict) else current
        )
        context.update_cursor(_dump_cursor(counted, trained_id))
    new = sum(max(0, n - counted.get(day, 0)) for day, n in current.items())
    if new < retrain_policy.feedback_threshold:
        return dg.SkipReason(
            f"{new} new feedback events since the last retraining; threshold {retrain_policy.feedback_threshold}"
        )
    digest = hashlib.sha256(json.dumps(current, sort_keys=True).encode()).hexdigest()[:16]
    context.update_cursor(_dump_cursor(current, trained_id))
    return dg.RunRequest(
        run_key=f"feedback-{digest}", tags={**trigger_tags("sensor"), "feedback_loop/new_feedback": str(new)}
    )


def _sensor_cursor(text: str | None) -> dict:
    """The feedback volume sensor's cursor; a cursor of the earlier format (the counts alone) is read as such."""
    stored = json.loads(text) if text else {}
    if "feedback" not in stored:
        return {"feedback": stored, "training_storage_id": None}
    return stored


def _dump_cursor(counted: dict[str, int], training_storage_id: int | None) -> str:
    return json.dumps({"feedback": counted, "training_storage_id": training_storage_id}, sort_keys=True)


def ingestion_schedule(partitions: dg.DailyPartitionsDefinition) -> dg.ScheduleDefinition:
    """The nightly ingestion schedule over ``partitions`` (it requests no day before their first)."""
    first = date.fromisoformat(partitions.start.strftime("%Y-%m-%d"))

    @dg.schedule(
        name="daily_ingestion_schedule",
        cron_schedule="15 0 * * *",
        job=ingestion_job,
        execution_timezone="UTC",
        default_status=dg.DefaultScheduleStatus.STOPPED,
    )
    def daily_ingestion_schedule(context: dg.ScheduleEvaluationContext, late_feedback: LateFeedbackWindow):
        """Every night: ingest and label yesterday's landing day, and re-label the days before it (and recompute
        their KPIs) for late feedback: `late_feedback` days plus one, because last night's re-labeling ran beside
        the ingestion of the day before and may have missed what landed that day."""
        yesterday = context.scheduled_execution_time.date() - timedelta(days=1)
        if yesterday < first:  # the night of the first day, or a first day still ahead: nothing to ingest yet
            return
        yield dg.RunRequest(
            run_key=f"ingest-{yesterday.isoformat()}",
            partition_key=yesterday.isoformat(),
            tags=trigger_tags("schedule"),
        )
        for back in range(1, late_feedback.days + 2):
            day = yesterday - timedelta(days=back)
            if day >= first:
                yield dg.RunRequest(
                    run_key=f"relabel-{day.isoformat()}-on-{yesterday.isoformat()}",
                    partition_key=day.isoformat(),
                    asset_selection=[labeled_interactions.key, kpi_daily.key],
                    tags=trigger_tags("schedule"),
                )

    return daily_ingestion_schedule


daily_ingestion_schedule = ingestion_schedule(daily_partitions)
