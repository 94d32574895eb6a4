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
bench_app = typer.Typer(help="Benchmarks of the speed targets (never checked by timed tests).", no_args_is_help=True)
registry_app = typer.Typer(help="Adapter versions, the champion pointer and its audit log.", no_args_is_help=True)
app.add_typer(registry_app, name="registry")
app.add_typer(bench_app, name="bench")
console = Console()

DataDirOption = Annotated[
    Optional[Path], typer.Option("--data-dir", help="Data root (default: FEEDBACK_LOOP_DATA_DIR or ./data).")
]


def _settings(data_dir: Path | None) -> Settings:
    settings = load_settings()
    return settings if data_dir is None else settings.with_data_dir(data_dir)


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
    from feedback_loop.defs.runs import run_ingestion

    settings = _settings(data_dir)
    result = run_ingestion(settings, start, end)
    console.print(f"ingestion run {result.run_id}: {'succeeded' if result.success else 'FAILED'}")
    raise typer.Exit(0 if result.success else 1)


@app.command()
def demo(
    iterations: Annotated[int, typer.Option(help="Closed-loop iterations, one day of traffic each.")] = 3,
    interactions: Annotated[int, typer.Option(help="Simulated interactions per iteration.")] = 2000,
    seed: Annotated[int, typer.Option(help="Random seed of the simulated users.")] = 0,
    poison: Annotated[bool, typer.Option(help="Also train a challenger on disliked responses; the gate must reject it.")] = False,
    canary_share: Annotated[float, typer.Option(help="Share of users the canary serves.")] = 0.2,
    json_out: Annotated[Optional[Path], typer.Option(help="Write the per-iteration results as JSON here.")] = None,
    plot_out: Annotated[Optional[Path], typer.Option(help="Where to write the KPI plot (PNG).")] = None,
    data_dir: DataDirOption = None,
):
    """The closed loop on embedded defaults: simulated users, served adapters, offline gate, online A/B."""
    from feedback_loop.demo import DemoConfig, plot_kpi, run_demo, write_json

    settings = _settings(data_dir)
    config = DemoConfig(iterations=iterations, interactions=interactions, seed=seed, poison=poison, canary_share=canary_share)
    with console.status("starting") as status:
        rows = run_demo(settings, config, progress=lambda message: (status.update(message), console.log(message)))
    _print_demo(rows, poison)
    if json_out:
        write_json(rows, json_out)
        console.print(f"results: {json_out}")
    plot_path = plot_out or settings.layout.reports / "demo_kpi.png"
    plot_path.parent.mkdir(parents=True, exist_ok=True)
    plot_kpi(rows, plot_path)
    console.print(f"KPI plot: {plot_path}")
    console.print(f"Dagster runs recorded in {settings.dagster_home}: `make ui` shows them.")


def _print_demo(rows: list[dict], poison: bool) -> None:
    table = Table(title="closed-loop demo (thumbs-up: the simulated users' true rate)")
    columns = ["iter", "users", "thumbs-up", "offline gate, 95% CI", "A/B", "champion", "canary"]
    if poison:
        columns.append("poisoned")
    for column in columns:
        table.add_column(column)
    for row in rows:
        interval = row["gate_interval"]
        gate = ("passed" if row["gate_passed"] else "failed") + (f" [{interval[0]:+.3f},{interval[1]:+.3f}]" if interval else "")
        cells = [
            str(row["iteration"]),
            str(row["interactions"]),
            f"{row['thumbs_up_rate']:.1%}",
            gate,
            row["ab_decision"],
            str(row["champion_version"] or "base"),
            str(row["canary_version"] or "-"),
        ]
        if poison:
            cells.append("passed (!)" if row["poison_gate_passed"] else "rejected")
        table.add_row(*cells)
    console.print(table)


@bench_app.command("train")
def bench_train(
    examples: Annotated[int, typer.Option(help="Prompt/answer pairs from the packaged corpus.")] = 400,
    epochs: Annotated[int, typer.Option(help="Epochs per training run.")] = 2,
    base_dir: Annotated[Optional[Path], typer.Option(help="A local HF causal LM; default: build the default architecture (briefly pre-trained).")] = None,
    json_out: Annotated[Optional[Path], typer.Option(help="Write the figures as JSON here.")] = None,
):
    """LoRA training throughput in real tokens/s: length-grouped batches against shuffled ones."""
    import tempfile

    from feedback_loop.model import BaseModelSpec, build_base_model
    from feedback_loop.model.pretraining_corpus import read_corpus
    from feedback_loop.train import LoraSpec
    from feedback_loop.train.bench import bench_lora_throughput, corpus_examples

    corpus = read_corpus()
    with tempfile.TemporaryDirectory() as work:
        if base_dir is None:
            base_dir = Path(work) / "base"
            # Throughput depends on the architecture, not on how long it was pre-trained.
            build_base_model(corpus, base_dir, BaseModelSpec(pretrain_steps=10))
        results = bench_lora_throughput(base_dir, corpus_examples(corpus, examples), LoraSpec(epochs=epochs), work)
    table = Table(title=f"LoRA training throughput ({results['examples']} examples, {results['length_grouped']['device']})")
    for column in ("batches", "real tokens/s", "padding", "seconds"):
        table.add_column(column)
    for name in ("length_grouped", "shuffled"):
        row = results[name]
        table.add_row(name, f"{row['tokens_per_second']:,.0f}", f"{row['padding_fraction']:.1%}", f"{row['train_seconds']:.1f}")
    console.print(table)
    console.print(f"speed-up from length grouping: x{results['speedup']:.2f}")
    if json_out:
        json_out.write_text(json.dumps(results, indent=2))


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
