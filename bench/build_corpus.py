"""Build a benchmark drop of real dated news: half Reuters-21578 (en), half ANT (ar).

Why files and not one JSONL: the flow batches *files*, and change detection
hashes files, so one ``.txt`` + ``.meta.json`` per article is what a real drop
looks like and what makes batches of articles. The selection is deterministic
(seeded shuffle of each corpus), skips near-empty records and duplicate texts,
and the text is written exactly as the corpus holds it. The output folder is
git-ignored: corpus text is never committed.

    python bench/build_corpus.py --n 1000 --out bench/corpus
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import typer

from _common import DEFAULT_CORPORA, DEFAULT_CORPUS

SOURCES = {"en": "reuters21578-en.jsonl", "ar": "ant-ar.jsonl"}
#: Records with fewer words than this are headlines or stubs, not articles.
MIN_WORDS = 40
META_FIELDS = ("id", "lang", "published", "title", "source", "url")
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def select(corpus_file: Path, n: int, seed: int) -> list[dict]:
    """``n`` records of one corpus: seeded shuffle, near-empty and duplicates skipped."""
    records = list(_records(corpus_file))
    random.Random(seed).shuffle(records)
    chosen, seen = [], set()
    for record in records:
        key = _text_key(record["text"])
        if key in seen or len(record["text"].split()) < MIN_WORDS:
            continue
        seen.add(key)
        chosen.append(record)
        if len(chosen) == n:
            return chosen
    raise ValueError(f"{corpus_file} has only {len(chosen)} usable records, {n} asked")


def build(out_dir: Path, n: int, seed: int = 13, corpora: Path = DEFAULT_CORPORA) -> list[Path]:
    """Write ``n`` articles (⌈n/2⌉ English, ⌊n/2⌋ Arabic) into an emptied ``out_dir``."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    counts = {"en": n - n // 2, "ar": n // 2}
    written = []
    for lang, count in counts.items():
        for record in select(corpora / SOURCES[lang], count, seed) if count else []:
            written.append(write_article(out_dir, record))
    return sorted(written)


def write_article(out_dir: Path, record: dict) -> Path:
    """``ID.txt`` with the text and ``ID.meta.json`` with the metadata."""
    stem = _SAFE.sub("_", str(record["id"]))
    path = out_dir / f"{stem}.txt"
    path.write_text(record["text"], encoding="utf-8")
    meta = {k: record[k] for k in META_FIELDS if record.get(k)}
    (out_dir / f"{stem}.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return path


def ensure(out_dir: Path, n: int, seed: int = 13, corpora: Path = DEFAULT_CORPORA) -> list[Path]:
    """Reuse ``out_dir`` if it already holds exactly this selection, else build it."""
    stamp = out_dir / ".selection.json"
    wanted = {"n": n, "seed": seed, "min_words": MIN_WORDS, "corpora": str(corpora)}
    if stamp.exists() and json.loads(stamp.read_text()) == wanted:
        return sorted(out_dir.glob("*.txt"))
    paths = build(out_dir, n, seed, corpora)
    stamp.write_text(json.dumps(wanted))  # dot-file: ingest.discover skips it
    return paths


def _records(corpus_file: Path) -> Iterator[dict]:
    with corpus_file.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if isinstance(record.get("text"), str) and record.get("id"):
                yield record


def _text_key(text: str) -> str:
    """Duplicates in Reuters differ only in spacing; compare the words."""
    return hashlib.sha1(" ".join(text.split()).casefold().encode()).hexdigest()


def main(
    n: int = typer.Option(1000, "--n", min=2, help="Articles to write (half English, half Arabic)."),
    out: Path = typer.Option(DEFAULT_CORPUS, "--out", help="Output folder (emptied first; git-ignored)."),
    seed: int = typer.Option(13, "--seed", help="Shuffle seed of the selection."),
    corpora: Path = typer.Option(DEFAULT_CORPORA, "--corpora", help="Folder holding the shared corpora."),
) -> None:
    """Write the benchmark corpus."""
    paths = ensure(out, n, seed, corpora)
    typer.echo(f"{len(paths)} articles in {out}")


if __name__ == "__main__":
    typer.run(main)
