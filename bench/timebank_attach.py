"""Date attachment measured on TimeBank: does Dateline give an event the
time expression TimeML links it to?

    python bench/timebank_attach.py [--corpus DIR] [--every K] [--limit-docs N]

For every TLINK between an EVENT and a TIMEX3 (DATE or TIME, not the document
creation time) of the same sentence in ../shared/corpora/tempeval3-train/,
the question is which of the sentence's gold time expressions Dateline's
attachment (``extractors.events.attach``: the tree walk, then inheritance
from the governing event) gives that event. Two modes:

* ``recognized``: the predicates are Dateline's own triggers
  (``events.toml``); only links whose EVENT word is one of them are scored;
* ``generic``: every gold EVENT of the sentence is a predicate (noun or
  verb by its part of speech), and every link is scored.

The share is links whose event gets exactly the linked expression; the
baseline printed beside it gives each event the nearest expression of its
sentence. The gold
expressions are given, so the figure measures attachment, not finding.
Only the sentences with such a link are parsed, with the Stanza backend;
their analyses are cached as snapshots under ``bench/out/timebank-snapshots/``.
Parsing all 1,119 such sentences takes over 30 minutes on the shared 2-core
machine, so the reported figure uses a fixed subset: every third document in
path order (``--every 3``, the default); ``--every 1`` scores them all.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from extractors import lexicon  # noqa: E402
from extractors.events.attach import Predicate, attach, governor  # noqa: E402
from extractors.events.cues import DateCues  # noqa: E402
from extractors.events.triggers import find_triggers  # noqa: E402
from extractors.records import Article, Span  # noqa: E402

CORPUS = next((p / "shared" / "corpora" / "tempeval3-train" for p in HERE.parents[1:3]
               if (p / "shared" / "corpora" / "tempeval3-train").is_dir()), HERE.parents[1] / "shared" / "corpora" / "tempeval3-train")
SNAPSHOTS = HERE / "out" / "timebank-snapshots"
#: Relations that say the event happens at or within the time.
INCLUSION = ("IS_INCLUDED", "INCLUDES", "DURING", "SIMULTANEOUS", "BEGINS", "ENDS", "BEGUN_BY", "ENDED_BY", "IDENTITY")


@dataclass(frozen=True)
class Link:
    event: Span
    timex: Span
    rel: str


def read(path: Path) -> tuple[str, list[Span], dict[str, Span], list[Link]]:
    """Text, event spans, DATE/TIME timex spans by id, and event–timex links."""
    root = ET.parse(path).getroot()
    pieces: list[str] = []
    events: dict[str, Span] = {}
    timexes: dict[str, Span] = {}

    def walk(node):
        pieces.append(node.text or "")
        for child in node:
            start = sum(map(len, pieces))
            walk(child)
            end = sum(map(len, pieces))
            if child.tag == "EVENT":
                events[child.get("eid")] = Span(start, end)
            elif child.tag == "TIMEX3" and child.get("type") in ("DATE", "TIME"):
                timexes[child.get("tid")] = Span(start, end)
            pieces.append(child.tail or "")

    walk(root.find("TEXT"))
    instance = {m.get("eiid"): m.get("eventID") for m in root.iter("MAKEINSTANCE")}
    links = []
    for t in root.iter("TLINK"):
        ei = t.get("eventInstanceID") or t.get("relatedToEventInstance")
        tid = t.get("timeID") or t.get("relatedToTime")
        if ei and tid and not (t.get("eventInstanceID") and t.get("relatedToEventInstance")):
            eid = instance.get(ei)
            if eid in events and tid in timexes:
                links.append(Link(events[eid], timexes[tid], t.get("relType", "")))
    return "".join(pieces), list(events.values()), timexes, links


def sentences(text: str) -> list[Span]:
    """Rough sentences (to pick what to parse): ends at . ! ? before a space and a capital, or a blank line."""
    spans, start = [], 0
    for m in re.finditer(r"[.!?][\"')]*\s+(?=[A-Z\"'(])|\n\s*\n", text):
        spans.append(Span(start, m.end()))
        start = m.end()
    spans.append(Span(start, len(text)))
    return [s for s in spans if text[s.start:s.end].strip()]


def shifted(span: Span, by: int) -> Span:
    return Span(span.start - by, span.end - by)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--every", type=int, default=3, help="every K-th document in path order (1: all)")
    parser.add_argument("--limit-docs", type=int, default=0, help="first N documents of those only (0: all)")
    args = parser.parse_args()
    from extractors.nlp import SnapshotBackend
    from flows.resources import default_backend

    started = time.perf_counter()
    files = sorted(args.corpus.rglob("*.tml"))[:: args.every][: args.limit_docs or None]
    units = []  # (sentence text, events, timexes, links) with offsets into the sentence
    for path in files:
        text, events, timexes, links = read(path)
        for s in sentences(text):
            inside = [k for k in links if s.contains(k.event) and s.contains(k.timex)]
            if inside:
                units.append((path.name, text[s.start:s.end], [shifted(e, s.start) for e in events if s.contains(e)],
                              [shifted(t, s.start) for t in timexes.values() if s.contains(t)],
                              [Link(shifted(k.event, s.start), shifted(k.timex, s.start), k.rel) for k in inside]))
    backend = SnapshotBackend(SNAPSHOTS, recorder=default_backend())
    articles = [Article(f"{name}:{i}", sent, "", name, "en", "metadata", date(2000, 1, 1), "metadata") for i, (name, sent, *_ ) in enumerate(units)]
    analyses = backend.analyze(articles)
    lex = {**lexicon.load("en", "events"), "lang": "en"}
    counts: Counter = Counter()
    for (name, sent, events, timexes, links), analysis in zip(units, analyses):
        for k in links:
            sentence = next((s for s in analysis.sentences if s.span.contains(k.event) and s.span.contains(k.timex)), None)
            if sentence is None:
                counts["split by the parser"] += 1
                continue
            words = list(sentence.words)
            spans = [t for t in timexes if sentence.span.contains(t)]
            at = _word_at(words, k.event)
            if at is None:
                counts["event word not found"] += 1
                continue
            for mode in ("recognized", "generic"):
                predicates = _predicates(mode, words, events, sentence.span, lex)
                n = next((i for i, p in enumerate(predicates) if p.position == at), None)
                if n is None:
                    continue
                got = _attached(words, predicates, spans, n, DateCues.of(lex["dates"]))
                group = "inclusion" if k.rel in INCLUSION else "other"
                for key in (mode, f"{mode} {group}"):
                    counts[f"{key} scored"] += 1
                    counts[f"{key} right"] += got == k.timex
                    counts[f"{key} none"] += got is None
                    nearest = min(spans, key=lambda t: abs(t.start - k.event.start))
                    counts[f"{key} nearest"] += nearest == k.timex
    print(f"{len(files)} documents (every {args.every}), {len(units)} sentences with a same-sentence EVENT–TIMEX3 (DATE/TIME) link, "
          f"{sum(len(u[4]) for u in units)} links; parser split {counts['split by the parser']}, "
          f"event word not found {counts['event word not found']}; {time.perf_counter() - started:.0f} s")
    for key in ("recognized", "recognized inclusion", "recognized other", "generic", "generic inclusion", "generic other"):
        scored = counts[f"{key} scored"]
        if scored:
            print(f"{key:<22} links {scored:>5}  linked timex attached {100 * counts[f'{key} right'] / scored:5.1f}%  "
                  f"nothing attached {100 * counts[f'{key} none'] / scored:5.1f}%  "
                  f"(baseline, nearest expression: {100 * counts[f'{key} nearest'] / scored:5.1f}%)")


def _word_at(words, span: Span) -> int | None:
    return next((i for i, w in enumerate(words) if w.span.start < span.end and span.start < w.span.end), None)


def _predicates(mode: str, words, events: list[Span], sentence: Span, lex: dict) -> list[Predicate]:
    statements = {w for w in lex["types"]["announcement"]["verbs"]}
    if mode == "recognized":
        return [Predicate(p, noun, t == "announcement") for p, t, noun in find_triggers(words, lex)]
    found = []
    for e in events:
        if sentence.contains(e):
            at = _word_at(words, e)
            if at is not None:
                found.append(Predicate(at, words[at].upos in ("NOUN", "PROPN"), (words[at].lemma or "") in statements))
    return found


def _attached(words, predicates: list[Predicate], spans: list[Span], n: int, cues: DateCues = DateCues()) -> Span | None:
    """The expression attachment gives predicate ``n``: its own, else its governor's."""
    owner = attach(words, predicates, spans, cues=cues)
    mine = {p: spans[t] for t, p in owner.items()}
    seen = set()
    while n is not None and n not in seen:
        if n in mine:
            return mine[n]
        seen.add(n)
        n = governor(words, predicates, n)
    return None


if __name__ == "__main__":
    main()
