"""The Dagster code location of feedback-loop: assembles assets, checks, jobs, sensors and resources.

``dagster dev`` loads :data:`defs`, built from the environment's settings; the CLI and the demo call
:func:`build_defs` with the settings they loaded, so every launcher runs the same definitions.
"""

import dagster as dg

from feedback_loop.defs.analytics import kpi_daily, kpi_dashboard
from feedback_loop.defs.automation import feedback_volume_sensor, ingestion_job, ingestion_schedule, retrain_job
from feedback_loop.defs.curate import kto_dataset, preference_pairs, sft_dataset
from feedback_loop.defs.evaluate import adapter_evaluation
from feedback_loop.defs.execution import executor_for
from feedback_loop.defs.ingest import raw_telemetry
from feedback_loop.defs.label import auto_labeler, labeled_interactions, review_decisions, review_queue
from feedback_loop.defs.model import base_model
from feedback_loop.defs.online import online_ab_test
from feedback_loop.defs.partitions import daily_partitions_from, with_daily_partitions
from feedback_loop.defs.prompts import prompt_ab_test, prompt_recommendations
from feedback_loop.defs.registry import champion_adapter
from feedback_loop.defs.resources import build_resources
from feedback_loop.defs.shadow import shadow_evaluation, shadow_telemetry
from feedback_loop.defs.train import lora_adapter
from feedback_loop.settings import Settings, load_settings

ASSETS: list[dg.AssetsDefinition | dg.AssetSpec] = [
    raw_telemetry,
    shadow_telemetry,
    review_decisions,
    auto_labeler,
    labeled_interactions,
    review_queue,
    sft_dataset,
    preference_pairs,
    kto_dataset,
    base_model,
    lora_adapter,
    adapter_evaluation,
    champion_adapter,
    online_ab_test,
    shadow_evaluation,
    prompt_ab_test,
    prompt_recommendations,
    kpi_daily,
    kpi_dashboard,
]


def build_defs(settings: Settings) -> dg.Definitions:
    """The definitions, with every resource built from ``settings``, the daily partitions starting at its
    ``first_day`` and the executor it names (runs started in process, by the CLI and the demo, ignore it)."""
    partitions = daily_partitions_from(settings.first_day)
    return dg.Definitions(
        assets=with_daily_partitions(ASSETS, partitions),
        jobs=[ingestion_job, retrain_job],
        sensors=[feedback_volume_sensor],
        schedules=[ingestion_schedule(partitions)],
        resources=build_resources(settings),
        executor=executor_for(settings),
    )


defs = build_defs(load_settings())
