"""Parts of street addresses that were left out: a landmark the address is given by, as Nigeria, Ghana, India and
Pakistan write it ("opposite Mobil filling station", "behind Zenith Bank"), a Philippine condominium's tower and
building ("Tower C, Zinnia Residences"), addresses written in lower case in chat ("flat 4, 27 marlborough road,
belfast"), and the parts written in their own script: a Japanese building's line with its floor or room, a Russian or
Ukrainian entrance and floor ("подъезд 3, этаж 5"). Clean sentences with the same words and numbers stay."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # A landmark between the parts, before them or after the street.
        (
            "Please courier the forms to Plot 9, opposite Mobil filling station, Ikorodu Road, Lagos.",
            "Please courier the forms to <ADDRESS>.",
        ),
        ("Our clinic: No. 27, behind Zenith Bank, Trans-Amadi Road, Port Harcourt.", "Our clinic: <ADDRESS>."),
        ("Address: Hse No. 31, near the Methodist Church, Dansoman, Accra.", "Address: <ADDRESS>."),
        ("Flat 502, C Wing, Ganga Apartments, opp. Big Bazaar, Kothrud, Pune 411038", "<ADDRESS>"),
        ("The tailor is at Shop 11, behind Saddar Market, Hyderabad Colony, Karachi.", "The tailor is at <ADDRESS>."),
        ("House 88, Street 14, near Faisal Mosque, Sector E-7, Islamabad", "<ADDRESS>"),
        ("beside the water tank, House 5, Street 3, F-11/1, Islamabad", "<ADDRESS>"),
        ("Door No. 12-3-45, opposite Municipal Office, Station Road, Vijayawada 520001", "<ADDRESS>"),
        ("Send it to 14 Awolowo Road, opposite Falomo Shopping Centre, Ikoyi, Lagos.", "Send it to <ADDRESS>."),
        ("Pickup point: Plot 3, opposite the NNPC depot, Kaduna Road, Zaria.", "Pickup point: <ADDRESS>."),
        # Philippine condominiums: the tower, the building, a street numbered by its ordinal and its corner.
        ("Unit 8D, Bellagio Tower, 5th Avenue corner 26th Street, Bonifacio Global City, Taguig", "<ADDRESS>"),
        ("Unit 1507 Tower C, Zinnia Residences, Sto. Domingo St., Balintawak, Quezon City 1106", "<ADDRESS>"),
        (
            "kindly send to Unit 22A, Tower 1, The Suites at Verdana, Rizal Drive, Fort Bonifacio, Taguig",
            "kindly send to <ADDRESS>",
        ),
        # Lower case, as chat writes it.
        ("i stay at house 12 street 9 gulistan-e-johar block 4 karachi", "i stay at <ADDRESS>"),
        ("ship to flat 4, 27 marlborough road, belfast", "ship to <ADDRESS>"),
        ("please send it to apt 3b, 210 queen street, brisbane thanks", "please send it to <ADDRESS> thanks"),
        ("deliver to plot 5, near the police post, ring road, ibadan", "deliver to <ADDRESS>"),
        ("my address is house 21 street 6 bahria town phase 4 islamabad", "my address is <ADDRESS>"),
        # A Japanese building's line, a Sapporo block by its row.
        ("〒530-0001 大阪府大阪市北区梅田2-4-9 ブリーゼタワー12階", "<ADDRESS>"),
        ("送付先：〒460-0008 愛知県名古屋市中区栄3-5-12 メゾン栄 302号室", "送付先：<ADDRESS>"),
        ("〒064-0801 札幌市中央区南1条西5-8 すすきのビル3階", "<ADDRESS>"),
        # A Russian and a Ukrainian entrance and floor.
        ("Адрес доставки: ул. Гагарина, д. 12, подъезд 3, этаж 5, кв. 48", "Адрес доставки: <ADDRESS>"),
        ("просп. Победы, д. 80, корп. 2, под. 1, эт. 9, кв. 112", "<ADDRESS>"),
        ("вул. Хрещатик, 15, під'їзд 2, поверх 4, кв. 17", "<ADDRESS>"),
    ],
)
def test_the_address_is_redacted_whole(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # Near-misses: the address is redacted, the sentence around it stays.
        ("ship to 27 marlborough road, thanks", "ship to <ADDRESS>, thanks"),
        ("東京都渋谷区神宮前1-2-3のビルは新しい。", "<ADDRESS>のビルは新しい。"),
        ("We met near where I work, 12 Baker Street, London.", "We met near where I work, <ADDRESS>."),
        # Clean sentences with the same words and numbers.
        ("We sat opposite the fountain, 3 of us, for hours.", None),
        ("Tower 3 in the board game is the hardest level.", None),
        ("Near 40 percent of homes, prices fell.", None),
        ("Plot 2, near the end, Season 3 changes everything.", None),
        ("Room 12, Tower 4 and the gym are closed today.", None),
        ("i moved 3 chairs to the back room, thanks", None),
        ("этаж 3 is where the gym is", None),
        ("House 5, near the river, Chapter 2 begins.", None),
    ],
)
def test_near_misses_keep_their_words(sentence: str, redacted: str | None) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == (redacted or sentence)


@pytest.mark.parametrize(
    ("inside_a_word", "alone"),
    [
        # A landmark's word inside a longer word ("Linear", "Takeoff") is no landmark: the part reads as its twin.
        ("Unit 4, Linear Market, Lahore", "Unit 4, Lunar Market, Lahore"),
        ("Unit 7, Takeoff Plaza, Karachi", "Unit 7, Takeout Plaza, Karachi"),
    ],
)
def test_a_landmarks_word_inside_a_longer_word_is_none(inside_a_word: str, alone: str) -> None:
    redactor = Redactor("patterns+ner")
    assert redactor.redact(inside_a_word).text.replace("Linear", "Lunar").replace("Takeoff", "Takeout") == (
        redactor.redact(alone).text
    )
