"""`store.events`: stored events; `dateline events` lists them, `dateline dyad A B` charts a pair.

An analyst asks "which CONSULT events involve Kazakhstan since January?" or
"how did Kazakhstan and Russia get on, month by month?". An actor is given
either by name ("Mikhail Mishustin", matched without case or accents, any
word order), by an ISO 3166-1 alpha-3 code ("KAZ"), which stands for
every actor of that country: the country itself, its government, its
people, or by its stored id ("12", as the web UI's links give it). A month
is the event's own date where the text gave one, else the publication date
of its article.

`store.events` holds every operation on them: `page` lists, `dyad` charts a
pair by month, `side` says what an actor reference stands for.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.knowledge.event_types import plover_types
from dateline.store.names import actor_row_id, normalise_name
from dateline.store.rows import Page, Row, iso
from dateline.store.schema import actors, articles, event_participants, events

if TYPE_CHECKING:
    from dateline.store.event_records import EventRecord
    from dateline.store.store import Store

_COUNTRY_CODE = re.compile(r"^[A-Za-z]{3}$")
_MONTH = re.compile(r"^\d{4}-\d{2}")


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events: a PLOVER type, an actor on either side, a pair, a date range."""

    type: str | None = None
    actor: str | None = None
    since: date | None = None
    until: date | None = None
    pair: tuple[str, str] | None = None
    """Keep events between these two actors, as `dyad` counts them."""


@dataclass(frozen=True, slots=True)
class Participant(Row):
    """An actor on one side of an event: `side` is "source" or "target"."""

    id: int
    name: str
    country: str | None
    side: str


@dataclass(frozen=True, slots=True)
class EventRow(Row):
    """One stored event with its sides, its day and the words it was read from.

    `date` is the event's own date where the text gave one, else its
    article's publication date; `sources`/`targets` are the sides' names;
    `start`/`end` the evidence's offsets in the article's text.
    """

    id: int
    article_id: str
    title: str | None
    type: str
    date: str | None
    place: str | None
    mode: str | None
    cameo: str | None
    intensity: float | None
    sources: list[str]
    targets: list[str]
    participants: list[Participant]
    evidence: str
    start: int
    end: int
    confidence: float


@dataclass(frozen=True, slots=True)
class DyadMonth(Row):
    """A month of a dyad: how many events, their mean intensity, how many of each type."""

    month: str
    events: int
    mean_intensity: float | None
    types: dict[str, int]


@dataclass(frozen=True, slots=True)
class Side(Row):
    """What an actor reference stands for: `label` to show, the `country` all its
    actors share (or None), and how many stored `actors` it covers."""

    ref: str
    label: str
    country: str | None
    actors: int


@dataclass(frozen=True, slots=True)
class _StoredActor:
    id: int
    name: str
    country: str


