"""A fifth development set for PERSON, written for the seventh round of name work (the shapes forms and e-mails
use) before it was tuned: NOT a hold-out, its figures are in sample.

The second development set showed where names were lost: written surname first with a comma ("Okafor, Chidi"),
in capitals ("MR. OKAFOR"), under a form's "Surname:" label, and given names alone. This set holds those shapes as
forms, e-mail headers and signatures write them: surname first with a comma, "Last name:", "Surname:", "Family
name:" fields, names in capitals in headers and on forms, "Attn:", "c/o", "Regards," and a name on the next line,
signatures with titles and roles, a given name alone after "Hi" or "Thanks", hyphenated surnames and surnames
with particles ("van der", "de la", "bin", "al-", "O'"), from many cultures; and clean sentences of the same shapes
with no person in them ("Surname: (required)", "ATTN: RETURNS DEPT", "Regards, The Support Team", products and
teams in capitals). Its author wrote it before running the detector on it and had not read the hold-outs'
sentences; its names are none of the other development sets'.
"""

from __future__ import annotations

from feedback_loop.privacy.corpus import CorpusSentence, PlantedIdentifier

# (given name, surname): many cultures, particles and hyphens included.
NAMES = (
    ("Oluwaseun", "Adeyemi"),
    ("Wanjiru", "Mwangi"),
    ("Kofi", "Boateng"),
    ("Amara", "Diop"),
    ("Tendai", "Moyo"),
    ("Pieter", "van der Merwe"),
    ("Lucía", "de la Fuente"),
    ("Ahmad", "bin Yusof"),
    ("Khalid", "al-Harbi"),
    ("Siobhan", "O'Sullivan"),
    ("Marie-Claire", "Lefebvre-Dubois"),
    ("Hamid", "Rezaei"),
    ("Aigerim", "Bekova"),
    ("Bilal", "Chaudhry"),
    ("Priyanka", "Subramaniam"),
    ("Linh", "Nguyen"),
    ("Haruto", "Sato"),
    ("Ji-hoon", "Park"),
    ("Wei", "Zhang"),
    ("Kanya", "Srisuk"),
    ("Malia", "Fonoti"),
    ("Hemi", "Te Rangi"),
    ("Kalani", "Akana"),
    ("Ayasha", "Yazzie"),
    ("Joaquín", "Villalobos"),
    ("Itzel", "Ramírez"),
    ("Rafael", "dos Santos"),
    ("Grzegorz", "Wójcik"),
    ("Astrid", "Lindqvist"),
    ("Bjørn", "Haugen"),
    ("Ekaterina", "Volkova"),
    ("Oksana", "Melnyk"),
    ("Dimitris", "Papageorgiou"),
    ("Yusuf", "Demir"),
    ("Noa", "Ben-Ami"),
    ("Ludovica", "Esposito"),
    ("Friederike", "von Hagen"),
    ("Mthunzi", "Dlamini"),
    ("Sione", "Taufa"),
    ("Rania", "El-Sayed"),
    ("Zainab", "Abubakar"),
    ("Dafydd", "ap Gruffydd"),
    ("Ciarán", "Mac Giolla"),
)

# (format, sentence template, the value that must vanish, fragments that must vanish too). In the templates {given}
# and {surname} are the name as written, {GIVEN} and {SURNAME} in capitals, {initial} the given name's initial.
TEMPLATES = (
    # Surname first, with a comma.
    ("surname first", "Name: {surname}, {given}", "{surname}, {given}", ("{given}",)),
    ("surname first", "Customer: {surname}, {given} (account 44718)", "{surname}, {given}", ("{given}",)),
    ("surname first", "{surname}, {given} - no-show for the 10:00 appointment.", "{surname}, {given}", ("{given}",)),
    (
        "surname first",
        "Please update the record for {surname}, {given}; the email bounced.",
        "{surname}, {given}",
        ("{given}",),
    ),
    ("surname first", "Applicant: {surname}, {given} | Ref 2025-0413", "{surname}, {given}", ("{given}",)),
    # Form fields.
    ("form field", "Surname: {surname}\nGiven name(s): {given}\nDate: 12/03/2025", "{surname}", ("{given}",)),
    ("form field", "First name: {given} | Last name: {surname} | Plan: Business", "{surname}", ("{given}",)),
    ("form field", "Family name: {surname}, first name: {given}", "{surname}", ("{given}",)),
    ("form field", "Last name: {surname}", "{surname}", ()),
    ("form field", "Surname - {surname}\nForename - {given}", "{surname}", ("{given}",)),
    ("form field", "Cardholder name: {given} {surname}", "{given} {surname}", ("{given}",)),
    # Capitals in headers and on forms.
    ("capitals", "NAME: {SURNAME} {GIVEN}", "{SURNAME} {GIVEN}", ("{GIVEN}",)),
    ("capitals", "MR. {SURNAME} called about the refund again.", "{SURNAME}", ()),
    ("capitals", "Passenger: {SURNAME}/{GIVEN} MS", "{SURNAME}/{GIVEN}", ("{GIVEN}",)),
    ("capitals", "ATTN: {GIVEN} {SURNAME}, ACCOUNTS PAYABLE", "{GIVEN} {SURNAME}", ("{GIVEN}",)),
    ("capitals", "TO: {GIVEN} {SURNAME}\nRE: INVOICE 5521 OVERDUE", "{GIVEN} {SURNAME}", ("{GIVEN}",)),
    ("capitals", "DEAR MS. {SURNAME},\nYOUR PARCEL IS READY FOR COLLECTION.", "{SURNAME}", ()),
    ("capitals", "Booking for {GIVEN} {SURNAME}, 2 adults, 3 nights.", "{GIVEN} {SURNAME}", ("{GIVEN}",)),
    # Attn and c/o.
    ("attn", "Attn: {given} {surname}, Accounts Payable", "{given} {surname}", ("{given}",)),
    ("attn", "Please leave it c/o {given} {surname} at the front desk.", "{given} {surname}", ("{given}",)),
    ("attn", "Attention: {given} {surname}\nSubject: renewal quote", "{given} {surname}", ("{given}",)),
    # Sign-offs and signatures.
    ("signature", "Regards,\n{given} {surname}", "{given} {surname}", ("{given}",)),
    ("signature", "Kind regards,\n\n{given}", "{given}", ()),
    ("signature", "Thanks,\n{given} {surname}\nSenior Support Engineer", "{given} {surname}", ("{given}",)),
    ("signature", "Best,\nDr. {given} {surname}, PhD\nHead of Research", "{given} {surname}", ("{given}",)),
    ("signature", "--\n{given} {surname} | Customer Success Manager | Northwind", "{given} {surname}", ("{given}",)),
    ("signature", "Many thanks\n{initial}. {surname}\nProcurement", "{initial}. {surname}", ()),
    # A given name alone after a greeting or thanks.
    ("greeting", "Hi {given}, the refund went through this morning.", "{given}", ()),
    ("greeting", "Thanks {given}! That fixed it.", "{given}", ()),
    ("greeting", "Thank you, {given}, for the quick answer.", "{given}", ()),
    ("greeting", "Hello {given},\nyour ticket was escalated to tier 2.", "{given}", ()),
    ("greeting", "Morning {given} - any update on the invoice?", "{given}", ()),
    # Full names with particles and hyphens in running text.
    ("full name", "I spoke to {given} {surname} yesterday about the delay.", "{given} {surname}", ("{given}",)),
    ("full name", "Please cc {given} {surname} on the reply.", "{given} {surname}", ("{given}",)),
    ("full name", "The consent form was signed by {given} {surname}.", "{given} {surname}", ("{given}",)),
    ("full name", "{given} {surname} is the new billing contact.", "{given} {surname}", ("{given}",)),
    ("full name", "Ms {surname} asked us to close the account.", "{surname}", ()),
    ("full name", "Our accountant {given} {surname} will send the forms.", "{given} {surname}", ("{given}",)),
    # More of each shape.
    ("surname first", "Attendees: {surname}, {given} and the IT team.", "{surname}, {given}", ("{given}",)),
    ("capitals", "SIGNED: {GIVEN} {SURNAME}", "{GIVEN} {SURNAME}", ("{GIVEN}",)),
    ("greeting", "Thanks again, {given}.", "{given}", ()),
    ("signature", "Yours sincerely,\nProf. {given} {surname}\nDean of Admissions", "{given} {surname}", ("{given}",)),
)

