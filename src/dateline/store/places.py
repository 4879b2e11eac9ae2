"""`store.places`: where things happened, the geocoded places with their events, for the map."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import sqlalchemy as sa

from dateline.store.rows import Row
from dateline.store.schema import articles, events, places

if TYPE_CHECKING:
    from dateline.store.store import Store


@dataclass(frozen=True, slots=True)
class PlacedEvent(Row):
    article_id: str
    type: str
    date: str | None


@dataclass(frozen=True, slots=True)
class ArticleLink(Row):
    id: str
    title: str | None


@dataclass(frozen=True, slots=True)
class MappedPlace(Row):
    """One geocoded place across the corpus, the events placed there and the articles naming it."""

    name: str
    country: str | None
    kind: str | None
    lat: float
    lon: float
    events: list[PlacedEvent] = field(default_factory=list)
    articles: list[ArticleLink] = field(default_factory=list)


class Places:
    """Every operation on stored places: `store.places`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def mapped(self) -> list[MappedPlace]:
        """Every geocoded place, with the events placed there and the articles naming it.

        An event stores its place by name; its coordinates come from the
        place of the same name geocoded in the same article. A place met in
        several articles (same name, same coordinates to 3 decimals) is one
        entry. Places no event happened in are kept (with no events) so the
        map can show them faintly; most events first.
        """

        located_query = (
            sa.select(places, articles.c.title)
            .join(articles, articles.c.id == places.c.article_id)
            .where(places.c.lat.is_not(None), places.c.lon.is_not(None))
        )
        placed_query = sa.select(events).where(events.c.place.is_not(None))
        with self._store.transaction("listing places") as conn:
            located = list(conn.execute(located_query))
            placed = list(conn.execute(placed_query))
        events_at: dict[tuple[str, str], list[PlacedEvent]] = defaultdict(list)
        for e in placed:
            events_at[(e.article_id, e.place.lower())].append(
                PlacedEvent(e.article_id, e.type, e.date)
            )
        merged: dict[tuple[str, float, float], MappedPlace] = {}
        for p in located:
            key = (p.name, round(p.lat, 3), round(p.lon, 3))
            entry = merged.setdefault(key, MappedPlace(p.name, p.country, p.kind, p.lat, p.lon))
            if p.article_id not in [a.id for a in entry.articles]:
                entry.articles.append(ArticleLink(p.article_id, p.title))
                entry.events.extend(events_at.get((p.article_id, p.name.lower()), []))
        return sorted(merged.values(), key=lambda e: (-len(e.events), -len(e.articles)))
