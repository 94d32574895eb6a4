"""The daily partitions shared by the telemetry assets: one partition per landing day."""

import dagster as dg

from feedback_loop.settings import load_settings

# The assets are module-level definitions, so their partitions take the first day from the environment's
# settings when the module is imported; `--data-dir` and other per-launch changes never touch it.
# end_offset=1 makes today's partition available, so traffic that has already landed today can be ingested.
daily_partitions = dg.DailyPartitionsDefinition(start_date=load_settings().first_day.isoformat(), end_offset=1)
