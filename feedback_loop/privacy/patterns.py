"""The pattern detectors: identifiers with a shape (and often a checksum) that a regular expression finds.

Each replaces what it detects by a typed placeholder (:mod:`feedback_loop.privacy.placeholders`). National
ids, passports and dates of birth are in :mod:`feedback_loop.privacy.identifiers`; addresses in
:mod:`feedback_loop.privacy.addresses`, names in :mod:`feedback_loop.privacy.names`;
:data:`~feedback_loop.privacy.redactor.DETECTORS` puts each tier's in order.

==================  ================  =========================================================================
type                placeholder       what is detected
==================  ================  =========================================================================
``EMAIL``           ``<EMAIL>``       ``name@domain.tld`` (Unicode too, ``%40`` as in URLs), ``name [at] domain
                                      [dot] tld`` and ``name at domain dot com`` forms
``PHONE``           ``<PHONE>``       ``+``/``00`` international numbers; US numbers; national numbers with a
                                      trunk ``0`` or an area code in parentheses; other groupings and bare
                                      digit strings only when named as a phone: a phone word before ("call",
                                      "tel"), a phrase handing it over ("my number is", "I'm on") or one
                                      after it ("is my cell"); never dates, decimals, SSN shapes, or numbers
                                      named as something else ("order no.", "tracking number")
``CARD``            ``<CARD>``        13-19 digits (bare, or grouped 4-4-4-4[-3] by spaces, dashes or dots,
                                      4-6-4[5] by spaces or dashes) starting with 2-6 (the major networks)
                                      and passing Luhn; not a product code's length right after "EAN",
                                      "GTIN", "UPC", "barcode"
``IBAN``            ``<IBAN>``        country code, check digits and BBAN of that country's length, spaced or
                                      not, passing the mod-97 check (a mostly-letter BBAN only compact or in
                                      groups of four)
``IP``              ``<IP>``          IPv4 with valid octets, not inside a longer dotted sequence nor after
                                      ``>=``/``==`` or a version word ("firmware 2.8.4.85"); loopback,
                                      0.0.0.0 and broadcast stay; IPv6 of 3+ groups
``SSN``             ``<SSN>``         US ``123-45-6789`` / ``123 45 6789`` (never 000/666/9xx, 00, 0000); nine
                                      bare or dotted digits only after "SSN" or "social security"
``SECRET``          ``<SECRET>``      private key blocks; well-known token shapes (AWS, GitHub, GitLab, Slack
                                      and its webhooks, Stripe, OpenAI-style ``sk-``, Google ``AIza``, Hugging
                                      Face, npm, SendGrid, Twilio, JWT, Discord); Authorization header
                                      credentials; the values of ``password=``, ``"api_key": "..."``,
                                      ``--password ...`` style assignments (the key name stays), unless they
                                      read as code, prose or a placeholder (``token = next(it)``,
                                      ``api_key=settings.API_KEY``, ``password: forgotten``, ``<your
                                      password>``); passwords said in a sentence ("my password is ...",
                                      "pw is ...", "PW: ...", "the pass is ...", "I changed my password to
                                      ...") or right after their noun when written like a password ("temp
                                      password Kalimera2024! given", "door passcode 4417#"); keys and
                                      tokens said in a sentence ("the api key is <16+ letters and digits>")
``URL_CREDENTIALS`` ``<CREDENTIALS>`` ``user:password`` in ``scheme://user:password@host`` (scheme and host stay)
==================  ================  =========================================================================

The detectors run one after another, each on the output of the previous ones, in the order of
:data:`~feedback_loop.privacy.redactor.PATTERN_DETECTORS`: the most specific shapes first, so that a looser
detector never takes a piece of something a stricter one would have recognised whole (see the comment above
it). Placeholders contain no digits or ``@``, so a later detector never matches inside one.

"""

from __future__ import annotations

import ipaddress
import re

import phonenumbers
from stdnum import luhn

from feedback_loop.privacy.placeholders import (
    PLACEHOLDERS,
    RE2_DIGIT,
    RE2_LETTERS,
    RE2_SPACE,
    RE2_SPACE_CHARS,
    RE2_SPACES,
    RE2_WORD_CHARS,
    SPACES,
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
    whole,
)

_SP = SPACES

# Small patterns the detectors' checks use, compiled once (they run for every candidate).
_DIGIT_GROUP = re.compile(r"\d+")
_NOT_DIGITS = re.compile(r"\D+")
_DECIMAL = re.compile(r"\+?\d+\.\d+")
_SENTENCE_GOES_ON = re.compile(r"\.\s|\s\.")
_IBAN_SEPARATOR = re.compile(f"[{_SP}-]")
# Where a sentence ends: a word before it names nothing after it. Not the full stop of "no." or "nr." ("Part no.
# 04-1123-778" is a part's number).
SENTENCE_END = re.compile(r"(?:(?<!\b[Nn][oOrR])\.|[!?;\n])\s")

# --- SECRET: private keys, token shapes, assignments ------------------------------------------------------

_PRIVATE_KEY_HEADER = r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"
PRIVATE_KEY_END = re.compile(r"-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")
# A block cut short (a truncated paste) is redacted to the end of the text: its body is the secret.
_PRIVATE_KEY = re.compile(_PRIVATE_KEY_HEADER + r".*?(?:" + PRIVATE_KEY_END.pattern + r"|\Z)", re.DOTALL)
_PRIVATE_KEY_BEGIN = re.compile(_PRIVATE_KEY_HEADER)


def opens_private_key(line: str) -> bool:
    """True when ``line`` holds a private key header whose block does not end on the same line."""
    begins = list(_PRIVATE_KEY_BEGIN.finditer(line))
    return bool(begins) and PRIVATE_KEY_END.search(line, begins[-1].end()) is None


_TOKEN = re.compile(
    r"(?<![\w-])(?:"
    r"(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[A-Z0-9]{16}"  # AWS access key ids
    r"|gh[pousr]_[A-Za-z0-9]{36,255}"  # GitHub classic tokens
    r"|github_pat_[A-Za-z0-9_]{22,255}"  # GitHub fine-grained tokens
    r"|glpat-[A-Za-z0-9_-]{20,}"  # GitLab personal access tokens
    r"|xox[abposr]-[A-Za-z0-9-]{10,}"  # Slack tokens
    r"|(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}"  # Stripe secret and restricted keys
    r"|sk-(?:[A-Za-z0-9]+-)*[A-Za-z0-9_-]{20,}"  # OpenAI-style (sk-..., sk-proj-..., sk-ant-api03-...)
    r"|AIza[0-9A-Za-z_-]{35}"  # Google API keys
    r"|hf_[A-Za-z0-9]{30,}"  # Hugging Face tokens
    r"|npm_[A-Za-z0-9]{36}"  # npm tokens
    r"|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}"  # SendGrid keys
    r"|SK[0-9a-fA-F]{32}"  # Twilio API keys
    r"|https://hooks\.slack\.com/services/[A-Za-z0-9_/-]+"  # Slack webhooks (the path is the secret)
    r"|eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*"  # JWTs (header.payload.signature)
    r"|[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}"  # Discord bot tokens
    r")(?![\w-])"
)

# What each token shape above starts with or must hold, searched before the full pattern: most text holds none.
_TOKEN_TRIGGER = re.compile(
    r"A(?:KIA|SIA|GPA|IDA|ROA|IPA|NPA|NVA|BIA|CCA|Iza)|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|[sr]k_(?:live|test)_"
    r"|sk-|hf_|npm_|SG\.|SK[0-9a-fA-F]{32}|hooks\.slack\.com|eyJ|[MNO][A-Za-z0-9_-]{23,25}\."
)

# In an Authorization header whatever follows the scheme is the credential, whatever it looks like.
_AUTHORIZATION = re.compile(r"(?i)\bauthorization[\"']?\s*[:=]\s*[\"']?(?:bearer|basic|token)\s+(?P<value>[^\s\"']+)")
# Elsewhere a Bearer token must hold a digit: "bearer" is also an English word followed by long words.
_BEARER = re.compile(r"(?i)\bbearer\s+(?P<value>(?=[A-Za-z0-9._~+/-]*\d)[A-Za-z0-9._~+/-]{16,}=*)")

