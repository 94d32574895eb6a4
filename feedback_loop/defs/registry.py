"""Promotion: the champion pointer moves only after the offline gate has passed in the same run."""

import dagster as dg

from feedback_loop.defs.resources import AdapterRegistry


@dg.asset(group_name="evaluation", kinds={"sqlite"})
def champion_adapter(
    context: dg.AssetExecutionContext, registry: AdapterRegistry, lora_adapter: dict, adapter_evaluation: dict
) -> dg.Output[dict]:
    """The adapter that serves traffic: the challenger, promoted in the registry once it passed the gate.

    Runs only when the blocking `offline_gate` check on `adapter_evaluation` passed. The champion pointer moves
    in one transaction (the previous champion is retired) and the transition lands in the audit log.
    """
    store = registry.open()
    version = lora_adapter["version"]
    if not adapter_evaluation["gate"]["passed"]:
        raise RuntimeError(f"refusing to promote {version}: its offline gate did not pass")
    current = store.champion()
    if current is not None and current.version == version:
        context.log.info(f"{version} is already the champion; nothing to do")
        record = current
    else:
        reason = "passed the offline gate: " + "; ".join(adapter_evaluation["gate"]["reasons"])
        record = store.promote(version, actor="champion_adapter", reason=reason)
    previous = current.version if current is not None and current.version != version else None
    return dg.Output(
        {"version": record.version, "path": record.path, "previous": previous},
        metadata={"champion": record.version, "previous_champion": str(previous), "path": dg.MetadataValue.path(record.path)},
    )
