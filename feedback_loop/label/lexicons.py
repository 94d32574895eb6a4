"""Word lists that a team extends without touching Python: offensive terms and sentiment words.

Each list is a text file, one entry per line (``#`` starts a comment). Entries are matched as whole words,
case-insensitively; an entry may be a phrase. The packaged lists live in ``feedback_loop/label/lexicons/``;
:func:`load_lexicon` also accepts a team's own file.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

PACKAGED = Path(__file__).with_name("lexicons")


@lru_cache(maxsize=None)
def lexicon_entries(path: str | Path) -> frozenset[str]:
    """The lower-cased entries of the lexicon file at ``path`` (comments and blank lines dropped)."""
    entries = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if entry:
            entries.add(entry)
    return frozenset(entries)


def _whole_word_pattern(entries: frozenset[str]) -> re.Pattern[str]:
    if not entries:
        return re.compile(r"(?!x)x")  # matches nothing
    # Longest first, so that a phrase wins over a word it contains ("not helpful" over "helpful").
    ordered = sorted(entries, key=lambda entry: (-len(entry), entry))
    return re.compile(r"\b(?:" + "|".join(re.escape(entry) for entry in ordered) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=None)
def load_lexicon(path: str | Path) -> re.Pattern[str]:
    """A compiled whole-word pattern for the entries of the lexicon file at ``path``."""
    return _whole_word_pattern(lexicon_entries(path))


def _packaged(name: str) -> re.Pattern[str]:
    return load_lexicon(PACKAGED / f"{name}.txt")


def is_offensive(text: str | None, lexicon: str | Path | None = None) -> bool:
    """Whether ``text`` contains an entry of the offensive lexicon (the packaged one unless given)."""
    if not text:
        return False
    pattern = load_lexicon(lexicon) if lexicon else _packaged("offensive")
    return pattern.search(text) is not None


@lru_cache(maxsize=None)
def _sentiment_lexicons() -> tuple[re.Pattern[str], frozenset[str]]:
    """One pattern over both sentiment lists, and the positive entries to tell hits apart.

    Scanning both lists in one pass makes overlapping entries count once, for the longest one: "not helpful"
    is one negative hit rather than a negative and a positive ("helpful") that cancel out.
    """
    positive = lexicon_entries(PACKAGED / "positive.txt")
    negative = lexicon_entries(PACKAGED / "negative.txt")
    return _whole_word_pattern(positive | negative), positive - negative


def sentiment_score(text: str | None) -> float | None:
    """(positive - negative) / (positive + negative) word hits in ``text``; 0.0 when it has neither.

    None when there is no text at all.
    """
    if not text:
        return None
    pattern, positive_entries = _sentiment_lexicons()
    hits = [match.group(0).lower() for match in pattern.finditer(text)]
    positive = sum(hit in positive_entries for hit in hits)
    negative = len(hits) - positive
    if positive + negative == 0:
        return 0.0
    return (positive - negative) / (positive + negative)
