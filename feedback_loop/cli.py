"""The `feedback-loop` command line: the demo, backfills and registry operations.

Each command calls the same functions or Dagster jobs that the assets use; nothing is implemented twice.
Runs started here are recorded in the Dagster instance at DAGSTER_HOME, so `dagster dev` shows them.
"""

from __future__ import annotations

import json
import warnings
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from feedback_loop.settings import Settings, load_settings

# The single-run backfill policy is a Dagster beta feature; the CLI relies on it knowingly.
warnings.filterwarnings("ignore", message="Parameter `backfill_policy`")

app = typer.Typer(help="Close the loop between an LLM application and its analytics.", no_args_is_help=True)
registry_app = typer.Typer(help="Adapter versions, the champion pointer and its audit log.", no_args_is_help=True)
app.add_typer(registry_app, name="registry")
console = Console()

DataDirOption = Annotated[
    Optional[Path], typer.Option("--data-dir", help="Data root (default: FEEDBACK_LOOP_DATA_DIR or ./data).")
]


def _settings(data_dir: Path | None) -> Settings:
    settings = load_settings()
    return settings if data_dir is None else settings.with_data_dir(data_dir)


def _instance(settings: Settings):
    """The Dagster instance at DAGSTER_HOME, created on first use with embedded SQLite storage."""
    import dagster as dg

    settings.dagster_home.mkdir(parents=True, exist_ok=True)
    config = settings.dagster_home / "dagster.yaml"
    if not config.exists():
        # No network here to report usage to; an explicit file also silences Dagster's first-run notice.
        config.write_text("telemetry:\n  enabled: false\n")
    return dg.DagsterInstance.from_config(str(settings.dagster_home))


# Runs started from the CLI log at INFO: the step-by-step DEBUG events stay in the run's log in the UI.
_QUIET = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}


def _defs(settings: Settings):
    from feedback_loop.defs.resources import default_resources
    from feedback_loop.definitions import build_defs

    return build_defs(default_resources(data_dir=str(settings.data_dir), registry_url=settings.registry_url))


def run_ingestion(settings: Settings, first: str, last: str, instance=None):
    """Ingest and label the landing days ``first``..``last`` in one Dagster run (single-run backfill)."""
    job = _defs(settings).resolve_job_def("ingestion_job")
    tags = {"dagster/asset_partition_range_start": first, "dagster/asset_partition_range_end": last}
    return job.execute_in_process(instance=instance or _instance(settings), run_config=_QUIET, tags=tags)


def run_retraining(settings: Settings, run_config: dict | None = None, instance=None):
    """Run `retrain_job`; a failed offline gate fails the run and leaves the champion unchanged."""
    job = _defs(settings).resolve_job_def("retrain_job")
    run_config = {**_QUIET, **(run_config or {})}
    return job.execute_in_process(instance=instance or _instance(settings), run_config=run_config, raise_on_error=False)


@app.command()
def simulate(
    day: Annotated[str, typer.Option(help="Landing day, YYYY-MM-DD.")],
    interactions: Annotated[int, typer.Option(help="Interactions to simulate.")] = 300,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    invalid_lines: Annotated[int, typer.Option(help="Deliberately broken lines, to see quarantine at work.")] = 0,
    data_dir: DataDirOption = None,
):
    """Write a day of simulated telemetry into the landing folder."""
    from feedback_loop.simulate import simulate_day

    settings = _settings(data_dir)
    counts = simulate_day(settings.layout.landing, date.fromisoformat(day), interactions, seed, invalid_lines=invalid_lines)
    console.print_json(json.dumps(counts, default=str))


@app.command()
def backfill(
    start: Annotated[str, typer.Option(help="First landing day, YYYY-MM-DD.")],
    end: Annotated[str, typer.Option(help="Last landing day, YYYY-MM-DD.")],
    data_dir: DataDirOption = None,
):
    """Ingest and label a range of landing days in one run (what `dagster asset materialize --partition-range` does)."""
    settings = _settings(data_dir)
    result = run_ingestion(settings, start, end)
    console.print(f"ingestion run {result.run_id}: {'succeeded' if result.success else 'FAILED'}")
    raise typer.Exit(0 if result.success else 1)


