"""The shared encoding: prompts (chat template or the project's format), response-only labels, and the padded,
packed and flat batch layouts, which must give every example exactly the loss it gets on its own."""

from __future__ import annotations

import random

import pytest

from feedback_loop.model.base import load_causal_lm
from feedback_loop.model.encoding import (
    IGNORE_INDEX,
    collate,
    collate_packed,
    encode_examples,
    encode_prompt,
    example_lengths,
    length_grouped_batches,
    next_token_targets,
    pack_rows,
    padding_fraction,
    prompt_ids,
    response_nll,
)
from feedback_loop.model.prompting import format_prompt
from feedback_loop_tests.model.architectures import FAMILIES, build_family_model
from feedback_loop_tests.model.tiny_models import build_gpt2_dir, sft_rows


@pytest.fixture(scope="module")
def tokenizer(built_base):
    return load_causal_lm(built_base[0], device="cpu")[1]


def test_encoding_takes_loss_on_the_response_and_eos_only(tokenizer):
    [(input_ids, labels)] = encode_examples(tokenizer, [("where is my phone?", "on monday.")], max_length=64)
    prompt = tokenizer(format_prompt("where is my phone?"))["input_ids"]
    response_ids = tokenizer("on monday.", add_special_tokens=False)["input_ids"] + [tokenizer.eos_token_id]

    assert input_ids == prompt + response_ids
    assert labels == [IGNORE_INDEX] * len(prompt) + response_ids


def test_an_examples_system_text_is_encoded_as_serving_encodes_it(tokenizer):
    pairs = [("where is my phone?", "on monday."), ("where is my phone?", "it ships on monday, as planned.")]
    systems = ["The user is on the free plan.", "The user is on the business plan."]
    encoded = encode_examples(tokenizer, pairs, 128, systems)
    for (ids, labels), (prompt, target), system in zip(encoded, pairs, systems, strict=True):
        served = encode_prompt(tokenizer, prompt, 128, system)
        assert served == tokenizer(format_prompt(prompt, system))["input_ids"]
        assert ids[: len(served)] == served and labels[: len(served)] == [IGNORE_INDEX] * len(served)
        assert tokenizer.decode(ids[len(served) :], skip_special_tokens=True) == target
    assert example_lengths(tokenizer, pairs, systems)[0][0] > example_lengths(tokenizer, pairs)[0][0]
    assert encode_examples(tokenizer, pairs, 128, ["", ""]) == encode_examples(tokenizer, pairs, 128)
    with pytest.raises(ValueError, match="got 1 system texts for 2 examples"):
        encode_examples(tokenizer, pairs, 128, systems[:1])


def test_truncation_keeps_the_prompt_and_cuts_a_long_prompt_from_the_left(tokenizer):
    prompt_len = len(tokenizer(format_prompt("where is my phone?"))["input_ids"])
    [(ids, labels)] = encode_examples(tokenizer, [("where is my phone?", "on monday " * 40)], prompt_len + 3)
    assert len(ids) == prompt_len + 3
    assert labels[:prompt_len] == [IGNORE_INDEX] * prompt_len and IGNORE_INDEX not in labels[prompt_len:]

    long_prompt = "my router is broken " * 30 + "where is it?"
    full = tokenizer(format_prompt(long_prompt))["input_ids"]
    [(ids, labels)] = encode_examples(tokenizer, [(long_prompt, "on monday.")], max_length=20)
    assert ids[:19] == full[-19:]  # the end of the prompt (the answer marker) survives
    assert labels == [IGNORE_INDEX] * 19 + ids[19:] and len(ids) == 20
    assert encode_prompt(tokenizer, long_prompt, 20) == full[-20:]


