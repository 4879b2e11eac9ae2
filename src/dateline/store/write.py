"""Writing one article and all its facts in one transaction.

`save_extraction` runs inside a transaction the caller opened, so an error
anywhere (a bad span, a database failure) leaves the store exactly as it
was before this article; articles saved earlier are untouched.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, CursorResult

from dateline.errors import IdCollision, StoreError
from dateline.model import Actor, Extraction, Span, normalise_text
from dateline.store.copies import save_fingerprint
from dateline.store.names import normalise_name
from dateline.store.schema import (
    ARTICLE_FACT_TABLES,
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


def text_hash(text: str) -> str:
    """Hash of the exact stored text, to tell a corrected re-delivery apart."""

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def save_extraction(conn: Connection, extraction: Extraction, *, replace: bool = False) -> bool:
    """Store `extraction`, replacing any earlier facts for the same article id.

    Returns True if the article was new. On re-ingest the newer extractor's
    output wins: the article row is updated and every fact of the article is
    deleted and inserted again, so saving twice never duplicates a fact.

    A different text under an id already stored (two records sharing an id,
    or `"id": 1` beside `"id": "1"`) raises `IdCollision` and stores nothing,
    unless `replace` says the new text is a deliberate correction: then the
    text is replaced too, since the new facts' offsets point into it. Texts
    that differ only in white space or Unicode normal form are the same.
    """

    article = extraction.article
    _check_spans(extraction)
    existed = _upsert_article(conn, extraction, replace=replace)
    previous_actor_ids = _delete_facts(conn, article.id) if existed else set()
    local_to_row = _save_actors(conn, extraction)
    _save_sentences(conn, article.id, extraction.sentences)
    _save_quotes(conn, extraction, local_to_row)
    _save_amounts(conn, extraction)
    _save_events(conn, extraction, local_to_row)
    _save_places(conn, extraction)
    save_fingerprint(conn, article)
    _delete_orphan_actors(conn, previous_actor_ids - set(local_to_row.values()))
    return not existed


def _check_spans(extraction: Extraction) -> None:
    """Refuse spans outside the text: they would store evidence nobody can show."""

    length = len(extraction.article.text)
    spans: list[tuple[str, Span | None]] = [("sentence", s) for s in extraction.sentences]
    for actor in extraction.actors:
        spans += [(f"mention of actor {actor.id!r}", s) for s in actor.mentions]
    for quote in extraction.quotes:
        spans += [("quote", quote.span), ("quote cue", quote.cue), ("quote source", quote.source)]
    for amount in extraction.amounts:
        spans += [(f"amount {amount.text!r}", amount.span), ("amount measure", amount.measure_span)]
    spans += [(f"{event.type} event evidence", event.evidence) for event in extraction.events]
    for place in extraction.places:
        spans += [(f"place {place.name!r}", s) for s in place.spans]
    for what, span in spans:
        if span is not None and not 0 <= span.start <= span.end <= length:
            raise StoreError(
                f"article {extraction.article.id}: {what} span {span.start}-{span.end} "
                f"lies outside the text (length {length}); the stage that made it is wrong."
            )


def _upsert_article(conn: Connection, extraction: Extraction, *, replace: bool) -> bool:
    """Insert or update the article row; True if it was already stored."""

    article = extraction.article
    dateline = article.dateline
    values: dict[str, Any] = {
        "source": article.source,
        "url": article.url,
        "published": article.published,
        "title": article.title,
        "dateline_place": dateline.place if dateline else None,
        "dateline_agency": dateline.agency if dateline else None,
        "text": article.text,
        "text_hash": text_hash(article.text),
        "ingested_at": datetime.now(UTC),
        "author": article.author,
        "site": article.site,
        "path": article.path,
        "line": article.line,
        "captured": article.captured,
    }
    found = conn.execute(_FIND_ARTICLE, {"article_id": article.id}).first()
    if found is None:
        conn.execute(_INSERT_ARTICLE, {"id": article.id, **values})
        return False
    if not replace and found.text_hash != values["text_hash"]:
        stored = conn.execute(_ARTICLE_TEXT, {"article_id": article.id}).scalar_one()
        if normalise_text(stored) != normalise_text(article.text):
            raise IdCollision(article)
    conn.execute(_UPDATE_ARTICLE, {"article_id": article.id, **values})
    return True


# Statements built once, with the values bound at execution: building an
# insert with `.values(...)` per row cost more than running it.
_FIND_ARTICLE = (
    sa.select(articles.c.id, articles.c.text_hash)
    .where(articles.c.id == sa.bindparam("article_id"))
    .with_for_update()
)
_ARTICLE_TEXT = sa.select(articles.c.text).where(articles.c.id == sa.bindparam("article_id"))
_INSERT_ARTICLE = sa.insert(articles)
_UPDATE_ARTICLE = sa.update(articles).where(articles.c.id == sa.bindparam("article_id"))
_INSERT_EVENT = sa.insert(events)
_INSERT_PLACE = sa.insert(places)


def _delete_facts(conn: Connection, article_id: str) -> set[int]:
    """Delete the article's facts, children first; return the actor rows it cited.

    Those actors are pruned after the new facts are in if nothing cites them,
    so an actor the newer extractor still finds keeps its row id.
    """

    previous_actors = sa.select(article_actors.c.actor_id).where(
        article_actors.c.article_id == article_id
    )
    previous_actor_ids = set(conn.execute(previous_actors).scalars())
    article_events = sa.select(events.c.id).where(events.c.article_id == article_id)
    conn.execute(
        sa.delete(event_participants).where(event_participants.c.event_id.in_(article_events))
    )
    article_places = sa.select(places.c.id).where(places.c.article_id == article_id)
    conn.execute(sa.delete(place_mentions).where(place_mentions.c.place_id.in_(article_places)))
    for table in ARTICLE_FACT_TABLES:
        conn.execute(sa.delete(table).where(table.c.article_id == article_id))
    return previous_actor_ids


def _delete_orphan_actors(conn: Connection, candidates: set[int]) -> None:
    if not candidates:
        return
    still_cited = sa.union(
        sa.select(article_actors.c.actor_id),
        sa.select(mentions.c.actor_id),
        sa.select(quotes.c.speaker_id).where(quotes.c.speaker_id.is_not(None)),
        sa.select(event_participants.c.actor_id),
    )
    conn.execute(
        sa.delete(actors).where(actors.c.id.in_(candidates), actors.c.id.not_in(still_cited))
    )


_ACTOR_KEY = ("name_key", "kind", "country")
ActorKey = tuple[str, str, str]
_FIND_ACTORS_NAMED = sa.select(
    actors.c.id, actors.c.sector, *(actors.c[column] for column in _ACTOR_KEY)
).where(actors.c.name_key.in_(sa.bindparam("name_keys", expanding=True)))
"""Built once: constructing SQLAlchemy statements per actor dominated ingest time."""
ACTOR_NAMES_PER_QUERY = 500
"""Bound parameters per lookup, far below any database's limit."""
_SET_SECTOR = (
    sa.update(actors)
    .where(actors.c.id == sa.bindparam("row_id"))
    .values(sector=sa.bindparam("new_sector"))
)
_INSERT_ACTOR_BY_DIALECT = {
    "sqlite": sqlite.insert(actors).on_conflict_do_nothing(),
    "postgresql": postgresql.insert(actors).on_conflict_do_nothing(),
}
"""Insert unless an equal actor exists, safe against a concurrent writer; other
databases get a plain insert, which is fine for a single writer."""


