"""One quality label per interaction, from the feedback and behaviour events that refer to it.

Signals are joined to interactions by ``interaction_id`` whatever partition they landed in, because feedback
often arrives days after the answer it is about. Each interaction gets:

* the aggregated signals (latest thumb, rating, correction, comment and outcome; all flags; all actions in
  time order; the longest reading time; event counts);
* a quality label (``good``/``bad``/``unknown``) with a confidence and the kind of evidence it rests on:
  ``explicit`` (what the user said), ``rule`` (what the user did) or ``none``;
* derived facts (task success, escalation, offensiveness, comment sentiment);
* whether a person should review it, with the reasons, when the evidence disagrees or the response looks
  offensive.

Precedence: explicit signals decide the label whenever one of them expresses a judgement; behaviour only
labels interactions nobody judged explicitly, with lower confidence. The confidences are the named constants
below, chosen so that the curation default (``min_confidence=0.7``) takes agreeing explicit labels and nothing
that needs review.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from feedback_loop.label.lexicons import is_offensive, sentiment_score
from feedback_loop.schema import events_arrow_schema

# --- confidences ------------------------------------------------------------------------------
EXPLICIT_CONFIDENCE = 0.8  # one explicit judgement (a thumb, a decisive rating, a correction or a flag)
EXPLICIT_CONFIDENCE_STEP = 0.05  # added for each further judgement that agrees
EXPLICIT_MAX_CONFIDENCE = 0.95
EXPLICIT_CONFLICT_CONFIDENCE = 0.4  # the majority side of explicit judgements that disagree
CONTRADICTED_CONFIDENCE = 0.5  # cap for an explicit label that the user's behaviour strongly contradicts
IMPLICIT_CONFIDENCE = 0.6  # one clear behavioural rule (adopted and succeeded; retried; escalated; abandoned)
IMPLICIT_CORROBORATED_CONFIDENCE = 0.7  # several negative cues, or a retry after barely reading the answer
IMPLICIT_WEAK_CONFIDENCE = 0.4  # half of the positive rule (adopted, or succeeded, but not both)
IMPLICIT_MIXED_CONFIDENCE = 0.2  # the majority side of behaviour that points both ways

# --- thresholds -------------------------------------------------------------------------------
GOOD_RATING = 4  # ratings at or above are a good judgement
BAD_RATING = 2  # ratings at or below are a bad judgement; between is neutral
SHORT_READ_MS = 2000.0  # a retry after reading for less than this is a quick rejection

# --- review reason codes (see feedback_loop.label.review for their priorities) ------------------
REVIEW_OFFENSIVE = "offensive_response"
REVIEW_EXPLICIT_CONFLICT = "explicit_conflict"
REVIEW_EXPLICIT_VS_BEHAVIOUR = "explicit_vs_behaviour"
REVIEW_MIXED_IMPLICIT = "mixed_implicit"
REVIEW_SAFETY_FLAG = "safety_flag"
# Set when the rules are combined with the learned model (feedback_loop.label.combine).
REVIEW_RULE_VS_MODEL = "rule_vs_model"
REVIEW_LOW_CONFIDENCE = "low_confidence"
# User flags a person must see, whatever the label: the response may hurt someone or leak personal data.
SAFETY_FLAGS = frozenset({"offensive", "harmful", "privacy"})

# Interaction columns copied to each label row unchanged.
INTERACTION_COLUMNS: tuple[str, ...] = (
    "interaction_id",
    "timestamp",
    "session_id",
    "user_id",
    "use_case",
    "user_segment",
    "prompt",
    "system_prompt_version",
    "response",
    "model_version",
    "adapter_version",
    "latency_ms",
    "prompt_tokens",
    "completion_tokens",
)
# The event columns an interaction is read from; labeling reads only these of the interaction events.
INTERACTION_EVENT_COLUMNS: tuple[str, ...] = ("event_id", "event_type", *INTERACTION_COLUMNS)

SIGNAL_EVENT_TYPES = ("feedback", "behaviour")
# The event columns a signal is read from; labeling reads only these of the feedback and behaviour events.
SIGNAL_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_type",
    "timestamp",
    "interaction_id",
    "thumb",
    "rating",
    "correction",
    "comment",
    "flag",
    "action",
    "outcome",
    "reading_time_ms",
)
_ADOPTION_ACTIONS = ("accept", "copy")
_SUCCESS_OUTCOMES = ("resolved", "converted")
_FAILURE_OUTCOMES = ("escalated", "abandoned")


def first_of_each_interaction(ordered: pa.Table) -> pa.Table:
    """The first row of each interaction id in ``ordered``, in its order (none of an empty table)."""
    first: dict[str, int] = {}
    for index, interaction_id in enumerate(ordered["interaction_id"].to_pylist()):
        first.setdefault(interaction_id, index)
    return ordered.take(pa.array(sorted(first.values()), pa.int64()))


def labels_arrow_schema() -> pa.Schema:
    """The pyarrow schema of the ``labels`` table that :func:`label_interactions` returns."""
    events = events_arrow_schema()
    string, strings = pa.string(), pa.list_(pa.string())
    timestamp = pa.timestamp("us", tz="UTC")
    return pa.schema(
        [events.field(column) for column in INTERACTION_COLUMNS]
        + [
            pa.field("thumb", string),
            pa.field("rating", pa.int32()),
            pa.field("correction", string),
            pa.field("flags", strings),
            pa.field("comment", string),
            pa.field("reading_time_ms", pa.float64()),
            pa.field("actions", strings),
            pa.field("outcome", string),
            pa.field("n_feedback_events", pa.int64()),
            pa.field("n_behaviour_events", pa.int64()),
            pa.field("last_signal_at", timestamp),
            pa.field("quality", string),
            pa.field("quality_confidence", pa.float64()),
            pa.field("quality_source", string),
            pa.field("task_success", pa.bool_()),
            pa.field("escalated", pa.bool_()),
            pa.field("offensive", pa.bool_()),
            pa.field("sentiment", string),
            pa.field("sentiment_score", pa.float64()),
            pa.field("needs_review", pa.bool_()),
            pa.field("review_codes", strings),
            pa.field("review_reason", string),
            pa.field("model_good_probability", pa.float64()),
            pa.field("label_model_version", string),
            pa.field("reviewer", string),
            pa.field("reviewed_at", timestamp),
        ]
    )


@dataclass
class SignalSummary:
    """What the feedback and behaviour events of one interaction add up to."""

    thumb: str | None = None
    rating: int | None = None
    correction: str | None = None
    comment: str | None = None
    outcome: str | None = None
    flags: set[str] = field(default_factory=set)
    actions: list[str] = field(default_factory=list)
    outcomes_seen: set[str] = field(default_factory=set)
    reading_time_ms: float | None = None
    n_feedback_events: int = 0
    n_behaviour_events: int = 0
    last_signal_at: datetime | None = None

    def add(self, event: dict) -> None:
        """Fold in one signal event; events must come in time order so that later values win."""
        if event["event_type"] == "feedback":
            self.n_feedback_events += 1
            for name in ("thumb", "rating", "correction", "comment"):
                if event[name] is not None:
                    setattr(self, name, event[name])
            if event["flag"] is not None:
                self.flags.add(event["flag"])
        else:
            self.n_behaviour_events += 1
            if event["action"] is not None:
                self.actions.append(event["action"])
            if event["outcome"] is not None:
                self.outcome = event["outcome"]
                self.outcomes_seen.add(event["outcome"])
            if event["reading_time_ms"] is not None:
                self.reading_time_ms = max(self.reading_time_ms or 0.0, event["reading_time_ms"])
        self.last_signal_at = event["timestamp"]

    @property
    def escalated(self) -> bool:
        """Whether the user escalated, by action or by outcome, at any point."""
        return "escalate" in self.actions or "escalated" in self.outcomes_seen

    @property
    def task_success(self) -> bool | None:
        """Whether the latest outcome says the task succeeded; None without an outcome that says either."""
        if self.outcome in _SUCCESS_OUTCOMES:
            return True
        if self.outcome in _FAILURE_OUTCOMES:
            return False
        return None


@dataclass(frozen=True)
class Judgement:
    """A quality label, how sure it is, what it rests on, and why it should be reviewed (if it should)."""

    quality: str
    confidence: float
    source: str
    review: tuple[tuple[str, str], ...] = ()  # (code, human-readable reason)

    def with_review(self, code: str, reason: str, *, cap_confidence: float | None = None) -> Judgement:
        confidence = self.confidence if cap_confidence is None else min(self.confidence, cap_confidence)
        return Judgement(self.quality, confidence, self.source, (*self.review, (code, reason)))


UNKNOWN = Judgement("unknown", 0.0, "none")


def normalise_text(text: str) -> str:
    """``text`` with runs of whitespace collapsed to one space and the ends stripped (the comparison key)."""
    return " ".join(text.split())


def explicit_votes(signals: SignalSummary) -> list[tuple[str, str]]:
    """The explicit judgements as (signal, 'good'|'bad'); a neutral rating or a comment is no judgement.

    A correction is a better answer, not a verdict on the response: it counts as a 'bad' vote only where the
    user judged the response no other way. Next to a thumb up or a good rating (annotators improve answers
    that people preferred), the response stays good and the correction still becomes the preferred target
    (curation: the correction over the response).
    """
    votes = []
    if signals.thumb is not None:
        votes.append((f"thumb {signals.thumb}", "good" if signals.thumb == "up" else "bad"))
    if signals.rating is not None and signals.rating >= GOOD_RATING:
        votes.append((f"rating {signals.rating}", "good"))
    elif signals.rating is not None and signals.rating <= BAD_RATING:
        votes.append((f"rating {signals.rating}", "bad"))
    if signals.correction is not None and not any(vote == "good" for _, vote in votes):
        votes.append(("correction", "bad"))  # the user had to write the answer they wanted, and said nothing else
    if signals.flags:
        votes.append((f"flag {','.join(sorted(signals.flags))}", "bad"))
    return votes


def judge_explicit(votes: list[tuple[str, str]]) -> Judgement:
    """Label from explicit judgements: agreement is confident, disagreement goes to review."""
    good = [name for name, vote in votes if vote == "good"]
    bad = [name for name, vote in votes if vote == "bad"]
    if not good or not bad:
        agreeing = len(votes)
        confidence = min(EXPLICIT_MAX_CONFIDENCE, EXPLICIT_CONFIDENCE + EXPLICIT_CONFIDENCE_STEP * (agreeing - 1))
        return Judgement("good" if good else "bad", confidence, "explicit")
    if len(good) == len(bad):
        judgement = Judgement("unknown", 0.0, "explicit")
    else:
        judgement = Judgement("good" if len(good) > len(bad) else "bad", EXPLICIT_CONFLICT_CONFIDENCE, "explicit")
    reason = f"conflicting explicit signals: {', '.join(good)} vs {', '.join(bad)}"
    return judgement.with_review(REVIEW_EXPLICIT_CONFLICT, reason)


def implicit_cues(signals: SignalSummary) -> tuple[list[str], list[str]]:
    """The behaviour that suggests the answer helped, and the behaviour that suggests it did not."""
    positive = [action for action in _ADOPTION_ACTIONS if action in signals.actions]
    if signals.outcome in _SUCCESS_OUTCOMES:
        positive.append(signals.outcome)
    negative = []
    if "retry" in signals.actions:
        negative.append("retry")
    if signals.escalated:
        negative.append("escalate")
    if signals.outcome == "abandoned":
        negative.append("abandoned")
    return positive, negative


def is_quick_retry(signals: SignalSummary) -> bool:
    """A retry after barely reading the answer: the user rejected it at a glance."""
    return (
        "retry" in signals.actions and signals.reading_time_ms is not None and signals.reading_time_ms < SHORT_READ_MS
    )


def judge_implicit(signals: SignalSummary) -> Judgement:
    """Label from behaviour alone, for interactions nobody judged explicitly."""
    positive, negative = implicit_cues(signals)
    if positive and negative:
        if len(positive) == len(negative):
            judgement = Judgement("unknown", 0.0, "rule")
        else:
            quality = "good" if len(positive) > len(negative) else "bad"
            judgement = Judgement(quality, IMPLICIT_MIXED_CONFIDENCE, "rule")
        reason = f"mixed implicit signals: {', '.join(positive)} vs {', '.join(negative)}"
        return judgement.with_review(REVIEW_MIXED_IMPLICIT, reason)
    if positive:
        adopted = any(cue in _ADOPTION_ACTIONS for cue in positive)
        succeeded = any(cue in _SUCCESS_OUTCOMES for cue in positive)
        confidence = IMPLICIT_CONFIDENCE if adopted and succeeded else IMPLICIT_WEAK_CONFIDENCE
        return Judgement("good", confidence, "rule")
    if negative:
        corroborated = len(negative) > 1 or is_quick_retry(signals)
        confidence = IMPLICIT_CORROBORATED_CONFIDENCE if corroborated else IMPLICIT_CONFIDENCE
        return Judgement("bad", confidence, "rule")
    return UNKNOWN


def strong_behaviour(signals: SignalSummary) -> tuple[str, str] | None:
    """('good'|'bad', evidence) when behaviour alone is strong enough to contradict an explicit label.

    Escalating or abandoning is strongly bad; adopting the answer and succeeding, with nothing negative,
    is strongly good. A retry alone is not: users also retry to compare answers they liked.
    """
    positive, negative = implicit_cues(signals)
    strong_negative = [cue for cue in negative if cue in ("escalate", "abandoned")]
    if strong_negative:
        return "bad", ", ".join(strong_negative)
    adopted = [cue for cue in positive if cue in _ADOPTION_ACTIONS]
    succeeded = [cue for cue in positive if cue in _SUCCESS_OUTCOMES]
    if adopted and succeeded and not negative:
        return "good", ", ".join(adopted + succeeded)
    return None


def judge_quality(signals: SignalSummary) -> Judgement:
    """The quality label: explicit judgements win over behaviour; disagreement between them goes to review."""
    votes = explicit_votes(signals)
    if not votes:
        return judge_implicit(signals)
    judgement = judge_explicit(votes)
    behaviour = strong_behaviour(signals)
    if judgement.quality in ("good", "bad") and behaviour is not None and behaviour[0] != judgement.quality:
        reason = f"explicit {judgement.quality} contradicted by behaviour: {behaviour[1]}"
        judgement = judgement.with_review(REVIEW_EXPLICIT_VS_BEHAVIOUR, reason, cap_confidence=CONTRADICTED_CONFIDENCE)
    return judgement


def sentiment_label(score: float | None) -> str | None:
    """'positive', 'negative' or 'neutral' for a comment's sentiment score; None without a comment."""
    if score is None:
        return None
    if score > 0:
        return "positive"
    if score < 0:
        return "negative"
    return "neutral"


