"""Extractions as plain JSON in the shape of the gold files.

The field names and value conventions are those of
`shared/eval/GOLD_FORMAT.md`, so output can be scored against gold and read
by anyone who knows that format. Evidence rides along: every fact adds its
character `span` ([start, end)) and `sentence` index, and the article lists
its sentence spans, so `text[start:end]` shows why a fact was extracted.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dateline.model import Actor, Amount, Article, Event, Extraction, Place, Quote, Span


def _span(span: Span) -> dict[str, int]:
    return {"start": span.start, "end": span.end, "sentence": span.sentence}


def _span_with_words(span: Span, text: str) -> dict[str, Any]:
    return _span(span) | {"text": span.text(text)}


def _words_at(span: Span | None, text: str) -> dict[str, Any] | None:
    """Optional words of the text with their offsets: a quote's cue, an amount's measure."""

    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": span.text(text)}


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


def article_meta(article: Article) -> dict[str, Any]:
    """The gold `meta`: date, dateline and source, with title, url, agency and where the
    article came from (author, site, path, line, captured) where known."""

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
    for key in ("author", "site", "path", "line"):
        if getattr(article, key) is not None:
            meta[key] = getattr(article, key)
    if article.captured is not None:
        meta["captured"] = article.captured.isoformat()
    return meta


def extraction_to_dict(found: Extraction) -> dict[str, Any]:
    """One article's facts in the gold shape, plus spans and confidences."""

    article = found.article
    text = article.text
    return {
        "id": article.id,
        "text": text,
        "meta": article_meta(article),
        "sentences": [[s.start, s.end] for s in found.sentences],
        "actors": [actor_dict(a, text) for a in found.actors],
        "quotes": [quote_dict(q, text) for q in found.quotes],
        "amounts": [amount_dict(a) for a in found.amounts],
        "events": [event_dict(e, text) for e in found.events],
        "places": [place_dict(p) for p in found.places],
    }


STORED_META = (
    "date",
    "dateline",
    "agency",
    "source",
    "title",
    "url",
    "author",
    "site",
    "path",
    "line",
    "captured",
)
"""Every `meta` key of a stored article, None where unknown, so a reader can rely on them."""


def stored_article_dict(
    found: Extraction, *, actor_rows: Mapping[str, int], ingested_at: str
) -> dict[str, Any]:
    """An article read back from the store: `dateline show --json`, /api/articles/ID.

    The gold shape of `extraction_to_dict` with what a reader of the store
    (and the web page) needs besides: every `meta` key and when the article
    was ingested; sentences as `{start, end}`; per actor its corpus-wide
    `actor_id` (`actor_rows`: article-local id -> row id); the names of
    speakers and event sides beside their ids, and parties by name; the
    words under every span; a quote's cue and source, an amount's measure
    as `{start, end, text}` (the store keeps no sentence index for these).
    """

    article = found.article
    text = article.text

    def name(actor_id: str | None) -> str | None:
        actor = found.actor(actor_id)
        return actor.name if actor else None

    meta = dict.fromkeys(STORED_META) | article_meta(article)
    actors = [
        actor_dict(a, text)
        | {
            "spans": [_span_with_words(s, text) for s in sorted(a.mentions)],
            "actor_id": actor_rows[a.id],
        }
        for a in found.actors
    ]
    quotes = [
        {k: v for k, v in quote_dict(q, text).items() if k not in ("cue_span", "source_span")}
        | {
            "cue": _words_at(q.cue, text),
            "source": _words_at(q.source, text),
            "speaker_name": name(q.speaker),
        }
        for q in found.quotes
    ]
    amounts = [
        amount_dict(a)
        | {
            "parties": [name(p) for p in a.parties],
            "measure_span": _words_at(a.measure_span, text),
        }
        for a in found.amounts
    ]
    events = [
        event_dict(e, text)
        | {
            "actor_names": [name(a) for a in e.actors],
            "target_names": [name(t) for t in e.targets],
        }
        for e in found.events
    ]
    places = [
        place_dict(p) | {"spans": [_span_with_words(s, text) for s in p.spans]}
        for p in found.places
    ]
    return {
        "id": article.id,
        "text": text,
        "meta": meta | {"ingested_at": ingested_at},
        "sentences": [{"start": s.start, "end": s.end} for s in found.sentences],
        "actors": actors,
        "quotes": quotes,
        "amounts": amounts,
        "events": events,
        "places": places,
    }


def summary_dict(found: Extraction) -> dict[str, Any]:
    """The facts of one article by name, not id: who, who said what, figures, events, places."""

    article = found.article
    text = article.text

    def names(actor_ids: list[str]) -> list[str | None]:
        return [actor.name if (actor := found.actor(i)) else None for i in actor_ids]

    return {
        "article": {
            "id": article.id,
            "title": article.title,
            "source": article.source,
            "published": article.published.isoformat() if article.published else None,
            "dateline": article.dateline_place,
            "url": article.url,
        },
        "actors": [
            {
                "name": a.name,
                "kind": a.kind,
                "role": a.role,
                "country": a.country,
                "sector": a.sector,
                "mentions": len(a.mentions),
            }
            for a in found.actors
        ],
        "quotes": [
            {
                "speaker": names([q.speaker])[0] if q.speaker else None,
                "source": q.source.text(text) if q.source else None,
                "kind": q.kind,
                "text": q.text,
            }
            for q in found.quotes
        ],
        "amounts": [
            {k: v for k, v in amount_dict(a).items() if k in SUMMARY_AMOUNT} for a in found.amounts
        ],
        "events": [
            {
                "type": e.type,
                "actors": names(e.actors),
                "targets": names(e.targets),
                "place": e.place,
                "date": e.date,
                "evidence": e.evidence.text(text),
            }
            for e in found.events
        ],
        "places": [
            {"name": p.name, "country": p.country, "kind": p.kind, "lat": p.lat, "lon": p.lon}
            for p in found.places
        ],
    }


SUMMARY_AMOUNT = ("text", "value", "unit", "measure", "period", "approximate")
