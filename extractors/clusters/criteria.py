"""When two events can be one real-world event.

All four must hold:

* the same type family (:data:`FAMILIES`: a departure, an arrival and a visit
  are one trip's travel);
* the same modality group: a planned event is not the event that happened
  (a meeting announced for April is not the April meeting), and a negated
  event only ever matches a negated one;
* compatible dates: the same day when both are dated to the day, overlapping
  ranges otherwise. An undated event is taken to lie in a window around its
  article's publication (:data:`UNDATED_WINDOW`; a planned event after it);
* the same actor: by canonical name within a language (a surname meets the
  full name: "Funaro" = "Dilson Funaro"; actor and counterpart are
  interchangeable for meetings), by country plus role across languages
  ("Russian President" = "الرئيس الروسي");
* compatible places: when both events name places, they share a GeoNames id
  or a country.
"""

from __future__ import annotations

from datetime import date, timedelta

from extractors.clusters.model import ClusterEvent, Party

FAMILIES = {"departure": "travel", "arrival": "travel", "visit": "travel", "meeting": "meeting", "announcement": "statement"}
#: Days before and after publication an undated event may lie in, by modality.
UNDATED_WINDOW = {"planned": (0, 30), "default": (7, 0)}
#: Roles too vague to identify an actor across languages.
VAGUE_ROLES = ("other", None)
MODALITY_GROUPS = {"planned": "planned", "negated": "negated"}  # asserted and reported: "happened"
DAY_PRECISE = ("day", "time")


def family(event_type: str) -> str:
    return FAMILIES.get(event_type, event_type)


def compatible(a: ClusterEvent, b: ClusterEvent) -> bool:
    return (
        family(a.type) == family(b.type)
        and MODALITY_GROUPS.get(a.modality, "happened") == MODALITY_GROUPS.get(b.modality, "happened")
        and dates_compatible(a, b)
        and same_actor(a, b)
        and places_compatible(a, b)
    )


def date_range(e: ClusterEvent) -> tuple[date, date] | None:
    if e.date_start is not None:
        return e.date_start, e.date_end or e.date_start
    if e.published is None:
        return None
    before, after = UNDATED_WINDOW.get(e.modality, UNDATED_WINDOW["default"])
    return e.published - timedelta(days=before), e.published + timedelta(days=after)


def dates_compatible(a: ClusterEvent, b: ClusterEvent) -> bool:
    if a.granularity in DAY_PRECISE and b.granularity in DAY_PRECISE and a.date_start and b.date_start:
        return a.date_start == b.date_start
    ra, rb = date_range(a), date_range(b)
    if ra is None or rb is None:
        return True
    return ra[0] <= rb[1] and rb[0] <= ra[1]


def same_actor(a: ClusterEvent, b: ClusterEvent) -> bool:
    if a.lang == b.lang:
        return any(same_name(x.name, y.name) for x in a.parties for y in b.parties)
    return any(_coded(x) and _coded(x) == _coded(y) for x in a.parties for y in b.parties)


def same_name(x: str, y: str) -> bool:
    """Equal, or one is the other's surname or its first words ("Funaro" and
    "Dilson Funaro"): the shorter one's words begin or end the longer one's."""
    if not x or not y:
        return False
    if x == y:
        return True
    short, long_ = sorted((x.split(), y.split()), key=len)
    n = len(short)
    return long_[-n:] == short or long_[:n] == short


def _coded(p: Party) -> tuple[str, str] | None:
    return (p.country, p.role) if p.country and p.role not in VAGUE_ROLES else None


def places_compatible(a: ClusterEvent, b: ClusterEvent) -> bool:
    if not (a.places or a.countries) or not (b.places or b.countries):
        return True
    return bool(set(a.places) & set(b.places) or set(a.countries) & set(b.countries))