def label_interactions(
    interactions: pa.Table, signals: pa.Table, *, offensive_lexicon: str | Path | None = None
) -> pa.Table:
    """One label row per interaction (schema :func:`labels_arrow_schema`), sorted by timestamp and id.

    ``interactions`` are ``interaction`` event rows (one day's partition; only :data:`INTERACTION_EVENT_COLUMNS`
    are read).
    ``signals`` are feedback and behaviour event rows from any partitions (only :data:`SIGNAL_COLUMNS` are read);
    ``interaction`` rows among them are ignored so that the whole events table may be passed, as are signals
    about other interactions. A signal
    event_id seen more than once counts once. ``offensive_lexicon`` replaces the packaged offensive word list.
    """
    interaction_rows = _interaction_rows(interactions)
    summaries = _summarise_signals(signals, set(interaction_rows))
    rows = [
        _label_row(interaction, summaries.get(interaction_id, SignalSummary()), offensive_lexicon)
        for interaction_id, interaction in interaction_rows.items()
    ]
    rows.sort(key=lambda row: (row["timestamp"], row["interaction_id"]))
    return pa.Table.from_pylist(rows, schema=labels_arrow_schema())


def _label_row(interaction: dict, signals: SignalSummary, offensive_lexicon: str | Path | None) -> dict:
    """The label row of one interaction from its event row and its signal summary.

    A correction that is the response itself (up to whitespace) is no better answer: it is kept, but is no vote.
    """
    same_answer = signals.correction is not None and normalise_text(signals.correction) == normalise_text(
        interaction["response"]
    )
    judgement = judge_quality(replace(signals, correction=None) if same_answer else signals)
    flagged_offensive = "offensive" in signals.flags
    lexicon_offensive = is_offensive(interaction["response"], offensive_lexicon)
    if lexicon_offensive and not flagged_offensive:
        # A user's offensive flag already confirms it; an unconfirmed lexicon hit may be a false positive.
        judgement = judgement.with_review(REVIEW_OFFENSIVE, "response matches the offensive lexicon")
    safety_flags = sorted(signals.flags & SAFETY_FLAGS)
    if safety_flags:
        judgement = judgement.with_review(REVIEW_SAFETY_FLAG, f"user flagged the response: {', '.join(safety_flags)}")
    score = sentiment_score(signals.comment)
    return {
        **{column: interaction[column] for column in INTERACTION_COLUMNS},
        "thumb": signals.thumb,
        "rating": signals.rating,
        "correction": signals.correction,
        "flags": sorted(signals.flags),
        "comment": signals.comment,
        "reading_time_ms": signals.reading_time_ms,
        "actions": signals.actions,
        "outcome": signals.outcome,
        "n_feedback_events": signals.n_feedback_events,
        "n_behaviour_events": signals.n_behaviour_events,
        "last_signal_at": signals.last_signal_at,
        "quality": judgement.quality,
        "quality_confidence": round(judgement.confidence, 6),
        "quality_source": judgement.source,
        "task_success": signals.task_success,
        "escalated": signals.escalated,
        "offensive": flagged_offensive or lexicon_offensive,
        "sentiment": sentiment_label(score),
        "sentiment_score": score,
        "needs_review": bool(judgement.review),
        "review_codes": [code for code, _ in judgement.review],
        "review_reason": "; ".join(reason for _, reason in judgement.review) or None,
        "model_good_probability": None,
        "label_model_version": None,
        "reviewer": None,
        "reviewed_at": None,
    }


