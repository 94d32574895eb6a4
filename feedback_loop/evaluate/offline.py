"""Offline evaluation: score two models on the same held-out examples and decide whether one is better.

:func:`score_examples` measures each example once per model (response loss, a greedy generation, its
token F1 against the target and whether it is offensive). :func:`compare` pairs the two sets of scores by
example and gates promotion on a paired bootstrap interval: the challenger must beat the champion by more
than a margin with the chosen confidence, and must not be more offensive. Pairing removes the variance
that comes from some examples simply being harder than others, so smaller real gains are detected.
"""

from __future__ import annotations

import math
import numbers
import re
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from feedback_loop.label.lexicons import is_offensive
from feedback_loop.model.base import context_length, load_causal_lm
from feedback_loop.model.encoding import (
    collate,
    encode_examples,
    example_text,
    length_grouped_batches,
    response_nll,
)
from feedback_loop.model.generation import generate_responses

_WORD = re.compile(r"\w+")
# Stands for "no length limit" when a model's config does not state its context length.
_UNLIMITED = sys.maxsize
# Bootstrap resamples are drawn in chunks of about this many indices, to bound memory on large eval sets.
_BOOTSTRAP_CHUNK = 4_000_000


@dataclass(frozen=True)
class EvalSpec:
    """How examples are scored and how the promotion gate decides.

    ``primary_metric`` is what must improve: ``"loss"`` (response NLL, lower is better) or ``"score"``
    (token F1 of the greedy generation, higher is better). The gate passes when the lower end of the
    ``confidence`` bootstrap interval of the per-example improvement exceeds ``margin``.
    """

    max_new_tokens: int = 48
    batch_size: int = 64
    n_resamples: int = 2000
    confidence: float = 0.95
    margin: float = 0.0
    primary_metric: Literal["loss", "score"] = "loss"
    seed: int = 0
    device: str = "auto"

    def __post_init__(self) -> None:
        for name in ("max_new_tokens", "batch_size", "n_resamples"):
            if getattr(self, name) < 1:
                raise ValueError(f"EvalSpec.{name} must be at least 1, got {getattr(self, name)}")
        if not 0 < self.confidence < 1:
            raise ValueError(f"EvalSpec.confidence must be between 0 and 1, got {self.confidence}")
        if self.primary_metric not in ("loss", "score"):
            raise ValueError(f"EvalSpec.primary_metric must be 'loss' or 'score', got {self.primary_metric!r}")


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
    base_dir: str | Path, adapter_dir: str | Path | None, rows: list[dict], spec: EvalSpec
) -> list[dict]:
    """Score the model at ``base_dir`` (plus the adapter at ``adapter_dir``, if any) on ``rows``.

    Each row needs ``example_id``, ``prompt`` and ``target``. Returns, in the order of ``rows``, one dict
    per example: ``example_id``, ``loss`` (mean NLL per token of the target and its closing eos),
    ``generated`` (greedy answer, at most ``spec.max_new_tokens``),
    ``score`` (token F1 of generated vs target) and ``offensive`` (lexicon hit in the generated answer).
    """
    import torch

    pairs = _check_rows(rows)
    model, tokenizer = load_causal_lm(base_dir, adapter_dir, spec.device)
    device = str(model.device)
    limit = context_length(model)
    if limit is not None and limit <= spec.max_new_tokens:
        raise ValueError(
            f"EvalSpec.max_new_tokens ({spec.max_new_tokens}) leaves no room for a prompt in the "
            f"model's {limit}-token context"
        )
    with torch.no_grad():
        losses = _losses(model, tokenizer, pairs, limit, spec.batch_size, device)
        generated = generate_responses(
            model,
            tokenizer,
            [prompt for prompt, _ in pairs],
            max_new_tokens=spec.max_new_tokens,
            batch_size=spec.batch_size,
        )
    return [
        {
            "example_id": row["example_id"],
            "loss": loss,
            "generated": text,
            "score": token_f1(text, target),
            "offensive": is_offensive(text),
        }
        for row, (_, target), loss, text in zip(rows, pairs, losses, generated, strict=True)
    ]


