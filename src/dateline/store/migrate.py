"""Upgrading a store written by an earlier schema version, in place.

`metadata.create_all` adds missing tables but never changes an existing one,
so each version that adds columns brings a step here that adds them, and a
version whose new tables describe the stored articles fills them. Steps only
add nullable columns (portable `ALTER TABLE ... ADD COLUMN` on SQLite and
PostgreSQL alike) and rows; they run in the transaction that stamps the new
version, so a failed upgrade leaves the store as it was.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.model import Article
from dateline.store.schema import article_fingerprints, articles


def _add_columns(conn: Connection, table: sa.Table, names: tuple[str, ...]) -> None:
    """Add the columns `names` of `table` (as the schema declares them) where missing."""

    present = {column["name"] for column in sa.inspect(conn).get_columns(table.name)}
    preparer = conn.dialect.identifier_preparer
    for name in names:
        if name in present:
            continue
        column = table.c[name]
        kind = column.type.compile(dialect=conn.dialect)
        conn.exec_driver_sql(
            f"ALTER TABLE {preparer.format_table(table)} "
            f"ADD COLUMN {preparer.format_column(column)} {kind}"
        )


def _to_5(conn: Connection) -> None:
    """Version 5: where each article came from (author, site, path, line, captured)."""

    _add_columns(conn, articles, ("author", "site", "path", "line", "captured"))


def _to_6(conn: Connection) -> None:
    """Version 6: copies. Every stored article gets the fingerprint that finds its
    copies (the tables themselves are new, so `create_all` has made them)."""

    from dateline.store.copies import save_fingerprint

    indexed = sa.select(article_fingerprints.c.article_id)
    unindexed = list(
        conn.execute(
            sa.select(articles.c.id).where(articles.c.id.not_in(indexed)).order_by(articles.c.id)
        ).scalars()
    )
    for start in range(0, len(unindexed), FINGERPRINT_CHUNK):
        chunk = unindexed[start : start + FINGERPRINT_CHUNK]
        rows = conn.execute(
            sa.select(articles.c.id, articles.c.text).where(articles.c.id.in_(chunk))
        )
        for row in rows.all():
            save_fingerprint(conn, Article(id=row.id, text=row.text))


FINGERPRINT_CHUNK = 500
"""Articles whose texts are read at once while fingerprinting a store: memory
stays flat however large it is."""


def _to_7(conn: Connection) -> None:
    """Version 7: what `dateline watch` has seen. Only new tables, which
    `create_all` has made; nothing stored changes."""


MIGRATIONS: dict[str, tuple[str, Callable[[Connection], None]]] = {
    "4": ("5", _to_5),
    "5": ("6", _to_6),
    "6": ("7", _to_7),
}
"""From version: (the version it becomes, the step)."""


def upgrade(conn: Connection, found: str, target: str) -> bool:
    """Run the steps from version `found` up to `target`; False if there is no path."""

    version = found
    steps = []
    while version != target:
        if version not in MIGRATIONS:
            return False
        version, step = MIGRATIONS[version]
        steps.append(step)
    for step in steps:
        step(conn)
    return True
