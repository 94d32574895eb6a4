"""The `feedback-loop` command line: the demo, backfills and registry operations.

Each command calls the same functions or Dagster jobs that the assets use; nothing is implemented twice.
Runs started here are recorded in the Dagster instance at DAGSTER_HOME, so `dagster dev` shows them.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Annotated, Any, Protocol

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from feedback_loop.defs.run_tags import Trigger
from feedback_loop.settings import Settings, load_settings, silence_third_party_progress_bars

# The terminal shows the CLI's own progress lines; the libraries' bars and notices would break into them.
# The single-run backfill policy is a Dagster beta feature the CLI relies on knowingly, and the deprecation
# notices of transformers and Dagster are for the developers of this package, not for its users.
warnings.filterwarnings("ignore", message="Parameter `backfill_policy`")
warnings.filterwarnings("ignore", message=r".* is currently in (beta|preview)")
warnings.filterwarnings("ignore", category=FutureWarning)


class FailFastTyper(typer.Typer):
    """The top-level app: any failure is one line on stderr and exit status 1, and SIGTERM always ends it.

    Typer's own handler renders a rich traceback with every frame's locals; for an exception out of a Dagster
    run that took minutes of CPU and gigabytes (and ignored SIGTERM meanwhile). Commands report the failures
    they expect themselves; this is the floor for the rest.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        silence_third_party_progress_bars()
        signal.signal(signal.SIGTERM, _terminate)
        try:
            return super().__call__(*args, **kwargs)
        except Exception as error:  # everything a command did not turn into an exit status
            Console(stderr=True).print(f"error: {one_line(error)}", markup=False, highlight=False, soft_wrap=True)
            sys.exit(1)


def _terminate(signum: int, _frame: object) -> None:
    """SIGTERM outside a Dagster run (inside one, Dagster interrupts the step and records the run as failed)."""
    raise SystemExit(128 + signum)


def one_line(error: BaseException) -> str:
    """``error`` as one line: its type and message, and the message of what caused it, whitespace collapsed."""
    parts = [f"{type(error).__name__}: {error}"]
    cause = error.__cause__
    if cause is not None and str(cause) not in str(error):
        parts.append(f"caused by {type(cause).__name__}: {cause}")
    return " ".join("; ".join(parts).split())


