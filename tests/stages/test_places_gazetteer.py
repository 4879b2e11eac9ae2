"""Places on the dev gold TASS dispatches: regions, small towns, mislabelled names."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

from dateline.evaluate.benchmarks import dev_gold_root
from dateline.knowledge.gazetteer import find_region, find_town, region_core
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
