"""What ``dateline export`` writes: one flat row per event, with its article,
its coded actors and its geocoded place, read in one query."""

from __future__ import annotations

from datetime import date
from pathlib import Path

#: One row per event; the place is the event's location, else destination, else origin.
EXPORT_SQL = """
SELECT e.event_id, e.cluster_id, e.type, e.cameo_code, e.plover_type, e.modality, e.confidence,
       e.date, e.date_start, e.date_end, e.granularity, e.date_text,
       e.actor, e.actor_resolved, e.actor_country, ra.kind AS actor_kind, ra.role AS actor_role,
       e.counterpart, e.counterpart_resolved, e.counterpart_country, rc.kind AS counterpart_kind, rc.role AS counterpart_role,
       e.origin, e.origin_country, e.destination, e.destination_country, e.location, e.location_country,
       p.text AS place, p.name AS place_name, p.geonames_id AS place_geonames_id, p.country_code AS place_country,
       p.admin1 AS place_admin1, p.lat AS place_lat, p.lon AS place_lon, p.place_kind,
       e.trigger, e.sentence_index, e.start_char, e.end_char, e.lang, e.article_id,
       a.title, a.url, a.source, a.published, a.published_source, e.extractor_version
FROM events e JOIN articles a USING (article_id)
LEFT JOIN actors ra ON ra.article_id = e.article_id AND ra.name = e.actor_resolved
LEFT JOIN actors rc ON rc.article_id = e.article_id AND rc.name = e.counterpart_resolved
LEFT JOIN places p ON p.article_id = e.article_id AND p.roles IS NOT NULL
     AND p.text = coalesce(e.location, e.destination, e.origin)
WHERE coalesce(e.date_start, a.published) >= coalesce(?::DATE, DATE '0001-01-01')
QUALIFY row_number() OVER (PARTITION BY e.event_id ORDER BY p.start_char) = 1
ORDER BY coalesce(e.date_start, a.published), e.event_id
"""


def export_rows(store, since: date | None = None) -> tuple[list[str], list[tuple]]:
    """Column names and rows of the export: events dated on or after ``since``
    (undated ones by their article's publication date)."""
    cursor = store.con.execute(EXPORT_SQL, [since])
    return [d[0] for d in cursor.description], cursor.fetchall()


def copy_to(store, out: Path, fmt: str, since: date | None = None) -> int:
    """Write the export as ``parquet`` or ``csv`` (DuckDB's own writers); returns the row count."""
    options = {"parquet": "FORMAT parquet", "csv": "FORMAT csv, HEADER true"}[fmt]
    store.con.execute("CREATE OR REPLACE TEMP TABLE _export AS " + EXPORT_SQL, [since])
    store.con.execute(f"COPY _export TO '{_quoted(out)}' ({options})")
    return store.con.execute("SELECT count(*) FROM _export").fetchone()[0]


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
