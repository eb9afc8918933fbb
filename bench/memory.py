"""Memory over a long run: does resident memory stay flat from 1,000 to 20,000 articles?

    python bench/memory.py --n 5000                      # the real flow with Stanza (hours at 20k)
    python bench/memory.py --record                      # once: Stanza analyses of the base corpus
    python bench/memory.py --n 20000 --backend replay    # the flow with those analyses replayed
    python bench/memory.py --n 20000 --backend replay --days-per-round 14   # ... as a stream over 3 years

Both modes run the flow ``dateline run`` runs (``ingest_articles`` under
Dateline's temporary Prefect server: batching, the extraction stages, the
single writer with clustering and publication) over ``--n`` articles: the base
corpus (``bench/corpus``), repeated under new ids, in JSONL files of one batch
each; a repeated article's text ends with its round (``(r3)``), so caches
keyed by text see 20,000 different texts, as they would in production. By
default every repeat keeps its article's publication day, so the stories of one
week are told 80 times over: every cluster grows by one event per repeat, and
with it what clustering reads (a worst case). ``--days-per-round`` publishes
each repeat later, as a stream of news does, which tells a leak from that
growth. After every batch the flow's progress callback records the resident set
(``VmRSS``, what the process holds now) and its peak (``VmHWM``).

Why two backends: Stanza is the floor, and at one article every ~0.1 s of both
cores a 20,000-article run with it takes about an hour. ``replay`` serves
analyses Stanza made once (``--record``, cached under
``bench/out/memory-snapshots``) and loads no models, so what it measures is
everything Dateline holds besides the models: records, caches, the writer,
Prefect's state. ``stanza`` measures the whole process. The writer's own time
(the flow's ``write`` timing: ``write_batch`` per batch) gives the single
writer's throughput. ``--trace`` prints tracemalloc's biggest growths between
the first 1,000 articles and the end (Python allocations only).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import tempfile
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path

from _common import BENCH, emit, ensure_path

SNAPSHOTS = BENCH / "out" / "memory-snapshots"
CHECKPOINTS = (1000, 5000, 20000)
ROUND_MARK = "\n\n"
REPEAT = re.compile(r"\n\n\(r\d+\)\Z")


class Replay:
    """Stanza's recorded analysis of a base article, served for each of its
    repeats (whose text only adds the round mark at the end, outside every
    sentence): a backend that holds no models."""

    def __init__(self, directory: Path) -> None:
        from extractors.nlp import SnapshotBackend

        self.recorded = SnapshotBackend(directory)
        self.inventory = self.recorded.inventory

    def __iter__(self):
        yield from {"backend": "replay", "languages": sorted(self.inventory)}.items()

    def __getattr__(self, name: str):
        return getattr(self.recorded, name)

    def analyze(self, articles, deadline=None):
        base = [dataclasses.replace(a, text=REPEAT.sub("", a.text)) for a in articles]
        return self.recorded.analyze(base, deadline)


def rss_mib() -> tuple[float, float]:
    """(current, peak) resident memory of this process, MiB."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def base_articles(corpus: Path, limit: int | None = None) -> list:
    from extractors import ingest

    return [a for p in ingest.discover(corpus) for a in ingest.read_articles(p) if hasattr(a, "text")][:limit]


