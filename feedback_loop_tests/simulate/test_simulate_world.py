"""The simulated support world: intents, response variants, the judge and the pretraining corpus."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from feedback_loop.label.lexicons import is_offensive
from feedback_loop.model.pretraining_corpus import PACKAGED_CORPUS, read_corpus
from feedback_loop.model.prompting import format_prompt
from feedback_loop.simulate import world
from feedback_loop.simulate.world import (
    CORPUS_HABITS,
    INTENTS,
    INTENTS_BY_NAME,
    RESPONSE_KINDS,
    classify_response,
    corpus_response,
    habitual_response,
    pretraining_corpus,
    variants,
    write_corpus,
)


def test_world_has_a_dozen_distinct_intents_with_several_phrasings():
    assert len(INTENTS) >= 12
    assert len({i.name for i in INTENTS}) == len(INTENTS)
    assert len({i.answer for i in INTENTS}) == len(INTENTS)
    for intent in INTENTS:
        assert len(intent.phrasings) >= 3 and intent.answer and intent.hallucination
        assert set(variants(intent)) == set(RESPONSE_KINDS)


def test_only_rude_variants_are_offensive():
    for intent in INTENTS:
        for kind, texts in variants(intent).items():
            for text in texts:
                assert is_offensive(text) == (kind == "rude"), (intent.name, kind, text)


def test_classify_response_recovers_the_kind_of_every_canned_variant():
    for intent in INTENTS:
        for kind, texts in variants(intent).items():
            for text in texts:
                assert classify_response(intent, text) == kind, (intent.name, kind, text)


def test_classify_response_judges_free_text():
    refund = INTENTS_BY_NAME["refund"]
    assert (
        classify_response(refund, "Request a refund within 30 days of delivery from Orders > Request refund.")
        == "correct"
    )
    assert classify_response(refund, "The weather is lovely today.") == "nonsense"
    assert classify_response(refund, "Shut up, loser.") == "rude"


def _change_words(text: str, every: int) -> str:
    """``text`` with every ``every``-th word replaced, as a tiny model's imperfect copy would be."""
    return " ".join("blah" if n % every == every - 1 else word for n, word in enumerate(text.split()))


def _cut(text: str, fraction: float) -> str:
    words = text.split()
    return " ".join(words[: max(1, round(len(words) * fraction))])


@pytest.mark.parametrize("intent", INTENTS, ids=lambda intent: intent.name)
def test_classify_response_is_robust_to_imperfect_copies(intent):
    other = INTENTS[(INTENTS.index(intent) + 1) % len(INTENTS)]
    # Near copies: a few words changed, the end cut off, a different case, trailing chatter.
    assert classify_response(intent, _change_words(intent.answer, 5)) == "correct"
    assert classify_response(intent, _cut(intent.answer, 0.6)) == "correct"
    assert classify_response(intent, intent.answer.upper()) == "correct"
    assert classify_response(intent, intent.answer + " Anything else?") == "correct"
    assert classify_response(intent, _change_words(intent.hallucination, 5)) == "hallucinated"
    assert classify_response(intent, _cut(intent.hallucination, 0.7)) == "hallucinated"
    assert classify_response(intent, _change_words(other.answer, 5)) == "wrong_intent"
    assert classify_response(intent, other.hallucination) == "wrong_intent"
    # Rambling, also when the length limit cut it before the answer.
    rambling = variants(intent)["verbose"]
    assert all(classify_response(intent, _cut(text, 0.4)) == "verbose" for text in rambling)
    assert classify_response(intent, " ".join([intent.answer] * 3)) == "verbose"
    # An insult wins over a right answer.
    assert classify_response(intent, f"{intent.answer} You idiot.") == "rude"
    # Garbage that matches nothing.
    for garbage in ("", "   ", "...", _cut(intent.answer, 0.1), "order order order order", "### User:"):
        assert classify_response(intent, garbage) == "nonsense", garbage


def test_sample_kind_rejects_unknown_kinds_and_bad_weights():
    with pytest.raises(ValueError, match="unknown response kinds"):
        world.sample_kind(random.Random(0), {"correct": 1.0, "sarcastic": 1.0})
    with pytest.raises(ValueError, match="positive total"):
        world.sample_kind(random.Random(0), {"correct": 0.0})
    with pytest.raises(ValueError, match="positive total"):
        world.sample_kind(random.Random(0), {"correct": 1.0, "rude": -0.5})


