"""Landing files written by the collector and the importers: durable, whole lines only, visible when complete.

Ingestion reads ``<landing>/<YYYY-MM-DD>/*.jsonl`` and skips names that start with a dot. Everything here
writes under a dot-name first and renames to the visible name only once the file holds whole, synced lines,
so no reader ever sees half a line.

Collector (:class:`LandingSpool`). Each process appends to its own *segment* per day,
``.collector-<start>-<pid>-<random>-<n>.jsonl``, holding an exclusive ``flock`` on it while it is open. One
writer thread takes every batch submitted since its last turn, appends them with ``write``, calls
``fdatasync`` once for all of them (group commit) and only then resolves their futures, so a batch is
acknowledged only when it is on disk. A segment is *published* (renamed to its visible name) when it is
``rotate_seconds`` old, when it reaches ``rotate_bytes``, and when the spool closes.

Crashes. A process killed at any moment leaves its open segments hidden, possibly ending in part of a batch
that was never acknowledged. :func:`recover_segments` (run when a spool starts) takes every hidden segment
whose lock is free, i.e. whose writer is dead, cuts it after its last complete line, syncs it and publishes
it. Acknowledged batches were synced whole before their acknowledgement, so the cut never removes one; a
batch that was cut or lost was never acknowledged and its sender retries it (ingestion deduplicates by
``event_id`` whatever did land).

A data root in object storage (:class:`SegmentUploader`). The collector writes its segments as above into a
local spool, and a second thread uploads each published one to ``landing/<day>/<name>`` in the bucket (one
object, which appears whole; the names are unique across processes and machines) and then removes it from the
spool. A failed upload keeps the file and is retried; a collector that starts on a spool uploads what an
earlier one left there.

Importers (:class:`ImportWriter`). One file per day, written under a dot-name, synced and renamed on commit.
The importers name it after the input's content, so importing the same file again replaces it with the same
bytes.
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
import secrets
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from feedback_loop.schema import DAY_PATTERN, calendar_day

SEGMENT_PREFIX = "collector-"
_HIDDEN_SEGMENT = re.compile(r"\.collector-[A-Za-z0-9_-]+\.jsonl")
_TAIL_CHUNK = 1 << 16
LOG = logging.getLogger(__name__)


@dataclass
class _Segment:
    day: str
    hidden: Path
    fd: int
    opened_at: float
    size: int = 0


@dataclass(frozen=True)
class RecoveredSegment:
    """A dead writer's segment that :func:`recover_segments` published: its path, and the bytes it cut off."""

    path: Path
    cut_bytes: int


def utc_day() -> str:
    """Today's landing day: the UTC date (events land in the day they were received)."""
    return datetime.now(UTC).date().isoformat()


