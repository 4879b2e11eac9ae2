"""/api/search: one box across articles, actors and quotes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from dateline.server.deps import MAX_SEARCH_CHARS, StoreDep, answer, search_text
from dateline.server.routes.quotes import find_quotes
from dateline.store import Page, Row

router = APIRouter(prefix="/api/search", tags=["search"])


def _found(page: Page[Row]) -> dict[str, Any]:
    return {"items": page.as_dicts(), "total": page.total}


@router.get("")
def search(
    *,
    q: Annotated[
        str, Query(min_length=1, max_length=MAX_SEARCH_CHARS, description="Words to look for.")
    ],
    limit: Annotated[int, Query(ge=1, le=50, description="Most results per kind.")] = 10,
    store: StoreDep,
    request: Request,
) -> Response:
    """The best matches of each kind; follow up with the per-resource endpoints for more."""

    search_text(q, "q")
    return answer(
        request,
        store,
        lambda: {
            "q": q,
            "articles": _found(store.articles.page(words=q, limit=limit)),
            "actors": _found(store.actors.page(name=q, limit=limit)),
            "quotes": _found(find_quotes(store, q, limit=limit)),
        },
    )
