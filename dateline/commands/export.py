"""``dateline export``: the events as files analysts load elsewhere."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Optional

import typer

from dateline.settings import settings
from extractors.errors import DatelineError

FORMATS = ("parquet", "csv", "plover-jsonl")


def register(app: typer.Typer) -> None:
    app.command("export")(export)


def export(
    out: Path = typer.Argument(..., help="File to write."),
    db: Optional[Path] = typer.Option(None, "--db", help="DuckDB file (default: data/dateline.duckdb)."),
    fmt: str = typer.Option("parquet", "--format", help="parquet, csv (one flat row per event) or plover-jsonl (PLOVER records)."),
    since: Optional[str] = typer.Option(None, "--since", help="Only events dated on or after this day (YYYY-MM-DD; undated ones by publication date)."),
) -> None:
    """Export events with their codes, coded actors, geocoded place and cluster."""
    from extractors.store import Store
    from extractors.store.export import copy_to, export_rows

    if fmt not in FORMATS:
        raise DatelineError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    day = _day(since)
    db = db or settings().db
    if not db.exists():
        raise DatelineError(f"no database at {db}; run `dateline run` first")
    if out.parent and not out.parent.exists():
        raise DatelineError(f"the folder {out.parent} does not exist")
    with Store(db, read_only=True) as store:
        if fmt == "plover-jsonl":
            n = _write_plover(store, out, day, export_rows)
        else:
            n = copy_to(store, out, fmt, day)
    typer.echo(f"{n} events written to {out} ({fmt})")


def _write_plover(store, out: Path, day: date | None, export_rows) -> int:
    from extractors.coding.plover import records

    columns, rows = export_rows(store, day)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for record in records(dict(zip(columns, r)) for r in rows):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def _day(since: str | None) -> date | None:
    if since is None:
        return None
    try:
        return date.fromisoformat(since)
    except ValueError:
        raise DatelineError(f"--since expects a day as YYYY-MM-DD, not {since!r}") from None