app = FailFastTyper(
    help="Close the loop between an LLM application and its analytics.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
bench_app = typer.Typer(help="Benchmarks of the speed targets (never checked by timed tests).", no_args_is_help=True)
registry_app = typer.Typer(help="Adapter versions, the champion pointer and its audit log.", no_args_is_help=True)
review_app = typer.Typer(
    help="Human review of doubtful labels: work through the queue, or exchange it with an annotation tool.",
    invoke_without_command=True,
)
prompts_app = typer.Typer(
    help="System prompt versions, and the recommendations from telemetry that a person may apply.", no_args_is_help=True
)
app.add_typer(registry_app, name="registry")
app.add_typer(prompts_app, name="prompts")
app.add_typer(review_app, name="review")
app.add_typer(bench_app, name="bench")
import_app = typer.Typer(
    help="Land what teams already have as telemetry: OpenAI chat logs, preference pairs, OTLP files.",
    no_args_is_help=True,
)
export_app = typer.Typer(help="Export a registered adapter for serving elsewhere.", no_args_is_help=True)
app.add_typer(import_app, name="import")
app.add_typer(export_app, name="export")
console = Console()
# A progress message as it is, with the time: the versions, paths and users' text it carries may hold square
# brackets or colons, which are no markup and no emoji code. Its line still names the caller that said it.
log_progress = partial(console.log, markup=False, emoji=False)

DataDirOption = Annotated[
    str | None,
    typer.Option(
        "--data-dir",
        help="Data root, a path or s3://bucket/prefix (default: FEEDBACK_LOOP_DATA_DIR or ./data). Configured "
        "registry URLs and key file stay as configured; only their defaults move under this root.",
    ),
]


def _settings(data_dir: str | None) -> Settings:
    """The settings of this command: the environment's, with ``--data-dir`` when given."""
    settings = load_settings()
    return settings if data_dir is None else settings.with_data_dir(data_dir)


def _calendar_day_option(value: str | None) -> str | None:
    """Refuse an option value that is not a calendar day YYYY-MM-DD, naming the option."""
    from feedback_loop.schema import calendar_day

    if value is not None:
        try:
            calendar_day(value, "day")
        except ValueError as error:
            raise typer.BadParameter(str(error)) from error
    return value


@app.command()
def simulate(
    day: Annotated[str, typer.Option(help="Landing day, YYYY-MM-DD.", callback=_calendar_day_option)],
    interactions: Annotated[int, typer.Option(min=1, help="Interactions to simulate.")] = 300,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    invalid_lines: Annotated[int, typer.Option(help="Deliberately broken lines, to see quarantine at work.")] = 0,
    data_dir: DataDirOption = None,
):
    """Write a day of simulated telemetry into the landing folder."""
    from feedback_loop.simulate import simulate_day
    from feedback_loop.storage import DataStore

    settings = _settings(data_dir)
    with DataStore.of(settings).uploading("landing"):
        simulated = simulate_day(
            settings.layout.landing, date.fromisoformat(day), interactions, seed, invalid_lines=invalid_lines
        )
    console.print_json(json.dumps(simulated.as_dict()))


@app.command()
def backfill(
    start: Annotated[str, typer.Option(help="First landing day, YYYY-MM-DD.", callback=_calendar_day_option)],
    end: Annotated[str, typer.Option(help="Last landing day, YYYY-MM-DD.", callback=_calendar_day_option)],
    data_dir: DataDirOption = None,
):
    """Ingest and label a range of landing days in one run (what `dagster asset materialize --partition-range` does)."""
    from feedback_loop.runs import failure_reason, run_ingestion

    settings = _settings(data_dir)
    result = run_ingestion(settings, start, end, raise_on_error=False, trigger="backfill")
    if not result.success:
        console.print(f"ingestion run {result.run_id} FAILED: {failure_reason(result)}", markup=False, soft_wrap=True)
        raise typer.Exit(1)
    console.print(f"ingestion run {result.run_id}: succeeded")


@app.command()
def relabel(
    start: Annotated[str, typer.Option(help="First day, YYYY-MM-DD.", callback=_calendar_day_option)],
    end: Annotated[str, typer.Option(help="Last day, YYYY-MM-DD.", callback=_calendar_day_option)],
    data_dir: DataDirOption = None,
):
    """Label the days again (labeled_interactions, kpi_daily, review_queue): after review decisions, say.

    Refuses a range with days never ingested: their labels and KPIs would be stored empty."""
    settings = _settings(data_dir)
    ingested = set(_warehouse(settings).partitions("events"))
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    days = [(first + timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]
    if missing := [day for day in days if day not in ingested]:
        console.print(
            f"refused: not ingested yet: {', '.join(missing)}; ingest them first (feedback-loop backfill --start "
            f"{missing[0]} --end {missing[-1]}) or re-label a range of ingested days",
            markup=False,
            soft_wrap=True,
        )
        raise typer.Exit(1)
    _relabel(settings, [start, end])


@app.command()
def worker(
    queue: Annotated[str, typer.Argument(help="The Celery queue to take steps from: cpu or gpu.")],
    name: Annotated[str | None, typer.Option(help="Node name of the worker (default: the queue's name).")] = None,
    concurrency: Annotated[int, typer.Option(min=1, help="Steps this worker runs at once.")] = 1,
):
    """A Celery worker of the `celery` executor (FEEDBACK_LOOP_EXECUTOR=celery): runs the steps sent to QUEUE on
    the settings' broker (`make workers` starts one per queue; deploy/README.md)."""
    import os

    from feedback_loop.defs.execution import celery_worker_command

    arguments = celery_worker_command(_settings(None), queue, name or queue, concurrency)
    # The worker replaces this process: a supervisor (or a test) that started it stops it by this pid.
    os.execv(sys.executable, [sys.executable, *arguments])


CanaryShareOption = Annotated[
    float | None, typer.Option(help="Share of users the canary serves (default: the demo's, 20%).")
]
ContextInPromptOption = Annotated[
    bool,
    typer.Option(
        help="The application's system prompt names the user's context (the slot world's tier), so adapters can "
        "learn a style per tier (docs/demo.md).",
    ),
]
ShadowOption = Annotated[
    bool | None,
    typer.Option(
        "--shadow/--no-shadow", help="Whether a challenger has a shadow day before its canary (default: the demo's)."
    ),
]
ABExpectedDifferenceOption = Annotated[
    float | None,
    typer.Option(help="Canary minus champion thumbs-up rate the A/B test's sample plan assumes (default: the demo's)."),
]


def _demo_rollout(canary_share: float | None, shadow: bool | None, ab_expected_difference: float | None):
    """The demo's rollout with the options given on the command line, the rest at its defaults."""
    from feedback_loop.demo import DemoRollout

    given: dict[str, Any] = {
        "canary_share": canary_share,
        "shadow": shadow,
        "ab_expected_difference": ab_expected_difference,
    }
    return DemoRollout(**{name: value for name, value in given.items() if value is not None})


@app.command()
def demo(
    iterations: Annotated[int, typer.Option(min=1, help="Closed-loop iterations, one day of traffic each.")] = 3,
    interactions: Annotated[int, typer.Option(min=1, help="Simulated interactions per iteration.")] = 2000,
    seed: Annotated[int, typer.Option(help="Random seed of the simulated users.")] = 0,
    poison: Annotated[
        bool, typer.Option(help="Also train a challenger on disliked responses; the gate must reject it.")
    ] = False,
    canary_share: CanaryShareOption = None,
    shadow: ShadowOption = None,
    ab_expected_difference: ABExpectedDifferenceOption = None,
    objective: Annotated[
        str, typer.Option(help="What the challengers learn from: sft, kto, dpo or sft+dpo (docs/training.md).")
    ] = "sft",
    context_in_prompt: ContextInPromptOption = False,
    last_day: Annotated[
        str | None,
        typer.Option(
            help="The last simulated day, YYYY-MM-DD (default: yesterday). Traffic depends on the days: give the "
            "same seed and last day to reproduce a run.",
            callback=_calendar_day_option,
        ),
    ] = None,
    json_out: Annotated[Path | None, typer.Option(help="Write the per-iteration results as JSON here.")] = None,
    plot_out: Annotated[Path | None, typer.Option(help="Where to write the KPI plot (PNG).")] = None,
    data_dir: DataDirOption = None,
):
    """The closed loop on embedded defaults: simulated users, served adapters, offline gate, online A/B."""
    from typing import get_args

    from feedback_loop.demo import DemoConfig, demo_settings, plot_kpi, run_demo, write_json
    from feedback_loop.train.lora import Objective

    if objective not in get_args(Objective):
        raise typer.BadParameter(f"--objective must be one of {', '.join(get_args(Objective))}, got {objective!r}")
    config = DemoConfig(
        iterations=iterations,
        interactions=interactions,
        seed=seed,
        poison=poison,
        rollout=_demo_rollout(canary_share, shadow, ab_expected_difference),
        objective=objective,
        context_in_prompt=context_in_prompt,
        last_day=date.fromisoformat(last_day) if last_day is not None else None,
    )
    settings = demo_settings(_settings(data_dir), config)
    with console.status("starting") as status:

        def progress(message: str) -> None:
            status.update(Text(message))
            log_progress(message)

        rows = run_demo(settings, config, progress=progress)
    _print_demo(rows, poison)
    if json_out:
        write_json(rows, json_out)
        console.print(f"results: {json_out}")
    plot_path = plot_out or settings.layout.reports / "demo_kpi.png"
    plot_path.parent.mkdir(parents=True, exist_ok=True)
    plot_kpi(rows, plot_path)
    console.print(f"KPI plot: {plot_path}")
    _build_dashboard(settings, trigger="demo")
    console.print(f"Dagster runs recorded in {settings.dagster_home}: `make ui` shows them.")


@app.command("dashboard")
def dashboard_command(
    open_page: Annotated[bool, typer.Option("--open", help="Open the page in the web browser afterwards.")] = False,
    data_dir: DataDirOption = None,
):
    """Build the KPI dashboard (Dagster: kpi_dashboard), a self-contained page at <data root>/reports/dashboard.html."""
    import webbrowser

    path = _build_dashboard(_settings(data_dir))
    if open_page:
        webbrowser.open(path.as_uri())


def _build_dashboard(settings: Settings, trigger: Trigger = "cli") -> Path:
    """Materialize kpi_dashboard in one recorded run and say where the page is; exit 1 when the run fails."""
    from feedback_loop.runs import run_dashboard

    result = run_dashboard(settings, trigger=trigger)
    if not result.success:
        failure = result.failure_data_for_node("kpi_dashboard")
        reason = failure.error.message.strip() if failure and failure.error else "see the run in the Dagster UI"
        console.print(f"kpi_dashboard run {result.run_id} FAILED: {reason}")
        raise typer.Exit(1)
    metadata = result.asset_materializations_for_node("kpi_dashboard")[0].metadata
    path = Path(metadata["path"].value)
    console.print(
        f"dashboard: {path} (days {metadata['days'].value}, plots {metadata['plots'].value}, "
        f"challengers {metadata['challengers'].value}; run {result.run_id})"
    )
    return path


def _print_demo(rows: list[dict], poison: bool) -> None:
    table = Table(title="closed-loop demo (thumbs-up rate: thumbs up / thumbs of the simulated users, as in kpi_daily)")
    columns = ["iter", "users", "thumbs-up rate", "offline gate, 95% CI", "shadow, P(good) 95% CI", "A/B", "champion"]
    columns.append("canary")
    if poison:
        columns.append("poisoned")
    for column in columns:
        table.add_column(column)
    for row in rows:
        interval = row["gate_interval"]
        gate = ("passed" if row["gate_passed"] else "failed") + (
            f" {row['gate_metric']} [{interval[0]:+.3f},{interval[1]:+.3f}]" if interval else ""
        )
        if row.get("gate_no_op"):
            gate += " no-op"
        ab = row["ab_decision"]
        shadow_interval = row.get("shadow_interval")
        # Pending: the row's challenger is in shadow, and decided on the next day; "-": it never went to shadow.
        in_shadow = row["gate_passed"] and row.get("shadow_version") == row.get("challenger")
        shadow = {True: "passed", False: "rejected", None: "pending" if in_shadow else "-"}[
            row.get("shadow_passed")
        ] + (
            f" {row['shadow_metric']} [{shadow_interval[0]:+.3f},{shadow_interval[1]:+.3f}]" if shadow_interval else ""
        )
        if ab == "wait" and row.get("ab_progress") is not None:
            ab += f" ({min(row['ab_progress'], 1):.0%} of the sample)"
        cells = [
            str(row["iteration"]),
            str(row["interactions"]),
            f"{row['thumbs_up_rate']:.1%} ({row['share_of_ceiling']:.0%} of ceiling)",
            gate,
            shadow,
            ab,
            str(row["champion_version"] or "base"),
            str(row["canary_version"] or "-"),
        ]
        if poison:
            cells.append("passed (!)" if row["poison_gate_passed"] else "rejected")
        table.add_row(*cells)
    console.print(table)


@bench_app.command("train")
def bench_train(
    examples: Annotated[
        int | None, typer.Option(help="Prompt/answer pairs of the packaged corpus (all on CUDA).")
    ] = None,
    epochs: Annotated[int | None, typer.Option(help="Epochs of each training run (2 on CPU, 10 on CUDA).")] = None,
    batch_size: Annotated[int | None, typer.Option(help="Examples per step (16 on CPU, 128 on CUDA).")] = None,
    device: Annotated[str, typer.Option(help="'auto', 'cpu' or 'cuda'.")] = "auto",
    arch: Annotated[
        str | None,
        typer.Option(help="A real architecture with random weights, e.g. qwen2-0.5b; default: the project's model."),
    ] = None,
    base_dir: Annotated[Path | None, typer.Option(help="A local HF causal LM to benchmark instead.")] = None,
    ablations: Annotated[
        bool | None, typer.Option(help="Also time each speed feature switched off/on (default: on CUDA only).")
    ] = None,
    peak_tflops: Annotated[
        float | None, typer.Option(help="The GPU's dense bf16 peak, for MFU on a GPU the table does not list.")
    ] = None,
    threads: Annotated[
        int | None, typer.Option(help="torch threads (default: FEEDBACK_LOOP_TORCH_THREADS or usable CPUs).")
    ] = None,
    json_out: Annotated[Path | None, typer.Option(help="Write the figures as JSON here.")] = None,
):
    """LoRA training throughput in real tokens/s: the project's loop against HF Trainer + PEFT (padded, shuffled
    batches) on the same model, data and LoRA configuration, in the same run."""
    import tempfile

    from feedback_loop.model import BaseModelSpec, build_base_model, resolve_device
    from feedback_loop.model.compute import use_torch_threads
    from feedback_loop.model.pretraining_corpus import read_corpus
    from feedback_loop.train import LoraSpec
    from feedback_loop.train.bench import bench_train, build_architecture, corpus_examples

    use_torch_threads(threads or load_settings().torch_threads)
    cuda = resolve_device(device)[0].startswith("cuda")
    corpus = read_corpus()
    spec = LoraSpec(epochs=epochs or (10 if cuda else 2), batch_size=batch_size or (128 if cuda else 16), device=device)
    rows = corpus_examples(corpus, examples or (len(corpus) if cuda else 400))
    with tempfile.TemporaryDirectory() as work:
        model = arch or (str(base_dir) if base_dir else "project")
        if arch is not None:
            base_dir = build_architecture(arch, corpus, Path(work) / arch)
        elif base_dir is None:
            base_dir = Path(work) / "base"
            # Throughput depends on the architecture, not on how long it was pre-trained.
            build_base_model(corpus, base_dir, BaseModelSpec(pretrain_steps=10, device=device))
        results = bench_train(
            base_dir, rows, spec, work, ablations=cuda if ablations is None else ablations, peak_tflops=peak_tflops
        )
    results["arch"] = model
    _print_train_bench(results)
    if json_out:
        json_out.write_text(json.dumps(results, indent=2))


def _print_train_bench(results: dict) -> None:
    conditions = results["conditions"]
    table = Table(
        title=f"LoRA training, {conditions['examples']} examples x {conditions['epochs']} epochs, "
        f"{results['device']}, {conditions['torch_threads']} torch threads"
    )
    for column in ("run", "real tokens/s", "tokens/CPU-s", "padding", "seconds", "layout", "peak GPU GiB"):
        table.add_column(column)
    rows = [("project", results["project"]), ("HF Trainer + PEFT", results["baseline"])]
    rows += [("TRL SFTTrainer + PEFT", results["trl_sft"])]
    rows += [(ablation["change"], ablation) for ablation in results.get("ablations", [])]
    for name, row in rows:
        if "error" in row:
            table.add_row(name, f"failed: {row['error']}"[:200], "", "", "", "", "")
            continue
        memory = row.get("peak_memory_gb")
        table.add_row(
            name,
            f"{row['tokens_per_second']:,.0f}",
            f"{row['tokens_per_cpu_second']:,.0f}",
            f"{row['padding_fraction']:.1%}",
            f"{row['train_seconds']:.1f}",
            row.get("layout", "padded"),
            "-" if memory is None else f"{memory:.1f}",
        )
    console.print(table)
    console.print(
        f"project / baseline: x{results['ratio']:.2f} in real tokens/s, x{results['ratio_per_cpu_second']:.2f} per "
        f"CPU-second; load average before/after: {conditions['load_average_before'][0]:.1f} / "
        f"{conditions['load_average_after'][0]:.1f}"
    )
    console.print(
        f"project / TRL SFTTrainer: x{results['ratio_to_trl_sft']:.2f} in real tokens/s, "
        f"x{results['ratio_to_trl_sft_per_cpu_second']:.2f} per CPU-second"
    )
    if results.get("model_tflops_per_s") is not None:
        mfu = "unknown peak (--peak-tflops)" if results["mfu"] is None else f"{results['mfu']:.1%}"
        console.print(f"model TFLOPS/s: {results['model_tflops_per_s']:.1f}; MFU (bf16 dense peak): {mfu}")


@bench_app.command("decisions")
def bench_decisions(
    online_replications: Annotated[int, typer.Option(help="Simulated A/B tests per planted difference.")] = 400,
    offline_replications: Annotated[int, typer.Option(help="Simulated eval sets per planted difference.")] = 200,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    workers: Annotated[int, typer.Option(help="Processes running the scenarios.")] = 2,
    expected_difference: Annotated[
        float | None,
        typer.Option(
            help="The A/B test's planned difference (online_ab_test's expected_difference; default: ABSpec's)."
        ),
    ] = None,
    json_out: Annotated[Path | None, typer.Option(help="Write the rows as a JSON list here.")] = None,
):
    """P(promote) of the online A/B test and the offline gate, at their default settings, for planted differences."""
    import time

    from feedback_loop.evaluate.bench import bench_decisions as run_bench
    from feedback_loop.evaluate.online import ABSpec

    started = time.perf_counter()
    rows = run_bench(
        online_replications=online_replications,
        offline_replications=offline_replications,
        seed=seed,
        workers=workers,
        ab_spec=None if expected_difference is None else ABSpec(expected_difference=expected_difference),
    )
    table = Table(title="P(promote) by true difference (rate points; negative: the challenger is worse)")
    for column in ("gate", "regime", "traffic", "true difference", "P(promote)", "P(rollback)", "days", "runs"):
        table.add_column(column)
    for row in rows:
        online = row["gate"] == "online"
        table.add_row(
            row["gate"],
            row["regime"],
            f"{row['interactions_per_day']:,}/day" if online else f"{row['examples']} examples",
            f"{row['true_difference']:+.0f}",
            f"{row['p_promote']:.3f}",
            f"{row['p_rollback']:.3f}" if online else "-",
            f"{row['mean_days_to_decision']:.1f}" if online else "-",
            str(row["replications"]),
        )
    console.print(table)
    console.print(f"{time.perf_counter() - started:.0f} s")
    if json_out:
        json_out.write_text(json.dumps(rows, indent=2))


@bench_app.command("labeler")
def bench_labeler(
    interactions: Annotated[int, typer.Option(help="Simulated interactions per day.")] = 1500,
    days: Annotated[int, typer.Option(help="Simulated days.")] = 3,
    seed: Annotated[int, typer.Option(help="Seed of the first simulated day (day i uses seed + i).")] = 0,
    folds: Annotated[int, typer.Option(help="Cross-validation folds (by prompt group) on the real data.")] = 5,
    json_out: Annotated[Path | None, typer.Option(help="Write the figures as JSON here.")] = None,
):
    """The learned labeler's quality: on simulated telemetry, and on real human judgements (HaluEval, PandaLM),
    split by prompt group; also the text encoder's throughput. Embeddings are kept under the data root."""
    import tempfile

    from feedback_loop.label.bench import (
        bench_halueval,
        bench_pandalm,
        bench_simulated,
        encoding_throughput,
        simulated_labels,
    )
    from feedback_loop.label.encoders import EncoderSpec, build_encoder
    from feedback_loop.label.publication import embedding_store
    from feedback_loop.label.realdata import halueval_file, pandalm_file
    from feedback_loop.simulate import simulate_day

    settings = _settings(None)
    encoder = build_encoder(EncoderSpec(), store_dir=embedding_store(settings.layout.label_models))
    with tempfile.TemporaryDirectory() as work:
        labels = simulated_labels(simulate_day, Path(work) / "landing", days=days, interactions=interactions, seed=seed)
    results: dict = {"encoder": encoder.identity, "encoding": encoding_throughput(encoder, labels)}
    results["simulated"] = bench_simulated(labels, encoder=encoder)
    for name, locate, bench in (("halueval", halueval_file, bench_halueval), ("pandalm", pandalm_file, bench_pandalm)):
        try:
            path = locate(settings.realdata_dir)
        except FileNotFoundError as error:
            results[name] = {"skipped": str(error)}
        else:
            results[name] = bench(path, encoder=encoder, folds=folds)
    _print_labeler_bench(results)
    if json_out:
        json_out.write_text(json.dumps(results, indent=2))


def _print_labeler_bench(results: dict) -> None:
    simulated = results["simulated"]
    encoding = results["encoding"]
    console.print(
        f"encoder {results['encoder']}: {encoding['distinct_texts']} distinct simulated texts, "
        f"{encoding['texts_per_second']:.1f} texts/s (cached texts are not encoded again)"
    )
    table = Table(title="learned labeler, split by prompt group")
    for column in ("data", "rows", "good", "AUC", "Brier", "ECE", "pairwise acc.", "random-split AUC"):
        table.add_column(column)
    table.add_row(
        "simulated (held out)",
        f"{simulated['n_train']} / {simulated['n_holdout']}",
        f"{simulated['base_rate']:.1%}",
        f"{simulated['auc']:.3f}",
        f"{simulated['brier']:.3f}",
        f"{simulated['ece']:.3f}",
        "-",
        "-",
    )
    for name, title in (("halueval", "HaluEval"), ("pandalm", "PandaLM")):
        figures = results[name]
        if "skipped" in figures:
            console.print(f"[yellow]{title} skipped: {figures['skipped']}[/yellow]")
            continue

        def spread(key: str, figures: dict = figures) -> str:
            mean, std = figures.get(f"{key}_mean"), figures.get(f"{key}_std")
            return "-" if mean is None else f"{mean:.3f} ± {std:.3f}"

        table.add_row(
            f"{title} ({figures['cv_folds']}-fold CV)",
            str(figures["rows"]),
            f"{figures['base_rate']:.1%}",
            spread("cv_auc"),
            spread("cv_brier"),
            spread("cv_ece"),
            spread("cv_preference_accuracy") if name == "pandalm" else "-",
            f"{figures['random_split_auc']:.3f}" if name == "pandalm" else "-",
        )
    console.print(table)
    share = simulated["confident_share"]
    console.print(
        f"simulated, no explicit feedback: {'-' if share is None else f'{share:.1%}'} of "
        f"{simulated['rows_without_explicit_label']} labeled with confidence >= {simulated['confident_threshold']}"
    )


_LINE_ENDING = re.compile(rb"\r\n|\r|\n")


class ChunkReader(Protocol):
    """A binary stream that returns what has arrived (stdin's buffer, a BytesIO)."""

    def read1(self, size: int = -1, /) -> bytes: ...


def lines_with_endings(stream: ChunkReader, chunk_size: int = 1 << 16) -> Iterator[tuple[bytes, bytes]]:
    """Each line of ``stream`` and its own ending as written: LF, CRLF, or CR alone (old Mac OS files), none for a
    last line without one. Read as the bytes arrive, so a pipe is redacted as it flows; a CR that ends what has
    arrived waits for the next byte, which may make it a CRLF."""
    line: list[bytes] = []
    held = b""
    for arrived in iter(lambda: stream.read1(chunk_size), b""):
        chunk, held = held + arrived, b""
        if chunk.endswith(b"\r"):
            chunk, held = chunk[:-1], b"\r"
        start = 0
        for ending in _LINE_ENDING.finditer(chunk):
            line.append(chunk[start : ending.start()])
            yield b"".join(line), ending.group()
            line, start = [], ending.end()
        line.append(chunk[start:])
    if held or any(line):
        yield b"".join(line), held


@app.command("redact")
def redact_command(
    counts: Annotated[bool, typer.Option("--counts", help="Print the redactions per type to stderr, as JSON.")] = False,
):
    """Redact stdin to stdout, line by line: names, addresses, e-mail, phone, card, IBAN, IP, national ids,
    passports, dates of birth, secrets, URL credentials. Each line keeps its own ending (LF, CRLF or CR)."""
    import sys

    from feedback_loop.privacy import REDACTION_TYPES, redact_lines

    endings: list[bytes] = []
    not_utf8: list[int] = []

    def lines():
        for number, (body, ending) in enumerate(lines_with_endings(sys.stdin.buffer), start=1):
            endings.append(ending)
            try:
                yield body.decode("utf-8")
            except UnicodeDecodeError:
                # Audits read arbitrary logs: a byte that is not UTF-8 becomes U+FFFD rather than stopping the run,
                # and the lines where it did are reported below.
                not_utf8.append(number)
                yield body.decode("utf-8", errors="replace")

    totals = dict.fromkeys(REDACTION_TYPES, 0)
    try:
        for position, redaction in enumerate(redact_lines(lines())):
            sys.stdout.buffer.write(redaction.text.encode("utf-8") + endings[position])
            # Each line as soon as it is redacted: `tail -f app.log | feedback-loop redact` follows the log line by
            # line, not in blocks of 8 KB. A write per line cost 2% more CPU on 100k lines (docs/privacy.md).
            sys.stdout.buffer.flush()
            for kind, found in redaction.counts.items():
                totals[kind] += found
    except BrokenPipeError:
        # The reader has gone (`feedback-loop redact < app.log | head`): stop as Unix filters do, quietly, with the
        # status of a process that SIGPIPE ended. Standard output now points at /dev/null, so that the
        # interpreter's own flush at exit finds nothing to write to the closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(128 + signal.SIGPIPE) from None
    if not_utf8:
        shown = ", ".join(map(str, not_utf8[:10])) + (f" and {len(not_utf8) - 10} more" if len(not_utf8) > 10 else "")
        typer.echo(
            f"redact: {len(not_utf8)} line(s) held bytes that are not UTF-8, written with U+FFFD in their place: "
            f"line {shown}",
            err=True,
        )
    if counts:
        typer.echo(json.dumps(totals), err=True)


@bench_app.command("redaction")
def bench_redaction(
    sentences: Annotated[int, typer.Option(help="Sentences in the seeded corpus (about 35% of them clean).")] = 3000,
    seed: Annotated[int, typer.Option(help="Corpus seed.")] = 0,
    tier: Annotated[
        list[str] | None, typer.Option(help="Detector tier to measure (patterns, patterns+ner); default: both.")
    ] = None,
    events: Annotated[
        int, typer.Option(help="Simulated events whose free text is timed (about one text each).")
    ] = 3000,
    json_out: Annotated[Path | None, typer.Option(help="Write the figures (with misses) as JSON here.")] = None,
):
    """PII redaction on a seeded corpus, per tier: recall per type, clean sentences altered, texts/s, and events/s
    on simulated events' free text."""
    from feedback_loop.privacy.bench import bench_redaction as run_bench
    from feedback_loop.privacy.redactor import TIERS

    tiers = tuple(tier or TIERS)
    unknown = sorted(set(tiers) - set(TIERS))
    if unknown:
        raise typer.BadParameter(f"unknown tier(s) {unknown}; known: {list(TIERS)}", param_hint="--tier")
    figures = run_bench(sentences, seed, tiers, events)
    table = Table(title=f"PII redaction on {sentences:,} seeded sentences (seed {seed})")
    table.add_column("type")
    for name in tiers:
        table.add_column(f"recall {name}", justify="right")
    first = figures["tiers"][tiers[0]]
    table.add_column("planted", justify="right")
    for kind, row in first["per_type"].items():
        cells = [figures["tiers"][name]["per_type"][kind] for name in tiers]
        table.add_row(
            kind,
            *(
                "not in tier" if not c["in_tier"] else "-" if c["recall"] is None else f"{c['recall']:.2%}"
                for c in cells
            ),
            str(row["planted"]),
        )
    console.print(table)
    for name in tiers:
        result = figures["tiers"][name]
        mix = result["event_mix"]
        console.print(
            f"{name}: clean sentences altered {result['clean_altered']} of {result['clean_sentences']}"
            f" ({result['clean_altered_rate']:.2%}); {result['texts_per_s']:,.0f} texts/s distinct"
            f" ({result['texts_per_cpu_s']:,.0f} per CPU-second), {result['repeated_texts_per_s']:,.0f} texts/s"
            f" repeated (memo); {result['mb_per_s']:.2f} MB/s; event mix: {mix['events_per_s']:,.0f} events/s"
            f" ({mix['events_per_cpu_s']:,.0f} per CPU-second, {mix['texts']:,} texts for {mix['events']:,} events)"
        )
        in_tier = [miss for miss in result["misses"] if result["per_type"][miss["type"]]["in_tier"]]
        for miss in in_tier[:5]:
            console.print(f"  missed {miss['type']} ({miss['format']}): {miss['value']!r}", markup=False)
    if json_out:
        json_out.write_text(json.dumps(figures, indent=2, ensure_ascii=False))


@bench_app.command("ingest")
def bench_ingest(
    events: Annotated[int, typer.Option(help="Landing lines of the generated day.")] = 100_000,
    tier: Annotated[str, typer.Option(help="Redaction tier of the project's ingestion (patterns, patterns+ner).")] = (
        "patterns"
    ),
    json_out: Annotated[Path | None, typer.Option(help="Write the figures as JSON here.")] = None,
    work_dir: Annotated[
        Path | None,
        typer.Option(help="Folder for the landing day and the work files (default: the system's temporary folder)."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="The tier's worker processes (IngestSpec.workers for patterns, IngestSpec.ner_workers for"
            " patterns+ner; default: theirs).",
        ),
    ] = None,
):
    """The project's ingestion of a generated landing day against DuckDB's raw read_json_auto -> Parquet on the
    same files: events/s of both, their ratio, and the peak RSS of each (its own child process; the project's with
    its worker processes')."""
    from feedback_loop.ingest.bench import bench_ingest as run_bench
    from feedback_loop.privacy.redactor import TIERS

    if tier not in TIERS:
        raise typer.BadParameter(f"unknown tier {tier!r}; known: {list(TIERS)}", param_hint="--tier")
    figures = run_bench(events, tier, workers, work_dir=work_dir, progress=log_progress)
    console.print(
        f"{events:,} events ({figures['landing_mb']:.1f} MB), {figures['cpu_count']} cores, load average"
        f" {figures['load_average_1m']:.2f}\n"
        f"project ({tier} tier, {figures['project_workers']} worker processes):"
        f" {figures['project_events_per_s']:,.0f} events/s"
        f" ({figures['project_events_per_cpu_s']:,.0f} per CPU-second), peak RSS"
        f" {figures['peak_rss_mb']:,.0f} MB ({figures['valid']:,} stored, {figures['quarantined']:,} quarantined,"
        f" {figures['duplicates']:,} duplicates)\n"
        f"DuckDB read_json_auto -> Parquet: {figures['duckdb_events_per_s']:,.0f} events/s"
        f" ({figures['duckdb_events_per_cpu_s']:,.0f} per CPU-second), peak RSS"
        f" {figures['duckdb_peak_rss_mb']:,.0f} MB\n"
        f"project / DuckDB: {figures['ratio']:.1%}"
    )
    if json_out:
        json_out.write_text(json.dumps(figures, indent=2))


@bench_app.command("loop")
def bench_loop(
    iterations: Annotated[
        int, typer.Option(min=1, help="Closed-loop iterations of each run, one day of traffic each.")
    ] = 5,
    objective: Annotated[
        list[str], typer.Option(help="Training objective of a run (repeat for several): sft, kto, dpo or sft+dpo.")
    ] = ["sft"],  # noqa: B006  # typer reads list defaults, never mutates them
    seed: Annotated[list[int], typer.Option(help="Seed of a run (repeat for several).")] = [0, 1],  # noqa: B006
    interactions: Annotated[int, typer.Option(min=1, help="Simulated interactions per iteration.")] = 2000,
    probe_questions: Annotated[
        int, typer.Option(min=0, help="Held-out questions the champion answers per iteration.")
    ] = 256,
    world: Annotated[str, typer.Option(help="The simulated world: slots or lookup (no probe there).")] = "slots",
    canary_share: CanaryShareOption = None,
    shadow: ShadowOption = None,
    ab_expected_difference: ABExpectedDifferenceOption = None,
    context_in_prompt: ContextInPromptOption = False,
    work_dir: Annotated[
        Path | None, typer.Option(help="Where each run gets its data root (default: <data root>/bench/loop).")
    ] = None,
    json_out: Annotated[Path | None, typer.Option(help="Write the rows as JSON here.")] = None,
    data_dir: DataDirOption = None,
):
    """The closed loop per objective and seed: true thumbs-up rate, share of the simulator's ceiling, the probe's
    share on held-out questions, exact corpus copies, gate and A/B decisions, and truly worse promotions."""
    from typing import get_args

    from feedback_loop.loop_bench import LoopBenchConfig, run_loop_bench
    from feedback_loop.train.lora import Objective

    unknown = [name for name in objective if name not in get_args(Objective)]
    if unknown:
        raise typer.BadParameter(f"--objective must be among {', '.join(get_args(Objective))}, got {unknown}")
    settings = _settings(data_dir)
    config = LoopBenchConfig(
        iterations=iterations,
        objectives=tuple(objective),
        seeds=tuple(seed),
        interactions=interactions,
        probe_questions=probe_questions if world == "slots" else 0,
        world=world,
        rollout=_demo_rollout(canary_share, shadow, ab_expected_difference),
        context_in_prompt=context_in_prompt,
    )
    rows = run_loop_bench(settings, config, work_dir or settings.layout.root / "bench" / "loop", progress=log_progress)
    _print_loop_bench(rows)
    if json_out:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(rows, indent=2, default=str))
        console.print(f"results: {json_out}")


def _print_loop_bench(rows: list[dict]) -> None:
    from rich.table import Table

    table = Table(title="bench loop (true figures from the simulator, never seen by the pipeline)")
    for column in ("objective", "seed", "it.", "thumbs-up", "of ceiling", "probe", "copies", "gate", "A/B", "worse"):
        table.add_column(column)
    for row in rows:
        probe = row["probe_share_of_ceiling"]
        table.add_row(
            row["objective"],
            str(row["seed"]),
            str(row["iteration"]),
            f"{row['thumbs_up_rate']:.1%}",
            f"{row['share_of_ceiling']:.1%}",
            "-" if probe is None else f"{probe:.1%}",
            f"{row['exact_copy_share']:.1%}",
            "passed" if row["gate_passed"] else "failed",
            row["ab_decision"],
            "YES" if row["promoted_truly_worse"] else "no",
        )
    console.print(table)


@bench_app.command("labeling-cost")
def bench_labeling_cost(
    days: Annotated[int, typer.Option(help="The day measured against day 1 alone (the earlier days are stored).")] = 8,
    interactions: Annotated[int, typer.Option(help="Simulated interactions per day.")] = 1500,
    seed: Annotated[int, typer.Option(help="Seed of the first simulated day (day i uses seed + i).")] = 0,
    json_out: Annotated[Path | None, typer.Option(help="Write the figures as JSON here.")] = None,
):
    """ingestion_job on day N with the N-1 earlier days stored against ingestion_job on day 1 alone: CPU-seconds
    and peak RSS of each (its own child process), and their ratios (issue 15 asks for at most 1.3)."""
    from feedback_loop.labeling_cost import bench_labeling_cost as run_bench

    figures = run_bench(days, interactions, seed, progress=log_progress)
    first, later = figures["first_day_alone"], figures["later_day_with_stored_days"]
    console.print(
        f"{interactions:,} interactions a day, {figures['cpu_count']} cores, load average"
        f" {figures['load_average_1m']:.2f}\n"
        f"day 1 alone: {first['cpu_seconds']:.1f} CPU-s, {first['seconds']:.1f} s, peak RSS"
        f" {first['peak_rss_mb']:,.0f} MB ({first['rss_before_mb']:,.0f} MB before the run)\n"
        f"day {days} with {days - 1} days stored: {later['cpu_seconds']:.1f} CPU-s, {later['seconds']:.1f} s, peak RSS"
        f" {later['peak_rss_mb']:,.0f} MB ({later['rss_before_mb']:,.0f} MB before the run)\n"
        f"day {days} / day 1: CPU {figures['cpu_ratio']:.2f}, peak RSS {figures['peak_rss_ratio']:.2f},"
        f" RSS added by the run {figures['run_rss_ratio']:.2f}"
    )
    if json_out:
        json_out.write_text(json.dumps(figures, indent=2))


def _print_registry(store) -> None:
    table = Table(title="adapter registry")
    gate = "offline gate: improvement (95% CI)"
    for column in ("version", "status", "objective", "canary share", "dataset", gate, "updated"):
        table.add_column(column)
    for record in store.list():
        primary = record.metrics.get("offline_evaluation", {}).get("primary") or {}
        interval = (
            f"{primary['metric']} {primary['mean']:+.4f} [{primary['low']:+.4f}, {primary['high']:+.4f}]"
            if primary
            else ""
        )
        table.add_row(
            record.version,
            record.status,
            record.objective,
            "" if record.canary_share is None else f"{record.canary_share:.0%}",
            str(record.lineage.get("dataset_version", "")),
            interval,
            record.updated_at.strftime("%Y-%m-%d %H:%M:%S"),
        )
    console.print(table)


def _open_registry(data_dir: str | None):
    from feedback_loop.registry import adapter_registry
    from feedback_loop.storage import DataStore

    settings = _settings(data_dir)
    return adapter_registry(settings.registry_url, DataStore.of(settings).pull_path)


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


def _person_name_option(value: str | None) -> str | None:
    """An --actor, --approver, --reviewer or --by, refused before anything runs when it is no printable, short name."""
    from feedback_loop.person_names import person_name

    if value is None:
        return None
    try:
        return person_name(value)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from error


@registry_app.command("promote")
def registry_promote(
    version: str,
    reason: Annotated[str, typer.Option(help="Why, for the audit log.")] = "manual promotion",
    actor: Annotated[str, typer.Option(help="Who, for the audit log.", callback=_person_name_option)] = "cli",
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
    actor: Annotated[str, typer.Option(help="Who, for the audit log.", callback=_person_name_option)] = "cli",
    data_dir: DataDirOption = None,
):
    """Retire the current champion and restore the previous one; past the first adapter, the bare base model."""
    from feedback_loop.registry import RegistryError

    try:
        record = _open_registry(data_dir).rollback(actor=actor, reason=reason)
    except RegistryError as error:
        raise _refused(error) from error
    console.print(f"champion is now {record.version if record else 'the bare base model (no adapter)'}")


@registry_app.command("audit")
def registry_audit(version: Annotated[str | None, typer.Argument()] = None, data_dir: DataDirOption = None):
    """The audit log of status transitions (of one VERSION when given)."""
    print(json.dumps(_open_registry(data_dir).audit_log(version), default=str, indent=2))


@registry_app.command("approve")
def registry_approve(
    version: str,
    approver: Annotated[str, typer.Option(help="Who approves, for the audit log.", callback=_person_name_option)],
    note: Annotated[str, typer.Option(help="Why, for the audit log.")] = "approved after review",
    data_dir: DataDirOption = None,
):
    """Approve VERSION for promotion (the human-approval policy); promotes it now if its gates already passed."""
    _approve(_open_registry(data_dir), version, approver, note)


def _approve(store, version: str, approver: str, note: str) -> None:
    from feedback_loop.registry import RegistryError
    from feedback_loop.registry.policy import approve

    try:
        record, promoted = approve(store, version, approver=approver, note=note)
    except RegistryError as error:
        raise _refused(error) from error
    if promoted:
        console.print(f"approved; champion is now {record.version}")
    else:
        console.print(f"approved; {version} ({record.status}) becomes champion once its gates pass")


# --- system prompts -----------------------------------------------------------------------------------------


@contextmanager
def _open_prompts(data_dir: str | None) -> Iterator[tuple[Any, Any]]:
    """The prompt store and the prompt registry; in object storage, the prompts' working copy is pulled before and
    what the command changed pushed after."""
    from feedback_loop.prompts import PromptStore
    from feedback_loop.registry import Registry
    from feedback_loop.storage import DataStore

    settings = _settings(data_dir)
    with DataStore.of(settings).working_copy("prompts") as layout:
        yield PromptStore(layout.prompts), Registry(settings.prompt_registry_url)


@prompts_app.command("list")
def prompts_list(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    data_dir: DataDirOption = None,
):
    """The recommendations (with their evidence and status) and the system prompt versions (with theirs)."""
    from dataclasses import asdict

    from feedback_loop.prompts import read_recommendations, version_statuses

    with _open_prompts(data_dir) as (store, registry):
        analysis, recommendations = read_recommendations(store.recommendations_path)
        statuses = version_statuses(registry)
        versions = [
            {**asdict(prompt), "status": statuses.get(prompt.version, "unregistered")} for prompt in store.versions()
        ]
    if as_json:
        print(
            json.dumps(
                {"analysis": analysis, "recommendations": [asdict(r) for r in recommendations], "versions": versions},
                indent=2,
            )
        )
        return
    if recommendations:
        days = analysis.get("days") or ["-"]
        table = Table(
            title=f"prompt recommendations (analysed: {analysis.get('prompt_version')}, {days[0]}..{days[-1]})"
        )
        table.add_column("id", no_wrap=True, min_width=12)  # the handle for `prompts apply`: shown whole
        for column in ("status", "kind", "segment", "change", "evidence"):
            table.add_column(column)
        for r in recommendations:
            status = r.status if r.prompt_version is None else f"{r.status} as {r.prompt_version} by {r.applied_by}"
            table.add_row(r.id, status, r.kind, r.target, r.change, r.summary)
        console.print(table)
    else:
        console.print("no recommendations (materialize prompt_recommendations to refresh them)")
    table = Table(title="system prompt versions")
    for column in ("version", "status", "parent", "text and segment instructions", "created"):
        table.add_column(column)
    for version in versions:
        says = [version["text"]] if version["text"] else []
        says += [
            f"{segment}: {instruction}" for segment, instruction in sorted(version["segment_instructions"].items())
        ]
        table.add_row(
            version["version"],
            version["status"],
            version["parent"] or "-",
            "\n".join(says) or "(empty)",
            f"{version['created_at'] or 'built in'} by {version['created_by']}",
        )
    console.print(table)


@prompts_app.command("apply")
def prompts_apply(
    recommendation_id: Annotated[str, typer.Argument(metavar="ID", help="A recommendation id from `prompts list`.")],
    by: Annotated[
        str,
        typer.Option("--by", help="Your name, for the prompt version and the audit log.", callback=_person_name_option),
    ],
    canary_share: Annotated[float, typer.Option(help="Share of users the new prompt serves as the canary.")] = 0.2,
    data_dir: DataDirOption = None,
):
    """Make recommendation ID a new system prompt version, serving as the canary until prompt_ab_test decides."""
    from feedback_loop.prompts import PromptError, apply_recommendation
    from feedback_loop.registry import RegistryError

    with _open_prompts(data_dir) as (store, registry):
        try:
            prompt = apply_recommendation(store, registry, recommendation_id, by=by, canary_share=canary_share)
        except (PromptError, RegistryError) as error:
            raise _refused(error) from error
    console.print(
        f"{prompt.version} (parent {prompt.parent}) serves {canary_share:.0%} of users as the canary; "
        "prompt_ab_test promotes or rejects it"
    )


@prompts_app.command("approve")
def prompts_approve(
    version: str,
    approver: Annotated[str, typer.Option(help="Who approves, for the audit log.", callback=_person_name_option)],
    note: Annotated[str, typer.Option(help="Why, for the audit log.")] = "approved after review",
    data_dir: DataDirOption = None,
):
    """Approve system prompt VERSION for promotion (human-approval policy); promotes it now if its A/B test passed."""
    with _open_prompts(data_dir) as (_, registry):
        _approve(registry, version, approver, note)


# --- human review -------------------------------------------------------------------------------------------

ReviewerOption = Annotated[
    str | None,
    typer.Option(
        help="Your name, recorded with each decision (default: your login name).", callback=_person_name_option
    ),
]
RelabelOption = Annotated[
    bool, typer.Option(help="Re-label the affected days right away, so the decisions show in labeled_interactions.")
]


def _reviewer(name: str | None) -> str:
    import getpass

    return name or getpass.getuser()


def _relabel(settings: Settings, days: list[str]) -> None:
    from feedback_loop.runs import run_relabel

    result = run_relabel(settings, days[0], days[-1])
    console.print(
        f"re-labeled {days[0]}..{days[-1]} in run {result.run_id}: {'succeeded' if result.success else 'FAILED'}"
    )
    if not result.success:
        raise typer.Exit(1)


def _relabel_hint(days: list[str]) -> None:
    # `dagster asset materialize --partition-range` can't select the (unpartitioned) review queue beside the
    # partitioned assets, and `backfill` would run the whole ingestion job, A/B tests included.
    console.print(
        "the decisions apply when these days are labeled again: "
        f"feedback-loop relabel --start {days[0]} --end {days[-1]}"
    )


def _warehouse(settings: Settings):
    from feedback_loop.storage import DataStore

    return DataStore.of(settings).warehouse()


def _apply_decisions(settings: Settings, days: list[str], relabel: bool) -> None:
    if relabel:
        _relabel(settings, days)
    else:
        _relabel_hint(days)


def _show_item(item: dict, position: int, total: int) -> None:
    from rich.panel import Panel

    signals = {
        key: item.get(key)
        for key in ("thumb", "rating", "correction", "flags", "comment", "actions", "outcome", "reading_time_ms")
        if item.get(key) not in (None, [], "")
    }
    probability = item.get("model_good_probability")
    label = f"{item['quality']} ({item['quality_source']}, confidence {item['quality_confidence']:.2f})"
    if probability is not None:
        label += f", model P(good) {probability:.2f}"
    body = (
        f"[bold]why[/bold]: {item['review_reason']}\n[bold]label[/bold]: {label}\n"
        f"[bold]signals[/bold]: {json.dumps(signals, default=str) if signals else 'none'}\n\n"
        f"[bold]prompt[/bold] ({item['use_case']}):\n{item['prompt']}\n\n[bold]response[/bold]:\n{item['response']}"
    )
    console.print(Panel(body, title=f"{position}/{total}  {item['interaction_id']}  priority {item['priority']:.2f}"))


_REVIEW_KEYS = {"a": "accept", "g": "good", "b": "bad", "f": "flag", "s": "skip", "q": "quit"}


@review_app.callback()
def review(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(help="Most items to show in this session.")] = 20,
    reviewer: ReviewerOption = None,
    relabel: RelabelOption = True,
    data_dir: DataDirOption = None,
):
    """Work through the review queue in the terminal: [a]ccept, relabel [g]ood/[b]ad, [f]lag, [s]kip, [q]uit.

    Each decision is recorded at once (with your name and the time), so quitting loses nothing.
    """
    if ctx.invoked_subcommand is not None:
        return
    from rich.prompt import Prompt

    from feedback_loop.label.decisions import FLAG_REASONS, make_decision
    from feedback_loop.label.reviewing import label_days, pending_reviews, record_decisions

    settings = _settings(data_dir)
    warehouse = _warehouse(settings)
    items = pending_reviews(warehouse, limit)
    if not items:
        console.print("the review queue is empty (materialize review_queue to refresh it)")
        return
    name = _reviewer(reviewer)
    decided: set[str] = set()
    for position, item in enumerate(items, start=1):
        _show_item(item, position, len(items))
        key = Prompt.ask("decision", choices=list(_REVIEW_KEYS), default="s", console=console)
        action = _REVIEW_KEYS[key]
        if action == "quit":
            break
        if action == "skip":
            decision = make_decision(item["interaction_id"], "skip", reviewer=name)
        elif action == "accept":
            decision = make_decision(item["interaction_id"], "accept", reviewer=name, quality=item["quality"])
        elif action == "flag":
            reason = Prompt.ask("flag reason", choices=list(FLAG_REASONS), console=console)
            note = Prompt.ask("note (optional)", default="", console=console)
            decision = make_decision(item["interaction_id"], "flag", reviewer=name, flag=reason, note=note or None)
        else:
            decision = make_decision(item["interaction_id"], "relabel", reviewer=name, quality=action)
        record_decisions(warehouse, [decision])
        if action != "skip":
            decided.add(item["interaction_id"])
    console.print(f"{len(decided)} decision(s) recorded by {name}")
    if decided:
        _apply_decisions(settings, label_days(warehouse, decided), relabel)


