"""`store.events.records(...)`: every stored event with all an event codebook asks of it.

`dateline export --format gdelt-events|gdelt-mentions|plover` writes an
event as a row of another project's table; each needs more than a listing
shows: both sides with their country, sector, role and the words naming
them next to the evidence, the place geocoded in the same article, every
sentence that mentions the event, the article's URL, length, lead
paragraph and ingestion time. `records` gathers that in batches, one
streaming query over the events and a handful of bounded queries per batch,
so exporting a store of millions of events holds one batch in memory.

Events come in id order (the order they were stored), filtered as
`dateline events` filters them: a PLOVER type, an actor on either side
(name words, ISO3 code or row id), a date range on the event's day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dateline.model import Span
from dateline.readers.dateline import parse_dateline
from dateline.store.events import (
    _event_day,
    _in_range,
    _intensity,
    _matching_actor_ids,
    _takes_part,
)
from dateline.store.rows import Row
from dateline.store.schema import (
    actors,
    article_actors,
    articles,
    event_participants,
    events,
    mentions,
    places,
)

if TYPE_CHECKING:
    from dateline.store.store import Store

BATCH = 500
"""Events gathered at a time: the unit of memory of an export."""


@dataclass(frozen=True, slots=True)
class RecordPlace(Row):
    """A place geocoded in the event's article."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str | None


@dataclass(frozen=True, slots=True)
class RecordMention(Row):
    """Words of the article naming an actor: `span` its offsets, `text` the words."""

    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class RecordActor(Row):
    """One side of an event: the corpus-wide actor, its role in this article,
    and where this article names it (`mentions`, in text order)."""

    id: int
    name: str
    kind: str
    country: str | None
    sector: str | None
    role: str | None
    mentions: list[RecordMention] = field(default_factory=list)

    def mention_near(self, span: Span) -> RecordMention | None:
        """The mention that names this actor in `span`'s own words, else the one
        nearest to it in the same sentence; None where that sentence names it not."""

        inside = [m for m in self.mentions if span.contains(m.span)]
        if inside:
            return inside[0]
        same = [m for m in self.mentions if span.sentence >= 0 and m.span.sentence == span.sentence]
        return min(same, key=lambda m: abs(m.span.start - span.start), default=None)


@dataclass(frozen=True, slots=True)
class RecordArticle(Row):
    """What an event codebook asks of the article an event was read from."""

    id: str
    source: str | None
    url: str | None
    title: str | None
    published: date | None
    ingested_at: datetime
    length: int
    lead: Span
    """The lead paragraph: the body's first paragraph, after any wire header."""


@dataclass(frozen=True, slots=True)
class EventRecord(Row):
    """One stored event with its sides, places, mentions and article.

    `day` is the event's own date where the text gave one, else its
    article's publication date (as `dateline events` shows it); `stated` is
    the date as the text gave it (ISO 8601, maybe just "2025-01"), None
    where it gave none. `mentions` are the evidence and then every further
    sentence merged into the event, each with its words (`texts`).
    """

    id: int
    type: str
    cameo: str | None
    mode: str | None
    stated: str | None
    day: str | None
    intensity: float | None
    confidence: float
    mentions: list[Span]
    texts: list[str]
    sources: list[RecordActor]
    targets: list[RecordActor]
    place: str | None
    located: RecordPlace | None
    """The event's place as the article geocoded it; None where it has none."""
    article: RecordArticle
    article_places: list[RecordPlace]
    """Every place the article geocoded, e.g. to place a side by its country."""

    @property
    def evidence(self) -> Span:
        return self.mentions[0]


def event_records(
    store: Store,
    *,
    type: str | None = None,
    actor: str | None = None,
    since: date | None = None,
    until: date | None = None,
    batch_size: int = BATCH,
) -> Iterator[EventRecord]:
    """The events that match, in id order, read `batch_size` at a time."""

    with store.transaction("exporting events") as conn:
        query = _candidates(conn, type, actor)
        result = conn.execute(query, execution_options={"yield_per": batch_size})
        for batch in result.partitions(batch_size):
            kept = [
                row for row in batch if _in_range(_event_day(row.date, row.published), since, until)
            ]
            yield from _records(conn, kept)


def count_candidates(store: Store, *, type: str | None = None, actor: str | None = None) -> int:
    """How many events the type and actor allow: what a progress bar counts to."""

    with store.transaction("counting events") as conn:
        query = _candidates(conn, type, actor).subquery()
        return int(conn.execute(sa.select(sa.func.count()).select_from(query)).scalar_one())


def _candidates(conn: Connection, type: str | None, actor: str | None) -> sa.Select[Any]:
    query = (
        sa.select(events, articles.c.published)
        .join(articles, articles.c.id == events.c.article_id)
        .order_by(events.c.id)
    )
    if type:
        query = query.where(events.c.type == type.upper())
    if actor is not None:
        query = query.where(_takes_part(_matching_actor_ids(conn, actor)))
    return query


