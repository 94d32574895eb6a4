"""The slot world needs generalization, and is counted: intents, templates, distinct answers, held-out values,
a corpus without the answers, noisy feedback at the configured rates, determinism by seed."""

import random
import re
from collections import Counter
from datetime import date, timedelta

import pytest

from feedback_loop.simulate import FeedbackNoise, SlotWorld, make_world, simulate_day
from feedback_loop.simulate.slot_world import (
    FRAMES,
    HOLDING_REPLIES,
    KINDS,
    PROBE_FRAMES,
    SLOT_INTENTS,
    SLOT_INTENTS_BY_NAME,
    SLOT_SEGMENTS_BY_NAME,
    SLOT_VALUES,
    TIERS,
    hidden_segment_of,
    is_held_out,
    tier_of,
    value_role,
)

FIRST = date(2026, 3, 1)
DEMO_DAYS = [FIRST + timedelta(days=offset) for offset in range(3)]


def _traffic(world: SlotWorld, per_day: int = 2000) -> list:
    rng = random.Random("traffic")
    return [world.question(rng, day) for day in DEMO_DAYS for _ in range(per_day)]


def test_intents_templates_and_slots_are_counted():
    assert len(SLOT_INTENTS) >= 60 and len(SLOT_INTENTS_BY_NAME) == len(SLOT_INTENTS)
    assert len({intent.use_case for intent in SLOT_INTENTS}) >= 6
    traffic_frames = len(FRAMES) - len(PROBE_FRAMES)
    for intent in SLOT_INTENTS:
        assert intent.actions[0] != intent.actions[1]
        assert 2 * traffic_frames >= 8, intent.name
        # An answer carries only values its question gives.
        for template in (intent.answer, intent.paraphrase, intent.actions[1]):
            assert set(re.findall(r"\{(\w+)\}", template)) <= set(intent.slots), intent.name
    slots = {slot for intent in SLOT_INTENTS for slot in intent.slots}
    assert slots >= {"order", "product", "date", "amount", "plan"}


def test_three_days_of_demo_traffic_need_over_a_thousand_distinct_right_answers():
    world = SlotWorld(0, drift_from=DEMO_DAYS[1])
    questions = _traffic(world)
    assert len({question.right_answer() for question in questions}) >= 1000
    per_intent = Counter(question.intent for question in questions)
    templates = {(q.intent, re.sub(r"#\d+|\$\d+", "", q.prompt)) for q in questions}
    assert len(templates) > 8 * len(SLOT_INTENTS)
    assert len(per_intent) == len(SLOT_INTENTS)


def test_no_right_answer_is_in_the_pretraining_corpus():
    world = SlotWorld(0, drift_from=DEMO_DAYS[1])
    corpus = "\n".join(world.corpus)
    for question in _traffic(world, per_day=1000):
        assert question.right_answer("brief") not in corpus
        assert question.right_answer("detailed") not in corpus
        assert world.is_corpus_copy(question.right_answer()) is False


def test_no_answer_that_copies_a_traffic_question_s_values_is_a_corpus_text():
    """The corpus's transcripts carry only corpus values: a holding reply or another intent's answer with a traffic
    question's values copied in is the model's own text, never a corpus text word for word (the exact-copy
    counter)."""
    world = SlotWorld(0, drift_from=DEMO_DAYS[0])
    for question in _traffic(world, per_day=300):
        values = " and ".join(question.slots.values()) or "your request"
        copied = [reply.format(value=values) for reply in HOLDING_REPLIES]
        copied += [
            other.answer.format(**question.slots)
            for other in SLOT_INTENTS
            if other.slots and set(other.slots) <= set(question.slots)
        ]
        assert not [text for text in copied if world.is_corpus_copy(text)], question.prompt


def test_the_corpus_has_no_default_value_for_a_word_slot():
    """Each word slot's corpus values are many and none dominates, so a base model that does not copy the question's
    value has no corpus value to fall back on (docs/demo.md: with 2 cities and 2 plans, 21% of its answers were
    corpus texts)."""
    transcripts = [doc for doc in SlotWorld(0).pretraining_corpus(6000) if not doc.startswith("Case notes: ")]
    for slot in ("product", "city", "plan"):
        values = sorted(SLOT_VALUES[slot], key=len, reverse=True)
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, values)) + r")\b")
        used = Counter(value for document in transcripts for value in pattern.findall(document))
        assert len(used) >= 20, slot
        assert all(value_role(slot, value) == "corpus" for value in used), slot
        assert max(used.values()) < 0.1 * sum(used.values()), slot


