"""Person names found by rules (``<PERSON>``): the part of name detection that needs no model.

Words written as names right after a word that introduces one ("my name is", "Name:", "Dear", "Hi", "Regards,",
"Mr", "Dr", "spoke with", "ask", "my colleague" ...), and a given name followed by a surname that a name list holds
(the person-name lists of the ``faker`` package, 86 locales, the Cyrillic and Greek ones transliterated), and two
to four capitalised words that no list fully knows and none of which is an everyday English word, where a
person's name stands ("add ...", "approved by ...", "...'s invoice", "... and I", "... called"). The named-entity
model of :mod:`feedback_loop.privacy.ner` checks them and adds the names no rule sees. Forms and e-mails (seventh
round): names in capitals are read in a copy of the text where they are written as names are
(:func:`capitals_as_written`: "MR. OKAFOR", "NAME: REZAEI HAMID"), names written surname first with a comma
("Okafor, Chidi") where a record or a field holds them, and a field's value or a cued name made of English words
only is none ("Family name: as shown in your passport", "Dear Hiring Manager"). Street addresses are in
:mod:`feedback_loop.privacy.addresses`.
"""

from __future__ import annotations

import csv
import difflib
import functools
import gc
import importlib
import importlib.util
import itertools
import json
import pathlib
import pkgutil
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from feedback_loop.privacy.alternations import by_first_letter
from feedback_loop.privacy.english_words import (
    adverbs,
    bare_verbs,
    inflected_verb_form,
    lemmas,
    past_tense,
    verb_form,
    word_classes,
    written_as_a_name,
)
from feedback_loop.privacy.native_names import find_native_names

