"""Queries about one actor across the corpus: `dateline actor NAME`.

The store keeps one row per actor (normalised name, kind, country) and, per
article, the role the article gives it. A profile gathers that back: every
article naming the actor, the roles it held with the first and last
publication date each was seen (titles change: a President-elect becomes
President), and every quote attributed to it.

Every function takes a `Store` and returns JSON-ready values (ISO dates,
None for unknown), like `store.read`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.store.names import normalise_name
from dateline.store.read import count_rows
from dateline.store.schema import (
    actors,
    article_actors,
    articles,
    event_participants,
    mentions,
    quotes,
)
from dateline.store.store import Store

JsonDict = dict[str, Any]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _actor_query(condition: sa.ColumnElement[bool]) -> sa.Select[Any]:
    """Actors matching `condition` with how many articles name them, most named first."""

    named_in = sa.func.count(sa.distinct(article_actors.c.article_id))
    return (
        sa.select(actors, named_in.label("articles"))
        .outerjoin(article_actors, article_actors.c.actor_id == actors.c.id)
        .where(condition)
        .group_by(actors.c.id)
        .order_by(named_in.desc(), actors.c.name, actors.c.id)
    )


def _actor_rows(
    conn: Connection, condition: sa.ColumnElement[bool], limit: int | None = None, offset: int = 0
) -> list[JsonDict]:
    query = _actor_query(condition).limit(limit)
    if offset:
        query = query.offset(offset)
    return [
        {
            "actor_id": row.id,
            "name": row.name,
            "kind": row.kind,
            "country": row.country or None,
            "sector": row.sector,
            "articles": row.articles,
        }
        for row in conn.execute(query)
    ]


def _actor_page(
    conn: Connection, condition: sa.ColumnElement[bool], limit: int | None, offset: int
) -> tuple[list[JsonDict], int]:
    return _actor_rows(conn, condition, limit, offset), count_rows(conn, _actor_query(condition))


def _find_actors(conn: Connection, name: str) -> list[JsonDict]:
    key = normalise_name(name)
    if not key:
        return []
    exact = _actor_rows(conn, actors.c.name_key == key)
    if exact:
        return exact
    partial = _actor_rows(conn, actors.c.name_key.contains(key, autoescape=True))
    if partial:
        return partial
    mentioned = (
        sa.select(mentions.c.actor_id)
        .where(sa.func.lower(mentions.c.text) == name.strip().lower())
        .distinct()
    )
    return _actor_rows(conn, actors.c.id.in_(mentioned))


def find_actors(store: Store, name: str) -> list[JsonDict]:
    """Actors a user means by `name`, best guess first.

    An exact name (ignoring case, accents and spacing) wins; else every actor
    whose name contains it ("mishustin" finds Mikhail Mishustin); else
    actors the text referred to by exactly that phrase ("the Kremlin" finds
    the Government of Russia). Empty when nothing matches.
    """

    return store.query(f"finding actors named {name!r}", _find_actors, name)


def search_actors(store: Store, text: str | None = None, kind: str | None = None) -> list[JsonDict]:
    """Every actor whose name contains `text` (case and accents ignored), most named first.

    Unlike `find_actors`, which guesses the one actor a user means, this
    lists all candidates, for a search box; no `text` lists every actor.
    `kind` keeps one kind: person, organization or country.
    """

    return page_actors(store, text, kind)[0]


def page_actors(
    store: Store,
    text: str | None = None,
    kind: str | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[list[JsonDict], int]:
    """`limit` actors from `offset` in `search_actors`' order, and how many match in all."""

    conditions: list[sa.ColumnElement[bool]] = []
    if text and normalise_name(text):
        conditions.append(actors.c.name_key.contains(normalise_name(text), autoescape=True))
    if kind:
        conditions.append(actors.c.kind == kind)
    condition = sa.and_(sa.true(), *conditions)
    return store.query("searching actors", _actor_page, condition, limit, offset)


