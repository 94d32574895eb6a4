"""Person names the lists do not know, names transliterated into the lists, names used as things' names, and full
names only the PII model reads as names."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor
from feedback_loop.privacy.names import _transliteration, everyday_words, person_name_lists
from feedback_loop.privacy.namesakes import named_like_a_thing
from feedback_loop_tests.privacy.dev_people_corpus import generate_dev_people_corpus
from feedback_loop_tests.privacy.dev_people_corpus_2 import generate_dev_people_corpus_2
from feedback_loop_tests.privacy.dev_people_corpus_3 import generate_dev_people_corpus_3
from feedback_loop_tests.privacy.measured import assert_keeps_measurement

# (sentence, the name): names with a word no name list knows, where a person's name stands.
_UNLISTED_NAMES = [
    ("Please add Tshepo Mahlangu as an editor on our workspace.", "Tshepo Mahlangu"),
    ("The refund was approved by Ngaire Tawhiri last week.", "Ngaire Tawhiri"),
    ("Is Obiageli Nwachukwu still on the account?", "Obiageli Nwachukwu"),
    ("Kiri Tapsell's invoice shows the wrong VAT number.", "Kiri Tapsell"),
    ("Phetsamone Vongsa called twice about the outage.", "Phetsamone Vongsa"),
    ("The export is attached.\n\nTavita Leaupepe\nAccounts Payable Lead", "Tavita Leaupepe"),
]


@pytest.mark.parametrize(("sentence", "name"), _UNLISTED_NAMES)
def test_a_name_no_list_knows_is_found_where_a_persons_name_stands(sentence: str, name: str) -> None:
    given, surnames = person_name_lists()
    assert not all(word in given or word in surnames for word in name.split())

    redacted = Redactor("patterns+ner").redact(sentence).text

    assert name not in redacted and "<PERSON>" in redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "Please add Custom Fields to the form.",
        "I work with Advanced Search every day.",
        "Tickets created by Zoho Desk are duplicated.",
        "Can Smart Replies be turned off?",
        "The Kindle Paperwhite is not syncing.",
        "Does Amazon Echo Dot work offline?",
    ],
)
def test_everyday_words_and_things_in_a_persons_place_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "The Michael Kors outlet scanner drops barcodes.",
        "Our Jimmy Choo store syncs twice a day.",
        "Betty Crocker recipes import with broken images.",
        # One word of the name lists that is an English word too, where no person stands (the model read it as one).
        "The page looks different on Safari.",
        "Does it support Safari?",
    ],
)
def test_a_persons_name_used_as_a_things_name_stays(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Ana Lima called us twice.", "Ana Lima"),
        ("Kofi Mensah's laptop will not sync.", "Kofi Mensah"),
        ("I heard that John Carter left the company.", "John Carter"),
    ],
)
def test_a_name_before_a_verb_or_a_possessive_is_a_persons(sentence: str, name: str) -> None:
    start = sentence.index(name)

    assert not named_like_a_thing(sentence, start, start + len(name))
    assert name not in Redactor("patterns+ner").redact(sentence).text


def test_cyrillic_and_greek_names_are_transliterated_into_the_lists() -> None:
    _, surnames = person_name_lists()

    assert _transliteration("ru_RU")("Иванов") == "Ivanov"
    assert _transliteration("uk_UA")("Шевченко") == "Shevchenko"
    assert _transliteration("el_GR")("Παπαδόπουλος") == "Papadopoulos"
    assert _transliteration("de_DE") is None
    assert {"Ivanov", "Shevchenko", "Papadopoulos"} <= surnames


def test_everyday_words_leave_out_names() -> None:
    everyday = everyday_words()

    assert {"custom", "search", "desk", "law", "street"} <= everyday
    assert not {"wickramasinghe", "kovalenko", "haruka", "liang"} & everyday


# Measured on the development set after the third round of name work, which was tuned on it (in sample): before
# that round, PERSON 257 of 372 and 40 of 80 clean sentences altered (brands named after people, all of them);
# after it 365 and 24; after the fourth round (the PII model, tuned on this set and dev_people_corpus_2.py) 371 and
# 26 ("Cartier and Bulgari want ...": the PII model reads "Bulgari" as a surname where a person stands, on both seeds);
# after the fifth round (products and software where a person stands, tuned on dev_people_corpus_3.py) 371 and 24;
# after the sixth round (brands, tuned on dev_brands_corpus.py) 371 and 20; after the ninth ("Custom Fields",
# "integrated Marc Jacobs and Tory Burch") 371 and 16; after the eighteenth (introductions of more languages, dash
# sign-offs, role fields) 371 and 14.
DEV_MEASURED = {"PERSON": (371, 372), "clean_altered": (14, 80)}


def test_the_development_set_keeps_its_measurement() -> None:
    sentences = generate_dev_people_corpus(0) + generate_dev_people_corpus(1)

    assert_keeps_measurement(sentences, DEV_MEASURED)


def test_everyday_words_do_not_grow_with_what_the_model_has_read() -> None:
    from feedback_loop.privacy.ner import load_ner_pipeline

    everyday_words.cache_clear()
    pipeline = load_ner_pipeline()
    pipeline("Zubairu Oyelaranquist wrote to us.")
    assert "oyelaranquist" in pipeline.vocab.strings

    assert not {"zubairu", "oyelaranquist"} & everyday_words()


# Names where no cue and no person's place of the rules stands, or one word of them an everyday word to the rules
# ("pryce"), or every word unknown to the lists: only the PII model reads them as names.
_FULL_NAMES_ONLY_THE_PII_MODEL_READS = [
    ("We hired Gwenllian Pryce last week.", "Gwenllian Pryce"),
    # A given name alone where a person stands: before a verb, an adverb between allowed, after "to".
    ("Yesterday Rizal reset the password for me.", "Rizal"),
    ("Not sure if Somchai already told you, but the invoice is wrong.", "Somchai"),
    ("Send the PDF to Eilidh, she handles payroll.", "Eilidh"),
    ("Please copy Tiihu Ngata on the thread.", "Tiihu Ngata"),
    ("Rangi Parata will join the call on Monday.", "Rangi Parata"),
]


@pytest.mark.parametrize(("sentence", "name"), _FULL_NAMES_ONLY_THE_PII_MODEL_READS)
def test_the_pii_model_finds_full_names_the_rules_leave(sentence: str, name: str, monkeypatch) -> None:
    redactor = Redactor("patterns+ner")
    assert redactor.redact(sentence).text == sentence.replace(name, "<PERSON>")

    # Without the PII model's names the rules and the small model leave it: the test is of that model.
    monkeypatch.setattr("feedback_loop.privacy.ner._full_names_no_list_knows", lambda texts, found: [[] for _ in texts])
    assert Redactor("patterns+ner").redact(sentence).text == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # A product whose first word the PII model takes for a given name: a longer run of capitalised words. (Alone,
        # where a person stands, "Jira" is taken for one: docs/privacy.md, known limits.)
        "Jira Service Management crashes since 1.2.",
        # Written as no name is: a capital inside a word.
        "Open GitHub Actions and click Export.",
        # The PII model reads it as a name; the small model knows the bank, in its sentence and where only a person
        # fits.
        "Bonjour, Order History: Morgan Stanley is not syncing ?",
        # A single word only where a person stands: not after an article, nor numbering a choice.
        "The Kilimanjaro plan includes Priority Support.",
        "Who painted it? A. Vincent van Gogh B. Pablo Picasso C. Leonardo da Vinci D. Michelangelo",
    ],
)
def test_things_the_pii_model_reads_as_names_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


# Measured on the second development set after the fourth round, which was tuned on it (in sample): before that
# round (main at 9e76833) PERSON 126 of 240 (full names 76 of 98, given names alone 50 of 118) and 6 of 60 clean
# sentences altered; after the seventh round (forms' shapes, tuned on dev_forms_corpus.py and this set) PERSON 224
# (surname first 8 of 8, surnames in capitals 8 of 8, given names alone 103 of 118) and 2 altered; after the
# eighteenth round PERSON 225 and none altered (works, firms, shops and teams where they stand).
DEV_2_MEASURED = {"PERSON": (225, 240), "clean_altered": (0, 60)}


def test_the_second_development_set_keeps_its_measurement() -> None:
    sentences = generate_dev_people_corpus_2(0) + generate_dev_people_corpus_2(1)

    assert_keeps_measurement(sentences, DEV_2_MEASURED)


# Measured on the third development set after the fifth round, which was tuned on it (in sample): before that round
# (main at 66dd1ec) PERSON 32 of 36 and 21 of 81 clean sentences altered; after the sixth round (brands, tuned on
# dev_brands_corpus.py) PERSON 34 and 8 altered; after the ninth ("Max was renamed from HBO Max") 7; 4 at c0af14f;
# after the seventeenth (brands of Simple Icons) 2.
DEV_3_MEASURED = {"PERSON": (34, 36), "clean_altered": (2, 81)}


def test_the_third_development_set_keeps_its_measurement() -> None:
    assert_keeps_measurement(generate_dev_people_corpus_3(), DEV_3_MEASURED)


@pytest.mark.parametrize(
    "sentence",
    [
        # After what software is done to.
        "First, make sure you are signed in to Jira with an admin account.",
        "Please log into Marvin and export section 4.2.1 again.",
        "Sync with Morgan failed for invoices 1045-1090.",
        "I switched from Norton to Avast last week.",
        # Before a version, a product noun or a trademark sign; next to a word that ends a product's name.
        "Did you upgrade Hudson to 3.1 or is it still on 2.9?",
        "Please contact Jira support about the refund.",
        "Ask Fitbit® for a replacement.",
        "Porsche Connect lost the trip data from 2023-2024.",
        # Before what software does, a greeting's cue notwithstanding.
        "Hi, Wally crashes since 2.17.3, see 12.4.3.",
        "Since the 2.4 update Wally is not syncing.",
        # A storm's name.
        "Tropical Storm Debby closed the depot from 08/05-08/09.",
        "Deliveries to Jacksonville slowed after Hurricane Matthew last year.",
        # A surname alone, no cue.
        "Jenkins failed the build again after the 2.401 update.",
    ],
)
def test_products_and_storms_named_like_people_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # What follows is the person's own: not a product.
        ("Please open Maria Lopez's profile.", "Maria Lopez"),
        ("Marcus installed Jira 9.4 yesterday.", "Marcus"),
        ("Kevin from IT said section 2.3 is outdated.", "Kevin"),
        ("Can Tomasz reinstall Carbonite on the old laptop?", "Tomasz"),
    ],
)
def test_people_next_to_products_are_still_found(sentence: str, name: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence.replace(name, "<PERSON>")


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # A word capitalised only to open the sentence is no part of the name after it; a name of the lists
        # opening the sentence is the name's first word, function word or not.
        ("Herr Weiß called. Later Weiß said it was fine.", "Herr <PERSON> called. Later <PERSON> said it was fine."),
        ("Then Priya wrote: ok", "Then <PERSON> wrote: ok"),
        ("Will Smith said hi.", "<PERSON> said hi."),
        # The model took the line break after a name into it ("<PERSON>Acme Corp").
        ("Jane Doe\nAcme Corp", "<PERSON>\nAcme Corp"),
        # A word joined to a name by "and" is a name where it reads as one; a team or a product stays.
        (
            "Chidi and Emeka Okafor from our Lagos team need access.",
            "<PERSON> and <PERSON> from our Lagos team need access.",
        ),
        ("Arjun and Priya Sharma need editor rights", "<PERSON> and <PERSON> need editor rights"),
        ("Sales and Priya Sharma need editor rights", "Sales and <PERSON> need editor rights"),
        ("Priya Sharma and Slack are both down", "<PERSON> and Slack are both down"),
        # A welcome, and a name said again, are cues.
        ("Welcome aboard, Zeynep!", "Welcome aboard, <PERSON>!"),
        ("It's Takeshi again, still broken.", "It's <PERSON> again, still broken."),
        ("Welcome to Slack! Welcome back, Admin.", "Welcome to Slack! Welcome back, Admin."),
        # A field that names nobody stays.
        ("Assignee: unassigned; Customer: unknown; Owner: TBD", "Assignee: unassigned; Customer: unknown; Owner: TBD"),
        ("Name: maria", "Name: <PERSON>"),
        # A name in lower case where a person's name stands; words of the lists that dictionaries know, or no
        # person's place, stay.
        (
            "talked to priya on the phone, she said to email you",
            "talked to <PERSON> on the phone, she said to email you",
        ),
        ("ask for siobhan at reception", "ask for <PERSON> at reception"),
        ("post it to media and org, mark it done", "post it to media and org, mark it done"),
        ("the job failed with jenkins and sonar", "the job failed with jenkins and sonar"),
        # The name a phrase announces ends where the sentence goes on in lower case, in any language; the model's
        # name does not take the announcing words.
        ("Mein Name ist Hans Müller und ich wohne in Berlin.", "Mein Name ist <PERSON> und ich wohne in Berlin."),
        ("Je m'appelle Marie Dubois et j'habite à Lyon.", "Je m'appelle <PERSON> et j'habite à Lyon."),
        ("Me llamo Juan García y vivo en Madrid.", "Me llamo <PERSON> y vivo en Madrid."),
        ("Name: john smith", "Name: <PERSON>"),
    ],
)
def test_names_are_found_as_written_and_the_words_around_them_stay(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted
