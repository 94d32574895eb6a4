"""Lexicon files: word and phrase entries as before, regular-expression entries (``re:``), and bad patterns."""

from __future__ import annotations

import pytest

from feedback_loop.label import lexicons
from feedback_loop.label.lexicons import PACKAGED, is_offensive, lexicon_entries, sentiment_score


def test_pattern_entries_match_as_written_and_case_insensitively(tmp_path):
    path = tmp_path / "offensive.txt"
    path.write_text("# team list\nbanana brain\nre: \\bidi+ots?\\b  # any number of i's\nre: (foo|bar)baz\n")
    assert lexicon_entries(path) == frozenset({"banana brain", r"re:\bidi+ots?\b", "re:(foo|bar)baz"})
    assert is_offensive("You IDIIIOTS.", path)
    assert is_offensive("xbarbaz", path)  # no word boundaries unless the pattern asks for them
    assert is_offensive("Only a Banana Brain asks.", path)
    assert not is_offensive("an idiotic plan", path)
    assert not is_offensive("banana brains", path)


def test_word_entries_keep_their_whole_word_matching():
    assert is_offensive("Shut up and listen")
    assert not is_offensive("a stupidity check")  # "stupid" matches whole words only
    assert sentiment_score("Not helpful at all") == -1.0  # the phrase wins over "helpful"
    assert sentiment_score("Thanks, great!") == 1.0
    assert sentiment_score("I read it on the train") == 0.0


def test_sentiment_patterns_count_for_their_own_list(tmp_path, monkeypatch):
    (tmp_path / "positive.txt").write_text("helpful\nre: \\bth(x|anx)\\b\n")
    (tmp_path / "negative.txt").write_text("not helpful\nre: \\bdoes ?n[o']?t work\\b\n")
    monkeypatch.setattr(lexicons, "PACKAGED", tmp_path)
    lexicons._sentiment_lexicons.cache_clear()
    try:
        assert sentiment_score("thx") == 1.0
        assert sentiment_score("It doesn't work") == -1.0
        assert sentiment_score("thanx, but it doesnt work and is not helpful") == pytest.approx(-1 / 3)
    finally:
        monkeypatch.undo()
        lexicons._sentiment_lexicons.cache_clear()  # so that later tests see the packaged lists again
    assert sentiment_score("thx") == 0.0


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("re: (unclosed", "not a valid regular expression"),
        ("re: a*", "matches the empty string"),
        ("re:", "matches the empty string"),
        ("re: (?P<name>x)", "defines named groups"),
        (r"re: (a)\1", "refers back to a numbered group"),
        ("re: (?i)abc", "cannot be combined"),
    ],
)
def test_a_bad_pattern_names_its_file_and_line(tmp_path, line, message):
    path = tmp_path / "offensive.txt"
    path.write_text(f"# header\nidiot\n{line}\n")
    with pytest.raises(ValueError, match=rf"offensive.txt:3: .*{message}"):
        lexicon_entries(path)


def test_the_packaged_lists_load():
    for name in ("offensive", "positive", "negative"):
        assert lexicon_entries(PACKAGED / f"{name}.txt")