_SECRET_KEY_NAMES = (
    r"password|passwd|pwd|passphrase|pass|secret|client[_-]?secret|secret[_-]?key|api[_-]?key|apikey"
    r"|access[_-]?key(?:[_-]?id)?|private[_-]?key|access[_-]?token|auth[_-]?token|refresh[_-]?token|token"
    r"|credentials?|auth"
)
# ``DB_PASSWORD=``, ``"api_key": "..."``, ``x-api-key: ...``, ``?token=...``, ``PGPASSWORD=``: the key may
# carry a prefix joined by ``_``, ``.`` or ``-`` (or glued, in capitals); the key name stays, the value goes.
# JSON escaped inside a string too: {\"api_key\": \"...\"}.
_ASSIGNMENT = re.compile(
    r"(?i)(?<![\w.-])(?:[\w.-]*[_.-]|(?-i:[A-Z]{2,}))?(?P<name>" + _SECRET_KEY_NAMES + r")(?:\\?[\"'])?"
    r"(?P<operator>\s*(?::=|=|:)\s*)"
    r"(?P<value>\\\"[^\"\\\n]*\\\"|\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'|<[^<>\n]{1,40}>|[^\s\"'`,;&(){}\[\]]+)"
)
# An XML element: <password>...</password>.
_SECRET_ELEMENT = re.compile(r"(?i)<(?P<name>" + _SECRET_KEY_NAMES + r")>(?P<value>[^<>\n]{1,200})</(?P=name)>")
# ``--password hunter2``: command-line flags (``--api-key=...`` is an assignment above).
_FLAG = re.compile(
    r"(?i)(?<![\w-])--(?:[\w-]*-)?(?:password|passwd|pass|pwd|passphrase|token|api-key|apikey|secret"
    r"|client-secret|access-token|auth-token|secret-key)\s+"
    r"(?P<value>\"[^\"\n]*\"|'[^'\n]*'|<[^<>\n]{1,40}>|[^\s\"'-][^\s\"']*)"
)

# A name in code (a variable, one part of a dotted path): a word in snake_case, UPPER_CASE, camelCase or
# PascalCase, digits at its end only. Random keys mix case and digits throughout ("ZLSJ3Hm6pH7GxYse.Yh5oU7J0",
# "$njX_E3oDJ") and are no such name; "settings.API_KEY", "os.environ", "config.apiKey", "self._token" and
# "$DB_PASS" are.
_IDENTIFIER_PART = (
    r"(?:_*[a-z]+\d*(?:_[a-z]+\d*)*|_*[A-Z]+\d*(?:_[A-Z]+\d*)*|_*[a-z]+(?:[A-Z][a-z]+)+\d*|(?:[A-Z][a-z]+)+\d*)"
)
# Placeholders and references standing where a value would be ("${DB_PASSWORD}", "{{ token }}", "<api_key>",
# "%s", "*****"), and the special tokens of tokenizers ("</s>", "<|image_pad|>", "[PAD]").
_REFERENCE = re.compile(
    rf"\$\{{?(?:{_IDENTIFIER_PART}|\d+)\}}?"
    r"|\{\{.*\}\}|\{\w*\}|<[^<>\n]*>|\[[A-Z_]+\]|%(?:\(\w+\))?s|[*•]+|[*xX•.]{3,}"
)
# Type names after "token: " in Python annotations, and literals that stand for "no value".
_CODE_WORDS = frozenset(
    [
        "int",
        "str",
        "bytes",
        "bool",
        "float",
        "dict",
        "list",
        "tuple",
        "set",
        "any",
        "none",
        "null",
        "nil",
        "true",
        "false",
        "undefined",
    ]
)
# Key prefixes that name an action or a setting about a password rather than the password.
_NOT_A_SECRET_PREFIX = re.compile(
    r"(?i)(?:reset|forgot|forgotten|change|show|hide|toggle|validate|check|verify|min|max|has|is|use|require|"
    r"required|enable|disable|allow)[_.-]"
)
# Words that follow "password:" in prose ("password: forgotten again") rather than a password.
_PROSE_AFTER_COLON = frozenset(
    [
        "a",
        "an",
        "the",
        "it",
        "is",
        "was",
        "be",
        "been",
        "being",
        "are",
        "not",
        "no",
        "none",
        "null",
        "nil",
        "n/a",
        "na",
        "yes",
        "true",
        "false",
        "required",
        "optional",
        "forgotten",
        "forgot",
        "reset",
        "changed",
        "change",
        "expired",
        "expires",
        "incorrect",
        "invalid",
        "wrong",
        "missing",
        "unknown",
        "hidden",
        "redacted",
        "empty",
        "blank",
        "bearer",
        "basic",
        "see",
        "use",
        "using",
        "must",
        "should",
        "will",
        "can",
        "cannot",
        "please",
        "enter",
        "new",
        "old",
        "same",
        "your",
        "my",
        "our",
        "their",
        "his",
        "her",
        "its",
        "this",
        "that",
        "these",
        "those",
        "here",
        "there",
        "and",
        "or",
        "but",
        "if",
        "when",
        "then",
        "for",
        "with",
        "from",
        "to",
        "of",
        "in",
        "on",
        "at",
        "by",
        "as",
        "via",
        "too",
        "also",
        "only",
        "just",
        "still",
        "yet",
        "again",
    ]
)
# An unquoted value after "password:" shorter than this is a count or a flag ("pw: 3"), not a password.
_SHORTEST_UNQUOTED_VALUE = 3
# A pass that lets a person board, ride or enter is a ticket, not a password, after a colon: "Boarding pass:
# MCALLISTER/EWAN", "Ski pass: 12-0042" (not "user=guest pass=P@ssw0rd!").
_A_TICKET_CALLED_PASS = re.compile(
    r"(?i)\b(?:boarding|bus|rail|train|metro|transit|travel|day|week|weekly|month|monthly|season|annual|ski"
    r"|parking|gym|press|backstage|festival|hall|gate|museum|event)[ \t]+$"
)
_EVERYDAY_KEY_NAMES = frozenset(("secret", "token", "auth", "pass", "credential", "credentials"))


def _secret_value(match: re.Match[str]) -> str | None:
    """The assignment with its value replaced (inside its quotes), unless the value is empty, a reference,
    code or prose."""
    value = match.group("value")
    quote = 2 if value.startswith('\\"') else 1 if value[:1] in ("'", '"') else 0
    bare = value[quote : len(value) - quote]
    quoted = quote > 0
    if not bare or _is_reference(bare) or _reads_as_code(bare, match):
        return None
    if ":" in match.group("operator") and not quoted and _reads_as_prose(bare, match):
        return None
    if (
        match.group("name").lower() == "pass"
        and ":" in match.group("operator")
        and _A_TICKET_CALLED_PASS.search(match.string, 0, match.start("name"))
    ):
        return None
    if len(bare) < _SHORTEST_UNQUOTED_VALUE and not quoted:
        return None
    start, end = match.span("value")
    return splice(match, start + quote, end - quote, "SECRET")


def _secret_element(match: re.Match[str]) -> str | None:
    """The element with its text replaced, unless the text is a placeholder or reference."""
    return None if _is_reference(match.group("value").strip()) else group("SECRET", "value")(match)


def _is_reference(value: str) -> bool:
    """True for a placeholder or reference, also when a sentence's punctuation follows it ("********.")."""
    return _REFERENCE.fullmatch(value) is not None or _REFERENCE.fullmatch(value.rstrip(".,;!?")) is not None


_CODE_PATH = re.compile(rf"\$?{_IDENTIFIER_PART}(?:\.{_IDENTIFIER_PART})+")
# Objects that code reads settings from: "config.token", "env.password".
_CODE_ROOTS = frozenset(
    [
        "os",
        "self",
        "cls",
        "this",
        "config",
        "cfg",
        "conf",
        "settings",
        "env",
        "environ",
        "process",
        "request",
        "req",
        "ctx",
        "context",
        "app",
        "args",
        "opts",
        "options",
        "params",
        "secrets",
        "vault",
        "creds",
        "credentials",
        "window",
    ]
)


