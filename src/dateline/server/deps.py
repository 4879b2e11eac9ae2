"""What every route shares: the store of the app, pagination, parameter parsing and bounds.

Every parameter has a bound a client can read in /docs, and crossing it is a
422 that says what to send: pages and ids stay inside a database integer,
names and searches inside a length and a number of words a query can afford.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, Request, Response

from dateline.store import Page, Row, Store
from dateline.store.names import MAX_ROW_ID, actor_row_id
from dateline.store.search import search_words

MAX_PER_PAGE = 200
MAX_PAGE = 2**31 - 1
"""So that `(page - 1) * per_page` stays far inside a 64-bit database integer."""
MAX_ID = MAX_ROW_ID
MAX_NAME_CHARS = 200
"""A name, an agency, a measure, one side of a pair: longer is no name anyone stored."""
MAX_SEARCH_CHARS = 500
MAX_SEARCH_WORDS = 20
"""Each word of a search is one more condition on every row: 20,000 of them took
seconds of CPU, or overflowed SQLite's expression tree."""


def get_store(request: Request) -> Store:
    """The one `Store` opened by `create_app`, shared by every request."""

    store: Store = request.app.state.store
    return store


def answer(request: Request, store: Store, build: Callable[[], dict[str, Any]]) -> Response:
    """The JSON of `build()`, kept in `store.cache` under the request's URL until the
    store changes, so the same page asked again costs a lookup, not a query.

    Every answer of the API is a function of its URL and the store's content,
    and the cache forgets everything when that content changes (within a
    second, see `dateline.store.cache`), so a kept answer is the one `build`
    would give. An error raised by `build` is not kept. The JSON is written
    here once, straight from the plain values the store's rows give, rather
    than walked again by FastAPI's encoder on every request.
    """

    key = ("answer", request.url.path, request.url.query)
    body = store.cache.get(key, lambda: _json(build()))
    return Response(body, media_type="application/json")


def _json(content: dict[str, Any]) -> bytes:
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True, slots=True)
class PageParams:
    """Which slice of a list the client asked for (1-based `page`)."""

    page: int = 1
    per_page: int = 20

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def wrap(self, found: Page[Row]) -> dict[str, Any]:
        """The JSON envelope every list endpoint returns, around a page the store read."""

        return {"items": found.as_dicts(), **self.counts(found.total)}

    def counts(self, total: int) -> dict[str, int]:
        """Where this page stands among `total` items: page, per_page, total, pages."""

        return {
            "page": self.page,
            "per_page": self.per_page,
            "total": total,
            "pages": max(1, -(-total // self.per_page)),
        }


def page_params(
    page: int = Query(1, ge=1, le=MAX_PAGE, description=f"Page number, 1 to {MAX_PAGE}."),
    per_page: int = Query(
        20, ge=1, le=MAX_PER_PAGE, description=f"Items per page, 1 to {MAX_PER_PAGE}."
    ),
) -> PageParams:
    return PageParams(page, per_page)


def chart_page_params(
    page: int = Query(1, ge=1, le=MAX_PAGE, description=f"Page number, 1 to {MAX_PAGE}."),
    per_page: int = Query(
        MAX_PER_PAGE,
        ge=1,
        le=MAX_PER_PAGE,
        description=f"Points per page, 1 to {MAX_PER_PAGE}: a chart draws a page.",
    ),
) -> PageParams:
    """Pages for a chart or a map: as long as a page may be, by default."""

    return PageParams(page, per_page)


def parse_pair(pair: str, parameter: str) -> tuple[str, str]:
    """`"KAZ,RUS"` or `"12,40"` into its two parts, each a valid actor reference;
    422 with an example otherwise."""

    parts = [p.strip() for p in pair.split(",")]
    if len(parts) != 2 or not all(parts):
        raise HTTPException(
            422,
            f"{parameter}={pair!r}: give two sides separated by a comma, e.g. "
            f"{parameter}=KAZ,RUS (country codes), {parameter}=12,40 (actor ids) "
            f"or {parameter}=Kazakhstan,Russia (names).",
        )
    return actor_ref(parts[0], parameter), actor_ref(parts[1], parameter)


def actor_ref(ref: str, parameter: str) -> str:
    """`ref` itself if it can name an actor; 422 for digits that are no row id.

    "²" or "٣" pass `str.isdigit` but are no id a client means, and an id past
    2^63 - 1 cannot be stored: both are the client's mistake, said as such.
    """

    if ref.strip().isdigit() and actor_row_id(ref) is None:
        raise HTTPException(
            422,
            f"{parameter}: {shortened(ref)!r} is no actor id; an id is ASCII digits from 1 "
            f"to {MAX_ID}, e.g. {parameter}=12 (find ids with /api/actors?q=NAME).",
        )
    return ref


def search_text(words: str, parameter: str) -> str:
    """`words` if it holds at most `MAX_SEARCH_WORDS` words; 422 otherwise."""

    count = max(len(search_words(words)), len(words.split()))
    if count > MAX_SEARCH_WORDS:
        raise HTTPException(
            422,
            f"{parameter}: {count} words is more than a search takes; give at most "
            f"{MAX_SEARCH_WORDS} words.",
        )
    return words


def shortened(value: str, limit: int = 60) -> str:
    """A client's value cut for an error message, so a 100 KB parameter is not echoed."""

    return value if len(value) <= limit else value[:limit] + f"... ({len(value)} characters)"


StoreDep = Annotated[Store, Depends(get_store)]
PageDep = Annotated[PageParams, Depends(page_params)]
ChartPageDep = Annotated[PageParams, Depends(chart_page_params)]