@app.command()
def demo(
    days: Annotated[int, typer.Option(help="Days of simulated traffic, ending yesterday.")] = 3,
    interactions: Annotated[int, typer.Option(help="Interactions per day.")] = 400,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    data_dir: DataDirOption = None,
):
    """The closed loop on embedded defaults: simulate traffic, ingest, label, curate, train, gate, promote."""
    from feedback_loop.registry import Registry
    from feedback_loop.simulate import simulate_day

    settings = _settings(data_dir)
    instance = _instance(settings)
    yesterday = date.today() - timedelta(days=1)
    first = yesterday - timedelta(days=days - 1)
    with console.status("simulating traffic"):
        for offset in range(days):
            day = first + timedelta(days=offset)
            simulate_day(settings.layout.landing, day, interactions, seed + offset, invalid_lines=2)
    console.print(f"simulated {days} days x {interactions} interactions into {settings.layout.landing}")
    with console.status("ingesting and labeling (Dagster ingestion_job)"):
        ingestion = run_ingestion(settings, first.isoformat(), yesterday.isoformat(), instance)
    if not ingestion.success:
        console.print(f"[red]ingestion run {ingestion.run_id} failed[/red]")
        raise typer.Exit(1)
    raw = ingestion.asset_materializations_for_node("raw_telemetry")[0].metadata
    console.print(
        f"ingested {raw['valid'].value} events, {raw['quarantined'].value} lines quarantined, "
        f"{raw['duplicates'].value} duplicates removed"
    )
    with console.status("curating, training, evaluating, promoting (Dagster retrain_job)"):
        retrain = run_retraining(settings, instance=instance)
    _print_registry(Registry(settings.registry_url))
    console.print(f"Dagster runs recorded in {settings.dagster_home}: `make ui` shows them.")
    if not retrain.success:
        failed_gate = any(
            e.event_type_value == "ASSET_CHECK_EVALUATION" and not e.event_specific_data.passed
            for e in retrain.all_events
        )
        if failed_gate:
            console.print("[yellow]the offline gate rejected the challenger; the champion is unchanged[/yellow]")
        else:
            console.print(f"[red]retrain run {retrain.run_id} failed[/red]")
            raise typer.Exit(1)


def _print_registry(store) -> None:
    table = Table(title="adapter registry")
    for column in ("version", "status", "dataset", "improvement (95% CI)", "updated"):
        table.add_column(column)
    for record in store.list():
        evaluation = record.metrics.get("offline_evaluation", {})
        improvement = evaluation.get("improvement", {})
        interval = (
            f"{improvement['mean']:+.4f} [{improvement['low']:+.4f}, {improvement['high']:+.4f}]" if improvement else ""
        )
        table.add_row(record.version, record.status, str(record.lineage.get("dataset_version", "")), interval, record.updated_at.strftime("%Y-%m-%d %H:%M:%S"))
    console.print(table)


def _open_registry(data_dir: Path | None):
    from feedback_loop.registry import Registry

    return Registry(_settings(data_dir).registry_url)


def _refused(error: Exception) -> typer.Exit:
    """A registry refusal (unknown version, illegal transition) as a one-line error and exit status 1."""
    message = error.args[0] if isinstance(error, KeyError) and error.args else error
    console.print(f"[red]refused: {message}[/red]")
    return typer.Exit(1)


@registry_app.command("list")
def registry_list(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    data_dir: DataDirOption = None,
):
    """Every adapter version with its status, metrics and lineage."""
    store = _open_registry(data_dir)
    if as_json:
        print(json.dumps([record.__dict__ for record in store.list()], default=str, indent=2))
    else:
        _print_registry(store)


@registry_app.command("promote")
def registry_promote(
    version: str,
    reason: Annotated[str, typer.Option(help="Why, for the audit log.")] = "manual promotion",
    actor: Annotated[str, typer.Option(help="Who, for the audit log.")] = "cli",
    data_dir: DataDirOption = None,
):
    """Make VERSION the champion (the previous champion is retired), in one transaction."""
    from feedback_loop.registry import RegistryError

    try:
        record = _open_registry(data_dir).promote(version, actor=actor, reason=reason)
    except RegistryError as error:
        raise _refused(error) from error
    console.print(f"champion is now {record.version}")


@registry_app.command("rollback")
def registry_rollback(
    reason: Annotated[str, typer.Option(help="Why, for the audit log.")] = "manual rollback",
    actor: Annotated[str, typer.Option(help="Who, for the audit log.")] = "cli",
    data_dir: DataDirOption = None,
):
    """Retire the current champion and restore the previous one."""
    from feedback_loop.registry import RegistryError

    try:
        record = _open_registry(data_dir).rollback(actor=actor, reason=reason)
    except RegistryError as error:
        raise _refused(error) from error
    console.print(f"champion is now {record.version}")


@registry_app.command("audit")
def registry_audit(version: Annotated[Optional[str], typer.Argument()] = None, data_dir: DataDirOption = None):
    """The audit log of status transitions (of one VERSION when given)."""
    print(json.dumps(_open_registry(data_dir).audit_log(version), default=str, indent=2))