def _is_code_path(value: str, key_name: str) -> bool:
    """True for a dotted path that reads as code rather than as a password with a dot ("hunter.two"): one of
    its parts is written in code case (snake_case, UPPER_CASE, camelCase), names the key itself
    ("form.password"), or it starts at an object code reads settings from ("config.token")."""
    value = value.rstrip(".,;!?")
    if _CODE_PATH.fullmatch(value) is None:
        return False
    parts = value.lstrip("$").split(".")
    key = re.sub(r"[_-]", "", key_name.lower())
    return (
        parts[0].lower() in _CODE_ROOTS
        or any("_" in part or re.search(r"[A-Z]{2}|[a-z][A-Z]", part) for part in parts)
        or any(part.lower().replace("_", "") == key for part in parts)
    )


def _flag_value(match: re.Match[str]) -> str | None:
    """The flag with its value replaced, unless the value is a placeholder (``--password <your password>``)."""
    if _is_reference(match.group("value").strip("\"'")):
        return None
    return group("SECRET", "value")(match)


def _reads_as_code(value: str, match: re.Match[str]) -> bool:
    """True when the "value" is code or another setting: ``token = next(it)``, ``bos_token=BOS_TOKEN``,
    ``credentials=call_credentials``, ``token: int``, ``PASS = "PASS"``, ``'token': 3291``,
    ``reset_password: ...``, ``has_new_token = ...``, ``PASSWORD= NEXT_VAR=1``."""
    following = match.string[match.end() : match.end() + 1]
    return (
        following in ("(", "[")
        or _is_code_path(value, match.group("name"))
        or re.fullmatch(r"_*[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|_*[a-z]+(?:_[a-z]+)+", value) is not None
        or re.match(r"[A-Za-z_][\w.-]*=.", value) is not None
        or value.lower() in _CODE_WORDS
        or value.lower() == match.group("name").lower()
        # A number after "token" is a token id or count ("'token': 3291"); after "password" it is a PIN.
        or (match.group("name").lower() == "token" and value.isdigit())
        or _NOT_A_SECRET_PREFIX.match(match.group(0)[: match.start("name") - match.start()]) is not None
    )


# An amount of money: a currency's sign or ISO code and a number.
_CURRENCY = r"(?:[€$£¥₹]|(?:EUR|USD|GBP|CHF|JPY|CAD|AUD|NZD|INR|SEK|NOK|DKK|PLN|CZK|ZAR|BRL|MXN|SGD|HKD)\b)"
_AN_AMOUNT = re.compile(rf"{_CURRENCY} ?\d+(?:[.,]\d+)*|\d+(?:[.,]\d+)* ?{_CURRENCY}")


def _reads_as_prose(value: str, match: re.Match[str]) -> bool:
    """After a colon, a common word ("password: forgotten") is prose, not a value; so is a plain word that
    the sentence goes on from after a name that is also an everyday word ("the secret: bake it"), or an amount
    after it ("24h pass: €6.80")."""
    word = value.rstrip(".!?")
    if word.lower() in _PROSE_AFTER_COLON:
        return True
    # What a pass or a token costs: "24h pass: €6.80", "day pass: 12 EUR".
    if match.group("name").lower() in _EVERYDAY_KEY_NAMES and _AN_AMOUNT.fullmatch(word):
        return True
    following = match.string[match.end() : match.end() + 2]
    return (
        match.group("name").lower() in _EVERYDAY_KEY_NAMES
        and word == value
        and word.isalpha()
        and (word.islower() or word.istitle())
        and re.fullmatch(" [a-z]", following) is not None
    )


# A password said in a sentence: "my password is Summer!2017", "the password I use for work is x", "pw is
# Drag0n324!", "the password for the staging db: x", "the password's x", "I changed my password to hunter2", and
# "I reset it to 70MB56jeSMOWmi3Dd" where no word names the password (then the value must be written like nothing
# but a password). Chat also hands a password over right after its noun, with no verb ("temp password
# Kalimera2024! given over phone", "admin pw Tango88Delta", "Password - Maple7!Leaf"), and says "the pass is
# letmein42": "pass" is an everyday word and a bare noun is followed by prose ("password reset link sent"), so
# there the value must be written like a password too (_stands_alone_as_password). The value is one token; what
# follows it decides whether it was a value or the sentence going on ("my password is case sensitive").
_PASSWORD_NOUN = r"(?:password|passwort|passcode|passphrase|pass\s?word|passwd|pwd|pw)"
_SPOKEN_PASSWORD = re.compile(
    r"(?i)(?:"
    rf"\b(?:{_PASSWORD_NOUN}|(?P<everyday_noun>pass))"
    r"(?:\s+(?:i|we)\s+(?:use|used|chose|picked|set|have|had|typed|entered|tried))?"
    r"(?:\s+(?:for|on|of)\s+(?:(?:the|my|our|this|that)\s+)?[\w.-]+(?:\s+[\w.-]+)?)?"
    r"(?:\s+(?:is|was|is\s+now|is\s+still|will\s+be|should\s+be)\s*:?|(?P<colon>\s*:)|['’]s)"
    rf"|\b(?:reset|changed?|set|updated?)\s+(?:my|the|our|your)\s+(?:[\w-]+\s+)?{_PASSWORD_NOUN}\s+to"
    r"|\b(?P<pronoun>reset\s+it\s+to)"
    rf"|\b(?P<bare_noun>{_PASSWORD_NOUN})(?:\s+-)?"
    r")\s+[\"'“‘`]?(?P<value>[^\s\"'“”‘’`]+?)(?=[\"'”’`]?[.,;:?)\]]*(?:\s|$))"
)
# A key or token said in a sentence: "the api key is 3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c", "access token: ...". Keys
# of no known shape are long runs of letters and digits; "the token is valid", "the API key is in the vault" stay.
_SPOKEN_KEY = re.compile(
    r"(?i)\b(?:api[ _-]?key|access[ _-]?key|secret[ _-]?key|client[ _-]?secret|(?:access|auth|api|bearer)[ _-]?token"
    r"|token)(?:\s+(?:is|was|is\s+now)\s*:?|\s*:)\s+[\"'`]?"
    r"(?P<value>(?=[^\s\"'`]*\d)(?=[^\s\"'`]*[A-Za-z])[A-Za-z0-9_\-./+=~]{16,}?)(?=[\"'`]?[.,;:?)\]]*(?:\s|$))"
)
# Words that say what a password is like rather than what it is ("my password is wrong", "... is required").
_PASSWORD_STATES = frozenset(
    [
        "correct",
        "right",
        "ok",
        "okay",
        "fine",
        "good",
        "bad",
        "weak",
        "strong",
        "short",
        "long",
        "secure",
        "insecure",
        "safe",
        "unsafe",
        "valid",
        "case-sensitive",
        "sensitive",
        "mandatory",
        "needed",
        "necessary",
        "optional",
        "lost",
        "stolen",
        "known",
        "temporary",
        "default",
        "different",
        "simple",
        "complex",
        "easy",
        "hard",
        "mine",
        "yours",
        "ours",
        "theirs",
        "his",
        "hers",
        "sent",
        "gone",
        "what",
        "which",
        "who",
        "why",
        "how",
        "something",
        "anything",
        "nothing",
        "everything",
        "whatever",
    ]
)
# What ends the clause after a one-word value: punctuation, the end of the line, a conjunction or a new
# sentence ("my password is sunshine and it fails", "my password is sunshine Thanks").
_CLAUSE_ENDS = re.compile(
    r"[\"'”’`]?[.,;:?)\]]|\s*\n|\s*$|\s+(?:and|but|so|or|because|since|then|thanks|thx|please|pls)\b|\s+[A-Z]"
)


