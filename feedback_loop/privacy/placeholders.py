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

DetectFunction = Callable[[str], tuple[str, int]]


@dataclass(frozen=True)
class Detector:
    """One detector: its type, what it does, and the cheap test (on the text and its lower-cased copy) without
    which it cannot match."""

    kind: str
    detect: DetectFunction
    trigger: Callable[[str, str], bool]


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


def has_digit(text: str, lower: str) -> bool:
    """The trigger of detectors whose every match holds a digit."""
    return _DIGIT.search(text) is not None


def contains(*needles: str) -> Callable[[str, str], bool]:
    """The trigger of a detector that cannot match without one of ``needles`` (lower case) in the text."""
    return lambda text, lower: any(needle in lower for needle in needles)


def always(text: str, lower: str) -> bool:
    return True


_DIGIT = re.compile(r"\d")
