"""How prompts and answers become tokens and batches: the one encoding shared by training, evaluation and serving.

A prompt is rendered with the tokenizer's chat template when it has one, and with the project's own format
(:func:`feedback_loop.model.prompting.format_prompt`) otherwise; the answer follows it directly and ends with the
tokenizer's eos token. Training takes its loss on the answer tokens only, and evaluation scores them the same way.

Three batch layouts carry encoded examples to the model, all with the same per-example result:

- **padded**: one example per row, right-padded, with an ``attention_mask``;
- **packed rows**: several examples per row of at most ``row_length`` tokens, ``position_ids`` restarting at 0 for
  each example. Transformers reads the restarts as sequence boundaries and builds a block-diagonal causal mask
  (SDPA, eager), so no example attends to another;
- **flat** (padding-free): every example of the batch in one row, with the cumulative sequence lengths that
  flash-attention's variable-length kernel takes, so no position is padding and attention never crosses examples.

torch is imported inside the functions: the CLI and the Dagster definitions import this module.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from feedback_loop.model.prompting import format_prompt, project_chat_template

if TYPE_CHECKING:
    import torch
    from transformers import PreTrainedTokenizerBase

IGNORE_INDEX = -100  # the label value torch's cross entropy skips
# One encoded example: its input token ids and its labels (IGNORE_INDEX where no loss is taken).
Encoded = tuple[list[int], list[int]]


def example_text(row: Mapping[str, Any], field: str, where: str) -> str:
    """``row[field]`` after checking that it is a non-empty string; ``where`` names the row in the error."""
    value = row.get(field)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: field {field!r} must be a non-empty string, got {value!r}")
    return value


def example_system(row: Mapping[str, Any], where: str) -> str:
    """``row['system']``, the system text the example's answer follows: '' when the row has none (datasets curated
    before examples kept it), else it must be a string; ``where`` names the row in the error."""
    value = row.get("system")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{where}: field 'system' must be a string, got {value!r}")
    return value


def has_chat_template(tokenizer: PreTrainedTokenizerBase) -> bool:
    """Whether the tokenizer brings a chat template (instruct releases do), which then writes every prompt."""
    return bool(getattr(tokenizer, "chat_template", None))


def prompt_ids(tokenizer: PreTrainedTokenizerBase, prompt: str, system: str = "") -> list[int]:
    """The token ids the model reads before it answers ``prompt`` (after ``system`` text, if any), uncut.

    A chat template writes its own special tokens (such as bos), so none are added to its text; the project's
    format gets the tokenizer's special tokens.
    """
    text = prompt_text(tokenizer, prompt, system)
    return tokenizer(text, add_special_tokens=not has_chat_template(tokenizer))["input_ids"]


def conversation_template(tokenizer: PreTrainedTokenizerBase) -> str:
    """The chat template with which a library that renders conversations itself (TRL's trainers) writes the prompts
    of :func:`prompt_ids`: the tokenizer's own, or the project's format
    (:func:`~feedback_loop.model.prompting.project_chat_template`) starting with bos only where the tokenizer adds
    one to a text. Such a library tokenizes the rendered text without special tokens, so it gets the very ids
    :func:`prompt_ids` gives."""
    if has_chat_template(tokenizer):
        return cast(str, tokenizer.chat_template)
    added = tokenizer("", add_special_tokens=True)["input_ids"]
    return project_chat_template(bos=tokenizer.bos_token_id is not None and added[:1] == [tokenizer.bos_token_id])


def prompt_text(tokenizer: PreTrainedTokenizerBase, prompt: str, system: str = "") -> str:
    """The text the model reads before it answers ``prompt``: the tokenizer's chat template, or the project's format.

    With a chat template, the system text is a system message and the prompt a user message, followed by the
    template's generation prompt; a template that refuses system messages (Gemma's) gets the system text at the
    start of the user message instead.
    """
    if not has_chat_template(tokenizer):
        return format_prompt(prompt, system)
    return _render(tokenizer, chat_messages(tokenizer, prompt, system))


def chat_messages(tokenizer: PreTrainedTokenizerBase, prompt: str, system: str = "") -> list[dict[str, str]]:
    """The messages the tokenizer's chat template renders for ``prompt`` after ``system``: a system message (if any
    text) and a user message, or one user message that starts with the system text where the template refuses
    system messages (Gemma's)."""
    system = system.strip()
    user = {"role": "user", "content": prompt.strip()}
    if not system:
        return [user]
    from jinja2 import TemplateError

    messages = [{"role": "system", "content": system}, user]
    try:
        _render(tokenizer, messages)
    except TemplateError:  # the template raises for a role it does not support
        return [{"role": "user", "content": f"{system}\n\n{prompt.strip()}"}]
    return messages


def _render(tokenizer: PreTrainedTokenizerBase, messages: list[dict[str, str]]) -> str:
    # With tokenize=False the template's text comes back (the return type covers the tokenized forms too).
    return cast(str, tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True))


