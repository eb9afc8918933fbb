"""How to hand readers a database the writer keeps changing: three ways, measured.

On a copy of ``--db`` (a database made by ``dateline run``; it is not
touched; the copy is first rewritten in the pinned storage format, as a new
database is), each mechanism publishes ``--rounds`` times, and a reader then
opens what was published, runs the dashboard's page of queries (no filter)
and closes it, ``--reads`` times:

* ``bytes``: what Dateline does (:meth:`Store.publish`): ``CHECKPOINT``, then
  the file's bytes copied beside the target while the writer's connection
  keeps other writers out, swapped in with ``os.replace``;
* ``rewrite``: the database rewritten into a new file in the pinned format
  (``ATTACH ... (STORAGE_VERSION)`` + ``COPY FROM DATABASE``) and swapped in:
  what a database created before the format was pinned gets;
* ``parquet``: ``EXPORT DATABASE`` to one Parquet file per table in a new
  folder, plus a small DuckDB catalog of views over them, swapped in (older
  folders must then be kept until no reader uses them).

DuckLake is not among them: DuckDB downloads its extension at run time (not
possible offline here), and the PyPI package that ships it
(``duckdb-extension-ducklake``) is built for one DuckDB release only.

    python bench/read_copy.py --db /tmp/b1000.duckdb

Prints, per mechanism: publish time (median and max), size on disk, time of
one page of reader queries (median, p95).
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import typer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dateline.dashboard import queries  # noqa: E402
from extractors.store import VIEWS, Database, Store  # noqa: E402


def publish_bytes(db: Path, out: Path) -> Path:
    Database(db, out / "bytes.duckdb").publish("bench", "end of run")
    return out / "bytes.duckdb"


def publish_rewrite(db: Path, out: Path) -> Path:
    target, temporary = out / "rewrite.duckdb", out / ".rewrite.duckdb.tmp"
    temporary.unlink(missing_ok=True)
    with Store(db) as store:
        store._copy_database(temporary)
    os.replace(temporary, target)
    return target


def publish_parquet(db: Path, out: Path) -> Path:
    """A new folder of Parquet files per publication and a catalog of views
    over it, swapped in; older folders are left for readers still on them."""
    folder = out / f"parquet-{time.time_ns()}"
    catalog, temporary = out / "parquet.duckdb", out / ".parquet.duckdb.tmp"
    with duckdb.connect(str(db), read_only=True) as con:
        con.execute(f"EXPORT DATABASE '{folder}' (FORMAT parquet)")
        tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
    temporary.unlink(missing_ok=True)
    with duckdb.connect(str(temporary)) as con:
        for table in tables:
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{folder / table}.parquet')")
        for name, sql, _ in VIEWS:
            con.execute(f"CREATE VIEW {name} AS {sql}")
    os.replace(temporary, catalog)
    return catalog


MECHANISMS = {"bytes": publish_bytes, "rewrite": publish_rewrite, "parquet": publish_parquet}


def page_queries() -> dict:
    f = queries.Filters()
    return {"as_of": queries.DATA_AS_OF, "options": queries.OPTIONS, "per_day": queries.per_day(f), "counts": queries.counts(f),
            "events": queries.events(f), "actors": queries.top_actors(f), "pairs": queries.top_pairs(f),
            "places": queries.places(f, False)}


def size(path: Path) -> int:
    if path.name == "parquet.duckdb":
        newest = max(path.parent.glob("parquet-*"), key=lambda p: p.stat().st_mtime)
        return path.stat().st_size + sum(f.stat().st_size for f in newest.iterdir())
    return path.stat().st_size


def main(db: Path = typer.Option(..., help="A database made by dateline run (left untouched)."),
         rounds: int = typer.Option(5, help="Publications per mechanism."),
         reads: int = typer.Option(30, help="Page reads per mechanism.")) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work, original = Path(tmp) / "dateline.duckdb", Path(tmp) / "original.duckdb"
        shutil.copyfile(db, original)
        with Store(original) as store:
            store.migrate()
            store._copy_database(work)  # in the pinned format, as new databases are
        with Store(work) as store:
            articles, events = store.query("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)")[0]
        print(f"{db}: {articles} articles, {events} events, {work.stat().st_size / 1e6:.1f} MB "
              f"(DuckDB {duckdb.__version__}, {rounds} publications, {reads} page reads each)")
        print(f"{'mechanism':<10} {'publish median':>15} {'max':>8} {'size MB':>8} {'page read median':>17} {'p95':>8}")
        for name, publish in MECHANISMS.items():
            timings = []
            for _ in range(rounds):
                start = time.perf_counter()
                target = publish(work, Path(tmp))
                timings.append(time.perf_counter() - start)
            page = []
            for _ in range(reads):
                start = time.perf_counter()
                queries.run_all(target, page_queries())
                page.append(time.perf_counter() - start)
            p95 = sorted(page)[max(0, int(len(page) * 0.95) - 1)]
            print(f"{name:<10} {statistics.median(timings):>14.3f}s {max(timings):>7.3f}s {size(target) / 1e6:>8.1f} "
                  f"{statistics.median(page) * 1000:>15.1f}ms {p95 * 1000:>6.1f}ms")


if __name__ == "__main__":
    typer.run(main)
