"""Supervised fine-tuning examples from labels: select, filter, deduplicate, split, version and save.

* Targets: what the user wrote as a correction when there is one (with the response it replaced as the
  ``rejected`` side of a preference pair: the correction over the response), else the response of an
  interaction labeled good with enough confidence; a label of the auto-labeler (source ``model``) needs the
  higher :attr:`CurateSpec.min_model_confidence`. ``target_quality='bad'`` instead takes the responses labeled
  bad (never corrections): a deliberately poisoned set, for checking that the promotion gate rejects a worse
  adapter.
* Never trained on: offensive interactions or targets, anything a user flagged, a response a person rated down
  (a thumb down, a bad rating or a reviewer's "bad", on that interaction or on the same prompt and response
  elsewhere, whatever label the row carries: a model label or a label from before late feedback arrived), empty
  prompts or targets, and the same (prompt, target) pair twice.
* Never a cut target: with the base model's tokenizer, each example is measured as training encodes it, the
  length is chosen from that distribution (:attr:`CurateSpec.length_quantile`) up to the model's context, and
  an example whose target would not fit is dropped (or kept and listed: ``cut_targets='flag'``). The counts,
  the chosen ``max_length`` and the share of target tokens lost go into the stats; training reads the length.
* The system text: an example keeps the text the model read before the response (the labels' optional ``system``
  column: the prompt version's text and the user segment's instruction), so that training encodes the input that
  serving encodes and an adapter can learn what a segment's instruction asks; empty where none or not known (the
  stats count label rows whose system text is not known). Duplicates are judged after the same system text.
* Split by a hash of the normalised prompt, so one prompt is never on both sides (no leakage through
  repeated questions) and an example keeps its side across runs and as new rows arrive.
* Version: a hash of the content, so the same examples always get the same version and saving is
  idempotent.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
import pyarrow as pa
from pydantic import Field, field_validator

from feedback_loop.label.lexicons import is_offensive
from feedback_loop.label.rules import BAD_RATING, normalise_text
from feedback_loop.stage_config import StageConfig

if TYPE_CHECKING:
    import datasets
    from transformers import PreTrainedTokenizerBase

    from feedback_loop.prompts import PromptStore

EXAMPLE_COLUMNS: tuple[str, ...] = (
    "example_id",
    "system",
    "prompt",
    "target",
    "target_source",
    "use_case",
    "rejected",
)
SPLITS: tuple[str, ...] = ("train", "eval")
VERSION_LENGTH = 12
# The counts in SFTExamples.stats, in the order of the steps that produce them.
COUNT_NAMES: tuple[str, ...] = (
    "labels",
    "candidates",
    "excluded_offensive",
    "excluded_flagged",
    "excluded_rated_down",
    "excluded_empty",
    "duplicates_removed",
    "excluded_target_cut",
    "train",
    "eval",
)
# An optional labels column: the system text the model read before the response (None: not known). Curated
# examples keep it, so that training and evaluation encode what serving encodes.
SYSTEM_COLUMN = "system"
REQUIRED_LABEL_COLUMNS = (
    "interaction_id",
    "timestamp",
    "use_case",
    "prompt",
    "response",
    "thumb",
    "rating",
    "correction",
    "flags",
    "offensive",
    "quality",
    "quality_confidence",
    "quality_source",
)
# Every label source; build_sft_examples can be restricted to some (e.g. to leave out the learned model's).
LABEL_SOURCES: tuple[str, ...] = ("explicit", "human", "rule", "model")
# Round the chosen length up to a multiple of this (kernels and packing like aligned row lengths).
LENGTH_MULTIPLE = 8


class CurateSpec(StageConfig):
    """How labels become a supervised fine-tuning dataset."""

    min_confidence: float = Field(0.7, ge=0, le=1)
    """A response labeled good (or bad, for target_quality 'bad') becomes a target only with at least this label
    confidence."""
    min_model_confidence: float = Field(0.9, ge=0, le=1)
    """A label of the auto-labeler (source 'model': its calibrated probability) makes a response a target only at
    this confidence or more: a model label below it is never trained on, whatever min_confidence says."""
    eval_fraction: float = Field(0.2, gt=0, lt=1)
    """Share of prompts held out for evaluation (split by prompt hash, stable across runs)."""
    target_quality: Literal["good", "bad"] = "good"
    """'good' trains on corrections and good responses; 'bad' builds a deliberately poisoned set for gate tests."""
    label_sources: list[str] = Field(list(LABEL_SOURCES), min_length=1)
    """Label sources (explicit, human, rule, model) trusted to make a response a target; corrections always are.
    'model' counts only while the auto-labeler is published (not after it failed its quality check)."""
    length_quantile: float = Field(1.0, gt=0, le=1)
    """max_length is this quantile of the examples' token lengths (prompt + target + eos, as training encodes
    them), rounded up to a multiple of 8 and capped by the base model's context; 1: the longest example."""
    cut_targets: Literal["drop", "flag"] = "drop"
    """An example whose target does not fit in max_length: 'drop' it, or 'flag' it (kept, listed in the stats)."""
    max_lost_target_share: float = Field(0.01, ge=0, le=1)
    """The sft_dataset check warns when more than this share of the candidate targets' tokens are not trained on
    (cut off, or with their dropped example)."""

    @field_validator("label_sources")
    @classmethod
    def _known_sources(cls, sources: list[str]) -> list[str]:
        unknown = sorted(set(sources) - set(LABEL_SOURCES))
        if unknown:
            raise ValueError(f"{unknown} are not label sources; use some of {list(LABEL_SOURCES)}")
        return sources


