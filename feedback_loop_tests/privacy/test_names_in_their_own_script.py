"""Person names written in their own script (native_names): a form's field in its language, a given name and a
surname of the name lists, the name in brackets after its Latin spelling, Chinese, Japanese and Korean names before
an honorific. Each name is written in brackets; the redaction is the sentence with each bracketed name a
``<PERSON>``."""

import re

import pytest

from feedback_loop.privacy.redactor import Redactor

_NAMES = [
    # Fields in each language.
    "Получатель: [Ирина Соколова]\nТелефон скрыт",
    "Заявник: [Тарас Бондаренко], просить довідку.",
    "Αιτών: [Νίκος Αλεξίου]",
    "שם הלקוח: [יוסי כהן]\nסטטוס: פתוח",
    "اسم المريض: [خالد سعيد الشمري]\nالقسم: الطوارئ",
    "نام و نام خانوادگی: [علی رضایی]",
    "ชื่อ-นามสกุล: [สมชาย ใจดี]\nเบอร์โทร: ซ่อน",
    "收件人：[陈静]，电话已隐藏",
    "氏名：[佐藤 健一]\n年齢：34",
    "예약자: [김민준]\n인원: 3명",
    # Given names and surnames of the lists.
    "Вчера [Анна Кузнецова] оплатила счёт.",
    "Η κυρία [Ελένη Νικολάου] ζήτησε επιστροφή χρημάτων.",
    "הפגישה עם [דוד לוי] נדחתה ליום ראשון.",
    # In brackets after the Latin spelling.
    "The visa letter for [Wang Fang] ([王芳]) is ready for pickup.",
    "[Kim Ji-woo] ([김지우]) joined the night shift.",
    "[Somchai Jaidee] ([สมชาย ใจดี]) asked for an earlier flight.",
    "[Reza Karimi] ([رضا کریمی]) signed the lease.",
    "[Sofia Orlova] ([София Орлова]) will present first.",
    # After a title, a greeting or a sign-off.
    "Уважаемая госпожа [Лебедева], ваш талон готов.",
    "Добрый вечер, [Мария]! Столик забронирован.",
    "З повагою,\n[Оксана Ткаченко]",
    "Η κα [Παπαδοπούλου] θα σας ενημερώσει αύριο.",
    "Ευχαριστώ, [Δημήτρης]!",
    "เรียน นางสาว[ดวงสมร] ขอบคุณที่ใช้บริการ",
    "ผู้ส่ง นาย[พิพิธธน วิลาสินี] โทรมาแล้ว",
    # Before an honorific.
    "[佐藤]様、ご予約ありがとうございます。",
    "[이지은]님, 예약이 확인되었습니다.",
    "[李明]先生，您的包裹已送达。",
]

# Ordinary text in those scripts: orders, dates, prices, places, a street without a number, titles of no one.
_CLEAN = [
    "Заказ № 77120 от 03.04.2025 на сумму 1 290 ₽ доставлен.",
    "Имя: не указано",
    "Кафе на Невском проспекте открывается в 9:00.",
    "Η Αγία Σοφία είναι κλειστή τη Δευτέρα.",
    "Η παράδοση της παραγγελίας 9931 έγινε στις 2 Απριλίου.",
    "המשלוח מספר 55120 יגיע ביום חמישי, עלות 89 ₪.",
    "شكرا لك، تم شحن الطلب رقم 7781 بقيمة 120 ريال.",
    "سفارش شماره ۷۷۸۱ فردا تحویل داده می‌شود.",
    "คำสั่งซื้อหมายเลข 7781 ราคา 990 บาท จะส่งพรุ่งนี้",
    "华为和小米都发布了新手机，价格是 3999 元。",
    "お客様、担当者様にお伝えください。社長さんは不在です。",
    "고객님, 주문번호 7781 상품이 발송되었습니다. 선생님께 감사드립니다.",
    "Добрый вечер, Друзья! Начало в 19:00.",
    "Спасибо, Санкт-Петербург!",
    "Καλησπέρα Θεσσαλονίκη! Η συναυλία ξεκινά στις 9.",
    "คุณสามารถติดต่อเราได้ที่เบอร์ 1234",
    "New York (纽约) and Hong Kong (香港) are both on the route.",
    "The Islamic Republic (جمهوری اسلامی) held elections.",
]


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor("patterns+ner")


@pytest.mark.parametrize("marked", _NAMES)
def test_names_in_their_own_script_are_redacted(redactor: Redactor, marked: str) -> None:
    text = marked.replace("[", "").replace("]", "")
    assert redactor.redact(text).text == re.sub(r"\[[^]]*\]", "<PERSON>", marked)


@pytest.mark.parametrize("sentence", _CLEAN)
def test_ordinary_text_in_those_scripts_stays(redactor: Redactor, sentence: str) -> None:
    assert redactor.redact(sentence).text == sentence
