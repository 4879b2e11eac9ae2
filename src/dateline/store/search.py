"""The full-text index behind `store.quotes.search` (`dateline quotes --search "words"`).

`contains` in `store.quotes.page` finds a substring; search finds quotes that hold
every word in any form ("sanction" finds "sanctions", "cooperating" finds
"cooperation"), best match first. Each database does it its own way:

- SQLite: an FTS5 index `quotes_fts` over `quotes.text` (Porter stemming,
  accents folded), created when a store is opened for writing (filled from
  the quotes already stored, for a store written before it existed);
  triggers on `quotes` keep it in step with every later save, re-ingest and
  delete, so it never needs a rebuild by hand. Searching never creates it:
  a store opened read-only (the server, reading commands) stays unchanged.
- PostgreSQL: `to_tsvector('english', text) @@ to_tsquery(...)` with a
  GIN expression index created with the store, ranked by `ts_rank`.
- Any other database, or a SQLite built without FTS5: every word must occur
  in the text (case-insensitive `LIKE`), newest article first.

A word ending in `*` matches as a prefix ("migra*") with either index.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from dateline.store.schema import quotes

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


def create_search_index(engine: Engine) -> None:
    """Create the quote search index of a store opened for writing, if it has none."""

    with engine.begin() as conn:
        dialect = conn.dialect.name
        if dialect == "sqlite" and not _sqlite_has_index(conn):
            try:
                with conn.begin_nested():
                    for statement in _SQLITE_SETUP:
                        conn.exec_driver_sql(statement)
                    conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
            except sa.exc.OperationalError:
                pass  # SQLite built without FTS5: searches fall back to LIKE
        elif dialect == "postgresql":
            conn.exec_driver_sql(_PG_INDEX)


def search_method(conn: Connection) -> str:
    """How this database answers a search: "fts5", "postgresql" or "like"."""

    dialect = conn.dialect.name
    if dialect == "sqlite":
        return "fts5" if _sqlite_has_index(conn) else "like"
    return "postgresql" if dialect == "postgresql" else "like"


def _sqlite_has_index(conn: Connection) -> bool:
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)
    ).first()
    return found is not None


def ranked_matches(
    conn: Connection, words: list[str], listing: Callable[..., sa.Select[Any]]
) -> tuple[sa.Select[Any], list[Any]]:
    """The quotes of `listing(rank)` holding every word, and the order that puts the best first.

    `listing` builds the quote query with one extra column, labelled
    `rank`; where the database cannot rank, `rank` is NULL and the order
    is empty.
    """

    method = search_method(conn)
    rank: sa.ColumnElement[Any]
    if method == "fts5":
        fts = sa.table(FTS_TABLE, sa.column("rowid"), sa.column(FTS_TABLE))
        # bm25() is lower for better matches; negated so higher is better.
        rank = (-sa.func.bm25(sa.literal_column(FTS_TABLE))).label("rank")
        query = listing(rank).join(fts, fts.c.rowid == quotes.c.id)
        query = query.where(sa.literal_column(FTS_TABLE).op("MATCH")(_fts5_query(words)))
        return query, [rank.desc()]
    if method == "postgresql":
        # The configuration is written into the SQL as the index's expression has it: a
        # bound parameter is a varchar, to_tsvector wants a regconfig, and only the very
        # expression `to_tsvector('english', text)` lets the GIN index answer.
        config: sa.ColumnElement[Any] = sa.literal_column(f"'{PG_CONFIG}'::regconfig")
        vector = sa.func.to_tsvector(config, quotes.c.text)
        tsquery = sa.func.to_tsquery(config, _tsquery(words))
        rank = sa.func.ts_rank(vector, tsquery).label("rank")
        return listing(rank).where(vector.op("@@")(tsquery)), [rank.desc()]
    query = listing(sa.null().label("rank"))
    for word in words:
        needle = word.rstrip("*")
        query = query.where(sa.func.lower(quotes.c.text).contains(needle, autoescape=True))
    return query, []


def _tsquery(words: list[str]) -> str:
    """Every word required, a trailing `*` a prefix: `['trade', 'grow*']` -> `trade & grow:*`.

    The words are `\\w+` runs, so none of them is tsquery syntax.
    """

    return " & ".join(w.rstrip("*") + (":*" if w.endswith("*") else "") for w in words)


def _fts5_query(words: list[str]) -> str:
    """Every word as a quoted FTS5 string (so "and" or "near" are words, not
    operators), a trailing `*` kept outside the quotes as a prefix search."""

    terms = []
    for word in words:
        prefix = word.endswith("*")
        bare = word.rstrip("*")
        terms.append(f'"{bare}"' + ("*" if prefix else ""))
    return " ".join(terms)
