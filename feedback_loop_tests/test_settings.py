"""The one Settings object: environment over settings file over defaults, and what moves with the data root."""

import re
from datetime import date
from pathlib import Path

import pytest

from feedback_loop.settings import DataLayout, Settings, load_settings

POSTGRES = "postgresql+psycopg2://loop@db.internal:5432/registry"


def test_defaults_hang_off_the_data_root(tmp_path):
    settings = load_settings({"FEEDBACK_LOOP_DATA_DIR": str(tmp_path / "data")})
    layout = DataLayout((tmp_path / "data").resolve())
    assert settings.data_dir == layout.root
    assert settings.registry_url == layout.default_registry_url()
    assert settings.prompt_registry_url == layout.default_prompt_registry_url()
    assert settings.dagster_home == layout.default_dagster_home
    assert settings.pseudonym_key_file == layout.default_pseudonym_key_file
    assert (settings.first_day, settings.retrain_threshold, settings.late_feedback_days) == (date(2026, 1, 1), 200, 14)
    assert settings.require_approval is False
    assert not any(settings.configured(name) for name in ("registry_url", "prompt_registry_url", "dagster_home"))


def test_the_environment_wins_over_the_settings_file_which_wins_over_the_defaults(tmp_path):
    settings_file = tmp_path / "feedback-loop.toml"
    settings_file.write_text(
        f'registry_url = "{POSTGRES}"\nretrain_threshold = 7\nrequire_approval = true\n'
        f'dagster_home = "{tmp_path}/home"\n'
    )
    settings = load_settings(
        {
            "FEEDBACK_LOOP_SETTINGS_FILE": str(settings_file),
            "FEEDBACK_LOOP_DATA_DIR": str(tmp_path / "data"),
            "FEEDBACK_LOOP_RETRAIN_THRESHOLD": "5",
            "FEEDBACK_LOOP_FIRST_DAY": "2026-11-01",
        }
    )
    assert settings.registry_url == POSTGRES  # the file
    assert settings.retrain_threshold == 5  # the environment over the file's 7
    assert settings.require_approval is True and settings.dagster_home == tmp_path / "home"
    assert settings.first_day == date(2026, 11, 1)
    assert settings.late_feedback_days == 14  # neither: the default
    assert settings.configured("registry_url") and not settings.configured("prompt_registry_url")


def test_a_named_settings_file_must_exist_and_hold_known_keys(tmp_path):
    missing = tmp_path / "nope.toml"
    with pytest.raises(FileNotFoundError, match=f"{re.escape(str(missing))} .FEEDBACK_LOOP_SETTINGS_FILE"):
        load_settings({"FEEDBACK_LOOP_SETTINGS_FILE": str(missing)})
    typo = tmp_path / "typo.toml"
    typo.write_text('registry_ur = "sqlite:///x.db"\n')
    with pytest.raises(ValueError, match=r"registry_ur = 'sqlite:///x.db': Extra inputs are not permitted"):
        load_settings({"FEEDBACK_LOOP_SETTINGS_FILE": str(typo)})


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("FEEDBACK_LOOP_RETRAIN_THRESHOLD", "many"),
        ("FEEDBACK_LOOP_RETRAIN_THRESHOLD", "0"),
        ("FEEDBACK_LOOP_LATE_FEEDBACK_DAYS", "-1"),
        ("FEEDBACK_LOOP_REQUIRE_APPROVAL", "perhaps"),
        ("FEEDBACK_LOOP_FIRST_DAY", "2026-13-01"),
    ],
)
def test_a_bad_value_is_an_error_naming_its_variable(variable, value):
    with pytest.raises(ValueError, match=f"{variable} .* = '{value}'"):
        load_settings({variable: value})


def test_an_empty_variable_counts_as_unset(tmp_path):
    settings = load_settings({"FEEDBACK_LOOP_DATA_DIR": str(tmp_path), "FEEDBACK_LOOP_REGISTRY_URL": ""})
    assert settings.registry_url == DataLayout(tmp_path.resolve()).default_registry_url()
    assert not settings.configured("registry_url")