# The shapes above with no person in them.
CLEAN = (
    "Surname: (required)",
    "Last name: ____________",
    "First name: [enter here]",
    "Family name: as shown in your passport",
    "Name: N/A",
    "Full name: same as billing",
    "Name on card: as printed on the card",
    "Account name: Marketing Ops",
    "Surname field is empty on the export.",
    "Last Name and First Name columns are swapped in the CSV.",
    "Given name(s) as printed in the passport",
    "Surname - required for visa bookings",
    "ATTN: RETURNS DEPT",
    "Attn: Accounts Payable",
    "ATTN: HR DEPARTMENT - PAYROLL QUERIES",
    "Attention: Warehouse Manager",
    "Please leave it c/o Front Desk, Building 4.",
    "Ship it c/o the Post Office, Main Branch.",
    "Regards, The Support Team",
    "Kind regards,\nCustomer Care",
    "Thanks,\nThe Billing Team",
    "Best,\nAcme Support | Help Center",
    "Regards,\nAccounts Team\nFinance Operations",
    "Cheers,\nThe Growth Team",
    "--\nSent from Outlook for Android",
    "Many thanks\nProcurement",
    "Hi team, the export failed again.",
    "Thanks everyone! That fixed it.",
    "Hi there, thanks for reaching out.",
    "Hello Support,\nmy invoice is wrong.",
    "Thank you, Support, for the quick answer.",
    "Morning all - any update on the invoice?",
    "Dear Customer,\nyour order has shipped.",
    "Dear Sir or Madam,",
    "Dear Hiring Manager,",
    "To whom it may concern,",
    "ORDER STATUS: SHIPPED",
    "URGENT: PAYMENT FAILED FOR INVOICE 4471",
    "RE: REFUND REQUEST",
    "MS TEAMS KEEPS CRASHING ON LOGIN",
    "TO: ALL STAFF\nRE: OFFICE CLOSED ON MONDAY",
    "SUBJECT: LOGIN ERROR ON ANDROID",
    "PLEASE RESEND THE INVOICE",
    "NOTE: DO NOT SHIP BEFORE MONDAY",
    "TITLE: SENIOR DEVELOPER",
    "DEPARTMENT: CUSTOMER SUCCESS",
    "GOOGLE PAY DECLINED THE CARD",
    "APPLE WATCH SE WILL NOT PAIR",
    "NORTHWIND TRADERS - PURCHASE ORDER 5521",
    "NAME: NORTHWIND TRADERS LTD",
    "DEAR CUSTOMER,\nYOUR PARCEL IS READY FOR COLLECTION.",
    "Booking for 2 adults, 3 nights, SEA VIEW.",
    "Customer: Northwind Traders, Ltd. (account 44718)",
    "Go to Settings, Privacy and turn it off.",
    "Returns, Refunds and Exchanges are on page 3.",
    "Status: Pending, Priority: High",
    "Outlook, Gmail and Yahoo all reject the mail.",
    "Brazil, Portugal and Angola use the same locale.",
    "Sales, Marketing, Support: all teams affected.",
    "Applicant: Contoso Ltd | Ref 2025-0413",
    "Passenger: ADULT/CHILD counts do not match",
    "The St. Louis warehouse ships on Mondays.",
    "Cardholder name: see the front of the card",
    "Please cc Legal on the reply.",
    "The consent form was signed by the guardian.",
    "Billing is the new contact for refunds.",
)


def generate_dev_forms_corpus() -> list[CorpusSentence]:
    """Each template filled with three names (the names taken in turn), then the clean sentences."""
    sentences = []
    for round_ in range(3):
        for position, (kind, template, value, fragments) in enumerate(TEMPLATES):
            given, surname = NAMES[(position + round_ * 17) % len(NAMES)]
            fields = {
                "given": given,
                "surname": surname,
                "GIVEN": given.upper(),
                "SURNAME": surname.upper(),
                "initial": given[0],
            }
            planted = PlantedIdentifier(
                "PERSON",
                kind,
                value.format(**fields),
                tuple(fragment.format(**fields) for fragment in fragments),
            )
            sentences.append(CorpusSentence(template.format(**fields), (planted,)))
    return sentences + [CorpusSentence(text, ()) for text in CLEAN]
