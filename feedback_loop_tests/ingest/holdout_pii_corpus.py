"""An out-of-sample PII corpus for :func:`feedback_loop.privacy.redact`, independent of its tuning corpus.

:mod:`feedback_loop.privacy.corpus` was used to tune the detectors, so its recall is an in-sample figure.
This generator was written from the identifier formats as they occur in the wild, before reading the detectors'
code or that corpus's templates: customer-support chat messages (what users paste into a support chatbot and what the
assistant answers) with one to three planted identifiers, and clean messages full of near-misses (order and
tracking numbers, dates, prices, versions, SKUs, UUIDs, hashes, non-Luhn 16-digit numbers, ZIP codes ...).

Sentences are :class:`~feedback_loop.privacy.corpus.CorpusSentence` objects so that
:func:`~feedback_loop.privacy.corpus.measure_redaction` scores them: an identifier counts as redacted
when neither its value nor any of its fragments is left in the output; a clean sentence counts as altered when
the output differs from it at all. Each planted identifier's ``format`` names the country or network and the
written form (``PHONE/DE/+49 (0)30 xxxx xxxx``), so that misses can be traced to a form.
"""

from __future__ import annotations

import base64
import itertools
import json
import random
import re
import string
from collections.abc import Callable

from feedback_loop.privacy.corpus import CorpusSentence, PlantedIdentifier

HOLDOUT_SENTENCES = 2400
# The clean-sentence alteration rate wants a large sample: at least 30% of sentences, 35% for a margin.
CLEAN_SHARE = 0.35
# SECRET (23 written forms) and PHONE (74, over seven countries) get more draws than the types with few forms.
TYPE_WEIGHTS = {
    "EMAIL": 1.0,
    "PHONE": 1.5,
    "CARD": 1.0,
    "IBAN": 1.0,
    "IP": 1.0,
    "SSN": 1.0,
    "SECRET": 2.0,
    "URL_CREDENTIALS": 1.0,
}

_ALNUM = string.ascii_letters + string.digits
_B64URL = _ALNUM + "-_"


def generate_holdout_corpus(n_sentences: int = HOLDOUT_SENTENCES, seed: int = 0) -> list[CorpusSentence]:
    """``n_sentences`` support-chat messages, the same ones for the same seed; about 35% of them clean."""
    if not isinstance(n_sentences, int) or n_sentences < 1:
        raise ValueError(f"generate_holdout_corpus: field 'n_sentences' must be an int >= 1, got {n_sentences!r}")
    rng = random.Random(f"feedback-loop/holdout-pii:{seed}")
    kinds, weights = list(TYPE_WEIGHTS), list(TYPE_WEIGHTS.values())
    sentences = []
    for _ in range(n_sentences):
        assistant = rng.random() < 0.3
        if rng.random() < CLEAN_SHARE:
            clauses = [_near_miss_clause(rng) for _ in range(rng.choices((1, 2, 3), weights=(4, 4, 2))[0])]
            sentences.append(CorpusSentence(_message(rng, clauses, assistant), ()))
            continue
        planted, clauses = [], []
        for _ in range(rng.choices((1, 2, 3), weights=(6, 3, 1))[0]):
            kind = rng.choices(kinds, weights=weights)[0]
            identifier, clause = _PLANTERS[kind](rng, assistant)
            planted.append(identifier)
            clauses.append(clause)
        if rng.random() < 0.5:
            clauses.insert(rng.randrange(len(clauses) + 1), _near_miss_clause(rng))
        sentences.append(CorpusSentence(_message(rng, clauses, assistant), tuple(planted)))
    return sentences


# --- number checks, written independently of the redactor's ---------------------------------------------------


def luhn_check_digit(partial: str) -> str:
    """The digit that makes ``partial`` + digit pass the Luhn check."""
    total = 0
    for position, char in enumerate(reversed(partial)):
        digit = int(char)
        if position % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return str((10 - total % 10) % 10)


def passes_luhn(digits: str) -> bool:
    """True when the digit string passes the Luhn check."""
    return luhn_check_digit(digits[:-1]) == digits[-1]


def _iban_remainder(country: str, check: str, bban: str) -> int:
    rearranged = bban + country + check
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97


def iban_is_valid(iban: str) -> bool:
    """True when ``iban`` (spaces allowed) passes the ISO 13616 mod-97 check."""
    compact = iban.replace(" ", "").upper()
    return _iban_remainder(compact[:2], compact[2:4], compact[4:]) == 1


def _iban_check_digits(country: str, bban: str) -> str:
    return f"{98 - _iban_remainder(country, '00', bban):02d}"


# --- drawing helpers ---------------------------------------------------------------------------------------------


def _digits(rng: random.Random, n: int, first: str = string.digits) -> str:
    return rng.choice(first) + "".join(rng.choice(string.digits) for _ in range(n - 1))


def _chars(rng: random.Random, n: int, alphabet: str = _ALNUM) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _pick_format(rng: random.Random, formats: dict[str, Callable[[random.Random], str]]) -> tuple[str, str]:
    name = rng.choice(list(formats))
    return name, formats[name](rng)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _fill(rng: random.Random, templates: tuple[str, ...], surface: str) -> str:
    return rng.choice(templates).replace("{x}", surface)


# --- message assembly --------------------------------------------------------------------------------------------

_USER_OPENERS = (
    "",
    "",
    "",
    "Hi, ",
    "Hello, ",
    "hi ",
    "Hey there - ",
    "Good morning. ",
    "Sorry to bother you again, ",
    "URGENT: ",
    "Following up on my last message: ",
    "Quick question: ",
    "ok so ",
)
_USER_CLOSERS = (
    "",
    "",
    "",
    " Thanks!",
    " thx",
    " Please help.",
    " Can you check?",
    " Thanks in advance.",
    " 🙏",
    " This is really frustrating.",
    "??",
)
_ASSISTANT_OPENERS = (
    "",
    "",
    "Thanks for reaching out. ",
    "I understand. ",
    "Got it - ",
    "Thanks for your patience. ",
    "I've checked your account. ",
)
_ASSISTANT_CLOSERS = (
    "",
    "",
    " Is there anything else I can help with?",
    " Let me know if that works.",
    " Please allow 3-5 business days.",
)
_CONNECTORS = (". ", ". ", ", ", " and ", ". Also ", "\n", " - ", "; ", ". By the way, ")


def _message(rng: random.Random, clauses: list[str], assistant: bool) -> str:
    text = clauses[0]
    for clause in clauses[1:]:
        connector = rng.choice(_CONNECTORS)
        text += connector + (_recase(clause, upper=True) if connector.endswith((". ", "\n")) else clause)
    if rng.random() < 0.25:
        text = _recase(text, upper=False)
    if assistant:
        opener, closer = rng.choice(_ASSISTANT_OPENERS), rng.choice(_ASSISTANT_CLOSERS)
    else:
        opener, closer = rng.choice(_USER_OPENERS), rng.choice(_USER_CLOSERS)
    if opener and not opener.endswith(("- ", ": ", "so ", "hi ")):
        text = _recase(text, upper=True)
    ending = "" if text.endswith(("?", "!", ".", "```", "-----", '"')) or rng.random() < 0.4 else "."
    return opener + text + ending + closer


