"""Street addresses and person names found by rules: the part of name and address detection that needs no model.

**Addresses** (``<ADDRESS>``): a house number and a street named by its street word, as each country writes
it (``12 Baker Street``, ``221B Baker St.``, ``350 W 57th St``, ``1540 Broadway``, ``Hauptstraße 5``,
``Konrad-Adenauer-Straße 12``, ``12 rue de la Paix``, ``Calle Mayor 7``, ``Via Roma 10``, ``Kungsgatan 44``,
``Keizersgracht 123``), Indian and Japanese addresses (``House No. 45, Sector 21, Gurugram 122001``, ``1-2-3
Minami-Aoyama, Minato City``), with what follows it when it reads as the rest of the address (flat or suite,
postcode, city, state, in either order); ``P.O. Box 123``; in lower case ("56 pine st apt 3 seattle wa 98101"),
with a ZIP code or postcode after it or "ship to", "live at" before it. A street word that is also an everyday word
("Drive", "Way", "Park", "Place") makes an address only where the street ends its clause (a comma, the end of
the sentence) or a word such as "live at", "ship to", "address:" comes before it: "2 Google Drive accounts"
stays.

**Person names** (``<PERSON>``): words written as names right after a word that introduces one ("my name is",
"Name:", "Dear", "Hi", "Regards,", "Mr", "Dr", "spoke with", "ask", "my colleague" ...), and a given name
followed by a surname that a name list holds (the person-name lists of the ``faker`` package, 86 locales, the
Cyrillic and Greek ones transliterated), and two to four capitalised words that no list fully knows and none of
which is an everyday English word, where a person's name stands ("add ...", "approved by ...", "...'s invoice",
"... and I", "... called"). The named-entity model of :mod:`feedback_loop.privacy.ner` checks them and adds the
names no rule sees. Forms and e-mails (seventh round): names in capitals are read in a copy of the text where they
are written as names are (:func:`capitals_as_written`: "MR. OKAFOR", "NAME: REZAEI HAMID"), names written surname
first with a comma ("Okafor, Chidi") where a record or a field holds them, and a field's value or a cued name made of
English words only is none ("Family name: as shown in your passport", "Dear Hiring Manager").
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import json
import pathlib
import pkgutil
import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from feedback_loop.privacy.placeholders import PLACEHOLDERS, Detector, both, contains, has_digit, number_of, substitute

# --- ADDRESS ------------------------------------------------------------------------------------------------

_WORD = r"[^\W\d_][^\W\d_'’.-]*(?:['’-][^\W\d_]+)*\.?"
# Latin and Cyrillic capitals: "ул. Тверская, д. 7, Москва".
_CAPITAL = r"(?=[A-ZÀ-ÖØ-ÞĀ-ŽЀ-ЯҐ])"
_NAME_WORD = _CAPITAL + _WORD
# A numbered street's name: "350 W 57th St", "55 5th Avenue", "1 E 42nd Street".
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)(?![\w-])"
# "221B", "32/4/9", "221/B": a house, staircase and flat, or a house's letter after a slash, as India writes it.
_AFTER_FIRST_DIGIT = r"\d{0,4}[A-Za-z]?(?:[-/](?:\d{1,4}[A-Za-z]?|[A-Z](?![\w-]))){0,2}"
_HOUSE_NUMBER = r"\d" + _AFTER_FIRST_DIGIT
# Street words that are nothing else.
_STREET_WORDS = (
    r"Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Av\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Highway|Hwy\.?|Parkway|Pkwy\.?"
    r"|Crescent|Cres\.?|Terrace|Tce\.?|Esplanade|Embankment|Promenade|Marg|Nagar|Strasse|Straße|Str\.|Allee|Gasse|Weg"
)
# Street words that are everyday words too: an address only where the street ends its clause, or is announced.
# "Parade" is one ("the 2024 Pride Parade"), and so is "Broadway", a street of its own name with no street word
# ("1540 Broadway, New York"; "3 Broadway shows").
_WEAK_STREET_WORDS = (
    r"Drive|Dr\.?|Way|Court|Ct\.?|Place|Pl\.?|Square|Sq\.?|Close|Park|Hill|Walk|Row|Grove|Gardens|Circle|Cir\."
    r"|Plaza|Path|Trail|Mews|Green|View|Rise|Vale|Heights|Point|Quay|Wharf|Parade|Alley"
)
# A flat, suite or floor, in English or as Romance languages write it ("apto 81", "piso 3", "int. 5"), or a Spanish
# or Portuguese floor and door ("4º B", "2º izq.", "3.º Dto", "1.º andar"); "#05-67" is a Singapore floor and unit,
# "m. 15" a Polish flat (right after the house number: "12 Baker Street m. 5 minutes" is no flat), "Kat 2 Daire 6" a
# Turkish floor and flat, "2. th." a Danish floor and side (right, left, middle; "st." the ground floor), "кв. 12" a
# Russian flat. Its number holds a digit or is one capital ("Flat B"): "Unit tests" is no flat. Only ever read after a
# street, so "m. 15" or "Kat 3" alone is no flat.
_UNIT = (
    r"(?:,?\s*(?:(?i:apt\.?|apartment|suite|ste\.?|unit|flat|floor|fl\.?|room|rm\.?|apto\.?|ap\.|apartamento"
    r"|appartement|app\.|dpto\.?|depto\.?|kv\.|piso|planta|puerta|pta\.|bloco|bloque|sala|andar|conj\.|int\.|interno|scala"
    r"|bât\.|lok\.|kat|daire|кв\.|корп\.|оф\.)\s*|#\s*)(?:[\w-]{0,5}\d[\w-]{0,5}|[A-Z](?![\w-]))"
    r"|,?\s*\d{1,2}\.?\s?[º°ª](?:\s?(?:[A-Z](?!\w)|\d{1,2}\s?[º°ª]|(?i:izq(?:uierda)?|dcha|der(?:echa)?|ctro|centro"
    r"|dto|dt[ao]|esq|fte|frente|andar)(?:\.|(?!\w))))?"
    r"|,?\s*(?:\d{1,2}|st)\.\s?(?:th|tv|mf)(?:\.|(?![\w-]))"
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
# A town's word ends where a word does (never before a digit: "London NW1 6XE" is a town and a postcode, not the town
# "London NW" and "1 6XE"), and ends with a full stop only where it is a short abbreviation inside the town ("St.
# Albans", "Ft. Worth"), not at a sentence's end ("Springfield.", "St Albans. Thanks").
_TOWN_WORD = rf"(?:[A-Z][a-z]{{0,2}}\.(?=[ -]{_CAPITAL})|{_CAPITAL}[^\W\d_][^\W\d_'’.-]*(?:['’-][^\W\d_]+)*(?!\w))"
# A town's name may hold a particle ("Cercado de Lima", "Newcastle upon Tyne"; not German "am" and "an", which are
# days and times as often: "Berlin am Montag") and end with "City" after three words ("Ho Chi Minh City").
_TOWN = rf"{_TOWN_WORD}(?:[ -](?:(?:de|del|da|do|di|du|la|le|upon|sur)[ -])?{_TOWN_WORD}){{0,2}}(?: City)?"
_PLACE = rf"(?:{_TOWN}(?:\s+{_POSTCODE})?|{_POSTCODE}(?:\s+{_TOWN})?)"
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
    rf"{_HOUSE_NUMBER},?\s+{_NUMBERED_STREET_NAME}\s+(?:{_STREET_WORDS})(?![\w-]){_DIRECTION}(?:\s+\d{{1,2}}(?=,))?"
)
_ENGLISH_WEAK_STREET = (
    rf"{_HOUSE_NUMBER},?\s+(?:{_STREET_NAME}\s+(?:{_WEAK_STREET_WORDS})|Broadway)(?![\w-]){_DIRECTION}"
)
# "Hauptstraße 5", "Am Lindenweg 12a", "Keizersgracht 123", "Kungsgatan 44", "Nørrebrogade 7", and German streets
# named after a person, their words joined by hyphens: "Konrad-Adenauer-Straße 12", "Kaiser-Wilhelm-Ring 40",
# "Karl-Marx-Str. 8", "Kaiser-Friedrichstraße 3" (a street word apart after two words at least: "Multi-Ring 3" is a
# product).
_GERMAN_STREET_WORDS = r"Straße|Strasse|Str\.|Weg|Gasse|Platz|Allee|Ring|Damm|Ufer"
_STREET_SUFFIXES = (
    r"straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|steig|pfad|straat|laan|gracht|plein"
    r"|kade|singel|dijk|gatan|gata|vägen|väg|gade|vej|veien|vei|gate|katu|tie|utca|ulica|ul\."
)
# A year is no house number: "Mid-Spring 2024 sale", "Post-Watergate 1974 reforms".
_NOT_A_YEAR = r"(?!(?:19|20)\d\d(?![\w-]))"
_SUFFIXED_STREET = (
    rf"(?:(?:Am|An der|Auf der|Im|In der|Zum|Zur)\s+)?{_CAPITAL}[^\W\d_]*(?:{_STREET_SUFFIXES}"
    rf"|(?:-{_CAPITAL}[^\W\d_]{{2,}}){{0,2}}-{_CAPITAL}[^\W\d_]*(?:{_STREET_SUFFIXES})"
    rf"|(?:-{_CAPITAL}[^\W\d_]{{2,}}){{1,2}}-(?:{_GERMAN_STREET_WORDS}))\s+{_NOT_A_YEAR}{_HOUSE_NUMBER}(?![\w-])"
)
# "Mariahilfer Straße 88", "Karl Johans gate 22", "Váci utca 10", "Bağdat Caddesi 12": the street word apart.
_SEPARATE_STREET = (
    rf"{_STREET_NAME}\s+(?:{_GERMAN_STREET_WORDS}|gate|gata|gatan|vei|veien|vej"
    r"|vägen|väg|utca|út|ulica|ulice|straat|laan|tie|katu|iela|gatvė|[Cc]addesi|[Ss]okak|[Ss]okağı|[Bb]ulvarı"
    r"|prospekt|pereulok|naberezhnaya|shosse|náměstí|nábřeží|třída)"
    rf"\s+(?:No[:.]?\s*)?{_HOUSE_NUMBER}(?![\w-])"
)
# "12 rue de la Paix", "3 bis avenue Foch", "Calle Mayor 7", "C/ de Balmes, 12", "Via Roma 10", "Rua Augusta 200",
# and the street words written first in Catalan, Polish, Romanian, Albanian and South Slavic addresses
# ("Carrer de Mallorca 401", "ul. Marszałkowska 84", "Calea Victoriei 12", "Rruga e Kavajës 5"), Belgian and Peruvian
# ones ("31 Chaussée de Wavre", "Jr. Huallaga 320", "Psje. Los Pinos 12").
_ROMANCE_STREET_WORDS = (
    r"rue|avenue|av\.|bd|boulevard|place|chemin|allée|impasse|quai|route|cours|calle|c/|avenida|avda\.?|paseo"
    r"|plaza|carrera|camino|ronda|rua|travessa|largo|praça|via|viale|piazza|corso|vicolo|strada"
    r"|carrer|passeig|avinguda|ul\.|ulica|aleja|plac|calea|bulevardul|rruga|ulitsa|prospekt|bulevar|cesta|trg"
    r"|vul\.|vulytsia|bul\.|prosp\.|pr-t|jalan|jl\.|jln\.|chaussée|chaussee|drève|faubourg|jirón|pasaje|psje\.|pje\."
    r"|calzada|carretera|ctra\.|alameda|malecón|prolongación|prol\."
    # Peru's "Jr." (jirón), its house numbered in two digits or more, not the "Jr." of a name before a year or a
    # count: "Martin Luther King Jr. Day 2025", "Sammy Davis Jr. Award 3".
    r"|jr\.(?=(?:\s+[^\W\d_]+){1,4}\s+(?!(?:19|20)\d\d(?![\w-]))\d{2})"
)
_ROMANCE_ARTICLE = r"(?:de|del|de la|de l'|d'|d’|du|des|da|do|dos|das|di|della|dei|delle|e)"
# Mexican streets named by a date: "Calle 5 de Mayo 32", "Av. 16 de Septiembre 21".
_ROMANCE_STREET_NAME = (
    rf"(?:{_ROMANCE_ARTICLE}\s*|\d{{1,2}}\s+de\s+)?{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|de|del|la|da|di))*?"
)
# The name runs to its last capitalised word: "33 boulevard Victor Hugo, 40963 Nantes" is one address.
# A Malaysian house is "No. 12" and its street may be numbered after its name: "No. 8, Jalan USJ 4/5, 47600 Subang
# Jaya".
_FRENCH_STREET = (
    rf"(?:No\.\s*)?{_HOUSE_NUMBER}(?:\s?(?:bis|ter))?,?\s+(?i:{_ROMANCE_STREET_WORDS})\s+"
    rf"(?:{_ROMANCE_ARTICLE}\s*)?{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|de|del|la|du|des|da|di))*"
    r"(?:\s+\d{1,3}[A-Z]?/\d{1,3}[A-Z]?)?(?=[\s,.;)]|$)"
)
_SOUTHERN_STREET = (
    rf"(?i:{_ROMANCE_STREET_WORDS})\s+{_ROMANCE_STREET_NAME},?\s+(?:(?:[Nn][º°oO]?[.:]?|d\.|Kav\.)\s*)?"
    rf"{_HOUSE_NUMBER}"
    r"(?![\w-])"
)
# The English street word before the number, as Kenya, Israel, the Gulf and much of Africa and Asia write it, a town
# after a comma, or a flat and then the town: "Moi Avenue 45, Nairobi 00100", "Rothschild Blvd 22, Tel Aviv", "Herzl St
# 10, Haifa", "Sahaidachnoho St 14, apt 3, Kyiv 04070".
_NUMBER_AFTER_STREET_WORD = (
    rf"{_STREET_NAME}\s+(?:{_STREET_WORDS})(?![\w-])\s+{_NOT_A_YEAR}{_HOUSE_NUMBER}(?![\w-])"
    rf"(?=(?:{_UNIT})?,\s*{_CAPITAL})"
)
# Korean road names: "45 Sejong-daero", "152 Teheran-ro", "25 Olympic-ro 35-gil".
_KOREAN_STREET = rf"{_HOUSE_NUMBER},?\s+{_CAPITAL}[^\W\d_]+-(?:ro|gil|daero)(?:\s+\d{{1,3}}(?:beon)?-gil)?(?![\w-])"
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
    rf"{_HOUSE_NUMBER}\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}},\s*"
    rf"(?:(?:(?:(?:Phường|P\.)?\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}|(?:Phường|P\.)\s*\d{{1,2}}),\s*)?(?:Quận|Huyện)"
    rf"|(?:{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}\s+Ward|Ward\s*\d{{1,2}}),\s*District"
    rf"|District(?=\s*\d{{1,2}},\s*{_CAPITAL}))\s*\d{{1,2}}(?![\w-])"
)
# A German box number is written in pairs of digits: "Postfach 10 01 52". The box as each language names it: "Caixa
# Postal 2210", "Postbus 4410", "Casilla 302", "Apartado Postal 12", "Boîte postale 7", "Postboks 300"; the French "BP"
# before a postcode only ("BP 88, 69002 Lyon"; not "BP 500 stations").
_PO_BOX = (
    r"(?i:postfach\s+\d{2}(?:\s\d{2}){1,3}(?!\d)"
    r"|(?:p\.?\s?o\.?\s?box|post\s+office\s+box|postfach|apartado(?:\s+(?:de\s+correos|postal))?|casella\s+postale"
    r"|caixa\s+postal|postbus|casilla(?:\s+de\s+correos?)?|bo[iî]te\s+postale|postboks|skrytka\s+pocztowa)\s+\d{1,6})"
    r"|BP\s+\d{1,5}(?=,?\s+\d{5}(?![\w-]))"
)
# "3-2-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo 160-0023": Japanese block numbers, the district, a ward or city; the ward
# or city may be written in English ("1-2-3 Minami-Aoyama, Minato City, Tokyo") after three block numbers, for two
# are a score as well ("won 2-1 Chelsea, Leicester City").
_JAPANESE_BLOCK = (
    rf"(?:\d{{1,2}}-\d{{1,2}}(?:-\d{{1,3}})?,?\s+{_NAME_WORD}(?:-{_WORD})?,\s*{_NAME_WORD}-(?:ku|shi|gun|machi|cho|chō"
    rf"|mura)|\d{{1,2}}-\d{{1,2}}-\d{{1,3}},?\s+{_NAME_WORD},\s*{_NAME_WORD}\s+(?:City|Ward))"
    rf"(?![\w-])(?:,\s*{_TOWN}(?:\s+〒?\d{{3}}-\d{{4}})?)?"
)
# Not right after a time's colon ("14:30:00Z WARN the Wall Street Journal").
_ADDRESS = re.compile(
    rf"(?<![\w/.:-])(?:{_ENGLISH_STREET}|{_SUFFIXED_STREET}|{_SEPARATE_STREET}|{_FRENCH_STREET}|{_SOUTHERN_STREET}"
    rf"|{_JAPANESE_BLOCK}|{_PO_BOX}){_REST_OF_ADDRESS}"
)
# The fifteenth round's shapes, each a detector of its own behind a test of the words it cannot match without: one
# more alternative of _ADDRESS, tried at every word of every text with a digit, cost a third of its time.
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
_CYRILLIC_HOUSE = rf"(?:,?\s+(?:д\.|дом)\s*|,?\s+){_HOUSE_NUMBER}(?![\w-])"
_CYRILLIC_ADDRESS = re.compile(
    rf"(?<![\w/.:-])(?:(?i:{_CYRILLIC_STREET_WORDS})\s+{_STREET_NAME}|{_STREET_NAME}\s+(?i:{_CYRILLIC_STREET_WORDS}))"
    rf"{_CYRILLIC_HOUSE}{_REST_OF_ADDRESS}"
)
_KOREAN_ADDRESS = re.compile(rf"(?<![\w/.:-]){_KOREAN_STREET}{_REST_OF_ADDRESS}")
_COLOMBIAN_ADDRESS = re.compile(rf"(?<![\w/.:-]){_COLOMBIAN_STREET}{_REST_OF_ADDRESS}")
_VIETNAMESE_ADDRESS = re.compile(rf"(?<![\w/.:-]){_VIETNAMESE_STREET}{_REST_OF_ADDRESS}")
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
_JAPANESE_ADDRESS_IN_KANJI = re.compile(
    rf"(?:〒\s?\d{{3}}-\d{{4}}\s*)?{_HAN_ADDRESS_START}(?:{_HAN}{{2,3}}[都道府県])?(?:{_HAN}{{1,4}}?[市区町村郡]){{1,2}}"
    rf"{_KANJI_OR_KANA}{{0,12}}?\d{{1,4}}(?:丁目|-)\d{{1,4}}(?:番地?|-)?(?:\d{{1,4}}号?)?(?![\d-])"
)
_CHINESE_PLACE = rf"{_HAN}{{1,3}}?(?:省|自治区|市|区|县|區|縣)"
_CHINESE_ADDRESS = re.compile(
    rf"{_HAN_ADDRESS_START}(?:(?:{_CHINESE_PLACE})+{_HAN}{{1,8}}?(?:路|街|大道|大街|道|巷|弄|胡同)|{_HAN}{{1,8}}?(?:路|街|大道|大街|巷|弄|胡同))"
    r"(?:[一二三四五六七八九十\d]{1,3}段)?(?:\d{1,4}[巷弄])*\d{1,5}[号號]"
    r"(?:\d{1,4}(?:号楼|號樓|栋|棟|单元|單元|楼|樓|层|層|室))*"
)
# "Damrak 62, 1012 LM Amsterdam", "Rynek 5, 31-042 Kraków", "Marktplatz 1, 12345 Musterstadt": a street with no
# street word is an address when a postcode and a town follow it, a postcode written only as postcodes are (Dutch,
# Polish, Portuguese, Swedish), or 4-5 digits where a word announces an address ("ship to", "address:"); on the next
# line of a postal block too, and after the abbreviated word of an estate or an alley ("os. Kwiatowe 7/12\n60-101
# Poznań").
_POSTCODE_OF_ITS_OWN = r"\d{4}\s?[A-Z]{2}(?![\w-])|\d{2}-\d{3}|\d{4}-\d{3}|\d{3}\s\d{2}"
_UNNAMED_STREET = re.compile(
    rf"(?<![\w/.-])(?:[a-z]{{1,4}}\.[ \t]+)?"
    rf"(?P<german>(?=(?:Am|An|Auf|Im|In|Zum|Zur|Unter|Hinter|Vor)\s))?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}\s+{_HOUSE_NUMBER}"
    rf"(?:,\s*|[ \t]*\n[ \t]*)(?:(?P<own>{_POSTCODE_OF_ITS_OWN})|(?P<digits>(?!(?:19|20)\d\d\b)\d{{4,5}}))\s+{_TOWN}"
)
# A British or an Australian street of its own name with no street word ("14 Kingsway", "3 Broadgate", "5 Ffordd y
# Castell", "48 Hindley Arcade"): with the town and postcode after it, a British one or an Australian state's and its
# four digits ("Adelaide SA 5000"), a locality between them ("8 Wool Yard, Canal Road, Bradford BD2 1AB"). Found from
# the house number's first digit (see _LOWER_ADDRESS).
_UK_POSTCODE = rf"{_BRITISH_POSTCODE}(?![\w-])"
_AUSTRALIAN_POSTCODE = r"(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)\s+\d{4}(?![\w-])"
_STREET_OF_ITS_OWN_NAME = re.compile(
    rf"\d(?<![\w/.:-]\d){_AFTER_FIRST_DIGIT}\s+{_NAME_WORD}(?:\s+(?:(?:y|yr|an|de|la)\s+)?{_NAME_WORD}){{0,2}}"
    rf"(?:,\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})?,\s*{_TOWN},?\s+(?:{_UK_POSTCODE}|{_AUSTRALIAN_POSTCODE})"
)
_WEAK_ADDRESS = re.compile(rf"(?<![\w/.:-])(?P<street>{_ENGLISH_WEAK_STREET}){_REST_OF_ADDRESS}")
# Indian addresses: a house, flat or plot number ("House No. 45", "Flat 302", "Plot 7", "#12", "B-14"), its
# localities and town, and a six-digit PIN code or a numbered locality ("Sector 21", "Road No. 12", "12th Cross",
# "3rd Main"): "House No. 45, Sector 21, Gurugram 122001", "B-14, Lajpat Nagar II, New Delhi 110024", "Plot 7, Road
# No. 12, Banjara Hills, Hyderabad". Thai houses are numbered the same way, the soi right after them: "45/7 Moo 2",
# "99/12 Sukhumvit Soi 31, Khlong Toei Nuea, Bangkok 10110".
_INDIAN_HOUSE = (
    r"(?:(?:(?:House|H\.|Flat|Plot|Door|Shop|Villa)\s*(?:No\.?|Number|#)?\s*|#\s*|[A-Z]{1,2}[-/])"
    rf"\d{{1,5}}[A-Z]?(?:[-/]\d{{1,4}}[A-Z]?)*"
    rf"|\d{{1,4}}/\d{{1,4}}[A-Z]?(?:\s+Moo\s+\d{{1,2}}|\s+(?:{_NAME_WORD}\s+)?Soi\s+\d{{1,3}})?)"
)
_NUMBERED_LOCALITY = re.compile(
    rf"Sector\s+\d{{1,3}}[A-Z]?|(?:Road|Street|Lane|Cross|Main)\s+(?:No\.?\s*)?\d{{1,3}}[A-Z]?"
    rf"|[A-Z]-\d{{1,2}}(?:/\d)?|Moo\s+\d{{1,2}}|(?:{_NAME_WORD}\s+)?Soi\s+\d{{1,3}}"
    rf"|{_ORDINAL}\s+(?:Cross|Main|Road|Street|Lane|Block|Stage|Phase|Sector)(?:\s+Road)?"
)
_INDIAN_ADDRESS = re.compile(
    rf"(?<![\w/.:-]){_INDIAN_HOUSE}(?P<localities>(?:,\s*(?:{_NUMBERED_LOCALITY.pattern}|{_TOWN}(?:\s\d{{1,2}}(?!\d))?))"
    rf"{{1,6}})(?:,?\s+(?P<pin>\d{{6}}|\d{{3}}\s\d{{3}}|\d{{4,5}}))?(?![\w-])"
)
# Addresses written in lower case, as chat is ("56 pine st apt 3 seattle wa 98101", "i live at 9 rue de rivoli"):
# the street word alone says too little there ("a 2 way street", "moved to 1 shared drive"), so a state and ZIP code
# or a postcode after the street, or "ship to", "live at", "address is" right before it, make it an address.
# A word of the street's name, not a word of the sentence ("send it to 5 people at the park").
_LOWER_WORD = (
    r"(?!(?:the|a|an|at|of|in|on|to|for|and|or|my|your|our|their|his|her|its|this|that|with|from|by)\s)"
    r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
)
# A US state's code and a ZIP code ("wa 98101"; not "is 12000"), an Australian state's and a postcode ("wa 6053"), a
# British or a Canadian postcode.
_US_STATE_CODES = (
    "al|ak|az|ar|ca|co|ct|de|dc|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv|nh|nj|nm|ny|nc|nd|oh|ok"
    "|or|pa|pr|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy"
)
_LOWER_POSTCODE = (
    rf"(?i:(?:{_US_STATE_CODES})\s+\d{{5}}(?:-\d{{4}})?|(?:nsw|vic|qld|wa|sa|tas|act|nt)\s+\d{{4}}"
    rf"|[a-z]{{1,2}}\d[a-z\d]?\s*\d[a-z]{{2}}|[a-z]\d[a-z]\s?\d[a-z]\d)"
    r"(?![\w-])"
)
# Found from the house number's first digit, which a search skips to at C speed, looking back from it: a pattern
# starting with the look-behind is tried at every character.
_LOWER_ADDRESS = re.compile(
    rf"(?P<street>\d(?<![\w/.:-]\d){_AFTER_FIRST_DIGIT},?(?:(?:\s+(?:{_LOWER_WORD}|{_ORDINAL})){{1,3}}\s+"
    rf"(?i:(?P<strong>{_STREET_WORDS})|{_WEAK_STREET_WORDS})"
    rf"|\s+(?P<french>(?i:rue|avenue|boulevard|bd|allée|impasse|quai|chemin))\s+(?:{_ROMANCE_ARTICLE}\s*)?{_LOWER_WORD})"
    rf"(?![\w-]))"
    rf"{_UNIT}?"
    rf"(?:(?:,?\s+{_LOWER_WORD}){{0,3}},?\s+(?P<postcode>{_LOWER_POSTCODE}))?"
)
# What announces an address: "I live at", "ship to", "deliver it to", "address:", "moved to", "located at".
_ADDRESS_CUE_WORDS = (
    r"live|living|lives|stay|staying|located|based|reside|resides|moved|move|ship|shipped|send|sent|mail"
    r"|deliver|delivered|address(?:\s+is)?|addr\.?|adresse|dirección|indirizzo|endereço"
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
# What ends a street's clause: a comma, the end of a sentence or line, a bracket.
_CLAUSE_END_AFTER = re.compile(r"\s*(?:[,;)\n]|[.!?](?:\s|$)|$)")
# A number after a word that numbers things is no house number: "Step 5 Broadway", "order 12345 Main St shipped".
_NUMBERING_BEFORE = re.compile(
    r"(?i)\b(?:step|level|stage|phase|season|episode|chapter|part|section|version|release|volume|page|figure|table"
    r"|item|order|ticket|case|issue|invoice|top)[ \t]*#?[ \t]*\Z"
)
# A street with an everyday street word after an article is an event or a thing: "the 2024 Pride Parade.", "the 3
# Way handshake.".
# On the street's own line: a word ending the line before says nothing of it.
_ARTICLE_BEFORE = re.compile(r"(?i)\b(?:the|a|an|this|that|these|those)[ \t]+\Z")


def _street(match: re.Match[str]) -> str | None:
    before = match.string[max(0, match.start() - 40) : match.start()]
    return None if _NUMBERING_BEFORE.search(before) else PLACEHOLDERS["ADDRESS"]


def _weak_address(match: re.Match[str]) -> str | None:
    before = match.string[max(0, match.start() - 40) : match.start()]
    if _NUMBERING_BEFORE.search(before) or _ARTICLE_BEFORE.search(before):
        return None
    if _ADDRESS_CUE_BEFORE.search(before) or _CLAUSE_END_AFTER.match(match.string, match.end("street")):
        return PLACEHOLDERS["ADDRESS"]
    return None


def _unnamed_street(match: re.Match[str]) -> str | None:
    before = match.string[max(0, match.start() - 40) : match.start()]
    if match.group("own") or match.group("german") is not None or _ADDRESS_CUE_BEFORE.search(before):
        return PLACEHOLDERS["ADDRESS"]
    return None


def _indian_address(match: re.Match[str]) -> str | None:
    # A numbered locality alone after the number is a plot of a field trial: "Plot 2, Sector 5 had the highest yield".
    localities = match.group("localities")
    if match.group("pin") or (_NUMBERED_LOCALITY.search(localities) and localities.count(",") >= 2):
        return PLACEHOLDERS["ADDRESS"]
    return None


def _lower_address(match: re.Match[str]) -> str | None:
    before = match.string[max(0, match.start() - 40) : match.start()]
    if (
        match.group("postcode")
        or ((match.group("strong") or match.group("french")) and _ADDRESS_CUE_RIGHT_BEFORE.search(before))
        or _HOME_CUE_RIGHT_BEFORE.search(before)
    ):
        return PLACEHOLDERS["ADDRESS"]
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
    r"|dostawa|delivery|shipping|ship\s+to|send\s+to|deliver\s+to|return\s+to|mail\s+to"
)
_ADDRESS_ANNOUNCED = re.compile(
    # A label and its colon: "Address:", "Dirección de entrega:", "adresse de livraison :", "Address for returns:",
    # "Teslimat adresi:".
    rf"(?P<cue>(?i:(?<![\w-])(?:(?:{_ADDRESS_LABELS})(?:\s+(?:de|di|da|do|of|for)\s+[^\W\d_]+)?\s*:"
    # A phrase: "my address is", "alamat saya", "ship it to", "live at", "our office is at", and how other languages
    # ask to send or say where one lives ("kirim ke", "manda pra", "habite", "wohnt").
    r"|(?:my\s+(?:[^\W\d_]+\s+)?address(?:\s+is)?|address\s+is|alamat(?:\s+saya)?"
    r"|(?:ship|send|deliver|mail|post|return|forward|courier)(?:\s+(?:it|them|this|that|these|those|everything"
    r"|the\s+[^\W\d_]+|my\s+[^\W\d_]+))?\s+(?:to|at)"
    r"|(?:live|lives|living|reside|resides|residing|stay|staying|is|are|located|based|find\s+us|visit\s+us)\s+at"
    r"|habite|wohnt|wohne"
    r"|mand[ae](?:lo|la|los|las)?\s+(?:pra|para|a)|envi(?:ar|e|a|alo|ala)\s+(?:a|para|pra)|sped(?:ire|isci)\s+a"
    r"|entregar\s+(?:na|no|em|a)|envoyer\s+à|livrer\s+à|(?:schicken|senden|liefern)\s+an|leveren\s+(?:op|aan)"
    r"|kirim\s+ke|giao\s+đến|pošaljite\s+na|wyślij\s+na)(?![\w-])))[ \t]*)"
    r"(?P<clause>[^\n;()<>]{1,160})"
)
# A British or Canadian postcode or an Irish Eircode is one number: "Wexford Y35 K2P1", "Leeds LS6 3AA".
_LETTERED_POSTCODE = rf"{_UK_POSTCODE}|{_EIRCODE}(?![\w-])|{_CANADIAN_POSTCODE}(?![\w-])"
# The clause after the cue, word by word: a number ("112", "60329", "02-017", "2-4-9", "158bis", "12/34"; with a price's
# sign, a decimal point, a time's colon or a per cent it is none of an address: "$4.99", "4.2", "10:30"), a word (with
# the full stop of an abbreviation: "Avda.", "Kel."), a code of letters and digits ("IPv4", "M25"), a mark.
_CLAUSE_TOKEN = re.compile(
    rf"\s*(?:(?P<number>{_LETTERED_POSTCODE}|[$€£]?\d\w*(?:[-/.:,]\d\w*)*%?)|(?P<code>[^\W\d_]+\d\w*)|(?P<word>[^\W\d_][^\W\d_'’]*(?:[-'’][^\W\d_]+)*\.?)"
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
        "pls",
        "plz",
        "please",
        "kindly",
        "thanks",
        "thank",
        "thx",
        "ty",
        "cheers",
        "asap",
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
_NUMBERING_WORDS = frozenset(
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
_POSTCODE_NUMBER = re.compile(rf"\d{{4,6}}|\d{{2}}-\d{{3}}|\d{{3}}-\d{{4}}|\d{{5}}-\d{{3,4}}|{_LETTERED_POSTCODE}")
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
    if bare in _NUMBERING_WORDS:
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
    if match.end() < len(match.string) and match.string[match.end()] == "<" and position >= len(clause):
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
    if numbers_by_a_name and (len(names) >= 2 or postcodes - numbers_by_a_name):
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
# write first ("190000, г. Санкт-Петербург, Невский проспект, д. 28"). A person's name on the line above is none of
# these: "John Carter\n88 Riverside Dr" keeps the name for the name detectors.
_UNIT_NUMBER = r"(?:[\w-]{0,5}\d[\w/-]{0,7}|[A-Z](?![\w-]))"
_UNIT_WORD_BEFORE = (
    r"(?i:Flat|Unit|Apt\.?|Apartment|Appartement|Appt\.?|Suite|Villa|Blk|Block|Room|Rm\.?|House|Shop|Level|Lvl\.?"
    r"|Floor|Building|Bldg\.?|Tower|Erf|Plot)|RD|RR"
)
# Building words that are nobody's surname name a building on their own ("Sakura Mansion, 5-10-2 Nishi-Shinjuku");
# the others ("Court", "Hall", "House") after a flat or floor only ("FLAT 7 HOLLY COURT 45 QUEENS ROAD"): "I met Tom
# Hall, 12 Baker Street is his home" keeps the name.
_BUILDING_WORDS = (
    r"Tower|Towers|Mansion|Mansions|Building|Plaza|Centre|Center|Gardens|Residency|Apartments|Apts|Heights|Complex"
    r"|Estate|Cottage|Rectory|Xiaoqu"
)
_NAMED_BUILDING_OF_ITS_OWN = (
    rf"(?:{_NAME_WORD}[ \t]+){{0,3}}(?i:{_BUILDING_WORDS})(?![\w-])"
    rf"|(?:Résidence|Residence|Edificio|Edif\.|Immeuble)(?:[ \t]+{_NAME_WORD}){{1,3}}"
)
_NAMED_BUILDING = (
    rf"(?:{_NAMED_BUILDING_OF_ITS_OWN}|(?:{_NAME_WORD}[ \t]+){{1,3}}(?i:Court|House|Garden|Lodge|Manor|Farm|Hall))"
    r"(?![\w-])"
)
_HOUSE_NUMBER_BEFORE = r"(?:(?i:house|flat|plot|door|gali|old|new)[ \t]+)?(?i:no\.?|nr\.?)[ \t]*\d{1,5}[A-Z]?(?![\w-])"
_PART_BEFORE = (
    rf"(?:(?:{_UNIT_WORD_BEFORE})[ \t]*{_UNIT_NUMBER}|{_ORDINAL}[ \t]+(?i:floor|fl\.)|(?:\d{{1,2}}|[LU]?G)/F(?![\w/-])"
    rf"|\d{{1,2}}F(?![\w-])|\d{{1,4}}-ho(?![\w-])|[A-Z]{{2}}-\d{{3,4}}-\d{{4}}(?![\w-])|{_HOUSE_NUMBER_BEFORE}"
    r")"
)
# What the house number's detector leaves right before it: "No. 88 Jianguo Road", "Sec. 1, Zhongxiao E. Rd.",
# "#45 Gen. Luna Street", "gali no 4 Shastri Nagar", "House 22, 3rd Avenue", a Singapore block ("Blk 123 Ang Mo Kio
# Ave 3"), and a Thai house and its soi before the soi's number ("123 Soi Ari 4, Phahonyothin Rd").
_PREFIX_BEFORE = (
    r"(?:#|(?:(?i:gali|old|new|house|flat|unit|plot|door)[ \t]+)?(?i:no\.?|nr\.?|sec\.)[ \t]*"
    r"|(?i:house|blk\.?|block)[ \t]+"
    rf"|(?<![\w/.-])\d{{1,4}}(?:/\d{{1,4}})?[ \t]+Soi(?:[ \t]+{_NAME_WORD}){{0,2}}[ \t]+)"
)
_SEPARATOR_BEFORE = r"(?:,[ \t]*|[ \t]*\n[ \t]*|[ \t]+)"
_UNITS_BEFORE = (
    rf"(?<![\w'’/.:-])(?:{_PART_BEFORE}|{_NAMED_BUILDING_OF_ITS_OWN}){_SEPARATOR_BEFORE}"
    rf"(?:(?:{_PART_BEFORE}|{_NAMED_BUILDING}){_SEPARATOR_BEFORE}){{0,4}}"
)
_TOWN_BEFORE = rf"(?:\d{{6}},[ \t]*)?(?:г|м)\.[ \t]*{_TOWN},[ \t]*"
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
    r"(?i:suite|ste\.?|apt\.?|apartment|unit|flat|floor|fl\.|room|rm\.?|halle|lgh\.?|et\.|of\.|oficina|sala|kat|daire"
    r"|torre|piso|planta|dpto\.?|depto\.?|int\.|interno|bl\.|sc\.|ap\.|app\.|tower|building|bldg\.?|level|barangay"
    r"|brgy\.?|phase|block|blk\.?|bus)"
)
_PART_AFTER = (
    rf"(?:{_UNIT_WORD_AFTER}[ \t]*:?[ \t]*{_UNIT_NUMBER}"
    r"|\d{1,2}(?:st|nd|rd|th|a|o|º|ª|\.)?[ \t]?(?i:floor|planta|piso|andar|étage|og|etage|stock)(?![\w-])"
    r"(?:[ \t]+(?:links|rechts|li\.|re\.))?"
    r"|(?:RT)?[ \t.]*\d{1,3}[ \t]*/[ \t]*RW[ \t.]*\d{1,3}(?![\w-])"
    rf"|#[ \t]?\d{{1,3}}-\d{{1,4}}(?:[ \t]+{_NAMED_BUILDING})?)"
)
_UNITS_AFTER = (
    rf"(?:(?:,[ \t]*|[ \t]+[-–][ \t]+|[ \t]+){_PART_AFTER}|,[ \t]*\d{{1,2}}-\d{{1,2}}(?=,)|[ \t][A-Z](?=,)"
    rf"|[ \t]\d{{1,2}}(?=[,\n])|[ \t][A-Z][ \t]\d{{1,3}}(?=,)|-\d{{5}}(?![\w-])|[ \t]+(?:Centre|Center|CBD)(?![\w-])"
    rf"|[ \t]+{_NAMED_BUILDING}(?=,))*"
)
_PLACE_SEPARATOR = r"(?:,[ \t]*|[ \t]*\n[ \t]*|[ \t]+[-–][ \t]+)"
_TOWN_AFTER = rf"{_TOWN}(?:/{_TOWN_WORD})?(?:[ \t]\({_TOWN_WORD}\))?"
_POSTCODE_THERE = (
    r"(?:(?:CEP|C\.P\.|CP|PIN|ZIP)[ \t:]*)?(?:"
    + _POSTCODE
    + r"|[A-Z]{1,2}-\d{4,5}|\d{3}-\d{4}|[A-Z]\d{4}(?:[A-Z]{3})?)(?![\w-])"
)
_PLACES_AFTER = (
    rf"(?:(?:(?:{_PLACE_SEPARATOR}{_TOWN_AFTER})*{_PLACE_SEPARATOR}"
    rf"(?:{_TOWN_AFTER}(?:[ \t]+[-–])?[ \t]+{_POSTCODE_THERE}|{_POSTCODE_THERE}[ \t]+{_TOWN_AFTER}"
    rf"|{_TOWN_AFTER}[ \t]+\d{{3}}(?=[ \t]*(?:[,.;)\n]|$))|{_NOT_A_YEAR}{_POSTCODE_THERE}(?=[ \t]*(?:[,.;)\n]|$)))"
    rf"|[ \t]+{_TOWN_AFTER}[ \t]+{_NOT_A_YEAR}{_POSTCODE_THERE})"
    rf"(?P<country_line>[ \t]*\n[ \t]*(?P<country>[A-Z][^\W\d_]*\.?(?:[ \t][A-Z][^\W\d_]*\.?){{0,3}})[ \t]*(?=\n|$))?"
    rf"|(?:,[ \t]*{_TOWN_AFTER}){{1,3}}(?=[ \t]*(?:[.;)\n]|$)))"
)
_AROUND_AN_ADDRESS = re.compile(
    rf"(?P<town>{_TOWN_BEFORE})?(?P<units>{_UNITS_BEFORE})?(?P<prefix>{_PREFIX_BEFORE})?"
    rf"{re.escape(PLACEHOLDERS['ADDRESS'])}(?P<after>(?:\.(?=,))?{_UNITS_AFTER}(?:{_PLACES_AFTER})?)"
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
        "Éire",
        "Россия",
        "Україна",
    ]
)


@functools.cache
def _countries() -> frozenset[str]:
    """The names of countries in English (from ``faker``) and as their people write them."""
    import faker.providers.address.en_US as us_addresses

    return frozenset(us_addresses.Provider.countries) | _COUNTRIES_AS_THEIR_PEOPLE_WRITE_THEM


def _around_an_address(match: re.Match[str]) -> str | None:
    # The line after the postcode's is the address's only when it names a country: "80336 München\nDeutschland",
    # not "80336 München\nThanks".
    kept_after = ""
    if match.group("country") and match.group("country") not in _countries():
        kept_after = match.group("country_line")
    around = match.group(0)[: len(match.group(0)) - len(kept_after)]
    if around == PLACEHOLDERS["ADDRESS"]:
        return None
    return PLACEHOLDERS["ADDRESS"] + kept_after


ADDRESS_DETECTORS: tuple[Detector, ...] = (
    Detector("ADDRESS", substitute(_ADDRESS, _street), has_digit),
    Detector("ADDRESS", substitute(_STREET_WORD_BEFORE_THE_NUMBER, _street), both(has_digit, _NAMES_A_STREET_WORD)),
    Detector(
        "ADDRESS",
        substitute(_CYRILLIC_ADDRESS, _street),
        both(has_digit, contains("ул", "пр", "пер", "наб", "ш.", "шоссе", "б-р", "бульвар", "пл")),
    ),
    Detector("ADDRESS", substitute(_KOREAN_ADDRESS, _street), both(has_digit, contains("-ro", "-gil", "-daero"))),
    Detector("ADDRESS", substitute(_COLOMBIAN_ADDRESS, _street), both(has_digit, contains("#", "no", "n°", "nº"))),
    Detector(
        "ADDRESS", substitute(_VIETNAMESE_ADDRESS, _street), both(has_digit, contains("quận", "huyện", "district"))
    ),
    Detector("ADDRESS", substitute(_WEAK_ADDRESS, _weak_address), has_digit),
    Detector("ADDRESS", substitute(_UNNAMED_STREET, _unnamed_street), number_of(4)),
    Detector("ADDRESS", substitute(_STREET_OF_ITS_OWN_NAME, _street), has_digit),
    Detector("ADDRESS", substitute(_INDIAN_ADDRESS, _indian_address), has_digit),
    Detector("ADDRESS", substitute(_LOWER_ADDRESS, _lower_address), has_digit),
    Detector(
        "ADDRESS",
        substitute(_JAPANESE_ADDRESS_IN_KANJI, _street),
        both(has_digit, contains("市", "区", "町", "村", "郡")),
    ),
    Detector("ADDRESS", substitute(_CHINESE_ADDRESS, _street), both(has_digit, contains("号", "號"))),
    Detector(
        "ADDRESS",
        substitute(_JAPANESE_BLOCK_AFTER_ITS_DISTRICT, _street),
        both(has_digit, contains("-ku", "-shi", "-gun", "-machi", "-cho", "-chō", "-mura", "city", "ward", "chome")),
    ),
    Detector("ADDRESS", substitute(_ADDRESS_ANNOUNCED, _announced_address), has_digit),
    # Last: what the others leave around the addresses they found, in texts that hold one.
    Detector("ADDRESS", substitute(_AROUND_AN_ADDRESS, _around_an_address), contains(PLACEHOLDERS["ADDRESS"].lower())),
)

# --- PERSON -------------------------------------------------------------------------------------------------

# A word of a name: letters of any Latin-script language, with inner apostrophes and hyphens (O'Brien,
# Al-Sayed, Jean-Luc); particles that stand lower-case inside names.
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
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
# Cues after which a name may be written in any case: a form's field, "my name is".
_STRONG_CUE = re.compile(
    r"(?i)(?:\bmy\s+name\s+is|\bmy\s+name['’]s|\bname\s+is|\b(?:full|first|last|sur|given|family|customer|contact"
    r"|account|holder|card\s*holder|sender|recipient|patient|passenger|applicant|employee|guest|user)?\s*name"
    r"(?:\(s\)|s)?(?:\s+on\s+(?:the\s+)?(?:card|account|booking|reservation|ticket|passport|id))?"
    r"(?:\s*[:=]|[ \t]*[-–|](?=[ \t]))"
    r"|\b(?:customer|account\s+holder|cardholder|holder|contact(?:\s+person)?|recipient|attn|attention|patient"
    r"|passenger|applicant|employee|signed|signature|from|to|cc|bcc|reply-to|sender|surname|forename|attendees?"
    r"|participants?|assignee|requester|requested\s+by)(?:\s*:|[ \t]*[-–|](?=[ \t]))"
    r"|\b(?:je\s+m['’]appelle|ich\s+heiße|ich\s+heisse|mein\s+name\s+ist|me\s+llamo|mi\s+nombre\s+es|mi\s+chiamo"
    r"|meu\s+nome\s+é))\s*$"
)
_STRONG_CUE_FORWARD = re.compile(_STRONG_CUE.pattern.removesuffix(r"\s*$") + r"[ \t]*")
# Sign-offs of other languages, which open a line as a surname would ("Atentamente, Valentina Rojas").
_SIGN_OFFS = (
    r"atentamente|cordialmente|saludos|un\s+saludo|cordialement|bien\s+à\s+vous|bien\s+cordialement|salutations"
    r"|(?:viele|beste|liebe|herzliche|freundliche)\s+grüße|mit\s+freundlichen\s+grüßen|grüße|cordiali\s+saluti"
    r"|distinti\s+saluti|saluti|atenciosamente|abraços|cumprimentos|met\s+vriendelijke\s+groet(?:en)?|groetjes|groeten"
    r"|saygılarımla|iyi\s+çalışmalar|pozdrawiam|z\s+poważaniem|med\s+vänlig\s+hälsning|vänliga\s+hälsningar"
    r"|hälsningar|med\s+venlig\s+hilsen|venlig\s+hilsen|vennlig\s+hilsen|ystävällisin\s+terveisin|terveisin"
    r"|s\s+pozdravem|cu\s+stimă|hormat\s+saya|trân\s+trọng|üdvözlettel|с\s+уважением"
)
_SIGN_OFF = re.compile(rf"(?i:{_SIGN_OFFS})")
# Cues after which a capitalised word is a name unless it is a common word ("Dear Team", "Mr Bean").
_CUE = re.compile(
    rf"(?i)(?:\b(?:{_SIGN_OFFS}"
    r"|dear|regards|sincerely|yours|warmly|kind\s+regards|best\s+regards|best\s+wishes|many\s+thanks"
    r"|mr|mrs|ms|miss|mx|dr|prof|sir|dame|lady|lord|herr|frau|monsieur|madame|mme|mlle|señor|señora"
    r"|señorita|sr|sra|srta|doña|signor|signora|sig|dott|dott\.ssa|avv|sheikh|shri|smt"
    r"|speaking\s+with|spoke\s+(?:with|to)|speak\s+(?:with|to)|talk(?:ed)?\s+(?:with|to)|chatted\s+with|ask"
    r"|asked|tell|told|forward(?:ed)?(?:\s+(?:this|it))?\s+to|assign(?:ed)?\s+to|according\s+to|reported\s+by"
    r"|approved\s+by|signed\s+by|handled\s+by|helped\s+by|introduced\s+(?:me\s+)?to|on\s+behalf\s+of|cc|bcc|c/o"
    r"|agent|rep|representative|technician|supervisor|(?:account\s+)?holder\s+is|(?:his|her|their)\s+name\s+is"
    r"|signed|(?:customer|contact|account|holder|full|first|last|given|family|user|sender|recipient)\s+name(?:\s+is)?"
    r"|(?:my|our|your|his|her|their)\s+(?:new\s+|old\s+|former\s+)?(?:wife|husband|partner|son|daughter|child"
    r"|kid|mother|mom|mum|father|dad|brother|sister|aunt|uncle|cousin|friend|colleague|coworker|co-worker|teammate"
    r"|boss|manager|supervisor|director|ceo|cfo|cto|coo|founder|owner|neighbou?r|landlord|tenant|doctor|nurse"
    r"|teacher|lawyer|attorney|accountant|bookkeeper|assistant|secretary|admin|administrator|contact|client"
    r"|developer|engineer|designer|consultant|advisor|adviser|agent|rep|driver|courier|grandmother|grandfather"
    r"|grandma|grandpa|fiancée?|girlfriend|boyfriend))\b\.?,?"
    # A sign-off alone on its line, a whole word ("Society\n", "Glovebox\n" are none).
    r"|\b(?:regards|thanks|thank\s+you|cheers|best|sincerely|yours|thx|ty|bye|love)\s*[,!.]?\s*\n"
    r"|^\s*(?:[—–]|--)|\n\s*(?:[—–]|--))\s*$"
)
# Greetings and introductions: a name when the name ends the clause ("Hi Aroha,", "I'm Tomás from ...").
_GREETING_CUE = re.compile(
    r"(?i)\b(?:hi|hello|hey|hiya|greetings|(?:good\s+)?(?:morning|afternoon|evening)|thanks|thank\s+you|thx"
    r"|(?:thanks|thank\s+you)\s+(?:again|so\s+much|a\s+lot)"
    r"|cheers|best|love|bye|welcome(?:\s+(?:aboard|back))?|this\s+is|it['’]s|i\s+am|i['’]m|im|here\s+is|named|called"
    # Introductions of other languages: "Hola, soy Alejandro Gutiérrez y ...", "Bonjour, je suis Claire Martin".
    r"|soy|je\s+suis|ich\s+bin|sono|sou)"
    r"\b\s*,?\s*$"
)
# What a person does or is right after the name: "Oluwaseun wrote:", "Zeynep ordered it for me", "Tomás here",
# "Ana from billing", "Tom is out of office".
_ACTION_AFTER_NAME = re.compile(
    r"\s+(?:wrote\b|said\b|says\b|replied\b|here\b|(?:mentioned|suggested|confirmed|explained|promised|recommended)"
    r"\s+(?:that|you|we|it|the|this|a|an|to|how)\b|(?:asked|called|emailed|messaged|texted|told|helped)\s+(?:me|us)\b"
    r"|ordered\s+(?:it|this|them)\b|(?:is|was)\s+(?:my|our)\s+(?:\w+\s+)?(?:wife|husband|partner|son|daughter|friend"
    r"|colleague|manager|boss|contact|agent)"
    r"|from\s+(?:your|our|the\s+\w+\s+team|support|billing|sales|accounts?|accounting|finance|customer\s+(?:service"
    r"|support|care|success)|it|hr|legal|security|tech\s+support|the\s+help\s*desk)\b"
    r"|(?:is|was|will\s+be)\s+(?:out\s+of\s+(?:the\s+)?office|on\s+(?:leave|vacation|holiday|sick\s+leave"
    r"|parental\s+leave)|away\s+until|back\s+on)\b)"
)
_NUMBER_AFTER = re.compile(r"[ \u00a0]?[#№]?\d")
_CLAUSE_ENDS_AFTER_NAME = re.compile(r"\s*(?:[,!.?;)\n]|[-–—](?=\s)|$|(?:from|here|again|speaking|at|of|with|and)\b)")
# Everyday words before a name too ("with", "for", "and"): a name there only when a name list knows a word of it.
_WEAK_CUE = re.compile(
    r"(?i)\b(?:with|for|from|by|and|or|call|called|text|texted|message|messaged|contact|contacted|email"
    r"|emailed|meet|met|ping|pinged|engineer|manager|customer|user|client|caller)\b\s*$"
)
# The cues as they end right before a name (searched back from the name's first letter, within _CUE_REACH
# characters): a cue, or a greeting or an everyday word on the same line.
_CUE_BEFORE = _CUE
_GREETING_CUE_BEFORE = re.compile(_GREETING_CUE.pattern.removesuffix(r"\s*,?\s*$") + r"[ \t]*,?[ \t]*$")
_WEAK_CUE_BEFORE = re.compile(_WEAK_CUE.pattern.removesuffix(r"\s*$") + r"[ \t]*$")
_CUE_REACH = 48
# What a strong cue cannot be written without: run its search only on texts that hold one of these.
_STRONG_CUE_WORDS = ("name", ":", "|", " - ", " – ", "appelle", "heiße", "heisse", "llamo", "nombre", "chiamo", "nome")
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
        "hello",
        "hi",
        "hey",
        "dear",
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
        # "Hi, I'm Priya Raghunathan": the pronoun's contractions are capitalised too, and no name's word.
        "i'm",
        "i’m",
        "i've",
        "i’ve",
        "i'd",
        "i’d",
        "i'll",
        "i’ll",
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


def given_name_of_several_locales(word: str) -> bool:
    """True for a given name that two ``faker`` locales or more list ("Zara", "Max", "Mercedes"); not one that a
    single locale's long list holds and the world knows as a brand ("Dell", "Ford", "Hilton" of ``en``)."""
    return _given_names_by_locale()[word] >= 2


