"""Pick the real articles annotated in bench/events_gold/ (reproducible).

    python bench/select_event_articles.py [--per-lang 12] [--movement 5] [--seed 7]

From ../shared/corpora: articles of 300–1,500 characters whose text contains
one of the event keywords below, shuffled with a fixed seed, at most one per
title prefix so that one story does not fill the set. A second pass adds
``--movement`` articles per language with a travel/meeting verb (MOVEMENT),
because the first pass is mostly statements. Prints id and title.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
KEYWORDS = {
    "en": r"\b(visit(ed|s)?|met|meet(ing|s)?|talks|arrived|left for|flew to|announced|said)\b",
    "ar": r"(زار|زيارة|التقى|لقاء|اجتماع|محادثات|وصل|غادر|أعلن|قال)",
}
FILES = {"en": "reuters21578-en.jsonl", "ar": "ant-ar.jsonl"}
MOVEMENT = {
    "en": r"\b(arrived|left for|flew to|visited|visiting|will visit|paid a visit|met with|held talks)\b",
    "ar": r"(\bزار\b|زيارة عمل|زيارة رسمية|\bوصل\b|\bغادر\b|\bالتقى\b|\bاستقبل\b|\bتوجه إلى\b)",
}
EVENTFUL = {"en": r"\b(visit|met|talks|arrived|left for)\w*", "ar": r"(زار|زيارة|التقى|لقاء|اجتماع|محادثات|وصل|غادر)"}


def candidates(lang: str, movement: bool = False) -> list[dict]:
    out = []
    with open(CORPORA / FILES[lang], encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            text = record.get("text") or ""
            if not 300 <= len(text) <= 1500:
                continue
            if re.search(MOVEMENT[lang], text) if movement else (re.search(EVENTFUL[lang], text) and re.search(KEYWORDS[lang], text)):
                out.append(record)
    return out


def select(lang: str, n: int, seed: int, movement: bool = False, exclude: frozenset = frozenset()) -> list[dict]:
    pool = [r for r in candidates(lang, movement) if r["id"] not in exclude]
    random.Random(seed).shuffle(pool)
    chosen, seen = [], set()
    for record in pool:
        key = (record.get("title") or "")[:20]
        if key in seen:
            continue
        seen.add(key)
        chosen.append(record)
        if len(chosen) == n:
            break
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-lang", type=int, default=12)
    parser.add_argument("--movement", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    for lang in ("en", "ar"):
        first = select(lang, args.per_lang, args.seed)
        second = select(lang, args.movement, args.seed, True, frozenset(r["id"] for r in first))
        for record in first + second:
            print(lang, record["id"], record["published"], (record.get("title") or "")[:70])


if __name__ == "__main__":
    main()
