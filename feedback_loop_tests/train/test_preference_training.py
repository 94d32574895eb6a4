"""Preference objectives with TRL's trainers on a tiny model: each trains its LoRA weights, leaves the base alone,
and moves the model towards the chosen answers and away from the rejected ones (as TRL's own trainer tests check
that trainable parameters change and frozen ones do not)."""

from __future__ import annotations

import random

import pytest

from feedback_loop.curate.preference import PreferenceExamples, save_preference_dataset
from feedback_loop.model.base import TRAINING_METADATA_FILE, load_causal_lm, model_fingerprint
from feedback_loop.model.encoding import collate, conversation_template, encode_examples, response_nll
from feedback_loop.model.prompting import format_prompt
from feedback_loop.train.lora import LoraSpec, adapter_version
from feedback_loop.train.preference import conversation, read_preference_splits, train_preference
from feedback_loop_tests.model.tiny_models import DELIVERY_DAY, PRODUCTS, one_torch_thread

SPEC = LoraSpec(r=8, alpha=16, learning_rate=2e-2, epochs=2, batch_size=8, max_length=64, device="cpu")
# What the base model learned to say (tiny_models.support_corpus) and the delivery-day answers it never saw.
REJECTED = "sorry to hear that, please restart it."


def delivery_rows(n: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        product = rng.choice(PRODUCTS)
        rows.append(
            (f"where is my {product} order {rng.randint(1, 99)}?", f"your {product} ships on {DELIVERY_DAY[product]}.")
        )
    return rows


def pair_rows(n: int, seed: int = 0) -> list[dict]:
    return [
        {
            "example_id": f"p{i}",
            "system": "",
            "prompt": p,
            "chosen": c,
            "rejected": REJECTED,
            "pair_source": "rating",
            "use_case": "x",
        }
        for i, (p, c) in enumerate(delivery_rows(n, seed))
    ]


def kto_rows(n: int, seed: int = 0) -> list[dict]:
    rows = []
    for i, (prompt, answer) in enumerate(delivery_rows(n, seed)):
        liked = i % 2 == 0  # unpaired: each prompt has one answer, liked or not
        completion, source = (answer, "response") if liked else (REJECTED, "rated_down")
        rows.append(
            {
                "example_id": f"k{i}",
                "system": "",
                "prompt": prompt,
                "completion": completion,
                "label": liked,
                "completion_source": source,
                "use_case": "x",
            }
        )
    return rows


def save(path, kind, train, eval_):
    examples = PreferenceExamples(kind=kind, train=train, eval=eval_, stats={"max_length": 64})
    return save_preference_dataset(examples, path, {"test": True}).path


@pytest.fixture(scope="module")
def datasets_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("preference")
    return {
        "pairs": save(root, "pairs", pair_rows(32), pair_rows(8, seed=1)),
        "kto": save(root, "kto", kto_rows(48), kto_rows(8, seed=1)),
    }


def margin(model, tokenizer, pairs: list[tuple[str, str, str]]) -> float:
    """Mean over the pairs of (NLL of the rejected answer - NLL of the chosen one), per answer token."""
    import torch

    def mean_nll(answers):
        batch = collate(encode_examples(tokenizer, answers, 64), tokenizer.pad_token_id)
        with torch.no_grad():
            nll, counted = response_nll(model, batch)
        return (nll / counted).mean().item()

    chosen = mean_nll([(prompt, answer) for prompt, answer, _ in pairs])
    rejected = mean_nll([(prompt, answer) for prompt, _, answer in pairs])
    return rejected - chosen


@pytest.fixture(scope="module", params=["dpo", "kto", "sft+dpo"])
def trained(request, base_dir, datasets_dir, tmp_path_factory):
    objective = request.param
    spec = SPEC.model_copy(update={"objective": objective})
    dataset = datasets_dir["kto" if objective == "kto" else "pairs"]
    out_dir = tmp_path_factory.mktemp("adapters") / objective
    fingerprint = model_fingerprint(base_dir)
    steps = []
    with one_torch_thread():
        metadata = train_preference(
            base_dir, dataset, out_dir, spec, {"run": objective}, progress=lambda d, t: steps.append((d, t))
        )
    return objective, spec, out_dir, metadata, fingerprint, steps


def test_the_adapter_weights_train_and_the_base_weights_do_not(trained, base_dir):
    import torch
    from peft import PeftModel
    from safetensors.torch import load_file
    from transformers import AutoModelForCausalLM

    _, _, out_dir, metadata, fingerprint, _ = trained
    assert model_fingerprint(base_dir) == fingerprint
    saved = load_file(out_dir / "adapter_model.safetensors")
    assert saved and all("lora_" in name for name in saved)
    assert metadata["trainable_parameters"] == sum(tensor.numel() for tensor in saved.values())
    # PEFT starts lora_B at zero: every one that is not zero now was trained.
    assert all(tensor.abs().sum() > 0 for name, tensor in saved.items() if "lora_B" in name)
    base_state = AutoModelForCausalLM.from_pretrained(base_dir).state_dict()
    adapted = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(base_dir), out_dir)
    for name, tensor in adapted.get_base_model().state_dict().items():
        if "lora_" not in name:
            assert torch.equal(tensor, base_state[name.replace(".base_layer", "")]), name


