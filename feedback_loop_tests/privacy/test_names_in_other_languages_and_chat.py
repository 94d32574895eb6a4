"""Names after the introductions, greetings and titles of other languages ("ik ben", "sou o", "Hola", Turkish
"Sayin", "Ibu", "la doctora", "pani"), names whose first given name, patronymic or second part a rule left, names
in chat's lower case after thanks, a greeting or an introduction, and the name on the line after "Signed ...,"."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor

_NAMES = [
    # Introductions of other languages.
    ("Goedendag, ik ben Sanne de Jong en ik heb een vraag over mijn factuur.", "Sanne de Jong"),
    ("Boa tarde, sou o Rafael Tavares Monteiro e gostaria de marcar uma consulta.", "Rafael Tavares Monteiro"),
    ("Eu sou a Inês Carvalho e tenho uma dúvida sobre a fatura.", "Inês Carvalho"),
    # Greetings of other languages.
    ("Olá Gonçalo! A sua encomenda foi enviada.", "Gonçalo"),
    ("Hola Ximena, tu reserva está confirmada para mañana.", "Ximena"),
    ("Hallo Jeroen, dank je wel!", "Jeroen"),
    ("Ciao Giulia, a domani!", "Giulia"),
    # Titles and address words of other languages.
    ("Beste meneer Van Leeuwen, uw afspraak is bevestigd.", "Van Leeuwen"),
    ("Me atendió el doctor Rodrigo Salcedo-Paredes en urgencias.", "Rodrigo Salcedo-Paredes"),
    ("Sayın Ayşe Yıldırım, başvurunuz alınmıştır.", "Ayşe Yıldırım"),
    ("Selamat pagi Ibu Dewi Lestari, jadwal Anda sudah dikonfirmasi.", "Dewi Lestari"),
    ("Pak Agus Setiawan sudah membayar tagihannya.", "Agus Setiawan"),
    ("Szanowna pani Kowalska, dziękujemy za zgłoszenie.", "Kowalska"),
    ("Dzień dobry, pan Nowicki zadzwoni jutro.", "Nowicki"),
    # A first given name no list knows before a name the lists know; a patronymic inside a name.
    ("I, Oluwadamilare Peter Adeyemi, confirm the details above.", "Oluwadamilare Peter Adeyemi"),
    ("Maryam bint Khalid Al-Suwaidi has been approved.", "Maryam bint Khalid Al-Suwaidi"),
    # A product's name before a name is no given name of it, and the name stays found.
    ("Using Jira Peter Smith assigned the ticket.", "Peter Smith"),
    # A Turkish given name that English writes as a function word, inside a name a phrase announces.
    ("Name: Burak Can Öztürk", "Burak Can Öztürk"),
    ("my name is Deniz Can Arslan, i need a transcript", "Deniz Can Arslan"),
    # Surname first, in capitals, a middle initial after the given names; a given name the model's vocabulary holds.
    ("SANTOS, MARIA CLARA D.", "SANTOS, MARIA CLARA D."),
    ("Applicant: REYES, JOSE ANTONIO M.", "REYES, JOSE ANTONIO M."),
    ("CHEN, Xiaoling — visa renewal.", "CHEN, Xiaoling"),
    # Chat's lower case: thanks or a greeting said to a name, an introduction, "tell ... i said hi".
    ("thanks so much priyanka!! that fixed it", "priyanka"),
    ("lol ok cool thanks tomasz. see you tomorrow", "tomasz"),
    ("tell wei-ling i said hi", "wei-ling"),
    ("hey i'm svetlana and i need help with my booking", "svetlana"),
    ("hey its dmitri here", "dmitri"),
    ("Hey, im Tatiana!", "Tatiana"),
    # The signature's line after "Signed ...,".
    ("Signed for the landlord,\nA. K. Pemberton\n12 May", "A. K. Pemberton"),
]


@pytest.mark.parametrize(("sentence", "name"), _NAMES)
def test_the_whole_name_is_redacted(sentence: str, name: str) -> None:
    redacted = Redactor("patterns+ner").redact(sentence).text

    assert redacted == sentence.replace(name, "<PERSON>")


_CLEAN = [
    "thanks so much guys!! that fixed it",
    "Hi, auth: required for the export endpoint.",
    "Packing list:\n- Sunscreen\n- Towels\n- Sandals",
    "Owner: We're hoping to reopen by Friday.",
    "thanks, config: updated in the repo",
    "hi im new here, how do I reset my password?",
    "tell support i said thanks",
    "tell them i said hi",
    "ok thanks team. see you tomorrow",
    "hi im having trouble with the login page",
    "thanks alot!!",
    "thanks bae!",
    # German's "im" (in the) before a noun is no "I'm".
    "Der Kurier wartet im Foyer.",
    "Wir sind bis Montag im Urlaub.",
    "hi im stuck.",
    "Beste klant, uw bestelling is verzonden.",
    "Hola equipo, ¿alguien sabe cómo exportar el informe?",
    "Olá pessoal! O sistema volta amanhã.",
    # A greeting of another language before a word of that language, no given name of the lists.
    "Hallo Welt",
    "Hola Mundo is the first program.",
    "Bu Ürün stokta yok.",
    "Sayın yetkili, siparişim gelmedi.",
    "Ik ben het niet eens met de factuur.",
    "Eu sou o responsável pela conta.",
    "Me atendió la doctora de guardia.",
    "Sou a favor da proposta.",
    "Signed,\nThe Management",
    "PRICE, TOTAL AMOUNT",
    "USA, Canada and Mexico share the event.",
    "It's Version 2 again, still broken.",
]


@pytest.mark.parametrize("sentence", _CLEAN)
def test_clean_sentences_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence
