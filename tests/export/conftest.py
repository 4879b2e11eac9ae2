"""Stores to export: the hand-built real dispatches of the store tests, on every
backend, and a store of really extracted real articles.

`exported` runs `dateline export` and hands back what it wrote, so every test
reads the files the way an analyst's tools would.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from tests.server.conftest import _articles
from tests.store.conftest import (  # noqa: F401 - fixtures shared with the store tests
    db_path,
    seed,
    statement,
    store,
    tass,
)

from dateline.export import Selection, export
from dateline.pipeline import extract_articles
from dateline.store import Store

Exporter = Callable[..., bytes]


@pytest.fixture
def exported(store: Store) -> Exporter:  # noqa: F811 - the store fixture
    """`exported("gdelt-events", since=...)`: the bytes an export of `store` writes."""

    def run(fmt: str, **selection: object) -> bytes:
        out = io.BytesIO()
        export(store, fmt, out, Selection(**selection))  # type: ignore[arg-type]
        return out.getvalue()

    return run


@pytest.fixture(scope="session")
def extracted_url(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> str:
    """A SQLite store of the Kazinform example and four TASS dispatches, really extracted."""

    url = str(Path(tmp_path_factory.mktemp("export")) / "news.db")
    with Store(url) as opened:
        for extraction in extract_articles(_articles(), nlp):
            assert not isinstance(extraction, Exception), extraction
            opened.save(extraction)
    return url