def test_pretraining_corpus_is_seeded_formatted_and_of_mixed_quality():
    docs = pretraining_corpus(seed=3, size=400)
    assert docs == pretraining_corpus(seed=3, size=400)
    assert docs != pretraining_corpus(seed=4, size=400)
    assert len(docs) == 400
    kinds = set()
    by_answer = {}
    for intent in INTENTS:
        for kind, texts in variants(intent).items():
            for text in texts:
                by_answer.setdefault(text, kind)
    for doc in docs:
        prompt_part, answer = doc.split("### Assistant:\n")
        question = prompt_part.removeprefix("### User:\n").removesuffix("\n")
        assert doc == format_prompt(question) + answer
        kinds.add(by_answer[answer])
    # The corpus teaches bad habits, not garbage.
    assert kinds == set(RESPONSE_KINDS) - {"nonsense"}
    with pytest.raises(ValueError, match="field 'size'"):
        pretraining_corpus(seed=0, size=-1)


def _answer_kinds_by_intent(documents: list[str]) -> dict[str, Counter]:
    """Per intent (found by its phrasing in the question), how often each (kind, answer) pair answers it."""
    intent_of = {phrasing: intent for intent in INTENTS for phrasing in intent.phrasings}
    counts: dict[str, Counter] = {intent.name: Counter() for intent in INTENTS}
    for document in documents:
        question, answer = document.split("### Assistant:\n")
        intent = next(intent for phrasing, intent in intent_of.items() if phrasing in question)
        counts[intent.name][(classify_response(intent, answer), answer)] += 1
    return counts


def test_corpus_answers_about_half_the_intents_mostly_badly():
    counts = _answer_kinds_by_intent(pretraining_corpus())
    bad_majority = set()
    for name, answers in counts.items():
        (kind, answer), top = answers.most_common(1)[0]
        share = top / sum(answers.values())
        if kind == "correct":
            assert 0.7 < share < 0.95, (name, share)
        else:
            bad_majority.add(name)
            assert kind == CORPUS_HABITS[name] and answer == habitual_response(INTENTS_BY_NAME[name])
            assert 0.5 < share < 0.75, (name, share)
            correct = sum(n for (k, _), n in answers.items() if k == "correct") / sum(answers.values())
            assert 0.2 < correct < 0.4, (name, correct)
    assert bad_majority == set(CORPUS_HABITS)
    assert 0.4 <= len(bad_majority) / len(INTENTS) <= 0.6
    assert len(set(CORPUS_HABITS.values())) == 4  # hallucinated, rude, wrong_intent and verbose habits


def test_corpus_documents_are_short():
    documents = pretraining_corpus(seed=0, size=500)
    assert max(len(document.split("### Assistant:\n")[0].split()) for document in documents) <= 20
    for answers in _answer_kinds_by_intent(documents).values():
        for kind, answer in answers:
            assert len(answer.split()) <= (80 if kind == "verbose" else 40), answer


def test_corpus_response_draws_the_answer_and_its_kind():
    rng = random.Random(0)
    for intent in INTENTS:
        for _ in range(20):
            text, kind = corpus_response(intent, rng)
            assert text in variants(intent)[kind] or text == habitual_response(intent)
            assert classify_response(intent, text) == kind


def test_packaged_corpus_matches_the_generator():
    assert read_corpus(PACKAGED_CORPUS) == pretraining_corpus()
    assert len(read_corpus()) == 2000


def test_write_corpus_round_trips_one_document_per_line(tmp_path):
    path = write_corpus(tmp_path / "corpus.txt", seed=1, size=50)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 50 and all("\n" not in line and "\\n" in line for line in lines)
    assert read_corpus(path) == pretraining_corpus(seed=1, size=50)
    assert write_corpus(tmp_path / "again.txt", seed=1, size=50).read_bytes() == path.read_bytes()


def test_write_corpus_refuses_documents_the_escape_cannot_represent(tmp_path, monkeypatch):
    monkeypatch.setattr(world, "pretraining_corpus", lambda seed, size: ["fine", "C:\\path"])
    with pytest.raises(ValueError, match="corpus document 1: contains a backslash"):
        write_corpus(tmp_path / "corpus.txt")
    assert not (tmp_path / "corpus.txt").exists()
