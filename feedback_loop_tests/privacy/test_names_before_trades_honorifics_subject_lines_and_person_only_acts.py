"""A given name before the trade its holder works for ("... from the cleaning company"), a Turkish honorific after a
name ("... bey", "... hoca"), a Tagalog marker and word of respect before it ("si Tita ..."), a given name opening an
e-mail's subject line before a dash, and a given name that is an English word too opening a sentence before what only
a person does ("... can't log in", "... thinks we ...")."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # Who a person works for, named by its trade in lower case.
        (
            "Wanjiru from the cleaning company left the keys under the mat.",
            "<PERSON> from the cleaning company left the keys under the mat.",
        ),
        (
            "Could you ask whether Tomasz at the removals firm can come on Thursday?",
            "Could you ask whether <PERSON> at the removals firm can come on Thursday?",
        ),
        # A Turkish honorific after the name.
        ("Elif hanım toplantıya gelecek mi?", "<PERSON> hanım toplantıya gelecek mi?"),
        # A Tagalog person's marker and a word of respect before the name.
        (
            "Nagpadala si Tita Marites ng pasalubong galing Dubai.",
            "Nagpadala si <PERSON> ng pasalubong galing Dubai.",
        ),
        ("Kinausap ko sina Ate Maricel tungkol sa bayad.", "Kinausap ko sina Ate <PERSON> tungkol sa bayad."),
        ("Sabihin mo kay Lolo Ernesto na darating kami.", "Sabihin mo kay Lolo <PERSON> na darating kami."),
        # A subject line opened by the person it is about.
        ("Subject: Nomvula - contract renewal", "Subject: <PERSON> - contract renewal"),
        ("Re: Giorgos – invoice 7781 overdue", "Re: <PERSON> – invoice 7781 overdue"),
        # A given name that is an English word too, before what only a person does.
        ("Dawn can't log in on the new laptop.", "<PERSON> can't log in on the new laptop."),
        ("Hope thinks we should move the launch.", "<PERSON> thinks we should move the launch."),
        # A modal that is a given name too, before a past tense of saying or writing.
        ("Will said the invoice is late.", "<PERSON> said the invoice is late."),
        ("Thanks. May told me the courier came twice.", "Thanks. <PERSON> told me the courier came twice."),
        ("Can wrote back this morning about the quote.", "<PERSON> wrote back this morning about the quote."),
        # A given name in lower case that a dictionary knows too, after a relative's or a role's word.
        ("our nanny rosa is off on Friday.", "our nanny <PERSON> is off on Friday."),
        ("our tutor hector moved the class to monday.", "our tutor <PERSON> moved the class to monday."),
        # The labels of a list saying who brings or does what.
        (
            "Who brings what?\n- Kemal: drinks\n- Ngozi: plates",
            "Who brings what?\n- <PERSON>: drinks\n- <PERSON>: plates",
        ),
        (
            "1. Salma: booked the hall\n2. Dmitri: brings the speakers",
            "1. <PERSON>: booked the hall\n2. <PERSON>: brings the speakers",
        ),
    ],
)
def test_the_name_is_redacted(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # Names in the same frames that were redacted before stay redacted.
        ("Yarın Mehmet beyefendi ile görüşeceğim.", "<PERSON> beyefendi ile görüşeceğim."),
        ("Please reply to Selin hoca about the thesis draft.", "Please reply to <PERSON> hoca about the thesis draft."),
        ("Summer told me the tickets sold out.", "<PERSON> told me the tickets sold out."),
        ("Yes, si Maria me llamó.", "Yes, si <PERSON> me llamó."),
    ],
)
def test_names_found_before_stay_redacted(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        # Subject lines opened by a thing or a place.
        "Subject: Refund - order 5512",
        "Subject: Paris - itinerary for May",
        "Subject: Invoice - March",
        # Things from a trade's company.
        "The truck from the moving company arrived at nine.",
        "Boxes from the moving company arrived damaged.",
        # Words that are given names too, where no person stands.
        "Sky blue is out of stock.",
        "Will this work on Android?",
        "Summer feels like the best season.",
        "Nobody can't log in today.",
        # Brands that "think", modals before what they ask, roles without a name.
        "Google thinks I'm in Spain.",
        "May I ask a question about the refund?",
        "my boss will be late.",
        "my manager said no.",
        # Lists labelled by things: versions, dishes and their prices, days.
        "- Redis: cache\n- Postgres: database\n- Nginx: proxy",
        "Menu:\n- Margherita: 9.50\n- Diavola: 11.00",
        "- Monday: gym\n- Tuesday: swim",
        "- Mercedes: 2 cars\n- Toyota: 1 van",
        # "bey" after a word that is no name.
        "The Ottoman bey ruled the province for decades.",
    ],
)
def test_clean_sentences_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence
