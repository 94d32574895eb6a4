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


def test_import_refuses_a_missing_file_and_export_an_unknown_version(tmp_path):
    missing = runner.invoke(app, ["import", "openai-chat", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 2
    data_dir = tmp_path / "data"
    unknown = runner.invoke(
        app,
        ["export", "adapter", "v-none", "--format", "vllm", "--out", str(tmp_path / "o"), "--data-dir", str(data_dir)],
    )
    assert unknown.exit_code == 1 and "refused" in unknown.output and "v-none" in unknown.output
