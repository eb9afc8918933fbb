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
    """Run the ingest flow every INTERVAL seconds from this process (Ctrl-C stops).

    A local Prefect server with its scheduler lives as long as this command
    (Prefect's temporary server cannot schedule); runs and their logs are in
    the Prefect database of PREFECT_HOME (~/.prefect), rows in --db.
    """
    from flows.ingest import ingest_articles
    from flows.runtime import local_server

    conf = settings()
    input_dir = (input_dir or conf.inbox).resolve()
    db = (db or conf.db).resolve()
    every = interval or conf.serve_interval_s
    input_dir.mkdir(parents=True, exist_ok=True)
    parameters = {"input_dir": str(input_dir), "db_path": str(db), "batch_size": conf.batch_size,
                  "reprocess": "outdated" if conf.reprocess_outdated else "none",
                  "read_copy": str(conf.read_copy_path(db).resolve()), "publish_every": conf.publish_every,
                  "lock_timeout_s": conf.lock_timeout_s}
    if conf.stanza_resources_dir:
        parameters["resources_dir"] = str(conf.stanza_resources_dir.resolve())
    with local_server():
        typer.echo(f"watching {input_dir} every {every} s → {db}, read copy {parameters['read_copy']} (Ctrl-C to stop)")
        ingest_articles.serve(name="dateline-inbox", interval=every, parameters=parameters, print_starting_message=False)