def encode_prompt(tokenizer: PreTrainedTokenizerBase, prompt: str, max_length: int, system: str = "") -> list[int]:
    """The token ids the model reads before answering ``prompt`` (after ``system`` text), at most ``max_length``.

    A prompt that is too long loses its beginning (the system text first): its end holds the question and the
    answer marker, which the response depends on most.
    """
    ids = prompt_ids(tokenizer, prompt, system)
    return ids[max(0, len(ids) - max_length) :]


def encode_examples(
    tokenizer: PreTrainedTokenizerBase,
    pairs: Sequence[tuple[str, str]],
    max_length: int,
    systems: Sequence[str] | None = None,
) -> list[Encoded]:
    """Encode (prompt, target) pairs as the prompt's ids (:func:`prompt_ids`, after the pair's text of ``systems``
    when given) + target + eos, loss on the answer.

    The labels are IGNORE_INDEX on the prompt tokens. An example longer than ``max_length`` keeps its
    whole prompt and loses the end of its target; a prompt that alone fills ``max_length`` is cut from
    the left so that at least one response token remains to learn from.
    """
    encoded = []
    for ids, response in _uncut_ids(tokenizer, pairs, systems):
        ids = ids[max(0, len(ids) - (max_length - 1)) :]
        response = response[: max_length - len(ids)]
        encoded.append((ids + response, [IGNORE_INDEX] * len(ids) + response))
    return encoded


def example_lengths(
    tokenizer: PreTrainedTokenizerBase, pairs: Sequence[tuple[str, str]], systems: Sequence[str] | None = None
) -> list[tuple[int, int]]:
    """(prompt tokens, answer tokens with eos) of each (prompt, target) pair, uncut, as :func:`encode_examples`
    encodes them: what curation measures to choose a length that cuts no target."""
    return [(len(ids), len(response)) for ids, response in _uncut_ids(tokenizer, pairs, systems)]


def kept_lengths(prompt_length: int, answer_length: int, max_length: int) -> tuple[int, int]:
    """(prompt tokens, answer tokens) that :func:`encode_examples` keeps of an example of these lengths."""
    prompt = min(prompt_length, max_length - 1)
    return prompt, min(answer_length, max_length - prompt)


def _uncut_ids(
    tokenizer: PreTrainedTokenizerBase, pairs: Sequence[tuple[str, str]], systems: Sequence[str] | None
) -> list[tuple[list[int], list[int]]]:
    """(prompt ids, target ids + eos) of each pair (after its system text), before any cut."""
    if tokenizer.eos_token_id is None:
        raise ValueError("the tokenizer has no eos token; training needs one to teach the model to stop")
    if not pairs:
        return []
    if systems is None:
        systems = [""] * len(pairs)
    elif len(systems) != len(pairs):
        raise ValueError(f"got {len(systems)} system texts for {len(pairs)} examples")
    if has_chat_template(tokenizer):
        prompts = [prompt_ids(tokenizer, prompt, system) for (prompt, _), system in zip(pairs, systems, strict=True)]
    else:
        texts = [format_prompt(prompt, system) for (prompt, _), system in zip(pairs, systems, strict=True)]
        prompts = tokenizer(texts, add_special_tokens=True)["input_ids"]
    targets = tokenizer([target for _, target in pairs], add_special_tokens=False)["input_ids"]
    return [(ids, [*target_ids, tokenizer.eos_token_id]) for ids, target_ids in zip(prompts, targets, strict=True)]


