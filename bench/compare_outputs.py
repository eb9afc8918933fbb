"""Proof that a refactoring changed no output: dump the extracted tables of a
fixed drop, then compare two dumps row by row.

    python bench/compare_outputs.py dump  --out /tmp/before.json   # on the old commit
    python bench/compare_outputs.py dump  --out /tmp/after.json    # on the new one
    python bench/compare_outputs.py compare /tmp/before.json /tmp/after.json

``dump`` builds the benchmark drop (``build_corpus.py``: 200 articles, half
Reuters, half ANT, seed 13), runs ``dateline run`` on it in a child process with
this checkout first on ``PYTHONPATH`` and a fresh database, and writes the rows
of ``events``, ``time_expressions`` and ``entities`` sorted by their keys. Only
the command line and SQL are used, so the same script works on both sides of a
move of the Python modules. Columns listed in ``IGNORED`` (the extractor
version, which a change to extraction must bump) are left out of the dump.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import typer

from _common import BENCH, ROOT, child_env
from build_corpus import ensure

TABLES = {
    "events": "event_id",
    "time_expressions": "article_id, start_char, end_char",
    "entities": "article_id, start_char, end_char",
}
IGNORED = {"extractor_version"}

app = typer.Typer(add_completion=False, no_args_is_help=True)


@app.command()
def dump(
    out: Path = typer.Option(..., "--out", help="JSON file to write."),
    n: int = typer.Option(200, "--n", help="Articles in the drop (half English, half Arabic)."),
    corpus: Path = typer.Option(BENCH / "corpus-compare", "--corpus", help="Where the drop is written (git-ignored)."),
) -> None:
    """Run ``dateline run`` on the drop and dump the extracted tables."""
    ensure(corpus, n)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "compare.duckdb"
        cli = [sys.executable, "-c", "from dateline.cli import main; main()"]
        done = subprocess.run([*cli, "run", "--input", str(corpus), "--db", str(db)], cwd=ROOT, env=child_env(None),
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"dateline run failed:\n{done.stderr[-2000:]}")
        tables = {name: _rows(db, name, key) for name, key in TABLES.items()}
    out.write_text(json.dumps(tables, ensure_ascii=False, indent=0, default=str), encoding="utf-8")
    typer.echo(", ".join(f"{name}: {len(rows)} rows" for name, rows in tables.items()) + f" → {out}")


def _rows(db: Path, table: str, key: str) -> list[dict]:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        cursor = con.execute(f"SELECT * FROM {table} ORDER BY {key}")
        names = [d[0] for d in cursor.description]
        return [{k: v for k, v in zip(names, row) if k not in IGNORED} for row in cursor.fetchall()]


@app.command()
def compare(before: Path, after: Path, show: int = typer.Option(5, help="Differences shown per table.")) -> None:
    """Exit 1 and list the differences when the two dumps are not identical."""
    old, new = (json.loads(p.read_text(encoding="utf-8")) for p in (before, after))
    failed = False
    for name in TABLES:
        a, b = old.get(name, []), new.get(name, [])
        gone = [r for r in a if r not in b]
        added = [r for r in b if r not in a]
        same = not gone and not added and a == b
        typer.echo(f"{name}: {len(a)} → {len(b)} rows, {'identical' if same else f'{len(gone)} gone, {len(added)} new'}")
        for row in gone[:show]:
            typer.echo(f"  - {row}")
        for row in added[:show]:
            typer.echo(f"  + {row}")
        failed |= not same
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    app()
