"""Names that introductions of more languages, a sign-off after a dash, a role's field, an affiliation after a comma
or a person's possessive announce (the eighteenth round's second hold-out)."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # "My name is" and "this is ..." on the phone in more languages.
        (
            "Dzień dobry, nazywam się Agnieszka Wróblewska-Kowal i mam problem z fakturą.",
            "Dzień dobry, nazywam się <PERSON> i mam problem z fakturą.",
        ),
        (
            "Olá, aqui é o João Pedro Almeida da Costa, preciso de ajuda com a fatura.",
            "Olá, aqui é o <PERSON>, preciso de ajuda com a fatura.",
        ),
        (
            "Goedendag, u spreekt met Sanne van den Berg. Mijn pakket is niet aangekomen.",
            "Goedendag, u spreekt met <PERSON>. Mijn pakket is niet aangekomen.",
        ),
        ("Hei, Ingrid Solberg her. Appen krasjer hver gang.", "Hei, <PERSON> her. Appen krasjer hver gang."),
        (
            "Hej, Sara Lindqvist här, jag har en fråga om min faktura.",
            "Hej, <PERSON> här, jag har en fråga om min faktura.",
        ),
        (
            "A chara, Siobhán Ní Bhriain anseo. My router keeps dropping.",
            "A chara, <PERSON> anseo. My router keeps dropping.",
        ),
        (
            "Dobrý den, tady Jana Dvořáková, volám kvůli objednávce.",
            "Dobrý den, tady <PERSON>, volám kvůli objednávce.",
        ),
        (
            "Magandang araw po! Si Maria Cristina Dela Cruz po ito, tanong lang po sa bill ko.",
            "Magandang araw po! Si <PERSON> po ito, tanong lang po sa bill ko.",
        ),
        (
            "Hej, jeg heter Mette Kristensen og jeg har et spørgsmål.",
            "Hej, jeg heter <PERSON> og jeg har et spørgsmål.",
        ),
        (
            "Dzień dobry, nazywam się Małgorzata Kowalczyk-Brzęczek i mam problem z fakturą.",
            "Dzień dobry, nazywam się <PERSON> i mam problem z fakturą.",
        ),
        (
            "Olá, aqui é a Maria Eduarda Ribeiro dos Anjos, preciso cancelar o pedido.",
            "Olá, aqui é a <PERSON>, preciso cancelar o pedido.",
        ),
        (
            "Good eve po! Si Jerome Bautista Manalo po ito, follow up lang po.",
            "Good eve po! Si <PERSON> po ito, follow up lang po.",
        ),
        # A sign-off after a dash that ends the message, in any case.
        ("Got it, I'll send the signed copy tonight. -- Lin", "Got it, I'll send the signed copy tonight. -- <PERSON>"),
        ("Thanks for your patience. — Tomasz", "Thanks for your patience. — <PERSON>"),
        (
            "that worked, cheers for sorting it so fast!! - anjali",
            "that worked, cheers for sorting it so fast!! - <PERSON>",
        ),
        ("cant find the receipt anywhere? - regards, Omar", "cant find the receipt anywhere? - regards, <PERSON>"),
        ("pls cancel the order. -- k. wojciechowska", "pls cancel the order. -- <PERSON>"),
        ("need a callback asap! - regards, s. al-khouri", "need a callback asap! - regards, <PERSON>"),
        # The people of a booking, a policy or an application.
        (
            "Vehicle check-in: 2021 Ford Focus, brake pads. Owner: Fergus MacDonald. Ready by 5pm.",
            "Vehicle check-in: 2021 Ford Focus, brake pads. Owner: <PERSON>. Ready by 5pm.",
        ),
        (
            "Referee: Prof. Chidinma Okonkwo, University of Nigeria.",
            "Referee: Prof. <PERSON>, University of Nigeria.",
        ),
        ("Policyholder Hamish Fraser-Grant reported a burst pipe.", "Policyholder <PERSON> reported a burst pipe."),
        ("Morag MacInnes phoned - needs the boiler checked.", "<PERSON> phoned - needs the boiler checked."),
        ("Owner: Ruaridh MacAulay. Drop-off 9am.", "Owner: <PERSON>. Drop-off 9am."),
        ("Eilidh MacLennan phoned - wants a callback.", "<PERSON> phoned - wants a callback."),
        # Whom a colleague refers, and the colleague.
        (
            "Staff referral: Ama Owusu referred Adjoa Boateng for the analyst role.",
            "Staff referral: <PERSON> referred <PERSON> for the analyst role.",
        ),
        # A given name's possessive before what only a person has.
        (
            "All, per Amira Haddad's request the review moves to Friday.",
            "All, per <PERSON>'s request the review moves to Friday.",
        ),
        ("Is this Fatima's phone? Found it in the lobby.", "Is this <PERSON>'s phone? Found it in the lobby."),
        ("Is this Karim's laptop? It was on the desk.", "Is this <PERSON>'s laptop? It was on the desk."),
    ],
)
def test_the_name_is_redacted(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "A chara, go raibh maith agat as do chabhair.",
        "Hei, appen her fungerer ikke.",
        "I gave Anna her keys back.",
        "Goedemiddag, met vriendelijke groet van het team.",
        "Si el pedido llega tarde, avísame.",
        "Tady je faktura za březen.",
        "Aqui é o suporte técnico, em que posso ajudar?",
        "ok that worked. - thanks",
        "Build passed. -- Release 4.2",
        "Fixed the login bug. - Updated docs",
        "see attached - regards",
        "done. - sent from my phone",
        "fixed now! - cheers, the team",
        "all good now. - many thanks",
        "it works. - regards, support team",
        "Owner: IT department",
        "Owner: see asset register",
        "Referee: not required",
        "Policyholder details updated on 3 May.",
        "Hugo Boss, Inc. is a brand.",
        "Tenant: flat 3 occupied.",
        "We did it at Microsoft's request.",
        "Per the manager's request we'll move standup.",
        "Is this the team's laptop?",
        "Apple's request for comment went unanswered.",
        "The doctor referred me to a specialist.",
        "Google referred 40% of traffic.",
        "She referred Google Analytics to the team.",
        "We shortlisted Project Phoenix for funding.",
    ],
)
def test_clean_sentences_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence
