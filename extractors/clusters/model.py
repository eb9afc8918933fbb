"""What the clustering knows of an event (read back from the event tables)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Party:
    """An actor or counterpart: its canonical name in its article's language,
    its country and its role (see the ``actors`` table)."""

    name: str
    country: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class ClusterEvent:
    """One event as the clustering sees it.

    ``places`` are the GeoNames ids of its origin, destination and location,
    ``countries`` their countries; ``cluster_id`` is ``None`` for an event not
    clustered yet.
    """

    event_id: str
    article_id: str
    lang: str
    type: str
    modality: str
    published: date | None
    date_start: date | None = None
    date_end: date | None = None
    granularity: str | None = None
    parties: tuple[Party, ...] = ()
    places: tuple[int, ...] = ()
    countries: tuple[str, ...] = ()
    confidence: float = 0.0
    cluster_id: str | None = None