@review_app.command("export")
def review_export(
    out: Annotated[Path, typer.Option(help="JSON Lines file to write.")],
    limit: Annotated[int | None, typer.Option(help="Most items to export (default: all pending).")] = None,
    data_dir: DataDirOption = None,
):
    """Write the pending review queue as JSON Lines, with empty decision fields for an annotation tool."""
    from feedback_loop.label.reviewing import export_queue

    count = export_queue(_warehouse(_settings(data_dir)), out, limit)
    console.print(f"{count} item(s) written to {out}")


@review_app.command("import")
def review_import(
    path: Annotated[Path, typer.Argument(help="An exported file with the decision fields filled in.")],
    reviewer: ReviewerOption = None,
    relabel: RelabelOption = True,
    data_dir: DataDirOption = None,
):
    """Record the decisions of an edited export; the whole file is checked first, and imported whole or not at all."""
    from feedback_loop.label.decisions import DecisionError
    from feedback_loop.label.reviewing import import_decisions

    settings = _settings(data_dir)
    try:
        result = import_decisions(_warehouse(settings), path, default_reviewer=_reviewer(reviewer))
    except (DecisionError, ValueError) as error:
        # The message quotes the file's own text (its interaction ids), which is no markup.
        console.print(f"refused: {error}", style="red", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1) from error
    console.print(
        f"{result.imported} decision(s) imported, {result.unchanged} already recorded, "
        f"{result.undecided} line(s) undecided"
    )
    if result.days:
        _apply_decisions(settings, result.days, relabel)


