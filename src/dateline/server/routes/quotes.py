"""/api/quotes: who said what, searchable."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query

from dateline.server.deps import PageDep, StoreDep

router = APIRouter(prefix="/api/quotes", tags=["quotes"])


@router.get("")
def quotes(
    *,
    q: Annotated[
        str | None, Query(description="A phrase the quote contains (case ignored).")
    ] = None,
    speaker: Annotated[str | None, Query(description="Part of the speaker's name.")] = None,
    since: Annotated[
        date | None, Query(description="Articles published on or after, YYYY-MM-DD.")
    ] = None,
    page: PageDep,
    store: StoreDep,
) -> dict[str, Any]:
    """Quotes with speaker and article, newest article first."""

    found = store.list_quotes(speaker=speaker, contains=q, since=since)
    return page.slice(found)
