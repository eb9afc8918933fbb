"""The Prefect flow: a folder of article files → the DuckDB event tables.

Orchestration only: finding work, batching, retries, the single writer and
the run record. Everything that turns text into rows is in ``extractors``.

The analysis runs without the database: the file is opened only for the list
of known sources, each batch's write transaction (a few finished batches'
transactions in one opening when the writer has fallen behind), the run
record and the read-copy publications (after every ``publish_every`` batches and at the end),
each time waiting at most ``lock_timeout_s`` for another process to release
it (:class:`~extractors.store.Database`). Readers read the copy, so neither
side ever waits for the other for longer than one transaction.

The external systems are parameters, dagster-resource style: ``backend`` (the
NLP backend: Stanza by default, recorded analyses in tests) and
``on_progress`` (called as ``on_progress(stage, done, total)``; a callback
that raises is reported once and never stops the run).
"""

from __future__ import annotations

import itertools
import os
import time
import uuid
from collections import deque
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext

from extractors import ingest
from extractors.errors import DatelineError
from extractors.nlp import NlpBackend
from extractors.pipeline import DEFAULT_BUDGET_S, BatchResult, run_batch
from extractors.records import IngestError
from extractors.store import Database
from extractors.store.access import DEFAULT_LOCK_TIMEOUT_S
from extractors.store.batch import BatchTables
from flows.clusters import cluster_new_events
from flows.batches import LARGE_FILE_BYTES, Part, SplitFiles, plan_batches
from flows.plan import REPROCESS, pending_files, plan_run, require_models
from flows.runs import Notifier, Progress, empty_totals, finish_run, record_failed_run
from flows.resources import default_backend, exempt_language_data_from_gc, release_freed_memory
from flows.workers import PerProcessBackend, submit, task_runner
from flows.writer import BehindWriter

__all__ = ["LARGE_FILE_BYTES", "REPROCESS", "ingest_articles", "pending_files", "plan_batches", "plan_run"]

DEFAULT_BATCH_SIZE = 64
#: Batches between two publications of the read copy during a long run.
DEFAULT_PUBLISH_EVERY = 8


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
def process_files(paths: list[Part], backend: NlpBackend, languages: list[str] | None,
                  budget_s: float = DEFAULT_BUDGET_S) -> BatchTables:
    """Read and analyze one batch of files or parts of files (the backend keeps
    its models loaded; a worker process gets its own copy and loads its own);
    the result travels back as Arrow tables."""
    result = run_batch([Path(p.path) for p in paths], backend, languages, budget_s,
                       {p.path: p.lines for p in paths if p.lines})
    exempt_language_data_from_gc(a.lang for a in result.analyses)
    return result.to_tables()


def _process_files(paths: list[Part], backend: NlpBackend, languages, budget_s: float) -> BatchTables:
    """The task in a flow run, its function without Prefect (see flows/runtime.py)."""
    call = process_files if FlowRunContext.get() is not None else process_files.fn
    return call(paths, backend, languages, budget_s)


