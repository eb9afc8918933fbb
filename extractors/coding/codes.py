"""CAMEO and PLOVER codes of an event, from the mapping table ``codes.toml``
(kept as data beside this module; see the sources cited there)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from extractors.lexicon import freeze
from extractors.records import Event

TABLE = Path(__file__).with_name("codes.toml")


@cache
def mapping() -> Mapping[str, Mapping]:
    """Event type → its codes, as read from ``codes.toml``."""
    with TABLE.open("rb") as fh:
        return freeze(tomllib.load(fh))["types"]


def cameo_code(event: Event) -> str | None:
    entry = mapping().get(event.type)
    if entry is None:
        return None
    third = entry.get("third_location_cameo")
    place = event.location_country
    parties = {event.actor_country, event.counterpart_country} - {None}
    if third and place and len(parties) == 2 and place not in parties:
        return third
    return entry["cameo"]


def plover_type(event: Event) -> str | None:
    entry = mapping().get(event.type)
    return (entry.get("plover") or None) if entry else None


def plover_mode(event_type: str) -> str | None:
    entry = mapping().get(event_type)
    return (entry.get("plover_mode") or None) if entry else None
