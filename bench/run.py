"""Throughput: the full Dateline run against Stanza alone, on the same articles.

    python bench/run.py [--n 1000] [--corpus DIR] [--sizes 1000,5000] [--workers 1] [--json]

Prints, in one run on one corpus of real articles (bench/build_corpus.py):
(a) Stanza alone — the same pipelines and batch sizes, called directly;
(b) the full flow (`ingest_articles`, fresh DuckDB) with the share of wall time
per stage; (c) the ratio (b)/(a); (d) a re-run over the unchanged corpus, in
process and through the CLI; (e) peak resident memory of `dateline run` for each
of --sizes; (f) dateparser's share. Pipelines are loaded once, before both (a)
and (b), and their load time is reported apart.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from build_corpus import build  # noqa: E402

from dateline import quiet  # noqa: E402

quiet.configure()

from extractors import ingest, nlp, timex  # noqa: E402
from extractors.records import Article  # noqa: E402


def load_articles(folder: Path) -> list[Article]:
    return [a for p in ingest.discover(folder) for a in ingest.read_articles(p) if isinstance(a, Article)]


def stanza_alone(engine: nlp.NlpEngine, articles: list[Article]) -> dict:
    """Stanza's own bulk processing with Dateline's pipelines and batch sizes."""
    by_lang: dict[str, list[str]] = {}
    for a in articles:
        by_lang.setdefault(a.lang, []).append(a.text)
    words = 0
    start = time.perf_counter()
    for lang, texts in by_lang.items():
        pipeline = engine.pipeline(lang)
        for i in range(0, len(texts), nlp.DOCS_PER_CALL):
            for doc in pipeline.bulk_process(texts[i : i + nlp.DOCS_PER_CALL]):
                words += doc.num_words
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "articles": len(articles), "words": words}


def full_run(folder: Path, db: Path, workers: int, batch_size: int) -> dict:
    from flows.ingest import ingest_articles

    calls = {"seconds": 0.0, "calls": 0}
    original = timex.parse_calendar_date

    @functools.wraps(original)
    def timed(*args):
        start = time.perf_counter()
        try:
            return original(*args)
        finally:
            calls["seconds"] += time.perf_counter() - start
            calls["calls"] += 1

    timex.parse_calendar_date = timed
    try:
        start = time.perf_counter()
        summary = ingest_articles(input_dir=str(folder), db_path=str(db), batch_size=batch_size, workers=workers)
        summary["wall"] = time.perf_counter() - start
    finally:
        timex.parse_calendar_date = original
    summary["dateparser"] = calls
    return summary


def cli_run(folder: Path, db: Path, extra: list[str] = ()) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of `dateline run` in a fresh process."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from dateline.cli import main; main()", "run", "--input", str(folder), "--db", str(db), *extra],
                   check=True, capture_output=True, text=True)
    return time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def peak_memory(size: int, workdir: Path) -> int:
    folder = workdir / f"corpus{size}"
    build(size, folder)
    code = ("import resource,subprocess,sys;"
            f"subprocess.run([sys.executable,'-c','from dateline.cli import main; main()','run','--input',{str(folder)!r},'--db',{str(workdir / f'mem{size}.duckdb')!r}],check=True,capture_output=True);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return int(out.stdout.strip())


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="articles in the corpus (half en, half ar)")
    parser.add_argument("--corpus", type=Path, help="use this folder instead of building one")
    parser.add_argument("--sizes", default="", help="comma-separated corpus sizes for the peak-memory runs, e.g. 1000,5000")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = args.corpus or work / "corpus"
        if not args.corpus:
            build(args.n, folder)
        articles = load_articles(folder)
        engine = nlp.NlpEngine()
        load_start = time.perf_counter()
        for lang in sorted({a.lang for a in articles}):
            engine.pipeline(lang)
        figures = {"articles": len(articles), "pipeline_load_s": time.perf_counter() - load_start}
        figures["stanza"] = stanza_alone(engine, articles)
        figures["full"] = full_run(folder, work / "bench.duckdb", args.workers, args.batch_size)
        rerun_start = time.perf_counter()
        again = full_run(folder, work / "bench.duckdb", args.workers, args.batch_size)
        figures["rerun_in_process_s"] = time.perf_counter() - rerun_start
        figures["rerun_files_new"] = again["files_new"]
        figures["rerun_cli_s"], _ = cli_run(folder, work / "bench.duckdb")
        figures["memory_kib"] = {int(s): peak_memory(int(s), work) for s in filter(None, args.sizes.split(","))}
    print_table(figures)
    if args.json:
        print(json.dumps(figures, default=str))
    return figures


def print_table(f: dict) -> None:
    s, full = f["stanza"], f["full"]
    wall = full["wall"]
    stages = {k: full["timings"].get(k, 0.0) for k in ("ingest", "nlp", "time", "events", "tables", "write")}
    stages["orchestration"] = max(0.0, wall - sum(stages.values()))
    print(f"corpus: {f['articles']} articles, {s['words']:,} words; pipelines loaded in {f['pipeline_load_s']:.1f} s (not counted below)")
    print(f"(a) Stanza alone          {s['seconds']:8.1f} s  {s['articles'] / s['seconds']:7.2f} articles/s  {s['words'] / s['seconds']:8.0f} words/s")
    print(f"(b) dateline full run     {wall:8.1f} s  {f['articles'] / wall:7.2f} articles/s  {s['words'] / wall:8.0f} words/s")
    for name, seconds in stages.items():
        print(f"      {name:<18}{seconds:8.2f} s  {100 * seconds / wall:5.1f} %")
    print(f"(c) ratio (b)/(a)         {wall / s['seconds']:8.3f}")
    print(f"(d) re-run, unchanged     {f['rerun_in_process_s']:8.2f} s in process ({f['rerun_files_new']} files new), {f['rerun_cli_s']:.2f} s as `dateline run`")
    for size, kib in f["memory_kib"].items():
        print(f"(e) peak RSS, {size:>5} articles {kib / 1024:8.0f} MiB")
    dp = full["dateparser"]
    print(f"(f) dateparser            {dp['seconds']:8.3f} s  {100 * dp['seconds'] / wall:5.2f} % of the run ({dp['calls']} calls); all time rules: {100 * stages['time'] / wall:.1f} %")


if __name__ == "__main__":
    main()
