"""The data root as every stage reads and writes it: a local folder, or a prefix in object storage.

A local data root (the default) is used in place: the stages read and write its files directly, and
:meth:`DataStore.working_copy` does nothing.

A data root in object storage (``s3://bucket/prefix``, read and written through pyarrow's S3 file system; the
endpoint, region and scheme may ride on the URL as pyarrow's query parameters, credentials come from the usual
AWS variables or instance role) is the one copy that every worker shares:

* the warehouse is read and written there directly (Parquet through pyarrow; DuckDB queries the Arrow tables
  in memory, so it needs no extension and no network of its own);
* the small JSON manifests that assets hand to each other are single objects, written after the step's files
  (:meth:`DataStore.write_text`);
* everything else (datasets, models, the labeler, adapters, checkpoints, evaluations, reports, prompts, and the
  landing days that ingestion reads) lives in a *working copy* on local disk, because transformers, datasets and
  DuckDB's JSON reader want local files. :meth:`DataStore.pull` downloads what the object store holds newer than
  the copy; the stage runs on the local files; :meth:`DataStore.push` uploads what the step wrote (new or
  changed files, deepest first, so that a pointer such as the labeler's ``current.json`` lands after the version
  folder it names) and deletes what it removed.

The working copy sits at the same path on every worker (the ``working_dir`` setting), since manifests and the
registry record paths inside it; a path found there on one machine names the same files on another after a
pull. Files whose name (or a folder's) starts with a dot are writes in progress (every writer of the package
writes to a dot-named temporary and renames it) and are never uploaded; objects appear whole on S3, so a reader
never sees half of one.

Object stores have no advisory locks: two workers that change the *same* file of the working copy at once end
with the last push (see docs/configuration.md for what serializes such runs).
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.fs as pafs

from feedback_loop.files import write_text_atomic
from feedback_loop.schema import DAY_PATTERN
from feedback_loop.settings import DataLayout, Settings, is_remote
from feedback_loop.warehouse import Warehouse

SHARED_IN_PLACE = ("warehouse", "manifests")
"""Entries of the data root that are read and written in the object store itself, never in a working copy."""

PULLED_BY_DAY = ("landing", "shadow_landing")
"""Entries pulled one day folder at a time, by the asset that reads the day, rather than whole."""

SAME_TIME_MARGIN_NS = 5 * 10**9
"""How recent an object must be for a copy with its time and size to be downloaded again (object times have
whole seconds; the margin also covers a few seconds of clock difference between this machine and the store)."""

MACHINE_LOCAL = ("dagster_home",)
"""Entries of a working copy that belong to the machine (Dagster's default instance folder), never uploaded."""


@dataclass(frozen=True)
class Snapshot:
    """The files of a working copy under some entries (None: every entry a working copy holds whole, those there
    when it is pushed included): relative path -> (size, mtime in ns)."""

    entries: tuple[str, ...] | None
    files: dict[str, tuple[int, int]] = field(default_factory=dict)


def _hidden(relative: str) -> bool:
    """Whether a path (relative to the root) is, or is inside, a dot-named temporary, or is a lock file
    (:func:`feedback_loop.files.exclusive_lock`): both belong to the machine that made them."""
    return any(part.startswith(".") for part in relative.split("/")) or relative.endswith(".lock")


def day_folders_holding(fs: pafs.FileSystem, folder: str, name: str) -> list[str]:
    """The day folders (``YYYY-MM-DD``) directly under ``folder`` of ``fs`` holding a file ``name``, earliest first."""
    listing = fs.get_file_info(pafs.FileSelector(folder, allow_not_found=True))
    days = sorted(info.base_name for info in listing if info.type == pafs.FileType.Directory)
    days = [day for day in days if DAY_PATTERN.fullmatch(day)]
    found = fs.get_file_info([f"{folder.rstrip('/')}/{day}/{name}" for day in days])
    return [day for day, info in zip(days, found, strict=True) if info.type == pafs.FileType.File]


class DataStore:
    """One data root: where its files are (``fs`` and ``base``) and where the stages see them (``local_root``)."""

    def __init__(self, location: str | Path, working_dir: str | Path | None = None):
        self.location = str(location)
        self.remote = is_remote(location)
        if self.remote:
            if working_dir is None:
                raise ValueError(f"the data root {self.location} is in object storage: it needs a working_dir")
            self.fs, self.base = pafs.FileSystem.from_uri(self.location)
            self.local_root = Path(working_dir)
        else:
            self.local_root = Path(location)
            self.fs, self.base = pafs.LocalFileSystem(), str(self.local_root.resolve())

    @classmethod
    def of(cls, settings: Settings) -> DataStore:
        return cls(settings.data_dir, settings.working_root)

    @property
    def layout(self) -> DataLayout:
        """Where the stages read and write: the data root itself, or its working copy."""
        return DataLayout(self.local_root)

    def _path(self, relative: str) -> str:
        return "/".join([self.base.rstrip("/"), *[part for part in relative.split("/") if part]])

    def warehouse(self) -> Warehouse:
        if not self.remote:
            return Warehouse(self.layout.warehouse)
        return Warehouse(self._path("warehouse"), filesystem=self.fs)

    # --- single files, in place ---------------------------------------------------------------
    def read_text(self, relative: str) -> str | None:
        """The UTF-8 text of the file at ``relative``, or None when there is none."""
        path = self._path(relative)
        if self.fs.get_file_info(path).type != pafs.FileType.File:
            return None
        with self.fs.open_input_stream(path) as stream:
            return stream.read().decode("utf-8")

    def write_text(self, relative: str, text: str) -> None:
        """Replace the file at ``relative`` with ``text``: through a renamed temporary locally, in one PUT (an
        object appears whole) in object storage."""
        if not self.remote:
            write_text_atomic(self.local_root / relative, text)
            return
        with self.fs.open_output_stream(self._path(relative)) as stream:
            stream.write(text.encode("utf-8"))

    def delete(self, relative: str) -> None:
        self.fs.delete_file(self._path(relative))

    def upload(self, local: Path, relative: str, *, once: bool = False) -> pafs.FileInfo:
        """Put the local file ``local`` at ``relative`` in the object store as one object (it appears whole: a
        single PUT, or a multipart upload that only shows once completed) and check its size there; returns the
        object's info. ``once``: the object is never replaced: one already there with the same size is the same
        upload done before (nothing is sent), one with another size is refused (``FileExistsError``)."""
        remote, size = self._path(relative), local.stat().st_size
        if once:
            stored = self.fs.get_file_info(remote)
            if stored.type == pafs.FileType.File:
                if stored.size != size:
                    raise FileExistsError(
                        f"{self.location}: {relative} already holds {stored.size} bytes, not the {size} of {local}"
                    )
                return stored
        pafs.copy_files(str(local), remote, pafs.LocalFileSystem(), self.fs)
        stored = self.fs.get_file_info(remote)
        if stored.size != size:
            raise OSError(f"{self.location}: {relative} holds {stored.size} bytes after uploading {size} from {local}")
        return stored

    # --- the working copy ---------------------------------------------------------------------
    def _remote_files(self, entry: str) -> dict[str, pafs.FileInfo]:
        """The objects under ``entry`` (a folder, or a single file), by relative path, but the hidden ones."""
        single = self.fs.get_file_info(self._path(entry))
        if single.type == pafs.FileType.File:
            return {} if _hidden(entry) else {entry: single}
        selector = pafs.FileSelector(self._path(entry), recursive=True, allow_not_found=True)
        prefix = self.base.rstrip("/") + "/"
        found = {}
        for info in self.fs.get_file_info(selector):
            relative = info.path.removeprefix(prefix)
            if info.type == pafs.FileType.File and not _hidden(relative):
                found[relative] = info
        return found

    def _local_files(self, entry: str) -> dict[str, tuple[int, int]]:
        found = {}
        for directory, folders, names in os.walk(self.local_root / entry):
            folders[:] = [name for name in folders if not name.startswith(".")]
            for name in names:
                relative = (Path(directory) / name).relative_to(self.local_root).as_posix()
                if not _hidden(relative):
                    stat = (self.local_root / relative).stat()
                    found[relative] = (stat.st_size, stat.st_mtime_ns)
        return found

    def names(self, entry: str) -> dict[str, bool]:
        """The names directly under the folder ``entry`` of the data root, in the object store for a remote one (where
        the working copy holds only what was pulled), each with whether it is a folder: one level, however much
        the folders hold."""
        selector = pafs.FileSelector(self._path(entry), allow_not_found=True)
        return {info.base_name: info.type == pafs.FileType.Directory for info in self.fs.get_file_info(selector)}

    def days_holding(self, entry: str, name: str) -> list[str]:
        """The day folders (``YYYY-MM-DD``) of the folder ``entry`` of the data root (``landing``) that hold a file
        ``name``, earliest first: in the object store for a remote root, where the working copy holds only what was
        pulled."""
        return day_folders_holding(self.fs, self._path(entry), name)

    def entries(self) -> tuple[str, ...]:
        """The folders directly under the data root, in the object store or in the working copy, that a working
        copy holds whole."""
        selector = pafs.FileSelector(self.base, allow_not_found=True)
        names = {info.base_name for info in self.fs.get_file_info(selector) if info.type == pafs.FileType.Directory}
        if self.local_root.is_dir():
            names |= {path.name for path in self.local_root.iterdir() if path.is_dir()}
        skipped = SHARED_IN_PLACE + PULLED_BY_DAY + MACHINE_LOCAL
        return tuple(sorted(name for name in names if name not in skipped and not name.startswith(".")))

    def pull(self, *entries: str) -> Snapshot:
        """Bring the working copy of ``entries`` (paths relative to the root, of folders or files; none: every entry
        a working copy holds whole) up to date with the object store: download every file missing locally or newer
        there. Files written here and not yet pushed (newer here) stay. Returns what the copy holds then, for
        :meth:`push`. Locally: nothing to do."""
        if not self.remote:
            return Snapshot(entries or None)
        # Object times have whole seconds: a second write within the second of the one copied here would look
        # the same, so a copy of an object written in the last few seconds is not trusted.
        recent = time.time_ns() - SAME_TIME_MARGIN_NS
        for entry in entries or self.entries():
            for relative, info in self._remote_files(entry).items():
                local = self.local_root / relative
                stat = local.stat() if local.exists() else None
                if (
                    stat is None
                    or stat.st_mtime_ns < info.mtime_ns
                    or (stat.st_mtime_ns == info.mtime_ns and (stat.st_size != info.size or info.mtime_ns > recent))
                ):
                    self._download(info, local)
        return self.snapshot(*entries)

    def pull_path(self, path: str | Path) -> Snapshot | None:
        """:meth:`pull` of the files under ``path``, an absolute path in the working copy (one a registry record or a
        training's metadata names: an adapter folder, the base model); None, pulling nothing, for a path outside
        the working copy or a local data root."""
        if not self.remote:
            return None
        try:
            relative = Path(path).resolve().relative_to(self.local_root.resolve())
        except ValueError:
            return None
        return self.pull(relative.as_posix())

    def _download(self, info: pafs.FileInfo, local: Path) -> None:
        local.parent.mkdir(parents=True, exist_ok=True)
        tmp = local.with_name(f".{local.name}.{uuid.uuid4().hex}.pull")
        try:
            pafs.copy_files(info.path, str(tmp), self.fs, pafs.LocalFileSystem())
            # The object's own time: the next pull sees the copy as current, a later upload elsewhere as newer.
            os.utime(tmp, ns=(info.mtime_ns, info.mtime_ns))
            os.replace(tmp, local)
        finally:
            tmp.unlink(missing_ok=True)

    def push(self, snapshot: Snapshot) -> list[str]:
        """Upload what changed in the working copy of ``snapshot``'s entries since it was taken, deepest files
        first (a pointer file lands after the folder it names), and delete in the object store what was removed
        here. Returns the relative paths uploaded. Locally: nothing to do."""
        if not self.remote:
            return []
        now = self._local_files_under(snapshot.entries or self.entries())
        changed = sorted(
            (relative for relative, stat in now.items() if snapshot.files.get(relative) != stat),
            key=lambda relative: (-relative.count("/"), relative),
        )
        uploaded = []
        for relative in changed:
            local, remote = self.local_root / relative, self._path(relative)
            stored = self.fs.get_file_info(remote)
            if stored.type == pafs.FileType.File and (stored.size, stored.mtime_ns) == now[relative]:
                continue  # a copy of the object as it is (another step on this machine pulled it meanwhile)
            written = self.upload(local, relative).mtime_ns
            os.utime(local, ns=(written, written))
            uploaded.append(relative)
        for relative in sorted(set(snapshot.files) - set(now)):
            if self.fs.get_file_info(self._path(relative)).type == pafs.FileType.File:
                self.fs.delete_file(self._path(relative))
        return uploaded

    def snapshot(self, *entries: str) -> Snapshot:
        """What the working copy holds under ``entries`` (none: every entry it holds whole) now, without pulling."""
        return Snapshot(entries or None, self._local_files_under(entries or self.entries()))

    def _local_files_under(self, entries: tuple[str, ...]) -> dict[str, tuple[int, int]]:
        return {relative: stat for entry in entries for relative, stat in self._local_files(entry).items()}

    @contextmanager
    def uploading(self, *entries: str) -> Iterator[DataLayout]:
        """The layout to write new files in (landing files a command imports); what it writes under ``entries``
        is pushed after (also when it fails, as with :meth:`working_copy`), without pulling anything first."""
        snapshot = self.snapshot(*entries) if self.remote else Snapshot(entries or None)
        try:
            yield self.layout
        finally:
            self.push(snapshot)

    @contextmanager
    def working_copy(self, *entries: str) -> Iterator[DataLayout]:
        """The layout to work in, with ``entries`` (all but the warehouse, the manifests and the landing days
        when none are named) pulled before and pushed after, also when the work fails: what a failed step
        wrote (a checkpoint to resume from) is kept, as it would be on a local disk."""
        snapshot = self.pull(*entries)
        try:
            yield self.layout
        finally:
            self.push(snapshot)
