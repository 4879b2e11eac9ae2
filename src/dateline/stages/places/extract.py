"""Places: the countries, cities and regions an article names, geocoded offline.

A place is what spaCy tags GPE or LOC, plus the dateline city. Countries come
from the countries knowledge base (no coordinates: a country is an area);
cities from the GeoNames gazetteer, disambiguated towards the countries the
article itself names and its dateline, so "Tripoli" in a story about
Lebanon lands in Lebanon.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from dateline.document import ParsedDoc
from dateline.knowledge.countries import country_by_adjective, country_by_name
from dateline.knowledge.gazetteer import (
    REGION_WORDS,
    find_city,
    find_region,
    find_subdivision,
    find_town,
    fold_place_name,
    is_world_region,
    region_core,
)
from dateline.knowledge.organizations import find_organization
from dateline.model import Actor, Place, Span

PLACE_LABELS = frozenset({"GPE", "LOC"})
MISLABELLED = frozenset({"PERSON", "ORG", "PRODUCT", "FAC", "WORK_OF_ART", "NORP"})
"""Labels the small model gives place names it does not know ("Kursk" PRODUCT)."""
SETTLEMENT_NOUNS = frozenset({"station", "checkpoint", "village", "town", "settlement"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "near", "outside", "between"})
COMPASS_WORDS = frozenset(
    {
        *("north", "south", "east", "west", "northern", "southern", "eastern", "western"),
        *("north-east", "north-west", "south-east", "south-west", "northeast", "northwest"),
        *("southeast", "southwest", "north-eastern", "north-western", "south-eastern"),
        *("south-western", "northeastern", "northwestern", "southeastern", "southwestern"),
        *("central",),
    }
)
"""Words that name a part of a place ("eastern Syria"), never a place alone ("the global South")."""
_POSSESSIVE_ENDINGS = ("'s", "’s")


def _clean_name(text: str) -> str:
    """The name as a place is known: no leading "the", no possessive ("Krasnodar Region's")."""

    name = " ".join(text.split())
    if name.lower().startswith("the "):
        name = name[4:]
    if name.endswith(_POSSESSIVE_ENDINGS):
        name = name[:-2]
    return name.strip(" ,.;:'\"")


def _part_of_country(name: str) -> str | None:
    """ISO3 of the country in "eastern Syria" or "North Syria": a compass word and a country."""

    first, _, rest = name.partition(" ")
    if first.lower() not in COMPASS_WORDS or not rest:
        return None
    country = country_by_name(rest)
    return country.iso3 if country is not None else None


def _place_mentions(parsed: ParsedDoc) -> list[tuple[str, Span]]:
    mentions: list[tuple[str, Span]] = []
    dateline = parsed.article.dateline
    if dateline is not None:
        mentions.append((dateline.place, dateline.place_span))
        if dateline.region and (region_span := _region_span(parsed)) is not None:
            mentions.append((parsed.text[region_span.start : region_span.end], region_span))
    for ent in parsed.doc.ents:
        if ent.label_ in PLACE_LABELS:
            name = _clean_name(ent.text)
            if (
                name
                and name.lower() not in COMPASS_WORDS
                and not _is_nationality_word(name)
                and not _is_organization(name)
            ):
                mentions.append((name, parsed.span_of(ent)))
        elif ent.label_ in MISLABELLED and (found := _mislabelled_place(ent, parsed)):
            mentions.append(found)
    return mentions


def _mislabelled_place(ent: SpacySpan, parsed: ParsedDoc) -> tuple[str, Span] | None:
    """A place the model tagged as something else, told by the words around it.

    "the Kursk region" (a region word follows), "the Sudzha station" (a
    settlement word follows), "between Moscow and Ho Chi Minh City" (a
    known city after a place preposition or joined to a place).
    """

    if _is_nationality_word(ent.text):  # "the Syrian town of al-Bab": the town is the place
        return None
    doc = ent.doc
    following = doc[ent.end] if ent.end < len(doc) else None
    if following is not None and following.lower_ in REGION_WORDS:
        return _clean_name(doc[ent.start : ent.end + 1].text), parsed.span(
            ent.start_char, following.idx + len(following)
        )
    if following is not None and following.lower_ in SETTLEMENT_NOUNS:
        return _clean_name(ent.text), parsed.span_of(ent)
    previous = doc[ent.start - 1] if ent.start > 0 else None
    joined = ent.root.dep_ == "conj" and ent.root.head.ent_type_ in PLACE_LABELS
    if (joined or (previous is not None and previous.lower_ in PLACE_PREPOSITIONS)) and (
        find_city(ent.text) is not None
    ):
        return _clean_name(ent.text), parsed.span_of(ent)
    return None


def _is_nationality_word(name: str) -> bool:
    """ "Ukrainian" tagged GPE is an adjective, not a place."""

    return country_by_name(name) is None and country_by_adjective(name) is not None


def _is_organization(name: str) -> bool:
    """ "Gazprom" tagged GPE is a company the knowledge base knows, not a place."""

    return (
        country_by_name(name) is None
        and find_organization(name) is not None
        and (find_city(name) is None)
    )


def _region_span(parsed: ParsedDoc) -> Span | None:
    """Where the dateline's region ("/Leningrad Region/") is written in the header."""

    dateline = parsed.article.dateline
    if dateline is None or not dateline.region:
        return None
    header = parsed.text[dateline.span.start : dateline.span.end]
    at = header.lower().find(dateline.region.lower())
    if at < 0:
        return None
    start = dateline.span.start + at
    return Span(start, start + len(dateline.region), -1)


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
    region = places.get(fold_place_name(dateline.region)) if dateline.region else None
    if region is not None and region.country is None and place is not None and place.country:
        region.country = place.country  # "IGORA /Leningrad Region/": the town's country


