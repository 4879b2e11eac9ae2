"""`store.actors`: one actor across the corpus (`dateline actor NAME`, /api/actors).

The store keeps one row per actor (normalised name, kind, country) and, per
article, the role the article gives it. A profile gathers that back: every
article naming the actor, the roles it held with the first and last
publication date each was seen (titles change: a President-elect becomes
President), and every quote attributed to it.

A busy actor (a country) is named in a third of a large store's articles, so
nothing here reads them all per request: counts and roles are aggregated by
the database, the articles come a page at a time, and what sums up the
whole store (every actor's article count, the order of an actor's
articles, its counterparts) is kept in `store.cache` until the store changes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.store.names import normalise_name
from dateline.store.rows import Page, Row, iso
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

    `roles` in order of first use; `appearances` the articles asked for
    (all, or a page of the `articles` naming it), oldest first, undated
    last, or newest first if asked.
    """

    roles: list[RoleSeen]
    appearances: list[Appearance]


ARTICLES_PER_QUERY = 500
"""Articles whose details one query reads: a profile of all 20,000 articles of a
busy actor stays far below any database's parameter limit."""


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

        counts = self.article_counts()
        with self._store.transaction(f"finding actors named {name!r}") as conn:
            return _find(conn, name, counts)

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

        key = normalise_name(name or "")
        conditions: list[sa.ColumnElement[bool]] = []
        if key:
            conditions.append(actors.c.name_key.contains(key, autoescape=True))
        if kind:
            conditions.append(actors.c.kind == kind)
        condition = sa.and_(sa.true(), *conditions)
        counts = self.article_counts()

        def ordered() -> list[ActorRow]:
            with self._store.transaction("searching actors") as conn:
                return _actor_rows(conn, condition, counts)

        found = self._store.cache.get(("actors", key, kind), ordered)
        end = None if limit is None else offset + limit
        return Page(found[offset:end], len(found))

    def article_counts(self) -> dict[int, int]:
        """How many articles name each actor (actors named in none are left out).

        One aggregation over every article's actors, kept until the store
        changes: listing actors most named first needs every count.
        """

        query = sa.select(
            article_actors.c.actor_id, sa.func.count(sa.distinct(article_actors.c.article_id))
        ).group_by(article_actors.c.actor_id)

        def count() -> dict[int, int]:
            with self._store.transaction("counting the articles of each actor") as conn:
                return {actor_id: int(n) for actor_id, n in conn.execute(query)}

        return self._store.cache.get(("article-counts",), count)

    def profile(
        self,
        actor_id: int,
        *,
        limit: int | None = None,
        offset: int = 0,
        newest_first: bool = False,
    ) -> ActorProfile | None:
        """Who the actor is, its roles over time and the articles naming it.

        Every article by default; `limit` articles from `offset` for a page
        (`articles` says how many there are in all). None if there is no
        actor row `actor_id`.
        """

        counts = self.article_counts()
        with self._store.transaction(f"reading actor {actor_id}") as conn:
            found = _actor_rows(conn, actors.c.id == actor_id, counts)
            if not found:
                return None
            roles = self._store.cache.get(("roles", actor_id), lambda: _roles(conn, actor_id))
            order = self._store.cache.get(
                ("appearances", actor_id), lambda: _appearance_order(conn, actor_id)
            )
            chosen = order[::-1] if newest_first else order
            end = None if limit is None else offset + limit
            wanted = chosen[offset:end]
            appearances = [
                found
                for start in range(0, len(wanted), ARTICLES_PER_QUERY)
                for found in _appearances(
                    conn, actor_id, wanted[start : start + ARTICLES_PER_QUERY]
                )
            ]
        return ActorProfile(**found[0].as_dict(), roles=roles, appearances=appearances)

    def counterparts(self, actor_id: int, *, limit: int = 8) -> list[Counterpart]:
        """The actors most often beside `actor_id`: in the same events, then the same articles.

        A shared event weighs ten shared articles: two names in one dispatch
        say little, two sides of one meeting say they deal with each other.
        """

        counts = self.article_counts()

        def score() -> list[tuple[int, int]]:
            with self._store.transaction(f"finding who deals with actor {actor_id}") as conn:
                return _shared_scores(conn, actor_id)

        scores = self._store.cache.get(("counterparts", actor_id), score)[:limit]
        with self._store.transaction(f"reading the counterparts of actor {actor_id}") as conn:
            rows = {r.actor_id: r for r in _actor_rows(conn, actors.c.id.in_(dict(scores)), counts)}
        return [
            Counterpart(**rows[other].as_dict(), shared=shared)
            for other, shared in scores
            if other in rows
        ]


def _actor_rows(
    conn: Connection, condition: sa.ColumnElement[bool], counts: dict[int, int]
) -> list[ActorRow]:
    """Actors matching `condition`, most named first (then by name and id)."""

    found = [
        ActorRow(
            actor_id=row.id,
            name=row.name,
            kind=row.kind,
            country=row.country or None,
            sector=row.sector,
            articles=counts.get(row.id, 0),
        )
        for row in conn.execute(sa.select(actors).where(condition))
    ]
    found.sort(key=lambda a: (-a.articles, a.name, a.actor_id))
    return found