@flow(name="ingest-articles", persist_result=False, validate_parameters=False)
def ingest_articles(
    input_dir: str = "data/inbox",
    db_path: str = "data/dateline.duckdb",
    batch_size: int = DEFAULT_BATCH_SIZE,
    languages: list[str] | None = None,
    resources_dir: str | None = None,
    workers: int = 1,
    dask: str | None = None,
    backend: NlpBackend | None = None,
    on_progress: Progress | None = None,
    reprocess: str = "none",
    read_copy: str | None = None,
    publish_every: int = DEFAULT_PUBLISH_EVERY,
    lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S,
    prune: bool = False,
    budget_s: float = DEFAULT_BUDGET_S,
) -> dict:
    """Process new or changed article files under ``input_dir`` into ``db_path``,
    analysing with ``backend`` (default: Stanza models of ``resources_dir``),
    and publish the read copy ``read_copy`` (default: beside ``db_path``).
    ``reprocess`` also re-extracts files whose articles another extractor
    version made (``outdated``) or every file (``all``); ``prune`` deletes the
    rows of files gone from ``input_dir``; ``budget_s`` bounds the time of one
    long article; ``dask`` (a scheduler address) runs the batches on a Dask
    cluster. A run that fails is recorded too (``runs.status``)."""
    started, clock, run_id = datetime.now(timezone.utc), time.perf_counter(), uuid.uuid4().hex
    db = Database(db_path, read_copy, lock_timeout_s)
    try:
        backend = backend if backend is not None else default_backend(resources_dir)
        files, todo = pending_files(db, input_dir, reprocess, prune)
        if todo:
            require_models(backend)
        totals = _process(db, run_id, todo, max(1, batch_size), backend, languages, max(1, workers),
                          Notifier(on_progress), publish_every, budget_s, dask)
    except BaseException as exc:
        record_failed_run(db, run_id, input_dir, started, clock, exc)
        raise
    return finish_run(db, run_id, input_dir, files, todo, totals, started, clock)


def _process(db: Database, run_id: str, todo: Sequence[Path], batch_size: int, backend: NlpBackend, languages,
             workers: int, notify: Notifier, publish_every: int = 0, budget_s: float = DEFAULT_BUDGET_S,
             dask: str | None = None) -> dict:
    """Run the batches (in ``workers`` processes when > 1) and write each
    result from this process, the single writer, in submission order, one
    batch behind the analysis (:mod:`flows.writer`); every
    ``publish_every`` batches (0: never) publish the read copy. Files whose
    names are not valid UTF-8 are recorded here, never handed to Prefect
    (which cannot serialize them)."""
    totals = empty_totals()
    badly_named = [p for p in todo if ingest.has_bad_name(p)]
    batches, split = plan_batches([p for p in todo if not ingest.has_bad_name(p)], batch_size), SplitFiles()
    results = _results(batches, backend, languages, workers, budget_s, dask)
    sessions = _sessions(results, publish_every, start=bool(badly_named))
    if badly_named:
        first = ([Part(str(p)) for p in badly_named], run_batch(badly_named, backend, languages).to_tables())
        sessions = itertools.chain([[first]], sessions)
    n_batches = len(batches) + bool(badly_named)
    notify("process", 0, len(todo))
    count = {"batches": 0, "files": 0}

    def write(session: list) -> None:
        written = _write_session(db, split, session, totals["timings"])
        release_freed_memory()
        for batch, result in written:
            count["batches"] += 1
            if publish_every > 0 and count["batches"] % publish_every == 0 and count["batches"] < n_batches:
                totals["timings"]["publish"] += db.publish(run_id, "during run")["publish_s"]
            _add(totals, result)
            count["files"] += sum(part.last for part in batch)
            notify("process", count["files"], len(todo))

    with BehindWriter() as writer:  # each session is written while the next batch is analysed
        for session in sessions:
            writer.submit(write, session)
    totals["timings"] = {k: round(v, 3) for k, v in totals["timings"].items()}
    return totals


#: Most finished batches the writer takes into one database session.
MAX_BATCHES_PER_SESSION = 4
#: With batches running elsewhere, how long the next result may take and still
#: join the session of the one before (each session opens the file and
#: checkpoints it on closing: ~0.1 s of the flow process's CPU, which 2 workers
#: on 2 cores need). Results then wait at most this long to be written.
SESSION_LINGER_S = 1.0


def _sessions(results, publish_every: int = 0, start: int = 0):
    """Lists of (batch, BatchTables) to write in one database session: the
    next result and, when the writer has fallen behind, the results after it
    that are already finished (at most :data:`MAX_BATCHES_PER_SESSION`, and
    never past a publication, so the read copy is published after the same
    batches). Opening and closing the file (its checkpoint) cost about 80 ms
    of CPU per batch, taken from the workers' cores."""
    session: list = []
    for batch, result, more_ready in results:
        session.append((batch, result))
        start += 1
        at_publication = publish_every > 0 and start % publish_every == 0
        if not more_ready or at_publication or len(session) >= MAX_BATCHES_PER_SESSION:
            yield session
            session = []
    if session:
        yield session


