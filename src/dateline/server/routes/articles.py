"""/api/articles: the article list with search and filters, and one article in full."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from dateline.errors import NotFound
from dateline.server.deps import (
    MAX_NAME_CHARS,
    MAX_SEARCH_CHARS,
    PageDep,
    StoreDep,
    actor_ref,
    answer,
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
    request: Request,
) -> Response:
    """Stored articles, newest first, with counts of their facts."""

    words = search_text(q, "q") if q else None
    named = actor_ref(actor, "actor") if actor else None

    def build() -> dict[str, Any]:
        found = store.articles.page(
            words=words,
            since=since,
            until=until,
            source=source,
            actor=named,
            limit=page.per_page,
            offset=page.offset,
        )
        return page.wrap(found) | {"sources": store.articles.sources()}

    return answer(request, store, build)


@router.get("/{article_id}")
def article(article_id: str, store: StoreDep, request: Request) -> Response:
    """One article with its text and every fact, each with its character span."""

    def build() -> dict[str, Any]:
        found = store.articles.get(article_id)
        if found is None:
            raise NotFound(
                f"no article with id {article_id!r}; list ids with /api/articles?q=WORDS."
            )
        return found.as_dict()

    return answer(request, store, build)
