"""Atomic writes and the read-modify-write lock shared by the stages."""

from __future__ import annotations

import contextlib
import json
import threading

from feedback_loop.files import exclusive_lock, write_json_atomic, write_text_atomic


def test_racing_writers_leave_one_whole_file_and_no_temporary_files(tmp_path):
    path = tmp_path / "current.json"
    contents = [{"writer": n, "payload": "x" * 50_000} for n in range(8)]

    errors = []

    def write(obj):
        try:
            for _ in range(20):
                write_json_atomic(path, obj)
        except OSError as error:  # a writer whose temporary file another writer renamed away
            errors.append(error)

    threads = [threading.Thread(target=write, args=(obj,)) for obj in contents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert json.loads(path.read_text()) in contents  # one writer's whole content, never a mix
    assert [p.name for p in tmp_path.iterdir()] == ["current.json"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path):
    path = tmp_path / "report.html"
    write_text_atomic(path, "old")
    with contextlib.suppress(UnicodeEncodeError):
        write_text_atomic(path, "\ud800")  # not encodable as UTF-8
    assert path.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_the_lock_makes_read_modify_write_take_turns(tmp_path):
    path = tmp_path / "recommendations.json"
    write_json_atomic(path, {"count": 0})

    def increment():
        for _ in range(50):
            with exclusive_lock(path):
                count = json.loads(path.read_text())["count"]
                write_json_atomic(path, {"count": count + 1})

    threads = [threading.Thread(target=increment) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert json.loads(path.read_text())["count"] == 200  # no update lost
