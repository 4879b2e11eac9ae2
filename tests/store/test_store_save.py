"""Writing extractions: round trip, re-ingest, shared actors, atomicity, opening."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from dateline.errors import StoreError
from dateline.model import Extraction, Quote
from dateline.store import Store, database_url, normalise_name
from dateline.store.schema import store_info


def _stored(store: Store, article_id: str) -> dict[str, Any] | None:
    """The article as `dateline show --json` prints it."""

    found = store.articles.get(article_id)
    return None if found is None else found.as_dict()


def _span_text(article: dict[str, Any], span: dict[str, int]) -> str:
    return str(article["text"][span["start"] : span["end"]])


def test_save_reports_a_new_article(store: Store, seed: Extraction) -> None:
    assert store.save(seed) is True
    assert store.articles.ids() == {seed.article.id}


def test_every_fact_type_reads_back_with_its_spans(store: Store, seed: Extraction) -> None:
    store.save(seed)
    article = _stored(store, seed.article.id)

    assert article is not None
    assert article["text"] == seed.article.text
    assert article["meta"]["date"] == "2022-07-04"
    assert article["meta"]["dateline"] == "Yekaterinburg"
    assert article["meta"]["agency"] == "Kazinform"
    assert article["meta"]["ingested_at"].endswith("+00:00")
    assert len(article["sentences"]) == len(seed.sentences)

    actors = {a["id"]: a for a in article["actors"]}
    assert set(actors) == {a.id for a in seed.actors}
    smailov = actors["smailov"]
    assert (smailov["name"], smailov["country"], smailov["role"]) == (
        "Alikhan Smailov",
        "KAZ",
        "Prime Minister",
    )
    assert smailov["mentions"][:2] == ["Alikhan Smailov", "the Kazakh Premier"]
    assert "the Head of the Kazakh Cabinet of Ministers" in smailov["mentions"]
    assert len(smailov["spans"]) == len(seed.actor("smailov").mentions)  # type: ignore[union-attr]
    for actor in article["actors"]:
        for span in actor["spans"]:
            assert _span_text(article, span) == span["text"]
    assert actors["kazakh-government"]["confidence"] == pytest.approx(0.8)
    # Actors come in order of first mention: the two premiers before the government.
    order = [a["id"] for a in article["actors"]]
    assert order.index("smailov") < order.index("kazakh-government")

    assert len(article["quotes"]) == len(seed.quotes)
    for stored, built in zip(
        article["quotes"], sorted(seed.quotes, key=lambda q: q.span), strict=True
    ):
        assert stored["text"] == built.text == _span_text(article, stored["span"])
        assert stored["speaker"] == built.speaker
        assert stored["span"]["sentence"] == built.span.sentence
    direct = next(q for q in article["quotes"] if q["text"].startswith("Our cooperation"))
    assert direct["speaker_name"] == "Mikhail Mishustin"
    assert direct["kind"] == "direct"
    assert direct["cue"]["text"] == "said"

    amounts = {a["text"]: a for a in article["amounts"]}
    assert amounts["$24.2bn"]["value"] == pytest.approx(24.2e9)
    assert amounts["$24.2bn"]["unit"] == "USD"
    assert amounts["$24.2bn"]["measure_span"]["text"] == amounts["$24.2bn"]["measure"]
    assert amounts["$9.2bn"]["period"] == "2022-01/2022-05"
    assert amounts["almost a third"]["approximate"] is True
    assert amounts["13"]["approximate"] is False
    for amount in article["amounts"]:
        assert _span_text(article, amount["span"]) == amount["text"]

    events = {e["type"]: e for e in article["events"]}
    consult = events["CONSULT"]
    assert (consult["actors"], consult["targets"]) == (["smailov"], ["mishustin"])
    assert consult["actor_names"] == ["Alikhan Smailov"]
    assert consult["target_names"] == ["Mikhail Mishustin"]
    assert (consult["place"], consult["date"]) == ("Yekaterinburg", "2022-07-04")
    assert consult["evidence"].startswith("a meeting between Prime Ministers")
    assert events["COOPERATE"]["actors"] == ["kazakhstan", "russia"]
    assert events["COOPERATE"]["targets"] == []

    places = {p["name"]: p for p in article["places"]}
    assert places["Yekaterinburg"]["lat"] == pytest.approx(56.8519)
    assert places["Yekaterinburg"]["kind"] == "city"
    assert [s["text"] for s in places["Russia"]["spans"]] == ["Russia"] * len(seed.places[1].spans)


def test_saving_twice_stores_one_article_and_no_duplicate_facts(
    store: Store, seed: Extraction
) -> None:
    store.save(seed)
    once = store.stats()
    assert store.save(seed) is False
    assert store.stats() == once
    assert len(_stored(store, seed.article.id)["quotes"]) == len(seed.quotes)  # type: ignore[index]


def test_reingest_replaces_facts_with_the_newer_output(store: Store, seed: Extraction) -> None:
    store.save(seed)
    first_ids = {a["id"]: a["actor_id"] for a in _stored(store, seed.article.id)["actors"]}  # type: ignore[index]
    newer = dataclasses.replace(
        seed,
        quotes=seed.quotes[:2],
        actors=[a for a in seed.actors if a.id != "kazakh-government"],
    )
    assert store.save(newer) is False

    article = _stored(store, seed.article.id)
    assert article is not None
    assert len(article["quotes"]) == 2
    assert "kazakh-government" not in {a["id"] for a in article["actors"]}
    # An actor still found keeps its row; one nobody cites any more is pruned.
    assert {a["id"]: a["actor_id"] for a in article["actors"]}["smailov"] == first_ids["smailov"]
    assert store.stats().actors == len(newer.actors)


def test_same_person_in_two_articles_is_one_actor_row(
    store: Store, seed: Extraction, tass: Extraction
) -> None:
    store.save(seed)
    store.save(tass)

    in_seed = _stored(store, seed.article.id)
    in_tass = _stored(store, tass.article.id)
    assert in_seed is not None and in_tass is not None
    seed_row = next(a["actor_id"] for a in in_seed["actors"] if a["id"] == "mishustin")
    tass_row = next(a["actor_id"] for a in in_tass["actors"] if a["id"] == "mikhail-mishustin")
    assert seed_row == tass_row
    # The first article to name him gives the display name.
    assert next(a["name"] for a in in_tass["actors"] if a["actor_id"] == tass_row) == (
        "Mikhail Mishustin"
    )
    # Mishustin is shared; Bezdetko and Vietnam are new.
    assert store.stats().actors == len(seed.actors) + 2


def _with_sector(extraction: Extraction, local_id: str, sector: str | None) -> Extraction:
    actors = [
        dataclasses.replace(a, sector=sector) if a.id == local_id else a for a in extraction.actors
    ]
    return dataclasses.replace(extraction, actors=actors)


def _row_of(store: Store, article_id: str, local_id: str) -> dict[str, Any]:
    article = _stored(store, article_id)
    assert article is not None
    return next(a for a in article["actors"] if a["id"] == local_id)


def test_a_sector_learnt_later_fills_the_gap_and_never_overwrites(
    store: Store, seed: Extraction, tass: Extraction
) -> None:
    store.save(_with_sector(tass, "mikhail-mishustin", None))
    assert _row_of(store, tass.article.id, "mikhail-mishustin")["sector"] is None
    store.save(_with_sector(seed, "mishustin", "government"))
    assert _row_of(store, tass.article.id, "mikhail-mishustin")["sector"] == "government"
    store.save(_with_sector(tass, "mikhail-mishustin", "military"))
    assert _row_of(store, tass.article.id, "mikhail-mishustin")["sector"] == "government"


def test_two_actors_of_one_article_with_one_name_share_a_row(
    store: Store, seed: Extraction
) -> None:
    mishustin = next(a for a in seed.actors if a.id == "mishustin")
    shouted = dataclasses.replace(
        mishustin, id="mishustin-caps", name=mishustin.name.upper(), sector="government"
    )
    unsure = dataclasses.replace(mishustin, sector=None)
    actors = [unsure if a.id == "mishustin" else a for a in seed.actors] + [shouted]
    store.save(dataclasses.replace(seed, actors=actors))

    first = _row_of(store, seed.article.id, "mishustin")
    second = _row_of(store, seed.article.id, "mishustin-caps")
    assert first["actor_id"] == second["actor_id"]
    # The row keeps the first spelling and takes the sector the second mention knows.
    assert (first["name"], first["sector"]) == (mishustin.name, "government")
    assert store.stats().actors == len(seed.actors)


def test_failure_mid_save_rolls_back_that_article_only(
    store: Store, seed: Extraction, tass: Extraction
) -> None:
    store.save(seed)
    before = store.stats()

    def fail_on_quotes(conn: sa.Connection, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("INSERT INTO quotes"):
            raise conn.dialect.loaded_dbapi.OperationalError("disk I/O error")

    sa.event.listen(store.engine, "before_cursor_execute", fail_on_quotes)
    with pytest.raises(StoreError, match="saving article tass-1893813"):
        store.save(tass)
    sa.event.remove(store.engine, "before_cursor_execute", fail_on_quotes)

    assert store.articles.ids() == {seed.article.id}
    assert store.stats() == before
    assert store.quotes.page(speaker="Bezdetko").items == []
    # The store still works after the failure.
    assert store.save(tass) is True


def test_failed_reingest_keeps_the_previous_version(store: Store, seed: Extraction) -> None:
    store.save(seed)
    before = _stored(store, seed.article.id)
    broken = dataclasses.replace(
        seed, quotes=[*seed.quotes, Quote("direct", "x", seed.quotes[0].span, "nobody")]
    )
    with pytest.raises(StoreError, match="'nobody'"):
        store.save(broken)
    after = _stored(store, seed.article.id)
    assert after is not None and before is not None
    assert after["quotes"] == before["quotes"]
    assert after["actors"] == before["actors"]


def test_span_outside_the_text_is_refused(store: Store, tass: Extraction) -> None:
    length = len(tass.article.text)
    mentions = tass.actors[0].mentions
    mentions.append(dataclasses.replace(mentions[0], end=length + 5))
    with pytest.raises(StoreError, match="outside the text"):
        store.save(tass)
    assert store.articles.ids() == set()


def test_plain_path_and_url_open_the_same_file(db_path: Path, seed: Extraction) -> None:
    assert database_url(str(db_path)) == f"sqlite:///{db_path}"
    with Store(str(db_path)) as store:
        store.save(seed)
    with Store(f"sqlite:///{db_path}") as store:
        assert store.articles.ids() == {seed.article.id}


def test_unwritable_path_gives_store_error(tmp_path: Path) -> None:
    not_a_directory = tmp_path / "notes.txt"
    not_a_directory.write_text("a file, not a folder\n")
    with pytest.raises(StoreError, match="directory exists and is writable"):
        Store(str(not_a_directory / "news.db"))


def test_file_that_is_not_a_database_gives_store_error(tmp_path: Path) -> None:
    bogus = tmp_path / "seed.jsonl"
    bogus.write_text('{"id": "x", "text": "not a database"}\n' * 200)
    with pytest.raises(StoreError, match="cannot open the database"):
        Store(str(bogus))


def test_bad_url_gives_store_error() -> None:
    with pytest.raises(StoreError, match="not a database URL"):
        Store("nosuchdb+driver://here")


def test_database_of_another_schema_version_is_refused(db_path: Path) -> None:
    Store(str(db_path)).close()
    engine = sa.create_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        conn.execute(sa.update(store_info).values(value="0"))
    engine.dispose()
    with pytest.raises(StoreError, match="schema version 0"):
        Store(str(db_path))


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Mikhail Mishustin", "mikhail mishustin"),
        ("  MIKHAIL\n MISHUSTIN ", "mikhail mishustin"),
        ("Recep Tayyip Erdoğan", "recep tayyip erdogan"),
        ("Kassym-Jomart Tokayev", "kassym-jomart tokayev"),
        ("STRASSE Straße", "strasse strasse"),
    ],
)
def test_normalise_name_folds_case_accents_and_space(raw: str, key: str) -> None:
    assert normalise_name(raw) == key
