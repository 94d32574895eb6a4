"""Progress of the long steps (base-model building, LoRA training, evaluation, serving): a counter and an ETA.

A long loop takes a :data:`ProgressCallback` and calls it with (done, total) after each unit of work; it does
not know where the figures go. :class:`ProgressLog` turns them into a line now and then for a log function:
an asset's ``context.log.info`` (the Dagster run's log, and the terminal of a run started from the CLI) or the
demo's status line.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta

ProgressCallback = Callable[[int, int], None]
"""Called with (units done, units in all) after each unit of work."""


def clock_time(seconds: float) -> str:
    """``seconds`` as H:MM:SS, whole seconds."""
    return str(timedelta(seconds=round(seconds)))


class ProgressLog:
    """A :data:`ProgressCallback` that writes ``"<what>: <unit> 120/2000 (6%), 0:01:30 elapsed, ETA 0:21:10"``
    to ``log``: for the first unit, then at most every ``every_seconds``, and for the last unit.

    The ETA assumes the units still to do take as long, on average, as those done so far.
    """

    def __init__(
        self,
        what: str,
        log: Callable[[str], None],
        *,
        unit: str = "step",
        every_seconds: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.what = what
        self.log = log
        self.unit = unit
        self.every_seconds = every_seconds
        self.clock = clock
        self.started = clock()
        self.logged_at: float | None = None

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        due = self.logged_at is None or now - self.logged_at >= self.every_seconds
        if not (due or done >= total):
            return
        self.logged_at = now
        elapsed = now - self.started
        line = f"{self.what}: {self.unit} {done}/{total} ({done / total:.0%}), {clock_time(elapsed)} elapsed"
        if done < total:
            line += f", ETA {clock_time(elapsed / done * (total - done))}" if done else ", ETA unknown"
        self.log(line)
