"""Queries behind `dateline show`, `quotes`, `stats` and `summary`.

Every function returns plain JSON-ready values (dates as ISO strings,
unknown values as None) so the CLI and a web layer can print them as they
are. `get_article` mirrors the gold JSON of GOLD_FORMAT.md (actor ids, mention
strings, `speaker`, `actors`/`targets`, `evidence`) and adds the spans, so
output can be scored against gold and still shows where each fact came from.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.errors import NotFound
from dateline.store.names import normalise_name
from dateline.store.schema import (
    actors,
    amounts,
    article_actors,
    articles,
    event_participants,
    events,
    mentions,
    place_mentions,
    places,
    quotes,
    sentences,
)

JsonDict = dict[str, Any]


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _utc_iso(moment: datetime) -> str:
    """SQLite hands back naive datetimes; the store always writes UTC."""

    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat()


def _span(row: Any, text: str | None = None) -> JsonDict:
    span: JsonDict = {"start": row.start, "end": row.end, "sentence": row.sentence}
    if text is not None:
        span["text"] = text[row.start : row.end]
    return span


def _char_range(start: int | None, end: int | None, text: str) -> JsonDict | None:
    """An optional span stored as two nullable columns (a quote's cue), with its words."""

    if start is None or end is None:
        return None
    return {"start": start, "end": end, "text": text[start:end]}


def _rows_of(conn: Connection, table: sa.Table, article_id: str, order: str) -> list[Any]:
    """All rows of one article in `table`, ordered by column `order`."""

    query = sa.select(table).where(table.c.article_id == article_id).order_by(table.c[order])
    return list(conn.execute(query))


def article_ids(conn: Connection) -> set[str]:
    return set(conn.execute(sa.select(articles.c.id)).scalars())


def get_article(conn: Connection, article_id: str) -> JsonDict | None:
    """One article with every fact, in the gold shape plus spans; None if absent."""

    row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        return None
    text: str = row.text
    article_actors_, local_of_row, names = _article_actors(conn, article_id, text)
    return {
        "id": row.id,
        "text": text,
        "meta": {
            "date": _iso(row.published),
            "dateline": row.dateline_place,
            "agency": row.dateline_agency,
            "source": row.source,
            "title": row.title,
            "url": row.url,
            "ingested_at": _utc_iso(row.ingested_at),
        },
        "sentences": [
            {"start": s.start, "end": s.end} for s in _rows_of(conn, sentences, article_id, "idx")
        ],
        "actors": article_actors_,
        "quotes": _quotes(conn, article_id, text, local_of_row, names),
        "amounts": _amounts(conn, article_id, text),
        "events": _events(conn, article_id, text, local_of_row, names),
        "places": _places(conn, article_id, text),
    }


def _article_actors(
    conn: Connection, article_id: str, text: str
) -> tuple[list[JsonDict], dict[int, str], dict[int, str]]:
    """Actors of one article, ordered by first mention.

    Also returns, per actor row, the article-local id facts refer to and the
    display name, so quotes and events can name their actors.
    """

    query = (
        sa.select(article_actors, actors.c.name, actors.c.kind, actors.c.country, actors.c.sector)
        .join(actors, actors.c.id == article_actors.c.actor_id)
        .where(article_actors.c.article_id == article_id)
        .order_by(article_actors.c.local_id)
    )
    spans_of_row: dict[int, list[Any]] = defaultdict(list)
    for mention in _rows_of(conn, mentions, article_id, "start"):
        spans_of_row[mention.actor_id].append(mention)
    found: list[JsonDict] = []
    local_of_row: dict[int, str] = {}
    names: dict[int, str] = {}
    for row in conn.execute(query):
        first_local = row.actor_id not in local_of_row
        local_of_row.setdefault(row.actor_id, row.local_id)
        names[row.actor_id] = row.name
        spans = spans_of_row[row.actor_id] if first_local else []
        found.append(
            {
                "id": row.local_id,
                "actor_id": row.actor_id,
                "name": row.name,
                "kind": row.kind,
                "country": row.country or None,
                "role": row.role,
                "sector": row.sector,
                "confidence": row.confidence,
                "mentions": list(dict.fromkeys(m.text for m in spans)),
                "spans": [_span(m, text) for m in spans],
            }
        )
    found.sort(key=lambda a: (a["spans"][0]["start"] if a["spans"] else len(text), a["id"]))
    return found, local_of_row, names


def _quotes(
    conn: Connection,
    article_id: str,
    text: str,
    local_of_row: dict[int, str],
    names: dict[int, str],
) -> list[JsonDict]:
    rows = _rows_of(conn, quotes, article_id, "start")
    return [
        {
            "kind": q.kind,
            "speaker": local_of_row.get(q.speaker_id) if q.speaker_id is not None else None,
            "speaker_name": names.get(q.speaker_id) if q.speaker_id is not None else None,
            "text": q.text,
            "span": _span(q),
            "cue": _char_range(q.cue_start, q.cue_end, text),
            "source": _char_range(q.source_start, q.source_end, text),
            "confidence": q.confidence,
        }
        for q in rows
    ]


def _amounts(conn: Connection, article_id: str, text: str) -> list[JsonDict]:
    rows = _rows_of(conn, amounts, article_id, "start")
    return [
        {
            "text": a.text,
            "value": a.value,
            "unit": a.unit,
            "measure": a.measure,
            "period": a.period,
            "approximate": bool(a.approximate),
            "bound": a.bound,
            "change": bool(a.change),
            "direction": a.direction,
            "low": a.low,
            "high": a.high,
            "parties": list(a.parties or []),
            "span": _span(a),
            "measure_span": _char_range(a.measure_start, a.measure_end, text),
            "confidence": a.confidence,
        }
        for a in rows
    ]


def _events(
    conn: Connection,
    article_id: str,
    text: str,
    local_of_row: dict[int, str],
    names: dict[int, str],
) -> list[JsonDict]:
    rows = _rows_of(conn, events, article_id, "start")
    sides: dict[tuple[int, str], list[int]] = defaultdict(list)
    participants = (
        sa.select(event_participants)
        .where(event_participants.c.event_id.in_([e.id for e in rows]))
        .order_by(event_participants.c.event_id, event_participants.c.position)
    )
    for p in conn.execute(participants):
        sides[(p.event_id, p.side)].append(p.actor_id)
    found = []
    for e in rows:
        source, target = sides[(e.id, "source")], sides[(e.id, "target")]
        found.append(
            {
                "type": e.type,
                "actors": [local_of_row.get(a) for a in source],
                "targets": [local_of_row.get(a) for a in target],
                "actor_names": [names.get(a) for a in source],
                "target_names": [names.get(a) for a in target],
                "place": e.place,
                "date": e.date,
                "mode": e.mode,
                "cameo": e.cameo,
                "intensity": e.intensity,
                "evidence": text[e.start : e.end],
                "span": _span(e),
                "supporting": [
                    {"start": s, "end": t, "sentence": n} for s, t, n in (e.supporting or [])
                ],
                "confidence": e.confidence,
            }
        )
    return found


def _places(conn: Connection, article_id: str, text: str) -> list[JsonDict]:
    rows = _rows_of(conn, places, article_id, "id")
    spans: dict[int, list[JsonDict]] = defaultdict(list)
    query = (
        sa.select(place_mentions)
        .where(place_mentions.c.place_id.in_([p.id for p in rows]))
        .order_by(place_mentions.c.start)
    )
    for m in conn.execute(query):
        spans[m.place_id].append(_span(m, text))
    return [
        {
            "name": p.name,
            "country": p.country,
            "lat": p.lat,
            "lon": p.lon,
            "kind": p.kind,
            "spans": spans[p.id],
        }
        for p in rows
    ]


def quote_page(
    conn: Connection,
    speaker: str | None = None,
    contains: str | None = None,
    since: date | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[list[JsonDict], int]:
    """A page of quotes across the corpus, newest article first, and how many match in all.

    `speaker` matches part of a speaker's name ignoring case and accents
    ("mishus" finds Mikhail Mishustin), or, for a quote with no speaker
    actor, part of the words naming its source ("letter" finds "the letter
    says"); `contains` matches part of the quote
    ignoring case (ASCII case only on SQLite); `since` keeps articles
    published on or after that day.
    """

    query = quote_listing().order_by(*NEWEST_QUOTES_FIRST)
    query = filter_quotes(
        query, speaker=speaker, contains=contains, since=since, limit=limit, offset=offset
    )
    return [quote_row(q) for q in conn.execute(query)], count_rows(conn, query)


NEWEST_QUOTES_FIRST = (
    articles.c.published.desc().nulls_last(),
    quotes.c.article_id,
    quotes.c.start,
)


SOURCE_WORDS = sa.func.substr(
    articles.c.text, quotes.c.source_start + 1, quotes.c.source_end - quotes.c.source_start
)
"""The words naming a quote's source, cut from its article's text by the
database (NULL where the text names none); offsets count characters on SQLite
and PostgreSQL alike, as Python's do."""


def quote_listing(*extra: sa.ColumnElement[Any]) -> sa.Select[Any]:
    """Quotes with their article's date, speaker's name and source words, plus `extra` columns."""

    return (
        sa.select(
            quotes.c.article_id,
            articles.c.published,
            actors.c.name.label("speaker"),
            SOURCE_WORDS.label("source"),
            quotes.c.kind,
            quotes.c.text,
            quotes.c.start,
            quotes.c.end,
            *extra,
        )
        .join(articles, articles.c.id == quotes.c.article_id)
        .outerjoin(actors, actors.c.id == quotes.c.speaker_id)
    )


def count_rows(conn: Connection, query: sa.Select[Any]) -> int:
    """How many rows `query` gives without its limit and offset, counted by the database.

    Lets a page of a long list be read alone while still saying how many
    pages there are.
    """

    whole = query.order_by(None).limit(None).offset(None).subquery()
    return int(conn.execute(sa.select(sa.func.count()).select_from(whole)).scalar_one())


def filter_quotes(
    query: sa.Select[Any],
    *,
    speaker: str | None,
    contains: str | None,
    since: date | None,
    limit: int | None,
    offset: int = 0,
) -> sa.Select[Any]:
    """The filters `dateline quotes` offers, on a `quote_listing` query."""

    if speaker is not None:
        by_source_words = sa.and_(
            quotes.c.speaker_id.is_(None),
            sa.func.lower(SOURCE_WORDS).contains(
                " ".join(speaker.split()).lower(), autoescape=True
            ),
        )
        query = query.where(
            sa.or_(
                actors.c.name_key.contains(normalise_name(speaker), autoescape=True),
                by_source_words,
            )
        )
    if contains is not None:
        query = query.where(
            sa.func.lower(quotes.c.text).contains(contains.lower(), autoescape=True)
        )
    if since is not None:
        query = query.where(articles.c.published >= since)
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return query


def quote_row(row: sa.Row[Any]) -> JsonDict:
    return {
        "article_id": row.article_id,
        "published": _iso(row.published),
        "speaker": row.speaker,
        "source": row.source,
        "kind": row.kind,
        "text": row.text,
        "start": row.start,
        "end": row.end,
    }


def stats(conn: Connection) -> JsonDict:
    """Row counts per fact type and articles per source ("unknown" if none)."""

    counted = {
        "articles": articles,
        "actors": actors,
        "mentions": mentions,
        "quotes": quotes,
        "amounts": amounts,
        "events": events,
        "places": places,
    }
    result: JsonDict = {
        name: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
        for name, table in counted.items()
    }
    by_source = (
        sa.select(articles.c.source, sa.func.count())
        .group_by(articles.c.source)
        .order_by(sa.func.count().desc(), articles.c.source)
    )
    result["articles_by_source"] = {
        source or "unknown": count for source, count in conn.execute(by_source)
    }
    return result


def newest_article_ids(conn: Connection, count: int = 1) -> list[str]:
    """The `count` articles ingested last, newest first.

    `dateline summary` shows these right after an ingest; publication date
    breaks ties within one ingest run.
    """

    query = (
        sa.select(articles.c.id)
        .order_by(
            articles.c.ingested_at.desc(), articles.c.published.desc().nulls_last(), articles.c.id
        )
        .limit(max(count, 0))
    )
    return list(conn.execute(query).scalars())


def summary(conn: Connection, article_id: str | None = None) -> JsonDict:
    """The facts of one article (the newest if none is given), by name, not id.

    Raises `NotFound` for an unknown id or an empty store.
    """

    newest = newest_article_ids(conn, 1) if article_id is None else [article_id]
    if not newest:
        raise NotFound("the store holds no articles yet; ingest some first.")
    wanted = newest[0]
    article = get_article(conn, wanted)
    if article is None:
        raise NotFound(f"no article with id {wanted!r} in the store.")
    meta = article["meta"]
    return {
        "article": {
            "id": article["id"],
            "title": meta["title"],
            "source": meta["source"],
            "published": meta["date"],
            "dateline": meta["dateline"],
            "url": meta["url"],
        },
        "actors": [
            {
                "name": a["name"],
                "kind": a["kind"],
                "role": a["role"],
                "country": a["country"],
                "sector": a["sector"],
                "mentions": len(a["spans"]),
            }
            for a in article["actors"]
        ],
        "quotes": [
            {
                "speaker": q["speaker_name"],
                "source": q["source"]["text"] if q["source"] else None,
                "kind": q["kind"],
                "text": q["text"],
            }
            for q in article["quotes"]
        ],
        "amounts": [
            {k: a[k] for k in ("text", "value", "unit", "measure", "period", "approximate")}
            for a in article["amounts"]
        ],
        "events": [
            {
                "type": e["type"],
                "actors": e["actor_names"],
                "targets": e["target_names"],
                "place": e["place"],
                "date": e["date"],
                "evidence": e["evidence"],
            }
            for e in article["events"]
        ],
        "places": [
            {k: p[k] for k in ("name", "country", "kind", "lat", "lon")} for p in article["places"]
        ],
    }