def counterparts(store: Store, actor_id: int, limit: int = 8) -> list[JsonDict]:
    """The actors most often beside `actor_id`: in the same events, then the same articles.

    A shared event weighs ten shared articles: two names in one dispatch
    say little, two sides of one meeting say they deal with each other.
    Rows are `_actor_rows`' plus `shared`, the score.
    """

    return store.query(f"finding who deals with actor {actor_id}", _counterparts, actor_id, limit)


def _counterparts(conn: Connection, actor_id: int, limit: int) -> list[JsonDict]:
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
    rows = {row["actor_id"]: row for row in _actor_rows(conn, actors.c.id.in_(top))}
    return [rows[other] | {"shared": score[other]} for other in top if other in rows]


def _roles_over_time(rows: list[Any]) -> list[JsonDict]:
    """Each role with the first and last publication date it was seen, in order of first use."""

    by_role: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        if row.role:
            by_role[row.role].append(row)
    timeline: list[JsonDict] = []
    for role, seen in by_role.items():
        dates = sorted(r.published for r in seen if r.published is not None)
        timeline.append(
            {
                "role": role,
                "first_seen": _iso(dates[0]) if dates else None,
                "last_seen": _iso(dates[-1]) if dates else None,
                "articles": len({r.article_id for r in seen}),
            }
        )
    timeline.sort(key=lambda r: (r["first_seen"] is None, r["first_seen"] or "", r["role"]))
    return timeline


def _actor_profile(conn: Connection, actor_id: int) -> JsonDict | None:
    found = _actor_rows(conn, actors.c.id == actor_id)
    if not found:
        return None
    profile = found[0]
    appearances = list(
        conn.execute(
            sa.select(
                article_actors.c.article_id,
                article_actors.c.role,
                articles.c.published,
                articles.c.title,
                articles.c.source,
            )
            .join(articles, articles.c.id == article_actors.c.article_id)
            .where(article_actors.c.actor_id == actor_id)
            .order_by(articles.c.published.nulls_last(), articles.c.id)
        )
    )
    surfaces: dict[str, list[str]] = defaultdict(list)
    for article_id, text in conn.execute(
        sa.select(mentions.c.article_id, mentions.c.text)
        .where(mentions.c.actor_id == actor_id)
        .order_by(mentions.c.article_id, mentions.c.start)
    ):
        if text not in surfaces[article_id]:
            surfaces[article_id].append(text)
    said: dict[str, list[JsonDict]] = defaultdict(list)
    for row in conn.execute(
        sa.select(quotes.c.article_id, quotes.c.kind, quotes.c.text, quotes.c.start, quotes.c.end)
        .where(quotes.c.speaker_id == actor_id)
        .order_by(quotes.c.article_id, quotes.c.start)
    ):
        said[row.article_id].append(
            {"kind": row.kind, "text": row.text, "start": row.start, "end": row.end}
        )
    articles_seen: list[JsonDict] = []
    roles_by_article: dict[str, list[str]] = defaultdict(list)
    for row in appearances:
        if row.role and row.role not in roles_by_article[row.article_id]:
            roles_by_article[row.article_id].append(row.role)
    for row in appearances:
        if any(a["article_id"] == row.article_id for a in articles_seen):
            continue
        articles_seen.append(
            {
                "article_id": row.article_id,
                "published": _iso(row.published),
                "title": row.title,
                "source": row.source,
                "roles": roles_by_article[row.article_id],
                "mentions": surfaces[row.article_id],
                "quotes": said[row.article_id],
            }
        )
    profile["roles"] = _roles_over_time(appearances)
    profile["appearances"] = articles_seen
    return profile


def actor_profile(store: Store, actor_id: int) -> JsonDict | None:
    """Everything the store knows about one actor row; None if there is no such row.

    `roles`: each role with `first_seen`/`last_seen` publication dates and
    how many articles gave it; `appearances`: every article (oldest first,
    undated last) with the roles, mention strings and quotes it holds.
    """

    return store.query(f"reading actor {actor_id}", _actor_profile, actor_id)


__all__ = ["actor_profile", "counterparts", "find_actors", "page_actors", "search_actors"]
