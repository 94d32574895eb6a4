"""Curation: labeled interactions -> a versioned supervised fine-tuning dataset, and its siblings, the preference
datasets (DPO pairs, KTO labels)."""

from collections.abc import Iterator
from typing import Literal

import dagster as dg
import pyarrow as pa
import pyarrow.compute as pc

from feedback_loop.curate import CurateSpec, TokenBudget, build_sft_examples, save_sft_dataset
from feedback_loop.curate.preference import COUNT_NAMES as PREFERENCE_COUNTS
from feedback_loop.curate.preference import build_preference_examples, save_preference_dataset
from feedback_loop.curate.sft import with_system_texts
from feedback_loop.defs.execution import LABEL_OP_TAGS
from feedback_loop.defs.label import labeled_interactions, review_decisions
from feedback_loop.defs.metadata import markdown_table
from feedback_loop.defs.resources import DataRoot, on_working_copy
from feedback_loop.label.decisions import REVIEWS_TABLE, reviews_arrow_schema, standing_verdicts
from feedback_loop.label.rules import BAD_RATING, first_of_each_interaction, labels_arrow_schema
from feedback_loop.prompts import PromptStore
from feedback_loop.schema import events_arrow_schema

# The tokenizer's own limit while measuring: far above any example, so lengths are taken whole.
MEASURING_LIMIT = 1_000_000_000


class SFTDatasetConfig(dg.Config, CurateSpec):
    """How labels become the dataset (`CurateSpec`, where each field is defined and documented)."""


class PreferenceDatasetConfig(dg.Config, CurateSpec):
    """How labels become preference data: the chosen side is selected as SFT targets are (`CurateSpec`); its
    target_quality must be 'good', and examples whose completion would be cut are always dropped."""


def rated_down_since_labeling(data_root: DataRoot) -> set[str]:
    """Interactions a person rated down in the warehouse as it is now: feedback events with a thumb down, a bad
    rating or a flag (late feedback that the labels may predate), and standing review verdicts of 'bad'."""
    warehouse = data_root.warehouse()
    columns = ["event_type", "interaction_id", "thumb", "rating", "flag"]
    events = warehouse.read_partitions("events", schema=events_arrow_schema(), columns=columns)
    feedback = events.filter(pc.equal(events["event_type"], "feedback"))
    down = pc.or_kleene(
        pc.or_kleene(pc.equal(feedback["thumb"], "down"), pc.less_equal(feedback["rating"], BAD_RATING)),
        pc.is_valid(feedback["flag"]),
    )
    ids = set(feedback.filter(pc.fill_null(down, False))["interaction_id"].to_pylist())
    verdicts = standing_verdicts(warehouse.read_appended(REVIEWS_TABLE, reviews_arrow_schema()))
    return ids | {interaction_id for interaction_id, verdict in verdicts.items() if verdict.quality == "bad"}


def _token_budget(base_model: dict) -> TokenBudget:
    """The base model's tokenizer and context: the lengths training will encode examples with."""
    from transformers import AutoConfig, AutoTokenizer

    from feedback_loop.model.base import context_length

    # Curation measures examples uncut, longer than the model reads by design: no "sequence too long" warning.
    tokenizer = AutoTokenizer.from_pretrained(base_model["path"], model_max_length=MEASURING_LIMIT)
    return TokenBudget(tokenizer, context_length(AutoConfig.from_pretrained(base_model["path"])))


def _labels_to_curate(
    context: dg.AssetExecutionContext, spec: CurateSpec, data_root: DataRoot
) -> tuple[pa.Table, list[str], CurateSpec, int]:
    """The labels in the warehouse (with the system text each response was served after), their partitions,
    ``spec`` without the 'model' label source while no auto-labeler is published (logged), and the number of
    label rows left out as repeats.

    An interaction re-sent further apart than the late-feedback window is stored, and labeled, under two days:
    it counts once, from its earliest day (as the auto-labeler counts it), and the later rows are logged and
    counted in the lineage's ``repeated_label_rows``.
    """
    from feedback_loop.label.publication import read_publication

    warehouse = data_root.warehouse()
    stored = warehouse.read_partitions("labels", schema=labels_arrow_schema())
    partitions = warehouse.partitions("labels")
    if stored.num_rows == 0:
        raise ValueError(
            "no labeled interactions in the warehouse: materialize raw_telemetry and labeled_interactions first"
        )
    labels = first_of_each_interaction(stored.take(pc.sort_indices(stored, sort_keys=[("date", "ascending")])))
    if labels.num_rows < stored.num_rows:
        context.log.warning(
            f"{stored.num_rows - labels.num_rows} label row(s) of interactions stored under an earlier day too "
            "(re-sent later than the late-feedback window): each counts once, from its earliest day"
        )
    labels = with_system_texts(labels, PromptStore(data_root.layout.prompts))
    publication = read_publication(data_root.layout.label_models)
    labeler_published = publication is not None and publication.version is not None
    if not labeler_published and "model" in spec.label_sources:
        # Labels written while a labeler was published may still carry its labels: none count once it is gone.
        why = publication.reason if publication is not None else "auto_labeler was never materialized"
        context.log.warning(f"no published auto-labeler ({why}): model labels make no targets")
        spec = spec.model_copy(update={"label_sources": [s for s in spec.label_sources if s != "model"]})
    return labels, partitions, spec, stored.num_rows - labels.num_rows


