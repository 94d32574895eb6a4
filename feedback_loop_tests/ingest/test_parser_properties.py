"""Property tests of the landing line parser: whatever a line holds, it becomes an event or a problem, never a crash.

The lines start from valid events, replace fields with any JSON value (huge and negative integers, infinities,
lone surrogates, nested containers), add unknown members, and may be cut short or have bytes spliced in. Each
example draws one seeded ``random.Random`` from hypothesis and builds its line from it: a line is made of dozens
of choices, and drawing each from hypothesis would cost 10,000 examples minutes instead of seconds.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feedback_loop import schema
from feedback_loop.ingest import IngestSpec, LineProblem, ingest_partition, parse_line
from feedback_loop_tests.ingest.fuzz_corpus import behaviour, feedback, interaction

# Deterministic (derandomized, no example database) so that a failure reproduces on every machine.
settings.register_profile(
    "landing-parser",
    max_examples=10_000,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SPEC = IngestSpec(redaction_tier="patterns")
_BASES = (interaction("e", "i"), feedback("f", "i", rating=3), behaviour("b", "i", reading_time_ms=5))
_FIELDS = (*schema.EVENT_COLUMNS, "mood", "rejected")
# Characters that break parsers and encoders: lone surrogates, NUL, escapes, quotes, separators, a BOM.
_CHARACTERS = ("a", " ", "\ud800", "\udfff", "\x00", "\x1b", "é", "\u2028", '"', "\\", "\ufeff", "7", "-", ":")
_STRINGS = ("14", "5", "inf", "NaN", "   ", "", "2026-11-01T09:30:00Z", "9999-12-31T23:59:59-05:00", "1730000000")
_NUMBERS = (
    0,
    -1,
    14.0,
    2**63 - 1,
    2**63,
    -(2**63) - 1,
    2**64,
    1e308,
    float("inf"),
    float("-inf"),
    float("nan"),
    1730000000,
)


def _value(rng: random.Random, depth: int = 0) -> Any:
    """Any JSON value, leaning to the ones that break a parser or an encoder."""
    kind = rng.randrange(9 if depth < 2 else 7)
    if kind == 0:
        return rng.choice((None, True, False))
    if kind == 1:
        return rng.choice(_NUMBERS)
    if kind == 2:
        return rng.randint(-(2**70), 2**70)
    if kind == 3:
        return rng.uniform(-1e6, 1e6)
    if kind == 4:
        return rng.choice(_STRINGS)
    if kind in (5, 6):
        return "".join(rng.choice(_CHARACTERS) for _ in range(rng.randrange(12)))
    if kind == 7:
        return [_value(rng, depth + 1) for _ in range(rng.randrange(3))]
    return {rng.choice(("a", "user_id", "session_id")): _value(rng, depth + 1) for _ in range(rng.randrange(3))}


def _line(rng: random.Random) -> bytes:
    """A landing line: a valid event with some fields replaced, maybe a huge integer, maybe cut or spliced."""
    event = dict(rng.choice(_BASES))
    for _ in range(rng.randrange(4)):
        event[rng.choice(_FIELDS)] = _value(rng)
    text = json.dumps(event, ensure_ascii=rng.random() < 0.5)
    if rng.random() < 0.2:
        # A huge integer literal in place of a value, as text: Python refuses to convert 4,300 digits and more.
        text = text.replace('"i"', "9" * rng.choice((19, 20, 4299, 4301, 6000)), 1)
    line = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.25:
        line = line[: rng.randrange(len(line) + 1)]
    if rng.random() < 0.25:
        at = rng.randrange(len(line) + 1)
        line = line[:at] + rng.randbytes(rng.randrange(1, 5)) + line[at:]
    return line.replace(b"\n", b" ")


@settings(settings.get_profile("landing-parser"))
@given(st.randoms(use_true_random=True))
def test_any_line_parses_to_an_event_that_stores_or_to_a_problem(rng: random.Random) -> None:
    outcome = parse_line(_line(rng), SPEC)
    if isinstance(outcome, LineProblem):
        assert outcome.reason and (outcome.field is None or isinstance(outcome.field, str))
    else:
        table = pa.Table.from_pylist([schema.event_to_row(outcome)], schema=schema.events_arrow_schema())
        assert table.num_rows == 1


@settings(settings.get_profile("landing-parser"), max_examples=300)
@given(st.randoms(use_true_random=True))
def test_any_landing_file_is_ingested_with_every_line_accounted_for(tmp_path_factory, rng: random.Random) -> None:
    lines = [_line(rng) for _ in range(rng.randrange(1, 9))]
    landing: Path = tmp_path_factory.mktemp("landing")
    (landing / "2026-11-01").mkdir()
    (landing / "2026-11-01" / "app.jsonl").write_bytes(b"\n".join(lines))

    result = ingest_partition(landing, "2026-11-01", b"key", (), SPEC)

    assert result.read == result.valid + result.quarantined + result.duplicates
    assert result.read == sum(1 for line in lines if line.strip())
