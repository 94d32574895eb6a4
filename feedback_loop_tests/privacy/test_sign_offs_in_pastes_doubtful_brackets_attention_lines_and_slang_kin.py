"""A sign-off's dash before a name inside a longer text (a pasted message, then the writer's question), a person's
name in brackets in doubt ("the caller (Ikenna? Ifeanyi?)") but not names being chosen, attention lines without a
colon ("attn ...", "FAO ..."), and the words of chat and slang for the people closest ("my bestie ...", "my
sister-in-law ...")."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # A pasted message signed after a dash, the writer's own words after it.
        (
            "Thanks for lending me the ladder, I'll return it Sunday.\n- Tamatea\nDoes this sound grateful enough?",
            "Thanks for lending me the ladder, I'll return it Sunday.\n- <PERSON>\nDoes this sound grateful enough?",
        ),
        (
            "The rota for next week is attached. - Oyelaran\n\nplease make it sound less blunt",
            "The rota for next week is attached. - <PERSON>\n\nplease make it sound less blunt",
        ),
        (
            "Sorry I missed your call, ring me back later! Cheers, - Wiremu\ncan you fix the punctuation?",
            "Sorry I missed your call, ring me back later! Cheers, - <PERSON>\ncan you fix the punctuation?",
        ),
        (
            "The boiler is fixed, no charge this time.\n- thanks, Nomvula Zungu\n\nwhat should I reply?",
            "The boiler is fixed, no charge this time.\n- thanks, <PERSON>\n\nwhat should I reply?",
        ),
        (
            "we're out of milk again.\n- mahlet\ncan you translate this into Amharic?",
            "we're out of milk again.\n- <PERSON>\ncan you translate this into Amharic?",
        ),
        # A person half remembered, named in brackets.
        (
            "The courier (Bakhyt? Bakhtiyar?) said he left it with a neighbour.",
            "The courier (<PERSON>? <PERSON>?) said he left it with a neighbour.",
        ),
        (
            "I was helped by the woman at the pharmacy (Oyinda, I think) last week.",
            "I was helped by the woman at the pharmacy (<PERSON>, I think) last week.",
        ),
        (
            "My coworker (Radomir / Radek) keeps booking the big room.",
            "My coworker (<PERSON> / <PERSON>) keeps booking the big room.",
        ),
        (
            "The man who answered (Teodor? or was it Todor?) promised a callback.",
            "The man who answered (<PERSON>? or was it <PERSON>?) promised a callback.",
        ),
        # Attention lines without a colon.
        ("attn Ruaidhrí Ó Catháin, Facilities", "attn <PERSON>, Facilities"),
        ("Please post it FAO Tsegaye Bekele at head office.", "Please post it FAO <PERSON> at head office."),
        ("ATTN Keziah Oyelowo - second notice", "ATTN <PERSON> - second notice"),
        ("for the attention of mereana", "for the attention of <PERSON>"),
        ("send it fao wairimu please", "send it fao <PERSON> please"),
        # Chat's and slang's words for the people closest.
        (
            "what should I get my bestie Ngaio for her birthday?",
            "what should I get my bestie <PERSON> for her birthday?",
        ),
        ("a short toast for my bff Temitope", "a short toast for my bff <PERSON>"),
        ("write a sweet note to my bae Joaquín", "write a sweet note to my bae <PERSON>"),
        ("a get-well card for my sis Rukmini", "a get-well card for my sis <PERSON>"),
        ("my cuz Sefo wants to borrow my car", "my cuz <PERSON> wants to borrow my car"),
        ("a thank-you note for my sister-in-law Oluchi", "a thank-you note for my sister-in-law <PERSON>"),
        ("help me reply to my mum in law Zarina", "help me reply to my mum in law <PERSON>"),
        ("a card for my stepbrother Tamati", "a card for my stepbrother <PERSON>"),
        ("a poem for my bestie ngaio", "a poem for my bestie <PERSON>"),
    ],
)
def test_the_name_is_redacted(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        # A list's items after a dash, and a dash before words that are no name's.
        "Bring the following.\n- Blankets\n- Torches\nanything else?",
        "That settles it.\n- Overview\nThe details come next.",
        "All done. - Next steps\nwhat now?",
        # Names being chosen, and brackets of things.
        "we're picking a name for our son (Tane? Rawiri?) and can't agree",
        "Girl name shortlist (Anahera / Maia / Kaia), thoughts?",
        "our baby (Hemi? Nikau?) is due in March",
        "Which city (Lisbon? Porto?) should we fly into?",
        "The hero of my story (Corwin? Alaric?) needs a flaw.",
        "our new kitten (Pepper? Smudge?) is adorable",
        # Attention in notices and an agency.
        "Attention Deficit Hyperactivity Disorder affects adults too.",
        "attn all drivers: the depot closes early",
        "The FAO Food Outlook is out.",
        "FAO Statistics report lower yields.",
        "for the attention of the payroll team",
        # Slang's words with no name after them.
        "my bestie and I are going to Fiji",
        "my bro Code rules are silly",
        "my in-laws arrive on Friday",
        "my sis said the film was long",
    ],
)
def test_clean_sentences_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence
