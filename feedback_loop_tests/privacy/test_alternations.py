"""by_first_letter: the same matches as the alternation it rewrites, each position tried only against the alternatives
that can start there."""

import re

import pytest

from feedback_loop.privacy import names, ner
from feedback_loop.privacy.alternations import by_first_letter
from feedback_loop.privacy.bench import event_texts

_ALTERNATIONS = [
    r"dear|d(?:r|x)|mr|(?:my|our)\s+x|s?he|[ab]c|x\|y|(?-i:pan)",
    r"hi|hello|hey|(?:good\s+)?morning|thank\s+you|thx|(?-i:Ben)|b(?:en)?|ş[ei]n",
    r"a|b",
    r"\bname|\bnama\s*:|(?:full|first)\s*name",
    r"[xy]z|\d+|q",
]
_TEXTS = [
    "Dear Mr Okafor, thank you. He said hi to my X and our x. Dr. Ng, dx. Pan Wei met pani Ewa and PAN.",
    "Good morning Ben, ben and BEN! hello? Hey: şen, Şin, abc, bc, x|y, xz yz 42 q Q",
    "Full name: Ana. First  name: Bo. Name: Cy. nama : Di. surname: Ed",
    "",
]


@pytest.mark.parametrize("alternation", _ALTERNATIONS)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_the_same_matches_as_the_alternation_it_rewrites(alternation, flags):
    plain = re.compile(rf"(?:{alternation})", flags)
    grouped = re.compile(rf"(?:{by_first_letter(alternation)})", flags)
    for text in _TEXTS:
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        for end in range(len(text) + 1):
            plain_before = re.compile(rf"(?:{alternation})\s*$", flags).search(text, 0, end)
            grouped_before = re.compile(rf"(?:{by_first_letter(alternation)})\s*$", flags).search(text, 0, end)
            assert (grouped_before and grouped_before.span()) == (plain_before and plain_before.span())


def test_a_position_is_tried_only_against_the_alternatives_of_its_letter():
    rewritten = by_first_letter(r"dear|mr|(?:my|our)\s+x|s?he")
    # "s?he" may start with "s" or "h": it is tried everywhere, in its place among the others.
    assert "(?=[dD])(?:dear|s?he)" in rewritten
    assert "(?=[mM])(?:mr|(?:my|our)\\s+x|s?he)" in rewritten
    assert "(?=[oO])(?:(?:my|our)\\s+x|s?he)" in rewritten
    assert rewritten.endswith("(?![dDmMoO])(?:s?he)")


def test_an_unclosed_group_is_refused():
    with pytest.raises(ValueError, match="unclosed group"):
        by_first_letter(r"(?:dear|mr")


def test_the_cue_patterns_find_what_their_plain_alternations_find_in_event_texts():
    """The name rules' cue patterns, rewritten, against their alternations as written, over the bench's texts."""
    texts = [
        *event_texts(400, 0)["texts"],
        *_TEXTS,
        "Regards,\nMy sister Amara and my name is Bo. Full name: Ana; cc Ravi",
    ]
    pairs = [
        (names._CUE_WORDS, rf"(?i)\b(?:{names._CUE_WORDS})\b\.?,?\s*$"),
        (names._STRONG_CUES, rf"(?i)\b(?:{names._STRONG_CUES})\s*$"),
        (f"{ner._VOCATIVES}|{names.FOREIGN_GREETINGS}", None),
    ]
    for alternation, anchored in pairs:
        plain = re.compile(rf"(?i)(?<![\w'’])(?:{alternation})")
        grouped = re.compile(rf"(?i)(?<![\w'’])(?:{by_first_letter(alternation)})")
        for text in texts:
            assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]
        if anchored is not None:
            plain_before = re.compile(anchored)
            grouped_before = re.compile(anchored.replace(alternation, by_first_letter(alternation)))
            for text in texts:
                for word in re.finditer(r"\b[A-Z]", text):
                    start = word.start()
                    assert bool(grouped_before.search(text, max(0, start - 48), start)) == bool(
                        plain_before.search(text, max(0, start - 48), start)
                    )
