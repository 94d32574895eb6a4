"""The redactor: every detector in order, skipping those a text cannot trigger, with memoization and batching.

:class:`Redactor` runs in one of two tiers (:data:`TIERS`):

* ``patterns``: the shape detectors (:mod:`~feedback_loop.privacy.patterns`,
  :mod:`~feedback_loop.privacy.identifiers`): e-mail, phone, card, IBAN, IP, SSN, secrets, URL credentials,
  national ids, passports and dates of birth. As fast as ingestion needs (issue 15's goal is for this tier).
* ``patterns+ner`` (the default, :data:`DEFAULT_TIER`): the same, plus street addresses
  (:mod:`~feedback_loop.privacy.addresses`) and person names (:mod:`~feedback_loop.privacy.names`: cue words,
  the name lists, and the named-entity model of :mod:`~feedback_loop.privacy.ner`, run in batches by
  :meth:`Redactor.redact_many`).

Speed, where ingestion spends most of its time:

* **A pre-scan.** Each detector has a trigger on the text's :class:`~feedback_loop.privacy.placeholders.Scan`
  (computed once per text: the most digits one number holds, the longest run of digits, the longest word, the
  lower-case text): a card needs a number of 13 digits, a phone 8, an SSN 9, a codice fiscale a 16-character
  word, a secret assignment a word such as "pass" or "token". A text is searched only by the detectors whose
  trigger it holds; most chat text holds no long number, so the number detectors, the costliest, never run on
  it.
* **Memoization.** A redactor remembers the result of the last ``memo_entries`` (:data:`MEMO_ENTRIES`) distinct
  texts (up to :data:`MEMO_MAX_CHARS` characters each): repeated messages are redacted once per redactor.
  Ingestion makes one per partition, with a smaller memo, and remembers its low-cardinality fields itself.
* **Batches.** :meth:`Redactor.redact_many` gives the sentences the model must read (only those, see
  :mod:`~feedback_loop.privacy.ner`) to ``nlp.pipe`` together.

**Conversation scopes.** Given a scope (a session id, a conversation id), person names become numbered
placeholders, the same number for the same name within the scope: "<PERSON_1> asked <PERSON_2> to call
<PERSON_1> back". Numbers are given in the order names first appear in that redactor, so ingesting the same
files in the same order gives the same numbers; a redactor remembers the last :data:`SCOPES_KEPT` scopes. Without
a scope a name becomes ``<PERSON>``.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, get_args

import numpy as np

from feedback_loop.privacy.addresses import ADDRESS_DETECTORS, AROUND_AN_ADDRESS_DETECTORS
from feedback_loop.privacy.identifiers import IDENTIFIER_DETECTORS
from feedback_loop.privacy.names import capitals_as_written, find_person_names, names_written_again
from feedback_loop.privacy.patterns import (
    CARD_DETECTOR,
    EMAIL_DETECTORS,
    IBAN_DETECTOR,
    IP_DETECTORS,
    PHONE_DETECTORS,
    PRIVATE_KEY_END,
    SECRET_DETECTORS,
    SSN_DETECTORS,
    opens_private_key,
)
from feedback_loop.privacy.placeholders import (
    PLACEHOLDERS,
    RE2_FOLDABLE,
    REDACTION_TYPES,
    Detector,
    Scan,
    fold_for_detection,
    re2_for_ascii,
    restore_folded,
)

if TYPE_CHECKING:
    import pyarrow as pa

Tier = Literal["patterns", "patterns+ner"]
TIERS: tuple[str, ...] = get_args(Tier)
DEFAULT_TIER: Tier = "patterns+ner"
MEMO_ENTRIES = 65_536
MEMO_MAX_CHARS = 4_096
SCOPES_KEPT = 100_000

PSEUDONYM_PREFIX = "p_"
# 20 hex characters are 80 bits: a collision among a billion ids has a probability below 1e-6.
PSEUDONYM_HEX_CHARS = 20

# Most specific first:
# 1. Private key blocks: their base64 body holds digit runs and '+' signs that CARD and PHONE would take
#    piecemeal, leaving the rest of the key behind.
# 2. URL credentials: "user:pass@host" contains an '@' that EMAIL would take ("pass@host.com") and digits
#    that PHONE would take, leaving the user name.
# 3. Token shapes and secret assignments: tokens contain digit runs, and a password may contain an '@'.
# 4. E-mail addresses: local parts often carry digits ("jane.doe1987@...") that PHONE or CARD could take.
# 5. IBANs before the national ids, CARD and PHONE: the BBAN is a long digit run that may pass Luhn or look
#    like a phone.
# 6. National ids, passports and dates of birth before CARD and PHONE: a French NIR has a card's length, an
#    Aadhaar number a phone's.
# 7. Cards before SSN and PHONE: their groups of four digits look like phone groups.
# 8. SSNs before PHONE: 3-2-4 digit groups fit the loose phone shapes.
# 9. IP addresses before PHONE: dotted quads look like dotted phone numbers ("415.555.0123"). IPv6 before
#    IPv4, so that "::ffff:192.0.2.1" goes whole.
# 10. Street addresses (patterns+ner tier) before PHONE: house numbers and postcodes are digit runs.
# 11. Phone numbers last of the shapes: the loosest detector sees only what no stricter one claimed.
# Person names come after all of them, on text that holds placeholders instead of identifiers.
_BEFORE_ADDRESSES: tuple[Detector, ...] = (
    *SECRET_DETECTORS,
    *EMAIL_DETECTORS,
    IBAN_DETECTOR,
    *IDENTIFIER_DETECTORS,
    CARD_DETECTOR,
    *SSN_DETECTORS,
    *IP_DETECTORS,
)
PATTERN_DETECTORS: tuple[Detector, ...] = (*_BEFORE_ADDRESSES, *PHONE_DETECTORS)
NER_TIER_DETECTORS: tuple[Detector, ...] = (*_BEFORE_ADDRESSES, *ADDRESS_DETECTORS, *PHONE_DETECTORS)
DETECTORS: dict[str, tuple[Detector, ...]] = {"patterns": PATTERN_DETECTORS, "patterns+ner": NER_TIER_DETECTORS}
# What each tier can find: the pattern tier finds no names and no addresses.
TIER_TYPES: dict[str, frozenset[str]] = {
    "patterns": frozenset(REDACTION_TYPES) - {"PERSON", "ADDRESS"},
    "patterns+ner": frozenset(REDACTION_TYPES),
}
# The pre-scan of whole columns (RE2 syntax, for pyarrow.compute; column_prescan), in two stages. First what the
# triggers need, in one cheap pass: every detector needs one of a number of 4 digits or more, separators between
# them allowed (each number_of and digit_run trigger: Scan counts digits as Python's \d does, Unicode's Nd, within
# runs of _NUMBER_RUN), two ASCII letters before two digits (an IBAN's country code and check digits; its trigger is
# any digit), a key word the trigger looks for in the lower-case text ("pas" covers pass and passport, "pw" pwd,
# "auth" authorization, "key" private key), a word of 15 characters (tokens, codice fiscale), two colons (IPv6), or
# "at" with a bracket (obfuscated e-mail). Adding a trigger means adding what it needs here.
TRIGGER_PRESCAN = (
    r"(?is)\p{Nd}" + (r"[() \x{a0}\x{2007}\x{2009}\x{202f}.\-/]*\p{Nd}") * 3 + r"|[a-z]{2}\p{Nd}{2}"
    r"|://|--|@|%40| dot |reset it|pas|pw|auth|bearer|secret|key|token|credential|\S{15}|:.*:"
    r"|at.*[\[({<]|[\[({<].*at"
)
# Then, on the texts that pass, what the detectors' own patterns need (Detector.prescan), one pass per type: one
# automaton for all of them grows past RE2's memory, which then falls back to its slow engine. A text that matches
# none is changed by no detector of the pattern tier (each runs on the text as it came, since none before it changed
# it). feedback_loop_tests/privacy/test_redactor.py checks both stages detector by detector and on the corpora.
# A text the detectors read folded (placeholders.fold_for_detection: it holds a non-breaking hyphen, a full-width or
# non-ASCII digit, a zero-width space...) skips both stages: it may hold every type (RE2_FOLDABLE).
# The types, in the order of those passes, and the bit of each in what column_prescan_kinds returns.
PATTERN_KINDS: tuple[str, ...] = tuple(dict.fromkeys(detector.kind for detector in PATTERN_DETECTORS))
KIND_BITS: dict[str, int] = {kind: 1 << index for index, kind in enumerate(PATTERN_KINDS)}
ALL_KINDS = (1 << len(PATTERN_KINDS)) - 1  # what to pass as a text's kinds when it was not pre-scanned
PATTERN_PRESCANS: tuple[str, ...] = tuple(
    "|".join(f"(?:{prescan})" for prescan in dict.fromkeys(d.prescan for d in PATTERN_DETECTORS if d.kind == kind))
    for kind in PATTERN_KINDS
)
if any(detector.prescan is None for detector in PATTERN_DETECTORS):
    raise RuntimeError("every detector of the pattern tier needs a column pre-scan (Detector.prescan)")
# Both stages again for texts that are all ASCII (most are), which RE2 runs faster.
_ASCII_TRIGGER_PRESCAN = re2_for_ascii(TRIGGER_PRESCAN)
_ASCII_PATTERN_PRESCANS = tuple(map(re2_for_ascii, PATTERN_PRESCANS))


def column_prescan(texts: pa.Array) -> np.ndarray:
    """For each text of an Arrow string array, whether a detector of the pattern tier may change it (False for a
    null): a text for which it is False comes out of that tier unchanged, and need not reach the redactor."""
    return column_prescan_kinds(texts) != 0


def column_prescan_kinds(texts: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """For each text of an Arrow string array (chunked: several columns pre-scanned at once), the redaction types
    whose detectors' pre-scans it matches, as :data:`KIND_BITS` or-ed together (0 for a null, or a text no
    detector of the pattern tier can change).

    A detector of a type whose bit is 0 leaves the text as it is (each detector's pre-scan holds every text it
    changes), so :meth:`Redactor.redact_many` need not run it, as long as no detector before it changed the text.
    """
    import pyarrow.compute as pc

    kinds = np.zeros(len(texts), dtype=np.uint16)
    ascii_texts = pc.fill_null(pc.string_is_ascii(texts), False).to_numpy(zero_copy_only=False)
    other_texts = pc.is_valid(texts).to_numpy(zero_copy_only=False) & ~ascii_texts
    for rows, trigger_prescan, pattern_prescans in (
        (np.flatnonzero(ascii_texts), _ASCII_TRIGGER_PRESCAN, _ASCII_PATTERN_PRESCANS),
        (np.flatnonzero(other_texts), TRIGGER_PRESCAN, PATTERN_PRESCANS),
    ):
        if rows.size == 0:
            continue
        subset = texts.take(rows)
        if trigger_prescan is TRIGGER_PRESCAN:
            # A text holding a character the detectors read folded (fold_for_detection: a non-breaking hyphen, a
            # full-width or Arabic-Indic digit, a zero-width space) may hold any type, whatever the pre-scans say
            # of it as written.
            folds = pc.fill_null(pc.match_substring_regex(subset, RE2_FOLDABLE), False).to_numpy(zero_copy_only=False)
            kinds[rows[folds]] = ALL_KINDS
        triggered = pc.fill_null(pc.match_substring_regex(subset, trigger_prescan), False)
        candidates = rows[triggered.to_numpy(zero_copy_only=False)]
        subset = subset.filter(triggered)
        if len(subset) == 0:
            continue
        # Every type's pass over every text the first stage let through: RE2 builds its automaton anew in each
        # call, so few calls over many texts cost less than passes over what earlier passes left.
        for pattern, kind in zip(pattern_prescans, PATTERN_KINDS, strict=True):
            found = pc.match_substring_regex(subset, pattern).to_numpy(zero_copy_only=False)
            kinds[candidates[found]] |= KIND_BITS[kind]
    return kinds


@dataclass(frozen=True)
class Redaction:
    """Redacted text and how many identifiers of each type it replaced (types with none are absent)."""

    text: str
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Detected:
    """A text after the pattern detectors (and, in the patterns+ner tier, its person names): its text, counts, and
    the name spans to replace; ``rule_names`` are the names the rules found, still to be checked by the model
    (:meth:`Redactor.redact_many`)."""

    text: str
    counts: dict[str, int]
    names: tuple[tuple[int, int], ...] = ()
    rule_names: tuple[tuple[int, int, bool], ...] | None = None
    # The text names are read in: ``text`` with names written in capitals as names are written
    # (:func:`~feedback_loop.privacy.names.capitals_as_written`), of the same length; None when it is ``text``.
    names_text: str | None = None


class Redactor:
    """Redacts text in one tier (:data:`TIERS`), memoizing results; see the module documentation."""

    def __init__(self, tier: str = DEFAULT_TIER, memo_entries: int = MEMO_ENTRIES):
        if tier not in TIERS:
            raise ValueError(f"Redactor: field 'tier' must be one of {TIERS}, got {tier!r}")
        if memo_entries < 1:
            raise ValueError(f"Redactor: field 'memo_entries' must be at least 1, got {memo_entries}")
        self.tier = tier
        self._memo_entries = memo_entries
        # What the column pre-scan (column_prescan_kinds, which redact_many takes as ``kinds``) decides: in the
        # pattern tier a text of no type needs no redaction; in patterns+ner every text does (names and addresses
        # can be anywhere), and the pre-scan only spares the detectors of the pattern tier's types it rules out.
        self.redacts_every_text = tier != "patterns"
        # Each detector's bit in ``kinds``; 0 for a type no pre-scan covers (ADDRESS): such a detector always runs.
        self._detectors = [
            (detector.kind, detector.detect, detector.trigger, KIND_BITS.get(detector.kind, 0))
            for detector in DETECTORS[tier]
        ]
        self._memo: dict[str, Redaction | Detected] = {}
        self._scopes: dict[Hashable, dict[str, int]] = {}
        # Per scope, the pattern of the names it numbered (_names_pattern), and how many names it was made of.
        self._scope_patterns: dict[Hashable, tuple[int, re.Pattern[str], list[int]]] = {}

    def load(self) -> None:
        """Read, before a text needs them, the name lists and vocabularies and the two models that the `patterns+ner`
        tier's finding reads (some 4 CPU-seconds in a fresh process; ingestion's workers do it while the day is still
        being read). The pattern tier reads none."""
        if self.tier != "patterns+ner":
            return
        from feedback_loop.privacy.names import brands, cities, everyday_words, person_name_lists, places
        from feedback_loop.privacy.ner import load_ner_pipeline
        from feedback_loop.privacy.pii_model import load_name_model

        for load in (person_name_lists, everyday_words, brands, places, cities, load_ner_pipeline, load_name_model):
            load()

    def redact(self, text: str, scope: Hashable | None = None) -> Redaction:
        """``text`` with every detected identifier replaced by its typed placeholder, and the counts per type;
        person names numbered within ``scope`` when one is given."""
        (redaction,) = self.redact_many([text], None if scope is None else [scope])
        if redaction is None:
            raise ValueError("redact: field 'text' must be a str, got None")
        return redaction

    def redact_many(
        self,
        texts: Sequence[str | None],
        scopes: Sequence[Hashable | None] | None = None,
        kinds: Sequence[int] | None = None,
    ) -> list[Redaction | None]:
        """:meth:`redact` for each text (None stays None), with the model run over all texts that need it at
        once; ``scopes``, when given, holds one scope (or None) per text.

        ``kinds``, when given, holds per text what :func:`column_prescan_kinds` gave it: a detector of a type
        whose bit is not set is skipped until a detector changes the text (it would leave the text as it is).
        The result is the same as without it, only sooner."""
        return self.render_many(self.detect_many(texts, kinds), scopes)

    def detect_many(
        self,
        texts: Sequence[str | None],
        kinds: Sequence[int] | None = None,
        find: Callable[[list[str], list[int] | None], list[Redaction | Detected | None]] | None = None,
    ) -> list[Redaction | Detected | None]:
        """The first half of :meth:`redact_many`: what each text holds (None stays None), found by every detector
        and the model, before person names are numbered. It depends on the texts alone (and this redactor's memo
        only saves time), so any redactor of the same tier, in any process, finds the same; ingestion has worker
        processes find it for parts of a batch, and numbers the names in reading order with :meth:`render_many`.

        ``find``, when given, finds instead of this redactor what the texts its memo lacks hold (each distinct text
        once, with its ``kinds``): ingestion's worker processes. What it finds is memoized here, so that a text
        repeated in a later batch is found once, whichever worker found it first."""
        if kinds is not None and len(kinds) != len(texts):
            raise ValueError(f"redact_many: field 'kinds' has {len(kinds)} entries for {len(texts)} texts")
        detected: list[Redaction | Detected | None] = []
        missing: dict[str, int | None] = {}
        for position, text in enumerate(texts):
            if text is None:
                detected.append(None)
                continue
            if not isinstance(text, str):
                raise ValueError(
                    f"redact: field 'text' must be a str, got {type(text).__name__} (text {position} of the batch)"
                )
            text_kinds = None if kinds is None else int(kinds[position])
            known = self._memo.get(text)
            if known is None and find is not None:
                missing.setdefault(text, text_kinds)
            detected.append(known or (None if find is not None else self._detect(text, text_kinds)))
        if find is not None:
            missing_kinds = None if kinds is None else [int(text_kinds or 0) for text_kinds in missing.values()]
            found = dict(zip(missing, find(list(missing), missing_kinds), strict=True)) if missing else {}
            for text, result in found.items():
                if result is not None:
                    self._memoize(text, result)
            return [
                found[text] if result is None and text is not None else result
                for text, result in zip(texts, detected, strict=True)
            ]
        if self.tier == "patterns+ner":
            self._add_model_addresses(detected)
            self._add_model_names(texts, detected)
        return detected

    def render_many(
        self, detected: Sequence[Redaction | Detected | None], scopes: Sequence[Hashable | None] | None = None
    ) -> list[Redaction | None]:
        """The second half of :meth:`redact_many`: the texts :meth:`detect_many` found (of any redactor) with their
        placeholders written, person names numbered within each text's scope in the order given."""
        if scopes is not None and len(scopes) != len(detected):
            raise ValueError(f"redact_many: field 'scopes' has {len(scopes)} entries for {len(detected)} texts")
        return [
            None if found is None else self._render(found, None if scopes is None else scopes[position])
            for position, found in enumerate(detected)
        ]

    def _detect(self, text: str, kinds: int | None = None) -> Redaction | Detected:
        counts: dict[str, int] = {}
        scan = self._run_detectors(text, kinds, counts)
        # Then what is left is read again with its dashes, spaces, digits and full-width forms as ASCII writes them
        # ("415‑555‑0123" with non-breaking hyphens); what that finds is replaced, and the rest stands as written.
        # Second, so that nothing the text as written gives away is lost to the folding.
        folding = fold_for_detection(scan.text)
        if folding is not None:
            folded = self._run_detectors(folding[0], None, counts)
            if folded.text is not folding[0]:
                scan = Scan(restore_folded(folded.text, folding[0], folding[1], scan.text))
        if self.tier == "patterns":
            return self._remember(text, Detected(scan.text, counts))
        # The model checks and adds names in redact_many, which memoizes the result.
        return _with_rule_names(scan.text, counts)

    def _run_detectors(self, text: str, kinds: int | None, counts: dict[str, int]) -> Scan:
        """``text`` through every detector (those of types ``kinds`` rules out skipped while it is unchanged), the
        placeholders each wrote counted into ``counts``."""
        scan = Scan(text)
        for kind, detect, trigger, bit in self._detectors:
            # While the text is as it came, a detector of a type its pre-scan ruled out cannot change it.
            if kinds is not None and bit and not kinds & bit and scan.text is text:
                continue
            if trigger(scan):
                redacted, found = detect(scan.text)
                if found:
                    counts[kind] = counts.get(kind, 0) + found
                # A detector may rewrite what it finds without counting a new placeholder (a secret's value
                # that held one already).
                if redacted is not scan.text and redacted != scan.text:
                    scan = Scan(redacted)
        return scan

    def _add_model_addresses(self, detected: list[Redaction | Detected | None]) -> None:
        """The addresses the PII model reads and the rules left (:mod:`~feedback_loop.privacy.model_addresses`)
        replaced in each text whose names are still to be checked, and its names found again in what is left."""
        from feedback_loop.privacy.model_addresses import addresses_read_by_the_model

        pending = [
            (position, found)
            for position, found in enumerate(detected)
            if isinstance(found, Detected) and found.rule_names is not None
        ]
        read = addresses_read_by_the_model([found.text for _, found in pending])
        placeholder = PLACEHOLDERS["ADDRESS"]
        for (position, found), spans in zip(pending, read, strict=True):
            if not spans:
                continue
            pieces, last = [], 0
            counts = dict(found.counts)
            for start, end in spans:
                pieces += [found.text[last:start], placeholder]
                # An address that joins the rules' placeholders is one address: it replaces them (not more than the
                # rules wrote: a placeholder the text held already was no redaction).
                joined = min(found.text.count(placeholder, start, end), counts.get("ADDRESS", 0))
                counts["ADDRESS"] = counts.get("ADDRESS", 0) + 1 - joined
                last = end
            text = "".join([*pieces, found.text[last:]])
            # The flat before the model's address and the place after it, as the rules take them around theirs.
            scan = Scan(text)
            for detector in AROUND_AN_ADDRESS_DETECTORS:
                if detector.trigger(scan):
                    text, joined_around = detector.detect(text)
                    counts["ADDRESS"] += joined_around
                    scan = Scan(text)
            detected[position] = _with_rule_names(text, counts)

    def _add_model_names(self, texts: Sequence[str | None], detected: list[Redaction | Detected | None]) -> None:
        from feedback_loop.privacy.ner import named_like_no_person_here, names_with_the_model

        pending = [
            (position, text, found, found.rule_names)
            for position, (text, found) in enumerate(zip(texts, detected, strict=True))
            if text is not None and isinstance(found, Detected) and found.rule_names is not None
        ]
        checked = names_with_the_model(
            [found.names_text or found.text for _, _, found, _ in pending], [rules for *_, rules in pending]
        )
        for (position, text, found, _), names in zip(pending, checked, strict=True):
            # "Lerato Dlamini's order": the possessive stays, and the name is numbered as written without it.
            spans = tuple(
                (start, end - 2) if end - start > 2 and _POSSESSIVE.match(found.text, end - 2, end) else (start, end)
                for start, end in names
            )
            # A name found once in the text is the same person wherever the text writes it again, by its given name
            # too: "Present: Rajesh Venkataraman, ... Rajesh to circulate the budget" (a scope numbers repeats of
            # whole names only, and only with a scope; see _render). Not where the words name no person in their
            # place, as the model's names are vetoed: "Alice ... the film of Alice in Wonderland", "Mars ... the
            # mass of Mars".
            if spans:
                names_text = found.names_text or found.text
                again = [
                    span
                    for span in names_written_again(found.text, spans)
                    if not named_like_no_person_here(names_text, *span)
                ]
                spans = tuple(sorted([*spans, *again]))
            detected[position] = self._remember(text, Detected(found.text, found.counts, spans))

    def _remember(self, text: str, found: Detected) -> Redaction | Detected:
        result: Redaction | Detected = found if found.names else Redaction(found.text, found.counts)
        self._memoize(text, result)
        return result

    def _memoize(self, text: str, result: Redaction | Detected) -> None:
        if len(text) <= MEMO_MAX_CHARS:
            if len(self._memo) >= self._memo_entries:
                del self._memo[next(iter(self._memo))]
            self._memo[text] = result

    def _render(self, found: Redaction | Detected, scope: Hashable | None) -> Redaction:
        names = found.names if isinstance(found, Detected) else ()
        if scope is None:
            if not names:
                return Redaction(found.text, found.counts) if isinstance(found, Detected) else found
            numbers = None
        elif names:
            numbers = self._scope_numbers(scope)
            for start, end in names:
                numbers.setdefault(_name_key(found.text[start:end]), len(numbers) + 1)
        else:
            numbers = self._scopes.get(scope)
        spans = [
            (start, end, None if numbers is None else numbers[_name_key(found.text[start:end])]) for start, end in names
        ]
        if numbers:
            # A name the scope numbered before (in an earlier text, or found here) is the same person wherever it
            # is written again: "Can you confirm the order belongs to Thabo Mokoena?" after "my name is Thabo
            # Mokoena", or the response naming whom the prompt named.
            spans = sorted([*spans, *self._names_again(scope, numbers, found.text, names)])
        if not spans:
            return found if isinstance(found, Redaction) else Redaction(found.text, found.counts)
        counts = dict(found.counts)
        counts["PERSON"] = counts.get("PERSON", 0) + len(spans)
        pieces, last = [], 0
        for start, end, number in spans:
            pieces.append(found.text[last:start])
            pieces.append(PLACEHOLDERS["PERSON"] if number is None else f"<PERSON_{number}>")
            last = end
        pieces.append(found.text[last:])
        return Redaction("".join(pieces), counts)

    def _names_again(
        self, scope: Hashable, numbers: dict[str, int], text: str, names: tuple[tuple[int, int], ...]
    ) -> list[tuple[int, int, int]]:
        """(start, end, number) of each place of ``text`` that writes a name ``scope`` numbered already (see
        :func:`_names_pattern`), apart from ``names``."""
        known = self._scope_patterns.get(scope)
        if known is None or known[0] != len(numbers):
            known = self._scope_patterns[scope] = (len(numbers), *_names_pattern(numbers))
        spans = []
        for match in known[1].finditer(text):
            start, end = match.span()
            if any(start < name_end and name_start < end for name_start, name_end in names):
                continue
            # The group says which name matched: the matched text's own case folding may differ ("KİM").
            spans.append((start, end, known[2][int(str(match.lastgroup)[1:])]))
        return spans

    def _scope_numbers(self, scope: Hashable) -> dict[str, int]:
        numbers = self._scopes.get(scope)
        if numbers is None:
            if len(self._scopes) >= SCOPES_KEPT:
                forgotten = next(iter(self._scopes))
                del self._scopes[forgotten]
                self._scope_patterns.pop(forgotten, None)
            numbers = self._scopes[scope] = {}
        return numbers


