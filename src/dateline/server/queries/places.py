"""Where things happened: geocoded places of events, for the map."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.store.schema import articles, events, places

JsonDict = dict[str, Any]


def event_places(conn: Connection) -> list[JsonDict]:
    """Every geocoded place, with the events placed there and the articles naming it.

    An event stores its place by name; its coordinates come from the place
    of the same name geocoded in the same article. Places no event happened
    in are kept (with `events: []`) so the map can show them faintly.
    """

    located = list(
        conn.execute(
            sa.select(places, articles.c.title)
            .join(articles, articles.c.id == places.c.article_id)
            .where(places.c.lat.is_not(None), places.c.lon.is_not(None))
        )
    )
    events_at: dict[tuple[str, str], list[JsonDict]] = defaultdict(list)
    for e in conn.execute(sa.select(events).where(events.c.place.is_not(None))):
        events_at[(e.article_id, e.place.lower())].append(
            {"article_id": e.article_id, "type": e.type, "date": e.date}
        )
    merged: dict[tuple[str, float, float], JsonDict] = {}
    for p in located:
        key = (p.name, round(p.lat, 3), round(p.lon, 3))
        entry = merged.setdefault(
            key,
            {
                "name": p.name,
                "country": p.country,
                "kind": p.kind,
                "lat": p.lat,
                "lon": p.lon,
                "events": [],
                "articles": [],
            },
        )
        if p.article_id not in [a["id"] for a in entry["articles"]]:
            entry["articles"].append({"id": p.article_id, "title": p.title})
            entry["events"] += events_at.get((p.article_id, p.name.lower()), [])
    return sorted(merged.values(), key=lambda e: (-len(e["events"]), -len(e["articles"])))
