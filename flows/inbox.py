"""When ``dateline serve`` should run next: on its schedule, or soon after files land.

A schedule alone makes a drop wait up to a whole interval (5 minutes by
default) before anyone can query it. Between runs ``serve`` therefore looks at
the drop folder every few seconds — names, sizes and modification times, no
reading or hashing — and starts the next run once the folder has changed and
then stayed the same for one more look, so that a copy still in progress is
not picked up half-written. The schedule stays the upper bound: a run starts
at least every interval even when nothing changed (models pulled meanwhile,
outdated extractions to redo). Prefect-free and cheap: a ``stat`` per file.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

#: What the folder looks like: (relative path, size, modification time in ns) per file.
Listing = frozenset[tuple[str, int, int]]


def listing(folder: Path) -> Listing:
    """Every file under ``folder`` with its size and mtime; files that vanish mid-walk are left out."""
    seen = set()
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            seen.add((os.path.relpath(path, folder), stat.st_size, stat.st_mtime_ns))
    return frozenset(seen)


@dataclass(frozen=True)
class Wake:
    """Why the wait ended: ``"files"`` (the folder changed and settled) or ``"schedule"``."""

    reason: str
    waited_s: float


def wait_for_work(folder: Path, seconds: float, since: Listing, poll_s: float,
                  sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic) -> Wake:
    """Wait up to ``seconds``; return early once ``folder`` differs from
    ``since`` (its listing when the last run began) and a second look ``poll_s``
    later finds it unchanged. ``poll_s`` 0 waits for the schedule only."""
    started = clock()
    remaining = lambda: seconds - (clock() - started)  # noqa: E731
    if poll_s <= 0:
        sleep(max(0.0, remaining()))
        return Wake("schedule", clock() - started)
    previous = None
    while remaining() > 0:
        sleep(min(poll_s, max(0.0, remaining())))
        now = listing(folder)
        if now != since and now == previous:
            return Wake("files", clock() - started)
        previous = now
    return Wake("schedule", clock() - started)
