"""Names after the cues of the nineteenth round's second hold-out: Polish and Czech honorifics opening a sentence,
airline records ("SURNAME/GIVEN"), "... by:" labels, Filipino "Ma.", Korean names surname first in capitals, a given
name "from the <Place> office", "her name was", kin words ("our baby"), "for herself and", a role before a full name
("Seller ..."), "a certain", a spelled name, thanks to a person in other languages, an agent's acknowledgement, a
long name closed by an initial, foreign greetings, Thai "named" and Vietnamese kinship pronouns."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Pani Katarzyna Zielińska obiecała oddzwonić jutro.", "<PERSON> obiecała oddzwonić jutro."),
        ("Paní Jana Nováková slíbila vrácení peněz.", "<PERSON> slíbila vrácení peněz."),
        ("Booking record: ODUYA/TEMITOPE MRS, seat 22A", "Booking record: <PERSON> MRS, seat 22A"),
        ("The label reads FITZGERALD/SEAN so it is not mine", "The label reads <PERSON> so it is not mine"),
        ("Returned by: Võ Minh Tâm\nItem: Bluetooth speaker", "Returned by: <PERSON>\nItem: Bluetooth speaker"),
        ("Regards,\nMa. Angelica Villanueva", "Regards,\n<PERSON>"),
        ("Guest list:\n1. CHOI Ji-woo\n2. LEE Seo-yeon", "Guest list:\n1. <PERSON>\n2. <PERSON>"),
        ("Honestly Niamh from the Cork branch sorted it out", "Honestly <PERSON> from the Cork branch sorted it out"),
        ("I think her name was Xiu Ying? She was lovely.", "I think her name was <PERSON>? She was lovely."),
        ("her name's Mei Xin, she booked it", "her name's <PERSON>, she booked it"),
        ("we are 4: my husband, me and our toddler Makana", "we are 4: my husband, me and our toddler <PERSON>"),
        (
            "Reserved by Giorgi Beridze for himself and Tamari Lomidze; one room",
            "Reserved by <PERSON> for himself and <PERSON>; one room",
        ),
        ("Buyer Tevita Fonua never paid for order 5521", "Buyer <PERSON> never paid for order 5521"),
        ("Falei com uma tal de Gisele no balcão.", "Falei com uma tal de <PERSON> no balcão."),
        ("Me atendió un tal Rigoberto muy amable.", "Me atendió un tal <PERSON> muy amable."),
        ("It is spelled Niamh, not Neve.", "It is spelled <PERSON>, not <PERSON>."),
        ("Danke an Jürgen Weber für die schnelle Hilfe", "Danke an <PERSON> für die schnelle Hilfe"),
        (
            "Understood, Keahi. I'll move you to the 09:40 flight.",
            "Understood, <PERSON>. I'll move you to the 09:40 flight.",
        ),
        ("Sure, Lokelani. Your voucher is attached.", "Sure, <PERSON>. Your voucher is attached."),
        ("Reviewer: Sai Krishna Murthy K.\nStars: 4", "Reviewer: <PERSON>.\nStars: 4"),
        ("Olá Kauã, seu pedido saiu para entrega", "Olá <PERSON>, seu pedido saiu para entrega"),
        ("ลูกค้าชื่อ สมศักดิ์ รักไทย โทรมาสอบถาม", "ลูกค้าชื่อ <PERSON> โทรมาสอบถาม"),
        ("anh Hùng bên giao hàng gọi chưa?", "anh <PERSON> bên giao hàng gọi chưa?"),
        ("Hôm nay cô Hạnh nghỉ ốm", "Hôm nay cô <PERSON> nghỉ ốm"),
    ],
)
def test_the_name_after_the_cue_is_redacted(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "Panie i panowie, zapraszamy.",
        "Works on Mac/Linux and TCP/IP, see the Sales/Marketing deck.",
        "Log in to Seller Central to check the order.",
        "The Vendor Portal is down; Merchant Center too.",
        "We stayed near the Park Co-op on Lee Street.",
        "Passenger list: see attachment",
        "Apparently Dublin from the Galway office is closer.",
        "Noted, Monday works for us.",
        "Of course, Friday.",
        "Merci à l'équipe de Lyon",
        "Big thanks to Stripe for the quick payout",
        "Hola Mundo, esto es una prueba",
        "O técnico disse que um tal de Wi-Fi não funciona.",
        "em Lisboa há muitos turistas",
        "Tôi đã mua điện thoại Samsung ở cửa hàng",
        "Reviewer: Great value for money",
        "โรงแรมชื่อ สยาม พาเลซ อยู่ใกล้สนามบิน",
        "our baby monitor stopped working",
    ],
)
def test_clean_sentences_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence
