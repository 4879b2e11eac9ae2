"""A different text under a stored id is an error, never a silent replacement
(hostile-user report D4: two TASS wires under one id ran as "1 new, 1 updated",
exit 0, and only the second was kept)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.store.conftest import STATEMENT_TEXT, TASS_TEXT

from dateline.cli import main
from dateline.errors import IdCollision
from dateline.model import Extraction
from dateline.store import Store


def test_a_second_text_under_a_stored_id_is_refused(store: Store, tass: Extraction) -> None:
    store.save(tass)
    other = replace(tass, article=replace(tass.article, text=STATEMENT_TEXT), actors=[], quotes=[])
    other = replace(other, places=[], sentences=[])
    with pytest.raises(IdCollision, match="already stored with a different text"):
        store.save(other)
    assert store.articles.get(tass.article.id).extraction.article.text == TASS_TEXT


def test_replace_lets_a_correction_through(store: Store, tass: Extraction) -> None:
    store.save(tass)
    corrected = replace(
        tass, article=replace(tass.article, text=TASS_TEXT.replace("Hanoi", "Hanoi "))
    )
    assert store.save(corrected) is False  # white space alone is the same text
    changed = TASS_TEXT.replace("official visit", "working visit")
    fixed = replace(tass, article=replace(tass.article, text=changed))
    fixed = replace(fixed, quotes=[], actors=[], places=[], sentences=[])
    assert store.save(fixed, replace=True) is False
    assert store.articles.get(tass.article.id).extraction.article.text == changed


def test_in_one_batch_the_first_is_kept_and_the_second_reported(
    store: Store, tass: Extraction
) -> None:
    other = replace(tass, article=replace(tass.article, text=STATEMENT_TEXT))
    other = replace(other, actors=[], quotes=[], places=[], sentences=[])
    outcomes = store.save_many([tass, other])
    assert outcomes[0] is True and isinstance(outcomes[1], IdCollision)


def _records(path: Path, *records: dict[str, object]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


@pytest.mark.slow
def test_ingest_reports_the_collision_and_keeps_the_first(tmp_path: Path) -> None:
    source = _records(
        tmp_path / "dup.jsonl",
        {"id": 1, "text": TASS_TEXT},
        {"id": "1", "text": STATEMENT_TEXT},
        # (A text stored under another id would be a republished copy, kept as
        # a record of the first rather than stored: "dup" has a text of its own.)
        {"id": "dup", "text": STATEMENT_TEXT},
        {"id": "dup", "text": STATEMENT_TEXT + "\n"},
    )
    db = tmp_path / "news.db"
    result = CliRunner().invoke(main, ["ingest", source, "--db", str(db), "--workers", "1"])
    assert result.exit_code == 1
    assert "dup.jsonl:2: article id '1' is already stored with a different text" in result.output
    assert "--replace" in result.output
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("select id, text from articles"))
    # "dup" came twice with the same words (a trailing newline apart): one article, updated
    assert rows == {"1": TASS_TEXT, "dup": STATEMENT_TEXT + "\n"}
    again = CliRunner().invoke(
        main, ["ingest", source, "--db", str(db), "--workers", "1", "--replace"]
    )
    assert again.exit_code == 0, again.output
    with sqlite3.connect(db) as conn:
        assert conn.execute("select text from articles where id = '1'").fetchone() == (
            STATEMENT_TEXT,
        )
