"""Extractions as plain JSON in the shape of the gold files.

The field names and value conventions are those of
`shared/eval/GOLD_FORMAT.md`, so output can be scored against gold and read
by anyone who knows that format. Evidence rides along: every fact adds its
character `span` ([start, end)) and `sentence` index, and the article lists
its sentence spans, so `text[start:end]` shows why a fact was extracted.
"""

from __future__ import annotations

from typing import Any

from dateline.model import Actor, Amount, Event, Extraction, Place, Quote, Span


def _span(span: Span) -> dict[str, int]:
    return {"start": span.start, "end": span.end, "sentence": span.sentence}


def distinct_mentions(actor: Actor, text: str) -> list[str]:
    """Each surface string once, in order of first appearance."""

    seen: dict[str, None] = {}
    for span in sorted(actor.mentions):
        seen.setdefault(span.text(text), None)
    return list(seen)


def actor_dict(actor: Actor, text: str) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "role": actor.role,
        "sector": actor.sector,
        "mentions": distinct_mentions(actor, text),
        "spans": [_span(s) for s in sorted(actor.mentions)],
        "confidence": round(actor.confidence, 3),
    }


def quote_dict(quote: Quote, text: str) -> dict[str, Any]:
    """`speaker` is an actor id; `source` the words naming whoever spoke, kept
    even where they name no actor ("the letter"), so every quote shows them."""

    return {
        "kind": quote.kind,
        "speaker": quote.speaker,
        "text": quote.text,
        "span": _span(quote.span),
        "cue": quote.cue.text(text) if quote.cue else None,
        "cue_span": _span(quote.cue) if quote.cue else None,
        "source": quote.source.text(text) if quote.source else None,
        "source_span": _span(quote.source) if quote.source else None,
        "confidence": round(quote.confidence, 3),
    }


def amount_dict(amount: Amount) -> dict[str, Any]:
    return {
        "text": amount.text,
        "value": amount.value,
        "unit": amount.unit,
        "measure": amount.measure,
        "period": amount.period,
        "approximate": amount.approximate,
        "bound": amount.bound,
        "change": amount.change,
        "direction": amount.direction,
        "low": amount.low,
        "high": amount.high,
        "parties": list(amount.parties),
        "span": _span(amount.span),
        "measure_span": _span(amount.measure_span) if amount.measure_span else None,
        "confidence": round(amount.confidence, 3),
    }


def event_dict(event: Event, text: str) -> dict[str, Any]:
    return {
        "type": event.type,
        "actors": list(event.actors),
        "targets": list(event.targets),
        "place": event.place,
        "date": event.date,
        "mode": event.mode,
        "cameo": event.cameo,
        "intensity": event.intensity,
        "evidence": event.evidence.text(text),
        "span": _span(event.evidence),
        "supporting": [_span(s) for s in event.supporting],
        "confidence": round(event.confidence, 3),
    }


def place_dict(place: Place) -> dict[str, Any]:
    return {
        "name": place.name,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "kind": place.kind,
        "spans": [_span(s) for s in place.spans],
    }


def extraction_to_dict(found: Extraction) -> dict[str, Any]:
    """One article's facts in the gold shape, plus spans and confidences."""

    article = found.article
    text = article.text
    meta: dict[str, Any] = {
        "date": article.published.isoformat() if article.published else None,
        "dateline": article.dateline_place,
        "source": article.source,
    }
    if article.title:
        meta["title"] = article.title
    if article.url:
        meta["url"] = article.url
    if article.dateline and article.dateline.agency:
        meta["agency"] = article.dateline.agency
    return {
        "id": article.id,
        "text": text,
        "meta": meta,
        "sentences": [[s.start, s.end] for s in found.sentences],
        "actors": [actor_dict(a, text) for a in found.actors],
        "quotes": [quote_dict(q, text) for q in found.quotes],
        "amounts": [amount_dict(a) for a in found.amounts],
        "events": [event_dict(e, text) for e in found.events],
        "places": [place_dict(p) for p in found.places],
    }
