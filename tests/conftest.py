"""Shared fixtures: the spaCy pipeline (loaded once) and the real dispatches."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from spacy.language import Language

from dateline.model import Article
from dateline.parsing import ParsedDoc, load_model, parse_article
from dateline.readers import read_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kazinform-2022-07-04-smailov-mishustin.txt"
SHARED = ROOT.parent / "shared"
DEV_GOLD = SHARED / "eval" / "dev"
REUTERS = SHARED / "corpus" / "reuters21578" / "reuters21578.jsonl"
SHORT_ARTICLE = 700
"""Longest article text (characters) the scale tests take, to keep them fast."""


POSTGRES_ENV = "DATELINE_TEST_POSTGRES_URL"
"""The PostgreSQL server the tests may use: `make test` starts a throwaway one
(scripts/test_postgres.sh) and sets this to its URL; unset, the tests that
take a `BACKENDS` parameter run on SQLite alone."""

BACKENDS = ["sqlite", *(["postgresql"] if os.environ.get(POSTGRES_ENV) else [])]
"""The databases the store, ingest, export and server tests run on."""


def postgres_url(database: str) -> str:
    """The URL of `database` on the test server, created if missing, emptied of
    dateline's tables. Each group of tests has a database of its own, so a
    session-long store is never dropped under it by another test's fixture."""

    from dateline.store.schema import metadata

    base = sa.engine.make_url(os.environ[POSTGRES_ENV])
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            found = conn.execute(
                sa.text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": database}
            ).first()
            if found is None:
                conn.exec_driver_sql(f'CREATE DATABASE "{database}"')
    finally:
        admin.dispose()
    url = base.set(database=database)
    engine = sa.create_engine(url)
    try:
        metadata.drop_all(engine)
    finally:
        engine.dispose()
    return url.render_as_string(hide_password=False)


def empty_store_url(backend: str, sqlite_path: Path, database: str) -> str:
    """Where a test's fresh store goes: the SQLite file, or PostgreSQL `database`."""

    return str(sqlite_path) if backend == "sqlite" else postgres_url(database)


def gold_records(name: str) -> list[dict[str, Any]]:
    """Gold articles of the shared dev set; skips where shared/ is absent."""

    path = DEV_GOLD / name
    if not path.exists():
        pytest.skip(f"{path} not found: the shared evaluation data sits beside the repo")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model()


@pytest.fixture(scope="session")
def seed_article() -> Article:
    return read_text(EXAMPLE.read_text(encoding="utf-8"), origin=str(EXAMPLE))


@pytest.fixture(scope="session")
def seed_parsed(seed_article: Article, nlp: Language) -> ParsedDoc:
    return parse_article(seed_article, nlp)


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    return gold_records("seed.jsonl")[0]


@pytest.fixture(scope="session")
def tass_gold() -> list[dict[str, Any]]:
    return gold_records("tass_dev.jsonl")


def write_short_reuters(count: int, folder: Path) -> Path:
    """The first `count` short Reuters-21578 bodies, as a JSON Lines file."""

    if not REUTERS.exists():
        pytest.skip("shared/ not beside the checkout")
    chosen = []
    with REUTERS.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("text") and len(record["text"]) <= SHORT_ARTICLE:
                chosen.append(line)
            if len(chosen) == count:
                break
    path = folder / "reuters.jsonl"
    path.write_text("".join(chosen), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def short_reuters() -> Callable[[int, Path], Path]:
    return write_short_reuters