def _lineage(labels: pa.Table, partitions: list[str], repeated_rows: int, config: dg.Config, base_model: dict) -> dict:
    """What a curated dataset was made from: the label partitions and rows, the config and the base model."""
    return {
        "label_partitions": partitions,
        "labeled_rows": labels.num_rows,
        "repeated_label_rows": repeated_rows,
        "config": config.model_dump(),
        "base_model_fingerprint": base_model["fingerprint"],
    }


@dg.asset(
    deps=[labeled_interactions, review_decisions],
    group_name="training",
    op_tags=LABEL_OP_TAGS,
    kinds={"huggingface"},
    check_specs=[
        dg.AssetCheckSpec(
            "target_tokens_kept",
            asset="sft_dataset",
            description=(
                "WARN when more than max_lost_target_share of the candidate targets' tokens are not trained on: "
                "cut off by max_length (cut_targets 'flag') or dropped with their example ('drop')."
            ),
        )
    ],
)
@on_working_copy
def sft_dataset(
    context: dg.AssetExecutionContext, config: SFTDatasetConfig, data_root: DataRoot, base_model: dict
) -> Iterator[dg.Output[dict] | dg.AssetCheckResult]:
    """Prompt/target pairs for fine-tuning, saved with `datasets` under `datasets/sft/<version>`.

    Targets are the users' corrections where there are any (with the response as the rejected side of a
    preference pair), else responses labeled good; an auto-labeler's label needs `min_model_confidence`, and
    counts only while that labeler is published. Flagged and offensive interactions, and any response a person
    rated down (also by feedback or a review that came after labeling), are excluded, exact duplicates removed,
    and the train/eval split keeps every prompt on one side. Examples are measured with the base model's
    tokenizer; `max_length` is chosen from their lengths up to the model's context, and an example whose target
    would be cut is dropped (or flagged). The version is the hash of the content: the same labels give the same
    version.
    """
    labels, partitions, spec, repeated_rows = _labels_to_curate(context, CurateSpec.of(config), data_root)
    examples = build_sft_examples(
        labels, spec, rated_down=rated_down_since_labeling(data_root), tokens=_token_budget(base_model)
    )
    lineage = _lineage(labels, partitions, repeated_rows, config, base_model)
    saved = save_sft_dataset(examples, data_root.layout.datasets, lineage)
    lengths = examples.stats["lengths"]
    manifest = {
        "version": saved.version,
        "path": str(saved.path),
        "train": len(examples.train),
        "eval": len(examples.eval),
        "max_length": examples.stats["max_length"],
    }
    lost_share = lengths["target_tokens_lost_share"]
    yield dg.Output(
        manifest,
        metadata={
            "version": saved.version,
            "path": dg.MetadataValue.path(str(saved.path)),
            "train_examples": len(examples.train),
            "eval_examples": len(examples.eval),
            "label_sources_used": ", ".join(spec.label_sources),
            "model_labels_used": "model" in spec.label_sources,
            "max_length": examples.stats["max_length"],
            "prompts_truncated": lengths["prompts_truncated"],
            "targets_truncated": lengths["targets_truncated"],
            "excluded_target_cut": examples.stats["excluded_target_cut"],
            "target_tokens_lost_share": lost_share,
            "excluded_rated_down": examples.stats["excluded_rated_down"],
            "system_text_unknown": examples.stats["system_text_unknown"],
            "stats": dg.MetadataValue.json(examples.stats),
            "sample": markdown_table(
                [{k: r[k] for k in ("prompt", "target", "target_source")} for r in examples.train], limit=5
            ),
        },
    )
    yield dg.AssetCheckResult(
        check_name="target_tokens_kept",
        passed=lost_share <= spec.max_lost_target_share,
        severity=dg.AssetCheckSeverity.WARN,
        description=(
            f"{lost_share:.2%} of the candidate targets' tokens are not trained on at max_length "
            f"{examples.stats['max_length']} (context {lengths['context_length']}; limit "
            f"{spec.max_lost_target_share:.2%})."
        ),
        metadata={
            "target_tokens": lengths["target_tokens"],
            "target_tokens_lost": lengths["target_tokens_lost"],
            "targets_truncated": lengths["targets_truncated"],
        },
    )


