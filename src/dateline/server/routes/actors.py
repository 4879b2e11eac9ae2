"""/api/actors: search actors, and one actor's profile."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from dateline.server.deps import PageDep, StoreDep, read
from dateline.server.queries.actors import actor_profile, search_actors

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
    """Actors across the corpus, the most often cited first."""

    items, total = read(
        store, "searching actors", search_actors, q, kind, page.per_page, page.offset
    )
    return page.wrap(items, total)


@router.get("/{actor_id}")
def actor(actor_id: int, store: StoreDep) -> dict[str, Any]:
    """Who the actor is, its roles over time, articles, quotes, events and counterparts."""

    return read(store, f"reading actor {actor_id}", actor_profile, actor_id)
