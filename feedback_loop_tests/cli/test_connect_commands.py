"""`feedback-loop import ...` and `feedback-loop export adapter` from the command line."""

import gzip
import json

from typer.testing import CliRunner

from feedback_loop.cli import app

runner = CliRunner()


def test_import_preference_lands_the_day_and_says_how_to_ingest_it(tmp_path):
    source = tmp_path / "pairs.jsonl"
    source.write_text(json.dumps({"prompt": "Name a color", "chosen": "Blue.", "rejected": "Seven."}) + "\n")
    data_dir = tmp_path / "data"
    result = runner.invoke(
        app, ["import", "preference", str(source), "--day", "2026-10-01", "--data-dir", str(data_dir)]
    )
    assert result.exit_code == 0, result.output
    assert "feedback-loop backfill --start 2026-10-01 --end 2026-10-01" in result.output
    [landed] = (data_dir / "landing" / "2026-10-01").glob("import-preference-*.jsonl")
    assert len(landed.read_text().splitlines()) == 4


def test_import_preference_again_lands_where_the_first_did_and_refuses_another_day(tmp_path, monkeypatch):
    # Without --day the pairs landed on the day of each import, the same event ids on two days.
    import feedback_loop.collect.importers as importers

    source = tmp_path / "pairs.jsonl"
    source.write_text(json.dumps({"prompt": "Name a color", "chosen": "Blue.", "rejected": "Seven."}) + "\n")
    data_dir = tmp_path / "data"
    for day in ("2026-10-01", "2026-10-20"):
        monkeypatch.setattr(importers, "utc_day", lambda day=day: day)
        result = runner.invoke(app, ["import", "preference", str(source), "--data-dir", str(data_dir)])
        assert result.exit_code == 0, result.output
        assert "feedback-loop backfill --start 2026-10-01 --end 2026-10-01" in result.output
    refused = runner.invoke(
        app, ["import", "preference", str(source), "--day", "2026-10-20", "--data-dir", str(data_dir)]
    )
    output = " ".join(refused.output.split())  # as the console wrapped it
    assert refused.exit_code == 2 and "refused" in output and "leave out --day, or give --day 2026-10-01" in output
    assert [path.parent.name for path in (data_dir / "landing").rglob("*.jsonl")] == ["2026-10-01"]


def test_import_refuses_a_gzip_file_cut_short_or_not_gzip_naming_it_and_lands_nothing(tmp_path):
    lines = "".join(json.dumps({"prompt": f"Q{i}", "chosen": "A.", "rejected": "B."}) + "\n" for i in range(200))
    compressed = gzip.compress(lines.encode())
    cut, plain = tmp_path / "cut.jsonl.gz", tmp_path / "plain.jsonl.gz"
    cut.write_bytes(compressed[: len(compressed) // 2])
    plain.write_text(lines)
    data_dir = tmp_path / "data"
    for source in (cut, plain):
        result = runner.invoke(
            app, ["import", "preference", str(source), "--day", "2026-10-01", "--data-dir", str(data_dir)]
        )
        output = " ".join(result.output.split())  # as the console wrapped it
        assert result.exit_code == 2 and "refused" in output, output
        assert f"{source.name}: cannot be read" in output and "nothing of it was landed" in output
    assert not list((data_dir / "landing").rglob("*.jsonl"))


def test_an_import_into_object_storage_finds_where_another_machine_landed_the_same_file(s3_root, tmp_path, monkeypatch):
    # A file with no valid event lands its rejections on the day of its first import; a second machine, whose
    # working copy never pulled that day, must find it in the bucket, not land them again on its own day.
    import pyarrow.fs as pafs

    import feedback_loop.collect.importers as importers

    source = tmp_path / "chat.jsonl"
    source.write_text("{not json\n")
    key_file = tmp_path / "pseudonym.key"
    key_file.write_text("5" * 64)
    for name, value in {
        "FEEDBACK_LOOP_REGISTRY_URL": f"sqlite:///{tmp_path / 'registry.db'}",
        "FEEDBACK_LOOP_PROMPT_REGISTRY_URL": f"sqlite:///{tmp_path / 'prompts.db'}",
        "FEEDBACK_LOOP_PSEUDONYM_KEY_FILE": str(key_file),
    }.items():
        monkeypatch.setenv(name, value)
    for machine, day in (("one", "2026-11-20"), ("two", "2026-11-21")):
        monkeypatch.setenv("FEEDBACK_LOOP_WORKING_DIR", str(tmp_path / machine))
        monkeypatch.setattr(importers, "utc_day", lambda day=day: day)
        result = runner.invoke(app, ["import", "openai-chat", str(source), "--data-dir", s3_root])
        assert result.exit_code == 0, result.output
        assert "feedback-loop backfill --start 2026-11-20 --end 2026-11-20" in result.output
    fs, base = pafs.FileSystem.from_uri(s3_root)
    objects = fs.get_file_info(pafs.FileSelector(f"{base}/landing", recursive=True))
    assert [info.path.removeprefix(f"{base}/landing/")[:18] for info in objects if info.is_file] == [
        "2026-11-20/import-"
    ]


def test_import_refuses_a_missing_file_and_export_an_unknown_version(tmp_path):
    missing = runner.invoke(app, ["import", "openai-chat", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 2
    data_dir = tmp_path / "data"
    unknown = runner.invoke(
        app,
        ["export", "adapter", "v-none", "--format", "vllm", "--out", str(tmp_path / "o"), "--data-dir", str(data_dir)],
    )
    assert unknown.exit_code == 1 and "refused" in unknown.output and "v-none" in unknown.output
