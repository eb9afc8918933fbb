"""The event clusters in the database: what the clustering reads, what it writes.

:func:`cluster_inputs` reads the events of newly stored articles and the
already clustered events they might join (a date window, the same type
families); :func:`write_clusters` stores the assignments and refreshes the
``event_clusters`` rows of every cluster that changed, in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta, timezone

from extractors.clusters import ClusterEvent, Party
from extractors.clusters.assign import PREFIX
from extractors.clusters.criteria import FAMILIES

#: Existing events further than this from every new event cannot match one.
CANDIDATE_MARGIN_DAYS = 45

_EVENTS = """
SELECT e.event_id, e.article_id, e.lang, e.type, e.modality, a.published, e.date_start, e.date_end, e.granularity,
       e.actor_resolved, e.actor_country, ra.role, e.counterpart_resolved, e.counterpart_country, rc.role,
       (SELECT list(DISTINCT p.geonames_id) FROM places p WHERE p.article_id = e.article_id AND p.geonames_id IS NOT NULL
          AND p.roles IS NOT NULL AND p.text IN (e.origin, e.destination, e.location)),
       e.origin_country, e.destination_country, e.location_country, e.confidence, e.cluster_id
FROM events e JOIN articles a USING (article_id)
LEFT JOIN actors ra ON ra.article_id = e.article_id AND ra.name = e.actor_resolved
LEFT JOIN actors rc ON rc.article_id = e.article_id AND rc.name = e.counterpart_resolved
"""

_FAMILY_SQL = "CASE " + " ".join(f"WHEN type = '{t}' THEN '{f}'" for t, f in FAMILIES.items()) + " ELSE type END"


def cluster_inputs(store, article_ids: Sequence[str]) -> tuple[list[ClusterEvent], list[ClusterEvent], set[str]]:
    """(events of ``article_ids``, clustered events of other articles they
    may join, cluster ids the new events could found but that are in use)."""
    ids = list(article_ids)
    new = [_event(r) for r in store.query(_EVENTS + " WHERE e.article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY e.event_id", [ids])]
    if not new:
        return [], [], set()
    taken = {r[0] for r in store.query(
        "SELECT c.cluster_id FROM event_clusters c JOIN (SELECT unnest(?::VARCHAR[]) AS base) b"
        " ON c.cluster_id = b.base OR starts_with(c.cluster_id, b.base || '-')", [[PREFIX + e.event_id for e in new]])}
    days = [d for e in new for d in (e.date_start, e.date_end, e.published) if d is not None]
    if not days:
        return new, [], taken
    low, high = min(days) - timedelta(days=CANDIDATE_MARGIN_DAYS), max(days) + timedelta(days=CANDIDATE_MARGIN_DAYS)
    types = sorted({e.type for e in new} | {t for t, f in FAMILIES.items() if f in {FAMILIES.get(e.type) for e in new}})
    existing = store.query(
        _EVENTS + " WHERE e.cluster_id IS NOT NULL AND e.article_id NOT IN (SELECT unnest(?::VARCHAR[]))"
        " AND e.type IN (SELECT unnest(?::VARCHAR[])) AND coalesce(e.date_end, a.published) >= ? AND coalesce(e.date_start, a.published) <= ?"
        " ORDER BY e.event_id",
        [ids, types, low, high],
    )
    return new, [_event(r) for r in existing], taken


def _event(row: tuple) -> ClusterEvent:
    (event_id, article_id, lang, type_, modality, published, start, end, granularity,
     actor, actor_country, actor_role, counterpart, counterpart_country, counterpart_role,
     place_ids, origin_c, destination_c, location_c, confidence, cluster_id) = row
    parties = tuple(Party(n, c, r) for n, c, r in ((actor, actor_country, actor_role), (counterpart, counterpart_country, counterpart_role)) if n)
    countries = tuple(sorted({c for c in (origin_c, destination_c, location_c) if c}))
    return ClusterEvent(event_id, article_id, lang, type_, modality, published, start, end, granularity, parties,
                        tuple(sorted(place_ids or ())), countries, confidence or 0.0, cluster_id)


def write_clusters(store, assignments: Mapping[str, str], now: datetime | None = None) -> None:
    """Store event → cluster assignments; refresh the touched clusters' rows
    (keeping when each was first seen) and drop clusters left without events."""
    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    pairs = sorted(assignments.items())
    with store.transaction() as con:
        con.execute("CREATE OR REPLACE TEMP TABLE _assigned AS SELECT unnest(?::VARCHAR[]) AS event_id, unnest(?::VARCHAR[]) AS cluster_id",
                    [[p[0] for p in pairs], [p[1] for p in pairs]])
        con.execute("UPDATE events SET cluster_id = _assigned.cluster_id FROM _assigned WHERE events.event_id = _assigned.event_id")
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE _summary AS
            WITH members AS (
                SELECT e.*, a.published, {_FAMILY_SQL.replace('type', 'e.type')} AS family,
                       row_number() OVER (PARTITION BY e.cluster_id ORDER BY e.confidence DESC, a.published, e.event_id) AS rank
                FROM events e JOIN articles a USING (article_id)
                WHERE e.cluster_id IN (SELECT cluster_id FROM _assigned)
                   OR e.cluster_id IN (SELECT cluster_id FROM event_clusters c
                                       WHERE c.n_events <> (SELECT count(*) FROM events x WHERE x.cluster_id = c.cluster_id)))
            SELECT cluster_id, any_value(family) AS family, max(CASE WHEN rank = 1 THEN event_id END) AS representative_event_id,
                   min(published) AS first_published, count(*) AS n_events, count(DISTINCT article_id) AS n_articles,
                   count(DISTINCT lang) AS n_languages, string_agg(DISTINCT lang, ',' ORDER BY lang) AS languages,
                   min(date_start) AS date_start, max(coalesce(date_end, date_start)) AS date_end
            FROM members GROUP BY cluster_id""")
        con.execute("""
            CREATE OR REPLACE TEMP TABLE _refreshed AS
            SELECT s.cluster_id, s.family, s.representative_event_id, s.first_published, coalesce(c.first_seen_at, ?::TIMESTAMP) AS first_seen_at,
                   s.n_events, s.n_articles, s.n_languages, s.languages, s.date_start, s.date_end
            FROM _summary s LEFT JOIN event_clusters c USING (cluster_id)""", [now])
        con.execute("DELETE FROM event_clusters WHERE cluster_id IN (SELECT cluster_id FROM _refreshed)"
                    " OR cluster_id NOT IN (SELECT cluster_id FROM events WHERE cluster_id IS NOT NULL)")
        con.execute("INSERT INTO event_clusters BY NAME SELECT * FROM _refreshed")
