"""Units and things that talk, stops of a journey, and shops and brands where a person's name stands (the
nineteenth round), and people in the same places."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    "sentence",
    [
        # A capital letter alone is a unit or a grade, whatever follows it.
        "The box sat at 95°F here for hours.",
        "It was 41°C here yesterday, so pack it with ice.",
        "Plan B says we refund the postage.",
        # An everyday noun that talks.
        "Dashboard said the courier was on the way.",
        "Website says in stock, but the basket disagrees.",
        "Tracking says 'awaiting collection'.",
        "Timetable said the coach leaves at nine.",
        "Notebook says the battery is low, and the courier is late.",
        # Stops of a journey: between "from" and "to", where a traveller lands or departs, and stations.
        "Ferry from Patras to Corfu was cancelled, can I rebook?",
        "Trying to fly from Adelaide to Chelsea next week with one stop.",
        "My train from Victoria to Florence leaves at 9.",
        "Our plane lands at Indira Gandhi at 6am, then the shuttle into town.",
        "We arrive at Chhatrapati Shivaji Maharaj–Mumbai, then take the train to Milano Centrale.",
        "Flight from Ninoy Aquino to Kingsford Smith was delayed 4 hours.",
        "Departing from Jorge Chávez at 08:10, is the airport shuttle running?",
        "Arriving at Ngurah Rai–Denpasar late, then a taxi.",
        "Then the tram to Lucia Terminus.",
        "Pick up from Lucia Terminus, by the kiosk.",
        # Shops and brands: a model's number, goods after a brand, a shop that sells for less or price-matches.
        "Exchange request: Levi's 505 runs small.",
        "Wrangler's fine but Levi's 514 too tight.",
        "Kate Spade tote: zip broken on arrival.",
        "Ralph Lauren wallet missing from the box.",
        "Ted Baker has the same coat £15 cheaper, will you price-match it?",
        "Nordstrom's stocks the same boots for less. Do you price-match?",
        "Belk's sells the same lamp for $15 less, do you price-match?",
        "Ollie's sells this rug for less.",
        "Dillard's price-matches online retailers, do you?",
    ],
)
def test_units_journeys_and_shops_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # A name no list holds, before what a person does.
        ("Chidi says the parcel is late.", "<PERSON> says the parcel is late."),
        ("Sione here, calling about my order.", "<PERSON> here, calling about my order."),
        # People on a journey: with a traveller, after a title, between people, after a cue.
        (
            "Booked a flight from Bergen with Astrid Haugen, need the receipt.",
            "Booked a flight from Bergen with <PERSON>, need the receipt.",
        ),
        ("Please put the ferry booking under Mr. Mensah.", "Please put the ferry booking under Mr. <PERSON>."),
        ("Please transfer the ferry seat to Mrs. Boateng.", "Please transfer the ferry seat to Mrs. <PERSON>."),
        (
            "Can you move the flight booking from Zofia Lis to Piotr Zając?",
            "Can you move the flight booking from <PERSON> to <PERSON>?",
        ),
        (
            "On the train to Gdańsk with my son Jan today.",
            "On the train to Gdańsk with my son <PERSON> today.",
        ),
        ("The bus to Amelia Earhart's hometown was cancelled.", "The bus to <PERSON>'s hometown was cancelled."),
        # Money between people in a sentence about a journey.
        (
            "The bank transfer from Tom Baker to Ana Costa failed, so the flight is unpaid.",
            "The bank transfer from <PERSON> to <PERSON> failed, so the flight is unpaid.",
        ),
        ("Please transfer £40 from Tom Baker to Ana Costa.", "Please transfer £40 from <PERSON> to <PERSON>."),
        # People who have or sell goods, with no price match asked for; what a person's possessive owns.
        (
            "Zofia Lis has the same toaster, she got it last week.",
            "<PERSON> has the same toaster, she got it last week.",
        ),
        ("Tom's 300 points expired.", "<PERSON>'s 300 points expired."),
        ("Ana's stocks fell today.", "<PERSON>'s stocks fell today."),
        ("Hiroshi Tanaka's jeans were returned.", "<PERSON>'s jeans were returned."),
        ("Marta Nowak's handbags were stolen.", "<PERSON>'s handbags were stolen."),
    ],
)
def test_people_next_to_units_journeys_and_shops_are_still_found(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted
