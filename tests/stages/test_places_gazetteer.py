"""Places on the dev gold TASS dispatches: regions, small towns, mislabelled names."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

from dateline.evaluate.benchmarks import dev_gold_root
from dateline.knowledge.gazetteer import find_region, find_subdivision, find_town, region_core
from dateline.parsing import parse_article
from dateline.readers import article_from_record
from dateline.stages.places import extract_places


def gold(article_id: str) -> dict:  # type: ignore[type-arg]
    for line in (dev_gold_root() / "tass_dev.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == article_id:
            return record  # type: ignore[no-any-return]
    pytest.skip(f"{article_id} not in the dev gold")


def test_regions_and_towns_of_the_transit_dispatch(nlp: Language) -> None:
    parsed = parse_article(article_from_record(gold("tass-1894067")), nlp)
    places = {p.name: p for p in extract_places(parsed, [])}
    kursk = places["Kursk region"]
    assert kursk.kind == "region" and kursk.country == "RUS"
    assert kursk.lat is not None and abs(kursk.lat - 51.7) < 0.3
    assert places["Sudzha"].country == "RUS"
    assert places["Leningrad region"].country == "RUS", (
        "the dateline region takes the town's country"
    )
    assert "Ukrainian" not in places


def test_company_tagged_as_place_is_dropped(nlp: Language) -> None:
    parsed = parse_article(article_from_record(gold("tass-1894075")), nlp)
    assert "Gazprom" not in {p.name for p in extract_places(parsed, [])}


def test_small_towns_only_in_the_articles_countries() -> None:
    assert find_town("Sudzha", ["RUS"]) is not None
    assert find_town("Sudzha", ["USA"]) is None
    assert region_core("the Kursk Oblast") == "kursk"
    assert region_core("Kursk") is None
    assert find_region("Atlantis region", ["RUS"]) is None


def test_admin_regions_by_their_english_names() -> None:
    leningrad = find_subdivision("Leningrad Region", ["RUS"])
    assert leningrad is not None and leningrad.code == "RU-LEN" and leningrad.country == "RUS"
    assert 59.0 < leningrad.lat < 61.5 and 28.0 < leningrad.lon < 35.5
    other = find_subdivision("the Leningrad region")
    assert other is not None and other.code == "RU-LEN", "the oblast, not St Petersburg"
    assert find_subdivision("Moscow Oblast") is not None
    california = find_subdivision("California")
    assert california is not None and california.country == "USA"
    assert find_subdivision("Zzyzxland Province") is None
    assert find_subdivision("Central") is None, "a name many countries' divisions share"


def test_dateline_region_is_geocoded(nlp: Language) -> None:
    parsed = parse_article(article_from_record(gold("tass-1894079")), nlp)
    region = {p.name: p for p in extract_places(parsed, [])}["Leningrad Region"]
    assert region.kind == "region" and region.country == "RUS"
    assert region.lat is not None and abs(region.lat - 60.1) < 0.5