def _write_session(db: Database, split: SplitFiles, session: list, timings: dict) -> list:
    """Write each batch of ``session`` in its own transaction and cluster its
    new events, in order, with the file opened once; returns the batches with
    the tables as written (taken ids refused)."""
    written = []
    write_start = time.perf_counter()
    with db.open() as store:
        for batch, result in session:
            replaced = split.replaced(batch)
            result = store.refuse_taken_ids(result, replaced)
            result = result.replace(sources=split.sources(batch, result.frame("sources")))
            store.write_batch(result, replaced)
            cluster_start = time.perf_counter()
            timings["write"] += cluster_start - write_start
            cluster_new_events(store, result.article_ids())
            written.append((batch, result))
            write_start = time.perf_counter()
            timings["cluster"] += write_start - cluster_start
    timings["cluster"] += time.perf_counter() - write_start  # closing the file: its checkpoint
    return written


def _results(batches, backend: NlpBackend, languages, workers: int, budget_s: float = DEFAULT_BUDGET_S,
             dask: str | None = None):
    """(batch, BatchTables, whether the next batch's result is ready too)
    triples in submission order; a batch that fails after its retries is
    recorded as failed, never raised. Without a flow run (Prefect's server
    did not start) the batches run here, one after the other."""
    if (workers == 1 and dask is None) or FlowRunContext.get() is None:
        for batch in batches:
            yield batch, _guarded(lambda b=batch: _process_files(b, backend, languages, budget_s), batch), False
        return
    threads = max(1, (os.cpu_count() or 1) // workers)
    shared = PerProcessBackend(backend.with_threads(threads) if hasattr(backend, "with_threads") and dask is None else backend)
    ahead = 2 * workers if dask is None else max(2 * workers, 16)  # a cluster's size is its own
    with task_runner(workers, dask) as runner:
        pending: deque = deque()
        for batch in batches:
            pending.append((batch, submit(runner, process_files, {"paths": batch, "backend": shared, "languages": languages,
                                                                  "budget_s": budget_s})))
            if len(pending) >= ahead:  # bounded look-ahead keeps memory flat
                batch_, future = pending.popleft()
                yield batch_, _guarded(future.result, batch_), _finished(pending[0][1], SESSION_LINGER_S)
        while pending:
            batch_, future = pending.popleft()
            yield batch_, _guarded(future.result, batch_), bool(pending) and _finished(pending[0][1], SESSION_LINGER_S)


def _finished(future, within_s: float = 0.0) -> bool:
    """Whether a submitted batch has finished, or does within ``within_s``
    seconds, asked of the runner's own future (Prefect's ``state`` would ask
    the API server)."""
    wrapped = getattr(future, "wrapped_future", None)
    if wrapped is None:
        return False
    deadline = time.monotonic() + within_s
    while not wrapped.done():
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.02)
    return True


def _guarded(call, batch) -> BatchTables:
    try:
        return call()
    except Exception as exc:  # the batch failed after its retries: record, go on
        return _failed_batch([part.path for part in batch], exc)


def _failed_batch(paths: Sequence[str], exc: Exception) -> BatchTables:
    """Every file of the batch recorded as failed, with an empty hash so that
    the next run tries them again."""
    result = BatchResult()
    for path in paths:
        result.sources[path] = ""
        result.source_of[path] = path
        result.errors.append(IngestError(path, "processing", f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"))
    return result.to_tables()


def _add(totals: dict, result: BatchTables) -> None:
    articles, events_by_type, errors_by_reason, failed_files = result.totals()
    totals["articles"] += articles
    totals["events_by_type"].update(events_by_type)
    totals["errors_by_reason"].update(errors_by_reason)
    totals["failed_files"].update(failed_files)
    totals["timings"].update(result.timings)
