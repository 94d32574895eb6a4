"""The daily partitions start at the settings' first day, and the demo sets that day to its own first day."""

from datetime import UTC, date, datetime

import dagster as dg
import pytest

from feedback_loop.definitions import build_defs
from feedback_loop.demo import DemoConfig, demo_settings
from feedback_loop.settings import Settings

DAILY_ASSETS = {"raw_telemetry", "shadow_telemetry", "labeled_interactions", "kpi_daily"}


def test_the_definitions_partition_the_daily_assets_and_the_ingestion_job_from_the_first_day(tmp_path):
    definitions = build_defs(Settings(data_dir=tmp_path, first_day=date(2026, 11, 20)))
    graph = definitions.resolve_asset_graph()
    partitioned = {key.to_user_string(): graph.get(key).partitions_def for key in graph.get_all_asset_keys()}
    starts = {name: p.start.date() for name, p in partitioned.items() if p is not None}
    assert starts == dict.fromkeys(DAILY_ASSETS, date(2026, 11, 20))
    job = definitions.resolve_job_def("ingestion_job")
    assert job.partitions_def is not None and job.partitions_def.get_first_partition_key() == "2026-11-20"


def test_the_demo_starts_the_partitions_at_its_first_day_unless_one_is_configured(tmp_path):
    config = DemoConfig(iterations=3, last_day=date(2026, 11, 5))
    assert config.days == [date(2026, 11, 3), date(2026, 11, 4), date(2026, 11, 5)]
    assert demo_settings(Settings(data_dir=tmp_path), config).first_day == date(2026, 11, 3)

    earlier = Settings(data_dir=tmp_path, first_day=date(2026, 10, 1))
    assert demo_settings(earlier, config).first_day == date(2026, 10, 1)
    with pytest.raises(
        ValueError, match="the demo's first day 2026-11-03 is before FEEDBACK_LOOP_FIRST_DAY 2026-11-04"
    ):
        demo_settings(Settings(data_dir=tmp_path, first_day=date(2026, 11, 4)), config)


def test_a_demo_on_a_fresh_data_root_shows_only_its_own_days_in_the_ui(tmp_path):
    """Issue 9: partitions from 2026-01-01 showed a first run as hundreds of missing days."""
    config = DemoConfig(iterations=3, last_day=date(2026, 11, 5))
    definitions = build_defs(demo_settings(Settings(data_dir=tmp_path), config))
    partitions = definitions.resolve_job_def("ingestion_job").partitions_def
    assert isinstance(partitions, dg.DailyPartitionsDefinition)
    # The day after the demo, with today's partition open (end_offset=1): its three days and today, nothing before.
    keys = partitions.get_partition_keys(current_time=datetime(2026, 11, 6, 12, tzinfo=UTC))
    assert keys == ["2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"]