def _recase(text: str, upper: bool) -> str:
    """``text`` with its first letter in the other case when it starts with a plain word ("my", "The").

    A clause that starts with an identifier ("liam@x.io is my address", "DB_PASSWORD=...") keeps its case:
    changing it would mangle the identifier, and a mangled value no longer found in the output would count
    as redacted.
    """
    if re.match(r"[a-z]+ " if upper else r"[A-Z][a-z]* ", text) is None:
        return text
    return (text[0].upper() if upper else text[0].lower()) + text[1:]


# --- EMAIL -------------------------------------------------------------------------------------------------------

_FIRST_NAMES = (
    "priya",
    "joao",
    "mehmet",
    "sofia",
    "liam",
    "wei",
    "fatima",
    "lukas",
    "yuki",
    "olga",
    "diego",
    "amara",
    "noah",
    "chloe",
    "arjun",
    "ines",
    "kwame",
    "hannah",
    "mateo",
    "aiko",
    "ravi",
    "elena",
    "tomasz",
    "grace",
    "omar",
    "lea",
    "rafael",
    "mia",
    "sven",
    "nadia",
)
_LAST_NAMES = (
    "shah",
    "silva",
    "yilmaz",
    "rossi",
    "obrien",
    "zhang",
    "haddad",
    "becker",
    "sato",
    "ivanova",
    "fernandez",
    "okafor",
    "williams",
    "martin",
    "patel",
    "moreau",
    "mensah",
    "fischer",
    "gomez",
    "tanaka",
    "kumar",
    "petrova",
    "nowak",
    "lee",
    "farouk",
    "dupont",
    "costa",
    "andersen",
    "hansen",
    "kowalczyk",
)
_EMAIL_DOMAINS = (
    "gmail.com",
    "yahoo.com",
    "hotmail.fr",
    "web.de",
    "gmx.net",
    "outlook.com",
    "icloud.com",
    "proton.me",
    "yahoo.co.jp",
    "uol.com.br",
    "rediffmail.com",
    "btinternet.com",
    "orange.fr",
    "northwind-traders.com",
    "contoso.onmicrosoft.com",
    "globex.io",
    "mail.ox.ac.uk",
    "students.uni-mannheim.de",
    "fastmail.fm",
    "acme.dev",
    "t-online.de",
    "live.co.uk",
    "company.com.br",
    "infosys.co.in",
)
_TAGS = ("shop", "billing", "news", "amzn")
_NICKNAMES = ("sunny", "dragon", "kitty", "gamer", "blue")
_EMAIL_LOCALS: dict[str, Callable[[random.Random], str]] = {
    "first.last": lambda r: f"{r.choice(_FIRST_NAMES)}.{r.choice(_LAST_NAMES)}",
    "firstlast+digits": lambda r: f"{r.choice(_FIRST_NAMES)}{r.choice(_LAST_NAMES)}{r.randint(1, 99)}",
    "initial+last": lambda r: f"{r.choice(_FIRST_NAMES)[0]}{r.choice(_LAST_NAMES)}",
    "first_last": lambda r: f"{r.choice(_FIRST_NAMES)}_{r.choice(_LAST_NAMES)}",
    "plus-tag": lambda r: f"{r.choice(_FIRST_NAMES)}.{r.choice(_LAST_NAMES)}+{r.choice(_TAGS)}",
    "first-last": lambda r: f"{r.choice(_FIRST_NAMES)}-{r.choice(_LAST_NAMES)}",
    "Capitalised": lambda r: f"{r.choice(_FIRST_NAMES).title()}.{r.choice(_LAST_NAMES).title()}",
    "student-number": lambda r: f"s{_digits(r, 7)}",
    "role-address": lambda r: r.choice(("billing", "accounts", "it-support", "office", "hr")),
    "nickname+year": lambda r: f"{r.choice(_NICKNAMES)}{r.choice(('_', '.', ''))}{r.randint(1970, 2009)}",
}
_EMAIL_TEMPLATES_USER = (
    "my email is {x}",
    "I signed up with {x} but the confirmation email never came",
    "can you send the invoice to {x}?",
    "please change the account email to {x}",
    "login: {x}",
    "the password reset goes to {x} and I can't access that inbox anymore",
    "my colleague ({x}) should also get access",
    "Email: {x}",
    "From: Dana Whitfield <{x}>",
    "send it to {x}, not my work address",
    "I tried logging in as {x} and it says account not found",
    "{x} is the address on my account",
    "is {x} subscribed to the newsletter? I want it removed",
    "username {x}",
    'the receipt went to "{x}" which is a typo',
    "Contact: {x}",
)
_EMAIL_TEMPLATES_ASSISTANT = (
    "I've sent a new verification link to {x}",
    "the order was placed under {x}",
    "I can see a second account registered to {x}",
    "a copy of the receipt has been emailed to {x}",
    "I've updated your contact address to {x}.",
)


def _plant_email(rng: random.Random, assistant: bool) -> tuple[PlantedIdentifier, str]:
    form, local = _pick_format(rng, _EMAIL_LOCALS)
    domain = rng.choice(_EMAIL_DOMAINS)
    if form == "Capitalised":
        domain = domain.title()
    value = f"{local}@{domain}"
    templates = _EMAIL_TEMPLATES_ASSISTANT if assistant else _EMAIL_TEMPLATES_USER
    return PlantedIdentifier("EMAIL", form, value), _fill(rng, templates, value)


# --- PHONE -------------------------------------------------------------------------------------------------------


def _nanp(r: random.Random) -> tuple[str, str, str]:
    """US area code, exchange and line: area and exchange are NXX, and never N11."""
    while True:
        area, exchange = _digits(r, 3, "23456789"), _digits(r, 3, "23456789")
        if area[1:] != "11" and exchange[1:] != "11":
            return area, exchange, _digits(r, 4)


def _us(pattern: str) -> Callable[[random.Random], str]:
    def draw(r: random.Random) -> str:
        a, e, line = _nanp(r)
        return pattern.format(a=a, e=e, l=line)

    return draw


def _groups(pattern: str, **firsts: str) -> Callable[[random.Random], str]:
    """A number from ``pattern`` whose fields are ``{name:N}`` (N random digits, the first from ``firsts[name]``)."""

    def draw(r: random.Random) -> str:
        out, i = "", 0
        while i < len(pattern):
            if pattern[i] == "{":
                close = pattern.index("}", i)
                name, width = pattern[i + 1 : close].split(":")
                out += _digits(r, int(width), firsts.get(name, string.digits))
                i = close + 1
            else:
                out += pattern[i]
                i += 1
        return out

    return draw


