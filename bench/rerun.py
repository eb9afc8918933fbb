"""The unchanged re-run: `dateline run` on a folder where nothing is new.

    python bench/rerun.py                 # 1 and 1,000 small files
    python bench/rerun.py --sizes 1,200   # other folder sizes

For each size, a folder of small English articles (``.txt`` + ``.meta.json``)
is recorded in a fresh database by the same pipeline and writer the flow uses,
with an NLP backend that returns no sentences (only the files' hashes matter
to a re-run, and this keeps the set-up free of Stanza). Then the real command,
``dateline run`` as a user types it, runs on the unchanged folder in
a fresh process, ``--repeat`` times; the best and median walls are printed
beside the same-run baseline of the interpreter importing the CLI and doing
nothing (``dateline --help``), and the modules the re-run imported that it
must not (Prefect, Stanza, torch).
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import BENCH, emit, ensure_path, fmt, run_child

HEAVY = ("prefect", "stanza", "torch")
CLI = ("-c", "from dateline.cli import main; main()")
TEXT = "Officials said the minister of item {i} arrived in Berlin on Monday and met his counterpart on Tuesday."




def make_folder(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:05d}.txt").write_text(TEXT.format(i=i), encoding="utf-8")
        (folder / f"a{i:05d}.meta.json").write_text(json.dumps({"lang": "en", "published": "2023-09-12"}))


def setup_child(folder: str, db: str) -> None:
    """Record every file of ``folder`` in ``db`` as the flow would (no Prefect)."""
    ensure_path()
    from extractors import ingest
    from extractors.nlp.blank import BlankBackend
    from extractors.pipeline import run_batch
    from extractors.store import Database

    files = ingest.discover(Path(folder))
    with Database(db).open() as store:
        store.migrate()
        for start in range(0, len(files), 256):
            result = run_batch(files[start : start + 256], BlankBackend())
            store.write_batch(result.frames(), list(result.sources))
    emit({"files": len(files)})


def probe_child(folder: str, db: str) -> None:
    """`dateline run` in this process, then which heavy modules it imported."""
    ensure_path()
    from dateline.cli import main

    sys.argv = ["dateline", "run", "--input", folder, "--db", db]
    started = time.perf_counter()
    try:
        main()
    except SystemExit as exc:
        if exc.code:
            raise
    emit({"run_s": time.perf_counter() - started,
          "heavy": sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in HEAVY})})


def measure(sizes: list[int], repeat: int, work: Path) -> list[dict]:
    env = {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
    floor = [run_child([*CLI, "--help"], env).wall_s for _ in range(repeat)]
    rows = [{"key": "baseline.cli_help_s", "best": min(floor), "median": statistics.median(floor), "heavy": []}]
    for n in sizes:
        folder, db = work / f"folder{n}", work / f"db{n}.duckdb"
        make_folder(folder, n)
        if run_child([str(BENCH / "rerun.py"), "--setup-child", str(folder), str(db)], env).returncode:
            raise RuntimeError(f"set-up of {n} files failed")
        walls = []
        for _ in range(repeat):
            child = run_child([*CLI, "run", "--input", str(folder), "--db", str(db)], env)
            if child.returncode:
                raise RuntimeError(f"dateline run failed: {child.stderr_tail[-300:]}")
            walls.append(child.wall_s)
        probe = run_child([str(BENCH / "rerun.py"), "--probe-child", str(folder), str(db)], env).result
        rows.append({"key": f"rerun.{n}_files_s", "best": min(walls), "median": statistics.median(walls),
                     "heavy": probe.get("heavy", ["?"])})
    return rows


def main() -> None:
    import argparse
    import os

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,1000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dateline-rerun-") as tmp:
        rows = measure([int(s) for s in args.sizes.split(",")], args.repeat, Path(tmp))
    load = os.getloadavg()[0]
    if args.json:
        print(json.dumps({"load_1min": load, "rows": rows}))
        return
    print(f"unchanged re-run of `dateline run` (load average {load:.1f}, best/median of {args.repeat})")
    for row in rows:
        heavy = ", ".join(row["heavy"]) or "none"
        print(f"  {row['key']:<24} best {fmt(row['best'])} s  median {fmt(row['median'])} s  heavy imports: {heavy}")


if __name__ == "__main__":
    ensure_path()
    if sys.argv[1:2] == ["--setup-child"]:
        setup_child(*sys.argv[2:4])
    elif sys.argv[1:2] == ["--probe-child"]:
        probe_child(*sys.argv[2:4])
    else:
        main()