@functools.cache
def _names_of_each_locale() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """Per ``faker`` locale, its given names and surnames in Latin script."""
    import faker.providers.person as person_providers

    locales = []
    for module in pkgutil.iter_modules(person_providers.__path__):
        provider = importlib.import_module(f"{person_providers.__name__}.{module.name}").Provider
        to_latin = _transliteration(module.name)
        given: set[str] = set()
        for attribute in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            given.update(_names(getattr(provider, attribute, ()), to_latin))
        locales.append((frozenset(given), frozenset(_names(getattr(provider, "last_names", ()), to_latin))))
    return tuple(locales)


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


def _names(values, to_latin: Callable[[str], str] | None = None) -> set[str]:
    names = values.keys() if isinstance(values, dict) else values if isinstance(values, list | tuple) else ()
    strings = [name for name in names if isinstance(name, str)]
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
    tokens = [(match.start(), match.end(), match.group()) for match in _TOKEN.finditer(text)]
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
            spans.append((start, tokens[index + taken - 1][1], announced))
            index += taken
        else:
            index += 1
    if _COMMA_BEFORE_A_CAPITAL.search(text):
        spans = _with_surnames_first(text, spans, cue_ends)
    return spans


def _opens_the_sentence_before_a_name(text: str, tokens, index: int) -> bool:
    """True for an adverb or a function word capitalised only because it opens the sentence, right before another
    capitalised word ("Later Weiß said", "Then Priya wrote"): no part of the name that follows. A word that the
    name lists hold, function word or not, may be the name's first ("Will Smith said", "May Chen called")."""
    from feedback_loop.privacy.ner import _SENTENCE_START, _opens_a_sentence_before_a_name

    start, end, word = tokens[index]
    given, surnames = _every_person_name()
    return (
        index + 1 < len(tokens)
        and text[end : tokens[index + 1][0]] == " "
        and _is_capitalised(tokens[index + 1][2])
        and word not in given
        and word not in surnames
        and _opens_a_sentence_before_a_name(word.lower())
        and _SENTENCE_START.search(text, max(0, start - 3), start) is not None
    )


