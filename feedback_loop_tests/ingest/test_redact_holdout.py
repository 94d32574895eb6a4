"""PII redaction measured out of sample, on a corpus written independently of the detectors' tuning corpus.

The target is recall >= 0.99 for every type and at most 1% of clean sentences altered. It is tested on seed 0,
whose misses guided the fixes, and on seed 7, which was not looked at before it was measured (2,400 sentences
each). A second test pins the figures measured on seed 0, so that a regression within the target still fails.
"""

from __future__ import annotations

import base64
import json
import re

import pytest

from feedback_loop.privacy.corpus import measure_redaction
from feedback_loop_tests.ingest.holdout_pii_corpus import (
    HOLDOUT_SENTENCES,
    TYPE_WEIGHTS,
    generate_holdout_corpus,
    iban_is_valid,
    luhn_check_digit,
    passes_luhn,
)

RECALL_TARGET = 0.99
CLEAN_ALTERED_TARGET = 0.01
# Seed 0 was studied to find the causes of the misses; seed 7 was first measured with the fixes in (no miss).
TARGET_SEEDS = (0, 7)
# A password said in words ("the password I use is ..."). The corpus still names the form "undocumented"
# (it was written before the redactor documented it); it counts in SECRET like every other form.
SPOKEN_PASSWORD_FORMAT = "SECRET/password-in-words (undocumented)"

# Measured on seed 0: (redacted, planted) per type, SECRET with the 21 passwords said in words.
MEASURED = {
    "EMAIL": (227, 227),
    "PHONE": (382, 382),
    "CARD": (244, 244),
    "IBAN": (215, 215),
    "IP": (251, 251),
    "SSN": (250, 250),
    "SECRET": (483, 483),
    "URL_CREDENTIALS": (235, 235),
}
MEASURED_SPOKEN_PASSWORDS = (21, 21)
MEASURED_CLEAN = (0, 848)  # (altered, clean sentences)

_IBAN_LENGTHS = {
    "DE": 22,
    "GB": 22,
    "FR": 27,
    "ES": 24,
    "IT": 27,
    "NL": 18,
    "BE": 16,
    "CH": 21,
    "AT": 20,
    "PL": 28,
    "PT": 25,
    "IE": 22,
    "BR": 29,
}
_CARD_PREFIXES = re.compile(r"4|5[1-5]|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)|3[47]|6011|64[4-9]|65")


@pytest.fixture(scope="module")
def corpus():
    return generate_holdout_corpus()


@pytest.fixture(scope="module")
def report(corpus):
    return measure_redaction(corpus)


def test_number_checks_agree_with_published_examples():
    assert passes_luhn("4111111111111111") and passes_luhn("378282246310005") and passes_luhn("6011111111111117")
    assert not passes_luhn("4111111111111112")
    assert luhn_check_digit("411111111111111") == "1"
    assert iban_is_valid("GB82 WEST 1234 5698 7654 32") and iban_is_valid("DE89370400440532013000")
    assert not iban_is_valid("GB82 WEST 1234 5698 7654 33")


def test_corpus_is_seeded_and_large_enough(corpus):
    assert len(corpus) == HOLDOUT_SENTENCES >= 2000
    assert generate_holdout_corpus(50, seed=3) == generate_holdout_corpus(50, seed=3)
    assert generate_holdout_corpus(50, seed=3) != generate_holdout_corpus(50, seed=4)
    assert sum(not sentence.planted for sentence in corpus) / len(corpus) >= 0.30
    planted = [identifier.kind for sentence in corpus for identifier in sentence.planted]
    assert min(planted.count(kind) for kind in TYPE_WEIGHTS) >= 200
    with pytest.raises(ValueError, match="n_sentences"):
        generate_holdout_corpus(0)


def test_every_planted_identifier_is_written_verbatim_and_valid(corpus):
    for sentence in corpus:
        for identifier in sentence.planted:
            # A value missing from its own sentence would count as redacted without the redactor doing anything.
            assert all(part in sentence.text for part in (identifier.value, *identifier.fragments)), identifier
            if identifier.kind == "CARD":
                digits = re.sub(r"[ -]", "", identifier.value)
                assert passes_luhn(digits) and _CARD_PREFIXES.match(digits), identifier
            elif identifier.kind == "IBAN":
                compact = identifier.value.replace(" ", "")
                assert iban_is_valid(compact) and len(compact) == _IBAN_LENGTHS[compact[:2]], identifier
            elif identifier.kind == "SSN":
                area, group, serial = (int(part) for part in re.split(r"[- ]", identifier.value))
                assert 1 <= area <= 899 and area != 666 and group >= 1 and serial >= 1, identifier
            elif identifier.kind == "PHONE":
                assert 9 <= len(re.sub(r"\D", "", identifier.value)) <= 15, identifier
            elif identifier.format == "jwt":
                header = identifier.value.split(".")[0]
                assert json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4)))["typ"] == "JWT"


@pytest.mark.parametrize("seed", TARGET_SEEDS)
def test_redactor_meets_recall_and_clean_targets_out_of_sample(seed, report):
    figures = report if seed == 0 else measure_redaction(generate_holdout_corpus(seed=seed))

    # The corpus plants the types of TYPE_WEIGHTS only; the redactor's other types have nothing to find here.
    recall = {kind: row["recall"] for kind, row in figures["per_type"].items() if kind in TYPE_WEIGHTS}
    assert set(recall) == set(TYPE_WEIGHTS) and None not in recall.values(), recall
    assert min(recall.values()) >= RECALL_TARGET, (recall, figures["misses"])
    assert figures["clean_altered_rate"] <= CLEAN_ALTERED_TARGET, figures["altered_clean_examples"]


def test_redactor_keeps_its_measured_out_of_sample_figures(report):
    for kind, (redacted, planted) in MEASURED.items():
        row = report["per_type"][kind]
        assert row["planted"] == planted, f"{kind}: the corpus changed; measure again and update MEASURED"
        assert row["redacted"] >= redacted, (kind, row, report["misses"])
    spoken = report["per_format"][SPOKEN_PASSWORD_FORMAT]
    assert (spoken["redacted"], spoken["planted"]) == MEASURED_SPOKEN_PASSWORDS, report["misses"]
    assert report["clean_sentences"] == MEASURED_CLEAN[1]
    assert report["clean_altered"] <= MEASURED_CLEAN[0], report["altered_clean_examples"]
