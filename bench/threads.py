"""Which torch thread count to ship: Stanza on the same articles with 1, 2 and torch's default threads.

    python bench/threads.py --n 50 --rounds 2

Each setting runs ``bench/stanza_alone.py`` (the models on the corpus, no
Dateline code) in a fresh process with ``OMP_NUM_THREADS``/``MKL_NUM_THREADS``
set, the settings interleaved round by round so that a change in the
machine's load hits all of them alike. Prints wall, processing (without model
load) and CPU seconds per setting, best and median over the rounds, with the
load average at each run: on a shared machine the load decides the answer.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
from pathlib import Path

from _common import BENCH, ROOT, ensure_path, run_child

SETTINGS = {"1": {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"},
            "2": {"OMP_NUM_THREADS": "2", "MKL_NUM_THREADS": "2"},
            "default": {}}


def measure(corpus: Path, rounds: int) -> dict[str, list[dict]]:
    runs: dict[str, list[dict]] = {name: [] for name in SETTINGS}
    for _ in range(rounds):
        for name, extra in SETTINGS.items():
            env = {k: v for k, v in os.environ.items() if k not in ("OMP_NUM_THREADS", "MKL_NUM_THREADS")}
            load = os.getloadavg()[0]
            child = run_child([str(BENCH / "stanza_alone.py"), str(corpus)], {**env, **extra})
            if child.returncode or not child.result:
                raise RuntimeError(f"threads={name}: {child.stderr_tail[-300:]}")
            runs[name].append({"wall_s": child.wall_s, "process_s": child.result["process_s"], "cpu_s": child.cpu_s,
                               "load": load, "articles": child.result["articles"]})
    return runs


def main() -> None:
    import build_corpus

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    corpus = BENCH / "out" / f"corpus-{args.n}"
    build_corpus.ensure(corpus, args.n, 13, args.corpora)
    runs = measure(corpus, args.rounds)
    if args.json:
        print(json.dumps(runs))
        return
    print(f"Stanza alone on {args.n} articles, torch threads (best / median of {args.rounds}; load per run)")
    for name, rows in runs.items():
        def stat(key):
            values = [r[key] for r in rows]
            return f"{min(values):6.1f} / {statistics.median(values):6.1f}"
        loads = ", ".join(f"{r['load']:.1f}" for r in rows)
        print(f"  threads={name:<8} wall {stat('wall_s')} s  processing {stat('process_s')} s  CPU {stat('cpu_s')} s  load {loads}")


if __name__ == "__main__":
    ensure_path()
    main()
