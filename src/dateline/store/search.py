"""Full-text search over stored quotes: `dateline quotes --search "words"`.

`contains` in `Store.page_quotes` finds a substring; search finds quotes that hold
every word in any form ("sanction" finds "sanctions", "cooperating" finds
"cooperation"), best match first. Each database does it its own way:

- SQLite: an FTS5 index `quotes_fts` over `quotes.text` (Porter stemming,
  accents folded), created on the first search and filled from the quotes
  already stored; triggers on `quotes` keep it in step with every later save,
  re-ingest and delete, so it never needs a rebuild by hand.
- PostgreSQL: `to_tsvector('english', text) @@ plainto_tsquery(...)` with a
  GIN expression index created on the first search, ranked by `ts_rank`.
- Any other database, or a SQLite built without FTS5: every word must occur
  in the text (case-insensitive `LIKE`), newest article first.

A word ending in `*` matches as a prefix on SQLite ("migra*").
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.errors import StoreError
from dateline.store.read import (
    NEWEST_QUOTES_FIRST,
    count_rows,
    filter_quotes,
    quote_listing,
    quote_row,
)
from dateline.store.schema import quotes
from dateline.store.store import Store

FTS_TABLE = "quotes_fts"
PG_CONFIG = "english"
_WORD = re.compile(r"\w+\*?")

_SQLITE_SETUP = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "text, content='quotes', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_insert AFTER INSERT ON quotes BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_delete AFTER DELETE ON quotes BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_update AFTER UPDATE OF text ON quotes BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text); "
    f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text); END",
)
_PG_INDEX = (
    "CREATE INDEX IF NOT EXISTS ix_quotes_text_search ON quotes "
    f"USING gin (to_tsvector('{PG_CONFIG}', text))"
)


def search_words(search: str) -> list[str]:
    """The words of a search, lower-cased; punctuation and FTS operators dropped.

    >>> search_words('"trade turnover" AND growth*')
    ['trade', 'turnover', 'and', 'growth*']
    """

    return [word.lower() for word in _WORD.findall(search)]


def search_quotes(
    store: Store,
    search: str,
    *,
    speaker: str | None = None,
    contains: str | None = None,
    since: date | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """A page of the quotes holding every word of `search`, best match first, and their number.

    Rows have the shape of `Store.page_quotes` plus `rank` (higher is
    better; None where the database cannot rank). `speaker`, `contains` and
    `since` narrow the result as they do there. Raises `StoreError` when the
    search holds no word at all.
    """

    words = search_words(search)
    if not words:
        raise StoreError(f"search {search!r} holds no word to look for; give one or more words.")
    return store.query("searching quotes", _search, words, speaker, contains, since, limit, offset)


def ensure_quote_index(conn: Connection) -> str:
    """Create the search index if the database has none yet; return the method
    the database will use: "fts5", "postgresql" or "like"."""

    dialect = conn.dialect.name
    if dialect == "sqlite":
        if _sqlite_has_index(conn):
            return "fts5"
        try:
            with conn.begin_nested():
                for statement in _SQLITE_SETUP:
                    conn.exec_driver_sql(statement)
                conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
        except sa.exc.OperationalError:
            return "like"  # SQLite built without FTS5
        return "fts5"
    if dialect == "postgresql":
        conn.exec_driver_sql(_PG_INDEX)
        return "postgresql"
    return "like"


def _sqlite_has_index(conn: Connection) -> bool:
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)
    ).first()
    return found is not None


def _search(
    conn: Connection,
    words: list[str],
    speaker: str | None,
    contains: str | None,
    since: date | None,
    limit: int | None,
    offset: int,
) -> tuple[list[dict[str, Any]], int]:
    method = ensure_quote_index(conn)
    rank: sa.ColumnElement[Any]
    if method == "fts5":
        fts = sa.table(FTS_TABLE, sa.column("rowid"), sa.column(FTS_TABLE))
        match = _fts5_query(words)
        # bm25() is lower for better matches; negated so higher is better.
        rank = (-sa.func.bm25(sa.literal_column(FTS_TABLE))).label("rank")
        query = quote_listing(rank).join(fts, fts.c.rowid == quotes.c.id)
        query = query.where(sa.literal_column(FTS_TABLE).op("MATCH")(match))
        order: list[Any] = [rank.desc()]
    elif method == "postgresql":
        vector = sa.func.to_tsvector(sa.literal(PG_CONFIG, sa.Text), quotes.c.text)
        tsquery = sa.func.plainto_tsquery(
            sa.literal(PG_CONFIG, sa.Text), " ".join(w.rstrip("*") for w in words)
        )
        rank = sa.func.ts_rank(vector, tsquery).label("rank")
        query = quote_listing(rank).where(vector.op("@@")(tsquery))
        order = [rank.desc()]
    else:
        rank = sa.null().label("rank")
        query = quote_listing(rank)
        for word in words:
            query = query.where(
                sa.func.lower(quotes.c.text).contains(word.rstrip("*"), autoescape=True)
            )
        order = []
    query = query.order_by(*order, *NEWEST_QUOTES_FIRST)
    query = filter_quotes(
        query, speaker=speaker, contains=contains, since=since, limit=limit, offset=offset
    )
    rows = [
        {**quote_row(row), "rank": None if row.rank is None else float(row.rank)}
        for row in conn.execute(query)
    ]
    return rows, count_rows(conn, query)


def _fts5_query(words: list[str]) -> str:
    """Every word as a quoted FTS5 string (so "and" or "near" are words, not
    operators), a trailing `*` kept outside the quotes as a prefix search."""

    terms = []
    for word in words:
        prefix = word.endswith("*")
        bare = word.rstrip("*")
        terms.append(f'"{bare}"' + ("*" if prefix else ""))
    return " ".join(terms)
