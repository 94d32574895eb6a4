"""Offline evaluation: score two models on the same held-out examples and decide whether one is better.

:func:`score_examples` measures each example once per model (response loss, a greedy generation, its
token F1 against the target and whether it is offensive). :func:`compare` pairs the two sets of scores by
example and gates promotion (:class:`GateResult`):

* a challenger that generates exactly the champion's responses on every eval example is a no-op, refused
  whatever its loss says (per-token loss differences of 0.001 change nothing users see);
* the primary metric (by default the score of the generated responses) must improve by more than a practical
  margin, and the other one (the loss) may not get worse by more than its margin, each judged on a paired BCa
  bootstrap interval that resamples whole target groups (eval examples that share a target text are not
  independent; resampling them one by one makes the interval 2 to 3 times too narrow);
* offensive output may not be more frequent.

Pairing removes the variance that comes from some examples simply being harder than others, so smaller real
gains are detected.
"""

from __future__ import annotations

import math
import numbers
import re
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from feedback_loop.evaluate.stats import group_bootstrap
from feedback_loop.label.lexicons import is_offensive
from feedback_loop.model.base import context_length, load_causal_lm
from feedback_loop.model.encoding import (
    collate,
    encode_examples,
    example_system,
    example_text,
    length_grouped_batches,
    response_nll,
)
from feedback_loop.model.generation import generate_responses
from feedback_loop.progress import ProgressCallback
from feedback_loop.stage_config import StageConfig

_WORD = re.compile(r"\w+")
# Stands for "no length limit" when a model's config does not state its context length.
_UNLIMITED = sys.maxsize
METRICS = ("score", "loss")


class EvalSpec(StageConfig):
    """How examples are scored and how the promotion gate decides; every default is written here once.

    The gate compares two metrics per eval example, both as improvements (positive: the challenger is better):
    ``score``, the token F1 of the greedy-generated response against the target (what users will see), and
    ``loss``, the target's NLL per token. The ``primary_metric`` must improve by more than its margin (the low end
    of its interval lies above the margin: practical significance, not just any difference); the other one is a
    guardrail that may not be worse by more than its margin (the low end lies above minus the margin).
    """

    primary_metric: Literal["loss", "score"] = "score"
    """What must improve: 'score' (token F1 of the generated response against the target, higher is better) or
    'loss' (target NLL per token, lower is better); the other metric is the guardrail."""
    score_margin: float = Field(0.01, ge=0, lt=1)
    """Practical significance of the score (F1, 0 to 1): as primary, the improvement's interval must lie above it;
    as guardrail, the challenger may be worse by at most this much."""
    loss_margin: float = Field(0.02, ge=0)
    """Practical significance of the loss (nats per token), used like `score_margin`."""
    resample_by: Literal["target", "prompt", "example"] = "target"
    """The unit the bootstrap resamples: examples sharing a target text (or a prompt) are not independent."""
    confidence: float = Field(0.95, gt=0, lt=1)
    """Confidence of the two-sided BCa bootstrap intervals."""
    n_resamples: int = Field(2000, ge=1)
    """Bootstrap resamples per interval."""
    max_new_tokens: int = Field(48, ge=1)
    """Longest generated response, in tokens."""
    batch_size: int = Field(64, ge=1)
    """Examples scored per forward pass."""
    seed: int = 0
    """Seed of the bootstrap resamples."""
    device: str = "auto"
    """'auto' scores on CUDA when a GPU is present, else on the CPU."""

    def margin(self, metric: str) -> float:
        return self.score_margin if metric == "score" else self.loss_margin


class ArmFigures(BaseModel):
    """One arm's means over the eval examples."""

    loss: float
    score: float
    offensive: int
    offensive_rate: float


class MetricComparison(BaseModel):
    """The paired improvement of one metric (positive: the challenger is better) and its bootstrap interval."""

    metric: Literal["loss", "score", "p_good", "correction_f1"]
    """The offline gate's ``loss`` and ``score``; the shadow evaluation's ``p_good`` and ``correction_f1``."""
    role: Literal["primary", "guardrail"]
    mean: float
    low: float
    high: float
    margin: float
    """Primary: the low end must lie above it. Guardrail: the low end must lie above minus it."""
    passed: bool


