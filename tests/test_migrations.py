"""Frozen migrations and the documented schema agree.

``extractors/store/schema.py`` says what the database looks like today; the
SQL files under ``extractors/store/migrations/`` are what actually builds it,
frozen as they shipped. Applying every migration to an empty database must
give exactly the documented shape: tables, columns in order, types, primary
keys, views, and every comment. A schema change therefore needs both a new
migration and the new documentation, and a shipped migration never changes.
"""

from __future__ import annotations

import hashlib

import duckdb

from extractors.store import TABLES, VIEWS, Store, migrations

#: SHA-256 of each migration as it shipped. A new migration adds a line here;
#: an edited one fails this test (write a new migration instead).
SHIPPED = {
    "0001_tables": "3b7c870c5c6f",
    "0002_dashboard_views": "28c611373ee6",
    "0003_ingest_errors_article_id": "23e3530bebdf",
    "0005_runs_lock_wait_and_publish": "2e110a3dd184",
    "0007_coded_events_and_clusters": "3002fece4909",
    "0008_run_status_and_missing_sources": "4bbaee116c76",
    "0009_events_date_basis": "aedb73e282c1",
    "0010_event_dashboard_clusters": "f8f8a69f7cdf",
}


def built(tmp_path):
    db = tmp_path / "fresh.duckdb"
    with Store(db) as store:
        store.migrate()
    return duckdb.connect(str(db), read_only=True)


def test_migrations_build_exactly_the_documented_tables(tmp_path):
    with built(tmp_path) as con:
        for table in TABLES:
            rows = con.execute(
                "SELECT column_name, data_type, comment FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index",
                [table.name],
            ).fetchall()
            assert rows == [(c.name, c.type, c.doc) for c in table.columns], table.name
            (comment,) = con.execute("SELECT comment FROM duckdb_tables() WHERE table_name = ?", [table.name]).fetchone()
            assert comment == table.doc
            keys = con.execute(
                "SELECT constraint_column_names FROM duckdb_constraints() WHERE table_name = ? AND constraint_type = 'PRIMARY KEY'",
                [table.name],
            ).fetchall()
            assert [tuple(k[0]) for k in keys] == ([table.key] if table.key else [])
        made = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE table_name <> 'schema_migrations'").fetchall()}
        assert made == {t.name for t in TABLES}


def test_migrations_build_exactly_the_documented_views(tmp_path):
    with built(tmp_path) as con:
        views = {name: comment for name, comment in con.execute("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert views == {name: doc for name, _, doc in VIEWS}


def test_every_column_and_table_is_documented():
    assert all(t.doc.strip() and all(c.doc.strip() for c in t.columns) for t in TABLES)


def test_shipped_migrations_are_never_edited():
    digests = {m.name: hashlib.sha256(m.sql.encode()).hexdigest()[:12] for m in migrations()}
    assert digests == SHIPPED, "a shipped migration changed, or a new one is not listed in SHIPPED"


def test_an_old_database_is_upgraded_to_the_same_shape(tmp_path):
    """A database that stopped after the first migrations reaches the current
    shape by applying the rest, as a new one does."""
    old = tmp_path / "old.duckdb"
    with Store(old) as store:
        store.con.execute("CREATE TABLE schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)")
        for migration in migrations()[:1]:
            store.con.execute(migration.sql)
            store.con.execute("INSERT INTO schema_migrations (name) VALUES (?)", [migration.name])
        assert store.migrate() == [m.name for m in migrations()[1:]]

    def shape(path):
        with duckdb.connect(str(path), read_only=True) as con:
            return con.execute("SELECT table_name, column_name, data_type, comment FROM duckdb_columns() ORDER BY ALL").fetchall()

    with built(tmp_path):
        pass
    assert shape(old) == shape(tmp_path / "fresh.duckdb")
