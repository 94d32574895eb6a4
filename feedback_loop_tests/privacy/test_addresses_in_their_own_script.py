"""Addresses written in their own script (addr17): Russian and Ukrainian in Cyrillic, with the postcode and town
first or last; Japanese and Chinese from the largest place to the house, with no space between the words."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Отправьте на 620014, г. Екатеринбург, ул. Малышева, д. 36, кв. 101.", "Отправьте на <ADDRESS>."),
        ("Офис: Ленинградское шоссе, д. 16, Москва", "Офис: <ADDRESS>"),
        ("Адреса: вул. Хрещатик, 22, кв. 5, Київ, 01001", "Адреса: <ADDRESS>"),
        ("お届け先：〒530-0001 大阪府大阪市北区梅田3丁目1番1号", "お届け先：<ADDRESS>"),
        ("本社は東京都港区六本木6-10-1にあります。", "本社は<ADDRESS>にあります。"),
        ("寄到北京市朝阳区建国路88号3号楼1202室，谢谢。", "寄到<ADDRESS>，谢谢。"),
        ("地址：台北市信義區信義路五段7號", "地址：<ADDRESS>"),
    ],
)
def test_cyrillic_japanese_and_chinese_addresses(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    "sentence",
    [
        "Это было 12 мая, на стр. 7 написано ул. это сокращение.",
        "Мы обсудили пер. 3 и пл. 5 в отчёте.",
        "请看频道3号节目，版本2.3。",
        "市场部3-5月的报告，第2号文件。",
        "会議は3月5日、区役所で10-12時。",
        "第3章第2節の内容、2019-2021年の結果。",
    ],
)
def test_numbers_in_these_scripts_with_no_address_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


# Greek, Hebrew, Arabic and Persian, Korean and Thai addresses: the script's street word, the house's number, and
# the flat, town and postcode after it in the same script.
@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Στείλτε το στη διεύθυνση Λεωφόρος Κηφισίας 220, 152 31 Χαλάνδρι", "Στείλτε το στη διεύθυνση <ADDRESS>"),
        ("Έδρα: Οδός Αθηνάς 8, Όροφος 2, 3041 Λεμεσός", "Έδρα: <ADDRESS>"),
        ("Το κατάστημα είναι στην Τσιμισκή 43, 546 23 Θεσσαλονίκη.", "Το κατάστημα είναι στην <ADDRESS>."),
        ("כתובת למשלוח: שדרות בן גוריון 40, קומה 2, חיפה 3303105", "כתובת למשלוח: <ADDRESS>"),
        ("אני גר ברחוב ויצמן 12, רעננה.", "אני גר ב<ADDRESS>."),
        ("عنوان التوصيل: حي النزهة، شارع الأمير سلطان، عمارة 17، جدة 23535", "عنوان التوصيل: <ADDRESS>"),
        ("المكتب في 22 شارع طلعت حرب، وسط البلد، القاهرة.", "المكتب في <ADDRESS>."),
        ("نشانی: اصفهان، خیابان چهارباغ، کوچه بهار، پلاک ۷", "نشانی: <ADDRESS>"),
        ("수령지: 경기도 성남시 분당구 판교역로 235, 3층", "수령지: <ADDRESS>"),
        ("ส่งที่ 12/3 ซอยลาดพร้าว 15 แขวงจอมพล เขตจตุจักร กรุงเทพฯ 10900 นะคะ", "ส่งที่ <ADDRESS> นะคะ"),
    ],
)
def test_greek_hebrew_arabic_korean_and_thai_addresses(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


# A street named without a number, prices, dates and order numbers in those scripts.
@pytest.mark.parametrize(
    "sentence",
    [
        "Η Λεωφόρος Κηφισίας έχει κίνηση μετά τις 8.",
        "Η παραγγελία 7710 κοστίζει 19,90 € και φτάνει στις 4 Ιουνίου.",
        "Στις 5 Μαΐου 2024, 120 άτομα ήρθαν στη συναυλία.",
        "Κεφάλαιο 3, 2019 Έκδοση Δεύτερη.",
        "שדרות בן גוריון סגורות עד 11 בבוקר.",
        "ההזמנה 55120 תגיע ב-3 ביוני, מחיר 75 ₪.",
        "شارع الأمير سلطان مزدحم بعد الساعة 5.",
        "الطلب رقم 8812 بقيمة 99 ريال، مبنى الإدارة مغلق.",
        "خیابان چهارباغ ساعت ۹ شلوغ است.",
        "판교역로는 출근 시간에 막힙니다. 주문번호 44120, 3개 배송.",
        "ถนนลาดพร้าว รถติดมากตอน 8 โมง ราคา 250 บาท",
    ],
)
def test_streets_without_a_house_and_numbers_in_those_scripts_stay(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence
