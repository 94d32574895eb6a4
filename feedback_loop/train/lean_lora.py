"""A leaner forward for PEFT's LoRA linear layers, for the project's training loop on the CPU.

PEFT computes ``base(x) + lora_B(lora_A(dropout(x))) * scaling``. On a small model on the CPU, the elementwise
passes around the two thin matrix products cost as much as the products: torch's dropout draws a Bernoulli sample
for every element, one at a time (its CPU generator is serial), which at p = 0.05 took twice as long as the LoRA
matrix product it feeds; the scaling and the sum are two more passes over the output, forward and backward.
:func:`lean_lora_forward` computes the same function with fewer passes:

- **Dropout from the dropped positions** (:func:`dropped_positions`): each element is still zeroed independently
  with probability ``p`` and the others scaled by 1 / (1 - p), but the sample is drawn from the gaps between
  dropped elements, which are geometric: a twentieth of the random numbers at p = 0.05, turned into gaps by a
  vectorised logarithm (inverse transform sampling). The uniforms are float32 (steps of 2^-24), so each gap's
  probability is exact to within 2^-24, and at p = 0.05 gaps longer than 325 (probability 6e-8) are not drawn.
  They come from torch's default generator, which training seeds and checkpoints.
- **The scaling folded into the dropout mask**: ``lora_B(lora_A(x * mask * scaling))`` equals
  ``lora_B(lora_A(x * mask)) * scaling`` (both products are linear), with the same gradients; with the default
  alpha / r = 2 even the rounding is the same.
- **The sum inside the matrix product**: ``addmm(base(x), h, lora_B.weight.T)``.

Only the vanilla LoRA of one adapter on a ``torch.nn.Linear`` (what ``train_lora`` builds) takes this path.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import torch


@contextmanager
def lean_lora_forward(model) -> Iterator[int]:
    """Within the block, every vanilla LoRA linear layer of ``model`` runs :func:`_lean_forward`; yields how many.

    The layers get their own forward back afterwards, so evaluation and saving see PEFT's model unchanged.
    """
    import types

    import torch
    from peft.tuners.lora import Linear

    layers = [
        module
        for module in model.modules()
        if isinstance(module, Linear)
        and list(module.lora_A) == ["default"]
        and not module.lora_variant
        and not module.merged
        and isinstance(module.base_layer, torch.nn.Linear)
    ]
    for layer in layers:
        layer.forward = types.MethodType(_lean_forward, layer)  # type: ignore[method-assign]
    try:
        yield len(layers)
    finally:
        for layer in layers:
            del layer.forward  # the class's forward again


def _lean_forward(layer, inputs: torch.Tensor) -> torch.Tensor:
    """PEFT's ``base(x) + lora_B(lora_A(dropout(x))) * scaling`` for the 'default' adapter, in fewer passes."""
    import torch

    result = layer.base_layer(inputs)
    if layer.disable_adapters:
        return result
    dropout, scaling = layer.lora_dropout["default"], layer.scaling["default"]
    p = dropout.p if layer.training and isinstance(dropout, torch.nn.Dropout) else 0.0
    if p > 0:
        scale = torch.full((inputs.numel(),), scaling / (1 - p), dtype=inputs.dtype, device=inputs.device)
        scale.index_fill_(0, dropped_positions(inputs.numel(), p, inputs.device), 0)
        scaled = inputs * scale.view(inputs.shape)
    else:
        scaled = inputs * scaling
    hidden = torch.nn.functional.linear(scaled, layer.lora_A["default"].weight).flatten(0, -2)
    lora_b = layer.lora_B["default"].weight
    return torch.addmm(result.reshape(-1, result.shape[-1]), hidden, lora_b.t()).view(result.shape)


def dropped_positions(count: int, p: float, device: torch.device | str = "cpu") -> torch.Tensor:
    """The indices among ``count`` elements that dropout with probability ``p`` (0 < p < 1) zeroes.

    The gap from one dropped element to the next is geometric on {1, 2, ...} with parameter ``p``:
    ``floor(log(U) / log(1 - p)) + 1`` for U uniform on (0, 1]. Gaps are drawn in blocks a few standard deviations
    above the expected count until they pass ``count``.
    """
    import torch

    per_log = 1 / math.log1p(-p)
    expected = count * p
    block = int(expected + 6 * math.sqrt(expected * (1 - p))) + 16
    blocks = []
    last = -1  # the last position drawn so far
    while last < count - 1:
        # 1 - U is uniform on (0, 1], so its logarithm is finite.
        gaps = torch.rand(block, device=device).neg_().add_(1).log_().mul_(per_log).floor_().long().add_(1)
        drawn = gaps.cumsum(0).add_(last)
        blocks.append(drawn)
        last = int(drawn[-1])
    dropped = torch.cat(blocks) if len(blocks) > 1 else blocks[0]
    # Positions increase strictly (every gap is at least 1): those below count are a prefix.
    return dropped[: int(torch.searchsorted(dropped, count))]
