"""/api/search: one box across articles, actors and quotes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from dateline.server.deps import StoreDep
from dateline.server.queries.articles import list_articles
from dateline.server.routes.quotes import find_quotes
from dateline.store.actors import page_actors

router = APIRouter(prefix="/api/search", tags=["search"])


@router.get("")
def search(
    *,
    q: Annotated[str, Query(min_length=1, description="Words to look for.")],
    limit: Annotated[int, Query(ge=1, le=50, description="Most results per kind.")] = 10,
    store: StoreDep,
) -> dict[str, Any]:
    """The best matches of each kind; follow up with the per-resource endpoints for more."""

    found_articles, article_total = store.query(
        "searching articles", list_articles, q, None, None, None, None, limit, 0
    )
    found_actors, actor_total = page_actors(store, q, limit=limit)
    found_quotes, quote_total = find_quotes(store, q, limit=limit)
    return {
        "q": q,
        "articles": {"items": found_articles, "total": article_total},
        "actors": {"items": found_actors, "total": actor_total},
        "quotes": {"items": found_quotes, "total": quote_total},
    }
