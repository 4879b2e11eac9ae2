"""Two ingests into one PostgreSQL database at once lose nothing and store nothing twice.

A team shares one database: two `dateline ingest` processes run at the same
time over the same short Reuters-21578 dispatches, one front to back and one
back to front, so they race for every article and for every actor the
articles share (the same companies and countries). Afterwards the database
must hold what one ingest into a fresh SQLite file holds: every article once,
each with its own facts once, one row per actor.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from tests.conftest import POSTGRES_ENV, postgres_url

from dateline.cli import main
from dateline.store import Store

pytestmark = pytest.mark.skipif(
    not os.environ.get(POSTGRES_ENV),
    reason=f"needs the tests' PostgreSQL server ({POSTGRES_ENV}; `make test` starts one)",
)

DATELINE = Path(sys.executable).with_name("dateline")
ARTICLES = 16
TIMEOUT = 600
FACT_TABLES = ("mentions", "quotes", "amounts", "events", "places", "sentences")


def _contents(url: str) -> dict[str, Any]:
    """Totals, and every article's facts counted per table."""

    with Store(url, readonly=True) as store:
        per_article = {
            name: Counter(str(row["article_id"]) for row in store.tables.rows(name))
            for name in FACT_TABLES
        }
        actors = sorted(
            (row["name"].casefold(), row["kind"]) for row in store.tables.rows("actors")
        )
        return {"stats": store.stats().as_dict(), "facts": per_article, "actors": actors}


def test_two_ingests_at_once_store_every_article_once(
    tmp_path: Path, short_reuters: Callable[[int, Path], Path]
) -> None:
    records = short_reuters(ARTICLES, tmp_path).read_text(encoding="utf-8").splitlines()
    forward, backward = tmp_path / "forward.jsonl", tmp_path / "backward.jsonl"
    forward.write_text("\n".join(records) + "\n", encoding="utf-8")
    backward.write_text("\n".join(reversed(records)) + "\n", encoding="utf-8")
    reference = f"sqlite:///{tmp_path / 'alone.db'}"
    alone = CliRunner().invoke(main, ["ingest", str(forward), "--db", reference, "--workers", "1"])
    assert alone.exit_code == 0, alone.output

    shared = postgres_url("dateline_concurrent")
    options = ("--db", shared, "--workers", "1", "--batch-size", "2")
    ingests = [
        subprocess.Popen(
            [str(DATELINE), "ingest", str(path), *options],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for path in (forward, backward)
    ]
    for ingest in ingests:
        out, err = ingest.communicate(timeout=TIMEOUT)
        assert ingest.returncode == 0, err.decode("utf-8", "replace")
        assert f"Stored {ARTICLES} article(s)" in out.decode("utf-8")

    together, expected = _contents(shared), _contents(reference)
    assert together["stats"]["articles"] == ARTICLES
    assert together["facts"] == expected["facts"], "each article's facts once, none lost"
    assert together["actors"] == expected["actors"], "one row per actor"
    assert together["stats"] == expected["stats"]
