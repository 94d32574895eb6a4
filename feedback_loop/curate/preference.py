"""Preference data from labels, in TRL's standard formats: pairs for DPO and labelled completions for KTO.

The chosen side is what supervised fine-tuning would train on (:func:`~feedback_loop.curate.sft.build_sft_examples`'s
selection, with every exclusion: a response a person rated down is never chosen, whatever label it carries). The
rejected side is a response a person judged: one rated down (a thumb down, a bad rating, a human or explicit 'bad',
late feedback or a standing review verdict) or one that the user replaced with a correction.

* ``pairs`` (``prompt``/``chosen``/``rejected``): a correction over the response it replaced; and, for a prompt
  with a chosen answer, each distinct response to the same prompt that a person rated down, under one of that
  prompt's chosen answers (taken in turn, so that no chosen answer takes every pair).
* ``kto`` (``prompt``/``completion``/``label``): every chosen answer with label True and every rejected response
  with label False, unpaired.

The rejected side passes the same screen as a target (offensive, flagged, empty); a response that is chosen for the
same prompt is never also rejected (a reviewer said 'good' where another person said 'bad': the reviewer saw both
and decided), and is counted as a conflict. Every example keeps the system text the model read (``system``, empty
when none or not known), and only answers after the same system text are paired. Every example is measured with the
base model's tokenizer; one whose completion a ``max_length`` chosen from the data would cut is dropped and counted,
never trained on cut. Both sets are split by :func:`~feedback_loop.curate.sft.split_examples` with the SFT set
built from the same labels as reference, so each prompt is on the side the SFT set has it: a prompt the offline
gate evaluates on (SFT's eval split, small-set corrections included) is never trained on here. Empty sets are
valid (nothing to learn from yet); training with an objective that needs them refuses an empty train split.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pyarrow as pa

from feedback_loop.curate.sft import (
    SYSTEM_COLUMN,
    VERSION_LENGTH,
    CurateSpec,
    SavedDataset,
    TokenBudget,
    answer_key,
    exclusion_reason,
    fitted_examples,
    label_rows,
    measure_lengths,
    normalise_text,
    rated_down_by_a_person,
    rated_down_pairs,
    save_splits,
    select_examples,
    split_examples,
    system_text_counts,
)

if TYPE_CHECKING:
    import datasets

PreferenceKind = Literal["pairs", "kto"]
PAIR_COLUMNS: tuple[str, ...] = ("example_id", "system", "prompt", "chosen", "rejected", "pair_source", "use_case")
KTO_COLUMNS: tuple[str, ...] = (
    "example_id",
    "system",
    "prompt",
    "completion",
    "label",
    "completion_source",
    "use_case",
)
# The counts in PreferenceExamples.stats, in the order of the steps that produce them.
COUNT_NAMES: tuple[str, ...] = (
    "labels",
    "chosen",
    "rejected_candidates",
    "rejected_excluded_offensive",
    "rejected_excluded_flagged",
    "rejected_excluded_empty",
    "rejected_conflicting",
    "rejected",
    "pairs_from_corrections",
    "pairs_from_ratings",
    "duplicates_removed",
    "excluded_target_cut",
    "moved_to_eval",
    "train",
    "eval",
)


@dataclass(frozen=True)
class PreferenceExamples:
    """Train and eval rows of one preference set (``kind``: ``pairs`` or ``kto``) and how they were made."""

    kind: PreferenceKind
    train: list[dict]
    eval: list[dict]
    stats: dict

    @property
    def version(self) -> str:
        """The content version: equal rows, kind and max_length give an equal version."""
        content = {
            "kind": self.kind,
            "max_length": self.stats["max_length"],
            "train": sorted(self.train, key=lambda row: row["example_id"]),
            "eval": sorted(self.eval, key=lambda row: row["example_id"]),
        }
        canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:VERSION_LENGTH]


@dataclass(frozen=True)
class _Rejected:
    """A response a person judged bad, for one prompt: the row it came from, why it is rejected, and every
    interaction whose correction replaced it (several users may correct one answer, each in their own words)."""

    row: dict
    source: Literal["rated_down", "corrected"]
    corrected_by: list[str] = field(default_factory=list)


def build_preference_examples(
    labels: pa.Table,
    spec: CurateSpec | None = None,
    *,
    offensive_lexicon: str | Path | None = None,
    rated_down: Collection[str] = (),
    tokens: TokenBudget | None = None,
    evaluated_prompts: Collection[str] = (),
) -> dict[PreferenceKind, PreferenceExamples]:
    """The ``pairs`` and ``kto`` sets of ``labels`` (see the module docstring); either may be empty.

    ``spec`` chooses the chosen side as it chooses SFT targets (its ``target_quality`` must be 'good': a poisoned
    preference set is not built); ``offensive_lexicon``, ``rated_down`` and ``tokens`` are those of
    :func:`~feedback_loop.curate.sft.build_sft_examples`. ``evaluated_prompts`` are the prompts of the SFT dataset's
    eval split, which the offline gate evaluates on: whatever this ``spec`` says (its ``eval_fraction`` or label
    sources may differ from that dataset's), they are never trained on here (counted in ``moved_to_eval``).
    """
    spec = spec or CurateSpec()
    if spec.target_quality != "good":
        raise ValueError(f"target_quality must be 'good' for preference data, got {spec.target_quality!r}")
    rows = label_rows(labels)
    down = rated_down_pairs(rows, set(rated_down))
    chosen, _ = select_examples(rows, spec, "good", offensive_lexicon, down)
    counts: Counter = Counter(labels=labels.num_rows, chosen=len(chosen))
    rejected = _rejected_responses(rows, chosen, set(rated_down), offensive_lexicon, counts)
    pairs = _pairs(chosen, rejected, counts)
    kto = _kto_rows(chosen, rejected)
    # The SFT set (the chosen answers once fitted): its split decides each prompt's side here too.
    sft_examples = fitted_examples(chosen, tokens, spec)
    evaluated = {normalise_text(prompt) for prompt in evaluated_prompts}
    result: dict[PreferenceKind, PreferenceExamples] = {}
    built: tuple[tuple[PreferenceKind, list[dict]], ...] = (("pairs", pairs), ("kto", kto))
    for kind, examples in built:
        kind_counts = Counter(counts)
        completions = ("chosen", "rejected") if kind == "pairs" else ("completion",)
        max_length = None
        if tokens is not None and examples:
            examples, max_length = _fit(examples, completions, tokens, spec, kind_counts)
        train, eval_ = split_examples(examples, spec.eval_fraction, sft_examples)
        moved = [example for example in train if normalise_text(example["prompt"]) in evaluated]
        if moved:
            train = [example for example in train if normalise_text(example["prompt"]) not in evaluated]
            eval_ = sorted([*eval_, *moved], key=lambda example: example["example_id"])
        kind_counts["moved_to_eval"] = len(moved)
        kind_counts["train"], kind_counts["eval"] = len(train), len(eval_)
        source = "pair_source" if kind == "pairs" else "completion_source"
        stats = {
            **{name: kind_counts[name] for name in COUNT_NAMES},
            f"by_{source}": dict(sorted(Counter(e[source] for e in examples).items())),
            **({"by_label": dict(sorted(Counter(str(e["label"]) for e in examples).items()))} if kind == "kto" else {}),
            **system_text_counts(rows),
            **spec.model_dump(),
            "max_length": max_length,
        }
        result[kind] = PreferenceExamples(kind=kind, train=train, eval=eval_, stats=stats)
    return result


def _rejected_responses(
    rows: list[dict],
    chosen: list[dict],
    rated_down: set[str],
    offensive_lexicon: str | Path | None,
    counts: Counter,
) -> dict[tuple[str, str], list[_Rejected]]:
    """By normalised system text and prompt, the distinct responses a person rated down after that system text
    (:func:`~feedback_loop.curate.sft.rated_down_by_a_person`; an answer one tier disliked may suit another) or a
    correction replaced, earliest first, screened like targets; one that is chosen after the same system text for
    the same prompt is a conflict and left out."""

    def key_of(row: dict) -> tuple[str, str, str]:
        return answer_key(row[SYSTEM_COLUMN] or "", row["prompt"] or "", row["response"] or "")

    chosen_texts = {answer_key(e["system"], e["prompt"], e["target"]) for e in chosen}
    corrected = {e["example_id"] for e in chosen if e["rejected"] is not None}
    down = {key_of(row) for row in rows if rated_down_by_a_person(row, rated_down)}
    rejected: dict[tuple[str, str], list[_Rejected]] = {}
    seen: set[tuple[str, str, str]] = set()
    kept: dict[tuple[str, str, str], _Rejected] = {}
    for row in sorted(rows, key=lambda row: (row["timestamp"], row["interaction_id"])):
        key = key_of(row)
        is_corrected = row["interaction_id"] in corrected
        source: Literal["rated_down", "corrected"] | None = (
            "corrected" if is_corrected else "rated_down" if key in down else None
        )
        if source is None:
            continue
        if key in seen:
            if is_corrected and key in kept:  # the same response, corrected again: one more pair, no new row
                kept[key].corrected_by.append(row["interaction_id"])
            continue
        seen.add(key)
        counts["rejected_candidates"] += 1
        # The screen of a target, without its rated-down rule: here being rated down is the point.
        exclusion = exclusion_reason(row, row["response"] or "", offensive_lexicon, set())
        if exclusion is not None:
            counts[f"rejected_{exclusion}"] += 1
            continue
        if key in chosen_texts:
            counts["rejected_conflicting"] += 1
            continue
        counts["rejected"] += 1
        kept[key] = _Rejected(row, source, [row["interaction_id"]] if is_corrected else [])
        rejected.setdefault(key[:2], []).append(kept[key])
    return rejected


def _context(example: dict) -> tuple[str, str]:
    """What an answer answers: the normalised system text and prompt (answers to one prompt after different system
    texts, such as another user segment's instruction, are not compared)."""
    return normalise_text(example["system"]), normalise_text(example["prompt"])


def _pairs(chosen: list[dict], rejected: dict[tuple[str, str], list[_Rejected]], counts: Counter) -> list[dict]:
    """Correction pairs (of the screened responses), then each rated-down response under one of the chosen answers
    to its prompt (after the same system text), in turn."""
    by_prompt: dict[tuple[str, str], list[dict]] = {}
    for example in chosen:
        by_prompt.setdefault(_context(example), []).append(example)
    pairs = []
    seen: set[tuple[str, str, str, str]] = set()

    def add(example_id: str, chosen_example: dict, rejected_text: str, source: str) -> None:
        key = (*_context(chosen_example), normalise_text(chosen_example["target"]), normalise_text(rejected_text))
        if key in seen:
            counts["duplicates_removed"] += 1
            return
        seen.add(key)
        counts[f"pairs_from_{source}"] += 1
        pairs.append(
            {
                "example_id": example_id,
                "system": chosen_example["system"],
                "prompt": chosen_example["prompt"],
                "chosen": chosen_example["target"],
                "rejected": rejected_text.strip(),
                "pair_source": "correction" if source == "corrections" else "rating",
                "use_case": chosen_example["use_case"],
            }
        )

    by_id = {example["example_id"]: example for example in chosen}
    for responses in rejected.values():
        for response in responses:
            for corrected in response.corrected_by:
                add(corrected, by_id[corrected], response.row["response"], "corrections")
    for prompt, responses in rejected.items():
        answers = by_prompt.get(prompt, [])
        rated = [response for response in responses if response.source == "rated_down"]
        for turn, response in enumerate(rated if answers else []):
            answer = answers[turn % len(answers)]
            add(f"{answer['example_id']}>{response.row['interaction_id']}", answer, response.row["response"], "ratings")
    return pairs


def _kto_rows(chosen: list[dict], rejected: dict[tuple[str, str], list[_Rejected]]) -> list[dict]:
    """Every chosen answer labelled True, every rejected response labelled False."""
    desirable = [
        {
            "example_id": example["example_id"],
            "system": example["system"],
            "prompt": example["prompt"],
            "completion": example["target"],
            "label": True,
            "completion_source": example["target_source"],
            "use_case": example["use_case"],
        }
        for example in chosen
    ]
    undesirable = [
        {
            "example_id": f"{response.row['interaction_id']}:rejected",
            "system": (response.row[SYSTEM_COLUMN] or "").strip(),
            "prompt": response.row["prompt"].strip(),
            "completion": response.row["response"].strip(),
            "label": False,
            "completion_source": response.source,
            "use_case": response.row["use_case"],
        }
        for responses in rejected.values()
        for response in responses
    ]
    return desirable + undesirable


def _fit(
    examples: list[dict], completions: tuple[str, ...], tokens: TokenBudget, spec: CurateSpec, counts: Counter
) -> tuple[list[dict], int]:
    """``examples`` without those of which a completion would be cut at the max_length chosen from all their
    (prompt, completion) lengths, and that max_length."""
    measured = [
        {"system": e["system"], "prompt": e["prompt"], "target": e[field]} for e in examples for field in completions
    ]
    lengths = measure_lengths(measured, tokens, spec)
    kept = []
    for index, example in enumerate(examples):
        sides = range(index * len(completions), (index + 1) * len(completions))
        if all(lengths.kept(side)[1] == lengths.answer[side] for side in sides):
            kept.append(example)
        else:
            counts["excluded_target_cut"] += 1
    return kept, lengths.max_length


def save_preference_dataset(examples: PreferenceExamples, datasets_root: str | Path, lineage: dict) -> SavedDataset:
    """Save ``examples`` under ``<datasets_root>/<kind>/<version>/`` like an SFT dataset (complete or absent,
    idempotent), with ``metadata.json`` holding the version, stats (``max_length`` among them) and ``lineage``."""
    return save_splits(
        Path(datasets_root) / examples.kind,
        examples.version,
        {"train": examples.train, "eval": examples.eval},
        preference_features(examples.kind),
        examples.stats,
        lineage,
    )


def preference_features(kind: PreferenceKind) -> datasets.Features:
    """The columns of a saved preference set: strings, and KTO's boolean ``label``."""
    import datasets

    columns = PAIR_COLUMNS if kind == "pairs" else KTO_COLUMNS
    return datasets.Features({name: datasets.Value("bool" if name == "label" else "string") for name in columns})
