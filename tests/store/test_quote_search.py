"""Full-text search over stored quotes (`dateline quotes --search`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.errors import StoreError
from dateline.model import Extraction
from dateline.store import Store
from dateline.store.search import ensure_quote_index, search_quotes, search_words


@pytest.fixture
def filled(store: Store, seed: Extraction, tass: Extraction) -> Store:
    store.save(seed)
    store.save(tass)
    return store


def texts(rows: list[dict]) -> list[str]:
    return [row["text"] for row in rows]


def test_search_finds_every_word_in_any_form(filled: Store) -> None:
    rows = search_quotes(filled, "cooperation external challenges")[0]
    assert [row["speaker"] for row in rows] == ["Mikhail Mishustin"]
    assert rows[0]["text"].startswith("Our cooperation has stood the test of time")
    assert search_quotes(filled, "cooperation Vietnam")[0] == []


def test_search_stems_words_like_the_database_does(filled: Store) -> None:
    if filled.engine.dialect.name == "sqlite":
        with filled.engine.begin() as conn:
            if ensure_quote_index(conn) != "fts5":
                pytest.skip("this SQLite has no FTS5")
    found = texts(search_quotes(filled, "developments contact")[0])
    assert len(found) == 1 and "business contacts" in found[0]


def test_search_ranks_and_filters_like_the_quote_listing(filled: Store, seed: Extraction) -> None:
    rows = search_quotes(filled, "cooperation")[0]
    assert {row["speaker"] for row in rows} == {"Alikhan Smailov", "Mikhail Mishustin"}
    with filled.engine.begin() as conn:
        ranked = ensure_quote_index(conn) != "like"
    assert all((row["rank"] is not None) == ranked for row in rows)
    # "industrial cooperation is one of the priority areas of cooperation" says it twice.
    assert rows[0]["text"].startswith("industrial cooperation")
    assert texts(search_quotes(filled, "cooperation", speaker="mishustin")[0]) == texts(
        filled.page_quotes(speaker="mishustin", contains="cooperation")[0]
    )
    assert search_quotes(filled, "visit", since=date(2024, 1, 1))[0][0]["speaker"] == (
        "Gennady Bezdetko"
    )
    assert search_quotes(filled, "cooperation", since=date(2024, 1, 1))[0] == []
    row = search_quotes(filled, "stable", limit=1)[0][0]
    assert seed.article.text[row["start"] : row["end"]] == row["text"]


def test_index_follows_later_saves_and_reingest(store: Store, seed: Extraction) -> None:
    assert search_quotes(store, "cooperation")[0] == []  # creates the index on an empty store
    store.save(seed)
    assert len(search_quotes(store, "cooperation")[0]) == 2
    # Re-ingesting the article without its quotes drops them from the index too.
    store.save(replace(seed, quotes=[]))
    assert search_quotes(store, "cooperation")[0] == []


def test_search_treats_operators_and_quotes_as_words(filled: Store) -> None:
    assert search_words('"test of time" AND stable*') == ["test", "of", "time", "and", "stable*"]
    assert search_quotes(filled, 'NEAR "test" OR')[0] == []  # "near" and "or" are plain words
    assert len(search_quotes(filled, "stab*")[0]) == 1
    with pytest.raises(StoreError, match="no word"):
        search_quotes(filled, " -- ")[0]


def test_cli_quotes_search(db_path: Path, seed: Extraction, tass: Extraction) -> None:
    with Store.open(str(db_path)) as store:
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