_POSSESSIVE = re.compile(r"['’][sS]")


def _with_rule_names(text: str, counts: dict[str, int]) -> Detected:
    """``text`` after the pattern detectors, with the names the rules find in it, for the model to check."""
    names_text = capitals_as_written(text)
    return Detected(
        text,
        counts,
        rule_names=tuple(find_person_names(names_text)),
        names_text=None if names_text == text else names_text,
    )


def _name_key(name: str) -> str:
    """What numbers a name within a scope: the name in lower case, its words apart by one space; Turkish "İ" as
    "i", which casefold writes as "i" and a combining dot ("KİM LEE" is "kim lee")."""
    return " ".join(name.replace("İ", "i").casefold().split())


def _names_pattern(numbers: dict[str, int]) -> tuple[re.Pattern[str], list[int]]:
    """Whole-word occurrences of the names numbered in a scope, longest first, one group each (``n<i>``, whose
    number is the list's ``i``-th); never inside a placeholder, an e-mail or a path. A name of several words in any
    case; a one-word name only capitalised: many are also words ("Mark", "Rose", "Will": "please mark my ticket")."""
    alternatives: list[str] = []
    group_numbers: list[int] = []
    for key in sorted(numbers, key=len, reverse=True):
        words = key.split()
        if not words:
            continue
        spelled = r"\s+".join(map(re.escape, words))
        if len(words) == 1:
            spelled = f"(?-i:{re.escape(words[0][0].upper())})" + re.escape(words[0][1:])
        alternatives.append(f"(?P<n{len(group_numbers)}>{spelled})")
        group_numbers.append(numbers[key])
    if not alternatives:
        return re.compile(r"(?!)"), []
    pattern = r"(?<![\w<@/])(?:" + "|".join(alternatives) + r")(?![\w>@])"
    return re.compile(pattern, re.IGNORECASE), group_numbers


