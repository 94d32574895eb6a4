"""National identity numbers, passport numbers and dates of birth.

The formats and check digits come from ``python-stdnum`` (each number's own module: ``stdnum.de.idnr``,
``stdnum.es.dni``, ...); this module only finds the candidates in free text and decides which need a word
naming them:

==============================  ===========================================================================
what                            found
==============================  ===========================================================================
UK National Insurance number    two letters (the prefixes HMRC issues), six digits, a suffix A-D; spaced or
                                not. It has no check digit: the letter rules alone decide.
German tax id (Steuer-ID)       11 digits passing ISO 7064 and the digit-repetition rule; written ``12 345
                                678 901``, or compact after a word naming it ("Steuer-ID", "tax id", "IdNr")
Spanish DNI / NIE               8 digits and a check letter / X, Y or Z, 7 digits and a check letter
Indian Aadhaar                  12 digits (4-4-4 or compact) passing Verhoeff, not named as something else
                                ("tracking number ...")
Indian PAN                      five letters (the fourth a holder type), four digits, a letter
French INSEE number (NIR)       15 digits (sex, year, month, place, order, key) passing the mod-97 key
Italian codice fiscale          16 characters passing the check character
passport numbers                6-10 letters and digits (a digit at least, or 8-10 capitals), at once or in groups
                                ("K 1234567", "533 380 006"), right after a word naming a passport, in English,
                                German, French, Spanish, Italian or Portuguese
dates of birth                  a date (numeric, or with the month's name) right after "born (on)", "DOB",
                                "date of birth", "birthday", "geboren am", "né le", "fecha de nacimiento" ...;
                                a year alone after "born (in)", "year of birth", "DOB", "Jahrgang", "né en" ...
==============================  ===========================================================================

National ids become ``<NATIONAL_ID>``, passports ``<PASSPORT>``, dates of birth ``<DOB>`` (the word naming
them stays).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from stdnum.de import idnr
from stdnum.es import dni, nie
from stdnum.fr import nir
from stdnum.in_ import aadhaar, pan
from stdnum.it import codicefiscale

from feedback_loop.privacy.patterns import NAMED_AS_SOMETHING_ELSE, SENTENCE_END
from feedback_loop.privacy.placeholders import (
    PLACEHOLDERS,
    RE2_DIGIT,
    RE2_I,
    RE2_LETTERS,
    RE2_SPACE,
    Detector,
    Scan,
    both,
    contains,
    group,
    has_digit,
    number_of,
    re2_not_after,
    re2_not_before,
    re2_words,
    splice,
    substitute,
)

_NATIONAL_ID = PLACEHOLDERS["NATIONAL_ID"]
_END = r"(?![\w-]|[.,/]\d)"
_START = r"(?<![\w.,/#+-])"

# HMRC never issues the prefixes BG, GB, KN, NK, NT, TN, ZZ, nor D, F, I, Q, U, V as either letter, nor O as
# the second.
_NINO = re.compile(
    _START + r"(?i:(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])"
    r"(?P<sep>[ -]?)\d{2}(?P=sep)\d{2}(?P=sep)\d{2}(?P=sep)(?i:[A-D])" + _END
)
# Grouped ids are no part of a longer grouped number ("gift card code 6693 1540 6174 7788"): no group of digits
# right before or after them.
_NOT_AFTER_A_GROUP = r"(?<!\d[ .-])"
_STEUER_ID_GROUPED = re.compile(
    _START + _NOT_AFTER_A_GROUP + r"[1-9]\d(?P<sep>[ .])\d{3}(?P=sep)\d{3}(?P=sep)\d{3}(?!(?P=sep)\d)" + _END
)
_STEUER_ID_NAMED = re.compile(
    r"(?i)\b(?:steuer[- ]?id(?:entifikationsnummer)?|steuerliche\s+identifikationsnummer|identifikationsnummer"
    r"|idnr|id-nr\.?|st\.?-?idnr\.?|tax\s+id(?:entification)?(?:\s+number)?|tin)\b"
    r"(?:\s*(?:\(?steuer-?id\)?|no\.?|nr\.?|number|is|was|lautet|ist|:|#))*\s*"
    r"(?P<value>[1-9]\d{10})" + _END
)
_DNI = re.compile(_START + r"\d{8}[ -]?[A-Za-z]" + _END)
_NIE = re.compile(_START + r"[XYZxyz][ -]?\d{7}[ -]?[A-Za-z]" + _END)
_AADHAAR = re.compile(_START + _NOT_AFTER_A_GROUP + r"[2-9]\d{3}(?P<sep>[ -]?)\d{4}(?P=sep)\d{4}(?![ -]\d)" + _END)
_PAN = re.compile(r"(?<![\w-])[A-Z]{3}[ABCFGHJLPT][A-Z]\d{4}[A-Z](?![\w-])")
# In any case where "PAN" names it: "my pan is bnzpm2501q".
_PAN_NAMED = re.compile(
    r"(?i)\bpan(?:[ \t]+(?:card|number|no\.?))*(?:[ \t]*(?:is|was|:|#|-))*[ \t]*"
    r"(?P<value>[a-z]{3}[abcfghjlpt][a-z]\d{4}[a-z])(?![\w-])"
)
_NIR = re.compile(
    _START
    + r"[12](?P<sep>[ .]?)\d{2}(?P=sep)\d{2}(?P=sep)(?:\d{2}|2[ABab])(?P=sep)\d{3}(?P=sep)\d{3}(?P=sep)?\d{2}"
    + _END
)
_OMOCODE = "0-9LMNPQRSTUV"
_CODICE_FISCALE = re.compile(
    rf"(?i)(?<![\w-])[A-Z]{{6}}[{_OMOCODE}]{{2}}[ABCDEHLMPRST][{_OMOCODE}]{{2}}[A-Z][{_OMOCODE}]{{3}}[A-Z](?![\w-])"
)


_SEPARATORS = re.compile(r"[\s.-]")
_IBAN_START_BEFORE = re.compile(r"\b[A-Z]{2}\d{2}(?: [A-Z0-9]{4})* $")


def _compact(text: str) -> str:
    return _SEPARATORS.sub("", text).upper()


def _validated(is_valid, *, named_check: bool = False):
    """A replacement that keeps a candidate failing ``is_valid`` (its check digits), or, with ``named_check``,
    one named as something else right before it ("tracking number 2345 6789 0123")."""

    def replace(match: re.Match[str]) -> str | None:
        # "PT29 8639 0781 3580 ...": digits in the groups of a bank account number (one failing its check).
        if _IBAN_START_BEFORE.search(match.string, max(0, match.start() - 40), match.start()):
            return None
        if named_check:
            sentence = SENTENCE_END.split(match.string[max(0, match.start() - 40) : match.start()])[-1]
            if NAMED_AS_SOMETHING_ELSE.search(sentence):
                return None
        return _NATIONAL_ID if is_valid(_compact(match.group(0))) else None

    return replace


def _steuer_id(match: re.Match[str]) -> str | None:
    return group("NATIONAL_ID", "value")(match) if idnr.is_valid(match.group("value")) else None


# --- passports ----------------------------------------------------------------------------------------------

_PASSPORT = re.compile(
    r"(?i)\b(?:passport|pass\s+no\.?|reisepass(?:nummer)?|passnummer|passeport|pasaporte|passaporto|passaporte)"
    r"(?:\s*(?:number|num|no\.?|nr\.?|n[º°o]\.?|#|is|was|reads|ist|lautet|est|es|è|:|-|\(|\)))*\s*"
    r"(?P<value>(?=[A-Za-z]*\d)[A-Za-z0-9]{6,10}|(?-i:[A-Z0-9]{8,10})"
    # Printed or read out in groups: "K 1234567", "533 380 006", "12 34 56 789" (_passport counts the characters).
    r"|(?-i:[A-Z]{1,2}[ -]?)?\d{2,9}(?:[ -]\d{2,9}){0,4})(?![\w-])"
)
# The characters of a passport number, whether written at once or in groups.
PASSPORT_CHARACTERS = range(6, 11)


def _passport(match: re.Match[str]) -> str | None:
    characters = sum(char.isalnum() for char in match.group("value"))
    return group("PASSPORT", "value")(match) if characters in PASSPORT_CHARACTERS else None


# --- dates of birth -----------------------------------------------------------------------------------------

# The months' names and abbreviations, in English, German, French, Spanish and Italian, in lower case (read with
# re.IGNORECASE or "(?i:...)"); addresses and namesakes read them too.
MONTHS = (
    r"(?:jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|f[ée]vrier|mar(?:ch|s)?|m[äa]rz|apr(?:il)?|avril|may|mai|june?"
    r"|juin|july?|juillet|aug(?:ust)?|ao[ûu]t|sep(?:t(?:ember)?)?|septembre|oct(?:ober)?|okt(?:ober)?|octobre"
    r"|nov(?:ember)?|novembre|dec(?:ember)?|dez(?:ember)?|d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio"
    r"|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre"
    r"|ottobre|dicembre)\.?"
)
_DATE = (
    r"(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d|(?:19|20)\d\d[./-]\d{1,2}[./-]\d{1,2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th|er|º)?\.?\s+(?:of\s+|de\s+)?{MONTHS},?\s+(?:de\s+)?(?:19|20)\d\d"
    rf"|{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    # "12-Mar-1985", "12/MAR/1985", "1985-Mar-12": the month's name between dashes or slashes.
    rf"|\d{{1,2}}(?P<month_sep>[-/]){MONTHS}(?P=month_sep)(?:19|20)\d\d"
    rf"|(?:19|20)\d\d(?P<year_sep>[-/]){MONTHS}(?P=year_sep)\d{{1,2}})"
)
_DATE_OF_BIRTH = re.compile(
    r"(?i)\b(?:born(?:\s+on)?|d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|birthday|bday|geboren(?:\s+am)?"
    r"|geburtsdatum|geb\.|n[ée]e?\s+le|date\s+de\s+naissance|fecha\s+de\s+nacimiento|nacid[oa]\s+el"
    r"|data\s+di\s+nascita|nat[oa]\s+il|data\s+de\s+nascimento)"
    r"(?:\s*(?:is|was|:|-|=|\(|\)|on|the|am|el|il|le))*\s*"
    rf"(?P<value>{_DATE})(?![\w]|[./-]\d)"
)
# A year of birth alone: "born in 1985", "year of birth: 1985", "DOB 1985", "Jahrgang 1985", "né en 1985".
_YEAR_OF_BIRTH = re.compile(
    r"(?i)\b(?:born(?:\s+in)?|year\s+of\s+birth|birth\s*year|d\.?o\.?b\.?|jahrgang|geburtsjahr|geboren(?:\s+im)?"
    r"|n[ée]e?\s+en|ann[ée]e\s+de\s+naissance|nacid[oa]\s+en|año\s+de\s+nacimiento|nat[oa]\s+nel"
    r"|anno\s+di\s+nascita|ano\s+de\s+nascimento)"
    r"(?:\s*(?:is|was|:|-|=|\(|\)))*\s*(?P<value>(?:19|20)\d\d)(?![\w]|[./-]\d)"
)


# --- values under keys that name them, as machines write them ---------------------------------------------

# JSON ("dob": "1985-03-12"), JSON escaped inside a string (\"dob\": \"...\"), key=value, key: 'value' and XML
# (<dob>...</dob>), the key in snake_case, camelCase, kebab-case or dotted, with a prefix or not ("customer_dob",
# "user.taxId", "passportNo"). The key says what the value is; the value's shape only has to fit (a date, a
# passport number's characters, an SSN's nine digits, an id with a digit), so "dob": "unknown" stays.
_KEY_JOIN = r"[_.\-]?"


def _key(*words: str) -> str:
    return _KEY_JOIN.join(words)


_NUMBER_WORD = rf"(?:{_KEY_JOIN}(?:number|num|no|nr|id))?"
# Per type: the keys naming it, and the words one of which opens each key (the trigger and column pre-scan).
_KEYS_BY_KIND: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "DOB": (
        ("dob", "bday", _key("date", "of", "birth"), _key("birth", "date"), _key("birth", "day"), "geburtsdatum",
         _key("fecha", "de", "nacimiento"), _key("date", "de", "naissance"), _key("data", "di", "nascita"),
         _key("data", "de", "nascimento")),
        ("dob", "bday", "date", "birth", "geburtsdatum", "fecha", "data"),
    ),
    "PASSPORT": (
        ("passport" + _NUMBER_WORD, "reisepass(?:nummer)?", "passnummer", "passeport", "pasaporte", "passaporto"),
        ("passport", "reisepass", "passnummer", "passeport", "pasaporte", "passaporto"),
    ),
    "SSN": (("ssn", _key("social", "security") + _NUMBER_WORD), ("ssn", "social")),
    "NATIONAL_ID": (
        (_key("national", "id") + _NUMBER_WORD, _key("national", "insurance") + _NUMBER_WORD, "nino",
         _key("ni", "number"), _key("tax", "id") + _NUMBER_WORD, _key("tax", "number"), "tin", "idnr",
         _key("steuer", "id") + "(?:entifikationsnummer)?", "aadhaar" + _NUMBER_WORD, _key("pan") + _NUMBER_WORD,
         _key("pan", "card") + _NUMBER_WORD, "dni", "nie", "nif", "nir", "insee", _key("codice", "fiscale"),
         "cpf", "curp", "nric", "bsn", "pesel", "personnummer", "sin", "tfn", _key("id", "card") + _NUMBER_WORD),
        ("national", "nino", "ni", "tax", "tin", "idnr", "steuer", "aadhaar", "pan", "dni", "nie", "nif", "nir",
         "insee", "codice", "cpf", "curp", "nric", "bsn", "pesel", "personnummer", "sin", "tfn", "id"),
    ),
}  # fmt: skip
_FOUR_DIGITS = re.compile(r"\d{4}")
# What a short key ("sin", "pan", "tin", "nir") holds in code and data rather than an id: a decimal number, a
# version, a year and month or a date ("sin = 0.7071", "audio.pan=-0.7500", "tin": "2024-01", "v2.10.1234").
_NO_ID = re.compile(r"[+-]?\d+[.,]\d+|v?\d+(?:\.\d+){2,}|(?:19|20)\d\d[-/.]\d\d?(?:[-/.]\d\d?)?")
_DATE_OR_YEAR = re.compile(rf"(?i)(?:{_DATE}|(?:19|20)\d\d)(?![\d])")
# What the value must look like: a date, a passport number's characters, an SSN's nine digits, an id of six
# characters or more with four digits in a row (a tax id's group too: "12-3456789").
_VALUE_FITS: dict[str, Callable[[str], bool]] = {
    "DOB": lambda value: _DATE_OR_YEAR.match(value) is not None,
    "PASSPORT": lambda value: (
        sum(char.isalnum() for char in value) in PASSPORT_CHARACTERS and any(char.isdigit() for char in value)
    ),
    "SSN": lambda value: len(_compact(value)) == 9 and _compact(value).isdigit(),
    "NATIONAL_ID": lambda value: (
        6 <= sum(char.isalnum() for char in value) <= 24
        and _FOUR_DIGITS.search(value) is not None
        and _NO_ID.fullmatch(value) is None
    ),
}


def _keyed_detector(kind: str) -> Detector:
    """The detector of values of type ``kind`` under a key naming it."""
    keys, words = _KEYS_BY_KIND[kind]
    pattern = re.compile(
        rf"(?i)(?<![\w])(?:[a-z0-9]+[_.\-])?(?:{'|'.join(keys)})(?:\\?[\"'])?"
        r"(?:[ \t]*[:=][ \t]*(?:(?P<quote>\\?[\"'])(?P<quoted>[^\"'\\\n<>]{1,60})(?P=quote)"
        r"|(?P<bare>[^\s\"'\\<>,;&(){}\[\]]{1,60}))|>(?P<element>[^<>\n]{1,60})</)"
    )

    def replace(match: re.Match[str]) -> str | None:
        value_group = next(name for name in ("quoted", "bare", "element") if match.group(name) is not None)
        if not _VALUE_FITS[kind](match.group(value_group).strip()):
            return None
        return splice(match, *match.span(value_group), kind)

    return Detector(
        kind,
        substitute(pattern, replace),
        both(both(contains(":", "=", ">"), has_digit), contains(*words)),
        # The key's first word opens it or follows its prefix's separator ("customer_dob"), never inside a word.
        "(?:^|[^A-Za-z0-9])" + re2_words(*words) + rf"[A-Za-z0-9_.\-]*(?:\\?[\"'])?(?:[ \t]*[:=]|>).*{_D}",
    )


def _pan_named(match: re.Match[str]) -> str | None:
    return group("NATIONAL_ID", "value")(match) if pan.is_valid(match.group("value").upper()) else None


def _digit_run_of(digits: int):
    """The trigger of a detector whose every match holds ``digits`` digits in a row."""
    return lambda scan: scan.digit_run >= digits


# The triggers: the digits each id holds in one number (a NIR's last 8 digits are never cut by its Corsican
# department letters), or in a row; the words that name a Steuer-ID or a date of birth; a codice fiscale's 16
# characters without a space (its digits may all be letters).
_NAMES_A_STEUER_ID = contains("steuer", "identifikationsnummer", "idnr", "id-nr", "tax", "tin")
_BIRTH_WORDS = ("born", "dob", "d.o", "o.b", "birth", "bday", "geb", "jahrgang", "naissance", "nacid", "nacim", "nasc")
_BIRTH_PHRASE = re.compile(r"n[ée]e?\s+(?:le|en)|nat[oa]\s+(?:il|nel)")


def _names_a_birth(scan: Scan) -> bool:
    return any(map(scan.lower.__contains__, _BIRTH_WORDS)) or _BIRTH_PHRASE.search(scan.lower) is not None


# Column pre-scans (RE2, see Detector.prescan): each pattern above without its look-arounds and back references.
_D = RE2_DIGIT
_LETTER = f"[{RE2_LETTERS}]"
_LETTER_OR_DIGIT = f"[0-9{RE2_LETTERS}]"
_START_RE2 = re2_not_after(r".,/#+\-")  # _START
_END_RE2 = re2_not_before(r"\-")  # _END
_WORD_START_RE2 = re2_not_after(r"\-")  # (?<![\w-])
# A word naming a birth (the trigger's words and phrases, which every phrase of the two patterns holds) before the
# date or year, which holds a digit.
# (The date may follow on the next line: "dob:\n1985-03-12".)
_BIRTH_PRESCAN = (
    "(?s:(?:" + re2_words(*_BIRTH_WORDS) + f"|(?i:n[eé]e?{RE2_SPACE}+(?:le|en)|nat[oa]{RE2_SPACE}+(?:{RE2_I}l|nel)))"
    f".*{_D})"
)
IDENTIFIER_DETECTORS: tuple[Detector, ...] = (
    *map(_keyed_detector, _KEYS_BY_KIND),
    Detector(
        "NATIONAL_ID",
        substitute(_NINO, _validated(lambda value: len(value) == 9)),
        number_of(6),
        f"{_START_RE2}{_LETTER}{{2}}[ -]?{_D}{{2}}[ -]?{_D}{{2}}[ -]?{_D}{{2}}[ -]?[A-Da-d]{_END_RE2}",
    ),
    Detector(
        "NATIONAL_ID",
        substitute(_STEUER_ID_GROUPED, _validated(idnr.is_valid)),
        number_of(11),
        f"{_START_RE2}[1-9]{_D}[ .]{_D}{{3}}[ .]{_D}{{3}}[ .]{_D}{{3}}{_END_RE2}",
    ),
    Detector(
        "NATIONAL_ID",
        substitute(_STEUER_ID_NAMED, _steuer_id),
        both(_NAMES_A_STEUER_ID, _digit_run_of(11)),
        f"[1-9]{_D}{{10}}{_END_RE2}",
    ),
    Detector(
        "NATIONAL_ID",
        substitute(_NIE, _validated(nie.is_valid)),
        _digit_run_of(7),
        f"{_START_RE2}[XYZxyz][ -]?{_D}{{7}}[ -]?[A-Za-z]{_END_RE2}",
    ),
    Detector(
        "NATIONAL_ID",
        substitute(_DNI, _validated(dni.is_valid)),
        _digit_run_of(8),
        f"{_START_RE2}{_D}{{8}}[ -]?[A-Za-z]{_END_RE2}",
    ),
    Detector(
        "NATIONAL_ID",
        substitute(_NIR, _validated(nir.is_valid)),
        number_of(8),
        f"{_START_RE2}[12][ .]?{_D}{{2}}[ .]?{_D}{{2}}[ .]?(?:{_D}{{2}}|2[ABab])"
        f"[ .]?{_D}{{3}}[ .]?{_D}{{3}}[ .]?{_D}{{2}}{_END_RE2}",
    ),
    Detector(
        "NATIONAL_ID",
        substitute(_AADHAAR, _validated(aadhaar.is_valid, named_check=True)),
        number_of(12),
        f"{_START_RE2}[2-9]{_D}{{3}}[ -]?{_D}{{4}}[ -]?{_D}{{4}}{_END_RE2}",
    ),
    Detector(
        "NATIONAL_ID",
        substitute(_PAN, _validated(pan.is_valid)),
        _digit_run_of(4),
        f"{_WORD_START_RE2}[A-Z]{{3}}[ABCFGHJLPT][A-Z]{_D}{{4}}[A-Z]{_END_RE2}",
    ),
    Detector(
        "NATIONAL_ID",
        substitute(_PAN_NAMED, _pan_named),
        both(contains("pan"), _digit_run_of(4)),
        re2_words("pan") + f".*{_D}{{4}}[A-Za-z]{_END_RE2}",
    ),
    Detector(
        "NATIONAL_ID",
        substitute(_CODICE_FISCALE, _validated(codicefiscale.is_valid)),
        lambda scan: scan.longest_word >= 16,
        f"{_WORD_START_RE2}{_LETTER}{{6}}{_LETTER_OR_DIGIT}{{2}}{_LETTER}{_LETTER_OR_DIGIT}{{2}}{_LETTER}"
        f"{_LETTER_OR_DIGIT}{{3}}{_LETTER}{_END_RE2}",
    ),
    Detector(
        "PASSPORT",
        substitute(_PASSPORT, _passport),
        contains("pas"),
        re2_words(
            "passport", "pass no", "reisepass", "passnummer", "passeport", "pasaporte", "passaporto", "passaporte"
        ),
    ),
    Detector(
        "DOB",
        substitute(_DATE_OF_BIRTH, group("DOB", "value")),
        both(number_of(4), _names_a_birth),
        _BIRTH_PRESCAN,
    ),
    Detector(
        "DOB",
        substitute(_YEAR_OF_BIRTH, group("DOB", "value")),
        both(number_of(4), _names_a_birth),
        _BIRTH_PRESCAN,
    ),
)