def _actor_key(actor: Actor) -> ActorKey:
    return normalise_name(actor.name), actor.kind, actor.country or ""


def _find_actor_rows(conn: Connection, keys: Iterable[ActorKey]) -> dict[ActorKey, list[Any]]:
    """[row id, sector] of each key already stored, one query per few hundred names."""

    wanted = set(keys)
    names = sorted({name_key for name_key, _, _ in wanted})
    found: dict[ActorKey, list[Any]] = {}
    for start in range(0, len(names), ACTOR_NAMES_PER_QUERY):
        chunk = names[start : start + ACTOR_NAMES_PER_QUERY]
        for row in conn.execute(_FIND_ACTORS_NAMED, {"name_keys": chunk}):
            key = (row.name_key, row.kind, row.country)
            if key in wanted:
                found[key] = [int(row.id), row.sector]
    return found


def actor_row_ids(conn: Connection, named: Sequence[Actor]) -> list[int]:
    """The corpus-wide rows of an article's actors, in order, created on first sight.

    The first article to name an actor gives the row its display name; a
    sector learnt later fills a gap but never overwrites. One query finds
    the rows that exist, one insert adds the new ones in the article's order
    (the ids one insert an actor would give), one query reads their ids and
    one update fills sectors: a few statements an article, not two or three
    an actor.
    """

    keys = [_actor_key(actor) for actor in named]
    rows = _find_actor_rows(conn, keys)
    created: dict[ActorKey, Actor] = {}
    for key, actor in zip(keys, named, strict=True):
        if key not in rows:
            created.setdefault(key, actor)
    if created:
        statement = _INSERT_ACTOR_BY_DIALECT.get(conn.dialect.name, sa.insert(actors))
        conn.execute(
            statement,
            [
                {"name": actor.name, "sector": actor.sector}
                | dict(zip(_ACTOR_KEY, key, strict=True))
                for key, actor in created.items()
            ],
        )
        rows.update(_find_actor_rows(conn, created))
        if missing := [key for key in created if key not in rows]:
            raise StoreError(f"the database did not keep the new actor rows {missing}.")
    sectors: list[dict[str, Any]] = []
    for key, actor in zip(keys, named, strict=True):
        row = rows[key]
        if created.get(key) is actor:
            continue  # the row this actor made (or a concurrent writer's): as found
        if row[1] is None and actor.sector is not None:
            row[1] = actor.sector
            sectors.append({"row_id": row[0], "new_sector": actor.sector})
    if sectors:
        conn.execute(_SET_SECTOR, sectors)
    return [rows[key][0] for key in keys]


