"""Writer and readers share the database without waiting on each other:
short write connections with a bounded wait, and an atomically published
read copy in a format DuckDB 1.x reads."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from extractors.errors import DatabaseBusy, DatelineError
from extractors.store import STORAGE_VERSION, VIEWS, Database, Store, read
from extractors.store.frames import frame

ROOT = Path(__file__).resolve().parents[1]
#: DuckDB's storage version numbers (file header) of the formats we care about.
STORAGE_NUMBERS = {"v1.0.0": 64}


def _frames(article_id: str, path: str, n_sentences: int) -> dict:
    return {
        "sources": frame("sources", [{"path": path, "file_sha256": "h", "n_articles": 1, "n_errors": 0}]),
        "articles": frame("articles", [{"article_id": article_id, "source_path": path, "location": path, "text": "x" * 10}]),
        "sentences": frame("sentences", [{"article_id": article_id, "sentence_index": i, "start_char": i, "end_char": i + 1, "text": "x"}
                                         for i in range(n_sentences)]),
    }


def _storage_number(path: Path) -> int:
    """The storage version number in a DuckDB file's main header (bytes 12-19)."""
    return int.from_bytes(path.read_bytes()[12:20], "little")


def _hold(path: Path, seconds: float, read_only: bool = False) -> subprocess.Popen:
    """Another process holding ``path`` open for ``seconds``; returns once it holds it."""
    code = textwrap.dedent(f"""
        import time
        from extractors.store import Store
        store = Store({str(path)!r}, read_only={read_only})
        print("HELD", flush=True)
        time.sleep({seconds})
        store.close()
    """)
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert holder.stdout.readline().strip() == "HELD"
    return holder


@pytest.fixture
def db(tmp_path) -> Database:
    database = Database(tmp_path / "data" / "dateline.duckdb")
    with database.open() as store:
        store.migrate()
        store.write_batch(_frames("a", "f1.txt", 3), ["f1.txt"])
    return database


def test_the_read_copy_holds_everything_and_says_when_it_was_made(db):
    assert db.read_copy == db.path.with_name("dateline.read.duckdb")
    published = db.publish("run-1", "end of run")
    assert db.read_copy.exists() and not list(db.read_copy.parent.glob(".*.tmp*"))
    columns, rows = read(db.read_copy, "SELECT * FROM data_as_of")
    assert dict(zip(columns, rows[0])) == {"published_at": published["published_at"], "run_id": "run-1",
                                           "stage": "end of run", "articles": 1, "events": 0}
    assert read(db.read_copy, "SELECT article_id, count(*) FROM sentences GROUP BY 1") == (["article_id", "count_star()"], [("a", 3)])
    views = {r[0]: r[1] for r in read(db.read_copy, "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal")[1]}
    assert views == {name: doc for name, _, doc in VIEWS}  # every view documented, comments copied along


def test_files_are_written_in_a_format_duckdb_1x_reads(db):
    db.publish("run-1", "end of run")
    assert STORAGE_VERSION == "v1.0.0"
    assert _storage_number(db.path) == STORAGE_NUMBERS[STORAGE_VERSION]
    assert _storage_number(db.read_copy) == STORAGE_NUMBERS[STORAGE_VERSION]


def test_a_database_in_the_newest_format_still_gets_a_copy_duckdb_1x_reads(tmp_path):
    """A file created before the format was pinned (DuckDB 2.0's default) is
    rewritten into the copy in the pinned format, constraints and comments
    included."""
    import duckdb

    path = tmp_path / "old.duckdb"
    duckdb.connect(str(path)).close()
    assert _storage_number(path) > STORAGE_NUMBERS[STORAGE_VERSION]
    legacy = Database(path)
    with legacy.open() as store:
        store.migrate()
        store.write_batch(_frames("a", "f1.txt", 3), ["f1.txt"])
        assert store.storage_version() != f"{STORAGE_VERSION}+"
    legacy.publish("run-1", "end of run")
    assert _storage_number(legacy.read_copy) == STORAGE_NUMBERS[STORAGE_VERSION]
    assert read(legacy.read_copy, "SELECT count(*) FROM sentences")[1] == [(3,)]
    keys = "SELECT count(*) FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
    assert read(legacy.read_copy, keys)[1] == read(legacy.path, keys)[1]
    docs = "SELECT count(*) FROM duckdb_columns() WHERE comment <> ''"
    assert read(legacy.read_copy, docs)[1] == read(legacy.path, docs)[1]


