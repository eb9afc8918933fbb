"""Cluster evaluation on annotated article pairs (``bench/cluster_gold``).

Every article of the 87 pairs (43 the same event, 44 near misses; English
and Arabic) goes through the real pipeline (Stanza models) into a temporary
database, in batches as ``dateline run`` writes them, and the flow's
clustering step runs after each batch. For each pair, the annotated event of
each article is looked up among the extracted events (same type family, the
annotated trigger, else the annotated actor); the pair is predicted "same"
when both are found and share a cluster (when an article has several
mentions that fit the annotation, any of them).

Pairwise precision = same-predicted pairs that are same / same-predicted
pairs; recall = same pairs predicted same / same pairs. Recall given both
events found isolates the clustering from event extraction misses.
Run: ``python bench/eval_clusters.py [--show]`` (STANZA_RESOURCES_DIR set).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import corpus_articles  # noqa: E402
from extractors.clusters.criteria import family, same_name  # noqa: E402
from extractors.entities import canonical  # noqa: E402

PAIRS = HERE / "cluster_gold" / "pairs.jsonl"


def find_events(gold: dict, lang: str, events: list[tuple]) -> list[tuple]:
    """The extracted events the annotation may name: same family and trigger
    (then actor), else same family and actor. Several when the article has
    several such mentions (three statements "told" by one minister)."""
    names = [canonical(n, lang) for n in (gold.get("actor"), gold.get("counterpart")) if n]
    same_family = [e for e in events if family(e[1]) == family(gold["type"])]

    def actor_ok(e):
        return any(same_name(n, x) for n in names for x in (e[3], e[4]) if x)

    by_trigger = [e for e in same_family if e[2] == gold["trigger"] or gold["trigger"] in (e[2] or "")]
    for candidates in ([e for e in by_trigger if actor_ok(e)], by_trigger, [e for e in same_family if actor_ok(e)]):
        if candidates:
            return candidates
    return []


def _recode(result) -> float:
    """Seconds to code the batch's articles again, with every index already
    built: the steady cost per article (the first batch also builds them)."""
    from extractors.coding import code_article

    by_id = {a.article_id: a for a in result.articles}
    events: dict[str, list] = {}
    for e in result.events:
        events.setdefault(e.article_id, []).append(e)
    start = time.perf_counter()
    for analysis in result.analyses:
        code_article(by_id[analysis.article_id], analysis, events.get(analysis.article_id, []))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print every pair with its verdict")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--db", type=Path, help="keep the database here; if it exists, only re-cluster its events (fast)")
    args = parser.parse_args()
    from extractors.store import Store
    from flows.clusters import cluster_new_events

    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines()]
    ids = sorted({p[s]["article"] for p in pairs for s in ("a", "b")})
    articles = corpus_articles.load(ids)
    ordered = sorted(articles.values(), key=lambda a: (a.published, a.article_id))
    batches = [ordered[i : i + args.batch_size] for i in range(0, len(ordered), args.batch_size)]
    timings, cluster_s = Counter(), 0.0
    reuse = args.db is not None and args.db.exists()
    with tempfile.TemporaryDirectory() as tmp, Store(args.db or Path(tmp) / "eval.duckdb") as store:
        store.migrate()
        if reuse:
            store.query("UPDATE events SET cluster_id = NULL")
            store.query("DELETE FROM event_clusters")
        for batch in batches:
            if not reuse:
                result = corpus_articles.process(batch)
                timings.update(result.timings)
                store.write_batch(result.frames(), [])
                timings["coding_warm"] += _recode(result)
            start = time.perf_counter()
            cluster_new_events(store, [a.article_id for a in batch])
            cluster_s += time.perf_counter() - start
        rows = store.query("SELECT article_id, type, trigger, actor_resolved, counterpart_resolved, cluster_id, event_id FROM events")
        n_clusters = store.query("SELECT count(*), count(*) FILTER (WHERE n_articles > 1) FROM event_clusters")[0]
        if args.show:
            from extractors.store.clusters import cluster_inputs

            described = {e.event_id: e for e in cluster_inputs(store, [a.article_id for a in ordered])[0]}
    events: dict[str, list[tuple]] = {}
    for row in rows:
        events.setdefault(row[0], []).append(row)
    score = Counter()
    for pair in pairs:
        found = [find_events(pair[s], pair["lang"], events.get(pair[s]["article"], [])) for s in ("a", "b")]
        both = all(found)
        together = both and bool({e[5] for e in found[0]} & {e[5] for e in found[1]})
        key = pair["label"]
        score[f"{key}_pairs"] += 1
        score[f"{key}_found"] += both
        score[f"{key}_together"] += together
        score[f"{pair['lang']}_{key}_pairs"] += 1
        score[f"{pair['lang']}_{key}_together"] += together
        if args.show:
            print(f"{pair['pair_id']} {key:9} {pair['lang']} {'found' if both else 'MISSED':6} {'SAME-CLUSTER' if together else 'apart':12} {pair['why'][:70]}")
            for f in found:
                for e in (described[x[6]] for x in f[:2]):
                    print(f"      {e.type} {e.modality} {e.date_start}..{e.date_end} {e.granularity} pub {e.published} {e.parties} {e.places} {e.countries}")
    tp, fp = score["same_together"], score["near_miss_together"]
    print(f"pairs: {score['same_pairs']} same, {score['near_miss_pairs']} near misses; {len(articles)} articles, "
          f"{n_clusters[0]} clusters ({n_clusters[1]} with 2+ articles)")
    print(f"precision: {tp}/{tp + fp} = {tp / max(1, tp + fp):.2f}")
    print(f"recall: {tp}/{score['same_pairs']} = {tp / max(1, score['same_pairs']):.2f}"
          f"  (given both events extracted: {tp}/{score['same_found']} = {tp / max(1, score['same_found']):.2f})")
    print(f"near misses kept apart: {score['near_miss_pairs'] - fp}/{score['near_miss_pairs']}"
          f" ({score['near_miss_found']} with both events extracted)")
    for lang in ("en", "ar"):
        s, n = score[f"{lang}_same_together"], score[f"{lang}_near_miss_together"]
        print(f"  {lang}: same together {s}/{score[f'{lang}_same_pairs']}, near misses together {n}/{score[f'{lang}_near_miss_pairs']}")
    per = len(articles)
    if reuse:
        print(f"re-clustered the events of {args.db}: clustering {1000 * cluster_s / per:.1f} ms per article")
        return
    print(f"cost per article: coding {1000 * timings['coding'] / per:.1f} ms (indexes built: {1000 * timings['coding_warm'] / per:.1f} ms), clustering {1000 * cluster_s / per:.1f} ms, "
          f"entities {1000 * timings['entities'] / per:.1f} ms, nlp {1000 * timings['nlp'] / per:.0f} ms")


if __name__ == "__main__":
    main()
