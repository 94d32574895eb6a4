"""System prompts: versioned files, the recommendations that would change them, and applying one.

Versions. A system prompt version is ``<prompts dir>/<version>.json``: ``version``, ``text`` (the base system
prompt), ``segment_instructions`` (user segment -> extra instruction), ``parent``, ``created_at``,
``created_by`` and ``recommendation_id``. A version is never rewritten: writing the same content again keeps
the file, other content under an existing version name is an error. :data:`INITIAL_PROMPT_VERSION`, the
prompt the application has always used (empty text, so the model input stays exactly as in training), is
seeded on first use.

Lifecycle. Prompt versions go through the adapters' lifecycle (candidate -> canary -> champion | rejected, the
audit log, the approval policy) in a :class:`feedback_loop.registry.Registry` of their own, whose first
champion is the initial version (:func:`open_prompts`).

Recommendations. :func:`recommend` looks at labeled interactions served with one prompt version and proposes
a segment instruction only where a one-sided two-proportion test supports it (Bonferroni-corrected over the
tests it runs), with at least ``min_samples`` on both sides and a rate that many times the other's:

* ``length``: within a segment, answers over N completion tokens (N configured, or the segment's upper
  quartile) are rated down (thumb down, or rating <= 2) ``min_ratio`` times as often as shorter ones -> keep
  answers to about 0.75 N words or fewer;
* ``escalation``: a segment escalates ``min_escalation_ratio`` times as often as all other users together ->
  say what to do next and how to reach a person.

A person applies one (:func:`apply_recommendation`): it becomes a new version whose parent is the champion
prompt, registered as the canary, and the recommendation is marked applied with that version.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from feedback_loop.analytics.kpi import UNKNOWN_SEGMENT
from feedback_loop.files import exclusive_lock, write_json_atomic

if TYPE_CHECKING:
    import pyarrow as pa

    from feedback_loop.registry import Registry

INITIAL_PROMPT_VERSION = "support-v1"
RECOMMENDATIONS_FILE = "recommendations.json"
# The actor of registry changes made by the package itself (seeding), not by a person or an asset.
SEED_ACTOR = "feedback-loop"

KINDS = ("length", "escalation")
ESCALATION_INSTRUCTION = (
    "Start with the step that solves the request, and say clearly what to do next if it does not, "
    "including how to reach a person."
)

# Version names become file names; "recommendations" is the recommendations file.
_VERSION_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
_NUMBERED = re.compile(r"^(?P<stem>.+)-v(?P<number>\d+)$")
_FIELDS = ("version", "text", "segment_instructions", "parent", "created_at", "created_by", "recommendation_id")


class PromptError(ValueError):
    """A prompt version or recommendation that cannot be read, written or applied as asked."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _check_version_name(version: Any) -> str:
    if not isinstance(version, str) or not _VERSION_NAME.match(version) or version == Path(RECOMMENDATIONS_FILE).stem:
        raise PromptError(
            f"prompt version {version!r}: field 'version' must be letters, digits, '.', '_' or '-' (at most 100, "
            f"not starting with a symbol) and not {Path(RECOMMENDATIONS_FILE).stem!r}"
        )
    return version


