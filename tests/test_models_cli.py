"""``dateline models``: the inventory a user sees is what the pipelines will use."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline import cli

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
cli._register_commands()


def models(*args):
    return runner.invoke(cli.app, ["models", *args], terminal_width=200)


@pytest.mark.stanza
def test_list_shows_each_language_with_its_packages(models_dir):
    result = models("list", "--dir", str(models_dir))
    assert result.exit_code == 0, result.output
    rows = {line.split("│")[1].strip(): line for line in result.output.splitlines() if line.count("│") > 3}
    assert {"ar", "en"} <= set(rows)
    assert "padt" in rows["ar"] and "anercorp" in rows["ar"]


def test_list_marks_missing_processors(tmp_path):
    (tmp_path / "resources.json").write_text(json.dumps({"xx": {"default_processors": {"tokenize": "t", "ner": "n"}}}))
    (tmp_path / "xx" / "tokenize").mkdir(parents=True)
    (tmp_path / "xx" / "tokenize" / "t.pt").write_bytes(b"")
    result = models("list", "--dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if "│ xx" in line)
    cells = [c.strip() for c in row.split("│")[1:-1]]
    assert cells == ["xx", "t", "-", "-", "-", "-", "-"]  # ner listed but its file is missing


def test_list_of_an_empty_directory_says_how_to_get_models(tmp_path):
    result = models("list", "--dir", str(tmp_path))
    assert result.exit_code == 0
    assert "dateline models pull" in result.output and "STANZA_RESOURCES_DIR" in result.output


def test_pull_failure_is_one_actionable_line(tmp_path):
    """Offline this fails on the network, online on the unknown language; both
    must end as one line, exit code 2, and leave no traceback."""
    result = subprocess.run(
        [sys.executable, "-c", "from dateline.cli import main; main()", "models", "pull", "zz-none", "--dir", str(tmp_path)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("dateline: error: could not download Stanza models for 'zz-none'")
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def dateline(*args, env=None):
    return subprocess.run([sys.executable, "-c", "from dateline.cli import main; main()", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=300, env=env)


@pytest.mark.stanza
def test_nlp_prints_sentences_words_and_entities_of_the_seed(models_dir):
    seed = ROOT / "seeds" / "000_f09eb540a3741d99.txt"
    result = dateline("nlp", str(seed), "--words", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    text = seed.read_text(encoding="utf-8")
    sentences = [r for r in rows if set(r) == {"index", "start", "end", "text"}]
    entities = [r for r in rows if "label" in r]
    words = [r for r in rows if "upos" in r]
    assert len(sentences) > 10 and words and entities
    assert all(text[r["start"] : r["end"]] == r["text"] for r in sentences + words + entities)
    assert {"text": "روسيا", "label": "LOC"}.items() <= next(r for r in entities if r["text"] == "روسيا").items()


@pytest.mark.stanza
def test_nlp_on_a_language_without_models_is_one_line(tmp_path, models_dir):
    article = tmp_path / "a.txt"
    article.write_text("Habari za asubuhi kutoka Nairobi.", encoding="utf-8")
    result = dateline("nlp", str(article), "--lang", "sw")
    assert result.returncode == 2
    assert "dateline models pull sw" in result.stderr and len(result.stderr.strip().splitlines()) == 1