_PHONE_FORMATS: dict[str, dict[str, Callable[[random.Random], str]]] = {
    "US": {
        "(415) 555-0123": _us("({a}) {e}-{l}"),
        "415-555-0123": _us("{a}-{e}-{l}"),
        "415.555.0123": _us("{a}.{e}.{l}"),
        "415 555 0123": _us("{a} {e} {l}"),
        "+1 415 555 0123": _us("+1 {a} {e} {l}"),
        "+1 (415) 555-0123": _us("+1 ({a}) {e}-{l}"),
        "+1-415-555-0123": _us("+1-{a}-{e}-{l}"),
        "1-415-555-0123": _us("1-{a}-{e}-{l}"),
        "1 (415) 555-0123": _us("1 ({a}) {e}-{l}"),
        "+14155550123": _us("+1{a}{e}{l}"),
        "4155550123": _us("{a}{e}{l}"),
        "001 415 555 0123": _us("001 {a} {e} {l}"),
        "+1.415.555.0123": _us("+1.{a}.{e}.{l}"),
    },
    "UK": {
        "+44 20 7946 0123": _groups("+44 20 {a:4} {b:4}", a="378"),
        "+44 (0)20 7946 0123": _groups("+44 (0)20 {a:4} {b:4}", a="378"),
        "020 7946 0123": _groups("020 {a:4} {b:4}", a="378"),
        "(020) 7946 0123": _groups("(020) {a:4} {b:4}", a="378"),
        "07700 900123": _groups("07{a:3} {b:6}", a="123456789"),
        "+44 7700 900123": _groups("+44 7{a:3} {b:6}", a="123456789"),
        "+447700900123": _groups("+447{a:9}", a="123456789"),
        "0044 7700 900 123": _groups("0044 7{a:3} {b:3} {c:3}", a="123456789"),
        "0161 496 0123": _groups("0161 {a:3} {b:4}", a="23456789"),
        "+44 161 496 0123": _groups("+44 161 {a:3} {b:4}", a="23456789"),
        "+44-20-7946-0123": _groups("+44-20-{a:4}-{b:4}", a="378"),
    },
    "DE": {
        "+49 30 12345678": _groups("+49 30 {a:8}", a="123456789"),
        "+49 (0)30 1234 5678": _groups("+49 (0)30 {a:4} {b:4}", a="123456789"),
        "030 12345678": _groups("030 {a:8}", a="123456789"),
        "030/1234567": _groups("030/{a:7}", a="123456789"),
        "030-12345678": _groups("030-{a:8}", a="123456789"),
        "(030) 1234 5678": _groups("(030) {a:4} {b:4}", a="123456789"),
        "0171 1234567": _groups("01{m:2} {a:7}", m="567", a="123456789"),
        "+49 171 1234567": _groups("+49 1{m:2} {a:7}", m="567", a="123456789"),
        "+49 171 123 4567": _groups("+49 1{m:2} {a:3} {b:4}", m="567", a="123456789"),
        "0049 89 1234567": _groups("0049 89 {a:7}", a="123456789"),
        "+49-89-1234567": _groups("+49-89-{a:7}", a="123456789"),
        "0151-12345678": _groups("01{m:2}-{a:8}", m="567", a="123456789"),
        "+4915112345678": _groups("+491{m:2}{a:8}", m="567", a="123456789"),
    },
    "FR": {
        "+33 1 23 45 67 89": _groups("+33 {d:1} {a:2} {b:2} {c:2} {e:2}", d="1234567"),
        "01 23 45 67 89": _groups("0{d:1} {a:2} {b:2} {c:2} {e:2}", d="1234567"),
        "06.12.34.56.78": _groups("0{d:1}.{a:2}.{b:2}.{c:2}.{e:2}", d="1234567"),
        "06-12-34-56-78": _groups("0{d:1}-{a:2}-{b:2}-{c:2}-{e:2}", d="1234567"),
        "+33 (0)6 12 34 56 78": _groups("+33 (0){d:1} {a:2} {b:2} {c:2} {e:2}", d="1234567"),
        "0033 6 12 34 56 78": _groups("0033 {d:1} {a:2} {b:2} {c:2} {e:2}", d="1234567"),
        "+33612345678": _groups("+33{d:1}{a:8}", d="1234567"),
        "0612345678": _groups("0{d:1}{a:8}", d="67"),
    },
    "IN": {
        "+91 98765 43210": _groups("+91 {a:5} {b:5}", a="6789"),
        "+91-9876543210": _groups("+91-{a:10}", a="6789"),
        "+91 9876543210": _groups("+91 {a:10}", a="6789"),
        "098765 43210": _groups("0{a:5} {b:5}", a="6789"),
        "0091 98765 43210": _groups("0091 {a:5} {b:5}", a="6789"),
        "+91 22 2345 6789": _groups("+91 22 {a:4} {b:4}", a="23456"),
        "022 2345 6789": _groups("022 {a:4} {b:4}", a="23456"),
        "+91 80 4123 4567": _groups("+91 80 {a:4} {b:4}", a="234"),
        "98765 43210": _groups("{a:5} {b:5}", a="6789"),
        "+91 987 654 3210": _groups("+91 {a:3} {b:3} {c:4}", a="6789"),
    },
    "BR": {
        "+55 11 91234-5678": _groups("+55 {aa:2} 9{a:4}-{b:4}", aa="123456789"),
        "+55 (11) 91234-5678": _groups("+55 ({aa:2}) 9{a:4}-{b:4}", aa="123456789"),
        "(11) 91234-5678": _groups("({aa:2}) 9{a:4}-{b:4}", aa="123456789"),
        "11 91234-5678": _groups("{aa:2} 9{a:4}-{b:4}", aa="123456789"),
        "+55 21 2345-6789": _groups("+55 {aa:2} {a:4}-{b:4}", aa="123456789", a="2345"),
        "(21) 2345-6789": _groups("({aa:2}) {a:4}-{b:4}", aa="123456789", a="2345"),
        "0055 11 91234 5678": _groups("0055 {aa:2} 9{a:4} {b:4}", aa="123456789"),
        "+5511912345678": _groups("+55{aa:2}9{a:8}", aa="123456789"),
        "(011) 91234-5678": _groups("(0{aa:2}) 9{a:4}-{b:4}", aa="123456789"),
    },
    "JP": {
        "+81 3-1234-5678": _groups("+81 3-{a:4}-{b:4}", a="123456789"),
        "03-1234-5678": _groups("03-{a:4}-{b:4}", a="123456789"),
        "(03) 1234-5678": _groups("(03) {a:4}-{b:4}", a="123456789"),
        "090-1234-5678": _groups("0{m:1}0-{a:4}-{b:4}", m="789"),
        "080 1234 5678": _groups("0{m:1}0 {a:4} {b:4}", m="789"),
        "+81 90 1234 5678": _groups("+81 {m:1}0 {a:4} {b:4}", m="789"),
        "+81-90-1234-5678": _groups("+81-{m:1}0-{a:4}-{b:4}", m="789"),
        "+81 (0)3 1234 5678": _groups("+81 (0)3 {a:4} {b:4}", a="123456789"),
        "06-1234-5678": _groups("06-{a:4}-{b:4}", a="123456789"),
        "+819012345678": _groups("+81{m:1}0{a:8}", m="789"),
    },
}
_PHONE_TEMPLATES_USER = (
    "you can call me on {x}",
    "my number is {x}",
    "phone: {x}",
    "best number to reach me is {x} (after 6pm)",
    "I changed my mobile to {x} but the 2FA codes still go to the old one",
    "the courier should call {x}",
    "WhatsApp: {x}",
    "please update my phone number to {x}",
    "Tel.: {x}",
    "call me back at {x}",
    "{x} is my cell",
    "text me at {x} when the technician is on the way",
    "sorry, the correct number is {x}",
    "Contact details: Marco Bianchi / {x}",
    "my mobile: {x}",
    "ring {x} if the door is locked",
    "I'm on {x} all day",
    "the SMS code never arrives on {x}",
)
_PHONE_TEMPLATES_ASSISTANT = (
    "we'll call you back at {x} within 24 hours",
    "I've updated your phone number to {x}",
    "the delivery driver will call {x} on arrival",
    "the verification code was sent to {x}",
    "our records show the mobile number {x}",
)


