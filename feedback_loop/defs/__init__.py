"""The Dagster layer: assets, checks, sensors and schedules that wire the plain stage logic together."""
