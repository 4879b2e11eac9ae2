"""`store.quotes`: who said what across the corpus, listed or searched.

`page` filters by speaker, words and date, newest article first; `search`
finds the quotes holding every word of a search in any form, best match
first (the full-text index of each database: `dateline.store.search`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from dateline.errors import StoreError
from dateline.store.names import normalise_name
from dateline.store.rows import Page, Row, count_rows, iso, sliced
from dateline.store.schema import actors, articles, quotes
from dateline.store.search import ranked_matches, search_words

if TYPE_CHECKING:
    from dateline.store.store import Store


@dataclass(frozen=True, slots=True)
class QuoteRow(Row):
    """A stored quote with its article and speaker.

    `speaker` is the speaking actor's name; `source` the words naming whoever
    spoke ("the letter"), None where the text names nobody. `start`/`end`
    are its offsets in the article's text.
    """

    article_id: str
    published: str | None
    speaker: str | None
    source: str | None
    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class RankedQuote(QuoteRow):
    """A quote found by `search`: `rank` is higher for a better match, None where
    the database cannot rank."""

    rank: float | None


NEWEST_QUOTES_FIRST = (
    articles.c.published.desc().nulls_last(),
    quotes.c.article_id,
    quotes.c.start,
)


SOURCE_WORDS = sa.func.substr(
    articles.c.text, quotes.c.source_start + 1, quotes.c.source_end - quotes.c.source_start
)
"""The words naming a quote's source, cut from its article's text by the
database (NULL where the text names none); offsets count characters on SQLite
and PostgreSQL alike, as Python's do."""


class Quotes:
    """Every operation on stored quotes: `store.quotes`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def page(
        self,
        *,
        speaker: str | None = None,
        contains: str | None = None,
        since: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Page[QuoteRow]:
        """Quotes newest article first, `limit` from `offset`, and how many match in all.

        `speaker` matches part of a speaker's name ignoring case and accents
        ("mishus" finds Mikhail Mishustin), or, for a quote with no speaker
        actor, part of the words naming its source ("letter" finds "the
        letter says"); `contains` matches part of the quote ignoring case
        (ASCII case only on SQLite); `since` keeps articles published on or
        after that day.
        """

        query = _narrowed(_listing().order_by(*NEWEST_QUOTES_FIRST), speaker, contains, since)

        def listed() -> Page[QuoteRow]:
            with self._store.transaction("listing quotes") as conn:
                rows = conn.execute(sliced(query, limit, offset))
                items = [QuoteRow(**_fields(row)) for row in rows]
                return Page(items, count_rows(conn, query))

        key = ("quotes", speaker, contains, since, limit, offset)
        return self._store.cache.get(key, listed)

    def search(
        self,
        search: str,
        *,
        speaker: str | None = None,
        contains: str | None = None,
        since: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Page[RankedQuote]:
        """The quotes holding every word of `search` in any form, best match first.

        "sanction" finds "sanctions"; a word ending in `*` is a prefix on
        ("migra*"). `speaker`, `contains` and `since` narrow the
        result as they do in `page`. Raises `StoreError` when the search
        holds no word at all. A page asked for is kept in `store.cache` until
        the store changes (ranking thousands of matches takes a while).
        """

        words = search_words(search)
        if not words:
            raise StoreError(
                f"search {search!r} holds no word to look for; give one or more words."
            )

        def searched() -> Page[RankedQuote]:
            with self._store.transaction("searching quotes") as conn:
                matches, best_first = ranked_matches(conn, words, _listing)
                query = _narrowed(
                    matches.order_by(*best_first, *NEWEST_QUOTES_FIRST), speaker, contains, since
                )
                items = [
                    RankedQuote(**_fields(row), rank=None if row.rank is None else float(row.rank))
                    for row in conn.execute(sliced(query, limit, offset))
                ]
                return Page(items, count_rows(conn, query))

        key = ("quote-search", tuple(words), speaker, contains, since, limit, offset)
        return self._store.cache.get(key, searched)


def _listing(*extra: sa.ColumnElement[Any]) -> sa.Select[Any]:
    """Quotes with their article's date, speaker's name and source words, plus `extra` columns."""

    return (
        sa.select(
            quotes.c.article_id,
            articles.c.published,
            actors.c.name.label("speaker"),
            SOURCE_WORDS.label("source"),
            quotes.c.kind,
            quotes.c.text,
            quotes.c.start,
            quotes.c.end,
            *extra,
        )
        .join(articles, articles.c.id == quotes.c.article_id)
        .outerjoin(actors, actors.c.id == quotes.c.speaker_id)
    )


def _narrowed(
    query: sa.Select[Any], speaker: str | None, contains: str | None, since: date | None
) -> sa.Select[Any]:
    """The filters of `dateline quotes` on a `_listing` query."""

    if speaker is not None:
        by_source_words = sa.and_(
            quotes.c.speaker_id.is_(None),
            sa.func.lower(SOURCE_WORDS).contains(
                " ".join(speaker.split()).lower(), autoescape=True
            ),
        )
        query = query.where(
            sa.or_(
                actors.c.name_key.contains(normalise_name(speaker), autoescape=True),
                by_source_words,
            )
        )
    if contains is not None:
        query = query.where(
            sa.func.lower(quotes.c.text).contains(contains.lower(), autoescape=True)
        )
    if since is not None:
        query = query.where(articles.c.published >= since)
    return query


def _fields(row: sa.Row[Any]) -> dict[str, Any]:
    return {
        "article_id": row.article_id,
        "published": iso(row.published),
        "speaker": row.speaker,
        "source": row.source,
        "kind": row.kind,
        "text": row.text,
        "start": row.start,
        "end": row.end,
    }
