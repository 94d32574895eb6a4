"""`feedback-loop demo --objective`: a preference objective reaches the retrain runs' config; a typo is refused."""

from __future__ import annotations

from datetime import date

from typer.testing import CliRunner

from feedback_loop.cli import app
from feedback_loop.demo import _with_objective, _with_poison


def test_an_unknown_objective_is_refused_before_anything_runs(tmp_path):
    result = CliRunner().invoke(app, ["demo", "--objective", "ppo", "--data-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "--objective must be one of sft, kto, dpo, sft+dpo, got 'ppo'" in " ".join(result.output.split())
    assert not (tmp_path / "warehouse").exists()


def test_the_objective_reaches_lora_adapter_and_the_poisoned_challenger_stays_sft():
    run_config = {
        "ops": {"lora_adapter": {"config": {"epochs": 2}}, "sft_dataset": {"config": {"min_confidence": 0.8}}}
    }
    dpo = _with_objective(run_config, "dpo")
    assert dpo["ops"]["lora_adapter"]["config"] == {"epochs": 2, "objective": "dpo"}
    poisoned = _with_poison(dpo)
    assert poisoned["ops"]["lora_adapter"]["config"] == {"epochs": 2, "objective": "sft"}
    assert poisoned["ops"]["sft_dataset"]["config"] == {"min_confidence": 0.8, "target_quality": "bad"}
    assert run_config["ops"]["lora_adapter"]["config"] == {"epochs": 2}  # nothing changed in place


def test_the_table_says_pending_only_for_a_challenger_in_shadow(capsys):
    from feedback_loop.cli import _print_demo

    row = {
        "iteration": 1, "interactions": 10, "thumbs_up_rate": 0.5, "share_of_ceiling": 0.6, "gate_interval": None,
        "gate_passed": True, "gate_metric": "score", "ab_decision": "none", "champion_version": None,
        "canary_version": None, "shadow_passed": None, "challenger": "v1",
    }  # fmt: skip
    in_shadow = {**row, "shadow_version": "v1"}
    canary_at_once = {**row, "iteration": 2, "shadow_version": None, "canary_version": "v1"}
    _print_demo([in_shadow, canary_at_once], poison=False)
    rows = capsys.readouterr().out.split("│ 2 ")
    assert len(rows) == 2 and "pending" in rows[0] and "pending" not in rows[1]


def _demo_config(monkeypatch, tmp_path, *flags: str):
    """The DemoConfig that `feedback-loop demo` with ``flags`` hands to run_demo (which is not run)."""
    import feedback_loop.demo as demo

    class Captured(Exception):
        pass

    def capture(settings, config, progress):
        raise Captured(config)

    monkeypatch.setattr(demo, "run_demo", capture)
    result = CliRunner().invoke(app, ["demo", *flags, "--data-dir", str(tmp_path)])
    assert isinstance(result.exception, Captured), result.output
    return result.exception.args[0]


def test_context_in_prompt_reaches_the_demo_config(monkeypatch, tmp_path):
    configs = [_demo_config(monkeypatch, tmp_path, *flags) for flags in ([], ["--context-in-prompt"])]
    assert [config.context_in_prompt for config in configs] == [False, True]


def test_the_last_day_makes_a_demo_reproducible_on_any_calendar_day(monkeypatch, tmp_path):
    config = _demo_config(monkeypatch, tmp_path, "--last-day", "2026-11-30")
    assert config.days == [date(2026, 11, 28), date(2026, 11, 29), date(2026, 11, 30)]
