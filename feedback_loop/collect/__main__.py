"""`python -m feedback_loop.collect [OPTIONS]` runs `feedback-loop collect [OPTIONS]` (for process supervisors
and the tests, which start the collector as a process of the same interpreter)."""

import sys

from feedback_loop.cli import app

app(["collect", *sys.argv[1:]], prog_name="feedback-loop collect")