def _plant_phone(rng: random.Random, assistant: bool) -> tuple[PlantedIdentifier, str]:
    country = rng.choice(list(_PHONE_FORMATS))
    form, value = _pick_format(rng, _PHONE_FORMATS[country])
    templates = _PHONE_TEMPLATES_ASSISTANT if assistant else _PHONE_TEMPLATES_USER
    return PlantedIdentifier("PHONE", f"{country}/{form}", value), _fill(rng, templates, value)


# --- CARD --------------------------------------------------------------------------------------------------------

# (network, prefixes, length); Mastercard's 2-series and Discover's 644-649 ranges included.
_CARD_NETWORKS = (
    ("Visa", ("4",), 16),
    ("Mastercard", ("51", "52", "53", "54", "55"), 16),
    ("Mastercard-2", tuple(str(p) for p in range(2221, 2721)), 16),
    ("Amex", ("34", "37"), 15),
    ("Discover", ("6011", "65", "644", "645", "646", "647", "648", "649"), 16),
)
_CARD_TEMPLATES_USER = (
    "my card {x} was charged twice",
    "card number {x} exp 08/27",
    "please refund to {x}",
    "my credit card {x} keeps getting declined",
    "the payment with {x} failed with code 05",
    "card: {x}, exp 11/26, CVC 331",
    "I want to remove {x} from my wallet",
    "can you check why {x} was rejected at checkout",
    "{x} is the card I used for order 4471",
    "charge it to {x} instead",
    "I see a pending charge on {x} I don't recognise",
)
_CARD_TEMPLATES_ASSISTANT = (
    "I can't see a charge on the card {x}",
    "the refund was issued to {x}",
    "the card {x} was declined by the issuer",
    "I've removed {x} from your saved payment methods",
)


def _card_number(rng: random.Random) -> tuple[str, str, int]:
    network, prefixes, length = rng.choice(_CARD_NETWORKS)
    partial = rng.choice(prefixes)
    partial += _digits(rng, length - 1 - len(partial))
    return network, partial + luhn_check_digit(partial), length


def _plant_card(rng: random.Random, assistant: bool) -> tuple[PlantedIdentifier, str]:
    network, digits, length = _card_number(rng)
    layout = rng.choice(("spaced", "dashed", "compact"))
    cuts = (4, 10) if length == 15 else (4, 8, 12)
    value = digits
    if layout != "compact":
        separator = " " if layout == "spaced" else "-"
        bounds = (0, *cuts, length)
        value = separator.join(digits[a:b] for a, b in itertools.pairwise(bounds))
    templates = _CARD_TEMPLATES_ASSISTANT if assistant else _CARD_TEMPLATES_USER
    return PlantedIdentifier("CARD", f"{network}/{layout}", value), _fill(rng, templates, value)


# --- IBAN --------------------------------------------------------------------------------------------------------

# BBAN shapes as (character class, count) runs: n digits, a upper-case letters, c letters or digits.
_BBAN_SHAPES = {
    "DE": (("n", 18),),
    "GB": (("a", 4), ("n", 14)),
    "FR": (("n", 10), ("c", 11), ("n", 2)),
    "ES": (("n", 20),),
    "IT": (("a", 1), ("n", 10), ("c", 12)),
    "NL": (("a", 4), ("n", 10)),
    "BE": (("n", 12),),
    "CH": (("n", 5), ("c", 12)),
    "AT": (("n", 16),),
    "PL": (("n", 24),),
    "PT": (("n", 21),),
    "IE": (("a", 4), ("n", 14)),
    "BR": (("n", 23), ("a", 1), ("c", 1)),
}
_BBAN_ALPHABETS = {"n": string.digits, "a": string.ascii_uppercase, "c": string.ascii_uppercase + string.digits}
_IBAN_TEMPLATES_USER = (
    "my IBAN is {x}",
    "please send the refund to IBAN {x}",
    "IBAN: {x}, BIC COBADEFFXXX",
    "bank details: {x} (account holder Sofia Rossi)",
    "the direct debit from {x} bounced",
    "can you update the payout account to {x}?",
    "I paid by bank transfer from {x}",
    "new account for SEPA payments: {x}",
    "{x} is my business account",
)
_IBAN_TEMPLATES_ASSISTANT = (
    "the refund of €49.90 was sent to {x} on 12 March",
    "the mandate for {x} is now active",
    "I've updated the payout account to {x}",
)


def _plant_iban(rng: random.Random, assistant: bool) -> tuple[PlantedIdentifier, str]:
    country = rng.choice(list(_BBAN_SHAPES))
    bban = "".join(_chars(rng, count, _BBAN_ALPHABETS[kind]) for kind, count in _BBAN_SHAPES[country])
    compact = country + _iban_check_digits(country, bban) + bban
    layout = rng.choice(("spaced", "compact"))
    value = " ".join(compact[i : i + 4] for i in range(0, len(compact), 4)) if layout == "spaced" else compact
    templates = _IBAN_TEMPLATES_ASSISTANT if assistant else _IBAN_TEMPLATES_USER
    return PlantedIdentifier("IBAN", f"{country}/{layout}", value), _fill(rng, templates, value)


# --- IP ----------------------------------------------------------------------------------------------------------


def _public_ipv4(rng: random.Random) -> str:
    while True:
        first = rng.randint(1, 223)
        if first not in (10, 127, 172, 192, 100, 169):
            return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


