"""Fixtures for the Dagster layer: simulated landing data and a tiny model recipe that trains in seconds."""

from __future__ import annotations

from datetime import date

import dagster as dg
import pytest

from feedback_loop.defs.resources import build_resources
from feedback_loop.settings import load_settings

DAYS = ["2026-11-01", "2026-11-02"]

# Small enough to pre-train and fine-tune in seconds on 2 cores, big enough to learn the answers.
TINY_BASE = {
    "vocab_size": 512,
    "hidden_size": 64,
    "num_layers": 2,
    "num_heads": 2,
    "intermediate_size": 128,
    "max_length": 128,
    "pretrain_steps": 60,
    "pretrain_batch_size": 16,
}
# No max_length: training takes the one curation chose for the dataset (at most the base model's 128).
TINY_LORA = {"epochs": 4, "batch_size": 16, "learning_rate": 5e-3, "r": 8, "alpha": 16}
# A model this small learns the targets' tokens before it generates them: gate on the loss, guard the score.
# The tiny model's 16-token answers to ~25 eval examples in ~12 target groups say little: the loss decides, and the
# score guardrail allows 0.1 (at 0.01 its interval, honest about 12 groups, held the 0 of a better adapter).
TINY_EVAL = {"max_new_tokens": 16, "n_resamples": 1000, "primary_metric": "loss", "score_margin": 0.1}


def retrain_run_config(rollout: str = "immediate", shadow: bool = False, **sft) -> dict:
    return {
        "ops": {
            "base_model": {"config": TINY_BASE},
            "lora_adapter": {"config": TINY_LORA},
            "adapter_evaluation": {"config": TINY_EVAL},
            "champion_adapter": {"config": {"rollout": rollout, "shadow": shadow}},
            **({"sft_dataset": {"config": sft}} if sft else {}),
        }
    }


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def settings(data_dir, tmp_path):
    home = tmp_path / "dagster_home"
    home.mkdir()
    return load_settings({"FEEDBACK_LOOP_DATA_DIR": str(data_dir), "DAGSTER_HOME": str(home)})


@pytest.fixture
def resources(settings):
    return build_resources(settings)


@pytest.fixture
def landed(settings):
    """Two days of simulated telemetry in the landing folder (late feedback of day 1 lands on day 2)."""
    from feedback_loop.simulate import simulate_day

    for seed, day in enumerate(DAYS):
        simulate_day(settings.layout.landing, date.fromisoformat(day), 150, seed, invalid_lines=2)
    return settings


@pytest.fixture
def instance(settings):
    with dg.instance_for_test(temp_dir=str(settings.dagster_home)) as instance:
        yield instance
