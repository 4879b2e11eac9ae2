"""/api/articles: the article list with search and filters, and one article in full."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query

from dateline.errors import NotFound
from dateline.server.deps import (
    MAX_NAME_CHARS,
    MAX_SEARCH_CHARS,
    PageDep,
    StoreDep,
    actor_ref,
    search_text,
)

router = APIRouter(prefix="/api/articles", tags=["articles"])


@router.get("")
def articles(
    *,
    q: Annotated[
        str | None,
        Query(
            max_length=MAX_SEARCH_CHARS, description="Words that must all occur in title or text."
        ),
    ] = None,
    since: Annotated[date | None, Query(description="Published on or after, YYYY-MM-DD.")] = None,
    until: Annotated[date | None, Query(description="Published on or before, YYYY-MM-DD.")] = None,
    source: Annotated[
        str | None,
        Query(max_length=MAX_NAME_CHARS, description="Agency, e.g. TASS (case ignored)."),
    ] = None,
    actor: Annotated[
        str | None,
        Query(max_length=MAX_NAME_CHARS, description="Actor id, or part of an actor's name."),
    ] = None,
    page: PageDep,
    store: StoreDep,
) -> dict[str, Any]:
    """Stored articles, newest first, with counts of their facts."""

    found = store.articles.page(
        words=search_text(q, "q") if q else None,
        since=since,
        until=until,
        source=source,
        actor=actor_ref(actor, "actor") if actor else None,
        limit=page.per_page,
        offset=page.offset,
    )
    return page.wrap(found) | {"sources": store.articles.sources()}


@router.get("/{article_id}")
def article(article_id: str, store: StoreDep) -> dict[str, Any]:
    """One article with its text and every fact, each with its character span."""

    found = store.articles.get(article_id)
    if found is None:
        raise NotFound(f"no article with id {article_id!r}; list ids with /api/articles?q=WORDS.")
    return found.as_dict()