def _spoken_password(match: re.Match[str]) -> str | None:
    """The sentence with the password replaced, unless the "value" describes the password or the sentence
    goes on from it as prose."""
    value = match.group("value")
    word = value.rstrip("!").lower()
    if _is_reference(value) or word in _PROSE_AFTER_COLON or word in _PASSWORD_STATES or word in _CODE_WORDS:
        return None
    # "my password was changed", "... is expiring", a version or a path.
    if re.fullmatch(r"[a-z]{3,}(?:ed|ing)", word.rsplit("-", 1)[-1]):
        return None
    if re.fullmatch(r"v?\d+(?:\.\d+)+|[~.]*/\S*", word):
        return None
    classes = _character_classes(value)
    if match.group("pronoun") and classes < 3:
        return None
    if match.group("colon") and len(value) < _SHORTEST_UNQUOTED_VALUE:
        return None
    if match.group("everyday_noun") or match.group("bare_noun"):
        return group("SECRET", "value")(match) if _stands_alone_as_password(match) else None
    # A plain word or number may be the sentence going on ("my password is 8 characters long"): it is taken
    # only where its clause ends. A mix of character classes is a password wherever it stands.
    written_like_a_password = classes >= 3 or (classes == 2 and len(value) >= 6)
    if not written_like_a_password and not _CLAUSE_ENDS.match(match.string, match.end()):
        return None
    return group("SECRET", "value")(match)


# A term of words and numbers joined by dashes, slashes or dots ("AES-256", "MD5-hashed", "3-day", "SHA256"), a
# ticket ("PR#412"), a file or a domain ("Report_2024.xlsx", "example.com") or a link: letters, digits and a
# symbol, but a name rather than a password; four parts or more are a passphrase ("correct-horse-battery-staple-42").
_TERM_OF_WORDS_AND_NUMBERS = re.compile(
    r"(?:[A-Za-z]+|\d+|[A-Z]+\d+)(?:[-/.](?:[A-Za-z]+|\d+|[A-Z]+\d+)){0,2}|[A-Z]{2,}#\d+|\S+\.[a-z]{2,4}|\S*://\S*"
)
# A code of digits, as a passcode is ("4417#", "77-31-90"): four digits at least.
_DIGIT_CODE = re.compile(r"(?=(?:\D*\d){4})\d[\d#*-]*")


def _stands_alone_as_password(match: re.Match[str]) -> bool:
    """True for a value that reads as a password with no verb naming it as one: after a bare noun ("temp password
    Kalimera2024! given"), three character classes, letters among them, or a code of four digits or more after
    "passcode"; after "the pass is", letters and a digit, six characters at least ("letmein42"). Terms of words
    and numbers ("AES-256", "3-day") are none."""
    value = match.group("value")
    noun = match.group("bare_noun") or ""
    if noun.lower() == "passcode" and _DIGIT_CODE.fullmatch(value):
        return True
    if _TERM_OF_WORDS_AND_NUMBERS.fullmatch(value):
        return False
    has_letter = re.search(r"[^\W\d_]", value) is not None
    has_digit = re.search(r"\d", value) is not None
    if match.group("everyday_noun"):
        return has_letter and has_digit and len(value) >= 6
    return has_letter and _character_classes(value) >= 3


def _character_classes(value: str) -> int:
    """How many of lower case, upper case, digits and symbols ``value`` mixes; a hyphen joining two letters
    ("case-sensitive") counts as no symbol."""
    value = re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", "", value)
    return sum(
        (
            any(char.islower() for char in value),
            any(char.isupper() for char in value),
            any(char.isdigit() for char in value),
            any(not char.isalnum() for char in value),
        )
    )


def _spoken_key(match: re.Match[str]) -> str | None:
    """The sentence with the key replaced, unless the "key" is code ("config.api_key_v2") or a version."""
    value = match.group("value")
    if _is_code_path(value, "key") or re.fullmatch(r"v?\d+(?:\.\d+)+", value):
        return None
    return group("SECRET", "value")(match)


def _unless_reference(match: re.Match[str]) -> str | None:
    """The match with its value replaced, unless the value is a reference ("Bearer <access_token>")."""
    return None if _is_reference(match.group("value")) else group("SECRET", "value")(match)


# --- URL_CREDENTIALS -----------------------------------------------------------------------------------------

# The user info runs to the last '@' of the authority, so an unencoded '@' or '#' in a password is covered.
_URL_CREDENTIALS = re.compile(r"(?i)\b[a-z][a-z0-9+.-]*://(?P<value>[^\s/?#@]*:[^\s/?]*)@(?=[^\s/?#@]*[A-Za-z0-9\]])")


def _url_credentials(match: re.Match[str]) -> str | None:
    """Keep templates such as ``s3://{access_key}:{secret_key}@bucket``: they hold no credentials."""
    if all(not part or _REFERENCE.fullmatch(part) for part in match.group("value").split(":", 1)):
        return None
    return group("URL_CREDENTIALS", "value")(match)


# --- EMAIL --------------------------------------------------------------------------------------------------

# "%40" is an '@' in a URL query ("?email=jane%40example.com").
_EMAIL = re.compile(
    r"(?<![\w.%+-])[\w%+-](?:[\w.%+'-]*[\w%+-])?(?:@|%40)"
    r"(?P<domain>(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,24})(?![\w-]|\.[^\W_])"
)
_OBFUSCATED_EMAIL = re.compile(
    r"(?i)(?<![\w.%+-])[\w.%+-]+\s*[\[({<]\s*at\s*[\])}>]\s*[\w-]+"
    r"(?:(?:\s*[\[({<]\s*dot\s*[\])}>]\s*|\.)[\w-]+)+"
)
# "alice at example dot com": only with a usual top-level domain and without a pronoun or article as the
# domain ("look at the dot com bubble").
_SPELLED_EMAIL = re.compile(
    r"(?i)(?<![\w.%+-])(?P<local>[\w.%+-]+) at (?P<domain>[\w-]+(?: dot [\w-]+)*) dot "
    r"(?:com|org|net|edu|gov|io|co|uk|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|pl|pt|ie|ca|au|in|jp|br|info|biz|me)\b"
)
_NOT_AN_EMAIL_DOMAIN = frozenset(
    ["the", "a", "an", "this", "that", "my", "your", "our", "their", "his", "her", "its", "some", "any"]
)


def _email(match: re.Match[str]) -> str | None:
    """Keep ``icon@2x.png``-style asset names: their "domain" starts with a scale factor."""
    if re.match(r"\d+x\.", match.group("domain")):
        return None
    return PLACEHOLDERS["EMAIL"]


def _spelled_email(match: re.Match[str]) -> str | None:
    if match.group("domain").split(" dot ")[0].lower() in _NOT_AN_EMAIL_DOMAIN:
        return None
    if match.group("local").lower() in _NOT_AN_EMAIL_DOMAIN:
        return None
    return PLACEHOLDERS["EMAIL"]


# --- IBAN ---------------------------------------------------------------------------------------------------

# Lengths of the IBANs of the countries in the SWIFT IBAN registry.
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
    "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
    "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
    "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20,
    "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
    "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29,
    "RO": 24, "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip


# An IBAN is found from its check digits back: a search for two digits skips the letters of a text at C speed,
# where a pattern starting with one of 77 country codes would be tried at every letter.
_IBAN_CHECK_DIGITS = re.compile(r"\d\d(?<=[A-Za-z]{2}\d\d)")
_WORD_OR_DASH = re.compile(r"[\w-]")
# Country code, check digits, then exactly as many characters (spaces and dashes aside) as the country's IBANs
# have: the length, not the next word, decides where an IBAN ends.
_IBAN_OF_LENGTH: dict[int, re.Pattern[str]] = {
    length: re.compile(f"(?i)[A-Z]{{2}}\\d{{2}}(?:[{_SP}-]?[A-Z0-9]){{{length - 4}}}(?![A-Za-z0-9]|-[A-Za-z0-9])")
    for length in set(IBAN_LENGTHS.values())
}


def _detect_ibans(text: str) -> tuple[str, int]:
    """Every IBAN of ``text`` replaced (see :func:`_iban`), and how many; each candidate is matched at the
    country code before two digits, not preceded by a letter, digit or dash."""
    pieces: list[str] = []
    written = found = searched_to = 0
    for check_digits in _IBAN_CHECK_DIGITS.finditer(text):
        start = check_digits.start() - 2
        if start < searched_to or (start and _WORD_OR_DASH.match(text, start - 1)):
            continue
        length = IBAN_LENGTHS.get(text[start : start + 2].upper())
        match = None if length is None else _IBAN_OF_LENGTH[length].match(text, start)
        if match is None:
            continue
        # As in a substitution, an invalid candidate still covers its characters: no IBAN starts inside it.
        searched_to = match.end()
        replacement = _iban(match)
        if replacement is not None:
            pieces += (text[written:start], replacement)
            written = match.end()
            found += 1
    return ("".join(pieces) + text[written:], found) if found else (text, 0)


def iban_is_valid(compact: str) -> bool:
    """True for an IBAN without separators of its country's length whose mod-97 check gives 1."""
    compact = compact.upper()
    # Not isalnum() alone: the case-blind match takes "İ" (U+0130) and the Kelvin sign for "I" and "K".
    if (
        IBAN_LENGTHS.get(compact[:2]) != len(compact)
        or not compact[2:4].isdigit()
        or not (compact.isascii() and compact.isalnum())
    ):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def _iban(match: re.Match[str]) -> str | None:
    candidate = match.group(0)
    compact = _IBAN_SEPARATOR.sub("", candidate)
    if not iban_is_valid(compact):
        return None
    # Swiss or Italian account numbers may be mostly letters, and then so is text: "AT12 word word".
    # A letter-heavy candidate is taken only in one of the two ways IBANs are written, compact (electronic
    # form) or in groups of four (paper form), so that prose reaches the 1-in-97 checksum only in those shapes.
    bban = compact[4:]
    if sum(char.isdigit() for char in bban) * 2 < len(bban) and not _written_as_iban(candidate):
        return None
    return PLACEHOLDERS["IBAN"]


def _written_as_iban(candidate: str) -> bool:
    """True when ``candidate`` has no separators, or one separator between groups of four (the last shorter)."""
    groups = _IBAN_SEPARATOR.split(candidate)
    if len(groups) == 1:
        return True
    separators = set(_IBAN_SEPARATOR.findall(candidate))
    return len(separators) == 1 and all(len(group) == 4 for group in groups[:-1]) and 1 <= len(groups[-1]) <= 4


# --- CARD ---------------------------------------------------------------------------------------------------

_CARD = re.compile(
    # After a comma too, a digit before it or not: a card's first group has four digits, no thousands group does
    # ("id,card\n17,4111111111111111").
    rf"(?<![\w.#/+-])(?<!\d[{_SP}-])(?:"
    rf"\d{{4}}(?P<sep>[{_SP}.-])\d{{4}}(?P=sep)\d{{4}}(?P=sep)\d{{4}}(?:(?P=sep)\d{{3}})?(?!\d|(?P=sep)\d{{4}})"
    rf"|\d{{4}}(?P<amex>[{_SP}-])\d{{6}}(?P=amex)\d{{4,5}}(?!\d|(?P=amex)\d)"
    r"|\d{13,19}(?![\d]|[.,]\d)"
    r")(?!\w)"
)


def _is_card(digits: str) -> bool:
    # Visa 4, Mastercard 2/5, Amex, Diners and JCB 3, Discover and UnionPay 6: other leading digits are
    # airlines, petroleum, telecoms or national schemes, and mostly not card numbers in free text.
    return 13 <= len(digits) <= 19 and digits[0] in "23456" and luhn.is_valid(digits)


# "EAN 4006381333931", "barcode: 5901234123457": a number named as a product code, of a product code's length
# (EAN-8, UPC-A 12, EAN-13, GTIN-14 digits), is that code; 13 and 14 digits also fit a card's length.
_PRODUCT_CODE_BEFORE = re.compile(
    r"(?i)\b(?:ean|gtin|upc|isbn|barcode|bar code)(?:-?(?:8|12|13|14|a))?"
    r"(?:\s+(?:no\.?|nr\.?|number|code|#))?[\s:#]*$"
)
_PRODUCT_CODE_LENGTHS = frozenset((8, 12, 13, 14))


def _card(match: re.Match[str]) -> str | None:
    candidate = match.group(0)
    digits = _NOT_DIGITS.sub("", candidate)
    before = match.string[max(0, match.start() - 24) : match.start()]
    if len(digits) in _PRODUCT_CODE_LENGTHS and _PRODUCT_CODE_BEFORE.search(before):
        return None
    if _is_card(digits):
        return PLACEHOLDERS["CARD"]
    # "4111 1111 1111 1111 123": a CVV or expiry may sit where a 19-digit number's last group would.
    if match.group("sep") and len(digits) == 19 and _is_card(digits[:16]):
        return PLACEHOLDERS["CARD"] + candidate[19:]
    return None


# --- SSN ----------------------------------------------------------------------------------------------------

_SSN_NUMBER = rf"(?!000|666|9)\d{{3}}(?P<sep>[{_SP}-])(?!00)\d{{2}}(?P=sep)(?!0000)\d{{4}}"
# After a comma only where no digit is before it (a CSV field: "ssn,123-45-6789"; not "1,123-45-6789").
_SSN = re.compile(r"(?<![\w./#+-])(?<!\d,)(?<!\d )" + _SSN_NUMBER + r"(?![\w]|[-.,/]\d| \d)")
_SSN_IN_CONTEXT = re.compile(
    r"(?i)\b(?:ssn|ss#|social[ -]security|soc\.? ?sec\.?)(?:\s*(?:#|no\.|nr\.?|number|num|is|was|:|=|,|[\"']))*"
    rf"\s*(?P<value>(?!000|666|9)\d{{3}}([{_SP}.-]?)(?!00)\d{{2}}\2(?!0000)\d{{4}})(?!\w|[-.]\d)"
)


# --- IP -----------------------------------------------------------------------------------------------------

_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
# Not inside a longer dotted sequence ("1.2.3.4.5"), nor a version: "v2.0.1.4", "brotli>=1.2.0.0".
_IPV4 = re.compile(r"(?<![\w.])(?<![<>=~!]=)" + _OCTET + r"(?:\." + _OCTET + r"){3}(?![\w]|\.\d)")
# Loopback, "any" and broadcast addresses name no host: "127.0.0.1:5432" in a how-to is no one's address.
_IPV4_NOT_A_HOST = re.compile(r"127\..*|0\.0\.0\.0|255\.255\.255\.255")


# "firmware 2.8.4.85", "build 10.0.1.7", "v 4.1.0.2": a dotted quad right after a word naming a version is
# that version. Only right after: "the build server at 10.0.3.7" is an address.
_VERSION_WORD_BEFORE = re.compile(
    r"(?i)\b(?:version|ver\.?|v|firmware|fw|release|build|driver|app|bios|kernel|patch)\s*:?\s*$"
)


# "section 2.3.1.1", "§ 4.1.2.3", "clause 10.2.1.4": a dotted quad named as a part of a document.
_SECTION_WORD_BEFORE = re.compile(
    r"(?i)(?:\b(?:sections?|sec\.?|clauses?|chapters?|ch\.|paragraphs?|para\.?|articles?|art\.|items?|steps?"
    r"|rules?|appendix|annex|tables?|figures?|fig\.|parts?|points?|requirements?|req\.?|see|in|under|per)|§)\s*$"
)
# "part number 10.250.33.7", "SKU: 44.120.8.19", "filter cartridge 12.40.8.3": a dotted quad named as a product's
# code (catalogues number parts in dotted groups). Only right after, as for versions.
_PRODUCT_CODE_WORD_BEFORE = re.compile(
    r"(?i)\b(?:(?:part|model|catalog(?:ue)?|cat\.|article|product|spare|replacement|cartridge|filter|item)"
    r"(?:\s*(?:number|no\.?|nr\.?|#|code))?|p/n|sku|mpn)\s*:?\s*$"
)
# Words that name a dotted quad as an address: "ping 1.1.1.1", "DNS 8.8.8.8", "from 1.2.3.4".
_IP_WORD_BEFORE = re.compile(
    r"(?i)\b(?:ip|ipv4|addr|address|host|server|dns|gateway|router|ping|from|to|via|connect(?:ed|ing)?|login"
    r"|client|peer|proxy|subnet|route|remote|origin|source|src|dst|destination)\b\W*$"
)