class LandingSpool:
    """Appends batches of landing lines to per-day segments, with one ``fdatasync`` per group of batches.

    ``submit(day, data)`` returns a future that is resolved once ``data`` (whole lines) is on disk, or fails
    with the ``OSError`` that prevented it; nothing of a failed batch stays in the segment.
    """

    def __init__(
        self,
        landing_dir: str | Path,
        *,
        rotate_seconds: float,
        rotate_bytes: int,
        on_publish: Callable[[], None] | None = None,
    ):
        if rotate_seconds <= 0 or rotate_bytes <= 0:
            raise ValueError(f"rotate_seconds and rotate_bytes must be > 0, got {rotate_seconds}, {rotate_bytes}")
        self.landing = Path(landing_dir)
        self.landing.mkdir(parents=True, exist_ok=True)
        self.rotate_seconds = rotate_seconds
        self.rotate_bytes = rotate_bytes
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        # Unique across machines too: the segments of collectors on several machines meet in one bucket.
        self.name = f"{SEGMENT_PREFIX}{stamp}-{os.getpid()}-{secrets.token_hex(8)}"
        self.on_publish = on_publish
        self.recovered = recover_segments(self.landing)
        self.pending_bytes = 0
        self.published = 0
        self.failure: Exception | None = None
        self._queue: list[tuple[str, bytes, Future]] = []
        self._segments: dict[str, _Segment] = {}
        self._sequence = 0
        self._closed = False
        self._wake = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="landing-spool", daemon=True)
        self._thread.start()

    def submit(self, day: str, data: bytes) -> Future:
        if not DAY_PATTERN.fullmatch(day):
            raise ValueError(f"day {day!r} is not YYYY-MM-DD")
        if not data.endswith(b"\n"):
            raise ValueError("data must be whole lines, ending with a newline")
        future: Future = Future()
        with self._wake:
            if self.failure is not None:
                raise RuntimeError(f"the landing writer stopped: {self.failure!r}") from self.failure
            if self._closed:
                raise RuntimeError("the landing spool is closed")
            self._queue.append((day, data, future))
            self.pending_bytes += len(data)
            self._wake.notify()
        return future

    def close(self) -> None:
        """Write what was submitted, publish every open segment and stop the writer thread."""
        with self._wake:
            self._closed = True
            self._wake.notify()
        self._thread.join()

    # --- the writer thread -------------------------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            with self._wake:
                if not self._queue and not self._closed:
                    self._wake.wait(timeout=min(1.0, self.rotate_seconds))
                batch, self._queue = self._queue, []
                closing = self._closed
            try:
                if batch:
                    self._commit(batch)
                self._rotate(everything=closing)
            except Exception as error:
                # Not a failed write (those fail their own batch): the writer cannot go on. Every waiting and
                # later request fails with this error instead of waiting for an answer that never comes.
                with self._wake:
                    self.failure = error
                    waiting, self._queue = batch + self._queue, []
                for _, _, future in waiting:
                    if not future.done():
                        future.set_exception(error)
                raise
            if closing:
                return

    def _commit(self, batch: list[tuple[str, bytes, Future]]) -> None:
        by_day: dict[str, list[tuple[bytes, Future]]] = {}
        for day, data, future in batch:
            by_day.setdefault(day, []).append((data, future))
        for day, items in by_day.items():
            try:
                self._append(day, b"".join(data for data, _ in items))
            except OSError as error:
                for _, future in items:
                    future.set_exception(error)
            else:
                for _, future in items:
                    future.set_result(None)
            finally:
                with self._wake:
                    self.pending_bytes -= sum(len(data) for data, _ in items)

    def _append(self, day: str, data: bytes) -> None:
        segment = self._segments.get(day) or self._open(day)
        before = segment.size
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(segment.fd, view) :]
            os.fdatasync(segment.fd)
        except OSError:
            try:
                os.ftruncate(segment.fd, before)  # leave no part of a batch that fails
                os.fdatasync(segment.fd)
            except OSError:
                # Cannot restore it: abandon the segment hidden; recovery cuts it after its last whole line.
                self._segments.pop(day)
                os.close(segment.fd)
            raise
        segment.size += len(data)

    def _open(self, day: str) -> _Segment:
        folder = self.landing / day
        if not folder.is_dir():
            folder.mkdir(parents=True, exist_ok=True)
            _sync_directory(self.landing)
        self._sequence += 1
        hidden = folder / f".{self.name}-{self._sequence:06d}.jsonl"
        fd = os.open(hidden, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND | os.O_CLOEXEC, 0o644)
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        _sync_directory(folder)
        segment = _Segment(day, hidden, fd, time.monotonic())
        self._segments[day] = segment
        return segment

    def _rotate(self, *, everything: bool) -> None:
        now = time.monotonic()
        for day, segment in list(self._segments.items()):
            if everything or now - segment.opened_at >= self.rotate_seconds or segment.size >= self.rotate_bytes:
                del self._segments[day]
                _publish(segment.hidden, segment.fd)
                self.published += 1
                if self.on_publish is not None:
                    self.on_publish()