def test_the_model_moves_towards_the_chosen_answers(trained, base_dir):
    from peft import PeftModel

    objective, _, out_dir, _, _, _ = trained
    base, tokenizer = load_causal_lm(base_dir, device="cpu")
    held_out = [(prompt, answer, REJECTED) for prompt, answer in delivery_rows(16, seed=7)]
    before = margin(base, tokenizer, held_out)
    adapted = PeftModel.from_pretrained(load_causal_lm(base_dir, device="cpu")[0], out_dir).eval()
    after = margin(adapted, tokenizer, held_out)
    assert after > before + 1.0, (objective, before, after)


def test_the_metadata_names_the_objective_trainer_and_dataset(trained, datasets_dir, base_dir):
    import json

    objective, spec, out_dir, metadata, fingerprint, steps = trained
    dataset = datasets_dir["kto" if objective == "kto" else "pairs"]
    _, _, dataset_version = read_preference_splits(dataset, objective)
    assert json.loads((out_dir / TRAINING_METADATA_FILE).read_text()) == metadata
    assert metadata["objective"] == objective == metadata["spec"]["objective"]
    assert metadata["trainer"].startswith("trl.KTOTrainer" if objective == "kto" else "trl.DPOTrainer")
    assert metadata["adapter_version"] == adapter_version(dataset_version, fingerprint, spec)
    train_size = 48 if objective == "kto" else 32
    assert (metadata["train_size"], metadata["eval_size"]) == (train_size, 8)
    assert metadata["steps"] == len(metadata["loss_curve"]) == spec.epochs * train_size // spec.batch_size
    assert steps[-1] == (metadata["steps"], metadata["steps"]) and len(steps) == metadata["steps"]
    assert metadata["eval_loss"] is not None and metadata["lineage"] == {"run": objective}
    # The prompt format served is the one trained: the project's, written by its chat template.
    assert metadata["prompt_example"] == format_prompt("How do I reset my password?")


def test_the_project_chat_template_writes_the_project_prompt_format(base_dir):
    _, tokenizer = load_causal_lm(base_dir, device="cpu")
    expected_ids = tokenizer(format_prompt("where is my router?"), add_special_tokens=True)["input_ids"]
    tokenizer.chat_template = conversation_template(tokenizer)
    user = [{"role": "user", "content": " where is my router? "}]
    rendered = tokenizer.apply_chat_template(user, tokenize=False, add_generation_prompt=True)
    assert rendered == tokenizer.bos_token + format_prompt("where is my router?")
    assert (
        tokenizer.apply_chat_template(user, add_generation_prompt=True, return_dict=True)["input_ids"] == expected_ids
    )
    with_system = [{"role": "system", "content": "Be brief."}, *user]
    rendered = tokenizer.apply_chat_template(with_system, tokenize=False, add_generation_prompt=True)
    assert rendered == tokenizer.bos_token + format_prompt("where is my router?", "Be brief.")
    answered = tokenizer.apply_chat_template([*user, {"role": "assistant", "content": "monday."}], tokenize=False)
    assert answered == tokenizer.bos_token + format_prompt("where is my router?") + "monday." + tokenizer.eos_token


