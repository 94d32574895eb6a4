"""The base causal language model: build a small one from a corpus, load any local one, fingerprint it.

The project ships without downloading anything: :func:`build_base_model` trains a byte-level BPE tokenizer
and a small Llama-architecture model on a text corpus, in a training loop short enough to read at once.
A team with its own model points the project at its directory instead; :func:`load_causal_lm` loads any
causal LM saved with ``save_pretrained``, with or without a LoRA adapter on top.

torch and transformers are imported inside the functions because importing them takes seconds, and the
modules that import this one (the CLI, the Dagster definitions) must stay quick to load.
"""

from __future__ import annotations

import hashlib
import json
import math
import pickle
import shutil
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field, model_validator

from feedback_loop.progress import ProgressCallback
from feedback_loop.stage_config import StageConfig

if TYPE_CHECKING:
    import torch
    from transformers import PreTrainedTokenizerBase

METADATA_FILE = "base_model_metadata.json"
# What an adapter was trained from and how training went, beside the adapter's weights (written by training, read
# by serving and export).
TRAINING_METADATA_FILE = "training_metadata.json"
PAD_TOKEN, BOS_TOKEN, EOS_TOKEN = "<pad>", "<s>", "</s>"
# Config files and weight files are what make two model directories behave the same; tokenizer files and
# our own metadata are left out so that re-writing metadata does not change a model's identity.
_FINGERPRINT_CONFIGS = ("config.json", "adapter_config.json")
_WEIGHT_SUFFIXES = (".safetensors", ".bin")
_BYTE_ALPHABET_SIZE = 256


class BaseModelSpec(StageConfig):
    """Size and pre-training recipe of the base model that :func:`build_base_model` creates.

    The defaults give a model of about 1.2M parameters; its 200 steps of 8 x 256 tokens take about 70 seconds on
    2 CPU cores (about 5,800 tokens/s).
    """

    vocab_size: int = Field(2048, gt=_BYTE_ALPHABET_SIZE + 3)
    """Tokenizer vocabulary: above the 256 byte tokens and 3 special tokens."""
    split_digits: bool = False
    """Give every digit a token of its own (as Llama's tokenizer does), so that any number, one the
    corpus never held included, is a sequence of the same ten tokens that a model copies digit by digit."""
    hidden_size: int = Field(128, ge=1)
    """Width of the model; a multiple of `num_heads`."""
    num_layers: int = Field(4, ge=1)
    """Transformer layers."""
    num_heads: int = Field(4, ge=1)
    """Attention heads (as many key/value heads)."""
    intermediate_size: int = Field(512, ge=1)
    """Width of each layer's feed-forward block."""
    max_length: int = Field(256, ge=2)
    """Longest sequence in tokens: the pre-training block length and the model's positions."""
    pretrain_steps: int = Field(200, ge=1)
    """Optimizer steps of pre-training."""
    pretrain_batch_size: int = Field(8, ge=1)
    """Blocks per pre-training step."""
    learning_rate: float = Field(3e-3, gt=0)
    """Peak learning rate (linear warm-up over a tenth of the steps, then cosine decay to a tenth)."""
    seed: int = 0
    """Seed of the weights' initialisation and of the pre-training batches."""
    log_every: int = Field(10, ge=1)
    """Steps per point of the loss curve."""
    device: str = "auto"
    """'auto' pre-trains on CUDA in bf16 when a GPU is present, else on the CPU in fp32 (see `resolve_device`)."""

    @model_validator(mode="after")
    def _heads_divide_the_width(self) -> BaseModelSpec:
        if self.hidden_size % self.num_heads:
            raise ValueError(f"hidden_size ({self.hidden_size}) must be divisible by num_heads ({self.num_heads})")
        return self


def resolve_device(device: str = "auto") -> tuple[str, torch.dtype]:
    """The torch device and compute dtype to use: CUDA with bfloat16 when available, else CPU with float32.

    ``device`` is ``"auto"`` or an explicit torch device such as ``"cpu"`` or ``"cuda:1"``. bfloat16 is
    chosen only where the GPU supports it, because it needs no loss scaling; everything else runs in
    float32.
    """
    import torch

    if device == "auto":
        device = "cuda" if torch.cuda.is_available() else "cpu"
    try:
        kind = torch.device(device).type
    except RuntimeError as error:
        raise ValueError(f"device {device!r} is not a torch device (use 'auto', 'cpu' or 'cuda')") from error
    if kind == "cuda":
        if not torch.cuda.is_available():
            raise ValueError(f"device {device!r} was requested but CUDA is not available on this machine")
        return device, torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float32
    return device, torch.float32


