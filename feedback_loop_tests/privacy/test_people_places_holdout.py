"""PERSON, ADDRESS and clean sentences on the third hold-out (holdout_people_places.py), measured, not tuned to.

First measurement, before the tier split and the name work it was written for (patterns+ner): PERSON 79 of 100,
ADDRESS 41 of 48, 11 of 40 clean sentences altered. After it: PERSON 86, ADDRESS 48, 7 clean sentences altered.
After the third round (names no list knows where a person's name stands, transliterated name lists, names used as
things' names; tuned on dev_people_corpus.py, measured here once at its end): PERSON 89, ADDRESS 48, 5 clean
sentences altered. In the fourth round (the PII model, tuned on dev_people_corpus.py and dev_people_corpus_2.py, by an
engineer who did not read this file's sentences nor its misses), measured twice: after its full names, PERSON 91,
ADDRESS 48, 5 clean sentences altered; at its end, with given names alone and initials, PERSON 97, ADDRESS 48, 8
clean sentences altered.
The same engineer wrote this file and then the address patterns: the street words of the languages added
(Catalan, Polish, Norwegian, Hungarian, Japanese blocks, streets without a street word) are general, but cover
formats this file holds, so its ADDRESS figure is not fully out of sample. No name or company rule was written
from its sentences; its clean sentences are companies named after people, on purpose.
In the fifth round (products and software named like people, tuned on the three development sets by an engineer who
did not open this file), measured once at its end: PERSON 97, ADDRESS 48, 6 clean sentences altered.
In the sixth round (brands, products and stores named like people, tuned on the four development sets by an engineer
who did not read this file's clean sentences), measured once at its end: PERSON 97, ADDRESS 48, 5 clean sentences
altered.
In the seventh round (names as forms and e-mails write them: capitals, surname first, fields, given names alone; tuned
on dev_forms_corpus.py and dev_people_corpus_2.py by an engineer who did not read this file), measured by a script
that printed only totals, twice (before and after fixes found on real HaluEval text, not here), the same both times:
PERSON 100, ADDRESS 48, 5 clean sentences altered.
In the ninth round (brands, a third pass, tuned on the development sets by an engineer who did not open this file),
measured once at its end by a script that printed only totals: PERSON 100, ADDRESS 48, 5 clean sentences altered.
"""

from __future__ import annotations

from feedback_loop.privacy import Redactor
from feedback_loop.privacy.corpus import measure_redaction
from feedback_loop_tests.privacy.holdout_people_places import generate_people_places_holdout

# (redacted, planted), patterns+ner
MEASURED = {"PERSON": (100, 100), "ADDRESS": (48, 48)}
MEASURED_CLEAN_ALTERED = (5, 40)


def test_people_and_places_keep_their_measurement() -> None:
    figures = measure_redaction(generate_people_places_holdout(), Redactor("patterns+ner"))

    for kind, (found, planted) in MEASURED.items():
        assert figures["per_type"][kind]["planted"] == planted
        assert figures["per_type"][kind]["redacted"] >= found, (kind, figures["misses"])
    assert figures["clean_sentences"] == MEASURED_CLEAN_ALTERED[1]
    assert figures["clean_altered"] <= MEASURED_CLEAN_ALTERED[0], figures["altered_clean_examples"]
