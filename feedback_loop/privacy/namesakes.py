"""Names of people that name something else, and the vetoes that find them: a name found by the rules or read by
the model is no person's where the words around it show a company, a product, a thing, a work, a firm or a team, a
place, an assistant or an eponym, goods, a club or a programming language, a brand, a heading or a holiday named
after a person or written like a person's name (the ``named_like_...`` functions). The model's part,
:func:`~feedback_loop.privacy.ner.names_with_the_model`, asks them about each name it would keep.

* A name no cue announced is none where it is used as a thing's name (:func:`named_like_a_thing`): after an
  article ("the Michael Kors outlet"), before a word that is only a noun or an adjective ("Betty Crocker
  recipes", "the Doppler effect") or before nouns and their verb ("Kate Spade bags are ..."), after a brand's
  possessive ("Ben & Jerry's Cherry Garcia"), next to an English word no name list holds ("Nordstrom Rack",
  "Sam's Club"), or as a store's possessive before what stores do ("Macy's charged ..."). A possessive ends a name:
  "Carlos Mendoza's Honda Civic" is a person's.
* Nothing that a company's legal form or the head noun of an organisation, place or event follows or ends is a
  name ("Hugo Boss AG", "Lloyds Bank", "Golden Gate Bridge", "Martin Luther King Day"), nor, unless a cue
  announced it, what an ampersand joins ("Johnson & Johnson", "Marks & Spencer").
* A cue does not make a product a person either ("Hi, Sonos Arc crashes since 2.17.3"), and the rest of the vetoes
  (works, firms and teams, places and assistants, goods, clubs and languages, brands, headings and holidays) judge
  every name, announced or not (a few weigh the cue themselves).
* A figure of history, science, art or fiction that a prompt asks about as a topic ("who was ...", "the character
  of ...", "... as generals", a plot hole) is no person's name where nothing in the text shows a private interaction
  (:func:`named_as_a_figure_of_history_or_fiction`: "my order", "the call", "yesterday", "Dear ..."); so is a
  creator whose style or quoted title a prompt asks about ("...'s painting style", "'<Title>' by ...", "novels by
  ..."), a figure a short question asks about with no first-person word ("How did ... die?", "Was ... a real
  person?"), a law by its ordinal ("...'s second law"), a character of a work the text names (even after "Mr"), and
  the people of a text about history (a battle, armies, rulers, a year before 1900).
* A unit of measure named after a person is none where used as one ("300 Kelvin", "Celsius or Fahrenheit"), nor an
  eponymous adjective before the plural of its kind ("the ... and ... calendars").
* What a prompt asks for by a name is no person either: a franchise's characters, the place of a weather forecast,
  a thought experiment, a publisher in a reference, a dish a recipe is for, a language translated to, a work asked
  about by its title ("What is ... about?", "...'s Moving Castle"), a traveller's destination ("the best time to
  visit ...", "... or ... for a honeymoon?"), a titled character a question asks about, a famous person's home or
  work after their possessive, and a fashion house (a short list) compared, listed or with its goods.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from collections.abc import Sequence

from feedback_loop.privacy.alternations import by_first_letter
from feedback_loop.privacy.english_words import (
    adjectives,
    adverbs,
    bare_verbs,
    lemmas,
    past_tense,
    verb_form,
    word_classes,
)
from feedback_loop.privacy.identifiers import MONTHS
from feedback_loop.privacy.names import (
    ARTICLE_BEFORE,
    CAPITALISED_RUN,
    CAPITALISED_WORD,
    KIN_APPOSITION_AFTER,
    LOWER_CASE_WORD_AFTER,
    NAME_PARTICLES,
    NEXT_WORD,
    NOT_NAMES,
    NUMBER_AFTER,
    PERSONS_PLACE_AFTER,
    PERSONS_PLACE_BEFORE,
    PLACE_PREPOSITION_BEFORE,
    POSSESSIVE_AFTER,
    POSSESSIVE_END,
    SENTENCE_START,
    WORD,
    a_place_after_a_word_of_where,
    announced_before,
    brands,
    cities,
    common_noun,
    english_word,
    everyday_words,
    given_name_of_several_locales,
    in_another_language,
    listed_full_name,
    listed_name,
    no_english_word,
    person_name_lists,
    places,
    sentence_around,
    stop_words,
    strong_cue_ends,
)


@functools.cache
def _named_after_a_person() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words that make a name part of something else's name: ``faker``'s company suffixes of every locale
    written in Latin letters ("Inc", "GmbH", "& Co.", "S.p.A.", "and Sons") and the head nouns of organisations,
    places, events and prizes ("Bank", "Labs", "Hospital", "Bridge", "Day", "Award"). The first pattern finds one
    right after a name, the second one among a name's words."""
    import faker.providers.company as company_providers

    suffixes: set[str] = set()
    for module in pkgutil.iter_modules(company_providers.__path__):
        provider = importlib.import_module(f"{company_providers.__name__}.{module.name}").Provider
        values = getattr(provider, "company_suffixes", ())
        suffixes.update(values.keys() if isinstance(values, dict) else values)
    latin = sorted(
        (suffix for suffix in suffixes if re.fullmatch(r"[&A-Z][\w.&/ -]*", suffix) and len(suffix) > 1),
        key=len,
        reverse=True,
    )
    heads = (
        "Bank|Banking|Group|Holdings?|Partners|Associates|Capital|Securities|Insurance|Foundation|Trust|Fund"
        "|University|Institute|College|School|Academy|Hospital|Clinic|Airlines?|Airways|Motors|Brothers|Bros\\.?"
        "|Company|Corp\\.?|Co\\.|Industries|Enterprises|Consulting|Solutions|Systems|Technologies|Labs|Laboratories"
        "|Studios?|Media|Pharma|Hotels?|Resorts?|Foods|Stores?|Restaurants?|Café|Cafe|Bakery|Pharmacy|Honors|Rewards"
        "|Energy|Center|Centre|Hall|Tower|Building|Bridge|Airport|Station|Stadium|Arena|Museum|Library|Memorial"
        "|Square|Park|Day|Week|Award|Awards|Prize|Cup|Trophy|Festival|Street|Avenue|Road|Boulevard"
        "|Health|Healthcare|Medical|Dental|Wellness|Logistics|Telecom|Communications|Networks|Software|Analytics"
        "|Therapeutics|Diagnostics|Realty|Properties"
    )
    words = "|".join(re.escape(suffix) for suffix in latin)
    # Among a name's own words ("Ralph Becker GmbH" reads as one run of capitalised words) only the head nouns
    # that are nobody's surname: "Ana Park", "Tom Hall", "Doris Day" are people.
    _, surnames = person_name_lists()
    not_surnames = "|".join(head for head in heads.split("|") if head not in surnames)
    return (
        # A comma only before a legal form ("Hugo Boss, Inc."): after a comma a head noun opens the person's
        # affiliation ("Dr. Adebayo Ogunleye, University of Ibadan", "Ana Costa, Hospital de Santa Maria").
        re.compile(rf"(?:,?[ \u00a0]+(?:{words})|[ \u00a0]+(?:{heads}))(?![\w&])"),
        re.compile(rf"[ \u00a0](?:{words}|{not_surnames})(?![\w&])"),
    )


# An institution named after a person, its place or kind between the name and the head noun allowed: "Louis
# Armstrong New Orleans International", "Ruth Baker Memorial Hospital", "Abraham Lincoln Central Station", and a
# carmaker's bank ("Mercedes-Benz Financial"). The words between are capitalised and none is a given name of several
# locales (:func:`_institution_after`). No comma before the head noun: "S. Chakraborty, Finance" is a person's team.
_INSTITUTION_AFTER = re.compile(
    r"((?:[ \u00a0][A-Z][\w'’.-]*){0,3})[ \u00a0](?:International|Airport|Station|Hospital|University|College"
    r"|Institute|Foundation|Memorial|Museum|Library|Stadium|Arena|Cent(?:er|re)|School|Academy|Clinic|Financial"
    r"|Credit|Leasing|Lending|Mortgage)(?![\w&'’-])"
)
_AMPERSAND_AFTER = re.compile(r"[ \u00a0]*&[ \u00a0]*[A-Z]")
_AMPERSAND_BEFORE = re.compile(r"[A-Z][\w'’.-]*[ \u00a0]*&[ \u00a0]*$")


def _institution_after(text: str, end: int) -> bool:
    """True when :data:`_INSTITUTION_AFTER` follows ``text[:end]``, no word between a function word or a given name
    of several locales ("Louis Armstrong New Orleans International", "John Glenn Columbus International"; not "Tom
    Smith and Ana Station", "Tom Smith Maria Hospital")."""
    institution = _INSTITUTION_AFTER.match(text, end)
    return institution is not None and not any(
        given_name_of_several_locales(word) or word.lower() in stop_words() for word in institution.group(1).split()
    )


def named_like_a_company(text: str, start: int, end: int, *, announced: bool = False) -> bool:
    """True when a company's legal form or the head noun of an organisation, place or event follows
    ``text[start:end]`` ("Hugo Boss AG", "Lloyds Bank"), or such a head noun that is nobody's surname ends it
    ("Charles River Labs", "Ask Lloyds Bank"), or, for a name no cue announced, an ampersand joins it to a
    neighbour ("Johnson & Johnson", "Marks & Spencer"; "Hi Ana & Tom" is two people)."""
    after, among = _named_after_a_person()
    if after.match(text, end) is not None or among.search(text, start, end) is not None:
        return True
    # The head noun after the name or among its words ("Mercedes-Benz Financial" read as one name).
    spaces = [space.start() for space in re.finditer(r"[ \u00a0]", text[start:end])]
    if any(_institution_after(text, position) for position in (end, *(start + space for space in spaces))):
        return True
    return not announced and (
        _AMPERSAND_AFTER.match(text, end) is not None
        or (_AMPERSAND_BEFORE.search(text, 0, start) is not None and not _a_couple(text, start, end))
    )