def autocast(device: str, dtype: torch.dtype):
    """A mixed-precision context for training float32 weights on ``device``; a no-op for float32."""
    import torch

    return torch.autocast(device_type=torch.device(device).type, dtype=dtype, enabled=dtype != torch.float32)


@contextmanager
def staged_output_dir(out_dir: str | Path) -> Iterator[Path]:
    """Yield an empty folder next to ``out_dir``; when the block succeeds it replaces ``out_dir``.

    Readers of ``out_dir`` therefore see either the previous complete output or the new complete one,
    never a half-written folder; when the block fails the staging folder is removed and ``out_dir`` is
    left as it was.
    """
    out = Path(out_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.with_name(f".{out.name}.{uuid.uuid4().hex}.staging")
    staging.mkdir()
    try:
        yield staging
    except BaseException:
        # The original error is what the caller needs to see; a failed cleanup must not replace it.
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if out.exists():
        retired = out.with_name(f".{out.name}.{uuid.uuid4().hex}.retired")
        out.rename(retired)
        staging.rename(out)
        shutil.rmtree(retired)
    else:
        staging.rename(out)


_FINGERPRINTS: dict[tuple, str] = {}


def model_fingerprint(model_dir: str | Path) -> str:
    """The first 16 hex digits of a sha256 over the config and weight files of ``model_dir``.

    Works for a base model directory and for a PEFT adapter directory alike. File names are hashed along
    with contents so that renaming a shard changes the fingerprint too.
    """
    directory = Path(model_dir)
    if not directory.is_dir():
        raise FileNotFoundError(f"model directory {directory} does not exist")
    files = sorted(
        path
        for path in directory.iterdir()
        if path.is_file() and (path.name in _FINGERPRINT_CONFIGS or path.name.endswith(_WEIGHT_SUFFIXES))
    )
    if not any(path.name.endswith(_WEIGHT_SUFFIXES) for path in files):
        raise FileNotFoundError(f"model directory {directory} holds no weight files (*.safetensors or *.bin)")
    # Every adapter load checks its base's fingerprint: a base of many GB is read once per process, not per load,
    # while its files stay the same files (inode, size, modification and change times: `cp -p` and `rsync -a` keep
    # the modification time of new content, no copy keeps the change time).
    stats = [(path.name, path.stat()) for path in files]
    key = (
        str(directory.resolve()),
        tuple((name, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns) for name, stat in stats),
    )
    if key in _FINGERPRINTS:
        return _FINGERPRINTS[key]
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(b"\0")
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    if len(_FINGERPRINTS) >= 64:
        _FINGERPRINTS.pop(next(iter(_FINGERPRINTS)))
    _FINGERPRINTS[key] = digest.hexdigest()[:16]
    return _FINGERPRINTS[key]


class BaseModelMismatch(ValueError):
    """An adapter put on a base model other than the one it was trained on."""


def check_adapter_base(
    adapter_dir: str | Path, base_dir: str | Path, name: str | None = None, fingerprint: str | None = None
) -> None:
    """Raise :class:`BaseModelMismatch` when the adapter at ``adapter_dir`` (``name``: how the message names it)
    was trained on a base model other than the one at ``base_dir`` (``fingerprint``: its fingerprint, when known).

    The adapter's training metadata names the fingerprint of the base it was trained on; an adapter without one
    (not trained by feedback-loop) is not checked. An adapter loads onto another base model of the same
    architecture without an error, and then answers as a crippled model.
    """
    training = Path(adapter_dir) / TRAINING_METADATA_FILE
    if not training.is_file():
        return
    base_model = _json_object(training, "adapter").get("base_model")
    trained_on = base_model.get("fingerprint") if isinstance(base_model, dict) else None
    if trained_on is None:
        return
    fingerprint = fingerprint or model_fingerprint(base_dir)
    if fingerprint != trained_on:
        raise BaseModelMismatch(
            f"adapter {name or adapter_dir} was trained on base model {trained_on}, but {base_dir} is {fingerprint}; "
            "use the base model it was trained on, or train the adapter again on this one"
        )


def load_causal_lm(
    base_dir: str | Path,
    adapter_dir: str | Path | None = None,
    device: str | None = None,
    dtype: torch.dtype | None = None,
) -> tuple[Any, PreTrainedTokenizerBase]:
    """Load a local causal LM and its tokenizer, in eval mode, with the LoRA adapter at ``adapter_dir`` on top.

    ``base_dir`` may be any directory written by ``save_pretrained`` (ours, a GPT-2, a Llama, ...). A
    tokenizer without a pad token gets its eos token as pad token, since batching needs one. ``device``
    defaults to ``"auto"`` and ``dtype`` to the one :func:`resolve_device` picks for it; training passes
    float32 so that the optimiser updates full-precision weights. An adapter trained on another base model is an
    error (:func:`check_adapter_base`).
    """
    from transformers import AutoModelForCausalLM, AutoTokenizer

    base = _require_file(base_dir, "config.json", "base model")
    resolved_device, default_dtype = resolve_device(device or "auto")
    tokenizer = AutoTokenizer.from_pretrained(base)
    if tokenizer.pad_token is None:
        if tokenizer.eos_token is None:
            raise ValueError(f"the tokenizer in {base} has neither a pad token nor an eos token to pad with")
        tokenizer.pad_token = tokenizer.eos_token
    # A PreTrainedModel, or a PeftModel once the adapter is on: callers use what both have.
    model: Any = AutoModelForCausalLM.from_pretrained(base, dtype=dtype or default_dtype)
    if adapter_dir is not None:
        from peft import PeftModel

        adapter = Path(adapter_dir)
        weights, saved = check_adapter_files(adapter)
        check_adapter_base(adapter, base)
        model = PeftModel.from_pretrained(model, adapter)
        _check_adapter_complete(model, weights, saved)
    model.to(resolved_device)
    model.eval()
    return model, tokenizer


def context_length(model) -> int | None:
    """How many positions ``model`` (or a model's config) was built for (None when its config does not say).

    Llama-style configs call it ``max_position_embeddings``, GPT-2-style ones ``n_positions``; a model
    with learned position embeddings fails outright past it, so callers truncate to it.
    """
    config = getattr(model, "config", model)
    for name in ("max_position_embeddings", "n_positions"):
        value = getattr(config, name, None)
        if isinstance(value, int) and value > 0:
            return value
    return None


def build_base_model(
    corpus: list[str], out_dir: str | Path, spec: BaseModelSpec, progress: ProgressCallback | None = None
) -> dict[str, Any]:
    """Train a tokenizer and pre-train a small Llama model on ``corpus``, save both into ``out_dir``.

    ``progress`` is called with (steps done, ``spec.pretrain_steps``) after each pre-training step.

    ``corpus`` is a list of documents; blank ones are skipped. The result replaces any previous model in
    ``out_dir`` in one rename. Returns the metadata also written to ``<out_dir>/base_model_metadata.json``:
    parameter count, fingerprint, final loss, loss curve, tokens/s, device and the spec.
    """
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    documents = _clean_corpus(corpus)
    device, dtype = resolve_device(spec.device)
    tokenizer = train_tokenizer(documents, spec.vocab_size, spec.max_length, split_digits=spec.split_digits)
    stream = _token_stream(tokenizer, documents)
    block = min(spec.max_length, len(stream))
    if block < 2:
        raise ValueError(f"the corpus holds only {len(stream)} tokens; pre-training needs at least 2")

    torch.manual_seed(spec.seed)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=spec.hidden_size,
        intermediate_size=spec.intermediate_size,
        num_hidden_layers=spec.num_layers,
        num_attention_heads=spec.num_heads,
        num_key_value_heads=spec.num_heads,
        max_position_embeddings=spec.max_length,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        tie_word_embeddings=True,  # at this size the embedding matrix is a large share of all parameters
    )
    model = LlamaForCausalLM(config).to(device)  # type: ignore[arg-type]  # transformers types .to unbound
    curve, seconds = _pretrain(model, stream.to(device), block, spec, device, dtype, progress)

    with staged_output_dir(out_dir) as staging:
        model.save_pretrained(staging)
        tokenizer.save_pretrained(staging)
        metadata = {
            "parameters": sum(parameter.numel() for parameter in model.parameters()),
            "fingerprint": model_fingerprint(staging),
            "final_loss": curve[-1]["loss"],
            "loss_curve": curve,
            "tokens_per_second": spec.pretrain_steps * spec.pretrain_batch_size * block / seconds,
            "train_seconds": seconds,
            "corpus_documents": len(documents),
            "corpus_tokens": len(stream),
            "block_size": block,
            "device": device,
            "dtype": str(dtype).removeprefix("torch."),
            "spec": spec.model_dump(),
        }
        (staging / METADATA_FILE).write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    return metadata


def train_tokenizer(documents: list[str], vocab_size: int, max_length: int, *, split_digits: bool = False):
    """A byte-level BPE tokenizer trained on ``documents``, wrapped for transformers.

    Byte-level BPE never meets an unknown character and decodes back to the exact input text. With
    ``split_digits`` every digit is a pre-token of its own, so no merge ever spans two digits. Encoding
    with special tokens prepends the bos token, as Llama tokenizers do, so training and inference code can
    treat our tokenizer and a user's one the same way.
    """
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    backend = Tokenizer(models.BPE())
    byte_level = pre_tokenizers.ByteLevel(add_prefix_space=False)
    backend.pre_tokenizer = (
        pre_tokenizers.Sequence([pre_tokenizers.Digits(individual_digits=True), byte_level])
        if split_digits
        else byte_level
    )
    backend.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=[PAD_TOKEN, BOS_TOKEN, EOS_TOKEN],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    backend.train_from_iterator(documents, trainer)
    backend.post_processor = processors.TemplateProcessing(
        single=f"{BOS_TOKEN} $A",
        pair=f"{BOS_TOKEN} $A {BOS_TOKEN} $B",
        special_tokens=[(BOS_TOKEN, backend.token_to_id(BOS_TOKEN))],
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=backend,
        bos_token=BOS_TOKEN,
        eos_token=EOS_TOKEN,
        pad_token=PAD_TOKEN,
        model_max_length=max_length,
        clean_up_tokenization_spaces=False,  # keep decode(encode(text)) == text
    )


