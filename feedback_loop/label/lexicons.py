"""Word lists that a team extends without touching Python: offensive terms and sentiment words.

Each list is a text file, one entry per line (``#`` starts a comment, also inside a pattern: write ``\\x23``
for a literal ``#``). An entry is either

* a word or phrase, matched as a whole word, case-insensitively (``not helpful``); or
* a regular expression, on a line starting with ``re:`` (``re: \\bidi+ots?\\b``), matched case-insensitively
  wherever it occurs: it is used as written, so add ``\\b`` where it should only match whole words. It must
  not match the empty string, define named groups or refer back to numbered groups (it becomes one
  alternative of a combined pattern); a bad pattern raises a ValueError naming the file and line.

Where a word entry and a pattern match at the same place, the word entry wins; among word entries, the longest
does. The packaged lists live in ``feedback_loop/label/lexicons/``; :func:`load_lexicon` also accepts a team's
own file.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

PACKAGED = Path(__file__).with_name("lexicons")
PATTERN_PREFIX = "re:"


@cache
def lexicon_entries(path: str | Path) -> frozenset[str]:
    """The entries of the lexicon file at ``path`` (comments and blank lines dropped).

    Words and phrases are lower-cased; patterns keep their ``re:`` prefix and their case (``\\S`` is not
    ``\\s``). Raises ValueError naming the file and line of a pattern that cannot be used.
    """
    entries = set()
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        entry = line.split("#", 1)[0].strip()
        if entry.startswith(PATTERN_PREFIX):
            pattern = entry.removeprefix(PATTERN_PREFIX).strip()
            _check_pattern(pattern, f"{path}:{number}")
            entries.add(PATTERN_PREFIX + pattern)
        elif entry:
            entries.add(entry.lower())
    return frozenset(entries)


def _check_pattern(pattern: str, where: str) -> None:
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"{where}: {pattern!r} is not a valid regular expression: {exc}") from exc
    if not pattern or compiled.fullmatch("") is not None:
        # An empty match would be found in every text, marking all of it offensive.
        raise ValueError(f"{where}: pattern {pattern!r} matches the empty string")
    # Each entry becomes a named group of one combined pattern, where its own group names could clash and
    # its group numbers shift.
    if compiled.groupindex:
        raise ValueError(f"{where}: pattern {pattern!r} defines named groups {sorted(compiled.groupindex)}")
    if compiled.groups and re.search(r"\\[1-9]", pattern):
        raise ValueError(f"{where}: pattern {pattern!r} refers back to a numbered group")
    try:
        re.compile(f"x|(?P<entry>{pattern})")
    except re.error as exc:
        # A global flag such as "(?i)" is only allowed at the start of the combined pattern.
        raise ValueError(f"{where}: pattern {pattern!r} cannot be combined with other entries: {exc}") from exc


def _combined_pattern(entries: frozenset[str]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One case-insensitive pattern over ``entries``, and the entry each of its groups ``e<i>`` stands for."""
    words = sorted((e for e in entries if not e.startswith(PATTERN_PREFIX)), key=lambda e: (-len(e), e))
    patterns = sorted(e for e in entries if e.startswith(PATTERN_PREFIX))
    ordered = tuple(words + patterns)
    # Longest word first, so that a phrase wins over a word it contains ("not helpful" over "helpful").
    word_groups = [f"(?P<e{index}>{re.escape(entry)})" for index, entry in enumerate(words)]
    pattern_groups = [
        f"(?P<e{index}>{entry[len(PATTERN_PREFIX) :]})" for index, entry in enumerate(patterns, start=len(words))
    ]
    alternatives = ([r"\b(?:" + "|".join(word_groups) + r")\b"] if word_groups else []) + pattern_groups
    if not alternatives:
        return re.compile(r"(?!x)x"), ordered  # matches nothing
    return re.compile("|".join(alternatives), re.IGNORECASE), ordered


def _matched_entry(match: re.Match[str], ordered: tuple[str, ...]) -> str:
    # The entry's own group closes after any unnamed groups inside it, so it is the last group matched.
    assert match.lastgroup is not None  # every alternative of the pattern is a named group
    return ordered[int(match.lastgroup.removeprefix("e"))]


@cache
def load_lexicon(path: str | Path) -> re.Pattern[str]:
    """A compiled pattern that finds any entry of the lexicon file at ``path``."""
    return _combined_pattern(lexicon_entries(path))[0]


def _packaged(name: str) -> re.Pattern[str]:
    return load_lexicon(PACKAGED / f"{name}.txt")


def is_offensive(text: str | None, lexicon: str | Path | None = None) -> bool:
    """Whether ``text`` contains an entry of the offensive lexicon (the packaged one unless given)."""
    if not text:
        return False
    pattern = load_lexicon(lexicon) if lexicon else _packaged("offensive")
    return pattern.search(text) is not None


@cache
def _sentiment_lexicons() -> tuple[re.Pattern[str], tuple[str, ...], frozenset[str]]:
    """One pattern over both sentiment lists, the entry of each group, and the positive entries.

    Scanning both lists in one pass makes overlapping entries count once, for the longest one: "not helpful"
    is one negative hit rather than a negative and a positive ("helpful") that cancel out. An entry in both
    lists counts as negative.
    """
    positive = lexicon_entries(PACKAGED / "positive.txt")
    negative = lexicon_entries(PACKAGED / "negative.txt")
    pattern, ordered = _combined_pattern(positive | negative)
    return pattern, ordered, positive - negative


def sentiment_score(text: str | None) -> float | None:
    """(positive - negative) / (positive + negative) entry hits in ``text``; 0.0 when it has neither.

    None when there is no text at all.
    """
    if not text:
        return None
    pattern, ordered, positive_entries = _sentiment_lexicons()
    hits = [_matched_entry(match, ordered) for match in pattern.finditer(text)]
    positive = sum(hit in positive_entries for hit in hits)
    negative = len(hits) - positive
    if positive + negative == 0:
        return 0.0
    return (positive - negative) / (positive + negative)
