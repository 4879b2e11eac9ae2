"""Where an article came from is stored, and a version 4 store is upgraded in place.

Schema version 5 keeps each article's author, site, file, JSONL line and
capture time (issue 19). A store written by version 4 gains the columns
when it is next opened for writing, keeping every article it had; a
reading command on it says how to upgrade instead of failing on a column.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from dateline.errors import StoreError
from dateline.model import Extraction
from dateline.store import Store
from dateline.store.schema import SCHEMA_VERSION, store_info

CAPTURED = datetime(2024, 12, 26, 21, 9, 18, tzinfo=UTC)


def with_origin(found: Extraction) -> Extraction:
    article = dataclasses.replace(
        found.article,
        author="Kazinform correspondent",
        site="Kazinform",
        path="feeds/kazinform.jsonl",
        line=7,
        captured=CAPTURED,
    )
    return dataclasses.replace(found, article=article)


def test_origin_fields_are_stored_and_shown(store: Store, seed: Extraction) -> None:
    store.save(with_origin(seed))

    stored = store.articles.get(seed.article.id)

    assert stored is not None
    article = stored.extraction.article
    assert (article.author, article.site, article.path, article.line) == (
        "Kazinform correspondent",
        "Kazinform",
        "feeds/kazinform.jsonl",
        7,
    )
    assert article.captured == CAPTURED
    meta = stored.as_dict()["meta"]
    assert meta["path"] == "feeds/kazinform.jsonl" and meta["line"] == 7
    assert meta["captured"] == "2024-12-26T21:09:18+00:00"


def test_an_article_without_origin_shows_every_key_as_null(store: Store, tass: Extraction) -> None:
    store.save(tass)

    stored = store.articles.get(tass.article.id)

    assert stored is not None
    meta = stored.as_dict()["meta"]
    assert {meta[key] for key in ("author", "site", "path", "line", "captured")} == {None}


def downgrade_to_version_4(url: str) -> None:
    """The store as version 4 wrote it: no origin columns, stamped "4"."""

    engine = sa.create_engine(url)
    with engine.begin() as conn:
        for column in ("author", "site", "path", "line", "captured"):
            conn.exec_driver_sql(f"ALTER TABLE articles DROP COLUMN {column}")
        conn.execute(sa.update(store_info).values(value="4"))
    engine.dispose()


def test_a_version_4_store_is_upgraded_keeping_its_articles(
    store: Store, seed: Extraction, tass: Extraction
) -> None:
    store.save(seed)
    url = store.engine.url.render_as_string(hide_password=False)
    store.close()
    downgrade_to_version_4(url)

    with pytest.raises(StoreError, match="the next `dateline ingest` into it upgrades it"):
        Store(url, readonly=True)
    with Store(url) as upgraded:
        upgraded.save(with_origin(tass))
        assert upgraded.articles.ids() == {seed.article.id, tass.article.id}
        kept = upgraded.articles.get(seed.article.id)
        assert kept is not None and kept.extraction.article.text == seed.article.text
        newer = upgraded.articles.get(tass.article.id)
        assert newer is not None and newer.extraction.article.line == 7
    with Store(url, readonly=True) as reopened:
        with reopened.transaction("reading the version") as conn:
            version = conn.execute(sa.select(store_info.c.value)).scalar_one()
        assert version == SCHEMA_VERSION
