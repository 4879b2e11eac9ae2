"""Stored events as GDELT 2.0 tables: the 61-column event table, the 16-column mentions table.

Columns and their order are the GDELT 2.0 Event codebook's
(http://data.gdeltproject.org/documentation/GDELT-Event_Codebook-V2.0.pdf);
files are tab-separated, one record a line, no header, as GDELT publishes
them, so tools written for GDELT's `*.export.CSV` and `*.mentions.CSV`
read ours unchanged. What dateline knows fills its column; what it cannot
know is left empty, never guessed (`NOT_FILLED` lists those columns).

How dateline's facts become GDELT's:

- Dates: SQLDATE/MonthYear/Year/FractionDate from the event's own date where
  the text gave one, else its article's publication date; a date the text
  gives only to the month or year fills only the columns it can. DATEADDED
  is when the article was ingested (UTC).
- Actor1 is the event's first source, Actor2 its first target (for a
  symmetric type with no target, its second source). Codes are CAMEO's:
  the ISO 3166-1 alpha-3 country (CAMEO country codes are alpha-3), the
  type code of the actor's sector (`data/sector_codes.tsv`), Actor1Code
  their concatenation ("RUSGOV"); names upper-cased, as GDELT writes them.
- EventCode, EventBaseCode and EventRootCode are the CAMEO root of the
  PLOVER type (`data/plover_types.tsv`): dateline codes at the root level,
  and the codebook sets the finer codes to the root code then. QuadClass is
  the root's (`data/cameo_roots.tsv`); GoldsteinScale the event's intensity.
- NumMentions counts the sentences merged into the event in its article;
  NumSources and NumArticles are 1: an event is read from one article.
- ActionGeo is the event's place as its article geocoded it (city 4, or 3 in
  the US; region 5, or 2 in the US; country 1), Actor1Geo/Actor2Geo the
  side's country at country resolution; country codes in FIPS 10-4, as the
  codebook says, coordinates where the article geocoded the place.
- SOURCEURL is the article's URL, else its id (what `dateline show` takes).
- Mentions: one row per sentence of the event: the evidence, then each
  merged sentence. Actor1CharOffset/Actor2CharOffset/ActionCharOffset are
  offsets into the stored article text of the side's mention in that
  sentence and of the event's words (-1 where the sentence names no such
  side); SentenceID counts from 1; Confidence is a percentage.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import urlsplit

from dateline.export.codes import cameo_quad, cameo_type, country_name, fips_code
from dateline.knowledge.event_types import plover_types
from dateline.store.event_records import EventRecord, RecordActor, RecordPlace

_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)

EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{name}" for name in _ACTOR),
    *(f"Actor2{name}" for name in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{name}" for name in _GEO),
    *(f"Actor2Geo_{name}" for name in _GEO),
    *(f"ActionGeo_{name}" for name in _GEO),
    "DATEADDED",
    "SOURCEURL",
)
"""The GDELT 2.0 event table's 61 columns, in the codebook's order."""

MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
)
"""The GDELT 2.0 mentions table's 16 columns, in the codebook's order."""

NOT_FILLED: tuple[str, ...] = (
    *(f"Actor{n}{name}" for n in (1, 2) for name in _ACTOR[3:7]),
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "AvgTone",
    *(f"{who}Geo_{name}" for who in ("Actor1", "Actor2", "Action") for name in _GEO[3:5]),
    *(f"{who}Geo_FeatureID" for who in ("Actor1", "Actor2", "Action")),
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
)
"""Columns dateline leaves empty: it codes no known groups, ethnicity,
religion or second roles, no tone, no administrative divisions or GNS
feature ids, and translates nothing."""

GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = 1, 2, 3, 4, 5
MENTION_WEB, MENTION_CITATION = 1, 2
NO_OFFSET = -1


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return " ".join(str(value).split())


def _stamp(moment: datetime) -> str:
    """YYYYMMDDHHMMSS in UTC, as DATEADDED and the mention times are written."""

    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y%m%d%H%M%S")


def _date_columns(day: str | None) -> list[object]:
    """SQLDATE, MonthYear, Year, FractionDate: as many as the date's precision allows."""

    parts = (day or "").split("/")[0].split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4:
        return [None, None, None, None]
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    day_of_month = int(parts[2][:2]) if len(parts) > 2 and parts[2][:2].isdigit() else None
    if month is None:
        return [None, None, year, None]
    if day_of_month is None:
        return [None, f"{year}{month:02d}", year, None]
    fraction = f"{year + (month * 30 + day_of_month) / 365:.4f}"
    return [f"{year}{month:02d}{day_of_month:02d}", f"{year}{month:02d}", year, fraction]