@pytest.mark.parametrize("family", ["qwen2", "gemma"])
def test_a_tokenizer_with_a_chat_template_gets_its_own_prompt_format(family, tmp_path):
    from feedback_loop_tests.model.architectures import build_family_tokenizer

    tokenizer = build_family_tokenizer(FAMILIES[family])
    rendered = tokenizer.apply_chat_template(
        [{"role": "user", "content": "where is my phone?"}], tokenize=False, add_generation_prompt=True
    )
    ids = tokenizer(rendered, add_special_tokens=False)["input_ids"]
    assert prompt_ids(tokenizer, "  where is my phone? ") == ids
    [(input_ids, labels)] = encode_examples(tokenizer, [("where is my phone?", "on monday.")], max_length=128)
    assert input_ids[: len(ids)] == ids and labels[: len(ids)] == [IGNORE_INDEX] * len(ids)
    assert input_ids[-1] == tokenizer.eos_token_id  # the end-of-turn token closes the answer
    with_system = tokenizer.decode(prompt_ids(tokenizer, "where is my phone?", "be brief."))
    # Qwen2's template takes a system message; Gemma's refuses one, so the text opens the user's message.
    assert ("<|im_start|>system\nbe brief." in with_system) == (family == "qwen2")
    assert ("<start_of_turn>user\nbe brief.\n\nwhere is my phone?" in with_system) == (family == "gemma")


def test_collate_pads_right_and_masks_padding_and_prompt():
    batch = collate([([5, 6, 7, 8], [IGNORE_INDEX, IGNORE_INDEX, 7, 8]), ([5, 9], [IGNORE_INDEX, 9])], pad_token_id=0)
    assert batch["input_ids"].tolist() == [[5, 6, 7, 8], [5, 9, 0, 0]]
    assert batch["attention_mask"].tolist() == [[1, 1, 1, 1], [1, 1, 0, 0]]
    assert batch["labels"].tolist() == [
        [IGNORE_INDEX, IGNORE_INDEX, 7, 8],
        [IGNORE_INDEX, 9, IGNORE_INDEX, IGNORE_INDEX],
    ]


def test_collate_masks_padding_even_when_pad_is_a_real_token():
    batch = collate([([3, 4, 2], [IGNORE_INDEX, 4, 2]), ([3], [IGNORE_INDEX])], pad_token_id=2)
    assert batch["attention_mask"].tolist() == [[1, 1, 1], [1, 0, 0]]
    assert batch["labels"].tolist() == [[IGNORE_INDEX, 4, 2], [IGNORE_INDEX] * 3]


def test_length_grouping_partitions_the_examples_and_cuts_padding():
    rng = random.Random(0)
    lengths = [rng.randint(5, 120) for _ in range(203)]
    batches = length_grouped_batches(lengths, batch_size=16, seed=3)
    in_order = list(range(len(lengths)))
    rng.shuffle(in_order)
    random_batches = [in_order[start : start + 16] for start in range(0, len(in_order), 16)]

    assert sorted(index for batch in batches for index in batch) == list(range(203))
    assert sorted(len(batch) for batch in batches) == [11] + [16] * 12
    assert padding_fraction(lengths, batches) < 0.1 < 0.3 < padding_fraction(lengths, random_batches)
    assert length_grouped_batches(lengths, 16, seed=3) == batches
    assert length_grouped_batches(lengths, 16, seed=4) != batches


def test_pack_rows_fills_rows_first_fit_decreasing_and_refuses_an_example_too_long():
    assert pack_rows([5, 3, 8, 2, 6], row_length=10) == [[2, 3], [4, 1], [0]]
    rows = pack_rows([random.Random(i).randint(1, 64) for i in range(300)], row_length=64)
    assert sorted(i for row in rows for i in row) == list(range(300))
    with pytest.raises(ValueError, match="example 1 has 11 tokens, more than a row's 10"):
        pack_rows([4, 11], row_length=10)


def test_packed_rows_restart_positions_and_keep_each_examples_labels():
    examples = [
        ([1, 2, 3], [IGNORE_INDEX, 2, 3]),
        ([4, 5], [IGNORE_INDEX, 5]),
        ([6, 7, 8, 9], [IGNORE_INDEX] * 2 + [8, 9]),
    ]
    batch = collate_packed(examples, pad_token_id=0, row_length=5)
    assert batch["input_ids"].tolist() == [[6, 7, 8, 9, 0], [1, 2, 3, 4, 5]]
    assert batch["position_ids"].tolist() == [[0, 1, 2, 3, 0], [0, 1, 2, 0, 1]]
    assert batch["example_index"].tolist() == [[2, 2, 2, 2, -1], [0, 0, 0, 1, 1]]
    assert batch["labels"].tolist() == [
        [IGNORE_INDEX, IGNORE_INDEX, 8, 9, IGNORE_INDEX],
        [IGNORE_INDEX, 2, 3, IGNORE_INDEX, 5],
    ]
    targets, owner = next_token_targets(batch)
    # The last token of an example never predicts the first of the next one.
    assert targets.tolist() == [[IGNORE_INDEX, 8, 9, IGNORE_INDEX, IGNORE_INDEX], [2, 3, IGNORE_INDEX, 5, IGNORE_INDEX]]
    assert owner.tolist() == batch["example_index"].tolist()

    flat = collate_packed(examples, pad_token_id=0)
    assert flat["input_ids"].tolist() == [[1, 2, 3, 4, 5, 6, 7, 8, 9]]
    assert flat["position_ids"].tolist() == [[0, 1, 2, 0, 1, 0, 1, 2, 3]]
    assert flat["cu_seq_lens_q"].tolist() == [0, 3, 5, 9] and flat["max_length_q"] == 4


def _per_example_losses(model, examples, layout, row_length=None):
    import torch

    with torch.no_grad():
        if layout == "one_by_one":
            return [response_nll(model, collate([example], 0))[0].item() for example in examples]
        batch = collate(examples, 0) if layout == "padded" else collate_packed(examples, 0, row_length)
        return response_nll(model, batch)[0].tolist()


@pytest.fixture(scope="module")
def models_under_test(built_base, tmp_path_factory):
    """The project's tiny Llama, a GPT-2 (learned positions) and the five families' small models."""
    root = tmp_path_factory.mktemp("packing")
    directories = {"project": built_base[0], "gpt2": build_gpt2_dir(root / "gpt2", n_positions=64)}
    for name in FAMILIES:
        directories[name] = build_family_model(name, root / name)
    return directories


@pytest.mark.parametrize("name", ["project", "gpt2", *FAMILIES])
def test_a_packed_batch_gives_each_example_the_loss_it_gets_alone(models_under_test, name):
    model, tokenizer = load_causal_lm(models_under_test[name], device="cpu", dtype=None)
    rows = [*sft_rows(7, seed=5), {"prompt": "hi", "target": "hello, how can I help you today with your order?"}]
    examples = encode_examples(tokenizer, [(r["prompt"], r["target"]) for r in rows], max_length=64)
    alone = _per_example_losses(model, examples, "one_by_one")
    for layout in ("padded", "packed_rows", "flat"):
        got = _per_example_losses(model, examples, layout, row_length=128 if layout == "packed_rows" else None)
        assert got == pytest.approx(alone, rel=1e-5, abs=1e-5), layout
    # The rows really hold several examples each, so the test exercises the block-diagonal mask.
    assert len(collate_packed(examples, 0, 128)["input_ids"]) <= len(examples) / 2


def test_packed_training_gets_the_same_gradients_as_one_by_one(built_base):
    import torch
    from peft import LoraConfig, get_peft_model

    model, tokenizer = load_causal_lm(built_base[0], device="cpu", dtype=torch.float32)
    model = get_peft_model(
        model, LoraConfig(r=4, target_modules="all-linear", lora_dropout=0.0, init_lora_weights=False)
    )
    examples = encode_examples(tokenizer, [(r["prompt"], r["target"]) for r in sft_rows(6, seed=2)], 64)

    def gradients(batches):
        model.zero_grad()
        for batch in batches:
            nll, _ = response_nll(model, batch)
            nll.sum().backward()
        return {n: p.grad.clone() for n, p in model.named_parameters() if p.requires_grad}

    alone = gradients([collate([example], tokenizer.pad_token_id) for example in examples])
    packed = gradients([collate_packed(examples, tokenizer.pad_token_id, 128)])
    for name, gradient in alone.items():
        assert ((packed[name] - gradient).norm() / gradient.norm()).item() < 1e-5, name