def test_another_data_root_keeps_what_was_configured_and_moves_the_defaults(tmp_path):
    """Issue 9: `--data-dir` replaced a configured registry URL with a new SQLite registry."""
    key = tmp_path / "mnt" / "pseudonym.key"
    settings = load_settings(
        {
            "FEEDBACK_LOOP_DATA_DIR": str(tmp_path / "a"),
            "FEEDBACK_LOOP_REGISTRY_URL": POSTGRES,
            "FEEDBACK_LOOP_PROMPT_REGISTRY_URL": "sqlite:////srv/prompts.db",
            "FEEDBACK_LOOP_PSEUDONYM_KEY_FILE": str(key),
            "FEEDBACK_LOOP_RETRAIN_THRESHOLD": "5",
        }
    )
    moved = settings.with_data_dir(tmp_path / "b")
    assert moved.data_dir == (tmp_path / "b").resolve()
    assert moved.registry_url == POSTGRES
    assert moved.prompt_registry_url == "sqlite:////srv/prompts.db"
    assert moved.pseudonym_key_file == key.resolve() and moved.pseudonym_key_file_configured
    assert moved.retrain_threshold == 5
    # Unconfigured, they were defaults under the old root: they follow the new one.
    assert moved.dagster_home == moved.layout.default_dagster_home

    defaults = load_settings({"FEEDBACK_LOOP_DATA_DIR": str(tmp_path / "a")}).with_data_dir(tmp_path / "b")
    layout = DataLayout((tmp_path / "b").resolve())
    assert defaults.registry_url == layout.default_registry_url()
    assert defaults.prompt_registry_url == layout.default_prompt_registry_url()
    assert defaults.pseudonym_key_file == layout.default_pseudonym_key_file
    assert not defaults.pseudonym_key_file_configured


def test_settings_given_in_code_ignore_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("FEEDBACK_LOOP_RETRAIN_THRESHOLD", "999")
    monkeypatch.setenv("FEEDBACK_LOOP_REGISTRY_URL", POSTGRES)
    settings = Settings(data_dir=tmp_path, retrain_threshold=5)
    assert settings.retrain_threshold == 5
    assert settings.registry_url == DataLayout(tmp_path.resolve()).default_registry_url()
    assert load_settings().registry_url == POSTGRES  # load_settings is what reads it


S3_ROOT = "s3://telemetry/loop?endpoint_override=http://127.0.0.1:9000&region=us-east-1"
SHARED = {
    "FEEDBACK_LOOP_REGISTRY_URL": POSTGRES,
    "FEEDBACK_LOOP_PROMPT_REGISTRY_URL": POSTGRES.replace("registry", "prompts"),
    "FEEDBACK_LOOP_PSEUDONYM_KEY_FILE": "/run/secrets/pseudonym.key",
}


def test_a_data_root_in_object_storage_is_worked_on_in_a_local_copy(tmp_path):
    settings = load_settings({"FEEDBACK_LOOP_DATA_DIR": S3_ROOT, **SHARED})
    assert settings.data_dir == S3_ROOT  # the URL as given, its endpoint included
    assert settings.layout.root == Path.home() / ".cache" / "feedback-loop" / "telemetry" / "loop"
    assert settings.dagster_home == settings.layout.default_dagster_home
    configured = load_settings(
        {"FEEDBACK_LOOP_DATA_DIR": S3_ROOT, "FEEDBACK_LOOP_WORKING_DIR": str(tmp_path), **SHARED}
    )
    assert configured.layout.root == tmp_path
    moved = load_settings(SHARED).with_data_dir(S3_ROOT)  # --data-dir s3://...
    assert moved.layout.root == settings.layout.root and moved.registry_url == POSTGRES


def test_the_collector_spools_locally_only_for_a_data_root_in_object_storage(tmp_path):
    local = load_settings({"FEEDBACK_LOOP_DATA_DIR": str(tmp_path)})
    assert local.collector_spool == local.layout.landing  # it writes into the landing folder itself
    remote = load_settings({"FEEDBACK_LOOP_DATA_DIR": S3_ROOT, **SHARED})
    # State of the machine (files not uploaded yet), not in the working copy, which is a cache.
    assert remote.collector_spool == Path.home() / ".local/state/feedback-loop/telemetry/loop/collector-spool"
    configured = load_settings(
        {"FEEDBACK_LOOP_DATA_DIR": S3_ROOT, "FEEDBACK_LOOP_COLLECTOR_SPOOL_DIR": str(tmp_path / "spool"), **SHARED}
    )
    assert configured.collector_spool == tmp_path / "spool"


@pytest.mark.parametrize("missing", sorted(SHARED))
def test_a_data_root_in_object_storage_needs_shared_registries_and_a_mounted_key(missing):
    given = {name: value for name, value in SHARED.items() if name != missing}
    with pytest.raises(ValueError, match=f"object storage.*configure {missing}"):
        load_settings({"FEEDBACK_LOOP_DATA_DIR": S3_ROOT, **given})


def test_a_data_root_url_must_be_s3():
    with pytest.raises(ValueError, match=r"FEEDBACK_LOOP_DATA_DIR .*s3://bucket/prefix"):
        load_settings({"FEEDBACK_LOOP_DATA_DIR": "gs://bucket/prefix", **SHARED})