def _find(conn: Connection, name: str, counts: dict[int, int]) -> list[ActorRow]:
    key = normalise_name(name)
    if not key:
        return []
    exact = _actor_rows(conn, actors.c.name_key == key, counts)
    if exact:
        return exact
    partial = _actor_rows(conn, actors.c.name_key.contains(key, autoescape=True), counts)
    if partial:
        return partial
    mentioned = (
        sa.select(mentions.c.actor_id)
        .where(sa.func.lower(mentions.c.text) == name.strip().lower())
        .distinct()
    )
    return _actor_rows(conn, actors.c.id.in_(mentioned), counts)


def _shared_scores(conn: Connection, actor_id: int) -> list[tuple[int, int]]:
    """Every other actor with its score: 10 per shared event row, 1 per shared article row."""

    mine = sa.select(event_participants.c.event_id).where(event_participants.c.actor_id == actor_id)
    in_events = (
        sa.select(event_participants.c.actor_id, sa.func.count())
        .where(event_participants.c.event_id.in_(mine), event_participants.c.actor_id != actor_id)
        .group_by(event_participants.c.actor_id)
    )
    my_articles = sa.select(article_actors.c.article_id).where(
        article_actors.c.actor_id == actor_id
    )
    in_articles = (
        sa.select(article_actors.c.actor_id, sa.func.count())
        .where(article_actors.c.article_id.in_(my_articles), article_actors.c.actor_id != actor_id)
        .group_by(article_actors.c.actor_id)
    )
    score: dict[int, int] = defaultdict(int)
    for other, n in conn.execute(in_events):
        score[other] += 10 * int(n)
    for other, n in conn.execute(in_articles):
        score[other] += int(n)
    return sorted(score.items(), key=lambda pair: (-pair[1], pair[0]))


def _roles(conn: Connection, actor_id: int) -> list[RoleSeen]:
    """Each role with the first and last publication date it was seen, in order of first use."""

    query = (
        sa.select(
            article_actors.c.role,
            sa.func.min(articles.c.published).label("first_seen"),
            sa.func.max(articles.c.published).label("last_seen"),
            sa.func.count(sa.distinct(article_actors.c.article_id)).label("articles"),
        )
        .join(articles, articles.c.id == article_actors.c.article_id)
        .where(article_actors.c.actor_id == actor_id, article_actors.c.role.is_not(None))
        .group_by(article_actors.c.role)
    )
    timeline = [
        RoleSeen(
            role=row.role,
            first_seen=_day(row.first_seen),
            last_seen=_day(row.last_seen),
            articles=int(row.articles),
        )
        for row in conn.execute(query)
        if row.role
    ]
    timeline.sort(key=lambda r: (r.first_seen is None, r.first_seen or "", r.role))
    return timeline


def _day(value: Any) -> str | None:
    """A date from an aggregate: SQLite hands back the stored text, PostgreSQL a date."""

    return value if isinstance(value, str) or value is None else iso(value)


def _appearance_order(conn: Connection, actor_id: int) -> list[tuple[str, str | None]]:
    """The ids and dates of the articles naming the actor, oldest first, undated last."""

    naming = sa.select(article_actors.c.article_id).where(article_actors.c.actor_id == actor_id)
    query = (
        sa.select(articles.c.id, articles.c.published)
        .where(articles.c.id.in_(naming))
        .order_by(articles.c.published.nulls_last(), articles.c.id)
    )
    return [(row.id, iso(row.published)) for row in conn.execute(query)]


def _appearances(
    conn: Connection, actor_id: int, chosen: Sequence[tuple[str, str | None]]
) -> list[Appearance]:
    """The articles `chosen`, in that order, with the actor's roles, words and quotes in each."""

    ids = [article_id for article_id, _ in chosen]
    if not ids:
        return []
    about = {
        row.id: row
        for row in conn.execute(
            sa.select(articles.c.id, articles.c.title, articles.c.source).where(
                articles.c.id.in_(ids)
            )
        )
    }
    roles: dict[str, list[str]] = defaultdict(list)
    for article_id, role in conn.execute(
        sa.select(article_actors.c.article_id, article_actors.c.role)
        .where(article_actors.c.actor_id == actor_id, article_actors.c.article_id.in_(ids))
        .order_by(article_actors.c.article_id, article_actors.c.local_id)
    ):
        if role and role not in roles[article_id]:
            roles[article_id].append(role)
    surfaces: dict[str, list[str]] = defaultdict(list)
    for article_id, text in conn.execute(
        sa.select(mentions.c.article_id, mentions.c.text)
        .where(mentions.c.actor_id == actor_id, mentions.c.article_id.in_(ids))
        .order_by(mentions.c.article_id, mentions.c.start)
    ):
        if text not in surfaces[article_id]:
            surfaces[article_id].append(text)
    said: dict[str, list[SaidQuote]] = defaultdict(list)
    for row in conn.execute(
        sa.select(quotes.c.article_id, quotes.c.kind, quotes.c.text, quotes.c.start, quotes.c.end)
        .where(quotes.c.speaker_id == actor_id, quotes.c.article_id.in_(ids))
        .order_by(quotes.c.article_id, quotes.c.start)
    ):
        said[row.article_id].append(SaidQuote(row.kind, row.text, row.start, row.end))
    return [
        Appearance(
            article_id=article_id,
            published=published,
            title=about[article_id].title,
            source=about[article_id].source,
            roles=roles[article_id],
            mentions=surfaces[article_id],
            quotes=said[article_id],
        )
        for article_id, published in chosen
        if article_id in about
    ]