class GateResult(BaseModel):
    """The offline gate's verdict on a challenger, the figures it stands on and its reasons in words."""

    passed: bool
    reasons: list[str]
    challenger_version: str | None = None
    champion_version: str | None = None
    dataset_version: str | None = None
    examples: int = 0
    groups: int = 0
    """Resampling units (target texts, prompts or examples, per ``spec.resample_by``)."""
    identical_responses: int = 0
    """Eval examples on which both arms generated the same response."""
    no_op: bool = False
    """The challenger generated the champion's responses on every eval example: it changes nothing users see."""
    challenger: ArmFigures | None = None
    champion: ArmFigures | None = None
    primary: MetricComparison | None = None
    guardrail: MetricComparison | None = None
    spec: EvalSpec | None = None


def token_f1(generated: str, target: str) -> float:
    """SQuAD-style F1 between the lower-cased word multisets of ``generated`` and ``target`` (0 to 1).

    Two empty texts agree perfectly (1.0); an empty text against a non-empty one scores 0.
    """
    predicted, expected = Counter(_WORD.findall(generated.lower())), Counter(_WORD.findall(target.lower()))
    if not predicted or not expected:
        return float(predicted == expected)
    overlap = sum((predicted & expected).values())
    if overlap == 0:
        return 0.0
    precision = overlap / sum(predicted.values())
    recall = overlap / sum(expected.values())
    return 2 * precision * recall / (precision + recall)


def score_examples(
    base_dir: str | Path,
    adapter_dir: str | Path | None,
    rows: list[dict],
    spec: EvalSpec,
    progress: ProgressCallback | None = None,
) -> list[dict]:
    """Score the model at ``base_dir`` (plus the adapter at ``adapter_dir``, if any) on ``rows``.

    Each row needs ``example_id``, ``prompt`` and ``target``; its ``system`` text (optional) comes first, as it
    came when the answer was served. Returns, in the order of ``rows``, one dict
    per example: ``example_id``, ``prompt``, ``target``, ``loss`` (mean NLL per token of the target and its
    closing eos),
    ``generated`` (greedy answer, at most ``spec.max_new_tokens``),
    ``score`` (token F1 of generated vs target) and ``offensive`` (lexicon hit in the generated answer).
    ``progress`` is called with (answers generated, examples) as generation goes, the long part.
    """
    import torch

    pairs, systems = _check_rows(rows)
    model, tokenizer = load_causal_lm(base_dir, adapter_dir, spec.device)
    device = str(model.device)
    limit = context_length(model)
    if limit is not None and limit <= spec.max_new_tokens:
        raise ValueError(
            f"EvalSpec.max_new_tokens ({spec.max_new_tokens}) leaves no room for a prompt in the "
            f"model's {limit}-token context"
        )
    with torch.no_grad():
        losses = _losses(model, tokenizer, pairs, systems, limit, spec.batch_size, device)
        generated = generate_responses(
            model,
            tokenizer,
            [prompt for prompt, _ in pairs],
            systems=systems,
            max_new_tokens=spec.max_new_tokens,
            batch_size=spec.batch_size,
            progress=progress,
        )
    return [
        {
            "example_id": row["example_id"],
            "prompt": prompt,
            "target": target,
            "loss": loss,
            "generated": text,
            "score": token_f1(text, target),
            "offensive": is_offensive(text),
        }
        for row, (prompt, target), loss, text in zip(rows, pairs, losses, generated, strict=True)
    ]


