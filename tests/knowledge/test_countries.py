"""Country lookups on names and adjectives as they appear in dev articles and TASS copy."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

from dateline.knowledge.countries import (
    all_countries,
    countries_in_compound,
    country_by_adjective,
    country_by_capital,
    country_by_iso3,
    country_by_name,
    country_mentioned_in,
    country_mentions,
    find_country,
)
from dateline.knowledge.tables import acronym_key, is_acronym, lookup_key

# Shared demonyms that cannot point at one country, and uninhabited territories.
COUNTRIES_WITHOUT_ADJECTIVE = {"BVT", "HMD", "COG", "DMA"}


def iso3(country: object) -> str | None:
    return getattr(country, "iso3", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kazakhstan", "KAZ"),
        ("Russia", "RUS"),
        ("the Russian Federation", "RUS"),
        ("the US", "USA"),
        ("U.S.", "USA"),
        ("the United States", "USA"),
        ("Britain", "GBR"),
        ("UK", "GBR"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Czech Republic", "CZE"),
        ("Viet Nam", "VNM"),
        ("South Korea", "KOR"),
        ("Iran", "IRN"),
        ("DR Congo", "COD"),
        ("Republic of the Congo", "COG"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d’Ivoire", "CIV"),
        ("SYRIA", "SYR"),
    ],
)
def test_country_by_name(text: str, expected: str) -> None:
    assert iso3(country_by_name(text)) == expected


@pytest.mark.parametrize("text", ["us", "Us", "the", "", "Russian", "Moscow"])
def test_country_by_name_rejects_non_names(text: str) -> None:
    assert country_by_name(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kazakh", "KAZ"),
        ("Kazakhstani", "KAZ"),
        ("Vietnamese", "VNM"),
        ("Russians", "RUS"),
        ("Ukrainian", "UKR"),
        ("Belarussian", "BLR"),
        ("Azeri", "AZE"),
        ("Emirati", "ARE"),
        ("Swiss", "CHE"),
        ("Frenchmen", "FRA"),
        ("Turkish", "TUR"),
        ("Slovak", "SVK"),
        ("Hungarian", "HUN"),
        ("Azerbaijani", "AZE"),
        ("North Korean", "PRK"),
        ("US", "USA"),
    ],
)
def test_country_by_adjective(text: str, expected: str) -> None:
    assert iso3(country_by_adjective(text)) == expected


def test_country_by_adjective_is_not_a_name_lookup() -> None:
    assert country_by_adjective("Russia") is None
    assert iso3(find_country("Russia")) == "RUS"
    assert iso3(find_country("Russian")) == "RUS"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kazakh-Russian", ["KAZ", "RUS"]),
        ("US-China", ["USA", "CHN"]),
        ("Sino-Russian", ["CHN", "RUS"]),
        ("Russia–Ukraine", ["RUS", "UKR"]),
        ("Guinea-Bissau", ["GNB"]),
        ("pro-Russian", []),
        ("Russian-speaking", []),
        ("state-owned", []),
    ],
)
def test_countries_in_compound(text: str, expected: list[str]) -> None:
    assert [c.iso3 for c in countries_in_compound(text)] == expected


def test_capitals_stand_for_countries() -> None:
    # TASS gold marks "Kiev" and "Moscow" as mentions of Ukraine and Russia.
    assert iso3(country_by_capital("Kiev")) == "UKR"
    assert iso3(country_by_capital("Moscow")) == "RUS"
    assert iso3(country_by_capital("Nur-Sultan")) == "KAZ"
    assert country_by_iso3("kaz") is not None
    assert country_by_iso3("KAZ").capital == "Astana"  # type: ignore[union-attr]


def test_country_mentions_inside_phrases() -> None:
    text = "our Vietnamese partners agreed only to a small part offered by the Russian side"
    found = [(text[m.start : m.end], m.country.iso3) for m in country_mentions(text)]
    assert found == [("Vietnamese", "VNM"), ("Russian", "RUS")]
    assert iso3(country_mentioned_in("the New Jersey senator")) is None
    assert iso3(country_mentioned_in("the Latin American pope")) is None
    assert iso3(country_mentioned_in("Russia's Foreign Minister")) == "RUS"


def test_every_row_is_an_iso_country() -> None:
    codes = {c.iso3 for c in all_countries()}
    assert codes == {entry.alpha_3 for entry in pycountry.countries}


def test_every_inhabited_country_has_an_adjective() -> None:
    missing = {c.iso3 for c in all_countries() if not c.adjectives}
    assert missing == COUNTRIES_WITHOUT_ADJECTIVE


def test_no_surface_form_points_at_two_countries() -> None:
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for country in all_countries():
        for surface in (*country.names, *country.adjectives):
            key = acronym_key(surface) if is_acronym(surface) else lookup_key(surface)
            kind = "adjective" if surface in country.adjectives else "name"
            owners[(kind, key)].add(country.iso3)
    clashes = {key: codes for key, codes in owners.items() if len(codes) > 1}
    assert clashes == {}


def test_shipped_table_matches_the_generator() -> None:
    """The TSV is what scripts/build_countries.py would write: no hand edits out of format."""

    script = Path(__file__).resolve().parents[2] / "scripts" / "build_countries.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
