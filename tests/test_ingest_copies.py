"""Every republished copy stored once: exact and near copies found at ingest (issue 19).

The TASS politics sample is ingested, then again under new ids with its
first line changed (as a republisher rewrites the lead) and once more word
for word under other ids: 20 articles, 40 copies, no figure counted twice.
Copies inside one run, copies across runs and `--resume` are covered, and
a different story is not taken for a copy.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from tests.conftest import SHARED

from dateline.cli import main

TASS = SHARED / "corpus" / "tass-politics-sample" / "tass_politics_20.jsonl"


def tass_records() -> list[dict[str, Any]]:
    if not TASS.exists():
        pytest.skip("shared/corpus not beside the checkout")
    return [json.loads(line) for line in TASS.read_text(encoding="utf-8").splitlines() if line]


def republished(records: list[dict[str, Any]], prefix: str, lead: str | None) -> list[dict]:
    """Each record under a new id, its first line replaced by `lead` where given."""

    copies = []
    for record in records:
        text = record["text"]
        if lead is not None:
            text = lead + "\n" + text.partition("\n")[2]
        renamed = {"id": f"{prefix}-{record['id']}", "source": "Republisher", "text": text}
        copies.append(record | renamed)
    return copies


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def stats(db: Path) -> dict[str, Any]:
    output = cli("stats", "--json", "--db", str(db))
    return json.loads(output)


@pytest.mark.slow
def test_tass_ingested_twice_with_changed_leads_gives_20_articles_and_copies(
    tmp_path: Path,
) -> None:
    records = tass_records()
    original = write_jsonl(tmp_path / "tass.jsonl", records)
    edited = republished(records, "re", "Republished from TASS, the Russian news agency")
    verbatim = republished(records, "mirror", None)
    db = tmp_path / "news.db"
    # A copy in the batch of its original: found while the original is not stored yet.
    first = write_jsonl(tmp_path / "first.jsonl", [records[0], edited[0], *records[1:10]])
    output = cli("ingest", str(first), "--db", str(db), "--workers", "1", "--batch-size", "4")
    assert "1 republished copy(ies)" in output
    # A resumed run over the whole sample, then copies of stored articles.
    cli("ingest", str(original), "--db", str(db), "--workers", "1", "--resume")
    rest = write_jsonl(tmp_path / "rest.jsonl", edited[1:] + verbatim)
    cli("ingest", str(rest), "--db", str(db), "--workers", "1")

    counted = stats(db)
    assert (counted["articles"], counted["copies"]) == (20, 40)
    with sqlite3.connect(db) as conn:
        kinds = dict(conn.execute("SELECT kind, count(*) FROM article_copies GROUP BY kind"))
        amounts = conn.execute("SELECT count(*) FROM amounts").fetchone()[0]
    assert kinds == {"near": 20, "exact": 20}

    shown = json.loads(cli("show", records[7]["id"], "--db", str(db), "--json"))
    assert {c["copy_id"] for c in shown["copies"]} == {
        "re-" + records[7]["id"],
        "mirror-" + records[7]["id"],
    }
    assert all(c["source"] == "Republisher" for c in shown["copies"])

    again = tmp_path / "again.db"
    cli("ingest", str(original), "--db", str(again), "--workers", "1")
    with sqlite3.connect(again) as conn:
        assert conn.execute("SELECT count(*) FROM amounts").fetchone()[0] == amounts
