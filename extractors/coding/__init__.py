"""Coding: an article's events and entities put in terms other data speaks.

    Article + Analysis + Event* → Event* (with countries and codes) + Place* + Actor*

Runs after the event stage. :mod:`.places` geocodes every place mention
(:mod:`extractors.entities.geocode`), :mod:`.actors` gives each actor a kind,
a role and a country, :mod:`.codes` adds CAMEO and PLOVER codes from a mapping
table; each event then carries the countries of its places and actors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from extractors.coding.actors import code_actors
from extractors.coding.codes import cameo_code, plover_type
from extractors.coding.places import place_mentions
from extractors.records import Actor, Analysis, Article, Event, Place

__all__ = ["Coded", "code_article"]


@dataclass(frozen=True)
class Coded:
    events: tuple[Event, ...]
    places: tuple[Place, ...]
    actors: tuple[Actor, ...]


def code_article(article: Article, analysis: Analysis, events: Sequence[Event]) -> Coded:
    places, geocodes = place_mentions(article.text, analysis, events)
    actors = code_actors(article.text, analysis, events, geocodes)
    country_of_actor = {a.name: a.country_code for a in actors}

    def country(name: str | None) -> str | None:
        found = geocodes.get(name) if name else None
        return found.place.country_code if found else None

    coded = []
    for e in events:
        e = replace(
            e,
            origin_country=country(e.origin), destination_country=country(e.destination),
            location_country=country(e.location), actor_country=country_of_actor.get(e.actor_resolved),
            counterpart_country=country_of_actor.get(e.counterpart_resolved),
        )
        coded.append(replace(e, cameo_code=cameo_code(e), plover_type=plover_type(e)))
    return Coded(tuple(coded), places, actors)
