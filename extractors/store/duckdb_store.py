"""The DuckDB database: its schema, named migrations and transactional writes.

This is the only module that imports DuckDB. The schema is built by the
frozen, named migrations of :mod:`extractors.store.migrations`, each applied
in its own transaction. Every table and column carries a ``COMMENT ON`` so
analysts can read the documentation with ``SELECT * FROM duckdb_columns()``.

Writes: one batch of whole articles is one transaction that first deletes
whatever those articles and their source files had, then bulk-inserts Arrow
tables. Re-running therefore never duplicates, and a crash (even SIGKILL)
leaves only whole articles behind.

Files are written in storage format ``STORAGE_VERSION`` (not the newest DuckDB's default), so that DuckDB 1.x
clients and BI tools can open them. A connection is short-lived: :meth:`Store.open` waits, within a bound, for
another process to release the file, and :meth:`Store.publish` makes the read copy that readers open instead.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from extractors.errors import DatabaseBusy, DatelineError
from extractors.store.batch import BatchTables
from extractors.store.migrations import migrations
from extractors.store.schema import TABLES

#: Tables whose rows belong to one article (deleted and rewritten together).
ARTICLE_TABLES = ("places", "actors", "event_mentions", "events", "time_expressions", "entities", "sentences", "articles")
#: On-disk format of the files Dateline creates: the oldest DuckDB 1.x reads it.
STORAGE_VERSION = "v1.0.0"
#: DuckDB 2.0's threads for asynchronous reads (of Parquet and CSV files, never of this file), turned off with ``threads``.
_NO_ASYNC_READS = {"async_threads": 0} if int(duckdb.__version__.split(".")[0]) >= 2 else {}
#: Pauses between attempts to open a file another process holds (seconds); read-only opens that fail
#: because a new copy was swapped in meanwhile are retried at once, this many times (see :func:`_connect`).
_RETRY_PAUSES, _SWAPS_TOLERATED = (0.05, 0.1, 0.2, 0.5), 5


class Store:
    """A Dateline database file. Use as a context manager."""

    def __init__(self, path: Path | str, read_only: bool = False, threads: int | None = None):
        self.path = Path(path)
        self.con = _connect(self.path, read_only, threads)
        self.lock_wait_s = 0.0

    @classmethod
    def open(cls, path: Path | str, read_only: bool = False, timeout_s: float = 60.0, threads: int | None = None) -> "Store":
        """Open ``path`` on ``threads`` DuckDB threads and none for asynchronous reads (None: DuckDB's defaults),
        retrying while another process holds it, for at most ``timeout_s`` seconds; ``lock_wait_s`` says how long."""
        start, attempt = time.monotonic(), 0
        while True:
            try:
                store = cls(path, read_only, threads)
            except DatabaseBusy as busy:
                waited = time.monotonic() - start
                if waited >= timeout_s:
                    raise DatabaseBusy(f"{busy} (waited {timeout_s:g} s)") from None
                time.sleep(min(_RETRY_PAUSES[min(attempt, len(_RETRY_PAUSES) - 1)], timeout_s - waited))
                attempt += 1
                continue
            store.lock_wait_s = time.monotonic() - start if attempt else 0.0
            return store

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

    @contextmanager
    def transaction(self):
        """One transaction: committed when the block ends, rolled back when it raises."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # --- reads ----------------------------------------------------------------

    def known_sources(self) -> dict[str, str]:
        """Source path → SHA-256 of the file when it was last processed."""
        return dict(self.con.execute("SELECT path, file_sha256 FROM sources").fetchall())

    def outdated_sources(self, version: str) -> set[str]:
        """Source paths with an article extracted by another extractor version."""
        rows = self.con.execute("SELECT DISTINCT source_path FROM articles WHERE extractor_version IS DISTINCT FROM ?", [version])
        return {row[0] for row in rows.fetchall()}

    def refuse_taken_ids(self, batch: BatchTables, source_paths: Sequence[str]) -> BatchTables:
        """``batch`` without the articles whose ids files other than
        ``source_paths`` already stored (an id belongs to the first file
        stored with it): :meth:`BatchTables.refuse` makes them errors."""
        rows = self.con.execute(
            "SELECT article_id, location FROM articles WHERE article_id IN (SELECT unnest(?::VARCHAR[])) "
            "AND source_path NOT IN (SELECT unnest(?::VARCHAR[]))", [batch.article_ids(), list(source_paths)])
        return batch.refuse(dict(rows.fetchall()))

    def mark_missing(self, folder: str, present: Sequence[str], now: datetime) -> list[str]:
        """Sources under ``folder`` not among ``present`` get ``missing_since``
        (kept from the run that first missed them); present ones lose it.
        Returns the paths of the missing ones."""
        prefix = folder.rstrip("/") + "/"
        self.con.execute("CREATE OR REPLACE TEMP TABLE _present AS SELECT unnest(?::VARCHAR[]) AS path", [list(present)])
        with self.transaction():
            self.con.execute("UPDATE sources SET missing_since = NULL WHERE missing_since IS NOT NULL AND path IN (SELECT path FROM _present)")
            self.con.execute("UPDATE sources SET missing_since = ? WHERE missing_since IS NULL AND starts_with(path, ?) "
                             "AND path NOT IN (SELECT path FROM _present)", [now, prefix])
        rows = self.con.execute("SELECT path FROM sources WHERE missing_since IS NOT NULL AND starts_with(path, ?) ORDER BY path", [prefix])
        return [row[0] for row in rows.fetchall()]

    def delete_sources(self, source_paths: Sequence[str]) -> None:
        """Delete every row of the given source files, in one transaction."""
        with self.transaction():
            self._delete_sources(source_paths, {})

    def query(self, sql: str, params: Sequence | Mapping = ()) -> list[tuple]:
        return self.con.execute(sql, params if isinstance(params, Mapping) else list(params)).fetchall()

    def lock_down(self, files: Mapping[str, Path | str] | None = None) -> None:
        """From now on, no file but this database (and ``files``) can be read
        or written through this connection: ``COPY ... TO``, ``ATTACH``,
        ``read_text`` and extension installs fail, and the setting cannot be
        changed back. ``files`` (view name → CSV or Parquet file) become
        temporary views first, so analysts can join them with the events."""
        allowed = []
        for name, path in (files or {}).items():
            path = Path(path).resolve()
            reader = {".csv": "read_csv_auto", ".tsv": "read_csv_auto", ".parquet": "read_parquet", ".pq": "read_parquet"}.get(path.suffix.lower())
            if reader is None or not name.isidentifier():
                raise DatelineError(f"--read {name}={path}: give NAME=FILE with a plain name and a .csv, .tsv or .parquet file")
            if not path.is_file():
                raise DatelineError(f"--read {name}={path}: no such file")
            quoted = str(path).replace("'", "''")
            try:
                self.con.execute(f'CREATE TEMP VIEW "{name}" AS SELECT * FROM {reader}(\'{quoted}\')')
            except duckdb.Error as exc:
                raise DatelineError(f"--read {name}={path}: {str(exc).splitlines()[0]}") from None
            allowed.append(str(path))
        self.con.execute("SET allowed_paths = ?", [allowed])
        self.con.execute("SET enable_external_access = false")
        self.con.execute("SET lock_configuration = true")

    def select(self, sql: str, params: Sequence = ()) -> tuple[list[str], list[tuple]]:
        """Column names and rows of an analyst's query, errors as one line."""
        try:
            cursor = self.con.execute(sql, list(params))
        except duckdb.Error as exc:
            raise DatelineError(f"SQL error: {str(exc).splitlines()[0]}") from None
        return [d[0] for d in cursor.description or ()], cursor.fetchall()

    # --- writes ---------------------------------------------------------------

    def write_batch(self, frames: BatchTables | Mapping[str, object], source_paths: Sequence[str]) -> None:
        """Replace everything the given source files had with ``frames``: a
        batch task's tables, or table name → Arrow-compatible table (Polars
        frames). One transaction: the whole batch is stored or none of it."""
        frames = frames.tables if isinstance(frames, BatchTables) else {
            name: f.to_arrow() if hasattr(f, "to_arrow") else f for name, f in frames.items()}
        with self.transaction():
            self._delete_sources(source_paths, frames)
            for table in TABLES:
                frame = frames.get(table.name)
                if frame is None or len(frame) == 0:
                    continue
                self.con.register("_incoming", frame)
                self.con.execute(f"INSERT INTO {table.name} BY NAME SELECT * FROM _incoming")
                self.con.unregister("_incoming")

    def _delete_sources(self, source_paths: Sequence[str], frames: Mapping[str, object]) -> None:
        paths = list(source_paths)
        new_ids = frames["articles"]["article_id"].to_pylist() if frames.get("articles") is not None else []
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
        self.con.execute(f"INSERT INTO runs ({', '.join(run)}) VALUES ({', '.join('?' for _ in run)})",
                         [json.dumps(v) if isinstance(v, (dict, list)) else v for v in run.values()])

    # --- the read copy --------------------------------------------------------

    def publish(self, target: Path | str, run_id: str, stage: str) -> dict:
        """Copy the whole database to ``target`` for readers, atomically.

        The copy is written under a temporary name and swapped in with ``os.replace``: a reader sees the old
        copy or the new one, never a partial one (an open that straddles the swap is retried, see
        :func:`_connect`), and one holding the old copy open keeps reading it. A ``publications`` row, copied
        along, says when and by which run. A file in format ``STORAGE_VERSION`` is checkpointed and copied
        byte for byte while this connection keeps other writers out (milliseconds per MB); one in a newer
        format (created before the format was pinned) is rewritten table by table with ``COPY FROM
        DATABASE`` (about a hundred times slower)."""
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        _remove(temporary)
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        ((articles, events),) = self.query("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)")
        self.con.execute("INSERT INTO publications VALUES (?, ?, ?, ?, ?)", [now, run_id, stage, articles, events])
        try:
            if self.storage_version() == f"{STORAGE_VERSION}+":
                self.con.execute("CHECKPOINT")
                shutil.copyfile(self.path, temporary)
            else:
                self._copy_database(temporary)
            os.replace(temporary, target)
        finally:
            _remove(temporary)
        return {"published_at": now, "run_id": run_id, "stage": stage, "articles": articles, "events": events}

    def storage_version(self) -> str:
        """The file's storage format, e.g. ``v1.0.0+`` (DuckDB's own tag)."""
        ((tags,),) = self.query("SELECT tags FROM duckdb_databases() WHERE database_name = current_database()")
        return (tags or {}).get("storage_version", "")

    def _copy_database(self, destination: Path) -> None:
        (catalog,) = self.query("SELECT current_database()")[0]
        quoted = str(destination).replace("'", "''")
        self.con.execute(f"ATTACH '{quoted}' AS _publish (STORAGE_VERSION '{STORAGE_VERSION}')")
        try:
            self.con.execute(f'COPY FROM DATABASE "{catalog}" TO _publish')
        finally:
            self.con.execute("DETACH _publish")


def _remove(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)


def _connect(path: Path, read_only: bool, threads: int | None = None):
    """A connection to ``path``. DuckDB's open is not atomic: one that a copy swapped in by :meth:`Store.publish`
    interrupts can fail (1 open in 200 with copies swapped in a loop), and is retried on the new file."""
    config = {} if threads is None else {"threads": threads, **_NO_ASYNC_READS}
    if not read_only:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatelineError(f"cannot create the database folder {path.parent}: {exc.strerror}") from None
        config["storage_compatibility_version"] = STORAGE_VERSION  # used when the file is created
    for attempt in range(_SWAPS_TOLERATED + 1):
        before = _identity(path)
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config)
        except (duckdb.Error, OSError) as exc:
            message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower():
                raise DatabaseBusy(f"the database {path} is in use by another process (another `dateline run`?); "
                                   "wait for it to finish or use --db") from None
            if not (read_only and attempt < _SWAPS_TOLERATED and _identity(path) != before):
                raise DatelineError(f"cannot open the database {path}: {message}") from None


def _identity(path: Path) -> tuple | None:
    """What changes when another file is swapped in under ``path``."""
    with suppress(OSError):
        stat = path.stat()
        return stat.st_ino, stat.st_mtime_ns, stat.st_size
    return None
