"""Records → Polars frames, one per table, typed by :mod:`extractors.store.schema`.

Frames are built column-wise from the records of a whole batch and handed to
DuckDB as Arrow tables: no row-by-row INSERTs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import polars as pl

from extractors import EXTRACTOR_VERSION
from extractors.records import Actor, Analysis, Article, Event, IngestError, Place, TimeExpression
from extractors.store.schema import table

_POLARS_TYPES = {"VARCHAR": pl.Utf8, "INTEGER": pl.Int32, "DOUBLE": pl.Float64, "DATE": pl.Date, "TIMESTAMP": pl.Datetime("us")}


def frame(name: str, rows: Iterable[dict]) -> pl.DataFrame:
    """A frame with exactly the table's columns and types (also when empty)."""
    schema = {c.name: _POLARS_TYPES[c.type] for c in table(name).columns}
    return pl.DataFrame(list(rows), schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)


def articles_frame(articles: Sequence[Article], source_of: dict[str, str]) -> pl.DataFrame:
    return frame("articles", [
        {
            "article_id": a.article_id, "source_path": source_of[a.path], "location": a.path,
            "content_sha256": a.content_sha256, "lang": a.lang, "lang_source": a.lang_source,
            "published": a.published, "published_source": a.published_source, "title": a.title,
            "url": a.url, "source": a.source, "n_chars": len(a.text), "text": a.text,
            "extractor_version": EXTRACTOR_VERSION,
        }
        for a in articles
    ])


def sentences_frame(analyses: Sequence[Analysis]) -> pl.DataFrame:
    return frame("sentences", [
        {"article_id": an.article_id, "sentence_index": s.index, "start_char": s.span.start, "end_char": s.span.end, "text": s.text, "n_words": len(s.words)}
        for an in analyses for s in an.sentences
    ])


def entities_frame(analyses: Sequence[Analysis]) -> pl.DataFrame:
    return frame("entities", [
        {
            "article_id": an.article_id, "sentence_index": e.sentence_index, "start_char": e.span.start, "end_char": e.span.end,
            "text": e.text, "label": e.label, "canonical": e.canonical, "resolved": e.resolved, "origin": e.origin,
        }
        for an in analyses for e in an.entities
    ])


def times_frame(times: dict[str, Sequence[TimeExpression]]) -> pl.DataFrame:
    return frame("time_expressions", [
        {
            "article_id": article_id, "start_char": t.span.start, "end_char": t.span.end, "text": t.text, "kind": t.kind,
            "value": t.value, "granularity": t.granularity, "date_start": t.date_start, "date_end": t.date_end,
            "rule": t.rule, "anchor_date": t.anchor,
        }
        for article_id, ts in times.items() for t in ts
    ])


def events_frame(events: Sequence[Event]) -> pl.DataFrame:
    columns = table("events").names
    rows = []
    for e in events:
        row = {name: getattr(e, name, None) for name in columns}
        row.update(start_char=e.span.start, end_char=e.span.end, n_mentions=len(e.mentions))
        rows.append(row)
    return frame("events", rows)


def mentions_frame(events: Sequence[Event]) -> pl.DataFrame:
    return frame("event_mentions", [
        {
            "event_id": e.event_id, "article_id": e.article_id, "mention_index": i, "trigger": m.trigger,
            "start_char": m.span.start, "end_char": m.span.end, "sentence_index": m.sentence_index,
            "modality": m.modality, "date_text": m.date_text,
        }
        for e in events for i, m in enumerate(e.mentions)
    ])


def errors_frame(errors: Sequence[IngestError], source_of: dict[str, str]) -> pl.DataFrame:
    return frame("ingest_errors", [
        {"source_path": source_of.get(err.path, err.path), "location": err.path, "reason": err.reason, "detail": err.detail, "content_sha256": err.content_sha256,
         "article_id": err.article_id}
        for err in errors
    ])


def places_frame(places: Sequence[Place]) -> pl.DataFrame:
    return frame("places", [
        {
            "article_id": p.article_id, "start_char": p.span.start, "end_char": p.span.end, "sentence_index": p.sentence_index,
            "text": p.text, "roles": ",".join(p.roles) or None, "geonames_id": p.geonames_id, "name": p.name,
            "country_code": p.country_code, "admin1": p.admin1, "lat": p.lat, "lon": p.lon, "place_kind": p.place_kind,
            "method": p.method,
        }
        for p in places
    ])


def actors_frame(actors: Sequence[Actor]) -> pl.DataFrame:
    return frame("actors", [
        {"article_id": a.article_id, "name": a.name, "text": a.text, "kind": a.kind, "role": a.role,
         "country_code": a.country_code, "evidence": a.evidence, "n_mentions": a.n_mentions}
        for a in actors
    ])