def _clean_corpus(corpus: list[str]) -> list[str]:
    """The non-blank documents of ``corpus``; a document that is not a string is an error."""
    if isinstance(corpus, str):
        raise TypeError("corpus must be a list of documents, not one string")
    documents = []
    for index, document in enumerate(corpus):
        if not isinstance(document, str):
            raise TypeError(f"corpus[{index}] must be a string, got {type(document).__name__}")
        if document.strip():
            documents.append(document)
    if not documents:
        raise ValueError("the corpus holds no non-blank document")
    return documents


def _token_stream(tokenizer, documents: list[str]) -> torch.Tensor:
    """All documents as one token sequence, each as ``bos ... eos``, for packed pre-training."""
    import torch

    encoded = tokenizer(documents, add_special_tokens=True)["input_ids"]
    eos = tokenizer.eos_token_id
    return torch.tensor([token for ids in encoded for token in (*ids, eos)], dtype=torch.long)


def _learning_rate(step: int, spec: BaseModelSpec) -> float:
    """Linear warm-up over the first tenth of the steps, then cosine decay to a tenth of the peak."""
    warmup = max(1, spec.pretrain_steps // 10)
    if step < warmup:
        return spec.learning_rate * (step + 1) / warmup
    progress = (step - warmup) / max(1, spec.pretrain_steps - warmup)
    floor = spec.learning_rate / 10
    return floor + (spec.learning_rate - floor) * 0.5 * (1 + math.cos(math.pi * progress))


def _pretrain(
    model,
    stream: torch.Tensor,
    block: int,
    spec: BaseModelSpec,
    device: str,
    dtype: torch.dtype,
    progress: ProgressCallback | None,
) -> tuple[list[dict[str, float]], float]:
    """Next-token training on random windows of ``stream`` (nanoGPT's recipe).

    Returns the loss curve, one point per ``spec.log_every`` steps holding the mean loss of those steps,
    and the training time in seconds.
    """
    import torch

    generator = torch.Generator().manual_seed(spec.seed)
    optimizer = torch.optim.AdamW(model.parameters(), lr=spec.learning_rate, betas=(0.9, 0.95), weight_decay=0.01)
    model.train()
    curve: list[dict[str, float]] = []
    window: list[float] = []
    started = time.perf_counter()
    for step in range(spec.pretrain_steps):
        starts = torch.randint(len(stream) - block + 1, (spec.pretrain_batch_size,), generator=generator)
        batch = torch.stack([stream[start : start + block] for start in starts.tolist()])
        for group in optimizer.param_groups:
            group["lr"] = _learning_rate(step, spec)
        with autocast(device, dtype):
            loss = model(input_ids=batch, labels=batch).loss
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        window.append(loss.item())
        if len(window) == spec.log_every or step == spec.pretrain_steps - 1:
            curve.append({"step": step + 1, "loss": sum(window) / len(window)})
            window = []
        if progress is not None:
            progress(step + 1, spec.pretrain_steps)
    seconds = time.perf_counter() - started
    model.eval()
    return curve, seconds


def _json_object(path: Path, what: str) -> dict:
    """The JSON object in the file ``path`` of a model or adapter folder; an error naming the file otherwise."""
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"{what} file {path} is not valid JSON ({error}); write the folder again") from error
    if not isinstance(value, dict):
        raise ValueError(f"{what} file {path} must hold a JSON object, got {type(value).__name__}")
    return value


