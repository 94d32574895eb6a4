"""The daily partitions shared by the telemetry assets: one partition per landing day."""

import dagster as dg

from feedback_loop.settings import load_settings

# end_offset=1 makes today's partition available, so traffic that has already landed today can be ingested.
daily_partitions = dg.DailyPartitionsDefinition(start_date=load_settings().first_day, end_offset=1)
