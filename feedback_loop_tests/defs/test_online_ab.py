"""online_ab_test on labeled telemetry: a worse canary is rolled back, a better one promoted, thin data waits,
an inconclusive one is rolled back at its deadline; the metadata carries the planned sample and the progress."""

from datetime import UTC, datetime

import dagster as dg
import pyarrow as pa
import pytest

from feedback_loop.defs.online import online_ab_test
from feedback_loop.label.rules import labels_arrow_schema
from feedback_loop.registry import Registry
from feedback_loop.warehouse import Warehouse
from feedback_loop_tests.adapter_folders import adapter_folder

DAY = "2026-11-03"
OLD_DAY = "2026-11-01"


def _labels(arms: dict[str | None, tuple[int, int]]) -> pa.Table:
    """Label rows: per adapter version, (interactions with a thumb, thumbs up), two per user."""
    schema = labels_arrow_schema()
    rows = []
    for version, (thumbs, up) in arms.items():
        for i in range(thumbs):
            rows.append(
                {
                    "interaction_id": f"{version}-{i}",
                    "timestamp": datetime(2026, 11, 3, tzinfo=UTC),
                    "user_id": f"user-{version}-{i // 2}",
                    "adapter_version": version,
                    "thumb": "up" if i < up else "down",
                    "escalated": False,
                }
            )
    return pa.Table.from_pylist(rows, schema=schema)


def _config(**changes) -> dict:
    """Run config of online_ab_test: a 10-point margin, so that a few hundred thumbs can decide."""
    return {"ops": {"online_ab_test": {"config": {"non_inferiority_margin": 0.1, **changes}}}}


def _setup(settings, arms, with_champion=True):
    store = Registry(settings.registry_url)
    for version in ("champ", "cand"):
        path = adapter_folder(settings.layout.adapters / version)
        store.register(version, path=path, metrics={}, lineage={}, actor="test")
    if with_champion:
        store.promote("champ", actor="test", reason="setup")
    store.set_status("cand", "canary", actor="test", reason="setup", canary_share=0.2)
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
        ({"champ": (400, 160), "cand": (200, 150)}, "promote", "champion"),
        ({"champ": (400, 160), "cand": (20, 15)}, "wait", "canary"),
    ],
)
def test_online_decision_moves_the_registry(settings, resources, arms, decision, status):
    store = _setup(settings, arms)
    result = dg.materialize([online_ab_test], resources=resources, run_config=_config())
    assert result.success
    metadata = result.asset_materializations_for_node("online_ab_test")[0].metadata
    assert metadata["decision"].value == decision
    assert store.get("cand").status == status
    stored = store.get("cand").metrics["online_ab_test"]
    assert stored["decision"] == decision and stored["days"] == [DAY]
    assert stored["canary"]["users"] == (arms["cand"][0] + 1) // 2  # two thumbs per user
    if decision != "wait":
        entry = [a for a in store.audit_log("cand") if a["from_status"] != a["to_status"] == status][-1]
        assert entry["actor"] == "online_ab_test" and "thumbs-up rate" in entry["reason"]
        assert metadata["required_thumbs_canary"].value > 0 and metadata["progress"].value > 0
    if decision == "promote":
        assert store.get("champ").status == "retired"


def test_the_evidence_is_stored_before_the_registry_moves(settings, resources, monkeypatch):
    import feedback_loop.defs.online as online

    store = _setup(settings, {"champ": (400, 280), "cand": (120, 40)})

    def failing_move(*args, **kwargs):
        raise RuntimeError("the registry went away")

    monkeypatch.setattr(online, "apply_online_decision", failing_move)
    result = dg.materialize([online_ab_test], resources=resources, run_config=_config(), raise_on_error=False)
    assert not result.success
    assert store.get("cand").metrics["online_ab_test"]["decision"] == "rollback"  # what it was about to do


