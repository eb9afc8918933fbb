"""Words per second: Stanza alone vs Dateline's NLP layer, on the same texts.

    STANZA_RESOURCES_DIR=../shared/stanza_resources .venv/bin/python bench/nlp_speed.py --per-lang 50

For each language, the same articles (the first N of the corpus with at least
``--min-chars`` characters) go through

1. **stanza**: the cached pipeline's ``bulk_process`` on the layer's chunks, the
   baseline;
2. **layer**: ``StanzaBackend.analyze`` + the entity stage end to end (chunking, Stanza, records,
   span repair, gazetteer, organizations, linking);

and the layer's own work is also timed on its own, on the Stanza documents of
run 1 (``records`` = Stanza → frozen records, ``entities`` = the entity layer).
Model loading, the gazetteer build and torch's warm-up (the first passes over
new input shapes run several times slower) happen in one untimed pass first;
then the two runs alternate ``--repeat`` times and the fastest of each counts. Corpora are read from ``../shared/corpora`` and never copied.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors import entities  # noqa: E402
from extractors.nlp import DOCS_PER_CALL, StanzaBackend, chunk_text  # noqa: E402
from extractors.nlp.stanza_docs import records  # noqa: E402
from extractors.records import Article  # noqa: E402

CORPORA = {"en": "reuters21578-en.jsonl", "ar": "ant-ar.jsonl"}


def load(corpus: Path, n: int, min_chars: int) -> list[Article]:
    """The first ``n`` articles of a JSONL corpus with enough text."""
    articles = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            text = record.get("text") or ""
            if len(text) >= min_chars:
                published = date.fromisoformat(record["published"]) if record.get("published") else None
                articles.append(Article(record["id"], text, "", str(corpus), record["lang"], "metadata", published, "metadata"))
            if len(articles) == n:
                break
    return articles


def stanza_alone(engine: StanzaBackend, lang: str, articles: list[Article]) -> tuple[float, list, int]:
    nlp = engine.pipeline(lang)
    chunks = [c for i, a in enumerate(articles) for c in chunk_text(i, a.text, engine.max_chunk_chars)]
    docs = []
    start = time.perf_counter()
    for k in range(0, len(chunks), DOCS_PER_CALL):
        docs += nlp.bulk_process([c.text for c in chunks[k : k + DOCS_PER_CALL]])
    elapsed = time.perf_counter() - start
    return elapsed, list(zip(chunks, docs)), sum(d.num_words for d in docs)


def analyze(engine: StanzaBackend, articles: list[Article]) -> None:
    """The NLP stage and the entity stage, as the pipeline runs them."""
    for article, analysis in zip(articles, engine.analyze(articles)):
        entities.resolve(analysis, article.text)


def post_processing(lang: str, articles: list[Article], chunk_docs: list) -> tuple[float, float]:
    """Seconds spent turning Stanza documents into records, then in the entity layer."""
    sentences = [[] for _ in articles]
    raw = [[] for _ in articles]
    start = time.perf_counter()
    for chunk, doc in chunk_docs:
        sents, ents = records(doc, articles[chunk.article_index].text, chunk.offset, len(sentences[chunk.article_index]))
        sentences[chunk.article_index] += sents
        raw[chunk.article_index] += ents
    records = time.perf_counter() - start
    start = time.perf_counter()
    for i, article in enumerate(articles):
        entities.finalize(raw[i], sentences[i], article.text, lang)
    return records, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-lang", type=int, default=50, help="articles per language (default 50)")
    parser.add_argument("--min-chars", type=int, default=300)
    parser.add_argument("--langs", nargs="+", default=["en", "ar"])
    parser.add_argument("--repeat", type=int, default=2, help="alternating runs of each; the fastest counts (shared CPUs are noisy)")
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()

    engine = StanzaBackend()
    print(f"model directory: {engine.directory}")
    print(f"{'lang':<5}{'articles':>9}{'words':>8}{'stanza w/s':>12}{'layer w/s':>11}{'overhead':>10}{'records s':>11}{'entities s':>12}{'own work':>9}")
    for lang in args.langs:
        articles = load(args.corpora / CORPORA[lang], args.per_lang, args.min_chars)
        start = time.perf_counter()
        analyze(engine, articles)  # load the pipeline, build the gazetteer, warm torch's kernels: untimed
        warmup = time.perf_counter() - start
        stanza_s = layer_s = float("inf")
        for _ in range(args.repeat):
            seconds, chunk_docs, words = stanza_alone(engine, lang, articles)
            stanza_s = min(stanza_s, seconds)
            start = time.perf_counter()
            analyze(engine, articles)
            layer_s = min(layer_s, time.perf_counter() - start)
        records_s, entities_s = post_processing(lang, articles, chunk_docs)
        own = (records_s + entities_s) / stanza_s
        print(f"{lang:<5}{len(articles):>9}{words:>8}{words / stanza_s:>12.0f}{words / layer_s:>11.0f}"
              f"{layer_s / stanza_s:>9.2f}x{records_s:>11.2f}{entities_s:>12.2f}{own:>9.1%}   (load + warm-up {warmup:.1f}s)")
    print("overhead = best layer time / best Stanza time on the same texts (includes CPU noise);")
    print("own work = (records + entities seconds) / Stanza seconds: the layer's cost measured without Stanza")


if __name__ == "__main__":
    main()
