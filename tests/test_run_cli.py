"""`dateline run` as a user types it: a real process, a real database file.

The command runs in a subprocess (``python -c "...main()"`` from this checkout)
so that Prefect's start-up, the quiet logging and the exit codes are the ones
a user gets.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_f09eb540a3741d99"
EN = "Emmanuel Macron arrived in Berlin on Monday. He met Olaf Scholz on Tuesday, officials said."


def dateline(*args: str, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    """The CLI in a fresh process, with the user's environment minus the log
    level this test process set for itself (conftest's ``quiet.configure``)."""
    clean = {k: v for k, v in os.environ.items() if k != "PREFECT_LOGGING_LEVEL"}
    return subprocess.run(
        [sys.executable, "-c", "from dateline.cli import main; main()", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=timeout, env={**clean, **(env or {})},
    )


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED.with_suffix(".txt"), folder / SEED.with_suffix(".txt").name)
    shutil.copy(SEED.with_suffix(".meta.json"), folder / SEED.with_suffix(".meta.json").name)
    return folder


@pytest.mark.stanza
def test_run_builds_the_database_then_skips_unchanged_files(models_dir, seeds, tmp_path):
    db = tmp_path / "out" / "dateline.duckdb"
    first = dateline("run", "--input", str(seeds), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "1 articles and" in first.stdout and f"database: {db}" in first.stdout
    assert "SELECT" in first.stdout  # the example query
    assert "INFO" not in first.stdout + first.stderr and "Traceback" not in first.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT lang, published::VARCHAR, published_source FROM articles").fetchall() == [("ar", "2023-09-12", "metadata")]
    events = con.execute("SELECT type, count(*) FROM events GROUP BY 1").fetchall()
    con.close()
    for event_type, count in events:  # the summary shows every type with its count
        assert f"{event_type}" in first.stdout and str(count) in first.stdout

    again = dateline("run", "--input", str(seeds), "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert "0 new or changed, 1 unchanged" in again.stdout
    con = duckdb.connect(str(db), read_only=True)
    runs = con.execute("SELECT files_new, articles_written FROM runs ORDER BY started_at").fetchall()
    assert runs == [(1, 1), (0, 0)]


@pytest.mark.stanza
def test_verbose_brings_back_prefect_logs(models_dir, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "berlin.txt").write_text(EN, encoding="utf-8")
    (folder / "berlin.meta.json").write_text(json.dumps({"lang": "en", "published": "2023-09-12"}))
    quiet = dateline("run", "--input", str(folder), "--db", str(tmp_path / "q.duckdb"))
    loud = dateline("run", "--input", str(folder), "--db", str(tmp_path / "v.duckdb"), "--verbose")
    assert quiet.returncode == loud.returncode == 0, quiet.stderr + loud.stderr
    assert "Flow run" not in quiet.stdout + quiet.stderr
    assert "Flow run" in loud.stdout + loud.stderr


@pytest.mark.stanza
def test_the_default_summary_counts_failures_by_reason(models_dir, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.json").write_text('{"text": ', encoding="utf-8")
    (folder / "ok.json").write_text(json.dumps({"text": EN, "lang": "en", "published": "2023-09-12"}), encoding="utf-8")
    result = dateline("run", "--input", str(folder), "--db", str(tmp_path / "d.duckdb"), "--lang", "en")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any("empty" in line and line.rstrip().endswith("(see table ingest_errors)") for line in lines)
    assert any("malformed_json" in line for line in lines)
    assert "2 with errors" in result.stdout and "1 articles and" in result.stdout


@pytest.mark.parametrize("case", ["missing_folder", "unwritable_db", "no_models"])
def test_usual_mistakes_get_one_line(case, tmp_path, seeds):
    args, env = ["run", "--input", str(seeds), "--db", str(tmp_path / "d.duckdb")], {}
    if case == "missing_folder":
        args[2], expected = str(tmp_path / "nowhere"), "does not exist"
    elif case == "unwritable_db":
        (tmp_path / "file").write_text("a file, not a folder")
        args[4], expected = str(tmp_path / "file" / "d.duckdb"), "cannot"
    else:
        (tmp_path / "models").mkdir()
        env, expected = {"STANZA_RESOURCES_DIR": str(tmp_path / "models")}, "dateline models pull"
    result = dateline(*args, env=env, timeout=60)
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
