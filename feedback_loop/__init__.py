"""feedback-loop: telemetry in, a promoted LoRA adapter out, orchestrated by Dagster."""

__version__ = "0.1.0"
