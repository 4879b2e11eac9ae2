"""Places: the countries, cities and regions an article names, geocoded offline.

A place is what spaCy tags GPE or LOC, plus the dateline city. Countries come
from the countries knowledge base (no coordinates: a country is an area);
cities from the GeoNames gazetteer, disambiguated towards the countries the
article itself names and its dateline, so "Tripoli" in a story about
Lebanon lands in Lebanon.
"""

from __future__ import annotations

from dateline.knowledge.countries import country_by_name
from dateline.knowledge.gazetteer import find_city, fold_place_name
from dateline.knowledge.organizations import find_organization
from dateline.model import Actor, Place, Span
from dateline.parsing import ParsedDoc

PLACE_LABELS = frozenset({"GPE", "LOC"})


def _clean_name(text: str) -> str:
    name = " ".join(text.split())
    if name.lower().startswith("the "):
        name = name[4:]
    return name.strip(" ,.;:'\"")


def _place_mentions(parsed: ParsedDoc) -> list[tuple[str, Span]]:
    mentions: list[tuple[str, Span]] = []
    dateline = parsed.article.dateline
    if dateline is not None:
        mentions.append((dateline.place, dateline.place_span))
    for ent in parsed.doc.ents:
        if ent.label_ in PLACE_LABELS:
            name = _clean_name(ent.text)
            if name:
                mentions.append((name, parsed.span_of(ent)))
    return mentions


def _place_dateline_by_agency(parsed: ParsedDoc, places: dict[str, Place]) -> None:
    """A dateline town too small for the gazetteer is at home for its agency.

    Agencies file datelines abroad under big, well-known cities; a village
    the gazetteer does not know ("IGORA /Leningrad Region/, ... /TASS/") is
    almost always in the agency's own country.
    """

    dateline = parsed.article.dateline
    if dateline is None or dateline.agency is None:
        return
    place = places.get(fold_place_name(dateline.place))
    agency = find_organization(dateline.agency)
    if place is not None and place.country is None and agency is not None and agency.country:
        place.country = agency.country


def extract_places(parsed: ParsedDoc, actors: list[Actor]) -> list[Place]:
    """Every named place once, with all its spans, country and coordinates."""

    mentions = _place_mentions(parsed)
    article_countries: list[str] = [a.country for a in actors if a.kind == "country" and a.country]
    for name, _ in mentions:
        country = country_by_name(name)
        if country is not None and country.iso3 not in article_countries:
            article_countries.append(country.iso3)

    places: dict[str, Place] = {}
    for name, span in mentions:
        country = country_by_name(name)
        # "the US" and "the United States" are one place, named as first written.
        key = f"country:{country.iso3}" if country else fold_place_name(name)
        if key in places:
            places[key].spans.append(span)
            continue
        place = Place(name=name, spans=[span])
        if country is not None:
            place.country, place.kind = country.iso3, "country"
        elif (city := find_city(name, article_countries)) is not None:
            place.country, place.lat, place.lon = city.country, city.lat, city.lon
            place.kind = "city"
        places[key] = place
    _place_dateline_by_agency(parsed, places)
    for place in places.values():
        place.spans.sort()
    return list(places.values())