_DEFAULT_REDACTORS: dict[str, Redactor] = {}


def default_redactor(tier: str = DEFAULT_TIER) -> Redactor:
    """The process's shared redactor of ``tier`` (its memo serves every caller of :func:`redact`)."""
    if tier not in _DEFAULT_REDACTORS:
        _DEFAULT_REDACTORS[tier] = Redactor(tier)
    return _DEFAULT_REDACTORS[tier]


def redact(text: str, tier: str = DEFAULT_TIER) -> Redaction:
    """``text`` with every detected identifier replaced by its typed placeholder, and the counts per type."""
    if not isinstance(text, str):
        raise ValueError(f"redact: field 'text' must be a str, got {type(text).__name__}")
    return default_redactor(tier).redact(text)


def redact_lines(lines: Iterable[str], tier: str = DEFAULT_TIER) -> Iterator[Redaction]:
    """Redact text line by line (one result per line), each line read after the one before it, following private
    key blocks across lines.

    :func:`redact` sees a whole key block only when it is given the whole text; here a line that opens a
    block without closing it is redacted to its end, and the following lines, up to the one that closes the
    block, become ``<SECRET>`` (the block counts once).
    """
    inside_key = False
    previous = ""
    for line in lines:
        if inside_key:
            end = PRIVATE_KEY_END.search(line)
            if end is None:
                yield Redaction(PLACEHOLDERS["SECRET"])
                continue
            rest = redact(line[end.end() :], tier)
            inside_key = opens_private_key(line[end.end() :])
            previous = line
            yield Redaction(PLACEHOLDERS["SECRET"] + rest.text, rest.counts)
            continue
        inside_key = opens_private_key(line)
        yield _redact_after(previous, line, tier)
        previous = line


