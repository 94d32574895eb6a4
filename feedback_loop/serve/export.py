"""`feedback-loop export adapter VERSION --format peft|merged|vllm --out DIR`: a registered adapter, ready to serve
elsewhere.

* ``peft``: the adapter as PEFT saves it, its ``base_model_name_or_path`` the base model's path *relative to
  DIR* (the absolute training path means nothing on another machine), and a filled model card (README.md).
* ``merged``: base model and adapter folded into one full model (``merge_and_unload``) with its tokenizer, for
  servers without LoRA support.
* ``vllm``: the layout vLLM's multi-LoRA serving loads with ``--lora-modules NAME=DIR``: ``adapter_config.json``
  and ``adapter_model.safetensors`` only (a tokenizer in the folder would replace the base model's), and the
  adapter checked against what vLLM's PEFT loader refuses: ``modules_to_save`` (must be empty), DoRA, a bias
  without ``--enable-lora-bias``, tensor names other than ``base_model.model.<module>.lora_A/B.weight``, and
  target modules that are not linear layers of the base model. Its rank must be within vLLM's
  ``--max-lora-rank``, which the card's serve command sets.

Every format writes ``export_metadata.json`` (version, registry status, base model fingerprint, format) and the
whole folder replaces DIR in one rename.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from feedback_loop.registry import Registry

FORMATS = ("peft", "merged", "vllm")
EXPORT_METADATA_FILE = "export_metadata.json"
ADAPTER_CONFIG = "adapter_config.json"
ADAPTER_WEIGHTS = "adapter_model.safetensors"
# vLLM's --max-lora-rank takes one of these; the smallest that holds the adapter's rank goes into the command.
VLLM_LORA_RANKS = (1, 8, 16, 32, 64, 128, 256, 320, 512)
_VLLM_TENSOR = re.compile(r"base_model\.model\.(?P<module>.+)\.lora_[AB]\.weight")


class ExportError(ValueError):
    """An adapter that cannot be exported in the asked format; the message says what stands in the way."""


def export_adapter(
    registry: Registry,
    version: str,
    fmt: str,
    out_dir: str | Path,
    base_dir: str | Path | None = None,
    fetch: Callable[[Path], object] | None = None,
) -> dict[str, Any]:
    """Export registered adapter ``version`` as ``fmt`` into ``out_dir``; returns the export metadata.

    ``base_dir`` defaults to the base model the adapter was trained on (its training metadata says where);
    either way its fingerprint must be the one the adapter was trained on. ``fetch(path)`` brings the adapter's
    folder and then the base model's up to date before they are read (with a data root in object storage, the
    working copy's :meth:`~feedback_loop.storage.DataStore.pull_path`).
    """
    from feedback_loop.model.base import TRAINING_METADATA_FILE as TRAINING_METADATA
    from feedback_loop.model.base import BaseModelMismatch, check_adapter_base, model_fingerprint, staged_output_dir

    if fmt not in FORMATS:
        raise ExportError(f"format {fmt!r} is not one of {FORMATS}")
    record = registry.get(version)
    adapter_dir = Path(record.path)
    if fetch is not None:
        fetch(adapter_dir)
    training_path = adapter_dir / TRAINING_METADATA
    if not training_path.is_file():
        raise ExportError(f"adapter {version}: {training_path} is missing; was it trained by feedback-loop?")
    training = json.loads(training_path.read_text(encoding="utf-8"))
    base = Path(base_dir or training["base_model"]["path"]).resolve()
    if fetch is not None:
        fetch(base)
    fingerprint = model_fingerprint(base)
    try:
        check_adapter_base(adapter_dir, base, version, fingerprint)
    except BaseModelMismatch as error:
        raise ExportError(str(error)) from error
    config = json.loads((adapter_dir / ADAPTER_CONFIG).read_text(encoding="utf-8"))
    out = Path(out_dir).resolve()
    base_reference = os.path.relpath(base, out)
    metadata = {
        "adapter_version": version,
        "registry_status": record.status,
        "format": fmt,
        "base_model": {"relative_path": base_reference, "fingerprint": fingerprint},
        "adapter_fingerprint": model_fingerprint(adapter_dir),
        "lora": {name: config.get(name) for name in ("r", "lora_alpha", "target_modules")},
    }
    if fmt == "vllm":
        metadata["vllm"] = _check_vllm(config, adapter_dir / ADAPTER_WEIGHTS, base, version)
    with staged_output_dir(out) as staging:
        if fmt == "merged":
            _write_merged(base, adapter_dir, staging)
        else:
            if not (adapter_dir / ADAPTER_WEIGHTS).is_file():
                raise ExportError(f"adapter {version}: {adapter_dir / ADAPTER_WEIGHTS} is missing")
            shutil.copyfile(adapter_dir / ADAPTER_WEIGHTS, staging / ADAPTER_WEIGHTS)
            exported = {**config, "base_model_name_or_path": base_reference}
            (staging / ADAPTER_CONFIG).write_text(json.dumps(exported, indent=2), encoding="utf-8")
        (staging / "README.md").write_text(_model_card(record, training, metadata, out), encoding="utf-8")
        (staging / EXPORT_METADATA_FILE).write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    return metadata


def _write_merged(base: Path, adapter_dir: Path, staging: Path) -> None:
    from feedback_loop.model.base import load_causal_lm

    model, tokenizer = load_causal_lm(base, adapter_dir, device="cpu")
    merged = model.merge_and_unload()
    merged.save_pretrained(staging)
    tokenizer.save_pretrained(staging)


def _check_vllm(config: dict[str, Any], weights: Path, base: Path, version: str) -> dict[str, Any]:
    """What vLLM needs to load the adapter, or an :class:`ExportError` naming what it would refuse."""
    import torch
    from safetensors import safe_open
    from transformers import AutoConfig, AutoModelForCausalLM

    problems = []
    for name in ("r", "lora_alpha", "target_modules"):
        if config.get(name) in (None, [], ""):
            problems.append(f"adapter_config.json lacks {name!r}")
    if config.get("modules_to_save"):
        problems.append(f"modules_to_save is {config['modules_to_save']!r}; vLLM only supports none")
    if config.get("use_dora"):
        problems.append("it uses DoRA, which vLLM does not support")
    if config.get("bias", "none") != "none":
        problems.append(f"bias is {config['bias']!r}; vLLM needs --enable-lora-bias for that, and this export does not")
    rank = config.get("r") or 0
    if rank > VLLM_LORA_RANKS[-1]:
        problems.append(f"rank {rank} exceeds vLLM's largest --max-lora-rank {VLLM_LORA_RANKS[-1]}")
    if not weights.is_file():
        problems.append(f"{weights.name} is missing (vLLM loads safetensors)")
        modules: set[str] = set()
    else:
        with safe_open(str(weights), framework="pt") as tensors:
            names = list(tensors.keys())
        bad = [name for name in names if not _VLLM_TENSOR.fullmatch(name) or ".default." in name]
        if bad:
            problems.append(f"tensor names vLLM cannot parse, e.g. {bad[:3]}")
        modules = {match.group("module") for name in names if (match := _VLLM_TENSOR.fullmatch(name))}
    # The base model's layers, built on the meta device: the architecture without loading the weights.
    with torch.device("meta"):
        model = AutoModelForCausalLM.from_config(AutoConfig.from_pretrained(base))
    linear = {name for name, module in model.named_modules() if isinstance(module, torch.nn.Linear)}
    not_linear = sorted(module for module in modules if module not in linear)
    if not_linear:
        problems.append(f"LoRA weights on modules that are not linear layers of the base model: {not_linear[:3]}")
    if problems:
        raise ExportError(f"adapter {version} cannot be served by vLLM: " + "; ".join(problems))
    max_rank = next(value for value in VLLM_LORA_RANKS if value >= rank)
    return {"max_lora_rank": max_rank, "lora_modules": f"{version}=<DIR>", "adapted_layers": len(modules)}


def _gate_figures(evaluation: dict[str, Any]) -> str:
    """The offline gate's verdict and its primary and guardrail figures (a GateResult as the registry keeps it)."""
    if "passed" not in evaluation:
        return "offline gate: no figures recorded"
    confidence = (evaluation.get("spec") or {}).get("confidence", 0.95)
    figures = [
        f"{comparison['role']} {comparison['metric']} improvement {comparison['mean']:+.4f} ({confidence:.0%} CI "
        f"{comparison['low']:+.4f} to {comparison['high']:+.4f})"
        for comparison in (evaluation.get("primary"), evaluation.get("guardrail"))
        if comparison
    ]
    verdict = "passed" if evaluation["passed"] else "failed"
    return f"offline gate {verdict}: " + ("; ".join(figures) or "; ".join(evaluation.get("reasons") or []))


