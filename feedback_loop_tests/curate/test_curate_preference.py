"""Preference data: DPO pairs and KTO labels from planted telemetry, screening, the split, lengths and saving."""

from __future__ import annotations

import json

import pytest

from feedback_loop.curate.preference import PAIR_COLUMNS, build_preference_examples, save_preference_dataset
from feedback_loop.curate.sft import CurateSpec, build_sft_examples, normalise_text, split_score
from feedback_loop_tests.curate.label_rows import labels, row

# Only the planted prompt that SFT's small-set correction moves to eval ('Is it fast?') is held out; the split has
# its own tests.
SPEC = CurateSpec(eval_fraction=0.01)
PORT = "Which port does the service listen on?"
RESET = "How do I reset my router?"


def thumbed(interaction_id: str, prompt: str, response: str, minute: int, **fields) -> dict:
    """A thumb-down row labeled bad from that thumb (source explicit)."""
    return {**row(interaction_id, prompt, response=response, quality="bad", minute=minute), "thumb": "down", **fields}


def planted() -> list[dict]:
    return [
        # A correction: the user's answer over the response it replaced.
        row("corrected", PORT, response="It listens on port 80.", quality="bad", correction="Port 8080.", minute=1),
        # Liked and disliked responses to the same prompt (one with other whitespace).
        {**row("liked", RESET, response="Hold the reset button for ten seconds.", minute=2), "thumb": "up"},
        thumbed("disliked", f"  {RESET}", "Buy a new router.", minute=3),
        # The auto-labeler called it good (0.97), a person thumbed it down later: never chosen, but rejected.
        row("late_down", RESET, response="Unplug it forever.", source="model", confidence=0.97, minute=4),
        # Rated 1 of 5 while the model's label said good.
        {**row("rated", RESET, response="Ask a friend.", source="model", confidence=0.97, minute=5), "rating": 1},
        # A flagged response is never trained on, not even as the rejected side.
        thumbed("flagged", RESET, "Call 555-0100 now.", minute=6, flags=["pii"]),
        # A reviewer said good where someone else thumbed the same response down: the reviewer decides.
        row("reviewed", "Is it fast?", response="Yes.", source="human", confidence=1.0, minute=7),
        thumbed("disputed", "Is it fast?", "Yes.", minute=8),
        # Rated down, but no answer to pair it with: a KTO example only.
        thumbed("orphan", "Can I pay by cheque?", "No idea.", minute=9),
    ]


def build(rows=None, **kwargs):
    return build_preference_examples(labels(planted() if rows is None else rows), SPEC, **kwargs)


def test_pairs_are_corrections_and_liked_over_rated_down_answers_to_the_same_prompt():
    pairs = build(rated_down={"late_down"})["pairs"]
    found = {(e["chosen"], e["rejected"]): e for e in pairs.train + pairs.eval}
    assert sorted(found) == [
        ("Hold the reset button for ten seconds.", "Ask a friend."),
        ("Hold the reset button for ten seconds.", "Buy a new router."),
        ("Hold the reset button for ten seconds.", "Unplug it forever."),
        ("Port 8080.", "It listens on port 80."),
    ]
    assert found[("Port 8080.", "It listens on port 80.")]["pair_source"] == "correction"
    assert found[("Port 8080.", "It listens on port 80.")]["example_id"] == "corrected"
    assert found[("Hold the reset button for ten seconds.", "Buy a new router.")] == {
        "example_id": "liked>disliked",
        "system": "",
        "prompt": RESET,
        "chosen": "Hold the reset button for ten seconds.",
        "rejected": "Buy a new router.",
        "pair_source": "rating",
        "use_case": "support",
    }
    stats = pairs.stats
    assert (stats["pairs_from_corrections"], stats["pairs_from_ratings"]) == (1, 3)
    assert (stats["chosen"], stats["rejected"], stats["rejected_candidates"]) == (3, 5, 7)
    assert (stats["rejected_excluded_flagged"], stats["rejected_conflicting"]) == (1, 1)
    assert stats["by_pair_source"] == {"correction": 1, "rating": 3}
    assert (stats["train"], stats["eval"]) == (4, 0)


def test_every_correction_of_one_response_is_a_pair_also_after_it_was_rated_down():
    response = "You cannot cancel orders."
    rows = [
        thumbed("down", "How do I cancel my order?", response, minute=0),
        row(
            "fix_a", "How do I cancel my order?", response=response, quality="bad", correction="Open Orders.", minute=1
        ),
        row(
            "fix_b", "How do I cancel my order?", response=response, quality="bad", correction="Press Cancel.", minute=2
        ),
    ]
    built = build(rows)
    pairs = built["pairs"]
    # Only the first row of a response was kept: no correction pair here (it came from a rated-down row), and of
    # two corrections of one response only one.
    found = sorted((e["example_id"], e["chosen"], e["pair_source"]) for e in pairs.train + pairs.eval)
    assert [f for f in found if f[2] == "correction"] == [
        ("fix_a", "Open Orders.", "correction"),
        ("fix_b", "Press Cancel.", "correction"),
    ]
    assert pairs.stats["pairs_from_corrections"] == 2
    kto = built["kto"]
    assert [e["completion"] for e in kto.train + kto.eval if not e["label"]] == [response]  # one undesirable row