class Events:
    """Every operation on stored events: `store.events`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def page(
        self,
        *,
        type: str | None = None,
        actor: str | None = None,
        since: date | None = None,
        until: date | None = None,
        pair: tuple[str, str] | None = None,
        limit: int | None = None,
        offset: int = 0,
        newest_first: bool = False,
    ) -> Page[EventRow]:
        """Events oldest first, `limit` from `offset`, and how many match in all.

        `type` is a PLOVER type; `actor` an actor on either side, `pair` two
        actors on opposite sides (either way round), each given as the
        module says (name words, ISO3 code or row id); `since`/`until`
        bound the event's day; `newest_first` turns the order round. Only
        the page's events are read in full (sides, evidence); which events
        match, in order, is kept in `store.cache` until the store changes,
        so the next page of a busy actor's 20,000 events is not sought again.
        """

        query = EventQuery(type=type, actor=actor, since=since, until=until, pair=pair)
        with self._store.transaction("listing events") as conn:
            dated = self._dated(conn, query)
            ordered = dated[::-1] if newest_first else dated
            end = None if limit is None else offset + limit
            return Page(_event_rows(conn, [row.id for _, row in ordered[offset:end]]), len(dated))

    def _dated(self, conn: Connection, query: EventQuery) -> list[tuple[str | None, Any]]:
        return self._store.cache.get(
            ("events", query), lambda: _dated(conn, query, self._matching_ids)
        )

    def _matching_ids(self, conn: Connection, wanted: str) -> list[int]:
        return self._store.cache.get(
            ("side-ids", wanted), lambda: _matching_actor_ids(conn, wanted)
        )

    def dyad(self, first: str, second: str, *, every_month: bool = False) -> list[DyadMonth]:
        """Events between two actors (either side), per month: count and mean intensity.

        `every_month` also lists the months between the first and last event
        that had none (with 0 events), so a chart's time axis is true time.
        An event the text dates by its year alone ("in 2022") falls in no
        month and is left out of the chart (`page` still lists it).
        """

        with self._store.transaction("charting a dyad") as conn:
            months = _dyad(self._dated(conn, EventQuery(pair=(first, second))))
        return _with_empty_months(months) if every_month else months

    def side(self, wanted: str) -> Side | None:
        """What `wanted` stands for when matched as `page` and `dyad` match it.

        The label is the country's own name for a country code ("KAZ" ->
        "Kazakhstan"), the actor's name when exactly one actor matches, else
        `wanted` itself. None when it matches no stored actor, so a caller
        can say so instead of showing an empty chart.
        """

        def describe() -> Side | None:
            with self._store.transaction(f"finding actors for {wanted!r}") as conn:
                return _describe_side(conn, wanted)

        return self._store.cache.get(("side", wanted), describe)

    def records(
        self,
        *,
        type: str | None = None,
        actor: str | None = None,
        since: date | None = None,
        until: date | None = None,
        batch_size: int = 500,
    ) -> Iterator[EventRecord]:
        """Every matching event with all an event codebook asks of it, in id order.

        What `dateline export` writes GDELT and PLOVER rows from; streamed
        `batch_size` events at a time, so memory stays flat on any store
        (`dateline.store.event_records`). Filters as `page` does.
        """

        from dateline.store.event_records import event_records

        return event_records(
            self._store, type=type, actor=actor, since=since, until=until, batch_size=batch_size
        )

    def count(self, *, type: str | None = None, actor: str | None = None) -> int:
        """How many stored events have this type and actor, whatever their day."""

        from dateline.store.event_records import count_candidates

        return count_candidates(self._store, type=type, actor=actor)


def actor_matches(wanted: str, name: str, country: str | None, actor_id: int | None = None) -> bool:
    """`wanted` is this actor's id, its country code, or its name's words in any order."""

    row_id = actor_row_id(wanted)
    if row_id is not None:
        return actor_id is not None and row_id == actor_id
    if _COUNTRY_CODE.match(wanted) and wanted.upper() == (country or "").upper():
        return True
    words = normalise_name(wanted).split()
    have = set(normalise_name(name).split())
    return bool(words) and all(word in have for word in words)


def _describe_side(conn: Connection, wanted: str) -> Side | None:
    rows = list(
        conn.execute(
            sa.select(actors.c.id, actors.c.name, actors.c.country, actors.c.kind).where(
                _side_condition(wanted)
            )
        )
    )
    if not rows:
        return None
    countries = {row.country for row in rows if row.country}
    country = countries.pop() if len(countries) == 1 else None
    if len(rows) == 1:
        label = rows[0].name
    else:
        own = [row.name for row in rows if row.kind == "country" and row.country == country]
        label = own[0] if own and _COUNTRY_CODE.match(wanted) else wanted
    return Side(ref=wanted, label=label, country=country, actors=len(rows))


def _with_empty_months(months: list[DyadMonth]) -> list[DyadMonth]:
    if not months:
        return []
    known = {m.month: m for m in months}
    year, month = map(int, months[0].month.split("-"))
    filled = []
    while True:
        current = f"{year:04d}-{month:02d}"
        filled.append(known.get(current, DyadMonth(current, 0, None, {})))
        if current >= months[-1].month:
            return filled
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _event_day(stated: str | None, published: date | None) -> str | None:
    return str(stated) if stated else iso(published)


def _participants(
    conn: Connection, event_ids: list[int]
) -> dict[int, dict[str, list[_StoredActor]]]:
    sides: dict[int, dict[str, list[_StoredActor]]] = defaultdict(
        lambda: {"source": [], "target": []}
    )
    if not event_ids:
        return sides
    rows = conn.execute(
        sa.select(
            event_participants.c.event_id,
            event_participants.c.side,
            actors.c.id,
            actors.c.name,
            actors.c.country,
        )
        .join(actors, actors.c.id == event_participants.c.actor_id)
        .where(event_participants.c.event_id.in_(event_ids))
        .order_by(event_participants.c.event_id, event_participants.c.position)
    )
    for row in rows:
        sides[row.event_id][row.side].append(_StoredActor(row.id, row.name, row.country or ""))
    return sides


def _matching_actor_ids(conn: Connection, wanted: str) -> list[int]:
    """The stored actors `wanted` names, as `actor_matches` decides."""

    row_id = actor_row_id(wanted)
    if row_id is not None:
        return [row_id]
    return list(conn.execute(sa.select(actors.c.id).where(_side_condition(wanted))).scalars())


def _side_condition(wanted: str) -> sa.ColumnElement[bool]:
    """`actor_matches` in SQL: the id, the country code, or every word of the name.

    The actors table is read by the database, not row by row in Python: a
    store of 50,000 articles holds a hundred thousand actors.
    """

    row_id = actor_row_id(wanted)
    if row_id is not None:
        return actors.c.id == row_id
    words = normalise_name(wanted).split()
    padded = sa.literal(" ") + actors.c.name_key + sa.literal(" ")
    by_name = (
        sa.and_(*(padded.contains(f" {word} ", autoescape=True) for word in words))
        if words
        else sa.false()
    )
    if _COUNTRY_CODE.match(wanted):
        return sa.or_(actors.c.country == wanted.upper(), by_name)
    return by_name


def _takes_part(actor_ids: list[int], side: str | None = None) -> sa.ColumnElement[bool]:
    """The event has one of `actor_ids` among its participants (on `side`).

    An `IN` over the participants' actor index rather than an `EXISTS` per
    event: the database finds the actor's events instead of testing every one.
    """

    taking_part = sa.select(event_participants.c.event_id).where(
        event_participants.c.actor_id.in_(actor_ids)
    )
    if side is not None:
        taking_part = taking_part.where(event_participants.c.side == side)
    return events.c.id.in_(taking_part)


def _between(first: list[int], second: list[int]) -> sa.ColumnElement[bool]:
    """One side is among `first` and the other among `second`, either way round.

    Symmetric events ("a meeting between A and B") may list both on one
    side, so for those (and for types the PLOVER table does not know) it
    is enough that both take part, provided there are two participants.
    """

    symmetric = [name for name, kind in plover_types().items() if kind.symmetric]
    participants = (
        sa.select(sa.func.count())
        .select_from(event_participants)
        .where(event_participants.c.event_id == events.c.id)
        .scalar_subquery()
    )
    return sa.or_(
        sa.and_(_takes_part(first, "source"), _takes_part(second, "target")),
        sa.and_(_takes_part(second, "source"), _takes_part(first, "target")),
        sa.and_(
            sa.or_(events.c.type.in_(symmetric), events.c.type.not_in(list(plover_types()))),
            _takes_part(first),
            _takes_part(second),
            participants > 1,
        ),
    )


def _candidates(
    conn: Connection, query: EventQuery, matching_ids: Callable[[Connection, str], list[int]]
) -> list[sa.Row[Any]]:
    """Id, day, type and intensity of the events the type and sides allow.

    Type and sides are filtered in SQL; only these few columns come back,
    so a large store is not read whole to show one page.
    """

    statement = sa.select(
        events.c.id,
        events.c.article_id,
        events.c.type,
        events.c.date,
        events.c.intensity,
        articles.c.published,
    ).join(articles, articles.c.id == events.c.article_id)
    if query.type:
        statement = statement.where(events.c.type == query.type.upper())
    if query.actor is not None:
        statement = statement.where(_takes_part(matching_ids(conn, query.actor)))
    if query.pair is not None:
        first, second = (matching_ids(conn, wanted) for wanted in query.pair)
        statement = statement.where(_between(first, second))
    return list(conn.execute(statement.order_by(events.c.id)))


def _in_range(day: str | None, since: date | None, until: date | None) -> bool:
    if since is None and until is None:
        return True
    if day is None:
        return False
    start = day.split("/")[0]
    if since is not None and start[:10] < since.isoformat()[: len(start[:10])]:
        return False
    return not (until is not None and start[:10] > until.isoformat())


def _dated(
    conn: Connection,
    query: EventQuery,
    matching_ids: Callable[[Connection, str], list[int]] = _matching_actor_ids,
) -> list[tuple[str | None, sa.Row[Any]]]:
    """`_candidates` within the query's dates, oldest first, each with its day."""

    found = [
        (day, row)
        for row in _candidates(conn, query, matching_ids)
        if _in_range(day := _event_day(row.date, row.published), query.since, query.until)
    ]
    found.sort(key=lambda pair: (pair[0] or "9999", pair[1].article_id))
    return found