def collate(examples: Sequence[Encoded], pad_token_id: int) -> dict[str, torch.Tensor]:
    """Right-pad encoded examples into ``input_ids``, ``attention_mask`` and ``labels`` tensors, one row each.

    Padding positions get attention 0 and label IGNORE_INDEX, so they take part in neither attention nor
    the loss, whatever the pad token is (it may equal eos).
    """
    import torch

    width = max(len(ids) for ids, _ in examples)
    input_ids = torch.full((len(examples), width), pad_token_id, dtype=torch.long)
    attention_mask = torch.zeros((len(examples), width), dtype=torch.long)
    labels = torch.full((len(examples), width), IGNORE_INDEX, dtype=torch.long)
    for row, (ids, example_labels) in enumerate(examples):
        input_ids[row, : len(ids)] = torch.tensor(ids)
        attention_mask[row, : len(ids)] = 1
        labels[row, : len(example_labels)] = torch.tensor(example_labels)
    return {"input_ids": input_ids, "attention_mask": attention_mask, "labels": labels}


def pack_rows(lengths: Sequence[int], row_length: int) -> list[list[int]]:
    """Indices of examples with these ``lengths`` grouped into rows of at most ``row_length`` tokens.

    First-fit decreasing: the longest example first, each into the first row with room. Every row holds at least
    one example; an example longer than ``row_length`` is an error (encode with that ``max_length``).
    """
    rows: list[list[int]] = []
    room: list[int] = []
    for index in sorted(range(len(lengths)), key=lambda i: (-lengths[i], i)):
        if lengths[index] > row_length:
            raise ValueError(f"example {index} has {lengths[index]} tokens, more than a row's {row_length}")
        for row, free in enumerate(room):
            if lengths[index] <= free:
                rows[row].append(index)
                room[row] -= lengths[index]
                break
        else:
            rows.append([index])
            room.append(row_length - lengths[index])
    return rows


def collate_packed(examples: Sequence[Encoded], pad_token_id: int, row_length: int | None = None) -> dict[str, Any]:
    """Pack encoded examples into rows: ``input_ids``, ``labels``, ``position_ids`` and ``example_index``.

    With ``row_length`` the examples go into rows of at most that many tokens (:func:`pack_rows`), right-padded to
    the longest row; padding is a run of its own (positions from 0, label IGNORE_INDEX, example_index -1), and the
    causal mask keeps every real token from seeing the padding after it. Without ``row_length`` all examples go
    into one row with no padding at all, and the batch also carries the flash-attention variable-length arguments
    (``cu_seq_lens_q/k``, ``max_length_q/k``). ``example_index`` says which of ``examples`` each position belongs
    to, so that losses are taken per example.
    """
    import torch

    lengths = [len(ids) for ids, _ in examples]
    rows = pack_rows(lengths, row_length) if row_length is not None else [list(range(len(examples)))]
    width = max(sum(lengths[index] for index in row) for row in rows)
    input_ids = torch.full((len(rows), width), pad_token_id, dtype=torch.long)
    labels = torch.full((len(rows), width), IGNORE_INDEX, dtype=torch.long)
    position_ids = torch.zeros((len(rows), width), dtype=torch.long)
    example_index = torch.full((len(rows), width), -1, dtype=torch.long)
    for row, members in enumerate(rows):
        start = 0
        for index in members:
            ids, example_labels = examples[index]
            end = start + len(ids)
            input_ids[row, start:end] = torch.tensor(ids)
            labels[row, start:end] = torch.tensor(example_labels)
            position_ids[row, start:end] = torch.arange(len(ids))
            example_index[row, start:end] = index
            start = end
        position_ids[row, start:] = torch.arange(width - start)
    batch: dict[str, Any] = {
        "input_ids": input_ids,
        "labels": labels,
        "position_ids": position_ids,
        "example_index": example_index,
    }
    if row_length is None:
        boundaries = torch.tensor([0, *lengths], dtype=torch.int32).cumsum(0, dtype=torch.int32)
        batch.update(
            cu_seq_lens_q=boundaries, cu_seq_lens_k=boundaries, max_length_q=max(lengths), max_length_k=max(lengths)
        )
    return batch


