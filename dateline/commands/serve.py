"""``dateline serve``: watch the drop folder, run when files land and on a schedule, no server to set up."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from typing import Optional

import typer

from dateline.settings import settings
from extractors.errors import DatelineError


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    input_dir: Optional[Path] = typer.Option(None, "--input", "-i", help="Drop folder to watch (default: data/inbox/)."),
    db: Optional[Path] = typer.Option(None, "--db", help="DuckDB file (default: data/dateline.duckdb)."),
    interval: Optional[int] = typer.Option(None, "--interval", min=10, help="Seconds between run starts (default: 300)."),
    prune: bool = typer.Option(False, "--prune", help="Delete the rows of files no longer in the drop folder."),
) -> None:
    """Run the ingest flow when files land in the drop folder, and at least every INTERVAL seconds (Ctrl-C stops).

    The folder is looked at every few seconds (DATELINE_SERVE_POLL_S, default
    2; 0: schedule only); a run starts once new or changed files have stopped
    changing. Runs never overlap: otherwise the next one starts INTERVAL
    seconds after the previous one started, or as soon as it ends when it
    took longer. Each run
    prints one line; a failed run prints its error, is recorded in the
    `runs` table (status, error) and the next run goes on. Flow runs are
    recorded by a temporary Prefect server that lives as long as this
    command, in the Prefect database of PREFECT_HOME (~/.prefect). The Stanza
    models stay loaded in this process between runs.
    """
    from flows.inbox import listing, wait_for_work
    from flows.ingest import ingest_articles
    from flows.resources import default_backend
    from flows.runtime import flow_server

    conf = settings()
    input_dir = (input_dir or conf.inbox).resolve()
    db = (db or conf.db).resolve()
    every = interval or conf.serve_interval_s
    input_dir.mkdir(parents=True, exist_ok=True)
    parameters = {"input_dir": str(input_dir), "db_path": str(db), "batch_size": conf.batch_size,
                  "reprocess": "outdated" if conf.reprocess_outdated else "none",
                  "read_copy": str(conf.read_copy_path(db).resolve()), "publish_every": conf.publish_every,
                  "lock_timeout_s": conf.lock_timeout_s, "prune": prune, "budget_s": conf.article_budget_s}
    if conf.dask:
        parameters["dask"] = conf.dask
    if conf.stanza_resources_dir:
        parameters["resources_dir"] = str(conf.stanza_resources_dir.resolve())
    # Every run is a call in this process: one backend, built once, keeps the
    # models it loads for the next runs (models pulled meanwhile are found
    # by its refresh before each run).
    backend = default_backend(parameters.get("resources_dir"))
    with flow_server() as url:
        typer.echo(f"watching {input_dir} (runs when files land, at least every {every} s) → {db}, read copy {parameters['read_copy']} (Ctrl-C to stop)")
        flow = ingest_articles if url else ingest_articles.fn
        while True:
            started, before = time.monotonic(), listing(input_dir)
            if hasattr(backend, "refresh"):
                backend.refresh()
            typer.echo(run_once(flow, {**parameters, "backend": backend}), nl=True)
            wait_for_work(input_dir, every - (time.monotonic() - started), before, conf.serve_poll_s, sleep=time.sleep)


def run_once(flow, parameters: dict) -> str:
    """One run, as the one line ``serve`` prints; never raises an Exception
    (the flow records a failed run in ``runs`` itself)."""
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    try:
        summary = flow(**parameters)
    except DatelineError as exc:
        return f"{stamp} run failed: {exc}"
    except Exception as exc:  # noqa: BLE001 — one failed run must not stop the schedule
        return f"{stamp} run failed: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
    errors = sum(summary["errors_by_reason"].values())
    return (f"{stamp} run ok: {summary['files_new']} new or changed of {summary['files_seen']} files, "
            f"{summary['articles_written']} articles, {summary['events_written']} events, {errors} errors "
            f"({summary['duration_s']:.1f} s)")
