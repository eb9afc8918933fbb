"""Dask speed-up: the real flow on a LocalCluster of 1 worker, then of 2.

    python bench/dask_speedup.py --n 200 --batch-size 8

Runs ``ingest_articles`` (the flow ``dateline run --dask ADDRESS`` runs, under
Dateline's temporary Prefect server, with Stanza) over the first ``--n``
articles of ``bench/corpus`` (half English, half Arabic: build it with
``bench/build_corpus.py``), three times, each into a new database:

* baseline: no Dask, the batches in this process (``dateline run``);
* Dask with 1 worker process, then with 2 (one thread each, one torch thread
  each: ``DATELINE_TORCH_THREADS=1``), on a new ``LocalCluster`` each time.

Each figure is the wall time of the flow call; the cluster's own start is
left out (a deployment starts it once) and reported in the note. Every Dask
worker loads its own models on its first batch of a language and keeps them
(``flows.workers``), so each cluster runs the flow twice, into two databases:

* **cold**: the cluster's first run, each worker importing Stanza and loading
  its models inside the figure (in parallel with 2);
* **warm**: the same articles again, as the next scheduled run on a
  long-lived cluster would find it: models loaded, nothing else kept.

Then a new cluster whose workers preload (``--preload flows.preload``, the
documented deployment: models loaded when a worker starts, which its start
time shows) runs the flow once: **preloaded**, the first run such a cluster
serves.

With ``--repeat R`` the whole set runs R times, 1 worker first in odd
rounds and 2 workers first in even ones (this machine's speed drifts by
tens of percent within minutes), and each figure is the best of its R.

The speed-up is the 1-worker time over the 2-worker time, cold and warm; on 2
cores its ceiling is 2, lowered by each worker's model load (cold), by the
flow's process (it submits every task and writes every result) and Prefect's
server sharing the same cores, and by whatever else the machine runs (the load
average is printed with each figure). The last line is the result for
``bench/extras.py``: ``{"rows": [[name, seconds, note], ...], "speedup": x,
"speedup_warm": y, "speedup_preloaded": z}`` (``speedup``: cold).
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from _common import DEFAULT_CORPUS, emit, ensure_path


def copy_articles(corpus: Path, n: int, folder: Path) -> int:
    """The first ``n`` articles of ``corpus``, alternating languages as the
    corpus allows (its files sort by language), copied with their metadata."""
    by_lang: dict[str, list[Path]] = {}
    for text in sorted(corpus.glob("*.txt")):
        by_lang.setdefault(text.name.split("-", 1)[0], []).append(text)
    chosen = [t for group in zip(*by_lang.values()) for t in group][:n]
    if len(chosen) < n:
        raise SystemExit(f"{corpus} has {len(chosen)} articles to alternate, fewer than --n {n}; "
                         f"run bench/build_corpus.py --n {n} --out {corpus}")
    folder.mkdir(parents=True)
    for text in chosen:
        shutil.copy(text, folder / text.name)
        shutil.copy(text.with_suffix(".meta.json"), folder / text.with_suffix(".meta.json").name)
    return len(chosen)


def timed_run(inbox: Path, db: Path, batch_size: int, dask: str | None) -> tuple[float, dict]:
    from flows.ingest import ingest_articles
    from flows.resources import default_backend

    started = time.perf_counter()
    summary = ingest_articles(input_dir=str(inbox), db_path=str(db), batch_size=batch_size, dask=dask,
                              backend=default_backend())
    return time.perf_counter() - started, summary


def load() -> str:
    return "load {:.1f}/{:.1f}/{:.1f}".format(*os.getloadavg())


def main() -> None:
    ensure_path()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=1, help="rounds, the worker counts alternating; figures are the best")
    args = parser.parse_args()
    os.environ["DATELINE_TORCH_THREADS"] = "1"  # this process's models and every worker's (inherited)
    from dateline import quiet

    quiet.configure()
    import distributed

    from flows.runtime import flow_server, one_shot_settings

    times: dict[str, list[float]] = {}
    notes: dict[str, str] = {}
    outputs = []

    def record(name: str, seconds: float, summary: dict, note: str) -> None:
        times.setdefault(name, []).append(seconds)
        notes[name] = note
        outputs.append(summary)
        print(f"{name:<27} {seconds:7.1f} s  {note}", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        n = copy_articles(args.corpus, args.n, Path(tmp) / "in")
        with flow_server() as url, one_shot_settings():
            if not url:
                raise SystemExit("Prefect's server did not start; the Dask task runner needs a flow run")
            for round_ in range(args.repeat):
                seconds, summary = timed_run(Path(tmp) / "in", Path(tmp) / f"base{round_}.duckdb", args.batch_size, None)
                record("baseline", seconds, summary, f"no Dask, the batches in the flow's process; {load()}")
                for workers in ((1, 2) if round_ % 2 == 0 else (2, 1)):  # alternate: the machine's speed drifts
                    for preload, runs in (([], ("cold", "warm")), (["flows.preload"], ("preloaded",))):
                        start = time.perf_counter()
                        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                      dashboard_address=None, preload=preload) as cluster:
                            up = time.perf_counter() - start
                            for run in runs:
                                seconds, summary = timed_run(Path(tmp) / "in", Path(tmp) / f"d{workers}-{run}{round_}.duckdb",
                                                             args.batch_size, cluster.scheduler_address)
                                name = f"{workers} worker" + ("s" if workers > 1 else "") + f", {run}"
                                record(name, seconds, summary, f"LocalCluster, 1 thread each, started in {up:.1f} s "
                                                               f"({'models loaded; ' if preload else ''}not counted); {load()}")
    same = {(s["articles_written"], s["events_written"], s["files_failed"]) for s in outputs}
    if len(same) != 1:
        raise SystemExit(f"the runs wrote different results (articles, events, failed files): {sorted(same)}")
    ((articles, events, failed),) = same
    best = {name: min(values) for name, values in times.items()}
    runs = ("cold", "warm", "preloaded")
    cold, warm, preloaded = (best[f"1 worker, {run}"] / best[f"2 workers, {run}"] for run in runs)
    for round_ in range(args.repeat) if args.repeat > 1 else ():
        print(f"round {round_ + 1}: 2 workers vs 1: " + ", ".join(
            f"{times[f'1 worker, {run}'][round_] / times[f'2 workers, {run}'][round_]:.2f}x {run}" for run in runs), flush=True)
    print(f"{n} articles (batches of {args.batch_size}): {articles} written, {events} events, {failed} failed files in "
          f"every run; best of {args.repeat}, 2 Dask workers vs 1: {cold:.2f}x cold, {warm:.2f}x warm, "
          f"{preloaded:.2f}x preloaded (baseline / 1 worker cold: {best['baseline'] / best['1 worker, cold']:.2f})", flush=True)
    emit({"rows": [[name, round(best[name], 2), f"best of {', '.join(f'{v:.1f}' for v in values)} s; last: {notes[name]}"]
                   for name, values in times.items()],
          "speedup": round(cold, 3), "speedup_warm": round(warm, 3), "speedup_preloaded": round(preloaded, 3)})


if __name__ == "__main__":
    main()
