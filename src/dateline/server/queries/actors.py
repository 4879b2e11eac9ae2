"""Actors across the corpus: search, and one actor's profile.

The profile gathers what the store knows of one actor row: the articles
naming it, the role each article gives it (so a change of office shows as
a new role on a later date), its quotes, the events it took part in and
the actors it met most often, which the UI links to as dyads.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.errors import NotFound
from dateline.store.names import normalise_name
from dateline.store.schema import (
    actors,
    article_actors,
    articles,
    event_participants,
    events,
    mentions,
    quotes,
)

JsonDict = dict[str, Any]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _actor_json(row: Any) -> JsonDict:
    return {
        "id": row.id,
        "name": row.name,
        "kind": row.kind,
        "country": row.country or None,
        "sector": row.sector,
    }


def search_actors(
    conn: Connection,
    q: str | None = None,
    kind: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> tuple[list[JsonDict], int]:
    """Actors whose name contains `q` (case and accents ignored), most cited first."""

    cited = (
        sa.select(
            article_actors.c.actor_id,
            sa.func.count(sa.distinct(article_actors.c.article_id)).label("articles"),
        )
        .group_by(article_actors.c.actor_id)
        .subquery()
    )
    conditions: list[sa.ColumnElement[bool]] = []
    if q:
        conditions.append(actors.c.name_key.contains(normalise_name(q), autoescape=True))
    if kind:
        conditions.append(actors.c.kind == kind)
    total = conn.execute(
        sa.select(sa.func.count()).select_from(actors).where(*conditions)
    ).scalar_one()
    article_count = sa.func.coalesce(cited.c.articles, 0)
    query = (
        sa.select(actors, article_count.label("articles"))
        .outerjoin(cited, cited.c.actor_id == actors.c.id)
        .where(*conditions)
        .order_by(article_count.desc(), actors.c.name)
        .limit(limit)
        .offset(offset)
    )
    return [_actor_json(r) | {"articles": r.articles} for r in conn.execute(query)], total


def actor_profile(conn: Connection, actor_id: int) -> JsonDict:
    """Who the actor is, roles over time, articles, quotes, events, counterparts."""

    row = conn.execute(sa.select(actors).where(actors.c.id == actor_id)).first()
    if row is None:
        raise NotFound(f"no actor with id {actor_id}; find ids with /api/actors?q=NAME.")
    appearances = list(
        conn.execute(
            sa.select(
                articles.c.id,
                articles.c.title,
                articles.c.published,
                articles.c.source,
                article_actors.c.role,
                article_actors.c.local_id,
            )
            .join(article_actors, article_actors.c.article_id == articles.c.id)
            .where(article_actors.c.actor_id == actor_id)
            .order_by(articles.c.published.nulls_last(), articles.c.id)
        )
    )
    mention_counts: dict[str, int] = dict(
        conn.execute(
            sa.select(mentions.c.article_id, sa.func.count())
            .where(mentions.c.actor_id == actor_id)
            .group_by(mentions.c.article_id)
        ).all()
    )
    return {
        "actor": _actor_json(row),
        "roles": _roles_over_time(appearances),
        "articles": [
            {
                "id": a.id,
                "title": a.title,
                "published": _iso(a.published),
                "source": a.source,
                "role": a.role,
                "mentions": mention_counts.get(a.id, 0),
            }
            for a in reversed(appearances)
        ],
        "quotes": _quotes_of(conn, actor_id),
        "events": events_of(conn, [actor_id]),
        "counterparts": _counterparts(conn, actor_id),
    }


def _roles_over_time(appearances: list[Any]) -> list[JsonDict]:
    """Consecutive articles giving the same role, merged into one period."""

    periods: list[JsonDict] = []
    for a in appearances:
        if not a.role:
            continue
        day = _iso(a.published)
        if periods and periods[-1]["role"] == a.role:
            periods[-1]["until"] = day or periods[-1]["until"]
            periods[-1]["articles"] += 1
        else:
            periods.append({"role": a.role, "since": day, "until": day, "articles": 1})
    return periods


def _quotes_of(conn: Connection, actor_id: int) -> list[JsonDict]:
    query = (
        sa.select(quotes, articles.c.published, articles.c.title)
        .join(articles, articles.c.id == quotes.c.article_id)
        .where(quotes.c.speaker_id == actor_id)
        .order_by(articles.c.published.desc().nulls_last(), quotes.c.article_id, quotes.c.start)
    )
    return [
        {
            "article_id": q.article_id,
            "title": q.title,
            "published": _iso(q.published),
            "kind": q.kind,
            "text": q.text,
            "start": q.start,
            "end": q.end,
        }
        for q in conn.execute(query)
    ]


def events_of(conn: Connection, actor_ids: list[int]) -> list[JsonDict]:
    """Events any of `actor_ids` took part in, oldest first, with both sides named."""

    involved = sa.select(event_participants.c.event_id).where(
        event_participants.c.actor_id.in_(actor_ids)
    )
    rows = list(
        conn.execute(
            sa.select(events, articles.c.published, articles.c.title)
            .join(articles, articles.c.id == events.c.article_id)
            .where(events.c.id.in_(involved))
            .order_by(sa.func.coalesce(events.c.date, articles.c.published), events.c.id)
        )
    )
    return event_rows_json(conn, rows)


def event_rows_json(conn: Connection, rows: list[Any]) -> list[JsonDict]:
    """Events as JSON, each side a list of `{id, name, country}`."""

    sides: dict[tuple[int, str], list[JsonDict]] = {}
    query = (
        sa.select(event_participants, actors.c.name, actors.c.country)
        .join(actors, actors.c.id == event_participants.c.actor_id)
        .where(event_participants.c.event_id.in_([r.id for r in rows]))
        .order_by(event_participants.c.event_id, event_participants.c.position)
    )
    for p in conn.execute(query):
        sides.setdefault((p.event_id, p.side), []).append(
            {"id": p.actor_id, "name": p.name, "country": p.country or None}
        )
    return [
        {
            "id": r.id,
            "article_id": r.article_id,
            "title": r.title,
            "type": r.type,
            "date": r.date or _iso(r.published),
            "place": r.place,
            "mode": r.mode,
            "cameo": r.cameo,
            "intensity": r.intensity,
            "sources": sides.get((r.id, "source"), []),
            "targets": sides.get((r.id, "target"), []),
            "start": r.start,
            "end": r.end,
            "confidence": r.confidence,
        }
        for r in rows
    ]


def _counterparts(conn: Connection, actor_id: int, limit: int = 8) -> list[JsonDict]:
    """Actors most often in the same events, then in the same articles.

    Shared events weigh more than a shared article, which only says two
    names appeared in one dispatch.
    """

    score: Counter[int] = Counter()
    mine = sa.select(event_participants.c.event_id).where(event_participants.c.actor_id == actor_id)
    for other in conn.execute(
        sa.select(event_participants.c.actor_id).where(
            event_participants.c.event_id.in_(mine), event_participants.c.actor_id != actor_id
        )
    ).scalars():
        score[other] += 10
    my_articles = sa.select(article_actors.c.article_id).where(
        article_actors.c.actor_id == actor_id
    )
    for other in conn.execute(
        sa.select(article_actors.c.actor_id).where(
            article_actors.c.article_id.in_(my_articles), article_actors.c.actor_id != actor_id
        )
    ).scalars():
        score[other] += 1
    top = [other for other, _ in score.most_common(limit)]
    rows = {r.id: r for r in conn.execute(sa.select(actors).where(actors.c.id.in_(top)))}
    return [_actor_json(rows[o]) | {"shared": score[o]} for o in top if o in rows]