# A team's word after a cued name makes it a team's or a company's name: "Best,\nAcme Support", "Dear Contoso Team".
_TEAM_AFTER = re.compile(
    r"[ \u00a0](?:Support|Team|Teams|Sales|Billing|Service|Services|Operations|Ops|Engineering|Marketing|Finance"
    r"|Legal|Security|HR|IT|Helpdesk|Desk)\b"
)


_COMMA_BEFORE_A_CAPITAL = re.compile(r",[ \t]+[A-ZÀ-ÖØ-ÞĀ-Ž]")


def _only_everyday_words(tokens) -> bool:
    """True when every word of a name a cue announced is an English word no name list holds, a greeting's object or
    a function word ("Dear Hiring Manager", "Attention: Warehouse Manager", "Best,\nAcme Support"), or such words
    and nouns or adjectives of WordNet that no name list holds ("Dear Valued Member", "Sincerely, Acme Travel
    Reservations"; not "Best regards,\nA. J. Whitfield", "Dear Professor Whitfield")."""
    from feedback_loop.privacy.ner import _word_classes

    words = [token[2] for token in tokens if token[2].lower() not in NAME_PARTICLES]
    if all(map(_english_word, words)):
        return True
    given, surnames = person_name_lists()
    nouns_or_adjectives, _ = _word_classes()
    # Initials are no words here: "A. J. Whitfield".
    words = [word for word in words if len(word) > 1]
    return any(map(_english_word, words)) and all(
        _english_word(word) or (word.lower() in nouns_or_adjectives and word not in given and word not in surnames)
        for word in words
    )


