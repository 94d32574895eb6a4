"""LoRA fine-tuning: supervised on the curated SFT dataset (the project's loop), or preference optimization on
the preference datasets (TRL's KTO and DPO trainers)."""

from feedback_loop.train.lora import LoraSpec, adapter_version, train_lora
from feedback_loop.train.preference import train_preference

__all__ = ["LoraSpec", "adapter_version", "train_lora", "train_preference"]
