"""Helpers shared by the throughput scripts of ``bench/``.

Every measured run happens in a fresh child process so that (1) each side pays
its own imports and model loading, as a user's ``dateline run`` does, and (2)
the child's peak resident memory can be read exactly with ``os.wait4``, which
returns the rusage of that one child (and its waited-for descendants, such as
Prefect's temporary server) rather than the maximum over all children so far.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
#: ../shared/corpora beside the checkout; $DATELINE_CORPORA wins (as in bench/corpus_articles.py and the tests).
DEFAULT_CORPORA = Path(os.environ.get("DATELINE_CORPORA") or ROOT.parent / "shared" / "corpora")
DEFAULT_CORPUS = BENCH / "corpus"
#: Marks the JSON line a child prints last, so library chatter on stdout is ignored.
RESULT_MARK = "@@bench-result@@ "


@dataclass(frozen=True)
class ChildRun:
    """What one child process reported, with the parent's own measurements."""

    result: dict
    wall_s: float
    peak_rss_mb: float
    cpu_s: float
    returncode: int
    stderr_tail: str


def ensure_path() -> None:
    """Make ``extractors``/``flows``/``dateline`` and ``bench`` importable from a script."""
    for entry in (str(ROOT), str(BENCH)):
        if entry not in sys.path:
            sys.path.insert(0, entry)


def emit(result: dict) -> None:
    """Print a child's result as one marked JSON line (read by :func:`run_child`)."""
    print(RESULT_MARK + json.dumps(result, default=str), flush=True)


def run_child(args: list[str], env: dict[str, str] | None = None, timeout_s: float | None = None) -> ChildRun:
    """Run ``python ARGS`` in a child; wall and CPU time, peak RSS and its JSON result.

    CPU time is reported beside wall time because it is far less disturbed by
    other work on a shared machine (wall time is what counts on a quiet one).

    ``os.wait4`` gives the child's own ``ru_maxrss`` (kilobytes on Linux), so a
    run of 5,000 articles is not confused with an earlier, bigger child.
    """
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=child_env(env), stdout=out, stderr=err)
        timer = threading.Timer(timeout_s, proc.kill) if timeout_s else None
        if timer:
            timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        if timer:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        lines = [line[len(RESULT_MARK):] for line in out.read().splitlines() if line.startswith(RESULT_MARK)]
        stderr_tail = err.read()[-2000:]
    result = json.loads(lines[-1]) if lines else {}
    return ChildRun(result, wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, proc.returncode, stderr_tail)


def child_env(extra: dict[str, str] | None) -> dict[str, str]:
    """The environment of a measured child: this checkout first on ``PYTHONPATH``,
    so the child and any process it starts import the code under test, not
    whatever tree the virtualenv's editable install points at."""
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, **(extra or {})}


def fmt(value: float | None, digits: int = 2) -> str:
    return "–" if value is None or value != value else f"{value:,.{digits}f}"