# A word of a name: letters of any Latin-script language, with inner apostrophes and hyphens (O'Brien,
# Al-Sayed, Jean-Luc); particles that stand lower-case inside names.
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
NAME_PARTICLES = frozenset(
    [
        "van",
        "von",
        "de",
        "der",
        "den",
        "da",
        "das",
        "do",
        "dos",
        "del",
        "della",
        "di",
        "du",
        "la",
        "le",
        "bin",
        "binti",
        # "Layla bint Saeed": "daughter of", as "binti" is in Malay.
        "bint",
        "binte",
        "ibn",
        "al",
        "el",
        "ter",
        "ten",
        "af",
        "av",
        "y",
        "e",
        "zu",
    ]
)
# A capitalised word of a name, inner apostrophes and hyphens allowed ("O'Brien", "Al-Sayed").
NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]*(?:['’-][^\W\d_]+)*"
CAPITALISED_WORD = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+(?:['’-][^\W\d_]+)*")
SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[\"“(]\s*)$")
# A title's full stop ends no sentence: "it used to be ms. kaur but ..." reads as one.
_SENTENCE_BOUNDARY = re.compile(
    r"(?<!\b[Mm]r)(?<!\b[Mm]rs)(?<!\b[Mm]s)(?<!\b[Dd]r)(?<!\b[Pp]rof)(?<!\bMx)[.!?](?=\s)|\n"
)
NEXT_WORD = re.compile(r"[ \u00a0]([A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]*)")
LOWER_CASE_WORD_AFTER = re.compile(r"[ \u00a0]([a-z]+)\b(?![-'’])")
POSSESSIVE_AFTER = re.compile(r"['’]s\b")
# Two to four capitalised words (particles between them allowed) on one line, single spaces apart.
# An initial may open it ("S. Perera"); so may an opening quote ("'Anh Thư keeps ..."), not an apostrophe inside a
# word ("O'Brien").
CAPITALISED_RUN = re.compile(
    rf"(?<![\w.-])(?<!\w['’])(?:[A-Z]\.[ \u00a0])*{NAME_WORD}"
    rf"(?:(?:[ \u00a0](?:{'|'.join(sorted(NAME_PARTICLES))}))*[ \u00a0]{NAME_WORD})*"
)
# The most characters of a text read around a word to judge it (a sentence, or as much of it): the sentences the
# model of :mod:`~feedback_loop.privacy.ner` reads, and a name's sentence to the vetoes of its namesakes.
WINDOW_CHARS = 240


def sentence_around(text: str, position: int, width: int = WINDOW_CHARS) -> tuple[int, int]:
    """The sentence holding ``position``, at most ``width`` characters of it, cut at spaces."""
    low, high = max(0, position - width // 2), min(len(text), position + width // 2)
    start = low
    for boundary in _SENTENCE_BOUNDARY.finditer(text, low, position):
        start = boundary.end()
    end_match = _SENTENCE_BOUNDARY.search(text, position, high)
    end = end_match.end() if end_match else high
    if start == low and low > 0:
        start = text.find(" ", low, position) + 1 or low
    if end == high and high < len(text):
        end = text.rfind(" ", position, high) if text.rfind(" ", position, high) > position else high
    while start < position and text[start].isspace():
        start += 1
    return start, end


# The labels of a form's fields that hold a person, by the part they play.
_ROLE_LABELS = (
    r"customer|account\s+holder|cardholder|holder|contact(?:\s+person)?|recipient|attn|attention|patient"
    r"|passenger|applicant|employee|signed|signature|from|to|cc|bcc|reply-to|sender|surnames?(?:\(s\))?|forenames?(?:\(s\))?|attendees?"
    r"|participants?|assignee|requester|requested\s+by"
    # The people of a booking, a policy, a lease or an application: "Owner: Callum MacLeod", "Referee: Dr. ...".
    r"|owner|(?:vehicle|account|car|pet|property)\s+owner|policy\s*holder|insured|referee|guarantor|beneficiary"
    r"|claimant|tenant|landlord|co-?signer|next\s+of\s+kin|emergency\s+contact"
    # The people of an insurance proposal, a payment, a school's report or a ticket: "Proposer: ...", "Payee: ...",
    # "Pupil: ...", "Reported by: ...", "Affected user: ...", and the kind of account after "by" on an app's report:
    # "Reported by user: ...", "Flagged by member: ...".
    r"|proposer|payee|nominee|guardian|student|pupil|tutor|assessor|(?:reported|flagged|raised|submitted|logged|created"
    r"|opened)\s+by(?:\s+(?:user|customer|member|player|guest|client|staff))?|assigned\s+to"
    r"|affected\s+(?:user|customer|person|party)"
    # Who else may use an account or a card, as a bank's notice lists them: "Authorised user added: ...",
    # "Additional cardholder: ...".
    r"|(?:authori[sz]ed|additional|secondary|joint)\s+(?:users?|card\s*holders?|account\s+holders?|drivers?)"
    r"(?:\s+added)?"
    # Who did what to a parcel, a return or a document, on a form: "Returned by:", "Received by:", "Packed by:".
    r"|(?:returned|received|collected|signed|approved|packed|picked\s+up|delivered|checked|inspected|verified"
    r"|prepared|issued|accepted|authori[sz]ed|reviewed)\s+by|reviewer"
    # The people of a medical or a care form, and a booking's guests: "Referring physician: ...", "GP: ...",
    # "Consultant: ...", "Witness: ...", "Guest: ...".
    r"|referring\s+(?:physician|doctor|clinician|consultant)|family\s+(?:gp|physician|doctor)|gp|physician|doctor|consultant"
    r"|surgeon|midwife|carer|witness|guests?"
    # Who rang a call centre, who may collect a parcel, one's spouse: "Caller: ...", "Authorised collector: ...",
    # "Spouse: ..." (not "Garbage collector: Shenandoah", "Visitor: Safari on iOS", "Tax resident: Ireland").
    r"|caller|authori[sz]ed\s+collector|spouse"
)
# Who serves the customer, as a receipt, a job card or a rota names them: "Driver: Gustavo", "Advisor: Kwame", "Key
# holder: ..."; words of software and goods too ("Driver: Realtek", "Trainer: Pokémon Go"), so a name there only
# when the lists know its given name.
_SERVICE_ROLE_LABEL_BEFORE = re.compile(
    r"(?i)\b(?:driver(?:[ \t]+name(?:[ \t]+[a-z]+){0,3})?|rider|courier|(?:service[ \t]+)?advis[eo]r|technician"
    r"|stylist|therapist|instructor|trainer|coach|teacher|nurse|dentist|photographer|cleaner|plumber|electrician"
    r"|key[ \t]*holder|volunteer|case[ \t]*worker|social[ \t]+worker|counsell?or|interpreter|translator|mentor"
    r"|babysitter|nanny|chaperone"
    # Who handled a case, sat an interview or repaired a car, on a ticket's or a job card's note: "Agent: Liam",
    # "Interviewer: Femke de Wit", "Mechanic: ..." (not a browser's "User-Agent:").
    r"|(?<!-)agent|handled[ \t]+by|interviewer|interviewee|candidate|mechanic|engineer|caretaker|caseworker"
    # Who wrote a commit, a pull request or a paper, as a repository's log and a citation write it: "Author: ...",
    # "Co-authored-by: ...", "Maintainer: ..." (firms and bots too: "Author: Reuters", "Maintainer: Debian QA Group").
    r"|authors?|co-?authors?|co-authored-by|committer|maintainers?)[ \t]*:[ \t]*$"
)
# The number of one of several people of a part: "Referee 2:", "Guest 3:", "Passenger 1:", "Tenant #2:".
_ROLE_NUMBER = r"(?:[ \t]*#?\d{1,2})?"
# What may follow the word "name" in a form's field: "Name(s):", "Name on card:", "Name -", and the key's closing
# quote of a JSON object or a dictionary ('"first_name": "Wanjiru"').
_NAME_FIELD_END = (
    r"(?:\(s\)|s)?(?:\s+on\s+(?:the\s+)?(?:card|account|booking|reservation|ticket|passport|id))?"
    r"(?:[\"']?\s*[:=]|[ \t]*[-–|](?=[ \t]))"
)
# Whose name a form's "... name:" field asks for, the word before "name": a person's part, kin or a pronoun ("Guest
# name:", "Mother's name:", "Your name:"); not a thing's ("Product name:", "Event name:", "Company name:").
_NAME_HOLDERS = (
    rf"{_ROLE_LABELS}|legal|display|preferred|middle|maiden|birth|nick|screen|real|print(?:ed)?|your|my|his|her"
    r"|their|our|child|spouse|parent|mother|father|husband|wife|son|daughter|member|person|caller|candidate|visitor"
    r"|travell?er|resident"
    # Who serves or teaches, as a receipt or a school's form asks their name: "Teacher name:", "Nurse's name:" (not
    # "Driver name:", "Host name:", "Agent name:", which software fills as often: see _SERVICE_ROLE_LABEL_BEFORE).
    r"|teacher|tutor|technician|nurse|doctor|carer|instructor|coach|volunteer"
)
# The fields of other languages' forms that hold a person's given name or surname, as a label before a colon:
# French "Prénom :", "Nom de famille :", Spanish "Apellidos:", Portuguese "Sobrenome:", Italian "Cognome:", German
# "Vorname:", "Nachname:", Dutch "Achternaam:", Scandinavian "Fornavn:", "Efternamn:", Finnish "Sukunimi:", Polish
# "Nazwisko:", "Imię:", Czech and Slovak "Příjmení:", "Jméno:", Baltic "Vardas:", "Pavardė:", "Uzvārds:",
# "Perekonnanimi:", Turkish "Adı:", "Soyadı:", "Ad Soyad:", Romanian "Prenume:", Hungarian "Vezetéknév:", Croatian
# and Serbian "Prezime:", Indonesian "Nama depan:"; and an East Slavic form's "Patronymic:".
_OTHER_LANGUAGES_NAME_FIELDS = (
    r"nom(?:\s+de\s+(?:famille|naissance|jeune\s+fille)|\s+complet|\s+et\s+pr[ée]noms?|\s+d['’]usage)|pr[ée]noms?"
    r"|nombres?(?:\s+completo|\s+y\s+apellidos?)|apellidos?|primer\s+apellido|segundo\s+apellido|nome(?:\s+completo|\s+e\s+cognome)"
    r"|cognome|sobrenome|apelido|vorname|nachname|familienname|geburtsname|voornaam|voornamen|achternaam"
    r"|tussenvoegsel|fornavn|efternavn|etternavn|f[öo]rnamn|efternamn|etunimi|sukunimi"
    r"|imi[ęe](?:\s+i\s+nazwisko)?|nazwisko|jm[ée]no|p[řr][íi]jmen[íi]|priezvisko|meno\s+a\s+priezvisko|vardas"
    r"|pavard[ėe]|v[āa]rds|uzv[āa]rds|eesnimi|perekonnanimi|ad[ıi](?:\s+soyad[ıi])?|ad\s+soyad|soyad[ıi]?"
    r"|prenume|nume\s+[șs]i\s+prenume|vezet[ée]kn[ée]v|keresztn[ée]v|prezime|ime\s+i\s+prezime"
    r"|nama\s+(?:depan|belakang)|patronymic"
)
# The fields of other languages' forms whose word means any name, or a part a person or a firm may play, and "in the
# name of": they hold goods, plans and firms too ("Nom : Livebox 6", "Empfänger: Finanzamt Köln-Mitte", "a nombre de
# Movistar Empresas"), so a name there only with a word of the name lists and no number after it
# (:func:`_field_value`).
_OTHER_LANGUAGES_NAME_OR_ROLE_FIELDS = (
    r"nom|nombres?|nome|naam|navn|namn|nimi|isim|nume|n[ée]v|ime|meno"
    # Who a form is about, by the part they play: Spanish and Portuguese "Paciente:", "Titular:", Italian
    # "Intestatario:", "Contraente:", German "Empfänger:", "Ansprechpartner:", Dutch "Huurder:", French "Locataire:".
    r"|pa[cz]iente|patiente?|patiënt|titular|intestatari[oa]|destinatari[oa]|destinatário|empf[äa]nger(?:in)?"
    r"|ansprechpartner(?:in)?|kontaktperson|contraente|assicurato|segurado|asegurado|inquilin[oa]|huurder"
    r"|mieter(?:in)?|locataire|passag(?:er|eiro)|pasajer[oa]|passegger[oa]"
)
# "In the name of" before a booking's or an account's holder: "Reserva em nome de ...", "a nombre de ...".
_IN_THE_NAME_OF = (
    r"(?:em|no)\s+nome\s+d[eoa]|a\s+nombre\s+de|au\s+nom\s+de|a\s+nome(?:\s+di)?|im\s+namen\s+von|op\s+naam\s+van"
)
_OTHER_LANGUAGES_FIELD_BEFORE = re.compile(
    rf"(?i)\b(?:(?:{_OTHER_LANGUAGES_NAME_FIELDS}|{_OTHER_LANGUAGES_NAME_OR_ROLE_FIELDS})[ \t]*[:=]"
    rf"|{_IN_THE_NAME_OF})[ \t]*$"
)
_OTHER_LANGUAGES_NAME_OR_ROLE_BEFORE = re.compile(
    rf"(?i)\b(?:(?:{_OTHER_LANGUAGES_NAME_OR_ROLE_FIELDS})[ \t]*[:=]|{_IN_THE_NAME_OF})[ \t]*$"
)
_STRONG_CUES = (
    r"my\s+name\s+is|my\s+name['’]s|name\s+is|(?:his|her|their)\s+name\s+was|(?:full|first|last|sur|given|family|customer|contact"
    r"|account|holder|card\s*holder|sender|recipient|patient|passenger|applicant|employee|guest|user)[\s_-]*name"
    # "name" after a word of whose name it is, or after no word on its line ("Name:"); the look-behinds after its "n",
    # so that the cue's first letter is known (alternations.by_first_letter).
    rf"{_NAME_FIELD_END}|(?:(?:{by_first_letter(_NAME_HOLDERS)})(?:['’]s)?[ \t_-]+n"
    rf"|n(?<![\w'’-][ \t]n)(?<![\w'’-][ \t]{{2}}n)(?<!-n))ame{_NAME_FIELD_END}"
    # Malay and Indonesian forms: "Nama:", "Nama penuh:", "Nama lengkap:".
    r"|nama(?:\s+(?:penuh|lengkap|pelanggan|pemohon))?\s*[:=]"
    rf"|(?:{_OTHER_LANGUAGES_NAME_FIELDS}|{_OTHER_LANGUAGES_NAME_OR_ROLE_FIELDS})\s*[:=]|{_IN_THE_NAME_OF}"
    # A field's "=" as exports and logs write it: "owner=Fabiana; stage=Negotiation".
    rf"|(?:{by_first_letter(_ROLE_LABELS)}){_ROLE_NUMBER}(?:\s*:|=|[ \t]*[-–|](?=[ \t]))"
    r"|je\s+m['’]appelle|ich\s+heiße|ich\s+heisse|mein\s+name\s+ist|me\s+llamo|mi\s+nombre\s+es|mi\s+chiamo"
    r"|meu\s+nome\s+é"
    # "My name is" in more languages: Portuguese "me chamo", Dutch "mijn naam is", "ik heet", Polish "nazywam się",
    # "mam na imię", Czech and Slovak "jmenuji se", "volám sa", Norwegian, Danish and Swedish "jeg/jag heter", "mit
    # navn er", "mitt namn är".
    r"|me\s+chamo|mijn\s+naam\s+is|ik\s+heet|nazywam\s+się|mam\s+na\s+imię|jmenuji\s+se|jmenuju\s+se|volám\s+sa"
    r"|je[gj]\s+heter|jag\s+heter|mit\s+navn\s+er|mitt\s+namn\s+är|mitt\s+navn\s+er"
)
# Cues after which a name may be written in any case: a form's field, "my name is".
# A JSON value's opening quote after the cue's colon: '"first_name": "Wanjiru"' (not an HTML attribute's after "=":
# 'name="username"').
_STRONG_CUE = re.compile(rf"(?i)\b(?:{by_first_letter(_STRONG_CUES)})(?:(?<=:)[ \t]*[\"']|\s*)$")
_STRONG_CUE_FORWARD = re.compile(
    _STRONG_CUE.pattern.removesuffix(r"(?:(?<=:)[ \t]*[\"']|\s*)$") + r"(?:(?<=:)[ \t]*[\"']|[ \t]*)"
)
# Sign-offs of other languages, which open a line as a surname would ("Atentamente, Valentina Rojas").
_SIGN_OFFS = (
    r"atentamente|cordialmente|saludos|un\s+saludo|cordialement|bien\s+à\s+vous|bien\s+cordialement|salutations"
    r"|(?:viele|beste|liebe|herzliche|freundliche)\s+grüße|mit\s+freundlichen\s+grüßen|grüße|cordiali\s+saluti"
    r"|distinti\s+saluti|saluti|atenciosamente|abraços|abraço|cumprimentos|met\s+vriendelijke\s+groet(?:en)?|groetjes|groeten|groet"
    r"|saygılarımla|iyi\s+çalışmalar|pozdrawiam|z\s+poważaniem|med\s+vänlig\s+hälsning|vänliga\s+hälsningar"
    r"|hälsningar|med\s+venlig\s+hilsen|venlig\s+hilsen|vennlig\s+hilsen|ystävällisin\s+terveisin|terveisin"
    r"|s\s+pozdravem|cu\s+stimă|hormat\s+saya|trân\s+trọng|üdvözlettel|с\s+уважением"
    # Kisses and hugs that sign a card or a family's message: Spanish "Besos, Tía Carmen", "Un abrazo", French
    # "Bisous", "Grosses bises", Italian "Baci", "Un abbraccio", Portuguese "Beijos", "Beijinhos", German "Küsse",
    # Dutch "Kusjes", Polish "Buziaki", "Ściskam" ("grosses bises" and "bises" apart, not "bises" after an optional
    # word: by_first_letter then knows the letters each starts with).
    r"|besos|besitos|abrazos|un\s+abrazo|bisous|grosses\s+bises|bises|baci|un\s+abbraccio|beijos"
    r"|beijinhos|küsse|kusjes|buziaki|ściskam"
    # Sign-offs of Māori, Hungarian, Welsh and Irish letters: "Ngā mihi, Mere", "Ngā mihi nui", "Tisztelettel,",
    # "Cofion,", "Le meas,".
    r"|ngā\s+mihi(?:\s+nui)?|nga\s+mihi(?:\s+nui)?|tisztelettel|cofion|le\s+meas"
    # Catalan, Swahili, Samoan, Lithuanian, Latvian, Estonian, Croatian, Serbian, Slovenian, Slovak and Romanian
    # letters: "Salutacions,", "Wako,", "Manuia,", "Pagarbiai,", "Srdačan pozdrav,", "S pozdravom,", "Cu drag,".
    r"|salutacions|cordialment|atentament|una\s+abraçada|wako(?:\s+mwaminifu)?|manuia|pagarbiai|linkėjimai|ar\s+cieņu"
    r"|lugupidamisega|(?:srdačan|lijep|lep|srdačno)\s+pozdrav|pozdrav|s\s+pozdravom|cu\s+drag"
    # Sign-offs abbreviated as chat and mail write them, in their case and before a comma (Portuguese "Abs" and
    # "Bjs", abraços and beijos; "BR", best regards; German "LG", "VG", "MfG"; French "Cdlt": not "Material: ABS\n"),
    # and French wishes and thanks closing a letter: "Bonne journée,\nClaire", "Merci encore,\nSolène".
    # (only where a comma and the message's last word or its line's end follow: "Supported brands: LG, Philips" and
    # "Abs, Glutes and Legs class" stay)
    r"|(?-i:Abs|Bjs|BR|Br|LG|Lg|VG|Vg|MfG|Cdlt)(?=,[ \t]*(?:\n|[^\W\d_]+[ \t]*[.!]?[ \t]*$))|üdv"
    r"|(?-i:Mvh|MVH|mvh|Mvg|MVG)(?=[ \t]*[,\n])"
    # German "lg" (liebe Grüße) in lower case with no comma: "lg Svenja" (not "LG", a brand).
    r"|(?-i:lg)"
    # Italian farewells that close a message: "A presto,\nMatteo", "Buona giornata,".
    r"|a\s+presto|a\s+dopo|buona\s+giornata"
    r"|bonne\s+(?:journée|soirée|fin\s+de\s+journée|semaine)|merci\s+encore|encore\s+merci"
)
# Thanks in other languages that close a message on their own line, the name on the next: "Ačiū,\nGintarė", "Grazie
# mille.\n\nFederico", "Asante sana!\nNeema".
_CLOSING_THANKS_OF_OTHER_LANGUAGES = (
    r"gracias|muchas\s+gracias|merci(?:\s+beaucoup)?|danke(?:\s+schön)?|vielen\s+dank|obrigad[oa]|grazie(?:\s+mille)?"
    r"|dziękuję|dzięki|děkuji|ďakujem|tack(?:\s+så\s+mycket)?|takk|kiitos|köszönöm|asante(?:\s+sana)?|ačiū|paldies"
    r"|aitäh|hvala|mulțumesc|teşekkürler|teşekkür\s+ederim|terima\s+kasih|salamat|dank\s+je(?:wel)?|bedankt"
    r"|fa['’]afetai|mahalo"
    # Indonesian and Malay closings: "Salam,\nFajar", "Hormat kami,".
    r"|salam|hormat\s+kami"
)
_SIGN_OFF = re.compile(rf"(?i:{_SIGN_OFFS})")
# The people of one's family and life, one or more: "my sister", "our kids", "my nan", "her colleagues".
RELATIVES_AND_CLOSE_PEOPLE = (
    r"wife|husband|partners?|sons?|daughters?|child|children|kids?|mother|mom|mum|father|dad|parents|brothers?"
    r"|sisters?|siblings|twins|aunt|uncle|cousins?|nieces?|nephews?|grandmother|grandfather|grandma|grandpa|nan|nana"
    r"|nanna|gran|granny|grandad|granddad|grand(?:son|daughter|child|kid)s?|grandchildren|step-?(?:son|daughter|mother"
    r"|father|mum|mom|dad)|fianc[eé]e?|girlfriend|boyfriend|friends?|colleagues?|coworkers?|co-workers?|teammates?|boss"
    r"|manager|supervisor|neighbou?rs?|landlord|tenant|doctor|nurse|teacher|lawyer|attorney|accountant"
    # The youngest of a family: "our baby Kalani".
    r"|bab(?:y|ies)|toddlers?|newborns?|infants?"
    # The people one shares a home, a class or a desk with, or teaches and is taught by: "her flatmate, Bukola", "my
    # pen pal Mei Ling", "my former intern Elif Yıldırım".
    r"|(?:flat|room|house|class|school|bunk)-?mates?|pen[ \t-]?pals?|interns?|mentors?|mentees?|tutors?"
    r"|tutees?|students?|pupils?|apprentices?|trainees?|patients?|carers?|caregivers?|nann(?:y|ies)"
    r"|babysitters?|therapist|coach|godmother|godfather|god(?:son|daughter|child)"
    # As chat and British English name them, and who teaches or treats one: "my hubby", "me mam", "my mate", "my
    # auntie", "my lecturer", "our dentist", "my client".
    r"|hubby|mam|mates?|landlady|aunt(?:ie|y)|trainers?|instructors?|lecturers?|professors?|dentist|clients?"
    # Who works on one's home or car, as one names one's own: "my plumber gary stubbs said", "our mechanic, Tomasz".
    r"|plumber|electrician|builder|mechanic|gardener|cleaner|handyman|caretaker|decorator"
    # Who one hosts a show, a podcast or a stream with: "my cohost ...", "our co-host ...".
    r"|co-?hosts?"
    # The family one marries into, and the step-family: "my mum-in-law Farida", "her sister in law ...", "my
    # in-laws Gareth and Mair", "my stepsister ...".
    r"|(?:mother|father|mum|mom|dad|sister|brother|son|daughter)s?[ \t-]in[ \t-]laws?|in-laws|inlaws"
    r"|step-?(?:sisters?|brothers?|siblings|kids?|children)"
    # As chat and slang name the closest: "my bestie", "my bff", "my bae", "my missus", "my wifey", "my sis", "my
    # bro", "my cuz", "my homie", "my gf", "my ex", "my other half" (each only after a possessive, before a name).
    r"|besties?|bezzies?|bffs?|bffl|best(?:est)?[ \t-]?friends?|bae|boo|missus|missis|wifey|sis|sissy|bro|bros"
    r"|bruv|cuz|cuzzy|homies?|homeboy|homegirl|gf|bf|ex|ex-(?:wife|husband|partner|girlfriend|boyfriend|gf|bf)"
    r"|soul-?mate|sweetheart|other[ \t]+half|better[ \t]+half"
)
# One's family and those close, as other languages name them after a possessive, before the name: Spanish "mi hija
# Valentina", Portuguese "meu filho Thiago", French "ma fille Clémence", Italian "mia sorella Giulia", German "mein
# Sohn Lukas", Dutch "mijn dochter Fleur", Polish "moja córka Zosia"; Turkish writes the possessive as the word's
# ending ("kızım Elif", "eşim Murat"), Indonesian and Malay after it ("anak saya Budi", "istri saya Rina"). The kin
# word in lower case where the language writes it so: "Mon Ami Gabi", "Mi Mama Rosa" are a restaurant and a sauce.
OTHER_LANGUAGES_KIN = (
    r"(?:mis?|tus?|sus?|nuestr[oa]s?)\s+(?-i:hij[oa]s?|herman[oa]s?|madre|padre|mam[aá]|pap[aá]|espos[oa]|marido|mujer"
    r"|novi[oa]|abuel[oa]|t[ií][oa]|prim[oa]|sobrin[oa]|niet[oa]|suegr[oa]|cuñad[oa]|amig[oa]|compañer[oa]|vecin[oa]"
    r"|jef[ea]|pareja|beb[eé])"
    r"|(?:meus?|minhas?|teus?|tuas?|seus?|suas?|noss[oa]s?)\s+(?-i:filh[oa]s?|irmãos?|irmãs?|mãe|pai|marido|espos[oa]"
    r"|namorad[oa]|av[ôó]|ti[oa]|prim[oa]|sobrinh[oa]|net[oa]|sogr[oa]|cunhad[oa]|amig[oa]|colega|vizinh[oa]|chefe"
    r"|companheir[oa]|beb[êé])"
    r"|(?:mon|ma|mes|ton|ta|tes|son|sa|ses|notre|nos)\s+(?-i:fils|filles?|frères?|s(?:œ|oe)urs?|mère|père|mari|femme"
    r"|épou(?:x|se)|conjointe?|compagn(?:on|e)|cop(?:ain|ine)|amie?s?|cousine?s?|oncle|tante|neveu|nièce|grand-(?:mère|père)"
    r"|petit-fils|petite-fille|belle-(?:mère|sœur|soeur)|beau-(?:père|frère)|collègue|voisine?|patronne?|bébé)"
    r"|(?:mi[oae]|miei|tu[oae]|tuoi|su[oae]|suoi|nostr[oaie])\s+(?-i:figli[oae]?|fratell[oi]|sorell[ae]|madre|padre"
    r"|mamma|papà|marito|moglie|nonn[oa]|zi[oa]|cugin[oa]|nipote|amic[oa]|collega|vicin[oa]|fidanzat[oa]|compagn[oa]"
    r"|suocer[oa]|cognat[oa])"
    r"|(?:mein|meine[mnr]?|unser|unsere[mnr]?|dein|deine[mnr]?)\s+(?:Sohn|Tochter|Bruder|Schwester|Mutter|Vater"
    r"|Ehemann|Ehefrau|Frau|Mann|Partner(?:in)?|Freund(?:in)?|Kolleg(?:e|in)|Nachbar(?:in)?|Oma|Opa|Onkel|Tante"
    r"|Cousine?|Neffe|Nichte|Enkel(?:in)?|Schwieger(?:mutter|vater|sohn|tochter)|Kind|Baby)"
    r"|(?:mijn|onze|jouw)\s+(?-i:zoon|dochter|broer(?:tje)?|zus(?:je)?|moeder|vader|mama|papa|man|vrouw|partner"
    r"|vriend(?:in)?|collega|buurman|buurvrouw|oma|opa|oom|tante|neef|nicht|klein(?:zoon|dochter)"
    r"|schoon(?:moeder|vader))"
    r"|(?:moja|mój|moj[ae]|mojego|mojej)\s+(?-i:córka|córki|córką|syn|syna|synem|mąż|męża|żona|żony|siostra|siostry"
    r"|brat|brata|mama|mamy|tata|taty|babcia|dziadek|przyjaciółka|przyjaciel|kolega|koleżanka|sąsiad|sąsiadka)"
    r"|kızım|oğlum|eşim|annem|babam|kardeşim|ablam|abim|arkadaşım|teyzem|dayım|amcam|halam|kocam|karım|nişanlım"
    r"|komşum|meslektaşım"
    r"|(?:anak|istri|isteri|suami|adik|kakak|teman|kawan|ibu|ayah|bapak|rekan|sepupu|keponakan|tunangan|pacar)"
    r"\s+(?:saya|aku|kami)"
)
# Titles and address words of other languages, none an English word: German "Herr", "Frau"; French "Monsieur",
# "Mme"; Spanish "Señora", "Sra"; Italian "signor", "Sig.ra", "Sig.na", "Dott.ssa"; Dutch "meneer De Vries", "mevrouw
# Bakker", "de heer Jansen"; Portuguese "senhor", "Dona Cida"; Turkish "Sayın"; Indonesian and Malay "Ibu", "Bapak",
# "Pak" (not "Bu", Turkish "this"); Romanian "domnul"; a doctor's in Spanish ("Dra. Restrepo"), Portuguese, Italian and
# French.
OTHER_LANGUAGES_TITLES = (
    r"herr|herrn|frau|monsieur|madame|mme|mlle|señor|señora|señorita|sr|sra|srta|doña|dona|signor|signora|sig\.ra|sig\.na|sig|dott"
    r"|dott\.ssa|avv|meneer|mevrouw|mevr|dhr|heer|senhor|senhora|sayın|sayin|ibu|bapak|pak|domnul|doamna|doamnei"
    r"|doctora|dra|doutor|doutora|dottore|dottoressa|docteur"
    # Malay: "Encik" (Mr), "Puan" (Mrs), "Cik" (Miss); not "Tuan" (Sir), which "Tuan Rumah" (the host) opens too.
    r"|encik|puan|cik"
    # Indonesian "Kak" (elder sibling), "Mbak" (not "Mas", Spanish "more" unaccented), how shops and couriers address
    # a customer: "Halo Kak Rina".
    r"|(?-i:Kak|Mbak|kak|mbak)"
    # Swahili "Bi." (Bibi, Mrs) and "Bw." (Bwana, Mr), with their full stop: "Asante Bi. Rehema Mwakyusa".
    r"|(?-i:Bi|Bw)|bibi|bwana"
)
# Polish, Czech and Slovak "Mr" and "Mrs" in their cases.
_SLAVIC_TITLES = r"pan|pani|panie|panem|panią|pana|panu|paní|pane|pán|pána|pánovi|pánom"
# Cues after which a capitalised word is a name unless it is a common word ("Dear Team", "Mr Bean"): words, then
# (_CUE_BEFORE) the patterns of sign-offs, signatures and notes.
_CUE_WORDS = (
    rf"{_SIGN_OFFS}"
    r"|dear|regards|sincerely"
    # "Dear" as other languages open a letter, before the name: Hungarian "Kedves Zsófia,", Spanish "Estimada
    # Lucía,", "Querido Pablo", Portuguese "Prezada Beatriz", Turkish "Sevgili Elif", Danish and Norwegian "Kære",
    # "Kjære", Swedish "Kära", Romanian "Dragă".
    r"|kedves|estimad[oa]|querid[oa]|prezad[oa]|sevgili|kære|kjære|kära|dragă"
    r"|yours|warmly|kind\s+regards|best\s+regards|best\s+wishes|many\s+thanks"
    # Not milliseconds after a number: "QTc 412 ms. Troponin pending".
    r"|mr|mrs|(?<!\d)(?<!\d[ \t])ms|miss|mx|dr|prof|professor|sir|dame|lady|lord|sheikh|shri|smt"
    rf"|{OTHER_LANGUAGES_TITLES}"
    # A doctor or a patient in Spanish, Portuguese, Italian, Dutch, German and Indonesian ("la doctora Inés ...", "el
    # paciente ...", "die Patientin ..."). Polish "pan", "pani" only in lower case, and "Pani" opening a sentence:
    # "Pan" is a surname too ("Pan Wei"); Czech and Slovak "paní", "pane", Slovak "pán" and its cases.
    r"|(?:el|al|del)\s+doctor|paciente|paziente|patiënt|patientin"
    # (Each alternative spelled with the letter it starts with first, "(?=[P])" before the anchors, so that
    # by_first_letter tries it only at a "p": one it cannot tell is tried at every word.)
    # After "Dzień dobry" too, as a letter greets: "Dzień dobry Pani Katarzyno,".
    rf"|pasien|(?-i:{_SLAVIC_TITLES}"
    r"|(?=[P])(?:^|(?<=\n)|(?<=[.!?]\s)|(?<=dobry ))(?:Pani|Panie|Paní|Pane))"
    # A Polish letter's opening, the given name in the vocative after it: "Szanowny Panie Tomaszu", "Droga Pani Ewo".
    r"|(?:szanown[ya]|drog[ia])\s+pani[e]?"
    # Tagalog: a person's marker ("si", "ni", "kay", plural "sina", "nina", "kina") and a word of respect for an elder
    # or kin, capitalised before the name: "si Kuya Jun", "ni Lola Remedios", "kay Tita Baby", "sina Ate Joy".
    r"|(?-i:(?:si|ni|kay|sina|nina|kina)\s+(?:Kuya|Ate|Lola|Lolo|Tita|Tito|Tiya|Tiyo|Manang|Manong|Ninang|Ninong))"
    r"|speaking\s+with|spoke\s+(?:with|to)|speak\s+(?:with|to)|talk(?:ed)?\s+(?:with|to)|chatted\s+with|ask"
    r"|asked|tell|told|remind|reminded|reminding|forward(?:ed)?(?:\s+(?:this|it))?\s+to|assign(?:ed)?\s+to"
    r"|according\s+to|(?:reported|logged|raised|submitted|filed|lodged)\s+by"
    # Who a person is, then the name after a comma: "the recruiter, Dana Levi", "one of my reports, Ravi,".
    r"|approved\s+by|signed\s+by|handled\s+by|helped\s+by|introduced\s+(?:me\s+)?to|on\s+behalf\s+of|cc|bcc|c/o"
    r"|agent|rep|representative|technician|supervisor|account\s+holder\s+is|holder\s+is"
    r"|(?:his|her|their)\s+(?:name\s+(?:is|was)|name['’]s)"
    # The name behind a nickname or a profile: "to my real name, Sunita", "her legal name is ...".
    r"|(?:my|his|her|their|your)\s+(?:real|actual|legal|birth|given|full)\s+name(?:\s+(?:is|was))?"
    # Who a person is, then the name after a comma: "the recruiter, Dana Levi", "one of my reports, Ravi,".
    r"|the\s+(?:recruiter|landlord|landlady|letting\s+agent|estate\s+agent|agent|nurse|doctor|midwife|receptionist"
    r"|(?:hiring\s+|property\s+|line\s+)?manager|interviewer|caseworker|case\s+worker|therapist|dentist|surgeon)"
    r"(?=,)|(?:my|our|his|her|their)\s+(?:(?:direct\s+)?reports|team\s+members)(?=,)"
    # Who else a booking is for: "for himself and Lasha Gelashvili".
    r"|for\s+(?:herself|himself|themselves|themself|myself|ourselves)\s+and"
    # A name spelled out, and the name it is not: "it's spelled Niamh, not Neve".
    r"|spel(?:led|t)|spel(?:led|t)\s+[^\W\d_]+(?:[ \t][^\W\d_]+)?,?[ \t]+not"
    r"|signed|(?:customer|contact|account|holder|full|first|last|given|family|user|sender|recipient|patient|guest"
    r"|passenger|client|caller|student|employee|tenant)\s+name(?:\s+is)?"
    # Someone called so, in Spanish, Portuguese, Italian, French and German: "Firmó alguien llamado Ezequiel", "uma
    # senhora chamada ..." (not a thing: "Un archivo llamado ...", "O chamado Suporte Técnico", a ticket).
    r"|(?:alguien|alguém|qualcuno|quelqu['’]un|jemand|(?:un|una|uno|um|uma|une)\s+(?:señora?|chic[oa]|hombre|mujer"
    r"|persona|tipo|moço|moça|senhora?|rapaz|homem|mulher|signora?|ragazz[oa]|uomo|donna|monsieur|dame|homme|femme"
    r"|personne|cliente|client|herr|frau|mann|kunde|kundin)|eine?\s+(?:herr|frau|mann|kunde|kundin))"
    r"\s+(?:llamad[oa]|chamad[oa]|chiamat[oa]|nommée?|appelée?|genannt|namens)"
    r"|surname|forename"
    # A word of age, closeness or habit between allowed: "my late father,", "our usual driver" (not "our logistics
    # partner", "my primary doctor, Kaiser Permanente", "my current landlord, Foxtons": firms).
    r"|(?:my|our|your|his|her|their)\s+(?:(?:new|old|former|late|dear|beloved|elderly|older|younger|eldest|oldest"
    rf"|youngest|little|big|twin|usual|regular|own)\s+)?(?:{RELATIVES_AND_CLOSE_PEOPLE}"
    r"|director|ceo|cfo|cto|coo|founder|owner|bookkeeper|assistant|secretary|admin|administrator|contact"
    r"|developer|engineer|designer|consultant|advisor|adviser|agent|rep|driver|courier)"
    rf"|{OTHER_LANGUAGES_KIN}"
)
# A relative's word or a role only people have, a name in brackets after it: "Accompanied by: brother (Khalid)".
_RELATIVE_BEFORE_A_BRACKET = re.compile(
    r"(?i:\b(?:mother|father|mum|mom|dad|brother|sister|son|daughter|wife|husband|spouse|aunt|uncle|cousin"
    r"|niece|nephew|grandmother|grandfather|grandson|granddaughter|fianc[eé]e?|guardian))[ \t]*\($"
)
# Who only people are, a name in brackets after the word, as a note names them: "The inventory clerk (Leanne) signed
# off"; a given name of the lists there, a department, a subject or a firm being named so too ("The doctor
# (Cardiology)", "Teacher (Maths)", "Concierge (Marriott Bonvoy)").
_ROLE_BEFORE_A_BRACKET = re.compile(
    r"(?i:\b(?:clerk|receptionist|nurse|doctor|dentist|landlord|landlady|tenant|cleaner|teacher|tutor|nanny"
    r"|babysitter|caretaker|concierge|housekeeper))[ \t]*\($"
)
# A name alone in the brackets: "(Khalid)", "(Kwame Mensah)"; not "(Tane? Rawiri?)", names thought of.
_NAME_CLOSES_THE_BRACKETS = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}\)")
# The cues as they end right before a name (searched back from the name's first letter, within _CUE_REACH
# characters).
_CUE_BEFORE = re.compile(
    # A cue word may end its line with a colon, as other languages' sign-offs do: "Üdvözlettel:\nBence"; a sign-off
    # may have the name after its colon on the same line: "Üdvözlettel: Bence".
    rf"(?i)(?:\b(?:{by_first_letter(_CUE_WORDS)})\b(?:\.?,?|[ \t]*:[ \t]*\n)"
    rf"|\b(?:{by_first_letter(_SIGN_OFFS)})[ \t]*:"
    # A sign-off alone on its line, a whole word ("Society\n", "Glovebox\n" are none).
    r"|\b(?:regards|thanks|thank\s+you|cheers|best|sincerely|yours|thx|ty|bye|love"
    r"|yours[ \t]+(?:faithfully|truly|sincerely|respectfully|ever))\s*[,!.]?\s*\n"
    # A relative named in brackets after the word, as a form's note writes it: "Accompanied by: brother (Khalid)".
    rf"|{_RELATIVE_BEFORE_A_BRACKET.pattern.removesuffix('$')}"
    # A signature's line after the words that open it: "Signed on behalf of the tenant,\n", "Signed for the seller,\n".
    r"|\bsigned\b[^\n,]{0,40},[ \t]*\n"
    # The name a table, a booking or an order is held under: "a table for two at eight, under the name Adeyemi" (not
    # what a product is sold under).
    r"|\b(?:table|booking|reservation|booked|reserved|order|appointment|room)\b[^.!?\n]{0,36}?\bunder\s+the\s+name"
    # "With" as notes write it, after a talk with someone: "call w/ ...", "mtg w/ ...", "1:1 w/ ..." (not "built w/").
    r"|\b(?:call(?:ed|s)?|meeting|meet|mtg|chat|sync|catch[ \t-]?up|1:1|lunch|coffee|dinner|interview|convo"
    r"|spoke|talked)[ \t]+w/"
    r"|^\s*(?:[—–]|--)|\n\s*(?:[—–]|--))\s*$"
)
# A sign-off after a dash at the end of a message, where the last sentence ended: "... by tomorrow. -- Mei",
# "thanks for the help!! - priya", "... else? - regards, Omar" (the name, in any case, ends the text). At a line's
# start only a signature's dashes ("--", "—"): one hyphen there is a list's item ("- Swimwear\n- Sleepwear").
# The words of thanks and farewell that sign a message off before the writer's name.
_SIGN_OFF_WORDS = r"regards|thanks|thank[ \t]+you|cheers|best|thx|love"
_DASH_SIGN_OFF_WORDS = rf"{_SIGN_OFF_WORDS}|ty|br"
# What may stand between the dash and the name, to the name: "- regards, Omar".
_AFTER_THE_SIGN_OFF_DASH = rf"[ \t]*(?i:(?:{_DASH_SIGN_OFF_WORDS})[ \t]*[,!.]?[ \t]+)?$"
# A slash signs a message too where the last sentence ended: "... arrive shortly. /Mads".
# An emoji may end the sentence before the dash: "... days of the week 🙏 — Mele".
DASH_SIGN_OFF_BEFORE = re.compile(
    r"(?:[.!?)\u2600-\u27bf\U0001f300-\U0001faff][ \t]*(?:--?|[—–~/])|(?:^|\n)[ \t]*(?:--|[—–~]))"
    + _AFTER_THE_SIGN_OFF_DASH
)
# The name ends the text, a department or a role in brackets may follow it ("- Neha (Billing)"), or a second name
# of a couple signing together ("— Callum & Priyanka").
NAME_ENDS_THE_TEXT = re.compile(
    r"(?:[ \t]+(?:&|and)[ \t]+[A-ZÀ-ÖØ-Þ][^\W\d_]+)?[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?[.!]?[ \t]*$"
)
# The same sign-off where a longer text goes on after the name's line: a message pasted, then the writer's own words
# ("... see you Friday.\n- Tevita\ncan you make it more formal?"). One hyphen may open the name's line there after a
# line that ends a sentence, and a dash may follow thanks ("Thanks, - Dilnoza"), where no list's item is next to it
# (dash_sign_off_in_a_text).
_DASH_SIGN_OFF_IN_A_TEXT_BEFORE = re.compile(
    r"(?:[.!?)][ \t]*\n?[ \t]*(?:--?|[—–~])|(?:^|\n)[ \t]*(?:--|[—–~])"
    rf"|(?i:\b(?:{_DASH_SIGN_OFF_WORDS}))[ \t]*[,!.]?[ \t]*(?:--?|[—–~]))" + _AFTER_THE_SIGN_OFF_DASH
)
_NAME_ENDS_ITS_LINE = re.compile(r"[ \t]*[.!]?[ \t]*(?:\n|$)")
_LIST_ITEM_OPENS = re.compile(r"[ \t]*(?:[-*•+]|\d{1,2}[.)])[ \t]")


def dash_sign_off_in_a_text(text: str, start: int, end: int) -> bool:
    """True where ``text[start:end]`` signs a message after a dash (:data:`_DASH_SIGN_OFF_IN_A_TEXT_BEFORE`) and ends
    its line, the lines before and after it no list's items ("Pack these.\n- Towels\n- Soap" is a list). Whether
    the words are a name's is the caller's to judge."""
    # A dash is among the characters before the name that the search reads (most names have none).
    if not any(dash in text[max(0, start - _CUE_REACH) : start] for dash in _SIGN_OFF_DASHES):
        return False
    line_end = _NAME_ENDS_ITS_LINE.match(text, end)
    if line_end is None:
        return False
    before = _DASH_SIGN_OFF_IN_A_TEXT_BEFORE.search(text, max(0, start - _CUE_REACH), start)
    if before is None:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    previous_line = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    return not (
        (line_end.end() < len(text) and _LIST_ITEM_OPENS.match(text, line_end.end()))
        or (line_start and _LIST_ITEM_OPENS.match(text, previous_line))
    )


# Greetings and introductions: a name when the name ends the clause ("Hi Aroha,", "I'm Tomás from ...").
_GREETING_CUES = (
    r"hi|hello|hey|hiya|greetings|good\s+(?:morning|afternoon|evening)|thanks|thank\s+you|thx"
    # The time of day alone greets where a message or its sentence opens ("Morning Tom,"), not inside a heading or a
    # menu ("Afternoon Tea", "20:00 Evening Guests").
    r"|(?=[MmAaEe])(?:^|(?<=\n)|(?<=[.!?,:]\s))(?:morning|afternoon|evening)"
    r"|(?:thanks|thank\s+you)\s+(?:again|so\s+much|a\s+lot)"
    # Nordic thanks of more words: "Tack så mycket, Ánde!", "Tusen takk, Sindre", "Mange tak, Freja".
    r"|tack\s+så\s+mycket|tusen\s+(?:takk|tack)|(?:mange|tusind)\s+tak"
    r"|cheers|best|love|bye|welcome(?:\s+(?:aboard|back))?|this\s+is|it['’]s|i\s+am|i['’]m|im|here\s+is|named|called"
    # Congratulations to the people named next, however chat spells it: "congrats Ama and Kofi on the new baby",
    # "congradulations Tunde!".
    r"|congr[a-z]{0,4}(?:ulations?|ts|tz)"
    # Wishes for a person's day, on a card or a gift's message: "Happy birthday Rosa!", "happy bday Tomás",
    # "Happy anniversary Nkechi and Tobi", "Feliz cumpleaños, Lucía".
    r"|happy\s+(?:birthday|bday|b-day|anniversary|name\s+day|retirement)|feliz\s+(?:cumpleaños|aniversário)"
    r"|joyeux\s+anniversaire|buon\s+compleanno|alles\s+gute(?:\s+zum\s+geburtstag)?"
    # What one is called by: "the bot keeps calling me Jenny", "please call me Kemi".
    r"|call(?:s|ed|ing)?\s+(?:me|him|her|them)"
    # Introductions of other languages: "Hola, soy Alejandro Gutiérrez y ...", "Bonjour, je suis Claire Martin",
    # Indonesian and Malay after a greeting, "Halo, saya Dewi Kusumawati, ...", and "nama saya ..." (my name is; not
    # "Saya Mahasiswa Baru", I am a new student).
    r"|soy|je\s+suis|ich\s+bin|sono|sou|eu\s+sou|sou\s+[oa]|eu\s+sou\s+[oa]|soy\s+(?:el|la)|ik\s+ben|(?-i:ben)"
    r"|(?:halo|hai|hi|hello|pagi|siang|sore|malam|assalamualaikum)[ \t]*[,!]?[ \t]+saya|nama\s+saya"
    # "My name is" in Yoruba, Swahili, Zulu, Hausa and Igbo: "orúkọ mi ni ...", "jina langu ni ...", "igama lami
    # ngu...", "sunana ...", "aha m bụ ...".
    r"|or[uú]k[oọ][ \t]+mi[ \t]+ni|jina[ \t]+langu[ \t]+ni|igama[ \t]+lami[ \t]+ng[ui]|sunana|aha[ \t]+m[ \t]+b[uụ]"
    # "This is ..." on the phone in more languages: Portuguese "aqui é a Ana", "aqui fala o João", "quem fala é";
    # Dutch "u spreekt met Jeroen", "(hallo,) met Jeroen"; Czech and Slovak "tady (je) Tereza", "tu je"; Polish
    # "tu (jest)", "z tej strony"; Tagalog "ako si", "si" at the clause's start ("Si Mark po ito"), Swedish "det är".
    r"|aqui\s+(?:é|fala)(?:\s+[oa])?|quem\s+fala\s+é(?:\s+[oa])?|u\s+spreekt\s+met|spreekt\s+met|(?-i:(?:^|[,!.?]\s*)[Mm]et)"
    r"|tady(?:\s+je)?|tu\s+je|tu\s+jest|ako\s+si|(?-i:(?:^|[,!.?]\s*)[Ss]i)|det\s+är"
)
_GREETING_CUE = re.compile(rf"(?i)\b(?:{by_first_letter(_GREETING_CUES)})\b\s*,?\s*$")
# Greetings and thanks of other languages: "Hola Valentina,", "Olá Beatriz!", "Hallo Jeroen,", "Merhaba Elif". The
# words after them are that language's, which no English vocabulary holds ("Hallo Welt", "Bonjour Paris!"): a name
# there only when the lists know its given name. The lower-case names of chat after them: ner.py.
FOREIGN_GREETINGS = (
    r"hola|olá|hallo|hoi|bonjour|bonsoir|salut|ciao|buongiorno|buenos\s+días|buenas(?:\s+(?:tardes|noches))?"
    r"|bom\s+dia|boa\s+(?:tarde|noite)|goedemorgen|goedemiddag|goedenavond|guten\s+(?:morgen|tag|abend)|merhaba"
    r"|selam|halo|hej|selamat\s+(?:pagi|siang|sore|malam)|gracias|obrigad[oa]|merci|danke|grazie|bedankt"
    r"|teşekkürler|terima\s+kasih|dziękuję|dzięki|děkuji|díky|köszönöm|mulțumesc|kiitos|salamat"
    # Nordic thanks, of more words too: "Tack så mycket", "Tusen takk", "Mange tak".
    r"|tack(?:[ \t]+så[ \t]+mycket)?|tusen[ \t]+takk|takk|(?:mange|tusind)[ \t]+tak"
    r"|asante|dankie|ndiyabulela|enkosi|ngiyabonga|siyabonga|cảm\s+ơn|xièxie|xiexie|arigatou?|arigatō|gomawo|kamsahamnida|shukran|spasibo|efharisto"
    # Greetings of Māori, Hawaiian, Samoan, Fijian, Swahili, Zulu, Hindi, Arabic, Hebrew and Irish: "Kia ora Mere,",
    # "Aloha Keoni,", "Jambo Wanjiru,", "Sawubona Thandi,", "Namaste Priya,", "Shalom Yael,", "Dia duit, Siobhán".
    r"|kia\s+ora|aloha|talofa|bula|vinaka|oi|toda(?:\s+raba)?|habari|jambo|sawubona|namaste|namaskar|salaam|salam|as-?salaam\s+alaikum"
    r"|marhaba|shalom|dia\s+duit"
    # Finnish and Norwegian "hei": "hei Tuula!".
    r"|hei"
    # Catalan, Baltic, South Slavic, Czech, Slovak, Polish, Hungarian, Estonian, Nordic, Romanian, Greek, Hausa,
    # Yoruba, Igbo, Malagasy, Burmese, Thai, Lao, Filipino, Vietnamese, Korean, Japanese and Chinese greetings in Latin
    # letters: "Bon dia Montserrat,", "Labas Gintarė,", "Dobar dan Ivana,", "Szia Réka!", "Kamusta Maricel,".
    r"|bon\s+dia|bona\s+(?:tarda|nit)|labas|sveiki|laba\s+diena|dobar\s+dan|zdravo|ahoj|dobrý\s+den|dzień\s+dobry"
    r"|szia|jó\s+napot|tere|hyvää\s+päivää|god\s+morgen|goddag|bună\s+ziua|kalimera|yassou|sannu|bawo|ndewo"
    r"|mingalaba|sawasdee|sabaidee|kamusta|magandang\s+(?:umaga|hapon|gabi)|xin\s+chào|annyeong(?:haseyo)?"
    r"|konnichiwa|ni\s+hao"
)
_FOREIGN_GREETING_BEFORE = re.compile(rf"(?i)\b(?:{by_first_letter(FOREIGN_GREETINGS)})\b[ \t]*,?[ \t]*$")
# Vietnamese addresses a person by a kinship pronoun before the given name ("anh Tuấn", "chị Lan", "cô Hạnh", "ông
# Dũng"), in a sentence that Vietnamese letters mark as Vietnamese: "em" and "anh" are words of other languages too
# (Portuguese "em Lisboa").
_VIETNAMESE_KIN_BEFORE = re.compile(r"(?<![\w'’-])(?:anh|chị|em|cô|chú|bác|ông|bà|dì|cậu|thầy|bạn)[ \t]+$")
# One who introduces oneself so, a given name of the lists after it: "em là Linh bên phòng kế toán" (not "em là Nhân
# viên kỹ thuật", a staff member).
_VIETNAMESE_I_AM_BEFORE = re.compile(r"(?<![\w'’-])(?:tôi|em|mình|anh|chị)[ \t]+là[ \t]+$")
_VIETNAMESE_LETTER = re.compile(r"[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def _in_vietnamese(text: str) -> bool:
    """True where Vietnamese letters mark ``text`` as Vietnamese; asked once per text, not per word of it."""
    return _VIETNAMESE_LETTER.search(text) is not None


def vietnamese_given_name_before(word: str, next_word: str) -> bool:
    """True for a capitalised kinship word that the lists hold as a given name too ("Anh") before a word in
    Vietnamese letters ("Anh Thư"): the name's first word there, not the pronoun of "anh Tuấn"."""
    return (
        _is_capitalised(word)
        and word in person_name_lists()[0]
        and _VIETNAMESE_KIN_BEFORE.fullmatch(word.lower() + " ") is not None
        and _VIETNAMESE_LETTER.search(next_word) is not None
    )


# A person the writer barely knows: Portuguese "um tal de", Spanish "un tal", French "un certain", "a certain" (not
# "um tal de Wi-Fi": only a given name of the lists).
_A_CERTAIN_BEFORE = re.compile(
    # Dutch "ene Ruud", "een zekere", German "ein gewisser", "eine gewisse"; a Spanish child: "la niña Valentina".
    r"(?i)\b(?:uma?[ \t]+tal(?:[ \t]+de)?|una?[ \t]+tal|a[ \t]+certain|une?[ \t]+certaine?|(?-i:ene)|een[ \t]+zekere"
    r"|ein[ \t]+gewisser|eine[ \t]+gewisse|(?:el|la)[ \t]+(?:niñ[oa]|nen[ea]|pequeñ[oa])|(?:o|a)[ \t]+menin[oa])[ \t]*$"
)
# "This is" of more languages, before a given name of the lists: Catalan "sóc la Montserrat", "sóc en Jordi"; Polish
# "Cześć, tu Agnieszka" at the clause's start ("tu Biuro Obsługi Klienta" is the desk's).
_OTHER_LANGUAGES_THIS_IS_BEFORE = re.compile(r"(?:(?i:\bsóc(?:[ \t]+(?:la|el|en|na))?)|(?:^|[,!.?][ \t]*)[Tt]u)[ \t]+$")
# Who served a customer, in other languages, an article before the role, the name after it in apposition: Portuguese
# "o atendente, Rogério, desligou", Spanish "el repartidor Julián", French "le livreur, Karim,", Italian "il corriere
# Davide", German "der Fahrer Jörg".
_OTHER_LANGUAGES_ROLE_BEFORE = re.compile(
    r"(?i:\b(?:o|a|el|la|le|il|lo|der|die|unser|unsere|nuestro|nuestra|nosso|nossa|notre)[ \t]+)(?-i:atendente"
    r"|técnic[oa]|entregador(?:a)?|motorista|vendedor(?:a)?|funcionári[oa]|gerente|consultor(?:a)?|operador(?:a)?"
    r"|repartidor(?:a)?|agente|conductor(?:a)?|chofer|camarer[oa]|recepcionista|enfermeir[oa]|enfermer[oa]|médic[oa]"
    r"|livreur|livreuse|chauffeur|vendeu(?:r|se)|conseill(?:er|ère)|technicien(?:ne)?|fattorino|autista|corriere"
    r"|commess[oa]|tecnico|operat(?:ore|rice)|Fahrer(?:in)?|Mitarbeiter(?:in)?|Techniker(?:in)?|Berater(?:in)?"
    r"|Zusteller(?:in)?|Kurier)[ \t]*,?[ \t]*$"
)
# A person in English, a comma before the name in apposition: "a real person, Tendai,", "the guy on the phone, Vikram
# something,", "this lady at the desk, Nomvula,".
_PERSON_IN_APPOSITION_BEFORE = re.compile(
    r"(?i)\b(?:a|an|the|this|that|some|one)[ \t]+(?:(?:real|nice|young|other|older|helpful|rude)[ \t]+)?"
    r"(?:person|guy|lady|woman|man|gentleman|girl|boy|bloke|fella|chap|dude)"
    r"(?:[ \t]+(?:on|at|in|from)[ \t]+(?:the|your|ur)[ \t]+[a-z]+)?[ \t]*,[ \t]*$"
)
_APPOSITION_ENDS = re.compile(r",|[ \t]+(?:or[ \t]+)?something\b")
# Thanks to someone, in other languages: "Merci à", "Danke an", "Gracias a", "Obrigado ao", "Grazie a", "Dank aan".
_THANKS_TO_BEFORE = re.compile(
    r"(?i)\b(?:(?:merci|remerciements)[ \t]+à|danke[ \t]+an|gracias[ \t]+a|obrigad[oa][ \t]+(?:ao|à|a)|grazie[ \t]+a"
    r"|dank[ \t]+aan|thanks[ \t]+to|thank[ \t]+you[ \t]+to|tack[ \t]+till)[ \t]*$"
)
# "im" as chat writes "I'm" opens the clause or follows a greeting ("hi im Marco", "Hey, im Marco"); after another
# word it is German's "in the" ("wartet im Flur", "Ich bin im Urlaub"), before a noun, no name.
_GERMAN_IM_BEFORE = re.compile(
    r"(?i)(?<![\w'’])(?!(?:hi|hey|hello|hiya|yo|ok|okay|oh|and|but|lol|so|yes|yeah|well)\b)[^\W\d_]+[ \t]+im[ \t]+$"
)


def german_im_before(text: str, start: int) -> bool:
    """True where the "im" right before ``start`` is German's "in the", not chat's "I'm"."""
    return _GERMAN_IM_BEFORE.search(text, max(0, start - 40), start) is not None


# What a person does or is right after the name: "Oluwaseun wrote:", "Zeynep ordered it for me", "Tomás here",
# "Ana from billing", "Tom is out of office".
_ACTION_AFTER_NAME = re.compile(
    # A surname before the given name that a note adds after it: "caller identified as Begay, first name Shiloh".
    r",[ \t]+(?:first|given)[ \t]+name\b"
    r"|\s+(?:wrote\b|said\b|says\b|replied\b|here\b"
    # "Here" after the caller's name in other languages, where the clause ends: Norwegian and Danish "Magnus her.",
    # Swedish "Sara här,", Irish "Pádraig anseo.", Dutch and German "Jeroen hier,", Tagalog "Si Mark po ito,".
    r"|(?:her|här|anseo|hier|po\s+ito|ito\s+po)(?=[ \t]*(?:[,.!;\n]|$))"
    r"|(?:mentioned|suggested|confirmed|explained|promised|recommended)"
    r"\s+(?:that|you|we|it|the|this|a|an|to|how)\b|(?:asked|called|emailed|messaged|texted|told|helped)\s+(?:me|us)\b"
    r"|ordered\s+(?:it|this|them)\b|(?:phoned|rang)\b|referred\s+(?:me|us|you|him|her|them|[A-Z])|(?:is|was)\s+(?:my|our)\s+(?:\w+\s+)?(?:wife|husband|partner|son|daughter|friend"
    r"|colleague|manager|boss|contact|agent)"
    r"|from\s+(?:your|our|the\s+\w+\s+team|support|billing|sales|accounts?|accounting|finance|customer\s+(?:service"
    r"|support|care|success)|it|hr|legal|security|tech\s+support|the\s+help\s*desk)\b"
    r"|(?:is|was|will\s+be)\s+(?:out\s+of\s+(?:the\s+)?office|on\s+(?:leave|vacation|holiday|sick\s+leave"
    r"|parental\s+leave)|away\s+until|back\s+on)\b)"
)
# An abbreviation of a capital, lower-case letters and capitals ("SmPC", "PhD"); not a surname in capitals after its
# prefix ("McDONALD", "MacLEOD").
_CAPITALS_AFTER_LOWER_CASE = re.compile(r"(?!Mc|Mac)[A-Z][a-z]{1,3}[A-Z]{1,3}")
# Not the next item's number of a list written on one line: "1) Aiko Mori 2) Baraka Otieno".
NUMBER_AFTER = re.compile(r"[ \u00a0]?[#№]?\d(?!\d?\)[ \t]+[A-ZÀ-ÖØ-Þ])")
_CLAUSE_ENDS_AFTER_NAME = re.compile(r"\s*(?:[,!.?;)\n]|[-–—](?=\s)|$|(?:from|here|again|speaking|at|of|with|and)\b)")
# Everyday words before a name too ("with", "for", "and"): a name there only when a name list knows a word of it.
_WEAK_CUE = re.compile(
    r"(?i)\b(?:with|for|from|by|and|or|call|called|text|texted|message|messaged|contact|contacted|email"
    r"|emailed|meet|met|ping|pinged|engineer|manager|customer|user|client|caller|policy\s*holder|owner|tenant"
    r"|landlord|patient|applicant|candidate|claimant|guarantor|referee"
    # Who is to be added to a thread or a call: "loop in Kenji when ...", "looping in Ayesha".
    r"|loop(?:ed|ing)?\s+in)\b\s*$"
)
# Titles of care, faith, kitchens, the law and the forces, capitalised before a name that is no place ("Nurse Ewa",
# "Imam Bashir"; not "Captain America").
_TRADE_TITLE_BEFORE = re.compile(
    r"\b(?:Nurse|Sister|Midwife|Doctor|Coach|Teacher|Pastor|Father|Imam|Rabbi|Chef|Officer|Sergeant|Sgt|Captain|Judge)"
    r"\.?[ \t]+$"
)
# Kin as a title, as a family writes an elder's name: "Auntie Folake", "Uncle Tunde", "Grandma Rose"; not before a
# possessive or the noun of goods, as brands write it ("Uncle Ben's rice", "Aunt Jemima syrup"). ("Nana" is a
# Ghanaian given name too: "Nana Ama Mensah".)
_KIN_TITLE_BEFORE = re.compile(r"\b(?:Auntie|Aunty|Aunt|Uncle|Grandma|Grandpa|Granny|Cousin)[ \t]+$")
# The speaker of a chat log's line, after its time in brackets and before a colon: "[09:15] Farrukh: ...",
# "[21:02:10] Ngozi: ..." (not "[10:01] Lisbon flight delayed").
_CHAT_LOG_TIME_BEFORE = re.compile(r"(?:^|\n)[ \t]*\[\d{1,2}:\d{2}(?::\d{2})?\][ \t]*$")
# Or the speaker in the brackets, opening the line: "[Amir]: are we still on for friday?".
_CHAT_LOG_BRACKET_BEFORE = re.compile(r"(?:^|\n)[ \t]*\[$")
_CHAT_LOG_BRACKET_AFTER = re.compile(r"\][ \t]*:")
_SPEAKERS_COLON_AFTER = re.compile(r"[ \t]*:")
# A lawyer addressed by the title of the trade, as American letters write it: "Attorney Goldberg", "Counsel Park"; the
# word after it no everyday word, which names an office ("Attorney General").
_LAWYERS_TITLE_BEFORE = re.compile(r"\b(?:Attorney|Atty|Counsel)\.?[ \t]+$")
_GREETING_CUE_BEFORE = re.compile(_GREETING_CUE.pattern.removesuffix(r"\s*,?\s*$") + r"[ \t]*,?[ \t]*$")
_WEAK_CUE_BEFORE = re.compile(_WEAK_CUE.pattern.removesuffix(r"\s*$") + r"[ \t]*$")
_CUE_REACH = 48
# Thanks on the message's last line, the sign-off on the same line after it: "Let me know if it's a problem. Thanks!
# Jordan", "See you at eight. Cheers, Mateus" (the name ends the text).
_THANKS_ON_THE_LAST_LINE_BEFORE = re.compile(rf"(?i:(?:^|[.!?][ \t]+)(?:{_SIGN_OFF_WORDS}|ta)(?:[ \t]*[!.,])+[ \t]+)$")
# Who a message, a call or a notification comes from, as an app announces it before the message: "New message from
# Ji-woo Park: ...", "Missed call from Dara Quinn:", "Voicemail from Oluwaseun:", "Note from Priya:" (the colon after
# the name).
_MESSAGE_FROM_BEFORE = re.compile(
    r"(?i:\b(?:(?:new|unread)[ \t]+)?(?:message|msg|text|reply|voicemail|dm|comment|call|note|memo)[ \t]+from)[ \t]+$"
)
# What a portal or a shop tells a person is ready for them: "A new lab result is ready for Beatriz Cardoso.", "Your
# order is waiting for ...".
_READY_FOR_BEFORE = re.compile(r"(?i:\b(?:is|are)[ \t]+(?:now[ \t]+)?(?:ready|waiting|available)[ \t]+for)[ \t]+$")
# A contract's party, the term that stands for it in brackets after its name: 'between Lindiwe Ndlovu (the
# "Contractor") and ...', 'Tomasz Wójcik ("the Tenant")'.
_DEFINED_PARTY_AFTER = re.compile(r"[ \t]*\([ \t]*(?:(?i:the|hereinafter)[ \t]+)?[\"“'‘](?:the[ \t]+)?[A-Z]")
# The label of a meeting's action line, the person to do it and "to" after it: "Action: Hiroko to send the budget".
_ACTION_LABEL_BEFORE = re.compile(
    r"(?i:(?:^|\n)[ \t]*(?:[-*•][ \t]+)?(?:actions?|action[ \t]+points?|ap|to-?do|next[ \t]+steps?)[ \t]*:[ \t]*)$"
)
# An attention line without a colon, in any case: "attn Ikaika Kahale", "FAO Oksana Hrytsenko", "for the attention
# of ...", and "Attention ..." opening a line. "FAO" is an agency too and "Attention" opens notices ("FAO Statistics",
# "Attention Shoppers"): a name there only of words of a name (_names_word), given names of the lists among more.
ATTENTION_BEFORE = re.compile(r"(?i:\b(?:attn|fao|attention[ \t]+of)|(?:^|\n)[ \t]*attention)\.?[ \t]*$")


def _attention_line_name(text: str, words) -> bool:
    """True for a name right after an attention line's words (:data:`ATTENTION_BEFORE`), every word of it a name's
    word (:func:`_names_word`) or, in a name of two words or more, a given name of the lists."""
    if ATTENTION_BEFORE.search(text, max(0, words[0][0] - 24), words[0][0]) is None:
        return False
    given, _ = person_name_lists()
    names = [word for _, _, word in words if word.lower() not in NAME_PARTICLES and len(word) > 1]
    return bool(names) and all(
        _names_word(word) or (len(names) > 1 and word in given and word not in places()) for word in names
    )


# Whom one minds or fetches, a given name of the lists after it: "looking after Kenji", "taking care of Amal",
# "picking up Ines from school" (not "looking after Windows updates", "picking up Amazon parcels").
_MINDING_BEFORE = re.compile(
    r"(?i)\b(?:look(?:s|ed|ing)?[ \t]+after|(?:take|takes|took|taking)[ \t]+care[ \t]+of|babysit(?:s|ting)?|babysat"
    r"|pick(?:s|ed|ing)?[ \t]+up|drop(?:s|ped|ping)?[ \t]+off)[ \t]+$"
)
# What a strong cue cannot be written without: run its search only on texts that hold one of these.
_STRONG_CUE_WORDS = (
    "name",
    "nama",
    ":",
    "|",
    " - ",
    " – ",
    "appelle",
    "heiße",
    "heisse",
    "llamo",
    "nombre",
    "chiamo",
    "nome",
    "chamo",
    "naam",
    "heet",
    "się",
    "imię",
    "jmenu",
    "volám",
    "heter",
    "navn",
    "namn",
    "nom ",
)
# Capitalised words that are not names after a cue: greetings' objects, fillers, pronouns, product words.
NOT_NAMES = frozenset(
    [
        "team",
        "teams",
        "all",
        "everyone",
        "everybody",
        "folks",
        "guys",
        "there",
        "sir",
        "madam",
        "madame",
        "customer",
        "customers",
        "user",
        "users",
        "support",
        "again",
        "so",
        "very",
        "not",
        "sorry",
        "happy",
        "glad",
        "unable",
        "able",
        "sure",
        "back",
        "here",
        "available",
        "interested",
        "looking",
        "trying",
        "writing",
        "calling",
        "contacting",
        "reaching",
        "following",
        "hoping",
        "still",
        "just",
        "also",
        "really",
        "please",
        "thanks",
        "thank",
        "regards",
        "best",
        "kind",
        "good",
        "great",
        "ok",
        "okay",
        "yes",
        "no",
        # Letters' words of address and first-person pronouns of other languages, which a salutation's line puts
        # where a name would stand ("Madame, Monsieur,\n\nJe souhaite ..."), and the labels of a form's name fields
        # under a title's field ("Anrede: Frau\nVorname: —").
        "monsieur",
        "messieurs",
        "mesdames",
        "señores",
        "señoras",
        "signori",
        "je",
        "yo",
        "ich",
        "io",
        "eu",
        "ik",
        "jag",
        "jeg",
        # The German sign-off's greetings: "Mit freundlichen Grüßen".
        "grüßen",
        "grüssen",
        "grüße",
        "gruß",
        "vorname",
        "nachname",
        "familienname",
        "prénom",
        "apellido",
        "apellidos",
        "cognome",
        "sobrenome",
        # Interjections of chat, which open a turn as a given name would ("Agent: Ah, the RoboPal Mini!"; "Ah" is a
        # given name of the lists too).
        "ah",
        "oh",
        "uh",
        "um",
        "hmm",
        "eh",
        "aha",
        "ooh",
        "wow",
        "meh",
        "nope",
        "yep",
        "yeah",
        "yup",
        "nah",
        "oops",
        "ugh",
        "huh",
        "hello",
        "hi",
        "hey",
        # Greetings of other languages, which open a line as a given name would ("Hola Valentina,", "Olá Beatriz!").
        "hola",
        # Tagalog's article before a person's name, which opens the introduction ("Si Mark po ito"), not the name.
        "si",
        "olá",
        # German "Sie" (you, formal) after a verb: "haben Sie am Heiligabend geöffnet?".
        "sie",
        "hallo",
        "hoi",
        "bonjour",
        "salut",
        "ciao",
        "merhaba",
        "selam",
        "halo",
        "hej",
        # Greetings of Hawaiian, Samoan, Swahili, Zulu, Hindi and Arabic ("Aloha Keoni,", "Namaste Priya,"); not
        # "Salam" nor "Shalom", which are given names too.
        "aloha",
        "talofa",
        "jambo",
        "habari",
        "sawubona",
        "namaste",
        "namaskar",
        "marhaba",
        # "Everyone" in other languages, after a greeting as a name would stand ("Ahoj Všichni,", "Dobar dan Svima").
        "všichni",
        "všetci",
        "svima",
        "tuturor",
        "wszystkim",
        "todos",
        "todas",
        "tutti",
        "tous",
        "allemaal",
        "kaikille",
        "herkese",
        "semua",
        "mindenkinek",
        # The word that makes a sign-off warm, after it ("Salutacions Cordials,", "Saludos Cordiales").
        "cordials",
        "cordiales",
        "cordiali",
        # Farewells of other languages, which end a message on their own line as a signature would ("Danke\nTschüss").
        "tschüss",
        "tschüs",
        "servus",
        "adiós",
        "adios",
        "adieu",
        "tchau",
        "doei",
        "arrivederci",
        "dear",
        # What a first program greets ('print("Hello World!")'), as code and tutorials write it.
        "world",
        # An attention line's words, which a line in capitals writes as a capitalised word ("ATTN Jo Bloggs").
        "attn",
        "fao",
        "morning",
        "afternoon",
        "evening",
        "night",
        "today",
        "tomorrow",
        "yesterday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "admin",
        "administrator",
        "agent",
        "service",
        "services",
        "sales",
        "billing",
        "account",
        "accounts",
        "manager",
        "management",
        "department",
        "dept",
        "office",
        "company",
        "customer-service",
        "helpdesk",
        "help",
        "desk",
        "it",
        "hr",
        "finance",
        "legal",
        "security",
        "operations",
        "ops",
        "dev",
        "devops",
        "engineering",
        "product",
        "marketing",
        "shipping",
        "delivery",
        "returns",
        "order",
        "orders",
        "refund",
        "refunds",
        "payment",
        "payments",
        "invoice",
        "invoices",
        "the",
        "a",
        "an",
        "my",
        "your",
        "our",
        "their",
        "his",
        "her",
        "its",
        "this",
        "that",
        "these",
        "those",
        "new",
        "old",
        "first",
        "last",
        "next",
        "same",
        "other",
        "another",
        "each",
        "every",
        "any",
        "some",
        "no",
        "none",
        # What a form's field holds where nobody is named ("Assignee: unassigned", "Customer: unknown").
        "unknown",
        "unassigned",
        "unspecified",
        "anonymous",
        "pending",
        "tbd",
        "tba",
        "null",
        "undefined",
        "one",
        "two",
        "three",
        "i",
        # "Hi, I'm Priya Raghunathan": the pronouns' contractions are capitalised too, and no name's word ("Owner:
        # We're hoping ...").
        "i'm",
        "i’m",
        "i've",
        "i’ve",
        "i'd",
        "i’d",
        "i'll",
        "i’ll",
        "we're",
        "we’re",
        "we've",
        "we’ve",
        "we'll",
        "we’ll",
        "we'd",
        "we’d",
        "you're",
        "you’re",
        "you've",
        "you’ve",
        "you'll",
        "you’ll",
        "they're",
        "they’re",
        "they've",
        "they’ve",
        "they'll",
        "they’ll",
        "it's",
        "it’s",
        "that's",
        "that’s",
        "there's",
        "there’s",
        "here's",
        "here’s",
        "let's",
        "let’s",
        "he's",
        "he’s",
        "she's",
        "she’s",
        "me",
        "we",
        "you",
        "he",
        "she",
        "they",
        "it",
        "us",
        "them",
        "who",
        "what",
        "where",
        "when",
        "why",
        "how",
        "which",
        "whose",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        # Titles of other languages: "Dear Sr. Joaquín Herrera".
        "mx",
        "sr",
        "sra",
        "srta",
        "sig",
        "dott",
        "avv",
        "mme",
        "mlle",
        "herr",
        "frau",
        "meneer",
        "mevrouw",
        "mevr",
        "dhr",
        "senhor",
        "senhora",
        "sayın",
        "sayin",
        "ibu",
        "bapak",
        "pak",
        "bu",
        "domnul",
        "doamna",
        "doctora",
        "doutor",
        "doutora",
        "dottore",
        "dottoressa",
        "paciente",
        "paziente",
        "patiënt",
        "patientin",
        "pasien",
        "app",
        "apps",
        "api",
        "web",
        "website",
        "site",
        "email",
        "mail",
        "phone",
        "chat",
        "bot",
        "assistant",
        "mobile",
        "desktop",
        "android",
        "ios",
        "windows",
        "mac",
        "linux",
        "cloud",
        "server",
        "premium",
        "pro",
        "plus",
        "basic",
        "free",
        "trial",
        "plan",
        "subscription",
        "version",
        "update",
        "upgrade",
        # Chat abbreviations written capitalised ("Btw", "Fyi"): no WordNet word, but nobody's name.
        "btw",
        "fyi",
        "asap",
        "pls",
        "plz",
        "thx",
        "imo",
        "imho",
        "tbh",
        "lol",
        "ps",
        # Chat's words after thanks or a greeting, where a name in lower case would stand ("thanks alot!!", "ty
        # bruh").
        "alot",
        "tysm",
        "thnx",
        "thanx",
        "bruh",
        "bro",
        "sis",
        "fam",
        "yall",
        "y'all",
        "ya'll",
        "bae",
        "luv",
        "hun",
        "bby",
        # Chat's contractions of two words, after "I'm" as a name would stand ("I'm outta here").
        "outta",
        "lotta",
        "kinda",
        "sorta",
        "gotta",
        "wanna",
        "gonna",
        "dunno",
        "lemme",
        "gimme",
        "tryna",
        "finna",
        "boutta",
        # The people who make or run an app, as its users thank them: "Thank you devs!", "thx mods".
        "devs",
        "dev",
        "mods",
        "admins",
        "peeps",
        # Chat's abbreviations at a message's end: "thanks\nttyl".
        "ttyl",
        "brb",
        "tysm",
        "omw",
        "idk",
        # What other languages call a relative, an elder or a teacher, as one asks or thanks them in English chat
        # ("ask bhaiya whether ...", "ask babcia to ...", "love\nammi"), none of them a given name.
        "bhaiya",
        "bhaiyya",
        "didi",
        "chacha",
        "chachi",
        "dadi",
        "ammi",
        "abbu",
        "achan",
        "jiju",
        "bhabhi",
        "mausi",
        "cikgu",
        "tatay",
        "nanay",
        "kuya",
        "babcia",
        "dziadek",
        "mwalimu",
        "halmoni",
        "harabeoji",
        "abuelo",
        "abuela",
        "señora",
        "señor",
        "nonna",
        "nonno",
        # Offices a Slovak or Czech letter writes capitalised after "pán" ("Vážený pán Riaditeľ"), and God.
        "riaditeľ",
        "ředitel",
        "prezident",
        "doktor",
        "predseda",
        "předseda",
        "starosta",
        "farár",
        "primátor",
        "vedúci",
        "sudca",
        "boh",
        "bůh",
    ]
)
_MAX_NAME_TOKENS = 4


@functools.cache
def person_name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """Given names and surnames in Latin script from the person providers of every ``faker`` locale, less the
    English function words among them."""
    given, surnames = _every_person_name()
    # "Per", "Will", "May", "Else": names that are English function words too are no sign of a name.
    everyday = _NOT_NAMES_TITLE | {word.title() for word in stop_words()}
    return given - everyday, surnames - everyday


@functools.cache
def _given_names_by_locale() -> Counter[str]:
    """How many ``faker`` locales list each given name (in Latin script)."""
    return Counter(name for given, _ in _names_of_each_locale() for name in given)


@functools.cache
def given_names_of_language(language: str) -> frozenset[str]:
    """The given names in Latin script of the ``faker`` locales of ``language`` (its code: "it" for it_IT and
    it_CH), in lower case."""
    return frozenset(
        name.lower()
        for (locale, _), (given, _) in zip(faker_person_providers(), _names_of_each_locale(), strict=True)
        if locale.split("_")[0] == language
        for name in given
    )


def given_name_of_several_locales(word: str) -> bool:
    """True for a given name that two ``faker`` locales or more list ("Zara", "Max", "Mercedes"); not one that a
    single locale's long list holds and the world knows as a brand ("Dell", "Ford", "Hilton" of ``en``)."""
    return _given_names_by_locale()[word] >= 2


@functools.cache
def _names_of_each_locale() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """Per ``faker`` locale, its given names and surnames in Latin script."""
    locales = []
    for locale, provider in faker_person_providers():
        to_latin = _transliteration(locale)
        given, surnames = person_name_strings(provider)
        locales.append((frozenset(_names(given, to_latin)), frozenset(_names(surnames, to_latin))))
    _freeze_what_lasts()
    return tuple(locales)


def _freeze_what_lasts() -> None:
    """Keep the collector's full passes off what reading the name lists loaded for good.

    Reading them imports faker's providers of every locale and what transliterates them: some two hundred thousand
    functions, classes, dicts and tuples that live as long as the process. Each full pass of the cyclic garbage
    collector, which the redactor's own allocations trigger every few thousand texts, would scan them all (a sixth
    of the patterns+ner tier's time on the bench's event mix). Once loaded, the garbage there is collected and what
    is left moved out of the collector's generations (``gc.freeze``), once per process (the callers are cached).
    Safe: no object is read or changed. Whatever is alive then is frozen, the caller's objects too; each is still
    freed when its last reference goes, only a reference cycle among them that turns to garbage later would stay.
    """
    gc.collect()
    gc.freeze()


@functools.cache
def _every_person_name() -> tuple[frozenset[str], frozenset[str]]:
    """Given names and surnames in Latin script from the person providers of every ``faker`` locale."""
    given: set[str] = set()
    surnames: set[str] = set()
    for locale_given, locale_surnames in _names_of_each_locale():
        given |= locale_given
        surnames |= locale_surnames
    # Names are written without their diacritics as often as with them: "Ozturk" for "Öztürk", "Nguyen" for
    # "Nguyễn", "Huseynov" for "Hüseynov".
    given |= {folded for name in given if (folded := fold_diacritics(name)) != name}
    surnames |= {folded for name in surnames if (folded := fold_diacritics(name)) != name}
    return frozenset(given), frozenset(surnames)


_NOT_NAMES_TITLE = frozenset(word.title() for word in NOT_NAMES)
# Latin letters of every European, African and Asian alphabet written in Latin script (Latin-1, Extended-A and
# -B, "ə" of Azerbaijani, Vietnamese letters), apostrophes and hyphens.
_LATIN_NAME = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏəƏḀ-ỿ'’-]{2,}")
# Letters that Unicode does not decompose into a base letter and a mark, as they are written without it.
_UNDECOMPOSED = str.maketrans({"ə": "a", "Ə": "A", "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
                               "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "þ": "th", "ð": "d"})  # fmt: skip


def fold_diacritics(word: str) -> str:
    """``word`` without diacritics: "Öztürk" -> "Ozturk", "Nguyễn" -> "Nguyen", "Łukasz" -> "Lukasz"."""
    decomposed = unicodedata.normalize("NFKD", word.translate(_UNDECOMPOSED))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@functools.cache
def faker_person_providers() -> tuple[tuple[str, type], ...]:
    """Each ``faker`` locale's person provider, with the locale's name ("ru_RU")."""
    import faker.providers.person as person_providers

    return tuple(
        (module.name, importlib.import_module(f"{person_providers.__name__}.{module.name}").Provider)
        for module in pkgutil.iter_modules(person_providers.__path__)
    )


# The lists of a ``faker`` person provider that hold given names and surnames: each locale splits them its own way,
# by sex ("first_names_female", "last_names_male"), by community ("first_names_est", "last_names_rus", Bengali
# "first_names_male_islamic") or by use (Polish "male_last_names" and "unisex_last_names", where "last_names" is
# only the base class's "Doe"); patronymics ("middle_names": "Aleksandrovich") follow a given name as a surname
# does. Not the romanized Chinese and Japanese lists ("first_romanized_names"): Chinese syllables are everyday words
# of history and geography too (:func:`everyday_words`); nor the kana ones, which no rule reads.
_GIVEN_NAME_LISTS = re.compile(r"first_names(?:_\w+)?")
_SURNAME_LISTS = re.compile(r"(?:\w+_)?last_names(?:_\w+)?|middle_names(?:_\w+)?")
# Stems of Icelandic patronymics, which faker ends with "son" or "dóttir" ("Jóns"): no name as written.
_NOT_NAME_LISTS = frozenset(("last_names_without_suffix",))
# A list of men's surnames that has no women's list beside it (Polish "male_last_names"): its adjectival surnames
# end in "-a" for a woman ("Lewandowski", "Lewandowska"; "Zawadzki", "Zawadzka"; "Nowicki", "Nowicka").
_MEN_ONLY_SURNAMES = "male_last_names"
_MASCULINE_ADJECTIVE_END = re.compile(r"(?<=[csz]k)i$")
# The lists every locale may fill, which faker's base provider reads: read whole, an English word among them a name
# too ("Brown", "Rose": :func:`everyday_words`). A locale's lists of its own add names these leave out (Polish
# "unisex_last_names", patronymics), less their English words ("Senator", "Zero", "Czech" are Polish surnames too),
# which would stop being everyday words everywhere ("Yes Senator, I agree").
_EVERY_LOCALES_LISTS = frozenset(
    (
        "first_names",
        "first_names_female",
        "first_names_male",
        "first_names_nonbinary",
        "last_names",
        "last_names_female",
        "last_names_male",
        "last_names_nonbinary",
    )
)


def person_name_strings(provider: type) -> tuple[list[str], list[str]]:
    """The given names and the surnames of a ``faker`` person provider, from every list of it that holds them."""
    given: list[str] = []
    surnames: list[str] = []
    nouns_and_adjectives, verbs = word_classes()
    english = nouns_and_adjectives | verbs
    for attribute in dir(provider):
        into = (
            given
            if _GIVEN_NAME_LISTS.fullmatch(attribute)
            else surnames
            if _SURNAME_LISTS.fullmatch(attribute)
            else None
        )
        if into is None or attribute in _NOT_NAME_LISTS:
            continue
        names = name_strings(getattr(provider, attribute))
        if attribute not in _EVERY_LOCALES_LISTS:
            # Written without their diacritics too: "Buś" as "Bus", "Żero" as "Zero".
            names = [
                name for name in names if name.lower() not in english and fold_diacritics(name).lower() not in english
            ]
        into.extend(names)
        if attribute == _MEN_ONLY_SURNAMES:
            surnames.extend(_MASCULINE_ADJECTIVE_END.sub("a", name) for name in names)
    return given, surnames


def name_strings(values) -> list[str]:
    """The names of one of a ``faker`` provider's lists: a list or tuple of names, or a dict of names and weights."""
    names = values.keys() if isinstance(values, dict) else values if isinstance(values, list | tuple) else ()
    return [name for name in names if isinstance(name, str)]


def _names(values, to_latin: Callable[[str], str] | None = None) -> set[str]:
    strings = name_strings(values)
    if to_latin is not None:
        strings = [to_latin(name) for name in strings]
    return {name for name in strings if _LATIN_NAME.fullmatch(name)}


# Faker transliterates the Cyrillic names of its Russian, Ukrainian, Bulgarian and Macedonian locales for their
# e-mail addresses, each by its own table ("Юсупова" -> "Yusupova"), and Greek ones through ``latinize``
# ("Παπαδάκης" -> "Papadakis"). Other scripts are left out: a letter-by-letter reading of an abjad (Arabic, Hebrew,
# Persian), an Indic or Thai script, or Georgian ("ბერიძე" -> "beriz'e") is not how those names are spelt in
# Latin letters.
def _transliteration(locale: str) -> Callable[[str], str] | None:
    """How to write the names of faker's ``locale`` in Latin letters, or None where they already are or where
    no faithful transliteration is at hand."""
    from faker.decode import unidecode

    if locale.startswith("el_"):
        from faker.providers.internet.el_GR import latinize

        return latinize
    module = f"faker.providers.internet.{locale}"
    if importlib.util.find_spec(module) is None:
        return None
    replacements = importlib.import_module(module).Provider.__dict__.get("replacements", ())
    if not any(re.search("[А-я]", search) for search, _ in replacements):
        return None

    def cyrillic_to_latin(name: str) -> str:
        for search, replace in replacements:
            name = name.replace(search, replace)
        return "-".join(part.title() for part in unidecode(name).split("-"))

    return cyrillic_to_latin


def _is_capitalised(word: str) -> bool:
    return word[0].isupper() and not (len(word) > 1 and word.isupper())


def find_person_names(text: str) -> list[tuple[int, int, bool]]:
    """Spans of ``text`` that the rules read as person names, in order, each with whether a cue *announced* it
    (a form's field, "Dear", "spoke with", a greeting, "... wrote:") or only the name lists know it (a given name
    and a surname, or a given name after an everyday word such as "with"): the model may veto the latter."""
    tokens = [(match.start(), match.end(), match.group()) for match in WORD.finditer(text)]
    if not tokens:
        return []
    given, surnames = person_name_lists()
    # Where a form's field or "my name is" ends, a name in any case may start.
    cue_ends = strong_cue_ends(text)
    spans: list[tuple[int, int, bool]] = []
    index = 0
    while index < len(tokens):
        start, _, word = tokens[index]
        taken, announced = 0, False
        if start in cue_ends:
            taken, announced = _field_value(text, tokens, index, _name_run(text, tokens, index, any_case=True)), True
        elif (_MODAL_AS_A_NAME.match(text, start) and SENTENCE_START.search(text, max(0, start - 4), start)) or (
            _MODAL_GREETED.match(text, start) and _GREETING_OPENS_BEFORE.search(text, max(0, start - 16), start)
        ):
            taken, announced = 1, True
        elif (
            (_is_capitalised(word) or _particle_before_name(tokens, index))
            and (word.lower() not in NOT_NAMES or _is_initial(text, tokens, index))
            and not _opens_the_sentence_before_a_name(text, tokens, index)
        ):
            taken, announced = _cued_or_known_name(text, tokens, index, given, surnames)
            # "cc: B. Tanaka, M. Oduya": initials and a surname listed after a name a cue announced are a name too.
            if (
                not taken
                and spans
                and spans[-1][2]
                and text[spans[-1][1] : start] in (", ", "; ")
                and _is_initial(text, tokens, index)
            ):
                taken, announced = _name_run(text, tokens, index, any_case=False), True
            if (
                taken
                and announced
                and (
                    _only_everyday_words(tokens[index : index + taken])
                    or _TEAM_AFTER.match(text, tokens[index + taken - 1][1])
                )
            ):
                taken = 0
        if taken:
            # "Ma. Cristina Reyes", "Md. Rahim Uddin": the abbreviated given name before a name the lists know.
            if (
                index
                and tokens[index - 1][2] in _GIVEN_NAME_ABBREVIATIONS
                and text[tokens[index - 1][1] : start] == ". "
            ):
                start = tokens[index - 1][0]
            spans.append((start, tokens[index + taken - 1][1], announced))
            index += taken
        else:
            index += 1
    if _COMMA_BEFORE_A_CAPITAL.search(text):
        spans = _with_surnames_first(text, spans, cue_ends)
    names_of_a_label = _names_listed_after_a_label(text)
    # A name of a label's list is announced by it, though the name lists found it too.
    spans = [
        (
            start,
            end,
            announced or any(start < name_end and name_start < end for name_start, name_end in names_of_a_label),
        )
        for start, end, announced in spans
    ]
    listed_names = [*names_of_a_label, *_names_listed_with_names(text, spans)]
    if text.count("\n") >= 2:
        listed_names += _names_listed_one_a_line(text, spans)
    if "\n" in text and ":" in text:
        listed_names += _names_labelling_list_items(text)
    if "\n" in text and "," in text:
        listed_names += _names_in_csv_name_columns(text)
    listed_names += _vietnamese_full_names(text)
    listed_names += _names_after_a_service_role(text)
    listed_names += _given_names_of_the_sentences_language(text)
    if ":" in text:
        listed_names += _speakers_of_a_transcript(text)
    listed_names += _given_names_where_only_a_person_stands(text)
    listed_names += _names_before_a_japanese_honorific(text)
    listed_names += _names_before_an_indian_honorific(text)
    listed_names += _names_a_booking_is_under(text)
    if "M. " in text:
        listed_names += _names_after_monsieur(text)
    listed_names += _names_before_a_turkish_title(text)
    listed_names += _surnames_at_a_door_or_of_a_profession(text)
    for listed in listed_names:
        if not any(start < listed[1] and listed[0] < end for start, end, _ in spans):
            spans.append((*listed, True))
    if "/" in text:
        for airline in _names_as_airlines_write_them(text):
            # The whole name, surname and given names, over a part the rules took alone ("MCALLISTER/EWAN").
            others = [span for span in spans if not (airline[0] <= span[0] and span[1] <= airline[1])]
            if not any(start < airline[1] and airline[0] < end for start, end, _ in others):
                spans = [*others, (*airline, True)]
    spans.sort()
    for signature in (
        _signature_in_lower_case_at_the_end(text),
        _given_name_alone_ending_the_message(text),
        _given_name_after_the_last_sign_off(text),
    ):
        if signature is not None and not any(start < signature[1] and signature[0] < end for start, end, _ in spans):
            spans.append((*signature, True))
    # A firm or a board signing as people do: "Kind regards,\nLakeside Lettings", "Sportliche Grüße\nDer Vorstand".
    spans = [
        span
        for span in spans
        if not a_firm_or_a_board_by_its_words(text[span[0] : span[1]])
        # (after a title it is a surname, however it is spelled: "Dear Mr HEMMING")
        and not (
            _a_contraction_or_a_gerund(text[span[0] : span[1]])
            and _PERSONS_TITLE_BEFORE.search(text, max(0, span[0] - 6), span[0]) is None
        )
    ]
    # Names in their own script (Cyrillic, Greek, Hebrew, Arabic, Thai, Chinese, Japanese, Korean), which no
    # Latin word above is part of.
    native = find_native_names(text)
    return sorted([*spans, *native]) if native else spans


# (nor a plan's or a product's letter: "Formule M. Abonnement mensuel")
_SIZE_M_BEFORE = re.compile(
    r"(?i:\b(?:en|du|un|le|la|et|ou|taille|size|talla|sizes?|[SL]|XS|XL|formule|forfait|offre|pack|option|modèle"
    r"|version|plan))[ \t]*[,/]?[ \t]*$"
)


def _names_after_monsieur(text: str) -> list[tuple[int, int]]:
    """The names after :data:`_AFTER_MONSIEUR` in a French sentence (or one too short to tell), words that no everyday
    English vocabulary ("M. Black is sold out" is a size) nor a brand list holds."""
    found = []
    for match in _AFTER_MONSIEUR.finditer(text):
        # Not the size M ending a sentence: "en S et en M. Merci de me dire", "La taille M. Parfait".
        if _SIZE_M_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue
        words = match.group("name").split()
        # (a French sentence, or one too short to tell: "Le colis est pour M. Fournier-Duval à Lyon.")
        if language_of_the_sentence(text, *match.span("name")) in ("fr", None) and not any(
            word.lower() in everyday_words() or word in brands() for word in words
        ):
            found.append(match.span("name"))
    return found


# Turkish titles of respect after the given name, in either case: "Elif Hanım ile görüştüm", "eşi Zeynep Hanım
# adına", "ayşe hanım çok yardımcı oldu", "Ozan Bey".
_BEFORE_A_TURKISH_TITLE = re.compile(
    r"(?<![\w'’-])(?P<name>[^\W\d_]+)[ \t]+(?:[Hh]an[ıi]m(?:efendi)?|[Bb]ey(?:efendi)?)(?![\w'’-])"
)


# Whom "Bey" and "Hanım" honour by a trade or a rank, and answers before "hanımefendi": master, courier, manager,
# technician, waiter, the cargo man, the one in charge, doctor, teacher, driver, officer; yes, all right ("Usta Bey",
# "Kurye Bey", "Evet hanımefendi").
TURKISH_ROLES_AND_ANSWERS_BEFORE_A_TITLE = frozenset(
    ("Usta", "Kurye", "Müdür", "Teknisyen", "Garson", "Kargocu", "Yetkili", "Doktor", "Hoca", "Şoför", "Memur",
     "Başkan", "Komşu", "Evet", "Tamam", "Hayır", "Efendim")
)  # fmt: skip


def _names_before_a_turkish_title(text: str) -> list[tuple[int, int]]:
    """The given names before :data:`_BEFORE_A_TURKISH_TITLE`'s titles: a given name of the lists in either case, or,
    in a Turkish sentence, a capitalised word that is no stop word ("Bu Bey" stays)."""
    found = []
    given = person_name_lists()[0]
    for match in _BEFORE_A_TURKISH_TITLE.finditer(text):
        word = match.group("name")
        capitalised = word[:1].isupper()
        listed = word in given if capitalised else word.capitalize() in given
        if word.capitalize() in TURKISH_ROLES_AND_ANSWERS_BEFORE_A_TITLE:
            continue
        if listed or (
            capitalised
            and word.lower() not in spacy_stop_words("tr")
            and word.lower() not in NOT_NAMES
            and language_of_the_sentence(text, *match.span()) == "tr"
        ):
            found.append(match.span("name"))
    return found


# The people a meeting's notes list after their label, one name an item: "Attendance: Ikaika, Malia, Tevita",
# "Also present: ...",
# "Apologies: Sione", "Action items: Pooja → vendor shortlist; Hassan → security review". Each item's name opens it and
# ends at its separator (a comma, a semicolon, "and", an arrow, a dash, a bracket, a colon, the line's end).
_PEOPLE_LABEL = re.compile(
    r"(?im)(?:^|[.;]|\n)[ \t]*(?:attendees?|attendance|(?:(?:also|partners|members|staff|not)[ \t]+)?(?:present|absent)"
    r"|apologies"
    r"|participants?|invitees?|panel(?:lists)?"
    r"|speakers?|action[ \t]+items?|assignees?|reviewers?|approvers?|owners?"
    # The people who interview or judge, what for before the word: "Interview panel:", "Selection panel:".
    r"|(?:interview|selection|hiring|judging|review)[ \t]+panel"
    # A list of people, what it is for after it: "Student list for the trip:", "Guest list:", "Class roster:".
    r"|(?:student|pupil|guest|player|squad|team|staff|volunteer|member|invitee|passenger|attendee|participant"
    r"|cast|carpool|waiting)[ \t]+(?:list|roster|names)(?:[ \t]+(?:for|of)\b[^:\n]{0,40})?"
    # The people a hiring or an award weighs: "Shortlist for the analyst post:", "Finalists:", "Nominees of 2024:".
    r"|(?:short[ \t-]?list(?:ed)?(?:[ \t]+candidates)?|candidates|interviewees|applicants|finalists|nominees)"
    r"(?:[ \t]+(?:for|of)\b[^:\n]{0,40})?"
    # Those a booking, a lease or a class is for, and when or where they come: "Passengers:", "Guests on this booking:",
    # "Exchange students arriving Monday:", "New starters this week:".
    r"|(?:(?:exchange|new|international|visiting|incoming)[ \t]+)?(?:passengers|guests|travell?ers|occupants|tenants"
    r"|residents|students|pupils|starters|joiners|volunteers|helpers|stewards|marshals)"
    r"(?:[ \t]+(?:on|for|of|in|arriving|joining|starting|this[ \t]+week|today|tomorrow|tonight)\b[^:\n]{0,30})?"
    # The people an email is copied to, on its header's line: "cc: Amara Nwosu; Jean-Baptiste Mukendi".
    r"|cc|bcc)[ \t]*:[ \t]*"
)
# A name ends at an initial's full stop: "Aditi R., Lwazi M.".
# A particle may stand inside a name: "Pieter de Vries".
_LISTED_ITEM = re.compile(
    r"(?P<name>[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]*(?:['’-][^\W\d_]+)*"
    rf"(?:(?:[ \t](?:{'|'.join(sorted(NAME_PARTICLES))}))*[ \t][A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]*(?:['’-][^\W\d_]+)*){{0,2}}"
    r"(?:(?<=[ \t][A-Z])\.)?)"
    # The next item's number: "1. Arnab Chatterjee 2. ...".
    r"(?P<end>[ \t]*(?:,|;|\.(?:[ \t]|$)|$|\n|[ \t](?:and|&)[ \t]|→|->|[-–—][ \t]|\(|:|[ \t]\d{1,2}[.)][ \t]))"
)
# The items of a list on one line are numbered too: "Passengers: 1. Arnab Chatterjee 2. Tahmina Akter".
_ITEM_NUMBER = re.compile(r"[ \t]*\d{1,2}[.)][ \t]+")
_NEXT_ITEM = re.compile(r"[^,;\n]*?(?:,|;|[ \t]and[ \t]|[ \t]&[ \t]|[ \t](?=\d{1,2}[.)][ \t]))[ \t]*")
# A line of a list under its label, its bullet or number before it: "1. Nadia Benali", "- Ama Owusu".
_LIST_LINE = re.compile(r"\n[ \t]*(?:[-*•][ \t]+|\d{1,2}[.)][ \t]+)?(?=\S)")


def _names_listed_after_a_label(text: str) -> list[tuple[int, int]]:
    """The names of :data:`_PEOPLE_LABEL`'s list, each item's name made of words written as names that no everyday
    vocabulary, stop words, place list or brand list holds ("Attendees: Marketing, Sales", "Owners: Finance",
    "Reviewers: GitHub Copilot" stay)."""
    if ":" not in text:
        return []
    found = []
    for label in _PEOPLE_LABEL.finditer(text):
        for position, line_end in _lines_of_a_label(text, label.end()):
            found += _names_of_a_line(text, position, line_end)
    return found


def _lines_of_a_label(text: str, position: int) -> list[tuple[int, int]]:
    """Where the items of a label's list lie, each line's start and end: the rest of the label's line, or, when it
    ends with the label, the lines of the list under it, up to a blank line ("Shortlist:\\n1. Nadia Benali\\n...")."""
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    if text[position:line_end].strip():
        return [(position, line_end)]
    lines = []
    while (line := _LIST_LINE.match(text, line_end)) is not None:
        line_end = text.find("\n", line.end())
        line_end = len(text) if line_end < 0 else line_end
        lines.append((line.end(), line_end))
    return lines


def _names_of_a_line(text: str, position: int, line_end: int) -> list[tuple[int, int]]:
    """The names of the items of a label's list between ``position`` and ``line_end`` (see
    :func:`_names_listed_after_a_label`); a particle inside a name is none of its words to judge, and the word after
    it may be an everyday word too ("de Vries", "van Dam")."""
    everyday, place_words, brand_names = everyday_words(), places(), brands()
    found = []
    while position < line_end:
        if number := _ITEM_NUMBER.match(text, position):
            position = number.end()
        item = _LISTED_ITEM.match(text, position)
        if item is not None:
            written = item.group("name").split()
            words = [word for word in written if word not in NAME_PARTICLES]
            after_a_particle = {word for before, word in itertools.pairwise(written) if before in NAME_PARTICLES}
            if all(
                (word.lower() not in everyday or word in after_a_particle)
                and word.lower() not in stop_words()
                and word.lower() not in NOT_NAMES
                and word not in place_words
                for word in words
            ) and not any(" ".join(words[: count + 1]) in brand_names for count in range(len(words))):
                found.append((item.start("name"), item.end("name")))
        following = _NEXT_ITEM.match(text, position)
        if following is None or following.end() > line_end or following.end() == position:
            break
        position = following.end()
    return found


# A CSV export's header line, three fields or more, each a column's name, quoted or not ("contact_id,first_name,
# last_name,stage"), and the columns that hold a person's name: "first_name", "Last Name", "customer_name", "surname"
# (not a thing's name: "product_name", "file_name"); a column named "name" alone only beside a column that only a
# person has ("email", "phone", "dob", a lead's or a contact's id), or where the value is a full name of the lists.
_CSV_FIELD = r"[ \t]*\"?[A-Za-z][\w .-]{0,30}\"?[ \t]*"
_CSV_HEADER = re.compile(rf"(?m)^{_CSV_FIELD}(?:,{_CSV_FIELD}){{2,}}\r?$")
_CSV_NAME_COLUMN = re.compile(
    r"(?i)(?:first|last|given|family|full|middle|sur|fore|contact|customer|client|patient|guest|passenger|tenant"
    r"|employee|person|holder|cardholder|recipient|sender|applicant|candidate|student|member)[ _.-]?name|surname"
)
_CSV_PERSONS_COLUMN = re.compile(
    r"(?i)e[_-]?mail|phone|mobile|tel|telephone|dob|date[ _]of[ _]birth|birth[ _]?date|gender|(?:lead|contact"
    r"|customer|patient|guest|employee|member|student)[ _]?id"
)


# A Vietnamese name as it is written, family name first, then a middle and a given name of one syllable each, in
# Vietnamese letters or without their marks: "Nguyễn Thị Thu Hằng", "Pham Thu Ha", "Tran Minh Khoa". The family
# names that are no word of another language ("Le", "Do", "Ho" are: only with their marks), then two or three
# capitalised syllables of at most six letters that Vietnamese names are made of (:data:`_VIETNAMESE_NAME_SYLLABLES`;
# "Hoang Kiem Lake" is none): the name lists hold few of them, and "Thu", "Ha", "Hang", "Van" are English words or
# abbreviations, which would veto the name.
_VIETNAMESE_FAMILY_NAMES = (
    "Nguyen|Nguyễn|Tran|Trần|Pham|Phạm|Hoang|Hoàng|Huynh|Huỳnh|Phan|Vu|Vũ|Vo|Võ|Dang|Đặng|Bui|Bùi|Ngo|Ngô|Duong|Dương"
    "|Trinh|Trịnh|Dinh|Đinh|Truong|Trương|Doan|Đoàn|Luong|Lương|Trieu|Triệu|Lê|Đỗ|Hồ"
)
_VIETNAMESE_SYLLABLE = r"[A-ZĐÀ-Ỹ][a-zđà-ỹ]{0,5}"
_VIETNAMESE_FULL_NAME = re.compile(
    rf"(?<![\w'’-])(?:{_VIETNAMESE_FAMILY_NAMES})(?:[ \t]+{_VIETNAMESE_SYLLABLE}(?![\w'’-])){{2,3}}"
)
# The middle and given names' syllables, without their marks (common ones, hand-listed 2026-12-03).
_VIETNAMESE_NAME_SYLLABLES = frozenset((
    "Thi", "Van", "Thu", "Ha", "Hang", "Minh", "Anh", "Duc", "Huu", "Quang", "Ngoc", "Thanh", "Hoa", "Lan", "Linh",
    "Mai", "Trang", "Huong", "Tuan", "Hung", "Dung", "Hai", "Long", "Nam", "Son", "Binh", "Khoa", "Phuong", "Thao",
    "Vy", "Yen", "Tam", "Tien", "Trung", "Dat", "Hieu", "Kiet", "Phuc", "Tai", "Bao", "Chi", "Diep", "Giang",
    "Hanh", "Hien", "Hong", "Khanh", "Kim", "Loan", "My", "Nga", "Nhung", "Oanh", "Quynh", "Tuyet", "Xuan", "Cuong",
    "Hau", "Loc", "Luan", "Nghia", "Nhat", "Phong", "Quan", "Sang", "Thang", "Thinh", "Toan", "Trong", "Tu", "Viet",
    "Vinh", "Dao", "Nhi", "Hue", "Cuc", "Dieu", "Thuy", "Tram", "Uyen", "Ly", "Lien", "Nhan", "Hoai", "Khai",
    "Khang", "Khiem", "Luc", "Manh", "Nguyen", "Phat", "Quoc", "Tan", "The", "Thien", "Tho", "Tri", "Truc", "Tung",
    "Vu", "Hoang", "Duy", "Gia", "Bich", "Kieu", "Ngan", "Ngo", "Tuong", "Phu", "Dinh", "Hiep", "Hoan", "Dan", "Ut",
))  # fmt: skip


def _vietnamese_full_names(text: str) -> list[tuple[int, int]]:
    """The spans of :data:`_VIETNAMESE_FULL_NAME`'s names, to the last of the two or three syllables after the family
    name that are names' ("Tran Minh Khoa Will review": "Tran Minh Khoa")."""
    names = []
    for match in _VIETNAMESE_FULL_NAME.finditer(text):
        words = list(WORD.finditer(text, match.start(), match.end()))
        named = next(
            (
                count
                for count in (4, 3)
                if len(words) >= count
                and all(fold_diacritics(word.group()) in _VIETNAMESE_NAME_SYLLABLES for word in words[1:count])
            ),
            0,
        )
        if named:
            names.append((match.start(), words[named - 1].end()))
    return names


def _names_in_csv_name_columns(text: str) -> list[tuple[int, int]]:
    """The values of a CSV export's name columns (:data:`_CSV_HEADER`, :data:`_CSV_NAME_COLUMN`) on the rows under its
    header, up to a blank line (a row with another number of fields is passed over): "88213,Siyabonga,Ndlovu,Ubuntu
    Logistics". A value is a name where its words are written as names (capitalised) and none is an everyday word, a
    place or a brand that the name lists do not hold ("7782,—,new,unassigned", "id,product_name\n1,Garden Hose"
    stay)."""
    given, surnames = person_name_lists()
    everyday, place_words, brand_names = everyday_words(), places(), brands()
    found = []
    for header in _CSV_HEADER.finditer(text):
        columns = [column.strip(' \t"\r') for column in header.group().split(",")]
        persons_columns = any(_CSV_PERSONS_COLUMN.fullmatch(column) for column in columns)
        wanted = {
            index: column.lower() == "name"
            for index, column in enumerate(columns)
            if _CSV_NAME_COLUMN.fullmatch(column) or (column.lower() == "name")
        }
        if not wanted:
            continue
        position = header.end() + 1
        while position < len(text):
            line_end = text.find("\n", position)
            line_end = len(text) if line_end < 0 else line_end
            line = text[position:line_end].rstrip("\r")
            if not line.strip():
                break
            fields = next(csv.reader([line]))
            if len(fields) == len(columns):
                searched = position
                for index, field in enumerate(fields):
                    value = field.strip(" \t")
                    found_at = text.find(value, searched, line_end) if value else -1
                    if found_at < 0:
                        continue
                    searched = found_at + len(value)
                    words = value.split()
                    if (
                        index in wanted
                        and words
                        and (
                            not wanted[index]
                            or persons_columns
                            or (len(words) >= 2 and words[0] in given and words[-1] in surnames)
                        )
                        and all(
                            _is_capitalised(word)
                            and (
                                word in given
                                or word in surnames
                                or (word.lower() not in everyday and word not in place_words)
                            )
                            for word in words
                        )
                        and value not in brand_names
                    ):
                        found.append((found_at, found_at + len(value)))
            position = line_end + 1
    return found


# A capitalised word of letters, hyphens and apostrophes joining its parts ("Babajide", "O'Brien", "Jean-Luc").
_CAPITALISED_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+(?:['’-][^\W\d_]+)*"
# French "M." (Monsieur) before a surname, and a given name before it: "rappeler M. Kouassi", "à M. Fournier-Duval",
# "M. Jean Martin".
_AFTER_MONSIEUR = re.compile(rf"(?<![\w.])M\.[ \t]+(?P<name>{_CAPITALISED_WORD}(?:[ \t]{_CAPITALISED_WORD})?)")
# A name in Latin letters with a Japanese honorific joined to it, as guests and colleagues write it: "Sato-san at the
# reception", "Tanaka-sensei", "Yuki-chan".
_NAME_BEFORE_A_JAPANESE_HONORIFIC = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][a-zāēīōū]+(?:[ \t][A-Z][a-zāēīōū]+)?)"
    r"-(?:san|sama|kun|chan|sensei|senpai|dono)(?![\w-])"
)
# Japanese words for people that take an honorific as names do: "Minna-san" (everyone), "Onii-chan" (big brother),
# "Kami-sama" (god), "Okyaku-sama" (the customer).
_JAPANESE_WORDS_FOR_PEOPLE = frozenset(
    [
        *("minna", "onii", "onee", "nii", "nee", "okaa", "otou", "kaa", "tou", "obaa", "ojii", "oba", "oji", "kami"),
        *("okyaku", "ojou", "bocchan", "oneesan", "oniisan", "obaasan", "ojiisan", "otousan", "okaasan", "aniki"),
        "aneki",
    ]
)


def _names_before_a_japanese_honorific(text: str) -> list[tuple[int, int]]:
    """The names of :data:`_NAME_BEFORE_A_JAPANESE_HONORIFIC`, none of their words an everyday word, a brand or a
    Japanese word for people (:data:`_JAPANESE_WORDS_FOR_PEOPLE`: "Minna-san", "Hello-san", "Pokemon-kun" stay)."""
    return [
        match.span("name")
        for match in _NAME_BEFORE_A_JAPANESE_HONORIFIC.finditer(text)
        if not any(
            word.lower() in everyday_words() or word.lower() in _JAPANESE_WORDS_FOR_PEOPLE or word in brands()
            for word in match.group("name").split()
        )
    ]


# The words Indian English, Hinglish, Telugu and Tamil chat honour a person with right after the name, capitalised
# or not: "Ankit bhai ne bola", "Sharma ji ka order", "Priya didi", "Ravi garu", "Murugan anna"; Bengali "da" and
# "di" (elder brother, sister: "Thanks Sourav da,"), only after thanks or a greeting and where the clause ends after
# them: elsewhere they are the prepositions of Romance languages and Indonesian ("Maria da Silva", "Indirizzo di
# consegna") or an exclamation's ("Semma da!").
_NAME_BEFORE_AN_INDIAN_HONORIFIC = re.compile(
    rf"(?<![\w'’.-])(?P<name>{_CAPITALISED_WORD}(?:[ \t]{_CAPITALISED_WORD})?)[ \t]+"
    r"(?:bhai|bhaiya|bhaiyya|ji|didi|saab|sahab|bhabhi|garu|anna|akka)\b(?![-'’])"
)
_NAME_BEFORE_A_BENGALI_HONORIFIC = re.compile(
    rf"(?i:\b(?:thanks|thank[ \t]+you|thx|hi|hey|hello|dear))[ \t,]+(?P<name>{_CAPITALISED_WORD})[ \t]+(?:da|di)"
    r"(?=[ \t]*(?:[,.!?;)]|$))"
)


def _names_before_an_indian_honorific(text: str) -> list[tuple[int, int]]:
    """The names of :data:`_NAME_BEFORE_AN_INDIAN_HONORIFIC`, none of their words an everyday word, a function word,
    a relative, a title or a deity (:data:`_INDIAN_KIN_TITLES_AND_DEITIES`), a brand or a place ("Modi ji" is a person
    too; "Google ji", "Delhi bhai", "Mata ji" stay)."""

    def no_name(word: str) -> bool:
        return (
            word.lower() in everyday_words()
            or word.lower() in NOT_NAMES
            or word.lower() in stop_words()
            or word.lower() in _INDIAN_KIN_TITLES_AND_DEITIES
            or word in brands()
            or word in places()
            or word in cities()
        )

    spans = [
        match.span("name")
        for match in _NAME_BEFORE_A_BENGALI_HONORIFIC.finditer(text)
        if not no_name(match.group("name"))
    ]
    for match in _NAME_BEFORE_AN_INDIAN_HONORIFIC.finditer(text):
        words = match.group("name").split()
        if not any(map(no_name, words)):
            spans.append(match.span("name"))
        # The word before the name may be capitalised too: "Thanks Sourav da", "Hi Ankit bhai".
        elif len(words) == 2 and no_name(words[0]) and not no_name(words[1]):
            spans.append((match.end("name") - len(words[1]), match.end("name")))
    return spans


# What these honorifics follow as often as a name: a relative, a title or a trade, a deity ("Mata ji", "Pandit ji",
# "Master ji", "Hanuman ji", "Sai Baba ji"), and the ride apps' drivers ("Ola bhaiya").
_INDIAN_KIN_TITLES_AND_DEITIES = frozenset(
    ("mata", "pita", "chacha", "chachi", "dada", "dadi", "nana", "nani", "mausi", "mama", "mami", "bua", "mummy",
     "papa", "jiju", "bhabhi", "bhaiya", "didi", "master", "pandit", "sardar", "thakur", "guru", "baba", "swami",
     "hanuman", "sahab", "saab", "ola", "uber", "rapido")
)  # fmt: skip


# A surname on a doorbell or an intercom, a family's, or after an Italian profession one addresses by: "citofono
# Greco", "sonner chez Muller", "suona a Gallo", "Familie Weber", "Gentile avvocato Bassi". The word must be a surname
# of the lists: these words come before cities, nouns and states as often ("suona a Milano", "klingeln bei Hausmeister",
# "Citofono Guasto", "Famiglia Cristiana", "studio notaio Milano").
_SURNAME_AT_A_DOOR = re.compile(
    r"(?i:(?<![\w'’-])(?:citofono|campanello|interfono|sonner[ \t]+chez|sonnez[ \t]+chez|suona(?:re)?[ \t]+a"
    r"|klingeln[ \t]+bei|familie|famille|famiglia|família|timbre[ \t]+de|avvocat[oa]|ingegner[e]?|geometra"
    rf"|ragionier[e]?|notaio|architetto))[ \t]+(?P<name>{_CAPITALISED_WORD})"
)


def _surnames_at_a_door_or_of_a_profession(text: str) -> list[tuple[int, int]]:
    _, surnames = person_name_lists()
    return [
        match.span("name")
        for match in _SURNAME_AT_A_DOOR.finditer(text)
        if match.group("name") in surnames
        and match.group("name") not in places()
        and match.group("name") not in cities()
        and match.group("name").lower() not in everyday_words()
    ]


# The name a table or a booking is under, its first word a name of the lists: "Reservation under Nguyen, party of four"
# (not "Booked under Tatkal quota", "The appointment is under Medicare").
_UNDER_A_BOOKING = re.compile(
    rf"(?i:\b(?:table|booking|reservation)[ \t]+(?:is[ \t]+|was[ \t]+)?under)[ \t]+"
    rf"(?P<name>{_CAPITALISED_WORD}(?:[ \t]{_CAPITALISED_WORD})?)"
)


def _names_a_booking_is_under(text: str) -> list[tuple[int, int]]:
    given, surnames = person_name_lists()
    return [
        match.span("name")
        for match in _UNDER_A_BOOKING.finditer(text)
        if ((first := match.group("name").split()[0]) in given or first in surnames)
        and first.lower() not in everyday_words()
    ]


# Who serves a customer, named by their role right before the name, as delivery apps and reviews write it: "Driver
# Babajide was rude", "Rider Arnel is outside", "delivery guy Suresh was polite", "our waiter Kofi".
_SERVICE_ROLES = (
    r"driver|rider|courier"
    r"|delivery[ \t]+(?:guy|boy|man|lady|girl|person|partner|executive|agent|driver|rider)|technician|cashier"
    r"|receptionist|waiter|waitress|porter|concierge|housekeeper|nurse|paramedic|stylist|barber"
    r"|instructor|tutor|guide"
)
_NAMED_AFTER_A_SERVICE_ROLE = re.compile(
    rf"(?i:\b(?P<role>{_SERVICE_ROLES}))[ \t]+(?P<name>{_CAPITALISED_WORD}(?:[ \t]{_CAPITALISED_WORD})?)"
)
# The same role right before a word, as chat writes a name in lower case: "delivery guy bilal was so nice".
SERVICE_ROLE_BEFORE = re.compile(rf"(?i:\b(?:{_SERVICE_ROLES}))[ \t]+$")
SERVICE_ROLES_IN_A_TEXT = re.compile(rf"(?i:\b(?:{_SERVICE_ROLES}))\b")
# Roles only people have; a driver, a courier, a guide or a tutor may be software, a firm or a place ("driver Zink is
# now default", "courier Shiprocket has picked up", "tour guide Machu Picchu").
_ROLE_OF_PEOPLE_ONLY = re.compile(
    r"(?i)rider|delivery[ \t]+(?:guy|boy|man|lady|girl|person|partner|executive|agent|rider)|cashier|receptionist"
    r"|waiter|waitress|housekeeper|nurse|paramedic|stylist|barber"
)
# What a person did or is, right after their name: "Delivery guy Babajide was rude", "Rider Arnel is outside".
PERSON_ACTS_AFTER = re.compile(
    r"[ \t]+(?:is|was|has|had|will|would|came|arrived|got|refused|delivered|dropped|picked|left|called|said|told|helped"
    r"|did|didn['’]t|couldn['’]t|wouldn['’]t|kept|took|brought|showed|handled|fixed|sorted|went|waited|knocked|rang)\b"
)


# A capitalised word, which :func:`_given_names_of_the_sentences_language` takes inside a sentence only: after a word
# in lower case or a comma ("kapıcı Mehmet de", "Kuba z IT", "Krankmeldung von Annegret liegt vor").
_CAPITALISED_WORD_ALONE = re.compile(
    r"(?<![\w'’-])[A-ZÀ-ÖØ-ÞĀ-Ž][a-zà-öø-ÿāăąćčďēęěğīıłńňőřśşšţťūůűźżž]{2,}(?![\w'’-])"
)
_INSIDE_A_SENTENCE_BEFORE = re.compile(r"(?:[^\W\d_A-ZÀ-ÖØ-ÞĀ-Ž]|,)[ \t]?$")


# In Turkish: "kapıcı Mehmet de bilmiyorum" (the doorman Mehmet does not know either).
def _given_names_of_the_sentences_language(text: str) -> list[tuple[int, int]]:
    """Given names of the ``faker`` locales of the sentence's language (:func:`language_of_the_sentence`, another
    than English), capitalised inside the sentence, where that language writes no other word so: "Krankmeldung von
    Annegret liegt vor", "a casa di Giovanni ieri". Not a stop word of the language, a place, a city or a brand ("a
    Lyon", "von Porsche"), nor after an indefinite article; a listed surname after it joins it."""
    names: list[tuple[int, int]] = []
    given = person_name_lists()[0]
    for word in _CAPITALISED_WORD_ALONE.finditer(text):
        name = word.group()
        nominative = (
            _polish_nominative(text, word) if name not in given and name[-1] in _POLISH_CASE_LAST_LETTERS else None
        )
        name = nominative or name
        if (
            name not in given
            or _INSIDE_A_SENTENCE_BEFORE.search(text, max(0, word.start() - 2), word.start()) is None
            or not text[word.start() - 1].isspace()
            or name in GIVEN_NAMES_THAT_ARE_WORDS_OF_THEIR_LANGUAGE
            or name in places()
            or name in cities()
            or name in brands()
        ):
            continue
        # A Polish case of a given name marks its sentence as Polish, though its stop words be few.
        language = language_of_the_sentence(text, *word.span()) or ("pl" if nominative else None)
        if (
            language is None
            # (a word of the language too, a name only before a listed surname: "Ernst Baumann", not "Der Ernst der
            # Lage")
            or (
                name in GIVEN_NAMES_THAT_ARE_WORDS_BY_LANGUAGE.get(language, ())
                and not _a_listed_surname_after(text, word.end())
            )
            or name.lower() not in given_names_of_language(language)
            or name.lower() in spacy_stop_words(language)
        ):
            continue
        # Not after an indefinite article or a demonstrative, which a thing named so takes: "una Giulia usata".
        if _INDEFINITE_ARTICLE_BEFORE.search(text, max(0, word.start() - 12), word.start()):
            continue
        end = word.end()
        surname = _LISTED_SURNAME_AFTER.match(text, end)
        if surname is not None and _surname_in_the_sentences_language(surname.group(1), language):
            end = surname.end()
        names.append((word.start(), end))
    return names


# Polish given names in their cases, by their endings: feminine genitive, dative, accusative, instrumental, vocative
# ("Krystyny", "Krystynie", "Krystynę", "Krystyną", "Krystyno" of "Krystyna"); masculine genitive, dative,
# instrumental, locative ("Tomasza", "Tomaszowi", "Tomaszem", "Tomaszu", "Przemysławie").
_POLISH_CASE_ENDINGS = (("y", "a"), ("ie", "a"), ("ę", "a"), ("ą", "a"), ("o", "a"), ("i", "a"), ("owi", ""),
                        ("em", ""), ("a", ""), ("u", ""), ("ie", ""))  # fmt: skip
_POLISH_CASE_LAST_LETTERS = frozenset(ending[-1] for ending, _ in _POLISH_CASE_ENDINGS)
_POLISH_LETTER = re.compile(r"[ąęłśżźćńó]", re.IGNORECASE)


def _polish_nominative(text: str, word: re.Match[str]) -> str | None:
    """The Polish given name of the lists that ``word`` is a case of (:data:`_POLISH_CASE_ENDINGS`), in a sentence
    that Polish letters or stop words mark as Polish: "z Agnieszką Wróblewską", "w imieniu Krystyny Zawadzkiej"."""
    name = word.group()
    low, high = sentence_around(text, word.start())
    if not (_POLISH_LETTER.search(text, low, high) and language_of_the_sentence(text, *word.span()) in (None, "pl")):
        return None
    given = person_name_lists()[0]
    polish = given_names_of_language("pl")
    for ending, nominative_ending in _POLISH_CASE_ENDINGS:
        if name.endswith(ending) and len(name) > len(ending) + 2:
            nominative = name[: -len(ending)] + nominative_ending
            if nominative in given and nominative.lower() in polish:
                return nominative
    return None


def _surname_in_the_sentences_language(word: str, language: str) -> bool:
    """True when ``word``, capitalised after a given name of the sentence's language, is its surname: a surname of
    the lists (:func:`_a_listed_surname_after`), or a word no list of places, cities or brands holds that is no stop
    word of the language nor an everyday English word ("saya Rahmat Hidayatullah", "jeg hedder Signe Kjærgaard",
    "sunt Ioana Bălănescu"). A capitalised noun of German after the name is taken too ("dass Annegret Montag
    kommt"): the name is redacted all the same, and one word more costs the text less than a surname left."""
    if word in cities():
        return False
    if word in person_name_lists()[1]:
        return True
    lower = word.lower()
    return (
        written_as_a_name(word)
        and lower not in everyday_words()
        and lower not in spacy_stop_words(language)
        and lower not in NOT_NAMES
        and word not in places()
        and word not in brands()
    )


# A question for one's name: "Can I have the name on the card?", "Who am I speaking with?".
_ASKS_FOR_A_NAME = re.compile(
    r"(?i)\b(?:name|speaking[ \t]+(?:with|to)|who[ \t]+(?:is[ \t]+this|am[ \t]+i|are[ \t]+you|is[ \t]+calling)"
    r"|who['’]s[ \t]+(?:this|calling))\b[^\n]*\?"
)
# A turn of a transcript, opened by the party's role: "Agent: ...", "Customer: ...", "User: ...".
_TURN_OF_A_TRANSCRIPT = re.compile(
    r"(?im)^[ \t]*(?:agent|customer|client|caller|user|support|rep|representative|operator|advis[eo]r|bot|chatbot"
    r"|assistant|me|guest|staff)[ \t]*:[ \t]*"
)
# A chat transcript's speaker at a line's start, a time before allowed: "[10:42] Nadia (Agent): Hi there", "Tomás
# [support]: ...", "10:43 Priya:" (one or two words; a role in brackets after them, or a given name of the lists
# alone before the colon: "[10:43] Customer:" stays).
_SPEAKER_OF_A_TRANSCRIPT = re.compile(
    r"(?m)^[ \t]*(?:\[?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp][Mm])?\]?[ \t]*(?:[-–][ \t]*)?)?"
    r"(?P<name>[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+(?:['’-][^\W\d_]+)*(?:[ \t][A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+(?:['’-][^\W\d_]+)*)?)"
    r"(?P<role>[ \t]*[(\[](?i:agent|support|customer|client|rep|representative|advisor|adviser|operator|technician"
    r"|tech|supervisor|manager|team\s+lead|specialist|host|guest|driver|courier|rider|staff|admin|moderator)[)\]])?"
    r"[ \t]*:(?=[ \t])"
)


# A speaker named in brackets after the role: "Agent (Amara): Hello", "Support [Maja K.]:".
_SPEAKER_AFTER_A_ROLE = re.compile(
    r"(?m)^[ \t]*(?i:agent|support|rep|representative|advisor|adviser|operator|technician|tech|supervisor|manager"
    r"|specialist|host|driver|courier|staff|admin|moderator|customer|client|caller|user)[ \t]*[(\[]"
    r"(?P<name>[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+(?:['’-][^\W\d_]+)*(?:[ \t][A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]*\.?)?)[)\]][ \t]*:"
)


def _speakers_of_a_transcript(text: str) -> list[tuple[int, int]]:
    """The speakers of :data:`_SPEAKER_OF_A_TRANSCRIPT`: with their role in brackets, any words that are no everyday
    English ones ("Support Bot (agent):" stays); without one, a given name of the lists that is no everyday word,
    after a time ("[10:42] Nadia:"; not "Note:", "Customer:")."""
    names: list[tuple[int, int]] = []
    given = person_name_lists()[0]
    everyday = everyday_words()
    for speaker in _SPEAKER_OF_A_TRANSCRIPT.finditer(text):
        words = speaker.group("name").split()
        if any(word.lower() in everyday or word.lower() in NOT_NAMES for word in words):
            continue
        timed = speaker.group().lstrip()[:1].isdigit() or speaker.group().lstrip().startswith("[")
        if speaker.group("role") is not None or (timed and words[0] in given and words[0] not in brands()):
            names.append(speaker.span("name"))
    # After the role, a given name of the lists that is no everyday word: "Agent (Amara):" (a region, a tier, a
    # language or a shift is as often there: "Support (EMEA):", "Agent (Tier 2):", "Agent (Deutsch):").
    for speaker in _SPEAKER_AFTER_A_ROLE.finditer(text):
        words = [word.rstrip(".") for word in speaker.group("name").split()]
        if (
            words[0] in given
            and words[0].lower() not in everyday
            and not any(word.lower() in NOT_NAMES or word in brands() for word in words)
        ):
            names.append(speaker.span("name"))
    return names


# A given name of the lists where only a person stands, though it is an everyday word too ("Will", "Hope", "Bill",
# "Joy", "Grant"): after a person's role in lower case ("agent Will:", "the courier Hope said"), asked about ("Who is
# Will?"), or before the team or the place one works at ("Bill from the warehouse", "Faith at reception").
_ROLES_BEFORE_A_GIVEN_NAME = (
    r"agent|rep|representative|technician|engineer|driver|courier|rider|colleague|coworker|co-worker|manager"
    r"|supervisor|advisor|adviser|nurse|doctor|tutor|teacher|landlord|landlady|neighbou?r|cashier|receptionist|operator"
    r"|specialist"
)
_DEPARTMENTS_AFTER_A_GIVEN_NAME = (
    r"warehouse|support|billing|accounts|sales|reception|front[ \t]+desk|help[ \t]?desk|IT|HR|customer[ \t]+service"
    r"|the[ \t]+office|returns|dispatch|logistics|payroll"
)
_GIVEN_NAME_WHERE_ONLY_A_PERSON_STANDS = (
    re.compile(
        rf"(?<![\w'’-])(?:{by_first_letter(_ROLES_BEFORE_A_GIVEN_NAME)})[ \t]+(?P<name>[A-Z][a-z]+)"
        r"(?=[ \t]*(?:[:,.!?)]|$)|[ \t](?:from|at|in|on|said|says|told|called|was|is|has|had|who|and|will|would|did)\b)"
    ),
    re.compile(r"(?<![\w'’-])(?i:who[ \t]+is|who['’]s)[ \t]+(?P<name>[A-Z][a-z]+)[ \t]*\?"),
    re.compile(
        r"(?<![\w'’-])(?P<name>[A-Z][a-z]+)[ \t]+(?:from|at|in)[ \t]+(?:the[ \t]+|your[ \t]+|our[ \t]+)?"
        rf"(?:{_DEPARTMENTS_AFTER_A_GIVEN_NAME})\b"
    ),
)
# What each pattern needs in the text, sought first as plain substrings (a pattern is tried at every position).
_WORDS_EACH_PATTERN_NEEDS = (
    ("agent", "rep", "technician", "engineer", "driver", "courier", "rider", "colleague", "co-worker", "coworker",
     "manager", "supervisor", "advis", "nurse", "doctor", "tutor", "teacher", "landl", "neighbo", "cashier",
     "receptionist", "operator", "specialist"),
    ("who", "Who", "WHO"),
    ("warehouse", "support", "billing", "accounts", "sales", "reception", "desk", "IT", "HR", "service", "office",
     "returns", "dispatch", "logistics", "payroll"),
)  # fmt: skip


def _given_names_where_only_a_person_stands(text: str) -> list[tuple[int, int]]:
    """The given names of :data:`_GIVEN_NAME_WHERE_ONLY_A_PERSON_STANDS` that the lists or a locale's list hold and
    no brand is ("Who is Alexa?" stays)."""
    given = person_name_lists()[0]
    names = []
    patterns = [
        pattern
        for pattern, needed in zip(_GIVEN_NAME_WHERE_ONLY_A_PERSON_STANDS, _WORDS_EACH_PATTERN_NEEDS, strict=True)
        if any(word in text for word in needed)
    ]
    for match in (match for pattern in patterns for match in pattern.finditer(text)):
        # (the lists leave out given names that are function words, "Will", "May": a locale's own list holds them)
        name = match.group("name")
        if (name in given or _given_names_by_locale()[name] >= 1) and name not in brands():
            names.append(match.span("name"))
    return names


# Given names that are everyday words of their languages, a colour, a virtue, a flower, light or the sea, which a
# product's or a season's name capitalises: "camiseta Rosa", "couleur Marine", "Natal Luz".
GIVEN_NAMES_THAT_ARE_WORDS_OF_THEIR_LANGUAGE = frozenset(
    ("Rosa", "Rose", "Blanca", "Blanche", "Bianca", "Celeste", "Céleste", "Violeta", "Viola", "Violette", "Luz", "Paz",
     "Mar", "Sol", "Alba", "Aurora", "Aurore", "Flor", "Fe", "Gloria", "Glória", "Victoria", "Vitória", "Esperanza",
     "Esperança", "Consuelo", "Amparo", "Dolores", "Pilar", "Soledad", "Perla", "Pérola", "Oliva", "Olive", "Marina",
     "Marine", "Mercedes", "Estrella", "Cielo", "Nieves", "Cruz", "Salvador", "Santos", "Reyes", "Amor", "Caridad",
     "Bella", "Grazia", "Graça", "Fortuna", "Speranza", "Stella", "Primavera", "Serena", "Gioia", "Prune", "Claire",
     "Deniz", "Umut", "Bahar", "Yıldız", "Güneş", "Nur", "Roos", "Natal", "Pascal", "Noël", "Noel")
)  # fmt: skip
# Given names that are words of one language, by the language whose sentence makes them its words (the model's
# names and the lists' there): Indonesian day, team, month, star, light; German seriousness, heather; Italian daisy
# (and pizza); Polish raspberry, strawberry, viburnum, rose; Turkish tulip, rose ("promo Hari Kemerdekaan", "Der
# Ernst der Lage", "La pizza Margherita era fredda", "sok Malina i Jagoda", "Lale desenli"). "Tim hat angerufen"
# keeps its person.
GIVEN_NAMES_THAT_ARE_WORDS_BY_LANGUAGE = {
    "id": frozenset(("Hari", "Tim", "Bulan", "Bintang", "Cahaya", "Citra")),
    "de": frozenset(("Ernst", "Erika")),
    "it": frozenset(("Margherita",)),
    "pl": frozenset(("Malina", "Jagoda", "Kalina", "Róża")),
    "tr": frozenset(("Lale", "Gül", "Bahar", "Umut", "Deniz")),
}


def _a_listed_surname_after(text: str, end: int) -> bool:
    """True where a surname of the lists, no city, follows ``text[:end]`` after a space."""
    surname = _LISTED_SURNAME_AFTER.match(text, end)
    return surname is not None and surname.group(1) in person_name_lists()[1] and surname.group(1) not in cities()


_INDEFINITE_ARTICLE_BEFORE = re.compile(
    r"(?i)(?<![\w'’])(?:un|una|uno|un['’]|unos|unas|ein|eine|einen|einem|einer|une|een|um|uma|questa|questo|este|esta"
    r"|ese|esa|dieser|diese|dieses|ce|cette|deze|dit)[ \t]+$"
)
_LISTED_SURNAME_AFTER = re.compile(r"[ \t]([A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+)(?![\w'’-])")


def _names_after_a_service_role(text: str) -> list[tuple[int, int]]:
    """The spans of the names of :data:`_NAMED_AFTER_A_SERVICE_ROLE`, up to an everyday word, a place or a brand: a
    given name of the lists first, or words no dictionary knows with what the person did after them (:data:`
    PERSON_ACTS_AFTER`): "Driver Aroha", "Rider Arnel is outside"; not "Driver Realtek HD Audio", "Driver Booster"."""
    found = []
    for match in _NAMED_AFTER_A_SERVICE_ROLE.finditer(text):
        words = list(
            itertools.takewhile(
                lambda word: (
                    word.lower() not in everyday_words()
                    and word.lower() not in NOT_NAMES
                    and word not in places()
                    and word not in brands()
                ),
                match.group("name").split(),
            )
        )
        if not words:
            continue
        end = match.start("name") + len(" ".join(words))
        if _as_a_name(words[0]) in person_name_lists()[0] or (
            all(no_english_word(word.lower()) for word in words)
            and (
                (_ROLE_OF_PEOPLE_ONLY.search(match.group("role")) is not None and PERSON_ACTS_AFTER.match(text, end))
                or _PERSONS_MANNER_AFTER.match(text, end) is not None
            )
        ):
            found.append((match.start("name"), end))
    return found


# How a person behaved, said right after their name, the clause's words between allowed; no software, firm or place
# is polite ("Driver Sipho was excellent, very patient", "courier Tendai was so rude"; "driver Zink is excellent").
_PERSONS_MANNER_AFTER = re.compile(
    r"[ \t]+(?:is|was|has[ \t]+been|had[ \t]+been)\b[^.!?\n]{0,40}?\b(?:polite|rude|friendly|patient|kind"
    r"|courteous|respectful|disrespectful|aggressive|impatient|cheerful|grumpy|attentive|unprofessional)\b"
)


# A name as airlines write it on bag tags, boarding passes and booking records, surname, slash, given names and a
# title: "MCALLISTER/EWAN", "OKAFOR/CHIDI EMEKA MR" (as capitals_as_written writes them, "Mcallister/Ewan").
# The title in capitals or as capitals_as_written writes it ("Ms"), ending the name: not "Encode/Decode ms: 12", nor
# "Sales/Marketing Dr Lee", whose title is Lee's.
_AIRLINE_TITLE = r"(?:MR|MRS|MS|MISS|MSTR|DR|Mr|Mrs|Ms|Miss|Mstr|Dr)\b(?![ \t]+[A-Z])"
_SURNAME_SLASH_GIVEN = re.compile(
    r"(?<![\w/<'’@.-])(?P<surname>[A-Z][A-Za-z'’-]+)/(?P<given>[A-Z][A-Za-z'’-]+)"
    rf"(?P<more>(?:[ \t](?!{_AIRLINE_TITLE})[A-Z][A-Za-z'’-]+){{0,2}})(?P<title>[ \t]{_AIRLINE_TITLE})?(?![\w/])"
)


def _names_as_airlines_write_them(text: str) -> list[tuple[int, int]]:
    """The spans of :data:`_SURNAME_SLASH_GIVEN`'s names whose given name the lists hold, or whose title says it is
    a person's, neither word an everyday word nor a place ("Mac/Linux", "Sales/Marketing", "Jordan/Israel" stay)."""
    given = person_name_lists()[0]
    found = []
    for match in _SURNAME_SLASH_GIVEN.finditer(text):
        surname, first, more = match.group("surname"), match.group("given"), match.group("more").split()
        titled = match.group("title") is not None
        # A title after the names says they are a person's, though the vocabulary holds them ("SHAPIRO/DAVID MR").
        if any(word in places() or (not titled and word.lower() in everyday_words()) for word in (surname, first)):
            continue
        if not (titled or _as_a_name(first) in given):
            continue
        # A second given name goes with the name, a title or an everyday word after it does not ("OKAFOR/CHIDI
        # EMEKA MR"; "Mac/Linux Users").
        if any(word.lower() in everyday_words() for word in more) and not titled:
            more = []
        end = match.end("given") + sum(len(word) + 1 for word in more)
        found.append((match.start(), end))
    return found


# Names joined in a sentence, one or two capitalised words an item: "Hamid, Saoirse, Tevita and Lucy", "our kids
# Faisal and Reem".
_LIST_ITEM = r"[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]*(?:['’-][^\W\d_]+)*(?:[ \u00a0][A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]*(?:['’-][^\W\d_]+)*)?"
_LIST_SEPARATOR = r"(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+)"
# Not names joined by "&", as firms are named ("Smith & Wesson and Barnes & Noble").
_LIST_OF_CAPITALISED = re.compile(
    rf"(?<![\w'’-])(?<!&[ \t]){_LIST_ITEM}(?:{_LIST_SEPARATOR}{_LIST_ITEM})+(?![\w'’-])(?![ \t]*&)"
)
_LIST_ITEMS = re.compile(_LIST_ITEM)


def _names_listed_with_names(text: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    """The other items of a list of names (:data:`_LIST_OF_CAPITALISED`) where its names are plain: a list that a
    cue announced one item of ("our kids Faisal and Reem") or that holds two given names of the lists ("Hamid,
    Saoirse, Tevita and Lucy"), every item of it a name found, or words that are given names or surnames of the
    lists, or no English word, and no brand or place ("Priya, Jira and Slack", "Lagos, Accra and Kigali" stay)."""
    if " and " not in text and "," not in text:
        return []
    given = person_name_lists()[0]

    def known_given(word: str) -> bool:
        return word in given and word.lower() not in everyday_words()

    found = []
    for listed in _LIST_OF_CAPITALISED.finditer(text):
        items = list(_LIST_ITEMS.finditer(text, listed.start(), listed.end()))
        covering = [
            [announced for start, end, announced in spans if start < item.end() and item.start() < end]
            for item in items
        ]
        # "Cordialement, Mathilde Girard", "Viele Grüße, Anna": a sign-off before a name is no name of a list.
        if not all(
            cover or (_SIGN_OFF.fullmatch(item.group()) is None and all(map(_names_word, item.group().split())))
            for item, cover in zip(items, covering, strict=True)
        ):
            continue
        announced = any(any(cover) for cover in covering)
        if announced or sum(known_given(item.group().split()[0]) for item in items) >= 2:
            found += [item.span() for item, cover in zip(items, covering, strict=True) if not cover]
    return found


def _names_word(word: str) -> bool:
    """True for a word of a list that may be a name's: a given name or a surname of the lists that is no everyday word,
    or a word no English vocabulary holds; no function word, brand nor place."""
    given, surnames = person_name_lists()
    lower = word.lower()
    return (
        lower not in NOT_NAMES
        and lower not in stop_words()
        and word not in brands()
        and word not in places()
        and lower not in everyday_words()
        and (word in given or word in surnames or no_english_word(lower))
    )


# A line of a list that holds one name, a bullet before it and a guest's "+ 1" after it allowed: "Ama Owusu-Ansah",
# "- Tomasz Wójcik + 1".
_NAME_LINE = re.compile(
    rf"(?m)^[ \t]*(?:[-*•][ \t]+|\d{{1,2}}[.)][ \t]+)?(?P<name>{NAME_WORD}(?:[ \t]{NAME_WORD}){{1,2}})"
    r"[ \t]*(?:\(?\+[ \t]*\d\)?)?[ \t]*$"
)


def _names_listed_one_a_line(text: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    """The lines of a list of names, one name a line, that hold a name no rule found, where two lines or more of the
    same list (no blank line between) open with a name found: each word of it a name's (:func:`_names_word`)."""
    found = []
    for line in _NAME_LINE.finditer(text):
        start, end = line.span("name")
        if any(span_start < end and start < span_end for span_start, span_end, _ in spans):
            continue
        if not all(map(_names_word, line.group("name").split())):
            continue
        block_start = text.rfind("\n\n", 0, start)
        block_end = text.find("\n\n", end)
        block_start, block_end = block_start + 1, len(text) if block_end < 0 else block_end
        line_starts = {
            found_line.start(1)
            for found_line in re.finditer(r"(?m)^[ \t]*(?:[-*•][ \t]+|\d{1,2}[.)][ \t]+)?(\S)", text[:block_end])
            if found_line.start() >= block_start
        }
        if sum(span_start in line_starts for span_start, _, _ in spans) >= 2:
            found.append((start, end))
    return found


# A list's item labelled by one capitalised word before a colon: "- Oluwaseun: 2 pizzas", "* Ngozi: plates".
# What the item says is words ("2 pizzas", "brings the speakers"): a price or a figure alone is a menu's or a
# table's ("- Margherita: 9.50").
_LABELLED_ITEM = re.compile(
    rf"(?m)^[ \t]*(?:[-*•]|\d{{1,2}}[.)])[ \t]+(?P<label>{NAME_WORD})[ \t]*:[ \t]*[^\n]*?[^\W\d_][^\n]*"
)


def _names_labelling_list_items(text: str) -> list[tuple[int, int]]:
    """The labels of a list's items, one line each, where the items say who brings, orders or does what ("- Kemal:
    drinks\n- Ngozi: plates"): two items or more one after the other, each label a name's word (:func:`_names_word`)
    and one a given name of the lists that no dictionary knows. Lists of things keep their labels ("- Redis:
    cache\n- Postgres: database", "- Pizza: 2\n- Salad: 1", "- Paris: 3 nights\n- Lyon: 2 nights")."""
    given, _ = person_name_lists()
    found: list[tuple[int, int]] = []
    block: list[re.Match[str]] = []
    for item in [*_LABELLED_ITEM.finditer(text), None]:
        if item is not None and block and text[block[-1].end() : item.start()] == "\n":
            block.append(item)
            continue
        labels = [match.group("label") for match in block]
        if (
            len(block) >= 2
            and all(map(_names_word, labels))
            and any(label in given and no_english_word(label.lower()) for label in labels)
        ):
            found += [match.span("label") for match in block]
        block = [] if item is None else [item]
    return found


# A sign-off in lower case after a dash, an initial allowed, ending the message: "- regards, m. al-sayed", "-- j.
# okonkwo".
# How far from the text's end a signature in lower case may open, and the dashes before it (DASH_SIGN_OFF_BEFORE).
_SIGNATURE_REACH = 60
_SIGN_OFF_DASHES = ("-", "—", "–", "~")
_LOWER_CASE_SIGNATURE = re.compile(
    r"((?:[a-z]\.[ \t]*)?[a-z][a-z'’-]+(?:[ \t][a-z][a-z'’-]+){0,2})" + NAME_ENDS_THE_TEXT.pattern
)


def _signature_in_lower_case_at_the_end(text: str) -> tuple[int, int] | None:
    """The span of a lower-case name signing the message after a dash (:data:`DASH_SIGN_OFF_BEFORE`), with an
    initial, whose words no dictionary and no everyday vocabulary knows ("m. al-sayed"; not "- thanks", "- sent from
    my phone"); a given name alone is the model's to judge."""
    # The dash is among the last characters that the signature's search and the sign-off's reach can hold.
    if not any(dash in text[-(_SIGNATURE_REACH + _CUE_REACH) :] for dash in _SIGN_OFF_DASHES):
        return None
    match = _LOWER_CASE_SIGNATURE.search(text, max(0, len(text) - _SIGNATURE_REACH))
    if match is None or not DASH_SIGN_OFF_BEFORE.search(text, max(0, match.start() - _CUE_REACH), match.start()):
        return None
    words = [word for word in WORD.findall(match.group(1)) if len(word) > 1]
    # An initial or two words: one word alone is left to the lower-case names of the model.
    if not ("." in match.group(1) or len(words) >= 2):
        return None
    everyday = everyday_words()
    parts = [word for part in words for word in part.split("-") if word not in NAME_PARTICLES]
    if (
        parts
        and all(word not in everyday and word not in stop_words() and word not in NOT_NAMES for word in parts)
        and ("." in match.group(1) or any(no_english_word(word) for word in parts))
    ):
        return match.start(1), match.end(1)
    return None


# The message's last line, one or two capitalised words and nothing else, after a blank line or after a line of thanks
# in another language: "...before the next bill?\n\nAoife", "Ačiū,\nGintarė", "Asante sana!\nNeema".
# The last line may hold the name and, after a dash, its team: "Burak - Müşteri Hizmetleri". It may follow the line
# of the message's last sentence right away (its full stop or exclamation mark ending that line).
_NAME_ON_THE_LAST_LINE = re.compile(
    rf"(?:\n[ \t]*\n"
    rf"|(?:^|\n)[ \t]*(?P<thanks>(?i:{_CLOSING_THANKS_OF_OTHER_LANGUAGES}))[ \t]*[,!.]?[ \t]*\n(?:[ \t]*\n)?"
    # (or on the same line, after its full stop: "Bonjour, ... Merci de vérifier. Claire")
    r"|(?P<ended>(?<=[.!])[ \t]*\n|(?<=[.!])[ \t]+))"
    rf"[ \t]*(?P<name>{_CAPITALISED_WORD}(?:[ \t]{_CAPITALISED_WORD})?)"
    r"(?:[ \t]+[-–—][ \t]+[^\n]{1,40}?)?[ \t]*[.!]?\s*$"
)
# Thanks anywhere in a message, which a name alone on the line after its last sentence signs: "Thanks for the help
# today.\nDavide".
_THANKS_IN_THE_TEXT = re.compile(
    r"(?i)\b(?:thanks|thank[ \t]+you|thx|cheers|grazie|merci|danke|gracias|obrigad[oa]|bedankt|tack|takk|kiitos"
    r"|köszönöm|dziękuję|teşekkür(?:ler)?|teşekkürler|spasibo|asante|salamat)\b"
)
# A message that opens with a greeting, in English or another language ("Hi,", "Ciao,", "Dear Ms Obi,").
_GREETING_OPENS_THE_MESSAGE = re.compile(
    rf"(?i)^\s*(?:{by_first_letter(_GREETING_CUES)}|dear|{by_first_letter(FOREIGN_GREETINGS)})\b"
)


# The last words of a firm's name, and the articles that open a board's or a team's in other languages.
_FIRMS_LAST_WORDS = frozenset(
    ("Lettings", "Estates", "Properties", "Ltd", "Limited", "Inc", "LLC", "GmbH", "Group", "Services", "Solutions",
     "Agency", "Realty", "Homes", "Associates", "Consulting", "Accountants", "Solicitors", "Motors", "Insurance",
     "Pharmacy", "Dental", "Clinic", "Surgery", "Travel", "Holidays", "Logistics",
     # Turkish: the team, the services, the department ("Müşteri Hizmetleri Ekibi").
     "Ekibi", "Hizmetleri", "Departmanı")
)  # fmt: skip
# The articles that open a board's or a team's name in other languages, and their words for an office, a service or
# a team: "Der Vorstand", "Ufficio Vendite", "Dein Support-Team".
_ARTICLES_OF_OTHER_LANGUAGES = frozenset(
    ("Der", "Die", "Das", "Le", "La", "Les", "El", "Los", "Las", "Il", "Gli", "Het", "Dein", "Ihr", "Votre", "Ufficio",
     "Servizio", "Equipo", "Equipe", "Équipe", "Servicio", "Kundenservice", "Kundendienst",
     # Polish: the department, the team, the office ("Dział Obsługi Klienta").
     "Dział", "Zespół", "Biuro")
)  # fmt: skip


# What an Indonesian or Malay team ("Tim", "Pasukan") is named by: service, support, sales, finance, the warehouse,
# shipping, technical, "us" ("Tim Layanan Pelanggan", "Tim Kami"); "Tim Supriyadi" is a person.
_INDONESIAN_TEAMS_WORDS = frozenset(
    ("Layanan", "Pelayanan", "Dukungan", "Support", "CS", "Admin", "Penjualan", "Keuangan", "Gudang", "Pengiriman",
     "Teknis", "Kami", "Customer", "Marketing", "Pemasaran", "Operasional", "IT", "HR", "Khidmat", "Sokongan")
)  # fmt: skip


def _a_contraction_or_a_gerund(name: str) -> bool:
    """True for one word that is an English contraction ("Isn't") or a verb's "-ing" form that no name list holds
    ("Cancelling"), as a text in capitals writes them where a cue stands ("IF THE PARCEL ISN'T HERE BY MONDAY I'M
    CANCELLING")."""
    if " " in name:
        return False
    lower = name.lower()
    parts = re.split(r"['’]", lower)
    # (a possessive is a name's: "Is this Fatima's phone?")
    if len(parts) == 2 and (lower.endswith(("n't", "n’t")) or (parts[0] in stop_words() and parts[1] in _CONTRACTIONS)):
        return True
    given, surnames = person_name_lists()
    # (in the lists' case: "Dear Mr HEMMING" is "Hemming")
    name = name.capitalize() if name.isupper() else name
    verbs = word_classes()[1]
    # (a doubled consonant before "-ing" too: "cancelling", "travelling")
    return (
        lower.endswith("ing")
        and name not in given
        and name not in surnames
        and (verb_form(lower, verbs) or (lower[-4:-3] == lower[-5:-4] and verb_form(lower[:-4] + "ing", verbs)))
    )


def a_firm_or_a_board_by_its_words(name: str) -> bool:
    """True when ``name``'s words name a firm or a board: its last word a firm's ("Lakeside Lettings"), its first an
    article or a team's word of another language ("Der Vorstand", "Tim Layanan Pelanggan")."""
    words = name.split()
    return len(words) >= 2 and (
        words[-1] in _FIRMS_LAST_WORDS
        or words[-1].endswith("-Team")
        # (in lower case too, as a sign-off's line writes it: "Atentamente, el Equipo de Atención al Cliente"; not
        # before a name of the lists: "Le Thi Hoa", "La Van Minh" are Vietnamese names)
        or (
            words[0].capitalize() in _ARTICLES_OF_OTHER_LANGUAGES
            and words[1] not in person_name_lists()[0]
            and words[1] not in person_name_lists()[1]
        )
        or (words[0] in ("Tim", "Pasukan") and words[1] in _INDONESIAN_TEAMS_WORDS)
    )


def _given_name_alone_ending_the_message(text: str) -> tuple[int, int] | None:
    """The span of a name signing a message alone on its last line (:data:`_NAME_ON_THE_LAST_LINE`): after thanks of
    another language on the line before, or after a blank line in a message that opens with a greeting; its first word
    a given name of the lists and no everyday word, place or brand, a second word no everyday word: "Hi, ...\n\nAoife",
    "Ciao, ...\n\nFederico"; not "Admin", "Grace" (an everyday word), nor an answer or a name given to a thing after
    a question with no greeting ("Which database should we pick?\n\nCassandra")."""
    match = _NAME_ON_THE_LAST_LINE.search(text, max(0, len(text) - 120))
    if match is None or not text[: match.start()].strip():
        return None
    if (
        match.group("thanks") is None
        and _GREETING_OPENS_THE_MESSAGE.match(text) is None
        and not (match.group("ended") and _THANKS_IN_THE_TEXT.search(text))
    ):
        return None
    words = match.group("name").split()
    everyday = everyday_words()
    if (
        _as_a_name(words[0]) in person_name_lists()[0]
        and all(word.lower() not in everyday and word.lower() not in NOT_NAMES for word in words)
        and words[0] not in places()
        and words[0] not in brands()
        and match.group("name") not in brands()
    ):
        return match.span("name")
    return None


# An English sign-off opening the message's last sentence or line, one capitalised word after it ending the message:
# "... Midnight Blue? Thanks, Will", "Cheers,\nGrace".
_LAST_SIGN_OFF_AND_A_WORD = re.compile(
    r"(?:^|\n|[.!?][ \t]+)[ \t]*(?i:thanks|thank[ \t]+you|many[ \t]+thanks|cheers|regards|kind[ \t]+regards"
    r"|best(?:[ \t]+(?:regards|wishes))?)[ \t]*[,!.]?[ \t]*\n?[ \t]*(?P<name>[A-Z][a-z]+)[ \t]*[.!]?\s*$"
)


def _given_name_after_the_last_sign_off(text: str) -> tuple[int, int] | None:
    """The span of a given name of the lists that signs the message after its last sign-off
    (:data:`_LAST_SIGN_OFF_AND_A_WORD`), though it is an everyday word or a modal too ("Thanks, Will", "Cheers,
    Grace"): nothing but a name ends a message so. Not a place or a brand."""
    match = _LAST_SIGN_OFF_AND_A_WORD.search(text, max(0, len(text) - 60))
    if match is None:
        return None
    name = match.group("name")
    # The lists leave out given names that are function words ("Will", "May"); a locale's own list holds them.
    if (name in person_name_lists()[0] or _given_names_by_locale()[name] >= 1) and not (
        name in places() or name in brands() or name.lower() in NOT_NAMES
    ):
        return match.span("name")
    return None


# What a name's first given name comes after when it opens the name: the text's or a line's start, a comma, a colon,
# a bracket or a word in lower case ("I, Ikechukwu Anthony Obi", "ask Oluwadamilare Peter Adeyemi"); not a
# capitalised word, which makes it the end of a longer run of capitalised words (a product's, a place's name).
_BEFORE_A_NAMES_START = re.compile(r"(?:^|[\n,;:(]|(?<![\w'’.-])[a-zß-ÿ][^\W\d_]*[ \u00a0])[ \t\u00a0]*$")
_CONTRACTIONS = frozenset(("s", "ll", "re", "ve", "d", "m", "t"))


def given_name_before(text: str, start: int) -> int | None:
    """Where a name found at ``start`` ("Anthony Obi", a given name and a surname of the lists) starts with the first
    given name a rule left before it ("I, Ikechukwu Anthony Obi, hereby ..."), or None: a capitalised word right
    before it, one space apart, that is a given name of the lists or a word no dictionary holds, no everyday word
    nor place, where a name may open. Applied to the names found, after the models' checks: the longer name is not
    asked about again."""
    if not text[start].isupper() or text.startswith(".", start + 1):
        return None
    previous = _WORD_BEFORE.search(text, max(0, start - 60), start)
    if previous is None:
        return None
    word = previous.group(1)
    lower = word.lower()
    given, _ = person_name_lists()
    # A greeting that is a given name too, where it greets no one: no function word then, and no English word.
    greeting_named = lower in NOT_NAMES and _greeting_inside_a_sentence(text, previous.start(), word)
    found = (
        written_as_a_name(word)
        and len(word) > 1
        and (lower not in NOT_NAMES or greeting_named)
        and lower not in stop_words()
        and lower not in NAME_PARTICLES
        # "It's Takeshi again": a contraction or a possessive is no given name.
        and not any(part in stop_words() or part in _CONTRACTIONS for part in re.split(r"['’]", lower))
        and word not in places()
        and lower not in everyday_words()
        # A greeting however chat spells it: "Congradulations Ngozi and Emeka".
        and _GREETING_CUE.fullmatch(word) is None
        # A word of another script is no English word either: "Вчера Анна Кузнецова" (yesterday) stays; nor is the
        # word that opens another language's sentence, where every word is one no English dictionary knows, but a
        # title: "Dün Elif Hanım ile görüştüm" (yesterday) stays, "Pani Katarzyna Zielińska" is taken whole.
        and (
            word in given
            or (
                _LATIN_NAME.fullmatch(word) is not None
                and (greeting_named or no_english_word(lower))
                and not _opens_another_languages_sentence(text, previous.start(1), word)
            )
        )
        and (
            _BEFORE_A_NAMES_START.search(text, max(0, previous.start() - 40), previous.start()) is not None
            or _INTRODUCTION_RIGHT_BEFORE.search(text, max(0, previous.start() - 24), previous.start()) is not None
        )
    )
    return previous.start() if found else None


_WORD_BEFORE = re.compile(r"(?<![\w'’.@-])([^\W\d_]+(?:['’-][^\W\d_]+)*) $")


# (Polish, Czech and Slovak "Pani", "Paní", "Pan" too, which the cues read in lower case only)
_TITLE_OF_OTHER_LANGUAGES = re.compile(rf"(?i:{OTHER_LANGUAGES_TITLES}|{_SLAVIC_TITLES})")


def _opens_another_languages_sentence(text: str, position: int, word: str) -> bool:
    """True where ``word`` at ``position`` opens a sentence of another language, no title of one: its stop words
    tell (:func:`language_of_the_sentence`), or two words in lower case with letters English does not write."""
    if SENTENCE_START.search(text, max(0, position - 3), position) is None and position > 0:
        return False
    if _TITLE_OF_OTHER_LANGUAGES.fullmatch(word):
        return False
    if language_of_the_sentence(text, position, position) is not None:
        return True
    # Two words in lower case with a letter English does not write ("görüştüm", "gönderecek").
    low, high = sentence_around(text, position)
    return sum(1 for other in WORD.findall(text, low, high) if other.islower() and not other.isascii()) >= 2


_FOREIGN_GREETING = re.compile(rf"(?i:{FOREIGN_GREETINGS})")
# A word in lower case right before a position, one space apart: the position is inside a sentence.
LOWER_CASE_WORD_BEFORE = re.compile(r"(?<![\w'’-])[a-z][^\W\d_]*[ \u00a0]$")


def _greeting_inside_a_sentence(text: str, start: int, word: str) -> bool:
    """True for a greeting of another language that is a given name too ("Selam", "Salam", "Shalom"), capitalised
    inside a sentence after a lower-case word or one's introduction, where it greets no one: "any update on Selam
    Tesfaye's claim", "Hi, I'm Selam Mekonnen" (not "Selam Ayşe," opening a message)."""
    return _FOREIGN_GREETING.fullmatch(word) is not None and (
        LOWER_CASE_WORD_BEFORE.search(text, max(0, start - 24), start) is not None
        or _INTRODUCTION_RIGHT_BEFORE.search(text, max(0, start - 24), start) is not None
    )


# One's introduction right before a name: "Hi, I'm Selam Mekonnen", "my name is Shalom Cohen".
_INTRODUCTION_RIGHT_BEFORE = re.compile(r"(?i:\b(?:i['’]?m|i[ \t]+am|my[ \t]+name[ \t]+is|this[ \t]+is)[ \t]+)$")


def names_written_again(text: str, names: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The other places of ``text`` that write a name found in it (``names``, the final spans) again, whole or by its
    given name alone: "Present: Rajesh Venkataraman, ... Rajesh to circulate the budget". A word alone (a given name,
    or a name found as one word) is sought again only as a capitalised word of two letters or more that is no
    everyday word, function word nor place ("Will Jones ... Will you", "Florence Ito ... in Florence" stay), and a
    name found as one word only where the name lists hold it: one word is weak evidence, and elsewhere it may name a
    planet, a service or a figure ("Hulu", "Mars"). An initial is none. A place where the name runs on into another
    capitalised word is another name's or a title's ("Rio Ferdinand", "the Malala Fund"). A name's first word alone
    that is an English word no list holds as a given name is not sought either: the first word of a dish or a thing
    a rule misread as a name ("Blueberry Crumble ... Blueberry Muffins") names more things than one. A full name's
    surname that no dictionary knows finds the family's other members before it: a given name of the lists, or a
    word no dictionary knows opening a list's item or joined to another name ("- Rangi Parata" beside "- Aroha
    Parata")."""
    given, surnames = person_name_lists()

    def sought_alone(word: str) -> bool:
        lower = word.lower()
        return (
            _is_capitalised(word)
            and len(word) > 1
            and lower not in everyday_words()
            and lower not in stop_words()
            and lower not in NOT_NAMES
            and lower not in NAME_PARTICLES
            and word not in places()
        )

    sought = set()
    lower_case_only: set[str] = set()
    # The surname of a full name, no English word, is the family's: another given name before it is another of them
    # ("- Rangi Parata\n- Aroha Parata"), and so is the given name found, spelled another way ("Massimo Ferraro ...
    # Masimo Ferraro") or in part ("Pieter-Jan de Vries" beside "Pieter de Vries").
    family = set()
    given_of_the_family: set[str] = set()
    # A span may hold a list of names ("Anna Smith, Rajesh Venkataraman"): each is sought on its own.
    for written in (part.strip() for start, end in names for part in re.split(r"[,;]", text[start:end])):
        words = WORD.findall(written)
        if not words or not all(_LATIN_NAME.fullmatch(word) for word in words):
            continue
        if len(words) > 1:
            # Written again without its marks, as a passport or a form may spell it ("Małgorzata Zielińska ...
            # Malgorzata Zielinska").
            sought |= {written, fold_diacritics(written)}
            if sought_alone(words[0]) and (words[0] in given or no_english_word(words[0].lower())):
                sought.add(words[0])
            surname = " ".join(words[1:])
            # A surname after a particle is the family's too: "Pieter de Vries" finds "Pieter-Jan de Vries".
            if (
                (len(words) == 2 or (len(words) == 3 and words[1].lower() in NAME_PARTICLES))
                and _is_capitalised(words[-1])
                and no_english_word(words[-1].lower())
                and words[-1] not in places()
            ):
                family.add(surname)
                given_of_the_family.add(words[0])
        elif sought_alone(written) and (written in given or written in surnames):
            sought.add(written)
        elif sought_alone(written) and no_english_word(written.lower()) and written.lower() not in brands_folded():
            # A word no list holds, found as a name, is sought again in lower case only, as chat writes a name
            # ("my name is Priyanka ... hi priyanka"): capitalised, it may name a service or a figure elsewhere
            # ("Hulu").
            lower_case_only.add(written.lower())
    # Chat writes a name again in lower case ("Agent (Faisal): ... Customer: hi faisal"): sought so too where no
    # dictionary knows the word ("will", "grace" stay).
    sought |= {
        word.lower()
        for word in [*sought, *lower_case_only]
        if " " not in word and len(word) > 3 and no_english_word(word.lower()) and word.lower() not in stop_words()
    }
    if not sought and not lower_case_only:
        return []
    # Capitalised, a word no list holds is sought only with a surname after it ("it's Kaveh. Kaveh Farahani.").
    with_a_surname_only = {word.capitalize() for word in lower_case_only} - sought
    pattern = re.compile(
        r"(?<![\w'’@.-])(?:"
        + "|".join(map(re.escape, sorted(sought | with_a_surname_only, key=len, reverse=True)))
        + r")(?![\w'’-])"
    )
    found = []
    for match in pattern.finditer(text):
        if overlaps(match.span(), names):
            continue
        # In lower case, only where a name stands alone in chat: after a greeting or before a mark ("hi faisal, my
        # card ..."), not as a word of its language or a thing ("las flores que pidió", "the jenkins job", "my zelda
        # cartridge").
        if match.group().islower() and not (
            _GREETING_BEFORE_A_NAME_WRITTEN_AGAIN.search(text, max(0, match.start() - 12), match.start())
            or _MARK_AFTER_A_NAME_WRITTEN_AGAIN.match(text, match.end())
        ):
            continue
        if not _inside_a_longer_capitalised_run(text, *match.span()):
            if match.group() not in with_a_surname_only:
                found.append(match.span())
            continue
        # A given name found alone, written again with a surname no dictionary knows: "it's Kaveh. Kaveh Farahani."
        # (not a brand after a determiner: "my Ralph Lauren order")
        written_after = _SURNAME_AFTER_A_NAME_WRITTEN_AGAIN.match(text, match.end())
        if (
            written_after is not None
            and (match.group() in given or no_english_word(match.group().lower()))
            and no_english_word(written_after.group(1).lower())
            and written_after.group(1) not in places()
            and written_after.group(1) not in brands()
            and f"{match.group()} {written_after.group(1)}" not in brands()
            and written_after.group(1) not in given
            and not ARTICLE_BEFORE.search(text, max(0, match.start() - 8), match.start())
        ):
            found.append((match.start(), written_after.end()))
    if family:
        surnames_alternation = "|".join(map(re.escape, sorted(family)))
        relatives = re.compile(rf"(?<![\w'’@.-])({NAME_WORD})[ \u00a0](?:{surnames_alternation})(?![\w'’-])")
        found += [
            match.span()
            for match in relatives.finditer(text)
            if sought_alone(match.group(1).split("-")[0])
            # A given name of the lists, or a word no dictionary knows opening a list's item or joined to another
            # name: "- Rangi Parata", not "He loves Scuderia Ferrari".
            and (
                match.group(1) in given
                or (
                    no_english_word(match.group(1).lower())
                    and _ITEM_OR_JOIN_BEFORE.search(text, max(0, match.start() - 8), match.start()) is not None
                )
                or any(_the_same_given_name(match.group(1), found) for found in given_of_the_family)
            )
            and match.group(0) not in brands()
            and not _inside_a_longer_capitalised_run(text, *match.span())
            and not overlaps(match.span(), [*names, *found])
        ]
    return sorted(found)


_GREETING_BEFORE_A_NAME_WRITTEN_AGAIN = re.compile(
    r"(?i)\b(?:hi|hello|hey|thanks|thank[ \t]+you|thx|dear|ok|okay)[ \t,]+$"
)
_MARK_AFTER_A_NAME_WRITTEN_AGAIN = re.compile(r"[ \t]*(?:[,.!?;:)]|$|\n)")
_SURNAME_AFTER_A_NAME_WRITTEN_AGAIN = re.compile(r" ([A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+(?:-[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+)?)(?![\w'’-])")


def _the_same_given_name(word: str, found: str) -> bool:
    """True where ``word`` writes the given name ``found`` another way: one of its parts ("Pieter-Jan", "Pieter"), or
    one letter added, left out or changed in a name of five letters or more ("Masimo", "Massimo")."""
    if word == found:
        return False
    if found in word.split("-") or word in found.split("-"):
        return True
    if min(len(word), len(found)) < 5 or word[0] != found[0] or abs(len(word) - len(found)) > 1:
        return False
    matcher = difflib.SequenceMatcher(None, word.lower(), found.lower())
    return sum(size for _, _, size in matcher.get_matching_blocks()) >= max(len(word), len(found)) - 1


def overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    """True where ``span`` shares a character with one of ``spans``."""
    return any(start < span[1] and span[0] < end for start, end in spans)


# A list's item or a name joined to another, right before a name: "- ", "• ", "2. ", ", ", "and ", "& ".
_ITEM_OR_JOIN_BEFORE = re.compile(r"(?:(?:^|\n)[ \t]*(?:[-*•]|\d{1,2}[.)])|,|\band|&)[ \t]*$")


def _inside_a_longer_capitalised_run(text: str, start: int, end: int) -> bool:
    """True where a name written again is part of a longer run of capitalised words, and so of another name: a
    capitalised word (no function word: "Rajesh I think") after it ("Blueberry Muffins" after "Blueberry Crumble"), or
    one before it that itself follows a word on the line ("Old Harbour Museum" after "Museum Lane"; not "Dear Rajesh",
    "Meet Rajesh" opening a line or a sentence)."""
    after = _CAPITALISED_NAME_WORD_AFTER.match(text, end)
    if after is not None and after.group(1).lower() not in stop_words():
        return True
    before = _CAPITALISED_NAME_WORD_BEFORE.search(text, max(0, start - 40), start)
    return (
        before is not None
        and before.group(1).lower() not in stop_words()
        and _WORD_BEFORE.search(text, max(0, before.start() - 60), before.start()) is not None
    )


def opens_a_sentence_before_a_name(word: str) -> bool:
    """True for a word in lower case that is capitalised before a name only because it opens the sentence: a
    greeting's word, a function word or an adverb ("hey", "then", "yesterday")."""
    return word in NOT_NAMES or word in stop_words() or word in adverbs()


# Where an instruction opens: a text, a line or a list's item ("- ", "2) "), a sentence, a quote, or "please".
_INSTRUCTION_OPENS_BEFORE = re.compile(
    r"(?:(?:^|\n)[ \t]*(?:(?:[-*•+]|\d{1,2}[.)])[ \t]+)?|[.!?:;][ \t]+|[\"“(][ \t]*|\b[Pp]lease,?[ \t]+)$"
)
_WORD_BEFORE_A_FULL_STOP = re.compile(r"(?<![\w'’-])([^\W\d_]+)\.$")
_CAPITALISED_WORDS_AFTER = re.compile(r"(?:[ \u00a0][A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]*(?:['’-][^\W\d_]+)*)+")


_MODALS = frozenset({"will", "can", "may", "must", "shall"})


def imperative_before_a_name(text: str, start: int, end: int) -> bool:
    """True for the word at ``text[start:end]`` when it is an instruction's verb before the capitalised words after
    it: a verb's bare form (WordNet's) that no name list holds, capitalised only because it opens the text, a line, a
    list's item or a sentence, or follows "please" ("Summarise Jiho's notes", "Check Tomasz's timesheet", "2. Remind
    Ingrid about the deposit"). What follows is the verb's object, and the verb no part of its name ("Mark Lee", "Will
    Smith", "Grant Thompson" are names; so is a particle: "Bin Yusof"). Not after a title's full stop ("Ms. Bin
    Yusof"), nor where the words after it are a subject, followed by an auxiliary or a past tense ("Zero Kelvin is
    absolute zero"), or go on in another language ("Pan Tomasz Nowak prosi ..."); a possessive ends the object
    ("Jiho's notes")."""
    word = text[start:end]
    lower = word.lower()
    given, surnames = person_name_lists()
    if word in given or word in surnames or lower in NAME_PARTICLES or lower not in bare_verbs():
        return False
    # A modal is a verb of WordNet too ("to will", "to can") but opens no instruction: "Will Smith", "Can Yaman".
    if lower in _MODALS:
        return False
    opening = _INSTRUCTION_OPENS_BEFORE.search(text, max(0, start - 12), start)
    # "Dear Ms. Bin Yusof": a title's full stop opens no sentence.
    title = _WORD_BEFORE_A_FULL_STOP.search(text, max(0, start - 12), opening.start() + 1) if opening else None
    if opening is None or (title is not None and title.group(1).lower() in _TITLE_ABBREVIATIONS):
        return False
    run = _CAPITALISED_WORDS_AFTER.match(text, end)
    if run is None:
        return False
    if POSSESSIVE_END.search(run.group()):
        return True
    # "Pan Tomasz Nowak prosi o kontakt": the words after it in another language, it is no English verb.
    after = LOWER_CASE_WORD_AFTER.match(text, run.end())
    return after is None or (after.group(1) in everyday_words() and not past_tense(after.group(1), word_classes()[1]))


def _opens_the_sentence_before_a_name(text: str, tokens, index: int) -> bool:
    """True for an adverb or a function word capitalised only because it opens the sentence, right before another
    capitalised word ("Later Weiß said", "Then Priya wrote"): no part of the name that follows. A word that the
    name lists hold, function word or not, may be the name's first ("Will Smith said", "May Chen called")."""
    start, end, word = tokens[index]
    given, surnames = _every_person_name()
    return (
        index + 1 < len(tokens)
        and text[end : tokens[index + 1][0]] == " "
        and _is_capitalised(tokens[index + 1][2])
        and word not in given
        and word not in surnames
        and opens_a_sentence_before_a_name(word.lower())
        and SENTENCE_START.search(text, max(0, start - 3), start) is not None
    ) or imperative_before_a_name(text, start, end)


# A team's word after a cued name makes it a team's or a company's name: "Best,\nAcme Support", "Dear Contoso Team".
_TEAM_AFTER = re.compile(
    r"[ \u00a0](?:Support|Team|Teams|Sales|Billing|Service|Services|Operations|Ops|Engineering|Marketing|Finance"
    r"|Legal|Security|HR|IT|Helpdesk|Desk)\b"
)


_COMMA_BEFORE_A_CAPITAL = re.compile(r",[ \t]+[A-ZÀ-ÖØ-ÞĀ-Ž]")


def _only_everyday_words(tokens) -> bool:
    """True when every word of a name a cue announced is an English word no name list holds, a greeting's object or
    a function word ("Dear Hiring Manager", "Attention: Warehouse Manager", "Best,\nAcme Support"), a common noun
    alone ("Dear Policyholder"), or such words and nouns or adjectives of WordNet that no name list holds ("Dear
    Valued Member", "Sincerely, Acme Travel Reservations"; not "Best regards,\nA. J. Whitfield", "Dear Professor
    Whitfield")."""
    words = [token[2] for token in tokens if token[2].lower() not in NAME_PARTICLES]
    # One common noun that no name list holds greets or signs for a kind of reader or writer: "Dear Policyholder",
    # "Dear Guests", "Regards,\nManagement".
    given, surnames = person_name_lists()
    if all(map(english_word, words)) or (
        len(words) == 1 and words[0] not in given and words[0] not in surnames and common_noun(words[0].lower())
    ):
        return True
    nouns_or_adjectives, _ = word_classes()
    # Initials are no words here: "A. J. Whitfield".
    words = [word for word in words if len(word) > 1]
    return any(map(english_word, words)) and all(
        english_word(word) or (word.lower() in nouns_or_adjectives and word not in given and word not in surnames)
        for word in words
    )


def common_noun(word: str) -> bool:
    """True for a lower-case word that the vocabulary holds in the singular and the plural: "guest", "guests",
    "families", "policyholder"; not "goldberg", which it holds as a surname's lower case (and WordNet as a
    cartoonist)."""
    everyday = everyday_words()
    return word in everyday and (
        _held_in_the_plural(word, everyday) or any(singular in everyday for singular in lemmas(word) - {word})
    )


def _held_in_the_plural(word: str, everyday: frozenset[str]) -> bool:
    return bool({f"{word}s", f"{word}es", f"{word[:-1]}ies"} & everyday)


def english_word(word: str) -> bool:
    """True for a function word, a greeting's object or a team (:data:`NOT_NAMES`), or an everyday English word no
    name list holds that is a verb or a verb's form ("Warehouse", "Hiring", "sent", "printed"), the doer of a verb
    ("Traders") or a noun made with an English suffix ("Procurement", "Notifications"). Not a noun alone: the
    vocabulary and WordNet hold names of people too ("Nasser", "Ling")."""
    lower = word.lower()
    if lower in NOT_NAMES or lower in stop_words():
        return True
    if lower not in everyday_words():
        return False
    given, surnames = person_name_lists()
    if word in given or word in surnames:
        return False
    _, verbs = word_classes()
    singular = lower[:-1] if lower.endswith("s") else lower
    return bool(
        lower in adverbs()
        or verb_form(lower, verbs)
        or verb_form(singular, verbs)
        or (singular.endswith("er") and (singular[:-2] in verbs or singular[:-1] in verbs))
        or _ENGLISH_NOUN_SUFFIX.search(singular)
    )


def everyday_noun(word: str) -> bool:
    """True for an everyday English word no name list holds that English uses as a common noun: an
    :func:`english_word`, or one the vocabulary holds in the plural too ("Website", "Portal") or that joins two
    English words ("Dashboard", "Timetable"). Not "Nasser", "Ling", "Mei": the vocabulary holds names of
    people in lower case too, but seldom in the plural or made of two words."""
    lower = word.lower()
    given, surnames = person_name_lists()
    if lower not in everyday_words() or word in given or word in surnames:
        return False
    everyday = everyday_words()
    nouns_or_adjectives, verbs = word_classes()
    english = nouns_or_adjectives | verbs
    return (
        english_word(word)
        or _held_in_the_plural(lower, everyday)
        or any(lower[:cut] in english and lower[cut:] in english for cut in range(2, len(lower) - 2))
    )


_ENGLISH_NOUN_SUFFIX = re.compile(r"(?:ment|tion|sion|ness|ity|ance|ence|ship)$")


@functools.lru_cache(maxsize=65536)
def _written_as_a_brand(word: str) -> bool:
    """True for a word with a capital inside whose last part is an everyday English word no name list holds:
    "DashPass", "YouTube"; not "JoAnne", "RoseMarie", "McKenzie"."""
    parts = re.findall(r"[A-Z][a-z]+", word)
    return len(parts) > 1 and "".join(parts) == word and everyday_noun(parts[-1])


def _unlisted_english_word(word: str) -> bool:
    """True for a word that WordNet knows and no name list holds: "Latency", which the everyday vocabulary lacks."""
    given, surnames = person_name_lists()
    return word not in given and word not in surnames and not no_english_word(word.lower())


def no_english_word(word: str) -> bool:
    """True for a word that WordNet does not know (no noun, adjective, verb or adverb): "Thandeka", "Ji-hoon"; not
    "Autumn", "Florence", "Bell", which the name lists hold too."""
    if word in NOT_NAMES or word in stop_words():
        return False
    nouns_or_adjectives, verbs = word_classes()
    return not (lemmas(word) & nouns_or_adjectives or verb_form(word, verbs) or word in adverbs())


def _field_value(text: str, tokens, index: int, run: int) -> int:
    """``run`` (the tokens a form's field or "my name is" announces, in any case), or 0 where the field holds no
    name: everyday words ("Family name: as shown in your passport", "Contact person: see Vendor Portal"), a letter
    that is no initial ("Name: N/A"), or a value that runs on in everyday words ("name: Northwind traders ltd")."""
    if not run:
        return 0
    end = tokens[index + run - 1][1]
    first = tokens[index][2]
    if len(first) == 1 and not text.startswith(".", tokens[index][1]):
        return 0
    # A sentence that opens after the field with a contraction in lower case: "Customer: where's my refund??",
    # "Caller: it's about ...".
    if first.islower() and POSSESSIVE_END.search(first) and POSSESSIVE_END.sub("", first) in stop_words():
        return 0
    # Another language's field holds its language's words in lower case where it holds no name: "Paciente: ver
    # historial adjunto" (a name there is capitalised).
    if first.islower() and _OTHER_LANGUAGES_FIELD_BEFORE.search(text, max(0, tokens[index][0] - 40), tokens[index][0]):
        return 0
    if _OTHER_LANGUAGES_NAME_OR_ROLE_BEFORE.search(text, max(0, tokens[index][0] - 40), tokens[index][0]):
        given, surnames = person_name_lists()
        value = [token[2] for token in tokens[index : index + run]]
        if not any(word in given or word in surnames for word in value) or NUMBER_AFTER.match(text, end):
            return 0
    # After a dash or a bar ("Recipient | ...", "Name | Role | Salary") a name is capitalised and is not English words
    # alone; any case only after ":".
    if text[: tokens[index][0]].rstrip(" \t")[-1:] in ("-", "–", "|"):
        words = [token[2] for token in tokens[index : index + run] if token[2].lower() not in NAME_PARTICLES]
        given, surnames = person_name_lists()
        if not (words and _is_capitalised(words[0])) or all(
            word not in given and word not in surnames and not no_english_word(word.lower()) for word in words
        ):
            return 0
    if _only_everyday_words(tokens[index : index + run]) or _one_everyday_word_for_a_role(text, tokens, index, run):
        return 0
    following = index + run
    later = [token[2] for token in tokens[index + 1 : following] if token[2].lower() not in NAME_PARTICLES]
    # "Account holder - Northwind Traders", "Recipient | Warehouse Dock": a field's value that opens or ends with an
    # English word no name list holds. A given name that is an English word too opens a name whose other words, two
    # or more, no English vocabulary knows ("Proposer: Hone Heke Tawhiri").
    opens_a_name = len(later) >= 2 and all(no_english_word(word.lower()) for word in later)
    edges = {tokens[following - 1][2]} if opens_a_name else {tokens[index][2], tokens[following - 1][2]}
    if run > 1 and any(
        word.lower() not in NAME_PARTICLES and word != "Mac" and len(word) > 1 and english_word(word) for word in edges
    ):
        return 0
    if following < len(tokens) and text[end : tokens[following][0]] in (" ", "\u00a0"):
        later.append(tokens[following][2])
    if any(
        word.islower() and english_word(word) and word not in stop_words() and word not in NOT_NAMES for word in later
    ):
        return 0
    return run


_ROLE_LABEL_BEFORE = re.compile(rf"(?i)\b(?:{_ROLE_LABELS}){_ROLE_NUMBER}(?:\s*:|[ \t]*[-–|])[ \t]*$")


def _one_everyday_word_for_a_role(text: str, tokens, index: int, run: int) -> bool:
    """True where a field of a person's part ("Student:", "Created by:", "Owner:") holds no person but a kind or a
    thing: one English noun or adjective that no name list holds ("Student: Undergraduate", "Created by: System",
    "Tutor: Online"), or a word with a number ("Student: Year 10")."""
    start, _, word = tokens[index]
    if not _ROLE_LABEL_BEFORE.search(text, max(0, start - 40), start):
        return False
    if NUMBER_AFTER.match(text, tokens[index + run - 1][1]):
        return True
    given, surnames = person_name_lists()
    nouns_or_adjectives, _ = word_classes()
    lower = word.lower()
    return (
        run == 1
        and lower in everyday_words()
        and lower in nouns_or_adjectives
        and word not in given
        and word not in surnames
    )


# Surname first, a comma, then the given name, as forms, lists and records write names: "Okafor, Chidi", "van der
# Merwe, Pieter", "Nguyen, Thi Hoa". Where it stands: at a line's start, after a field's label or a word that takes a
# person ("the record for ..."); what ends it: the line, a bracket, a semicolon, a bar, a dash, "and".
_SURNAME_FIRST = re.compile(
    rf"(?<![\w'’.-])(?P<surname>(?:(?i:{'|'.join(sorted(NAME_PARTICLES))})[ \u00a0])*{NAME_WORD}"
    rf"(?:[ \u00a0]{NAME_WORD})?),[ \t]+(?P<given>{NAME_WORD}(?:[ \u00a0]{NAME_WORD})?)"
    # A middle initial after the given names, as Philippine and American records write it ("Santos, Maria Clara D.").
    r"(?:[ \u00a0][A-Z]\.)?"
    # A title after the given name, as airlines write it ("OKAFOR, CHIDI MR").
    r"(?=(?:[ \t]+(?i:mr|mrs|ms|miss|mstr|dr))?[ \t]*(?:$|\n|[;|(),.!?]|[-–—/](?=\s)|and\b|\d))"
)
_LIST_GOES_ON = re.compile(r",[ \t]+[A-ZÀ-ÖØ-ÞĀ-Ž]")
_NUMBER_AFTER_THE_GIVEN_NAME = re.compile(r"[ \t]+\d")
_ENTRY_ENDS = re.compile(r"[ \t]*(?:$|\n|[;|(]|[-–—/](?=\s))")
# Between two entries of a list, a note in brackets allowed: "Lindgren, Erik; Sato, Yui", "Tanaka, Yuki (vegetarian);".
_NEXT_ENTRY = re.compile(r"[ \t]*(?:\([^()\n]*\)[ \t]*)?;[ \t]*")
_LABEL_BEFORE = re.compile(r"[:|][ \t]*$")
_FIELD_BEFORE = re.compile(r"(?:(?:^|\n)[ \t]*(?:[-*•][ \t]+)?|[:|][ \t]*)$")


def _with_surnames_first(text: str, spans: list[tuple[int, int, bool]], cue_ends) -> list[tuple[int, int, bool]]:
    """``spans`` with the names written surname first (:data:`_SURNAME_FIRST`) in their place, announced: a surname
    and a given name that are no everyday words and no country or state ("Paris, France"), one of them known to the
    name lists unless a line's start or a field's label comes before them ("Srisuk, Kanya - no-show").

    Entries of a list joined by semicolons ("Attendees: Lindgren, Erik; Sato, Yui; Okoye, Chinedu") are names
    together: every entry that may be a name, when one entry is a name alone, the label before the first entry
    standing before each ("Panel: Jensen, Freya; Kaur, Simran"; not a line's start: "Ford, Lincoln; Chevrolet,
    Cadillac"). An entry may be a name when a word of it is no English word, or its surname and its given name are
    each in their list ("Silva, Ana"; not "Red, Green; Blue, Yellow"); a country or a state as its given name only
    after a surname no English word ("Ødegaard, Martin"; not "Paris, France; Tokyo, Japan")."""
    given_names, surnames = person_name_lists()
    lists: list[list[tuple[re.Match[str], bool, bool]]] = []
    labelled: list[bool] = []
    for match in _SURNAME_FIRST.finditer(text):
        surname = re.split(r"[ \u00a0]", match.group("surname"))
        # A surname that is a particle's word alone is a surname still: "Le, Van Minh", "E, F".
        words = [word for word in surname if word.lower() not in NAME_PARTICLES] or surname[-1:]
        given = match.group("given").split()
        if not all(_is_capitalised(word) for word in (*words, *given)) or any(map(english_word, (*words, *given))):
            continue
        if _SIGN_OFF.fullmatch(match.group("surname")):
            continue
        if _LIST_GOES_ON.match(text, match.end()):
            continue
        # "Santos, Maria Clara": any given name counts, the second too.
        unknown_to_english = any(no_english_word(word.lower()) for word in (words[-1], *given))
        # A country or a state before the comma makes it a list of places ("for Poland, Czechia and Slovakia"); a
        # number after the given name, where no label announces the entry, a list of a site's parts ("Magazijn
        # Venlo, Hal 4, Dock 18").
        before = text[max(0, match.start() - 40) : match.start()]
        field_before = match.start() in cue_ends or _FIELD_BEFORE.search(before) is not None
        place = (
            any(word in places() for word in given)
            or words[-1] in places()
            or (
                _NUMBER_AFTER_THE_GIVEN_NAME.match(text, match.end()) is not None
                and _LABEL_BEFORE.search(before) is None
                and match.start() not in cue_ends
            )
        )
        may_be_a_name = (unknown_to_english or (words[-1] in surnames and given[0] in given_names)) and (
            not place or (no_english_word(words[-1].lower()) and words[-1] not in places())
        )
        joined = bool(lists) and _NEXT_ENTRY.fullmatch(text, lists[-1][-1][0].end(), match.start()) is not None
        field = field_before or (joined and labelled[-1])
        known = words[-1] in surnames or given[0] in given_names
        cued = match.start() in cue_ends
        entry = cued or _ENTRY_ENDS.match(text, match.end()) is not None
        # "Apple, Orange, Pear", "Sea, Sun": a list of English words, unless a field's label announces it. Neither word
        # known to the lists: only as a record's whole entry ("Srisuk, Kanya - no-show"), not in a list of things
        # ("Outlook, Gmail and Yahoo").
        a_name_alone = (
            not place
            and (cued or unknown_to_english)
            and (field or PERSONS_PLACE_BEFORE.search(before) is not None)
            and (known or (field and entry))
        )
        if joined:
            lists[-1].append((match, a_name_alone, may_be_a_name))
        else:
            lists.append([(match, a_name_alone, may_be_a_name)])
            labelled.append(match.start() in cue_ends or _LABEL_BEFORE.search(before) is not None)
    found = [
        (match.start(), match.end(), True)
        for entries in lists
        if any(alone for _, alone, _ in entries)
        for match, alone, may in entries
        if alone or may
    ]
    if not found:
        return spans
    kept = [span for span in spans if not any(span[0] < end and start < span[1] for start, end, _ in found)]
    return sorted([*kept, *found])


@functools.cache
def places() -> frozenset[str]:
    """The words of the names of countries and US states ("France", "Georgia", "Carolina"), from ``faker``."""
    import faker.providers.address.en_US as us_addresses

    return frozenset(
        word
        for place in (*us_addresses.Provider.countries, *us_addresses.Provider.states)
        for word in re.findall(r"[A-Z][a-z]+", place)
    )


@functools.cache
def country_names() -> frozenset[str]:
    """The names of countries as each ``faker`` locale's address provider writes them ("Francia", "Deutschland",
    "Brasil", "Grecia"); many are persons' names too ("Maurice", "Jordan", "Francia"), so they count as places only
    after a word of where (:data:`INSIDE_A_PLACE_BEFORE`)."""
    import faker.providers.address as address_providers

    return frozenset(
        country
        for module in pkgutil.iter_modules(address_providers.__path__)
        for country in getattr(
            importlib.import_module(f"{address_providers.__name__}.{module.name}").Provider, "countries", ()
        )
    )


@functools.cache
def cities() -> frozenset[str]:
    """The names of the cities and towns of 15,000 people or more of ``cities.txt`` (GeoNames: "Austin", "Alice
    Springs", "Siena", "Maringa"), many of them given names too ("Austin", "Florence", "Charlotte")."""
    lines = pathlib.Path(__file__).with_name("cities.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@functools.cache
def brands_folded() -> frozenset[str]:
    """The names of :func:`brands` in lower case without spaces, as chat writes them: "whatsapp", "ubereats"."""
    return frozenset(name.lower().replace(" ", "") for name in brands())


@functools.cache
def brands() -> frozenset[str]:
    """The brand and product names of ``brands.txt`` (Simple Icons' titles), ``named_after_people.txt`` (businesses,
    institutions and characters named after a person) and ``companies.txt`` (retailers, carriers, banks, telecoms
    and other companies Simple Icons does not hold)."""
    lines = [
        line
        for name in ("brands.txt", "named_after_people.txt", "companies.txt")
        for line in pathlib.Path(__file__).with_name(name).read_text(encoding="utf-8").splitlines()
    ]
    return frozenset(line for line in lines if line and not line.startswith("#"))


@functools.lru_cache(maxsize=64)
def strong_cue_ends(text: str) -> frozenset[int]:
    """Where the form fields and "my name is" phrases of ``text`` end: where a name they announce starts. Kept for
    the last texts read: the rules ask it about every name of a text, and a scan of a long text costs its length.

    A role's label that opens a turn of a transcript ("Customer: nope thats all" after "Agent: ..." on another line)
    announces what that party says, not a name: its end is none."""
    lower = text.lower()
    if not any(map(lower.__contains__, _STRONG_CUE_WORDS)):
        return frozenset()
    ends = _ends(_STRONG_CUE_FORWARD, text)
    turns = list(_TURN_OF_A_TRANSCRIPT.finditer(text)) if "\n" in text else []
    if len(turns) < 2:
        return frozenset(ends)
    # A turn that answers a question for a name opens with the name: "Agent: and first name?\nCustomer: Remedios".
    return frozenset(
        ends
        - {
            turn.end()
            for turn in turns
            if _ASKS_FOR_A_NAME.search(text, text.rfind("\n", 0, max(0, turn.start() - 1)) + 1, turn.start()) is None
        }
    )


def _ends(pattern: re.Pattern[str], text: str) -> set[int]:
    """Where the matches of ``pattern`` (a cue and the spaces after it) end: where an announced name starts."""
    return {match.end() for match in pattern.finditer(text)}


def noun_of_goods_after(text: str, end: int) -> bool:
    """True where an English noun that is no verb follows ``text[:end]`` in lower case: it says what a thing named
    before it is ("Aunt Jemima syrup", "dr oetker pizza"), where a person's name is followed by what they do."""
    after = LOWER_CASE_WORD_AFTER.match(text, end)
    if after is None:
        return False
    nouns, verbs = word_classes()
    word = after.group(1)
    # Not a function word that WordNet holds as a noun too: "at" (a currency), "in" (a state), "a" (a vitamin).
    return word in nouns and word not in stop_words() and not verb_form(word, verbs)


def _cue_before(pattern: re.Pattern[str], text: str, start: int) -> bool:
    return pattern.search(text, max(0, start - _CUE_REACH), start) is not None


def announced_before(text: str, start: int) -> bool:
    """True where what ends right before ``start`` announces a person's name: a form's field or "my name is", a cue
    (a title, "Dear", "spoke with", "my colleague", a sign-off), a greeting, or a message's sender ("Voicemail
    from")."""
    return (
        start in strong_cue_ends(text)
        or _cue_before(_CUE_BEFORE, text, start)
        or _cue_before(_GREETING_CUE_BEFORE, text, start)
        or _cue_before(_MESSAGE_FROM_BEFORE, text, start)
    )


def _things_name(tokens) -> bool:
    """True when the words are a place's or a brand's name (the first words of it: "Amazon Web Services")."""
    words = [word for _, _, word in tokens]
    return words[0] in places() or bool(brands_opening(words))


def brands_opening(words: Sequence[str]) -> list[str]:
    """The brands of :func:`brands` that the first of ``words`` spell ("Amazon", "Amazon Web Services")."""
    return [name for name in (" ".join(words[:count]) for count in range(1, len(words) + 1)) if name in brands()]


_PERSONS_TITLE_BEFORE = re.compile(r"(?<![\w'’.-])(?:Dr|Mr|Mrs|Ms|Prof|Dott|Sig)\.?[ \t]$")
_DATE_AFTER = re.compile(r"[ \t]+\d{1,2}[/.-]\d{2,4}\b")


def _cued_or_known_name(
    text: str, tokens, index: int, given: frozenset[str], surnames: frozenset[str]
) -> tuple[int, bool]:
    """How many tokens from ``index`` on form a name that a cue announces or the name lists know (0: none),
    and whether a cue announced it."""
    run = _name_run(text, tokens, index, any_case=False)
    if not run:
        return 0, False
    start, word = tokens[index][0], tokens[index][2]
    end = tokens[index + run - 1][1]
    # "Case 36542192", "Pixel 8", "Windows 11": a capitalised word numbered is a thing, not a person. A capital letter
    # alone, without an initial's full stop, is a unit or a grade, whatever follows ("95°F here", "Plan B says").
    # After a person's title a date may follow the name: "Last seen by Dr. Kessler 11/2024".
    title = _PERSONS_TITLE_BEFORE.search(text, max(0, start - 6), start)
    # (not a brand named after a doctor: "Dr. Martens 10/2023")
    if (
        NUMBER_AFTER.match(text, end)
        and not (title and _DATE_AFTER.match(text, end) and text[title.start() : end] not in brands())
    ) or (run == 1 and len(word) == 1 and not text.startswith(".", end)):
        return 0, False
    # An abbreviation's capitals after lower-case letters are no name's: "the SmPC says", "eGFR" ("DeShawn" is one).
    if any(_CAPITALS_AFTER_LOWER_CASE.fullmatch(token[2]) for token in tokens[index : index + run]):
        return 0, False
    known_given = word in given
    cue_may_end_here = _cue_may_end_before(text, tokens, index)
    if (
        (cue_may_end_here and _cue_before(_CUE_BEFORE, text, start))
        or (
            cue_may_end_here
            and (known_given or _CLAUSE_ENDS_AFTER_NAME.match(text, end))
            and _cue_before(_GREETING_CUE_BEFORE, text, start)
            and not german_im_before(text, start)
        )
        or (
            cue_may_end_here
            and known_given
            and word not in places()
            and _CLAUSE_ENDS_AFTER_NAME.match(text, end)
            and _cue_before(_FOREIGN_GREETING_BEFORE, text, start)
        )
        # "chị Lan bên kế toán", "anh Tuấn nói": a Vietnamese kinship pronoun, in lower case, before a name.
        or (cue_may_end_here and _in_vietnamese(text) and _cue_before(_VIETNAMESE_KIN_BEFORE, text, start))
        or (
            cue_may_end_here
            and known_given
            and _in_vietnamese(text)
            and _cue_before(_VIETNAMESE_I_AM_BEFORE, text, start)
        )
        # "um tal de Washington", "un tal Rigoberto": a given name the lists know after "a certain".
        or (cue_may_end_here and known_given and _cue_before(_A_CERTAIN_BEFORE, text, start))
        # "The inventory clerk (Leanne)", "Cześć, tu Agnieszka", "sóc la Montserrat": a given name of the lists.
        or (
            cue_may_end_here
            and known_given
            and word.lower() not in everyday_words()
            and word not in brands()
            and (
                _cue_before(_ROLE_BEFORE_A_BRACKET, text, start)
                or _cue_before(_OTHER_LANGUAGES_THIS_IS_BEFORE, text, start)
            )
        )
        # "o atendente, Rogério, desligou", "a real person, Tendai, and", "the guy on the phone, Vikram something,": a
        # given name of the lists, or in apposition one no dictionary knows.
        or (
            cue_may_end_here
            and (
                known_given
                or (
                    _APPOSITION_ENDS.match(text, end) is not None
                    and no_english_word(word.lower())
                    # (not thanks of another language: "the man at the desk, Obrigado, he knows")
                    and _FOREIGN_GREETING.fullmatch(word) is None
                )
            )
            and word not in places()
            and word not in brands()
            and (
                _cue_before(_OTHER_LANGUAGES_ROLE_BEFORE, text, start)
                or _cue_before(_PERSON_IN_APPOSITION_BEFORE, text, start)
            )
        )
        # "Merci à Jean-Baptiste Lefèvre de l'agence", "Danke an Jürgen Weber für ...": thanks to a given name the
        # lists know and more words of a name, whatever follows (a given name alone is the model's to judge: "Merci
        # à Paris").
        or (run >= 2 and cue_may_end_here and known_given and _cue_before(_THANKS_TO_BEFORE, text, start))
        # A thing talks too: "Tracking says ...", "Dashboard said ..." (not "Chidi says ...").
        # "Latency from our servers": a word WordNet knows that no name list holds is no person either, nor a brand
        # written with an everyday word after a capital inside ("DashPass says"; "JoAnne says" is a person).
        or (
            _ACTION_AFTER_NAME.match(text, end)
            and not (run == 1 and (everyday_noun(word) or _unlisted_english_word(word) or _written_as_a_brand(word)))
        )
        or (known_given and _OFFICE_AFTER.match(text, end))
        # "Ayşe hanım will send it": a name with an honorific after it (no everyday word nor place: "Kitchen bey").
        or (
            _HONORIFIC_AFTER.match(text, end)
            and word.lower() not in everyday_words()
            and word not in places()
            and (known_given or no_english_word(word.lower()))
        )
        or (run == 1 and known_given and _opens_a_subject_line_before_a_dash(text, start, end, word))
        # "Dawn can't log in", "Hope thinks we ...": a word opening its sentence before what only a person does.
        or (
            run == 1
            and SENTENCE_START.search(text, max(0, start - 4), start)
            and _PERSON_ONLY_AFTER.match(text, end)
            and word not in brands()
            and word not in places()
        )
        # "Ahmed's laptop": a given name, the possessive not part of it, before what only a person has.
        or (
            POSSESSIVE_END.sub("", word) in given
            and POSSESSIVE_END.search(tokens[index + run - 1][2])
            and _PERSONS_OWN_AFTER.match(text, end)
        )
        or (
            NAME_ENDS_THE_TEXT.match(text, end) and DASH_SIGN_OFF_BEFORE.search(text, max(0, start - _CUE_REACH), start)
        )
        or _capitalised_words_addressed_at_the_end(text, tokens[index : index + run], given)
        or KIN_APPOSITION_AFTER.match(text, end)
        or (
            NAME_ENDS_THE_TEXT.match(text, end)
            and _THANKS_ON_THE_LAST_LINE_BEFORE.search(text, max(0, start - _CUE_REACH), start)
            and (known_given or word.lower() not in everyday_words())
        )
        or (
            text.startswith(":", end)
            and _MESSAGE_FROM_BEFORE.search(text, max(0, start - _CUE_REACH), start)
            and not _things_name(tokens[index : index + run])
        )
        or (
            run >= 2
            and known_given
            and _surname_follows(tokens, index, run, surnames)
            and no_english_word(tokens[index + run - 1][2].lower())
            and _READY_FOR_BEFORE.search(text, max(0, start - _CUE_REACH), start)
        )
        or (
            run >= 2
            and _DEFINED_PARTY_AFTER.match(text, end)
            and not _things_name(tokens[index : index + run])
            and all(
                part in given or (no_english_word(part.lower()) and part.lower() not in everyday_words())
                for _, _, part in tokens[index : index + run]
            )
        )
        or (
            run == 1
            and (known_given or no_english_word(word.lower()))
            and word not in brands()
            and _ACTION_LABEL_BEFORE.search(text, max(0, start - 24), start)
            and _action_item_after(text, start, end, word)
        )
        or (
            cue_may_end_here
            and (known_given or word.lower() not in everyday_words())
            and (_CLAUSE_ENDS_AFTER_NAME.match(text, end) or _PRONOUN_OPENS_AFTER.match(text, end))
            and _cue_before(_ANSWER_BEFORE, text, start)
        )
        or (cue_may_end_here and _KNOW_AFTER.match(text, end) and _cue_before(_LET_BEFORE, text, start))
        or (cue_may_end_here and word not in places() and _cue_before(_TRADE_TITLE_BEFORE, text, start))
        or (
            cue_may_end_here
            and word not in places()
            and not POSSESSIVE_END.search(text, start, end)
            and not noun_of_goods_after(text, end)
            and _cue_before(_KIN_TITLE_BEFORE, text, start)
        )
        or (
            cue_may_end_here
            and word.lower() not in everyday_words()
            and word not in places()
            and _cue_before(_LAWYERS_TITLE_BEFORE, text, start)
        )
        or (
            cue_may_end_here
            and word.lower() not in everyday_words()
            and _SPEAKERS_COLON_AFTER.match(text, end) is not None
            and _cue_before(_CHAT_LOG_TIME_BEFORE, text, start)
        )
        or (
            cue_may_end_here
            and known_given
            and word.lower() not in everyday_words()
            and word not in places()
            and _cue_before(_MINDING_BEFORE, text, start)
        )
        or _in_brackets_after_a_cue(text, tokens[index : index + run])
        or _in_brackets_in_doubt_after_a_person(text, tokens[index : index + run])
        or (cue_may_end_here and _attention_line_name(text, tokens[index : index + run]))
        # "... see you Friday.\n- Tevita\ncan you make this more formal?": a name's words only (not "- Summary\n").
        or (
            _NAME_ENDS_ITS_LINE.match(text, end)
            and dash_sign_off_in_a_text(text, start, end)
            and all(
                _names_word(word) or (word in given and word not in places())
                for _, _, word in tokens[index : index + run]
            )
        )
        or _addressed_as_a_quote_opens(text, tokens[index : index + run], given)
        or (run == 1 and known_given and _quoted_given_name_of_a_person(text, start, end))
        or (run == 1 and _surname_naming_a_case(text, start, end, word, surnames))
        or (run == 1 and _addressed_with_a_request(text, start, end, word))
    ):
        return run, True
    # "J. R. Patel approved it": initials before a surname the lists know that is no place nor English word (not
    # "Answer: B. Paris").
    last = tokens[index + run - 1][2]
    if (
        run >= 2
        and _is_initial(text, tokens, index)
        and last in surnames
        and last not in places()
        and no_english_word(last.lower())
    ):
        return run, False
    # "Bonjour Amadou, votre colis ...": one word no English vocabulary holds, greeted in another language before a
    # comma, is a given name the lists lack, or that language's word ("Hola Mundo,"), which the model tells apart.
    if (
        run == 1
        and cue_may_end_here
        and text.startswith(",", end)
        and word not in places()
        and _cue_before(_FOREIGN_GREETING_BEFORE, text, start)
        and no_english_word(word.lower())
    ):
        return run, False
    if known_given and (
        (run >= 2 and _surname_follows(tokens, index, run, surnames))
        or (cue_may_end_here and _cue_before(_WEAK_CUE_BEFORE, text, start))
        or _cue_before(_SERVICE_ROLE_LABEL_BEFORE, text, start)
        or (cue_may_end_here and _cue_before(_THANKS_TO_BEFORE, text, start))
        or (run == 1 and _given_name_alone(text, start, end, word))
        or (run == 1 and _action_item_after(text, start, end, word))
    ):
        return run, False
    if (
        run <= 2
        and word.lower() not in everyday_words()
        and _CHAT_LOG_BRACKET_AFTER.match(text, end)
        and _CHAT_LOG_BRACKET_BEFORE.search(text, max(0, start - 8), start)
    ):
        return run, True
    # "On Monday Ji-woo met the supplier": a Korean or Chinese given name of two syllables joined by a hyphen, which no
    # list holds and no English word is, where a person stands; with a surname of the lists after it, anywhere
    # ("from Hyun-woo Park to ...").
    if run == 1 and syllables_joined_as_a_given_name(word) and in_a_persons_place(text, start, end):
        return run, True
    if run >= 2 and syllables_joined_as_a_given_name(word) and _surname_follows(tokens, index, run, surnames):
        return run, False
    # "Maryam bint Khalid Al-Suwaidi", "Ahmad bin Ismail": a given name, "son of" or "daughter of" and the father's
    # name are a person's name, whatever the lists hold.
    if (
        run >= 3
        and tokens[index + 1][2] in _PATRONYMIC_PARTICLES
        and (known_given or _no_english_word_in_lower_case(word))
        and _no_english_word_in_lower_case(tokens[index + 2][2])
    ):
        return run, True
    # Family name first, as Chinese, Japanese, Korean, Vietnamese and Hungarian names are written; a Korean or
    # Chinese given name of two syllables joined by a hyphen, which no list holds all of ("Kim Seo-yeon", "LEE
    # Hye-jin" as capitals_as_written writes it), and no English word is ("Park Co-op").
    if (
        run >= 2
        and word in surnames
        and any(
            tokens[position][2] in given or syllables_joined_as_a_given_name(tokens[position][2])
            for position in range(index + 1, index + run)
        )
    ):
        return run, False
    # Names no list fully knows, where a person's name stands: the model cannot veto those (it reads "Aminata Diallo"
    # as a work of art, "Siriporn Chaiyasit" as an organisation), but it may veto names all of whose words the
    # lists know ("Charles Schwab's app").
    words = _words_in_a_persons_place(text, tokens, index, run, cue_may_end_here) if run >= 2 else []
    if words:
        return run, not all(word in given or word in surnames for word in words)
    return 0, False


# A message quoted in the text, opened by the person it is said to: '"Siobhan, the slides are due."', "'Kofi, I
# checked the figures'". Either the text presents the message (the quote opens the text or a line, or follows a
# colon or a sentence's end: "Can you soften this? '...'") or the message speaks to someone ("you", "please", "I"):
# not a quoted line of a log, a banner or a song ('The log shows "Nginx, the upstream timed out"').
_QUOTE_OPENS_BEFORE = re.compile(r"(?:^|[\s(:])[\"“'‘„«][ \t]*$")
_QUOTED_MESSAGE_PRESENTED_BEFORE = re.compile(r"(?:^|\n|[:?!.][ \t]+)[ \t]*[\"“'‘„«][ \t]*$")
# The message goes on in English after the comma: not a phrase of another language ("L'état, c'est moi").
_MESSAGE_GOES_ON_AFTER = re.compile(r",[ \t]+(?:(?P<word>[a-z]+)\b(?!['’])|I\b)")
_SPOKEN_TO_IN_THE_MESSAGE = re.compile(r"[^\"“”‘’'\n]*?\b(?:you|your|please|thanks|thank|I|I['’]m|we|us|our)\b")


def _addressed_as_a_quote_opens(text: str, words, given: frozenset[str]) -> bool:
    """True for one or two capitalised words that open a quoted message before a comma and the message's words,
    each a given name of the lists or a word no vocabulary holds, none an everyday word or a place ('"Siobhan, the
    slides are due."'; not '"Note, the report is wrong."')."""
    start, end = words[0][0], words[-1][1]
    return (
        len(words) <= 2
        and _QUOTE_OPENS_BEFORE.search(text, max(0, start - 3), start) is not None
        and (going_on := _MESSAGE_GOES_ON_AFTER.match(text, end)) is not None
        and (going_on["word"] is None or going_on["word"] in stop_words() or going_on["word"] in everyday_words())
        and (
            _QUOTED_MESSAGE_PRESENTED_BEFORE.search(text, max(0, start - 6), start) is not None
            or _SPOKEN_TO_IN_THE_MESSAGE.match(text, end) is not None
        )
        and all(
            (word in given or no_english_word(word.lower()))
            and word.lower() not in everyday_words()
            and word not in places()
            for _, _, word in words
        )
    )


# A given name quoted alone: "'Maeve'", "“Tomás”".
_QUOTED_ALONE = {"'": "'", "‘": "’", '"': '"', "“": "”"}
# What says that a quoted word is someone's name: who it is ("the same person", "a different person"), where a
# letter names people (its signature, greeting or salutation), how it is spelled.
_PERSON_SAID_OF_A_QUOTE = re.compile(
    r"(?i)\b(?:(?:same|different|other|one|wrong|right)\s+(?:person|people|name)|signature|sign-?off|salutation"
    r"|greeting|spel(?:led|t|ling)|nicknamed?)\b"
)


def _quoted_given_name_of_a_person(text: str, start: int, end: int) -> bool:
    """True for a given name quoted alone in a sentence that says it is someone's name ("the draft says 'Maeve' at
    the top and 'Niamh' in the signature")."""
    if start == 0 or _QUOTED_ALONE.get(text[start - 1]) != text[end : end + 1] or text[start:end] in places():
        return False
    low, high = sentence_around(text, start)
    return _PERSON_SAID_OF_A_QUOTE.search(text, low, high) is not None


_PATRONYMIC_PARTICLES = frozenset(("bin", "bint", "binti", "binte", "ibn"))
_SYLLABLES_JOINED = re.compile(r"[A-Z][a-z]{1,4}-[a-z]{2,4}")


def syllables_joined_as_a_given_name(word: str) -> bool:
    """True for a Korean or Chinese given name of two syllables joined by a hyphen ("Ji-hoon", "Seo-yeon", "Ji-woo"):
    no English word whole, nor an English compound, an everyday word of three letters or more and another joined
    ("Check-in", "Half-price", "Make-up", "Week-long"), which WordNet lacks whole but a list or a menu
    writes capitalised; a syllable of a name is an English word at most by chance, and short ("Ji-woo", "Si-an")."""
    if _SYLLABLES_JOINED.fullmatch(word) is None or not _no_english_word_in_lower_case(word):
        return False
    first, second = word.lower().split("-")
    everyday = everyday_words()
    return not (len(first) >= 3 and all(part in everyday and not no_english_word(part) for part in (first, second)))


# Where a person works, after a given name: "Oisín from the Cork office", "Ana from the Lisbon branch" (a place's
# name between; "from the sales team" is :data:`_ACTION_AFTER_NAME`'s).
_OFFICE_AFTER = re.compile(
    r"[ \t]+(?:from|at|in)[ \t]+the[ \t]+(?:[A-Z][\w'’-]*[ \t]+){1,2}(?:office|team|branch|store|shop|depot"
    r"|warehouse|desk|site|hub|clinic|agency|showroom)\b"
    # A person's department: "Gabriel in HR", "Amara from payroll".
    r"|[ \t]+(?:in|from)[ \t]+(?:HR|IT|[Pp]ayroll|[Ff]inance|[Aa]ccounts|[Aa]ccounting|[Ll]egal|[Pp]rocurement"
    r"|[Cc]ompliance)\b"
    # Who a person works for, named by its trade in lower case: "Dmitri from the moving company", "Wanjiru at the
    # cleaning firm", "Bongani from the removals crew".
    r"|[ \t]+(?:from|at)[ \t]+the[ \t]+(?:[a-z][\w-]*[ \t]+){1,2}(?:company|firm|agency|service|crew|contractors?)\b"
)
# An honorific written after a given name: Turkish "Ayşe hanım", "Mehmet bey", "Selin hoca", "Zeynep hanımefendi".
# In lower case only, and none an English word but "bey" (an Ottoman title, after a capitalised word).
_HONORIFIC_AFTER = re.compile(r"[ \t]+(?:han[ıi]m(?:efendi)?|bey(?:efendi)?|hoca(?:m)?)\b")
# An e-mail's subject line opened by the person it is about, a dash after the name: "Subject: Kemal - refund for
# order 5512", "Re: Nomvula – contract renewal" (not "Subject: Refund - order 5512").
_SUBJECT_LINE_OPENS_BEFORE = re.compile(r"(?im:^[ \t]*(?:subject|subj|re|fwd?)[ \t]*:[ \t]*)$")
_DASH_AFTER = re.compile(r"[ \t]+[-–—][ \t]")


def _opens_a_subject_line_before_a_dash(text: str, start: int, end: int, word: str) -> bool:
    """True for a given name of the lists, no English word nor place, opening a subject line before a dash."""
    return (
        _DASH_AFTER.match(text, end) is not None
        and _SUBJECT_LINE_OPENS_BEFORE.search(text, max(0, start - 16), start) is not None
        and word not in places()
        and no_english_word(word.lower())
    )


# A request right after a word and a comma: "Manpreet, can you cover ...", "Femi, please check ...".
_REQUEST_AFTER_A_COMMA = re.compile(r",[ \t]*(?:(?:can|could|would|will)[ \t]+(?:you|u)|please|pls|plz)\b")
# What chat opens a request with that is nobody's name, though the lists hold it as a given name.
_CHAT_OPENERS = frozenset(["babe", "mate", "boss", "doc"])


def _addressed_with_a_request(text: str, start: int, end: int, word: str) -> bool:
    """True for a given name of the lists that opens the text or a line, addressed with a request after a comma
    ("Oluwaseun, could you send the deck?"), no everyday word, chat's opener, place, city or brand ("Mate, can you
    ...", "Jira, can you ...", "Team, please ..." stay; an assistant's name is the model's to veto). Not a word no
    dictionary knows: thanks and greetings of other languages and chat's spellings open requests too ("Gracias, can
    you ...", "Heyyy, can you ...")."""
    return (
        _REQUEST_AFTER_A_COMMA.match(text, end) is not None
        and _LINE_START_BEFORE.search(text, max(0, start - 8), start) is not None
        and word in person_name_lists()[0]
        and word.lower() not in everyday_words()
        and word.lower() not in _CHAT_OPENERS
        and word not in places()
        and word not in cities()
        and word not in brands()
    )


# A modal verb that is a given name too, opening its sentence before a past tense or a third person's form of saying
# or writing, which no modal is followed by: "Will said the invoice is late", "May told me ...", "Can wrote back"
# (Turkish); not "Will this work?", "May I ask ...".
_MODAL_AS_A_NAME = re.compile(
    r"(?:Will|May|Can)[ \t]+(?:said|says|told|wrote|writes|replied|texted|messaged|emailed|phoned|rang|mentioned"
    r"|promised|thinks|thought)\b"
)
# A modal greeted as a name at a message's opening, a comma or "!" after it: "Hi Will,", "Dear May,", "Thanks Can!"
# (not "Hello, may I ask", "Hi can you help").
_MODAL_GREETED = re.compile(r"(?:Will|May|Can)[,!]")
_GREETING_OPENS_BEFORE = re.compile(
    r"(?:^|[\n.!?][ \t]*)(?i:hi|hello|hey|hiya|dear|thanks|thank[ \t]+you|cheers)[ \t]+$"
)
# What only a person does, right after a word opening its sentence (a given name that is an English word too:
# "Sky can't log in", "Summer told me", "Hope thinks ..."; not "Sky blue is out of stock", "Tracking says"): being
# told something, thinking or feeling it, failing to sign in. A brand or a place may "think" ("Google thinks I'm in
# Spain", "Washington thinks ..."): neither is taken.
_PERSON_ONLY_AFTER = re.compile(
    r"[ \t]+(?:(?:told|asked|texted|messaged|emailed|phoned|rang)[ \t]+(?:me|us|him|her|them)\b"
    r"|(?:thinks|thought|feels|felt|reckons|believes)[ \t]+(?:that|it|we|I|the|this|he|she|they|you)\b"
    r"|(?:can['’]?t|cannot|couldn['’]t|still[ \t]+can['’]t)[ \t]+(?:log|sign)[ \t]*(?:in|on)\b)"
)
# A relative or someone close named, then who they are after a comma or in brackets: "..., my sister", "..., our
# neighbour", "... (our intern)".
KIN_APPOSITION_AFTER = re.compile(
    rf"(?i:(?:,[ \t]+|[ \t]*\([ \t]*)(?:my|our|his|her|their)[ \t]+"
    r"(?:(?:new|old|former|late|older|younger|little|big)[ \t]+)?"
    rf"(?:{RELATIVES_AND_CLOSE_PEOPLE})\b)"
)
# A reply that opens its clause, said to the person named right after it: "Yes Adaeze I saw it", "No Tomasz, ...".
_ANSWER_BEFORE = re.compile(
    r"(?i:(?:^|[.!?:\n][ \t]*)(?:yes|yeah|yep|no|nope|ok|okay|sure|thanks|thank[ \t]+you|thx)[ \t]*,?[ \t]*)$"
)
_PRONOUN_OPENS_AFTER = re.compile(r"[ \t]+(?:I|I['’](?:m|ve|ll|d)|we|we['’](?:re|ve|ll))\b")
# "let Malakai know": whom one tells.
_LET_BEFORE = re.compile(r"(?i:\blet)[ \t]+$")
_KNOW_AFTER = re.compile(r"[ \t]+know\b")
# A family's or a person's case, file or account, by their surname: "the Papadopoulos claim", "the Okonkwo file"; not
# "the Johnson case study".
_THE_BEFORE = re.compile(r"(?i:\bthe)[ \t\u00a0]+$")
_CASE_AFTER = re.compile(
    r"[ \t\u00a0]+(?:case|file|account|claim|household|family|estate|matter|tenancy|application)s?\b(?![ \t]+study)"
)


def _surname_naming_a_case(text: str, start: int, end: int, word: str, surnames: frozenset[str]) -> bool:
    """True for a surname of the lists, no English word, between "the" and a case's or an account's word."""
    return (
        word in surnames
        and word not in places()
        and word.lower() not in everyday_words()
        and no_english_word(word.lower())
        and _CASE_AFTER.match(text, end) is not None
        and _THE_BEFORE.search(text, max(0, start - 8), start) is not None
    )


_BRACKET_BEFORE = re.compile(r"\([ \t]*$")
# A desk that a person staffs, that person's name in brackets after it: "Reception (Rocío)", "Front desk (Amal)",
# "Recepción (...)", "Accueil (...)".
_DESK_BEFORE = re.compile(
    r"(?i)\b(?:reception|recepción|recepcion|receção|recepção|accueil|empfang|front[ \t-]+desk|help[ \t-]*desk"
    r"|service[ \t-]+desk|switchboard|concierge|front[ \t-]+office|box[ \t-]+office)[ \t]*$"
)
BRACKET_CLOSES_AFTER = re.compile(r"[ \t]*\)")


def _in_brackets_after_a_cue(text: str, words) -> bool:
    """True for a name alone in brackets right after a cue ("my nan (Hine Te Rangi)", "Agent (Paulina):"), a word of
    it a name of the lists or no everyday English word ("Agent (Remote)", "my nan (Nana's recipe)" stay)."""
    start, end = words[0][0], words[-1][1]
    before = _BRACKET_BEFORE.search(text, max(0, start - 4), start)
    if before is None or BRACKET_CLOSES_AFTER.match(text, end) is None:
        return False
    given, surnames = person_name_lists()
    everyday = everyday_words()
    return any(word in given or word in surnames or word.lower() not in everyday for _, _, word in words) and (
        _cue_before(_CUE_BEFORE, text, before.start()) or _cue_before(_DESK_BEFORE, text, before.start())
    )


# A person one met or dealt with and half remembers, named in brackets, a question mark, a slash or "or" between
# names allowed: "the caller (Ikenna? Ifeanyi?) asked ...", "the woman from the bank (Farzana? or was it Farida?)",
# "my colleague (Sione / Siosaia)", "someone from IT (Dariusz?)", "the landlord's agent (...)". The word for the
# person: one of a trade, a service or one's life; not one's own child, whose name in doubt is a name being chosen
# ("our baby (Amara? Zuri?)").
_PEOPLE_MET = (
    r"caller|customer|woman|man|guy|lady|gentleman|bloke|chap|fella|person|agent|rep|representative|advis[eo]r"
    r"|consultant|technician|engineer|driver|courier|postman|receptionist|recruiter|officer|clerk|cashier|waiter"
    r"|waitress|operator|inspector|plumber|electrician|builder|cleaner|contact|employee|staff[ \t]+member|assistant"
    r"|secretary|paramedic|pharmacist|vet|guard|host|hostess|salesman|saleswoman|salesperson"
)
_ONES_CHILDREN = r"sons?|daughters?|child|children|kids?|bab(?:y|ies)|toddlers?|newborns?|infants?|twins|grand\w*"
# Words of where the person lives or what they were before may stand before their word: "the upstairs neighbour
# (Sven)", "my ex partner (stavros)", "her exchange partner (Felipe)"; not a firm's ("our logistics partner (Maersk)").
PERSON_BEFORE_A_BRACKET = re.compile(
    r"(?i:(?:\b(?:the|a|an|this|that|one|my|our|your|his|her|their|[^\W\d_]+['’]s)[ \t]+"
    r"(?:(?:new|old|other|same|nice|first|second|last|upstairs|downstairs|next-door|ex|former|elderly|exchange"
    r"|language)[ \t]+)?"
    rf"(?:(?!(?:{_ONES_CHILDREN})\b)(?:{by_first_letter(RELATIVES_AND_CLOSE_PEOPLE)})|{by_first_letter(_PEOPLE_MET)})"
    r"|\bsome(?:one|body))"
    # Where the person was, or what they did: "the guy at reception", "the person who called".
    r"(?:[ \t]+(?:from|at|in|on|of|who|that|with|behind)\b[^()\n.!?]{0,30}?)?)[ \t]*\($"
)
# The words a bracket of names in doubt may hold besides the names: "(was it Tuan? or Thuan, I think)".
_DOUBT_WORDS = frozenset(
    [
        "was",
        "it",
        "is",
        "or",
        "either",
        "i",
        "think",
        "maybe",
        "perhaps",
        "possibly",
        "probably",
        "not",
        "sure",
        "can't",
        "cant",
        "remember",
        "forget",
        "something",
        "like",
        "so",
        "and",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
    ]
)
# Names one chooses between, not a person's: "a name for the baby (...)", "which sounds nicer (Isla / Ivy)?", "call
# it (Mochi? Biscuit?)".
_NAMES_CHOSEN_BETWEEN = re.compile(
    r"(?i)\b(?:names?|naming|call(?:ing)?[ \t]+(?:it|him|her|them|the|our|my)|ideas?|options?|choices?|choos(?:e|ing)"
    r"|pick(?:ing)?|decid(?:e|ing)|between|prefer|vote|sounds?|nicer|suits?|favou?rite|which[ \t]+one)\b"
)


def _in_brackets_in_doubt_after_a_person(text: str, words) -> bool:
    """True for a name in brackets after the word for a person (:data:`PERSON_BEFORE_A_BRACKET`), the bracket
    holding only names' words (:func:`_names_word`, or given names of the lists) and words of doubt between them
    (:data:`_DOUBT_WORDS`), in a sentence that chooses no name (:data:`_NAMES_CHOSEN_BETWEEN`)."""
    start, end = words[0][0], words[-1][1]
    opening = text.rfind("(", max(0, start - 40), start)
    if opening < 0 or ")" in text[opening:start]:
        return False
    closing = text.find(")", end, end + 60)
    if closing < 0 or "(" in text[end:closing]:
        return False
    given, _ = person_name_lists()
    names = 0
    for token in re.finditer(r"[^\W\d_]+(?:['’][^\W\d_]+)?|[^\s?/,.!]", text[opening + 1 : closing]):
        word = token.group()
        if word.lower() in _DOUBT_WORDS:
            continue
        if not (_is_capitalised(word) and (_names_word(word) or word in given)):
            return False
        names += 1
    if not names or PERSON_BEFORE_A_BRACKET.search(text, max(0, opening - 80), opening + 1) is None:
        return False
    sentence_start, sentence_end = sentence_around(text, opening)
    return _NAMES_CHOSEN_BETWEEN.search(text, sentence_start, max(sentence_end, closing + 1)) is None


# What only a person has or asks for, after a given name's possessive: "per Nadia Benali's request", "Is this Ahmed's
# laptop?", "on Priya's behalf" (a company has no husband, birthday or desk, and seldom a laptop).
_PERSONS_OWN_AFTER = re.compile(
    r"[ \t\u00a0]+(?:(?:own|old|new|personal|work)[ \t\u00a0]+)?(?:request|approval|permission|behalf|laptop|desk"
    r"|phone|mobile|e-?mail|inbox|calendar|diary|signature|birthday|wedding|retirement|farewell|leave|husband|wife"
    r"|partner|son|daughter|mother|mum|mom|father|dad|brother|sister|manager|boss|suggestion|idea|handwriting"
    r"|bag|jacket|keys|badge|chair|car|flight|visa|payslip|salary|contract|replacement|team)\b"
)


def _no_english_word_in_lower_case(word: str) -> bool:
    return no_english_word(word.lower())


# Thanks or a greeting opening the sentence, then the person it is said to, last: "Thanks for the quick fix,
# Siriporn!", "Hi again, Oyelaran."
_THANKS_OR_GREETING_OPENS = re.compile(
    r"(?i)(?:^|[.!?:\n][ \t]*)(?:thanks|thank\s+(?:you|u)|thx|cheers|hi|hello|hey|good\s+(?:morning|afternoon|evening)"
    r"|sorry|welcome|congrats|congratulations|well\s+done"
    # An agent's acknowledgement, then the person it answers: "Noted, Kalani. I'll ...", "Got it, Ngozi."
    r"|noted|understood|sure|certainly|got\s+it|of\s+course|no\s+worries|absolutely|will\s+do"
    # Praise said to someone: "Great progress this term, Losa!", "Lovely work on the poster, Mele."
    r"|(?:great|good|nice|excellent|amazing|awesome|fantastic|brilliant|wonderful|superb|outstanding|lovely)"
    r"[ \t]+(?:job|work|effort|progress|result|results|stuff|answer|answers|question|point|catch|idea|start|going))\b"
    r"[^.!?\n]{0,80},[ \t]*$"
)
_SENTENCE_ENDS = re.compile(r"[ \t]*(?:[!?.]+[ \t]*(?:$|\n|[ \t][A-Z])|$|\n)")


def addressed_at_the_end(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` comes after a comma and ends a sentence opened by thanks or a greeting, where
    the person they are said to stands ("Thanks for the quick fix, Siriporn!", "thanks lots, fiona")."""
    return (
        _SENTENCE_ENDS.match(text, end) is not None
        and _THANKS_OR_GREETING_OPENS.search(text, max(0, start - 120), start) is not None
    )


def _capitalised_words_addressed_at_the_end(text: str, words, given: frozenset[str]) -> bool:
    """True for one or two capitalised words :func:`addressed_at_the_end`, each a given name of the lists or a word
    no vocabulary holds ("Thanks for the quick fix, Siriporn!"; not "Thanks for the update, Microsoft.")."""
    return (
        len(words) <= 2
        and addressed_at_the_end(text, words[0][0], words[-1][1])
        and all(word in given or word.lower() not in everyday_words() for _, _, word in words)
    )


def nothing_but_a_name(word: str) -> bool:
    """True for a word that is no everyday English word, no place and no word WordNet knows: "Thandeka", "Sandra";
    not "Autumn", "Florence", "Georgia"."""
    return word.lower() not in everyday_words() and word not in places() and no_english_word(word.lower())


def _given_name_alone(text: str, start: int, end: int, word: str) -> bool:
    """True for a given name of the lists that is no everyday English word, no place and no English word at all: a
    person's name wherever it stands in English prose, not only where a person stands ("Sandra at reception refunded
    it", "me, Tamar, and Moshe", "our chef Stavros!"), or in the prose of another language that capitalises only
    names (:func:`_in_prose_of_another_language`: "pasar con Guadalupe?"): the model may still veto it. Two letters
    ("Ah!", "Li"), a brand of the same name ("at Zara last week"), a thing's noun after it ("Petri dishes"), a
    quantity before it ("2x Margherita"), a state's code ("Kerman, CA") or a link's or an identifier's characters
    around it ("Houses_in_Charlotte_Amalie") make it a name only where a person stands (:func:`in_a_persons_place`:
    "Could Jo get ...")."""
    # "Autumn is here", "Florence is sunny", "Bell peppers": a name that is an English word too needs a cue.
    if not nothing_but_a_name(word):
        return False
    # "Amazon Echo Dot work ...", "My Fitbit Versa stopped": the end of a longer capitalised name is a thing's.
    # An instruction's verb opening the sentence is none ("Check Tomasz's timesheet").
    previous = _CAPITALISED_WORD_BEFORE.search(text, max(0, start - 40), start)
    if (
        previous is not None
        and previous.group(1).lower() not in NOT_NAMES | stop_words()
        and not imperative_before_a_name(text, *previous.span(1))
    ):
        return False
    return in_a_persons_place(text, start, end) or (
        len(word) > 2
        and word not in brands()
        and (
            (_in_english_prose(text, start, end) and not noun_of_goods_after(text, end))
            or _in_prose_of_another_language(text, start, end)
        )
        and not _STATE_CODE_AFTER.match(text, end)
        and not _EPITHET_AFTER.match(text, end)
        and not _QUANTITY_BEFORE.search(text, max(0, start - 8), start)
        and text[start - 1 : start] not in _IDENTIFIERS_CHARACTERS
        and text[end : end + 1] not in _IDENTIFIERS_CHARACTERS
    )


# The words on either side of a word in running text, a comma, a colon or a semicolon between allowed.
_LOWER_CASE_WORD_NEXT = re.compile(r"(?:['’]s)?[,;:]?[ \t]+([a-z]+)(?:['’][a-z]{1,2})?\b(?!['’])")
_LOWER_CASE_WORD_PREVIOUS = re.compile(r"(?<![\w'’-])([a-z]+)[,;:]?[ \t]+$")


def _lower_case_neighbours(text: str, start: int, end: int) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The lower-case words right after and right before ``text[start:end]`` on its line (group 1), or None."""
    return (
        _LOWER_CASE_WORD_NEXT.match(text, end),
        _LOWER_CASE_WORD_PREVIOUS.search(text, max(0, start - 24), start),
    )


def _in_english_prose(text: str, start: int, end: int) -> bool:
    """True where a word of the text or a dictionary's stands right before or after ``text[start:end]`` on its line:
    English running text ("Sandra at reception", "me, Tamar, only"), not a list's item ("- Margherita: 9.50"),
    names a parent weighs ("(Tane? Rawiri?)") nor another language's words ("Beste klant", "17. Juni ist")."""
    for neighbour in _lower_case_neighbours(text, start, end):
        if neighbour is not None and (
            neighbour.group(1) in stop_words()
            or (neighbour.group(1) in everyday_words() and not no_english_word(neighbour.group(1)))
        ):
            return True
    return False


_OTHER_LANGUAGES_TITLE_AFTER = re.compile(rf"[ \t]+(?i:{OTHER_LANGUAGES_TITLES})\b")
# A preposition of place right before a name: "en Valencia", "de fora de Belo Horizonte".
PLACE_PREPOSITION_BEFORE = re.compile(
    r"(?i:\b(?:en|em|in|à|au|aux|nach|naar|dans|desde|hasta|até|nel|nella|dal|dalla|no|na|do|da|del|della|di|de))"
    r"[ \t]+$"
)
# The words of where that only a place follows, in the languages the rules read ("in Bath", "en Francia", "nach
# Österreich"): not "de", "da", "di", which a person's name follows as often ("la cuenta de Mauricio"), nor "no"
# and "na", English words too ("no Jordan, I said Thursday"), nor "in" of a verb that takes a person ("loop in").
INSIDE_A_PLACE_BEFORE = re.compile(
    r"(?i:(?<!loop[ \t])(?<!looped[ \t])(?<!fill[ \t])(?<!check[ \t])"
    r"\b(?:in|en|em|à|au|aux|nach|naar|dans|nel|nella))[ \t]+$"
)
# A journey's "to", and a second place joined to the first: "then driving to Savannah", "flights to Adelaide or
# Darwin". A city there is the journey's end, though a given name of many locales too ("flying to Charlotte").
_A_JOURNEY_TO_BEFORE = re.compile(
    r"(?i:\b(?:fly|flying|flew|flight|flights|fares|drive|driving|drove|travel|travelling|traveling|trip|train"
    r"|trains|bus|buses|ferry|heading|moving|relocating|ships|shipping|shipped|dispatched)[ \t]+to"
    r"(?:[ \t]+[A-Z][\w'’-]+[ \t]+(?:or|and))?)[ \t]+$"
)
# Where people, offices or goods are, or whence a train leaves, before a city, and a second city joined to the
# first: "our teams in Charlotte and Austin", "based in Savannah", "the 07:15 from York". A city there is a place,
# though a given name of many locales too.
_LOCATED_IN_BEFORE = re.compile(
    r"(?:(?i:\b(?:based|located|headquartered|offices?|stores?|shops?|branch(?:es)?|warehouses?|sites?|hotels?"
    r"|stations?|depots?)[ \t]+(?:in|at|near))"
    # (teams, not the people in a city: "Our staff in Jackson said" may be Jackson's)
    r"|(?i:\bteams[ \t]+in)"
    r"|(?i:\bthe)[ \t]+\d{1,2}[:.]\d{2}(?:[ \t]+(?i:train|bus|coach|service|flight))?[ \t]+(?i:from|to))"
    r"(?:[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?,?[ \t]+(?:and|or|&))?[ \t]+$"
)
_INDEFINITE_ARTICLE_BEFORE = re.compile(r"(?i:\b(?:un|una|une|um|uma|uno|ein|eine|een))[ \t]+$")


def _in_prose_of_another_language(text: str, start: int, end: int) -> bool:
    """True where a lower-case word stands right before or after ``text[start:end]`` in another language's sentence
    (:func:`language_of_the_sentence`): "pasar con Guadalupe?", "A atendente Jéssica disse", "Gracias a Milagros
    por ...". Not German, which capitalises every noun ("am 17. Juni ist"), nor a word of the language's own ("Ella
    llevaba mi caso": Spanish "she"), nor a letter's opening word before a title ("Beste meneer Van Leeuwen"), nor a
    word that opens its sentence, whose capital says nothing there ("Luz roja en el módem"), nor a thing after an
    indefinite article ("una Giulia usata"), nor a city after a word of where ("em Vitória", "desde Guadalupe"; not
    "a", which is also who is called or given to: "llamé a Guadalupe")."""
    language = language_of_the_sentence(text, start, end)
    if (
        language in (None, "de")
        or _OTHER_LANGUAGES_TITLE_AFTER.match(text, end)
        or SENTENCE_START.search(text, max(0, start - 3), start)
        or _INDEFINITE_ARTICLE_BEFORE.search(text, max(0, start - 5), start)
        or (text[start:end] in cities() and PLACE_PREPOSITION_BEFORE.search(text, max(0, start - 8), start))
        or a_place_after_a_word_of_where(text, start, end)
    ):
        return False
    if text[start:end].lower() in stop_words_of(language):
        return False
    return any(_lower_case_neighbours(text, start, end))


# A ruler's epithet: "Akbar the Great", "Ivan the Terrible".
_EPITHET_AFTER = re.compile(r"[ \t]+the[ \t]+[A-Z]")


# The codes of the US states and of the Canadian provinces and territories, in lower case.
US_STATE_CODES = (
    "al|ak|az|ar|ca|co|ct|de|dc|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv|nh|nj|nm|ny|nc|nd|oh|ok"
    "|or|pa|pr|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy"
)
CANADIAN_PROVINCE_CODES = "ab|bc|mb|nb|nl|ns|nt|nu|on|pe|qc|sk|yt"
# A state's or a province's code in capitals after a comma: "Kerman, CA", "Moncton, NB" (not "Tamar, IT approved").
_STATE_CODE_AFTER = re.compile(rf",[ \t]*(?:{US_STATE_CODES.upper()}|{CANADIAN_PROVINCE_CODES.upper()})\b")
# How many of a thing an order or a list counts before its name: "2x Margherita", "3 Negroni".
_QUANTITY_BEFORE = re.compile(r"\d[x×]?[ \t]*$")
# What joins a word to the rest of a link, a path or a code's identifier: "Houses_in_Charlotte_Amalie", "/Sandra/".
_IDENTIFIERS_CHARACTERS = frozenset("_/\\%=#")
_CAPITALISED_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \u00a0]$")
# What a person is to do, in a meeting's action items: "Priya to send the slides", "- Tane to book the venue", "(1) Rosa
# to confirm the flow", "2) Aroha to book".
_TO_DO_AFTER = re.compile(r"[ \t]+to[ \t]+([a-z]+)\b")
_ITEM_OPENS_BEFORE = re.compile(
    r"(?:^|[.!?;:]\s+|\n[ \t]*(?:[-*•][ \t]+)?|[ \t][-–—][ \t]+|(?:^|\s)\(?\d{1,2}\)[ \t]+)$"
)


def _action_item_after(text: str, start: int, end: int, word: str) -> bool:
    """True for a given name of the lists, no everyday word nor place, that opens a clause or a list's item before "to"
    and a verb: what that person is to do ("Priya to send the slides"; not "Florence to host", "Paris to Rome")."""
    after = _TO_DO_AFTER.match(text, end)
    if (
        after is None
        or word.lower() in everyday_words()
        or word in places()
        or _ITEM_OPENS_BEFORE.search(text, max(0, start - 6), start) is None
    ):
        return False
    verbs = word_classes()[1]
    return after.group(1) in verbs


def in_a_persons_place(text: str, start: int, end: int) -> bool:
    """True where a single word is used as a person's name: after a verb, preposition or role that takes a person
    ("ask", "with", "Could", "manager"), before what a person does or owns ("'s", "and I", "called"), or before a
    verb, an adverb between allowed ("Rizal reset the password", "when Adaeze logs in", "Somchai already told")."""
    if a_place_after_a_word_of_where(text, start, end):
        return False
    if PERSONS_PLACE_BEFORE.search(text, max(0, start - 30), start) or PERSONS_PLACE_AFTER.match(text, end):
        return True
    after = LOWER_CASE_WORD_AFTER.match(text, end)
    # "Somchai already told you": an adverb may stand between a person and what they did.
    adverb_between = after is not None and after.group(1) in adverbs()
    if after is not None and adverb_between:
        after = LOWER_CASE_WORD_AFTER.match(text, after.end())
    if after is None:
        return False
    nouns, verbs = word_classes()
    word = after.group(1)
    # "Sipho will drop the keys", "Ana should not sign": a modal before a verb's bare form says what a person will do,
    # where the word is nothing but a name; a city, a language or a courier does things too ("Sydney will see rain",
    # "Ruby can parse JSON", "Hermes will collect the parcel").
    name = text[start:end]
    if word in _SUBJECTS_MODALS and nothing_but_a_name(name) and name not in cities() and name not in brands():
        verb = _VERB_AFTER_A_MODAL.match(text, after.end())
        if verb is not None and verb.group(1) in bare_verbs():
            return True
    # "Sofia address for the courier:", "Marina check in": right after a word opening the text, a verb's bare form
    # that is a noun too heads a label or a heading; a person opening it is followed by what they did ("Sofia
    # addressed the card") or is told to do it to something ("Anna set the table", "Anna send me the file").
    if not adverb_between and not text[:start].strip() and word in nouns and not inflected_verb_form(word):
        return _OBJECT_AFTER.match(text, after.end()) is not None
    return verb_form(word, verbs) or (word.endswith("s") and word[:-1] in verbs)


def a_place_after_a_word_of_where(text: str, start: int, end: int) -> bool:
    """True for a city of the gazetteer or a country in any language right after a word of where
    (:data:`INSIDE_A_PLACE_BEFORE`): "the practice in Bath said", "cualquier club en Francia", or a journey's "to"
    (:data:`_A_JOURNEY_TO_BEFORE`)."""
    name = text[start:end]
    return (
        (name in cities() or name in country_names())
        # What a possessive follows is someone's ("in Jordan's name", "driving to Jordan's place").
        and POSSESSIVE_AFTER.match(text, end) is None
        and (
            _A_JOURNEY_TO_BEFORE.search(text, max(0, start - 40), start) is not None
            or _LOCATED_IN_BEFORE.search(text, max(0, start - 60), start) is not None
            # A given name of many locales names a person after "in" as often ("Confío en Mauricio", "en Victoria").
            or (
                _given_names_by_locale()[name] < _LOCALES_OF_A_COMMON_GIVEN_NAME
                and INSIDE_A_PLACE_BEFORE.search(text, max(0, start - 12), start) is not None
            )
        )
    )


_LOCALES_OF_A_COMMON_GIVEN_NAME = 4


_SUBJECTS_MODALS = frozenset({"will", "would", "can", "could", "should", "must", "may", "might", "shall"})
_VERB_AFTER_A_MODAL = re.compile(
    r"(?:[ \u00a0]+(?:not|also|probably|still|just|then|never|always))?[ \u00a0]+([a-z]+)\b"
)
# What a verb does something to: a pronoun or a determiner.
_OBJECT_AFTER = re.compile(
    r"[ \u00a0](?:me|you|him|her|it|us|them|the|a|an|my|your|his|our|their|this|that|these|those)\b"
)


# Where a person's name stands in support chats, e-mails and forms, for names no list knows: right after a verb,
# preposition or role that takes a person ("add", "hired", "signed for by", "under", "driver", "Can", "Who is"),
# or right before what a person does or owns ("'s", "and I", "called", "mentioned", ", who").
_BEFORE_A_PERSONS_PLACE = (
    r"with|for|by|to|under|cc|add|added|remove|removed|hire|hired|invite|invited|contact|call|called|email"
    r"|emailed|ask|asked|tell|told|thank|thanked|thank\s+you|thanks|thx|meet|met|help|helped|assign|assigned|transfer"
    r"|transferred|is|was|named|owner|admin|member|driver|courier|customer|client|guest|employee|tenant|technician"
    r"|colleague|can|could|passenger|patient|applicant|recipient|holder"
    # Who repairs, inspects, houses, teaches or treats, and who applies for a post: "Mechanic Haruki Nakamura found",
    # "Candidate Takeshi Ōmori has confirmed", "our caretaker Joseph".
    r"|mechanic|engineer|plumber|electrician|caretaker|landlord|landlady|inspector|surveyor|adjuster|candidate"
    r"|interviewer|interviewee|agent|advis[eo]r|tutor|teacher|nurse|therapist|counsell?or|dentist|hygienist"
    # Verbs whose object is a person, as instructions give them: "Ping Tevita about the invoice", "Congratulate
    # Sunita on ...", "Introduce Kwabena to ...".
    r"|remind|ping|text|message|notify|congratulate|introduce|greet|welcome|nudge|warn|brief"
    # The parties of a marketplace's order or a stay: "Seller Losaline Vea has not shipped", "Host Keala Kahananui".
    r"|seller|buyer|vendor|merchant|host|sender|rider"
    # Who is paired with a newcomer: "new hire Ines → buddy Sanna", "mentor Kwabena".
    r"|buddy|mentor|mentee"
    # Whom a colleague brings in: "Kwame referred Efua Asante for the role", "we interviewed ...".
    r"|referred|referring|nominated|nominating|interviewed|interviewing|onboarded|onboarding|shortlisted"
    # Whom a parent signs up: "thank you for registering Tolu for the camp", "I enrolled Aarav in swim class".
    r"|registering|enrolling|enrolled|enrol|enroll"
    r"|would|will|did|does|has|should|who\s+is|on\s+behalf\s+of|instead\s+of|rather\s+than|(?:the|a|my|his|her|their)\s+name(?:\s+of)?"
    # What is done to a person as it is being done: "adding Boubacar Sangare to the thread".
    r"|adding|inviting|calling|emailing|asking|telling|thanking|meeting|helping|assigning|copying|copied|cc'?d|looping\s+in|looped\s+in"
)
PERSONS_PLACE_BEFORE = re.compile(rf"(?i)\b(?:{by_first_letter(_BEFORE_A_PERSONS_PLACE)})[ \t]*,?[ \t]*$")
PERSONS_PLACE_AFTER = re.compile(
    r"(?:['’]s\b|[ \t]+and[ \t]+(?:I|me)\b|,?[ \t]+(?:called|mentioned|said|says|asked|told|wrote|emailed"
    r"|confirmed|promised|suggested|explained|recommended|noticed|replied|requested|needs|needed|wants|wanted|left"
    r"|sent|signed|paid|ordered|booked|received|tried|checked[ \t]+(?:in|out)|moved|cancell?ed|rebooked|reported"
    r"|phoned|rang|cannot|can['’]t|couldn['’]?t)\b|,[ \t]+(?:who|our|my|your|his|her|their)\b"
    # "it's Babatunde who approved it": who did something, no comma between.
    r"|[ \t]+who[ \t]+(?:is|was|has|had|will|would|can|could|did|does|[a-z]+ed)\b"
    # "Kevin from IT said", "Przemek from the climbing wall said": a person's team or place between the name and
    # what they said.
    r"|[ \t]+from[ \t]+(?:the[ \t]+)?(?:[\w&-]+[ \t]+){1,3}(?:said|says|told|wrote|asked|confirmed|mentioned|called"
    r"|emailed|replied|promised|explained)\b"
    # "Chinwe, Customer Care": a name signing for its team at a message's end.
    r"|,[ \t]+(?:[A-Z][\w&-]*[ \t]+){0,2}(?:Care|Support|Service|Services|Team|Desk|Helpdesk|Relations)"
    r"[ \t]*[.!]?[ \t]*$)"
)
# An article, a demonstrative or a possessive pronoun: what comes after it is a thing ("the Kindle Paperwhite",
# "our Jimmy Choo store"). Not "that", a conjunction too ("I heard that John Carter left").
ARTICLE_BEFORE = re.compile(r"(?i)\b(?:the|a|an|our|my|your|their|this|these|those)[ \t\u00a0]+$")
POSSESSIVE_END = re.compile(r"['’]s$")
# An e-mail's signature: a name on a line of its own, its holder's role on the next ("Senior Buyer, Procurement").
_LINE_START_BEFORE = re.compile(r"(?:^|\n)[ \t]*$")
_ROLE_ON_THE_NEXT_LINE = re.compile(
    r"[ \t]*\n[ \t]*(?:[A-Z][\w&/-]*[ \t]+){0,3}(?:Lead|Manager|Director|Engineer|Buyer|Officer|Head|VP|President"
    r"|CEO|CTO|CFO|COO|Founder|Owner|Analyst|Consultant|Specialist|Coordinator|Administrator|Assistant|Developer"
    r"|Designer|Architect|Partner|Associate|Accountant|Agent|Representative|Supervisor)\b"
)


# Whom a parcel or a letter goes to, right before the address (redacted first): "Shipping address: Sakurako
# Hirayama, <ADDRESS>", "Kirra Mununggurr — <ADDRESS>" (a name of two words or more: "Shiraz, <ADDRESS>" is a city's).
_ADDRESS_AFTER = re.compile(r"[ \t]*(?:,|[ \t][—–-])[ \t]*<ADDRESS")
# A place's label, whose value before an address is the place's name: "Venue: Palazzo Vecchio, <ADDRESS>".
_PLACE_LABEL_BEFORE = re.compile(
    r"(?i)\b(?:venue|location|hotel|property|site|store|shop|branch|office|restaurant|clinic|surgery|practice"
    r"|warehouse|depot|campus|school|building|pick-?up[ \t]+point|collection[ \t]+point)[ \t]*:[ \t]*$"
)


def _words_in_a_persons_place(text: str, tokens, index: int, run: int, cue_may_end_here: bool) -> list[str]:
    """The words of a name ("Chathura Wickramasinghe", "Tupac Quispe"), or none: two to four capitalised words
    where a person's name stands (a signature's line too), none of them an everyday English word ("Advanced
    Search", "Zoho Desk", "Custom Fields" stay)."""
    # "Bankole's" is one token: the name is what stands before the possessive.
    words = [
        POSSESSIVE_END.sub("", token[2])
        for position, token in enumerate(tokens[index : index + run], index)
        if token[2].lower() not in NAME_PARTICLES and not _is_initial(text, tokens, position)
    ]
    everyday = everyday_words()
    # "K.L. Fonoti": initials and a surname are a name's two words and more.
    if len(words) + (len(words) < run) < 2 or any(word.lower() in everyday for word in words):
        return []
    start, end = tokens[index][0], tokens[index + run - 1][1]
    before = text[max(0, start - _CUE_REACH) : start]
    # What an article comes before is a thing, and the end of a longer run of capitalised words is part of a
    # thing's name ("Amazon Echo Dot"; a word that takes a person before it, "Driver", "Can", "Who is", is no part
    # of it).
    if ARTICLE_BEFORE.search(before):
        return []
    if index and tokens[index - 1][1] + 1 == start and _is_capitalised(tokens[index - 1][2]):
        previous = tokens[index - 1][2].lower()
        # "Describe Haruto Sato's influence": an instruction's verb is no part of a name after it.
        if (
            previous not in NOT_NAMES
            and previous not in stop_words()
            and not PERSONS_PLACE_BEFORE.search(before)
            and not imperative_before_a_name(text, *tokens[index - 1][:2])
        ):
            return []
    in_place = (
        POSSESSIVE_END.search(tokens[index + run - 1][2]) is not None
        or PERSONS_PLACE_AFTER.match(text, end) is not None
        or (cue_may_end_here and PERSONS_PLACE_BEFORE.search(before) is not None)
        or (_LINE_START_BEFORE.search(before) is not None and _ROLE_ON_THE_NEXT_LINE.match(text, end) is not None)
        or (_ADDRESS_AFTER.match(text, end) is not None and _PLACE_LABEL_BEFORE.search(before) is None)
    )
    return words if in_place else []


@functools.cache
def everyday_words() -> frozenset[str]:
    """English words in lower case: the lower-case words of the shipped vocabulary of the spaCy pipeline of
    :mod:`feedback_loop.privacy.ner` (its training text, product and company names it saw included: "microsoft",
    "siemens") less the words of names (the name lists, and Japanese and Chinese names in Latin letters: "Kraft",
    "Liang", "Haruka" are names too), and ``faker``'s English word list ("Law", "Street", "General" are names
    too, but everyday words first)."""
    import faker.providers.lorem.en_US as english_words
    import faker.providers.person.ja_JP as japanese
    import faker.providers.person.zh_CN as chinese

    from feedback_loop.privacy.ner import load_ner_pipeline

    given, surnames = person_name_lists()
    # Kept out of the name lists themselves: Chinese syllables are everyday words of history and geography too
    # ("the Tang, Song and Ming dynasties").
    romanized = [
        *japanese.Provider.first_romanized_names,
        *japanese.Provider.last_romanized_names,
        *chinese.Provider.first_romanized_names,
        *chinese.Provider.last_romanized_names,
    ]
    names = {name.lower() for name in (*given, *surnames, *romanized)}
    # The vocabulary as the package ships it: the pipeline's own string store grows with every text it reads, and
    # the words of names read earlier must not turn everyday.
    strings = pathlib.Path(load_ner_pipeline().path) / "vocab" / "strings.json"
    vocabulary = json.loads(strings.read_text(encoding="utf-8"))
    return frozenset(
        {word for word in vocabulary if word.isalpha() and word.islower() and word not in names}
        | set(english_words.Provider.word_list)
    )


# Titles written with a full stop ("Mr. Smith", "Dott. Rossi"): the only cues a full stop may follow.
_TITLE_ABBREVIATIONS = frozenset(
    (
        "mr",
        "mrs",
        "ms",
        "mx",
        "dr",
        "prof",
        "sr",
        "sra",
        "srta",
        "sig",
        "dott",
        "ssa",
        "avv",
        "mme",
        "mlle",
        "mevr",
        "dhr",
        "dra",
        "bi",
        "bw",
    )
)


_SIGN_OFF_AND_A_COLON = re.compile(rf"(?i)\b(?:{by_first_letter(_SIGN_OFFS)})[ \t]*:[ \t]*$")


def _cue_may_end_before(text: str, tokens, index: int) -> bool:
    """False where no cue can end right before token ``index``: what separates it from the word before is not
    white space, a comma or a line break, nor the full stop of a title ("Mr."). Most capitalised words of prose
    open a sentence after ". ", and no cue search is needed for them."""
    if index == 0:
        return True
    gap = text[tokens[index - 1][1] : tokens[index][0]]
    if "\n" in gap:
        return True
    gap = gap.strip(" \t\u00a0")
    # "/" ends "w/" ("call w/ Ikechukwu"); "(" a relative's word or a person's role ("brother (Khalid)"); ":" a
    # sign-off before a given name of the lists ("Üdvözlettel: Bence"; not "Saludos: Departamento de Facturación").
    return (
        gap in ("", ",", "/")
        or (
            gap == ":"
            and tokens[index][2] in person_name_lists()[0]
            and _SIGN_OFF_AND_A_COLON.search(text, max(0, tokens[index][0] - 30), tokens[index][0]) is not None
        )
        or (gap in (".", ".,") and tokens[index - 1][2].lower() in _TITLE_ABBREVIATIONS)
        or (
            gap == "("
            and (
                _RELATIVE_BEFORE_A_BRACKET.search(text, max(0, tokens[index][0] - 24), tokens[index][0]) is not None
                or _ROLE_BEFORE_A_BRACKET.search(text, max(0, tokens[index][0] - 24), tokens[index][0]) is not None
            )
            and _NAME_CLOSES_THE_BRACKETS.match(text, tokens[index][0]) is not None
        )
    )


def _particle_before_name(tokens, index: int) -> bool:
    """True for "van" in "Mr van der Merwe": a particle that starts a surname written after a title."""
    return (
        tokens[index][2].lower() in NAME_PARTICLES
        # Portuguese "um tal de Washington" ("a certain Washington"): that "de" is the phrase's, not a surname's.
        and not (index and tokens[index - 1][2].lower() == "tal")
        # "How do Morgan Stanley's fees compare?", "What do Ana and Tom say?": English "do" after a question word
        # asks the question; a Portuguese "do" stands inside a name ("Maria do Carmo"), never opening one there.
        and not (index and tokens[index][2] == "do" and tokens[index - 1][2].lower() in _QUESTION_WORDS_BEFORE_DO)
        and index + 1 < len(tokens)
        and any(_is_capitalised(tokens[position][2]) for position in range(index + 1, min(index + 3, len(tokens))))
    )


# The question words that English "do" follows in a question: "How do ...", "Why do ...".
_QUESTION_WORDS_BEFORE_DO = frozenset(("how", "what", "why", "where", "when", "which", "who", "whom"))


# An Arabic or Hebrew particle joined to the capitalised surname after it, in lower case: "Khalid al-Mansouri",
# "Zia ul-Haq", "Nasser ad-Din", "Amos ben-Ami".
_JOINED_PARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|ben|bat|bin|ibn|abu)[-‐][A-ZÀ-ÖØ-ÞĀ-Ž]")


# "son of" and "daughter of" between a Malaysian or Singaporean Indian given name and the father's: "a/l" (anak lelaki),
# "a/p" (anak perempuan), "s/o", "d/o".
_SON_OR_DAUGHTER_OF = re.compile(r"(?i:a/[lp]|[sd]/o)[ \u00a0](?=[A-ZÀ-ÖØ-ÞĀ-Ž])")
_AND_PARTICLES = frozenset(("e", "y"))
# Abbreviated given names that open a name with a full stop, as initials do: Bangladeshi and Malaysian "Md."/"Mohd."
# (Mohammad), "Muhd.", "Abd." (Abdul); Filipino "Ma." (Maria: "Ma. Theresa Reyes").
_GIVEN_NAME_ABBREVIATIONS = frozenset(("Md", "Mohd", "Muhd", "Abd", "Ma"))


_INITIAL_ENDS_THE_VALUE = re.compile(r"\.?[ \t]*(?:$|\n|[,;|)])")


def _name_run(text: str, tokens: list[tuple[int, int, str]], index: int, *, any_case: bool) -> int:
    """How many tokens from ``index`` on form one name: capitalised words (any words after a form's "Name:"),
    with particles inside, on one line, separated by single spaces, up to four words."""
    count = particles = initials = 0
    position = index
    while position < len(tokens) and count - initials + particles < _MAX_NAME_TOKENS + 2:
        start, _, word = tokens[position]
        if position > index:
            gap = text[tokens[position - 1][1] : start]
            # "Passenger: CHAUDHRY/BILAL MS": surname and given name as airlines write them. "J.R. Okafor": initials
            # written without a space between them.
            initial = (len(tokens[position - 1][2]) == 1 or tokens[position - 1][2] in _GIVEN_NAME_ABBREVIATIONS) and (
                gap == ". " or (gap == "." and len(word) == 1)
            )
            if gap not in (" ", "\u00a0") and not (any_case and gap == "/") and not initial:
                break
        lower = word.lower()
        # "Muthu a/l Ramasamy", "Kavitha a/p Subramaniam", "Rajesh s/o Kumar": "son of" or "daughter of", as Malaysian
        # and Singaporean Indian names are written, joins the given name to the father's.
        if count and _SON_OR_DAUGHTER_OF.match(text, start) and position + 2 < len(tokens):
            particles += 2
            position += 2
            continue
        # "Carlos Eduardo Nascimento e Beatriz Monteiro": "e", "y" before a given name and another word join two
        # people, not a surname's parts ("Ortega y Gasset").
        if (
            lower in _AND_PARTICLES
            and count
            and position + 2 < len(tokens)
            and tokens[position + 1][2] in person_name_lists()[0]
            and _is_capitalised(tokens[position + 2][2])
            and text[tokens[position + 1][1] : tokens[position + 2][0]] == " "
        ):
            break
        if lower in NAME_PARTICLES and position + 1 < len(tokens) and (count or position - index == particles):
            particles += 1
            position += 1
            continue
        # "Mac Giolla", "Mac an tSaoir": "Mac" opens a Gaelic surname, though "mac" is a computer too.
        gaelic = (
            word == "Mac" and position + 1 < len(tokens) and text[tokens[position][1] : tokens[position + 1][0]] == " "
        )
        # "A. K. Mukherjee": initials open a name, though "A" and "I" are words too; "Margaret A. Pennington": a
        # middle initial goes on with it.
        initial = _is_initial(text, tokens, position)
        opening_initial = count == initials and initial
        if (
            (lower in NOT_NAMES and not gaelic and not initial)
            # A title opens the next person's name: "la Dra. Restrepo y la Dra. Gómez".
            or (count and lower in _TITLE_ABBREVIATIONS and text.startswith(".", tokens[position][1]))
            or (not any_case and not _is_capitalised(word) and not (count and _JOINED_PARTICLE.match(word)))
            or (word.isupper() and len(word) > 1)
        ):
            break
        if (
            any_case
            and count
            and lower in _STOP_WORDS
            # "Applicant: Gloria A. Henderson": a middle initial, though "a" is a stop word, goes on with the name.
            and not initial
            and not _given_name_inside(text, tokens, index, position)
        ):
            break
        # "Mein Name ist Hans Müller und ich ...", "Me llamo Juan García y vivo ...": a name begun with capitals
        # goes on in capitals; a word in lower case after it is the sentence's, in any language.
        if any_case and count and word.islower() and _is_capitalised(tokens[index][2]):
            break
        count += 1
        initials += opening_initial
        position += 1
        if count == _MAX_NAME_TOKENS + initials:
            break
    # "Reviewer: Venkata Lakshmi Narasimha Rao P.": an initial closes a field's name too, where the value ends.
    if (
        any_case
        and count - initials >= 2
        and position < len(tokens)
        and text[tokens[position - 1][1] : tokens[position][0]] == " "
        and len(tokens[position][2]) == 1
        and tokens[position][2].isupper()
        and _INITIAL_ENDS_THE_VALUE.match(text, tokens[position][1])
    ):
        position += 1
    # Trailing particles belong to the next words, not the name.
    while position > index and tokens[position - 1][2].lower() in NAME_PARTICLES:
        position -= 1
    # Initials alone are no name: "Plan A. was rejected", "Section B.".
    if count == initials:
        return 0
    # A name that starts with a particle ("van der Merwe") is one only after a title or a form's field.
    return position - index


def _given_name_inside(text: str, tokens, index: int, position: int) -> bool:
    """True for a capitalised given name that English writes as a function word too ("Can" of Turkish, "Will",
    "May"), between two capitalised words of a name begun with a capital, single spaces apart: "My name is Emre
    Can Yilmaz", where a form's field or "my name is" would otherwise end the name at an English stop word."""
    word = tokens[position][2]
    return (
        _is_capitalised(word)
        and _is_capitalised(tokens[index][2])
        and word in _every_person_name()[0]
        and position + 1 < len(tokens)
        and text[tokens[position][1] : tokens[position + 1][0]] in (" ", "\u00a0")
        and _is_capitalised(tokens[position + 1][2])
        and tokens[position + 1][2].lower() not in _STOP_WORDS
        and tokens[position + 1][2].lower() not in NOT_NAMES
    )


def _is_initial(text: str, tokens, position: int) -> bool:
    """True for an initial of a name: a capital letter alone, its full stop right after it, and a capitalised word
    after that ("A. K. Mukherjee", "J.R. Okafor")."""
    _, end, word = tokens[position]
    return (
        len(word) == 1
        and word.isupper()
        and text.startswith(".", end)
        and position + 1 < len(tokens)
        and text[end : tokens[position + 1][0]] in (". ", ".")
        and _is_capitalised(tokens[position + 1][2])
    )


def _surname_follows(tokens, index: int, run: int, surnames: frozenset[str]) -> bool:
    return any(tokens[position][2] in surnames for position in range(index + 1, index + run))


@functools.cache
def stop_words() -> frozenset[str]:
    """spaCy's English stop words ("can", "does", "will" ...), lower case."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


# spaCy's languages written in Latin letters whose stop words tell a sentence of theirs: the everyday words of
# another language that the name lists hold too ("hari", "dan", "ada" in Indonesian) are no names there.
_LATIN_STOP_WORD_LANGUAGES = (
    "id", "ms", "tl", "es", "pt", "it", "fr", "de", "nl", "tr", "pl", "sv", "da", "nb", "fi", "ro", "ca", "hr", "cs"
)  # fmt: skip


@functools.cache
def stop_words_of_other_languages() -> tuple[frozenset[str], ...]:
    """The stop words of each language of :data:`_LATIN_STOP_WORD_LANGUAGES`, less English ones. Each list's module
    is loaded by itself: importing it as ``spacy.lang.fr.stop_words`` would run its language package first, whose
    tokenizer exceptions take seconds to compile (5 s for French)."""
    english = stop_words()
    return tuple(spacy_stop_words(language) - english for language in _LATIN_STOP_WORD_LANGUAGES)


@functools.cache
def spacy_stop_words(language: str) -> frozenset[str]:
    """The stop words spaCy ships for ``language`` (an ISO code: "fr", "bn", "he"), read from the list's module by
    itself (see :func:`stop_words_of_other_languages`)."""
    spec = importlib.util.find_spec("spacy.lang")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("spacy_stop_words: spaCy's package 'spacy.lang' is not installed")
    path = pathlib.Path(next(iter(spec.submodule_search_locations))) / language / "stop_words.py"
    module_spec = importlib.util.spec_from_file_location(f"feedback_loop_stop_words_{language}", path)
    if module_spec is None or module_spec.loader is None:
        raise ImportError(f"spacy_stop_words: no stop words for language {language!r} in spaCy")
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


def listed_full_name(words: str) -> bool:
    """True for two or three words, the first a given name of the lists and the last a surname, none an everyday
    English word, a place or a possessive ("Akosua Mensah"; not "King's Cross", "Baker Street Irregulars"); particles
    before the surname aside ("Femke de Vries": a surname after a particle, in no list, may be a word of the
    vocabulary, which holds Dutch and Spanish words too), and a surname of two joined by a hyphen, each of the lists
    ("Akosua Mensah-Bonsu", "Alessandro Bianchi-Conti")."""
    given, surnames = person_name_lists()
    parts = words.split()
    named = [part for part in parts if part not in NAME_PARTICLES]
    after_a_particle = len(parts) > 2 and parts[-2] in NAME_PARTICLES
    everyday = everyday_words()
    return (
        2 <= len(named) <= 3
        and named[0] == parts[0]
        and parts[0] in given
        and (after_a_particle or named[-1] in surnames or all(part in surnames for part in named[-1].split("-")))
        and not any(
            (part.lower() in everyday and not (after_a_particle and part == named[-1]))
            or part in places()
            or POSSESSIVE_END.search(part)
            for part in named
        )
    )


def listed_given_name_only(word: str) -> bool:
    """True for one word that the lists hold as a given name and that is no English word, no place and no brand:
    "Francesca", "Anjali", "Bethan" (not "Florence", "Georgia", "Chelsea", "Chanel")."""
    given, _ = person_name_lists()
    return word in given and word not in brands() and nothing_but_a_name(word)


def listed_name(words: str) -> bool:
    """True for a full name of the lists (:func:`listed_full_name`) or a given name of the lists that is nothing but
    a name (:func:`listed_given_name_only`)."""
    return listed_full_name(words) or listed_given_name_only(words)


def language_of_the_sentence(text: str, start: int, end: int) -> str | None:
    """The language (of :data:`_LATIN_STOP_WORD_LANGUAGES`) whose stop words the sentence around ``text[start:end]``
    holds most of outside that span, where it holds two or more words that are stop words of other languages and no
    English one, and more of them than English stop words; None for English and for too few words to tell: "Mijn
    dochter Fleur belt morgen" is no English, so "belt" there is no noun that would make "Fleur" a brand of belts;
    nor is "a" an article in "da Giulia Bianchi a Giulia Bianchi Moretti, come risulta sul passaporto"."""
    low, high = sentence_around(text, start)
    # Not a letter ("W 210 x D 95 x H 80 cm", "m/w/d"), nor an English word of four letters or more that is a stop
    # word of another language too ("tenant", "store", "sale", "final").
    outside = [
        lower
        for lower in (word.lower() for word in WORD.findall(text[low:start] + " " + text[end:high]))
        if len(lower) > 1 and not (len(lower) > 3 and lower in everyday_words())
    ]
    others = stop_words_of_other_languages()
    foreign = sum(any(word in words for words in others) for word in outside)
    if foreign < 2 or foreign <= sum(word in stop_words() for word in outside):
        return None
    counts = [sum(word in words for word in outside) for words in others]
    return _LATIN_STOP_WORD_LANGUAGES[counts.index(max(counts))]


def stop_words_of(language: str) -> frozenset[str]:
    """The stop words of ``language`` (one of :data:`_LATIN_STOP_WORD_LANGUAGES`), less English ones."""
    return stop_words_of_other_languages()[_LATIN_STOP_WORD_LANGUAGES.index(language)]


def in_another_language(text: str, start: int, end: int) -> bool:
    """True where the sentence around ``text[start:end]`` is in another language than English
    (:func:`language_of_the_sentence`)."""
    return language_of_the_sentence(text, start, end) is not None


class _LazyStopWords:
    def __contains__(self, word: str) -> bool:
        return word in stop_words()


_STOP_WORDS = _LazyStopWords()


# --- names written in capitals -------------------------------------------------------------------------------

# A word in capitals, inner apostrophes and hyphens allowed ("O'SULLIVAN", "AL-HARBI"); not a placeholder's. The
# capitals of the Latin script: a lower-case letter fails the pattern at once, so most words cost nothing.
_CAPITAL_LETTER = "[" + "".join(chr(code) for code in range(0x41, 0x250) if chr(code).isupper()) + "]"
_CAPITALS_WORD = re.compile(
    rf"(?<![\w<'’@.-]){_CAPITAL_LETTER}(?:{_CAPITAL_LETTER}|['’-](?={_CAPITAL_LETTER}))+(?![\w>'’@-]|\.\w)"
)
# Titles before a surname in capitals ("MR. OKAFOR", "Ms DEMIR").
_TITLE_BEFORE = re.compile(
    r"(?i:\b(?:mr|mrs|ms|miss|mx|dr|prof|herr|frau|mme|mlle|sr|sra|srta|sig|dott)\.?[ \t\u00a0]+)$"
)
# A name's field before a word in capitals, with or without its colon: "surname KIM", "Given name: SEO-YEON".
_NAME_FIELD_BEFORE = re.compile(
    r"(?i:\b(?:surname|forename|(?:given|first|last|family|middle)[ \t]+name)[ \t]*[:=]?[ \t]+)$"
)
_LINE = re.compile(r"[^\n]+")
# A surname written first in capitals, its comma, then one to three given names in capitals, up to the entry's end
# ("NGUYEN, THI HOA", "LE, VAN HUNG (adult)", "OKAFOR, CHIDI MR"): records and passenger lists write names so, and a
# given name may be an English word or particle too ("HOA", "VAN", "HUNG"), which alone would be read as one.
_CAPITALS_RUN = rf"{_CAPITAL_LETTER}+(?:['’-]{_CAPITAL_LETTER}+)*"
_CAPITALS_SURNAME_FIRST = re.compile(
    rf"(?<![\w<'’@.-])(?P<surname>{_CAPITALS_RUN}),[ \t]+(?P<given>{_CAPITALS_RUN}(?:[ \u00a0]{_CAPITALS_RUN}){{0,2}})"
    r"(?=(?:[ \t]+(?:MR|MRS|MS|MISS|MSTR|DR))?[ \t]*(?:$|\n|[;|(),.!?]|[-–—/](?=\s)|\d|[a-z]))"
)
_CAPITALISED_NAME_WORD_AFTER = re.compile(r"[ \u00a0]([A-Z][a-zà-öø-ÿ]+(?:['’-][^\W\d_]+)*)\b")
_GIVEN_NAME_AFTER_A_COMMA = re.compile(r",[ \u00a0]([A-Z][a-zà-öø-ÿ]+)\b")
_CAPITALISED_NAME_WORD_BEFORE = re.compile(r"\b([A-Z][a-zà-öø-ÿ]+(?:['’-][^\W\d_]+)*)[ \u00a0]$")


def capitals_as_written(text: str) -> str:
    """``text`` with the names written in capitals written as names are ("MR. OKAFOR" -> "mr. Okafor", "NAME: REZAEI
    HAMID" -> "name: Rezaei Hamid", "Passenger TEHRANI Arash" -> "Passenger Tehrani Arash"), of the same length, so
    that the rules and the models, which read names by their capital, read them; the text itself is not changed.

    On a line written in capitals (two words in capitals at least, 60% of its words), each word is written as it
    would be in a sentence: an everyday English word, a function word or a particle in lower case, any other word
    (a name the lists know, a word no English vocabulary holds) capitalised; a word that is both a name and an
    English word ("PARK", "LONG") capitalised only next to another name's word ("JI-HOON PARK"). Elsewhere only
    names in capitals are rewritten: two words or more in capitals, one of them no everyday word ("Booking for JI-HOON
    PARK"), or one such word after a title ("MR. BEKOVA") or next to a capitalised word no English vocabulary holds
    ("TEHRANI Arash"). Acronyms alone stay ("ask HMRC", "the API")."""
    if _CAPITALS_WORD.search(text) is None:
        return text
    pieces = list(text)
    changed = False
    for line in _LINE.finditer(text):
        words = [word for word in _CAPITALS_WORD.finditer(text, line.start(), line.end()) if word.group().isupper()]
        if not words:
            continue
        letters_words = sum(1 for token in WORD.finditer(text, line.start(), line.end()) if len(token.group()) > 1)
        if len(words) >= 2 and len(words) >= 0.6 * letters_words:
            if not _may_hold_a_name(text, line, words):
                continue
            rewritten = _capitals_line(text, words)
        else:
            rewritten = _capitals_in_a_sentence(text, words)
        for word, written in rewritten:
            if written != word.group() and len(written) == len(word.group()):
                pieces[word.start() : word.end()] = written
                changed = True
    for word in [*_capitals_surnames_first(text), *_capitals_of_titled_airline_names(text)]:
        written = _as_a_name(word.group())
        if len(written) == len(word.group()):
            pieces[word.start() : word.end()] = written
            changed = True
    return "".join(pieces) if changed else text


# A booking record's name in capitals with its title after it: "NGUYEN/THI HOA MS", "NGUYEN/VAN AN MSTR". The title
# says every word before it is a name, though "HOA" or "VAN" is an everyday word or a particle elsewhere; the title
# is written as a title ("Ms"), which :data:`_SURNAME_SLASH_GIVEN` reads in any case.
_CAPITALS_AIRLINE_NAME = re.compile(
    r"(?<![\w/<'’@.-])[A-Z][A-Z'’-]+/[A-Z][A-Z'’-]+(?:[ \t][A-Z][A-Z'’-]+){0,2}[ \t](?:MR|MRS|MS|MISS|MSTR|DR)\b"
    r"(?![ \t]+[A-Z])"
)


def _capitals_of_titled_airline_names(text: str) -> list[re.Match[str]]:
    """The words of each name of :data:`_CAPITALS_AIRLINE_NAME`, to be written as names."""
    return [
        word
        for match in _CAPITALS_AIRLINE_NAME.finditer(text)
        for word in _CAPITALS_WORD.finditer(text, match.start(), match.end())
    ]


def _capitals_surnames_first(text: str) -> list[re.Match[str]]:
    """The words of each name written surname first in capitals (:data:`_CAPITALS_SURNAME_FIRST`) whose surname the
    lists hold and no everyday word is ("NGUYEN", "LE", not "NOTE" nor "BROWN"), before given names of which one
    the lists hold and none is a function word the lists do not hold ("THI HOA", "VAN HUNG"; not "WHITE AND GREEN")."""
    given, surnames = person_name_lists()
    found = []
    for match in _CAPITALS_SURNAME_FIRST.finditer(text):
        surname, names = match.group("surname"), match.group("given").split()
        lower = surname.lower()
        if (
            _as_a_name(surname) not in surnames
            or lower in everyday_words()
            or lower in stop_words()
            or lower in NOT_NAMES
            or names[0].lower() in stop_words()
            # A function word is a given name here only as the lists hold it ("NGUYEN, VAN AN").
            or any(
                name.lower() in NOT_NAMES or (name.lower() in stop_words() and _as_a_name(name) not in given)
                for name in names
            )
            or not any(_as_a_name(name) in given for name in names)
        ):
            continue
        found += list(_CAPITALS_WORD.finditer(text, match.start(), match.end()))
    return found


def _may_hold_a_name(text: str, line: re.Match[str], words: list[re.Match[str]]) -> bool:
    """True when a line in capitals may hold a name: a word of the name lists, a field's label ("NAME:", "ATTN:") or a
    title before a word. Lines of acronyms and everyday words ("ORDER STATUS: SHIPPED", "FYI SSN#") are left as they
    are, and the models read no more of them."""
    return (
        any(_in_the_lists(word.group()) for word in words)
        or _STRONG_CUE_FORWARD.search(text, line.start(), line.end()) is not None
        or any(_TITLE_BEFORE.search(text, max(0, word.start() - 8), word.start()) for word in words)
    )


def _in_the_lists(word: str) -> bool:
    given, surnames = person_name_lists()
    title = _as_a_name(word)
    return (title in given or title in surnames) and word.lower() not in stop_words() and word.lower() not in NOT_NAMES


def _as_a_name(word: str) -> str:
    """``word`` capitalised as a name: "O'SULLIVAN" -> "O'Sullivan", "AL-HARBI" -> "Al-Harbi", "OKAFOR'S" ->
    "Okafor's", "ŞAHİN" -> "Şahin" (Turkish dotted capital I as "i", not "i" and a combining dot)."""
    parts = re.split(r"(['’-])", word.replace("İ", "i").lower())
    written = []
    for position, part in enumerate(parts):
        after_initial = position >= 2 and parts[position - 1] in "'’" and len(parts[position - 2]) == 1
        capitalise = position == 0 or parts[position - 1] == "-" or after_initial
        written.append(part[:1].upper() + part[1:] if capitalise else part)
    return "".join(written)


def _kind_of_capitals_word(word: str) -> str:
    """ "word": an everyday or function word; "name": a name's word no English vocabulary holds, or a word no
    vocabulary nor list holds; "both": a name that is an English word too ("PARK", "LONG", "JOHN")."""
    lower = word.lower()
    if lower in NAME_PARTICLES or lower in stop_words() or lower in NOT_NAMES or lower in everyday_words():
        return "word"
    title = _as_a_name(word)
    given, surnames = person_name_lists()
    nouns_or_adjectives, verbs = word_classes()
    if (title in given or title in surnames) and (lower in nouns_or_adjectives or lower in verbs):
        return "both"
    return "name"


def _capitals_line(text: str, words: list[re.Match[str]]) -> list[tuple[re.Match[str], str]]:
    kinds = [_kind_of_capitals_word(word.group()) for word in words]
    rewritten = []
    for position, (word, kind) in enumerate(zip(words, kinds, strict=True)):
        # "SANTOS, MARIA CLARA D.", "REYES, JOSE M.": a surname of the lists that is an English word too ("santos",
        # "reyes"), written first, its comma and a given name after it.
        if (
            kind != "name"
            and position + 1 < len(words)
            and text[word.end() : words[position + 1].start()] == ", "
            and kinds[position + 1] != "word"
            and _as_a_name(word.group()) in person_name_lists()[1]
            and _in_the_lists(word.group())
        ):
            kind = "name"
        # "JOÃO PEDRO CARVALHO DA SILVA": the word after a name's particle is the name's too, though WordNet knows it.
        if (
            kind != "name"
            and position >= 2
            and words[position - 1].group().lower() in NAME_PARTICLES
            and kinds[position - 2] == "name"
            and _adjacent(text, words[position - 2], words[position - 1])
            and _adjacent(text, words[position - 1], word)
        ):
            kind = "name"
        if kind == "both":
            neighbours = [
                kinds[other]
                for other in (position - 1, position + 1)
                if 0 <= other < len(words) and _adjacent(text, words[min(position, other)], words[max(position, other)])
            ]
            kind = "name" if any(neighbour != "word" for neighbour in neighbours) else "word"
        rewritten.append((word, _as_a_name(word.group()) if kind == "name" else word.group().lower()))
    return rewritten


def _adjacent(text: str, first: re.Match[str], second: re.Match[str]) -> bool:
    return text[first.end() : second.start()] in (" ", "\u00a0", "/")


def _syllables_joined_after(text: str, end: int) -> bool:
    """True where a Korean or Chinese given name of two syllables joined by a hyphen, no English word, follows a
    surname written in capitals: "LEE Hye-jin", "PARK Seo-yeon", whose surnames are English words too."""
    after = _CAPITALISED_NAME_WORD_AFTER.match(text, end)
    return after is not None and syllables_joined_as_a_given_name(after.group(1))


def _surname_after_a_cue(text: str, word: re.Match[str]) -> bool:
    """True for a surname of the lists in capitals right after a form's field or a cue, a capitalised word after it,
    whatever that word is: "Referring doctor: CHEN Zihan", "GP: LIU Jianguo" (the model's vocabulary holds
    "jianguo")."""
    start = word.start()
    return (
        _CAPITALISED_NAME_WORD_AFTER.match(text, word.end()) is not None
        and _in_the_lists(word.group())
        and (_cue_before(_STRONG_CUE, text, start) or _cue_before(_CUE_BEFORE, text, start))
    )


def _capitals_in_a_sentence(text: str, words: list[re.Match[str]]) -> list[tuple[re.Match[str], str]]:
    runs: list[list[re.Match[str]]] = []
    for word in words:
        if runs and _adjacent(text, runs[-1][-1], word):
            runs[-1].append(word)
        else:
            runs.append([word])
    rewritten = []
    for run in runs:
        kinds = [_kind_of_capitals_word(word.group()) for word in run]
        # "SMITH, Robert", "OKAFOR, Chidi", "WANG, Jianguo": a surname written first, in capitals, then its comma and a
        # given name of the lists or a word no vocabulary or no dictionary holds (the model's vocabulary holds
        # "jianguo").
        given_after = _GIVEN_NAME_AFTER_A_COMMA.match(text, run[-1].end())
        surname_first = (
            given_after is not None
            and "word" not in kinds
            and (
                given_after.group(1) in person_name_lists()[0]
                or given_after.group(1).lower() not in everyday_words()
                or no_english_word(given_after.group(1).lower())
            )
        )
        if surname_first:
            rewritten += [(word, _as_a_name(word.group())) for word in run]
            continue
        if "name" not in kinds and not (
            kinds == ["both"]
            and (
                _syllables_joined_after(text, run[0].end())
                or _surname_after_a_cue(text, run[0])
                or _NAME_FIELD_BEFORE.search(text, max(0, run[0].start() - 16), run[0].start())
            )
        ):
            continue
        # Two words or more: one of them a name the lists know ("JI-HOON PARK"), or right after a cue or a form's field
        # that announces a person ("Spoke with TEVITA FIFITA", "| Caller: PRIYANKA RAGHUNATHAN |"), every word of it a
        # name's of four letters or more; not acronyms ("BIC DEUTDEFF", "ask IT ASAP").
        if (
            len(run) > 1
            and not any(_in_the_lists(word.group()) for word in run)
            and not (
                all(kind == "name" and len(word.group()) >= 4 for kind, word in zip(kinds, run, strict=True))
                and (_cue_before(_CUE_BEFORE, text, run[0].start()) or _cue_before(_STRONG_CUE, text, run[0].start()))
            )
        ):
            continue
        if len(run) == 1:
            start, end = run[0].span()
            after = _CAPITALISED_NAME_WORD_AFTER.match(text, end)
            before = _CAPITALISED_NAME_WORD_BEFORE.search(text, max(0, start - 40), start)
            next_to_a_name = any(
                found is not None and _kind_of_capitals_word(found.group(1)) != "word" for found in (after, before)
            )
            # "MR. OKAFOR", "TEHRANI Arash"; not an acronym next to a place ("Parramatta NSW", "FYI Hemi").
            acronym = end - start < 4 and not _in_the_lists(run[0].group())
            if acronym or not (
                _TITLE_BEFORE.search(text, max(0, start - 8), start)
                or _NAME_FIELD_BEFORE.search(text, max(0, start - 16), start)
                or next_to_a_name
                or _surname_after_a_cue(text, run[0])
            ):
                continue
        rewritten += [(word, _as_a_name(word.group())) for word in run]
    return rewritten
