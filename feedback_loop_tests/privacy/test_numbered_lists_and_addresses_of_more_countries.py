"""Numbered lists are no addresses: an English word ending as a street's suffix does ("-ring", "-gate") before the
next item's number or a count."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    "text",
    [
        # The next item's number on the line after a word ending in "ring".
        "Podcast names:\n1. Glimmering\n2. Echoes of Dawn\n3. Simmering\n4. Quiet Hours",
        "Electives:\n\n6. Bouldering\n\n7. Pottery\n\n8. Tutoring",
        "Phases:\n1) Scoping\n2) Tiering\n3) Monitoring\n4) Reporting",
        "Step 2 Gathering\nStep 3 Filtering\nStep 4 Mentoring",
        # The items on one line, and gerunds before a count or a course's number.
        "Weekly plan: 1. Mentoring 2. Tutoring 3. Review",
        "She passed Engineering 201 and Orienteering 3 with honours.",
        "Our squads: Layering 4, Catering 5, Tiering 6.",
        # An English word before "gate" names a film or a scandal.
        "We watched Stargate 2 after the Watergate 3 documentary.",
    ],
)
def test_numbered_lists_and_gerunds_are_no_addresses(text: str) -> None:
    assert "<ADDRESS>" not in Redactor("patterns+ner").redact(text).text


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # German ring roads, their word before "ring" ending in a consonant, and Norwegian streets by "gate".
        ("Bitte an Nordring 17, 90409 Nürnberg schicken.", "Bitte an <ADDRESS> schicken."),
        ("The tenant lives at Südring 4, Kiel.", "The tenant lives at <ADDRESS>."),
        ("Levér den til Kirkegate 9, Oslo.", "Levér den til <ADDRESS>."),
    ],
)
def test_suffixed_streets_stay_addresses(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted
