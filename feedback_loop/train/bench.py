"""Training throughput benchmark: the project's LoRA training against HF ``Trainer`` + PEFT and TRL's
``SFTTrainer`` + PEFT, in the same run.

`feedback-loop bench train` runs it. Both sides train the same base model with the same LoRA configuration
(rank, alpha, dropout, the target modules the project's run found), learning rate schedule, epochs, batch size and
seed, on the same encoded examples: the prompt/answer pairs of the packaged corpus, whose lengths vary like real
support answers. The baseline is what a team writes first: ``Trainer`` with right-padded batches in random order
(``DataCollatorForSeq2Seq``), the model's own loss, default attention. The second baseline is TRL's ``SFTTrainer``
on the same rows in its prompt/completion format (the loss on the completion only, as the project's), rendered with
the tokenizer's chat template (the project's prompt format, :func:`~feedback_loop.model.encoding.
conversation_template`, for a tokenizer without one): what the preference objectives' trainers are built on, and
the path SFT would take through TRL. Each side's figure is real (non-padding)
tokens per second of training, timed around the training loop only (model loading and evaluation excluded).

Because both sides run in one process, one after the other, background load on shared cores slows both alike;
the ratio is the figure to compare across machines, and tokens per CPU-second (process time, all threads) is
reported beside it. With ``ablations``, the project's run is repeated with each speed feature switched the other
way (packing, the lean LoRA forward on the CPU, bf16, flash-attention, fused kernels, torch.compile), so each one's
effect is measured, not assumed.

On CUDA the benchmark also reports peak GPU memory and model FLOPs utilisation (MFU) against the GPU's dense bf16
peak: the FLOPs LoRA training needs (:func:`training_flops`) per second of training.
"""

from __future__ import annotations

import importlib.util
import json
import os
import resource
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from feedback_loop.model.prompting import PROMPT_TEMPLATE

if TYPE_CHECKING:
    from feedback_loop.train.lora import LoraSpec

_ASSISTANT = PROMPT_TEMPLATE.split("{prompt}")[1]
# The row length the benchmark trains at (docs/training.md's figures), capped by the model's context.
BENCH_MAX_LENGTH = 256

# Dense (no sparsity) bf16 tensor-core peaks in TFLOPS from the vendors' datasheets, by a part of the device name;
# the first match wins, so more specific names come first. An unlisted GPU gets no MFU unless a peak is given.
BF16_PEAK_TFLOPS = (
    ("H100 PCIe", 756.0),
    ("H100 NVL", 835.0),
    ("GH200", 989.0),
    ("H200", 989.0),
    ("H100", 989.0),
    ("B200", 2250.0),
    ("A100", 312.0),
    ("L40S", 362.0),
    ("L4", 121.0),
    ("RTX 4090", 165.0),
)

# Configurations of real architectures, built with random weights (nothing is downloaded): the compute of a
# training step depends on the shapes, not on the weights' values.
ARCHITECTURES: dict[str, tuple[str, dict[str, Any]]] = {
    "qwen2-0.5b": (
        "Qwen2Config",
        {
            "vocab_size": 151936,
            "hidden_size": 896,
            "intermediate_size": 4864,
            "num_hidden_layers": 24,
            "num_attention_heads": 14,
            "num_key_value_heads": 2,
            "max_position_embeddings": 32768,
            "rope_theta": 1000000.0,
            "rms_norm_eps": 1e-6,
            "tie_word_embeddings": True,
        },
    ),
}


def corpus_examples(documents: list[str], limit: int) -> list[dict]:
    """The first ``limit`` corpus documents split into SFT rows (example_id, prompt, target)."""
    head = PROMPT_TEMPLATE.split("{prompt}")[0]
    rows = []
    for index, document in enumerate(documents[:limit]):
        if not document.startswith(head) or _ASSISTANT not in document:
            raise ValueError(f"corpus document {index} is not in the prompt format of model/prompting.py")
        prompt, target = document[len(head) :].split(_ASSISTANT, 1)
        rows.append({"example_id": f"bench-{index}", "prompt": prompt, "target": target})
    return rows


