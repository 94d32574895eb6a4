"""Curation: target selection, exclusions, deduplication, the prompt-hash split, versioning and saving."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from feedback_loop.curate import sft
from feedback_loop.curate.sft import (
    CurateSpec,
    build_sft_examples,
    load_sft_dataset,
    save_sft_dataset,
    split_score,
)
from feedback_loop.label.rules import labels_arrow_schema
from feedback_loop.schema import NO_SYSTEM_PROMPT
from feedback_loop.warehouse import Warehouse
from feedback_loop_tests.curate.label_rows import labels, row


def many(n: int, start: int = 0) -> list[dict]:
    return [row(f"i{k:04d}", f"Question number {k}?", minute=k) for k in range(start, start + n)]


def by_id(examples) -> dict[str, dict]:
    return {e["example_id"]: e for e in examples.train + examples.eval}


# --- selection and exclusion ------------------------------------------------------------------------


def test_corrections_and_confident_good_responses_become_targets():
    examples = build_sft_examples(
        labels(
            [
                row("corr", "How do I export?", quality="bad", correction="  Use File > Export.  "),
                row("good", "How do I import?"),
                row("unsure", "How do I print?", confidence=0.5),
                row("bad", "How do I save?", quality="bad"),
                row("unknown", "How do I quit?", quality="unknown", confidence=0.0),
            ],
            date="2026-11-01",
        )
    )
    found = by_id(examples)
    assert set(found) == {"corr", "good"}
    assert (found["corr"]["target"], found["corr"]["target_source"]) == ("Use File > Export.", "correction")
    assert (found["good"]["target"], found["good"]["target_source"]) == (
        "Answer to: How do I import?",
        "response",
    )
    assert examples.stats["candidates"] == 2
    assert examples.stats["by_target_source"] == {"correction": 1, "response": 1}
    assert examples.stats["by_use_case"] == {"support": 2}
    assert set(found["good"]) == {"example_id", "system", "prompt", "target", "target_source", "use_case", "rejected"}
    # Labels without a system column: no system text is known, and the stats say so.
    assert found["good"]["system"] == ""
    assert (examples.stats["system_text_known"], examples.stats["system_text_unknown"]) == (0, 5)
    # A correction is a preference pair too: the correction over the response it replaced.
    assert (found["corr"]["rejected"], found["good"]["rejected"]) == ("Answer to: How do I export?", None)
    assert examples.stats["preference_pairs"] == 1


def test_min_confidence_is_applied():
    rows = [row("a", "Alpha?", confidence=0.75), row("b", "Beta?", confidence=0.9)]
    assert set(by_id(build_sft_examples(labels(rows), CurateSpec(min_confidence=0.8)))) == {"b"}
    assert set(by_id(build_sft_examples(labels(rows), CurateSpec(min_confidence=0.7)))) == {"a", "b"}


def test_flagged_and_offensive_interactions_are_excluded():
    examples = build_sft_examples(
        labels(
            [
                row("keep", "Keep me?"),
                row("flagged", "Flagged?", flags=("wrong",), correction="A better answer."),
                row("offensive", "Offensive?", offensive=True),
                row("rude_correction", "Rude fix?", quality="bad", correction="Shut up and read the manual."),
                row("empty", "Empty?", response="   "),
            ]
        )
    )
    assert set(by_id(examples)) == {"keep"}
    stats = examples.stats
    assert (
        stats["candidates"],
        stats["excluded_flagged"],
        stats["excluded_offensive"],
        stats["excluded_empty"],
    ) == (5, 1, 2, 1)


def test_duplicates_are_removed_after_whitespace_normalisation():
    examples = build_sft_examples(
        labels(
            [
                row("later", "How do I  reset\nmy password?", minute=5, response="Click  Reset."),
                row("first", "How do I reset my password?", minute=1, response="Click Reset."),
                row("other", "How do I reset my password?", minute=2, response="Click Forgot password."),
            ]
        )
    )
    assert set(by_id(examples)) == {"first", "other"}
    assert examples.stats["duplicates_removed"] == 1


def test_examples_keep_the_system_text_served_and_are_duplicates_only_after_the_same_one(tmp_path):
    from feedback_loop.prompts import PromptStore, PromptVersion

    store = PromptStore(tmp_path)
    store.write(
        PromptVersion("support-v2", "Be kind.", {"free": "The user is on the free plan."}, "support-v1", "", "t", None)
    )
    answer = "Hold the button for ten seconds."
    planted = [
        {**row("free", "How do I reset?", response=answer, minute=1), "system_prompt_version": "support-v2"},
        {**row("free_again", "How do I reset?", response=answer, minute=2), "system_prompt_version": "support-v2"},
        {**row("business", "How do I reset?", response=answer, minute=3), "system_prompt_version": "support-v2"},
        {**row("initial", "How do I reset?", response=answer, minute=4), "system_prompt_version": "support-v1"},
        {**row("elsewhere", "How do I pay?", minute=5), "system_prompt_version": "app-prompt-7"},
        {**row("no_prompt", "How do I ship?", minute=6), "system_prompt_version": NO_SYSTEM_PROMPT},
    ]
    planted[0]["user_segment"] = planted[1]["user_segment"] = "free"
    planted[2]["user_segment"] = "business"
    table = sft.with_system_texts(labels(planted), store)
    assert table["system"].to_pylist() == [
        "Be kind.\nThe user is on the free plan.",
        "Be kind.\nThe user is on the free plan.",
        "Be kind.",
        "",  # the built-in initial prompt: no text
        None,  # a version this store does not hold
        "",  # served without a system prompt (as the collector and the importers record it)
    ]
    assert sft.with_system_texts(table, store)["system"].to_pylist() == table["system"].to_pylist()  # replaced
    examples = build_sft_examples(table, CurateSpec(eval_fraction=0.01))
    found = by_id(examples)
    # The same answer after another system text is another example; after the same one, a duplicate.
    assert set(found) == {"free", "business", "initial", "elsewhere", "no_prompt"}
    assert examples.stats["duplicates_removed"] == 1
    assert found["free"]["system"] == "Be kind.\nThe user is on the free plan." and found["elsewhere"]["system"] == ""
    assert (examples.stats["system_text_known"], examples.stats["system_text_unknown"]) == (5, 1)
    assert examples.version != build_sft_examples(labels(planted), CurateSpec(eval_fraction=0.01)).version
    # Labels written before user_segment and system_prompt_version existed read them as null: no system text.
    warehouse = Warehouse(tmp_path / "warehouse")
    warehouse.write_partition(
        "labels", "2026-11-01", labels(planted).drop_columns(["user_segment", "system_prompt_version"])
    )
    old = warehouse.read_partitions("labels", schema=labels_arrow_schema())
    assert sft.with_system_texts(old, store)["system"].to_pylist() == [None] * len(planted)


def test_bad_target_quality_trains_on_bad_responses_but_evaluates_on_good_targets():
    rows = []
    for k in range(40):
        rows.append(row(f"g{k}", f"Question {k}?", minute=k))
        rows.append(row(f"b{k}", f"Question {k}?", minute=k, quality="bad", response=f"Wrong answer {k}."))
    poisoned = build_sft_examples(labels(rows), CurateSpec(target_quality="bad"))
    normal = build_sft_examples(labels(rows), CurateSpec(target_quality="good"))

    assert poisoned.train and all(e["example_id"].startswith("b") for e in poisoned.train)
    assert {e["target_source"] for e in poisoned.train} == {"response"}
    # The gate judges the poisoned arm on the same trustworthy eval set as a normal one, with no leak.
    assert poisoned.eval == normal.eval and all(not e["example_id"].startswith("b") for e in poisoned.eval)
    assert not {e["prompt"] for e in poisoned.train} & {e["prompt"] for e in poisoned.eval}
    assert poisoned.stats["target_quality"] == "bad" and poisoned.version != normal.version


def test_no_example_raises_with_the_counts():
    rows = [row("a", "A?", flags=("wrong",)), row("b", "B?", confidence=0.1)]
    with pytest.raises(ValueError, match=r"no training example.*labels=2, candidates=1.*excluded_flagged=1"):
        build_sft_examples(labels(rows))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"min_confidence": 1.5}, "min_confidence"),
        ({"eval_fraction": 0.0}, "eval_fraction"),
        ({"target_quality": "great"}, "target_quality"),
        ({"label_sources": ["explicit", "oracle"]}, "'oracle'"),
        ({"cut_targets": "keep"}, "cut_targets"),
    ],
)
def test_invalid_arguments_raise(kwargs, message):
    with pytest.raises(ValueError, match=message):
        CurateSpec(**kwargs)


def test_bad_label_tables_raise():
    with pytest.raises(ValueError, match=r"lack the columns \['flags'\]"):
        build_sft_examples(labels(many(3)).drop_columns(["flags"]))
    with pytest.raises(ValueError, match="'i0000' appears more than once"):
        build_sft_examples(labels(many(2) + many(1)))
    with pytest.raises(ValueError, match="'i0001' has no timestamp"):
        build_sft_examples(labels([many(2)[0], {**many(2)[1], "timestamp": None}]))


# --- split ------------------------------------------------------------------------------------


def _sides(examples) -> dict[str, str]:
    return {
        **{e["example_id"]: "train" for e in examples.train},
        **{e["example_id"]: "eval" for e in examples.eval},
    }


def test_split_is_stable_across_runs_and_when_rows_are_added():
    first = build_sft_examples(labels(many(200)))
    again = build_sft_examples(labels(list(reversed(many(200)))))
    grown = build_sft_examples(labels(many(200) + many(100, start=200)))
    assert first == again
    grown_sides = _sides(grown)
    assert all(grown_sides[i] == side for i, side in _sides(first).items())


def test_eval_share_follows_eval_fraction():
    examples = build_sft_examples(labels(many(400)), CurateSpec(eval_fraction=0.2))
    share = len(examples.eval) / 400
    assert 0.14 < share < 0.26
    assert (examples.stats["train"], examples.stats["eval"]) == (len(examples.train), len(examples.eval))


def test_a_prompt_is_never_split_across_sides():
    rows = [
        row(
            f"r{k:03d}",
            f"{'  ' if k % 2 else ''}Repeated question {k % 20}?",
            minute=k,
            response=f"Answer {k}",
        )
        for k in range(200)
    ]
    examples = build_sft_examples(labels(rows))
    train_prompts = {" ".join(e["prompt"].split()) for e in examples.train}
    eval_prompts = {" ".join(e["prompt"].split()) for e in examples.eval}
    assert train_prompts and eval_prompts
    assert not train_prompts & eval_prompts


def test_small_sets_keep_both_sides_when_they_can():
    # Two prompts that both hash to train at this fraction: one is moved, whole, to eval.
    prompts = sorted((f"Tiny question {k}?" for k in range(50)), key=split_score)[-2:]
    examples = build_sft_examples(labels([row("a", prompts[0]), row("b", prompts[1])]), CurateSpec(eval_fraction=0.05))
    assert (len(examples.train), len(examples.eval)) == (1, 1)
    assert examples.eval[0]["prompt"] == prompts[0]  # the one nearest the eval side
    single = build_sft_examples(labels([row("a", prompts[0]), row("b", prompts[0], response="Other.")]))
    assert (len(single.train), len(single.eval)) == (2, 0)


# --- version and saving ---------------------------------------------------------------------------


def test_version_is_stable_and_content_sensitive():
    rows = many(30)
    version = build_sft_examples(labels(rows)).version
    assert len(version) == 12 and int(version, 16) >= 0
    assert build_sft_examples(labels(list(reversed(rows)))).version == version
    changed = [dict(rows[0], response="A different answer."), *rows[1:]]
    assert build_sft_examples(labels(changed)).version != version
    assert build_sft_examples(labels(rows[1:])).version != version


def test_save_and_load_round_trip(tmp_path):
    examples = build_sft_examples(labels(many(40)))
    lineage = {"label_partitions": ["2026-11-01"], "code": "test"}
    saved = save_sft_dataset(examples, tmp_path, lineage)
    assert saved.path == tmp_path / "sft" / examples.version
    assert saved.version == examples.version
    metadata = json.loads((saved.path / "metadata.json").read_text())
    assert metadata == saved.metadata
    assert (metadata["version"], metadata["lineage"], metadata["stats"]) == (
        examples.version,
        lineage,
        json.loads(json.dumps(examples.stats)),
    )
    assert datetime.fromisoformat(metadata["created_at"]).tzinfo is not None
    loaded = load_sft_dataset(saved.path)
    assert set(loaded) == {"train", "eval"}
    assert loaded["train"].to_list() == examples.train
    assert loaded["eval"].to_list() == examples.eval


def test_save_is_idempotent(tmp_path):
    examples = build_sft_examples(labels(many(20)))
    first = save_sft_dataset(examples, tmp_path, {"run": 1})
    second = save_sft_dataset(build_sft_examples(labels(many(20))), tmp_path, {"run": 2})
    assert second.path == first.path
    assert second.metadata == first.metadata  # the saved version is kept, lineage and time included
    assert sorted(p.name for p in (tmp_path / "sft").iterdir()) == [examples.version]
    other = save_sft_dataset(build_sft_examples(labels(many(21))), tmp_path, {"run": 3})
    assert other.version != first.version and other.path.is_dir()


def test_save_and_load_reject_bad_input(tmp_path):
    examples = build_sft_examples(labels(many(5)))
    with pytest.raises(ValueError, match="lineage"):
        save_sft_dataset(examples, tmp_path, {"when": datetime.now()})
    assert not (tmp_path / "sft").exists()  # checked before anything is written
    with pytest.raises(FileNotFoundError, match="no saved SFT dataset"):
        load_sft_dataset(tmp_path / "sft" / "missing")


def test_concurrent_save_of_the_same_version_keeps_the_first(tmp_path, monkeypatch):
    examples = build_sft_examples(labels(many(10)))
    real_rename = sft.os.rename

    def rename_after_another_run(source, target):
        # Another run finishes the same version between our existence check and our rename.
        monkeypatch.setattr(sft.os, "rename", real_rename)
        other = save_sft_dataset(examples, tmp_path, {"run": "other"})
        assert other.path == target
        real_rename(source, target)

    monkeypatch.setattr(sft.os, "rename", rename_after_another_run)
    saved = save_sft_dataset(examples, tmp_path, {"run": "ours"})
    assert saved.metadata["lineage"] == {"run": "other"}
    assert [p.name for p in (tmp_path / "sft").iterdir()] == [examples.version]  # our temp folder is gone
    assert load_sft_dataset(saved.path)["train"].to_list() == examples.train


def test_label_sources_restrict_which_labels_make_targets():
    rows = [
        row("e", "Explicitly liked?", source="explicit"),
        row("m", "Liked by the model?", source="model", confidence=0.9),
        row("c", "Corrected?", quality="bad", source="model", correction="The right answer."),
    ]
    everything = build_sft_examples(labels(rows), CurateSpec(eval_fraction=0.5))
    trusted = build_sft_examples(labels(rows), CurateSpec(eval_fraction=0.5, label_sources=["explicit", "human"]))

    def ids(examples):
        return sorted(e["example_id"] for e in examples.train + examples.eval)

    assert ids(everything) == ["c", "e", "m"]
    assert ids(trusted) == ["c", "e"]  # a correction is the user's own answer, whatever labeled the row


# --- which labels make targets ------------------------------------------------------------------


def test_a_model_label_below_min_model_confidence_is_never_a_target():
    rows = [
        row("unsure_model", "Liked by the model?", source="model", confidence=0.85),
        row("sure_model", "Surely liked by the model?", source="model", confidence=0.95),
        row("explicit", "Liked by the user?", source="explicit", confidence=0.8),
    ]
    spec = CurateSpec(eval_fraction=0.5)
    assert spec.min_confidence < 0.85 < spec.min_model_confidence
    assert sorted(by_id(build_sft_examples(labels(rows), spec))) == ["explicit", "sure_model"]
    lowered = CurateSpec(eval_fraction=0.5, min_model_confidence=0.8)
    assert sorted(by_id(build_sft_examples(labels(rows), lowered))) == ["explicit", "sure_model", "unsure_model"]


def test_a_model_labeled_response_a_human_rated_down_never_becomes_a_target():
    """The planted case of issue 12: P(good) = 0.97 from the model, a thumb down from a person."""
    prompt, response = "Which port does the service listen on?", "It listens on port 80."
    rows = [
        # The thumb down came after the label was written (late feedback): the row still says 'model'.
        row("late_thumb", prompt, response=response, source="model", confidence=0.97, minute=1),
        # The same response to the same prompt, elsewhere, thumbed down: the model's copy is not trusted either.
        row("thumbed", prompt, response=response, quality="bad", minute=2),
        row("copy", f"  {prompt}", response=f"{response} ", source="model", confidence=0.97, minute=3),
        # Rated 1 by a user while the model's label stood (a conflict the model lost at labeling).
        {**row("rated", "Is it safe?", response="Yes.", source="model", confidence=0.97, minute=4), "rating": 1},
        row("fine", "Is the sky blue?", source="model", confidence=0.97, minute=5),
        # A correction of a rated-down response is the answer the person wanted, and stays.
        row("fixed", prompt, response=response, quality="bad", correction="It listens on port 8080.", minute=6),
        # A reviewer who saw the thumb down and still said "good" decides for that row.
        {**row("reviewed", "Is it fast?", response="Yes.", source="human", confidence=1.0, minute=7), "thumb": "down"},
    ]
    examples = build_sft_examples(labels(rows), CurateSpec(eval_fraction=0.5), rated_down={"late_thumb"})
    found = by_id(examples)
    assert sorted(found) == ["fine", "fixed", "reviewed"]
    assert all(e["target"] != response for e in found.values())
    assert examples.stats["excluded_rated_down"] == 3
    # Without the late thumb the model's label would have stood: the guard, not chance, keeps it out.
    assert "late_thumb" in by_id(build_sft_examples(labels(rows[:1] + rows[4:5]), CurateSpec(eval_fraction=0.5)))


# --- lengths: never a cut target ----------------------------------------------------------------


@pytest.fixture(scope="module")
def tokenizer():
    from feedback_loop.model.base import train_tokenizer
    from feedback_loop_tests.model.tiny_models import support_corpus

    return train_tokenizer(support_corpus(), 320, 64)


def long_text(words: int) -> str:
    return " ".join(["the router ships on monday"] * (words // 5))


def length_rows() -> list[dict]:
    return [
        *many(12),
        row("long_target", "Tell me everything?", response=long_text(150), minute=100),
        row("long_prompt", long_text(150) + "?", response="Monday.", minute=101),
    ]


def test_max_length_comes_from_the_data_up_to_the_context_and_cut_targets_are_dropped(tokenizer):
    from feedback_loop.curate import TokenBudget
    from feedback_loop.model.encoding import encode_examples, example_lengths

    examples = build_sft_examples(labels(length_rows()), tokens=TokenBudget(tokenizer, context_length=64))
    stats, lengths = examples.stats, examples.stats["lengths"]
    assert stats["max_length"] == lengths["max_length"] == 64  # the longest example is longer than the context
    assert (lengths["prompts_truncated"], lengths["targets_truncated"]) == (1, 2)
    assert stats["excluded_target_cut"] == 2 and "long_target" not in by_id(examples)
    assert lengths["target_tokens_lost_share"] > 0.5  # the long target held most target tokens
    # Every kept example's target is whole at max_length: its encoding ends with its eos.
    kept = examples.train + examples.eval
    pairs = [(e["prompt"], e["target"]) for e in kept]
    for (ids, labels_), (_, answer) in zip(
        encode_examples(tokenizer, pairs, stats["max_length"]), example_lengths(tokenizer, pairs), strict=True
    ):
        assert sum(label != -100 for label in labels_) == answer and ids[-1] == tokenizer.eos_token_id

    # A model with a longer context: the length follows the data (the longest example, rounded up to 8).
    roomy = build_sft_examples(labels(length_rows()), tokens=TokenBudget(tokenizer, context_length=4096))
    longest = max(p + a for p, a in example_lengths(tokenizer, [(r["prompt"], r["response"]) for r in length_rows()]))
    assert roomy.stats["max_length"] == -(-longest // 8) * 8 < 4096
    assert roomy.stats["lengths"]["targets_truncated"] == roomy.stats["excluded_target_cut"] == 0
    assert roomy.stats["lengths"]["target_tokens_lost_share"] == 0.0
    assert roomy.version != examples.version


def test_a_lower_length_quantile_and_flagging(tokenizer):
    from feedback_loop.curate import TokenBudget

    budget = TokenBudget(tokenizer, context_length=None)
    short = build_sft_examples(labels(length_rows()), CurateSpec(length_quantile=0.5), tokens=budget)
    assert short.stats["max_length"] < 64 and short.stats["excluded_target_cut"] >= 2
    flagged = build_sft_examples(
        labels(length_rows()), CurateSpec(length_quantile=0.5, cut_targets="flag"), tokens=budget
    )
    lengths = flagged.stats["lengths"]
    assert flagged.stats["excluded_target_cut"] == 0 and len(by_id(flagged)) == len(length_rows())
    assert set(lengths["flagged_target_cut"]) >= {"long_target", "long_prompt"}
    assert 0 < lengths["target_tokens_lost_share"] < 1
    assert lengths["target_tokens_lost"] == lengths["target_tokens_cut"]  # flagged: only the cut parts are lost
