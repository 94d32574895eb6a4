"""Simulated telemetry: a day of customer-support interactions and the users' reactions, as landing files.

:func:`simulate_day` writes the events of one day in the ingestion contract (``feedback_loop/schema.py``), one
JSON object per line, to ``<landing_dir>/<YYYY-MM-DD>/sim-<seed>.jsonl``. Users ask the questions of
``feedback_loop.simulate.world``; the assistant answers with a canned variant of a sampled quality, or with
whatever a ``responder`` (e.g. a served model) returns. Users then react according to the quality of the
answer (:data:`REACTIONS`): good answers mostly get a thumbs up, an accept and a resolved outcome; bad ones
thumbs down, corrections carrying the right answer, retries, escalations, ``offensive`` flags and comments.

About ``late_fraction`` of the feedback and behaviour events arrive on the next day: they are written, with a
next-day timestamp, to ``<landing_dir>/<next day>/sim-<seed>-late.jsonl``, which only this day's simulation
writes (so simulating the next day with the same seed does not overwrite it). ``invalid_lines`` deliberately
broken lines are mixed into the day's file to exercise quarantine.

Everything is a function of the arguments: the same call writes byte-identical files, event ids are uuid5s of
the seed, the day and a counter, and timestamps are UTC. Prompts, canned responses and reactions come from
separate random streams, so two responders compared on the same seed and day see the same users and prompts.
Token counts are whitespace word counts and latencies are simulated from them, never measured, to stay
reproducible.
"""

from __future__ import annotations

import json
import random
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from feedback_loop.schema import SCHEMA_VERSION
from feedback_loop.simulate.world import (
    INTENTS,
    RESPONSE_KINDS,
    Intent,
    classify_response,
    response,
    sample_kind,
    user_message,
)

Responder = Callable[[list[str]], Sequence[str]]

_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/feedback-loop/simulate")

USE_CASE = "customer_support"
SYSTEM_PROMPT_VERSION = "support-v1"
CANNED_MODEL_VERSION = "sim-canned-v1"

RESPONDER_MODEL_VERSION = "sim-responder"

# Sessions start early enough that every on-time event of the session (at most three interactions two
# minutes apart, feedback within ten minutes, reading capped at five minutes) still falls within the day.
_SESSION_WINDOW_S = 86_400 - 1_800
_MAX_INTERACTIONS_PER_SESSION = 3
_MAX_READING_MS = 300_000.0


@dataclass(frozen=True)
class Reaction:
    """How users react to one kind of response: probabilities and the values they pick from."""

    thumb_up: float
    thumb_down: float
    rating: float
    ratings: tuple[int, ...]
    correction: float
    flag: str | None
    flag_rate: float
    comment: float
    comments: tuple[str, ...]
    actions: dict[str, float] = field(default_factory=dict)
    outcomes: dict[str, float] = field(default_factory=dict)


REACTIONS: dict[str, Reaction] = {
    "correct": Reaction(
        thumb_up=0.8,
        thumb_down=0.05,
        rating=0.3,
        ratings=(4, 5, 5),
        correction=0.0,
        flag=None,
        flag_rate=0.0,
        comment=0.15,
        comments=("Thanks, that solved it.", "Perfect, very clear.", "Great, that worked."),
        actions={"accept": 0.65, "copy": 0.3, "retry": 0.05},
        outcomes={"resolved": 0.85, "converted": 0.05, "abandoned": 0.05, "escalated": 0.05},
    ),
    "wrong_intent": Reaction(
        thumb_up=0.05,
        thumb_down=0.65,
        rating=0.3,
        ratings=(1, 2),
        correction=0.3,
        flag="off_topic",
        flag_rate=0.25,
        comment=0.3,
        comments=("That is not what I asked.", "Wrong answer, not helpful."),
        actions={"retry": 0.5, "escalate": 0.3, "edit": 0.1, "accept": 0.1},
        outcomes={"escalated": 0.4, "abandoned": 0.4, "resolved": 0.2},
    ),
    "verbose": Reaction(
        thumb_up=0.25,
        thumb_down=0.4,
        rating=0.25,
        ratings=(2, 3),
        correction=0.15,
        flag=None,
        flag_rate=0.0,
        comment=0.3,
        comments=("Way too long and confusing.", "Too much text, annoying."),
        actions={"accept": 0.3, "retry": 0.3, "copy": 0.2, "escalate": 0.2},
        outcomes={"resolved": 0.5, "abandoned": 0.3, "escalated": 0.2},
    ),
    "rude": Reaction(
        thumb_up=0.02,
        thumb_down=0.85,
        rating=0.4,
        ratings=(1,),
        correction=0.2,
        flag="offensive",
        flag_rate=0.6,
        comment=0.4,
        comments=("So rude!", "Terrible and rude answer."),
        actions={"escalate": 0.6, "retry": 0.4},
        outcomes={"escalated": 0.5, "abandoned": 0.5},
    ),
    "hallucinated": Reaction(
        thumb_up=0.15,
        thumb_down=0.5,
        rating=0.3,
        ratings=(1, 2),
        correction=0.3,
        flag="wrong",
        flag_rate=0.3,
        comment=0.3,
        comments=("That is incorrect, this is not your policy.", "Wrong information."),
        actions={"retry": 0.3, "escalate": 0.4, "accept": 0.3},
        outcomes={"escalated": 0.4, "abandoned": 0.3, "resolved": 0.3},
    ),
}


