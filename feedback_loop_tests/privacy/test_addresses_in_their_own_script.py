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