@dataclass(frozen=True)
class SFTExamples:
    """Train and eval examples (dicts of :data:`EXAMPLE_COLUMNS`) and the counts of how they were made."""

    train: list[dict]
    eval: list[dict]
    stats: dict

    @property
    def version(self) -> str:
        """The content version: equal examples, target quality and max_length give an equal version."""
        return dataset_version(self.train, self.eval, self.stats["target_quality"], self.stats["max_length"])


@dataclass(frozen=True)
class SavedDataset:
    """A dataset saved under ``<datasets_root>/sft/<version>/`` and its metadata."""

    version: str
    path: Path
    metadata: dict


def split_score(prompt: str) -> float:
    """A stable number in [0, 1) from the normalised prompt; prompts below ``eval_fraction`` go to eval."""
    digest = hashlib.sha256(normalise_text(prompt).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def dataset_version(
    train_rows: list[dict], eval_rows: list[dict], target_quality: str, max_length: int | None = None
) -> str:
    """The first hex digits of sha256 over the canonical JSON of the sorted rows, the target quality and the
    max_length training is to use (None: not measured; left out, so such versions stay as they were)."""
    content = {
        "target_quality": target_quality,
        **({"max_length": max_length} if max_length is not None else {}),
        "train": sorted(train_rows, key=lambda row: row["example_id"]),
        "eval": sorted(eval_rows, key=lambda row: row["example_id"]),
    }
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:VERSION_LENGTH]


@dataclass(frozen=True)
class TokenBudget:
    """What curation measures lengths with: the base model's tokenizer and its context (None: not stated)."""

    tokenizer: PreTrainedTokenizerBase
    context_length: int | None


