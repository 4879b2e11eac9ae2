"""What keeps large stores fast stays true to the store: the cache forgets on any
change, the indexes an older store lacks are added when it is opened for writing,
and the article index follows every save."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from dateline.model import Extraction
from dateline.store import Store
from dateline.store import cache as cache_module
from dateline.store.cache import StoreCache
from dateline.store.events import _matching_actor_ids, actor_matches
from dateline.store.schema import actors


def test_a_reading_after_a_save_sees_the_save(store: Store, seed: Extraction) -> None:
    assert store.stats().articles == 0
    assert store.actors.page(name="smailov").total == 0
    store.save(seed)
    assert store.stats().articles == 1
    assert store.actors.page(name="smailov").items[0].articles == 1


def test_a_reader_forgets_what_another_writer_changed(
    db_path: Path, seed: Extraction, tass: Extraction
) -> None:
    with Store(str(db_path)) as writer:
        writer.save(seed)
    with Store(str(db_path), readonly=True) as reader:
        reader.cache = StoreCache(reader.engine, check_every=0)
        mishustin = reader.actors.find("Mikhail Mishustin")[0]
        assert mishustin.articles == 1
        with Store(str(db_path)) as writer:
            writer.save(tass)  # names Mishustin again
        assert reader.actors.find("Mikhail Mishustin")[0].articles == 2
        assert reader.stats().articles == 2


def test_one_computation_for_many_askers(db_path: Path, seed: Extraction) -> None:
    with Store(str(db_path)) as store:
        store.save(seed)
        calls: list[int] = []

        def slow() -> int:
            calls.append(1)
            time.sleep(0.2)
            return 42

        answers: list[int] = []
        threads = [
            threading.Thread(target=lambda: answers.append(store.cache.get("k", slow)))
            for _ in range(8)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert answers == [42] * 8 and len(calls) == 1


def test_the_cache_stays_within_its_bounds(
    db_path: Path, seed: Extraction, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "MAX_ITEMS", 100)
    with Store(str(db_path)) as store:
        store.save(seed)
        for n in range(10):
            store.cache.get(("list", n), lambda n=n: list(range(30)))  # type: ignore[misc]
        kept = [n for n in range(10) if ("list", n) in store.cache._entries]
        assert kept == [7, 8, 9]  # the least recently used went first
        assert store.cache._items == 90


def test_sides_matched_in_sql_are_those_the_rule_names(
    store: Store, seed: Extraction, tass: Extraction
) -> None:
    store.save(seed)
    store.save(tass)
    with store.engine.connect() as conn:
        every = list(conn.execute(sa.select(actors.c.id, actors.c.name, actors.c.country)))
        for wanted in ("KAZ", "rus", "mishustin", "Mikhail Mishustin", "prime", "Vietnam", "xyz"):
            expected = sorted(r.id for r in every if actor_matches(wanted, r.name, r.country, r.id))
            assert sorted(_matching_actor_ids(conn, wanted)) == expected, wanted
        assert expected == []  # "xyz" names nobody


def test_opening_for_writing_adds_the_indexes_an_older_store_lacks(
    db_path: Path, seed: Extraction
) -> None:
    with Store(str(db_path)) as store:
        store.save(seed)
    engine = sa.create_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX ix_article_actors_actor_article")
        for name in ("articles_fts_insert", "articles_fts_delete", "articles_fts_update"):
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
        conn.exec_driver_sql("DROP TABLE articles_fts")
        conn.exec_driver_sql("DROP TABLE article_search_keys")

    def names() -> set[str]:
        with engine.connect() as conn:
            found = conn.exec_driver_sql("SELECT name FROM sqlite_master").scalars()
            return set(found)

    with Store(str(db_path), readonly=True) as reader:
        assert "ix_article_actors_actor_article" not in names()  # reading adds nothing
        assert reader.articles.page(words="INNOPROM").total == 1  # found without the index
    with Store(str(db_path)) as store:
        assert {"ix_article_actors_actor_article", "articles_fts"} <= names()
        assert store.articles.page(words="INNOPROM").total == 1  # filled from what is stored
    engine.dispose()


def test_the_article_index_follows_saves_and_corrections(
    store: Store, seed: Extraction, tass: Extraction
) -> None:
    store.save(seed)
    store.save(tass)
    assert {a.id for a in store.articles.page(words="Vietnam visit").items} == {tass.article.id}
    assert store.articles.page(words="exhibitions").total == 1  # stemmed: "exhibition's"
    corrected = replace(
        tass,
        article=replace(
            tass.article,
            text=tass.article.text.replace("Vietnam", "Myanmar"),
            title=(tass.article.title or "").replace("Vietnam", "Myanmar"),
        ),
        actors=[],
        quotes=[],
        places=[],
    )
    store.save(corrected, replace=True)
    assert store.articles.page(words="Myanmar").total == 1
    assert store.articles.page(words="Vietnam visit").total == 0
    assert store.articles.page(words="Mishustin").total == 2


def test_map_and_measures_are_counted_by_the_database(
    store: Store, seed: Extraction, tass: Extraction
) -> None:
    store.save(seed)
    store.save(tass)
    mapped = store.places.mapped(limit=2)
    assert mapped.total == 3 and len(mapped.items) == 2
    first = mapped.items[0]
    assert (first.name, first.event_count, first.article_count) == ("Yekaterinburg", 1, 1)
    assert [e.type for e in first.events] == ["CONSULT"]
    assert store.places.mapped(offset=2).items[0].event_count == 0
    measures = store.figures.measures(limit=1)
    assert measures[0].measure == "bilateral trade turnover between kazakhstan and russia"
    assert measures[0].count == 2
