"""Resources shared by the assets: where the data lives, the adapter registry, the retraining policy, the
pseudonym key; :func:`build_resources` makes each of them from the one :class:`~feedback_loop.settings.Settings`,
where every default is written (the resources here have none of their own).

Each asset reads its inputs from, and writes its outputs to, the configured data root; the small
manifests that unpartitioned assets hand to each other (a dataset version, an adapter path) go through
:class:`ManifestIOManager`, which keeps them as JSON under the same root. Nothing travels between steps
in memory, so the same definitions run with the multiprocess, Celery or Kubernetes executors.
"""

import functools
import inspect
import json
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import dagster as dg

from feedback_loop.registry import Registry, adapter_registry
from feedback_loop.settings import DataLayout, Settings, is_remote
from feedback_loop.storage import DataStore
from feedback_loop.warehouse import Warehouse


class DataRoot(dg.ConfigurableResource):
    """The data root: landing files, warehouse, datasets, models and adapters live under it; a local folder, or a
    prefix in object storage that the stages see through a local working copy (feedback_loop/storage.py)."""

    data_dir: str
    working_dir: str | None = None
    """The local working copy of a data root in object storage; unused for a local one."""

    def store(self) -> DataStore:
        return DataStore(self.data_dir, self.working_dir)

    @property
    def layout(self) -> DataLayout:
        return self.store().layout

    def warehouse(self) -> Warehouse:
        return self.store().warehouse()

    def pull(self, *entries: str) -> None:
        """Bring ``entries`` (paths under the root: a landing day) of the working copy up to date, for a stage that
        only reads them."""
        self.store().pull(*entries)


def on_working_copy(compute: Callable[..., Any]) -> Callable[..., Any]:
    """Run an asset's compute function (one that takes ``data_root``) on the working copy of the data root:
    pulled before it, what it wrote pushed after it (:meth:`DataStore.working_copy`). Nothing happens for a local
    data root. The push ends before the step does, so a downstream step (or another worker) finds the files."""

    if inspect.isgeneratorfunction(compute):

        @functools.wraps(compute)
        def on_copy_yielding(*args: Any, **kwargs: Any) -> Iterator[Any]:
            files = kwargs["data_root"].store()
            if not files.remote:
                yield from compute(*args, **kwargs)
                return
            # The events wait for the push: an Output handed on while the step still writes would have its
            # manifest written (by the IO manager) before the files it names were uploaded.
            with files.working_copy():
                events = list(compute(*args, **kwargs))
            yield from events

        return on_copy_yielding

    @functools.wraps(compute)
    def on_copy(*args: Any, **kwargs: Any) -> Any:
        with kwargs["data_root"].store().working_copy():
            return compute(*args, **kwargs)

    return on_copy


class AdapterRegistry(dg.ConfigurableResource):
    """The adapter registry (SQLAlchemy URL: SQLite by default, PostgreSQL in production); it refuses to move into
    shadow, canary or champion an adapter whose folder under the data root is missing or damaged."""

    url: str
    data_dir: str
    working_dir: str | None = None
    """The local working copy of a data root in object storage, where the registry's adapter paths point."""

    def open(self) -> Registry:
        return adapter_registry(self.url, DataStore(self.data_dir, self.working_dir).pull_path)


class PromptRegistry(dg.ConfigurableResource):
    """The system prompt registry: the adapter registry's lifecycle and audit log, in a database of its own."""

    url: str

    def open(self) -> Registry:
        return Registry(self.url)


class RetrainPolicy(dg.ConfigurableResource):
    """When the feedback volume sensor asks for a retraining run."""

    feedback_threshold: int


class LateFeedbackWindow(dg.ConfigurableResource):
    """How long after its day feedback still counts: labels and KPIs read the events of the day and of the
    following `days` days, and the nightly schedule re-labels that many days back."""

    days: int


