"""Street addresses found by rules (``<ADDRESS>``), in both tiers: no model is needed.

A house number and a street named by its street word, as each country writes it (``12 Baker Street``, ``221B
Baker St.``, ``350 W 57th St``, ``1540 Broadway``, ``Hauptstraße 5``, ``Konrad-Adenauer-Straße 12``, ``12 rue de
la Paix``, ``Calle Mayor 7``, ``Via Roma 10``, ``Kungsgatan 44``, ``Keizersgracht 123``), Indian and Japanese
addresses (``House No. 45, Sector 21, Gurugram 122001``, ``1-2-3 Minami-Aoyama, Minato City``), with what follows
it when it reads as the rest of the address (flat or suite, postcode, city, state, in either order); ``P.O. Box
123``; in lower case ("56 pine st apt 3 seattle wa 98101"), with a ZIP code or postcode after it or "ship to",
"live at" before it. A street word that is also an everyday word ("Drive", "Way", "Park", "Place") makes an
address only where the street ends its clause (a comma, the end of the sentence) or a word such as "live at",
"ship to", "address:" comes before it: "2 Google Drive accounts" stays. :data:`ADDRESS_DETECTORS` is what the
redactor runs, in order; the last one takes what the others leave around the addresses they found (units, floors,
buildings, postcode and country lines).
"""

from __future__ import annotations

import functools
import re

from feedback_loop.privacy.alternations import by_first_letter
from feedback_loop.privacy.english_words import adverbs
from feedback_loop.privacy.identifiers import MONTHS
from feedback_loop.privacy.names import (
    CANADIAN_PROVINCE_CODES,
    US_STATE_CODES,
    WORD,
    brands_opening,
    cities,
    everyday_words,
    given_name_of_several_locales,
    in_another_language,
    no_english_word,
    person_name_lists,
    sentence_around,
    stop_words,
    stop_words_of_other_languages,
)
from feedback_loop.privacy.placeholders import (
    PLACEHOLDERS,
    Detector,
    both,
    contains,
    has_digit,
    number_of,
    substitute,
    whole,
)

