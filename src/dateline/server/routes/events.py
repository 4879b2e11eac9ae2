"""/api/events, /api/dyads/{a}/{b}, /api/places and /api/event-types: what happened,
between whom, where, and what each type of event means."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from dateline.errors import NotFound
from dateline.knowledge.event_types import plover_type_names, plover_types
from dateline.server.basemap import world_basemap
from dateline.server.deps import MAX_NAME_CHARS, PageDep, StoreDep, actor_ref, parse_pair
from dateline.store import Side, Store

router = APIRouter(prefix="/api", tags=["events"])

SIDE_HELP = "An actor id (12), a country code (KAZ: its people too) or a name's words."


def known_side(store: Store, ref: str) -> Side:
    """`store.events.side`, or a 404 saying how to name an actor that is stored."""

    side = store.events.side(ref)
    if side is None:
        raise NotFound(
            f"no stored actor matches {ref!r}; give an ISO 3166-1 alpha-3 code such as RUS, "
            "words of a name, or an actor id from /api/actors?q=NAME."
        )
    return side


@router.get("/events")
def events(
    *,
    type: Annotated[
        str | None,
        Query(
            pattern=f"(?i)^({'|'.join(plover_type_names())})$",
            description="A PLOVER type, e.g. CONSULT.",
        ),
    ] = None,
    actor: Annotated[str | None, Query(max_length=MAX_NAME_CHARS, description=SIDE_HELP)] = None,
    pair: Annotated[
        str | None,
        Query(
            max_length=2 * MAX_NAME_CHARS + 1,
            description="Two sides separated by a comma, e.g. KAZ,RUS.",
        ),
    ] = None,
    since: Annotated[date | None, Query(description="On or after, YYYY-MM-DD.")] = None,
    until: Annotated[date | None, Query(description="On or before, YYYY-MM-DD.")] = None,
    page: PageDep,
    store: StoreDep,
) -> dict[str, Any]:
    """Events with both sides named, oldest first, as `dateline events --json` prints them."""

    sides = parse_pair(pair, "pair") if pair else None
    actor = actor_ref(actor, "actor") if actor else None
    for ref in ([actor] if actor else []) + list(sides or ()):
        known_side(store, ref)
    found = store.events.page(
        type=type.upper() if type else None,
        actor=actor,
        since=since,
        until=until,
        pair=sides,
        limit=page.per_page,
        offset=page.offset,
    )
    return page.wrap(found)


@router.get("/dyads/{a}/{b}")
def dyad_summary(
    a: Annotated[str, Path(max_length=MAX_NAME_CHARS, description=SIDE_HELP)],
    b: Annotated[str, Path(max_length=MAX_NAME_CHARS, description=SIDE_HELP)],
    store: StoreDep,
) -> dict[str, Any]:
    """Events between two sides: per month by type with mean intensity, and each event.

    `months` runs from the first to the last month with an event, empty
    months included, so a chart's axis is true time.
    """

    a, b = actor_ref(a, "a"), actor_ref(b, "b")
    first, second = known_side(store, a), known_side(store, b)
    found = store.events.page(pair=(a, b)).items
    return {
        "a": first.as_dict(),
        "b": second.as_dict(),
        "total": len(found),
        "types": sorted({e.type for e in found}),
        "months": [m.as_dict() for m in store.events.dyad(a, b, every_month=True)],
        "events": [e.as_dict() for e in found],
    }


@router.get("/event-types")
def event_types() -> dict[str, Any]:
    """The 16 PLOVER types, each with its CAMEO root and QuadClass, intensity (+10
    cooperation to -10 conflict), whether its sides are symmetric, its colour in the
    web UI's charts and a short description; from the type table the extraction uses."""

    return {"items": [kind.as_dict() for kind in plover_types().values()]}


@router.get("/places")
def places(store: StoreDep) -> dict[str, Any]:
    """Geocoded places with the events placed there, for the map."""

    return {"items": [place.as_dict() for place in store.places.mapped()]}


@router.get("/stats")
def stats(store: StoreDep) -> dict[str, Any]:
    """Counts of stored articles and facts."""

    return store.stats().as_dict()


@router.get("/basemap", include_in_schema=False)
def basemap() -> dict[str, Any]:
    """Land cells and country label positions for the offline map."""

    return world_basemap()