def _english_word(word: str) -> bool:
    """True for a function word, a greeting's object or a team (:data:`NOT_NAMES`), or an everyday English word no
    name list holds that is a verb or a verb's form ("Warehouse", "Hiring", "sent", "printed"), the doer of a verb
    ("Traders") or a noun made with an English suffix ("Procurement", "Notifications"). Not a noun alone: the
    vocabulary and WordNet hold names of people too ("Nasser", "Ling")."""
    from feedback_loop.privacy.ner import _adverbs, _verb_form, _word_classes

    lower = word.lower()
    if lower in NOT_NAMES or lower in stop_words():
        return True
    if lower not in everyday_words():
        return False
    given, surnames = person_name_lists()
    if word in given or word in surnames:
        return False
    _, verbs = _word_classes()
    singular = lower[:-1] if lower.endswith("s") else lower
    return bool(
        lower in _adverbs()
        or _verb_form(lower, verbs)
        or _verb_form(singular, verbs)
        or (singular.endswith("er") and (singular[:-2] in verbs or singular[:-1] in verbs))
        or _ENGLISH_NOUN_SUFFIX.search(singular)
    )


_ENGLISH_NOUN_SUFFIX = re.compile(r"(?:ment|tion|sion|ness|ity|ance|ence|ship)$")