def _redact_after(previous: str, line: str, tier: str) -> Redaction:
    """``line`` redacted with the line before it as context: a cue at the end of one line names the next
    ("Thanks!\nAmira", "Kind regards,\nKwame"). Alone where no line comes before it, where a placeholder took
    the line break (the two lines' identifiers are then one), or where the context found less in ``line`` than
    ``line`` alone holds: the context only adds."""
    own = redact(line, tier)
    if not previous.strip():
        return own
    before, together = redact(previous, tier), redact(f"{previous}\n{line}", tier)
    head, newline, tail = together.text.partition("\n")
    counts = {kind: count - before.counts.get(kind, 0) for kind, count in together.counts.items()}
    if not newline or head != before.text or sum(counts.values()) < sum(own.counts.values()):
        return own
    return Redaction(tail, {kind: count for kind, count in counts.items() if count > 0})


def pseudonymize(value: str, key: bytes) -> str:
    """A stable pseudonym of ``value`` under ``key``: ``p_`` and the first 20 hex digits of HMAC-SHA256.

    The same value and key always give the same pseudonym; without the key a pseudonym cannot be linked back
    to its value by hashing candidate ids.
    """
    if not isinstance(key, bytes) or not key:
        raise ValueError("pseudonymize: field 'key' must be non-empty bytes")
    if not isinstance(value, str):
        raise ValueError(f"pseudonymize: field 'value' must be a str, got {type(value).__name__}")
    # hmac.digest: the same HMAC as hmac.new(...).digest(), in one call to OpenSSL.
    digest = hmac.digest(key, value.encode("utf-8"), "sha256").hex()
    return PSEUDONYM_PREFIX + digest[:PSEUDONYM_HEX_CHARS]
