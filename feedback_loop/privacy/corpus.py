"""A seeded corpus of sentences with planted identifiers, and how well :func:`redact` clears it.

Each sentence is a chat message or log line of the support application built from clauses: clauses that
carry an identifier (an e-mail address, a phone number, ...) and clauses full of near-misses that must stay
as they are (order numbers, dates, versions, prices, hashes, tracking numbers ...). A clean sentence holds
near-miss clauses only. Every identifier is drawn at random in one of many written formats per type, wider
than the formats the detectors were first written for: the measurement is meant to find their gaps.

:func:`measure_redaction` reports, per type, the share of planted identifiers that no longer appear in the
redacted text (recall), and the share of clean sentences that redaction altered (a proxy for precision).
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Callable
from dataclasses import dataclass

from stdnum import luhn, verhoeff
from stdnum.de import idnr
from stdnum.es import dni
from stdnum.fr import nir
from stdnum.in_ import aadhaar
from stdnum.iso7064 import mod_11_10
from stdnum.it import codicefiscale

from feedback_loop.privacy.patterns import IBAN_LENGTHS
from feedback_loop.privacy.placeholders import REDACTION_TYPES
from feedback_loop.privacy.redactor import Redaction, Redactor

DEFAULT_SENTENCES = 3000
# Share of sentences without any identifier: the sample of the clean-sentence alteration rate.
CLEAN_SHARE = 0.35
# Misses and altered clean sentences quoted in the report, for a person to look at.
QUOTED_EXAMPLES = 20


_DIGIT_RUN = re.compile(r"\d{4,}")


@dataclass(frozen=True)
class PlantedIdentifier:
    """One identifier written into a sentence.

    ``value`` is the text that must vanish (the address of ``10.0.0.1:8080``, the value of ``password=...``,
    the ``user:password`` of a URL); ``fragments`` are parts that must vanish as well (the password alone, the
    body lines of a private key), so that redacting only part of an identifier does not count.
    """

    kind: str
    format: str
    value: str
    fragments: tuple[str, ...] = ()

    def survives_in(self, text: str) -> bool:
        """True when the identifier, or one of its fragments, is still in ``text``."""
        return any(part in text for part in (self.value, *self.fragments))

    def digits_left_in(self, redacted: str, sentence: str) -> bool:
        """True when ``redacted`` holds a run of 4+ digits of the value that ``sentence`` holds nowhere else."""
        elsewhere = sentence.replace(self.value, " ")
        return any(digits in redacted and digits not in elsewhere for digits in _DIGIT_RUN.findall(self.value))


@dataclass(frozen=True)
class CorpusSentence:
    """A sentence and the identifiers planted in it (none in a clean sentence)."""

    text: str
    planted: tuple[PlantedIdentifier, ...]


def generate_corpus(n_sentences: int = DEFAULT_SENTENCES, seed: int = 0) -> list[CorpusSentence]:
    """``n_sentences`` sentences, the same ones for the same seed; about 35% of them clean."""
    if not isinstance(n_sentences, int) or n_sentences < 1:
        raise ValueError(f"generate_corpus: field 'n_sentences' must be an int >= 1, got {n_sentences!r}")
    rng = random.Random(f"feedback-loop/redaction-corpus:{seed}")
    sentences = []
    for _ in range(n_sentences):
        if rng.random() < CLEAN_SHARE:
            clauses = [near_miss_clause(rng) for _ in range(rng.randint(1, 3))]
            sentences.append(CorpusSentence(_join(rng, clauses), ()))
            continue
        planted, clauses = [], []
        for _ in range(rng.choices((1, 2, 3), weights=(5, 3, 1))[0]):
            identifier, clause = identifier_clause(rng)
            planted.append(identifier)
            clauses.append(clause)
        if rng.random() < 0.6:
            clauses.insert(rng.randrange(len(clauses) + 1), near_miss_clause(rng))
        sentences.append(CorpusSentence(_join(rng, clauses), tuple(planted)))
    return sentences


def measure_redaction(sentences: list[CorpusSentence], redactor: Redactor | None = None) -> dict:
    """Recall per type and format, the clean-sentence alteration rate, and examples of each failure.

    An identifier counts as redacted when neither its value nor any of its fragments is left in the
    redacted sentence, nor a run of four or more of its digits that the rest of the sentence does not hold (a
    card redacted but for its last group is not redacted). A clean sentence counts as altered when its redacted
    text differs from it at all. The sentences go through ``redactor`` (the default tier's, when None) in
    batches, as ingestion sends them.
    """
    redactor = redactor or Redactor()
    outputs = [redactor_output.text for redactor_output in _redacted(redactor, [s.text for s in sentences])]
    planted = {kind: 0 for kind in REDACTION_TYPES}
    redacted = {kind: 0 for kind in REDACTION_TYPES}
    formats: dict[str, dict[str, int]] = {}
    misses, altered = [], []
    clean = clean_altered = 0
    for sentence, output in zip(sentences, outputs, strict=True):
        if not sentence.planted:
            clean += 1
            if output != sentence.text:
                clean_altered += 1
                altered.append({"input": sentence.text, "output": output})
            continue
        for identifier in sentence.planted:
            tally = formats.setdefault(f"{identifier.kind}/{identifier.format}", {"planted": 0, "redacted": 0})
            planted[identifier.kind] += 1
            tally["planted"] += 1
            if identifier.survives_in(output) or identifier.digits_left_in(output, sentence.text):
                misses.append(
                    {"type": identifier.kind, "format": identifier.format, "value": identifier.value, "output": output}
                )
            else:
                redacted[identifier.kind] += 1
                tally["redacted"] += 1
    return {
        "sentences": len(sentences),
        "clean_sentences": clean,
        "clean_altered": clean_altered,
        "clean_altered_rate": clean_altered / clean if clean else 0.0,
        "per_type": {
            kind: {
                "planted": planted[kind],
                "redacted": redacted[kind],
                "recall": redacted[kind] / planted[kind] if planted[kind] else None,
            }
            for kind in REDACTION_TYPES
        },
        "per_format": dict(sorted(formats.items())),
        "misses": misses[:QUOTED_EXAMPLES],
        "missed": len(misses),
        "altered_clean_examples": altered[:QUOTED_EXAMPLES],
    }


def _redacted(redactor: Redactor, texts: list[str]) -> list[Redaction]:
    """The redactions of ``texts``, none of them None."""
    return [redaction for redaction in redactor.redact_many(texts) if redaction is not None]


# --- sentence assembly ---------------------------------------------------------------------------------------

_OPENERS = (
    "",
    "",
    "",
    "Hi, ",
    "Hello team, ",
    "Quick note: ",
    "FYI ",
    "Update: ",
    "Support ticket: ",
    "[INFO] ",
    "2026-11-29T14:30:00Z WARN ",
    "Re: your request - ",
    "Bonjour, ",
    "Hallo, ",
)
_CONNECTORS = (". ", "; ", ", and ", ". Also, ", " - ", ". Btw ", "\n", ". ")


def _join(rng: random.Random, clauses: list[str]) -> str:
    text = clauses[0]
    for clause in clauses[1:]:
        text += rng.choice(_CONNECTORS) + clause
    ending = rng.choice(("", ".", "!", " thanks", ".", " ?"))
    return rng.choice(_OPENERS) + text + ending


def identifier_clause(rng: random.Random) -> tuple[PlantedIdentifier, str]:
    """A clause carrying one identifier of a type drawn at random, in one of its written formats."""
    kind = rng.choice(REDACTION_TYPES)
    identifier, written = _GENERATORS[kind](rng)
    templates: tuple[str, ...]
    if identifier.format.startswith("assignment_"):
        templates = _ASSIGNMENT_CLAUSES
    elif identifier.format in _BARE_PHONE_FORMATS:
        templates = _BARE_PHONE_CLAUSES
    elif identifier.kind == "SSN" and identifier.format in ("bare", "dots"):
        templates = _BARE_SSN_CLAUSES
    else:
        templates = _CLAUSES[kind]
    return identifier, rng.choice(templates).format(x=written)


def _pick(rng: random.Random, formats: dict[str, Callable[[random.Random], str]]) -> tuple[str, str]:
    name = rng.choice(sorted(formats))
    return name, formats[name](rng)


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _alnum(rng: random.Random, n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


# --- EMAIL --------------------------------------------------------------------------------------------------

_FIRST = (
    "alice",
    "bob",
    "carol",
    "dave",
    "erin",
    "frank",
    "grace",
    "heidi",
    "ivan",
    "judy",
    "mallory",
    "oscar",
    "peggy",
    "trent",
    "victor",
    "walter",
    "yuki",
    "mohammed",
    "priya",
    "chen",
    "olga",
    "juan",
    "fatima",
)
_LAST = (
    "smith",
    "jones",
    "garcia",
    "miller",
    "nguyen",
    "kowalski",
    "schmidt",
    "rossi",
    "dubois",
    "tanaka",
    "okafor",
    "silva",
    "oconnor",
    "van-dijk",
    "li",
    "haddad",
)
_DOMAINS = (
    "example.com",
    "gmail.com",
    "outlook.com",
    "acme-corp.io",
    "mail.company.co.uk",
    "uni-heidelberg.de",
    "orange.fr",
    "yahoo.co.jp",
    "proton.me",
    "startup.technology",
    "web.de",
    "posteo.net",
    "support.bigbank.com.au",
    "x.org",
)


def _email(rng: random.Random) -> tuple[PlantedIdentifier, str]:
    first, last, domain = rng.choice(_FIRST), rng.choice(_LAST), rng.choice(_DOMAINS)
    host, _, tld = domain.partition(".")
    formats = {
        "plain": lambda r: f"{first}.{last}@{domain}",
        "short": lambda r: f"{first[0]}{last}@{domain}",
        "plus_tag": lambda r: f"{first}+{r.choice(('news', 'billing', 'test1'))}@{domain}",
        "digits": lambda r: f"{first}{_digits(r, r.randint(2, 4))}@{domain}",
        "upper": lambda r: f"{first.upper()}.{last.upper()}@{domain.upper()}",
        "capitalised": lambda r: f"{first.capitalize()}.{last.capitalize()}@{domain}",
        "underscore": lambda r: f"{first}_{last}@{domain}",
        "single_letter": lambda r: f"{first[0]}@{domain}",
        "apostrophe": lambda r: f"{first}.o'{last}@{domain}",
        "unicode": lambda r: (
            r.choice(("josé", "zoë", "jürgen", "søren", "ana.maría"))
            + "@"
            + r.choice(("exämple.de", "correo.es", "müller.ch"))
        ),
        "subdomain": lambda r: f"{first}@{r.choice(('eu', 'mail', 'corp'))}.{domain}",
        "brackets": lambda r: f"{first} [at] {host} [dot] {tld}",
        "parens": lambda r: f"{first}(at){domain}",
        "spelled": lambda r: f"{first} at {host} dot {r.choice(('com', 'org', 'net', 'de'))}",
        "url_encoded": lambda r: f"{first}.{last}%40{domain}",
        "digits_domain": lambda r: f"{first}@{r.randint(1, 999)}mail.com",
    }
    name, value = _pick(rng, formats)
    return PlantedIdentifier("EMAIL", name, value), value


# --- PHONE --------------------------------------------------------------------------------------------------


def _nanp(rng: random.Random) -> tuple[str, str, str]:
    area = str(rng.randint(2, 9)) + _digits(rng, 2)
    exchange = str(rng.randint(2, 9)) + _digits(rng, 2)
    return area, exchange, _digits(rng, 4)


def _phone(rng: random.Random) -> tuple[PlantedIdentifier, str]:
    a, e, n = _nanp(rng)

    # Short names keep the format table below readable: k digits, and k digits not starting with 0.
    def d(k: int) -> str:
        return _digits(rng, k)

    def nz(k: int) -> str:
        return str(rng.randint(1, 9)) + _digits(rng, k - 1)

    formats = {
        "us_intl_spaces": lambda r: f"+1 {a} {e} {n}",
        "us_intl_dashes": lambda r: f"+1-{a}-{e}-{n}",
        "us_intl_parens": lambda r: f"+1 ({a}) {e}-{n}",
        "us_intl_dots": lambda r: f"+1.{a}.{e}.{n}",
        "us_intl_compact": lambda r: f"+1{a}{e}{n}",
        "us_parens": lambda r: f"({a}) {e}-{n}",
        "us_parens_tight": lambda r: f"({a}){e}-{n}",
        "us_dashes": lambda r: f"{a}-{e}-{n}",
        "us_dots": lambda r: f"{a}.{e}.{n}",
        "us_spaces": lambda r: f"{a} {e} {n}",
        "us_toll_free": lambda r: f"1-{r.choice(('800', '888', '877'))}-{e}-{n}",
        "us_extension": lambda r: f"{a}-{e}-{n} {r.choice(('x', 'ext. ', 'ext '))}{d(3)}",
        "uk_intl_london": lambda r: f"+44 20 {nz(4)} {d(4)}",
        "uk_intl_trunk": lambda r: f"+44 (0)20 {nz(4)} {d(4)}",
        "uk_national_london": lambda r: f"020 {nz(4)} {d(4)}",
        "uk_mobile": lambda r: f"07{nz(3)} {d(6)}",
        "uk_intl_mobile": lambda r: f"+44 7{nz(3)} {d(6)}",
        "uk_intl_compact": lambda r: f"+447{nz(9)}",
        "uk_00": lambda r: f"0044 20 {nz(4)} {d(4)}",
        "de_intl": lambda r: f"+49 30 {nz(6)}",
        "de_intl_trunk": lambda r: f"+49 (0)30 {nz(7)}",
        "de_00": lambda r: f"0049 30 {nz(6)}",
        "de_national": lambda r: f"030 {nz(7)}",
        "de_slash": lambda r: f"030/{nz(7)}",
        "de_mobile_intl": lambda r: f"+49 17{r.randint(0, 9)} {nz(7)}",
        "de_mobile": lambda r: f"017{r.randint(0, 9)} {nz(7)}",
        "de_dashes": lambda r: f"+49-89-{nz(7)}",
        "fr_intl": lambda r: f"+33 {r.randint(1, 7)} {d(2)} {d(2)} {d(2)} {d(2)}",
        "fr_national": lambda r: f"0{r.randint(1, 7)} {d(2)} {d(2)} {d(2)} {d(2)}",
        "fr_dots": lambda r: f"0{r.randint(6, 7)}.{d(2)}.{d(2)}.{d(2)}.{d(2)}",
        "fr_00": lambda r: f"0033 {r.randint(1, 7)} {d(2)} {d(2)} {d(2)} {d(2)}",
        "es_intl": lambda r: f"+34 6{d(2)} {d(2)} {d(2)} {d(2)}",
        "it_intl": lambda r: f"+39 06 {d(4)} {d(4)}",
        "nl_intl": lambda r: f"+31 20 {d(3)} {d(4)}",
        "in_intl": lambda r: f"+91 9{d(4)} {d(5)}",
        "in_dashes": lambda r: f"+91-9{d(4)}-{d(5)}",
        "au_intl": lambda r: f"+61 2 {d(4)} {d(4)}",
        "au_national": lambda r: f"(02) {d(4)} {d(4)}",
        "jp_intl": lambda r: f"+81 3-{d(4)}-{d(4)}",
        "cn_intl": lambda r: f"+86 13{d(1)} {d(4)} {d(4)}",
        "ru_intl": lambda r: f"+7 495 {d(3)}-{d(2)}-{d(2)}",
        "br_intl": lambda r: f"+55 11 9{d(4)}-{d(4)}",
        "ch_intl": lambda r: f"+41 44 {d(3)} {d(2)} {d(2)}",
        "ie_intl": lambda r: f"+353 1 {d(3)} {d(4)}",
        "za_intl": lambda r: f"+27 21 {d(3)} {d(4)}",
        "mx_intl": lambda r: f"+52 55 {d(4)} {d(4)}",
        "intl_parens_code": lambda r: f"(+44) 20 {nz(4)} {d(4)}",
        "us_intl_mixed": lambda r: f"+1 {a}-{e}-{n}",
        "us_space_dash": lambda r: f"{a} {e}-{n}",
        "us_1_parens": lambda r: f"1 ({a}) {e}-{n}",
        "tel_uri": lambda r: f"tel:+1{a}{e}{n}",
        "uk_mobile_dashes": lambda r: f"07{nz(3)}-{d(3)}-{d(3)}",
        "uk_intl_mobile_3_3": lambda r: f"+44 7{nz(3)} {d(3)} {d(3)}",
        "de_intl_parens_area": lambda r: f"+49 (30) {nz(7)}",
        "se_intl": lambda r: f"+46 8 {d(3)} {d(3)} {d(2)}",
        "se_national": lambda r: f"08-{nz(3)} {d(3)} {d(2)}",
        "fi_intl": lambda r: f"+358 40 {d(3)} {d(4)}",
        "be_intl": lambda r: f"+32 2 {d(3)} {d(2)} {d(2)}",
        "sg_intl": lambda r: f"+65 6{d(3)} {d(4)}",
        "hk_intl": lambda r: f"+852 2{d(3)} {d(4)}",
        "nl_national": lambda r: f"06-{nz(8)}",
        "us_nbsp": lambda r: f"+1\u00a0{a}\u00a0{e}\u00a0{n}",
        "fr_nbsp": lambda r: f"0{r.randint(1, 7)}\u00a0{d(2)}\u00a0{d(2)}\u00a0{d(2)}\u00a0{d(2)}",
        "de_00_parens": lambda r: f"(0049) 30 {nz(6)}",
        "kr_intl": lambda r: f"+82 10-{d(4)}-{d(4)}",
        "jp_national": lambda r: f"03-{d(4)}-{d(4)}",
        "us_slash": lambda r: f"{a}/{e}-{n}",
    }
    name, value = _pick(rng, formats)
    return PlantedIdentifier("PHONE", name, value), value


def _bare_phone(rng: random.Random) -> tuple[PlantedIdentifier, str]:
    """Digit strings without any separator: a phone only next to a phone word, so they get their own clauses."""
    a, e, n = _nanp(rng)
    formats = {
        "us_bare": lambda r: f"{a}{e}{n}",
        "us_bare_1": lambda r: f"1{a}{e}{n}",
        "uk_mobile_bare": lambda r: f"07{r.randint(1, 9)}{_digits(r, 8)}",
        "de_bare": lambda r: f"0{r.randint(2, 9)}{_digits(r, 8)}",
    }
    name, value = _pick(rng, formats)
    return PlantedIdentifier("PHONE", name, value), value


# --- CARD ---------------------------------------------------------------------------------------------------

# (network, leading digits, length, grouping)
_CARD_NETWORKS = (
    ("visa", ("4",), 16, (4, 4, 4, 4)),
    ("visa13", ("4",), 13, None),
    ("mastercard", ("51", "52", "53", "54", "55"), 16, (4, 4, 4, 4)),
    ("mastercard_2", ("2221", "2300", "2500", "2720"), 16, (4, 4, 4, 4)),
    ("amex", ("34", "37"), 15, (4, 6, 5)),
    ("discover", ("6011", "65"), 16, (4, 4, 4, 4)),
    ("jcb", ("3528", "3589"), 16, (4, 4, 4, 4)),
    ("diners", ("36", "38"), 14, (4, 6, 4)),
    ("unionpay19", ("62",), 19, (4, 4, 4, 4, 3)),
    ("maestro", ("6759", "5018"), 16, (4, 4, 4, 4)),
)


def luhn_complete(partial: str) -> str:
    """``partial`` followed by the check digit that makes it pass Luhn."""
    for check in string.digits:
        if luhn.is_valid(partial + check):
            return partial + check
    raise AssertionError("unreachable: one of ten check digits always passes")


def _card_number(rng: random.Random) -> tuple[str, str, tuple[int, ...] | None]:
    network, prefixes, length, grouping = rng.choice(_CARD_NETWORKS)
    prefix = rng.choice(prefixes)
    return network, luhn_complete(prefix + _digits(rng, length - len(prefix) - 1)), grouping


def _grouped(digits: str, grouping: tuple[int, ...], separator: str) -> str:
    parts, start = [], 0
    for size in grouping:
        parts.append(digits[start : start + size])
        start += size
    return separator.join(parts)


def _card(rng: random.Random) -> tuple[PlantedIdentifier, str]:
    network, digits, grouping = _card_number(rng)
    style = rng.choice(("spaces", "dashes", "bare", "nbsp")) if grouping else "bare"
    separator = {"spaces": " ", "dashes": "-", "nbsp": "\u00a0"}.get(style, "")
    value = digits if style == "bare" or grouping is None else _grouped(digits, grouping, separator)
    return PlantedIdentifier("CARD", f"{network}_{style}", value), value


# --- IBAN ---------------------------------------------------------------------------------------------------

# BBAN shapes: 'n' a digit, 'a' an upper-case letter.
_BBAN_SHAPES = {
    "DE": "n" * 18, "GB": "aaaa" + "n" * 14, "FR": "n" * 20 + "a" + "nn", "ES": "n" * 20, "IT": "a" + "n" * 22,
    "NL": "aaaa" + "n" * 10, "BE": "n" * 12, "CH": "n" * 17, "AT": "n" * 16, "PL": "n" * 24, "SE": "n" * 20,
    "IE": "aaaa" + "n" * 14, "PT": "n" * 21, "NO": "n" * 11, "DK": "n" * 14, "FI": "n" * 14, "LU": "n" * 16,
}  # fmt: skip


def iban_check_digits(country: str, bban: str) -> str:
    """The two check digits that make ``country + check + bban`` pass the mod-97 test."""
    numeric = "".join(str(int(char, 36)) for char in bban + country + "00")
    return f"{98 - int(numeric) % 97:02d}"


def _iban_value(rng: random.Random, country: str) -> str:
    bban = "".join(rng.choice(string.digits if c == "n" else string.ascii_uppercase) for c in _BBAN_SHAPES[country])
    iban = country + iban_check_digits(country, bban) + bban
    assert len(iban) == IBAN_LENGTHS[country], country
    return iban


def _iban(rng: random.Random) -> tuple[PlantedIdentifier, str]:
    country = rng.choice(sorted(_BBAN_SHAPES))
    iban = _iban_value(rng, country)
    formats = {
        "compact": lambda: iban,
        "spaced": lambda: " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)),
        "lowercase": lambda: iban.lower(),
        "spaced_lowercase": lambda: " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)).lower(),
    }
    name = rng.choice(sorted(formats))
    value = formats[name]()
    return PlantedIdentifier("IBAN", f"{country}_{name}", value), value


# --- IP -----------------------------------------------------------------------------------------------------


def _ipv4(rng: random.Random) -> str:
    kind = rng.choice(("public", "private10", "private192", "private172"))
    if kind == "private10":
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind == "private192":
        return f"192.168.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind == "private172":
        return f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    first = rng.choice([octet for octet in range(1, 224) if octet not in (10, 127)])
    return ".".join(str(first if i == 0 else rng.randint(0, 255)) for i in range(4))


def _ipv6_groups(rng: random.Random) -> list[str]:
    return [f"{rng.randint(0, 0xFFFF):x}" for _ in range(8)]


def _ip(rng: random.Random) -> tuple[PlantedIdentifier, str]:
    formats = {
        "v4": lambda r: _ipv4(r),
        "v4_port": lambda r: f"{_ipv4(r)}:{r.choice((22, 443, 8080, 5432))}",
        "v4_cidr": lambda r: f"{_ipv4(r)}/{r.choice((16, 24, 32))}",
        "v6_full": lambda r: ":".join(f"{int(g, 16):04x}" for g in _ipv6_groups(r)),
        "v6_short": lambda r: ":".join(_ipv6_groups(r)),
        "v6_compressed": lambda r: "2001:db8::" + ":".join(_ipv6_groups(r)[:3]),
        "v6_upper": lambda r: ":".join(_ipv6_groups(r)).upper(),
        "v6_link_local_zone": lambda r: "fe80::" + ":".join(_ipv6_groups(r)[:4]) + "%eth0",
        "v6_mapped_v4": lambda r: f"::ffff:{_ipv4(r)}",
        "v6_bracket_port": lambda r: "[" + "2a00:1450:" + ":".join(_ipv6_groups(r)[:2]) + "::200e]:443",
    }
    name, written = _pick(rng, formats)
    # A port or prefix length is not the address; the address itself is what must vanish.
    address = written.removeprefix("[").split("]")[0] if written.startswith("[") else written
    if name in ("v4_port", "v4_cidr"):
        address = written.split(":")[0].split("/")[0]
    return PlantedIdentifier("IP", name, address), written


# --- SSN ----------------------------------------------------------------------------------------------------


def _ssn(rng: random.Random) -> tuple[PlantedIdentifier, str]:
    area = rng.choice([n for n in range(1, 900) if n != 666])
    group, serial = rng.randint(1, 99), rng.randint(1, 9999)
    parts = (f"{area:03d}", f"{group:02d}", f"{serial:04d}")
    formats = {"dashes": "-".join(parts), "spaces": " ".join(parts), "bare": "".join(parts), "dots": ".".join(parts)}
    name = rng.choice(sorted(formats))
    return PlantedIdentifier("SSN", name, formats[name]), formats[name]


# --- SECRET -------------------------------------------------------------------------------------------------

_B62 = string.ascii_letters + string.digits
_B64URL = _B62 + "-_"
_UPPER36 = string.ascii_uppercase + string.digits
_HUMAN_PASSWORDS = (
    "hunter2",
    "Tr0ub4dor&3",
    "P@ssw0rd!",
    "letmein",
    "sunshine",
    "dragon",
    "qwerty123",
    "correct-horse-battery-staple",
    "Summer2026!",
    "monkey",
    "iloveyou",
    "Zx9#mK2$pQ",
)


def _password(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(_HUMAN_PASSWORDS)
    return _alnum(rng, rng.randint(10, 24), _B62 + "!#%^*-_")


def _private_key(rng: random.Random) -> tuple[str, tuple[str, ...]]:
    label = rng.choice(
        ("RSA PRIVATE KEY", "PRIVATE KEY", "OPENSSH PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY")
    )
    body = tuple(_alnum(rng, 64, _B62 + "+/") for _ in range(rng.randint(2, 5)))
    return f"-----BEGIN {label}-----\n" + "\n".join(body) + f"\n-----END {label}-----", body


def _secret(rng: random.Random) -> tuple[PlantedIdentifier, str]:
    shapes = {
        "aws_access_key": lambda r: "AKIA" + _alnum(r, 16, _UPPER36),
        "github_classic": lambda r: r.choice(("ghp_", "gho_", "ghs_")) + _alnum(r, 36),
        "github_fine_grained": lambda r: "github_pat_" + _alnum(r, 22) + "_" + _alnum(r, 59),
        "gitlab": lambda r: "glpat-" + _alnum(r, 20, _B64URL),
        "slack": lambda r: f"xox{r.choice('bpas')}-{_digits(r, 12)}-{_digits(r, 13)}-{_alnum(r, 24)}",
        "stripe": lambda r: r.choice(("sk_live_", "rk_live_", "sk_test_")) + _alnum(r, 24),
        "openai": lambda r: "sk-" + _alnum(r, 48),
        "openai_project": lambda r: "sk-proj-" + _alnum(r, 40, _B64URL),
        "google": lambda r: "AIza" + _alnum(r, 35, _B64URL),
        "huggingface": lambda r: "hf_" + _alnum(r, 34),
        "twilio": lambda r: "SK" + _hex(r, 32),
        "slack_webhook": lambda r: (
            f"https://hooks.slack.com/services/T{_alnum(r, 8, _UPPER36)}/B{_alnum(r, 8, _UPPER36)}/" + _alnum(r, 24)
        ),
        "anthropic": lambda r: "sk-ant-api03-" + _alnum(r, 80, _B64URL),
        "jwt": lambda r: f"eyJ{_alnum(r, 20, _B64URL)}.eyJ{_alnum(r, 40, _B64URL)}.{_alnum(r, 43, _B64URL)}",
    }
    roll = rng.random()
    if roll < 0.1:
        block, body = _private_key(rng)
        return PlantedIdentifier("SECRET", "private_key_block", block, fragments=body), block
    if roll < 0.45:
        value = _password(rng) if rng.random() < 0.7 else _alnum(rng, 32)
        name, template = rng.choice(sorted(_ASSIGNMENTS.items()))
        return PlantedIdentifier("SECRET", f"assignment_{name}", value), template.format(v=value)
    name, value = _pick(rng, shapes)
    return PlantedIdentifier("SECRET", name, value), value


# How secrets are written next to their names; the placeholder {v} is the value.
_ASSIGNMENTS = {
    "password_eq": "password={v}",
    "password_colon": "password: {v}",
    "pwd_spaced": "pwd = {v}",
    "json_password": '"password": "{v}"',
    "json_api_key": '"api_key": "{v}"',
    "yaml_api_key": "api_key: {v}",
    "env_db_password": "DB_PASSWORD={v}",
    "env_export": "export OPENAI_API_KEY={v}",
    "client_secret": "client_secret={v}",
    "query_token": "https://api.example.com/v1/items?token={v}&page=2",
    "header_api_key": "X-Api-Key: {v}",
    "quoted_secret": "secret='{v}'",
    "bearer": "Authorization: Bearer {v}",
    "passphrase": "passphrase: {v}",
    "aws_secret": "AWS_SECRET_ACCESS_KEY={v}",
    "toml_token": 'token = "{v}"',
    "cli_flag": "--password {v}",
    "cli_flag_eq": "--api-key={v}",
    "env_pgpassword": "PGPASSWORD={v}",
    "npmrc": "//registry.npmjs.org/:_authToken={v}",
}


# --- URL_CREDENTIALS ----------------------------------------------------------------------------------------

_USERS = ("admin", "app_user", "deploy", "root", "svc-backup", "reporting", "grafana", "jenkins")
_HOSTS = (
    "db.internal",
    "10.0.3.7",
    "cluster0.ab1cd.mongodb.net",
    "rabbit.prod.svc",
    "ftp.example.org",
    "cache-01",
    "warehouse.acme-corp.io",
)


def _url_credentials(rng: random.Random) -> tuple[PlantedIdentifier, str]:
    scheme = rng.choice(
        ("postgres", "postgresql", "mysql", "mongodb+srv", "redis", "amqp", "https", "ftp", "smtp", "sftp")
    )
    user = "" if scheme == "redis" and rng.random() < 0.5 else rng.choice(_USERS)
    password = rng.choice((_password(rng), _alnum(rng, 16), "p%40ss" + _digits(rng, 3), "S3cr3t!" + _digits(rng, 2)))
    userinfo = f"{user}:{password}"
    host = rng.choice(_HOSTS)
    port = rng.choice(("", ":5432", ":6379", ":5672", ":443"))
    path = rng.choice(("", "/app", "/analytics?sslmode=require", "/vhost", "/files/report.csv"))
    url = f"{scheme}://{userinfo}@{host}{port}{path}"
    return PlantedIdentifier("URL_CREDENTIALS", scheme, userinfo, fragments=(password,)), url


# --- clauses ------------------------------------------------------------------------------------------------

# --- PERSON -------------------------------------------------------------------------------------------------

# (given names, family names, family name first?) per naming culture; written for this corpus, not taken from
# the name lists the detector reads.
_NAME_CULTURES: dict[str, tuple[tuple[str, ...], tuple[str, ...], bool]] = {
    "english": (
        ("Oliver", "Amelia", "Harry", "Isla", "George", "Charlotte", "Jack", "Emily"),
        ("Thompson", "Walker", "Hughes", "Bennett", "Clarke", "Fletcher"),
        False,
    ),
    "irish": (
        ("Siobhan", "Ciaran", "Aoife", "Padraig", "Niamh"),
        ("O'Sullivan", "McCarthy", "Gallagher", "Byrne", "Ó Briain"),
        False,
    ),
    "german": (
        ("Jürgen", "Annika", "Lukas", "Friederike", "Matthias"),
        ("Schneider", "Müller", "Hoffmann", "Weißmann", "von Bülow"),
        False,
    ),
    "french": (
        ("Jean-Luc", "Élodie", "Thibault", "Margaux", "Amélie"),
        ("Lefèvre", "Dubois", "Moreau", "de la Fontaine", "Girard"),
        False,
    ),
    "spanish": (
        ("José", "Lucía", "Javier", "Ana Belén", "Iñaki"),
        ("García López", "Fernández", "Martínez Ruiz", "Domínguez"),
        False,
    ),
    "italian": (
        ("Giulia", "Alessandro", "Chiara", "Lorenzo"),
        ("Bianchi", "Esposito", "Ricci", "Colombo", "De Luca"),
        False,
    ),
    "portuguese": (("João", "Mariana", "Thiago", "Beatriz"), ("Oliveira", "Pereira", "dos Santos", "Carvalho"), False),
    "dutch": (("Sanne", "Joris", "Femke", "Pieter"), ("de Vries", "van den Berg", "Jansen", "Visser"), False),
    "polish": (
        ("Katarzyna", "Wojciech", "Małgorzata", "Piotr"),
        ("Wiśniewska", "Kowalczyk", "Zieliński", "Nowak"),
        False,
    ),
    "russian": (("Dmitri", "Yekaterina", "Sergei", "Anastasia"), ("Ivanov", "Smirnova", "Kuznetsov", "Volkova"), False),
    "turkish": (("Mehmet", "Ayşe", "Emre", "Zeynep"), ("Yılmaz", "Demir", "Şahin", "Çelik"), False),
    "arabic": (
        ("Fatima", "Omar", "Layla", "Youssef", "Khalid"),
        ("Al-Sayed", "Haddad", "El-Amin", "Nasser", "bin Rashid"),
        False,
    ),
    "persian": (("Dariush", "Shirin", "Arash", "Niloufar"), ("Tehrani", "Hosseini", "Rahimi", "Karimi"), False),
    "hindi": (
        ("Priya", "Rahul", "Ananya", "Vikram", "Sunita"),
        ("Sharma", "Raghunathan", "Deshpande", "Iyer", "Chatterjee"),
        False,
    ),
    "nigerian": (
        ("Oluwaseun", "Chidi", "Ngozi", "Adebayo", "Funmilayo"),
        ("Adeyemi", "Okonkwo", "Eze", "Balogun"),
        False,
    ),
    "east_african": (("Wanjiru", "Baraka", "Amani", "Zawadi"), ("Kamau", "Otieno", "Mwangi", "Njoroge"), False),
    "south_african": (
        ("Thabo", "Lerato", "Sipho", "Nomvula"),
        ("Mokoena", "Ndlovu", "Dlamini", "van der Merwe"),
        False,
    ),
    "chinese": (("Wei", "Xiuying", "Jun", "Mei Ling", "Hao"), ("Zhang", "Wang", "Liu", "Chen", "Huang"), True),
    "japanese": (("Hiroshi", "Yuki", "Haruto", "Sakura"), ("Tanaka", "Suzuki", "Takahashi", "Watanabe"), False),
    "korean": (("Min-jun", "Seo-yeon", "Ji-hoon", "Hye-jin"), ("Kim", "Park", "Choi", "Jung"), True),
    "vietnamese": (("Thi Mai", "Van An", "Minh Chau", "Quoc Bao"), ("Nguyen", "Tran", "Pham", "Le"), True),
    "filipino": (("Maricel", "Jose Rizal", "Lourdes", "Rodrigo"), ("Dela Cruz", "Santos", "Reyes", "Bautista"), False),
    "hawaiian_maori": (("Leilani", "Keanu", "Aroha", "Tane"), ("Kahale", "Kealoha", "Ngata", "Parata"), False),
    "nordic": (("Björn", "Ingrid", "Søren", "Astrid"), ("Andersson", "Johansen", "Virtanen", "Lindqvist"), False),
    "hungarian": (("László", "Zsófia", "Bence"), ("Nagy", "Kovács", "Szabó"), True),
}
_TITLES = ("Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Mr", "Ms")


def _person(rng: random.Random) -> tuple[PlantedIdentifier, str]:
    culture = rng.choice(sorted(_NAME_CULTURES))
    given_names, family_names, family_first = _NAME_CULTURES[culture]
    given, family = rng.choice(given_names), rng.choice(family_names)
    formats = {
        "full": lambda r: f"{family} {given}" if family_first else f"{given} {family}",
        "titled": lambda r: f"{r.choice(_TITLES)} {family}",
        "given_only": lambda r: given,
    }
    name, written = _pick(rng, formats)
    # The title stays: only the name must go.
    value = written.split(" ", 1)[1] if name == "titled" else written
    return PlantedIdentifier("PERSON", f"{culture}/{name}", value), written


# --- ADDRESS ------------------------------------------------------------------------------------------------

_STREET_NAMES = (
    "Baker",
    "Maple",
    "Oak",
    "King",
    "Station",
    "Church",
    "Victoria",
    "Highland",
    "Lincoln",
    "Elm",
    "Cedar",
    "Mill",
)
_CITIES = ("London", "Springfield", "Leeds", "Austin", "Toronto", "Dublin", "Sydney", "Portland", "Bristol", "Denver")


def _address(rng: random.Random) -> tuple[PlantedIdentifier, str]:
    number = str(rng.randint(1, 2400))
    street = rng.choice(_STREET_NAMES)
    city = rng.choice(_CITIES)
    formats = {
        "us": lambda r: (
            f"{number} {street} {r.choice(('Street', 'St', 'Avenue', 'Ave.', 'Road', 'Blvd', 'Lane'))}, {city}, {r.choice(('TX', 'OR', 'IL', 'CO'))} {_digits(r, 5)}"
        ),
        "us_unit": lambda r: (
            f"{number} {street} {r.choice(('Street', 'Avenue', 'Drive'))}, Apt {r.randint(1, 40)}{r.choice('ABC')}, {city}"
        ),
        "us_weak_street": lambda r: f"{number} {street} {r.choice(('Drive', 'Court', 'Way', 'Place'))}, {city}",
        "uk": lambda r: (
            f"{number} {street} {r.choice(('Road', 'Street', 'Lane', 'Crescent'))}, {city} {r.choice(('NW1', 'LS6', 'BS8', 'M14'))} {r.randint(1, 9)}{r.choice(('AB', 'XE', 'QT', 'HL'))}"
        ),
        "uk_flat": lambda r: f"Flat {r.randint(1, 12)}, {number} {street} Road, {city}",
        "de": lambda r: (
            f"{r.choice(('Haupt', 'Linden', 'Goethe', 'Bahnhof', 'Schiller'))}{r.choice(('straße', 'strasse', 'weg', 'allee'))} {r.randint(1, 150)}{r.choice(('', 'a', 'b'))}, {_digits(r, 5)} {r.choice(('Berlin', 'München', 'Köln'))}"
        ),
        "fr": lambda r: (
            f"{r.randint(1, 90)} {r.choice(('rue', 'avenue', 'boulevard'))} {r.choice(('de la Paix', 'Victor Hugo', 'des Lilas', 'du Moulin'))}, {_digits(r, 5)} {r.choice(('Paris', 'Lyon', 'Nantes'))}"
        ),
        "es": lambda r: (
            f"{r.choice(('Calle', 'Avenida', 'C/'))} {r.choice(('Mayor', 'de Alcalá', 'Gran Vía', 'del Sol'))} {r.randint(1, 200)}, {_digits(r, 5)} {r.choice(('Madrid', 'Sevilla'))}"
        ),
        "it": lambda r: (
            f"{r.choice(('Via', 'Viale', 'Corso'))} {r.choice(('Roma', 'Garibaldi', 'Dante', 'della Repubblica'))} {r.randint(1, 120)}, {_digits(r, 5)} {r.choice(('Milano', 'Torino'))}"
        ),
        "nl": lambda r: (
            f"{r.choice(('Keizers', 'Prinsen', 'Heren'))}gracht {r.randint(1, 600)}, {r.randint(1000, 9999)} {r.choice(('AB', 'KL', 'VN'))} Amsterdam"
        ),
        "br": lambda r: f"Rua {r.choice(('Augusta', 'das Flores', 'Oscar Freire'))} {r.randint(10, 2000)}, São Paulo",
        "se": lambda r: (
            f"{r.choice(('Kungs', 'Drottning', 'Stor'))}gatan {r.randint(1, 90)}, {_digits(r, 3)} {_digits(r, 2)} Stockholm"
        ),
        "in": lambda r: (
            f"Flat {r.randint(101, 905)}, {r.randint(1, 80)} {r.choice(('MG', 'Residency', 'Park'))} Road, {r.choice(('Bengaluru', 'Pune'))} {_digits(r, 6)}"
        ),
        "au": lambda r: (
            f"{number} {r.choice(('George', 'Collins', 'Pitt'))} St, {r.choice(('Sydney NSW', 'Melbourne VIC'))} {_digits(r, 4)}"
        ),
        "po_box": lambda r: f"{r.choice(('P.O. Box', 'PO Box', 'Postfach'))} {r.randint(10, 99999)}",
    }
    name, written = _pick(rng, formats)
    street_line = re.split(r",", written)[1 if name in ("uk_flat", "in") else 0].strip()
    return PlantedIdentifier("ADDRESS", name, written, (street_line,)), written


# --- NATIONAL_ID, PASSPORT, DOB ---------------------------------------------------------------------------------


def _nino(rng: random.Random) -> str:
    first, second = rng.choice("ABCEHJKLMPRSTWXY"), rng.choice("ABCEHJKLMPRSTWXY")
    digits = _digits(rng, 6)
    if rng.random() < 0.5:
        return f"{first}{second}{digits}{rng.choice('ABCD')}"
    return f"{first}{second} {digits[:2]} {digits[2:4]} {digits[4:]} {rng.choice('ABCD')}"


def _steuer_id(rng: random.Random) -> str:
    while True:
        body = str(rng.randint(1, 9)) + _digits(rng, 9)
        number = body + mod_11_10.calc_check_digit(body)
        if idnr.is_valid(number):
            return number


def _dni(rng: random.Random) -> str:
    body = _digits(rng, 8)
    return body + dni.calc_check_digit(body)


def _nie(rng: random.Random) -> str:
    prefix, body = rng.choice("XYZ"), _digits(rng, 7)
    return prefix + body + dni.calc_check_digit(str("XYZ".index(prefix)) + body)


def _aadhaar(rng: random.Random) -> str:
    while True:
        body = str(rng.randint(2, 9)) + _digits(rng, 10)
        number = body + verhoeff.calc_check_digit(body)
        if aadhaar.is_valid(number):
            return number if rng.random() < 0.4 else f"{number[:4]} {number[4:8]} {number[8:]}"


def _pan(rng: random.Random) -> str:
    letters = string.ascii_uppercase
    return (
        "".join(rng.choice(letters) for _ in range(3))
        + rng.choice("PCHFATBLJG")
        + rng.choice(letters)
        + _digits(rng, 4)
        + rng.choice(letters)
    )


def _nir(rng: random.Random) -> str:
    body = f"{rng.randint(1, 2)}{rng.randint(40, 99)}{rng.randint(1, 12):02d}{rng.randint(1, 95):02d}{_digits(rng, 3)}{_digits(rng, 3)}"
    number = body + nir.calc_check_digits(body)
    if rng.random() < 0.5:
        return number
    return " ".join((number[0], number[1:3], number[3:5], number[5:7], number[7:10], number[10:13], number[13:]))


def _codice_fiscale(rng: random.Random) -> str:
    letters = string.ascii_uppercase
    body = (
        "".join(rng.choice(letters) for _ in range(6)) + f"{rng.randint(40, 99)}" + rng.choice("ABCDEHLMPRST")
        + f"{rng.choice((rng.randint(1, 28), rng.randint(41, 68))):02d}" + rng.choice(letters) + _digits(rng, 3)
    )  # fmt: skip
    return body + codicefiscale.calc_check_digit(body)


_NATIONAL_IDS: dict[str, tuple[Callable[[random.Random], str], tuple[str, ...]]] = {
    "uk_nino": (_nino, ("my NI number is {x}", "National Insurance no: {x}", "NINO {x}", "here it is: {x}")),
    "de_steuer_id": (_steuer_id, ("meine Steuer-ID ist {x}", "Steuer-ID: {x}", "my German tax id is {x}", "IdNr {x}")),
    "es_dni": (_dni, ("mi DNI es {x}", "DNI: {x}", "ID {x} attached", "documento {x}")),
    "es_nie": (_nie, ("NIE {x}", "my NIE is {x}", "número de extranjero {x}")),
    "in_aadhaar": (_aadhaar, ("Aadhaar {x}", "my aadhaar number is {x}", "UID: {x}", "ID proof {x}")),
    "in_pan": (_pan, ("PAN {x}", "my PAN card number is {x}", "PAN: {x} for the invoice", "tax id {x}")),
    "fr_nir": (_nir, ("numéro de sécurité sociale {x}", "NIR: {x}", "my French social security number is {x}")),
    "it_codice_fiscale": (_codice_fiscale, ("codice fiscale {x}", "CF: {x}", "il mio codice fiscale è {x}")),
}


def _national_id(rng: random.Random) -> tuple[PlantedIdentifier, str]:
    name = rng.choice(sorted(_NATIONAL_IDS))
    generate, templates = _NATIONAL_IDS[name]
    value = generate(rng)
    return PlantedIdentifier("NATIONAL_ID", name, value), rng.choice(templates).format(x=value)


_PASSPORT_NUMBERS: dict[str, Callable[[random.Random], str]] = {
    "us_uk_9_digits": lambda r: _digits(r, 9),
    "de": lambda r: r.choice("CFGHJK") + _alnum(r, 8, "CFGHJKLMNPRTVWXYZ0123456789"),
    "fr": lambda r: _digits(r, 2) + _alnum(r, 2, string.ascii_uppercase) + _digits(r, 5),
    "in": lambda r: r.choice(string.ascii_uppercase) + _digits(r, 7),
    "es": lambda r: _alnum(r, 3, string.ascii_uppercase) + _digits(r, 6),
}


def _passport(rng: random.Random) -> tuple[PlantedIdentifier, str]:
    name, value = _pick(rng, _PASSPORT_NUMBERS)
    return PlantedIdentifier("PASSPORT", name, value), value


_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _date_of_birth(rng: random.Random) -> tuple[PlantedIdentifier, str]:
    year, month, day = rng.randint(1940, 2006), rng.randint(1, 12), rng.randint(1, 28)
    formats = {
        "iso": lambda r: f"{year}-{month:02d}-{day:02d}",
        "day_month_name": lambda r: f"{day} {_MONTH_NAMES[month - 1]} {year}",
        "month_name_day": lambda r: f"{_MONTH_NAMES[month - 1]} {day}, {year}",
        "slashes": lambda r: f"{day:02d}/{month:02d}/{year}",
        "dots": lambda r: f"{day:02d}.{month:02d}.{year}",
        "ordinal": lambda r: (
            f"{day}{'th' if 4 <= day <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')} of {_MONTH_NAMES[month - 1]} {year}"
        ),
    }
    name, value = _pick(rng, formats)
    return PlantedIdentifier("DOB", name, value), value


_GENERATORS: dict[str, Callable[[random.Random], tuple[PlantedIdentifier, str]]] = {
    "EMAIL": _email,
    "PHONE": lambda r: _bare_phone(r) if r.random() < 0.1 else _phone(r),
    "CARD": _card,
    "IBAN": _iban,
    "IP": _ip,
    "SSN": _ssn,
    "SECRET": _secret,
    "URL_CREDENTIALS": _url_credentials,
    "NATIONAL_ID": _national_id,
    "PASSPORT": _passport,
    "DOB": _date_of_birth,
    "ADDRESS": _address,
    "PERSON": _person,
}

# Clause templates per type; {x} is the identifier as written (a URL's credentials within the whole URL).
_CLAUSES: dict[str, tuple[str, ...]] = {
    # The generator writes the id into a sentence of its own country (a word naming it, or none).
    "NATIONAL_ID": ("{x}", "Hi, {x}", "{x}, thanks"),
    "PASSPORT": (
        "my passport number is {x}",
        "Passport: {x}",
        "passport no. {x}, expires 2031",
        "Reisepass {x}",
        "passeport n° {x}",
        "the passport ({x}) was scanned",
    ),
    "DOB": (
        "born on {x}",
        "DOB: {x}",
        "date of birth {x}",
        "my birthday is {x}",
        "geboren am {x}",
        "D.O.B. {x}, member since 2019",
    ),
    "ADDRESS": (
        "I live at {x}",
        "please ship to {x}",
        "my address is {x}",
        "Address: {x}",
        "the parcel went to {x} instead",
        "{x} is my billing address",
        "we moved to {x} last month",
        "Shipping address:\n{x}",
        "send the invoice to {x} please",
    ),
    "PERSON": (
        "my name is {x}",
        "Name: {x}",
        "Dear {x},\nthanks for your patience",
        "Hi {x}, the refund went through",
        "Best regards,\n{x}",
        "I spoke with {x} yesterday",
        "{x} from your billing team called me",
        "please cc {x} on the reply",
        "can you ask {x} to call me back",
        "the account holder is {x}",
        "Customer: {x}",
        "my colleague {x} has the same problem",
        "{x} ordered it for me",
        "forward this to {x}",
        "this is {x} from the Leeds office",
        "Full name: {x}",
        "From: {x}",
        "agent {x} promised a refund",
        "Thanks,\n{x}",
        "{x} wrote: the app crashes on login",
    ),
    "EMAIL": (
        "my email is {x}",
        "please write to {x}",
        "contact: {x}",
        "send the invoice to {x}",
        "reply-to <{x}>",
        "mailto:{x}",
        "the account ({x}) is locked",
        "CC {x} on this",
        "user {x} reported the bug",
        "email={x}",
        'from: "Support" <{x}>',
        "reach me at {x}",
    ),
    "PHONE": (
        "call me at {x}",
        "my phone number is {x}",
        "tel: {x}",
        "mobile {x}",
        "you can reach me on {x}",
        "phone={x}",
        "Tel. {x}",
        "text me at {x}",
        "my cell: {x}",
        "call {x} after 5pm",
        "whatsapp {x}",
        "contact number {x}",
        "Telefon: {x}",
    ),
    "CARD": (
        "my card {x} was charged twice",
        "card number: {x}",
        "pay with {x}",
        "card {x} exp 12/27",
        "the card ending in {x} was declined",
        "cc={x}",
        "Visa {x}",
        "I used {x} for the order",
        "refund to {x} please",
        "card no. {x} cvv 123",
    ),
    "IBAN": (
        "IBAN: {x}",
        "please transfer to {x}",
        "my IBAN is {x}",
        "account {x}",
        "iban={x}",
        "refund to IBAN {x} by Friday",
        "Kontonummer (IBAN) {x}",
        "beneficiary {x} (BIC DEUTDEFF)",
    ),
    "IP": (
        "login from {x}",
        "client_ip={x}",
        "blocked IP {x} after 5 attempts",
        "server at {x} is down",
        "ssh to {x} failed",
        "request from {x}: 403",
        "the VPN gave me {x}",
        "X-Forwarded-For: {x}",
        "(ip {x})",
    ),
    "SSN": (
        "my SSN is {x}",
        "SSN: {x}",
        "social security number {x}",
        "ssn={x}",
        "SSN# {x}",
        "Social Security No. {x}",
        "for tax form W-9, SSN {x}",
    ),
    "SECRET": (
        "here is my key {x}",
        "token: {x}",
        "I accidentally pasted {x} in the chat",
        "config has {x}",
        "rotate {x} now",
        "leaked credential {x}",
        "env: {x}",
    ),
    "URL_CREDENTIALS": (
        "DATABASE_URL={x}",
        "connect with {x}",
        "the job uses {x} and fails",
        "broker: {x}",
        "see {x} for the dump",
        'url="{x}"',
    ),
}

_ASSIGNMENT_CLAUSES = (
    "config has {x}",
    "I set {x} in the file",
    "the log printed {x}",
    "{x}",
    "my settings: {x}",
    "line 12: {x}",
)
_BARE_PHONE_CLAUSES = (
    "call me at {x}",
    "my phone number is {x}",
    "tel: {x}",
    "mobile {x}",
    "text me at {x}",
    "phone {x}",
    "my cell is {x}",
    "whatsapp: {x}",
)
_BARE_PHONE_FORMATS = frozenset(("us_bare", "us_bare_1", "uk_mobile_bare", "de_bare"))
_BARE_SSN_CLAUSES = ("my SSN is {x}", "SSN: {x}", "social security number {x}", "ssn={x}", "SSN# {x}")


# --- near-misses: written like identifiers, but none ----------------------------------------------------


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def _luhn_failing(rng: random.Random) -> str:
    """A 16-digit number starting like a card whose check digit is wrong."""
    valid = luhn_complete(rng.choice("23456") + _digits(rng, 14))
    wrong = valid[:-1] + str((int(valid[-1]) + rng.randint(1, 9)) % 10)
    return rng.choice((wrong, " ".join(wrong[i : i + 4] for i in range(0, 16, 4))))


def _bad_check_iban(rng: random.Random) -> str:
    iban = _iban_value(rng, rng.choice(sorted(_BBAN_SHAPES)))
    wrong = iban[:2] + f"{(int(iban[2:4]) + rng.randint(1, 50)) % 97 + 2:02d}" + iban[4:]
    return wrong if rng.random() < 0.5 else " ".join(wrong[i : i + 4] for i in range(0, len(wrong), 4))


def _invalid_ssn(rng: random.Random) -> str:
    area, group, serial = f"{rng.randint(1, 899):03d}", f"{rng.randint(1, 99):02d}", f"{rng.randint(1, 9999):04d}"
    choice = rng.randrange(5)
    if choice == 0:
        area = "000"
    elif choice == 1:
        area = "666"
    elif choice == 2:
        area = str(rng.randint(900, 999))
    elif choice == 3:
        group = "00"
    else:
        serial = "0000"
    return f"{area}-{group}-{serial}"


def _uuid(rng: random.Random) -> str:
    h = _hex(rng, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def _isbn13(rng: random.Random) -> str:
    body = "978" + _digits(rng, 9)
    check = (10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body)) % 10) % 10
    return f"{body[:3]}-{body[3]}-{body[4:6]}-{body[6:12]}-{check}"


_NEAR_MISSES: dict[str, Callable[[random.Random], str]] = {
    "order": lambda r: r.choice(
        (
            f"ORD-{r.randint(2019, 2026)}-{_digits(r, 6)}",
            f"#{_digits(r, 8)}",
            f"order {_digits(r, 8)}",
            f"PO-{_digits(r, 5)}",
            f"order no. {_digits(r, 10)}",
            f"invoice INV-{_digits(r, 7)}",
            f"case #{_digits(r, 8)}",
        )
    ),
    "luhn_failing": _luhn_failing,
    "date": lambda r: r.choice(
        (
            f"2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
            f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.2026",
            f"{r.randint(1, 12)}/{r.randint(1, 28)}/2026",
            f"{r.randint(1, 28)} Nov 2026",
            f"2026-11-{r.randint(10, 28)}T{r.randint(10, 23)}:{r.randint(10, 59)}:00Z",
            f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.2026 {r.randint(10, 23)}:00",
        )
    ),
    "time": lambda r: r.choice(
        (
            f"{r.randint(10, 23)}:{r.randint(10, 59)}",
            f"0{r.randint(1, 9)}:15:00",
            f"{r.randint(1, 12)}:45 PM",
            f"{r.randint(8, 11)}:00-{r.randint(12, 17)}:30",
        )
    ),
    "version": lambda r: r.choice(
        (
            f"{r.randint(1, 3)}.{r.randint(0, 20)}.{r.randint(0, 40)}",
            f"v{r.randint(1, 9)}.{r.randint(0, 9)}.{r.randint(0, 9)}.{r.randint(0, 9)}",
            f"v1.{r.randint(0, 9)}.{r.randint(0, 9)}-beta.{r.randint(1, 9)}",
            f"1.{r.randint(0, 9)}.{r.randint(0, 9)}.{r.randint(0, 9)}.{r.randint(0, 9)}",
            "dagster 1.13.27",
            "Python 3.11.4",
        )
    ),
    "price": lambda r: r.choice(
        (
            f"${r.randint(1, 9)},{_digits(r, 3)}.{_digits(r, 2)}",
            f"€{r.randint(1, 99)}.99",
            f"{r.randint(1, 9)} {_digits(r, 3)},00 €",
            f"USD {r.randint(10, 99)},500",
            f"£{r.randint(100, 999)}",
        )
    ),
    "percentage": lambda r: r.choice(
        (f"{r.randint(1, 99)}.{r.randint(0, 9)}%", f"{r.randint(1, 99)} %", f"+{r.randint(1, 30)}%")
    ),
    "git_sha": lambda r: r.choice((_hex(r, 7), _hex(r, 40), f"commit {_hex(r, 12)}")),
    "uuid": _uuid,
    "tracking": lambda r: r.choice(
        (
            f"1Z{_alnum(r, 6, string.ascii_uppercase + string.digits)}{_digits(r, 10)}",
            "9400 " + " ".join(_digits(r, 4) for _ in range(4)) + " " + _digits(r, 2),
            f"{_digits(r, 4)} {_digits(r, 4)} {_digits(r, 4)}",
            f"JD{_digits(r, 18)}",
        )
    ),
    "isbn": lambda r: r.choice((_isbn13(r), f"ISBN 0-{_digits(r, 3)}-{_digits(r, 5)}-{r.randint(0, 9)}")),
    "mention": lambda r: r.choice(
        (f"@{r.choice(_FIRST)}_{r.choice(_LAST)}", "@team-infra", "@here", f"ping @{r.choice(_FIRST)}")
    ),
    "at_without_domain": lambda r: r.choice(
        (
            f"{r.choice(_FIRST)}@",
            f"{r.choice(_FIRST)}@localhost",
            "foo@bar",
            f"icon@{r.randint(2, 3)}x.png",
            f"lodash@4.17.{r.randint(10, 21)}",
            "root@host:~$",
        )
    ),
    "zip": lambda r: r.choice(
        (
            f"{r.randint(10000, 99999)}",
            f"{r.randint(10000, 99999)}-{_digits(r, 4)}",
            "SW1A 1AA",
            f"D-{r.randint(10000, 99999)}",
        )
    ),
    "year": lambda r: r.choice((str(r.randint(1990, 2030)), f"{r.randint(1990, 2010)}-{r.randint(2011, 2026)}")),
    "short_number": lambda r: r.choice(
        (
            f"{r.randint(2, 99)} items",
            f"room {r.randint(100, 999)}",
            "call 911",
            f"ext. {r.randint(100, 999)}",
            f"HTTP {r.choice((404, 500, 503))}",
            f"page {r.randint(1, 20)}-{r.randint(21, 40)}",
            "ratio 16:9",
        )
    ),
    "invalid_ip": lambda r: r.choice(
        (
            f"{r.randint(256, 999)}.{r.randint(0, 255)}.1.1",
            "10.0.0",
            "1.2.3.4.5",
            "00:1A:2B:3C:4D:5E",
            "12:30:45",
            "a[::2]",
            "std::vector",
            "::1",
            "localhost:8080",
        )
    ),
    "invalid_ssn": _invalid_ssn,
    "bad_check_iban": _bad_check_iban,
    "measure": lambda r: r.choice(
        (
            "1920x1080",
            f"{r.randint(1, 9)}.{r.randint(1, 9)} kg",
            "37.7749, -122.4194",
            "1,000,000 users",
            f"{r.randint(2, 64)} GB",
            "#ff8800",
            "3.14159",
        )
    ),
    "secret_words": lambda r: r.choice(
        (
            "reset your password: it takes a minute",
            "password: forgotten again",
            "the API key rotation is due",
            "max_tokens=512",
            "token limit 4096",
            "scikit-learn",
            "the secret: bake it slowly",
            "auth: required",
            "password reset link",
            "token_count=1200",
            "Authorization header missing",
        )
    ),
}

# Hard clean sentences for the name, address and id detectors: product names and capitalised words, section
# numbers, date ranges, order numbers.
_HARD_NEAR_MISSES: dict[str, Callable[[random.Random], str]] = {
    "product": lambda r: r.choice(
        (
            "Microsoft Teams",
            "Google Drive",
            "Adobe Photoshop",
            "Jira Service Management",
            "Salesforce Einstein",
            "Amazon Echo Dot",
            "Apple Watch Series 9",
            "Samsung Galaxy S24",
            "Tesla Model Y",
            "Visual Studio Code",
            "Power BI",
            "Grafana",
            "Kubernetes",
            "Microsoft Office 365",
            "the Kindle Paperwhite",
            "Fire TV Stick",
            "Google Pixel 8 Pro",
            "Zoom Rooms",
            "Slack Connect",
            "Home Assistant",
            "Raspberry Pi 5",
            "Sonos Arc",
            "Dropbox Business",
            "Notion AI",
            "GitHub Actions",
            "Azure DevOps",
            "Wells Fargo",
            "Morgan Stanley",
        )
    ),
    "capitalised": lambda r: r.choice(
        (
            "Premium Plan",
            "Dark Mode",
            "Customer Success",
            "Terms of Service",
            "Export to PDF",
            "Billing Settings",
            "Two-Factor Authentication",
            "Black Friday",
            "Early Access",
            "Getting Started Guide",
            "Order History",
            "Account Settings > Privacy",
            "Main Street Bank",
            "the Wall Street Journal",
            "Help Center",
            "Release Notes",
            "Service Level Agreement",
            "Cyber Monday",
            "Business Class",
            "Sales Team",
        )
    ),
    "section": lambda r: r.choice(
        (
            f"section {r.randint(1, 9)}.{r.randint(1, 9)}.{r.randint(1, 9)}.{r.randint(1, 9)}",
            f"§ {r.randint(1, 20)}.{r.randint(1, 9)}.{r.randint(1, 9)}",
            f"clause {r.randint(1, 30)}.{r.randint(1, 9)}.{r.randint(1, 9)}.{r.randint(1, 9)}",
            f"{r.randint(1, 9)}.{r.randint(1, 9)}.{r.randint(1, 9)}.{r.randint(1, 9)}",
            f"chapter {r.randint(1, 12)}.{r.randint(1, 9)}",
        )
    ),
    "date_range": lambda r: r.choice(
        (
            f"{r.randint(1, 12):02d}/{r.randint(2005, 2015)}-{r.randint(1, 12):02d}/{r.randint(2016, 2025)}",
            f"{r.randint(2005, 2015)}/{r.randint(1, 12):02d} - {r.randint(2016, 2025)}/{r.randint(1, 12):02d}",
            f"{r.randint(1, 12):02d}.{r.randint(2005, 2015)}–{r.randint(1, 12):02d}.{r.randint(2016, 2025)}",
            f"{r.randint(2005, 2015)}-{r.randint(2016, 2025)}",
            f"Q{r.randint(1, 4)} {r.randint(2020, 2023)} – Q{r.randint(1, 4)} {r.randint(2024, 2026)}",
            f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/2024-{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/2025",
        )
    ),
    "order": lambda r: r.choice(
        (
            f"order #A-{_digits(r, 8)}",
            f"ORD-{r.randint(2019, 2026)}-{_digits(r, 6)}",
            f"order {_digits(r, 10)}",
            f"PO-{_digits(r, 5)}",
            f"ticket SUP-{_digits(r, 4)}",
            f"RMA {_digits(r, 7)}",
        )
    ),
}
_HARD_NEAR_MISS_CLAUSES = (
    "Does {product} work with {product}?",
    "The {capitalised} includes {product}",
    "see {section} of the {capitalised}",
    "I worked there {date_range}",
    "{order} from the {capitalised} sale never arrived",
    "{product} crashes since {version}, see {section}",
    "We used {product} {date_range} and then moved to {product}",
    "Go to {capitalised} and open {order}",
    "{capitalised}: {product} is not syncing",
    "Per {section}, refunds for {order} take 5 days",
    "The {product} team fixed it in {version}",
    "Contract term {date_range}, {order}",
)

_NEAR_MISS_CLAUSES = (
    "order {order} shipped on {date} at {time}",
    "my order {order} is late",
    "reference {luhn_failing} on the statement",
    "we deployed {version} on {date}",
    "it costs {price}, up {percentage}",
    "fixed in {git_sha}",
    "request {uuid} failed at {time}",
    "tracking number {tracking}",
    "the book {isbn} is out of stock",
    "{mention} can you check this",
    "the shell prompt shows {at_without_domain}",
    "ship to zip {zip} by {year}",
    "{short_number}, see {version}",
    "the log shows {invalid_ip}",
    "the form rejected {invalid_ssn} as invalid",
    "the transfer to {bad_check_iban} bounced (wrong check digits)",
    "screen {measure}",
    "{secret_words}",
    "{secret_words}, see ticket {order}",
    "since {year} we processed {measure}",
    "invoice {order} dated {date}: {price}",
    "build {git_sha} ({version}) passed {percentage} of tests",
    "batch {uuid} with {short_number}",
    "logged at {date} from host build-{year}",
    "{at_without_domain} is not an address",
)


def near_miss_clause(rng: random.Random) -> str:
    """A clause full of near-misses (order numbers, versions, products, dates ...) that must stay as it is."""
    template = rng.choice(_NEAR_MISS_CLAUSES + _HARD_NEAR_MISS_CLAUSES)
    generators = {**_NEAR_MISSES, **_HARD_NEAR_MISSES}
    names = [part.split("}")[0] for part in template.split("{")[1:]]
    return template.format(**{name: generators[name](rng) for name in names})
