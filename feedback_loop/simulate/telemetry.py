"""Simulated telemetry: a day of customer-support interactions and the users' reactions, as landing files.

:func:`simulate_day` writes the events of one day in the ingestion contract (``feedback_loop/schema.py``), one
JSON object per line, to ``<landing_dir>/<YYYY-MM-DD>/sim-<seed>.jsonl``. Users ask the questions of a
world (``feedback_loop.simulate.worlds``: the lookup world of ``feedback_loop.simulate.world`` by default, or
the slot world); the assistant answers with canned answers drawn like the pretraining corpus (or of a given mix
of kinds), or with whatever a ``responder`` (e.g. a ``feedback_loop.serve.ModelServer``) returns for each user's
request. Interaction events report what the application knows of the user (``user_segment``: the segment itself
in the lookup world, a tier in the slot world); users then react according to the quality of the answer and their
segment's hidden preferences: thumbs, ratings, corrections, flags, comments, reading time, actions and outcomes.

About ``late_fraction`` of the feedback and behaviour events arrive on the next day: they are written, with a
next-day timestamp, to ``<landing_dir>/<next day>/sim-<seed>-late.jsonl``, which only this day's simulation
writes (so simulating the next day with the same seed does not overwrite it). ``invalid_lines`` deliberately
broken lines are mixed into the day's file to exercise quarantine.

A responder's answer may carry a shadow challenger's answer (``ServedResponse.shadow``): users never see it and
never react to it; it is written as a shadow event (an interaction event naming the live interaction it shadowed,
the shadow's adapter version, its measured latency and tokens) to ``<shadow_dir>/<YYYY-MM-DD>/sim-<seed>.jsonl``,
a stream of its own that ingestion keeps apart from the users' telemetry.

The pipeline only ever sees the files; :func:`simulate_day` also returns the ground truth that only the
simulator knows (the kind of every answer, the thumbs-up rate per serving arm and per user segment), so that a
demo can show whether fine-tuning really made users happier.

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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from feedback_loop.files import write_text_atomic
from feedback_loop.prompts import INITIAL_PROMPT_VERSION
from feedback_loop.schema import SCHEMA_VERSION
from feedback_loop.serve.router import ChatRequest, ServedResponse, ShadowAnswer
from feedback_loop.simulate.users import reading_time_ms
from feedback_loop.simulate.worlds import LOOKUP_WORLD, World

# Answers each user's request; one call per simulated day, the requests in the order users asked them.
Responder = Callable[[list[ChatRequest]], Sequence[ServedResponse]]

_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/feedback-loop/simulate")

USE_CASE = "customer_support"
# The system prompt version of canned answers; a responder's answers name their own.
SYSTEM_PROMPT_VERSION = INITIAL_PROMPT_VERSION
CANNED_MODEL_VERSION = "sim-canned-v1"
# The ground-truth key of interactions served without an adapter.
BASE_ARM = "base"

# Sessions start early enough that every on-time event of the session (at most three interactions two
# minutes apart, feedback within ten minutes, reading capped at five minutes) still falls within the day.
_SESSION_WINDOW_S = 86_400 - 1_800
_MAX_INTERACTIONS_PER_SESSION = 3


@dataclass(frozen=True)
class _Turn:
    """One planned interaction: who asks what, when."""

    index: int
    interaction_id: str
    session_id: str
    user_id: str
    question: Any
    """The world's question: what the user asked (``prompt``) and what only the world knows about it."""
    at: datetime

    @property
    def prompt(self) -> str:
        return self.question.prompt


def _uuid(seed: int, day: date, *parts: object) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(str(p) for p in (seed, day.isoformat(), *parts))))


