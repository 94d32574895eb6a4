"""Names in a CSV export's name columns, Spanish and Portuguese titles, numbered action items, a Dutch sign-off, the
second house number and the floors of Dutch, French and German addresses, and brands of several words named after
people (the twenty-sixth round)."""

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
        # Quoted fields and Windows line ends; a row whose quoted field holds a comma.
        (
            '"first_name","last_name","email"\r\n"Amara","Nwosu","a@x.org"\r\n"Jonas","Weber","j@x.org"',
            '"first_name","last_name","email"\r\n"<PERSON>","<PERSON>","<EMAIL>"\r\n"<PERSON>","<PERSON>","<EMAIL>"',
        ),
        (
            'first_name,last_name,note\nAmara,Nwosu,"called, no answer"\nJonas,Weber,ok',
            'first_name,last_name,note\n<PERSON>,<PERSON>,"called, no answer"\n<PERSON>,<PERSON>,ok',
        ),
        # Titles: Spanish "Dra.", Portuguese "Dona".
        (
            "La cita es con la Dra. Restrepo. Llegar 20 minutos antes.",
            "La cita es con la Dra. <PERSON>. Llegar 20 minutos antes.",
        ),
        ("Falar com a Dona Cida na portaria.", "Falar com a <PERSON> na portaria."),
        # A title opens the next person's name.
        ("La cita es con la Dra. Restrepo y la Dra. Gómez.", "La cita es con la Dra. <PERSON> y la Dra. <PERSON>."),
        # An action item numbered in brackets.
        (
            "Action items: (1) Rosa to confirm new IVR flow with vendor (2) revisit in two weeks",
            "Action items: (1) <PERSON> to confirm new IVR flow with vendor (2) revisit in two weeks",
        ),
        # One who introduces oneself in another language, in lower case, the clause ending after the name.
        (
            "hola soy carmen, quiero saber si ya llegó mi tarjeta",
            "hola soy <PERSON>, quiero saber si ya llegó mi tarjeta",
        ),
        ("oi, aqui é a gabi, mãe do enzo.", "oi, aqui é a <PERSON>, mãe do enzo."),
        ("hallo ich bin jonas, meine Bestellung fehlt", "hallo ich bin <PERSON>, meine Bestellung fehlt"),
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
        "Is Baker McKenzie or Clifford Chance better for a training contract?",
        "The Hello Kitty backpack in pink shows 'Only 2 left'.",
        # CSV exports of things: a column "name" alone beside none that only a person has.
        "sku,name,price\n1,Garden Hose,12.99\n2,Apple Watch,399",
        "id,name,owner\n1,Phoenix,ops\n2,Orion,data",
        # What one is, not who: "soy nueva en la app", "sono stanca".
        "hola, soy nueva en la app y no encuentro el menú",
        "ciao sono stanca, il pacco non arriva",
        # What looks like a unit or a title elsewhere.
        "Chapter 7 bis of the report covers the 3. OG plans.",
        "The array gives 3 MW. Orsted runs it.",
    ],
)
def test_near_misses_of_the_round_stay(text: str) -> None:
    assert Redactor("patterns+ner").redact(text).text == text


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("Tim Horton called about the invoice.", "<PERSON> called about the invoice."),
        ("Calvin Klein returned the form yesterday.", "<PERSON> returned the form yesterday."),
        # A cue before the brand's first word, or a greeting before a name the brand ends with, makes it a person's.
        ("My colleague Jack Daniel's laptop is broken.", "My colleague <PERSON>'s laptop is broken."),
        ("Hello Kitty, can you send me the report?", "Hello <PERSON>, can you send me the report?"),
    ],
)
def test_people_named_like_brands_of_several_words_stay_people(text: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(text).text == redacted