def test_kto_labels_liked_answers_true_and_rated_down_responses_false():
    kto = build(rated_down={"late_down"})["kto"]
    labelled = {(e["prompt"], e["completion"]): (e["label"], e["completion_source"]) for e in kto.train + kto.eval}
    assert labelled == {
        (PORT, "Port 8080."): (True, "correction"),
        (PORT, "It listens on port 80."): (False, "corrected"),
        (RESET, "Hold the reset button for ten seconds."): (True, "response"),
        (RESET, "Buy a new router."): (False, "rated_down"),
        (RESET, "Unplug it forever."): (False, "rated_down"),
        (RESET, "Ask a friend."): (False, "rated_down"),
        ("Is it fast?", "Yes."): (True, "response"),
        ("Can I pay by cheque?", "No idea."): (False, "rated_down"),
    }
    assert kto.stats["by_label"] == {"False": 5, "True": 3}
    assert kto.stats["by_completion_source"] == {"corrected": 1, "correction": 1, "rated_down": 4, "response": 2}


def test_answers_are_paired_only_after_the_same_system_text():
    free, business = "The user is on the free plan.", "The user is on the business plan."
    rows = [
        {**row("liked_free", RESET, response="Hold reset.", minute=1), "thumb": "up", "system": free},
        thumbed("disliked_business", RESET, "Hold the reset button, then wait for the light.", 2, system=business),
        thumbed("disliked_free", RESET, "Buy a new router.", 3, system=free),
        # The answer the free tier disliked, served to the business tier without a rating: not rejected there.
        {**row("unrated_business", RESET, response="Buy a new router.", quality="unknown", source="none", minute=4),
         "system": business},
        {**row("liked_business", RESET, response="Hold it, then wait for the light.", minute=5), "thumb": "up",
         "system": business},
    ]  # fmt: skip
    examples = build(rows)
    pairs = examples["pairs"].train + examples["pairs"].eval
    assert sorted((e["system"], e["chosen"], e["rejected"]) for e in pairs) == [
        (business, "Hold it, then wait for the light.", "Hold the reset button, then wait for the light."),
        (free, "Hold reset.", "Buy a new router."),
    ]
    kto = examples["kto"].train + examples["kto"].eval
    assert sorted((e["system"], e["completion"], e["label"]) for e in kto) == [
        (business, "Hold it, then wait for the light.", True),
        (business, "Hold the reset button, then wait for the light.", False),
        (free, "Buy a new router.", False),
        (free, "Hold reset.", True),
    ]
    assert examples["kto"].stats["system_text_known"] == 5


def test_a_model_labeled_response_a_human_rated_down_is_never_chosen_nor_a_good_completion():
    examples = build(rated_down={"late_down"})
    rated_down = {"Unplug it forever.", "Ask a friend.", "Buy a new router."}
    pairs, kto = examples["pairs"], examples["kto"]
    assert not {e["chosen"] for e in pairs.train + pairs.eval} & rated_down
    assert not {e["completion"] for e in kto.train + kto.eval if e["label"]} & rated_down
    # Without the late thumb down the model's label stands, and its response is chosen: the guard keeps it out.
    unguarded = build()["kto"]
    assert (RESET, "Unplug it forever.", True) in {(e["prompt"], e["completion"], e["label"]) for e in unguarded.train}


def test_the_split_follows_the_prompt_hash_so_no_sft_eval_prompt_is_trained_on():
    rows = []
    for k in range(60):
        prompt = f"Question number {k}?"
        rows += [row(f"good{k}", prompt, minute=2 * k), thumbed(f"bad{k}", prompt, f"Wrong {k}.", minute=2 * k + 1)]
    spec = CurateSpec(eval_fraction=0.3)
    examples = build_preference_examples(labels(rows), spec)
    sft_eval = {normalise_text(e["prompt"]) for e in build_sft_examples(labels(rows), spec).eval}
    for kind in ("pairs", "kto"):
        train, eval_ = examples[kind].train, examples[kind].eval
        assert train and eval_
        assert all(split_score(e["prompt"]) >= 0.3 for e in train)
        assert all(split_score(e["prompt"]) < 0.3 for e in eval_)
        assert not {normalise_text(e["prompt"]) for e in train} & sft_eval
    assert len(examples["pairs"].train + examples["pairs"].eval) == 60
    assert len(examples["kto"].train + examples["kto"].eval) == 120


