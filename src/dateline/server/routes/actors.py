"""/api/actors: search actors, and one actor's profile."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response

from dateline.errors import NotFound
from dateline.server.deps import MAX_ID, MAX_NAME_CHARS, PageDep, PageParams, StoreDep, answer
from dateline.store import Store

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
    request: Request,
) -> Response:
    """Actors across the corpus, the most often named first."""

    return answer(
        request,
        store,
        lambda: page.wrap(
            store.actors.page(name=q, kind=kind, limit=page.per_page, offset=page.offset)
        ),
    )


EVENTS_SHOWN = 50
"""The actor's newest events sent with its profile; /api/events?actor=ID pages them all."""


@router.get("/{actor_id}")
def actor(
    actor_id: Annotated[int, Path(ge=1, le=MAX_ID, description="An id from /api/actors.")],
    page: PageDep,
    store: StoreDep,
    request: Request,
) -> Response:
    """Who the actor is, its roles over time, a page of its articles (newest first, each
    with its quotes), its newest events and its counterparts.

    The profile is the one `dateline actor --json` prints, its `appearances`
    cut to the page asked for (`articles` counts them all; `page`, `per_page`,
    `pages` say where the page stands), plus `events`: the newest
    `EVENTS_SHOWN` (`events_total` counts them all, /api/events?actor=ID
    pages them) and `counterparts` (whom to open a dyad with).
    """

    return answer(request, store, lambda: _profile(actor_id, page, store))


def _profile(actor_id: int, page: PageParams, store: Store) -> dict[str, Any]:
    profile = store.actors.profile(
        actor_id, limit=page.per_page, offset=page.offset, newest_first=True
    )
    if profile is None:
        raise NotFound(f"no actor with id {actor_id}; find ids with /api/actors?q=NAME.")
    events = store.events.page(actor=str(actor_id), limit=EVENTS_SHOWN, newest_first=True)
    counts = page.counts(profile.articles)
    return (
        profile.as_dict()
        | {key: counts[key] for key in ("page", "per_page", "pages")}
        | {
            "events": events.as_dicts(),
            "events_total": events.total,
            "counterparts": [c.as_dict() for c in store.actors.counterparts(actor_id)],
        }
    )