def test_a_rows_system_text_is_read_as_serving_wrote_it(base_dir, tmp_path):
    import json

    import datasets

    _, tokenizer = load_causal_lm(base_dir, device="cpu")
    tokenizer.chat_template = conversation_template(tokenizer)
    row = {**pair_rows(1)[0], "system": "The user is on the free plan."}
    converted = conversation(tokenizer, row, "dpo")
    assert converted["prompt"] == [
        {"role": "system", "content": row["system"]},
        {"role": "user", "content": row["prompt"]},
    ]
    rendered = tokenizer.apply_chat_template(converted["prompt"], tokenize=False, add_generation_prompt=True)
    assert rendered == tokenizer.bos_token + format_prompt(row["prompt"], row["system"])
    assert conversation(tokenizer, {**row, "system": ""}, "dpo")["prompt"] == [
        {"role": "user", "content": row["prompt"]}
    ]
    # A template without system messages (Gemma's raises) reads the system text at the start of the user message.
    tokenizer.chat_template = (
        "{% for m in messages %}{% if m['role'] == 'system' %}{{ raise_exception('no system role') }}{% endif %}"
        "{{ m['content'] }}{% endfor %}"
    )
    assert conversation(tokenizer, row, "dpo")["prompt"] == [
        {"role": "user", "content": f"{row['system']}\n\n{row['prompt']}"}
    ]
    # A dataset saved before examples kept their system text reads as none; a system text must be a string.
    old = tmp_path / "old"
    rows = [{k: v for k, v in r.items() if k != "system"} for r in pair_rows(2)]
    datasets.DatasetDict({split: datasets.Dataset.from_list(rows) for split in ("train", "eval")}).save_to_disk(old)
    (old / "metadata.json").write_text(json.dumps({"version": "old"}))
    train, _, _ = read_preference_splits(old, "dpo")
    assert [r["system"] for r in train] == ["", ""]
    bad = save(tmp_path, "pairs", [{**pair_rows(1)[0], "system": None}], [])
    assert read_preference_splits(bad, "dpo")[0][0]["system"] == ""


def test_the_version_names_the_objective_and_an_sft_version_is_as_before():
    sft = adapter_version("ds", "f" * 16, SPEC)
    assert adapter_version("ds", "f" * 16, SPEC.model_copy(update={"beta": 0.5})) == sft  # unused by sft
    dpo = SPEC.model_copy(update={"objective": "dpo"})
    assert (
        len(
            {
                sft,
                adapter_version("ds", "f" * 16, dpo),
                adapter_version("ds", "f" * 16, dpo.model_copy(update={"beta": 0.5})),
            }
        )
        == 3
    )
    assert adapter_version("ds", "f" * 16, SPEC.model_copy(update={"objective": "kto"})) != adapter_version(
        "ds", "f" * 16, dpo
    )


def test_an_empty_train_split_and_bad_rows_are_refused(base_dir, tmp_path):
    from feedback_loop.train import train_lora

    empty = save(tmp_path, "pairs", [], pair_rows(2))
    with pytest.raises(ValueError, match=r"'train' split .* is empty: there is nothing to train the 'dpo'"):
        train_preference(base_dir, empty, tmp_path / "out", SPEC.model_copy(update={"objective": "dpo"}))
    bad = save(tmp_path, "pairs", [{**pair_rows(1)[0], "chosen": " "}], [])
    with pytest.raises(ValueError, match=r"train row 0 \(example_id='p0'\): field 'chosen' must be a non-empty"):
        read_preference_splits(bad, "dpo")
    with pytest.raises(ValueError, match="missing column"):
        read_preference_splits(bad, "kto")
    with pytest.raises(ValueError, match="not a preference objective"):
        read_preference_splits(bad, "sft")
    with pytest.raises(ValueError, match="train_lora trains the 'sft' objective"):
        train_lora(base_dir, bad, tmp_path / "out", SPEC.model_copy(update={"objective": "dpo"}))


