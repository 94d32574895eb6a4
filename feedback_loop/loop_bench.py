"""`feedback-loop bench loop`: how much of the simulator's ceiling the closed loop reaches, per training objective.

For each objective and each seed, the demo's closed loop runs in a fresh data root (under ``work_dir``) in the
``slots`` world unless told otherwise. Each row is one iteration: the served traffic's true thumbs-up rate and its
share of the ceiling, the champion's share of the ceiling on held-out questions (the probe), the share of answers
that are exact copies of a text of the base model's corpus, the gate and A/B decisions, and whether a promotion
made the served model truly worse by more than the A/B test's margin. Everything the rows call true comes from the
simulator, which the pipeline never sees.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from feedback_loop.demo import DemoRollout
from feedback_loop.settings import Settings

LAST_DAY = date(2026, 1, 10)
"""The last simulated day of every run, so that runs are reproducible whatever the date."""


@dataclass(frozen=True)
class LoopBenchConfig:
    iterations: int = 5
    objectives: Sequence[str] = ("sft",)
    seeds: Sequence[int] = (0, 1)
    interactions: int = 2000
    """Simulated interactions per iteration."""
    probe_questions: int = 256
    """Held-out questions the champion answers after each iteration."""
    world: str = "slots"
    rollout: DemoRollout = field(default_factory=DemoRollout)
    """How challengers reach the users (the demo's defaults unless told otherwise)."""
    context_in_prompt: bool = False
    """The demo's `context_in_prompt`: whether the application's system prompt names each user's tier."""
    retrain_run_config: dict | None = field(default=None)
    """Extra run config for `retrain_job` (smaller models in tests)."""


def run_loop_bench(
    settings: Settings, config: LoopBenchConfig, work_dir: str | Path, progress: Callable[[str], None] = print
) -> list[dict[str, Any]]:
    """The rows of every iteration of every (objective, seed) run; each run's data root is ``work_dir``/<run>,
    emptied first so that a re-run starts afresh. Each run holds all of its state there: of ``settings`` only
    the torch threads carry over, so a configured registry, Dagster home or approval policy (production's) is
    never touched and never changes the figures."""
    from feedback_loop.demo import DemoConfig, run_demo
    from feedback_loop.evaluate.online import ABSpec

    margin = ABSpec().non_inferiority_margin
    rows: list[dict[str, Any]] = []
    # The base model depends on the world's seed, not on the objective: each seed's first run builds it, the others
    # start from a copy, which `base_model` reuses (same corpus, same recipe).
    base_models: dict[int, Path] = {}
    for objective in config.objectives:
        for seed in config.seeds:
            root = Path(work_dir) / f"{objective.replace('+', '-')}-seed{seed}"
            shutil.rmtree(root, ignore_errors=True)
            run_settings = Settings(
                data_dir=root,
                simulated_world=config.world,
                first_day=date(2026, 1, 1),
                torch_threads=settings.torch_threads,
            )
            if seed in base_models:
                shutil.copytree(base_models[seed], run_settings.layout.base_model)
            demo = DemoConfig(
                iterations=config.iterations,
                interactions=config.interactions,
                seed=seed,
                objective=objective,
                probe_questions=config.probe_questions,
                last_day=LAST_DAY,
                rollout=config.rollout,
                context_in_prompt=config.context_in_prompt,
                retrain_run_config=config.retrain_run_config,
            )
            progress(f"bench loop: objective {objective}, seed {seed}, {config.iterations} iterations in {root}")
            for row in run_demo(run_settings, demo, progress=progress):
                rows.append(_bench_row(objective, seed, row, margin))
            base_models.setdefault(seed, run_settings.layout.base_model)
    return rows


def _bench_row(objective: str, seed: int, row: dict[str, Any], margin: float) -> dict[str, Any]:
    promoted = row["ab_decision"] == "promote"
    difference = row["ab_true_difference"]
    return {
        "objective": objective,
        "seed": seed,
        "iteration": row["iteration"],
        "thumbs_up_rate": row["thumbs_up_rate"],
        "ceiling": row["ceiling"],
        "share_of_ceiling": row["share_of_ceiling"],
        "probe_share_of_ceiling": row.get("probe_share_of_ceiling"),
        "exact_copy_share": row["exact_copy_share"],
        "gate_passed": row["gate_passed"],
        "gate_interval": row["gate_interval"],
        "shadow_decision": None if row["shadow_decision"] is None else row["shadow_decision"]["passed"],
        "ab_decision": row["ab_decision"],
        "ab_true_difference": difference,
        "promoted_truly_worse": promoted and difference is not None and difference < -margin,
        "champion_version": row["champion_version"],
    }
