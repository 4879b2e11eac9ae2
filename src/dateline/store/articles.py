"""`store.articles`: stored articles, read back whole or listed.

`get` rebuilds the `Extraction` an article was saved from (model
dataclasses, so `dateline.output` writes its JSON like any other), with the
little the store adds: each actor's corpus-wide row id and when the article
was ingested. `page` lists articles for a search box; `newest`, `ids` and
`unchanged` serve `dateline summary` and a resumed ingest.

Read back alone, an article gives the extraction it was saved from, fact
for fact (`tests/store/test_store_roundtrip.py`). Among other articles, an
actor is the corpus-wide row: it comes back with the row's name (the first
article's spelling) and sector (learnt from any article), and two of one
article's ids that fold to one row (case, accents) come back as the first
id, holding all the mentions, its facts pointing there.

What the store does not keep is rebuilt: the wire header is parsed again
from the stored text it was read from; the sentence of a quote's cue and
source and of an amount's measure is the stored sentence holding its start;
an amount's parties, stored by name, are the article's actors of that name.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.errors import NotFound
from dateline.model import Actor, Amount, Article, Dateline, Event, Extraction, Place, Quote, Span
from dateline.output import stored_article_dict, summary_dict
from dateline.readers.dateline import parse_dateline
from dateline.store.copies import CopyRow, copies_of
from dateline.store.names import actor_row_id, normalise_name
from dateline.store.rows import Page, Row, iso, utc_iso
from dateline.store.schema import (
    actors,
    amounts,
    article_actors,
    articles,
    event_participants,
    events,
    mentions,
    place_mentions,
    places,
    quotes,
    sentences,
)
from dateline.store.search import articles_matching, search_words
from dateline.store.write import text_hash

if TYPE_CHECKING:
    from dateline.store.store import Store


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """One stored article: the extraction it was saved from, and the store's own fields."""

    extraction: Extraction
    actor_rows: dict[str, int]
    """Article-local actor id -> the corpus-wide actor row (`store.actors.profile(row)`)."""
    ingested_at: datetime
    copies: tuple[CopyRow, ...] = ()
    """Republished copies of it found at ingest, first found first (`store.copies`)."""

    def as_dict(self) -> dict[str, Any]:
        """The JSON of `dateline show --json` and /api/articles/ID."""

        shown = stored_article_dict(
            self.extraction, actor_rows=self.actor_rows, ingested_at=utc_iso(self.ingested_at)
        )
        return shown | {"copies": [copy.as_dict() for copy in self.copies]}

    def summary(self) -> dict[str, Any]:
        """The facts by name rather than id, for a quick look."""

        return summary_dict(self.extraction)


@dataclass(frozen=True, slots=True)
class ArticleRow(Row):
    """One article of a list: what it is, a one-line preview and how many facts it holds."""

    id: str
    title: str
    source: str | None
    published: str | None
    dateline: str | None
    snippet: str
    actors: int
    quotes: int
    events: int


OPENING_CHARS = 400
"""How much of the text a list reads for a title-less article's preview."""
PREVIEW_CHARS = 240


