"""Small random-initialised models of the families teams bring (Llama, Qwen2, Mistral, Gemma, Phi-3), saved the way
their releases are: config, safetensors weights, a tokenizer.json of the family's kind and a chat template.

The tokenizers are trained here with `tokenizers` on the test support corpus (nothing is downloaded): byte-level
BPE for Llama 3 and Qwen2, SentencePiece-style BPE (Metaspace) for Mistral, Gemma and Phi-3. Their special tokens
and chat templates follow each family's instruct release, with eos set to the end-of-turn token as those releases
do, so that an answer ends where the template closes a turn. Each model has two layers of width 64: it trains and
answers in a few seconds on a CPU.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from feedback_loop_tests.model.tiny_models import support_corpus

LLAMA3_TEMPLATE = (
    "{{ bos_token }}{% for message in messages %}{{ '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'"
    " + message['content'] | trim + '<|eot_id|>' }}{% endfor %}{% if add_generation_prompt %}"
    "{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}"
)
CHATML_TEMPLATE = (
    "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
    "{{ '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}{% endif %}"
    "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)
MISTRAL_TEMPLATE = (
    "{{ bos_token }}{% for message in messages %}{% if message['role'] == 'user' %}"
    "{{ '[INST] ' + message['content'] + ' [/INST]' }}{% elif message['role'] == 'assistant' %}"
    "{{ message['content'] + eos_token }}{% else %}"
    "{{ raise_exception('Only user and assistant roles are supported!') }}{% endif %}{% endfor %}"
)
GEMMA_TEMPLATE = (
    "{{ bos_token }}{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}"
    "{% endif %}{% for message in messages %}{% if message['role'] == 'assistant' %}{% set role = 'model' %}"
    "{% else %}{% set role = message['role'] %}{% endif %}"
    "{{ '<start_of_turn>' + role + '\\n' + message['content'] | trim + '<end_of_turn>\\n' }}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<start_of_turn>model\\n' }}{% endif %}"
)
PHI3_TEMPLATE = (
    "{% for message in messages %}{% if message['role'] == 'system' %}"
    "{{ '<|system|>\\n' + message['content'] + '<|end|>\\n' }}{% elif message['role'] == 'user' %}"
    "{{ '<|user|>\\n' + message['content'] + '<|end|>\\n' }}{% elif message['role'] == 'assistant' %}"
    "{{ '<|assistant|>\\n' + message['content'] + '<|end|>\\n' }}{% endif %}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|assistant|>\\n' }}{% else %}{{ eos_token }}{% endif %}"
)


@dataclass(frozen=True)
class Family:
    """One model family: its transformers config class and sizes, tokenizer kind, special tokens and template."""

    config_class: str
    config: dict
    byte_level: bool
    specials: dict[str, str]  # bos/eos/pad/unk -> token text
    extra_specials: list[str]
    chat_template: str
    # The linear layers of a block, by name: what LoRA's target-module discovery must find.
    linear_layers: set[str] = field(default_factory=set)


_SMALL = {"hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 2, "max_position_embeddings": 256}
_LLAMA_LINEARS = {"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}

FAMILIES = {
    "llama": Family(
        "LlamaConfig",
        {**_SMALL, "num_attention_heads": 4, "num_key_value_heads": 2},
        byte_level=True,
        specials={"bos_token": "<|begin_of_text|>", "eos_token": "<|eot_id|>", "pad_token": "<|finetune_pad|>"},
        extra_specials=["<|start_header_id|>", "<|end_header_id|>"],
        chat_template=LLAMA3_TEMPLATE,
        linear_layers=_LLAMA_LINEARS,
    ),
    "qwen2": Family(
        "Qwen2Config",
        {**_SMALL, "num_attention_heads": 4, "num_key_value_heads": 2, "tie_word_embeddings": True},
        byte_level=True,
        specials={"eos_token": "<|im_end|>", "pad_token": "<|endoftext|>"},
        extra_specials=["<|im_start|>"],
        chat_template=CHATML_TEMPLATE,
        linear_layers=_LLAMA_LINEARS,
    ),
    "mistral": Family(
        "MistralConfig",
        {**_SMALL, "num_attention_heads": 4, "num_key_value_heads": 2, "sliding_window": 128},
        byte_level=False,
        specials={"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>"},
        extra_specials=["[INST]", "[/INST]"],
        chat_template=MISTRAL_TEMPLATE,
        linear_layers=_LLAMA_LINEARS,
    ),
    "gemma": Family(
        "GemmaConfig",
        {**_SMALL, "num_attention_heads": 4, "num_key_value_heads": 1, "head_dim": 16},
        byte_level=False,
        specials={"bos_token": "<bos>", "eos_token": "<end_of_turn>", "pad_token": "<pad>", "unk_token": "<unk>"},
        extra_specials=["<start_of_turn>", "<eos>"],
        chat_template=GEMMA_TEMPLATE,
        linear_layers=_LLAMA_LINEARS,
    ),
    "phi3": Family(
        "Phi3Config",
        {**_SMALL, "num_attention_heads": 4, "num_key_value_heads": 4},
        byte_level=False,
        specials={"bos_token": "<s>", "eos_token": "<|end|>", "pad_token": "<|endoftext|>", "unk_token": "<unk>"},
        extra_specials=["<|system|>", "<|user|>", "<|assistant|>"],
        chat_template=PHI3_TEMPLATE,
        linear_layers={"qkv_proj", "o_proj", "gate_up_proj", "down_proj"},
    ),
}


def build_family_tokenizer(family: Family, vocab_size: int = 400):
    """A tokenizer of ``family``'s kind trained on the support corpus, with its special tokens and chat template."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    specials = list(dict.fromkeys([*family.specials.values(), *family.extra_specials]))
    if family.byte_level:
        backend = Tokenizer(models.BPE())
        backend.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
        backend.decoder = decoders.ByteLevel()
        alphabet = pre_tokenizers.ByteLevel.alphabet()
    else:
        backend = Tokenizer(models.BPE(unk_token=family.specials["unk_token"]))
        backend.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="first")
        backend.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="first")
        alphabet = []
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size, special_tokens=specials, initial_alphabet=alphabet, show_progress=False
    )
    backend.train_from_iterator(support_corpus(60), trainer)
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend,
        additional_special_tokens=family.extra_specials,
        clean_up_tokenization_spaces=False,
        **family.specials,
    )
    tokenizer.chat_template = family.chat_template
    return tokenizer


def build_family_model(name: str, out_dir: Path, seed: int = 0) -> Path:
    """Save a small random-initialised model of family ``name`` with its tokenizer into ``out_dir``."""
    import torch
    import transformers
    from transformers import AutoModelForCausalLM

    family = FAMILIES[name]
    tokenizer = build_family_tokenizer(family)
    special_ids = {
        f"{role.removesuffix('_token')}_token_id": tokenizer.convert_tokens_to_ids(token)
        for role, token in family.specials.items()
        if role != "unk_token"
    }
    config = getattr(transformers, family.config_class)(vocab_size=len(tokenizer), **family.config, **special_ids)
    torch.manual_seed(seed)
    AutoModelForCausalLM.from_config(config).save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)
    return out_dir
