"""The DuckDB database: its schema, named migrations and transactional writes.

This is the only module that imports DuckDB. The schema is built by the
frozen, named migrations of :mod:`extractors.store.migrations`, each applied
in its own transaction. Every table and column carries a ``COMMENT ON`` so
analysts can read the documentation with ``SELECT * FROM duckdb_columns()``.

Writes: one batch of whole articles is one transaction that first deletes
whatever those articles and their source files had, then bulk-inserts Arrow
tables. Re-running therefore never duplicates, and a crash (even SIGKILL)
leaves only whole articles behind.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import duckdb

from extractors.errors import DatabaseBusy, DatelineError
from extractors.store.migrations import migrations
from extractors.store.schema import TABLES

#: Tables whose rows belong to one article (deleted and rewritten together).
ARTICLE_TABLES = ("places", "actors", "event_mentions", "events", "time_expressions", "entities", "sentences", "articles")


class Store:
    """A Dateline database file. Use as a context manager."""

    def __init__(self, path: Path | str, read_only: bool = False):
        self.path = Path(path)
        self.con = _connect(self.path, read_only)

    def __iter__(self):
        """What the store is, as key/value pairs (Prefect records parameters as JSON)."""
        yield from {"store": "duckdb", "path": str(self.path)}.items()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # --- schema ---------------------------------------------------------------

    def migrate(self) -> list[str]:
        """Apply the migrations not yet applied; returns their names."""
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)")
        done = {row[0] for row in self.con.execute("SELECT name FROM schema_migrations").fetchall()}
        applied = []
        for migration in migrations():
            if migration.name in done:
                continue
            with self.transaction():
                self.con.execute(migration.sql)
                self.con.execute("INSERT INTO schema_migrations (name) VALUES (?)", [migration.name])
            applied.append(migration.name)
        return applied

    def transaction(self):
        return _Transaction(self.con)

    # --- reads ----------------------------------------------------------------

    def known_sources(self) -> dict[str, str]:
        """Source path → SHA-256 of the file when it was last processed."""
        return dict(self.con.execute("SELECT path, file_sha256 FROM sources").fetchall())

    def outdated_sources(self, version: str) -> set[str]:
        """Source paths with an article extracted by another extractor version."""
        rows = self.con.execute("SELECT DISTINCT source_path FROM articles WHERE extractor_version IS DISTINCT FROM ?", [version])
        return {row[0] for row in rows.fetchall()}

    def query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        return self.con.execute(sql, list(params)).fetchall()

    def select(self, sql: str) -> tuple[list[str], list[tuple]]:
        """Column names and rows of an analyst's query, errors as one line."""
        try:
            cursor = self.con.execute(sql)
        except duckdb.Error as exc:
            raise DatelineError(f"SQL error: {str(exc).splitlines()[0]}") from None
        return [d[0] for d in cursor.description or ()], cursor.fetchall()

    # --- writes ---------------------------------------------------------------

    def write_batch(self, frames: Mapping[str, object], source_paths: Sequence[str]) -> None:
        """Replace everything the given source files had with ``frames``.

        ``frames`` maps table names to Arrow-compatible tables (Polars frames).
        One transaction: either the whole batch is stored or none of it.
        """
        with self.transaction():
            self._delete_sources(source_paths, frames)
            for table in TABLES:
                frame = frames.get(table.name)
                if frame is None or len(frame) == 0:
                    continue
                self.con.register("_incoming", frame.to_arrow() if hasattr(frame, "to_arrow") else frame)
                self.con.execute(f"INSERT INTO {table.name} BY NAME SELECT * FROM _incoming")
                self.con.unregister("_incoming")

    def _delete_sources(self, source_paths: Sequence[str], frames: Mapping[str, object]) -> None:
        paths = list(source_paths)
        new_ids = list(frames["articles"]["article_id"]) if frames.get("articles") is not None else []
        self.con.execute("CREATE OR REPLACE TEMP TABLE _paths AS SELECT unnest(?::VARCHAR[]) AS path", [paths])
        self.con.execute(
            "CREATE OR REPLACE TEMP TABLE _ids AS SELECT article_id FROM articles WHERE source_path IN (SELECT path FROM _paths) "
            "UNION SELECT unnest(?::VARCHAR[])",
            [new_ids],
        )
        for name in ARTICLE_TABLES:
            self.con.execute(f"DELETE FROM {name} WHERE article_id IN (SELECT article_id FROM _ids)")
        self.con.execute("DELETE FROM ingest_errors WHERE source_path IN (SELECT path FROM _paths)")
        self.con.execute("DELETE FROM sources WHERE path IN (SELECT path FROM _paths)")

    def record_run(self, run: Mapping[str, object]) -> None:
        columns = ", ".join(run)
        marks = ", ".join("?" for _ in run)
        self.con.execute(f"INSERT INTO runs ({columns}) VALUES ({marks})", [_plain(v) for v in run.values()])


class _Transaction:
    def __init__(self, con):
        self.con = con

    def __enter__(self):
        self.con.execute("BEGIN TRANSACTION")
        return self.con

    def __exit__(self, exc_type, *_):
        self.con.execute("ROLLBACK" if exc_type else "COMMIT")


def _plain(value):
    return json.dumps(value) if isinstance(value, (dict, list)) else value


def _connect(path: Path, read_only: bool):
    if not read_only:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatelineError(f"cannot create the database folder {path.parent}: {exc.strerror}") from None
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            raise DatabaseBusy(
                f"the database {path} is in use by another process (another `dateline run`?); wait for it to finish or use --db"
            ) from None
        raise DatelineError(f"cannot open the database {path}: {message.splitlines()[0]}") from None
    except (duckdb.Error, OSError) as exc:
        raise DatelineError(f"cannot open the database {path}: {str(exc).splitlines()[0]}") from None
