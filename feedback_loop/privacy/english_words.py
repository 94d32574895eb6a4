"""What the rules and the vetoes know of English words: WordNet's nouns, adjectives, verbs and adverbs as the spaCy
pipeline's lemmatizer ships them (:func:`word_classes`, :func:`adverbs`, :func:`adjectives`), a word's possible lemmas,
the forms of a verb, and whether a word is written as names are ("O'Brien", not "GitHub").

Shared by :mod:`~feedback_loop.privacy.names`, :mod:`~feedback_loop.privacy.namesakes` and
:mod:`~feedback_loop.privacy.ner`; it imports none of them at load time (the tables are read from the pipeline of
:func:`~feedback_loop.privacy.ner.load_ner_pipeline`, on first use).
"""

from __future__ import annotations

import functools
import pathlib
import re


def lemmas(word: str) -> set[str]:
    """``word`` and what it may be the plural of ("boxes": "boxe", "box"; "parties": "party")."""
    forms = {word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    return forms


def past_tense(word: str, verbs: frozenset[str]) -> bool:
    """A regular past tense ("leaked", "moved") or an irregular one ("sent", "went"; WordNet's exceptions)."""
    if word.endswith("ed") and (word[:-2] in verbs or word[:-1] in verbs or word[:-3] in verbs):
        return True
    return word in _irregular_verb_forms() and not word.endswith("ing")


def inflected_verb_form(word: str) -> bool:
    """True for a verb's form other than its bare one, which only a verb's subject comes before: the third person
    ("needs", "carries"), a participle or past tense ("needing", "running", "addressed", "left"), an irregular form
    ("has", "is"). Not "address" nor "check", the nouns of a label or a heading too ("Villa address")."""
    _, verbs = word_classes()
    if word.endswith("ing"):
        stem = word[:-3]
        return stem in verbs or stem + "e" in verbs or (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in verbs)
    return (
        word in _irregular_verb_forms()
        or past_tense(word, verbs)
        or (word.endswith("s") and any(form in verbs for form in lemmas(word) - {word}))
    )


@functools.cache
def _irregular_verb_forms() -> frozenset[str]:
    return frozenset(_lemmatizer_lookups().get_table("lemma_exc")["verb"])


def verb_form(word: str, verbs: frozenset[str]) -> bool:
    """True for a form of a verb: irregular ("left", "sent", "paid"; in ``verbs`` as they are) or a regular
    participle ("called", "phoned", "emailed", "writing")."""
    if word in verbs:
        return True
    for suffix, replacements in (("ed", ("", "e")), ("ing", ("", "e")), ("d", ("",))):
        if word.endswith(suffix) and any(word[: -len(suffix)] + ending in verbs for ending in replacements):
            return True
    return False


@functools.cache
def _lemmatizer_lookups():
    """The spaCy pipeline's lemmatizer tables (WordNet's word indexes and exceptions), read once per process."""
    from spacy.lookups import Lookups

    # Here, not at the top: ner imports this module, and the pipeline is loaded only when a table is first read.
    from feedback_loop.privacy.ner import load_ner_pipeline

    return Lookups().from_disk(pathlib.Path(load_ner_pipeline().path) / "lemmatizer" / "lookups")


@functools.cache
def word_classes() -> tuple[frozenset[str], frozenset[str]]:
    """The nouns and adjectives of English, and its verbs with their irregular forms ("left", "sent"): WordNet's
    indexes and exceptions, as the spaCy pipeline's lemmatizer ships them, read once per process."""
    lookups = _lemmatizer_lookups()
    index, exceptions = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
    return frozenset((*index["noun"], *index["adj"])), frozenset((*index["verb"], *exceptions["verb"]))


# Scottish, Irish, Dutch and Romance surname prefixes written with a capital inside ("McCartney", "DeShawn").
_CAPITALISED_PREFIX = re.compile(r"^(?:Mc|Mac|Fitz|De|Di|Da|La|Le|Van|Von)(?=[A-ZÀ-ÖØ-Þ])")


def written_as_a_name(word: str) -> bool:
    """True for a capital and lower-case letters, in each part of a hyphenated or apostrophed name ("Al-Mansouri",
    "O'Brien", "Ji-woo", "McCartney"); False for "GitHub", "DevOps", "iPhone"."""
    if not word[0].isupper():
        return False
    for part in re.split(r"['’-]", word):
        rest = _CAPITALISED_PREFIX.sub("", part)[1:]
        if not part or (rest and not rest.islower()):
            return False
    return True


@functools.cache
def bare_verbs() -> frozenset[str]:
    """English verbs in their bare form (WordNet's index, as the spaCy pipeline's lemmatizer ships it), not the
    irregular forms of its exceptions ("left", "sent"), though some are written alike ("read", "put")."""
    return frozenset(_lemmatizer_lookups().get_table("lemma_index")["verb"])


@functools.cache
def adverbs() -> frozenset[str]:
    """English adverbs (WordNet's index, as the spaCy pipeline's lemmatizer ships it)."""
    return frozenset(_lemmatizer_lookups().get_table("lemma_index")["adv"])


@functools.cache
def adjectives() -> frozenset[str]:
    """English adjectives (WordNet's index, as the spaCy pipeline's lemmatizer ships it)."""
    return frozenset(_lemmatizer_lookups().get_table("lemma_index")["adj"])
