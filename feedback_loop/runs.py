"""Starting the jobs from Python (the CLI and the demo): in-process runs recorded in the Dagster instance.

Every run is built by :func:`feedback_loop.definitions.build_defs` from the caller's settings, so it uses the
same resources (registries, policies, key file) as `dagster dev` with those settings.
"""

import dagster as dg

from feedback_loop.settings import Settings

# Runs started from Python log at INFO: the step-by-step DEBUG events stay in the run's log in the UI.
QUIET_LOGS = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}


def open_instance(settings: Settings) -> dg.DagsterInstance:
    """The Dagster instance at DAGSTER_HOME, created on first use with embedded SQLite storage."""
    settings.dagster_home.mkdir(parents=True, exist_ok=True)
    config = settings.dagster_home / "dagster.yaml"
    if not config.exists():
        # No network here to report usage to; an explicit file also silences Dagster's first-run notice.
        config.write_text("telemetry:\n  enabled: false\n")
    return dg.DagsterInstance.from_config(str(settings.dagster_home))


def definitions_for(settings: Settings) -> dg.Definitions:
    from feedback_loop.definitions import build_defs

    return build_defs(settings)


def _merge(run_config: dict | None) -> dict:
    return {**QUIET_LOGS, **(run_config or {})}


def run_ingestion(
    settings: Settings,
    first: str,
    last: str,
    instance=None,
    run_config: dict | None = None,
    raise_on_error: bool = True,
):
    """Ingest and label the landing days ``first``..``last`` in one run (single-run backfill); then A/B."""
    job = definitions_for(settings).resolve_job_def("ingestion_job")
    tags = {"dagster/asset_partition_range_start": first, "dagster/asset_partition_range_end": last}
    return job.execute_in_process(
        instance=instance or open_instance(settings),
        run_config=_merge(run_config),
        tags=tags,
        raise_on_error=raise_on_error,
    )


def failure_reason(result) -> str:
    """Why the run of ``result`` failed, in one line: the first failed step and its error's message."""
    for event in result.all_events:
        if event.event_type_value == "STEP_FAILURE":
            error = event.event_specific_data.error
            # A step's error wraps the asset's own exception, whose message (with its type) says what is wrong.
            return f"{event.step_key}: {' '.join((error.cause or error).message.split())}"
    return "no step failed; see the run in the Dagster UI"


def run_retraining(settings: Settings, run_config: dict | None = None, instance=None, asset_selection=None):
    """Run `retrain_job` (or part of it); a failed offline gate fails the run and leaves the champion unchanged."""
    job = definitions_for(settings).resolve_job_def("retrain_job")
    return job.execute_in_process(
        instance=instance or open_instance(settings),
        run_config=_merge(run_config),
        raise_on_error=False,
        asset_selection=asset_selection,
    )


def gate_evaluation(result):
    """The `offline_gate` check evaluation of a run, or None when the run did not get that far."""
    for event in result.all_events:
        if (
            event.event_type_value == "ASSET_CHECK_EVALUATION"
            and event.event_specific_data.check_name == "offline_gate"
        ):
            return event.event_specific_data
    return None


def run_relabel(settings: Settings, first: str, last: str, instance=None):
    """Re-label the days ``first``..``last``, their KPIs and the review queue (after review decisions, say)."""
    from feedback_loop.defs.analytics import kpi_daily
    from feedback_loop.defs.label import labeled_interactions, review_queue

    job = definitions_for(settings).resolve_job_def("ingestion_job")
    tags = {"dagster/asset_partition_range_start": first, "dagster/asset_partition_range_end": last}
    return job.execute_in_process(
        instance=instance or open_instance(settings),
        run_config=QUIET_LOGS,
        tags=tags,
        asset_selection=[labeled_interactions.key, kpi_daily.key, review_queue.key],
    )


def run_dashboard(settings: Settings, instance=None):
    """Materialize `kpi_dashboard` from the kpi_daily partitions present and the registry, in one run."""
    key = dg.AssetKey("kpi_dashboard")
    job = definitions_for(settings).resolve_implicit_job_def_def_for_assets([key])
    if job is None:
        raise LookupError("no job materializes kpi_dashboard in the definitions")
    return job.execute_in_process(
        instance=instance or open_instance(settings), run_config=QUIET_LOGS, asset_selection=[key], raise_on_error=False
    )
