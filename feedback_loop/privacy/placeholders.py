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
import unicodedata
from collections.abc import Callable, Iterable
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


def union_of_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of ``spans`` (start, end), those that overlap or touch joined, in order."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


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


# --- the text the detectors read: dashes, spaces, digits and full-width forms as ASCII writes them ------------------
# A number or an address written with characters the patterns do not know ("415‑555‑0123" with non-breaking hyphens,
# "415−555−0123" with minus signs, "４１１１ １１１１ …" in full-width digits, "+٩٧١٥٠١٢٣٤٥٦٧" in Arabic-Indic digits,
# "4111\u00ad1111…" with soft hyphens, "jane＠example．com") is read as ASCII writes it: each such character folded to
# its ASCII counterpart (fold_for_detection), the detectors run on the folded text, and what they left stands again as
# it was written (restore_folded). Spaces the patterns know already (SPACES) stay as they are.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_OTHER_SPACES = "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u200a\u205f\u3000"
# Invisible characters (soft hyphen, zero-width space and joiners, direction marks and embeddings, word joiner, byte
# order mark): taken out, so that the digits or letters on either side stay together; between a letter and a digit,
# where they part two words ("ref\u200b4155550123"), a space.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff"
_FOLDED: dict[str, str] = {
    **dict.fromkeys(_DASHES, "-"),
    **dict.fromkeys(_OTHER_SPACES, " "),
    **{chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)},
    **dict.fromkeys(_INVISIBLE, ""),
}
# Python's \d is Unicode's decimal digits (Nd), each of which unicodedata.decimal reads.
_FOLDABLE = re.compile("[" + re.escape("".join(_FOLDED)) + r"]|[^\D0-9]")
# The same in RE2 (for the column pre-scan): a text holding one must reach the redactor whatever else it holds.
RE2_FOLDABLE = (
    "["
    + "".join(f"\\x{{{ord(char):x}}}" for char in _DASHES + _OTHER_SPACES + _INVISIBLE)
    + r"\x{ff01}-\x{ff5e}]|[^\P{Nd}0-9]"
)


def fold_for_detection(text: str) -> tuple[str, list[int]] | None:
    """``text`` with its dashes, spaces, digits, full-width forms and invisible characters written as ASCII writes
    them, and the position in ``text`` of each character of the result; None when ``text`` holds none."""
    if text.isascii() or _FOLDABLE.search(text) is None:
        return None
    pieces: list[str] = []
    positions: list[int] = []
    for position, char in enumerate(text):
        if char.isascii():
            folded = char
        elif char in _DASHES:
            # A dash joins digits ("415‑555‑0123"); elsewhere it parts words ("cell—415-555-0123—anytime"), and a
            # "-" there would keep the patterns, which refuse to start after one, from seeing what follows.
            around = (text[position - 1 : position], text[position + 1 : position + 2])
            folded = "-" if all(side.isdecimal() for side in around) else " "
        elif char in _FOLDED:
            folded = _FOLDED[char]
            if not folded and pieces and position + 1 < len(text):
                before, after = pieces[-1], text[position + 1]
                if (before.isalpha() and after.isdecimal()) or (before.isdecimal() and after.isalpha()):
                    folded = " "
        elif char.isdecimal():
            folded = str(unicodedata.decimal(char))
        else:
            folded = char
        if folded:
            pieces.append(folded)
            positions.append(position)
    return "".join(pieces), positions


def restore_folded(redacted: str, folded: str, positions: list[int], text: str) -> str:
    """``redacted`` (the detectors' result on ``folded``, from :func:`fold_for_detection` of ``text``) with what the
    detectors left of ``folded`` written as ``text`` has it, and the placeholders they wrote.

    What the detectors left lies between their placeholders, each piece of ``folded`` in order: each is looked for
    after the previous one (the first at the start, the last at the end). A piece that cannot be found stays as the
    detectors left it."""
    pieces = _PLAIN_PLACEHOLDER.split(redacted)
    placeholders = _PLAIN_PLACEHOLDER.findall(redacted)
    out: list[str] = []
    searched_from = 0
    for index, piece in enumerate(pieces):
        if piece:
            if index == 0:
                at = 0 if folded.startswith(piece) else -1
            elif index == len(pieces) - 1 and folded.endswith(piece) and len(folded) - len(piece) >= searched_from:
                at = len(folded) - len(piece)
            else:
                at = folded.find(piece, searched_from)
            if at < 0:
                out.append(piece)
            else:
                # With the invisible characters taken out around it (none is inside a placeholder's span).
                start = positions[at - 1] + 1 if at else 0
                end = positions[at + len(piece)] if at + len(piece) < len(positions) else len(text)
                out.append(text[start:end])
                searched_from = at + len(piece)
        if index < len(placeholders):
            out.append(placeholders[index])
            # A placeholder stands for at least one character.
            searched_from += 1
    return "".join(out)
