"""The thirty-first round of names and addresses: "my name is" in scripts whose name lists are thin, roles and
honorifics around a name, lower-case names in chat, a name written again another way, lower-case addresses with a
street's word glued on, what follows an address in Japan and Israel, and the vetoes of title-cased labels, places after
a word of where, buttons and transport firms. Written for these tests, apart from any hold-out."""

from __future__ import annotations

import pytest

from feedback_loop.privacy.redactor import Redactor


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor("patterns+ner")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "My name is" and two words ending the clause, in scripts the name lists hardly hold.
        ("নমস্কার, আমার নাম রাকিব হাসান, আমার বিল ভুল এসেছে।", "নমস্কার, আমার নাম <PERSON>, আমার বিল ভুল এসেছে।"),
        ("ሰላም፣ ስሜ ዮናስ ገብሩ ነው። ትዕዛዜ አልደረሰም።", "ሰላም፣ ስሜ <PERSON> ነው። ትዕዛዜ አልደረሰም።"),
        ("வணக்கம், என் பெயர் அருண் குமார், என் ஆர்டர் வரவில்லை.", "வணக்கம், என் பெயர் <PERSON>, என் ஆர்டர் வரவில்லை."),
        ("שלום, שמי תמר אלון, ההזמנה לא הגיעה.", "שלום, שמי <PERSON>, ההזמנה לא הגיעה."),
        ("שלום, קוראים לי אורי שגיא, יש בעיה בחשבון.", "שלום, קוראים לי <PERSON>, יש בעיה בחשבון."),
        (
            "السلام علیکم، میرا نام زینب قریشی ہے، میرا آرڈر نہیں آیا۔",
            "السلام علیکم، میرا نام <PERSON> ہے، میرا آرڈر نہیں آیا۔",
        ),
        # Thai glued to "named" after "I", a surname after a space, the clause going on.
        ("สวัสดีค่ะ ดิฉันชื่อพิมพ์ชนก ทองดี ต้องการเปลี่ยนที่อยู่ค่ะ", "สวัสดีค่ะ ดิฉันชื่อ<PERSON> ต้องการเปลี่ยนที่อยู่ค่ะ"),
        # A Korean title of a profession before "님"; a Japanese field of who handles a case.
        ("박지훈 변호사님께 서류를 보냈습니다.", "<PERSON> 변호사님께 서류를 보냈습니다."),
        ("担当：山本健一（総務部）", "担当：<PERSON>（総務部）"),
        # Roles before a name, on a note's field or in a sentence.
        ("Mechanic Tevita Fonua found the brake pads worn.", "Mechanic <PERSON> found the brake pads worn."),
        ("Handled by agent. Agent: Siobhan", "Handled by agent. Agent: <PERSON>"),
        ("Interviewer: Annelies de Wit | Stage: Final", "Interviewer: <PERSON> | Stage: Final"),
        (
            "Thanks Kanokwan for the quick reply about the deposit.",
            "Thanks <PERSON> for the quick reply about the deposit.",
        ),
        ("Wojtek from the front desk said my card was reset", "<PERSON> from the front desk said my card was reset"),
        (
            "Your flight was delayed, sorry. Adaeze, Customer Care",
            "Your flight was delayed, sorry. <PERSON>, Customer Care",
        ),
        ("Děkuji, pán Hrušovský, lieky som vyzdvihol.", "Děkuji, pán <PERSON>, lieky som vyzdvihol."),
        ("Halo, saya Wulan Sari, tagihan saya salah.", "Halo, saya <PERSON>, tagihan saya salah."),
        ("Ndiyabulela, Sipho, ngoncedo lwakho.", "Ndiyabulela, <PERSON>, ngoncedo lwakho."),
        ("Hi, I'm Selam Tadesse, my miles were not credited.", "Hi, I'm <PERSON>, my miles were not credited."),
        ("Can I swap it for the blue one? Thanks, Will", "Can I swap it for the blue one? Thanks, <PERSON>"),
        ("kal Rohit bhai ne bola ki fees badh gayi", "kal <PERSON> bhai ne bola ki fees badh gayi"),
        ("Squad: Sione Taufa, Meleane Kata, Tevita Fifita", "Squad: <PERSON>, <PERSON>, <PERSON>"),
        # Lower-case chat: asked or told, joined to a name, a sign-off's line, a role and a full name.
        ("pls ask oisin whether the keys came back", "pls ask <PERSON> whether the keys came back"),
        ("tell debashis the parts came in", "tell <PERSON> the parts came in"),
        ("thanks vlad and yulia for covering", "thanks <PERSON> and <PERSON> for covering"),
        ("moved from dmitri to anya on monday", "moved from <PERSON> to <PERSON> on monday"),
        ("all sorted now\n\ncheers\ngavin", "all sorted now\n\ncheers\n<PERSON>"),
        ("my plumber gary stubbs said the valve is gone", "my plumber <PERSON> said the valve is gone"),
        # A second pass over two more sets: a role's "name:" field, volunteers listed after their label, whom a parent
        # registers, a Malay title, "my name is" in Swahili, a service role before a lower-case name.
        ("Teacher name: Mele Fifita", "Teacher name: <PERSON>"),
        ("Volunteers tonight:\n- Katarzyna\n- Grzegorz", "Volunteers tonight:\n- <PERSON>\n- <PERSON>"),
        (
            "Thank you for registering Kemi for the chess club.",
            "Thank you for registering <PERSON> for the chess club.",
        ),
        ("Saya sudah hubungi Puan Rohana semalam.", "Saya sudah hubungi <PERSON> semalam."),
        ("Habari, jina langu ni Neema Mushi, naomba msaada.", "Habari, jina langu ni <PERSON>, naomba msaada."),
        ("delivery guy karim was so kind today", "delivery guy <PERSON> was so kind today"),
        # A name written again another way: without its marks, a given name respelled, a hyphenated given name.
        (
            "Booked as Łucja Wiśniewska but the passport says Lucja Wisniewska.",
            "Booked as <PERSON> but the passport says <PERSON>.",
        ),
        (
            "It's for my cousin Massimo Ferraro, the ticket says Masimo Ferraro.",
            "It's for my cousin <PERSON>, the ticket says <PERSON>.",
        ),
        (
            "The name should read Pieter-Jan de Vries, not Pieter de Vries.",
            "The name should read <PERSON>, not <PERSON>.",
        ),
    ],
)
def test_names_of_the_round_are_found(redactor: Redactor, text: str, expected: str) -> None:
    assert redactor.redact(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Lower-case addresses whose street's word is glued on, a lower-case postcode of letters and digits.
        ("pls post it to 82 kingsway, swansea sa1 5jq thanks", "pls post it to <ADDRESS> thanks"),
        ("neue anschrift: bahnhofstr. 3, 2. OG links, 90402 nürnberg", "neue anschrift: <ADDRESS>"),
        # Japan: a floor after the block's number, the postcode after the prefecture.
        ("送付先：〒530-0001 大阪府大阪市北区梅田3-1-3 5階 まで", "送付先：<ADDRESS> まで"),
        ("Mail it to 3-14-2 Nishiki, Naka-ku, Nagoya, Aichi 460-0003", "Mail it to <ADDRESS>"),
        # Israel: a flat after the street's number, and a street named with no street's word before a flat.
        ("כתובת למשלוח: רחוב הנביאים 15 דירה 4, חיפה", "כתובת למשלוח: <ADDRESS>"),
        ("הכתובת שלי: דיזנגוף 120, דירה 8, תל אביב 6433222", "הכתובת שלי: <ADDRESS>"),
        # A lower-case Japanese block and ward; South Africa's postcode after a comma; a Spanish door; a district's
        # number before "instead".
        ("send it to 2-4-1 kita-aoyama, minato-ku, tokyo 107-0061 pls", "send it to <ADDRESS> pls"),
        ("Collect at 5 Bree Street, Cape Town, 8001 please", "Collect at <ADDRESS> please"),
        ("mi dirección es Calle Colón 12, pta 3, 46004 Valencia", "mi dirección es <ADDRESS>"),
        ("Deliver to Národní 10, 110 00 Praha 1 instead of the office.", "Deliver to <ADDRESS> instead of the office."),
        # A Swahili post office box.
        ("Tafadhali tumeni bili kwa S.L.P. 30124-00100, Nairobi.", "Tafadhali tumeni bili kwa <ADDRESS>."),
    ],
)
def test_addresses_of_the_round_are_found(redactor: Redactor, text: str, expected: str) -> None:
    assert redactor.redact(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        # What one's name is, not a name.
        "আমার নাম ভুল লেখা হয়েছে।",
        "שמי לא מופיע",
        "اسمي مكتوب خطأ",
        "ผมชื่อเล่นว่าต้น ครับ",
        # Title-cased labels and plans of everyday words; a button's verb; a brand glued to a title.
        "Complaint Category: Slow Speeds | Region: North West | SLA: 5 working days",
        "JR Pass 7-day Green Car, activation date 3 Nov",
        "Can I upgrade from General Admission to Early Entry?",
        "adults pay per Treatment Band, see Price List §3.2.",
        "Status changed from Awaiting Customer to Mark as Resolved at 16:45.",
        "recept som už vyzdvihla v lekárni Dr.Max.",
        # A driver's, a host's and an agent's name that software fills.
        "Driver name: Realtek High Definition Audio",
        "Host name: db-prod-01",
        "Tuan Rumah sudah setuju dengan kontrak.",
        # Payment schemes, car clubs and investment apps; a city of two words a move goes to.
        "Paid by Bacs, reference 4471, is that fine?",
        "Zipcar says my membership is suspended",
        "Mudança de Campinas para Belo Horizonte, quanto custa?",
        # Places after a word of where; transport firms.
        "the practice in Bath said it's under guarantee",
        "¿puedo usar cualquier club en Francia?",
        "is the stopover free with Icelandair?",
        "the Renfe ticket was refunded, Eurostar's was not",
        # Lower-case chat: assistants and brands asked, a verb after a given name, a team joined by "and".
        "ask siri to set a timer",
        "ask jira to sync",
        "tell mum the parts came in",
        # A seat and a time's hour are no house numbers; "anyway" is no street.
        "Sitzplatz 64 im Wagen 9 war doppelt belegt",
        "ramp needed, Greyhound route Dallas–Houston, 9:00 AM",
        "anyway 2 of them arrived, thanks",
        "Hello ji, PhonePe ji",
        # What the round's review tried: what one's name is or does after "my name is" with no greeting, in
        # several scripts; relatives, elders and teachers of other languages asked or signing in English chat;
        # offices after a Slovak "pán"; what an Indonesian "saya" is; relatives, titles and deities before a Hindi
        # honorific; a role between two names; rooms, halls and terminals with a floor; a Spanish firm's "S.L.P.";
        # a street a seat is named like.
        "שמי נמחק מהרשימה, למה?",
        "اسمي مسجل بالخطأ، أرجو التصحيح.",
        "আমার নাম পরিবর্তন হয়েছে।",
        "ผมชื่อซ้ำกับคนอื่น ทำให้ระบบ สับสนครับ",
        "ask bhaiya whether the delivery came",
        "ask babcia to check the post",
        "thanks\nttyl",
        "Vážený pán Riaditeľ, posielam žiadosť.",
        "Saya Mahasiswa Baru, bagaimana cara daftar ulang?",
        "Mata ji ki tabiyat theek nahi hai.",
        "Pandit ji kal puja karenge.",
        "חדר 3 קומה 2, במחלקה הפנימית.",
        "טרמינל 3, קומה 2, ליד הדיוטי פרי.",
        "Facturado por Ruiz Abogados S.L.P. 15 horas de consultoría.",
        "Visit us at the kiosk, Springfield 555-0199 for info.",
        "I think you should read Jane Eyre, it's short.",
    ],
)
def test_labels_places_firms_and_phrases_stay(redactor: Redactor, text: str) -> None:
    assert redactor.redact(text).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Names a cue announces stay names, whatever the round's vetoes say of their words.
        ("her name's Mei Xin, she booked it", "her name's <PERSON>, she booked it"),
        ("Can you loop in Fatima before Friday's call?", "Can you loop in <PERSON> before Friday's call?"),
        ("I spoke to Mark as Sarah was out", "I spoke to <PERSON> as <PERSON> was out"),
        ("my nan siobhan cant log in", "my nan <PERSON> cant log in"),
        ("ask Miles Green to call me", "ask <PERSON> to call me"),
        # Names the round's review found the first rules took away: a possessive after a city, "no" in English, a
        # given name of many locales after "en", whom an account's role is given to, a role between names.
        ("Could you put the reservation in Jordan's name?", "Could you put the reservation in <PERSON>'s name?"),
        ("no Jordan, I said Thursday", "no <PERSON>, I said Thursday"),
        ("Confío en Mauricio para cerrar la venta.", "Confío en <PERSON> para cerrar la venta."),
        ("Please add Mark as Admin on the shared account.", "Please add <PERSON> as Admin on the shared account."),
        ("Katılımcılar: Kemal Aydın, Müdür, Ayşe Kaya", "Katılımcılar: <PERSON>, Müdür, <PERSON>"),
        ("Lieferadresse: Am Sportplatz 7 in Lingen", "Lieferadresse: <ADDRESS> in Lingen"),
        # A team joined to a name in lower case is no name.
        ("thanks vlad and sales for covering", "thanks <PERSON> and sales for covering"),
        ("Mahatma Gandhi led the Salt March in 1930.", "<PERSON> led the Salt March in 1930."),
    ],
)
def test_names_near_the_vetoes_stay_names(redactor: Redactor, text: str, expected: str) -> None:
    assert redactor.redact(text).text == expected
