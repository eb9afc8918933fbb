"""How processes share the database: a writer that never holds it for long,
readers that never touch it.

* The writer (the flow) opens the database file only for one transaction at a
  time (:meth:`Database.open`), waiting within a bound while another process
  holds it, and adds up how long it waited.
* Readers (dashboards, ``dateline query``, BI tools) read the **read copy**,
  a complete copy that the writer publishes after each run and every few
  batches of a long run (:meth:`Database.publish`), swapped in atomically.
  :func:`read` opens it read-only for one query and closes it at once, so no
  reader ever holds a lock the writer needs, and the writer never locks the
  copy readers use.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from extractors.store.duckdb_store import Store

#: Seconds a writer waits for another process to release the database file.
DEFAULT_LOCK_TIMEOUT_S = 60.0
#: DuckDB threads of the writer's connections (and none for asynchronous reads).
#: DuckDB starts its threads with each connection and ends them when it closes,
#: and the writer opens the file for every batch: each new thread gets a glibc
#: malloc arena, and part of what DuckDB frees there stays resident, more as the
#: file grows (glibc's free memory went 25 -> 62 MiB over a long run while what it
#: had in use stayed at 46 MiB). Over 20,000 replayed articles (bench/memory.py,
#: README "What a run costs") resident memory grew 8.8-11.9% with DuckDB's
#: defaults (one worker and eight threads for asynchronous reads here) and
#: 2.0-3.7% with this, in the same wall time: the writer's statements touch a few
#: batches' rows. Readers keep DuckDB's defaults.
WRITER_THREADS = 1


def default_read_copy(db_path: Path | str) -> Path:
    """The read copy beside the database: ``data/dateline.duckdb`` →
    ``data/dateline.read.duckdb``."""
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}.read{db_path.suffix or '.duckdb'}")


class Database:
    """The database file of a run and where its read copy goes."""

    def __init__(self, path: Path | str, read_copy: Path | str | None = None,
                 lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S):
        self.path = Path(path)
        self.read_copy = Path(read_copy) if read_copy else default_read_copy(self.path)
        self.lock_timeout_s = lock_timeout_s
        #: Seconds spent waiting for other processes to release the file, in all.
        self.lock_wait_s = 0.0

    @contextmanager
    def open(self) -> Iterator[Store]:
        """The database for one short piece of work (a batch's transaction,
        the run record), closed right after, on :data:`WRITER_THREADS` DuckDB
        threads."""
        store = Store.open(self.path, timeout_s=self.lock_timeout_s, threads=WRITER_THREADS)
        self.lock_wait_s += store.lock_wait_s
        try:
            yield store
        finally:
            store.close()

    def publish(self, run_id: str, stage: str) -> dict:
        """Publish the read copy; returns its ``publications`` row and the
        seconds it took (``publish_s``)."""
        start = time.perf_counter()
        with self.open() as store:
            row = store.publish(self.read_copy, run_id, stage)
        return {**row, "publish_s": round(time.perf_counter() - start, 3)}


def read(path: Path | str, sql: str, params: Sequence = (), timeout_s: float = 10.0,
         files: Mapping[str, Path | str] | None = None) -> tuple[list[str], list[tuple]]:
    """Column names and rows of one read-only query on ``path`` (the read
    copy), opened for this query only, with no access to other files than
    ``files`` (view name → CSV or Parquet file, see :meth:`Store.lock_down`)."""
    with Store.open(path, read_only=True, timeout_s=timeout_s) as store:
        store.lock_down(files)
        return store.select(sql, params)
