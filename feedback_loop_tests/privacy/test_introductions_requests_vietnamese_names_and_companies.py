"""One who introduces oneself in lower case, a name addressed with a request, Vietnamese names, surnames after a
particle or of two joined by a hyphen, Italian titles, lists of passengers and students, companies Simple Icons does
not hold, German "Sie", holidays opened by "Dia", a range of months, what is left after an address up to its postcode,
and dates, carriers and cars that looked like addresses (the twenty-seventh round)."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        # Introducing oneself in lower case: after "its", "this is", or opening the message before "here".
        (
            "hi its tunde adeyemi again, the transfer to my sister still hasnt arrived",
            "hi its <PERSON> again, the transfer to my sister still hasnt arrived",
        ),
        ("noa shapiro here, i can't log into the app", "<PERSON> here, i can't log into the app"),
        ("niamh here, my broadband keeps dropping", "<PERSON> here, my broadband keeps dropping"),
        (
            "hi, this is ana from the flower shop, we have a same-day order",
            "hi, this is <PERSON> from the flower shop, we have a same-day order",
        ),
        # A name opening a message, addressed with a request.
        ("Kwabena, can you cover the interviews tomorrow?", "<PERSON>, can you cover the interviews tomorrow?"),
        ("Hi all,\nIfeoma, could you send the deck?", "Hi all,\n<PERSON>, could you send the deck?"),
        # Vietnamese names, family name first, with their marks or without.
        ("Full name: Nguyen Thi Thu Hang\nPhone: 555", "Full name: <PERSON>\nPhone: 555"),
        (
            "Customer Pham Thu Ha left a 1-star review about late delivery.",
            "Customer <PERSON> left a 1-star review about late delivery.",
        ),
        ("Assigned to Trần Minh Khoa for review.", "Assigned to <PERSON> for review."),
        ("Nguyen Thi Phuong called about the bill.", "<PERSON> called about the bill."),
        # Surnames of two joined by a hyphen, which the small model reads as a firm.
        (
            "Customer Alessandro Bianchi-Conti reports a warning light.",
            "Customer <PERSON> reports a warning light.",
        ),
        (
            "The life policy was taken out by Akosua Mensah-Bonsu for her father.",
            "The life policy was taken out by <PERSON> for her father.",
        ),
        # Italian titles abbreviated.
        (
            "Buongiorno, il pacco è indirizzato alla Sig.ra Lucia Esposito ma risulta in giacenza.",
            "Buongiorno, il pacco è indirizzato alla Sig.ra <PERSON> ma risulta in giacenza.",
        ),
        # Those a booking is for, numbered on one line or after what the list is of.
        (
            "Passengers: 1. Arnab Chatterjee 2. Tahmina Akter 3. Rafi Chatterjee (infant).",
            "Passengers: 1. <PERSON> 2. <PERSON> 3. <PERSON> (infant).",
        ),
        (
            "Guests on this booking: Yuki Tanabe, Haruto Tanabe and Emi Tanabe (child, 6).",
            "Guests on this booking: <PERSON>, <PERSON> and <PERSON> (child, 6).",
        ),
        (
            "Exchange students arriving Monday: Nattapong Srisuk and Ploy Chaiyasit.",
            "Exchange students arriving Monday: <PERSON> and <PERSON>.",
        ),
        ("Also present: Ikaika, Tevita, Malia", "Also present: <PERSON>, <PERSON>, <PERSON>"),
        # "Dia" before an article and a surname is a person's name, no holiday's.
        (
            "Please forward the invoice to Dia da Costa in accounts.",
            "Please forward the invoice to <PERSON> in accounts.",
        ),
        # Two lower-case addresses after "to" and "instead of".
        (
            "Hi, my parcel went to 18 kingsley road instead of 16 kingsley road. Can the driver collect it back?",
            "Hi, my parcel went to <ADDRESS> instead of <ADDRESS>. Can the driver collect it back?",
        ),
        # What is left after an address, up to a postcode of its own shape.
        (
            "Notice addressed to Mr. Rao at No. 45, 2nd Main Road, Jayanagar 4th Block, Bengaluru 560011 was returned.",
            "Notice addressed to Mr. <PERSON> at <ADDRESS> was returned.",
        ),
        (
            "no power since morning at house no. 1127, sector 15, faridabad, haryana 121007, complaint no. 88123",
            "no power since morning at <ADDRESS>, complaint no. 88123",
        ),
        (
            "Address for correspondence: 14 Ashfield Park, Terenure, Dublin 6W, D6W X2K7",
            "Address for correspondence: <ADDRESS>",
        ),
        ("Ship to 12 Baker Street, London, order no. 123456.", "Ship to <ADDRESS>, order no. 123456."),
        ("Meet at 12 Baker Street and pay 123456 yen", "Meet at <ADDRESS> and pay 123456 yen"),
        ("Office at 5 Main Road, Chennai, budget 500000 approved", "Office at <ADDRESS>, budget 500000 approved"),
        ("Office at 5 Main Road, Chennai, paid INR 125000 by card.", "Office at <ADDRESS>, paid INR 125000 by card."),
        ("My new address is via Garibaldi 12, 20121 Milano", "My new address is <ADDRESS>"),
        # Italian writes "via" in lower case before the street's name, in an Italian sentence.
        ("abito in via Roma 10, Torino", "abito in <ADDRESS>"),
    ],
)
def test_names_and_addresses_of_the_round_are_redacted(text: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(text).text == redacted


@pytest.mark.parametrize(
    "text",
    [
        # Companies that Simple Icons does not hold, where a person could stand.
        "Why does the app still show 'Pending' for the Amazon refund when Amazon says it was refunded?",
        "Walmart says it was refunded.",
        "Costco says no.",
        "Vipps says 'Beløpsgrensen er nådd' — what's the daily limit?",
        "Cookidoo says 'Device not found'.",
        "Clio shows invoice #10492 as 'Paid' but the ledger disagrees.",
        # What is no introduction, no request to a person, no Vietnamese name.
        "this is urgent, please call",
        "ok here, it works now",
        "team here, quick update",
        "hi its me again, any news",
        "Omg, please fix the app",
        "Gracias, can you also send the receipt?",
        "Heyyy, can you reset my password",
        "Mate, can you check the order?",
        "Jira, can you show me the board",
        "We visited Hoang Kiem Lake In The Old Quarter.",
        # German "Sie" (you); a holiday of Portuguese and Spanish opened by "Dia" ("day").
        "Guten Tag, haben Sie am Heiligabend geöffnet? Wir wären 8 Personen, davon 3 Kinder.",
        "Olá, vocês aceitam reservas para o Dia dos Namorados ou é só por ordem de chegada?",
        "Reservas para el Día del Padre, por favor.",
        # Passengers, guests and students that are no names.
        "Students love: Free Printing, Late Library",
        "Passengers: 2 adults, 1 child",
        "Guests: Vegetarian Options, Gluten Free",
        "Features present: Bluetooth, Wi-Fi, NFC",
        # A day and its month after a word ending as a German ring road does; English "via" before a carrier.
        "Term Dates 2025/26: Autumn 3 Sept – 19 Dec; Spring 6 Jan – 2 Apr; Summer 20 Apr – 22 July.",
        "Order #RX-558201 was dispatched on 12/03 via Royal Mail Tracked 24, tracking number JD014600003827451.",
        "I love from the bottom of my heart how fast you shipped it",
        # A range of months; a car's model after its number.
        "Can you write a letter disputing a bill of £486.22 for Jan-Mar? The meter reads were estimated.",
        "Porsche Approved 911 Carrera S (992), 2020, 18k miles, 24-month warranty.",
    ],
)
def test_near_misses_of_the_round_stay(text: str) -> None:
    assert Redactor("patterns+ner").redact(text).text == text