def build_sft_examples(
    labels: pa.Table,
    spec: CurateSpec | None = None,
    *,
    offensive_lexicon: str | Path | None = None,
    rated_down: Collection[str] = (),
    tokens: TokenBudget | None = None,
) -> SFTExamples:
    """Select, filter, deduplicate, fit and split the examples of ``labels`` (a labels table, any extra columns).

    ``offensive_lexicon`` replaces the packaged word list used to screen targets. ``rated_down`` names
    interactions a person rated down since they were labeled (late feedback, review verdicts): their responses
    are never targets. With ``tokens`` the examples are measured and fitted to a chosen ``max_length`` (see the
    module docstring); without, nothing is measured and ``max_length`` is None. Raises ValueError when no example
    survives, naming the counts of each step.
    """
    spec = spec or CurateSpec()
    rows = label_rows(labels)
    down = rated_down_pairs(rows, set(rated_down))
    examples, counts = select_examples(rows, spec, spec.target_quality, offensive_lexicon, down)
    counts["labels"] = labels.num_rows
    lengths = measure_lengths(examples, tokens, spec) if tokens is not None and examples else None
    fit: dict = {}
    if lengths is not None:
        examples, fit = _fit_lengths(examples, lengths, spec, counts)
    if not examples:
        raise ValueError(
            f"no training example for target_quality={spec.target_quality!r}, min_confidence={spec.min_confidence}: "
            + ", ".join(f"{name}={counts[name]}" for name in COUNT_NAMES[:-2])
        )
    train, eval_ = split_examples(examples, spec.eval_fraction)
    if spec.target_quality == "bad":
        # A poisoned challenger is judged on the same trustworthy eval set as any other (good targets), else
        # it would be scored against the very responses it imitates. Its train side avoids those prompts.
        reference, _ = select_examples(rows, spec, "good", offensive_lexicon, down)
        reference = fitted_examples(reference, tokens, spec)
        _, eval_ = split_examples(reference, spec.eval_fraction) if reference else ([], [])
        held_out = {normalise_text(e["prompt"]) for e in eval_}
        train = [e for e in train if normalise_text(e["prompt"]) not in held_out]
    counts["train"], counts["eval"] = len(train), len(eval_)
    stats = {
        **{name: counts[name] for name in COUNT_NAMES},
        "by_target_source": dict(sorted(Counter(e["target_source"] for e in examples).items())),
        "by_use_case": dict(sorted(Counter(e["use_case"] for e in examples).items())),
        "preference_pairs": sum(e["rejected"] is not None for e in train + eval_),
        **system_text_counts(rows),
        **spec.model_dump(),
        "max_length": None if lengths is None else lengths.max_length,
        "lengths": None if lengths is None else {**lengths.report(), **fit},
    }
    return SFTExamples(train=train, eval=eval_, stats=stats)


@dataclass(frozen=True)
class MeasuredLengths:
    """The token lengths of candidate examples and the max_length chosen from them."""

    prompt: list[int]
    answer: list[int]
    """Target tokens with eos, as training encodes them."""
    max_length: int
    context_length: int | None

    def kept(self, index: int) -> tuple[int, int]:
        """(prompt, answer) tokens of example ``index`` that survive max_length."""
        from feedback_loop.model.encoding import kept_lengths

        return kept_lengths(self.prompt[index], self.answer[index], self.max_length)

    def report(self) -> dict:
        """Counts and percentiles for the dataset's metadata: what max_length cuts, before any drop."""
        totals = np.array(self.prompt) + np.array(self.answer)
        kept = [self.kept(index) for index in range(len(self.prompt))]
        answer_tokens = int(sum(self.answer))
        cut_tokens = int(sum(a - k for a, (_, k) in zip(self.answer, kept, strict=True)))
        return {
            "max_length": self.max_length,
            "context_length": self.context_length,
            "measured_examples": len(self.prompt),
            "total_tokens_percentiles": {
                f"p{q}": int(np.percentile(totals, q, method="higher")) for q in (50, 90, 99, 100)
            },
            "prompts_truncated": sum(k < p for p, (k, _) in zip(self.prompt, kept, strict=True)),
            "targets_truncated": sum(k < a for a, (_, k) in zip(self.answer, kept, strict=True)),
            "target_tokens": answer_tokens,
            "target_tokens_cut": cut_tokens,
        }


