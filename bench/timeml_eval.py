"""Score Dateline's time expressions on TimeML (TempEval-3 style).

    python bench/timeml_eval.py [--corpus DIR] [--show-errors N] [--no-parse]

Reads every ``.tml`` file under the corpus (default: the TempEval-3 training
data in ../shared/corpora/tempeval3-train), strips the tags of its TEXT while
keeping the gold TIMEX3 offsets, and runs each document through the production
path: the pipeline's ``process_batch`` (Stanza, entities, time expressions with
the parse's sentences, so the tense logic production uses is scored), with the
document creation time as the publication date. Stanza's analyses are kept in
``bench/out/timeml-snapshots`` (snapshot backend), so later runs take seconds.
``--no-parse`` scores the finder alone, without sentences.

Prints extraction precision/recall/F1 (strict = same span, relaxed =
overlapping span), value accuracy on relaxed matches and value F1 (TempEval-3's
headline attribute score). Matching is one-to-one: each gold expression pairs
with at most one system expression and the reverse, largest overlap first.
Reference: HeidelTime reports value F1 77.61 on the TempEval-3 *test* set.
"""

from __future__ import annotations

import argparse
import re
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from _common import BENCH, ensure_path

ensure_path()  # this checkout's extractors, not whichever one is installed

from extractors.records import Article  # noqa: E402
from extractors.timex import find_time_expressions  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "tempeval3-train"
SNAPSHOTS = BENCH / "out" / "timeml-snapshots"


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


def one_to_one(gold: list[Gold], found) -> list[tuple[Gold, object]]:
    """Overlapping (gold, system) pairs, each side used at most once, largest
    overlap first (ties: earliest gold)."""
    pairs = sorted(
        ((min(g.end, t.span.end) - max(g.start, t.span.start), -i, -j, g, t)
         for i, g in enumerate(gold) for j, t in enumerate(found) if t.span.start < g.end and g.start < t.span.end),
        key=lambda p: p[:3], reverse=True,
    )
    used_gold, used_system, matched = set(), set(), []
    for _, i, j, g, t in pairs:
        if i not in used_gold and j not in used_system:
            used_gold.add(i)
            used_system.add(j)
            matched.append((g, t))
    return matched


def system_times(docs: list[tuple[Path, str, date, list[Gold]]], parse: bool) -> dict[str, tuple]:
    """Time expressions per document: the production path (``process_batch``)
    or, without ``parse``, the finder on the text alone."""
    if not parse:
        return {path.name: find_time_expressions(text, "en", anchor) for path, text, anchor, _ in docs}
    from extractors.nlp import SnapshotBackend
    from extractors.pipeline import process_batch
    from flows.resources import default_backend

    backend = SnapshotBackend(SNAPSHOTS, recorder=default_backend())
    articles = [Article(path.name, text, "", str(path), "en", "metadata", anchor, "metadata") for path, text, anchor, _ in docs]
    result = process_batch(articles, backend)
    failed = [e.article_id for e in result.errors]
    if failed:
        raise SystemExit(f"{len(failed)} documents failed: {failed[:5]}")
    return result.times


def score(corpus: Path, show_errors: int = 0, parse: bool = True) -> dict:
    counts = dict(gold=0, system=0, strict=0, relaxed=0, value=0, type=0)
    errors = []
    started = time.perf_counter()
    files = sorted(corpus.rglob("*.tml"))
    docs = [(path, *parse_tml(path)) for path in files]
    times = system_times(docs, parse)
    for path, _text, _anchor, gold in docs:
        found = times[path.name]
        counts["gold"] += len(gold)
        counts["system"] += len(found)
        matched = one_to_one(gold, found)
        for g, hit in matched:
            counts["relaxed"] += 1
            counts["strict"] += (hit.span.start, hit.span.end) == (g.start, g.end)
            counts["type"] += hit.kind.upper() == g.type
            if same_value(hit.value, g.value):
                counts["value"] += 1
            else:
                errors.append(("value", g.text, g.value, f"{hit.text} -> {hit.value}", path.name))
        paired_gold, paired_system = {id(g) for g, _ in matched}, {id(t) for _, t in matched}
        errors += [("missed", g.text, g.value, "", path.name) for g in gold if id(g) not in paired_gold]
        errors += [("spurious", t.text, "", t.value, path.name) for t in found if id(t) not in paired_system]
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
    parser.add_argument("--no-parse", action="store_true", help="the finder without the parse's sentences")
    args = parser.parse_args()
    score(args.corpus, args.show_errors, parse=not args.no_parse)


if __name__ == "__main__":
    main()
