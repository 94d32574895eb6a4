"""Whose name a form's field asks for, fields of JSON and code, readers greeted by their part, given names in running
text, and full names the small model takes for firms (the twenty-fourth round); an address's lines by their labels in
other languages and in a list's bold items, and a pass's price."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # A person's field, by its part, kin, a pronoun or a possessive before "name".
        ("Guest name: aurora lindqvist", "Guest name: <PERSON>"),
        ("Mother's name: Ilse", "Mother's name: <PERSON>"),
        ("Your name: Amara Obi", "Your name: <PERSON>"),
        # Fields as JSON, dictionaries and log lines write their keys.
        ("first_name: Wanjiru\nlast_name: Kamau", "first_name: <PERSON>\nlast_name: <PERSON>"),
        (
            '{"first_name": "Wanjiru", "last_name": "Kamau", "email_verified": true}',
            '{"first_name": "<PERSON>", "last_name": "<PERSON>", "email_verified": true}',
        ),
        ("{'customer_name': 'Wanjiru Kamau'}", "{'customer_name': '<PERSON>'}"),
        (
            '{"product_name": "Aurora", "guest_name": "Ilse Vogt"}',
            '{"product_name": "Aurora", "guest_name": "<PERSON>"}',
        ),
        # Airlines' records: the title says the names are a person's, though the vocabulary holds them.
        (
            "it says SHAPIRO/DAVID MR but should be SHAPIRO/DANIEL MR",
            "it says <PERSON> MR but should be <PERSON> MR",
        ),
        ("MCALLISTER/EWAN boarded", "<PERSON> boarded"),
        # A surname after a title that WordNet holds as a name, not as a thing: no "Dr Pepper".
        ("Dear Mr Goldberg,\n\nThank you for your letter.", "Dear Mr <PERSON>,\n\nThank you for your letter."),
        (
            "Opposing counsel, Ms. Goldberg, has confirmed.",
            "Opposing counsel, Ms. <PERSON>, has confirmed.",
        ),
        # A given name of the lists that is nothing else, in English prose, with no cue.
        (
            "Sandra at reception already refunded one of the charges.",
            "<PERSON> at reception already refunded one of the charges.",
        ),
        ("Thanks for the kind words about our chef Stavros!", "Thanks for the kind words about our chef <PERSON>!"),
        # Given names and full names of the lists the small model reads as a place or a firm, which the PII model reads
        # as names where only a person fits and in their own sentence.
        (
            "Teacher comment: Francesca and he make a good lab pair.",
            "Teacher comment: <PERSON> and he make a good lab pair.",
        ),
        ("Does that suit you and Bethan?", "Does that suit you and <PERSON>?"),
        (
            "pls approve the VPN request for Marko Petrović, he's the new contractor on the payments team",
            "pls approve the VPN request for <PERSON>, he's the new contractor on the payments team",
        ),
        (
            'Draft clause: "The Lessor, Bernard Rousseau, grants the Lessee, Noémie Girard, exclusive use."',
            'Draft clause: "The Lessor, <PERSON>, grants the Lessee, <PERSON>, exclusive use."',
        ),
    ],
)
def test_the_name_is_redacted(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        # A thing's field: "... name:" after a word for what is named.
        "Event name: Hackathon",
        "Product name: Aurora",
        "Project name: Phoenix",
        "Team name: Falcons",
        "Company name: Northwind",
        # An HTML attribute, not a JSON value.
        '<input type="text" id="username" name="username" required>',
        # What a first program prints.
        'System.out.println("Hello World!");',
        'print("Hello, World!")',
        # Readers greeted by their part, one common noun.
        "Dear Policyholder,\n\nYour home insurance policy renews on 1 May.",
        "Dear Guests,\n\nBreakfast is served from seven.",
        "Dear Applicant,",
        "Dear Students,",
        "Dear Resident,",
        # A product after a title stays one.
        "I drank a Dr Pepper.",
        # Given names of the lists that stand for things: an order's item, a town and its state, a link, an
        # interjection, a date in German, Dutch and Indonesian words, a ruler with an epithet, a saint's hospital.
        "Order: 2x Margherita, 1x Quattro Stagioni, 1x Caesar salad",
        "17. Kerman, CA \n18. Kernersville, NC",
        "![Houses](https://upload.wikimedia.org/wikipedia/commons/2/2c/Houses_in_Charlotte_Amalie%2C_St._Thomas.jpg)",
        "Ah! Vous dirais-je, maman\nCe qui cause mon tourment?",
        "Die Straße des 17. Juni ist heute gesperrt.",
        "Beste klant, uw bestelling is verzonden.",
        "Summarise Akbar the Great's religious policy.",
        "St. Mary's ER wait was 4 hours on Saturday",
        # A bot named like a person, in apposition.
        "Olivia, the hiring chatbot, rejected my application twice.",
        "Ava, our virtual assistant, can help.",
        # Milliseconds before a capitalised word, and what a pass costs.
        "ECG normal sinus rhythm, QTc 412 ms. Troponin pending.",
        "- Metro/tram 24h pass: €6.80\n- Tram 28 gets crowded",
        # Firms named like people, in their sentences.
        "Mercedes Benz announced record profits.",
        "We used Morgan Stanley and then moved to Wells Fargo.",
    ],
)
def test_the_sentence_stays(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # People whose apposition names an assistant's, an AI's or a bot's work, not a bot.
        ("Maria, our assistant, will call you.", "<PERSON>, our assistant, will call you."),
        ("Priya Raman, our AI lead, will join the call.", "<PERSON>, our AI lead, will join the call."),
        (
            "Chidi Okafor, our bot developer, will walk you through it.",
            "<PERSON>, our bot developer, will walk you through it.",
        ),
        # A street's "St." before a name that opens the next sentence is no saint's.
        (
            "Meet at 5th Ave and 42nd St. Priya Raman will be there.",
            "Meet at 5th Ave and 42nd St. <PERSON> will be there.",
        ),
        # A person's field in a possessive, and before a contraction in prose.
        ("Guest's name: Ilse Vogt", "Guest's name: <PERSON>"),
        ("Legal name: Jane Doe", "Legal name: <PERSON>"),
        ("Thandeka won't be in today, she's sick.", "<PERSON> won't be in today, she's sick."),
        # Two capitals after a comma that are no state's code.
        (
            "Ran it past Tamar, IT approved the change this morning.",
            "Ran it past <PERSON>, IT approved the change this morning.",
        ),
    ],
)
def test_the_person_stays_a_person(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "Product  name: Aurora",
        "product-name: Aurora",
        "Company's name: Northwind",
        "The app's name: Aurora",
        '{"driver_name": "nvidia", "version": "550.54"}',
        "I bought the jacket at Zara last week.",
        "I work at Meta on the ads team.",
        "Dear Families,\n\nSchool closes at noon on Friday.",
        "I watched Dr Strange last night.",
        "Take her to St Jude Hospital.",
        "The Glacier Express from Zermatt to St. Moritz takes about 8 hours.",
    ],
)
def test_things_fields_brands_and_readers_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("wifi pass: ABC12345", "wifi pass: <SECRET>"),
        ("secret: XYZ2024", "secret: <SECRET>"),
        ("Address: 12 Bow Street\nCap: 3 tickets per person", "Address: <ADDRESS>\nCap: 3 tickets per person"),
        (
            "Form:\n\n- **Address:** 3 Tannery Close\n- **Town**: Frome\n- **Postcode**: BA11 4RT",
            "Form:\n\n- **Address:** <ADDRESS>",
        ),
    ],
)
def test_secrets_with_letters_of_a_currency_code_go_and_labels_end_an_address(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Address line 1: 14 Bow Street\nCity: Dublin 7\nEircode: D07 F8X2", "Address line 1: <ADDRESS>"),
        (
            "Name: Felix Brandt\nStraße: Lindenallee 42\nPLZ/Ort: 50968 Köln\nTelefon: siehe Anhang",
            "Name: <PERSON>\nStraße: <ADDRESS>\nTelefon: siehe Anhang",
        ),
        (
            "Form:\n\n- **Address line 1:** 3 Tannery Close\n- **Town:** Frome\n- **Postcode:** BA11 4RT\n\nOk?",
            "Form:\n\n- **Address line 1:** <ADDRESS>\n\nOk?",
        ),
        # A label that says what the address is for, in words; a Canadian rural route's site and compartment.
        (
            "Address for ration card: Village Rampur, Post Khajuri, Dist. Varanasi, UP 221104. Head of family: none",
            "Address for ration card: <ADDRESS>. Head of family: none",
        ),
        (
            "Rural delivery: Site 12, Comp 8, RR 3, Sylvan Lake AB T4S 1X7. Green mailbox at the end.",
            "Rural delivery: <ADDRESS>. Green mailbox at the end.",
        ),
    ],
)
def test_an_addresss_labelled_lines_go_with_it(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


def test_sites_and_compartments_with_no_address_stay() -> None:
    sentence = "Site 12 is down, Comp 8 failed the check."
    assert Redactor("patterns+ner").redact(sentence).text == sentence


def test_a_password_after_pass_still_goes() -> None:
    assert Redactor("patterns").redact("pass: 123456").text == "pass: <SECRET>"
