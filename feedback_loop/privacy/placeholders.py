"""The typed placeholders that redaction writes, and the plumbing every detector is built from.

A detector is a function ``text -> (text with placeholders, how many it wrote)`` with a *trigger*: a cheap test
on the text (a character or a key word the detector cannot match without) that the redactor runs first, so that
a string is searched only by the detectors it can trigger (see :mod:`feedback_loop.privacy.redactor`).
Placeholders hold no digits and no ``@``, so that no later detector matches inside one; only the numbered
person placeholders of a conversation scope (``<PERSON_2>``) hold digits, and they are written after every
detector ran.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

PLACEHOLDERS: dict[str, str] = {
    "EMAIL": "<EMAIL>",
    "PHONE": "<PHONE>",
    "CARD": "<CARD>",
    "IBAN": "<IBAN>",
    "IP": "<IP>",
    "SSN": "<SSN>",
    "NATIONAL_ID": "<NATIONAL_ID>",
    "PASSPORT": "<PASSPORT>",
    "DOB": "<DOB>",
    "SECRET": "<SECRET>",
    "URL_CREDENTIALS": "<CREDENTIALS>",
    "ADDRESS": "<ADDRESS>",
    "PERSON": "<PERSON>",
}
REDACTION_TYPES: tuple[str, ...] = tuple(PLACEHOLDERS)
# Every placeholder redaction writes, the numbered person placeholders of a conversation scope included: what
# a caller cutting redacted text must not split.
PLACEHOLDER_PATTERN = re.compile(
    "|".join(re.escape(placeholder) for placeholder in PLACEHOLDERS.values()) + r"|<PERSON_\d+>"
)
_PLAIN_PLACEHOLDER = re.compile("|".join(re.escape(placeholder) for placeholder in PLACEHOLDERS.values()))

# Spaces that separate digit groups: plain, no-break (U+00A0, U+202F: word processors and web pages put them
# between the groups of phone and card numbers), figure and thin spaces.
SPACES = r" \u00a0\u2007\u2009\u202f"
RE2_SPACES = r" \x{a0}\x{2007}\x{2009}\x{202f}"  # the same, in RE2's spelling

DetectFunction = Callable[[str], tuple[str, int]]


@dataclass(frozen=True)
class Detector:
    """One detector: its type, what it does, the cheap test on the text's :class:`Scan` without which it
    cannot match, and ``prescan``, an RE2 pattern (for pyarrow.compute over a whole column of texts) that every
    text the detector changes contains: the detector's own pattern loosened to what RE2 can say (look-arounds
    and back references dropped, Python's classes widened with the ``RE2_*`` pieces below). None: the detector
    has none (those of the patterns+ner tier only: that tier redacts every text, names can be anywhere)."""

    kind: str
    detect: DetectFunction
    trigger: Callable[[Scan], bool]
    prescan: str | None = None


# Pieces of the column pre-scans in RE2 syntax, each matching at least what Python's ``re`` does: RE2's \s, \w
# and \d are ASCII only, Python's are Unicode, and Python's re.IGNORECASE also matches the dotted and dotless i
# to an i (RE2's (?i) does not; it does match the long s and the Kelvin sign to s and k, as Python does).
RE2_SPACE_CHARS = r"\s\x{0b}\x{1c}-\x{1f}\x{85}\p{Z}"  # inside a character class
RE2_SPACE = f"[{RE2_SPACE_CHARS}]"
RE2_WORD_CHARS = r"\p{L}\p{N}\p{M}_"  # inside a character class
RE2_DIGIT = r"\p{Nd}"
# Inside a character class: an ASCII letter, as re.IGNORECASE matches one.
RE2_LETTERS = r"a-zA-Z\x{130}\x{131}\x{17f}\x{212a}"
RE2_I = r"[iI\x{130}\x{131}]"  # an i, as re.IGNORECASE matches it


def re2_not_after(chars: str) -> str:
    """RE2 for Python's look-behind ``(?<![\\w<chars>])``, ``chars`` ASCII: the start of the text or a character
    that is not an ASCII letter, digit or underscore nor one of ``chars`` (a superset: Python also refuses Unicode
    letters and digits). It takes that character, so that it must start the pattern it guards."""
    return f"(?:^|[^a-zA-Z0-9_{chars}])"


def re2_not_before(chars: str) -> str:
    """RE2 for Python's look-ahead ``(?![\\w<chars>])``, as :func:`re2_not_after` for look-behinds."""
    return f"(?:$|[^a-zA-Z0-9_{chars}])"


# The same pieces restricted to ASCII, which they match exactly on ASCII text: RE2 runs a pattern spelled so faster
# (its automaton need not follow multi-byte characters), and most text is ASCII.
_RE2_ASCII_SPELLINGS = (
    (RE2_SPACE_CHARS, r"\s\x{0b}\x{1c}-\x{1f}"),
    (RE2_WORD_CHARS, "0-9A-Za-z_"),
    (RE2_LETTERS, "a-zA-Z"),
    (RE2_SPACES, " "),
    (RE2_I, "[iI]"),
    (RE2_DIGIT, "[0-9]"),
)


