"""/api/actors: search actors, and one actor's profile."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from dateline.errors import NotFound
from dateline.server.deps import MAX_ID, MAX_NAME_CHARS, PageDep, StoreDep

router = APIRouter(prefix="/api/actors", tags=["actors"])


@router.get("")
def actors(
    *,
    q: Annotated[
        str | None,
        Query(max_length=MAX_NAME_CHARS, description="Part of a name; case and accents ignored."),
    ] = None,
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

    return page.wrap(store.actors.page(name=q, kind=kind, limit=page.per_page, offset=page.offset))


@router.get("/{actor_id}")
def actor(
    actor_id: Annotated[int, Path(ge=1, le=MAX_ID, description="An id from /api/actors.")],
    store: StoreDep,
) -> dict[str, Any]:
    """Who the actor is, its roles over time, articles with its quotes, events and counterparts.

    The profile is the one `dateline actor --json` prints, plus `events`
    (as /api/events lists them) and `counterparts` (whom to open a dyad with).
    """

    profile = store.actors.profile(actor_id)
    if profile is None:
        raise NotFound(f"no actor with id {actor_id}; find ids with /api/actors?q=NAME.")
    return profile.as_dict() | {
        "events": store.events.page(actor=str(actor_id)).as_dicts(),
        "counterparts": [c.as_dict() for c in store.actors.counterparts(actor_id)],
    }
