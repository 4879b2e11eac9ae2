"""Stored events as PLOVER records: JSON lines with the PLOVER manual's field names.

The manual ("Data Fields": the PLOVER JSON, entity, text and citation
objects; https://github.com/openeventdata/PLOVER) names the fields so that
datasets from different coders merge; dateline writes those it codes:

    {"id": "dateline-17", "date": "2022-07-04",
     "actor": [{"code": "KAZ", "sector": "GOV", "entity_text": "Alikhan Smailov", ...}],
     "recipient": [{"code": "RUS", ...}], "event": ["CONSULT"], "mode": [], "context": [],
     "event_loc": {"extracted_place": "Yekaterinburg", "lat": 56.85, ...},
     "event_text": ["a meeting between ... took place"],
     "text_info": {"sequence": 1, "start": 243, "end": 340},
     "cite_info": {...}, "coder": "dateline 0.1.0", "coded_date": "2024-05-01", ...}

- `date` is the event's own date where the text gave one, else its
  article's publication date; a date the text gives only to the month or
  year stays at that precision ("2025-01"), never filled in.
- An entity's `code` is its country (ISO 3166-1 alpha-3, as the manual
  asks), or for an international body UNO, EUR or IGO
  (`data/plover_entities.tsv`); `sector` the PLOVER sector code
  (`data/sector_codes.tsv`); `entity_text` the words naming it nearest the
  event, `identifier_text` its name across the store, `office` its role.
- `event_text` holds the event's words and then every sentence merged into
  it; `text_info` the sentence (counted from 1) and character offsets of
  the first in the stored article text. `context` is empty: dateline codes
  no contexts. `quad_code` and `event_scale` come from the PLOVER type
  table. `article_id` and `confidence` are dateline's own additions, as
  the manual allows.
"""

from __future__ import annotations

from typing import Any

from dateline.export.codes import plover_entity, plover_sector
from dateline.knowledge.event_types import plover_types
from dateline.store.event_records import EventRecord, RecordActor, RecordPlace

CODEBOOK = "plover"
LANGUAGE = "en"
RESOLUTION = {"city": 4, "region": 2, "country": 1}
"""The manual's location resolution codes: 4 city, 2 province, 1 country."""


def coder_name() -> str:
    from dateline import __version__

    return f"dateline {__version__}"


def _entity(actor: RecordActor, record: EventRecord) -> dict[str, Any]:
    near = actor.mention_near(record.evidence)
    entity: dict[str, Any] = {
        "code": plover_entity(actor.name, actor.sector) or actor.country,
        "sector": plover_sector(actor.sector),
        "entity_text": near.text if near is not None else actor.name,
        "identifier_text": actor.name,
    }
    if actor.role:
        entity["office"] = actor.role
    return entity


def _location(record: EventRecord) -> dict[str, Any] | None:
    place: RecordPlace | None = record.located
    if place is None and not record.place:
        return None
    found: dict[str, Any] = {"extracted_place": record.place}
    if place is not None:
        found |= {
            "resolved_place": place.name,
            "lat": place.lat,
            "lon": place.lon,
            "country_code": place.country,
            "resolution": RESOLUTION.get(place.kind or ""),
        }
    return found


def plover_record(record: EventRecord) -> dict[str, Any]:
    """One event as a PLOVER JSON record."""

    kind = plover_types().get(record.type)
    article = record.article
    evidence = record.evidence
    ingested = article.ingested_at
    return {
        "id": f"dateline-{record.id}",
        "date": record.day,
        "actor": [_entity(actor, record) for actor in record.sources],
        "recipient": [_entity(actor, record) for actor in record.targets],
        "event": [record.type],
        "mode": [record.mode] if record.mode else [],
        "context": [],
        "event_loc": _location(record),
        "event_text": record.texts,
        "quad_code": kind.plover_quad if kind is not None else None,
        "event_scale": record.intensity,
        "text_info": {
            "sequence": evidence.sentence + 1 if evidence.sentence >= 0 else None,
            "start": evidence.start,
            "end": evidence.end,
        },
        "cite_info": {
            "corpus": article.source,
            "citation": article.id,
            "url": article.url,
            "title": article.title,
            "publication": article.source,
            "language": LANGUAGE,
            "coder": coder_name(),
            "codebook": CODEBOOK,
        },
        "coder": coder_name(),
        "coded_date": ingested.date().isoformat(),
        "coded_time": ingested.time().replace(microsecond=0).isoformat(),
        "article_id": article.id,
        "confidence": record.confidence,
    }