def _field_value(text: str, tokens, index: int, run: int) -> int:
    """``run`` (the tokens a form's field or "my name is" announces, in any case), or 0 where the field holds no
    name: everyday words ("Family name: as shown in your passport", "Contact person: see Vendor Portal"), a letter
    that is no initial ("Name: N/A"), or a value that runs on in everyday words ("name: Northwind traders ltd")."""
    if not run:
        return 0
    end = tokens[index + run - 1][1]
    if len(tokens[index][2]) == 1 and not text.startswith(".", tokens[index][1]):
        return 0
    # After a dash or a bar ("Recipient | ...", "Name | Role | Salary") a name is capitalised and is not English words
    # alone; any case only after ":".
    if text[: tokens[index][0]].rstrip(" \t")[-1:] in ("-", "–", "|"):
        from feedback_loop.privacy.ner import _no_english_word

        words = [token[2] for token in tokens[index : index + run] if token[2].lower() not in NAME_PARTICLES]
        given, surnames = person_name_lists()
        if not (words and _is_capitalised(words[0])) or all(
            word not in given and word not in surnames and not _no_english_word(word.lower()) for word in words
        ):
            return 0
    if _only_everyday_words(tokens[index : index + run]):
        return 0
    following = index + run
    later = [token[2] for token in tokens[index + 1 : following] if token[2].lower() not in NAME_PARTICLES]
    # "Account holder - Northwind Traders", "Recipient | Warehouse Dock": a field's value that opens or ends with an
    # English word no name list holds.
    edges = {tokens[index][2], tokens[following - 1][2]}
    if run > 1 and any(
        word.lower() not in NAME_PARTICLES and word != "Mac" and len(word) > 1 and _english_word(word) for word in edges
    ):
        return 0
    if following < len(tokens) and text[end : tokens[following][0]] in (" ", "\u00a0"):
        later.append(tokens[following][2])
    if any(
        word.islower() and _english_word(word) and word not in stop_words() and word not in NOT_NAMES for word in later
    ):
        return 0
    return run


# Surname first, a comma, then the given name, as forms, lists and records write names: "Okafor, Chidi", "van der
# Merwe, Pieter", "Nguyen, Thi Hoa". Where it stands: at a line's start, after a field's label or a word that takes a
# person ("the record for ..."); what ends it: the line, a bracket, a semicolon, a bar, a dash, "and".
_NAME_WORD_IN_FORMS = r"[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]*(?:['’-][^\W\d_]+)*"
_SURNAME_FIRST = re.compile(
    rf"(?<![\w'’.-])(?P<surname>(?:(?i:{'|'.join(sorted(NAME_PARTICLES))})[ \u00a0])*{_NAME_WORD_IN_FORMS}"
    rf"(?:[ \u00a0]{_NAME_WORD_IN_FORMS})?),[ \t]+(?P<given>{_NAME_WORD_IN_FORMS}(?:[ \u00a0]{_NAME_WORD_IN_FORMS})?)"
    # A title after the given name, as airlines write it ("OKAFOR, CHIDI MR").
    r"(?=(?:[ \t]+(?i:mr|mrs|ms|miss|mstr|dr))?[ \t]*(?:$|\n|[;|(),.!?]|[-–—/](?=\s)|and\b|\d))"
)
_LIST_GOES_ON = re.compile(r",[ \t]+[A-ZÀ-ÖØ-ÞĀ-Ž]")
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
    from feedback_loop.privacy.ner import _no_english_word

    given_names, surnames = person_name_lists()
    lists: list[list[tuple[re.Match[str], bool, bool]]] = []
    labelled: list[bool] = []
    for match in _SURNAME_FIRST.finditer(text):
        surname = re.split(r"[ \u00a0]", match.group("surname"))
        # A surname that is a particle's word alone is a surname still: "Le, Van Minh", "E, F".
        words = [word for word in surname if word.lower() not in NAME_PARTICLES] or surname[-1:]
        given = match.group("given").split()
        if not all(_is_capitalised(word) for word in (*words, *given)) or any(map(_english_word, (*words, *given))):
            continue
        if _SIGN_OFF.fullmatch(match.group("surname")):
            continue
        if _LIST_GOES_ON.match(text, match.end()):
            continue
        unknown_to_english = any(_no_english_word(word.lower()) for word in (words[-1], given[0]))
        place = any(word in _places() for word in given)
        may_be_a_name = (unknown_to_english or (words[-1] in surnames and given[0] in given_names)) and (
            not place or (_no_english_word(words[-1].lower()) and words[-1] not in _places())
        )
        before = text[max(0, match.start() - 40) : match.start()]
        joined = bool(lists) and _NEXT_ENTRY.fullmatch(text, lists[-1][-1][0].end(), match.start()) is not None
        field = match.start() in cue_ends or _FIELD_BEFORE.search(before) is not None or (joined and labelled[-1])
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
def _places() -> frozenset[str]:
    """The words of the names of countries and US states ("France", "Georgia", "Carolina"), from ``faker``."""
    import faker.providers.address.en_US as us_addresses

    return frozenset(
        word
        for place in (*us_addresses.Provider.countries, *us_addresses.Provider.states)
        for word in re.findall(r"[A-Z][a-z]+", place)
    )


