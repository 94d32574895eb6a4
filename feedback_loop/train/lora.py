"""Supervised fine-tuning of a LoRA adapter on the curated dataset, in a plain torch loop.

The loss is taken on the response tokens only: the model learns to answer prompts, not to write them.
Batches group examples of similar length so that little compute goes to padding. The adapter is saved
with PEFT next to ``training_metadata.json``, which records what it was trained from (dataset version,
base model fingerprint, hyperparameters) and how training went.

The example encoding and batching helpers here are shared with offline evaluation, so that evaluation
scores responses exactly the way training learned them.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from feedback_loop.model.base import (
    autocast,
    context_length,
    load_causal_lm,
    model_fingerprint,
    resolve_device,
    staged_output_dir,
)
from feedback_loop.model.prompting import format_prompt

if TYPE_CHECKING:
    import torch
    from transformers import PreTrainedTokenizerBase

METADATA_FILE = "training_metadata.json"
DATASET_METADATA_FILE = "metadata.json"
IGNORE_INDEX = -100  # the label value torch's cross entropy skips
# One encoded example: its input token ids and its labels (IGNORE_INDEX where no loss is taken).
Encoded = tuple[list[int], list[int]]


@dataclass(frozen=True)
class LoraSpec:
    """LoRA hyperparameters and the training recipe. ``device`` is passed to ``resolve_device``."""

    r: int = 16
    alpha: int = 32
    dropout: float = 0.05
    target_modules: tuple[str, ...] = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")
    learning_rate: float = 5e-3
    epochs: int = 5
    batch_size: int = 16
    max_length: int = 256
    seed: int = 0
    device: str = "auto"
    group_by_length: bool = True

    def __post_init__(self) -> None:
        for name in ("r", "alpha", "epochs", "batch_size"):
            if getattr(self, name) < 1:
                raise ValueError(f"LoraSpec.{name} must be at least 1, got {getattr(self, name)}")
        if self.max_length < 2:
            raise ValueError(
                f"LoraSpec.max_length must be at least 2 (a prompt and a response token), got {self.max_length}"
            )
        if not 0 <= self.dropout < 1:
            raise ValueError(f"LoraSpec.dropout must be in [0, 1), got {self.dropout}")
        if not self.learning_rate > 0:
            raise ValueError(f"LoraSpec.learning_rate must be positive, got {self.learning_rate}")
        if isinstance(self.target_modules, str) or not self.target_modules:
            raise ValueError(
                f"LoraSpec.target_modules must be a non-empty tuple of module names, got {self.target_modules!r}"
            )


def adapter_version(dataset_version: str, base_fingerprint: str, spec: LoraSpec) -> str:
    """A stable 12-hex-digit name for the adapter trained from this dataset, base model and recipe.

    The device is left out: it says where training ran, not what was trained, and is recorded in the
    training metadata instead. Re-running the same training therefore lands in the same version.
    """
    recipe = {name: value for name, value in asdict(spec).items() if name != "device"}
    recipe["target_modules"] = list(spec.target_modules)
    payload = json.dumps(
        {"dataset_version": dataset_version, "base_fingerprint": base_fingerprint, "spec": recipe}, sort_keys=True
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:12]


def example_text(row: Mapping[str, Any], field: str, where: str) -> str:
    """``row[field]`` after checking that it is a non-empty string; ``where`` names the row in the error."""
    value = row.get(field)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: field {field!r} must be a non-empty string, got {value!r}")
    return value


def _row_name(split: str, index: int, row: Mapping[str, Any]) -> str:
    """How an error message names a dataset row: its split, position and example_id when it has one."""
    example_id = row.get("example_id")
    return f"{split} row {index}" + (f" (example_id={example_id!r})" if example_id is not None else "")


def encode_prompt(tokenizer: PreTrainedTokenizerBase, prompt: str, max_length: int, system: str = "") -> list[int]:
    """The token ids the model reads before answering ``prompt`` (after ``system`` text), at most ``max_length``.

    A prompt that is too long loses its beginning (the system text first): its end holds the question and the
    answer marker, which the response depends on most.
    """
    ids = tokenizer(format_prompt(prompt, system), add_special_tokens=True)["input_ids"]
    return ids[max(0, len(ids) - max_length) :]


def encode_examples(
    tokenizer: PreTrainedTokenizerBase, pairs: Sequence[tuple[str, str]], max_length: int
) -> list[Encoded]:
    """Encode (prompt, target) pairs as ``format_prompt(prompt) + target + eos`` with response-only labels.

    The labels are IGNORE_INDEX on the prompt tokens. An example longer than ``max_length`` keeps its
    whole prompt and loses the end of its target; a prompt that alone fills ``max_length`` is cut from
    the left so that at least one response token remains to learn from.
    """
    if tokenizer.eos_token_id is None:
        raise ValueError("the tokenizer has no eos token; training needs one to teach the model to stop")
    if not pairs:
        return []
    prompts = tokenizer([format_prompt(prompt) for prompt, _ in pairs], add_special_tokens=True)["input_ids"]
    targets = tokenizer([target for _, target in pairs], add_special_tokens=False)["input_ids"]
    encoded = []
    for prompt_ids, target_ids in zip(prompts, targets, strict=True):
        prompt_ids = prompt_ids[max(0, len(prompt_ids) - (max_length - 1)) :]
        response = [*target_ids, tokenizer.eos_token_id][: max_length - len(prompt_ids)]
        encoded.append((prompt_ids + response, [IGNORE_INDEX] * len(prompt_ids) + response))
    return encoded


def collate(examples: Sequence[Encoded], pad_token_id: int) -> dict[str, torch.Tensor]:
    """Right-pad encoded examples into ``input_ids``, ``attention_mask`` and ``labels`` tensors.

    Padding positions get attention 0 and label IGNORE_INDEX, so they take part in neither attention nor
    the loss, whatever the pad token is (it may equal eos).
    """
    import torch

    width = max(len(ids) for ids, _ in examples)
    input_ids = torch.full((len(examples), width), pad_token_id, dtype=torch.long)
    attention_mask = torch.zeros((len(examples), width), dtype=torch.long)
    labels = torch.full((len(examples), width), IGNORE_INDEX, dtype=torch.long)
    for row, (ids, example_labels) in enumerate(examples):
        input_ids[row, : len(ids)] = torch.tensor(ids)
        attention_mask[row, : len(ids)] = 1
        labels[row, : len(example_labels)] = torch.tensor(example_labels)
    return {"input_ids": input_ids, "attention_mask": attention_mask, "labels": labels}


def length_grouped_batches(lengths: Sequence[int], batch_size: int, seed: int) -> list[list[int]]:
    """Batches of example indices with similar lengths, the batches in a seeded random order.

    Indices are shuffled, stably sorted by length (so equal lengths mix differently per seed), cut into
    batches of ``batch_size``, and the batches shuffled: training sees a random order of batches that
    each need little padding.
    """
    rng = random.Random(seed)
    order = list(range(len(lengths)))
    rng.shuffle(order)
    order.sort(key=lambda index: lengths[index])
    batches = [order[start : start + batch_size] for start in range(0, len(order), batch_size)]
    rng.shuffle(batches)
    return batches


def shuffled_batches(n: int, batch_size: int, seed: int) -> list[list[int]]:
    """Batches of example indices in a seeded random order, lengths mixed (the baseline for grouping)."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [order[start : start + batch_size] for start in range(0, n, batch_size)]