_IPV4_FORMS: dict[str, Callable[[random.Random], tuple[str, str]]] = {
    "public": lambda r: (ip := _public_ipv4(r), ip),
    "private-192.168": lambda r: (ip := f"192.168.{r.randint(0, 20)}.{r.randint(2, 254)}", ip),
    "private-10": lambda r: (ip := f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(2, 254)}", ip),
    "private-172": lambda r: (ip := f"172.{r.randint(16, 31)}.{r.randint(0, 255)}.{r.randint(2, 254)}", ip),
    "with-port": lambda r: (ip := _public_ipv4(r), f"{ip}:{r.choice((22, 443, 3306, 5432, 8080, 8443))}"),
    "in-url": lambda r: (ip := _public_ipv4(r), f"http://{ip}/{r.choice(('admin', 'login', 'api/v2/health', ''))}"),
    "cidr": lambda r: (ip := _public_ipv4(r), f"{ip}/{r.choice((24, 28, 32))}"),
}
_IPV6_PREFIXES = tuple(
    prefix.split(":")
    for prefix in (
        "2001:db8",
        "2a00:1450",
        "2600:1f18",
        "2a02:8108",
        "2406:da18",
        "2804:14c",
        "2620:0:2d0",
        "fd12:3456",
    )
)


def _ipv6_groups(rng: random.Random) -> list[str]:
    """Eight groups: a real allocation's prefix, a subnet, zeros, then one to four interface groups."""
    groups = list(rng.choice(_IPV6_PREFIXES))
    groups.append(f"{rng.randint(1, 0xFFFF):x}")
    tail = [f"{rng.randint(0, 0xFFFF):x}" for _ in range(rng.randint(1, 4))]
    return groups + ["0"] * (8 - len(groups) - len(tail)) + tail


def _compress(groups: list[str]) -> str:
    best_start, best_len, start = -1, 0, None
    for i, group in enumerate([*groups, "x"]):
        if group == "0" and start is None:
            start = i
        elif group != "0" and start is not None:
            if i - start > best_len and i - start > 1:
                best_start, best_len = start, i - start
            start = None
    if best_start < 0:
        return ":".join(groups)
    return ":".join(groups[:best_start]) + "::" + ":".join(groups[best_start + best_len :])


_IPV6_FORMS: dict[str, Callable[[random.Random], tuple[str, str]]] = {
    "v6-full-padded": lambda r: (ip := ":".join(g.zfill(4) for g in _ipv6_groups(r)), ip),
    "v6-full": lambda r: (ip := ":".join(_ipv6_groups(r)), ip),
    "v6-compressed": lambda r: (ip := _compress(_ipv6_groups(r)), ip),
    "v6-compressed-upper": lambda r: (ip := _compress(_ipv6_groups(r)).upper(), ip),
    "v6-bracket-port": lambda r: (ip := _compress(_ipv6_groups(r)), f"[{ip}]:{r.choice((443, 8080, 22))}"),
    "v6-link-local-zone": lambda r: (
        ip := "fe80::" + ":".join(f"{r.randint(1, 0xFFFF):x}" for _ in range(4)),
        f"{ip}%{r.choice(('eth0', 'en0', '12', 'wlan0'))}",
    ),
    "v6-mapped-v4": lambda r: (ip := f"::ffff:{_public_ipv4(r)}", ip),
}
_IP_TEMPLATES_USER = (
    "my IP is {x}",
    "I'm getting blocked from {x}",
    "the server at {x} refuses connections",
    "the firewall log shows {x}",
    "please whitelist {x}",
    "Connection refused: {x}",
    "can't reach {x} since the update",
    "curl: (7) Failed to connect to {x} after 2 ms",
    "the router says WAN address {x}",
    "login attempts from {x} - that's not me",
    "ping {x} times out",
    "my static IP {x} is not on the allow-list",
)
_IP_TEMPLATES_ASSISTANT = (
    "I've added {x} to the allow-list",
    "the sign-in came from {x}",
    "the block on {x} has been lifted",
    "our logs show requests from {x}",
)


def _plant_ip(rng: random.Random, assistant: bool) -> tuple[PlantedIdentifier, str]:
    forms = _IPV6_FORMS if rng.random() < 0.45 else _IPV4_FORMS
    form = rng.choice(list(forms))
    value, surface = forms[form](rng)
    templates = _IP_TEMPLATES_ASSISTANT if assistant else _IP_TEMPLATES_USER
    return PlantedIdentifier("IP", form, value), _fill(rng, templates, surface)


# --- SSN ---------------------------------------------------------------------------------------------------------

_SSN_TEMPLATES_USER = (
    "my SSN is {x}",
    "SSN: {x}",
    "social security number {x}",
    "for the tax form I entered {x}",
    "last four won't work, full SSN: {x}",
    "DOB 04/12/1988, SSN {x}",
    "my social is {x}",
    "here's my info - John Carter, {x}, 42 Elm St",
    "the W-9 has {x} on it",
    "it rejected {x} as my taxpayer ID",
    "SS# {x}",
    "ssn {x} dob 1979-02-11",
)
_SSN_TEMPLATES_ASSISTANT = (
    "please don't share your SSN here; I've noted {x} and will remove it",
    "the SSN on file is {x}",
    "I've verified the identity with SSN {x}",
)


def _plant_ssn(rng: random.Random, assistant: bool) -> tuple[PlantedIdentifier, str]:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    group, serial = rng.randint(1, 99), rng.randint(1, 9999)
    layout = "dashed" if rng.random() < 0.85 else "spaced"
    separator = "-" if layout == "dashed" else " "
    value = f"{area:03d}{separator}{group:02d}{separator}{serial:04d}"
    templates = _SSN_TEMPLATES_ASSISTANT if assistant else _SSN_TEMPLATES_USER
    return PlantedIdentifier("SSN", layout, value), _fill(rng, templates, value)


# --- SECRET ------------------------------------------------------------------------------------------------------

_WORDS = (
    "tulip",
    "orbit",
    "canyon",
    "maple",
    "falcon",
    "river",
    "copper",
    "velvet",
    "summer",
    "bluebird",
    "monkey",
    "dragon",
    "sunset",
    "pepper",
    "rocket",
)


def _human_password(rng: random.Random) -> str:
    style = rng.randrange(4)
    if style == 0:
        return rng.choice(_WORDS).title() + rng.choice("#!@$") + str(rng.randint(1960, 2025))
    if style == 1:
        return "-".join(rng.sample(_WORDS, 3)) + "-" + str(rng.randint(10, 99))
    if style == 2:
        return _chars(rng, rng.randint(12, 18), _ALNUM + "!$%^*_-")
    word = rng.choice(_WORDS)
    return word[0].upper() + word[1:].replace("o", "0").replace("e", "3") + str(rng.randint(1, 999)) + "!"


