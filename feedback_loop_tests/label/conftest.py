"""Builders of warehouse event tables for the labeling tests, offered as the ``ev`` fixture.

Rows go through the real event contract (pydantic validation, then the warehouse row layout).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pyarrow as pa
import pytest

from feedback_loop.label.realdata import halueval_file, pandalm_file
from feedback_loop.label.rules import label_interactions
from feedback_loop.schema import EVENT_ADAPTER, event_to_row, events_arrow_schema
from feedback_loop.settings import load_settings

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    """A timestamp ``minutes`` after the start of the test day."""
    return T0 + timedelta(minutes=minutes)


def interaction(
    interaction_id: str,
    *,
    minute: float = 0,
    prompt: str = "How do I reset my password?",
    response: str = "Open Settings, choose Security and click Reset password.",
    use_case: str = "support",
) -> dict:
    return {
        "schema_version": 1,
        "event_id": f"ev-{interaction_id}",
        "event_type": "interaction",
        "timestamp": at(minute),
        "interaction_id": interaction_id,
        "session_id": f"s-{interaction_id}",
        "user_id": "u-1",
        "use_case": use_case,
        "prompt": prompt,
        "system_prompt_version": "sp-1",
        "response": response,
        "model_version": "base-1",
        "adapter_version": None,
        "latency_ms": 120.0,
        "prompt_tokens": 12,
        "completion_tokens": 20,
    }


def feedback(interaction_id: str, event_id: str, *, minute: float = 1, **fields) -> dict:
    return {
        "schema_version": 1,
        "event_id": event_id,
        "event_type": "feedback",
        "timestamp": at(minute),
        "interaction_id": interaction_id,
        "session_id": f"s-{interaction_id}",
        "user_id": "u-1",
        **fields,
    }


def behaviour(interaction_id: str, event_id: str, *, minute: float = 1, **fields) -> dict:
    return {**feedback(interaction_id, event_id, minute=minute, **fields), "event_type": "behaviour"}


def events_table(events: list[dict], date: str | None = None) -> pa.Table:
    """Validate ``events`` against the contract and lay them out as warehouse rows (plus ``date``)."""
    rows = [event_to_row(EVENT_ADAPTER.validate_python(event)) for event in events]
    table = pa.Table.from_pylist(rows, schema=events_arrow_schema())
    if date is not None:
        table = table.append_column("date", pa.array([date] * table.num_rows, pa.string()))
    return table


def label(interactions: list[dict], signals: list[dict], **kwargs) -> dict[str, dict]:
    """Label ``interactions`` with ``signals`` and return the label rows by interaction_id."""
    table = label_interactions(events_table(interactions), events_table(signals), **kwargs)
    return {row["interaction_id"]: row for row in table.to_pylist()}


@pytest.fixture
def ev() -> SimpleNamespace:
    """The event builders above, for tests (conftest functions cannot be imported in importlib mode)."""
    return SimpleNamespace(
        at=at,
        interaction=interaction,
        feedback=feedback,
        behaviour=behaviour,
        table=events_table,
        label=label,
    )


class HashedWordsEncoder:
    """A stand-in text encoder for the labeler's logic tests: each word adds a fixed random unit vector (a
    hash of the word picks it), the sum is normalised. Cheap and deterministic; it carries word identity,
    not meaning. The real encoders are tested in test_encoders.py and on real data in test_realdata.py."""

    identity = "test-hashed-words-32"

    def __init__(self, dimension: int = 32):
        self.dimension = dimension
        self.calls = 0

    def encode(self, texts):
        import hashlib
        import re

        import numpy as np

        self.calls += 1
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.casefold()):
                seed = int.from_bytes(hashlib.sha256(word.encode()).digest()[:4], "big")
                out[row] += np.random.default_rng(seed).standard_normal(self.dimension).astype(np.float32)
            norm = np.linalg.norm(out[row])
            if norm > 0:
                out[row] /= norm
        return out


@pytest.fixture(scope="session")
def hashed_encoder() -> HashedWordsEncoder:
    """The stand-in encoder above."""
    return HashedWordsEncoder()


def _realdata(locate: Callable[[Path], Path]) -> Path:
    """The real-data file ``locate`` finds in the configured folder; a test without it skips, saying where it
    looked, except under CI=true, where the data must be there."""
    realdata_dir = load_settings().realdata_dir
    try:
        return locate(realdata_dir)
    except FileNotFoundError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{exc} (CI=true: the real-data sets are required)")
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def halueval_path() -> Path:
    """HaluEval's general_data.json under FEEDBACK_LOOP_REALDATA_DIR."""
    return _realdata(halueval_file)


@pytest.fixture(scope="session")
def pandalm_path() -> Path:
    """PandaLM's testset-v1.json under FEEDBACK_LOOP_REALDATA_DIR."""
    return _realdata(pandalm_file)
