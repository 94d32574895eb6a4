"""The pipeline on Dagster's Celery executor (deploy/): RabbitMQ as broker, two `cpu` workers and a `gpu` worker,
PostgreSQL for Dagster's storage and the adapter registry, runs started with Dagster's own CLI.

A backfill spreads its days over both CPU workers and leaves the warehouse byte for byte as an in-process run
does; ingesting every day at once, one of them twice, loses and duplicates nothing; training goes to the GPU queue; two
retrainings at once leave one champion and an audit log that tells every move.
"""

from __future__ import annotations

import itertools
import json
import shutil
from datetime import date
from itertools import pairwise
from pathlib import Path

import dagster as dg
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from feedback_loop.registry import Registry
from feedback_loop.runs import run_ingestion
from feedback_loop.settings import load_settings
from feedback_loop.simulate import simulate_day
from feedback_loop.storage import DataStore
from feedback_loop.warehouse import Warehouse
from feedback_loop_tests.conftest import fresh_postgres_database, postgres_database_url
from feedback_loop_tests.defs.celery_deployment import (
    Deployment,
    celery_deployment,
    finished,
    run_config_file,
    step_workers,
)
from feedback_loop_tests.defs.conftest import TINY_BASE, TINY_EVAL, TINY_LORA

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

DAYS = ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04"]
PSEUDONYM_KEY = "5f" * 32
# The ingestion job's assets after raw_telemetry: labeling and the rest, over the whole range in one run.
INGESTION = "raw_telemetry,shadow_telemetry"
AFTER_INGESTION = (
    "auto_labeler,labeled_interactions,review_queue,online_ab_test,shadow_evaluation,prompt_ab_test,"
    "prompt_recommendations,kpi_daily"
)


def _land(data_dir: Path) -> None:
    """Four simulated landing days (late feedback of each lands the next day) and the pseudonym key."""
    for seed, day in enumerate(DAYS):
        simulate_day(data_dir / "landing", date.fromisoformat(day), 60, seed, invalid_lines=2)
    key = data_dir / "secrets" / "pseudonym.key"
    key.parent.mkdir(parents=True)
    key.write_text(PSEUDONYM_KEY)


