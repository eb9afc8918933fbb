"""The Prefect flow: a folder of article files → the DuckDB event tables.

Orchestration only: finding work, batching, retries, the single writer and
the run record. Everything that turns text into rows is in ``extractors``.

The analysis runs without the database: the file is opened only for the list
of known sources, each batch's write transaction, the run record and the
read-copy publications (after every ``publish_every`` batches and at the end),
each time waiting at most ``lock_timeout_s`` for another process to release
it (:class:`~extractors.store.Database`). Readers read the copy, so neither
side ever waits for the other for longer than one transaction.

The external systems are parameters, dagster-resource style: ``backend`` (the
NLP backend: Stanza by default, recorded analyses in tests) and
``on_progress`` (called as ``on_progress(stage, done, total)``; a callback
that raises is reported once and never stops the run).
"""

from __future__ import annotations

import os
import time
import uuid
from collections import Counter, deque
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from extractors import EXTRACTOR_VERSION, ingest
from extractors.errors import DatelineError, ModelsMissing
from extractors.nlp import NlpBackend, StanzaBackend, missing_models_message
from extractors.pipeline import BatchResult, run_batch
from extractors.records import IngestError
from extractors.store import Database
from extractors.store.access import DEFAULT_LOCK_TIMEOUT_S
from flows.clusters import cluster_new_events
from flows.resources import default_backend

DEFAULT_BATCH_SIZE = 64
#: Batches between two publications of the read copy during a long run.
DEFAULT_PUBLISH_EVERY = 8
Progress = Callable[[str, int, int], None]


class _Notifier:
    """Calls the progress callback; one that raises is dropped after a warning."""

    def __init__(self, callback: Progress | None):
        self.callback = callback

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.callback is None:
            return
        try:
            self.callback(stage, done, total)
        except Exception as exc:  # noqa: BLE001 — progress display must never stop a run
            import logging

            logging.getLogger(__name__).warning("progress callback failed (%s); progress is no longer shown", exc)
            self.callback = None


#: Exceptions worth a retry: the machine, not the input (memory, I/O hiccups).
TRANSIENT = (MemoryError, TimeoutError, ConnectionError, BlockingIOError, InterruptedError)


def is_transient(_task, _run, state) -> bool:
    """Retry condition: a bad article is already isolated inside the batch,
    so an exception here is either the machine (retry) or a bug or a
    user-actionable error such as missing models (retrying cannot help)."""
    exc = state.result(raise_on_failure=False)
    return isinstance(exc, TRANSIENT) and not isinstance(exc, DatelineError)


@task(name="process-batch", retries=2, retry_delay_seconds=2, retry_condition_fn=is_transient, persist_result=False,
      cache_policy=NO_CACHE)
def process_files(paths: list[str], backend: NlpBackend, languages: list[str] | None) -> BatchResult:
    """Read and analyze one batch of files (the backend keeps its models
    loaded; a worker process gets its own copy and loads its own)."""
    return run_batch([Path(p) for p in paths], backend, languages)


@flow(name="ingest-articles", persist_result=False, validate_parameters=False)
def ingest_articles(
    input_dir: str = "data/inbox",
    db_path: str = "data/dateline.duckdb",
    batch_size: int = DEFAULT_BATCH_SIZE,
    languages: list[str] | None = None,
    resources_dir: str | None = None,
    workers: int = 1,
    backend: NlpBackend | None = None,
    on_progress: Progress | None = None,
    reprocess: str = "none",
    read_copy: str | None = None,
    publish_every: int = DEFAULT_PUBLISH_EVERY,
    lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S,
) -> dict:
    """Process new or changed article files under ``input_dir`` into ``db_path``,
    analysing with ``backend`` (default: Stanza models of ``resources_dir``),
    and publish the read copy ``read_copy`` (default: beside ``db_path``).
    ``reprocess`` also re-extracts files whose articles another extractor
    version made (``outdated``) or every file (``all``)."""
    started, clock, run_id = datetime.now(timezone.utc), time.perf_counter(), uuid.uuid4().hex
    backend = backend if backend is not None else default_backend(resources_dir)
    db = Database(db_path, read_copy, lock_timeout_s)
    files, todo = pending_files(db, input_dir, reprocess)
    if todo:
        _require_models(backend)
    totals = _process(db, run_id, todo, max(1, batch_size), backend, languages, max(1, workers), _Notifier(on_progress),
                      publish_every)
    return finish_run(db, run_id, input_dir, files, todo, totals, started, clock)


#: What is processed again besides new and changed files: nothing, files whose
#: articles were extracted by another extractor version, or every file.
REPROCESS = ("none", "outdated", "all")


def pending_files(db: Database, input_dir: str | Path, reprocess: str = "none") -> tuple[list[Path], list[Path]]:
    """All article files under ``input_dir``, and those to process: new or
    changed since they were last processed (SHA-256 of the file and its
    sidecar), plus what ``reprocess`` asks for (see :data:`REPROCESS`). The
    database is open only to migrate it and read what it knows."""
    if reprocess not in REPROCESS:
        raise DatelineError(f"reprocess must be one of {', '.join(REPROCESS)}, not {reprocess!r}")
    folder = Path(input_dir)
    if not folder.is_dir():
        raise DatelineError(f"input folder {folder} does not exist")
    with db.open() as store:
        store.migrate()
        known = store.known_sources()
        stale = store.outdated_sources(EXTRACTOR_VERSION) if reprocess == "outdated" else set()
    files = ingest.discover(folder)
    if reprocess == "all":
        return files, files
    return files, [p for p in files if str(p) in stale or known.get(str(p)) != ingest.file_sha256(p)]