def _netmask(quad: str) -> bool:
    """True for a subnet mask ("255.255.255.0", "255.255.240.0"): ones from the top bit, then zeros; a mask names
    the size of a network, no host."""
    # "\d" reads the digits of every script ("20٤"), which a mask is never written in.
    if not quad.isascii():
        return False
    value = int(ipaddress.IPv4Address(quad))
    zeros = ~value & 0xFFFFFFFF
    return value >> 24 == 255 and zeros & (zeros + 1) == 0


def _ipv4(match: re.Match[str]) -> str | None:
    if _IPV4_NOT_A_HOST.fullmatch(match.group(0)):
        return None
    # Wide enough for the longest word naming a product's code ("catalogue number "); each pattern ends at "$".
    before = match.string[max(0, match.start() - 32) : match.start()]
    if (
        _VERSION_WORD_BEFORE.search(before)
        or _SECTION_WORD_BEFORE.search(before)
        or _PRODUCT_CODE_WORD_BEFORE.search(before)
        or _netmask(match.group(0))
    ):
        return None
    # "2.3.1.1": four one-digit numbers are how documents number their sections; as a host address such a
    # quad is rare enough (a few public resolvers) to need a word naming it so.
    if len(match.group(0)) == 7 and not _IP_WORD_BEFORE.search(before):
        return None
    return PLACEHOLDERS["IP"]


_IPV6_CANDIDATE = re.compile(
    r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{1,4})?"
    r"(?:%[0-9A-Za-z_.]+)?(?![\w]|\.\d)"
)


_HEX_PAIRS = re.compile(r"[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){7}")


def _ipv6(match: re.Match[str]) -> str | None:
    candidate = match.group(0)
    # "blocked 2001:db8::1: retry" - a colon that ends the address in prose, not part of it.
    trailing = ""
    if candidate.endswith(":") and not candidate.endswith("::"):
        candidate, trailing = candidate[:-1], ":"
    address = candidate.split("%", 1)[0]
    try:
        parsed = ipaddress.IPv6Address(address)
    except ValueError:
        return None
    # "::1", "fe80::1" and the "::2" of a Python slice carry no more than one or two groups: not a host.
    if parsed.ipv4_mapped is None and sum(1 for part in address.split(":") if part) < 3:
        return None
    # "3A:7F:22:9C:D1:0B:84:5E": eight pairs of hex digits are a key's fingerprint or a hardware address as they
    # are printed, not an IPv6 address, whose groups are written without their leading zeros.
    if _HEX_PAIRS.fullmatch(address):
        return None
    return PLACEHOLDERS["IP"] + trailing


# --- PHONE --------------------------------------------------------------------------------------------------

# A full stop followed by a space, or a dash with spaces around it, ends a number: "ZIP 39142. 080-4888-0009"
# and "tracking 254122065054 - 0044 7736 038 044" hold two numbers, not one.
_PHONE_CANDIDATE = re.compile(
    # After a comma only where no digit is before it, or the number opens with its "+" (CSV fields:
    # "a@b.com,415-555-0123", "+14155550123,+14155550124"; not the groups of "1,415,555,0123").
    r"(?<![\w./#+$€£%-])(?:(?<!\d,)|(?=\+))(?<!\d )"
    rf"(?P<number>(?:\(\s?)?(?:\+|00)?\(?\d(?:(?!\.[{_SP}]|[{_SP}]-[{_SP}])[\d(){_SP}.\-/]){{5,40}}\d)"
    r"(?P<extension>\s?(?:x|ext\.?|extension)\s?\d{1,6})?"
    r"(?![\w]|[.,/:-]?\d)"
)
_PHONE_CONTEXT = re.compile(
    r"(?i)\b(?:phone|tel|telephone|mobile|cell|cellphone|fax|call|text me|text us|whatsapp|sms|dial|ring|reach"
    r"|contact|hotline|handy|telefon|telefone|teléfono|téléphone|portable|móvil|celular|cellulare)\b"
)
# Phrases that hand a number over right before it without a phone word: "my number is", "the correct number
# is", "I'm on" (British for "call me on"), "the code was sent to".
_PHONE_CUE_BEFORE = re.compile(
    r"(?i)(?:\b(?:my|your|our|his|her|their)\s+(?:(?:new|correct|right|real|current|direct|private|personal|work"
    r"|home|office|contact)\s+)?number"
    r"|\bthe\s+(?:new|correct|right|best|real|current)\s+number"
    r"|\b(?:i['’]?m|i am|we['’]?re|we are)\s+on"
    r"|\b(?:code|sms|otp|message|text)s?\s+(?:(?:was|were|is|are|gets?|got|has been|have been)\s+)?"
    r"(?:sent|texted|delivered)\s+to"
    r")(?:\s+(?:is|was))?[\s:]*$"
)
# The number named as a phone right after it: "98619 93105 is my cell", "030 96049453 (mobile)", "... - cell".
_PHONE_LABEL = (
    r"(?:(?:new|work|home|office|private|personal|direct|mobile|cell)\s+)?"
    r"(?:phone|cell|cellphone|mobile|landline|whatsapp|fax|tel|telephone)"
)
_PHONE_CUE_AFTER = re.compile(
    rf"(?i)\s*(?:(?:is|was)\s+(?:my|our|his|her|their)\s+(?:{_PHONE_LABEL}|(?:[a-z]+\s+)?number)"
    rf"|\(\s*{_PHONE_LABEL}|[-–,]\s+(?:(?:my|our)\s+)?{_PHONE_LABEL})\b(?!\s+of\b)"
)
_PHONE_CONTEXT_CHARS = 40
# "tracking number 0032 5104 2748", "order no. 4155550123", "my account number is ...": the number is named
# as something else.
NAMED_AS_SOMETHING_ELSE = re.compile(
    r"(?i)\b(?:tracking|order|invoice|ticket|case|ref|reference|isbn|serial|account|sku|part|batch|lot|po"
    r"|customer|member|membership|loyalty|policy|confirmation|booking|receipt|transaction|voucher|model|routing"
    r"|item|article|product|catalog|catalogue|asset)"
    r"(?:\s+(?:no\.?|nr\.?|number|id|#))?(?:\s+(?:is|was))?[\s:#]*$"
)
_IBAN_GROUPS_BEFORE = re.compile(r"\b[A-Z]{2}\d{2}(?: [A-Z0-9]{4})+ $")
# "(19) 5481-4020", "(029) 92595-8350": an area code in parentheses, as numbers are written across Latin
# America and elsewhere, then the subscriber number in two groups, the last of four digits. Not "(2020)".
_AREA_CODE_NUMBER = re.compile(rf"\((?!(?:19|20)\d\d\))\d{{2,5}}\)[{_SP}]?\d{{3,5}}[{_SP}.\-]\d{{4}}")


# The fewest digits of a phone number phone_is_plausible accepts (an area code in parentheses and 6 digits).
MIN_PHONE_DIGITS = 8


