"""online_ab_test on labeled telemetry: a worse canary is rolled back, a better one promoted, thin data waits."""

from datetime import UTC, datetime

import dagster as dg
import pyarrow as pa
import pytest

from feedback_loop.defs.online import online_ab_test
from feedback_loop.label.rules import labels_arrow_schema
from feedback_loop.registry import Registry
from feedback_loop.warehouse import Warehouse

DAY = "2026-11-03"
OLD_DAY = "2026-11-01"


def _labels(arms: dict[str | None, tuple[int, int]]) -> pa.Table:
    """Label rows: per adapter version, (interactions with a thumb, thumbs up)."""
    schema = labels_arrow_schema()
    rows = []
    for version, (thumbs, up) in arms.items():
        for i in range(thumbs):
            rows.append(
                {
                    "interaction_id": f"{version}-{i}",
                    "timestamp": datetime(2026, 11, 3, tzinfo=UTC),
                    "adapter_version": version,
                    "thumb": "up" if i < up else "down",
                    "escalated": False,
                }
            )
    return pa.Table.from_pylist(rows, schema=schema)


def _setup(settings, arms, with_champion=True):
    store = Registry(settings.registry_url)
    for version in ("champ", "cand"):
        store.register(version, path=f"/adapters/{version}", metrics={}, lineage={}, actor="test")
    if with_champion:
        store.promote("champ", actor="test", reason="setup")
    store.add_metrics("cand", {"canary": {"share": 0.2}}, actor="test")
    store.set_status("cand", "canary", actor="test", reason="setup")
    warehouse = Warehouse(settings.layout.warehouse)
    warehouse.write_partition("labels", DAY, _labels(arms))
    # A day before the canary served: the champion's poor day then must not count against it.
    champion = "champ" if with_champion else None
    warehouse.write_partition("labels", OLD_DAY, _labels({champion: (400, 0)}))
    return store


@pytest.mark.parametrize(
    ("arms", "decision", "status"),
    [
        ({"champ": (400, 280), "cand": (120, 40)}, "rollback", "rejected"),
        ({"champ": (400, 160), "cand": (120, 90)}, "promote", "champion"),
        ({"champ": (400, 160), "cand": (20, 15)}, "wait", "canary"),
    ],
)
def test_online_decision_moves_the_registry(settings, resources, arms, decision, status):
    store = _setup(settings, arms)
    result = dg.materialize([online_ab_test], resources=resources)
    assert result.success
    assert result.asset_materializations_for_node("online_ab_test")[0].metadata["decision"].value == decision
    assert store.get("cand").status == status
    assert store.get("cand").metrics["online_ab_test"]["decision"] == decision
    if decision != "wait":
        entry = [a for a in store.audit_log("cand") if a["to_status"] == status][-1]
        assert entry["actor"] == "online_ab_test" and "thumbs-up rate" in entry["reason"]
    if decision == "promote":
        assert store.get("champ").status == "retired"


def test_canary_against_the_bare_base_model(settings, resources):
    store = _setup(settings, {None: (300, 90), "cand": (100, 70)}, with_champion=False)
    assert dg.materialize([online_ab_test], resources=resources).success
    assert store.champion().version == "cand"


def test_no_canary_means_no_decision(settings, resources):
    result = dg.materialize([online_ab_test], resources=resources)
    assert result.asset_materializations_for_node("online_ab_test")[0].metadata["decision"].value == "none"


def test_a_required_approval_holds_the_promotion_until_someone_approves(settings, resources):
    from typer.testing import CliRunner

    from feedback_loop.cli import app
    from feedback_loop.defs.resources import PromotionPolicy

    store = _setup(settings, {"champ": (400, 160), "cand": (120, 90)})
    policy = {**resources, "promotion_policy": PromotionPolicy(require_approval=True)}
    result = dg.materialize([online_ab_test], resources=policy)
    metadata = result.asset_materializations_for_node("online_ab_test")[0].metadata
    assert metadata["decision"].value == "awaiting_approval"
    assert "feedback-loop registry approve cand" in metadata["reasons"].value
    assert (store.get("cand").status, store.champion().version) == ("canary", "champ")

    approved = CliRunner().invoke(
        app, ["registry", "approve", "cand", "--approver", "ana", "--data-dir", str(settings.data_dir)]
    )
    assert approved.exit_code == 0, approved.output
    assert "champion is now cand" in approved.output
    assert store.champion().version == "cand" and store.get("champ").status == "retired"


def test_a_pending_promotion_is_withdrawn_when_the_evidence_no_longer_holds(settings, resources):
    from feedback_loop.defs.resources import PromotionPolicy
    from feedback_loop.registry.policy import PENDING, approve

    store = _setup(settings, {"champ": (400, 160), "cand": (120, 90)})
    policy = {**resources, "promotion_policy": PromotionPolicy(require_approval=True)}
    dg.materialize([online_ab_test], resources=policy)
    assert store.get("cand").metrics[PENDING] is not None
    # The next day's data is too thin to decide: the request for approval no longer stands.
    Warehouse(settings.layout.warehouse).write_partition(
        "labels", DAY, _labels({"champ": (400, 160), "cand": (20, 15)})
    )
    result = dg.materialize([online_ab_test], resources=policy)
    assert result.asset_materializations_for_node("online_ab_test")[0].metadata["decision"].value == "wait"
    assert store.get("cand").metrics[PENDING] is None
    record, promoted = approve(store, "cand", approver="ana", note="saw yesterday's report")
    assert not promoted and record.status == "canary" and store.champion().version == "champ"
