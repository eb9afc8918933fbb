"""Which place a name denotes: GeoNames id, country, first-level division,
coordinates, offline.

The index of a language maps each matching key (the gazetteer's
:func:`~extractors.entities.keys.normalize` and loose keys) to every place it
may name: CLDR territory names in that language and the language's own aliases
(``extractors/lang/<lang>/places.toml``) for countries, GeoNames cities (all
of 15,000 people or more) by every alternate name written in the language's
letters, and the US states. "بيونغ يانغ" and "Pyongyang" therefore reach the
same GeoNames id through their own language's index.

A name that can be a country is the country ("تونس", "Mexico"). Among cities
of one name the best known wins (population, number of names in GeoNames,
whether the name is the city's own), and the article weighs in: a city in a
country the article names elsewhere counts :data:`CONTEXT_WEIGHT` times more,
so "Tripoli" in an article about Lebanon is Lebanon's, while "Paris" stays
France's in an article that also mentions the U.S. Lower-case words and
institutions of the language data ("White House") are not looked up. ``method`` records the reason: ``country``, ``alias``, ``unique``,
``context`` or ``population`` (``unresolved`` when no place matches).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from extractors import lexicon
from extractors.entities import geodata
from extractors.entities.gazetteer import alphabet, looks_like_name, script_of
from extractors.entities.keys import loose_key, normalize, strippable_prefixes
from extractors.entities.geodata import GeoPlace
from extractors.entities.placecache import disk_cached

#: A city in a country the article names elsewhere weighs as much as a city
#: this many times as populous.
CONTEXT_WEIGHT = 10
#: So does a city whose own GeoNames name is the name read, against one that
#: merely lists it among its alternate names (Venice, Italy against Dayton,
#: Ohio, which GeoNames also calls "Venice").
OWN_NAME_WEIGHT = 50
#: How well known a city is: its population times the number of names
#: GeoNames knows it by (in all languages) to this power. Venice, Italy (51,000
#: people, 150 names) is the Venice of the news, not Venice, California.
NAMES_EXPONENT = 2
#: Kinds of place in the order a name is read as: a country before a city.
KIND_ORDER = {"country": 0, "admin": 1, "city": 2}


@dataclass(frozen=True, slots=True)
class Geocode:
    """A name's place and how it was chosen."""

    place: GeoPlace
    method: str


def geocode_names(names: Iterable[str], lang: str) -> dict[str, Geocode]:
    """Each name of one article → its place (names with none are left out).

    All names are read together: the countries of the unambiguous ones are
    the context that settles the ambiguous ones.
    """
    candidates = {name: lookup(name, lang) for name in dict.fromkeys(names) if _may_be_place(name, lang)}
    context = {c[0].country_code for c in candidates.values() if _settled(c)}
    found = {}
    for name, options in candidates.items():
        key = normalize(name, lang)
        choice = choose(options, context, is_alias=key in _alias_keys(lang), own=_own_names(lang).get(key, frozenset()))
        if choice is not None:
            found[name] = choice
    return found


def _may_be_place(name: str, lang: str) -> bool:
    """Not a lower-case word ("port") and not an institution the language data
    names ("White House", which GeoNames also lists for Casablanca)."""
    return bool(name) and not name[:1].islower() and normalize(name, lang) not in _institution_keys(lang)


def lookup(name: str, lang: str) -> tuple[GeoPlace, ...]:
    """Every place a name may denote: exact key, loose key, then without a
    glued proclitic or article ("بموسكو", "والصين")."""
    index = geo_index(lang)
    key = normalize(name, lang)
    stripped = [key, *_without_prefixes(key, lang)]
    for candidate in stripped + [rest for k in stripped for rest in _without_leading_words(k, lang)]:
        for k in (candidate, loose_key(candidate, lang)):
            if len(k) >= 2 and k in index:
                return index[k]
    return ()


def _without_leading_words(key: str, lang: str) -> list[str]:
    words = [normalize(w, lang) for w in _places_data(lang).get("matching", {}).get("leading_words", ())]
    return [key[len(w):].strip() for w in words if key.startswith(w + " ")]


def _without_prefixes(key: str, lang: str) -> list[str]:
    return [key[len(p):] for p in strippable_prefixes(lang) if key.startswith(p) and len(key) - len(p) >= 3]


