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

    return store._read("listing events", _list_events, query)


def dyad(store: Store, first: str, second: str, *, every_month: bool = False) -> list[JsonDict]:
    """Events between two actors (either side), per month: count and mean intensity.

    `every_month` also lists the months between the first and last event
    that had none (with 0 events), so a chart's time axis is true time.
    """

    months = store._read("charting a dyad", _dyad, first, second)
    return _with_empty_months(months) if every_month else months


def describe_side(store: Store, wanted: str) -> JsonDict | None:
    """What `wanted` stands for when matched as `list_events` and `dyad` match it.

    `{"ref", "label", "country", "actors"}`: the label is the country's own
    name for a country code ("KAZ" -> "Kazakhstan"), the actor's name when
    exactly one actor matches, else `wanted` itself; `actors` counts the
    stored actors it covers. None when it matches no stored actor, so a
    caller can say so instead of showing an empty chart.
    """

    return store._read(f"finding actors for {wanted!r}", _describe_side, wanted)


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


def _all_events(conn: Connection, kind: str | None) -> list[JsonDict]:
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
            articles.c.text,
        )
        .join(articles, articles.c.id == events.c.article_id)
        .order_by(events.c.id)
    )
    if kind:
        statement = statement.where(events.c.type == kind.upper())
    rows = list(conn.execute(statement))
    sides = _participants(conn, [row.id for row in rows])
    found = []
    for row in rows:
        intensity = row.intensity
        if intensity is None and row.type in plover_types():
            intensity = plover_types()[row.type].intensity
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
                "intensity": intensity,
                "sources": [a.name for a in sides[row.id]["source"]],
                "targets": [a.name for a in sides[row.id]["target"]],
                "participants": [
                    {"id": a.id, "name": a.name, "country": a.country or None, "side": side}
                    for side in ("source", "target")
                    for a in sides[row.id][side]
                ],
                "evidence": row.text[row.start : row.end],
                "start": row.start,
                "end": row.end,
                "confidence": row.confidence,
                "_actors": sides[row.id]["source"] + sides[row.id]["target"],
                "_sides": sides[row.id],
            }
        )
    return found


def _involves(event: JsonDict, wanted: str) -> bool:
    return any(actor_matches(wanted, a.name, a.country, a.id) for a in event["_actors"])


def _public(event: JsonDict) -> JsonDict:
    return {key: value for key, value in event.items() if not key.startswith("_")}


def _in_range(day: str | None, since: date | None, until: date | None) -> bool:
    if since is None and until is None:
        return True
    if day is None:
        return False
    start = day.split("/")[0]
    if since is not None and start[:10] < since.isoformat()[: len(start[:10])]:
        return False
    return not (until is not None and start[:10] > until.isoformat())


def _list_events(conn: Connection, query: EventQuery) -> list[JsonDict]:
    found = [
        event
        for event in _all_events(conn, query.type)
        if (query.actor is None or _involves(event, query.actor))
        and (query.pair is None or _between(event, *query.pair))
        and _in_range(event["date"], query.since, query.until)
    ]
    found.sort(key=lambda e: (e["date"] or "9999", e["article_id"]))
    return [_public(e) for e in found]


def _between(event: JsonDict, first: str, second: str) -> bool:
    sources, targets = event["_sides"]["source"], event["_sides"]["target"]

    def on(side: list[_StoredActor], wanted: str) -> bool:
        return any(actor_matches(wanted, a.name, a.country, a.id) for a in side)

    if (on(sources, first) and on(targets, second)) or (on(sources, second) and on(targets, first)):
        return True
    # Symmetric events ("a meeting between A and B") may list both on one side.
    everyone = sources + targets
    return (
        len(everyone) > 1
        and on(everyone, first)
        and on(everyone, second)
        and (not plover_types().get(event["type"]) or plover_types()[event["type"]].symmetric)
    )


def _dyad(conn: Connection, first: str, second: str) -> list[JsonDict]:
    months: dict[str, list[JsonDict]] = defaultdict(list)
    for event in _all_events(conn, None):
        if event["date"] and _between(event, first, second):
            months[event["date"][:7]].append(event)
    chart = []
    for month in sorted(months):
        found = months[month]
        weights = [e["intensity"] for e in found if e["intensity"] is not None]
        types: dict[str, int] = defaultdict(int)
        for event in found:
            types[event["type"]] += 1
        chart.append(
            {
                "month": month,
                "events": len(found),
                "mean_intensity": round(sum(weights) / len(weights), 2) if weights else None,
                "types": dict(sorted(types.items())),
            }
        )
    return chart