class Articles:
    """Every operation on stored articles: `store.articles`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, article_id: str) -> StoredArticle | None:
        """The article with every fact, as saved; None if no article has that id."""

        with self._store.transaction(f"reading article {article_id}") as conn:
            return _read_article(conn, article_id)

    def summary(self, article_id: str | None = None) -> dict[str, Any]:
        """The facts of one article (the newest if none is given) by name.

        Raises `NotFound` for an unknown id or an empty store.
        """

        newest = self.newest(1) if article_id is None else [article_id]
        if not newest:
            raise NotFound("the store holds no articles yet; ingest some first.")
        found = self.get(newest[0])
        if found is None:
            raise NotFound(f"no article with id {newest[0]!r} in the store.")
        return found.summary()

    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of `ids` are stored (asked batch by batch: a bounded `IN` list)."""

        wanted = set(ids)
        if not wanted:
            return set()
        query = sa.select(articles.c.id).where(articles.c.id.in_(wanted))
        with self._store.transaction("looking up stored articles") as conn:
            return set(conn.execute(query).scalars())

    def ids(self) -> set[str]:
        with self._store.transaction("listing article ids") as conn:
            return set(conn.execute(sa.select(articles.c.id)).scalars())

    def newest(self, count: int = 1) -> list[str]:
        """Ids of the `count` articles ingested last, newest first.

        `dateline summary` shows these right after an ingest; publication
        date breaks ties within one ingest run.
        """

        query = (
            sa.select(articles.c.id)
            .order_by(
                articles.c.ingested_at.desc(),
                articles.c.published.desc().nulls_last(),
                articles.c.id,
            )
            .limit(max(count, 0))
        )
        with self._store.transaction("finding the newest articles") as conn:
            return list(conn.execute(query).scalars())

    def unchanged(self, batch: Iterable[Article]) -> set[str]:
        """Ids in `batch` already stored with exactly the same text.

        What a resumed ingest skips. An article whose text changed under the
        same id (a corrected re-delivery) is not counted: it must be
        extracted again. Asked batch by batch (a bounded `IN` list), so
        resuming over millions of stored articles keeps memory flat.
        """

        wanted = {article.id: text_hash(article.text) for article in batch}
        if not wanted:
            return set()
        query = sa.select(articles.c.id, articles.c.text_hash).where(articles.c.id.in_(wanted))
        with self._store.transaction("looking up stored articles") as conn:
            rows = conn.execute(query).all()
        return {row.id for row in rows if wanted[row.id] == row.text_hash}

    def page(
        self,
        *,
        words: str | None = None,
        since: date | None = None,
        until: date | None = None,
        source: str | None = None,
        actor: str | None = None,
        limit: int | None = 20,
        offset: int = 0,
    ) -> Page[ArticleRow]:
        """Articles newest first, `limit` from `offset`, and how many match in all.

        `words` must all occur in the title or text, in any form where the
        store has its article index ("sanction" finds "sanctions"), else as
        substrings ignoring case; "gas transit" finds "transit of gas";
        `since`/`until` bound the publication date; `source` is an agency
        (case ignored); `actor` an actor row id ("12") or part of a name.
        Which articles match, in order, is kept in `store.cache` until the
        store changes; only the page's rows are read.
        """

        key = ("article-order", words, since, until, source, actor)

        def ordered() -> list[str]:
            """Which articles match, newest first: ids only, so the database sorts an
            index rather than rows holding whole texts."""

            with self._store.transaction("listing articles") as conn:
                conditions = [
                    *_article_conditions(since, until, source, actor),
                    *_word_conditions(conn, words),
                ]
                query = (
                    sa.select(articles.c.id)
                    .where(*conditions)
                    .order_by(articles.c.published.desc().nulls_last(), articles.c.id)
                )
                return list(conn.execute(query).scalars())

        found = self._store.cache.get(key, ordered)
        end = None if limit is None else offset + limit
        with self._store.transaction("listing articles") as conn:
            return Page(_article_rows(conn, found[offset:end]), len(found))

    def sources(self) -> list[str]:
        """Every agency or source named by a stored article, sorted."""

        query = sa.select(articles.c.source).distinct().where(articles.c.source.is_not(None))

        def read() -> list[str]:
            with self._store.transaction("listing sources") as conn:
                return sorted(conn.execute(query).scalars())

        return self._store.cache.get(("sources",), read)


def _word_conditions(conn: Connection, words: str | None) -> list[sa.ColumnElement[bool]]:
    """Title or text holds every word: through the article index where the store
    has one (any form of the word, "sanction" finds "sanctions"), else as a
    substring, ignoring case, of title or text."""

    if not words:
        return []
    indexed = articles_matching(conn, search_words(words)) if search_words(words) else None
    if indexed is not None:
        return [indexed]
    return [
        sa.or_(
            sa.func.lower(articles.c.title).contains(word.lower(), autoescape=True),
            sa.func.lower(articles.c.text).contains(word.lower(), autoescape=True),
        )
        for word in words.split()
    ]


def _article_conditions(
    since: date | None,
    until: date | None,
    source: str | None,
    actor: str | None,
) -> list[sa.ColumnElement[bool]]:
    conditions: list[sa.ColumnElement[bool]] = []
    if since is not None:
        conditions.append(articles.c.published >= since)
    if until is not None:
        conditions.append(articles.c.published <= until)
    if source:
        conditions.append(sa.func.lower(articles.c.source) == source.lower())
    if actor:
        conditions.append(_naming(actor))
    return conditions


def _naming(actor: str) -> sa.ColumnElement[bool]:
    """Articles naming an actor: its row id (`12`) or part of its name (`mishus`)."""

    matching = sa.select(article_actors.c.article_id).join(
        actors, actors.c.id == article_actors.c.actor_id
    )
    row_id = actor_row_id(actor)
    if row_id is not None:
        matching = matching.where(actors.c.id == row_id)
    else:
        matching = matching.where(
            actors.c.name_key.contains(normalise_name(actor), autoescape=True)
        )
    return articles.c.id.in_(matching)