def _files(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def deployment(tmp_path_factory) -> Deployment:
    tmp_path = tmp_path_factory.mktemp("celery")
    with (
        fresh_postgres_database("fl_dagster") as dagster_db,
        fresh_postgres_database("fl_registry") as registry_db,
        celery_deployment(
            tmp_path, dagster_db, first_day=DAYS[0], registry_url=postgres_database_url(registry_db)
        ) as deployment,
    ):
        _land(deployment.data_dir)
        deployment.start_worker("cpu", "cpu1")
        deployment.start_worker("cpu", "cpu2")
        deployment.start_worker("gpu", "gpu")
        deployment.wait_for_workers()
        yield deployment


@pytest.fixture(scope="module")
def in_process_warehouse(tmp_path_factory) -> dict[str, bytes]:
    """The warehouse of the same four days ingested and labeled in one in-process run (the CLI's backfill)."""
    tmp_path = tmp_path_factory.mktemp("in_process")
    settings = load_settings(
        {
            "FEEDBACK_LOOP_DATA_DIR": str(tmp_path / "data"),
            "DAGSTER_HOME": str(tmp_path / "home"),
            "FEEDBACK_LOOP_FIRST_DAY": DAYS[0],
        }
    )
    _land(settings.data_dir)
    with dg.instance_for_test() as instance:
        assert run_ingestion(settings, DAYS[0], DAYS[-1], instance).success
    return _files(settings.layout.warehouse)


@pytest.fixture(scope="module")
def backfilled(deployment: Deployment) -> list[str]:
    """A four-day backfill of ingestion_job: each day's ingestion in a run of its own, all four at once, then
    the labeling and the rest of the job over the range in one run (labels read the following days' feedback).
    Returns the ids of the four ingestion runs."""
    backfill_ingestion(deployment)
    with deployment.instance() as instance:
        runs = instance.get_runs(filters=dg.RunsFilter(job_name="__ASSET_JOB"))
        return [run.run_id for run in runs]


def test_a_four_day_backfill_runs_on_both_cpu_workers(deployment, backfilled):
    with deployment.instance() as instance:
        assert type(instance.run_storage).__name__ == "PostgresRunStorage"
        assert len(backfilled) == len(DAYS)
        workers = {}
        for run_id in backfilled:
            run = instance.get_run_by_id(run_id)
            assert run is not None and run.status == dg.DagsterRunStatus.SUCCESS
            workers[run.tags["dagster/partition"]] = step_workers(instance, run_id)["raw_telemetry"]
        assert sorted(workers) == DAYS
        # Both CPU workers took days; the GPU worker took none.
        assert {name.split("@")[0] for name in workers.values()} == {"cpu1", "cpu2"}, workers
        assert instance.get_materialized_partitions(dg.AssetKey("labeled_interactions")) == set(DAYS)


def test_the_backfilled_warehouse_is_byte_for_byte_the_in_process_one(deployment, backfilled, in_process_warehouse):
    warehouse = _files(deployment.data_dir / "warehouse")
    assert sorted(warehouse) == sorted(in_process_warehouse)
    differing = [name for name in warehouse if warehouse[name] != in_process_warehouse[name]]
    assert differing == []


def _event_counts(warehouse: Path) -> tuple[int, int]:
    """Rows and distinct event ids over every day's events."""
    events = Warehouse(warehouse).read_partitions("events", columns=["event_id"])
    return events.num_rows, len(pc.unique(events["event_id"]))


def _event_counts_of(files: dict[str, bytes]) -> tuple[int, int]:
    """:func:`_event_counts` of a warehouse kept as its files' bytes (:func:`_files`)."""
    tables = [pq.read_table(pa.BufferReader(data)) for name, data in files.items() if name.startswith("events/")]
    event_ids = pa.chunked_array([table["event_id"] for table in tables])
    return len(event_ids), len(pc.unique(event_ids))


def test_every_day_ingested_at_once_and_one_twice_loses_and_duplicates_nothing(
    deployment, backfilled, in_process_warehouse
):
    """Five ingestion runs at once on the two CPU workers: the four days, and the second day once more. Each
    day's events and quarantine are byte for byte the in-process run's: no row lost, none stored twice."""
    runs = [*DAYS, DAYS[1]]
    started = [deployment.dagster("asset", "materialize", "--select", INGESTION, "--partition", day) for day in runs]
    for process in started:
        finished(process)
    rows, distinct = _event_counts(deployment.data_dir / "warehouse")
    expected, _ = _event_counts_of(in_process_warehouse)
    assert rows == distinct == expected
    warehouse = _files(deployment.data_dir / "warehouse")
    for day in DAYS:
        for table in ("events", "quarantine"):
            name = f"{table}/date={day}/part-0.parquet"
            assert warehouse[name] == in_process_warehouse[name], name
    # Nothing half-written left behind: no temporary file in the warehouse.
    assert sorted(name for name in warehouse if name.split("/")[-1].startswith(".")) == []


def _retrain_config(tmp_path: Path, name: str, gate: dict | None = None, **lora) -> str:
    return run_config_file(
        tmp_path / f"{name}.json",
        {
            "ops": {
                "base_model": {"config": TINY_BASE},
                "lora_adapter": {"config": {**TINY_LORA, **lora}},
                "adapter_evaluation": {"config": {**TINY_EVAL, "n_resamples": 200, **(gate or {})}},
                "champion_adapter": {"config": {"rollout": "immediate", "shadow": False}},
            }
        },
    )


def _retrain(deployment: Deployment, config: str):
    return deployment.dagster("job", "execute", "-j", "retrain_job", "-c", config)


def _outcome(process) -> str:
    """How a retraining run ended: ``passed``; ``gated``, failed at its offline gate (a challenger that does not beat
    the champion of the moment); or ``stale``, refused at the roll-out because the other run replaced the champion its
    gate compared it with (StaleGateError: it must be gated again). At nothing else."""
    output, _ = process.communicate(timeout=900)
    if process.returncode == 0:
        return "passed"
    if "StaleGateError" in output:
        return "stale"
    assert "blocking asset check failed" in output and "offline_gate" in output, output[-4000:]
    return "gated"


@pytest.fixture(scope="module")
def retrained(deployment: Deployment, backfilled, tmp_path_factory) -> str:
    """One retrain_job run through Celery (it builds the base model the later runs reuse); its run id."""
    finished(_retrain(deployment, _retrain_config(tmp_path_factory.mktemp("retrain"), "retrain")))
    with deployment.instance() as instance:
        [run] = instance.get_runs(filters=dg.RunsFilter(job_name="retrain_job"), limit=1)
        return run.run_id


def test_retrain_job_trains_on_the_gpu_queue_worker(deployment, retrained):
    with deployment.instance() as instance:
        run = instance.get_run_by_id(retrained)
        assert run is not None and run.status == dg.DagsterRunStatus.SUCCESS
        assert run.tags["compute"] == "gpu"
        workers = {step: name.split("@")[0] for step, name in step_workers(instance, retrained).items()}
    assert {workers[step] for step in ("base_model", "lora_adapter", "adapter_evaluation")} == {"gpu"}
    assert {workers[step] for step in ("sft_dataset", "champion_adapter")} <= {"cpu1", "cpu2"}


_RETRAIN_RACES = itertools.count()


def test_two_retrainings_at_once_leave_one_champion_and_a_complete_audit_log(deployment, retrained, tmp_path):
    # Two new recipes trained longer than the champion's, two new adapters trained from the same dataset at once
    # (a second GPU worker takes the other), each gated against the champion of the moment and promoted at once
    # when it passes.
    if "gpu2" not in deployment.workers:  # started by the first call of a repeated test
        deployment.start_worker("gpu", "gpu2")
        deployment.wait_for_workers()
    # A lenient gate (any loss improvement, the guardrail all but off), so that both are likely to pass and to
    # move the champion pointer at about the same time. Each call trains recipes of its own, so that the test
    # repeated in one session (`--count`) races two new adapters every time.
    gate = {"loss_margin": 0.0, "score_margin": 0.5}
    epochs = 8 + next(_RETRAIN_RACES)
    configs = [_retrain_config(tmp_path, f"r{r}", gate, r=r, alpha=2 * r, epochs=epochs) for r in (4, 12)]
    store = Registry(deployment.env["FEEDBACK_LOOP_REGISTRY_URL"])
    before = {record.version for record in store.list()}
    runs = [_retrain(deployment, config) for config in configs]
    outcomes = [_outcome(process) for process in runs]

    records = store.list()
    new = [record for record in records if record.version not in before]
    assert len(new) == 2, records
    champions = [record for record in records if record.status == "champion"]
    assert len(champions) == 1
    # Each new adapter was gated on its own (not on the other run's adapter), and a run that failed its gate left
    # its adapter rejected.
    for record in new:
        assert record.metrics["offline_evaluation"]["challenger_version"] == record.version
    assert sum(record.status == "rejected" for record in new) == outcomes.count("gated")
    # A run refused as stale lost the race to the other, which promoted its adapter: its own is never champion.
    assert outcomes.count("stale") == 0 or "passed" in outcomes, outcomes
    assert sum(record.status == "champion" for record in new) <= outcomes.count("passed")
    history = store.champion_history()
    assert history[-1]["version"] == champions[0].version
    for earlier, later in pairwise(history):
        assert later["replaced_version"] == earlier["version"], history
    # Every status change of every adapter is in the audit log, in order: its first entry registers it, each
    # entry starts from the status the one before it ended in, and the last ends in the status it has.
    for record in records:
        log = store.audit_log(record.version)
        assert log[0]["from_status"] is None and log[0]["to_status"] == "candidate", log
        for earlier, later in pairwise(log):
            assert later["from_status"] == earlier["to_status"], log
        assert log[-1]["to_status"] == record.status, log
    store.close()


def _bucket_files(store: DataStore, entry: str) -> dict[str, bytes]:
    """:func:`_files` of an entry of a data root in object storage."""
    import pyarrow.fs as pafs

    prefix = f"{store.base}/{entry}/"
    found = {}
    for info in store.fs.get_file_info(pafs.FileSelector(prefix, recursive=True, allow_not_found=True)):
        if info.type == pafs.FileType.File:
            with store.fs.open_input_stream(info.path) as stream:
                found[info.path.removeprefix(prefix)] = stream.read()
    return found


def test_a_backfill_and_a_retraining_on_a_bucket_data_root_run_through_celery(s3_root, tmp_path, in_process_warehouse):
    """The four-day backfill with FEEDBACK_LOOP_DATA_DIR=s3://... (the local S3 server) on two CPU workers: the
    landing days are only in the bucket, every process pulls what it reads into the working copy, and the
    warehouse in the bucket is byte for byte the one an in-process run writes on a local disk. Then, with the
    working copy emptied, a retraining trains on the GPU queue's worker from what the bucket holds."""
    working_copy = tmp_path / "working-copy"
    key_file = tmp_path / "secrets" / "pseudonym.key"
    key_file.parent.mkdir()
    key_file.write_text(PSEUDONYM_KEY)
    with (
        fresh_postgres_database("fl_dagster") as dagster_db,
        fresh_postgres_database("fl_registry") as registry_db,
        fresh_postgres_database("fl_prompts") as prompts_db,
        celery_deployment(
            tmp_path,
            dagster_db,
            data_root=s3_root,
            first_day=DAYS[0],
            working_dir=working_copy,
            registry_url=postgres_database_url(registry_db),
            prompt_registry_url=postgres_database_url(prompts_db),
            pseudonym_key_file=key_file,
        ) as deployment,
    ):
        store = DataStore(s3_root, working_copy)
        with store.uploading("landing") as layout:
            for seed, day in enumerate(DAYS):
                simulate_day(layout.landing, date.fromisoformat(day), 60, seed, invalid_lines=2)
        shutil.rmtree(working_copy)  # the landing days are in the bucket alone
        deployment.start_worker("cpu", "cpu1")
        deployment.start_worker("cpu", "cpu2")
        deployment.wait_for_workers()
        backfill_ingestion(deployment)
        with deployment.instance() as instance:
            runs = instance.get_runs(filters=dg.RunsFilter(job_name="__ASSET_JOB"))
            workers = {
                run.tags["dagster/partition"]: step_workers(instance, run.run_id)["raw_telemetry"] for run in runs
            }
            assert instance.get_materialized_partitions(dg.AssetKey("labeled_interactions")) == set(DAYS)
        assert sorted(workers) == DAYS
        assert {name.split("@")[0] for name in workers.values()} == {"cpu1", "cpu2"}, workers
        warehouse = _bucket_files(store, "warehouse")
        assert sorted(warehouse) == sorted(in_process_warehouse)
        assert [name for name in warehouse if warehouse[name] != in_process_warehouse[name]] == []
        assert not (working_copy / "warehouse").exists()  # read and written in the bucket, never copied here
        assert store.read_text("models/labeler/current.json") is not None  # the labeler went up from the workers

        shutil.rmtree(working_copy)  # the workers are idle: what the retraining reads must come from the bucket
        deployment.start_worker("gpu", "gpu")
        deployment.wait_for_workers()
        finished(_retrain(deployment, _retrain_config(tmp_path, "retrain")))
        with deployment.instance() as instance:
            [run] = instance.get_runs(filters=dg.RunsFilter(job_name="retrain_job"), limit=1)
            trained_on = step_workers(instance, run.run_id)["lora_adapter"]
        assert trained_on.split("@")[0] == "gpu"
        champion = Registry(deployment.env["FEEDBACK_LOOP_REGISTRY_URL"]).champion()
        assert champion is not None
        adapter = Path(champion.path).relative_to(working_copy).as_posix()
        assert set(_bucket_files(store, adapter)) >= {"adapter_config.json", "adapter_model.safetensors"}


def backfill_ingestion(deployment: Deployment) -> None:
    """Each day's ingestion in a run of its own, all four at once, then the rest of `ingestion_job` over the range
    in one run (labels read the following days' feedback)."""
    ingestions = [deployment.dagster("asset", "materialize", "--select", INGESTION, "--partition", day) for day in DAYS]
    for process in ingestions:
        finished(process)
    finished(
        deployment.dagster(
            "job",
            "execute",
            "-j",
            "ingestion_job",
            "-o",
            AFTER_INGESTION,
            "--tags",
            json.dumps({"dagster/asset_partition_range_start": DAYS[0], "dagster/asset_partition_range_end": DAYS[-1]}),
        )
    )