_WORD = r"[^\W\d_][^\W\d_'’.-]*(?:['’-][^\W\d_]+)*\.?"
# Latin and Cyrillic capitals: "ул. Тверская, д. 7, Москва".
_CAPITAL = r"(?=[A-ZÀ-ÖØ-ÞĀ-ŽЀ-ЯҐ])"
_NAME_WORD = _CAPITAL + _WORD
# A numbered street's name: "350 W 57th St", "55 5th Avenue", "1 E 42nd Street".
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)(?![\w-])"
# "221B", "32/4/9", "221/B": a house, staircase and flat, or a house's letter after a slash, as India writes it.
# A Dutch floor after the house number: "Keizersgracht 418-III", "Van Woustraat 12-hs" (the ground floor).
_AFTER_FIRST_DIGIT = r"\d{0,4}[A-Za-z]?(?:[-/](?:\d{1,4}[A-Za-z]?|[A-Z](?![\w-])|(?:II|III|IV|hs|bis)(?![\w-]))){0,2}"
HOUSE_NUMBER = r"\d" + _AFTER_FIRST_DIGIT
# Street words that are nothing else.
STREET_WORDS = (
    r"Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Av\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Highway|Hwy\.?|Parkway|Pkwy\.?"
    r"|Crescent|Cres\.?|Terrace|Tce\.?|Esplanade|Embankment|Promenade|Marg|Nagar|Strasse|Straße|Str\.|Allee|Gasse|Weg"
    # Nigeria's and Ghana's long roads: "Lekki-Epe Expressway", "Lagos-Ibadan Expressway".
    r"|Expressway|Expy\.?"
    # Turkish, after the street's name as the house number's first abroad: "118 Atatürk Caddesi, 35250 İzmir".
    r"|Caddesi|Bulvarı|Sokak|Sokağı"
    # The seafront road of Egypt, Lebanon and the Gulf: "10 Nile Corniche", "Corniche El Maadi".
    r"|Corniche"
    # A Danish square, its name's words apart: "Gunnar Nu Hansens Plads 7, 2100 København Ø".
    r"|Plads"
)
# Street words that are everyday words too: an address only where the street ends its clause, or is announced.
# "Parade" is one ("the 2024 Pride Parade"), and so is "Broadway", a street of its own name with no street word
# ("1540 Broadway, New York"; "3 Broadway shows").
WEAK_STREET_WORDS = (
    r"Drive|Dr\.?|Way|Court|Ct\.?|Place|Pl\.?|Square|Sq\.?|Close|Park|Hill|Walk|Row|Grove|Gardens|Circle|Cir\."
    r"|Plaza|Path|Trail|Mews|Green|View|Rise|Vale|Heights|Point|Quay|Wharf|Parade|Alley"
)
# A flat, suite or floor, in English or as Romance languages write it ("apto 81", "piso 3", "int. 5"), or a Spanish
# or Portuguese floor and door ("4º B", "2º izq.", "3.º Dto", "1.º andar"); "#05-67" is a Singapore floor and unit,
# "m. 15" a Polish flat (right after the house number: "12 Baker Street m. 5 minutes" is no flat), "Kat 2 Daire 6" a
# Turkish floor and flat, "2. th." a Danish floor and side (right, left, middle; "st." the ground floor), "кв. 12" a
# Russian flat. Its number holds a digit or is one capital ("Flat B"): "Unit tests" is no flat. Only ever read after a
# street, so "m. 15" or "Kat 3" alone is no flat. Turkish writes the floor and the door with a colon, the door also as
# "D:" and the floor as "K:" ("No: 12 Kat: 3 D: 7"). Argentina writes the door after the floor ("Piso 6 Dto. B"); Nepal
# and India the ward after the street ("Ward No. 4").
# A Spanish or Catalan door after the floor: "2ª", "B", "izq.", "izda.".
_SPANISH_DOOR = (
    r"(?:[A-Z](?!\w)|\d{1,2}\s?[º°ªa](?!\w)|(?i:izq(?:uierda)?|izda|dcha|dra|der(?:echa)?|ctro|centro|dto|dt[ao]"
    r"|esq|fte|frente|andar)(?:\.|(?!\w)))"
)
# Spanish and Catalan floors named by their word, the door after them or not ("bajo B", "entlo. 2ª", "pral. 1ª",
# "ático", "baixos 1a", "entresòl"), and the Catalan floor and door as ordinals ("2n 1a", "1r 2a", "4t 3a", "3r").
_SPANISH_FLOOR = (
    r"(?i:bajos?|baixos?|entlo\.|entl\.|entresuelo|entreplanta|entresòl|entsl\.|pral\.|principal|ático|àtic|atico"
    r"|sobreático|semisótano)(?:\s?" + _SPANISH_DOOR + r"(?![\w-])|(?![\w-])(?=\s*(?:[,;\n]|\.(?:\s|$)|$)))"
    r"|\d{1,2}(?:r|n|t|è)\s?(?:\d{1,2}\s?[aª]|[A-Z])(?![\w-])|\d{1,2}(?:r|n|t|è)(?=\s*(?:,|$))"
)
_UNIT = (
    r"(?:,?\s*(?:(?i:apt\.?|apartment|suite|ste\.?|unit|flat|floor|fl\.?|room|rm\.?|apto\.?|ap\.|apartamento"
    r"|appartement|app\.|dpto\.?|depto\.?|dto\.|of\.|oficina|kv\.|piso|planta|puerta|pta\.|bloco|bloque|sala|andar"
    r"|conj\.|int\.|interno|scala|esc\.|escalera|escala|bât\.|lok\.|kat|daire|кв\.|корп\.|оф\.|ward(?:\s*no\.?)?"
    # A French office, a Brazilian penthouse, shop, house or lot, a German flat, a French building: "bureau 410",
    # "cobertura 2", "loja 3", "casa 5", "lote 12", "Whg. 4", "bâtiment B".
    r"|bureau|cobertura|loja|casa|lote|quadra|whg\.|wohnung|bâtiment)\s*:?\s*|#\s*|[KD]\s?:\s?(?=\d))"
    r"(?:[\w-]{0,5}\d[\w-]{0,5}|[A-Z](?![\w-]))"
    r"|,?\s*\d{1,2}\.?\s?[º°ª](?:\s?(?:" + _SPANISH_DOOR + r"))?"
    # A floor by its ordinal: "Patision 45, 2nd floor".
    rf"|,?\s*{_ORDINAL}\s(?i:floor|fl\.)"
    r"|,?\s*(?:" + _SPANISH_FLOOR + r")"
    r"|,?\s*(?:\d{1,2}|st)\.\s?(?:th|tv|mf)(?:\.|(?![\w-]))"
    # A German floor ("Am Kirchberg 7a, 3. OG"), and a house's second number as the Netherlands and France write it
    # after a space ("Oudegracht 158 bis").
    r"|,?\s*\d{1,2}\.\s?(?:OG|UG|DG|Stock|Etage)(?:[ \t](?:rechts|links|Mitte|re\.|li\.))?(?![\w-])"
    r"|(?<=\d)[ \t](?:bis|ter)(?![\w-])"
    r"|(?<=\d) m\.\s?\d{1,4}[a-z]?(?![\w-]))"
)
# After the street: ", London NW1 6XE", ", Springfield, IL 62704", ", 10115 Berlin", ", 00-514 Warszawa", ", UK",
# ", Dublin D02 X285" (an Irish Eircode), ", Tel Aviv 6688218" (Israel's seven digits).
# Postcodes written with letters: British ("NW1 6XE"), Canadian ("K1A 0B1") and Irish Eircodes ("D02 X285").
_BRITISH_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}"
_CANADIAN_POSTCODE = r"[A-Z]\d[A-Z]\s?\d[A-Z]\d"
_EIRCODE = r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?[\dAC-FHKNPRTV-Y]{4}"
_POSTCODE = (
    rf"(?:{_BRITISH_POSTCODE}|\d{{4,7}}(?:-\d{{3,4}})?|{_CANADIAN_POSTCODE}|[A-Z]{{2}}\s+\d{{5}}(?:-\d{{4}})?"
    rf"|\d{{2}}-\d{{3}}|\d{{3}}\s\d{{2}}|{_EIRCODE}(?!\w))"
)
# Ghana's digital addresses (GhanaPost GPS): the region's and district's letters, then the place's numbers:
# "GA-492-7731", "AK-039-5521".
_GHANA_DIGITAL_ADDRESS = r"[A-Z]{2}-\d{3,4}-\d{4}(?![\w-])"
# A town's word ends where a word does (never before a digit: "London NW1 6XE" is a town and a postcode, not the town
# "London NW" and "1 6XE"), and ends with a full stop only where it is a short abbreviation inside the town ("St.
# Albans", "Ft. Worth"), not at a sentence's end ("Springfield.", "St Albans. Thanks").
# Nor before a hyphen and a digit: "Gulshan-2" is an area and its number (see _NUMBERED_AREA); nor before a full stop
# and a number: "Of. 302" is an office.
# A Philippine barangay's abbreviation is no town: it names the one after it ("Brgy. San Antonio"); nor is a building's
# ("Bldg. Al Amal"); nor is the "C." of Mexico's "C.P." (código postal), which the postcode's number follows.
_TOWN_WORD = (
    rf"(?!(?:Brgy|Bgy|Bldg|C\.P)\.)(?:[A-Z][a-z]{{0,2}}\.(?=[ -]{_CAPITAL})"
    rf"|{_CAPITAL}[^\W\d_][^\W\d_'’.-]*(?:['’-][^\W\d_]+)*(?!\w|-\d{{1,2}}(?!\d))(?!\.[ \t]*\d))"
)
# A town's name may hold a particle ("Cercado de Lima", "Newcastle upon Tyne"; not German "am" and "an", which are
# days and times as often: "Berlin am Montag") and end with "City" after three words ("Ho Chi Minh City"); a Mexican
# colonia's abbreviation opens one of up to three words ("Col. San José Insurgentes", "Col. San Pedro de los Pinos").
_TOWN = (
    rf"(?:Col\.[ ]{_TOWN_WORD}(?:[ -](?:(?:de(?:[ ]l[ao]s)?|del|la)[ -])?{_TOWN_WORD}){{0,2}}"
    rf"|{_TOWN_WORD}(?:[ -](?:(?:de|del|da|do|di|du|la|le|upon|sur)[ -])?{_TOWN_WORD}){{0,2}}(?: City)?)"
)
# A town after its postcode is on the postcode's line: on the line after it, a word is the letter's ("..., H91
# X2Y7\nCheers"). Mexico writes the postcode after "C.P." ("Col. Centro, C.P. 72000, Puebla"). A Ghanaian digital
# address after the town is the place's too ("..., Osu, Accra, GA-123-4567"), not a town "GA".
# Digits, a space and three digits or more are a phone's groups, not a postcode: "London NW1 6XE, 07700 900123" (a
# postcode of letters may end before a phone: "NW1 6XE 07700 900123").
_NOT_A_PHONES_GROUP = r"(?!\d)(?!(?<=\d)[ \t]+\d{3})"
# A Canadian town is followed by its province in brackets before the postcode: "Montréal (Québec) H3G 1P1".
_PLACE = (
    rf"(?:{_GHANA_DIGITAL_ADDRESS}"
    # A Russian or Ukrainian town after its word ("г. Москва", "м. Київ").
    rf"|(?:(?:г|м)\.[ \t]*)?{_TOWN}(?:[ \t]\({_TOWN}\)(?=\s+{_POSTCODE}))?(?:\s+{_POSTCODE}{_NOT_A_PHONES_GROUP})?"
    rf"|(?:C\.P\.[ \t]*)?{_POSTCODE}{_NOT_A_PHONES_GROUP}(?:[ \t]+{_TOWN})?)"
)
# Where a place ends its clause, the last of the address: before a comma, a full stop, a mark of a question or an
# exclamation, a bracket, a dash, the end of the line ("..., 101 Reykjavík? We", "..., Addis Ababa — near the mall").
# Towns after commas to the end of the sentence need it without the comma ("12 Elm St, Tom, my friend" is no town).
_SENTENCE_ENDS_AFTER_A_PLACE = r"(?=[ \t]*(?:[.;!?)\n]|[—–]|$)|[ \t]+-[ \t])"
_CLAUSE_ENDS_AFTER_A_PLACE = r"(?=[ \t]*(?:[,.;!?)\n]|[—–]|$)|[ \t]+-[ \t])"
# The flat and the places in either order: "Rua Augusta 1500, apto 81, São Paulo SP 01304-001", "12 Elm St,
# Springfield, Apt 4"; a floor and a flat ("Kat 2 Daire 6").
_REST_OF_ADDRESS = rf"(?:{_UNIT}){{0,2}}(?:(?:,|\s[-–])\s*{_PLACE}{_UNIT}?){{0,4}}"
_STREET_NAME = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|the|de|la|du|des|del|da|do|di|van|von|der|den)){{0,3}}"
# Before a street word that is nothing else, a name may be numbered ("W 57th St"); before an everyday one the
# numbers are places and prizes ("won 2 1st Place, 3 2nd Place").
_NUMBERED_STREET_NAME = (
    rf"(?:{_NAME_WORD}|{_ORDINAL})(?:\s+(?:{_NAME_WORD}|{_ORDINAL}|of|the|de|la|du|des|del|da|do|di|van|von|der|den))"
    r"{0,3}"
)
# "1600 Pennsylvania Avenue NW", "100 Queen Street East", "45 Queen's Road Central": a compass point after the street
# word.
_DIRECTION = r"(?:\s+(?:[NS][EW]?|[EW]|(?:North|South)(?:east|west)?|East|West|Central|Upper|Lower)(?![\w-]))?"
# A street numbered after its street word, before the comma: "Block 123 Ang Mo Kio Avenue 3, #05-67, Singapore".
_ENGLISH_STREET = (
    rf"{HOUSE_NUMBER},?\s+{_NUMBERED_STREET_NAME}\s+(?:{STREET_WORDS})(?![\w-]){_DIRECTION}(?:\s+\d{{1,2}}(?=,))?"
    # A place named after its street, before the comma: "10 Queen Street Place, London EC4R 1BE".
    r"(?:\s+(?:Place|Square|Court|Mews|Yard|Gardens)(?=,))?"
)
_ENGLISH_WEAK_STREET = rf"{HOUSE_NUMBER},?\s+(?:{_STREET_NAME}\s+(?:{WEAK_STREET_WORDS})|Broadway)(?![\w-]){_DIRECTION}"
# "Hauptstraße 5", "Am Lindenweg 12a", "Keizersgracht 123", "Kungsgatan 44", "Nørrebrogade 7", and German streets
# named after a person, their words joined by hyphens: "Konrad-Adenauer-Straße 12", "Kaiser-Wilhelm-Ring 40",
# "Karl-Marx-Str. 8", "Kaiser-Friedrichstraße 3" (a street word apart after two words at least: "Multi-Ring 3" is a
# product).
_GERMAN_STREET_WORDS = r"Straße|Strasse|Str\.|Weg|Gasse|Platz|Allee|Ring|Damm|Ufer"
# Not a seat, a parking space, a pitch or a workplace, which German names with "-platz" too ("Sitzplatz 64 im Wagen
# 9", "Stellplatz 12").
STREET_SUFFIXES = (
    r"straße|strasse|str\.|weg|gasse|(?<!(?i:sitz))(?<!(?i:park))(?<!(?i:stell))(?<!(?i:arbeits))(?<!(?i:zelt))platz"
    r"|all(?:ee|é)|ring|damm|ufer|chaussee|steig|pfad|straat|laan|gracht|plein"
    r"|kade|singel|dijk|gatan|gata|vägen|väg|gränd|torget|torg|gaden?|vej(?:en)?|veien|vei|gate|katu|tie|utca|ulica|ul\."
    # Icelandic: "Laugavegur 20", "Bankastræti 5", "Skólavörðustígur 12", "Miklabraut 68".
    # Danish streets in their definite form, lanes and avenues too ("Strandvejen", "Østergaden", "Læderstræde",
    # "Vodroffsallé").
    r"|vegur|stræ(?:ti|de)|stígur|braut"
)
# A year is no house number: "Mid-Spring 2024 sale", "Post-Watergate 1974 reforms".
_NOT_A_YEAR = r"(?!(?:19|20)\d\d(?![\w-]))"
# An English gerund ends as a German ring road does, a vowel before its "ring" ("Mentoring 2", "Engineering 101",
# "Orienteering"); the German ring's word before it ends in a consonant ("Kaiserring", "Ostring").
_NOT_A_GERUND = r"(?<![aeiouy]ring)"
_SUFFIXED_STREET_NAME = (
    rf"(?:(?:Am|An der|Auf der|Im|In der|Zum|Zur)\s+)?{_CAPITAL}[^\W\d_]*(?:(?:{STREET_SUFFIXES}){_NOT_A_GERUND}"
    rf"|(?:-{_CAPITAL}[^\W\d_]{{2,}}){{0,2}}-{_CAPITAL}[^\W\d_]*(?:{STREET_SUFFIXES})"
    rf"|(?:-{_CAPITAL}[^\W\d_]{{2,}}){{1,2}}-(?:{_GERMAN_STREET_WORDS}))"
)
# The house number on the street's line: "Sam Westgate\n15 Fenton Street" is a name ending as "gate" does above a
# street.
# Nor is a day before its month: "Spring 6 Jan – 2 Apr" (term dates).
_NOT_A_DAY_OF_A_MONTH = rf"(?![ \t]+(?i:{MONTHS})(?!\w))"
_SUFFIXED_STREET = rf"{_SUFFIXED_STREET_NAME}[ \t]+{_NOT_A_YEAR}{HOUSE_NUMBER}(?![\w-]){_NOT_A_DAY_OF_A_MONTH}"
# The same streets with the number first, as those abroad write them: "19 Kaiser-Wilhelm-Ring", "7 Hauptstraße,
# 10115 Berlin". A street named after a person, three words joined by hyphens at least, is one anywhere; one word
# ending in a street's suffix or two joined to a street word ("5 Hohenzollern-Ring") only before a postcode and a
# town, a Swedish one of three digits and two too ("24 Kungsgatan, 411 19 Göteborg"; "3 Spring, 2024 Edition" is
# none: a year).
_NUMBER_BEFORE_A_SUFFIXED_STREET = (
    rf"{HOUSE_NUMBER},?\s+(?:{_CAPITAL}[^\W\d_]*(?:-{_CAPITAL}[^\W\d_]{{2,}}){{1,2}}-(?:{_GERMAN_STREET_WORDS}"
    rf"|{_CAPITAL}[^\W\d_]*(?:{STREET_SUFFIXES}))(?![\w-])"
    rf"|(?:{_SUFFIXED_STREET_NAME}|{_CAPITAL}[^\W\d_]{{2,}}-(?:{_GERMAN_STREET_WORDS}))(?![\w-])"
    rf"(?=,?\s+(?:{_NOT_A_YEAR}\d{{4,5}}|\d{{3}}[ \t]\d{{2}})\s+{_CAPITAL}))"
)
# "Mariahilfer Straße 88", "Karl Johans gate 22", "Váci utca 10", "Bağdat Caddesi 12": the street word apart.
_SEPARATE_STREET = (
    rf"{_STREET_NAME}\s+(?:{_GERMAN_STREET_WORDS}|gate|gata|gatan|vei|veien|vej"
    r"|vägen|väg|utca|út|ulica|ulice|straat|laan|tie|katu|iela|gatvė|[Cc]addesi|[Ss]okak|[Ss]okağı|[Bb]ulvarı"
    r"|prospekt|pereulok|naberezhnaya|shosse|náměstí|nábřeží|třída"
    # Turkish street words abbreviated, the house's "No:" right after them: "Atatürk Cad. No: 12", "Gül Sk. No:3".
    r"|Cad\.(?=\s*No)|Cd\.(?=\s*No)|Sok\.(?=\s*No)|Sk\.(?=\s*No)|Bulv\.(?=\s*No)|Blv\.(?=\s*No))"
    rf"(?:\s+|(?<=\.))(?:No[:.]?\s*)?{HOUSE_NUMBER}(?![\w-])"
)
# "12 rue de la Paix", "3 bis avenue Foch", "Calle Mayor 7", "C/ de Balmes, 12", "Via Roma 10", "Rua Augusta 200",
# and the street words written first in Catalan, Polish, Romanian, Albanian and South Slavic addresses
# ("Carrer de Mallorca 401", "ul. Marszałkowska 84", "Calea Victoriei 12", "Rruga e Kavajës 5"), Belgian and Peruvian
# ones ("31 Chaussée de Wavre", "Jr. Huallaga 320", "Psje. Los Pinos 12").
ROMANCE_STREET_WORDS = (
    r"rue|avenue|av\.|bd|boulevard|place|chemin|allée|impasse|quai|route|cours|calle|c/|avenida|avda\.?|paseo"
    r"|plaza|carrera|camino|ronda|rua|travessa|largo|praça|via|viale|piazza|corso|vicolo|strada"
    r"|corniche|carrer|passeig|avinguda|ul\.|ulica|aleja|plac|calea|bulevardul|rruga|ulitsa|prospekt|bulevar|cesta|trg"
    # Polish "al." (aleja), not the "et al." of a citation.
    r"|(?<!et )al\.(?=\s+[A-ZŁŚŻŹ])"
    r"|vul\.|vulytsia|bul\.|prosp\.|pr-t|jalan|jl\.|jln\.|chaussée|chaussee|drève|faubourg|jirón|pasaje|psje\.|pje\."
    r"|calzada|carretera|ctra\.|alameda|malecón|prolongación|prol\."
    # Romanian: "Str. Lipscani nr. 15", "Bd. Unirii nr. 7", "Șos. Kiseleff 12", "Aleea Teilor 3".
    r"|str\.|bd\.|b-dul|aleea|șos\.|sos\.|șoseaua|splaiul|intrarea"
    # Italian rural addresses: "Contrada San Leonardo 12", "Località Poggio 4", "Fraz. Villa 3".
    r"|contrada|c\.da|località|loc\.|frazione|fraz\."
    # Hebrew and Arabic street words in Latin letters: "Rehov Herzl 12", "Sderot Rothschild 22", "Shari' Tahrir 15"
    # ("Shari" alone is a given name: "Shari Lewis 3"); those that are words too ("Derech Eretz", the law "Sharia")
    # where the clause ends after the house: "Derech Hebron 40, Jerusalem", "Sharia Qasr El Nil 8.".
    r"|rehov|rechov|rehob|sderot|shderot|shari['’]|shareh|shar['’]i"
    # The Maghreb's lanes and streets in Latin letters: "Derb Dabachi 7", "Zankat Ibn Batouta 14".
    r"|derb|zankat|zenkat|znikat"
    r"|(?:derech|sharia|tariq)(?=(?:\s+[^\W\d_]+(?:-[^\W\d_]+)*){1,4},?\s+\d{1,4}[A-Za-z]?(?:\s*[,;\n]|\.?\s*$))"
    # Peru's "Jr." (jirón), its house numbered in two digits or more, not the "Jr." of a name before a year or a
    # count: "Martin Luther King Jr. Day 2025", "Sammy Davis Jr. Award 3".
    r"|jr\.(?=(?:\s+[^\W\d_]+){1,4}\s+(?!(?:19|20)\d\d(?![\w-]))\d{2})"
    # Thai road and lane words in Latin letters, before the name as Thai writes them: "45/3 Thanon Phahonyothin",
    # "219 Thnon Charoen Krung", "17/5 Soi Rambuttri, Thanon Chakrabongse, Bangkok 10200".
    r"|thanon|thnon|soi"
    # Indonesian housing estates, named like streets, the house numbered after a block: "Perumahan Griya Asri Blok C2
    # No. 9", "Komplek Bumi Indah Blok F/12 No. 3".
    r"|(?:perumahan|perum\.|komplek|kompleks|komp\.)(?=(?:\s+[^\W\d_]+){1,4}\s+(?:Blok|Blk|No\.))"
)
ROMANCE_STREET_WORD = by_first_letter(ROMANCE_STREET_WORDS)
_ROMANCE_ARTICLE = r"(?:de|del|de la|de l'|d'|d’|du|des|da|do|dos|das|di|della|dei|delle|e)"
# Mexican streets named by a date: "Calle 5 de Mayo 32", "Av. 16 de Septiembre 21".
# An Arabic name's article joined to it: "Shari' al-Haram 20", "Sharia el-Gomhoreya 5".
# A Russian street's ordinal in Latin letters before its name: "ul. 3-ya Parkovaya 8".
_RUSSIAN_ORDINAL = r"\d{1,2}-(?:ya|y|yy|iy|oy|aya|ye|go)\s+"
_ROMANCE_STREET_NAME = (
    rf"(?:{_ROMANCE_ARTICLE}\s*|\d{{1,2}}\s+de\s+|{_RUSSIAN_ORDINAL}|(?:al|el)-)?"
    rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|de|del|la|da|di))*?"
)
# The name runs to its last capitalised word: "33 boulevard Victor Hugo, 40963 Nantes" is one address.
# A Malaysian house is "No. 12" and its street may be numbered after its name: "No. 8, Jalan USJ 4/5, 47600 Subang
# Jaya".
# A Malaysian road may be named by its section's code alone: "Lot 12, Jalan SS2/24", "8 Jalan PJU 1A/3". Egypt writes
# "Sharia" (street) before the name, the house number first: "7 Sharia Qasr El Nil, Garden City, Cairo 11519", a place
# after it, not the law's courts, councils or banks ("85 Sharia Councils, London.").
_SECTION_CODE = r"[A-Z]{1,4}\s?\d{1,3}[A-Z]?/\d{1,3}[A-Z]?(?![\w/-])"
_FRENCH_STREET = (
    rf"(?:No\.\s*)?{HOUSE_NUMBER}(?:\s?(?:bis|ter))?,?\s+(?:(?i:jalan|jln\.|jl\.)\s+{_SECTION_CODE}"
    r"|Sharia(?!\s+(?:Courts?|Councils?|Law|Banks?|Banking|Finance|Boards?|Scholars?|Bonds?|Compliant)(?![\w-]))"
    rf"\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
    rf"(?=(?:,[ \t]*{_TOWN}){{1,3}}(?:[ \t]+{_NOT_A_YEAR}\d{{4,6}}(?![\w-])|{_SENTENCE_ENDS_AFTER_A_PLACE}))"
    # A house's number written after the street's name makes the number before it a flat's: "Ap. 4, Str. Ion
    # Creangă nr. 9", "Apto 501, Rua Oscar Freire 1200" (see _SOUTHERN_STREET).
    # Not a car's model ("911 Carrera S"): Colombia writes the number after "Carrera".
    rf"|(?:(?<!,[ \t])|(?![^\n,;]{{0,60}}?\s\d))(?![Cc]arrera\s)(?i:{ROMANCE_STREET_WORD})\s+"
    r"(?![^\n,;]{0,60}?\s(?i:nr\.?|no\.|n[º°]\.?)\s*\d)"
    rf"(?:{_ROMANCE_ARTICLE}\s*)?{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|de|del|la|du|des|da|di))*"
    # A street numbered after its name, before the comma: a Thai soi off a road or numbered itself ("12 Soi Thonglor
    # 10, Thanon Sukhumvit 55, Watthana").
    r"(?:\s+\d{1,3}[A-Z]?/\d{1,3}[A-Z]?|\s+\d{1,3}(?=,))?(?=[\s,.;)]|$))"
)
_SOUTHERN_STREET = (
    rf"(?i:{ROMANCE_STREET_WORD})\s+{_ROMANCE_STREET_NAME},?\s+"
    # Indonesia's block or kilometre before the house's "No.": "Jl. Melati Blok C2 No. 9", "Jl. Kaliurang KM 5,6
    # No. 21".
    r"(?:(?:Blok|Blk\.?|KM|Km)\s+(?:[A-Z]{1,2}[/-]?)?\d{1,3}(?:[,./]\d{1,2}|[A-Z])?,?\s+(?=[Nn]o\.))?"
    r"(?:(?:[Nn][º°oOrR]?[.:]?|d\.|Kav\.)\s*)?"
    rf"{HOUSE_NUMBER}"
    r"(?![\w-])"
)
# The English street word before the number, as Kenya, Israel, the Gulf and much of Africa and Asia write it, a town
# after a comma, or a flat and then the town: "Moi Avenue 45, Nairobi 00100", "Rothschild Blvd 22, Tel Aviv", "Herzl St
# 10, Haifa", "Sahaidachnoho St 14, apt 3, Kyiv 04070".
_NUMBER_AFTER_STREET_WORD = (
    rf"{_STREET_NAME}\s+(?:{STREET_WORDS})(?![\w-])(?:\s+{_NOT_A_YEAR}{HOUSE_NUMBER}(?![\w-])"
    rf"(?=(?:{_UNIT})?,\s*{_CAPITAL})"
    # Iran writes the house's "No." after the street and a comma, from the town down to the house: "Tehran, Enghelab
    # Sq., Karimkhan St., No. 12, Unit 3" (the comma and "No." say it is the house's, whatever follows).
    rf"|,\s+No\.\s*{HOUSE_NUMBER}(?![\w-]))"
)
# Korean road names: "45 Sejong-daero", "152 Teheran-ro", "25 Olympic-ro 35-gil".
# Korean order, the number after the road: "Teheran-ro 152", "Olympic-ro 35-gil 12".
_KOREAN_ROAD = rf"{_CAPITAL}[^\W\d_]+-(?:ro|gil|daero)(?:\s+\d{{1,3}}(?:beon)?-gil)?(?![\w-])"
_KOREAN_STREET = rf"(?:{HOUSE_NUMBER},?\s+{_KOREAN_ROAD}|{_KOREAN_ROAD}\s+{_NOT_A_YEAR}{HOUSE_NUMBER}(?![\w-]))"
# Colombian streets are numbered, and so is the house after "#": "Carrera 7 # 71-21", "Calle 10 # 43E-25".
_COLOMBIAN_STREET = (
    r"(?:Carrera|Cra\.?|Kr\.?|Calle|Cl\.?|Avenida|Av\.?|Transversal|Tv\.?|Diagonal|Dg\.?)\s+\d{1,3}[A-Z]?"
    r"(?:\s+(?:Bis|Sur))?\s*(?:#|No\.?|N[º°]\.?)\s*\d{1,3}[A-Z]?\s?-\s?\d{1,3}(?![\w-])"
)
# Vietnamese streets have no street word; the ward and the numbered district after them make the address: "45 Lê Lợi,
# Bến Nghé, Quận 1" (not "Q. 1", a quarter too). In English, without the marks, "District" says less ("12 New Features,
# District 3 fans"): the ward before it or the town after it make the address ("120 Le Loi, Ben Thanh Ward, District
# 1", "8 Tran Phu, Ward 4, District 5", "31 Pasteur, District 3, Ho Chi Minh City").
_VIETNAMESE_STREET = (
    rf"{HOUSE_NUMBER}\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}},\s*"
    rf"(?:(?:(?:(?:Phường|P\.)?\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}|(?:Phường|P\.)\s*\d{{1,2}}),\s*)?(?:Quận|Huyện)"
    rf"|(?:{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}\s+Ward|Ward\s*\d{{1,2}}),\s*District"
    rf"|District(?=\s*\d{{1,2}},\s*{_CAPITAL}))\s*\d{{1,2}}(?![\w-])"
)
# A German box number is written in pairs of digits: "Postfach 10 01 52". The box as each language names it: "Caixa
# Postal 2210", "Postbus 4410", "Casilla 302", "Apartado Postal 12", "Boîte postale 7", "Postboks 300", "S.L.P.
# 30124"; by a short word
# before the town and its postcode only ("BP 88, 69002 Lyon"; not "BP 500 stations").
_PO_BOX = (
    r"(?i:postfach\s+\d{2}(?:\s\d{2}){1,3}(?!\d)"
    r"|(?:p\.?\s?o\.?\s?box|post\s+office\s+box|postfach|apartado(?:\s+(?:de\s+correos|postal))?|casella\s+postale"
    # (Not a section's number: "el apartado 3.2.1 del contrato".)
    r"|caixa\s+postal|postbus|casilla(?:\s+de\s+correos?)?|bo[iî]te\s+postale|postboks|skrytka\s+pocztowa)\s+\d{1,6}"
    r"(?![.,]\d)"
    # Swahili "Sanduku la Posta", its box's number before the postcode or a comma: "S.L.P. 30124-00100, Nairobi",
    # "S.L.P. 9120, Dar es Salaam" (not a Spanish firm's "Abogados S.L.P. 15 horas").
    r"|s\.\s?l\.\s?p\.?\s+(?!(?:19|20)\d\d(?!\d))\d{1,6}(?=-\d{5}|,))"
    # The short words: "Box", Finnish "PL", Norwegian "PB", "Postbox", the French "BP"; the town and its postcode on
    # the box's line or the next: "Box 88, Kautokeino 9520", "PL 12\n33101 Tampere" (not "Box 3,
    # 2024 results", "PL 56 is the course code").
    rf"|(?:Box|PL|PB|Postbox|BP)[ \t]+\d{{1,6}}"
    rf"(?=(?:,?[ \t]+|,?[ \t]*\n[ \t]*)(?:{_NOT_A_YEAR}\d{{4,5}}[ \t]+{_CAPITAL}"
    rf"|{_TOWN}[ \t]+{_NOT_A_YEAR}\d{{4,5}}(?![\w-])))"
)
# "3-2-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo 160-0023": Japanese block numbers, the district, a ward or city (on the
# line after the district's in a postal block: "2-4-1 Kita-Aoyama\nMinato-ku, Tokyo"); the ward or city may be written
# in English ("1-2-3 Minami-Aoyama, Minato City, Tokyo") after three block numbers, for two are a score as well
# ("won 2-1 Chelsea, Leicester City").
_JAPANESE_BLOCK = (
    rf"(?:\d{{1,2}}-\d{{1,2}}(?:-\d{{1,3}})?,?\s+{_NAME_WORD}(?:-{_WORD})?(?:,\s*|[ \t]*\n[ \t]*)"
    rf"{_NAME_WORD}-(?:ku|shi|gun|machi|cho|chō"
    rf"|mura)|\d{{1,2}}-\d{{1,2}}-\d{{1,3}},?\s+{_NAME_WORD},\s*{_NAME_WORD}\s+(?:City|Ward))"
    # The city, then the prefecture, and the postcode: "..., Naka-ku, Nagoya, Aichi 460-0003".
    rf"(?![\w-])(?:(?:,\s*{_TOWN}){{1,2}}(?:\s+〒?\d{{3}}-\d{{4}})?)?"
)
# German streets named by a date or with an article, the street word first: "Straße des 17. Juni 135", "Platz des 18.
# März 1"; "Platz der Republik 1" with a postcode and town after it only ("Ring des Nibelungen 3" is an opera's
# act).
_GERMAN_STREET_OF_A_DATE = (
    r"(?:Straße|Strasse|Str\.|Platz|Allee|Ufer|Damm|Ring|Weg|Brücke|Chaussee|Markt)\s+(?:des|der|dem|den|zum|zur|vom)\s+"
    rf"(?:\d{{1,2}}\.\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}\s+{_NOT_A_YEAR}{HOUSE_NUMBER}(?![\w-])"
    rf"|{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}\s+{_NOT_A_YEAR}{HOUSE_NUMBER}(?=,?\s+\d{{5}}\s+{_CAPITAL}))"
)
# Not right after a time's colon ("14:30:00Z WARN the Wall Street Journal").
_ADDRESS = re.compile(
    rf"(?<![\w/.:-])(?:{_ENGLISH_STREET}|{_NUMBER_BEFORE_A_SUFFIXED_STREET}|{_SUFFIXED_STREET}|{_SEPARATE_STREET}"
    rf"|{_FRENCH_STREET}|{_SOUTHERN_STREET}|{_JAPANESE_BLOCK}|{_PO_BOX}){_REST_OF_ADDRESS}"
)
# Central America gives a house on a highway by its kilometre, the road named by the town it leads to: "Km 18.5
# Carretera a Fraijanes, ...", "Km. 7 Ruta al Atlántico".
_HIGHWAY_KILOMETRE = re.compile(
    rf"(?<![\w/.:-])(?i:km\.?|kilómetro)[ \t]*\d{{1,3}}(?:[.,]\d{{1,3}})?[ \t]+(?i:carretera|ruta|autopista|calzada)"
    rf"(?:[ \t]+(?:a|al|de|del|hacia))?(?:[ \t]+{_NAME_WORD}){{1,3}}{_REST_OF_ADDRESS}"
)
# The fifteenth round's shapes, each a detector of its own behind a test of the words it cannot match without: one
# more alternative of _ADDRESS, tried at every word of every text with a digit, cost a third of its time.
# A Turkish neighbourhood ("Mahallesi", "Mah.") before its street, named or numbered ("7. Sokak", "372 Sok."), and
# the house's "No": "Bahçelievler Mah. 7. Sokak No: 12 Daire: 3, 06490 Çankaya" (a province after "/" stays).
_TURKISH_NEIGHBOURHOOD_ADDRESS = re.compile(
    rf"(?<![\w/.:-]){_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}\s+(?:Mah\.|Mh\.|Mahallesi),?\s+"
    rf"(?:{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}|\d{{1,5}}\.?)\s+(?:Sokak|Sokağı|Sok\.|Sk\.|Caddesi|Cad\.|Cd\.|Bulvarı|Blv\.)"
    rf",?\s+No\s*[:.]?\s*{HOUSE_NUMBER}(?![\w-]){_REST_OF_ADDRESS}"
)
_GERMAN_DATE_ADDRESS = re.compile(rf"(?<![\w/.:-]){_GERMAN_STREET_OF_A_DATE}{_REST_OF_ADDRESS}")
_STREET_WORD_BEFORE_THE_NUMBER = re.compile(rf"(?<![\w/.:-]){_NUMBER_AFTER_STREET_WORD}{_REST_OF_ADDRESS}")
_NAMES_A_STREET_WORD = contains(
    "street",
    "st ",
    "st.",
    "road",
    "rd",
    "avenue",
    "ave",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "highway",
    "hwy",
    "parkway",
    "pkwy",
    "crescent",
    "cres",
    "terrace",
    "tce",
    "esplanade",
    "embankment",
    "promenade",
    "marg",
    "nagar",
    "strasse",
    "straße",
    "str.",
    "allee",
    "gasse",
    "weg",
)
# Russian and Ukrainian streets in Cyrillic, the street word before the name or after it, the house after "д." or a
# comma: "ул. Тверская, д. 7", "вул. Хрещатик, 22", "Невский проспект, д. 28".
_CYRILLIC_STREET_WORDS = (
    r"ул\.|улица|пр-т|просп\.|проспект|пер\.|переулок|наб\.|набережная|ш\.|шоссе|б-р|бульвар|пл\.|площадь|вул\.|вулиця"
)
_CYRILLIC_HOUSE = rf"(?:,?\s+(?:д\.|дом)\s*|,?\s+){HOUSE_NUMBER}(?![\w-])"
_CYRILLIC_ADDRESS = re.compile(
    rf"(?<![\w/.:-])(?:(?i:{_CYRILLIC_STREET_WORDS})\s+{_STREET_NAME}|{_STREET_NAME}\s+(?i:{_CYRILLIC_STREET_WORDS}))"
    rf"{_CYRILLIC_HOUSE}{_REST_OF_ADDRESS}"
)
_KOREAN_ADDRESS = re.compile(rf"(?<![\w/.:-]){_KOREAN_STREET}{_REST_OF_ADDRESS}")
_COLOMBIAN_ADDRESS = re.compile(rf"(?<![\w/.:-]){_COLOMBIAN_STREET}{_REST_OF_ADDRESS}")
_VIETNAMESE_ADDRESS = re.compile(rf"(?<![\w/.:-]){_VIETNAMESE_STREET}{_REST_OF_ADDRESS}")
# Vietnamese streets by their words: the house ("Số 12", "12A", "12/4"), the lanes it is down ("ngõ 45", "ngách 6",
# "hẻm 123", "kiệt 5"), the street's word before its name ("phố", "đường"), then the ward, district and city after
# commas, their words before them or not ("Số 8 ngõ 12 phố Hàng Bạc, Hoàn Kiếm, Hà Nội", "88 đường Lê Lợi, phường Bến
# Nghé, quận 1, TP. Hồ Chí Minh").
_VIETNAMESE_LANE = r"(?i:ngõ|ngách|hẻm|kiệt)[ \t]*\d{1,4}(?:/\d{1,4})?[A-Za-z]?(?![\w-])"
_VIETNAMESE_STREET_WORD = r"(?i:phố|đường|đ\.)"
_VIETNAMESE_PLACE_WORD = r"(?i:phường|xã|thị[ \t]trấn|quận|huyện|thị[ \t]xã|thành[ \t]phố|tp\.|tỉnh|p\.|q\.)"
_VIETNAMESE_STREET_BY_ITS_WORDS = re.compile(
    rf"(?<![\w/.:-])(?:(?i:số)[ \t]*)?{HOUSE_NUMBER}(?![\w-])"
    rf"(?:(?:[ \t]+{_VIETNAMESE_LANE}){{1,2}}(?:[ \t]+{_VIETNAMESE_STREET_WORD})?|[ \t]+{_VIETNAMESE_STREET_WORD})"
    rf"[ \t]+{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}}"
    rf"(?:,[ \t]*(?:{_VIETNAMESE_PLACE_WORD}[ \t]*)?(?:{_TOWN_WORD}(?:[ \t]+{_TOWN_WORD}){{0,3}}|\d{{1,2}}(?![\w-])))*"
)
# Japanese blocks in Latin letters written after their district, or with the word "chome": "Sakae 3-5-12, Naka-ku,
# Nagoya", "4 chome-2-8 shibakoen minato city tokyo 105-0011", "1-chome-9 Tenjin, Chuo Ward, Fukuoka". The district
# and then a ward or city in English ("Sakae 3-5, Naka Ward") only with three block numbers, for two are a score as
# well.
_ROMAJI_WORD = r"[^\W\d_][^\W\d_'’-]*(?:-[^\W\d_]+)*"
_JAPANESE_BLOCK_AFTER_ITS_DISTRICT = re.compile(
    rf"(?<![\w/.:-])(?:{_NAME_WORD}(?:-{_WORD})?\s+(?:\d{{1,2}}-\d{{1,2}}(?:-\d{{1,3}})?,\s*{_NAME_WORD}-(?:ku|shi|gun|machi"
    rf"|cho|chō|mura)|\d{{1,2}}-\d{{1,2}}-\d{{1,3}},\s*{_NAME_WORD}\s+(?:City|Ward))(?![\w-])"
    rf"|(?i:\d{{1,2}}[- ]?chome(?:-\d{{1,4}}){{1,2}})(?:,?\s+{_ROMAJI_WORD}){{1,4}})"
    rf"(?:,\s*{_ROMAJI_WORD}(?:\s+{_ROMAJI_WORD}){{0,2}}){{0,3}}(?:,?\s+〒?\d{{3}}-\d{{4}}(?![\w-]))?"
)
# Japanese and Chinese addresses as they are written, from the largest place to the house, with no space
# (full-width digits and dashes read as ASCII ones): "〒150-0002 東京都渋谷区渋谷2-21-1",
# "大阪市北区梅田3丁目1番1号": a city, ward, town or village and the block numbers after the district;
# "上海市浦东新区世纪大道100号", "台北市信義區信義路五段7號": a street word and the house's number.
# "道" is a road after a city or district only ("频道3号" is a channel). With no space between words, the first
# place starts after what is not a Han character, after a word announcing it ("寄到", "住在", "地址", "住所")
# or after a larger place, and a place's name is one to three characters before its "市" or "区" (one to four
# in Japan): "寄到北京市" leaves "寄到", "本社東京都港区" leaves "本社東京都".
_HAN = r"[\u4e00-\u9fff々]"
_KANJI_OR_KANA = r"[\u4e00-\u9fff々\u3041-\u3096\u30a1-\u30fa\u30fc]"
_HAN_ADDRESS_START = r"(?:(?<![\u4e00-\u9fff々])|(?<=[到在于至址所省市区县區縣都道府県]))"
# After the block numbers, the building's line, after a space or not: its name, ending with its building word,
# and the floor or the room ("○○マンション405号室", "グランドハイツ 201", "サッポロビル5階"), or any name before
# a room by its word ("メゾン青山 302号室"); a building named with no floor or room stays ("1-2-3のビル").
_JAPANESE_BUILDING_NAME = r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff々A-Za-zＡ-Ｚａ-ｚ○◯●・]"
_JAPANESE_BUILDING_WORDS = (
    r"マンション|ハイツ|ビル|コーポ|レジデンス|アパート|荘|タワー|ハウス|パレス|コート|ヒルズ|メゾン|棟|館"
)
_JAPANESE_ROOM = r"(?:\d{1,3}(?:階|F)[ \t\u3000]*(?:\d{1,4}(?:号室|号)?)?|\d{1,4}(?:号室|号)?)"
_JAPANESE_BUILDING_LINE = (
    rf"(?:[ \t\u3000]*{_JAPANESE_BUILDING_NAME}{{0,15}}?(?:{_JAPANESE_BUILDING_WORDS})[ \t\u3000]*{_JAPANESE_ROOM}"
    rf"|[ \t\u3000]*{_JAPANESE_BUILDING_NAME}{{1,15}}?[ \t\u3000]*\d{{1,4}}号室)(?![\d-])"
)
# Sapporo numbers its blocks by their row ("条") before the block: "北1条西2-1".
_JAPANESE_ADDRESS_IN_KANJI = re.compile(
    rf"(?:〒\s?\d{{3}}-\d{{4}}\s*)?{_HAN_ADDRESS_START}(?:{_HAN}{{2,3}}[都道府県])?(?:{_HAN}{{1,4}}?[市区町村郡]){{1,2}}"
    rf"{_KANJI_OR_KANA}{{0,12}}?(?:\d{{1,2}}条{_KANJI_OR_KANA}{{0,3}})?\d{{1,4}}(?:丁目|-)\d{{1,4}}(?:番地?|-)?(?:\d{{1,4}}号?)?"
    rf"(?![\d-])(?:{_JAPANESE_BUILDING_LINE})?"
)
_CHINESE_PLACE = rf"{_HAN}{{1,3}}?(?:省|自治区|市|区|县|區|縣)"
_CHINESE_ADDRESS = re.compile(
    rf"{_HAN_ADDRESS_START}(?:(?:{_CHINESE_PLACE})+{_HAN}{{1,8}}?(?:路|街|大道|大街|道|巷|弄|胡同)|{_HAN}{{1,8}}?(?:路|街|大道|大街|巷|弄|胡同))"
    r"(?:[一二三四五六七八九十\d]{1,3}段)?(?:\d{1,4}[巷弄])*\d{1,5}[号號]"
    r"(?:\d{1,4}(?:号楼|號樓|栋|棟|单元|單元|楼|樓|层|層|室))*"
    # The building's name after the number, its floor and room: "...88号圣爱大厦1702室"; the postcode after it: "，邮编
    # 200030".
    rf"(?:{_HAN}{{1,8}}?(?:大厦|大廈|大楼|大樓|广场|廣場|中心|花园|花園|小区|小區|公寓)(?:\d{{1,4}}(?:号楼|號樓|栋|棟|单元|單元|楼|樓|层|層|室))*)?"
    r"(?:[，,][ \t]*(?:邮编|郵編)[：:]?[ \t]*\d{6})?"
)
# Addresses in Greek, Hebrew, Arabic and Persian, Korean and Thai, as each script writes them: a street word of its
# own ("Οδός", "Λεωφ.", "רחוב", "שדרות", "شارع", "خیابان", "로", "ถนน"), the house's number, and what follows in
# the same script (a flat or floor, the town, the postcode), from one separator to the next; a street named with no
# number ("Οδός Ερμού", "شارع التحلية") is no address. Digits of every script count ("پلاک ۱۲").
_SEGMENT_SEPARATOR = r"(?:\s*[,،]\s*|\s+)"
_NATIVE_NUMBER = r"\d{1,5}(?:[-/]\d{1,5})?[א-תΑ-Ωα-ω]?(?![\w-])"
# Greek, with Cyprus's and Greece's postcodes ("1077 Λευκωσία", "105 63 Αθήνα").
_GREEK_WORD = r"[Α-ΩΆ-Ώ][α-ωά-ώΐΰϊϋ]+\.?"
_GREEK_STREET_WORDS = r"Οδός|Οδ\.|Λεωφόρος|Λεωφ\.|Πλατεία|Πλ\.|Πάροδος|Παρ\."
_GREEK_UNITS = r"(?:Διαμ\.|Διαμέρισμα|Όροφος|Όρ\.|όροφος|Γραφείο|Κτίριο)\s*\d{1,4}[Α-Ωα-ω]?"
# A town's name, which no full stop ends (that of the sentence).
_GREEK_TOWN = r"[Α-ΩΆ-Ώ][α-ωά-ώΐΰϊϋ]+(?:\s+[Α-ΩΆ-Ώ][α-ωά-ώΐΰϊϋ]+)?"
_GREEK_PLACE = rf"(?:\d{{3}}\s?\d{{2}}|\d{{4}})\s+{_GREEK_TOWN}|{_GREEK_TOWN}\s+\d{{3}}\s?\d{{2}}"
_GREEK_ADDRESS = re.compile(
    rf"(?<![\w/.:-])(?:{_GREEK_STREET_WORDS})\s+{_GREEK_WORD}(?:\s+{_GREEK_WORD}){{0,2}}\s+{_NATIVE_NUMBER}"
    rf"(?:,\s*(?:{_GREEK_UNITS}|{_GREEK_PLACE})){{0,4}}"
)
# A Greek street with no street word ("Ερμού 45, 105 63 Αθήνα", "Μακαρίου 12, 3025 Λεμεσός"): with a postcode, of
# Greece or of Cyprus, and a town in Greek after it.
_GREEK_STREET_OF_ITS_OWN_NAME = re.compile(
    rf"(?<![\w/.:-]){_GREEK_WORD}(?:\s+{_GREEK_WORD}){{0,2}}\s+{_NATIVE_NUMBER},\s*(?:\d{{3}}\s?\d{{2}}|{_NOT_A_YEAR}\d{{4}})"
    rf"\s+{_GREEK_TOWN}"
)
# Hebrew, with Israel's seven digits or five ("תל אביב 6688201").
_HEBREW_WORD = r"[א-ת][א-ת'׳\"״-]*"
_HEBREW_STREET_WORDS = r"רחוב|רח['׳]|שדרות|שד['׳]|דרך|סמטת|כיכר|שכונת"
_HEBREW_UNITS = r"(?:דירה|קומה|כניסה|בניין|מיקוד)\s*\d{1,7}"
# A town without its postcode only where the clause ends ("..., תל אביב." but not "..., אבל לא").
_CLAUSE_ENDS_HERE = r"(?=\s*(?:$|\n|[.;!?؛)]))"
# Where no capital ends a street's name, its number ends its segment: "רחוב הרצל סגור עד 10" is no house.
_NUMBER_ENDS_THE_STREET = r"(?=\s*(?:$|\n|[,،.;؛)]|\s(?:דירה|קומה|כניסה)))"
_HEBREW_PLACE = rf"{_HEBREW_WORD}(?:\s+{_HEBREW_WORD}){{0,2}}(?:\s+\d{{5}}(?:\d{{2}})?(?![\w-])|{_CLAUSE_ENDS_HERE})"
# The flats, floors, postcode and town after the street's number: ", דירה 4, חיפה", " דירה 4", ", תל אביב 6433222".
_HEBREW_UNITS_AND_PLACE = (
    rf"(?:(?:,\s*|\s+){_HEBREW_UNITS}|,\s*\d{{5}}(?:\d{{2}})?(?![\w-]))*(?:,\s*(?:{_HEBREW_PLACE}))?"
)
# Hebrew writes "to", "in", "from" and "the" as one letter glued to the street word ("לשדרות רוטשילד 22").
_HEBREW_ADDRESS = re.compile(
    rf"(?:(?<![\w/.:-])|(?<=(?<![\w/.:-])[בלמהוכש]))(?:{_HEBREW_STREET_WORDS})\s+{_HEBREW_WORD}(?:\s+{_HEBREW_WORD}){{0,2}}"
    rf"\s+{_NATIVE_NUMBER}{_NUMBER_ENDS_THE_STREET}{_HEBREW_UNITS_AND_PLACE}"
)
# A street with no street's word, its number, then a flat, a floor or an entrance, and the town, as an address alone
# is written ("דיזנגוף 120, דירה 8, תל אביב 6433222"; "קבעתי ל-10 דירה" is no address); not a room, a hall, a gate, a
# lab, a class, a terminal, a ward or a parking bay of a building ("חדר 3 קומה 2, במחלקה הפנימית.").
_HEBREW_ROOMS = r"חדר|אולם|שער|מעבדה|כיתה|טרמינל|מחלקה|חניה|חניון|בניין|רציף|שורה|מושב|דלפק|ביתן|אגף"
_HEBREW_STREET_OF_ITS_OWN_NAME = re.compile(
    rf"(?<![\w/.:-])(?!(?:{_HEBREW_ROOMS})\s){_HEBREW_WORD}(?:\s+{_HEBREW_WORD})?\s+\d{{1,4}}(?:,\s*|\s+){_HEBREW_UNITS}"
    rf"(?:(?:,\s*|\s+){_HEBREW_UNITS})*,\s*{_HEBREW_PLACE}"
)
# Arabic and Persian: a district, street or building word and its name or number, segment after segment between
# commas ("حي العليا، شارع التحلية، مبنى 4321، الرياض 12241", "تهران، خیابان ولیعصر، کوچه لاله، پلاک ۱۲"), then
# the district and town, with the postcode or where the clause ends ("15 شارع التحرير، الدقي، الجيزة."); a town
# may open it (Iran writes from the largest place). A street's word and a number (see _native_address).
_ARABIC_WORD = r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff][\u0621-\u065f\u0670-\u06d3\u06fa-\u06ff\u200c]*"
_ARABIC_STREET_WORDS = r"شارع|طريق|حي|خیابان|خيابان|کوچه|كوچه|بلوار|میدان|ميدان|محله|جادة|زقاق"
_ARABIC_BUILDING_WORDS = r"مبنى|عمارة|بناية|شقة|الطابق|طابق|فيلا|منزل|پلاک|پلاك|واحد|طبقه|ساختمان"
_ARABIC_SEPARATOR = r"\s*[،,]\s*"
_ARABIC_SEGMENT = (
    rf"(?:(?:\d{{1,5}}\s+)?(?:{_ARABIC_STREET_WORDS})\s+{_ARABIC_WORD}(?:\s+{_ARABIC_WORD}){{0,2}}"
    rf"(?:\s+\d{{1,5}}{_NUMBER_ENDS_THE_STREET})?"
    rf"|(?:{_ARABIC_BUILDING_WORDS})\s*\d{{1,6}}(?:[-/]\d{{1,5}})?(?![\w-]))"
)
_ARABIC_TOWNS = (
    rf"(?:{_ARABIC_SEPARATOR}{_ARABIC_WORD}(?:\s+{_ARABIC_WORD})?){{1,3}}"
    rf"(?:\s+\d{{5}}(?:-\d{{4}})?(?![\w-])|{_CLAUSE_ENDS_HERE})"
)
_ARABIC_ADDRESS = re.compile(
    rf"(?<![\w/.:-])(?:{_ARABIC_WORD}{_ARABIC_SEPARATOR}(?=(?:{_ARABIC_STREET_WORDS})\s))?{_ARABIC_SEGMENT}"
    rf"(?:{_ARABIC_SEPARATOR}{_ARABIC_SEGMENT}){{0,5}}(?:{_ARABIC_TOWNS})?"
)
_ARABIC_STREET_WORD = re.compile(rf"(?<![\w])(?:{_ARABIC_STREET_WORDS})\s")
# Korean road-name addresses: a city or province, its district, the road ("로", "길", "번길") and the building's
# number, then a floor, a flat or a building ("4층", "1203호", "101동"), the building's name before them after a
# comma (", 한빛타워 7층"; not a word of the sentence: "152 에서 3층"), and the neighbourhood in brackets.
_HANGUL_WORD = r"[가-힣]+"
# A building's name, its block ("동"), floor ("층") and flat ("호") after a Korean address, a particle after it allowed:
# ", 메세나폴리스 1203호", " 해운대아파트 102동 1503호로"; a name after a space only with a building's word ("아파트",
# "타워", "파크": "152 에서 3층" is a sentence's).
_KOREAN_BUILDING_WORDS = r"아파트|빌딩|타워|빌라|맨션|오피스텔|센터|파크|하이츠|캐슬|팰리스|프라자|플라자"
_KOREAN_BUILDING_AND_FLAT = (
    rf"(?:(?:,\s*{_HANGUL_WORD}(?:\s{_HANGUL_WORD})?\s?|\s+{_HANGUL_WORD}(?:{_KOREAN_BUILDING_WORDS})\s?|,?\s*)"
    r"\d{1,4}(?:동|층|호)(?:\s*\d{1,5}호)?(?![\dA-Za-z-]))*"
)
_KOREAN_ROAD_ADDRESS = re.compile(
    rf"(?<![\w/.:-])(?:{_HANGUL_WORD}(?:특별시|광역시|특별자치시|특별자치도|도|시)\s+)?(?:{_HANGUL_WORD}(?:시|군|구)\s+){{1,2}}"
    rf"(?:{_HANGUL_WORD}(?:읍|면)\s+)?[가-힣\d]+(?:로|길)(?:\s?\d{{1,3}}(?:번길|가길|길))?\s+\d{{1,5}}(?:-\d{{1,4}})?(?![\w-])"
    rf"{_KOREAN_BUILDING_AND_FLAT}"
    r"(?:\s*\([가-힣]+동(?:,\s*[가-힣\w]+)?\))?"
    # The postcode in brackets after it: "... 1203호 (04036)".
    r"(?:\s*\(\d{5}\))?"
)
# Korean addresses by the lot's number (지번): the city, district and neighbourhood ("동", "리", "가"), the lot, then
# the building, its block and the flat: "부산광역시 해운대구 우동 1408-5, 해운대아파트 102동 1503호".
_KOREAN_LOT_ADDRESS = re.compile(
    rf"(?<![\w/.:-])(?:{_HANGUL_WORD}(?:특별시|광역시|특별자치시|특별자치도|도|시)\s+)?(?:{_HANGUL_WORD}(?:시|군|구)\s+){{1,2}}"
    rf"(?:{_HANGUL_WORD}(?:읍|면)\s+)?{_HANGUL_WORD}(?:동|리|가)\s+(?:산\s?)?\d{{1,5}}(?:-\d{{1,4}})?(?![\w-])"
    rf"{_KOREAN_BUILDING_AND_FLAT}(?:\s*\(\d{{5}}\))?"
)
# Thai: the house's number and the parts of the address by their words, glued to their names ("หมู่ 5",
# "ซอยสุขุมวิท 21", "ถนนเทพารักษ์", "ตำบลบางพลีใหญ่", "อำเภอบางพลี", "จังหวัดสมุทรปราการ", Bangkok's "แขวง" and
# "เขต"), then the postcode: three parts, or the house's number and two.
_THAI_NAME = r"[\u0e01-\u0e4e]+"
_THAI_PART = (
    rf"(?:หมู่(?:ที่)?\s*\d{{1,3}}|ม\.\s*\d{{1,3}}|(?:ซอย|ซ\.)\s*{_THAI_NAME}(?:\s?\d{{1,4}}(?:/\d{{1,4}})?)?"
    rf"|(?:ถนน|ถ\.|ตำบล|ต\.|แขวง|อำเภอ|อ\.|เขต|จังหวัด|จ\.)\s*{_THAI_NAME}|กรุงเทพ(?:มหานคร|ฯ)?)"
)
_THAI_ADDRESS = re.compile(
    rf"(?<![\w/.:-])(?:(?:บ้านเลขที่|เลขที่)\s*)?(?:\d{{1,5}}(?:/\d{{1,4}})?\s+{_THAI_PART}(?:\s+{_THAI_PART}){{1,7}}"
    rf"|{_THAI_PART}(?:\s+{_THAI_PART}){{2,7}})(?:\s+\d{{5}}(?![\w-]))?"
)
_NATIVE_ADDRESSES = (
    (_GREEK_ADDRESS, ("οδ", "λεωφ", "πλ", "παρ")),
    (_GREEK_STREET_OF_ITS_OWN_NAME, tuple("αεηιουω")),
    (_HEBREW_ADDRESS, ("רח", "שד", "דרך", "סמטת", "כיכר", "שכונת")),
    (_HEBREW_STREET_OF_ITS_OWN_NAME, ("דירה", "קומה", "כניסה")),
    (_ARABIC_ADDRESS, ("شارع", "طريق", "حي", "خیابان", "خيابان", "کوچه", "كوچه", "بلوار", "میدان", "ميدان",
                       "مبنى", "عمارة", "شقة", "پلاک", "پلاك", "زقاق", "جادة")),
    (_KOREAN_ROAD_ADDRESS, ("로", "길")),
    (_KOREAN_LOT_ADDRESS, ("동", "리", "가")),
    (_THAI_ADDRESS, ("หมู่", "ม.", "ซอย", "ซ.", "ถนน", "ถ.", "ตำบล", "ต.", "แขวง", "อำเภอ", "อ.", "เขต", "จังหวัด")),
)  # fmt: skip
# "Damrak 62, 1012 LM Amsterdam", "Rynek 5, 31-042 Kraków", "Marktplatz 1, 12345 Musterstadt": a street with no
# street word is an address when a postcode and a town follow it, a postcode written only as postcodes are (Dutch,
# Polish, Portuguese, Swedish), or 4-5 digits where a word announces an address ("ship to", "address:"); or 3-5
# digits where neither the street's words nor the town's are English ones ("Laugavegur 54, 101 Reykjavík", "Duottar
# 5, 9730 Karasjok"; not "Windows 11, 2024 Update", "Room 12, 300 Guests"); on the next line of a postal block too,
# and after the abbreviated word of an estate or an alley ("os. Kwiatowe 7/12\n60-101 Poznań"). Its words stay on
# one line (a name on the line above is no street's), German and Romance articles inside ("Auf der Höhe 12", "Pedro de
# Valdivia 100"). A flat or floor may come between the house and the postcode ("Patision 45, 2nd floor, 104 34
# Athens"); with a flat, the towns after commas to the end of the sentence, no postcode among them, make an address
# where no word of them is English ("Los Militares 5600, depto 41, Las Condes, Santiago"; not "Windows 11, Suite 3,
# Redmond").
_STREET_ARTICLES = frozenset(["los", "las", "el", "la", "les", "le", "del", "de", "da", "do", "dos", "das", "di"])
_POSTCODE_OF_ITS_OWN = r"\d{4}\s?[A-Z]{2}(?![\w-])|\d{2}-\d{3}|\d{4}-\d{3}|\d{3}\s\d{2}"
_UNNAMED_STREET = re.compile(
    rf"(?<![\w/.-])(?:[a-z]{{1,4}}\.[ \t]+)?"
    r"(?P<german>(?=(?:Am|An|Auf|Im|In|Zum|Zur|Unter|Hinter|Vor)\s))?"
    rf"(?P<street>{_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|der|den|dem|des|de|del|da|do|dos|di)){{0,2}})[ \t]+"
    rf"{HOUSE_NUMBER}(?![\w-])"
    rf"(?P<units>(?:{_UNIT}){{0,2}})"
    rf"(?:(?:,\s*|[ \t]*\n[ \t]*)(?:(?P<own>{_POSTCODE_OF_ITS_OWN})|(?P<digits>\d{{3,5}}))\s+(?P<town>{_TOWN})"
    rf"|(?P<towns>(?:,[ \t]*{_TOWN}){{1,3}}){_SENTENCE_ENDS_AFTER_A_PLACE})"
)
# A British or an Australian street of its own name with no street word ("14 Kingsway", "3 Broadgate", "5 Ffordd y
# Castell", "48 Hindley Arcade"): with the town and postcode after it, a British one or an Australian state's and its
# four digits ("Adelaide SA 5000"), a locality between them ("8 Wool Yard, Canal Road, Bradford BD2 1AB"). Found from
# the house number's first digit (see _LOWER_ADDRESS). The town and the postcode may be lines of a postal block of their
# own ("4 Heol y Coed\nCardiff\nCF14 6HL").
_UK_POSTCODE = rf"{_BRITISH_POSTCODE}(?![\w-])"
_AUSTRALIAN_POSTCODE = r"(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)\s+\d{4}(?![\w-])"
# A British or Canadian postcode or an Irish Eircode is one number: "Wexford Y35 K2P1", "Leeds LS6 3AA".
_LETTERED_POSTCODE = rf"{_UK_POSTCODE}|{_EIRCODE}(?![\w-])|{_CANADIAN_POSTCODE}(?![\w-])"
# Greece writes its streets so too, the house's number first and the postcode of three digits and two after the town
# ("5 Ermou, Athens 105 63"), where no word of the street is English ("3 Little Pigs, Leeds 123 45" is none).
_STREET_OF_ITS_OWN_NAME = re.compile(
    rf"\d(?<![\w/.:-]\d){_AFTER_FIRST_DIGIT}\s+(?P<street>{_NAME_WORD}(?:\s+(?:(?:y|yr|an|de|la)\s+)?{_NAME_WORD}){{0,2}})"
    rf"(?:,\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})?(?:,\s*|[ \t]*\n[ \t]*){_TOWN},?\s+"
    rf"(?:{_UK_POSTCODE}|{_AUSTRALIAN_POSTCODE}|(?P<greek_postcode>\d{{3}}[ \t]\d{{2}}(?![\w-])))"
)
# Most of Europe writes the street's name before the house's number and the postcode before the town, with no street
# word an English reader would know: "Ithakis 22, 11251 Athens", "Kase tn 5-12, 10125 Tallinn", "Pihlajakuja 8 A 4,
# 00270 Helsinki", "Lingonstigen 41, lgh 1203, 117 58 Stockholm", "Liepų g. 24-7, LT-10312 Vilnius", "ul. Kwiatowa
# 5/3, 00-950 Warszawa". An address where the town is a city of the gazetteer that ends the sentence or a clause, and
# a word of the street no English word (:func:`_street_number_postcode_town`): "Windows 11, 2024 London" is none.
_STREET_NUMBER_POSTCODE_TOWN = re.compile(
    rf"(?<![\w/.:-])(?P<street>(?:(?:[a-z]{{1,3}}\.|via|viale|vicolo|piazza|corso|rue|calle|avenida|rua|travessa)"
    rf"[ \t]*)?{_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|[a-z]{{1,3}}\.?)){{0,3}})"
    rf"[ \t]+{HOUSE_NUMBER}(?:[ \t]+[A-Z](?:[ \t]+\d{{1,3}})?)?(?![\w-])(?:,[ \t]*[^,\n]{{1,20}})?,[ \t]*"
    rf"(?:[A-Z]{{1,2}}-)?(?:(?!(?:19|20)\d\d[ \t])\d{{4,5}}|\d{{3}}[ \t]\d{{2}}|\d{{2}}-\d{{3}})[ \t]+(?P<town>{_TOWN})"
    # The town ends the address, or its country follows, or a dash sets the rest apart ("Ilica 45, 10000 Zagreb -
    # dostava ..."): "Radeon 7900, 2024 Tokyo showcase" is none.
    r"(?=[ \t]*(?:[,.;:!?)\n]|$)|[ \t]+[-–—][ \t])"
)
_WEAK_ADDRESS = re.compile(rf"(?<![\w/.:-])(?P<street>{_ENGLISH_WEAK_STREET}){_REST_OF_ADDRESS}")
# Building words that are nobody's surname name a building on their own ("Sakura Mansion, 5-10-2 Nishi-Shinjuku");
# the others ("Court", "Hall", "House") after a flat or floor only ("FLAT 7 HOLLY COURT 45 QUEENS ROAD"): "I met Tom
# Hall, 12 Baker Street is his home" keeps the name.
_BUILDING_WORDS = (
    r"Tower|Towers|Mansion|Mansions|Building|Plaza|Centre|Center|Gardens|Residency|Apartments|Apts|Heights|Complex"
    # Philippine condominiums: "Grass Residences", "Avida Towers", "Salcedo Suites".
    r"|Estate|Cottage|Rectory|Xiaoqu|Residences|Condominium|Condominiums|Suites"
)
_NAMED_BUILDING_OF_ITS_OWN = (
    rf"(?:{_NAME_WORD}[ \t]+){{0,3}}(?i:{_BUILDING_WORDS})(?![\w-])"
    rf"|(?:Résidence|Residence|Edificio|Edif\.|Immeuble)(?:[ \t]+{_NAME_WORD}){{1,3}}"
)
# A landmark the address is given by, as Nigeria, Ghana, India and Pakistan write it between its parts: "Plot 14,
# opposite Total filling station, Lekki-Epe Expressway", "opp. Reliance Fresh", "behind the mosque, House 22", "near
# Jamia Masjid". Its words are no pronoun, question word or verb of the sentence ("near where I work" is no landmark),
# and it stands between the address's commas (see where it is used).
_LANDMARK_WORD = (
    r"(?!(?i:the|a|an|my|your|our|his|her|their|its|i|we|you|he|she|they|it|me|us|them|where|what|which|who|when|how"
    r"|is|are|was|were|be|and|or|but|to|in|on|at|for|with|by|from|that|this|there|here)(?![\w'’-]))"
    r"[^\W\d_][^\W\d_'’.-]*(?:['’-][^\W\d_]+)*\.?"
)
_LANDMARK = (
    r"(?<![\w'’-])(?i:opposite|opp\.?|near|nr\.|behind|beside|next[ \t]+to|adjacent[ \t]+to|close[ \t]+to"
    r"|in[ \t]+front[ \t]+of|across[ \t]+from|facing|off)"
    rf"(?:[ \t]+(?i:the|a))?(?:[ \t]+{_LANDMARK_WORD}){{1,4}}(?![\w'’-])"
)
# Islamabad's sectors and their sub-sectors are a letter and numbers: "F-7/2", "I-9/3", "G-10"; after a part's word
# they are its number ("Sector H-11/2", "Block C-4"); alone, with the sub-sector's slash ("House 34, Street 11\nG-9/4,
# Islamabad") or before the sector's "Markaz" (its commercial centre: "Plot 25, I-8 Markaz"), a part of their own
# (a fighter jet's "F-16" or a highway's "I-95" has neither).
_SECTOR = r"[A-Z]-\d{1,2}(?:/\d{1,2})?(?![\w/-])"
_SUB_SECTOR = re.compile(r"(?i:sector)[ \t]+[A-Z]-\d{1,2}/\d")
_SECTOR_ALONE = re.compile(r"(?<![\w/.:-])[A-Z]-\d{1,2}(?:/\d{1,2}(?![\w/-])|[ \t]+Markaz(?![\w-]))")
# Indian addresses: a house, flat or plot number ("House No. 45", "Flat 302", "Plot 7", "#12", "B-14"), its
# localities and town, and a six-digit PIN code or a numbered locality ("Sector 21", "Road No. 12", "12th Cross",
# "3rd Main"): "House No. 45, Sector 21, Gurugram 122001", "B-14, Lajpat Nagar II, New Delhi 110024", "Plot 7, Road
# No. 12, Banjara Hills, Hyderabad". Thai houses are numbered the same way, the soi right after them: "45/7 Moo 2",
# "99/12 Sukhumvit Soi 31, Khlong Toei Nuea, Bangkok 10110", the soi's word before its name too ("45/6 Soi Ari 4",
# "12 Soi Ratchadaphisek 36, Chatuchak, Bangkok 10900", or after the road's name: "8 Ratchadaphisek Soi 3, ..."; the
# number needs no slash there).
_INDIAN_HOUSE = (
    # The door's number alone after "No." too, before the numbered cross or main road as Bengaluru writes it ("No. 4,
    # 2nd Main, Jayanagar") or before a landmark ("No. 12, behind First Bank"), but not Taiwan's "No. 9, Lane 31, Sec.
    # 1" (a lane and section after it, the lane's and section's detector's); Ghana's and Nigeria's "Hse No. 14", "H/No.
    # 23".
    r"(?:(?:(?:House|Hse\.?|H\.|H/No\.?|Flat|Plot|Lot|Door|Shop|Villa)\s*(?:No\.?|Number|#)?\s*|#\s*|[A-Z]{1,2}[-/]"
    rf"|No\.\s*(?=\d{{1,5}}[A-Z]?,\s*(?:{_ORDINAL}\s+(?:Cross|Main)(?![\w-])|{_LANDMARK})))"
    rf"\d{{1,5}}[A-Z]?(?:[-/](?:\d{{1,4}}[A-Z]?|[A-Z](?![\w-])))*"
    rf"|\d{{1,4}}/\d{{1,4}}[A-Z]?(?:\s+Moo\s+\d{{1,2}}|\s+(?:{_NAME_WORD}\s+)?Soi\s+\d{{1,3}})?"
    rf"|\d{{1,4}}(?:/\d{{1,4}})?[A-Z]?\s+(?:Soi\s+{_NAME_WORD}(?:\s+{_NAME_WORD})?|{_NAME_WORD}\s+Soi)\s+\d{{1,3}}"
    r"(?![\w/-]))"
)
_NUMBERED_LOCALITY = re.compile(
    # An Islamabad sector by its word, its sub-sector after a slash: "Sector 21", "Sector E-11/4".
    rf"Sector\s+(?:\d{{1,3}}[A-Z]?|{_SECTOR})|(?:Road|Street|Lane|Cross|Main)\s+(?:No\.?\s*)?\d{{1,3}}[A-Z]?"
    rf"|[A-Z]-\d{{1,2}}(?:/\d)?|Moo\s+\d{{1,2}}|(?:{_NAME_WORD}\s+)?Soi\s+\d{{1,3}}"
    # A Dhaka area and its numbered part: "Gulshan-1", "Mirpur-10", "Uttara Sector-7" (not a sector's letter before
    # its sub-sector: "Sector E-11/4").
    rf"|(?:{_NAME_WORD}\s+)?{_NAME_WORD}-\d{{1,2}}(?![\w/-])"
    rf"|{_ORDINAL}\s+(?:Cross|Main|Road|Street|Lane|Block|Stage|Phase|Sector)(?:\s+Road)?"
)
_INDIAN_ADDRESS = re.compile(
    # A locality's numbered stage or phase: "Indiranagar 2nd Stage", "JP Nagar 7th Phase".
    rf"(?<![\w/.:-]){_INDIAN_HOUSE}(?P<localities>(?:,\s*(?:{_NUMBERED_LOCALITY.pattern}|{_LANDMARK}"
    # The town's last word on its line: "Accra\nTel. below" leaves the next line's.
    rf"|{_TOWN}(?:\s\d{{1,2}}(?!\d)|\s{_ORDINAL}\s(?:Stage|Phase|Block|Sector|Layout)(?![\w-])|[ \t]{_TOWN_WORD})?"
    # A Malaysian postcode before its town, the village's long name before it: "Lot 12, Kampung Baru Sungai Buloh,
    # 47000 Sungai Buloh".
    rf"|(?P<postcode_first>{_NOT_A_YEAR}\d{{5}})\s+(?P<town_after_its_postcode>{_TOWN})))"
    # Or a Ghanaian digital address after the town, as a PIN code: "Plot 7, Dzorwulu, Accra (GA-112-3349)".
    rf"{{1,6}})(?:,?\s+(?P<pin>\d{{6}}|\d{{3}}\s\d{{3}}|\d{{4,5}}|{_GHANA_DIGITAL_ADDRESS}|\({_GHANA_DIGITAL_ADDRESS}\)))?"
    r"(?![\w-])"
)
# Addresses written in lower case, as chat is ("56 pine st apt 3 seattle wa 98101", "i live at 9 rue de rivoli"):
# the street word alone says too little there ("a 2 way street", "moved to 1 shared drive"), so a state and ZIP code
# or a postcode after the street, or "ship to", "live at", "address is" right before it, make it an address.
# A word of the street's name, not a word of the sentence ("send it to 5 people at the park").
_LOWER_WORD = (
    r"(?!(?:the|a|an|at|of|in|on|to|for|and|or|my|your|our|their|his|her|its|this|that|with|from|by)\s)"
    r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
)
# A town in lower case, of two words at most, with its district's number: "dublin 6", "lagos", "port harcourt".
_LOWER_TOWN = r"[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+)?(?:[ \t]+\d{1,2})?(?![\w-])"
# Where it ends: the clause's end, or a word of thanks or haste after it ("..., dublin 6 thanks").
_THANKS_AND_HASTE = ("thanks", "thank", "thx", "pls", "plz", "please", "asap", "cheers")
_LOWER_TOWN_ENDS = rf"(?=[ \t]*(?:[,.;!?)\n]|$)|[ \t]+(?:{'|'.join(_THANKS_AND_HASTE)})(?![\w-]))"
# A US state's code and a ZIP code ("wa 98101"; not "is 12000"), an Australian state's and a postcode ("wa 6053"), a
# British or a Canadian postcode.
_LOWER_LETTERED_POSTCODE = r"[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}|[a-z]\d[a-z]\s?\d[a-z]\d"
# A Canadian province's code before its postcode: "toronto on m5h 2n2".
_LOWER_POSTCODE = (
    rf"(?i:(?:{US_STATE_CODES})\s+\d{{5}}(?:-\d{{4}})?|(?:nsw|vic|qld|wa|sa|tas|act|nt)\s+\d{{4}}"
    rf"|(?:(?:{CANADIAN_PROVINCE_CODES})\s+)?(?:{_LOWER_LETTERED_POSTCODE}))"
    r"(?![\w-])"
)
# Found from the house number's first digit, which a search skips to at C speed, looking back from it: a pattern
# starting with the look-behind is tried at every character.
_LOWER_ADDRESS = re.compile(
    rf"(?P<street>\d(?<![\w/.:-]\d){_AFTER_FIRST_DIGIT},?(?:(?:\s+(?:[nsew]\.|{_LOWER_WORD}|{_ORDINAL})){{1,3}}\s+"
    rf"(?i:(?P<strong>{STREET_WORDS})|{WEAK_STREET_WORDS})"
    # A compass point after the street word: "88 queen st w".
    rf"(?i:{_DIRECTION})"
    rf"|\s+(?P<french>(?i:rue|avenue|boulevard|bd|allée|impasse|quai|chemin))\s+(?:{_ROMANCE_ARTICLE}\s*)?{_LOWER_WORD})"
    rf"(?![\w-]))"
    rf"{_UNIT}?"
    rf"(?:(?:,?\s+{_LOWER_WORD}){{0,3}},?\s+(?P<postcode>{_LOWER_POSTCODE})"
    # Or the town after a comma, with its district's number, to the end of the clause: "..., dublin 6", "..., cork".
    rf"|,[ \t]*(?P<town>{_LOWER_TOWN}){_LOWER_TOWN_ENDS})?"
)
# Where a place is ("dropped at 5 tui street, mt maunganui", "anyone else at 47 dalston lane getting these"), the street
# word, a strong one, ending its phrase: not the noun of a compound ("at 2 main street stores").
_PLACE_PREPOSITION_RIGHT_BEFORE = re.compile(
    r"(?i)(?<![\w'’-])(?:at|to|from|near|outside|into|opposite|behind|instead[ \t]+of)[ \t]+$"
)
# A measure or a count before the street word is no street's name: "rated at 38 mpg highway", "narrowed to 1 open lane",
# "upgraded to 4 lane highway".
_NO_STREETS_NAME = re.compile(
    r"(?i)\d[\w/-]*,?[ \t]+(?:mpg|mph|kph|km/h|kmh|km|miles?|lanes?|open|single|double|extra|more|new|different"
    r"|hours?|minutes?|way|ways)\b"
)
_STREET_ENDS_ITS_PHRASE = re.compile(
    r"(?=[ \t]*(?:[,.;!?)\n—–]|$))|[ \t]+(?:is|was|are|were|has|have|and|or|but|so|if|for|in|on|at|then|which|where"
    r"|when|near|by|with|to|from|getting|get|gets|got|pls|please|thanks|cheers|asap|instead|yesterday|today"
    # What chat writes after a place: "... lol", "... smh", "... the buzzer's broken" (not a time: "see you at 5 main
    # st tomorrow" may be one).
    r"|plz|thx|ty|lol|lmao|smh|the|my|our)(?![\w'’-])"
)
# A grid address of Utah and its neighbours, the house's number and the street's both counted from a meridian, the
# town, state and ZIP code after them: "3391 S 2700 E, Salt Lake City, UT 84109", "3391 s 2700 e, salt lake city ut
# 84109".
_COMPASS_POINT = r"(?:[NSEW]|North|South|East|West)\.?"
_GRID_ADDRESS = re.compile(
    rf"(?i)(?<![\w/.:-])\d{{1,5}}[ \t]+{_COMPASS_POINT}[ \t]+\d{{1,5}}[ \t]+{_COMPASS_POINT}(?![\w-])"
    rf"(?:[ \t]+(?:St|Street|Rd|Road|Ave|Avenue)\.?)?,?[ \t]+[a-z][a-z .'’-]{{1,30}}?,?[ \t]+(?:{US_STATE_CODES})"
    r"[ \t]+\d{5}(?:-\d{4})?(?![\w-])"
)
# A German, Austrian or Swiss street in lower case, its word joined to its name, with the house number, the postcode and
# the town after it: "lindenstr. 14, 10969 berlin" (the postcode and the town make it one).
_LOWER_SUFFIXED_STREET = re.compile(
    rf"(?<![\w/.:-])[a-zäöüß]{{3,}}(?i:{_GERMAN_STREET_WORDS})(?<![aeiouy]ring)[ \t]+\d{{1,4}}[a-z]?(?![\w-]),?[ \t]+"
    rf"{_NOT_A_YEAR}\d{{4,5}}[ \t]+[a-zäöüß]{{3,}}(?:[ \t]+(?:am|an[ \t]+der|im)[ \t]+[a-zäöüß]{{3,}})?(?![\w-])"
)
# A flat, house or plot written before the house number, between the cue and it: "send it to flat 2, 14 ranelagh
# road".
_LOWER_UNIT_BEFORE = re.compile(
    r"(?i)\b(?:flat|apt\.?|apartment|unit|suite|room|house|plot)[ \t]*#?[ \t]*\w{0,4}\d\w{0,4},?[ \t]*$"
)
# A compass point abbreviated in lower case before the street's name: "221 w. 14th street", "5 n. main st".
# What announces an address: "I live at", "ship to", "deliver it to", "address:", "moved to", "located at".
_ADDRESS_CUE_WORDS = (
    r"live|living|lives|stay|staying|located|based|reside|resides|moved|move|ship|shipped|send|sent|mail"
    r"|deliver|delivered|address(?:\s+is)?|addr\.?|adresse|dirección|direccion|indirizzo|endereço|adres|adresa"
    r"|anschrift|morada|alamat"
)
_CUE_FILLERS = r"(?:\s+(?:it|them|the\s+\w+|my\s+\w+|is|was|now|at|to|on|in|:))*"
_ADDRESS_CUE_BEFORE = re.compile(rf"(?i)\b(?:{_ADDRESS_CUE_WORDS})\b{_CUE_FILLERS}[\s:]*$")
# Before an address in lower case the cue leads right to it: "ship to", "live at", "address is", "address:"; before an
# everyday street word, only a cue of where one lives does ("my address is 48 maple drive"; "moved the files to 1
# shared drive" stays).
_ADDRESS_CUE_RIGHT_BEFORE = re.compile(rf"(?i)\b(?:{_ADDRESS_CUE_WORDS})\b{_CUE_FILLERS}(?:\s+(?:at|to|is)|\s*:)\s*$")
_HOME_CUE_RIGHT_BEFORE = re.compile(
    r"(?i)\b(?:address(?:\s+is|\s*:)|addr\.?\s*:|(?:live|living|lives|reside|resides|residing|stay|staying)\s+at)\s*$"
)
# What says that the address of a home or a recipient follows, in English and in the languages whose streets the rules
# read: "my address is", "address:", "i live at", "mijn nieuwe adres is", "alamat:".
_HOME_OR_ADDRESS_RIGHT_BEFORE = re.compile(
    r"(?i)\b(?:(?:address|addr\.?|adres|adresse|adresa|alamat|dirección|direccion|indirizzo|endereço|anschrift"
    r"|morada)(?:\s+(?:is|es|é|ist|est|è|adalah))?\s*:?|(?:live|living|lives|reside|resides|residing|stay|staying)"
    r"\s+at)\s*$"
)
# What ends a street's clause: a comma, the end of a sentence or line, a bracket.
_CLAUSE_END_AFTER = re.compile(r"\s*(?:[,;)\n]|[.!?](?:\s|$)|$)")
# What ends an address's line: the end of the line or text, after a full stop or not.
_LINE_END_AFTER = re.compile(r"\.?[ \t]*(?:\n|$)")
# A number after a word that numbers things is no house number: "Step 5 Broadway", "order 12345 Main St shipped".
_NUMBERING_BEFORE = re.compile(
    r"(?i)\b(?:step|level|stage|phase|season|episode|chapter|part|section|version|release|volume|page|figure|table"
    r"|item|order|ticket|case|issue|invoice|top)[ \t]*#?[ \t]*\Z"
)
# A Taiwanese road's section, spelled out, after the house's number and its lane or alley: "No. 100, Section 2,
# Zhongxiao East Road", "No. 3, Alley 5, Lane 12, Section 3, Roosevelt Road" (not "Section 2, 12 Baker Street").
_TAIWAN_SECTION_BEFORE = re.compile(
    r"(?i)\bno\.?[ \t]*\d{1,5}(?:-\d{1,4})?,[ \t]*(?:(?:lane|alley|ln\.|aly\.)[ \t]*\d{1,4},[ \t]*){0,2}"
    r"(?:section|sec\.)[ \t]*\Z"
)
# A street with an everyday street word after an article is an event or a thing: "the 2024 Pride Parade.", "the 3
# Way handshake.".
# On the street's own line: a word ending the line before says nothing of it.
_ARTICLE_BEFORE = re.compile(r"(?i)\b(?:the|a|an|this|that|these|those)[ \t]+\Z")


