"""Street addresses the rules of :mod:`~feedback_loop.privacy.addresses` leave, read by the PII model
(:mod:`~feedback_loop.privacy.pii_model`) in the ``patterns+ner`` tier.

The rules know addresses by their street words and postcodes, as each country writes them; what they do not
know, they miss: a street word of a language they were not taught ("im at 301 jalan bukit bintang, kuala lumpur"),
lower-case chat ("7 ngaio street, thorndon, wellington"), the flat before a street they read ("302, 94 Wausan-ro").
The PII model labels the parts of an address (house number, street, flat, city, state, postcode) from how a
sentence reads, in any of these.

The model takes a product's name and number for a street and a house number too ("Sage 50", "Greenstar 30i"), so a
sentence's parts make an address only when a house number (:func:`_house_number`: not a version, "Sonoma 14.4.1",
nor a score or an invoice's number) stands right beside a street, with only spaces or a comma between, and a city,
state, postcode or flat follows them, or a street word ends the street ("62 Dunmore Rd"); in lower case, where a
recipe's lines read like addresses ("4 cloves garlic, minced"), a strong street word and a city, state or postcode
after a comma. The parts that follow belong to the address. A house number, flat, street or postcode the model
reads right before a placeholder of the rules belongs to that address ("302, <ADDRESS>"); what follows the rules'
address stays as they left it.

**Speed.** The model reads a sentence (at most :data:`WINDOW_CHARS` characters) only around an address the rules
found, or around a house number beside a word where a street word or a comma-separated place is near
(:data:`_COULD_HOLD_AN_ADDRESS`): 0.5% of the benchmark's event texts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from feedback_loop.privacy.addresses import NUMBERING_WORDS
from feedback_loop.privacy.alternations import by_first_letter
from feedback_loop.privacy.names import sentence_around
from feedback_loop.privacy.pii_model import AddressPart, address_parts
from feedback_loop.privacy.placeholders import PLACEHOLDERS

Span = tuple[int, int]
# The most characters the model reads around a house number: a sentence of an e-mail or a form's line.
WINDOW_CHARS = 120
# A number a house could have before a word ("12 Baker", "B-204, Lodha", "4-26-18 Jingumae") or after one ("Calle
# Mayor 7", "carrer de mallorca 401"); not an order's "#12", a time, a decimal, a share or an e-mail's digits.
_HOUSE_NUMBER = r"(?<![\w./:#<>@-])(?:[A-Za-z]-)?\d{1,5}[A-Za-z]?(?:[-/]\d{1,5}[A-Za-z]?){0,2}(?![\w./:%°@-])"
_HOUSE_NUMBER_BESIDE_A_WORD = re.compile(
    rf"{_HOUSE_NUMBER}(?=,?[ \t]+[^\W\d_]{{2}})|(?<=[^\W\d_]{{2}}[ \t]){_HOUSE_NUMBER}"
)
_ADDRESS_PLACEHOLDER = PLACEHOLDERS["ADDRESS"]
_DIGIT = re.compile(r"\d")
_CAPITALISED_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]*"
# Parts of an address that make a house number and a street one: a street alone is what a product's name looks like.
_PARTS_AFTER_A_STREET = frozenset(("SECONDARY_ADDRESS", "CITY", "STATE", "ZIP_CODE"))
# What the rules' address may have right before it that they did not take: "302, <ADDRESS>", "Witte de <ADDRESS>",
# a Korean building and flat "101-1203, <ADDRESS>" (which the model reads as a postcode). Not a city or a state:
# "Lakcím: Budapest, <ADDRESS>" names the city before the street, as the rules leave it.
_PARTS_BEFORE_A_PLACEHOLDER = frozenset(("BUILDING_NUMBER", "STREET_NAME", "SECONDARY_ADDRESS", "ZIP_CODE"))
_IN_A_WORD = re.compile(r"[\wºª°]")
# A score or a range: "2-1", "10-12".
_SCORE = re.compile(r"\d{1,2}-\d{1,2}")
# Words that number what is no house, beyond the rules' (addresses.NUMBERING_WORDS): a road's lane or number, which
# the model reads as a street ("Lane 3", "Route 66", "Street 5"), a list's number, a game's score, a seat or a gate.
_MORE_NUMBERING_WORDS = frozenset(
    [
        "lane",
        "route",
        "street",
        "no",
        "nr",
        "number",
        "score",
        "game",
        "round",
        "level",
        "seat",
        "gate",
        "platform",
        "model",
        "type",
        "size",
        "code",
        "pin",
        "week",
        "day",
        "year",
        "grade",
        "class",
        "team",
        "group",
        "batch",
        "lot",
    ]
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?[ \t]*[#:]?[ \t]*$")
# Between two parts of one address: spaces and a comma, after what ends a floor's number ("4º izq").
_BETWEEN_PARTS = re.compile(r"[ºª°.]?[ \t]*,?[ \t]*")
# Words that name a street, in the languages of the rules and in chat's lower case: first or last in a street's name
# ("Jalan Ampang", "calle de alcalá", "dunmore rd") or, for a few, the end of its one word ("Withstraat", "Teheran-ro").
# The weak ones are everyday words too ("taco place", "the long way"): in lower case a street needs a strong one.
_STRONG_STREET_WORD = (
    r"street|st|road|rd|avenue|ave|av|boulevard|blvd|lane|ln|highway|hwy|drive|dr|crescent|cres|terrace|tce|parkway"
    r"|pkwy|route|rte|strasse|straße|str|weg|gasse|platz|allee|marg|nagar|calle|carrer|rua|rue|via|avenida|viale"
    r"|corso|ulica|ul|caddesi|sokak|jalan|jl|odos|strada|ulitsa|utca"
)
_WEAK_STREET_WORD = r"way|court|ct|place|pl|close|circle|cir|square|sq|row|walk|grove|gardens|mews"
_STREET_SUFFIX = (
    r"straat|gracht|laan|plein|kade|vej|gade|gatan|gata|veien|strasse|straße|gasse|allee|damm|ufer|-ro|-gil"
)


def _named_a_street(words: str) -> re.Pattern[str]:
    return re.compile(rf"(?i)^(?:{words})\.?(?=\s)|(?<![\w-])(?:{words})\.?$|(?:{_STREET_SUFFIX})$")


_STREET_WORDS = re.compile(rf"(?i)(?<![\w-])(?:{_STRONG_STREET_WORD}|{_WEAK_STREET_WORD})(?![\w-])\.?")
_NAMED_A_STREET = _named_a_street(f"{_STRONG_STREET_WORD}|{_WEAK_STREET_WORD}")
_NAMED_A_STREET_IN_LOWER_CASE = _named_a_street(_STRONG_STREET_WORD)
# What a sentence holds where the model's parts could make an address (_house_and_street): a number and a street word
# at most four words apart ("12 old county road", "Calle Mayor 7", "58 kastanienallee"), or a house number and
# capitalised words with a comma after them ("18 Hàng Bạc, Hoàn Kiếm"; "Hàng Bạc 18, Hà Nội"). Most numbers beside
# words are none ("up to 3 days", "Since build 1187, this setting", "Google Drive shows error 500 when").
_ANY_STREET_WORD = by_first_letter(f"{_STRONG_STREET_WORD}|{_WEAK_STREET_WORD}")
_FEW_WORDS = r"(?:[^\W\d_][^\s,]*[ \t]+){0,4}"
_COULD_HOLD_AN_ADDRESS = re.compile(
    rf"\d[\w/-]*,?[ \t]+{_FEW_WORDS}(?i:{_ANY_STREET_WORD}|[^\W\d_]*(?:{_STREET_SUFFIX}))(?![\w-])"
    rf"|(?<![\w-])(?i:{_ANY_STREET_WORD}|[^\W\d_]*(?:{_STREET_SUFFIX}))\.?[ \t]+{_FEW_WORDS}\d"
    rf"|\d[\w/-]*[ \t]+(?:{_CAPITALISED_WORD}[ \t]+){{0,3}}{_CAPITALISED_WORD},"
    rf"|{_CAPITALISED_WORD}[ \t]+\d[\w/-]*,[ \t]+[\w<]"
)
# What a house number looks like: "12", "221B", "50 bis", "B-204", "4-26-18", "3-45/2".
_HOUSE_NUMBER_SHAPE = re.compile(
    r"(?:[A-Za-z]{1,2}-?)?\d{1,5}[A-Za-z]?(?:[-/]\d{1,5}[A-Za-z]?){0,3}(?:[ \t]+(?:bis|ter))?"
)


def addresses_read_by_the_model(texts: Sequence[str]) -> list[list[Span]]:
    """For each text, the spans of the addresses the model reads (see the module documentation), in order; the
    spans of the rules' ``<ADDRESS>`` placeholders are part of the spans they join."""
    windows = [_windows(text) for text in texts]
    distinct = list(
        dict.fromkeys(text[start:end] for text, spans in zip(texts, windows, strict=True) for start, end in spans)
    )
    read = dict(zip(distinct, address_parts(distinct), strict=True)) if distinct else {}
    found: list[list[Span]] = []
    for text, text_windows in zip(texts, windows, strict=True):
        spans: list[Span] = []
        for start, end in text_windows:
            window = text[start:end]
            spans += [(start + first, start + last) for first, last in _addresses(window, read[window])]
        found.append(spans)
    return found


