"""Things named after people are no person: eponyms of medicine and science ("Bell's palsy", "Kepler's third law"),
places, days and streets ("Olympic Park", "on Victoria Day", "Jalan Gatot Subroto"), brands in lists on sale or
before a shop's goods, a brand's model, a drink's variant after "Dr", dishes counted in an order, football clubs next
to a score, programming languages, and lower-case everyday words of another language; people next to the same
shapes stay people (the eighteenth round)."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    "sentence",
    [
        "Hashimoto's thyroiditis was confirmed by the antibody panel.",
        "The oncologist said Kaposi's sarcoma responds well to treatment.",
        "Babinski's sign was negative bilaterally.",
        "Kepler's third law links the period to the orbit's size.",
        "Newton's first law: a body at rest stays at rest.",
        "We close early on Victoria Day, so order by Friday.",
        "Parking at Queen Elizabeth Olympic Park is free on Sundays.",
        "The shuttle stops at Nelson Mandela Bridge every 20 minutes.",
        "Calle Alcalá is closed to traffic on Sunday morning.",
        "Giorgio Armani, Ralph Lauren and Tommy Hilfiger are up to 50% off this week.",
        "Michael Kors and Kate Spade handbags are now on sale.",
        "Tom Ford boutiques are closing in May.",
        "Levi's 511 jeans in 34/32 — do you ship to Norway?",
        "Is Dr Pepper Cherry sold in 500ml bottles?",
        "Two Earl Grey, one cappuccino and a muffin, please.",
        "Cocktails: Tom Collins, Rob Roy and a Negroni.",
        "Drinks menu: Shirley Temple, Arnold Palmer, lemonade.",
        "Union Berlin lost 3-1 to Borussia Dortmund last night.",
        "Julia compiles to native code, which is why it beats Python on loops.",
        "The course moved from Pascal to Rust this year.",
        "Jadwal dokter gigi hari Kamis pukul 08.00–11.00.",
    ],
)
def test_things_named_after_people_are_no_person(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Ana's test results came back normal.", "<PERSON>'s test results came back normal."),
        ("Priya's second law exam is on Friday.", "<PERSON>'s second law exam is on Friday."),
        ("Please ask Maria Park to call me back.", "Please ask <PERSON> to call me back."),
        ("Doris Day sang at the gala.", "<PERSON> sang at the gala."),
        ("Luis Garcia Park signed the lease.", "<PERSON> signed the lease."),
        ("Victoria called about the invoice.", "<PERSON> called about the invoice."),
        ("Julia wrote the report in Python.", "<PERSON> wrote the report in Python."),
        ("Dear Julia, the Python course starts Monday.", "Dear <PERSON>, the Python course starts Monday."),
        ("Please email Dr Patel about the results.", "Please email Dr <PERSON> about the results."),
        ("Calvin Klein returned the form yesterday.", "<PERSON> returned the form yesterday."),
        ("One Maria called twice this morning.", "One <PERSON> called twice this morning."),
        ("Specials: Maria Lopez will cook tonight.", "Specials: <PERSON> will cook tonight."),
        ("Menu changes: ask Maria Lopez before Friday.", "Menu changes: ask <PERSON> before Friday."),
        ("Rua Kenana called about the parcel.", "<PERSON> called about the parcel."),
        ("hablé con maria fernanda ayer por la tarde", "hablé con <PERSON> ayer por la tarde"),
        ("Tom Baker lost 4-6 to Ana Lopez in the final.", "<PERSON> lost 4-6 to <PERSON> in the final."),
        ("Julia is faster than me at Python.", "<PERSON> is faster than me at Python."),
        ("talked to hari yesterday about the refund", "talked to <PERSON> yesterday about the refund"),
        ("Tom Baker watches the kids on Fridays.", "<PERSON> watches the kids on Fridays."),
        ("Ana Souza shops at Lidl every week.", "<PERSON> shops at Lidl every week."),
        (
            "John says the update broke it. Mary counters with logs, but John's point stands.",
            "<PERSON> says the update broke it. <PERSON> counters with logs, but <PERSON>'s point stands.",
        ),
    ],
)
def test_people_next_to_the_same_shapes_stay_people(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted
