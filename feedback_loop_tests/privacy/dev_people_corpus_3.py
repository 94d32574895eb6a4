"""A third development set for PERSON, written for the fifth round of name work (false positives) before it was
tuned: NOT a hold-out, its figures are in sample.

The first two sets' clean sentences are mostly brands named after people in a terse sentence; the issue's
acceptance asks for clean support sentences "with product names, capitalised words, version and section numbers,
date ranges and order numbers". This set holds such sentences, where a product, a brand, a piece of software, a
storm or a breed has a person's given name or surname ("signed in to Jira", "my Dell laptop", "Jenkins failed the
build", "Hurricane Ian"), and people's names written in the same kinds of sentences, next to the same products,
versions and order numbers, so that a veto that costs names shows. Its author had not read the hold-outs'
sentences nor their misses.
"""

from __future__ import annotations

from feedback_loop.privacy.corpus import CorpusSentence, PlantedIdentifier

# Clean support-chat sentences: nothing here is a person.
CLEAN = (
    # Software a person's name could stand for, after a software verb.
    "I signed in to Jenkins but the build queue is empty.",
    "After I logged in to Harvest, the timesheet for 03/2025-04/2025 was blank.",
    "Please log into Marvin and export section 4.2.1 again.",
    "We subscribed to Dash last month and got charged twice.",
    "Can you reinstall Carbonite on the old laptop?",
    "I uninstalled Norton and now Windows Defender shows a warning.",
    "Update Ollie to version 2.8.3 before you sync.",
    "Did you upgrade Hudson to 3.1 or is it still on 2.9?",
    "Open Wally, go to Budgets and click Export.",
    "Sync with Morgan failed for invoices 1045-1090.",
    # Products with their product noun, version, model number or app.
    "My Dell XPS 13 will not wake from sleep after the BIOS update 1.18.0.",
    "The Ford Pass app shows the wrong mileage since version 5.4.",
    "Ordered a Lenovo Yoga and a Dell monitor, order #88213-A.",
    "The Ring doorbell and the Arlo camera both dropped offline on 12/03.",
    "Does the Chevy Malibu key fob work with the Tesla app?",
    "The Dyson V11 battery lasts ten minutes, order 7731-2290-18.",
    "My Kindle Paperwhite keeps restarting on firmware 5.16.2.",
    "Is Alexa Voice Remote compatible with the Fire TV Stick?",
    "The Casio watch strap broke after two weeks.",
    "Boeing and Airbus both appear in the supplier list, section 7.3.",
    # Brands named after people doing what companies do.
    "Wells Fargo declined the card for order 55102.",
    "Dell shipped the replacement on 2024-05-02, tracking to follow.",
    "Ford Credit charged a late fee for 01/2024-02/2024.",
    "Schwab moved the transfer to Monday.",
    "Hilton refunded the deposit but Marriott did not.",
    "Ferrari merchandise ships from Italy in 5-7 days.",
    "Disney billed us for the annual plan again.",
    "Dillard's returned the package to the warehouse.",
    "Our Kellogg order was split into two deliveries.",
    "Mercedes roadside assistance never called back.",
    # Storms, breeds, places and things with a person's name in them.
    "Deliveries to Tampa are delayed because of Hurricane Milton.",
    "Tropical Storm Debby closed the depot from 08/05-08/09.",
    "Our office dog is a Jack Russell, sorry for the barking on the call.",
    "The Saint Bernard mug in order 4410 arrived chipped.",
    "The Victoria Line was down, so I missed the 9.30 call.",
    "The Venus Flytrap kit is out of stock until week 14.",
    "The Ada Lovelace building badge reader rejects my card.",
    "We host the demo in the Turing Room on floor 3.",
    # Capitalised UI words, features and plans.
    "Click Save As, choose Word 97-2003 and press OK.",
    "Go to Settings > Accounts > Family & Other Users.",
    "Under Advanced Options pick Safe Mode with Networking.",
    "The Priority Support add-on is listed under Billing > Plans.",
    "Tap Smart Lock, then Trusted Devices.",
    "Sage Intacct and Oracle NetSuite export the same CSV.",
    # Software and tools named with given names or surnames.
    "Jenkins failed the build again after the 2.401 update.",
    "Tableau and Looker both time out on the Q3 dashboard.",
    "Grammarly keeps flagging section 2.3 as passive.",
    "Cortana opens every time I press the Windows key.",
    "Rufus wrote the ISO but the USB will not boot.",
    "Mailchimp sent the campaign to the wrong segment.",
    # A second batch, written after the first rules of the round to try them, then tuned on as well.
    "My Fitbit Versa stopped syncing after the 3.12 update.",
    "Is Jira down? I can't create tickets since 09:30.",
    "The Gila Monster plush in order 99812 was missing an eye.",
    "Deliveries to Jacksonville slowed after Hurricane Matthew last year.",
    "Can Alexa read my order status for #44120?",
    "Ask Siri to open the app, then tap Orders.",
    "Harley-Davidson parts ship separately, 5-10 business days.",
    "We use Wrike for projects and Clio for legal matters.",
    "Bernie's Burgers franchise needs the 2.4 POS update.",
    "Marshall amps are back in stock, section 3 of the catalogue.",
    "The Wendy's coupon from 06/01-06/30 did not apply.",
    "Lincoln Navigator owners report the key fob issue in 4.1.2.",
    "Carhartt jackets from order 5531 arrived in the wrong size.",
    "Porsche Connect lost the trip data from 2023-2024.",
    "Tiffany necklaces are excluded from the Black Friday sale.",
    "Chanel No. 5 samples ran out on 11/20.",
    "Zapier moved the rows to Airtable but skipped row 41.",
    "Clara, the scheduling assistant, booked two meetings at once.",
    "Edison bulbs in order 7712 flicker on the dimmer.",
    "Gordon Ramsay cookware is sold out until week 12.",
    "Morgan Stanley blocked the wire for invoice 2024-118.",
    "Ford F-150 Lightning charging stops at 80% after OTA 3.2.",
    "Jack Wolfskin tents ship from the EU warehouse.",
    "Cole Haan loafers were refunded on 03/04.",
    "Oscar Mayer coupons expired before checkout.",
    "The Kim Kardashian game crashes on launch.",
    "Taylor Swift tickets sold out in minutes, order 4419 failed.",
    "Max was renamed from HBO Max in 2023.",
    "I switched from Norton to Avast last week.",
    "Ruby on Rails 7.1 breaks our Devise login.",
    "Sierra, the chatbot, keeps repeating the same answer.",
)

