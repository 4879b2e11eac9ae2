"""Full-text search over stored quotes (`dateline quotes --search`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.errors import StoreError
from dateline.model import Extraction
from dateline.store import QuoteRow, Store
from dateline.store.search import search_method, search_words


@pytest.fixture
def filled(store: Store, seed: Extraction, tass: Extraction) -> Store:
    store.save(seed)
    store.save(tass)
    return store


def texts(rows: Sequence[QuoteRow]) -> list[str]:
    return [row.text for row in rows]


def test_search_finds_every_word_in_any_form(filled: Store) -> None:
    rows = filled.quotes.search("cooperation external challenges").items
    assert [row.speaker for row in rows] == ["Mikhail Mishustin"]
    assert rows[0].text.startswith("Our cooperation has stood the test of time")
    assert filled.quotes.search("cooperation Vietnam").items == []


def test_search_stems_words_like_the_database_does(filled: Store) -> None:
    if filled.engine.dialect.name == "sqlite":
        with filled.engine.begin() as conn:
            if search_method(conn) != "fts5":
                pytest.skip("this SQLite has no FTS5")
    found = texts(filled.quotes.search("developments contact").items)
    assert len(found) == 1 and "business contacts" in found[0]


def test_search_ranks_and_filters_like_the_quote_listing(filled: Store, seed: Extraction) -> None:
    rows = filled.quotes.search("cooperation").items
    assert {row.speaker for row in rows} == {"Alikhan Smailov", "Mikhail Mishustin"}
    with filled.engine.begin() as conn:
        ranked = search_method(conn) != "like"
    assert all((row.rank is not None) == ranked for row in rows)
    # "industrial cooperation is one of the priority areas of cooperation" says it twice.
    assert rows[0].text.startswith("industrial cooperation")
    assert texts(filled.quotes.search("cooperation", speaker="mishustin").items) == texts(
        filled.quotes.page(speaker="mishustin", contains="cooperation").items
    )
    assert filled.quotes.search("visit", since=date(2024, 1, 1)).items[0].speaker == (
        "Gennady Bezdetko"
    )
    assert filled.quotes.search("cooperation", since=date(2024, 1, 1)).items == []
    row = filled.quotes.search("stable", limit=1).items[0]
    assert seed.article.text[row.start : row.end] == row.text


def test_index_follows_later_saves_and_reingest(store: Store, seed: Extraction) -> None:
    assert store.quotes.search("cooperation").items == []  # the index exists from the start
    store.save(seed)
    assert len(store.quotes.search("cooperation").items) == 2
    # Re-ingesting the article without its quotes drops them from the index too.
    store.save(replace(seed, quotes=[]))
    assert store.quotes.search("cooperation").items == []


def test_search_treats_operators_and_quotes_as_words(filled: Store) -> None:
    assert search_words('"test of time" AND stable*') == ["test", "of", "time", "and", "stable*"]
    assert filled.quotes.search('NEAR "test" OR').items == []  # "near" and "or" are plain words
    assert len(filled.quotes.search("stab*").items) == 1
    with pytest.raises(StoreError, match="no word"):
        filled.quotes.search(" -- ")


def test_cli_quotes_search(db_path: Path, seed: Extraction, tass: Extraction) -> None:
    with Store(str(db_path)) as store:
        store.save(seed)
        store.save(tass)
    runner = CliRunner()
    result = runner.invoke(
        main,
        ["quotes", "--db", str(db_path), "--search", "trade relations", "--since", "2024-01-01"],
    )
    assert result.exit_code == 0, result.output
    assert "Gennady Bezdetko" in result.output and "Smailov" not in result.output
    empty = runner.invoke(main, ["quotes", "--db", str(db_path), "--search", "?!"])
    assert empty.exit_code == 1
    assert "no word to look for" in empty.output
