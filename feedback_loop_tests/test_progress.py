"""The progress log: a step counter and an ETA, now and then, and always for the first and the last step."""

from feedback_loop.progress import ProgressLog, clock_time


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_line_for_the_first_step_then_every_interval_and_for_the_last_with_elapsed_time_and_eta():
    clock, lines = FakeClock(), []
    progress = ProgressLog("pre-training the base model", lines.append, every_seconds=10, clock=clock)
    for step in range(1, 101):
        clock.now += 1.5  # 1.5 s a step
        progress(step, 100)
    assert lines[0] == "pre-training the base model: step 1/100 (1%), 0:00:02 elapsed, ETA 0:02:28"
    # Then one line per 10 s (every 7th step at 1.5 s a step), and the last step's without an ETA.
    assert len(lines) == 1 + 98 // 7 + 1
    assert lines[1] == "pre-training the base model: step 8/100 (8%), 0:00:12 elapsed, ETA 0:02:18"
    assert lines[-1] == "pre-training the base model: step 100/100 (100%), 0:02:30 elapsed"


def test_the_unit_is_named_and_a_first_report_of_nothing_done_has_no_eta():
    lines: list[str] = []
    progress = ProgressLog("serving", lines.append, unit="request", clock=FakeClock())
    progress(0, 40)
    assert lines == ["serving: request 0/40 (0%), 0:00:00 elapsed, ETA unknown"]


def test_clock_time_rounds_to_whole_seconds():
    assert (clock_time(0.4), clock_time(59.6), clock_time(3725)) == ("0:00:00", "0:01:00", "1:02:05")