def test_an_inconclusive_canary_waits_then_is_rolled_back_at_its_deadline(settings, resources):
    store = _setup(settings, {"champ": (400, 200), "cand": (150, 75)})
    waiting = dg.materialize([online_ab_test], resources=resources, run_config=_config())
    metadata = waiting.asset_materializations_for_node("online_ab_test")[0].metadata
    assert metadata["decision"].value == "wait" and store.get("cand").status == "canary"
    # The planned sample, how far the test has come and how long it still needs, in the UI.
    assert metadata["required_thumbs_canary"].value > 150 and 0 < metadata["progress"].value < 1
    assert metadata["eta_days"].value > 0 and metadata["days_left"].value == 13
    deadline = dg.materialize([online_ab_test], resources=resources, run_config=_config(max_days=1))
    metadata = deadline.asset_materializations_for_node("online_ab_test")[0].metadata
    assert metadata["decision"].value == "rollback" and metadata["final_look"].value
    assert store.get("cand").status == "rejected"
    rejection = [a for a in store.audit_log("cand") if a["to_status"] == "rejected" != a["from_status"]]
    assert "never wins" in rejection[0]["reason"]


def test_no_canary_means_no_decision(settings, resources):
    result = dg.materialize([online_ab_test], resources=resources)
    assert result.asset_materializations_for_node("online_ab_test")[0].metadata["decision"].value == "none"


def test_a_required_approval_holds_the_promotion_until_someone_approves(settings, resources):
    from typer.testing import CliRunner

    from feedback_loop.cli import app
    from feedback_loop.defs.resources import PromotionPolicy

    store = _setup(settings, {"champ": (400, 160), "cand": (200, 150)})
    policy = {**resources, "promotion_policy": PromotionPolicy(require_approval=True)}
    result = dg.materialize([online_ab_test], resources=policy, run_config=_config())
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

    store = _setup(settings, {"champ": (400, 160), "cand": (200, 150)})
    policy = {**resources, "promotion_policy": PromotionPolicy(require_approval=True)}
    dg.materialize([online_ab_test], resources=policy, run_config=_config())
    assert store.get("cand").metrics[PENDING] is not None
    # The next day's data is too thin to decide: the request for approval no longer stands.
    Warehouse(settings.layout.warehouse).write_partition(
        "labels", DAY, _labels({"champ": (400, 160), "cand": (20, 15)})
    )
    result = dg.materialize([online_ab_test], resources=policy, run_config=_config())
    assert result.asset_materializations_for_node("online_ab_test")[0].metadata["decision"].value == "wait"
    assert store.get("cand").metrics[PENDING] is None
    record, promoted = approve(store, "cand", approver="ana", note="saw yesterday's report")
    assert not promoted and record.status == "canary" and store.champion().version == "champ"


def test_the_deadline_counts_every_day_of_canary_traffic_since_its_first_with_quiet_days_between(settings, resources):
    # A weekday product: three weeks, no traffic at weekends (their labels partitions are empty), too few thumbs
    # to decide. Reading only the latest 14 partitions lost the first days: the test waited forever.
    from datetime import date, timedelta

    store = Registry(settings.registry_url)
    for version in ("champ", "cand"):
        path = adapter_folder(settings.layout.adapters / version)
        store.register(version, path=path, metrics={}, lineage={}, actor="test")
    store.promote("champ", actor="test", reason="setup")
    store.set_status("cand", "canary", actor="test", reason="setup", canary_share=0.2)
    warehouse = Warehouse(settings.layout.warehouse)
    warehouse.write_partition("labels", "2026-10-30", _labels({"champ": (40, 20)}))  # before the canary served
    monday = date(2026, 11, 2)
    for offset in range(21):
        day = monday + timedelta(days=offset)
        weekend = day.weekday() >= 5
        arms = {} if weekend else {"champ": (4, 2), "cand": (2, 1)}
        warehouse.write_partition("labels", day.isoformat(), _labels(arms))

    result = dg.materialize([online_ab_test], resources=resources, run_config=_config())

    metadata = result.asset_materializations_for_node("online_ab_test")[0].metadata
    assert metadata["decision"].value == "rollback" and "deadline of 14 days" in metadata["reasons"].value
    assert store.get("cand").status == "rejected"
