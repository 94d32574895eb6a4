"""The daily partitions shared by the telemetry assets: one partition per landing day, from the settings' first day."""

from datetime import date

import dagster as dg

from feedback_loop.settings import load_settings


def daily_partitions_from(first_day: date) -> dg.DailyPartitionsDefinition:
    """One partition per day from ``first_day``; end_offset=1 makes today's partition available, so traffic that
    has already landed today can be ingested."""
    return dg.DailyPartitionsDefinition(start_date=first_day.isoformat(), end_offset=1)


# The assets are module-level definitions, so their decorators take the environment's first day at import;
# `build_defs(settings)` gives them the partitions of its own settings (`with_daily_partitions`), which is what
# every launcher (dagster dev, the CLI, the demo) runs.
daily_partitions = daily_partitions_from(load_settings().first_day)


def with_daily_partitions(
    assets: list[dg.AssetsDefinition | dg.AssetSpec], partitions: dg.DailyPartitionsDefinition
) -> list[dg.AssetsDefinition | dg.AssetSpec]:
    """``assets`` with every daily-partitioned one moved onto ``partitions``; the others as they are."""
    return [
        asset.map_asset_specs(lambda spec: spec.replace_attributes(partitions_def=partitions))
        if isinstance(asset, dg.AssetsDefinition) and isinstance(asset.partitions_def, dg.DailyPartitionsDefinition)
        else asset
        for asset in assets
    ]
