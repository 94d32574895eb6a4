"""The name lists read every list of ``faker``'s person providers that holds given names or surnames, however a
locale splits them: Polish surnames ("male_last_names", "unisex_last_names", where "last_names" is only "Doe"), with
the women's form of its adjectival ones; Russian and Ukrainian patronymics and Icelandic family names
("middle_names"). Where only the lists can tell a word is a surname (an initial before it, "the ... file"), those
names used to stay. Each name is written in brackets; the redaction is the sentence with each bracketed name a
``<PERSON>``."""

import re

import pytest

from feedback_loop.privacy.names import person_name_lists
from feedback_loop.privacy.redactor import Redactor

# (surname, the locale's list that holds it, or how it is made from one).
_SURNAMES_OF_EVERY_LIST = [
    "Wiśniewski",  # pl_PL male_last_names
    "Kowalczyk",  # pl_PL male_last_names
    "Pacholczak",  # pl_PL unisex_last_names
    "Wiśniewska",  # the woman's form of "Wiśniewski"
    "Zawadzka",  # the woman's form of "Zawadzki"
    "Nowicka",  # the woman's form of "Nowicki"
    "Gennadievich",  # ru_RU middle_names, transliterated
    "Serhiivna",  # uk_UA middle_names, transliterated
    "Arnberg",  # is_IS middle_names
]

_ONLY_THE_LISTS_KNOW = [
    "[B. Zawadzka] signed the delivery note this morning.",
    "The [Kurowska] file still lacks a signature.",
    "We settled the [Wiśniewski] claim in March.",
    "The [Grabowska] household asked for a second meter.",
    "[W. Nowicka] approved the overtime.",
    "[E. Gennadievich] approved the shipping quote.",
    "[O. Serhiivna] booked the meeting room.",
    "The [Arnberg] estate asked for a valuation.",
]


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor("patterns+ner")


@pytest.mark.parametrize("surname", _SURNAMES_OF_EVERY_LIST)
def test_surnames_of_every_list_of_a_locale_are_in_the_lists(surname: str) -> None:
    _, surnames = person_name_lists()

    assert surname in surnames


@pytest.mark.parametrize("marked", _ONLY_THE_LISTS_KNOW)
def test_surnames_only_the_lists_know_are_redacted_whole(redactor: Redactor, marked: str) -> None:
    text = marked.replace("[", "").replace("]", "")
    assert redactor.redact(text).text == re.sub(r"\[[^]]*\]", "<PERSON>", marked)
