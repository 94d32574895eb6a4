"""Addresses of more countries' shapes: a unit and plot in an East African industrial area or a Gulf free zone, the
warehouse's gate and loading bay after a dash; Egypt's house before a numbered street and its Corniche; Central
America's kilometre of a highway, its condominium and house; a Philippine floor by its name, a building's
own name and a street with no number before the town and postcode; a Kenyan flat by its block letter; a Ghanaian
house given by a landmark; Danish streets whose word is joined to the name in its definite form; Taiwan's floor and
flat before the house number. Numbers near those words in clean text stay."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # A unit and plot in an industrial area, the area standing for the street.
        (
            "Invoice to Unit 2, Plot 61, Mbarara Industrial Area, Mbarara.",
            "Invoice to <ADDRESS>.",
        ),
        (
            "The spare parts ship from Unit 14, Plot 17, Luzira Industrial Area, Kampala, Uganda.",
            "The spare parts ship from <ADDRESS>.",
        ),
        # A warehouse in a free zone, its gate and loading bay after a dash.
        (
            "Pickup from Warehouse 27, Hamriyah Free Zone, Sharjah — gate 2, loading bay D.",
            "Pickup from <ADDRESS>.",
        ),
        (
            "Return the pallets to Warehouse 8, KIZAD Free Zone North, Abu Dhabi, UAE — gate 11, dock 3.",
            "Return the pallets to <ADDRESS>.",
        ),
        # Egypt: the house before a numbered street, and the Corniche.
        (
            "Please move my gas account to 41 Street 206, Degla, Maadi, Cairo.",
            "Please move my gas account to <ADDRESS>.",
        ),
        (
            "The landlord's flat is 3 Road 87, Sarayat, Giza.",
            "The landlord's flat is <ADDRESS>.",
        ),
        (
            "My internet bill still goes to 4 Nile Corniche, Zamalek, Cairo, but I moved.",
            "My internet bill still goes to <ADDRESS>, but I moved.",
        ),
        (
            "The pharmacy is at 26 Corniche El Maadi, Cairo, open late.",
            "The pharmacy is at <ADDRESS>, open late.",
        ),
        # Central America: a highway's kilometre, the condominium and the house.
        (
            "Bring the documents to Km 21.5 Carretera a Fraijanes, Condominio Vista Real, casa 9, Guatemala.",
            "Bring the documents to <ADDRESS>.",
        ),
        (
            "Our farm stand is at km 7 Ruta al Atlántico, Residencial Las Brisas, casa 31, Chinautla.",
            "Our farm stand is at <ADDRESS>.",
        ),
        # The Philippines: a floor by its name, a building's own name, a street with no number.
        (
            "Send docs: Upper Ground Floor, Eton Centris, Mindanao Avenue, Pasig City 1605.",
            "Send docs: <ADDRESS>.",
        ),
        (
            "Our clinic: Mezzanine Floor, Ayala Triangle Gardens Tower, Don Chino Roces Avenue, Makati City 1226.",
            "Our clinic: <ADDRESS>.",
        ),
        # Kenya: the flat by its block letter, the landmark opposite.
        (
            "Deliver to Riverside Heights, Apartment C3, James Gichuru Road, opposite Valley Arcade, Nairobi.",
            "Deliver to <ADDRESS>.",
        ),
        # Ghana: the house, the neighbourhood and a landmark, the town after them.
        (
            "Bring it to house 47, Nima, behind the police station, Accra.",
            "Bring it to <ADDRESS>.",
        ),
        (
            "The tailor is at shop 5, Kejetia, opposite the lorry park, Kumasi. Ask for the blue door.",
            "The tailor is at <ADDRESS>. Ask for the blue door.",
        ),
        # Denmark: the street word joined to the name, the postcode and district after.
        (
            "Is the flat at 9 Østergaden, 1100 København K still free?",
            "Is the flat at <ADDRESS> still free?",
        ),
        (
            "Our summer rental was 3 Kystvejen, 8000 Aarhus.",
            "Our summer rental was <ADDRESS>.",
        ),
        (
            "The flat we rented was 27 Vestergaden, 5000 Odense.",
            "The flat we rented was <ADDRESS>.",
        ),
        # Taiwan: the floor and the flat before the house number.
        (
            "The office is 5F-2, 88 Xinyi Road, Da'an District, Taipei 106.",
            "The office is <ADDRESS>.",
        ),
        # Guards: numbers near those words in clean text, and a person's name between an address's parts.
        ("Apartment 3 of the plan has 2 bedrooms.", "Apartment 3 of the plan has 2 bedrooms."),
        (
            "Plot 5 of the story was weak, and gate 4 closed early.",
            "Plot 5 of the story was weak, and gate 4 closed early.",
        ),
        (
            "Our warehouse holds 12 pallets, and road 9 is closed.",
            "Our warehouse holds 12 pallets, and road 9 is closed.",
        ),
        ("We walked 11 km along the Carretera a Fraijanes.", "We walked 11 km along the Carretera a Fraijanes."),
        ("Strandvejen is lovely in 2100 words or less.", "Strandvejen is lovely in 2100 words or less."),
        ("The 2 free zones near Dubai employ 40,000 people.", "The 2 free zones near Dubai employ 40,000 people."),
        ("Flat 4, John Smith, Baker Street, London NW1 6XE.", "<ADDRESS>, <PERSON>, <ADDRESS>."),
    ],
)
def test_free_zones_egyptian_central_american_danish_and_taiwanese_addresses(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact_many([sentence])[0].text == redacted
