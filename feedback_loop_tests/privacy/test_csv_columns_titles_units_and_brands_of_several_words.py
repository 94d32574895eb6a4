"""Names in a CSV export's name columns, Spanish, Portuguese and Dutch titles, an Italian intercom's name, numbered
action items, a Dutch sign-off, the second house number and the floors of Dutch, French and German addresses, and
brands of several words named after people (the twenty-sixth round)."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        # A CSV export: the values of its name columns, on the rows under the header.
        (
            "contact_id,first_name,last_name,company,stage\n88213,Siyabonga,Ndlovu,Ubuntu Logistics,Qualified\n"
            "88214,Astrid,Berg,Nordlys AS,Proposal",
            "contact_id,first_name,last_name,company,stage\n88213,<PERSON>,<PERSON>,Ubuntu Logistics,Qualified\n"
            "88214,<PERSON>,<PERSON>,Nordlys AS,Proposal",
        ),
        (
            "lead_id,name,stage,owner\n7781,Sakura Hayashi,viewing booked,unassigned\n7782,—,new,unassigned",
            "lead_id,name,stage,owner\n7781,<PERSON>,viewing booked,unassigned\n7782,—,new,unassigned",
        ),
        # Titles: Spanish "Dra.", Portuguese "Dona".
        (
            "La cita es con la Dra. Restrepo. Llegar 20 minutos antes.",
            "La cita es con la Dra. <PERSON>. Llegar 20 minutos antes.",
        ),
        ("Falar com a Dona Cida na portaria.", "Falar com a <PERSON> na portaria."),
        # The name on an Italian intercom.
        ("Consegna in via Roma 3. Citofonare Marchetti.", "Consegna in <ADDRESS>. Citofonare <PERSON>."),
        (
            "Indirizzo di spedizione: Via Po 5 – citofono Rinaldi",
            "Indirizzo di spedizione: <ADDRESS> – citofono <PERSON>",
        ),
        # An action item numbered in brackets.
        (
            "Action items: (1) Rosa to confirm new IVR flow with vendor (2) revisit in two weeks",
            "Action items: (1) <PERSON> to confirm new IVR flow with vendor (2) revisit in two weeks",
        ),
        # A Dutch letter's sign-off.
        ("Groet,\nFemke de Vries", "Groet,\n<PERSON>"),
        # A house's second number after a space, a French building, a German floor.
        (
            "Te huur: studio aan de Oudegracht 158 bis, 3511 AZ Utrecht, € 1.095 per maand.",
            "Te huur: studio aan de <ADDRESS>, € 1.095 per maand.",
        ),
        (
            "Adresse de livraison : 18 rue des Martyrs, bâtiment B, 75009 Paris. Digicode 4B21A.",
            "Adresse de livraison : <ADDRESS>. Digicode 4B21A.",
        ),
        (
            "Praxis Dr. Weber, Am Kirchberg 7a, 3. OG, 80335 München. Aufzug vorhanden.",
            "Praxis Dr. <PERSON>, <ADDRESS>. Aufzug vorhanden.",
        ),
    ],
)
def test_names_and_addresses_of_the_round_are_redacted(text: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(text).text == redacted


@pytest.mark.parametrize(
    "text",
    [
        # A sentence after a field, in lower case, is no name.
        "Customer: where's my refund??",
        # Brands of several words named after people, whole or in part.
        "Tim Hortons and Starbucks both opened across from the station.",
        "Jack Daniel's distillery tour as a team-building day: is Lynchburg too far?",
        "Can I return Dr. Martens boots bought in the sale?",
        "Is Baker McKenzie or Clifford Chance better for a training contract?",
        "The Hello Kitty backpack in pink shows 'Only 2 left'.",
        # A CSV export of things, and what looks like a unit elsewhere.
        "sku,name,price\n1,Garden Hose,12.99\n2,Apple Watch,399",
        "Il citofono Samsung non funziona.",
        "Chapter 7 bis of the report covers the 3. OG plans.",
    ],
)
def test_near_misses_of_the_round_stay(text: str) -> None:
    assert Redactor("patterns+ner").redact(text).text == text


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("Tim Horton called about the invoice.", "<PERSON> called about the invoice."),
        ("Calvin Klein returned the form yesterday.", "<PERSON> returned the form yesterday."),
    ],
)
def test_people_named_like_brands_of_several_words_stay_people(text: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(text).text == redacted
