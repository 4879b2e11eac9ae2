"""`store.actors`: one actor across the corpus (`dateline actor NAME`, /api/actors).

The store keeps one row per actor (normalised name, kind, country) and, per
article, the role the article gives it. A profile gathers that back: every
article naming the actor, the roles it held with the first and last
publication date each was seen (titles change: a President-elect becomes
President), and every quote attributed to it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.store.names import normalise_name
from dateline.store.rows import Page, Row, count_rows, iso, sliced
from dateline.store.schema import (
    actors,
    article_actors,
    articles,
    event_participants,
    mentions,
    quotes,
)

if TYPE_CHECKING:
    from dateline.store.store import Store


@dataclass(frozen=True, slots=True)
class ActorRow(Row):
    """One corpus-wide actor and in how many articles it is named."""

    actor_id: int
    name: str
    kind: str
    country: str | None
    sector: str | None
    articles: int


@dataclass(frozen=True, slots=True)
class Counterpart(ActorRow):
    """An actor often beside another: `shared` scores shared events (10) and articles (1)."""

    shared: int


@dataclass(frozen=True, slots=True)
class RoleSeen(Row):
    """A role an actor held, with the first and last publication date it was seen."""

    role: str
    first_seen: str | None
    last_seen: str | None
    articles: int


@dataclass(frozen=True, slots=True)
class SaidQuote(Row):
    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Appearance(Row):
    """One article naming the actor: the roles it gives, the words naming it, its quotes."""

    article_id: str
    published: str | None
    title: str | None
    source: str | None
    roles: list[str]
    mentions: list[str]
    quotes: list[SaidQuote]


@dataclass(frozen=True, slots=True)
class ActorProfile(ActorRow):
    """Everything the store knows about one actor.

    `roles` in order of first use; `appearances` oldest article first,
    undated last.
    """

    roles: list[RoleSeen]
    appearances: list[Appearance]


class Actors:
    """Every operation on the corpus-wide actors: `store.actors`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def find(self, name: str) -> list[ActorRow]:
        """The actors a user means by `name`, best guess first.

        An exact name (ignoring case, accents and spacing) wins; else every
        actor whose name contains it ("mishustin" finds Mikhail Mishustin);
        else actors the text referred to by exactly that phrase ("the
        Kremlin" finds the Government of Russia). Empty when nothing matches.
        """

        with self._store.transaction(f"finding actors named {name!r}") as conn:
            return _find(conn, name)

    def page(
        self,
        *,
        name: str | None = None,
        kind: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Page[ActorRow]:
        """Every actor whose name contains `name` (case and accents ignored), most named first.

        Unlike `find`, which guesses the one actor a user means, this lists
        all candidates, for a search box; no `name` lists every actor.
        `kind` keeps one kind: person, organization or country.
        """

        conditions: list[sa.ColumnElement[bool]] = []
        if name and normalise_name(name):
            conditions.append(actors.c.name_key.contains(normalise_name(name), autoescape=True))
        if kind:
            conditions.append(actors.c.kind == kind)
        condition = sa.and_(sa.true(), *conditions)
        with self._store.transaction("searching actors") as conn:
            found = _actor_rows(conn, condition, limit, offset)
            return Page(found, count_rows(conn, _actor_query(condition)))

    def profile(self, actor_id: int) -> ActorProfile | None:
        """Who the actor is, its roles over time and every article naming it.

        None if there is no actor row `actor_id`.
        """

        with self._store.transaction(f"reading actor {actor_id}") as conn:
            return _profile(conn, actor_id)

    def counterparts(self, actor_id: int, *, limit: int = 8) -> list[Counterpart]:
        """The actors most often beside `actor_id`: in the same events, then the same articles.

        A shared event weighs ten shared articles: two names in one dispatch
        say little, two sides of one meeting say they deal with each other.
        """

        with self._store.transaction(f"finding who deals with actor {actor_id}") as conn:
            return _counterparts(conn, actor_id, limit)


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


def _actor_fields(row: Any) -> dict[str, Any]:
    return {
        "actor_id": row.id,
        "name": row.name,
        "kind": row.kind,
        "country": row.country or None,
        "sector": row.sector,
        "articles": row.articles,
    }


def _actor_rows(
    conn: Connection, condition: sa.ColumnElement[bool], limit: int | None = None, offset: int = 0
) -> list[ActorRow]:
    query = sliced(_actor_query(condition), limit, offset)
    return [ActorRow(**_actor_fields(row)) for row in conn.execute(query)]


def _find(conn: Connection, name: str) -> list[ActorRow]:
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


def _counterparts(conn: Connection, actor_id: int, limit: int) -> list[Counterpart]:
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
    rows = {row.id: row for row in conn.execute(_actor_query(actors.c.id.in_(top)))}
    return [
        Counterpart(**_actor_fields(rows[other]), shared=score[other])
        for other in top
        if other in rows
    ]


def _roles_over_time(rows: list[Any]) -> list[RoleSeen]:
    """Each role with the first and last publication date it was seen, in order of first use."""

    by_role: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        if row.role:
            by_role[row.role].append(row)
    timeline: list[RoleSeen] = []
    for role, seen in by_role.items():
        dates = sorted(r.published for r in seen if r.published is not None)
        timeline.append(
            RoleSeen(
                role=role,
                first_seen=iso(dates[0]) if dates else None,
                last_seen=iso(dates[-1]) if dates else None,
                articles=len({r.article_id for r in seen}),
            )
        )
    timeline.sort(key=lambda r: (r.first_seen is None, r.first_seen or "", r.role))
    return timeline


def _profile(conn: Connection, actor_id: int) -> ActorProfile | None:
    found = list(conn.execute(_actor_query(actors.c.id == actor_id)))
    if not found:
        return None
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
    said: dict[str, list[SaidQuote]] = defaultdict(list)
    for row in conn.execute(
        sa.select(quotes.c.article_id, quotes.c.kind, quotes.c.text, quotes.c.start, quotes.c.end)
        .where(quotes.c.speaker_id == actor_id)
        .order_by(quotes.c.article_id, quotes.c.start)
    ):
        said[row.article_id].append(SaidQuote(row.kind, row.text, row.start, row.end))
    roles_by_article: dict[str, list[str]] = defaultdict(list)
    for row in appearances:
        if row.role and row.role not in roles_by_article[row.article_id]:
            roles_by_article[row.article_id].append(row.role)
    seen: dict[str, Appearance] = {}
    for row in appearances:
        seen.setdefault(
            row.article_id,
            Appearance(
                article_id=row.article_id,
                published=iso(row.published),
                title=row.title,
                source=row.source,
                roles=roles_by_article[row.article_id],
                mentions=surfaces[row.article_id],
                quotes=said[row.article_id],
            ),
        )
    return ActorProfile(
        **_actor_fields(found[0]),
        roles=_roles_over_time(appearances),
        appearances=list(seen.values()),
    )
