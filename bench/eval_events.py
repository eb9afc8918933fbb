"""Precision and recall of event extraction on hand-annotated real news.

    python bench/eval_events.py [--lang en|ar] [--split dev|test] [--show-errors]

Gold: ``bench/events_gold/<split>/*.expected.json`` (format of the seed
annotation; guidelines and matching rules in bench/README.md). Two splits:
``dev``, the 34 articles the rules were developed on (look at its errors),
and ``test``, annotated later and scored only to report (never tune on it;
``--show-errors`` is refused there). An empty split is reported as such.
The analyses are cached as snapshots under ``bench/out/event-snapshots/``
(Stanza runs once per text), so a re-run costs the extractors alone. Articles are read from
../shared/corpora by id through ``extractors.ingest`` — the corpus text is
never copied into the repository. The matching functions take plain gold
dicts and ``Event`` records so that tests/test_eval_events.py can check them
on hand-made pairs without any model.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run as a script from anywhere: import this checkout

from extractors.entities import canonical  # noqa: E402
from extractors.records import Article, Event  # noqa: E402

GOLD = HERE / "events_gold"
SPLITS = ("dev", "test")
SNAPSHOTS = HERE / "out" / "event-snapshots"
#: ../shared/corpora beside the checkout (a worktree one level deeper looks one further up).
CORPORA = next((p / "shared" / "corpora" for p in HERE.parents[1:3] if (p / "shared" / "corpora").is_dir()), HERE.parents[1] / "shared" / "corpora")
ARGUMENTS = ("counterpart", "origin", "destination", "location")


def load_gold(lang: str | None = None, folder: Path = GOLD / "dev") -> list[dict]:
    """Every annotated article of a split folder, optionally of one language."""
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.expected.json"))]
    return [d for d in docs if lang in (None, d["lang"])]


def load_articles(docs: Sequence[dict], corpora: Path = CORPORA) -> dict[str, Article]:
    """The annotated articles, ingested the way ``dateline`` ingests a JSONL drop."""
    from extractors.ingest import read_articles

    wanted = {d["article"] for d in docs}
    with tempfile.TemporaryDirectory() as tmp:
        drop = Path(tmp) / "gold.jsonl"
        with drop.open("w", encoding="utf-8") as out:
            for corpus in sorted({d["corpus"] for d in docs}):
                with open(corpora / corpus, encoding="utf-8") as fh:
                    out.writelines(line for line in fh if json.loads(line)["id"] in wanted)
        articles = {a.article_id: a for a in read_articles(drop) if isinstance(a, Article)}
    missing = wanted - articles.keys()
    if missing:
        raise SystemExit(f"articles not found in {corpora}: {', '.join(sorted(missing))}")
    return articles


# ---- matching ---------------------------------------------------------------

def _keys(values: Iterable[str | None], lang: str) -> list[tuple[str, ...]]:
    return [tuple(canonical(v, lang).split()) for v in values if v and canonical(v, lang)]


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    n = len(inner)
    return any(outer[i:i + n] == inner for i in range(len(outer) - n + 1))


def same_name(gold_names: Iterable[str | None], predicted: Iterable[str | None], lang: str) -> bool:
    """Canonical forms equal, or one a run of whole words of the other.

    Whole words, so that "US" does not match "Russia" and "pct" no actor.
    """
    golds, preds = _keys(gold_names, lang), _keys(predicted, lang)
    return any(_contains(g, p) or _contains(p, g) for g in golds for p in preds)


def actor_names(gold: dict) -> list[str | None]:
    return [gold.get("actor"), gold.get("actor_resolves_to"), *gold.get("actor_alt", [])]


def same_actor(gold: dict, event: Event, lang: str) -> bool:
    """Actors agree; a meeting is symmetric, so its two sides may be swapped.

    A gold event without an actor is identified by its trigger instead.
    """
    if not gold.get("actor"):
        return same_name([gold.get("trigger")], [event.trigger], lang)
    predicted = (event.actor, event.actor_resolved)
    if same_name(actor_names(gold), predicted, lang):
        return True
    if gold["type"] != "meeting":
        return False
    other = (event.counterpart, event.counterpart_resolved)
    return same_name([gold.get("counterpart")], predicted, lang) or same_name(actor_names(gold), other, lang)


def matches(gold: dict, event: Event, lang: str) -> bool:
    """The "type+actor" level: same type and the same actor."""
    return gold["type"] == event.type and same_actor(gold, event, lang)


def full_match(gold: dict, event: Event) -> bool:
    """The "type+actor+date" level: a gold date must also be predicted."""
    return gold.get("date") is None or gold["date"] == event.date


def forbidden_hit(gold: dict, event: Event, lang: str) -> bool:
    """A reading the annotation rules out: same type, actor (or trigger),
    modality (asserted unless said), and no date or place that differs from
    one the entry gives. A prediction that leaves the date or a place empty is
    still the forbidden reading: an undated wrong departure is wrong."""
    if gold["type"] != event.type or event.modality != gold.get("modality", "asserted"):
        return False
    if gold.get("date") and event.date and gold["date"] != event.date:
        return False
    for arg in ARGUMENTS:
        if gold.get(arg) and getattr(event, arg) and not same_name([gold[arg]], [getattr(event, arg)], lang):
            return False
    by_trigger = gold.get("trigger") and same_name([gold["trigger"]], [event.trigger], lang)
    return bool(by_trigger) or (bool(gold.get("actor")) and same_actor(gold, event, lang))


def _fit(gold: dict, event: Event, lang: str) -> int:
    """How well a matching prediction fits: ties between gold events of one
    actor (a planned and a past visit) go to the one with the same details,
    then to the one with the gold trigger."""
    places = sum(bool(gold.get(a)) and same_name([gold[a]], [getattr(event, a)], lang) for a in ARGUMENTS)
    trigger = bool(gold.get("trigger")) and same_name([gold["trigger"]], [event.trigger], lang)
    return 2 * (gold.get("date") == event.date) + (gold.get("modality", "asserted") == event.modality) + places + trigger


# ---- scoring ------------------------------------------------------------------

def score_article(doc: dict, events: Sequence[Event]) -> tuple[dict[str, Counter], list[str]]:
    """Per-type counts for one article and its error lines.

    Counts: ``tp`` (type+actor), ``tp_full`` (also the gold date), ``fp``,
    ``fn``, ``forbidden`` (fp that hit a forbidden reading), ``dup`` (a second
    prediction of an already matched event), ``optional`` (absorbed),
    ``modality_ok`` and ``spurious_date`` (a date on a matched event the text
    leaves undated).
    """
    lang, required = doc["lang"], doc["required"]
    tally: dict[str, Counter] = defaultdict(Counter)
    errors: list[str] = []
    forbidden = [any(forbidden_hit(g, e, lang) for g in doc.get("forbidden", [])) for e in events]
    matched = _align(required, events, forbidden, lang)
    by_event = {id(e): i for i, e in matched.items()}
    for event, is_forbidden in zip(events, forbidden):
        c = tally[event.type]
        if is_forbidden:
            c["fp"] += 1
            c["forbidden"] += 1
            errors.append(f"FORBIDDEN {_show(event)}")
        elif id(event) in by_event:
            _count_match(c, required[by_event[id(event)]], event)
        elif any(matches(g, event, lang) for g in required):
            c["dup"] += 1
            errors.append(f"DUP {_show(event)}")
        elif any(matches(g, event, lang) for g in doc.get("optional", [])):
            c["optional"] += 1
        else:
            c["fp"] += 1
            errors.append(f"FP  {_show(event)}")
    for i, gold in enumerate(required):
        if i not in matched:
            tally[gold["type"]]["fn"] += 1
            errors.append(f"FN  {gold['type']:<12} {gold.get('trigger')} | {gold.get('actor')} | {gold.get('date')} {gold.get('modality', 'asserted')}")
        else:
            errors.extend(_attribute_errors(gold, matched[i]))
    return tally, errors


def _align(required: Sequence[dict], events: Sequence[Event], forbidden: Sequence[bool], lang: str) -> dict[int, Event]:
    """Gold event → the prediction it is matched with: the best-fitting pairs
    first (:func:`_fit`, then text order), each side used once, so that a
    prediction matching a gold event only through an alternative actor does
    not take it from the prediction that also has its date and trigger."""
    pairs = sorted(((-_fit(g, e, lang), k, i) for i, g in enumerate(required) for k, e in enumerate(events)
                    if not forbidden[k] and matches(g, e, lang)))
    matched: dict[int, Event] = {}
    used: set[int] = set()
    for _, k, i in pairs:
        if i not in matched and k not in used:
            matched[i] = events[k]
            used.add(k)
    return matched


def _count_match(c: Counter, gold: dict, event: Event) -> None:
    c["tp"] += 1
    c["tp_full"] += full_match(gold, event)
    c["modality_ok"] += event.modality == gold.get("modality", "asserted")
    c["spurious_date"] += gold.get("date") is None and event.date is not None
    c["date_ok"] += gold.get("date") == event.date


def _attribute_errors(gold: dict, event: Event) -> list[str]:
    wrong = []
    if event.date != gold.get("date"):
        wrong.append(f"date {event.date} ({event.date_text}) vs {gold.get('date')} ({gold.get('date_text')})")
    if event.modality != gold.get("modality", "asserted"):
        wrong.append(f"modality {event.modality} vs {gold.get('modality', 'asserted')}")
    return [f"ATT {gold['type']:<12} {gold.get('trigger')} | {gold.get('actor')}: " + "; ".join(wrong)] if wrong else []


def _show(event: Event) -> str:
    actor = " ".join((event.actor or "-").split())
    return f"{event.type:<12} {event.trigger} | {actor} | {event.date} {event.modality}"


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def full_prf(c: Counter) -> tuple[float, float, float]:
    """P/R/F1 when a match without the gold date counts as a miss and a false alarm."""
    wrong_date = c["tp"] - c["tp_full"]
    return prf(c["tp_full"], c["fp"] + wrong_date, c["fn"] + wrong_date)


# ---- running ------------------------------------------------------------------

def run(docs: Sequence[dict], articles: dict[str, Article], show_errors: bool) -> tuple[dict, tuple[float, str]]:
    """Extract every article (one at a time, to time each) and score it."""
    from extractors.nlp import SnapshotBackend
    from extractors.pipeline import process_batch
    from flows.resources import default_backend

    backend = SnapshotBackend(SNAPSHOTS, recorder=default_backend())
    groups: dict[str, Counter] = defaultdict(Counter)
    slowest = (0.0, "")
    for doc in docs:
        article = articles[doc["article"]]
        start = time.perf_counter()
        result = process_batch([article], backend)  # the production path, stage by stage
        for error in result.errors:  # scored as no events, but never silently
            print(f"FAILED {article.article_id}: {error.reason}: {error.detail}", file=sys.stderr)
        events = result.events
        slowest = max(slowest, (time.perf_counter() - start, article.article_id))
        tally, errors = score_article(doc, events)
        for type_, c in tally.items():
            for key in (f"{doc['lang']} {type_}", f"{doc['lang']} all", "all"):
                groups[key].update(c)
        if show_errors:
            for line in errors:
                print(f"{doc['article']:<40} {line}")
    return groups, slowest


def date_accuracy(c: Counter) -> float:
    """Share of events matched on type and actor whose date is right (gold date,
    or none when the gold has none)."""
    return c["date_ok"] / c["tp"] if c["tp"] else 0.0


def report(groups: dict[str, Counter], n_docs: int, slowest: tuple[float, str], seconds: float, split: str = "dev") -> None:
    print(f"[{split}] {n_docs} articles. match: same type and actor; full: also the gold date when there is one")
    print(f"{'group':<18}{'gold':>5}{'pred':>5}{'P':>7}{'R':>7}{'F1':>7}{'P full':>8}{'R full':>8}{'F1 full':>8}"
          f"{'modal.':>7}{'dup':>5}{'forb.':>6}{'spur.date':>10}{'date acc':>9}{'F1 +dup':>8}")
    for name in sorted(groups, key=lambda k: (k == "all", k.split()[0], k.endswith(" all"), k)):
        c = groups[name]
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        pf, rf, ff = full_prf(c)
        modal = c["modality_ok"] / c["tp"] if c["tp"] else 0.0
        print(f"{name:<18}{c['tp'] + c['fn']:>5}{c['tp'] + c['fp']:>5}{100 * p:>7.1f}{100 * r:>7.1f}{100 * f:>7.1f}"
              f"{100 * pf:>8.1f}{100 * rf:>8.1f}{100 * ff:>8.1f}{100 * modal:>7.1f}{c['dup']:>5}{c['forbidden']:>6}"
              f"{c['spurious_date']:>10}{100 * date_accuracy(c):>9.1f}{100 * prf(c['tp'], c['fp'] + c['dup'], c['fn'])[2]:>8.1f}")
    print(f"pred counts matched + false positives (duplicates and optional matches apart; 'F1 +dup' counts "
          f"each duplicate as a false positive); date acc: right date (or rightly none) over matched events; "
          f"slowest article {slowest[1]} {slowest[0]:.2f} s; total {seconds:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("en", "ar"))
    parser.add_argument("--split", choices=SPLITS, help="score one split (default: both)")
    parser.add_argument("--show-errors", action="store_true", help="list FP/FN/attribute errors per article (dev only)")
    args = parser.parse_args()
    for split in (args.split,) if args.split else SPLITS:
        start = time.perf_counter()
        docs = load_gold(args.lang, GOLD / split)
        if not docs:
            print(f"[{split}] no gold files in {GOLD / split}")
            continue
        groups, slowest = run(docs, load_articles(docs), args.show_errors and split == "dev")
        report(groups, len(docs), slowest, time.perf_counter() - start, split)


if __name__ == "__main__":
    main()
