"""Long regex alternations of words, rewritten so that Python's ``re`` finds the same matches sooner.

``re`` tries the alternatives of ``a|b|c`` one after the other at every position it searches: a cue pattern of 150
words ("dear|regards|mr|...") costs 150 attempts per word boundary, and the name rules ask such patterns about every
capitalised word. :func:`by_first_letter` groups the alternatives by the letters they can start with, each group
behind a look-ahead of its letters, so that a position is tried only against the alternatives that can match there.
The matches are the same, found in the same order of preference (tested in ``test_alternations.py``).
"""

from __future__ import annotations

import re

# What can make the letter before it optional or repeated: "s?he", "a*", "x{0,2}".
_QUANTIFIERS = ("?", "*", "{")
_LETTERS_LOOKAHEAD = re.compile(r"\(\?=\[([^\W\d_]+)\]\)")


def by_first_letter(alternation: str) -> str:
    """``alternation`` (a regex's alternatives joined by ``|``, as the inside of a group) rewritten to match the same
    text: per first letter, a look-ahead of that letter in either case, then in their order the alternatives that
    can start with it and those whose first letter is not known (a class, an escape, an optional part); last, for a
    position at none of those letters, the alternatives whose first letter is not known."""
    alternatives = _top_level_alternatives(alternation)
    firsts = [_first_letters(alternative) for alternative in alternatives]
    letters = sorted(set().union(*(first for first in firsts if first is not None)))
    groups = []
    # Letters in blocks, each behind a look-ahead of its letters: a position fails each block's look-ahead but its
    # own, and only its own block's letters' (about twelve look-aheads in all rather than one per letter).
    block_size = max(1, round(len(letters) ** 0.5))
    for block in (letters[start : start + block_size] for start in range(0, len(letters), block_size)):
        letter_groups = [
            f"(?=[{_either_case(letter)}])(?:{'|'.join(_members(alternatives, firsts, letter))})" for letter in block
        ]
        groups.append(f"(?=[{_either_case(''.join(block))}])(?:{'|'.join(letter_groups)})")
    if unknown := [alt for alt, first in zip(alternatives, firsts, strict=True) if first is None]:
        groups.append(
            f"(?![{_either_case(''.join(letters))}])(?:{'|'.join(unknown)})" if letters else "|".join(unknown)
        )
    return "|".join(groups)


def _members(alternatives: list[str], firsts: list[set[str] | None], letter: str) -> list[str]:
    """In their order, the alternatives that can start with ``letter``, or may start with anything."""
    return [alt for alt, first in zip(alternatives, firsts, strict=True) if first is None or letter in first]


def _either_case(letters: str) -> str:
    """``letters`` in lower and upper case, escaped for a class."""
    return re.escape("".join(letter + letter.upper() for letter in letters))


def _first_letters(alternative: str) -> set[str] | None:
    """The lower-case letters ``alternative`` must start with, or None where that is not known: it may start with
    something else (a class, an escape, an assertion, a letter made optional)."""
    if not alternative:
        return None
    if alternative.startswith("\\b"):  # a word's boundary, which reads no letter
        return _first_letters(alternative[2:])
    if alternative[0].isalpha():
        return None if alternative[1:2] in _QUANTIFIERS else {alternative[0].lower()}
    if lookahead := _LETTERS_LOOKAHEAD.match(alternative):  # the look-ahead of a group by_first_letter made
        return set(lookahead.group(1).lower())
    if not alternative.startswith(("(?:", "(?-i:")):  # a group, or one that tells case
        return None
    close = _closing_parenthesis(alternative)
    if alternative[close + 1 : close + 2] in _QUANTIFIERS:
        return None
    letters: set[str] = set()
    for inner in _top_level_alternatives(alternative[alternative.index(":") + 1 : close]):
        first = _first_letters(inner)
        if first is None:
            return None
        letters |= first
    return letters


def _top_level_alternatives(alternation: str) -> list[str]:
    """``alternation`` split at its ``|`` outside groups, classes and escapes."""
    bars = [index for index, char, depth in _syntax(alternation) if char == "|" and depth == 0]
    return [alternation[start + 1 : end] for start, end in zip([-1, *bars], [*bars, len(alternation)], strict=True)]


def _closing_parenthesis(pattern: str) -> int:
    """Where the group that opens ``pattern`` closes."""
    for index, char, depth in _syntax(pattern):
        if char == ")" and depth == 1:
            return index
    raise ValueError(f"by_first_letter: field 'alternation' has an unclosed group: {pattern!r}")


def _syntax(pattern: str):
    """Each character of ``pattern`` outside escapes and classes, where it is, and how many groups are open before
    it."""
    depth, in_class, index = 0, False, 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            yield index, char, depth
            depth += {"(": 1, ")": -1}.get(char, 0)
        index += 1
