"""Events as PLOVER records (the event ontology and JSON field names of
PLOVER/POLECAT: ``event_type``, ``mode``, ``actor``, ``recipient``,
``location``, ...), one JSON object per line. ``plover.schema.json`` beside
this module is the contract each record meets.

Only events with a PLOVER type are exported (statements have none) and
negated events are left out: PLOVER records events that happened or are
announced, never ones the text denies. ``date`` is the event's own date and
stays null when the text gives none; the publication date is in ``source``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache
from pathlib import Path

from extractors.coding.codes import plover_mode

SCHEMA_PATH = Path(__file__).with_name("plover.schema.json")


@cache
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def exportable(row: Mapping) -> bool:
    return bool(row.get("plover_type")) and row.get("modality") != "negated"


def plover_record(row: Mapping) -> dict:
    """One export row (``extractors.store.export.EXPORT_SQL``) → a PLOVER record."""
    return {
        "id": row["event_id"],
        "event_type": row["plover_type"],
        "mode": plover_mode(row["type"]),
        "cameo_code": row["cameo_code"],
        "date": _iso(row["date_start"]),
        "date_end": _iso(row["date_end"]),
        "date_resolution": row["granularity"],
        "date_text": row["date_text"],
        "actor": _party(row, "actor"),
        "recipient": _party(row, "counterpart") if row.get("counterpart") else None,
        "location": _location(row),
        "modality": row["modality"],
        "confidence": row["confidence"],
        "cluster_id": row["cluster_id"],
        "dateline_type": row["type"],
        "source": {
            "article_id": row["article_id"], "title": row["title"], "url": row["url"], "publisher": row["source"],
            "publication_date": _iso(row["published"]), "language": row["lang"], "trigger": row["trigger"],
            "sentence_index": row["sentence_index"], "extractor_version": row["extractor_version"],
        },
    }


def records(rows: Iterable[Mapping]) -> Iterable[dict]:
    return (plover_record(r) for r in rows if exportable(r))


def _party(row: Mapping, role: str) -> dict:
    return {"name": row[role], "canonical": row[f"{role}_resolved"], "country": row[f"{role}_country"],
            "kind": row[f"{role}_kind"], "sector": row[f"{role}_role"]}


def _location(row: Mapping) -> dict | None:
    if not row.get("place"):
        return None
    return {"placename": row["place"], "name": row["place_name"], "geonames_id": row["place_geonames_id"],
            "country": row["place_country"], "admin1": row["place_admin1"], "lat": row["place_lat"],
            "lon": row["place_lon"], "feature_type": row["place_kind"]}


def _iso(value) -> str | None:
    return value.isoformat() if isinstance(value, date) else value