def _windows(text: str) -> list[Span]:
    """The sentences around the rules' addresses and around house numbers beside words in a sentence that could
    hold an address the model may take (:data:`_COULD_HOLD_AN_ADDRESS`), merged where they meet."""
    anchors = []
    position = text.find(_ADDRESS_PLACEHOLDER)
    while position >= 0:
        anchors.append((position, True))
        position = text.find(_ADDRESS_PLACEHOLDER, position + 1)
    # Most texts have no digit: the cheapest test first.
    if _DIGIT.search(text):
        anchors += [(match.start(), False) for match in _HOUSE_NUMBER_BESIDE_A_WORD.finditer(text)]
    windows: list[Span] = []
    for anchor, placeholder in sorted(anchors):
        if windows and anchor < windows[-1][1]:
            continue
        window = sentence_around(text, anchor, WINDOW_CHARS)
        if placeholder or _COULD_HOLD_AN_ADDRESS.search(text, *window):
            windows.append(window)
    return windows


def _addresses(window: str, parts: Sequence[AddressPart]) -> list[Span]:
    """The addresses in one ``window`` that its ``parts`` (the model's reading) make: a house number and a street
    with what follows them, and the house number, street or flat right before a placeholder of the rules."""
    placeholders = [match.span() for match in re.finditer(re.escape(_ADDRESS_PLACEHOLDER), window)]
    # A part the model reads inside a placeholder ("<", "ADDRESS") is no part: the placeholder is.
    outside = [part for part in parts if not any(start <= part[1] < end for start, end in placeholders)]
    found = [
        (outside[first][1], outside[last][2])
        for first, last in _runs(window, outside)
        if _house_and_street(window, outside[first : last + 1])
    ]
    for placeholder_start, end in placeholders:
        start = placeholder_start
        before = [part for part in outside if part[2] <= start]
        while (
            before
            and before[-1][0] in _PARTS_BEFORE_A_PLACEHOLDER
            and _BETWEEN_PARTS.fullmatch(window, before[-1][2], start)
            and not _numbered_by_a_word(window, before[-1][1])
        ):
            start = before.pop()[1]
        if start < placeholder_start:
            found.append((start, end))
    merged: list[list[int]] = []
    # A street the model reads right before the rules' address is both a run of its own and a part before the
    # placeholder: one address.
    for start, end in sorted(_whole_words(window, span) for span in found):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def _whole_words(window: str, span: Span) -> Span:
    """``span`` widened to the words it cuts: the model's tokens may leave a word's end out ("4º", "12bis")."""
    start, end = span
    while start > 0 and _IN_A_WORD.match(window[start - 1]):
        start -= 1
    while end < len(window) and _IN_A_WORD.match(window[end]):
        end += 1
    return start, end


