"""The DuckDB database: its schema, named migrations and transactional writes.

This is the only module that imports DuckDB. The schema is a list of named
migrations applied in order, each in its own transaction, and recorded in
``schema_migrations`` (the way sqlite-utils does it), so that a database made
by an older Dateline is upgraded in place. Every table and column carries a
``COMMENT ON`` so analysts can read the documentation with
``SELECT * FROM duckdb_columns()``.

Writes: one batch of whole articles is one transaction that first deletes
whatever those articles and their source files had, then bulk-inserts Arrow
tables. Re-running therefore never duplicates, and a crash (even SIGKILL)
leaves only whole articles behind.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from extractors.errors import DatabaseBusy, DatelineError
from extractors.schema import ARTICLE_ID_OF_ERROR, TABLES, VIEWS, Table

#: Tables whose rows belong to one article (deleted and rewritten together).
ARTICLE_TABLES = ("event_mentions", "events", "time_expressions", "entities", "sentences", "articles")


@dataclass(frozen=True)
class Migration:
    name: str
    statements: tuple[str, ...]


def _table_ddl(table: Table) -> tuple[str, ...]:
    columns = ",\n  ".join(f"{c.name} {c.type}" for c in table.columns)
    key = f",\n  PRIMARY KEY ({', '.join(table.key)})" if table.key else ""
    ddl = [f"CREATE TABLE IF NOT EXISTS {table.name} (\n  {columns}{key}\n)"]
    ddl.append(f"COMMENT ON TABLE {table.name} IS {_quote(table.doc)}")
    ddl += [f"COMMENT ON COLUMN {table.name}.{c.name} IS {_quote(c.doc)}" for c in table.columns]
    return tuple(ddl)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_tables", tuple(s for t in TABLES for s in _table_ddl(t))),
    Migration("0002_dashboard_views", tuple(f"CREATE OR REPLACE VIEW {name} AS {sql}" for name, sql, _ in VIEWS)
              + tuple(f"COMMENT ON VIEW {name} IS {_quote(doc)}" for name, _, doc in VIEWS)),
    # Later migrations change what the first one made in older databases; on
    # a new database they find the change already there (IF NOT EXISTS).
    Migration("0003_ingest_errors_article_id", (
        f"ALTER TABLE ingest_errors ADD COLUMN IF NOT EXISTS {ARTICLE_ID_OF_ERROR.name} {ARTICLE_ID_OF_ERROR.type}",
        f"COMMENT ON COLUMN ingest_errors.{ARTICLE_ID_OF_ERROR.name} IS {_quote(ARTICLE_ID_OF_ERROR.doc)}",
    )),
)


class Store:
    """A Dateline database file. Use as a context manager."""

    def __init__(self, path: Path | str, read_only: bool = False):
        self.path = Path(path)
        self.con = _connect(self.path, read_only)

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
        for migration in MIGRATIONS:
            if migration.name in done:
                continue
            with self.transaction():
                for statement in migration.statements:
                    self.con.execute(statement)
                self.con.execute("INSERT INTO schema_migrations (name) VALUES (?)", [migration.name])
            applied.append(migration.name)
        return applied

    def transaction(self):
        return _Transaction(self.con)

    # --- reads ----------------------------------------------------------------

    def known_sources(self) -> dict[str, str]:
        """Source path → SHA-256 of the file when it was last processed."""
        return dict(self.con.execute("SELECT path, file_sha256 FROM sources").fetchall())

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