def padding_fraction(lengths: Sequence[int], batches: Sequence[Sequence[int]]) -> float:
    """The share of positions in the right-padded ``batches`` that are padding (0 when there are none)."""
    real = sum(lengths[index] for batch in batches for index in batch)
    total = _padded_size(lengths, batches)
    return 1 - real / total if total else 0.0


def _padded_size(lengths: Sequence[int], batches: Sequence[Sequence[int]]) -> int:
    """How many positions ``batches`` take once each is right-padded to its longest example."""
    return sum(len(batch) * max(lengths[index] for index in batch) for batch in batches if batch)


def response_nll(model, batch: Mapping[str, torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
    """Per example of ``batch``: the summed next-token NLL over labelled tokens, and how many there are.

    Computed in float32 whatever the model's dtype, so that losses compare across devices.
    """
    import torch

    logits = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).logits.float()
    labels = batch["labels"][:, 1:]
    token_nll = torch.nn.functional.cross_entropy(
        logits[:, :-1].transpose(1, 2), labels, ignore_index=IGNORE_INDEX, reduction="none"
    )
    counted = labels != IGNORE_INDEX
    return token_nll.sum(dim=1), counted.sum(dim=1)  # ignored positions already hold 0


def read_sft_splits(dataset_dir: str | Path) -> tuple[list[dict], list[dict], str]:
    """The 'train' and 'eval' rows (example_id, prompt, target) and the version of a saved dataset.

    ``dataset_dir`` is a ``DatasetDict.save_to_disk`` folder whose ``metadata.json`` has a ``version``.
    Columns other than these three are ignored; every prompt and target must be a non-empty string.
    """
    from datasets import DatasetDict, load_from_disk

    path = Path(dataset_dir)
    metadata_path = path / DATASET_METADATA_FILE
    if not metadata_path.is_file():
        raise FileNotFoundError(f"dataset {path} has no {DATASET_METADATA_FILE} (it names the dataset version)")
    version = json.loads(metadata_path.read_text(encoding="utf-8")).get("version")
    if not isinstance(version, str) or not version:
        raise ValueError(f"{metadata_path}: field 'version' must be a non-empty string, got {version!r}")
    dataset = load_from_disk(str(path))
    if not isinstance(dataset, DatasetDict) or {"train", "eval"} - set(dataset):
        found = sorted(dataset) if isinstance(dataset, DatasetDict) else "a single split"
        raise ValueError(f"dataset {path} must have splits 'train' and 'eval', found {found}")
    splits = []
    for split in ("train", "eval"):
        missing = {"prompt", "target"} - set(dataset[split].column_names)
        if missing:
            raise ValueError(f"dataset {path}, split {split!r}: missing column(s) {sorted(missing)}")
        columns = [name for name in ("example_id", "prompt", "target") if name in dataset[split].column_names]
        rows = dataset[split].select_columns(columns).to_list()
        for index, row in enumerate(rows):
            for field in ("prompt", "target"):
                example_text(row, field, f"dataset {path}, {_row_name(split, index, row)}")
        splits.append(rows)
    return splits[0], splits[1], version


def train_lora(
    base_dir: str | Path, dataset_dir: str | Path, out_dir: str | Path, spec: LoraSpec, lineage: dict | None = None
) -> dict[str, Any]:
    """Train a LoRA adapter on the base model at ``base_dir`` with the dataset at ``dataset_dir``.

    The adapter and ``training_metadata.json`` replace ``out_dir`` in one rename. Returns that metadata:
    versions, base model fingerprint, the resolved spec, per-step loss curve, final train loss (mean over
    the last epoch), eval loss (token-weighted; None with an empty eval split), real tokens/s, padding
    fraction, device, dtype, split sizes, wall time and ``lineage`` as given.
    """
    import torch
    from peft import LoraConfig, get_peft_model

    started = time.perf_counter()
    train_rows, eval_rows, dataset_version = read_sft_splits(dataset_dir)
    if not train_rows:
        raise ValueError(f"the 'train' split of dataset {dataset_dir} is empty: there is nothing to train on")
    base_fingerprint = model_fingerprint(base_dir)
    version = adapter_version(dataset_version, base_fingerprint, spec)
    device, dtype = resolve_device(spec.device)
    _seed_everything(spec.seed)
    # Weights stay float32 so AdamW updates them exactly; bfloat16 enters through autocast on CUDA.
    model, tokenizer = load_causal_lm(base_dir, device=device, dtype=torch.float32)
    limit = context_length(model)
    resolved = replace(spec, device=device, max_length=min(spec.max_length, limit or spec.max_length))
    train_examples = encode_examples(tokenizer, _pairs(train_rows), resolved.max_length)
    eval_examples = encode_examples(tokenizer, _pairs(eval_rows), resolved.max_length)

    model = get_peft_model(
        model,
        LoraConfig(
            r=spec.r,
            lora_alpha=spec.alpha,
            lora_dropout=spec.dropout,
            target_modules=list(spec.target_modules),
            bias="none",
            task_type="CAUSAL_LM",
        ),
    ).to(device)
    run = _train(model, train_examples, tokenizer.pad_token_id, resolved, dtype)
    eval_loss = _mean_loss(model, eval_examples, tokenizer.pad_token_id, resolved.batch_size, device, dtype)

    with staged_output_dir(out_dir) as staging:
        model.save_pretrained(str(staging))
        metadata = {
            "adapter_version": version,
            "dataset_version": dataset_version,
            "dataset_path": str(Path(dataset_dir).resolve()),
            "base_model": {"path": str(Path(base_dir).resolve()), "fingerprint": base_fingerprint},
            "spec": {**asdict(resolved), "target_modules": list(resolved.target_modules)},
            **run,
            "eval_loss": eval_loss,
            "device": device,
            "dtype": str(dtype).removeprefix("torch."),
            "train_size": len(train_examples),
            "eval_size": len(eval_examples),
            "wall_time_s": time.perf_counter() - started,
            "lineage": lineage or {},
        }
        (staging / METADATA_FILE).write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    return metadata


def _pairs(rows: Sequence[Mapping[str, Any]]) -> list[tuple[str, str]]:
    return [(row["prompt"], row["target"]) for row in rows]


def _seed_everything(seed: int) -> None:
    """Seed every random number generator training touches (LoRA init, dropout, batch order)."""
    import numpy
    import torch

    random.seed(seed)
    numpy.random.seed(seed)
    torch.manual_seed(seed)


def _train(model, examples: list[Encoded], pad_token_id: int, spec: LoraSpec, dtype: torch.dtype) -> dict[str, Any]:
    """Run ``spec.epochs`` epochs of AdamW over the trainable (LoRA) parameters, linear decay to zero.

    Returns the per-step loss curve (``loss_curve[i]`` is step i+1), the final train loss, throughput in
    real (non-padding) tokens per second and the padding fraction of all batches.
    """
    import torch

    trainable = [parameter for parameter in model.parameters() if parameter.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=spec.learning_rate, weight_decay=0.0)
    total_steps = spec.epochs * math.ceil(len(examples) / spec.batch_size)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: 1 - step / total_steps)
    lengths = [len(ids) for ids, _ in examples]
    curve: list[float] = []
    real_tokens = padded_tokens = 0
    seconds = 0.0
    model.train()
    for epoch in range(spec.epochs):
        batches = (
            length_grouped_batches(lengths, spec.batch_size, spec.seed + epoch)
            if spec.group_by_length
            else shuffled_batches(len(lengths), spec.batch_size, spec.seed + epoch)
        )
        padded_tokens += _padded_size(lengths, batches)
        real_tokens += sum(lengths)
        epoch_started = time.perf_counter()
        for batch_indices in batches:
            batch = {
                name: tensor.to(spec.device)
                for name, tensor in collate([examples[index] for index in batch_indices], pad_token_id).items()
            }
            with autocast(spec.device, dtype):
                nll, counted = response_nll(model, batch)
                loss = nll.sum() / counted.sum()
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trainable, 1.0)
            optimizer.step()
            scheduler.step()
            curve.append(loss.item())
        seconds += time.perf_counter() - epoch_started
    model.eval()
    last_epoch = curve[-len(batches) :]
    return {
        "steps": len(curve),
        "trainable_parameters": sum(parameter.numel() for parameter in trainable),
        "loss_curve": curve,
        "final_train_loss": sum(last_epoch) / len(last_epoch),
        "tokens_per_second": real_tokens / seconds,
        "padding_fraction": 1 - real_tokens / padded_tokens,
        "train_seconds": seconds,
    }


def _mean_loss(
    model, examples: list[Encoded], pad_token_id: int, batch_size: int, device: str, dtype: torch.dtype
) -> float | None:
    """Token-weighted mean response NLL of ``examples`` (None when there are none), without gradients."""
    import torch

    if not examples:
        return None
    lengths = [len(ids) for ids, _ in examples]
    total_nll = total_tokens = 0.0
    with torch.no_grad(), autocast(device, dtype):
        for batch_indices in length_grouped_batches(lengths, batch_size, seed=0):
            batch = {
                name: tensor.to(device)
                for name, tensor in collate([examples[index] for index in batch_indices], pad_token_id).items()
            }
            nll, counted = response_nll(model, batch)
            total_nll += nll.sum().item()
            total_tokens += counted.sum().item()
    return total_nll / total_tokens
