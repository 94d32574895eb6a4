"""Builders of tiny corpora, models and SFT datasets for the model, train and evaluate tests.

Everything here trains in well under a second on 2 CPU cores: a vocabulary of about 300 tokens, hidden
size 32, two layers. The packaged corpus is deliberately not used, so these tests do not depend on it.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from feedback_loop.model.base import BaseModelSpec
from feedback_loop.model.prompting import format_prompt

PRODUCTS = ["router", "laptop", "phone", "printer", "camera", "tablet"]
# The fine-tuning task: the delivery day is a fixed function of the product, so an adapter can learn it.
DELIVERY_DAY = dict(zip(PRODUCTS, ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"], strict=True))

TINY_BASE_SPEC = BaseModelSpec(
    vocab_size=320,
    hidden_size=32,
    num_layers=2,
    num_heads=2,
    intermediate_size=64,
    max_length=64,
    pretrain_steps=40,
    pretrain_batch_size=8,
    learning_rate=1e-2,
    log_every=5,
    device="cpu",
)


@contextmanager
def one_torch_thread() -> Iterator[None]:
    """Run torch on one thread inside the block, then restore the previous setting.

    At this model size a second thread saves little, and when other processes keep the cores busy
    torch's worker threads wait on each other, making the tiny trainings several times slower.
    """
    import torch

    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(previous)


def support_corpus(n: int = 120, seed: int = 0) -> list[str]:
    """``n`` short support conversations in the prompt format, as pre-training documents."""
    rng = random.Random(seed)
    documents = []
    for _ in range(n):
        product = rng.choice(PRODUCTS)
        prompt = rng.choice(
            [
                f"my {product} is broken",
                f"how do I reset my {product}?",
                f"where is my {product} order {rng.randint(1, 99)}?",
            ]
        )
        answer = rng.choice(
            [
                "sorry to hear that, please restart it.",
                f"hold the {product} button for ten seconds.",
                "thanks for writing, we will check your order.",
            ]
        )
        documents.append(format_prompt(prompt) + answer)
    return documents


def sft_rows(n: int, seed: int = 0, prefix: str = "ex") -> list[dict]:
    """``n`` SFT rows (example_id, prompt, target and an extra column) for the delivery-day task."""
    rng = random.Random(seed)
    rows = []
    for index in range(n):
        product, order = rng.choice(PRODUCTS), rng.randint(1, 99)
        rows.append(
            {
                "example_id": f"{prefix}-{index}",
                "prompt": f"where is my {product} order {order}?",
                "target": f"your {product} ships on {DELIVERY_DAY[product]}.",
                "weight": 1.0,
            }
        )
    return rows


def save_dataset(path: Path, train: list[dict], eval: list[dict], version: str = "ds-test") -> Path:
    """Save ``train`` and ``eval`` rows as a DatasetDict with a ``metadata.json``, as curation does."""
    from datasets import Dataset, DatasetDict

    features = Dataset.from_list(train or eval).features  # an empty split still needs the columns
    # datasets 5 can neither build an empty split from an empty list nor reload one saved in zero shards.
    splits = {
        name: Dataset.from_dict({column: [row[column] for row in rows] for column in features}, features=features)
        for name, rows in (("train", train), ("eval", eval))
    }
    DatasetDict(splits).save_to_disk(str(path), num_shards={"train": 1, "eval": 1})
    (path / "metadata.json").write_text(json.dumps({"version": version}), encoding="utf-8")
    return path


def build_gpt2_dir(path: Path, n_positions: int = 32) -> Path:
    """A tiny GPT-2 with learned positions and a tokenizer without pad token, saved like a user's model."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast

    backend = Tokenizer(models.BPE())
    backend.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    backend.decoder = decoders.ByteLevel()
    backend.train_from_iterator(
        support_corpus(40),
        trainers.BpeTrainer(
            vocab_size=300,
            special_tokens=["<|endoftext|>"],
            initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
            show_progress=False,
        ),
    )
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend,
        eos_token="<|endoftext|>",
        bos_token="<|endoftext|>",
        clean_up_tokenization_spaces=False,
    )
    torch.manual_seed(0)
    config = GPT2Config(
        vocab_size=len(tokenizer),
        n_positions=n_positions,
        n_embd=32,
        n_layer=1,
        n_head=2,
        bos_token_id=tokenizer.eos_token_id,
        eos_token_id=tokenizer.eos_token_id,
    )
    GPT2LMHeadModel(config).save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path
