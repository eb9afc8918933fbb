"""Which DuckDB versions Dateline's store works with: each in a throwaway venv.

For every version it installs ``duckdb==VERSION`` (plus polars and pyarrow)
into ``--venvs/VERSION`` and runs :data:`CHECK` there against this checkout
(on ``PYTHONPATH``, nothing else installed), which

0. opens a read copy published by the DuckDB of the running interpreter, as a
   BI tool on an older DuckDB would;
1. migrates a new database and checks the file's storage format;
2. rewrites the same articles twice in one transaction each (DELETE then
   INSERT of the same keys: what every re-run does), once with a batch big
   enough for DuckDB's optimistic writes (> one row group);
3. does that again in a child process that dies without closing (SIGKILL
   semantics: ``os._exit``), then reopens the file: the WAL replay of a
   delete-then-insert must succeed and leave the new rows;
4. publishes the read copy and reads it back.

    python bench/duckdb_versions.py 1.0.0 1.1.3 1.2.1 1.2.2 1.3.0 1.4.4 1.5.6 2.0.1

Prints one line per version: ``ok`` or the first failure. Results (DuckDB
2.0.1 publishing; bench/README.md): 1.0.0 to 1.2.2 read the copy but fail
step 2, 1.3.0 and later pass everything, hence ``duckdb>=1.3``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import typer

ROOT = Path(__file__).resolve().parents[1]

CHECK = textwrap.dedent("""
    import json, os, subprocess, sys
    from pathlib import Path
    import duckdb
    from extractors.store import Database, Store, read
    from extractors.store.frames import frame

    work, current_copy = Path(sys.argv[1]), Path(sys.argv[2])

    def frames(article_id, n):
        return {"articles": frame("articles", [{"article_id": article_id, "source_path": "f.txt", "location": "f.txt", "text": "x"}]),
                "sentences": frame("sentences", [{"article_id": article_id, "sentence_index": i, "start_char": i, "end_char": i + 1,
                                                  "text": "x"} for i in range(n)])}

    if sys.argv[3:] == ["child"]:  # write, then die without closing (no checkpoint): the WAL must be replayed
        store = Store(work / "d.duckdb")
        store.con.execute("SET checkpoint_threshold = '10GB'")
        store.write_batch(frames("a", 150_000), ["f.txt"])
        store.write_batch(frames("a", 7), ["f.txt"])
        os._exit(0)

    report = {"duckdb": duckdb.__version__}

    def step(name, fn):
        try:
            report[name] = fn()
        except Exception as exc:
            report[name] = f"FAILED {type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
            print(json.dumps(report)); sys.exit(1)

    db = Database(work / "d.duckdb")

    def create():
        with db.open() as store:
            store.migrate()
        return int.from_bytes((work / "d.duckdb").read_bytes()[12:20], "little")

    def rewrite():
        for n in (3, 2, 150_000, 150_000, 5):
            with db.open() as store:
                store.write_batch(frames("a", n), ["f.txt"])
        with db.open() as store:
            return store.query("SELECT count(*) FROM sentences")[0][0]

    def crash_then_replay():
        subprocess.run([sys.executable, __file__, *sys.argv[1:3], "child"], check=True)
        wal = (work / "d.duckdb.wal").exists()
        with db.open() as store:
            return {"wal_left": wal, "rows_after_replay": store.query("SELECT count(*) FROM sentences")[0][0]}

    step("read_current_copy", lambda: read(current_copy, "SELECT articles FROM data_as_of")[1][0][0])
    step("storage_number", create)
    step("delete_then_insert_rows", rewrite)
    step("wal_replay", crash_then_replay)
    step("publish", lambda: db.publish("r", "end of run")["articles"])
    step("read_own_copy", lambda: read(db.read_copy, "SELECT count(*) FROM sentences")[1][0][0])
    print(json.dumps(report))
""")


def _current_copy(folder: Path) -> Path:
    """A read copy published by the DuckDB of this interpreter."""
    sys.path.insert(0, str(ROOT))
    from extractors.store import Database

    db = Database(folder / "current.duckdb")
    with db.open() as store:
        store.migrate()
    db.publish("current", "end of run")
    return db.read_copy


def main(
    versions: list[str] = typer.Argument(..., help="DuckDB versions to check, e.g. 1.2.2 2.0.1."),
    venvs: Path = typer.Option(Path(tempfile.gettempdir()) / "dateline-duckdb-versions", help="Where the throwaway venvs go."),
) -> None:
    venvs.mkdir(parents=True, exist_ok=True)
    copy = _current_copy(Path(tempfile.mkdtemp(prefix="current-", dir=venvs)))
    for version in versions:
        env_dir = venvs / version
        python = env_dir / "bin" / "python"
        if not python.exists():
            subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True)
            subprocess.run([str(python), "-m", "pip", "install", "--quiet", f"duckdb=={version}", "polars", "pyarrow"], check=True)
        work = Path(tempfile.mkdtemp(prefix=f"work-{version}-", dir=venvs))
        script = work / "check.py"
        script.write_text(CHECK, encoding="utf-8")
        done = subprocess.run([str(python), str(script), str(work), str(copy)], capture_output=True, text=True,
                              env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, cwd=ROOT)
        lines = done.stdout.strip().splitlines()
        report = json.loads(lines[-1]) if lines else {"error": done.stderr.strip().splitlines()[-1:]}
        verdict = "ok" if done.returncode == 0 else "FAILED"
        print(f"{version:>8}  {verdict}  {json.dumps(report, ensure_ascii=False)}", flush=True)


if __name__ == "__main__":
    typer.run(main)
