"""The DuckDB schema: migrations, documentation, idempotent transactional writes."""

import os
from pathlib import Path

import pytest

from extractors.errors import DatelineError
from extractors.store.schema import TABLES
from extractors.store import Database, Store, migrations
from extractors.store.frames import frame


def test_migrations_apply_once_and_are_recorded(tmp_path):
    with Store(tmp_path / "d.duckdb") as store:
        assert store.migrate() == [m.name for m in migrations()]
        assert store.migrate() == []
        assert {r[0] for r in store.query("SELECT name FROM schema_migrations")} == {m.name for m in migrations()}


def test_every_table_and_column_is_documented(tmp_path):
    with Store(tmp_path / "d.duckdb") as store:
        store.migrate()
        for table in TABLES:
            (comment,) = store.query("SELECT comment FROM duckdb_tables() WHERE table_name = ?", [table.name])[0]
            assert comment, table.name
            undocumented = store.query("SELECT column_name FROM duckdb_columns() WHERE table_name = ? AND (comment IS NULL OR comment = '')", [table.name])
            assert undocumented == [], (table.name, undocumented)
        views = {r[0] for r in store.query("SELECT view_name FROM duckdb_views() WHERE NOT internal")}
        assert {"event_dashboard", "events_per_day"} <= views


def _article_frames(article_id, path, n_sentences):
    return {
        "sources": frame("sources", [{"path": path, "file_sha256": "h", "n_articles": 1, "n_errors": 0}]),
        "articles": frame("articles", [{"article_id": article_id, "source_path": path, "location": path, "text": "x" * 10}]),
        "sentences": frame("sentences", [{"article_id": article_id, "sentence_index": i, "start_char": i, "end_char": i + 1, "text": "x"} for i in range(n_sentences)]),
    }


def test_rewriting_a_source_replaces_its_rows(tmp_path):
    with Store(tmp_path / "d.duckdb") as store:
        store.migrate()
        store.write_batch(_article_frames("a", "f1.txt", 3), ["f1.txt"])
        store.write_batch(_article_frames("b", "f2.txt", 2), ["f2.txt"])
        store.write_batch(_article_frames("a", "f1.txt", 1), ["f1.txt"])
        assert store.query("SELECT article_id, count(*) FROM sentences GROUP BY 1 ORDER BY 1") == [("a", 1), ("b", 2)]
        assert store.known_sources() == {"f1.txt": "h", "f2.txt": "h"}


def test_a_failed_batch_leaves_nothing_behind(tmp_path):
    with Store(tmp_path / "d.duckdb") as store:
        store.migrate()
        store.write_batch(_article_frames("a", "f1.txt", 3), ["f1.txt"])
        broken = _article_frames("a", "f1.txt", 1)
        broken["sentences"] = broken["sentences"].vstack(broken["sentences"])  # duplicate key
        with pytest.raises(Exception):
            store.write_batch(broken, ["f1.txt"])
        assert store.query("SELECT count(*) FROM sentences") == [(3,)]


def test_unwritable_location_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(DatelineError, match="cannot"):
        Store(blocker / "sub" / "d.duckdb")


@pytest.mark.parametrize("record, table_name, renamed", [
    ("Event", "events", {"span": ("start_char", "end_char"), "mentions": ("n_mentions",)}),
    ("EventMention", "event_mentions", {"span": ("start_char", "end_char")}),
    ("Entity", "entities", {"span": ("start_char", "end_char")}),
    ("TimeExpression", "time_expressions", {"span": ("start_char", "end_char"), "anchor": ("anchor_date",)}),
    ("Article", "articles", {"path": ("location",)}),
    ("IngestError", "ingest_errors", {"path": ("location",), "article_id": ()}),
    ("Place", "places", {"span": ("start_char", "end_char")}),
    ("Actor", "actors", {}),
])
def test_every_record_field_has_a_column(record, table_name, renamed):
    """A field added to a record (with a default, as the contract allows) must
    reach the database, not vanish silently between frames and tables."""
    from dataclasses import fields

    from extractors import records
    from extractors.store.schema import table

    columns = set(table(table_name).names)
    for f in fields(getattr(records, record)):
        expected = renamed.get(f.name, (f.name,))
        assert set(expected) <= columns, f"{record}.{f.name} has no column in {table_name}"


def test_an_older_database_is_upgraded_in_place(tmp_path):
    """A database made before migration 0003 (no ingest_errors.article_id)
    gets the column, its documentation, and keeps its rows."""
    db = tmp_path / "d.duckdb"
    with Store(db) as store:
        store.migrate()
        store.query("ALTER TABLE ingest_errors DROP COLUMN article_id")
        store.query("DELETE FROM schema_migrations WHERE name = '0003_ingest_errors_article_id'")
        store.query("INSERT INTO ingest_errors (source_path, location, reason, detail) VALUES ('a.txt', 'a.txt', 'empty', 'x')")
    with Store(db) as store:
        assert store.migrate() == ["0003_ingest_errors_article_id"]
        assert store.query("SELECT reason, article_id FROM ingest_errors") == [("empty", None)]
        (comment,) = store.query("SELECT comment FROM duckdb_columns() WHERE table_name = 'ingest_errors' AND column_name = 'article_id'")[0]
        assert comment


def _threads_added(open_connection) -> list[int]:
    """Threads of this process while a connection is open, minus before (three tries)."""
    added = []
    for _ in range(3):
        before = len(os.listdir("/proc/self/task"))
        with open_connection() as store:
            store.query("SELECT count(*) FROM range(200000)")
            added.append(len(os.listdir("/proc/self/task")) - before)
    return added


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in /proc (Linux)")
def test_the_writer_starts_no_threads_and_readers_keep_duckdbs(tmp_path):
    """The writer opens the file for every batch, and every thread DuckDB
    starts with a connection gets a malloc arena that keeps memory resident:
    a long run's resident memory grew with the database (README, "What a run
    costs"). Its connections run on one thread; analysts' keep DuckDB's."""
    db = Database(tmp_path / "d.duckdb")
    with db.open() as store:
        store.migrate()
    assert min(_threads_added(db.open)) == 0
    if (os.cpu_count() or 1) > 1:
        assert max(_threads_added(lambda: Store.open(db.path, read_only=True))) > 0
