"""The single writer, one batch behind the analysis.

Stanza runs with one torch thread by default, so while it analyses a batch
the machine's second core is idle. Each batch's write (its transaction, the
clustering of its new events, and DuckDB's checkpoint when the file closes)
runs on that core, on a writer thread, while the next batch is analysed:
DuckDB releases the GIL while it works. Order and the single-writer rule
stay: a write starts only after the previous one has finished, and at most one
batch waits, written, beside the one being analysed. The writer thread opens
its own connection for each write (:meth:`Database.open`), so no connection is
shared across threads.

Prefect-free, so the flow and its tests share it.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor


class BehindWriter:
    """Runs ``write(*args)`` calls one at a time, in order, on one thread,
    each while the caller goes on. An error of a write is raised by the next
    :meth:`submit` or by :meth:`finish`."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dateline-writer")
        self._pending: Future | None = None

    def submit(self, write: Callable, *args) -> None:
        self._wait()
        self._pending = self._pool.submit(write, *args)

    def finish(self) -> None:
        """Wait for the last write (and raise its error)."""
        try:
            self._wait()
        finally:
            self._pool.shutdown(wait=True)

    def _wait(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def __enter__(self) -> BehindWriter:
        return self

    def __exit__(self, exc_type, *_) -> None:
        if exc_type is None:
            self.finish()
            return
        try:  # the run is unwinding: let the write in flight end (it is short), keep the first error
            self.finish()
        except Exception:  # noqa: BLE001 — the error that stopped the run is the one to report
            pass
