"""The asset graph against Dagster's PostgreSQL storage, configured by the repository's dagster.yaml."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import dagster as dg
import pytest

from feedback_loop.runs import run_ingestion
from feedback_loop_tests.defs.conftest import DAYS

pytestmark = pytest.mark.postgres

REPO = Path(__file__).resolve().parents[2]
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}


@pytest.fixture
def postgres_database():
    """A fresh database on the local server, dropped afterwards. Skips when the server is down, except in CI."""
    import psycopg2

    try:
        admin = psycopg2.connect(dbname="postgres", connect_timeout=5, **PG)
    except psycopg2.OperationalError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL on 127.0.0.1:5432 is required in CI: {error}")
        pytest.skip(f"PostgreSQL on 127.0.0.1:5432 is not reachable: {error}")
    admin.autocommit = True
    name = f"fl_dagster_{uuid.uuid4().hex[:10]}"
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_runs_are_stored_in_postgres(landed, postgres_database, tmp_path, monkeypatch):
    home = tmp_path / "pg_home"
    home.mkdir()
    shutil.copy(REPO / "dagster.yaml", home / "dagster.yaml")
    for key, value in {
        "HOST": "127.0.0.1",
        "PORT": "5432",
        "USER": "postgres",
        "PASSWORD": "",
        "DB": postgres_database,
    }.items():
        monkeypatch.setenv(f"DAGSTER_PG_{key}", value)

    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert type(instance.run_storage).__name__ == "PostgresRunStorage"
        result = run_ingestion(landed, DAYS[0], DAYS[-1], instance)
        assert result.success
        run_id = result.run_id

    # Read back through a new instance: the run and its materializations live in PostgreSQL, not in memory.
    with dg.DagsterInstance.from_config(str(home)) as instance:
        run = instance.get_run_by_id(run_id)
        assert run is not None and run.status == dg.DagsterRunStatus.SUCCESS
        assert instance.get_materialized_partitions(dg.AssetKey("raw_telemetry")) == set(DAYS)

    import psycopg2

    with psycopg2.connect(dbname=postgres_database, **PG) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM runs WHERE run_id = %s", (run_id,))
        assert cursor.fetchone()[0] == 1
