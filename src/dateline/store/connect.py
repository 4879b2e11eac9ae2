"""Turning what the user typed after `--db` into a ready database engine.

All the ways opening can fail (a directory that does not exist, a file that
is not a database, a PostgreSQL driver that is not installed, a database
written by another schema version) end here as one `StoreError` that says
what to do, instead of a driver traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url

from dateline.errors import StoreError
from dateline.store.migrate import MIGRATIONS, upgrade
from dateline.store.schema import SCHEMA_VERSION, metadata, store_info
from dateline.store.search import create_search_index

DEFAULT_URL = "sqlite:///dateline.db"

_DRIVER_HINTS = {
    "postgresql": "pip install 'psycopg[binary]' (and use postgresql+psycopg://...)",
}


def database_url(url_or_path: str) -> str:
    """Accept a SQLAlchemy URL or a plain file path (`data/news.db`).

    A path becomes a SQLite URL, so `--db news.db` works like
    `--db sqlite:///news.db`; `:memory:` gives a throw-away database.
    """

    if "://" in url_or_path:
        return url_or_path
    if url_or_path in ("", ":memory:"):
        return "sqlite://"
    return f"sqlite:///{Path(url_or_path).expanduser()}"


SQLITE_MMAP_BYTES = 1 << 30
"""SQLite reads the file through memory mapping, up to 1 GiB: the pages of a large
store are then shared by every connection instead of copied into each one's cache
by a system call per page (aggregations over 50,000 articles read most pages)."""


def _enable_sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    """SQLite checks foreign keys only when asked, per connection; and maps the file."""

    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
    cursor.close()


def _where(url: str) -> str:
    """The URL without its password, for messages."""

    try:
        return make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return url


def create_store_engine(url_or_path: str, *, readonly: bool = False) -> Engine:
    """Connect, create missing tables and check the schema version.

    `readonly` is how every reading command opens a store: the database must
    already be a dateline store of this schema version, and nothing in it is
    created, stamped or changed (SQLite opens the file read-only, PostgreSQL
    runs read-only transactions). A mistyped path is then an error, not a
    new empty store, and someone else's SQLite file is left as it was.
    """

    url = database_url(url_or_path)
    where = _where(url)
    if readonly:
        url = _readonly_url(url, url_or_path)
    try:
        engine = sa.create_engine(url, **_readonly_options(url) if readonly else {})
    except sa.exc.ArgumentError as exc:
        raise StoreError(
            f"{url_or_path!r} is not a database URL or path: {exc}. "
            "Give a file path (news.db) or a URL such as sqlite:///news.db "
            "or postgresql+psycopg://user@host/dbname."
        ) from exc
    except ModuleNotFoundError as exc:
        backend = make_url(url).get_backend_name()
        hint = _DRIVER_HINTS.get(backend, f"install the Python driver for {backend}")
        raise StoreError(f"cannot open {where}: driver {exc.name!r} is missing; {hint}.") from exc
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    try:
        if readonly:
            _check_readable_store(engine, where)
        else:
            with _schema_lock(engine):
                metadata.create_all(engine)
                _check_schema_version(engine, where)
                create_missing_indexes(engine)
                create_search_index(engine)
    except sa.exc.SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(_open_failure(where, exc)) from exc
    except StoreError:
        engine.dispose()
        raise
    return engine


def create_missing_indexes(engine: Engine) -> None:
    """Create every index of the schema a store written by an earlier dateline lacks.

    `create_all` skips a table that exists, and with it the table's indexes
    added since; this adds them (a few seconds on 50,000 articles, once).
    """

    with engine.begin() as conn:
        for table in metadata.sorted_tables:
            for index in table.indexes:
                index.create(conn, checkfirst=True)


SCHEMA_LOCK = 0x646174656C696E65
"""The PostgreSQL advisory lock key ("dateline" in ASCII) held while a store is set up."""


@contextmanager
def _schema_lock(engine: Engine) -> Iterator[None]:
    """One process at a time creates a PostgreSQL store's tables and index.

    Two ingests started together on a new database would otherwise both
    create the tables, and one would fail on PostgreSQL's catalog ("duplicate
    key value violates unique constraint pg_type_typname_nsp_index"). The
    second waits for the first, then finds the tables there. SQLite locks
    its file itself.
    """

    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as conn:
        conn.execute(sa.select(sa.func.pg_advisory_lock(SCHEMA_LOCK)))
        try:
            yield
        finally:
            conn.execute(sa.select(sa.func.pg_advisory_unlock(SCHEMA_LOCK)))


def _readonly_url(url: str, given: str) -> str:
    """A SQLite URL that opens the file read-only, after checking it exists."""

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return url
    if not parsed.database or parsed.database == ":memory:":
        raise StoreError(f"{given!r} names no database file; give --db PATH of a dateline store.")
    path = Path(parsed.database)
    if not path.is_file():
        raise StoreError(
            f"no dateline store at {path}: the file does not exist. Check the path, or "
            f"create the store with `dateline ingest FILES --db {path}`."
        )
    return f"sqlite:///file:{quote(str(path.resolve()))}?mode=ro&uri=true"


def _readonly_options(url: str) -> dict[str, Any]:
    if make_url(url).get_backend_name() == "postgresql":
        return {"execution_options": {"postgresql_readonly": True}}
    return {}


def _check_readable_store(engine: Engine, where: str) -> None:
    """Refuse, without changing it, a database that is no dateline store of this version."""

    with engine.connect() as conn:
        if not sa.inspect(conn).has_table(store_info.name):
            raise StoreError(
                f"{where} is not a dateline store (it has no {store_info.name} table); "
                "choose the --db that `dateline ingest` wrote."
            )
        found = conn.execute(
            sa.select(store_info.c.value).where(store_info.c.key == "schema_version")
        ).scalar_one_or_none()
    if found != SCHEMA_VERSION:
        advice = (
            "the next `dateline ingest` into it upgrades it in place"
            if found in MIGRATIONS
            else "re-ingest the articles into a fresh database"
        )
        raise StoreError(
            f"{where} holds dateline schema version {found}, this dateline reads version "
            f"{SCHEMA_VERSION}; {advice}."
        )


def _open_failure(where: str, exc: sa.exc.SQLAlchemyError) -> str:
    reason = str(getattr(exc, "orig", None) or exc).strip()
    advice = "check the URL, that the server is running and that you may connect"
    if where.startswith("sqlite"):
        advice = (
            "check that the directory exists and is writable and that the file "
            "is a dateline SQLite database, or choose another --db"
        )
    return f"cannot open the database {where}: {reason}; {advice}."


def _check_schema_version(engine: Engine, where: str) -> None:
    """Stamp a new database with our schema version, upgrade an older one, refuse others.

    `create_all` never alters an existing table, so a database from another
    version would fail later with a confusing column error; an older version
    with a path of steps in `store.migrate` is upgraded, any other refused now.
    """

    with engine.begin() as conn:
        found = conn.execute(
            sa.select(store_info.c.value).where(store_info.c.key == "schema_version")
        ).scalar_one_or_none()
        if found is None:
            conn.execute(sa.insert(store_info).values(key="schema_version", value=SCHEMA_VERSION))
        elif found != SCHEMA_VERSION and upgrade(conn, found, SCHEMA_VERSION):
            conn.execute(
                sa.update(store_info)
                .where(store_info.c.key == "schema_version")
                .values(value=SCHEMA_VERSION)
            )
        elif found != SCHEMA_VERSION:
            raise StoreError(
                f"{where} holds dateline schema version {found}, this dateline "
                f"writes version {SCHEMA_VERSION}; use a new --db or re-ingest "
                "the articles into a fresh database."
            )
