"""Readers opening the read copy while the writer keeps publishing it.

DuckDB's open of a file is not atomic: an open that a new copy, swapped in
with ``os.replace``, interrupts can fail ("Failed to load metadata pointer",
"field id mismatch"). Once open, a connection reads its own file to the end.
:func:`extractors.store.read` retries such an open on the new copy.

A writer here publishes the read copy of a small Dateline database (each
publication a real :meth:`Database.publish`, with ``--rewrite`` articles
rewritten in between) as fast as it can for ``--seconds``.
Two reader processes open the copy in a loop at the same time:

* ``duckdb.connect``: the baseline, a plain read-only open and one query
  (what a BI tool does);
* ``dateline read``: :func:`extractors.store.read`, the same query.

    python bench/read_copy_swaps.py --seconds 60 [--rewrite 0]

Prints publications made, and per reader its opens and failed opens.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import typer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.store import Database  # noqa: E402
from extractors.store.frames import frame  # noqa: E402

QUERY = "SELECT (SELECT count(*) FROM sentences), (SELECT max(published_at) FROM publications)"
READER = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[4])
copy, stop, how = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
if how == "duckdb.connect":
    import duckdb
    def query():
        con = duckdb.connect(str(copy), read_only=True)
        try:
            return con.execute(QUERY).fetchall()
        finally:
            con.close()
else:
    from extractors.store import read
    def query():
        return read(copy, QUERY)
opens, failures = 0, []
while not stop.exists():
    opens += 1
    try:
        query()
    except Exception as exc:
        failures.append(str(exc).splitlines()[0][-90:])
print(json.dumps({"opens": opens, "failures": failures}))
"""


def _batch(article_id: str, n_sentences: int) -> dict:
    path = f"{article_id}.txt"
    return {"sources": frame("sources", [{"path": path, "file_sha256": "h", "n_articles": 1, "n_errors": 0}]),
            "articles": frame("articles", [{"article_id": article_id, "source_path": path, "location": path, "text": "x" * 2000}]),
            "sentences": frame("sentences", [{"article_id": article_id, "sentence_index": i, "start_char": i, "end_char": i + 1,
                                              "text": "y" * (i % 200)} for i in range(n_sentences)])}


def main(seconds: float = typer.Option(30.0, help="How long the writer publishes."),
         rewrite: int = typer.Option(2, help="Articles rewritten between publications (0: publish back to back).")) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "data" / "dateline.duckdb")
        with db.open() as store:
            store.migrate()
            for i in range(40):
                store.write_batch(_batch(f"a{i}", 200), [f"a{i}.txt"])
        db.publish("bench", "start")
        stop = Path(tmp) / "stop"
        code = f"QUERY = {QUERY!r}\n{READER}"
        root = str(Path(__file__).resolve().parents[1])
        readers = {how: subprocess.Popen([sys.executable, "-c", code, str(db.read_copy), str(stop), how, root],
                                         stdout=subprocess.PIPE, text=True)
                   for how in ("duckdb.connect", "dateline read")}
        end, publications = time.monotonic() + seconds, 0
        while time.monotonic() < end:
            if rewrite:
                with db.open() as store:
                    for i in range(rewrite):
                        article = f"a{(publications + 7 * i) % 40}"
                        store.write_batch(_batch(article, 100 + publications % 300), [f"{article}.txt"])
            db.publish("bench", "during run")
            publications += 1
        stop.touch()
        print(f"{publications} publications in {seconds:g} s")
        for how, process in readers.items():
            result = json.loads(process.communicate(timeout=60)[0])
            examples = sorted(set(result["failures"]))[:3]
            print(f"{how:15} {result['opens']:6} opens, {len(result['failures']):3} failed" + (f"  e.g. {examples}" if examples else ""))


if __name__ == "__main__":
    typer.run(main)