def _model_card(record, training: dict[str, Any], metadata: dict[str, Any], out: Path) -> str:
    from huggingface_hub import ModelCard, ModelCardData

    from feedback_loop.model.prompting import format_prompt

    fmt = metadata["format"]
    version = metadata["adapter_version"]
    base = metadata["base_model"]
    spec = training.get("spec", {})
    data = ModelCardData(
        base_model=base["relative_path"],
        library_name="transformers" if fmt == "merged" else "peft",
        pipeline_tag="text-generation",
        tags=["feedback-loop", "lora"] + (["merged"] if fmt == "merged" else []),
        model_name=version,
    )
    gate = _gate_figures(record.metrics.get("offline_evaluation") or {})
    online = record.metrics.get("online_ab_test")
    usage = {
        "peft": (
            "```python\nfrom transformers import AutoModelForCausalLM, AutoTokenizer\nfrom peft import PeftModel\n\n"
            f'base = AutoModelForCausalLM.from_pretrained("{base["relative_path"]}")  # relative to this folder\n'
            f'tokenizer = AutoTokenizer.from_pretrained("{base["relative_path"]}")\n'
            'model = PeftModel.from_pretrained(base, ".")\n```'
        ),
        "merged": (
            "```python\nfrom transformers import AutoModelForCausalLM, AutoTokenizer\n\n"
            'model = AutoModelForCausalLM.from_pretrained(".")\ntokenizer = AutoTokenizer.from_pretrained(".")\n```'
        ),
        "vllm": (
            f"```bash\nvllm serve {base['relative_path']} --enable-lora "
            f"--max-lora-rank {metadata.get('vllm', {}).get('max_lora_rank')} --lora-modules {version}={out}\n```\n"
            f'Then request `"model": "{version}"` from the OpenAI-compatible API.'
        ),
    }[fmt]
    body = f"""
# {version}

A LoRA adapter trained by feedback-loop on the answers its users liked, exported as `{fmt}`.

## Model details

- **Adapter version**: `{version}` (registry status when exported: `{record.status}`)
- **Base model**: `{base["relative_path"]}` (relative to this folder), fingerprint `{base["fingerprint"]}`
- **LoRA**: rank {spec.get("r")}, alpha {spec.get("alpha")}, dropout {spec.get("dropout")}, target modules
  {", ".join(training.get("target_modules") or spec.get("target_modules") or [])}
- **Adapter fingerprint**: `{metadata["adapter_fingerprint"]}`

## Prompt format

The model answers prompts in the format it was trained on:

```text
{training.get("prompt_example") or format_prompt("How do I reset my password?")}```

A system text, when there is one, comes first: `{format_prompt("...", "SYSTEM").splitlines()[0]}` and the text on
the following line.

## Training

- **Dataset version**: `{training.get("dataset_version")}` ({training.get("train_size")} training and
  {training.get("eval_size")} evaluation examples)
- **Epochs**: {spec.get("epochs")}, learning rate {spec.get("learning_rate")}, batch size {spec.get("batch_size")}
- **Final train loss**: {training.get("final_train_loss")}; **eval loss**: {training.get("eval_loss")}
- **Device**: {training.get("device")} ({training.get("dtype")}), {training.get("wall_time_s", 0):.0f} s

## Evaluation

- {gate}
- online A/B test: {json.dumps(online) if online else "none recorded"}

## How to use

{usage}

## Lineage

```json
{json.dumps(record.lineage, indent=2, default=str)}
```
"""
    return str(ModelCard(f"---\n{data.to_yaml()}\n---\n{body}"))
