"""Person names written in their own script (``<PERSON>``): Cyrillic, Greek, Hebrew, Arabic and Persian, Thai,
Chinese, Japanese and Korean, found by rules as :mod:`feedback_loop.privacy.names` finds names in Latin letters.

The name lists are those of the ``faker`` person providers, in the script their locale writes them (``ru_RU``,
``uk_UA``, ``el_GR``, ``he_IL``, ``ar_*``, ``fa_IR``, ``th_TH``, ``zh_*``, ``ja_JP``, ``ko_KR`` ...). A name is:

* the value of a form's field in that language ("Имя:", "Πελάτης:", "שם המטופלת:", "الاسم:", "ชื่อ:", "姓名:",
  "予約者:", "이름:"), in Cyrillic and Greek capitalised;
* in Cyrillic and Greek, a listed given name and a capitalised word after it, or a capitalised word and a listed
  surname ("Олег Петренко", "Γιώργος Παπαδάκης"); in Hebrew, Arabic, Persian and Thai, which have no capitals, a
  listed given name and a listed surname ("נועה לוי"), Arabic and Persian with the names of the father between;
* in Cyrillic and Greek, capitalised words after a title ("господин Иванов", "κ. Παπαδόπουλος"), or after a
  greeting or a sign-off when the lists know the first ("Здравствуйте, Ольга!"); in Thai, a listed given name glued
  to its title ("นางสาวดวงสมร");
* the same name in another script in brackets right after a name in Latin letters ("Zhang Wei (张伟)",
  "Farideh Heidari (فریده حیدری)");
* in Chinese, Japanese and Korean, which a listed surname opens, only before an honorific ("鈴木様", "박서연 님",
  "王伟先生"), after a field's label, in such brackets, or alone signing the message at its end ("...です。佐藤"): a
  surname character and one or two more are everyday words as often ("华为", "高明").
"""

from __future__ import annotations

import functools
import re

Span = tuple[int, int, bool]

# The letters of each script (with the marks its words are written with: Thai vowels and tones, Arabic vowel signs,
# the Persian zero-width non-joiner); a hyphen or an apostrophe may join two parts of a name ("Анна-Мария",
# "Ім'я", "שי-לי").
_CYRILLIC = "\u0400-\u04ff"
_GREEK = "\u0370-\u03ff\u1f00-\u1fff"
_HEBREW = "\u05d0-\u05ea\u05b0-\u05c7\u05f3\u05f4"
_ARABIC = "\u0621-\u065f\u0670-\u06d3\u06fa-\u06ff\u200c"
_THAI = "\u0e01-\u0e4e"
# Devanagari and Bengali letters and signs, not their digits nor the danda ("।") that ends a sentence; Tamil's and
# Ethiopic's likewise (not Ethiopic's comma "፣" and full stop "።").
_DEVANAGARI = "\u0900-\u0963\u0971-\u097f"
_BENGALI = "\u0980-\u09e3\u09f0-\u09fe"
_TAMIL = "\u0b82-\u0bcd\u0bd0\u0bd7"
_ETHIOPIC = "\u1200-\u135a\u135d-\u135f"
_HAN = "\u4e00-\u9fff々"
_KANA = "\u3041-\u3096\u30a1-\u30fa\u30fc"
_HANGUL = "\uac00-\ud7a3"
_ALPHABETS = {
    "cyrillic": _CYRILLIC,
    "greek": _GREEK,
    "hebrew": _HEBREW,
    "arabic": _ARABIC,
    "thai": _THAI,
    "devanagari": _DEVANAGARI,
    "bengali": _BENGALI,
    "tamil": _TAMIL,
    "ethiopic": _ETHIOPIC,
}
_WORD_OF = {script: re.compile(rf"[{letters}]+(?:['’\-־][{letters}]+)*") for script, letters in _ALPHABETS.items()}
# Scripts with capitals: a name's words are capitalised there.
_CASED = frozenset(("cyrillic", "greek"))
# The longest name a rule reads: an Arabic name holds the father's and the grandfather's ("محمد عبد الله العتيبي").
_MAX_WORDS = {
    "cyrillic": 3,
    "greek": 3,
    "hebrew": 3,
    "arabic": 5,
    "thai": 2,
    "devanagari": 3,
    "bengali": 3,
    "tamil": 3,
    "ethiopic": 3,
}

# Labels of a form's field that holds a person's name, in each language, before ":" ("Заявитель: Олег Петренко",
# "שם המטופלת: נועה לוי", "الاسم: محمد العتيبي", "ชื่อ-นามสกุล: ...").
_NAME_LABELS = (
    # Russian, Ukrainian, Bulgarian
    r"имя|фио|ф\.и\.о\.|фамилия|ім['’]я|піб|прізвище|име|клиент|клієнт|заявитель|заявник|пациент|пацієнт"
    r"|получатель|отримувач|отправитель|відправник|покупатель|покупець|контактное\s+лицо|контактна\s+особа"
    # A subscriber, a payer, an owner, a card's holder.
    r"|абонент|абонентка|платник|плательщик|власник|власниця|владелец|владелица|держатель\s+карты|власник\s+картки"
    # Greek
    r"|όνομα|ονομα|ονοματεπώνυμο|επώνυμο|πελάτης|πελάτισσα|ασθενής|παραλήπτης|αποστολέας|αιτών|αιτούσα"
    # Hebrew: "שם", "שם מלא", "שם הלקוח", "שם המטופלת"
    r"|שם(?:\s+(?:מלא|פרטי|משפחה|ה(?:לקוח|מטופל|חולה|נמען|מבקש|עובד|תלמיד|נוסע|אורח)(?:ה|ת|/ת|/ה)?))?"
    r"|לקוח(?:ה)?|מטופל(?:ת)?|נמען|שולח"
    # Arabic and Persian
    r"|الاسم(?:\s+الكامل)?|اسم\s+(?:العميل|العميلة|المريض|المريضة|المستلم|المرسل|الطالب|الطالبة|الموظف|الموظفة"
    r"|المسافر|الضيف|مقدم\s+الطلب)|العميل|المريض|المستلم|المرسل|مقدم\s+الطلب"
    r"|نام(?:\s+و\s+نام\s+خانوادگی|\s+خانوادگی)?|مشتری|گیرنده|فرستنده|بیمار"
    # Thai: "ชื่อ", "ชื่อ-นามสกุล", "ชื่อผู้รับ", "ผู้รับ", "ลูกค้า"
    r"|ชื่อ(?:[-\s]?(?:นามสกุล|สกุล))?|ชื่อ(?:ผู้รับ|ลูกค้า|ผู้ป่วย)|นามสกุล|ผู้รับ|ลูกค้า|ผู้ป่วย"
    # Hindi and Bengali: "नाम:", "पूरा नाम:", "पिता का नाम:" (father's name), "ग्राहक:" (customer), "নাম:", "গ্রাহক:".
    r"|(?:पूरा\s+|पिता\s+का\s+|माता\s+का\s+|पति\s+का\s+)?नाम|ग्राहक|आवेदक|(?:পুরো\s+|পিতার\s+)?নাম|গ্রাহক|আবেদনকারী"
    # Amharic: name, full name, customer.
    r"|(?:ሙሉ\s+)?ስም|ደንበኛ"
    # An account's holder, a nominee: "खाताधारक:", "नामांकित व्यक्ति:", "হিসাবধারী:".
    r"|खाताधारक|खाता\s+धारक|नामांकित(?:\s+व्यक्ति)?|হিসাবধারী|অ্যাকাউন্টধারী"
)
_LABEL = re.compile(rf"(?i)(?<![\w'’])(?:{_NAME_LABELS})[ \t]*[:：][ \t]*")
# Labels in Chinese, Japanese and Korean, where a name has no spaces to end it: its value runs to the next mark.
_CJK_NAME_LABELS = (
    r"姓名|名字|联系人|聯絡人|收件人|收货人|收貨人|申请人|申請人|客户|客戶|患者|乘客|旅客|氏名|名前|お名前|予約者|申込者|宛名"
    r"|이름|성명|고객명|예약자|신청자|수령인|받는\s?분|환자"
    # Who handles a case, as Japanese and Chinese forms and signatures write it: "担当：中村健太", "负责人：王伟".
    r"|担当|担当者|负责人|負責人|经办人|經辦人"
    # Who applies, complains, holds an account or a card, pays, is paid, signs for a parcel or insures (Chinese), who
    # asks or contracts (Japanese), who holds an account or guards a patient (Korean).
    r"|审批人|審批人|投诉人|投訴人|开户人|開戶人|持卡人|户名|戶名|付款人|收款人|报案人|被保险人|投保人|委托人|代理人|签收人"
    r"|寄件人|发件人|業主|业主|房东|房東|租客|预约人|就诊人|入住人|依頼者|契約者|受取人|差出人|담당자|보호자|예금주|계약자"
)
_CJK_LABEL = re.compile(rf"(?:{_CJK_NAME_LABELS})[ \t]*[:：][ \t]*")
# What is said to or of a person after the name: Japanese 様/さん/さま/殿/先生/氏/くん/ちゃん, Korean 님/씨 and the
# customer's and the member's 고객님/회원님, Chinese 先生/女士/小姐.
# Korean titles of a profession or a rank before "님" too: "김민준 변호사님께" (to lawyer ...), "이서연 팀장님".
_HONORIFIC = (
    # Chinese roles said after the name before a greeting: "王建国经理您好", "李老师，您好".
    r"(?:(?:经理|經理|老师|老師|主任|医生|醫生|律师|律師|总监|總監)(?=[，,]?[ \t]*(?:您好|你好))"
    r"|様|さま|さん|殿|先生|氏|くん|ちゃん|女士|小姐|선생님|고객님|회원님"
    r"|(?:변호사|교수|의사|과장|부장|차장|대리|팀장|실장|사장|원장|기사|간호사|세무사|회계사|매니저|집사|권사|장로|목사"
    r"|전도사)님|님|씨)"
)
_HONORIFIC_AT = re.compile(rf"[ \t\u3000]?{_HONORIFIC}")
_CJK_NAME = re.compile(
    rf"(?P<han>[{_HAN}]{{1,3}}(?:[ \u3000]?[{_HAN}{_KANA}]{{1,4}})?)|(?P<hangul>[{_HANGUL}](?:[ ]?[{_HANGUL}]{{1,3}})?)"
)
# Brackets right after a name in Latin letters ("Zhang Wei (张伟)", "Park Seo-yeon (박서연)"): two words or more,
# each a listed name or no everyday English word ("Islamic Republic (جمهوری اسلامی)" stays), or a placeholder.
_LATIN_NAME_BEFORE = re.compile(
    r"(?:(?<![\w'’-])(?P<words>[A-Z][\w'’-]+(?:[ \u00a0][A-Z][\w'’-]+){1,3})|<PERSON(?:_\d+)?>)[ \u00a0]?\($"
)
_BRACKET_CLOSES = re.compile(r"[ \t]*\)")


