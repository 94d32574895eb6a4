"""Connecting applications: the OTLP/HTTP collector, the importers, and what they write into the landing folder.

Everything here writes landing files only (``<data root>/landing/<day>/*.jsonl``), never the warehouse:
ingestion (`raw_telemetry`) validates, redacts and deduplicates them as it does any landing file.
"""
