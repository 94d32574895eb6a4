"""A lawyer named after the trade's title ("Attorney ..."), the name a table or a room is booked under ("under the
name ..."), the speaker of a chat log's timed line, a modal greeted as a name ("Hi Will,"), one who wrote before
naming oneself ("it's me, ...", "it's ... again", a Korean given name of two syllables too), an aunt or an uncle
named in lower case without a possessive, a cohost, and the authorised users of an account."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # A lawyer by the trade's title.
        (
            "As discussed, Attorney Lindqvist will review the lease before Friday.",
            "As discussed, Attorney <PERSON> will review the lease before Friday.",
        ),
        (
            "Please send the signed affidavit to Counsel Adebanjo by noon.",
            "Please send the signed affidavit to Counsel <PERSON> by noon.",
        ),
        # The name a booking is held under.
        (
            "Could we get a table for six on Saturday, under the name Ferreira?",
            "Could we get a table for six on Saturday, under the name <PERSON>?",
        ),
        # The speaker of a chat log's line.
        (
            "[08:41] Tomasz: is the gate code still the same?\n[08:43] Host: Yes it is.",
            "[08:41] <PERSON>: is the gate code still the same?\n[08:43] Host: Yes it is.",
        ),
        (
            "[19:05:12] Laleh: the heater in flat 2 is broken again",
            "[19:05:12] <PERSON>: the heater in flat 2 is broken again",
        ),
        # A modal greeted as a name.
        (
            "Hi Will, your parcel is waiting at the front desk.",
            "Hi <PERSON>, your parcel is waiting at the front desk.",
        ),
        ("Dear May, thanks so much for the lovely scarf.", "Dear <PERSON>, thanks so much for the lovely scarf."),
        ("Thanks Can! See you in Izmir next month.", "Thanks <PERSON>! See you in Izmir next month."),
        # One who wrote before, naming oneself.
        (
            "hey it's me, wairimu. did my prescription come in?",
            "hey it's me, <PERSON>. did my prescription come in?",
        ),
        ("its me bilal, is the bike fixed yet?", "its me <PERSON>, is the bike fixed yet?"),
        ("hey its ji-hoon here, is the studio free tonight?", "hey its <PERSON> here, is the studio free tonight?"),
        # An aunt or an uncle named in lower case.
        (
            "remind me to call auntie nkechi before the wedding",
            "remind me to call auntie <PERSON> before the wedding",
        ),
        ("uncle bongani is coming for dinner tonight", "uncle <PERSON> is coming for dinner tonight"),
        # A cohost, and who else may use an account.
        ("my co-host anahera is running late to the recording", "my co-host <PERSON> is running late to the recording"),
        (
            "Authorised user added: Thandiwe. Primary account holder: Sipho Dlamini.",
            "Authorised user added: <PERSON>. Primary account holder: <PERSON>.",
        ),
    ],
)
def test_the_name_is_redacted(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        # An office, and what a product is sold under.
        "The drug is sold under the name Tylenol in the US.",
        # Modals that ask, not greet.
        "Hello, may I ask about the fees?",
        "Hi, can you help me with my order?",
        # A chat log's line of a place, a brand or a role.
        "[10:01] Lisbon flight delayed by an hour",
        "[10:02] Support: the server is back up.",
        "[10:03] Server restarted after the update",
        # One who wrote before without a name, and a compound word.
        "it's me, again. any update?",
        "it's check-in again that fails",
        # A brand after an uncle, a guest's things, a panel of departments.
        "call uncle ben about the rice",
        "our guest wifi password is taped to the fridge",
        "Interview panel: Finance, Legal and HR.",
        "Additional drivers: none.",
    ],
)
def test_clean_sentences_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence
