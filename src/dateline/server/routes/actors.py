"""/api/actors: search actors, and one actor's profile."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from dateline.errors import NotFound
from dateline.server.deps import PageDep, StoreDep
from dateline.store.actors import actor_profile, counterparts, page_actors
from dateline.store.events import EventQuery, list_events

router = APIRouter(prefix="/api/actors", tags=["actors"])


@router.get("")
def actors(
    *,
    q: Annotated[str | None, Query(description="Part of a name; case and accents ignored.")] = None,
    kind: Annotated[
        str | None,
        Query(
            pattern="^(person|organization|country)$",
            description="person, organization or country.",
        ),
    ] = None,
    page: PageDep,
    store: StoreDep,
) -> dict[str, Any]:
    """Actors across the corpus, the most often named first."""

    found, total = page_actors(store, q, kind, limit=page.per_page, offset=page.offset)
    return page.wrap(found, total)


@router.get("/{actor_id}")
def actor(actor_id: int, store: StoreDep) -> dict[str, Any]:
    """Who the actor is, its roles over time, articles with its quotes, events and counterparts.

    The profile is the one `dateline actor --json` prints, plus `events`
    (as /api/events lists them) and `counterparts` (whom to open a dyad with).
    """

    profile = actor_profile(store, actor_id)
    if profile is None:
        raise NotFound(f"no actor with id {actor_id}; find ids with /api/actors?q=NAME.")
    profile["events"] = list_events(store, EventQuery(actor=str(actor_id)))
    profile["counterparts"] = counterparts(store, actor_id)
    return profile
