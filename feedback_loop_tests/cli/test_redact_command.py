"""`feedback-loop redact` (stdin to stdout, line by line) and `feedback-loop bench redaction`."""

import io
import json
import os
import select
import signal
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from feedback_loop.cli import app, lines_with_endings
from feedback_loop.privacy import REDACTION_TYPES

runner = CliRunner()

_LINES = [
    "ticket from jane.doe@example.com",
    "",
    "call +44 20 7946 0958 or pay with 4111 1111 1111 1111",
    "-----BEGIN EC PRIVATE KEY-----",
    "MHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY/PuoAoGCCqGSM49",
    "-----END EC PRIVATE KEY-----",
    "deployed 1.13.27 on 2026-11-29, order #48213977",
]


def test_redact_writes_one_redacted_line_per_line_read():
    result = runner.invoke(app, ["redact"], input="\n".join(_LINES) + "\n")

    assert result.exit_code == 0, result.output
    assert result.stdout.split("\n") == [
        "ticket from <EMAIL>",
        "",
        "call <PHONE> or pay with <CARD>",
        "<SECRET>",
        "<SECRET>",
        "<SECRET>",
        "deployed 1.13.27 on 2026-11-29, order #48213977",
        "",
    ]
    assert result.stderr == ""


def test_redact_counts_go_to_stderr_as_json():
    result = runner.invoke(app, ["redact", "--counts"], input="\n".join(_LINES))

    assert result.exit_code == 0, result.output
    assert json.loads(result.stderr) == {
        "EMAIL": 1,
        "PHONE": 1,
        "CARD": 1,
        "IBAN": 0,
        "IP": 0,
        "SSN": 0,
        "SECRET": 1,
        "URL_CREDENTIALS": 0,
        **{kind: 0 for kind in ("NATIONAL_ID", "PASSPORT", "DOB", "ADDRESS", "PERSON")},
    }
    assert len(result.stdout.splitlines()) == len(_LINES)


def test_redact_survives_bytes_that_are_not_utf8_and_says_where_it_replaced_them():
    result = runner.invoke(app, ["redact"], input=b"fine\ncaf\xe9 jane@example.com\n")

    assert result.exit_code == 0, result.output
    assert result.stdout == "fine\ncaf\ufffd <EMAIL>\n"
    assert "1 line(s) held bytes that are not UTF-8" in result.stderr and "line 2" in result.stderr


def test_redact_keeps_each_lines_ending():
    result = runner.invoke(app, ["redact"], input=b"call 415-555-0123\r\nok\nlast")

    assert result.stdout_bytes == b"call <PHONE>\r\nok\nlast"


def test_redact_keeps_cr_only_endings_as_written_and_reads_each_cr_line_as_a_line():
    """Old Mac OS files end lines with a CR alone: each is a line of its own (a key block's lines each become
    <SECRET>, a name after a sign-off is read with the line before it), and each keeps its CR."""
    lines = [*_LINES[3:6], "call 415-555-0123", "Thanks!", "Amira"]
    result = runner.invoke(app, ["redact"], input="\r".join(lines).encode() + b"\r")

    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == b"<SECRET>\r<SECRET>\r<SECRET>\rcall <PHONE>\rThanks!\r<PERSON>\r"


@pytest.mark.parametrize("chunk_size", [1, 2, 3, 1 << 16])
@given(st.lists(st.sampled_from([b"a", b"\xe9", b"\n", b"\r", b"\r\n", b"\x0b"]), max_size=16).map(b"".join))
def test_lines_with_endings_splits_as_splitlines_does_at_lf_crlf_and_cr_whatever_the_chunks(chunk_size, text):
    """Streamed in chunks of any size, the lines are those of bytes.splitlines (which ends a line at LF, CRLF or
    CR, nothing else), each with its own ending."""
    expected = []
    for line in text.splitlines(keepends=True):
        body = line.removesuffix(b"\r\n") if line.endswith(b"\r\n") else line.rstrip(b"\r\n")
        expected.append((body, line[len(body) :]))

    assert list(lines_with_endings(io.BytesIO(text), chunk_size)) == expected


