"""Every path and environment variable of feedback-loop, resolved in one place.

Nothing else in the package reads ``os.environ``: the Dagster layer builds its resources from
:func:`load_settings`, and the CLI does the same, so a deployment changes behaviour through these
variables alone.

``FEEDBACK_LOOP_DATA_DIR``   root of all data (landing files, warehouse, datasets, models); default ``./data``
``FEEDBACK_LOOP_REGISTRY_URL``  SQLAlchemy URL of the adapter registry; default SQLite under the data root
``DAGSTER_HOME``             Dagster's instance folder; default ``<data root>/dagster_home``
``FEEDBACK_LOOP_FIRST_DAY``  first day of the daily partitions (ISO date); default ``2026-01-01``
``FEEDBACK_LOOP_RETRAIN_THRESHOLD``  new feedback events that trigger retraining; default ``200``
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path


@dataclass(frozen=True)
class DataLayout:
    """Where each stage keeps its files under one data root."""

    root: Path

    @property
    def landing(self) -> Path:
        return self.root / "landing"

    @property
    def warehouse(self) -> Path:
        return self.root / "warehouse"

    @property
    def datasets(self) -> Path:
        return self.root / "datasets"

    @property
    def base_model(self) -> Path:
        return self.root / "models" / "base"

    @property
    def adapters(self) -> Path:
        return self.root / "adapters"

    @property
    def evaluations(self) -> Path:
        return self.root / "evaluations"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    def default_registry_url(self) -> str:
        return f"sqlite:///{self.root / 'registry.db'}"


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    registry_url: str
    dagster_home: Path
    first_day: str
    retrain_feedback_threshold: int

    @property
    def layout(self) -> DataLayout:
        return DataLayout(self.data_dir)

    def with_data_dir(self, data_dir: str | Path) -> "Settings":
        """These settings with another data root, whose registry (the default SQLite one) moves along."""
        root = Path(data_dir).expanduser().resolve()
        return replace(self, data_dir=root, registry_url=DataLayout(root).default_registry_url())


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Resolve the settings from the environment (``os.environ`` unless given)."""
    env = os.environ if environ is None else environ
    data_dir = Path(env.get("FEEDBACK_LOOP_DATA_DIR", "data")).expanduser().resolve()
    layout = DataLayout(data_dir)
    registry_url = env.get("FEEDBACK_LOOP_REGISTRY_URL") or layout.default_registry_url()
    dagster_home = Path(env.get("DAGSTER_HOME") or data_dir / "dagster_home").expanduser().resolve()
    return Settings(
        data_dir=data_dir,
        registry_url=registry_url,
        dagster_home=dagster_home,
        first_day=env.get("FEEDBACK_LOOP_FIRST_DAY", "2026-01-01"),
        retrain_feedback_threshold=int(env.get("FEEDBACK_LOOP_RETRAIN_THRESHOLD", "200")),
    )
