"""The full-text indexes behind `store.quotes.search` and `store.articles.page(words=...)`.

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

Articles have an index of their own, over title and text, so a search box
over 50,000 articles does not read every text (`LIKE '%word%'` took
0.6 s): on SQLite a contentless FTS5 table `articles_fts` (the text is not
stored twice) whose rowids are the integer keys of `article_search_keys`, a
plain table, since an article's own rowid may change under VACUUM; on
PostgreSQL a GIN index over `to_tsvector('english', title || ' ' || text)`.
Both are created, filled and kept in step the way the quote index is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from dateline.store.schema import articles, quotes

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

ARTICLE_FTS = "articles_fts"
ARTICLE_KEYS = "article_search_keys"
_KEY_OF = "(SELECT key FROM article_search_keys WHERE article_id = {row}.id)"
_ARTICLE_SQLITE_SETUP = (
    f"CREATE TABLE IF NOT EXISTS {ARTICLE_KEYS} ("
    "key INTEGER PRIMARY KEY, article_id TEXT NOT NULL UNIQUE)",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {ARTICLE_FTS} USING fts5("
    "title, text, content='', tokenize='porter unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER IF NOT EXISTS {ARTICLE_FTS}_insert AFTER INSERT ON articles BEGIN "
    f"INSERT INTO {ARTICLE_KEYS}(article_id) VALUES (new.id); "
    f"INSERT INTO {ARTICLE_FTS}(rowid, title, text) "
    f"VALUES ({_KEY_OF.format(row='new')}, coalesce(new.title, ''), new.text); END",
    f"CREATE TRIGGER IF NOT EXISTS {ARTICLE_FTS}_delete AFTER DELETE ON articles BEGIN "
    f"INSERT INTO {ARTICLE_FTS}({ARTICLE_FTS}, rowid, title, text) "
    f"VALUES ('delete', {_KEY_OF.format(row='old')}, coalesce(old.title, ''), old.text); "
    f"DELETE FROM {ARTICLE_KEYS} WHERE article_id = old.id; END",
    f"CREATE TRIGGER IF NOT EXISTS {ARTICLE_FTS}_update AFTER UPDATE OF title, text ON articles "
    f"BEGIN INSERT INTO {ARTICLE_FTS}({ARTICLE_FTS}, rowid, title, text) "
    f"VALUES ('delete', {_KEY_OF.format(row='old')}, coalesce(old.title, ''), old.text); "
    f"INSERT INTO {ARTICLE_FTS}(rowid, title, text) "
    f"VALUES ({_KEY_OF.format(row='new')}, coalesce(new.title, ''), new.text); END",
    f"INSERT INTO {ARTICLE_KEYS}(article_id) SELECT id FROM articles",
    f"INSERT INTO {ARTICLE_FTS}(rowid, title, text) SELECT k.key, coalesce(a.title, ''), a.text "
    f"FROM {ARTICLE_KEYS} k JOIN articles a ON a.id = k.article_id",
)
"""A contentless FTS5 table forgets a row only when told its old words, which the
triggers have as `old.title` and `old.text`."""
_PG_ARTICLE_DOCUMENT = f"to_tsvector('{PG_CONFIG}', coalesce(title, '') || ' ' || text)"
_PG_ARTICLE_INDEX = (
    "CREATE INDEX IF NOT EXISTS ix_articles_text_search ON articles "
    f"USING gin ({_PG_ARTICLE_DOCUMENT})"
)


def search_words(search: str) -> list[str]:
    """The words of a search, lower-cased; punctuation and FTS operators dropped.

    >>> search_words('"trade turnover" AND growth*')
    ['trade', 'turnover', 'and', 'growth*']
    """

    return [word.lower() for word in _WORD.findall(search)]


def create_search_index(engine: Engine) -> None:
    """Create the quote and article search indexes of a store opened for writing, if missing.

    A store written before an index existed gets it filled from what it holds.
    """

    with engine.begin() as conn:
        dialect = conn.dialect.name
        if dialect == "sqlite":
            if not _sqlite_has_table(conn, FTS_TABLE):
                _run_setup(
                    conn,
                    (*_SQLITE_SETUP, f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"),
                )
            if not _sqlite_has_table(conn, ARTICLE_FTS):
                _run_setup(conn, _ARTICLE_SQLITE_SETUP)
        elif dialect == "postgresql":
            conn.exec_driver_sql(_PG_INDEX)
            conn.exec_driver_sql(_PG_ARTICLE_INDEX)


def _run_setup(conn: Connection, statements: tuple[str, ...]) -> None:
    try:
        with conn.begin_nested():
            for statement in statements:
                conn.exec_driver_sql(statement)
    except sa.exc.OperationalError:
        pass  # SQLite built without FTS5: searches fall back to LIKE


def search_method(conn: Connection) -> str:
    """How this database answers a search: "fts5", "postgresql" or "like"."""

    return _method(conn, FTS_TABLE)


def _method(conn: Connection, fts_table: str) -> str:
    dialect = conn.dialect.name
    if dialect == "sqlite":
        return "fts5" if _sqlite_has_table(conn, fts_table) else "like"
    return "postgresql" if dialect == "postgresql" else "like"


def _sqlite_has_table(conn: Connection, name: str) -> bool:
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).first()
    return found is not None


def articles_matching(conn: Connection, words: list[str]) -> sa.ColumnElement[bool] | None:
    """A condition on `articles` keeping those whose title or text holds every word
    in any form, through the article index; None where the store has none."""

    method = _method(conn, ARTICLE_FTS)
    if method == "fts5":
        fts = sa.table(ARTICLE_FTS, sa.column("rowid"))
        keys = sa.table(ARTICLE_KEYS, sa.column("key"), sa.column("article_id"))
        matching = sa.select(fts.c.rowid).where(
            sa.literal_column(ARTICLE_FTS).op("MATCH")(_fts5_query(words))
        )
        return articles.c.id.in_(sa.select(keys.c.article_id).where(keys.c.key.in_(matching)))
    if method == "postgresql":
        # Written as the index's expression is, constants and all, so the index answers.
        document: sa.ColumnElement[Any] = sa.literal_column(
            f"to_tsvector('{PG_CONFIG}', coalesce(articles.title, '') || ' ' || articles.text)"
        )
        config: sa.ColumnElement[Any] = sa.literal_column(f"'{PG_CONFIG}'::regconfig")
        return document.op("@@")(sa.func.to_tsquery(config, _tsquery(words)))
    return None


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
