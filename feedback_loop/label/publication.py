"""Which labeler labels: the "current" pointer under the labeler folder, written by training, read by labeling.

``<labeler root>/current.json`` names the published labeler's version and the sha256 of its files, or says
why there is none (too few labels, or a labeler that failed its quality check: then nothing is labeled by a
model, and only explicit, human and rule labels stand). A labeler is loaded only when its files still match
the published hash, and only from JSON and safetensors (:func:`~feedback_loop.label.learned.load_labeler`):
a file planted in a version folder (a pickle, say) is never read.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from feedback_loop.files import write_json_atomic
from feedback_loop.label.learned import TrainedLabeler, labeler_digest, load_labeler, save_labeler

CURRENT_LABELER = "current.json"
EMBEDDINGS_FOLDER = "embeddings"
TRAINED_ROWS = "trained_rows.parquet"


@dataclass(frozen=True)
class Publication:
    """What ``current.json`` says: a version with its hash, or no labeler and why."""

    version: str | None
    sha256: str | None
    reason: str | None
    record: dict[str, Any]
    """The whole pointer (training days, metrics, quality check, ...)."""


def embedding_store(root: str | Path) -> Path:
    """Where embeddings are kept between runs, beside the labelers."""
    return Path(root) / EMBEDDINGS_FOLDER


def read_publication(root: str | Path) -> Publication | None:
    """The pointer under ``root``, or None when nothing was ever published."""
    pointer = Path(root) / CURRENT_LABELER
    if not pointer.exists():
        return None
    record = json.loads(pointer.read_text(encoding="utf-8"))
    return Publication(record.get("version"), record.get("sha256"), record.get("reason"), record)


def publish_labeler(root: str | Path, labeler: TrainedLabeler, **details: Any) -> Path:
    """Save ``labeler`` under ``root`` and make it the current one, with its files' hash; returns its folder.

    ``details`` (training days, the quality check, ...) are kept in the pointer.
    """
    path = save_labeler(labeler, root)
    record = {
        "version": labeler.version,
        "sha256": labeler_digest(path),
        "metrics": labeler.metrics,
        **details,
    }
    write_json_atomic(Path(root) / CURRENT_LABELER, record)
    return path


def withdraw_labeler(root: str | Path, reason: str, **details: Any) -> None:
    """Publish "no labeler" with ``reason``: labeling then uses explicit, human and rule labels only."""
    write_json_atomic(Path(root) / CURRENT_LABELER, {"version": None, "sha256": None, "reason": reason, **details})


def current_labeler(root: str | Path, *, encoder=None) -> tuple[TrainedLabeler | None, str]:
    """(the published labeler, its version), or (None, why there is none).

    Raises :class:`~feedback_loop.label.learned.LabelerIntegrityError` when the published files were changed
    after publication, and FileNotFoundError when they are gone: labeling must not go on silently without them.
    """
    publication = read_publication(root)
    if publication is None:
        return None, "auto_labeler was never materialized"
    if publication.version is None:
        return None, publication.reason or "no labeler published"
    if not re.fullmatch(r"[0-9a-f]{16}", str(publication.version)):
        raise ValueError(f"the published labeler version {publication.version!r} is not a labeler version")
    if publication.sha256 is None:
        raise ValueError(
            f"the published labeler {publication.version} has no recorded sha256 (an old or foreign pointer): "
            "re-materialize auto_labeler"
        )
    labeler = load_labeler(
        Path(root) / publication.version,
        expected_sha256=publication.sha256,
        encoder=encoder,
        embedding_store=embedding_store(root),
    )
    return labeler, publication.version


def _short_digests(texts: Iterable[str]) -> list[str]:
    return [hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] for text in texts]


def _interaction_ids(row_keys: list[str]) -> list[str]:
    return [key.split("\t", 1)[0] for key in row_keys]


def record_trained_rows(root: str | Path, trained_version: str, settings: str, row_keys: list[str]) -> None:
    """Keep a digest of each training row (:func:`~feedback_loop.label.learned.training_row_keys`) of the
    labeler last fit, ``trained_version`` with ``settings`` (its
    :func:`~feedback_loop.label.learned.settings_version`), and of its interaction id, so that the next run can
    count the rows new, changed or gone since."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(root) / TRAINED_ROWS
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.table(
        {
            "row_digest": pa.array(_short_digests(row_keys), pa.string()),
            "interaction_digest": pa.array(_short_digests(_interaction_ids(row_keys)), pa.string()),
        }
    )
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    metadata = {"trained_version": trained_version, "settings_version": settings}
    pq.write_table(table.replace_schema_metadata(metadata), partial)
    os.replace(partial, path)


def rows_new_since(root: str | Path, trained_version: str, settings: str, row_keys: list[str]) -> int | None:
    """How many training rows are new or changed (of ``row_keys``, the rows now) or gone since
    ``trained_version`` was fit; None when its rows are not on record (another version's, or none) or it was fit
    with other settings than ``settings`` (then it is another model, whatever the rows)."""
    import pyarrow.parquet as pq

    path = Path(root) / TRAINED_ROWS
    if not path.exists():
        return None
    table = pq.read_table(path)
    recorded = table.schema.metadata or {}
    if (recorded.get(b"trained_version"), recorded.get(b"settings_version")) != (
        trained_version.encode("utf-8"),
        settings.encode("utf-8"),
    ):
        return None
    new_or_changed = set(_short_digests(row_keys)) - set(table["row_digest"].to_pylist())
    gone = set(table["interaction_digest"].to_pylist()) - set(_short_digests(_interaction_ids(row_keys)))
    return len(new_or_changed) + len(gone)
