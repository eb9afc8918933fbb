"""Throughput: Stanza alone vs the full ``dateline run``, in one run, on one corpus.

    python bench/run.py                       # 1,000 articles, memory at 1,000 and 5,000
    python bench/run.py --n 200 --sizes 200 --threads 1,0 --extras   # everything the README quotes
    python bench/run.py --n 40 --sizes 40     # a quick look
    python bench/run.py --json                # machine-readable

Prints (a) Stanza alone (same pipelines and batch sizes, no Dateline code) in
articles/s and words/s; (b) the full run — the Prefect flow ``dateline run``
calls, on a fresh DuckDB in a temporary folder — in articles/s with the share
of wall time per stage; (c) the ratio (b)/(a) of wall times; (d) a second run
over the unchanged corpus; (e) peak resident memory per corpus size; (f)
dateparser's share of the full run. Every side runs in its own fresh process,
so each pays its own imports and model loading, as a user does. ``--threads 1,0``
measures both torch thread settings (1: Dateline's default; 0: torch's, one
per core) in one run; ``--extras`` adds (g) ``serve``'s drop-to-queryable
latency, (h) memory from 1,000 to 20,000 articles and (i) Dask with 1 and 2
workers, from their own scripts (``bench/extras.py``; about an hour).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from _common import BENCH, DEFAULT_CORPORA, ChildRun, emit, ensure_path, fmt, run_child

#: Stages the flow times (extractors.pipeline.STAGES + the writer), in flow order.
FLOW_STAGES = ("ingest", "nlp", "entities", "time", "events", "tables", "write")


@dataclass(frozen=True)
class Row:
    """One line of the report; ``key`` is stable for ``--json`` readers and tests."""

    key: str
    label: str
    value: float | None
    unit: str
    note: str = ""


# --- the child side: one full run of the flow ---------------------------------


def flow_child(corpus: str, db: str, batch_size: int, workers: int | None) -> None:
    """Run the flow through the functions ``dateline run`` itself calls
    (``plan_run``, then ``run_with_progress``, which loads the first batch's
    models while Prefect's server boots); print the summary as JSON.

    dateparser's time is measured by wrapping ``parse_calendar_date`` of
    ``extractors.timex.dateparser_adapter`` (the one place dateparser is called;
    the calendar rules look it up on the module per call).
    """
    started = time.perf_counter()
    ensure_path()
    from dateline import quiet

    quiet.configure()
    from extractors.timex import dateparser_adapter

    clock = _clock_calls(dateparser_adapter, "parse_calendar_date")  # the only dateparser call
    from flows import runtime

    # `dateline run` loads the first batch's models in warm_models, before the
    # flow (while Prefect's server boots): that load is not in the flow's nlp stage.
    loading = _clock_calls(runtime, "warm_models")
    from dateline.commands import run as run_command
    from extractors.store import Database
    from flows.plan import plan_run

    memory_trace: list[tuple[int, float]] = []
    imported = time.perf_counter()
    summary, todo = plan_run(corpus, Database(db))  # what `dateline run` does first: open the database, find work
    prepared = time.perf_counter()
    resources = os.environ.get("STANZA_RESOURCES_DIR")
    summary = summary or run_command.run_with_progress(
        Path(corpus), Path(db), batch_size, None, resources, workers or 1, todo=todo,
        on_progress=lambda _stage, files_done, _total: memory_trace.append((files_done, _peak_rss_mib())))
    done = time.perf_counter()
    emit({**summary, "dateparser_s": clock["s"], "dateparser_calls": clock["calls"],
          "models_s": loading["s"], "import_s": imported - started, "preflight_s": prepared - imported, "flow_call_s": done - prepared,
          "internal_wall_s": done - started, "workers_used": workers or 1, "memory_trace": memory_trace})


def _peak_rss_mib() -> float:
    """This process's high-water resident memory so far (the writer; with
    ``--workers`` the workers' own memory is not in it)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def plateau_note(trace: list) -> str:
    """Peak memory part-way through the run against the end, from the flow
    child's trace of (files done, peak RSS so far): flat means it does not grow
    with the number of articles."""
    if len(trace) < 3:
        return ""
    total = trace[-1][0]
    marks = [next((mb for done, mb in trace if done >= total * share), trace[-1][1]) for share in (0.2, 0.5)]
    return f"; after 20% of files {marks[0]:,.0f} MiB, 50% {marks[1]:,.0f} MiB, end {trace[-1][1]:,.0f} MiB"


def cli_child(corpus: str, db: str, batch_size: int) -> None:
    """The real ``dateline run`` command, as a user types it; then its run record.

    Used for the re-run so that any shortcut the command takes before the flow
    (nothing new to do) is measured as the user would see it.
    """
    ensure_path()
    from dateline.cli import main as dateline_main

    sys.argv = ["dateline", "run", "--input", corpus, "--db", db, "--batch-size", str(batch_size)]
    try:
        dateline_main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    from extractors.store import Store

    with Store(db, read_only=True) as store:
        columns, rows = store.select("SELECT * FROM runs ORDER BY started_at DESC LIMIT 1")
    emit({"exit": code, "last_run": dict(zip(columns, rows[0])) if rows else {}})


def _clock_calls(module, name: str) -> dict:
    """Replace ``module.name`` by a timed wrapper; returns its running totals
    (``s`` seconds, ``calls``). Works because callers look the function up on
    the module at call time."""
    clock = {"s": 0.0, "calls": 0}
    original = getattr(module, name)

    def timed(*args, **kwargs):
        t = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            clock["s"] += time.perf_counter() - t
            clock["calls"] += 1

    setattr(module, name, timed)
    return clock


# --- the parent side -------------------------------------------------------------


def prefect_env(home: Path) -> dict[str, str]:
    """A Prefect home of the benchmark's own, so other users' state never counts.

    A new home is set up first (Prefect creates and migrates its database on
    first use, ~3 s once), so that the measured runs see what a user's second
    and later runs see.
    """
    env = {"PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
    if not home.exists():
        home.mkdir(parents=True)
        warm_up = "from dateline import quiet; quiet.configure(); from prefect import flow; flow(lambda: None)()"
        run_child(["-c", warm_up], env)
    return env


def thread_env(threads: int) -> dict[str, str]:
    """Intra-op threads for torch in every child (both sides alike); 0 keeps the default.

    On a shared 2-core machine two OpenMP threads per process can be 10-50×
    slower than one whenever another process is busy (each parallel region
    waits for a descheduled thread), so measurements there want ``--threads 1``.
    """
    if not threads:  # torch's default on both sides (Dateline's own default is one thread)
        return {"DATELINE_TORCH_THREADS": "0"}
    return {"OMP_NUM_THREADS": str(threads), "MKL_NUM_THREADS": str(threads), "DATELINE_TORCH_THREADS": str(threads)}


def run_flow(corpus: Path, db: Path, batch_size: int, workers: int | None, env: dict) -> ChildRun:
    args = [str(BENCH / "run.py"), "--flow-child", str(corpus), str(db), str(batch_size), str(workers or 0)]
    return _checked(run_child(args, env), "dateline run")


def run_cli(corpus: Path, db: Path, batch_size: int, env: dict) -> ChildRun:
    args = [str(BENCH / "run.py"), "--cli-child", str(corpus), str(db), str(batch_size)]
    child = _checked(run_child(args, env), "dateline run (CLI)")
    if child.result["exit"] != 0:
        raise RuntimeError(f"dateline run exited with {child.result['exit']}: {child.stderr_tail.strip()[-300:]}")
    return child


def run_stanza_alone(corpus: Path, resources: Path | None, env: dict) -> ChildRun:
    args = [str(BENCH / "stanza_alone.py"), str(corpus)] + ([str(resources)] if resources else [])
    return _checked(run_child(args, env), "Stanza alone")


def _checked(child: ChildRun, what: str) -> ChildRun:
    if child.returncode != 0 or not child.result:
        raise RuntimeError(f"{what} failed (exit {child.returncode}): {child.stderr_tail.strip().splitlines()[-1:] or '?'}")
    return child


def measure(corpus: Path, n: int, sizes: list[int], *, batch_size: int, workers: int | None,
            skip_stanza: bool, resources: Path | None, work: Path, corpus_for_size,
            prefect_home: Path | None = None, threads: int = 0) -> list[Row]:
    """Every figure of the report, each from a fresh child process."""
    env = prefect_env(prefect_home or work / "prefect-home")
    env.update(thread_env(threads))
    if resources:
        env["STANZA_RESOURCES_DIR"] = str(resources)
    alone = None if skip_stanza else run_stanza_alone(corpus, resources, env)
    first = run_flow(corpus, work / "first.duckdb", batch_size, workers, env)
    second = run_cli(corpus, work / "first.duckdb", batch_size, env)
    memory = {n: _memory(first)}
    for size in sizes:
        if size not in memory:
            memory[size] = _memory(run_flow(corpus_for_size(size), work / f"size{size}.duckdb", batch_size, workers, env))
    return report_rows(n, alone, first, second, {s: memory[s] for s in sizes})


def _memory(run: ChildRun) -> tuple[float, str]:
    return run.peak_rss_mb, plateau_note(run.result.get("memory_trace", []))


def report_rows(n: int, alone: ChildRun | None, first: ChildRun, second: ChildRun, memory: dict[int, tuple[float, str]]) -> list[Row]:
    rows = []
    words = alone.result["words"] if alone else None
    if alone:
        r = alone.result
        rows += [
            Row("stanza.articles_per_s", "(a) Stanza alone", r["articles"] / alone.wall_s, "articles/s",
                f"wall {alone.wall_s:.1f} s incl. load {r['load_s']:.1f} s; {r['articles'] / r['process_s']:.2f} art/s without load"),
            Row("stanza.words_per_s", "(a) Stanza alone", r["words"] / alone.wall_s, "words/s",
                f"{r['words']:,} Stanza words; {r['words'] / r['process_s']:,.0f} words/s without load"),
        ]
    s = first.result
    articles = s["articles_written"]
    rows.append(Row("dateline.articles_per_s", "(b) dateline run", n / first.wall_s, "articles/s",
                    f"wall {first.wall_s:.1f} s, {articles} articles written, {s['events_written']} events, workers={s['workers_used']}"))
    if words:
        rows.append(Row("dateline.words_per_s", "(b) dateline run", words / first.wall_s, "words/s", "Stanza's word count"))
    rows += stage_rows(first)
    rows.append(Row("ratio", "(c) dateline / Stanza alone", first.wall_s / alone.wall_s if alone else None, "× wall time", "target ≤ 1.15"))
    rows.append(Row("ratio.cpu", "(c) dateline / Stanza alone", first.cpu_s / alone.cpu_s if alone else None, "× CPU time",
                    f"CPU {first.cpu_s:.1f} s vs {alone.cpu_s:.1f} s; steadier than wall time on a busy machine" if alone else ""))
    rows.append(Row("rerun.wall_s", "(d) re-run, unchanged corpus", second.wall_s, "s", rerun_note(second.result.get("last_run", {}), first)))
    for size, (mb, plateau) in memory.items():
        baseline = f"; Stanza alone on {n:,}: {alone.peak_rss_mb:,.0f} MiB" if alone else ""
        rows.append(Row(f"peak_rss.{size}", f"(e) peak memory, {size:,} articles", mb, "MiB", f"peak RSS of the run's process{baseline}{plateau}"))
    rows.append(Row("dateparser.share", "(f) dateparser share", 100 * s["dateparser_s"] / first.wall_s, "% of wall",
                    f"{s['dateparser_s']:.2f} s in {s['dateparser_calls']:,} calls; all of timex {s['timings'].get('time', 0):.2f} s"))
    return rows


def rerun_note(last_run: dict, first: ChildRun) -> str:
    """What the re-run did, from the run record it left (if it reached the flow)."""
    if not last_run or last_run.get("run_id") == first.result.get("run_id"):
        return "no run recorded: the command returned before the flow; target < 2 s"
    return (f"{last_run['files_skipped']} files skipped, {last_run['files_new']} new; "
            f"flow itself {last_run['duration_s']:.2f} s; target < 2 s")


def stage_rows(first: ChildRun) -> list[Row]:
    """Share of wall time per stage; orchestration is everything not in a stage."""
    timings = dict(first.result["timings"])
    models = first.result.get("models_s", 0.0)
    timings["nlp"] = timings.get("nlp", 0.0) + models  # model loading counts as NLP, wherever it happens
    wall = first.wall_s
    rows = [Row(f"stage.{stage}", f"    {stage}", 100 * timings.get(stage, 0.0) / wall, "% of wall",
                f"{timings.get(stage, 0.0):.2f} s" + (f", incl. {models:.2f} s model load" if stage == "nlp" else ""))
            for stage in FLOW_STAGES]
    staged = sum(timings.get(stage, 0.0) for stage in FLOW_STAGES)
    rest = wall - staged
    r = first.result
    outside = wall - r["internal_wall_s"]  # interpreter start and exit (Prefect's shutdown)
    rows.append(Row("stage.orchestration", "    orchestration", 100 * rest / wall, "% of wall",
                    f"{rest:.2f} s: imports {r['import_s']:.2f}, preflight {r['preflight_s']:.2f}, "
                    f"Prefect and the flow outside stages {r['flow_call_s'] - staged:.2f}, process start/exit {outside:.2f}"))
    return rows


def print_table(rows: list[Row], title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for name, justify in (("measure", "left"), ("value", "right"), ("unit", "left"), ("note", "left")):
        table.add_column(name, justify=justify)
    for row in rows:
        table.add_row(row.label, fmt(row.value), row.unit, row.note)
    Console(width=max(120, Console().width)).print(table)


def main(
    n: int = 1000,
    sizes: str = "1000,5000",
    skip_stanza_alone: bool = False,
    workers: int = 0,
    batch_size: int = 0,
    corpus: Path | None = None,
    resources: Path | None = None,
    seed: int = 13,
    as_json: bool = False,
    threads: str = "0",
    extras: bool = False,
) -> list[Row]:
    """Build (or reuse) the corpora, measure, print; returns the rows."""
    import build_corpus
    from dateline.settings import settings

    corpus = corpus or BENCH / "corpus"
    build_corpus.ensure(corpus, n, seed, DEFAULT_CORPORA)
    size_list = [int(s) for s in sizes.split(",") if s.strip()]

    def corpus_for_size(size: int) -> Path:
        folder = BENCH / "out" / f"corpus-{size}"
        build_corpus.ensure(folder, size, seed, DEFAULT_CORPORA)
        return folder

    rows: list[Row] = []
    for setting in [int(t) for t in threads.split(",") if t.strip()]:
        with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
            part = measure(corpus, n, size_list, batch_size=batch_size or settings().batch_size, workers=workers or None,
                           skip_stanza=skip_stanza_alone, resources=resources, work=Path(tmp), corpus_for_size=corpus_for_size,
                           prefect_home=BENCH / "out" / "prefect-home", threads=setting)
        label = f"torch threads: {setting or 'default (one per core)'}"
        rows += [Row(f"threads{setting}.{r.key}", r.label, r.value, r.unit, r.note) for r in part] if "," in threads else part
        if not as_json:
            print_table(part, f"Dateline throughput, {n:,} articles ({corpus}), {label}")
    if extras:
        import extras as long_runs

        env = prefect_env(BENCH / "out" / "prefect-home")
        more = [Row(*f) for f in long_runs.serve_figures(env) + long_runs.memory_figures(env) + long_runs.dask_figures(env)]
        rows += more
        if not as_json:
            print_table(more, "Scheduled runs, long runs, Dask (user defaults)")
    if as_json:
        print(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=1))
    return rows


def cli() -> None:
    import typer

    def command(
        n: int = typer.Option(1000, "--n", min=2, help="Articles in the corpus (half English, half Arabic)."),
        sizes: str = typer.Option("1000,5000", "--sizes", help="Corpus sizes for peak memory, comma-separated."),
        skip_stanza_alone: bool = typer.Option(False, "--skip-stanza-alone", help="Skip the Stanza-alone baseline."),
        workers: int = typer.Option(0, "--workers", min=0, help="Passed to the flow if it has a workers parameter."),
        batch_size: int = typer.Option(0, "--batch-size", min=0, help="Files per flow batch (default: the flow's)."),
        corpus: Path = typer.Option(None, "--corpus", help="Corpus folder (default bench/corpus, built if needed)."),
        resources: Path = typer.Option(None, "--resources", help="Stanza model folder (default $STANZA_RESOURCES_DIR)."),
        seed: int = typer.Option(13, "--seed", help="Corpus selection seed."),
        as_json: bool = typer.Option(False, "--json", help="Print the rows as JSON."),
        threads: str = typer.Option("0", "--threads", help="torch threads per process, both sides (0: torch's default); "
                                    "comma-separated to measure several, e.g. 1,0."),
        extras: bool = typer.Option(False, "--extras", help="Also serve latency, memory to 20,000 articles, Dask 1 vs 2 workers."),
    ) -> None:
        """Measure throughput and print the table."""
        main(n, sizes, skip_stanza_alone, workers, batch_size, corpus, resources, seed, as_json, threads, extras)

    typer.run(command)


if __name__ == "__main__":
    ensure_path()
    if sys.argv[1:2] == ["--flow-child"]:
        corpus_arg, db_arg, batch_arg, workers_arg = sys.argv[2:6]
        flow_child(corpus_arg, db_arg, int(batch_arg), int(workers_arg) or None)
    elif sys.argv[1:2] == ["--cli-child"]:
        cli_child(*sys.argv[2:4], int(sys.argv[4]))
    else:
        cli()
        sys.exit()
    from dateline.cli import exit_now

    exit_now()  # a child ends as the `dateline` console script does (dateline.cli.entry)
