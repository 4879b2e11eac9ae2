"""The command line on real dispatches: extract, ingest, bad input, queries."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from tests.conftest import BACKENDS, empty_store_url

from dateline.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kazinform-2022-07-04-smailov-mishustin.txt"
SEED_GOLD = ROOT.parent / "shared" / "eval" / "dev" / "seed.jsonl"
TASS = ROOT.parent / "shared" / "corpus" / "tass-politics-sample" / "tass_politics_20.jsonl"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh store to ingest into: SQLite, and PostgreSQL when the tests have one."""

    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    return empty_store_url(request.param, tmp_path / "test.db", "dateline_ingest")


def stats(db: str) -> dict[str, Any]:
    from dateline.store import Store

    with Store(db) as store:
        return store.stats().as_dict()


def test_extract_jsonl_keeps_gold_ids_and_shape() -> None:
    if not SEED_GOLD.exists():
        pytest.skip("shared/ not beside the checkout")
    result = run("extract", "--format", "jsonl", str(SEED_GOLD))
    assert result.exit_code == 0, result.output
    record = json.loads(result.output.splitlines()[0])
    assert record["id"] == "kazinform-2022-07-04-smailov-mishustin"
    assert set(record) >= {"id", "text", "meta", "actors", "quotes", "amounts", "events", "places"}
    meta = record["meta"]
    assert (meta["date"], meta["dateline"], meta["source"]) == (
        "2022-07-04",
        "Yekaterinburg",
        "Kazinform",
    )
    smailov = next(a for a in record["actors"] if a["name"] == "Alikhan Smailov")
    assert "Smailov" in smailov["mentions"]
    for span in smailov["spans"]:
        assert record["text"][span["start"] : span["end"]] in smailov["mentions"]
    turnover = next(a for a in record["amounts"] if a["text"] == "$24.2bn")
    assert (turnover["value"], turnover["unit"]) == (24.2e9, "USD")


def test_extract_table_is_readable() -> None:
    result = run("extract", str(EXAMPLE))
    assert result.exit_code == 0
    assert "Alikhan Smailov [person: KAZ, Prime Minister, government]" in result.output
    assert "CONSULT: " in result.output


def test_ingest_twice_stores_once(db: str) -> None:
    first = run("ingest", str(EXAMPLE), "--db", db)
    assert first.exit_code == 0, first.output
    assert "1 new" in first.output
    before = stats(db)
    second = run("ingest", str(EXAMPLE), "--db", db)
    assert second.exit_code == 0
    assert "0 new, 1 updated" in second.output
    assert stats(db) == before
    assert before["articles"] == 1


def test_bad_inputs_are_named_and_the_batch_goes_on(tmp_path: Path, db: str) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-empty.txt").write_text("")
    (folder / "b-binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 20)
    (folder / "c-latin1.txt").write_bytes("MOSCOW, December 26. /TASS/. Caf\xe9".encode("latin-1"))
    good = {"id": "tass-good", "text": EXAMPLE.read_text(encoding="utf-8"), "date": "2022-07-04"}
    (folder / "d-records.jsonl").write_text(
        json.dumps(good) + "\n{broken json\n" + json.dumps({"id": "no-text", "text": ""}) + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", db])
    assert result.exit_code == 1
    errors = result.output  # click's runner mixes stderr in
    assert "a-empty.txt" in errors and "empty" in errors
    assert "b-binary.txt" in errors and "binary" in errors
    assert "c-latin1.txt" in errors and "byte" in errors
    assert "d-records.jsonl:2" in errors
    assert "d-records.jsonl:3" in errors
    assert "5 input(s) failed" in errors
    assert stats(db)["articles"] == 1


def test_earlier_articles_survive_a_failing_batch(tmp_path: Path, db: str) -> None:
    assert run("ingest", str(EXAMPLE), "--db", db).exit_code == 0
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(broken), "--db", db])
    assert result.exit_code == 1
    assert stats(db)["articles"] == 1


def test_queries_over_the_store(db: str) -> None:
    run("ingest", str(EXAMPLE), "--db", db)
    summary = run("summary", "--db", db)
    assert summary.exit_code == 0
    assert "Mikhail Mishustin" in summary.output and "$24.2bn" in summary.output
    quotes = run("quotes", "--speaker", "mishustin", "--db", db)
    assert "Our cooperation has stood the test of time" in quotes.output
    assert "I believe our countries" not in quotes.output
    first = run("quotes", "--limit", "1", "--db", db)
    assert re.search(r"\(1 of \d+ quotes shown; raise --limit", first.output)
    article_id = json.loads(run("extract", "--format", "jsonl", str(EXAMPLE)).output)["id"]
    shown = run("show", article_id, "--db", db)
    assert shown.exit_code == 0 and "Yekaterinburg" in shown.output
    missing = CliRunner().invoke(main, ["show", "no-such-article", "--db", db])
    assert missing.exit_code != 0 and "dateline stats" in missing.output
    counted = run("stats", "--db", db)
    assert "articles: 1" in counted.output


def test_tass_wires_ingest(db: str) -> None:
    if not TASS.exists():
        pytest.skip("shared/ not beside the checkout")
    result = run("ingest", str(TASS), "--db", db)
    assert result.exit_code == 0, result.output
    assert stats(db)["articles"] == 20


def test_help_explains_every_command() -> None:
    result = run("--help")
    for command in ("extract", "ingest", "show", "quotes", "stats", "summary", "evaluate"):
        assert command in result.output


def test_evaluate_passes_the_model_as_an_argument(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--model` reaches the pipeline as an argument: an unknown pipeline is named in the
    error, and nothing is left behind in the environment for later calls."""

    if not SEED_GOLD.exists():
        pytest.skip("shared/ not beside the checkout")
    monkeypatch.delenv("DATELINE_MODEL", raising=False)
    result = CliRunner().invoke(main, ["evaluate", str(SEED_GOLD), "--model", "en_no_such_model"])
    assert result.exit_code == 1
    assert "'en_no_such_model' is not installed" in result.output
    assert "DATELINE_MODEL" not in os.environ