# A Ghanaian digital address alone is one where a word announces it right before it ("my digital address is
# GA-492-7731", "GPS: AK-039-5521", "deliver to GE-231-0456"; not "we shipped GA-183-8164 units"); with no such word the
# same letters and numbers are a product's or a part's code ("Model GA-183-8164").
_GHANA_DIGITAL_ADDRESS_ALONE = re.compile(rf"(?<![\w/.:-]){_GHANA_DIGITAL_ADDRESS}")
_GHANA_DIGITAL_ADDRESS_CUE = re.compile(r"(?i)\b(?:gps|ghana[ \t]?post|digital[ \t]+address)\b[^\n\d]{0,20}$")


def _ghana_digital_address(match: re.Match[str]) -> str | None:
    before = match.string[max(0, match.start() - 40) : match.start()]
    if _ADDRESS_CUE_RIGHT_BEFORE.search(before) or _GHANA_DIGITAL_ADDRESS_CUE.search(before):
        return PLACEHOLDERS["ADDRESS"]
    return None


def _native_address(match: re.Match[str]) -> str | None:
    """An Arabic or Persian address holds a street's word and a number: "مبنى 4321" alone is a building's number,
    and a street named with no number is none."""
    found = match.group(0)
    if not (any(char.isdigit() for char in found) and _ARABIC_STREET_WORD.search(found)):
        return None
    return _street(match)


