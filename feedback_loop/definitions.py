"""The Dagster code location of feedback-loop: assembles assets, checks, jobs, sensors and resources."""

import dagster as dg

from feedback_loop.defs.analytics import kpi_daily, kpi_dashboard
from feedback_loop.defs.automation import (
    daily_ingestion_schedule,
    feedback_volume_sensor,
    ingestion_job,
    retrain_job,
)
from feedback_loop.defs.curate import sft_dataset
from feedback_loop.defs.evaluate import adapter_evaluation
from feedback_loop.defs.ingest import raw_telemetry
from feedback_loop.defs.label import auto_labeler, labeled_interactions, review_decisions, review_queue
from feedback_loop.defs.model import base_model
from feedback_loop.defs.online import online_ab_test
from feedback_loop.defs.prompts import prompt_ab_test, prompt_recommendations
from feedback_loop.defs.registry import champion_adapter
from feedback_loop.defs.resources import default_resources
from feedback_loop.defs.train import lora_adapter

ASSETS = [
    raw_telemetry,
    review_decisions,
    auto_labeler,
    labeled_interactions,
    review_queue,
    sft_dataset,
    base_model,
    lora_adapter,
    adapter_evaluation,
    champion_adapter,
    online_ab_test,
    prompt_ab_test,
    prompt_recommendations,
    kpi_daily,
    kpi_dashboard,
]


def build_defs(resources: dict | None = None) -> dg.Definitions:
    """The definitions with the given resources (the environment's defaults when None)."""
    return dg.Definitions(
        assets=ASSETS,
        jobs=[ingestion_job, retrain_job],
        sensors=[feedback_volume_sensor],
        schedules=[daily_ingestion_schedule],
        resources=resources if resources is not None else default_resources(),
    )


defs = build_defs()
