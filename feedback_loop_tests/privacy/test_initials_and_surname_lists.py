"""Two shapes of person names the rules used to leave: initials before a surname ("Signed: A. K. Mukherjee",
"Approved by J.R. Okafor") and lists of names written surname first ("Attendees: Lindgren, Erik; Sato, Yui").
Each name is written in brackets; the redaction is the sentence with each bracketed name a ``<PERSON>``."""

import re

import pytest

from feedback_loop.privacy.redactor import Redactor

_INITIALS_BEFORE_A_SURNAME = [
    "Signed: [A. K. Mukherjee]",
    "Approved by [J.R. Okafor]",
    "Regards,\n[S. Nakamura]",
    "cc: [M. E. Lindqvist]",
    "Thanks for the quick turnaround.\n\nBest,\n[T. Oyelaran]",
    "The refund was approved by [R. K. Srinivasan] on Monday.",
    "Ticket assigned to [H. Takahashi].",
    "Reviewed by [K.L. Fonoti] and signed off.",
    "Contact person: [A.B. Castellanos]",
    "Kind regards,\n[N. Gunawardena]\nProcurement",
    "Signature: [F. X. Mbeki]",
    "I spoke with [L. Haddad] yesterday about the charge.",
    "Dear [J. Kowalczyk], your order has shipped.",
    "Attn: [V. S. Raghunathan]",
    "Handled by [E. Rasmussen] (tier 2).",
    "Requested by [C. Achterberg]",
    "Sincerely,\n[W. O. Adeyemi]",
    "Cheers,\n[G.H. Vasquez]",
    "cc: [B. Tanaka], [M. Oduya]",
    "The account holder is [Y. Kurosawa].",
    "Assignee: [Q. Nguyen]",
    "Signed by [I. M. Petrescu] on behalf of the board.",
    "Approved by [S. Chakraborty], Finance",
    "Best regards,\n[A. J. Whitfield]",
    "Recipient: [U. Eze]",
    "Forwarded to [R. Halvorsen] for review.",
    "Signed: [O. A. Balogun-Williams]",
    "Approved by [M.K. Al-Rashid]",
]

_SURNAME_FIRST_LISTS = [
    "Attendees: [Lindgren, Erik]; [Sato, Yui]; [Okoye, Chinedu]",
    "Passenger: [OKAFOR, CHIDI]",
    "Passenger: [HADDAD, LAYLA] MS",
    "Participants: [Haddad, Layla]; [Novak, Petra]",
    "cc: [Mukherjee, Anjali]; [Fischer, Jonas]; [Tanaka, Hiro]",
    "Attendees: [Mensah, Kwame]; [Rossi, Giulia]; [Kim, Min-jun]; [Silva, Ana]",
    "Guests: [Alvarez, Sofia]; [Petrov, Dmitri]",
    "Contacts: [Obi, Emeka]; [Dubois, Claire]",
    "Assignees: [Kowalski, Marta]; [Yilmaz, Emre]",
    "Attendees:\n[Lindgren, Erik]\n[Sato, Yui]\n[Okoye, Chinedu]",
    "Attendees: [Fernández, Lucía]; [Ødegaard, Martin]; [Ó Briain, Siobhán]",
    "Participants: [Chen, Wei]; [Gupta, Rahul]; [Müller, Hans]; [Adeyemi, Tolu]",
    "Attendees: [van der Merwe, Pieter]; [de Souza, Bruna]",
    "Customer: [Lindqvist, Maja]",
    "Invitees: [Okonkwo, Ada]; [Sørensen, Lars]; [Park, Ji-ho]",
    "Passengers:\n[OKAFOR, CHIDI]\n[OKAFOR, NGOZI]",
    "Attendees: [Tshabalala, Sipho]; [Moreno, Diego]; [Hoang, Linh]",
    "Panel: [Jensen, Freya]; [Kaur, Simran]; [Bello, Amina]",
    "Speakers: [Wanjiru, Grace]; [Castillo, Mateo]",
    "Reviewers: [Horvat, Luka]; [Nieminen, Aino]; [Qureshi, Bilal]",
    "Guests: [Tanaka, Yuki] (vegetarian); [Mwangi, Joseph]",
    "Attendees: [Andersson, Karin]; [Banda, Chikondi]; [Ferreira, Tiago]",
]

# Look-alikes: a lone letter with a full stop after a word, and lists of places, colours and things.
_CLEAN = [
    "Section A. Scope",
    "Plan B. Pricing",
    "Vitamin D. Reviews",
    "Paris, France; Tokyo, Japan",
    "Red, Green; Blue, Yellow",
    "Smith & Wesson, Inc.",
    "Plan A. was rejected, so we moved on.",
    "See Section B. Overview for details.",
    "Appendix C. Glossary",
    "Option A. Keep the old flow",
    "Exhibit A. Terms",
    "Hepatitis B. Vaccination records",
    "Answer: B. Paris",
    "Choose Option B. Premium includes support.",
    "A. Goals\nB. Scope\nC. Timeline",
    "U.S. Customs held the parcel.",
    "Offices: London, England; Berlin, Germany; Lagos, Nigeria",
    "Cities: Austin, Texas; Denver, Colorado",
    "Locations: Lagos, Nigeria; Accra, Ghana; Nairobi, Kenya",
    "Colors: Red, Green; Blue, Yellow",
    "Tiers: Gold, Silver; Bronze, Basic",
    "Vendors: Acme, Inc.; Globex, Ltd.",
    "Ford, Lincoln; Chevrolet, Cadillac",
    "Regions: North, South; East, West",
    "Categories: Billing, Refunds; Shipping, Returns",
]


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor("patterns+ner")


@pytest.mark.parametrize("marked", _INITIALS_BEFORE_A_SURNAME + _SURNAME_FIRST_LISTS)
def test_initials_and_surname_first_lists_are_redacted_whole(redactor: Redactor, marked: str) -> None:
    text = marked.replace("[", "").replace("]", "")
    assert redactor.redact(text).text == re.sub(r"\[[^]]*\]", "<PERSON>", marked)


@pytest.mark.parametrize("sentence", _CLEAN)
def test_lone_letters_and_lists_of_things_stay(redactor: Redactor, sentence: str) -> None:
    assert redactor.redact(sentence).text == sentence


# A surname written as a particle's word alone ("e", "y", "le" are particles inside names) used to leave no surname
# word to read and raised IndexError, failing the whole text's redaction.
@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("Grades: E, F.", "Grades: E, F."),
        ("A, B, C, D, E, F, G, H", "A, B, C, D, E, F, G, H"),
        ("Customer: Le, Thi Mai", "Customer: <PERSON>"),
    ],
)
def test_a_surname_that_is_a_particle_alone(redactor: Redactor, text: str, redacted: str) -> None:
    assert redactor.redact(text).text == redacted


# A sign-off before a line break is a whole word: "Society\n" and "Community\n" end in "ty", and used to announce
# the capitalised words of the next line as a name (an outline's "A. Criticism", a place's name).
@pytest.mark.parametrize(
    "text", ["VI. Impact on Society\n   A. Criticism and Controversy", "Community\nKoru Whetu", "Lovely\nKoru Whetu"]
)
def test_a_word_ending_like_a_sign_off_announces_no_name(redactor: Redactor, text: str) -> None:
    assert redactor.redact(text).text == text


def test_a_sign_off_on_its_line_still_announces_the_name(redactor: Redactor) -> None:
    assert redactor.redact("ty\nAroha").text == "ty\n<PERSON>"