def test_a_reader_holding_the_old_copy_keeps_it_and_the_next_open_sees_the_new_one(db):
    db.publish("run-1", "end of run")
    holder = _hold(db.read_copy, 30, read_only=True)
    try:
        with db.open() as store:
            store.write_batch(_frames("b", "f2.txt", 2), ["f2.txt"])
        db.publish("run-2", "during run")  # the holder does not stop the swap
        assert read(db.read_copy, "SELECT run_id, articles FROM data_as_of")[1] == [("run-2", 2)]
    finally:
        holder.kill()


def _open_interrupted_by(swap, monkeypatch) -> list:
    """DuckDB's open as it fails when a publication swaps the copy in during
    it (reproduced by bench/read_copy_swaps.py, about 1 open in 200 with
    copies swapped in a loop): ``swap()`` runs, then the error DuckDB gives.
    Later opens are DuckDB's own. Returns the paths opened."""
    from extractors.store import duckdb_store

    real, opened = duckdb_store.duckdb.connect, []

    def connect(path, *args, **kwargs):
        opened.append(path)
        if len(opened) == 1:
            swap()
            raise duckdb_store.duckdb.IOException("IO Error: Failed to load metadata pointer (id 0, idx 33, ptr 1)")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(duckdb_store.duckdb, "connect", connect)
    return opened


def test_a_reader_whose_open_a_new_copy_interrupts_reads_the_new_copy(db, monkeypatch):
    db.publish("run-1", "end of run")

    def publish_again():
        with db.open() as store:
            store.write_batch(_frames("b", "f2.txt", 2), ["f2.txt"])
        db.publish("run-2", "during run")

    opened = _open_interrupted_by(publish_again, monkeypatch)
    assert read(db.read_copy, "SELECT run_id, articles FROM data_as_of")[1] == [("run-2", 2)]
    assert opened.count(str(db.read_copy)) == 2


def test_a_copy_that_fails_to_open_without_a_swap_is_an_error_at_once(db, monkeypatch):
    db.publish("run-1", "end of run")
    opened = _open_interrupted_by(lambda: None, monkeypatch)
    with pytest.raises(DatelineError, match="cannot open the database .*: IO Error: Failed to load metadata pointer"):
        read(db.read_copy, "SELECT 1")
    assert opened == [str(db.read_copy)]


def test_the_writer_waits_for_a_process_holding_the_database_and_says_how_long(db):
    holder = _hold(db.path, 1.5)
    try:
        with db.open() as store:
            store.write_batch(_frames("b", "f2.txt", 2), ["f2.txt"])
    finally:
        holder.wait(timeout=30)
    assert 0.5 < db.lock_wait_s < 30


def test_a_wait_past_the_bound_is_a_clear_error(db):
    holder = _hold(db.path, 30)
    try:
        start = time.monotonic()
        with pytest.raises(DatabaseBusy, match=r"in use by another process.*waited 1 s"):
            Store.open(db.path, timeout_s=1)
        assert time.monotonic() - start < 5
    finally:
        holder.kill()


def test_a_database_without_migration_0005_is_upgraded_in_place(tmp_path):
    path = tmp_path / "d.duckdb"
    with Store(path) as store:
        store.migrate()
        store.query("DROP VIEW event_evidence")
        store.query("DROP VIEW event_places")
        store.query("DROP VIEW data_as_of")
        store.query("DROP TABLE publications")
        store.query("ALTER TABLE runs DROP COLUMN lock_wait_s")
        store.query("DELETE FROM schema_migrations WHERE name = '0005_runs_lock_wait_and_publish'")
        store.query("INSERT INTO runs (run_id, files_seen) VALUES ('old', 3)")
    with Store(path) as store:
        assert store.migrate() == ["0005_runs_lock_wait_and_publish"]
        assert store.query("SELECT run_id, files_seen, lock_wait_s FROM runs") == [("old", 3, None)]
    database = Database(path)
    database.publish("new", "end of run")
    assert read(database.read_copy, "SELECT run_id FROM data_as_of")[1] == [("new",)]