def _records(conn: Connection, rows: Sequence[Any]) -> list[EventRecord]:
    if not rows:
        return []
    article_ids = sorted({row.article_id for row in rows})
    texts = _article_texts(conn, article_ids)
    located = _places(conn, article_ids)
    sides = _sides(conn, [row.id for row in rows], texts)
    found = []
    for row in rows:
        article, text = texts[row.article_id]
        spans = [Span(row.start, row.end, row.sentence)]
        spans += [Span(s, e, n) for s, e, n in (row.supporting or [])]
        side = sides[row.id]
        found.append(
            EventRecord(
                id=row.id,
                type=row.type,
                cameo=row.cameo,
                mode=row.mode,
                stated=row.date or None,
                day=_event_day(row.date, row.published),
                intensity=_intensity(row.type, row.intensity),
                confidence=row.confidence,
                mentions=spans,
                texts=[span.text(text) for span in spans],
                sources=side["source"],
                targets=side["target"],
                place=row.place,
                located=_place_named(located[row.article_id], row.place),
                article=article,
                article_places=located[row.article_id],
            )
        )
    return found


def _article_texts(conn: Connection, ids: list[str]) -> dict[str, tuple[RecordArticle, str]]:
    query = sa.select(
        articles.c.id,
        articles.c.source,
        articles.c.url,
        articles.c.title,
        articles.c.published,
        articles.c.ingested_at,
        articles.c.text,
    ).where(articles.c.id.in_(ids))
    found = {}
    for row in conn.execute(query):
        article = RecordArticle(
            id=row.id,
            source=row.source,
            url=row.url,
            title=row.title,
            published=row.published,
            ingested_at=row.ingested_at,
            length=len(row.text),
            lead=_lead_paragraph(row.text, row.published),
        )
        found[row.id] = (article, row.text)
    return found


def _lead_paragraph(text: str, published: date | None) -> Span:
    """The first paragraph of the body: after the wire header where there is
    one ("HANOI, December 26. /TASS/."), up to the first blank line."""

    header, _ = parse_dateline(text, published)
    start = header.body_start if header is not None else 0
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n\n", start)
    return Span(start, len(text) if end < 0 else end)


def _places(conn: Connection, ids: list[str]) -> dict[str, list[RecordPlace]]:
    query = (
        sa.select(
            places.c.article_id,
            places.c.name,
            places.c.country,
            places.c.lat,
            places.c.lon,
            places.c.kind,
        )
        .where(places.c.article_id.in_(ids))
        .order_by(places.c.id)
    )
    found: dict[str, list[RecordPlace]] = defaultdict(list)
    for row in conn.execute(query):
        found[row.article_id].append(RecordPlace(row.name, row.country, row.lat, row.lon, row.kind))
    return found


def _place_named(candidates: list[RecordPlace], name: str | None) -> RecordPlace | None:
    """The article's place an event's place names, as `store.places.mapped` matches them."""

    if not name:
        return None
    wanted = name.lower()
    return next((p for p in candidates if p.name.lower() == wanted), None)


def _sides(
    conn: Connection, event_ids: list[int], texts: dict[str, tuple[RecordArticle, str]]
) -> dict[int, dict[str, list[RecordActor]]]:
    """Each event's sources and targets, each actor with its role and mentions in the article."""

    query = (
        sa.select(
            event_participants.c.event_id,
            event_participants.c.side,
            events.c.article_id,
            actors.c.id,
            actors.c.name,
            actors.c.kind,
            actors.c.country,
            actors.c.sector,
        )
        .join(actors, actors.c.id == event_participants.c.actor_id)
        .join(events, events.c.id == event_participants.c.event_id)
        .where(event_participants.c.event_id.in_(event_ids))
        .order_by(event_participants.c.event_id, event_participants.c.position)
    )
    rows = list(conn.execute(query))
    pairs = {(row.article_id, row.id) for row in rows}
    roles, spans = _roles_and_mentions(conn, sorted(texts), {actor for _, actor in pairs})
    sides: dict[int, dict[str, list[RecordActor]]] = defaultdict(
        lambda: {"source": [], "target": []}
    )
    for row in rows:
        key = (row.article_id, row.id)
        sides[row.event_id][row.side].append(
            RecordActor(
                id=row.id,
                name=row.name,
                kind=row.kind,
                country=row.country or None,
                sector=row.sector,
                role=roles.get(key),
                mentions=spans.get(key, []),
            )
        )
    return sides


def _roles_and_mentions(
    conn: Connection, article_ids: list[str], actor_ids: set[int]
) -> tuple[dict[tuple[str, int], str], dict[tuple[str, int], list[RecordMention]]]:
    if not actor_ids:
        return {}, {}
    roles: dict[tuple[str, int], str] = {}
    role_query = (
        sa.select(article_actors.c.article_id, article_actors.c.actor_id, article_actors.c.role)
        .where(
            article_actors.c.article_id.in_(article_ids),
            article_actors.c.actor_id.in_(actor_ids),
            article_actors.c.role.is_not(None),
        )
        .order_by(article_actors.c.local_id)
    )
    for row in conn.execute(role_query):
        roles.setdefault((row.article_id, row.actor_id), row.role)
    spans: dict[tuple[str, int], list[RecordMention]] = defaultdict(list)
    mention_query = (
        sa.select(
            mentions.c.article_id,
            mentions.c.actor_id,
            mentions.c.start,
            mentions.c.end,
            mentions.c.sentence,
            mentions.c.text,
        )
        .where(mentions.c.article_id.in_(article_ids), mentions.c.actor_id.in_(actor_ids))
        .order_by(mentions.c.start)
    )
    for mention in conn.execute(mention_query):
        key = (mention.article_id, mention.actor_id)
        span = Span(mention.start, mention.end, mention.sentence)
        spans[key].append(RecordMention(span, mention.text))
    return roles, dict(spans)
