"""Incremental labeling in the ingestion run: the auto-labeler learns from the stored labels (their feature and
label columns only) and is not refit while its training rows stay the same; re-labeling a day reads only the
columns it needs, filtered by interaction id in the reader, and predicts only new or changed interactions."""

from __future__ import annotations

from datetime import date

import dagster as dg
import pyarrow as pa
import pyarrow.compute as pc

from feedback_loop.defs.ingest import raw_telemetry
from feedback_loop.defs.label import auto_labeler, labeled_interactions
from feedback_loop.label.decisions import REVIEWS_TABLE, decisions_table, make_decision
from feedback_loop.label.learned import STORED_PREDICTION_COLUMNS, TRAINING_COLUMNS
from feedback_loop.label.rules import INTERACTION_EVENT_COLUMNS, SIGNAL_COLUMNS
from feedback_loop.runs import partition_range_tags, run_ingestion
from feedback_loop.warehouse import Warehouse
from feedback_loop_tests.defs.conftest import DAYS


def _spy_reads(monkeypatch) -> list[tuple[str, list[str] | None, object]]:
    """Record (table, columns, filter) of every Warehouse.read_partitions call from now on."""
    reads: list[tuple[str, list[str] | None, object]] = []
    original = Warehouse.read_partitions

    def read_partitions(self, table_name, partitions=None, schema=None, columns=None, filter=None):
        reads.append((table_name, columns, filter))
        return original(self, table_name, partitions, schema=schema, columns=columns, filter=filter)

    monkeypatch.setattr(Warehouse, "read_partitions", read_partitions)
    return reads


def _refit_on_any_change() -> dict:
    return {"ops": {"auto_labeler": {"config": {"refit_min_new_share": 0.0}}}}


def _metadata(result, node: str) -> dict:
    return {k: v.value for k, v in result.asset_materializations_for_node(node)[0].metadata.items()}


def test_the_labeler_learns_from_stored_labels_and_is_refit_only_when_its_training_rows_change(
    landed, resources, instance, monkeypatch
):
    assert run_ingestion(landed, DAYS[0], DAYS[-1], instance=instance).success
    first = instance.get_latest_materialization_event(dg.AssetKey("auto_labeler")).asset_materialization
    version = first.metadata["version"].value
    assert first.metadata["refit"].value is True

    reads = _spy_reads(monkeypatch)
    again = dg.materialize([auto_labeler], resources=resources, instance=instance)
    metadata = _metadata(again, "auto_labeler")
    assert (metadata["version"], metadata["refit"], metadata["published"]) == (version, False, True)
    check = again.get_asset_check_evaluations()[0]
    assert check.passed and check.metadata["heldout_auc"].value == first.metadata["heldout_auc"].value
    # Both days are labeled: the labeler reads their stored labels, only its columns, and no event at all.
    assert [(table, columns) for table, columns, _ in reads if table != "reviews"] == [
        ("labels", list(TRAINING_COLUMNS))
    ]

    # A stored label the events do not say (a reviewer's verdict written into the partition): a new training
    # set, so a new labeler, which shows that training reads the stored labels.
    warehouse = Warehouse(landed.layout.warehouse)
    labels = warehouse.read_partitions("labels", [DAYS[0]]).drop_columns(["date"])
    explicit = pc.index(labels["quality_source"], "explicit").as_py()
    rows = labels.to_pylist()
    rows[explicit].update(quality="bad" if rows[explicit]["quality"] == "good" else "good", quality_source="human")
    warehouse.write_partition("labels", DAYS[0], pa.Table.from_pylist(rows, schema=labels.schema))
    # One changed row of many is below refit_min_new_share: the labeler in use stays, and says why.
    kept = _metadata(dg.materialize([auto_labeler], resources=resources, instance=instance), "auto_labeler")
    assert (kept["version"], kept["refit"], kept["rows_new_since_fit"]) == (version, False, 1)
    assert "1 of " in kept["outcome"] and "refit_min_new_share" in kept["outcome"]
    # Other settings make another model, however few rows changed.
    other_settings = {"ops": {"auto_labeler": {"config": {"regularization_c": 0.5}}}}
    resettled = _metadata(
        dg.materialize([auto_labeler], resources=resources, instance=instance, run_config=other_settings),
        "auto_labeler",
    )
    assert resettled["refit"] is True and resettled["version"] != version
    changed = _metadata(
        dg.materialize([auto_labeler], resources=resources, instance=instance, run_config=_refit_on_any_change()),
        "auto_labeler",
    )
    assert changed["refit"] is True and changed["version"] != version

    # A review decision recorded after labeling counts at once, without re-labeling the day.
    unjudged = next(row for row in rows if row["quality_source"] in ("model", "rule", "none"))
    decision = make_decision(unjudged["interaction_id"], "relabel", reviewer="ana", quality="bad")
    warehouse.append(REVIEWS_TABLE, decisions_table([decision]))
    reviewed = _metadata(
        dg.materialize([auto_labeler], resources=resources, instance=instance, run_config=_refit_on_any_change()),
        "auto_labeler",
    )
    assert reviewed["refit"] is True and reviewed["version"] not in (version, changed["version"])
    assert reviewed["metrics"]["training_human_rows"] == 2


