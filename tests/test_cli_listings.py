"""Every listing as JSON, `dateline articles`, the spans `show` prints, `--version`.

The store holds the hand-built real dispatches of the store tests (the
Kazinform example, two TASS excerpts), so the JSON can be checked against the
library's own rows; the CLI prints what `store.*` returns, nothing else.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from click.testing import CliRunner
from tests.store.conftest import seed_extraction, statement_extraction, tass_extraction

from dateline import __version__
from dateline.cli import main
from dateline.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = str(tmp_path_factory.mktemp("listings") / "news.db")
    with Store(url) as store:
        for extraction in (seed_extraction(), tass_extraction(), statement_extraction()):
            store.save(extraction)
    return url


def _run(db: str, *args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--db", db])
    assert result.exit_code == 0, result.output
    return result.output


def _json(db: str, *args: str) -> Any:
    return json.loads(_run(db, *args, "--json"))


def test_every_listing_takes_json(db: str) -> None:
    with Store(db, readonly=True) as store:
        assert _json(db, "stats") == store.stats().as_dict()
        assert _json(db, "quotes", "--speaker", "mishustin") == (
            store.quotes.page(speaker="mishustin", limit=50).as_dicts()
        )
        assert _json(db, "events", "--actor", "KAZ") == store.events.page(actor="KAZ").as_dicts()
        assert _json(db, "dyad", "KAZ", "RUS") == [
            m.as_dict() for m in store.events.dyad("KAZ", "RUS")
        ]
        assert _json(db, "figures", "--measure", "trade turnover") == (
            store.figures.page(measure="trade turnover").as_dicts()
        )
        assert [p["name"] for p in _json(db, "actor", "Smailov")] == ["Alikhan Smailov"]
        assert _json(db, "articles") == store.articles.page(limit=50).as_dicts()
    summaries = _json(db, "summary", "tass-1893813", "kazinform-2022-07-04-smailov-mishustin")
    assert [s["article"]["id"] for s in summaries] == [
        "tass-1893813",
        "kazinform-2022-07-04-smailov-mishustin",
    ]
    assert "Gennady Bezdetko" in [a["name"] for a in summaries[0]["actors"]]


def test_articles_lists_and_filters_stored_articles(db: str) -> None:
    everything = _json(db, "articles")
    assert len(everything) == 3
    assert [a["id"] for a in _json(db, "articles", "--source", "tass")] == [
        a["id"] for a in everything if a["source"] == "TASS"
    ]
    assert [a["id"] for a in _json(db, "articles", "--since", "2024-01-01")] == [
        "tass-1893813",
        "tass-1894057",
    ]
    found = _json(db, "articles", "--search", "shadow fleet")
    assert [a["id"] for a in found] == ["tass-1894057"]
    assert found[0]["quotes"] == 2
    text = _run(db, "articles", "--limit", "1")
    assert "(1 of 3 articles shown" in text
    assert _run(db, "articles", "--search", "no such words anywhere") == "No articles match.\n"


def test_show_prints_each_facts_offsets(db: str) -> None:
    """Every `[start:end]` the text form prints cuts the fact's own words from the text."""

    seed = seed_extraction()
    shown = _run(db, "show", seed.article.id)
    offsets = [
        (int(a), int(b))
        for a, b in re.findall(r"(\d+):(\d+)", " ".join(re.findall(r"\[[\d:, ]+\]", shown)))
    ]
    assert offsets, shown
    words = {seed.article.text[a:b] for a, b in offsets}
    assert "Alikhan Smailov" in words
    assert "$24.2bn" in words
    consult = next(e for e in seed.events if e.type == "CONSULT")
    assert f"[{consult.evidence.start}:{consult.evidence.end}]" in shown
    for quote in seed.quotes:
        assert f"[{quote.span.start}:{quote.span.end}]" in shown


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output