# Titles and greetings in Cyrillic and Greek before a capitalised name: after a title any capitalised words are a
# name ("господин Иванов", "κ. Παπαδόπουλος"); after a greeting or a sign-off only words whose first the lists know
# ("Здравствуйте, Ольга!", "Με εκτίμηση,\nΕλένη Γεωργίου"), not "Добрый день, Коллеги".
_TITLE_CUE = re.compile(
    # (and the titles declined: "приём у доктора Белова", "господину Петрову")
    r"(?<![\w.-])(?:господин[ау]?|госпож[аиеу]|г-н|г-жа|пан[аеу]?|пані|доктор[ау]?|доктором|д-р|профессор[ау]?"
    r"|професор[ау]?|κ\.|κος|κα|κύριος|κύριε"
    r"|κυρία|κυρ\.|Δρ\.|δρ\.|καθηγητής|καθηγήτρια)[ \t]+(?=[А-ЯЁІЇЄҐΑ-ΩΆ-Ώ])"
)
_GREETING_CUE = re.compile(
    r"(?i)(?<![\w])(?:здравствуйте|привет|добрый\s+(?:день|вечер)|доброе\s+утро|уважаемый|уважаемая|дорогой|дорогая"
    r"|вітаю|привіт|добрий\s+день|шановний|шановна|с\s+уважением|з\s+повагою|спасибо|дякую|γεια\s+σου|γεια\s+σας"
    r"|αγαπητέ|αγαπητή|καλημέρα|καλησπέρα|με\s+εκτίμηση|ευχαριστώ|ευχαριστούμε|благодарю|благодарим|дякуємо)"
    # "this is", "I am" between: "Привіт, це Тарас."
    r"[ \t]*[,!]?[ \t]*\n?[ \t]*(?:(?:це|это|я)[ \t]+)?(?=[А-ЯЁІЇЄҐΑ-ΩΆ-Ώ])"
)
# Thai titles, written glued to the given name the lists know ("คุณสมชาย ใจดี", "นางสาวดวงสมร"); the surname after
# a space.
# Glued to a greeting, thanks or a polite particle too ("สวัสดีค่ะคุณสมชาย", "ขอบคุณพี่อนุชา"), not inside a word
# ("ขอบคุณ", thanks, ends with "คุณ"). "พี่" and "น้อง" (elder, younger: how one addresses staff and friends) are
# words of kin as often ("พี่ชาย", brother), so a given name of the lists must follow them.
_THAI_TITLE = re.compile(
    r"(?:(?<![\u0e01-\u0e4e])|(?<=ค่ะ)|(?<=ครับ)|(?<=คะ)|(?<=สวัสดี)|(?<=เรียน)|(?<=ขอบคุณ)|(?<=ถึง))"
    r"(?:นางสาว|นาง|นาย|คุณ|(?P<kin>พี่|น้อง)|ด\.ช\.|ด\.ญ\.)"
)
# A person, then "ชื่อ" (named), a space and the name, in a sentence with no field's colon: "ผู้จองชื่อ สมชาย ใจดี"
# (the booker, named ...), "ลูกค้าชื่อ ...", "พนักงานชื่อ ...".
# One's own name too, after "I" ("ดิฉันชื่อ ปรียา สุขสวัสดิ์", "ผมชื่อ ...").
_THAI_PERSON_NAMED = re.compile(
    r"(?:ผู้จอง|ลูกค้า|ผู้รับ|ผู้ส่ง|ผู้ป่วย|พนักงาน|คนขับ|ผู้โดยสาร|แขก|ผู้ติดต่อ|เจ้าหน้าที่|เพื่อน|ลูก|สามี|ภรรยา"
    # A rider, the one who signed for a parcel, a shop's admin.
    r"|ไรเดอร์|คนเซ็นรับ|แอดมิน"
    r"|ดิฉัน|ผม|ฉัน|หนู)ชื่อ(?P<space>[ \t]+)?"
)
# Introductions in Arabic and Persian script, a given name of the lists after them: "اسمي محمد العتيبي" (my name is),
# Persian "اسمم ..."; "أنا خالد العتيبي" (I am) and "من نیلوفر احمدی هستم" (I am ..., the verb after the name). People
# named by their title or their role: "السيد ...", "والمندوب محمد" (and the courier), "السائق ..." (the driver).
# Urdu "میرا نام ثناء ملک ہے" (my name is).
_ARABIC_MY_NAME = re.compile(r"(?<![\u0621-\u06ff])(?:اسمي|إسمي|اسمم|میرا[ \t]+نام)[ \t]+")
_ARABIC_I_AM = re.compile(r"(?<![\u0621-\u06ff])(?:أنا|انا)[ \t]+")
# Urdu likewise: "میں فرحان ملک ہوں".
_PERSIAN_I_AM = re.compile(
    rf"(?<![\u0621-\u06ff])(?:من|میں)[ \t]+(?P<name>[{_ARABIC}]+(?:[ \t][{_ARABIC}]+){{0,2}})[ \t]+(?:هستم|ہوں)"
)
_ARABIC_TITLE_OR_ROLE = re.compile(
    r"(?<![\u0621-\u06ff])و?(?:"
    # Titles of respect, which a surname alone follows as often as a given name: "سلام آقای رضایی،", "سلام خانم
    # رضایی", "شكراً للأستاذ خالد" (to the ...); after them the first word may be one no list holds
    # (_introduced_or_titled).
    r"(?P<respect>السيد|السيدة|الأستاذ|الأستاذة|الدكتور|الدكتورة|للسيد|للسيدة|للأستاذ|للأستاذة|للدكتور|للدكتورة"
    r"|آقای|خانم|جناب)"
    # Roles, their article "ال" or, after thanks, "لل" (to the ...): "شكراً للموظفة هالة".
    r"|(?:ال|لل)(?:مهندس|مهندسة|مندوب|سائق|عميل|عميلة|زبون|زبونة|مريض|مريضة|موظف|موظفة|ممرض|ممرضة|فني)"
    r"|سائق|پیک|راننده"
    # Titles without the article, as one addresses a person: "مرحباً أستاذ خالد،", "دكتورة سارة".
    r"|أستاذ|أستاذة|استاذ|استاذة|دكتور|دكتورة|مهندس|مهندسة|سيد|سيدة|حاج|حاجة)[ \t]+"
)
# What one says one is in Amharic that is no name: very, happy, ready, new, a customer, a student, a worker, here,
# at home, sorry, angry.
_AMHARIC_WORDS_OF_WHAT_ONE_IS = frozenset(
    ("በጣም", "ደስተኛ", "ዝግጁ", "አዲስ", "ደንበኛ", "ተማሪ", "ሰራተኛ", "እዚህ", "ቤት", "አዝናለሁ", "ተናድጃለሁ", "አሁን", "ትንሽ", "ብቻ")
)
# Amharic "I am ...": "እኔ ሄኖክ ታደሰ ነኝ", the copula "ነኝ" after the name; and a name's field, "ስም:", "ሙሉ ስም:".
_AMHARIC_I_AM = re.compile(
    rf"(?<![\u1200-\u135f])እኔ[ \t]+(?P<name>[{_ETHIOPIC}]+(?:[ \t][{_ETHIOPIC}]+)?)[ \t]+ነኝ(?![\u1200-\u135f])"
)
# Hindi and Bengali: "मेरा नाम आदित्य शर्मा है", "আমার নাম সুমাইয়া আক্তার" (my name is), a given name of the lists after it.
_INDIC_MY_NAME = re.compile(r"(?:मेरा[ \t]+नाम|আমার[ \t]+নাম)[ \t]+")
# "I am" in Hindi and Bengali, a given name and a family name of the lists after it: "मैं रोहित वर्मा हूँ" (not "আমি
# তোমার মিত্র।", "I am your friend": "মিত্র" and "দাস" are surnames and words).
_INDIC_I_AM = re.compile(r"(?<![\u0900-\u09ff])(?:मैं|আমি)[ \t]+")
# "My name is" in the scripts whose name lists are thin or missing: Hindi, Bengali, Urdu, Arabic, Persian ("نام من"),
# Hebrew "שמי", "קוראים לי" (I am called), Tamil "என் பெயர்", Amharic "ስሜ". After it, two words of the script that
# end the clause (a mark, the text's end, or the copula: "है", "ہے", "ነው", "است") are the name though no list holds
# them ("আমার নাম সুমন চট্টোপাধ্যায়,", "ስሜ ሰላማዊት ተስፋዬ ነው።"); one word, or three, may be what one's name is ("...
# ভুল।", wrong; "... ভুল লেখা হয়েছে।", written wrong), so those need the lists (:func:`_introduced_or_titled`).
_MY_NAME_IS = re.compile(
    r"(?:(?<![\u0621-\u06ff])(?:اسمي|إسمي|اسمم|میرا[ \t]+نام|نام[ \t]+من)|मेरा[ \t]+नाम|আমার[ \t]+নাম"
    r"|(?<![\u05d0-\u05ea])(?:שמי|קוראים[ \t]+לי)|என்[ \t]+பெயர்|(?<![\u1200-\u135f])ስሜ)[ \t]+"
)
# Where one's introduction starts: the message's start, a sentence's, or after a greeting of up to three words and
# its mark ("السلام علیکم،", "ሰላም፣", "নমস্কার,").
_OPENS_AN_INTRODUCTION = re.compile(r"(?:^|[.!?।۔።\n])[ \t]*(?P<greeting>\S+(?:[ \t]+\S+){0,2}[ \t]*[,،፣!][ \t]*)?$")
# After the name, the sentence goes on (a comma, the copula: "है", "ہے", "ነው", "است") or ends (its mark, the line's or
# the text's end).
_CLAUSE_ENDS_AFTER_A_NAME = re.compile(
    r"[ \t]*(?:[,;:،؛፣፤.!?।॥۔።\n]|$)"
    r"|[ \t]+(?:है|हैं|हूँ|हूं|হয়|ہے|ہوں|است|هستم|ነው|ናት|ነኝ)(?![\w\u0900-\u09ff\u0621-\u06ff\u1200-\u135f])"
)
# Words that say what one's name is not, or how it is wrong: "שמי לא מופיע" (does not appear), "আমার নাম ভুল" (wrong),
# "اسمي مكتوب خطأ" (written wrong).
_NOT_A_NAME_AFTER_MY_NAME_IS = frozenset(
    ("לא", "אינו", "שגוי", "כתוב", "لا", "ليس", "غير", "غلط", "خطأ", "خاطئ", "مكتوب", "نہیں", "نیست", "نشده", "شده",
     "لکھا", "नहीं", "गलत", "ग़लत", "लिखा", "না", "নেই", "ভুল", "লেখা", "தவறு", "தவறாக", "இல்லை", "ስህተት", "በስህተት")
)  # fmt: skip
# Korean fields written without a colon: "예약자 이서연, 인원 3명" (the booker), "수령인 김민준" (the recipient).
_KOREAN_FIELD_NAME = re.compile(
    # Roles too: the courier, the driver, the agent, the manager ("배송기사 최동욱 님이").
    r"(?:예약자|수령인|신청자|주문자|고객명|담당자|배송기사|택배기사|기사|상담원|매니저|직원)"
    rf"[ \t]+(?P<name>[{_HANGUL}]{{3}})"
    r"(?=[ \t]*(?:[,.)]|님|씨|드림|올림|$|\n))"
)


