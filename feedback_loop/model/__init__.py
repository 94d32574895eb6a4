"""The base causal LM: build a small one offline, load any local one (optionally with an adapter), fingerprint it.

Importing this package is cheap; torch and transformers load when a function that needs them runs.
"""

from feedback_loop.model.base import (
    BaseModelSpec,
    build_base_model,
    load_causal_lm,
    model_fingerprint,
    resolve_device,
)

__all__ = ["BaseModelSpec", "build_base_model", "load_causal_lm", "model_fingerprint", "resolve_device"]
