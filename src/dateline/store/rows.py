"""What every reading of the store returns: typed rows, and pages of them.

A reading method (`store.quotes.page(...)`, `store.actors.profile(...)`)
returns frozen dataclasses, so Python callers get attributes and mypy sees
every field; `as_dict()` turns one into the JSON the CLI prints and the API
sends, its keys in field order. A list that can be long comes as a `Page`:
the rows asked for (`limit` from `offset`) and how many match in all, so a
caller can show page 3 of 40 without reading the other 39.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Generic, TypeVar, cast

import sqlalchemy as sa
from sqlalchemy.engine import Connection


class Row:
    """Base of every result row: a dataclass whose JSON is its fields, in order."""

    __slots__ = ()

    def as_dict(self) -> dict[str, Any]:
        """The row as JSON-ready values; nested rows become dicts too."""

        return dataclasses.asdict(cast(Any, self))


R = TypeVar("R", bound=Row, covariant=True)


@dataclass(frozen=True, slots=True)
class Page(Generic[R]):
    """`items`: the rows asked for; `total`: how many match without limit and offset."""

    items: Sequence[R]
    total: int

    def as_dicts(self) -> list[dict[str, Any]]:
        return [item.as_dict() for item in self.items]


def iso(value: date | datetime | None) -> str | None:
    """Dates as the API writes them (ISO 8601), None kept as None."""

    return value.isoformat() if value is not None else None


def utc_iso(moment: datetime) -> str:
    """SQLite hands back naive datetimes; the store always writes UTC."""

    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat()


def count_rows(conn: Connection, query: sa.Select[Any]) -> int:
    """How many rows `query` gives without its limit and offset, counted by the database.

    Lets a page of a long list be read alone while still saying how many
    pages there are.
    """

    whole = query.order_by(None).limit(None).offset(None).subquery()
    return int(conn.execute(sa.select(sa.func.count()).select_from(whole)).scalar_one())


def sliced(query: sa.Select[Any], limit: int | None, offset: int) -> sa.Select[Any]:
    """`query` cut to the page from `offset`, `limit` rows long (None: to the end)."""

    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return query
