"""The pseudonym key resource, its settings, and redaction as seen from the `raw_telemetry` asset."""

import json
import logging
import re
import stat

import dagster as dg
import pytest

from feedback_loop.defs.ingest import raw_telemetry
from feedback_loop.defs.resources import Privacy, _create_key_file, build_resources
from feedback_loop.privacy import pseudonymize
from feedback_loop.settings import Settings, load_settings
from feedback_loop.warehouse import Warehouse

DAY = "2026-11-01"


def test_missing_default_key_file_is_created_private_and_random_then_reused(tmp_path, caplog):
    path = tmp_path / "secrets" / "pseudonym.key"

    with caplog.at_level(logging.WARNING):
        key = Privacy(pseudonym_key_file=str(path), create_if_missing=True).pseudonym_key()

    assert re.fullmatch(rb"[0-9a-f]{64}", key)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert f"created a new pseudonym key in {path}" in caplog.text
    assert Privacy(pseudonym_key_file=str(path), create_if_missing=True).pseudonym_key() == key
    assert Privacy(pseudonym_key_file=str(path)).pseudonym_key() == key
    assert Privacy(pseudonym_key_file=str(tmp_path / "other.key"), create_if_missing=True).pseudonym_key() != key
    assert [p.name for p in path.parent.iterdir()] == ["pseudonym.key"]  # no temporary file left behind


def test_missing_named_key_file_is_an_error_naming_variable_and_path_not_a_new_key(tmp_path):
    path = tmp_path / "mnt" / "secrets" / "pseudonym.key"  # a secret mount that failed

    with pytest.raises(FileNotFoundError, match=f"{re.escape(str(path))} \\(FEEDBACK_LOOP_PSEUDONYM_KEY_FILE\\)"):
        Privacy(pseudonym_key_file=str(path)).pseudonym_key()

    assert not (tmp_path / "mnt").exists()


def test_a_racing_creation_keeps_the_first_key(tmp_path):
    path = tmp_path / "pseudonym.key"

    assert _create_key_file(path) is True
    first = path.read_bytes()
    assert _create_key_file(path) is False
    assert path.read_bytes() == first


def test_mounted_key_is_read_without_surrounding_whitespace(tmp_path):
    path = tmp_path / "mounted.key"
    path.write_text("  s3cret-key-from-the-vault\n")

    assert Privacy(pseudonym_key_file=str(path)).pseudonym_key() == b"s3cret-key-from-the-vault"


def test_empty_key_file_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "empty.key"
    path.write_text("\n")

    with pytest.raises(ValueError, match=f"pseudonym key file {re.escape(str(path))} is empty"):
        Privacy(pseudonym_key_file=str(path)).pseudonym_key()


def test_key_file_setting_defaults_under_the_data_root_and_follows_it(tmp_path, monkeypatch):
    settings = load_settings({"FEEDBACK_LOOP_DATA_DIR": str(tmp_path / "a")})
    assert settings.pseudonym_key_file == (tmp_path / "a" / "secrets" / "pseudonym.key").resolve()
    assert settings.with_data_dir(tmp_path / "b").pseudonym_key_file == (tmp_path / "b/secrets/pseudonym.key").resolve()

    assert not settings.pseudonym_key_file_configured

    mounted = tmp_path / "mnt" / "key"
    explicit = load_settings(
        {"FEEDBACK_LOOP_DATA_DIR": str(tmp_path / "a"), "FEEDBACK_LOOP_PSEUDONYM_KEY_FILE": str(mounted)}
    )
    assert explicit.pseudonym_key_file == mounted.resolve()
    assert explicit.pseudonym_key_file_configured
    assert explicit.with_data_dir(tmp_path / "b").pseudonym_key_file == mounted.resolve()
    # Named, even at the default place, the key file is a secret mount: it stays where it was named.
    named_default = load_settings(
        {
            "FEEDBACK_LOOP_DATA_DIR": str(tmp_path / "a"),
            "FEEDBACK_LOOP_PSEUDONYM_KEY_FILE": str(settings.pseudonym_key_file),
        }
    )
    assert named_default.with_data_dir(tmp_path / "b").pseudonym_key_file == settings.pseudonym_key_file


