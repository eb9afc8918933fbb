"""``dateline run``: process a folder of articles into the DuckDB database."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from dateline.settings import settings
from extractors.errors import DatelineError

EXAMPLE_SQL = "SELECT type, actor, counterpart, destination, date, modality FROM event_dashboard ORDER BY date_start"


def register(app: typer.Typer) -> None:
    app.command("run")(run)


def run(
    input_dir: Optional[Path] = typer.Option(None, "--input", "-i", help="Folder of article files (default: seeds/)."),
    db: Optional[Path] = typer.Option(None, "--db", help="DuckDB file to write (default: data/dateline.duckdb)."),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", min=1, help="Articles per batch (one Prefect task each)."),
    lang: Optional[list[str]] = typer.Option(None, "--lang", help="Only process these languages (repeatable)."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes, each with its own Stanza models."),
    dask: Optional[str] = typer.Option(None, "--dask", help="Run the batches on this Dask scheduler (tcp://host:8786)."),
    reprocess: bool = typer.Option(False, "--reprocess", help="Re-extract every file, changed or not (e.g. after a model update)."),
    prune: bool = typer.Option(False, "--prune", help="Delete the rows of files no longer in the input folder "
                               "(without it they stay, marked in sources.missing_since)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show Prefect and Stanza logs."),
) -> None:
    """Extract dated events from new or changed articles into DuckDB."""
    conf = settings()
    input_dir = input_dir or conf.seeds
    db = db or conf.db
    if not input_dir.is_dir():
        raise DatelineError(f"input folder {input_dir} does not exist (use --input DIR)")
    from extractors import ingest
    from extractors.store import Database
    from flows.plan import plan_run

    resources = str(conf.stanza_resources_dir) if conf.stanza_resources_dir else None
    # Opening the database first turns a locked or unwritable file, or missing
    # models, into one clear line before Prefect starts; an unchanged folder
    # is recorded without starting Prefect at all.
    mode = "all" if reprocess else ("outdated" if conf.reprocess_outdated else "none")
    lang = [ingest.language_code(code) or code for code in lang] if lang else lang
    summary, todo = plan_run(input_dir, Database(db, conf.read_copy_path(db), conf.lock_timeout_s), resources,
                             reprocess=mode, prune=prune)
    if summary is None:
        summary = run_with_progress(input_dir, db, batch_size or conf.batch_size, lang, resources, workers, todo=todo,
                                    verbose=verbose, reprocess=mode, prune=prune, dask=dask or conf.dask)
    print_summary(summary)


def run_with_progress(input_dir: Path, db: Path, batch_size: int, lang, resources_dir, workers: int = 1,
                      *, todo: Sequence[Path] = (), verbose: bool = False, on_progress=None, reprocess: str = "none",
                      prune: bool = False, dask: str | None = None) -> dict:
    """The flow with a progress bar. Dateline's temporary Prefect server
    starts while this process loads the models the first batches need into the
    backend the flow then uses (not with ``--workers`` or ``--dask``: the
    workers load their own); when it does not start, the flow's body runs
    without Prefect. ``on_progress`` is also told of progress."""
    from flows.ingest import ingest_articles
    from flows.resources import default_backend
    from flows.runtime import files_to_warm, flow_server, one_shot_settings, warm_models

    conf = settings()
    backend = default_backend(str(resources_dir) if resources_dir else None)
    console = Console(stderr=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True, disable=verbose) as bar:
        task = bar.add_task("starting Prefect, loading models…", total=None)

        def show(stage: str, done: int, total: int) -> None:
            bar.update(task, description="processing files", completed=done, total=max(total, 1))
            if on_progress is not None:
                on_progress(stage, done, total)

        warm = (lambda: warm_models(files_to_warm(todo, batch_size), backend, lang)) if workers == 1 and not dask else None
        parameters = dict(
            input_dir=str(input_dir), db_path=str(db), batch_size=batch_size, languages=list(lang) if lang else None,
            resources_dir=str(resources_dir) if resources_dir else None, workers=workers, dask=dask, backend=backend,
            on_progress=show, reprocess=reprocess, read_copy=str(conf.read_copy_path(db)),
            publish_every=conf.publish_every, lock_timeout_s=conf.lock_timeout_s, prune=prune,
            budget_s=conf.article_budget_s,
        )
        with flow_server(meanwhile=warm) as url, one_shot_settings():
            return (ingest_articles if url else ingest_articles.fn)(**parameters)


def print_summary(summary: dict) -> None:
    console = Console(soft_wrap=True)  # paths and the SQL stay copy-pasteable
    console.print(
        f"[bold]{summary['files_seen']}[/] files: {summary['files_new']} new or changed, "
        f"{summary['files_skipped']} unchanged, {summary['files_failed']} with errors "
        f"({summary['duration_s']:.1f} s)"
    )
    console.print(f"[bold]{summary['articles_written']}[/] articles and [bold]{summary['events_written']}[/] events written")
    for event_type, count in sorted(summary["events_by_type"].items()):
        console.print(f"  {event_type:<14} {count}")
    for reason, count in sorted(summary["errors_by_reason"].items()):
        console.print(f"  [yellow]error[/] {reason:<20} {count}  (see table ingest_errors)")
    console.print(f"database: {summary['db_path']}; read copy for queries and dashboards: {summary['read_copy']}")
    console.print(f"try: dateline query --db {summary['read_copy']} \"{EXAMPLE_SQL}\"", soft_wrap=True)