def _publish(hidden: Path, fd: int) -> Path:
    """Rename a synced segment to its visible name while still holding its lock, then release it."""
    visible = hidden.with_name(hidden.name.removeprefix("."))
    try:
        os.rename(hidden, visible)
        _sync_directory(hidden.parent)
    finally:
        os.close(fd)
    return visible


def recover_segments(landing_dir: str | Path) -> list[RecoveredSegment]:
    """Publish the hidden segments of dead collector processes, each cut after its last complete line.

    A segment whose ``flock`` is held belongs to a live process and is left alone. An empty segment (or one
    with no complete line) is removed.
    """
    recovered: list[RecoveredSegment] = []
    landing = Path(landing_dir)
    if not landing.is_dir():
        return recovered
    for folder in sorted(path for path in landing.iterdir() if path.is_dir() and DAY_PATTERN.fullmatch(path.name)):
        for hidden in sorted(folder.iterdir()):
            if not _HIDDEN_SEGMENT.fullmatch(hidden.name):
                continue
            try:
                fd = os.open(hidden, os.O_RDWR | os.O_CLOEXEC)
            except FileNotFoundError:
                continue  # published by its live writer meanwhile
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                # The writer may have published it between our open and our lock: then it is not hidden any more.
                ours = hidden.exists() and os.stat(hidden).st_ino == os.fstat(fd).st_ino
            except BlockingIOError:
                ours = False  # a live writer holds it
            if not ours:
                os.close(fd)
                continue
            size = os.fstat(fd).st_size
            keep = _end_of_last_line(fd, size)
            if keep < size:
                os.ftruncate(fd, keep)
                os.fsync(fd)
            if keep == 0:
                hidden.unlink()
                _sync_directory(folder)
                os.close(fd)
                continue
            recovered.append(RecoveredSegment(_publish(hidden, fd), size - keep))
    return recovered


def _end_of_last_line(fd: int, size: int) -> int:
    """The length of the file up to and including its last newline (0 when it has none)."""
    end = size
    while end > 0:
        start = max(0, end - _TAIL_CHUNK)
        chunk = os.pread(fd, end - start, start)
        newline = chunk.rfind(b"\n")
        if newline >= 0:
            return start + newline + 1
        end = start
    return 0