def phone_is_plausible(number: str, context_before: str = "", context_after: str = "") -> bool:
    """True when ``number`` (digits with separators, without extension) is written like a phone number.

    International numbers (``+`` or ``00``) need 8-15 digits. National ones: US numbers (3-3-4 digits with
    valid area and exchange codes, optionally after a ``1``), numbers with a trunk ``0`` (9-12 digits in
    groups of two or more) and numbers with an area code in parentheses (8-12 digits); any other 9-12 digit
    grouping only when named as a phone: a phone word in ``context_before`` (the sentence up to the number),
    a phrase handing it over right before it ("my number is", "I'm on"), or right after it in
    ``context_after`` ("is my cell"); a ZIP+4 shape (5-4 digits) only when named so within its last three
    words. A number written without any separator also needs to be named so unless it starts with ``+``.
    """
    stripped = number.strip()
    if stripped.count("(") != stripped.count(")") or stripped.count("(") > 2:
        return False
    # 1721425.5, +1.2345678901: a decimal number. "pp. 573-583. 2020": a sentence goes on, not a number.
    if _DECIMAL.fullmatch(stripped) or _SENTENCE_GOES_ON.search(stripped):
        return False
    groups = _DIGIT_GROUP.findall(stripped)
    digits = "".join(groups)
    # Every rule below needs 8 digits at least; the context, the costly part, is read only where a rule asks.
    if len(digits) < MIN_PHONE_DIGITS:
        return False
    separated = len(groups) > 1

    def named_right_there() -> bool:
        return (
            _PHONE_CONTEXT.search(" ".join(context_before.split()[-3:])) is not None
            or _PHONE_CUE_BEFORE.search(context_before) is not None
            or _PHONE_CUE_AFTER.match(context_after) is not None
        )

    def in_context() -> bool:
        return _PHONE_CONTEXT.search(context_before) is not None or named_right_there()

    lead = stripped.lstrip("( ")
    if lead.startswith("+"):
        return international_number_is_possible(digits)
    if lead.startswith("00") and (separated or in_context()):
        return international_number_is_possible(digits[2:])
    if any(_looks_like_date(chunk) for chunk in stripped.split()) or _looks_like_date_range(stripped):
        return False
    if not separated and not in_context():
        return False
    lengths = tuple(len(group) for group in groups)
    if _is_us_number(digits, lengths):
        return True
    # "123-45-6789" is the shape of a social security number, valid or not; never a phone number.
    if lengths == (3, 2, 4) and set(_NOT_DIGITS.findall(stripped)) == {"-"}:
        return False
    # "my phone died, ship to 95255-7167": a US ZIP+4 code; a phone ("tel 91234-5678") only when named so right
    # there, not by a phone word earlier in the sentence.
    if lengths == (5, 4) and set(_NOT_DIGITS.findall(stripped)) == {"-"} and not named_right_there():
        return False
    # German mobiles ("0170-16643012") and Brazilian numbers with a carrier code reach 12 digits.
    if digits[0] == "0" and 9 <= len(digits) <= 12 and len(groups) <= 5 and min(lengths) >= 2:
        return True
    if _AREA_CODE_NUMBER.fullmatch(stripped) and 8 <= len(digits) <= 12:
        return True
    return 9 <= len(digits) <= 12 and separated and min(lengths) >= 2 and in_context()


def _is_us_number(digits: str, lengths: tuple[int, ...]) -> bool:
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
        lengths = tuple(length for length in (lengths[0] - 1, *lengths[1:]) if length)
    if len(digits) != 10 or lengths not in ((3, 3, 4), (10,), (3, 7)):
        return False
    return digits[0] in "23456789" and digits[3] in "23456789"


def international_number_is_possible(digits: str) -> bool:
    """True when ``digits`` (after ``+`` or ``00``) start with a country calling code and have a length that
    country's numbers can have (``phonenumbers``: Google's libphonenumber metadata, per country)."""
    if not 8 <= len(digits) <= 15 or digits[0] == "0":
        return False
    try:
        number = phonenumbers.parse("+" + digits)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_possible_number(number)


# "01/2017-01/2019", "2017/01 - 2019/03", "03.2015–11.2018": a range of months (or of dates), as CVs and
# contracts write them, whose digits a phone number's shape would otherwise take.
_MONTH_OR_DATE = (
    r"(?:(?:0?[1-9]|1[0-2])[./-](?:19|20)\d\d|(?:19|20)\d\d[./-](?:0?[1-9]|1[0-2])|\d{1,4}[./-]\d{1,2}[./-]\d{1,4})"
)
_DATE_RANGE = re.compile(rf"\(?{_MONTH_OR_DATE}\s*[-–—]\s*{_MONTH_OR_DATE}\)?")


def _looks_like_date_range(number: str) -> bool:
    return _DATE_RANGE.fullmatch(number) is not None


def _looks_like_date(chunk: str) -> bool:
    """2026-11-29, 29.11.2026, 11/29/2026: three groups, one of four digits at an end, one separator."""
    groups = _DIGIT_GROUP.findall(chunk)
    if len(groups) != 3 or len(set(_NOT_DIGITS.findall(chunk.strip("()")))) != 1:
        return False
    lengths = [len(group) for group in groups]
    return lengths[1] <= 2 and ((lengths[0] == 4 and lengths[2] <= 2) or (lengths[2] == 4 and lengths[0] <= 2))


def _phone(match: re.Match[str]) -> str | None:
    number = match.group("number")
    # Neither the number nor a phone number cut from it (see _split_phone) can have fewer digits.
    if sum(map(str.isdigit, number)) < MIN_PHONE_DIGITS:
        return None
    before = match.string[max(0, match.start() - _PHONE_CONTEXT_CHARS) : match.start()]
    after = match.string[match.end() : match.end() + _PHONE_CONTEXT_CHARS]
    # "NL25 PYFT 0150 0686 63": the digits continue a bank account number written in IBAN groups.
    if _IBAN_GROUPS_BEFORE.search(before):
        return None
    # The phone word must be in the same sentence: "call 911. ISBN 0-306-40615-2" is no phone number.
    context = SENTENCE_END.split(before)[-1]
    if NAMED_AS_SOMETHING_ELSE.search(context):
        return None
    # "(call 020 7946 0958)": the parenthesis opens the remark, not an area code.
    opening = ""
    if number.startswith("(") and number.count("(") > number.count(")"):
        opening, number = "(", number[1:]
    if phone_is_plausible(number, context, after):
        return opening + PLACEHOLDERS["PHONE"]
    return _split_phone(match, opening, number, context, after)


# A number in a messaging or call link: "wa.me/447911123456", "api.whatsapp.com/send?phone=...", "?tel=...".
# WhatsApp writes numbers in full international form without the "+"; the candidate above never starts after
# a "/" or a "=" of a URL.
_PHONE_IN_LINK = re.compile(
    r"(?i)(?:\bwa\.me/|[?&](?:phone|phone_?number|tel|mobile|msisdn)=)(?P<value>(?:\+|%2B)?\d{8,15})(?![\w%])"
)


def _phone_in_link(match: re.Match[str]) -> str | None:
    digits = _NOT_DIGITS.sub("", match.group("value").upper().removeprefix("%2B"))
    if international_number_is_possible(digits) or phone_is_plausible(digits, "phone"):
        return splice(match, *match.span("value"), "PHONE")
    return None


def _split_phone(match: re.Match[str], opening: str, number: str, context: str, after: str) -> str | None:
    """A phone number followed by something else it was glued to by a space, with no digit of either left.

    "415-555-0123 2 times": a count of one or two digits stays. "+44 20 8259 8554 (399) 646-2502": two
    numbers, both go. Only heads written with a country code, parentheses or non-space separators are cut:
    "0123 4567 8901 2345" stays whole. Digits after a phone that fit no number go with it, so that no
    redaction leaves part of a number behind.
    """
    extension = match.group("extension") or ""
    head_found = False
    for cut in reversed([m.start() for m in re.finditer(r"\s+", number)]):
        head, tail = number[:cut], number[cut:]
        if not re.search(r"[\d)]$", head) or not re.search(r"^\s*[(+]|[().\-/]", head):
            continue
        if not phone_is_plausible(head, context):
            continue
        head_found = True
        if sum(char.isdigit() for char in tail) <= 2:
            return opening + PLACEHOLDERS["PHONE"] + tail + extension
        if phone_is_plausible(tail, "", after):
            space = tail[: len(tail) - len(tail.lstrip())]
            return opening + PLACEHOLDERS["PHONE"] + space + PLACEHOLDERS["PHONE"]
    return opening + PLACEHOLDERS["PHONE"] if head_found else None


# --- the detectors, each with the cheap test that must pass before it searches a text ---------------------
# and the column pre-scan that every text it changes matches (RE2, see Detector.prescan)

