"""Resources shared by the assets: where the data lives, the adapter registry, the retraining policy.

Each asset reads its inputs from, and writes its outputs to, the configured data root; the small
manifests that unpartitioned assets hand to each other (a dataset version, an adapter path) go through
:class:`ManifestIOManager`, which keeps them as JSON under the same root. Nothing travels between steps
in memory, so the same definitions run with the multiprocess, Celery or Kubernetes executors.
"""

import json
import os
from pathlib import Path

import dagster as dg

from feedback_loop.registry import Registry
from feedback_loop.settings import DataLayout, load_settings
from feedback_loop.warehouse import Warehouse


def write_json_atomic(path: Path, obj) -> None:
    """Write ``obj`` as JSON to ``path`` through a temporary file, so a reader never sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(obj, indent=2, sort_keys=True, default=str))
    os.replace(tmp, path)


class DataRoot(dg.ConfigurableResource):
    """The data root: landing files, warehouse, datasets, models and adapters live under it."""

    data_dir: str

    @property
    def layout(self) -> DataLayout:
        return DataLayout(Path(self.data_dir))

    def warehouse(self) -> Warehouse:
        return Warehouse(self.layout.warehouse)


class AdapterRegistry(dg.ConfigurableResource):
    """The adapter registry (SQLAlchemy URL: SQLite by default, PostgreSQL in production)."""

    url: str

    def open(self) -> Registry:
        return Registry(self.url)


class RetrainPolicy(dg.ConfigurableResource):
    """When the feedback volume sensor asks for a retraining run."""

    feedback_threshold: int = 200


class ManifestIOManager(dg.ConfigurableIOManager):
    """Keeps an unpartitioned asset's small JSON manifest at ``<data_dir>/manifests/<asset>.json``."""

    data_dir: str

    def _path(self, asset_key: dg.AssetKey) -> Path:
        return Path(self.data_dir) / "manifests" / ("__".join(asset_key.path) + ".json")

    def handle_output(self, context: dg.OutputContext, obj: dict) -> None:
        write_json_atomic(self._path(context.asset_key), obj)

    def load_input(self, context: dg.InputContext) -> dict:
        path = self._path(context.asset_key)
        if not path.exists():
            raise FileNotFoundError(
                f"{context.asset_key.to_user_string()} has not been materialized under {self.data_dir} "
                f"(no {path}); materialize it first"
            )
        return json.loads(path.read_text())


def default_resources(data_dir: str | None = None, registry_url: str | None = None) -> dict:
    """The resources of the deployment, from the environment (see :mod:`feedback_loop.settings`)."""
    settings = load_settings()
    root = str(data_dir or settings.data_dir)
    url = registry_url or (DataLayout(Path(root)).default_registry_url() if data_dir else settings.registry_url)
    return {
        "data_root": DataRoot(data_dir=root),
        "registry": AdapterRegistry(url=url),
        "retrain_policy": RetrainPolicy(feedback_threshold=settings.retrain_feedback_threshold),
        "io_manager": ManifestIOManager(data_dir=root),
    }
