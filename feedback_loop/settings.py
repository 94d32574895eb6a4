"""Every path and deployment setting of feedback-loop, in one :class:`Settings` object.

:func:`load_settings` builds it from the environment and an optional settings file; nothing else in the
package reads ``os.environ``. The launchers (the CLI, the demo, ``dagster dev`` through
``feedback_loop.definitions``) each load it once and hand the same object on: ``build_defs(settings)`` builds
every Dagster resource from it, so a run started by the CLI sees exactly what ``dagster dev`` sees.

Where a value comes from, strongest first: the environment, then the settings file, then the default.

``FEEDBACK_LOOP_SETTINGS_FILE``  a TOML file of settings by field name (``registry_url = "postgresql+..."``);
                             optional, but a named file must exist
``FEEDBACK_LOOP_DATA_DIR``   root of all data (landing files, warehouse, datasets, models); default ``./data``;
                             may be a prefix in object storage, ``s3://bucket/prefix`` (feedback_loop/storage.py),
                             which needs the registry URLs and the pseudonym key file configured
``FEEDBACK_LOOP_WORKING_DIR``  local working copy of a data root in object storage, at the same path on every
                             worker; default ``~/.cache/feedback-loop/<bucket>/<prefix>``; unused for a local root
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
``FEEDBACK_LOOP_TORCH_THREADS``  CPU threads of torch in training; default: torch's own count, lowered to the
                             CPUs this process may use (affinity and cgroup quota)
``FEEDBACK_LOOP_COLLECTOR_TOKEN_FILE``  file holding the bearer token of ``feedback-loop collect``; default
                             none: no token, which the collector accepts on a loopback address only
``FEEDBACK_LOOP_COLLECTOR_SPOOL_DIR``  where ``feedback-loop collect`` keeps its landing files until they are
                             uploaded, for a data root in object storage; default
                             ``~/.local/state/feedback-loop/<bucket>/<prefix>/collector-spool``; unused for a local
                             root (the collector writes into its landing folder)
``FEEDBACK_LOOP_EXECUTOR``   Dagster executor of the runs a launcher starts: ``multiprocess`` (default), ``celery``
                             or ``k8s`` (deploy/README.md)
``FEEDBACK_LOOP_CELERY_BROKER_URL``  the Celery broker of the ``celery`` executor and its workers; default
                             RabbitMQ at ``pyamqp://guest:guest@127.0.0.1:5672//``

A value that is configured (in the environment, the file, or given to :class:`Settings`) stays as it is when
the data root changes (:meth:`Settings.with_data_dir`, the CLI's ``--data-dir``); only the defaults derived from
the data root move with it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, ValidationError, model_validator
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)
from pydantic_settings.sources.utils import parse_env_vars

SETTINGS_FILE_VARIABLE = "FEEDBACK_LOOP_SETTINGS_FILE"
ENV_PREFIX = "FEEDBACK_LOOP_"

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
    def shadow_landing(self) -> Path:
        """Shadow events (a shadow challenger's unseen answers), one folder per day like ``landing``: a stream of
        its own, so that they never mix with what users saw."""
        return self.root / "shadow_landing"

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
    def manifests(self) -> Path:
        return self.root / "manifests"

    @property
    def checkpoints(self) -> Path:
        return self.root / "checkpoints"

    @property
    def default_pseudonym_key_file(self) -> Path:
        return self.root / "secrets" / "pseudonym.key"

    @property
    def default_dagster_home(self) -> Path:
        return self.root / "dagster_home"

    def default_registry_url(self) -> str:
        return f"sqlite:///{self.root / 'registry.db'}"

    def default_prompt_registry_url(self) -> str:
        return f"sqlite:///{self.root / 'prompt_registry.db'}"

    def written_entries(self) -> list[str]:
        """The names directly under the root that the pipeline writes with the default settings (every path of
        this layout): what `make clean` removes, and nothing else, so files of one's own there survive."""
        paths = [getattr(self, name) for name, value in vars(type(self)).items() if isinstance(value, property)]
        urls = (self.default_registry_url(), self.default_prompt_registry_url())
        paths += [Path(url.removeprefix("sqlite:///")) for url in urls]
        return sorted({path.relative_to(self.root).parts[0] for path in paths})


def _absolute(path: Path) -> Path:
    return path.expanduser().resolve()


AbsolutePath = Annotated[Path, AfterValidator(_absolute)]


def is_remote(location: str | Path) -> bool:
    """Whether a data root is a URL in object storage rather than a local path."""
    return "://" in str(location)


def _data_location(value: Path | str) -> Path | str:
    """A local data root as an absolute path; an object-storage one as its URL."""
    if not is_remote(value):
        return _absolute(Path(value))
    if not str(value).startswith("s3://"):
        raise ValueError("a data root in object storage must be an s3://bucket/prefix URL")
    return str(value)


DataLocation = Annotated[Path | str, AfterValidator(_data_location)]


def default_working_dir(data_dir: Path | str) -> Path:
    """The working copy of an object-storage data root: ``~/.cache/feedback-loop/<bucket>/<prefix>``."""
    return Path.home() / ".cache" / "feedback-loop" / _bucket_and_prefix(data_dir)


def default_collector_spool_dir(data_dir: Path | str) -> Path:
    """The collector's spool of a data root in object storage: ``~/.local/state/feedback-loop/<bucket>/<prefix>/
    collector-spool``, state of this machine (files not uploaded yet), unlike the working copy, which is a cache."""
    return Path.home() / ".local" / "state" / "feedback-loop" / _bucket_and_prefix(data_dir) / "collector-spool"


def _bucket_and_prefix(data_dir: Path | str) -> str:
    return str(data_dir).split("://", 1)[1].split("?", 1)[0].strip("/")


def _local_root(data_dir: Path | str, working_dir: Path | None) -> Path:
    if not is_remote(data_dir):
        return Path(data_dir)
    return working_dir or default_working_dir(data_dir)


def _layout(values: dict[str, Any]) -> DataLayout:
    """The data layout of the values validated so far (``data_dir`` and ``working_dir`` are the first fields)."""
    return DataLayout(_local_root(values["data_dir"], values["working_dir"]))


SHARED_ACROSS_WORKERS = ("registry_url", "prompt_registry_url", "pseudonym_key_file")
"""Settings whose default (a file under the data root) cannot serve a data root in object storage: SQLite needs
a local file, and a pseudonym key created on one worker would differ from another's."""


class Settings(BaseSettings):
    """The deployment's settings; each default is written here once.

    Building it directly (``Settings(data_dir=...)``) takes the given values and the defaults, never the
    environment: :func:`load_settings` is the one reader of the environment.
    """

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_ignore_empty=True,
        extra="forbid",
        frozen=True,
        validate_default=True,
        validate_by_name=True,
        use_attribute_docstrings=True,
    )

    data_dir: DataLocation = Path("data")
    """Root of all data: landing files, warehouse, datasets, models, adapters; a local path or ``s3://...``."""
    working_dir: AbsolutePath | None = None
    """Local working copy of a data root in object storage (None: ``~/.cache/feedback-loop/<bucket>/<prefix>``)."""
    registry_url: str = Field(default_factory=lambda values: _layout(values).default_registry_url())
    """SQLAlchemy URL of the adapter registry (SQLite under the data root by default, PostgreSQL in production)."""
    prompt_registry_url: str = Field(default_factory=lambda values: _layout(values).default_prompt_registry_url())
    """SQLAlchemy URL of the system prompt registry."""
    dagster_home: AbsolutePath = Field(
        default_factory=lambda values: _layout(values).default_dagster_home, validation_alias="DAGSTER_HOME"
    )
    """Dagster's instance folder, where runs started from Python are recorded."""
    first_day: date = date(2026, 1, 1)
    """First day of the daily partitions."""
    retrain_threshold: int = Field(200, ge=1)
    """New feedback events since the last retraining that make the sensor ask for another."""
    realdata_dir: AbsolutePath = DEFAULT_REALDATA_DIR
    """Public human-labeled data sets (HaluEval) for measuring the labeler."""
    late_feedback_days: int = Field(14, ge=0)
    """Days after an interaction its feedback still attaches (labels, KPIs, nightly re-labeling)."""
    require_approval: bool = False
    """True: a challenger that passed its gates waits for a person's approval before it becomes champion."""
    pseudonym_key_file: AbsolutePath = Field(default_factory=lambda values: _layout(values).default_pseudonym_key_file)
    """The key of the user and session id pseudonyms; only the default one is created when missing."""
    torch_threads: int | None = Field(None, ge=1)
    """CPU threads of torch in training; None: torch's own count, lowered to the CPUs this process may use."""
    collector_token_file: AbsolutePath | None = None
    """File holding the collector's bearer token; none: no token, which the collector accepts on loopback only."""
    collector_spool_dir: AbsolutePath | None = None
    """Where the collector keeps landing files until they are uploaded, for a data root in object storage (None:
    ``~/.local/state/feedback-loop/<bucket>/<prefix>/collector-spool``); unused for a local data root."""
    executor: Literal["multiprocess", "celery", "k8s"] = "multiprocess"
    """Dagster executor of runs started by a run launcher (the UI, schedules, sensors): steps in subprocesses of
    the run, on Celery workers (queues `cpu` and `gpu`), or in Kubernetes jobs. Runs the CLI and the demo start
    execute in process whatever this says."""
    celery_broker_url: str = "pyamqp://guest:guest@127.0.0.1:5672//"
    """The Celery broker (RabbitMQ) that the `celery` executor sends steps to and `make workers` listens on."""
    simulated_world: Literal["lookup", "slots"] = "lookup"
    """The simulated world of the demo and `bench loop`: `lookup` (14 intents with fixed answers, all in the base
    model's corpus) or `slots` (64 intents whose answers carry values from the question, paraphrased questions,
    noisy users, drift; see docs/demo.md). Only the simulator reads it; the pipeline never does."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The environment and the settings file are read by load_settings() alone.
        return (init_settings,)

    @model_validator(mode="after")
    def _shared_settings_configured(self) -> Settings:
        missing = [name for name in SHARED_ACROSS_WORKERS if not self.configured(name)]
        if is_remote(self.data_dir) and missing:
            raise ValueError(
                f"the data root {self.data_dir} is in object storage, where SQLite files and a generated key cannot "
                f"live: configure {', '.join(_variable(name) for name in missing)} (a PostgreSQL URL for the "
                "registries when several machines share the data root; the key file a mounted secret)"
            )
        return self

    @property
    def working_root(self) -> Path:
        """Where the stages see the data root: the root itself, or the local working copy of a remote one."""
        return _local_root(self.data_dir, self.working_dir)

    @property
    def layout(self) -> DataLayout:
        return DataLayout(self.working_root)

    @property
    def collector_spool(self) -> Path:
        """Where the collector writes its landing files: the landing folder of a local data root; for one in object
        storage, a local spool that it uploads them from."""
        if not is_remote(self.data_dir):
            return self.layout.landing
        return self.collector_spool_dir or default_collector_spool_dir(self.data_dir)

    def configured(self, name: str) -> bool:
        """Whether ``name`` was configured rather than left to its default."""
        if name not in type(self).model_fields:
            raise KeyError(f"Settings has no field {name!r}")
        return name in self.model_fields_set

    @property
    def pseudonym_key_file_configured(self) -> bool:
        """A configured key file is a mounted secret: it is never created, nor moved with the data root."""
        return self.configured("pseudonym_key_file")

    def with_data_dir(self, data_dir: str | Path) -> Settings:
        """These settings with another data root: what was configured stays, the defaults derived from the data
        root (registries, Dagster home, pseudonym key file) move along."""
        configured = {name: getattr(self, name) for name in self.model_fields_set}
        return type(self)(**{**configured, "data_dir": data_dir})


class _Environment(EnvSettingsSource):
    """The environment source of pydantic-settings over a given mapping (``os.environ`` by default)."""

    def __init__(self, settings_cls: type[BaseSettings], environ: Mapping[str, str]):
        self._environ = environ
        super().__init__(settings_cls)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return parse_env_vars(self._environ, self.case_sensitive, self.env_ignore_empty, self.env_parse_none_str)


def _by_field_name(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` keyed by field name, whether a source keyed them by name or by alias."""
    names = {field.validation_alias: name for name, field in Settings.model_fields.items() if field.validation_alias}
    return {names.get(key, key): value for key, value in values.items()}


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """The settings from the environment (``os.environ`` unless given) over the settings file it names."""
    env = os.environ if environ is None else environ
    from_file: dict[str, Any] = {}
    settings_file = env.get(SETTINGS_FILE_VARIABLE)
    if settings_file:
        path = Path(settings_file).expanduser()
        if not path.is_file():
            raise FileNotFoundError(f"settings file {path} ({SETTINGS_FILE_VARIABLE}) does not exist")
        from_file = _by_field_name(TomlConfigSettingsSource(Settings, toml_file=path)())
    from_environment = _by_field_name(_Environment(Settings, env)())
    try:
        return Settings(**{**from_file, **from_environment})
    except ValidationError as error:
        raise ValueError(f"invalid settings: {_explained(error)}") from error


