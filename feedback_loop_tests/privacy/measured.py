"""The development sets' figures, kept: each set's test asserts them with :func:`assert_keeps_measurement`."""

from __future__ import annotations

from feedback_loop.privacy import Redactor
from feedback_loop.privacy.corpus import measure_redaction


def assert_keeps_measurement(sentences: list, measured: dict[str, tuple[int, int]]) -> None:
    """``patterns+ner`` on ``sentences`` finds at least the measured mentions of each type ((found, planted) per
    type) and alters at most the measured clean sentences (``clean_altered``: (altered, clean))."""
    figures = measure_redaction(sentences, Redactor("patterns+ner"))

    for kind, (found, planted) in measured.items():
        if kind != "clean_altered":
            assert figures["per_type"][kind]["planted"] == planted
            assert figures["per_type"][kind]["redacted"] >= found, figures["misses"]
    altered, clean = measured["clean_altered"]
    assert figures["clean_sentences"] == clean
    assert figures["clean_altered"] <= altered, figures["altered_clean_examples"]
