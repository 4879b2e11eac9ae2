"""Stored events: `dateline events` lists them, `dateline dyad A B` charts a pair.

An analyst asks "which CONSULT events involve Kazakhstan since January?" or
"how did Kazakhstan and Russia get on, month by month?". An actor is given
either by name ("Mikhail Mishustin", matched without case or accents, any
word order), by an ISO 3166-1 alpha-3 code ("KAZ"), which stands for
every actor of that country: the country itself, its government, its
people, or by its stored id ("12", as the web UI's links give it). A month
is the event's own date where the text gave one, else the publication date
of its article.

Every function takes a `Store` and returns JSON-ready values (ISO dates,
None for unknown), like `store.read`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.stages.events.lexicon import plover_types
from dateline.store.names import normalise_name
from dateline.store.schema import actors, articles, event_participants, events
from dateline.store.store import Store

JsonDict = dict[str, Any]
_COUNTRY_CODE = re.compile(r"^[A-Za-z]{3}$")


@dataclass(frozen=True, slots=True)
class EventQuery:
    """What to list: a PLOVER type, an actor on either side, a pair, a date range."""

    type: str | None = None
    actor: str | None = None
    since: date | None = None
    until: date | None = None
    pair: tuple[str, str] | None = None
    """Keep events between these two actors, as `dyad` counts them."""


@dataclass(frozen=True, slots=True)
class _StoredActor:
    id: int
    name: str
    country: str


def actor_matches(wanted: str, name: str, country: str | None, actor_id: int | None = None) -> bool:
    """`wanted` is this actor's id, its country code, or its name's words in any order."""

    if wanted.strip().isdigit():
        return actor_id is not None and int(wanted) == actor_id
    if _COUNTRY_CODE.match(wanted) and wanted.upper() == (country or "").upper():
        return True
    words = normalise_name(wanted).split()
    have = set(normalise_name(name).split())
    return bool(words) and all(word in have for word in words)


def list_events(store: Store, query: EventQuery) -> list[JsonDict]:
    """Stored events matching `query`, oldest first."""

    return page_events(store, query)[0]


def page_events(
    store: Store, query: EventQuery, *, limit: int | None = None, offset: int = 0
) -> tuple[list[JsonDict], int]:
    """`limit` events matching `query` from `offset`, oldest first, and how many match in all.

    Only the page's events are read in full (sides, evidence), so a web
    page of twenty events costs the same in a store of a million.
    """

    return store.query("listing events", _event_page, query, limit, offset)


def dyad(store: Store, first: str, second: str, *, every_month: bool = False) -> list[JsonDict]:
    """Events between two actors (either side), per month: count and mean intensity.

    `every_month` also lists the months between the first and last event
    that had none (with 0 events), so a chart's time axis is true time.
    """

    months = store.query("charting a dyad", _dyad, first, second)
    return _with_empty_months(months) if every_month else months


def describe_side(store: Store, wanted: str) -> JsonDict | None:
    """What `wanted` stands for when matched as `list_events` and `dyad` match it.

    `{"ref", "label", "country", "actors"}`: the label is the country's own
    name for a country code ("KAZ" -> "Kazakhstan"), the actor's name when
    exactly one actor matches, else `wanted` itself; `actors` counts the
    stored actors it covers. None when it matches no stored actor, so a
    caller can say so instead of showing an empty chart.
    """

    return store.query(f"finding actors for {wanted!r}", _describe_side, wanted)


def _describe_side(conn: Connection, wanted: str) -> JsonDict | None:
    rows = [
        row
        for row in conn.execute(
            sa.select(actors.c.id, actors.c.name, actors.c.country, actors.c.kind)
        )
        if actor_matches(wanted, row.name, row.country, row.id)
    ]
    if not rows:
        return None
    countries = {row.country for row in rows if row.country}
    country = countries.pop() if len(countries) == 1 else None
    if len(rows) == 1:
        label = rows[0].name
    else:
        own = [row.name for row in rows if row.kind == "country" and row.country == country]
        label = own[0] if own and _COUNTRY_CODE.match(wanted) else wanted
    return {"ref": wanted, "label": label, "country": country, "actors": len(rows)}


def _with_empty_months(months: list[JsonDict]) -> list[JsonDict]:
    if not months:
        return []
    known = {m["month"]: m for m in months}
    year, month = map(int, months[0]["month"].split("-"))
    filled = []
    while True:
        current = f"{year:04d}-{month:02d}"
        filled.append(
            known.get(current, {"month": current, "events": 0, "mean_intensity": None, "types": {}})
        )
        if current >= months[-1]["month"]:
            return filled
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _event_day(stated: str | None, published: date | None) -> str | None:
    if stated:
        return str(stated)
    return published.isoformat() if published else None


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

    if wanted.strip().isdigit():
        return [int(wanted)]
    rows = conn.execute(sa.select(actors.c.id, actors.c.name, actors.c.country))
    return [row.id for row in rows if actor_matches(wanted, row.name, row.country, row.id)]


def _takes_part(actor_ids: list[int], side: str | None = None) -> sa.ColumnElement[bool]:
    """The event has one of `actor_ids` among its participants (on `side`)."""

    part = event_participants.alias()
    conditions = [part.c.event_id == events.c.id, part.c.actor_id.in_(actor_ids)]
    if side is not None:
        conditions.append(part.c.side == side)
    return sa.exists().where(*conditions)


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


def _candidates(conn: Connection, query: EventQuery) -> list[sa.Row[Any]]:
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
        statement = statement.where(_takes_part(_matching_actor_ids(conn, query.actor)))
    if query.pair is not None:
        first, second = (_matching_actor_ids(conn, wanted) for wanted in query.pair)
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


def _dated(conn: Connection, query: EventQuery) -> list[tuple[str | None, sa.Row[Any]]]:
    """`_candidates` within the query's dates, oldest first, each with its day."""

    found = [
        (day, row)
        for row in _candidates(conn, query)
        if _in_range(day := _event_day(row.date, row.published), query.since, query.until)
    ]
    found.sort(key=lambda pair: (pair[0] or "9999", pair[1].article_id))
    return found