def build_architecture(name: str, corpus: list[str], out_dir: Path, seed: int = 0) -> Path:
    """A randomly initialised model of architecture ``name`` (see :data:`ARCHITECTURES`) with a tokenizer trained
    on ``corpus``, saved into ``out_dir``. The tokenizer's ids are a subset of the architecture's vocabulary."""
    import torch
    import transformers
    from transformers import AutoModelForCausalLM

    from feedback_loop.model.base import train_tokenizer

    if name not in ARCHITECTURES:
        raise ValueError(f"unknown architecture {name!r}; known: {sorted(ARCHITECTURES)}")
    config_class, sizes = ARCHITECTURES[name]
    tokenizer = train_tokenizer(corpus, vocab_size=2048, max_length=sizes["max_position_embeddings"])
    config = getattr(transformers, config_class)(
        **sizes,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
    )
    torch.manual_seed(seed)
    AutoModelForCausalLM.from_config(config).save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)
    return out_dir


def bf16_peak_tflops(device_name: str) -> float | None:
    """The dense bf16 peak of the GPU called ``device_name`` (None when it is not in :data:`BF16_PEAK_TFLOPS`)."""
    return next((peak for part, peak in BF16_PEAK_TFLOPS if part in device_name), None)


def training_flops(model, lengths: Sequence[int], labelled: int, lora_parameters: int) -> float:
    """The FLOPs one pass of LoRA training over examples of these ``lengths`` needs (``labelled`` response tokens).

    Counted as in PaLM's MFU (Chowdhery et al. 2022, appendix B), adapted to LoRA: every frozen weight matrix of
    the blocks costs 2 FLOPs per token forward and 2 for the activation gradient (it gets no weight gradient), the
    LoRA weights 6; the vocabulary projection only where a loss is taken; attention 4 FLOPs per head dimension per
    (query, key) pair forward and twice that backward, the pairs counted causally within each example.
    Counting 6 per weight per token, as for full fine-tuning, would read 1.5 times higher.
    """
    import torch

    head = model.get_output_embeddings()
    embeddings = {id(model.get_input_embeddings().weight), id(head.weight)}
    block_weights = sum(
        module.weight.numel()
        for module in model.modules()
        if isinstance(module, torch.nn.Linear) and module is not head and id(module.weight) not in embeddings
    )
    config = model.config
    head_dim = getattr(config, "head_dim", None) or config.hidden_size // config.num_attention_heads
    attention_width = config.num_attention_heads * head_dim
    tokens = sum(lengths)
    pairs = sum(length * (length + 1) // 2 for length in lengths)
    return (
        4 * block_weights * tokens
        + 6 * lora_parameters * tokens
        + 4 * head.weight.numel() * labelled
        + 3 * 4 * attention_width * pairs * config.num_hidden_layers
    )


def bench_train(
    base_dir: str | Path,
    rows: list[dict],
    spec,
    work_dir: str | Path,
    *,
    ablations: bool = False,
    peak_tflops: float | None = None,
) -> dict[str, Any]:
    """Train ``spec`` on ``rows`` with the project's loop and with the Trainer baseline; figures of both.

    Returns the JSON of `bench train`: ``project_tokens_per_s``, ``baseline_tokens_per_s``, ``ratio``, ``device``,
    ``mfu`` (None on the CPU or an unknown GPU) and the details of each run, the ablations and the conditions.
    """
    import datasets
    import torch
    from transformers import AutoConfig

    from feedback_loop.model.base import load_causal_lm, resolve_device
    from feedback_loop.model.encoding import encode_examples
    from feedback_loop.train.lora import fused_kernels_available

    work_dir = Path(work_dir)
    dataset_dir = work_dir / "dataset"
    datasets.DatasetDict(
        {"train": datasets.Dataset.from_list(rows), "eval": datasets.Dataset.from_list(rows[:8])}
    ).save_to_disk(str(dataset_dir))
    # As curation would state it: the row length training uses unless the spec sets one.
    (dataset_dir / "metadata.json").write_text(
        json.dumps({"version": "bench", "stats": {"max_length": BENCH_MAX_LENGTH}})
    )
    device, _ = resolve_device(spec.device)
    cuda = torch.device(device).type == "cuda"
    load_before = os.getloadavg()

    # liger-kernel swaps its kernels into transformers' classes for the rest of the process: the runs without
    # them (the baseline, the fused-kernels ablation) go first.
    baseline = _baseline_run(base_dir, dataset_dir, spec, cuda)
    trl_sft = _trl_sft_run(base_dir, dataset_dir, spec, cuda)
    runs = []
    model_type = AutoConfig.from_pretrained(base_dir).model_type
    if ablations and cuda and spec.fused_kernels and fused_kernels_available(model_type):
        unfused = spec.model_copy(update={"fused_kernels": False})
        runs.append(_ablation_run("fused kernels off", base_dir, dataset_dir, work_dir / "ablation", unfused, cuda))
    project, metadata = _project_run(base_dir, dataset_dir, work_dir / "project", spec, cuda)

    results: dict[str, Any] = {
        "project_tokens_per_s": project["tokens_per_second"],
        "baseline_tokens_per_s": baseline["tokens_per_second"],
        "ratio": project["tokens_per_second"] / baseline["tokens_per_second"],
        "ratio_per_cpu_second": project["tokens_per_cpu_second"] / baseline["tokens_per_cpu_second"],
        "trl_sft_tokens_per_s": trl_sft["tokens_per_second"],
        "ratio_to_trl_sft": project["tokens_per_second"] / trl_sft["tokens_per_second"],
        "ratio_to_trl_sft_per_cpu_second": project["tokens_per_cpu_second"] / trl_sft["tokens_per_cpu_second"],
        "device": torch.cuda.get_device_name(torch.device(device)) if cuda else "cpu",
        "mfu": None,
        "project": project,
        "baseline": baseline,
        "trl_sft": trl_sft,
    }
    if cuda:
        model, tokenizer = load_causal_lm(base_dir, device="cpu", dtype=torch.float32)
        examples = encode_examples(
            tokenizer, [(r["prompt"], r["target"]) for r in rows], metadata["spec"]["max_length"]
        )
        per_epoch = training_flops(
            model,
            [len(ids) for ids, _ in examples],
            sum(label != -100 for _, labels in examples for label in labels),
            metadata["trainable_parameters"],
        )
        peak = peak_tflops or bf16_peak_tflops(results["device"])
        achieved = per_epoch * spec.epochs / project["train_seconds"]
        results["model_tflops_per_s"] = achieved / 1e12
        results["peak_bf16_tflops"] = peak
        results["mfu"] = achieved / (peak * 1e12) if peak else None
    if ablations:
        results["ablations"] = runs + [
            _ablation_run(change, base_dir, dataset_dir, work_dir / "ablation", variant, cuda)
            for change, variant in _ablations(spec, metadata, cuda)
        ]
    results["conditions"] = {
        "examples": len(rows),
        "epochs": spec.epochs,
        "batch_size": spec.batch_size,
        "torch_threads": torch.get_num_threads(),
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "peak_rss_gb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20,
        "torch": torch.__version__,
        "installed": {name: importlib.util.find_spec(name) is not None for name in ("flash_attn", "liger_kernel")},
    }
    return results


def _ablations(spec, metadata: dict, cuda: bool) -> list[tuple[str, Any]]:
    """Each speed feature of the project's run switched the other way, one at a time (features whose package is
    not installed were not on, and are not switched on). The fused kernels are switched off in a run before the
    project's, see :func:`bench_train`."""
    packed = metadata["layout"] != "padded"
    changes: list[tuple[str, dict[str, Any]]] = [
        ("packing off" if packed else "packing on", {"batching": "length_grouped" if packed else "packed"})
    ]
    if not cuda:  # the lean LoRA forward is the CPU's (on CUDA, PEFT's own runs)
        changes.append(("lean LoRA off" if spec.lean_lora else "lean LoRA on", {"lean_lora": not spec.lean_lora}))
    if cuda:  # on the CPU, torch.compile measured slower after minutes of compiling (docs/training.md)
        changes.append(("torch.compile off" if spec.compile else "torch.compile on", {"compile": not spec.compile}))
        if metadata["dtype"] == "bfloat16":
            changes.append(("bf16 off", {"bf16": False}))
        if metadata["spec"]["attention"].startswith("flash_attention"):
            changes.append(("flash-attention off (sdpa)", {"attention": "sdpa"}))
    return [(name, spec.model_copy(update=update)) for name, update in changes]


def _ablation_run(change: str, base_dir, dataset_dir: Path, out_dir: Path, spec, cuda: bool) -> dict[str, Any]:
    """One ablation's figures; a combination that fails (torch.compile with a kernel it cannot trace, say) is
    reported with its error, and the benchmark's other figures still come out."""
    try:
        return {"change": change, **_project_run(base_dir, dataset_dir, out_dir, spec, cuda)[0]}
    except Exception as error:  # reported in the table and the JSON, never counted as a figure
        return {"change": change, "error": f"{type(error).__name__}: {error}"}


def _project_run(base_dir, dataset_dir: Path, out_dir: Path, spec, cuda: bool) -> tuple[dict[str, Any], dict]:
    """The figures of one training run of the project's loop, and its training metadata."""
    import torch

    from feedback_loop.train.lora import train_lora

    if cuda:
        torch.cuda.reset_peak_memory_stats()
    metadata = train_lora(base_dir, dataset_dir, out_dir, spec)
    figures = {
        "tokens_per_second": metadata["tokens_per_second"],
        "tokens_per_cpu_second": metadata["tokens_per_cpu_second"],
        "padding_fraction": metadata["padding_fraction"],
        "train_seconds": metadata["train_seconds"],
        "layout": metadata["layout"],
        "attention": metadata["spec"]["attention"],
        "dtype": metadata["dtype"],
        "fused_kernels": metadata["fused_kernels"],
        "lean_lora_layers": metadata["lean_lora_layers"],
        "compile": metadata["spec"]["compile"],
        "eval_loss": metadata["eval_loss"],
        "peak_memory_gb": torch.cuda.max_memory_allocated() / 2**30 if cuda else None,
    }
    return figures, metadata


def _baseline_run(base_dir, dataset_dir: Path, spec, cuda: bool) -> dict[str, Any]:
    """HF Trainer + PEFT on the same examples, LoRA configuration and recipe, with padded, shuffled batches."""
    import datasets
    import torch
    from peft import get_peft_model
    from transformers import DataCollatorForSeq2Seq, Trainer, TrainerCallback, TrainingArguments

    from feedback_loop.model.base import load_causal_lm, resolve_device
    from feedback_loop.model.encoding import encode_examples
    from feedback_loop.train.lora import peft_lora_config, read_sft_splits, training_max_length

    device, dtype = resolve_device(spec.device)
    if not spec.bf16:
        dtype = torch.float32
    base, tokenizer = load_causal_lm(base_dir, device=device, dtype=dtype)
    train_rows, _, _ = read_sft_splits(dataset_dir)
    # The same encoding and target modules as the project's run: its max_length capped by the model's context,
    # and the modules PEFT's 'all-linear' finds.
    max_length = training_max_length(spec, dataset_dir, base)
    examples = encode_examples(tokenizer, [(r["prompt"], r["target"]) for r in train_rows], max_length)
    model = get_peft_model(base, peft_lora_config(spec, spec.target_modules or "all-linear"))
    dataset = datasets.Dataset.from_dict(
        {
            "input_ids": [ids for ids, _ in examples],
            "attention_mask": [[1] * len(ids) for ids, _ in examples],
            "labels": [labels for _, labels in examples],
        }
    )
    counter = _CountingCollator(DataCollatorForSeq2Seq(tokenizer, padding="longest", label_pad_token_id=-100))
    timer = _Timer(cuda)
    arguments = TrainingArguments(
        output_dir=str(Path(dataset_dir).parent / "baseline"),
        train_sampling_strategy="random",
        **_trainer_settings(spec, bf16=dtype == torch.bfloat16, cuda=cuda),
    )
    trainer = Trainer(
        model=model,
        args=arguments,
        train_dataset=dataset,
        data_collator=counter,
        callbacks=[timer.callback(TrainerCallback)],
    )
    if cuda:
        torch.cuda.reset_peak_memory_stats()
    trainer.train()
    return {
        "tokens_per_second": counter.real_tokens / timer.seconds,
        "tokens_per_cpu_second": counter.real_tokens / timer.cpu_seconds,
        "padding_fraction": 1 - counter.real_tokens / counter.positions,
        "train_seconds": timer.seconds,
        "attention": base.config._attn_implementation,
        "dtype": str(dtype).removeprefix("torch."),
        "peak_memory_gb": torch.cuda.max_memory_allocated() / 2**30 if cuda else None,
    }


def _trl_sft_run(base_dir, dataset_dir: Path, spec, cuda: bool) -> dict[str, Any]:
    """TRL's SFTTrainer + PEFT on the same rows (prompt/completion conversations), LoRA configuration and recipe."""
    import datasets
    import torch
    import trl
    from transformers import TrainerCallback

    from feedback_loop.model.base import load_causal_lm, resolve_device
    from feedback_loop.model.encoding import conversation_template
    from feedback_loop.train.lora import peft_lora_config, read_sft_splits, training_max_length

    device, dtype = resolve_device(spec.device)
    if not spec.bf16:
        dtype = torch.float32
    base, tokenizer = load_causal_lm(base_dir, device=device, dtype=dtype)
    tokenizer.chat_template = conversation_template(tokenizer)
    train_rows, _, _ = read_sft_splits(dataset_dir)
    dataset = datasets.Dataset.from_list(
        [
            {
                "prompt": [{"role": "user", "content": row["prompt"]}],
                "completion": [{"role": "assistant", "content": row["target"]}],
            }
            for row in train_rows
        ]
    )
    timer = _Timer(cuda)
    arguments = trl.SFTConfig(
        output_dir=str(Path(dataset_dir).parent / "trl_sft"),
        max_length=training_max_length(spec, dataset_dir, base),
        gradient_checkpointing=False,
        **_trainer_settings(spec, bf16=dtype == torch.bfloat16, cuda=cuda),
    )
    trainer = trl.SFTTrainer(
        model=base,
        args=arguments,
        train_dataset=dataset,
        processing_class=tokenizer,
        peft_config=peft_lora_config(spec, spec.target_modules or "all-linear"),
        callbacks=[timer.callback(TrainerCallback)],
    )
    counter = _CountingCollator(trainer.data_collator)
    trainer.data_collator = counter
    if cuda:
        torch.cuda.reset_peak_memory_stats()
    trainer.train()
    return {
        "tokens_per_second": counter.real_tokens / timer.seconds,
        "tokens_per_cpu_second": counter.real_tokens / timer.cpu_seconds,
        "padding_fraction": 1 - counter.real_tokens / counter.positions,
        "train_seconds": timer.seconds,
        "trl": trl.__version__,
        "attention": base.config._attn_implementation,
        "dtype": str(dtype).removeprefix("torch."),
        "peak_memory_gb": torch.cuda.max_memory_allocated() / 2**30 if cuda else None,
    }


class _CountingCollator:
    """Wraps a collator and counts the real tokens and the positions (real plus padding) of every batch."""

    def __init__(self, collator):
        self.collator, self.real_tokens, self.positions = collator, 0, 0

    def __call__(self, features):
        batch = self.collator(features)
        self.real_tokens += int(batch["attention_mask"].sum())
        self.positions += batch["input_ids"].numel()
        return batch


class _Timer:
    """Wall and CPU time from the start to the end of Trainer's training loop."""

    def __init__(self, cuda: bool):
        self.cuda, self.seconds, self.cpu_seconds = cuda, 0.0, 0.0

    def callback(self, base):
        timer = self

        class Callback(base):
            def on_train_begin(self, args, state, control, **kwargs):
                timer.started, timer.cpu_started = time.perf_counter(), time.process_time()

            def on_train_end(self, args, state, control, **kwargs):
                if timer.cuda:
                    import torch

                    torch.cuda.synchronize()
                timer.seconds = time.perf_counter() - timer.started
                timer.cpu_seconds = time.process_time() - timer.cpu_started

        return Callback()


def _trainer_settings(spec: LoraSpec, *, bf16: bool, cuda: bool) -> dict[str, Any]:
    """The optimisation settings both Trainer baselines share with the project's loop (same batch size, epochs,
    schedule, clipping and seed), so that the comparison is of the training paths, not their settings."""
    return {
        "per_device_train_batch_size": spec.batch_size,
        "num_train_epochs": spec.epochs,
        "learning_rate": spec.learning_rate,
        "lr_scheduler_type": "linear",
        "warmup_steps": 0,
        "weight_decay": 0.0,
        "max_grad_norm": 1.0,
        "seed": spec.seed,
        "bf16": bf16,
        "use_cpu": not cuda,
        "dataloader_num_workers": 0,
        "logging_strategy": "no",
        "save_strategy": "no",
        "report_to": [],
        "disable_tqdm": True,
    }
