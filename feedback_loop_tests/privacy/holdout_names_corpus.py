"""A small hold-out for PERSON and ADDRESS, kept apart from the corpus the detectors were tuned on.

Written after the detectors, from how support chats, e-mails and web forms carry names and addresses, with names
and street names that the tuning corpus (:mod:`feedback_loop.privacy.corpus`) does not hold, and templates of
its own. Its first measurement is in the test that reads it; the detectors were not changed after it.
"""

from __future__ import annotations

import random

from feedback_loop.privacy.corpus import CorpusSentence, PlantedIdentifier

NAMES = (
    "Emeka Nwachukwu",
    "Sunniva Haugen",
    "Rustam Karimov",
    "Parisa Ahmadi",
    "Tomás Ó Ceallaigh",
    "Ilse Brouwer",
    "Gulnara Abenova",
    "Kofi Boateng",
    "Anjali Menon",
    "Yerlan Suleimenov",
    "Rosa Quispe",
    "Mateus Figueiredo",
    "Aiko Morimoto",
    "Jae-won Lim",
    "Duong Thi Hoa",
    "Amara Diallo",
    "Tariq Mahmood",
    "Ewa Grabowska",
    "Nikos Papadopoulos",
    "Leena Mäkinen",
    "Santiago Herrera",
    "Oksana Bondarenko",
    "Rangi Te Kanawa",
    "Chiamaka Obi",
    "Hamza Benali",
    "Ingeborg Strand",
    "Vusi Khumalo",
    "Priyanka Bhattacharya",
    "Luca Marchetti",
    "Fernanda Rocha",
)
NAME_TEMPLATES = (
    "Hello, I'm {x} and I can't log in.",
    "Hi {x}! Your replacement ships today.",
    "Kind regards,\n{x}",
    "First name / last name: {x}",
    "Please update the account owner to {x}.",
    "{x} here again, the invoice is still wrong.",
    "I already told {x} about the bug.",
    "Sender: {x}",
    "My manager {x} needs admin rights.",
    "Can {x} pick up the order instead of me?",
)
ADDRESSES = (
    "77 Sycamore Avenue, Columbus, OH 43215",
    "14 Thornbury Road, Bristol BS6 7AE",
    "Lindenstraße 23, 50674 Köln",
    "8 rue des Acacias, 69003 Lyon",
    "Avenida de la Constitución 19, Sevilla",
    "Via Nazionale 41, Roma",
    "Damrak 62, 1012 LM Amsterdam",
    "Rua do Carmo 88, Lisboa",
    "Vasagatan 12, Göteborg",
    "350 Queen St, Brisbane QLD 4000",
    "2205 Riverside Drive, Apt 12C, Austin",
    "PO Box 7781, Anchorage",
)
ADDRESS_TEMPLATES = (
    "My new address is {x}.",
    "Deliver to: {x}",
    "The courier left it at {x} by mistake.",
    "Billing address - {x}",
    "I moved, please use {x} from now on.",
)
CLEAN = (
    "The Enterprise Edition adds Single Sign-On and Audit Logs.",
    "Open Settings > Notifications and turn off Weekly Digest.",
    "Our Android App 5.2.1 fails on the Galaxy Tab S9.",
    "See paragraph 4.2.1.3 of the Data Processing Addendum.",
    "I was a subscriber 02/2018-07/2021 and again since 2023.",
    "Order #B-77120455 and order 9921830412 are both missing.",
    "Apple Music and Spotify Premium both stopped syncing.",
    "Chrome 126 on Windows 11 shows a blank page.",
    "The Holiday Sale ends on Sunday at midnight.",
    "Please escalate ticket HELP-4821 to Tier 2 Support.",
    "We migrated from Jenkins to GitLab CI in Q3 2024.",
    "The Gold Plan costs $19.99 per month.",
    "Visual Studio 2022 17.8.3 crashes when I open the Solution Explorer.",
    "Employment history: 09/2015 - 06/2019, then 2019/07-2022/12.",
    "Release 3.14.2.1 fixes the Export to CSV button.",
)


def generate_names_holdout(seed: int = 0) -> list[CorpusSentence]:
    """Every name in two templates, every address in two, and every clean sentence once; the same for a seed."""
    rng = random.Random(f"feedback-loop/holdout-names:{seed}")
    sentences = []
    for name in NAMES:
        for template in rng.sample(NAME_TEMPLATES, 2):
            sentences.append(CorpusSentence(template.format(x=name), (PlantedIdentifier("PERSON", "holdout", name),)))
    for address in ADDRESSES:
        for template in rng.sample(ADDRESS_TEMPLATES, 2):
            street = address.split(",")[0]
            planted = PlantedIdentifier("ADDRESS", "holdout", address, (street,))
            sentences.append(CorpusSentence(template.format(x=address), (planted,)))
    sentences.extend(CorpusSentence(text, ()) for text in CLEAN)
    return sentences
