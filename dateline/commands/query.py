"""``dateline query``: run SQL against the database and print the result."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from dateline.commands._inputs import FORMAT_OPTION, emit
from dateline.settings import settings
from extractors.errors import DatelineError


def register(app: typer.Typer) -> None:
    app.command("query")(query)


def query(
    sql: str = typer.Argument(..., help="SQL to run, e.g. \"SELECT * FROM event_dashboard\"."),
    db: Optional[Path] = typer.Option(None, "--db", help="DuckDB file to read (default: the read copy, data/dateline.read.duckdb)."),
    fmt: str = FORMAT_OPTION,
    read_files: Optional[list[str]] = typer.Option(None, "--read", metavar="NAME=FILE",
                                                   help="Expose a CSV or Parquet file as the view NAME (repeatable), "
                                                        "e.g. --read watchlist=actors.csv; no other file is readable."),
) -> None:
    """Run read-only SQL against the read copy of the event database (no DuckDB CLI needed).

    The read copy is what `dateline run` publishes for readers; the file is
    opened read-only for this one query and closed right after, so it never
    gets in a run's way. SELECT * FROM data_as_of says how fresh it is.
    The query cannot touch the disk: COPY ... TO, ATTACH, read_text() and
    the like are refused; --read names the only other files it may read.
    """
    from extractors.store import read

    conf = settings()
    db = db or conf.read_copy_path()
    if not db.exists():
        raise DatelineError(f"no database at {db}; run `dateline run` first (it publishes the read copy)")
    files = {}
    for item in read_files or ():
        name, sep, path = item.partition("=")
        if not sep or not name or not path:
            raise DatelineError(f"--read {item!r}: expected NAME=FILE, e.g. --read watchlist=actors.csv")
        files[name] = Path(path)
    columns, rows = read(db, sql, timeout_s=conf.lock_timeout_s, files=files)
    emit((dict(zip(columns, r)) for r in rows), fmt, columns, sql)