def choose(options: Sequence[GeoPlace], context: set[str], is_alias: bool = False, own: frozenset[int] = frozenset()) -> Geocode | None:
    """The place a name denotes among ``options`` (see the module's docstring);
    ``own`` are the GeoNames ids whose own name the name is."""
    if not options:
        return None
    if options[0].kind == "country":
        return Geocode(options[0], "alias" if is_alias else "country")
    if len(options) == 1:
        return Geocode(options[0], "unique")

    def weight(p: GeoPlace, with_context: bool) -> tuple:
        score = math.log(max(p.population, 1)) + NAMES_EXPONENT * math.log(max(p.n_names, 1))
        score += math.log(OWN_NAME_WEIGHT) if p.geonames_id in own else 0
        return score + (math.log(CONTEXT_WEIGHT) if with_context and p.country_code in context else 0), -(p.geonames_id or 0)

    by_population = max(options, key=lambda p: weight(p, False))
    best = max(options, key=lambda p: weight(p, True))
    return Geocode(best, "population" if best is by_population else "context")


def _settled(options: Sequence[GeoPlace]) -> bool:
    """A name whose country is not in doubt: a country, or one place only."""
    return bool(options) and (options[0].kind == "country" or len({p.country_code for p in options}) == 1)


# --- the index ----------------------------------------------------------------------


@cache
def geo_index(lang: str) -> Mapping[str, tuple[GeoPlace, ...]]:
    """Matching key → the places it may name, countries first, then by population."""
    return MappingProxyType(_geo_entries(lang))


@disk_cached("geocoder")
def _geo_entries(lang: str) -> dict[str, tuple[GeoPlace, ...]]:
    entries: dict[str, list[GeoPlace]] = {}
    countries = geodata.countries()
    for name, code in _country_names(lang):
        place = countries.get(code) or GeoPlace(None, name, code, "country")
        _add(entries, name, place, lang)
    for place, name in _place_names(lang):
        _add(entries, name, place, lang)
    by_id = {p.geonames_id: p for p in geodata.cities()}
    for name, geonames_id in _places_data(lang).get("cities", {}).items():
        if geonames_id in by_id:
            _add(entries, name, by_id[geonames_id], lang)
    return {k: tuple(v) if len(v) == 1 else tuple(sorted(set(v), key=_rank)) for k, v in entries.items()}


def _rank(place: GeoPlace) -> tuple:
    return KIND_ORDER[place.kind], -place.population, place.geonames_id or 0


def _add(entries: dict[str, list[GeoPlace]], name: str, place: GeoPlace, lang: str) -> None:
    key = normalize(name, lang)
    if len(key) < 2:
        return
    for k in {key, loose_key(key, lang)}:
        entries.setdefault(k, []).append(place)


def _country_names(lang: str) -> list[tuple[str, str]]:
    """(name, ISO code): CLDR names in ``lang``, then the language's aliases."""
    return [(name, code) for code, name in geodata.territory_names(lang).items()] + list(_aliases(lang).items())


def _aliases(lang: str) -> dict[str, str]:
    return dict(_places_data(lang).get("aliases", {}))


def _places_data(lang: str) -> Mapping:
    return lexicon.load(lang, "places")


@cache
def _institution_keys(lang: str) -> frozenset[str]:
    return frozenset(normalize(n, lang) for n in lexicon.load(lang, "actors").get("institutions", {}))


@cache
@disk_cached("own-names")
def _own_names(lang: str) -> dict[str, frozenset[int]]:
    """Matching key → GeoNames ids of the cities whose own name it is."""
    out: dict[str, set[int]] = {}
    for city in geodata.cities():
        out.setdefault(normalize(city.name, lang), set()).add(city.geonames_id)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _alias_keys(lang: str) -> frozenset[str]:
    return frozenset(normalize(name, lang) for name in _aliases(lang))


def _place_names(lang: str) -> Iterable[tuple[GeoPlace, str]]:
    """Cities and US states with each of their names written in ``lang``'s letters."""
    letters = alphabet(lang) | frozenset(_places_data(lang).get("matching", {}).get("letters", ""))
    script = script_of("".join(geodata.territory_names(lang).values()))
    names = geodata.city_alternate_names()
    for city in geodata.cities():
        for name in set(names.get(city.geonames_id, ())):
            if looks_like_name(name, script, letters):
                yield city, name
    if script == "LATIN":
        for state in geodata.us_states():
            yield state, state.name