def length_grouped_batches(lengths: Sequence[int], batch_size: int, seed: int) -> list[list[int]]:
    """Batches of example indices with similar lengths, the batches in a seeded random order.

    Indices are shuffled, stably sorted by length (so equal lengths mix differently per seed), cut into
    batches of ``batch_size``, and the batches shuffled: training sees a random order of batches that
    each need little padding.
    """
    rng = random.Random(seed)
    order = list(range(len(lengths)))
    rng.shuffle(order)
    order.sort(key=lambda index: lengths[index])
    batches = [order[start : start + batch_size] for start in range(0, len(order), batch_size)]
    rng.shuffle(batches)
    return batches


def shuffled_batches(n: int, batch_size: int, seed: int) -> list[list[int]]:
    """Batches of example indices in a seeded random order, lengths mixed (the baseline for grouping)."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [order[start : start + batch_size] for start in range(0, n, batch_size)]


def padding_fraction(lengths: Sequence[int], batches: Sequence[Sequence[int]]) -> float:
    """The share of positions in the right-padded ``batches`` that are padding (0 when there are none)."""
    real = sum(lengths[index] for batch in batches for index in batch)
    total = padded_size(lengths, batches)
    return 1 - real / total if total else 0.0


def padded_size(lengths: Sequence[int], batches: Sequence[Sequence[int]]) -> int:
    """How many positions ``batches`` take once each is right-padded to its longest example."""
    return sum(len(batch) * max(lengths[index] for index in batch) for batch in batches if batch)


# The batch entries a causal LM's forward pass takes; the others (labels, example_index) are for the loss.
_MODEL_INPUTS = (
    "input_ids",
    "attention_mask",
    "position_ids",
    "cu_seq_lens_q",
    "cu_seq_lens_k",
    "max_length_q",
    "max_length_k",
)


def model_inputs(batch: Mapping[str, Any]) -> dict[str, Any]:
    """The entries of ``batch`` (any layout) that the model's forward pass takes."""
    return {name: batch[name] for name in _MODEL_INPUTS if name in batch}


def next_token_targets(batch: Mapping[str, torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
    """For each position of ``batch``: the label of the next token of the same example, and that example's index.

    The target is IGNORE_INDEX where the next position holds no loss or belongs to another example (the end of
    a packed example, padding). Examples are numbered by row in a padded batch and by ``example_index`` in a
    packed one.
    """
    import torch

    labels = batch["labels"]
    rows, width = labels.shape
    ignore = torch.full((rows, 1), IGNORE_INDEX, dtype=labels.dtype, device=labels.device)
    targets = torch.cat([labels[:, 1:], ignore], dim=1)
    if "example_index" in batch:
        owner = batch["example_index"]
        same = torch.cat([owner[:, 1:] == owner[:, :-1], torch.zeros_like(ignore, dtype=torch.bool)], dim=1)
        targets = targets.masked_fill(~same, IGNORE_INDEX)
    else:
        owner = torch.arange(rows, device=labels.device).unsqueeze(1).expand(rows, width)
    return targets, owner


def response_nll(model, batch: Mapping[str, Any]) -> tuple[torch.Tensor, torch.Tensor]:
    """Per example of ``batch``: the summed next-token NLL over labelled tokens, and how many there are.

    Logits are computed only where a loss is taken (transformers' ``logits_to_keep`` with a boolean mask), which
    spares the vocabulary projection on prompt and padding positions. The loss is computed in float32 whatever
    the model's dtype, so that losses compare across devices.
    """
    import torch

    targets, owner = next_token_targets(batch)
    keep = targets != IGNORE_INDEX
    n_examples = int(owner.max().item()) + 1 if owner.numel() else 0
    # Without a cache: transformers reads packed sequences from the position ids only when there is none.
    logits = model(**model_inputs(batch), logits_to_keep=keep, use_cache=False).logits.float()
    token_nll = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets[keep], reduction="none")
    kept_owner = owner[keep]
    nll = torch.zeros(n_examples, dtype=torch.float32, device=token_nll.device).index_add(0, kept_owner, token_nll)
    counted = torch.zeros(n_examples, dtype=torch.long, device=token_nll.device).index_add(
        0, kept_owner, torch.ones_like(kept_owner)
    )
    return nll, counted