def test_an_example_that_max_length_would_cut_is_refused_naming_it(base_dir, tmp_path):
    """TRL cuts a completion that does not fit in max_length, and drops a row whose prompt fills it: neither
    happens silently."""
    pairs = pair_rows(6)
    pairs[2]["rejected"] = " ".join([REJECTED] * 8)
    kto = kto_rows(6)
    kto[4]["prompt"] = " ".join([kto[4]["prompt"]] * 4)
    pairs_dataset = save(tmp_path, "pairs", pairs[:4], pairs[4:])
    rejected = r"train row 2 \(example_id='p2'\): field 'rejected'"
    for objective, dataset, expected in (
        ("dpo", pairs_dataset, rejected),
        ("sft+dpo", pairs_dataset, rejected),
        ("kto", save(tmp_path, "kto", kto[:4], kto[4:]), r"eval row 0 \(example_id='k4'\): field 'prompt'"),
    ):
        spec = SPEC.model_copy(update={"objective": objective})
        with pytest.raises(ValueError, match=expected + r" does not fit in max_length 64 .* Re-curate"):
            train_preference(base_dir, dataset, tmp_path / "out", spec)
        assert not (tmp_path / "out").exists()


def test_dpo_runs_the_reference_model_once_per_example_not_once_per_step(base_dir, datasets_dir, tmp_path):
    from unittest import mock

    import trl

    spec = SPEC.model_copy(update={"objective": "sft+dpo", "epochs": 3})
    reference_batches = []
    original = trl.DPOTrainer.compute_ref_log_probs

    def counted(trainer, model, inputs):
        reference_batches.append(len(inputs["input_ids"]) // 2)  # a batch holds the chosen, then the rejected rows
        return original(trainer, model, inputs)

    with one_torch_thread(), mock.patch.object(trl.DPOTrainer, "compute_ref_log_probs", counted):
        metadata = train_preference(base_dir, datasets_dir["pairs"], tmp_path / "out", spec)
    # The 32 train and 8 eval pairs once each, before training; none again in its 3 epochs of 4 steps.
    assert metadata["steps"] == 12
    assert reference_batches == [8, 8, 8, 8, 8]


def test_a_killed_run_resumes_from_its_checkpoint_and_ends_with_the_same_adapter(base_dir, datasets_dir, tmp_path):
    import torch
    from safetensors.torch import load_file

    spec = SPEC.model_copy(update={"objective": "dpo", "checkpoint_every": 2})
    checkpoints = tmp_path / "checkpoints"

    def killed_after_step_3(done: int, total: int) -> None:
        if done == 3:
            raise KeyboardInterrupt("killed")

    with one_torch_thread():
        uninterrupted = train_preference(base_dir, datasets_dir["pairs"], tmp_path / "whole", spec)
        with pytest.raises(KeyboardInterrupt):
            train_preference(
                base_dir,
                datasets_dir["pairs"],
                tmp_path / "out",
                spec,
                checkpoint_dir=checkpoints,
                progress=killed_after_step_3,
            )
        assert (checkpoints / "checkpoint-2").is_dir() and not (tmp_path / "out").exists()
        logged = []
        resumed = train_preference(
            base_dir, datasets_dir["pairs"], tmp_path / "out", spec, checkpoint_dir=checkpoints, log=logged.append
        )
    assert logged == [
        f"resuming adapter {resumed['adapter_version']} from its checkpoint {checkpoints / 'checkpoint-2'}"
    ]
    assert not checkpoints.exists()  # removed once the adapter is saved
    assert resumed["steps"] == uninterrupted["steps"]
    whole = load_file(tmp_path / "whole" / "adapter_model.safetensors")
    again = load_file(tmp_path / "out" / "adapter_model.safetensors")
    assert all(torch.allclose(whole[name], again[name], atol=1e-5) for name in whole)