def compare(challenger: list[dict], champion: list[dict], spec: EvalSpec) -> GateResult:
    """Pair the two arms' scores by example_id and decide whether the challenger may replace the champion.

    Each row is one example as :func:`score_examples` returns it. Per example, the improvement is
    ``challenger.score - champion.score`` and ``champion.loss - challenger.loss``, so positive always means
    better; examples are grouped for the bootstrap by ``spec.resample_by`` (the normalised target or prompt
    text). The gate passes iff the challenger is not a no-op, the primary metric's interval lies above its
    margin, the guardrail's lies above minus its margin, and offensive output is no more frequent; the reasons
    say which held, with the numbers.
    """
    challengers, champions = _index(challenger, "challenger"), _index(champion, "champion")
    if challengers.keys() != champions.keys():
        raise ValueError(
            "challenger and champion were scored on different examples: "
            f"only in challenger {_sample(challengers.keys() - champions.keys())}, "
            f"only in champion {_sample(champions.keys() - challengers.keys())}"
        )
    # A fixed order makes the bootstrap interval independent of the order the rows arrived in.
    ids = sorted(challengers, key=str)
    groups = [_group(champions[i], challengers[i], i, spec.resample_by) for i in ids]
    improvements = {
        "score": [challengers[i]["score"] - champions[i]["score"] for i in ids],
        "loss": [champions[i]["loss"] - challengers[i]["loss"] for i in ids],
    }
    guardrail_metric = "loss" if spec.primary_metric == "score" else "score"
    arms = {"challenger": _figures([challengers[i] for i in ids]), "champion": _figures([champions[i] for i in ids])}
    identical = sum(challengers[i]["generated"] == champions[i]["generated"] for i in ids)
    no_op = identical == len(ids)
    no_more_offensive = arms["challenger"].offensive <= arms["champion"].offensive

    reasons = []
    if no_op:
        reasons.append(
            f"no-op: the challenger generated the champion's responses on all {len(ids)} eval examples, so it "
            "changes nothing users see, whatever its loss"
        )
    comparisons: dict[str, MetricComparison | None] = {"primary": None, "guardrail": None}
    if len(set(groups)) < 2:
        reasons.append(
            f"the eval set has {len(set(groups))} {spec.resample_by} group: too few to resample, so no interval "
            "and no evidence either way"
        )
    else:
        level = f"{spec.confidence:.0%} BCa interval over {len(set(groups))} {spec.resample_by} groups"
        for role, metric in (("primary", spec.primary_metric), ("guardrail", guardrail_metric)):
            comparison = _comparison(metric, role, improvements[metric], groups, spec)
            comparisons[role] = comparison
            reasons.append(comparison_reason(comparison, level))
    offensive = (
        f"challenger offensive rate {arms['challenger'].offensive_rate:.1%} ({arms['challenger'].offensive}/"
        f"{len(ids)}) {'does not exceed' if no_more_offensive else 'exceeds'} champion's "
        f"{arms['champion'].offensive_rate:.1%} ({arms['champion'].offensive}/{len(ids)})"
    )
    reasons.append(offensive)
    return GateResult(
        passed=not no_op and all(c is not None and c.passed for c in comparisons.values()) and no_more_offensive,
        reasons=reasons,
        examples=len(ids),
        groups=len(set(groups)),
        identical_responses=identical,
        no_op=no_op,
        challenger=arms["challenger"],
        champion=arms["champion"],
        primary=comparisons["primary"],
        guardrail=comparisons["guardrail"],
        spec=spec,
    )


def _comparison(
    metric: str, role: str, improvements: list[float], groups: list[str], spec: EvalSpec
) -> MetricComparison:
    return judge_improvement(
        metric,
        role,
        improvements,
        groups,
        margin=spec.margin(metric),
        confidence=spec.confidence,
        n_resamples=spec.n_resamples,
        seed=spec.seed,
    )


def judge_improvement(
    metric: str,
    role: str,
    improvements: Sequence[float],
    groups: Sequence[object],
    *,
    margin: float,
    confidence: float,
    n_resamples: int,
    seed: int,
) -> MetricComparison:
    """The gates' rule for one paired metric: its BCa bootstrap interval, resampling whole ``groups``; as
    ``primary`` the low end must lie above ``margin``, as ``guardrail`` above minus it. The offline gate and the
    shadow evaluation both decide with it."""
    interval = group_bootstrap(improvements, groups, confidence=confidence, n_resamples=n_resamples, seed=seed)
    passed = interval.low > margin if role == "primary" else interval.low > -margin
    return MetricComparison(
        metric=metric, role=role, mean=interval.mean, low=interval.low, high=interval.high, margin=margin, passed=passed
    )


def comparison_reason(comparison: MetricComparison, level: str) -> str:
    figures = (
        f"{comparison.metric} improvement {comparison.mean:+.4f}, {level} [{comparison.low:+.4f}, "
        f"{comparison.high:+.4f}]"
    )
    if comparison.role == "primary":
        where = "lies above" if comparison.passed else "does not lie above"
        return f"{figures} {where} the practical margin {comparison.margin:+.4f}"
    where = "is" if comparison.passed else "is not"
    return f"{figures} {where} within the guardrail (worse by at most {comparison.margin:.4f})"


