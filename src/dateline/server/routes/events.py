"""/api/events, /api/dyads/{a}/{b}, /api/places and /api/event-types: what happened,
between whom, where, and what each type of event means."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response

from dateline.errors import NotFound
from dateline.knowledge.event_types import plover_type_names, plover_types
from dateline.server.basemap import world_basemap
from dateline.server.deps import (
    MAX_NAME_CHARS,
    ChartPageDep,
    PageDep,
    PageParams,
    StoreDep,
    actor_ref,
    answer,
    parse_pair,
)
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
    request: Request,
) -> Response:
    """Events with both sides named, oldest first, as `dateline events --json` prints them."""

    sides = parse_pair(pair, "pair") if pair else None
    named = actor_ref(actor, "actor") if actor else None

    def build() -> dict[str, Any]:
        for ref in ([named] if named else []) + list(sides or ()):
            known_side(store, ref)
        found = store.events.page(
            type=type.upper() if type else None,
            actor=named,
            since=since,
            until=until,
            pair=sides,
            limit=page.per_page,
            offset=page.offset,
        )
        return page.wrap(found)

    return answer(request, store, build)


@router.get("/dyads/{a}/{b}")
def dyad_summary(
    a: Annotated[str, Path(max_length=MAX_NAME_CHARS, description=SIDE_HELP)],
    b: Annotated[str, Path(max_length=MAX_NAME_CHARS, description=SIDE_HELP)],
    page: PageDep,
    store: StoreDep,
    request: Request,
) -> Response:
    """Events between two sides: per month by type with mean intensity, and a page of
    the events themselves, newest first.

    `months` runs from the first to the last month with an event, empty
    months included, so a chart's axis is true time; `total` counts every
    event of the pair (also those dated by their year alone, which no month
    holds); `events` is the page asked for.
    """

    a, b = actor_ref(a, "a"), actor_ref(b, "b")
    return answer(request, store, lambda: _dyad(a, b, page, store))


def _dyad(a: str, b: str, page: PageParams, store: Store) -> dict[str, Any]:
    first, second = known_side(store, a), known_side(store, b)
    found = store.events.page(
        pair=(a, b), limit=page.per_page, offset=page.offset, newest_first=True
    )
    months = store.events.dyad(a, b, every_month=True)
    return {
        "a": first.as_dict(),
        "b": second.as_dict(),
        **page.counts(found.total),
        "types": sorted({t for m in months for t in m.types} | {e.type for e in found.items}),
        "months": [m.as_dict() for m in months],
        "events": found.as_dicts(),
    }


@router.get("/event-types")
def event_types() -> dict[str, Any]:
    """The 16 PLOVER types, each with its CAMEO root and QuadClass, intensity (+10
    cooperation to -10 conflict), whether its sides are symmetric, its colour in the
    web UI's charts and a short description; from the type table the extraction uses."""

    return {"items": [kind.as_dict() for kind in plover_types().values()]}


@router.get("/places")
def places(page: ChartPageDep, store: StoreDep, request: Request) -> Response:
    """Geocoded places for the map, most events first, a page at a time: each with how
    many events and articles it has and a few of each."""

    return answer(
        request,
        store,
        lambda: page.wrap(store.places.mapped(limit=page.per_page, offset=page.offset)),
    )


@router.get("/stats")
def stats(store: StoreDep, request: Request) -> Response:
    """Counts of stored articles and facts."""

    return answer(request, store, lambda: store.stats().as_dict())


@router.get("/basemap", include_in_schema=False)
def basemap() -> dict[str, Any]:
    """Land cells and country label positions for the offline map."""

    return world_basemap()