def _save_actors(conn: Connection, extraction: Extraction) -> dict[str, int]:
    article = extraction.article
    local_to_row: dict[str, int] = {}
    actor_rows: list[dict[str, Any]] = []
    mention_rows: list[dict[str, Any]] = []
    local_ids = [actor.id for actor in extraction.actors]
    if len(set(local_ids)) < len(local_ids):
        shared = next(i for i in local_ids if local_ids.count(i) > 1)
        raise StoreError(f"article {article.id}: two actors share the id {shared!r}.")
    row_ids = actor_row_ids(conn, extraction.actors)
    for actor, row_id in zip(extraction.actors, row_ids, strict=True):
        local_to_row[actor.id] = row_id
        actor_rows.append(
            {
                "article_id": article.id,
                "local_id": actor.id,
                "actor_id": row_id,
                "role": actor.role,
                "confidence": actor.confidence,
            }
        )
        mention_rows += [
            {"article_id": article.id, "actor_id": row_id, "text": span.text(article.text)}
            | _span_values(span)
            for span in sorted(set(actor.mentions))
        ]
    _insert_many(conn, article_actors, actor_rows)
    _insert_many(conn, mentions, mention_rows)
    return local_to_row


def _span_values(span: Span) -> dict[str, int]:
    return {"start": span.start, "end": span.end, "sentence": span.sentence}


def _inserted_id(result: CursorResult[Any]) -> int:
    """Primary key of a one-row insert, read without RETURNING for old SQLite."""

    key = result.inserted_primary_key
    if key is None or key[0] is None:
        raise StoreError("the database did not report the id of a new row.")
    return int(key[0])