def check_adapter_files(adapter_dir: str | Path) -> tuple[Path, set[str]]:
    """The weights file of the PEFT adapter folder ``adapter_dir`` and the names of the tensors it holds, once its files
    are checked: an error naming the file when the config or the training metadata is no JSON object, or when the
    weights file is missing or cannot be read (a copy cut short, a file of zeros). Whether the weights hold every
    tensor the config asks for is known only once loaded (:func:`load_causal_lm` checks it)."""
    adapter = _require_file(adapter_dir, "adapter_config.json", "adapter")
    _json_object(adapter / "adapter_config.json", "adapter")
    if (adapter / TRAINING_METADATA_FILE).is_file():
        _json_object(adapter / TRAINING_METADATA_FILE, "adapter")
    return _adapter_weight_names(adapter)


def _adapter_weight_names(adapter: Path) -> tuple[Path, set[str]]:
    """The weights file of the adapter folder ``adapter`` and its tensors' names (see :func:`check_adapter_files`)."""
    import torch
    from peft.utils import SAFETENSORS_WEIGHTS_NAME, WEIGHTS_NAME
    from safetensors import SafetensorError, safe_open

    safetensors, pickled = adapter / SAFETENSORS_WEIGHTS_NAME, adapter / WEIGHTS_NAME
    if safetensors.is_file():
        try:
            with safe_open(str(safetensors), "pt") as handle:
                return safetensors, set(handle.keys())
        except SafetensorError as error:
            raise _unreadable(safetensors, error) from error
    if pickled.is_file():
        try:
            return pickled, set(torch.load(pickled, map_location="cpu", weights_only=True))
        except (pickle.UnpicklingError, RuntimeError, EOFError) as error:  # torch.load's errors on a broken file
            raise _unreadable(pickled, error) from error
    raise FileNotFoundError(
        f"adapter directory {adapter} has no {SAFETENSORS_WEIGHTS_NAME} (nor {WEIGHTS_NAME}): its weights are missing"
    )


def _unreadable(weights: Path, error: Exception) -> ValueError:
    return ValueError(f"adapter file {weights} cannot be read ({error}); train or copy the adapter again")


def _check_adapter_complete(model, weights: Path, saved: set[str]) -> None:
    """Refuse an adapter whose weights file lacks tensors its config asks for: PEFT only warns, and leaves those
    LoRA weights as initialised, so that an adapter saved without its tensors answers exactly as the base model."""
    from peft.utils import get_peft_model_state_dict

    missing = sorted(set(get_peft_model_state_dict(model)) - saved)
    if missing:
        raise ValueError(
            f"adapter file {weights} lacks {len(missing)} of the tensors its adapter_config.json asks for "
            f"(first: {missing[0]}); train or copy the adapter again"
        )


def _require_file(directory: str | Path, name: str, what: str) -> Path:
    """``directory`` as a Path, after checking that it holds ``name`` (a clear error otherwise)."""
    path = Path(directory)
    if not (path / name).is_file():
        raise FileNotFoundError(f"{what} directory {path} has no {name}; was it written by save_pretrained?")
    return path
