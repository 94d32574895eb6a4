"""Kin of other languages before a name, names in other languages' sentences that English rules and the English
model misread, the other party of a handover or a correction, fields of callers and collectors, and cities where a
delivery's list names them (the twenty-fifth round)."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # One's family in Spanish, Portuguese, German, Italian, Dutch, Polish and Indonesian.
        ("Mi hija Valentina llega mañana a las 10.", "Mi hija <PERSON> llega mañana a las 10."),
        ("Meu filho Thiago perdeu o cartão ontem.", "Meu filho <PERSON> perdeu o cartão ontem."),
        ("Mein Sohn Lukas hat das Passwort vergessen.", "Mein Sohn <PERSON> hat das Passwort vergessen."),
        ("Ho parlato con mia sorella Giulia ieri.", "Ho parlato con mia sorella <PERSON> ieri."),
        # Dutch "belt" (calls) is no English noun of goods after a brand.
        ("Mijn dochter Fleur belt morgen.", "Mijn dochter <PERSON> belt morgen."),
        ("Moja córka Zosia ma gorączkę.", "Moja córka <PERSON> ma gorączkę."),
        ("Anak saya Budi sakit sejak kemarin.", "Anak saya <PERSON> sakit sejak kemarin."),
        # Another language's "a" is no English article, and the English model's firms are none there.
        (
            "Ciao, volevo cambiare il nome sul biglietto da Giulia Bianchi a Giulia Bianchi Moretti, come risulta sul "
            "passaporto.",
            "Ciao, volevo cambiare il nome sul biglietto da <PERSON> a <PERSON>, come risulta sul passaporto.",
        ),
        ("Olá, o Pix que mandei para a Fernanda não chegou.", "Olá, o Pix que mandei para a <PERSON> não chegou."),
        (
            "No, el vuelo no era para Alejandro, era para Camila.",
            "No, el vuelo no era para <PERSON>, era para <PERSON>.",
        ),
        # A given name of the lists in another language's prose; that language's own word is none ("Ella": "she").
        (
            "Buenas, ¿me puede pasar con Guadalupe? Ella llevaba mi caso.",
            "Buenas, ¿me puede pasar con <PERSON>? Ella llevaba mi caso.",
        ),
        (
            "A atendente Jéssica disse que o estorno cairia em 5 dias úteis.",
            "A atendente <PERSON> disse que o estorno cairia em 5 dias úteis.",
        ),
        (
            "Ceviche was spot on. Gracias a Milagros por recomendarnos el pisco sour.",
            "Ceviche was spot on. Gracias a <PERSON> por recomendarnos el pisco sour.",
        ),
        # The other party of a correction or a handover, and the first of a list that goes on after a name.
        (
            "No, the nurse's name was Thandeka, not Nomsa. Please fix that.",
            "No, the nurse's name was <PERSON>, not <PERSON>. Please fix that.",
        ),
        (
            "no, the tenant is Imran Qureshi not Farooq — please redo it",
            "no, the tenant is <PERSON> not <PERSON> — please redo it",
        ),
        (
            "Kindly reassign INC-88213 from Siddharth to Priya, she owns B2B returns.",
            "Kindly reassign INC-88213 from <PERSON> to <PERSON>, she owns B2B returns.",
        ),
        (
            "Reminder: slips are due Friday. Chidi, Tunde and Ngozi still haven't returned theirs.",
            "Reminder: slips are due Friday. <PERSON>, <PERSON> and <PERSON> still haven't returned theirs.",
        ),
        # Where a person stands: before a modal and a verb, before "who" and what they did.
        ("Sipho will drop the spare keys at the office.", "<PERSON> will drop the spare keys at the office."),
        ("Actually it's Babatunde who approved the expense.", "Actually it's <PERSON> who approved the expense."),
        # A record's quoted keys for a name's parts; a caller's and a collector's fields, in capitals.
        (
            '{"passenger": {"first": "Aditi", "last": "Venkataraman", "type": "ADT"}}',
            '{"passenger": {"first": "<PERSON>", "last": "<PERSON>", "type": "ADT"}}',
        ),
        (
            "CASE #88213 | Caller: PRIYANKA RAGHUNATHAN | Issue: SIM swap not completed",
            "CASE #88213 | Caller: <PERSON> | Issue: SIM swap not completed",
        ),
        (
            "AUTHORISED COLLECTOR: ELIF ŞAHİN / ID TYPE: PASSPORT",
            "AUTHORISED COLLECTOR: <PERSON> / ID TYPE: PASSPORT",
        ),
        # A letter's opening word before a title of another language is no given name.
        (
            "Beste meneer Van Leeuwen, uw afspraak is bevestigd.",
            "Beste meneer <PERSON>, uw afspraak is bevestigd.",
        ),
    ],
)
def test_the_name_is_redacted(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        # Cities named like people, where a delivery or a service lists them, or one alone that is no given name.
        "We ship same-day to Austin, Houston and Dallas; next-day to Lubbock and El Paso.",
        "Delivery to Darwin and Alice Springs adds 3–5 business days.",
        "Can we deliver to Lincoln and Nelson on the same route?",
        "Our riders cover Florence, Siena and Lucca; Pisa is served by the partner fleet.",
        "Walmart+ delivery to Bentonville said 'Delivered' at 3:12 PM.",
        # A city of two words that is no person's full name; a city after another language's "a".
        "Quanto custa um frete de São Paulo para Belo Horizonte?",
        "El pedido llegará a Valencia el jueves entre las 9:00 y las 14:00.",
        "Il pacco è fermo a Bologna da cinque giorni.",
        # Products before a modal, fields that hold no name, German's capitalised nouns.
        "Docker will restart the container.",
        "Monzo can freeze the card.",
        "Status: SHIPPED | Carrier: DHL EXPRESS",
        "Resident: Yes",
        '{"first": "Install", "last": "Reboot"}',
        "Am 17. Juni ist der Termin.",
    ],
)
def test_the_sentence_stays(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


def test_a_name_of_a_delivery_list_that_is_no_city_is_still_a_name() -> None:
    redacted = Redactor("patterns+ner").redact("The courier serves Maria and Tom on Fridays.").text
    assert redacted == "The courier serves <PERSON> and <PERSON> on Fridays."