def test_resources_create_only_the_default_key_file(tmp_path):
    mounted = tmp_path / "mnt" / "key"
    root = {"FEEDBACK_LOOP_DATA_DIR": str(tmp_path / "c")}
    named = build_resources(load_settings({**root, "FEEDBACK_LOOP_PSEUDONYM_KEY_FILE": str(mounted)}))["privacy"]
    assert (named.pseudonym_key_file, named.create_if_missing) == (str(mounted.resolve()), False)
    with pytest.raises(FileNotFoundError, match="FEEDBACK_LOOP_PSEUDONYM_KEY_FILE"):
        named.pseudonym_key()
    assert not mounted.exists()

    default = build_resources(load_settings(root))["privacy"]
    default_file = (tmp_path / "c" / "secrets" / "pseudonym.key").resolve()
    assert (default.pseudonym_key_file, default.create_if_missing) == (str(default_file), True)
    assert default.pseudonym_key() == default_file.read_bytes().strip()


def test_raw_telemetry_stops_when_the_named_key_file_is_missing(settings):
    mounted = settings.data_dir.parent / "mnt" / "pseudonym.key"
    resources = build_resources(Settings(data_dir=settings.data_dir, pseudonym_key_file=mounted))
    folder = settings.layout.landing / DAY
    folder.mkdir(parents=True)
    (folder / "app.jsonl").write_text(json.dumps({"event_id": "e1", "user_id": "ann"}) + "\n")

    with pytest.raises(FileNotFoundError, match=re.escape(str(mounted.resolve()))):
        dg.materialize([raw_telemetry], partition_key=DAY, resources=resources)

    assert not mounted.exists()
    assert Warehouse(settings.layout.warehouse).partitions("quarantine") == []


def test_raw_telemetry_stores_no_pii_and_reports_redactions(settings, resources):
    folder = settings.layout.landing / DAY
    folder.mkdir(parents=True)
    event = {
        "schema_version": 1,
        "event_id": "f1",
        "event_type": "feedback",
        "timestamp": "2026-11-01T10:00:00Z",
        "interaction_id": "i1",
        "session_id": "s1",
        "user_id": "ann@example.com",
        "comment": "call me on 415-555-0123 or mail ann@example.com",
    }
    landed = json.dumps(event) + "\n" + json.dumps({**event, "event_id": "f2", "rating": 0}) + "\n"
    (folder / "app.jsonl").write_text(landed)

    result = dg.materialize([raw_telemetry], partition_key=DAY, resources=resources)

    metadata = result.asset_materializations_for_node("raw_telemetry")[0].metadata
    assert metadata["redactions"].value == {
        "EMAIL": 2,
        "PHONE": 2,
        "CARD": 0,
        "IBAN": 0,
        "IP": 0,
        "SSN": 0,
        "SECRET": 0,
        "URL_CREDENTIALS": 0,
        # Types the lines plant none of: names, addresses, national ids, passports, dates of birth.
        **{kind: 0 for kind in ("NATIONAL_ID", "PASSPORT", "DOB", "ADDRESS", "PERSON")},
    }
    warehouse = Warehouse(settings.layout.warehouse)
    [row] = warehouse.read_partitions("events", [DAY]).to_pylist()
    [quarantined] = warehouse.read_partitions("quarantine", [DAY]).to_pylist()
    key = settings.pseudonym_key_file.read_bytes().strip()
    assert (row["user_id"], row["comment"]) == (
        pseudonymize("ann@example.com", key),
        "call me on <PHONE> or mail <EMAIL>",
    )
    # The whole number, not a fragment: a pseudonymized id is hex and may hold any short digit run.
    assert "ann@" not in quarantined["raw_line"] and "415-555-0123" not in quarantined["raw_line"]
    assert (folder / "app.jsonl").read_text() == landed