def test_the_corpus_teaches_copying_and_the_world_has_a_base_model_recipe():
    from feedback_loop.model.base import BaseModelSpec
    from feedback_loop.train.lora import LoraSpec

    corpus = SlotWorld(0).pretraining_corpus(3000)
    notes = [document for document in corpus if document.startswith("Case notes: ")]
    assert 0.45 < len(notes) / len(corpus) < 0.55
    for note in notes:  # one to three values, listed three times
        listed = note.removeprefix("Case notes: ").split(". Checked ")[0]
        assert note == f"Case notes: {listed}. Checked {listed}. Closed {listed}."
        assert 1 <= len(listed.split(", ")) <= 3
    transcripts = [document for document in corpus if document not in notes]
    assert all(document.startswith("### User:") for document in transcripts)
    # The recipe is a valid base model spec (unknown fields are refused) and splits digits.
    spec = BaseModelSpec(**SlotWorld.base_model_overrides)
    assert spec.split_digits and spec.num_layers == 2
    # So is the adapters' recipe: a rank of at most the base model's width.
    adapter = LoraSpec(**SlotWorld.adapter_overrides["sft"])
    assert adapter.r <= spec.hidden_size and adapter.epochs > LoraSpec().epochs


def test_held_out_values_and_templates_appear_only_in_the_probe():
    world = SlotWorld(0, drift_from=DEMO_DAYS[0])
    traffic = _traffic(world, per_day=700)
    assert not any(is_held_out(slot, value) for q in traffic for slot, value in q.slots.items())
    probe = world.probe_questions(300)
    assert {q.intent for q in probe} == set(SLOT_INTENTS_BY_NAME)
    assert all(is_held_out(slot, value) for q in probe for slot, value in q.slots.items())
    probe_starts = {FRAMES[i].split("{")[0] for i in PROBE_FRAMES}
    assert all(any(q.prompt.startswith(start) for start in probe_starts) for q in probe)
    assert not any(q.prompt.startswith(start) for q in traffic for start in probe_starts)
    corpus = "\n".join(world.corpus)
    held_out_values = {value for q in probe for value in q.slots.values() if not value.startswith(("#", "$"))}
    assert held_out_values and not any(re.search(rf"\b{value}\b", corpus) for value in held_out_values)


def test_answers_are_judged_by_intent_values_and_style():
    world = SlotWorld(0)
    rng = random.Random(0)
    for intent in SLOT_INTENTS:
        question = world.ask(intent, rng)
        assert world.classify(question, question.right_answer("brief")) == "brief"
        assert world.classify(question, question.right_answer("detailed")) == "detailed"
        assert world.classify(question, intent.paraphrase.format(**question.slots)) == "brief"
        assert world.classify(question, "") == "nonsense"
        if intent.slots:
            assert world.classify(question, world.answer_of_kind(question, rng, "wrong_slot")[0]) == "wrong_slot"
        assert world.classify(question, world.answer_of_kind(question, rng, "wrong_intent")[0]) == "wrong_intent"
        # The base model's habit, a holding reply, is never a right answer.
        assert world.classify(question, world.canned(question, rng, None)[0]) not in ("brief", "detailed")


def test_the_tier_the_application_sees_correlates_with_the_hidden_segment():
    users = [f"sim-user-{index:04d}" for index in range(6000)]
    detailed = Counter(tier_of(user) for user in users if hidden_segment_of(user).name == "detailed")
    tiers = Counter(tier_of(user) for user in users)
    shares = {tier: detailed[tier] / tiers[tier] for tier in TIERS}
    assert shares["free"] < 0.3 < shares["plus"] < 0.7 < shares["business"]
    # A perfect responder beats any single style: each segment punishes the other style.
    world = SlotWorld(0)
    question = world.ask(SLOT_INTENTS[0], random.Random(0))
    ceiling = world.ceiling()
    probe_users = world.probe_users(2000)
    for kind in ("brief", "detailed"):
        expected = [world.expected_thumbs(question, question.right_answer(kind), user) for user in probe_users]
        assert sum(up for up, _ in expected) / sum(thumbs for _, thumbs in expected) < ceiling - 0.1
    perfect = [
        world.expected_thumbs(question, question.right_answer(world.segment_of(user).name), user)
        for user in probe_users
    ]
    assert sum(up for up, _ in perfect) / sum(thumbs for _, thumbs in perfect) == pytest.approx(ceiling)
    assert 0.5 < ceiling < 1.0


def test_new_intents_appear_from_the_drift_day_on():
    world = SlotWorld(0, drift_from=DEMO_DAYS[1])
    late = {intent.name for intent in SLOT_INTENTS if intent.late}
    rng = random.Random(1)
    before = {world.question(rng, DEMO_DAYS[0]).intent for _ in range(3000)}
    after = {world.question(rng, DEMO_DAYS[2]).intent for _ in range(3000)}
    assert late and not before & late and late <= after


