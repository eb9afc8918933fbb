"""The long measurements ``bench/run.py --extras`` adds to its table, each by its own script.

Every figure comes from the script that owns it, run as a child process with
the user's defaults, and is returned as ``(key, label, value, unit, note)``:
serve's drop-to-queryable latency (``serve_latency.py``), memory from 1,000
to 20,000 articles (``memory.py``: the flow with Stanza, and with Stanza's
recorded analyses replayed), and Dask with 1 and 2 workers
(``dask_speedup.py``). Kept apart from ``run.py`` because together they take
an hour; each can be run alone with the same figures.
"""

from __future__ import annotations

from _common import BENCH, run_child

Figure = tuple[str, str, float | None, str, str]


def _result(args: list[str], env: dict, what: str) -> dict:
    child = run_child([str(BENCH / args[0]), *args[1:]], env)
    if child.returncode != 0 or not child.result:
        tail = child.stderr_tail.strip().splitlines()[-1:] or ["?"]
        raise RuntimeError(f"{what} failed (exit {child.returncode}): {tail[0]}")
    return child.result


def serve_figures(env: dict, sizes: str = "1,10,100") -> list[Figure]:
    r = _result(["serve_latency.py", "--sizes", sizes], env, "serve latency")
    first = f"serve's defaults; its first (empty) run published after {r['first_run_s']:.1f} s"
    return [(f"serve.latency.{size}", f"(g) serve, {size} new files → queryable", seconds, "s",
             first + ("; includes loading the models" if i == 0 else "; models warm") + "; target < 15 s for 10")
            for i, (size, seconds) in enumerate(r["latency_s"].items())]


def memory_figures(env: dict, stanza_n: int = 5000, replay_n: int = 20000) -> list[Figure]:
    figures = []
    for backend, n in (("stanza", stanza_n), ("replay", replay_n)):
        if n <= 0:
            continue
        if backend == "replay":
            _result(["memory.py", "--record"], env, "recording analyses")
        r = _result(["memory.py", "--n", str(n), "--backend", backend], env, f"memory ({backend})")
        marks = r["marks"]
        first = next(iter(marks.values()), None)
        for count, mark in marks.items():
            change = 100 * (mark["rss_mib"] / first["rss_mib"] - 1)
            figures.append((f"memory.{backend}.{count}", f"(h) RSS after {int(count):,} articles, {backend}", mark["rss_mib"], "MiB",
                            f"{change:+.1f}% from 1,000; peak {mark['peak_mib']:,.0f} MiB; target flat within 5%"))
    return figures


def dask_figures(env: dict, n: int = 200, batch_size: int = 8) -> list[Figure]:
    """``dask_speedup.py``'s rows (baseline; 1 and 2 workers, cold, warm and preloaded: wall seconds) and its speed-ups."""
    r = _result(["dask_speedup.py", "--n", str(n), "--batch-size", str(batch_size)], env, "Dask speed-up")
    figures: list[Figure] = [(f"dask.{name.replace(', ', '_').replace(' ', '_')}", f"(i) Dask, {name}", seconds, "s",
                              f"{n} articles; {note}") for name, seconds, note in r["rows"]]
    speedups = [("dask.speedup", "(i) Dask, 2 workers vs 1, cold", r["speedup"], "×",
                 "1-worker wall / 2-worker wall, each cluster's first run (models loaded inside); target ≥ 1.6"),
                ("dask.speedup_warm", "(i) Dask, 2 workers vs 1, warm", r["speedup_warm"], "×",
                 "the same, each cluster's second run (models kept by the workers); target ≥ 1.6"),
                ("dask.speedup_preloaded", "(i) Dask, 2 workers vs 1, preloaded", r["speedup_preloaded"], "×",
                 "the first run of a cluster whose workers load their models when they start "
                 "(--preload flows.preload); target ≥ 1.6")]
    return figures + speedups
