"""Places on real dispatches: regions, small towns, mislabelled names, namesakes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language
from tests.conftest import DEV_GOLD

from dateline.knowledge.gazetteer import (
    find_city,
    find_region,
    find_subdivision,
    find_town,
    is_world_region,
    region_core,
)
from dateline.model import Place
from dateline.parsing import parse_article
from dateline.readers import article_from_record, read_text
from dateline.stages.places import extract_places


def gold(article_id: str) -> dict:  # type: ignore[type-arg]
    for line in (DEV_GOLD / "tass_dev.jsonl").read_text(encoding="utf-8").splitlines():
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


def test_capitals_and_home_states_win_over_namesakes() -> None:
    paris = find_city("Paris", ["USA", "SYR"])
    assert paris is not None and paris.country == "FRA", "not Paris, Texas"
    tripoli = find_city("Tripoli", ["LBN"])
    assert tripoli is not None and tripoli.country == "LBN", "the article's country still counts"
    assert is_world_region("the Middle East") and not is_world_region("Moscow")


def _places(nlp: Language, text: str) -> dict[str, Place]:
    parsed = parse_article(read_text(text, published=date(2019, 3, 23)), nlp)
    return {p.name: p for p in extract_places(parsed, [])}


def test_guardian_places_in_a_story_that_names_the_us(nlp: Language) -> None:
    # guardian-ngec-sample 11 and 18: namesakes in the US must not win
    places = _places(
        nlp,
        "In late 2015, suicide bombers attacked Paris. The two children of Bashirul Shikder, "
        "an US citizen from Florida, were among the last group in the rubble of Baghuz. "
        "“The message that they are not wanted is growing stronger,” said Unicef’s regional "
        "director for the Middle East, Geert Cappelaere.",
    )
    assert places["Paris"].country == "FRA"
    florida = places["Florida"]
    assert florida.country == "USA" and florida.kind == "region"
    assert florida.lat is not None and 24 < florida.lat < 31
    middle_east = places["Middle East"]
    assert middle_east.lat is None and middle_east.country is None


def test_nationality_compass_and_possessive_forms(nlp: Language) -> None:
    # guardian-ngec-sample 11 and 7, tass-politics-sample 1893901 and 1893893
    places = _places(
        nlp,
        "“Our homes may be broken, but the toll on our young and old is worse,” said Radwan "
        "Shamsi, an elderly man who ran a shop in the Syrian town of al-Bab before fleeing to "
        "the al-Hawl refugee camp. Dr Abdulkarim Omar, chair of the foreign relations "
        "commission in North Syria, told the Sydney Morning Herald the Kurdish authorities "
        "couldn’t make arrangements for returning women and children until foreign governments "
        "made contact. According to the ministry, the total length of the observed area along "
        "the Krasnodar Region's coast is currently 220 kilometers. According to him, such "
        'formats "really create alternative platforms for access to information for the '
        "population of the global South, the global East, and interested citizens of Western "
        'countries."',
    )
    assert "Syrian" not in places, "the town is the place, not its nationality"
    assert places["North Syria"].country == "SYR"
    krasnodar = places["Krasnodar Region"]
    assert krasnodar.country == "RUS" and krasnodar.lat is not None
    assert not {"South", "East"} & set(places)


def test_the_index_file_answers_as_the_index_built_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folded-name index is built once into the cache folder; a process that
    reads it gets the rows a process building it in memory gets."""

    from dateline.knowledge import gazetteer_index

    monkeypatch.setenv(gazetteer_index.CACHE_ENV, str(tmp_path))
    path = gazetteer_index.index_path()
    gazetteer_index.build(path)
    assert path.is_file() and path.parent == tmp_path
    assert not [p for p in tmp_path.iterdir() if p != path]  # no temporary file left
    on_disk, in_memory = gazetteer_index.GazetteerIndex(path), gazetteer_index.GazetteerIndex(None)
    for table, key in (("cities", "tripoli"), ("cities", "paris"), ("towns", "kursk")):
        assert on_disk.rows(table, key) == in_memory.rows(table, key) != []
    assert on_disk.rows("subdivisions", "leningrad") == in_memory.rows("subdivisions", "leningrad")
    assert on_disk.towns_of_region("RUS", "42") == in_memory.towns_of_region("RUS", "42")
