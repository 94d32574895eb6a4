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
        ("Sipho will not drop the spare keys.", "<PERSON> will not drop the spare keys."),
        # A full name that is a city's too, where a person stands.
        (
            "I spoke with Diego Martin from accounts yesterday and he confirmed the refund.",
            "I spoke with <PERSON> from accounts yesterday and he confirmed the refund.",
        ),
        # Orders and parcels "for" a surname that is a city's too are a customer's.
        (
            "Orders for Taylor and Mitchell are ready for collection.",
            "Orders for <PERSON> and <PERSON> are ready for collection.",
        ),
        # Kin and "someone called" in more forms.
        ("Mon copain Pierre a perdu sa carte hier soir.", "Mon copain <PERSON> a perdu sa carte hier soir."),
        ("Gestern hat ein Herr namens Krüger angerufen.", "Gestern hat ein Herr namens <PERSON> angerufen."),
        ("Firmó alguien llamado Ezequiel.", "Firmó alguien llamado <PERSON>."),
        # A caller's and an authorised collector's fields, in capitals.
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
        # A city after another language's "a".
        "El pedido llegará a Valencia el jueves entre las 9:00 y las 14:00.",
        "Il pacco è fermo a Bologna da cinque giorni.",
        # Products before a modal, fields that hold no name, German's capitalised nouns.
        "Docker will restart the container.",
        "Monzo can freeze the card.",
        "Status: SHIPPED | Carrier: DHL EXPRESS",
        "Resident: Yes",
        "Am 17. Juni ist der Termin.",
        # An English line of measures is no other language's ("x", "D", "H" are no stop words here).
        "Amara sofa, W 210 x D 95 x H 80 cm, grey boucle.",
        # In another language's prose: a word opening the sentence, a city after a word of where, a thing after an
        # indefinite article.
        "Luz roja en el módem desde ayer, ¿qué hago?",
        "Estou em Vitória e o pedido não chegou.",
        "Ho comprato una Giulia usata.",
        # A city or a language before a modal and a verb.
        "Sydney will see heavy rain on Friday.",
        "Ruby can parse JSON natively.",
        # Fields that hold software, browsers and countries; keys of a user-agent parser; a plastic.
        "JVM flags: -XX:+UseG1GC | Garbage collector: Shenandoah",
        "Visitor: Safari on iOS",
        "Tax resident: Ireland",
        '{"os": {"family": "Ubuntu", "version": "22.04"}, "first": "Previous", "last": "Next"}',
        "Material: ABS\nPrusa Research filament, 1.75 mm",
        # A delivery's places however a rule took them, a state's city of two words; a restaurant and a sauce.
        "Next-day delivery to Florence, Siena and Lucca.",
        "We ship to New York, Boston and Austin.",
        "Booked a table at Mon Ami Gabi for Friday at 7.",
        "Order #4412: Mi Mama Rosa salsa x2",
    ],
)
def test_the_sentence_stays(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


def test_an_address_keeps_a_colonias_words_and_a_provinces_brackets() -> None:
    redactor = Redactor("patterns+ner")
    assert redactor.redact(
        "Envíen el módem a Av. Revolución 1291, Col. San Pedro de los Pinos, 03800 Ciudad de México."
    ).text == ("Envíen el módem a <ADDRESS>.")
    assert redactor.redact(
        "Écrire au 1280, rue Sainte-Catherine Ouest, bureau 410, Montréal (Québec) H3G 1P1."
    ).text == ("Écrire au <ADDRESS>.")


def test_a_name_of_a_delivery_list_that_is_no_city_is_still_a_name() -> None:
    redacted = Redactor("patterns+ner").redact("The courier serves Maria and Tom on Fridays.").text
    assert redacted == "The courier serves <PERSON> and <PERSON> on Fridays."