class TorchThreads(dg.ConfigurableResource):
    """How many CPU threads torch uses in a run: `count`, or (None) torch's own count lowered to the CPUs this
    process may use (affinity and cgroup quota, see `feedback_loop.model.compute`)."""

    count: int | None

    def apply(self) -> int:
        """Set torch's thread count for this process; returns it."""
        from feedback_loop.model.compute import use_torch_threads

        return use_torch_threads(self.count)


class PromotionPolicy(dg.ConfigurableResource):
    """Whether a challenger that passed its gates needs a person's approval before it becomes champion."""

    require_approval: bool
    """When true, promotions wait for `feedback-loop registry approve VERSION`."""


class Privacy(dg.ConfigurableResource):
    """Where the key of the user and session id pseudonyms lives: a file, as Kubernetes mounts secrets, so
    that the key itself never shows in the resource config of the Dagster UI."""

    pseudonym_key_file: str
    create_if_missing: bool = False
    """True only for the default key file under the data root (a laptop, a demo). A key file that was named
    (``FEEDBACK_LOOP_PSEUDONYM_KEY_FILE``) is a mounted secret: a missing one is an error, since a new key would
    silently change every pseudonym."""

    def pseudonym_key(self) -> bytes:
        """The key: the file's content without surrounding whitespace.

        A missing file is a ``FileNotFoundError`` unless ``create_if_missing``: then it is created with a random
        32-byte key (hex, mode 0600) and a warning in the run's log, as pseudonyms made earlier with another key
        will not match the new ones. An empty file is an error.
        """
        path = Path(self.pseudonym_key_file)
        if not path.exists() and not self.create_if_missing:
            raise FileNotFoundError(
                f"pseudonym key file {path} (FEEDBACK_LOOP_PSEUDONYM_KEY_FILE) does not exist: mount the key"
                " there; it is not created, since a new key would change every user and session pseudonym"
            )
        if not path.exists() and _create_key_file(path):
            dg.get_dagster_logger().warning(
                f"created a new pseudonym key in {path}: keep this file (or mount your own key there), since"
                " user and session ids pseudonymized with another key will not match"
            )
        key = path.read_bytes().strip()
        if not key:
            removing = ", or remove it to have a random one created" if self.create_if_missing else ""
            raise ValueError(
                f"pseudonym key file {path} is empty: write a secret key into it (64 hex digits, say){removing}"
            )
        return key


def _create_key_file(path: Path) -> bool:
    """Create ``path`` holding a random hex key, readable by its owner only; False if another process won."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    descriptor = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(secrets.token_hex(32) + "\n")
    try:
        # A hard link, unlike a rename, never replaces: when two runs race, the first key stays the only key.
        os.link(tmp, path)
        return True
    except FileExistsError:
        return False
    finally:
        tmp.unlink()


def manifest_path(asset_key: dg.AssetKey) -> str:
    """Where :class:`ManifestIOManager` keeps the manifest of ``asset_key``, relative to the data root."""
    return "manifests/" + "__".join(asset_key.path) + ".json"


ADAPTER_MANIFEST = dg.AssetKey("lora_adapter")


def withdraw_rejected_adapter(data_root: DataRoot, store: Registry) -> str | None:
    """Keep the `lora_adapter` manifest off rejected adapters; returns what was done, or None.

    Later steps (and a person materializing one of them alone) read the manifest as "the adapter": once the
    adapter it names is rejected (by the offline gate, the A/B test or a person), it names the adapter that
    serves instead (the canary, else the champion), and it is removed when the bare base model serves.
    An adapter the registry does not know is left alone.
    """
    files, path = data_root.store(), manifest_path(ADAPTER_MANIFEST)
    text = files.read_text(path)
    if text is None:
        return None
    named = json.loads(text)["version"]
    if named not in {record.version for record in store.list() if record.status == "rejected"}:
        return None
    serving = store.canary() or store.champion()
    if serving is None:
        files.delete(path)
        return f"removed {path}: it named the rejected adapter {named}, and the bare base model serves"
    manifest = {
        "version": serving.version,
        "path": serving.path,
        "dataset_version": serving.lineage.get("dataset_version"),
        "objective": serving.objective,
        "base_model_fingerprint": serving.lineage.get("base_model_fingerprint"),
    }
    files.write_text(path, _manifest_json(manifest))
    return f"{path} names {serving.version} ({serving.status}) instead of the rejected adapter {named}"


def _manifest_json(obj: dict) -> str:
    return json.dumps(obj, indent=2, sort_keys=True, default=str)


def run_manifest_path(run_id: str, asset_key: dg.AssetKey) -> str:
    """Where :class:`ManifestIOManager` keeps the manifest ``asset_key`` had in the run ``run_id``."""
    return f"manifests/runs/{run_id}/" + "__".join(asset_key.path) + ".json"


class ManifestIOManager(dg.ConfigurableIOManager):
    """Keeps an unpartitioned asset's small JSON manifest at ``<data root>/manifests/<asset>.json``, the latest one,
    which later runs and people read, and a copy per run under ``manifests/runs/<run id>/``.

    A step reads the copy of the run that materialized the asset for it: its own run's, or, when a run re-executed
    from a failure skipped the upstream step, the copy of the run before it that did (Dagster finds that run in
    the re-execution's lineage: ``upstream_output.run_id``). Two runs at once (two retrainings on two GPU workers)
    each hand their own adapter to their own gate and rollout, rather than whichever adapter was written last, and
    so does each one's re-execution. An asset that the step's job does not materialize is read from the latest
    manifest. In object storage each manifest is one object, written after the step pushed its files: a manifest
    never names a folder that is not there yet.
    """

    data_dir: str
    working_dir: str | None = None

    def _store(self) -> DataStore:
        return DataStore(self.data_dir, self.working_dir)

    def handle_output(self, context: dg.OutputContext, obj: dict) -> None:
        files = self._store()
        files.write_text(run_manifest_path(context.run_id, context.asset_key), _manifest_json(obj))
        files.write_text(manifest_path(context.asset_key), _manifest_json(obj))

    def load_input(self, context: dg.InputContext) -> dict:
        files = self._store()
        producer = _producing_run_id(context)
        own = None if producer is None else files.read_text(run_manifest_path(producer, context.asset_key))
        latest = own if own is not None else files.read_text(manifest_path(context.asset_key))
        if latest is None:
            raise FileNotFoundError(
                f"{context.asset_key.to_user_string()} has not been materialized under {self.data_dir} "
                f"(no {manifest_path(context.asset_key)}); materialize it first"
            )
        return json.loads(latest)


def _producing_run_id(context: dg.InputContext) -> str | None:
    """The run whose output ``context`` loads: this run, or an earlier run of a re-execution's lineage; None for an
    asset the job does not materialize (Dagster's stand-in upstream output has no run id then)."""
    upstream = context.upstream_output
    if upstream is None:
        return None
    try:
        return upstream.run_id
    except dg.DagsterInvariantViolationError:
        return None


def build_resources(settings: Settings) -> dict:
    """The resources of the deployment, every one from ``settings``."""
    data_root = DataRoot(
        data_dir=str(settings.data_dir),
        working_dir=str(settings.working_root) if is_remote(settings.data_dir) else None,
    )
    return {
        "data_root": data_root,
        "registry": AdapterRegistry(
            url=settings.registry_url, data_dir=data_root.data_dir, working_dir=data_root.working_dir
        ),
        "prompt_registry": PromptRegistry(url=settings.prompt_registry_url),
        "retrain_policy": RetrainPolicy(feedback_threshold=settings.retrain_threshold),
        "promotion_policy": PromotionPolicy(require_approval=settings.require_approval),
        "late_feedback": LateFeedbackWindow(days=settings.late_feedback_days),
        "torch_threads": TorchThreads(count=settings.torch_threads),
        "privacy": Privacy(
            pseudonym_key_file=str(settings.pseudonym_key_file),
            create_if_missing=not settings.pseudonym_key_file_configured,
        ),
        "io_manager": ManifestIOManager(data_dir=data_root.data_dir, working_dir=data_root.working_dir),
    }
