"""The run record (one ``runs`` row per run, failed and interrupted ones too,
and the summary the CLI prints) and the progress callback."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timezone

from extractors import EXTRACTOR_VERSION
from extractors.errors import DatelineError
from extractors.store import Database

Progress = Callable[[str, int, int], None]


def record_failed_run(db: Database, run_id: str, input_dir, started: datetime, clock: float, exc: BaseException) -> None:
    """Best effort: a ``runs`` row saying the run failed (or was interrupted)
    and why; when even that cannot be written (disk full, database held), the
    caller's own error is what the user sees."""
    status = "failed" if isinstance(exc, Exception) else "interrupted"
    error = " ".join(str(exc).split())[:300] or type(exc).__name__
    if status == "interrupted":
        error = "SIGTERM" if type(exc).__name__ in ("Terminated", "TerminationSignal") else "Ctrl-C" if isinstance(exc, KeyboardInterrupt) else error
    try:  # a short wait: when the database is what failed, the user must not wait twice
        with Database(db.path, db.read_copy, min(db.lock_timeout_s, 2.0)).open() as store:
            record_run(store, run_id, input_dir, [], [], empty_totals(), started, clock, db.lock_wait_s, status,
                       f"{type(exc).__name__}: {error}" if status == "failed" and not isinstance(exc, DatelineError) else error)
    except BaseException:  # noqa: BLE001 — never hide the run's own failure
        pass


def finish_run(db: Database, run_id: str, input_dir, files, todo, totals: dict, started: datetime, clock: float) -> dict:
    """Record the run, then publish the read copy it leaves behind."""
    with db.open() as store:
        summary = record_run(store, run_id, input_dir, files, todo, totals, started, clock, db.lock_wait_s)
    publication = db.publish(run_id, "end of run")
    summary["timings"]["publish"] = round(summary["timings"].get("publish", 0) + publication["publish_s"], 3)
    return {**summary, "read_copy": str(db.read_copy), "published_at": publication["published_at"]}


def record_run(store, run_id: str, input_dir, files, todo, totals: dict, started: datetime, clock: float,
               lock_wait_s: float = 0.0, status: str = "ok", error: str | None = None) -> dict:
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
        "status": status,
        "error": error,
    }
    store.record_run(run)
    return {**run, "db_path": str(store.path), "events_by_type": dict(totals["events_by_type"]),
            "errors_by_reason": dict(totals["errors_by_reason"]), "timings": dict(totals["timings"])}


def empty_totals() -> dict:
    return {"articles": 0, "events_by_type": Counter(), "errors_by_reason": Counter(), "failed_files": set(), "timings": Counter()}

class Notifier:
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
