"""What a run costs before any article is analysed.

An unchanged drop folder (the common case of a scheduled run) must cost a
hash per file and a database read, not a Prefect, Stanza or torch import.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from extractors import ingest
from extractors.pipeline import run_batch
from extractors.store import Database

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_f09eb540a3741d99"
HEAVY = ("prefect", "stanza", "torch")

#: `dateline run` in a fresh process; prints the heavy top-level modules it imported.
PROBE = """
import json, sys
from dateline.cli import main
sys.argv = ["dateline", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    if exc.code:
        raise
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(%r))
print("@@heavy@@" + json.dumps(heavy))
""" % (HEAVY,)


def dateline_probe(*args: str) -> tuple[subprocess.CompletedProcess, list[str] | None]:
    clean = {k: v for k, v in os.environ.items() if k != "PREFECT_LOGGING_LEVEL"}
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300, env=clean)
    marks = [line for line in done.stdout.splitlines() if line.startswith("@@heavy@@")]
    return done, json.loads(marks[-1][len("@@heavy@@"):]) if marks else None


def _record_folder(folder: Path, db: Path, backend) -> None:
    """Process the folder's files as the flow does (recorded analyses, no Prefect)."""
    with Database(db).open() as store:
        store.migrate()
        result = run_batch(ingest.discover(folder), backend)
        assert not result.errors, result.errors
        store.write_batch(result.frames(), list(result.sources))


def test_an_unchanged_folder_imports_neither_prefect_nor_stanza_nor_torch(tmp_path, backend):
    folder = tmp_path / "in"
    folder.mkdir()
    for suffix in (".txt", ".meta.json"):
        shutil.copy(SEED.with_suffix(suffix), folder / SEED.with_suffix(suffix).name)
    db = tmp_path / "dateline.duckdb"
    _record_folder(folder, db, backend)

    done, heavy = dateline_probe("run", "--input", str(folder), "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "0 new or changed, 1 unchanged" in done.stdout
    assert heavy == [], f"the unchanged path imported {heavy}"
    with Database(db).open() as store:
        _, rows = store.select("SELECT files_new, files_skipped FROM runs")
    assert rows == [(0, 1)]  # the run is recorded all the same


class _EmptyDoc:
    sentences = ()
    ents = ()


class _CountingPipeline:
    """Stands in for a Stanza pipeline: says nothing about the text."""

    def bulk_process(self, texts):
        return [_EmptyDoc() for _ in texts]


def test_models_are_loaded_only_for_the_languages_of_the_files_to_do(tmp_path, monkeypatch):
    from extractors.nlp import stanza_backend
    from flows.runtime import warm_models

    built = []
    monkeypatch.setattr(stanza_backend, "_build_pipeline", lambda lang, *_: built.append(lang) or _CountingPipeline())
    models = tmp_path / "models"
    for lang in ("ar", "en"):  # a directory holding both languages
        (models / lang / "tokenize").mkdir(parents=True)
        (models / lang / "tokenize" / "default.pt").write_bytes(b"")
    (models / "resources.json").write_text(json.dumps(
        {lang: {"default_processors": {"tokenize": "default"}} for lang in ("ar", "en")}))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "berlin.txt").write_text("Olaf Scholz arrived in Paris on Monday.", encoding="utf-8")
    (folder / "berlin.meta.json").write_text(json.dumps({"lang": "en", "published": "2023-09-12"}))
    backend = stanza_backend.StanzaBackend(models)
    assert set(backend.inventory) == {"ar", "en"} and backend.loaded_languages() == ()

    todo = ingest.discover(folder)
    assert warm_models(todo, backend, None) == ("en",)
    result = run_batch(todo, backend)
    assert [a.lang for a in result.articles] == ["en"] and not result.errors
    assert built == ["en"] and backend.loaded_languages() == ("en",)


def test_the_languages_of_the_first_batches_load_while_the_server_boots(tmp_path):
    """A drop sorted by name puts every Arabic file before the English ones: the
    second language must load before the flow, not inside it after the server wait."""
    from flows.runtime import WARM_BATCHES, files_to_warm

    folder = tmp_path / "in"
    folder.mkdir()
    for name, lang in (("ar-1", "ar"), ("ar-2", "ar"), ("en-1", "en")):
        (folder / f"{name}.txt").write_text("text", encoding="utf-8")
        (folder / f"{name}.meta.json").write_text(json.dumps({"lang": lang, "published": "2023-09-12"}))
    todo = ingest.discover(folder)
    assert [p.stem for p in files_to_warm(todo, batch_size=1)] == ["ar-1", "ar-2", "en-1"][:WARM_BATCHES]
    assert WARM_BATCHES >= 3
    many = [folder / f"{i}.txt" for i in range(1000)]
    assert len(files_to_warm(many, batch_size=64)) == WARM_BATCHES * 64  # bounded: reading all files costs too


def test_the_production_backend_uses_one_torch_thread_unless_told(monkeypatch):
    from flows.resources import default_backend

    monkeypatch.delenv("DATELINE_TORCH_THREADS", raising=False)
    assert default_backend().threads == 1  # chosen by bench/threads.py, see flows/resources.py
    monkeypatch.setenv("DATELINE_TORCH_THREADS", "0")
    assert default_backend().threads is None  # torch's own default
    monkeypatch.setenv("DATELINE_TORCH_THREADS", "2")
    assert default_backend().threads == 2
    assert default_backend(threads=3).threads == 3


def test_the_prefect_startup_timeout_is_read_when_a_server_starts(monkeypatch):
    """serve is one long process: a changed timeout must apply to its next run,
    not only to processes started after the change."""
    from flows.runtime import startup_timeout_s

    monkeypatch.delenv("DATELINE_PREFECT_STARTUP_TIMEOUT_S", raising=False)
    assert startup_timeout_s() == 180
    monkeypatch.setenv("DATELINE_PREFECT_STARTUP_TIMEOUT_S", "2.5")
    assert startup_timeout_s() == 2.5
