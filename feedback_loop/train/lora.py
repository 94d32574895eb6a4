"""Supervised fine-tuning of a LoRA adapter on the curated dataset, in a plain torch loop.

The loss is taken on the response tokens only: the model learns to answer prompts, not to write them. Examples
are encoded and batched by :mod:`feedback_loop.model.encoding`, the encoding that evaluation and serving use too.
Each optimizer step takes ``batch_size`` examples, grouped by length; how they reach the model is the
``batching`` setting: packed several to a row (padding-free with flash-attention), or right-padded. Every layout
gives each example the same loss, so it changes the speed of training, not what is learned (up to LoRA dropout,
whose random masks follow the batch's shape).

The adapter is saved with PEFT next to ``training_metadata.json``, which records what it was trained from (dataset
version, base model fingerprint, configuration) and how training went. With a checkpoint folder, the adapter,
optimizer and progress are saved every ``checkpoint_every`` steps, and a run that was killed resumes from there.

:func:`train_lora` is the entry point of the 'sft' objective; the preference objectives (kto, dpo, sft+dpo) train
with TRL's trainers in :mod:`feedback_loop.train.preference`, on the same LoRA configuration.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import random
import shutil
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from feedback_loop.model.base import (
    TRAINING_METADATA_FILE,
    autocast,
    check_adapter_files,
    context_length,
    load_causal_lm,
    model_fingerprint,
    resolve_device,
    staged_output_dir,
)
from feedback_loop.model.encoding import (
    Encoded,
    collate,
    collate_packed,
    encode_examples,
    example_lengths,
    example_system,
    example_text,
    length_grouped_batches,
    prompt_text,
    response_nll,
    shuffled_batches,
)
from feedback_loop.progress import ProgressCallback
from feedback_loop.stage_config import StageConfig
from feedback_loop.train.lean_lora import lean_lora_forward

if TYPE_CHECKING:
    import torch

DATASET_METADATA_FILE = "metadata.json"
_logger = logging.getLogger(__name__)

Batching = Literal["auto", "packed", "length_grouped", "shuffled"]
# How a batch is laid out for the model, once `batching` and the attention implementation are known.
Layout = Literal["flat", "packed_rows", "padded"]
Objective = Literal["sft", "kto", "dpo", "sft+dpo"]
# Attention implementations whose variable-length kernel takes a whole batch as one padding-free row.
_VARLEN_ATTENTION = ("flash_attention_2", "flash_attention_3")


class LoraSpec(StageConfig):
    """LoRA hyperparameters, the training recipe and how fast it runs.

    The adapter version hashes every field except those in :data:`EXECUTION_FIELDS`, which choose where and how
    training runs but not what it learns.
    """

    r: int = Field(16, ge=1)
    """LoRA rank."""
    alpha: int = Field(32, ge=1)
    """LoRA scaling numerator (the update is scaled by alpha / r)."""
    dropout: float = Field(0.05, ge=0, lt=1)
    """Dropout on the LoRA input."""
    target_modules: list[str] | None = Field(None, min_length=1)
    """Names of the modules that get LoRA weights; None: every linear layer of the transformer blocks, found in
    the architecture (PEFT's 'all-linear': q/k/v/o and the MLP in Llama, Qwen2, Mistral, Gemma; qkv_proj and
    gate_up_proj in Phi-3). At the project's model size q/v alone cannot unlearn the base's habits."""
    learning_rate: float = Field(5e-3, gt=0)
    """Peak learning rate of AdamW, decayed linearly to zero."""
    epochs: int = Field(5, ge=1)
    """Passes over the train split."""
    batch_size: int = Field(16, ge=1)
    """Examples per optimizer step."""
    max_length: int | None = Field(None, ge=2)
    """Longest example in tokens (capped by the model's context); also the row length of packed batches. None:
    the max_length curation chose for the dataset (its metadata), at which no target is cut. Training refuses an
    example that does not fit (:func:`check_examples_fit`) rather than train on it cut."""
    seed: int = 0
    """Seed of the LoRA initialisation, dropout and batch order."""
    batching: Batching = "auto"
    """How a step's examples reach the model. 'packed': several examples per row, position ids restarting for
    each, block-diagonal attention (with flash-attention: all in one padding-free row). 'length_grouped': one
    example per row, right-padded. 'shuffled': like length_grouped but batches of mixed lengths (the baseline:
    much padding). 'auto': packed where flash-attention runs, else length_grouped, which measured faster than
    packed rows with SDPA on CPU (docs/training.md)."""
    device: str = "auto"
    """'auto' trains on CUDA when a GPU is present, else on the CPU."""
    bf16: bool = True
    """On a GPU that supports it, keep the frozen base weights in bfloat16 and compute in bfloat16 (the LoRA
    weights and their optimizer stay float32); False, or on the CPU: float32 throughout."""
    attention: str = "auto"
    """Transformers' attention implementation ('sdpa', 'eager', 'flash_attention_2', ...); 'auto':
    flash_attention_2 on CUDA where the flash-attn package is installed, else sdpa."""
    fused_kernels: bool = True
    """On CUDA, swap in liger-kernel's fused RMSNorm, RoPE and SwiGLU where the package is installed."""
    lean_lora: bool = True
    """On the CPU in float32, train through a leaner forward of the LoRA layers (:mod:`feedback_loop.train.lean_lora`):
    the same function and dropout distribution as PEFT's, in fewer elementwise passes. On CUDA, PEFT's own."""
    compile: bool = False
    """Run the model through torch.compile. Off: on CPU it measured slower, after minutes of compiling."""
    checkpoint_every: int = Field(50, ge=0)
    """Steps between checkpoints of the adapter and optimizer (0: none), when a checkpoint folder is given."""
    objective: Objective = "sft"
    """What the adapter learns from. 'sft': the curated targets (sft_dataset), in the project's own loop.
    'kto': answers people liked and responses they rated down, unpaired (kto_dataset), with TRL's KTOTrainer.
    'dpo': preference pairs (preference_pairs: a correction over the response it replaced, a preferred over a
    rated-down response to the same prompt), with TRL's DPOTrainer. 'sft+dpo': DPO plus the SFT loss on each
    pair's chosen answer (TRL's loss_type ['sigmoid', 'sft'])."""
    beta: float = Field(0.1, gt=0)
    """KTO's and DPO's beta: how far the adapter may move from the base model (higher: less far). Unused by sft."""
    sft_weight: float = Field(1.0, gt=0)
    """The SFT loss's weight beside the DPO loss's 1 in 'sft+dpo'. Unused by the other objectives."""


# Fields that say where and how training runs, not what it learns: left out of the adapter version.
EXECUTION_FIELDS = frozenset(
    {"device", "bf16", "attention", "fused_kernels", "lean_lora", "compile", "checkpoint_every"}
)
# Fields of the preference objectives: left out of an SFT adapter's version, which stays what it was before them.
PREFERENCE_FIELDS = frozenset({"objective", "beta", "sft_weight"})


def adapter_version(dataset_version: str, base_fingerprint: str, spec: LoraSpec) -> str:
    """A stable 12-hex-digit name for the adapter trained from this dataset, base model and recipe.

    Fields of :data:`EXECUTION_FIELDS` are left out: they say where and how training ran, not what was trained,
    and are recorded in the training metadata instead; so are :data:`PREFERENCE_FIELDS` for the 'sft' objective.
    Re-running the same training lands in the same version. ``dataset_version`` is the version of the dataset the
    objective trains on.
    """
    left_out = EXECUTION_FIELDS | (PREFERENCE_FIELDS if spec.objective == "sft" else frozenset())
    recipe = spec.model_dump(exclude=set(left_out))
    payload = json.dumps(
        {"dataset_version": dataset_version, "base_fingerprint": base_fingerprint, "spec": recipe}, sort_keys=True
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:12]


def reusable_adapter(out_dir: str | Path, warn: Callable[[str], None]) -> dict | None:
    """The training metadata of the adapter already trained into ``out_dir`` (the folder of its version, which names
    its inputs), or None when it must be trained: there is none, or its folder lost or damaged a file since (said with
    ``warn``). Reusing a damaged folder would fail every later load, and every re-run would reuse it again."""
    metadata_file = Path(out_dir) / TRAINING_METADATA_FILE
    if not metadata_file.exists():
        return None
    try:
        check_adapter_files(out_dir)
    except (ValueError, FileNotFoundError) as error:
        warn(f"the adapter in {out_dir} cannot be reused ({error}); training it again from the same inputs")
        return None
    return json.loads(metadata_file.read_text(encoding="utf-8"))


def _row_name(split: str, index: int, row: Mapping[str, Any]) -> str:
    """How an error message names a dataset row: its split, position and example_id when it has one."""
    example_id = row.get("example_id")
    return f"{split} row {index}" + (f" (example_id={example_id!r})" if example_id is not None else "")


def _curation_stats(dataset_dir: str | Path) -> dict[str, Any]:
    """What curation measured of a saved dataset (its metadata's ``stats``)."""
    metadata = json.loads((Path(dataset_dir) / DATASET_METADATA_FILE).read_text(encoding="utf-8"))
    return metadata.get("stats") or {}


def curated_max_length(dataset_dir: str | Path) -> int | None:
    """The ``max_length`` curation chose for a saved dataset (its metadata), or None when it measured none."""
    value = _curation_stats(dataset_dir).get("max_length")
    if value is not None and (not isinstance(value, int) or value < 2):
        metadata_path = Path(dataset_dir) / DATASET_METADATA_FILE
        raise ValueError(f"{metadata_path}: stats.max_length must be an integer of at least 2, got {value!r}")
    return value


def training_max_length(spec: LoraSpec, dataset_dir: str | Path, model) -> int:
    """The spec's max_length, else the dataset's (:func:`curated_max_length`), capped by ``model``'s context."""
    requested = spec.max_length or curated_max_length(dataset_dir)
    if requested is None:
        raise ValueError(
            f"dataset {dataset_dir} states no max_length (curation did not measure it): set the LoRA max_length"
        )
    return min(requested, context_length(model) or requested)


def check_examples_fit(
    tokenizer,
    splits: Mapping[str, Sequence[Mapping[str, Any]]],
    answers: Sequence[str],
    max_length: int,
    dataset_dir: str | Path,
) -> None:
    """Refuse to train on examples that ``max_length`` would cut: each row's prompt with each of its ``answers``
    fields, measured as curation measures them (prompt ids, answer and eos, as SFT encodes them), must fit.

    SFT would train on a cut target, TRL on a cut completion or not on the row at all; this happens when the LoRA
    max_length is set below the one curation chose (or the model's context is). The ValueError names the first
    row that does not fit (split, position, example_id) and its field; an example that curation kept knowingly
    cut (``cut_targets='flag'``: the dataset's stats list it) is let through.
    """
    stats = _curation_stats(dataset_dir)
    flagged = set((stats.get("lengths") or {}).get("flagged_target_cut") or [])
    misfits = []
    for split, rows in splits.items():
        for field in answers:
            pairs = [(row["prompt"], row[field]) for row in rows]
            lengths = example_lengths(tokenizer, pairs, [row["system"] for row in rows])
            for index, (row, (prompt, answer)) in enumerate(zip(rows, lengths, strict=True)):
                if prompt + answer > max_length and row.get("example_id") not in flagged:
                    misfits.append((split, index, row, field, prompt, answer))
    if not misfits:
        return
    split, index, row, field, prompt, answer = misfits[0]
    rows_cut = len({(split, index) for split, index, *_ in misfits})
    curated = stats.get("max_length")
    raise ValueError(
        f"dataset {dataset_dir}, {_row_name(split, index, row)}: field {'prompt' if prompt >= max_length else field!r} "
        f"does not fit in max_length {max_length} (prompt {prompt} + {field} {answer} tokens with eos), so training "
        f"would cut it; {rows_cut} example(s) do not fit. Re-curate the dataset at this max_length, or raise "
        f"max_length" + (f" (the dataset was curated for {curated})" if curated else "")
    )


def open_splits(dataset_dir: str | Path):
    """The ``DatasetDict`` saved at ``dataset_dir`` (splits 'train' and 'eval') and the version its
    ``metadata.json`` names; a missing file, version or split is an error naming it."""
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
    return dataset, version


def read_sft_splits(dataset_dir: str | Path) -> tuple[list[dict], list[dict], str]:
    """The 'train' and 'eval' rows (example_id, system, prompt, target) and the version of a saved dataset.

    ``dataset_dir`` is a ``DatasetDict.save_to_disk`` folder whose ``metadata.json`` has a ``version``.
    Other columns are ignored; every prompt and target must be a non-empty string, and ``system`` (the system
    text the answer follows) a string, '' where the dataset has no such column.
    """
    dataset, version = open_splits(dataset_dir)
    path = Path(dataset_dir)
    splits = []
    for split in ("train", "eval"):
        missing = {"prompt", "target"} - set(dataset[split].column_names)
        if missing:
            raise ValueError(f"dataset {path}, split {split!r}: missing column(s) {sorted(missing)}")
        names = ("example_id", "system", "prompt", "target")
        columns = [name for name in names if name in dataset[split].column_names]
        rows = dataset[split].select_columns(columns).to_list()
        for index, row in enumerate(rows):
            where = f"dataset {path}, {_row_name(split, index, row)}"
            for field in ("prompt", "target"):
                example_text(row, field, where)
            row["system"] = example_system(row, where)
        splits.append(rows)
    return splits[0], splits[1], version


def resolve_attention(requested: str, device: str, dtype: torch.dtype) -> str:
    """The attention implementation for ``requested`` on ``device``: 'auto' is flash_attention_2 on CUDA in a
    16-bit dtype (all that flash-attention computes in) where flash-attn is installed, else sdpa."""
    if requested != "auto":
        return requested
    import torch
    from transformers.utils import is_flash_attn_2_available

    usable = torch.device(device).type == "cuda" and dtype in (torch.bfloat16, torch.float16)
    return "flash_attention_2" if usable and is_flash_attn_2_available() else "sdpa"


def resolve_layout(batching: Batching, attention: str) -> Layout:
    """How batches are laid out: packed batches go into one padding-free row where attention is variable-length
    (flash-attention), into rows of ``max_length`` otherwise; 'auto' packs only with flash-attention."""
    if batching == "auto":
        batching = "packed" if attention in _VARLEN_ATTENTION else "length_grouped"
    if batching == "packed":
        return "flat" if attention in _VARLEN_ATTENTION else "packed_rows"
    return "padded"


def step_batches(lengths: Sequence[int], spec: LoraSpec, epoch: int) -> list[list[int]]:
    """The example indices of each step of ``epoch``: length-grouped, or mixed for 'shuffled' batching."""
    if spec.batching == "shuffled":
        return shuffled_batches(len(lengths), spec.batch_size, spec.seed + epoch)
    return length_grouped_batches(lengths, spec.batch_size, spec.seed + epoch)


def make_batch(examples: Sequence[Encoded], layout: Layout, pad_token_id: int, row_length: int) -> dict[str, Any]:
    """One step's examples as tensors in ``layout`` (see :mod:`feedback_loop.model.encoding`)."""
    if layout == "padded":
        return collate(examples, pad_token_id)
    return collate_packed(examples, pad_token_id, row_length if layout == "packed_rows" else None)


def train_lora(
    base_dir: str | Path,
    dataset_dir: str | Path,
    out_dir: str | Path,
    spec: LoraSpec,
    lineage: dict | None = None,
    *,
    checkpoint_dir: str | Path | None = None,
    log: Callable[[str], None] | None = None,
    progress: ProgressCallback | None = None,
) -> dict[str, Any]:
    """Train a LoRA adapter on the base model at ``base_dir`` with the dataset at ``dataset_dir``.

    The adapter and ``training_metadata.json`` replace ``out_dir`` in one rename. With ``checkpoint_dir``, a
    checkpoint is written there every ``spec.checkpoint_every`` steps; a checkpoint of the same adapter version
    found there at the start is resumed from (``log`` says so), and the folder is removed once the adapter is
    saved. ``progress`` is called with (steps done, steps in all) after each optimizer step. Returns the
    metadata: versions, base model fingerprint, the resolved spec, per-step loss curve, final train loss (mean
    over the last epoch), eval loss (token-weighted; None with an empty eval split), real tokens/s, padding
    fraction, device, dtype, split sizes, wall time and ``lineage`` as given.
    """
    import torch
    from peft import get_peft_model

    if spec.objective != "sft":
        raise ValueError(f"train_lora trains the 'sft' objective; objective {spec.objective!r} is train_preference's")
    log = log or _logger.info
    started = time.perf_counter()
    train_rows, eval_rows, dataset_version = read_sft_splits(dataset_dir)
    if not train_rows:
        raise ValueError(f"the 'train' split of dataset {dataset_dir} is empty: there is nothing to train on")
    base_fingerprint = model_fingerprint(base_dir)
    version = adapter_version(dataset_version, base_fingerprint, spec)
    base, tokenizer, resolved, dtype = load_for_training(base_dir, dataset_dir, spec)
    device, max_length = resolved.device, resolved.max_length
    assert max_length is not None  # load_for_training resolves it
    check_examples_fit(tokenizer, {"train": train_rows, "eval": eval_rows}, ("target",), max_length, dataset_dir)
    train_examples = encode_examples(tokenizer, _pairs(train_rows), max_length, _systems(train_rows))
    eval_examples = encode_examples(tokenizer, _pairs(eval_rows), max_length, _systems(eval_rows))
    fused = _apply_fused_kernels(base) if spec.fused_kernels and torch.device(device).type == "cuda" else []

    model = get_peft_model(base, peft_lora_config(spec, spec.target_modules or "all-linear")).to(device)
    target_modules = lora_target_modules(model)
    layout = resolve_layout(spec.batching, resolved.attention)
    run = _train(
        model,
        train_examples,
        tokenizer.pad_token_id,
        resolved,
        layout,
        dtype,
        _Checkpoints(Path(checkpoint_dir), version, spec.checkpoint_every, log) if checkpoint_dir else None,
        progress,
    )
    eval_loss = mean_response_loss(model, eval_examples, tokenizer.pad_token_id, resolved.batch_size, device, dtype)

    with staged_output_dir(out_dir) as staging:
        model.save_pretrained(str(staging))
        metadata = {
            "adapter_version": version,
            "objective": spec.objective,
            "dataset_version": dataset_version,
            "dataset_path": str(Path(dataset_dir).resolve()),
            "base_model": {"path": str(Path(base_dir).resolve()), "fingerprint": base_fingerprint},
            "architecture": base.config.model_type,
            "spec": resolved.model_dump(),
            "target_modules": target_modules,
            # How prompts were written, for whoever serves the adapter elsewhere (the exported model card).
            "prompt_example": prompt_text(tokenizer, "How do I reset my password?"),
            "layout": layout,
            "fused_kernels": fused,
            **run,
            "eval_loss": eval_loss,
            "device": device,
            "dtype": str(dtype).removeprefix("torch."),
            "torch_threads": torch.get_num_threads(),
            "train_size": len(train_examples),
            "eval_size": len(eval_examples),
            "wall_time_s": time.perf_counter() - started,
            "lineage": lineage or {},
        }
        (staging / TRAINING_METADATA_FILE).write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    if checkpoint_dir is not None and Path(checkpoint_dir).exists():  # none was written in a short run
        shutil.rmtree(checkpoint_dir)
    return metadata


def load_for_training(base_dir: str | Path, dataset_dir: str | Path, spec: LoraSpec):
    """The seeded base model and tokenizer, ``spec`` resolved (device, attention, max_length) and the dtype.

    The frozen base weights stay in the compute dtype (bf16 on CUDA unless ``spec.bf16`` is off); PEFT keeps the
    adapter's own weights in float32, so AdamW updates them exactly.
    """
    import torch

    device, dtype = resolve_device(spec.device)
    if not spec.bf16:
        dtype = torch.float32
    _seed_everything(spec.seed)
    base, tokenizer = load_causal_lm(base_dir, device=device, dtype=dtype)
    attention = resolve_attention(spec.attention, device, dtype)
    if base.config._attn_implementation != attention:
        base.set_attn_implementation(attention)
    max_length = training_max_length(spec, dataset_dir, base)
    resolved = spec.model_copy(update={"device": device, "attention": attention, "max_length": max_length})
    return base, tokenizer, resolved, dtype


def peft_lora_config(spec: LoraSpec, target_modules: str | list[str]):
    """PEFT's LoraConfig for ``spec`` on ``target_modules`` (module names, or 'all-linear')."""
    from peft import LoraConfig

    return LoraConfig(
        r=spec.r,
        lora_alpha=spec.alpha,
        lora_dropout=spec.dropout,
        target_modules=target_modules,
        bias="none",
        task_type="CAUSAL_LM",
    )


def lora_target_modules(model) -> list[str]:
    """The names of the modules LoRA went on (PEFT resolves 'all-linear' to them when it wraps the model)."""
    return sorted(model.peft_config["default"].target_modules)


def _pairs(rows: Sequence[Mapping[str, Any]]) -> list[tuple[str, str]]:
    return [(row["prompt"], row["target"]) for row in rows]


def _systems(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    return [row["system"] for row in rows]


def _seed_everything(seed: int) -> None:
    """Seed every random number generator training touches (LoRA init, dropout, batch order)."""
    import numpy
    import torch

    random.seed(seed)
    numpy.random.seed(seed)
    torch.manual_seed(seed)


def fused_kernels_available(model_type: str) -> bool:
    """Whether liger-kernel is installed and has kernels for the architecture ``model_type`` ('qwen2', ...)."""
    import importlib.util

    if importlib.util.find_spec("liger_kernel") is None:
        return False
    from liger_kernel.transformers.monkey_patch import MODEL_TYPE_TO_APPLY_LIGER_FN

    return model_type in MODEL_TYPE_TO_APPLY_LIGER_FN


def _apply_fused_kernels(model) -> list[str]:
    """Swap liger-kernel's fused RMSNorm, RoPE and SwiGLU into ``model`` where the package is installed and
    supports the architecture; the names of the kernels applied (none without the package).

    The loss stays ours (logits only where a loss is taken), so liger's fused cross entropy is not used. liger
    also swaps its kernels into transformers' classes of the architecture, for every model this process builds
    afterwards.
    """
    if not fused_kernels_available(model.config.model_type):
        return []
    from liger_kernel.transformers import _apply_liger_kernel_to_instance

    kernels = {"rope": True, "rms_norm": True, "swiglu": True}
    _apply_liger_kernel_to_instance(model=model, cross_entropy=False, fused_linear_cross_entropy=False, **kernels)
    return sorted(kernels)


class _Checkpoints:
    """Where and how often one training run saves its checkpoints, and the log that reports a resume."""

    def __init__(self, directory: Path, version: str, every: int, log: Callable[[str], None]):
        self.directory, self.version, self.every, self.log = directory, version, every, log

    def resume(self, model, optimizer, scheduler, total_steps: int):
        from feedback_loop.train.checkpoint import Progress, read_checkpoint, restore_checkpoint

        state = read_checkpoint(self.directory)
        if state is None:
            return Progress()
        if state["adapter_version"] != self.version:
            self.log(
                f"ignoring the checkpoint in {self.directory}: it belongs to adapter {state['adapter_version']}, "
                f"not {self.version}"
            )
            return Progress()
        progress = restore_checkpoint(state, model, optimizer, scheduler)
        self.log(
            f"resuming adapter {self.version} from its checkpoint at step {progress.step} of {total_steps} "
            f"({self.directory})"
        )
        return progress

    def maybe_save(self, model, optimizer, scheduler, progress, total_steps: int) -> None:
        from feedback_loop.train.checkpoint import save_checkpoint

        if self.every and progress.step % self.every == 0 and progress.step < total_steps:
            save_checkpoint(self.directory, self.version, model, optimizer, scheduler, progress)


def _train(
    model,
    examples: list[Encoded],
    pad_token_id: int,
    spec: LoraSpec,
    layout: Layout,
    dtype: torch.dtype,
    checkpoints: _Checkpoints | None,
    on_step: ProgressCallback | None = None,
) -> dict[str, Any]:
    """Run ``spec.epochs`` epochs of AdamW over the trainable (LoRA) parameters, linear decay to zero.

    Returns the per-step loss curve (``loss_curve[i]`` is step i+1), the final train loss, throughput in real
    (non-padding) tokens per second of training and per CPU-second, and the padding fraction of all batches.
    """
    import torch

    from feedback_loop.train.checkpoint import Progress

    if spec.max_length is None:
        raise ValueError("_train needs the resolved spec, whose max_length is set (training_max_length)")
    max_length = spec.max_length
    trainable = [parameter for parameter in model.parameters() if parameter.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=spec.learning_rate, weight_decay=0.0, fused=True)
    lengths = [len(ids) for ids, _ in examples]
    schedule = [batch for epoch in range(spec.epochs) for batch in step_batches(lengths, spec, epoch)]
    last_epoch_steps = len(step_batches(lengths, spec, spec.epochs - 1))
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: 1 - step / len(schedule))
    progress = checkpoints.resume(model, optimizer, scheduler, len(schedule)) if checkpoints else Progress()
    forward = torch.compile(model, dynamic=True) if spec.compile else model
    lean = spec.lean_lora and torch.device(spec.device).type == "cpu" and dtype == torch.float32
    model.train()
    with lean_lora_forward(model) if lean else contextlib.nullcontext(0) as lean_layers:
        for batch_indices in schedule[progress.step :]:
            step_started, cpu_started = time.perf_counter(), time.process_time()
            batch = make_batch([examples[index] for index in batch_indices], layout, pad_token_id, max_length)
            batch = {name: _to(value, spec.device) for name, value in batch.items()}
            with autocast(spec.device, dtype):
                loss = _sft_loss(forward, batch)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trainable, 1.0)
            optimizer.step()
            scheduler.step()
            progress.loss_curve.append(loss.item())
            progress.step += 1
            progress.real_tokens += sum(lengths[index] for index in batch_indices)
            progress.positions += batch["input_ids"].numel()
            progress.seconds += time.perf_counter() - step_started
            progress.cpu_seconds += time.process_time() - cpu_started
            if on_step is not None:
                on_step(progress.step, len(schedule))
            if checkpoints:
                checkpoints.maybe_save(model, optimizer, scheduler, progress, len(schedule))
    model.eval()
    last_epoch = progress.loss_curve[-last_epoch_steps:]
    return {
        "steps": progress.step,
        "trainable_parameters": sum(parameter.numel() for parameter in trainable),
        "lean_lora_layers": lean_layers,
        "loss_curve": progress.loss_curve,
        "final_train_loss": sum(last_epoch) / len(last_epoch),
        "real_tokens": progress.real_tokens,
        "tokens_per_second": progress.real_tokens / progress.seconds,
        "tokens_per_cpu_second": progress.real_tokens / progress.cpu_seconds,
        "padding_fraction": 1 - progress.real_tokens / progress.positions,
        "train_seconds": progress.seconds,
        "train_cpu_seconds": progress.cpu_seconds,
    }


def _sft_loss(model, batch: Mapping[str, Any]) -> torch.Tensor:
    """Mean next-token NLL over the batch's response tokens (token-weighted across examples)."""
    nll, counted = response_nll(model, batch)
    return nll.sum() / counted.sum()


def _to(value, device: str):
    return value.to(device) if hasattr(value, "to") else value


def mean_response_loss(
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