def record_unchanged_run(input_dir: str | Path, db_path: str | Path) -> dict | None:
    """When no file is new or changed, record the run without Prefect (an
    unchanged drop then costs a hash per file, not a Prefect start-up).
    Returns ``None`` when there is work to do: the caller runs the flow."""
    return plan_run(input_dir, Database(db_path))[0]


def plan_run(input_dir: str | Path, db: Database, resources_dir: str | None = None,
             backend: NlpBackend | None = None, reprocess: str = "none") -> tuple[dict | None, list[Path]]:
    """Open (and migrate) the database, find the files to process; with none,
    record the run (and publish) and return its summary, else ``(None, files)``
    after checking that models exist, so that these mistakes surface before
    Prefect starts."""
    started, clock, run_id = datetime.now(timezone.utc), time.perf_counter(), uuid.uuid4().hex
    files, todo = pending_files(db, input_dir, reprocess)
    if todo:
        _require_models(backend if backend is not None else StanzaBackend(resources_dir))
        return None, todo
    return finish_run(db, run_id, input_dir, files, todo, _empty_totals(), started, clock), []


def finish_run(db: Database, run_id: str, input_dir, files, todo, totals: dict, started: datetime, clock: float) -> dict:
    """Record the run, then publish the read copy it leaves behind."""
    with db.open() as store:
        summary = record_run(store, run_id, input_dir, files, todo, totals, started, clock, db.lock_wait_s)
    publication = db.publish(run_id, "end of run")
    summary["timings"]["publish"] = round(summary["timings"].get("publish", 0) + publication["publish_s"], 3)
    return {**summary, "read_copy": str(db.read_copy), "published_at": publication["published_at"]}


def record_run(store, run_id: str, input_dir, files, todo, totals: dict, started: datetime, clock: float,
               lock_wait_s: float = 0.0) -> dict:
    """Write the ``runs`` row; return it with the summary the CLI prints."""
    run = {
        "run_id": run_id,
        "started_at": started.replace(tzinfo=None),
        "finished_at": datetime.now(timezone.utc).replace(tzinfo=None),
        "input_dir": str(input_dir),
        "files_seen": len(files),
        "files_new": len(todo),
        "files_skipped": len(files) - len(todo),
        "files_failed": len(totals["failed_files"]),
        "articles_written": totals["articles"],
        "events_written": sum(totals["events_by_type"].values()),
        "errors_recorded": sum(totals["errors_by_reason"].values()),
        "duration_s": round(time.perf_counter() - clock, 3),
        "extractor_version": EXTRACTOR_VERSION,
        "lock_wait_s": round(lock_wait_s, 3),
    }
    store.record_run(run)
    return {**run, "db_path": str(store.path), "events_by_type": dict(totals["events_by_type"]),
            "errors_by_reason": dict(totals["errors_by_reason"]), "timings": dict(totals["timings"])}


def _empty_totals() -> dict:
    return {"articles": 0, "events_by_type": Counter(), "errors_by_reason": Counter(), "failed_files": set(), "timings": Counter()}


def _require_models(backend: NlpBackend) -> None:
    if not backend.inventory:
        directory = getattr(backend, "directory", "the model directory")
        raise ModelsMissing(missing_models_message("any", directory).replace("language 'any'", "any language"))


def _process(db: Database, run_id: str, todo: Sequence[Path], batch_size: int, backend: NlpBackend, languages,
             workers: int, notify: _Notifier, publish_every: int = 0) -> dict:
    """Run the batches (in ``workers`` processes when > 1) and write each
    result from this process, the single writer, in submission order; every
    ``publish_every`` batches (0: never) publish the read copy."""
    totals = _empty_totals()
    batches = [[str(p) for p in todo[i : i + batch_size]] for i in range(0, len(todo), batch_size)]
    notify("process", 0, len(todo))
    done = 0
    for number, (batch, result) in enumerate(_results(batches, backend, languages, workers), start=1):
        write_start = time.perf_counter()
        with db.open() as store:
            store.write_batch(result.frames(), list(result.sources))
            cluster_start = time.perf_counter()
            cluster_new_events(store, [a.article_id for a in result.articles])
        totals["timings"]["cluster"] += time.perf_counter() - cluster_start
        totals["timings"]["write"] += cluster_start - write_start
        if publish_every > 0 and number % publish_every == 0 and number < len(batches):
            totals["timings"]["publish"] += db.publish(run_id, "during run")["publish_s"]
        _add(totals, result)
        done += len(batch)
        notify("process", done, len(todo))
    totals["timings"] = {k: round(v, 3) for k, v in totals["timings"].items()}
    return totals


def _results(batches, backend: NlpBackend, languages, workers: int):
    """(batch, BatchResult) pairs; a batch that fails after its retries is
    recorded as failed, never raised."""
    if workers == 1:
        for batch in batches:
            yield batch, _guarded(lambda b=batch: process_files(b, backend, languages), batch)
        return
    from prefect.task_runners import ProcessPoolTaskRunner

    threads = max(1, (os.cpu_count() or 1) // workers)
    shared = backend.with_threads(threads) if hasattr(backend, "with_threads") else backend
    with ProcessPoolTaskRunner(max_workers=workers) as runner:
        pending: deque = deque()
        for batch in batches:
            pending.append((batch, runner.submit(process_files, {"paths": batch, "backend": shared, "languages": languages})))
            if len(pending) >= 2 * workers:  # bounded look-ahead keeps memory flat
                batch_, future = pending.popleft()
                yield batch_, _guarded(future.result, batch_)
        while pending:
            batch_, future = pending.popleft()
            yield batch_, _guarded(future.result, batch_)


def _guarded(call, batch) -> BatchResult:
    try:
        return call()
    except Exception as exc:  # the batch failed after its retries: record, go on
        return _failed_batch(batch, exc)


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
