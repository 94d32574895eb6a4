"""A third hold-out for PERSON and ADDRESS, and for the clean sentences that look most like them.

Written before the second round of name and address work (the tier split, the company veto, the model's
windows), by the engineer doing that work, from how support chats, e-mails and web forms carry names and
addresses: names of many cultures (none in the tuning corpus :mod:`feedback_loop.privacy.corpus` or in the
first names hold-out), addresses of many countries, and clean sentences full of companies and products named
after people, capitalised words, versions, sections, date ranges and order numbers. Templates of its own.
Its figures are measured, not tuned to: the test that reads it pins the first measurement.
"""

from __future__ import annotations

import random

from feedback_loop.privacy.corpus import CorpusSentence, PlantedIdentifier

# (given name, full name as its culture writes it)
NAMES = (
    ("Chukwuemeka", "Chukwuemeka Eze-Okafor"),
    ("Abebe", "Abebe Bekele"),
    ("Fatuma", "Fatuma Hassan Warsame"),
    ("Nkechi", "Nkechi Okeke"),
    ("Kwame", "Kwame Asante"),
    ("Youssef", "Youssef El Amrani"),
    ("Layla", "Layla Haddad"),
    ("Omar", "Omar Farouk Siddiqui"),
    ("Noa", "Noa Ben-David"),
    ("Reza", "Reza Moradi"),
    ("Elif", "Elif Kaya"),
    ("Burak", "Burak Öztürk"),
    ("Arman", "Arman Petrosyan"),
    ("Nino", "Nino Beridze"),
    ("Aigerim", "Aigerim Nurlanovna"),
    ("Bat-Erdene", "Bat-Erdene Gantulga"),
    ("Karthik", "Karthik Subramanian"),
    ("Lakshmi", "Lakshmi Venkataraman"),
    ("Harpreet", "Harpreet Kaur Gill"),
    ("Sourav", "Sourav Mukherjee"),
    ("Nimal", "Nimal Perera"),
    ("Somchai", "Somchai Srisuk"),
    ("Putri", "Putri Wulandari"),
    ("Nurul", "Nurul Aisyah binti Ismail"),
    ("Jun", "Lim Jun Hao"),
    ("Xiaoming", "Zhou Xiaoming"),
    ("Sung-min", "Yoon Sung-min"),
    ("Takumi", "Takumi Nakamura"),
    ("Thanh", "Hoang Thanh Tung"),
    ("Mele", "Mele Tuilagi"),
    ("Ana", "Ana Lucía Mamani"),
    ("Joaquín", "Joaquín Villalobos"),
    ("Guadalupe", "Guadalupe Ramírez Ortega"),
    ("Thiago", "Thiago Nascimento"),
    ("Aoife", "Aoife Ní Bhriain"),
    ("Rhys", "Rhys Llewellyn"),
    ("Eilidh", "Eilidh MacLeod"),
    ("Sigríður", "Sigríður Jónsdóttir"),
    ("Kalle", "Kalle Lehtonen"),
    ("Kadri", "Kadri Tamm"),
    ("Wojciech", "Wojciech Zieliński"),
    ("Tereza", "Tereza Dvořáková"),
    ("Dragan", "Dragan Jovanović"),
    ("Ioana", "Ioana Popescu"),
    ("Eleni", "Eleni Georgiou"),
    ("Arben", "Arben Hoxha"),
    ("Dmytro", "Dmytro Shevchuk"),
    ("Svetlana", "Svetlana Orlova"),
    ("Mattias", "Mattias Bergström"),
    ("Femke", "Femke de Vries"),
)
# {x}: the full name; {g}: the given name alone.
NAME_TEMPLATES = (
    "Hey support, {x} from accounting again, the export still fails.",
    "Thanks so much, {g}, that fixed it!",
    "From: {x}\nSubject: refund for the March invoice",
    "Account holder name: {x}",
    "Could you transfer this chat to {x}?",
    "My daughter {x} set up the account for me.",
    "Ticket opened by {x} on behalf of the finance team.",
    "Our CFO, {x}, approved the purchase order.",
    "Contact person: {x}, phone on file.",
    "I'm writing on behalf of {x}, who is in hospital.",
    "Cheers,\n{x}\nOperations Lead",
    "Full name* {x}",
    "{x} said the upgrade would be free.",
    "Please let {g} know the parcel arrived.",
    "Signed: {x}",
    "Is {x} still handling our case?",
)
ADDRESSES = (
    "1600 Amphitheatre Parkway, Mountain View, CA 94043",
    "221 Kings Road, Chelsea, London SW3 5EP",
    "Flat 3B, 17 Marchmont Crescent, Edinburgh EH9 1HN",
    "45 Wellington Street West, Toronto, ON M5J 2N7",
    "500 Fifth Avenue, Suite 210, New York, NY 10110",
    "88 Collins Street, Melbourne VIC 3000",
    "12 MG Road, Bengaluru 560001",
    "Schillerstraße 14, 80336 München",
    "Mariahilfer Straße 88, 1070 Wien",
    "Bahnhofstrasse 21, 8001 Zürich",
    "12 avenue des Champs-Élysées, 75008 Paris",
    "9 rue du Rhône, 1204 Genève",
    "Carrer de Mallorca 401, 08013 Barcelona",
    "Piazza Navona 45, 00186 Roma",
    "Rua Garrett 120, 1200-204 Lisboa",
    "Av. Paulista 1578, São Paulo",
    "Prinsengracht 263, 1016 GV Amsterdam",
    "ul. Marszałkowska 84, 00-514 Warszawa",
    "Storgatan 5, 411 38 Göteborg",
    "Karl Johans gate 22, 0159 Oslo",
    "Mannerheimintie 12, 00100 Helsinki",
    "Váci utca 10, 1052 Budapest",
    "PO Box 1234, Wellington 6140",
    "3-2-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo 160-0023",
)
ADDRESS_TEMPLATES = (
    "Please send the replacement to {x}.",
    "Invoice address: {x}",
    "We relocated our office to {x} in June.",
    "Is {x} inside your delivery area?",
    "Ship-to: {x}\nAttn: receiving dock",
)
CLEAN = (
    "We bank with Wells Fargo and Charles Schwab, both exports fail.",
    "Johnson & Johnson and Procter & Gamble both use the API.",
    "The Ford Mustang Mach-E app lost my charging schedule.",
    "Our Dell XPS 15 runs Ubuntu 22.04 and the installer hangs.",
    "Ben & Jerry's bought 40 seats on the Team plan.",
    "Hilton Honors points did not post for booking 88213344.",
    "Chapter 7.2 of the Admin Guide covers Single Sign-On.",
    "Version 2.14.0-rc.3 broke the Salesforce sync.",
    "The Q2 2025 - Q1 2026 roadmap mentions Smart Replies.",
    "I paid with Apple Pay at the Tim Hortons on the corner.",
    "Goldman Sachs and Morgan Stanley asked for SOC 2 reports.",
    "My Tommy Hilfiger order 4471-2290-33 arrived damaged.",
    "The Louis Vuitton and Calvin Klein stores use our kiosk app.",
    "Deloitte audited us from 2019 to 2023.",
    "The Harley-Davidson dealer portal shows error 503.",
    "Ernst & Young needs read access until 31/12/2025.",
    "Philips Hue bulbs disconnect after firmware 1.108.7.",
    "The Dyson V15 warranty page is blank in Firefox 128.",
    "Walt Disney World tickets were charged twice.",
    "Please review section 4.3.2 of the Master Services Agreement.",
    "Employment: 03/2012 - 08/2016 at Siemens, then Bosch.",
    "Our Mercedes-Benz fleet account renews on 2026-01-15.",
    "Estée Lauder and Ralph Lauren both appear twice in the vendor list.",
    "We moved from Zendesk to Freshdesk in Q4 2024.",
    "Order ORD-2025-118842 shipped with Royal Mail.",
    "Lloyds Bank rejected the direct debit DD-55821.",
    "The McDonald's franchise dashboard loads slowly.",
    "Rolls-Royce engineers reported bug PRJ-1192.",
    "Dow Jones data feeds lag by 15 minutes.",
    "The Victoria Line closure delayed our courier.",
    "Black Friday and Cyber Monday traffic doubled.",
    "Open Billing > Payment Methods > Add Card.",
    "Jenkins build 4521 failed on the Windows Server 2022 agent.",
    "The Grand Canyon tour booking page shows the wrong price.",
    "Marks & Spencer gift cards cannot be redeemed online.",
    "Hugo Boss returns take 14 days.",
    "Kellogg's and Nestlé are on the Enterprise tier.",
    "Our office is near Central Park, the Wi-Fi is fine.",
    "The Jackson Hole meeting notes are in Confluence.",
    "Thomson Reuters changed their API keys format.",
)


def generate_people_places_holdout(seed: int = 0) -> list[CorpusSentence]:
    """Every name in two templates, every address in two, every clean sentence once; the same for a seed."""
    rng = random.Random(f"feedback-loop/holdout-people-places:{seed}")
    sentences = []
    for given, full in NAMES:
        for template in rng.sample(NAME_TEMPLATES, 2):
            value = given if "{g}" in template else full
            text = template.format(x=full, g=given)
            sentences.append(CorpusSentence(text, (PlantedIdentifier("PERSON", "holdout", value),)))
    for address in ADDRESSES:
        for template in rng.sample(ADDRESS_TEMPLATES, 2):
            street = address.split(",")[1 if address.startswith("Flat") else 0].strip()
            planted = PlantedIdentifier("ADDRESS", "holdout", address, (street,))
            sentences.append(CorpusSentence(template.format(x=address), (planted,)))
    sentences.extend(CorpusSentence(text, ()) for text in CLEAN)
    return sentences
