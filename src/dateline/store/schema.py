"""Tables of the store, in SQLAlchemy Core so SQLite and PostgreSQL share them.

Only portable column types are used (no SQLite-only SQL), so pointing
`Store(url)` at a `postgresql://` URL needs no other change. Every fact row
keeps the character offsets (`start`, `end`, `sentence`) of its evidence in
`articles.text`; the surface strings are stored too so queries need not cut
the text.

Actors are the one corpus-wide table: a person met in two articles is one
row, keyed by `(name_key, kind, country)`. `country` is `''` rather than NULL
where unknown, because SQL treats NULLs as distinct in a UNIQUE constraint
and would let the same unplaced actor in twice.
"""

from __future__ import annotations

import sqlalchemy as sa

SCHEMA_VERSION = "7"
"""Bump when a table changes, with a step in `store/migrate.py` from the version
before; `Store(url)` upgrades an older store it has a step for and refuses any
other version.

An index added later needs no bump: opening a store for writing creates the
indexes it lacks (`create_missing_indexes`), and a store without them still
reads the same, only slower."""

metadata = sa.MetaData()

store_info = sa.Table(
    "store_info",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("title", sa.Text),
    sa.Column("dateline_place", sa.Text),
    sa.Column("dateline_agency", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("text_hash", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    # Where the article came from (version 5): a page's author and site name,
    # the file (and JSONL line) it was read from, when it was fetched or archived.
    sa.Column("author", sa.Text),
    sa.Column("site", sa.Text),
    sa.Column("path", sa.Text),
    sa.Column("line", sa.Integer),
    sa.Column("captured", sa.DateTime(timezone=True)),
    sa.Index("ix_articles_published", "published"),
    sa.Index("ix_articles_source", "source"),
    sa.Index("ix_articles_ingested_at", "ingested_at"),
    # Covers what a list of articles shows beside an id, so a page of an actor's
    # 20,000 articles is sorted without reading their texts.
    sa.Index("ix_articles_listing", "id", "published", "title", "source"),
)


def _article_fk() -> sa.Column[str]:
    return sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id"), nullable=False)


def _span_columns() -> list[sa.Column[int]]:
    return [
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("sentence", sa.Integer, nullable=False),
    ]


sentences = sa.Table(
    "sentences",
    metadata,
    _article_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.PrimaryKeyConstraint("article_id", "idx"),
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("name_key", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("country", sa.Text, nullable=False, server_default=""),
    sa.Column("sector", sa.Text),
    sa.UniqueConstraint("name_key", "kind", "country", name="uq_actors_identity"),
)

article_actors = sa.Table(
    "article_actors",
    metadata,
    _article_fk(),
    sa.Column("local_id", sa.Text, nullable=False),
    sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.id"), nullable=False),
    sa.Column("role", sa.Text),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.PrimaryKeyConstraint("article_id", "local_id"),
    sa.Index("ix_article_actors_actor", "actor_id"),
    # Covers an actor's articles and roles, and an article's actors, read without
    # touching the table.
    sa.Index("ix_article_actors_actor_article", "actor_id", "article_id", "role"),
    sa.Index("ix_article_actors_article_actor", "article_id", "actor_id"),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.id"), nullable=False),
    *_span_columns(),
    sa.Column("text", sa.Text, nullable=False),
    sa.Index("ix_mentions_article", "article_id"),
    sa.Index("ix_mentions_actor", "actor_id"),
    # The words naming an actor in a page of its articles, without its other mentions.
    sa.Index("ix_mentions_actor_article", "actor_id", "article_id"),
)

quotes = sa.Table(
    "quotes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    *_span_columns(),
    sa.Column("speaker_id", sa.Integer, sa.ForeignKey("actors.id")),
    sa.Column("cue_start", sa.Integer),
    sa.Column("cue_end", sa.Integer),
    sa.Column("source_start", sa.Integer),
    sa.Column("source_end", sa.Integer),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Index("ix_quotes_article", "article_id"),
    sa.Index("ix_quotes_speaker", "speaker_id"),
    sa.Index("ix_quotes_speaker_article", "speaker_id", "article_id"),
)

amounts = sa.Table(
    "amounts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    sa.Column("text", sa.Text, nullable=False),
    *_span_columns(),
    sa.Column("value", sa.Float),
    sa.Column("unit", sa.Text),
    sa.Column("measure", sa.Text),
    sa.Column("measure_start", sa.Integer),
    sa.Column("measure_end", sa.Integer),
    sa.Column("period", sa.Text),
    sa.Column("approximate", sa.Boolean, nullable=False),
    sa.Column("bound", sa.Text),
    sa.Column("change", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("direction", sa.Text),
    sa.Column("low", sa.Float),
    sa.Column("high", sa.Float),
    sa.Column("parties", sa.JSON),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Index("ix_amounts_article", "article_id"),
    sa.Index("ix_amounts_unit_measure", "unit", "measure"),
    sa.Index("ix_amounts_measure", "measure"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("place", sa.Text),
    sa.Column("date", sa.Text),
    sa.Column("mode", sa.Text),
    sa.Column("cameo", sa.Text),
    sa.Column("intensity", sa.Float),
    sa.Column("supporting", sa.JSON),
    *_span_columns(),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Index("ix_events_article", "article_id"),
    sa.Index("ix_events_type_date", "type", "date"),
)

event_participants = sa.Table(
    "event_participants",
    metadata,
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False),
    sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.id"), nullable=False),
    sa.Column("side", sa.Text, nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.PrimaryKeyConstraint("event_id", "side", "position"),
    sa.CheckConstraint("side IN ('source', 'target')", name="ck_event_participants_side"),
    sa.Index("ix_event_participants_actor", "actor_id"),
    # Covers the events an actor takes part in, on which side.
    sa.Index("ix_event_participants_actor_event", "actor_id", "event_id", "side"),
)

places = sa.Table(
    "places",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("country", sa.Text),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("kind", sa.Text),
    sa.Index("ix_places_article", "article_id"),
    sa.Index("ix_places_name", "name"),
    # Covers the map's grouping of places by name and coordinates.
    sa.Index("ix_places_located", "name", "lat", "lon", "article_id"),
)

place_mentions = sa.Table(
    "place_mentions",
    metadata,
    sa.Column("place_id", sa.Integer, sa.ForeignKey("places.id"), nullable=False),
    *_span_columns(),
    sa.PrimaryKeyConstraint("place_id", "start"),
)

# Copies (version 6): every republished copy of a stored article is kept as a
# record of the first, and each stored article has a fingerprint to find them
# by: its normalised text's hash (exact copies) and the LSH band buckets of
# its MinHash signature (near copies), see `store/copies.py`.
article_fingerprints = sa.Table(
    "article_fingerprints",
    metadata,
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("text_key", sa.Text, nullable=False),
    sa.Column("signature", sa.LargeBinary),
    sa.Index("ix_article_fingerprints_text_key", "text_key"),
)

article_bands = sa.Table(
    "article_bands",
    metadata,
    sa.Column("bucket", sa.Text, nullable=False),
    _article_fk(),
    sa.PrimaryKeyConstraint("bucket", "article_id"),
    sa.Index("ix_article_bands_article", "article_id"),
)

article_copies = sa.Table(
    "article_copies",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    sa.Column("copy_id", sa.Text, nullable=False, unique=True),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("similarity", sa.Float, nullable=False),
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("author", sa.Text),
    sa.Column("path", sa.Text),
    sa.Column("line", sa.Integer),
    sa.Column("captured", sa.DateTime(timezone=True)),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('exact', 'near')", name="ck_article_copies_kind"),
    sa.Index("ix_article_copies_article", "article_id"),
)

# Watching feeds (version 7): what `dateline watch` has seen of each source, so
# a restarted watch asks only for what is new and ingests only new items.
watched_sources = sa.Table(
    "watched_sources",
    metadata,
    sa.Column("url", sa.Text, primary_key=True),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
)

watched_items = sa.Table(
    "watched_items",
    metadata,
    sa.Column("source", sa.Text, sa.ForeignKey("watched_sources.url"), nullable=False),
    sa.Column("item", sa.Text, nullable=False),
    sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint("source", "item"),
)

ARTICLE_FACT_TABLES = (
    sentences,
    article_actors,
    mentions,
    quotes,
    amounts,
    events,
    places,
    article_bands,
    article_fingerprints,
)
"""Tables whose rows belong to one article through `article_id` and are
written anew with it (its copies stay: they are records of other deliveries)."""
