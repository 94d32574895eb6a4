"""Reading stored partitions conformed to a schema: a column an older partition predates reads as nulls."""

import time

import pyarrow as pa
import pyarrow.compute as pc

from feedback_loop.warehouse import Warehouse


def test_a_column_an_older_partition_predates_reads_as_nulls_of_its_type(tmp_path):
    schema = pa.schema([("event_id", pa.string()), ("event_type", pa.string()), ("user_segment", pa.string())])
    warehouse = Warehouse(tmp_path)
    # Written before `user_segment` existed, then after.
    warehouse.write_partition("events", "2026-11-01", pa.table({"event_id": ["a", "b"], "event_type": ["x", "y"]}))
    later = pa.table({"event_id": ["c"], "event_type": ["x"], "user_segment": ["pro"]}, schema=schema)
    warehouse.write_partition("events", "2026-11-02", later)

    table = warehouse.read_partitions(
        "events", schema=schema, columns=["event_id", "user_segment"], filter=pc.field("event_type") == "x"
    )

    assert table.column_names == ["event_id", "user_segment", "date"]
    assert table.schema.field("user_segment").type == pa.string()
    assert table.to_pylist() == [
        {"event_id": "a", "user_segment": None, "date": "2026-11-01"},
        {"event_id": "c", "user_segment": "pro", "date": "2026-11-02"},
    ]


def test_a_whole_partition_read_with_a_schema_conforms_to_it_and_keeps_columns_beyond_it(tmp_path):
    schema = pa.schema([("event_id", pa.string()), ("user_segment", pa.string())])
    warehouse = Warehouse(tmp_path)
    assert warehouse.read_partitions("events", schema=schema).schema == schema.append(pa.field("date", pa.string()))
    warehouse.write_partition("events", "2026-11-01", pa.table({"event_id": ["a"], "legacy": [1]}))
    warehouse.write_partition("events", "2026-11-02", pa.table({"event_id": ["b"], "user_segment": ["pro"]}))

    table = warehouse.read_partitions("events", schema=schema)

    assert table.schema.field("user_segment").type == pa.string()
    assert table.to_pylist() == [
        {"event_id": "a", "user_segment": None, "legacy": 1, "date": "2026-11-01"},
        {"event_id": "b", "user_segment": "pro", "legacy": None, "date": "2026-11-02"},
    ]


def test_written_gives_each_partition_with_when_it_was_last_written(tmp_path):
    warehouse = Warehouse(tmp_path)
    day = pa.table({"x": [1]})

    def write(table: str, key: str) -> None:
        time.sleep(0.02)  # file times tick in steps of a few ms (the kernel's coarse clock)
        warehouse.write_partition(table, key, day)

    write("events", "2026-11-02")
    write("labels", "2026-11-02")
    write("events", "2026-11-01")
    (tmp_path / "events" / "date=2026-11-03").mkdir()  # a partition being written: no file yet

    events, labels = warehouse.written("events"), warehouse.written("labels")
    assert list(events) == warehouse.partitions("events") == ["2026-11-01", "2026-11-02"]
    assert events["2026-11-02"] < labels["2026-11-02"] < events["2026-11-01"]  # written in that order
    write("events", "2026-11-02")
    assert warehouse.written("events")["2026-11-02"] > labels["2026-11-02"]
