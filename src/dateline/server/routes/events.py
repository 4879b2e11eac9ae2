"""/api/events, /api/dyads/{a}/{b} and /api/places: what happened, between whom, where."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from sqlalchemy.engine import Connection

from dateline.model import PLOVER_TYPES
from dateline.server.basemap import world_basemap
from dateline.server.deps import PageDep, StoreDep, parse_pair, read
from dateline.server.queries.events import dyad_summary, list_events
from dateline.server.queries.places import event_places
from dateline.server.queries.refs import Side, resolve_side

router = APIRouter(prefix="/api", tags=["events"])

SIDE_HELP = "An actor id (12), a country code (KAZ) or part of a name."


@router.get("/events")
def events(
    *,
    type: Annotated[
        str | None,
        Query(
            pattern=f"(?i)^({'|'.join(PLOVER_TYPES)})$",
            description="A PLOVER type, e.g. CONSULT.",
        ),
    ] = None,
    actor: Annotated[str | None, Query(description=SIDE_HELP)] = None,
    pair: Annotated[
        str | None, Query(description="Two sides separated by a comma, e.g. KAZ,RUS.")
    ] = None,
    since: Annotated[date | None, Query(description="On or after, YYYY-MM-DD.")] = None,
    until: Annotated[date | None, Query(description="On or before, YYYY-MM-DD.")] = None,
    page: PageDep,
    store: StoreDep,
) -> dict[str, Any]:
    """Events with both sides named, oldest first."""

    def query(conn: Connection) -> tuple[list[dict[str, Any]], int]:
        one: Side | None = resolve_side(conn, actor) if actor else None
        two: tuple[Side, Side] | None = None
        if pair:
            first, second = parse_pair(pair)
            two = (resolve_side(conn, first), resolve_side(conn, second))
        return list_events(conn, type, one, two, since, until, page.per_page, page.offset)

    items, total = read(store, "listing events", query)
    return page.wrap(items, total)


@router.get("/dyads/{a}/{b}")
def dyad(
    a: Annotated[str, Path(description=SIDE_HELP)],
    b: Annotated[str, Path(description=SIDE_HELP)],
    store: StoreDep,
) -> dict[str, Any]:
    """Events between two sides per month, by type and mean intensity."""

    def query(conn: Connection) -> dict[str, Any]:
        return dyad_summary(conn, resolve_side(conn, a), resolve_side(conn, b))

    return read(store, f"summarising the dyad {a}/{b}", query)


@router.get("/places")
def places(store: StoreDep) -> dict[str, Any]:
    """Geocoded places with the events placed there, for the map."""

    return {"items": read(store, "listing places", event_places)}


@router.get("/stats")
def stats(store: StoreDep) -> dict[str, Any]:
    """Counts of stored articles and facts."""

    return store.stats()


@router.get("/basemap", include_in_schema=False)
def basemap() -> dict[str, Any]:
    """Land cells and country label positions for the offline map."""

    return world_basemap()
