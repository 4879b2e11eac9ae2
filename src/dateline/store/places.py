"""`store.places`: where things happened, the geocoded places with their events, for the map."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from dateline.store.rows import Page, Row
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
    """One geocoded place across the corpus, how many events and articles it has,
    and the newest few of each (`SAMPLE`): "Moscow" is named in thousands."""

    name: str
    country: str | None
    kind: str | None
    lat: float
    lon: float
    event_count: int
    article_count: int
    events: list[PlacedEvent] = field(default_factory=list)
    articles: list[ArticleLink] = field(default_factory=list)


SAMPLE = 5
"""Events and articles listed with each place; the counts say how many there are."""


@dataclass(frozen=True, slots=True)
class _Located:
    name: str
    lat3: float
    lon3: float
    country: str | None
    kind: str | None
    lat: float
    lon: float
    articles: int
    events: int


class Places:
    """Every operation on stored places: `store.places`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def mapped(self, *, limit: int | None = None, offset: int = 0) -> Page[MappedPlace]:
        """Geocoded places with their events and articles, most events first, `limit`
        from `offset`, and how many places there are in all.

        An event stores its place by name; its coordinates come from the
        place of the same name geocoded in the same article. A place met in
        several articles (same name, same coordinates to 3 decimals) is one
        entry. Places no event happened in are kept (with no events) so the
        map can show them faintly. The database counts; the ranking of
        every place is kept in `store.cache` until the store changes.
        """

        ranked = self._store.cache.get(("places",), self._ranked)
        chosen = ranked[offset:] if limit is None else ranked[offset : offset + limit]
        return Page(
            self._store.cache.get(("places", limit, offset), lambda: self._items(chosen)),
            len(ranked),
        )

    def _items(self, chosen: list[_Located]) -> list[MappedPlace]:
        with self._store.transaction("listing places") as conn:
            return [
                MappedPlace(
                    name=p.name,
                    country=p.country,
                    kind=p.kind,
                    lat=p.lat,
                    lon=p.lon,
                    event_count=p.events,
                    article_count=p.articles,
                    events=[
                        PlacedEvent(row.article_id, row.type, row.date)
                        for row in (conn.execute(_EVENTS_AT, _at(p)) if p.events else ())
                    ],
                    articles=[
                        ArticleLink(row.id, row.title) for row in conn.execute(_ARTICLES_AT, _at(p))
                    ],
                )
                for p in chosen
            ]

    def _ranked(self) -> list[_Located]:
        """Every place with its counts, most events first.

        Two aggregations the database runs, merged here by place: the
        places grouped by name and rounded coordinates, and the events
        counted by the place (of the same article) they name.
        """

        lat3, lon3 = _rounded(places.c.lat), _rounded(places.c.lon)
        located = (
            sa.select(
                places.c.name,
                lat3.label("lat3"),
                lon3.label("lon3"),
                sa.func.min(places.c.country).label("country"),
                sa.func.min(places.c.kind).label("kind"),
                sa.func.min(places.c.lat).label("lat"),
                sa.func.min(places.c.lon).label("lon"),
                sa.func.count(sa.distinct(places.c.article_id)).label("articles"),
            )
            .where(places.c.lat.is_not(None), places.c.lon.is_not(None))
            .group_by(places.c.name, lat3, lon3)
        )
        placed = (
            sa.select(
                places.c.name,
                lat3.label("lat3"),
                lon3.label("lon3"),
                sa.func.count(sa.distinct(events.c.id)).label("events"),
            )
            .select_from(events)
            .join(places, _PLACED_HERE)
            .where(
                events.c.place.is_not(None), places.c.lat.is_not(None), places.c.lon.is_not(None)
            )
            .group_by(places.c.name, lat3, lon3)
        )
        with self._store.transaction("ranking places") as conn:
            counted = {
                (row.name, float(row.lat3), float(row.lon3)): int(row.events)
                for row in conn.execute(placed)
            }
            found = [
                _Located(
                    name=row.name,
                    lat3=float(row.lat3),
                    lon3=float(row.lon3),
                    country=row.country,
                    kind=row.kind,
                    lat=float(row.lat),
                    lon=float(row.lon),
                    articles=int(row.articles),
                    events=counted.get((row.name, float(row.lat3), float(row.lon3)), 0),
                )
                for row in conn.execute(located)
            ]
        found.sort(key=lambda p: (-p.events, -p.articles, p.name))
        return found


def _rounded(degrees: Any) -> sa.ColumnElement[Any]:
    """Degrees to 3 decimals (about 100 m), as NUMERIC: PostgreSQL rounds no floats."""

    return sa.func.round(sa.cast(degrees, sa.Numeric), 3)


_PLACED_HERE = sa.and_(
    events.c.article_id == places.c.article_id,
    sa.func.lower(events.c.place) == sa.func.lower(places.c.name),
)
"""An event happened at a place when its article geocoded a place of that name."""

_AT_PLACE = sa.and_(
    places.c.name == sa.bindparam("name"),
    _rounded(places.c.lat) == sa.bindparam("lat3", type_=sa.Numeric),
    _rounded(places.c.lon) == sa.bindparam("lon3", type_=sa.Numeric),
)
_ARTICLES_AT = (
    sa.select(articles.c.id, articles.c.title)
    .join(places, places.c.article_id == articles.c.id)
    .where(_AT_PLACE)
    .distinct()
    .limit(SAMPLE)
)
"""A few articles naming the place: the first the index gives, not a sort of thousands."""
_EVENTS_AT = (
    sa.select(events.c.article_id, events.c.type, events.c.date)
    .join(places, _PLACED_HERE)
    .where(_AT_PLACE)
    .limit(SAMPLE)
)


def _at(place: _Located) -> dict[str, Any]:
    return {"name": place.name, "lat3": place.lat3, "lon3": place.lon3}