def _article_rows(conn: Connection, ids: list[str]) -> list[ArticleRow]:
    """The list rows of the articles `ids`, in that order."""

    if not ids:
        return []
    query = sa.select(
        articles.c.id,
        articles.c.title,
        articles.c.source,
        articles.c.published,
        articles.c.dateline_place,
        sa.func.substr(articles.c.text, 1, OPENING_CHARS).label("opening"),
    ).where(articles.c.id.in_(ids))
    rows = {r.id: r for r in conn.execute(query)}
    counts = _fact_counts(conn, ids)
    return [
        ArticleRow(
            id=r.id,
            title=r.title or _first_line(r.opening),
            source=r.source,
            published=iso(r.published),
            dateline=r.dateline_place,
            snippet=_first_line(r.opening, skip_title=r.title),
            **counts[r.id],
        )
        for article_id in ids
        if (r := rows.get(article_id)) is not None
    ]


def _first_line(text: str, skip_title: str | None = None) -> str:
    """A one-line preview: the first non-empty line that is not the title."""

    for line in text.splitlines():
        line = line.strip()
        if line and line != skip_title and not line.startswith("date "):
            return line[:PREVIEW_CHARS]
    return text[:PREVIEW_CHARS]


def _fact_counts(conn: Connection, ids: list[str]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {i: {"actors": 0, "quotes": 0, "events": 0} for i in ids}
    for name, table in (("actors", article_actors), ("quotes", quotes), ("events", events)):
        query = (
            sa.select(table.c.article_id, sa.func.count())
            .where(table.c.article_id.in_(ids))
            .group_by(table.c.article_id)
        )
        for article_id, count in conn.execute(query):
            counts[article_id][name] = count
    return counts


def _rows_of(conn: Connection, table: sa.Table, article_id: str, *order: str) -> list[Any]:
    """All rows of one article in `table`, ordered by the columns `order`."""

    query = (
        sa.select(table)
        .where(table.c.article_id == article_id)
        .order_by(*(table.c[column] for column in order))
    )
    return list(conn.execute(query))


class _Rebuilding:
    """One article's rows turned back into model objects, sharing what they refer to."""

    def __init__(self, conn: Connection, row: Any) -> None:
        self.conn = conn
        self.article_id: str = row.id
        self.text: str = row.text
        self.sentences = [
            Span(s.start, s.end, s.idx) for s in _rows_of(conn, sentences, row.id, "idx")
        ]
        self._starts = [s.start for s in self.sentences]
        self.local_of_row: dict[int, str] = {}
        self.local_of_name: dict[str, str] = {}

    def words(self, start: int | None, end: int | None) -> Span | None:
        """A span stored as two nullable columns, its sentence the one holding its start."""

        if start is None or end is None:
            return None
        holder = bisect_right(self._starts, start) - 1
        inside = holder >= 0 and start < self.sentences[holder].end
        return Span(start, end, self.sentences[holder].sentence if inside else -1)

    def local(self, actor_row: int | None) -> str | None:
        return None if actor_row is None else self.local_of_row.get(actor_row)

    def actors(self) -> tuple[list[Actor], dict[str, int]]:
        """The article's actors in order of first mention, and their corpus-wide rows."""

        query = (
            sa.select(
                article_actors,
                actors.c.name,
                actors.c.name_key,
                actors.c.kind,
                actors.c.country,
                actors.c.sector,
            )
            .join(actors, actors.c.id == article_actors.c.actor_id)
            .where(article_actors.c.article_id == self.article_id)
            .order_by(article_actors.c.local_id)
        )
        spans_of_row: dict[int, list[Span]] = defaultdict(list)
        for mention in _rows_of(self.conn, mentions, self.article_id, "start", "end"):
            spans_of_row[mention.actor_id].append(
                Span(mention.start, mention.end, mention.sentence)
            )
        found: list[Actor] = []
        rows: dict[str, int] = {}
        for row in self.conn.execute(query):
            first_local = row.actor_id not in self.local_of_row
            self.local_of_row.setdefault(row.actor_id, row.local_id)
            self.local_of_name.setdefault(row.name_key, row.local_id)
            rows[row.local_id] = row.actor_id
            found.append(
                Actor(
                    id=row.local_id,
                    name=row.name,
                    kind=row.kind,
                    mentions=spans_of_row[row.actor_id] if first_local else [],
                    country=row.country or None,
                    role=row.role,
                    sector=row.sector,
                    confidence=row.confidence,
                )
            )
        found.sort(key=lambda a: (a.mentions[0].start if a.mentions else len(self.text), a.id))
        return found, rows

    def quotes(self) -> list[Quote]:
        return [
            Quote(
                kind=q.kind,
                text=q.text,
                span=Span(q.start, q.end, q.sentence),
                speaker=self.local(q.speaker_id),
                cue=self.words(q.cue_start, q.cue_end),
                source=self.words(q.source_start, q.source_end),
                confidence=q.confidence,
            )
            for q in _rows_of(self.conn, quotes, self.article_id, "start")
        ]

    def amounts(self) -> list[Amount]:
        return [
            Amount(
                text=a.text,
                span=Span(a.start, a.end, a.sentence),
                value=a.value,
                unit=a.unit,
                measure=a.measure,
                measure_span=self.words(a.measure_start, a.measure_end),
                period=a.period,
                approximate=bool(a.approximate),
                bound=a.bound,
                change=bool(a.change),
                direction=a.direction,
                low=a.low,
                high=a.high,
                parties=[
                    local
                    for name in a.parties or []
                    if (local := self.local_of_name.get(normalise_name(name))) is not None
                ],
                confidence=a.confidence,
            )
            for a in _rows_of(self.conn, amounts, self.article_id, "start")
        ]

    def events(self) -> list[Event]:
        rows = _rows_of(self.conn, events, self.article_id, "start")
        sides: dict[tuple[int, str], list[str]] = defaultdict(list)
        participants = (
            sa.select(event_participants)
            .where(event_participants.c.event_id.in_([e.id for e in rows]))
            .order_by(event_participants.c.event_id, event_participants.c.position)
        )
        for p in self.conn.execute(participants):
            local = self.local(p.actor_id)
            if local is not None:
                sides[(p.event_id, p.side)].append(local)
        return [
            Event(
                type=e.type,
                evidence=Span(e.start, e.end, e.sentence),
                actors=sides[(e.id, "source")],
                targets=sides[(e.id, "target")],
                place=e.place,
                date=e.date,
                mode=e.mode,
                cameo=e.cameo,
                intensity=e.intensity,
                supporting=[Span(s, t, n) for s, t, n in (e.supporting or [])],
                confidence=e.confidence,
            )
            for e in rows
        ]

    def places(self) -> list[Place]:
        rows = _rows_of(self.conn, places, self.article_id, "id")
        spans: dict[int, list[Span]] = defaultdict(list)
        query = (
            sa.select(place_mentions)
            .where(place_mentions.c.place_id.in_([p.id for p in rows]))
            .order_by(place_mentions.c.start)
        )
        for m in self.conn.execute(query):
            spans[m.place_id].append(Span(m.start, m.end, m.sentence))
        return [
            Place(
                name=p.name,
                spans=spans[p.id],
                country=p.country,
                lat=p.lat,
                lon=p.lon,
                kind=p.kind,
            )
            for p in rows
        ]


def _stored_dateline(row: Any) -> Dateline | None:
    """The wire header, parsed again from the stored text; None if that no longer
    gives the stored place and agency (the reader changed since the article was
    ingested: re-ingest it)."""

    header, _ = parse_dateline(row.text, row.published)
    if header is None or (header.place, header.agency) != (row.dateline_place, row.dateline_agency):
        return None
    return header


def _read_article(conn: Connection, article_id: str) -> StoredArticle | None:
    row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        return None
    rebuilt = _Rebuilding(conn, row)
    found_actors, actor_rows = rebuilt.actors()
    article = Article(
        id=row.id,
        text=row.text,
        source=row.source,
        url=row.url,
        published=row.published,
        title=row.title,
        dateline=_stored_dateline(row),
        path=row.path,
        line=row.line,
        author=row.author,
        site=row.site,
        captured=_as_utc(row.captured),
    )
    extraction = Extraction(
        article=article,
        sentences=rebuilt.sentences,
        actors=found_actors,
        quotes=rebuilt.quotes(),
        amounts=rebuilt.amounts(),
        events=rebuilt.events(),
        places=rebuilt.places(),
    )
    copies = tuple(copies_of(conn, article_id))
    return StoredArticle(extraction, actor_rows, row.ingested_at, copies)


def _as_utc(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; the store always writes UTC."""

    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)