# People in the same kinds of sentences: a veto that costs names shows here. (text, planted name, its format)
PEOPLE = (
    ("I signed in to the portal and Marisol Quintero had already approved it.", "Marisol Quintero", "full name"),
    ("After I logged in, Deshawn Pritchard moved the timesheet to 03/2025-04/2025.", "Deshawn Pritchard", "full name"),
    ("Please ask Oksana to export section 4.2.1 again.", "Oksana", "given name"),
    ("Can Tomasz reinstall Carbonite on the old laptop?", "Tomasz", "given name"),
    ("Update Ollie to version 2.8.3 and tell Beatriz Lindqvist when it syncs.", "Beatriz Lindqvist", "full name"),
    ("My Dell XPS 13 was set up by Callum Fairweather last week.", "Callum Fairweather", "full name"),
    ("Order #88213-A was placed by Ingrid Solberg from the Oslo office.", "Ingrid Solberg", "full name"),
    ("Wells Fargo declined the card, so Hamza Qureshi paid for order 55102.", "Hamza Qureshi", "full name"),
    ("Henry Ford called about invoice 1045 this morning.", "Henry Ford", "full name"),
    ("Grace Dell ordered two monitors, order 7731-2290-18.", "Grace Dell", "full name"),
    ("Jordan installed version 5.4 on every laptop.", "Jordan", "given name"),
    ("Madison updated the Slack app for the whole team.", "Madison", "given name"),
    ("Thanks, Priyanka! The Jira ticket is closed now.", "Priyanka", "given name"),
    ("Contact Wei Zhang about order #55012, he handles returns.", "Wei Zhang", "full name"),
    ("Tell Fatima the Outlook account is ready.", "Fatima", "given name"),
    ("Dr. Ingeborg Aas installed Windows 11 on her laptop.", "Ingeborg Aas", "full name"),
    ("I subscribed after Olivia Brennan recommended the Pro plan.", "Olivia Brennan", "full name"),
    ("Mateo logs in to Harvest every morning at 8.", "Mateo", "given name"),
    ("Victoria from Billing said the refund takes 5-7 days.", "Victoria", "given name"),
    ("Ask Bernard to press Save As and pick Word 97-2003.", "Bernard", "given name"),
    ("The tracking number was sent to Ada Okafor on 2024-05-02.", "Ada Okafor", "full name"),
    ("Hilton refunded the deposit to Marguerite Dubois yesterday.", "Marguerite Dubois", "full name"),
    ("Rufus Whitaker wrote the ISO but the USB will not boot.", "Rufus Whitaker", "full name"),
    ("Our admin, Kellan Morrow, reset the Tableau licence.", "Kellan Morrow", "full name"),
    ("Mercedes Ortega never got the callback she was promised.", "Mercedes Ortega", "full name"),
    ("Harvey approved the upgrade to 3.1 for section 7.3.", "Harvey", "given name"),
    ("I forwarded the Dyson receipt to Leopold Brandt.", "Leopold Brandt", "full name"),
    ("Morgan said the invoices 1045-1090 are paid.", "Morgan", "given name"),
    ("Please loop in Saoirse Dunne, she owns the Grafana dashboards.", "Saoirse Dunne", "full name"),
    ("Dash support told Ruairi Byrne to reinstall the app.", "Ruairi Byrne", "full name"),
    # The second batch.
    ("Kevin from IT said section 2.3 is outdated.", "Kevin", "given name"),
    ("Hi Sophie, order 4471-22 is delayed until 05/12-05/15.", "Sophie", "given name"),
    ("Please send the Dell invoice to Gabriela Souza.", "Gabriela Souza", "full name"),
    ("Marcus installed Jira 9.4 yesterday.", "Marcus", "given name"),
    ("Open Anneliese Vogt's profile and reinstall Zoom for her.", "Anneliese Vogt", "full name"),
    ("I switched the ticket from Norton support to Priya Raman.", "Priya Raman", "full name"),
)


def generate_dev_people_corpus_3() -> list[CorpusSentence]:
    """The people's sentences, each with its name planted, then the clean sentences."""
    sentences = [
        CorpusSentence(text, (PlantedIdentifier("PERSON", kind, name, tuple(name.split())),))
        for text, name, kind in PEOPLE
    ]
    return sentences + [CorpusSentence(text, ()) for text in CLEAN]