@dataclass(frozen=True)
class PromptVersion:
    """One system prompt version as stored."""

    version: str
    text: str
    segment_instructions: dict[str, str]
    parent: str | None
    created_at: str
    created_by: str
    recommendation_id: str | None

    def system_text(self, segment: str | None) -> str:
        """What the model reads before a request of a user in ``segment``: the text, then the segment's
        instruction (empty when both are)."""
        instruction = self.segment_instructions.get(segment, "") if segment else ""
        return "\n".join(part for part in (self.text.strip(), instruction.strip()) if part)

    def content(self) -> dict:
        """What the version says, without when and by whom it was written."""
        return {
            "text": self.text,
            "segment_instructions": self.segment_instructions,
            "parent": self.parent,
            "recommendation_id": self.recommendation_id,
        }

    @classmethod
    def from_json(cls, obj: Any, source: str) -> PromptVersion:
        """Validate a stored version; an error names ``source`` and the field."""
        if not isinstance(obj, dict):
            raise PromptError(f"{source}: expected a JSON object, got {type(obj).__name__}")
        missing = [name for name in _FIELDS if name not in obj]
        if missing:
            raise PromptError(f"{source}: missing fields {missing}")
        _check_version_name(obj["version"])
        for name in ("text", "created_at", "created_by"):
            if not isinstance(obj[name], str):
                raise PromptError(f"{source}: field {name!r} must be a string, got {obj[name]!r}")
        for name in ("parent", "recommendation_id"):
            if obj[name] is not None and not isinstance(obj[name], str):
                raise PromptError(f"{source}: field {name!r} must be a string or null, got {obj[name]!r}")
        instructions = obj["segment_instructions"]
        if not isinstance(instructions, dict) or not all(
            isinstance(k, str) and k and isinstance(v, str) and v.strip() for k, v in instructions.items()
        ):
            raise PromptError(
                f"{source}: field 'segment_instructions' must map segment names to non-empty strings, got {instructions!r}"
            )
        return cls(**{name: obj[name] for name in _FIELDS})


class PromptStore:
    """Prompt version files under one folder (``<data root>/prompts``)."""

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)

    def path(self, version: str) -> Path:
        return self.directory / f"{_check_version_name(version)}.json"

    @property
    def recommendations_path(self) -> Path:
        return self.directory / RECOMMENDATIONS_FILE

    def get(self, version: str) -> PromptVersion:
        """The stored ``version``; :class:`PromptError` when there is no such file."""
        path = self.path(version)
        if not path.exists():
            raise PromptError(f"prompt version {version!r} does not exist (no {path})")
        prompt = PromptVersion.from_json(json.loads(path.read_text()), str(path))
        if prompt.version != version:
            raise PromptError(f"{path}: field 'version' says {prompt.version!r}, the file name {version!r}")
        return prompt

    def versions(self) -> list[PromptVersion]:
        """Every stored version, oldest first."""
        paths = sorted(self.directory.glob("*.json")) if self.directory.exists() else []
        prompts = [self.get(path.stem) for path in paths if path.name != RECOMMENDATIONS_FILE]
        return sorted(prompts, key=lambda prompt: (prompt.created_at, prompt.version))

    def write(self, prompt: PromptVersion) -> PromptVersion:
        """Store ``prompt`` (atomically); returns the stored version.

        Writing a version that exists with the same content keeps the stored file (and its ``created_at``);
        other content under an existing name is a :class:`PromptError`, because a version is never rewritten.
        """
        PromptVersion.from_json(asdict(prompt), f"prompt version {prompt.version!r}")
        path = self.path(prompt.version)
        if path.exists():
            stored = self.get(prompt.version)
            if stored.content() != prompt.content():
                changed = sorted(name for name, value in prompt.content().items() if stored.content()[name] != value)
                raise PromptError(
                    f"prompt version {prompt.version!r} exists with other {', '.join(changed)}; versions are never "
                    "rewritten, write the change under a new version"
                )
            return stored
        write_json_atomic(path, asdict(prompt))
        return prompt

    def seed(self) -> PromptVersion:
        """The initial version, written if missing."""
        initial = PromptVersion(INITIAL_PROMPT_VERSION, "", {}, None, _now(), SEED_ACTOR, None)
        return self.write(initial)

    def next_version(self, parent: str) -> str:
        """A new version name after ``parent``: its ``-vN`` stem with the next free number (``support-v2``)."""
        match = _NUMBERED.match(parent)
        stem = match["stem"] if match else parent
        taken = {prompt.version for prompt in self.versions()}
        numbers = [int(m["number"]) for m in map(_NUMBERED.match, taken) if m and m["stem"] == stem]
        number = max(numbers, default=1) + 1
        while f"{stem}-v{number}" in taken:
            number += 1
        return _check_version_name(f"{stem}-v{number}")


