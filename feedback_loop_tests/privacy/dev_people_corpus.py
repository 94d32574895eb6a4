"""A development set for PERSON: names of many cultures in support chats, e-mails and forms, and clean sentences
of companies and products named after people. NOT a hold-out: the third round of name work (the name-shape
score, the person positions of :mod:`feedback_loop.privacy.names`) was tuned on it, so its figures are in sample.

Written for that round, before it, from names none of the hold-outs or the tuning corpus holds; about half of
them have no word in ``faker``'s name lists (the case the rules and lists could not see). Templates of its own,
most with no cue word a rule knew then ("Can ... collect", "... called earlier", "... and I share").
"""

from __future__ import annotations

import random

from feedback_loop.privacy.corpus import CorpusSentence, PlantedIdentifier

# (given name, full name as its culture writes it)
NAMES = (
    ("Oluwatoyin", "Oluwatoyin Bankole"),
    ("Chiamaka", "Chiamaka Nwosu"),
    ("Tendai", "Tendai Moyo"),
    ("Kofi", "Kofi Mensah"),
    ("Mulugeta", "Mulugeta Tesfaye"),
    ("Hodan", "Hodan Abdi Farah"),
    ("Zanele", "Zanele Khumalo"),
    ("Babajide", "Babajide Ogunleye"),
    ("Wambui", "Wambui Githinji"),
    ("Aminata", "Aminata Diallo"),
    ("Moussa", "Moussa Coulibaly"),
    ("Tariq", "Tariq Al-Mansouri"),
    ("Yasmin", "Yasmin Khoury"),
    ("Hamza", "Hamza Qureshi"),
    ("Farida", "Farida Rahmonova"),
    ("Timur", "Timur Abdullayev"),
    ("Dilnoza", "Dilnoza Yusupova"),
    ("Nursultan", "Nursultan Zhakupov"),
    ("Parisa", "Parisa Jafari"),
    ("Kaveh", "Kaveh Amini"),
    ("Yael", "Yael Mizrahi"),
    ("Aditya", "Aditya Kulkarni"),
    ("Meenakshi", "Meenakshi Sundaram"),
    ("Gurpreet", "Gurpreet Singh Sandhu"),
    ("Nusrat", "Nusrat Jahan"),
    ("Chathura", "Chathura Wickramasinghe"),
    ("Bishnu", "Bishnu Shrestha"),
    ("Divya", "Divya Nair"),
    ("Yuqing", "Chen Yuqing"),
    ("Wenjie", "Liang Wenjie"),
    ("Haruka", "Sato Haruka"),
    ("Ryota", "Ryota Fujimoto"),
    ("Ji-woo", "Park Ji-woo"),
    ("Long", "Nguyen Van Long"),
    ("Siriporn", "Siriporn Chaiyasit"),
    ("Dewi", "Dewi Lestari"),
    ("Agus", "Agus Setiawan"),
    ("Zaw", "Zaw Min Htet"),
    ("Sokha", "Sokha Chea"),
    ("Ciarán", "Ciarán Ó Dálaigh"),
    ("Gwenllian", "Gwenllian Pryce"),
    ("Hamish", "Hamish Sinclair"),
    ("Ingvild", "Ingvild Haugen"),
    ("Jukka", "Jukka Mäkinen"),
    ("Tõnu", "Tõnu Kask"),
    ("Rūta", "Rūta Kazlauskienė"),
    ("Zsolt", "Zsolt Horváth"),
    ("Miroslav", "Miroslav Novotný"),
    ("Bogdan", "Bogdan Ionescu"),
    ("Ljubica", "Ljubica Petrović"),
    ("Georgios", "Georgios Papadakis"),
    ("Iker", "Iker Etxeberria"),
    ("Maëlle", "Maëlle Le Goff"),
    ("Oksana", "Oksana Kovalenko"),
    ("Xóchitl", "Xóchitl Hernández"),
    ("Tupac", "Tupac Quispe"),
    ("Itzel", "Itzel Cárdenas"),
    ("Leandro", "Leandro Farias"),
    ("Wiremu", "Wiremu Kereama"),
    ("Sione", "Sione Fifita"),
    ("Kalani", "Kalani Akana"),
    ("Dakota", "Dakota Yazzie"),
)
# {x}: the full name; {g}: the given name alone.
NAME_TEMPLATES = (
    "Can {x} collect the parcel on Friday instead of me?",
    "{x} called earlier about the duplicate charge.",
    "I'm {x} and I can't log in since the update.",
    "Please add {x} as a second user on our plan.",
    "Hello {g}, your ticket has been escalated.",
    "The invoice should be addressed to {x}, not to me.",
    "{x} and I share the family subscription.",
    "Name on card: {x}",
    "Kind regards\n{x}\nHead of IT",
    "Our new admin is {x}, please give them access.",
    "{g} mentioned you could extend the trial.",
    "Change the account owner to {x}.",
    "I work with {x} on the marketing team.",
    "Reservation under {x}, two guests.",
    "{x}'s laptop won't sync with the app.",
    "Was the refund approved by {x}?",
    "Applicant: {x}",
    "Driver {x} left the package at the door.",
    "Please remove {x} from the mailing list.",
    "Hi team, {x} here, quick question about exports.",
    "Who is {x}? Someone with that name logged into my account.",
    "Thanks {g}!",
    "I'd like to speak to {x} again, they were very helpful.",
    "Emergency contact {x}",
    "Booked by {x} for the Berlin workshop.",
    "{x}\nSenior Buyer, Procurement",
    "The parcel was signed for by {x}.",
    "We hired {x} last week and they need a license.",
)
CLEAN = (
    "Ted Baker and Kate Spade both list us as their POS vendor.",
    "The Michael Kors outlet scanner drops every tenth barcode.",
    "Our Jimmy Choo store in Milan syncs inventory twice a day.",
    "Paul Smith ordered 12 more terminals for the autumn season.",
    "We integrated Marc Jacobs and Tory Burch last quarter.",
    "The John Deere telematics export is missing the fuel column.",
    "John Lewis gift vouchers are not accepted at checkout.",
    "Jack Daniel's distillery tours are booked through our widget.",
    "Dr Pepper is listed twice in the supplier catalogue.",
    "Trader Joe's and Sam's Club use the same store template.",
    "Betty Crocker recipes import with broken images.",
    "Edward Jones advisors cannot open the shared folder.",
    "Merrill Lynch statements fail to parse since Tuesday.",
    "Hewlett Packard Enterprise renewed for three years.",
    "Kenneth Cole and Vera Wang are new wholesale accounts.",
    "Stella McCartney asked for a carbon report per shipment.",
    "The Martha Stewart subscription box page shows a 404.",
    "Ben Sherman jackets were shipped to the wrong warehouse.",
    "The Adobe Acrobat plugin crashes in Microsoft Teams.",
    "Google Sheets import stops at 50,000 rows.",
    "Single Sign-On with Okta fails after the 3.2.1 release.",
    "Priority Support tickets are answered within 4 hours.",
    "Custom Fields disappeared from the Advanced Search panel.",
    "The Pixel 8 Pro app freezes on the Payment Methods screen.",
    "See clause 12.4.1 of the Data Processing Addendum.",
    "Contract term 04/2021-03/2024, renewal pending.",
    "Order SO-2024-77120 was split into two shipments.",
    "Windows Server 2019 hosts report error 0x80070005.",
    "We migrated from Atlassian Jira to Linear in March.",
    "The Sunday Times subscription bundle is double billed.",
    "Our Volvo XC60 fleet app lost the trip history.",
    "Henry Schein dental kits are out of stock in the portal.",
    "Estée Lauder Companies needs a W-9 form from us.",
    "The Abbott Laboratories tender closes on 14 February.",
    "Johnson Controls sensors report temperatures in Fahrenheit.",
    "Warner Bros Discovery streams buffer on the Smart TV app.",
    "Kraft Heinz and Mondelez joined the beta.",
    "The Ritz-Carlton booking engine rejects our API key.",
    "Dunkin' Donuts loyalty points vanished after the merge.",
    "Cartier and Bulgari want the boutique dashboard in French.",
)


def generate_dev_people_corpus(seed: int = 0) -> list[CorpusSentence]:
    """Every name in three templates, every clean sentence once; the same for a seed."""
    rng = random.Random(f"feedback-loop/dev-people:{seed}")
    sentences = []
    for given, full in NAMES:
        for template in rng.sample(NAME_TEMPLATES, 3):
            value = given if "{g}" in template else full
            text = template.format(x=full, g=given)
            sentences.append(CorpusSentence(text, (PlantedIdentifier("PERSON", "dev", value),)))
    sentences.extend(CorpusSentence(text, ()) for text in CLEAN)
    return sentences