def _sync_directory(path: Path) -> None:
    """Make a rename or a new entry in ``path`` durable (a crash could otherwise forget it)."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class SegmentUploader:
    """Moves the published landing files of a local spool into a data root in object storage.

    A collector whose data root is a bucket writes its segments to a local spool (``<spool>/<day>/``) exactly as
    it writes them to a landing folder (:class:`LandingSpool`: durable before the answer, published whole). This
    thread uploads each published file to ``landing/<day>/<name>`` of the data root with ``upload(path,
    relative)`` (one object that appears whole, never replacing another: the names are unique) and removes the
    local file only once the object holds all of it. A failed upload keeps the file in the spool, is logged and
    reported (:attr:`failure`, ``/healthz``), and is retried every ``retry_seconds`` and at the next publish.
    Files an earlier process left in the spool (published but not uploaded, or recovered at start) are uploaded
    the same way, so nothing acknowledged is lost as long as the spool's disk survives.
    """

    def __init__(self, spool_dir: str | Path, upload: Callable[[Path, str], object], *, retry_seconds: float = 5.0):
        self.spool = Path(spool_dir)
        self.upload = upload
        self.retry_seconds = retry_seconds
        self.uploaded = 0
        self.failure: str | None = None
        """The last failed upload (file and error), until a pass uploads everything; None when all went up."""
        self._due = True  # a pass at start: what an earlier process left
        self._closed = False
        self._wake = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="landing-upload", daemon=True)
        self._thread.start()

    def waiting(self) -> list[Path]:
        """The published files of the spool that are not uploaded yet, by day and name."""
        if not self.spool.is_dir():
            return []
        days = sorted(
            folder for folder in self.spool.iterdir() if folder.is_dir() and DAY_PATTERN.fullmatch(folder.name)
        )
        return [
            path
            for folder in days
            for path in sorted(folder.iterdir())
            if path.suffix == ".jsonl" and not path.name.startswith(".") and path.is_file()
        ]

    def wake(self) -> None:
        """A segment was published: upload it now rather than at the next retry."""
        with self._wake:
            self._due = True
            self._wake.notify()

    def close(self) -> list[Path]:
        """Upload what waits (one last pass, after the spool published its last segments) and stop. Returns the
        files that could not be uploaded: they stay in the spool for the next collector that starts on it."""
        with self._wake:
            self._closed = True
            self._wake.notify()
        self._thread.join()
        left = self.waiting()
        if left:
            LOG.error(
                "%d landing file(s) could not be uploaded and stay in %s (last error: %s); a collector started on "
                "this spool uploads them",
                len(left),
                self.spool,
                self.failure,
            )
        return left

    def _run(self) -> None:
        while True:
            with self._wake:
                if not self._due and not self._closed:
                    self._wake.wait(timeout=self.retry_seconds if self.failure else None)
                self._due = False
                closing = self._closed
            try:
                self._upload_waiting()
            except OSError as error:
                # The spool itself cannot be read (its disk): reported and tried again, as a failed upload is.
                self.failure = f"{self.spool}: {error!r}"
                LOG.warning("reading the landing spool %s failed; tried again", self.spool, exc_info=True)
            if closing:
                return

    def _upload_waiting(self) -> None:
        for path in self.waiting():
            relative = f"landing/{path.parent.name}/{path.name}"
            try:
                self.upload(path, relative)
            except FileNotFoundError:
                continue  # another collector on this spool uploaded and removed it meanwhile
            except Exception as error:
                # Kept in the spool and retried: a failure of the store (network, credentials, a full bucket) must
                # not lose what was acknowledged. Logged with its traceback and reported by /healthz.
                self.failure = f"{path}: {error!r}"
                LOG.warning("uploading landing file %s to %s failed; kept, retried", path, relative, exc_info=True)
                return
            path.unlink(missing_ok=True)
            self.uploaded += 1
        if self.failure is not None:
            LOG.warning("landing uploads succeed again (after: %s)", self.failure)
            self.failure = None


class ImportWriter:
    """Writes an import's landing lines into one file per day, each visible only once the import commits.

    Lines go to hidden temporary files as they come; :meth:`commit` syncs them and renames each to
    ``<day>/<name>.jsonl``. Used as a context manager, whatever was not committed is removed on the way out
    (an import that failed half-way lands nothing).
    """

    def __init__(self, landing_dir: str | Path):
        self.landing = Path(landing_dir)
        self.lines: dict[str, int] = {}
        self._files: dict[str, tuple[Path, BinaryIO]] = {}

    def add(self, day: str, lines: Iterable[bytes]) -> None:
        if day not in self._files:
            calendar_day(day, "day")
            folder = self.landing / day
            folder.mkdir(parents=True, exist_ok=True)
            temporary = folder / f".import-{uuid.uuid4().hex}.tmp"
            self._files[day] = (temporary, temporary.open("wb"))
        handle = self._files[day][1]
        for line in lines:
            handle.write(line)
            self.lines[day] = self.lines.get(day, 0) + 1

    def commit(self, name: str) -> list[Path]:
        """Sync every day's file and rename it to ``<day>/<name>.jsonl``; returns the paths, by day."""
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name):
            raise ValueError(f"import file name {name!r} must be letters, digits, '.', '_' or '-'")
        paths = []
        for _day, (temporary, handle) in sorted(self._files.items()):
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            final = temporary.parent / f"{name}.jsonl"
            os.replace(temporary, final)
            _sync_directory(temporary.parent)
            paths.append(final)
        self._files.clear()
        return paths

    def abort(self) -> None:
        for temporary, handle in self._files.values():
            handle.close()
            temporary.unlink(missing_ok=True)
        self._files.clear()

    def __enter__(self) -> ImportWriter:
        return self

    def __exit__(self, kind, error, traceback) -> None:
        self.abort()