def _conform(table: pa.Table, name: str, columns: tuple[str, ...]) -> pa.Table:
    """``table``'s event ``columns`` cast to the warehouse event schema; a clear error when that is impossible."""
    events = events_arrow_schema()
    schema = pa.schema([events.field(column) for column in columns])
    missing = [column for column in columns if column not in table.column_names]
    if missing:
        raise ValueError(f"the {name} table lacks the event columns {missing}")
    try:
        return table.select(list(columns)).cast(schema)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
        raise ValueError(f"{name} does not fit the event schema: {exc}") from exc


def _interaction_rows(interactions: pa.Table) -> dict[str, dict]:
    """The interaction event rows by interaction_id, checked: one interaction event per id."""
    rows: dict[str, dict] = {}
    for row in _conform(interactions, "interactions", INTERACTION_EVENT_COLUMNS).to_pylist():
        if row["event_type"] != "interaction":
            raise ValueError(
                f"interactions: event {row['event_id']!r} has event_type {row['event_type']!r}, expected 'interaction'"
            )
        for column in ("event_id", "interaction_id", "timestamp"):
            if row[column] is None:
                raise ValueError(f"interactions: event {row['event_id']!r} has no {column}")
        previous = rows.get(row["interaction_id"])
        if previous is not None and previous["event_id"] != row["event_id"]:
            raise ValueError(
                f"interactions: interaction_id {row['interaction_id']!r} is used by events "
                f"{previous['event_id']!r} and {row['event_id']!r}"
            )
        rows[row["interaction_id"]] = row
    return rows