def _insert_many(conn: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(sa.insert(table), rows)


def _resolve(extraction: Extraction, local_to_row: dict[str, int], local_id: str, what: str) -> int:
    """Row id of an actor a fact refers to; a dangling reference is a stage bug."""

    try:
        return local_to_row[local_id]
    except KeyError:
        raise StoreError(
            f"article {extraction.article.id}: {what} refers to actor {local_id!r}, "
            "which is not among the article's actors."
        ) from None


def _save_sentences(conn: Connection, article_id: str, spans: Iterable[Span]) -> None:
    rows = [
        {"article_id": article_id, "idx": idx, "start": span.start, "end": span.end}
        for idx, span in enumerate(spans)
    ]
    _insert_many(conn, sentences, rows)


def _save_quotes(conn: Connection, extraction: Extraction, local_to_row: dict[str, int]) -> None:
    rows = []
    for quote in extraction.quotes:
        speaker = None
        if quote.speaker is not None:
            speaker = _resolve(extraction, local_to_row, quote.speaker, "a quote's speaker")
        rows.append(
            {
                "article_id": extraction.article.id,
                "kind": quote.kind,
                "text": quote.text,
                "speaker_id": speaker,
                "cue_start": quote.cue.start if quote.cue else None,
                "cue_end": quote.cue.end if quote.cue else None,
                "source_start": quote.source.start if quote.source else None,
                "source_end": quote.source.end if quote.source else None,
                "confidence": quote.confidence,
            }
            | _span_values(quote.span)
        )
    _insert_many(conn, quotes, rows)


def _actor_names(extraction: Extraction, local_ids: list[str]) -> list[str]:
    """Names, not article-local ids: they mean the same in every article."""

    return [a.name for i in local_ids if (a := extraction.actor(i)) is not None]


def _save_amounts(conn: Connection, extraction: Extraction) -> None:
    rows = [
        {
            "article_id": extraction.article.id,
            "text": amount.text,
            "value": amount.value,
            "unit": amount.unit,
            "measure": amount.measure,
            "measure_start": amount.measure_span.start if amount.measure_span else None,
            "measure_end": amount.measure_span.end if amount.measure_span else None,
            "period": amount.period,
            "approximate": amount.approximate,
            "bound": amount.bound,
            "change": amount.change,
            "direction": amount.direction,
            "low": amount.low,
            "high": amount.high,
            "parties": _actor_names(extraction, amount.parties),
            "confidence": amount.confidence,
        }
        | _span_values(amount.span)
        for amount in extraction.amounts
    ]
    _insert_many(conn, amounts, rows)


def _save_events(conn: Connection, extraction: Extraction, local_to_row: dict[str, int]) -> None:
    for event in extraction.events:
        result = conn.execute(
            _INSERT_EVENT,
            {
                "article_id": extraction.article.id,
                "type": event.type,
                "place": event.place,
                "date": event.date,
                "mode": event.mode,
                "cameo": event.cameo,
                "intensity": event.intensity,
                "supporting": [[s.start, s.end, s.sentence] for s in event.supporting],
                "confidence": event.confidence,
            }
            | _span_values(event.evidence),
        )
        event_id = _inserted_id(result)
        what = f"a {event.type} event"
        participants = [
            {
                "event_id": event_id,
                "actor_id": _resolve(extraction, local_to_row, local_id, what),
                "side": side,
                "position": position,
            }
            for side, local_ids in (("source", event.actors), ("target", event.targets))
            for position, local_id in enumerate(local_ids)
        ]
        _insert_many(conn, event_participants, participants)


def _save_places(conn: Connection, extraction: Extraction) -> None:
    for place in extraction.places:
        result = conn.execute(
            _INSERT_PLACE,
            {
                "article_id": extraction.article.id,
                "name": place.name,
                "country": place.country,
                "lat": place.lat,
                "lon": place.lon,
                "kind": place.kind,
            },
        )
        place_id = _inserted_id(result)
        spans = _distinct_starts(place.spans)
        rows = [{"place_id": place_id} | _span_values(span) for span in spans]
        _insert_many(conn, place_mentions, rows)


def _distinct_starts(spans: Iterable[Span]) -> list[Span]:
    """One span per start offset (the longest), matching the table's key."""

    by_start: dict[int, Span] = {}
    for span in spans:
        if span.start not in by_start or span.end > by_start[span.start].end:
            by_start[span.start] = span
    return sorted(by_start.values())