def paired_bootstrap(
    differences: Sequence[float], n_resamples: int, confidence: float, seed: int
) -> tuple[float, float, float]:
    """Mean of ``differences`` and its percentile bootstrap interval at ``confidence``: (mean, low, high).

    Each resample draws len(differences) values with replacement; all resamples are drawn as index
    matrices with numpy (in chunks, so memory stays bounded), seeded for reproducible intervals.
    """
    import numpy

    values = numpy.asarray(differences, dtype=float)
    if values.ndim != 1 or values.size == 0:
        raise ValueError("paired_bootstrap needs a non-empty sequence of differences")
    if not numpy.isfinite(values).all():
        first = int(numpy.flatnonzero(~numpy.isfinite(values))[0])
        raise ValueError(f"paired_bootstrap: differences must be finite; index {first} is {values[first]}")
    if n_resamples < 1 or not 0 < confidence < 1:
        raise ValueError(
            f"paired_bootstrap needs n_resamples >= 1 and 0 < confidence < 1, got {n_resamples} and {confidence}"
        )
    rng = numpy.random.default_rng(seed)
    chunk = max(1, _BOOTSTRAP_CHUNK // values.size)
    means = numpy.concatenate(
        [
            values[rng.integers(0, values.size, size=(min(chunk, n_resamples - start), values.size))].mean(axis=1)
            for start in range(0, n_resamples, chunk)
        ]
    )
    tail = (1 - confidence) / 2
    low, high = numpy.quantile(means, [tail, 1 - tail])
    return float(values.mean()), float(low), float(high)


def compare(challenger: list[dict], champion: list[dict], spec: EvalSpec) -> dict[str, Any]:
    """Pair the two arms' scores by example_id and decide whether the challenger may replace the champion.

    The per-example improvement is ``champion.loss - challenger.loss`` for the 'loss' metric and
    ``challenger.score - champion.score`` for 'score', so positive always means better. The gate passes
    iff the lower end of the improvement interval exceeds ``spec.margin`` and the challenger's offensive
    rate is no higher than the champion's; ``gate.reasons`` says why, with the numbers.
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
    metric = spec.primary_metric
    improvements = [
        champions[i]["loss"] - challengers[i]["loss"]
        if metric == "loss"
        else challengers[i]["score"] - champions[i]["score"]
        for i in ids
    ]
    mean, low, high = paired_bootstrap(improvements, spec.n_resamples, spec.confidence, spec.seed)
    arms = {"challenger": _summary(challengers.values()), "champion": _summary(champions.values())}
    offensive = {
        name: sum(bool(row["offensive"]) for row in rows.values())
        for name, rows in (("challenger", challengers), ("champion", champions))
    }

    interval = f"{spec.confidence:.0%} interval [{low:+.4f}, {high:+.4f}]"
    better_enough = low > spec.margin
    reasons = [
        f"{metric} improvement {mean:+.4f}, {interval} "
        + (
            f"lies above the margin {spec.margin:+.4f}"
            if better_enough
            else f"does not lie above the margin {spec.margin:+.4f} (its low end {low:+.4f} <= margin)"
        )
    ]
    rates = (
        f"challenger offensive rate {arms['challenger']['offensive_rate']:.1%} ({offensive['challenger']}/{len(ids)})"
    )
    champion_rate = f"champion's {arms['champion']['offensive_rate']:.1%} ({offensive['champion']}/{len(ids)})"
    no_more_offensive = offensive["challenger"] <= offensive["champion"]
    reasons.append(
        f"{rates} does not exceed {champion_rate}" if no_more_offensive else f"{rates} exceeds {champion_rate}"
    )
    return {
        "n": len(ids),
        "primary_metric": metric,
        "margin": spec.margin,
        "confidence": spec.confidence,
        "n_resamples": spec.n_resamples,
        **arms,
        "improvement": {"mean": mean, "low": low, "high": high},
        "gate": {"passed": better_enough and no_more_offensive, "reasons": reasons},
    }


def _check_rows(rows: list[dict]) -> list[tuple[str, str]]:
    """The (prompt, target) pairs of ``rows``, after checking ids are present and unique and texts non-empty."""
    if not rows:
        raise ValueError("score_examples needs at least one row")
    seen = set()
    pairs = []
    for index, row in enumerate(rows):
        example_id = row.get("example_id")
        if example_id is None:
            raise ValueError(f"row {index}: field 'example_id' is missing")
        if example_id in seen:
            raise ValueError(f"row {index}: example_id {example_id!r} appears more than once")
        seen.add(example_id)
        where = f"row {index} (example_id={example_id!r})"
        pairs.append((example_text(row, "prompt", where), example_text(row, "target", where)))
    return pairs


def _losses(
    model, tokenizer, pairs: list[tuple[str, str]], limit: int | None, batch_size: int, device: str
) -> list[float]:
    """Mean NLL per target token of each pair, in input order; batched by length to keep padding small."""
    examples = encode_examples(tokenizer, pairs, limit or _UNLIMITED)
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
        if row.get("offensive") not in (True, False):  # also admits numpy booleans
            raise ValueError(f"{where}: field 'offensive' must be true or false, got {row.get('offensive')!r}")
        indexed[example_id] = row
    return indexed


def _summary(rows) -> dict[str, float]:
    """Mean loss, mean score and offensive rate of one arm."""
    rows = list(rows)
    return {
        "loss": sum(row["loss"] for row in rows) / len(rows),
        "score": sum(row["score"] for row in rows) / len(rows),
        "offensive_rate": sum(row["offensive"] for row in rows) / len(rows),
    }


def _sample(ids, limit: int = 5) -> str:
    """A few of ``ids`` for an error message, with how many there are in all."""
    shown = sorted(ids, key=str)[:limit]
    return f"{len(ids)} ({', '.join(map(repr, shown))}{', ...' if len(ids) > limit else ''})"
