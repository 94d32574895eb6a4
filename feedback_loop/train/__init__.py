"""LoRA fine-tuning on the curated SFT dataset, with the loss on response tokens only."""

from feedback_loop.train.lora import LoraSpec, adapter_version, train_lora

__all__ = ["LoraSpec", "adapter_version", "train_lora"]
