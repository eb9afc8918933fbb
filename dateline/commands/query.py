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
    db: Optional[Path] = typer.Option(None, "--db", help="DuckDB file (default: data/dateline.duckdb)."),
    fmt: str = FORMAT_OPTION,
) -> None:
    """Run read-only SQL against the event database (no DuckDB CLI needed)."""
    from extractors.store import Store

    db = db or settings().db
    if not db.exists():
        raise DatelineError(f"no database at {db}; run `dateline run` first")
    with Store(db, read_only=True) as store:
        columns, rows = store.select(sql)
    emit((dict(zip(columns, r)) for r in rows), fmt, columns, sql)