# --- connecting applications: the collector, importers, adapter export ---------------------------------------


@app.command()
def collect(
    host: Annotated[str, typer.Option(help="Address to listen on; beyond loopback a token file is required.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port (4318 is OTLP/HTTP's).")] = 4318,
    data_dir: DataDirOption = None,
):
    """Run the collector: OTLP/HTTP (/v1/traces, /v1/logs), /v1/events, /v1/champion and /healthz.

    Accepted events are on disk in the landing folder before the answer (with a data root in a bucket, in a local
    spool, FEEDBACK_LOOP_COLLECTOR_SPOOL_DIR, from which each closed segment is uploaded to the bucket); the bearer
    token comes from the file FEEDBACK_LOOP_COLLECTOR_TOKEN_FILE names. See docs/connect.md.
    """
    from feedback_loop.collect.app import CollectorConfig, CollectorSetupError, serve

    try:
        serve(_settings(data_dir), host, port, CollectorConfig())
    except CollectorSetupError as error:
        console.print(f"[red]refused: {error}[/red]")
        raise typer.Exit(2) from error


def _import(kind: str, path: Path, data_dir: str | None, **preference) -> None:
    from functools import partial

    from feedback_loop.collect.importers import (
        ConflictingImportDay,
        PreferenceDefaults,
        UnreadableImportFile,
        import_file,
    )
    from feedback_loop.storage import DataStore

    settings = _settings(data_dir)
    defaults = PreferenceDefaults(**preference) if preference else None
    try:
        store = DataStore.of(settings)
        with store.uploading("landing"):
            landed_days = partial(store.days_holding, "landing")
            result = import_file(kind, path, settings.layout.landing, defaults, landed_days)
    except (UnreadableImportFile, ConflictingImportDay) as error:
        console.print(f"[red]refused: {error}[/red]")
        raise typer.Exit(2) from error
    console.print_json(json.dumps(result.__dict__))
    if result.day_range:
        first, last = result.day_range
        console.print(f"ingest them with: feedback-loop backfill --start {first} --end {last}")


