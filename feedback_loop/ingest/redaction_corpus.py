"""Where the redaction corpus lived before it moved to :mod:`feedback_loop.privacy.corpus`: kept so that the
independent hold-out corpus (feedback_loop_tests/ingest/holdout_pii_corpus.py), which must stay untouched,
goes on importing its sentence types from here."""

from feedback_loop.privacy.corpus import CorpusSentence, PlantedIdentifier, measure_redaction

__all__ = ["CorpusSentence", "PlantedIdentifier", "measure_redaction"]