def _pem_block(rng: random.Random) -> tuple[str, list[str]]:
    """A private key block's label and its 64-character body lines (a plausible DER start, random after)."""
    label, start = rng.choice(
        (
            ("RSA PRIVATE KEY", "MIIEpAIBAAKCAQEA"),
            ("PRIVATE KEY", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"),
            ("EC PRIVATE KEY", "MHcCAQEEI"),
            ("OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAA"),
            ("ENCRYPTED PRIVATE KEY", "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkq"),
        )
    )
    body = start + _chars(rng, 64 * rng.randint(3, 9) - len(start), _ALNUM + "+/")
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    lines.append(_chars(rng, rng.randint(8, 40), _ALNUM + "+/") + "==")
    return label, lines


def _jwt(rng: random.Random) -> str:
    algorithm = rng.choice(("HS256", "RS256"))
    header = _b64url(json.dumps({"alg": algorithm, "typ": "JWT"}, separators=(",", ":")).encode())
    claims = {
        "sub": str(rng.randint(10**6, 10**9)),
        "iat": rng.randint(1_700_000_000, 1_760_000_000),
        "exp": rng.randint(1_760_000_000, 1_800_000_000),
    }
    if rng.random() < 0.5:
        claims["role"] = rng.choice(("customer", "admin"))
    payload = _b64url(json.dumps(claims, separators=(",", ":")).encode())
    signature = _b64url(rng.randbytes(32 if algorithm == "HS256" else 256))
    return f"{header}.{payload}.{signature}"


def _slack_id(rng: random.Random) -> str:
    return _digits(rng, rng.randint(11, 13), "123456789")


def _token(prefix: str, body: Callable[[random.Random], str]) -> Callable[[random.Random], tuple[str, tuple[str, ...]]]:
    def draw(r: random.Random) -> tuple[str, tuple[str, ...]]:
        rest = body(r)
        return prefix + rest, (rest,)

    return draw


# Bare tokens: value, and the part after the well-known prefix, which must not survive either.
_TOKENS: dict[str, Callable[[random.Random], tuple[str, tuple[str, ...]]]] = {
    "aws-AKIA": _token("AKIA", lambda r: _chars(r, 16, string.ascii_uppercase + "234567")),
    "github-ghp": _token("ghp_", lambda r: _chars(r, 36)),
    "github-pat": _token("github_pat_", lambda r: _chars(r, 22) + "_" + _chars(r, 59)),
    "slack-xoxb": _token("xoxb-", lambda r: f"{_slack_id(r)}-{_slack_id(r)}-{_chars(r, 24)}"),
    "stripe-sk_live": _token("sk_live_", lambda r: _chars(r, 24) if r.random() < 0.5 else "51" + _chars(r, 97)),
    "openai-sk-legacy": _token("sk-", lambda r: _chars(r, 20) + "T3BlbkFJ" + _chars(r, 20)),
    "openai-sk-proj": _token("sk-proj-", lambda r: _chars(r, 74, _B64URL) + "T3BlbkFJ" + _chars(r, 74, _B64URL)),
    "google-AIza": _token("AIza", lambda r: _chars(r, 35, _B64URL)),
    "jwt": lambda r: (_jwt(r), ()),
}
_TOKEN_TEMPLATES_USER = (
    "my key is {x}",
    "I'm getting 401 with {x}",
    "here is the token: {x}",
    "is {x} still valid?",
    "I pasted {x} into the settings page and nothing happens",
    "export TOKEN={x}",
    'curl -H "Authorization: Bearer {x}" https://api.example.com/v1/orders returns 403',
    "the integration uses `{x}`",
    "token {x} was working yesterday",
)
_TOKEN_TEMPLATES_ASSISTANT = (
    "the key {x} has been revoked; please create a new one",
    "I can see {x} was last used on 3 May",
    "the token {x} has expired",
)
_PASSWORD_KEYS = (
    "password",
    "PASSWORD",
    "DB_PASSWORD",
    "db_password",
    "smtp_password",
    "MYSQL_ROOT_PASSWORD",
    "passwd",
    "admin_password",
)
_API_KEY_NAMES = ("api_key", "API_KEY", "apiKey", "x-api-key", "apikey", "SENDGRID_API_KEY", "api-key")


def _api_key_value(rng: random.Random) -> str:
    return rng.choice(
        (
            lambda: _chars(rng, 32, "0123456789abcdef"),
            lambda: _chars(rng, 40),
            lambda: _chars(rng, 24, _ALNUM) + "." + _chars(rng, 12),
        )
    )()


# Assignments: (value, the text as pasted). The key name may stay; only the value must go.
_ASSIGNMENTS: dict[str, Callable[[random.Random], tuple[str, str]]] = {
    "password=": lambda r: (v := _human_password(r), f"{r.choice(_PASSWORD_KEYS)}={v}"),
    "password = ": lambda r: (v := _human_password(r), f"{r.choice(_PASSWORD_KEYS)} = {v}"),
    "password: (yaml)": lambda r: (v := _human_password(r), f"{r.choice(_PASSWORD_KEYS)}: {v}"),
    '"password": "..." (json)': lambda r: (v := _human_password(r), f'"{r.choice(_PASSWORD_KEYS)}": "{v}"'),
    "password='...' (shell)": lambda r: (v := _human_password(r), f"{r.choice(_PASSWORD_KEYS)}='{v}'"),
    "?password= (query)": lambda r: (
        v := _human_password(r).replace("#", "").replace("%", ""),
        f"https://portal.example.com/login?user=jdoe&password={v}",
    ),
    "api_key: ": lambda r: (v := _api_key_value(r), f"{r.choice(_API_KEY_NAMES)}: {v}"),
    "api_key=": lambda r: (v := _api_key_value(r), f"{r.choice(_API_KEY_NAMES)}={v}"),
    '"api_key": "..." (json)': lambda r: (v := _api_key_value(r), f'"{r.choice(_API_KEY_NAMES)}": "{v}"'),
    "aws_secret_access_key = ": lambda r: (v := _chars(r, 40, _ALNUM + "/+"), f"aws_secret_access_key = {v}"),
}
_ASSIGNMENT_TEMPLATES = (
    "here's my config:\n```\n{x}\n```",
    "my .env has {x}",
    "I set {x} and it still fails",
    "the log printed {x}",
    "{x}",
    "I tried `{x}`",
    "in settings.yml I have {x} - is that right?",
    "config: {x}",
)
# A password said in words rather than pasted as configuration: not among the forms the redactor documents
# (assignments, flags, token shapes), so its format name keeps it apart in the figures.
_PASSWORD_IN_WORDS = (
    "my password is {x}",
    "the password I use is {x}",
    "pw is {x}",
    "I reset it to {x} and still can't log in",
)


def _plant_secret(rng: random.Random, assistant: bool) -> tuple[PlantedIdentifier, str]:
    family = rng.choices(("token", "assignment", "pem", "in-words"), weights=(9, 10, 3, 1))[0]
    if family == "token":
        form = rng.choice(list(_TOKENS))
        value, fragments = _TOKENS[form](rng)
        templates = _TOKEN_TEMPLATES_ASSISTANT if assistant else _TOKEN_TEMPLATES_USER
        return PlantedIdentifier("SECRET", form, value, fragments), _fill(rng, templates, value)
    if family == "assignment":
        form = rng.choice(list(_ASSIGNMENTS))
        value, surface = _ASSIGNMENTS[form](rng)
        return PlantedIdentifier("SECRET", form, value), _fill(rng, _ASSIGNMENT_TEMPLATES, surface)
    if family == "in-words":
        value = _human_password(rng)
        identifier = PlantedIdentifier("SECRET", "password-in-words (undocumented)", value)
        return identifier, _fill(rng, _PASSWORD_IN_WORDS, value)
    label, lines = _pem_block(rng)
    layout = rng.choice(("multiline", "one-line", "json-escaped"))
    begin, end = f"-----BEGIN {label}-----", f"-----END {label}-----"
    if layout == "multiline":
        block = "\n".join((begin, *lines, end))
        clause = rng.choice(
            ("here's the key I'm using:\n```\n{x}\n```", "id_rsa contents:\n{x}", "is this the right format?\n{x}")
        ).replace("{x}", block)
    elif layout == "one-line":
        block = " ".join((begin, *lines, end))
        clause = rng.choice(("the key field shows {x}", "pasted key: {x}")).replace("{x}", block)
    else:
        block = "\\n".join((begin, *lines, end)) + "\\n"
        clause = ('service account json has "private_key": "{x}", and the upload fails').replace("{x}", block)
    return PlantedIdentifier("SECRET", f"pem-{layout}", block, tuple(lines)), clause


# --- URL_CREDENTIALS ---------------------------------------------------------------------------------------------

_URL_SCHEMES = (
    ("postgres", "db.internal.example.com", ":5432/app"),
    ("postgresql", "pg-prod.c9akciq32.eu-west-1.rds.amazonaws.com", ":5432/orders"),
    ("mysql", "10.0.12.7", ":3306/shop"),
    ("mongodb+srv", "cluster0.x1y2z.mongodb.net", "/?retryWrites=true"),
    ("redis", "cache.example.net", ":6379/0"),
    ("amqp", "rabbit.prod.svc", ":5672/"),
    ("ftp", "ftp.partner-site.com", "/reports/"),
    ("sftp", "files.example.org", ":22/upload"),
    ("https", "git.company.dev", "/team/repo.git"),
    ("smtp", "smtp.mailhost.io", ":587"),
)
_URL_USERS = ("admin", "app", "deploy", "root", "svc_backup", "reporting", "jdoe", "shop_rw", "default", "j.silva")
_URL_TEMPLATES = (
    "DATABASE_URL={x}",
    "I'm connecting with {x} and it times out",
    "connection string: {x}",
    "the link {x} doesn't open",
    "our worker uses {x}, is the host down?",
    "error: could not connect to {x}",
    "`{x}`",
    "git clone {x} asks for a password again",
)


def _url_password(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return _chars(rng, 6) + rng.choice(("%40", "%23", "%21")) + _chars(rng, 5)
    if rng.random() < 0.3:
        return _human_password(rng).replace("#", "").replace("%", "").replace("@", "")
    return _chars(rng, rng.randint(10, 24))


def _plant_url_credentials(rng: random.Random, assistant: bool) -> tuple[PlantedIdentifier, str]:
    scheme, host, rest = rng.choice(_URL_SCHEMES)
    user, password = rng.choice(_URL_USERS), _url_password(rng)
    value = f"{user}:{password}"
    surface = f"{scheme}://{value}@{host}{rest}"
    return PlantedIdentifier("URL_CREDENTIALS", scheme, value, (password,)), _fill(rng, _URL_TEMPLATES, surface)


_PLANTERS: dict[str, Callable[[random.Random, bool], tuple[PlantedIdentifier, str]]] = {
    "EMAIL": _plant_email,
    "PHONE": _plant_phone,
    "CARD": _plant_card,
    "IBAN": _plant_iban,
    "IP": _plant_ip,
    "SSN": _plant_ssn,
    "SECRET": _plant_secret,
    "URL_CREDENTIALS": _plant_url_credentials,
}


# --- near-misses: clauses that carry no identifier and must come out unchanged -------------------------------------


def _non_luhn_16(rng: random.Random) -> str:
    partial = _digits(rng, 15, "3456")
    valid = luhn_check_digit(partial)
    return partial + rng.choice([d for d in string.digits if d != valid])


def _grouped4(digits: str, separator: str = " ") -> str:
    return separator.join(digits[i : i + 4] for i in range(0, len(digits), 4))


def _uuid(rng: random.Random) -> str:
    h = _chars(rng, 32, "0123456789abcdef")
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}"


def _ups(rng: random.Random) -> str:
    return "1Z" + _chars(rng, 6, string.ascii_uppercase + string.digits) + _digits(rng, 10)


_MONTHS = (
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


def _clock(rng: random.Random) -> str:
    return f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def _date(rng: random.Random) -> str:
    y, m, d = rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice(
        (
            f"{y}-{m:02d}-{d:02d}",
            f"{d:02d}/{m:02d}/{y}",
            f"{m:02d}/{d:02d}/{y}",
            f"{d:02d}.{m:02d}.{y}",
            f"{_MONTHS[m - 1]} {d}, {y}",
            f"{d} {_MONTHS[m - 1][:3]} {y}",
            f"{y}-{m:02d}-{d:02d}T{_clock(rng)}Z",
            f"{y}-{m:02d}-{d:02d} {_clock(rng)}.{_digits(rng, 3)}",
        )
    )


def _price(rng: random.Random) -> str:
    whole, cents = rng.randint(1, 4999), rng.randint(0, 99)
    return rng.choice(
        (
            f"${whole:,}.{cents:02d}",
            f"€{whole},{cents:02d}",
            f"£{whole}.{cents:02d}",
            f"{whole:,}.{cents:02d} EUR".replace(",", "X").replace(".", ",").replace("X", "."),
            f"R$ {whole},{cents:02d}",
            f"¥{whole * 100:,}",
            f"₹{whole:,}",
            f"USD {whole}.{cents:02d}",
        )
    )


def _version(rng: random.Random) -> str:
    return rng.choice(
        (
            f"v{rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 20)}",
            f"version {rng.randint(1, 5)}.{rng.randint(0, 12)}.{rng.randint(0, 9)}-beta.{rng.randint(1, 5)}",
            f"iOS {rng.randint(15, 18)}.{rng.randint(0, 6)}.{rng.randint(1, 3)}",
            f"Chrome {rng.randint(110, 130)}.0.{rng.randint(5000, 6999)}.{rng.randint(10, 199)}",
            f"Windows build 10.0.{rng.randint(19041, 26100)}.{rng.randint(1000, 4999)}",
            f"firmware {rng.randint(1, 4)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(1, 99)}",
            f"app version {rng.randint(3, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)} "
            f"(build {_digits(rng, 5, '123456789')})",
            f"Python {rng.choice(('3.9', '3.10', '3.11', '3.12'))}.{rng.randint(0, 12)}",
        )
    )


_NEAR_MISSES: dict[str, Callable[[random.Random], str]] = {
    "order-number": lambda r: r.choice(
        (
            f"my order #{_digits(r, 7, '123456789')} hasn't shipped yet",
            f"order {_digits(r, 3)}-{_digits(r, 7)}-{_digits(r, 7)} arrived damaged",
            f"order number ORD-{r.randint(2020, 2026)}-{_digits(r, 6)}",
            f"order no. {_digits(r, 10, '123456789')} was cancelled by mistake",
            f"I placed order A{_digits(r, 8)} on {_date(r)}",
        )
    ),
    "tracking-number": lambda r: r.choice(
        (
            f"tracking number {_ups(r)} shows no movement",
            f"the USPS tracking {_grouped4('9400' + _digits(r, 18))} says delivered",
            f"FedEx tracking {_grouped4(_digits(r, 12, '7'))} is stuck in Memphis",
            f"DHL shipment JD{_digits(r, 18)} is in customs",
            f"tracking: {_digits(r, 12, '123456789')}",
        )
    ),
    "invoice-id": lambda r: r.choice(
        (
            f"invoice INV-{r.randint(2021, 2026)}-{_digits(r, 5)} is wrong",
            f"invoice no. {r.randint(2021, 2026)}/{_digits(r, 5)}",
            f"credit note CN{_digits(r, 8)} hasn't been applied",
            f"receipt {_digits(r, 4)}-{_digits(r, 4)}-{_digits(r, 4)}",
        )
    ),
    "date": lambda r: r.choice(
        (
            f"it was delivered on {_date(r)}",
            f"my subscription renews on {_date(r)}",
            f"the charge posted {_date(r)}",
            f"since {_date(r)} the app crashes",
        )
    ),
    "time": lambda r: r.choice(
        (
            f"the outage started at {r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
            f"your team is open {r.randint(7, 10)}:00-{r.randint(16, 20)}:30 CET, right?",
            f"the call is scheduled for {r.randint(1, 12)}:{r.choice(('00', '15', '30', '45'))} "
            f"{r.choice(('AM', 'PM'))}",
            f"the job ran at {r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d} and failed",
        )
    ),
    "price": lambda r: r.choice(
        (
            f"I was charged {_price(r)} instead of {_price(r)}",
            f"the plan costs {_price(r)} a month",
            f"refund amount: {_price(r)}",
        )
    ),
    "version": lambda r: r.choice(
        (
            f"I'm on {_version(r)}",
            f"it broke after updating to {_version(r)}",
            f"the bug is still there in {_version(r)}",
        )
    ),
    "sku": lambda r: r.choice(
        (
            f"SKU {_digits(r, 7)}-{r.choice(('XL', 'M', 'S'))}-{r.choice(('BLK', 'WHT', 'RED'))} is out of stock",
            f"model WH-{r.randint(1000, 1200)}XM{r.randint(3, 6)} has a faulty hinge",
            f"part no. {_chars(r, 3, string.ascii_uppercase)}-{_digits(r, 5)}-{_digits(r, 2)}",
            f"item {_digits(r, 3)}.{_digits(r, 3)}.{_digits(r, 2)} from the catalogue",
            f"EAN {_digits(r, 13, '4')} on the box",
        )
    ),
    "uuid": lambda r: r.choice(
        (f"request id {_uuid(r)}", f"error reference {_uuid(r).upper()}", f"workspace {_uuid(r)} can't be opened")
    ),
    "git-sha": lambda r: r.choice(
        (
            f"it broke in commit {_chars(r, 40, '0123456789abcdef')}",
            f"revert {_chars(r, 7, '0123456789abcdef')} please",
            f"image digest sha256:{_chars(r, 64, '0123456789abcdef')}",
        )
    ),
    "non-luhn-16": lambda r: r.choice(
        (
            f"gift card code {_grouped4(_non_luhn_16(r))} says invalid",
            f"loyalty number {_non_luhn_16(r)}",
            f"voucher {_grouped4(_non_luhn_16(r), '-')} was already redeemed",
            f"account reference {_non_luhn_16(r)}",
        )
    ),
    "zip-code": lambda r: r.choice(
        (
            f"ZIP {_digits(r, 5, '123456789')}",
            f"ship to {_digits(r, 5, '123456789')}-{_digits(r, 4)}",
            "postcode SW1A 1AA",
            f"{_digits(r, 5, '1234567')} Berlin",
            f"CEP {_digits(r, 5, '123456789')}-{_digits(r, 3)}",
            f"〒{_digits(r, 3, '123456789')}-{_digits(r, 4)} Tokyo",
            f"{_digits(r, 5, '1234567')} Paris",
        )
    ),
    "percentage": lambda r: r.choice(
        (
            f"the discount was {r.randint(5, 50)}% not {r.randint(5, 50)}%",
            f"battery drops {r.randint(1, 40)}.{r.randint(0, 9)}% per hour",
            f"VAT is {r.choice(('19', '20', '7.5', '8.1'))}%",
        )
    ),
    "quantity": lambda r: r.choice(
        (
            f"I ordered {r.randint(2, 12)} x 500 g but got {r.randint(1, 4)}",
            f"qty: {r.randint(1, 200)}",
            f"{r.randint(2, 48)} units are missing",
            f"the screen is {r.randint(1, 4) * 1920}x{r.randint(1, 4) * 1080}",
        )
    ),
    "ticket-id": lambda r: r.choice(
        (
            f"ticket #{_digits(r, 6, '123456789')}",
            f"case {_digits(r, 8)}",
            f"my RMA is RMA-{_digits(r, 7)}",
            f"HTTP {r.choice((401, 403, 500, 502, 503))} error code E-{_digits(r, 4)}",
            f"error 0x{_chars(r, 8, '0123456789ABCDEF')}",
        )
    ),
    "secret-words": lambda r: r.choice(
        (
            "I forgot my password",
            "the password reset email never arrived",
            "the API key field is empty",
            "password: must be at least 12 characters",
            "my token expired",
            "set password=<your password> in the file",
            "replace YOUR_API_KEY with the key from the dashboard",
            "Password: ********",
            "where do I find my api key?",
            "it says invalid token",
            "the secret key is shown only once",
        )
    ),
    "contact-words": lambda r: r.choice(
        (
            "email me at the address on file",
            "call me on the number on my account",
            "my phone died so I'm on my laptop",
            "I don't have a landline",
            "your support email bounced",
            "the IP address field is greyed out",
        )
    ),
}


def _near_miss_clause(rng: random.Random) -> str:
    return _NEAR_MISSES[rng.choice(list(_NEAR_MISSES))](rng)