def child_environment(**settings: Any) -> dict[str, str]:
    """The environment of a child process of this one (a collector that a benchmark starts): this process's, with
    ``settings`` (by field name) as their variables, so that the child's :func:`load_settings` reads them."""
    return {**os.environ, **{_variable(name): str(value) for name, value in settings.items()}}


def _variable(name: str) -> str:
    """The environment variable of the field ``name``."""
    alias = Settings.model_fields[name].validation_alias
    return alias if isinstance(alias, str) else f"{ENV_PREFIX}{name.upper()}"


def _explained(error: ValidationError) -> str:
    """Each problem with the variable (or settings file key) and the value it came from."""
    problems = []
    for problem in error.errors():
        if problem["type"] == "default_factory_not_called":
            continue  # a consequence of another problem, which is reported
        if not problem["loc"]:  # a problem of the settings together, not of one value
            problems.append(problem["msg"])
            continue
        name = str(problem["loc"][0])
        where = f"{_variable(name)} (or {name} in the settings file)" if name in Settings.model_fields else name
        problems.append(f"{where} = {problem['input']!r}: {problem['msg']}")
    return "; ".join(problems)


THIRD_PARTY_PROGRESS_BARS_OFF = {
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",  # huggingface_hub and transformers
    "HF_DATASETS_DISABLE_PROGRESS_BARS": "1",
    "TQDM_DISABLE": "1",  # any other tqdm bar
}


def silence_third_party_progress_bars() -> None:
    """Switch the libraries' own progress bars off for this process (read when they are imported): the CLI
    shows its own progress lines, which the bars would break into. Written here, where the environment is."""
    os.environ.update(THIRD_PARTY_PROGRESS_BARS_OFF)