@pytest.mark.parametrize(
    "noise", [FeedbackNoise(), FeedbackNoise(silent_share=0.2, thumb_flip_rate=0.3, wrong_correction_rate=0.4)]
)
def test_feedback_noise_rates_are_honoured(noise):
    world = SlotWorld(0, noise=noise)
    rng = random.Random(2)
    users = [f"user-{index}" for index in range(4000)]
    assert abs(sum(world.silent(user) for user in users) / len(users) - noise.silent_share) < 0.03
    speaking = [user for user in users if not world.silent(user) and world.segment_of(user).name == "brief"]
    question = world.ask(SLOT_INTENTS[0], rng)
    reaction = world.reaction(SLOT_SEGMENTS_BY_NAME["brief"], "brief")
    thumbs = Counter(world.feedback_signals(reaction, question, user, rng).get("thumb") for user in speaking * 4)
    up_share = thumbs["up"] / (thumbs["up"] + thumbs["down"])
    expected = (reaction.thumb_up * (1 - noise.thumb_flip_rate) + reaction.thumb_down * noise.thumb_flip_rate) / (
        reaction.thumb_up + reaction.thumb_down
    )
    assert abs(up_share - expected) < 0.03
    silent = [user for user in users if world.silent(user)]
    assert all(world.feedback_signals(reaction, question, user, rng) == {} for user in silent[:200])
    # Corrections: right (in the user's style), partial or wrong at the configured rates.
    kinds = Counter(
        world.classify(question, world.correction(question, SLOT_SEGMENTS_BY_NAME["brief"], rng)) for _ in range(4000)
    )
    wrong = (kinds["wrong_intent"] + kinds["wrong_slot"] + kinds["nonsense"]) / 4000
    bad_rate = noise.partial_correction_rate + noise.wrong_correction_rate
    assert abs(wrong - bad_rate) < 0.05, kinds
    assert kinds["brief"] / 4000 == pytest.approx(1 - bad_rate, abs=0.05)


@pytest.mark.parametrize(
    "noise", [FeedbackNoise(partial_correction_rate=1.0, wrong_correction_rate=0.0), FeedbackNoise(0.5, 0.1, 0.0, 1.0)]
)
def test_partial_and_wrong_corrections_are_never_right_answers_of_any_intent(noise):
    # Partial corrections of intents without slots were the whole answer, cut ones were judged right, and a
    # "wrong value" could be the question's own: 8-100% of them, by intent, were right answers.
    world = SlotWorld(0, noise=noise)
    rng = random.Random(3)
    right = Counter()
    for intent in SLOT_INTENTS:
        for _ in range(40):
            question = world.ask(intent, rng)
            kind = world.classify(question, world.correction(question, SLOT_SEGMENTS_BY_NAME["brief"], rng))
            right[intent.name] += kind in ("brief", "detailed")
    assert sum(right.values()) <= 2, right  # another intent's answer may, rarely, read as this one's


def test_an_answer_cut_short_is_not_a_right_answer():
    world = SlotWorld(0)
    rng = random.Random(0)
    for intent in SLOT_INTENTS:
        question = world.ask(intent, rng)
        kept = question.right_answer("brief").split()
        assert world.classify(question, " ".join(kept[: max(1, len(kept) // 2)])) not in ("brief", "detailed")


def test_a_thumb_flip_rate_above_one_half_is_refused():
    with pytest.raises(ValueError, match=r"thumb_flip_rate' must be at most 0\.5"):
        FeedbackNoise(thumb_flip_rate=0.6)


def test_a_simulated_day_is_determined_by_its_seed(tmp_path):
    def day(root, seed):
        world = make_world("slots", seed=0, drift_from=DEMO_DAYS[1])
        return simulate_day(
            tmp_path / root, DEMO_DAYS[0], 300, seed, world=world, canned_kinds={"brief": 1, "nonsense": 1}
        )

    first, again, other = day("a", 1), day("b", 1), day("c", 2)
    assert first.path.read_bytes() == again.path.read_bytes() != other.path.read_bytes()
    assert set(first.responses_by_kind) == set(KINDS) and first.interactions == 300
    assert set(first.by_segment) == {"brief", "detailed"}
    events = [line for line in first.path.read_text().splitlines() if '"interaction"' in line]
    assert all(any(f'"user_segment": "{tier}"' in line for tier in TIERS) for line in events)
    assert first.total.exact_copy_share == 0.0
    # The base model's habit (no canned kinds): holding replies, which are never right.
    base = simulate_day(tmp_path / "d", DEMO_DAYS[0], 300, 1, world=make_world("slots"))
    assert base.responses_by_kind["brief"] + base.responses_by_kind["detailed"] == 0
