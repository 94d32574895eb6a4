"""A sixth development set, for the false positives on product and brand names, written for the eighth round of name
work (brands, second pass) before any rule of that round: NOT a hold-out, its figures are in sample.

The fourth set (``dev_brands_corpus.py``) was tuned on in the sixth round; this one checks that what is kept does not
merely fit it. Its clean sentences name brands and products in the places where a person's name also stands: after
the verbs of buying, returning, ordering, calling, installing and updating ("I called Dyson", "we ordered from
Dell"), as a subject before a verb ("Dyson sent a new battery"), before a product noun or a model number ("the
Netgear router", "Peloton subscription", "Roomba j9"), after an article or a possessive ("I returned the Dyson", "my
Roomba"), and as a store's possessive. Its people stand in the same frames, many of them with a given name or a
surname that is a brand too ("Wendy", "Mercedes", "Tiffany", "Ford", "Chanel", "Harley", "Jordan"), so that a rule
that costs names shows. Its author wrote it before running the detector on it and had not read the hold-outs'
sentences.
"""

from __future__ import annotations

from feedback_loop.privacy.corpus import CorpusSentence, PlantedIdentifier

# Clean sentences: no person.
CLEAN = (
    # The object of buying, returning, ordering, calling, installing, updating.
    "I called Dyson about the warranty and waited 40 minutes.",
    "We ordered from Dell in March and the laptops never shipped.",
    "I returned the Dyson because the battery died after a week.",
    "I bought a Peloton in 2023 and the screen went black.",
    "We installed Sonos in every room and only two speakers pair.",
    "Can you update Garmin Express on the office PC?",
    "I emailed Lenovo twice about ticket 55120.",
    "My wife bought Ray-Ban glasses from your site and the lens cracked.",
    "I returned two Fitbits and only one refund arrived.",
    "I charged the Tesla overnight and it only reached 60%.",
    "We switched to Brother printers after the HP ones failed.",
    "I phoned Samsung and they said the fridge is out of warranty.",
    # A brand as the subject of a verb.
    "Dyson sent a replacement battery but not the charger.",
    "Peloton cancelled my membership without warning.",
    "Netgear released firmware 1.0.4.84 for the router last night.",
    "Samsung replaced the screen for free.",
    "Logitech confirmed the mouse is a known fault.",
    "Sony refused the repair because of water damage.",
    "Roomba finished the kitchen but skipped the hallway.",
    "Tiffany resized the ring but it is still too tight.",
    "Chanel discontinued the shade I always buy.",
    "Mercedes quoted 900 for the B service.",
    # Before a product noun or a model number.
    "The Netgear router drops every evening around 8.",
    "My Peloton subscription renewed at the old price.",
    "The Dyson vacuum makes a rattling noise since Tuesday.",
    "Our Lenovo laptops will not dock since the driver update.",
    "The Roomba j9 maps only half of the ground floor.",
    "Bose QuietComfort 45 pairing fails on Android 14.",
    "The Miele washing machine shows error F53.",
    "My Kindle charger stopped working after two weeks.",
    "Harley Davidson jackets are out of stock in XL.",
    "The Ford dealership never returned my call about recall 24V-051.",
    "Jordan sneakers in size 11 shipped in the wrong colour.",
    # After an article or a possessive.
    "My Roomba stopped mapping the living room.",
    "The Dyson is louder than the old Hoover.",
    "Our Sonos keeps losing the Wi-Fi.",
    "I think my Fitbit counts steps when I drive.",
    "The Mercedes had a flat tyre the day after the service.",
    "This Kenwood blender leaks from the bottom.",
    # A store's possessive.
    "Wendy's forgot the fries again.",
    "Kellogg's cereal boxes arrived crushed.",
    "Hellmann's mayonnaise jars leaked in the delivery bag.",
    "I paid at Trader Joe's but the receipt shows a different store.",
    # Capitalised openers, versions, section numbers, date ranges and order numbers next to brands.
    "Unfortunately the Netgear support chat closed before I could reply.",
    "Regarding order 88-2210, the Bose headphones are still missing.",
    "Per section 4.1 of the Dyson warranty, batteries are covered for two years.",
    "Between 02/2024-05/2024 the Peloton classes would not load.",
    "Firmware 3.2.1 bricked two of our Sonos speakers.",
    "Also, the Ring doorbell app logs me out every day.",
    "Honestly Samsung support was great this time.",
)

