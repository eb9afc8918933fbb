"""Score Dateline's time expressions on TimeML (TempEval-3 style).

    python bench/timeml_eval.py [--corpus DIR] [--show-errors N]

Reads every ``.tml`` file under the corpus (default: the TempEval-3 training
data in ../shared/corpora/tempeval3-train), strips the tags of its TEXT while
keeping the gold TIMEX3 offsets, runs ``find_time_expressions`` with the
document creation time as anchor, and prints extraction precision/recall/F1
(strict = same span, relaxed = overlapping span), value accuracy on relaxed
matches and value F1 (TempEval-3's headline attribute score). Reference:
HeidelTime reports value F1 77.61 on the TempEval-3 *test* set.
"""

from __future__ import annotations

import argparse
import re
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from _common import ensure_path

ensure_path()  # this checkout's extractors, not whichever one is installed

from extractors.timex import find_time_expressions  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "tempeval3-train"


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


def parse_tml(path: Path) -> tuple[str, date, list[Gold]]:
    root = ET.parse(path).getroot()
    dct = next(t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME")
    anchor = date.fromisoformat(dct.get("value")[:10])
    pieces: list[str] = []
    gold: list[Gold] = []

    def walk(node):
        pieces.append(node.text or "")
        for child in node:
            start = sum(map(len, pieces))
            walk(child)
            if child.tag == "TIMEX3":
                end = sum(map(len, pieces))
                text = "".join(pieces)[start:end]
                gold.append(Gold(start, end, text, child.get("type", ""), child.get("value", "")))
            pieces.append(child.tail or "")

    walk(root.find("TEXT"))
    return "".join(pieces), anchor, gold


def same_value(system: str, gold: str) -> bool:
    """Equal TIMEX3 values; week numbers compare as numbers (the gold has both
    "2000-W6" and "2000-W06")."""
    return re.sub(r"W0(\d)\b", r"W\1", system) == re.sub(r"W0(\d)\b", r"W\1", gold)


def score(corpus: Path, show_errors: int = 0) -> dict:
    counts = dict(gold=0, system=0, strict=0, relaxed=0, value=0, type=0)
    errors = []
    started = time.perf_counter()
    files = sorted(corpus.rglob("*.tml"))
    for path in files:
        text, anchor, gold = parse_tml(path)
        found = find_time_expressions(text, "en", anchor)
        counts["gold"] += len(gold)
        counts["system"] += len(found)
        for g in gold:
            hit = next((t for t in found if t.span.start < g.end and g.start < t.span.end), None)
            if hit is None:
                errors.append(("missed", g.text, g.value, "", path.name))
                continue
            counts["relaxed"] += 1
            counts["strict"] += (hit.span.start, hit.span.end) == (g.start, g.end)
            counts["type"] += hit.kind.upper() == g.type
            if same_value(hit.value, g.value):
                counts["value"] += 1
            else:
                errors.append(("value", g.text, g.value, f"{hit.text} -> {hit.value}", path.name))
        for t in found:
            if not any(t.span.start < g.end and g.start < t.span.end for g in gold):
                errors.append(("spurious", t.text, "", t.value, path.name))
    elapsed = time.perf_counter() - started
    report = _report(counts, len(files), elapsed)
    for kind, gold_text, gold_value, system, name in errors[:show_errors]:
        print(f"{kind:<9} {gold_text!r:<30} gold={gold_value:<14} system={system:<30} {name}")
    return report


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _report(c: dict, n_files: int, elapsed: float) -> dict:
    rows = {}
    for name in ("strict", "relaxed"):
        p, r = c[name] / max(c["system"], 1), c[name] / max(c["gold"], 1)
        rows[name] = (p, r, _f1(p, r))
    vp, vr = c["value"] / max(c["system"], 1), c["value"] / max(c["gold"], 1)
    rows["value"] = (vp, vr, _f1(vp, vr))
    print(f"TimeML: {n_files} documents, {c['gold']} gold TIMEX3, {c['system']} found, {elapsed:.1f} s")
    print(f"{'':<22}{'P':>8}{'R':>8}{'F1':>8}")
    for name, label in (("strict", "extraction strict"), ("relaxed", "extraction relaxed"), ("value", "value")):
        p, r, f = rows[name]
        print(f"{label:<22}{100 * p:>8.2f}{100 * r:>8.2f}{100 * f:>8.2f}")
    print(f"value accuracy on relaxed matches: {100 * c['value'] / max(c['relaxed'], 1):.2f}%   "
          f"type accuracy: {100 * c['type'] / max(c['relaxed'], 1):.2f}%")
    print("reference: HeidelTime value F1 77.61 (TempEval-3 test set)")
    return {k: tuple(round(100 * x, 2) for x in v) for k, v in rows.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show-errors", type=int, default=0, metavar="N")
    args = parser.parse_args()
    score(args.corpus, args.show_errors)


if __name__ == "__main__":
    main()