def _intensity(kind: str, stored: float | None) -> float | None:
    if stored is None and kind in plover_types():
        return plover_types()[kind].intensity
    return stored


def _event_rows(conn: Connection, event_ids: list[int]) -> list[EventRow]:
    """The events `event_ids` in full, in that order, evidence cut in SQL."""

    if not event_ids:
        return []
    length = events.c.end - events.c.start
    statement = (
        sa.select(
            events.c.id,
            events.c.article_id,
            events.c.type,
            events.c.date,
            events.c.place,
            events.c.mode,
            events.c.cameo,
            events.c.intensity,
            events.c.start,
            events.c.end,
            events.c.confidence,
            articles.c.published,
            articles.c.title,
            sa.func.substr(articles.c.text, events.c.start + 1, length).label("evidence"),
        )
        .join(articles, articles.c.id == events.c.article_id)
        .where(events.c.id.in_(event_ids))
    )
    rows = {row.id: row for row in conn.execute(statement)}
    sides = _participants(conn, event_ids)
    found = []
    for event_id in event_ids:
        row, side_of = rows[event_id], sides[event_id]
        found.append(
            EventRow(
                id=row.id,
                article_id=row.article_id,
                title=row.title,
                type=row.type,
                date=_event_day(row.date, row.published),
                place=row.place,
                mode=row.mode,
                cameo=row.cameo,
                intensity=_intensity(row.type, row.intensity),
                sources=[a.name for a in side_of["source"]],
                targets=[a.name for a in side_of["target"]],
                participants=[
                    Participant(a.id, a.name, a.country or None, side)
                    for side in ("source", "target")
                    for a in side_of[side]
                ],
                evidence=row.evidence,
                start=row.start,
                end=row.end,
                confidence=row.confidence,
            )
        )
    return found


def _dyad(dated: list[tuple[str | None, Any]]) -> list[DyadMonth]:
    months: dict[str, list[sa.Row[Any]]] = defaultdict(list)
    for day, row in dated:
        if day and _MONTH.match(day):
            months[day[:7]].append(row)
    chart = []
    for month in sorted(months):
        found = months[month]
        weights = [w for e in found if (w := _intensity(e.type, e.intensity)) is not None]
        types: dict[str, int] = defaultdict(int)
        for event in found:
            types[event.type] += 1
        chart.append(
            DyadMonth(
                month=month,
                events=len(found),
                mean_intensity=round(sum(weights) / len(weights), 2) if weights else None,
                types=dict(sorted(types.items())),
            )
        )
    return chart
