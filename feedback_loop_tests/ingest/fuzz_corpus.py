"""A fuzz corpus of malformed landing input, generated deterministically: every row of issue 9's first table.

:func:`write_fuzz_corpus` writes two landing days. Day one holds ``fuzz.jsonl`` (a bad value for every field of
every event type, every way a line can be broken, and lines longer than the line limit), a file that starts with
a byte order mark, a corrupt and a truncated ``.jsonl.gz``, files that must be skipped (``.JSONL``, ``.json``, a
dot-file, a directory, a dangling symbolic link, links to a file outside the landing root and to foreign
events). Day two re-sends day one's events: one unchanged, one changed, one interaction under a new event id.

Every malformed line must end up in quarantine (:attr:`FuzzCorpus.quarantined_lines`), every unreadable file as
one quarantine row (:attr:`FuzzCorpus.unreadable_files`), every other bad entry among the skipped files
(:attr:`FuzzCorpus.skipped`); the valid events beside them are stored. The corpus's user id
(:data:`SECRET_USER_ID`) and e-mail address (:data:`SECRET_EMAIL`) must reach neither table.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DAY, NEXT_DAY = "2026-11-01", "2026-11-02"
SECRET_USER_ID = "fuzz-user-4711-secret"
SECRET_SESSION_ID = "fuzz-session-0815-secret"
SECRET_EMAIL = "fuzz.victim@example.org"
# Longer than the ingestion's default line limit (1 MiB).
OVERSIZE_BYTES = 2 * (1 << 20) + 17
_SENTINEL = "__FUZZ_VALUE__"
_HUGE_INTEGER = "9" * 5000

# Bad JSON values (as JSON text) per kind of field.
_BAD_FOR_TEXT = ['"   "', '""', "14", "null", '"\\ud800"', '{"nested": "x"}', '["a"]', "true", '"\\udfff tail"']
_BAD_FOR_COUNT = ['"14"', "14.5", "true", "9223372036854775808", "2147483648", "-1", _HUGE_INTEGER, "null", "1.5e0"]
_BAD_FOR_MILLISECONDS = ['"inf"', "1e999", "-1e999", '"NaN"', "NaN", "Infinity", "true", '"812"', "-0.5", "1e308"]
_BAD_FOR_TIMESTAMP = [
    "1730000000",
    '"1730000000"',
    "1730000000.5",
    '"9999-12-31T23:59:59-05:00"',
    '"0001-01-01T00:00:00+05:00"',
    '"2026-11-01T09:30:00"',
    '"yesterday"',
    '"1999-12-31T23:59:59Z"',
    '"2100-01-01T00:00:00Z"',
    "true",
]
_BAD_FOR_FIELD: dict[str, list[str]] = {
    "schema_version": ['"1"', "true", "2", "1.0", "null"],
    "event_type": ['"click"', "null", '"INTERACTION"', "7"],
    "timestamp": _BAD_FOR_TIMESTAMP,
    **{
        field: _BAD_FOR_TEXT
        for field in (
            "event_id",
            "interaction_id",
            "session_id",
            "user_id",
            "use_case",
            "prompt",
            "system_prompt_version",
            "model_version",
        )
    },
    "response": ["14", "null", '"\\ud800"', "[]"],
    "adapter_version": ['"\\ud800"', "14", "true", '""', '"   "'],
    "user_segment": ['"  "', "3"],
    "latency_ms": _BAD_FOR_MILLISECONDS,
    "prompt_tokens": _BAD_FOR_COUNT,
    "completion_tokens": ["true", "9223372036854775808", '"9"'],
}
_BAD_FEEDBACK: dict[str, list[str]] = {
    "rating": ['"5"', "true", "4.5", "0", "6", "6.0", "9223372036854775808", _HUGE_INTEGER],
    "thumb": ['"UP"', "1", '"\\ud800"'],
    "flag": ['"spam"'],
    "comment": ['"   "', '"\\ud800"'],
    "correction": ["[]"],
}
_BAD_BEHAVIOUR: dict[str, list[str]] = {
    "reading_time_ms": ['"inf"', "1e999", "true", '"1500"'],
    "action": ['"ACCEPT"'],
    "outcome": ["3"],
}


def interaction(event_id: str, interaction_id: str, **fields: Any) -> dict[str, Any]:
    """A valid interaction event of the corpus (its ids and text hold the corpus's secrets)."""
    return {
        "schema_version": 1,
        "event_id": event_id,
        "event_type": "interaction",
        "timestamp": "2026-11-01T09:30:00Z",
        "interaction_id": interaction_id,
        "session_id": SECRET_SESSION_ID,
        "user_id": SECRET_USER_ID,
        "use_case": "support",
        "prompt": f"My e-mail is {SECRET_EMAIL}, how do I reset my password?",
        "system_prompt_version": "v1",
        "response": "Open Settings, then Security.",
        "model_version": "base",
        "adapter_version": None,
        "latency_ms": 812.5,
        "prompt_tokens": 12,
        "completion_tokens": 9,
        **fields,
    }


def feedback(event_id: str, interaction_id: str, **fields: Any) -> dict[str, Any]:
    """A valid feedback event of the corpus (a thumb up unless ``fields`` say otherwise)."""
    envelope = {key: value for key, value in interaction(event_id, interaction_id).items() if key in _ENVELOPE}
    return {**envelope, "event_type": "feedback", "timestamp": "2026-11-01T09:31:00Z", **(fields or {"thumb": "up"})}


def behaviour(event_id: str, interaction_id: str, **fields: Any) -> dict[str, Any]:
    """A valid behaviour event of the corpus (a copy unless ``fields`` say otherwise)."""
    envelope = {key: value for key, value in interaction(event_id, interaction_id).items() if key in _ENVELOPE}
    return {
        **envelope,
        "event_type": "behaviour",
        "timestamp": "2026-11-01T09:32:00Z",
        **(fields or {"action": "copy"}),
    }


_ENVELOPE = ("schema_version", "event_id", "interaction_id", "session_id", "user_id")


def _with_value(event: dict[str, Any], field: str, value_json: str) -> str:
    """``event`` as a JSON line with ``field`` set to the JSON text ``value_json`` (written verbatim)."""
    return json.dumps({**event, field: _SENTINEL}).replace(json.dumps(_SENTINEL), value_json)


def malformed_lines() -> list[str]:
    """Every malformed line of ``fuzz.jsonl`` (each one quarantined), in the order written."""
    lines: list[str] = []
    for field, values in _BAD_FOR_FIELD.items():
        for number, value in enumerate(values):
            lines.append(_with_value(interaction(f"bad-{field}-{number}", f"fuzz-bad-{field}"), field, value))
    for field, values in _BAD_FEEDBACK.items():
        for number, value in enumerate(values):
            lines.append(_with_value(feedback(f"bad-{field}-{number}", "fuzz-i1", thumb=None), field, value))
    for field, values in _BAD_BEHAVIOUR.items():
        for number, value in enumerate(values):
            lines.append(_with_value(behaviour(f"bad-{field}-{number}", "fuzz-i1", action=None), field, value))
    whole = json.dumps(interaction("cut", "fuzz-cut"))
    lines += [whole[:cut] for cut in (1, 2, 10, 40, 90, 200, len(whole) // 2, len(whole) - 1)]
    lines += [
        "not json at all",
        "[1, 2]",
        '"a string"',
        "42",
        "null",
        "{}",
        "NaN",
        '{"rejected": "not an object"}',
        '{"rejected": {"reason": 7}}',
        "[" * 100_000 + "]" * 100_000,
        '{"a": ' * 5_000,
        # A number that never ends, and one that is simply long.
        "1" * 50_000,
        '{"prompt_tokens": ' + "7" * 4_400 + "}",
        # A Python repr of an event (single quotes) and a line cut short with escaped keys: ids stay secret.
        repr(interaction("repr", "fuzz-repr")),
        '{"user\\u005fid": "' + SECRET_USER_ID + '", "session\\u005fid": "' + SECRET_SESSION_ID + '", "prompt": "hi',
        "user_id=" + SECRET_USER_ID + " session_id=" + SECRET_SESSION_ID + " broken log line",
        json.dumps({**interaction("dupkey", "fuzz-dupkey"), "event_type": "feedback"}),
        json.dumps(interaction("ctrl", "fuzz-ctrl"))[:-1] + ', "mood": "\\u001b[31m"}',
    ]
    return lines


def _oversize_lines() -> list[bytes]:
    """Lines longer than the line limit: a valid event, an invalid one, and an unterminated string of digits."""
    valid = json.dumps(interaction("huge-valid", "fuzz-huge", prompt=f"{SECRET_EMAIL} " + "x" * OVERSIZE_BYTES))
    invalid = json.dumps(interaction("huge-invalid", "fuzz-huge", prompt_tokens="x" * OVERSIZE_BYTES))
    digits = '{"user_id": "' + SECRET_USER_ID + '", "prompt_tokens": "' + "7" * OVERSIZE_BYTES
    return [line.encode() for line in (valid, invalid, digits)]


@dataclass(frozen=True)
class FuzzCorpus:
    """What :func:`write_fuzz_corpus` wrote that ingestion must not store, per day."""

    quarantined_lines: dict[str, int]
    """Lines that must be quarantined, per day."""
    unreadable_files: dict[str, int]
    """Files that cannot be read to their end, each quarantined as one row, per day."""
    skipped: dict[str, set[str]]
    """Entries of each day's folder that must be skipped (relative to the landing root)."""
    stored: dict[str, set[str]]
    """The event ids that must be stored, per day."""
    earlier_duplicates: dict[str, int]
    """Lines that repeat an event an earlier day landed, per day."""
    duplicates: dict[str, int]
    """Lines that repeat an event of the same day, per day."""

    @property
    def malformed_inputs(self) -> int:
        return (
            sum(self.quarantined_lines.values())
            + sum(self.unreadable_files.values())
            + sum(len(names) for names in self.skipped.values())
        )


def write_fuzz_corpus(landing: Path, outside: Path) -> FuzzCorpus:
    """Write the corpus under ``landing`` (days :data:`DAY` and :data:`NEXT_DAY`); ``outside`` is a folder out
    of the landing root for the targets of the planted symbolic links."""
    day_dir, next_dir = landing / DAY, landing / NEXT_DAY
    for folder in (day_dir, next_dir, outside):
        folder.mkdir(parents=True, exist_ok=True)
    valid = [
        interaction("fuzz-e1", "fuzz-i1"),
        interaction("fuzz-e2", "fuzz-i2", adapter_version=f"lora-{SECRET_EMAIL}"),
        feedback("fuzz-f1", "fuzz-i1", rating=4),
        # The largest valid count and duration, and zeros: valid.
        interaction("fuzz-e3", "fuzz-i3", prompt_tokens=2**31 - 1, completion_tokens=0, latency_ms=0),
        behaviour("fuzz-b3", "fuzz-i3", reading_time_ms=1e12),
    ]
    resent_same_day = [
        interaction("fuzz-e1-resent", "fuzz-i1"),  # same interaction, new event id: quarantined
        feedback("fuzz-f1", "fuzz-i1", rating=1),  # same event id, other content: quarantined
        feedback("fuzz-f1", "fuzz-i1", rating=4),  # an identical copy: a duplicate
    ]
    lines = [json.dumps(event).encode() for event in valid + resent_same_day]
    lines += [line.encode("utf-8", "surrogatepass") for line in malformed_lines()]
    lines += [b'{"event_id": "\xff\xfe"}', b"\x00\x01\x02", b"\xef\xbb\xbf" + json.dumps(valid[0]).encode()]
    lines += _oversize_lines()
    (day_dir / "fuzz.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    quarantined = len(lines) - len(valid) - 1  # the identical copy is a duplicate, not quarantined
    (day_dir / "fuzz-bom.jsonl").write_bytes(b"\xef\xbb\xbf" + json.dumps(behaviour("fuzz-b1", "fuzz-i1")).encode())
    (day_dir / "fuzz-crlf.jsonl").write_bytes(json.dumps(behaviour("fuzz-b2", "fuzz-i2")).encode() + b"\r\n\r\n")

    gzipped = gzip.compress(b"".join(json.dumps(interaction(f"gz-{n}", f"gz-{n}")).encode() + b"\n" for n in range(50)))
    (day_dir / "fuzz-corrupt.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"garbage" * 10)
    (day_dir / "fuzz-truncated.jsonl.gz").write_bytes(gzipped[: len(gzipped) // 2])

    foreign = outside / "foreign.jsonl"
    foreign.write_text(json.dumps(interaction("foreign-1", "foreign-1")) + "\n")
    passwd = outside / "passwd"
    passwd.write_text("".join(f"user{n}:x:{n}:{n}::/home/user{n}:/bin/sh\n" for n in range(30)))
    (day_dir / "FUZZ.JSONL").write_text(json.dumps(interaction("upper", "upper")) + "\n")
    (day_dir / "fuzz.json").write_text(json.dumps(interaction("json", "json")) + "\n")
    (day_dir / ".fuzz.jsonl").write_text(json.dumps(interaction("dot", "dot")) + "\n")
    (day_dir / "fuzz-folder.jsonl").mkdir()
    (day_dir / "fuzz-dangling.jsonl").symlink_to(outside / "nothing-here.jsonl")
    (day_dir / "fuzz-passwd.jsonl").symlink_to(passwd)
    (day_dir / "fuzz-foreign.jsonl").symlink_to(foreign)
    (day_dir / "fuzz-inside.jsonl").symlink_to(day_dir / "fuzz-bom.jsonl")
    skipped = {
        f"{DAY}/{name}"
        for name in (
            "FUZZ.JSONL",
            "fuzz.json",
            ".fuzz.jsonl",
            "fuzz-folder.jsonl",
            "fuzz-dangling.jsonl",
            "fuzz-passwd.jsonl",
            "fuzz-foreign.jsonl",
            "fuzz-inside.jsonl",
        )
    }

    # The next day re-sends day one's events: unchanged (stored once), changed, and an interaction anew.
    retried = [
        interaction("fuzz-e1", "fuzz-i1"),
        feedback("fuzz-f1", "fuzz-i1", rating=2),
        interaction("fuzz-e2-resent", "fuzz-i2", timestamp="2026-11-02T08:00:00Z"),
        feedback("fuzz-f2", "fuzz-i2", timestamp="2026-11-02T08:05:00Z", rating=5),
    ]
    (next_dir / "fuzz-retry.jsonl").write_text("\n".join(json.dumps(event) for event in retried) + "\n")
    return FuzzCorpus(
        quarantined_lines={DAY: quarantined, NEXT_DAY: 2},
        unreadable_files={DAY: 2, NEXT_DAY: 0},
        skipped={DAY: skipped, NEXT_DAY: set()},
        stored={
            DAY: {"fuzz-e1", "fuzz-e2", "fuzz-e3", "fuzz-f1", "fuzz-b1", "fuzz-b2", "fuzz-b3"},
            NEXT_DAY: {"fuzz-f2"},
        },
        earlier_duplicates={DAY: 0, NEXT_DAY: 1},
        duplicates={DAY: 1, NEXT_DAY: 0},
    )