def _timestamp(at: datetime) -> str:
    return at.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _plan(world: World, rng: random.Random, seed: int, day: date, n_interactions: int) -> list[_Turn]:
    """Sessions of one to three questions from a pool of recurring users, spread over the day."""
    midnight = datetime.combine(day, time(0), tzinfo=UTC)
    user_pool = max(10, n_interactions // 3)
    turns: list[_Turn] = []
    session = 0
    while len(turns) < n_interactions:
        user_id = f"sim-user-{rng.randrange(user_pool):04d}"
        session_id = _uuid(seed, day, "session", session)
        at = midnight + timedelta(seconds=rng.uniform(0, _SESSION_WINDOW_S))
        for _ in range(min(rng.randint(1, _MAX_INTERACTIONS_PER_SESSION), n_interactions - len(turns))):
            index = len(turns)
            question = world.question(rng, day)
            turns.append(_Turn(index, _uuid(seed, day, "interaction", index), session_id, user_id, question, at))
            at += timedelta(seconds=rng.uniform(20, 120))
        session += 1
    return turns


@dataclass(frozen=True)
class _Answer:
    """What the assistant said to one turn, which model and system prompt said it, and what kind of answer it
    really was."""

    text: str
    kind: str
    model_version: str
    adapter_version: str | None
    system_prompt_version: str
    shadow: ShadowAnswer | None = None
    """A shadow challenger's answer to the same request: recorded, never shown."""


def _canned(
    world: World,
    turns: list[_Turn],
    rng: random.Random,
    kinds: Mapping[str, float] | None,
    model_version: str,
    adapter_version: str | None,
) -> list[_Answer]:
    """Canned answers: drawn like the pretraining corpus, or of kinds drawn from ``kinds`` when given."""
    answers = []
    for turn in turns:
        text, kind = world.canned(turn.question, rng, kinds)
        answers.append(_Answer(text, kind, model_version, adapter_version, SYSTEM_PROMPT_VERSION))
    return answers


def _check_served(index: int, served: object) -> ServedResponse:
    """``served`` if it is a ServedResponse that makes a valid interaction event; a clear error otherwise."""
    if not isinstance(served, ServedResponse):
        raise ValueError(f"responder response {index}: expected a ServedResponse, got {type(served).__name__}")
    if not isinstance(served.text, str):
        raise ValueError(f"responder response {index}: field 'text' must be a str, got {served.text!r}")
    if not isinstance(served.model_version, str) or not served.model_version:
        raise ValueError(
            f"responder response {index}: field 'model_version' must be a non-empty str, got {served.model_version!r}"
        )
    if served.adapter_version is not None and (
        not isinstance(served.adapter_version, str) or not served.adapter_version
    ):
        raise ValueError(
            f"responder response {index}: field 'adapter_version' must be None or a non-empty str, "
            f"got {served.adapter_version!r}"
        )
    if not isinstance(served.system_prompt_version, str) or not served.system_prompt_version:
        raise ValueError(
            f"responder response {index}: field 'system_prompt_version' must be a non-empty str, "
            f"got {served.system_prompt_version!r}"
        )
    return served


def _served(world: World, turns: list[_Turn], responder: Responder) -> list[_Answer]:
    """The responder's answers to every turn's request, judged by the world."""
    if not turns:
        return []
    requests = [
        ChatRequest(
            turn.prompt,
            turn.user_id,
            turn.session_id,
            user_segment=world.context_of(turn.user_id),
            interaction_id=turn.interaction_id,
        )
        for turn in turns
    ]
    served = list(responder(requests))
    if len(served) != len(turns):
        raise ValueError(f"responder returned {len(served)} responses for {len(turns)} requests")
    answers = []
    for index, (turn, item) in enumerate(zip(turns, served, strict=True)):
        item = _check_served(index, item)
        kind = world.classify(turn.question, item.text)
        if item.shadow is not None and not isinstance(item.shadow, ShadowAnswer):
            raise ValueError(
                f"responder response {index}: field 'shadow' must be a ShadowAnswer or None, got {item.shadow!r}"
            )
        answers.append(
            _Answer(item.text, kind, item.model_version, item.adapter_version, item.system_prompt_version, item.shadow)
        )
    return answers


def _shadow_events(world: World, seed: int, day: date, turns: list[_Turn], answers: list[_Answer]) -> list[str]:
    """The shadow events of the day as JSON lines: per shadowed turn, an interaction event in the shadow stream
    with the live interaction's ids and prompt, and the shadow's answer, adapter version, latency and tokens."""
    lines = []
    for turn, answer in zip(turns, answers, strict=True):
        shadow = answer.shadow
        if shadow is None:
            continue
        event = _answer_event(
            world,
            turn,
            _uuid(seed, day, "shadow", turn.index),
            # Nobody reacts to it, so its kind is never judged.
            _Answer(shadow.text, "unseen", answer.model_version, shadow.adapter_version, answer.system_prompt_version),
            round(shadow.latency_ms, 1),
            shadow.completion_tokens,
        )
        lines.append(json.dumps(event, ensure_ascii=False))
    return lines


def _interaction_event(world: World, turn: _Turn, answer: _Answer, event_id: str, rng: random.Random) -> dict:
    completion_tokens = len(answer.text.split())
    latency_ms = round(200 + 15 * completion_tokens + rng.uniform(0, 300), 1)
    return _answer_event(world, turn, event_id, answer, latency_ms, completion_tokens)


def _answer_event(
    world: World, turn: _Turn, event_id: str, answer: _Answer, latency_ms: float, completion_tokens: int
) -> dict:
    """The interaction event of ``answer`` to ``turn``."""
    event = {
        "schema_version": SCHEMA_VERSION,
        "event_id": event_id,
        "event_type": "interaction",
        "timestamp": _timestamp(turn.at),
        "interaction_id": turn.interaction_id,
        "session_id": turn.session_id,
        "user_id": turn.user_id,
        "use_case": USE_CASE,
        "user_segment": world.context_of(turn.user_id),
        "prompt": turn.prompt,
        "system_prompt_version": answer.system_prompt_version,
        "response": answer.text,
        "model_version": answer.model_version,
        "latency_ms": latency_ms,
        "prompt_tokens": len(turn.prompt.split()),
        "completion_tokens": completion_tokens,
    }
    if answer.adapter_version is not None:
        event["adapter_version"] = answer.adapter_version
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


@dataclass(frozen=True)
class GroundTruth:
    """What only the simulator knows about a group of interactions: how many got a thumb and a thumbs up, what
    kinds of answers they really were, and how many were exact copies of a text of the base model's corpus."""

    interactions: int
    thumbs: int
    thumbs_up: int
    responses_by_kind: dict[str, int]
    corpus_copies: int = 0
    expected_thumbs_up: float = 0.0
    """The thumbs up these answers earn in expectation (the world's reactions, not this day's draws)."""
    expected_thumbs: float = 0.0

    @property
    def exact_copy_share(self) -> float:
        """Answers that are exact copies of a corpus text / interactions; 0.0 without interactions."""
        return self.corpus_copies / self.interactions if self.interactions else 0.0

    @property
    def thumbs_up_rate(self) -> float:
        """Thumbs up / interactions with a thumb, the definition of ``kpi_daily`` and the A/B test; 0.0 without
        thumbs."""
        return self.thumbs_up / self.thumbs if self.thumbs else 0.0

    @property
    def expected_thumbs_up_rate(self) -> float | None:
        """Expected thumbs up / expected thumbs: the rate these answers earn from these users, without the luck of
        the day's thumbs (which the A/B test decided on, so a lucky canary had a lucky realized rate too); None
        without interactions."""
        return self.expected_thumbs_up / self.expected_thumbs if self.expected_thumbs else None

    @property
    def thumbs_up_per_interaction(self) -> float:
        """Thumbs up / interactions: another figure, hence another name; 0.0 without interactions."""
        return self.thumbs_up / self.interactions if self.interactions else 0.0

    def as_dict(self) -> dict:
        return {
            **asdict(self),
            "thumbs_up_rate": self.thumbs_up_rate,
            "thumbs_up_per_interaction": self.thumbs_up_per_interaction,
            "exact_copy_share": self.exact_copy_share,
        }


@dataclass
class _Tally:
    """The ground truth of a group of interactions, as it is counted."""

    interactions: int = 0
    thumbs: int = 0
    thumbs_up: int = 0
    corpus_copies: int = 0
    kinds: Counter = field(default_factory=Counter)
    expected_thumbs_up: float = 0.0
    expected_thumbs: float = 0.0

    def add(self, kind: str, thumb: str | None, corpus_copy: bool, expected: tuple[float, float]) -> None:
        self.interactions += 1
        self.expected_thumbs_up += expected[0]
        self.expected_thumbs += expected[1]
        self.thumbs += thumb is not None
        self.thumbs_up += thumb == "up"
        self.corpus_copies += corpus_copy
        self.kinds[kind] += 1

    def truth(self, kinds: tuple[str, ...]) -> GroundTruth:
        return GroundTruth(
            self.interactions,
            self.thumbs,
            self.thumbs_up,
            {kind: self.kinds[kind] for kind in kinds},
            self.corpus_copies,
            self.expected_thumbs_up,
            self.expected_thumbs,
        )


@dataclass(frozen=True)
class SimulatedDay:
    """What :func:`simulate_day` wrote, and the ground truth no event carries."""

    path: Path
    late_path: Path | None
    """The next day's file of this day's late events; None when there were none."""
    feedback_events: int
    """Feedback events, on time and late."""
    behaviour_events: int
    """Behaviour events, on time and late."""
    late_events: int
    invalid_lines: int
    shadow_path: Path | None
    """The day's file of shadow events; None when no answer carried a shadow answer."""
    shadow_events: int
    total: GroundTruth
    by_adapter: dict[str, GroundTruth]
    """Keyed by adapter version, :data:`BASE_ARM` for interactions served without one."""
    by_segment: dict[str, GroundTruth]
    """Keyed by user segment, every segment present."""

    @property
    def interactions(self) -> int:
        return self.total.interactions

    @property
    def thumbs_up(self) -> int:
        """Interactions whose feedback (on time or late) was a thumbs up."""
        return self.total.thumbs_up

    @property
    def thumbs(self) -> int:
        """Interactions whose feedback (on time or late) was a thumb, up or down."""
        return self.total.thumbs

    @property
    def thumbs_up_rate(self) -> float:
        """Thumbs up / interactions with a thumb (see :class:`GroundTruth`)."""
        return self.total.thumbs_up_rate

    @property
    def responses_by_kind(self) -> dict[str, int]:
        return self.total.responses_by_kind

    def as_dict(self) -> dict:
        """The counts and the truth as JSON-ready values."""
        return {
            "path": str(self.path),
            "late_path": None if self.late_path is None else str(self.late_path),
            "interactions": self.interactions,
            "feedback_events": self.feedback_events,
            "behaviour_events": self.behaviour_events,
            "late_events": self.late_events,
            "invalid_lines": self.invalid_lines,
            "shadow_path": None if self.shadow_path is None else str(self.shadow_path),
            "shadow_events": self.shadow_events,
            **self.total.as_dict(),
            "by_adapter": {arm: truth.as_dict() for arm, truth in self.by_adapter.items()},
            "by_segment": {segment: truth.as_dict() for segment, truth in self.by_segment.items()},
        }


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
    write_text_atomic(path, "".join(line + "\n" for line in lines))


def _check_args(day: date, n_interactions: int, late_fraction: float, invalid_lines: int) -> None:
    if not isinstance(day, date) or isinstance(day, datetime):
        raise ValueError(f"simulate_day: field 'day' must be a datetime.date, got {day!r}")
    if not isinstance(n_interactions, int) or n_interactions < 0:
        raise ValueError(f"simulate_day: field 'n_interactions' must be an int >= 0, got {n_interactions!r}")
    if not 0.0 <= late_fraction <= 1.0:
        raise ValueError(f"simulate_day: field 'late_fraction' must be within [0, 1], got {late_fraction!r}")
    if not isinstance(invalid_lines, int) or invalid_lines < 0:
        raise ValueError(f"simulate_day: field 'invalid_lines' must be an int >= 0, got {invalid_lines!r}")


class _DayLog:
    """The day's events as they are made: ids numbered in order, feedback and behaviour events moved to the next
    day with probability ``late_fraction`` (a timestamp then drawn within that day)."""

    def __init__(self, seed: int, day: date, late_fraction: float, rng: random.Random):
        self.seed, self.day, self.late_fraction, self.rng = seed, day, late_fraction, rng
        self.next_midnight = datetime.combine(day + timedelta(days=1), time(0), tzinfo=UTC)
        self.count = 0
        self.on_time: list[tuple[datetime, int, dict]] = []
        self.late: list[tuple[datetime, int, dict]] = []

    def next_id(self) -> str:
        self.count += 1
        return _uuid(self.seed, self.day, "event", self.count)

    def emit(self, event: dict, at: datetime, may_be_late: bool) -> None:
        """Keep ``event`` (whose id was the last one drawn) on time, or late if it may be and the draw says so."""
        if may_be_late and self.rng.random() < self.late_fraction:
            at = self.next_midnight + timedelta(milliseconds=self.rng.randrange(86_400_000))
            event["timestamp"] = _timestamp(at)
            self.late.append((at, self.count, event))
        else:
            self.on_time.append((at, self.count, event))

    def events(self) -> list[dict]:
        return [event for _, _, event in self.on_time + self.late]

    @staticmethod
    def lines(events: list[tuple[datetime, int, dict]]) -> list[str]:
        """The events as JSON lines in time order (ties in the order they were made)."""
        return [json.dumps(event, ensure_ascii=False) for _, _, event in sorted(events, key=lambda e: e[:2])]


def _react(
    world: World, turns: list[_Turn], answers: list[_Answer], log: _DayLog, rng: random.Random
) -> dict[str, _Tally]:
    """Each turn's interaction event and its user's reactions into ``log``; the tallies of the ground truth:
    ``total``, ``adapter:<arm>`` per serving arm and ``segment:<name>`` per user segment."""
    tallies = {"total": _Tally(), **{f"segment:{segment.name}": _Tally() for segment in world.segments}}
    for turn, answer in zip(turns, answers, strict=True):
        segment = world.segment_of(turn.user_id)
        reaction = world.reaction(segment, answer.kind)
        log.emit(_interaction_event(world, turn, answer, log.next_id(), rng), turn.at, False)
        signals = world.feedback_signals(reaction, turn.question, turn.user_id, rng)
        if signals:
            at = turn.at + timedelta(seconds=rng.uniform(5, 600))
            log.emit({**_envelope(turn, "feedback", log.next_id(), at), **signals}, at, True)
        reading_ms = reading_time_ms(answer.text, reaction, segment, rng)
        at = turn.at + timedelta(milliseconds=reading_ms + rng.uniform(0, 5000))
        behaviour = {
            **_envelope(turn, "behaviour", log.next_id(), at),
            "reading_time_ms": reading_ms,
            "action": _pick(rng, reaction.actions),
            "outcome": _pick(rng, reaction.outcomes),
        }
        log.emit(behaviour, at, True)
        arm = BASE_ARM if answer.adapter_version is None else answer.adapter_version
        copy = world.is_corpus_copy(answer.text)
        expected = world.expected_thumbs(turn.question, answer.text, turn.user_id)
        for key in ("total", f"adapter:{arm}", f"segment:{segment.name}"):
            tallies.setdefault(key, _Tally()).add(answer.kind, signals.get("thumb"), copy, expected)
    return tallies


def _with_broken_lines(
    world: World, lines: list[str], count: int, log: _DayLog, canned: _Answer, rng: random.Random
) -> list[str]:
    """``lines`` with ``count`` broken lines inserted at random places, cycling through :data:`_BREAKERS`.

    Each starts from a valid interaction of its own (answered ``canned``), so it never collides with a real event.
    """
    noon = datetime.combine(log.day, time(12), tzinfo=UTC)
    question = world.example()[0]
    lines = list(lines)
    for index in range(count):
        turn = _Turn(
            -1,
            _uuid(log.seed, log.day, "invalid", index),
            _uuid(log.seed, log.day, "invalid-session", index),
            "sim-user-invalid",
            question,
            noon,
        )
        valid = _interaction_event(world, turn, canned, log.next_id(), rng)
        lines.insert(rng.randint(0, len(lines)), _BREAKERS[index % len(_BREAKERS)](valid))
    return lines


def _write_day(landing_dir: str | Path, log: _DayLog, lines: list[str]) -> tuple[Path, Path | None]:
    """Write the day's file and the next day's file of late events; their paths (None: no late events)."""
    path = Path(landing_dir) / log.day.isoformat() / f"sim-{log.seed}.jsonl"
    _write_lines(path, lines)
    late_path = Path(landing_dir) / (log.day + timedelta(days=1)).isoformat() / f"sim-{log.seed}-late.jsonl"
    if log.late:
        _write_lines(late_path, log.lines(log.late))
        return path, late_path
    # This day owns its late file: a re-run without late events must not leave an old one behind.
    late_path.unlink(missing_ok=True)
    return path, None


def simulate_day(
    landing_dir: str | Path,
    day: date,
    n_interactions: int,
    seed: int,
    *,
    responder: Responder | None = None,
    canned_kinds: Mapping[str, float] | None = None,
    late_fraction: float = 0.1,
    invalid_lines: int = 0,
    model_version: str | None = None,
    adapter_version: str | None = None,
    shadow_dir: str | Path | None = None,
    world: World = LOOKUP_WORLD,
) -> SimulatedDay:
    """Write one simulated day of telemetry under ``landing_dir``; returns what was written and the truth.

    ``responder(requests) -> served responses`` answers the day's :class:`ChatRequest` (raw user questions, not
    formatted, with the user and session ids so it can route each user to an arm, and the user's segment) in
    one batch; every interaction records the ``model_version``, ``adapter_version`` and
    ``system_prompt_version`` of its :class:`ServedResponse`. Without a responder, canned answers are drawn like
    the pretraining corpus (what the base model learned), or of the kinds of ``canned_kinds`` (kind -> weight)
    when given; they record ``model_version`` (default :data:`CANNED_MODEL_VERSION`), ``adapter_version``
    (default None) and :data:`SYSTEM_PROMPT_VERSION`, which a responder's answers name themselves.

    Shadow answers attached to the responder's answers go to ``shadow_dir`` (see the module docstring), which
    must then be given; the day's shadow file is replaced whole, and removed when the day has none.

    ``world`` says what users ask, how answers are judged and how users react (``feedback_loop.simulate.worlds``).
    """
    _check_args(day, n_interactions, late_fraction, invalid_lines)
    if responder is not None and (model_version, adapter_version, canned_kinds) != (None, None, None):
        raise ValueError(
            "simulate_day: fields 'model_version', 'adapter_version' and 'canned_kinds' apply to canned answers "
            "only; a responder's ServedResponse names its own model and adapter"
        )
    canned_model = CANNED_MODEL_VERSION if model_version is None else model_version
    streams = {
        name: random.Random(f"sim:{seed}:{day.isoformat()}:{name}")
        for name in ("plan", "respond", "react", "late", "invalid")
    }
    turns = _plan(world, streams["plan"], seed, day, n_interactions)
    if responder is None:
        answers = _canned(world, turns, streams["respond"], canned_kinds, canned_model, adapter_version)
    else:
        answers = _served(world, turns, responder)

    log = _DayLog(seed, day, late_fraction, streams["late"])
    tallies = _react(world, turns, answers, log, streams["react"])
    _, example_text, example_kind = world.example()
    canned = _Answer(example_text, example_kind, canned_model, adapter_version, SYSTEM_PROMPT_VERSION)
    lines = _with_broken_lines(world, log.lines(log.on_time), invalid_lines, log, canned, streams["invalid"])
    path, late_path = _write_day(landing_dir, log, lines)
    shadow_lines = _shadow_events(world, seed, day, turns, answers)
    shadow_path = None
    if shadow_lines and shadow_dir is None:
        raise ValueError(
            f"simulate_day: {len(shadow_lines)} answers carry a shadow answer but field 'shadow_dir' is None; "
            "give the folder of the shadow events"
        )
    if shadow_dir is not None:
        shadow_path = Path(shadow_dir) / day.isoformat() / f"sim-{seed}.jsonl"
        if shadow_lines:
            _write_lines(shadow_path, shadow_lines)
        else:
            shadow_path.unlink(missing_ok=True)
            shadow_path = None

    events = log.events()
    return SimulatedDay(
        path=path,
        late_path=late_path,
        feedback_events=sum(e["event_type"] == "feedback" for e in events),
        behaviour_events=sum(e["event_type"] == "behaviour" for e in events),
        late_events=len(log.late),
        invalid_lines=invalid_lines,
        shadow_path=shadow_path,
        shadow_events=len(shadow_lines),
        total=tallies["total"].truth(world.kinds),
        by_adapter={
            key.removeprefix("adapter:"): tallies[key].truth(world.kinds)
            for key in sorted(tallies)
            if key.startswith("adapter:")
        },
        by_segment={segment.name: tallies[f"segment:{segment.name}"].truth(world.kinds) for segment in world.segments},
    )
