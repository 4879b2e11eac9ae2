"""Turning what the user typed after `--db` into a ready database engine.

All the ways opening can fail (a directory that does not exist, a file that
is not a database, a PostgreSQL driver that is not installed, a database
written by another schema version) end here as one `StoreError` that says
what to do, instead of a driver traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url

from dateline.errors import StoreError
from dateline.store.schema import SCHEMA_VERSION, metadata, store_info

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


def _enable_sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    """SQLite checks foreign keys only when asked, per connection."""

    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _where(url: str) -> str:
    """The URL without its password, for messages."""

    try:
        return make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return url


def create_store_engine(url_or_path: str) -> Engine:
    """Connect, create missing tables and check the schema version."""

    url = database_url(url_or_path)
    where = _where(url)
    try:
        engine = sa.create_engine(url)
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
        metadata.create_all(engine)
        _check_schema_version(engine, where)
    except sa.exc.SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(_open_failure(where, exc)) from exc
    except StoreError:
        engine.dispose()
        raise
    return engine


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
    """Stamp a new database with our schema version; refuse a foreign one.

    `create_all` never alters an existing table, so a database from another
    version would fail later with a confusing column error; better say so now.
    """

    with engine.begin() as conn:
        found = conn.execute(
            sa.select(store_info.c.value).where(store_info.c.key == "schema_version")
        ).scalar_one_or_none()
        if found is None:
            conn.execute(sa.insert(store_info).values(key="schema_version", value=SCHEMA_VERSION))
        elif found != SCHEMA_VERSION:
            raise StoreError(
                f"{where} holds dateline schema version {found}, this dateline "
                f"writes version {SCHEMA_VERSION}; use a new --db or re-ingest "
                "the articles into a fresh database."
            )
