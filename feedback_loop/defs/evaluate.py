"""The offline gate: challenger adapter against the current champion, paired on the eval split."""

import dagster as dg

from feedback_loop.defs.execution import TRAIN_OP_TAGS
from feedback_loop.defs.resources import AdapterRegistry, DataRoot, on_working_copy, withdraw_rejected_adapter
from feedback_loop.evaluate.offline import EvalSpec, GateResult
from feedback_loop.files import replacing, write_json_atomic
from feedback_loop.progress import ProgressLog
from feedback_loop.registry.policy import OFFLINE_EVALUATION, expire_unevaluated

GATE_CHECK = "offline_gate"
IN_PROGRESS = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
    dg.DagsterRunStatus.CANCELING,
]


class AdapterEvaluationConfig(dg.Config, EvalSpec):
    """The offline gate's settings: :class:`feedback_loop.evaluate.offline.EvalSpec`, each default written there."""


@dg.asset(
    group_name="evaluation",
    op_tags=TRAIN_OP_TAGS,
    kinds={"pytorch"},
    check_specs=[
        dg.AssetCheckSpec(
            GATE_CHECK,
            asset="adapter_evaluation",
            blocking=True,
            description="Promotion gate: the challenger's generated responses differ from the champion's (no no-op), "
            "the primary metric's group-bootstrap interval lies above its practical margin, the guardrail metric is "
            "not worse by more than its margin, and offensive output is no more frequent.",
        )
    ],
)
@on_working_copy
def adapter_evaluation(
    context: dg.AssetExecutionContext,
    config: AdapterEvaluationConfig,
    data_root: DataRoot,
    registry: AdapterRegistry,
    lora_adapter: dict,
    sft_dataset: dict,
    base_model: dict,
):
    """The challenger adapter scored against the champion (or the bare base model) on the same eval examples.

    Per example: loss on the target tokens and the token F1 of the greedy-generated response against the target,
    for both arms, so the comparison is paired. The blocking `offline_gate` check fails the run, and so stops
    promotion, unless the challenger is not a no-op (its generated responses differ from the champion's), the
    primary metric (default: the generated responses' score) improves by more than its practical margin and the
    other does not get worse by more than its margin (BCa intervals that resample whole target groups), and
    offensive output is no more frequent. Both arms' figures are kept in the registry; a rejected challenger is
    marked `rejected` there with the reason. A champion trained on another base model (before `base_model` was
    rebuilt) can't be scored or served on this one: the challenger is compared with the bare base model then. A
    challenger trained on another base model is an error naming both fingerprints (`load_causal_lm` checks it).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from feedback_loop.curate import load_sft_dataset
    from feedback_loop.evaluate import compare, score_examples

    store = registry.open()
    version = lora_adapter["version"]
    champion = store.champion()
    if champion is not None and champion.version == version:
        result = GateResult(
            passed=True,
            reasons=[f"{version} is already the champion"],
            challenger_version=version,
            champion_version=version,
        )
        yield from _gate_events(context, result)
        return

    _expire_interrupted_candidates(context, store, version)
    spec = EvalSpec.of(config)
    rows = load_sft_dataset(sft_dataset["path"])["eval"].to_list()
    if not rows:
        raise ValueError(f"sft_dataset {sft_dataset['version']} has an empty eval split: nothing to gate on")
    challenger_rows = score_examples(
        base_model["path"], lora_adapter["path"], rows, spec, progress=_answers(context, f"challenger {version}")
    )
    champion_path, champion_arm, base_changed = _champion_arm(champion, base_model)
    if base_changed:
        context.log.warning(base_changed)
    champion_rows = score_examples(
        base_model["path"], champion_path, rows, spec, progress=_answers(context, champion_arm)
    )
    result = compare(challenger_rows, champion_rows, spec)
    result = result.model_copy(
        update={
            "challenger_version": version,
            "champion_version": champion.version if champion else None,
            "dataset_version": sft_dataset["version"],
            "reasons": [*result.reasons, *([base_changed] if base_changed else [])],
        }
    )

    per_example = [
        {
            "example_id": a["example_id"],
            "target": a["target"],
            **{f"challenger_{k}": a[k] for k in ("loss", "score", "offensive", "generated")},
            **{f"champion_{k}": b[k] for k in ("loss", "score", "offensive", "generated")},
        }
        for a, b in zip(challenger_rows, champion_rows, strict=True)
    ]
    out_dir = data_root.layout.evaluations / version
    out_dir.mkdir(parents=True, exist_ok=True)
    with replacing(out_dir / "per_example.parquet") as per_example_file:  # a retraining at once may write it too
        pq.write_table(pa.Table.from_pylist(per_example), per_example_file)
    summary = result.model_dump(mode="json")
    write_json_atomic(out_dir / "summary.json", summary)

    store.add_metrics(version, {OFFLINE_EVALUATION: summary}, actor="adapter_evaluation")
    if not result.passed and store.get(version).status != "rejected":
        store.set_status(version, "rejected", actor="adapter_evaluation", reason="; ".join(result.reasons))
    if not result.passed and (withdrawn := withdraw_rejected_adapter(data_root, store)):
        context.log.info(withdrawn)
    yield from _gate_events(context, result)


def _champion_arm(champion, base_model: dict) -> tuple[str | None, str, str | None]:
    """The adapter path the champion arm scores with (None: the bare base model), its name for the logs, and why
    it is not the champion's own adapter: an adapter trained on another base model (before `base_model` was
    rebuilt) would answer as a crippled model on this one (loading it is an error), and it cannot serve on this
    base either, so the bare base model is what the challenger has to beat."""
    if champion is None:
        return None, "the bare base model", None
    trained_on = champion.lineage.get("base_model_fingerprint")
    if trained_on is None or trained_on == base_model["fingerprint"]:
        return champion.path, f"champion {champion.version}", None
    return (
        None,
        "the bare base model",
        f"champion {champion.version} was trained on base model {trained_on}, not on the current "
        f"{base_model['fingerprint']}: compared with the bare base model instead",
    )


def _expire_interrupted_candidates(context: dg.AssetExecutionContext, store, challenger: str) -> None:
    """Expire the candidates whose evaluation was interrupted (see `expire_unevaluated`), unless another run is in
    progress: its candidate may be waiting for its gate. A killed run counts as in progress until run monitoring
    (or the CLI, see `feedback_loop.runs`) marks it failed."""
    others = [
        record.dagster_run.run_id
        for record in context.instance.get_run_records(filters=dg.RunsFilter(statuses=IN_PROGRESS))
        if record.dagster_run.run_id != context.run_id
    ]
    if others:
        context.log.info(
            f"{len(others)} other run(s) in progress: candidates without an evaluation are left as they are"
        )
        return
    for expired in expire_unevaluated(store, challenger, actor="adapter_evaluation"):
        context.log.warning(
            f"candidate {expired} expired: its offline evaluation never finished; {challenger} supersedes it"
        )


def _answers(context: dg.AssetExecutionContext, arm: str) -> ProgressLog:
    return ProgressLog(f"offline gate: answers of {arm}", context.log.info, unit="example")


def _gate_events(context: dg.AssetExecutionContext, result: GateResult):
    figures = {}
    for comparison in (result.primary, result.guardrail):
        if comparison is not None:
            figures.update(
                {f"{comparison.metric}_{name}": getattr(comparison, name) for name in ("mean", "low", "high", "margin")}
            )
    if result.challenger is not None:
        figures["identical_responses"] = result.identical_responses
        figures["examples"] = result.examples
        figures["groups"] = result.groups
    verdict = "passed" if result.passed else "FAILED"
    context.log.info(f"offline gate for {result.challenger_version}: {verdict}: {'; '.join(result.reasons)}")
    yield dg.Output(
        result.model_dump(mode="json"),
        metadata={
            "challenger": str(result.challenger_version),
            "champion": str(result.champion_version),
            "no_op": result.no_op,
            **figures,
            "summary": dg.MetadataValue.json(result.model_dump(mode="json")),
        },
    )
    yield dg.AssetCheckResult(
        check_name=GATE_CHECK,
        passed=result.passed,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={"reasons": "; ".join(result.reasons), **figures},
    )
