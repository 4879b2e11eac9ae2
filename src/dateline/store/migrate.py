"""Upgrading a store written by an earlier schema version, in place.

`metadata.create_all` adds missing tables but never changes an existing one,
so each version that adds columns brings a step here that adds them. Steps
only add nullable columns (portable `ALTER TABLE ... ADD COLUMN` on SQLite
and PostgreSQL alike); they run in the transaction that stamps the new
version, so a failed upgrade leaves the store as it was.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.store.schema import articles


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


MIGRATIONS: dict[str, tuple[str, Callable[[Connection], None]]] = {
    "4": ("5", _to_5),
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
