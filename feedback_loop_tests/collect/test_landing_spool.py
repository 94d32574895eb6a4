"""Landing segments: group commit, publication, recovery of a dead writer's segment, failed writes, imports."""

from __future__ import annotations

import fcntl
import os
from concurrent.futures import wait

import pytest

from feedback_loop.collect import landing as landing_module
from feedback_loop.collect.landing import ImportWriter, LandingSpool, recover_segments

DAY = "2026-11-01"


def visible(landing) -> dict[str, bytes]:
    """The landing files ingestion reads (pathlib's glob also matches dot-files: they are left out here)."""
    return {path.name: path.read_bytes() for path in sorted(landing.glob("*/*.jsonl")) if not path.name.startswith(".")}


def test_batches_are_synced_in_groups_and_published_when_the_spool_closes(tmp_path, monkeypatch):
    syncs = []
    real_sync = os.fdatasync
    monkeypatch.setattr(landing_module.os, "fdatasync", lambda fd: (syncs.append(fd), real_sync(fd)))
    spool = LandingSpool(tmp_path, rotate_seconds=3600, rotate_bytes=2**30)
    futures = [spool.submit(DAY, f'{{"n":{n}}}\n'.encode()) for n in range(200)]
    wait(futures)
    assert all(future.exception() is None for future in futures)
    assert len(syncs) < 200  # many batches share one fdatasync
    assert visible(tmp_path) == {}  # acknowledged, on disk, but hidden until published
    [hidden] = tmp_path.glob(f"{DAY}/.collector-*.jsonl")
    spool.close()
    [(name, data)] = visible(tmp_path).items()
    assert name == hidden.name[1:]
    assert data == b"".join(f'{{"n":{n}}}\n'.encode() for n in range(200))
    assert spool.pending_bytes == 0


def test_segments_rotate_by_size_and_each_day_has_its_own(tmp_path):
    spool = LandingSpool(tmp_path, rotate_seconds=3600, rotate_bytes=8)
    wait([spool.submit(DAY, b'{"a":1}\n'), spool.submit("2026-11-02", b'{"b":2}\n')])
    wait([spool.submit(DAY, b'{"c":333333}\n')])
    spool.close()
    files = sorted(str(path.relative_to(tmp_path)) for path in tmp_path.glob("*/collector-*.jsonl"))
    assert len(files) == 3 and sum(name.startswith("2026-11-02/") for name in files) == 1
    assert not list(tmp_path.glob("*/.collector-*"))


def test_a_failed_write_leaves_nothing_of_its_batch(tmp_path, monkeypatch):
    spool = LandingSpool(tmp_path, rotate_seconds=3600, rotate_bytes=2**30)
    wait([spool.submit(DAY, b'{"ok":1}\n')])
    real_sync = os.fdatasync
    failures = iter([OSError(28, "No space left on device")])

    def failing_once(fd):
        error = next(failures, None)
        if error is not None:
            raise error
        real_sync(fd)

    monkeypatch.setattr(landing_module.os, "fdatasync", failing_once)
    failed = spool.submit(DAY, b'{"lost":2}\n')
    wait([failed])
    assert isinstance(failed.exception(), OSError)
    wait([spool.submit(DAY, b'{"ok":3}\n')])
    spool.close()
    assert list(visible(tmp_path).values()) == [b'{"ok":1}\n{"ok":3}\n']


def test_recovery_cuts_a_dead_writers_torn_tail_and_leaves_live_segments_alone(tmp_path):
    folder = tmp_path / DAY
    folder.mkdir()
    (folder / ".collector-dead-000001.jsonl").write_bytes(b'{"a":1}\n{"b":2}\n{"c":')
    (folder / ".collector-empty-000001.jsonl").write_bytes(b'{"partial')
    live = folder / ".collector-live-000001.jsonl"
    live.write_bytes(b'{"x":1}\n{"y"')
    import_temp = folder / ".import-0123.tmp"
    import_temp.write_bytes(b"half")
    with live.open("rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        recovered = recover_segments(tmp_path)
    assert [(r.path.name, r.cut_bytes) for r in recovered] == [("collector-dead-000001.jsonl", 5)]
    assert (folder / "collector-dead-000001.jsonl").read_bytes() == b'{"a":1}\n{"b":2}\n'
    assert not (folder / ".collector-empty-000001.jsonl").exists()
    assert live.read_bytes() == b'{"x":1}\n{"y"' and import_temp.exists()
    assert [r.path.name for r in recover_segments(tmp_path)] == ["collector-live-000001.jsonl"]


def test_a_new_spool_recovers_before_it_writes(tmp_path):
    folder = tmp_path / DAY
    folder.mkdir()
    (folder / ".collector-old-000001.jsonl").write_bytes(b'{"a":1}\n{"b"')
    spool = LandingSpool(tmp_path, rotate_seconds=3600, rotate_bytes=2**30)
    spool.close()
    assert [r.cut_bytes for r in spool.recovered] == [4]
    assert visible(tmp_path) == {"collector-old-000001.jsonl": b'{"a":1}\n'}


def test_submit_refuses_partial_lines_and_bad_days(tmp_path):
    spool = LandingSpool(tmp_path, rotate_seconds=3600, rotate_bytes=2**30)
    with pytest.raises(ValueError, match="whole lines"):
        spool.submit(DAY, b'{"a":1}')
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        spool.submit("../etc", b"{}\n")
    spool.close()
    with pytest.raises(RuntimeError, match="closed"):
        spool.submit(DAY, b"{}\n")


def test_an_import_is_visible_only_once_committed_and_removed_when_it_fails(tmp_path):
    with ImportWriter(tmp_path) as writer:
        writer.add(DAY, [b"{}\n", b"{}\n"])
        writer.add("2026-11-02", [b"{}\n"])
        assert visible(tmp_path) == {}
        paths = writer.commit("import-test-0123")
    assert [str(p.relative_to(tmp_path)) for p in paths] == [
        f"{DAY}/import-test-0123.jsonl",
        "2026-11-02/import-test-0123.jsonl",
    ]
    assert writer.lines == {DAY: 2, "2026-11-02": 1}
    with pytest.raises(RuntimeError), ImportWriter(tmp_path) as failing:
        failing.add("2026-11-03", [b"{}\n"])
        raise RuntimeError("the input broke off")
    assert not list((tmp_path / "2026-11-03").iterdir())


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_writer_that_cannot_go_on_refuses_later_batches_instead_of_leaving_them_waiting(tmp_path, monkeypatch):
    spool = LandingSpool(tmp_path, rotate_seconds=3600, rotate_bytes=2**30)

    def broken_rotation(*, everything):
        raise ValueError("a bug in rotation")

    monkeypatch.setattr(spool, "_rotate", broken_rotation)
    written = spool.submit(DAY, b'{"a":1}\n')
    wait([written], timeout=30)
    assert written.exception() is None  # on disk before the rotation failed
    spool._thread.join(timeout=30)
    with pytest.raises(RuntimeError, match="the landing writer stopped"):
        spool.submit(DAY, b'{"b":2}\n')
