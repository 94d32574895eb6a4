"""Every path and environment variable of feedback-loop, resolved in one place.

Nothing else in the package reads ``os.environ``: the Dagster layer builds its resources from
:func:`load_settings`, and the CLI does the same, so a deployment changes behaviour through these
variables alone.

``FEEDBACK_LOOP_DATA_DIR``   root of all data (landing files, warehouse, datasets, models); default ``./data``
``FEEDBACK_LOOP_REGISTRY_URL``  SQLAlchemy URL of the adapter registry; default SQLite under the data root
``FEEDBACK_LOOP_PROMPT_REGISTRY_URL``  SQLAlchemy URL of the system prompt registry; default
                             ``<data root>/prompt_registry.db`` (SQLite)
``DAGSTER_HOME``             Dagster's instance folder; default ``<data root>/dagster_home``
``FEEDBACK_LOOP_FIRST_DAY``  first day of the daily partitions (ISO date); default ``2026-01-01``
``FEEDBACK_LOOP_RETRAIN_THRESHOLD``  new feedback events that trigger retraining; default ``200``
``FEEDBACK_LOOP_REALDATA_DIR``  public human-labeled data sets (HaluEval) for measuring the labeler; default
                             ``shared/realdata`` next to the repository
``FEEDBACK_LOOP_LATE_FEEDBACK_DAYS``  days after an interaction its feedback still attaches; default ``14``
``FEEDBACK_LOOP_REQUIRE_APPROVAL``  ``true`` makes promotions wait for a person's approval; default ``false``
``FEEDBACK_LOOP_PSEUDONYM_KEY_FILE``  file holding the key of the user and session id pseudonyms (a file, as
                             Kubernetes mounts secrets); it must exist when set (a missing secret mount is an
                             error, not a new key); default ``<data root>/secrets/pseudonym.key``, created
                             with a random key when missing
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

# ``shared/realdata`` beside the repository (parents[1] is the repository root): the data sets are not ours to
# copy into it.
DEFAULT_REALDATA_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "realdata"


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
    def label_models(self) -> Path:
        return self.root / "models" / "labeler"

    @property
    def adapters(self) -> Path:
        return self.root / "adapters"

    @property
    def evaluations(self) -> Path:
        return self.root / "evaluations"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def prompts(self) -> Path:
        return self.root / "prompts"

    @property
    def default_pseudonym_key_file(self) -> Path:
        return self.root / "secrets" / "pseudonym.key"

    def default_registry_url(self) -> str:
        return f"sqlite:///{self.root / 'registry.db'}"

    def default_prompt_registry_url(self) -> str:
        return f"sqlite:///{self.root / 'prompt_registry.db'}"


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    registry_url: str
    prompt_registry_url: str
    dagster_home: Path
    first_day: str
    retrain_feedback_threshold: int
    realdata_dir: Path
    require_approval: bool
    late_feedback_days: int
    pseudonym_key_file: Path
    # True when FEEDBACK_LOOP_PSEUDONYM_KEY_FILE named the key file: it is then never created, nor moved with
    # the data root.
    pseudonym_key_file_configured: bool

    @property
    def layout(self) -> DataLayout:
        return DataLayout(self.data_dir)

    def with_data_dir(self, data_dir: str | Path) -> Settings:
        """These settings with another data root, whose registries (the default SQLite ones) move along, and so
        does the pseudonym key file unless one was configured."""
        root = Path(data_dir).expanduser().resolve()
        key_file = self.pseudonym_key_file
        if not self.pseudonym_key_file_configured:
            key_file = DataLayout(root).default_pseudonym_key_file
        layout = DataLayout(root)
        return replace(
            self,
            data_dir=root,
            registry_url=layout.default_registry_url(),
            prompt_registry_url=layout.default_prompt_registry_url(),
            pseudonym_key_file=key_file,
        )


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
        prompt_registry_url=env.get("FEEDBACK_LOOP_PROMPT_REGISTRY_URL") or layout.default_prompt_registry_url(),
        dagster_home=dagster_home,
        first_day=env.get("FEEDBACK_LOOP_FIRST_DAY", "2026-01-01"),
        retrain_feedback_threshold=int(env.get("FEEDBACK_LOOP_RETRAIN_THRESHOLD", "200")),
        realdata_dir=Path(env.get("FEEDBACK_LOOP_REALDATA_DIR") or DEFAULT_REALDATA_DIR).expanduser().resolve(),
        require_approval=_boolean(env, "FEEDBACK_LOOP_REQUIRE_APPROVAL", default=False),
        late_feedback_days=int(env.get("FEEDBACK_LOOP_LATE_FEEDBACK_DAYS", "14")),
        pseudonym_key_file=Path(env.get("FEEDBACK_LOOP_PSEUDONYM_KEY_FILE") or layout.default_pseudonym_key_file)
        .expanduser()
        .resolve(),
        pseudonym_key_file_configured=bool(env.get("FEEDBACK_LOOP_PSEUDONYM_KEY_FILE")),
    )


def _boolean(env, name: str, *, default: bool) -> bool:
    """A true/false environment variable; anything else is an error naming the variable."""
    value = env.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes"):
        return True
    if value.lower() in ("0", "false", "no"):
        return False
    raise ValueError(f"{name}={value!r} is not a boolean (use true or false)")
