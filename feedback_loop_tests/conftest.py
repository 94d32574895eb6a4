"""Session-wide test setup: offline Hugging Face, and small shared fixtures built once."""

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

# Set before anything imports transformers or datasets: there is no model hub here.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_DATASETS_OFFLINE"] = "1"


POSTGRES_ADMIN_URL = "postgresql+psycopg2://postgres@127.0.0.1:5432/test"


@contextmanager
def fresh_postgres_database(prefix: str = "registry_test") -> Iterator[str]:
    """A fresh, uniquely named database on the local PostgreSQL server, dropped afterwards; its name.

    An unreachable server skips the test, except under CI=true where it must fail.
    """
    import sqlalchemy as sa

    admin = sa.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sa.exc.OperationalError as exc:
        admin.dispose()
        message = f"PostgreSQL at 127.0.0.1:5432 (user postgres, database test) is unreachable: {exc.orig}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message} (CI=true: the server is required)")
        pytest.skip(message)
    try:
        yield name
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def postgres_database_url(name: str) -> str:
    return f"postgresql+psycopg2://postgres@127.0.0.1:5432/{name}"


@pytest.fixture
def postgres_url():
    """The URL of a fresh database on the local PostgreSQL server (:func:`fresh_postgres_database`)."""
    with fresh_postgres_database() as name:
        yield postgres_database_url(name)


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """A local S3-compatible server (moto in server mode, on a free port of 127.0.0.1) for this test session."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


@pytest.fixture
def s3_root(s3_endpoint, monkeypatch) -> str:
    """A data root in a fresh bucket of the local S3 server, as an ``s3://`` URL with its endpoint."""
    import pyarrow.fs as pafs

    # Any credentials do for moto; pyarrow reads the usual AWS variables (and never looks for an instance role).
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    bucket = f"feedback-{uuid.uuid4().hex[:12]}"
    query = f"endpoint_override={s3_endpoint}&region=us-east-1"
    pafs.FileSystem.from_uri(f"s3://{bucket}?{query}&allow_bucket_creation=true")[0].create_dir(bucket)
    return f"s3://{bucket}/loop?{query}"
