"""Where the time goes inside a batch, without Prefect: finer than the flow's stages.

Calls the public functions in the flow's order (``discover`` → ``run_batch``
per batch → ``BatchResult.frames`` → ``Store.write_batch``) and splits the NLP
stage into Stanza's own ``bulk_process``, Dateline's conversion of Stanza
documents into records, and entity finalization (repair, gazetteer, linking),
by wrapping those functions from the outside. ``--cprofile`` adds the hottest
functions by own time and by cumulative time.

    python bench/profile_stages.py bench/corpus --limit 40 --cprofile 25
"""

from __future__ import annotations

import cProfile
import io
import pstats
import tempfile
import time
from collections import Counter
from pathlib import Path

from _common import ensure_path

ensure_path()


def _timer(totals: Counter, key: str, fn):
    def timed(*args, **kwargs):
        t = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[key] += time.perf_counter() - t

    return timed


def instrument(totals: Counter) -> None:
    """Wrap the sub-stage functions (looked up as module globals at call time)."""
    from extractors.nlp import stanza_backend
    from extractors.timex import dateparser_adapter

    stanza_backend.records = _timer(totals, "nlp.records", stanza_backend.records)
    dateparser_adapter.parse_calendar_date = _timer(totals, "time.dateparser", dateparser_adapter.parse_calendar_date)
    engine_pipeline = stanza_backend.StanzaBackend.pipeline

    def pipeline(self, lang):
        t = time.perf_counter()
        built = engine_pipeline(self, lang)
        totals["nlp.load"] += time.perf_counter() - t
        return _BulkTimer(built, totals)

    stanza_backend.StanzaBackend.pipeline = pipeline


class _BulkTimer:
    """A Stanza pipeline whose ``bulk_process`` time is added up."""

    def __init__(self, pipeline, totals: Counter):
        self._pipeline, self._totals = pipeline, totals

    def bulk_process(self, docs):
        t = time.perf_counter()
        try:
            return self._pipeline.bulk_process(docs)
        finally:
            self._totals["nlp.stanza"] += time.perf_counter() - t

    def __getattr__(self, name):
        return getattr(self._pipeline, name)


def profile(corpus: Path, batch_size: int, limit: int | None = None, db: Path | None = None) -> dict:
    """Stage and sub-stage seconds for the corpus, processed as the flow does."""
    from extractors import ingest
    from extractors.pipeline import run_batch
    from extractors.store import Store
    from flows.resources import default_backend

    totals: Counter = Counter()
    instrument(totals)
    started = time.perf_counter()
    files = ingest.discover(corpus)[:limit]
    engine = default_backend()
    articles = 0
    with tempfile.TemporaryDirectory() as tmp, Store(db or Path(tmp) / "profile.duckdb") as store:
        store.migrate()
        for start in range(0, len(files), batch_size):
            result = run_batch(files[start : start + batch_size], engine)
            frames = result.frames()
            t = time.perf_counter()
            store.write_batch(frames, list(result.sources))
            totals["write"] += time.perf_counter() - t
            totals.update(result.timings)
            articles += len(result.articles)
    totals["total"] = time.perf_counter() - started
    totals["nlp.other"] = totals["nlp"] - sum(totals[k] for k in ("nlp.stanza", "nlp.records", "nlp.load"))
    return {"files": len(files), "articles": articles, "seconds": dict(totals)}


def hottest(corpus: Path, batch_size: int, limit: int | None, top: int) -> tuple[dict, str]:
    """The profile plus cProfile's top functions by own and by cumulative time."""
    profiler = cProfile.Profile()
    report = profiler.runcall(profile, corpus, batch_size, limit)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return report, out.getvalue()


def print_report(report: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    seconds = report["seconds"]
    table = Table(title=f"{report['articles']} articles from {report['files']} files, {seconds['total']:.1f} s")
    for name in ("stage", "seconds", "% of total"):
        table.add_column(name, justify="left" if name == "stage" else "right")
    for key in sorted(seconds, key=_stage_order):
        if key != "total":
            table.add_row(key, f"{seconds[key]:.2f}", f"{100 * seconds[key] / seconds['total']:.1f}")
    Console().print(table)


def _stage_order(key: str) -> tuple[int, str]:
    order = ("ingest", "nlp", "time", "events", "tables", "write")
    head = key.split(".")[0]
    return (order.index(head) if head in order else len(order), key)


def main(argv: list[str] | None = None) -> None:
    import typer

    def command(
        corpus: Path = typer.Argument(Path(__file__).parent / "corpus", help="Corpus folder (bench/build_corpus.py)."),
        limit: int = typer.Option(40, "--limit", help="Files to process (0: all)."),
        batch_size: int = typer.Option(0, "--batch-size", min=0, help="Files per batch (default: the flow's, from settings)."),
        cprofile: int = typer.Option(0, "--cprofile", help="Also print the N hottest functions."),
    ) -> None:
        """Stage and sub-stage timings of the batch pipeline, without Prefect."""
        from dateline import quiet

        quiet.configure()
        if not batch_size:
            from dateline.settings import settings

            batch_size = settings().batch_size
        if cprofile:
            report, text = hottest(corpus, batch_size, limit or None, cprofile)
            print(text)
        else:
            report = profile(corpus, batch_size, limit or None)
        print_report(report)

    typer.run(command)


if __name__ == "__main__":
    main()
