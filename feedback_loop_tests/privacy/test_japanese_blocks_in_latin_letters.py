"""Japanese blocks in Latin letters after their district ("Sakae 3-5-12, Naka-ku") or with the word "chome" ("4
chome-2-8 shibakoen"), with no word announcing them; a score stays."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


def _redacted(sentence: str) -> str:
    return Redactor("patterns+ner").redact(sentence).text


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        ("Our Nagoya office: Sakae 3-5-12, Naka-ku, Nagoya 460-0008", "Our Nagoya office: <ADDRESS>"),
        ("Visit 4 chome-2-8 shibakoen minato city tokyo 105-0011 for the tower", "Visit <ADDRESS> for the tower"),
        ("The café on 1-chome-9 Tenjin, Chuo Ward, Fukuoka is closed", "The café on <ADDRESS> is closed"),
    ],
)
def test_a_japanese_block_after_its_district_or_with_chome(sentence: str, redacted: str) -> None:
    assert _redacted(sentence) == redacted


@pytest.mark.parametrize(
    "sentence",
    ["Final score Arsenal 2-1, Leicester City won the other", "We beat them 3-1-2, Manchester City fans"],
)
def test_a_score_before_a_city_stays(sentence: str) -> None:
    assert _redacted(sentence) == sentence
