"""``feedback-loop bench redaction``: recall per type, clean sentences altered, and texts/s, per tier."""

from __future__ import annotations

import time

from feedback_loop.privacy.corpus import generate_corpus, measure_redaction
from feedback_loop.privacy.redactor import TIERS, Redactor


def bench_redaction(sentences: int, seed: int, tiers: tuple[str, ...] = TIERS) -> dict:
    """The corpus figures of :func:`~feedback_loop.privacy.corpus.measure_redaction` for each tier, with the
    throughput on distinct texts (a fresh redactor, so the memo never helps; the model loaded beforehand,
    once per process, as ingestion does) and with every text sent a second time (what the memo gives)."""
    corpus = generate_corpus(sentences, seed)
    texts = [sentence.text for sentence in corpus]
    characters = sum(len(text) for text in texts)
    figures: dict = {"sentences": sentences, "seed": seed, "characters": characters, "tiers": {}}
    for tier in tiers:
        Redactor(tier).redact_many(["Warm-up: Dear Ana Souza, call +1 415 555 0123."])
        redactor = Redactor(tier)
        started = time.perf_counter()
        tier_figures = measure_redaction(corpus, redactor)
        seconds = time.perf_counter() - started
        started = time.perf_counter()
        redactor.redact_many(texts)
        repeated_seconds = time.perf_counter() - started
        tier_figures.update(
            seconds=seconds,
            texts_per_s=sentences / seconds,
            mb_per_s=characters / seconds / 1e6,
            repeated_texts_per_s=sentences / repeated_seconds,
        )
        figures["tiers"][tier] = tier_figures
    return figures