def _summarise_signals(signals: pa.Table, interaction_ids: set[str]) -> dict[str, SignalSummary]:
    """A :class:`SignalSummary` per interaction id of ``interaction_ids`` that has signals."""
    table = _conform(signals, "signals", SIGNAL_COLUMNS)
    wanted = pc.is_in(table["interaction_id"], value_set=pa.array(sorted(interaction_ids), pa.string()))
    table = table.filter(pc.fill_null(wanted, False))
    events = [event for event in table.to_pylist() if event["event_type"] != "interaction"]
    for event in events:
        _check_signal(event)
    # Time order makes later values win; the event_id tiebreak keeps equal timestamps deterministic.
    events.sort(key=lambda event: (event["timestamp"], event["event_id"]))
    summaries: dict[str, SignalSummary] = {}
    seen: set[str] = set()
    for event in events:
        if event["event_id"] in seen:
            continue  # the same event delivered twice (a retried upload) is one signal
        seen.add(event["event_id"])
        summaries.setdefault(event["interaction_id"], SignalSummary()).add(event)
    return summaries


def _check_signal(event: dict) -> None:
    """Raise a ValueError naming the event and field when a signal event cannot be interpreted."""
    event_id = event["event_id"]
    if event_id is None:
        raise ValueError(f"signals: an event about interaction {event['interaction_id']!r} has no event_id")
    if event["event_type"] not in SIGNAL_EVENT_TYPES:
        raise ValueError(
            f"signals: event {event_id!r} has event_type {event['event_type']!r}, expected one of {SIGNAL_EVENT_TYPES}"
        )
    if event["timestamp"] is None:
        raise ValueError(f"signals: event {event_id!r} has no timestamp")
    if event["thumb"] not in (None, "up", "down"):
        raise ValueError(f"signals: event {event_id!r} has thumb {event['thumb']!r}, expected 'up' or 'down'")
    if event["rating"] is not None and not 1 <= event["rating"] <= 5:
        raise ValueError(f"signals: event {event_id!r} has rating {event['rating']!r}, expected 1 to 5")
