"""Precision and recall of event extraction on hand-annotated real news.

    python bench/eval_events.py [--lang en|ar] [--show-errors]

Gold: ``bench/events_gold/*.expected.json`` (format of the seed annotation;
guidelines in bench/README.md). Articles are read from ../shared/corpora by id
— the corpus text is never copied into the repository. A predicted event
matches a gold one when the type is the same and the actors agree (canonical
forms equal or one containing the other, on the surface or the resolved name);
the "+date" level also needs the same date (null included). A prediction that
matches an already-matched gold event counts as a duplicate (a merging miss),
one that matches an optional event is ignored, any other is a false positive.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from extractors.entities import canonical
from extractors.events import extract_events
from extractors.ingest import normalize
from extractors.nlp import NlpEngine
from extractors.records import Article
from extractors.timex import find_time_expressions

HERE = Path(__file__).resolve().parent
GOLD = HERE / "events_gold"
CORPORA = HERE.parents[1] / "shared" / "corpora"


def load_gold(lang: str | None) -> list[dict]:
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.expected.json"))]
    return [d for d in docs if lang in (None, d["lang"])]


def load_articles(docs: list[dict]) -> dict[str, Article]:
    wanted = {d["article"]: d for d in docs}
    articles = {}
    for corpus in {d["corpus"] for d in docs}:
        with open(CORPORA / corpus, encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                if record["id"] in wanted:
                    text = normalize(record["text"])
                    articles[record["id"]] = Article(
                        record["id"], text, hashlib.sha256(line.encode()).hexdigest(), corpus, record["lang"],
                        "metadata", date.fromisoformat(record["published"]), "metadata", record.get("title"))
    return articles


def names(gold: dict, lang: str) -> list[str]:
    values = [gold.get("actor"), gold.get("actor_resolves_to"), *gold.get("actor_alt", [])]
    return [canonical(v, lang) for v in values if v]


def same_actor(gold: dict, event, lang: str) -> bool:
    predicted = [canonical(v, lang) for v in (event.actor, event.actor_resolved) if v]
    return any(g and p and (g == p or g in p or p in g) for g in names(gold, lang) for p in predicted)


def matches(gold: dict, event, lang: str) -> bool:
    """Same type and actor; meetings are symmetric, so actor and counterpart
    may be swapped."""
    if gold["type"] != event.type:
        return False
    if same_actor(gold, event, lang):
        return True
    if event.type == "meeting" and event.counterpart:
        swapped = type("Swap", (), {"actor": event.counterpart, "actor_resolved": event.counterpart_resolved})
        if same_actor(gold, swapped, lang):
            return True
        if gold.get("counterpart") and same_actor({"actor": gold["counterpart"]}, event, lang):
            return True
    return False


def score(docs: list[dict], articles: dict[str, Article], engine: NlpEngine, show_errors: bool) -> dict:
    tally = defaultdict(Counter)  # key (lang, type) → tp, tp_date, fp, fn, dup, modality_ok, forbidden
    slowest = (0.0, "")
    for doc in docs:
        article = articles[doc["article"]]
        start = time.perf_counter()
        analysis = engine.analyze([article])[0]
        events = extract_events(article, analysis, find_time_expressions(article.text, article.lang, article.published, analysis.sentences))
        slowest = max(slowest, (time.perf_counter() - start, article.article_id))
        _score_article(doc, events, tally, show_errors)
    return tally, slowest


def _score_article(doc, events, tally, show_errors):
    lang, required = doc["lang"], doc["required"]
    matched: dict[int, object] = {}
    for event in events:
        hit = next((i for i, g in enumerate(required) if i not in matched and matches(g, event, lang)), None)
        key = (lang, event.type)
        if hit is not None:
            matched[hit] = event
            gold = required[hit]
            tally[key]["tp"] += 1
            tally[key]["tp_date"] += event.date == gold.get("date")
            tally[key]["modality_ok"] += event.modality == gold.get("modality", "asserted")
        elif any(matches(g, event, lang) for g in required):
            tally[key]["dup"] += 1
        elif any(matches(g, event, lang) for g in doc["optional"]):
            tally[key]["optional"] += 1
        else:
            tally[key]["fp"] += 1
            if any(matches(g, event, lang) and event.modality == "asserted" for g in doc["forbidden"]):
                tally[key]["forbidden"] += 1
            if show_errors:
                print(f"FP  {doc['article']:<36} {event.type:<12} {event.trigger} | {event.actor} | {event.date} {event.modality}")
    for i, gold in enumerate(required):
        if i not in matched:
            tally[(lang, gold["type"])]["fn"] += 1
            if show_errors:
                print(f"FN  {doc['article']:<36} {gold['type']:<12} {gold['trigger']} | {gold['actor']} | {gold.get('date')}")
        elif show_errors and (matched[i].date != gold.get("date") or matched[i].modality != gold.get("modality", "asserted")):
            e = matched[i]
            print(f"ATT {doc['article']:<36} {gold['type']:<12} date {e.date} vs {gold.get('date')}, modality {e.modality} vs {gold.get('modality', 'asserted')}")


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(tally: dict, n_docs: int, slowest) -> None:
    print(f"{n_docs} articles; match = same type and actor; +date = also the same date")
    print(f"{'group':<22}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}{'F1+date':>9}{'modal.':>8}{'dup':>5}")
    groups = defaultdict(Counter)
    for (lang, type_), c in tally.items():
        for key in (f"{lang} {type_}", f"{lang} all", "all"):
            groups[key].update(c)
    for name in sorted(groups, key=lambda k: (k == "all", k.split()[0], k.endswith("all"), k)):
        c = groups[name]
        p, r, f = _prf(c["tp"], c["fp"], c["fn"])
        _, _, fd = _prf(c["tp_date"], c["fp"] + c["tp"] - c["tp_date"], c["fn"] + c["tp"] - c["tp_date"])
        modal = c["modality_ok"] / c["tp"] if c["tp"] else 0.0
        print(f"{name:<22}{c['tp'] + c['fn']:>6}{c['tp'] + c['fp']:>6}{100 * p:>8.1f}{100 * r:>8.1f}{100 * f:>8.1f}{100 * fd:>9.1f}{100 * modal:>8.1f}{c['dup']:>5}")
    forbidden = sum(c["forbidden"] for c in tally.values())
    print(f"forbidden events produced as asserted: {forbidden}; slowest article: {slowest[1]} ({slowest[0]:.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("en", "ar"))
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    docs = load_gold(args.lang)
    tally, slowest = score(docs, load_articles(docs), NlpEngine(), args.show_errors)
    report(tally, len(docs), slowest)


if __name__ == "__main__":
    main()
