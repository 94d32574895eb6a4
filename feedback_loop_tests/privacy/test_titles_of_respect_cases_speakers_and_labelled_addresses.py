"""The thirty-third round of names and addresses: titles of respect in Persian and Arabic before a surname no list
holds, a greeting of one word in Hebrew, Arabic, Hindi and Bengali, "I am" after a greeting, Chinese surnames and
how their bearers are addressed, Chinese labels and roles, Japanese "は ... です", signatures on their own line and
"より", Korean kin and a name called with "아", Russian, Ukrainian and Greek names in their cases, patronymics and
initials, Thai titles after thanks, sign-offs with a colon and "lg", "a certain" and "the girl" in Dutch, German and
Spanish, Indonesian "Kak", Polish "pana", full names in another language's sentence that the small model reads as a
firm, given names of the sentence's language, a transcript's speakers, given names that are everyday words where
only a person stands; addresses after a label in another script, lower-case streets with "dr" and chat after them,
Indonesian towns' parts, Polish "al."; and the near misses a review wrote for the new cues (roles after a title,
words of address, headings after "عنوان", numbered sections, Thai kin and roles, departments signing, cities joined
in other languages). Written for these tests, apart from any hold-out."""

from __future__ import annotations

import pytest

from feedback_loop.privacy.redactor import Redactor


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor("patterns+ner")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Titles of respect in Persian and Arabic, a surname no list holds after them.
        ("سلام آقای کاظمی، لطفاً فاکتور را دوباره بفرستید.", "سلام آقای <PERSON>، لطفاً فاکتور را دوباره بفرستید."),
        ("گوشی خانم توکلی هنوز تعمیر نشده است.", "گوشی خانم <PERSON> هنوز تعمیر نشده است."),
        ("شكراً للأستاذ ماجد الحربي على المتابعة.", "شكراً للأستاذ <PERSON> على المتابعة."),
        # A greeting of one word, then a comma or a word of respect.
        ("שלום אורנה, ההזמנה שלך נשלחה היום.", "שלום <PERSON>, ההזמנה שלך נשלחה היום."),
        ("ধন্যবাদ শিমুল আপা, সব ঠিক আছে।", "ধন্যবাদ <PERSON> আপা, সব ঠিক আছে।"),
        ("प्रिय रमेश जी, आपका टिकट बुक हो गया है।", "प्रिय <PERSON> जी, आपका टिकट बुक हो गया है।"),
        # "I am" after a greeting.
        ("নমস্কার, আমি সুমন হোসেন বলছি, আমার কার্ড কাজ করছে না।", "নমস্কার, আমি <PERSON> বলছি, আমার কার্ড কাজ করছে না।"),
        ("नमस्ते, मैं विकास मेहता बोल रहा हूँ, मेरा बिल गलत है।", "नमस्ते, मैं <PERSON> बोल रहा हूँ, मेरा बिल गलत है।"),
        ("مرحبا، أنا وسيم قاسم من قسم الحسابات.", "مرحبا، أنا <PERSON> من قسم الحسابات."),
        # Amharic: a greeting of one word, "I am" with the copula after a name and one's father's, thanks and a
        # signature, a name's field.
        ("ሰላም ብሩክ፣ ትዕዛዝህ ተልኳል።", "ሰላም <PERSON>፣ ትዕዛዝህ ተልኳል።"),
        ("እኔ ሳምራዊት ገብሬ ነኝ፣ ካርዴ አይሰራም።", "እኔ <PERSON> ነኝ፣ ካርዴ አይሰራም።"),
        ("አመሰግናለሁ፣ ዮናስ", "አመሰግናለሁ፣ <PERSON>"),
        ("ሙሉ ስም: ፍሬሕይወት አለሙ", "ሙሉ ስም: <PERSON>"),
        # Chinese: a surname and how its bearer is addressed, "小" before a surname, labels, roles, "的".
        ("刘先生您好，您的快递已经到了。", "<PERSON>先生您好，您的快递已经到了。"),
        ("谢谢周经理的帮助。", "谢谢<PERSON>经理的帮助。"),
        ("麻烦客服小吴帮我查一下订单。", "麻烦客服小<PERSON>帮我查一下订单。"),
        ("投诉人：韩梅梅", "投诉人：<PERSON>"),
        ("快递员马志强说下午再送。", "快递员<PERSON>说下午再送。"),
        ("请核对客户郭小峰的收货地址。", "请核对客户<PERSON>的收货地址。"),
        ("骑手林志远打电话说到楼下了。", "骑手<PERSON>打电话说到楼下了。"),
        ("客服孙晓雯态度特别好。", "客服<PERSON>态度特别好。"),
        # Japanese: "は ... です", a signature on its own line, "より".
        ("本日の担当は高橋です。", "本日の担当は<PERSON>です。"),
        ("よろしくお願いいたします。\n中村裕子", "よろしくお願いいたします。\n<PERSON>"),
        ("明日の件、承知しました。山田より", "明日の件、承知しました。<PERSON>より"),
        # Korean: kin before a listed given name and its particle; a given name called with "아".
        ("어제 남편 민수가 주문했어요.", "어제 남편 <PERSON>가 주문했어요."),
        ("서연아 택배 왔어?", "<PERSON>아 택배 왔어?"),
        ("언니 하은이랑 같이 샀어요.", "언니 <PERSON>이랑 같이 샀어요."),
        # Cyrillic and Greek names in their cases, patronymics and initials.
        ("Передайте, пожалуйста, документы Ольге.", "Передайте, пожалуйста, документы <PERSON>."),
        ("Ключ оставили у Дмитрия на ресепшене.", "Ключ оставили у <PERSON> на ресепшене."),
        ("Доверенность выдана на имя Орлова Павла Сергеевича.", "Доверенность выдана на имя <PERSON>."),
        ("С уважением, инженер Белова Н. В.", "С уважением, инженер <PERSON>"),
        ("Μίλησα χθες με τον Γιώργο για την παραγγελία.", "Μίλησα χθες με τον <PERSON> για την παραγγελία."),
        # Thai titles after thanks and greetings, the name cut at the word glued after it.
        ("ขอบคุณพี่สมศรีที่ช่วยเปลี่ยนสินค้าให้ครับ", "ขอบคุณพี่<PERSON>ที่ช่วยเปลี่ยนสินค้าให้ครับ"),
        ("สวัสดีค่ะคุณวิภา ทางร้านจัดส่งแล้วนะคะ", "สวัสดีค่ะคุณ<PERSON> ทางร้านจัดส่งแล้วนะคะ"),
        # Sign-offs with a colon, German "lg", Indonesian "Salam,".
        ("Köszönjük a türelmét. Üdvözlettel: Réka", "Köszönjük a türelmét. Üdvözlettel: <PERSON>"),
        ("Paket ist da, danke! lg Katrin", "Paket ist da, danke! lg <PERSON>"),
        ("Pesanan sudah kami kirim.\nSalam,\nDewi", "Pesanan sudah kami kirim.\nSalam,\n<PERSON>"),
        (
            "Bonjour, le carton était abîmé. Merci de rembourser. Sophie",
            "Bonjour, le carton était abîmé. Merci de rembourser. <PERSON>",
        ),
        # "A certain", "the girl", Indonesian "Kak", Polish "pana".
        ("Ik sprak met ene Pieter van de klantenservice.", "Ik sprak met ene <PERSON> van de klantenservice."),
        ("Viajan dos adultos y la niña Lucía.", "Viajan dos adultos y la niña <PERSON>."),
        ("Halo Kak Sinta, pesanan kamu sudah dikirim.", "Halo Kak <PERSON>, pesanan kamu sudah dikirim."),
        (
            "Kurier zostawił paczkę u pana Tomasza z drugiego piętra.",
            "Kurier zostawił paczkę u pana <PERSON> z drugiego piętra.",
        ),
        # A full name in another language's sentence, a given name of the sentence's language.
        (
            "Buongiorno, sono il marito di Serena Tognazzi e chiamo per il pacco.",
            "Buongiorno, sono il marito di <PERSON> e chiamo per il pacco.",
        ),
        ("Die Unterlagen hat mir gestern Ingrid gegeben.", "Die Unterlagen hat mir gestern <PERSON> gegeben."),
        # A given name in lower case after another language's greeting, though an English dictionary knows it.
        ("hola maria, mi paquete no llegó", "hola <PERSON>, mi paquete no llegó"),
        # A transcript's speakers; given names that are everyday words where only a person stands.
        (
            "[14:02] Priya (Agent): Hello!\n[14:03] Customer: hi",
            "[14:02] <PERSON> (Agent): Hello!\n[14:03] Customer: hi",
        ),
        ("09:15 Marek: the router is back", "09:15 <PERSON>: the router is back"),
        (
            "My thanks to the technician Grant, who fixed it in minutes.",
            "My thanks to the technician <PERSON>, who fixed it in minutes.",
        ),
        ("Who is Hope? She emailed me about a refund.", "Who is <PERSON>? She emailed me about a refund."),
        ("Bill from the warehouse said it shipped.", "<PERSON> from the warehouse said it shipped."),
    ],
)
def test_names_in_these_places_are_found(redactor: Redactor, text: str, expected: str) -> None:
    assert redactor.redact(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Адрес регистрации: 620014, Екатеринбург, ул. Малышева, д. 36, кв. 12", "Адрес регистрации: <ADDRESS>"),
        ("আমার ঠিকানা: বাড়ি ১৪, রোড ৩, মিরপুর, ঢাকা ১২১৬", "আমার ঠিকানা: <ADDRESS>"),
        ("آدرس: مشهد، خیابان امام رضا، کوچه ۸، پلاک ۱۱", "آدرس: <ADDRESS>"),
        ("पता: 14, गांधी मार्ग, जयपुर 302001", "पता: <ADDRESS>"),
        (
            "they dropped it at 412 willow creek dr instead of my house",
            "they dropped it at <ADDRESS> instead of my house",
        ),
        ("leave it at 9 oak st apt 4 lol", "leave it at <ADDRESS> lol"),
        ("Kirim ke: Jl. Diponegoro No. 15, Tegalsari, Surabaya Pusat 60265", "Kirim ke: <ADDRESS>"),
        (
            "Biuro mieści się przy al. Niepodległości 18, drugie piętro.",
            "Biuro mieści się przy <ADDRESS>, drugie piętro.",
        ),
    ],
)
def test_addresses_of_these_shapes_are_found(redactor: Redactor, text: str, expected: str) -> None:
    assert redactor.redact(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        # Roles, ranks and words of address after a title or a greeting.
        "آقای راننده بسته را جلوی در گذاشت.",
        "سلام آقای مدیر، سفارش من هنوز نرسیده است.",
        "این خانم گفت که فردا تماس می‌گیرد.",
        "السيد الرئيس وصل إلى القاعة.",
        "নমস্কার দাদা, ডেলিভারি কবে হবে?",
        "प्रिय सदस्यों, बैठक कल होगी।",
        "مرحبا بالجميع، تم تحديث النظام.",
        "سلام پشتیبانی، رمز عبورم کار نمی‌کند.",
        "שלום חברים, המבצע מתחיל מחר.",
        "नमस्ते, मैं थोड़ा परेशान हूँ क्योंकि पैकेट नहीं आया।",
        # Amharic: greetings to all, to a customer; what one says one is.
        "ሰላም ለሁላችሁ፣ ዛሬ ቢሮ ዝግ ነው።",
        "ውድ ደንበኛ፣ ክፍያዎ ደርሷል።",
        "እኔ በጣም ደስተኛ ነኝ።",
        # Chinese words after "小" and "老", a title alone, a province after "我是".
        "各位老师好，明天停课。",
        "这位先生您好，请出示会员卡。",
        "老师说明天交作业。",
        "大概一个小时以后到。",
        "我是江苏的用户，运费多少？",
        "司机师傅很准时，服务态度不错。",
        "老师傅修得很仔细。",
        # Japanese and Korean look-alikes.
        "今日は晴天です。",
        "よろしくお願いいたします。\n山本建設",
        "남편 회사가 멀어서 늦게 와요.",
        "아이야 괜찮아?",
        # Cyrillic and Greek: God, a card's brand in quotes, a sentence's first word, Hagia Sophia, August.
        "Дякую Богу, все працює!",
        "Ваша карта «Мир Классическая» готова.",
        "Η Αγία Σοφία είναι κλειστή σήμερα.",
        "Η προθεσμία για τον Αύγουστο λήγει σύντομα.",
        # Thai: thanks alone, quality, kin and roles after "พี่" and "น้อง".
        "ขอบคุณค่ะ คุณภาพดีมาก",
        "ขอบคุณพี่ชายมากครับ",
        "สวัสดีครับน้องใหม่ทุกคน",
        "ขอบคุณพี่ไรเดอร์ที่มาส่งตอนฝนตก",
        # Departments signing after a colon, a Spanish product's colour, a car after an indefinite article.
        "Su factura está adjunta.\nSaludos: Departamento de Facturación",
        "Pedí una camiseta Rosa y llegó otra.",
        "Ho comprato una Giulia usata.",
        # Cities joined in other languages and listed, places before a surname-first comma.
        "Gramado e Canela no inverno: fondue e chocolate.",
        "Average rent in Lisbon, Porto and Braga, 2019-2023.",
        "Payroll for Poland, Czechia and Slovakia moves to Kraków.",
        # Labels in other scripts whose value is no address.
        "Адрес: см. раздел 4, пункт 2",
        "عنوان: الفصل 3، الصفحة 12",
        "पता: बाद में बताऊँगा, 2-3 दिन में",
        "ঠিকানা: পরে জানাব, ২ দিনের মধ্যে",
        # Words of endearment after another language's greeting.
        "hola luna, que tal",
        "hola linda, gracias por todo",
        "ciao bella, come stai?",
        # Speakers that are roles, not people; a role's given name that is a brand.
        "[10:43] Customer: hi my data isnt working\n[10:44] Note: escalated",
        "Who is Alexa?",
        "see you at 5 main st tomorrow",
        "The survey et al. Report 12 found no effect.",
    ],
)
def test_words_like_the_new_cues_stay(redactor: Redactor, text: str) -> None:
    redacted = redactor.redact(text).text
    assert "<PERSON" not in redacted and "<ADDRESS" not in redacted, redacted