def _preference_dataset(
    kind: Literal["pairs", "kto"],
    context: dg.AssetExecutionContext,
    config: PreferenceDatasetConfig,
    data_root: DataRoot,
    base_model: dict,
    sft_dataset: dict,
) -> dg.Output[dict]:
    """Build and save the ``kind`` preference set; its manifest, and its counts as metadata."""
    from feedback_loop.curate import load_sft_dataset

    labels, partitions, spec, repeated_rows = _labels_to_curate(context, CurateSpec.of(config), data_root)
    examples = build_preference_examples(
        labels,
        spec,
        rated_down=rated_down_since_labeling(data_root),
        tokens=_token_budget(base_model),
        evaluated_prompts=load_sft_dataset(sft_dataset["path"])["eval"]["prompt"],
    )[kind]
    lineage = _lineage(labels, partitions, repeated_rows, config, base_model)
    saved = save_preference_dataset(examples, data_root.layout.datasets, lineage)
    if not examples.train:
        context.log.warning(f"the {kind} set has no train example yet: a {kind} objective has nothing to learn")
    sample_columns = ("prompt", "chosen", "rejected") if kind == "pairs" else ("prompt", "completion", "label")
    return dg.Output(
        {
            "version": saved.version,
            "path": str(saved.path),
            "train": len(examples.train),
            "eval": len(examples.eval),
            "max_length": examples.stats["max_length"],
        },
        metadata={
            "version": saved.version,
            "path": dg.MetadataValue.path(str(saved.path)),
            **{name: examples.stats[name] for name in PREFERENCE_COUNTS},
            "max_length": examples.stats["max_length"],
            "stats": dg.MetadataValue.json(examples.stats),
            "sample": markdown_table([{k: r[k] for k in sample_columns} for r in examples.train], limit=5),
        },
    )


@dg.asset(
    deps=[labeled_interactions, review_decisions],
    group_name="training",
    kinds={"huggingface"},
    op_tags=LABEL_OP_TAGS,
)
@on_working_copy
def preference_pairs(
    context: dg.AssetExecutionContext,
    config: PreferenceDatasetConfig,
    data_root: DataRoot,
    base_model: dict,
    sft_dataset: dict,
) -> dg.Output[dict]:
    """DPO pairs in TRL's `prompt`/`chosen`/`rejected` format, saved under `datasets/pairs/<version>`: a user's
    correction over the response it replaced, and an answer people liked over a response a person rated down for
    the same prompt. The chosen side is selected as `sft_dataset` selects targets (a response a person rated down
    is never chosen); the rejected side is screened like a target. `lora_adapter` trains on it with the objectives
    `dpo` and `sft+dpo`. An empty set is saved too (no rejection yet). No prompt of `sft_dataset`'s eval split, which
    the offline gate evaluates on, is trained on."""
    return _preference_dataset("pairs", context, config, data_root, base_model, sft_dataset)


@dg.asset(
    deps=[labeled_interactions, review_decisions],
    group_name="training",
    kinds={"huggingface"},
    op_tags=LABEL_OP_TAGS,
)
@on_working_copy
def kto_dataset(
    context: dg.AssetExecutionContext,
    config: PreferenceDatasetConfig,
    data_root: DataRoot,
    base_model: dict,
    sft_dataset: dict,
) -> dg.Output[dict]:
    """Unpaired examples in TRL's `prompt`/`completion`/`label` format, saved under `datasets/kto/<version>`: the
    answers `sft_dataset` would train on, label true, and every response a person rated down or a correction
    replaced, label false. `lora_adapter` trains on it with the objective `kto`. No prompt of `sft_dataset`'s eval
    split, which the offline gate evaluates on, is trained on."""
    return _preference_dataset("kto", context, config, data_root, base_model, sft_dataset)
