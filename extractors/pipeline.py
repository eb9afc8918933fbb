"""One batch of article files through every stage, with no orchestration.

read (ingest) → NLP (the backend, in bulk) → entities → time expressions →
events → coding (places geocoded, actors coded, CAMEO/PLOVER codes) → frames (store).
One bad article never stops a batch: whatever fails becomes an
:class:`IngestError` with its reason, and the other articles go on. The time
spent in each stage is kept so that benchmarks can show where time goes.

Nothing is dropped without a row: an article id already used by another file
is refused (``duplicate_id``, naming the file that owns it: here within the
batch, by the writer against the database with ``BatchTables.refuse``), and a file that
cannot be finished now (unreadable, an article waiting for models or outside
``--lang``, an id held by another file) is *pending*: its ``sources`` row has
an empty hash, so the next run tries it again. An article longer than
:data:`ALONE_CHARS` is analysed on its own with a time budget of
``budget_s`` seconds (``too_slow`` when over).
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from extractors import entities, ingest
from extractors.coding import code_article
from extractors.errors import TimeBudgetExceeded
from extractors.events import extract_events
from extractors.nlp import MAX_CHUNK_CHARS, NlpBackend
from extractors.records import Actor, Analysis, Article, Event, IngestError, Place, TimeExpression
from extractors.store import frames as tables
from extractors.store.batch import BatchTables, duplicate_detail
from extractors.timex import find_time_expressions

STAGES = ("ingest", "nlp", "entities", "time", "events", "coding", "tables")
#: Articles longer than this (characters) are analysed one at a time, with a deadline.
ALONE_CHARS = 4 * MAX_CHUNK_CHARS
#: Seconds one long article may take through every stage (``too_slow`` beyond).
DEFAULT_BUDGET_S = 300.0


@dataclass
class BatchResult:
    """Everything one batch produced, as records; :meth:`to_tables` is what
    the batch task returns (the writer takes tables, not records)."""

    sources: dict[str, str] = field(default_factory=dict)  # path → file sha256
    articles: list[Article] = field(default_factory=list)
    analyses: list[Analysis] = field(default_factory=list)
    times: dict[str, tuple[TimeExpression, ...]] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    source_of: dict[str, str] = field(default_factory=dict)  # article/error location → source path
    pending: set[str] = field(default_factory=set)  # source paths the next run must try again
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
                "path": path, "file_sha256": "" if path in self.pending else sha,
                "n_articles": sum(1 for a in self.articles if self.source_of[a.path] == path),
                "n_errors": sum(1 for e in self.errors if self.source_of.get(e.path, e.path) == path),
            }
            for path, sha in self.sources.items()
        ]
        return tables.frame("sources", rows)

    def to_tables(self) -> BatchTables:
        """The batch as Arrow tables: what a batch task returns to the writer."""
        frames = self.frames()
        with self.timed("tables"):
            arrow = BatchTables.from_frames(frames, {})
        return BatchTables(arrow.tables, dict(self.timings))


def run_batch(paths: Sequence[Path], backend: NlpBackend, languages: Sequence[str] | None = None,
              budget_s: float = DEFAULT_BUDGET_S, lines: Mapping[str, tuple[int, int]] | None = None) -> BatchResult:
    """Read and process the files of one batch (of a big JSONL file, only the
    line range ``lines[path]`` when given)."""
    result = BatchResult()
    with result.timed("ingest"):
        articles = read_files(paths, result, lines)
    return process_batch(articles, backend, languages, result=result, budget_s=budget_s)


def process_batch(
    articles: Sequence[Article],
    backend: NlpBackend,
    languages: Sequence[str] | None = None,
    *,
    result: BatchResult | None = None,
    budget_s: float = DEFAULT_BUDGET_S,
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
    process_articles(kept, backend, result, budget_s)
    return result


def read_files(paths: Sequence[Path], result: BatchResult, lines: Mapping[str, tuple[int, int]] | None = None) -> list[Article]:
    """The articles of ``paths`` (only the line range ``lines[path]`` of a
    JSONL file cut into parts); an id seen earlier in the batch is refused."""
    by_id: dict[str, Article] = {}
    for path in paths:
        key = ingest.path_key(path)
        result.sources[key] = _file_hash(Path(path))
        if not result.sources[key]:
            result.pending.add(key)
        for item in ingest.read_articles(Path(path), lines=(lines or {}).get(str(path))):
            result.source_of[item.path] = key
            if isinstance(item, IngestError):
                result.errors.append(item)
            elif item.article_id in by_id:
                first = by_id[item.article_id]
                result.errors.append(IngestError(item.path, "duplicate_id", duplicate_detail(item.article_id, first.path),
                                                 item.content_sha256, item.article_id))
                if result.source_of[first.path] != key:
                    result.pending.add(key)
            else:
                by_id[item.article_id] = item
    return list(by_id.values())


def _file_hash(path: Path) -> str:
    """The file's hash, or ``""`` when it cannot be read (``read_articles``
    records why; the empty hash makes the next run try it again)."""
    try:
        return ingest.file_sha256(path)
    except OSError:
        return ""


def _select_languages(articles, backend, languages, result) -> list[Article]:
    """Articles the backend can analyse; the others are errors, and those
    that can come later (models pulled, another ``--lang``) leave their file
    pending."""
    kept = []
    for a in articles:
        waits = True
        if languages and a.lang not in languages:
            reason = f"language {a.lang or 'unknown'!r} is not among the requested languages ({', '.join(languages)}); the file stays pending"
        elif a.lang is None:
            reason, waits = "language could not be detected; add \"lang\" to the article's metadata", False
        elif not ingest.is_language_code(a.lang):
            reason, waits = f"{a.lang!r} is not a language name or code; use an ISO 639-1 code such as \"en\" or \"ar\"", False
        elif not backend.supports(a.lang):
            reason = f"no Stanza models for language {a.lang!r}; run `dateline models pull {a.lang}` (the file stays pending)"
        else:
            kept.append(a)
            continue
        result.errors.append(IngestError(a.path, "unsupported_language", reason, a.content_sha256, a.article_id))
        if waits:
            result.pending.add(result.source_of.get(a.path, a.path))
    return kept


def process_articles(articles: Sequence[Article], backend: NlpBackend, result: BatchResult,
                     budget_s: float = DEFAULT_BUDGET_S) -> None:
    """NLP in bulk (long articles one by one, each within ``budget_s``), then
    time and events per article; failures are isolated."""
    short = [a for a in articles if len(a.text) <= ALONE_CHARS]
    with result.timed("nlp"):
        analyses = [(a, an, None) for a, an in _analyze_isolated(short, backend, result)]
        for article in (a for a in articles if len(a.text) > ALONE_CHARS):
            deadline = time.monotonic() + budget_s
            try:
                analyses.append((article, backend.analyze([article], deadline=deadline)[0], deadline))
            except Exception as exc:
                result.errors.append(_processing_error(article, exc))
    for article, analysis, deadline in analyses:
        try:
            with result.timed("entities"):
                analysis = entities.resolve(analysis, article.text)
            _check(deadline)
            with result.timed("time"):
                times = find_time_expressions(article.text, analysis.lang, article.published, analysis.sentences)
            _check(deadline)
            with result.timed("events"):
                events = extract_events(article, analysis, times)
            with result.timed("coding"):
                coded = code_article(article, analysis, events)
            _check(deadline)
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


def _check(deadline: float | None) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise TimeBudgetExceeded("the article's time budget ran out after the NLP stage")


def _processing_error(article: Article, exc: Exception) -> IngestError:
    if isinstance(exc, TimeBudgetExceeded):
        return IngestError(article.path, "too_slow", f"{exc}; {len(article.text):,} characters (split the article)",
                           article.content_sha256, article.article_id)
    detail = f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
    return IngestError(article.path, "processing", detail, article.content_sha256, article.article_id)
