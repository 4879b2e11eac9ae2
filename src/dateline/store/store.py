"""`Store`: the one object the CLI and the pipeline use to persist and query.

It owns a SQLAlchemy engine and opens a short transaction per call, so a
long ingest commits article by article: stopping halfway keeps every
article already saved, and `article_ids()` tells a resumed run what to skip.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from types import TracebackType
from typing import Any, Self, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from dateline.errors import StoreError
from dateline.model import Extraction
from dateline.store import read
from dateline.store.connect import DEFAULT_URL, create_store_engine
from dateline.store.write import save_extraction

T = TypeVar("T")


class Store:
    """Articles and their facts in SQLite (default) or PostgreSQL."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str = DEFAULT_URL) -> Self:
        """Open (creating tables if needed) the database at `url` or file path.

        Raises `StoreError` saying what to fix if it cannot be opened.
        """

        return cls(create_store_engine(url))

    def close(self) -> None:
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
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def _transaction(self, doing: str) -> Iterator[Connection]:
        """A transaction whose database errors become `StoreError`s.

        Any exception rolls the whole transaction back before it propagates.
        """

        try:
            with self.engine.begin() as conn:
                yield conn
        except sa.exc.SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip()
            raise StoreError(f"{self.url}: {doing} failed: {reason}") from exc

    def query(self, doing: str, query: Callable[..., T], *args: Any) -> T:
        """Run `query(conn, *args)` in one transaction; database errors become `StoreError`.

        The way query modules (actors, figures, events) read the store, so
        every read fails with the same message naming the store and the task.
        """

        with self._transaction(doing) as conn:
            return query(conn, *args)

    def save(self, extraction: Extraction) -> bool:
        """Store one article and all its facts atomically.

        True if the article was new, False if it replaced an earlier version
        (whose facts are then gone: the newer extraction wins). On any error
        nothing of this article is written and earlier articles stay.
        """

        with self._transaction(f"saving article {extraction.article.id}") as conn:
            return save_extraction(conn, extraction)

    def save_many(self, extractions: Sequence[Extraction]) -> list[bool | StoreError]:
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
            with self._transaction(f"saving {len(extractions)} articles") as conn:
                return [save_extraction(conn, extraction) for extraction in extractions]
        except StoreError:
            if len(extractions) == 1:
                raise
        outcomes: list[bool | StoreError] = []
        for extraction in extractions:
            try:
                outcomes.append(self.save(extraction))
            except StoreError as exc:
                outcomes.append(exc)
        return outcomes

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        return self.query(f"reading article {article_id}", read.get_article, article_id)

    def page_quotes(
        self,
        speaker: str | None = None,
        contains: str | None = None,
        since: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> tuple[list[dict[str, Any]], int]:
        """A page of quotes, newest article first, and how many match in all.

        `speaker` matches part of a speaker's name ignoring case and accents
        ("mishus" finds Mikhail Mishustin), or of the source words of a quote
        no actor speaks ("letter" finds "the letter says"); `contains` part of
        the quote;
        `since` keeps articles published on or after that day.
        """

        return self.query(
            "listing quotes", read.quote_page, speaker, contains, since, limit, offset
        )

    def stats(self) -> dict[str, Any]:
        return self.query("counting", read.stats)

    def summary(self, article_id: str | None = None) -> dict[str, Any]:
        return self.query("summarising", read.summary, article_id)

    def newest_article_ids(self, count: int = 1) -> list[str]:
        """Ids of the `count` most recently ingested articles, newest first."""

        return self.query("finding the newest articles", read.newest_article_ids, count)

    def article_ids(self) -> set[str]:
        return self.query("listing article ids", read.article_ids)
