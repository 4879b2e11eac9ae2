"""Events by type, actor, pair and date, and the dyad summary per month."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.server.queries.actors import event_rows_json
from dateline.server.queries.refs import Side
from dateline.store.schema import articles, event_participants, events

JsonDict = dict[str, Any]

_EVENT_DAY = sa.func.coalesce(events.c.date, sa.cast(articles.c.published, sa.Text))


def _involving(actor_ids: tuple[int, ...]) -> sa.ColumnElement[bool]:
    return events.c.id.in_(
        sa.select(event_participants.c.event_id).where(event_participants.c.actor_id.in_(actor_ids))
    )


def list_events(
    conn: Connection,
    type_: str | None = None,
    actor: Side | None = None,
    pair: tuple[Side, Side] | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 20,
    offset: int = 0,
) -> tuple[list[JsonDict], int]:
    """One page of events, oldest first, and how many match.

    The date of an event is its own (`events.date`) or else its article's.
    A pair keeps events in which both sides take part, on either side.
    """

    conditions: list[sa.ColumnElement[bool]] = []
    if type_:
        conditions.append(events.c.type == type_.upper())
    if actor is not None:
        conditions.append(_involving(actor.actor_ids))
    if pair is not None:
        conditions += [_involving(pair[0].actor_ids), _involving(pair[1].actor_ids)]
    if since is not None:
        conditions.append(since.isoformat() <= _EVENT_DAY)
    if until is not None:
        conditions.append(sa.func.substr(_EVENT_DAY, 1, 10) <= until.isoformat())
    base = sa.select(events.c.id).join(articles, articles.c.id == events.c.article_id)
    total = conn.execute(
        sa.select(sa.func.count()).select_from(base.where(*conditions).subquery())
    ).scalar_one()
    rows = list(
        conn.execute(
            sa.select(events, articles.c.published, articles.c.title)
            .join(articles, articles.c.id == events.c.article_id)
            .where(*conditions)
            .order_by(_EVENT_DAY, events.c.id)
            .limit(limit)
            .offset(offset)
        )
    )
    return event_rows_json(conn, rows), total


def dyad_summary(conn: Connection, a: Side, b: Side) -> JsonDict:
    """Events between two sides, counted per month and type, with mean intensity.

    `months` has one entry per month from the first to the last event, empty
    months included, so a chart's x axis is true time.
    """

    found, _ = list_events(conn, pair=(a, b), limit=10_000)
    cells: dict[tuple[str, str], list[float | None]] = defaultdict(list)
    for event in found:
        month = (event["date"] or "")[:7]
        if len(month) == 7:
            cells[(month, event["type"])].append(event["intensity"])
    months = _month_range(sorted({m for m, _ in cells}))
    by_month = []
    for month in months:
        types = {t: len(v) for (m, t), v in cells.items() if m == month}
        values = [x for (m, _), v in cells.items() if m == month for x in v if x is not None]
        by_month.append(
            {
                "month": month,
                "count": sum(types.values()),
                "types": types,
                "mean_intensity": sum(values) / len(values) if values else None,
            }
        )
    return {
        "a": _side_json(a),
        "b": _side_json(b),
        "total": len(found),
        "types": sorted({e["type"] for e in found}),
        "months": by_month,
        "events": found,
    }


def _side_json(side: Side) -> JsonDict:
    return {"ref": side.ref, "label": side.label, "country": side.country}


def _month_range(months: list[str]) -> list[str]:
    if not months:
        return []
    year, month = map(int, months[0].split("-"))
    last = months[-1]
    found = []
    while True:
        current = f"{year:04d}-{month:02d}"
        found.append(current)
        if current >= last:
            return found
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