_D = RE2_DIGIT
_GROUP_SEPARATOR = f"[{RE2_SPACES}\\-]"
_CARD_GROUP_SEPARATOR = f"[{RE2_SPACES}.\\-]"
_ASSIGNMENT_TRIGGER = contains("pass", "pw", "secret", "key", "token", "credential", "auth")
# How the names of _SECRET_KEY_NAMES end (client_secret, api_key, access_key_id, auth_token, ...).
_SECRET_KEY_ENDINGS = (
    "password", "passwd", "pwd", "passphrase", "pass", "secret", "key", "keyid", "key_id", "key-id", "token",
    "credential", "credentials", "auth",
)  # fmt: skip
# The start of each password noun: "pass" of password, passcode, passphrase, passwort, passwd and "pass word"; "pw"
# of pwd.
_PASSWORD_NOUN_RE2 = re2_words("pass", "pw")
SECRET_DETECTORS: tuple[Detector, ...] = (
    Detector("SECRET", substitute(_PRIVATE_KEY, whole("SECRET")), contains("private key"), "-----BEGIN "),
    Detector("URL_CREDENTIALS", substitute(_URL_CREDENTIALS, _url_credentials), contains("://"), "://[^/?#@]*:[^/?]*@"),
    # The shortest token shapes (a Slack token, a JWT) are 15 characters long.
    Detector(
        "SECRET",
        substitute(_TOKEN, whole("SECRET")),
        lambda scan: scan.longest_word >= 15 and _TOKEN_TRIGGER.search(scan.text) is not None,
        _TOKEN_TRIGGER.pattern,
    ),
    Detector(
        "SECRET",
        substitute(_AUTHORIZATION, _unless_reference),
        contains("authorization"),
        re2_words("authorization") + f"[\"']?{RE2_SPACE}*[:=]",
    ),
    Detector(
        "SECRET",
        substitute(_BEARER, group("SECRET", "value")),
        contains("bearer"),
        re2_words("bearer") + f"{RE2_SPACE}+[{RE2_LETTERS}0-9._~+/\\-]{{16}}",
    ),
    Detector(
        "SECRET",
        substitute(_ASSIGNMENT, _secret_value),
        _ASSIGNMENT_TRIGGER,
        re2_words(*_SECRET_KEY_ENDINGS) + f"(?:\\\\?[\"'])?{RE2_SPACE}*[:=]",
    ),
    Detector("SECRET", substitute(_FLAG, _flag_value), contains("--"), "--"),
    Detector(
        "SECRET",
        substitute(_SECRET_ELEMENT, _secret_element),
        _ASSIGNMENT_TRIGGER,
        "<[^<>]*" + re2_words(*_SECRET_KEY_ENDINGS) + ">",
    ),
    Detector(
        "SECRET",
        substitute(_SPOKEN_PASSWORD, _spoken_password),
        contains("pass", "pw", "reset it"),
        # Every branch has a password noun (or "pass") followed by a space, a colon or "'s"; and "reset it to".
        f"{_PASSWORD_NOUN_RE2}[{RE2_WORD_CHARS}]*(?:{RE2_SPACE}|:|['’]s)|{re2_words('reset it to')}",
    ),
    Detector(
        "SECRET",
        substitute(_SPOKEN_KEY, _spoken_key),
        contains("key", "token", "secret"),
        re2_words("key", "token", "secret") + f"{RE2_SPACE}*(?:{re2_words('is', 'was')}|:)",
    ),
)


def _bracketed_at(scan: Scan) -> bool:
    return "at" in scan.lower and any(bracket in scan.text for bracket in "[({<")


EMAIL_DETECTORS: tuple[Detector, ...] = (
    Detector("EMAIL", substitute(_EMAIL, _email), contains("@", "%40"), "@|%40"),
    Detector("EMAIL", substitute(_OBFUSCATED_EMAIL, whole("EMAIL")), _bracketed_at, r"(?is:at.*[\[({<]|[\[({<].*at)"),
    Detector("EMAIL", substitute(_SPELLED_EMAIL, _spelled_email), contains(" dot "), "(?i: dot )"),
)
# The country code (ASCII letters: _IBAN_CHECK_DIGITS), the check digits, and the characters of the shortest IBAN.
IBAN_DETECTOR = Detector(
    "IBAN",
    _detect_ibans,
    has_digit,
    f"[A-Za-z]{{2}}{_D}{{2}}(?:[{RE2_SPACES}\\-]?[0-9{RE2_LETTERS}]){{{min(IBAN_LENGTHS.values()) - 4}}}",
)
# The digits each needs: a card 13, an SSN 9, a phone MIN_PHONE_DIGITS, an IPv4 address 4.
CARD_DETECTOR = Detector(
    "CARD",
    substitute(_CARD, _card),
    number_of(13),
    re2_not_after(r".#/+\-")
    + f"(?:{_D}{{4}}{_CARD_GROUP_SEPARATOR}{_D}{{4}}{_CARD_GROUP_SEPARATOR}{_D}{{4}}{_CARD_GROUP_SEPARATOR}{_D}{{4}}"
    f"|{_D}{{4}}{_GROUP_SEPARATOR}{_D}{{6}}{_GROUP_SEPARATOR}{_D}{{4}}|{_D}{{13}})",
)
SSN_DETECTORS: tuple[Detector, ...] = (
    Detector(
        "SSN",
        substitute(_SSN_IN_CONTEXT, group("SSN", "value")),
        both(contains("ssn", "ss#", "soc"), number_of(9)),
        # The words naming an SSN, then only what may stand between them and the number.
        re2_words("ssn", "ss#", "social security", "social-security", "socsec", "soc sec", "soc.sec", "soc. sec")
        + f"[{RE2_SPACE_CHARS}#.:=,\"'{RE2_LETTERS}]*{_D}{{3}}[{RE2_SPACES}.\\-]?{_D}{{2}}[{RE2_SPACES}.\\-]?{_D}{{4}}",
    ),
    Detector(
        "SSN",
        substitute(_SSN, whole("SSN")),
        number_of(9),
        re2_not_after(r"./#+\-") + f"{_D}{{3}}{_GROUP_SEPARATOR}{_D}{{2}}{_GROUP_SEPARATOR}{_D}{{4}}",
    ),
)
IP_DETECTORS: tuple[Detector, ...] = (
    Detector("IP", substitute(_IPV6_CANDIDATE, _ipv6), lambda scan: scan.text.count(":") >= 2, ":[0-9A-Fa-f]{0,4}:"),
    Detector(
        "IP",
        substitute(_IPV4, _ipv4),
        lambda scan: scan.number_digits >= 4 and "." in scan.text,
        re2_not_after(".") + f"{_D}{{1,3}}\\.{_D}{{1,3}}\\.{_D}{{1,3}}\\.{_D}{{1,3}}" + re2_not_before(""),
    ),
)
# The candidate's start (not after a letter, digit or the characters its look-behind refuses; only ASCII ones
# here, a superset), its prefix ("(", "+", "00", spaces) and the MIN_PHONE_DIGITS digits _phone requires.
PHONE_DETECTORS: tuple[Detector, ...] = (
    Detector(
        "PHONE",
        substitute(_PHONE_IN_LINK, _phone_in_link),
        both(number_of(MIN_PHONE_DIGITS), contains("wa.me/", "=")),
        f"(?i:wa\\.me/|[?&](?:phone|phone_?number|tel|mobile|msisdn)=)(?:\\+|(?i:%2B))?{_D}{{{MIN_PHONE_DIGITS}}}",
    ),
    Detector(
        "PHONE",
        substitute(_PHONE_CANDIDATE, _phone),
        number_of(MIN_PHONE_DIGITS),
        f"(?:^|[^a-zA-Z0-9_./#+$€£%\\-])[(+0{RE2_SPACE_CHARS}]*"
        f"{_D}(?:[(){RE2_SPACES}.\\-/]*{_D}){{{MIN_PHONE_DIGITS - 1}}}",
    ),
)
