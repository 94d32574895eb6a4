"""`feedback-loop registry list/promote/rollback/audit` on a registry under a data root."""

import json

import pytest
from typer.testing import CliRunner

from feedback_loop.cli import app
from feedback_loop.registry import Registry
from feedback_loop.settings import DataLayout
from feedback_loop_tests.adapter_folders import adapter_folder

runner = CliRunner()


def _registry(data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    store = Registry(DataLayout(data_dir.resolve()).default_registry_url())
    for version in ("aaa111", "bbb222"):
        path = adapter_folder(data_dir / "adapters" / version)
        store.register(version, path=path, metrics={"loss": 1.0}, lineage={"dataset_version": "d1"}, actor="test")
    return store


def _invoke(*args):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_promote_list_rollback_and_audit(tmp_path):
    data_dir = tmp_path / "data"
    store = _registry(data_dir)
    root = ["--data-dir", str(data_dir)]

    assert "champion is now aaa111" in _invoke("registry", "promote", "aaa111", *root)
    assert "champion is now bbb222" in _invoke("registry", "promote", "bbb222", "--reason", "better", *root)
    listed = {r["version"]: r["status"] for r in json.loads(_invoke("registry", "list", "--json", *root))}
    assert listed == {"aaa111": "retired", "bbb222": "champion"}

    assert "champion is now aaa111" in _invoke("registry", "rollback", *root)
    assert store.champion().version == "aaa111"
    table = _invoke("registry", "list", *root)
    assert "aaa111" in table and "champion" in table

    audit = json.loads(_invoke("registry", "audit", "bbb222", *root))
    assert [(a["from_status"], a["to_status"]) for a in audit][-2:] == [
        ("candidate", "champion"),
        ("champion", "retired"),
    ]
    assert any(a["reason"] == "better" for a in audit)

    # The floor: past the first adapter, the bare base model serves; rolling back from there is refused.
    assert "champion is now the bare base model" in _invoke("registry", "rollback", *root)
    assert store.champion() is None
    refused = runner.invoke(app, ["registry", "rollback", *root])
    assert refused.exit_code == 1 and "already the bare base model" in refused.output


def test_promoting_an_unknown_version_fails_with_its_name(tmp_path):
    data_dir = tmp_path / "data"
    _registry(data_dir)
    result = runner.invoke(app, ["registry", "promote", "nope", "--data-dir", str(data_dir)])
    assert result.exit_code != 0
    assert result.exit_code == 1 and "refused" in result.output and "nope" in result.output


def test_promote_and_rollback_refuse_an_adapter_whose_folder_is_gone_naming_version_and_path(tmp_path):
    data_dir = tmp_path / "data"
    store = _registry(data_dir)
    store.register("ccc333", path=str(tmp_path / "nonexistent"), metrics={}, lineage={}, actor="test")
    root = ["--data-dir", str(data_dir)]
    _invoke("registry", "promote", "aaa111", *root)
    _invoke("registry", "promote", "bbb222", *root)

    promoted = runner.invoke(app, ["registry", "promote", "ccc333", *root])
    (data_dir / "adapters" / "aaa111" / "adapter_model.safetensors").unlink()
    rolled_back = runner.invoke(app, ["registry", "rollback", *root])

    for result, version, path in ((promoted, "ccc333", "nonexistent"), (rolled_back, "aaa111", "aaa111")):
        output = "".join(result.output.split())  # as the console wrapped it
        assert result.exit_code == 1 and f"refused:promote'{version}'" in output.replace("rollbackto", "promote")
        assert path in output and "nothingchanged" in output
    assert store.champion().version == "bbb222"


@pytest.mark.postgres
def test_data_dir_keeps_a_configured_postgres_registry(tmp_path, postgres_url, monkeypatch):
    """Issue 9: with FEEDBACK_LOOP_REGISTRY_URL on PostgreSQL, `registry promote v2 --data-dir X` said "not
    registered" and created a new SQLite registry under X."""
    store = Registry(postgres_url)
    store.register("bbb222", path=adapter_folder(tmp_path / "bbb222"), metrics={}, lineage={}, actor="test")
    monkeypatch.setenv("FEEDBACK_LOOP_REGISTRY_URL", postgres_url)
    monkeypatch.delenv("FEEDBACK_LOOP_SETTINGS_FILE", raising=False)
    other_root = tmp_path / "elsewhere"

    assert "champion is now bbb222" in _invoke("registry", "promote", "bbb222", "--data-dir", str(other_root))

    assert store.champion().version == "bbb222"
    assert not (other_root / "registry.db").exists()
    store.close()


UNSAFE_NAMES = ["ops\x1b[2J\x1b[31m", "ops\r\nroot", "ops\x00", "\u202eops", "o" * 101, "  "]


@pytest.mark.parametrize("name", UNSAFE_NAMES)
def test_an_actor_approver_or_author_that_is_no_printable_short_name_is_refused_before_anything_changes(tmp_path, name):
    """Issue 9: control characters in --actor were stored raw in the audit log."""
    data_dir = tmp_path / "data"
    store = _registry(data_dir)
    before = store.audit_log()
    for command in (
        ["registry", "promote", "aaa111", "--actor", name],
        ["registry", "rollback", "--actor", name],
        ["registry", "approve", "aaa111", "--approver", name],
        ["prompts", "apply", "rec-1", "--by", name],
    ):
        result = runner.invoke(app, [*command, "--data-dir", str(data_dir)])
        assert result.exit_code == 2, result.output
        assert "Invalid value for" in result.output and command[-2] in result.output
    assert store.audit_log() == before and store.champion() is None


@pytest.mark.parametrize("name", UNSAFE_NAMES)
def test_the_registry_itself_refuses_such_an_actor_naming_the_field(tmp_path, name):
    store = _registry(tmp_path / "data")
    with pytest.raises(ValueError, match="field 'actor'"):
        store.promote("aaa111", actor=name, reason="r")
    with pytest.raises(ValueError, match="field 'approver'"):
        store.approve("aaa111", approver=name, note="n")
    assert store.champion() is None


def test_a_name_with_accents_and_spaces_is_a_name(tmp_path):
    data_dir = tmp_path / "data"
    store = _registry(data_dir)
    _invoke("registry", "promote", "aaa111", "--actor", "José Núñez-O'Brien", "--data-dir", str(data_dir))
    assert store.audit_log("aaa111")[-1]["actor"] == "José Núñez-O'Brien"