def test_relabeling_a_day_reads_only_what_it_needs_and_predicts_only_new_or_changed_interactions(
    landed, resources, instance, monkeypatch
):
    assert run_ingestion(landed, DAYS[0], DAYS[-1], instance=instance).success
    warehouse = Warehouse(landed.layout.warehouse)
    before = warehouse.read_partitions("labels", [DAYS[0]])
    assert pc.sum(pc.is_valid(before["model_good_probability"])).as_py() == before.num_rows

    reads = _spy_reads(monkeypatch)
    relabel = dg.materialize([labeled_interactions], resources=resources, instance=instance, partition_key=DAYS[0])
    assert relabel.success
    assert _metadata(relabel, "labeled_interactions")["model_predicted"] == 0
    assert warehouse.read_partitions("labels", [DAYS[0]]).equals(before)  # the same numbers, none recomputed
    events = [(columns, filter) for table, columns, filter in reads if table == "events"]
    assert [columns for columns, _ in events] == [list(INTERACTION_EVENT_COLUMNS), list(SIGNAL_COLUMNS)]
    assert all(filter is not None for _, filter in events)
    assert "interaction_id" in str(events[1][1])  # the signals are filtered by interaction id in the reader
    assert ("labels", list(STORED_PREDICTION_COLUMNS)) in [(table, columns) for table, columns, _ in reads]

    # Late behaviour changes one interaction's features: only that one is predicted again.
    stored = before.to_pylist()
    target = stored[0]
    late = {
        "event_id": "late-copy",
        "event_type": "behaviour",
        "timestamp": target["timestamp"],
        "interaction_id": target["interaction_id"],
        "action": "copy",
    }
    events_day = warehouse.read_partitions("events", [DAYS[-1]]).drop_columns(["date"])
    row = {name: None for name in events_day.column_names} | late
    warehouse.write_partition(
        "events", DAYS[-1], pa.concat_tables([events_day, pa.Table.from_pylist([row], schema=events_day.schema)])
    )
    again = dg.materialize([labeled_interactions], resources=resources, instance=instance, partition_key=DAYS[0])
    assert _metadata(again, "labeled_interactions")["model_predicted"] == 1
    after = {row["interaction_id"]: row for row in warehouse.read_partitions("labels", [DAYS[0]]).to_pylist()}
    assert after[target["interaction_id"]]["actions"].count("copy") == target["actions"].count("copy") + 1
    unchanged = [row for row in stored if row["interaction_id"] != target["interaction_id"]]
    assert all(
        after[row["interaction_id"]]["model_good_probability"] == row["model_good_probability"] for row in unchanged
    )


def test_the_labeler_learns_from_the_events_of_a_day_ingested_again_not_from_its_former_labels(
    settings, resources, instance
):
    """Days first ingested before their telemetry landed have empty labels; ingested again with it, the labeler of
    that run learns from their events (its labels are stale until labeled_interactions runs after it)."""
    from feedback_loop.simulate import simulate_day

    def ingest_and_label() -> dg.ExecuteInProcessResult:
        return dg.materialize(
            [raw_telemetry, auto_labeler, labeled_interactions],
            resources=resources,
            instance=instance,
            tags=partition_range_tags(settings, DAYS[0], DAYS[-1]),
        )

    empty = ingest_and_label()
    assert _metadata(empty, "auto_labeler")["refit"] is False  # no labels to learn from yet
    warehouse = Warehouse(settings.layout.warehouse)
    assert warehouse.partitions("labels") == DAYS
    assert warehouse.read_partitions("labels").num_rows == 0

    for seed, day in enumerate(DAYS):
        simulate_day(settings.layout.landing, date.fromisoformat(day), 150, seed)
    landed = ingest_and_label()
    trained = _metadata(landed, "auto_labeler")
    assert (trained["refit"], trained["published"]) == (True, True)
    assert trained["training_days"] == f"{DAYS[0]}..{DAYS[-1]}"
    # It learned what labeled_interactions then stored: read from the (now current) labels, the rows are the same.
    again = _metadata(dg.materialize([auto_labeler], resources=resources, instance=instance), "auto_labeler")
    assert (again["version"], again["refit"], again["rows_new_since_fit"]) == (trained["version"], False, 0)
