"""The thirty-second round of names: introductions, roles and signatures in Chinese, Japanese and Korean, greetings
and sign-offs in Arabic, Persian, Hebrew, Hindi, Thai, Amharic, Greek and Cyrillic, a surname first in Cyrillic,
sign-offs abbreviated or wished in other languages, a name alone on the line after the last sentence, Bengali "da",
lower-case names greeted and asked at once, floors written before the street in other languages, fields written
with "=", doorbells and intercoms, Ukrainian vocatives, kin and titles before a name in several scripts, a doctor's
name before a date; and the vetoes of a journey's end, a venue's rooms and events, a points scheme, a section
numbered after "apartado", months of other languages, firms and boards signing; and the near misses a review wrote
for the new cues (membership tiers, provinces and trades after "我是", departments, double beds, wishes, thanks to
a team, doorbells of cities and caretakers, brands named after doctors). Written for these tests, apart from any
hold-out."""

from __future__ import annotations

import pytest

from feedback_loop.privacy.redactor import Redactor


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor("patterns+ner")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("您好，我是王芳，我的打印机一直显示离线。", "您好，我是<PERSON>，我的打印机一直显示离线。"),
        ("客服李明已将该工单转给维修部门。", "客服<PERSON>已将该工单转给维修部门。"),
        ("如有问题请联系客户经理李晓雯。", "如有问题请联系客户经理<PERSON>。"),
        ("请把这个月的工资单发给财务部，谢谢。——刘洋", "请把这个月的工资单发给财务部，谢谢。——<PERSON>"),
        ("お世話になっております。佐藤健太と申します。", "お世話になっております。<PERSON>と申します。"),
        (
            "担当の佐々木が内容を確認のうえ、改めてご連絡いたします。",
            "担当の<PERSON>が内容を確認のうえ、改めてご連絡いたします。",
        ),
        ("田中美咲様\nご予約ありがとうございます。", "<PERSON>様\nご予約ありがとうございます。"),
        ("안녕하세요, 김민준입니다. 결제는 완료됐어요.", "안녕하세요, <PERSON>입니다. 결제는 완료됐어요."),
        (
            "안녕하세요, 저는 최은영입니다. 예약을 변경하고 싶어요.",
            "안녕하세요, 저는 <PERSON>입니다. 예약을 변경하고 싶어요.",
        ),
        (
            "Patient: Chen Jianguo (陈建国)\nInterpreter required: Mandarin",
            "Patient: <PERSON> (<PERSON>)\nInterpreter required: Mandarin",
        ),
        (
            "عزيزي أحمد، تم تحويل الراتب إلى حسابك اليوم. شكراً، منى",
            "عزيزي <PERSON>، تم تحويل الراتب إلى حسابك اليوم. شكراً، <PERSON>",
        ),
        (
            "نود إعلامكم بأن المطالبة قيد المراجعة. مع التحية، ريم الشمري",
            "نود إعلامكم بأن المطالبة قيد المراجعة. مع التحية، <PERSON>",
        ),
        (
            "سلام، من نیلوفر احمدی هستم. پرینتر من کاغذ را نمی\u200cکشد.",
            "سلام، من <PERSON> هستم. پرینتر من کاغذ را نمی\u200cکشد.",
        ),
        ("שלום נועה, קיבלנו את תביעת הביטוח שלך.", "שלום <PERSON>, קיבלנו את תביעת הביטוח שלך."),
        ("नमस्ते राजेश जी, आपकी सैलरी स्लिप ईमेल कर दी गई है।", "नमस्ते <PERSON> जी, आपकी सैलरी स्लिप ईमेल कर दी गई है।"),
        ("เรียน คุณสมศักดิ์ ใจดี บริษัทได้รับเอกสารเรียบร้อยแล้ว", "เรียน คุณ<PERSON> บริษัทได้รับเอกสารเรียบร้อยแล้ว"),
        ("ውድ አቶ ተስፋዬ በቀለ፣ ጥያቄዎ ደርሶናል።", "ውድ አቶ <PERSON>፣ ጥያቄዎ ደርሶናል።"),
        (
            "Тарас, добрий день! Якщо щось незрозуміло - телефонуйте. Оксана",
            "<PERSON>, добрий день! Якщо щось незрозуміло - телефонуйте. <PERSON>",
        ),
        ("Собственник - Смирнова Ольга Викторовна.", "Собственник - <PERSON>."),
        (
            "Oi Thiago, tudo bem? A vistoria fica pra semana que vem. Abs, Renata",
            "Oi <PERSON>, tudo bem? A vistoria fica pra semana que vem. Abs, Renata",
        ),
        ("Hi Jukka,\nPayslip attached.\nBR, Satu", "Hi <PERSON>,\nPayslip attached.\nBR, Satu"),
        (
            "Merci pour votre patience.\n\nMerci encore,\nSolène",
            "Merci pour votre patience.\n\nMerci encore,\n<PERSON>",
        ),
        ("Le code promo fonctionne.\nBonne journée,\nClaire", "Le code promo fonctionne.\nBonne journée,\n<PERSON>"),
        (
            "Dzień dobry Pani Katarzyno,\nw załączeniu przesyłam PIT-11.",
            "Dzień dobry <PERSON>,\nw załączeniu przesyłam PIT-11.",
        ),
        (
            "Thanks Sourav da, the refund came through this morning.",
            "Thanks <PERSON> da, the refund came through this morning.",
        ),
        (
            "thanks a million eoin, the printer's finally doing double sided again",
            "thanks a million <PERSON>, the printer's finally doing double sided again",
        ),
        (
            "hey minho can u cover my shift at the care home sat",
            "hey <PERSON> can u cover my shift at the care home sat",
        ),
        ("Köszönöm a gyors választ.\n\nÜdvözlettel:\nBence", "Köszönöm a gyors választ.\n\nÜdvözlettel:\n<PERSON>"),
        (
            "Ciao Chiara, ti inoltro la mail. Fammi sapere cosa ne pensi!\nDavide",
            "Ciao <PERSON>, ti inoltro la mail. Fammi sapere cosa ne pensi!\n<PERSON>",
        ),
        ("Thanks for the help today.\nDavide", "Thanks for the help today.\n<PERSON>"),
        (
            "Merhaba Elif Hanım, siparişiniz kargoya verildi.\nBurak - Müşteri Hizmetleri",
            "Merhaba <PERSON>, siparişiniz kargoya verildi.\n<PERSON> - Müşteri Hizmetleri",
        ),
        (
            "Η παραγγελία σας έχει αποσταλεί. Ευχαριστούμε, Νίκος",
            "Η παραγγελία σας έχει αποσταλεί. Ευχαριστούμε, <PERSON>",
        ),
        ("Chào anh Tuấn, em là Linh bên phòng kế toán.", "Chào anh <PERSON>, em là <PERSON> bên phòng kế toán."),
        ("مرحباً أستاذ خالد، تم استلام طلبك.", "مرحباً أستاذ <PERSON>، تم استلام طلبك."),
        ("王建国经理您好，附件是差旅报销单，请您审批。", "<PERSON>经理您好，附件是差旅报销单，请您审批。"),
        ("客户陈思远来电，说快递一直显示派送中。", "客户<PERSON>来电，说快递一直显示派送中。"),
        (
            "いつもお世話になっております。株式会社ミナト商事の佐藤です。",
            "いつもお世話になっております。株式会社ミナト商事の<PERSON>です。",
        ),
        ("สวัสดีค่ะ คุณวิภาวรรณ ทางเราได้รับเรื่องของท่านแล้ว", "สวัสดีค่ะ คุณ<PERSON> ทางเราได้รับเรื่องของท่านแล้ว"),
        ("Livraison : Bâtiment C, 3e étage, 8 allée des Peupliers, 31400 Toulouse.", "Livraison : <ADDRESS>."),
        ("شكرا جزيلا يا أحمد على المساعدة السريعة", "شكرا جزيلا يا <PERSON> على المساعدة السريعة"),
        ("toda raba, shira", "toda raba, <PERSON>"),
        (
            "배송기사 최동욱 님이 물건을 경비실에 맡겼다고 하셨는데 경비실에 없어요.",
            "배송기사 <PERSON> 님이 물건을 경비실에 맡겼다고 하셨는데 경비실에 없어요.",
        ),
        ("Köszönöm szépen a segítséget!\nÜdv,\nGergő", "Köszönöm szépen a segítséget!\nÜdv,\n<PERSON>"),
        (
            "配達員の田中さんがとても丁寧に対応してくれました。",
            "配達員の<PERSON>さんがとても丁寧に対応してくれました。",
        ),
        (
            "CRM export row: id=22871; owner=Fabiana; stage=Negotiation",
            "CRM export row: id=22871; owner=<PERSON>; stage=Negotiation",
        ),
        (
            "Ciao Chiara, ti giro il preventivo aggiornato.\nA presto,\nMatteo",
            "Ciao <PERSON>, ti giro il preventivo aggiornato.\nA presto,\n<PERSON>",
        ),
        ("Hej Ingrid,\ntack för mötet i går.\nMvh\nLinnea", "Hej <PERSON>,\ntack för mötet i går.\nMvh\n<PERSON>"),
        ("Instructions : sonner chez Muller, 2e étage", "Instructions : sonner chez <PERSON>, 2e étage"),
        ("Ci vediamo da me. Suona a Gallo.", "Ci vediamo da me. Suona a <PERSON>."),
        ("Добрий день, Оксано! Дякую за швидку відповідь.", "Добрий день, <PERSON>! Дякую за швидку відповідь."),
        (
            "お世話になっております。株式会社ミドリ商事の佐々木美穂です。",
            "お世話になっております。株式会社ミドリ商事の<PERSON>です。",
        ),
        ("שלום, ההזמנה נשלחה.\nנועה", "שלום, ההזמנה נשלחה.\n<PERSON>"),
        ("Apartado 1234, 28080 Madrid", "<ADDRESS>"),
        (
            "Gentile avvocato Greco,\nle scrivo per conto di mia madre.",
            "Gentile avvocato <PERSON>,\nle scrivo per conto di mia madre.",
        ),
        (
            "Здравствуйте! Напоминаем, что приём у доктора Белова назначен на 15 мая в 10:00.",
            "Здравствуйте! Напоминаем, что приём у доктора <PERSON> назначен на 15 мая в 10:00.",
        ),
        (
            "Привіт, це Тарас. Чи можна перенести заняття на четвер? Дякую!",
            "Привіт, це <PERSON>. Чи можна перенести заняття на четвер? Дякую!",
        ),
        (
            "أريد الاستفسار عن موعد مقابلة التأشيرة الخاصة بزوجي يوسف.",
            "أريد الاستفسار عن موعد مقابلة التأشيرة الخاصة بزوجي <PERSON>.",
        ),
        (
            "नमस्ते, मेरे बेटे रोहन का दाखिला फ़ॉर्म अभी तक स्वीकृत नहीं हुआ है।",
            "नमस्ते, मेरे बेटे <PERSON> का दाखिला फ़ॉर्म अभी तक स्वीकृत नहीं हुआ है।",
        ),
        (
            "السلام علیکم، میں فرحان ملک ہوں، میرا ویزا کیس ابھی تک زیر التوا ہے۔",
            "السلام علیکم، میں <PERSON> ہوں، میرا ویزا کیس ابھی تک زیر التوا ہے۔",
        ),
        ("我父亲陈国华上周的化验结果出来了吗？", "我父亲<PERSON>上周的化验结果出来了吗？"),
        (
            "山本様\nご依頼の診断書が準備できました。\nさくら内科クリニック 受付 田中",
            "<PERSON>様\nご依頼の診断書が準備できました。\nさくら内科クリニック 受付 <PERSON>",
        ),
        (
            "김도현 집사님께서 이번 주 성가대 연습을 맡아 주시기로 했습니다.",
            "<PERSON> 집사님께서 이번 주 성가대 연습을 맡아 주시기로 했습니다.",
        ),
        (
            "Pt. Tyler Brooks requests refill. Last seen by Dr. Kessler 11/2024.",
            "Pt. <PERSON> requests refill. Last seen by Dr. <PERSON> 11/2024.",
        ),
        ("Адреса для листування: вул. Хрещатик, 22, кв. 41, м. Київ, 01001", "Адреса для листування: <ADDRESS>"),
    ],
)
def test_names_of_the_round_are_found(redactor: Redactor, text: str, expected: str) -> None:
    assert redactor.redact(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "请联系会计师事务所。",
        "担当の方がご連絡します。",
        "担当者に確認します。",
        "저는 신입생입니다. 질문이 있어요.",
        "배송중입니다. 확인 부탁드립니다.",
        "您好，我是高级会员，想咨询一下。",
        "客服中心已经收到您的工单。",
        "我是新用户，怎么注册？",
        "شكراً جزيلاً",
        "أهلاً وسهلاً",
        "ውድ ደንበኛ፣ ትዕዛዝዎ ደርሷል።",
        "תודה לכולם",
        "Мы открыты с 9 до 18. Спасибо. Москва",
        "Brands:\nLG, Samsung and Sony.",
        "Oi, the br is down again.",
        "hey there can you check the invoice",
        "We'll be in Charlotte for two nights then driving to Savannah, any car rental deals?",
        "Flights to Adelaide or Darwin in late July, whichever is cheaper.",
        "Sunrise Room and Rose Suite both available; Jasmine Wing closed for refurbishment.",
        "Invoice query - Catering for Autumn Conference (PO 7781-22)",
        "Miles expiry: 12,400 Avios will expire on 30/09.",
        "The hotel's Sky Bar is closed for a private event on Friday evening.",
        "Which database should we pick?\nCassandra",
        "先日の件です。",
        "客户服务中心已经收到。",
        "お客様の件です。",
        "Según el apartado 3.2.1 del contrato, el plazo de preaviso es de 30 días.",
        "order=12345; from=2024-01-01; to=2024-02-01",
        "안녕하세요, 배송중입니다.",
        "안녕하세요, 고객센터입니다.",
        "الطلب وصل.\nشكرا",
        "Die Nebenkostenabrechnung für 2024 wird bis Ende Juni verschickt.",
        "Slip gaji bulan Juni sudah tersedia di aplikasi HR.",
        "Bazar de Noël : nous cherchons des bénévoles.",
        "Seu pedido foi entregue. Avalie sua compra no Mercado Livre e ganhe cupons.",
        "Is the holding deposit refundable if referencing with Goodlord fails?",
        "Dear Customer,\n\nThank you for contacting Lakeside Lettings.\n\nKind regards,\nLakeside Lettings",
        "Liebe Mitglieder,\n\ndie Trainingszeiten ändern sich.\n\nSportliche Grüße\nDer Vorstand",
        "Dr Martens 1460 boots are back in stock.",
        "我是黄金会员，为什么不能用优惠券？",
        "我是江苏的用户，运费多少？",
        "我是程序员，电脑坏了",
        "客服马上就来处理",
        "经理明天来公司",
        "父亲和母亲都在家",
        "项目经理您好，附件是进度表。",
        "通知已发出。——管理处",
        "こちらの商品です。",
        "山本建設様への請求書です。",
        "駅前の花屋さんで買いました。",
        "안녕하세요, 구매자입니다.",
        "شكراً للمساعدة",
        "مع تحياتي، فريق الدعم",
        "يا جماعة",
        "غرفة بسرير زوجي مريح",
        "الطلب وصل.\nرمضان كريم",
        "נתראה היום",
        "בברכה, צוות התמיכה",
        "नमस्ते दोस्तों",
        "मैं अगले महीने श्रीलंका जा रहा हूँ।",
        "ውድ ወዳጆች፣ እንኳን ደስ አላችሁ።",
        "เรียน คุณผู้จัดการ",
        "Дякую Богу!",
        "A presto,\nUfficio Vendite",
        "Abs, Glutes and Legs class at 6pm",
        "Supported brands: LG, Philips, Hisense",
        "Mit der Familie Urlaub machen",
        "La band suona a Milano sabato",
        "Bitte klingeln bei Hausmeister",
        "Dr. Martens 10/2023",
        "studio notaio Milano centro",
        "Chào anh, em là Nhân viên kỹ thuật ạ",
        "Semma da!",
    ],
)
def test_words_like_the_new_cues_stay(redactor: Redactor, text: str) -> None:
    assert redactor.redact(text).text == text