# People in the same frames: a rule that costs names shows here. (text, planted name)
PEOPLE = (
    # After the verbs of calling, emailing, returning, buying for.
    ("I called Wendy Okafor about the warranty and waited 40 minutes.", "Wendy Okafor"),
    ("I emailed Mercedes Ruiz twice about ticket 55120.", "Mercedes Ruiz"),
    ("I returned the laptop to Oksana Hrytsenko on Monday.", "Oksana Hrytsenko"),
    ("We bought the Dell monitors for Tiffany Nguyen's team.", "Tiffany Nguyen"),
    ("Can you update Jordan Abernathy on ticket 55120?", "Jordan Abernathy"),
    ("I phoned Chanel Brooks and she said the order is out of stock.", "Chanel Brooks"),
    ("I called Dyson Mbeki, the site manager, about the vacuum.", "Dyson Mbeki"),
    # A person as the subject of a verb.
    ("Wendy approved the refund for the Dyson vacuum.", "Wendy"),
    ("Mercedes Alvarez sent the replacement battery but not the charger.", "Mercedes Alvarez"),
    ("Harley Thompson cancelled my membership without warning.", "Harley Thompson"),
    ("Tiffany Osei replaced the screen for free.", "Tiffany Osei"),
    ("Ford Kessler confirmed the mouse is a known fault.", "Ford Kessler"),
    ("Claudette Mwangi refused the repair because of water damage.", "Claudette Mwangi"),
    ("Jordan Pike finished the kitchen install but skipped the hallway.", "Jordan Pike"),
    ("Ruslan Akhmetov quoted 900 for the B service.", "Ruslan Akhmetov"),
    ("Yuki Nakamura resized the ring but it is still too tight.", "Yuki Nakamura"),
    # Given names alone, with a cue or where a person stands.
    ("Hi Mercedes, the Netgear router is on its way.", "Mercedes"),
    ("Thanks, Tiffany! The Peloton class loads now.", "Tiffany"),
    ("Ask Chanel to send the Sonos invoice again.", "Chanel"),
    ("Dear Harley, your Roomba repair is complete.", "Harley"),
    ("Please forward the Bose receipt to Wendy.", "Wendy"),
    ("Tiffany from billing said the Dyson refund takes 5-7 days.", "Tiffany"),
    ("Could Ngozi check the Lenovo order 88-2210?", "Ngozi"),
    ("Is it OK if Dariusz takes over the Samsung ticket?", "Dariusz"),
    ("Not sure if Marisol already told you, but the Kindle charger is faulty.", "Marisol"),
    # Possessives and owners next to products.
    ("Wendy Castillo's Dyson vacuum rattles since Tuesday.", "Wendy Castillo"),
    ("Mercedes Ibarra's Peloton subscription renewed at the old price.", "Mercedes Ibarra"),
    ("The Fitbit belongs to Ford Adeyemi in accounts.", "Ford Adeyemi"),
    ("Chanel Dupont's order 88-2210 shipped without the Bose headphones.", "Chanel Dupont"),
    ("The Mercedes is registered to Harley Okonjo.", "Harley Okonjo"),
    # Forms, sign-offs and e-mail lines next to brands.
    ("Name: Tiffany Amankwah, product: Netgear Orbi RBK752", "Tiffany Amankwah"),
    ("Regards,\nJordan Whitfield\nSonos Customer Care", "Jordan Whitfield"),
    ("Customer: Mercedes Quispe, order 88-2210, Dyson V15", "Mercedes Quispe"),
    ("Technician: Farrukh Tashkentov, Miele washing machine, error F53", "Farrukh Tashkentov"),
    ("Our tech, Nkechi Obiora, installed the Netgear router.", "Nkechi Obiora"),
    ("My colleague Ilse Vandenberghe set up the Sonos speakers.", "Ilse Vandenberghe"),
    ("Kemal Yıldırım ordered two Lenovo laptops for the Izmir office.", "Kemal Yıldırım"),
    ("Thanh Huong Pham returned the Kenwood blender on 2024-03-02.", "Thanh Huong Pham"),
    ("I spoke with Bartosz Wróblewski about the Samsung fridge.", "Bartosz Wróblewski"),
    ("Ana Lúcia Ferreira bought the Ray-Ban glasses for order 55120.", "Ana Lúcia Ferreira"),
)


def generate_dev_brands_corpus_2() -> list[CorpusSentence]:
    """The people's sentences, each with its name planted, then the clean sentences."""
    sentences = [
        CorpusSentence(
            text,
            (PlantedIdentifier("PERSON", "full name" if " " in name else "single word", name, tuple(name.split())),),
        )
        for text, name in PEOPLE
    ]
    return sentences + [CorpusSentence(text, ()) for text in CLEAN]
