"""Batched answers from a causal LM: the one generation routine of offline evaluation and serving."""

from __future__ import annotations

import sys

from feedback_loop.progress import ProgressCallback


def generate_responses(
    model,
    tokenizer,
    prompts: list[str],
    *,
    systems: list[str] | None = None,
    max_new_tokens: int,
    batch_size: int,
    temperature: float = 0.0,
    seed: int = 0,
    progress: ProgressCallback | None = None,
) -> list[str]:
    """Answers to ``prompts`` (raw user prompts, formatted here), in input order, cut at the first eos.

    ``systems`` holds each prompt's system text (see :func:`feedback_loop.model.encoding.prompt_ids`); None or
    empty texts give the prompt that training uses.

    Prompts are left-padded so that every answer starts right after its own prompt, and batched by length so
    that padding stays small. The prompt is cut from the left so that prompt and answer fit the model's
    context. ``temperature`` 0 decodes greedily; above 0 it samples, seeded by ``seed``. ``progress`` is called
    with (answers done, answers in all) after each batch.
    """
    import torch
    from transformers import GenerationConfig

    from feedback_loop.model.base import context_length
    from feedback_loop.model.encoding import encode_prompt, length_grouped_batches

    if temperature < 0:
        raise ValueError(f"temperature must be >= 0, got {temperature}")
    if systems is None:
        systems = [""] * len(prompts)
    elif len(systems) != len(prompts):
        raise ValueError(f"got {len(systems)} system texts for {len(prompts)} prompts")
    limit = context_length(model)
    if limit is not None and limit <= max_new_tokens:
        raise ValueError(
            f"max_new_tokens ({max_new_tokens}) leaves no room for a prompt in the model's {limit}-token context"
        )
    prompt_limit = sys.maxsize if limit is None else limit - max_new_tokens
    encoded = [
        encode_prompt(tokenizer, prompt, prompt_limit, system) for prompt, system in zip(prompts, systems, strict=True)
    ]
    sampling = {"do_sample": True, "temperature": temperature, "top_k": 0} if temperature > 0 else {"do_sample": False}
    config = GenerationConfig(
        max_new_tokens=max_new_tokens,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        **sampling,
    )
    device = model.device
    generator_state = torch.random.get_rng_state()
    torch.manual_seed(seed)
    answers: list[str] = [""] * len(prompts)
    done = 0
    try:
        with torch.no_grad():
            for indices in length_grouped_batches([len(ids) for ids in encoded], batch_size, seed=0):
                width = max(len(encoded[index]) for index in indices)
                input_ids = torch.full((len(indices), width), tokenizer.pad_token_id, dtype=torch.long)
                attention_mask = torch.zeros((len(indices), width), dtype=torch.long)
                for row, index in enumerate(indices):
                    ids = encoded[index]
                    input_ids[row, width - len(ids) :] = torch.tensor(ids)
                    attention_mask[row, width - len(ids) :] = 1
                output = model.generate(
                    input_ids=input_ids.to(device), attention_mask=attention_mask.to(device), generation_config=config
                )
                for row, index in enumerate(indices):
                    new_tokens = output[row, width:].tolist()
                    if tokenizer.eos_token_id in new_tokens:
                        new_tokens = new_tokens[: new_tokens.index(tokenizer.eos_token_id)]
                    answers[index] = tokenizer.decode(new_tokens, skip_special_tokens=True).strip()
                done += len(indices)
                if progress is not None:
                    progress(done, len(prompts))
    finally:
        # Seeding here must not change the random stream of whoever called us.
        torch.random.set_rng_state(generator_state)
    return answers