def re2_for_ascii(pattern: str) -> str:
    """``pattern`` (written with the ``RE2_*`` pieces) with each piece restricted to its ASCII characters: on a text
    that is all ASCII it matches exactly where ``pattern`` does."""
    for unicode, ascii in _RE2_ASCII_SPELLINGS:
        pattern = pattern.replace(unicode, ascii)
    return pattern


def re2_words(*words: str) -> str:
    """An RE2 group matching any of ``words`` wherever Python's case-insensitive ``re`` does: each letter in either
    case, an i also dotted or dotless, and a space in a word as any white space, one or more."""

    def spelled(word: str) -> str:
        return "".join(RE2_I if char == "i" else f"{RE2_SPACE}+" if char == " " else re.escape(char) for char in word)

    return "(?i:" + "|".join(map(spelled, words)) + ")"


# A run of digits and the separators that numbers are written with: every match of a detector that takes
# digits (cards, phones, SSNs, national ids, IPv4, dates) lies in one such run, apart from letters around it.
_NUMBER_RUN = re.compile(rf"\d[\d(){SPACES}.\-/]*")
_DROP_SEPARATORS = str.maketrans("", "", "() \u00a0\u2007\u2009\u202f.-/")
_DIGITS = re.compile(r"\d+")


class Scan:
    """The pre-scan of one text: what the triggers test, each figure computed once, on first use.

    ``number_digits`` is the most digits that one number holds, counted across the separators numbers are
    written with ("+1 (415) 555-0123" holds 11); ``digit_run`` the longest run of digits without a separator;
    ``longest_word`` the longest run of characters without white space. A detector that needs a number of 13
    digits is not run on a text whose numbers hold at most 8. The redactor makes a new scan when a detector
    changed the text.
    """

    __slots__ = ("_digit_run", "_longest_word", "_lower", "_number_digits", "text")

    def __init__(self, text: str):
        self.text = text
        self._lower: str | None = None
        self._number_digits: int | None = None
        self._digit_run: int | None = None
        self._longest_word: int | None = None

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    @property
    def number_digits(self) -> int:
        if self._number_digits is None:
            runs = _NUMBER_RUN.findall(self.text)
            self._number_digits = max((len(run.translate(_DROP_SEPARATORS)) for run in runs), default=0)
        return self._number_digits

    @property
    def digit_run(self) -> int:
        if self._digit_run is None:
            self._digit_run = max(map(len, _DIGITS.findall(self.text)), default=0) if self.number_digits else 0
        return self._digit_run

    @property
    def longest_word(self) -> int:
        if self._longest_word is None:
            self._longest_word = max(map(len, self.text.split()), default=0)
        return self._longest_word


def substitute(pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str | None]) -> DetectFunction:
    """A detector replacing each match of ``pattern`` by ``replace(match)``; None keeps the match as it is."""

    def detect(text: str) -> tuple[str, int]:
        found = 0

        def substitute_match(match: re.Match[str]) -> str:
            nonlocal found
            replacement = replace(match)
            if replacement is None:
                return match.group(0)
            # Most replacements hold one placeholder; a phone number split from the next holds two.
            found += len(_PLAIN_PLACEHOLDER.findall(replacement)) - len(_PLAIN_PLACEHOLDER.findall(match.group(0)))
            return replacement

        return pattern.sub(substitute_match, text), found

    return detect


def whole(kind: str) -> Callable[[re.Match[str]], str]:
    """Replace the whole match by the placeholder of ``kind``."""
    return lambda match: PLACEHOLDERS[kind]


def group(kind: str, name: str) -> Callable[[re.Match[str]], str]:
    """Replace only group ``name`` of the match (a secret's value, a URL's user info) by the placeholder."""
    return lambda match: splice(match, *match.span(name), kind)


def splice(match: re.Match[str], start: int, end: int, kind: str) -> str:
    """The match's text with ``text[start:end]`` (positions in the whole text) replaced by the placeholder."""
    offset, matched = match.start(), match.group(0)
    return matched[: start - offset] + PLACEHOLDERS[kind] + matched[end - offset :]


def has_digit(scan: Scan) -> bool:
    """The trigger of detectors whose every match holds a digit."""
    return scan.number_digits > 0


def number_of(digits: int) -> Callable[[Scan], bool]:
    """The trigger of a detector whose every match is a number of at least ``digits`` digits (separators
    between them allowed)."""
    return lambda scan: scan.number_digits >= digits


def contains(*needles: str) -> Callable[[Scan], bool]:
    """The trigger of a detector that cannot match without one of ``needles`` (lower case) in the text."""

    def trigger(scan: Scan) -> bool:
        return any(map(scan.lower.__contains__, needles))

    return trigger


def both(first: Callable[[Scan], bool], second: Callable[[Scan], bool]) -> Callable[[Scan], bool]:
    """A trigger that needs ``first`` and ``second``."""
    return lambda scan: first(scan) and second(scan)