ImportFile = Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="JSON Lines (.jsonl or .jsonl.gz).")]


@import_app.command("openai-chat")
def import_openai_chat(path: ImportFile, data_dir: DataDirOption = None):
    """OpenAI chat-completions calls, one {"request", "response"[, "feedback", ...]} object per line."""
    _import("openai-chat", path, data_dir)


@import_app.command("preference")
def import_preference(
    path: ImportFile,
    day: Annotated[
        str | None,
        typer.Option(
            help="Landing day of pairs without a timestamp (default: today, UTC; for a file imported before, the day"
            " its first import landed them on, the only day it takes)."
        ),
    ] = None,
    model_version: Annotated[str, typer.Option(help="Model the answers are recorded under.")] = "preference-data",
    use_case: Annotated[str, typer.Option(help="Use case of pairs that do not name one.")] = "preference",
    data_dir: DataDirOption = None,
):
    """prompt/chosen/rejected pairs: two interactions each, the chosen answer thumbed up, the rejected one down."""
    _import("preference", path, data_dir, day=day, model_version=model_version, use_case=use_case)


@import_app.command("otlp")
def import_otlp(path: ImportFile, data_dir: DataDirOption = None):
    """OTLP JSON as the OpenTelemetry Collector's file exporter writes it, mapped as the collector maps it."""
    _import("otlp", path, data_dir)


