"""A second development set for PERSON, written for the fourth round of name work before it was tuned: NOT a
hold-out, its figures are in sample.

The first development set (dev_people_corpus.py) reached 371 of 372 names, so it could no longer tell one change
from another. This one was written from what support chats, e-mails and forms hold, before any rule of the round:
given names alone in mid-sentence, names on a form's line or under its label, e-mail headers and sign-offs, names
written surname first, with an initial or with the surname in capitals; and clean sentences where products, teams
and places stand where names stand. Its names are none of the first set's (but one surname, Ionescu), and its author
had not read the hold-outs' sentences.
"""

from __future__ import annotations

import random

from feedback_loop.privacy.corpus import CorpusSentence, PlantedIdentifier

# (given name, surname): 31 of the 40 with a word that faker's name lists do not hold.
NAMES = (
    ("Adaeze", "Okonkwo"),
    ("Kwabena", "Asante"),
    ("Thandeka", "Zulu"),
    ("Njeri", "Kamau"),
    ("Abebe", "Bekele"),
    ("Fatoumata", "Traoré"),
    ("Ikaika", "Kahananui"),
    ("Tavita", "Faleolo"),
    ("Aroha", "Ngata"),
    ("Leilani", "Kealoha"),
    ("Rustam", "Karimov"),
    ("Gulnara", "Sadykova"),
    ("Arash", "Tehrani"),
    ("Noor", "Haddad"),
    ("Efrat", "Ben-David"),
    ("Selin", "Yıldırım"),
    ("Vikram", "Raghunathan"),
    ("Lakshmi", "Venkataraman"),
    ("Harpreet", "Gill"),
    ("Tashi", "Dorji"),
    ("Sunil", "Perera"),
    ("Mei-Ling", "Tsai"),
    ("Shota", "Nakamura"),
    ("Seo-yeon", "Kim"),
    ("Thi Hoa", "Pham"),
    ("Somchai", "Saetang"),
    ("Rizal", "Hakim"),
    ("Maile", "Tuilagi"),
    ("Eilidh", "MacLeod"),
    ("Siobhán", "Ní Bhriain"),
    ("Bronwen", "Rhys"),
    ("Sigrún", "Jónsdóttir"),
    ("Maarit", "Korhonen"),
    ("Dorota", "Wiśniewska"),
    ("Radu", "Ionescu"),
    ("Zsófia", "Kertész"),
    ("Xochitl", "Huerta"),
    ("Inti", "Mamani"),
    ("Thiago", "Albuquerque"),
    ("Nayeli", "Begay"),
)

# Templates with {given} (a given name alone) or {full} ("given surname"), or the other ways a name is written.
TEMPLATES = (
    # A given name alone in mid-sentence.
    "I'll check with {given} tomorrow and get back to you.",
    "{given} and I both get the same error on login.",
    "My manager {given} approved the upgrade last week.",
    "Yesterday {given} reset the password for me, but it expired again.",
    "Could {given} get admin access too?",
    "Not sure if {given} already told you, but the invoice is wrong.",
    "When {given} logs in, the dashboard is blank.",
    "Is it OK if {given} takes over this ticket?",
    "Assign the ticket to {given}, please.",
    "Send the PDF to {given}, she handles payroll.",
    "Hey {given}, thanks for the quick reply!",
    # Full names in chats and e-mails.
    "Please loop in {full} from procurement.",
    "Our CFO, {full}, needs the report by Friday.",
    "{full} (accounts) is the right contact for refunds.",
    "From: {full}\nSent: Tuesday\nSubject: login problem",
    "On Tue, 3 Mar 2026, {full} wrote:\n> the export fails again",
    "Cheers,\n{given}",
    "Best regards\n{full}\nOperations",
    "The parcel was signed for by {full} at reception.",
    "Meeting notes: {full} will migrate the users next sprint.",
    # Forms.
    "Full name*\n{full}",
    "Account holder - {full}",
    "Contact person: {full}",
    "Recipient | {full} | Building C",
    # Other ways of writing a name.
    "Holder: {surname}, {given}",
    "Passenger {SURNAME} {given} missed the connection.",
    "The licence is registered to {initial}. {surname}.",
)

# Products, teams, places and features where a name could stand: nothing here is a person.
CLEAN = (
    "I'll check with Procurement tomorrow and get back to you.",
    "Zendesk and I both get the same error on login.",
    "My manager approved the Okta upgrade last week.",
    "Yesterday Intune reset the password for me, but it expired again.",
    "Could Tableau get admin access too?",
    "Not sure if Finance already told you, but the invoice is wrong.",
    "When Bitbucket logs in, the dashboard is blank.",
    "Is it OK if Tier 2 takes over this ticket?",
    "Assign the ticket to Billing, please.",
    "Send the PDF to Payroll, they handle it.",
    "Please loop in Legal from procurement.",
    "Our CFO needs the Looker report by Friday.",
    "Workday (accounts) is the right tool for refunds.",
    "From: Notifications\nSent: Tuesday\nSubject: login problem",
    "Best regards\nCustomer Success\nOperations",
    "The parcel was signed for at Reception Desk B.",
    "Meeting notes: Azure AD will migrate the users next sprint.",
    "Account holder - Northwind Traders",
    "Contact person: see Vendor Portal",
    "Recipient | Warehouse Dock | Building C",
    "The licence is registered to Contoso Pharma.",
    "Monday.com and Asana both sync with Outlook.",
    "Tarkov Arena crashed after the Kraken Update.",
    "The Lisbon office uses Sage Intacct for payroll.",
    "Grafana Loki drops logs from Kubernetes pods.",
    "Rufus Labs sent the Ring Doorbell firmware.",
    "Hootsuite Insights shows zero reach since Tuesday.",
    "Cloudflare Tunnel disconnects every hour.",
    "The Kilimanjaro plan includes Priority Support.",
    "Patagonia Provisions ordered twelve licences.",
)


def generate_dev_people_corpus_2(seed: int = 0) -> list[CorpusSentence]:
    """Every template filled with names chosen by ``seed`` (each name three times), then the clean sentences."""
    rng = random.Random(f"feedback-loop/dev-people-2:{seed}")
    sentences = []
    slots = [name for name in NAMES for _ in range(3)]
    rng.shuffle(slots)
    templates = [TEMPLATES[position % len(TEMPLATES)] for position in range(len(slots))]
    for (given, surname), template in zip(slots, templates, strict=True):
        full = f"{given} {surname}"
        text = template.format(given=given, full=full, surname=surname, SURNAME=surname.upper(), initial=given[0])
        if "{SURNAME}" in template:
            planted = (PlantedIdentifier("PERSON", "surname in capitals", f"{surname.upper()} {given}", (given,)),)
        elif "{given}" in template and "{surname}" not in template and "{full}" not in template:
            planted = (PlantedIdentifier("PERSON", "given name", given),)
        elif "{surname}, {given}" in template:
            planted = (PlantedIdentifier("PERSON", "surname first", f"{surname}, {given}", (surname, given)),)
        elif "{initial}" in template:
            planted = (PlantedIdentifier("PERSON", "initial", f"{given[0]}. {surname}", (surname,)),)
        else:
            planted = (PlantedIdentifier("PERSON", "full name", full, (given, surname)),)
        sentences.append(CorpusSentence(text, planted))
    sentences += [CorpusSentence(text, ()) for text in CLEAN]
    return sentences
