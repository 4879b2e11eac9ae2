"""`Store`: the one object through which everything is written to and read from a database.

It owns a SQLAlchemy engine and opens a short transaction per call, so a
long ingest commits batch by batch: stopping halfway keeps every article
already saved, and `store.articles.unchanged(batch)` tells a resumed run
what to skip. Reading goes through one object per concept, each holding
every operation on it, like sqlite-utils' `db.table(name)`:

    with Store("news.db") as store:
        store.save(extraction)
        store.articles.get("tass-1893813")          # a StoredArticle, or None
        store.quotes.page(speaker="mishustin", limit=20)
        store.events.dyad("KAZ", "RUS")
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Self

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.errors import StoreError
from dateline.model import Extraction
from dateline.store.actors import Actors
from dateline.store.articles import Articles
from dateline.store.cache import StoreCache
from dateline.store.connect import DEFAULT_URL, create_store_engine
from dateline.store.copies import Copies
from dateline.store.events import Events
from dateline.store.figures import Figures
from dateline.store.places import Places
from dateline.store.quotes import Quotes
from dateline.store.rows import Row
from dateline.store.schema import (
    actors,
    amounts,
    article_copies,
    articles,
    events,
    mentions,
    places,
    quotes,
    store_info,
)
from dateline.store.tables import Tables
from dateline.store.watched import Watched
from dateline.store.write import save_extraction

LOG = logging.getLogger("dateline.store")
MAP_PAGE = 200
"""The map's first page (the server's page size for it), computed by `warm`."""


@dataclass(frozen=True, slots=True)
class StoreStats(Row):
    """Rows per fact type, copies found, and articles per source ("unknown" where none is given)."""

    articles: int
    actors: int
    mentions: int
    quotes: int
    amounts: int
    events: int
    places: int
    copies: int
    """Republished copies kept as records of a stored article, not stored again."""
    articles_by_source: dict[str, int]


class Store:
    """Articles and their facts in SQLite (default) or PostgreSQL.

    `Store(url)` opens the database at a SQLAlchemy URL or a SQLite file
    path, creating the tables of a new one; it raises `StoreError` saying
    what to fix if the database cannot be opened or was written by another
    schema version. `Store(url, readonly=True)` only reads: the database
    must already be a dateline store, and nothing is created or changed in
    it (every reading command and the server open stores so). Close it (or
    use `with`) to release the connections.
    """

    def __init__(self, url: str = DEFAULT_URL, *, readonly: bool = False) -> None:
        self.readonly = readonly
        self.engine = create_store_engine(url, readonly=readonly)
        self.cache = StoreCache(self.engine)
        self.articles = Articles(self)
        self.actors = Actors(self)
        self.quotes = Quotes(self)
        self.events = Events(self)
        self.figures = Figures(self)
        self.places = Places(self)
        self.tables = Tables(self)
        self.copies = Copies(self)
        self.watched = Watched(self)

    def close(self) -> None:
        self.cache.close()
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def url(self) -> str:
        """The database URL without its password, for messages."""

        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def transaction(self, doing: str) -> Iterator[Connection]:
        """One transaction whose database errors become `StoreError`s naming `doing`.

        Every reading and writing runs in one of these, so every failure
        says which store and which task ("listing quotes") failed. Any
        exception rolls the whole transaction back before it propagates.
        """

        try:
            with self.engine.begin() as conn:
                yield conn
        except sa.exc.SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip()
            raise StoreError(f"{self.url}: {doing} failed: {reason}") from exc

    def check_writable(self) -> None:
        """Raise `StoreError` now if this store cannot be written.

        An ingest calls it before extracting anything: a read-only file or a
        database the user may only read would otherwise be found after hours
        of extraction, with one error per article. The probe writes one row
        to itself and rolls back, so the store is left as it was.
        """

        probe = (
            sa.update(store_info)
            .where(store_info.c.key == "schema_version")
            .values(value=store_info.c.value)
        )
        try:
            with self.engine.connect() as conn, conn.begin() as transaction:
                conn.execute(probe)
                transaction.rollback()
        except sa.exc.SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip()
            raise StoreError(
                f"cannot write to {self.url}: {reason}. Nothing was extracted; make the "
                "database (and, for SQLite, its folder) writable or choose another --db."
            ) from exc

    def save(self, extraction: Extraction, *, replace: bool = False) -> bool:
        """Store one article and all its facts atomically.

        True if the article was new, False if it replaced an earlier version
        (whose facts are then gone: the newer extraction wins). A different
        text under a stored id raises `IdCollision` unless `replace`. On any
        error nothing of this article is written and earlier articles stay.
        """

        try:
            with self.transaction(f"saving article {extraction.article.id}") as conn:
                return save_extraction(conn, extraction, replace=replace)
        finally:
            self.cache.clear()

    def save_many(
        self, extractions: Sequence[Extraction], *, replace: bool = False
    ) -> list[bool | StoreError]:
        """Store a batch of articles in one transaction, for speed.

        Returns, per article, what `save` returns or the `StoreError` that
        kept it out. One commit per batch instead of per article makes a
        long ingest several times cheaper on SQLite; if any article fails,
        the batch is rolled back and saved article by article, so only the
        bad one is left out. An interruption loses at most the batch being
        written, never part of an article.
        """

        if not extractions:
            return []
        try:
            return self._save_batch(extractions, replace=replace)
        finally:
            self.cache.clear()

    def _save_batch(
        self, extractions: Sequence[Extraction], *, replace: bool
    ) -> list[bool | StoreError]:
        try:
            with self.transaction(f"saving {len(extractions)} articles") as conn:
                return [
                    save_extraction(conn, extraction, replace=replace) for extraction in extractions
                ]
        except StoreError as exc:
            if len(extractions) == 1:
                return [exc]
        outcomes: list[bool | StoreError] = []
        for extraction in extractions:
            try:
                outcomes.append(self.save(extraction, replace=replace))
            except StoreError as exc:
                outcomes.append(exc)
        return outcomes

    def warm(self) -> None:
        """Compute the answers that sum up the whole store, so no reader waits for them.

        Every article's actors counted, the measures, the map's ranking and
        first page, the sources and the counts: on 50,000 articles each takes
        up to seconds, once per change of the store. Errors are left to the
        reader who asks next (the store may be closing, or gone).
        """

        try:
            self.stats()
            self.articles.sources()
            self.actors.article_counts()
            self.figures.measures()
            self.places.mapped(limit=MAP_PAGE)
        except (StoreError, sa.exc.SQLAlchemyError) as exc:
            LOG.debug("warming the cache of %s stopped: %s", self.url, exc)

    def stats(self) -> StoreStats:
        """How many articles and facts are stored, and articles per source (kept in
        `cache` until the store changes: counting 1.5 million mentions takes a while)."""

        return self.cache.get(("stats",), self._count)

    def _count(self) -> StoreStats:
        counted = {
            "articles": articles,
            "actors": actors,
            "mentions": mentions,
            "quotes": quotes,
            "amounts": amounts,
            "events": events,
            "places": places,
            "copies": article_copies,
        }
        by_source = (
            sa.select(articles.c.source, sa.func.count())
            .group_by(articles.c.source)
            .order_by(sa.func.count().desc(), articles.c.source)
        )
        with self.transaction("counting") as conn:
            counts = {
                name: int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
                for name, table in counted.items()
            }
            sources = {source or "unknown": count for source, count in conn.execute(by_source)}
        return StoreStats(**counts, articles_by_source=sources)
