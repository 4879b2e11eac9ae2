"""/api/search: one box across articles, actors and quotes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from dateline.server.deps import StoreDep, read
from dateline.server.queries.actors import search_actors
from dateline.server.queries.articles import list_articles

router = APIRouter(prefix="/api/search", tags=["search"])


@router.get("")
def search(
    *,
    q: Annotated[str, Query(min_length=1, description="Words to look for.")],
    limit: Annotated[int, Query(ge=1, le=50, description="Most results per kind.")] = 10,
    store: StoreDep,
) -> dict[str, Any]:
    """The best matches of each kind; follow up with the per-resource endpoints for more."""

    found_articles, article_total = read(
        store, "searching articles", list_articles, q, None, None, None, None, limit, 0
    )
    found_actors, actor_total = read(store, "searching actors", search_actors, q, None, limit, 0)
    quotes = store.list_quotes(contains=q)
    return {
        "q": q,
        "articles": {"items": found_articles, "total": article_total},
        "actors": {"items": found_actors, "total": actor_total},
        "quotes": {"items": quotes[:limit], "total": len(quotes)},
    }