def strong_cue_ends(text: str) -> set[int]:
    """Where the form fields and "my name is" phrases of ``text`` end: where a name they announce starts."""
    lower = text.lower()
    return _ends(_STRONG_CUE_FORWARD, text) if any(map(lower.__contains__, _STRONG_CUE_WORDS)) else set()


def _ends(pattern: re.Pattern[str], text: str) -> set[int]:
    """Where the matches of ``pattern`` (a cue and the spaces after it) end: where an announced name starts."""
    return {match.end() for match in pattern.finditer(text)}


def _cue_before(pattern: re.Pattern[str], text: str, start: int) -> bool:
    return pattern.search(text, max(0, start - _CUE_REACH), start) is not None


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
    # "Case 36542192", "Pixel 8", "Windows 11": a capitalised word numbered is a thing, not a person.
    if _NUMBER_AFTER.match(text, end):
        return 0, False
    known_given = word in given
    cue_may_end_here = _cue_may_end_before(text, tokens, index)
    if (
        (cue_may_end_here and _cue_before(_CUE_BEFORE, text, start))
        or (
            cue_may_end_here
            and (known_given or _CLAUSE_ENDS_AFTER_NAME.match(text, end))
            and _cue_before(_GREETING_CUE_BEFORE, text, start)
        )
        or _ACTION_AFTER_NAME.match(text, end)
        or _capitalised_words_addressed_at_the_end(text, tokens[index : index + run], given)
    ):
        return run, True
    # "J. R. Patel approved it": initials before a surname the lists know that is no place nor English word (not
    # "Answer: B. Paris").
    last = tokens[index + run - 1][2]
    if run >= 2 and _is_initial(text, tokens, index) and last in surnames and last not in _places():
        from feedback_loop.privacy.ner import _no_english_word

        if _no_english_word(last.lower()):
            return run, False
    if known_given and (
        (run >= 2 and _surname_follows(tokens, index, run, surnames))
        or (cue_may_end_here and _cue_before(_WEAK_CUE_BEFORE, text, start))
        or (run == 1 and _given_name_in_a_persons_place(text, start, end, word))
    ):
        return run, False
    # Family name first, as Chinese, Japanese, Korean, Vietnamese and Hungarian names are written.
    if (
        run >= 2
        and word in surnames
        and any(tokens[position][2] in given for position in range(index + 1, index + run))
    ):
        return run, False
    # Names no list fully knows, where a person's name stands: the model cannot veto those (it reads "Aminata Diallo"
    # as a work of art, "Siriporn Chaiyasit" as an organisation), but it may veto names all of whose words the
    # lists know ("Charles Schwab's app").
    words = _words_in_a_persons_place(text, tokens, index, run, cue_may_end_here) if run >= 2 else []
    if words:
        return run, not all(word in given or word in surnames for word in words)
    return 0, False


# Thanks or a greeting opening the sentence, then the person it is said to, last: "Thanks for the quick fix,
# Siriporn!", "Hi again, Oyelaran."
_THANKS_OR_GREETING_OPENS = re.compile(
    r"(?i)(?:^|[.!?\n][ \t]*)(?:thanks|thank\s+(?:you|u)|thx|cheers|hi|hello|hey|good\s+(?:morning|afternoon|evening)"
    r"|sorry|welcome|congrats|congratulations|great\s+(?:job|work)|well\s+done|nice\s+work)\b[^.!?\n]{0,80},[ \t]*$"
)
_SENTENCE_ENDS = re.compile(r"[ \t]*(?:[!?.]+[ \t]*(?:$|\n|[ \t][A-Z])|$|\n)")