@dataclass(frozen=True)
class _Turn:
    """One planned interaction: who asks what, when."""

    index: int
    interaction_id: str
    session_id: str
    user_id: str
    intent: Intent
    prompt: str
    at: datetime


def _uuid(seed: int, day: date, *parts: object) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(str(p) for p in (seed, day.isoformat(), *parts))))


def _timestamp(at: datetime) -> str:
    return at.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _plan(rng: random.Random, seed: int, day: date, n_interactions: int) -> list[_Turn]:
    """Sessions of one to three questions from a pool of recurring users, spread over the day."""
    midnight = datetime.combine(day, time(0), tzinfo=timezone.utc)
    user_pool = max(10, n_interactions // 3)
    turns: list[_Turn] = []
    session = 0
    while len(turns) < n_interactions:
        user_id = f"sim-user-{rng.randrange(user_pool):04d}"
        session_id = _uuid(seed, day, "session", session)
        at = midnight + timedelta(seconds=rng.uniform(0, _SESSION_WINDOW_S))
        for _ in range(min(rng.randint(1, _MAX_INTERACTIONS_PER_SESSION), n_interactions - len(turns))):
            intent = rng.choice(INTENTS)
            index = len(turns)
            turns.append(
                _Turn(
                    index,
                    _uuid(seed, day, "interaction", index),
                    session_id,
                    user_id,
                    intent,
                    user_message(intent, rng),
                    at,
                )
            )
            at += timedelta(seconds=rng.uniform(20, 120))
        session += 1
    return turns


def _respond(turns: list[_Turn], rng: random.Random, responder: Responder | None) -> list[tuple[str, str]]:
    """(response, kind) per turn: canned variants of sampled kinds, or the responder's answers judged."""
    if responder is None:
        answers = []
        for turn in turns:
            kind = sample_kind(rng)
            answers.append((response(turn.intent, kind, rng), kind))
        return answers
    if not turns:
        return []
    texts = list(responder([turn.prompt for turn in turns]))
    if len(texts) != len(turns):
        raise ValueError(f"responder returned {len(texts)} responses for {len(turns)} prompts")
    for index, text in enumerate(texts):
        if not isinstance(text, str):
            raise ValueError(f"responder response {index}: expected a str, got {type(text).__name__}")
    return [(text, classify_response(turn.intent, text)) for turn, text in zip(turns, texts)]


def _interaction_event(
    turn: _Turn, text: str, event_id: str, rng: random.Random, model_version: str, adapter_version: str | None
) -> dict:
    prompt_tokens, completion_tokens = len(turn.prompt.split()), len(text.split())
    event = {
        "schema_version": SCHEMA_VERSION,
        "event_id": event_id,
        "event_type": "interaction",
        "timestamp": _timestamp(turn.at),
        "interaction_id": turn.interaction_id,
        "session_id": turn.session_id,
        "user_id": turn.user_id,
        "use_case": USE_CASE,
        "prompt": turn.prompt,
        "system_prompt_version": SYSTEM_PROMPT_VERSION,
        "response": text,
        "model_version": model_version,
        "latency_ms": round(200 + 15 * completion_tokens + rng.uniform(0, 300), 1),
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
    }
    if adapter_version is not None:
        event["adapter_version"] = adapter_version
    return event


def _envelope(turn: _Turn, event_type: str, event_id: str, at: datetime) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "event_id": event_id,
        "event_type": event_type,
        "timestamp": _timestamp(at),
        "interaction_id": turn.interaction_id,
        "session_id": turn.session_id,
        "user_id": turn.user_id,
    }