# A Norwegian street's "gate" after an English word is an English compound, a film's or a scandal's name ("Watergate 2",
# "Stargate 3"); Norway's go after Norwegian words ("Storgate 12", "Kirkegate 4").
_ENGLISH_GATE = re.compile(r"(?P<stem>[^\W\d_]+)gate[ \t]+\d")


_MINUTES_AFTER = re.compile(r":[0-5]\d(?!\d)")


def _street(match: re.Match[str]) -> str | None:
    before = match.string[max(0, match.start() - 60) : match.start()]
    if _NUMBERING_BEFORE.search(before) and not _TAIWAN_SECTION_BEFORE.search(before):
        return None
    # A time's hour is no house number: "Greyhound route Dallas–Houston, 9:00 AM".
    if _MINUTES_AFTER.match(match.string, match.end()):
        return None
    via = _LOWER_CASE_VIA.search(match.group(0))
    if via and (
        _carrier_after(match.group(0), via.end() - 1)
        or (_english_sentence(match.string, match.start()) and not _ADDRESS_CUE_RIGHT_BEFORE.search(before))
    ):
        return None
    gate = _ENGLISH_GATE.match(match.group(0))
    if gate and gate.group("stem").lower() in everyday_words():
        return None
    return PLACEHOLDERS["ADDRESS"]


# English "via" before what carries a parcel or a message, written as a name: "dispatched on 12/03 via Royal Mail
# Tracked 24" (Italian writes "in via Roma 10" too, in an Italian sentence, or after "my address is").
_LOWER_CASE_VIA = re.compile(r"(?<![\w-])via\s+[A-Z]")


def _carrier_after(text: str, start: int) -> bool:
    """True where a brand or a company of :func:`~feedback_loop.privacy.names.brands` (a carrier) that is no given
    name opens ``text[start:]``, in one to three words: "via Royal Mail Tracked 48", "via DPD 2" in any sentence
    ("via Aurelia 412", a street named after a person, stays an address)."""
    given = person_name_lists()[0]
    return any(name not in given for name in brands_opening(WORD.findall(text, start, start + 60)[:3]))


def _english_sentence(text: str, position: int) -> bool:
    """True where the sentence around ``position`` holds two English stop words or more and is in no other language
    (:func:`~feedback_loop.privacy.names.in_another_language`)."""
    low, high = sentence_around(text, position)
    english = sum(word in stop_words() for word in re.findall(r"[a-z]+", text[low:high].lower()))
    return english >= 2 and not in_another_language(text, position, position)


def _street_of_its_own_name(match: re.Match[str]) -> str | None:
    if match.group("greek_postcode") and any(
        word.lower() in everyday_words() or word.lower() in stop_words() for word in match.group("street").split()
    ):
        return None
    return _street(match)


def _street_number_postcode_town(match: re.Match[str]) -> str | None:
    town = match.group("town").split()
    street = WORD.findall(match.group("street"))
    if not any(" ".join(town[:count]) in cities() for count in range(1, len(town) + 1)):
        return None
    # A city counted before a number is no street: "Signups by city: Tallinn 45, 1200 Helsinki".
    if " ".join(street) in cities():
        return None
    everyday = everyday_words()
    if not any(len(word) > 3 and (no_english_word(word.lower()) or word.lower() not in everyday) for word in street):
        return None
    return _street(match)


def _weak_address(match: re.Match[str]) -> str | None:
    before = match.string[max(0, match.start() - 40) : match.start()]
    if _NUMBERING_BEFORE.search(before) or _ARTICLE_BEFORE.search(before):
        return None
    if _ADDRESS_CUE_BEFORE.search(before) or _CLAUSE_END_AFTER.match(match.string, match.end("street")):
        return PLACEHOLDERS["ADDRESS"]
    return None


def _unnamed_street(match: re.Match[str]) -> str | None:
    if match.group("own"):
        return PLACEHOLDERS["ADDRESS"]
    digits = match.group("digits")
    if digits is None and not match.group("units"):
        return None
    before = match.string[max(0, match.start() - 40) : match.start()]
    if (
        digits is not None
        and len(digits) >= 4
        and not _YEAR.fullmatch(digits)
        and (match.group("german") is not None or _ADDRESS_CUE_BEFORE.search(before))
    ):
        return PLACEHOLDERS["ADDRESS"]
    town = match.group("town") or match.group("towns").lstrip(", \t")
    # The articles of a street's name in the languages that name streets after them are no English words, though
    # some are English abbreviations too ("Los Militares": "LOS").
    words = [
        word.lower()
        for word in (*match.group("street").split(), town.split()[0])
        if word.lower() not in _STREET_ARTICLES
    ]
    if words and not any(word in everyday_words() or word in stop_words() for word in words):
        return PLACEHOLDERS["ADDRESS"]
    return None


def _indian_address(match: re.Match[str]) -> str | None:
    # A numbered locality alone after the number is a plot of a field trial: "Plot 2, Sector 5 had the highest yield".
    localities = match.group("localities")
    # A postcode before its town after a locality of its own, the town of two words or one no word of the sentence:
    # not "Flat 3, Rental, 10000 Euros" ("Kuala Lumpur", "Ipoh").
    town = (match.group("town_after_its_postcode") or "").split()
    postcode_first = (
        match.group("postcode_first") is not None
        and localities.count(",") >= 2
        and (len(town) >= 2 or (town[0].lower() not in everyday_words() and town[0].lower() not in stop_words()))
    )
    if match.group("pin") or postcode_first or (_NUMBERED_LOCALITY.search(localities) and localities.count(",") >= 2):
        return PLACEHOLDERS["ADDRESS"]
    # A plot or house and two places to the end of the clause, where a word before announces where one lives or sends
    # things ("We moved to Plot 18, East Legon Hills, Accra."), or as a line of its own, as an address is written
    # on an envelope or a form, each place named by a word no English vocabulary holds ("Plot 23, Kaneshie Estates,
    # Accra\n"; not "House 3, Season 2, 12000 Viewers"); in a sentence with neither they stay.
    if localities.count(",") < 2:
        return None
    # A landmark among the places says it is an address where another of them names a place ("Shop 7, behind
    # Liberty Market, Gulberg III, Lahore"; not "House 3, near the end, Season 2").
    places = localities.split(",")[1:]
    landmarks = [place for place in places if re.fullmatch(_LANDMARK, place.strip())]
    if landmarks and any(_names_a_place(place) for place in places if place not in landmarks):
        return PLACEHOLDERS["ADDRESS"]
    before = match.string[max(0, match.start() - 40) : match.start()]
    if _ADDRESS_CUE_RIGHT_BEFORE.search(before) and _CLAUSE_END_AFTER.match(match.string, match.end()):
        return PLACEHOLDERS["ADDRESS"]
    if (
        before.rstrip(" \t")[-1:] in ("", "\n")
        and _LINE_END_AFTER.match(match.string, match.end())
        and all(_names_a_place(place) for place in localities.split(",")[1:])
    ):
        return PLACEHOLDERS["ADDRESS"]
    return None


def _names_a_place(words: str) -> bool:
    """A place's name: it opens with no number and holds a word that is no English one ("East Legon", "Accra"; not
    "Season 2", "Chapter One")."""
    words = words.strip()
    return not words[:1].isdigit() and any(
        word.lower() not in everyday_words()
        and word.lower().removesuffix("s") not in everyday_words()
        and word.lower() not in stop_words()
        for word in re.findall(r"[^\W\d_]+", words)
    )


_ABBREVIATED_WEAK_STREET_WORD = re.compile(r"(?i)[ \t](?:dr|ct|pl|cir|sq)\.?$")


def _lower_address(match: re.Match[str]) -> str | None:
    before = match.string[max(0, match.start() - 60) : match.start()]
    before = before[: len(before) - len(unit.group(0))] if (unit := _LOWER_UNIT_BEFORE.search(before)) else before
    # A town after the street is the address's up to a word of the sentence ("..., thanks", "..., brisbane thanks").
    kept = ""
    town = match.group("town") or ""
    for word in re.finditer(r"[^\W\d_]+", town):
        if word.group(0) in stop_words() or word.group(0) in _AFTER_AN_ADDRESS:
            start = (
                match.end("street") if word.start() == 0 else match.start("town") + len(town[: word.start()].rstrip())
            )
            kept = match.string[start : match.end()]
            break
    if (
        match.group("postcode")
        or ((match.group("strong") or match.group("french")) and _ADDRESS_CUE_RIGHT_BEFORE.search(before))
        or _HOME_CUE_RIGHT_BEFORE.search(before)
        or (
            # A weak street word abbreviated is a street's too ("820 maple ridge dr"); its flat may end the phrase
            # ("55 elm st apt 2 lol").
            (match.group("strong") or _ABBREVIATED_WEAK_STREET_WORD.search(match.group("street")))
            and _PLACE_PREPOSITION_RIGHT_BEFORE.search(before)
            and (
                _STREET_ENDS_ITS_PHRASE.match(match.string, match.end("street"))
                or _STREET_ENDS_ITS_PHRASE.match(match.string, match.end())
            )
            and not _NO_STREETS_NAME.match(match.group("street"))
        )
    ):
        return PLACEHOLDERS["ADDRESS"] + kept
    return None


# A rural route or rural delivery and its box, site or compartment, as Canada, the United States and New Zealand write
# them, with the town and the state's or province's code and its postcode after them: "RR 2, Site 9, Comp 14, Olds, AB
# T4H 1P3", "Rural Route 3, Box 221, Hillsboro, KS 67063", "R.R. 1, Box 12, Perth, ON K7H 3C3" ("RR 2 is down",
# "Site 9" alone stay).
_RURAL_ROUTE = re.compile(
    r"(?<![\w/.:-])(?:RR|R\.R\.|RD|R\.D\.|Rural[ \t]+(?:Route|Delivery))[ \t]*\d{1,3}(?![\w-])"
    r"(?:,?[ \t]*(?:Site|Comp\.?|Compartment|Box|Station|Stn\.?)[ \t]*\d{1,5}(?![\w-])){0,3}"
    rf",[ \t]*{_TOWN},?[ \t]+(?:[A-Z]{{2}}[ \t]+)?(?:{_CANADIAN_POSTCODE}|\d{{5}}(?:-\d{{4}})?|\d{{4}})(?![\w-])"
)
# A Singapore block in lower case, as chat writes it: its street (numbered or not), its floor and unit or its postcode
# after it ("blk 412 ang mo kio ave 10 #08-1145 s560412", "blk 21 marsiling lane #03-12"; "blk 3 of the course"
# stays).
_SINGAPORE_STREET_WORDS = r"ave|avenue|st|street|rd|road|dr|drive|cres|crescent|lane|ln|close|walk|ring|central"
_LOWER_SINGAPORE_BLOCK = re.compile(
    rf"(?i)(?<![\w/.:-])(?:blk|block)\.?[ \t]*\d{{1,4}}[a-z]?(?:[ \t]+[a-z]+){{1,4}}?"
    rf"[ \t]+(?:{_SINGAPORE_STREET_WORDS})"
    r"(?:[ \t]+\d{1,2})?(?![\w-])"
    r"(?:(?:,?[ \t]*#[ \t]?\d{1,3}-\d{1,5}[a-z]?)(?:,?[ \t]*(?:singapore[ \t]*|s[ \t]?\(?)\d{6}\)?)?"
    r"|,?[ \t]*(?:singapore[ \t]*|s[ \t]?\(?)\d{6}\)?)(?![\w-])"
)
# Hindi addresses in Devanagari: the house ("मकान नं. 27", "म. नं. 12", "फ्लैट 302", "प्लॉट 7"; the label "पता"
# before it stays), the lane ("गली नं. 4"), localities and town between commas, and the six-digit PIN code:
# "मकान नं. 27, गली नं. 4, लाजपत नगर, नई दिल्ली 110024".
_DEVANAGARI_HOUSE_WORDS = ("मकान", "म.", "घर", "फ्लैट", "फ़्लैट", "प्लॉट", "प्लाट", "दुकान", "कमरा")
_DEVANAGARI_WORD = r"[\u0900-\u0963\u0970-\u097f]+\.?"
_DEVANAGARI_NUMBERED = r"(?:नं\.?|नंबर|संख्या|क्रमांक)?[ \t]*\d{1,5}(?:[-/]\d{1,4})?[A-Za-z]?(?![\w-])"
_DEVANAGARI_ADDRESS = re.compile(
    rf"(?<![\u0900-\u097f])(?:{'|'.join(map(re.escape, _DEVANAGARI_HOUSE_WORDS))})[ \t]*{_DEVANAGARI_NUMBERED}"
    rf"(?:[ \t]*,[ \t]*{_DEVANAGARI_WORD}(?:[ \t]+{_DEVANAGARI_WORD})*(?:[ \t]*{_DEVANAGARI_NUMBERED})?){{1,6}}?"
    r"[ \t]*[,-]?[ \t]*\d{6}(?![\w-])"
)
# Addresses made only of everyday words and numbers, as the Gulf states and parts of Asia write them: "Building 12,
# Street 230, Zone 66, Doha", "Block 4, Street 15, House 22, Salmiya", "Villa 8, Road 2711, Block 327, Manama", "Way
# 3012, Building 45, Muscat", a street of its own name among them ("Flat 3, Al Corniche Street, Doha"). The words
# number everything else too ("Building 2 is closed", "Zone 1, Zone 2"), so the shape must be unmistakable (see
# _numbered_parts): two different words at least, one of them a street's or a district's, and three numbered parts,
# or a cue before them ("my address is", "deliver to"), or a town after them.
_NUMBERED_PART_WORDS = (
    r"building|bldg\.?|street|st\.?|road|rd\.?|zone|block|blk\.?|house|villa|flat|apartment|apt\.?|avenue|ave\.?"
    r"|lane|way|plot|unit|floor|sector|jadda|sikka|office|shop"
    # A warehouse, or a kiosk or stall of a market: "Street 14, Warehouse 9", "Stall 22, Kejetia Market".
    r"|warehouse|kiosk|stall"
    # A Philippine subdivision's block, lot and phase: "Block 7, Lot 22, Phase 3, Camella Homes".
    r"|lot|phase"
    # A Philippine condominium's tower and a room: "Unit 1203, Tower 2", "Rm 805".
    r"|tower|room|rm\.?"
    # Ethiopia's districts and neighbourhoods, numbered: "Woreda 05, Kebele 12, House No. 340, Addis Ababa".
    r"|kebele|woreda"
)
_STREETS_AMONG_THE_PARTS = frozenset(
    [
        "street",
        "st",
        "road",
        "rd",
        "zone",
        "block",
        "blk",
        "avenue",
        "ave",
        "lane",
        "way",
        "sector",
        "jadda",
        "sikka",
        "kebele",
        "woreda",
        "sub-city",
    ]
)
_PART_NUMBER = (
    # A plot's or house's letter after a hyphen: "Plot 44-C", "House 12-A".
    # A flat's block letter before its number: "Apartment C4".
    r"(?:(?:(?i:no)\.?[ \t]*|#[ \t]*)?[A-Z]?\d{1,5}[A-Za-z]?(?:[-/](?:\d{1,4}[A-Za-z]?|[A-Z]))?(?![\w-]|[.,]\d)"
    rf"|{_SECTOR})"
)
_NUMBERED_PART_PATTERN = rf"(?<![\w/.:-])(?i:{by_first_letter(_NUMBERED_PART_WORDS)})[ \t]*{_PART_NUMBER}"
_NUMBERED_PART = re.compile(rf"(?<![\w/.:-])(?P<word>(?i:{_NUMBERED_PART_WORDS}))[ \t]*{_PART_NUMBER}")
# A British industrial estate or business park stands for the street its units are on ("Unit 7, Lakeside Industrial
# Estate, Colnbrook SL3 0ED", "Unit 3B Meridian Business Park, Leicester"): by its two words, never one alone ("Unit
# 4, Riverside Park" may be a film's).
_ESTATE_WORDS = (
    r"(?:Industrial|Trading|Business|Enterprise|Retail|Commercial|Technology|Science|Innovation|Office)[ \t]+"
    r"(?:Estate|Park|Centre|Center|Village)(?![\w-])"
    # An East African industrial area, a Gulf free zone or an Asian economic zone does too: "Plot 9, Namanve
    # Industrial Area", "Warehouse 3, Hamriyah Free Zone", its part after it or not ("... Free Zone South"); a
    # numbered one is an area's part ("Ras Al Khor Industrial Area 2": see _AREA_WORDS).
    r"|(?:Industrial|Free(?:[ \t]+Trade)?|Economic|Export[ \t]+Processing)[ \t]+(?:Area|Zone)(?![\w-])"
    r"(?:[ \t]+(?:North|South|East|West)(?![\w-]))?(?![ \t]*\d)"
)
_NAMED_STREET_WORD = rf"(?:(?:{by_first_letter(STREET_WORDS)})(?![\w-])(?![ \t]*\d)|{_ESTATE_WORDS})"
# A street numbered by its ordinal is named so too: "11th Avenue", "28th Street".
_NAMED_PART = rf"(?:(?:{_NAME_WORD}|{_ORDINAL})[ \t]+){{1,3}}{_NAMED_STREET_WORD}"
# A floor by its ordinal and a commercial area or neighbourhood by its word are parts too, numbered or not: "Office 4,
# 2nd Floor, Blue Area, Jinnah Avenue", "Shop 12, Model Town, Ferozepur Road" (one alternative with the named street:
# each is tried at every capital), and an Ethiopian sub-city, before the woreda or after it ("Yeka Sub-City, Woreda 08,
# House No. 512"); an area may be numbered ("Ras Al Khor Industrial Area 2, Street 14"), a street given as the one a
# place is off, as Ghana and Nigeria write it ("Stall 22, Kejetia Market, off Guggisberg Avenue").
_AREA_WORDS = r"Area|Colony|Town|Bazaar|Market|Chowk|Enclave|Mohalla|Sub-[Cc]ity|Sub[Cc]ity"
# An Ethiopian sub-city is a district among the numbered parts, as its woreda is: "Kirkos Sub-city, Woreda 02, House
# No. 77" holds three parts.
_SUB_CITY = re.compile(r"Sub-?[Cc]ity(?![\w-])")
# A floor named, not numbered, is a numbered part's equal: "Ground Floor, ...", "Upper Ground Floor", "Mezzanine
# Floor".
_FLOOR_NAME = r"(?:(?:Upper|Lower)[ \t]+)?(?:Ground|Mezzanine)"
_FLOOR_BY_ITS_NAME = re.compile(rf"{_FLOOR_NAME}[ \t]+(?i:floor)(?![\w-])")
# An address another detector found among them is one of the parts: "<ADDRESS>, Road 4025, Block 340, Juffair".
_ONE_PART = (
    rf"(?:{_NUMBERED_PART_PATTERN}|(?:off[ \t]+)?{_NAMED_PART}"
    rf"|(?:{_NAME_WORD}[ \t]+){{1,4}}(?:{_AREA_WORDS})(?![\w-])(?:[ \t]+\d{{1,2}}(?![\w-]))?"
    rf"|(?:{_ORDINAL}|{_FLOOR_NAME})[ \t]+(?i:floor|fl\.)|{_SECTOR_ALONE.pattern}|{re.escape(PLACEHOLDERS['ADDRESS'])})"
)
# After the first part (each is tried only where a part ends), a landmark (see _LANDMARK); a condominium's building by
# its word, numbered or lettered after it or not ("One Serendra West Tower", "Tower B", "The Residences at
# Greenbelt"); a Hong Kong or Philippine floor ("8/F"); a street in lower case, as chat writes it ("plot 22, near
# shoprite, admiralty way"), and a locality's phase, sector, block or zone after its name ("street 12 dha phase 5").
_SPELLED_BUILDING_NUMBER = r"(?:[ \t]+(?:One|Two|Three|Four|Five|[A-Z]|\d{1,2})(?![\w-]))?"
_LOWER_NAMED_STREET = rf"(?:{_LOWER_WORD}[ \t]+){{1,3}}(?i:{STREET_WORDS}|{WEAK_STREET_WORDS})(?![\w-])(?![ \t]*\d)"
_NEXT_PART = (
    rf"(?:{_ONE_PART}|{_LANDMARK}|(?:{_NAMED_BUILDING_OF_ITS_OWN}){_SPELLED_BUILDING_NUMBER}"
    rf"(?:[ \t]+at(?:[ \t]+{_NAME_WORD}){{1,2}})?|(?:\d{{1,2}}|[LU]?G)/F(?![\w/-])|{_LOWER_NAMED_STREET}"
    rf"|(?:{_LOWER_WORD}[ \t]+){{1,2}}(?i:phase|sector|block|zone)[ \t]*{_PART_NUMBER}"
    # A building's or neighbourhood's own name with no word to say so, right before the named street or a landmark:
    # "Ground Floor, Cyberscape Alpha, Sapphire Road, ...", "house 12, Osu, near the clinic, Accra".
    rf"|{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}(?=,[ \t]*(?:{_NAMED_PART}|{_LANDMARK})))"
)
# Towns in lower case after the parts, to the end of the clause: "..., lekki, lagos", "... phase 5 lahore" (see
# _numbered_parts).
_LOWER_TOWNS = rf"(?:,[ \t]*|[ \t]+){_LOWER_TOWN}(?:,[ \t]*{_LOWER_TOWN}){{0,2}}{_LOWER_TOWN_ENDS}"
_NUMBERED_PARTS = re.compile(
    # A house's number before a numbered street, as Egypt's and Bahrain's new districts write it: "14 Street 231,
    # Degla", "5 Road 12, Heliopolis".
    rf"(?<![\w/.:-])(?P<house>{_NOT_A_YEAR}\d{{1,4}}[A-Z]?[ \t]+(?=(?i:street|road)[ \t]+\d))?"
    rf"(?P<parts>{_ONE_PART}(?:(?:,[ \t]*|[ \t]*\n[ \t]*|[ \t]+[-–][ \t]+"
    rf"|[ \t]+(?i:corner|cor\.|cnr\.?)[ \t]+|[ \t]+){_NEXT_PART}){{0,6}})"
    # The district and town after them, a district numbered ("Al Wasl 2", "Gulshan-1"), to the end of the clause, or
    # to the town's postcode ("Islamabad 44000 as of May", "Kendal LA9 6HB is our warehouse"); a town the sentence
    # goes on after counts after a sector and its sub-sector only ("Sector H-11/2, Islamabad is ...": see
    # _numbered_parts).
    rf"(?P<towns>(?:,[ \t]*{_TOWN}(?:[ \t]+\d{{1,2}}|-\d{{1,2}}|[ \t]+\d{{4,6}})?(?![\w-])){{1,3}}"
    rf"{_CLAUSE_ENDS_AFTER_A_PLACE}"
    rf"|(?:,[ \t]*{_TOWN}(?:[ \t]+\d{{1,2}}|-\d{{1,2}})?(?![\w-])){{0,2}},[ \t]*{_TOWN}[ \t]+"
    rf"(?:{_NOT_A_YEAR}\d{{4,6}}(?![\w-])|{_LETTERED_POSTCODE})"
    rf"|(?P<town_in_sentence>,[ \t]*{_TOWN})(?=[ \t]+[a-z])|(?P<lower_towns>{_LOWER_TOWNS}))?"
)


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
# A building's own name between the parts, right before the named street (see _NEXT_PART).
_BUILDING_NAME_BEFORE_THE_STREET = re.compile(
    rf"(?:^|,[ \t]*)(?P<first>{_NAME_WORD})(?:[ \t]+{_NAME_WORD}){{0,2}},[ \t]*{_NAMED_PART}"
)
_ADDRESS_LABEL_BEFORE = re.compile(r"(?i)\baddress(?:[ \t]+line)?(?:[ \t]*\d)?[ \t]*:[ \t]*$")


def _numbered_parts(match: re.Match[str]) -> str | None:
    parts = match.group("parts")
    words = [part.group("word").lower().rstrip(".") for part in _NUMBERED_PART.finditer(parts)]
    words += ["sector"] * len(_SECTOR_ALONE.findall(parts))
    words += ["sub-city"] * len(_SUB_CITY.findall(parts))
    words += ["house"] * bool(match.group("house"))
    words += ["floor"] * len(_FLOOR_BY_ITS_NAME.findall(parts))
    # A sector by its word and its sub-sector ("Sector I-9/3") say Islamabad's address as a town does (alone, "F-7/2"
    # counts as a part only: "Street 5, F-7/2 is my favourite tab" stays).
    sub_sector = _SUB_SECTOR.search(parts) is not None
    named_street = re.search(_NAMED_PART, parts) is not None or re.search(_LOWER_NAMED_STREET, parts) is not None
    # Ghana and Nigeria give the house by a landmark near it where the street has no name: "house 12, Osu, behind the
    # clinic, Accra" (with its town after it, as a street named).
    named_street = named_street or re.search(_LANDMARK, parts) is not None
    if not words or not (named_street or _STREETS_AMONG_THE_PARTS.intersection(words)):
        return None
    # A given name where the building's own name would be is a person's: "Flat 4, John Smith, Baker Street" keeps it
    # for the name detectors.
    if any(
        given_name_of_several_locales(building.group("first").rstrip("."))
        for building in _BUILDING_NAME_BEFORE_THE_STREET.finditer(parts)
    ):
        return None
    before = match.string[max(0, match.start() - 40) : match.start()]
    # A name right before the first part is the street's ("Sahaidachnoho St 14, apt 3"): another detector's.
    name_before = _WORD_BEFORE.search(before)
    if name_before and name_before.group(1)[0].isupper() and name_before.group(1).lower() not in stop_words():
        return None
    # A town's first word is no word of the sentence: "Block 2, Street 5, The end" is none.
    towns = match.group("towns") or ""
    town = towns.lstrip(", \t").split(" ")[0] if towns else ""
    placed = bool(town) and town.lower() not in stop_words() and (match.group("town_in_sentence") is None or sub_sector)
    # Towns in lower case end an address written all in lower case, where no word of them is one of the sentence
    # ("..., lekki, lagos"; not "..., thanks", "... so yes"); otherwise they are kept.
    lower_towns = match.group("lower_towns") or ""
    if lower_towns:
        placed = parts.islower() and not any(
            word in stop_words() or word in _AFTER_AN_ADDRESS for word in re.findall(r"[^\W\d_]+", lower_towns)
        )
        towns = "" if placed else lower_towns
    announced = _ADDRESS_CUE_BEFORE.search(before) is not None
    # A form's address label says it of one part alone: "Address line 2: Zone 66".
    if _ADDRESS_LABEL_BEFORE.search(before):
        return PLACEHOLDERS["ADDRESS"] + ("" if placed else towns)
    if (len(set(words)) >= 2 and (len(words) >= 3 or placed or announced or sub_sector)) or (
        named_street and (placed or announced)
    ):
        return PLACEHOLDERS["ADDRESS"] + ("" if placed else towns)
    return None


# An address of any shape after a word that announces one ("address:", "my address is", "ship to", "Lieferadresse:",
# "Dirección de entrega:", "alamat saya", "kirim ke"): "please ship to hauptstrasse 45 10827 berlin",
# "deliver to Purok 6, Brgy. San Isidro, Tagum City 8100", "send to Sinsa-dong 541-3, Gangnam-gu, Seoul
# thanks". The clause after the cue is one when a house number or a postcode in it stands next to a name (see
# _announced_address): "We ship to 40 countries.", "Send it to 3 people by Friday.", "Delivery: 3-5 business days",
# "Address: see the FAQ, item 7" stay.
_ADDRESS_LABELS = (
    r"(?:postal\s+|physical\s+|mailing\s+|home\s+|courier\s+|delivery\s+|shipping\s+|billing\s+)?address|addr\.?"
    r"|adresse|anschrift|lieferadresse|dirección|direccion|domicilio|indirizzo|endereço|endereco|adres|adresi|alamat"
    r"|residence|residential\s+address|adresa|adress|osoite|lakcím|cím|morada|địa\s+chỉ(?:\s+[^\W\d_]+){0,2}"
    r"|dostawa|delivery|shipping|ship\s+to|send\s+to|deliver\s+to|return\s+to|mail\s+to"
)
# A phrase: "my address is", "alamat saya", "ship it to", "live at", "our office is at", and how other languages ask
# to send or say where one lives ("kirim ke", "manda pra", "habite", "wohnt").
_ADDRESS_PHRASES = (
    r"my\s+(?:[^\W\d_]+\s+)?address(?:\s+is)?|address\s+is|alamat(?:\s+saya)?"
    r"|(?:ship|send|deliver|mail|post|return|forward|courier)(?:\s+(?:it|them|this|that|these|those|everything"
    r"|the\s+[^\W\d_]+|my\s+[^\W\d_]+))?\s+(?:to|at)"
    r"|(?:live|lives|living|reside|resides|residing|stay|staying|is|are|located|based|find\s+us|visit\s+us)\s+at"
    r"|habite|wohnt|wohne"
    # "Mijn adres is", "mi dirección es", "il mio indirizzo è" (not "vivo en", "abito in": "I live in" a town too).
    r"|(?:mijn|mi|mon|ma|meine|il\s+mio|o\s+meu|a\s+minha|meu|minha)\s+(?:adres|dirección|direccion|domicilio"
    r"|adresse|indirizzo|endereço|endereco|morada)\s+(?:is|es|est|ist|lautet|è|é)"
    r"|mand[ae](?:lo|la|los|las)?\s+(?:pra|para|a)|envi(?:ar|e|a|alo|ala)\s+(?:a|para|pra)|sped(?:ire|isci)\s+a"
    r"|entregar\s+(?:na|no|em|a)|envoyer\s+à|livrer\s+à|(?:schicken|senden|liefern)\s+an|leveren\s+(?:op|aan)"
    r"|kirim\s+ke|giao\s+đến|pošaljite\s+na|wyślij\s+na"
)
# The labels and the phrases are grouped by their first letters (by_first_letter: the same matches): the cue is
# tried at every word of every text with a digit.
_ADDRESS_ANNOUNCED = re.compile(
    # A label and its colon: "Address:", "Dirección de entrega:", "adresse de livraison :", "Address for returns:",
    # "Address for ration card:", "Teslimat adresi:".
    rf"(?P<cue>(?i:(?<![\w-])(?:(?:{by_first_letter(_ADDRESS_LABELS)})(?:\s+(?:de|di|da|do|of|for)(?:\s+[^\W\d_]+){{1,3}})?"
    r"(?:\s+po)?\s*:"
    rf"|(?:{by_first_letter(_ADDRESS_PHRASES)})(?![\w-])))[ \t]*)"
    r"(?P<clause>[^\n;()<>]{1,160})"
)
# In the clause after a cue, chat writes them in lower case too: "cornwall tr18 4aa".
_LETTERED_POSTCODE_IN_ANY_CASE = rf"{_LETTERED_POSTCODE}|(?:{_LOWER_LETTERED_POSTCODE})(?![\w-])"
_LETTERED_POSTCODE_ALONE = re.compile(_LETTERED_POSTCODE_IN_ANY_CASE)
# The clause after the cue, word by word: a number ("112", "60329", "02-017", "2-4-9", "158bis", "12/34"; with a price's
# sign, a decimal point, a time's colon or a per cent it is none of an address: "$4.99", "4.2", "10:30"), a word (with
# the full stop of an abbreviation: "Avda.", "Kel."), a code of letters and digits ("IPv4", "M25"), a mark.
_CLAUSE_TOKEN = re.compile(
    rf"\s*(?:(?P<number>{_LETTERED_POSTCODE_IN_ANY_CASE}|[$€£]?\d\w*(?:[-/.:,]\d\w*)*%?)|(?P<code>[^\W\d_]+\d\w*)|(?P<word>[^\W\d_][^\W\d_'’]*(?:[-'’][^\W\d_]+)*\.?)"
    r"|(?P<mark>[^\w\s]))"
)
_NOT_A_HOUSE_NUMBER = re.compile(r"[$€£%.:,]|^\d+(?:st|nd|rd|th)$")
# A year is a postcode only before the town's name: "Veldstraat 9, 2000 Antwerpen"; not "Berlin 2024".
_YEAR = re.compile(r"(?:19|20)\d\d")
# The marks inside an address: "Vico Storto 3, 80134 Napoli", "Kerala - 682001", "No: 17", "# 12", "5º", "〒530-0001".
_MARKS_OF_AN_ADDRESS = frozenset(",-–/#°º:〒")
# What ends the address after the cue: a word of thanks or of haste, or one that leads to what is near it.
_AFTER_AN_ADDRESS = frozenset(
    [
        *_THANKS_AND_HASTE,
        "kindly",
        "ty",
        "near",
        "nearby",
        "dekat",
        "opp",
        "opposite",
        "behind",
        "beside",
        "next",
        "tomorrow",
        "today",
        "tonight",
        "adresine",
    ]
)
# Small words of addresses in other languages that are English stop words too ("offenbach am main", "no 9", "via
# dante 4").
_ADDRESS_PARTICLES = frozenset(["am", "an", "no", "a", "i", "e", "y", "do", "da", "al", "el", "la", "le", "de", "via"])
# Words that number what is no address, in English and in the languages of the cues: "Section 4", "item 7", "Seite 4",
# "anexo 2".
NUMBERING_WORDS = frozenset(
    [
        "step",
        "stage",
        "season",
        "episode",
        "chapter",
        "part",
        "section",
        "version",
        "release",
        "volume",
        "page",
        "figure",
        "table",
        "item",
        "order",
        "ticket",
        "case",
        "issue",
        "invoice",
        "top",
        "seite",
        "abschnitt",
        "kapitel",
        "anhang",
        "anlage",
        "punkt",
        "ziffer",
        "página",
        "pagina",
        "anexo",
        "sección",
        "capítulo",
        "artículo",
        "punto",
        "allegato",
        "articolo",
        "capitolo",
        "annexe",
        "chapitre",
        "article",
        "seção",
        "artigo",
    ]
)
# The markers of a house number: "no 9", "Nr. 12", "No: 8/2".
_HOUSE_MARKERS = frozenset(["no", "nr", "nro"])
# A postcode as it is written on its own: "60329", "02-017", "80020-090", "163-8001", "Y35 K2P1".
_POSTCODE_NUMBER = re.compile(
    rf"\d{{4,6}}|\d{{2}}-\d{{3}}|\d{{3}}-\d{{4}}|\d{{5}}-\d{{3,4}}|{_LETTERED_POSTCODE_IN_ANY_CASE}"
)
# Abbreviations of five letters and more, whose full stop ends no sentence: "Fracc. Los Olivos".
_LONG_ABBREVIATIONS = frozenset(["fracc", "edif", "depto", "prolong"])


def _word_kind(word: str) -> str:
    """What ``word`` is beside a number of the clause after an address's cue: "name", a word an address is made
    of ("Skólavörðustígur", "umuezeala", "Reykjavík", "MONTEREY"); "everyday", a word of the sentence around it
    ("countries", "people", "Section", "for"); "neutral", a house's marker ("no", "Nr."), a particle of a place's
    name ("am", "de") or a capitalised small word ("The", "CA")."""
    bare = word.lower().rstrip(".")
    # A letter alone is a block, a side or "s/n" (sin número): "Tower B", "Sierra s/n, 18010 Granada"; a short
    # word with a full stop an abbreviation: "Konstitucijos pr. 7", "Kazım Dirik Mah. 372 Sok. No 5".
    if (
        len(bare) == 1
        or (word.endswith(".") and len(bare) <= 4)
        or bare in _HOUSE_MARKERS
        or bare in _ADDRESS_PARTICLES
    ):
        return "neutral"
    if bare in NUMBERING_WORDS:
        return "everyday"
    if word[0].isupper():
        return "neutral" if bare in stop_words() else "name"
    singular = bare.removesuffix("s")
    if bare in stop_words() or bare in everyday_words() or singular in everyday_words():
        return "everyday"
    return "name"


def _beside(words: list[tuple[str, str, int]], kinds: list[str], index: int, step: int) -> int | None:
    """The word before (``step`` -1) or after (1) the number at ``index``, past a house's marker, an abbreviation or a
    letter: "Kenari" in "Gang Kenari No. 8"; None at a number or the clause's end."""
    index += step
    while 0 <= index < len(words) and words[index][0] == "word" and kinds[index] == "neutral":
        index += step
    return index if 0 <= index < len(words) and words[index][0] == "word" else None


def _announced_address(match: re.Match[str]) -> str | None:
    """The clause after the cue as an address: it runs to the end of its sentence or line, or to a word of the sentence
    around it ("pls", "thanks", "near", a lower-case "by", "for", "the"). It holds a number with a name beside it and
    no everyday word ("Skólavörðustígur 12,", "no 9 umuezeala", "Tagum City 8100"; not "40 countries", "item 7"), and
    two names or a name and a postcode of its own ("hauptstrasse 45 10827 berlin"; "send to Jira 4521" stays)."""
    clause = match.group("clause")
    words: list[tuple[str, str, int]] = []
    position = 0
    while (token := _CLAUSE_TOKEN.match(clause, position)) is not None:
        kind = token.lastgroup or ""
        value = token.group(kind)
        if kind == "mark" and value not in _MARKS_OF_AN_ADDRESS:
            break
        bare = value.lower().rstrip(".")
        if kind == "word" and (
            bare in _AFTER_AN_ADDRESS or (value.islower() and bare in stop_words() and bare not in _ADDRESS_PARTICLES)
        ):
            break
        # A lettered postcode is the address's last part but its country: an everyday word in lower case after it is
        # the sentence's ("..., truro tr1 2ab, hope that helps"; not "..., LS6 3AA, United Kingdom").
        if (
            kind == "word"
            and value.islower()
            and bare in everyday_words()
            and words
            and _LETTERED_POSTCODE_ALONE.fullmatch(words[-1][1])
        ):
            break
        # A full stop after a long word ends the sentence: "..., 18010 Granada. Thanks"; not after an abbreviation:
        # "Avda. de América", "Kel. Cempaka".
        ends_sentence = value.endswith(".") and len(bare) >= 5 and bare not in _LONG_ABBREVIATIONS
        end = token.end() - 1 if ends_sentence else token.end()
        if kind != "mark":
            words.append((kind, value, end))
        position = token.end()
        if ends_sentence:
            break
    if not words:
        return None
    kinds = [_word_kind(value) if kind == "word" else "neutral" for kind, value, _ in words]
    # An address that the street detectors found in part is theirs to complete: "Apt 2, 5th floor, <ADDRESS>".
    if match.end() < len(match.string) and match.string[match.end()] == "<" and position >= len(clause.rstrip()):
        return None
    lower_case = clause[: words[-1][2]].islower()
    numbers_by_a_name = set()
    for index, (kind, value, end) in enumerate(words):
        if kind != "number" or _NOT_A_HOUSE_NUMBER.search(value):
            continue
        # A word past a comma is another part of the address: "Gulou District, Nanjing 210008, gate 2".
        around = [
            beside
            for beside in (_beside(words, kinds, index, -1), _beside(words, kinds, index, 1))
            if beside is not None
            and (
                kinds[beside] != "everyday"
                or "," not in clause[min(end, words[beside][2]) : max(end, words[beside][2])]
            )
        ]
        if any(kinds[beside] == "everyday" for beside in around) or not any(
            kinds[beside] == "name" for beside in around
        ):
            continue
        # A postcode by the town's name ("Tagum City 8100", "2000 Antwerpen"; a year only before it: not "Berlin 2024"),
        # or a house number by a name no English vocabulary holds: after it where the street's clause ends or a
        # number follows ("Skólavörðustígur 12,"), on both sides ("Số 12 Phố Huế"), or on either side in a clause
        # written in lower case ("no 9 umuezeala close"). "Nintendo Switch 2, Zelda", "Halo 3 ODST team" are products.
        if _YEAR.fullmatch(value) and not any(beside > index and kinds[beside] == "name" for beside in around):
            continue
        if _POSTCODE_NUMBER.fullmatch(value):
            numbers_by_a_name.add(index)
            continue
        unknown = [
            beside
            for beside in around
            if kinds[beside] == "name" and words[beside][1].lower().rstrip(".") not in everyday_words()
        ]
        after = clause[end:].lstrip()
        # A number after the house, past its markers: "Mah. 372 Sok. No 5".
        following = index + 1
        while following < len(words) and words[following][0] == "word" and kinds[following] == "neutral":
            following += 1
        ends_the_street = not after or after[0] in ",;" or (following < len(words) and words[following][0] != "word")
        if unknown and (lower_case or len(unknown) == 2 or (ends_the_street and unknown[0] < index)):
            numbers_by_a_name.add(index)
    names = {value.lower().rstrip(".") for (_, value, _), kind in zip(words, kinds, strict=True) if kind == "name"}
    postcodes = {
        index for index, (kind, value, _) in enumerate(words) if kind == "number" and _POSTCODE_NUMBER.fullmatch(value)
    }
    # A lettered postcode by a name says as much as a second name where a house's number opens the clause: "7 chy
    # an dour, hayle tr27 4ab" (its street's words English ones).
    lettered_postcode = any(_LETTERED_POSTCODE_ALONE.fullmatch(words[index][1]) for index in numbers_by_a_name)
    opens_with_a_house = words[0][0] == "number" and not _NOT_A_HOUSE_NUMBER.search(words[0][1])
    if numbers_by_a_name and (
        len(names) >= 2 or postcodes - numbers_by_a_name or (lettered_postcode and opens_with_a_house)
    ):
        end = words[-1][2]
        return match.group("cue") + PLACEHOLDERS["ADDRESS"] + clause[end:]
    return None


# What the street detectors leave on either side of an address they found. Before it, the flat, floor, room,
# building or house written before the street, on its line or the line above ("Flat 4, 61 Harcourt Street", "Unit 5B,
# 88 Jupiter Street", "Villa 12, Street 7", "Level 9, 360 Collins St", "2nd floor, 15/A Park Street", "Room 1502,
# Building 3, No. 88 Jianguo Road", "Apt 7, 3rd floor", "Flat 2/1" on a line of its own), the floor as Hong Kong and
# Taiwan write it ("Flat C, 7/F, 18 Hennessy Road", "G/F", "7F, No. 100"), a Korean flat ("302-ho"), a South African
# erf, a New Zealand rural delivery or Canadian rural route ("RD 2", "RR 3"), a Ghanaian digital address
# ("GA-123-4567"), a building or house named by its building word ("Nan Fung Tower", "Sakura Mansion", "Résidence
# Les Pins", "The Old Rectory", "HOLLY COURT"), Indian old and new house numbers ("Old No. 12, New No. 24"), and the
# "No.", "Sec." or "#" the house number's detector left; the postcode and town that Russian and Ukrainian addresses
# write first ("190000, г. Санкт-Петербург, Невский проспект, д. 28"), and the four-digit postcode and town of
# Hungary, Austria or Switzerland, which may come first too ("1052 Budapest, Váci utca 19."), and Iran's town and
# squares (see _TOWN_AND_STREETS_BEFORE). A person's name on the line above is none of these: "John Carter\n88
# Riverside Dr" keeps the name for the name detectors.
_UNIT_NUMBER = r"(?:[\w-]{0,5}\d[\w/-]{0,7}|[A-Z](?![\w-]))"
_UNIT_WORD_BEFORE = (
    r"(?i:Flat|Unit|Apt\.?|Ap\.|Apto\.?|Apartment|Appartement|Appt\.?|Suite|Villa|Blk|Block|Room|Rm\.?|House|Shop|Level|Lvl\.?"
    r"|Floor|Building|Bldg\.?|Tower|Erf|Plot|Wing|Imm\.|Immeuble|Bât\.|Bâtiment|Lane|Ln\.|Alley|Aly\.)|Hall|RD|RR"
    # A numbered street or lot before the sector or street found: "House 45-C, Street 12, F-7/2, Islamabad", "Lot
    # 5, 8 Sampaguita St".
    r"|Street|Road|Lot"
    # A Canadian rural route's site and compartment: "Site 12, Comp 8, RR 3, Sylvan Lake AB".
    r"|Site|Comp"
)
_NAMED_BUILDING = (
    rf"(?:{_NAMED_BUILDING_OF_ITS_OWN}|(?:{_NAME_WORD}[ \t]+){{1,3}}(?i:Court|House|Garden|Lodge|Manor|Farm|Hall))"
    r"(?![\w-])"
)
_HOUSE_NUMBER_BEFORE = r"(?:(?i:house|flat|plot|door|gali|old|new)[ \t]+)?(?i:no\.?|nr\.?)[ \t]*\d{1,5}[A-Z]?(?![\w-])"
_PART_BEFORE = (
    rf"(?:(?:{_UNIT_WORD_BEFORE})[ \t]*{_UNIT_NUMBER}|{_ORDINAL}[ \t]+(?i:floor|fl\.)|(?:\d{{1,2}}|[LU]?G)/F(?![\w/-])"
    # Taiwan's floor, its flat's letter or number after a hyphen or not: "3F", "2F-B".
    rf"|\d{{1,2}}F(?:-[A-Z\d]{{1,2}})?(?![\w-])|\d{{1,4}}-ho(?![\w-])|{_GHANA_DIGITAL_ADDRESS}|{_HOUSE_NUMBER_BEFORE}"
    # A Korean flat's building (dong) before the road, the flat before it or after it: "Apt 802, 103-dong, 12
    # Olympic-ro", "104-dong 1502-ho, ...".
    r"|\d{1,4}-?dong(?![\w-])"
    # An Edinburgh tenement flat, its floor and door ("3F2", "PF1", the principal floor), or the ground floor ("GF").
    r"|(?:\d{1,2}|G|P)F\d{1,2}(?![\w-])|GF(?![\w/-])"
    # A floor in French, Spanish, Italian, German and Portuguese, its number first: "3e étage", "2º piso", "4° piano",
    # "3. Stock", "5º andar"; the French ground floor, "RDC".
    r"|\d{1,2}(?:e|er|re|ère|ème|º|ª|°|o|a|\.)?[ \t]+(?i:étage|etage|piso|planta|piano|stock|andar)(?![\w-])"
    r"|(?i:rdc|rez-de-chaussée)(?![\w-])"
    # A Singapore unit, its floor and its number: "#15-03, 88 Marina Boulevard" (not an order's: "Order #12-3456").
    r"|(?<![Oo]rder )(?<![Rr]ef )(?<![Cc]ase )(?<![Tt]icket )(?<![Ii]nvoice )#[ \t]?\d{2}-\d{2,4}(?![\w-])"
    r")"
)
# What the house number's detector leaves right before it (a room's number read as a house's: "Room 12, Maple
# Heights"): "No. 88 Jianguo Road", "Sec. 1, Zhongxiao E. Rd.", "#45 Gen.
# Luna Street", "gali no 4 Shastri Nagar", "House 22, 3rd Avenue", a Singapore block ("Blk 123 Ang Mo Kio Ave 3"), a
# Malaysian lot ("Lot 5, Jalan Besar"), a Ugandan or Ghanaian plot ("Plot 31, Kampala Road"), a flat whose number the
# street's detector read as the house's ("Unit 6, Marine Court, ..."), a lane's so read ("No. 8, Lane 2, Jl. Melati
# Raya, ..."), and a Thai house and its soi before the soi's number ("123 Soi Ari 4, Phahonyothin Rd") or its village's
# ("8/99 Moo 4, Thanon Rat Uthit").
_PREFIX_BEFORE = (
    # A word's end is none: "Warehouse 12 Jalan ..." keeps its "Ware".
    r"(?:#|(?<![\w'’-])(?:(?:(?i:gali|old|new|house|flat|unit|plot|door)[ \t]+)?(?i:no\.?|nr\.?|sec\.|section)[ \t]*"
    r"|(?:(?i:house|blk\.?|block|villa|building|bldg\.?|flat|unit|apt\.?|apto\.?|apartment|suite|room|imm\.|immeuble|plot)|Lot|Lane"
    r"|Alley"
    r"|Gang|Gg\.)[ \t]+)"
    rf"|(?<![\w/.-])\d{{1,4}}(?:/\d{{1,4}})?[ \t]+(?:Soi(?:[ \t]+{_NAME_WORD}){{0,2}}|Moo)[ \t]+)"
)
_SEPARATOR_BEFORE = r"(?:,[ \t]*|[ \t]*\n[ \t]*|[ \t]+)"
# Between the flats and floors and the street, the estate's name, which has no building word: "Flat D, 15/F, Block
# 2, Taikoo Shing, 18 Taikoo Wan Road" (a person's name there stays: see _around_an_address).
_ESTATE_BEFORE = rf"(?P<estate>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}),[ \t]*"
# A landmark before them, with its comma: "behind the mosque, House 22, ...", "near Shoprite, <ADDRESS>".
_LANDMARK_BEFORE = rf"{_LANDMARK},[ \t]*"
_UNITS_BEFORE = (
    rf"(?<![\w'’/.:-])(?:(?:{_PART_BEFORE}|{_NAMED_BUILDING_OF_ITS_OWN}){_SEPARATOR_BEFORE}|{_LANDMARK_BEFORE})"
    rf"(?:(?:{_PART_BEFORE}|{_NAMED_BUILDING}){_SEPARATOR_BEFORE}|{_LANDMARK_BEFORE}){{0,4}}(?:{_ESTATE_BEFORE})?"
)
# Iran writes the town and the squares and streets that lead to the house's street before it: "Mashhad, Shohada Sq.,
# Imam Reza St., No. 9" (a town alone before a street is none: "Thanks, 12 Elm St"; nor is an adverb: "Yesterday, Main
# St., 14 Oak Road": see _around_an_address).
_TOWN_AND_STREETS_BEFORE = (
    rf"(?<![\w/.:-])(?P<town_of_the_streets>{_TOWN})(?:,[ \t]*{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}[ \t]+"
    rf"(?:{STREET_WORDS}|{WEAK_STREET_WORDS})"
    r"(?![\w-])){1,3}"
)
_TOWN_BEFORE = (
    rf"(?:(?:\d{{6}},[ \t]*)?(?:г|м)\.[ \t]*{_TOWN}|(?<![\w/.:-]){_NOT_A_YEAR}\d{{4}}[ \t]+{_TOWN}"
    rf"|{_TOWN_AND_STREETS_BEFORE}),[ \t]*"
)
# After it, the flat, floor, office or hall the street detectors do not read ("Suite 210", "Halle 3", "lgh 1102" a
# Swedish flat, "et. 3" a Bulgarian floor, "of. 301" an office, "Kat:3", "6a planta", "2. OG links", "RT 03/RW 05"
# Indonesian neighbourhood units, a Spanish floor and door "2-1", a house's letter "Kerkstraat 5 A", "#21-02
# International Plaza"), a district's number ("Dublin 9", "Lekki Phase 1"), Kenya's postcode after a box ("-00100"),
# then the lines or parts of the place: towns (on a line of their own only before a postcode), the postcode with or
# without its town, in either order, after a state or a province ("Austin, TX 78701", "Edmonton, Alberta T5J 0R2",
# "80336 München", "50122 Firenze (FI)", "06420 Çankaya/Ankara", "Salvador/BA - CEP 40080-004", "D-70565 Stuttgart",
# "Hobart Tasmania 7000", "Montréal (Québec) H1W 1B5", "Cape Town, 8001"; after a space, a town and its postcode:
# "4 Shastri Nagar Delhi 110052", not a year: "Springfield 2024"), and the country on the line after it
# ("USA", "Deutschland"); or towns after commas to the end of the clause ("of. 301, Providencia, Santiago.").
_UNIT_WORD_AFTER = (
    r"(?i:suite|ste\.?|apt\.?|apto\.?|apartment|appt\.?|unit|flat|floor|fl\.|room|rm\.?|halle|lgh\.?|et\.|of\.|oficina|sala"
    r"|kat|daire"
    # The Russian and Ukrainian flat and office, the full stop left out as chat leaves it: "кв 5", "оф 12".
    r"|кв\.?|квартира|оф\.?|офис"
    # The entrance (stairwell) and the floor, written between the house and the flat: "подъезд 2, этаж 3", "под. 2,
    # эт. 3", Ukrainian "під'їзд 1, поверх 4", and in Latin letters "pod'ezd 2, etazh 3".
    r"|подъезд|под\.|этаж|эт\.|під['’]їзд|поверх|pod['’]?ezd|podyezd|etazh"
    # The same in Latin letters, as Russian and CIS addresses are written in English: the building of a block
    # ("korpus 3", "korp. 2"), the structure ("str. 4", "stroenie 1"), the flat and the office ("ul. Lesnaya 5, str.
    # 2, office 14, Moscow 125047").
    r"|korpus|korp\.|stroenie|str\.|kv\.|office"
    r"|torre|piso|planta|dpto\.?|depto\.?|dto\.|int\.|interno|bl\.|sc\.|ap\.|app\.|tower|building|bldg\.?|level|barangay"
    # A Spanish door after the floor: "C/ San Vicente Mártir 84, pta 7, 46007 Valencia".
    r"|pta\.?|puerta"
    r"|brgy\.?|phase|block|blk\.?|bus|boîte|boite|bte\.?|sector|sektor|ward(?:[ \t]*no\.?)?"
    # A Central American city's zone, a district by its number: "6a Avenida 12-45, Zona 1, Ciudad de Guatemala".
    r"|zona|zone|distrito|district"
    # Brazil's house, block and lot on a shared plot, after the street's number: "Rua das Flores, 120, casa 3",
    # "bloco B", "lote 14".
    r"|casa|bloco|lote"
    # A warehouse's gate, loading bay or dock, after a dash: "..., Sharjah — gate 2, loading bay D".
    r"|gate|(?:loading[ \t]+)?bay|dock)"
)
_PART_AFTER = (
    rf"(?:{_UNIT_WORD_AFTER}[ \t]*:?[ \t]*{_UNIT_NUMBER}|[KD][ \t]?:[ \t]?\d{{1,3}}(?![\w-])"
    # The floor in Czech, Slovak and Polish too: "4. patro", "2. poschodie", "3. piętro".
    r"|\d{1,2}(?:st|nd|rd|th|a|o|º|ª|e|er|ème|\.)?[ \t]?(?i:floor|planta|piso|andar|étage|og|etage|stock|patro"
    # The Swedish floor counted in flights of stairs: "Sveavägen 44, 4 tr, 111 34 Stockholm".
    r"|poschodie|piętro|tr\.?)(?![\w-])"
    r"(?:[ \t]+(?:links|rechts|li\.|re\.))?"
    # A Hungarian floor and door: "3. em. 2.", "fszt. 1." (the ground floor), the words spelled out: "3. emelet 2.",
    # "földszint 1.", the floor in Roman numerals: "IV. em. 12.".
    r"|(?:(?:\d{1,2}|[IVX]{1,4})\.[ \t]?(?:em\.|emelet)|fszt\.|földszint)(?:[ \t]?\d{1,3}\.?)?"
    # An Edinburgh tenement flat, its floor and its door: "2F1", "GF2", "PF3" (the principal floor).
    r"|(?:\d{1,2}|G|P)F\d{1,2}(?![\w-])"
    # A Hong Kong floor after the street: "45 Nathan Road, 7/F, Tsim Sha Tsui".
    r"|(?:\d{1,2}|[LU]?G)/F(?![\w/-])"
    # A Philippine barangay, named after the street: "Brgy. Poblacion", "Barangay San Roque".
    rf"|(?i:brgy\.|bgy\.|barangay)[ \t]*{_TOWN}"
    r"|(?:RT)?[ \t.]*\d{1,3}[ \t]*/[ \t]*RW[ \t.]*\d{1,3}(?![\w-])"
    # A building named after the street, by its word before the name: "40 Rue Verdun, Bldg. Al Amal, 5th floor".
    # A Central American gated estate by its word: "Condominio Los Pinos", "Residencial Las Flores".
    r"|(?:Bldg\.|Building|Bâtiment|Bât\.|Immeuble|Imm\.|Edificio|Edif\.|Résidence|Residence|Condominio|Residencial)"
    rf"(?:[ \t]+{_NAME_WORD}){{1,3}}"
    rf"|#[ \t]?\d{{1,3}}-\d{{1,4}}(?:[ \t]+{_NAMED_BUILDING})?"
    # A Japanese floor and room after the block's number: "梅田3-1-3 5階", "... 12F 1203号室", "... 305号"; a Hebrew
    # flat and floor: "רחוב הנביאים 15 דירה 4", "קומה 2".
    r"|\d{1,3}(?:階|F)(?:[ \t\u3000]?\d{1,4}号室?)?(?![\w-])|\d{1,4}号室?(?![\w-])"
    r"|(?:דירה|קומה)[ \t]*\d{1,4}(?![\w-]))"
)
# A Korean building and flat (dong and ho): "101-1203", "101동 1203호", "101-dong 1203-ho".
_DONG_HO = (
    r",[ \t]*(?!(?:19|20)\d\d-)\d{2,4}-\d{3,4}(?![\w-])"
    r"|,?[ \t]*\d{1,4}[ \t-]?(?:dong|동)[ \t,]*\d{1,4}[ \t-]?(?:ho|호)(?![\w-])"
)
# A Dhaka area and its numbered part, on its own between commas: "Gulshan-1", "Mirpur-10".
_NUMBERED_AREA = rf"{_NAME_WORD}-\d{{1,2}}(?=[ \t]*(?:[,\n]|$))"
# The corner or the street near it, written right after the street: "corner 5th Ave", "cnr of King St", "opp. 3rd
# Cross Road"; a street near it only when numbered ("near 2nd Avenue"; "near Regent's Park" is a landmark's name).
_CROSS_STREET = (
    rf"(?:{_ORDINAL}|{_NAME_WORD})(?:[ \t]+(?:{_NAME_WORD}|{_ORDINAL})){{0,3}}"
    rf"[ \t]+(?i:{STREET_WORDS}|{WEAK_STREET_WORDS})(?![\w-])"
)
_CORNER = (
    r"(?:,?[ \t]+|[ \t]+[-–][ \t]+)"
    r"(?i:corner|cnr\.?|cor\.|(?:near|nr\.|opp\.?|opposite|off)(?=[ \t]+(?:[^\W\d_]+[ \t]+){0,3}\d))"
    r"(?:[ \t]+(?i:of|with))?[ \t]+"
    rf"{_CROSS_STREET}(?:[ \t]+(?:&|and)[ \t]+{_CROSS_STREET})?"
)
_UNITS_AFTER = (
    rf"(?:(?:,[ \t]*|[ \t]+[-–][ \t]+|[ \t]*—[ \t]*|[ \t]+){_PART_AFTER}"
    rf"|,[ \t]*\d{{1,2}}-\d{{1,2}}(?=,)|[ \t][A-Z](?=,)"
    rf"|{_DONG_HO}|,[ \t]*{_NUMBERED_AREA}|{_CORNER}|,?[ \t]*(?:{_SPANISH_FLOOR})"
    # A landmark after the street, between its commas or ending the clause: "..., opposite City Mall, Pune".
    rf"|,[ \t]*{_LANDMARK}(?=[ \t]*(?:[,.;!?)\n]|$))"
    rf"|[ \t]\d{{1,2}}(?=[,\n])|[ \t][A-Z][ \t]\d{{1,3}}(?=,)|-\d{{4,5}}(?![\w-])|[ \t]+(?:Centre|Center|CBD)(?![\w-])"
    rf"|[ \t]+{_NAMED_BUILDING}(?=,)"
    # The kilometre of a highway after its name, as Mexico writes it: "Carretera Federal 95 km 12.5, Xochitepec".
    r"|[ \t]+(?i:km\.?)[ \t]*\d{1,3}(?:[.,]\d{1,3})?(?=[ \t]*[,\n])"
    # A named building after a comma, where its floor or office follows it, as East Africa writes it after the post
    # office box: "P.O. Box 1234-00200, Uchumi House, 6th floor, ..." (not a person's name: "12 Elm St, Tom Hall, ...").
    rf"|,[ \t]*{_NAMED_BUILDING}(?=,[ \t]*{_PART_AFTER})"
    # A Ghanaian digital address after the place, after a comma or in brackets: "..., Accra (GA-112-3349)".
    rf"|,[ \t]*{_GHANA_DIGITAL_ADDRESS}|[ \t]+\({_GHANA_DIGITAL_ADDRESS}\))*"
)
_PLACE_SEPARATOR = r"(?:,[ \t]*|[ \t]*\n[ \t]*|[ \t]+[-–][ \t]+)"
# A Malaysian area by its word before its name, which may be of three words itself: "Kawasan Perindustrian Bayan Lepas"
# (an industrial area), "Taman Sri Muda", "Kampung Baru".
_MALAYSIAN_AREA = r"(?:Kawasan[ \t]+Perindustrian|Kawasan|Taman|Kampung|Kg\.|Bandar|Desa|Pusat[ \t]+Perdagangan)[ \t]+"
_TOWN_AFTER = rf"(?:{_MALAYSIAN_AREA})?{_TOWN}(?:/{_TOWN_WORD})?(?:[ \t]\({_TOWN_WORD}\))?"
_POSTCODE_THERE = (
    r"(?:(?:(?:CEP|C\.P\.|CP|PIN|ZIP)[ \t:]*)?(?:"
    + _POSTCODE
    + r"|[A-Z]{1,2}-\d{4,5}|\d{3}-\d{4}|[A-Z]\d{4}(?:[A-Z]{3})?)(?![\w-])"
    # A postcode its words name may be as long as Iran's ten digits: "postal code 1458893711".
    r"|(?i:postal[ \t]+code|post[ \t]?code|zip[ \t]+code)[ \t:]*\d{4,10}(?:-\d{3,4})?(?![\w-]))"
)
# A town and its postcode may be joined by a hyphen, as Bangladesh writes them ("Dhaka-1213"); the town is then three
# letters at least ("D-79100" is a German postcode alone).
_PLACES_AFTER = (
    # A town may have its district's number: "Dublin 2\nD02 X285".
    rf"(?:(?:(?:{_PLACE_SEPARATOR}{_TOWN_AFTER}(?:[ \t]\d{{1,2}}(?=[ \t]*[,\n]))?)*{_PLACE_SEPARATOR}"
    rf"(?:{_TOWN_AFTER}(?:[ \t]+[-–]|(?<=[^\W\d_]{{3}})-(?=\d))?[ \t]*(?<=[\s-]){_POSTCODE_THERE}"
    rf"|{_POSTCODE_THERE}[ \t]+{_TOWN_AFTER}"
    # A lettered postcode is one wherever it stands: "Dublin 6, D06 F2X9 pls update".
    rf"|{_LETTERED_POSTCODE}"
    # Iceland's and the Faroes' three digits before the town, where the clause ends or a clause in lower case
    # follows: "Hverfisgata 12, 101 Reykjavík", "..., 101 Reykjavík if you can" (a town that is an everyday word is
    # none: see _around_an_address).
    rf"|(?P<short_postcode>\d{{3}})[ \t]+(?P<short_postcode_town>{_TOWN_AFTER})"
    rf"(?:{_CLAUSE_ENDS_AFTER_A_PLACE}|(?=[ \t]+[a-z]))"
    rf"|{_TOWN_AFTER}[ \t]+\d{{3}}{_CLAUSE_ENDS_AFTER_A_PLACE}"
    rf"|{_NOT_A_YEAR}{_POSTCODE_THERE}{_CLAUSE_ENDS_AFTER_A_PLACE})"
    rf"|[ \t]+{_TOWN_AFTER}[ \t]+{_NOT_A_YEAR}{_POSTCODE_THERE})"
    rf"(?P<country_after_a_comma>,[ \t]*(?P<country_there>{_TOWN_WORD}(?:[ \t]{_TOWN_WORD}){{0,3}}))?"
    rf"(?P<country_line>[ \t]*\n[ \t]*(?P<country>[A-Z][^\W\d_]*\.?(?:[ \t][A-Z][^\W\d_]*\.?){{0,3}})[ \t]*(?=\n|$))?"
    rf"|(?:,[ \t]*{_TOWN_AFTER}){{1,3}}{_SENTENCE_ENDS_AFTER_A_PLACE}"
    # A town alone on the last line of a postal block that a blank line ends, the letter going on after it: "..., 5th
    # floor\nTripoli\n\nDear Sir" (not a sign-off or a name: see _around_an_address). At the text's end a word alone on
    # the last line may be anything ("Send it to Apt 4\n17 Harbour Road\nDublin" keeps it).
    rf"|[ \t]*\n[ \t]*(?P<town_line>{_TOWN_AFTER})(?=[ \t]*\n[ \t]*\n)"
    # The postcode alone after a town the street detectors took: "Roosevelt Rd., Taipei City 100".
    rf"|[ \t]+{_NOT_A_YEAR}\d{{3,6}}{_CLAUSE_ENDS_AFTER_A_PLACE})"
)
# A form's lines after its street's, each by its label, down to the last that holds a number: "Line 2: Flat 4", "Apt:
# 12B", "City: Leeds", "State: OR", "ZIP: 97201", "Postcode: LS1 4AP" (a town's line after the last number, and the
# country's line, which names no one's home, stay).
_FORM_LABELS = (
    r"(?:address[ \t]+)?line[ \t]*[2-4]|apt\.?|apartment|unit|suite|flat|city|town|county|state|province|region"
    r"|district|zip(?:[ \t]*code)?|post[ \t]?code|postal[ \t]+code|pin(?:[ \t]*code)?|eircode"
    # Other languages' forms: German "PLZ/Ort:", "Postleitzahl:", French "Code postal:", "Ville:", Spanish "Código
    # postal:", Italian "Città:".
    r"|plz(?:[ \t]*/[ \t]*ort)?|postleitzahl|stadt|code[ \t]+postal|ville|c[oó]digo[ \t]+postal|città"
)
# A label on its line, as a list's bold item too: "City: Leeds", "- **Postcode:** BA11 4RT", "- **Town**: Frome".
_FORM_LABEL = rf"[ \t]*\n[ \t]*(?:[-*•][ \t]+)?(?:\*\*)?(?i:{_FORM_LABELS})(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*"
_FORM_VALUE = r"[^\s<][^\n<]{0,40}?(?=[ \t]*(?:\n|$))"
_FORM_LINES = rf"(?:{_FORM_LABEL}{_FORM_VALUE})*{_FORM_LABEL}(?=[^\n]*\d){_FORM_VALUE}"
# A floor or number after the postcode and town: the Czech "Praha 4, 2. patro", Taiwan's "Taipei City 110, 7F",
# Saudi Arabia's additional number that ends its national address ("Jeddah 23521, additional no. 8412").
_UNITS_AFTER_THE_PLACE = (
    rf",[ \t]*(?:{_PART_AFTER}|\d{{1,2}}F(?![\w-])"
    r"|(?i:additional[ \t]+(?:no\.?|number)|add(?:'l|\.)[ \t]+no\.?)[ \t]*:?[ \t]*\d{4}(?![\w-]))"
)
_AROUND_AN_ADDRESS = re.compile(
    rf"(?P<town>{_TOWN_BEFORE})?(?P<units>{_UNITS_BEFORE})?(?P<prefix>{_PREFIX_BEFORE})?"
    rf"(?P<placeholder>{re.escape(PLACEHOLDERS['ADDRESS'])})"
    # A Hungarian house number's full stop before the floor: "Váci utca 19. 3. em. 2.", "Király utca 8. II. em. 4.".
    rf"(?P<after>(?:\.(?=,|[ \t]+(?:(?:\d{{1,2}}|[IVX]{{1,4}})\.[ \t]?em(?:\.|elet)|fszt\.|földszint)))?"
    rf"{_UNITS_AFTER}(?:{_PLACES_AFTER}|{_FORM_LINES})?(?:{_UNITS_AFTER_THE_PLACE})?"
    # The country's line right after an address found whole: "Im Winkel 3\n50667 Köln\nDeutschland".
    rf"(?P<lone_country_line>[ \t]*\n[ \t]*(?P<lone_country>{_TOWN_WORD}(?:[ \t]{_TOWN_WORD}){{0,2}})[ \t]*(?=\n|$))?)"
)
# What the other detectors leave after an address, in any case, up to a postcode of a shape of its own (lettered, or
# after a place's name India's six digits, Brazil's five and three, four or five digits after a city):
# ", co. wicklow a98 e2n4", ", haryana 121007", " 4th Block, Bengaluru 560011", " 6W, D6W X2K7", ", Seoul 06236".
# The words after the address, then at most three parts after commas, each of at most four words, none naming a
# number of something else ("..., complaint no. 881234").
_TAIL_WORD = r"[^\W_][\w.'’-]*"
_TAIL_PART = rf"{_TAIL_WORD}(?:[ \t]+{_TAIL_WORD}){{0,3}}"
# Thanks or haste after an address, where the sentence goes on without a comma: "..., brisbane thanks".
_HASTE_AFTER = rf"[ \t]+(?i:{'|'.join(_THANKS_AND_HASTE)})(?![\w-])"
_TAIL_TO_A_POSTCODE = re.compile(
    rf"{re.escape(PLACEHOLDERS['ADDRESS'])}(?P<tail>(?:[ \t]+{_TAIL_PART})?(?:,[ \t]*{_TAIL_PART}){{0,3}})"
    # A dash before India's PIN code too: "..., haryana - 121007".
    rf"(?:(?:,?[ \t]+|[ \t]+[-–][ \t]+)"
    rf"(?:(?i:{_LETTERED_POSTCODE})|(?<!\d[ \t])(?P<bare_number>\d{{6}}|\d{{5}}-\d{{3}})(?![\w-]))"
    # Four or five digits right after a city of the gazetteer, no year: "..., Gangnam-gu, Seoul 06236", "...,
    # dhaka-1213" (not "..., London 2024 was"); after a comma too where the clause ends, as South Africa writes its
    # postcode: "..., Cape Town, 8001 please".
    rf"|(?<=[^\W\d_])(?:[ \t]+|-)(?!(?:19|20)\d\d(?!\d))(?P<city_number>\d{{4,5}})(?![\w-])"
    rf"|(?<=[^\W\d_]),[ \t]*(?!(?:19|20)\d\d(?!\d))(?P<city_number_after_a_comma>\d{{4}})"
    rf"(?=[ \t]*(?:[,.;!?)\n]|$)|{_HASTE_AFTER}))"
)
_NUMBER_OF_SOMETHING_ELSE = re.compile(
    r"(?i)\b(?:no|nr|num|number|order|ref|reference|ticket|invoice|complaint|case|id|tracking|account|acct|phone|tel)\b"
)


_HOUSE_NUMBER_OPENS = re.compile(r"^[ \t]+(?i:no|nr)\.?[ \t]*\d+[a-z]?(?![\w-])")
# The part of a town after its name: Indonesian and Malay east, west, north, south, centre; "Jakarta Selatan".
_PARTS_OF_A_TOWN = frozenset(("timur", "barat", "utara", "selatan", "pusat", "tengah"))


def _tail_to_a_postcode(match: re.Match[str]) -> str | None:
    tail = match.group("tail")
    # Six digits alone are a postcode after a place's name, not after an everyday word or a currency's code
    # ("..., budget 500000", "..., paid INR 125000").
    last_word = re.findall(r"[^\W\d_]+", tail)[-1:]
    # The city the number follows, of one word or more: "..., Seoul 06236", "..., Cape Town, 8001".
    last_words = re.findall(r"[^\W\d_]+", tail)[-3:]
    # Or a city and its part of town, as Indonesia writes it: "..., Jakarta Timur 13910", "..., Surabaya Barat 60111".
    if (
        (match.group("city_number") or match.group("city_number_after_a_comma"))
        and not any(
            " ".join(last_words[-count:]).title() in cities() for count in (1, 2, 3) if len(last_words) >= count
        )
        and not (
            len(last_words) >= 2 and last_words[-1].lower() in _PARTS_OF_A_TOWN and last_words[-2].title() in cities()
        )
    ):
        return None
    if match.group("bare_number") and (
        not last_word or last_word[0].lower() in everyday_words() or last_word[0].isupper()
    ):
        return None
    # "... and pay 123456 yen": a sentence goes on, no place; "..., 07700 900123": a phone's groups. The house's
    # number right after the street is the address's: "Jl. Raya Bekasi KM 21 No. 8, Cakung, ...".
    tail = _HOUSE_NUMBER_OPENS.sub("", tail)
    if (
        _NUMBER_OF_SOMETHING_ELSE.search(tail)
        or re.search(r"\d{5}", tail)
        or any(word.lower() in stop_words() for word in re.findall(r"(?<!\w)[^\W\d_]+(?!\w)", tail))
    ):
        return None
    return PLACEHOLDERS["ADDRESS"]


# The postcode and the town after an address found (the flat between allowed), as Europe writes them on one line: "47
# rue victor hugo 33000 bordeaux", "Vondelstraat 112 3hg, 1054 GT Amsterdam", "ul. Długa 17/3, 80-827 Gdańsk",
# "Ερμού 45, 105 63 Αθήνα"; the town a city of the gazetteer, ending the clause.
_POSTCODE_AND_TOWN_AFTER_AN_ADDRESS = re.compile(
    rf"{re.escape(PLACEHOLDERS['ADDRESS'])}(?:(?:[ \t]+\d{{1,3}}[^\W\d_]{{0,3}}(?![\w-]))?,?[ \t]+"
    rf"(?:{_NOT_A_YEAR}\d{{5}}|\d{{4}}[ \t]?[A-Za-z]{{2}}|\d{{2}}-\d{{3}}|\d{{3}}[ \t]\d{{2}})[ \t]+"
    r"(?P<town>[^\W\d_][\w'’-]*(?:[ \t][^\W\d_][\w'’-]*){0,2})"
    # Or a city's district number alone after the address, ending the clause: "..., 100 00 Praha 10", "...,
    # Colombo 03".
    rf"|(?P<district>[ \t]+\d{{1,2}}))(?=[ \t]*(?:[,.;!?)\n]|$)|[ \t]+[-–][ \t]|{_HASTE_AFTER}|[ \t]+instead\b)"
)


def _postcode_and_town_after_an_address(match: re.Match[str]) -> str | None:
    if match.group("district"):
        return PLACEHOLDERS["ADDRESS"]
    words = match.group("town").split()
    towns = (" ".join(words[:count]) for count in range(len(words), 0, -1))
    return PLACEHOLDERS["ADDRESS"] if any(_as_a_town(town) in cities() for town in towns) else None


def _as_a_town(words: str) -> str:
    """``words`` written as a town's name is: "são paulo" as "São Paulo"."""
    return " ".join(word[:1].upper() + word[1:] for word in words.split())


# A British, Irish or Canadian postal block whose house has a name and no number: lines of capitalised words, one a
# street with its street word or a house with its building word, down to a line that ends with a lettered postcode
# ("The Old Rectory\nChurch Lane\nLower Slaughter\nCheltenham\nGL54 2HS"). The lines above the first street or house
# (a person's, a company's) stay.
_BLOCK_LINE = r"[A-Z][^\W\d_]*\.?(?:[ \t]+[A-Za-z][^\W\d_'’-]*(?:['’-][^\W\d_]+)*\.?){0,4}"
_POSTAL_BLOCK_WITH_NO_NUMBER = re.compile(
    rf"(?m)^(?P<lines>(?:[ \t]*{_BLOCK_LINE}[ \t]*\n){{2,6}})[ \t]*(?:{_TOWN},?[ \t]+)?(?:{_LETTERED_POSTCODE})[ \t]*$"
)
_STREET_OR_HOUSE_LINE = re.compile(
    rf"(?m)^[ \t]*{_BLOCK_LINE}[ \t]+(?:{STREET_WORDS}|{WEAK_STREET_WORDS}|{_BUILDING_WORDS}|House|Farm|Lodge|Manor"
    r"|Hall|Mill|Barn|Court)[ \t]*\n"
)


def _postal_block_with_no_number(match: re.Match[str]) -> str | None:
    first = _STREET_OR_HOUSE_LINE.search(match.string, match.start("lines"), match.end("lines"))
    if first is None:
        return None
    return match.string[match.start() : first.start()] + PLACEHOLDERS["ADDRESS"]


