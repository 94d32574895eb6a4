"""The progress messages of `feedback-loop demo` and the bench commands are printed as they are: a version, a path
or a user's text in square brackets is no rich markup (nor an emoji code), never swallowed, never an error."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from feedback_loop.cli import app

# "[v1.2]" would be read as a style and vanish, "[/red]" closes a tag never opened (rich's MarkupError), and
# ":thumbs_up:" would become an emoji. Short enough for one line of the console's 80 columns.
MESSAGES = ["adapter [v1.2] at data/[runs]/a", "a user wrote [/red] here", "feedback was :thumbs_up:"]


class Reported(Exception):
    """Stops the command once its progress messages are out (the runs themselves are not what is tested)."""


def _report(*args, progress, **kwargs):
    for message in MESSAGES:
        progress(message)
    raise Reported


def _printed(result) -> str:
    assert isinstance(result.exception, Reported), result.output
    return result.output


def test_the_demos_progress_messages_are_printed_as_they_are(monkeypatch, tmp_path):
    import feedback_loop.demo as demo

    monkeypatch.setattr(demo, "run_demo", _report)
    printed = _printed(CliRunner().invoke(app, ["demo", "--data-dir", str(tmp_path)]))
    for message in MESSAGES:
        assert message in printed


@pytest.mark.parametrize(
    ("module", "function", "command"),
    [
        ("feedback_loop.loop_bench", "run_loop_bench", ["bench", "loop", "--iterations", "1"]),
        ("feedback_loop.labeling_cost", "bench_labeling_cost", ["bench", "labeling-cost"]),
        ("feedback_loop.ingest.bench", "bench_ingest", ["bench", "ingest"]),
        ("feedback_loop.collect.bench", "bench_collector", ["bench", "collect"]),
    ],
)
def test_the_benchmarks_progress_messages_are_printed_as_they_are(monkeypatch, tmp_path, module, function, command):
    import importlib

    monkeypatch.setattr(importlib.import_module(module), function, _report)
    monkeypatch.chdir(tmp_path)  # bench loop's data root: ./data
    printed = _printed(CliRunner().invoke(app, command))
    for message in MESSAGES:
        assert message in printed
