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
(:func:`_could_hold_an_address`): 0.6% of the benchmark's event texts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from feedback_loop.privacy.addresses import (
    HOUSE_NUMBER,
    NUMBERING_WORDS,
    ROMANCE_STREET_WORD,
    ROMANCE_STREET_WORDS,
    STREET_SUFFIXES,
    STREET_WORDS,
    WEAK_STREET_WORDS,
)
from feedback_loop.privacy.alternations import by_first_letter
from feedback_loop.privacy.english_words import adjectives, adverbs, inflected_verb_form
from feedback_loop.privacy.names import everyday_words, no_english_word, sentence_around
from feedback_loop.privacy.pii_model import AddressPart, address_parts
from feedback_loop.privacy.placeholders import PLACEHOLDER_PATTERN, PLACEHOLDERS, union_of_spans

Span = tuple[int, int]
# The most characters the model reads around a house number: a sentence of an e-mail or a form's line.
WINDOW_CHARS = 120
# A number a house could have (the rules' HOUSE_NUMBER, or a block's letter before it: "B-204") before a word ("12
# Baker", "B-204, Lodha", "4-26-18 Jingumae") or after one ("Calle Mayor 7", "carrer de mallorca 401"); not an
# order's "#12", a time, a decimal, a share or an e-mail's digits.
_NUMBER_OF_A_HOUSE = rf"(?<![\w./:#<>@-])(?:[A-Za-z]-)?{HOUSE_NUMBER}(?![\w./:%°@-])"
_HOUSE_NUMBER_BESIDE_A_WORD = re.compile(
    rf"{_NUMBER_OF_A_HOUSE}(?=,?[ \t]+[^\W\d_]{{2}})|(?<=[^\W\d_]{{2}}[ \t]){_NUMBER_OF_A_HOUSE}"
)
# What the model may read as a house number and a house has: "12", "221B", "50 bis", "B-204", "4-26-18", "3-45/2".
_HOUSE_NUMBER_SHAPE = re.compile(rf"(?:[A-Za-z]{{1,2}}-?)?{HOUSE_NUMBER}(?:[ \t]+(?:bis|ter))?")
_ADDRESS_PLACEHOLDER = PLACEHOLDERS["ADDRESS"]
_PART_BEFORE_A_PLACEHOLDER = re.compile(
    r"(?:\d[\w/-]*|[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]*(?:[ \t]+(?:de|van|von|da|di|du|la))?),?[ \t]+$"
)
_DIGIT = re.compile(r"\d")
_CAPITALISED_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]*"
# Parts of an address that make a house number and a street one: a street alone is what a product's name looks like.
_PARTS_AFTER_A_STREET = frozenset(("SECONDARY_ADDRESS", "CITY", "STATE", "ZIP_CODE"))
# What the rules' address may have right before it that they did not take: "302, <ADDRESS>", "Witte de <ADDRESS>",
# a Korean building and flat "101-1203, <ADDRESS>" (which the model reads as a postcode). Not a city or a state:
# "Lakcím: Budapest, <ADDRESS>" names the city before the street, as the rules leave it.
_PARTS_BEFORE_A_PLACEHOLDER = frozenset(("BUILDING_NUMBER", "STREET_NAME", "SECONDARY_ADDRESS", "ZIP_CODE"))
# What a span of the model's tokens may start or end with: a letter, a digit, a floor's "º" (not an emoji the
# tokenizer joined to the city before it).
_IN_A_WORD = re.compile(r"[\wºª°]")
# A score or a range: "2-1", "10-12".
_SCORE = re.compile(r"\d{1,2}-\d{1,2}")
# Words that number what is no house, beyond the rules' (addresses.NUMBERING_WORDS): a road's lane or number, which
# the model reads as a street ("Lane 3", "Route 66", "Street 5"), a hotel's room, a game's score, a seat or a gate.
_MORE_NUMBERING_WORDS = frozenset(
    [
        "lane",
        "route",
        "street",
        "number",
        "room",
        "suite",
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
    ]
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?[ \t]*[#:]?[ \t]*$")
# A flat's, house's or building's word before a house number, which may be capitalised ("Flat 3, 27 Rue ...").
_UNIT_WORDS = frozenset(["apartment", "apt", "flat", "unit", "house", "no", "nr", "block", "blk", "building", "plot"])
# Between two parts of one address: spaces and a comma, after what ends a floor's number ("4º izq").
_BETWEEN_PARTS = re.compile(r"[ºª°.]?[ \t]*,?[ \t]*")
# The street words of the rules (English, Romance and other languages' words before or after a street's name, and the
# words that end one word of a street, "Withstraat", "Kastanienallee"), in any case.
_ANY_STREET_WORD = by_first_letter(f"{STREET_WORDS}|{WEAK_STREET_WORDS}|{ROMANCE_STREET_WORDS}")
_STREET_WORD_IN_IT = re.compile(rf"(?i)(?<![\w-])(?:{_ANY_STREET_WORD})(?![\w-])\.?")
# What names a street (_named_a_street): a word of the languages that put it first, a street word last, a suffix.
_OPENING_STREET_WORD = re.compile(rf"(?i)^(?:{ROMANCE_STREET_WORD})\.?(?=\s)")
_LAST_STREET_WORD = re.compile(rf"(?i)(?<![\w-])(?:{_ANY_STREET_WORD})\.?$")
_SUFFIXED_STREET = re.compile(rf"(?i)[^\W\d_](?:{STREET_SUFFIXES})$")
# English's own street words ("road", "street"), everyday words that still name a street in lower case.
_ENGLISH_STREET_WORD = re.compile(rf"(?i)(?:{STREET_WORDS})")
# A street word of the rules as a whole word, or a word ending in one of their street suffixes ("Kastanienallee").
_STREET_WORD_ALONE = re.compile(rf"(?i)(?:{_ANY_STREET_WORD})\.?|[^\W\d_]+(?:{STREET_SUFFIXES})")
_CAPITALISED = re.compile(_CAPITALISED_WORD)
# The words the house number's context is read from, each with what ends it: "Mayor,", "Rd.", "Bạc,".
_WORD_AROUND = re.compile(r"[^\s,;:!?()]+,?")


def addresses_read_by_the_model(texts: Sequence[str]) -> list[list[Span]]:
    """For each text, the spans of the addresses the model reads (see the module documentation), in order and apart;
    the spans of the rules' ``<ADDRESS>`` placeholders are part of the spans they join."""
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
        found.append(union_of_spans(spans))
    return found


def _windows(text: str) -> list[Span]:
    """The sentences around the rules' addresses and around house numbers beside words that could be an address's
    (:func:`_could_hold_an_address`), joined where they overlap."""
    anchors: list[int] = []
    position = text.find(_ADDRESS_PLACEHOLDER)
    while position >= 0:
        # Only where a number or a capitalised word right before it may be a part the rules left ("302, <ADDRESS>",
        # "Witte de <ADDRESS>"), not "ship to <ADDRESS>".
        if _PART_BEFORE_A_PLACEHOLDER.search(text, max(0, position - 40), position):
            anchors.append(position)
        position = text.find(_ADDRESS_PLACEHOLDER, position + 1)
    # Most texts have no digit: the cheapest test first.
    if _DIGIT.search(text):
        anchors += [
            match.start()
            for match in _HOUSE_NUMBER_BESIDE_A_WORD.finditer(text)
            if _could_hold_an_address(text, *match.span())
        ]
    windows: list[list[int]] = []
    for anchor in sorted(anchors):
        start, end = sentence_around(text, anchor, WINDOW_CHARS)
        # A window cut at its width may end inside an address that the next anchor's window holds whole: windows that
        # overlap are joined, up to twice the width (the model reads 510 tokens; a long text of many numbers and no
        # full stop would be one window); past it a new window overlaps the last, and spans are merged after.
        if windows and start < windows[-1][1] and max(end, windows[-1][1]) - windows[-1][0] <= 2 * WINDOW_CHARS:
            windows[-1][1] = max(windows[-1][1], end)
        elif not windows or end > windows[-1][1]:
            windows.append([start, end])
    return [(start, end) for start, end in windows]


def _could_hold_an_address(text: str, start: int, end: int) -> bool:
    """True when the number at ``text[start:end]`` has what the model's parts need to make an address
    (:func:`_house_and_street`) around it: a street word at most four words away ("12 old county road", "Calle Mayor
    7", "58 kastanienallee"), or capitalised words and a comma after it ("18 Hàng Bạc, Hoàn Kiếm") or a capitalised
    word before it and a comma after it ("Hàng Bạc 18, Hà Nội"). Most numbers beside words are none ("up to 3 days",
    "Since build 1187, this setting")."""
    low, high = max(0, start - 80), min(len(text), end + 80)
    # A word the 80 characters cut is none: "...Roadrunner" is no "Road".
    while low > 0 and not text[low - 1].isspace() and low < start:
        low += 1
    while high < len(text) and not text[high].isspace() and high > end:
        high -= 1
    after = _WORD_AROUND.findall(text, end, high)[:5]
    before = _WORD_AROUND.findall(text, low, start)[-5:]
    if any(_STREET_WORD_ALONE.fullmatch(word.rstrip(",")) for word in (*before, *after)):
        return True
    number_ends_a_clause = text.startswith(",", end)
    if before and number_ends_a_clause and _CAPITALISED.fullmatch(before[-1]):
        return True
    for word in after[:4]:
        if not _CAPITALISED.fullmatch(word.rstrip(",")):
            return False
        if word.endswith(","):
            return True
    return False


def _addresses(window: str, parts: Sequence[AddressPart]) -> list[Span]:
    """The addresses in one ``window`` that its ``parts`` (the model's reading) make: a house number and a street
    with what follows them, and the house number, street or flat right before a placeholder of the rules."""
    placeholders = [match.span() for match in PLACEHOLDER_PATTERN.finditer(window)]
    # A part the model reads over a placeholder ("<", "ADDRESS", "<PHONE>") is no part: the placeholder is.
    outside = [part for part in parts if not any(part[1] < end and start < part[2] for start, end in placeholders)]
    found = [
        (outside[first][1], outside[last][2])
        for first, last in _runs(window, outside)
        if _house_and_street(window, outside[first : last + 1])
    ]
    for placeholder_start, end in placeholders:
        if window[placeholder_start:end] != _ADDRESS_PLACEHOLDER:
            continue
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
    # A street the model reads right before the rules' address is both a run of its own and a part before the
    # placeholder: one address.
    return union_of_spans([_whole_words(window, span) for span in found])


def _whole_words(window: str, span: Span) -> Span:
    """``span`` widened to the words it cuts (the model's tokens may leave a word's end out: "4º", "12bis") and
    narrowed to what words hold at its ends (an emoji the tokenizer joined to a city)."""
    start, end = span
    while start > 0 and _IN_A_WORD.match(window[start - 1]):
        start -= 1
    while end < len(window) and _IN_A_WORD.match(window[end]):
        end += 1
    while end > start and not _IN_A_WORD.match(window[end - 1]) and window[end - 1] != ">":
        end -= 1
    while start < end and not _IN_A_WORD.match(window[start]) and window[start] != "<":
        start += 1
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
    """True when ``run`` holds a house number right beside a street (see the module documentation)."""
    for index, (label, start, end) in enumerate(run):
        if label != "BUILDING_NUMBER" or not _house_number(window, start, end):
            continue
        for neighbour in (index - 1, index + 1):
            if not 0 <= neighbour < len(run) or run[neighbour][0] != "STREET_NAME":
                continue
            street_start, street_end = run[neighbour][1], run[neighbour][2]
            street = window[street_start:street_end]
            named_a_street = _named_a_street(street)
            # "Lane 3" is no street's name; "Boeing 737 Max", "Liverpool 1", "112 Celtics 108" name a product or a
            # score, "Abbey Road 50 Anniversary Edition" an album: a street before its house number has a street word,
            # no number before it, and the number ends the street's clause or a part follows ("Calle Mayor 7, ...");
            # one after it has a street word or no number after it, and no product's name before the number.
            if (
                not _STREET_WORD_IN_IT.sub("", street).strip(" .,-")
                or (
                    neighbour < index
                    and (
                        not named_a_street
                        or _NUMBER_BEFORE.search(window, 0, street_start)
                        or not _NUMBER_ENDS.match(window, end)
                    )
                )
                or (
                    neighbour > index
                    and (
                        (not named_a_street and _NUMBER_AFTER.match(window, street_end))
                        or _after_a_products_name(window, start)
                        or _products_name_goes_on(window, street_end, run[neighbour + 1 :])
                    )
                )
            ):
                continue
            after = [part for part in run[max(index, neighbour) + 1 :] if part[0] in _PARTS_AFTER_A_STREET]
            if street.islower():
                if _a_street_in_lower_case(window, street, (start, end), (street_start, street_end), after):
                    return True
            # A street with no street word, an address after it, has a name no English dictionary holds ("18 Hàng
            # Bạc, Hoàn Kiếm, Hà Nội"): "5 Hill Walks, Lake District, Cumbria" names walks.
            elif named_a_street or (after and any(no_english_word(word.lower()) for word in _WORDS.findall(street))):
                return True
    return False


_NUMBER_BEFORE = re.compile(r"\d[ \t]+$")
_NUMBER_AFTER = re.compile(r"[ \t]+\d")
# What may follow a house number after its street: the end of the clause, a flat's "bis", a floor's "º", or the next
# part of the address ("Calle Mayor 7, Madrid", "Witte de Withstraat 50 bis", "via roma 4 torino").
_NUMBER_ENDS = re.compile(r"[ºª°]?(?:[ \t]*(?:[,.;:!?)\n—–-]|$)|[ \t]+(?:bis|ter)\b)")


def _a_street_in_lower_case(
    window: str, street: str, number: Span, street_span: Span, after: Sequence[AddressPart]
) -> bool:
    """Chat's lower case writes a recipe's or a list's lines as the model reads addresses ("4 cloves garlic, minced",
    "dinner at 8, taco place, downtown", "21 jump street, hilarious"): a street there needs a street word opening it
    as Romance languages write it ("rue des lilas", "calle mayor") or ending it that is no everyday word (or one of
    English's own: "road", "street"), no comma between it and its house number, and a city, state or postcode after a
    comma that is no adjective, adverb or verb's form."""
    last = street.split()[-1]
    if not (
        _OPENING_STREET_WORD.match(street)
        or _ENGLISH_STREET_WORD.fullmatch(last)
        or (_STREET_WORD_IN_IT.fullmatch(last) and last.rstrip(".") not in everyday_words())
        or _SUFFIXED_STREET.search(street)
    ):
        return False
    if "," in window[min(number[1], street_span[1]) : max(number[0], street_span[0])]:
        return False
    return any(
        part != "SECONDARY_ADDRESS"
        and "," in window[street_span[1] : part_start]
        and not all(_no_place_word(word) for word in window[part_start:part_end].split())
        for part, part_start, part_end in after
    )


def _named_a_street(street: str) -> bool:
    """True for a street named so: by a word of the languages that put it first ("Calle Mayor", "rue des lilas",
    "Jalan Ampang"; not English's "Hill Walks"), by a street word last ("Dunmore Rd"), or by a street suffix
    ("Kastanienallee")."""
    return bool(
        _OPENING_STREET_WORD.match(street) or _LAST_STREET_WORD.search(street) or _SUFFIXED_STREET.search(street)
    )


def _no_place_word(word: str) -> bool:
    """True for an adjective, an adverb or a verb's form that names no place: "hilarious", "minced", "downtown"."""
    lower = word.lower()
    return lower in adjectives() or lower in adverbs() or inflected_verb_form(lower)


def _house_number(window: str, start: int, end: int) -> bool:
    """True for what a house has as a number (:data:`_HOUSE_NUMBER_SHAPE`; not a version, "Sonoma 14.4.1", nor a
    count, "1,439,323,776"), no score or range ("2-1 Chelsea"), not numbered by a word of a list, a document or a game
    ("Invoice 12", "Lane 3", "Room 214")."""
    number = window[start:end]
    return (
        _HOUSE_NUMBER_SHAPE.fullmatch(number) is not None
        and not _SCORE.fullmatch(number)
        and not _numbered_by_a_word(window, start)
    )


def _products_name_goes_on(window: str, street_end: int, parts_after: Sequence[AddressPart]) -> bool:
    """True when a capitalised word that is no part of the address follows the street right away: "2 Queen Street
    Lamps", "1 Oak Lane Bookcase" name goods ("12 Baker Street London" goes on with its city)."""
    follows = _CAPITALISED_AFTER.match(window, street_end)
    return follows is not None and not any(part[1] == follows.end() - 1 for part in parts_after[:1])


_WORDS = re.compile(r"[^\W\d_]+")
_CAPITALISED_AFTER = re.compile(r"[ \t]+[A-ZÀ-ÖØ-ÞĀ-Ž]")


def _after_a_products_name(window: str, start: int) -> bool:
    """True when a capitalised word stands right before the number that is no word of the dictionary (a sentence's
    first "Visit" is one), no flat's or house's word: "Boeing 737"."""
    word = _WORD_BEFORE.search(window, max(0, start - 24), start)
    return (
        word is not None
        and word.group(1)[0].isupper()
        and no_english_word(word.group(1).lower())
        and word.group(1).lower() not in _UNIT_WORDS
        and not _STREET_WORD_IN_IT.fullmatch(word.group(1))
        and not window[word.end(1) : start].strip(" \t.")
    )


def _numbered_by_a_word(window: str, start: int) -> bool:
    """True when the number at ``start`` follows a word that numbers things: "Invoice 12", "Lane 3", "Room 214"."""
    word = _WORD_BEFORE.search(window, max(0, start - 24), start)
    bare = "" if word is None else word.group(1).lower()
    return bare in NUMBERING_WORDS or bare in _MORE_NUMBERING_WORDS