def test_bench_redaction_prints_and_writes_the_figures_per_tier(tmp_path):
    out = tmp_path / "redaction.json"

    result = runner.invoke(
        app, ["bench", "redaction", "--sentences", "600", "--seed", "5", "--events", "300", "--json-out", str(out)]
    )

    assert result.exit_code == 0, result.output
    assert "clean sentences altered" in result.stdout and "URL_CREDENTIALS" in result.stdout
    assert "texts/s" in result.stdout and "events/s" in result.stdout and "not in tier" in result.stdout
    figures = json.loads(out.read_text())
    assert (figures["sentences"], figures["seed"]) == (600, 5)
    assert set(figures["tiers"]) == {"patterns", "patterns+ner"}
    for name, tier in figures["tiers"].items():
        assert set(tier["per_type"]) == set(REDACTION_TYPES)
        assert tier["texts_per_s"] > 0 and tier["texts_per_cpu_s"] > 0 and tier["repeated_texts_per_s"] > 0
        assert tier["event_mix"]["events"] == 300 and 250 <= tier["event_mix"]["texts"] <= 350
        assert tier["event_mix"]["events_per_s"] > 0 and tier["event_mix"]["events_per_cpu_s"] > 0
        shapes = {kind: row for kind, row in tier["per_type"].items() if kind not in ("PERSON", "ADDRESS")}
        assert all(row["recall"] >= 0.99 and row["in_tier"] for row in shapes.values()), shapes
        assert tier["per_type"]["PERSON"]["in_tier"] == (name == "patterns+ner")
    unknown = runner.invoke(app, ["bench", "redaction", "--tier", "ner-only"])
    assert unknown.exit_code != 0 and "unknown tier" in unknown.output


def test_redact_writes_each_line_while_its_input_is_still_open():
    """`tail -f app.log | feedback-loop redact`: each line comes out redacted as soon as it is read, not when a
    block of output fills up or the input ends."""
    command = "import sys; sys.argv = ['feedback-loop', 'redact']; from feedback_loop.cli import app; app()"
    # Python's own buffering of stdout, as users run it (PYTHONUNBUFFERED would hide a missing flush).
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    with subprocess.Popen(
        [sys.executable, "-c", command],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as process:
        assert process.stdin is not None and process.stdout is not None
        try:
            process.stdin.write(b"ticket from jane.doe@example.com\n")
            process.stdin.flush()
            # The input stays open: the line must arrive on its own (the CLI starts in a few seconds).
            ready, _, _ = select.select([process.stdout], [], [], 60)
            assert ready, "no redacted line while the input was open"
            assert process.stdout.readline() == b"ticket from <EMAIL>\n"
            process.stdin.write(b"call 415-555-0123\n")
            process.stdin.close()
            assert process.stdout.read() == b"call <PHONE>\n"
            assert process.wait(timeout=60) == 0
        finally:
            process.kill()


def test_redact_stops_quietly_when_its_reader_has_gone(tmp_path):
    """`feedback-loop redact < app.log | head -1`: once the reader closes the pipe, redact stops as Unix filters do,
    with SIGPIPE's status (128 + 13) and nothing on stderr, not a BrokenPipeError."""
    log = tmp_path / "app.log"
    log.write_text("".join(f"line {number} from jane.doe@example.com\n" for number in range(20_000)))
    command = "import sys; sys.argv = ['feedback-loop', 'redact']; from feedback_loop.cli import app; app()"
    with (
        log.open("rb") as stdin,
        subprocess.Popen(
            [sys.executable, "-c", command], stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        ) as process,
    ):
        assert process.stdout is not None and process.stderr is not None
        try:
            assert process.stdout.readline() == b"line 0 from <EMAIL>\n"
            process.stdout.close()
            assert process.wait(timeout=120) == 128 + signal.SIGPIPE
            assert process.stderr.read() == b""
        finally:
            process.kill()
