"""LoRA fine-tuning of the base model: on the SFT dataset, or on a preference dataset (KTO, DPO)."""

import dagster as dg

from feedback_loop.defs.execution import TRAIN_OP_TAGS
from feedback_loop.defs.resources import AdapterRegistry, DataRoot, TorchThreads, on_working_copy
from feedback_loop.ingest import feedback_counts
from feedback_loop.progress import ProgressLog
from feedback_loop.train.lora import LoraSpec

FEEDBACK_COUNTS = "feedback_counts"
"""Metadata of a `lora_adapter` materialization: the feedback events per ingested day when training started,
which the feedback volume sensor counts new feedback from."""
# The UI plots each numeric metadata entry of an asset's observations; a curve of this many points shows its shape
# without filling the event log with one event per training step (the full curve is in the training metadata).
LOSS_CURVE_POINTS = 100


def loss_curve_observations(
    asset_key: dg.AssetKey, version: str, loss_curve: list[float], points: int = LOSS_CURVE_POINTS
) -> list[dg.AssetObservation]:
    """The loss curve as observations the Dagster UI plots (the asset's Plots tab): ``train_loss`` at ``step``,
    at most ``points`` steps spread evenly over training, the first and the last among them."""
    if not loss_curve:
        return []
    count = min(points, len(loss_curve))
    indices = sorted({round(i * (len(loss_curve) - 1) / max(count - 1, 1)) for i in range(count)})
    return [
        dg.AssetObservation(
            asset_key=asset_key,
            metadata={
                "step": dg.MetadataValue.int(index + 1),
                "train_loss": dg.MetadataValue.float(float(loss_curve[index])),
                "adapter_version": version,
            },
        )
        for index in indices
    ]


class LoraAdapterConfig(dg.Config, LoraSpec):
    """The LoRA recipe (`LoraSpec`, where each field is defined and documented)."""


@dg.asset(group_name="training", op_tags=TRAIN_OP_TAGS, kinds={"pytorch", "peft"}, tags={"compute": "gpu"})
@on_working_copy
def lora_adapter(
    context: dg.AssetExecutionContext,
    config: LoraAdapterConfig,
    data_root: DataRoot,
    registry: AdapterRegistry,
    torch_threads: TorchThreads,
    sft_dataset: dict,
    preference_pairs: dict,
    kto_dataset: dict,
    base_model: dict,
) -> dg.Output[dict]:
    """A PEFT LoRA adapter trained on the train split of its objective's dataset, saved under `adapters/<version>`.

    The `objective` chooses what it learns from: `sft` (the default) the targets of `sft_dataset`, with the loss
    on response tokens only, in the project's own training loop; `kto` the liked and rated-down answers of
    `kto_dataset`, with TRL's KTOTrainer; `dpo` the pairs of `preference_pairs`, with TRL's DPOTrainer; `sft+dpo`
    the same pairs with the SFT loss on the chosen answers added. The version is a hash of the dataset version,
    the base model fingerprint and the training config, so the same inputs give the same version and a re-run
    reuses the adapter already trained (trained again if its folder lost or damaged a file since). Training
    checkpoints its adapter and optimizer every `checkpoint_every` steps under `checkpoints/<version>`, and a run
    that was killed resumes from the last checkpoint. The adapter is registered as a `candidate` in the registry,
    with its objective. The loss curve is logged as observations of `train_loss` by `step`, which the asset's
    Plots tab draws.
    """
    from feedback_loop.train import adapter_version, train_lora, train_preference
    from feedback_loop.train.lora import reusable_adapter

    feedback = feedback_counts(data_root.warehouse())
    spec = LoraSpec.of(config)
    dataset_name, dataset = {
        "sft": ("sft_dataset", sft_dataset),
        "kto": ("kto_dataset", kto_dataset),
        "dpo": ("preference_pairs", preference_pairs),
        "sft+dpo": ("preference_pairs", preference_pairs),
    }[spec.objective]
    version = adapter_version(dataset["version"], base_model["fingerprint"], spec)
    out_dir = data_root.layout.adapters / version
    metadata = reusable_adapter(out_dir, context.log.warning)
    if metadata is not None:
        context.log.info(f"adapter {version} already trained from the same inputs; reusing {out_dir}")
    else:
        context.log.info(
            f"training adapter {version} ({spec.objective} on {dataset_name}) on {torch_threads.apply()} torch threads"
        )
        lineage = {dataset_name: dataset, "base_model": base_model}
        train = train_lora if spec.objective == "sft" else train_preference
        metadata = train(
            base_model["path"],
            dataset["path"],
            out_dir,
            spec,
            lineage=lineage,
            checkpoint_dir=data_root.layout.checkpoints / version,
            log=context.log.info,
            progress=ProgressLog(f"training adapter {version}", context.log.info),
        )
        # Only for a curve trained in this run: a reused adapter's curve is in the plots already.
        for observation in loss_curve_observations(context.asset_key, version, metadata["loss_curve"]):
            context.log_event(observation)
    figures = {k: metadata[k] for k in ("final_train_loss", "eval_loss", "tokens_per_second") if k in metadata}
    store = registry.open()
    if version in {record.version for record in store.list()}:
        store.add_metrics(version, {"training": figures}, actor="lora_adapter")
    else:
        store.register(
            version,
            path=str(out_dir),
            metrics={"training": figures},
            lineage={"dataset_version": dataset["version"], "base_model_fingerprint": base_model["fingerprint"]},
            actor="lora_adapter",
            objective=spec.objective,
        )
    return dg.Output(
        {
            "version": version,
            "path": str(out_dir),
            "dataset_version": dataset["version"],
            "objective": spec.objective,
            "base_model_fingerprint": base_model["fingerprint"],
        },
        metadata={
            "version": version,
            "path": dg.MetadataValue.path(str(out_dir)),
            "objective": spec.objective,
            **figures,
            "device": metadata.get("device", ""),
            "target_modules": dg.MetadataValue.json(metadata.get("target_modules", [])),
            "steps": len(metadata.get("loss_curve", [])),
            FEEDBACK_COUNTS: dg.MetadataValue.json(feedback),
        },
    )
