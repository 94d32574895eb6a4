"""`bench loop` runs the closed loop in the slot world and reports, per iteration, what the issue asks for."""

import pytest
from typer.testing import CliRunner

from feedback_loop.loop_bench import LoopBenchConfig, run_loop_bench
from feedback_loop_tests.defs.conftest import retrain_run_config

pytestmark = pytest.mark.slow

ROW_KEYS = {
    "objective", "seed", "iteration", "thumbs_up_rate", "share_of_ceiling", "probe_share_of_ceiling",
    "exact_copy_share", "promoted_truly_worse",
}  # fmt: skip


def test_one_tiny_run_reports_the_ceiling_the_probe_and_the_copies(settings, tmp_path):
    config = LoopBenchConfig(
        iterations=1,
        seeds=(4,),
        interactions=150,
        probe_questions=24,
        context_in_prompt=True,
        retrain_run_config=retrain_run_config(),
    )
    # A configured (production) registry: the bench's runs keep theirs in their own data roots.
    production = settings.model_copy(update={"registry_url": f"sqlite:///{tmp_path / 'production.db'}"})
    [row] = run_loop_bench(production, config, tmp_path / "bench", progress=lambda message: None)
    assert not (tmp_path / "production.db").exists()
    assert (tmp_path / "bench" / "sft-seed4" / "registry.db").is_file()
    assert set(row) >= ROW_KEYS
    assert (row["objective"], row["seed"], row["iteration"]) == ("sft", 4, 1)
    # The base model served the first day; it copies no corpus answer of this world and is far from the ceiling.
    assert 0.0 <= row["share_of_ceiling"] <= 0.5 and 0.0 <= row["probe_share_of_ceiling"] <= 0.5
    assert row["exact_copy_share"] <= 0.05
    assert row["promoted_truly_worse"] is False and row["ab_decision"] == "none"
    assert (tmp_path / "bench" / "sft-seed4" / "simulated_world" / "slots-corpus.txt").is_file()
    # The application names each user's tier in its system prompt, and the curated examples keep the text served.
    from feedback_loop.curate import load_sft_dataset

    [dataset] = (tmp_path / "bench" / "sft-seed4" / "datasets" / "sft").iterdir()
    systems = set(load_sft_dataset(dataset)["train"]["system"])
    assert len(systems) >= 2 and systems <= {
        f"The user is on the {tier} plan." for tier in ("free", "plus", "business")
    }


def test_the_command_refuses_an_unknown_objective():
    from feedback_loop.cli import app

    result = CliRunner().invoke(app, ["bench", "loop", "--objective", "ppo"])
    assert result.exit_code != 0 and "--objective" in result.output


def test_the_command_passes_the_rollout_options_and_keeps_the_demos_defaults_for_the_rest(monkeypatch, tmp_path):
    import feedback_loop.loop_bench as loop_bench
    from feedback_loop.cli import app
    from feedback_loop.demo import DemoRollout

    configs = []
    monkeypatch.setattr(
        loop_bench, "run_loop_bench", lambda settings, config, work_dir, progress: configs.append(config) or []
    )
    options = ["bench", "loop", "--shadow", "--canary-share", "0.5", "--work-dir", str(tmp_path)]
    result = CliRunner().invoke(app, options)
    assert result.exit_code == 0, result.output
    [config] = configs
    assert config.rollout == DemoRollout(canary_share=0.5, shadow=True)
    assert config.rollout.ab_expected_difference == DemoRollout().ab_expected_difference
    assert CliRunner().invoke(app, ["bench", "loop", "--work-dir", str(tmp_path)]).exit_code == 0
    assert configs[1].rollout == DemoRollout()
    assert (config.context_in_prompt, configs[1].context_in_prompt) == (False, False)
    assert CliRunner().invoke(app, ["bench", "loop", "--context-in-prompt", "--work-dir", str(tmp_path)]).exit_code == 0
    assert configs[2].context_in_prompt is True