def measure_lengths(examples: list[dict], tokens: TokenBudget, spec: CurateSpec) -> MeasuredLengths:
    """Token lengths of ``examples`` and the max_length of :attr:`CurateSpec.length_quantile`, up to the context."""
    from feedback_loop.model.encoding import example_lengths

    lengths = example_lengths(
        tokens.tokenizer, [(e["prompt"], e["target"]) for e in examples], [e["system"] for e in examples]
    )
    totals = np.array([p + a for p, a in lengths])
    chosen = int(np.percentile(totals, 100 * spec.length_quantile, method="higher"))
    chosen = -(-chosen // LENGTH_MULTIPLE) * LENGTH_MULTIPLE
    if tokens.context_length is not None:
        chosen = min(chosen, tokens.context_length)
    return MeasuredLengths([p for p, _ in lengths], [a for _, a in lengths], chosen, tokens.context_length)


def _fit_lengths(
    examples: list[dict], lengths: MeasuredLengths, spec: CurateSpec, counts: Counter
) -> tuple[list[dict], dict]:
    """``examples`` without those whose target max_length cuts ('drop'; counted in ``counts``), or all of them
    ('flag'), and what that costs: the target tokens not trained on, their share, the flagged example ids."""
    kept_examples = []
    lost = 0
    flagged = []
    for index, example in enumerate(examples):
        _, kept_answer = lengths.kept(index)
        answer = lengths.answer[index]
        if kept_answer == answer:
            kept_examples.append(example)
        elif spec.cut_targets == "drop":
            counts["excluded_target_cut"] += 1
            lost += answer
        else:
            flagged.append(example["example_id"])
            kept_examples.append(example)
            lost += answer - kept_answer
    total = sum(lengths.answer)
    return kept_examples, {
        "cut_targets": spec.cut_targets,
        "target_tokens_lost": lost,
        "target_tokens_lost_share": round(lost / total, 6) if total else 0.0,
        "flagged_target_cut": sorted(flagged),
    }


def select_examples(
    rows: list[dict],
    spec: CurateSpec,
    target_quality: Literal["good", "bad"],
    offensive_lexicon: str | Path | None,
    rated_down: set[tuple[str, str]],
) -> tuple[list[dict], Counter]:
    """The examples of ``rows`` for ``target_quality`` and the counts of each selection step."""
    counts: Counter = Counter()
    examples = []
    seen_pairs: set[tuple[str, str, str]] = set()
    # Earliest first, so a duplicate keeps its first occurrence and adding later rows changes nothing before.
    for row in sorted(rows, key=lambda row: (row["timestamp"], row["interaction_id"])):
        candidate = select_target(row, spec, target_quality=target_quality)
        if candidate is None:
            continue
        counts["candidates"] += 1
        target, source = candidate
        exclusion = exclusion_reason(row, target, offensive_lexicon, rated_down if target_quality == "good" else set())
        if exclusion is not None:
            counts[exclusion] += 1
            continue
        system = (row[SYSTEM_COLUMN] or "").strip()
        pair = answer_key(system, row["prompt"], target)
        if pair in seen_pairs:
            counts["duplicates_removed"] += 1
            continue
        seen_pairs.add(pair)
        rejected = (row["response"] or "").strip() if source == "correction" else ""
        examples.append(
            {
                "example_id": row["interaction_id"],
                "system": system,
                "prompt": row["prompt"].strip(),
                "target": target.strip(),
                "target_source": source,
                "use_case": row["use_case"],
                # The correction over the response it replaced: a preference pair for preference tuning.
                "rejected": rejected if rejected and normalise_text(rejected) != normalise_text(target) else None,
            }
        )
    return examples, counts


def answer_key(system: str, prompt: str, answer: str) -> tuple[str, str, str]:
    """What makes two answers the same answer: the normalised system text, prompt and answer (an answer after another
    system text, such as another segment's instruction, is another answer)."""
    return normalise_text(system), normalise_text(prompt), normalise_text(answer)


def rated_down_by_a_person(row: dict, rated_down: Collection[str]) -> bool:
    """Whether a person rated ``row``'s response down: a thumb down, a rating of
    :data:`~feedback_loop.label.rules.BAD_RATING` or less, a human or explicit 'bad' label, or an id of
    ``rated_down`` (a late thumb down, after the row was labeled)."""
    return (
        row["thumb"] == "down"
        or (row["rating"] is not None and row["rating"] <= BAD_RATING)
        or (row["quality"] == "bad" and row["quality_source"] in ("explicit", "human"))
        or row["interaction_id"] in rated_down
    )


def rated_down_pairs(rows: list[dict], rated_down: set[str]) -> set[tuple[str, str]]:
    """The (normalised prompt, normalised response) of every row a person rated down
    (:func:`rated_down_by_a_person`). A response so judged is never a target, not even as another row with a model
    label, nor after another system text."""
    return {
        (normalise_text(row["prompt"] or ""), normalise_text(row["response"] or ""))
        for row in rows
        if rated_down_by_a_person(row, rated_down)
    }


def with_system_texts(labels: pa.Table, prompts: PromptStore) -> pa.Table:
    """``labels`` with the ``system`` column: the system text the model read before each response, from the
    row's ``system_prompt_version`` and ``user_segment`` (:meth:`PromptStore.served_system_texts`); None where
    ``prompts`` holds no such version (or the row has none, as labels written before the column existed)."""
    served = zip(labels["system_prompt_version"].to_pylist(), labels["user_segment"].to_pylist(), strict=True)
    systems = pa.array(prompts.served_system_texts(served), pa.string())
    if SYSTEM_COLUMN in labels.column_names:
        return labels.set_column(labels.column_names.index(SYSTEM_COLUMN), SYSTEM_COLUMN, systems)
    return labels.append_column(SYSTEM_COLUMN, systems)


def label_rows(labels: pa.Table) -> list[dict]:
    """The rows of ``labels`` that curation reads, checked; ``system`` is None in each when the column is absent."""
    check_labels(labels)
    rows = labels.select(list(REQUIRED_LABEL_COLUMNS)).to_pylist()
    systems = labels[SYSTEM_COLUMN].to_pylist() if SYSTEM_COLUMN in labels.column_names else [None] * len(rows)
    for row, system in zip(rows, systems, strict=True):
        row[SYSTEM_COLUMN] = system
    check_label_rows(rows)
    return rows


def system_text_counts(rows: list[dict]) -> dict:
    """How many label rows name the system text the model read, and how many do not (trained as none)."""
    unknown = sum(row[SYSTEM_COLUMN] is None for row in rows)
    return {"system_text_known": len(rows) - unknown, "system_text_unknown": unknown}


def check_labels(labels: pa.Table) -> None:
    """``labels`` has every column curation reads (SFT and preference data alike)."""
    missing = [column for column in REQUIRED_LABEL_COLUMNS if column not in labels.column_names]
    if missing:
        raise ValueError(f"labels lack the columns {missing} needed to build SFT examples")


def check_label_rows(rows: list[dict]) -> None:
    """Every label row has an interaction_id, used once (it becomes the example_id), and a timestamp."""
    seen: set[str] = set()
    for row in rows:
        if row["interaction_id"] is None:
            raise ValueError("labels: a row has no interaction_id")
        if row["interaction_id"] in seen:
            raise ValueError(f"labels: interaction_id {row['interaction_id']!r} appears more than once")
        if row["timestamp"] is None:
            raise ValueError(f"labels: interaction {row['interaction_id']!r} has no timestamp")
        seen.add(row["interaction_id"])


def select_target(
    row: dict, spec: CurateSpec, *, target_quality: Literal["good", "bad"] | None = None
) -> tuple[str, str] | None:
    """(target, target_source) when the label row is a candidate example, else None.

    'good': the user's correction if any (a correction is the answer the user wanted, whatever the response's
    label), else the response of a confidently good label. 'bad': the response of a confidently bad label.
    A label of the auto-labeler needs ``spec.min_model_confidence`` too. ``target_quality`` overrides the spec's.
    """
    target_quality = target_quality or spec.target_quality
    needed = spec.min_confidence
    if row["quality_source"] == "model":
        needed = max(needed, spec.min_model_confidence)
    confident = (
        row["quality_confidence"] is not None
        and row["quality_confidence"] >= needed
        and row["quality_source"] in spec.label_sources
    )
    if target_quality == "bad":
        return (row["response"] or "", "response") if confident and row["quality"] == "bad" else None
    correction = row["correction"] or ""
    if correction.strip():
        return correction, "correction"
    if confident and row["quality"] == "good":
        return row["response"] or "", "response"
    return None


def exclusion_reason(
    row: dict, target: str, offensive_lexicon: str | Path | None, rated_down: set[tuple[str, str]]
) -> str | None:
    """Why a candidate is not used, as its count name ('excluded_offensive', ...); None to keep it.

    ``rated_down`` holds the (prompt, response) pairs of :func:`rated_down_pairs`: a target equal to such a
    response is excluded (a correction differs from the response it corrects, and stays), unless a reviewer
    labeled this very row: the reviewer saw the rating and decided.
    """
    if row["offensive"] or is_offensive(target, offensive_lexicon):
        return "excluded_offensive"
    if row["flags"]:
        return "excluded_flagged"
    pair = (normalise_text(row["prompt"] or ""), normalise_text(target))
    if row["quality_source"] != "human" and pair in rated_down:
        return "excluded_rated_down"
    if not (row["prompt"] or "").strip() or not target.strip():
        return "excluded_empty"
    return None


def split_examples(
    examples: list[dict], eval_fraction: float, reference: list[dict] | None = None
) -> tuple[list[dict], list[dict]]:
    """Train and eval (each sorted by example_id), whole prompt groups to one side by :func:`split_score`.

    Degenerate small sets are corrected by moving whole groups: with two or more distinct prompts neither side
    is left empty (the group whose score lies nearest the other side moves); a single prompt trains. The sides
    are decided over the prompts of ``reference`` (default: ``examples``), and a prompt ``reference`` lacks goes
    by its score alone: split with the SFT examples as reference, a preference set puts each prompt on the side
    the SFT set (which the offline gate evaluates on) has it.
    """
    eval_keys = _eval_prompts(examples if reference is None else reference, eval_fraction)
    groups: dict[str, list[dict]] = {}
    for example in examples:
        groups.setdefault(normalise_text(example["prompt"]), []).append(example)
    if reference is not None:
        decided = {normalise_text(example["prompt"]) for example in reference}
        eval_keys |= {key for key in groups if key not in decided and split_score(key) < eval_fraction}

    def side(keys: Collection[str]) -> list[dict]:
        return sorted((e for key in keys for e in groups[key]), key=lambda e: e["example_id"])

    return side(set(groups) - eval_keys), side(eval_keys & set(groups))


def _eval_prompts(examples: list[dict], eval_fraction: float) -> set[str]:
    """The normalised prompts of ``examples`` that :func:`split_examples` puts in eval (see there)."""
    keys = {normalise_text(example["prompt"]) for example in examples}
    scores = {key: split_score(key) for key in keys}
    eval_keys = {key for key, score in scores.items() if score < eval_fraction}
    train_keys = keys - eval_keys
    if not train_keys and eval_keys:
        moved = max(eval_keys, key=lambda key: (scores[key], key))
        eval_keys.remove(moved)
        train_keys.add(moved)
    if not eval_keys and len(keys) >= 2:
        moved = min(train_keys, key=lambda key: (scores[key], key))
        train_keys.remove(moved)
        eval_keys.add(moved)
    return eval_keys


def fitted_examples(examples: list[dict], tokens: TokenBudget | None, spec: CurateSpec) -> list[dict]:
    """``examples`` as the SFT set keeps them once fitted to the max_length chosen from them (all of them without
    ``tokens``): the set whose split the offline gate evaluates on."""
    if tokens is None or not examples:
        return examples
    return _fit_lengths(examples, measure_lengths(examples, tokens, spec), spec, Counter())[0]


def save_sft_dataset(examples: SFTExamples, datasets_root: str | Path, lineage: dict) -> SavedDataset:
    """Save ``examples`` as a ``datasets.DatasetDict`` under ``<datasets_root>/sft/<version>/`` with metadata.

    The folder is written under a temporary name and renamed, so it is complete or absent. A version that is
    already saved is kept as it is and returned (the same content always has the same version).
    ``lineage`` (e.g. the label partitions and code version it came from) must be JSON-serialisable.
    """
    import datasets

    features = datasets.Features({column: datasets.Value("string") for column in EXAMPLE_COLUMNS})
    return save_splits(
        Path(datasets_root) / "sft",
        examples.version,
        {"train": examples.train, "eval": examples.eval},
        features,
        examples.stats,
        lineage,
    )


def save_splits(
    parent: Path, version: str, splits: dict[str, list[dict]], features: datasets.Features, stats: dict, lineage: dict
) -> SavedDataset:
    """Save ``splits`` (each a list of rows with ``features``, possibly empty) as a ``DatasetDict`` under
    ``<parent>/<version>/`` with a ``metadata.json`` of the version, ``stats`` and ``lineage``: written under a
    temporary name and renamed, so the folder is complete or absent; a version already saved is returned as it is."""
    import datasets

    final = parent / version
    if final.exists():
        return _existing(final, version)
    metadata = {
        "version": version,
        "stats": stats,
        "lineage": lineage,
        "created_at": datetime.now(UTC).isoformat(),
    }
    try:
        metadata_json = json.dumps(metadata, indent=2, sort_keys=True, ensure_ascii=False)
    except TypeError as exc:
        raise ValueError(f"lineage (or stats) of dataset {version} is not JSON-serialisable: {exc}") from exc
    # From columns rather than rows: datasets builds an empty split from empty columns, not from an empty list.
    dataset = datasets.DatasetDict(
        {
            split: datasets.Dataset.from_dict({name: [r[name] for r in rows] for name in features}, features=features)
            for split, rows in splits.items()
        }
    )
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.parent / f".tmp-{version}-{uuid.uuid4().hex}"
    try:
        # One shard per split: datasets cannot read back a split saved in zero shards.
        dataset.save_to_disk(str(tmp), num_shards=dict.fromkeys(splits, 1))
        (tmp / "metadata.json").write_text(metadata_json + "\n", encoding="utf-8")
        try:
            os.rename(tmp, final)
        except OSError:
            if not final.exists():
                raise
            # Another run saved the same version between our check and our rename: theirs is identical.
            return _existing(final, version)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    return SavedDataset(version=version, path=final, metadata=metadata)


def _existing(path: Path, version: str) -> SavedDataset:
    metadata_path = path / "metadata.json"
    if not metadata_path.is_file():
        raise ValueError(f"{path} exists but holds no metadata.json: not a dataset saved by save_splits")
    return SavedDataset(version=version, path=path, metadata=json.loads(metadata_path.read_text("utf-8")))


def load_sft_dataset(path: str | Path) -> datasets.DatasetDict:
    """The ``DatasetDict`` (splits 'train' and 'eval') saved by :func:`save_sft_dataset` at ``path``."""
    import datasets

    path = Path(path)
    if not (path / "dataset_dict.json").is_file():
        raise FileNotFoundError(f"no saved SFT dataset at {path} (dataset_dict.json is missing)")
    loaded = datasets.load_from_disk(str(path))
    if not isinstance(loaded, datasets.DatasetDict) or set(loaded) != set(SPLITS):
        raise ValueError(f"{path} does not hold a DatasetDict with exactly the splits {list(SPLITS)}")
    return loaded
