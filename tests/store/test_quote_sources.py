"""A quote's source words ("the statement said"): output, store, listing, CLI, rendering.

The TASS statement dispatch is the case the field exists for: its quotes
come from a joint statement, which is no actor, so `speaker` is None while
the text still names where the words come from.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from dateline.cli import main
from dateline.errors import StoreError
from dateline.model import Extraction, Span
from dateline.output import extraction_to_dict
from dateline.render import render_article
from dateline.store import Store
from dateline.store.schema import SCHEMA_VERSION, store_info


@pytest.fixture
def filled(store: Store, seed: Extraction, statement: Extraction) -> Store:
    store.save(seed)
    store.save(statement)
    return store


def test_output_gives_source_words_and_their_span(statement: Extraction, seed: Extraction) -> None:
    for found in (statement, seed):
        text = found.article.text
        for quote in extraction_to_dict(found)["quotes"]:
            span = quote["source_span"]
            assert quote["source"] == text[span["start"] : span["end"]]
    quotes = extraction_to_dict(statement)["quotes"]
    assert [(q["speaker"], q["source"]) for q in quotes] == [(None, "the statement")] * 2
    said = extraction_to_dict(seed)["quotes"][-1]
    assert (said["speaker"], said["source"]) == ("mishustin", "the Russian Prime Minister")


def test_output_without_source_says_none(statement: Extraction) -> None:
    statement.quotes[0].source = None
    quote = extraction_to_dict(statement)["quotes"][0]
    assert quote["source"] is None and quote["source_span"] is None


def test_stored_quotes_read_back_their_source_words(filled: Store, statement: Extraction) -> None:
    found = filled.articles.get(statement.article.id)
    assert found is not None
    article = found.as_dict()
    for stored, built in zip(article["quotes"], statement.quotes, strict=True):
        assert built.source is not None
        assert stored["source"] == {
            "start": built.source.start,
            "end": built.source.end,
            "text": "the statement",
        }
        assert stored["speaker"] is None and stored["speaker_name"] is None
    summary = filled.articles.summary(statement.article.id)
    assert [q["source"] for q in summary["quotes"]] == ["the statement"] * 2


def test_a_quote_without_source_words_reads_back_none(store: Store, statement: Extraction) -> None:
    statement.quotes[1].source = None
    store.save(statement)
    found = store.articles.get(statement.article.id)
    assert found is not None
    assert [q["source"] is None for q in found.as_dict()["quotes"]] == [False, True]


def test_source_span_outside_the_text_is_refused(store: Store, statement: Extraction) -> None:
    length = len(statement.article.text)
    statement.quotes[0].source = Span(length - 2, length + 3)
    with pytest.raises(StoreError, match="quote source span"):
        store.save(statement)


def test_listing_carries_source_words(filled: Store) -> None:
    rows = filled.quotes.page().items
    by_text = {row.text[:20]: row for row in rows}
    assert by_text["The suspected vessel"].source == "the statement"
    assert by_text["The suspected vessel"].speaker is None
    assert by_text["Our cooperation has "].source == "the Russian Prime Minister"


def test_speaker_filter_finds_source_words_of_quotes_no_actor_speaks(filled: Store) -> None:
    found = filled.quotes.page(speaker="STATEMENT")
    assert found.total == 2
    assert [row.text[:12] for row in found.items] == ["The suspecte", "In response "]
    # Words naming a speaker actor do not match: the actor's name does.
    assert filled.quotes.page(speaker="russian prime").items == []
    assert len(filled.quotes.page(speaker="mishustin").items) == 2
    assert filled.quotes.page(speaker="kallas").items == []


def test_search_narrows_by_source_words_too(filled: Store) -> None:
    found = filled.quotes.search("cables", speaker="statement")
    assert found.total == 1 and found.items[0].source == "the statement"
    assert filled.quotes.search("cables", speaker="mishustin").total == 0


def test_cli_quotes_by_source_words(db_path: Path, seed: Extraction, statement: Extraction) -> None:
    with Store(str(db_path)) as store:
        store.save(seed)
        store.save(statement)
    result = CliRunner().invoke(main, ["quotes", "--speaker", "statement", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert "— the statement  [direct]  tass-1894057" in result.output
    assert "The suspected vessel is part of Russia’s shadow fleet" in result.output
    assert "Mishustin" not in result.output
    everyone = CliRunner().invoke(main, ["quotes", "--db", str(db_path)])
    assert "Mikhail Mishustin  [direct]" in everyone.output
    assert "(speaker not given)" not in everyone.output


def test_rendered_article_names_the_source_where_no_actor_speaks(
    store: Store, statement: Extraction
) -> None:
    store.save(statement)
    stored = store.articles.get(statement.article.id)
    assert stored is not None
    for article in (stored.as_dict(), extraction_to_dict(statement)):
        lines = [line for line in render_article(article).splitlines() if "«" in line]
        assert len(lines) == 2
        assert all(line.split()[1:4] == ["—", "the", "statement:"] for line in lines)
    statement.quotes[0].source = None
    plain = render_article(extraction_to_dict(statement))
    assert "(speaker not given): «The suspected vessel" in plain


def test_database_of_the_previous_schema_is_refused(db_path: Path) -> None:
    """A version 3 store has no source columns in `quotes`; opening it must say
    to re-ingest rather than fail later on a missing column."""

    Store(str(db_path)).close()
    engine = sa.create_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE quotes DROP COLUMN source_start")
        conn.exec_driver_sql("ALTER TABLE quotes DROP COLUMN source_end")
        conn.execute(sa.update(store_info).values(value="3"))
    engine.dispose()
    message = f"holds dateline schema version 3, this dateline writes version {SCHEMA_VERSION}"
    with pytest.raises(StoreError, match=message) as refused:
        Store(str(db_path))
    assert "re-ingest the articles into a fresh database" in str(refused.value)
