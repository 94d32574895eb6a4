"""Preference optimization of a LoRA adapter with TRL's trainers: KTO on unpaired answers, DPO on pairs.

The objective (:attr:`~feedback_loop.train.lora.LoraSpec.objective`) chooses the trainer and the dataset:

======== ============================ ============================================================
objective trainer                     dataset (TRL's standard format)
======== ============================ ============================================================
kto      ``KTOTrainer``               ``kto_dataset``: ``prompt``/``completion``/``label``
dpo      ``DPOTrainer``               ``preference_pairs``: ``prompt``/``chosen``/``rejected``
sft+dpo  ``DPOTrainer``, loss_type    ``preference_pairs``; the SFT loss is taken on ``chosen``
         ``['sigmoid', 'sft']``
======== ============================ ============================================================

The LoRA configuration and target modules are those of SFT (:func:`~feedback_loop.train.lora.peft_lora_config`);
with PEFT the reference model is the base with the adapter switched off, so no copy of the model is kept. DPO's
reference log-probabilities are computed once per example before training (TRL's ``precompute_ref_log_probs``),
not in every step of every epoch: the reference is fixed, so the loss is the same and a step costs the policy's
passes only. KTO's are not: its KL term reads mismatched pairs of the training batch, which a pass made in advance
would pair differently. The rows are given to TRL as conversations, and TRL renders them with the tokenizer's chat
template; a tokenizer without one (the project's own) gets the project's format as a template
(:func:`~feedback_loop.model.encoding.conversation_template`: bos first only where the tokenizer adds one), so TRL
trains on the very prompt ids that SFT, evaluation and serving use.

The optimizer and schedule follow SFT's: AdamW at ``learning_rate``, decayed linearly to zero, gradients clipped
at 1, ``batch_size`` examples per step for ``epochs`` epochs. TRL switches dropout off (its default), LoRA's
too, so that the policy and reference log-probabilities are comparable. With a checkpoint folder, Trainer's own
checkpoints are written every ``checkpoint_every`` steps and a killed run resumes from the last one.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from feedback_loop.model.base import (
    TRAINING_METADATA_FILE,
    model_fingerprint,
    staged_output_dir,
)
from feedback_loop.model.encoding import (
    chat_messages,
    conversation_template,
    example_system,
    example_text,
    prompt_text,
)
from feedback_loop.progress import ProgressCallback
from feedback_loop.train.lora import (
    LoraSpec,
    adapter_version,
    check_examples_fit,
    load_for_training,
    lora_target_modules,
    open_splits,
    peft_lora_config,
)

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase

_logger = logging.getLogger(__name__)

# The text columns of each objective's dataset (KTO's boolean label is checked on its own).
TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "kto": ("prompt", "completion"),
    "dpo": ("prompt", "chosen", "rejected"),
    "sft+dpo": ("prompt", "chosen", "rejected"),
}


def read_preference_splits(dataset_dir: str | Path, objective: str) -> tuple[list[dict], list[dict], str]:
    """The 'train' and 'eval' rows of a saved preference dataset for ``objective`` and its version.

    Every text column of :data:`TEXT_COLUMNS` must be a non-empty string, and a KTO ``label`` a boolean; a bad
    row is named with its split, position, example_id and field.
    """
    if objective not in TEXT_COLUMNS:
        raise ValueError(f"objective {objective!r} is not a preference objective; use one of {sorted(TEXT_COLUMNS)}")
    dataset, version = open_splits(dataset_dir)
    path = Path(dataset_dir)
    columns = ("example_id", *TEXT_COLUMNS[objective], *(("label",) if objective == "kto" else ()))
    splits = []
    for split in ("train", "eval"):
        missing = set(columns) - set(dataset[split].column_names)
        if missing:
            raise ValueError(f"dataset {path}, split {split!r}: missing column(s) {sorted(missing)}")
        optional = ("system",) if "system" in dataset[split].column_names else ()
        rows = dataset[split].select_columns([*columns, *optional]).to_list()
        for index, row in enumerate(rows):
            where = f"dataset {path}, {split} row {index} (example_id={row['example_id']!r})"
            for field in TEXT_COLUMNS[objective]:
                example_text(row, field, where)
            row["system"] = example_system(row, where)
            if objective == "kto" and not isinstance(row["label"], bool):
                raise ValueError(f"{where}: field 'label' must be true or false, got {row['label']!r}")
        splits.append(rows)
    return splits[0], splits[1], version


def conversation(tokenizer: PreTrainedTokenizerBase, row: Mapping[str, Any], objective: str) -> dict[str, Any]:
    """A dataset row as TRL's conversational form of the same format: the prompt as ``tokenizer``'s chat template
    reads it after the row's system text (:func:`~feedback_loop.model.encoding.chat_messages`), each answer an
    assistant message (TRL renders them with the chat template)."""
    converted: dict[str, Any] = {"prompt": chat_messages(tokenizer, row["prompt"], row.get("system", ""))}
    for field in TEXT_COLUMNS[objective][1:]:
        converted[field] = [{"role": "assistant", "content": row[field]}]
    if objective == "kto":
        converted["label"] = row["label"]
    return converted


def train_preference(
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
    """Train a LoRA adapter with ``spec.objective`` (kto, dpo, sft+dpo) on the preference dataset at
    ``dataset_dir``; like :func:`~feedback_loop.train.lora.train_lora`, the adapter and its training metadata
    replace ``out_dir`` in one rename, and the metadata is returned. ``eval_loss`` is the objective's loss on the
    eval split (None when it is empty); ``eval_metrics`` holds TRL's other eval figures (reward accuracy, margins).
    """
    import torch
    import trl
    from datasets import Dataset
    from transformers import PrinterCallback, TrainerCallback
    from transformers.trainer_utils import get_last_checkpoint

    log = log or _logger.info
    started = time.perf_counter()
    objective = spec.objective
    train_rows, eval_rows, dataset_version = read_preference_splits(dataset_dir, objective)
    if not train_rows:
        raise ValueError(
            f"the 'train' split of dataset {dataset_dir} is empty: there is nothing to train the {objective!r} "
            "objective on (no rated-down responses or corrections yet?)"
        )
    base_fingerprint = model_fingerprint(base_dir)
    version = adapter_version(dataset_version, base_fingerprint, spec)
    base, tokenizer, resolved, dtype = load_for_training(base_dir, dataset_dir, spec)
    device, max_length = resolved.device, resolved.max_length
    assert max_length is not None  # load_for_training resolves it
    splits = {"train": train_rows, "eval": eval_rows}
    check_examples_fit(tokenizer, splits, TEXT_COLUMNS[objective][1:], max_length, dataset_dir)
    # How serving writes prompts (the exported model card shows it), before any template is set for TRL below.
    prompt_example = prompt_text(tokenizer, "How do I reset my password?")
    tokenizer.chat_template = conversation_template(tokenizer)

    # KTO reads its examples in order (its KL term pairs each with its neighbours): a seeded shuffle mixes liked and
    # disliked answers. DPO samples at random with the seed itself.
    train_dataset = Dataset.from_list([conversation(tokenizer, row, objective) for row in train_rows]).shuffle(
        seed=spec.seed
    )
    eval_dataset = (
        Dataset.from_list([conversation(tokenizer, row, objective) for row in eval_rows]) if eval_rows else None
    )
    resume = None
    with tempfile.TemporaryDirectory(prefix="trl-") as scratch:
        output_dir = Path(checkpoint_dir) if checkpoint_dir is not None else Path(scratch)
        checkpointing = checkpoint_dir is not None and spec.checkpoint_every > 0
        if checkpointing and output_dir.is_dir():
            resume = get_last_checkpoint(str(output_dir))
            if resume is not None:
                log(f"resuming adapter {version} from its checkpoint {resume}")
        common: dict[str, Any] = {
            "output_dir": str(output_dir),
            "learning_rate": spec.learning_rate,
            "num_train_epochs": spec.epochs,
            "per_device_train_batch_size": spec.batch_size,
            "per_device_eval_batch_size": spec.batch_size,
            "lr_scheduler_type": "linear",
            "warmup_steps": 0,
            "weight_decay": 0.0,
            "max_grad_norm": 1.0,
            "optim": "adamw_torch_fused",
            "seed": spec.seed,
            "data_seed": spec.seed,
            "max_length": max_length,
            "beta": spec.beta,
            "use_cpu": torch.device(device).type == "cpu",
            "bf16": dtype == torch.bfloat16,
            "gradient_checkpointing": False,
            "logging_steps": 1,
            "report_to": "none",
            "disable_tqdm": True,
            "save_strategy": "steps" if checkpointing else "no",
            "save_steps": max(spec.checkpoint_every, 1),
            "eval_strategy": "no",
        }
        peft_config = peft_lora_config(spec, spec.target_modules or "all-linear")
        trainer: trl.DPOTrainer | trl.KTOTrainer
        if objective == "kto":
            trainer = trl.KTOTrainer(
                model=base,
                args=trl.KTOConfig(**common),
                train_dataset=train_dataset,
                eval_dataset=eval_dataset,
                processing_class=tokenizer,
                peft_config=peft_config,
            )
        else:
            losses: dict[str, Any] = {"loss_type": ["sigmoid", "sft"], "loss_weights": [1.0, spec.sft_weight]}
            trainer = trl.DPOTrainer(
                model=base,
                args=trl.DPOConfig(
                    **common, precompute_ref_log_probs=True, **(losses if objective == "sft+dpo" else {})
                ),
                train_dataset=train_dataset,
                eval_dataset=eval_dataset,
                processing_class=tokenizer,
                peft_config=peft_config,
            )
        trainer.remove_callback(PrinterCallback)  # it prints every step's logs; the loss curve is kept instead
        if progress is not None:
            report = progress

            class StepProgress(TrainerCallback):
                def on_step_end(self, args, state, control, **kwargs):
                    report(state.global_step, state.max_steps)

            trainer.add_callback(StepProgress())
        train_started, cpu_started = time.perf_counter(), time.process_time()
        output = trainer.train(resume_from_checkpoint=resume)
        train_seconds, cpu_seconds = time.perf_counter() - train_started, time.process_time() - cpu_started
        history = trainer.state.log_history
        evaluation = trainer.evaluate() if eval_dataset is not None else {}
        model: Any = trainer.model  # the PeftModel TRL wrapped the base in

    steps = [entry for entry in history if "loss" in entry]
    curve = [float(entry["loss"]) for entry in steps]
    last_epoch = [float(entry["loss"]) for entry in steps if entry["epoch"] > spec.epochs - 1] or curve[-1:]
    tokens = max((float(entry.get("num_tokens", 0)) for entry in steps), default=0.0)
    with staged_output_dir(out_dir) as staging:
        model.save_pretrained(str(staging))
        metadata = {
            "adapter_version": version,
            "objective": objective,
            "trainer": f"trl.{type(trainer).__name__} {trl.__version__}",
            "dataset_version": dataset_version,
            "dataset_path": str(Path(dataset_dir).resolve()),
            "base_model": {"path": str(Path(base_dir).resolve()), "fingerprint": base_fingerprint},
            "architecture": base.config.model_type,
            "spec": resolved.model_dump(),
            "target_modules": lora_target_modules(model),
            "prompt_example": prompt_example,
            "steps": output.global_step,
            "trainable_parameters": sum(p.numel() for p in model.parameters() if p.requires_grad),
            "loss_curve": curve,
            "final_train_loss": sum(last_epoch) / len(last_epoch),
            "eval_loss": evaluation.get("eval_loss"),
            "eval_metrics": {k.removeprefix("eval_"): v for k, v in evaluation.items() if k != "eval_loss"},
            "real_tokens": int(tokens),
            "tokens_per_second": tokens / train_seconds if tokens else None,
            "tokens_per_cpu_second": tokens / cpu_seconds if tokens else None,
            "train_seconds": train_seconds,
            "train_cpu_seconds": cpu_seconds,
            "device": device,
            "dtype": str(dtype).removeprefix("torch."),
            "torch_threads": torch.get_num_threads(),
            "train_size": len(train_rows),
            "eval_size": len(eval_rows),
            "wall_time_s": time.perf_counter() - started,
            "lineage": lineage or {},
        }
        (staging / TRAINING_METADATA_FILE).write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    if checkpoint_dir is not None and Path(checkpoint_dir).exists():
        shutil.rmtree(checkpoint_dir)
    return metadata