def _runs(window: str, parts: Sequence[AddressPart]) -> list[tuple[int, int]]:
    """(first, last) indices of the runs of parts with only spaces or a comma between neighbours."""
    runs: list[list[int]] = []
    for index, (_, start, _) in enumerate(parts):
        if runs and _BETWEEN_PARTS.fullmatch(window, parts[index - 1][2], start):
            runs[-1][1] = index
        else:
            runs.append([index, index])
    return [(first, last) for first, last in runs]


def _house_and_street(window: str, run: Sequence[AddressPart]) -> bool:
    """True when ``run`` holds a house number right beside a street, with more of an address after them or a street
    word ending the street (a street in lower case needs more of an address after a comma)."""
    for index, (label, start, end) in enumerate(run):
        if label != "BUILDING_NUMBER" or not _house_number(window, start, end):
            continue
        for neighbour in (index - 1, index + 1):
            if not 0 <= neighbour < len(run) or run[neighbour][0] != "STREET_NAME":
                continue
            street = window[run[neighbour][1] : run[neighbour][2]]
            if not _STREET_WORDS.sub("", street).strip(" .,-"):
                continue
            after = [part for part in run[max(index, neighbour) + 1 :] if part[0] in _PARTS_AFTER_A_STREET]
            # Chat's lower case writes a recipe's or a list's lines as the model reads addresses ("4 cloves garlic,
            # minced", "dinner at 8, taco place, downtown"): a street there needs a strong street word, no comma
            # after its house number, and a city, state or postcode after a comma.
            if street.islower():
                if (
                    _NAMED_A_STREET_IN_LOWER_CASE.search(street)
                    and "," not in window[min(end, run[neighbour][2]) : max(start, run[neighbour][1])]
                    and any(
                        part[0] != "SECONDARY_ADDRESS" and "," in window[run[max(index, neighbour)][2] : part[1]]
                        for part in after
                    )
                ):
                    return True
            elif after or _NAMED_A_STREET.search(street):
                return True
    return False


def _house_number(window: str, start: int, end: int) -> bool:
    """True for what a house has as a number (:data:`_HOUSE_NUMBER_SHAPE`; not a version, "Sonoma 14.4.1", nor a
    count, "1,439,323,776"), no score or range ("2-1 Chelsea"), not numbered by a word of a list, a document or a game
    ("Invoice 12", "Lane 3")."""
    number = window[start:end]
    return (
        _HOUSE_NUMBER_SHAPE.fullmatch(number) is not None
        and not _SCORE.fullmatch(number)
        and not _numbered_by_a_word(window, start)
    )


def _numbered_by_a_word(window: str, start: int) -> bool:
    """True when the number at ``start`` follows a word that numbers things: "Invoice 12", "Lane 3", "No. 5"."""
    word = _WORD_BEFORE.search(window, max(0, start - 24), start)
    return word is not None and (
        word.group(1).lower() in NUMBERING_WORDS or word.group(1).lower() in _MORE_NUMBERING_WORDS
    )