def dyad(record: EventRecord) -> tuple[RecordActor | None, RecordActor | None]:
    """Actor1 and Actor2: the first source and the first target (for a
    symmetric type without a target, the second source)."""

    first = record.sources[0] if record.sources else None
    if record.targets:
        return first, record.targets[0]
    kind = plover_types().get(record.type)
    if kind is not None and kind.symmetric and len(record.sources) > 1:
        return first, record.sources[1]
    return first, None


def _actor_columns(actor: RecordActor | None) -> list[object]:
    if actor is None:
        return [None] * len(_ACTOR)
    role = cameo_type(actor.sector)
    code = "".join(part for part in (actor.country, role) if part) or None
    return [code, actor.name.upper(), actor.country, None, None, None, None, role, None, None]


def _geo_columns(place: RecordPlace | None) -> list[object]:
    """Type, FullName, CountryCode, ADM1, ADM2, Lat, Long, FeatureID of a place."""

    if place is None:
        return [None] * len(_GEO)
    country = country_name(place.country)
    us = (place.country or "").upper() == "USA"
    if place.kind == "country":
        kind, full_name = GEO_COUNTRY, country or place.name
    elif place.kind == "region":
        kind = GEO_US_STATE if us else GEO_WORLD_STATE
        full_name = ", ".join(p for p in (place.name, country) if p)
    elif place.kind == "city":
        kind = GEO_US_CITY if us else GEO_WORLD_CITY
        full_name = ", ".join(p for p in (place.name, country) if p)
    else:
        kind, full_name = None, place.name
    return [kind, full_name, fips_code(place.country), None, None, place.lat, place.lon, None]


def _actor_place(record: EventRecord, actor: RecordActor | None) -> RecordPlace | None:
    """A side's country as a country-level place, with coordinates where the
    article geocoded that country itself."""

    if actor is None or not actor.country:
        return None
    geocoded = next(
        (
            p
            for p in record.article_places
            if p.kind == "country" and p.country == actor.country and p.lat is not None
        ),
        None,
    )
    if geocoded is not None:
        return geocoded
    name = country_name(actor.country) or actor.country
    return RecordPlace(name, actor.country, None, None, "country")


def _action_place(record: EventRecord) -> RecordPlace | None:
    if record.located is not None:
        return record.located
    if record.place:
        return RecordPlace(record.place, None, None, None, None)
    return None


def source_url(record: EventRecord) -> str:
    return record.article.url or record.article.id


def event_row(record: EventRecord) -> list[str]:
    """One line of the event table: the 61 cells, in order."""

    actor1, actor2 = dyad(record)
    root = record.cameo or _root_of(record.type)
    lead = record.article.lead
    is_root = int(lead.start <= record.evidence.start < lead.end)
    cells: list[object] = [
        record.id,
        *_date_columns(record.day),
        *_actor_columns(actor1),
        *_actor_columns(actor2),
        is_root,
        root,
        root,
        root,
        cameo_quad(root),
        record.intensity,
        len(record.mentions),
        1,
        1,
        None,
        *_geo_columns(_actor_place(record, actor1)),
        *_geo_columns(_actor_place(record, actor2)),
        *_geo_columns(_action_place(record)),
        _stamp(record.article.ingested_at),
        source_url(record),
    ]
    assert len(cells) == len(EVENT_COLUMNS)
    return [_cell(value) for value in cells]


def _root_of(kind: str) -> str | None:
    known = plover_types().get(kind)
    return known.cameo if known is not None else None


def _source_name(record: EventRecord) -> str | None:
    """GDELT names a web source by its domain; an offline one by its name."""

    if record.article.url:
        host = urlsplit(record.article.url).hostname
        if host:
            return host.removeprefix("www.")
    return record.article.source


def mention_rows(record: EventRecord) -> Iterator[list[str]]:
    """The mentions table's lines of one event: the evidence, then each merged sentence."""

    actor1, actor2 = dyad(record)
    added = _stamp(record.article.ingested_at)
    kind = MENTION_WEB if record.article.url else MENTION_CITATION
    for span in record.mentions:
        offsets = []
        for actor in (actor1, actor2):
            near = actor.mention_near(span) if actor is not None else None
            offsets.append(near.span.start if near is not None else NO_OFFSET)
        cells: list[object] = [
            record.id,
            added,
            added,
            kind,
            _source_name(record),
            source_url(record),
            span.sentence + 1 if span.sentence >= 0 else None,
            *offsets,
            span.start,
            1,
            round(record.confidence * 100),
            record.article.length,
            None,
            None,
            None,
        ]
        assert len(cells) == len(MENTION_COLUMNS)
        yield [_cell(value) for value in cells]