def _a_couple(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a given name and more after an ampersand and a given name, as a couple is
    named ("Pedro & Mariana Costa"; not "Marks & Spencer", "Johnson & Johnson Vision")."""
    words = text[start:end].split()
    before = _AMPERSAND_BEFORE.search(text, 0, start)
    return (
        len(words) >= 2
        and before is not None
        and given_name_of_several_locales(words[0])
        and given_name_of_several_locales(before.group().rstrip(" \u00a0&"))
    )


# What software is done to, right before its name: "signed in to Jira", "log into Marvin", "reinstall Carbonite",
# "subscribe to Dash", "sync with Morgan", "Single Sign-On with Okta", "we integrated Klarna". Not "log in as ..." (a
# user), nor "connect you to ..." (a person).
_SOFTWARE_VERB_BEFORE = re.compile(
    r"(?i:\b(?:(?:log|logged|logging|logs|sign|signed|signing|signs)[ \u00a0](?:in|on)(?:[ \u00a0]?to)?"
    r"|(?:log|logged|logging|logs|sign|signed|signing|signs)[ \u00a0]?into"
    r"|(?:re|un)?install(?:ed|ing|s)?|upgrad(?:e|ed|es|ing)|download(?:ed|ing|s)?|launch(?:ed|es|ing)?"
    r"|restart(?:ed|ing|s)?|open(?:ed|ing|s)?|(?:un)?subscrib(?:e|ed|es|ing)[ \u00a0](?:to|from)"
    r"|integrat(?:e|ed|es|ing)|(?:sync(?:ed|ing|s)?|sign-on|sign-in|log-in|login|SSO)[ \u00a0]with"
    r"|connect(?:ed|ing|s)?[ \u00a0]to|(?:switch(?:ed|es|ing)?|migrat(?:e|ed|es|ing))[ \u00a0]"
    r"(?:from[ \u00a0][\w .-]{1,30}?[ \u00a0]to|from|to)))[ \u00a0]+$"
)
# Where a tool is and a person is not ("via Slack", "using Zoom", "inside Jira"). Not "in" nor "on": "loop in Ana",
# "on Ana's laptop".
_TOOL_PLACE_BEFORE = re.compile(r"(?i:\b(?:via|using|inside|within))[ \u00a0]+$")
# What a payment is made with: an e-wallet, a card or an app named like a person ("paid with Maya at the counter",
# "can I pay for it with Venmo?"), one word that no other name joins ("paid with Maya and Tomás" names who paid
# together).
_PAID_WITH_BEFORE = re.compile(
    r"(?i:\b(?:pay|pays|paid|paying|top[ \u00a0]+up|topped[ \u00a0]+up|check[ \u00a0]+out|checked[ \u00a0]+out)"
    r"(?:[ \u00a0]+for[ \u00a0]+(?:it|this|that|them|everything))?[ \u00a0]+(?:with|via|using|through))[ \u00a0]+$"
)
_ANOTHER_NAME_JOINS_AFTER = re.compile(r"['’]s\b|[ \u00a0]*(?:,|&|and\b)")
# The name before this one in a pair: "Marc Jacobs and ", "Slack or ". Not a comma: "Using Zoom, Priya shared ...".
_LISTED_BEFORE = re.compile(
    r"(?<![\w'’&.-])[A-Z][\w'’&.-]*(?:[ \u00a0][A-Z][\w'’&.-]*){0,3}[ \u00a0]+(?:and|or)[ \u00a0]+$"
)
# "The" before a title makes the title part of a product's name ("the Dr. Martens boots", "the Dr Pepper cans", "the
# Mr. Coffee maker"): a person is "Dr. Okafor", and seldom "the Dr. Okafor". Not "our", "my": "our Dr. Okafor".
_TITLE_AFTER_THE = re.compile(r"(?i:\bthe[ \u00a0]+(?:Dr|Mr|Mrs|Ms|Mx)\.?)[ \u00a0]+$")
# What follows a product's name and never a person's: its version ("Ollie to version 2.8.3", "Hudson to 3.1") or a
# product noun ("the Jira app", "Dell support", "Harvest account").
_PRODUCT_AFTER = re.compile(
    r"[ \u00a0](?:(?:to[ \u00a0])?(?:version\b|v\d|\d+\.\d)|(?:app|apps|account|accounts|login|portal|subscription"
    r"|licen[cs]es?|dashboards?|plugins?|plug-ins?|extensions?|add-ons?|integrations?|installer|servers?|workspaces?"
    r"|tenants?|support|API|SDK|CLI)\b(?![-'’]))|[ \u00a0]?[™®©]"
)
# What software does and a person does not, right after its name, an adverb between allowed: "Sonos Arc crashes since
# 2.17.3", "Dropbox is not syncing", "Wally froze", "Cortana still pops up", "Claude refuses to open PDFs"; and what is
# done to a product: "Max was renamed", "Bixby is deprecated". Not "is not responding" (a person who does not answer
# does not either).
_SOFTWARE_DOES_AFTER = re.compile(
    r"(?:[ \u00a0](?:still|always|often|sometimes|randomly|suddenly|constantly))?"
    r"[ \u00a0](?:crash(?:es|ed)?|freezes|froze|pops[ \u00a0]up"
    r"|(?:is|was|are|were|keeps|kept)[ \u00a0](?:not[ \u00a0])?(?:syncing|loading|crashing|freezing|popping[ \u00a0]up)"
    r"|(?:does|did|do|will|won['’]?t|doesn['’]?t|didn['’]?t)[ \u00a0]?(?:not[ \u00a0])?(?:sync|load|boot)"
    r"|refuses[ \u00a0]to[ \u00a0](?:open|load|start|launch|sync|boot|install|update|print)"
    r"|(?:is|was|are|were|has[ \u00a0]been|had[ \u00a0]been|got)[ \u00a0]"
    r"(?:renamed|rebranded|discontinued|deprecated))\b"
)
# What a shop says of the goods a name is on ("Levi's jeans in 32/34 are sold out", "Dr. Martens boots in size 9 are
# back in stock", a noun before the plural allowed: "Jack Daniel's gift sets are sold out") or when its sale ends
# ("Dillard's sale ends on 11/30"): what a person owns is not sold out, in stock or on sale.
_GOODS_ON_SALE_AFTER = re.compile(
    r"(?:['’]s)?(?:[ \u00a0]+[a-z]+)?[ \u00a0]+[a-z]+[^\Ws]s"
    r"(?:[ \u00a0]+in[ \u00a0]+[^\s.,;:!?]+(?:[ \u00a0]+[^\s.,;:!?]+)?)?[ \u00a0]+"
    r"(?:are|were|is|was)[ \u00a0]+(?:(?:now|all|still|currently)[ \u00a0]+)?(?:(?:back[ \u00a0]+)?in[ \u00a0]+stock"
    r"|out[ \u00a0]+of[ \u00a0]+stock|sold[ \u00a0]+out|on[ \u00a0]+sale)\b"
    r"|['’]s[ \u00a0]+(?:sale|clearance)[ \u00a0]+(?:ends|ended|starts|started|begins|began)\b"
)
# The capitalised words that end a product's name ("Porsche Connect", "Google Pay", "Jira Cloud"), less those the
# name lists hold as surnames (read once per process by _product_word_after).
PRODUCT_WORDS = (
    "Connect|Pay|Cloud|Pro|Plus|Premium|Max|Mini|Air|Hub|Drive|Assist|Pass|Wallet|Music|TV|Online|Mobile|Desktop"
    "|Express|Suite|Docs|Sheets|Teams|Chat|Mail|Maps|Play|Prime|Watch|Phone|Pad|Cam|Sync|One|Lite|Server|Enterprise"
)
# A storm's name is a person's given name after its kind ("Hurricane Milton", "Tropical Storm Debby").
_STORM = re.compile(r"(?:Hurricane|Storm|Typhoon|Cyclone)[ \u00a0]")
_STORM_BEFORE = re.compile(r"(?<![\w-])(?:Hurricane|Storm|Typhoon|Cyclone)[ \u00a0]$")


@functools.cache
def _product_word_after() -> re.Pattern[str]:
    """A space and a capitalised word of :data:`PRODUCT_WORDS` that is nobody's surname ("Porsche Connect")."""
    _, surnames = person_name_lists()
    words = "|".join(word for word in PRODUCT_WORDS.split("|") if word not in surnames)
    return re.compile(rf"[ \u00a0](?:{words})(?![\w&'’-])")


def named_like_a_product(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` stands where a product, a piece of software or a storm is named: after what
    software is done to ("signed in to Jira", "reinstall Carbonite", "switched from Norton to Avast"; both names of a
    pair: "integrated Marc Jacobs and Tory Burch"), before a
    version, a product noun or a trademark sign ("upgrade Hudson to 3.1", "the Harvest account", "Fitbit™"), after
    "the" and a title ("the Dr. Martens boots"), before what software does ("crashes since 2.17.3", "is not
    syncing") or goods said to be sold out, in stock or on sale ("Levi's jeans in 32/34 are sold out"), next to a
    word that ends a product's name ("Porsche Connect"), a single word a payment is made with ("paid with Maya at
    the counter"), or after a storm's kind ("Hurricane Milton"); or when it
    opens with a storm's kind ("Storm Debby", a given name and a surname to the lists)."""
    # "We integrated Marc Jacobs and Tory Burch": the verb reaches each name of a list.
    listed = _LISTED_BEFORE.search(text, max(0, start - 60), start)
    place = listed.start() if listed else start
    # "Open Ana's profile", "reinstall Tom's laptop": what follows is the person's.
    software_place = _SOFTWARE_VERB_BEFORE.search(text, max(0, place - 60), place) or _TOOL_PLACE_BEFORE.search(
        text, max(0, place - 10), place
    )
    return bool(
        (software_place and not POSSESSIVE_AFTER.match(text, end))
        or (
            " " not in text[start:end]
            and _PAID_WITH_BEFORE.search(text, max(0, start - 40), start)
            and not _ANOTHER_NAME_JOINS_AFTER.match(text, end)
        )
        or _TITLE_AFTER_THE.search(text, max(0, start - 10), start)
        or _PRODUCT_AFTER.match(text, end)
        or _SOFTWARE_DOES_AFTER.match(text, end)
        or _GOODS_ON_SALE_AFTER.match(text, end)
        or _product_word_after().match(text, end)
        or _product_word_after().search(text, start, end)
        or _STORM_BEFORE.search(text, max(0, start - 10), start)
        or _STORM.match(text, start)
    )


def named_like_a_thing(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is used as a thing's name: after an article, a demonstrative or a possessive
    pronoun ("the Michael Kors outlet", "our Jimmy Choo store"; not "that", a conjunction too: "that John found"),
    right after a brand's possessive ("Ben & Jerry's Cherry Garcia"), or right before a word that is only ever a
    noun or an adjective ("Ben Sherman jackets", "Betty Crocker recipes", "John Lewis delivery slot"), or before
    nouns that a verb follows ("Kate Spade bags are excluded", "Ted Baker refunds go back", "Duncan Hines frosting
    leaked", :func:`_before_the_subjects_verb`): a person's name is followed by a verb ("Ana needs", "Tom called",
    "Priya handles refunds") or a function word, not by a noun it qualifies."""
    # A name of the lists in another language's sentence has no English article before it, nor English nouns after
    # it ("... a Giulia Bianchi Moretti, come risulta sul passaporto", "para a Fernanda"); a place there still may
    # ("a Valencia").
    english = not (listed_name(text[start:end]) and in_another_language(text, start, end))
    if (
        (english and ARTICLE_BEFORE.search(text, max(0, start - 8), start))
        or _BRANDS_POSSESSIVE_BEFORE.search(text, max(0, start - 40), start)
        or named_like_a_product(text, start, end)
        or _with_an_everyday_word_in_its_name(text, start, end)
        or _named_like_a_shop(text, start, end)
    ):
        return True
    if _STORE_DOES_AFTER.match(text, end):
        return True
    after = LOWER_CASE_WORD_AFTER.match(text, end)
    # "Kofi Mensah's laptop": what a person owns follows the possessive.
    if after is None or text[end - 2 : end] in ("'s", "’s") or not english:
        return False
    word = after.group(1)
    # A function word ("Tell Fatima the ...", "Kevin from IT"), "and" of other languages too ("Rui Ferreira e Inês
    # Carvalho", "Ana López y ...", "Jan de Vries en ...", "Ola Nordmann og ..."), after a full name only: a word alone
    # before it is often a brand listed with another ("Zara y Massimo Dutti").
    if word in stop_words() or (word in _AND_OF_OTHER_LANGUAGES and " " in text[start:end]):
        return False
    # "written by Björn years ago": a time span before "ago" is no noun a name qualifies; "Buyer Usman Garba claims
    # the box was empty": nor are the words after a party's role and a full name.
    if _TIME_AGO_AFTER.match(text, end) or (
        " " in text[start:end] and _PARTYS_ROLE_BEFORE.search(text, max(0, start - 12), start)
    ):
        return False
    nouns_or_adjectives, verbs = word_classes()
    if _made_by(text, start, word, nouns_or_adjectives):
        return True
    # "with Noor tomorrow and": a time, a greeting's word, a team after a name (NOT_NAMES) are no nouns it qualifies.
    if word not in NOT_NAMES and _only_a_noun_or_adjective(word, nouns_or_adjectives, verbs):
        return True
    return _before_the_subjects_verb(text, end, nouns_or_adjectives, verbs)


# Not Dutch "en": Spanish and French "en" is "in" ("la evolución de Darwin en palabras sencillas").
_AND_OF_OTHER_LANGUAGES = frozenset(("e", "y", "et", "und", "og", "och", "ve", "dan", "és", "ja", "oraz"))
# An article and an adjective before a name ("a new", "the damaged"): what follows the name is then qualified by it.
_ARTICLE_AND_ADJECTIVE_BEFORE = re.compile(
    r"(?i:\b(?:the|a|an|our|my|your|their|this|these|those))[ \u00a0]+([a-z]+)[ \u00a0]+$"
)


def _made_by(text: str, start: int, word: str, nouns_or_adjectives: frozenset[str]) -> bool:
    """True when an article and an adjective come before the name at ``start`` and ``word``, right after it, is a
    noun as it stands ("a new Terra chair ships today", "the damaged Orla jacket"): the name says whose make the
    thing is, even of a noun that is a verb too ("chair", "watch"). A person after "the lovely" is followed by a
    verb ("the lovely Maria helped"), which the noun index does not hold as it stands ("helped", "starts")."""
    before = _ARTICLE_AND_ADJECTIVE_BEFORE.search(text, max(0, start - 30), start)
    return (
        before is not None
        and before.group(1) in adjectives()
        and word in nouns_or_adjectives
        and word not in NOT_NAMES
        and not _TIME_WORDS.fullmatch(word)
    )


# A store's possessive name and what a store does to an order or a payment ("Macy's charged a restocking fee",
# "Lowe's delivered the washer"): a person's possessive is followed by what they own ("Ana's laptop"), and "Ana's"
# before a past tense ("Ana's emailed you") is a contraction of "has", rarely with these verbs.
# A simple past that is no past participle cannot follow a person's "'s" either, which before a verb is "has" ("Ana's
# sent it"): "Wendy's forgot the fries", "Arby's gave me the wrong drink".
_STORE_DOES_AFTER = re.compile(
    r"['’]s[ \u00a0]+(?:charged|refunded|delivered|shipped|cancell?ed|returned|billed|declined|credited|debited"
    r"|restocked|overcharged|double-charged|gave|forgot|took|did|went|came|ate|broke|wrote|spoke|drove|threw|chose"
    r"|froze|stole|sang|began|ran)\b"
    # A verb of selling in the present, which no person's "'s" ("is", "has") comes before, with its object ("Dillard's
    # stocks the same lamp"; "Ana's stocks fell" are her shares), or a price match.
    r"|['’]s[ \u00a0]+(?:(?:sells|stocks|carries|lists|offers)[ \u00a0]+(?:the|it|them|this|these|that|those|a|an)\b"
    r"|price[ \u00a0-]?match(?:es|ed)?\b)"
)
_CAPITALISED_WORD_AFTER = re.compile(r"(?:['’]s)?[ \u00a0]([A-Z][a-z]+)\b(?![-'’\w])")
# A shop or a restaurant named "<given name>'s" ("Wendy's", "Luigi's", "Domino's"), by what a shop has and a person
# seldom owns right after the possessive: "Luigi's menu", "the Wendy's app", "Arby's drive-thru", "Moe's franchise".
# Not what a person has too: "Maria's invoice", "Tom's order", "Tom's manager".
_SHOPS_NOUN_AFTER = re.compile(
    r"['’]s[ \u00a0]+(?:app|apps|menu|menus|stores?|shops?|restaurants?|locations?|franchises?|franchisees?"
    r"|drive-?thrus?|drive-throughs?|branch|branches|outlets?|loyalty|coupons?|near[ \u00a0]+me)\b(?![-'’])"
)
# "At Luigi's", "ordered from Domino's": a possessive that owns nothing after "at" or "from" is a place, someone's
# home or a shop; a shop where the sentence orders, eats or pays (:data:`_SHOPS_WORDS`). Not "at Maria's house",
# "from Tom's laptop": a noun after the possessive is what the person owns.
_AT_OR_FROM_BEFORE = re.compile(r"(?<![\w'’-])(?i:at|from)[ \u00a0]+$")
_NOTHING_OWNED_AFTER = re.compile(
    r"['’]s(?=[ \u00a0]*(?:[,.;:!?)]|$)|[ \u00a0]+(?:we|I|they|you|he|she|and|on|in|near|downtown|yesterday|today"
    r"|tonight|last|this|for|again|was|were|is|are|had|the|a|an|but|because|when)\b)"
)
_SHOPS_WORDS = re.compile(
    r"(?i:\b(?:order(?:ed|ing|s)?|menu|waiter|waitress|reservation|drive-?thru|takeout|takeaway|receipt|cashier"
    r"|meal|dish|pizzas?|burgers?|fries|pasta|lasagnas?|lasagne|sushi|salads?|sandwich(?:es)?|coffee|latte"
    r"|dessert|delivery|restaurant|coupon)\b)"
)


def _named_like_a_shop(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]``, its possessive in it or right after it, names a shop or a restaurant: before
    what a shop has (:data:`_SHOPS_NOUN_AFTER`), or after "at" or "from" and owning nothing, in a sentence that orders,
    eats or pays ("at Luigi's we had the lasagne")."""
    possessive = end - 2 if POSSESSIVE_END.search(text, start, end) else end
    if not POSSESSIVE_AFTER.match(text, possessive):
        return False
    if _SHOPS_NOUN_AFTER.match(text, possessive):
        return True
    if not (_AT_OR_FROM_BEFORE.search(text, max(0, start - 8), start) and _NOTHING_OWNED_AFTER.match(text, possessive)):
        return False
    sentence_start, sentence_end = sentence_around(text, start)
    return _SHOPS_WORDS.search(text, sentence_start, sentence_end) is not None


def _with_an_everyday_word_in_its_name(text: str, start: int, end: int) -> bool:
    """True when the last word of ``text[start:end]`` or a capitalised word right after it (its possessive between
    allowed) is an English noun or adjective that no name list holds: "Martha Stewart Living", "Nordstrom Rack",
    "Victoria's Secret gift card", "Sam's Club", "Dick's Sporting Goods". Not before a number: "Ana's Surface Pro 9"
    is what Ana owns."""
    nouns_or_adjectives, _ = word_classes()
    given, surnames = person_name_lists()
    common = everyday_words()

    def everyday(word: str) -> bool:
        lower = word.lower()
        return (
            word not in given
            and word not in surnames
            and lower in common
            and bool(lemmas(lower) & nouns_or_adjectives)
            and lower not in NOT_NAMES
            and lower not in stop_words()
        )

    words = WORD.findall(text, start, end)
    # Inside a name, only after a surname that is no given name ("Nordstrom Rack"), or as the third word: the
    # surname of a given name the lists lack may be an English word too ("Mei-Ling Tsai"); not after a particle,
    # which opens a surname ("Femke de Wit", "Jan van Dam").
    if (
        len(words) > 1
        and (len(words) > 2 or (words[0] in surnames and words[0] not in given))
        and words[-2].lower() not in NAME_PARTICLES
        and everyday(words[-1])
    ):
        return True
    after = _CAPITALISED_WORD_AFTER.match(text, end)
    if after is None or not everyday(after.group(1)):
        return False
    run = CAPITALISED_RUN.match(text, after.start(1))
    return NUMBER_AFTER.match(text, run.end() if run else after.end()) is None


def _only_a_noun_or_adjective(word: str, nouns_or_adjectives: frozenset[str], verbs: frozenset[str]) -> bool:
    word_lemmas = lemmas(word)
    return bool(word_lemmas & nouns_or_adjectives) and not word_lemmas & verbs and not verb_form(word, verbs)


# A brand's possessive right before a name makes the name one of its products ("Ben & Jerry's Cherry Garcia",
# "Trader Joe's Mandarin Chicken"); a person's possessive is followed by what they own, rarely by another name.
_BRANDS_POSSESSIVE_BEFORE = re.compile(r"[A-Z][\w&-]*['’]s[ \u00a0]$")
# What may follow the nouns a thing's name qualifies, as their verb ("Kate Spade bags are excluded", "Calvin Klein
# returns take 10-14 days"): auxiliaries, and the few verbs that have no object, that a person's name followed by a
# verb and its object ("Priya handles refunds", "Tom leads design") does not end with.
_SUBJECTS_VERB = re.compile(
    r"(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|do|does|did|don't|doesn't|didn't|won't"
    r"|can't|cannot|isn't|aren't|wasn't|weren't|haven't|hasn't|keep|keeps|go|take|ship|arrive|cost|expire|apply|fit"
    r"|leak|fail|reset|appear)"
)
# "Noor today has ...": a time after a name is no noun the name qualifies.
_TIME_WORDS = re.compile(
    r"(?:today|tomorrow|yesterday|tonight|morning|afternoon|evening|night|now|later|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday|week|weekend)"
)
_TIME_AGO_AFTER = re.compile(
    r"[ \u00a0]+(?:(?:a|an|\d+|two|three|four|five|six|ten|few|several|many)[ \u00a0]+)?(?:years?|months?|weeks?|days?"
    r"|hours?|minutes?)[ \u00a0]+ago\b"
)
# The parties of an order, a dispute or a stay, as a record names them before their name: "Buyer Usman Garba".
_PARTYS_ROLE_BEFORE = re.compile(
    r"(?<![\w-])(?i:buyer|seller|customer|client|tenant|landlord|patient|passenger|guest|host|vendor|claimant"
    r"|complainant|applicant|recipient|sender)[ \u00a0]+$"
)
_LOWER_CASE_WORD = re.compile(r"[ \u00a0]([a-z]+(?:['’][a-z]+)?)\b(?![-'’])")


def _before_the_subjects_verb(text: str, end: int, nouns_or_adjectives, verbs) -> bool:
    """True when one or two nouns follow ``text[:end]`` and then their verb: an auxiliary, a verb of
    :data:`_SUBJECTS_VERB` or a past tense ("Duncan Hines frosting leaked", "Jasper credits reset"). A person's name
    is followed by its own verb and that verb's object ("Priya handles refunds", "Tom still has the laptop")."""
    position, nouns = end, 0
    while nouns < 3:
        after = _LOWER_CASE_WORD.match(text, position)
        if after is None:
            return False
        word = after.group(1)
        if nouns and (_SUBJECTS_VERB.fullmatch(word) or past_tense(word, verbs)):
            return True
        if (
            nouns == 2
            or word in stop_words()
            or word in adverbs()
            or _TIME_WORDS.fullmatch(word)
            or not lemmas(word) & nouns_or_adjectives
        ):
            return False
        position, nouns = after.end(), nouns + 1
    return False


# A title of a book, a film or a game, written like a name ("Anna Karenina", "Elden Ring", "Jane Eyre"), by the kind
# of work right before it ("the film ...", "my favourite novel ..."), or the verb that reads, plays or watches it
# ("reading ...", "playing ...", "binge-watching ..."), a quotation mark between allowed ('reading "Anna Karenina"').
_KINDS_OF_WORK = (
    r"film|movie|book|novel|novella|game|videogame|series|sitcom|documentary|album|song|musical|opera|audiobook"
    r"|e-?book|episode|biography|memoir|manga|anime|comic|podcast|title|poem|play|sonnet|ballet|symphony|painting"
    r"|short[ \u00a0]+story"
)
_KIND_OF_WORK_BEFORE = re.compile(
    # An author's or a maker's name between allowed: "the Jane Austen novel ...".
    r"(?i:\b(?:the|a|an|my|our|your|his|her|their|this|that)[ \u00a0]+"
    r"(?:[a-z]+[ \u00a0]+|(?-i:[A-Z][\w'’.-]*[ \u00a0]+){1,3})?"
    rf"(?:{_KINDS_OF_WORK}))[ \u00a0]+[\"“'‘]?$"
)
# Only verbs whose object is seldom a person: not "watching" ("watching Tom Baker all night at the hospital"), nor
# "played" ("I played Tom Baker last week and lost").
# Nor after "for" ("Thanks for reading Maria Lopez!"), nor opening a sentence ("Reading Maria Lopez, I think ..."):
# whom the text addresses, or an author.
_READS_PLAYS_OR_WATCHES_BEFORE = re.compile(
    r"(?<!for[ \u00a0])(?<![\w'’-])"
    r"(?:(?:re)?read(?:ing)?|(?:re)?playing|binge-?watch(?:ing|ed)?|streaming"
    # What a prompt asks of a work: "Summarise Anna Karenina in 100 words", "explain the plot of Jane Eyre".
    r"|(?i:summari[sz]e|the[ \u00a0]+(?:plot|ending|themes?|moral|main[ \u00a0]+characters)[ \u00a0]+of))"
    r"[ \u00a0]+[\"“'‘]?$"
)
# What ends a work's title, and a person's name would go on with: a quotation mark, the clause's end, a time ("all
# night", "again"), "on my ..." (a device), or after the kind of work a verb of being or of software, "won" or a
# past time ("the film ... was long", "the game ... keeps crashing", "the movie ... last night"); not what a person
# does ("the book Tom recommended", "playing Tom at chess", "watched Serena win").
_WORKS_TITLE_ENDS = re.compile(
    r"[\"”'’]|[ \u00a0]*(?:[,.;:!?)]|$)|[ \u00a0]+(?:again|all[ \u00a0]+(?:day|night|weekend)"
    r"|every[ \u00a0]+(?:day|night)|tonight|lately|for[ \u00a0]+(?:hours|ages)|on[ \u00a0]+my"
    # How long a summary should be, or for whom: "in 100 words", "in three sentences", "to a 10-year-old".
    r"|in[ \u00a0]+(?:\d+|one|two|three|four|five|ten|a[ \u00a0]+few)[ \u00a0]+(?:words|sentences|paragraphs|lines"
    r"|bullet[ \u00a0]+points)|to[ \u00a0]+an?[ \u00a0]+\d+-year-old)\b"
)
_WORKS_VERB_AFTER = re.compile(
    r"[ \u00a0]+(?:is|was|has|had|keeps|kept|crashes|crashed|froze|freezes|won['’]?t|doesn['’]?t|didn['’]?t|isn['’]?t"
    r"|wasn['’]?t|won|last[ \u00a0]+(?:night|week)|yesterday)\b(?![ \u00a0]+[a-z]+ing\b)"
)
# "Harry Potter and the Chamber of Secrets", "Percy Jackson and the Olympians": a name, "and the" and a capitalised
# word opens a work's title; people are listed with a team in lower case ("Maria Lopez and the team"), a team's word
# (names.NOT_NAMES: "and the Finance team") or a body of people ("Carlos Mendez and the Board approved").
_AND_THE_TITLE_AFTER = re.compile(
    r"['’]?[ \u00a0]and[ \u00a0]the[ \u00a0](?!(?:Board|Committee|Council|Directors?|Management|Trustees|Partners|Staff"
    r"|Family|Kids|Children|Crew|Group|Department|Office|Panel|Jury|Court|Police|Company|Firm|Others|Rest|New)\b)"
    r"([A-Z][a-z]+)\b"
)


# What belongs to a work of fiction or a franchise, right after its title: "... characters", "... fans", "... films",
# "... universe", "... types", "... series", "... novel". The words that are a person's verb too ("books", "film",
# "fans", "names", "types") only with no object after them: "Tomasz books the room", "Ana types the minutes".
_FRANCHISES_NOUN_AFTER = re.compile(
    r"[ \u00a0]+(?:characters?(?![ \u00a0]+(?:references?|witness(?:es)?)\b)|universe|franchise|fandom|saga|trilogy"
    r"|lore|cosplay|merch|villains?|heroes|spin-?offs?|sequels?|prequels?|episodes?|series|novels?|movies?"
    r"|(?:books|film|films|fans|names|types|cards|games)(?![ \u00a0]+(?:the|a|an|his|her|their|our|my|your|its|him"
    r"|them|it|me|us|you|this|that|these|those|up|out|off|in|on|over)\b))\b(?![-'’])"
)
# A game's character whose strongest kit is asked for: "the best Zhongli's shield build", "the best ... team comp",
# "the optimal ... rotation"; a person's build or team is not ranked so ("Priya's build failed on CI").
_RANKED_BEFORE = re.compile(r"(?i:\b(?:best|strongest|optimal|meta|top|recommended|f2p)[ \u00a0]+)$")
# What a game's character is equipped or played with.
_KIT_WORDS = (
    r"builds?|team[ \u00a0]+comps?|comps?|loadouts?|artifacts|weapons?|rotations?|combos?|talents?"
    r"|skill[ \u00a0]+trees?|gear|armou?r"
)
_CHARACTERS_KIT_AFTER = re.compile(rf"(?:['’]s)?(?:[ \u00a0]+[a-z0-9-]+){{0,2}}[ \u00a0]+(?:{_KIT_WORDS})\b(?!-)")
# A character in a game's or a film's sequel by its title ("... in Assassin's Creed 2", "... in Final Fantasy VII"):
# two capitalised words or more and the sequel's number after "in"; and the title itself after a capitalised name and
# "in". A title with no number is left alone: people are "in Human Resources", "in Grand Rapids" too.
_SEQUELS_TITLE = (
    r"(?:the[ \u00a0]+)?[A-Z][\w'’:-]*(?:[ \u00a0]+(?:of|the))?(?:[ \u00a0]+[A-Z][\w'’:-]*)+"
    r"[ \u00a0]+(?:\d{1,2}|II|III|IV|V|VI|VII|VIII|IX|X)\b"
)
_IN_A_SEQUEL_AFTER = re.compile(rf"[ \u00a0]+in[ \u00a0]+{_SEQUELS_TITLE}")
_SEQUELS_TITLE_AT = re.compile(_SEQUELS_TITLE)
_CHARACTER_IN_BEFORE = re.compile(r"(?<![\w'’.-])[A-Z][\w'’-]*[ \u00a0]+in[ \u00a0]+$")
# Only in a sentence about the work's world, with no one the writer knows before the name ("my brother ... in ...")
# nor what a person the writer deals with does after it.
_FICTIONS_WORD = re.compile(
    r"(?i:\b(?:boss(?:es|[ \u00a0]+fights?)?|quests?|questlines?|skins?|builds?|protagonists?|antagonists?"
    r"|villains?|heroes|heroines?|characters?|playthroughs?|dlcs?|cutscenes?|lore|iconic|cosplay|storylines?|npcs?"
    r"|playable|speedruns?)\b)"
)


# A character's kit right before "for" and the name ("the best build for ... in <Title> 3", "a loadout for ..."):
# "for" there gives the kit to a character, not a gift to someone the writer knows ("a gift for ...").
_KIT_FOR_BEFORE = re.compile(rf"(?i:\b(?:{_KIT_WORDS})[ \u00a0]+for)[ \u00a0]+$")


def _a_character_in_a_title(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a character before "in" and a sequel's title, or the title after a character
    and "in" (:data:`_SEQUELS_TITLE`), in a sentence about the work's world (:data:`_FICTIONS_WORD`) with no one
    the writer knows before it (a kit "for" the character is no one known: :data:`_KIT_FOR_BEFORE`)."""
    character = _IN_A_SEQUEL_AFTER.match(text, end)
    before = None if character else _CHARACTER_IN_BEFORE.search(text, max(0, start - 40), start)
    title = None if before is None else _SEQUELS_TITLE_AT.match(text, before.end())
    if character is not None:
        name_start, name_end = start, character.end()
    elif before is not None and title is not None and title.end() >= end:
        name_start, name_end = before.start(), title.end()
    else:
        return False
    low, high = sentence_around(text, start)
    return (
        (_FICTIONS_WORD.search(text, low, name_start) or _FICTIONS_WORD.search(text, name_end, high)) is not None
        and (
            not _KNOWN_PERSON_BEFORE.search(text, max(0, name_start - 30), name_start)
            or _KIT_FOR_BEFORE.search(text, max(0, name_start - 30), name_start) is not None
        )
        and not _INTERACTION_AFTER.match(text, name_end)
    )


# Two characters set against each other and a question which of their series or games does better: "... vs ... —
# which series has better combat?", "... versus ...: which franchise is older?". What the question asks of is a work
# ("has", "is", "was"), not what the writer will do with people ("Kofi vs Ama: which film should we pick?").
_VERSUS = r"[ \u00a0]+(?:vs\.?|versus)[ \u00a0]+"
_VERSUS_NAME = r"[A-Z][\w'’-]*(?:[ \u00a0][A-Z][\w'’-]*){0,2}"
_VERSUS_WHICH_WORK_AFTER = re.compile(
    rf"({_VERSUS}{_VERSUS_NAME})?[ \u00a0]*[—–:,-]?[ \u00a0]*(?i:which|whose)[ \u00a0]+(?i:series|franchise|games?|saga"
    r"|trilogy|films?|movies?|books?|novels?|shows?|universe)[ \u00a0]+(?:has|had|is|was|does|did|holds?|aged)\b"
)
_NAME_VERSUS_BEFORE = re.compile(rf"(?<![\w'’-]){_VERSUS_NAME}{_VERSUS}$")


def _characters_compared_by_their_series(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is one of two names set against each other by "vs" before a question which of
    their series or works is better (:data:`_VERSUS_WHICH_WORK_AFTER`)."""
    after = _VERSUS_WHICH_WORK_AFTER.match(text, end)
    return after is not None and (
        after.group(1) is not None or _NAME_VERSUS_BEFORE.search(text, max(0, start - 50), start) is not None
    )


# "From ...'s perspective", "from the point of view of ...": a character whose name ends with an everyday noun that
# no name list holds ("... Pig", "... Mouse") speaks; a person's surname ends theirs.
_PERSPECTIVE_BEFORE = re.compile(r"(?i:\b(?:perspective|point[ \u00a0]+of[ \u00a0]+view|eyes)[ \u00a0]+of)[ \u00a0]+$")
_PERSPECTIVE_AFTER = re.compile(r"['’]s[ \u00a0]+(?:perspective|point[ \u00a0]+of[ \u00a0]+view|eyes)\b")


def _a_character_speaks(text: str, start: int, end: int) -> bool:
    """True when a point of view is written from ``text[start:end]`` and its last word is an everyday English word
    that no name list holds ("... Pig's perspective"; not "Tomasz Nowak's perspective")."""
    name_end = end - 2 if POSSESSIVE_END.search(text, start, end) else end
    if not (_PERSPECTIVE_AFTER.match(text, name_end) or _PERSPECTIVE_BEFORE.search(text, max(0, start - 30), start)):
        return False
    words = WORD.findall(text, start, name_end)
    given, surnames = person_name_lists()
    last = words[-1] if len(words) > 1 else ""
    return last not in given and last not in surnames and last.lower() in everyday_words()


# What a question asks about a work by its title, a run of capitalised words after it allowed ("... Day Off"): "What
# is ... about?", "Is ... a good book for ...?", "What happens at the end of ...?". People are not about anything,
# nor good films.
_WORKS_TITLE_RUN = r"(?:['’]s)?(?:[ \u00a0]+(?:[A-Z][\w'’-]*|of|the|and|in|on|a|an))*"
# The rest of a title after a name, its words in capitals: "...'s Delivery Service", "... of Green Gables".
_TITLES_WORDS_AFTER = re.compile(r"(?:['’]s)?(?:[ \u00a0]+(?:[A-Z][\w'’-]*|of|the))*")
_ABOUT_QUESTION_BEFORE = re.compile(r"(?i:\bwhat(?:['’]s|[ \u00a0]+(?:is|was))[ \u00a0]+)$")
_ABOUT_QUESTION_AFTER = re.compile(
    rf"{_WORKS_TITLE_RUN}[ \u00a0]+(?:really[ \u00a0]+|actually[ \u00a0]+)?about[ \u00a0]*\?"
)
_A_WORK_AFTER = re.compile(
    rf"{_WORKS_TITLE_RUN}(?:[ \u00a0]+(?:is|was))?[ \u00a0]+(?:an?|the)[ \u00a0]+(?:[a-z-]+[ \u00a0]+){{0,2}}"
    rf"(?:{_KINDS_OF_WORK}|read|watch|classic)s?\b(?!-|[ \u00a0]+(?:club|buff|fan|star|master|nerd|lover"
    r"|critic|reviewer|collector|director|producer|writer|maker|player|designer|developer|shop|store)s?\b)"
)
_END_OF_BEFORE = re.compile(
    r"(?i:\b(?:happens|happened)[ \u00a0]+(?:at|in)[ \u00a0]+the[ \u00a0]+end[ \u00a0]+of)[ \u00a0]+"
    # A title that joins two names: "... and ...".
    r"(?:[A-Z][\w'’-]*(?:[ \u00a0][A-Z][\w'’-]*){0,3}[ \u00a0]+(?:and|&)[ \u00a0]+)?$"
)
# A title in capitals that holds a name: "the film My Neighbour ...", "...'s Moving Castle", "... of Green Gables".
# Words in capitals mid-sentence that open with a determiner ("is My Neighbour ..."), or go on after the name's
# possessive or "of" with an everyday word no name list holds; in a question or a request with no first-person word.
_TITLE_OPENS_BEFORE = re.compile(
    r"(?<=[a-z,][ \u00a0])(?:My|The|A|An|Our|Your|His|Her)(?:[ \u00a0]+(?:[A-Z][a-z]+|of|the))*[ \u00a0]+$"
)
_TITLE_GOES_ON_AFTER = re.compile(r"(?:['’]s|[ \u00a0]+of(?:[ \u00a0]+the)?)((?:[ \u00a0]+[A-Z][a-z]+)+)\b(?!['’])")


def _a_work_asked_about(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a work's title or its first words, that a question about the work asks about
    (:data:`_ABOUT_QUESTION_AFTER`, :data:`_A_WORK_AFTER`, :data:`_END_OF_BEFORE`), or held in a title in capitals
    (:data:`_TITLE_OPENS_BEFORE`, :data:`_TITLE_GOES_ON_AFTER`), with no sign of a private interaction in its
    sentence and no title or cue of a person right before it."""
    low, high = sentence_around(text, start)
    # The title's own words are no sign of a private interaction ("My Neighbour ...", "...'s Delivery Service"), nor
    # its "My ..." in capitals mid-sentence a first-person word or a person the writer knows.
    name_end = end - 2 if POSSESSIVE_END.search(text, start, end) else end
    opens = _TITLE_OPENS_BEFORE.search(text, max(0, start - 40), start)
    title_start = start if opens is None else opens.start()
    title_end = _TITLES_WORDS_AFTER.match(text, name_end).end()  # type: ignore[union-attr]
    if (
        _PRIVATE_INTERACTION.search(text, low, title_start)
        or _PRIVATE_INTERACTION.search(text, title_end, high)
        or _INTERACTION_AFTER.match(text, end)
    ):
        return False
    if opens is None and _KNOWN_PERSON_BEFORE.search(text, max(0, start - 30), start):
        return False
    if (
        (_ABOUT_QUESTION_BEFORE.search(text, max(0, start - 12), start) and _ABOUT_QUESTION_AFTER.match(text, name_end))
        or (_QUESTION_OPENS_BEFORE.search(text, max(0, start - 8), start) and _A_WORK_AFTER.match(text, name_end))
        or _END_OF_BEFORE.search(text, max(0, start - 80), start)
    ):
        return True
    if not _QUESTION_OR_REQUEST.search(text, low, high):
        return False
    if opens is not None:
        return True
    if _FIRST_PERSON.search(text, low, high):
        return False
    goes_on = _TITLE_GOES_ON_AFTER.match(text, name_end)
    if goes_on is None:
        return False
    given, surnames = person_name_lists()
    words = goes_on.group(1).split()
    return words[0] not in brands() and all(
        word not in given and word not in surnames and word.lower() in everyday_words() for word in words
    )


def named_like_a_work(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is the title of a book, a film or a game: it opens "... and the <Capitalised>"
    ("Harry Potter and the Chamber of Secrets"), or the kind of work or a verb that reads, plays or watches it stands
    right before and its title ends there (:data:`_WORKS_TITLE_ENDS`; after the kind of work, a verb of being or of
    software too: "the film Anna Karenina was long"), or before what belongs to a franchise
    (:data:`_FRANCHISES_NOUN_AFTER`: "... characters"), or a character that speaks (:func:`_a_character_speaks`), a
    game's character whose best kit is asked for ("the best ...'s shield build"), a character or a sequel's title in
    a sentence about the work's world (:func:`_a_character_in_a_title`), or a work a question asks about
    (:func:`_a_work_asked_about`: "What is ... about?", "...'s Delivery Service"). Not otherwise a possessive:
    "reading Anna's email" is a person's."""
    if _a_character_speaks(text, start, end) or _a_work_asked_about(text, start, end):
        return True
    name_end = end - 2 if POSSESSIVE_END.search(text, start, end) else end
    if _RANKED_BEFORE.search(text, max(0, start - 12), start) and _CHARACTERS_KIT_AFTER.match(text, name_end):
        return True
    if POSSESSIVE_END.search(text, start, end) or POSSESSIVE_AFTER.match(text, end):
        return False
    if _a_character_in_a_title(text, start, end) or _characters_compared_by_their_series(text, start, end):
        return True
    if _FRANCHISES_NOUN_AFTER.match(text, end) and not given_name_of_several_locales(text[start:end]):
        return True
    and_the = _AND_THE_TITLE_AFTER.match(text, end)
    if and_the is not None and and_the.group(1).lower() not in NOT_NAMES:
        return True
    kind = _KIND_OF_WORK_BEFORE.search(text, max(0, start - 40), start)
    # "Thanks for reading Tom!": a given name alone after the verb is whom the text addresses.
    words = text[start:end].split()
    given, _ = person_name_lists()
    verb = (
        not (len(words) == 1 and words[0] in given)
        and _READS_PLAYS_OR_WATCHES_BEFORE.search(text, max(0, start - 30), start)
        and not _A_NAME_SHOULD_READ_BEFORE.search(text, max(0, start - 40), start)
    )
    # The model's name may hold the closing quotation mark: "the novel 'Daisy Miller' ...".
    title_ends = _WORKS_TITLE_ENDS.match(text, end - 1 if text[end - 1] in "'’\"”" else end)
    return bool(
        (kind and (title_ends or _WORKS_VERB_AFTER.match(text, end)))
        # "Great job reading Tom Baker!": an exclamation after the verb's object addresses a person.
        or (verb and title_ends and "!" not in title_ends.group())
    )


# How a name or a document's line ought to be spelled: "the name should read Pieter-Jan de Vries" (not "you should
# read Jane Eyre").
_A_NAME_SHOULD_READ_BEFORE = re.compile(
    r"(?i:\b(?:name|names|it|spelling|field|line|ticket|certificate|passport|card|booking|invoice)"
    r"[ \u00a0]+(?:should|must|needs[ \u00a0]+to)[ \u00a0]+(?:now[ \u00a0]+)?read)[ \u00a0]+$"
)
# A quoted title ("'Romeo and Juliet'", "“Hey Jude”", "'Amélie'"): the quotation marks around a name on its line, the
# opening one after a space or a bracket, the closing one before no letter (not the "'s" of "Wendy's").
_OPENING_QUOTE_BEFORE = re.compile(r"(?:^|(?<=[\s(\[]))([\"“‘']|«[ \u00a0]?)[^\"“”‘’'\n]{0,60}$")
_CLOSING_QUOTE_AFTER = re.compile(r"[^\"“”‘’'\n]{0,60}?([\"”’'»])(?![^\W\d_])")
# The small words a title keeps in lower case ("Romeo and Juliet", "Catch Me If You Can", "Acqua di Gio").
_TITLES_SMALL_WORDS = frozenset(
    (
        "a",
        "an",
        "and",
        "the",
        "of",
        "in",
        "on",
        "to",
        "for",
        "with",
        "at",
        "by",
        "from",
        "or",
        "nor",
        "but",
        "if",
        "is",
        "de",
        "la",
        "le",
        "les",
        "du",
        "des",
        "di",
        "da",
        "del",
        "della",
        "y",
        "e",
        "et",
        "und",
        "von",
        "van",
    )
)
_WORKPLACE_AFTER = re.compile(r"[ \u00a0]+(?:from|at)[ \u00a0]")
# What opens a quoted greeting, a sign-off, an address or a request, not a title: '"Dear Maria"', '"Hi Tom"', '"Mr.
# Patel"', '"Thanks Maria"', '"Ask Tom"'.
_ADDRESS_OPENS = re.compile(
    r"(?:Dear|Hi|Hello|Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Madam|Thanks|Thank|Cheers|Regards|Love|Best|Yours|Sincerely|Signed"
    r"|From|To|Attn|For|Ask|Call|Email|Contact)\b"
)
# What is done to a work whose quoted title follows: "watching 'Amélie'", "we're doing 'Our Town'", "sang 'Jolene'".
_WORKS_VERB_BEFORE_A_QUOTE = re.compile(
    r"(?i:\b(?:watch(?:ing|ed|es)?|saw|seen|see(?:ing)?|doing|did|does|do|staging|staged|perform(?:ing|ed)?"
    r"|rehears(?:ing|ed)|sing(?:ing|s)?|sang|sung|listen(?:ing|ed)?[ \u00a0]+to|play(?:ing|ed|s)?|read(?:ing)?"
    r"|(?:re)?watch(?:ing|ed)|stream(?:ing|ed)?|finished|started|loved?|hated?"
    # What is asked of a song's words: "the meaning of '...'", "the lyrics to '...'".
    r"|(?:meaning|lyrics)[ \u00a0]+(?:of|to|behind)"
    # What music is made of or a clip taken from a song: "the chord progression in '...'", "the riff of '...'",
    # "10 seconds of '...'".
    r"|(?:chords?|chord[ \u00a0]+progression|riff|guitar[ \u00a0]+solo|bass[ \u00a0]?line|melody|tempo|time"
    r"[ \u00a0]+signature|key)[ \u00a0]+(?:of|in|to|for)|(?:seconds|minutes|bars|clip|snippet|excerpt|sample)"
    r"[ \u00a0]+(?:of|from)"
    # The titles a playlist is to hold, after a colon ("a playlist for a road trip: '...', '...'"), where no words
    # between tie the playlist to a person ("a playlist for my friend: ...").
    r"|playlist(?:[ \u00a0]+(?!(?:my|our|your|his|her|their)\b)[a-z0-9'’-]+){0,6}:))"
    # Titles listed after the verb, each quoted: "play 'Jolene' then '...'", "sang 'Angie', '...' and '...'".
    r"(?:[ \u00a0]+[\"“‘'«][^\"“”‘’'\n]{1,60}[\"”’'»](?:,|[ \u00a0]+(?:and[ \u00a0]+)?then|,?[ \u00a0]+(?:and|or)))*"
    r"[ \u00a0]+[\"“‘'«][ \u00a0]?$"
)
# A clause whose subject is a work, its quoted title ending it: "a song like '...'", "the track playing in the ad is
# '...'", "my favourite film is '...'", "Song used in the trailer was '...'". The kind of work opens the sentence or
# follows a determiner (not the verbs "play" or "show"), and no word between says who made, played or got the work:
# "the song's singer is '...'", "the book by '...'", "the film was sent to '...'" name people.
_WORK_IS_OR_IS_LIKE_BEFORE_A_QUOTE = re.compile(
    r"(?i:(?:^|(?<=[.!?:\n])[ \u00a0]*|\b(?:the|a|an|my|our|your|his|her|their|this|that|any|another"
    r"|some|one)[ \u00a0]+(?:[a-z]+[ \u00a0]+)?)"
    rf"(?:{_KINDS_OF_WORK}|track|tune|single|show|tv[ \u00a0]+show)s?"
    r"(?:[ \u00a0]+(?!(?:by|from|to|for|with|of|and|or|singer|author|writer|director|artist|actor|actress|star"
    r"|host|narrator|composer|creator|producer|band|voice|lead|owner|character)\b)[a-z'’-]+){0,6}"
    r"[ \u00a0]+(?:like|called|named|titled|entitled|is|was|as))[ \u00a0]+[\"“‘'«][ \u00a0]?$"
)
_BY_A_CREATOR_AFTER = re.compile(r"[ \u00a0]+by[ \u00a0]+(?:the[ \u00a0]+)?[A-Z]")
# A film or a series on a streaming service ("Jerry Maguire is on Netflix now"): not a person's television or video
# channel ("Tom is on TV tonight", "Ana is on YouTube").
_ON_A_STREAMING_SERVICE_AFTER = re.compile(
    r"(?:['’]s|[ \u00a0]+(?:is|was|are|were))?[ \u00a0]+(?:(?:now|still|finally|back|streaming|available)[ \u00a0]+)?"
    r"(?:on|to)[ \u00a0]+(?:Netflix|Hulu|(?:Amazon[ \u00a0]+)?Prime(?:[ \u00a0]+Video)?|Disney\+|HBO(?:[ \u00a0]+Max)?"
    r"|Apple[ \u00a0]+TV\+|Peacock|Paramount\+|Crunchyroll|Max\b)"
)
# Films watched one after another ("We watched Forrest Gump and then Heat"): the verb before, "and then" and the next
# title after. Not "watched Tom and then ..." alone: a name of a single given name is a person.
_WATCHED_BEFORE = re.compile(r"(?i:\b(?:watched|rewatched|re-watched|saw))[ \u00a0]+$")
_AND_THEN_A_TITLE_AFTER = re.compile(r"[ \u00a0]+and[ \u00a0]+then[ \u00a0]+[A-Z]")
# Renamed to a company ("Aunt Jemima is now called Pearl Milling Company"): a person renamed is given a name, not a
# company's head noun (:func:`_named_after_a_person`).
_RENAMED_AFTER = re.compile(
    r"[ \u00a0]+(?:is|was|has[ \u00a0]+been|got|had[ \u00a0]+been)[ \u00a0]+(?:now[ \u00a0]+)?"
    r"(?:called|named|renamed|rebranded(?:[ \u00a0]+as)?|known[ \u00a0]+as)[ \u00a0]+"
    r"((?:[A-Z][\w'’&-]*[ \u00a0]+){0,3})"
)
# A team that won or lost a game of a series ("Ginebra won Game 7"; "the Lakers took Game 2 at home").
_GAME_OF_A_SERIES_AFTER = re.compile(
    r"[ \u00a0]+(?:won|wins|lost|loses|took|takes|clinched|forced|dropped|stole|steals)[ \u00a0]+Game[ \u00a0]+\d"
)
# A hall, terminal or gate with a letter ("Hall C", "Terminal B.", "Gate D"), read as a surname and an initial.
_HALL_OR_GATE = re.compile(
    r"(?:Hall|Halle|Terminal|Gate|Pier|Concourse|Wing|Block|Zone|Level|Sector|Platform|Dock|Bay|Building|Tower)"
    r"[ \u00a0][A-Z]\.?"
)
# A hall's letter ends a line or an item: "Hall C, stands 1-9", not "Ask Hall C. to call".
_HALL_ENDS = re.compile(r"\.?[ \t]*(?:$|[\n,;:)(]|[-–—](?=\s))|\.[ \t]+[A-Z]")
# A German imperative or question of the polite form ("Halten Sie die Taste", "Drücken Sie", "Können Sie"), its
# capitalised verb read as a name: an infinitive's ending, then "Sie" and a lower-case word.
_GERMAN_VERB_BEFORE_SIE = re.compile(r"[^\W\d_]+(?:en|ern|eln)")
_SIE_AFTER = re.compile(r"[ \u00a0]Sie[ \u00a0]+[a-zäöüß]")
# A brand's word right before a name: its product ("Adidas Stan Smith", "Nintendo Wii").
_WORD_RIGHT_BEFORE = re.compile(r"(?<![\w'’&.-])([A-Z][\w&+-]*)[ \u00a0]$")
# Shopping where a shop is named after a person ("bought at John Lewis", "shopped at Marks"): "at", not "from"
# ("bought it from Tom" is a person's).
_BOUGHT_AT_BEFORE = re.compile(
    r"(?i:\b(?:bought|buy|buying|purchased|ordered|shopped|shopping|got)(?:[ \u00a0]+(?:it|them|this|these|one))?"
    r"[ \u00a0]+at)[ \u00a0]+$"
)
# A container or a measure of a drink or a food named after a person ("a bottle of Jack Daniel's", "a jar of
# Hellmann's"), nothing owned after it: "a bottle of Tom's wine" is Tom's.
_CONTAINER_OF_BEFORE = re.compile(
    r"(?i:\b(?:bottles?|cans?|glass(?:es)?|shots?|pints?|jars?|boxes|box|packs?|packets?|cartons?|tins?|cases?"
    r"|tubs?|bars?|cups?|drams?|jugs?|six-packs?|crates?|bags?|tubes?|sachets?|slices?|scoops?)[ \u00a0]+of)"
    r"[ \u00a0]+$"
)
_NOTHING_AFTER_A_POSSESSIVE = re.compile(
    r"(?:['’]s)?(?=[ \u00a0]*(?:[,.;:!?)]|$)|[ \u00a0]+(?:is|was|are|were|costs?|for|at|and|or|with|from|in|on)\b)"
)
# Shops named "<name>'s" in a list that is open or closed ("Wendy's and Arby's are both open late"), one word each
# (people's homes are named by full names too: "Sarah Connor's and Kyle Reese's").
_POSSESSIVE_SHOPS_OPEN_AFTER = re.compile(
    r"['’]s(?:(?:,[ \u00a0]+|,?[ \u00a0]+(?:and|or|&)[ \u00a0]+)[A-Z][\w-]*['’]s)*"
    r"[ \u00a0]+(?:is|are|was|were)[ \u00a0]+(?:(?:both|all|still|now|always)[ \u00a0]+)?(?:open|closed|shut)\b"
    # A restaurant's meal or drive-through hours, which a chain named "<name>'s" keeps ("...'s breakfast hours"); a
    # person keeps working or office hours.
    r"|['’]s[ \u00a0]+(?:breakfast|brunch|lunch|dinner|opening|drive[- ]?thr(?:u|ough))[ \u00a0]+(?:hours|times)\b"
)
# Goods on a supermarket's shelf ("Mrs. Smith's pies are in aisle 4", "Aisle 7: Kellogg's cereal"): a possessive,
# the goods, and an aisle in the sentence.
_AISLE = re.compile(r"(?i:\baisles?[ \u00a0]*\d)")
_GOODS_AFTER_A_POSSESSIVE = re.compile(r"['’]s[ \u00a0]+[a-z]+")
# A switch between two brands or firms ("moved my savings from Charles Schwab to Fidelity", "switched our fleet from
# Ford Transits to ..."): a verb of switching, "from" one name "to" another.
_SWITCH_VERB = re.compile(
    r"(?i:\b(?:switch(?:ed|es|ing)?|mov(?:e|ed|es|ing)|migrat(?:e|ed|es|ing)|transferr?(?:ed|ing|s)?|chang(?:e|ed|es"
    r"|ing)|jump(?:ed|ing|s)?|went|go(?:ing)?))\b"
)
_THINGS_SWITCHED = re.compile(
    r"(?i:\b(?:savings|account|accounts|money|pension|401k|IRA|portfolio|fleet|plan|insurance|mortgage|phone|bank"
    r"|banking|investments?|funds|business|subscription|cards?|brokerage|car|cars|vans|trucks|laptops?|provider))\b"
)
_FROM_BEFORE = re.compile(r"[ \u00a0]from[ \u00a0]+$")
_TO_NAME_AFTER = re.compile(r"[ \u00a0]+to[ \u00a0]+([A-Z][\w&+-]*(?:[ \u00a0][A-Z][\w&+-]*){0,2})")
_FROM_NAME_TO_BEFORE = re.compile(
    r"[ \u00a0]from[ \u00a0]+([A-Z][\w&+-]*(?:[ \u00a0][A-Z][\w&+-]*){0,2})[ \u00a0]+to[ \u00a0]+$"
)


# A publisher in a reference: its year in brackets, its title's sentence, then "Place: Publisher." ("(1859). On the
# Origin of Species. London: ..."), the name ending the reference.
_PUBLISHERS_PLACE_BEFORE = re.compile(
    r"\((?:19|18|17|20)\d\d[a-z]?\)\.?[ \u00a0][^\n]*?\.[ \u00a0]+[A-Z][\w'’.-]*(?:,?[ \u00a0][A-Z][\w'’.-]*){0,2}"
    r":[ \u00a0]+$"
)
_REFERENCE_ENDS = re.compile(r"[ \u00a0]*(?:[.,;]|$)")


def _quoted_title(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` stands inside a quoted title: words in a title's case (capitalised, or small words
    of :data:`_TITLES_SMALL_WORDS`), no sentence or comma inside, that hold more than the name ("'Romeo and Juliet'",
    "'Hey Jude'"; not an address: '"Dear Maria"', nor full names joined: "'Ilona Szabó and László Nagy'") or, the
    name alone, after what is done to a work ("watching 'Amélie'"), beside a quoted work's title in a list ("'Animal
    Farm', 'Jane Eyre'") or as a club's or a list's pick ("Book club pick: 'Anna Karenina'")."""
    opening = _OPENING_QUOTE_BEFORE.search(text, max(0, start - 60), start)
    closing = _CLOSING_QUOTE_AFTER.match(text, end)
    if opening is None or closing is None:
        return False
    quote_start, quote_end = opening.end(1), closing.start(1)
    quoted = text[quote_start:quote_end].strip()
    words = quoted.split()
    if not words or len(words) > 8 or re.search(r"[.!?,;:]", quoted):
        return False
    if not all(word[0].isupper() or word[0].isdigit() or word in _TITLES_SMALL_WORDS for word in words):
        return False
    if quote_start < start or end < quote_end:
        # '"Priya Sharma from Sales"', '"Tom, Finance"': a person and where they work.
        return (
            _ADDRESS_OPENS.match(quoted) is None
            and not _full_names_of_the_lists_joined(quoted)
            and not _WORKPLACE_AFTER.match(text[:quote_end], end)
            and not any(word.lower() in NOT_NAMES for word in text[end:quote_end].split())
        )
    # Or its creator after it: "'Jolene' by ..."; or it is one of a list of quoted titles ("'Animal Farm', 'Jane Eyre',
    # 'To Kill a Mockingbird'") or a club's or a course's pick ("Book club pick: 'Anna Karenina'").
    return (
        _WORKS_VERB_BEFORE_A_QUOTE.search(text, max(0, opening.start(1) - 160), opening.end(1)) is not None
        or _WORK_IS_OR_IS_LIKE_BEFORE_A_QUOTE.search(text, max(0, opening.start(1) - 80), opening.end(1)) is not None
        or _BY_A_CREATOR_AFTER.match(text, closing.end(1)) is not None
        or _another_title_listed(text, opening.start(1), closing.end(1))
        or _PICK_BEFORE_A_QUOTE.search(text, max(0, opening.start(1) - 40), opening.start(1)) is not None
    )


# Another quoted title in the same list, before or after: "'Animal Farm', 'Jane Eyre'".
_QUOTED_TITLE_LISTED_BEFORE = re.compile(
    r"[\"“‘']([A-Z0-9][^\"“”‘’'\n,]{0,60})[\"”’'][ \u00a0]*(?:,|and|&|or)[ \u00a0]*$"
)
_QUOTED_TITLE_LISTED_AFTER = re.compile(
    r"[ \u00a0]*(?:,|and|&|or)[ \u00a0]*[\"“‘']([A-Z0-9][^\"“”‘’'\n,]{0,60})[\"”’']"
)


def _another_title_listed(text: str, opening: int, closing: int) -> bool:
    """True when a quoted item beside the quote at ``text[opening:closing]`` in a list is a work's title, a word of it
    no name's ("'Animal Farm', 'Jane Eyre'"; not "'Tom Brown' and 'Ana Costa'")."""
    neighbours = (
        _QUOTED_TITLE_LISTED_BEFORE.search(text, max(0, opening - 80), opening),
        _QUOTED_TITLE_LISTED_AFTER.match(text, closing),
    )
    return any(neighbour is not None and _titled_like_a_work(neighbour.group(1)) for neighbour in neighbours)


# What a club, a class or a list picks: "Book club pick: '...'", "Reading list: '...'", "This month's read: '...'".
_PICK_BEFORE_A_QUOTE = re.compile(
    r"(?i:\b(?:book[ \u00a0]+club[ \u00a0]+(?:pick|choice|read|book)|reading[ \u00a0]+list|set[ \u00a0]+texts?"
    r"|(?:this|next)[ \u00a0]+(?:week|month)['’]s[ \u00a0]+(?:read|book|film|pick))[ \u00a0]*:?)[ \u00a0]*$"
)


_NAMES_JOINED = re.compile(r"[ \u00a0]+(?:and|&)[ \u00a0]+")


def _full_names_of_the_lists_joined(quoted: str) -> bool:
    """True for full names joined by "and" or "&", each a given name and a surname of the lists in either order
    ("'Ilona Szabó and Szabó Ilona'"): people, where a title joins single names or words ("'Romeo and Juliet'")."""
    given, surnames = person_name_lists()
    parts = [part.split() for part in _NAMES_JOINED.split(quoted)]
    return len(parts) >= 2 and all(
        len(words) == 2
        and ((words[0] in given and words[1] in surnames) or (words[0] in surnames and words[1] in given))
        for words in parts
    )


def _switched_between_firms(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is one side of a switch "from" one name "to" another, the other side a brand of
    :func:`~feedback_loop.privacy.names.brands` or, the sentence naming what was switched (:data:`_THINGS_SWITCHED`: "my
    savings", "our fleet"), a name with no given name of the lists: "from Tom to Ana" switches between people."""
    low, _ = sentence_around(text, start)
    verb = _SWITCH_VERB.search(text, low, start)
    if verb is None:
        return False
    given, _ = person_name_lists()
    other = None
    if _FROM_BEFORE.search(text, max(0, start - 8), start):
        to = _TO_NAME_AFTER.match(text, end)
        other = to.group(1) if to else None
    else:
        before = _FROM_NAME_TO_BEFORE.search(text, max(0, start - 60), start)
        other = before.group(1) if before else None
    if other is None:
        return False
    other_words = other.split()
    if other_words[0] in brands() and not given_name_of_several_locales(other_words[0]):
        return True
    return _THINGS_SWITCHED.search(text, verb.end(), start) is not None and not any(
        word in given for word in other_words
    )


# The words of a team or a service that signs a message, in the languages of the sign-offs: "Ihr Kundenservice",
# "Equipo de Atención al Cliente", "Apoio ao Cliente", "Servizio Clienti", "Klantenservice", "Ledgerly Product Team".
_TEAM_WORDS = (
    r"team|teams|équipe|equipe|equipo|squadra|crew|staff|office|desk|department|dept|services?"
    r"|servicio|serviço|servizio|service\s+client|support|suporte|soporte|supporto|helpdesk|care|kundenservice"
    r"|kundendienst|kundenbetreuung|kundenteam|klantenservice|klantendienst|kundeservice|kundservice|kundtjänst"
    r"|asiakaspalvelu|clientes?|clienti|customers?|atención|atendimento|apoio|obsługa|müşteri|hizmetleri|billing"
    r"|sales|reception|secretariat|secretaría|segreteria|sekretariat|reservations|concierge|operations|dispatch"
    r"|versand|buchhaltung|redaktion|squad|guild|tribe|enablement"
)
_TEAM_WORD = re.compile(rf"(?i:(?<![\w'’-])(?:{_TEAM_WORDS})(?![\w'’-]))")

_TEAM_NOUN_AFTER = re.compile(r"[ \t]+(?:team|squad|department|dept|unit|crew)\b")
_TEAM_WORD_ENDS = re.compile(rf"(?:{_TEAM_WORD.pattern})$")


def _a_team_on_its_line(text: str, start: int, end: int) -> bool:
    """True for a name of no given name of the lists opening a line of six words at most that ends with a team's or
    a service's word (:data:`_TEAM_WORD`), as a message's sign-off names who sends it, nothing on the line set apart
    from the name by a comma, a bar or a dash and no lower-case word but a particle ("Ihr Kundenservice", "Equipo de
    Atención al Cliente", "Ledgerly Product Team"; "Sunita, Customer Care", "Haruto Sato | Customer Success Manager",
    "ask for siobhan at reception", "Thanks Oluwaseun and the Support Team" keep their names)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    line = text[line_start:line_end].rstrip(" \t.!")
    # The team's word ends the line, or opens it after an article: "L'équipe Facturation", "El equipo de Soporte".
    opener = _TEAM_WORD_OPENS.match(line)
    if text[line_start:start].strip() and (opener is None or line_start + opener.end() < start - 1):
        return False
    words = WORD.findall(line)
    named = words if opener is None else WORD.findall(line, opener.end())
    given, _ = person_name_lists()
    return (
        len(words) <= 6
        and (opener is not None or _TEAM_WORD_ENDS.search(line) is not None)
        and _SET_APART.search(line) is None
        and all(word in _SIGN_OFF_PARTICLES for word in named if word.islower())
        and not any(word in given for word in WORD.findall(text, start, end))
    )


_TEAM_WORD_OPENS = re.compile(
    rf"(?i:(?:l['’]|(?:le|la|el|o|a|das|die|the|il|lo|het|de|ihr|votre|nuestro|nostro)[ \t]+)"
    rf"(?:{_TEAM_WORDS})(?![\w'’-])(?:[ \t]+(?:de|du|des|del|di|da|do|of))?)"
)
_SET_APART = re.compile(r"[,|/(–—]|\s-\s")
# The lower-case words of a team's name in a sign-off: "Equipo de Atención al Cliente", "Apoio ao Cliente".
_SIGN_OFF_PARTICLES = NAME_PARTICLES | {"a", "à", "ao", "of", "the", "and", "und", "et", "en", "och", "og"}


def named_like_a_title_a_firm_or_a_team(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]``, a name to the lists or the model, names a work, a firm, a shop, a product, a team
    or a place where it stands: a quoted title (:func:`_quoted_title`), a film on a streaming service or watched before
    another ("Jerry Maguire is on Netflix"), a brand renamed to a company ("... is now called Pearl Milling Company"), a
    side of a switch between firms (:func:`_switched_between_firms`), a shop where something was bought ("bought at John
    Lewis"), a drink or food by the bottle ("a bottle of Jack Daniel's"), possessive shops that are open ("Wendy's and
    Arby's are both open late"), goods in an aisle, a product that a brand of
    :func:`~feedback_loop.privacy.names.brands` opens ("Adidas Stan Smith"), a word written after another name as a
    product's elsewhere in the text ("Outlook says ... Microsoft Outlook"), a publisher after its place in a reference
    (:data:`_PUBLISHERS_PLACE_BEFORE`), a team that won a game of a series, a hall
    or a gate with a letter ("Hall C"), a German verb before "Sie" ("Halten Sie die Taste"), and a team that signs a
    message (:func:`_a_team_on_its_line`)."""
    name = text[start:end]
    words = WORD.findall(name)
    if not words:
        return False
    given, surnames = person_name_lists()
    single_given_name = len(words) == 1 and words[0] in given
    if _HALL_OR_GATE.fullmatch(name.rstrip()) and _HALL_ENDS.match(text, end):
        return True
    # "Halten Sie die Taste": the model's name may hold "Sie" too.
    verb_end = end - 4 if len(words) == 2 and words[1] == "Sie" else end
    if (
        _GERMAN_VERB_BEFORE_SIE.fullmatch(text, start, verb_end)
        and words[0] not in given
        and _SIE_AFTER.match(text, verb_end)
    ):
        return True
    if _quoted_title(text, start, end):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    if _PUBLISHERS_PLACE_BEFORE.search(text, line_start, start) and _REFERENCE_ENDS.match(text, end):
        return True
    if start in strong_cue_ends(text):
        return False
    if _a_team_on_its_line(text, start, end):
        return True
    possessive = POSSESSIVE_END.search(text, start, end) is not None
    # A team's name, the word for it after it in lower case, an English word in it and no given name: "Escalated to
    # Telco Integrations team" (not "the Priya Sharma team", "Ticket moved to Oluwaseun Adebayo squad").
    if (
        not single_given_name
        and not possessive
        and _TEAM_NOUN_AFTER.match(text, end)
        and any(not no_english_word(word.lower()) for word in words)
        and not any(word in given for word in words)
    ):
        return True
    if (
        not single_given_name
        and not possessive
        and (
            _ON_A_STREAMING_SERVICE_AFTER.match(text, end)
            or (_WATCHED_BEFORE.search(text, max(0, start - 12), start) and _AND_THEN_A_TITLE_AFTER.match(text, end))
        )
    ):
        return True
    renamed = _RENAMED_AFTER.match(text, end)
    if renamed is not None and _named_after_a_person()[0].match(text, renamed.end(1) - 1):
        return True
    if not possessive and _switched_between_firms(text, start, end):
        return True
    if (
        not possessive
        and _BOUGHT_AT_BEFORE.search(text, max(0, start - 30), start)
        and _WORKS_TITLE_ENDS.match(text, end)
        and not POSSESSIVE_AFTER.match(text, end)
    ):
        return True
    if _CONTAINER_OF_BEFORE.search(text, max(0, start - 20), start) and _NOTHING_AFTER_A_POSSESSIVE.match(text, end):
        return True
    shop_end = end - 2 if possessive else end
    if len(words) == 1 and _POSSESSIVE_SHOPS_OPEN_AFTER.match(text, shop_end):
        return True
    if _GOODS_AFTER_A_POSSESSIVE.match(text, shop_end):
        low, high = sentence_around(text, start)
        if _AISLE.search(text, low, high):
            return True
    brand_names = brands()
    brand_before = _WORD_RIGHT_BEFORE.search(text, max(0, start - 30), start)
    first, first_start = (brand_before.group(1), brand_before.start()) if brand_before else ("", start)
    # Or the name opens with a brand that no name list holds ("Adidas Rod Laver in navy"; not "Ford Adeyemi").
    if brand_before is None and len(words) > 1 and words[0] not in given and words[0] not in surnames:
        first = words[0]
    # The product's name ends with a noun or a function word, not a verb: "Using Jira Peter Smith assigned it" is a
    # person's; nor a brand that is an everyday word ("Ask Priya's manager").
    verb_after = LOWER_CASE_WORD_AFTER.match(text, end)
    if (
        first in brand_names
        and not possessive
        and first.lower() not in everyday_words()
        and not (
            verb_after is not None
            and verb_after.group(1) not in stop_words()
            and verb_form(verb_after.group(1), word_classes()[1])
        )
        and not given_name_of_several_locales(first)
        and not _TITLE_OR_GREETING_BEFORE.search(text, max(0, first_start - 8), first_start)
        and not _TITLE_OR_GREETING_BEFORE.search(text, max(0, start - 8), start)
        and not _PERSONS_VERB_AFTER.match(text, end)
    ):
        return True
    # "Outlook says ... Microsoft Outlook": a word no name list holds, written elsewhere after a maker's name that no
    # name list nor English word list holds either (not "Agent Lopez", a surname; nor a title: "Uncle Bob"), no title
    # before the word ("Dear Mr. Okonkwo, ... Ref: Chidi Okonkwo").
    if (
        len(words) == 1
        and not possessive
        and words[0] not in given
        and words[0] not in surnames
        and not _TITLE_OR_GREETING_BEFORE.search(text, max(0, start - 8), start)
    ):
        for match in re.finditer(rf"(?<![\w'’.-])([A-Z][\w-]*)[ \u00a0]({re.escape(words[0])})\b", text):
            maker = match.group(1)
            if (
                match.start(2) != start
                and maker not in given
                and maker not in surnames
                and maker.lower() not in NOT_NAMES
                and maker.lower() not in stop_words()
                # No English noun, adjective or verb: "Coach Nkechi", "Tell Nkechi" are whom they name; a brand
                # of the list or a word written often in English ("Microsoft"), not a given name no list holds
                # ("Customer ref: Chaminda Wickramasinghe").
                and not any(maker.lower() in word_class for word_class in word_classes())
                and (maker in brand_names or maker.lower() in everyday_words())
                and not _TITLE_OR_GREETING_BEFORE.search(maker + " ")
            ):
                return True
    return bool(_GAME_OF_A_SERIES_AFTER.match(text, end) and not any(word in given for word in words))


# The assistants LLM telemetry names where a person's name stands ("Claude summarised the notes", "Ask Alexa to
# ...", "Siri keeps reading my messages"): a word alone is the assistant unless a form's field or "my name is"
# announces it; with a surname it is a person ("Claude Dubois").
ASSISTANT_NAMES = frozenset(
    {"Alexa", "Siri", "Cortana", "Bixby", "Claude", "Gemini", "Copilot", "ChatGPT", "Bard", "Grok", "Perplexity"}
)
# As chat writes them: "hey siri set a timer", "hi alexa play music".
_ASSISTANT_NAMES_IN_LOWER_CASE = frozenset(name.lower() for name in ASSISTANT_NAMES)
# A place's name that opens with a word of places: "São Paulo", "San Francisco General", "Rio de Janeiro",
# "Fort Worth", "Lake Louise" (the name right after the word, or the word opening the name).
# The street and square words of other languages open a street's name the same way, which is often a person's name or
# title ("Jalan Jenderal Sudirman", "Calle Alcalá", "Gran Vía", "Piazza Garibaldi"); not "Rua", a Māori given name
# too ("Rua Kenana").
_PLACE_WORDS = (
    r"(?:San|Santa|Santo|São|Sao|Rio|Porto|Puerto|Los|Las|Fort|Mount|Lake|Port|Saint|Sankt|Cape"
    r"|Jalan|Jl|Jln|Calle|Avenida|Praça|Paseo|Carrer|Gran|Rue|Via|Viale|Piazza|Plaza|Plac|Ulica"
    # The island, mountain, beach and lake words of Malay, Indonesian, Spanish and Portuguese, which open the names
    # of islands and beaches named like people ("Pulau Tioman", "Gunung Rinjani", "Praia Vermelha").
    r"|Pulau|Gunung|Pantai|Danau|Playa|Praia|Ilha"
    # A meeting room's or a hotel room's name: "Meeting Room Atlas"; a palace, a castle, a hotel or a museum:
    # "Palazzo Vecchio", "Museo Sorolla".
    r"|Room|Suite|Palazzo|Castello|Schloss|Château|Chateau|Hotel|Museo|Musée|Museu|Teatro|Galleria|Biblioteca)"
)
_PLACE_WORD_BEFORE = re.compile(rf"(?<![\w'’.-]){_PLACE_WORDS}[ \u00a0]$")
_PLACE_WORD_OPENS = re.compile(rf"{_PLACE_WORDS}[ \u00a0]")
# A street's name without a house number ("George Street in the CBD is closed"), whatever surname the street word is
# too: with a number the address detector took it before names are read.
_STREET_WORD_ENDS = re.compile(r"[ \u00a0](?:Street|Road|Avenue|Lane|Boulevard|Terrace|Crescent)$")
# A hotel's or an office's room named by its kind: "Deluxe King Room", "Garden Suite".
_ROOM_ENDS = re.compile(r"[ \u00a0](?:Room|Rooms|Suite)$")
# An eponym's possessive before what science and medicine name after people: "Dijkstra's algorithm", "Bayes'
# theorem", "Newton's second law" (an ordinal between), "Bell's palsy", "Hodgkin's lymphoma", "Raynaud's
# phenomenon"; a disease's name by its ending too ("Hashimoto's thyroiditis", "Kaposi's sarcoma", "Paget's
# osteodystrophy"): a person's possessive is followed by what they own or do, seldom by a diagnosis's name.
_EPONYMS_NOUN_AFTER = re.compile(
    r"['’]s?[ \u00a0](?:(?:zeroth|first|second|third|fourth|last|little|great)[ \u00a0](?:law|theorem|rule|principle)s?"
    r"(?![ \u00a0]+(?!of\b)[a-z])|"
    r"(?:algorithm|theorem|lemma|conjecture|principle|equation|inequality|constant|paradox|syndrome"
    r"|disease|hypothesis|razor|transform|distribution|criterion|law|triangle|formula|identity|coefficient|integral"
    r"|spiral|sieve|palsy|phenomenon|chorea|ataxia|aphasia|anaemia|anemia|dystrophy|neuralgia|contracture|dementia"
    r"|[a-z]{3,}(?:itis|oma|osis|pathy|trophy|plasia|algia)"
    # What a person has that ends as a disease does: "Ana's diploma", "Tom's diagnosis", "Priya's sympathy".
    r"(?<!diploma)(?<!aroma)(?<!diagnosis)(?<!prognosis)(?<!hypnosis)(?<!osmosis)(?<!sympathy)(?<!telepathy)"
    r"(?<!nostalgia))s?\b)"
)
# What medicine names after people and people own or do too ("Romberg's test", "Babinski's sign", "Moro's reflex";
# "Ana's test results", "Tom's sign"), and a law by its ordinal before any word ("Kepler's third law links ...";
# "Priya's second law exam"): an eponym only of a name that is no given name of the lists.
_EPONYMS_AMBIGUOUS_NOUN_AFTER = re.compile(
    r"['’]s?[ \u00a0](?:(?:zeroth|first|second|third|fourth|last)[ \u00a0](?:law|theorem|rule|principle)s?"
    r"|test|sign|reflex|maneuver|manoeuvre|manoeuver|triad|method|effect|fracture|ulcer|cyst|node"
    r"|gland|duct|cells?|ratio|number|operation|procedure)\b"
)


# What statistics, science and medicine name after two people, their names joined by an en dash or a hyphen ("the
# Mann–Whitney U test", "Kruskal-Wallis test", "the Navier–Stokes equations", "Creutzfeldt–Jakob disease"), a
# letter between allowed; a double-barrelled surname is followed by what its bearer has ("Smith-Jones test results").
_JOINED_BY_A_DASH_BEFORE = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+[–-]$")
_JOINED_BY_A_DASH = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+[–-][A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+")
_JOINED_BY_A_DASH_AFTER = re.compile(r"[–-][A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+")
_EPONYMOUS_METHOD_AFTER = re.compile(
    r"(?:[ \u00a0][A-Z](?![\w'’-]))?[ \u00a0](?:test|theorem|equations?|distribution|reaction|algorithm|criterion"
    r"|coefficient|estimator|inequality|transform|cycle|effect|syndrome|disease|law|conjecture|kinetics"
    r"|rearrangement|bound|statistic|procedure|correction|model)\b"
    r"(?![ \u00a0]+(?:results?|scores?|dates?|drive|run|papers?|day|booking|appointment|firm|office|school|team))"
)


def _eponyms_joined_by_a_dash(text: str, start: int, end: int) -> bool:
    """True when the first word of ``text[start:end]`` is one of two names an en dash or a hyphen joins (in it, or
    with the name before or after it) and a method, a law or a disease named after both follows
    (:data:`_EPONYMOUS_METHOD_AFTER`: "the Mann-Whitney U test")."""
    first_end = start + len(text[start:end].split()[0]) if text[start:end].strip() else end
    joined_after = _JOINED_BY_A_DASH_AFTER.match(text, first_end)
    if joined_after:
        return _EPONYMOUS_METHOD_AFTER.match(text, joined_after.end()) is not None
    return bool(
        (
            _JOINED_BY_A_DASH_BEFORE.search(text, max(0, start - 30), start)
            or _JOINED_BY_A_DASH.fullmatch(text, start, first_end)
        )
        and _EPONYMOUS_METHOD_AFTER.match(text, first_end)
    )


# What science and philosophy name after people and a person owns too ("Schrödinger's cat", "Maxwell's demon",
# "Hilbert's hotel", "Pascal's wager"): an eponym only of a name that is no given name of the lists, in a question
# or a request with no sign of a private interaction ("feed Nowak's cat on Monday").
_THOUGHT_EXPERIMENTS_NOUN_AFTER = re.compile(
    r"['’]s?[ \u00a0](?:cat|demon|wager|hotel|cradle|teapot|beetle|ship|cave|gun|dragon|room|box|dilemma"
    r"|thought[ \u00a0]experiment)\b"
)
# What science names after people with a word before it: "...'s uncertainty principle", "...'s exclusion principle",
# "...'s incompleteness theorems", "...'s cosmological constant".
_EPONYMS_KIND_AFTER = re.compile(
    r"['’]s?[ \u00a0][a-z]+[ \u00a0](?:principle|theorem|conjecture|paradox|equation|constant|hypothesis|razor"
    r"|law|effect)s?\b"
)
# A question or what asks for an idea to be explained: "Why is ...?", "help me explain ...", "the physics of ...".
_EXPLAINED = re.compile(
    r"\?|(?i:\b(?:explain\w*|describe|understand|mean(?:s|ing)?|concept|idea|analogy|paradox\w*|thought[ \u00a0]"
    r"experiments?|physics|quantum|philosoph\w*|logic|math(?:s|ematics)?)\b)"
)
# A time zone as the tz database names it, its area, a slash and its city: "Europe/London", "America/New_York",
# "Australia/Sydney", "America/Argentina/Buenos_Aires".
_TIME_ZONE = re.compile(
    r"\b(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)"
    r"(?:/[A-Z][A-Za-z_+-]*){1,2}"
)


def _in_a_time_zones_name(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is the area or the city of a time zone's name (:data:`_TIME_ZONE`)."""
    if "/" not in text[max(0, start - 1) : end + 1]:
        return False
    return any(
        zone.start() <= start and end <= zone.end() for zone in _TIME_ZONE.finditer(text, max(0, start - 40), end + 40)
    )


# The weather of a place: "the weather for ...", "the aurora forecast for ...", "sunset in ...". Not a forecast of
# sales or budgets ("the revenue forecast for Priya"): a bare "forecast" only in a sentence about the weather.
_WEATHER_FOR_BEFORE = re.compile(
    r"(?i:\b(?:weather(?:[ \u00a0]+forecast)?|temperatures?|sunrise|sunset|tide[ \u00a0]+times|(?:aurora|northern"
    r"[ \u00a0]+lights|snow|surf|rain|wind|marine|pollen|ski|avalanche|storm|frost|\d+-day)[ \u00a0]+forecast)"
    r"[ \u00a0]+(?:for|in|at))[ \u00a0]+$"
)
_FORECAST_FOR_BEFORE = re.compile(r"(?i:\bforecast[ \u00a0]+(?:for|in|at))[ \u00a0]+$")
_WEATHER_WORDS = re.compile(
    r"(?i:\b(?:weather|rain\w*|snow\w*|sunny|cloud\w*|wind\w*|storms?|temperatures?|degrees|°[CF]?|aurora"
    r"|northern[ \u00a0]+lights|kp[ \u00a0]*\d|frost|fog|humidity|uv)\b)"
)


def _weather_of_a_place(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]``, no possessive, is the place a weather forecast is for
    (:data:`_WEATHER_FOR_BEFORE`; "the forecast for ..." in a sentence about the weather): "the forecast for
    Priya's team" is a team's."""
    if POSSESSIVE_END.search(text, start, end) or POSSESSIVE_AFTER.match(text, end):
        return False
    if _WEATHER_FOR_BEFORE.search(text, max(0, start - 40), start):
        return True
    low, high = sentence_around(text, start)
    return bool(_FORECAST_FOR_BEFORE.search(text, max(0, start - 20), start) and _WEATHER_WORDS.search(text, low, high))


def _a_thought_experiment(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]``, one word and no given name of the lists, names a thought experiment or a paradox
    (:data:`_THOUGHT_EXPERIMENTS_NOUN_AFTER`), or a principle, a theorem or a constant with a word before it
    (:data:`_EPONYMS_KIND_AFTER`: "...'s uncertainty principle"), in a question or a request with no sign of a
    private interaction."""
    name_end = end - 2 if POSSESSIVE_END.search(text, start, end) else end
    name = text[start:name_end]
    if (
        " " in name
        or name in person_name_lists()[0]
        or not (_THOUGHT_EXPERIMENTS_NOUN_AFTER.match(text, name_end) or _EPONYMS_KIND_AFTER.match(text, name_end))
    ):
        return False
    low, high = sentence_around(text, start)
    return bool(_EXPLAINED.search(text, low, high)) and not _PRIVATE_INTERACTION.search(text, low, high)


# The units of measure named after people ("Celsius", "Newton", "Hertz"), in the singular and the plural.
_UNITS = (
    r"(?:Celsius|Fahrenheit|Kelvins?|Rankine|R[ée]aumur|Newtons?|Joules?|Watts?|Volts?|Amperes?|Ohms?|Hertz|Pascals?"
    r"|Teslas?|Coulombs?|Gauss|Siemens|Webers?|Henry|Henries|Becquerels?|Sieverts?|Grays?|Farads?|Curies?|Roentgens?)"
)
_UNIT = re.compile(rf"{_UNITS}$")
# Where a unit's name stands as one: after a number or "degrees", or joined to another unit's name.
_MEASURE_BEFORE = re.compile(
    rf"(?:\d[ \u00a0]*|\bdegrees?[ \u00a0]+|°[ \u00a0]*|(?<![\w'’-]){_UNITS}[ \u00a0]+(?:and|or|to|into|vs\.?|versus)"
    r"[ \u00a0]+)$"
)
_ANOTHER_UNIT_AFTER = re.compile(rf"[ \u00a0]+(?:and|or|to|into|vs\.?|versus)[ \u00a0]+{_UNITS}(?![\w'’-])")
_ANOTHER_UNIT = re.compile(rf"(?<![\w'’-]){_UNITS}(?![\w'’-])")
# What follows a unit's name where nothing else does: the sentence's end, a word of measuring, or how it is used.
_MEASURE_ENDS_AFTER = re.compile(
    r"[ \u00a0]*(?:[?.!,;:)]|$)|[ \u00a0]+(?:scales?|degrees?|units?|readings?|temperatures?|conversion)\b"
    r"|[ \u00a0]+(?:(?:is|are|was|were)[ \u00a0]+)?(?:used|measured|defined|preferred|better|worse|different|equal)\b"
)
# Eponymous adjectives before the plural of what they name: "the ... and ... calendars", "... scales".
_EPONYMOUS_KINDS_AFTER = re.compile(
    r"(?:[ \u00a0]+(?:and|or|vs\.?|versus|to)[ \u00a0]+[A-Z][a-z]+)?[ \u00a0]+(?:calendars|scales|units)\b"
    # Not a verb's object: "... and ... scales the wall".
    r"(?![ \u00a0]+(?:the|a|an|his|her|their|my|our|its|this|that)\b)"
)


def _a_unit_or_an_eponymous_kind(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a unit of measure named after a person (:data:`_UNITS`) used as one: after a
    number or "degrees", joined to another unit, or alone at a sentence's end in a text that names another unit
    (with no sign of someone the writer deals with); or an eponymous adjective before the plural of its kind
    (:data:`_EPONYMOUS_KINDS_AFTER`)."""
    if _EPONYMOUS_KINDS_AFTER.match(text, end):
        return True
    words = text[start:end]
    if not _UNIT.match(words):
        return False
    if _MEASURE_BEFORE.search(text, max(0, start - 30), start) or _ANOTHER_UNIT_AFTER.match(text, end):
        return True
    around = text[max(0, start - _TOPIC_REACH) : end + _TOPIC_REACH]
    return bool(
        _MEASURE_ENDS_AFTER.match(text, end)
        and any(unit.group() != words for unit in _ANOTHER_UNIT.finditer(around))
        and not _PRIVATE_INTERACTION.search(around)
        and not _KNOWN_PERSON_BEFORE.search(text, max(0, start - 30), start)
    )


# A place of a delivery's list: one or two capitalised words ("Hobart", "Alice Springs").
_DELIVERED_PLACE_WORDS = r"[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+(?:[ \u00a0][A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+)?"
# Places of one or two capitalised words joined by commas, "and" or "or" ("only" allowed after them) where a shop or
# a courier says it delivers, or a service's riders or drivers that they cover them: "delivery available in ..., ...
# or only ...?", "Orders to ... and ... are delayed", "we ship same-day to ... and ...", "our riders cover ..., ...
# and ...". Orders and parcels "for" a name are a customer's ("Orders for Taylor and Mitchell").
_DELIVERED_PLACES = re.compile(
    r"(?i:\b(?:(?:deliver(?:y|ies|s|ed|ing)?|ship(?:s|ped|ping)?|shipments?|orders?|parcels?|packages?"
    r"|dispatch(?:es|ed)?|postage|couriers?)"
    r"(?:[ \u00a0]+(?:is|are|was|were|now|only|not|available|still|currently|also|same-day|next-day|free|daily"
    r"|weekly|express|overnight))"
    r"{0,3}[ \u00a0]+(?P<preposition>to|in|into|for|across|within)"
    r"|(?:we|riders|couriers|drivers|vans|fleet|service)[ \u00a0]+(?:also[ \u00a0]+)?(?:cover|serve)))[ \u00a0]+"
    rf"(?P<places>{_DELIVERED_PLACE_WORDS}"
    rf"(?:(?:,|,?[ \u00a0](?:and|or))(?:[ \u00a0]only)?[ \u00a0]{_DELIVERED_PLACE_WORDS})*)"
    r"(?![\w'’-]|[ \u00a0][A-ZÀ-ÖØ-ÞĀ-Ž])"
)
_DELIVERED_PLACE = re.compile(_DELIVERED_PLACE_WORDS)


def places_of_a_delivery(text: str, places_read: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    """The places, and their words, of each list of places a shop or a courier delivers to (:data:`_DELIVERED_PLACES`):
    two or more of which one is a city, a word that WordNet knows only as a noun ("Sydney", "Melbourne"; not "Grace",
    nor "Amara") and the model reads as a place (``places_read``); or, not after "for", every one of them a city of the
    gazetteer or of a country's or a state's name (:func:`~feedback_loop.privacy.names.cities`: "Austin, Houston and
    Dallas", "New York and Boston"), one alone only where it is no given name ("delivery to Bentonville"). A city
    named like a person ("Adelaide") is a place among places. A name of two words that is no place ("Orders to
    Florence Mbeki and ...") makes the list none."""
    delivered: set[tuple[int, int]] = set()
    nouns_or_adjectives, verbs = word_classes()
    given, _ = person_name_lists()
    for match in _DELIVERED_PLACES.finditer(text):
        listed = [place.span() for place in _DELIVERED_PLACE.finditer(text, *match.span("places"))]
        in_the_gazetteer = [
            text[start:end] in cities() or all(word in places() for word in text[start:end].split())
            for start, end in listed
        ]
        if any(" " in text[start:end] for start, end in listed) and not all(in_the_gazetteer):
            continue
        gazetteer = match.group("preposition") != "for" and all(in_the_gazetteer)
        if (gazetteer and (len(listed) > 1 or text[listed[0][0] : listed[0][1]] not in given)) or (
            len(listed) > 1
            and any(
                low <= start
                and end <= high
                and _only_a_noun_or_adjective(text[start:end].lower(), nouns_or_adjectives, verbs)
                for start, end in listed
                for low, high in places_read
            )
        ):
            delivered.update(listed)
            delivered.update(word.span() for start, end in listed for word in WORD.finditer(text, start, end))
    return delivered


def _a_city_named_like_no_person(text: str, start: int, end: int) -> bool:
    """True for a city of the gazetteer of two words or more, none of them a given name or a surname of the lists:
    "Belo Horizonte" (not "Diego Martin", "Albert Lea", "Jesús María", cities that are people's names too); after a
    preposition of place, a given name may open it ("de fora de Belo Horizonte"; "helped by Teófilo Otoni" is a
    person's); so may a journey's word before it ("de Campinas para Belo Horizonte")."""
    name = POSSESSIVE_END.sub("", text[start:end])
    if " " not in name or name not in cities():
        return False
    given, surnames = person_name_lists()
    words = name.split()
    if PLACE_PREPOSITION_BEFORE.search(text, max(0, start - 8), start) or _TOWARDS_A_PLACE_BEFORE.search(
        text, max(0, start - 8), start
    ):
        return not (words[0] in given and all(word in given or word in surnames for word in words[1:]))
    return not any(word in given or word in surnames for word in words)


# Where a move or a journey goes, in Portuguese and Spanish: "de Campinas para Belo Horizonte" (not English "to",
# whom a thing is sent as often: "I sent it to Teófilo Otoni").
_TOWARDS_A_PLACE_BEFORE = re.compile(r"(?i:\b(?:para|pra|hacia|rumo[ \u00a0]+a))[ \u00a0]+$")


def _a_city_beside_a_city(text: str, start: int, end: int) -> bool:
    """True for a city of the gazetteer of one word that is no given name of the lists nor a Japanese surname, joined
    by "and", "or" (in English or another language) or a slash to another city: "the Nantes and Lyon sites",
    "Lyon/Marseille", "Gramado e Canela" (a surname alone, "Lyon", names the city there; "Ito and Nakamura" are
    people); or any city of the gazetteer that ends a list of two cities or more that are no given names ("in
    Lisbon, Porto and Braga")."""
    name = text[start:end]
    given = person_name_lists()[0]
    # Two cities that a name's particle seems to join: "Gramado e Canela".
    parts = re.split(rf"[ \t]+{_AND_OF_MANY_LANGUAGES}[ \t]+", name)
    if len(parts) == 2 and all(part in cities() and part not in given for part in parts):
        return True
    # The last of a list of two cities or more after commas, none a given name: "in Lisbon, Porto and Braga" (a given
    # name of the lists too, there).
    listed = _CITIES_LISTED_BEFORE.search(text, max(0, start - 80), start)
    if (
        name in cities()
        and listed is not None
        and all(city in cities() and city not in given for city in re.split(r"[ \t]*,[ \t]*", listed.group(1)))
    ):
        return True
    if name not in cities() or name in given or name in _japanese_surnames():
        return False
    # "Preston and Lancaster from billing": a given name beside it makes both people.
    return any(
        other is not None and other.group(1) in cities() and other.group(1) not in given
        for other in (
            _A_CITY_JOINED_BEFORE.search(text, max(0, start - 40), start),
            _A_CITY_JOINED_AFTER.match(text, end),
        )
    )


# Another place joined to a name right before or after it: "Nantes and ", " or Lyon", "Gramado e Canela".
_AND_OF_MANY_LANGUAGES = r"(?:and|or|&|e|y|et|und|en|i|ou|o|oder|of)"
_A_CITY_JOINED_BEFORE = re.compile(
    rf"(?<![\w'’-])([A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*)?)(?:[ \t]+{_AND_OF_MANY_LANGUAGES}[ \t]+|[ \t]*/[ \t]*)$"
)
_A_CITY_JOINED_AFTER = re.compile(
    rf"(?:[ \t]+{_AND_OF_MANY_LANGUAGES}[ \t]+|[ \t]*/[ \t]*)([A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*)?)(?![\w'’-])"
)
_CITIES_LISTED_BEFORE = re.compile(
    rf"(?<![\w'’-])([A-Z][\w'’-]*(?:[ \t]*,[ \t]*[A-Z][\w'’-]*)+)[ \t]+{_AND_OF_MANY_LANGUAGES}[ \t]+$"
)


@functools.cache
def _japanese_surnames() -> frozenset[str]:
    """``faker``'s Japanese surnames in Latin letters: many are towns too ("Ito", "Nakamura")."""
    import faker.providers.person.ja_JP as japanese

    return frozenset(japanese.Provider.last_romanized_names)


# What says that a name is a bot's, in apposition after it, the bot's word ending it: "Olivia, the hiring chatbot,
# ...", "Ava, our virtual assistant" (not "Maria, our assistant", "Priya, our AI lead", "Chidi, our bot developer").
_A_BOT_AFTER = re.compile(
    r"['’]?,[ \t]+(?:the|our|your|their|an?)[ \t]+(?:[\w-]+[ \t]+){0,3}?"
    r"(?:chat[ \t-]?bot|bot|(?:virtual|ai|voice|digital)[ \t]+assistant)(?=[ \t]*[,.;:!?)]|[ \t]*$)",
    re.IGNORECASE,
)
# "St." or "Ste." right before a name.
_SAINT_BEFORE = re.compile(r"(?<![\w'’.-])(?:St|Ste)\.?[ \u00a0]$")
# What "St." ends when it abbreviates a street or a surname's particle: "42nd St.", "Main St.", "Ms St. Laurent",
# "Marie St. Germain".
_STREET_OR_NAME_BEFORE_ST = re.compile(r"(?:\d(?:st|nd|rd|th)?|[A-Z][\w'’-]*\.?)[ \u00a0]+$")


def _a_saints_place(text: str, start: int, end: int) -> bool:
    """True for a name right after "St." that names a saint's place, a town, a church or a hospital ("to St. Moritz",
    "St. Mary's ER", "St. Jude Hospital"); not after a street's number or name or a person's title or given name
    ("42nd St. Priya Raman", "Ms St. Laurent")."""
    saint = _SAINT_BEFORE.search(text, max(0, start - 5), start)
    return saint is not None and not _STREET_OR_NAME_BEFORE_ST.search(text, max(0, saint.start() - 16), saint.start())


def named_like_a_place_or_an_assistant(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` names an assistant (:data:`ASSISTANT_NAMES`) that no form's field or "my name
    is" announces, a place ("São Paulo", "Rio de Janeiro", "George Street", the place of a weather forecast, a city
    of two words or more none of which the name lists hold: "Belo Horizonte"), or what science names
    after a person ("Dijkstra's algorithm", a thought experiment: :func:`_a_thought_experiment`, a unit of measure:
    :func:`_a_unit_or_an_eponymous_kind`), a traveller's destination (:func:`_a_destination`), a bot
    (:data:`_A_BOT_AFTER`), a city or a country right after a word of where ("the practice in Bath said", "club en
    Francia")."""
    words = text[start:end]
    name = POSSESSIVE_END.sub("", words)
    return bool(
        (
            (name in ASSISTANT_NAMES or (name.islower() and name in _ASSISTANT_NAMES_IN_LOWER_CASE))
            and start not in strong_cue_ends(text)
        )
        or _PLACE_WORD_BEFORE.search(text, max(0, start - 8), start)
        or _PLACE_WORD_OPENS.match(words)
        or _an_island_named_like_a_person(words)
        or _STREET_WORD_ENDS.search(words)
        or _ROOM_ENDS.search(words)
        or _EPONYMS_NOUN_AFTER.match(text, end)
        or (
            _EPONYMS_AMBIGUOUS_NOUN_AFTER.match(text, end) is not None
            and " " not in words
            and POSSESSIVE_END.sub("", words) not in person_name_lists()[0]
        )
        or _a_thought_experiment(text, start, end)
        or _eponyms_joined_by_a_dash(text, start, end)
        or _a_unit_or_an_eponymous_kind(text, start, end)
        or _weather_of_a_place(text, start, end)
        or _in_a_time_zones_name(text, start, end)
        or _place_named_after_a_person(text, start, end)
        or _a_landmark(text, start, end)
        or (
            _SELDOM_A_SURNAME_PLACE_HEAD_ENDS.search(name) is not None
            and PERSONS_PLACE_AFTER.match(text, end) is None
            and start not in strong_cue_ends(text)
        )
        or _a_city_named_like_no_person(text, start, end)
        or _a_city_beside_a_city(text, start, end)
        or (a_place_after_a_word_of_where(text, start, end) and start not in strong_cue_ends(text))
        or _STATION_AFTER.match(text, end)
        or _A_BOT_AFTER.match(text, end)
        or _a_saints_place(text, start, end)
        or _STATION_ENDS.search(words)
        or _named_like_a_stop_of_a_journey(text, start, end)
        or _a_destination(text, start, end)
        or _chosen_or_seen_on_a_trip(text, start, end)
    )


# What names a station, a terminal or an airport after a town or a person ("Napoli Centrale", "Wien Hauptbahnhof",
# "Paris Gare du Nord", "Indira Gandhi International"), words that are nobody's surname; a name's own last word or
# the word right after it.
_STATIONS_WORDS = (
    r"(?:Termini|Centrale|Centraal|Hauptbahnhof|Hbf|Terminal|Terminus|Airport|International|Station|Gare|Estación"
    r"|Stazione)"
)
_STATION_AFTER = re.compile(rf"[ \u00a0]{_STATIONS_WORDS}(?![\w'’-])")
_STATION_ENDS = re.compile(rf"[ \u00a0]{_STATIONS_WORDS}$")
# The words of a journey: its modes, its airports and stations, and what travellers do.
_JOURNEYS_WORDS = re.compile(
    r"(?i:\b(?:flights?|fly|flying|flew|flown|ferry|ferries|trains?|bus|buses|coach|tram|metro|subway|shuttle"
    r"|airport|terminal|land(?:s|ed|ing)?|arriv(?:e|es|ed|ing|al)|depart(?:s|ed|ing|ure)?|connections?|connecting"
    r"|one[ \u00a0-]stop|stopover|layovers?|transfers?|boarding|itinerary|journey|trip|route|travell?(?:ing|ed|s)?"
    r"|sail(?:s|ed|ing)?|cruise|rail|railways?)\b"
    # The way between two places asked about: "the best way to get from ... to ...", "how do I get from ...".
    r"|\b(?:way|how[ \u00a0]+(?:do|can|should)[ \u00a0]+(?:I|we|you))[ \u00a0]+(?:to[ \u00a0]+)?get[ \u00a0]+from\b)"
)
# Where a journey's stop stands: after "from", before "to" and another capitalised word ("from Lagos to Accra"), or
# after "to" that such a "from" comes before ("from Lagos to Accra"); not where what moves between the two is a
# booking, points, money, an account or what someone owns or is in charge of ("moved the booking from Ana Costa to
# Tom", "a bank transfer from ...", "£40 from ...", "Transfer of ownership: from ... to ...", "hand the project over
# from ... to ..."; an airport's or a hotel's transfer is a ride).
_FROM_BEFORE_A_STOP = re.compile(r"(?<![\w'’-])from[ \u00a0]+$")
# A museum, a station or a square has an article before it too: "from ... to the Louvre".
_TO_A_STOP_AFTER = re.compile(r"[ \u00a0]+to[ \u00a0]+(?:the[ \u00a0]+)?[A-ZÀ-ÖØ-ÞĀ-Ž]")
_FROM_A_STOP_TO_BEFORE = re.compile(
    r"(?<![\w'’-])from[ \u00a0]+[A-ZÀ-ÖØ-ÞĀ-Ž][^\n,;:!?()]{0,60}?[ \u00a0]to[ \u00a0]+$"
)
_MOVED_BETWEEN_PEOPLE_BEFORE = re.compile(
    r"(?i:(?:\b(?:bookings?|reservations?|tickets?|seats?|points|miles|vouchers?|credits?|money|funds|payments?"
    r"|names?|accounts?|it|them|(?<!airport[ \u00a0])(?<!hotel[ \u00a0])transfer(?:s|red|ring)?|ownership"
    r"|projects?|licen[cs]es?|memberships?|subscriptions?|lines?|numbers?|roles?|access|cases?|tasks?|shifts?|over)"
    r"|[£$€][ \u00a0]?\d[\d,.]*)[ \u00a0]*:?[ \u00a0]+from[ \u00a0]+[^\n]*$)"
)
# What a traveller does at a stop, right before it ("lands at", "arriving at", "departing from", "a layover in") and
# the vehicle that goes to it ("the ferry to", "a train from").
_AT_A_STOP_BEFORE = re.compile(
    r"(?i:\b(?:land(?:s|ed|ing)?|arriv(?:e|es|ed|ing)|depart(?:s|ed|ing)?|leaving|stop(?:s|ping)?|stopover"
    r"|layovers?|connections?|connecting|chang(?:e|es|ed|ing)[ \u00a0]+(?:planes|trains)|fly(?:ing)?|flew"
    r"|sail(?:s|ed|ing)?)"
    r"[ \u00a0]+(?:at|in|from|into|via|to)"
    # Where one changes trains or planes: "Change at Crewe" ("the seat was changed to ..." is a person's).
    r"|\bchang(?:e|es|ed|ing)[ \u00a0]+at"
    # The vehicle's number between allowed: "flight BA 2764 to", "train 1P05 to".
    r"|\b(?:flights?|ferry|ferries|trains?|bus|buses|coach|tram|shuttle|boat|plane)"
    r"(?:[ \u00a0]+[A-Z\d]{1,3}[ \u00a0]?\d{1,4}[A-Z]?)?[ \u00a0]+(?:to|from|into|via))"
    r"[ \u00a0]+$"
)
# Two stops a service runs between, cities of the gazetteer: "services between London and Paris" (both names; "swap
# the seats between Anahera Walker and Tama Walker" are people).
_BETWEEN_BEFORE_A_STOP = re.compile(r"(?<![\w'’-])between[ \u00a0]+$")
_AND_A_STOP_AFTER = re.compile(r"[ \u00a0]+and[ \u00a0]+[A-ZÀ-ÖØ-ÞĀ-Ž]")
_BETWEEN_A_STOP_AND_BEFORE = re.compile(
    r"(?<![\w'’-])between[ \u00a0]+[A-ZÀ-ÖØ-ÞĀ-Ž][^\n,;:!?()]{0,40}?[ \u00a0]and[ \u00a0]+$"
)
# Two capitalised names an en dash joins, no space between: an airport's and its town's, or a route's.
_EN_DASH_AFTER = re.compile(r"–[A-ZÀ-ÖØ-ÞĀ-Ž]")
_EN_DASH_BEFORE = re.compile(r"[^\W\d_]–$")


# Where a traveller's destination stands, right before it: "the best time to visit ...", "a day trip to ...", "an
# itinerary for ...", "things to do in ...", "three days in ...", "how far is ..."; another destination joined to it
# before allowed ("... and ...", "... or ...").
_DESTINATION_BEFORE = re.compile(
    r"(?i:\b(?:(?:best|good|cheapest)[ \u00a0]+(?:time|month|season|way)[ \u00a0]+to[ \u00a0]+"
    r"(?:visit|see|go[ \u00a0]+to|get[ \u00a0]+to|travel[ \u00a0]+to)|worth[ \u00a0]+visiting"
    r"|(?:day[ \u00a0]+)?trips?[ \u00a0]+to"
    r"|itinerary[ \u00a0]+(?:for|in)|(?:holiday|vacation|honeymoon|weekend|stay|nights?|days?)[ \u00a0]+in"
    r"|(?:days?|nights?)[ \u00a0]+(?:do[ \u00a0]+(?:I|we|you)[ \u00a0]+need[ \u00a0]+)?(?:for|in)"
    r"|things[ \u00a0]+to[ \u00a0]+(?:do|see)[ \u00a0]+in|sightseeing[ \u00a0]+in))[ \u00a0]+"
    r"(?:[A-Z][\w'’-]*(?:[ \u00a0][A-Z][\w'’-]*){0,2}[ \u00a0]+(?:and|or|&)[ \u00a0]+)?$"
)
# Two destinations a traveller chooses between: "... or ... for a honeymoon?", "go to ... or ... to eat?", at a
# sentence's start or after "go to"; and the distance between two places ("how far is ... from ...").
_PLACE_CHOSEN_AFTER = re.compile(
    r"(?:[ \u00a0]+(?:and|or)[ \u00a0]+[A-Z][\w'’-]*(?:[ \u00a0][A-Z][\w'’-]*)?)?[ \u00a0]+"
    r"(?:for[ \u00a0]+(?:a|an|our|the)[ \u00a0]+(?:honeymoon|holiday|vacation|weekend|city[ \u00a0]+break|trip)"
    r"|to[ \u00a0]+(?:stay|visit|see|eat|find))\b"
)
_CHOICE_OPENS_BEFORE = re.compile(
    r"(?:^|[.!?;:\n][ \u00a0]*|(?i:\b(?:go|travel|fly|drive|head)[ \u00a0]+to)[ \u00a0]+)"
    r"(?:[A-Z][\w'’-]*(?:[ \u00a0][A-Z][\w'’-]*)?[ \u00a0]+(?:and|or)[ \u00a0]+)?$"
)
_HOW_FAR_BEFORE = re.compile(r"(?i:\bhow[ \u00a0]+far[ \u00a0]+is)[ \u00a0]+$")
_FROM_A_PLACE_AFTER = re.compile(r"[ \u00a0]+(?:from|to)[ \u00a0]+[A-ZÀ-ÖØ-ÞĀ-Ž]")


def _a_destination(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]``, no possessive and no title or cue of a person before it, stands where a
    traveller's destination does (:data:`_DESTINATION_BEFORE`: "the best time to visit ...", "an itinerary for ...
    and ...", "how far is ... from ...") or is one of two places a traveller chooses between
    (:data:`_PLACE_CHOSEN_AFTER`: "... or ... for a honeymoon?"), in a sentence with no sign of a private interaction
    ("a trip to see my aunt ... on Monday") whose name does nothing a person does ("... said")."""
    if POSSESSIVE_END.search(text, start, end) or POSSESSIVE_AFTER.match(text, end):
        return False
    low, high = sentence_around(text, start)
    if _PRIVATE_INTERACTION.search(text, low, high) or _INTERACTION_AFTER.match(text, end):
        return False
    # "an itinerary for ...": the destination's words before the name leave no room for "my friend" or "a gift for".
    return bool(
        _DESTINATION_BEFORE.search(text, max(0, start - 80), start)
        or (_HOW_FAR_BEFORE.search(text, max(0, start - 12), start) and _FROM_A_PLACE_AFTER.match(text, end))
        or (_PLACE_CHOSEN_AFTER.match(text, end) and _CHOICE_OPENS_BEFORE.search(text, max(low, start - 60), start))
    )


# A question which of two places suits a trip better, the trip before a colon and the places after it: "Which is
# better for a first visit to Peru: ... or ...?", "Which suits a honeymoon best: ... or ...?". Asked with "which" and
# a word that weighs places, not "who": "Who should come on the trip: ... or ...?", "Which cousin hosts our stay:
# ... or ...?" choose people.
_WHICH_FOR_A_TRIP_BEFORE = re.compile(
    r"(?i:\bwhich\b(?=[^.!?:\n]{0,100}\b(?:better|best|nicer|cheaper|safer|suits?|worth)\b)[^.!?:\n]{0,60}?"
    r"\b(?:visits?|trips?|holidays?|vacations?|honeymoon|safari|getaway|city[ \u00a0]+break"
    r"|stay|tour|road[ \u00a0]+trip|backpacking)\b[^.!?:\n]{0,40}):[ \u00a0]+"
    r"(?:[A-Z][\w'’-]*(?:[ \u00a0][A-Z][\w'’-]*)?[ \u00a0]+or[ \u00a0]+)?$"
)
_OR_ANOTHER_PLACE_AFTER = re.compile(r"[ \u00a0]+or[ \u00a0]+[A-Z]")
_OR_BEFORE = re.compile(r"[ \u00a0]or[ \u00a0]+$")
# The sights an itinerary for a place lists after a colon, each right after the colon or a comma: "a 3-day itinerary
# for Lima: ..., the cathedral, ...". A sight is named on its own: "lunch with ..." is no sight.
_ITINERARYS_SIGHT_BEFORE = re.compile(
    r"(?i:\bitinerary[ \u00a0]+(?:for|in|around)[ \u00a0]+(?-i:[A-Z][\w'’-]*(?:[ \u00a0][A-Z][\w'’-]*){0,2})):"
    r"(?:[ \u00a0]+[^,.!?:;\n]{1,50},)*[ \u00a0]+(?:and[ \u00a0]+)?$"
)


def _chosen_or_seen_on_a_trip(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]``, no possessive, is one of two places a question weighs for a trip
    (:data:`_WHICH_FOR_A_TRIP_BEFORE`) or a sight an itinerary for a place lists (:data:`_ITINERARYS_SIGHT_BEFORE`),
    in a sentence with no sign of a private interaction and a name that does nothing a person does."""
    if POSSESSIVE_END.search(text, start, end) or POSSESSIVE_AFTER.match(text, end):
        return False
    low, high = sentence_around(text, start)
    if _PRIVATE_INTERACTION.search(text, low, high) or _INTERACTION_AFTER.match(text, end):
        return False
    if _ITINERARYS_SIGHT_BEFORE.search(text, max(low, start - 200), start):
        return True
    choice = _WHICH_FOR_A_TRIP_BEFORE.search(text, max(low, start - 140), start)
    return choice is not None and bool(
        _OR_ANOTHER_PLACE_AFTER.match(text, end) or _OR_BEFORE.search(text, choice.start(), start)
    )


def _named_like_a_stop_of_a_journey(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]``, in a sentence about a journey (:data:`_JOURNEYS_WORDS`) and no possessive,
    stands where a place, a station or an airport does: "from ... to ...", "between ... and ..."
    (:data:`_FROM_BEFORE_A_STOP`, :data:`_BETWEEN_BEFORE_A_STOP`), after what a traveller does there or the
    vehicle that goes there (:data:`_AT_A_STOP_BEFORE`: "landing at Indira Gandhi", "the tram to Victoria"), or
    joined by an en dash to another name (an airport and its town). A person after a title or a cue ("the ferry
    booking for Mr. Mensah", "flying with Ana Costa") stands elsewhere."""
    if POSSESSIVE_END.search(text, start, end) or POSSESSIVE_AFTER.match(text, end):
        return False
    sentence_start, sentence_end = sentence_around(text, start)
    if _JOURNEYS_WORDS.search(text, sentence_start, sentence_end) is None:
        return False
    before = text[max(sentence_start, start - 80) : start]
    between_stops = (
        (_FROM_BEFORE_A_STOP.search(before) is not None and _TO_A_STOP_AFTER.match(text, end) is not None)
        or _FROM_A_STOP_TO_BEFORE.search(before) is not None
        or (
            text[start:end] in cities()
            and (
                (_BETWEEN_BEFORE_A_STOP.search(before) is not None and _AND_A_STOP_AFTER.match(text, end) is not None)
                or _BETWEEN_A_STOP_AND_BEFORE.search(before) is not None
            )
        )
    )
    return bool(
        (between_stops and _MOVED_BETWEEN_PEOPLE_BEFORE.search(before) is None)
        or _AT_A_STOP_BEFORE.search(before)
        or _EN_DASH_AFTER.match(text, end)
        or _EN_DASH_BEFORE.search(text, max(0, start - 2), start)
    )


# The head nouns of places that the lists hold as surnames too, though they name a shopping centre or a square far
# more often than a person, after a given name as well ("from Mary Mall", "meet at Rosa Plaza"): a person is meant
# where a form's field announces the name or what follows says what they did ("... Plaza said").
_SELDOM_A_SURNAME_PLACE_HEAD_ENDS = re.compile(r"[ \u00a0](?:Mall|Plaza)$")
# The head nouns of places, buildings, prizes and days that are surnames too, so that the name lists read them as a
# name's last word ("Queen Elizabeth Olympic Park", "Nelson Mandela Bridge", "Anne Frank House", "Victoria Day";
# "Ana Park", "Tom Hall", "Doris Day" are people).
_PLACE_HEAD_ENDS = re.compile(
    r"[ \u00a0](?:Park|Bridge|House|Hall|Station|Stadium|Arena|Square|Airport|Street|Avenue|Road|Hospital|University"
    r"|College|Museum|Library|Memorial|Tower|Centre|Center|Prize|Award|Foundation|Gardens?|Palace|Castle|Cathedral"
    r"|Church|Theatre|Theater|Day)$"
)
# Where a day named after a person is a holiday: after a word of time ("on Victoria Day", "over Presidents Day"),
# or before what holidays have ("... Day weekend", "... Day is a public holiday").
_HOLIDAY_TIME_BEFORE = re.compile(r"(?i:\b(?:on|over|until|till|after|before|since|this|next|last|happy))[ \u00a0]+$")
_HOLIDAY_AFTER_A_DAY = re.compile(
    r"[ \u00a0]+(?:(?:long[ \u00a0]+)?weekend|holidays?|sale|parade|celebrations?|fireworks|closures?"
    r"|(?:is|was|will[ \u00a0]+be)[ \u00a0]+an?[ \u00a0]+(?:[a-z]+[ \u00a0]+)?holiday)\b"
)


# The head nouns of landmarks and natural features that are nobody's surname, so that a name ending with one names the
# place whatever given name opens it ("Victoria Falls", "Angel Falls", "Sultan Ahmed Mosque", "Phi Phi Islands" are no
# person, as "Ana Park" is). Not those that are surnames too, though the lists lack them ("Shirley Temple", "Ricki
# Lake", "Michael Bay"), which stay a person's after a given name.
_LANDMARKS_HEAD_ENDS = re.compile(
    r"[ \u00a0](?:"
    + by_first_letter(
        r"Falls|Waterfalls?|Shrine|Pagoda|Monastery|Mosque|Basilica|Islands?|Atoll|Archipelago|Mountains"
        r"|Volcano|Glacier|Canyon|Gorge|Peninsula|Springs|Caves|Reef|Fjord|Lagoon|National[ \u00a0]Park"
        # A quarter built on old docks or rail yards: "Hudson Yards", "Canary Wharf".
        r"|Yards|Wharf"
    )
    + r")$"
)
# A landmark's head noun in lower case right after its name, as travellers write it ("Fushimi Inari shrine", "Charles
# de Gaulle airport", "Ta Prohm temple"): a person's name is followed by what they do, not by one of these nouns (not
# "falls", a verb too: "Victoria falls asleep").
_LANDMARKS_NOUN_AFTER = re.compile(
    r"[ \u00a0](?:waterfalls?|shrine|temple|pagoda|monastery|mosque|basilica|cathedral|islands?|volcano|glacier"
    r"|canyon|gorge|beach|lagoon|reef|national[ \u00a0]park|airport)(?![\w'’-])"
)


def _a_landmark(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]``, no possessive and no cue of a person before it, ends with the head noun of a
    landmark that is nobody's surname (:data:`_LANDMARKS_HEAD_ENDS`: "Victoria Falls") or is followed by such a noun
    in lower case (:data:`_LANDMARKS_NOUN_AFTER`: "Fushimi Inari shrine")."""
    if POSSESSIVE_END.search(text, start, end) or POSSESSIVE_AFTER.match(text, end):
        return False
    return bool(
        _LANDMARKS_HEAD_ENDS.search(text, start, end) or _LANDMARKS_NOUN_AFTER.match(text, end)
    ) and start not in strong_cue_ends(text)


# The island words of Indonesian and Spanish that are given names too ("Nusa Penida", "Isla Mujeres"; "Nusa Kovač",
# "Isla Fisher" are people), with the word after them.
_ISLAND_WORD_OPENS = re.compile(r"(?:Nusa|Isla)[ \u00a0]([A-Z][^\W\d_]+)")


def _an_island_named_like_a_person(name: str) -> bool:
    """True when ``name`` opens with an island word that is a given name too (:data:`_ISLAND_WORD_OPENS`) and the
    word after it is no name the lists hold, as islands are named and people are not."""
    island = _ISLAND_WORD_OPENS.match(name)
    if island is None:
        return False
    given, surnames = person_name_lists()
    return island[1] not in given and island[1] not in surnames


def _place_named_after_a_person(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` ends with the head noun of a place, a building, a prize or a day that the
    lists hold as a surname (:data:`_PLACE_HEAD_ENDS`) after an everyday word that is no given name ("Olympic Park",
    "Mandela Bridge"): a person's surname follows a given name ("Ana Park", "Mary Hall"), another surname ("Luis
    Garcia Park") or an initial ("J. Park"). A day after a given name is a holiday where a word of time or what
    holidays have says so ("on Victoria Day", "Victoria Day weekend"; "Doris Day sang")."""
    name = POSSESSIVE_END.sub("", text[start:end])
    head = _PLACE_HEAD_ENDS.search(name)
    if head is None:
        return False
    words = name[: head.start()].split()
    given, _ = person_name_lists()
    if words and words[-1] not in given and words[-1].lower() in everyday_words():
        return True
    return name.endswith("Day") and bool(
        _HOLIDAY_TIME_BEFORE.search(text, max(0, start - 10), start) or _HOLIDAY_AFTER_A_DAY.match(text, end)
    )


# The nouns of what a shop sells or is, after a brand named after a person, or after the last of a list of such
# brands ("Giorgio Armani and Ralph Lauren boutiques", "Louis Vuitton, Gucci and Christian Dior stores").
_SHOP_GOODS = (
    r"(?:stores?|boutiques?|outlets?|shops?|stockists?|concessions?|counters?|flagships?|perfumes?|fragrances?"
    r"|colognes?|jeans|handbags?|bags|sneakers|trainers|shoes|boots|watches|sunglasses|eyewear|suits|dresses|shirts"
    r"|knitwear|menswear|womenswear|cosmetics|collections?|totes?|purses?|wallets?|clutch(?:es)?|backpacks?|satchels?"
    r"|crossbody|belts?|scarves|sandals|loafers|jackets?|hoodies?)"
)
# A list of names (commas, "and", "or", "&") that goes on after a name, then the shop's goods or a sale: "Hugo Boss,
# Calvin Klein and Tommy Hilfiger are all 30% off", "Ralph Lauren and Michael Kors are on sale", "Tom Ford
# boutiques". People are not 30% off nor on sale; the names of a list share what is said of them.
# A possessive ends the list: "Ana and Tom's shoes" are Tom's.
_LISTED_WORD = r"[A-Z](?:[\w-]|['’](?!s\b))*"
_LISTED_NAME = rf"{_LISTED_WORD}(?:[ \u00a0]{_LISTED_WORD}){{0,3}}"
_GOODS_OR_A_SALE_AFTER_A_LIST = re.compile(
    rf"(?:[ \u00a0]{_LISTED_WORD}){{0,3}}(?:(?:,[ \u00a0]|,?[ \u00a0](?:and|or|&)[ \u00a0]){_LISTED_NAME})*"
    rf"(?:[ \u00a0]{_SHOP_GOODS}\b(?![-'’])"
    r"|[ \u00a0](?:are|is|were|was)(?:[ \u00a0](?:all|now|both|each|still|currently))?[ \u00a0]"
    r"(?:(?:up[ \u00a0]to[ \u00a0])?\d+[ \u00a0]?%[ \u00a0]?off|on[ \u00a0]sale|half[ \u00a0]price"
    r"|in[ \u00a0]the[ \u00a0]sale)\b"
    # A sale in Spanish, French, German, Italian or Portuguese: "tienen rebajas", "sont en soldes", "sind reduziert".
    r"|[ \u00a0](?:tienen|tiene|están|está|sont|est|sind|ist|sono|è|estão|está)[ \u00a0](?:(?:de|en|em|in)[ \u00a0])?"
    r"(?:rebajas|ofertas?|descuento|soldes?|promo(?:tion|ção)?|reduziert|im[ \u00a0]Angebot|saldi|saldo)\b"
    # A firm's results or its shares: "... both reported weaker Q3 sales", "... shares fell 4%". A person reports
    # sales too ("Ralph reported his sales"), not a quarter's nor a year's.
    r"|[ \u00a0](?:(?:both|all|each|also)[ \u00a0])?(?:reported|posted|announced|missed|beat|raised|cut|lowered)"
    r"(?:[ \u00a0][\w-]+){0,2}?[ \u00a0](?:Q[1-4]|H[12]|quarterly|annual|yearly|full-year|half-year|fiscal"
    r"|(?:first|second|third|fourth)-quarter|holiday-quarter|(?:19|20)\d\d)(?:[ \u00a0][\w-]+)?[ \u00a0]"
    r"(?:sales|earnings|revenues?|profits?|results|losses|guidance|margins)\b"
    # "... reported weaker Q3 sales in their regions", "reported the Q3 sales numbers to me": people who sell.
    r"(?![ \u00a0]+(?:(?:in|for|to|from)[ \u00a0]+(?:their|his|her|my|our|your)\b|to[ \u00a0]+(?:me|us|him|her|them)\b"
    r"|(?:numbers|figures|reports?|data|sheets?|targets?|quotas?|spreadsheets?)\b))"
    r"|[ \u00a0](?:shares|stock)[ \u00a0]"
    r"(?:rose|fell|jumped|dropped|slid|surged|climbed|plunged|tumbled|sank|soared)\b)"
)
# Goods that are a verb's form too: after one name, a person's verb ("Mary counters with evidence", "Tom Baker
# watches the kids", "Ana shops at Lidl"); they are goods only after a list of names, or after a name of two words or
# more when no object follows ("Louis Vuitton stores on the avenue", "Tom Ford watches, steel").
_GOODS_THAT_ARE_VERBS = frozenset(
    {
        "store",
        "stores",
        "shop",
        "shops",
        "counter",
        "counters",
        "watches",
        "boots",
        "suits",
        "dresses",
        "bags",
        "totes",
        "purses",
        "belts",
        "clutches",
    }
)
_OBJECT_AFTER = re.compile(
    r"[ \u00a0]+(?:the|a|an|his|her|their|our|my|your|its|him|them|it|me|us|you|this|that|these|those|up|out|with"
    r"|at|for|to|in|into|over|around|down|off|back)\b"
)


def _goods_or_a_sale_after(text: str, start: int, end: int) -> bool:
    """True when :data:`_GOODS_OR_A_SALE_AFTER_A_LIST` follows ``text[start:end]``, its goods no verb of the
    person's (:data:`_GOODS_THAT_ARE_VERBS`) nor owned by a possessive name, in an English sentence ("Mijn dochter
    Fleur belt morgen": Dutch "belt" calls)."""
    after = _GOODS_OR_A_SALE_AFTER_A_LIST.match(text, end)
    if after is None or in_another_language(text, start, end):
        return False
    last = after.group().split()[-1]
    # "Marta Nowak's handbags": goods after a full name's possessive are whose they are ("Levi's jeans" are a brand's).
    if " " in text[start:end] and POSSESSIVE_END.search(text, start, end) and re.fullmatch(_SHOP_GOODS, last):
        return False
    if last not in _GOODS_THAT_ARE_VERBS:
        return True
    listed = re.search(r",|[ \u00a0](?:and|or|&)[ \u00a0]", after.group()) is not None
    return listed or (len(text[start:end].split()) > 1 and _OBJECT_AFTER.match(text, after.end()) is None)


# A model's number between a brand's possessive and its goods: "Levi's 501 jeans", "Levi's 511s". A person's "'s"
# before a number counts what they have ("Ana's 3 bags"): a model's number has three digits or more, no year.
_MODEL_NUMBER_AFTER = re.compile(
    rf"['’]s[ \u00a0](?!(?:19|20)\d\d\b)\d{{3,}}[a-z]?s?\b(?:[ \u00a0]{_SHOP_GOODS}\b|(?=[,.;:!?)]|$)"
    # What a model does or is, where a count would name what it counts: "Levi's 505 runs small", "... 511 too tight".
    r"|(?=[ \u00a0]+(?:too|are|is|was|were|runs?|fits?|in[ \u00a0]+size|in[ \u00a0]+\d)\b))"
)
# A variant's word after a drink or a food that "Dr" or "Mr" names ("Dr Pepper Zero", "Dr Pepper Cherry").
_VARIANT_WORDS = frozenset({"Zero", "Diet", "Light", "Lite", "Max", "Cherry", "Vanilla", "Classic", "Original"})
# A football club before or after a score ("Bayern drew 1–1 with Borussia Dortmund", "Borussia Dortmund 2–0
# Mainz", "lost 3-1 to Hertha"): what plays a match is a club, its name read as a person's by the models. Not a name
# with a given name of the lists: people win and lose games too ("Tom beat Ana 6-4").
_SCORE = r"\d{1,2}[ \u00a0]?[-–:][ \u00a0]?\d{1,2}"
_SCORE_BEFORE = re.compile(
    rf"\b(?:drew|draw|draws|beat|beats|lost|lose|loses|won|win|wins|tied|ties|defeated|thrashed|edged)[ \u00a0]+"
    rf"{_SCORE}[ \u00a0]+(?:(?:with|to|against|at|over|vs\.?|versus|by)[ \u00a0]+)?$"
)
_SCORE_AFTER = re.compile(
    rf"(?:[ \u00a0]+(?:drew|beat|lost|won|tied|defeated|thrashed|edged)[ \u00a0]+(?:[A-Z][\w-]*[ \u00a0]+)*)?"
    rf"[ \u00a0]*{_SCORE}(?![\d:])"
)
# What a sentence about programming languages says ("taught in the programming course", "compiles to native code")
# and how it compares them ("faster than"); "code" alone is what people do too ("Ruby and Julia both code in Python").
_PROGRAMMING_WORDS = re.compile(
    r"(?i:\b(?:programming|programmers?|languages?|compil(?:er|ers|es|ed|ing|e)|interpreters?|interpreted|syntax"
    r"|runtime|paradigms?|typed|transpil(?:e|es|ed|er)|bytecode)\b)"
)
_COMPARING_WORDS = re.compile(r"(?i:\b(?:faster|slower|than|better|worse|instead|versus|vs)\b)")
# A comparison of people: "Julia is faster than me at Python".
_PERSONAL_PRONOUN = re.compile(r"\b(?:I|me|you|he|him|she|her|we|us|they|them)\b")
# An order counts dishes and drinks by the number, each named after a person often ("One Earl Grey, one Eggs
# Benedict", "two Peach Melbas and a coffee"): a count word opening an order's item, and the item's end after the
# name. Not "the one Maria recommended" (a pronoun), nor "One Maria called" (a verb follows).
_COUNT_BEFORE = re.compile(
    r"(?:^|[,;:(][ \u00a0]*|\b(?:and|plus)[ \u00a0]+)(?i:one|two|three|four|five|six)[ \u00a0]+$"
)
_ORDER_GOES_ON = re.compile(r"(?:['’]?s)?[ \u00a0]*(?:[,;.!?)]|$|(?:and|plus|with|please|for)\b)")
# The items of a menu's line, which dishes and drinks named after people fill ("Dessert menu: Pavlova, Peach Melba",
# "Cocktails: Tom Collins, Rob Roy"): a menu's label earlier on the line, a list's comma or the label right before.
_MENU_LABEL_BEFORE = re.compile(
    r"(?i:\b(?:menu|specials|desserts|drinks|starters|mains|cocktails|mocktails|flavou?rs|toppings))[ \u00a0]*:"
    r"(?:[^:\n]*(?:,|[ \u00a0](?:and|or|&)))?[ \u00a0]*$"
)
_JOINED = r"(?:,|,?[ \u00a0](?:and|or|to|vs\.?|versus))[ \u00a0]"


# A dish after what a recipe is for ("a recipe for ...", "how to make ..."), no possessive after it: "a recipe for
# Grandma Rosa's lasagne" is Rosa's.
_RECIPE_FOR_BEFORE = re.compile(
    r"(?i:\b(?:recipes?|ingredients|how[ \u00a0]+to[ \u00a0]+(?:make|cook|bake|prepare))(?:[ \u00a0]+for)?)[ \u00a0]+$"
)
# A language translated to ("translate this to ...", "a translation into ..."), named in ``faker``'s list of languages.
_TRANSLATE_TO_BEFORE = re.compile(
    r"(?i:\btranslat(?:e|es|ed|ing|ion|ions)(?:[ \u00a0]+(?:it|them|(?:this|that|these|those|the|my|our)"
    r"(?:[ \u00a0]+[a-z]+){1,2}))?"
    r"[ \u00a0]+(?:to|into|in))[ \u00a0]+$"
)
# A programming language right before the trade of whoever writes it: "a Ruby developer", "Julia engineers".
_PROGRAMMERS_AFTER = re.compile(
    r"[ \u00a0]+(?:developers?|engineers?|programmers?|devs?|coders?|codebase|jobs?|roles?|bootcamps?|courses?"
    r"|tutorials?)\b(?![-'’])"
)


@functools.cache
def _language_names() -> frozenset[str]:
    """The names of languages of ``faker``'s English person provider ("Tamil", "Igbo"), each name of an entry
    ("Sotho, Southern" is "Sotho")."""
    from faker.providers.person.en import Provider

    return frozenset(name.split(",")[0].split(";")[0].strip() for name in Provider.language_names)


def _named_like_a_dish_or_a_language(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]``, no possessive, is a dish a recipe is for (:data:`_RECIPE_FOR_BEFORE`; not a
    given name alone: "a recipe for Maria, who is vegan"), a language a text is translated to
    (:data:`_TRANSLATE_TO_BEFORE`, :func:`_language_names`), or a programming language before its programmers' trade
    ("a Ruby developer")."""
    name = text[start:end]
    if POSSESSIVE_END.search(name) or POSSESSIVE_AFTER.match(text, end):
        return False
    if _RECIPE_FOR_BEFORE.search(text, max(0, start - 40), start) and name not in person_name_lists()[0]:
        return True
    if name in _language_names() and _TRANSLATE_TO_BEFORE.search(text, max(0, start - 40), start):
        return True
    return name in _programming_languages()[0] and _PROGRAMMERS_AFTER.match(text, end) is not None


@functools.cache
def _programming_languages() -> tuple[frozenset[str], frozenset[str]]:
    """The names of programming languages that Pygments (installed with ``rich``) has a lexer for, one word written
    with a capital ("Python", "Haskell", "Julia", "Ada"), and with its aliases of three letters or more ("Pascal"):
    the first set, and the lexers' names only."""
    from pygments.lexers import get_all_lexers

    lexers = list(get_all_lexers())
    names = {name for name, *_ in lexers if name.isalpha() and name[0].isupper()}
    aliases = {alias.title() for _, lexer_aliases, *_ in lexers for alias in lexer_aliases}
    return frozenset(names | {alias for alias in aliases if alias.isalpha() and len(alias) > 2}), frozenset(names)


def _named_like_a_programming_language(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is one word that names a programming language, in a sentence that names
    one joined to it that is no given name of the lists ("from Ada to Rust"), or joined to another in a sentence
    that says what programming is about (:data:`_PROGRAMMING_WORDS`: "Haskell and Pascal are taught in the
    programming course"), or in a sentence that says so or compares, with no personal pronoun ("Julia is faster
    than me"), and names another language, no given name ("Julia is faster here, but the team knows Python
    better"): unless the word stands where a person does ("Julia wrote it in Python", "ask Julia about Python")."""
    word = text[start:end]
    languages, lexer_names = _programming_languages()
    if word not in languages or " " in word:
        return False
    if PERSONS_PLACE_AFTER.match(text, end) or PERSONS_PLACE_BEFORE.search(text, max(0, start - 30), start):
        return False
    low, high = sentence_around(text, start)
    sentence = text[low:high]
    given, _ = person_name_lists()
    joined = {
        match.group(1)
        for match in (
            re.compile(rf"([A-Z]\w+){_JOINED}$").search(text, max(0, start - 30), start),
            re.compile(rf"{_JOINED}([A-Z]\w+)").match(text, end),
        )
        if match
    }
    others = {other for other in CAPITALISED_WORD.findall(sentence) if other in languages and other != word}
    if any(other not in given for other in joined & others):
        return True
    programming = _PROGRAMMING_WORDS.search(sentence) is not None
    if programming and any(other in lexer_names for other in joined & others):
        return True
    comparing = _COMPARING_WORDS.search(sentence) is not None and _PERSONAL_PRONOUN.search(sentence) is None
    return (programming or comparing) and any(other not in given for other in others)


def _a_brands_product_line(text: str, end: int) -> bool:
    """True when the name ending at ``end`` is a brand's possessive before one of its product lines, sized or sold
    (:data:`_PRODUCT_LINE_AFTER`), the line's words no other brand's."""
    line = _PRODUCT_LINE_AFTER.match(text, end)
    if line is None:
        return False
    brand_names = brands()
    return not any(word in brand_names and no_english_word(word.lower()) for word in WORD.findall(line[1]))


def _a_chain_named_by_a_full_name(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]``, or it and the capitalised word after it, holds a given name, a surname of the
    lists with an "s" that no list holds, and a word of no list ("Tim Hortons Double-Double"): a chain named by its
    founder's name, its apostrophe dropped, before its product. A person's surname is not written in the plural
    after a given name, nor followed by a word no name list holds."""
    words = WORD.findall(text, start, end)
    after = NEXT_WORD.match(text, end)
    if after is not None:
        words.append(after[1])
    given, surnames = person_name_lists()
    return any(
        first in given
        and chain.endswith("s")
        and chain[:-1] in surnames
        and not any(word in given or word in surnames for word in (chain, product))
        for first, chain, product in zip(words, words[1:], words[2:], strict=False)
    )


# A shop that sells the same goods for less, where the text asks for a price match: "Ted Baker has the coat £10
# cheaper, do you price-match?". A price is matched to a shop's, not to a person's.
_SELLS_FOR_LESS_AFTER = re.compile(
    r"[ \u00a0]+(?:has|sells|stocks|lists|offers|carries|is[ \u00a0]+selling)[ \u00a0]+"
    r"(?:it|them|this|these|that|those|the|a|an)\b[^.!?\n]{0,40}?\b(?:cheaper|less|lower|on[ \u00a0]+sale|reduced"
    r"|discounted)\b"
)
_PRICE_MATCH = re.compile(
    r"(?i:\bprice[ \u00a0-]?(?:match\w*|promise|guarantee|beat\w*)|\bmatch[ \u00a0]+(?:the|their|that|its|a)"
    r"[ \u00a0]+(?:lower[ \u00a0]+)?price)"
)


# A colour that goods are sold in, a shade's word before a colour's: "Slate Grey", "Rose Gold", "Forest Green",
# "Midnight Blue" ("Rose Gold" and "Forest Green" read as given names and surnames).
_GOODS_COLOUR = re.compile(
    r"(?:Slate|Space|Forest|Midnight|Jet|Rose|Sky|Navy|Olive|Charcoal|Ash|Storm|Graphite|Arctic|Ice|Pearl|Sand|Stone"
    r"|Cloud|Mint|Sage|Ocean|Royal|Baby|Hunter|Emerald|Ruby|Coral|Dusty|Matte|Light|Dark|Deep|Pale|Bright|Electric"
    r"|Pastel|Neon|Burnt|Army|Moss|Steel|Gunmetal|Platinum|Champagne|Sierra|Alpine|Pacific|Starlight|Desert|Natural"
    r"|Titanium|Lunar|Polar|Glacier|Cobalt|Racing|British|Pine|Bottle|Powder|Dove|Heather|Smoke)"
    r"[ \u00a0](?:Gr[ae]y|Green|Blue|Gold|Silver|Black|White|Red|Pink|Purple|Orange|Yellow|Brown|Beige|Teal|Rose"
    r"|Bronze|Titanium|Cream|Ivory|Navy|Khaki)"
)


def _a_colour_of_goods(text: str, start: int, end: int) -> bool:
    """True for a colour of goods (:data:`_GOODS_COLOUR`); one whose shade is a given name too ("Rose Gold", "Pearl
    White", "Heather Grey") only after a colour's label, "in" or an article, with another colour of goods near it or
    words of goods in its sentence ("Available in Pearl White", "Rose Gold instead of Space Grey", "Crew Neck, Forest
    Green, size M"; "Ticket raised by Pearl White", "I'm Heather Brown", "Olive Gray phoned" are people's)."""
    if _GOODS_COLOUR.fullmatch(text, start, end) is None:
        return False
    if WORD.findall(text, start, end)[0] not in person_name_lists()[0]:
        return True
    others = [match for match in _GOODS_COLOUR.finditer(text, max(0, start - 60), end + 60) if match.start() != start]
    low, high = sentence_around(text, start)
    return (
        bool(others)
        or _COLOUR_BEFORE.search(text, max(0, start - 20), start) is not None
        or _GOODS_WORDS.search(text, low, high) is not None
    )


# A colour's label in many languages, what follows it a colour's name however the lists hold it, but before a verb:
# "colour Celestial Silver", "Cor escolhida: Rosa Quartzo", "la funda color Rosa Palo", "coloris Bleu Céleste",
# "Farbe Taupe", "màu Hồng", "w kolorze Róża Pustyni" ("the colour Priya picked" is hers).
_COLOUR_LABELS = (
    r"colou?r|colou?rway|shade|cor|couleur|coloris|farbe|colore|kleur|kolor(?:ze|u)?|màu|цвета?|цвете|renk|renkli|warna"
    r"|χρώμα"
)
_COLOUR_LABEL_BEFORE = re.compile(
    rf"(?i:\b(?:{_COLOUR_LABELS})(?:[ \t]+(?:escolhida|recebida|pedida))?(?:[ \t]+(?:in|en|em|de|di))?)[ \t]*:?[ \t]*$"
)
# Goods "in" a colour, a second colour after "or": "boots in Cherry Red", "band available in Storm Blue or Clay" (not
# a person's: "available in Sophie's absence").
_GOODS_IN_A_COLOUR_BEFORE = re.compile(
    r"(?i:\b(?:available|comes?|came|boots|shoes|trainers|sneakers|sandals|band|strap|case|cover|hoodie|shirt|dress"
    r"|jacket|coat|sofa|couch|chair|paint)[ \t]+in)"
    r"(?:[ \t]+[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?[ \t]+or)?[ \t]+$"
)
# A French dish or cake named as a person is, what it is made with after it: "la Madeleine au citron", "la Charlotte
# aux fraises".
# (an article before it: "rappeler M. Kouadio au sujet du devis" is a person)
_A_FRENCH_DISH_AFTER = re.compile(r"[ \t]+(?:au|aux|à[ \t]la|à[ \t]l['’])[ \t]+[a-zà-ÿ]")
_FRENCH_ARTICLE_BEFORE = re.compile(r"(?i:\b(?:la|le|les|une|un|des))[ \t]+$")
# A release's name after its version: "Ubuntu 22.04 Jammy Jellyfish".
_VERSION_BEFORE = re.compile(r"(?<![\w.])\d{1,4}(?:\.\d{1,4})+[ \t]+$")
# The goods a name is the name of, their noun before it, in several languages: "the perfume Chloé Nomade", "la sopa
# de fideos Maggi", "Η πίτσα Μαργαρίτα", "tiket KAI Argo Bromo", "the font Lato".
_GOODS_NOUN_BEFORE = re.compile(
    r"(?i:\b(?:perfume|parfum|profumo|fragrance|cologne|pizza|πίτσα|пицца|soup|sopa|zuppa|fideos|sauce|salsa|tiket"
    r"|font|cocktail|cóctel|coctel|wine|vino|beer|cerveza|cake|gâteau|torta|pastel|flavou?r|sabor|variety|cultivar"
    r"|doll|muñeca|poupée|bambola|boneca)"
    r")[ \t]+$"
)
# A count of goods, as an order lists them ("3 x Brita filters", "4 x Ingolf chairs"): people are not counted so.
_TIMES_BEFORE = re.compile(r"(?<![\w.])\d{1,4}[ \t]*[x×][ \t]*$")
# And counted after it, a noun or two between, on its line: "Ivy garland x1", "Holly wreath (large) x2".
_TIMES_AFTER = re.compile(r"(?:[ \t]+[a-z]+){1,3}(?:[ \t]+\([a-z ]+\))?[ \t]+[x×]\d{1,3}\b")
# A font's name, its last word its style: "Gill Sans", "Comic Sans", "Source Serif", "Roboto Mono".
_A_FONTS_LAST_WORD = re.compile(r"[ \t](?:Sans|Serif|Mono|Slab)$")
# A variant's noun after a name, which makes it a colour's, a scent's or a print's: "the Lavender and Heather
# colourways", "the Ivy and Fern print", "Amber and Sienna one".
_A_VARIANTS_NOUN_AFTER = re.compile(
    # (after another variant's name too: "the Violet and Sage colourways")
    r"(?:[ \t]+(?:and|or|&)[ \t]+[A-Z][\w'’-]+)?"
    # (nouns only: "Sarah prints the labels", "Olivia finishes at 5" are what they do)
    r"[ \t]+(?i:colou?rways?|shades|print|pattern|scents?|flavou?rs?|editions?|variants?|fragrances?|perfumes?"
    r"|lipsticks?|swatch(?:es)?)\b"
)
_COLOUR_BEFORE = re.compile(rf"(?i:\b(?:{_COLOUR_LABELS}|colou?rs|shades|finish|in|the|a))[ \t]*:?[ \t]*$")


def _a_verb_after(text: str, end: int) -> bool:
    """True where an English verb's form in lower case follows ``text[:end]``: "the colour Priya picked"."""
    after = LOWER_CASE_WORD_AFTER.match(text, end)
    return after is not None and verb_form(after.group(1), word_classes()[1])


# Words of goods in the colour's sentence: "Merino Crew Neck, Forest Green, size M".
_GOODS_WORDS = re.compile(r"(?i:\b(?:sizes?|colou?rs?|sku|in[ \t]+stock|qty|quantity|items?|variant|model)\b)")


_PHRASAL_PARTICLES = frozenset(("in", "out", "up", "off", "on", "down", "over", "back", "away", "through"))


def named_like_an_english_compound(text: str, start: int, end: int) -> bool:
    """True for one word of English words joined by hyphens (of three letters or more, or stop words: "Ji-an" is a
    Korean given name), none of them a name of the lists (but a stop word: "In"), wherever it stands, a field's value
    too: "In-home display", "Delivered by: two-person team" ("Jean-Luc", "Mei-Ling" are given names)."""
    name = text[start:end]
    parts = name.split("-")
    # A part after the first in capitals is a name's ("Mei-Ling", "Jean-Luc"), as English compounds are not written.
    if len(parts) < 2 or not WORD.fullmatch(name) or not all(part.islower() for part in parts[1:]):
        return False
    given, surnames = person_name_lists()
    everyday = everyday_words()
    # A verb and its particle is a noun however the lists hold the verb: "Roll-in shower", "Walk-in", "Check-in" (not
    # "Ji-an", a Korean given name).
    if (
        len(parts) == 2
        and len(parts[0]) > 2
        and not no_english_word(parts[0].lower())
        and parts[1] in _PHRASAL_PARTICLES
    ):
        return True
    return all(
        part.lower() in stop_words() or (len(part) > 2 and part.lower() in everyday) for part in parts
    ) and not any(
        (part.capitalize() in given or part.capitalize() in surnames) and part.lower() not in stop_words()
        for part in parts
    )


def named_like_a_title_cased_phrase(text: str, start: int, end: int) -> bool:
    """True for two or three English words written in title case as labels, plans and headings are ("Region: North
    West", "7-day Green Car", "from General Admission to Early Entry", "see Price List §3.2"), the first no given
    name of several locales (English lists alone hold "North", "General", "Green", "Price"), where no form's field,
    "my name is", cue, title or greeting announces it and no person stands ("ask Miles Green", "Will Price called")."""
    words = WORD.findall(text, start, end)
    if not 2 <= len(words) <= 3 or len(" ".join(words)) != end - start:
        return False
    given, surnames = person_name_lists()
    everyday = everyday_words()
    # Each word an everyday one, or one the dictionary knows that no name list holds ("Hosepipe"): a surname the
    # everyday vocabulary leaves out is a name's ("Mahatma Gandhi").
    if given_name_of_several_locales(words[0]) or not all(
        word.lower() not in stop_words()
        and (
            word.lower() in everyday
            or (not no_english_word(word.lower()) and word not in given and word not in surnames)
        )
        for word in words
    ):
        return False
    return not (
        announced_before(text, start)
        or _TITLE_OR_GREETING_BEFORE.search(text, max(0, start - 8), start)
        or PERSONS_PLACE_BEFORE.search(text, max(0, start - 30), start)
        or PERSONS_PLACE_AFTER.match(text, end)
    )


def named_like_goods_a_club_or_a_language(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]``, which no form's field, "my name is", title or greeting announces, names a
    brand in a list of brands on sale or before a shop's goods ("Hugo Boss, Calvin Klein and Tommy Hilfiger are all
    30% off", "Louis Vuitton and Christian Dior stores"), a brand's model ("Levi's 501 jeans"), a shop that sells
    for less where a price match is asked for ("Ted Baker has it cheaper, do you price-match?"), a drink's variant
    after "Dr" ("Dr Pepper Zero"; "Dr Patel" stays), a dish or a drink counted in an order or listed on a menu's
    line ("One Earl Grey, ...", "Dessert menu: Pavlova, Peach Melba"), a drink's brand compared or graded
    (:data:`_DRINKS_BRAND_AFTER`: "Is ... coffee better than ...?"; :data:`_COGNAC_GRADE`: "... VSOP"), a football
    club next to a score ("drew 1-1
    with Borussia Dortmund"), a programming language (:func:`_named_like_a_programming_language`), a dish or a
    language (:func:`_named_like_a_dish_or_a_language`: "a recipe for ...", "translate this into ..."), or a colour
    of goods (:data:`_GOODS_COLOUR`: "Slate Grey"), or, whatever announces it, a tier of a loyalty scheme in a text
    about one ("Loyalty tier question: I'm Silver, ... Why wasn't I moved to Gold?")."""
    if (
        text[start:end] in _TIER_NAMES
        and _TIER_WORDS.search(text) is not None
        and not _TITLE_BEFORE.search(text, max(0, start - 6), start)
    ):
        return True
    if start in strong_cue_ends(text) or _TITLE_OR_GREETING_BEFORE.search(text, max(0, start - 8), start):
        if not _TITLE_RIGHT_BEFORE.search(text, max(0, start - 5), start):
            return False
        words = WORD.findall(text, start, end)
        given, surnames = person_name_lists()
        return (
            len(words) == 2
            and words[1] in _VARIANT_WORDS
            and words[0] not in surnames
            and (words[0] in given or words[0].lower() in everyday_words())
            and not no_english_word(words[0].lower())
        )
    return bool(
        _goods_or_a_sale_after(text, start, end)
        or _MODEL_NUMBER_AFTER.match(text, end)
        or _DRINKS_BRAND_AFTER.match(text, end - 2 if POSSESSIVE_END.search(text, start, end) else end)
        or _COGNAC_GRADE.match(text, end)
        or _COGNAC_GRADE.search(text, start, end)
        or _a_brands_product_line(text, end - 2 if POSSESSIVE_END.search(text, start, end) else end)
        or _a_chain_named_by_a_full_name(text, start, end)
        or (_SELLS_FOR_LESS_AFTER.match(text, end) and _PRICE_MATCH.search(text))
        or (
            (_SCORE_BEFORE.search(text, max(0, start - 40), start) or _SCORE_AFTER.match(text, end))
            and not any(word in person_name_lists()[0] for word in WORD.findall(text, start, end))
        )
        or _named_like_a_programming_language(text, start, end)
        or _named_like_a_dish_or_a_language(text, start, end)
        or _a_colour_of_goods(text, start, end)
        or (_COLOUR_LABEL_BEFORE.search(text, max(0, start - 24), start) is not None and not _a_verb_after(text, end))
        or _TIMES_BEFORE.search(text, max(0, start - 8), start) is not None
        or _TIMES_AFTER.match(text, end) is not None
        or (
            _A_FRENCH_DISH_AFTER.match(text, end) is not None
            and _FRENCH_ARTICLE_BEFORE.search(text, max(0, start - 6), start) is not None
        )
        or _VERSION_BEFORE.search(text, max(0, start - 16), start) is not None
        or _GOODS_NOUN_BEFORE.search(text, max(0, start - 24), start) is not None
        or (
            _GOODS_IN_A_COLOUR_BEFORE.search(text, max(0, start - 60), start) is not None
            and not POSSESSIVE_END.search(text, start, end)
            and not text.startswith(("'s", "’s"), end)
        )
        or _A_FONTS_LAST_WORD.search(text, start, end) is not None
        or _A_VARIANTS_NOUN_AFTER.match(text, end) is not None
        or (_COUNT_BEFORE.search(text, max(0, start - 12), start) and _ORDER_GOES_ON.match(text, end))
        or (_MENU_LABEL_BEFORE.search(text, text.rfind("\n", 0, start) + 1, start) and _ORDER_GOES_ON.match(text, end))
    )


# The tiers of loyalty schemes and memberships, and what says that a text is about one.
_TIER_NAMES = frozenset(("Bronze", "Silver", "Gold", "Platinum", "Diamond", "Titanium", "Elite", "Premier"))
_TIER_WORDS = re.compile(r"(?i)\b(?:tiers?|status|membership|member|loyalty|rewards?|points)\b")
# Spirits, and the drinks and foods that chains sell, as a brand's goods are named after it.
_SPIRITS = r"(?:whiske?y|bourbon|scotch|cognac|brandy|rum|gin|vodka|tequila|mezcal|liqueur)"
_DRINKS_AND_FOODS = (
    rf"(?:{_SPIRITS}|coffee|espresso|lattes?|tea|beer|lager|wine|champagne|burgers?|fries|donuts?|doughnuts?)"
)
# A drink's or a food's brand as its goods are compared, which people are not: its goods compared after it ("Is ...
# coffee actually better than ...?"), or its possessive standing for its spirit ("Is ...'s a bourbon?"). Not a
# person's drink ("...'s coffee is better").
_DRINKS_BRAND_AFTER = re.compile(
    rf"[ \u00a0]+{_DRINKS_AND_FOODS}[ \u00a0]+(?:(?:actually|really|much|any|even)[ \u00a0]+)?"
    r"(?:better|worse|stronger|smoother|sweeter|cheaper|tastier|healthier)[ \u00a0]+than\b"
    r"|['’]s[ \u00a0]+(?:(?:technically|really|actually|still|considered)[ \u00a0]+)?an?[ \u00a0]+"
    rf"(?:[A-Za-z]+[ \u00a0]+)?{_SPIRITS}\b"
)
# A brand's possessive before the capitalised words of one of its product lines, then the product's size or what
# a shop sells of it ("...'s Tennessee Honey 70cl", "...'s Baconator meal voucher", "...'s Original Recipe 2kg"):
# a person's things are not sized in centilitres nor sold as meals. The line's words, read by
# :func:`_a_brands_product_line`, are no other brand's, nor a possessive: "Priya's Tesco voucher", "Dylan's
# Nando's voucher" are theirs.
_PRODUCT_LINE_AFTER = re.compile(
    rf"['’]s((?:[ \u00a0]+{_LISTED_WORD}){{1,3}})[ \u00a0]+"
    r"(?:\d+(?:[.,]\d+)?[ \u00a0]?(?i:ml|cl|l|ltr|litres?|liters?|oz|g|kg|lbs?|pk|pack)\b"
    r"|(?:meal|combo|voucher|coupon|bundle|multipack|value[ \u00a0]+pack)s?\b)"
)
# A cognac's grade after its house's name, in the name or after it ("... VSOP", written "Vsop" where capitals are
# recased): no person's name ends so. Not "XO", which signs off a message too ("Love, Ana XO").
_COGNAC_GRADE = re.compile(r"[ \u00a0]+(?i:VSOP|V\.S\.O\.P\.?)(?![\w'’-])")


# A title or a greeting makes a brand's word a person's name: "Mr. Toyota", "Frau Müller", "Dear Castro".
_TITLE_OR_GREETING_BEFORE = re.compile(
    r"(?<![\w'’.-])(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Sir|Dame|Herr|Frau|Sr|Sra|Srta|Mme|Mlle|Dear|Hi|Hello|Hey)"
    r"\.?,?[ \u00a0]+$"
)


# What a person does in a support chat and a company seldom does, right after a name: "Castro called me back",
# "Ford told me", "Dell promised me a refund", "Ford said he would" (a company is "it" or "they"). Not "said" alone,
# nor what companies send by themselves: "Ford said the recall ...", "Wise emailed me a code", "Tesla texted me".
_PERSONS_VERB_AFTER = re.compile(
    r"(?:[ \u00a0](?:already|just|finally|then|also|never))?[ \u00a0]+"
    r"(?:(?:called|rang|phoned)[ \u00a0]+me[ \u00a0]+back|(?:told|promised|assured)[ \u00a0]+me"
    r"|said[ \u00a0]+(?:that[ \u00a0]+)?(?:he|she))\b"
)


# Fashion and luxury houses named after their founders. A short list, not a rule, because nothing in the words tells
# them from people: most are given names or surnames of the lists ("Chanel", "Valentino", "Celine", "Armani"), and
# Simple Icons' titles (:func:`~feedback_loop.privacy.names.brands`) hold few of them. They stand for a house only
# where the sentence is about fashion or goods or lists them with others (:func:`_a_fashion_house`).
_FASHION_HOUSES = frozenset(
    (
        "Armani", "Balenciaga", "Balmain", "Bottega Veneta", "Bulgari", "Burberry", "Cartier", "Celine", "Chanel",
        "Chloé", "Dior", "Dolce", "Fendi", "Ferragamo", "Givenchy", "Goyard", "Gucci", "Hermes", "Hermès", "Lanvin",
        "Loewe", "Louis Vuitton", "Moschino", "Prada", "Ralph Lauren", "Saint Laurent", "Tiffany", "Tom Ford",
        "Valentino", "Versace", "Vuitton", "Yves Saint Laurent",
    )
)  # fmt: skip
# What joins the names of a list or a comparison: ", ", " and ", " or ", " & ", " vs ".
_LIST_JOIN = re.compile(r"[ \u00a0]*(?:,|&|\b(?:and|or|vs\.?|versus)\b)[ \u00a0]*")
_JOINED_NAME_AFTER = re.compile(rf"{_LIST_JOIN.pattern}({_LISTED_NAME})")
_JOINED_NAME_BEFORE = re.compile(rf"({_LISTED_NAME}){_LIST_JOIN.pattern}$")
# What a sentence about fashion houses speaks of: their goods, their trade, their worth.
_FASHION_WORDS = re.compile(
    r"(?i:\b(?:"
    + by_first_letter(
        rf"{_SHOP_GOODS[3:-1]}|fashion|luxury|designer|couture|brands?|labels?|houses?|logos?|monograms?"
        r"|investments?|resale|(?:more|less)[ \u00a0]+expensive|pricier|cheaper|lvmh|kering"
    )
    + r")\b)"
)


def _a_fashion_house(text: str, name: str, start: int, end: int) -> bool:
    """True when ``name`` (the words at ``text[start:end]``, its possessive aside, or a list of them: "Fendi and
    Valentino") is a fashion house's (:data:`_FASHION_HOUSES`) in a sentence about fashion or goods
    (:data:`_FASHION_WORDS`: "Chanel bags", "a Celine tote") or listed with another house ("Gucci or Prada"); not
    where a person the writer deals with stands ("... (our intern) wants a tote", "... said ...")."""
    parts = [part for part in _LIST_JOIN.split(name) if part]
    if not parts or any(part not in _FASHION_HOUSES for part in parts):
        return False
    if (
        _INTERACTION_AFTER.match(text, end)
        or _PERSONS_VERB_AFTER.match(text, end)
        or KIN_APPOSITION_AFTER.match(text, end)
    ):
        return False
    low, high = sentence_around(text, start)
    if _PRIVATE_INTERACTION.search(text, low, high):
        return False
    joined = [
        match.group(1)
        for match in (
            _JOINED_NAME_AFTER.match(text, end),
            _JOINED_NAME_BEFORE.search(text, max(0, start - 40), start),
        )
        if match is not None
    ]
    # The run before the joining word may open with a sentence's first word: "Are Lanvin and ...".
    others = {" ".join(words[index:]) for other in joined for words in [other.split()] for index in range(len(words))}
    return (
        len(parts) > 1
        or any(other in _FASHION_HOUSES or other in brands() for other in others)
        or _FASHION_WORDS.search(text, low, high) is not None
    )


def named_like_a_brand(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` (its possessive aside) is a fashion house where fashion is spoken of
    (:func:`_a_fashion_house`: "Gucci or Prada bags"), or a brand or a product of
    :func:`~feedback_loop.privacy.names.brands` ("Gmail says it's full", "Google One"), or opens with one and goes on
    with words no name list holds ("Sonos Arc keeps dropping out", "Dell replied"): unless its first word is a given
    name of several locales' lists ("Zara", "Ruby" and "Max" stay people's names), or a form's field, "my name is", a
    title or a greeting announces it ("Mr. Toyota", "Dear Castro"), or it is a name of the lists that does what a person
    does (:data:`_PERSONS_VERB_AFTER`: "Castro called me back")."""
    name = POSSESSIVE_END.sub("", text[start:end])
    words = name.split()
    given, surnames = person_name_lists()
    if _inside_a_brand_of_several_words(text, start, end):
        return True
    # A title glued to the word, as a brand writes it and a person's title is not: "v lekárni Dr.Max".
    glued = _WORD_AND_FULL_STOP_BEFORE.search(text, max(0, start - 12), start)
    if glued is not None and glued.group() + name in brands():
        return True
    if start in strong_cue_ends(text) or _TITLE_OR_GREETING_BEFORE.search(text, max(0, start - 8), start):
        return False
    # After a cue, a brand's word and words no dictionary knows are a person's names: "my landlord Ram Bahadur Thapa".
    if len(words) > 1 and all(no_english_word(word.lower()) for word in words[1:]) and announced_before(text, start):
        return False
    if _a_fashion_house(text, name, start, end):
        return True
    if (
        not words
        or given_name_of_several_locales(words[0])
        # A brand's word that a name list holds, doing what a person does ("Castro called me back").
        or (
            (name in given or name in surnames)
            and not POSSESSIVE_END.search(text, start, end)
            and _PERSONS_VERB_AFTER.match(text, end)
        )
    ):
        return False
    brand_names = brands()
    # A brand that its owner's possessive names, the span without it: "Nando's", "Domino's".
    return (
        name in brand_names
        or f"{name}'s" in brand_names
        or (words[0] in brand_names and not any(word in given or word in surnames for word in words[1:]))
    )


_WORD_AND_FULL_STOP_BEFORE = re.compile(r"(?<!\S)\w+\.$")


def _inside_a_brand_of_several_words(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]``, with up to two words before and after it, is written as a brand of two words or
    more (:func:`~feedback_loop.privacy.names.brands`) that nothing marks as a person: "Tim Hortons", "Jack Daniel's
    distillery", the "McKenzie" of "Baker McKenzie", the "Kitty" of "the Hello Kitty backpack". Not where a cue, a
    field or a greeting announces the brand's first word ("my colleague Jack Daniel's laptop") or a person's verb
    follows it; where a title or a greeting stands right before the span, only before a common noun ("the Hello Kitty
    backpack", not "Hello Kitty, can you ..."); not a span that is a whole full name of the lists alone ("Paul
    Smith")."""
    brand_names = brands()
    before = list(_WORD_WITH_ITS_MARKS.finditer(text, max(0, start - 30), start))[-2:]
    after = list(_WORD_WITH_ITS_MARKS.finditer(text, end, end + 30))[:2]
    span = text[start:end].split()
    titled = _TITLE_OR_GREETING_BEFORE.search(text, max(0, start - 8), start) is not None
    for taken_before in range(len(before) + 1):
        for taken_after in range(len(after) + 1):
            words = [match.group() for match in before[len(before) - taken_before :]] + span
            words += [match.group() for match in after[:taken_after]]
            if len(words) < 2 or (taken_before + taken_after == 0 and listed_full_name(" ".join(span))):
                continue
            written = " ".join(words).lstrip("(\"'“‘").rstrip(".,;:!?)\"'”’")
            if written not in brand_names and POSSESSIVE_END.sub("", written) not in brand_names:
                continue
            brand_start = before[len(before) - taken_before].start() if taken_before else start
            brand_end = after[taken_after - 1].end() if taken_after else end
            brand_end -= len(text[brand_start:brand_end]) - len(text[brand_start:brand_end].rstrip(".,;:!?)\"'”’"))
            return not (
                announced_before(text, brand_start)
                or _PERSONS_VERB_AFTER.match(text, brand_end)
                or (titled and not _common_noun_after(text, brand_end))
            )
    return False


_WORD_WITH_ITS_MARKS = re.compile(r"\S+")


def _common_noun_after(text: str, end: int) -> bool:
    """True where a common noun in lower case follows ``text[:end]``: "the Hello Kitty backpack"."""
    after = LOWER_CASE_WORD_AFTER.match(text, end)
    return after is not None and common_noun(after.group(1))


# Holidays and greetings of the season: "Merry Christmas", "Valentine's Day", "Season's Greetings", "Mother's Day".
_HOLIDAY_WORDS = frozenset(
    {
        "Christmas",
        "Xmas",
        "Easter",
        "Hanukkah",
        "Chanukah",
        "Diwali",
        "Eid",
        "Ramadan",
        "Thanksgiving",
        "Halloween",
        "Kwanzaa",
        "Deepavali",
        "Navratri",
        "Dussehra",
        "Vaisakhi",
        "Baisakhi",
        "Pongal",
        "Onam",
        "Songkran",
        "Vesak",
        "Nowruz",
        "Chuseok",
        "Seollal",
        "Passover",
        "Pesach",
        "Purim",
        "Hogmanay",
        "Juneteenth",
        "Matariki",
        # Christmas and Easter in other languages: "Bazar de Noël", "Feliz Navidad", "Frohe Weihnachten".
        "Noël",
        "Noel",
        "Navidad",
        "Natal",
        "Natale",
        "Weihnachten",
        "Pâques",
        "Pascua",
        "Pasqua",
        "Ostern",
        # German New Year's Eve, Whitsun and carnival ("Die Berliner für Silvester"); Greek Sunday and Easter ("πριν
        # την Κυριακή"; Kyriaki is a given name too).
        "Silvester",
        "Pfingsten",
        "Fasching",
        "Karneval",
        "Κυριακή",
        "Πάσχα",
        "Holidays",
        "Greetings",
        # "Happy New Year": no person is named "Year".
        "Year",
    }
)
_HOLIDAY_AFTER = re.compile(
    r"['’]s?[ \u00a0](?:Day|Eve|Greetings)\b"
    # A feast's weekday: "Whit Monday", "Shrove Tuesday", "Cyber Monday" (a name's word before a weekday is the day's).
    r"|(?:(?<=Whit)|(?<=Shrove)|(?<=Cyber)|(?<=Black)|(?<=Maundy)|(?<=Palm)|(?<=Holy)|(?<=Good)|(?<=Easter)|(?<=Ash))"
    r"[ \u00a0](?:Sunday|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday)\b"
)
# Holidays of two words, each of which is a name's too ("Raya", "Yom"); "Dia" ("day") before its holiday in
# Portuguese and Spanish: "Dia dos Namorados", "Feliz Dia das Mães", "Día del Padre", "Día de los Muertos".
_HOLIDAY_OF_TWO_WORDS = re.compile(r"\b(?:Hari[ \u00a0]Raya|Yom[ \u00a0]Kippur|Rosh[ \u00a0]Hashanah?)\b")
# ("Día de Reyes", Epiphany, its article left out)
_DIA_OF_A_HOLIDAY = re.compile(r"D[ií]a[ \u00a0](?:d[oa]s?|del|de[ \u00a0]l[oa]s?|de(?=[ \u00a0]Reyes))[ \u00a0](\w+)")


def _holiday_opened_by_dia(text: str, start: int) -> bool:
    """True where "Dia" or "Día" at ``start`` opens a holiday, the word after its article no surname of the lists
    ("Dia dos Namorados"; "Dia dos Santos called" is a person)."""
    match = _DIA_OF_A_HOLIDAY.match(text, start)
    return match is not None and (match.group(1) == "Reyes" or match.group(1) not in person_name_lists()[1])


# A range of months, or a month of one: "for Jan-Mar", "Oct–Dec", "Jun" of "Apr–Jun".
_MONTHS_RANGE = re.compile(rf"(?i:{MONTHS})[ \u00a0]?[-–][ \u00a0]?(?i:{MONTHS})")
# A heading: a line of three words or more, all capitalised, none a sentence's end ("Summer Reading List"); it names a
# person only where a form's field or "my name is" says so.
_HEADING_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž0-9][\w'’&-]*:?|[-–—&:/|]")
# A thing's "its" later in the clause a name opens: "Hulu raised its price", "Echo Dot lost its settings".
_ITS_IN_THE_CLAUSE = re.compile(r"[ \u00a0][a-z]+(?:[ \u00a0](?:[a-z]+))?[ \u00a0]its\b")
# Products take "Dr" and "Mr" ("Dr Pepper", "Mr Clean"); after "Mrs", "Ms" or "Miss" stands a person ("Ms Nasser",
# though WordNet knows the word).
_TITLE_RIGHT_BEFORE = re.compile(r"(?<![\w'’.-])(?:Dr|Mr)\.?[ \u00a0]$")


# Rooms, wings and bars of hotels and venues, and events, named with a word that is a given name too: "Jasmine Wing",
# "Sky Bar", "Rose Suite", "Autumn Conference" (not "Ward" nor "Hall", surnames as often).
_VENUE_OR_EVENT_WORDS = frozenset(
    ("Wing", "Suite", "Lounge", "Bar", "Ballroom", "Pavilion", "Terrace", "Auditorium", "Conference", "Summit",
     "Festival", "Gala", "Expo", "Retreat", "Bootcamp", "Webinar")
)  # fmt: skip
_VENUE_OR_EVENT_AFTER = re.compile(rf"[ \u00a0](?:{'|'.join(sorted(_VENUE_OR_EVENT_WORDS))})\b")
# The months of German, Dutch, the Nordic languages, Indonesian and Malay that are given names too ("Juni", "Mei").
_MONTHS_OF_OTHER_LANGUAGES = frozenset(
    ("Januar", "Januari", "Februar", "Februari", "März", "Maret", "Mei", "Mai", "Juni", "Juli", "Agustus", "Augusti",
     "Oktober", "Desember", "Dezember")
)  # fmt: skip
_TIME_WORD_BEFORE = re.compile(
    r"(?i:\b(?:ende|anfang|mitte|im|bis|seit|ab|vom|zum|eind|begin|half|tot|sinds|in|i|bulan|pada|sejak|hingga"
    r"|sampai|akhir|awal|tengah))[ \u00a0]+$"
)
_NUMBER_AFTER_A_MONTH = re.compile(r"[ \u00a0]+\d{1,4}\b")
_DAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
_DAYS_LISTED = re.compile(rf"{_DAY}(?:(?:,|[ \u00a0]*[&/-])?[ \u00a0]*{_DAY}){{1,6}}")


# Whom an account, a role or a list's place is given to: "Please add Mark as Admin", "Assign Bob as Reviewer", "Set
# Grace as Primary Contact".
_GIVEN_A_ROLE_BEFORE = re.compile(
    r"(?i:\b(?:add|added|adding|assign|assigned|invite|invited|set|make|made|appoint|appointed|tag|tagged|register"
    r"|registered|nominate|nominated|promote|promoted|list|listed|keep|name|named)[ \u00a0]+)$"
)
_UI_ACTION_AFTER = re.compile(
    r"[ \u00a0]+as[ \u00a0]+(?:[A-Z][a-z]+\b|(?:read|unread|done|resolved|complete|completed|spam|default|paid)\b)"
)


def named_like_a_heading_or_a_holiday(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` stands in a heading (:data:`_HEADING_WORD`: "Summer Reading List"), names a
    holiday ("Merry Christmas", "Valentine's Day") or a range of months ("Jan-Mar"), an eponym's law ("Murphy's
    law"), a thing that "its" refers to ("Hulu raised its price"), or a product after "Dr" or "Mr" that is an English
    noun no surname list holds ("Dr Pepper"; "Dr Green" stays), a verb opening a button's or a menu's label ("Mark as
    Resolved"): unless a form's field or "my name is" announces it. Days of the week listed ("Preferred days: Tue,
    Thu": Vietnamese given names too) are none after a field too."""
    if _DAYS_LISTED.fullmatch(text, start, end):
        return True
    if start in strong_cue_ends(text):
        return False
    words = WORD.findall(text, start, end)
    if (
        any(word in _HOLIDAY_WORDS for word in words)
        or _HOLIDAY_AFTER.match(text, end)
        or _HOLIDAY_OF_TWO_WORDS.search(text, start, end)
        or any(_holiday_opened_by_dia(text, word.start()) for word in WORD.finditer(text, start, end))
        or any(
            month.start() <= start and end <= month.end()
            for month in _MONTHS_RANGE.finditer(text, max(0, start - 12), min(len(text), end + 12))
        )
    ):
        return True
    if _in_a_heading(text, start, end):
        return True
    # A hotel's or a venue's room, wing or bar, an event: "Jasmine Wing", "Sky Bar", "Autumn Conference".
    if words[-1] in _VENUE_OR_EVENT_WORDS or _VENUE_OR_EVENT_AFTER.match(text, end):
        return True
    # A month of another language after a word of time, or before a day's or a year's number: "bis Ende Juni", "bulan
    # Juni", "im Mai 2025" ("August" and "June" are given names as often: English months are not read so).
    # The word of time may be in the span too: "Ende Juni".
    month_start = end - len(words[-1])
    if (
        len(words) <= 2
        and words[-1] in _MONTHS_OF_OTHER_LANGUAGES
        and (
            _TIME_WORD_BEFORE.search(text, max(0, month_start - 12), month_start)
            or _NUMBER_AFTER_A_MONTH.match(text, end)
        )
    ):
        return True
    # A button or a menu's action, a verb a given name is spelled as: "changed to Mark as Resolved", "Mark as Read".
    if (
        len(words) == 1
        and words[0].lower() in bare_verbs()
        and _UI_ACTION_AFTER.match(text, end)
        and not announced_before(text, start)
        and not _GIVEN_A_ROLE_BEFORE.search(text, max(0, start - 16), start)
    ):
        return True
    if _ITS_IN_THE_CLAUSE.match(text, end) and SENTENCE_START.search(text, max(0, start - 3), start):
        return True
    if len(words) == 1 and _TITLE_RIGHT_BEFORE.search(text, max(0, start - 5), start):
        given, surnames = person_name_lists()
        word = POSSESSIVE_END.sub("", words[0])
        # As written, not as WordNet lemmatises it or abbreviates: "Mr. Jaggers" ("jagger"), "Dr. Ng" ("ng") are people;
        # a noun in the plural too, not a surname WordNet holds ("Mr Goldberg").
        return (
            len(word) > 3
            and word not in surnames
            and (word in given or common_noun(word.lower()) or word.lower() in adjectives())
            and not no_english_word(word.lower())
            and not NEXT_WORD.match(text, end)
        )
    return False


def _in_a_heading(text: str, start: int, end: int) -> bool:
    """True when the line of ``text[start:end]`` is a heading: three words or more, all capitalised, no sentence's
    end, no field's label, and in the name itself an everyday English word of four letters or more that no name list
    holds (``names.english_word``: "Summer Reading List"; not the particle "Te" of "Hemi Te Rangi"); not a
    signature's line ("Itzel Ramírez | Customer Success Manager"). A capitalised function word alone says nothing:
    "Meet The Team: Priya Sharma"."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    parts = text[line_start : len(text) if line_end < 0 else line_end].split()
    if len(parts) < 3 or parts[-1][-1] in ".!?,;" or not all(_HEADING_WORD.fullmatch(part) for part in parts):
        return False
    if "|" in parts:
        return False
    # A field's label makes a form's line ("Author: William Shakespeare"), and a famous surname is in the vocabulary
    # too ("Shakespeare", "Hemingway"): the everyday word must be a verb's form, a doer or a noun with an English
    # suffix ("Reading", "List").
    if any(part.endswith(":") for part in parts):
        return False
    return any(len(word) > 3 and english_word(word) for word in WORD.findall(text, start, end))


# Another name joined to a name with "and" ("... Napoleon and Wellington as generals"), and one joined before it.
_AND_ANOTHER_NAME_AFTER = r"(?:[ \u00a0]+(?:and|&)[ \u00a0]+[A-Z][\w'’-]*(?:[ \u00a0][A-Z][\w'’-]*){0,2})?"
_AND_ANOTHER_NAME_BEFORE = r"(?:[A-Z][\w'’-]*(?:[ \u00a0][A-Z][\w'’-]*){0,3}[ \u00a0]+(?:and|&)[ \u00a0]+)?"
# An epithet after a ruler's name: "Catherine the Great", "Ivan the Terrible".
_EPITHET = r"(?:[ \u00a0]+the[ \u00a0]+[A-Z][a-z]+)?"
# What asks about a person as a subject of history, science, art or fiction, right before the name: "who was ...",
# "named after ...", "the character of ...", "from the point of view of ...", "the reign of ...", "the Nobel Prize
# ... went to ...".
_FIGURE_BEFORE = re.compile(
    r"(?i:\bwho[ \u00a0]+(?:was|were)|\bnamed[ \u00a0]+(?:after|for)|\bcharacter[ \u00a0]+of"
    r"|\b(?:point[ \u00a0]+of[ \u00a0]+view|perspective|eyes)[ \u00a0]+of"
    r"|\b(?:legacy|reign|rule|assassination|biography|achievements|discoveries|inventions|theories|paintings|novels"
    r"|poems|plays|symphonies|philosophy|teachings|conquests|campaigns|dynasty"
    r"|(?:early[ \u00a0]+)?life(?:[ \u00a0]+and[ \u00a0]+(?:times|work|works|legacy))?)[ \u00a0]+of"
    # Works like a creator's ("podcasts similar to ...'s", "books like ...") and a quoted title's creator ("'Jolene'
    # by ...").
    r"|\b(?:podcasts?|books?|novels?|music|songs?|albums?|films?|movies?|shows?|series|artists?|bands?|authors?"
    r"|writers?|singers?|comedians?|poets?|painters?)[ \u00a0]+(?:(?:that[ \u00a0]+(?:are|is|sound|sounds)[ \u00a0]+)?"
    r"similar[ \u00a0]+to|like|in[ \u00a0]+the[ \u00a0]+style[ \u00a0]+of)"
    r"|[\w)!?][\"”’'][ \u00a0]+by"
    # A title in capitals that a work's reader names before its creator: "similar to The ... of the ... by".
    r"|\b(?:similar[ \u00a0]+to|read|reading|reread|rereading|loved|enjoyed|finished)[ \u00a0]+(?-i:[A-Z][\w:-]*"
    r"(?:[ \u00a0]+(?:[A-Z][\w:-]*|of|the|a|an|and|in|on|to|for|at|with|from|or)){0,8})[ \u00a0]+by"
    # A creator's works, some words between: "novels by ...", "songs written by ...".
    r"|\b(?:books|novels|poems|poetry|songs|albums|films|movies|plays|works|paintings|symphonies|operas|essays"
    r"|stories)(?:[ \u00a0]+[a-z]+){0,2}[ \u00a0]+by"
    r"|\b(?-i:Nobel|Pulitzer|Booker|Turing|Fields|Abel|Oscar|Grammy|Emmy)\b[^.?!\n]{0,60}?\b(?:went|was[ \u00a0]+"
    r"(?:awarded|given)|awarded|given)[ \u00a0]+to)"
    rf"[ \u00a0]+(?:the[ \u00a0]+)?{_AND_ANOTHER_NAME_BEFORE}$"
)
# "Why is ... considered ...", "what was ... famous for", "how did ... become so popular": a question about a
# person's renown.
_RENOWN_QUESTION_BEFORE = re.compile(r"(?i:\b(?:why|what|how)[ \u00a0]+(?:is|was|are|were|did|does|do))[ \u00a0]+$")
_RENOWN_AFTER = re.compile(
    rf"{_EPITHET}[ \u00a0]+(?:(?:become|get|grow)[ \u00a0]+)?(?:so[ \u00a0]+)?"
    r"(?:considered|regarded|remembered|famous|celebrated|known|popular"
    # Important to whom is a workplace's question ("... so important to the team?").
    r"|(?:important|significant|influential)(?![ \u00a0]+to[ \u00a0]+(?![A-Z]|history\b|science\b)))\b"
)
# What a figure of history, science, art or fiction has or is, right after the name: "...'s conquests", "... and
# ...'s friendship in The ...", "... and ... as generals", "... still copyrighted", "... won the Nobel Prize".
_FIGURE_AFTER = re.compile(
    rf"{_AND_ANOTHER_NAME_AFTER}{_EPITHET}(?:"
    r"(?:['’]s?)?[ \u00a0]+(?:legacy|reign|empire|conquests|dynasty|kingdom|armies|theory[ \u00a0]+of|theories"
    r"|discoveries|inventions|paintings|sculptures|novels|poems|poetry|sonnets|symphonies|operas|philosophy|teachings"
    r"|assassination|biography)\b"
    r"|(?:['’]s?)?[ \u00a0]+(?:friendship|rivalry|romance|relationship|love[ \u00a0]+story|(?:character[ \u00a0]+)?arc"
    r"|backstory|fate)[ \u00a0]+in[ \u00a0]+(?:the[ \u00a0]+)?[A-Z]"
    # What a character does in a season, an episode or a book of a titled work: "...'s decisions in the final season
    # of ...", "...'s choices in book two of ..." (a place or a firm has no seasons: "...'s decisions in Lagos").
    r"|(?:['’]s?)?[ \u00a0]+(?:decisions|choices|motives|actions|betrayal|transformation|arc|backstory|fate)"
    r"[ \u00a0]+in[ \u00a0]+(?:the[ \u00a0]+)?(?:[a-z]+[ \u00a0]+)?"
    r"(?:season|episode|series|book|film|movie|novel|chapter)s?"
    r"(?:[ \u00a0]+(?:one|two|three|four|five|six|seven|\d{1,2}))?[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?[A-Z]"
    # A character's arc, which only fiction has: "Is ...'s character arc consistent?".
    r"|(?:['’]s?)?[ \u00a0]+character[ \u00a0]+arcs?\b"
    # Characters dressed as, with another's full name between: "... and ... Jackson costumes", "... cosplay"; not
    # what a person has ("...'s costumes").
    r"|(?<!['’]s)(?:[ \u00a0][A-Z][\w-]*){0,2}[ \u00a0]+(?:costumes?|cosplay|fancy[ \u00a0]+dress)\b"
    r"|[ \u00a0]+as[ \u00a0]+(?:(?:military|political|wartime|historical|religious)[ \u00a0]+leaders|generals"
    r"|commanders|rulers|emperors|kings|queens|conquerors|pharaohs|statesmen|philosophers|composers|poets|novelists"
    r"|playwrights|painters|scientists|inventors|explorers|fictional[ \u00a0]+characters)\b"
    r"|[ \u00a0]+(?:(?:is|are)[ \u00a0]+)?(?:still[ \u00a0]+)?(?:copyrighted|under[ \u00a0]+copyright"
    r"|in[ \u00a0]+the[ \u00a0]+public[ \u00a0]+domain|trademarked)\b"
    r"|[ \u00a0]+(?:(?:ever|never)[ \u00a0]+)?(?:win|won|was[ \u00a0]+awarded|received|get|got)"
    # A count of the prizes too: "... won two Nobel Prizes", "... won four Grammys".
    r"[ \u00a0]+(?:the|a|an|two|three|four|five|six|several|many|\d{1,2})[ \u00a0]+(?:\d{4}[ \u00a0]+)?"
    r"(?:Nobel|Pulitzer|Booker|Turing|Fields|Abel|Oscars?|Grammys?|Emmys?|Olympic)\b)"
)
# What a famous person did in history, politics, science or art, right after their possessive in a question or a
# request: "...'s military reforms", "...'s impact on ...", "...'s foreign policy", "...'s use of colour", "...'s
# rise to power", "... the Great's religious policy"; not what anyone has ("...'s order", "...'s notes", "...'s
# quotes for the roof").
_FIGURES_DEEDS_AFTER = re.compile(
    rf"{_EPITHET}['’]s?[ \u00a0]+"
    r"(?:(?P<field>military|political|economic|social|land|religious|agrarian|legal|educational|foreign"
    r"|domestic|colonial|naval)[ \u00a0]+)?(?:reforms|polic(?:y|ies)|doctrine|ideology|presidency|premiership|regime"
    r"|(?:impact|influence|contributions?)[ \u00a0]+(?:on|to)|rise[ \u00a0]+to[ \u00a0]+power|downfall|exile"
    r"|speeches|writings|expeditions|voyages|experiments|victories|battles|campaigns|military[ \u00a0]+career"
    r"|use[ \u00a0]+of[ \u00a0]+(?:colou?r|light|symbolism|imagery|perspective|metaphors?|irony|language|rhythm"
    r"|harmony|space)"
    # A part played in a war or a revolution, the place between: "...'s role at ... during the war" (not "...'s role
    # at the bakery during the strike").
    r"|role[ \u00a0]+(?:in|at)[^.?!\n]{0,60}?\bduring[ \u00a0]+the[ \u00a0]+(?:[\w-]+[ \u00a0]+){0,2}"
    r"(?:war|revolution|occupation|blitz|siege|uprising|resistance))\b"
)
# What only a state or an army does, before a figure's deeds: "...'s military campaigns", "...'s foreign policy".
_FIELDS_OF_STATES_AND_ARMIES = frozenset(("military", "naval", "colonial", "foreign"))
# Another famous person's possessive between a possessive and what they did: "Compare ...'s and ...'s foreign
# policy".
_AND_ANOTHER_POSSESSIVE = re.compile(
    r"['’]s[ \u00a0]+and[ \u00a0]+(?P<other>[A-Z][\w'’-]*(?:[ \u00a0][A-Z][\w'’-]*){0,2})(?=['’]s\b)"
)
# A question about which work a creator made: "Which symphony did ... write ...?", "What novels has ... written?".
_WHICH_WORK_BEFORE = re.compile(
    rf"(?i:\b(?:which|what)[ \u00a0]+(?:{_KINDS_OF_WORK}|symphonie|sculpture|invention|discoverie"
    r"|element|theor(?:y|ie))s?[ \u00a0]+(?:did|does|has|had))[ \u00a0]+$"
)
# A class or pupils studying figures of history as a topic, right before the names: "My son's class is studying ...
# and ...", "The pupils are learning about ...", "Year 4 is doing a project on ...". Pupils study figures, not the
# people they know (who stand after "with" or have a possessive: "studying with ...", "studying ...'s notes").
_STUDIED_IN_CLASS_BEFORE = re.compile(
    r"(?i:\b(?:class|classes|pupils|students|kids|children|school|year[ \u00a0]+\d{1,2}|grade[ \u00a0]+\d{1,2})"
    r"[ \u00a0]+(?:is|are|was|were|has[ \u00a0]+been|have[ \u00a0]+been)[ \u00a0]+(?:studying|learning[ \u00a0]+about"
    r"|reading[ \u00a0]+about|doing[ \u00a0]+(?:a[ \u00a0]+)?(?:project|topic)[ \u00a0]+(?:on|about)))"
    rf"[ \u00a0]+{_AND_ANOTHER_NAME_BEFORE}$"
)
# A question about why, when or how a creator made a work, its title in capitals after the verb: "Why did ... write
# Things Fall Apart?", "When did ... paint The Night Watch?" (its words checked by :func:`_titled_like_a_work`).
_WHY_A_WORK_WAS_MADE_BEFORE = re.compile(r"(?i:\b(?:why|when|how|where)[ \u00a0]+did)[ \u00a0]+$")
# The verbs of making a work, in their bare form ("Why did ... write ...", "Which opera did ... compose?").
_WORKS_MAKING_VERBS = r"write|compose|paint|direct|sculpt|record|film|invent|discover|sing|design|propose"
_WORKS_TITLE_MADE_AFTER = re.compile(
    rf"[ \u00a0]+(?:{_WORKS_MAKING_VERBS})[ \u00a0]+"
    r"(?P<title>[A-Z][\w'’-]*(?:[ \u00a0]+(?:[A-Z][\w'’-]*|(?:of|the|a|an|and|in|on|to|for|at)(?![\w'’-])))*)"
)
_WORKS_MAKING_VERB_AFTER = re.compile(
    rf"[ \u00a0]+(?:{_WORKS_MAKING_VERBS}|written|composed|painted|directed|sculpted|invented|discovered|recorded|sung"
    r"|designed|proposed)\b"
)
# A saying credited to its author: "As ... said, ...", "as ... once put it: ...", '"...," as ... wrote.'.
_AS_BEFORE = re.compile(r"(?:^|[.!?;:,(\n\"“”’'][ \t]*)(?i:as)[ \u00a0]+$")
_SAID_A_SAYING_AFTER = re.compile(
    r"(?:[ \u00a0]+(?P<famously>once|famously))?[ \u00a0]+(?:said|says|wrote|writes|put[ \u00a0]+it"
    r"|observed|taught|noted|remarked)[ \u00a0]*(?:[,:][ \u00a0]*(?P<quote>[\"“‘'])?|[.!;]|$)"
)
_QUOTE_CLOSES_BEFORE_AS = re.compile(r"[\"”’'][ \u00a0]*,?[ \u00a0]*(?i:as)[ \u00a0]+$")
# A request for a playlist of artists, the artists listed after it: "a wedding playlist with ..., ... and ...", "make
# me a mix featuring ..."; not one shared or made with someone ("share the playlist with ...", "a playlist together
# with ...").
_PLAYLIST_OF_ARTISTS_BEFORE = re.compile(
    r"(?i:\b(?:playlist|mixtape|mix|set[ \u00a0]?list)\b(?:(?!shar|send|together)[^.?!\n]){0,40}?"
    r"\b(?:with|of|featuring|including|like))[ \u00a0]+(?:(?:songs|tracks|music|hits)[ \u00a0]+(?:by|from)[ \u00a0]+)?"
    # The name's own first words may be left before it ("Tito" before "Puente").
    rf"(?:{_LISTED_NAME}(?:,|,?[ \u00a0]+(?:and|or|&))[ \u00a0]+){{0,9}}(?:{_LISTED_WORD}[ \u00a0]){{0,2}}$"
)
_REQUESTED_BEFORE_A_PLAYLIST = re.compile(
    r"(?i:\b(?:make|create|build|put[ \u00a0]+together|give|suggest|recommend|curate|compile|need|plan|write"
    r"|generate|help)\b)(?:(?!shar|send)[^.?!\n]){0,40}?(?i:\b(?:playlist|mixtape|mix|set[ \u00a0]?list)\b)"
)
# An artist's or an author's work, style and craft, or a quoted title, right after the name's possessive: "...'s
# painting style", "...'s brushwork", "...'s early works", "...'s 'A Brief History of Time'". Not a document a
# colleague wrote ("...'s 'Q3 Budget' deck"), nor what anyone has ("...'s painting quote").
_CREATORS_WORK_AFTER = re.compile(
    r"['’]s?[ \u00a0]+(?:(?:(?:early|late|later|best-known|famous|major)[ \u00a0]+)?(?:works|oeuvre|brushwork"
    r"|discography|filmography|lyrics|songs|albums|novels|short[ \u00a0]+stories|artworks|music|self-portraits"
    r"|frescoes|etchings)"
    r"|(?:(?:painting|writing|artistic|musical|directing|directorial|narrative|prose|poetic|singing|vocal|comedic"
    r"|architectural|compositional)[ \u00a0]+)?(?:styles?|techniques?)"
    # A work just out or the first one: "...'s new album", "...'s debut novel".
    r"|(?:new|latest|debut|upcoming)[ \u00a0]+(?:album|single|song|record|film|movie|novel|book|series))\b"
    r"|['’]s?[ \u00a0]+[\"“‘'][A-Z0-9][^\"“”‘’'\n]{0,60}[\"”’'](?![ \u00a0]+(?:[a-z]+[ \u00a0]+)?(?:memo|doc|document"
    r"|report|slides?|deck|spreadsheet|sheet|proposal|e-?mail|draft|presentation|plan|policy|brief|notes)\b)"
)
# A creator's work by its kind and quoted title, right after the possessive of a full name: "...'s song '...'",
# "...'s novel '...'". A friend's song goes by a given name alone ("Amaka's song 'Lagos Nights'").
_CREATORS_KIND_OF_WORK_AND_TITLE_AFTER = re.compile(
    r"['’]s?[ \u00a0]+(?:song|single|album|track|novel|poem|painting|film|movie|play|book)[ \u00a0]+"
    r"[\"“‘'][A-Z0-9][^\"“”‘’'\n]{0,60}[\"”’']"
)
# A text about fiction, history or a school subject: "a plot hole", "in the books", "from the stories", "for my
# history homework", "such a large empire", "is it copyrighted".
_FICTION_HISTORY_OR_SCHOOL = re.compile(
    r"(?i:\bplot[ \u00a0]+holes?\b|\bthe[ \u00a0]+plot\b|\b(?:in|from|of)[ \u00a0]+the[ \u00a0]+(?:books?|novels?"
    r"|films?|movies?|stories|story|play|trilogy|saga|series|myths?|legends?|original[ \u00a0]+text)\b"
    r"|\bfan[ \u00a0]+theor(?:y|ies)\b|\bfictional\b|\bbook[ \u00a0]+report\b|\bhomework\b"
    r"|\b(?:english|history|literature|science|physics|chemistry|biology|music|art|drama|religious[ \u00a0]+studies)"
    r"[ \u00a0]+(?:class|lesson|essay|assignment|exam|test|project|revision)\b"
    r"|\bschool[ \u00a0]+(?:project|poster|essay|assignment|presentation)\b"
    r"|\b(?:empire|emperor|dynasty|conquered|conquests?|pharaoh|ancient|medieval|copyrighted|copyright"
    r"|public[ \u00a0]+domain)\b)"
)
# What shows a private, personal interaction in a text, where a name is a person's whatever else it says: a service's
# matters ("my order", "the call", "her booking", "a refund"), a colleague, a relative or a neighbour, a day or a time
# ("yesterday", "on Monday", "at 3pm"), a message drafted to someone ("Write a reply to ...") or its greeting.
_PRIVATE_INTERACTION = re.compile(
    r"(?i:\b(?:(?<!in[ \u00a0])orders?(?![ \u00a0]+of\b)|ordered|accounts?|tickets?|bookings?|booked|reservations?"
    r"|appointments?|meetings?|(?:the|a|on|my|our|your|her|his|their)[ \u00a0]+calls?|e-?mails?|e-?mailed|inbox"
    r"|invoices?|receipts?|refunds?|payments?|paid|subscriptions?|deliver(?:y|ies|ed)|parcels?|shipments?|passwords?"
    r"|log-?ins?|complaints?|contracts?|quotes?[ \u00a0]+for|estimates?|interviews?|shifts?|payroll|salary|insurance"
    r"|(?<!school[ \u00a0])(?<!science[ \u00a0])projects?|birthday|wedding|gifts?|retirement"
    r"|support|help[ \u00a0]*desk|customers?|clients?|colleagues?|co-?workers?|teammates?|team|manager|boss"
    # Work and its rota: "... at work", "the cleaning rota".
    r"|supervisor|office|(?:at|from|after)[ \u00a0]+work|rotas?|department|staff|employees?|landlord|tenant"
    # Those a workplace takes on: "...'s influence on the new hires".
    r"|new[ \u00a0]+(?:hires|starters|joiners|recruits)|interns|trainees"
    r"|neighbou?rs?|flatmate|roommate|classmate"
    r"|assigned|reply|replied|respond|forward|remind|invite|apologi[sz]e"
    r"|(?:my|our|your|his|her|their)[ \u00a0]+(?:wife|husband|partner|son|daughter|child|kids?|mother|mom|mum"
    r"|father|dad|brother|sister|aunt|uncle|cousin|grand\w+|fianc\w+|girlfriend|boyfriend|teacher|tutor|coach"
    r"|doctor|lawyer)"
    r"|yesterday|today|tonight|tomorrow|(?:this|last|next)[ \u00a0]+(?:morning|afternoon|evening|night|week|month)"
    r"|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?)\b"
    r"|\b\d{1,2}(?::\d{2})?[ \u00a0]?(?:am|pm)\b|\b\d{1,2}:\d{2}\b"
    r"|(?:^|\n)[ \t]*(?:dear|hi|hello|hey)\b|\b(?:regards|sincerely|cheers)\b)"
)
# Right before a name, what makes its bearer someone the writer knows, deals with or addresses: "my friend ...",
# "Mrs ...", "help ... with", "a gift for ...".
_KNOWN_PERSON_BEFORE = re.compile(
    r"(?i:\b(?:my|our|your)[ \u00a0]+[a-z]+|(?-i:\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof))\.?|\b(?:help|helping|ask|asked"
    r"|tell|told|thank|thanked|remind|invite|meet|met|call|email|e-mail|text|message|cc|with|(?<!named[ \u00a0])for))"
    r"[ \u00a0]*,?[ \u00a0]+$"
)
# What a person the writer deals with does, right after the name: "... said in the meeting", "... told me".
_INTERACTION_AFTER = re.compile(
    r"(?:[ \u00a0]+[a-z]+ly)?[ \u00a0]+(?:said|says|told|asked|emailed|called|texted|replied|mentioned|sent|signed"
    r"|paid|ordered|booked|confirmed|promised|suggested|requested|needs|wants|left|joined|approved)\b"
)
# A question or a request, as a prompt asks about a topic: "...?", "Write ...", "Explain ...", "can you ...".
_QUESTION_OR_REQUEST = re.compile(
    r"\?|(?i:(?:^|[.!\n][ \t]*)(?:write|explain|describe|summari[sz]e|compare|analy[sz]e|discuss|list|give|tell"
    r"|outline|evaluate|assess)\b|\b(?:can|could|would)[ \u00a0]+you\b)"
)
# The characters around a name read for the signs of a private interaction and for a text about fiction or history.
_TOPIC_REACH = 400
# A work the text names, whose characters a prompt asks about: "reading <Title>", "the novel", "the author".
_WORK_NAMED = re.compile(
    # A work's plot or ending asked about: "the ending of <Title>".
    r"(?i:\b(?:reading|read|re-?reading|reread|finished|watching|watched"
    r"|(?:plot|ending|summary|themes|characters|climax|opening)[ \u00a0]+of)[ \u00a0]+(?:the[ \u00a0]+)?)"
    r"(?P<title>[A-Z][\w:-]*(?:[ \u00a0]+(?:[A-Z][\w:-]*|of|the|a|an|and|in|on|to|for|at|with|from|or))*)(?![\w'’])"
    r"|(?i:\bthe[ \u00a0]+(?:book|novel|short[ \u00a0]+stories|stories|play|trilogy|saga|author|narrator|sequel"
    r"|prequel)\b)"
)
# A title right before a name: what makes a person the writer deals with, yet a character of a novel too.
_TITLE_BEFORE = re.compile(r"(?<![\w'’.-])(?:Mr|Mrs|Ms|Miss|Dr|Lady|Sir|Lord)\.?[ \u00a0]+$")
# What a text about history has: a battle, armies, a conquest, a ruler, an empire, a year before 1900.
_HISTORY_SIGN = re.compile(
    r"(?i:\b(?:battle[ \u00a0]+of|armies|army|conquest|conquered|invaded|invasion|kings?|queens?|dukes?|duchess"
    r"|emperors?|empress|empire|dynast(?:y|ies)|reign|throne|crowned|coronation|pharaohs?|tsars?|sultans?"
    r"|crusades?|medieval))\b"
    # A year, not an amount or a count: "in 1066", not "1500 euros" nor "$1200", nor a course's or a code's number
    # ("CS 101", "ECON 240").
    r"|(?<![\d.,:/$€£-])(?<![A-Z]{2}[ \u00a0])(?<![A-Z]{3}[ \u00a0])(?<![A-Z]{4}[ \u00a0])"
    r"\b(?:1[0-8]\d\d|[1-9]\d\d)(?![\d.,:/-]?\d)(?![ \u00a0]*(?:%|[A-Z]{3}\b"
    r"|(?i:euros?|dollars?|pounds?|km|kg|mg|ml|m|g|l|miles?|people|items?|units?|pcs|words?|pages?)\b))"
)
# The writer and those with them: a short question about someone by a name, with these in it, is about a person the
# writer knows ("How did ... get my number?", "Why was ... so upset with us?").
_FIRST_PERSON = re.compile(r"\b(?:I|(?i:me|my|mine|we|us|our|ours))\b")
# A question's opening right before a name: "How did ...", "What did ...", "Was ...", "Is ...", "Why was ...".
_QUESTION_OPENS_BEFORE = re.compile(
    r"(?:^|[.!?;,\n(][ \t]*|\band[ \u00a0]+)(?i:(?:how|why|when|where|what|who)(?:[ \u00a0]+(?:did|was|were|is|does))?"
    r"|did|was|were|is)[ \u00a0]+[\"“]?$"
)
# A question of the past opening before a full name, a word or two between its question word and its verb ("What
# exactly did ...", "What style was ..."), or asking whether a story is true ("Is it true ..."), or what became of a
# figure's things ("did they ever find ...").
_PAST_ASKED_BEFORE = re.compile(
    r"(?:^|[.!?;:,\n(—–-][ \t]*|\band[ \u00a0]+)(?i:(?:how|why|when|where|what|who|which)(?:[ \u00a0]+[a-z]+){0,2}"
    r"[ \u00a0]+(?:did|was|were)|did|was|were|is[ \u00a0]+it[ \u00a0]+true(?:[ \u00a0]+that)?"
    r"|did[ \u00a0]+(?:they|historians|archaeologists|scientists)[ \u00a0]+ever[ \u00a0]+find)[ \u00a0]+$"
)
# What such a question asks of the full name after it: what its bearer did or was ("... actually train", "...
# contribute to", "... known for", "... involved in", "... was a dentist"), or what became of their things ("...'s
# plane?", "...'s dentures actually made of").
_PAST_ASKED_AFTER = re.compile(
    r"(?:[ \u00a0]+(?:actually|really|ever|originally|exactly))?[ \u00a0]+(?:contribute|invent|discover|die"
    r"|known[ \u00a0]+for|involved[ \u00a0]+in|was[ \u00a0]+(?:a|an|really|actually|once))\b"
    # Everyday verbs only after a word that asks about a story ("How did ... actually train"; "How did ... change
    # the settings?", "When did ... first start" ask about someone the writer deals with).
    r"|[ \u00a0]+(?:actually|really|originally|exactly)[ \u00a0]+(?:do|change|train|build|create|design|make|write"
    r"|say)\b"
    # What history kept of a figure: "...'s plane?", "...'s dentures actually made of".
    r"|['’]s?[ \u00a0]+(?:plane|ship|body|remains|grave|tomb|dentures|expedition|diary|death|assassination|legacy"
    r"|invention|discovery|theory)(?:[ \u00a0]*\?|[ \u00a0]+(?:actually|really|ever|originally)\b)"
)
_PLOT_VERBS = r"(?:deduce|defeat|betray|escape|survive|kill|murder|fall[ \u00a0]+in[ \u00a0]+love[ \u00a0]+with)"
# Whom a character acts on in such a question: "How does ... deduce ... had been ...".
_PLOT_QUESTION_BEFORE = re.compile(
    r"(?i:\b(?:how|why|when|where|what)[ \u00a0]+(?:did|does))[ \u00a0]+[A-Z][\w'’-]*(?:[ \u00a0][A-Z][\w'’-]*)?"
    rf"[ \u00a0]+{_PLOT_VERBS}[ \u00a0]+(?:that[ \u00a0]+)?$"
)
# What a short question asks about a figure's life, death, deeds, sayings, discoveries or historicity, right after
# the name and an epithet ("... of Arc", "... the Great"): "... die", "... actually contribute to", "... discover",
# "... really say", "... mean by '<a saying>'", "... a real person", "...'s <...> story true".
_LIFE_QUESTION_AFTER = re.compile(
    # A song's title in quotes closes before it: 'Is "..." about a real person?'.
    r"[\"”]?(?:[ \u00a0]+(?:of|the)[ \u00a0]+[A-Z][a-z]+)?(?:[ \u00a0]+(?:actually|really|ever|first|originally|finally"
    r"|eventually|supposedly|historically))?[ \u00a0]+(?:"
    r"(?:die|live|discover|invent|contribute|compose|paint|conquer|rule|reign|found|achieve|accomplish|prove"
    r"|predict|propose|exist|become[ \u00a0]+(?:king|queen|emperor|empress|pharaoh|famous)"
    # What a figure changed in history or art: "How did ... influence ...", "How did ... inspire ...".
    r"|influence|inspire"
    # What a character does in a plot: "How does ... deduce ...", "Why did ... betray ...".
    rf"|{_PLOT_VERBS})\b"
    r"|(?<=actually[ \u00a0])(?:say|said|write|wrote)\b|(?<=really[ \u00a0])(?:say|said|write|wrote)\b"
    # Whether a figure of history really spoke a language, capitalised as languages are: "... actually speak Latin".
    r"|(?<=actually[ \u00a0])(?:speak|spoke)[ \u00a0]+[A-Z][a-z]+[ \u00a0]*[?,]"
    r"|mean[ \u00a0]+by[ \u00a0]+[\"“‘'][^\"“”‘’'\n ]+(?:[ \u00a0][^\"“”‘’'\n ]+){2,}"
    # Whether a character or a song's title is drawn from life: "... based on a real person", '"..." about a real
    # person'.
    r"|(?:(?:based[ \u00a0]+on|about|inspired[ \u00a0]+by)[ \u00a0]+)?"
    r"(?:a[ \u00a0]+)?(?:real|historical|mythical|legendary|fictional)(?:[ \u00a0]+(?:person|man|woman|figure|king"
    r"|queen|character))?[ \u00a0]*[?,]|(?:a[ \u00a0]+)?(?:myth|legend)[ \u00a0]*[?,])"
    r"|['’]s?[ \u00a0]+(?:[a-z]+[ \u00a0]+){0,2}(?:story|legend|myth|tale|quote|saying|anecdote)[ \u00a0]+(?:true|real"
    r"|accurate|a[ \u00a0]+myth)\b"
)
# A law or a principle by its ordinal after a name's possessive ("...'s second law of ..."), or a discoverer's laws or
# theorem without one ("...'s laws of motion"; not "...'s rules", "...'s equations in the spreadsheet", which anyone
# writes), not what a student of it has ("...'s third law exam").
_ORDINAL_LAW_AFTER = re.compile(
    r"['’]s?[ \u00a0]+(?:(?:zeroth|first|second|third|fourth|fifth|last)[ \u00a0]+(?:law|theorem|rule|principle"
    r"|postulate|axiom|equation)s?|laws|theorem)\b(?![ \u00a0]+(?:exam|class|test|quiz|lecture|homework|assignment"
    r"|notes|paper|essay|module|course|revision)\b)"
)
# A kind of things a question asks about by its name, in the plural: "Which ... are the best for ...".
_WHICH_BEFORE = re.compile(r"(?i:\b(?:which|what))[ \u00a0]+$")
_PLURAL_VERB_AFTER = re.compile(r"[ \u00a0]+(?:are|were|have|do)[ \u00a0]+(?!(?i:you|we|they|I)\b)")


# A famous person's home, grave or museum that people visit: "...'s house in ...", "...'s birthplace", in a sentence
# about visiting (:data:`_VISITING`).
_FAMOUS_HOME_AFTER = re.compile(
    r"['’]s?[ \u00a0]+(?:[a-z]+[ \u00a0]+)?(?:house|home|ranch|villa|estate|birthplace|grave|tomb|mausoleum|studio"
    r"|museum|gardens?|castle|palace|cottage|farm|chateau)\b"
)
_VISITING = re.compile(
    r"(?i:\bvisit(?:s|ed|ing|ors?)?\b|\btours?\b|\bsightseeing\b|\bopen[ \u00a0]+to[ \u00a0]+(?:the[ \u00a0]+)?public\b"
    r"|\bworth[ \u00a0]+(?:a[ \u00a0]+)?(?:visit|seeing|the[ \u00a0]+trip)\b|\bentrance[ \u00a0]+fee\b)"
)
# A work's or an award's title in capitals right after a creator's possessive: "...'s Kind of Blue", "...'s Starry
# Night", "...'s Nobel Prizes" (its words checked in :func:`_a_famous_persons_title_after`); not a document ("...'s
# Q3 Budget Report").
_TITLE_AFTER_A_POSSESSIVE = re.compile(
    r"['’]s?[ \u00a0]+(?P<title>[A-Z][\w-]*(?:[ \u00a0]+(?:[A-Z][\w-]*|of|the|a|an|and|in|on|to|for|at|with|from|or))*)"
    r"(?![ \u00a0]+(?:[a-z]+[ \u00a0]+)?(?:memo|doc|document|report|slides?|deck|spreadsheet|sheet|proposal|e-?mail"
    r"|draft|presentation|plan|policy|brief|notes|account|profile|number|address|car)\b)"
)
# What a sentence about a famous work or an award says of it: its renown, its art, its prize ("...'s <Title> so
# influential", "...'s <Title> change in poetry", "...'s Nobel Prizes"); a colleague's "Quarterly Review" has none.
_ART_OR_RENOWN = re.compile(
    r"(?i:\b(?:"
    + by_first_letter(
        r"masterpieces?|iconic|influential|influence[sd]?|famous|celebrated|acclaimed|considered|regarded|legendary"
        r"|greatest|classics?|revolutionary|inspired?|impact|significance|symboli[sz]e[sd]?|meaning|themes?|genres?"
        r"|poetry|music|jazz|literature|cinema|art|artwork|history|century|era|nobel|pulitzer|booker|oscars?"
        rf"|grammys?|{_KINDS_OF_WORK}"
    )
    + r")s?\b)"
)
# A title before a character's name (Mr, Miss, Captain, Inspector, Father, Lady...), and what a question about a
# character asks (their part in the plot, their motives, whether a real person is behind them) or the books, films or
# stories the character is in: "Is Miss ... a tragic figure?", "How old is Mrs ... in the Sherlock stories?".
_CHARACTERS_TITLE_BEFORE = re.compile(
    r"(?<![\w'’.-])(?:Mr|Mrs|Ms|Miss|Dr|Lady|Sir|Lord|Captain|Capt|Inspector|Detective|Father|Professor|Count"
    r"|Countess|Baron|Colonel)\.?[ \u00a0]+$"
)
_CHARACTERS_WORDS = re.compile(
    r"(?i:\b(?:(?:main[ \u00a0]+)?character(?![ \u00a0]+references?)|protagonist|antagonist|villain|heroine|tragic"
    r"|motivations?|motives?|backstory|fictional|based[ \u00a0]+on[ \u00a0]+(?:a[ \u00a0]+)?real)\b)"
    r"|\b(?:in|from)[ \u00a0]+the[ \u00a0]+(?:[A-Z][\w-]*[ \u00a0]+){1,3}"
    r"(?i:stor(?:y|ies)|books?|novels?|films?|movies?|series|sagas?|plays?|comics?|myster(?:y|ies))\b"
)


# A ruler's regnal numeral or epithet after the name, or ending it: "... VIII", "... I and ...", "... the Great", "...
# the Conqueror"; people one deals with go by no numeral and by a trade in lower case ("... the plumber"). The text
# the names are read in may write a numeral of capitals in title case ("... Viii"), not one that is a name too ("Xi",
# "Vi").
_REGNAL_NUMERAL = (
    r"(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XVI{0,3}|XIX|XX|Ii|Iii|Iv|Vii|Viii|Ix|Xii|Xiii|Xiv|Xv|Xvi|Xvii|Xviii|Xix|Xx)"
)
_RULERS_EPITHET = (
    r"(?:Great|Conqueror|Magnificent|Terrible|Wise|Bold|Pious|Elder|Younger|Confessor|Navigator|Lawgiver|Liberator"
    r"|Unready|Lionheart|Just|Fair|Good|Cruel|Mad|Bald|Fat|Red|Hammer|Venerable|Apostate|Saint|Lame|Fearless)"
)
_RULERS_STYLE = rf"[ \u00a0]+(?:(?P<numeral>{_REGNAL_NUMERAL})|the[ \u00a0]+{_RULERS_EPITHET})(?![\w'’-])"
_RULERS_STYLE_AFTER = re.compile(_RULERS_STYLE)
_RULERS_STYLE_ENDS = re.compile(rf"{_RULERS_STYLE}(?:['’]s?)?$")
# A ruler's title before the name or opening it: "Czar ...", "Mansa ... I" (kings, queens, tsars, emperors, sultans
# and pharaohs are signs of history already: _HISTORY_SIGN).
_RULERS_TITLE = re.compile(r"(?<![\w'’-])(?:Czar|Tsarina|Pope|Shah|Mansa|Kaiser|Khan|Negus|Emir|Caliph)(?![\w'’-])")
# A single letter is an initial as often as a numeral ("Priya V", "Tom X"): such a numeral needs a ruler's title, a
# sign of history, or another ruler's numeral or epithet in the text ("from ... I to ... the Conqueror").
_SINGLE_LETTER_NUMERALS = frozenset(("I", "V", "X"))


def _a_ruler_by_numeral_or_epithet(text: str, start: int, end: int, around: str) -> bool:
    """True when ``text[start:end]`` is a ruler named with a regnal numeral or an epithet (:data:`_RULERS_STYLE`:
    "... VIII", "... the Great") right after it or ending it; a single-letter numeral only with a ruler's title
    (:data:`_RULERS_TITLE`), a sign of history or another ruler's style in the text."""
    style = _RULERS_STYLE_AFTER.match(text, end) or _RULERS_STYLE_ENDS.search(text, start, end)
    if style is None:
        return False
    if style["numeral"] not in _SINGLE_LETTER_NUMERALS:
        return True
    return bool(
        _RULERS_TITLE.search(text, max(0, start - 10), end)
        or _HISTORY_SIGN.search(around)
        or any(other["numeral"] not in _SINGLE_LETTER_NUMERALS for other in _RULERS_STYLE_AFTER.finditer(around))
    )


# A part played in an upheaval of history a sentence names in capitals: "...'s role in the ... Revolution", "the ...
# War and ...'s role in it" (not "the bake sale and ...'s role in it").
_ROLE_IN_AFTER = re.compile(r"['’]s?[ \u00a0]+(?:role|part)[ \u00a0]+in[ \u00a0]+(?:it\b|(?:the[ \u00a0]+)?[A-Z])")
_UPHEAVAL_NAMED = re.compile(
    r"\b[A-Z][\w–-]*[ \u00a0]+(?:[A-Z][\w–-]*[ \u00a0]+)?(?:Revolution|War|Uprising|Rebellion|Revolt|Resistance"
    r"|Independence|Reformation|Crusade|Mutiny|Insurrection|Civil[ \u00a0]+Rights[ \u00a0]+Movement)\b"
)


def _a_role_in_an_upheaval(text: str, start: int, name_end: int) -> bool:
    """True when the name at ``text[start:name_end]``, not a given name alone, has a role "in it" or "in the ..."
    (:data:`_ROLE_IN_AFTER`) in a sentence that names a revolution, a war or an uprising in capitals
    (:data:`_UPHEAVAL_NAMED`: "Describe the ... Revolution and ...'s role in it")."""
    if _ROLE_IN_AFTER.match(text, name_end) is None or text[start:name_end] in person_name_lists()[0]:
        return False
    low, high = sentence_around(text, start)
    return _UPHEAVAL_NAMED.search(text, low, high) is not None


# A law report's case, the parties joined by "v" ("... v ...", "... v. ..."), in a text about law; a private
# dispute has the writer in it ("My solicitor says ... v ... is heard in June").
_CASE_V = r"[ \u00a0]+v\.?[ \u00a0]+"
_CASE_PARTY_BEFORE = re.compile(rf"(?<![\w'’-])[A-Z][\w'’-]*{_CASE_V}$")
_CASE_PARTY_AFTER = re.compile(rf"{_CASE_V}[A-Z]")
_PARTIES_JOINED = re.compile(rf"[A-Z][\w'’-]*{_CASE_V}[A-Z]")
_LAW_WORDS = re.compile(
    r"(?i:\b(?:case|cases|court|courts|judgment|judgement|ruling|ruled|held|precedent|appeal|tort|contract|negligence"
    r"|duty[ \u00a0]+of[ \u00a0]+care|law|legal|judges?|plaintiff|defendant|claimant|jurisdiction|overruled"
    r"|doctrine|constitution(?:al)?|statute)\b)"
)


def _a_law_reports_case(text: str, start: int, end: int, around: str) -> bool:
    """True when ``text[start:end]`` is a party of a case named "... v ..." (:data:`_CASE_V`) in a text about law
    (:data:`_LAW_WORDS`) with no first-person word around it: "Is ... v ... still the leading case?"."""
    if not (
        _CASE_PARTY_BEFORE.search(text, max(0, start - 40), start)
        or _CASE_PARTY_AFTER.match(text, end)
        or _PARTIES_JOINED.search(text, start, end)
    ):
        return False
    return _LAW_WORDS.search(around) is not None and _FIRST_PERSON.search(around) is None


# Places named after people, listed: "..., ... after ... and ... after ...", in a text that says so before ("named
# after", "renamed"); both the place and the person it honours.
_NAMING_SAID = re.compile(r"(?i:\b(?:named|renamed)[ \u00a0]+(?:after|for)\b)")
_LISTED_PLACE_AFTER_BEFORE = re.compile(
    r"(?:[,;:(.?!]|\b(?:and|or|like|example|instance))[ \u00a0]+[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*(?:[ \u00a0][A-Z][\w'’-]*)?"
    r"[ \u00a0]+after[ \u00a0]+$"
)
_PLACE_LISTED_BEFORE = re.compile(r"(?:^|[,;:(.?!]|\b(?:and|or|like|example|instance))[ \u00a0]+$")
_AFTER_A_NAME = re.compile(r"[ \u00a0]+after[ \u00a0]+[A-ZÀ-ÖØ-ÞĀ-Ž]")


def _a_place_listed_with_its_namesake(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a place listed with the person it is named after, or that person
    (:data:`_LISTED_PLACE_AFTER_BEFORE`: "For example, ... after ..."), in a text that has said "named after"
    before."""
    low = max(0, start - 400)
    if _NAMING_SAID.search(text, low, start) is None:
        return False
    return bool(
        _LISTED_PLACE_AFTER_BEFORE.search(text, max(0, start - 60), start)
        or (_PLACE_LISTED_BEFORE.search(text, max(0, start - 12), start) and _AFTER_A_NAME.match(text, end))
    )


def named_as_a_figure_of_history_or_fiction(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a figure of history, science, art or fiction that a prompt asks about as a
    topic of general knowledge, in a text with no sign of a private interaction (:data:`_PRIVATE_INTERACTION`: "my
    order", "the call", "yesterday", "Write a reply to ...", "Dear ...") nor a person the writer knows right before it
    ("my manager, ...", "Mrs ...") or doing what such a person does after it ("... said in the meeting"). A figure
    is asked about where the words bound to the name say so (:data:`_FIGURE_BEFORE`, :data:`_FIGURE_AFTER`: "who
    was ...", "named after ...", "the character of ...", "...'s conquests", "... as generals", "why is ... so
    famous"), or, not as a possessive, in a question or a request about fiction, history or a school subject
    (:data:`_FICTION_HISTORY_OR_SCHOOL`: "a plot hole", "from the stories", "for my history homework"); so is a
    character after a title that a question asks about (:func:`_a_character_asked_about`: "Is Captain ... a villain?")
    and a famous person's home or work after their possessive (:func:`_a_famous_persons_possession`), what they did in
    history, politics, science or art (:func:`_a_famous_persons_deeds`: "...'s foreign policy"), the works a question
    asks they made ("Which opera did ... write?"), a saying credited to them (:func:`_a_saying_credited`: "As ...
    said: '...'") and an artist listed in a request for a playlist (:func:`_an_artist_in_a_playlist`)."""
    # A form's field holds a person of the form's matter: "Nome: Albertina Quaresma | Morada: ...".
    if start in strong_cue_ends(text):
        return False
    around = text[max(0, start - _TOPIC_REACH) : end + _TOPIC_REACH]
    if (
        _an_artist_in_a_playlist(text, start, end)
        or _a_saying_credited(text, start, end, around)
        or _studied_in_class(text, start, end)
        # A law report's case is a topic of law, whose words ("contract", "appeal") are a private matter's too.
        or _a_law_reports_case(text, start, end, around)
    ):
        return True
    if _PRIVATE_INTERACTION.search(around) or _INTERACTION_AFTER.match(text, end):
        return False
    if _a_character_asked_about(text, start, around) or _a_place_listed_with_its_namesake(text, start, end):
        return True
    if _KNOWN_PERSON_BEFORE.search(text, max(0, start - 30), start):
        # "Mr ..." in a question about a novel the text names is a character of it.
        return bool(
            _TITLE_BEFORE.search(text, max(0, start - 6), start)
            and _a_work_named(around)
            and _QUESTION_OR_REQUEST.search(around)
        )
    name_end = end - 2 if POSSESSIVE_END.search(text, start, end) else end
    if (
        _a_famous_persons_possession(text, start, name_end, around)
        or _FIGURE_BEFORE.search(text, max(0, start - 120), start)
        or _FIGURE_AFTER.match(text, end)
        # A given name alone is someone the writer knows ("Kwame's painting style"), not an artist asked about.
        or (
            text[start:name_end] not in person_name_lists()[0]
            and _CREATORS_WORK_AFTER.match(text, _after_another_possessive(text, name_end))
        )
        or (" " in text[start:name_end] and _CREATORS_KIND_OF_WORK_AND_TITLE_AFTER.match(text, name_end))
        or (_RENOWN_QUESTION_BEFORE.search(text, max(0, start - 20), start) and _RENOWN_AFTER.match(text, end))
        or _a_famous_persons_deeds(text, start, name_end, around)
        or _a_role_in_an_upheaval(text, start, name_end)
        # A ruler in a question, a request or a text about history ("the ... Empire — from ... I to ...").
        or (
            (_QUESTION_OR_REQUEST.search(around) or _HISTORY_SIGN.search(around))
            and _a_ruler_by_numeral_or_epithet(text, start, end, around)
        )
        or (
            _WHICH_WORK_BEFORE.search(text, max(0, start - 40), start)
            and _WORKS_MAKING_VERB_AFTER.match(text, end)
            and not _FIRST_PERSON.search(around)
        )
        or (_EXPLAINED.search(around) and _ORDINAL_LAW_AFTER.match(text, name_end))
        or _why_a_work_was_made(text, start, end, around)
        or (_a_work_named(around) and _QUESTION_OR_REQUEST.search(around))
        or (
            not _FIRST_PERSON.search(around)
            and (
                _a_short_question_about_a_figure(text, start, end)
                or len({sign.lower() for sign in _HISTORY_SIGN.findall(around)}) > 1
            )
        )
    ):
        return True
    return not (POSSESSIVE_END.search(text, start, end) or POSSESSIVE_AFTER.match(text, end)) and bool(
        _FICTION_HISTORY_OR_SCHOOL.search(around) and _QUESTION_OR_REQUEST.search(around)
    )


def _a_famous_persons_deeds(text: str, start: int, name_end: int, around: str) -> bool:
    """True when the name at ``text[start:name_end]`` is followed by its possessive and what its bearer did in
    history, politics, science or art (:data:`_FIGURES_DEEDS_AFTER`: "...'s military reforms", "...'s and ...'s
    foreign policy") in a question or a request. A given name alone is someone the writer knows ("Kofi's impact on
    the team", "Compare Kofi's and Ama's reforms of the chore chart"), unless the deeds are a state's or an army's
    ("Outline Attila's military campaigns") or it is compared with a name that is no given name alone ("Compare
    Lenin's and Trotsky's ideology")."""
    if not _QUESTION_OR_REQUEST.search(around):
        return False
    given = person_name_lists()[0]
    joined = _AND_ANOTHER_POSSESSIVE.match(text, name_end)
    deeds = _FIGURES_DEEDS_AFTER.match(text, joined.end() if joined else name_end)
    return deeds is not None and (
        deeds.group("field") in _FIELDS_OF_STATES_AND_ARMIES
        or text[start:name_end] not in given
        or (joined is not None and joined.group("other") not in given)
    )


def _after_another_possessive(text: str, name_end: int) -> int:
    """Where what a name's bearer did or made starts after ``name_end``: past another famous person's possessive
    joined to theirs ("Compare ...'s and ...'s painting styles"), or at ``name_end``."""
    joined = _AND_ANOTHER_POSSESSIVE.match(text, name_end)
    return joined.end() if joined else name_end


def _studied_in_class(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]``, not a given name alone and no possessive, is a figure a class or pupils study
    as a topic (:data:`_STUDIED_IN_CLASS_BEFORE`: "My daughter's class is studying ... and ..."), even in a parent's
    own words about their child."""
    return (
        text[start:end] not in person_name_lists()[0]
        and not (POSSESSIVE_END.search(text, start, end) or POSSESSIVE_AFTER.match(text, end))
        and _STUDIED_IN_CLASS_BEFORE.search(text, max(0, start - 120), start) is not None
    )


def _why_a_work_was_made(text: str, start: int, end: int, around: str) -> bool:
    """True when ``text[start:end]``, not a given name alone, is a creator a question with no first-person word asks
    why, when or how they made a work, its title after the verb (:data:`_WORKS_TITLE_MADE_AFTER`: "Why did ... write
    Things Fall Apart?"); not a report a colleague wrote ("Why did Ana write the memo?")."""
    if text[start:end] in person_name_lists()[0] or _FIRST_PERSON.search(around):
        return False
    title = _WORKS_TITLE_MADE_AFTER.match(text, end)
    return bool(
        title
        and _WHY_A_WORK_WAS_MADE_BEFORE.search(text, max(0, start - 12), start)
        and _titled_like_a_work(title["title"])
    )


def _an_artist_in_a_playlist(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]``, not a given name alone nor a person acting after it, is listed after a request
    for a playlist of artists (:data:`_PLAYLIST_OF_ARTISTS_BEFORE`: "Make a wedding playlist with ..., ... and ..."):
    the artists' songs, even for a private occasion."""
    low = max(0, start - 200)
    return (
        text[start:end] not in person_name_lists()[0]
        and _PLAYLIST_OF_ARTISTS_BEFORE.search(text, low, start) is not None
        and _REQUESTED_BEFORE_A_PLAYLIST.search(text, low, start) is not None
        and not _INTERACTION_AFTER.match(text, end)
    )


def _a_saying_credited(text: str, start: int, end: int, around: str) -> bool:
    """True when ``text[start:end]``, not a given name alone, is the author a saying is credited to
    (:data:`_SAID_A_SAYING_AFTER`: "As ... said, ...") in a text with no private interaction, where the saying is
    famous ("as ... once said", "as ... famously put it"), quoted ('as ... wrote: "..."', '"...," as ... said'), or,
    with no first-person word in its sentence, credited to a name whose words English dictionaries hold as nouns, as
    they hold famous thinkers' ("As Confucius said, ..."): "As Dolapo said, the garden needs weeding" is a
    neighbour's word."""
    if text.startswith(("As ", "as "), start):
        start += 3
    name = text[start:end]
    if name in person_name_lists()[0] or not _AS_BEFORE.search(text, max(0, start - 8), start):
        return False
    said = _SAID_A_SAYING_AFTER.match(text, end)
    if said is None or _PRIVATE_INTERACTION.search(around):
        return False
    if said["famously"] or said["quote"] or _QUOTE_CLOSES_BEFORE_AS.search(text, max(0, start - 8), start):
        return True
    low, high = sentence_around(text, start)
    nouns = word_classes()[0]
    return not _FIRST_PERSON.search(text, low, high) and all(word.lower() in nouns for word in name.split())


def _a_character_asked_about(text: str, start: int, around: str) -> bool:
    """True when a title stands right before ``text[start:]`` (:data:`_CHARACTERS_TITLE_BEFORE`: "Miss ...",
    "Captain ...") in a question or a request with no first-person word that asks about a character
    (:data:`_CHARACTERS_WORDS`: "a tragic figure", "...'s motivation", "in the ... stories") or names a work
    (:func:`_a_work_named`). The writer's own dealings with a "Mrs ..." have a first-person word or a private
    interaction ("Is Mrs ... my tutor's mother?")."""
    return bool(
        (
            _CHARACTERS_TITLE_BEFORE.search(text, max(0, start - 12), start)
            # The model's name may hold the title: "Lady ...".
            or _CHARACTERS_TITLE_BEFORE.match(text, start, text.find(" ", start) + 1)
        )
        and _QUESTION_OR_REQUEST.search(around)
        and not _FIRST_PERSON.search(around)
        and (_CHARACTERS_WORDS.search(around) or _a_work_named(around))
    )


def _a_famous_persons_possession(text: str, start: int, name_end: int, around: str) -> bool:
    """True when the name at ``text[start:name_end]``, a possessive after it, is a famous person's in a question or a
    request with no first-person word: their home, grave or museum in a text about visiting it
    (:data:`_FAMOUS_HOME_AFTER`: "Is ...'s house in ... worth a visit?") or a work's or an award's title in capitals
    (:data:`_TITLE_AFTER_A_POSSESSIVE`: "...'s Kind of Blue", "...'s Nobel Prizes") with a word that is an everyday
    English word and no name or brand. A given name alone is someone the writer knows ("Is Kofi's house open?")."""
    if not text.startswith(("'", "’"), name_end):
        return False
    given, surnames = person_name_lists()
    name = text[start:name_end]
    if (
        (name in given and name not in surnames)
        or not _QUESTION_OR_REQUEST.search(around)
        or _FIRST_PERSON.search(around)
    ):
        return False
    if _FAMOUS_HOME_AFTER.match(text, name_end):
        low, high = sentence_around(text, start)
        return _VISITING.search(text, low, high) is not None
    title = _TITLE_AFTER_A_POSSESSIVE.match(text, name_end)
    if title is None:
        return False
    low, high = sentence_around(text, start)
    # A brand's goods after a possessive are no work ("...'s Google Docs").
    return (
        _titled_like_a_work(title["title"])
        and CAPITALISED_WORD.findall(title["title"])[0] not in brands()
        and _ART_OR_RENOWN.search(text, low, high) is not None
    )


def _titled_like_a_work(title: str) -> bool:
    """True when the capitalised words of ``title`` hold an everyday English word that no name list holds, as a
    work's title does ("Kind of Blue", "Things Fall Apart"; not "Ana Costa")."""
    given, surnames = person_name_lists()
    return any(
        word not in given and word not in surnames and word.lower() in everyday_words()
        for word in CAPITALISED_WORD.findall(title)
    )


def _a_short_question_about_a_figure(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` opens what a short question of general knowledge asks about a figure: their life,
    death, deeds, sayings, discoveries, historicity or plot (:data:`_LIFE_QUESTION_AFTER`: "How did ... die?", "Was
    ... a real person?"), a full name's past in broader words (:data:`_PAST_ASKED_BEFORE`, :data:`_PAST_ASKED_AFTER`:
    "What exactly did ... contribute to", "How did ... actually train", "What style was ... known for"), whom a
    character acts on (:data:`_PLOT_QUESTION_BEFORE`), or a kind of things asked about in the plural ("Which ... are
    the best for ...?")."""
    name_end = end - 2 if POSSESSIVE_END.search(text, start, end) else end
    return bool(
        (_QUESTION_OPENS_BEFORE.search(text, max(0, start - 20), start) and _LIFE_QUESTION_AFTER.match(text, name_end))
        or (
            " " in text[start:name_end]
            and _PAST_ASKED_BEFORE.search(text, max(0, start - 40), start) is not None
            and _PAST_ASKED_AFTER.match(text, name_end) is not None
        )
        or (_WHICH_BEFORE.search(text, max(0, start - 8), start) and _PLURAL_VERB_AFTER.match(text, end))
        or _PLOT_QUESTION_BEFORE.search(text, max(0, start - 60), start)
    )


def _a_work_named(text: str) -> bool:
    """True when ``text`` names a work (:data:`_WORK_NAMED`) by a title with a word no name list holds ("reading Jane
    Eyre"), not a person read or watched ("watched Tomasz Nowak play")."""
    given, surnames = person_name_lists()
    return any(
        match["title"] is None
        or any(word not in given and word not in surnames for word in CAPITALISED_WORD.findall(match["title"]))
        for match in _WORK_NAMED.finditer(text)
    )
