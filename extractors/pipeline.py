"""One batch of article files through every stage, with no orchestration.

read (ingest) → NLP (the backend, in bulk) → entities → time expressions →
events → coding (places geocoded, actors coded, CAMEO/PLOVER codes) → frames (store).
One bad article never stops a batch: whatever fails becomes an
:class:`IngestError` with its reason, and the other articles go on. The time
spent in each stage is kept so that benchmarks can show where time goes.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from extractors import entities, ingest
from extractors.coding import code_article
from extractors.events import extract_events
from extractors.nlp import NlpBackend
from extractors.records import Actor, Analysis, Article, Event, IngestError, Place, TimeExpression
from extractors.store import frames as tables
from extractors.timex import find_time_expressions

STAGES = ("ingest", "nlp", "entities", "time", "events", "coding", "tables")


@dataclass
class BatchResult:
    """Everything one batch produced, ready to be written in one transaction."""

    sources: dict[str, str] = field(default_factory=dict)  # path → file sha256
    articles: list[Article] = field(default_factory=list)
    analyses: list[Analysis] = field(default_factory=list)
    times: dict[str, tuple[TimeExpression, ...]] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    source_of: dict[str, str] = field(default_factory=dict)  # article/error location → source path
    timings: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))

    @contextmanager
    def timed(self, stage: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] += time.perf_counter() - start

    def frames(self) -> dict[str, object]:
        with self.timed("tables"):
            stored = {a.article_id for a in self.articles}
            return {
                "sources": self._sources_frame(),
                "articles": tables.articles_frame(self.articles, self.source_of),
                "sentences": tables.sentences_frame(self.analyses),
                "entities": tables.entities_frame(self.analyses),
                "time_expressions": tables.times_frame({k: v for k, v in self.times.items() if k in stored}),
                "events": tables.events_frame(self.events),
                "event_mentions": tables.mentions_frame(self.events),
                "places": tables.places_frame(self.places),
                "actors": tables.actors_frame(self.actors),
                "ingest_errors": tables.errors_frame(self.errors, self.source_of),
            }

    def _sources_frame(self):
        rows = [
            {
                "path": path, "file_sha256": sha,
                "n_articles": sum(1 for a in self.articles if self.source_of[a.path] == path),
                "n_errors": sum(1 for e in self.errors if self.source_of.get(e.path, e.path) == path),
            }
            for path, sha in self.sources.items()
        ]
        return tables.frame("sources", rows)


def run_batch(paths: Sequence[Path], backend: NlpBackend, languages: Sequence[str] | None = None) -> BatchResult:
    """Read and process the files of one batch."""
    result = BatchResult()
    with result.timed("ingest"):
        articles = read_files(paths, result)
    return process_batch(articles, backend, languages, result=result)


def process_batch(
    articles: Sequence[Article],
    backend: NlpBackend,
    languages: Sequence[str] | None = None,
    *,
    result: BatchResult | None = None,
) -> BatchResult:
    """Articles already read → analyses, time expressions and events.

    An article in a language the backend (or ``languages``) does not cover
    becomes an ``unsupported_language`` error, one whose processing raises a
    ``processing`` error; the rest of the batch goes on either way.
    """
    result = result if result is not None else BatchResult()
    for article in articles:
        result.source_of.setdefault(article.path, article.path)
    kept = _select_languages(articles, backend, languages, result)
    process_articles(kept, backend, result)
    return result


def read_files(paths: Sequence[Path], result: BatchResult) -> list[Article]:
    by_id: dict[str, Article] = {}
    for path in paths:
        key = str(path)
        result.sources[key] = ingest.file_sha256(path) if Path(path).exists() else ""
        for item in ingest.read_articles(Path(path)):
            result.source_of[item.path] = key
            if isinstance(item, IngestError):
                result.errors.append(item)
            elif item.article_id in by_id:
                earlier = by_id[item.article_id]
                result.errors.append(IngestError(earlier.path, "duplicate_id", f"article id {item.article_id!r} appears again at {item.path}; the later one is kept", earlier.content_sha256, item.article_id))
                by_id[item.article_id] = item
            else:
                by_id[item.article_id] = item
    return list(by_id.values())


def _select_languages(articles, backend, languages, result) -> list[Article]:
    kept = []
    for a in articles:
        if languages and a.lang not in languages:
            reason = f"language {a.lang or 'unknown'!r} is not among the requested languages ({', '.join(languages)})"
        elif a.lang is None:
            reason = "language could not be detected; add \"lang\" to the article's metadata"
        elif not backend.supports(a.lang):
            reason = f"no Stanza models for language {a.lang!r}; run `dateline models pull {a.lang}`"
        else:
            kept.append(a)
            continue
        result.errors.append(IngestError(a.path, "unsupported_language", reason, a.content_sha256, a.article_id))
    return kept


def process_articles(articles: Sequence[Article], backend: NlpBackend, result: BatchResult) -> None:
    """NLP in bulk, then time and events per article; failures are isolated."""
    with result.timed("nlp"):
        analyses = _analyze_isolated(articles, backend, result)
    for article, analysis in analyses:
        try:
            with result.timed("entities"):
                analysis = entities.resolve(analysis, article.text)
            with result.timed("time"):
                times = find_time_expressions(article.text, analysis.lang, article.published, analysis.sentences)
            with result.timed("events"):
                events = extract_events(article, analysis, times)
            with result.timed("coding"):
                coded = code_article(article, analysis, events)
        except Exception as exc:  # one article's bug must not cost the batch
            result.errors.append(_processing_error(article, exc))
            continue
        result.articles.append(article)
        result.analyses.append(analysis)
        result.times[article.article_id] = times
        result.events.extend(coded.events)
        result.places.extend(coded.places)
        result.actors.extend(coded.actors)


def _analyze_isolated(articles, backend, result) -> list[tuple[Article, Analysis]]:
    """Bulk analysis; if the bulk call fails, retry one by one to find the culprit."""
    try:
        by_id = {an.article_id: an for an in backend.analyze(articles)}
    except Exception:
        pairs = []
        for article in articles:
            try:
                pairs.append((article, backend.analyze([article])[0]))
            except Exception as exc:
                result.errors.append(_processing_error(article, exc))
        return pairs
    missing = [a for a in articles if a.article_id not in by_id]
    for article in missing:  # pair by id: a dropped analysis must not shift the others
        result.errors.append(_processing_error(article, RuntimeError("the NLP backend returned no analysis")))
    return [(a, by_id[a.article_id]) for a in articles if a.article_id in by_id]


def _processing_error(article: Article, exc: Exception) -> IngestError:
    detail = f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
    return IngestError(article.path, "processing", detail, article.content_sha256, article.article_id)
