"""An adapter folder whose files pass :func:`feedback_loop.model.base.check_adapter_files`, for tests that promote
adapters through a registry that checks them (its weights are one zero tensor: no test loads it)."""

from __future__ import annotations

import json
from pathlib import Path


def adapter_folder(folder: Path) -> str:
    """Write the files of an adapter folder at ``folder`` and return its path, as the registry records it."""
    import torch
    from safetensors.torch import save_file

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "adapter_config.json").write_text(json.dumps({"peft_type": "LORA", "r": 2}))
    save_file({"base_model.model.lora_A.weight": torch.zeros(2, 2)}, folder / "adapter_model.safetensors")
    return str(folder)