def write_drop(corpus: Path, n: int, batch: int, folder: Path, limit: int | None, days_per_round: int = 0) -> None:
    """``n`` articles as JSONL files of ``batch`` lines: the corpus's, then again under new ids (``r1-…``),
    each round published ``days_per_round`` days after the one before (0: all on the corpus's own days)."""
    base = base_articles(corpus, limit)
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, n, batch):
        lines = []
        for i in range(start, min(n, start + batch)):
            a, round_ = base[i % len(base)], i // len(base)
            text = a.text if round_ == 0 else f"{a.text}{ROUND_MARK}(r{round_})"
            lines.append(json.dumps({"id": a.article_id if round_ == 0 else f"r{round_}-{a.article_id}", "text": text,
                                     "lang": a.lang, "published": str(a.published + timedelta(days=round_ * days_per_round)),
                                     "title": a.title}, ensure_ascii=False))
        (folder / f"drop-{start // batch:05d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def record(corpus: Path) -> None:
    """Stanza's analyses of every base article, kept for ``--backend replay``."""
    from extractors.nlp import SnapshotBackend
    from flows.resources import default_backend

    articles = base_articles(corpus)
    recorder = SnapshotBackend(SNAPSHOTS, recorder=default_backend())
    started = time.perf_counter()
    for i in range(0, len(articles), 32):
        recorder.analyze(articles[i:i + 32])
        print(f"recorded {min(i + 32, len(articles))}/{len(articles)}", flush=True)
    print(f"{len(recorder.recorded)} new analyses in {time.perf_counter() - started:.0f} s under {SNAPSHOTS}")


def main() -> None:
    ensure_path()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--corpus", type=Path, default=BENCH / "corpus")
    parser.add_argument("--base", type=int, default=None, help="repeat only the first BASE corpus articles")
    parser.add_argument("--backend", choices=("stanza", "replay"), default="stanza")
    parser.add_argument("--record", action="store_true", help="record the base corpus's analyses for --backend replay")
    parser.add_argument("--trace", action="store_true")
    parser.add_argument("--days-per-round", type=int, default=0,
                        help="publish each repeat of the corpus this many days after the previous one: a stream of news"
                             " over months instead of every repeat in the corpus's own weeks (0)")
    args = parser.parse_args()
    from dateline import quiet

    quiet.configure()
    if args.record:
        return record(args.corpus)
    from flows.ingest import ingest_articles
    from flows.resources import default_backend
    from flows.runtime import flow_server, one_shot_settings

    backend = Replay(SNAPSHOTS) if args.backend == "replay" else default_backend()
    trace: list[dict] = []
    baseline: list = []
    started = time.perf_counter()

    def sample(stage: str, files_done: int, _total: int) -> None:
        if stage != "process" or files_done == 0:
            return
        now, peak = rss_mib()
        done = min(args.n, files_done * args.batch)
        trace.append({"articles": done, "rss_mib": round(now, 1), "peak_mib": round(peak, 1),
                      "s": round(time.perf_counter() - started, 1), "load": round(os.getloadavg()[0], 1)})
        if done % 1000 < args.batch or done == args.n:
            print(json.dumps(trace[-1]), flush=True)
        if args.trace and not baseline and done >= 1000:
            baseline.append(tracemalloc.take_snapshot())

    if args.trace:
        tracemalloc.start(1)
    with tempfile.TemporaryDirectory() as tmp:
        write_drop(args.corpus, args.n, args.batch, Path(tmp) / "in", args.base, args.days_per_round)
        with flow_server() as url, one_shot_settings():
            summary = (ingest_articles if url else ingest_articles.fn)(
                input_dir=str(Path(tmp) / "in"), db_path=str(Path(tmp) / "m.duckdb"), batch_size=args.batch,
                backend=backend, on_progress=sample)
    growth = []
    if baseline:
        top = tracemalloc.take_snapshot().compare_to(baseline[0], "lineno")[:12]
        growth = [f"{s.size_diff / 2**20:+.1f} MiB {s.count_diff:+,} blocks {s.traceback}" for s in top]
        print("\n".join(growth))
    marks = {c: next(t for t in trace if t["articles"] >= c) for c in CHECKPOINTS if trace and trace[-1]["articles"] >= c}
    first = next(iter(marks.values()), None)
    for count, mark in marks.items():
        change = 100 * (mark["rss_mib"] / first["rss_mib"] - 1)
        print(f"{args.backend}: after {count:>6,} articles RSS {mark['rss_mib']:,.0f} MiB ({change:+.1f}% from 1,000), "
              f"peak {mark['peak_mib']:,.0f} MiB, {mark['s']:,.0f} s, load {mark['load']}")
    write_s = summary["timings"].get("write", 0.0)
    print(f"{summary['articles_written']:,} articles written; the writer alone {write_s:.1f} s "
          f"({summary['articles_written'] / max(write_s, 1e-9):,.0f} articles/s), clustering {summary['timings'].get('cluster', 0):.1f} s")
    emit({"backend": args.backend, "n": args.n, "days_per_round": args.days_per_round, "trace": trace, "marks": marks, "growth": growth,
          "articles_written": summary["articles_written"], "timings": summary["timings"]})


if __name__ == "__main__":
    main()