# An Irish, British or Canadian street with no house number, on one line: the street by its street word, the town
# with its district's number or the locality and town after commas, and the lettered postcode ("Mill Lane,
# Ranelagh, Dublin 6, D06 K2P3", "Church Road, Hove BN3 2FL"); the flat and building before it are found around it
# ("Flat 4, The Granary, Mill Lane, ...").
_STREET_WITH_NO_NUMBER = re.compile(
    rf"(?<![\w/.:-])(?:{_NAME_WORD}[ \t]+){{1,3}}(?:{STREET_WORDS})(?![\w-]){_DIRECTION}"
    rf"(?:,[ \t]*{_TOWN}(?:[ \t]+\d{{1,2}})?(?![\w-])){{1,3}},?[ \t]+(?:{_LETTERED_POSTCODE})"
)


# Countries written in their own language, and as letters, after the postcode's line.
_COUNTRIES_AS_THEIR_PEOPLE_WRITE_THEM = frozenset(
    [
        "USA",
        "U.S.A.",
        "US",
        "UK",
        "UAE",
        "PRC",
        "Deutschland",
        "Österreich",
        "Schweiz",
        "Suisse",
        "Svizzera",
        "España",
        "Italia",
        "Polska",
        "Nederland",
        "België",
        "Belgique",
        "Sverige",
        "Norge",
        "Danmark",
        "Suomi",
        "Brasil",
        "México",
        "Türkiye",
        "Česko",
        "Magyarország",
        "România",
        "Perú",
        "Panamá",
        "Maroc",
        "Algérie",
        "Tunisie",
        "Sénégal",
        "Hrvatska",
        "Slovensko",
        "Slovenija",
        "Srbija",
        "Lietuva",
        "Latvija",
        "Eesti",
        "Ísland",
        "Éire",
        "Taiwan",
        "Россия",
        "Україна",
    ]
)


# A Malaysian state after the postcode and town, with its title of honour: "Selangor Darul Ehsan", "Kedah Darul
# Aman", "Negeri Sembilan Darul Khusus", "Johor Darul Ta'zim"; or without it, by its name: "Pulau Pinang", "Perak".
_MALAYSIAN_STATE = re.compile(
    r"(?:[A-Z][a-z]+[ \t]){1,2}Darul[ \t][A-Z][a-z]*(?:['’][a-z]+)?|Johor|Kedah|Kelantan|Melaka|Malacca"
    r"|Negeri[ \t]Sembilan|Pahang|Pulau[ \t]Pinang|Penang|Perak|Perlis|Sabah|Sarawak|Selangor|Terengganu"
    r"|Wilayah[ \t]Persekutuan|Kuala[ \t]Lumpur|Putrajaya|Labuan"
)


# Words that sign a letter off or date it on a line of their own, where a town could be.
_SIGN_OFFS_ALONE = frozenset(
    [
        *("thanks", "cheers", "best", "regards", "sincerely", "yours", "love", "bye", "thx", "ty"),
        *("today", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    ]
)


@functools.cache
def _countries() -> frozenset[str]:
    """The names of countries in English (from ``faker``) and as their people write them."""
    import faker.providers.address.en_US as us_addresses

    return frozenset(us_addresses.Provider.countries) | _COUNTRIES_AS_THEIR_PEOPLE_WRITE_THEM


def _around_an_address(match: re.Match[str]) -> str | None:
    # A word after the postcode and a comma, and the line after the postcode's or after the address, are the
    # address's only when they name a country ("Lima 15001, Perú", "80336 München\nDeutschland"): from the first that
    # does not ("Lima 15001, Monday", "80336 München\nThanks"), the rest is kept as it is.
    kept_after = ""
    for country, part in (
        ("country_there", "country_after_a_comma"),
        ("country", "country_line"),
        ("lone_country", "lone_country_line"),
    ):
        if (
            match.group(country)
            and match.group(country) not in _countries()
            and not _MALAYSIAN_STATE.fullmatch(match.group(country))
        ):
            kept_after = match.string[match.start(part) : match.end()]
            break
    # A town alone on its line follows an address that opens its own line, as a postal block's does ("Meet at 5 Elm
    # Street\nMonday\n\n..." keeps the day); a sign-off or a name there is the letter's ("12 Elm Street\nCheers").
    town_line = match.group("town_line")
    if town_line and (
        match.string[: match.start()].rstrip(" \t")[-1:] not in ("", "\n")
        or (first := town_line.split()[0]).lower() in _SIGN_OFFS_ALONE
        or first.lower() in stop_words()
        or given_name_of_several_locales(first)
    ):
        kept_after = match.string[len(match.string[: match.start("town_line")].rstrip(" \t\n")) : match.end()]
    # Three digits before an everyday word are a count, not a postcode: "12 Elm Street, 200 Guests." keeps them.
    town = match.group("short_postcode_town")
    if town and ((first := town.split()[0].lower()) in everyday_words() or first in stop_words()):
        head = match.string[match.start() : match.start("short_postcode")]
        kept_after = match.string[match.start() + len(head.rstrip(", \t\n")) : match.end()]
    # A sentence's adverb, a sign-off or a stop word before the streets is no town (towns are nouns too, "Tehran" in
    # WordNet's): "Yesterday, Main St., 12 Oak Road" keeps it and the street after it.
    kept_before = ""
    town_of_the_streets = match.group("town_of_the_streets")
    if town_of_the_streets and (
        (first := town_of_the_streets.split()[0].lower()) in stop_words()
        or first in adverbs()
        or first in _SIGN_OFFS_ALONE
    ):
        kept_before = match.string[match.start() : match.end("town")]
    around = match.group(0)[len(kept_before) : len(match.group(0)) - len(kept_after)]
    if around == PLACEHOLDERS["ADDRESS"]:
        return None
    # A given name where the estate's name would be is a person's, between the flat and the street: "Room 4, John
    # Smith, 12 Baker Street" keeps "John Smith" for the name detectors.
    if match.group("estate") and given_name_of_several_locales(match.group("estate").split()[0]):
        units = match.string[match.start() : match.start("estate")]
        separator = units[len(units.rstrip(", \t")) :]
        kept = match.string[match.start("estate") : match.start("placeholder")]
        return kept_before + PLACEHOLDERS["ADDRESS"] + separator + kept + PLACEHOLDERS["ADDRESS"] + kept_after
    return kept_before + PLACEHOLDERS["ADDRESS"] + kept_after


# What the street detectors, and the PII model's addresses after them, leave around an address: flats, floors and
# buildings before it, the place's parts and postcode after it.
# Addresses written all in lower case, as chat is, in the forms that the patterns above know capitalised ("47 rue
# victor hugo 33000 bordeaux", "av. paulista 1578, bela vista, são paulo", "ul. długa 17/3, 80-827 gdańsk", "no 21,
# jalan ss 2/75, 47300 petaling jaya"): the text is read again with each word capitalised as addresses are written
# (:func:`_capitalised_as_an_address`), and what those patterns find there, written in lower case in the text, is an
# address where it holds a postcode or a city of the gazetteer, or an address's cue comes before it ("mijn nieuwe adres
# is", "i live at"). Lower case alone says too little: "2 main road, then turn left".
_LOWER_CASE_STREET_WORDS = (
    "rue ", "av.", "avda", "avenida", "avenue", "calle ", "carrer ", "rua ", "via ", "viale ", "piazza ", "plaza ",
    "ul.", "ulica", "jalan ", "jl.", "nagar", "street", "road", "straat", "laan ", "gracht", "weg ", "strasse",
    "straße", "str.", "allee", "gasse", "boulevard", "lane", "way", "gade", "vej", "gatan", "katu", "-ku,", "-shi,",
)  # fmt: skip
# Words an address leaves in lower case between capitalised ones: "Avda. de la Constitución", "Rue des Petites Écuries".
# So do a floor's side, in German and Danish: "2. OG links", "2. th" (til højre).
_LOWER_CASE_IN_AN_ADDRESS = frozenset(
    ("de", "del", "de", "la", "las", "los", "el", "da", "do", "dos", "das", "di", "della", "dei", "delle", "van", "von",
     "der", "den", "du", "des", "le", "les", "y", "e", "et", "of", "the", "and", "links", "rechts", "th", "tv", "mf")
)  # fmt: skip
# The first letter of a word in lower case, not after a digit ("2nd", "3hg" stay).
_LOWER_CASE_WORD_OPENS = re.compile(r"(?<![\w'’-])([^\W\d_])([^\W\d_]*)")
# The United Kingdom's and Canada's postcodes as chat types them: "sa1 5jq", "m19 2lw", "m5v 2t6".
_UK_OR_CANADIAN_POSTCODE_IN_LOWER_CASE = r"[a-z]{1,2}\d[a-z\d]?[ \t]\d[a-z]{2}|[a-z]\d[a-z][ \t]\d[a-z]\d"
_UK_OR_CANADIAN_POSTCODE_AS_TYPED = re.compile(rf"(?<![\w/.-])(?:{_UK_OR_CANADIAN_POSTCODE_IN_LOWER_CASE})(?![\w/.-])")
# A postcode in an address: four to six digits that are no year, or Poland's "80-827", Czechia's "100 00", Brazil's
# "01310-100".
_A_POSTCODE_IN = re.compile(
    rf"(?<![\w/.-])(?:{_NOT_A_YEAR}\d{{4,6}}|\d{{2}}-\d{{3}}|\d{{3}}[ \t]\d{{2}}|\d{{5}}-\d{{3}}"
    rf"|{_UK_OR_CANADIAN_POSTCODE_IN_LOWER_CASE})(?![\w/.-])"
)


def _capitalised_as_an_address(text: str) -> str:
    """``text`` with each word in lower case capitalised, but for the words addresses leave in lower case and English
    function words; of the same length, each character where it was."""

    def capitalise(match: re.Match[str]) -> str:
        first, rest = match.groups()
        upper = first.upper()
        word = first + rest
        # English function words and thanks end an address's parts where the sentence goes on ("..., lagos for now",
        # "..., brisbane thanks").
        if (
            not first.islower()
            or len(upper) != 1
            or word in _LOWER_CASE_IN_AN_ADDRESS
            or (word in stop_words() and word != "no")
            or word in _THANKS_AND_HASTE
            or (word in _stop_words_of_other_languages() and word not in _OPENS_A_TOWN)
        ):
            return match.group(0)
        return upper + rest

    capitalised = _LOWER_CASE_WORD_OPENS.sub(capitalise, text)
    # A postcode of letters and digits is written in capitals: "Swansea SA1 5JQ".
    return _UK_OR_CANADIAN_POSTCODE_AS_TYPED.sub(lambda match: match.group().upper(), capitalised)


# Stop words of some language that open towns' names: "são paulo", "san josé".
_OPENS_A_TOWN = frozenset(("são", "san", "santa", "santo", "sankt", "saint", "sainte"))


@functools.cache
def _stop_words_of_other_languages() -> frozenset[str]:
    """The stop words of the Latin-script languages the name rules read, less the words addresses keep in lower case:
    Polish "bo", Spanish "y", "para"."""
    return frozenset().union(*stop_words_of_other_languages())


def _addresses_in_lower_case_as_capitalised(text: str) -> tuple[str, int]:
    """The detector of the addresses in lower case above: ``text`` with each replaced, and how many."""
    capitalised = _capitalised_as_an_address(text)
    if capitalised == text:
        return text, 0
    found = capitalised
    for detect in _DETECTORS_OF_CAPITALISED_ADDRESSES:
        found, _ = detect(found)
    if found == capitalised:
        return text, 0
    placeholder = PLACEHOLDERS["ADDRESS"]
    # Each placeholder of ``found`` stands for a span of ``capitalised`` (itself, where it was there already).
    replaced = re.fullmatch("(.+?)".join(map(re.escape, found.split(placeholder))), capitalised, re.DOTALL)
    if replaced is None:
        return text, 0
    spans = []
    for index in range(1, (replaced.lastindex or 0) + 1):
        start, end = replaced.span(index)
        written = text[start:end]
        # Only what was typed in lower case, capitals allowed where it was typed so ("bahnhofstr. 3, 2. OG links"), and
        # with a street's word in it, as the detector's trigger asks.
        if (
            written == placeholder
            or written == capitalised[start:end]
            or not any(word in written.lower() for word in _LOWER_CASE_STREET_WORDS)
        ):
            continue
        if (
            _A_POSTCODE_IN.search(written)
            or _HOME_OR_ADDRESS_RIGHT_BEFORE.search(text, max(0, start - 40), start)
            # Two places or more after the street, the last a city: "..., bela vista, são paulo"; a city alone after a
            # number and a street's word is said of courses, lanes and parking too ("corso python 3, roma", "6 lane
            # expressway, lekki", "2 plaza de garaje, madrid").
            or (capitalised.count(",", start, end) >= 2 and _ends_with_a_city(capitalised[start:end]))
        ):
            spans.append((start, end))
    # A span that takes in an address found before (its rest in lower case) adds no address.
    count = len(spans) - sum(text.count(placeholder, start, end) for start, end in spans)
    for start, end in reversed(spans):
        text = text[:start] + placeholder + text[end:]
    return text, count


def _ends_with_a_city(address: str) -> bool:
    """True when the last part of ``address`` after its commas opens with a city of the gazetteer, in one to three
    words: "..., são paulo", "..., lagos"."""
    words = re.sub(r"^[\d\W]+", "", address.rsplit(",", 1)[-1]).split()
    return any(_as_a_town(" ".join(words[:count])) in cities() for count in (1, 2, 3))


# An address's label in Cyrillic, Greek, Hebrew, Arabic, Persian, Urdu, Hindi, Bengali or Thai and its colon ("Адрес
# регистрации:", "Юридический адрес:", "Наша адреса:", "العنوان البريدي:", "آدرس:", "পता:", "ঠিকানা:"), and the
# value after it to the line's end, or to a full stop after a number that a capitalised word follows ("..., офіс 12.
# Працюємо ..."): an address where it holds a digit of any script and its parts are parted by commas ("ص.ب ١٢٣٤٥،
# الرياض ١١٤٥١"). "Адрес: см. раздел 4" stays. A value the street detectors found in part becomes one address.
_LABELLED_ADDRESS_OF_ANOTHER_SCRIPT = re.compile(
    r"(?P<cue>(?<![^\W\d_])(?i:(?:юридический|фактический|почтовый|юридична|поштова|наша|наш)[ \t]+)?"
    # (Arabic and Persian "عنوان" alone is a heading's title as often)
    r"(?i:адрес|адреса|адресу|адресою|διεύθυνση|כתובת|العنوان[ \t]+(?:البريدي|الكامل)"
    r"|عنوان[ \t]+(?:المنزل|التوصيل|الشحن)|آدرس|نشانی|پتہ|पता|ঠিকানা|ที่อยู่|አድራሻ(?:ዬ|ችን)?)"
    # Amharic writes its colons "፥" and "፦", and "፡" (its word space) as one.
    r"(?:[ \t]+[^\W\d_][^\s:：፡፥፦]{2,20}){0,2}[ \t]*[:：፡፥፦][ \t]*)"
    r"(?P<value>[^\n<]*?(?:<ADDRESS>[^\n<]*?)?)(?=[ \t]*(?:\n|$|<(?!ADDRESS>)|(?<=\d)\.[ \t]+[^\W\d_]))"
)


def _labelled_address_of_another_script(match: re.Match[str]) -> str | None:
    """See :data:`_LABELLED_ADDRESS_OF_ANOTHER_SCRIPT`: two numbers at least (a house and a postcode, a street and a
    flat, or a part the street detectors found) in parts parted by commas, and no word that numbers a text's parts
    ("см. раздел 4, пункт 2", "الفصل 3، الصفحة 12")."""
    value = match.group("value")
    numbers = len(re.findall(r"\d+(?:[-/.]\d+)*", value)) + 2 * value.count(PLACEHOLDERS["ADDRESS"])
    if (
        _AN_EMAIL_OR_A_WEBSITE_BEFORE.search(match.string, max(0, match.start() - 16), match.start())
        or numbers < 2
        or not re.search(r"[,،፣]", value)
        or value.strip() == PLACEHOLDERS["ADDRESS"]
        or _NUMBERING_WORDS_OF_OTHER_SCRIPTS.search(value)
    ):
        return None
    return match.group("cue") + PLACEHOLDERS["ADDRESS"]


# An e-mail's or a website's address, its word right before the label: "የኢሜይል አድራሻዬ፦", "የድር አድራሻችን፡", "адрес
# электронной почты" reads the other way and has no digits to part.
_AN_EMAIL_OR_A_WEBSITE_BEFORE = re.compile(
    r"(?i:e-?mail|ኢሜይል|ኢሜል|ድር|ድረ-ገጽ|ईमेल|ইমেইল|ایمیل|אימייל|البريد[ \t]+الإلكتروني|веб|сайт)[ \t]*$"
)
_NUMBERING_WORDS_OF_OTHER_SCRIPTS = re.compile(
    r"(?i)(?<![^\W\d_])(?:раздел|пункт|глава|страница|розділ|сторінка|параграф|п\.|الفصل|الصفحة|فصل|صفحه|صفحہ|بند"
    r"|पृष्ठ|अध्याय|পৃষ্ঠা|অধ্যায়|หน้า|κεφάλαιο|σελίδα|עמוד|פרק|סעיף)(?![^\W\d_])"
)


AROUND_AN_ADDRESS_DETECTORS: tuple[Detector, ...] = (
    Detector("ADDRESS", substitute(_AROUND_AN_ADDRESS, _around_an_address), contains(PLACEHOLDERS["ADDRESS"].lower())),
    Detector(
        "ADDRESS", substitute(_TAIL_TO_A_POSTCODE, _tail_to_a_postcode), contains(PLACEHOLDERS["ADDRESS"].lower())
    ),
    Detector(
        "ADDRESS",
        substitute(_POSTCODE_AND_TOWN_AFTER_AN_ADDRESS, _postcode_and_town_after_an_address),
        contains(PLACEHOLDERS["ADDRESS"].lower()),
    ),
)
# What finds the capitalised addresses that :func:`_addresses_in_lower_case_as_capitalised` reads lower case as.
_DETECTORS_OF_CAPITALISED_ADDRESSES = (
    substitute(_ADDRESS, _street),
    substitute(_STREET_WORD_BEFORE_THE_NUMBER, _street),
    substitute(_STREET_OF_ITS_OWN_NAME, _street_of_its_own_name),
    substitute(_INDIAN_ADDRESS, _indian_address),
    *(detector.detect for detector in AROUND_AN_ADDRESS_DETECTORS),
)
ADDRESS_DETECTORS: tuple[Detector, ...] = (
    Detector("ADDRESS", substitute(_ADDRESS, _street), has_digit),
    Detector("ADDRESS", substitute(_STREET_WORD_BEFORE_THE_NUMBER, _street), both(has_digit, _NAMES_A_STREET_WORD)),
    Detector(
        "ADDRESS",
        substitute(_GERMAN_DATE_ADDRESS, _street),
        both(has_digit, contains(" des ", " der ", " dem ", " den ", " zum ", " zur ", " vom ")),
    ),
    Detector(
        "ADDRESS",
        substitute(_CYRILLIC_ADDRESS, _street),
        both(has_digit, contains("ул", "пр", "пер", "наб", "ш.", "шоссе", "б-р", "бульвар", "пл")),
    ),
    Detector("ADDRESS", substitute(_KOREAN_ADDRESS, _street), both(has_digit, contains("-ro", "-gil", "-daero"))),
    Detector("ADDRESS", substitute(_COLOMBIAN_ADDRESS, _street), both(has_digit, contains("#", "no", "n°", "nº"))),
    Detector(
        "ADDRESS",
        substitute(_VIETNAMESE_STREET_BY_ITS_WORDS, _street),
        both(has_digit, contains("phố", "đường", "đ.", "ngõ", "ngách", "hẻm", "kiệt")),
    ),
    Detector(
        "ADDRESS", substitute(_VIETNAMESE_ADDRESS, _street), both(has_digit, contains("quận", "huyện", "district"))
    ),
    Detector("ADDRESS", substitute(_WEAK_ADDRESS, _weak_address), has_digit),
    Detector("ADDRESS", substitute(_HIGHWAY_KILOMETRE, _street), both(has_digit, contains("km", "kilómetro"))),
    Detector(
        "ADDRESS",
        substitute(_TURKISH_NEIGHBOURHOOD_ADDRESS, _street),
        both(has_digit, contains("mah.", "mh.", "mahallesi")),
    ),
    Detector("ADDRESS", substitute(_UNNAMED_STREET, _unnamed_street), has_digit),
    Detector("ADDRESS", substitute(_STREET_OF_ITS_OWN_NAME, _street_of_its_own_name), has_digit),
    Detector("ADDRESS", substitute(_INDIAN_ADDRESS, _indian_address), has_digit),
    Detector("ADDRESS", _addresses_in_lower_case_as_capitalised, both(has_digit, contains(*_LOWER_CASE_STREET_WORDS))),
    Detector("ADDRESS", substitute(_LOWER_ADDRESS, _lower_address), has_digit),
    Detector("ADDRESS", substitute(_LOWER_SUFFIXED_STREET, _street), has_digit),
    Detector("ADDRESS", substitute(_GRID_ADDRESS, _street), has_digit),
    Detector(
        "ADDRESS",
        substitute(_JAPANESE_ADDRESS_IN_KANJI, _street),
        both(has_digit, contains("市", "区", "町", "村", "郡")),
    ),
    Detector("ADDRESS", substitute(_CHINESE_ADDRESS, _street), both(has_digit, contains("号", "號"))),
    *(
        Detector(
            "ADDRESS",
            substitute(pattern, _native_address if pattern is _ARABIC_ADDRESS else _street),
            both(has_digit, contains(*words)),
        )
        for pattern, words in _NATIVE_ADDRESSES
    ),
    Detector(
        "ADDRESS",
        substitute(_JAPANESE_BLOCK_AFTER_ITS_DISTRICT, _street),
        both(has_digit, contains("-ku", "-shi", "-gun", "-machi", "-cho", "-chō", "-mura", "city", "ward", "chome")),
    ),
    Detector("ADDRESS", substitute(_NUMBERED_PARTS, _numbered_parts), has_digit),
    Detector(
        "ADDRESS", substitute(_RURAL_ROUTE, _street), both(has_digit, contains("rr", "r.r.", "rd", "r.d.", "rural"))
    ),
    Detector("ADDRESS", substitute(_LOWER_SINGAPORE_BLOCK, _street), both(has_digit, contains("blk", "block"))),
    Detector(
        "ADDRESS",
        substitute(_DEVANAGARI_ADDRESS, _street),
        both(number_of(6), contains(*_DEVANAGARI_HOUSE_WORDS)),
    ),
    Detector("ADDRESS", substitute(_ADDRESS_ANNOUNCED, _announced_address), has_digit),
    Detector(
        "ADDRESS",
        substitute(_LABELLED_ADDRESS_OF_ANOTHER_SCRIPT, _labelled_address_of_another_script),
        both(
            has_digit,
            contains("адрес", "διεύθυνση", "כתובת", "عنوان", "آدرس", "نشانی", "پتہ", "पता", "ঠিকানা", "ที่อยู่", "አድራሻ"),
        ),
    ),
    Detector("ADDRESS", substitute(_GHANA_DIGITAL_ADDRESS_ALONE, _ghana_digital_address), number_of(7)),
    Detector("ADDRESS", substitute(_POSTAL_BLOCK_WITH_NO_NUMBER, _postal_block_with_no_number), has_digit),
    Detector("ADDRESS", substitute(_STREET_WITH_NO_NUMBER, whole("ADDRESS")), both(has_digit, _NAMES_A_STREET_WORD)),
    # After the others, whose street words and cues take an address whole ("Indirizzo: via Aurelia 412, ...").
    Detector("ADDRESS", substitute(_STREET_NUMBER_POSTCODE_TOWN, _street_number_postcode_town), has_digit),
    # Last: what the others leave around the addresses they found, in texts that hold one.
    *AROUND_AN_ADDRESS_DETECTORS,
)
