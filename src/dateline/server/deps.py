"""What every route shares: the store of the app, pagination, parameter parsing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, Request

from dateline.store import Page, Row, Store

MAX_PER_PAGE = 200


def get_store(request: Request) -> Store:
    """The one `Store` opened by `create_app`, shared by every request."""

    store: Store = request.app.state.store
    return store


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

        return {
            "items": found.as_dicts(),
            "page": self.page,
            "per_page": self.per_page,
            "total": found.total,
            "pages": max(1, -(-found.total // self.per_page)),
        }


def page_params(
    page: int = Query(1, ge=1, description="Page number, from 1."),
    per_page: int = Query(
        20, ge=1, le=MAX_PER_PAGE, description=f"Items per page, 1 to {MAX_PER_PAGE}."
    ),
) -> PageParams:
    return PageParams(page, per_page)


def parse_pair(pair: str, parameter: str) -> tuple[str, str]:
    """`"KAZ,RUS"` or `"12,40"` into its two parts; 422 with an example otherwise."""

    parts = [p.strip() for p in pair.split(",")]
    if len(parts) != 2 or not all(parts):
        raise HTTPException(
            422,
            f"{parameter}={pair!r}: give two sides separated by a comma, e.g. "
            f"{parameter}=KAZ,RUS (country codes), {parameter}=12,40 (actor ids) "
            f"or {parameter}=Kazakhstan,Russia (names).",
        )
    return parts[0], parts[1]


StoreDep = Annotated[Store, Depends(get_store)]
PageDep = Annotated[PageParams, Depends(page_params)]
