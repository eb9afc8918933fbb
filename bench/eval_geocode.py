"""Geocoding precision on the place arguments of the annotated articles.

The places are every origin, destination and location of the events gold
(``bench/events_gold/**``) and every ``place`` of the cluster gold pairs
(``bench/cluster_gold/pairs.jsonl``); ``bench/geocode_gold.jsonl`` says, by
hand, which country (and, for a city, which GeoNames place) each one is, or
that it is no place ("mining ministry"). Each name is geocoded the way the
pipeline does it: together with the places the real pipeline (Stanza models)
finds in the same article, which settle ambiguous names.

Prints coverage (names geocoded / names that are places) and precision
(geocoded names whose country, resp. city, is right / geocoded names).
Run: ``python bench/eval_geocode.py [--show]`` (STANZA_RESOURCES_DIR set).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import corpus_articles  # noqa: E402
from extractors.entities.geocode import geocode_names  # noqa: E402

TRUTH = HERE / "geocode_gold.jsonl"


def gold_places() -> list[dict]:
    """(article, place name, where it was annotated), without repeats."""
    found: dict[tuple[str, str], str] = {}
    for path in sorted((HERE / "events_gold").rglob("*.expected.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for event in doc.get("required", []) + doc.get("optional", []):
            for role in ("origin", "destination", "location"):
                if event.get(role):
                    found.setdefault((doc["article"], event[role]), f"events_gold:{role}")
    for line in (HERE / "cluster_gold" / "pairs.jsonl").read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        for side in ("a", "b"):
            if pair[side].get("place"):
                found.setdefault((pair[side]["article"], pair[side]["place"]), "cluster_gold:place")
    return [{"article": a, "text": t, "from": w} for (a, t), w in found.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print every name with its geocode")
    parser.add_argument("--no-context", action="store_true", help="geocode each name alone (no article context)")
    args = parser.parse_args()
    truth = {(t["article"], t["text"]): t for t in map(json.loads, TRUTH.read_text(encoding="utf-8").splitlines())}
    places = gold_places()
    unjudged = [p for p in places if (p["article"], p["text"]) not in truth]
    if unjudged:
        raise SystemExit(f"{len(unjudged)} place names lack a hand judgement in {TRUTH.name}: {unjudged[:3]}")
    articles = corpus_articles.load({p["article"] for p in places})
    context = {}
    if not args.no_context:
        result = corpus_articles.process(articles.values())
        context = {an.article_id: [e.text for e in an.entities if e.label == "LOC"] for an in result.analyses}
    counts = dict(places=0, geocoded=0, country_ok=0, cities=0, city_ok=0, non_places=0, non_places_geocoded=0)
    for p in places:
        t, article = truth[(p["article"], p["text"])], articles[p["article"]]
        found = geocode_names([*context.get(p["article"], []), p["text"]], article.lang).get(p["text"])
        counts["places" if t["country"] else "non_places"] += 1
        if found is None:
            verdict = "-"
        elif not t["country"]:
            counts["non_places_geocoded"] += 1
            verdict = "WRONG (no place)"
        else:
            counts["geocoded"] += 1
            ok = found.place.country_code == t["country"]
            counts["country_ok"] += ok
            if t["place"] and found.place.kind == "city":
                counts["cities"] += 1
                counts["city_ok"] += found.place.name == t["place"]
                ok = ok and found.place.name == t["place"]
            verdict = "ok" if ok else "WRONG"
        if args.show:
            shown = f"{found.place.name} {found.place.country_code} {found.place.kind} ({found.method})" if found else "unresolved"
            print(f"{verdict:17} {p['article']:40} {p['text']:24} → {shown}")
    geocoded = counts["geocoded"] + counts["non_places_geocoded"]
    print(f"place names: {counts['places']} (+{counts['non_places']} that are no place), from {len(articles)} articles")
    print(f"coverage: {counts['geocoded']}/{counts['places']} = {counts['geocoded'] / max(1, counts['places']):.2f}")
    print(f"precision (country): {counts['country_ok']}/{geocoded} = {counts['country_ok'] / max(1, geocoded):.2f}")
    print(f"precision (city, where the gold is a city): {counts['city_ok']}/{counts['cities']} = {counts['city_ok'] / max(1, counts['cities']):.2f}")
    print(f"context: {'none' if args.no_context else 'LOC entities of the real pipeline'}")


if __name__ == "__main__":
    main()
