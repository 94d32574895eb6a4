"""Runs started from Python (the CLI, the demo) use every setting of the Settings object they are given."""

from datetime import date

import dagster as dg
import pytest
from typer.testing import CliRunner

from feedback_loop.cli import app
from feedback_loop.prompts import PromptStore, PromptVersion
from feedback_loop.registry import Registry
from feedback_loop.runs import definitions_for, open_instance, run_ingestion
from feedback_loop.settings import Settings

pytestmark = pytest.mark.slow

DAY = "2026-11-01"


def _land_a_day(settings: Settings) -> None:
    from feedback_loop.simulate import simulate_day

    simulate_day(settings.layout.landing, date.fromisoformat(DAY), 120, seed=0)


def _prompt_champion(settings: Settings, url: str, version: str) -> None:
    """A prompt registry at ``url`` whose champion is ``version`` (the default registry would say support-v1)."""
    store = PromptStore(settings.layout.prompts)
    prompt = store.write(PromptVersion(version, "Be brief.", {}, None, "2026-10-01T00:00:00+00:00", "test", None))
    registry = Registry(url)
    registry.register(version, path=str(store.path(version)), metrics={}, lineage={}, actor="test")
    registry.promote(version, actor="test", reason="configured elsewhere")
    registry.close()
    assert prompt.version == version


def _analysed_prompt_version(result) -> str:
    [materialization] = result.asset_materializations_for_node("prompt_recommendations")
    return materialization.metadata["prompt_version"].value


def test_runs_of_the_demo_and_the_cli_use_the_configured_prompt_registry_and_retrain_threshold(tmp_path, monkeypatch):
    """Issue 10: runs started by the CLI or the demo rebuilt the prompt registry URL from the data root and took
    the retrain threshold from the environment, not from the Settings they were given."""
    # The environment disagrees with the Settings object: the object must win.
    monkeypatch.setenv("FEEDBACK_LOOP_RETRAIN_THRESHOLD", "999")
    monkeypatch.setenv("FEEDBACK_LOOP_PROMPT_REGISTRY_URL", f"sqlite:///{tmp_path / 'from_the_environment.db'}")
    prompts_url = f"sqlite:///{tmp_path / 'configured_prompts.db'}"
    settings = Settings(
        data_dir=tmp_path / "data",
        dagster_home=tmp_path / "home",
        prompt_registry_url=prompts_url,
        retrain_threshold=5,
    )
    _land_a_day(settings)
    _prompt_champion(settings, prompts_url, "support-v7")

    # The demo's way: run_ingestion with the Settings object, in the instance at its Dagster home.
    with open_instance(settings) as instance:
        result = run_ingestion(settings, DAY, DAY, instance)
        assert result.success
        assert _analysed_prompt_version(result) == "support-v7"

        # The retraining sensor of the same definitions counts against the configured threshold.
        definitions = definitions_for(settings)
        context = dg.build_sensor_context(instance=instance, resources=definitions.resources)
        request = definitions.resolve_sensor_def("feedback_volume_sensor")(context)
    assert isinstance(request, dg.RunRequest), request
    assert request.tags["feedback_loop/trigger"] == "sensor"
    new_feedback = int(request.tags["feedback_loop/new_feedback"])
    assert 5 <= new_feedback < 999
    assert not (tmp_path / "from_the_environment.db").exists()
    assert not (settings.data_dir / "prompt_registry.db").exists()


def test_the_cli_with_another_data_dir_keeps_the_configured_prompt_registry(tmp_path, monkeypatch):
    prompts_url = f"sqlite:///{tmp_path / 'configured_prompts.db'}"
    settings = Settings(data_dir=tmp_path / "data", prompt_registry_url=prompts_url)
    _land_a_day(settings)
    _prompt_champion(settings, prompts_url, "support-v7")
    monkeypatch.setenv("FEEDBACK_LOOP_PROMPT_REGISTRY_URL", prompts_url)
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("FEEDBACK_LOOP_SETTINGS_FILE", raising=False)

    result = CliRunner().invoke(
        app, ["backfill", "--start", DAY, "--end", DAY, "--data-dir", str(settings.data_dir)], catch_exceptions=False
    )

    assert result.exit_code == 0, result.output
    with dg.DagsterInstance.from_config(str(tmp_path / "home")) as instance:
        [run] = instance.get_runs()
        assert run.tags["feedback_loop/trigger"] == "backfill"
        [materialization] = [
            event.asset_materialization
            for event in instance.all_logs(run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION)
            if event.asset_materialization.asset_key == dg.AssetKey("prompt_recommendations")
        ]
    assert materialization.metadata["prompt_version"].value == "support-v7"
    assert not (settings.data_dir / "prompt_registry.db").exists()


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [
        ("2026-11-03", "2026-11-01", "field 'start' 2026-11-03 is after field 'end' 2026-11-01"),
        ("11/01/2026", "2026-11-02", "field 'start' is '11/01/2026', not a daily partition"),
        ("2026-10-31", "2026-11-02", "field 'start' is '2026-10-31', not a daily partition.*first day 2026-11-01"),
        ("2026-11-01", "2999-01-01", "field 'end' is '2999-01-01', not a daily partition"),
    ],
)
def test_a_partition_range_outside_the_days_or_backwards_is_refused_before_any_run(tmp_path, first, last, message):
    # Launched, it ran unpartitioned: every asset recorded a materialization under no day (then kpi_daily failed).
    settings = Settings(data_dir=tmp_path / "data", first_day=date(2026, 11, 1))
    with pytest.raises(ValueError, match=message):
        run_ingestion(settings, first, last)
    assert not settings.layout.warehouse.exists()