def test_no_prompt_the_sft_dataset_evaluates_on_is_trained_on_whatever_the_preference_spec():
    rows = []
    for k in range(60):
        prompt = f"Question number {k}?"
        rows += [row(f"good{k}", prompt, minute=2 * k), thumbed(f"bad{k}", prompt, f"Wrong {k}.", minute=2 * k + 1)]
    # sft_dataset curated with eval_fraction 0.3, the preference sets with their own 0.1: 0.1-0.3 trained on here.
    sft_eval = [e["prompt"] for e in build_sft_examples(labels(rows), CurateSpec(eval_fraction=0.3)).eval]
    examples = build_preference_examples(labels(rows), CurateSpec(eval_fraction=0.1), evaluated_prompts=sft_eval)
    evaluated = {normalise_text(prompt) for prompt in sft_eval}
    for kind in ("pairs", "kto"):
        assert not {normalise_text(e["prompt"]) for e in examples[kind].train} & evaluated
        assert examples[kind].stats["moved_to_eval"] > 0


def test_a_prompt_is_on_the_side_the_sft_set_has_it_when_a_small_set_moves_it():
    """With a few prompts none of which scores into eval (an early loop), SFT's split moves one to eval, where the
    offline gate evaluates on it: the preference sets hold it out too, rather than train on it."""
    spec = CurateSpec()
    candidates = (f"Where is my order {k}?" for k in range(100))
    prompts = [prompt for prompt in candidates if split_score(prompt) >= spec.eval_fraction][:4]
    rows = []
    for k, prompt in enumerate(prompts):
        rows += [row(f"good{k}", prompt, minute=2 * k), thumbed(f"bad{k}", prompt, f"Wrong {k}.", minute=2 * k + 1)]

    def sides(examples) -> dict[str, str]:
        halves = (("train", examples.train), ("eval", examples.eval))
        return {normalise_text(e["prompt"]): side for side, half in halves for e in half}

    sft = sides(build_sft_examples(labels(rows), spec))
    assert sorted(sft.values()) == ["eval", "train", "train", "train"]
    examples = build_preference_examples(labels(rows), spec)
    for kind in ("pairs", "kto"):
        assert sides(examples[kind]) == sft, kind


def test_no_rejection_yet_gives_empty_sets_that_save_and_load(tmp_path):
    from feedback_loop.curate import load_sft_dataset

    examples = build([row("liked", RESET), row("other", PORT, minute=1)])
    assert examples["pairs"].train == examples["pairs"].eval == []
    assert examples["pairs"].stats["chosen"] == 2
    saved = save_preference_dataset(examples["pairs"], tmp_path, {"run": 1})
    assert saved.path == tmp_path / "pairs" / examples["pairs"].version
    loaded = load_sft_dataset(saved.path)
    assert (loaded["train"].num_rows, loaded["eval"].num_rows) == (0, 0)
    assert tuple(loaded["train"].column_names) == PAIR_COLUMNS


def test_saving_round_trips_is_idempotent_and_keeps_kto_labels_boolean(tmp_path):
    from feedback_loop.curate import load_sft_dataset

    kto = build(rated_down={"late_down"})["kto"]
    first = save_preference_dataset(kto, tmp_path, {"run": 1})
    again = save_preference_dataset(build(rated_down={"late_down"})["kto"], tmp_path, {"run": 2})
    assert again.path == first.path and again.metadata == first.metadata
    metadata = json.loads((first.path / "metadata.json").read_text())
    assert metadata["stats"]["by_label"] == {"False": 5, "True": 3}
    assert load_sft_dataset(first.path)["train"].to_list() == kto.train
    assert {type(e["label"]) for e in kto.train} == {bool}
    assert build()["kto"].version != kto.version


def test_a_poisoned_spec_and_bad_label_tables_are_refused():
    with pytest.raises(ValueError, match="target_quality must be 'good'"):
        build_preference_examples(labels(planted()), CurateSpec(target_quality="bad"))
    with pytest.raises(ValueError, match="appears more than once"):
        build([row("same", RESET), row("same", PORT)])
    with pytest.raises(ValueError, match="lack the columns"):
        build_preference_examples(labels(planted()).drop_columns(["correction"]))


def test_an_example_whose_completion_would_be_cut_is_dropped_and_counted():
    from feedback_loop.curate import TokenBudget
    from feedback_loop.model.base import train_tokenizer
    from feedback_loop_tests.model.tiny_models import support_corpus

    tokenizer = train_tokenizer(support_corpus(), 320, 64)
    rows = [*planted(), thumbed("long", RESET, " ".join(["the router ships on monday"] * 30), minute=20)]
    examples = build(rows, rated_down={"late_down"}, tokens=TokenBudget(tokenizer, context_length=64))
    pairs, kto = examples["pairs"], examples["kto"]
    assert pairs.stats["max_length"] == kto.stats["max_length"] == 64
    assert (pairs.stats["excluded_target_cut"], kto.stats["excluded_target_cut"]) == (1, 1)
    assert all("long" not in e["example_id"] for e in pairs.train + kto.train)
    assert (len(pairs.train + pairs.eval), len(kto.train + kto.eval)) == (4, 8)