def _intensity(kind: str, stored: float | None) -> float | None:
    if stored is None and kind in plover_types():
        return plover_types()[kind].intensity
    return stored


def _event_rows(conn: Connection, event_ids: list[int]) -> list[JsonDict]:
    """The full JSON of `event_ids`, in that order, evidence cut in SQL."""

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
            {
                "id": row.id,
                "article_id": row.article_id,
                "title": row.title,
                "type": row.type,
                "date": _event_day(row.date, row.published),
                "place": row.place,
                "mode": row.mode,
                "cameo": row.cameo,
                "intensity": _intensity(row.type, row.intensity),
                "sources": [a.name for a in side_of["source"]],
                "targets": [a.name for a in side_of["target"]],
                "participants": [
                    {"id": a.id, "name": a.name, "country": a.country or None, "side": side}
                    for side in ("source", "target")
                    for a in side_of[side]
                ],
                "evidence": row.evidence,
                "start": row.start,
                "end": row.end,
                "confidence": row.confidence,
            }
        )
    return found


def _event_page(
    conn: Connection, query: EventQuery, limit: int | None, offset: int
) -> tuple[list[JsonDict], int]:
    dated = _dated(conn, query)
    chosen = dated[offset:] if limit is None else dated[offset : offset + limit]
    return _event_rows(conn, [row.id for _, row in chosen]), len(dated)


def _dyad(conn: Connection, first: str, second: str) -> list[JsonDict]:
    months: dict[str, list[sa.Row[Any]]] = defaultdict(list)
    for day, row in _dated(conn, EventQuery(pair=(first, second))):
        if day:
            months[day[:7]].append(row)
    chart = []
    for month in sorted(months):
        found = months[month]
        weights = [w for e in found if (w := _intensity(e.type, e.intensity)) is not None]
        types: dict[str, int] = defaultdict(int)
        for event in found:
            types[event.type] += 1
        chart.append(
            {
                "month": month,
                "events": len(found),
                "mean_intensity": round(sum(weights) / len(weights), 2) if weights else None,
                "types": dict(sorted(types.items())),
            }
        )
    return chart
