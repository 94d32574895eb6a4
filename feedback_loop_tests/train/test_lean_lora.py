"""The lean LoRA forward of the CPU training loop: PEFT's function, dropout distribution and gradients."""

from __future__ import annotations

import math

import pytest

from feedback_loop.model.base import load_causal_lm
from feedback_loop.model.encoding import collate, encode_examples
from feedback_loop.train.lean_lora import dropped_positions, lean_lora_forward
from feedback_loop.train.lora import LoraSpec, peft_lora_config
from feedback_loop_tests.model.tiny_models import sft_rows


def _lora_model(base_dir, spec: LoraSpec):
    import torch
    from peft import get_peft_model

    base, tokenizer = load_causal_lm(base_dir, device="cpu", dtype=torch.float32)
    model = get_peft_model(base, peft_lora_config(spec, "all-linear"))
    torch.manual_seed(1)
    for name, parameter in model.named_parameters():
        if "lora_B" in name:  # PEFT starts B at zero, where the adapter's path would not show in the output
            torch.nn.init.normal_(parameter, std=0.05)
    examples = encode_examples(tokenizer, [(r["prompt"], r["target"]) for r in sft_rows(6, seed=3)], 64)
    return model, collate(examples, tokenizer.pad_token_id)


def _loss_and_gradients(model, batch):
    model.zero_grad()
    model.train()
    loss = model(**batch).loss
    loss.backward()
    return loss.item(), {n: p.grad.clone() for n, p in model.named_parameters() if p.requires_grad}


@pytest.mark.parametrize("alpha", [32, 24])  # scaling 2 (a power of two: the same rounding) and 1.5
def test_without_dropout_the_lean_forward_is_pefts(base_dir, alpha):
    model, batch = _lora_model(base_dir, LoraSpec(r=16, alpha=alpha, dropout=0.0))
    peft_loss, peft_gradients = _loss_and_gradients(model, batch)
    with lean_lora_forward(model) as layers:
        lean_loss, lean_gradients = _loss_and_gradients(model, batch)
    assert layers == 2 * 7  # q, k, v, o, gate, up, down of both layers
    tolerance = 0 if alpha == 32 else 1e-5
    assert lean_loss == pytest.approx(peft_loss, rel=tolerance, abs=0)
    for name, gradient in peft_gradients.items():
        assert ((lean_gradients[name] - gradient).norm() <= tolerance * gradient.norm()).item(), name
    # Afterwards the layers run PEFT's forward again.
    assert _loss_and_gradients(model, batch)[0] == peft_loss
    assert not any("forward" in vars(module) for module in model.modules())


def test_the_lean_forward_drops_like_dropout():
    import torch
    from peft import LoraConfig, get_peft_model

    # One LoRA linear whose base weight is zero and whose A and B are identities: it outputs scaling * dropout(x).
    width, p = 64, 0.25
    layer = torch.nn.Sequential()
    layer.add_module("proj", torch.nn.Linear(width, width, bias=False))
    torch.nn.init.zeros_(layer.proj.weight)
    model = get_peft_model(layer, LoraConfig(r=width, lora_alpha=2 * width, lora_dropout=p, target_modules=["proj"]))
    lora = model.base_model.model.proj
    with torch.no_grad():
        lora.lora_A["default"].weight.copy_(torch.eye(width))
        lora.lora_B["default"].weight.copy_(torch.eye(width))
    inputs = torch.rand(4096, width) + 1
    torch.manual_seed(0)
    with lean_lora_forward(model):
        model.train()
        dropped = model(inputs)
        model.eval()
        kept = model(inputs)
    assert torch.allclose(kept, 2 * inputs)
    zeroed = dropped == 0
    assert torch.allclose(dropped[~zeroed], (2 / (1 - p) * inputs)[~zeroed])
    count = inputs.numel()
    assert abs(zeroed.sum().item() - p * count) < 5 * math.sqrt(count * p * (1 - p))


def test_dropped_positions_are_independent_bernoulli_draws():
    import torch

    torch.manual_seed(0)
    count, p = 2_000_000, 0.05
    positions = dropped_positions(count, p)
    assert positions.dtype == torch.long and positions.min() >= 0 and positions.max() < count
    assert (positions.diff() > 0).all()
    dropped = torch.zeros(count, dtype=torch.bool)
    dropped[positions] = True
    # The rate, and that a drop says nothing of its neighbour's (pairs dropped together: p squared).
    assert abs(len(positions) - p * count) < 5 * math.sqrt(count * p * (1 - p))
    pairs = (dropped[1:] & dropped[:-1]).sum().item()
    assert abs(pairs - p * p * count) < 5 * math.sqrt(count * p * p)
    # At a high rate too, the positions stay in range and come at the rate.
    dense = dropped_positions(1000, 0.9)
    assert dense.max() < 1000 and abs(len(dense) - 900) < 5 * math.sqrt(1000 * 0.09)
