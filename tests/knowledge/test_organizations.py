"""Organisations, news outlets and government metonyms from dev and TASS copy."""

from __future__ import annotations

import pytest

from dateline.knowledge.countries import country_by_iso3
from dateline.knowledge.organizations import (
    all_organizations,
    find_organization,
    government_of,
    is_news_agency,
)
from dateline.knowledge.tables import read_table
from dateline.model import SECTORS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UN", "United Nations"),
        ("the U.N.", "United Nations"),
        ("NATO", "North Atlantic Treaty Organization"),
        ("NATO's", "North Atlantic Treaty Organization"),
        ("OPEC+", "OPEC+"),
        ("OPEC", "Organization of the Petroleum Exporting Countries"),
        ("the Eurasian Economic Union", "Eurasian Economic Union"),
        ("EAEU", "Eurasian Economic Union"),
        ("WHO", "World Health Organization"),
        ("the European Union", "European Union"),
    ],
)
def test_find_organization(text: str, expected: str) -> None:
    found = find_organization(text)
    assert found is not None
    assert found.name == expected


@pytest.mark.parametrize("text", ["who", "un", "ap", "economist", "trend", "Putin"])
def test_lowercase_words_are_not_acronyms(text: str) -> None:
    assert find_organization(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Kazinform",
        "KAZINFORM",
        "TASS",
        "Reuters",
        "AP",
        "AFP",
        "Xinhua",
        "RIA Novosti",
        "Interfax",
        "BBC",
        "Anadolu",
        "Yonhap",
        "Kyodo",
        "IRNA",
        "Sputnik",
        "Bloomberg",
    ],
)
def test_is_news_agency(text: str) -> None:
    assert is_news_agency(text)


@pytest.mark.parametrize("text", ["NATO", "Gazprom", "the Kremlin", "economist"])
def test_not_news_agency(text: str) -> None:
    assert not is_news_agency(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kazakh government", "KAZ"),
        ("the Kazakh Cabinet of Ministers", "KAZ"),
        ("the Russian government", "RUS"),
        ("the Kremlin", "RUS"),
        ("the White House", "USA"),
        ("Downing Street", "GBR"),
        ("Akorda", "KAZ"),
        ("Government of Russia", "RUS"),
        ("the Government of the Russian Federation", "RUS"),
        ("the Kiev regime", "UKR"),
        ("the Syrian state", "SYR"),
    ],
)
def test_government_of(text: str, expected: str) -> None:
    country = government_of(text)
    assert country is not None
    assert country.iso3 == expected


@pytest.mark.parametrize(
    "text", ["Russian troops", "the Kazakh Premier", "Turkish companies", "Russia", ""]
)
def test_not_a_government(text: str) -> None:
    assert government_of(text) is None


def test_table_codes_and_sectors_are_valid() -> None:
    for organization in all_organizations():
        assert organization.sector in SECTORS
        if organization.country is not None:
            assert country_by_iso3(organization.country) is not None, organization.name


def test_government_seats_point_at_known_countries() -> None:
    for row in read_table("government_seats.tsv"):
        assert country_by_iso3(row["iso3"]) is not None, row["phrase"]