def addressed_at_the_end(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` comes after a comma and ends a sentence opened by thanks or a greeting, where
    the person they are said to stands ("Thanks for the quick fix, Siriporn!", "thanks lots, fiona")."""
    return (
        _THANKS_OR_GREETING_OPENS.search(text, max(0, start - 120), start) is not None
        and _SENTENCE_ENDS.match(text, end) is not None
    )


def _capitalised_words_addressed_at_the_end(text: str, words, given: frozenset[str]) -> bool:
    """True for one or two capitalised words :func:`addressed_at_the_end`, each a given name of the lists or a word
    no vocabulary holds ("Thanks for the quick fix, Siriporn!"; not "Thanks for the update, Microsoft.")."""
    return (
        len(words) <= 2
        and addressed_at_the_end(text, words[0][0], words[-1][1])
        and all(word in given or word.lower() not in everyday_words() for _, _, word in words)
    )


def _given_name_in_a_persons_place(text: str, start: int, end: int, word: str) -> bool:
    """True for a given name of the lists that is no everyday English word where a person stands ("Could Thandeka
    get ...", "Assign the ticket to Bronwen"; :func:`~feedback_loop.privacy.ner._in_a_persons_place`), not opening
    its sentence: the model may still veto it."""
    from feedback_loop.privacy.ner import _in_a_persons_place, _no_english_word

    # "Autumn is here", "Florence is sunny", "Bell peppers": a name that is an English word too needs a cue.
    if word.lower() in everyday_words() or word in _places() or not _no_english_word(word.lower()):
        return False
    # "Amazon Echo Dot work ...", "My Fitbit Versa stopped": the end of a longer capitalised name is a thing's.
    previous = _CAPITALISED_WORD_BEFORE.search(text, max(0, start - 40), start)
    if previous is not None and previous.group(1).lower() not in NOT_NAMES | stop_words():
        return False
    return _in_a_persons_place(text, start, end)


_CAPITALISED_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \u00a0]$")


# Where a person's name stands in support chats, e-mails and forms, for names no list knows: right after a verb,
# preposition or role that takes a person ("add", "hired", "signed for by", "under", "driver", "Can", "Who is"),
# or right before what a person does or owns ("'s", "and I", "called", "mentioned", ", who").
PERSONS_PLACE_BEFORE = re.compile(
    r"(?i)\b(?:with|for|by|to|under|cc|add|added|remove|removed|hire|hired|invite|invited|contact|call|called|email"
    r"|emailed|ask|asked|tell|told|thank|thanked|meet|met|help|helped|assign|assigned|transfer|transferred|is|was"
    r"|named|owner|admin|member|driver|courier|customer|client|guest|employee|tenant|technician|colleague|can|could"
    r"|passenger|patient|applicant|recipient|holder"
    r"|would|will|did|does|has|should|who\s+is|on\s+behalf\s+of|(?:the|a|my|his|her|their)\s+name(?:\s+of)?"
    # What is done to a person as it is being done: "adding Boubacar Sangare to the thread".
    r"|adding|inviting|calling|emailing|asking|telling|thanking|meeting|helping|assigning|copying|copied|cc'?d|looping\s+in|looped\s+in)"
    r"[ \t]*,?[ \t]*$"
)
PERSONS_PLACE_AFTER = re.compile(
    r"(?:['’]s\b|[ \t]+and[ \t]+(?:I|me)\b|,?[ \t]+(?:called|mentioned|said|says|asked|told|wrote|emailed"
    r"|confirmed|promised|suggested|explained|recommended|noticed|replied|requested|needs|needed|wants|wanted|left"
    r"|sent|signed|paid|ordered|booked|received|tried)\b|,[ \t]+(?:who|our|my|your|his|her|their)\b"
    # "Kevin from IT said": a person's team between the name and what they said.
    r"|[ \t]+from[ \t]+(?:[A-Z][\w&-]*[ \t]+){1,2}(?:said|says|told|wrote|asked|confirmed|mentioned|called|emailed"
    r"|replied|promised|explained)\b)"
)
# An article, a demonstrative or a possessive pronoun: what comes after it is a thing ("the Kindle Paperwhite",
# "our Jimmy Choo store"). Not "that", a conjunction too ("I heard that John Carter left").
ARTICLE_BEFORE = re.compile(r"(?i)\b(?:the|a|an|our|my|your|their|this|these|those)[ \t\u00a0]+$")
_POSSESSIVE = re.compile(r"['’]s$")
# An e-mail's signature: a name on a line of its own, its holder's role on the next ("Senior Buyer, Procurement").
_LINE_START_BEFORE = re.compile(r"(?:^|\n)[ \t]*$")
_ROLE_ON_THE_NEXT_LINE = re.compile(
    r"[ \t]*\n[ \t]*(?:[A-Z][\w&/-]*[ \t]+){0,3}(?:Lead|Manager|Director|Engineer|Buyer|Officer|Head|VP|President"
    r"|CEO|CTO|CFO|COO|Founder|Owner|Analyst|Consultant|Specialist|Coordinator|Administrator|Assistant|Developer"
    r"|Designer|Architect|Partner|Associate|Accountant|Agent|Representative|Supervisor)\b"
)


def _words_in_a_persons_place(text: str, tokens, index: int, run: int, cue_may_end_here: bool) -> list[str]:
    """The words of a name ("Chathura Wickramasinghe", "Tupac Quispe"), or none: two to four capitalised words
    where a person's name stands (a signature's line too), none of them an everyday English word ("Advanced
    Search", "Zoho Desk", "Custom Fields" stay)."""
    # "Bankole's" is one token: the name is what stands before the possessive.
    words = [
        _POSSESSIVE.sub("", token[2])
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
        if previous not in NOT_NAMES and previous not in stop_words() and not PERSONS_PLACE_BEFORE.search(before):
            return []
    in_place = (
        _POSSESSIVE.search(tokens[index + run - 1][2]) is not None
        or PERSONS_PLACE_AFTER.match(text, end) is not None
        or (cue_may_end_here and PERSONS_PLACE_BEFORE.search(before) is not None)
        or (_LINE_START_BEFORE.search(before) is not None and _ROLE_ON_THE_NEXT_LINE.match(text, end) is not None)
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
    ("mr", "mrs", "ms", "mx", "dr", "prof", "sr", "sra", "srta", "sig", "dott", "ssa", "avv", "mme", "mlle")
)


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
    return gap in ("", ",") or (gap in (".", ".,") and tokens[index - 1][2].lower() in _TITLE_ABBREVIATIONS)


def _particle_before_name(tokens, index: int) -> bool:
    """True for "van" in "Mr van der Merwe": a particle that starts a surname written after a title."""
    return (
        tokens[index][2].lower() in NAME_PARTICLES
        and index + 1 < len(tokens)
        and any(_is_capitalised(tokens[position][2]) for position in range(index + 1, min(index + 3, len(tokens))))
    )


# An Arabic or Hebrew particle joined to the capitalised surname after it, in lower case: "Khalid al-Mansouri",
# "Zia ul-Haq", "Nasser ad-Din", "Amos ben-Ami".
_JOINED_PARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|ben|bat|bin|ibn|abu)[-‐][A-ZÀ-ÖØ-ÞĀ-Ž]")


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
            initial = len(tokens[position - 1][2]) == 1 and (gap == ". " or (gap == "." and len(word) == 1))
            if gap not in (" ", "\u00a0") and not (any_case and gap == "/") and not initial:
                break
        lower = word.lower()
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
            or (not any_case and not _is_capitalised(word) and not (count and _JOINED_PARTICLE.match(word)))
            or (word.isupper() and len(word) > 1)
        ):
            break
        if any_case and count and lower in _STOP_WORDS and not opening_initial:
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
    # Trailing particles belong to the next words, not the name.
    while position > index and tokens[position - 1][2].lower() in NAME_PARTICLES:
        position -= 1
    # Initials alone are no name: "Plan A. was rejected", "Section B.".
    if count == initials:
        return 0
    # A name that starts with a particle ("van der Merwe") is one only after a title or a form's field.
    return position - index


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
_LINE = re.compile(r"[^\n]+")
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
        letters_words = sum(1 for token in _TOKEN.finditer(text, line.start(), line.end()) if len(token.group()) > 1)
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
    return "".join(pieces) if changed else text


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
    "Okafor's"."""
    parts = re.split(r"(['’-])", word.lower())
    written = []
    for position, part in enumerate(parts):
        after_initial = position >= 2 and parts[position - 1] in "'’" and len(parts[position - 2]) == 1
        capitalise = position == 0 or parts[position - 1] == "-" or after_initial
        written.append(part[:1].upper() + part[1:] if capitalise else part)
    return "".join(written)


def _kind_of_capitals_word(word: str) -> str:
    """ "word": an everyday or function word; "name": a name's word no English vocabulary holds, or a word no
    vocabulary nor list holds; "both": a name that is an English word too ("PARK", "LONG", "JOHN")."""
    from feedback_loop.privacy.ner import _word_classes

    lower = word.lower()
    if lower in NAME_PARTICLES or lower in stop_words() or lower in NOT_NAMES or lower in everyday_words():
        return "word"
    title = _as_a_name(word)
    given, surnames = person_name_lists()
    nouns_or_adjectives, verbs = _word_classes()
    if (title in given or title in surnames) and (lower in nouns_or_adjectives or lower in verbs):
        return "both"
    return "name"


def _capitals_line(text: str, words: list[re.Match[str]]) -> list[tuple[re.Match[str], str]]:
    kinds = [_kind_of_capitals_word(word.group()) for word in words]
    rewritten = []
    for position, (word, kind) in enumerate(zip(words, kinds, strict=True)):
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
        # "SMITH, Robert", "OKAFOR, Chidi": a surname written first, in capitals, then its comma and a given name of
        # the lists or a word no vocabulary holds.
        given_after = _GIVEN_NAME_AFTER_A_COMMA.match(text, run[-1].end())
        surname_first = (
            given_after is not None
            and "word" not in kinds
            and (given_after.group(1) in person_name_lists()[0] or given_after.group(1).lower() not in everyday_words())
        )
        if surname_first:
            rewritten += [(word, _as_a_name(word.group())) for word in run]
            continue
        if "name" not in kinds:
            continue
        # Two words or more: one of them a name the lists know ("JI-HOON PARK"), or right after a cue that announces a
        # person ("Spoke with TEVITA FIFITA"), every word of it a name's of four letters or more; not acronyms ("BIC
        # DEUTDEFF", "ask IT ASAP").
        if (
            len(run) > 1
            and not any(_in_the_lists(word.group()) for word in run)
            and not (
                all(kind == "name" and len(word.group()) >= 4 for kind, word in zip(kinds, run, strict=True))
                and _cue_before(_CUE_BEFORE, text, run[0].start())
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
            if acronym or not (_TITLE_BEFORE.search(text, max(0, start - 8), start) or next_to_a_name):
                continue
        rewritten += [(word, _as_a_name(word.group())) for word in run]
    return rewritten
