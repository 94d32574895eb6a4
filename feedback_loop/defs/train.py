"""LoRA fine-tuning of the base model on the SFT dataset."""

import json

import dagster as dg

from feedback_loop.defs.resources import AdapterRegistry, DataRoot

TRAINING_METADATA = "training_metadata.json"


class LoraAdapterConfig(dg.Config):
    r: int = 16
    alpha: int = 32
    dropout: float = 0.05
    target_modules: list[str] = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
    """Every linear layer of a Llama block: at this model size q/v alone cannot unlearn the base's habits."""
    learning_rate: float = 5e-3
    epochs: int = 5
    batch_size: int = 16
    max_length: int = 256
    seed: int = 0
    device: str = "auto"
    """'auto' trains on CUDA in bf16 when a GPU is present, else on the CPU in fp32."""
    group_by_length: bool = True
    """Batch examples of similar length together: far less padding, so more real tokens per second."""


@dg.asset(group_name="training", kinds={"pytorch", "peft"}, tags={"compute": "gpu"})
def lora_adapter(
    context: dg.AssetExecutionContext,
    config: LoraAdapterConfig,
    data_root: DataRoot,
    registry: AdapterRegistry,
    sft_dataset: dict,
    base_model: dict,
) -> dg.Output[dict]:
    """A PEFT LoRA adapter trained on the train split, saved under `adapters/<version>`.

    Loss is computed on response tokens only. The version is a hash of the dataset version, the base model
    fingerprint and the training config, so the same inputs give the same version and a re-run reuses the
    adapter already trained. The adapter is registered as a `candidate` in the registry.
    """
    from feedback_loop.train import LoraSpec, adapter_version, train_lora

    spec = LoraSpec(**{**config.model_dump(), "target_modules": tuple(config.target_modules)})
    version = adapter_version(sft_dataset["version"], base_model["fingerprint"], spec)
    out_dir = data_root.layout.adapters / version
    if (out_dir / TRAINING_METADATA).exists():
        context.log.info(f"adapter {version} already trained from the same inputs; reusing {out_dir}")
        metadata = json.loads((out_dir / TRAINING_METADATA).read_text())
    else:
        lineage = {"sft_dataset": sft_dataset, "base_model": base_model}
        metadata = train_lora(base_model["path"], sft_dataset["path"], out_dir, spec, lineage=lineage)
    figures = {k: metadata[k] for k in ("final_train_loss", "eval_loss", "tokens_per_second") if k in metadata}
    store = registry.open()
    if version in {record.version for record in store.list()}:
        store.add_metrics(version, {"training": figures}, actor="lora_adapter")
    else:
        store.register(
            version,
            path=str(out_dir),
            metrics={"training": figures},
            lineage={"dataset_version": sft_dataset["version"], "base_model_fingerprint": base_model["fingerprint"]},
            actor="lora_adapter",
        )
    return dg.Output(
        {
            "version": version,
            "path": str(out_dir),
            "dataset_version": sft_dataset["version"],
            "base_model_fingerprint": base_model["fingerprint"],
        },
        metadata={
            "version": version,
            "path": dg.MetadataValue.path(str(out_dir)),
            **figures,
            "device": metadata.get("device", ""),
            "loss_curve": dg.MetadataValue.json(metadata.get("loss_curve", [])),
        },
    )