def _feedback_signals(kind: str, intent: Intent, rng: random.Random) -> dict:
    """The feedback fields a user sets after a ``kind`` response (empty when they give none)."""
    reaction = REACTIONS[kind]
    signals: dict = {}
    draw = rng.random()
    if draw < reaction.thumb_up:
        signals["thumb"] = "up"
    elif draw < reaction.thumb_up + reaction.thumb_down:
        signals["thumb"] = "down"
    if rng.random() < reaction.rating:
        signals["rating"] = rng.choice(reaction.ratings)
    if rng.random() < reaction.correction:
        signals["correction"] = intent.answer
    if reaction.flag is not None and rng.random() < reaction.flag_rate:
        signals["flag"] = reaction.flag
    if rng.random() < reaction.comment:
        signals["comment"] = rng.choice(reaction.comments)
    return signals


# Each entry turns a valid event into one kind of broken line, cycled through by simulate_day.
def _break_truncated(event: dict) -> str:
    line = json.dumps(event)
    return line[: len(line) // 2]


def _break_missing_field(event: dict) -> str:
    return json.dumps({k: v for k, v in event.items() if k != "interaction_id"})


def _break_negative_latency(event: dict) -> str:
    return json.dumps({**event, "latency_ms": -5.0})


def _break_naive_timestamp(event: dict) -> str:
    return json.dumps({**event, "timestamp": event["timestamp"].removesuffix("Z")})


def _break_unknown_type(event: dict) -> str:
    return json.dumps({**event, "event_type": "click"})


def _break_not_an_object(event: dict) -> str:
    return json.dumps(["not", "an", "event", event["event_id"]])


_BREAKERS: tuple[Callable[[dict], str], ...] = (
    _break_truncated,
    _break_missing_field,
    _break_negative_latency,
    _break_naive_timestamp,
    _break_unknown_type,
    _break_not_an_object,
)


def _write_lines(path: Path, lines: list[str]) -> None:
    """Replace ``path`` whole, so a reader never sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes("".join(line + "\n" for line in lines).encode("utf-8"))
    tmp.replace(path)


def _check_args(day: date, n_interactions: int, late_fraction: float, invalid_lines: int) -> None:
    if not isinstance(day, date) or isinstance(day, datetime):
        raise ValueError(f"simulate_day: field 'day' must be a datetime.date, got {day!r}")
    if not isinstance(n_interactions, int) or n_interactions < 0:
        raise ValueError(f"simulate_day: field 'n_interactions' must be an int >= 0, got {n_interactions!r}")
    if not 0.0 <= late_fraction <= 1.0:
        raise ValueError(f"simulate_day: field 'late_fraction' must be within [0, 1], got {late_fraction!r}")
    if not isinstance(invalid_lines, int) or invalid_lines < 0:
        raise ValueError(f"simulate_day: field 'invalid_lines' must be an int >= 0, got {invalid_lines!r}")


def simulate_day(
    landing_dir: str | Path,
    day: date,
    n_interactions: int,
    seed: int,
    *,
    responder: Responder | None = None,
    late_fraction: float = 0.1,
    invalid_lines: int = 0,
    model_version: str | None = None,
    adapter_version: str | None = None,
) -> dict:
    """Write one simulated day of telemetry under ``landing_dir``; returns what was written.

    ``responder(prompts) -> responses`` answers the day's user prompts (raw questions, not formatted) in one
    batch; without it canned responses of sampled quality are used. ``model_version`` defaults to
    :data:`CANNED_MODEL_VERSION` (:data:`RESPONDER_MODEL_VERSION` with a responder); ``adapter_version`` is
    recorded on every interaction when given.

    Returns the paths (``path``, ``late_path`` or None) and counts: ``interactions``, ``feedback_events``,
    ``behaviour_events`` (on time and late), ``late_events``, ``invalid_lines`` and ``responses_by_kind``.
    """
    _check_args(day, n_interactions, late_fraction, invalid_lines)
    if model_version is None:
        model_version = CANNED_MODEL_VERSION if responder is None else RESPONDER_MODEL_VERSION
    streams = {
        name: random.Random(f"sim:{seed}:{day.isoformat()}:{name}")
        for name in ("plan", "respond", "react", "late", "invalid")
    }
    turns = _plan(streams["plan"], seed, day, n_interactions)
    answers = _respond(turns, streams["respond"], responder)

    next_midnight = datetime.combine(day + timedelta(days=1), time(0), tzinfo=timezone.utc)
    counter = 0

    def next_id() -> str:
        nonlocal counter
        counter += 1
        return _uuid(seed, day, "event", counter)

    on_time: list[tuple[datetime, int, dict]] = []
    late: list[tuple[datetime, int, dict]] = []

    def emit(event: dict, at: datetime, may_be_late: bool) -> None:
        if may_be_late and streams["late"].random() < late_fraction:
            at = next_midnight + timedelta(milliseconds=streams["late"].randrange(86_400_000))
            event["timestamp"] = _timestamp(at)
            late.append((at, counter, event))
        else:
            on_time.append((at, counter, event))

    react = streams["react"]
    counts = Counter()
    for turn, (text, kind) in zip(turns, answers):
        counts[kind] += 1
        emit(_interaction_event(turn, text, next_id(), react, model_version, adapter_version), turn.at, False)
        signals = _feedback_signals(kind, turn.intent, react)
        if signals:
            at = turn.at + timedelta(seconds=react.uniform(5, 600))
            emit({**_envelope(turn, "feedback", next_id(), at), **signals}, at, True)
        reading_ms = len(text.split()) * react.uniform(150, 400) + react.uniform(500, 3000)
        reading_ms = round(min(reading_ms, _MAX_READING_MS), 1)
        at = turn.at + timedelta(milliseconds=reading_ms + react.uniform(0, 5000))
        behaviour = {
            **_envelope(turn, "behaviour", next_id(), at),
            "reading_time_ms": reading_ms,
            "action": _pick(react, REACTIONS[kind].actions),
            "outcome": _pick(react, REACTIONS[kind].outcomes),
        }
        emit(behaviour, at, True)

    lines = [json.dumps(event, ensure_ascii=False) for _, _, event in sorted(on_time, key=lambda e: e[:2])]
    # Broken lines start from a valid interaction of their own, so they never collide with a real event.
    noon = datetime.combine(day, time(12), tzinfo=timezone.utc)
    for index in range(invalid_lines):
        turn = _Turn(
            -1,
            _uuid(seed, day, "invalid", index),
            _uuid(seed, day, "invalid-session", index),
            "sim-user-invalid",
            INTENTS[0],
            INTENTS[0].phrasings[0],
            noon,
        )
        valid = _interaction_event(
            turn, INTENTS[0].answer, next_id(), streams["invalid"], model_version, adapter_version
        )
        lines.insert(streams["invalid"].randint(0, len(lines)), _BREAKERS[index % len(_BREAKERS)](valid))

    path = Path(landing_dir) / day.isoformat() / f"sim-{seed}.jsonl"
    _write_lines(path, lines)
    late_path = Path(landing_dir) / (day + timedelta(days=1)).isoformat() / f"sim-{seed}-late.jsonl"
    if late:
        _write_lines(
            late_path, [json.dumps(e, ensure_ascii=False) for _, _, e in sorted(late, key=lambda e: e[:2])]
        )
    else:
        # This day owns its late file: a re-run without late events must not leave an old one behind.
        late_path.unlink(missing_ok=True)

    all_events = [event for _, _, event in on_time + late]
    return {
        "path": str(path),
        "late_path": str(late_path) if late else None,
        "interactions": len(turns),
        "feedback_events": sum(e["event_type"] == "feedback" for e in all_events),
        "behaviour_events": sum(e["event_type"] == "behaviour" for e in all_events),
        "late_events": len(late),
        "invalid_lines": invalid_lines,
        "responses_by_kind": {kind: counts[kind] for kind in RESPONSE_KINDS},
    }