def _group(champion: Mapping[str, Any], challenger: Mapping[str, Any], example_id, resample_by: str) -> str:
    """The resampling group of one example: its normalised target or prompt text, or the example itself."""
    if resample_by == "example":
        return f"example:{example_id}"
    texts = {str(row.get(resample_by, "")) for row in (champion, challenger)}
    if len(texts) != 1 or not next(iter(texts)).strip():
        raise ValueError(
            f"example_id {example_id!r}: field {resample_by!r} must be the same non-empty text in both arms, "
            f"got {sorted(texts)!r}"
        )
    return " ".join(next(iter(texts)).lower().split())


def _check_rows(rows: list[dict]) -> tuple[list[tuple[str, str]], list[str]]:
    """The (prompt, target) pairs of ``rows`` and their system texts, after checking ids are present and unique and
    texts non-empty."""
    if not rows:
        raise ValueError("score_examples needs at least one row")
    seen = set()
    pairs = []
    systems = []
    for index, row in enumerate(rows):
        example_id = row.get("example_id")
        if example_id is None:
            raise ValueError(f"row {index}: field 'example_id' is missing")
        if example_id in seen:
            raise ValueError(f"row {index}: example_id {example_id!r} appears more than once")
        seen.add(example_id)
        where = f"row {index} (example_id={example_id!r})"
        pairs.append((example_text(row, "prompt", where), example_text(row, "target", where)))
        systems.append(example_system(row, where))
    return pairs, systems


def _losses(
    model,
    tokenizer,
    pairs: list[tuple[str, str]],
    systems: list[str],
    limit: int | None,
    batch_size: int,
    device: str,
) -> list[float]:
    """Mean NLL per target token of each pair (after its system text), in input order; batched by length to keep
    padding small."""
    examples = encode_examples(tokenizer, pairs, limit or _UNLIMITED, systems)
    losses: list[float] = [math.nan] * len(examples)
    for indices in length_grouped_batches([len(ids) for ids, _ in examples], batch_size, seed=0):
        batch = {
            name: tensor.to(device)
            for name, tensor in collate([examples[index] for index in indices], tokenizer.pad_token_id).items()
        }
        nll, counted = response_nll(model, batch)
        for index, total, count in zip(indices, nll.tolist(), counted.tolist(), strict=True):
            losses[index] = total / count
    return losses


def _index(rows: list[dict], arm: str) -> dict[Any, Mapping[str, Any]]:
    """``rows`` keyed by example_id, after checking each has a finite loss and score and an offensive flag."""
    if not rows:
        raise ValueError(f"the {arm} arm has no scored examples")
    indexed: dict[Any, Mapping[str, Any]] = {}
    for index, row in enumerate(rows):
        example_id = row.get("example_id")
        where = f"{arm} row {index} (example_id={example_id!r})"
        if example_id is None:
            raise ValueError(f"{arm} row {index}: field 'example_id' is missing")
        if example_id in indexed:
            raise ValueError(f"{where}: example_id appears more than once")
        for field in ("loss", "score"):
            value = row.get(field)
            if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
                raise ValueError(f"{where}: field {field!r} must be a finite number, got {value!r}")
        if not isinstance(row.get("generated"), str):
            raise ValueError(f"{where}: field 'generated' must be a string, got {row.get('generated')!r}")
        if row.get("offensive") not in (True, False):  # also admits numpy booleans
            raise ValueError(f"{where}: field 'offensive' must be true or false, got {row.get('offensive')!r}")
        indexed[example_id] = row
    return indexed


def _figures(rows) -> ArmFigures:
    """Mean loss, mean score and offensive count and rate of one arm."""
    rows = list(rows)
    offensive = sum(bool(row["offensive"]) for row in rows)
    return ArmFigures(
        loss=sum(row["loss"] for row in rows) / len(rows),
        score=sum(row["score"] for row in rows) / len(rows),
        offensive=offensive,
        offensive_rate=offensive / len(rows),
    )


def _sample(ids, limit: int = 5) -> str:
    """A few of ``ids`` for an error message, with how many there are in all."""
    shown = sorted(ids, key=str)[:limit]
    return f"{len(ids)} ({', '.join(map(repr, shown))}{', ...' if len(ids) > limit else ''})"
