"""Session-wide test setup: offline Hugging Face, and small shared fixtures built once."""

import os
import uuid

import pytest

# Set before anything imports transformers or datasets: there is no model hub here.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_DATASETS_OFFLINE"] = "1"


POSTGRES_ADMIN_URL = "postgresql+psycopg2://postgres@127.0.0.1:5432/test"


@pytest.fixture
def postgres_url():
    """A fresh, uniquely named database on the local PostgreSQL server, dropped afterwards.

    An unreachable server skips the test, except under CI=true where it must fail.
    """
    import sqlalchemy as sa

    admin = sa.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    name = f"registry_test_{uuid.uuid4().hex[:12]}"
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
        yield f"postgresql+psycopg2://postgres@127.0.0.1:5432/{name}"
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
