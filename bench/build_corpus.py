"""Build a benchmark drop of real articles from ../shared/corpora.

    python bench/build_corpus.py [--n 1000] [--out bench/corpus] [--seed 13]

Half English (Reuters-21578), half Arabic (ANT), deterministic for a seed,
skipping records under 200 characters and exact duplicates. Each article is
written as ``ID.json`` (text + metadata), the way Dateline ingests a drop.
The output folder is git-ignored: corpus text never enters the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
SOURCES = {"en": "reuters21578-en.jsonl", "ar": "ant-ar.jsonl"}
MIN_CHARS = 200


def pick(lang: str, n: int, seed: int) -> list[dict]:
    records, seen = [], set()
    with open(CORPORA / SOURCES[lang], encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            text = record.get("text") or ""
            digest = hashlib.sha1(text.encode()).digest()
            if len(text) >= MIN_CHARS and digest not in seen:
                seen.add(digest)
                records.append(record)
    random.Random(seed).shuffle(records)
    return records[:n]


def build(n: int, out: Path, seed: int = 13) -> list[Path]:
    """Write ``n`` articles into ``out`` (emptied first); returns the files."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    paths = []
    for lang, count in (("en", n - n // 2), ("ar", n // 2)):
        for record in pick(lang, count, seed):
            path = out / f"{record['id']}.json"
            path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "corpus")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    paths = build(args.n, args.out, args.seed)
    chars = sum(len(json.loads(p.read_text(encoding="utf-8"))["text"]) for p in paths)
    print(f"{len(paths)} articles, {chars:,} characters → {args.out}")


if __name__ == "__main__":
    main()
