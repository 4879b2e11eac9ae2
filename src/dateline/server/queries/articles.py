"""The article list: full-text search and filters by date, source and actor."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.store.names import normalise_name
from dateline.store.schema import actors, article_actors, articles, events, quotes

JsonDict = dict[str, Any]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _actor_filter(actor: str) -> sa.ColumnElement[bool]:
    """Articles naming an actor: its id (`12`) or part of its name (`mishus`)."""

    matching = sa.select(article_actors.c.article_id).join(
        actors, actors.c.id == article_actors.c.actor_id
    )
    if actor.isdigit():
        matching = matching.where(actors.c.id == int(actor))
    else:
        matching = matching.where(
            actors.c.name_key.contains(normalise_name(actor), autoescape=True)
        )
    return articles.c.id.in_(matching)


def list_articles(
    conn: Connection,
    q: str | None = None,
    since: date | None = None,
    until: date | None = None,
    source: str | None = None,
    actor: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> tuple[list[JsonDict], int]:
    """One page of articles, newest first, and how many match in all.

    `q` matches every word in the title or text, ignoring case (ASCII case
    only on SQLite), so "gas transit" finds "transit of gas".
    """

    conditions: list[sa.ColumnElement[bool]] = []
    for word in (q or "").split():
        needle = word.lower()
        conditions.append(
            sa.or_(
                sa.func.lower(articles.c.title).contains(needle, autoescape=True),
                sa.func.lower(articles.c.text).contains(needle, autoescape=True),
            )
        )
    if since is not None:
        conditions.append(articles.c.published >= since)
    if until is not None:
        conditions.append(articles.c.published <= until)
    if source:
        conditions.append(sa.func.lower(articles.c.source) == source.lower())
    if actor:
        conditions.append(_actor_filter(actor))
    total = conn.execute(
        sa.select(sa.func.count()).select_from(articles).where(*conditions)
    ).scalar_one()
    query = (
        sa.select(
            articles.c.id,
            articles.c.title,
            articles.c.source,
            articles.c.published,
            articles.c.dateline_place,
            sa.func.substr(articles.c.text, 1, 400).label("opening"),
        )
        .where(*conditions)
        .order_by(articles.c.published.desc().nulls_last(), articles.c.id)
        .limit(limit)
        .offset(offset)
    )
    rows = list(conn.execute(query))
    counts = _fact_counts(conn, [r.id for r in rows])
    items = [
        {
            "id": r.id,
            "title": r.title or _first_line(r.opening),
            "source": r.source,
            "published": _iso(r.published),
            "dateline": r.dateline_place,
            "snippet": _first_line(r.opening, skip_title=r.title),
            **counts.get(r.id, {"actors": 0, "quotes": 0, "events": 0}),
        }
        for r in rows
    ]
    return items, total


def _first_line(text: str, skip_title: str | None = None) -> str:
    """A one-line preview: the first non-empty line that is not the title."""

    for line in text.splitlines():
        line = line.strip()
        if line and line != skip_title and not line.startswith("date "):
            return line[:240]
    return text[:240]


def _fact_counts(conn: Connection, ids: list[str]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {i: {"actors": 0, "quotes": 0, "events": 0} for i in ids}
    for name, table in (("actors", article_actors), ("quotes", quotes), ("events", events)):
        query = (
            sa.select(table.c.article_id, sa.func.count())
            .where(table.c.article_id.in_(ids))
            .group_by(table.c.article_id)
        )
        for article_id, count in conn.execute(query):
            counts[article_id][name] = count
    return counts


def list_sources(conn: Connection) -> list[str]:
    query = sa.select(articles.c.source).distinct().where(articles.c.source.is_not(None))
    return sorted(conn.execute(query).scalars())
