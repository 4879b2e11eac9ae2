"""/api/quotes: who said what, searchable."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, Response

from dateline.server.deps import (
    MAX_NAME_CHARS,
    MAX_SEARCH_CHARS,
    PageDep,
    StoreDep,
    answer,
    search_text,
)
from dateline.store import Page, QuoteRow, Store
from dateline.store.search import search_words

router = APIRouter(prefix="/api/quotes", tags=["quotes"])


def find_quotes(
    store: Store,
    q: str | None,
    speaker: str | None = None,
    since: date | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> Page[QuoteRow]:
    """Quotes holding every word of `q` in any form, best match first; all quotes without `q`.

    A `q` with no word in it is the client's mistake (422), not the store's.
    """

    if q is None:
        return store.quotes.page(speaker=speaker, since=since, limit=limit, offset=offset)
    if not search_words(q):
        raise HTTPException(422, f"q: {q!r} holds no word to look for; give one or more words.")
    search_text(q, "q")
    return store.quotes.search(q, speaker=speaker, since=since, limit=limit, offset=offset)


@router.get("")
def quotes(
    *,
    q: Annotated[
        str | None,
        Query(
            max_length=MAX_SEARCH_CHARS,
            description="Words the quote holds, in any form ('sanction' finds 'sanctions'); "
            "a word ending in * is a prefix.",
        ),
    ] = None,
    speaker: Annotated[
        str | None,
        Query(
            max_length=MAX_NAME_CHARS,
            description="Part of the speaker's name, or of the words naming the source of a"
            " quote no actor speaks ('letter' finds 'the letter says').",
        ),
    ] = None,
    since: Annotated[
        date | None, Query(description="Articles published on or after, YYYY-MM-DD.")
    ] = None,
    page: PageDep,
    store: StoreDep,
    request: Request,
) -> Response:
    """Quotes with speaker and article: best match first with `q`, else newest article first."""

    if q is not None:
        search_text(q, "q")
    return answer(
        request,
        store,
        lambda: page.wrap(
            find_quotes(store, q, speaker, since, limit=page.per_page, offset=page.offset)
        ),
    )
