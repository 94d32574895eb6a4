"""A quoted title in a clause whose subject is a work ("a film like '...'", "the track in the ad is '...'") is no
person, and lower-case words between an article and a role noun describe the role ("a unicorn growth marketer");
people quoted or named in the same places stay people."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    "sentence",
    [
        "Recommend a film like 'Marcus Valentine' for a rainy Sunday.",
        "Find a song like 'Amber Lullaby' for the wedding.",
        "Track used in the advert was 'Lunar Sonata' — who owns the rights?",
        "The novel my book club picked is 'Cerulean Odyssey' and I hate it.",
        "Our favourite show is 'Magnolia Heights', sadly cancelled.",
    ],
)
def test_a_quoted_title_where_a_work_is_the_subject_stays(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # Who made, sang or got the work is a person, quoted or not.
        ("The song's singer is 'Adele Kowalski' right?", "The song's singer is '<PERSON>' right?"),
        ("The book was mailed to 'Grzegorz Nowak' by accident.", "The book was mailed to '<PERSON>' by accident."),
        # A question asks where a quoted person appears.
        ("Which podcast is 'Ngozi Okafor' on?", "Which podcast is '<PERSON>' on?"),
        # What the earlier rule for quoted messages and names keeps.
        (
            'Tone this down: "Ruairi, the invoice is wrong again."',
            'Tone this down: "<PERSON>, the invoice is wrong again."',
        ),
    ],
)
def test_people_quoted_beside_a_work_are_redacted(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "We're hiring a jedi ninja developer for the platform team.",
        "Make this ad friendlier: 'Seeking a badass ninja designer.'",
        "Our careers page asks for a ninja rockstar designer.",
    ],
)
def test_lower_case_words_describing_a_role_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # A name in lower case after the role, or after a hire's word, is a person's.
        ("pls loop in the developer priya nair on this", "pls loop in the developer <PERSON> on this"),
        ("our new hire kofi mensah starts on monday", "our new hire <PERSON> starts on monday"),
    ],
)
def test_lower_case_names_after_a_role_are_redacted(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted
