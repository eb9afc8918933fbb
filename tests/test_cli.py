"""The command line: every command has help; errors are one line; output is usable."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline import cli

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_f09eb540a3741d99.txt"
runner = CliRunner()
cli._register_commands()


def _commands(app, prefix=()):
    for command in app.registered_commands:
        yield prefix + (command.name or command.callback.__name__,)
    for group in app.registered_groups:
        yield prefix + (group.name,)
        yield from _commands(group.typer_instance, prefix + (group.name,))


@pytest.mark.parametrize("command", sorted(set(_commands(cli.app))), ids=" ".join)
def test_every_command_has_help(command):
    result = runner.invoke(cli.app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output


def dateline(*args):
    """The console script's own entry point (a prompt exit after the command)."""
    return subprocess.run([sys.executable, "-c", "from dateline.cli import entry; entry()", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_errors_are_one_line_without_traceback(tmp_path):
    for args in (["run", "--input", str(tmp_path / "missing")], ["timex", str(tmp_path / "missing.txt")],
                 ["query", "SELECT 1", "--db", str(tmp_path / "none.duckdb")], ["timex", str(SEED), "--published", "someday"]):
        result = dateline(*args)
        assert result.returncode == 2, args
        assert result.stderr.startswith("dateline: error: ") and len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_timex_prints_jsonl_for_the_seed():
    result = dateline("timex", str(SEED), "--format", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"text": "يوم الأحد", "value": "2023-09-10"}.items() <= next(r for r in rows if r["text"] == "يوم الأحد").items()
    assert {"article_id", "start_char", "end_char", "kind", "granularity", "date_start", "date_end"} <= set(rows[0])


@pytest.mark.stanza
def test_extract_prints_the_seed_events(models_dir):
    result = dateline("extract", str(SEED), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    departure = next(r for r in rows if r["type"] == "departure" and r["modality"] == "asserted")
    assert (departure["date"], departure["destination"], departure["date_text"]) == ("2023-09-10", "روسيا", "يوم الأحد")
    assert result.stderr == ""


def test_missing_models_are_one_actionable_line(tmp_path):
    result = subprocess.run([sys.executable, "-c", "from dateline.cli import main; main()", "extract", str(SEED)],
                            capture_output=True, text=True, cwd=ROOT, env={"PATH": "/usr/bin:/bin", "STANZA_RESOURCES_DIR": str(tmp_path), "HOME": str(tmp_path)})
    assert result.returncode == 2
    assert "dateline models pull ar" in result.stderr and len(result.stderr.strip().splitlines()) == 1
