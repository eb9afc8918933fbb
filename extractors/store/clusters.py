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
from extractors.clusters.criteria import FAMILIES, VAGUE_ROLES
from extractors.clusters.index import lookup_terms

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


#: Python's str.split() whitespace as an RE2 class body: names are split into words the same way here and in
#: :mod:`extractors.clusters.index`.
_WS = r"\s\x{0b}\x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"


def _words_match(column: str) -> str:
    """SQL: the name in ``column`` may be the same actor as a new event's party
    (its first or last word is one of theirs, or it is made of spaces, which
    matches any name: ``same_name``)."""
    first = f"regexp_extract({column}, '^[{_WS}]*([^{_WS}]+)', 1)"
    last = f"regexp_extract({column}, '([^{_WS}]+)[{_WS}]*$', 1)"
    return (f"({column} <> '' AND ($any_name OR {first} = '' OR list_contains($words, {first})"
            f" OR list_contains($words, {last})))")


def _coded_match(country: str, role: str) -> str:
    """SQL: the party's country and role are coded (``criteria._coded``) and one of a new event's."""
    vague = ", ".join(f"'{r}'" for r in VAGUE_ROLES if r is not None)
    return (f"({country} IS NOT NULL AND {role} IS NOT NULL AND {role} NOT IN ({vague})"
            f" AND list_contains($coded, {country} || '|' || {role}))")


_CANDIDATES = _EVENTS + f"""
WHERE e.cluster_id IS NOT NULL AND e.article_id NOT IN (SELECT unnest($ids::VARCHAR[]))
  AND e.type IN (SELECT unnest($types::VARCHAR[]))
  AND EXISTS (SELECT 1 FROM (SELECT unnest($lows::DATE[]) AS lo, unnest($highs::DATE[]) AS hi) w
              WHERE coalesce(e.date_end, e.date_start, a.published) >= w.lo AND coalesce(e.date_start, a.published) <= w.hi)
  AND ({_words_match('e.actor_resolved')} OR {_words_match('e.counterpart_resolved')}
       OR {_coded_match('e.actor_country', 'ra.role')} OR {_coded_match('e.counterpart_country', 'rc.role')})
ORDER BY e.event_id"""


def cluster_inputs(store, article_ids: Sequence[str]) -> tuple[list[ClusterEvent], list[ClusterEvent], set[str]]:
    """(events of ``article_ids``, clustered events of other articles they
    may join, cluster ids the new events could found but that are in use).

    The second list is what the database can rule out before Python compares
    pairs: same type families, a date within :data:`CANDIDATE_MARGIN_DAYS` of
    one new event (not of the whole batch: one old date in a batch must not
    read years of events), and a shared name word or coded country and role.
    A long run over one busy week used to read every clustered event of the
    window for every batch: memory and time grew with the database."""
    ids = list(article_ids)
    new = [_event(r) for r in store.query(_EVENTS + " WHERE e.article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY e.event_id", [ids])]
    if not new:
        return [], [], set()
    taken = {r[0] for r in store.query(
        "SELECT c.cluster_id FROM event_clusters c JOIN (SELECT unnest(?::VARCHAR[]) AS base) b"
        " ON c.cluster_id = b.base OR starts_with(c.cluster_id, b.base || '-')", [[PREFIX + e.event_id for e in new]])}
    windows = _windows(new)
    words, any_name, coded = lookup_terms(new)
    if not windows or not (words or any_name or coded):
        return new, [], taken
    types = sorted({e.type for e in new} | {t for t, f in FAMILIES.items() if f in {FAMILIES.get(e.type) for e in new}})
    existing = store.query(_CANDIDATES, {
        "ids": ids, "types": types, "lows": [w[0] for w in windows], "highs": [w[1] for w in windows],
        "words": sorted(words), "any_name": any_name, "coded": sorted(coded)})
    return new, [_event(r) for r in existing], taken


def _windows(events: Sequence[ClusterEvent]) -> list[tuple]:
    """Each event's days widened by the margin, overlapping ranges merged."""
    spans = []
    for e in events:
        # A dated event's own days; an undated one lies near its publication (criteria.date_range).
        low, high = (e.date_start, e.date_end or e.date_start) if e.date_start else (e.published, e.published)
        if low is not None:
            spans.append((low - timedelta(days=CANDIDATE_MARGIN_DAYS), high + timedelta(days=CANDIDATE_MARGIN_DAYS)))
    merged: list[list] = []
    for low, high in sorted(spans):
        if merged and low <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    return [tuple(m) for m in merged]


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
