"""The offline gate: challenger adapter against the current champion, paired on the eval split."""

from typing import Literal

import dagster as dg

from feedback_loop.defs.resources import AdapterRegistry, DataRoot
from feedback_loop.files import write_json_atomic

GATE_CHECK = "offline_gate"


class AdapterEvaluationConfig(dg.Config):
    primary_metric: Literal["loss", "score"] = "loss"
    """'loss': per-example target NLL; 'score': token F1 of the generated response against the target."""
    margin: float = 0.0
    """The lower end of the improvement's confidence interval must exceed this."""
    confidence: float = 0.95
    n_resamples: int = 2000
    max_new_tokens: int = 48
    batch_size: int = 64
    seed: int = 0
    device: str = "auto"


@dg.asset(
    group_name="evaluation",
    kinds={"pytorch"},
    check_specs=[
        dg.AssetCheckSpec(
            GATE_CHECK,
            asset="adapter_evaluation",
            blocking=True,
            description="Promotion gate: paired-bootstrap interval of the improvement above the margin, "
            "and a rate of offensive output no worse than the champion's.",
        )
    ],
)
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

    Per example: loss on the target tokens and a score of the greedy-generated response, for both arms, so the
    comparison is paired. The blocking `offline_gate` check fails the run, and so stops promotion, unless the
    improvement's paired-bootstrap interval lies above the margin and offensive output is no more frequent.
    A rejected challenger is marked `rejected` in the registry with the reason.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from feedback_loop.curate import load_sft_dataset
    from feedback_loop.evaluate import EvalSpec, compare, score_examples

    store = registry.open()
    version = lora_adapter["version"]
    champion = store.champion()
    if champion is not None and champion.version == version:
        summary = {
            "challenger": version,
            "champion": version,
            "gate": {"passed": True, "reasons": [f"{version} is already the champion"]},
        }
        yield from _gate_events(context, summary, version)
        return

    spec = EvalSpec(**config.model_dump())
    rows = load_sft_dataset(sft_dataset["path"])["eval"].to_list()
    if not rows:
        raise ValueError(f"sft_dataset {sft_dataset['version']} has an empty eval split: nothing to gate on")
    challenger_rows = score_examples(base_model["path"], lora_adapter["path"], rows, spec)
    champion_rows = score_examples(base_model["path"], champion.path if champion else None, rows, spec)
    summary = compare(challenger_rows, champion_rows, spec)
    summary.update(
        {
            "challenger": version,
            "champion": champion.version if champion else None,
            "dataset_version": sft_dataset["version"],
        }
    )

    per_example = [
        {
            "example_id": a["example_id"],
            **{f"challenger_{k}": a[k] for k in ("loss", "score", "offensive", "generated")},
            **{f"champion_{k}": b[k] for k in ("loss", "score", "offensive", "generated")},
        }
        for a, b in zip(challenger_rows, champion_rows, strict=True)
    ]
    out_dir = data_root.layout.evaluations / version
    out_dir.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(per_example), out_dir / "per_example.parquet")
    write_json_atomic(out_dir / "summary.json", summary)

    store.add_metrics(version, {"offline_evaluation": summary}, actor="adapter_evaluation")
    if not summary["gate"]["passed"] and store.get(version).status != "rejected":
        store.set_status(version, "rejected", actor="adapter_evaluation", reason="; ".join(summary["gate"]["reasons"]))
    yield from _gate_events(context, summary, version)


def _gate_events(context: dg.AssetExecutionContext, summary: dict, version: str):
    gate = summary["gate"]
    interval = summary.get("improvement", {})
    figures = {k: v for k, v in interval.items() if isinstance(v, (int, float))}
    context.log.info(
        f"offline gate for {version}: {'passed' if gate['passed'] else 'FAILED'}: {'; '.join(gate['reasons'])}"
    )
    yield dg.Output(
        summary,
        metadata={
            "challenger": version,
            "champion": str(summary.get("champion")),
            **figures,
            "summary": dg.MetadataValue.json(summary),
        },
    )
    yield dg.AssetCheckResult(
        check_name=GATE_CHECK,
        passed=bool(gate["passed"]),
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={"reasons": "; ".join(gate["reasons"]), **figures},
    )
