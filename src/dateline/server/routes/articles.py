"""/api/articles: the article list with search and filters, and one article in full."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query

from dateline.errors import NotFound
from dateline.server.deps import PageDep, StoreDep

router = APIRouter(prefix="/api/articles", tags=["articles"])


@router.get("")
def articles(
    *,
    q: Annotated[
        str | None, Query(description="Words that must all occur in title or text.")
    ] = None,
    since: Annotated[date | None, Query(description="Published on or after, YYYY-MM-DD.")] = None,
    until: Annotated[date | None, Query(description="Published on or before, YYYY-MM-DD.")] = None,
    source: Annotated[str | None, Query(description="Agency, e.g. TASS (case ignored).")] = None,
    actor: Annotated[str | None, Query(description="Actor id, or part of an actor's name.")] = None,
    page: PageDep,
    store: StoreDep,
) -> dict[str, Any]:
    """Stored articles, newest first, with counts of their facts."""

    found = store.articles.page(
        words=q,
        since=since,
        until=until,
        source=source,
        actor=actor,
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
