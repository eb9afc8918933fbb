"""Drop-to-queryable latency under `dateline serve`: how long after files land
their articles can be read from the read copy.

    python bench/serve_latency.py --sizes 1,10,100      # serve's defaults (runs when files land)
    python bench/serve_latency.py --poll 0 --interval 10 # the schedule alone, for comparison

Starts the real ``dateline serve`` (its own Prefect server and schedule, the
models kept warm in the serve process) on an empty inbox, waits for its first
(empty) run, then for each size drops that many corpus articles (``.txt`` +
``.meta.json``, from ``bench/out/corpus-N`` built by ``build_corpus.py``) and
polls the read copy until it records them all (its `sources` table). Each latency includes serve's own
wait: with the defaults, its next look at the drop folder and the check that the files stopped
changing (``DATELINE_SERVE_POLL_S``, 2 s each); with ``--poll 0``, the next scheduled run (up to
``--interval`` s). That is what a user sees.
The first drop also pays the model load (the warm backend loads lazily); the
later ones show warm runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import BENCH, ROOT, child_env, emit, ensure_path


def files_in(copy: Path) -> int:
    import duckdb

    try:
        con = duckdb.connect(str(copy), read_only=True)
    except duckdb.Error:
        return -1
    try:
        return con.execute("SELECT count(*) FROM sources").fetchone()[0]
    except duckdb.Error:
        return -1
    finally:
        con.close()


def wait_for(condition, timeout_s: float, process: subprocess.Popen) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < timeout_s:
        if condition():
            return time.monotonic() - started
        if process.poll() is not None:
            raise RuntimeError("dateline serve exited")
        time.sleep(0.5)
    return None


def main() -> None:
    import build_corpus

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100")
    parser.add_argument("--interval", type=int, default=300)
    parser.add_argument("--poll", type=float, default=None, help="DATELINE_SERVE_POLL_S (default: serve's own)")
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    source = BENCH / "out" / f"corpus-{sum(sizes)}"
    files = build_corpus.ensure(source, sum(sizes), 13, args.corpora)
    with tempfile.TemporaryDirectory(prefix="dateline-serve-") as tmp:
        inbox, db = Path(tmp) / "inbox", Path(tmp) / "d.duckdb"
        inbox.mkdir()
        copy = db.with_name("d.read.duckdb")
        env = child_env({"PREFECT_HOME": str(BENCH / "out" / "prefect-home"), "DO_NOT_TRACK": "1",
                         **({"DATELINE_SERVE_POLL_S": str(args.poll)} if args.poll is not None else {})})
        serve = subprocess.Popen([sys.executable, "-c", "from dateline.cli import main; main()", "serve", "--input",
                                  str(inbox), "--db", str(db), "--interval", str(args.interval)],
                                 cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            ready = wait_for(copy.exists, args.timeout, serve)
            print(f"serve up, first (empty) run published after {ready:.1f} s (load {os.getloadavg()[0]:.1f})", flush=True)
            offset, latencies = 0, {}
            for size in sizes:
                for path in files[offset : offset + size]:
                    shutil.copy(path, inbox / path.name)
                    shutil.copy(path.with_suffix(".meta.json"), inbox / path.with_suffix(".meta.json").name)
                offset += size
                load = os.getloadavg()[0]
                latency = wait_for(lambda: files_in(copy) >= offset, args.timeout, serve)
                latencies[size] = latency
                shown = "timed out" if latency is None else f"{latency:.1f} s"
                print(f"  {size:>4} files: queryable after {shown} (load {load:.1f}; schedule every {args.interval} s)", flush=True)
            emit({"first_run_s": ready, "latency_s": latencies, "interval_s": args.interval, "poll_s": args.poll})
        finally:
            os.killpg(serve.pid, signal.SIGINT)
            try:
                serve.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(serve.pid, signal.SIGKILL)


if __name__ == "__main__":
    ensure_path()
    main()