@functools.cache
def native_name_lists() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Per script (:data:`_ALPHABETS`, "han", "hangul"), the given names and surnames of the ``faker`` person
    providers written in it, Arabic and Persian letters made one (:func:`_arabic_as_one`)."""
    from feedback_loop.privacy.names import faker_person_providers, person_name_strings

    given: dict[str, set[str]] = {}
    surnames: dict[str, set[str]] = {}
    for _, provider in faker_person_providers():
        for names, into in zip(person_name_strings(provider), (given, surnames), strict=True):
            for name in names:
                if (script := _script_of(name)) is not None:
                    into.setdefault(script, set()).add(_arabic_as_one(name) if script == "arabic" else name)
    return {
        script: (frozenset(given.get(script, ())), frozenset(surnames.get(script, ())))
        for script in (*_ALPHABETS, "han", "hangul")
    }


def _script_of(word: str) -> str | None:
    """The script ``word`` opens with, or None for Latin and scripts without rules here."""
    first = word[:1]
    for script, letters in _ALPHABETS.items():
        if re.match(f"[{letters}]", first):
            return script
    if re.match(f"[{_HAN}]", first):
        return "han"
    if re.match(f"[{_HANGUL}]", first):
        return "hangul"
    return None


# Arabic and Persian write yeh and kaf in two ways and vowel signs at will: "علي" and "علی", "عزّت" and "عزت".
# Urdu's heh and its round "t" too ("عائشہ", "فہد").
_ARABIC_VARIANTS = str.maketrans(
    {"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "ہ": "ه", "ۃ": "ه", "ھ": "ه"}
)
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u200c]")


def _arabic_as_one(word: str) -> str:
    return _ARABIC_MARKS.sub("", word.translate(_ARABIC_VARIANTS))


# Parts of an Arabic name between the given name and the family's: "عبد الله", "بن سعيد", "أبو بكر".
_ARABIC_JOINED = frozenset(_arabic_as_one(word) for word in ("عبد", "بن", "بنت", "ابن", "أبو", "ابو", "آل", "ال"))
# Given names of the lists that are everyday adjectives too ("سعيد" happy, "أمين" honest, "ماهر" skilled): a name
# after a cue only with a name of the family after them ("أنا سعيد جدا", "الفني ماهر وسريع" stay).
_ARABIC_NAMES_THAT_ARE_ADJECTIVES = frozenset(
    _arabic_as_one(word)
    for word in (
        "سعيد",
        "أمين",
        "ماهر",
        "كريم",
        "جميل",
        "سالم",
        "صالح",
        "نبيل",
        "لطيف",
        "شريف",
        "رشيد",
        "حكيم",
        "عادل",
        "منير",
    )
)
# Words with the article that follow "I am" or a name as often as a family's name does: "now", "today", "here".
_ARABIC_WORDS_AFTER_A_NAME = frozenset(_arabic_as_one(word) for word in ("الآن", "الان", "اليوم", "الجديد", "الجديدة"))


def _words_from(text: str, start: int, script: str, most: int) -> list[re.Match[str]]:
    """Up to ``most`` words of ``script`` from ``start`` on, each after a single space (a name's words)."""
    words: list[re.Match[str]] = []
    position = start
    pattern = _WORD_OF[script]
    while len(words) < most:
        word = pattern.match(text, position)
        if word is None or (word.end() < len(text) and _script_of(text[word.end()]) not in (None, script)):
            break
        words.append(word)
        if not text.startswith(" ", word.end()):
            break
        position = word.end() + 1
    return words


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _listed(script: str, word: str, kind: int | None = None) -> bool:
    lists = native_name_lists()[script]
    key = _arabic_as_one(word) if script == "arabic" else word
    return any(key in lists[which] for which in ((0, 1) if kind is None else (kind,)))


def find_native_names(text: str) -> list[Span]:
    """Spans of ``text`` that are person names in their own script (see the module documentation), each announced
    (a field's label, brackets after a name, an honorific, or a given name and surname of the lists)."""
    if text.isascii():
        return []
    spans: list[Span] = []
    for label in _LABEL.finditer(text):
        spans += _field_value(text, label.end())
    for label in _CJK_LABEL.finditer(text):
        spans += _names_of_a_cjk_field(text, label.end())
    spans += _in_brackets_after_a_name(text)
    spans += _after_a_title_or_a_greeting(text)
    spans += _listed_names(text)
    spans += _before_an_honorific(text)
    spans += _surname_signing_off(text)
    spans += _introduced_or_titled(text)
    spans += _named_by_my_name_is(text)
    spans += _cjk_introduced_or_in_a_role(text)
    spans += _chinese_surname_and_title(text)
    spans += _cased_names_in_a_sentence(text)
    spans += _greeted_or_signed_in_an_uncased_script(text)
    spans += _cased_given_name_greeting_or_signing(text)
    spans += _signed_on_the_last_line(text)
    return _merged([_with_the_fathers_name(text, span) for span in spans])


# An Arabic name's word after it that joins the father's or the family's name to it: "بن" (son of), glued to that
# name as the Maghreb writes it ("بنعلي", "بوعزيزي"), or alone before it ("بن علي").
_JOINED_AFTER_AN_ARABIC_NAME = re.compile(
    rf" (?:(?:بن|ابن|بنت|أبو|ابو|عبد|آل) [{_ARABIC}]{{2,}}|(?:بن|بو)[{_ARABIC}]{{3,}})"
)
_ARABIC_JOINING_WORD_ENDS = re.compile(r"(?<![ء-ۿ])(?:بن|ابن|بنت|أبو|ابو|عبد|آل)$")


def _with_the_fathers_name(text: str, span: Span) -> Span:
    """``span`` with the father's or the family's name that a joining word adds after it in Arabic script
    (:data:`_JOINED_AFTER_AN_ARABIC_NAME`), or that follows a joining word it ends with ("فاطمة الزهراء بن"
    and "علي")."""
    start, end, announced = span
    if _ARABIC_JOINING_WORD_ENDS.search(text, start, end):
        after = _WORD_OF["arabic"].match(text, end + 1) if text.startswith(" ", end) else None
        if after is not None:
            return (start, after.end(), announced)
    joined = _JOINED_AFTER_AN_ARABIC_NAME.match(text, end)
    if joined is not None and "ء" <= text[end - 1 : end] <= "ۿ":
        word = joined.group().split()[-1]
        if not _is_no_name_of_the_script("arabic", word):
            return (start, joined.end(), announced)
    return span


def _names_of_a_cjk_field(text: str, start: int) -> list[Span]:
    """The names a Chinese, Japanese or Korean field's value lists from ``start``, joined by "、" or a comma (the
    passengers "张伟、刘芳"), each opened by a surname of the lists (the customer's field before
    "您的账户已成功升级" holds a sentence, not a name)."""
    spans: list[Span] = []
    position = start
    while (name := _CJK_NAME.match(text, position)) is not None:
        compact = name.group().replace(" ", "")
        script = "han" if name.group("han") is not None else "hangul"
        if len(compact) < 2 or not (
            _listed_surname_opens(script, compact) or compact in native_name_lists()[script][1]
        ):
            break
        spans.append((name.start(), _without_honorific(text, name.start(), name.end()), True))
        separator = re.compile(r"[ \t]*[、,，][ \t]*").match(text, name.end())
        if separator is None:
            break
        position = separator.end()
    return spans


def _introduced_or_titled(text: str) -> list[Span]:
    """Names after the introductions, titles and roles of :data:`_ARABIC_MY_NAME`, :data:`_ARABIC_I_AM`,
    :data:`_PERSIAN_I_AM`, :data:`_ARABIC_TITLE_OR_ROLE`, :data:`_INDIC_MY_NAME` and :data:`_KOREAN_FIELD_NAME`: a given
    name of the lists first, then the words the lists know; in Arabic script also those that open with "ال" ("العتيبي")
    or join a name ("بن", "عبد"). A given name that is an adjective too, and "I am" and a given name, need a family
    name after them."""
    spans: list[Span] = []
    cues = ((_ARABIC_MY_NAME, "arabic"), (_ARABIC_TITLE_OR_ROLE, "arabic"), (_ARABIC_I_AM, "arabic"))
    indic = ((cue, script) for cue in (_INDIC_MY_NAME, _INDIC_I_AM) for script in ("devanagari", "bengali"))
    for cue, script in (*cues, *indic):
        for match in cue.finditer(text):
            words = _words_from(text, match.end(), script, _MAX_WORDS[script])
            if not words:
                continue
            respect = cue is _ARABIC_TITLE_OR_ROLE and match.group("respect") is not None
            opened = respect and _surname_after_a_title(text, match, words)
            # After a surname no list holds, only surnames: "على" (on) is spelled as "علي" (Ali) once made one.
            count = _words_of_a_listed_name(script, words, later=1 if opened else None, opened=opened)
            adjective = script == "arabic" and _arabic_as_one(words[0].group()) in _ARABIC_NAMES_THAT_ARE_ADJECTIVES
            # After a title or a role, a listed given name's family name that no list holds: "آقای کامران صدری" (not
            # after a name that is an adjective too: "الفني ماهر وسريع", the technician is skilled and fast).
            if (
                count == 1
                and cue is _ARABIC_TITLE_OR_ROLE
                and not adjective
                and _family_name_no_list_holds(text, script, words)
            ):
                count = 2
            if count < 2 and cue in (_ARABIC_I_AM, _INDIC_I_AM) and _greeted_two_words(text, script, match, words):
                count = 2
            if not count:
                continue
            if count == 1 and (adjective or cue is _ARABIC_I_AM or cue is _INDIC_I_AM):
                continue
            spans.append((words[0].start(), words[count - 1].end(), True))
    for match in _PERSIAN_I_AM.finditer(text):
        name_words = match.group("name").split()
        # After a greeting ("سلام، من نیلوفر احمدی هستم") two words that are no stop words are a name the lists lack.
        greeted = re.search(
            r"(?:سلام|درود)(?:[ \t]+(?:علیکم|عليكم))?[ \t]*[،,!]?[ \t]*$",
            text[max(0, match.start() - 20) : match.start()],
        )
        if _listed("arabic", name_words[0], 0) or (
            greeted and len(name_words) == 2 and not any(word in _stop_words_of_script("arabic") for word in name_words)
        ):
            spans.append((*match.span("name"), True))
    # A listed surname's syllable and a listed given name ("이서연"; not "이메일", e-mail), or any given name where "님"
    # or "씨" honours it after the role ("배송기사 최동욱 님이").
    for match in _KOREAN_FIELD_NAME.finditer(text):
        name = match.group("name")
        honoured = re.match(r"[ \t]*(?:님|씨)", text[match.end("name") :]) is not None
        if _listed_surname_opens("hangul", name) and (honoured or _listed("hangul", name[1:], 0)):
            spans.append((*match.span("name"), True))
    return spans


_GREETED_BEFORE = re.compile(
    r"(?:نمস্কার|নমস্কার|নমস্তে|হ্যালো|আসসালামু[ \t]+আলাইকুম|नमस्ते|नमस्कार|हैलो|हेलो|مرحبا|مرحباً|السلام[ \t]+عليكم"
    r"|أهلا|أهلاً|سلام)[ \t]*[,،!।]?[ \t]*$"
)
# "Speaking" and "from" after the name: "मैं अजय ठाकुर बोल रहा हूँ", "أنا سامر عيسى من قسم المبيعات".
_SPEAKING_OR_FROM = re.compile(r"[ \t]+(?:बोल[ \t]+रह[ाी]|من[ \t]+(?:قسم|فريق|شركة|خدمة|إدارة)|(?:থেকে[ \t]+)?বলছি)")
_TWO_WORDS_END = re.compile(r"[ \t]*(?:[।,،.!]|हूँ|हूं|है|$)")


def _greeted_two_words(text: str, script: str, cue: re.Match[str], words: list[re.Match[str]]) -> bool:
    """True where "I am" follows a greeting and two words that are no stop words come after it: a name where one of
    them is a name of the lists and the clause ends after them ("নমস্কার, আমি তানভীর হোসেন।", "नमस्ते, मैं सुनीता रावत
    हूँ"; not "मैं थोड़ा परेशान हूँ", I am a little upset), or where "speaking" or "from" a team follows them ("मैं अजय
    ठाकुर बोल रहा हूँ", "أنا سامر عيسى من قسم المبيعات")."""
    if (
        len(words) < 2
        or _GREETED_BEFORE.search(text, max(0, cue.start() - 24), cue.start()) is None
        or any(_is_no_name_of_the_script(script, word.group()) for word in words[:2])
    ):
        return False
    return _SPEAKING_OR_FROM.match(text, words[1].end()) is not None or (
        any(_listed(script, word.group()) for word in words[:2])
        and _TWO_WORDS_END.match(text, words[1].end()) is not None
    )


def _words_of_a_listed_name(
    script: str, words: list[re.Match[str]], later: int | None = None, opened: bool = False
) -> int:
    """How many of ``words`` make a name: a given name of the lists first (any word when ``opened``: a cue made it
    a name), then the words the lists know (as names of the kind ``later`` when given: 1, surnames), in Arabic script
    also those that open with "ال" ("العتيبي") or join a name ("بن", "عبد"); 0 where the first is no listed given
    name."""
    if (
        not words
        or not (opened or _listed(script, words[0].group(), 0))
        or words[0].group() in _stop_words_of_script(script)
    ):
        return 0
    count = 1
    for word in words[1:]:
        # "خالد على" (Khalid, on ...): a stop word spelled as a name ("على" as "علي") is none.
        if word.group() in _stop_words_of_script(script):
            break
        plain = _arabic_as_one(word.group()) if script == "arabic" else word.group()
        family = script == "arabic" and (
            (plain.startswith("ال") and plain not in _ARABIC_WORDS_AFTER_A_NAME) or plain in _ARABIC_JOINED
        )
        if not (_listed(script, word.group(), later) or family):
            break
        count += 1
    return count


# Words after a title of respect that name no one: more titles ("خانم دکتر", Mrs Dr), what one calls a group
# ("خانم‌ها"), "respected", "dear"; and roles and ranks ("آقای راننده", Mr driver; "خانم فروشنده", the saleswoman;
# "جناب سرهنگ", colonel; "آقای مدیر", "السيد المدير").
_WORDS_AFTER_A_TITLE = frozenset(
    ("ها", "‌ها", "محترم", "عزيزي", "عزيز", "گرامی", "عزیز", "راننده", "پستچی", "مدیر", "مسئول", "مسؤول", "فروشنده",
     "مهندس", "دکتر", "سرهنگ", "سرگرد", "کارمند", "پیک", "نگهبان", "همسایه", "معلم", "استاد", "رئیس", "کارشناس",
     "منشی", "پرستار", "پزشک", "وکیل", "کارگر", "تعمیرکار", "نصاب", "مامور", "مأمور", "سرپرست", "صاحبخانه", "موجر",
     "مستاجر", "مشاور", "اپراتور", "پشتیبان", "حسابدار", "مدير", "سائق", "مندوب", "موظف", "رئيس", "محامي", "طبيب",
     "دكتور", "مشرف", "جار", "ساعی")
)  # fmt: skip
_ARABIC_DEMONSTRATIVES = re.compile(r"(?:این|آن|هذا|هذه|ذلك|تلك|یک|يك)[ \t]+$")


def _surname_after_a_title(text: str, title: re.Match[str], words: list[re.Match[str]]) -> bool:
    """True where the word after a title of respect is a name though no list holds it ("آقای رضایی", "خانم
    حسینی"): not a stop word of the script's languages, a greeting's or a wish's word, a word that opens with the
    article ("السيد الرئيس", Mr President) or one of :data:`_WORDS_AFTER_A_TITLE`, nor after a demonstrative ("این
    خانم گفت", this lady said)."""
    first = words[0].group()
    return (
        words[0].start() == title.end()
        and len(_arabic_as_one(first)) >= 3
        and not first.startswith("ال")
        and first not in _WORDS_AFTER_A_TITLE
        and not _is_no_name_of_the_script("arabic", first)
        and _ARABIC_DEMONSTRATIVES.search(text, max(0, title.start() - 8), title.start()) is None
    )


def _family_name_no_list_holds(text: str, script: str, words: list[re.Match[str]]) -> bool:
    """True where the word after a given name (``words[0]``, after a title or a role) is its family name though no
    list holds it: next to it, of three letters or more, no stop word, no role nor title
    (:data:`_WORDS_AFTER_A_TITLE`), nor a word that names no one. A verb after a given name alone is taken too
    ("الموظف خالد ساعدني"): the name is redacted all the same, and a word more costs the text less than a surname
    left."""
    if len(words) < 2 or text[words[0].end() : words[1].start()] != " ":
        return False
    word = words[1].group()
    return (
        len(_arabic_as_one(word) if script == "arabic" else word) >= 3
        and word not in _WORDS_AFTER_A_TITLE
        and not _is_no_name_of_the_script(script, word)
    )


def _named_by_my_name_is(text: str) -> list[Span]:
    """The two words after :data:`_MY_NAME_IS` that end the clause, in the script of the first, whatever the lists
    hold (see :data:`_MY_NAME_IS`), where one introduces oneself: the cue follows a greeting ("শুভ সকাল, আমার নাম
    ...", "שלום, שמי ...") or, opening the message or a sentence, a word of the name is one the lists hold; and neither
    word is a stop word of the cue's languages ("আমার নাম পরিবর্তন হয়েছে।", changed; "اسمي لم يظهر.", did not appear;
    "קוראים לי כל יום", they call me every day)."""
    spans: list[Span] = []
    for cue in _MY_NAME_IS.finditer(text):
        script = _script_of(text[cue.end() : cue.end() + 1])
        # A greeting is a few words: the opening is sought in the characters right before the cue, not the whole text.
        opening = _OPENS_AN_INTRODUCTION.search(text, max(0, cue.start() - 80), cue.start())
        if script not in _ALPHABETS or script in _CASED or opening is None:
            continue
        words = _words_from(text, cue.end(), script, 2)
        if (
            len(words) == 2
            and not any(
                word.group() in _NOT_A_NAME_AFTER_MY_NAME_IS or word.group() in _stop_words_of_script(script)
                for word in words
            )
            # A greeting before it, or a word of the name the lists hold: "שמי נמחק מהרשימה," (was deleted from
            # the list) opens a message too.
            and (opening.group("greeting") or any(_listed(script, word.group()) for word in words))
            and _CLAUSE_ENDS_AFTER_A_NAME.match(text, words[1].end())
        ):
            spans.append((words[0].start(), words[1].end(), True))
    return spans


# The languages of each script whose stop words spaCy ships.
_LANGUAGES_OF_A_SCRIPT = {
    "devanagari": ("hi",),
    "bengali": ("bn",),
    "arabic": ("ar", "fa", "ur"),
    "hebrew": ("he",),
    "tamil": ("ta",),
    "ethiopic": ("am",),
    "thai": ("th",),
}


@functools.cache
def _stop_words_of_script(script: str) -> frozenset[str]:
    from feedback_loop.privacy.names import spacy_stop_words

    return frozenset().union(*(spacy_stop_words(language) for language in _LANGUAGES_OF_A_SCRIPT.get(script, ())))


def _after_a_title_or_a_greeting(text: str) -> list[Span]:
    spans: list[Span] = []
    for cue, listed_first in ((_TITLE_CUE, False), (_GREETING_CUE, True)):
        for match in cue.finditer(text):
            script = _script_of(text[match.end()])
            if script not in _CASED:
                continue
            words = _words_from(text, match.end(), script, _MAX_WORDS[script])
            words = words[: next((i for i, word in enumerate(words) if not _capitalised(word.group())), len(words))]
            # After "!" a word and a preposition open a sentence: "Здравствуйте! Вера в вашу службу ..." (faith in),
            # "Привет! Надежда на ..." (hope for); "Здравствуйте, Вера!" greets her.
            if (
                len(words) == 1
                and "!" in match.group()
                and _CASED_PREPOSITION_AFTER.match(text, words[0].end()) is not None
            ):
                continue
            if words and (not listed_first or _listed_given_or_its_vocative(script, words[0].group())):
                spans.append((words[0].start(), words[-1].end(), True))
    for title in _THAI_TITLE.finditer(text):
        given = _WORD_OF["thai"].match(text, title.end())
        # After "เรียน" (Dear) the title holds a name the lists may lack ("เรียน คุณสมศักดิ์ ใจดี"), not a customer.
        # Greeted or thanked ("สวัสดีค่ะคุณ...", "ขอบคุณพี่..."), a title holds a name the lists may lack, glued to
        # the clause after it as Thai writes ("ขอบคุณพี่อนุชาที่โทรมา": up to "ที่", that).
        dear = (
            re.search(
                r"(?:เรียน|สวัสดี|ขอบคุณ)(?:นะ)?(?:ครับ|ค่ะ|คะ)?[ \t]*$", text[max(0, title.start() - 14) : title.start()]
            )
            is not None
        )
        if given is None or not (
            _listed("thai", given.group(), 0)
            or (
                dear
                and not given.group().startswith(_THAI_WORDS_AFTER_DEAR)
                and (title.group("kin") is None or not given.group().startswith(_THAI_KIN_WORDS))
            )
        ):
            continue
        end = given.end()
        if dear and not _listed("thai", given.group(), 0):
            follower = _THAI_WORD_AFTER_A_NAME.search(given.group(), 2)
            if follower is not None:
                end = given.start() + follower.start()
                spans.append((given.start(), end, True))
                continue
        # The next chunk is the surname when the lists know it: Thai runs its words together and spaces its
        # clauses, so a chunk may be a clause too ("นางสาวดวงสมร ขอบคุณที่ใช้บริการ").
        surname = _WORD_OF["thai"].match(text, end + 1) if text.startswith(" ", end) else None
        if surname is not None and (
            _listed("thai", surname.group(), 1)
            or (dear and text.startswith(" ", surname.end()) and _WORD_OF["thai"].match(text, surname.end() + 1))
        ):
            end = surname.end()
        spans.append((given.start(), end, True))
    for named in _THAI_PERSON_NAMED.finditer(text):
        given = _WORD_OF["thai"].match(text, named.end())
        # Written glued to "ชื่อ", as Thai runs its words ("ดิฉันชื่อสุภาพร ศรีสุข"), the given name must be one of
        # the lists: "ชื่อเล่น" (nickname), "ชื่อผู้ใช้" (user name) are glued too.
        if given is None or (
            named.group("space") is None
            and not _listed("thai", given.group(), 0)
            and not _thai_full_name_after_i_am_named(text, named, given)
        ):
            continue
        end = given.end()
        # The surname is the next chunk when the lists know it or when a clause goes on after it: "ผู้จองชื่อ
        # สมชาย ใจดี ต้องการ..."; the chunk that ends the text after a given name alone is the clause.
        surname = _WORD_OF["thai"].match(text, end + 1) if text.startswith(" ", end) else None
        if surname is not None and (
            _listed("thai", surname.group(), 1) or _WORD_OF["thai"].match(text, surname.end() + 1) is not None
        ):
            end = surname.end()
        spans.append((given.start(), end, True))
    return spans


# Whom a letter's "เรียน คุณ..." greets that is no name, by the words they open with: a customer, one who (a user, a
# manager, a parent), a member, all, a teacher, a doctor, a father, a mother, staff.
# What "พี่" and "น้อง" open as words of kin or of a role ("พี่ชาย", brother; "น้องสาว", sister; "พี่ๆ", all of you;
# "น้องใหม่", newcomers; "พี่ไรเดอร์", the rider; "พี่วิน", the motorbike taxi), and the words
# that follow a name glued to it: that, has, will, helps, called, came, told, and, with (the first found after two
# characters ends the name).
_THAI_KIN_WORDS = ("ชาย", "สาว", "ๆ", "น้อง", "พี่", "ใหม่", "ไรเดอร์", "แอดมิน", "ทุก", "คน", "พนักงาน", "ช่าง", "วิน")
_THAI_WORD_AFTER_A_NAME = re.compile(r"ที่|ได้|จะ|ช่วย|โทร|มา|บอก|และ|กับ|ครับ|ค่ะ|คะ|นะ|ด้วย|เป็น")
# And the words "คุณ" opens: quality, property, value, virtue ("คุณภาพ", "คุณสมบัติ", "คุณค่า", "คุณธรรม").
_THAI_WORDS_AFTER_DEAR = (
    "ลูกค้า", "ผู้", "สมาชิก", "ท่าน", "ทุกท่าน", "ครู", "หมอ", "พ่อ", "แม่", "พนักงาน", "เจ้าหน้าที่", "ภาพ", "สมบัติ", "ค่า",
    "ประโยชน์", "ธรรม", "ลักษณะ", "วุฒิ", "ูปการ",
)  # fmt: skip
# One's own name after "I", as Thai introduces oneself ("ผมชื่อ", "ดิฉันชื่อ"), and what may follow "ชื่อ" glued there
# that is no name: a nickname, a user name, an account's name.
_THAI_I_AM_NAMED = re.compile(r"(?:ดิฉัน|ผม|ฉัน|หนู)ชื่อ$")
_THAI_NOT_A_NAME_AFTER_NAMED = re.compile(r"เล่น|ผู้ใช้|บัญชี|จริง|ของ")


def _thai_full_name_after_i_am_named(text: str, named: re.Match[str], given: re.Match[str]) -> bool:
    """True where one introduces oneself after a greeting ("สวัสดี") with a name glued to "ชื่อ" that no list holds,
    then a space, a surname and a space before the clause goes on ("สวัสดีครับ ผมชื่อสมชาย ศรีสุข ต้องการ..."), as a
    given name and a surname are written ("ผมชื่อซ้ำกับคนอื่น ทำให้ระบบ ..." is said of one's name)."""
    if (
        _THAI_I_AM_NAMED.search(text, 0, named.end()) is None
        or _THAI_NOT_A_NAME_AFTER_NAMED.match(given.group())
        or "สวัสดี" not in text[: named.start()]
    ):
        return False
    surname = _WORD_OF["thai"].match(text, given.end() + 1) if text.startswith(" ", given.end()) else None
    return surname is not None and re.match(r"[ \t]+\S", text[surname.end() :]) is not None


def _field_value(text: str, start: int) -> list[Span]:
    script = _script_of(text[start : start + 1])
    if script not in _ALPHABETS:
        return []
    words = _words_from(text, start, script, _MAX_WORDS[script])
    if script in _CASED:
        # "Имя: не указано", "Πελάτης: ο ίδιος": a value in lower case is no name.
        words = words[: next((i for i, word in enumerate(words) if not _capitalised(word.group())), len(words))]
    if not words:
        return []
    return [(words[0].start(), words[-1].end(), True)]


def _without_honorific(text: str, start: int, end: int) -> int:
    """``end`` less an honorific the name's characters took in ("张伟先生", "鈴木 美咲 様")."""
    value = text[start:end]
    stripped = re.sub(rf"[ \u3000]?{_HONORIFIC}$", "", value)
    return start + len(stripped.rstrip(" \u3000"))


def _in_brackets_after_a_name(text: str) -> list[Span]:
    spans: list[Span] = []
    for bracket in re.finditer(r"\(", text):
        start = bracket.end()
        script = _script_of(text[start : start + 1])
        if script is None:
            continue
        before = _LATIN_NAME_BEFORE.search(text, max(0, bracket.start() - 60), bracket.end())
        # A Chinese, Japanese or Korean name in the brackets opens with a listed surname (checked below), so a listed
        # word of the name before them is enough there: "Chen Jianguo (陈建国)" ("Jianguo" is in spaCy's vocabulary).
        if before is None or (
            before.group("words")
            and not _names_in_latin(before.group("words").split(), any_listed=script not in _ALPHABETS)
        ):
            continue
        if script in _ALPHABETS:
            words = _words_from(text, start, script, _MAX_WORDS[script])
            if script in _CASED and not all(_capitalised(word.group()) for word in words):
                continue
            end = words[-1].end() if words else start
        else:
            name = _CJK_NAME.match(text, start)
            end = name.end() if name is not None else start
            # A Chinese or Korean name: a listed surname and one or two more ("张伟", "박서연"); a Japanese one may
            # be longer and spaced ("鈴木 美咲").
            if not (name and _listed_surname_opens(script, name.group())):
                continue
        if end > start and _BRACKET_CLOSES.match(text, end):
            spans.append((start, end, True))
    return spans


def _names_in_latin(words: list[str], any_listed: bool = False) -> bool:
    from feedback_loop.privacy.names import everyday_words, person_name_lists

    given, surnames = person_name_lists()
    everyday = everyday_words()
    if any_listed and any(word in given or word in surnames for word in words):
        return True
    return all(word in given or word in surnames or word.lower() not in everyday for word in words)


def _listed_surname_opens(script: str, name: str) -> bool:
    compact = name.replace(" ", "").replace("\u3000", "")
    if not 2 <= len(compact) <= 4:
        return False
    _, surnames = native_name_lists()[script]
    return any(compact[:length] in surnames and len(compact) > length for length in (1, 2, 3))


# Ukrainian greets in the vocative: "Оксано" (Оксана), "Тарасе" (Тарас), "Маріє" (Марія), "Олю" (Оля), "Андрію"
# (Андрій).
_UKRAINIAN_VOCATIVE_ENDINGS = (("о", "а"), ("е", ""), ("є", "я"), ("ю", "я"), ("ю", "й"))


def _listed_given_or_its_vocative(script: str, word: str) -> bool:
    return _listed(script, word, 0) or (
        script == "cyrillic"
        and any(
            word.endswith(vocative) and len(word) > 3 and _listed(script, word[: -len(vocative)] + nominative, 0)
            for vocative, nominative in _UKRAINIAN_VOCATIVE_ENDINGS
        )
    )


# Case endings of Russian and Ukrainian names, each with the nominative's ending it replaces: "Марину", "Марины",
# "Марине", "Мариной" (Марина); "Тараса", "Тарасу", "Тарасом", "Тарасові" (Тарас); "Игоря" (Игорь), "Андрея"
# (Андрей); surnames as well: "Шевцову" (Шевцова), "Кузнецова" (Кузнецов).
_CYRILLIC_CASE_ENDINGS = (
    ("ою", "а"), ("ею", "я"), ("ой", "а"), ("ей", "я"), ("ей", "а"), ("у", "а"), ("ю", "я"), ("ы", "а"), ("и", "а"),
    ("и", "я"), ("е", "а"), ("е", "я"), ("і", "а"), ("і", "я"), ("ом", ""), ("ем", "й"), ("ем", "ь"), ("ові", ""),
    ("еві", "й"), ("а", ""), ("у", ""), ("е", ""), ("я", "й"), ("я", "ь"), ("ю", "й"), ("ю", "ь"),
)  # fmt: skip
# Greek: the accusative and vocative drop the nominative's "ς" ("τον Νίκο", "τον Θανάση"); the genitive of "-ος" is
# "-ου" ("του Νίκου"), of "-α"/"-η" adds "ς" ("της Μαρίας").
_GREEK_CASE_ENDINGS = (("", "ς"), ("ου", "ος"), ("ς", ""), ("ε", "ος"))


def _listed_in_some_case(script: str, word: str, kind: int | None = None) -> bool:
    """:func:`_listed`, or the word a case of a listed name (:data:`_CYRILLIC_CASE_ENDINGS`,
    :data:`_GREEK_CASE_ENDINGS`)."""
    if _listed(script, word, kind) or ("ё" in word and _listed(script, word.replace("ё", "е"), kind)):
        return True
    endings = _CYRILLIC_CASE_ENDINGS if script == "cyrillic" else _GREEK_CASE_ENDINGS if script == "greek" else ()
    return len(word) > 3 and any(
        word.endswith(ending) and _listed(script, word[: len(word) - len(ending)] + nominative, kind)
        for ending, nominative in endings
    )


# Patronymics, in every case: "Іванович", "Валерьевича", "Викторовна", "Ивановны", "Петрівною".
_PATRONYMIC = re.compile(
    r"[А-ЯЁІЇЄ][а-яёіїєґ]+(?:ович|евич|йович|ич|овн|евн|івн|ївн|ичн|ін)(?:а|у|ем|ом|і|е|ы|ой|ою|ей)?$"
)
# A surname and initials: "Егорова М. А.", "Шевченко Т.Г."; and a word before it, a cue or not.
_SURNAME_AND_INITIALS = re.compile(
    r"(?<![\w.])(?P<name>[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]{2,}[ \t]+[А-ЯЁІЇЄҐ]\.[ \t]?[А-ЯЁІЇЄҐ]\.)"
)
# Given names that are words or names of things in their own right, when alone: a payment card, a car, a city.
_CASED_GIVEN_NAMES_OF_THINGS = frozenset(
    ("Мир", "Лада", "София", "Волга", "Ника", "Бог", "Бога", "Богу", "Богом", "Боже", "Αύγουστο", "Αύγουστος",
     "Αυγούστου")
)  # fmt: skip
# What a name is not inside, in Cyrillic and Greek: the quotes that a product's or a firm's name takes («Мир
# Классическая»).
_QUOTE_BEFORE = ("«", "„", '"', "“")


# "Спросите Марину" (ask Marina), "у Тараса" (at Taras's), "με τον Νίκο" (with Nikos), "на меня, Людмилу Шевцову" (in my
# name, Lyudmila Shevtsova's), "на имя Кузнецова Игоря Валерьевича" (in the name of Igor Valeryevich Kuznetsov).
def _cased_names_in_a_sentence(text: str) -> list[Span]:
    """Cyrillic and Greek names inside a sentence, in any case: a capitalised word after a lower-case word, a comma
    or a sentence's first word that names no one, that is a listed given name in some case, with the capitalised
    words after it that are listed names in some case or a patronymic; a run of two or three capitalised words that
    a patronymic ends; a surname and its initials (:data:`_SURNAME_AND_INITIALS`). See the examples above."""
    spans: list[Span] = []
    if not re.search("[А-ЯЁІЇЄҐΑ-ΩΆ-Ώ]", text):
        return spans
    for script in _CASED:
        words = [
            word
            for word in _WORD_OF[script].finditer(text)
            if _capitalised(word.group()) and not word.group().isupper()
        ]
        index = 0
        while index < len(words):
            word = words[index]
            run = [word]
            while (
                index + len(run) < len(words)
                and text[run[-1].end() : words[index + len(run)].start()] == " "
                and len(run) < 3
            ):
                run.append(words[index + len(run)])
            before = text[max(0, word.start() - 2) : word.start()]
            if _PATRONYMIC.match(run[-1].group()) and len(run) >= 2:
                spans.append((run[0].start(), run[-1].end(), True))
                index += len(run)
                continue
            # After a word in lower case or a comma: not "Η Αγία Σοφία" (Hagia Sophia), "Дякую Богу".
            previous = re.search(r"(?:([^\W\d_]+)[ \t]+|,[ \t]*)$", text[max(0, word.start() - 30) : word.start()])
            if (
                previous is not None
                and (
                    previous.group(1) is None
                    or previous.group(1).islower()
                    or _opens_a_sentence_and_names_no_one(
                        text, script, word.start() - len(previous.group()), previous.group(1)
                    )
                )
                and not before.endswith(_QUOTE_BEFORE)
                and word.group() not in _CASED_GIVEN_NAMES_OF_THINGS
                and not _SENTENCE_OPENS_BEFORE.search(text, max(0, word.start() - 3), word.start())
                and _listed_in_some_case(script, word.group(), 0)
            ):
                count = 1
                while count < len(run) and (
                    _listed_in_some_case(script, run[count].group()) or _PATRONYMIC.match(run[count].group())
                ):
                    count += 1
                spans.append((word.start(), run[count - 1].end(), True))
                index += count
                continue
            index += 1
    for match in _SURNAME_AND_INITIALS.finditer(text):
        spans.append((*match.span("name"), True))
    return spans


_SENTENCE_OPENS_BEFORE = re.compile(r"[.!?…:;\n][ \t]*$")


def _opens_a_sentence_and_names_no_one(text: str, script: str, start: int, word: str) -> bool:
    """True for a capitalised word at ``start`` that opens its sentence (a verb, as often: "Спросите Марину") and is
    no listed name in any case."""
    return (
        start == 0 or _SENTENCE_OPENS_BEFORE.search(text, max(0, start - 3), start) is not None
    ) and not _listed_in_some_case(script, word)


def _listed_names(text: str) -> list[Span]:
    """A listed given name and a surname: in Cyrillic and Greek, the given name listed and the next word
    capitalised, or a capitalised word and a listed surname; elsewhere both listed, Arabic names with their
    fathers' between (a listed given name, or "عبد"/"بن" and a word)."""
    spans: list[Span] = []
    # The words of "my name is" open no name, though a list holds one of them: "קוראים לי" (they call me), "לי" (Lee).
    cues = [cue.span() for cue in _MY_NAME_IS.finditer(text)]
    for script, pattern in _WORD_OF.items():
        words = list(pattern.finditer(text))
        index = 0
        while index < len(words) - 1:
            if any(start <= words[index].start() < end for start, end in cues):
                index += 1
                continue
            run = _listed_run(text, words, index, script)
            if run:
                spans.append((words[index].start(), words[index + run - 1].end(), True))
                index += run
            else:
                index += 1
    return spans


def _listed_run(text: str, words: list[re.Match[str]], index: int, script: str) -> int:
    """How many words from ``index`` on make a name the lists know (0: none)."""

    def next_to(position: int) -> bool:
        return text[words[position - 1].end() : words[position].start()] == " "

    first = words[index].group()
    if script in _CASED:
        if not _capitalised(first) or first.isupper() or not next_to(index + 1):
            return 0
        second = words[index + 1].group()
        if not _capitalised(second) or second.isupper():
            return 0
        # A surname first too, as records write it: "Смирнова Ольга Викторовна"; in any case: "Игоря Кузнецова".
        # Not in a product's quotes: «Мир Классическая».
        if text[max(0, words[index].start() - 1) : words[index].start()] in _QUOTE_BEFORE or not (
            _listed_in_some_case(script, first, 0)
            or _listed_in_some_case(script, second, 1)
            or (_listed_in_some_case(script, first, 1) and _listed_in_some_case(script, second, 0))
        ):
            return 0
        run = 2
        # A patronymic or a second surname: "Ольга Ивановна Смирнова".
        if (
            index + 2 < len(words)
            and next_to(index + 2)
            and _capitalised(words[index + 2].group())
            and (_listed(script, words[index + 2].group(), 1) or _listed(script, second, 0) or "вн" in second)
        ):
            run = 3
        return run
    if not _listed(script, first, 0) or len(first) < 2:
        return 0
    last = min(len(words), index + _MAX_WORDS[script])
    position = index + 1
    while position < last and next_to(position):
        word = words[position].group()
        if _listed(script, word, 1) and len(word) >= 2:
            return position - index + 1
        joined = script == "arabic" and _arabic_as_one(word) in _ARABIC_JOINED
        if not (joined or _listed(script, word, 0)):
            return 0
        position += 1
    return 0


# What ends a word of three syllables before "고객님" that is no name: a verb's "한", "된", "던", "는", "할" (customers
# "who ordered": "주문한 고객님"), a branch, a pass, a car, a shop ("강남점", "정기권", "전기차", "이마트", "신세계").
_NOT_A_NAMES_LAST_SYLLABLE = frozenset("한된던는할점권차트계")


def _before_an_honorific(text: str) -> list[Span]:
    """Chinese, Japanese and Korean names before an honorific, where no character of the name's script stands
    right before it: in Han characters a listed surname alone of two characters or more ("鈴木様", "田中さん") or
    a listed surname and a given name ("鈴木 美咲 様", "王伟先生"); in Hangul a listed surname and a listed given name
    ("박서연님"), or any two syllables before "씨", which follows only names ("최민호 씨")."""
    spans: list[Span] = []
    for honorific in _HONORIFIC_AFTER_A_NAME.finditer(text):
        start = honorific.start("name")
        name = honorific.group("name")
        compact = re.sub(r"[ \u3000]", "", name)
        _, surnames = native_name_lists()["han"]
        if honorific.group("han") is not None:
            # After a particle, which a place or a trade precedes as often ("駅前の花屋さん", "ビルの管理人さん"), and
            # before a Chinese role ("项目经理您好"), only a listed surname of two characters or more, or a full name.
            # After a verb's kana too ("対応してくださった山本さん", who helped me).
            strict = (start > 0 and re.match(f"[{_KANA}]", text[start - 1]) is not None) or honorific.group(
                "honorific"
            ).startswith(_CHINESE_ROLES_AFTER_A_NAME)
            # A Japanese surname of two characters and a given name of two: "田中美咲様" (not a firm's or an office's
            # word: "山本建設様", "石川県庁様").
            four = " " not in name and len(compact) == 4 and compact[:2] in surnames and compact[2:] not in _FIRMS_WORDS
            if (
                (compact in surnames and len(compact) >= 2)
                or (not strict and " " not in name and len(compact) <= 3 and _listed_surname_opens("han", compact))
                or (strict and len(compact) == 3 and _a_chinese_full_name(compact))
                or four
                or (re.search(r"[ \u3000]", name) and name.split()[0] in surnames)
                or _japanese_surname_by_its_last_character(text, compact, honorific.group("honorific"))
            ):
                spans.append((start, start + len(name), True))
        elif len(compact) == 3 and _listed_surname_opens("hangul", compact):
            given, _ = native_name_lists()["hangul"]
            # "씨" follows only names; "고객님", "회원님" (dear customer, member) a customer's full name
            # ("박서진 고객님").
            if (
                compact[1:] in given
                or honorific.group("honorific") == "씨"
                or (
                    honorific.group("honorific") in ("고객님", "회원님")
                    and compact[-1] not in _NOT_A_NAMES_LAST_SYLLABLE
                )
            ):
                spans.append((start, start + len(name), True))
    return spans


# The characters that end most Japanese surnames (field, book, river, village, mountain, wisteria, field, well, tree,
# mouth, plain, island, cape, marsh, valley, bridge, pine, hill, forest, pond, slope, inner, edge, shade ...): "森本",
# "坂口", "北村" are surnames though the lists hold few; trades before "さん" end otherwise ("花屋", "管理人", "店員",
# "運転手", "大家").
_JAPANESE_SURNAMES_LAST_CHARACTERS = frozenset(
    "田本川村山藤野井木口原島嶋崎沢澤谷橋松岡森林池坂辺邊瀬浦倉尾槻塚宮浜濱永石"
)
# Everyday words that end so: Japan, a sample, the basis, the counter, the entrance, many, a volcano, the field, the
# ceiling, a forest, a battery, the surroundings, the end, a jewel, a magnet.
_JAPANESE_WORDS_ENDING_AS_SURNAMES = frozenset(
    ("日本", "見本", "基本", "資本", "手本", "原本", "絵本", "脚本", "標本", "台本", "窓口", "入口", "出口", "人口",
     "利口", "悪口", "河川", "農村", "登山", "沢山", "火山", "分野", "視野", "平野", "天井", "材木", "草原", "高原",
     "半島", "列島", "渓谷", "鉄橋", "森林", "電池", "周辺", "末尾", "子宮", "神宮", "宝石", "磁石", "水田", "葛藤",
     "不吉")
)  # fmt: skip
_JAPANESE_HONORIFICS = frozenset(("さん", "様", "さま", "氏", "くん", "ちゃん"))


def _japanese_surname_by_its_last_character(text: str, name: str, honorific: str) -> bool:
    """True for two or three Han characters before a Japanese honorific (:data:`_JAPANESE_HONORIFICS`) in a text
    that holds kana, the last one a surname's (:data:`_JAPANESE_SURNAMES_LAST_CHARACTERS`)."""
    return (
        honorific in _JAPANESE_HONORIFICS
        and _a_japanese_surname_by_its_last_character(name)
        and re.search(f"[{_KANA}]", text) is not None
    )


def _a_japanese_surname_by_its_last_character(name: str) -> bool:
    return (
        len(name) in (2, 3)
        and name[-1] in _JAPANESE_SURNAMES_LAST_CHARACTERS
        and name[-2:] not in _JAPANESE_WORDS_ENDING_AS_SURNAMES
    )


# A Chinese surname and how one addresses its bearer ("王先生您好", "谢谢张经理", "快递员李师傅把包裹..."), or "小"
# and "老" before a surname, as colleagues call each other ("客服小陈帮忙", "小李你好"), where no character of a word
# stands before the surname (a mark, or a word that takes a person: thanks, ask, with, to, a role's last character).
_CHINESE_SURNAME_AND_TITLE = re.compile(
    rf"(?:(?<![{_HAN}])|(?<=谢谢|感谢|麻烦|联系|客服)|(?<=[请找问和跟与给是向让叫员的位对被由把手机东]))"
    rf"(?:(?P<surname>[{_HAN}]{{1,2}}?)(?=(?:先生|女士|小姐|老师|老師|师傅|師傅|经理|經理|医生|醫生|律师|律師|主任|阿姨)"
    rf"(?:[^{_HAN}]|$|您好|你好|[把说已在和给也是的帮让请]))"
    rf"|[小老](?P<called>[{_HAN}])(?=[^{_HAN}]|$|您好|你好|[把说已在和给也是的帮让请]))"
)


def _chinese_surname_and_title(text: str) -> list[Span]:
    """The listed surnames of :data:`_CHINESE_SURNAME_AND_TITLE` (one character or two), no stop word of Chinese
    ("这位先生", "各位老师")."""
    spans: list[Span] = []
    if not re.search(f"[{_HAN}]", text):
        return spans
    surnames = native_name_lists()["han"][1]
    for match in _CHINESE_SURNAME_AND_TITLE.finditer(text):
        group = "surname" if match.group("surname") is not None else "called"
        surname = match.group(group)
        if (
            surname in surnames
            and surname not in _chinese_stop_words()
            and match.group() not in _WORDS_OF_SMALL_AND_OLD
        ):
            spans.append((*match.span(group), True))
    # A full name after "的" (whose, who) and before a title: "昨天上门的陈晓东师傅" (master Chen Xiaodong, who came).
    for match in _FULL_NAME_AFTER_DE_BEFORE_A_TITLE.finditer(text):
        # (not a project's or a region's head: "负责的项目总经理")
        if _a_chinese_full_name(match.group("name")) and match.group("name")[:2] not in _HAN_WORDS_OPENED_BY_A_SURNAME:
            spans.append((*match.span("name"), True))
    return spans


_FULL_NAME_AFTER_DE_BEFORE_A_TITLE = re.compile(
    rf"的(?P<name>[{_HAN}]{{3}})(?=师傅|師傅|先生|女士|小姐|老师|老師|经理|經理|医生|醫生|律师|律師)"
)
# Words "小" (small) and "老" (old) open with a surname's character after them: a teacher, a boss, a husband, an hour.
_WORDS_OF_SMALL_AND_OLD = frozenset(
    ("老师", "老師", "老板", "老闆", "老公", "老婆", "老家", "老人", "老大", "老乡", "小姐", "小时", "小時", "小孩",
     "小心", "小区", "小費", "小费", "小说", "小說", "小学", "小組", "小组", "小票", "小哥", "小弟", "小妹", "小伙",
     "小米", "小麦", "小鸟")
)  # fmt: skip


# A Chinese or Japanese name alone at the end of a message, after its last sentence's mark or on its own line: the
# signature ("... 10時からです。佐藤", "...谢谢！\n欧阳").
# After a department or a role and a space too: "さくら内科クリニック 受付 田中".
_SIGNATURE_AT_THE_END = re.compile(
    rf"(?:^|[。．！？!?\n]|——|—|－|(?<=[{_HAN}{_KANA}])[ \u3000](?=[{_HAN}]{{2,4}}[ \t\u3000。．]*$))"
    rf"[ \t\u3000]*(?P<name>[{_HAN}]{{2,4}}|[{_HAN}]{{1,3}}[ \u3000][{_HAN}]{{1,3}})"
    # (Japanese "より", from: "...でしょうか。小林より")
    r"(?:より)?[ \t\u3000。．]*$"
)


def _surname_signing_off(text: str) -> list[Span]:
    """A Chinese or Japanese name signing a message at its end: a listed surname of two characters or more alone
    ("佐藤"), or a listed surname, a space and a given name ("王 伟"). One character and more written together are
    everyday words as often ("高明")."""
    signature = _SIGNATURE_AT_THE_END.search(text)
    if signature is None:
        return []
    name = signature.group("name")
    _, surnames = native_name_lists()["han"]
    # After a dash, which signs a message, a listed surname may open the name: "...谢谢。——刘洋".
    dashed = text[: signature.start("name")].rstrip(" \t\u3000").endswith(("—", "－"))
    # On a line of its own, a listed surname of two characters and a given name of one or two: "\n佐藤健一" (not a
    # firm's or an office's name: "\n山本建設").
    own_line = text[: signature.start("name")].rstrip(" \t\u3000").endswith("\n")
    if (
        (own_line and len(name) in (3, 4) and name[:2] in surnames and name[2:] not in _FIRMS_WORDS)
        or name in surnames
        or re.split(r"[ \u3000]", name)[0] in surnames
        or (
            dashed
            and len(name) <= 3
            and _listed_surname_opens("han", name)
            and name[-1] not in _HAN_KINDS_AND_DEPARTMENTS
        )
    ):
        return [(signature.start("name"), signature.end("name"), True)]
    return []


# One's own name and a person named by a role, in Chinese and Japanese, the name glued to the cue ("我是王芳，", "客服
# 李明已将...", "联系客户经理李晓雯。", "担当の佐々木が", "担当者は中村です"), and Japanese "... と申します" after it.
_CJK_NAME_CUE = re.compile(
    r"(?:我是|我叫|本人是|客服人员|客服人員|客服|客户经理|客戶經理|经理|經理|主管|专员|專員|顾问|顧問|医生|醫生|护士|護士|老师|老師|同事"
    r"|师傅|師傅|律师|律師|会计|會計|客户|客戶|顾客|顧客|担当の|担当は|担当者の|担当者は|担当者|担当"
    # A clerk, a courier, a rider, a driver, a (new) employee, a classmate, a shop's manager; a field's label and
    # "是" (is): "联系人是李晓红".
    r"|营业员|營業員|快递员|快遞員|骑手|騎手|司机|司機|员工|員工|同学|同學|店长|店長|(?:联系人|聯絡人|收件人|负责人)是?"
    # Whom to tell or notify: "请转告聂永康先生", "告诉王芳".
    r"|收货人|收貨人|转告|轉告|告诉|告訴|通知|提醒"
    # One's family: "我父亲陈国华上周的...".
    r"|父亲|母亲|儿子|女儿|丈夫|妻子|爱人|老公|老婆|哥哥|姐姐|弟弟|妹妹)[ \t\u3000]?"
)
_JAPANESE_NAME_OPENS_BEFORE_DESU = re.compile(
    rf"(?:^|(?<=[。！？\n：:]))[ \t\u3000]*"
    rf"(?P<name>(?P<surname>[{_HAN}]{{2,3}})(?:[ \u3000]?[{_HAN}]{{1,2}}[{_KANA}]?)?)"
    r"(?:です|でございます|と申します)"
)
_JAPANESE_I_AM_CALLED_AFTER = re.compile(r"と(?:申します|申し|いいます|言います)")
# One's surname after one's firm's "の", before "です": "株式会社ミナト商事の佐藤です。".
# After "は" too: "追加は山本花子です" (the one added is ...), "担当は鈴木です".
_JAPANESE_SURNAME_OF_A_FIRM = re.compile(rf"[のは](?P<name>[{_HAN}]{{2,5}})(?:です|でございます)")
# What ends a Chinese name glued to the sentence after it: a mark, kana (a Japanese particle: "佐々木が"), a letter
# that is no Han character, or a word that follows a person's name ("已", already; "将", will; "说", says; "负责",
# handles ...).
_CHINESE_AFTER_A_NAME = re.compile(
    # (and "的", whose: "客户林晓燕的账单地址")
    # (and what one does after one's name: "快递员赵宏伟打电话说...", "客服张婷婷态度很好")
    rf"[^{_HAN}]|$|(?:已经|已|将|说|正在|负责|處理|处理|来电|表示|先生|女士|的|打电话|打来|联系|告诉|通知|回复|答应|同意"
    r"|帮忙|态度|服务|非常|跟|给|把|让|帮|问"
    # (will, says, helps, wants, can, is at, also, still, all, then, and, with, comes: "女儿周小雨会帮他",
    # "客服人員陳怡君說")
    # (not "会员", member: "我是黄金会员"; nor "会议", "会计")
    r"|会(?![员议计])|會(?![員議計])|說|幫|要|想|能|可以|在|是|也|还|還|都|就|和|与|與|讲|講"
    r"|上周|下周|今天|昨天|明天|最近"
    r"|小姐|老师|老師)"
)
# Two characters that open with a surname and are everyday words: "高级" (senior), "文件" (file), "方便", "金额".
_HAN_WORDS_OPENED_BY_A_SURNAME = frozenset(
    ("高级", "文件", "方便", "金额", "常见", "单号", "白色", "万一", "向您", "易用",
     # times of day and days, a master, everyone, all: "请转告经理明天要来", "请通知司机师傅在门口等"
     "明天", "明日", "今天", "后天", "昨天", "上午", "下午", "晚上", "早上", "师傅", "師傅", "全体", "全部", "大家",
     "马上", "信息", "周末", "项目", "安排", "安装")
)  # fmt: skip
# Korean: one's own name before "입니다" (I am ...), "이에요", "예요", "(이)라고 합니다": "김민준입니다",
# "저는 최은영입니다".
_KOREAN_I_AM = re.compile(
    rf"(?P<me>(?:저는|제[ \t]?이름은|나는)[ \t]*)?(?<![{_HANGUL}])(?P<name>[{_HANGUL}]{{3}})"
    r"(?:입니다|이에요|예요|(?:이)?라고[ \t]?합니다)"
)


def _cjk_introduced_or_in_a_role(text: str) -> list[Span]:
    """Chinese and Japanese names after :data:`_CJK_NAME_CUE` or before "と申します", a listed surname opening them,
    as long as :data:`_CHINESE_AFTER_A_NAME` ends them (the shortest such); Korean names of three syllables before
    "입니다" (:data:`_KOREAN_I_AM`), a listed surname's syllable first, and "저는" before or a listed given name."""
    spans: list[Span] = []
    if not re.search(f"[{_HAN}{_HANGUL}]", text):
        return spans
    for cue in _CJK_NAME_CUE.finditer(text):
        end = _han_name_end(text, cue.end())
        # "我是江苏的用户" (I am a user from Jiangsu): one's province or town, not one's name, before "的".
        if end is not None and not (cue.group().startswith(("我是", "本人是")) and text.startswith("的", end)):
            spans.append((cue.end(), end, True))
    for called in _JAPANESE_I_AM_CALLED_AFTER.finditer(text):
        start = called.start()
        while start > 0 and re.match(f"[{_HAN}]", text[start - 1]) and called.start() - start < 5:
            start -= 1
        if _han_name_end(text, start) == called.start():
            spans.append((start, called.start(), True))
    for firm in _JAPANESE_SURNAME_OF_A_FIRM.finditer(text):
        # The surname alone, or a listed surname and a given name: "...の佐藤です", "...の佐々木美穂です".
        name = firm.group("name")
        surnames = native_name_lists()["han"][1]
        # A surname of two characters or three opens a longer name: not "こちらの商品です" (a product).
        if name in surnames or (
            any(name[:length] in surnames for length in (2, 3))
            and _han_name_end(text, firm.start("name")) == firm.end("name")
        ):
            spans.append((*firm.span("name"), True))
    # One's name alone opening a sentence before "です" (a business e-mail's "お世話になっております。佐々木 亮介
    # です。", a transcript's "お客様：北村 健二です。"): a listed surname, or one by its last character.
    for introduced in _JAPANESE_NAME_OPENS_BEFORE_DESU.finditer(text):
        surname = introduced.group("surname")
        if surname in native_name_lists()["han"][1] or _a_japanese_surname_by_its_last_character(surname):
            spans.append((*introduced.span("name"), True))
    for introduced in _KOREAN_I_AM.finditer(text):
        name = introduced.group("name")
        # The given name listed: "저는 신입생입니다" (I am a freshman) and "구매자입니다" (the buyer) open with a
        # surname's syllable too.
        if _listed_surname_opens("hangul", name) and _listed("hangul", name[1:], 0):
            spans.append((*introduced.span("name"), True))
    for called in _KOREAN_KIN_OR_CALLED.finditer(text):
        group = "name" if called.group("name") is not None else "called"
        name = called.group(group)
        given = name if len(name) == 2 else name[1:]
        if _listed("hangul", given, 0) and (len(name) == 2 or _listed_surname_opens("hangul", name)):
            spans.append((*called.span(group), True))
    return spans


# Korean: a given name of the lists (or a listed surname's syllable and one) after one's kin, a friend or a colleague
# and before a particle ("남편 준호가", my husband Junho), or a given name alone called with "아"/"야" ("지훈아 ...").
_KOREAN_KIN_OR_CALLED = re.compile(
    rf"(?:(?<![{_HANGUL}])(?:남편|아내|와이프|아들|딸|엄마|아빠|동생|언니|오빠|형|누나|친구|동료)[ \t]+"
    # (a given name that ends in a consonant takes "이" before its particle: "언니 하은이랑", "아들 도윤이는")
    rf"(?P<name>[{_HANGUL}]{{2,3}}?)(?=이?(?:이가|에게|한테|이랑|[이가은는을를의도랑와과])?(?:[ \t,.!?]|$)))"
    rf"|(?:(?<![{_HANGUL}])(?P<called>[{_HANGUL}]{{2}})[아야](?=[ \t,.!?]|$))"
)


def _han_name_end(text: str, start: int) -> int | None:
    """Where a Han name opening at ``start`` ends: a listed surname (two characters before one), then one to three
    characters, the fewest that :data:`_CHINESE_AFTER_A_NAME` follows; None where there is none."""
    _, surnames = native_name_lists()["han"]
    for surname_length in (3, 2, 1):
        if text[start : start + surname_length] in surnames and re.fullmatch(
            f"[{_HAN}]+", text[start : start + surname_length]
        ):
            break
    else:
        return None
    # A Japanese surname of two characters or more alone names a person too: "担当の佐々木が".
    if surname_length >= 2 and re.match(
        f"[{_KANA}]|[^{_HAN}]|$", text[start + surname_length : start + surname_length + 1]
    ):
        return start + surname_length
    # Chinese names of a one-character surname are of two or three characters ("会计师事务所" names no one).
    most = 2 if surname_length == 1 else 5 - surname_length
    # Not a word of Chinese prose that opens with a surname's character ("马上", at once; "何时", when; "普通", common),
    # nor a function word spelled as a surname ("和", and; "都", all).
    if any(text[start : start + length] in _chinese_stop_words() for length in (2, 3)) or (
        surname_length == 1 and text[start] in _chinese_stop_words()
    ):
        return None
    for length in range(surname_length + 1, surname_length + most + 1):
        name = text[start : start + length]
        if not re.fullmatch(f"[{_HAN}]+", name) or name in _HAN_WORDS_OPENED_BY_A_SURNAME:
            return None
        if _CHINESE_AFTER_A_NAME.match(text, start + length):
            # A kind of person or a department, no person's name: "程序员", "江西人", "管理处", "项目组"; nor what
            # ends with a particle ("我是安徽的，").
            if name[-1] in _HAN_PARTICLES or (length == 3 and name[-1] in _HAN_KINDS_AND_DEPARTMENTS):
                return None
            return start + length
    return None


def _a_chinese_full_name(name: str) -> bool:
    """True for three Han characters that a listed surname of one opens and that are no word of prose, no kind of
    person, no department and end with no particle ("王建国"; not "项目组", "程序员")."""
    return (
        len(name) == 3
        and name[0] in native_name_lists()["han"][1]
        and not any(name[:length] in _chinese_stop_words() for length in (1, 2, 3))
        and name[-1] not in _HAN_KINDS_AND_DEPARTMENTS
        and name[-1] not in _HAN_PARTICLES
    )


# The last characters of words for kinds of people and for departments.
_HAN_KINDS_AND_DEPARTMENTS = "人员者生师家户族处部组科室局队办工区"
_HAN_PARTICLES = "的了吗呢吧啊么"


@functools.cache
def _chinese_stop_words() -> frozenset[str]:
    from feedback_loop.privacy.names import spacy_stop_words

    return spacy_stop_words("zh")


# Greetings, thanks, sign-offs, titles and kin before a name in Arabic and Persian, Hebrew, Hindi and Bengali ("عزيزي
# أحمد،", "مع التحية، ريم الشمري", "שלום נועה,", "नमस्ते राजेश जी,"): the given name must be one of the lists. Each cue
# a whole word ("היום", today, opens with "הי"; "श्रीलंका" with "श्री"). Amharic titles ("አቶ", Mr; "ወ/ሮ", Mrs; "ዶ/ር",
# Dr), which name lists of that script do not hold, before one or two words.
_UNCASED_GREETINGS = {
    # The vocative "يا" too: "شكرا جزيلا يا أحمد"; Urdu thanks, "شکریہ"; one's husband, wife, son, daughter, father
    # or mother: "بزوجي يوسف" (not a double bed's "سرير زوجي").
    # An agent's "معك ..." (with you is ...).
    "arabic": r"(?<![\u0621-\u06ff])(?:يا|شکریہ|شكريه|عزيزي|عزيزتي|مرحباً|مرحبا|أهلاً|أهلا|اهلا|شكراً|شكرا|معك|معاك"
    r"|(?P<kin>بزوجي|(?<!سرير )زوجي|زوجتي|ابني|ابنتي|والدي|والدتي|لزوجي|لابني|الأخ|الأخت|أخي|أختي)"
    r"|مع[ \t]+(?:التحية|تحياتي|خالص[ \t]+التحية)|تحياتي|سلام|درود|ممنون|با[ \t]+تشکر|(?P<respect>جناب))"
    r"(?![\u0621-\u06ff])",
    # A customer, an agent (to the agent), a courier, a technician, "by the name", one's wife: "הלקוח אבי שטרן ביקש",
    # "נציגה בשם אורית", "תודה לנציג אביתר".
    "hebrew": r"(?<![\u05d0-\u05ea])(?:שלום|היי|הי|תודה(?:[ \t]+רבה)?|בברכה|לכבוד|יקר|יקרה"
    # ("בעלי", my husband, is "owners of" too: "בעלי חיים", animals)
    r"|(?P<kin>הלקוח|הלקוחה|ללקוח|ללקוחה|הנציג|הנציגה|לנציג|לנציגה|השליח|הטכנאי|בשם|אשתי))(?![\u05d0-\u05ea])",
    # (titles of respect, Mr, Mrs, Ms, named: a family name may follow the given name after them)
    "devanagari": r"(?<![\u0900-\u097f])(?:नमस्ते|नमस्कार|प्रिय|धन्यवाद|शुक्रिया|(?P<respect>श्रीमती|श्री|सुश्री)"
    r"|(?P<kin>बेटे|बेटा|बेटी|पति|पत्नी|भाई|बहन))(?![\u0900-\u097f])",
    "bengali": r"(?<![\u0980-\u09ff])(?:নমস্কার|প্রিয়|ধন্যবাদ|(?P<respect>শ্রীমতী|শ্রী))(?![\u0980-\u09ff])",
    # Amharic: hello, dear, thank you ("ሰላም አበበ፣", "ውድ ትዕግስት፣").
    "ethiopic": r"(?<![\u1200-\u135f])(?:ሰላም|ውድ|ጤና[ \t]+ይስጥልኝ|አመሰግናለሁ|እናመሰግናለን)(?![\u1200-\u135f])",
}
_UNCASED_GREETING_CUES = {
    script: re.compile(rf"{cue}[ \t]*[,،!:፣]?[ \t]*\n?[ \t]*") for script, cue in _UNCASED_GREETINGS.items()
}
# Thanks and sign-offs, a comma after them, then one or two words that end the text: a signature though no list holds
# it ("شكراً، منى", "בברכה, איתי"); not a team, a department or what thanks are for ("مع تحياتي، فريق الدعم", "בברכה,
# צוות התמיכה", "תודה לכולם").
_THANKS_AND_A_COMMA = re.compile(
    r"(?:(?<![\u0621-\u06ff])(?:شکریہ|شكريه|شكراً|شكرا|مع[ \t]+(?:التحية|تحياتي)|تحياتي|ممنون)(?![\u0621-\u06ff])"
    r"|(?<![\u05d0-\u05ea])(?:תודה|בברכה)(?![\u05d0-\u05ea])|(?<![\u0900-\u097f])धन्यवाद(?![\u0900-\u097f])"
    r"|(?<![\u0980-\u09ff])ধন্যবাদ(?![\u0980-\u09ff])"
    # Amharic: thank you, with greetings ("ከሰላምታ ጋር፣ ሄኖክ").
    r"|(?<![\u1200-\u135f])(?:አመሰግናለሁ|እናመሰግናለን|ከሰላምታ[ \t]+ጋር)(?![\u1200-\u135f]))[ \t]*[,،፣][ \t]*\n?[ \t]*"
)
_TEXT_ENDS = re.compile(r"[ \t.!۔।።]*$")
# What thanks and greetings end a text with that is no name: "شكراً جزيلاً" (thanks a lot), "أهلاً وسهلاً" (welcome),
# "תודה לכולם" (thanks, everyone), "תודה מראש" (in advance), "धन्यवाद आपका".
_WORDS_AFTER_THANKS = frozenset(
    ("جزيلا", "جزيلاً", "جزيل", "لكم", "لك", "للجميع", "مقدما", "مقدماً", "وسهلا", "وسهلاً", "بكم", "بك", "لطفا", "زیاد",
     "לכולם", "מראש", "לך", "לכם", "רבה", "आपका", "आपको", "सबको", "জি", "আপনাকে", "दोस्तों", "मित्रों", "जी", "सर",
     "ग्राहक", "साहब", "সবাইকে", "গ্রাহক", "רב", "עליכם", "عليكم", "دوستان", "فراوان",
     # Whom a greeting calls that is no one's name: friends, dear, everyone, a team, brother, sister, members, sir,
     # madam, support, a teacher; plurals of Hindi vocatives ("सदस्यों").
     "صديقي", "صديقتي", "حبيبي", "الجميع", "بالجميع", "חברים", "צוות", "दोस्त", "दोस्तों", "टीम", "সবাই", "বন্ধু", "টিম",
     "দাদা", "দিদি", "ভাইয়া", "আপু", "বন্ধুরা", "ম্যাডাম", "সদস্য", "मैडम", "भैया", "दीदी", "साथियों", "सभी",
     "सदस्यों", "ग्राहकों", "پشتیبانی", "همگی", "همه", "قربان", "عزیزان", "أستاذ", "استاذ", "أستاذة", "استاذة", "دكتور",
     "دكتورة", "آقا", "خانم", "جناب", "مهندس", "دکتر", "سيدي", "سيدتي", "לקוח", "לקוחה", "לקוחות", "אדוני", "גברתי",
     "ደንበኛ", "ደንበኞች", "ወዳጆች", "ሁላችሁ", "ለሁላችሁ", "ሁላችሁም", "ጓደኞች", "ቤተሰብ", "ጌታዬ", "እመቤት", "ወንድሜ", "እህቴ", "ቡድን")
)  # fmt: skip
# The first words of a team or a department, and the prefixes of "for", "to", "the" and "in" that thanks take
# ("للمساعدة", "לצוות", "הנהלת").
_NOT_A_SIGNATURE = frozenset(
    ("فريق", "خدمة", "إدارة", "ادارة", "قسم", "مكتب", "شركة", "צוות", "מחלקת", "הנהלת", "שירות", "टीम", "विभाग",
     "সাপোর্ট", "টিম")
)  # fmt: skip
_PREFIXES_OF_NO_SIGNATURE = ("ل", "ال", "ב", "ל", "ה")
# What follows "يا" or a greeting that is no name, and the wishes of a card's last line: "يا جماعة", "يا صباح الخير",
# "رمضان كريم", "عيد مبارك" (Ramadan, Sabah, Karim and Mubarak are given names too).
_ARABIC_WORDS_OF_GREETINGS_AND_WISHES = frozenset(
    _arabic_as_one(word)
    for word in ("صباح", "مساء", "جماعة", "رب", "شباب", "رمضان", "عيد", "جمعة", "كريم", "مبارك", "مباركة", "الخير",
                 "النور", "سعيد", "سعيدة", "طيبة")
)  # fmt: skip
_AMHARIC_TITLE = re.compile(r"(?<![\u1200-\u135f])(?:አቶ|ወ/ሮ|ወይዘሮ|ወ/ሪት|ወይዘሪት|ዶ/ር)[ \t]+")
_ETHIOPIC_CLAUSE_ENDS = re.compile(r"[ \t]*(?:[፣።፤,.!?\n]|$)")


_CASED_PREPOSITION_AFTER = re.compile(r"[ \t]+(?:в|во|на|к|ко|с|со|за|от|до|для|у|о|об|σε|στο|στη|στην|για|με)[ \t]")
_VERB_AFTER_A_WORD = re.compile(r"[ \t]+(?:है|हैं|हूँ|हूं|था|थी|करता|करती|करते|करें|করি|করছি|করে|আছে|ছিল)(?![\u0900-\u09ff])")
# Who is said to be "named" ("בשם", also "on behalf of"): a rep, a young man or woman, someone, a customer.
_HEBREW_PERSON_BEFORE_NAMED = re.compile(r"(?:נציג|נציגה|בחור|בחורה|מישהו|מישהי|לקוח|לקוחה|שליח|טכנאי)[ \t]+בשם[ \t]+$")


def _named_after_a_person_in_hebrew(text: str, cue: re.Match[str], words: list[re.Match[str]]) -> int:
    """1 for a word no list holds after "בשם" (named) after a person's noun ("נציגה בשם אורית", a rep named Orit; not
    "מתקשר בשם אבא שלי", calling on behalf of my father); 0 elsewhere."""
    if (
        not words
        or cue.groupdict().get("kin") != "בשם"
        or _HEBREW_PERSON_BEFORE_NAMED.search(text, max(0, cue.start() - 8), cue.end()) is None
        or _is_no_name_of_the_script("hebrew", words[0].group())
        # (the article opens a thing: "בשם החברה", on behalf of the company)
        or words[0].group().startswith("ה")
    ):
        return 0
    return 1


def _greeted_or_signed_in_an_uncased_script(text: str) -> list[Span]:
    """Names after :data:`_UNCASED_GREETING_CUES` (a listed given name first, then the surnames the lists know, or in
    Arabic script a family's word: "الشمري"), a signature after :data:`_THANKS_AND_A_COMMA`, and the words after an
    Amharic title (:data:`_AMHARIC_TITLE`): up to two, to the clause's end when it comes sooner."""
    spans: list[Span] = []
    for thanks in _THANKS_AND_A_COMMA.finditer(text):
        script = _script_of(text[thanks.end() : thanks.end() + 1])
        if script not in _ALPHABETS or script in _CASED:
            continue
        words = _words_from(text, thanks.end(), script, 2)
        signature = words[: 2 if len(words) == 2 and _TEXT_ENDS.match(text, words[1].end()) else 1]
        if (
            signature
            and _TEXT_ENDS.match(text, signature[-1].end())
            and signature[0].group() not in _NOT_A_SIGNATURE
            and not signature[0].group().startswith(_PREFIXES_OF_NO_SIGNATURE)
            and not any(_is_no_name_of_the_script(script, word.group()) for word in signature)
        ):
            spans.append((signature[0].start(), signature[-1].end(), True))
    for script, cue in _UNCASED_GREETING_CUES.items():
        for match in cue.finditer(text):
            words = _words_from(text, match.end(), script, _MAX_WORDS[script])
            # Surnames only after the given name: "على" (on) is spelled as "علي" (Ali) once the letters are made one.
            count = (
                _words_of_a_listed_name(script, words, later=1)
                or _greeted_word_alone(text, script, match, words)
                or _named_after_a_person_in_hebrew(text, match, words)
            )
            if not count or any(_is_no_name_of_the_script(script, word.group()) for word in words[:count]):
                continue
            # A word after a greeting that a verb follows opens a sentence: "नमस्ते, आशा है कि ..." (I hope that),
            # "নমস্কার, আশা করি ..." (Asha is a given name, "hope" a word).
            if count == 1 and _VERB_AFTER_A_WORD.match(text, words[0].end()):
                continue
            if (
                script == "arabic"
                and count == 1
                and _arabic_as_one(words[0].group()) in _ARABIC_NAMES_THAT_ARE_ADJECTIVES
            ):
                continue
            # After a title or a word of kin, a listed given name's family name that no list holds: "श्रीमती कविता
            # अय्यर", "मेरी पत्नी अंजलि मेहरा".
            if (
                count == 1
                # (not in Hebrew, where a verb follows the name as often: "הלקוח חיים ביקש", the customer Chaim asked)
                and script != "hebrew"
                and (match.groupdict().get("kin") is not None or match.groupdict().get("respect") is not None)
                and _listed(script, words[0].group(), 0)
                and _family_name_no_list_holds(text, script, words)
            ):
                count = 2
            spans.append((words[0].start(), words[count - 1].end(), True))
    for introduced in _AMHARIC_I_AM.finditer(text):
        # A name and one's father's, as Ethiopia writes names, no stop word: not "እኔ በጣም ደስተኛ ነኝ" (I am very happy).
        name_words = introduced.group("name").split()
        if len(name_words) == 2 and not any(
            _is_no_name_of_the_script("ethiopic", word) or word in _AMHARIC_WORDS_OF_WHAT_ONE_IS for word in name_words
        ):
            spans.append((*introduced.span("name"), True))
    for title in _AMHARIC_TITLE.finditer(text):
        words = _words_from(text, title.end(), "ethiopic", 2)
        if words and _ETHIOPIC_CLAUSE_ENDS.match(text, words[0].end()):
            words = words[:1]
        if words:
            spans.append((words[0].start(), words[-1].end(), True))
    return spans


# Words of respect after a given name: Bengali "ভাই" (brother), "আপা", "দি", "দা"; Hindi "जी", "भाई", "दीदी"; Urdu
# "صاحب", "بھائی"; "सर" and "স্যার" (sir).
_RESPECT_AFTER_A_NAME = frozenset(
    ("ভাই", "আপা", "আপু", "দি", "দা", "দিদি", "জি", "স্যার", "जी", "भाई", "दीदी", "सर", "साहब", "صاحب", "بھائی")
)
_ENDS_A_GREETING = re.compile(r"[ \t]*(?:[,،!:\n፣።]|$)")


def _greeted_word_alone(text: str, script: str, greeting: re.Match[str], words: list[re.Match[str]]) -> int:
    """1 where a greeting is followed by one word that no list holds, then a comma, "!", a line's end or a word of
    :data:`_RESPECT_AFTER_A_NAME` ("שלום רונית,", "ধন্যবাদ মিঠু আপা,", "प्रिय सुनीता जी"): whom the greeting is for.
    Not a kin's word (whom "my husband" names needs the lists), nor a stop word or a greeting's, thanks' or wish's
    word ("שלום לכולם,", "שלום רב,")."""
    if (
        not words
        or greeting.groupdict().get("kin") is not None
        or len(words[0].group()) < 2
        or words[0].group().startswith(_PREFIXES_OF_NO_SIGNATURE)
    ):
        return 0
    if words[0].group() in _RESPECT_AFTER_A_NAME:
        return 0
    respected = len(words) > 1 and words[1].group() in _RESPECT_AFTER_A_NAME
    return 1 if respected or _ENDS_A_GREETING.match(text, words[0].end()) is not None else 0


def _is_no_name_of_the_script(script: str, word: str) -> bool:
    """True for a stop word of the script's languages, what thanks end with, or a greeting's or a wish's word."""
    return (
        word in _stop_words_of_script(script)
        or word in _WORDS_AFTER_THANKS
        or (script == "arabic" and _arabic_as_one(word) in _ARABIC_WORDS_OF_GREETINGS_AND_WISHES)
    )


# In Cyrillic and Greek: a given name of the lists opening the text before a comma and a greeting ("Тарас, добрий
# день!"), or alone (a capitalised word after it) signing the text at its end after a sentence's mark ("...
# телефонуйте. Оксана").
_GREETING_AFTER_A_NAME = re.compile(
    r"[ \t]*,[ \t]*(?i:добрий\s+день|добрый\s+день|доброго\s+дня|привіт|привет|вітаю|здравствуйте|здрастуйте"
    r"|доброе\s+утро|добрий\s+ранок|καλημέρα|γεια\s+σ(?:ας|ου)|καλησπέρα)"
)
_SIGNED_AT_THE_END = re.compile(
    r"(?:^|[.!?…]\s+|\n\s*)(?P<name>[А-ЯЁІЇЄҐΑ-ΩΆ-Ώ][\w'’-]+(?:[ \t]+[А-ЯЁІЇЄҐΑ-ΩΆ-Ώ][\w'’-]+)?)[ \t.!]*$"
)


_LAST_LINE_OF_A_MESSAGE = re.compile(r"\n[ \t]*(?P<name>\S+(?:[ \t]\S+)?)[ \t.!]*$")


def _signed_on_the_last_line(text: str) -> list[Span]:
    """A given name of the lists in a script with no capitals, and a word more, alone on a message's last line: its
    signature: a line of Arabic, Urdu or Hebrew letters after the message."""
    last = _LAST_LINE_OF_A_MESSAGE.search(text, max(0, len(text) - 60))
    if last is None or not text[: last.start()].strip():
        return []
    words = last.group("name").split()
    script = _script_of(words[0][0])
    if script is None or script in _CASED or script not in _ALPHABETS:
        return []
    # Not a wish on a card's last line: "رمضان كريم", "عيد مبارك", "صباح الخير".
    if (
        not all(_WORD_OF[script].fullmatch(word) for word in words)
        or not _listed(script, words[0], 0)
        or any(_is_no_name_of_the_script(script, word) for word in words)
    ):
        return []
    return [(*last.span("name"), True)]


def _cased_given_name_greeting_or_signing(text: str) -> list[Span]:
    """See :data:`_GREETING_AFTER_A_NAME` and :data:`_SIGNED_AT_THE_END`: the first word a listed given name."""
    spans: list[Span] = []
    first = re.match(r"\s*(?P<name>[А-ЯЁІЇЄҐΑ-ΩΆ-Ώ][\w'’-]+)", text)
    if first is not None:
        script = _script_of(first.group("name")[0])
        if (
            script in _CASED
            and _listed(script, first.group("name"), 0)
            and _GREETING_AFTER_A_NAME.match(text, first.end())
        ):
            spans.append((*first.span("name"), True))
    signed = _SIGNED_AT_THE_END.search(text)
    if signed is not None and signed.start("name") > 0:
        words = signed.group("name").split()
        script = _script_of(words[0][0])
        if script in _CASED and _listed(script, words[0], 0) and not words[0].isupper():
            spans.append((*signed.span("name"), True))
    return spans


_CHINESE_ROLES_AFTER_A_NAME = ("经理", "經理", "老师", "老師", "主任", "医生", "醫生", "律师", "律師", "总监", "總監")
# The last two characters of a Japanese firm's or office's name before "様".
_FIRMS_WORDS = frozenset(
    ("建設", "県庁", "商事", "銀行", "工業", "電気", "病院", "医院", "会社", "事務", "役所", "商店", "薬局", "保険",
     "証券", "運輸", "物流", "不動", "工務", "企画", "産業", "興業", "電機", "商会", "薬品", "食品", "建築", "設計",
     "市役", "支店")
)  # fmt: skip
_HONORIFIC_AFTER_A_NAME = re.compile(
    # After kana too, a particle that links a role or a place to the name or a verb's ending: "配達員の田中さん",
    # "対応してくださった山本さん" (_before_an_honorific reads it strictly there).
    rf"(?P<name>(?P<han>(?<![{_HAN}])"
    rf"[{_HAN}]{{1,4}}(?:[ \u3000][{_HAN}{_KANA}]{{1,4}})?)"
    rf"|(?<![{_HANGUL}])[{_HANGUL}](?:[ ]?[{_HANGUL}]{{2}}))[ \u3000]?(?P<honorific>{_HONORIFIC})"
)


def _merged(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end, announced in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), True)
        else:
            merged.append((start, end, announced))
    return merged
