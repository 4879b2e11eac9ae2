"""Reading the store back: quotes, counts, summaries, ids."""

from __future__ import annotations

import json
from datetime import date

import pytest

from dateline.errors import NotFound
from dateline.model import Extraction
from dateline.store import Page, Store


@pytest.fixture
def filled(store: Store, seed: Extraction, tass: Extraction) -> Store:
    store.save(seed)
    store.save(tass)
    return store


def test_quote_listing_by_speaker_ignores_case_and_accents(filled: Store) -> None:
    mishustin = filled.quotes.page(speaker="MISHUSTIN").items
    assert [q.speaker for q in mishustin] == ["Mikhail Mishustin"] * 2
    assert mishustin[1].text.startswith("Our cooperation has stood the test of time")
    assert len(filled.quotes.page(speaker="smaílov").items) == 3
    assert filled.quotes.page(speaker="Putin").items == []


def test_quote_listing_rows_point_at_their_article(filled: Store, seed: Extraction) -> None:
    row = filled.quotes.page(speaker="mishustin", limit=1).items[0]
    assert set(row.as_dict()) == {
        "article_id",
        "published",
        "speaker",
        "source",
        "kind",
        "text",
        "start",
        "end",
    }
    assert row.article_id == seed.article.id
    assert row.source == "Mishustin"
    assert row.published == "2022-07-04"
    assert seed.article.text[row.start : row.end] == row.text


def test_quote_listing_by_content_since_and_limit(filled: Store) -> None:
    assert [q.speaker for q in filled.quotes.page(contains="TEST OF TIME").items] == [
        "Mikhail Mishustin"
    ]
    assert filled.quotes.page(contains="100%").items == []
    recent = filled.quotes.page(since=date(2024, 1, 1)).items
    assert [(q.article_id, q.speaker) for q in recent] == [("tass-1893813", "Gennady Bezdetko")]
    everything = filled.quotes.page().items
    assert len(everything) == 6
    # Newest article first, then in text order.
    assert everything[0].article_id == "tass-1893813"
    assert [q.start for q in everything[1:]] == sorted(q.start for q in everything[1:])
    assert filled.quotes.page(limit=2) == Page(everything[:2], len(everything))
    assert filled.quotes.page(limit=2, offset=2).items == everything[2:4]


def test_stats_counts_each_fact_type(filled: Store, seed: Extraction, tass: Extraction) -> None:
    stats = filled.stats()
    both = (seed, tass)
    assert stats.articles == 2
    assert stats.quotes == sum(len(e.quotes) for e in both)
    assert stats.amounts == len(seed.amounts)
    assert stats.events == len(seed.events)
    assert stats.places == sum(len(e.places) for e in both)
    assert stats.mentions == sum(len(a.mentions) for e in both for a in e.actors)
    assert stats.articles_by_source == {"Kazinform": 1, "TASS": 1}


def test_summary_shows_the_newest_article_by_name(filled: Store, tass: Extraction) -> None:
    summary = filled.articles.summary()
    assert summary["article"]["id"] == tass.article.id
    assert summary["quotes"][0]["speaker"] == "Gennady Bezdetko"
    people = {a["name"]: a for a in summary["actors"]}
    assert people["Mikhail Mishustin"]["role"] == "Prime Minister"
    assert people["Gennady Bezdetko"]["country"] == "RUS"


def test_newest_article_ids_in_ingest_order(
    filled: Store, seed: Extraction, tass: Extraction
) -> None:
    assert filled.articles.newest(5) == [tass.article.id, seed.article.id]
    filled.save(seed)  # Re-ingesting makes it the newest again.
    assert filled.articles.newest() == [seed.article.id]
    assert filled.articles.newest(0) == []


def test_summary_of_a_given_article(filled: Store, seed: Extraction) -> None:
    summary = filled.articles.summary(seed.article.id)
    consult = next(e for e in summary["events"] if e["type"] == "CONSULT")
    assert consult["actors"] == ["Alikhan Smailov"]
    assert consult["targets"] == ["Mikhail Mishustin"]
    assert {a["text"] for a in summary["amounts"]} >= {"$24.2bn", "$9.2bn"}
    assert summary["article"]["dateline"] == "Yekaterinburg"


def test_summary_of_missing_article_or_empty_store_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound, match="no articles yet"):
        store.articles.summary()
    with pytest.raises(NotFound, match="no article with id 'nope'"):
        store.articles.summary("nope")


def test_read_results_are_plain_json(filled: Store, seed: Extraction) -> None:
    article = filled.articles.get(seed.article.id)
    assert article is not None
    for value in (
        article.as_dict(),
        filled.quotes.page().as_dicts(),
        filled.stats().as_dict(),
        filled.articles.summary(),
    ):
        json.dumps(value)


def test_unknown_article_reads_as_none(filled: Store) -> None:
    assert filled.articles.get("kazinform-1999-01-01-nothing") is None
    assert filled.articles.ids() == {"kazinform-2022-07-04-smailov-mishustin", "tass-1893813"}
