"""What the dashboard asks the read copy, as SQL over the documented views.

Every query reads only views of :data:`extractors.store.VIEWS` (the contract
with readers; ``tests/test_dashboard.py`` checks it) and only from the read
copy, opened read-only. The filters become one ``picked`` CTE over
``event_dashboard`` with bound parameters, so each part of the page counts the
same events.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

#: Place columns that, when ``event_places`` has them (geocoding), put places on a map.
COORDINATES = ("latitude", "longitude")
#: Events listed in the table at most (the counts above it cover all).
EVENT_ROWS = 200


@dataclass(frozen=True)
class Filters:
    """The sidebar's choices; empty means "all"."""

    start: date | None = None
    end: date | None = None
    undated: bool = True
    types: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    langs: tuple[str, ...] = ()
    actor: str = ""
    place: str = ""


@dataclass(frozen=True)
class Query:
    sql: str
    params: tuple = field(default_factory=tuple)


def _in(column: str, values: Sequence[str]) -> tuple[str, list]:
    return f"{column} IN ({', '.join('?' for _ in values)})", list(values)


def where(f: Filters) -> tuple[str, list]:
    """The filters as a WHERE clause over ``event_dashboard`` and its parameters."""
    clauses, params = [], []
    if f.start or f.end:
        span = "date_start BETWEEN ? AND ?"
        params += [f.start or date.min, f.end or date.max]
        clauses.append(f"({span} OR date_start IS NULL)" if f.undated else span)
    elif not f.undated:
        clauses.append("date_start IS NOT NULL")
    for column, values in (("type", f.types), ("modality", f.modalities), ("lang", f.langs)):
        if values:
            clause, values_ = _in(column, values)
            clauses.append(clause)
            params += values_
    if f.actor.strip():
        clauses.append("(strpos(lower(actor), lower(?)) > 0 OR strpos(lower(actor_resolved), lower(?)) > 0)")
        params += [f.actor.strip()] * 2
    if f.place.strip():
        clauses.append("event_id IN (SELECT event_id FROM event_places WHERE strpos(lower(place), lower(?)) > 0)")
        params.append(f.place.strip())
    return " AND ".join(clauses) or "TRUE", params


def _picked(f: Filters, body: str, extra: Sequence = ()) -> Query:
    clause, params = where(f)
    return Query(f"WITH picked AS (SELECT * FROM event_dashboard WHERE {clause}) {body}", tuple(params) + tuple(extra))


DATA_AS_OF = Query("SELECT published_at, run_id, stage, articles, events FROM data_as_of")
OPTIONS = Query(
    "SELECT list(DISTINCT type ORDER BY type), list(DISTINCT modality ORDER BY modality), "
    "list(DISTINCT lang ORDER BY lang), min(date_start), max(date_start), count(*) FROM event_dashboard"
)
PLACE_COLUMNS = Query("SELECT * FROM event_places LIMIT 0")


def per_day(f: Filters) -> Query:
    return _picked(f, "SELECT date_start AS day, type, count(*) AS events FROM picked "
                      "WHERE granularity IN ('day', 'time') GROUP BY ALL ORDER BY day, type")


def counts(f: Filters) -> Query:
    """Events, day-precise events, articles, and real-world events (clusters:
    two articles reporting one meeting count once; an event not clustered yet
    counts as its own)."""
    return _picked(f, "SELECT count(*) AS events, count(*) FILTER (WHERE granularity IN ('day', 'time')) AS day_precise, "
                      "count(DISTINCT article_id) AS articles, count(DISTINCT coalesce(cluster_id, event_id)) AS real_world FROM picked")


def events(f: Filters, limit: int = EVENT_ROWS) -> Query:
    return _picked(f, """
        SELECT p.event_id, p.type, p.actor, p.counterpart, pl.places, p.date, p.modality, p.confidence, p.lang,
               p.trigger, ev.sentence, ev.trigger_start, ev.trigger_end, ev.date_text, ev.time_start, ev.time_end,
               ev.title, ev.source, ev.url, ev.published
        FROM picked p JOIN event_evidence ev USING (event_id)
        LEFT JOIN (SELECT event_id, string_agg(role || ': ' || place, '; ' ORDER BY role) AS places
                   FROM event_places GROUP BY event_id) pl USING (event_id)
        ORDER BY p.date_start DESC NULLS LAST, p.confidence DESC, p.event_id
        LIMIT ?""", (limit,))


def top_actors(f: Filters, limit: int = 15) -> Query:
    """Actors of meetings and visits that happened or are planned (negated
    ones left out), under the fullest name they are written with."""
    return _picked(f, """
        SELECT arg_max(actor, length(actor)) AS actor, count(*) FILTER (WHERE type = 'meeting') AS meetings,
               count(*) FILTER (WHERE type = 'visit') AS visits, count(*) AS events
        FROM picked WHERE type IN ('meeting', 'visit') AND modality <> 'negated' AND actor IS NOT NULL
        GROUP BY coalesce(actor_resolved, actor) ORDER BY events DESC, actor LIMIT ?""", (limit,))


def top_pairs(f: Filters, limit: int = 15) -> Query:
    """Meetings pair two people either way round; a visit pairs the visitor
    with the one visited (or, when none is named, the place). Negated
    events are left out."""
    return _picked(f, """
        SELECT type, CASE WHEN type = 'meeting' THEN least(actor, partner) ELSE actor END AS first,
               CASE WHEN type = 'meeting' THEN greatest(actor, partner) ELSE partner END AS second, count(*) AS events
        FROM (SELECT type, actor, coalesce(counterpart, destination) AS partner FROM picked
              WHERE type IN ('meeting', 'visit') AND modality <> 'negated')
        WHERE actor IS NOT NULL AND partner IS NOT NULL
        GROUP BY ALL ORDER BY events DESC, first, second LIMIT ?""", (limit,))


def places(f: Filters, coordinates: bool, limit: int = 50) -> Query:
    where_ = "FROM event_places pl JOIN picked p USING (event_id)"
    extra = ", avg(pl.latitude) AS latitude, avg(pl.longitude) AS longitude" if coordinates else ""
    return _picked(f, f"""
        SELECT pl.place, string_agg(DISTINCT pl.role, ', ' ORDER BY pl.role) AS roles,
               count(DISTINCT pl.event_id) AS events{extra}
        {where_} GROUP BY pl.place ORDER BY events DESC, pl.place LIMIT ?""", (limit,))


def run_all(path: Path, queries: dict[str, Query]) -> dict[str, tuple[list[str], list[tuple]]]:
    """Run the page's queries on one read-only connection to the read copy,
    closed before the page is drawn: one consistent snapshot per page, and
    no connection left open between two visits."""
    from extractors.store import Store

    with Store.open(path, read_only=True, timeout_s=10) as store:
        return {name: store.select(q.sql, q.params) for name, q in queries.items()}

