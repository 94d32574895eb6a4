"""Names that close a message in other languages or alone on its last line, that a service role or a Japanese
honorific marks, that introduce themselves in Arabic, Persian, Hindi, Bengali, Thai and Korean script, booking records'
names in capitals, and the places and postcodes after an address the PII model found; teams, months, app makers,
farewells and adjectives that looked like names (the twenty-ninth round)."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        # A booking record's names in capitals with their titles, every given name taken; a boarding pass is no
        # password.
        (
            "Booking ref X7K2LM for NGUYEN/THI HOA MS and NGUYEN/VAN AN MSTR",
            "Booking ref X7K2LM for <PERSON> MS and <PERSON> MSTR",
        ),
        ("Boarding pass: MCALLISTER/EWAN", "Boarding pass: <PERSON>"),
        # Closings and thanks of other languages on their own line, the name on the next.
        (
            "Habari Juma,\n\nNimepokea ankara yako.\n\nWako,\nNeema",
            "Habari <PERSON>,\n\nNimepokea ankara yako.\n\nWako,\n<PERSON>",
        ),
        (
            "Labas,\n\nplease send the next order to the office.\n\nAčiū,\nGintarė",
            "Labas,\n\nplease send the next order to the office.\n\nAčiū,\n<PERSON>",
        ),
        (
            "Ciao,\n\npotete spedire in ufficio? Grazie mille.\n\nFederico",
            "Ciao,\n\npotete spedire in ufficio? Grazie mille.\n\n<PERSON>",
        ),
        # A given name alone on the message's last line.
        (
            "Hi, I've moved. Can you update it before the next bill?\n\nAoife",
            "Hi, I've moved. Can you update it before the next bill?\n\n<PERSON>",
        ),
        # Who serves the customer, named by the role.
        (
            "Delivery guy Babajide was rude and refused to wait even two minutes.",
            "Delivery guy <PERSON> was rude and refused to wait even two minutes.",
        ),
        ("Driver Aroha is 5 minutes away.", "Driver <PERSON> is 5 minutes away."),
        ("Rider Arnel is outside the gate, please come down.", "Rider <PERSON> is outside the gate, please come down."),
        ("Our waiter Kofi recommended the fish.", "Our waiter <PERSON> recommended the fish."),
        # A Japanese honorific joined to the name.
        (
            "Stayed three nights. Sato-san at the reception recommended a ramen place.",
            "Stayed three nights. <PERSON>-san at the reception recommended a ramen place.",
        ),
        # Introductions, titles and roles in their own script.
        (
            "مرحبا، أنا خالد العتيبي، أريد تغيير موعد الحجز إلى يوم الخميس.",
            "مرحبا، أنا <PERSON>، أريد تغيير موعد الحجز إلى يوم الخميس.",
        ),
        (
            "مرحبا، اسمي محمد العتيبي وعندي مشكلة في الدفع بالبطاقة.",
            "مرحبا، اسمي <PERSON> وعندي مشكلة في الدفع بالبطاقة.",
        ),
        (
            "سلام، من مریم رضایی هستم و سفارشم هنوز نرسیده است.",
            "سلام، من <PERSON> هستم و سفارشم هنوز نرسیده است.",
        ),
        ("التوصيل سريع والمندوب محمد كان محترم جداً", "التوصيل سريع والمندوب <PERSON> كان محترم جداً"),
        ("예약자 이서연, 인원 3명, 오후 7시로 부탁드립니다.", "예약자 <PERSON>, 인원 3명, 오후 7시로 부탁드립니다."),
        (
            "नमस्ते, मेरा नाम आदित्य शर्मा है और मेरा रिफंड अभी तक नहीं आया।",
            "नमस्ते, मेरा नाम <PERSON> है और मेरा रिफंड अभी तक नहीं आया।",
        ),
        # Fields of Hindi, Chinese and Korean forms: "name", the passengers one after the other, a teacher.
        ("नाम: अनीता वर्मा\nउद्देश्य: पासपोर्ट नवीनीकरण", "नाम: <PERSON>\nउद्देश्य: पासपोर्ट नवीनीकरण"),
        ("我想预订两张高铁票，乘客：张伟、刘芳。", "我想预订两张高铁票，乘客：<PERSON>、<PERSON>。"),
        (
            "이지은 선생님 덕분에 아이가 수학을 좋아하게 됐어요.",
            "<PERSON> 선생님 덕분에 아이가 수학을 좋아하게 됐어요.",
        ),
        (
            "Prenotazione a nome Rossi per sabato sera, siamo in sei.",
            "Prenotazione a nome <PERSON> per sabato sera, siamo in sei.",
        ),
        # A given name and a surname of the lists in Devanagari, anywhere.
        ("कल आदित्य शर्मा ने फोन किया था।", "कल <PERSON> ने फोन किया था।"),
        ("আমার নাম সুমাইয়া আক্তার। আমার কার্ড ব্লক হয়ে গেছে।", "আমার নাম <PERSON>। আমার কার্ড ব্লক হয়ে গেছে।"),
        (
            "สวัสดีค่ะ ดิฉันชื่อ ปรียา สุขสวัสดิ์ ต้องการยกเลิกการจองค่ะ",
            "สวัสดีค่ะ ดิฉันชื่อ <PERSON> ต้องการยกเลิกการจองค่ะ",
        ),
        # A brand's word opening a name after a cue; whose name one was told; a name's particle in capitals; the name a
        # booking is under.
        (
            "namaste, my landlord Ram Bahadur Thapa wants the receipt to show his name",
            "namaste, my landlord <PERSON> wants the receipt to show his name",
        ),
        (
            "the courier said his name was ricardo and that i have to pick it up myself??",
            "the courier said his name was <PERSON> and that i have to pick it up myself??",
        ),
        ("Full name: JOÃO PEDRO CARVALHO DA SILVA", "Full name: <PERSON>"),
        (
            "Reservation under Nguyen, party of four, 7:30pm, window seat if possible.",
            "Reservation under <PERSON>, party of four, 7:30pm, window seat if possible.",
        ),
        (
            "Escalated to the Priya Sharma team, not to Priya Sharma.",
            "Escalated to the <PERSON> team, not to <PERSON>.",
        ),
        # A team's name has an English word and no given name; a title after a slash before a name is that name's;
        # an assignment to "pass" is a password's.
        ("Ticket moved to Oluwaseun Adebayo squad", "Ticket moved to <PERSON> squad"),
        ("Handed over to Kenji Watanabe desk", "Handed over to <PERSON> desk"),
        ("Sales/Marketing Dr Lee will join", "Sales/Marketing Dr <PERSON> will join"),
        ("user=guest pass=P@ssw0rd!", "user=guest pass=<SECRET>"),
        # The place and postcode after an address, also one the PII model found; the flat before it.
        ("Address: 152 Teheran-ro, 12F, Gangnam-gu, Seoul 06236", "Address: <ADDRESS>"),
        (
            "amar address holo flat B4, house 37, road 11, banani, dhaka-1213, please ektu taratari pathan",
            "amar address holo <ADDRESS>, please ektu taratari pathan",
        ),
        (
            "flat 3, 22 awolowo road, ikoyi, lagos — that's where the package should have gone",
            "<ADDRESS> — that's where the package should have gone",
        ),
        (
            "mi dirección para el envío es 6a Avenida 12-45, Zona 1, Ciudad de Guatemala. Saludos",
            "mi dirección para el envío es <ADDRESS>. Saludos",
        ),
        ("Ilica 45, 10000 Zagreb - dostava radnim danom do 16h", "<ADDRESS> - dostava radnim danom do 16h"),
        (
            "Sent the replacement to 45 Nathan Road, 7/F, Tsim Sha Tsui, Kowloon.",
            "Sent the replacement to <ADDRESS>.",
        ),
    ],
)
def test_names_and_addresses_of_the_round(text: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(text).text == redacted


@pytest.mark.parametrize(
    "text",
    [
        "User cannot receive OTP since 06:00 WAT. Escalated to Telco Integrations team.",
        "Dear Partner, commission statements for Apr–Jun are now available in the Partner Portal.",
        "Version 2.3.1 finally fixed the battery drain. Thank you devs!",
        "Lieferung an das Lager\nDanke\nTschüss",
        "Hello,\n\nOur office has moved. Please send all couriers there from Monday.\n\nAdmin",
        "Hi,\n\nSee the report.\n\nThanks,\nMarketing",
        "Driver Realtek HD Audio was updated yesterday.",
        "Driver Booster is great.",
        "Booking under Review until Monday.",
        # A brand's word and an English word after a cue: a character of fiction.
        "He is saved by his friend Ford Prefect, an alien journalist.",
        "Ski pass: 12-0042",
        "wifi pass: none",
        "Radeon 7900, 2024 Tokyo - showcase units sold out.",
        # "I am very happy", "the new driver was quick", "I am very glad".
        "أنا سعيد جدا بالخدمة",
        "السائق الجديد كان سريعا",
        "من خیلی خوشحال هستم",
        "READ THE TERMS OF USE AND THE POLICY",
        # A customer's field before a sentence; a team opened by its word after a sign-off.
        "尊敬的客户：您的账户已成功升级为“企业版”。",
        "Bonjour,\n\nVotre abonnement sera renouvelé le 15 novembre.\n\nCordialement,\nL'équipe Facturation",
        "Wheelchair-accessible room required. Roll-in shower preferred.",
        # An answer, a product or a pet's name on the last line of a message that opens with no greeting.
        "Which database should we pick for the event store?\n\nCassandra",
        "The winner of the naming poll is\n\nLuna",
        # A firm, a team or a sign-off after thanks of another language.
        "Gracias\nMercado Libre",
        "Danke\nDeutsche Telekom",
        "Merci\nCordialement",
        "Gracias\nSaludos cordiales",
        "Salutacions Cordials,\nEquip de suport",
        # "Everyone" after a greeting.
        "Ahoj Všichni, zítra je porada",
        "Dobar Dan Svima, sutra je sastanak",
        # Software, firms and places after a role's word.
        "driver Panfrost has gained support, driver Zink is now default",
        "Driver Reviver is a paid tool",
        "courier Shiprocket has picked up the parcel",
        "Our tour guide Machu Picchu was breathtaking",
        # Japanese words for people before an honorific.
        "Minna-san, thank you for coming",
        "Onii-chan, wait for me",
        # Units and a title after a slash, in any case.
        "Encode/Decode ms: 12, Read/Write Latency ms: 4",
        "ENG/OPS MS TEAMS CALL AT 10",
        # What a booking is under that is no name.
        "The appointment is under Medicare, no charge",
        "Booked under Tatkal quota",
        # Arabic, Hindi, Bengali and Korean words after a cue that are no names: "I am happy.", "I am happy now",
        # "the technician is skilled", "the name of who called me", "my name is written wrong", "my name is wrong",
        # "the contact's e-mail".
        "أنا سعيد.",
        "أنا سعيد الآن بعد الخدمة",
        "الفني ماهر وسريع",
        "ما اسم من اتصل بي",
        "اسمي مكتوب خطأ",
        "मेरा नाम गलत लिखा है",
        "আমার নাম ভুল।",
        "담당자 이메일, 전화번호를 알려주세요",
    ],
)
def test_near_misses_of_the_round_stay(text: str) -> None:
    assert Redactor("patterns+ner").redact(text).text == text