def open_prompts(directory: str | Path, registry: Registry) -> PromptStore:
    """The prompt store under ``directory``, seeded: the initial version's file, and in ``registry`` the
    initial version as the first champion."""
    store = PromptStore(directory)
    initial = store.seed()
    if registry.champion() is None:
        registry.register(
            initial.version,
            path=str(store.path(initial.version)),
            metrics={},
            lineage={"parent": None},
            actor=SEED_ACTOR,
        )
        registry.promote(initial.version, actor=SEED_ACTOR, reason="initial system prompt")
    return store


def champion_prompt(store: PromptStore, registry: Registry) -> PromptVersion:
    """The champion's prompt version (the registry must have a champion: see :func:`open_prompts`)."""
    record = registry.champion()
    if record is None:
        raise PromptError(f"the prompt registry at {registry.url} has no champion; open it with open_prompts()")
    return store.get(record.version)


# --- recommendations ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecommendationSpec:
    """When the data supports a recommendation."""

    long_answer_tokens: int | None = None
    """Answers over this many completion tokens are long; None: each segment's upper quartile."""
    min_ratio: float = 2.0
    """Long answers' rated-down rate must be at least this many times that of shorter ones."""
    min_escalation_ratio: float = 1.5
    """A segment's escalation rate must be at least this many times that of the other users."""
    min_samples: int = 50
    """Judged interactions (length) or interactions (escalation) each side needs."""
    alpha: float = 0.05
    """Family-wise significance level of the one-sided tests (split evenly over the tests run)."""

    def __post_init__(self) -> None:
        if self.long_answer_tokens is not None and self.long_answer_tokens < 1:
            raise ValueError(
                f"RecommendationSpec.long_answer_tokens must be >= 1 or None, got {self.long_answer_tokens}"
            )
        for name in ("min_ratio", "min_escalation_ratio"):
            if getattr(self, name) < 1.0:
                raise ValueError(f"RecommendationSpec.{name} must be >= 1, got {getattr(self, name)}")
        if self.min_samples < 1:
            raise ValueError(f"RecommendationSpec.min_samples must be >= 1, got {self.min_samples}")
        if not 0.0 < self.alpha < 1.0:
            raise ValueError(f"RecommendationSpec.alpha must be within (0, 1), got {self.alpha}")


@dataclass(frozen=True)
class Recommendation:
    """A proposed change to the system prompt: an instruction for the users of one segment, with its evidence.

    ``status`` is ``proposed`` until a person applies it; then ``applied``, with the ``prompt_version`` it
    became, who applied it and when.
    """

    id: str
    kind: str
    target: str
    change: str
    summary: str
    evidence: dict
    status: str = "proposed"
    prompt_version: str | None = None
    applied_by: str | None = None
    applied_at: str | None = None


def recommendation_id(kind: str, target: str, change: str) -> str:
    """A stable id: the same proposal from other data keeps its id."""
    return hashlib.sha256(f"{kind}\x1f{target}\x1f{change}".encode()).hexdigest()[:12]


# The evidence counts completion tokens but a model follows a limit in words; English runs ~0.75 words a token.
WORDS_PER_TOKEN = 0.75


def length_instruction(tokens: int) -> str:
    """The instruction for answers of at most ``tokens`` completion tokens, said in words."""
    return f"Keep answers to {max(1, round(tokens * WORDS_PER_TOKEN))} words or fewer."


_REQUIRED_COLUMNS = ("interaction_id", "user_segment", "completion_tokens", "thumb", "rating", "escalated")


def _rows(labels: pa.Table, prompt_version: str | None) -> pa.Table:
    """The columns the analysis needs, of the interactions served with ``prompt_version`` (all when None)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    required = _REQUIRED_COLUMNS + (("system_prompt_version",) if prompt_version is not None else ())
    missing = [column for column in required if column not in labels.column_names]
    if missing:
        raise ValueError(f"the labels table lacks the columns {missing}")
    if prompt_version is not None:
        labels = labels.filter(pc.equal(labels["system_prompt_version"], prompt_version))
    for column in ("completion_tokens", "escalated"):
        nulls = labels.filter(pc.is_null(labels[column]))
        if nulls.num_rows:
            raise ValueError(f"label {nulls['interaction_id'][0].as_py()!r}: field {column!r} is null")
    segment = pc.fill_null(labels["user_segment"].cast(pa.string()), UNKNOWN_SEGMENT)
    return pa.table(
        {
            "segment": segment,
            "tokens": labels["completion_tokens"].cast(pa.int64()),
            "thumb": labels["thumb"].cast(pa.string()),
            "rating": labels["rating"].cast(pa.int64()),
            "escalated": labels["escalated"].cast(pa.bool_()),
        }
    )


def _length_candidates(rows: pa.Table, spec: RecommendationSpec) -> list[dict]:
    """Per known segment: the long/short split of judged answers and their rated-down counts."""
    import pyarrow as pa

    from feedback_loop.warehouse import query

    judged = "(thumb IS NOT NULL OR rating IS NOT NULL)"
    down = "(thumb = 'down' OR rating <= 2)"
    quartiles = query(
        f"SELECT segment, quantile_disc(tokens, 0.75) AS n FROM rows WHERE segment <> '{UNKNOWN_SEGMENT}' "
        "GROUP BY segment",
        rows=rows,
    ).to_pylist()
    thresholds = pa.Table.from_pylist(
        [
            {
                "segment": q["segment"],
                "n": spec.long_answer_tokens or int(q["n"]),
                "source": "config" if spec.long_answer_tokens else "upper quartile",
            }
            for q in quartiles
        ],
        schema=pa.schema([("segment", pa.string()), ("n", pa.int64()), ("source", pa.string())]),
    )
    return query(
        f"""
        SELECT t.segment, t.n AS threshold_tokens, t.source AS threshold_source,
               count(*) FILTER (WHERE r.tokens > t.n) AS long_judged,
               count(*) FILTER (WHERE r.tokens > t.n AND {down}) AS long_down,
               count(*) FILTER (WHERE r.tokens <= t.n) AS short_judged,
               count(*) FILTER (WHERE r.tokens <= t.n AND {down}) AS short_down
        FROM rows r JOIN thresholds t USING (segment)
        WHERE {judged}
        GROUP BY ALL ORDER BY t.segment
        """,
        rows=rows,
        thresholds=thresholds,
    ).to_pylist()


def _escalation_candidates(rows: pa.Table) -> list[dict]:
    """Per known segment: its interactions and escalations, and those of everybody else."""
    from feedback_loop.warehouse import query

    return query(
        f"""
        WITH per AS (SELECT segment, count(*) AS n, count(*) FILTER (WHERE escalated) AS e FROM rows GROUP BY segment),
             total AS (SELECT sum(n)::BIGINT AS n, sum(e)::BIGINT AS e FROM per)
        SELECT per.segment, per.n AS interactions, per.e AS escalated,
               total.n - per.n AS rest_interactions, total.e - per.e AS rest_escalated
        FROM per, total WHERE per.segment <> '{UNKNOWN_SEGMENT}' ORDER BY per.segment
        """,
        rows=rows,
    ).to_pylist()


def _ratio(worse: float, better: float) -> float | None:
    """``worse / better``; None when ``better`` is 0 (the ratio is unbounded)."""
    return worse / better if better else None


def recommend(labels: pa.Table, spec: RecommendationSpec, prompt_version: str | None = None) -> list[Recommendation]:
    """The recommendations the labeled interactions support (of ``prompt_version`` only, when given).

    ``labels`` needs ``interaction_id``, ``user_segment`` (null: unknown, never a target), ``completion_tokens``,
    ``thumb``, ``rating`` and ``escalated`` (and ``system_prompt_version`` to filter by version).
    """
    # The evaluate package loads the offline evaluation's model code; serving imports this module, not that.
    from feedback_loop.evaluate.online import one_sided_p_lower

    rows = _rows(labels, prompt_version)
    length = [
        c
        for c in _length_candidates(rows, spec)
        if c["long_judged"] >= spec.min_samples and c["short_judged"] >= spec.min_samples
    ]
    escalation = [
        c
        for c in _escalation_candidates(rows)
        if c["interactions"] >= spec.min_samples and c["rest_interactions"] >= spec.min_samples
    ]
    tests = len(length) + len(escalation)
    alpha_per_test = spec.alpha / tests if tests else spec.alpha
    common = {
        "alpha": spec.alpha,
        "tests": tests,
        "alpha_per_test": alpha_per_test,
        "min_samples": spec.min_samples,
        "prompt_version": prompt_version,
    }
    recommendations = []
    for c in length:
        long_rate, short_rate = c["long_down"] / c["long_judged"], c["short_down"] / c["short_judged"]
        p = one_sided_p_lower(c["short_down"], c["short_judged"], c["long_down"], c["long_judged"])
        if p < alpha_per_test and long_rate > 0 and long_rate >= spec.min_ratio * short_rate:
            tokens = c["threshold_tokens"]
            evidence = {
                **common,
                "min_ratio": spec.min_ratio,
                "threshold_tokens": tokens,
                "threshold_source": c["threshold_source"],
                "long": {"judged": c["long_judged"], "rated_down": c["long_down"], "rate": long_rate},
                "short": {"judged": c["short_judged"], "rated_down": c["short_down"], "rate": short_rate},
                "ratio": _ratio(long_rate, short_rate),
                "p_value": p,
            }
            summary = (
                f"segment {c['segment']}: answers over {tokens} tokens rated down {long_rate:.1%} "
                f"({c['long_down']}/{c['long_judged']}) vs {short_rate:.1%} ({c['short_down']}/{c['short_judged']}) "
                f"for shorter ones, p={p:.2g}"
            )
            recommendations.append(
                _recommendation("length", c["segment"], length_instruction(tokens), summary, evidence)
            )
    for c in escalation:
        rate, rest_rate = c["escalated"] / c["interactions"], c["rest_escalated"] / c["rest_interactions"]
        p = one_sided_p_lower(c["rest_escalated"], c["rest_interactions"], c["escalated"], c["interactions"])
        if p < alpha_per_test and rate > 0 and rate >= spec.min_escalation_ratio * rest_rate:
            evidence = {
                **common,
                "min_ratio": spec.min_escalation_ratio,
                "segment": {"interactions": c["interactions"], "escalated": c["escalated"], "rate": rate},
                "rest": {"interactions": c["rest_interactions"], "escalated": c["rest_escalated"], "rate": rest_rate},
                "ratio": _ratio(rate, rest_rate),
                "p_value": p,
            }
            summary = (
                f"segment {c['segment']}: escalated {rate:.1%} ({c['escalated']}/{c['interactions']}) vs "
                f"{rest_rate:.1%} ({c['rest_escalated']}/{c['rest_interactions']}) for other users, p={p:.2g}"
            )
            recommendations.append(
                _recommendation("escalation", c["segment"], ESCALATION_INSTRUCTION, summary, evidence)
            )
    return recommendations


def _recommendation(kind: str, target: str, change: str, summary: str, evidence: dict) -> Recommendation:
    return Recommendation(recommendation_id(kind, target, change), kind, target, change, summary, evidence)


def merge_recommendations(previous: list[Recommendation], fresh: list[Recommendation]) -> list[Recommendation]:
    """The recommendations to keep after a new analysis: every applied one (as it was applied), then the fresh
    proposals that were not applied yet. Earlier proposals the data no longer supports are dropped."""
    applied = [r for r in previous if r.status == "applied"]
    applied_ids = {r.id for r in applied}
    return applied + [r for r in fresh if r.id not in applied_ids]


def read_recommendations(path: str | Path) -> tuple[dict, list[Recommendation]]:
    """What the last analysis looked at, and the recommendations stored at ``path`` (nothing when the file does
    not exist)."""
    path = Path(path)
    if not path.exists():
        return {}, []
    stored = json.loads(path.read_text())
    if not isinstance(stored, dict) or not isinstance(stored.get("recommendations"), list):
        raise PromptError(f"{path}: expected an object with a 'recommendations' list")
    recommendations = []
    for index, item in enumerate(stored["recommendations"]):
        try:
            recommendation = Recommendation(**item)
        except TypeError as exc:
            raise PromptError(f"{path}: recommendation {index}: {exc}") from exc
        if recommendation.kind not in KINDS or recommendation.status not in ("proposed", "applied"):
            raise PromptError(
                f"{path}: recommendation {recommendation.id!r}: field 'kind' must be one of {KINDS} and 'status' "
                f"proposed or applied, got {recommendation.kind!r}, {recommendation.status!r}"
            )
        recommendations.append(recommendation)
    return {key: value for key, value in stored.items() if key != "recommendations"}, recommendations


def write_recommendations(path: str | Path, recommendations: list[Recommendation], analysis: dict) -> None:
    """Store ``recommendations`` (atomically) with what the analysis looked at (``analysis``)."""
    write_json_atomic(Path(path), {**analysis, "recommendations": [asdict(r) for r in recommendations]})


def _instruction_after(current: str, change: str, superseded: list[str]) -> str:
    """The segment instruction once ``change`` is applied: earlier applied changes of the same kind and segment
    (``superseded``) are taken out, and ``change`` is added unless the instruction already says it."""
    for old in superseded:
        current = current.replace(old, "")
    current = " ".join(current.split())
    if change in current:
        return current
    return f"{current} {change}".strip()


def apply_recommendation(
    store: PromptStore, registry: Registry, recommendation_id: str, *, by: str, canary_share: float = 0.2
) -> PromptVersion:
    """Turn the recommendation into a new prompt version (parent: the champion prompt) and make it the canary.

    Only one prompt canary serves at a time; applying again, or a change the champion prompt already says,
    is refused. The recommendation is then marked applied with the new version.
    """
    if not isinstance(by, str) or not by.strip():
        raise PromptError(f"apply {recommendation_id!r}: field 'by' must name the person applying it, got {by!r}")
    if not 0.0 < canary_share < 1.0:
        raise PromptError(
            f"apply {recommendation_id!r}: field 'canary_share' must be within (0, 1), got {canary_share}"
        )
    path = store.recommendations_path
    with exclusive_lock(path):
        return _apply(store, registry, path, recommendation_id, by=by, canary_share=canary_share)


def _apply(
    store: PromptStore, registry: Registry, path: Path, recommendation_id: str, *, by: str, canary_share: float
) -> PromptVersion:
    analysis, recommendations = read_recommendations(path)
    found = [r for r in recommendations if r.id == recommendation_id]
    if not found:
        raise PromptError(f"no recommendation {recommendation_id!r} in {path}; `feedback-loop prompts list` shows them")
    recommendation = found[0]
    if recommendation.status == "applied":
        raise PromptError(
            f"recommendation {recommendation_id!r} was already applied as {recommendation.prompt_version}"
        )
    canary = registry.canary()
    if canary is not None:
        raise PromptError(
            f"prompt version {canary.version} is still the canary; prompt_ab_test promotes or rejects it first"
        )
    parent = champion_prompt(store, registry)
    current = parent.segment_instructions.get(recommendation.target, "")
    superseded = [
        r.change
        for r in recommendations
        if r.status == "applied" and r.kind == recommendation.kind and r.target == recommendation.target
    ]
    instruction = _instruction_after(current, recommendation.change, superseded)
    if instruction == current:
        raise PromptError(
            f"recommendation {recommendation_id!r}: the champion prompt {parent.version} already tells segment "
            f"{recommendation.target!r}: {current!r}"
        )
    now = _now()
    prompt = store.write(
        PromptVersion(
            version=store.next_version(parent.version),
            text=parent.text,
            segment_instructions={**parent.segment_instructions, recommendation.target: instruction},
            parent=parent.version,
            created_at=now,
            created_by=by,
            recommendation_id=recommendation.id,
        )
    )
    reason = f"applied recommendation {recommendation.id}: {recommendation.summary}"
    registry.register(
        prompt.version,
        path=str(store.path(prompt.version)),
        metrics={"canary": {"share": canary_share}},
        lineage={"parent": parent.version, "recommendation_id": recommendation.id, "evidence": recommendation.evidence},
        actor=by,
    )
    registry.set_status(prompt.version, "canary", actor=by, reason=reason)
    applied = replace(recommendation, status="applied", prompt_version=prompt.version, applied_by=by, applied_at=now)
    write_recommendations(path, [applied if r.id == recommendation.id else r for r in recommendations], analysis)
    return prompt
