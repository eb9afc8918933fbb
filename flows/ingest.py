"""The Prefect flow: a folder of article files → the DuckDB event tables.

Orchestration only: finding work, batching, retries, the single writer and
the run record. Everything that turns text into rows is in ``extractors``.
"""

from __future__ import annotations

import time
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, task

from extractors import EXTRACTOR_VERSION, ingest
from extractors.errors import DatelineError, ModelsMissing
from extractors.nlp import NlpEngine, missing_models_message
from extractors.pipeline import BatchResult, run_batch
from extractors.records import IngestError
from extractors.storage import Store

DEFAULT_BATCH_SIZE = 16
_listeners: list[Callable[[str, int, int], None]] = []


def add_progress_listener(listener: Callable[[str, int, int], None]) -> None:
    """``listener(stage, done, total)`` is called as files are processed."""
    _listeners.append(listener)


def remove_progress_listener(listener: Callable[[str, int, int], None]) -> None:
    _listeners.remove(listener)


def _notify(stage: str, done: int, total: int) -> None:
    for listener in list(_listeners):
        listener(stage, done, total)


@task(name="process-batch", retries=2, retry_delay_seconds=2, persist_result=False)
def process_batch(paths: list[str], resources_dir: str | None, languages: list[str] | None) -> BatchResult:
    """Read and analyze one batch of files (Stanza pipelines are reused)."""
    engine = NlpEngine(Path(resources_dir) if resources_dir else None)
    return run_batch([Path(p) for p in paths], engine, languages)


@flow(name="ingest-articles", persist_result=False, validate_parameters=True)
def ingest_articles(
    input_dir: str = "data/inbox",
    db_path: str = "data/dateline.duckdb",
    batch_size: int = DEFAULT_BATCH_SIZE,
    languages: list[str] | None = None,
    resources_dir: str | None = None,
) -> dict:
    """Process new or changed article files under ``input_dir`` into ``db_path``."""
    started, clock = datetime.now(timezone.utc), time.perf_counter()
    folder = Path(input_dir)
    if not folder.is_dir():
        raise DatelineError(f"input folder {folder} does not exist")
    files = ingest.discover(folder)
    with Store(db_path) as store:
        store.migrate()
        known = store.known_sources()
        todo = [p for p in files if known.get(str(p)) != ingest.file_sha256(p)]
        if todo:
            _require_models(resources_dir)
        totals = _process(store, todo, max(1, batch_size), resources_dir, languages)
        run = {
            "run_id": uuid.uuid4().hex,
            "started_at": started.replace(tzinfo=None),
            "finished_at": datetime.now(timezone.utc).replace(tzinfo=None),
            "input_dir": str(folder),
            "files_seen": len(files),
            "files_new": len(todo),
            "files_skipped": len(files) - len(todo),
            "files_failed": len(totals["failed_files"]),
            "articles_written": totals["articles"],
            "events_written": sum(totals["events_by_type"].values()),
            "errors_recorded": sum(totals["errors_by_reason"].values()),
            "duration_s": round(time.perf_counter() - clock, 3),
            "extractor_version": EXTRACTOR_VERSION,
        }
        store.record_run(run)
    return {**run, "db_path": str(db_path), "events_by_type": dict(totals["events_by_type"]),
            "errors_by_reason": dict(totals["errors_by_reason"]), "timings": totals["timings"]}


def _require_models(resources_dir: str | None) -> None:
    engine = NlpEngine(Path(resources_dir) if resources_dir else None)
    if not engine.inventory:
        raise ModelsMissing(missing_models_message("any", engine.directory).replace("language 'any'", "any language"))


def _process(store: Store, todo: Sequence[Path], batch_size: int, resources_dir, languages) -> dict:
    totals = {"articles": 0, "events_by_type": Counter(), "errors_by_reason": Counter(), "failed_files": set(), "timings": Counter()}
    _notify("process", 0, len(todo))
    for start in range(0, len(todo), batch_size):
        batch = [str(p) for p in todo[start : start + batch_size]]
        try:
            result = process_batch(batch, resources_dir, languages)
        except Exception as exc:  # the batch failed after its retries: record, go on
            result = _failed_batch(batch, exc)
        write_start = time.perf_counter()
        store.write_batch(result.frames(), list(result.sources))  # the single writer
        totals["timings"]["write"] += time.perf_counter() - write_start
        _add(totals, result)
        _notify("process", min(start + batch_size, len(todo)), len(todo))
    totals["timings"] = {k: round(v, 3) for k, v in totals["timings"].items()}
    return totals


def _failed_batch(paths: Sequence[str], exc: Exception) -> BatchResult:
    """Every file of the batch recorded as failed, with an empty hash so that
    the next run tries them again."""
    result = BatchResult()
    for path in paths:
        result.sources[path] = ""
        result.source_of[path] = path
        result.errors.append(IngestError(path, "processing", f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"))
    return result


def _add(totals: dict, result: BatchResult) -> None:
    totals["articles"] += len(result.articles)
    totals["events_by_type"].update(e.type for e in result.events)
    totals["errors_by_reason"].update(e.reason for e in result.errors)
    totals["failed_files"].update(result.source_of.get(e.path, e.path) for e in result.errors)
    totals["timings"].update(result.timings)
