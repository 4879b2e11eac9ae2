"""`store.tables`: every stored table, row by row, for `dateline export --table T`.

Analysts load the store into R, pandas or BigQuery as it is: one file per
table, the rows as stored, joined by their ids (`mentions.actor_id` is an
`actors.id`, `quotes.article_id` an `articles.id`). Every fact row keeps
the offsets of its evidence: `articles.text[start:end]` is the mention,
quote or amount.

    for row in store.tables.rows("quotes", since=date(2024, 1, 1)):
        ...                                        # one dict per row, in key order

Rows stream from one read transaction (a consistent snapshot, even while an
ingest is writing), fetched `batch_size` at a time, so memory stays flat on
a store of any size. `columns(name)` gives each column's kind, which is how
an export picks CSV cells or Parquet types.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.errors import StoreError
from dateline.store.events import _matching_actor_ids, _takes_part
from dateline.store.schema import (
    actors,
    amounts,
    article_actors,
    articles,
    event_participants,
    events,
    mentions,
    place_mentions,
    places,
    quotes,
    sentences,
)

if TYPE_CHECKING:
    from dateline.store.store import Store

TABLES = {
    table.name: table
    for table in (
        articles,
        actors,
        mentions,
        quotes,
        amounts,
        events,
        places,
        sentences,
        article_actors,
        event_participants,
        place_mentions,
    )
}
"""What `--table` takes: the facts first, then the tables that link them."""

INTERNAL_COLUMNS = {("actors", "name_key")}
"""Columns the store keeps for itself (the folded name actors are matched by)."""

EVENT_TABLES = ("events", "event_participants")
"""The tables `type` and `actor` filter; they mean nothing to the others."""

BATCH = 1000


@dataclass(frozen=True, slots=True)
class Column:
    """One exported column: its name and kind ("string", "int64", "float64",
    "bool", "date", "timestamp" or "json": lists and objects)."""

    name: str
    kind: str


def _kind(column: sa.Column[Any]) -> str:
    kinds: tuple[tuple[type[sa.types.TypeEngine[Any]], str], ...] = (
        (sa.Boolean, "bool"),
        (sa.Integer, "int64"),
        (sa.Float, "float64"),
        (sa.DateTime, "timestamp"),
        (sa.Date, "date"),
        (sa.JSON, "json"),
    )
    for sql_type, kind in kinds:
        if isinstance(column.type, sql_type):
            return kind
    return "string"


class Tables:
    """Every stored table as rows: `store.tables`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def names(self) -> list[str]:
        return list(TABLES)

    def columns(self, name: str) -> list[Column]:
        return [Column(c.name, _kind(c)) for c in _exported_columns(_table(name))]

    def rows(
        self,
        name: str,
        *,
        since: date | None = None,
        until: date | None = None,
        type: str | None = None,
        actor: str | None = None,
        batch_size: int = BATCH,
    ) -> Iterator[dict[str, Any]]:
        """Rows of table `name` in key order, one dict per row.

        `since`/`until` keep the rows of articles published in that range
        (an actor: named in one of them; a sentence, mention, participant:
        of one of them); `type` and `actor` keep events of that PLOVER type
        or with that actor on either side, as `dateline events` does, and
        apply to `events` and `event_participants` only.
        """

        table = _table(name)
        _check_event_filters(table, type, actor)
        with self._store.transaction(f"exporting {name}") as conn:
            query = _query(conn, table, since, until, type, actor)
            result = conn.execute(query, execution_options={"yield_per": batch_size})
            for row in result:
                yield dict(row._mapping)

    def count(
        self,
        name: str,
        *,
        since: date | None = None,
        until: date | None = None,
        type: str | None = None,
        actor: str | None = None,
    ) -> int:
        """How many rows `rows` gives with the same filters."""

        table = _table(name)
        _check_event_filters(table, type, actor)
        with self._store.transaction(f"counting {name}") as conn:
            counted = _query(conn, table, since, until, type, actor).order_by(None).subquery()
            return int(conn.execute(sa.select(sa.func.count()).select_from(counted)).scalar_one())


def _check_event_filters(table: sa.Table, type: str | None, actor: str | None) -> None:
    if (type or actor) and table.name not in EVENT_TABLES:
        raise StoreError(
            f"--type and --actor choose events; table {table.name!r} has none. "
            f"Drop them, or export one of: {', '.join(EVENT_TABLES)}."
        )


def _query(
    conn: Connection,
    table: sa.Table,
    since: date | None,
    until: date | None,
    type: str | None,
    actor: str | None,
) -> sa.Select[Any]:
    query = sa.select(*_exported_columns(table)).order_by(*table.primary_key.columns)
    published = _published_between(since, until)
    if published is not None:
        query = query.where(_of_articles(table, published))
    if type or actor:
        query = query.where(_of_events(table, _chosen_events(conn, type, actor)))
    return query


def _table(name: str) -> sa.Table:
    if name not in TABLES:
        raise StoreError(f"no table {name!r} to export; choose one of: {', '.join(TABLES)}.")
    return TABLES[name]


def _exported_columns(table: sa.Table) -> list[sa.Column[Any]]:
    return [c for c in table.columns if (table.name, c.name) not in INTERNAL_COLUMNS]


def _published_between(since: date | None, until: date | None) -> sa.Select[Any] | None:
    """Ids of the articles published in the range; None when there is no range."""

    if since is None and until is None:
        return None
    query = sa.select(articles.c.id)
    if since is not None:
        query = query.where(articles.c.published >= since)
    if until is not None:
        query = query.where(articles.c.published <= until)
    return query


def _of_articles(table: sa.Table, article_ids: sa.Select[Any]) -> sa.ColumnElement[bool]:
    """Rows of `table` that belong to the articles `article_ids`."""

    if table is articles:
        return articles.c.id.in_(article_ids)
    if "article_id" in table.c:
        return table.c.article_id.in_(article_ids)
    if table is actors:
        named = sa.select(article_actors.c.actor_id).where(
            article_actors.c.article_id.in_(article_ids)
        )
        return actors.c.id.in_(named)
    if table is event_participants:
        chosen = sa.select(events.c.id).where(events.c.article_id.in_(article_ids))
        return event_participants.c.event_id.in_(chosen)
    if table is place_mentions:
        chosen = sa.select(places.c.id).where(places.c.article_id.in_(article_ids))
        return place_mentions.c.place_id.in_(chosen)
    raise StoreError(f"table {table.name!r} cannot be filtered by date")


def _chosen_events(conn: Connection, type: str | None, actor: str | None) -> sa.Select[Any]:
    query = sa.select(events.c.id)
    if type:
        query = query.where(events.c.type == type.upper())
    if actor:
        query = query.where(_takes_part(_matching_actor_ids(conn, actor)))
    return query


def _of_events(table: sa.Table, event_ids: sa.Select[Any]) -> sa.ColumnElement[bool]:
    column = events.c.id if table is events else event_participants.c.event_id
    return column.in_(event_ids)