def _geocode(place: Place, article_countries: list[str]) -> None:
    """Coordinates for a region, a city, or a small town of the article's countries.

    A name with a region word ("Kursk region") is a subdivision, placed at
    the centre the ISO 3166-2 data gives, else at the mean of its towns. A
    bare name is a city first ("Washington"), then a state or province
    ("California"), then a small town of a country the article is about;
    but a state of a country the article is about beats a city elsewhere
    ("Florida" in a story naming the US is not Floridablanca, Colombia).
    Parts of the world ("the Middle East") and of a country ("eastern
    Syria") are areas: the latter gets its country, neither a point.
    """

    if is_world_region(place.name):
        return
    if (part_of := _part_of_country(place.name)) is not None:
        place.country, place.kind = part_of, "region"
        return
    if region_core(place.name) is not None:
        place.kind = "region"
        found = find_subdivision(place.name, article_countries) or find_region(
            place.name, article_countries
        )
        if found is not None:
            place.country, place.lat, place.lon = found.country, found.lat, found.lon
        return
    city = find_city(place.name, article_countries)
    subdivision = find_subdivision(place.name, article_countries)
    if city is not None and not (
        city.country not in article_countries
        and subdivision is not None
        and subdivision.country in article_countries
    ):
        place.country, place.lat, place.lon = city.country, city.lat, city.lon
        place.kind = "city"
    elif subdivision is not None:
        place.country, place.lat, place.lon = subdivision.country, subdivision.lat, subdivision.lon
        place.kind = "region"
    elif article_countries and (town := find_town(place.name, article_countries)) is not None:
        place.country, place.lat, place.lon = town.country, town.lat, town.lon
        place.kind = "city"


def _regeocode_strays(places: list[Place], article_countries: list[str]) -> None:
    """Look again at a place put in a country nothing else in the article is in, or in none.

    "Midlothian" in a story about Edinburgh and Carlisle is the Scottish
    council area, not the Texas town, and "Gorebridge" a village near them:
    the countries of the article's other places count as the article's
    countries too.
    """

    for place in places:
        unplaced = place.kind is None and place.country is None
        if not unplaced and (
            place.kind not in {"city", "region"} or place.country in article_countries
        ):
            continue
        others = [p.country for p in places if p is not place and p.country is not None]
        context = [*article_countries, *(c for c in others if c not in article_countries)]
        if place.country in others:
            continue
        candidate = Place(name=place.name, spans=place.spans)
        _geocode(candidate, context)
        if candidate.country is not None and candidate.country in others:
            place.country, place.lat, place.lon = candidate.country, candidate.lat, candidate.lon
            place.kind = candidate.kind


def _dateline_country(parsed: ParsedDoc) -> str | None:
    dateline = parsed.article.dateline
    if dateline is None:
        return None
    if (city := find_city(dateline.place)) is not None:
        return city.country
    agency = find_organization(dateline.agency) if dateline.agency else None
    return agency.country if agency is not None else None


def extract_places(parsed: ParsedDoc, actors: list[Actor]) -> list[Place]:
    """Every named place once, with all its spans, country and coordinates."""

    mentions = _place_mentions(parsed)
    article_countries: list[str] = [a.country for a in actors if a.kind == "country" and a.country]
    for name, _ in mentions:
        country = country_by_name(name)
        if country is not None and country.iso3 not in article_countries:
            article_countries.append(country.iso3)

    if (home := _dateline_country(parsed)) is not None and home not in article_countries:
        article_countries.append(home)
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
        else:
            _geocode(place, article_countries)
        places[key] = place
    _regeocode_strays(list(places.values()), article_countries)
    _place_dateline_by_agency(parsed, places)
    for place in places.values():
        place.spans.sort()
    return list(places.values())