@export_app.command("adapter")
def export_adapter_command(
    version: str,
    fmt: Annotated[str, typer.Option("--format", help="peft, merged or vllm.")],
    out: Annotated[Path, typer.Option(help="Folder to write (replaced whole).")],
    base_dir: Annotated[
        Path | None, typer.Option(help="The base model (default: the one the adapter was trained on).")
    ] = None,
    data_dir: DataDirOption = None,
):
    """Export adapter VERSION as a PEFT adapter with a model card, a merged model, or vLLM's multi-LoRA layout.

    With a data root in object storage, the adapter and its base model are pulled into the working copy first."""
    from feedback_loop.registry import Registry, RegistryError
    from feedback_loop.serve.export import ExportError, export_adapter
    from feedback_loop.storage import DataStore

    settings = _settings(data_dir)
    registry = Registry(settings.registry_url)
    try:
        metadata = export_adapter(registry, version, fmt, out, base_dir, fetch=DataStore.of(settings).pull_path)
    except (RegistryError, ExportError) as error:
        raise _refused(error) from error
    console.print_json(json.dumps(metadata))
    console.print(f"{version} exported as {fmt} to {out}")


@bench_app.command("collect")
def bench_collect(
    seconds: Annotated[float, typer.Option(help="Length of the throughput phase.")] = 30.0,
    clients: Annotated[int, typer.Option(help="Concurrent HTTP clients.")] = 8,
    batch: Annotated[int, typer.Option(help="Events per request.")] = 100,
    rate: Annotated[float, typer.Option(help="Offered events/s of the latency phase.")] = 5000.0,
    json_out: Annotated[Path | None, typer.Option(help="Write the figures as JSON here.")] = None,
):
    """Collector throughput (events/s at saturation), p50/p99 latency at --rate, and events lost to a SIGKILL."""
    from feedback_loop.collect.bench import bench_collector

    results = bench_collector(seconds=seconds, clients=clients, batch=batch, rate=rate, progress=log_progress)
    table = Table(
        title=f"collector: {clients} clients, batches of {batch}, {results['cpu_count']} cores "
        f"(load average {results['load_average_1m']:.1f})"
    )
    for column in ("phase", "events/s", "p50 ms", "p99 ms"):
        table.add_column(column, justify="right")
    table.add_row(
        "saturation",
        f"{results['events_per_s']:,.0f}",
        f"{results['saturation_p50_ms']:.1f}",
        f"{results['saturation_p99_ms']:.1f}",
    )
    table.add_row(
        f"{rate:,.0f} offered",
        f"{results['paced_events_per_s']:,.0f}",
        f"{results['p50_ms']:.1f}",
        f"{results['p99_ms']:.1f}",
    )
    console.print(table)
    console.print(
        f"SIGKILL under load: {results['acknowledged']:,} events acknowledged, {results['lost_events']} lost "
        f"({results['lost_after_kill']:.2%}), {results['torn_lines']} torn lines, "
        f"{results['segments_recovered']} segment(s) recovered"
    )
    if json_out:
        json_out.write_text(json.dumps(results, indent=2))
