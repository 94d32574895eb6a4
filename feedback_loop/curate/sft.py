"""Supervised fine-tuning examples from labels: select, filter, deduplicate, split, version and save.

* Targets: what the user wrote as a correction when there is one, else the response of an interaction labeled
  good with enough confidence. ``target_quality='bad'`` instead takes the responses labeled bad (never
  corrections): a deliberately poisoned set, for checking that the promotion gate rejects a worse adapter.
* Never trained on: offensive interactions or targets, anything a user flagged, empty prompts or targets, and
  the same (prompt, target) pair twice.
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
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pyarrow as pa

from feedback_loop.label.lexicons import is_offensive

if TYPE_CHECKING:
    import datasets

EXAMPLE_COLUMNS: tuple[str, ...] = ("example_id", "prompt", "target", "target_source", "use_case")
SPLITS: tuple[str, ...] = ("train", "eval")
VERSION_LENGTH = 12
# The counts in SFTExamples.stats, in the order of the steps that produce them.
COUNT_NAMES: tuple[str, ...] = (
    "labels",
    "candidates",
    "excluded_offensive",
    "excluded_flagged",
    "excluded_empty",
    "duplicates_removed",
    "train",
    "eval",
)
_REQUIRED_LABEL_COLUMNS = (
    "interaction_id",
    "timestamp",
    "use_case",
    "prompt",
    "response",
    "correction",
    "flags",
    "offensive",
    "quality",
    "quality_confidence",
    "quality_source",
)
# Every label source; build_sft_examples can be restricted to some (e.g. to leave out the learned model's).
LABEL_SOURCES: tuple[str, ...] = ("explicit", "human", "rule", "model")


@dataclass(frozen=True)
class SFTExamples:
    """Train and eval examples (dicts of :data:`EXAMPLE_COLUMNS`) and the counts of how they were made."""

    train: list[dict]
    eval: list[dict]
    stats: dict

    @property
    def version(self) -> str:
        """The content version: equal examples (and target quality) give an equal version."""
        return dataset_version(self.train, self.eval, self.stats["target_quality"])


@dataclass(frozen=True)
class SavedDataset:
    """A dataset saved under ``<datasets_root>/sft/<version>/`` and its metadata."""

    version: str
    path: Path
    metadata: dict


def normalise_text(text: str) -> str:
    """``text`` with runs of whitespace collapsed to one space and the ends stripped (the comparison key)."""
    return " ".join(text.split())


def split_score(prompt: str) -> float:
    """A stable number in [0, 1) from the normalised prompt; prompts below ``eval_fraction`` go to eval."""
    digest = hashlib.sha256(normalise_text(prompt).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def dataset_version(train_rows: list[dict], eval_rows: list[dict], target_quality: str) -> str:
    """The first hex digits of sha256 over the canonical JSON of the sorted rows and the target quality."""
    content = {
        "target_quality": target_quality,
        "train": sorted(train_rows, key=lambda row: row["example_id"]),
        "eval": sorted(eval_rows, key=lambda row: row["example_id"]),
    }
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:VERSION_LENGTH]


def build_sft_examples(
    labels: pa.Table,
    *,
    min_confidence: float = 0.7,
    eval_fraction: float = 0.2,
    target_quality: Literal["good", "bad"] = "good",
    offensive_lexicon: str | Path | None = None,
    label_sources: tuple[str, ...] = LABEL_SOURCES,
) -> SFTExamples:
    """Select, filter, deduplicate and split the examples of ``labels`` (a labels table, any extra columns).

    ``offensive_lexicon`` replaces the packaged word list used to screen targets. Only labels whose
    ``quality_source`` is in ``label_sources`` make a response a target (corrections always do). Raises
    ValueError when no example survives, naming the counts of each step.
    """
    _check_arguments(labels, min_confidence, eval_fraction, target_quality)
    unknown_sources = sorted(set(label_sources) - set(LABEL_SOURCES))
    if unknown_sources:
        raise ValueError(f"label_sources {unknown_sources} are not label sources; use some of {LABEL_SOURCES}")
    rows = labels.select(list(_REQUIRED_LABEL_COLUMNS)).to_pylist()
    _check_rows(rows)
    examples, counts = _select_examples(rows, min_confidence, target_quality, offensive_lexicon, label_sources)
    counts["labels"] = labels.num_rows
    if not examples:
        raise ValueError(
            f"no training example for target_quality={target_quality!r}, min_confidence={min_confidence}: "
            + ", ".join(f"{name}={counts[name]}" for name in COUNT_NAMES[:-2])
        )
    train, eval_ = split_examples(examples, eval_fraction)
    if target_quality == "bad":
        # A poisoned challenger is judged on the same trustworthy eval set as any other (good targets), else
        # it would be scored against the very responses it imitates. Its train side avoids those prompts.
        reference, _ = _select_examples(rows, min_confidence, "good", offensive_lexicon, label_sources)
        _, eval_ = split_examples(reference, eval_fraction) if reference else ([], [])
        held_out = {normalise_text(e["prompt"]) for e in eval_}
        train = [e for e in train if normalise_text(e["prompt"]) not in held_out]
    counts["train"], counts["eval"] = len(train), len(eval_)
    stats = {
        **{name: counts[name] for name in COUNT_NAMES},
        "by_target_source": dict(sorted(Counter(e["target_source"] for e in examples).items())),
        "by_use_case": dict(sorted(Counter(e["use_case"] for e in examples).items())),
        "min_confidence": min_confidence,
        "eval_fraction": eval_fraction,
        "target_quality": target_quality,
        "label_sources": list(label_sources),
    }
    return SFTExamples(train=train, eval=eval_, stats=stats)


def _select_examples(
    rows: list[dict],
    min_confidence: float,
    target_quality: Literal["good", "bad"],
    offensive_lexicon: str | Path | None,
    label_sources: tuple[str, ...],
) -> tuple[list[dict], Counter]:
    """The examples of ``rows`` for ``target_quality`` and the counts of each selection step."""
    counts: Counter = Counter()
    examples = []
    seen_pairs: set[tuple[str, str]] = set()
    # Earliest first, so a duplicate keeps its first occurrence and adding later rows changes nothing before.
    for row in sorted(rows, key=lambda row: (row["timestamp"], row["interaction_id"])):
        candidate = select_target(
            row, min_confidence=min_confidence, target_quality=target_quality, label_sources=label_sources
        )
        if candidate is None:
            continue
        counts["candidates"] += 1
        target, source = candidate
        exclusion = exclusion_reason(row, target, offensive_lexicon)
        if exclusion is not None:
            counts[exclusion] += 1
            continue
        pair = (normalise_text(row["prompt"]), normalise_text(target))
        if pair in seen_pairs:
            counts["duplicates_removed"] += 1
            continue
        seen_pairs.add(pair)
        examples.append(
            {
                "example_id": row["interaction_id"],
                "prompt": row["prompt"].strip(),
                "target": target.strip(),
                "target_source": source,
                "use_case": row["use_case"],
            }
        )
    return examples, counts


def _check_arguments(labels: pa.Table, min_confidence: float, eval_fraction: float, target_quality: str) -> None:
    missing = [column for column in _REQUIRED_LABEL_COLUMNS if column not in labels.column_names]
    if missing:
        raise ValueError(f"labels lack the columns {missing} needed to build SFT examples")
    if not 0.0 <= min_confidence <= 1.0:
        raise ValueError(f"min_confidence must be within 0..1, got {min_confidence}")
    if not 0.0 < eval_fraction < 1.0:
        raise ValueError(f"eval_fraction must be strictly between 0 and 1, got {eval_fraction}")
    if target_quality not in ("good", "bad"):
        raise ValueError(f"target_quality must be 'good' or 'bad', got {target_quality!r}")


def _check_rows(rows: list[dict]) -> None:
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
    row: dict,
    *,
    min_confidence: float,
    target_quality: Literal["good", "bad"],
    label_sources: tuple[str, ...] = LABEL_SOURCES,
) -> tuple[str, str] | None:
    """(target, target_source) when the label row is a candidate example, else None.

    'good': the user's correction if any (a correction is the answer the user wanted, whatever the response's
    label), else the response of a confidently good label. 'bad': the response of a confidently bad label.
    """
    confident = (
        row["quality_confidence"] is not None
        and row["quality_confidence"] >= min_confidence
        and row["quality_source"] in label_sources
    )
    if target_quality == "bad":
        return (row["response"] or "", "response") if confident and row["quality"] == "bad" else None
    correction = row["correction"] or ""
    if correction.strip():
        return correction, "correction"
    if confident and row["quality"] == "good":
        return row["response"] or "", "response"
    return None


def exclusion_reason(row: dict, target: str, offensive_lexicon: str | Path | None) -> str | None:
    """Why a candidate is not used, as its count name ('excluded_offensive', ...); None to keep it."""
    if row["offensive"] or is_offensive(target, offensive_lexicon):
        return "excluded_offensive"
    if row["flags"]:
        return "excluded_flagged"
    if not (row["prompt"] or "").strip() or not target.strip():
        return "excluded_empty"
    return None


def split_examples(examples: list[dict], eval_fraction: float) -> tuple[list[dict], list[dict]]:
    """Train and eval (each sorted by example_id), whole prompt groups to one side by :func:`split_score`.

    Degenerate small sets are corrected by moving whole groups: with two or more distinct prompts neither side
    is left empty (the group whose score lies nearest the other side moves); a single prompt trains.
    """
    groups: dict[str, list[dict]] = {}
    for example in examples:
        groups.setdefault(normalise_text(example["prompt"]), []).append(example)
    scores = {key: split_score(key) for key in groups}
    eval_keys = {key for key, score in scores.items() if score < eval_fraction}
    train_keys = set(groups) - eval_keys
    if not train_keys:
        moved = max(eval_keys, key=lambda key: (scores[key], key))
        eval_keys.remove(moved)
        train_keys.add(moved)
    if not eval_keys and len(groups) >= 2:
        moved = min(train_keys, key=lambda key: (scores[key], key))
        train_keys.remove(moved)
        eval_keys.add(moved)

    def side(keys: set[str]) -> list[dict]:
        return sorted((e for key in keys for e in groups[key]), key=lambda e: e["example_id"])

    return side(train_keys), side(eval_keys)


def save_sft_dataset(examples: SFTExamples, datasets_root: str | Path, lineage: dict) -> SavedDataset:
    """Save ``examples`` as a ``datasets.DatasetDict`` under ``<datasets_root>/sft/<version>/`` with metadata.

    The folder is written under a temporary name and renamed, so it is complete or absent. A version that is
    already saved is kept as it is and returned (the same content always has the same version).
    ``lineage`` (e.g. the label partitions and code version it came from) must be JSON-serialisable.
    """
    import datasets

    version = examples.version
    final = Path(datasets_root) / "sft" / version
    if final.exists():
        return _existing(final, version)
    metadata = {
        "version": version,
        "stats": examples.stats,
        "lineage": lineage,
        "created_at": datetime.now(UTC).isoformat(),
    }
    try:
        metadata_json = json.dumps(metadata, indent=2, sort_keys=True, ensure_ascii=False)
    except TypeError as exc:
        raise ValueError(f"lineage (or stats) of dataset {version} is not JSON-serialisable: {exc}") from exc
    features = datasets.Features({column: datasets.Value("string") for column in EXAMPLE_COLUMNS})
    dataset = datasets.DatasetDict(
        {split: datasets.Dataset.from_list(getattr(examples, split), features=features) for split in SPLITS}
    )
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.parent / f".tmp-{version}-{uuid.uuid4().hex}"
    try:
        dataset.save_to_disk(str(tmp))
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
        raise ValueError(f"{path} exists but holds no metadata.json: not a dataset saved by save_sft_dataset")
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
