"""Memory per batch over a long run: where resident memory goes, and whether it creeps.

    python bench/memory.py --n 640 --trace     # RSS after each batch, tracemalloc growth

The flow's work without Prefect, in one process: corpus articles (repeated
under new ids when ``--n`` exceeds the corpus) in batches of 64 through
``process_batch`` with the production backend, each batch written to a fresh
DuckDB by the store, as the flow's writer does. After each batch it records
the resident set (``VmRSS``, what the process holds now, and ``VmHWM``, its
peak) and the writer's own time for the batch (``write_batch`` alone: the
single writer's throughput); with ``--trace``, tracemalloc's biggest growths between the end of the
second batch and the end of the run (Python allocations only: torch's own
buffers are not traced, the RSS shows them).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import tempfile
import time
import tracemalloc
from pathlib import Path

from _common import BENCH, emit, ensure_path


def rss_mib() -> tuple[float, float]:
    """(current, peak) resident memory of this process, MiB."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def articles(corpus: Path, n: int):
    """``n`` articles: the corpus's, then again under new ids (``r1-…``) until ``n``."""
    from extractors import ingest

    base = [a for p in ingest.discover(corpus) for a in ingest.read_articles(p) if hasattr(a, "text")]
    for i in range(n):
        a = base[i % len(base)]
        round_ = i // len(base)
        yield a if round_ == 0 else dataclasses.replace(a, article_id=f"r{round_}-{a.article_id}", path=f"{a.path}#r{round_}")


def main() -> None:
    ensure_path()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=640)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--corpus", type=Path, default=BENCH / "out" / "corpus-50")
    parser.add_argument("--trace", action="store_true")
    args = parser.parse_args()
    from extractors.pipeline import process_batch
    from extractors.store import Store
    from flows.resources import default_backend

    backend = default_backend()
    trace, baseline = [], None
    if args.trace:
        tracemalloc.start(1)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "m.duckdb") as store:
        store.migrate()
        batch, done, started = [], 0, time.perf_counter()
        for article in articles(args.corpus, args.n):
            batch.append(article)
            if len(batch) < args.batch and done + len(batch) < args.n:
                continue
            result = process_batch(batch, backend)
            result.sources.update({a.path: "x" for a in batch})
            result.source_of.update({a.path: a.path for a in batch})
            frames = result.frames()
            write_started = time.perf_counter()
            store.write_batch(frames, list(result.sources))
            write_s = time.perf_counter() - write_started
            done += len(batch)
            batch = []
            now, peak = rss_mib()
            trace.append({"articles": done, "rss_mib": round(now, 1), "peak_mib": round(peak, 1),
                          "s": round(time.perf_counter() - started, 1), "load": os.getloadavg()[0],
                          "write_s": round(write_s, 3), "rows": sum(len(f) for f in frames.values())})
            print(json.dumps(trace[-1]), flush=True)
            if args.trace and len(trace) == 2:
                baseline = tracemalloc.take_snapshot()
    growth = []
    if args.trace and baseline is not None:
        top = tracemalloc.take_snapshot().compare_to(baseline, "lineno")[:12]
        growth = [f"{s.size_diff / 2**20:+.1f} MiB {s.count_diff:+,} blocks {s.traceback}" for s in top]
        for line in growth:
            print(line)
    emit({"trace": trace, "growth": growth})


if __name__ == "__main__":
    main()