def _drop(folder: Path, n: int) -> Path:
    """``n`` copies of the English fixture article under their own ids (one
    recorded analysis serves them all)."""
    import json
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    source = ROOT / "tests" / "fixtures" / "articles" / "en_summit"
    for i in range(n):
        shutil.copy(source.with_suffix(".txt"), folder / f"story{i}.txt")
        meta = json.loads(source.with_suffix(".meta.json").read_text(encoding="utf-8"))
        (folder / f"story{i}.meta.json").write_text(json.dumps({**meta, "id": f"story{i}"}), encoding="utf-8")
    return folder


def test_a_long_run_publishes_every_n_batches_while_a_reader_holds_the_copy(prefect_harness, backend, tmp_path):
    from flows.ingest import ingest_articles

    db = Database(tmp_path / "dateline.duckdb")
    with db.open() as store:
        store.migrate()
    db.publish("before", "end of run")
    holder = _hold(db.read_copy, 600, read_only=True)  # a dashboard that never lets go
    try:
        summary = ingest_articles(input_dir=str(_drop(tmp_path / "inbox", 3)), db_path=str(db.path), batch_size=1,
                                  publish_every=1, backend=backend)
    finally:
        holder.kill()
    assert summary["articles_written"] == 3 and summary["read_copy"] == str(db.read_copy)
    columns, rows = read(db.read_copy, "SELECT run_id, stage, articles FROM publications ORDER BY published_at")
    assert rows == [("before", "end of run", 0), (summary["run_id"], "during run", 1), (summary["run_id"], "during run", 2),
                    (summary["run_id"], "end of run", 3)]
    assert read(db.read_copy, "SELECT files_new, lock_wait_s FROM runs")[1] == [(3, 0.0)]


def test_the_run_records_how_long_it_waited_for_the_database(prefect_harness, backend, tmp_path):
    from flows.ingest import ingest_articles

    db = Database(tmp_path / "dateline.duckdb")
    with db.open() as store:
        store.migrate()
    holder = _hold(db.path, 6)  # e.g. an analyst's read-write session (long enough to outlast the flow's start)
    summary = ingest_articles(input_dir=str(_drop(tmp_path / "inbox", 1)), db_path=str(db.path), backend=backend)
    holder.wait(timeout=30)
    ((waited,),) = read(db.read_copy, f"SELECT lock_wait_s FROM runs WHERE run_id = '{summary['run_id']}'")[1]
    assert waited == summary["lock_wait_s"] and 1.0 < waited < 30


def test_dateline_query_reads_the_read_copy_beside_the_configured_database(db, monkeypatch):
    """With only DATELINE_DB set, `dateline query` reads the copy beside it
    (never the writer's file); without a copy yet, it says how to make one."""
    import json

    from typer.testing import CliRunner

    from dateline import cli

    if not cli.app.registered_commands:
        cli._register_commands()
    monkeypatch.setenv("DATELINE_DB", str(db.path))
    monkeypatch.delenv("DATELINE_READ_COPY", raising=False)
    missing = CliRunner().invoke(cli.app, ["query", "SELECT 1"])
    assert missing.exit_code != 0 and "dateline run" in str(missing.exception)
    db.publish("run-1", "end of run")
    with db.open() as store:  # written after the publication: not in the copy yet
        store.write_batch(_frames("b", "f2.txt", 2), ["f2.txt"])
    result = CliRunner().invoke(cli.app, ["query", "SELECT run_id, articles FROM data_as_of", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"run_id": "run-1", "articles": 1}
