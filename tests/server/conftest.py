"""A store built by really extracting a few real dispatches, and an app over it.

The bundled Kazinform example (two prime ministers, trade figures, a meeting
in Yekaterinburg) plus four TASS dispatches from the shared corpus sample:
Mishustin's visit to Vietnam, Lukashenko and Putin's talks, Russia's growth
figures and Lavrov's Moscow talks on Syria. A second, hand-built store holds a
TASS dispatch quoting a statement (no actor speaks), for showing source words.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from spacy.language import Language
from tests.conftest import BACKENDS, empty_store_url
from tests.store.conftest import statement_extraction

from dateline.model import Article, Extraction
from dateline.pipeline import extract_articles
from dateline.readers import article_from_record, read_text
from dateline.server import create_app
from dateline.store import Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "kazinform-2022-07-04-smailov-mishustin.txt"
TASS_SAMPLE = ROOT.parent / "shared" / "corpus" / "tass-politics-sample" / "tass_politics_20.jsonl"
TASS_IDS = ("tass-1893813", "tass-1893797", "tass-1894077", "tass-1893769")
LOOPBACK = "http://127.0.0.1"
"""Tests address the app as a browser on this machine does: other hosts are refused."""


def _articles() -> list[Article]:
    if not TASS_SAMPLE.exists():
        pytest.skip(f"{TASS_SAMPLE} not found: the shared corpus sits beside the repo")
    found = [read_text(EXAMPLE.read_text(encoding="utf-8"), origin=str(EXAMPLE))]
    for line in TASS_SAMPLE.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] in TASS_IDS:
            found.append(article_from_record(record, origin=str(TASS_SAMPLE)))
    return found


@pytest.fixture(scope="session")
def server_extractions(nlp: Language) -> list[Extraction]:
    """The dispatches extracted once, for the stores of every backend."""

    found = []
    for extraction in extract_articles(_articles(), nlp):
        assert not isinstance(extraction, Exception), extraction
        found.append(extraction)
    return found


@pytest.fixture(scope="session", params=BACKENDS)
def store_url(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    server_extractions: list[Extraction],
) -> str:
    """The extracted dispatches stored on each backend (SQLite, and PostgreSQL if
    the tests have one): every server test runs against both."""

    path = tmp_path_factory.mktemp("server") / "news.db"
    url = empty_store_url(request.param, path, "dateline_server")
    with Store(url) as store:
        for extraction in server_extractions:
            store.save(extraction)
    return url


@pytest.fixture(scope="session")
def statement_store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store whose one article's quotes come from "the statement", no actor."""

    url = str(tmp_path_factory.mktemp("statement") / "news.db")
    with Store(url) as store:
        store.save(statement_extraction())
    return url


@pytest.fixture(scope="session")
def example_id() -> str:
    return read_text(EXAMPLE.read_text(encoding="utf-8")).id


@pytest.fixture(scope="session")
def client(store_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(store_url), base_url=LOOPBACK) as test_client:
        yield test_client
