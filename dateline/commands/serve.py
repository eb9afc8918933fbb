"""``dateline serve``: watch the drop folder on a schedule, no server to set up."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from dateline.settings import settings


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    input_dir: Optional[Path] = typer.Option(None, "--input", "-i", help="Drop folder to watch (default: data/inbox/)."),
    db: Optional[Path] = typer.Option(None, "--db", help="DuckDB file (default: data/dateline.duckdb)."),
    interval: Optional[int] = typer.Option(None, "--interval", min=10, help="Seconds between runs (default: 300)."),
) -> None:
    """Run the ingest flow every INTERVAL seconds from this process (Ctrl-C stops)."""
    from flows.ingest import ingest_articles

    conf = settings()
    input_dir = input_dir or conf.inbox
    input_dir.mkdir(parents=True, exist_ok=True)
    typer.echo(f"watching {input_dir} every {interval or conf.serve_interval_s} s → {db or conf.db} (Ctrl-C to stop)")
    ingest_articles.serve(
        name="dateline-inbox",
        interval=interval or conf.serve_interval_s,
        parameters={"input_dir": str(input_dir), "db_path": str(db or conf.db), "batch_size": conf.batch_size},
        print_starting_message=False,
    )
